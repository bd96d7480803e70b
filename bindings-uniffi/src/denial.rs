//! `medbill::denial` for Kotlin, Swift and Python: the denial work queue from the app's
//! entries, corrected and void claims, and appeal letters, as JSON.

use medbill::Claim;
use medbill::denial::{AppealRequest, ClaimChanges, DenialItem};
use medbill::ledger::{ChargedClaim, ClaimIndex, Entry};
use medbill::scrub::PayerRules;

use crate::convert::decode;
use crate::error::MedbillError;

/// The denial work queue (JSON `DenialQueue`) as of `as_of` (`YYYY-MM-DD`) from the books
/// made of `entries_json`, the charged claims (a JSON array of `ChargedClaim`) and the payer
/// rule packs (a JSON array of `PayerRules`).
#[uniffi::export]
pub fn denial_queue_json(
    entries_json: String,
    claims_json: String,
    packs_json: String,
    as_of: String,
) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let packs: Vec<PayerRules> = decode(&packs_json)?;
    let as_of = crate::pricing::parse_date(&as_of)?;
    let queue = medbill::denial::denials(&entries, &ClaimIndex::new(claims), &packs, as_of)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&queue).map_err(|e| MedbillError::from_core(&e))
}

/// A corrected claim (frequency 7; JSON `Resubmission`) replacing the claim the payer
/// numbered `payer_claim_number`: `changes_json` is a JSON Patch (array) or a merge patch
/// (object).
#[uniffi::export]
pub fn corrected_claim_json(
    claim_json: String,
    payer_claim_number: String,
    changes_json: String,
) -> Result<String, MedbillError> {
    let claim: Claim = decode(&claim_json)?;
    let changes =
        ClaimChanges::from_json(&changes_json).map_err(|e| MedbillError::from_core(&e))?;
    let corrected = medbill::denial::corrected_claim(&claim, &payer_claim_number, &changes)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&corrected).map_err(|e| MedbillError::from_core(&e))
}

/// A void (frequency 8; JSON `Resubmission`) of the claim the payer numbered
/// `payer_claim_number`.
#[uniffi::export]
pub fn void_claim_json(
    claim_json: String,
    payer_claim_number: String,
) -> Result<String, MedbillError> {
    let claim: Claim = decode(&claim_json)?;
    let void = medbill::denial::void_claim(&claim, &payer_claim_number)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&void).map_err(|e| MedbillError::from_core(&e))
}

/// The appeal letter (JSON `AppealDocuments`: laid out, text and HTML) for a denial (JSON
/// `DenialItem`) of the claim as billed, with the biller's request (JSON `AppealRequest`).
#[uniffi::export]
pub fn appeal_letter_json(
    claim_json: String,
    denial_json: String,
    request_json: String,
) -> Result<String, MedbillError> {
    let claim: Claim = decode(&claim_json)?;
    let denial: DenialItem = decode(&denial_json)?;
    let request: AppealRequest = decode(&request_json)?;
    let documents = medbill::denial::appeal_documents(&claim, &denial, &request)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&documents).map_err(|e| MedbillError::from_core(&e))
}
