//! Claim-level adjudication of institutional (MIA) and outpatient (MOA) claims: every element
//! the guide uses, as sent.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Remarks;
use crate::money::Money;

/// MIA: inpatient adjudication information (all 24 elements).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InpatientAdjudication {
    /// MIA01 covered days or visits (required: `null` when missing or unreadable, with an error finding).
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub covered_days: Option<Decimal>,
    /// MIA02 PPS operating outlier amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_operating_outlier: Option<Money>,
    /// MIA03 lifetime psychiatric days.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub lifetime_psychiatric_days: Option<Decimal>,
    /// MIA04 claim DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg_amount: Option<Money>,
    /// Remark codes: MIA05, then MIA20–23.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Remarks,
    /// MIA06 claim disproportionate share amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disproportionate_share: Option<Money>,
    /// MIA07 claim MSP pass-through amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msp_pass_through: Option<Money>,
    /// MIA08 claim PPS capital amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital: Option<Money>,
    /// MIA09 PPS-capital FSP DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_fsp_drg: Option<Money>,
    /// MIA10 PPS-capital HSP DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_hsp_drg: Option<Money>,
    /// MIA11 PPS-capital DSH DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_dsh_drg: Option<Money>,
    /// MIA12 old capital amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_capital: Option<Money>,
    /// MIA13 PPS-capital IME amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_ime: Option<Money>,
    /// MIA14 PPS-operating hospital specific DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_operating_hospital_specific_drg: Option<Money>,
    /// MIA15 cost report day count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub cost_report_days: Option<Decimal>,
    /// MIA16 PPS-operating federal specific DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_operating_federal_specific_drg: Option<Money>,
    /// MIA17 claim PPS capital outlier amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_outlier: Option<Money>,
    /// MIA18 claim indirect teaching amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_teaching: Option<Money>,
    /// MIA19 nonpayable professional component amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonpayable_professional_component: Option<Money>,
    /// MIA24 PPS-capital exception amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_exception: Option<Money>,
}

/// MOA: outpatient adjudication information (all 9 elements).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutpatientAdjudication {
    /// MOA01 reimbursement rate (a percentage as a decimal).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub reimbursement_rate: Option<Decimal>,
    /// MOA02 claim HCPCS payable amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hcpcs_payable: Option<Money>,
    /// Remark codes: MOA03–07.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Remarks,
    /// MOA08 claim ESRD payment amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esrd_payment: Option<Money>,
    /// MOA09 nonpayable professional component amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonpayable_professional_component: Option<Money>,
}
