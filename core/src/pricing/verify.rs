//! Checking medbill's RBRVS arithmetic against CMS's own computed payment amounts (PFREV).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PricingError;
use super::engine::rbrvs;
use crate::codesets::{PaymentAmountRow, PfsData};
use crate::money::{Money, Rounding};

/// How many CMS-computed amounts medbill reproduced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PfsVerification {
    /// Rows checked.
    pub rows: usize,
    /// Non-facility amounts reproduced to the cent.
    pub non_facility_matched: usize,
    /// Facility amounts reproduced to the cent.
    pub facility_matched: usize,
    /// Every amount that differed.
    pub mismatches: Vec<PfsMismatch>,
}

/// One amount medbill did not reproduce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PfsMismatch {
    /// `locality code[-modifier] setting`.
    pub what: String,
    /// CMS's amount.
    pub cms: Money,
    /// medbill's amount, or none when medbill could not price it.
    pub medbill: Option<Money>,
}

/// Prices every row of a payment amount file from the RVU and GPCI data (rounding the exact
/// RBRVS amount to cents half up, as `price` does) and compares.
pub fn verify_payment_amounts(
    data: &PfsData,
    rows: &[PaymentAmountRow],
) -> Result<PfsVerification, PricingError> {
    let mut report = PfsVerification {
        rows: rows.len(),
        non_facility_matched: 0,
        facility_matched: 0,
        mismatches: Vec::new(),
    };
    for row in rows {
        let rvu = data.rvu.get(row.procedure, row.modifier);
        let gpci = data.gpci.get(row.locality);
        for (facility, cms) in [(false, row.non_facility), (true, row.facility)] {
            let ours = match (rvu, gpci) {
                (Some(rvu), Some(gpci)) => Some(
                    rbrvs(rvu, gpci, facility, data.rvu.conversion_factor())?
                        .round_to_cents(Rounding::HalfAwayFromZero),
                ),
                _ => None,
            };
            let cms = Money::from_decimal(cms)?;
            if ours == Some(cms) {
                if facility {
                    report.facility_matched = report.facility_matched.saturating_add(1);
                } else {
                    report.non_facility_matched = report.non_facility_matched.saturating_add(1);
                }
            } else {
                let modifier = row.modifier.map(|m| format!("-{m}")).unwrap_or_default();
                let setting = if facility { "facility" } else { "non-facility" };
                report.mismatches.push(PfsMismatch {
                    what: format!("{} {}{modifier} {setting}", row.locality, row.procedure),
                    cms,
                    medbill: ours,
                });
            }
        }
    }
    Ok(report)
}
