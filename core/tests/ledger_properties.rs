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

use ledger_support::d;
use ledger_support::history::{
    Expected, LineSplit, Op, Paid, cents, clp, history, money_cents, parts, party_key, pcn, run,
    split,
};
use ledger_support::remittance;
use medbill::Money;
use medbill::ledger::{
    AgingBasis, AsOf, Balance, Balances, Category, DateBasis, EntryKind, Ledger, PostOptions,
    aging, balances,
};
use proptest::prelude::*;

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
