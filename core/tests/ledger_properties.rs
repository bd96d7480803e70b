//! Properties of the books over random histories: money is conserved for every account at
//! every date, and a reversal with its correction leaves the books as if only the correction
//! came.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use ledger_support::{books, charged, d, remittance};
use medbill::Money;
use medbill::ledger::{
    AgingBasis, AsOf, Balance, Balances, Category, ChargedClaim, ClaimIndex, DateBasis, EntryId,
    EntryKind, Ledger, LedgerView, Party, PatientPaymentRequest, PostOptions, aging, balances,
    patient_payment, reverse,
};
use proptest::prelude::*;

const CODES: [&str; 3] = ["99213", "83036", "97110"];

/// One line's adjudication: paid, CO, PR and OA, adding up to the charge (cents).
#[derive(Debug, Clone, Copy)]
struct LineSplit {
    paid: i64,
    co: i64,
    pr: i64,
    oa: i64,
}

fn split(charge: i64, parts: (u16, u16, u16)) -> LineSplit {
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

fn cents(c: i64) -> String {
    Money::from_cents(c).to_string()
}

#[derive(Debug, Clone)]
enum Op {
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

fn parts() -> impl Strategy<Value = (u16, u16, u16)> {
    (0u16..=1000, 0u16..=1000, 0u16..=1000)
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..4, any::<bool>(), prop::collection::vec(parts(), 3))
            .prop_map(|(claim, denied, parts)| Op::Pay { claim, denied, parts }),
        2 => (any::<usize>(), prop::option::of(prop::collection::vec(parts(), 3)))
            .prop_map(|(pick, correct)| Op::Reverse835 { pick, correct }),
        2 => (0usize..4, 1i64..20_000).prop_map(|(claim, cents)| Op::Patient { claim, cents }),
        1 => any::<usize>().prop_map(|pick| Op::UserReverse { pick }),
    ]
}

fn history() -> impl Strategy<Value = (Vec<Vec<i64>>, Vec<(Op, u8)>)> {
    (
        prop::collection::vec(prop::collection::vec(1i64..200_000, 1..=3), 4),
        prop::collection::vec((op(), 0u8..4), 1..14),
    )
}

/// A payment the payer made, as the model keeps it.
#[derive(Debug, Clone)]
struct Paid {
    claim: usize,
    icn: String,
    denied: bool,
    lines: Vec<LineSplit>,
    live: bool,
}

/// What the model expects of one claim: charges, payments, adjustments, and each party's
/// balance, kept from the operations, never from `balances`.
#[derive(Debug, Clone, Default, PartialEq)]
struct Expected {
    charges: i64,
    payments: i64,
    adjustments: i64,
    parties: BTreeMap<String, i64>,
}

fn party_key(party: &Party) -> String {
    format!("{party:?}")
}

fn money_cents(m: Money) -> i64 {
    use rust_decimal::prelude::ToPrimitive;
    (m.amount() * rust_decimal::Decimal::from(100))
        .to_i64()
        .unwrap()
}

fn pcn(i: usize) -> String {
    format!("C{i}")
}

fn clp(p: &Paid, status: &str, sign: i64) -> String {
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
fn expect_paid(model: &mut [Expected], p: &Paid, sign: i64) {
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

struct Run {
    ledger: Ledger,
    claims: ClaimIndex,
    model: Vec<Expected>,
    /// The model as it stood at the end of each posting date.
    snapshots: Vec<(NaiveDate, Vec<Expected>)>,
    /// Every 835 posted, with its posting date.
    posted: Vec<(medbill::remit::Remittance, NaiveDate)>,
}

fn run(lines: &[Vec<i64>], ops: &[(Op, u8)]) -> Run {
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
            charged(&pcn(i), &refs)
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
                        patient: format!("PA-{}", pcn(*claim)),
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

fn pcn_index(pcn: &str) -> usize {
    pcn.trim_start_matches('C').parse().unwrap()
}

fn add(total: &mut Balance, b: &Balance) {
    total.merge(b).unwrap();
}

fn identity(b: &Balance) -> bool {
    let sum = b
        .charges
        .checked_sub(b.payments)
        .and_then(|x| x.checked_sub(b.adjustments))
        .and_then(|x| x.checked_add(b.transfers))
        .and_then(|x| x.checked_add(b.other))
        .unwrap();
    sum == b.balance
}

/// Every structural conservation law of one set of balances.
fn check_conservation(all: &Balances) {
    assert!(identity(&all.receivables));
    let mut over_parties = Balance::default();
    for p in &all.parties {
        assert!(identity(&p.balance));
        add(&mut over_parties, &p.balance);
    }
    assert_eq!(
        over_parties, all.receivables,
        "parties add up to the receivables"
    );
    let mut over_claims = Balance::default();
    for claim in &all.claims {
        assert!(identity(&claim.balance));
        assert_eq!(
            claim.balance.transfers,
            Money::ZERO,
            "transfers stay inside a claim"
        );
        let mut lines = claim.claim_level;
        for line in &claim.lines {
            assert!(identity(&line.balance));
            let mut parties = Balance::default();
            for p in &line.parties {
                assert!(identity(&p.balance));
                add(&mut parties, &p.balance);
            }
            assert_eq!(parties, line.balance);
            add(&mut lines, &line.balance);
        }
        assert_eq!(
            lines, claim.balance,
            "lines and claim level add up to the claim"
        );
        let mut parties = Balance::default();
        for p in &claim.parties {
            add(&mut parties, &p.balance);
        }
        assert_eq!(parties, claim.balance);
        add(&mut over_claims, &claim.balance);
    }
    let mut over_patients = Balance::default();
    for patient in &all.patients {
        let mut sum = patient.unapplied;
        for claim in all.claims.iter().filter(|c| c.patient == patient.patient) {
            add(&mut sum, &claim.balance);
        }
        assert_eq!(
            sum, patient.balance,
            "claims and unapplied add up to the patient"
        );
        add(&mut over_patients, &patient.balance);
    }
    assert_eq!(over_patients, all.receivables);
    let unapplied = all.patients.iter().fold(Balance::default(), |mut t, p| {
        add(&mut t, &p.unapplied);
        t
    });
    add(&mut over_claims, &unapplied);
    assert_eq!(over_claims, all.receivables);
}

/// The cash side of the books adds up to zero: remittances, payer payments, suspense and PLBs.
fn check_cash(ledger: &Ledger, as_of: AsOf) {
    let cash = Money::sum(
        ledger
            .entries()
            .iter()
            .filter(|e| as_of.includes(e))
            .filter(|e| {
                matches!(e.kind.original(), EntryKind::PayerPayment)
                    || e.kind.category() == Category::Other
            })
            .map(|e| e.amount),
    )
    .unwrap();
    assert_eq!(
        cash,
        Money::ZERO,
        "the cash side of the remittances adds up to zero"
    );
}

fn check_model(all: &Balances, model: &[Expected]) {
    for (i, expected) in model.iter().enumerate() {
        let claim = all.claim(&pcn(i)).unwrap();
        let got = Expected {
            charges: money_cents(claim.balance.charges),
            payments: money_cents(claim.balance.payments),
            adjustments: money_cents(claim.balance.adjustments),
            parties: claim
                .parties
                .iter()
                .map(|p| (party_key(&p.party), money_cents(p.balance.balance)))
                .collect(),
        };
        let mut want = expected.clone();
        want.parties.retain(|_, v| *v != 0);
        let mut got = got;
        got.parties.retain(|_, v| *v != 0);
        assert_eq!(got, want, "claim {i}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// charges = payments + adjustments + balances, for every claim, line, party, patient
    /// account and the books, at every posting date of a random history with payments,
    /// denials, 835 reversals with and without corrections, patient payments and user
    /// reversals; each claim's figures as the model of the operations expects.
    #[test]
    fn money_is_conserved_for_every_account_at_every_date((lines, ops) in history()) {
        let run = run(&lines, &ops);
        for (date, model) in &run.snapshots {
            let as_of = AsOf::posted(*date);
            let all = balances(run.ledger.entries(), as_of).unwrap();
            check_conservation(&all);
            check_cash(&run.ledger, as_of);
            check_model(&all, model);
            // Aging spreads the claims' balances over its buckets, whatever the basis.
            let on_claims = Money::sum(all.claims.iter().map(|c| c.balance.balance)).unwrap();
            for basis in [AgingBasis::DateOfService, AgingBasis::FirstBilled, AgingBasis::LastPayment] {
                let report = aging(run.ledger.entries(), *date, basis).unwrap();
                prop_assert_eq!(report.total.total, on_claims);
                prop_assert_eq!(Money::sum(report.total.buckets).unwrap(), on_claims);
            }
            // The laws hold by effective date too.
            let effective = AsOf { date: Some(*date), basis: DateBasis::Effective };
            check_conservation(&balances(run.ledger.entries(), effective).unwrap());
        }
        let all = balances(run.ledger.entries(), AsOf::all()).unwrap();
        check_model(&all, &run.model);
        prop_assert!(run.claims.len() == 4);
        // Every 835 posted again changes nothing and says so.
        let mut again = run.ledger.clone();
        let last = again.entries().last().map(|e| e.posted).unwrap();
        for (remit, _) in &run.posted {
            let posting = again.post_remittance(remit, &run.claims, &PostOptions::on(last)).unwrap();
            prop_assert!(posting.already_posted && posting.entries.is_empty());
        }
        prop_assert_eq!(again.entries(), run.ledger.entries());
        // The books read back from their JSON are the same books, with the same audit chain.
        let json = medbill::to_json(&run.ledger.entries().to_vec()).unwrap();
        let back = Ledger::from_entries(medbill::from_json(&json).unwrap()).unwrap();
        prop_assert_eq!(back.entries(), run.ledger.entries());
        let hashes = medbill::audit::AuditChain::new().extend(run.ledger.entries()).unwrap();
        prop_assert!(medbill::audit::AuditChain::verify(back.entries(), &hashes, None).is_ok());
    }

    /// A payment reversed and corrected (CLP02 22 then 1) leaves the receivables as if
    /// only the correction had come.
    #[test]
    fn a_reversal_and_correction_equal_the_correction_alone(
        charges in prop::collection::vec(1i64..200_000, 1..=3),
        first in prop::collection::vec(parts(), 3),
        second in prop::collection::vec(parts(), 3),
        same_835 in any::<bool>(),
    ) {
        let lines = vec![charges.clone(), vec![100], vec![100], vec![100]];
        let pay = |parts: &Vec<(u16, u16, u16)>| Op::Pay { claim: 0, denied: false, parts: parts.clone() };
        let reversed = if same_835 {
            run(&lines, &[(pay(&first), 1), (Op::Reverse835 { pick: 0, correct: Some(second.clone()) }, 1)])
        } else {
            // The reversal alone, then the correction in a later 835.
            let mut r = run(&lines, &[(pay(&first), 1), (Op::Reverse835 { pick: 0, correct: None }, 1)]);
            let splits: Vec<LineSplit> = charges.iter().zip(&second).map(|(c, p)| split(*c, *p)).collect();
            let p = Paid { claim: 0, icn: "ICN1".into(), denied: false, lines: splits, live: true };
            let total: i64 = p.lines.iter().map(|l| l.paid).sum();
            let remit = remittance("T99", &cents(total), &clp(&p, "1", 1));
            r.ledger.post_remittance(&remit, &r.claims, &PostOptions::on(d("2026-12-30"))).unwrap();
            r
        };
        let only = run(&lines, &[(pay(&second), 2)]);
        let a = balances(reversed.ledger.entries(), AsOf::all()).unwrap();
        let b = balances(only.ledger.entries(), AsOf::all()).unwrap();
        prop_assert_eq!(&a.claims, &b.claims);
        prop_assert_eq!(&a.parties, &b.parties);
        prop_assert_eq!(&a.patients, &b.patients);
        prop_assert_eq!(a.receivables, b.receivables);
    }
}
