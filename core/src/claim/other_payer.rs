//! Other payers of a claim (837 loops 2320, 2330A/B and 2430): who else covers the patient
//! and, for a secondary or tertiary claim, what the prior payer paid and adjusted
//! (RULES.md §5).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Payer, PayerResponsibility, PersonName};
use crate::codes::{Carc, GroupCode, Modifier, ProcedureCode, RevenueCode};
use crate::money::Money;
use crate::phi::Phi;

/// Another payer of the claim: its coverage (2320 SBR, 2330A, 2330B) and, once it has
/// adjudicated the claim, what it paid (AMT*D), its claim adjustments (2320 CAS) and its line
/// adjudications (2430).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OtherPayer {
    /// The other payer: name and id (2330B NM1*PR) and claim filing indicator (2320 SBR09).
    pub payer: Payer,
    /// Its place in the payment order (2320 SBR01).
    pub responsibility: PayerResponsibility,
    /// The patient's relationship to that payer's subscriber (2320 SBR02): `18` self, `01`
    /// spouse, `19` child, `20` employee, `21` unknown, `39`, `40`, `53`, `G8` other.
    pub relationship: String,
    /// Group or policy number with that payer (2320 SBR03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_number: Option<String>,
    /// That payer's subscriber (2330A NM1*IL).
    pub subscriber_name: Phi<PersonName>,
    /// That payer's member id (2330A NM109 with MI).
    pub subscriber_member_id: Phi<String>,
    /// That payer's claim control number for this claim (2330B REF*F8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_control_number: Option<String>,
    /// What that payer paid on the claim (2320 AMT*D), once adjudicated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Money>,
    /// Its claim-level adjustments (2320 CAS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<ClaimAdjustment>,
    /// Its line adjudications (2430), linked to the claim's lines by index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<LineAdjudication>,
}

/// One adjustment made by another payer (CAS group, reason and amount).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimAdjustment {
    /// Who bears it (CAS01).
    pub group: GroupCode,
    /// Why (CARC).
    pub reason: Carc,
    /// How much: positive decreases the payment.
    pub amount: Money,
}

/// How another payer adjudicated one service line (2430 SVD, CAS, DTP*573).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LineAdjudication {
    /// 0-based index of the claim's service line this adjudicates.
    pub line: usize,
    /// What that payer paid on the line (SVD02).
    pub paid: Money,
    /// Procedure as adjudicated (SVD03-2), when the payer reported one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureCode>,
    /// Modifiers as adjudicated (SVD03-3..6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// Revenue code as adjudicated (institutional SVD04).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_code: Option<RevenueCode>,
    /// Units paid (SVD05).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units: Decimal,
    /// Line adjustments (2430 CAS): charge = paid + their sum, when the line balances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<ClaimAdjustment>,
    /// When that payer adjudicated the line (DTP*573).
    pub adjudication_date: NaiveDate,
}

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
    /// A remittance line matches no line of the claim (by REF*6R, then by position).
    #[error("remittance line {line} matches no claim line")]
    UnmatchedLine {
        /// 0-based remittance line.
        line: usize,
    },
}

impl OtherPayer {
    /// The prior payer of a secondary claim from that payer's remittance of the claim: paid
    /// amount (CLP04), claim adjustments, payer claim number (CLP07) and each line's
    /// payment and adjustments. A remittance line is linked to the claim line whose line item
    /// control number it echoes (REF*6R), else to the line at the same position. The
    /// remittance carries no adjudication date per line: `adjudicated` (the 835 check or
    /// payment date) is used for all of them.
    ///
    /// CAS reason codes are validated here; a CAS with a quantity keeps only its amount (the
    /// 837 2430 CAS carries quantities, the model does not).
    pub fn from_remittance(
        claim: &super::Claim,
        payer: Payer,
        coverage: OtherCoverage,
        remit: &crate::remit::RemitClaim,
        adjudicated: NaiveDate,
    ) -> Result<OtherPayer, OtherPayerError> {
        let control_numbers: Vec<Option<&str>> = match &claim.form {
            super::ClaimForm::Professional(p) => p
                .lines
                .iter()
                .map(|l| l.line_item_control_number.as_deref())
                .collect(),
            super::ClaimForm::Institutional(i) => i
                .lines
                .iter()
                .map(|l| l.line_item_control_number.as_deref())
                .collect(),
        };
        let convert = |line: usize, list: &[crate::remit::RemitAdjustment]| {
            list.iter()
                .map(|a| {
                    Ok(ClaimAdjustment {
                        group: GroupCode::parse(&a.group).map_err(|_| OtherPayerError::Code {
                            line,
                            field: "CAS01",
                        })?,
                        reason: Carc::parse(&a.reason).map_err(|_| OtherPayerError::Code {
                            line,
                            field: "CAS02",
                        })?,
                        amount: a.amount,
                    })
                })
                .collect::<Result<Vec<_>, OtherPayerError>>()
        };
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
            let (procedure, modifiers, revenue_code) = adjudicated_code(&remit_line.procedure);
            lines.push(LineAdjudication {
                line,
                paid: remit_line.paid,
                procedure,
                modifiers,
                revenue_code,
                units: Decimal::ONE,
                adjustments: convert(index, &remit_line.adjustments)?,
                adjudication_date: adjudicated,
            });
        }
        Ok(OtherPayer {
            payer,
            responsibility: coverage.responsibility,
            relationship: coverage.relationship,
            group_number: coverage.group_number,
            subscriber_name: coverage.subscriber_name,
            subscriber_member_id: coverage.subscriber_member_id,
            claim_control_number: remit.payer_claim_number.clone(),
            paid: Some(remit.paid),
            adjustments: convert(usize::MAX, &remit.adjustments)?,
            lines,
        })
    }
}

/// The coverage facts of another payer that a remittance does not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherCoverage {
    /// 2320 SBR01.
    pub responsibility: PayerResponsibility,
    /// 2320 SBR02.
    pub relationship: String,
    /// 2320 SBR03.
    pub group_number: Option<String>,
    /// 2330A NM1*IL name.
    pub subscriber_name: Phi<PersonName>,
    /// 2330A member id.
    pub subscriber_member_id: Phi<String>,
}

/// SVC01 as sent (`HC:99213:25`, `NU:0450`): the procedure and modifiers, or the revenue code.
fn adjudicated_code(text: &str) -> (Option<ProcedureCode>, Vec<Modifier>, Option<RevenueCode>) {
    let mut parts = text.split([':', '>', '^']);
    let qualifier = parts.next().unwrap_or("");
    let code = parts.next().unwrap_or("");
    match qualifier {
        "HC" => (
            ProcedureCode::parse(code).ok(),
            parts.filter_map(|m| Modifier::parse(m).ok()).collect(),
            None,
        ),
        "NU" => (None, Vec::new(), RevenueCode::parse(code).ok()),
        _ => (None, Vec::new(), None),
    }
}
