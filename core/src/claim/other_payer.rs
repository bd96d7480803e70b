//! Other payers of a claim (837 loops 2320, 2330A/B and 2430): who else covers the patient
//! and, for a secondary or tertiary claim, what the prior payer paid and adjusted
//! (RULES.md §5).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{InsuranceType, Payer, PayerResponsibility, PersonName};
use crate::codes::{Carc, GroupCode, Modifier, ProcedureCode, Rarc, RevenueCode};
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
    /// The group's or plan's name with that payer (2320 SBR04, box 9d).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Why Medicare is not primary, for a Medicare payer (837P 2320 SBR05).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_type: Option<InsuranceType>,
    /// That payer's subscriber (2330A NM1*IL).
    pub subscriber_name: Phi<PersonName>,
    /// That payer's member id (2330A NM109 with MI).
    pub subscriber_member_id: Phi<String>,
    /// That payer's claim control number for this claim (2330B REF*F8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_control_number: Option<String>,
    /// That payer's prior authorization number (2330B REF*G1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_authorization: Option<String>,
    /// That payer's referral number (2330B REF*9F).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_number: Option<String>,
    /// When that payer adjudicated the claim: its check or remittance date (2330B DTP*573).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudicated: Option<NaiveDate>,
    /// What that payer paid on the claim (2320 AMT*D), once adjudicated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Money>,
    /// What that payer did not cover (2320 AMT*A8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_covered: Option<Money>,
    /// What the patient still owes after that payer's adjudication (2320 AMT*EAF; the
    /// 835's CLP05).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_patient_liability: Option<Money>,
    /// Medicare's inpatient adjudication (837I 2320 MIA; the 835's MIA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inpatient_adjudication: Option<InpatientAdjudication>,
    /// Medicare's outpatient adjudication (2320 MOA; the 835's MOA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outpatient_adjudication: Option<OutpatientAdjudication>,
    /// Its claim-level adjustments (2320 CAS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<ClaimAdjustment>,
    /// Its line adjudications (2430), linked to the claim's lines by index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<LineAdjudication>,
}

impl OtherPayer {
    /// Another payer of the claim with the patient's coverage there: nothing adjudicated yet.
    pub fn new(
        payer: Payer,
        responsibility: PayerResponsibility,
        relationship: &str,
        subscriber_name: Phi<PersonName>,
        subscriber_member_id: Phi<String>,
    ) -> OtherPayer {
        OtherPayer {
            payer,
            responsibility,
            relationship: relationship.to_owned(),
            group_number: None,
            group_name: None,
            insurance_type: None,
            subscriber_name,
            subscriber_member_id,
            claim_control_number: None,
            prior_authorization: None,
            referral_number: None,
            adjudicated: None,
            paid: None,
            non_covered: None,
            remaining_patient_liability: None,
            inpatient_adjudication: None,
            outpatient_adjudication: None,
            adjustments: Vec::new(),
            lines: Vec::new(),
        }
    }
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
    /// What the patient still owes on the line after that payer (2430 AMT*EAF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_patient_liability: Option<Money>,
}

/// Medicare's adjudication of an inpatient claim (MIA), as the 835 reports it and a
/// secondary 837I passes it on (loop 2320). The 837I does not use MIA02.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "OtherPayerInpatientAdjudication")]
pub struct InpatientAdjudication {
    /// Covered days or visits (MIA01).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub covered_days: Decimal,
    /// PPS operating outlier amount (MIA02; 835 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_operating_outlier: Option<Money>,
    /// Lifetime psychiatric days (MIA03).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub lifetime_psychiatric_days: Option<Decimal>,
    /// DRG amount (MIA04).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg_amount: Option<Money>,
    /// Remark codes (MIA05, then MIA20–MIA23), at most five.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Rarc>,
    /// Disproportionate share amount (MIA06).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disproportionate_share: Option<Money>,
    /// Medicare secondary payer pass-through amount (MIA07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msp_pass_through: Option<Money>,
    /// PPS capital amount (MIA08).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital: Option<Money>,
    /// PPS capital, federal specific portion, DRG amount (MIA09).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_fsp_drg: Option<Money>,
    /// PPS capital, hospital specific portion, DRG amount (MIA10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_hsp_drg: Option<Money>,
    /// PPS capital, disproportionate share, hospital DRG amount (MIA11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_dsh_drg: Option<Money>,
    /// Old capital amount (MIA12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_capital: Option<Money>,
    /// PPS capital indirect medical education amount (MIA13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_ime: Option<Money>,
    /// PPS operating, hospital specific, DRG amount (MIA14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_operating_hospital_specific_drg: Option<Money>,
    /// Cost report days (MIA15).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub cost_report_days: Option<Decimal>,
    /// PPS operating, federal specific, DRG amount (MIA16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_operating_federal_specific_drg: Option<Money>,
    /// PPS capital outlier amount (MIA17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_outlier: Option<Money>,
    /// Indirect teaching amount (MIA18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_teaching: Option<Money>,
    /// Professional component billed but not payable (MIA19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonpayable_professional_component: Option<Money>,
    /// PPS capital exception amount (MIA24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_exception: Option<Money>,
}

/// Medicare's adjudication of an outpatient claim (MOA), as the 835 reports it and a
/// secondary 837 passes it on (loop 2320).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "OtherPayerOutpatientAdjudication")]
pub struct OutpatientAdjudication {
    /// Reimbursement rate (MOA01), a percentage as a decimal (e.g. `0.8`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub reimbursement_rate: Option<Decimal>,
    /// HCPCS payable amount (MOA02).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hcpcs_payable: Option<Money>,
    /// Remark codes (MOA03–MOA07), at most five.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Rarc>,
    /// End-stage renal disease payment amount (MOA08).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esrd_payment: Option<Money>,
    /// Professional component billed but not payable (MOA09).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonpayable_professional_component: Option<Money>,
}
