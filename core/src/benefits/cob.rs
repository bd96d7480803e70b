//! Coordination of benefits: what a secondary (or tertiary) payer owes after the prior payer's
//! adjudication, by the plan's method, and the prior payer's data a secondary claim carries
//! (RULES.md §5).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::adjudicate::{Adjudication, Adjustment, BenefitsError};
use super::check::{self, Problems};
use crate::codes::GroupCode;
use crate::finding::Finding;
use crate::money::{Money, MoneyError, Rate};

/// How a secondary plan computes its payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(
    tag = "method",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
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
            // The twin's derive renames variants only: the field is named as written.
            #[serde(default, rename = "obligatedToAccept")]
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
    /// What the prior payer allowed; none when its remittance did not say (835 AMT*B6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_allowed: Option<Money>,
    /// What the prior payers paid (2430 SVD).
    pub prior_paid: Money,
    /// The prior payer's adjustments (2430 CAS): charge = prior paid + their sum.
    pub prior_adjustments: Vec<Adjustment>,
    /// What the secondary pays.
    pub secondary_paid: Money,
    /// What the patient still owes.
    pub patient_balance: Money,
}

/// The prior payer's remittance of a claim, line by line, as its 835 states it (the SVC
/// loops, in the claim's line order): what [`coordinate_remittance`] works from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemittedClaim {
    /// The service lines, line `i` paying the claim's line `i`.
    pub lines: Vec<RemittedLine>,
    /// Claim-level adjustments (CLP-level CAS); coordination refuses any, as they cannot be
    /// put on a line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
}

/// One service line of a prior payer's remittance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemittedLine {
    /// Charge (SVC02).
    pub charge: Money,
    /// Payment (SVC03).
    pub paid: Money,
    /// The payer's allowed amount (AMT*B6), when the remittance states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    /// The line's adjustments (CAS): charge = paid + their sum.
    #[serde(default)]
    pub adjustments: Vec<Adjustment>,
}

impl RemittedLine {
    /// What the patient was left owing: the patient-responsibility (PR) adjustments.
    pub fn patient_share(&self) -> Result<Money, MoneyError> {
        Money::sum(
            self.adjustments
                .iter()
                .filter(|a| a.group == GroupCode::Pr)
                .map(|a| a.amount),
        )
    }
}

/// What the payers before this one left on a line.
struct PriorLine {
    line: usize,
    charge: Money,
    allowed: Option<Money>,
    paid: Money,
    balance: Money,
    adjustments: Vec<Adjustment>,
}

/// Coordinates a secondary payer with the prior payer's adjudication. `secondary` is the
/// secondary plan's own adjudication of the same claim as if it were primary (its normal
/// benefit).
///
/// Refuses ([`BenefitsError::CoordinationRefused`]) what it cannot coordinate honestly: either
/// adjudication with negative amounts, unbalanced lines or totals that are not the sums of
/// the lines, two adjudications of different claims or lines with different charges, a
/// coverage percentage above 100%.
pub fn coordinate(
    prior: &Adjudication,
    secondary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    let mut problems = Problems::default();
    check::adjudication(prior, "PRIOR", &mut problems);
    if prior.patient_control_number != secondary.patient_control_number {
        problems.push(Finding::error(
            "COB-CLAIM",
            "/patientControlNumber",
            "both adjudications are of the same claim (patient control number)",
        ));
    }
    let priors = prior
        .lines
        .iter()
        .map(|p| PriorLine {
            line: p.line,
            charge: p.charge,
            allowed: Some(p.allowed),
            paid: p.plan_paid,
            balance: p.patient_responsibility,
            adjustments: p.adjustments.clone(),
        })
        .collect();
    coordinate_lines(priors, secondary, method, problems, "allowed")
}

/// Coordinates a tertiary payer after a secondary coordination: the prior payments are both
/// earlier payers', the balance what the secondary left. `tertiary` is the tertiary plan's own
/// adjudication of the claim as if it were primary. Refuses what [`coordinate`] refuses.
pub fn coordinate_next(
    previous: &Coordination,
    tertiary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    let mut problems = Problems::default();
    check::coordination(previous, &mut problems);
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
    coordinate_lines(priors, tertiary, method, problems, "priorAllowed")
}

/// Coordinates a secondary payer with the prior payer's remittance of the claim (its 835
/// lines, in the claim's line order). What the patient was left owing on a line is its PR
/// adjustments; the prior allowed amount is the remittance's (AMT*B6), needed only when
/// Medicare is secondary and the provider must accept it. Refuses what [`coordinate`] refuses,
/// and claim-level adjustments, unbalanced lines (charge ≠ paid + adjustments) and, for that
/// Medicare case, a line the patient owes something on without its allowed amount (as
/// [`coordinate_next`] does for a coordination without it).
pub fn coordinate_remittance(
    prior: &RemittedClaim,
    secondary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    let mut problems = Problems::default();
    check::remitted(prior, &mut problems);
    let mut priors = Vec::with_capacity(prior.lines.len());
    for (line, remitted) in prior.lines.iter().enumerate() {
        priors.push(PriorLine {
            line,
            charge: remitted.charge,
            allowed: remitted.allowed,
            paid: remitted.paid,
            // A share that does not add up is refused by the check above.
            balance: remitted.patient_share().unwrap_or(Money::ZERO),
            adjustments: remitted.adjustments.clone(),
        });
    }
    coordinate_lines(priors, secondary, method, problems, "allowed")
}

/// Coordinates line by line; `allowed_field` names the prior document's allowed amount.
fn coordinate_lines(
    prior: Vec<PriorLine>,
    secondary: &Adjudication,
    method: CobMethod,
    mut problems: Problems,
    allowed_field: &str,
) -> Result<Coordination, BenefitsError> {
    if prior.len() != secondary.lines.len() {
        return Err(BenefitsError::LineMismatch {
            priced: secondary.lines.len(),
            claim: prior.len(),
        });
    }
    check::adjudication(secondary, "SECONDARY", &mut problems);
    check::method(method, &mut problems);
    let otaf = matches!(
        method,
        CobMethod::MedicareSecondary {
            obligated_to_accept: true
        }
    );
    for (index, (p, s)) in prior.iter().zip(&secondary.lines).enumerate() {
        // Without the prior allowed amount an obligated-to-accept payment cannot be known
        // (it matters only where the patient was left owing something).
        if otaf && p.allowed.is_none() && p.balance > Money::ZERO {
            problems.push(Finding::error(
                "PRIOR-ALLOWED-MISSING",
                format!("/lines/{index}/{allowed_field}"),
                "the prior payer's allowed amount is needed when the provider is obligated to accept it",
            ));
        }
        if p.charge != s.charge {
            problems.push(Finding::error(
                "COB-LINE-CHARGE",
                format!("/lines/{index}/charge"),
                "the prior payer's line and this payer's line have the same charge (they are the same claim line)",
            ));
        }
    }
    if let Some(findings) = problems.into_findings() {
        return Err(BenefitsError::CoordinationRefused { findings });
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
                // The check above refuses an obligated-to-accept line without the prior
                // allowed amount.
                let charge = match (obligated_to_accept, p.allowed) {
                    (true, Some(allowed)) => allowed,
                    _ => p.charge,
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
