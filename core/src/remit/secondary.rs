//! A secondary claim's prior-payer data (837 loops 2320/2330/2430) from the primary payer's
//! remittance. It lives here, not in `claim`, because `claim` sits above `remit`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{RemitAdjustment, RemitClaim, ServiceProcedure};
use crate::benefits::Coordination;
use crate::claim::{
    Claim, ClaimAdjustment, ClaimForm, LineAdjudication, OtherPayer, Payer, PayerResponsibility,
    PersonName,
};
use crate::codes::{Modifier, ProcedureCode, RevenueCode};
use crate::money::Money;
use crate::phi::Phi;

/// Why a remittance cannot describe the prior payer of a claim.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OtherPayerError {
    /// A remittance line carries a code that is not valid; names the line and field.
    #[error("remittance line {line}: {field} is not a valid code")]
    Code {
        /// 0-based remittance line.
        line: usize,
        /// Which field.
        field: &'static str,
    },
    /// A remittance line matches no line of the claim (by REF*6R, then by position), or a
    /// coordinated line names a line the claim does not have.
    #[error("remittance line {line} matches no claim line")]
    UnmatchedLine {
        /// 0-based remittance or coordinated line.
        line: usize,
    },
    /// A coordinated line's prior payment and adjustments do not add up to its charge, so
    /// its 2430 loop would not balance (a tertiary coordination sums two payers' payments:
    /// build each prior payer's loop from its own coordination or remittance).
    #[error("coordinated line {line}: prior paid plus adjustments is not the charge")]
    Unbalanced {
        /// 0-based claim line.
        line: usize,
    },
    /// Adding up the amounts overflowed.
    #[error("coordinated line {line}: the amounts overflow")]
    Overflow {
        /// 0-based claim line.
        line: usize,
    },
    /// A claim-level adjustment of the remittance carries a code that is not valid.
    #[error("remittance claim adjustment {adjustment}: {field} is not a valid code")]
    ClaimCode {
        /// 0-based claim-level adjustment.
        adjustment: usize,
        /// Which field.
        field: &'static str,
    },
    /// An amount the 835 requires (CLP04, SVC03, a CAS amount) is missing or unreadable in
    /// the remittance: the prior payer's payment cannot be stated, and is never taken as
    /// zero. Names the field by its JSON pointer in the remittance claim.
    #[error("remittance {path}: the amount is missing, so the prior payment cannot be stated")]
    MissingAmount {
        /// JSON pointer in the remittance claim, e.g. `/lines/0/paid`.
        path: String,
    },
    /// A remark code of the remittance's MIA or MOA is not a valid RARC, so the secondary
    /// claim cannot pass it on. Names it by its JSON pointer in the remittance claim.
    #[error("remittance {path}: not a valid remark code")]
    RemarkCode {
        /// JSON pointer, e.g. `/outpatient/remarks/0`.
        path: String,
    },
}

impl OtherPayer {
    /// The prior payer of a secondary claim from that payer's remittance of the claim: paid
    /// amount (CLP04), claim adjustments, payer claim number (CLP07), the patient's remaining
    /// liability (CLP05, 2320 AMT*EAF), Medicare's outpatient adjudication (MOA) and, on an
    /// institutional claim, its inpatient adjudication (MIA, less MIA02 which the 837I does
    /// not use), and each line's payment and adjustments. A remittance
    /// line is linked to the claim line whose line item control number it echoes (REF*6R),
    /// else to the line at the same position. The remittance carries no adjudication date
    /// per line: `adjudicated` (the 835 check or payment date) is used for all of them.
    ///
    /// CAS reason codes are validated here; amounts and quantities are carried as paid. An
    /// amount the 835 requires that is missing (CLP04, SVC03, a CAS amount) is refused
    /// ([`OtherPayerError::MissingAmount`]): a secondary claim never states an invented
    /// prior payment.
    pub fn from_remittance(
        claim: &Claim,
        payer: Payer,
        coverage: OtherCoverage,
        remit: &RemitClaim,
        adjudicated: NaiveDate,
    ) -> Result<OtherPayer, OtherPayerError> {
        let control_numbers = claim.line_control_numbers();
        // Adjustments of line `line` (`None`: of the claim), codes valid and amounts present.
        let convert = |line: Option<usize>, list: &[RemitAdjustment]| {
            list.iter()
                .enumerate()
                .map(|(k, a)| {
                    let code = |field| match line {
                        Some(line) => OtherPayerError::Code { line, field },
                        None => OtherPayerError::ClaimCode {
                            adjustment: k,
                            field,
                        },
                    };
                    let amount = a.amount.ok_or_else(|| OtherPayerError::MissingAmount {
                        path: match line {
                            Some(line) => format!("/lines/{line}/adjustments/{k}/amount"),
                            None => format!("/adjustments/{k}/amount"),
                        },
                    })?;
                    Ok(ClaimAdjustment {
                        group: *a.group.known().ok_or_else(|| code("CAS01"))?,
                        reason: *a.reason.known().ok_or_else(|| code("CAS02"))?,
                        amount,
                        quantity: a.quantity,
                    })
                })
                .collect::<Result<Vec<_>, OtherPayerError>>()
        };
        let paid = remit.paid.ok_or_else(|| OtherPayerError::MissingAmount {
            path: "/paid".to_owned(),
        })?;
        let mut lines = Vec::with_capacity(remit.lines.len());
        for (index, remit_line) in remit.lines.iter().enumerate() {
            let by_number = remit_line
                .control_number
                .as_deref()
                .and_then(|number| control_numbers.iter().position(|c| *c == Some(number)));
            let line = match by_number {
                Some(line) => line,
                None if index < control_numbers.len() => index,
                None => return Err(OtherPayerError::UnmatchedLine { line: index }),
            };
            let (procedure, modifiers, revenue_code) =
                adjudicated_code(&remit_line.procedure, remit_line.revenue_code.as_deref()).ok_or(
                    OtherPayerError::Code {
                        line: index,
                        field: "SVC01",
                    },
                )?;
            let line_paid = remit_line
                .paid
                .ok_or_else(|| OtherPayerError::MissingAmount {
                    path: format!("/lines/{index}/paid"),
                })?;
            lines.push(LineAdjudication {
                line,
                paid: line_paid,
                procedure,
                modifiers,
                revenue_code,
                // SVC05 absent means the units billed were paid: one unless SVC07 says.
                units: remit_line
                    .units_paid
                    .or(remit_line.units_submitted)
                    .unwrap_or(Decimal::ONE),
                adjustments: convert(Some(index), &remit_line.adjustments)?,
                adjudication_date: adjudicated,
                remaining_patient_liability: None,
            });
        }
        let mut other = coverage.adjudicated_by(payer, paid, lines, adjudicated);
        other.claim_control_number = remit.payer_claim_number.as_ref().map(|n| n.to_string());
        // CLP05, the patient's responsibility as that payer decided it, is what the patient
        // still owes after it (2320 AMT*EAF).
        other.remaining_patient_liability = remit.patient_responsibility;
        other.adjustments = convert(None, &remit.adjustments)?;
        // Medicare's adjudication (2320 MIA/MOA): MIA only on an institutional claim, the
        // only one whose guide has it.
        other.outpatient_adjudication = remit
            .outpatient
            .as_ref()
            .map(super::OutpatientAdjudication::for_secondary)
            .transpose()?;
        if matches!(claim.form, ClaimForm::Institutional(_)) {
            other.inpatient_adjudication = remit
                .inpatient
                .as_ref()
                .map(super::InpatientAdjudication::for_secondary)
                .transpose()?;
        }
        Ok(other)
    }
}

impl OtherPayer {
    /// The prior payer of a secondary claim from the coordination of benefits
    /// ([`crate::benefits::coordinate`]): what it paid on the claim (2320 AMT*D) and on
    /// each line (2430 SVD), with its line adjustments (2430 CAS), each line adjudicated as
    /// billed (the claim line's procedure, modifiers, revenue code and units) on
    /// `adjudicated` (DTP*573). Every line must balance (charge = prior paid + adjustments),
    /// as the 837 requires. The coordination carries no payer claim number: set
    /// `claim_control_number` (2330B REF*F8) afterwards when the prior payer gave one.
    pub fn from_coordination(
        claim: &Claim,
        payer: Payer,
        coverage: OtherCoverage,
        coordination: &Coordination,
        adjudicated: NaiveDate,
    ) -> Result<OtherPayer, OtherPayerError> {
        let billed: Vec<BilledAs> = match &claim.form {
            ClaimForm::Professional(p) => p
                .lines
                .iter()
                .map(|l| {
                    (
                        Some(l.procedure),
                        l.modifiers.clone(),
                        None,
                        l.quantity.value(),
                    )
                })
                .collect(),
            ClaimForm::Institutional(i) => i
                .lines
                .iter()
                .map(|l| {
                    (
                        l.procedure,
                        l.modifiers.clone(),
                        Some(l.revenue_code),
                        l.units,
                    )
                })
                .collect(),
        };
        let mut lines = Vec::with_capacity(coordination.lines.len());
        for coordinated in &coordination.lines {
            let line = coordinated.line;
            let Some((procedure, modifiers, revenue_code, units)) = billed.get(line).cloned()
            else {
                return Err(OtherPayerError::UnmatchedLine { line });
            };
            let adjustments: Vec<ClaimAdjustment> = coordinated
                .prior_adjustments
                .iter()
                .map(|a| ClaimAdjustment {
                    group: a.group,
                    reason: a.reason,
                    amount: a.amount,
                    quantity: None,
                })
                .collect();
            let accounted = Money::sum(adjustments.iter().map(|a| a.amount))
                .and_then(|sum| sum.checked_add(coordinated.prior_paid))
                .map_err(|_| OtherPayerError::Overflow { line })?;
            if accounted != coordinated.charge {
                return Err(OtherPayerError::Unbalanced { line });
            }
            lines.push(LineAdjudication {
                line,
                paid: coordinated.prior_paid,
                procedure,
                modifiers,
                revenue_code,
                units,
                adjustments,
                adjudication_date: adjudicated,
                remaining_patient_liability: None,
            });
        }
        Ok(coverage.adjudicated_by(payer, coordination.prior_paid, lines, adjudicated))
    }
}

/// A claim line as billed: procedure, modifiers, revenue code and units.
type BilledAs = (
    Option<ProcedureCode>,
    Vec<Modifier>,
    Option<RevenueCode>,
    Decimal,
);

/// What a prior payer decided on a claim, from either source a biller has: its 835 claim,
/// or the coordination of benefits computed here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum PriorAdjudication {
    /// The prior payer's 835 claim ([`OtherPayer::from_remittance`]).
    Remittance(Box<RemitClaim>),
    /// The coordination of benefits ([`OtherPayer::from_coordination`]).
    Coordination(Coordination),
}

impl OtherPayer {
    /// [`OtherPayer::from_remittance`] or [`OtherPayer::from_coordination`], by source.
    pub fn from_prior(
        claim: &Claim,
        payer: Payer,
        coverage: OtherCoverage,
        prior: &PriorAdjudication,
        adjudicated: NaiveDate,
    ) -> Result<OtherPayer, OtherPayerError> {
        match prior {
            PriorAdjudication::Remittance(remit) => {
                OtherPayer::from_remittance(claim, payer, coverage, remit, adjudicated)
            }
            PriorAdjudication::Coordination(coordination) => {
                OtherPayer::from_coordination(claim, payer, coverage, coordination, adjudicated)
            }
        }
    }
}

/// The payer that adjudicated a claim before the next one: who it is, the patient's
/// coverage with it, when it adjudicated, and the payer the claim goes to next (kept when
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriorPayer {
    /// The payer that adjudicated the claim.
    pub payer: Payer,
    /// The coverage facts its decision does not carry.
    pub coverage: OtherCoverage,
    /// Its check or remittance date.
    pub adjudicated: NaiveDate,
    /// Where the claim goes next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_payer: Option<Payer>,
}

/// Sends `claim` on to the next payer after `prior` decided it (`decision`): the prior payer's
/// data joins the claim's other payers (837 loops 2320, 2330A/B, 2430) and the subscriber's
/// responsibility moves on ([`Claim::send_to_next_payer`]). The one step the CLI and both
/// bindings take.
pub fn send_on(
    claim: &mut Claim,
    prior: PriorPayer,
    decision: &PriorAdjudication,
) -> Result<(), OtherPayerError> {
    let other = OtherPayer::from_prior(
        claim,
        prior.payer,
        prior.coverage,
        decision,
        prior.adjudicated,
    )?;
    claim.send_to_next_payer(other, prior.next_payer);
    Ok(())
}

/// The coverage facts of another payer that a remittance or a coordination does not carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OtherCoverage {
    /// 2320 SBR01.
    pub responsibility: PayerResponsibility,
    /// 2320 SBR02.
    pub relationship: String,
    /// 2320 SBR03.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_number: Option<String>,
    /// 2330A NM1*IL name.
    pub subscriber_name: Phi<PersonName>,
    /// 2330A member id.
    pub subscriber_member_id: Phi<String>,
}

impl OtherCoverage {
    /// `payer` under this coverage, having paid `paid` on the claim and `lines` on its lines
    /// on `date` (stated for the claim, 2330B DTP*573, only when no line carries it); no
    /// claim number or claim-level adjustments yet.
    fn adjudicated_by(
        self,
        payer: Payer,
        paid: Money,
        lines: Vec<LineAdjudication>,
        date: NaiveDate,
    ) -> OtherPayer {
        let mut other = OtherPayer::new(
            payer,
            self.responsibility,
            &self.relationship,
            self.subscriber_name,
            self.subscriber_member_id,
        );
        other.group_number = self.group_number;
        other.adjudicated = lines.is_empty().then_some(date);
        other.paid = Some(paid);
        other.lines = lines;
        other
    }
}

/// SVC01 (and SVC04) as typed codes: the procedure and modifiers for `HC`, the revenue code
/// for `NU` (or SVC04). `None` when a code does not parse: nothing is dropped silently.
fn adjudicated_code(
    procedure: &ServiceProcedure,
    revenue: Option<&str>,
) -> Option<(Option<ProcedureCode>, Vec<Modifier>, Option<RevenueCode>)> {
    let revenue_code = match revenue {
        Some(code) => Some(RevenueCode::parse(code).ok()?),
        None => None,
    };
    match procedure.qualifier.as_str() {
        "HC" => Some((
            Some(ProcedureCode::parse(&procedure.code).ok()?),
            procedure
                .modifiers
                .iter()
                .filter(|m| !m.is_empty())
                .map(|m| Modifier::parse(m).ok())
                .collect::<Option<Vec<_>>>()?,
            revenue_code,
        )),
        "NU" => Some((
            None,
            Vec::new(),
            Some(RevenueCode::parse(&procedure.code).ok()?),
        )),
        _ => None,
    }
}
