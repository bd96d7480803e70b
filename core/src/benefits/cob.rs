//! Coordination of benefits: what a secondary (or tertiary) payer owes after the prior payer's
//! adjudication, by the plan's method, and the prior payer's data a secondary claim carries
//! (RULES.md §5).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::adjudicate::{Adjudication, Adjustment, BenefitsError};
use crate::money::{Money, MoneyError, Rate};

/// How a secondary plan computes its payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "method", rename_all = "camelCase", deny_unknown_fields)]
pub enum CobMethod {
    /// Its normal benefit, but no more than the balance left after the prior payer.
    Standard,
    /// Its normal benefit less what the prior payer paid.
    NonDuplication,
    /// Its normal benefit less the prior payment (same formula as non-duplication; plans name
    /// it separately).
    CarveOut,
    /// Its allowed amount less the prior payment, times its coverage percentage.
    MaintenanceOfBenefits {
        /// The share the plan covers (e.g. `"80%"`).
        coverage: Rate,
    },
    /// Medicare as secondary payer: the least of (allowed − prior paid), (Medicare's normal
    /// payment), (charge − Medicare deductible and coinsurance), (charge − prior paid); the
    /// charge is replaced by the prior payer's allowed amount when the provider must accept it
    /// as payment in full.
    MedicareSecondary {
        /// The provider is obligated to accept the prior payer's allowed amount in full.
        #[serde(default)]
        obligated_to_accept: bool,
    },
}

crate::input::tagged::read_tagged! {
    CobMethod via CobMethodTwin by "method" {
        unit Standard,
        unit NonDuplication,
        unit CarveOut,
        struct MaintenanceOfBenefits { coverage: Rate },
        struct MedicareSecondary {
            #[serde(default)]
            obligated_to_accept: bool,
        },
    }
}

/// What the secondary payer owes, and the data its claim must carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Coordination {
    /// The method used.
    pub method: CobMethod,
    /// What the prior payer paid on the claim (2320 AMT*D).
    pub prior_paid: Money,
    /// What the secondary payer pays.
    pub secondary_paid: Money,
    /// What the patient still owes after both.
    pub patient_balance: Money,
    /// Per line.
    pub lines: Vec<CoordinatedLine>,
}

/// One line of a coordinated claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CoordinatedLine {
    /// 0-based line index.
    pub line: usize,
    /// Charge.
    pub charge: Money,
    /// What the prior payer allowed.
    pub prior_allowed: Money,
    /// What the prior payers paid (2430 SVD).
    pub prior_paid: Money,
    /// The prior payer's adjustments (2430 CAS): charge = prior paid + their sum.
    pub prior_adjustments: Vec<Adjustment>,
    /// What the secondary pays.
    pub secondary_paid: Money,
    /// What the patient still owes.
    pub patient_balance: Money,
}

/// What the payers before this one left on a line.
struct PriorLine {
    line: usize,
    charge: Money,
    allowed: Money,
    paid: Money,
    balance: Money,
    adjustments: Vec<Adjustment>,
}

/// Coordinates a secondary payer with the prior payer's adjudication. `secondary` is the
/// secondary plan's own adjudication of the same claim as if it were primary (its normal
/// benefit).
pub fn coordinate(
    prior: &Adjudication,
    secondary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    let priors = prior
        .lines
        .iter()
        .map(|p| PriorLine {
            line: p.line,
            charge: p.charge,
            allowed: p.allowed,
            paid: p.plan_paid,
            balance: p.patient_responsibility,
            adjustments: p.adjustments.clone(),
        })
        .collect();
    coordinate_lines(priors, secondary, method)
}

/// Coordinates a tertiary payer after a secondary coordination: the prior payments are both
/// earlier payers', the balance what the secondary left. `tertiary` is the tertiary plan's own
/// adjudication of the claim as if it were primary.
pub fn coordinate_next(
    previous: &Coordination,
    tertiary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    let priors = previous
        .lines
        .iter()
        .map(|l| {
            Ok(PriorLine {
                line: l.line,
                charge: l.charge,
                allowed: l.prior_allowed,
                paid: l.prior_paid.checked_add(l.secondary_paid)?,
                balance: l.patient_balance,
                adjustments: l.prior_adjustments.clone(),
            })
        })
        .collect::<Result<Vec<_>, MoneyError>>()?;
    coordinate_lines(priors, tertiary, method)
}

fn coordinate_lines(
    prior: Vec<PriorLine>,
    secondary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    if prior.len() != secondary.lines.len() {
        return Err(BenefitsError::LineMismatch {
            priced: secondary.lines.len(),
            claim: prior.len(),
        });
    }
    let mut lines = Vec::with_capacity(prior.len());
    for (p, s) in prior.into_iter().zip(&secondary.lines) {
        let balance = p.balance;
        let owed = match method {
            CobMethod::Standard => s.plan_paid.min(s.allowed.checked_sub(p.paid)?),
            CobMethod::NonDuplication | CobMethod::CarveOut => s.plan_paid.checked_sub(p.paid)?,
            CobMethod::MaintenanceOfBenefits { coverage } => s
                .allowed
                .checked_sub(p.paid)?
                .times_rate(coverage)?
                .round_to_cents(crate::money::Rounding::HalfAwayFromZero),
            CobMethod::MedicareSecondary {
                obligated_to_accept,
            } => {
                let charge = if obligated_to_accept {
                    p.allowed
                } else {
                    p.charge
                };
                let cost_sharing = Money::sum([s.deductible, s.coinsurance, s.copay])?;
                [
                    s.allowed.checked_sub(p.paid)?,
                    s.plan_paid,
                    charge.checked_sub(cost_sharing)?,
                    charge.checked_sub(p.paid)?,
                ]
                .into_iter()
                .min()
                .unwrap_or(Money::ZERO)
            }
        };
        // Never negative, never more than what the patient was left owing.
        let paid = owed.max(Money::ZERO).min(balance);
        lines.push(CoordinatedLine {
            line: p.line,
            charge: p.charge,
            prior_allowed: p.allowed,
            prior_paid: p.paid,
            prior_adjustments: p.adjustments,
            secondary_paid: paid,
            patient_balance: balance.checked_sub(paid)?,
        });
    }
    let sum = |f: fn(&CoordinatedLine) -> Money| -> Result<Money, MoneyError> {
        Money::sum(lines.iter().map(f))
    };
    Ok(Coordination {
        method,
        prior_paid: sum(|l| l.prior_paid)?,
        secondary_paid: sum(|l| l.secondary_paid)?,
        patient_balance: sum(|l| l.patient_balance)?,
        lines,
    })
}
