//! Random histories of the books, for property tests: claims charged, paid and denied by
//! 835s, reversed with and without corrections, patient payments and user reversals, with a
//! model of what each claim's figures must be, kept from the operations alone.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use medbill::Money;
use medbill::ledger::{
    Category, ChargedClaim, ClaimIndex, EntryId, Ledger, LedgerView, Party, PatientPaymentRequest,
    PostOptions, patient_payment, reverse,
};
use proptest::prelude::*;

use super::{books, charged, d, remittance};

pub const CODES: [&str; 3] = ["99213", "83036", "97110"];

/// One line's adjudication: paid, CO, PR and OA, adding up to the charge (cents).
#[derive(Debug, Clone, Copy)]
pub struct LineSplit {
    pub paid: i64,
    pub co: i64,
    pub pr: i64,
    pub oa: i64,
}

pub fn split(charge: i64, parts: (u16, u16, u16)) -> LineSplit {
    let paid = charge * i64::from(parts.0) / 1000;
    let rest = charge - paid;
    let co = rest * i64::from(parts.1) / 1000;
    let rest = rest - co;
    let pr = rest * i64::from(parts.2) / 1000;
    LineSplit {
        paid,
        co,
        pr,
        oa: rest - pr,
    }
}

pub fn cents(c: i64) -> String {
    Money::from_cents(c).to_string()
}

#[derive(Debug, Clone)]
pub enum Op {
    /// The payer pays (or denies) a claim: one part triple per line.
    Pay {
        claim: usize,
        denied: bool,
        parts: Vec<(u16, u16, u16)>,
    },
    /// The payer reverses one of its earlier payments, with a correction or not.
    Reverse835 {
        pick: usize,
        correct: Option<Vec<(u16, u16, u16)>>,
    },
    /// The patient pays on a claim.
    Patient { claim: usize, cents: i64 },
    /// A user reverses an entry.
    UserReverse { pick: usize },
}

pub fn parts() -> impl Strategy<Value = (u16, u16, u16)> {
    (0u16..=1000, 0u16..=1000, 0u16..=1000)
}

pub fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..4, any::<bool>(), prop::collection::vec(parts(), 3))
            .prop_map(|(claim, denied, parts)| Op::Pay { claim, denied, parts }),
        2 => (any::<usize>(), prop::option::of(prop::collection::vec(parts(), 3)))
            .prop_map(|(pick, correct)| Op::Reverse835 { pick, correct }),
        2 => (0usize..4, 1i64..20_000).prop_map(|(claim, cents)| Op::Patient { claim, cents }),
        1 => any::<usize>().prop_map(|pick| Op::UserReverse { pick }),
    ]
}

pub fn history() -> impl Strategy<Value = (Vec<Vec<i64>>, Vec<(Op, u8)>)> {
    (
        prop::collection::vec(prop::collection::vec(1i64..200_000, 1..=3), 4),
        prop::collection::vec((op(), 0u8..4), 1..14),
    )
}

/// A payment the payer made, as the model keeps it.
#[derive(Debug, Clone)]
pub struct Paid {
    pub claim: usize,
    pub icn: String,
    pub denied: bool,
    pub lines: Vec<LineSplit>,
    pub live: bool,
}

/// What the model expects of one claim: charges, payments, adjustments, and each party's
/// balance, kept from the operations, never from `balances`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expected {
    pub charges: i64,
    pub payments: i64,
    pub adjustments: i64,
    pub parties: BTreeMap<String, i64>,
}

pub fn party_key(party: &Party) -> String {
    format!("{party:?}")
}

pub fn money_cents(m: Money) -> i64 {
    use rust_decimal::prelude::ToPrimitive;
    (m.amount() * rust_decimal::Decimal::from(100))
        .to_i64()
        .unwrap()
}

pub fn pcn(i: usize) -> String {
    format!("C{i}")
}

pub fn clp(p: &Paid, status: &str, sign: i64) -> String {
    let charge: i64 = p.lines.iter().map(|l| l.paid + l.co + l.pr + l.oa).sum();
    let paid: i64 = p.lines.iter().map(|l| l.paid).sum();
    let pr: i64 = if sign > 0 {
        p.lines.iter().map(|l| l.pr).sum()
    } else {
        0
    };
    let mut text = format!(
        "CLP*{}*{status}*{}*{}*{}*MB*{}*11*1~",
        pcn(p.claim),
        cents(sign * charge),
        cents(sign * paid),
        cents(pr),
        p.icn
    );
    for (i, l) in p.lines.iter().enumerate() {
        let charge = l.paid + l.co + l.pr + l.oa;
        text += &format!(
            "SVC*HC:{}*{}*{}**1~",
            CODES[i],
            cents(sign * charge),
            cents(sign * l.paid)
        );
        for (group, reason, amount) in [("CO", "45", l.co), ("PR", "2", l.pr), ("OA", "23", l.oa)] {
            if amount != 0 {
                text += &format!("CAS*{group}*{reason}*{}~", cents(sign * amount));
            }
        }
        text += &format!("REF*6R*{}-{}~", pcn(p.claim), i + 1);
    }
    text
}

/// Applies a payment (or its undoing, `sign` −1) to the model.
pub fn expect_paid(model: &mut [Expected], p: &Paid, sign: i64) {
    let e = &mut model[p.claim];
    let primary = party_key(&Party::Primary("00952".into()));
    let patient = party_key(&Party::Patient);
    for l in &p.lines {
        e.payments += sign * l.paid;
        e.adjustments += sign * l.co;
        *e.parties.entry(primary.clone()).or_default() -= sign * (l.paid + l.co + l.pr);
        *e.parties.entry(patient.clone()).or_default() += sign * l.pr;
    }
}

pub struct Run {
    pub ledger: Ledger,
    pub claims: ClaimIndex,
    pub model: Vec<Expected>,
    /// The model as it stood at the end of each posting date.
    pub snapshots: Vec<(NaiveDate, Vec<Expected>)>,
    /// Every 835 posted, with its posting date.
    pub posted: Vec<(medbill::remit::Remittance, NaiveDate)>,
}

pub fn run(lines: &[Vec<i64>], ops: &[(Op, u8)]) -> Run {
    let patients: Vec<String> = (0..lines.len()).map(|i| format!("PA-{}", pcn(i))).collect();
    run_for(lines, ops, &patients)
}

/// A random history over claims whose patient accounts are `patients` (one per claim: two
/// claims may share a patient account).
pub fn run_for(lines: &[Vec<i64>], ops: &[(Op, u8)], patients: &[String]) -> Run {
    let claims: Vec<ChargedClaim> = lines
        .iter()
        .enumerate()
        .map(|(i, charges)| {
            let specs: Vec<(&str, String)> = charges
                .iter()
                .enumerate()
                .map(|(l, c)| (CODES[l], cents(*c)))
                .collect();
            let refs: Vec<(&str, &str)> = specs.iter().map(|(a, b)| (*a, b.as_str())).collect();
            let mut claim = charged(&pcn(i), &refs);
            claim.patient_account = patients[i].clone();
            claim
        })
        .collect();
    let (mut ledger, index) = books(claims);
    let mut model: Vec<Expected> = lines
        .iter()
        .map(|charges| {
            let total: i64 = charges.iter().sum();
            Expected {
                charges: total,
                parties: BTreeMap::from([(party_key(&Party::Primary("00952".into())), total)]),
                ..Expected::default()
            }
        })
        .collect();
    let mut day = d("2026-11-21");
    let mut snapshots = vec![(day, model.clone())];
    let mut paid: Vec<Paid> = Vec::new();
    let mut posted = Vec::new();
    let mut trace = 0;
    for (op, advance) in ops {
        day = day
            .checked_add_days(Days::new(u64::from(*advance)))
            .unwrap();
        let options = PostOptions::on(day);
        match op {
            Op::Pay {
                claim,
                denied,
                parts,
            } => {
                let splits: Vec<LineSplit> = lines[*claim]
                    .iter()
                    .zip(parts)
                    .map(|(c, p)| {
                        let mut s = split(*c, *p);
                        if *denied {
                            s.co += s.paid;
                            s.paid = 0;
                        }
                        s
                    })
                    .collect();
                trace += 1;
                let p = Paid {
                    claim: *claim,
                    icn: format!("ICN{trace}"),
                    denied: *denied,
                    lines: splits,
                    live: true,
                };
                let total: i64 = p.lines.iter().map(|l| l.paid).sum();
                let remit = remittance(
                    &format!("T{trace}"),
                    &cents(total),
                    &clp(&p, if *denied { "4" } else { "1" }, 1),
                );
                ledger.post_remittance(&remit, &index, &options).unwrap();
                posted.push((remit, day));
                expect_paid(&mut model, &p, 1);
                paid.push(p);
            }
            Op::Reverse835 { pick, correct } => {
                let live: Vec<usize> = (0..paid.len())
                    .filter(|&i| paid[i].live && !paid[i].denied)
                    .collect();
                if live.is_empty() {
                    continue;
                }
                let which = live[pick % live.len()];
                let original = paid[which].clone();
                let total: i64 = original.lines.iter().map(|l| l.paid).sum();
                let mut body = clp(&original, "22", -1);
                let mut net = -total;
                let correction = correct.as_ref().map(|parts| {
                    let lines: Vec<LineSplit> = lines[original.claim]
                        .iter()
                        .zip(parts)
                        .map(|(c, p)| split(*c, *p))
                        .collect();
                    Paid {
                        lines,
                        live: true,
                        ..original.clone()
                    }
                });
                if let Some(c) = &correction {
                    body += &clp(c, "1", 1);
                    net += c.lines.iter().map(|l| l.paid).sum::<i64>();
                }
                trace += 1;
                let remit = remittance(&format!("T{trace}"), &cents(net), &body);
                let posting = ledger.post_remittance(&remit, &index, &options).unwrap();
                posted.push((remit, day));
                assert_eq!(
                    posting.claims[0].outcome,
                    medbill::ledger::ClaimOutcome::Reversed,
                    "{:?}",
                    posting.findings
                );
                paid[which].live = false;
                expect_paid(&mut model, &original, -1);
                if let Some(c) = correction {
                    expect_paid(&mut model, &c, 1);
                    paid.push(c);
                }
            }
            Op::Patient {
                claim,
                cents: amount,
            } => {
                let entries = patient_payment(
                    &ledger,
                    &PatientPaymentRequest {
                        patient: patients[*claim].clone(),
                        claim: Some(pcn(*claim)),
                        amount: Money::from_cents(*amount),
                        received: day,
                        posted: day,
                        check: None,
                    },
                )
                .unwrap();
                let patient = party_key(&Party::Patient);
                for e in &entries {
                    if e.account.claim().is_some() {
                        let m = &mut model[*claim];
                        m.payments -= money_cents(e.amount);
                        *m.parties.entry(patient.clone()).or_default() += money_cents(e.amount);
                    }
                }
                // What the patient owed on the claim is paid, never more.
                let applied: i64 = entries
                    .iter()
                    .filter(|e| e.account.claim().is_some())
                    .map(|e| -money_cents(e.amount))
                    .sum();
                assert!(applied <= *amount);
                ledger.append_all(entries).unwrap();
            }
            Op::UserReverse { pick } => {
                // Charges, payer payments, adjustments, transfers and patient payments on
                // claims that a payer reversal does not own.
                let candidates: Vec<EntryId> = ledger
                    .entries()
                    .iter()
                    .filter(|e| e.account.claim().is_some())
                    .filter(|e| {
                        matches!(
                            e.source,
                            medbill::ledger::Source::User(_) | medbill::ledger::Source::Billed
                        )
                    })
                    .filter(|e| ledger.reversal_of(e.id).is_none())
                    .map(|e| e.id)
                    .collect();
                if candidates.is_empty() {
                    continue;
                }
                let id = candidates[pick % candidates.len()];
                let entry = reverse(&ledger, id, day, day, Some("error")).unwrap();
                let original = ledger.entry(id).unwrap();
                let claim = pcn_index(original.account.claim().unwrap());
                let cents = money_cents(original.amount);
                let m = &mut model[claim];
                match original.kind.category() {
                    Category::Charge => m.charges -= cents,
                    Category::Payment => m.payments += cents,
                    Category::Adjustment => m.adjustments += cents,
                    _ => {}
                }
                *m.parties.entry(party_key(&original.party)).or_default() -= cents;
                ledger.append(entry).unwrap();
            }
        }
        match snapshots.last_mut() {
            Some((last, state)) if *last == day => *state = model.clone(),
            _ => snapshots.push((day, model.clone())),
        }
    }
    Run {
        ledger,
        claims: index,
        model,
        snapshots,
        posted,
    }
}

pub fn pcn_index(pcn: &str) -> usize {
    pcn.trim_start_matches('C').parse().unwrap()
}
