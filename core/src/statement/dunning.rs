//! The dunning cycle: which statement a patient gets, by how long the balance has been owed.
//!
//! The clock starts on the day the patient's share arose: the posting date of the oldest part
//! of the balance still unpaid (payments pay the oldest part first, see
//! [`Visit::owed_since`](super::Visit::owed_since)). It does not start at the first statement
//! sent: statements are documents the core makes, not events it records, so the stage is the
//! same however often a statement is printed, and a balance that arose long ago is not sent a
//! first notice again because nobody printed one. A payment that clears the oldest part moves
//! the clock to the next oldest.
//!
//! Default stages follow the aging buckets: statement 1 through day 30, statement 2 through
//! day 60, statement 3 through day 90, the final notice through day 120; after that the
//! balance is past its final notice and the practice decides what follows.

use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;

/// A stage of the dunning cycle.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum DunningStage {
    /// The first statement.
    Statement1,
    /// The second statement.
    Statement2,
    /// The third statement.
    Statement3,
    /// The final notice.
    FinalNotice,
    /// Past the final notice: the practice decides (a plan, collections, a write-off).
    PastFinalNotice,
}

impl DunningStage {
    /// Its name on a statement.
    pub fn title(self) -> &'static str {
        match self {
            DunningStage::Statement1 => "Statement",
            DunningStage::Statement2 => "Second statement",
            DunningStage::Statement3 => "Third statement",
            DunningStage::FinalNotice => "Final notice",
            DunningStage::PastFinalNotice => "Past due after final notice",
        }
    }
}

/// One stage and the day it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DunningStep {
    /// The stage.
    pub stage: DunningStage,
    /// The first day of it: days since the balance arose (the day it arose is day 0).
    pub from_day: u32,
    /// The message printed on the statement at this stage.
    pub message: String,
}

/// The stages of the dunning cycle and when a statement asks to be paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DunningPolicy {
    /// The stages, in order of `fromDay`; the first starts on day 0.
    pub steps: Vec<DunningStep>,
    /// A statement asks to be paid within this many days of its date.
    pub pay_within_days: u32,
}

impl Default for DunningPolicy {
    /// Statement 1 on days 0–30, statement 2 on 31–60, statement 3 on 61–90, the final notice
    /// on 91–120, past the final notice from day 121; pay within 30 days.
    fn default() -> DunningPolicy {
        let step = |stage, from_day, message: &str| DunningStep {
            stage,
            from_day,
            message: message.to_owned(),
        };
        DunningPolicy {
            steps: vec![
                step(
                    DunningStage::Statement1,
                    0,
                    "This is what you owe after your insurance. Please pay by the date shown, or call us to set up a payment plan.",
                ),
                step(
                    DunningStage::Statement2,
                    31,
                    "Second notice: this balance is more than 30 days old. Please pay it now, or call us to set up a payment plan.",
                ),
                step(
                    DunningStage::Statement3,
                    61,
                    "Third notice: this balance is more than 60 days old. Please pay it now or call us today; we can set up a payment plan.",
                ),
                step(
                    DunningStage::FinalNotice,
                    91,
                    "Final notice: this balance is more than 90 days old. Please pay it or call us to arrange a payment plan before the date shown.",
                ),
                step(
                    DunningStage::PastFinalNotice,
                    121,
                    "This balance is past due after our final notice. Please call us today.",
                ),
            ],
            pay_within_days: 30,
        }
    }
}

impl DunningPolicy {
    /// Refuses a policy without steps, whose first step does not start on day 0, or whose
    /// steps do not start on strictly increasing days.
    pub fn check(&self) -> Result<(), StatementError> {
        let Some(first) = self.steps.first() else {
            return Err(StatementError::Policy {
                reason: "expected at least one step",
            });
        };
        if first.from_day != 0 {
            return Err(StatementError::Policy {
                reason: "the first step must start on day 0",
            });
        }
        if self.steps.windows(2).any(|pair| match pair {
            [a, b] => a.from_day >= b.from_day,
            _ => false,
        }) {
            return Err(StatementError::Policy {
                reason: "steps must start on strictly increasing days",
            });
        }
        Ok(())
    }
}

/// Where a balance stands in the dunning cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dunning {
    /// The stage.
    pub stage: DunningStage,
    /// The day the oldest unpaid part of the balance arose.
    pub owed_since: NaiveDate,
    /// Days from then to the statement's date.
    pub days: u32,
    /// The stage's message.
    pub message: String,
}

/// The stage of a balance owed since `owed_since`, on `as_of`. A date before `owed_since`
/// counts as day 0.
pub fn dunning(
    owed_since: NaiveDate,
    as_of: NaiveDate,
    policy: &DunningPolicy,
) -> Result<Dunning, StatementError> {
    policy.check()?;
    let days = u32::try_from(as_of.signed_duration_since(owed_since).num_days().max(0))
        .unwrap_or(u32::MAX);
    let step = policy
        .steps
        .iter()
        .rev()
        .find(|s| s.from_day <= days)
        .ok_or(StatementError::Policy {
            reason: "the first step must start on day 0",
        })?;
    Ok(Dunning {
        stage: step.stage,
        owed_since,
        days,
        message: step.message.clone(),
    })
}

/// The day a statement dated `as_of` asks to be paid by.
pub(crate) fn pay_by(
    as_of: NaiveDate,
    policy: &DunningPolicy,
) -> Result<NaiveDate, StatementError> {
    as_of
        .checked_add_days(Days::new(u64::from(policy.pay_within_days)))
        .ok_or(StatementError::BadDate {
            field: "the pay-by date",
            expected: "a date within the supported calendar",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap_or_else(|e| unreachable!("{text}: {e}"))
    }

    fn stage(since: &str, on: &str) -> DunningStage {
        dunning(d(since), d(on), &DunningPolicy::default())
            .unwrap_or_else(|e| unreachable!("{e}"))
            .stage
    }

    #[test]
    fn the_default_cycle_moves_a_stage_every_30_days_from_the_day_the_share_arose() {
        // Arose 2026-01-01: day 30 is 2026-01-31, day 31 is 2026-02-01.
        assert_eq!(stage("2026-01-01", "2026-01-01"), DunningStage::Statement1);
        assert_eq!(stage("2026-01-01", "2026-01-31"), DunningStage::Statement1);
        assert_eq!(stage("2026-01-01", "2026-02-01"), DunningStage::Statement2);
        // Day 60 is 2026-03-02 (January 31 + February 28 = 59 days to March 1).
        assert_eq!(stage("2026-01-01", "2026-03-02"), DunningStage::Statement2);
        assert_eq!(stage("2026-01-01", "2026-03-03"), DunningStage::Statement3);
        // Day 90 is 2026-04-01; day 91 is 2026-04-02.
        assert_eq!(stage("2026-01-01", "2026-04-01"), DunningStage::Statement3);
        assert_eq!(stage("2026-01-01", "2026-04-02"), DunningStage::FinalNotice);
        // Day 120 is 2026-05-01; day 121 is 2026-05-02.
        assert_eq!(stage("2026-01-01", "2026-05-01"), DunningStage::FinalNotice);
        assert_eq!(
            stage("2026-01-01", "2026-05-02"),
            DunningStage::PastFinalNotice
        );
        // A statement dated before the share arose is day 0.
        assert_eq!(stage("2026-01-10", "2026-01-01"), DunningStage::Statement1);
    }

    #[test]
    fn a_policy_names_its_own_stages_days_and_messages() {
        let policy = DunningPolicy {
            steps: vec![
                DunningStep {
                    stage: DunningStage::Statement1,
                    from_day: 0,
                    message: "first".into(),
                },
                DunningStep {
                    stage: DunningStage::FinalNotice,
                    from_day: 45,
                    message: "last".into(),
                },
            ],
            pay_within_days: 15,
        };
        let at =
            |on| dunning(d("2026-01-01"), d(on), &policy).unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(at("2026-02-14").stage, DunningStage::Statement1);
        assert_eq!(at("2026-02-14").days, 44);
        assert_eq!(at("2026-02-15").stage, DunningStage::FinalNotice);
        assert_eq!(at("2026-02-15").message, "last");
        assert_eq!(pay_by(d("2026-02-15"), &policy), Ok(d("2026-03-02")));
    }

    #[test]
    fn unusable_policies_are_refused() {
        let mut policy = DunningPolicy::default();
        policy.steps.swap(1, 2);
        assert!(matches!(policy.check(), Err(StatementError::Policy { .. })));
        let empty = DunningPolicy {
            steps: Vec::new(),
            pay_within_days: 30,
        };
        assert!(matches!(
            dunning(d("2026-01-01"), d("2026-01-02"), &empty),
            Err(StatementError::Policy { .. })
        ));
        let mut late = DunningPolicy::default();
        if let Some(first) = late.steps.first_mut() {
            first.from_day = 1;
        }
        assert!(matches!(late.check(), Err(StatementError::Policy { .. })));
    }
}
