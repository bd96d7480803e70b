//! `medbill::followup` for Kotlin, Swift and Python: the follow-up queue from the app's
//! entries, 276 requests, 277 answers posted as status entries, and the fix list, as JSON.

use medbill::followup::FollowUpItem;
use medbill::ledger::{ChargedClaim, Entry};
use medbill::scrub::PayerRules;
use medbill::x12::{ClaimStatusResponse, Organization, X12File};

use crate::convert::decode;
use crate::error::MedbillError;

/// The follow-up queue (JSON `FollowUpQueue`) as of `as_of` from the books made of
/// `entries_json` and the payer rule packs (a JSON array of `PayerRules`).
#[uniffi::export]
pub fn follow_up_queue_json(
    entries_json: String,
    packs_json: String,
    as_of: String,
) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let packs: Vec<PayerRules> = decode(&packs_json)?;
    let as_of = crate::pricing::parse_date(&as_of)?;
    let queue = medbill::followup::follow_up_queue(&entries, &packs, as_of)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&queue).map_err(|e| MedbillError::from_core(&e))
}

/// The 276 request (JSON `ClaimStatusRequest`) about a queue item (JSON `FollowUpItem`) of the
/// charged claim (JSON `ChargedClaim`), from the receiver (JSON `Organization`).
#[uniffi::export]
pub fn status_request_json(
    item_json: String,
    claim_json: String,
    receiver_json: String,
    reference: String,
) -> Result<String, MedbillError> {
    let item: FollowUpItem = decode(&item_json)?;
    let claim: ChargedClaim = decode(&claim_json)?;
    let receiver: Organization = decode(&receiver_json)?;
    let request = medbill::followup::status_request(&item, &claim, &receiver, &reference)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&request).map_err(|e| MedbillError::from_core(&e))
}

/// 277 / 277CA answers (a JSON array of `ClaimStatusResponse`, the `claimStatus` of
/// `read_x12_json`) posted as status entries (JSON `StatusPosting`) into the books made of
/// `entries_json`, entered on `posted`.
#[uniffi::export]
pub fn post_statuses_json(
    responses_json: String,
    claims_json: String,
    entries_json: String,
    posted: String,
) -> Result<String, MedbillError> {
    let responses: Vec<ClaimStatusResponse> = decode(&responses_json)?;
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let entries: Vec<Entry> = decode(&entries_json)?;
    let posted = crate::pricing::parse_date(&posted)?;
    let posting = medbill::followup::post_statuses_to_entries(&responses, claims, entries, posted)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&posting).map_err(|e| MedbillError::from_core(&e))
}

/// The fix list (a JSON array of `Fix`) of the 277CA and 999 rejections in a file read by
/// `read_x12_json` (JSON `X12File`).
#[uniffi::export]
pub fn fix_list_json(file_json: String) -> Result<String, MedbillError> {
    let file: X12File = decode(&file_json)?;
    medbill::to_json(&medbill::followup::fix_list(&file)).map_err(|e| MedbillError::from_core(&e))
}
