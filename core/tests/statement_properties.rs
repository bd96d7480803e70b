//! Properties of statements and plans over random books: a statement's figures are sums of
//! the entries and reconcile with the ledger's balances at every date, whatever happened
//! (payments, denials, 835 reversals with and without corrections, patient payments and
//! user reversals, then unapplied payments, allocations, refunds, small-balance write-offs
//! and user transfers entered through the ledger's own operations); and a payment plan's
//! installments always add up to the balance, none zero or negative, on strictly increasing
//! dates.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use chrono::{Days, NaiveDate};
use ledger_support::history::{history, run_for};
use medbill::Money;
use medbill::ledger::{
    Account, AsOf, Balances, ChargedClaims, ClaimIndex, Ledger, LedgerView, LineAccount, Party,
    PatientPaymentRequest, TransferRequest, balances, patient_payment, refund, transfer, write_off,
};
use medbill::statement::{
    AllocationTarget, CreditAction, CreditOptions, PaymentAllocationRequest, PlanFrequency,
    PlanRequest, PlanTerms, SmallBalanceRule, Statement, StatementError, StatementOptions,
    allocate_payment, credits, payment_plan, small_balance_write_offs, statement,
};
use proptest::prelude::*;

const PATIENTS: [&str; 2] = ["PA-0", "PA-1"];

/// What a user does on the patient's side after the history.
#[derive(Debug, Clone)]
enum Step {
    /// A payment kept on the patient account.
    Unapplied { patient: usize, cents: i64 },
    /// A payment allocated oldest first, or to one visit.
    Allocate {
        patient: usize,
        cents: i64,
        visit: Option<usize>,
    },
    /// Every refund `credits` proposes (not held for pending insurance).
    Refunds,
    /// Every small-balance write-off of a rule.
    SmallBalances { threshold: i64, days: u32 },
    /// Part of what the primary owes on a line moved to the patient.
    ToPatient { claim: usize, cents: i64 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..2, 1i64..30_000).prop_map(|(patient, cents)| Step::Unapplied { patient, cents }),
        (0usize..2, 1i64..60_000, prop::option::of(0usize..4)).prop_map(
            |(patient, cents, visit)| Step::Allocate {
                patient,
                cents,
                visit
            }
        ),
        Just(Step::Refunds),
        (1i64..50_000, 0u32..40)
            .prop_map(|(threshold, days)| Step::SmallBalances { threshold, days }),
        (0usize..4, 1i64..50_000).prop_map(|(claim, cents)| Step::ToPatient { claim, cents }),
    ]
}

fn patient_of(claim: usize) -> String {
    PATIENTS[claim % 2].to_owned()
}

fn next(day: NaiveDate, advance: u8) -> NaiveDate {
    day.checked_add_days(Days::new(u64::from(advance))).unwrap()
}

fn apply(ledger: &mut Ledger, step: &Step, day: NaiveDate) {
    match step {
        Step::Unapplied { patient, cents } => {
            let request = PatientPaymentRequest {
                patient: PATIENTS[*patient].to_owned(),
                claim: None,
                amount: Money::from_cents(*cents),
                received: day,
                posted: day,
                check: None,
            };
            let entries = patient_payment(ledger, &request).unwrap();
            ledger.append_all(entries).unwrap();
        }
        Step::Allocate {
            patient,
            cents,
            visit,
        } => {
            let request = PaymentAllocationRequest {
                patient: PATIENTS[*patient].to_owned(),
                amount: Money::from_cents(*cents),
                target: match visit {
                    Some(visit) => AllocationTarget::Visit(format!("C{visit}")),
                    None => AllocationTarget::OldestFirst,
                },
                received: day,
                posted: day,
                check: None,
            };
            let allocation = match allocate_payment(&request, ledger.entries()) {
                Ok(allocation) => allocation,
                // A visit of the other patient.
                Err(StatementError::UnknownClaim { .. }) => {
                    assert!(visit.is_some_and(|v| patient_of(v) != request.patient));
                    return;
                }
                Err(error) => panic!("{error}"),
            };
            let total = Money::sum(allocation.requests.iter().map(|r| r.amount)).unwrap();
            assert_eq!(
                total, request.amount,
                "an allocation hands out the whole payment"
            );
            assert_eq!(
                allocation
                    .applied
                    .checked_add(allocation.unapplied)
                    .unwrap(),
                request.amount
            );
            for request in &allocation.requests {
                let entries = patient_payment(ledger, request).unwrap();
                // Every cent meant for a visit lands on it (never more than owed there).
                if request.claim.is_some() {
                    let on_visit = Money::sum(
                        entries
                            .iter()
                            .filter(|e| e.account.claim().is_some())
                            .map(|e| e.amount.negated()),
                    )
                    .unwrap();
                    assert_eq!(on_visit, request.amount);
                }
                ledger.append_all(entries).unwrap();
            }
        }
        Step::Refunds => {
            let options = CreditOptions {
                as_of: day,
                refund_on: day,
                posted: day,
                hold_while_insurance_pending: false,
            };
            let found = credits(ledger.entries(), &options).unwrap();
            let all = balances(ledger.entries(), AsOf::posted(day)).unwrap();
            for credit in found {
                let owed = patient_side(&all, &credit.patient);
                assert_eq!(credit.net_credit, owed.negated());
                if let CreditAction::Refund(request) = credit.action {
                    let entry = refund(ledger, &request).unwrap();
                    ledger.append(entry).unwrap();
                }
            }
            let after = balances(ledger.entries(), AsOf::posted(day)).unwrap();
            for patient in PATIENTS {
                assert!(
                    patient_side(&after, patient) >= Money::ZERO,
                    "every credit left over is refunded"
                );
            }
        }
        Step::SmallBalances { threshold, days } => {
            let rule = SmallBalanceRule {
                threshold: Money::from_cents(*threshold),
                older_than_days: *days,
                reason: "small balance".into(),
            };
            let before = balances(ledger.entries(), AsOf::posted(day)).unwrap();
            let requests = small_balance_write_offs(ledger.entries(), &rule, day, day).unwrap();
            for request in &requests {
                let entry = write_off(ledger, request).unwrap();
                ledger.append(entry).unwrap();
            }
            let after = balances(ledger.entries(), AsOf::posted(day)).unwrap();
            for patient in PATIENTS {
                let written = Money::sum(
                    requests
                        .iter()
                        .filter(|r| r.account.patient() == Some(patient))
                        .map(|r| r.amount),
                )
                .unwrap();
                let due = patient_side(&before, patient);
                if !written.is_zero() {
                    assert!(due > Money::ZERO && due <= rule.threshold);
                    assert!(written <= due);
                }
                assert_eq!(
                    patient_side(&after, patient),
                    due.checked_sub(written).unwrap()
                );
            }
        }
        Step::ToPatient { claim, cents } => {
            let pcn = format!("C{claim}");
            let account = Account::Line(LineAccount {
                patient: patient_of(*claim).into(),
                claim: pcn.clone().into(),
                line: 0,
            });
            let primary = Party::Primary("00952".into());
            let owed = Money::sum(
                ledger
                    .claim_entries(&pcn)
                    .iter()
                    .filter(|e| e.account == account && e.party == primary)
                    .map(|e| e.amount),
            )
            .unwrap();
            let amount = owed.min(Money::from_cents(*cents));
            if amount <= Money::ZERO {
                return;
            }
            let entries = transfer(
                ledger,
                &TransferRequest {
                    account,
                    from: primary,
                    to: Party::Patient,
                    amount,
                    effective: day,
                    posted: day,
                },
            )
            .unwrap();
            ledger.append_all(entries).unwrap();
        }
    }
}

/// The patient's own balance on the patient account and its claims.
fn patient_side(all: &Balances, patient: &str) -> Money {
    all.patient(patient)
        .and_then(|p| p.parties.iter().find(|b| b.party == Party::Patient))
        .map_or(Money::ZERO, |b| b.balance.balance)
}

fn sum(amounts: impl IntoIterator<Item = Money>) -> Money {
    Money::sum(amounts).unwrap()
}

/// Every figure of a statement against the ledger's balances at the same date.
fn check(statement: &Statement, all: &Balances) {
    let t = &statement.totals;
    assert_eq!(t.amount_due, patient_side(all, &statement.patient_account));
    assert_eq!(
        t.amount_due,
        t.owed_on_visits.checked_add(t.unapplied).unwrap()
    );
    assert_eq!(
        t.owed_on_visits,
        sum(statement.visits.iter().map(|v| v.figures.owes))
    );
    assert_eq!(statement.aging.total, t.owed_on_visits);
    assert_eq!(sum(statement.aging.buckets), t.owed_on_visits);
    let claims: Vec<_> = all
        .claims
        .iter()
        .filter(|c| c.patient == statement.patient_account)
        .collect();
    assert_eq!(claims.len(), statement.visits.len());
    for visit in &statement.visits {
        let f = &visit.figures;
        let claim = all.claim(&visit.claim).unwrap();
        let owes = claim
            .parties
            .iter()
            .find(|p| p.party == Party::Patient)
            .map_or(Money::ZERO, |p| p.balance.balance);
        assert_eq!(
            f.owes, owes,
            "the visit owes the patient's balance on the claim"
        );
        assert_eq!(f.charged, claim.balance.charges);
        assert_eq!(
            f.insurance_paid.checked_add(f.patient_paid).unwrap(),
            claim.balance.payments
        );
        assert_eq!(
            sum([f.insurance_adjusted, f.written_off, f.share_written_off]),
            claim.balance.adjustments
        );
        // The visit reads top to bottom as a sum.
        let left = sum([
            f.charged,
            f.insurance_paid.negated(),
            f.insurance_adjusted.negated(),
            f.written_off.negated(),
            f.share_written_off.negated(),
            f.patient_paid.negated(),
        ]);
        assert_eq!(left, f.insurance_pending.checked_add(f.owes).unwrap());
        assert_eq!(
            f.owes,
            sum([
                f.patient_share,
                f.patient_paid.negated(),
                f.share_written_off.negated()
            ])
        );
        assert_eq!(f.patient_share, sum(visit.share.iter().map(|s| s.amount)));
        assert_eq!(f.patient_paid, sum(visit.payments.iter().map(|p| p.amount)));
        assert_eq!(
            f.insurance_pending,
            sum(visit.payers.iter().map(|p| p.pending))
        );
        assert_eq!(f.insurance_paid, sum(visit.payers.iter().map(|p| p.paid)));
        for payer in &visit.payers {
            let left = sum([
                payer.billed,
                payer.paid.negated(),
                payer.adjusted.negated(),
                payer.written_off.negated(),
                payer.moved_on.negated(),
            ]);
            assert_eq!(left, payer.pending, "{payer:?}");
        }
        assert_eq!(f.charged, sum(visit.lines.iter().map(|l| l.charged)));
        assert_eq!(visit.owed_since.is_some(), f.owes > Money::ZERO);
        assert!(visit.owed_since <= visit.last_owed);
    }
    let owing = statement
        .visits
        .iter()
        .any(|v| v.figures.owes > Money::ZERO);
    assert_eq!(
        statement.dunning.is_some(),
        t.amount_due > Money::ZERO && owing
    );
}

fn check_all(ledger: &Ledger, claims: &ClaimIndex, date: NaiveDate) {
    let all = balances(ledger.entries(), AsOf::posted(date)).unwrap();
    for patient in PATIENTS {
        let options = StatementOptions {
            include_settled: true,
            ..StatementOptions::on(date)
        };
        let s = match statement(patient, ledger.entries(), claims, &options) {
            Ok(s) => s,
            Err(StatementError::UnknownPatient) => continue,
            Err(error) => panic!("{error}"),
        };
        check(&s, &all);
        // Settled visits left out change no total.
        let open = statement(
            patient,
            ledger.entries(),
            claims,
            &StatementOptions::on(date),
        )
        .unwrap();
        assert_eq!(open.totals.amount_due, s.totals.amount_due);
        assert_eq!(open.totals.owed_on_visits, s.totals.owed_on_visits);
        assert!(open.visits.len() <= s.visits.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// At every posting date of a random history, each patient's statement reconciles with
    /// the ledger's balances (see [`check`]); the patient-side operations proposed by the
    /// statement module are accepted by the ledger and do what they say.
    #[test]
    fn statements_reconcile_with_the_books_at_every_date(
        (lines, ops) in history(),
        steps in prop::collection::vec((step(), 0u8..40), 0..10),
    ) {
        let patients: Vec<String> = (0..lines.len()).map(patient_of).collect();
        let run = run_for(&lines, &ops, &patients);
        for (date, _) in &run.snapshots {
            check_all(&run.ledger, &run.claims, *date);
        }
        let mut ledger = run.ledger;
        let mut day = ledger.last_posted().unwrap();
        for (step, advance) in &steps {
            day = next(day, *advance);
            apply(&mut ledger, step, day);
            check_all(&ledger, &run.claims, day);
        }
        prop_assert!(run.claims.charged("C0").is_some());
    }

    /// Any balance split by count or by amount, weekly, every two weeks or monthly from any
    /// day: the installments add up to the balance exactly, none is zero or negative, the
    /// dates strictly increase; by count they differ by a cent at most, the larger first; by
    /// amount all but the last are the amount and the last is no more.
    #[test]
    fn plan_installments_add_up_to_the_balance_on_increasing_dates(
        cents in 1i64..100_000_000,
        count in 1u32..=1000,
        each in 1i64..5_000_000,
        by_count in any::<bool>(),
        every in prop_oneof![
            Just(PlanFrequency::Weekly),
            Just(PlanFrequency::EveryTwoWeeks),
            Just(PlanFrequency::Monthly)
        ],
        first in 0u64..20_000,
    ) {
        let balance = Money::from_cents(cents);
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap().checked_add_days(Days::new(first)).unwrap();
        let terms = if by_count {
            PlanTerms::Installments(count)
        } else {
            PlanTerms::Amount(Money::from_cents(each))
        };
        let request = PlanRequest {
            balance,
            terms,
            every,
            opened: first,
            first,
            grace_days: 0,
            default_after_missed: 2,
        };
        let expected = if by_count {
            i64::from(count)
        } else {
            (cents + each - 1) / each
        };
        let plan = match payment_plan(&request) {
            Ok(plan) => plan,
            Err(StatementError::TooManyInstallments { max }) => {
                prop_assert!(expected > i64::from(max));
                prop_assert!(max == 1000 || i64::from(max) == cents);
                return Ok(());
            }
            Err(error) => panic!("{error}"),
        };
        let installments = &plan.installments;
        prop_assert_eq!(installments.len() as i64, expected);
        prop_assert_eq!(sum(installments.iter().map(|i| i.amount)), balance);
        prop_assert!(installments.iter().all(|i| i.amount > Money::ZERO && i.amount.is_whole_cents()));
        prop_assert!(installments.windows(2).all(|w| w[0].due < w[1].due));
        prop_assert_eq!(installments[0].due, first);
        prop_assert!(installments.iter().enumerate().all(|(n, i)| i.number as usize == n + 1));
        if by_count {
            let amounts: Vec<Money> = installments.iter().map(|i| i.amount).collect();
            prop_assert!(amounts.windows(2).all(|w| w[0] >= w[1]));
            let spread = amounts[0].checked_sub(*amounts.last().unwrap()).unwrap();
            prop_assert!(spread <= Money::from_cents(1));
        } else {
            let (last, rest) = installments.split_last().unwrap();
            prop_assert!(rest.iter().all(|i| i.amount == Money::from_cents(each)));
            prop_assert!(last.amount <= Money::from_cents(each));
        }
    }
}
