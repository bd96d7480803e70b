//! An 835 claim as the coordination of benefits takes it ([`RemittedClaim`]): the one
//! conversion the CLI and both bindings use, so a secondary payer can be coordinated
//! straight from the prior payer's 835 as read.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::{RemitAdjustment, RemitClaim};
use crate::benefits::{
    Adjudication, Adjustment, BenefitsError, CobMethod, Coordination, RemittedClaim, RemittedLine,
};
use crate::finding::Finding;

impl RemitClaim {
    /// The claim's lines and adjustments with their codes validated and every amount
    /// present, line `i` paying the claim's line `i`. Refused (`CoordinationRefused`,
    /// every problem with its path in this claim) when a group or reason code is not valid
    /// or an amount the 835 requires (SVC02, SVC03, a CAS amount) is missing: a missing
    /// amount is never taken as zero.
    pub fn remitted(&self) -> Result<RemittedClaim, BenefitsError> {
        let mut findings = Vec::new();
        let adjustments = |list: &[RemitAdjustment], at: &str, findings: &mut Vec<Finding>| {
            let mut out = Vec::with_capacity(list.len());
            for (k, a) in list.iter().enumerate() {
                let path = |field: &str| format!("{at}/adjustments/{k}/{field}");
                let group = a.group.known().copied();
                let reason = a.reason.known().copied();
                if group.is_none() {
                    findings.push(code(path("group"), "a valid group code (CO, PR, OA, PI)"));
                }
                if reason.is_none() {
                    findings.push(code(
                        path("reason"),
                        "a valid adjustment reason code (CARC)",
                    ));
                }
                if a.amount.is_none() {
                    findings.push(missing(path("amount")));
                }
                if let (Some(group), Some(reason), Some(amount)) = (group, reason, a.amount) {
                    out.push(Adjustment {
                        group,
                        reason,
                        amount,
                    });
                }
            }
            out
        };
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.iter().enumerate() {
            let at = format!("/lines/{i}");
            if line.charge.is_none() {
                findings.push(missing(format!("{at}/charge")));
            }
            if line.paid.is_none() {
                findings.push(missing(format!("{at}/paid")));
            }
            let list = adjustments(&line.adjustments, &at, &mut findings);
            if let (Some(charge), Some(paid)) = (line.charge, line.paid) {
                lines.push(RemittedLine {
                    charge,
                    paid,
                    allowed: line.allowed,
                    adjustments: list,
                });
            }
        }
        let claim_adjustments = adjustments(&self.adjustments, "", &mut findings);
        if !findings.is_empty() {
            return Err(BenefitsError::CoordinationRefused { findings });
        }
        Ok(RemittedClaim {
            lines,
            adjustments: claim_adjustments,
        })
    }
}

fn code(path: String, expected: &str) -> Finding {
    Finding::error(
        "PRIOR-CODE",
        path,
        format!("{expected}, to coordinate from this remittance"),
    )
}

fn missing(path: String) -> Finding {
    Finding::error(
        "PRIOR-AMOUNT-MISSING",
        path,
        "an amount the 835 requires, missing or unreadable in the remittance: it is never \
         taken as zero",
    )
}

/// What the prior payer's remittance of a claim says, as a caller has it: the 835 claim as
/// read (`readX12`, [`crate::x12::read_835`]) or its lines and adjustments alone
/// ([`RemittedClaim`]). Told apart by the 835 claim's `patientControlNumber`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PriorRemittance {
    /// The 835 claim.
    Claim(Box<RemitClaim>),
    /// Its lines and adjustments.
    Lines(RemittedClaim),
}

impl PriorRemittance {
    /// The lines and adjustments to coordinate from ([`RemitClaim::remitted`] for a claim).
    pub fn remitted(&self) -> Result<std::borrow::Cow<'_, RemittedClaim>, BenefitsError> {
        match self {
            PriorRemittance::Claim(claim) => claim.remitted().map(std::borrow::Cow::Owned),
            PriorRemittance::Lines(lines) => Ok(std::borrow::Cow::Borrowed(lines)),
        }
    }
}

impl<'de> Deserialize<'de> for PriorRemittance {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let is_claim = value.get("patientControlNumber").is_some();
        let failed = |e: crate::input::DecodeError| {
            let at = if e.path.is_empty() { "/" } else { &e.path };
            serde::de::Error::custom(format!(
                "{} at {at}: {}",
                if is_claim {
                    "an 835 claim"
                } else {
                    "a remitted claim"
                },
                e.message
            ))
        };
        if is_claim {
            crate::input::decode(value)
                .map(|claim| PriorRemittance::Claim(Box::new(claim)))
                .map_err(failed)
        } else {
            crate::input::decode(value)
                .map(PriorRemittance::Lines)
                .map_err(failed)
        }
    }
}

/// [`crate::benefits::coordinate_remittance`] from the prior payer's remittance as the caller
/// has it: an 835 claim is converted first ([`RemitClaim::remitted`]), its refusals joining
/// the coordination's.
pub fn coordinate_remittance(
    prior: &PriorRemittance,
    secondary: &Adjudication,
    method: CobMethod,
) -> Result<Coordination, BenefitsError> {
    let remitted = prior.remitted()?;
    crate::benefits::coordinate_remittance(&remitted, secondary, method)
}
