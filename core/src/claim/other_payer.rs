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
    /// When that payer adjudicated the claim: its check or remittance date (2330B DTP*573).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudicated: Option<NaiveDate>,
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

/// One adjustment made by another payer (CAS group, reason, amount and quantity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimAdjustment {
    /// Who bears it (CAS01).
    pub group: GroupCode,
    /// Why (CARC).
    pub reason: Carc,
    /// How much: positive decreases the payment.
    pub amount: Money,
    /// How many units it covers (CAS04, 07, …), when the payer said.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub quantity: Option<Decimal>,
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
