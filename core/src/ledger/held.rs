//! What posting reads of an 835 claim, in medbill's own form: the one place that reads
//! [`RemitClaim`], so a change of the 835 model touches only [`HeldClaim::from_remit`]. It
//! carries no patient data (no name, no member id), so an unmatched claim can wait in
//! suspense with it.

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{Carc, GroupCode, Rarc};
use crate::money::Money;
use crate::remit::{ClaimStatus, Coded, RemitAdjustment, RemitClaim};

/// An 835 claim as posting reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldClaim {
    /// CLP01.
    #[schemars(with = "String")]
    pub patient_control_number: CompactString,
    /// CLP02.
    pub status: Coded<ClaimStatus>,
    /// CLP03, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<Money>,
    /// CLP04, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Money>,
    /// CLP07.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
    /// Claim-level CAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<HeldAdjustment>,
    /// MOA/MIA remark codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Coded<Rarc>>,
    /// SVC loops.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<HeldLine>,
}

/// One CAS adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldAdjustment {
    /// CAS01.
    pub group: Coded<GroupCode>,
    /// The CARC.
    pub reason: Coded<Carc>,
    /// The amount (positive decreases the payment).
    pub amount: Money,
}

/// One SVC loop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldLine {
    /// REF*6R, the line item control number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub control_number: Option<CompactString>,
    /// The procedure as billed: SVC06 when the payer changed it, else SVC01 (code, or
    /// revenue code for `NU`).
    #[schemars(with = "String")]
    pub procedure: CompactString,
    /// Its modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub modifiers: Vec<CompactString>,
    /// DTM*472 (or 150).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_date: Option<NaiveDate>,
    /// SVC02.
    pub charge: Money,
    /// SVC03.
    pub paid: Money,
    /// AMT*B6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    /// Line CAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<HeldAdjustment>,
    /// LQ*HE remark codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Coded<Rarc>>,
}

impl HeldClaim {
    /// What posting needs of an 835 claim.
    pub fn from_remit(claim: &RemitClaim) -> HeldClaim {
        let adjustments = |list: &[RemitAdjustment]| {
            list.iter()
                .map(|a| HeldAdjustment {
                    group: a.group.clone(),
                    reason: a.reason.clone(),
                    amount: a.amount,
                })
                .collect::<Vec<_>>()
        };
        HeldClaim {
            patient_control_number: claim.patient_control_number.clone(),
            status: claim.status.clone(),
            charge: Some(claim.charge),
            paid: Some(claim.paid),
            payer_claim_number: claim.payer_claim_number.clone(),
            adjustments: adjustments(&claim.adjustments),
            remarks: claim.remarks.clone(),
            lines: claim
                .lines
                .iter()
                .map(|line| {
                    let billed = line.submitted_procedure.as_ref().unwrap_or(&line.procedure);
                    HeldLine {
                        control_number: line.control_number.clone(),
                        procedure: billed.code.clone(),
                        modifiers: billed.modifiers.clone(),
                        service_date: line.service_date,
                        charge: line.charge,
                        paid: line.paid,
                        allowed: line.allowed,
                        adjustments: adjustments(&line.adjustments),
                        remarks: line.remarks.clone(),
                    }
                })
                .collect(),
        }
    }
}
