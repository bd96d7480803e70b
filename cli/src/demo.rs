//! `medbill demo`: a billing day at a small practice, on data bundled into the binary
//! (`examples/data/practice.json` and `examples/data/billing-day.json`).
//!
//! Today it prepares each encounter's claim, validates it and summarizes the day; later
//! capabilities (pricing, adjudication, 837/835) extend the same run.

use std::collections::BTreeMap;

use medbill::claim::{Encounter, Practice};
use medbill::{Claim, Money, Severity};
use serde::Deserialize;

use crate::Failure;
use crate::claim_cmd::describe;

const PRACTICE: &str = include_str!("../../examples/data/practice.json");
const BILLING_DAY: &str = include_str!("../../examples/data/billing-day.json");

/// The day's work list: the encounters coded that day.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BillingDay {
    date: String,
    encounters: Vec<Encounter>,
}

/// What became of one encounter.
enum Outcome {
    Ready(Claim),
    Held(Claim, Vec<medbill::Finding>),
    NotBilled(String),
}

pub(crate) fn run() -> Result<u8, Failure> {
    let practice: Practice = medbill::from_json(PRACTICE)
        .map_err(|e| Failure::input(format!("bundled practice.json: {e}")))?;
    let day: BillingDay = medbill::from_json(BILLING_DAY)
        .map_err(|e| Failure::input(format!("bundled billing-day.json: {e}")))?;

    let practice_name = match &practice.billing_provider.name {
        medbill::claim::PartyName::Organization { name } => name.clone(),
        medbill::claim::PartyName::Person(person) => format!("{} {}", person.first, person.last),
    };
    println!("medbill demo: {practice_name}, billing day {}", day.date);
    println!(
        "{} encounters, {} patients, {} providers, {} payers\n",
        day.encounters.len(),
        practice.patients.len(),
        practice.providers.len(),
        practice.payers.len()
    );

    println!("1. Prepare and validate claims");
    let mut outcomes = Vec::new();
    for encounter in &day.encounters {
        let outcome = match medbill::prepare_claim(encounter, &practice) {
            Err(error) => Outcome::NotBilled(error.to_string()),
            Ok(claim) => {
                let findings = claim.validate();
                if findings.iter().any(|f| f.severity == Severity::Error) {
                    Outcome::Held(claim, findings)
                } else {
                    Outcome::Ready(claim)
                }
            }
        };
        print_outcome(&encounter.id, &outcome);
        outcomes.push(outcome);
    }

    println!("\n2. Summary");
    summarize(&outcomes).map_err(|e| Failure::input(e.to_string()))?;
    Ok(0)
}

fn print_outcome(id: &str, outcome: &Outcome) {
    match outcome {
        Outcome::Ready(claim) => println!(
            "   {id:<9} {:<20} {} lines {:>10}  ready",
            claim.payer.name,
            claim.line_count(),
            format!("${}", claim.total_charge)
        ),
        Outcome::Held(claim, findings) => {
            println!(
                "   {id:<9} {:<20} {} lines {:>10}  HELD for correction",
                claim.payer.name,
                claim.line_count(),
                format!("${}", claim.total_charge)
            );
            for finding in findings {
                println!("             {}", describe(finding));
            }
        }
        Outcome::NotBilled(reason) => println!("   {id:<9} not billed: {reason}"),
    }
}

fn summarize(outcomes: &[Outcome]) -> Result<(), medbill::MoneyError> {
    let ready: Vec<&Claim> = outcomes
        .iter()
        .filter_map(|o| {
            if let Outcome::Ready(c) = o {
                Some(c)
            } else {
                None
            }
        })
        .collect();
    let held: Vec<&Claim> = outcomes
        .iter()
        .filter_map(|o| {
            if let Outcome::Held(c, _) = o {
                Some(c)
            } else {
                None
            }
        })
        .collect();
    let not_billed = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::NotBilled(_)))
        .count();
    let ready_total = Money::sum(ready.iter().map(|c| c.total_charge))?;
    let held_total = Money::sum(held.iter().map(|c| c.total_charge))?;
    println!(
        "   ready to send:       {:>2} claims  ${ready_total}",
        ready.len()
    );
    println!(
        "   held for correction: {:>2} claims  ${held_total}",
        held.len()
    );
    println!(
        "   not billed:          {not_billed:>2} encounters (fix the charge master or the encounter)"
    );
    let mut by_payer: BTreeMap<&str, (usize, Money)> = BTreeMap::new();
    for claim in &ready {
        let entry = by_payer
            .entry(claim.payer.name.as_str())
            .or_insert((0, Money::ZERO));
        entry.0 = entry.0.saturating_add(1);
        entry.1 = entry.1.checked_add(claim.total_charge)?;
    }
    println!("   ready, by payer:");
    for (payer, (count, total)) in by_payer {
        println!("     {payer:<20} {count:>2} claims  ${total}");
    }
    let clean = ready.len();
    let prepared = ready.len().saturating_add(held.len());
    println!("   clean on first pass: {clean} of {prepared} prepared claims");
    Ok(())
}
