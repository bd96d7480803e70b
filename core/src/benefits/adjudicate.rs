//! `adjudicate`: from a priced claim to what the plan pays and what the patient owes, line by
//! line, as the CARC-coded adjustments a remittance would carry (RULES.md §4).
//!
//! Order on each line's allowed amount: a copay, then the deductible, then coinsurance on what
//! remains; the out-of-pocket maximum caps the patient's share as it accrues. Lines are taken
//! in claim order and the accumulators carried from one to the next, so adjudicating claims
//! one after another gives the same result as one combined claim.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::check::{self, Problems};
use super::plan::{
    Accumulators, BenefitPlan, FamilyAccumulation, Limits, ServiceBenefit, ServiceCategory,
    TierAccumulators, VisitCount,
};
use crate::codes::{Carc, GroupCode, ProcedureCode};
use crate::finding::Finding;
use crate::money::{Money, MoneyError, Rate, Rounding};
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
    /// What the plan pays after cost sharing, before sequestration (RULES.md §1: Medicare's
    /// 2% applies after the deductible and coinsurance); equal to `planPaid` when the plan
    /// has no sequestration.
    pub plan_paid_before_sequestration: Money,
    /// The sequestration reduction of the plan's payment (CO-253), never billed to the patient.
    pub sequestration: Money,
    /// What the plan pays.
    pub plan_paid: Money,
    /// What the patient owes.
    pub patient_responsibility: Money,
    /// The adjustments: charge = plan paid + the sum of these.
    pub adjustments: Vec<Adjustment>,
    /// Why, in plain language (each item serializes as a sentence).
    pub explanation: Vec<Explanation>,
}

/// What kept a patient's share below what the plan's terms alone would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capped {
    /// Less of the allowed amount was left than the share.
    ByAllowed,
    /// The out-of-pocket maximum.
    ByOutOfPocketMax,
}

/// One sentence of a line's explanation, kept as data until it is shown, so adjudicating a
/// claim formats nothing. Each says what was actually charged and why, never a share the
/// plan's terms would give that something else capped.
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
    /// The allowed amount is above the charge (only in unchecked adjudication): a negative
    /// CO-45 raises the payment to the allowed amount.
    AllowedAboveCharge {
        /// Charge.
        charge: Money,
        /// Allowed.
        allowed: Money,
        /// The (negative) adjustment.
        amount: Money,
    },
    /// No category rule of the plan takes the line, which has the benefits for `other`.
    NoCategory {
        /// The line's procedure, when it has one.
        procedure: Option<ProcedureCode>,
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
        /// Why the patient pays less than the copay, if so.
        capped: Option<Capped>,
    },
    /// Deductible applied (PR-1).
    Deductible {
        /// Applied.
        amount: Money,
        /// What was left to meet.
        left: Money,
        /// Why less than was left to meet was applied, if so.
        capped: Option<Capped>,
    },
    /// The deductible was already met.
    DeductibleMet,
    /// The family's deductible was already met (the patient's own was not, or only the family's
    /// counts).
    FamilyDeductibleMet,
    /// The plan has no deductible (a zero deductible).
    NoDeductible,
    /// The deductible does not apply to this service.
    DeductibleNotApplicable,
    /// Coinsurance (PR-2).
    Coinsurance {
        /// The rate.
        rate: Rate,
        /// What it is taken on: the allowed amount left after the copay and deductible.
        base: Money,
        /// The rate applied to the base, to cents.
        amount: Money,
        /// What the patient is charged of it.
        charged: Money,
        /// Why the patient is charged less than the amount, if so.
        capped: Option<Capped>,
    },
    /// The out-of-pocket maximum was reached on this line.
    OutOfPocketReached,
    /// The out-of-pocket maximum was reached before this line.
    OutOfPocketAlreadyReached,
    /// The out-of-pocket maximum is zero: no cost sharing.
    NoCostSharing,
    /// Sequestration (CO-253).
    Sequestration {
        /// The rate.
        rate: Rate,
        /// The plan's payment before it.
        before: Money,
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
            Explanation::AllowedAboveCharge {
                charge,
                allowed,
                amount,
            } => write!(
                f,
                "The allowed ${allowed} is above the charge of ${charge}; an adjustment of ${amount} (CO-45) raises the payment to the allowed amount."
            ),
            Explanation::NoCategory {
                procedure: Some(procedure),
            } => write!(
                f,
                "No category rule of the plan takes {procedure}: it has the plan's benefits for other services."
            ),
            Explanation::NoCategory { procedure: None } => f.write_str(
                "The line has no procedure code, so no category rule of the plan takes it: it has the plan's benefits for other services.",
            ),
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
            Explanation::Copay {
                copay,
                paid,
                capped,
            } => match capped {
                None => write!(
                    f,
                    "A ${copay} copay applies; the patient pays ${paid} (PR-3)."
                ),
                Some(Capped::ByAllowed) => write!(
                    f,
                    "A ${copay} copay applies; the patient pays ${paid}, all that is left of the allowed amount (PR-3)."
                ),
                Some(Capped::ByOutOfPocketMax) if paid.is_zero() => write!(
                    f,
                    "A ${copay} copay applies, but with the out-of-pocket maximum reached the patient pays none of it."
                ),
                Some(Capped::ByOutOfPocketMax) => write!(
                    f,
                    "A ${copay} copay applies; the out-of-pocket maximum caps what the patient pays at ${paid} (PR-3)."
                ),
            },
            Explanation::Deductible {
                amount,
                left,
                capped: Some(Capped::ByOutOfPocketMax),
            } => write!(
                f,
                "${amount} goes to the deductible (${left} was left to meet), as much as the out-of-pocket maximum allows (PR-1)."
            ),
            Explanation::Deductible { amount, left, .. } => write!(
                f,
                "${amount} goes to the deductible (${left} was left to meet) (PR-1)."
            ),
            Explanation::DeductibleMet => f.write_str("The deductible is already met."),
            Explanation::FamilyDeductibleMet => {
                f.write_str("The family deductible is already met.")
            }
            Explanation::NoDeductible => f.write_str("The plan has no deductible."),
            Explanation::DeductibleNotApplicable => {
                f.write_str("The deductible does not apply to this service.")
            }
            Explanation::Coinsurance {
                rate,
                base,
                amount,
                charged,
                capped,
            } => match capped {
                None => write!(
                    f,
                    "The patient's {rate} coinsurance on the remaining ${base} comes to ${amount} (PR-2)."
                ),
                Some(Capped::ByAllowed) => write!(
                    f,
                    "The patient's {rate} coinsurance on the remaining ${base} would be ${amount}; the patient pays ${charged}, all that is left of the allowed amount (PR-2)."
                ),
                Some(Capped::ByOutOfPocketMax) if charged.is_zero() => write!(
                    f,
                    "The patient's {rate} coinsurance on the remaining ${base} would be ${amount}, but with the out-of-pocket maximum reached the patient pays none of it."
                ),
                Some(Capped::ByOutOfPocketMax) => write!(
                    f,
                    "The patient's {rate} coinsurance on the remaining ${base} would be ${amount}; the out-of-pocket maximum caps it at ${charged} (PR-2)."
                ),
            },
            Explanation::OutOfPocketReached => f.write_str(
                "The out-of-pocket maximum is now reached: the plan pays the rest of the allowed amount in full.",
            ),
            Explanation::OutOfPocketAlreadyReached => f.write_str(
                "The out-of-pocket maximum was already reached: the patient owes no cost sharing and the plan pays the allowed amount in full.",
            ),
            Explanation::NoCostSharing => f.write_str(
                "The plan's out-of-pocket maximum is zero: the patient owes no cost sharing and the plan pays the allowed amount in full.",
            ),
            Explanation::Sequestration {
                rate,
                before,
                amount,
            } => {
                write!(
                    f,
                    "Sequestration reduces the plan's payment of ${before} by {rate}: ${amount} (CO-253), not billed to the patient."
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
    /// Total the plan pays after cost sharing, before sequestration.
    pub plan_paid_before_sequestration: Money,
    /// Total sequestration reduction (CO-253).
    pub sequestration: Money,
    /// Total the plan pays.
    pub plan_paid: Money,
    /// Total the patient owes.
    pub patient_responsibility: Money,
    /// The lines.
    pub lines: Vec<AdjudicatedLine>,
    /// The accumulators after this claim.
    pub accumulators: Accumulators,
    /// What the adjudication could not apply as the plan seems to intend (warnings): a
    /// service rule no code can reach, a line no category rule takes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// How `adjudicate` treats its input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdjudicateOptions {
    /// Adjudicate input the checks refuse (negative amounts, lines that were not priced,
    /// sums that do not add up, a plan that contradicts itself, …) as it is. The result may
    /// then hold negative amounts; for callers that know why their input is so.
    #[serde(default)]
    pub unchecked: bool,
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
    /// The priced claim, plan or accumulators cannot be adjudicated honestly: each finding
    /// names its document (rule prefix `PRICED-`, `PLAN-`, `ACCUMULATORS-`), path and what
    /// was expected.
    #[error("cannot adjudicate: {}", describe(.findings))]
    AdjudicationRefused {
        /// What is wrong.
        findings: Vec<Finding>,
    },
    /// The prior payer's decision, the next payer's adjudication or the method cannot be
    /// coordinated honestly: each finding names its document (rule prefix `PRIOR-`,
    /// `SECONDARY-`, `COB-`), path and what was expected.
    #[error("cannot coordinate: {}", describe(.findings))]
    CoordinationRefused {
        /// What is wrong.
        findings: Vec<Finding>,
    },
    /// An adjustment reason code medbill uses is not a valid CARC (a bug).
    #[error("internal: {0} is not a valid CARC")]
    ReasonCode(&'static str),
    /// Amount arithmetic overflowed.
    #[error("adjudication overflow: {0}")]
    Money(#[from] MoneyError),
}

/// Findings as one line: `RULE at PATH: message; …`.
fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} at {}: {}", f.rule, f.path, f.message))
        .collect::<Vec<_>>()
        .join("; ")
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
///
/// Refuses ([`BenefitsError::AdjudicationRefused`]) input it cannot adjudicate honestly: a
/// priced claim with negative amounts, lines that are not the claim's lines in order, an
/// allowed amount on a line that was not priced or above a line's charge, an allowed amount
/// its trace does not replay to, totals that are not the sums of the lines; a plan with a
/// negative amount, a share above 100%, two service rules for one category or a year that
/// ends before it starts; negative accumulators. [`adjudicate_with`] can skip these checks.
pub fn adjudicate(
    priced: &PricedClaim,
    plan: &BenefitPlan,
    accumulators: &Accumulators,
    network: Network,
) -> Result<Adjudication, BenefitsError> {
    adjudicate_with(
        priced,
        plan,
        accumulators,
        network,
        AdjudicateOptions::default(),
    )
}

/// [`adjudicate`], with options: `unchecked` adjudicates what the checks would refuse.
pub fn adjudicate_with(
    priced: &PricedClaim,
    plan: &BenefitPlan,
    accumulators: &Accumulators,
    network: Network,
    options: AdjudicateOptions,
) -> Result<Adjudication, BenefitsError> {
    if !options.unchecked {
        let mut problems = Problems::default();
        check::priced_claim(priced, &mut problems);
        check::plan(plan, &mut problems);
        check::accumulators(accumulators, &mut problems);
        if let Some(findings) = problems.into_findings() {
            return Err(BenefitsError::AdjudicationRefused { findings });
        }
    }
    let mut running = accumulators.clone();
    let mut lines = Vec::with_capacity(priced.lines.len());
    let mut findings = check::plan_warnings(plan);
    for (index, priced_line) in priced.lines.iter().enumerate() {
        if priced_line.service_date < plan.plan_year_start
            || priced_line.service_date > plan.plan_year_end
        {
            return Err(BenefitsError::OutsidePlanYear {
                line: priced_line.line.saturating_add(1),
            });
        }
        let line = adjudicate_line(priced_line, plan, &mut running, network)?;
        if line
            .explanation
            .iter()
            .any(|e| matches!(e, Explanation::NoCategory { .. }))
        {
            let path = match priced_line.procedure {
                Some(_) => format!("/lines/{index}/procedure"),
                None => format!("/lines/{index}"),
            };
            findings.push(Finding::warning(
                "PRICED-NO-CATEGORY",
                path,
                "no category rule of the plan takes the line: it has the plan's benefits for other services",
            ));
        }
        lines.push(line);
    }
    Ok(Adjudication {
        patient_control_number: priced.patient_control_number.clone(),
        network,
        total_charge: Money::sum(lines.iter().map(|l| l.charge))?,
        total_allowed: Money::sum(lines.iter().map(|l| l.allowed))?,
        plan_paid_before_sequestration: Money::sum(
            lines.iter().map(|l| l.plan_paid_before_sequestration),
        )?,
        sequestration: Money::sum(lines.iter().map(|l| l.sequestration))?,
        plan_paid: Money::sum(lines.iter().map(|l| l.plan_paid))?,
        patient_responsibility: Money::sum(lines.iter().map(|l| l.patient_responsibility))?,
        lines,
        accumulators: running,
        findings,
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

/// Takes the patient's shares from a line's allowed amount: each no more than what is left of
/// it, and within the out-of-pocket room when the service counts toward the maximum.
struct Shares {
    remaining: Money,
    oop_room: Option<Money>,
}

impl Shares {
    /// Takes up to `wanted`; says what capped it below `wanted`, if anything did.
    fn take(&mut self, wanted: Money) -> Result<(Money, Option<Capped>), MoneyError> {
        let wanted = wanted.max(Money::ZERO);
        let mut amount = wanted.min(self.remaining).max(Money::ZERO);
        let mut capped = (amount < wanted).then_some(Capped::ByAllowed);
        if let Some(room) = self.oop_room.as_mut() {
            if *room < amount {
                amount = *room;
                capped = Some(Capped::ByOutOfPocketMax);
            }
            *room = room.checked_sub(amount)?;
        }
        self.remaining = self.remaining.checked_sub(amount)?;
        Ok((amount, capped))
    }
}

fn adjudicate_line(
    priced: &crate::pricing::PricedLine,
    plan: &BenefitPlan,
    acc: &mut Accumulators,
    network: Network,
) -> Result<AdjudicatedLine, BenefitsError> {
    let charge = priced.charge;
    let rule = priced
        .procedure
        .and_then(|p| plan.category_rule(p, priced.place_of_service));
    let mut line = AdjudicatedLine {
        line: priced.line,
        procedure: priced.procedure,
        category: rule.map_or(ServiceCategory::Other, |rule| rule.category),
        charge,
        allowed: Money::ZERO,
        deductible: Money::ZERO,
        coinsurance: Money::ZERO,
        copay: Money::ZERO,
        non_covered: Money::ZERO,
        plan_paid_before_sequestration: Money::ZERO,
        sequestration: Money::ZERO,
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
    if write_off.is_negative() {
        line.explanation.push(Explanation::AllowedAboveCharge {
            charge,
            allowed,
            amount: write_off,
        });
    } else if !write_off.is_zero() {
        line.explanation.push(Explanation::WriteOff {
            charge,
            allowed,
            amount: write_off,
        });
    }
    let Some(tier) = plan.tier(network) else {
        adjust(&mut line, GroupCode::Pr, "242", allowed)?;
        line.non_covered = allowed;
        line.patient_responsibility = allowed;
        line.explanation
            .push(Explanation::OutOfNetworkNotCovered { allowed });
        return Ok(line);
    };
    if rule.is_none() {
        line.explanation.push(Explanation::NoCategory {
            procedure: priced.procedure,
        });
    }
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
    if let Some(limit) = benefit.visit_limit.filter(|limit| used >= *limit) {
        adjust(&mut line, GroupCode::Pr, "119", allowed)?;
        line.non_covered = allowed;
        line.patient_responsibility = allowed;
        line.explanation
            .push(Explanation::VisitLimit { limit, allowed });
        return Ok(line);
    }
    let tier_acc: &mut TierAccumulators = match network {
        Network::InNetwork => &mut acc.in_network,
        Network::OutOfNetwork => &mut acc.out_of_network,
    };
    let oop_room = match (&tier.out_of_pocket_max, benefit.counts_toward_out_of_pocket) {
        (Some(limits), true) => Some(room(
            limits,
            tier_acc.individual_out_of_pocket,
            tier_acc.family_out_of_pocket,
            plan.family_accumulation,
        )?),
        _ => None,
    };
    // With the maximum reached before this line (or a maximum of zero), every share is zero:
    // one sentence says so.
    let no_room = match (&tier.out_of_pocket_max, oop_room) {
        (Some(limits), Some(room)) if room.is_zero() => {
            let nothing_met =
                self::room(limits, Money::ZERO, Money::ZERO, plan.family_accumulation)?;
            Some(if nothing_met.is_zero() {
                Explanation::NoCostSharing
            } else {
                Explanation::OutOfPocketAlreadyReached
            })
        }
        _ => None,
    };
    let mut shares = Shares {
        remaining: allowed,
        oop_room,
    };
    let mut said = Vec::new();
    let mut reached = false;
    let copay_first = !benefit.copay_after_deductible;
    let take_copay = |shares: &mut Shares,
                      line: &mut AdjudicatedLine,
                      said: &mut Vec<Explanation>,
                      reached: &mut bool|
     -> Result<(), MoneyError> {
        if let Some(copay) = benefit.copay {
            let (paid, capped) = shares.take(copay)?;
            line.copay = paid;
            *reached |= capped == Some(Capped::ByOutOfPocketMax);
            said.push(Explanation::Copay {
                copay,
                paid,
                capped,
            });
        }
        Ok(())
    };
    if copay_first {
        take_copay(&mut shares, &mut line, &mut said, &mut reached)?;
    }
    if benefit.deductible_applies {
        let available = room(
            &tier.deductible,
            tier_acc.individual_deductible,
            tier_acc.family_deductible,
            plan.family_accumulation,
        )?;
        let (amount, capped) = shares.take(available)?;
        line.deductible = amount;
        reached |= capped == Some(Capped::ByOutOfPocketMax);
        if !amount.is_zero() {
            said.push(Explanation::Deductible {
                amount,
                left: available,
                capped,
            });
        } else if available.is_zero() {
            said.push(deductible_met(&tier.deductible, tier_acc, plan)?);
        }
    } else {
        said.push(Explanation::DeductibleNotApplicable);
    }
    if !copay_first {
        take_copay(&mut shares, &mut line, &mut said, &mut reached)?;
    }
    let rate = benefit.coinsurance.unwrap_or(tier.coinsurance);
    let base = shares.remaining;
    let coinsurance = base
        .times_rate(rate)?
        .round_to_cents(Rounding::HalfAwayFromZero);
    let (charged, capped) = shares.take(coinsurance)?;
    line.coinsurance = charged;
    reached |= capped == Some(Capped::ByOutOfPocketMax);
    if !rate.percent().is_zero() && base > Money::ZERO {
        said.push(Explanation::Coinsurance {
            rate,
            base,
            amount: coinsurance,
            charged,
            capped,
        });
    }
    if let Some(no_room) = no_room {
        line.explanation.push(no_room);
    } else {
        line.explanation.append(&mut said);
        if reached {
            line.explanation.push(Explanation::OutOfPocketReached);
        }
    }
    let patient = Money::sum([line.copay, line.deductible, line.coinsurance])?;
    let (copay, deductible, coinsurance) = (line.copay, line.deductible, line.coinsurance);
    adjust(&mut line, GroupCode::Pr, "1", deductible)?;
    adjust(&mut line, GroupCode::Pr, "2", coinsurance)?;
    adjust(&mut line, GroupCode::Pr, "3", copay)?;
    let before = allowed.checked_sub(patient)?;
    line.plan_paid_before_sequestration = before;
    let mut plan_paid = before;
    if let Some(rate) = plan.sequestration {
        let reduction = before
            .times_rate(rate)?
            .round_to_cents(Rounding::HalfAwayFromZero);
        adjust(&mut line, GroupCode::Co, "253", reduction)?;
        if !reduction.is_zero() {
            line.explanation.push(Explanation::Sequestration {
                rate,
                before,
                amount: reduction,
            });
        }
        line.sequestration = reduction;
        plan_paid = before.checked_sub(reduction)?;
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

/// Why no deductible was left to take: the plan has none (for this patient), the family met
/// it, or the patient did.
fn deductible_met(
    limits: &Limits,
    met: &TierAccumulators,
    plan: &BenefitPlan,
) -> Result<Explanation, MoneyError> {
    let nothing_met = room(limits, Money::ZERO, Money::ZERO, plan.family_accumulation)?;
    if nothing_met.is_zero() {
        return Ok(Explanation::NoDeductible);
    }
    let own = limits
        .individual
        .checked_sub(met.individual_deductible)?
        .max(Money::ZERO);
    let family_met = limits.family.is_some()
        && (plan.family_accumulation == FamilyAccumulation::Aggregate || !own.is_zero());
    Ok(if family_met {
        Explanation::FamilyDeductibleMet
    } else {
        Explanation::DeductibleMet
    })
}
