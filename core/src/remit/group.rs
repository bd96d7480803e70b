//! Loop 2000: a group of claims under its header number (LX) with the provider's summary
//! (TS3) and, for institutional claims, its supplemental summary (TS2).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompactString;
use crate::money::Money;

/// One LX group: the claims from `first_claim` up to the next group's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimGroup {
    /// LX01 the header number, as sent.
    #[schemars(with = "String")]
    pub number: CompactString,
    /// Index of the group's first claim in the remittance's claims (the number of claims
    /// before the group).
    pub first_claim: usize,
    /// TS3 provider summary information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_summary: Option<ProviderSummary>,
    /// TS2 provider supplemental summary information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplemental_summary: Option<SupplementalSummary>,
}

/// TS3: provider summary information (every element the guide uses).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProviderSummary {
    /// TS301 provider identifier.
    #[schemars(with = "String")]
    pub provider: CompactString,
    /// TS302 facility type code.
    #[schemars(with = "String")]
    pub facility_code: CompactString,
    /// TS303 the last day of the provider's fiscal period (required: absent with an error finding when missing or unreadable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_period_end: Option<NaiveDate>,
    /// TS304 total claim count (required: `null` when missing or unreadable).
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub claim_count: Option<Decimal>,
    /// TS305 total claim charge amount (required: `null` when missing or unreadable).
    pub total_charge: Option<Money>,
    /// TS313 total MSP payer amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msp_payer: Option<Money>,
    /// TS315 total non-lab charge amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_lab_charge: Option<Money>,
    /// TS317 total HCPCS reported charge amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hcpcs_reported_charge: Option<Money>,
    /// TS318 total HCPCS payable amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hcpcs_payable: Option<Money>,
    /// TS320 total professional component amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub professional_component: Option<Money>,
    /// TS321 total MSP patient liability met amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msp_patient_liability_met: Option<Money>,
    /// TS322 total patient reimbursement amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_reimbursement: Option<Money>,
    /// TS323 total PIP claim count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub pip_claim_count: Option<Decimal>,
    /// TS324 total PIP adjustment amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pip_adjustment: Option<Money>,
}

/// TS2: provider supplemental summary information (all 19 elements).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupplementalSummary {
    /// TS201 total DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg: Option<Money>,
    /// TS202 total federal specific amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federal_specific: Option<Money>,
    /// TS203 total hospital specific amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospital_specific: Option<Money>,
    /// TS204 total disproportionate share amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disproportionate_share: Option<Money>,
    /// TS205 total capital amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital: Option<Money>,
    /// TS206 total indirect medical education amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_medical_education: Option<Money>,
    /// TS207 total outlier day count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub outlier_days: Option<Decimal>,
    /// TS208 total day outlier amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_outlier: Option<Money>,
    /// TS209 total cost outlier amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_outlier: Option<Money>,
    /// TS210 average DRG length of stay.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub average_drg_length_of_stay: Option<Decimal>,
    /// TS211 total discharge count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub discharges: Option<Decimal>,
    /// TS212 total cost report day count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub cost_report_days: Option<Decimal>,
    /// TS213 total covered day count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub covered_days: Option<Decimal>,
    /// TS214 total noncovered day count.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub noncovered_days: Option<Decimal>,
    /// TS215 total MSP pass-through amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msp_pass_through: Option<Money>,
    /// TS216 average DRG weight.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub average_drg_weight: Option<Decimal>,
    /// TS217 total PPS capital FSP DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_fsp_drg: Option<Money>,
    /// TS218 total PPS capital HSP DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_capital_hsp_drg: Option<Money>,
    /// TS219 total PPS DSH DRG amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pps_dsh_drg: Option<Money>,
}
