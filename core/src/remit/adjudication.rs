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

/// The remark codes a secondary claim passes on: each must be a valid RARC.
fn valid_remarks(
    remarks: &Remarks,
    path: &str,
) -> Result<Vec<crate::codes::Rarc>, super::OtherPayerError> {
    remarks
        .iter()
        .enumerate()
        .map(|(i, remark)| {
            remark
                .known()
                .cloned()
                .ok_or_else(|| super::OtherPayerError::RemarkCode {
                    path: format!("{path}/remarks/{i}"),
                })
        })
        .collect()
}

impl InpatientAdjudication {
    /// The MIA a secondary 837I passes on in loop 2320: every element the 835 sent except
    /// MIA02 (the PPS operating outlier amount), which the 837I does not use. MIA01 is
    /// required: missing, it is refused ([`super::OtherPayerError::MissingAmount`]), never
    /// taken as zero; a remark code that is not a valid RARC is refused too.
    pub fn for_secondary(
        &self,
    ) -> Result<crate::claim::InpatientAdjudication, super::OtherPayerError> {
        Ok(crate::claim::InpatientAdjudication {
            covered_days: self.covered_days.ok_or_else(|| {
                super::OtherPayerError::MissingAmount {
                    path: "/inpatient/coveredDays".to_owned(),
                }
            })?,
            pps_operating_outlier: None,
            lifetime_psychiatric_days: self.lifetime_psychiatric_days,
            drg_amount: self.drg_amount,
            remarks: valid_remarks(&self.remarks, "/inpatient")?,
            disproportionate_share: self.disproportionate_share,
            msp_pass_through: self.msp_pass_through,
            pps_capital: self.pps_capital,
            pps_capital_fsp_drg: self.pps_capital_fsp_drg,
            pps_capital_hsp_drg: self.pps_capital_hsp_drg,
            pps_capital_dsh_drg: self.pps_capital_dsh_drg,
            old_capital: self.old_capital,
            pps_capital_ime: self.pps_capital_ime,
            pps_operating_hospital_specific_drg: self.pps_operating_hospital_specific_drg,
            cost_report_days: self.cost_report_days,
            pps_operating_federal_specific_drg: self.pps_operating_federal_specific_drg,
            pps_capital_outlier: self.pps_capital_outlier,
            indirect_teaching: self.indirect_teaching,
            nonpayable_professional_component: self.nonpayable_professional_component,
            pps_capital_exception: self.pps_capital_exception,
        })
    }
}

impl OutpatientAdjudication {
    /// The MOA a secondary 837P or 837I passes on in loop 2320: all nine elements as the 835
    /// sent them; a remark code that is not a valid RARC is refused.
    pub fn for_secondary(
        &self,
    ) -> Result<crate::claim::OutpatientAdjudication, super::OtherPayerError> {
        Ok(crate::claim::OutpatientAdjudication {
            reimbursement_rate: self.reimbursement_rate,
            hcpcs_payable: self.hcpcs_payable,
            remarks: valid_remarks(&self.remarks, "/outpatient")?,
            esrd_payment: self.esrd_payment,
            nonpayable_professional_component: self.nonpayable_professional_component,
        })
    }
}
