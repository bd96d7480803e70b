//! Payment plans: a balance split into installments that add up to it exactly, due weekly,
//! every two weeks or monthly from a first date.
//!
//! By a number of installments, the balance is split evenly in cents and the cents left over
//! go one each to the first installments ([`allocate_evenly`]): 100.00 in 3 is 33.34, 33.33,
//! 33.33. By an installment amount, every installment is that amount but the last, which is
//! what is left: 100.00 at 30.00 is 30.00, 30.00, 30.00, 10.00.
//!
//! Monthly due dates count months from the first date (chrono's `Months`), each from the first
//! date rather than from the one before, so a plan starting on January 31 is due on February
//! 28 (or 29), March 31, April 30: the day clamps to a short month's end and comes back.

use chrono::{Days, Months, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use crate::money::{Money, allocate_evenly};

/// The most installments a plan may have.
pub const MAX_INSTALLMENTS: u32 = 1000;

/// How often an installment is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum PlanFrequency {
    /// Every 7 days.
    Weekly,
    /// Every 14 days.
    EveryTwoWeeks,
    /// The same day every month (clamped to the month's end).
    Monthly,
}

/// How the balance is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum PlanTerms {
    /// Into this many installments, as even as cents allow.
    Installments(u32),
    /// Into installments of this amount, the last one smaller when it does not divide.
    Amount(Money),
}

/// What a plan is made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanRequest {
    /// The balance to pay (positive, whole cents).
    pub balance: Money,
    /// How to split it.
    pub terms: PlanTerms,
    /// How often.
    pub every: PlanFrequency,
    /// The day the plan is made: the patient's payments from this day on pay it.
    pub opened: NaiveDate,
    /// The first installment's due date (not before `opened`).
    pub first: NaiveDate,
    /// Days after a due date an installment may still be paid without being missed
    /// (default 0).
    #[serde(default)]
    pub grace_days: u32,
    /// The plan is in default once this many installments are missed (default 2).
    #[serde(default = "two")]
    pub default_after_missed: u32,
}

fn two() -> u32 {
    2
}

/// One installment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Installment {
    /// 1-based.
    pub number: u32,
    /// Its due date.
    pub due: NaiveDate,
    /// Its amount.
    pub amount: Money,
}

/// A payment plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentPlan {
    /// The balance it pays.
    pub balance: Money,
    /// How often an installment is due.
    pub every: PlanFrequency,
    /// The day it was made.
    pub opened: NaiveDate,
    /// Days of grace after each due date.
    pub grace_days: u32,
    /// Missed installments that put it in default.
    pub default_after_missed: u32,
    /// The installments, in due order; they add up to `balance`.
    pub installments: Vec<Installment>,
}

/// The due date of the installment `index` (0-based) of a plan starting on `first`.
fn due_date(first: NaiveDate, every: PlanFrequency, index: u32) -> Option<NaiveDate> {
    match every {
        PlanFrequency::Weekly => {
            first.checked_add_days(Days::new(u64::from(index).checked_mul(7)?))
        }
        PlanFrequency::EveryTwoWeeks => {
            first.checked_add_days(Days::new(u64::from(index).checked_mul(14)?))
        }
        PlanFrequency::Monthly => first.checked_add_months(Months::new(index)),
    }
}

/// Whole cents as a count, for an amount known to be positive and in whole cents.
fn cents(amount: Money) -> Option<u64> {
    use rust_decimal::prelude::ToPrimitive;
    amount
        .amount()
        .checked_mul(Decimal::ONE_HUNDRED)?
        .trunc()
        .to_u64()
}

/// The installments' amounts.
fn amounts(balance: Money, terms: PlanTerms) -> Result<Vec<Money>, StatementError> {
    let balance_cents = cents(balance).ok_or(StatementError::NotPositive { field: "balance" })?;
    match terms {
        PlanTerms::Installments(count) => {
            let max = MAX_INSTALLMENTS.min(u32::try_from(balance_cents).unwrap_or(u32::MAX));
            if count == 0 || count > max {
                return Err(StatementError::TooManyInstallments { max });
            }
            let parts =
                usize::try_from(count).map_err(|_| StatementError::TooManyInstallments { max })?;
            Ok(allocate_evenly(balance, parts)?)
        }
        PlanTerms::Amount(each) => {
            if each <= Money::ZERO {
                return Err(StatementError::NotPositive { field: "amount" });
            }
            if !each.is_whole_cents() {
                return Err(StatementError::SubCent { field: "amount" });
            }
            let each_cents = cents(each).ok_or(StatementError::NotPositive { field: "amount" })?;
            let count = balance_cents.div_ceil(each_cents.max(1));
            if count > u64::from(MAX_INSTALLMENTS) {
                return Err(StatementError::TooManyInstallments {
                    max: MAX_INSTALLMENTS,
                });
            }
            let full = count.saturating_sub(1);
            let mut parts = Vec::new();
            let mut left = balance;
            for _ in 0..full {
                parts.push(each);
                left = left.checked_sub(each)?;
            }
            parts.push(left);
            Ok(parts)
        }
    }
}

/// The plan of `request`: installments adding up exactly to the balance, none zero or
/// negative, due on strictly increasing dates.
///
/// Refused: a balance or installment amount not positive or not in whole cents, no
/// installments or more than [`MAX_INSTALLMENTS`] (or more than the balance has cents), a
/// first due date before the day the plan is made, a due date beyond the calendar.
pub fn payment_plan(request: &PlanRequest) -> Result<PaymentPlan, StatementError> {
    if request.balance <= Money::ZERO {
        return Err(StatementError::NotPositive { field: "balance" });
    }
    if !request.balance.is_whole_cents() {
        return Err(StatementError::SubCent { field: "balance" });
    }
    if request.first < request.opened {
        return Err(StatementError::BadDate {
            field: "first",
            expected: "a first due date on or after the day the plan is opened",
        });
    }
    let amounts = amounts(request.balance, request.terms)?;
    let installments = amounts
        .into_iter()
        .zip(0u32..)
        .map(|(amount, index)| {
            Ok(Installment {
                number: index.saturating_add(1),
                due: due_date(request.first, request.every, index).ok_or(
                    StatementError::BadDate {
                        field: "first",
                        expected: "installments due within the supported calendar",
                    },
                )?,
                amount,
            })
        })
        .collect::<Result<Vec<_>, StatementError>>()?;
    Ok(PaymentPlan {
        balance: request.balance,
        every: request.every,
        opened: request.opened,
        grace_days: request.grace_days,
        default_after_missed: request.default_after_missed,
        installments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap_or_else(|e| unreachable!("{text}: {e}"))
    }

    fn m(text: &str) -> Money {
        text.parse().unwrap_or_else(|e| unreachable!("{text}: {e}"))
    }

    fn plan(balance: &str, terms: PlanTerms, every: PlanFrequency, first: &str) -> PaymentPlan {
        payment_plan(&PlanRequest {
            balance: m(balance),
            terms,
            every,
            opened: d("2026-01-01"),
            first: d(first),
            grace_days: 0,
            default_after_missed: 2,
        })
        .unwrap_or_else(|e| unreachable!("{e}"))
    }

    fn schedule(plan: &PaymentPlan) -> Vec<(String, String)> {
        plan.installments
            .iter()
            .map(|i| (i.due.to_string(), i.amount.to_string()))
            .collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn three_monthly_installments_of_100_hand_the_extra_cent_to_the_first() {
        let p = plan(
            "100.00",
            PlanTerms::Installments(3),
            PlanFrequency::Monthly,
            "2026-01-31",
        );
        // January 31, then February's last day (2026 is not a leap year), then March 31.
        assert_eq!(
            schedule(&p),
            pairs(&[
                ("2026-01-31", "33.34"),
                ("2026-02-28", "33.33"),
                ("2026-03-31", "33.33")
            ])
        );
    }

    #[test]
    fn installments_of_30_leave_the_rest_to_the_last() {
        let p = plan(
            "100.00",
            PlanTerms::Amount(m("30.00")),
            PlanFrequency::EveryTwoWeeks,
            "2026-02-01",
        );
        assert_eq!(
            schedule(&p),
            pairs(&[
                ("2026-02-01", "30.00"),
                ("2026-02-15", "30.00"),
                ("2026-03-01", "30.00"),
                ("2026-03-15", "10.00")
            ])
        );
        let weekly = plan(
            "60.00",
            PlanTerms::Amount(m("20.00")),
            PlanFrequency::Weekly,
            "2026-12-25",
        );
        assert_eq!(
            schedule(&weekly),
            pairs(&[
                ("2026-12-25", "20.00"),
                ("2027-01-01", "20.00"),
                ("2027-01-08", "20.00")
            ])
        );
    }

    #[test]
    fn a_leap_february_takes_the_29th() {
        let p = plan(
            "20.00",
            PlanTerms::Installments(2),
            PlanFrequency::Monthly,
            "2028-01-30",
        );
        assert_eq!(
            schedule(&p),
            pairs(&[("2028-01-30", "10.00"), ("2028-02-29", "10.00")])
        );
    }

    #[test]
    fn impossible_plans_are_refused() {
        let request = |balance: &str, terms| PlanRequest {
            balance: m(balance),
            terms,
            every: PlanFrequency::Monthly,
            opened: d("2026-01-01"),
            first: d("2026-01-15"),
            grace_days: 0,
            default_after_missed: 2,
        };
        assert_eq!(
            payment_plan(&request("0.00", PlanTerms::Installments(2))),
            Err(StatementError::NotPositive { field: "balance" })
        );
        assert_eq!(
            payment_plan(&request("10.005", PlanTerms::Installments(2))),
            Err(StatementError::SubCent { field: "balance" })
        );
        assert_eq!(
            payment_plan(&request("0.05", PlanTerms::Installments(6))),
            Err(StatementError::TooManyInstallments { max: 5 })
        );
        assert_eq!(
            payment_plan(&request("10.00", PlanTerms::Installments(0))),
            Err(StatementError::TooManyInstallments { max: 1000 })
        );
        assert_eq!(
            payment_plan(&request("100000.00", PlanTerms::Amount(m("1.00")))),
            Err(StatementError::TooManyInstallments { max: 1000 })
        );
        assert_eq!(
            payment_plan(&request("10.00", PlanTerms::Amount(m("-1.00")))),
            Err(StatementError::NotPositive { field: "amount" })
        );
        let mut early = request("10.00", PlanTerms::Installments(1));
        early.first = d("2025-12-31");
        assert!(matches!(
            payment_plan(&early),
            Err(StatementError::BadDate { field: "first", .. })
        ));
    }
}
