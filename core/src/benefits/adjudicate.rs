//! `adjudicate`: from a priced claim to what the plan pays and what the patient owes, line by
//! line, as the CARC-coded adjustments a remittance would carry (RULES.md §4).
//!
//! Order on each line's allowed amount: a copay, then the deductible, then coinsurance on what
//! remains; the out-of-pocket maximum caps the patient's share as it accrues. Lines are taken
//! in claim order and the accumulators carried from one to the next, so adjudicating claims
//! one after another gives the same result as one combined claim.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::plan::{
    Accumulators, BenefitPlan, FamilyAccumulation, Limits, ServiceBenefit, ServiceCategory,
    TierAccumulators, TierBenefits, VisitCount,
};
use crate::codes::{Carc, GroupCode, ProcedureCode};
use crate::money::{Money, MoneyError, Rounding};
use crate::pricing::{LineStatus, PricedClaim};

/// In or out of the plan's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub enum Network {
    /// In network.
    #[default]
    InNetwork,
    /// Out of network.
    OutOfNetwork,
}

/// One claim adjustment: group, reason and amount, as in an 835 CAS segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Adjustment {
    /// Who bears it (CO, PR, OA, PI).
    pub group: GroupCode,
    /// Why (CARC).
    pub reason: Carc,
    /// How much.
    pub amount: Money,
}

/// One adjudicated line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AdjudicatedLine {
    /// 0-based line index.
    pub line: usize,
    /// Procedure code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureCode>,
    /// The benefit category the line fell in.
    pub category: ServiceCategory,
    /// Billed charge.
    pub charge: Money,
    /// Allowed amount.
    pub allowed: Money,
    /// Deductible applied (PR-1).
    pub deductible: Money,
    /// Coinsurance (PR-2).
    pub coinsurance: Money,
    /// Copay (PR-3).
    pub copay: Money,
    /// Not covered and owed by the patient (PR-204, PR-119).
    pub non_covered: Money,
    /// What the plan pays.
    pub plan_paid: Money,
    /// What the patient owes.
    pub patient_responsibility: Money,
    /// The adjustments: charge = plan paid + the sum of these.
    pub adjustments: Vec<Adjustment>,
    /// Why, in plain language (each item serializes as a sentence).
    pub explanation: Vec<Explanation>,
}

/// One sentence of a line's explanation, kept as data until it is shown, so adjudicating a
/// claim formats nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Explanation {
    /// The schedule does not pay the line.
    NotPayable {
        /// Why.
        reason: String,
    },
    /// The line waits for manual pricing.
    ManualPricing {
        /// Why.
        reason: String,
    },
    /// The charge above the allowed amount is written off (CO-45).
    WriteOff {
        /// Charge.
        charge: Money,
        /// Allowed.
        allowed: Money,
        /// Written off.
        amount: Money,
    },
    /// Out-of-network care is not covered (PR-242).
    OutOfNetworkNotCovered {
        /// Owed by the patient.
        allowed: Money,
    },
    /// The plan does not cover the service (PR-204).
    NotCovered {
        /// Owed by the patient.
        allowed: Money,
    },
    /// The plan-year service limit is reached (PR-119).
    VisitLimit {
        /// The limit.
        limit: u32,
        /// Owed by the patient.
        allowed: Money,
    },
    /// A copay (PR-3).
    Copay {
        /// The plan's copay.
        copay: Money,
        /// What the patient pays of it.
        paid: Money,
    },
    /// Deductible applied (PR-1).
    Deductible {
        /// Applied.
        amount: Money,
        /// What was left to meet.
        left: Money,
    },
    /// The deductible was already met.
    DeductibleMet,
    /// The deductible does not apply to this service.
    DeductibleNotApplicable,
    /// Coinsurance (PR-2).
    Coinsurance {
        /// The rate.
        rate: crate::money::Rate,
        /// The amount.
        amount: Money,
    },
    /// The out-of-pocket maximum was reached.
    OutOfPocketReached,
    /// Sequestration (CO-253).
    Sequestration {
        /// The rate.
        rate: crate::money::Rate,
        /// The reduction.
        amount: Money,
    },
    /// The outcome.
    Paid {
        /// Plan pays.
        plan: Money,
        /// Patient owes.
        patient: Money,
    },
    /// A sentence read back from JSON.
    Text(String),
}

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Explanation::NotPayable { reason } => {
                write!(
                    f,
                    "Not paid under the payer's fee schedule ({reason}); the provider writes it off (CO-96)."
                )
            }
            Explanation::ManualPricing { reason } => write!(
                f,
                "Pending manual pricing ({reason}); nothing is owed yet (OA-133)."
            ),
            Explanation::WriteOff {
                charge,
                allowed,
                amount,
            } => {
                write!(
                    f,
                    "The charge of ${charge} is above the allowed ${allowed}; the provider writes off ${amount} (CO-45)."
                )
            }
            Explanation::OutOfNetworkNotCovered { allowed } => {
                write!(
                    f,
                    "Out-of-network care is not covered by the plan; the patient owes ${allowed} (PR-242)."
                )
            }
            Explanation::NotCovered { allowed } => write!(
                f,
                "The plan does not cover this service; the patient owes ${allowed} (PR-204)."
            ),
            Explanation::VisitLimit { limit, allowed } => {
                write!(
                    f,
                    "The plan-year limit of {limit} services is reached; the patient owes ${allowed} (PR-119)."
                )
            }
            Explanation::Copay { copay, paid } => write!(
                f,
                "A ${copay} copay applies; the patient pays ${paid} (PR-3)."
            ),
            Explanation::Deductible { amount, left } => write!(
                f,
                "${amount} goes to the deductible (${left} was left to meet) (PR-1)."
            ),
            Explanation::DeductibleMet => f.write_str("The deductible is already met."),
            Explanation::DeductibleNotApplicable => {
                f.write_str("The deductible does not apply to this service.")
            }
            Explanation::Coinsurance { rate, amount } => write!(
                f,
                "The patient's {rate} coinsurance on the rest comes to ${amount} (PR-2)."
            ),
            Explanation::OutOfPocketReached => {
                f.write_str("The out-of-pocket maximum is reached: the plan pays the rest in full.")
            }
            Explanation::Sequestration { rate, amount } => {
                write!(
                    f,
                    "Sequestration reduces the plan's payment by {rate}: ${amount} (CO-253), not billed to the patient."
                )
            }
            Explanation::Paid { plan, patient } => {
                write!(f, "The plan pays ${plan}; the patient owes ${patient}.")
            }
            Explanation::Text(text) => f.write_str(text),
        }
    }
}

impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Explanation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Explanation, D::Error> {
        String::deserialize(deserializer).map(Explanation::Text)
    }
}

impl JsonSchema for Explanation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Explanation".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "One sentence of a line's explanation." })
    }
}

/// The result of adjudicating a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Adjudication {
    /// The claim's patient control number.
    pub patient_control_number: String,
    /// The network tier used.
    pub network: Network,
    /// Total billed.
    pub total_charge: Money,
    /// Total allowed.
    pub total_allowed: Money,
    /// Total the plan pays.
    pub plan_paid: Money,
    /// Total the patient owes.
    pub patient_responsibility: Money,
    /// The lines.
    pub lines: Vec<AdjudicatedLine>,
    /// The accumulators after this claim.
    pub accumulators: Accumulators,
}

/// Why a claim could not be adjudicated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BenefitsError {
    /// A line's date of service is outside the plan year.
    #[error("line {line}: the date of service is outside the plan year")]
    OutsidePlanYear {
        /// 1-based line number.
        line: usize,
    },
    /// The priced claim does not belong to the claim.
    #[error("the priced claim has {priced} lines but the claim has {claim}")]
    LineMismatch {
        /// Lines priced.
        priced: usize,
        /// Lines on the claim.
        claim: usize,
    },
    /// An adjustment reason code medbill uses is not a valid CARC (a bug).
    #[error("internal: {0} is not a valid CARC")]
    ReasonCode(&'static str),
    /// Amount arithmetic overflowed.
    #[error("adjudication overflow: {0}")]
    Money(#[from] MoneyError),
}

/// Records an adjustment (zero amounts are left out).
fn adjust(
    line: &mut AdjudicatedLine,
    group: GroupCode,
    reason: &'static str,
    amount: Money,
) -> Result<(), BenefitsError> {
    if !amount.is_zero() {
        let reason = Carc::parse(reason).map_err(|_| BenefitsError::ReasonCode(reason))?;
        line.adjustments.push(Adjustment {
            group,
            reason,
            amount,
        });
    }
    Ok(())
}

/// Adjudicates a priced claim under a benefit plan, from the patient's accumulators.
pub fn adjudicate(
    priced: &PricedClaim,
    plan: &BenefitPlan,
    accumulators: &Accumulators,
    network: Network,
) -> Result<Adjudication, BenefitsError> {
    let mut running = accumulators.clone();
    let mut lines = Vec::with_capacity(priced.lines.len());
    for priced_line in &priced.lines {
        if priced_line.service_date < plan.plan_year_start
            || priced_line.service_date > plan.plan_year_end
        {
            return Err(BenefitsError::OutsidePlanYear {
                line: priced_line.line.saturating_add(1),
            });
        }
        lines.push(adjudicate_line(priced_line, plan, &mut running, network)?);
    }
    Ok(Adjudication {
        patient_control_number: priced.patient_control_number.clone(),
        network,
        total_charge: Money::sum(lines.iter().map(|l| l.charge))?,
        total_allowed: Money::sum(lines.iter().map(|l| l.allowed))?,
        plan_paid: Money::sum(lines.iter().map(|l| l.plan_paid))?,
        patient_responsibility: Money::sum(lines.iter().map(|l| l.patient_responsibility))?,
        lines,
        accumulators: running,
    })
}

/// Room left under a limit for the patient: the individual limit (embedded, or no family
/// limit) and the family limit, whichever is smaller.
fn room(
    limits: &Limits,
    individual_met: Money,
    family_met: Money,
    family: FamilyAccumulation,
) -> Result<Money, MoneyError> {
    let individual = limits
        .individual
        .checked_sub(individual_met)?
        .max(Money::ZERO);
    let Some(family_limit) = limits.family else {
        return Ok(individual);
    };
    let family_room = family_limit.checked_sub(family_met)?.max(Money::ZERO);
    Ok(match family {
        FamilyAccumulation::Embedded => individual.min(family_room),
        FamilyAccumulation::Aggregate => family_room,
    })
}

fn adjudicate_line(
    priced: &crate::pricing::PricedLine,
    plan: &BenefitPlan,
    acc: &mut Accumulators,
    network: Network,
) -> Result<AdjudicatedLine, BenefitsError> {
    let charge = priced.charge;
    let mut line = AdjudicatedLine {
        line: priced.line,
        procedure: priced.procedure,
        category: priced.procedure.map_or(ServiceCategory::Other, |p| {
            plan.category(p, priced.place_of_service)
        }),
        charge,
        allowed: Money::ZERO,
        deductible: Money::ZERO,
        coinsurance: Money::ZERO,
        copay: Money::ZERO,
        non_covered: Money::ZERO,
        plan_paid: Money::ZERO,
        patient_responsibility: Money::ZERO,
        adjustments: Vec::new(),
        explanation: Vec::new(),
    };
    match &priced.status {
        LineStatus::Priced => {}
        LineStatus::NotPayable { reason } => {
            adjust(&mut line, GroupCode::Co, "96", charge)?;
            line.explanation.push(Explanation::NotPayable {
                reason: reason.clone(),
            });
            return Ok(line);
        }
        LineStatus::ManualPricing { reason } => {
            adjust(&mut line, GroupCode::Oa, "133", charge)?;
            line.explanation.push(Explanation::ManualPricing {
                reason: reason.clone(),
            });
            return Ok(line);
        }
    }
    let allowed = priced.allowed;
    line.allowed = allowed;
    let write_off = charge.checked_sub(allowed)?;
    adjust(&mut line, GroupCode::Co, "45", write_off)?;
    if !write_off.is_zero() {
        line.explanation.push(Explanation::WriteOff {
            charge,
            allowed,
            amount: write_off,
        });
    }
    let tier: &TierBenefits = match network {
        Network::InNetwork => &plan.in_network,
        Network::OutOfNetwork => match &plan.out_of_network {
            Some(tier) => tier,
            None => {
                adjust(&mut line, GroupCode::Pr, "242", allowed)?;
                line.non_covered = allowed;
                line.patient_responsibility = allowed;
                line.explanation
                    .push(Explanation::OutOfNetworkNotCovered { allowed });
                return Ok(line);
            }
        },
    };
    let benefit = tier
        .services
        .iter()
        .find(|s| s.category == line.category)
        .cloned()
        .unwrap_or_else(|| ServiceBenefit::standard(line.category));
    let excluded = priced
        .procedure
        .is_some_and(|p| plan.non_covered.iter().any(|r| r.contains(p)));
    if !benefit.covered || excluded {
        adjust(&mut line, GroupCode::Pr, "204", allowed)?;
        line.non_covered = allowed;
        line.patient_responsibility = allowed;
        line.explanation.push(Explanation::NotCovered { allowed });
        return Ok(line);
    }
    let used = acc
        .visits
        .iter()
        .find(|v| v.category == line.category)
        .map_or(0, |v| v.count);
    if benefit.visit_limit.is_some_and(|limit| used >= limit) {
        adjust(&mut line, GroupCode::Pr, "119", allowed)?;
        line.non_covered = allowed;
        line.patient_responsibility = allowed;
        line.explanation.push(Explanation::VisitLimit {
            limit: benefit.visit_limit.unwrap_or(0),
            allowed,
        });
        return Ok(line);
    }
    let tier_acc: &mut TierAccumulators = match network {
        Network::InNetwork => &mut acc.in_network,
        Network::OutOfNetwork => &mut acc.out_of_network,
    };
    let mut remaining = allowed;
    let mut oop_room = match (&tier.out_of_pocket_max, benefit.counts_toward_out_of_pocket) {
        (Some(limits), true) => Some(room(
            limits,
            tier_acc.individual_out_of_pocket,
            tier_acc.family_out_of_pocket,
            plan.family_accumulation,
        )?),
        _ => None,
    };
    // Takes up to `wanted` from the remaining allowed amount for the patient, within the
    // out-of-pocket room.
    let mut take = |wanted: Money, remaining: &mut Money| -> Result<Money, MoneyError> {
        let mut amount = wanted.min(*remaining).max(Money::ZERO);
        if let Some(room) = oop_room.as_mut() {
            amount = amount.min(*room);
            *room = room.checked_sub(amount)?;
        }
        *remaining = remaining.checked_sub(amount)?;
        Ok(amount)
    };
    let copay_first = !benefit.copay_after_deductible;
    if let (Some(copay), true) = (benefit.copay, copay_first) {
        line.copay = take(copay, &mut remaining)?;
        line.explanation.push(Explanation::Copay {
            copay,
            paid: line.copay,
        });
    }
    if benefit.deductible_applies {
        let available = room(
            &tier.deductible,
            tier_acc.individual_deductible,
            tier_acc.family_deductible,
            plan.family_accumulation,
        )?;
        line.deductible = take(available, &mut remaining)?;
        if !line.deductible.is_zero() {
            line.explanation.push(Explanation::Deductible {
                amount: line.deductible,
                left: available,
            });
        } else if available.is_zero() {
            line.explanation.push(Explanation::DeductibleMet);
        }
    } else {
        line.explanation.push(Explanation::DeductibleNotApplicable);
    }
    if let (Some(copay), false) = (benefit.copay, copay_first) {
        line.copay = take(copay, &mut remaining)?;
        line.explanation.push(Explanation::Copay {
            copay,
            paid: line.copay,
        });
    }
    let rate = benefit.coinsurance.unwrap_or(tier.coinsurance);
    let coinsurance = remaining
        .times_rate(rate)?
        .round_to_cents(Rounding::HalfAwayFromZero);
    line.coinsurance = take(coinsurance, &mut remaining)?;
    if !rate.percent().is_zero() {
        line.explanation.push(Explanation::Coinsurance {
            rate,
            amount: line.coinsurance,
        });
    }
    if line.coinsurance < coinsurance {
        line.explanation.push(Explanation::OutOfPocketReached);
    }
    let patient = Money::sum([line.copay, line.deductible, line.coinsurance])?;
    let (copay, deductible, coinsurance) = (line.copay, line.deductible, line.coinsurance);
    adjust(&mut line, GroupCode::Pr, "1", deductible)?;
    adjust(&mut line, GroupCode::Pr, "2", coinsurance)?;
    adjust(&mut line, GroupCode::Pr, "3", copay)?;
    let mut plan_paid = allowed.checked_sub(patient)?;
    if let Some(rate) = plan.sequestration {
        let reduction = plan_paid
            .times_rate(rate)?
            .round_to_cents(Rounding::HalfAwayFromZero);
        adjust(&mut line, GroupCode::Co, "253", reduction)?;
        if !reduction.is_zero() {
            line.explanation.push(Explanation::Sequestration {
                rate,
                amount: reduction,
            });
        }
        plan_paid = plan_paid.checked_sub(reduction)?;
    }
    line.plan_paid = plan_paid;
    line.patient_responsibility = patient;
    line.explanation.push(Explanation::Paid {
        plan: plan_paid,
        patient,
    });

    tier_acc.individual_deductible = tier_acc
        .individual_deductible
        .checked_add(line.deductible)?;
    tier_acc.family_deductible = tier_acc.family_deductible.checked_add(line.deductible)?;
    if benefit.counts_toward_out_of_pocket {
        tier_acc.individual_out_of_pocket =
            tier_acc.individual_out_of_pocket.checked_add(patient)?;
        tier_acc.family_out_of_pocket = tier_acc.family_out_of_pocket.checked_add(patient)?;
    }
    match acc.visits.iter_mut().find(|v| v.category == line.category) {
        Some(visits) => visits.count = visits.count.saturating_add(1),
        None => acc.visits.push(VisitCount {
            category: line.category,
            count: 1,
        }),
    }
    Ok(line)
}
