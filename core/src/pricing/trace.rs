//! [`TraceStep`]: one step of a line's pricing, replayable, so a biller can answer "why is
//! this $83.41?" and a test can check that the steps reproduce the amount.

use std::borrow::Cow;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::money::{Money, Rounding};

/// What a step did to the running amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "op", rename_all = "camelCase", deny_unknown_fields)]
pub enum Operation {
    /// The running amount starts at (or is replaced by) `amount`.
    Set {
        /// The amount.
        amount: Money,
    },
    /// The running amount is multiplied by `factor` (units, a percentage as a fraction).
    Multiply {
        /// The factor.
        #[serde(with = "rust_decimal::serde::str")]
        #[schemars(schema_with = "crate::money::decimal_string_schema")]
        factor: Decimal,
    },
    /// `amount` is taken off the running amount (e.g. the endoscopic base's amount, or the
    /// reduced share of a component under a multiple-procedure rule).
    Subtract {
        /// The amount taken off.
        amount: Money,
    },
    /// The running amount becomes the smaller of itself and `limit` (e.g. the charge).
    AtMost {
        /// The limit.
        limit: Money,
    },
    /// The running amount is rounded.
    Round {
        /// Decimal places.
        places: u32,
        /// Strategy.
        rounding: Rounding,
    },
}

crate::input::tagged::read_tagged! {
    Operation via OperationTwin by "op" {
        struct Set { amount: Money },
        struct Multiply {
            #[serde(with = "rust_decimal::serde::str")]
            factor: Decimal,
        },
        struct Subtract { amount: Money },
        struct AtMost { limit: Money },
        struct Round { places: u32, rounding: Rounding },
    }
}

/// One named input of a step (an RVU, a GPCI, a conversion factor…), for explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TraceInput {
    /// What it is.
    pub name: Cow<'static, str>,
    /// Its value.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub value: Decimal,
}

/// A step's inputs.
pub type TraceInputs = Vec<TraceInput>;

/// One step of pricing a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TraceStep {
    /// Stable rule id, e.g. `PFS-RBRVS`, `MOD-50-BILATERAL`, `MPPR-51`, `LESSER-OF-CHARGE`.
    pub rule: Cow<'static, str>,
    /// What happened, in words.
    pub explanation: Cow<'static, str>,
    /// The inputs the step used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: TraceInputs,
    /// What the step did.
    pub operation: Operation,
    /// The running amount after the step.
    pub result: Money,
    /// The data the step read (e.g. `RVU25D`), when it read any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_version: Option<std::sync::Arc<str>>,
}

/// Applies one operation to a running amount.
pub fn apply(operation: &Operation, running: Money) -> Result<Money, crate::money::MoneyError> {
    match operation {
        Operation::Set { amount } => Ok(*amount),
        Operation::Multiply { factor } => running.checked_mul(*factor),
        Operation::Subtract { amount } => running.checked_sub(*amount),
        Operation::AtMost { limit } => Ok(running.min(*limit)),
        Operation::Round { places, rounding } => Ok(running.round(*places, *rounding)),
    }
}

/// Replays a trace from zero: the amount its steps produce. Equal to the line's allowed
/// amount for every priced line.
pub fn replay(steps: &[TraceStep]) -> Result<Money, crate::money::MoneyError> {
    steps
        .iter()
        .try_fold(Money::ZERO, |running, step| apply(&step.operation, running))
}

/// Builds a line's trace while computing the running amount.
#[derive(Debug, Default)]
pub(crate) struct Tracer {
    pub(crate) steps: Vec<TraceStep>,
    pub(crate) running: Money,
}

impl Tracer {
    /// A tracer with room for `steps` steps (a line rarely takes more than eight).
    pub(crate) fn with_capacity(steps: usize) -> Tracer {
        Tracer {
            steps: Vec::with_capacity(steps),
            running: Money::ZERO,
        }
    }

    /// Applies `operation` and records it.
    pub(crate) fn step(
        &mut self,
        rule: &'static str,
        explanation: impl Into<Cow<'static, str>>,
        inputs: TraceInputs,
        operation: Operation,
        data_version: Option<&std::sync::Arc<str>>,
    ) -> Result<Money, crate::money::MoneyError> {
        self.running = apply(&operation, self.running)?;
        self.steps.push(TraceStep {
            rule: Cow::Borrowed(rule),
            explanation: explanation.into(),
            inputs,
            operation,
            result: self.running,
            data_version: data_version.cloned(),
        });
        Ok(self.running)
    }
}

/// A named input.
pub(crate) fn input(name: &'static str, value: impl Into<Decimal>) -> TraceInput {
    TraceInput {
        name: Cow::Borrowed(name),
        value: value.into(),
    }
}
