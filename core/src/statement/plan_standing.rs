//! Where a payment plan stands on a date, given the patient's payments: which installments
//! are paid, paid late, missed, due or still to come, and whether the plan is in default.
//!
//! Payments pay the installments in order, the oldest first, whatever day they came: a
//! payment of two installments' worth pays two, a partial one pays part of the next. An
//! installment is paid on the day the payments so far first covered it for good (a payment
//! undone later uncovers it again). It is:
//! - paid when covered on or before its due date, late when covered after it;
//! - missed when not covered and its grace period (`graceDays` after the due date) is over;
//! - due when not covered, past its due date but still in its grace period;
//! - upcoming when its due date is after the day asked about.
//!
//! The plan is in default while `defaultAfterMissed` installments (or more) are missed; it
//! defaulted the day after the grace period of the one that made the count. Catching up
//! (paying what was missed) ends the default: the plan follows what is owed, not a flag.

use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::plan::PaymentPlan;
use crate::ledger::{AsOf, Entry, EntryKind, Party};
use crate::money::Money;

/// A patient payment toward a plan (negative: a payment undone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanPayment {
    /// The day it was received.
    pub date: NaiveDate,
    /// How much.
    pub amount: Money,
}

/// Where an installment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum InstallmentState {
    /// Its due date is still to come.
    Upcoming,
    /// Past its due date, in its grace period, not covered yet.
    Due,
    /// Covered on or before its due date.
    Paid,
    /// Covered after its due date.
    Late,
    /// Not covered, and its grace period is over.
    Missed,
}

/// One installment and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstallmentStanding {
    /// 1-based.
    pub number: u32,
    /// Its due date.
    pub due: NaiveDate,
    /// Its amount.
    pub amount: Money,
    /// How much of it the payments cover.
    pub paid: Money,
    /// The day the payments covered it, when they do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_on: Option<NaiveDate>,
    /// Where it stands.
    pub state: InstallmentState,
}

/// Where a plan stands on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanStanding {
    /// The day asked about.
    pub as_of: NaiveDate,
    /// What the payments counted add up to (from the day the plan was opened to `asOf`).
    pub paid: Money,
    /// What is left of the plan's balance (zero once paid in full).
    pub remaining: Money,
    /// How many installments are missed.
    pub missed: u32,
    /// True while the plan is in default.
    pub defaulted: bool,
    /// The day it went into default, while it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defaulted_on: Option<NaiveDate>,
    /// True once the payments cover every installment.
    pub completed: bool,
    /// Each installment.
    pub installments: Vec<InstallmentStanding>,
}

/// The patient account's payments that count toward `plan` as of `as_of`: patient payments
/// (net of payments undone) posted on or before `as_of`, received on or after the day the
/// plan was opened, added up by day. Refunds do not count: they give back a credit.
pub fn plan_payments<'a>(
    patient: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    plan: &PaymentPlan,
    as_of: NaiveDate,
) -> Result<Vec<PlanPayment>, StatementError> {
    let cut = AsOf::posted(as_of);
    let mut payments: Vec<PlanPayment> = Vec::new();
    for entry in entries {
        let counts = cut.includes(entry)
            && entry.party == Party::Patient
            && entry.account.patient() == Some(patient)
            && entry.effective >= plan.opened
            && matches!(entry.kind.original(), EntryKind::PatientPayment);
        if !counts {
            continue;
        }
        match payments.iter_mut().find(|p| p.date == entry.effective) {
            Some(p) => p.amount = p.amount.checked_sub(entry.amount)?,
            None => payments.push(PlanPayment {
                date: entry.effective,
                amount: entry.amount.negated(),
            }),
        }
    }
    payments.retain(|p| !p.amount.is_zero());
    payments.sort_by_key(|p| p.date);
    Ok(payments)
}

/// Where `plan` stands on `as_of` given patient account `patient`'s payments in the books'
/// `entries`: [`plan_payments`], then [`plan_standing`].
pub fn plan_standing_in<'a>(
    patient: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    plan: &PaymentPlan,
    as_of: NaiveDate,
) -> Result<PlanStanding, StatementError> {
    let payments = plan_payments(patient, entries, plan, as_of)?;
    plan_standing(plan, &payments, as_of)
}

/// Where `plan` stands on `as_of` given the patient's `payments` (those before the plan was
/// opened or after `as_of` are not counted).
pub fn plan_standing(
    plan: &PaymentPlan,
    payments: &[PlanPayment],
    as_of: NaiveDate,
) -> Result<PlanStanding, StatementError> {
    // What the payments add up to at the end of each day they came, in date order.
    let mut days: Vec<(NaiveDate, Money)> = Vec::new();
    let mut counted: Vec<&PlanPayment> = payments
        .iter()
        .filter(|p| p.date >= plan.opened && p.date <= as_of)
        .collect();
    counted.sort_by_key(|p| p.date);
    let mut running = Money::ZERO;
    for payment in counted {
        running = running.checked_add(payment.amount)?;
        match days.last_mut() {
            Some((day, total)) if *day == payment.date => *total = running,
            _ => days.push((payment.date, running)),
        }
    }
    let paid = running;
    let mut required = Money::ZERO;
    let mut installments = Vec::with_capacity(plan.installments.len());
    let mut missed: u32 = 0;
    let mut defaulted_on = None;
    for installment in &plan.installments {
        let before = required;
        required = required.checked_add(installment.amount)?;
        let covered = paid
            .checked_sub(before)?
            .max(Money::ZERO)
            .min(installment.amount);
        // The day after the last day the running total was short of this installment.
        let paid_on = if paid >= required {
            match days.iter().rposition(|(_, total)| *total < required) {
                Some(short) => days.get(short.saturating_add(1)).map(|d| d.0),
                None => days.first().map(|d| d.0),
            }
        } else {
            None
        };
        let deadline = installment
            .due
            .checked_add_days(Days::new(u64::from(plan.grace_days)))
            .ok_or(StatementError::BadDate {
                field: "graceDays",
                expected: "a grace period ending within the supported calendar",
            })?;
        let state = match paid_on {
            Some(on) if on <= installment.due => InstallmentState::Paid,
            Some(_) => InstallmentState::Late,
            None if installment.due > as_of => InstallmentState::Upcoming,
            None if as_of <= deadline => InstallmentState::Due,
            None => InstallmentState::Missed,
        };
        if state == InstallmentState::Missed {
            missed = missed.saturating_add(1);
            if missed == plan.default_after_missed {
                defaulted_on = deadline.checked_add_days(Days::new(1));
            }
        }
        installments.push(InstallmentStanding {
            number: installment.number,
            due: installment.due,
            amount: installment.amount,
            paid: covered,
            paid_on,
            state,
        });
    }
    let defaulted = plan.default_after_missed > 0 && missed >= plan.default_after_missed;
    Ok(PlanStanding {
        as_of,
        paid,
        remaining: plan.balance.checked_sub(paid)?.max(Money::ZERO),
        missed,
        defaulted,
        defaulted_on: if defaulted { defaulted_on } else { None },
        completed: paid >= plan.balance,
        installments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::plan::{PlanFrequency, PlanRequest, PlanTerms, payment_plan};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap_or_else(|e| unreachable!("{text}: {e}"))
    }

    fn m(text: &str) -> Money {
        text.parse().unwrap_or_else(|e| unreachable!("{text}: {e}"))
    }

    /// 120.00 in 4 monthly installments of 30.00, due Feb 1, Mar 1, Apr 1, May 1 2026, with
    /// `grace` days of grace.
    fn plan(grace: u32) -> PaymentPlan {
        payment_plan(&PlanRequest {
            balance: m("120.00"),
            terms: PlanTerms::Installments(4),
            every: PlanFrequency::Monthly,
            opened: d("2026-01-15"),
            first: d("2026-02-01"),
            grace_days: grace,
            default_after_missed: 2,
        })
        .unwrap_or_else(|e| unreachable!("{e}"))
    }

    fn pay(date: &str, amount: &str) -> PlanPayment {
        PlanPayment {
            date: d(date),
            amount: m(amount),
        }
    }

    fn states(standing: &PlanStanding) -> Vec<InstallmentState> {
        standing.installments.iter().map(|i| i.state).collect()
    }

    #[test]
    fn payments_pay_the_oldest_installment_first_on_time_late_or_not_at_all() {
        use InstallmentState::*;
        let payments = [
            // On time for the first.
            pay("2026-01-30", "30.00"),
            // 20 toward the second before its date, 10 more after it: late.
            pay("2026-02-25", "20.00"),
            pay("2026-03-05", "10.00"),
            // Before the plan was opened: not counted.
            pay("2026-01-10", "500.00"),
        ];
        let standing = plan_standing(&plan(0), &payments, d("2026-04-10"))
            .unwrap_or_else(|e| unreachable!("{e}"));
        // Third (due Apr 1) missed: nothing more came; fourth (May 1) upcoming.
        assert_eq!(states(&standing), vec![Paid, Late, Missed, Upcoming]);
        assert_eq!(
            standing.installments.get(1).and_then(|i| i.paid_on),
            Some(d("2026-03-05"))
        );
        assert_eq!(standing.paid, m("60.00"));
        assert_eq!(standing.remaining, m("60.00"));
        assert_eq!(standing.missed, 1);
        assert!(!standing.defaulted);
        assert!(!standing.completed);
    }

    #[test]
    fn two_missed_installments_put_the_plan_in_default_until_caught_up() {
        use InstallmentState::*;
        let payments = [pay("2026-01-20", "30.00")];
        // With 5 days of grace: the second's grace ends Mar 6, the third's Apr 6.
        let grace = plan(5);
        let on = |date| {
            plan_standing(&grace, &payments, d(date)).unwrap_or_else(|e| unreachable!("{e}"))
        };
        assert_eq!(
            states(&on("2026-03-04")),
            vec![Paid, Due, Upcoming, Upcoming]
        );
        assert_eq!(
            states(&on("2026-03-07")),
            vec![Paid, Missed, Upcoming, Upcoming]
        );
        assert!(!on("2026-04-06").defaulted);
        let defaulted = on("2026-04-07");
        assert_eq!(states(&defaulted), vec![Paid, Missed, Missed, Upcoming]);
        assert!(defaulted.defaulted);
        assert_eq!(defaulted.defaulted_on, Some(d("2026-04-07")));
        // Paying both missed installments ends the default; they were paid late.
        let caught_up = [pay("2026-01-20", "30.00"), pay("2026-04-20", "60.00")];
        let standing = plan_standing(&grace, &caught_up, d("2026-04-21"))
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(states(&standing), vec![Paid, Late, Late, Upcoming]);
        assert!(!standing.defaulted);
        assert_eq!(standing.defaulted_on, None);
    }

    #[test]
    fn a_payment_undone_uncovers_its_installment_and_overpaying_completes_the_plan() {
        use InstallmentState::*;
        let payments = [
            pay("2026-01-20", "30.00"),
            pay("2026-01-25", "-30.00"),
            pay("2026-02-10", "150.00"),
        ];
        let standing = plan_standing(&plan(0), &payments, d("2026-02-10"))
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(states(&standing), vec![Late, Paid, Paid, Paid]);
        assert_eq!(
            standing.installments.first().and_then(|i| i.paid_on),
            Some(d("2026-02-10"))
        );
        assert!(standing.completed);
        assert_eq!(standing.remaining, Money::ZERO);
        assert_eq!(standing.paid, m("150.00"));
    }
}
