//! `medbill::claim` for Kotlin, Swift and Python: claims travel as their documented JSON.

use medbill::claim::{Encounter, Practice};
use medbill::{Claim, Finding, Severity};

use crate::error::MedbillError;

/// How serious a finding is.
#[uniffi::remote(Enum)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a claim.
#[uniffi::remote(Record)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub path: String,
    pub message: String,
    pub fix: Option<String>,
}

/// Structural findings for a claim given as JSON (an empty list when it is well formed).
#[uniffi::export]
pub fn validate_claim_json(claim_json: String) -> Result<Vec<Finding>, MedbillError> {
    let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
    Ok(claim.validate())
}

/// Structural findings for a claim (an empty list when it is well formed).
#[uniffi::export]
pub fn validate_claim(claim: crate::models::Claim) -> Result<Vec<Finding>, MedbillError> {
    let claim: Claim = crate::convert::core(&claim)?;
    Ok(claim.validate())
}

/// Builds the professional claim for a coded encounter (JSON) from the practice's data
/// (JSON).
#[uniffi::export]
pub fn prepare_claim(
    encounter_json: String,
    practice_json: String,
) -> Result<crate::models::Claim, MedbillError> {
    let encounter: Encounter =
        medbill::from_json(&encounter_json).map_err(|e| MedbillError::from_core(&e))?;
    let practice: Practice =
        medbill::from_json(&practice_json).map_err(|e| MedbillError::from_core(&e))?;
    let claim =
        medbill::prepare_claim(&encounter, &practice).map_err(|e| MedbillError::from_core(&e))?;
    crate::convert::mirror(&claim)
}

/// Builds the professional claim for a coded encounter; returns the claim as JSON.
#[uniffi::export]
pub fn prepare_claim_json(
    encounter_json: String,
    practice_json: String,
) -> Result<String, MedbillError> {
    let encounter: Encounter =
        medbill::from_json(&encounter_json).map_err(|e| MedbillError::from_core(&e))?;
    let practice: Practice =
        medbill::from_json(&practice_json).map_err(|e| MedbillError::from_core(&e))?;
    let claim =
        medbill::prepare_claim(&encounter, &practice).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&claim).map_err(|e| MedbillError::from_core(&e))
}

/// Prints a claim given as JSON on its paper form as PDF bytes: `form` is `cms1500` (a
/// professional claim) or `ub04` (an institutional one); `options_json` (a PrintOptions
/// object, or none for the whole form) chooses data only, drafts and the creation date.
#[uniffi::export]
pub fn print_claim_json(
    claim_json: String,
    form: String,
    options_json: Option<String>,
) -> Result<Vec<u8>, MedbillError> {
    let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
    let form: medbill::claim::print::Form =
        form.parse().map_err(|e| MedbillError::from_core(&e))?;
    let options: medbill::claim::print::PrintOptions = match options_json {
        Some(json) => medbill::from_json(&json).map_err(|e| MedbillError::from_core(&e))?,
        None => medbill::claim::print::PrintOptions::default(),
    };
    medbill_print::print(&claim, form, &options).map_err(|e| MedbillError::from_core(&e))
}
