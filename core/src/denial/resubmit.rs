//! Corrected (frequency 7) and void (8) claims, built from the claim as billed and the changes
//! (RULES.md §7): the same claim, the payer's claim number in REF*F8, checked as any claim is
//! before it leaves.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::DenialError;
use crate::claim::Claim;
use crate::codes::ClaimFrequency;
use crate::finding::{Finding, Severity};

/// The changes a corrected claim makes to the original: an RFC 6902 JSON Patch (an array of
/// operations whose paths are the JSON pointers the findings name, e.g.
/// `[{"op": "replace", "path": "/form/lines/0/units", "value": "2"}]`) or an RFC 7386 merge
/// patch (an object merged into the claim's JSON).
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimChanges {
    /// RFC 6902 operations.
    Patch(json_patch::Patch),
    /// An RFC 7386 merge patch.
    Merge(serde_json::Value),
}

impl ClaimChanges {
    /// Reads changes from JSON: an array is a JSON Patch, an object a merge patch.
    pub fn from_json(text: &str) -> Result<ClaimChanges, DenialError> {
        let value: serde_json::Value =
            serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| {
                DenialError::Changes {
                    why: format!("not JSON (line {}, column {})", e.line(), e.column()),
                }
            })?;
        ClaimChanges::from_value(value)
    }

    /// Reads changes from a JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<ClaimChanges, DenialError> {
        match value {
            serde_json::Value::Array(_) => serde_json::from_value(value)
                .map(ClaimChanges::Patch)
                .map_err(|_| DenialError::Changes {
                    why: "an array must be RFC 6902 operations ({\"op\", \"path\", …})".into(),
                }),
            serde_json::Value::Object(_) => Ok(ClaimChanges::Merge(value)),
            _ => Err(DenialError::Changes {
                why: "expected an array (JSON Patch) or an object (merge patch)".into(),
            }),
        }
    }

    /// No change at all.
    pub fn none() -> ClaimChanges {
        ClaimChanges::Patch(json_patch::Patch(Vec::new()))
    }
}

/// A claim to send again, and what to know before sending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Resubmission {
    /// The claim, frequency 7 or 8, with the payer's claim number.
    pub claim: Claim,
    /// Warnings (the claim has no errors: those are refused).
    pub findings: Vec<Finding>,
}

/// A corrected claim (frequency 7) replacing the one the payer numbered
/// `payer_claim_number`: the original with the changes, checked by [`Claim::validate`].
pub fn corrected_claim(
    original: &Claim,
    payer_claim_number: &str,
    changes: &ClaimChanges,
) -> Result<Resubmission, DenialError> {
    let number = payer_number(payer_claim_number)?;
    let mut value = serde_json::to_value(original).map_err(|_| DenialError::Changes {
        why: "the original claim could not be written as JSON".into(),
    })?;
    let before = value.clone();
    match changes {
        ClaimChanges::Patch(patch) => {
            json_patch::patch(&mut value, patch).map_err(|e| DenialError::Changes {
                why: format!(
                    "operation {} ({}) cannot be applied: {}",
                    e.operation,
                    e.path,
                    patch_failure(&e.kind)
                ),
            })?
        }
        ClaimChanges::Merge(merge) => json_patch::merge(&mut value, merge),
    }
    let mut findings = Vec::new();
    if value == before {
        findings.push(Finding::warning(
            "RESUBMIT-NO-CHANGE",
            "",
            "the corrected claim says what the original said",
        ));
    }
    let mut claim: Claim = crate::input::decode(value).map_err(DenialError::Decode)?;
    if claim.patient_control_number != original.patient_control_number {
        findings.push(Finding::warning(
            "RESUBMIT-CONTROL-NUMBER",
            "/patientControlNumber",
            "the patient control number changed: payers match a replacement to the original by it",
        ));
    }
    claim.frequency = ClaimFrequency::Replacement;
    claim.original_claim_number = Some(number);
    finish(claim, findings)
}

/// A void (frequency 8) of the claim the payer numbered `payer_claim_number`: the claim as
/// billed, cancelled.
pub fn void_claim(original: &Claim, payer_claim_number: &str) -> Result<Resubmission, DenialError> {
    let number = payer_number(payer_claim_number)?;
    let mut claim = original.clone();
    claim.frequency = ClaimFrequency::Void;
    claim.original_claim_number = Some(number);
    finish(claim, Vec::new())
}

fn payer_number(text: &str) -> Result<String, DenialError> {
    let number = text.trim();
    if number.is_empty() {
        return Err(DenialError::NoPayerClaimNumber);
    }
    Ok(number.to_owned())
}

/// Why an operation failed, without the values involved.
fn patch_failure(kind: &json_patch::PatchErrorKind) -> &'static str {
    use json_patch::PatchErrorKind as K;
    match kind {
        K::TestFailed => "its test failed",
        K::InvalidFromPointer => "its `from` names no field",
        K::InvalidPointer => "its path names no field",
        K::CannotMoveInsideItself => "it moves a value inside itself",
        _ => "it does not apply",
    }
}

fn finish(claim: Claim, mut findings: Vec<Finding>) -> Result<Resubmission, DenialError> {
    let checked = claim.validate();
    if let Some(error) = checked.iter().find(|f| f.severity == Severity::Error) {
        return Err(DenialError::Invalid {
            rule: error.rule.clone(),
            path: error.path.clone(),
        });
    }
    if claim.frequency == ClaimFrequency::Replacement
        && matches!(claim.form, crate::claim::ClaimForm::Professional(_))
        && matches!(claim.payer.claim_filing_indicator.as_str(), "MB")
    {
        findings.push(Finding::warning(
            "RESUBMIT-MEDICARE-REPLACEMENT",
            "/frequency",
            "Medicare Part B contractors generally do not take professional replacement claims: \
             ask for a reopening or file a redetermination instead",
        ));
    }
    findings.extend(checked);
    Ok(Resubmission { claim, findings })
}
