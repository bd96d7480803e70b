//! `medbill demo`: a billing day at a small practice, on data bundled into the binary
//! (`examples/data/practice.json` and `examples/data/billing-day.json`).
//!
//! It checks each appointment's eligibility against the payers' 271 answers
//! (`demo_eligibility.rs`), prepares each encounter's claim, validates it, prices the clean ones under each
//! payer's contract, adjudicates them under each patient's plan, writes the ready claims as an
//! 837P (read back to prove it) and summarizes the day. Then the money comes back
//! (`demo_books.rs`): the payers answer with 835s written by medbill's 835 writer from each
//! plan's adjudication (one claim denied, one paid short then reversed and corrected, one
//! PLB), medbill posts them into a books file and prints what is left for whom.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use medbill::benefits::{Accumulators, BenefitPlan, Network};
use medbill::claim::{Encounter, Practice};
use medbill::codesets::PfsData;
use medbill::pricing::{LineStatus, PricedClaim};
use medbill::{Claim, Contract, Money};
use serde::Deserialize;

use crate::Failure;
use crate::claim_cmd::describe;
use crate::output::outln;

const PRACTICE: &str = include_str!("../../examples/data/practice.json");
const BILLING_DAY: &str = include_str!("../../examples/data/billing-day.json");
const CONTRACTS: [&str; 3] = [
    include_str!("../../examples/data/contracts/medicare-part-b.json"),
    include_str!("../../examples/data/contracts/prairie-ppo.json"),
    include_str!("../../examples/data/contracts/lakeshore-medicaid.json"),
];
/// Each payer's benefit plan, by payer id (the demo's patients start the plan year fresh).
const PLANS: [(&str, &str); 3] = [
    (
        "00952",
        include_str!("../../examples/data/plans/medicare-part-b-2026.json"),
    ),
    (
        "PHP01",
        include_str!("../../examples/data/plans/commercial-ppo.json"),
    ),
    (
        "LKMCD",
        include_str!("../../examples/data/plans/lakeshore-medicaid.json"),
    ),
];
/// Illustrative PFS data in the CMS layouts (not CMS values): see examples/data/pfs-sample.
const SAMPLE_RVU: &[u8] = include_bytes!("../../examples/data/pfs-sample/rvu-sample.csv");
const SAMPLE_GPCI: &[u8] = include_bytes!("../../examples/data/pfs-sample/gpci-sample.csv");
const SAMPLE_ANES: &[u8] = include_bytes!("../../examples/data/pfs-sample/anes-sample.csv");
const SAMPLE_ZIP: &[u8] = include_bytes!("../../examples/data/pfs-sample/zip-sample.txt");

/// `medbill demo` options.
#[derive(Debug, clap::Args)]
pub(crate) struct DemoArgs {
    #[command(flatten)]
    pfs: crate::price_cmd::PfsFiles,
    /// Where to write the day's 837P (default: medbill-demo.837 in the temporary folder).
    #[arg(long)]
    out_837: Option<std::path::PathBuf>,
    /// The books file to post the payers' 835s into: a new file (default: books.sqlite in
    /// this run's folder, medbill-demo-PID in the temporary folder, beside the payers' 835s).
    #[arg(long)]
    books: Option<std::path::PathBuf>,
}

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

pub(crate) fn run(args: DemoArgs) -> Result<u8, Failure> {
    crate::demo_books::refuse_existing(args.books.as_deref())?;
    let practice: Practice = medbill::from_json(PRACTICE)
        .map_err(|e| Failure::input(format!("bundled practice.json: {e}")))?;
    let day: BillingDay = medbill::from_json(BILLING_DAY)
        .map_err(|e| Failure::input(format!("bundled billing-day.json: {e}")))?;

    let practice_name = match &practice.billing_provider.name {
        medbill::claim::PartyName::Organization { name } => name.clone(),
        medbill::claim::PartyName::Person(person) => format!("{} {}", person.first, person.last),
    };
    outln!("medbill demo: {practice_name}, billing day {}", day.date);
    outln!(
        "{} encounters, {} patients, {} providers, {} payers\n",
        day.encounters.len(),
        practice.patients.len(),
        practice.providers.len(),
        practice.payers.len()
    );

    outln!("0. Check each appointment's eligibility (the payers' 271 answers)");
    crate::demo_eligibility::check(&day.encounters, &practice, &PLANS)?;

    outln!("\n1. Prepare and validate claims");
    let mut outcomes = Vec::new();
    // The patient account of each ready claim (the practice's patient id).
    let mut accounts = BTreeMap::new();
    for encounter in &day.encounters {
        let outcome = match medbill::prepare_claim(encounter, &practice) {
            Err(error) => Outcome::NotBilled(error.to_string()),
            Ok(claim) => {
                let findings = claim.validate();
                if medbill::finding::has_errors(&findings) {
                    Outcome::Held(claim, findings)
                } else {
                    Outcome::Ready(claim)
                }
            }
        };
        print_outcome(&encounter.id, &outcome);
        if let Outcome::Ready(claim) = &outcome {
            accounts.insert(
                claim.patient_control_number.clone(),
                encounter.patient_id.clone(),
            );
        }
        outcomes.push(outcome);
    }

    outln!("\n1b. Scrub the ready claims before they are sent (NCCI, MUE, add-on, payer pack)");
    let ready_claims = ready_of(&outcomes);
    let day_date = NaiveDate::parse_from_str(&day.date, "%Y-%m-%d")
        .map_err(|e| Failure::input(format!("billing day date: {e}")))?;
    let mut scrubbed = crate::demo_scrub::check(&ready_claims, day_date)?.into_iter();
    crate::demo_scrub::draft()?;
    // A claim the scrubber finds an error in is held, like one validation refused.
    for outcome in &mut outcomes {
        if let Outcome::Ready(claim) = outcome {
            let errors = scrubbed.next().unwrap_or_default();
            if !errors.is_empty() {
                accounts.remove(&claim.patient_control_number);
                *outcome = Outcome::Held(claim.clone(), errors);
            }
        }
    }

    outln!("\n2. Price the ready claims under each payer's contract");
    let pfs = match crate::price_cmd::load_pfs(&args.pfs)? {
        Some(data) => {
            outln!(
                "   PFS data: {} ({} relative value rows)",
                data.version,
                data.rvu.len()
            );
            data
        }
        None => {
            outln!(
                "   PFS data: the bundled SAMPLE files (illustrative RVUs, not CMS values; use --pfs-dir for the CMS files)"
            );
            PfsData::load(
                SAMPLE_RVU,
                SAMPLE_GPCI,
                Some(SAMPLE_ANES),
                Some(SAMPLE_ZIP),
                Some("SAMPLE"),
            )
            .map_err(|e| Failure::input(format!("bundled sample PFS: {e}")))?
        }
    };
    let contracts = CONTRACTS
        .iter()
        .map(|text| medbill::from_json::<Contract>(text))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Failure::input(format!("bundled contract: {e}")))?;
    let as_of = NaiveDate::parse_from_str(&day.date, "%Y-%m-%d")
        .map_err(|e| Failure::input(format!("billing day date: {e}")))?;
    let mut priced = Vec::new();
    for outcome in &outcomes {
        let Outcome::Ready(claim) = outcome else {
            continue;
        };
        let Some(contract) = contracts
            .iter()
            .find(|c| c.payer_id == claim.payer.payer_id)
        else {
            outln!(
                "   {:<9} no contract with {}",
                claim.patient_control_number,
                claim.payer.name
            );
            continue;
        };
        let options = medbill::pricing::PriceOptions::default();
        match medbill::price(claim, contract, Some(&pfs), as_of, &options) {
            Ok(result) => {
                let unpriced = result
                    .lines
                    .iter()
                    .filter(|l| l.status != LineStatus::Priced)
                    .count();
                let note = if unpriced > 0 {
                    format!("  ({unpriced} line(s) not priced by this schedule)")
                } else {
                    String::new()
                };
                outln!(
                    "   {:<9} {:<20} charge {:>10}  allowed {:>10}{note}",
                    claim.patient_control_number,
                    claim.payer.name,
                    format!("${}", result.total_charge),
                    format!("${}", result.total_allowed)
                );
                priced.push((claim.payer.name.clone(), result));
            }
            Err(error) => outln!("   {:<9} not priced: {error}", claim.patient_control_number),
        }
    }

    outln!("\n3. Adjudicate under each patient's plan: what the plan pays, what the patient owes");
    let mut shares = Vec::new();
    for (_, result) in &priced {
        let Some((_, plan_text)) = PLANS.iter().find(|(payer, _)| *payer == result.payer_id) else {
            continue;
        };
        let plan: BenefitPlan = medbill::from_json(plan_text)
            .map_err(|e| Failure::input(format!("bundled plan: {e}")))?;
        match medbill::adjudicate(result, &plan, &Accumulators::default(), Network::InNetwork) {
            Ok(adjudication) => {
                outln!(
                    "   {:<9} {:<28} plan pays {:>9}  patient owes {:>9}",
                    adjudication.patient_control_number,
                    plan.name,
                    format!("${}", adjudication.plan_paid),
                    format!("${}", adjudication.patient_responsibility)
                );
                shares.push(adjudication);
            }
            Err(error) => outln!(
                "   {:<9} not adjudicated: {error}",
                result.patient_control_number
            ),
        }
    }

    outln!("\n4. Write the ready claims as an 837P for the clearinghouse");
    let ready = ready_of(&outcomes);
    let path = args
        .out_837
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("medbill-demo.837"));
    let envelope = crate::x12_cmd::default_envelope()?;
    let submission = crate::x12_cmd::default_submission()?;
    let bytes = medbill::x12::write_837(&ready, &submission, &envelope)
        .map_err(|e| Failure::input(format!("writing the 837: {e}")))?;
    std::fs::write(&path, &bytes)
        .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?;
    let reread =
        medbill::read_x12(&bytes).map_err(|e| Failure::input(format!("rereading the 837: {e}")))?;
    outln!("   wrote {} ({} bytes)", path.display(), bytes.len());
    for summary in reread.summaries() {
        outln!(
            "   {}",
            crate::x12_cmd::check_line(&summary).replace('\t', "  ")
        );
    }
    let same = reread.claims.iter().map(|t| t.claims.len()).sum::<usize>() == ready.len();
    outln!(
        "   read back: {} claims, envelopes {}",
        reread.claims.iter().map(|t| t.claims.len()).sum::<usize>(),
        if reread.is_clean() && same {
            "and counts valid"
        } else {
            "WITH FINDINGS"
        }
    );

    outln!("\n5. Summary");
    summarize(&outcomes, &priced).map_err(|e| Failure::input(e.to_string()))?;
    let plan_total = Money::sum(shares.iter().map(|a| a.plan_paid))
        .map_err(|e| Failure::input(e.to_string()))?;
    let patient_total = Money::sum(shares.iter().map(|a| a.patient_responsibility))
        .map_err(|e| Failure::input(e.to_string()))?;
    outln!("   expected from plans: ${plan_total}; from patients: ${patient_total}");

    let day_claims = crate::demo_books::DayClaims {
        billed: as_of,
        ready: &ready,
        accounts: &accounts,
        priced: priced.iter().map(|(_, p)| p).collect(),
        adjudications: &shares,
    };
    crate::demo_books::run(&day_claims, args.books)?;
    Ok(0)
}

/// The claims ready to send.
fn ready_of(outcomes: &[Outcome]) -> Vec<Claim> {
    outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Ready(claim) => Some(claim.clone()),
            _ => None,
        })
        .collect()
}

fn print_outcome(id: &str, outcome: &Outcome) {
    match outcome {
        Outcome::Ready(claim) => outln!(
            "   {id:<9} {:<20} {} lines {:>10}  ready",
            claim.payer.name,
            claim.line_count(),
            format!("${}", claim.total_charge)
        ),
        Outcome::Held(claim, findings) => {
            outln!(
                "   {id:<9} {:<20} {} lines {:>10}  HELD for correction",
                claim.payer.name,
                claim.line_count(),
                format!("${}", claim.total_charge)
            );
            for finding in findings {
                outln!("             {}", describe(finding));
            }
        }
        Outcome::NotBilled(reason) => outln!("   {id:<9} not billed: {reason}"),
    }
}

fn summarize(
    outcomes: &[Outcome],
    priced: &[(String, PricedClaim)],
) -> Result<(), medbill::MoneyError> {
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
    outln!(
        "   ready to send:       {:>2} claims  ${ready_total}",
        ready.len()
    );
    outln!(
        "   held for correction: {:>2} claims  ${held_total}",
        held.len()
    );
    outln!(
        "   not billed:          {not_billed:>2} encounters (fix the charge master or the encounter)"
    );
    let mut by_payer: BTreeMap<&str, (usize, Money, Money)> = BTreeMap::new();
    for (payer, result) in priced {
        let entry = by_payer
            .entry(payer.as_str())
            .or_insert((0, Money::ZERO, Money::ZERO));
        entry.0 = entry.0.saturating_add(1);
        entry.1 = entry.1.checked_add(result.total_charge)?;
        entry.2 = entry.2.checked_add(result.total_allowed)?;
    }
    outln!("   priced, by payer:");
    for (payer, (count, charge, allowed)) in by_payer {
        outln!("     {payer:<20} {count:>2} claims  charged ${charge}  expected ${allowed}");
    }
    let clean = ready.len();
    let prepared = ready.len().saturating_add(held.len());
    outln!("   clean on first pass: {clean} of {prepared} prepared claims");
    Ok(())
}
