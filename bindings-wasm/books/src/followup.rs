//! `medbill::followup` for JavaScript: the follow-up queue from the host's entries, 276
//! requests, 277 answers posted as status entries, and the fix list of rejections.

use medbill::followup::FollowUpItem;
use medbill::ledger::{ChargedClaim, Entry};
use medbill::scrub::PayerRules;
use medbill::x12::{ClaimStatusResponse, Organization, X12File};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// The claims a payer owes and has not answered within its follow-up days, as of `asOf`.
#[wasm_bindgen(js_name = followUpQueue, unchecked_return_type = "FollowUpQueue")]
pub fn follow_up_queue(
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PayerRules[]")] packs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] as_of: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let packs: Vec<PayerRules> = from_js(packs)?;
    let as_of: chrono::NaiveDate = from_js(as_of)?;
    let queue =
        medbill::followup::follow_up_queue(&entries, &packs, as_of).map_err(|e| to_js(&e))?;
    to_js_value(&queue)
}

/// The 276 request about a queue item's claim (the claim as charged), from `receiver`.
#[wasm_bindgen(js_name = statusRequest, unchecked_return_type = "ClaimStatusRequest")]
pub fn status_request(
    #[wasm_bindgen(unchecked_param_type = "FollowUpItem")] item: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim")] claim: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Organization")] receiver: JsValue,
    reference: &str,
) -> Result<JsValue, JsValue> {
    let item: FollowUpItem = from_js(item)?;
    let claim: ChargedClaim = from_js(claim)?;
    let receiver: Organization = from_js(receiver)?;
    let request = medbill::followup::status_request(&item, &claim, &receiver, reference)
        .map_err(|e| to_js(&e))?;
    to_js_value(&request)
}

/// 277 / 277CA answers (`readX12(…).claimStatus`) posted as status entries into the books
/// made of `entries`, entered on `posted`.
#[wasm_bindgen(js_name = postStatuses, unchecked_return_type = "StatusPosting")]
pub fn post_statuses(
    #[wasm_bindgen(unchecked_param_type = "ClaimStatusResponse[]")] responses: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] posted: JsValue,
) -> Result<JsValue, JsValue> {
    let responses: Vec<ClaimStatusResponse> = from_js(responses)?;
    let claims: Vec<ChargedClaim> = from_js(claims)?;
    let entries: Vec<Entry> = from_js(entries)?;
    let posted: chrono::NaiveDate = from_js(posted)?;
    let posting = medbill::followup::post_statuses_to_entries(&responses, claims, entries, posted)
        .map_err(|e| to_js(&e))?;
    to_js_value(&posting)
}

/// The fix list of the 277CA and 999 rejections in a file read by `readX12`.
#[wasm_bindgen(js_name = fixList, unchecked_return_type = "Fix[]")]
pub fn fix_list(
    #[wasm_bindgen(unchecked_param_type = "X12File")] file: JsValue,
) -> Result<JsValue, JsValue> {
    let file: X12File = from_js(file)?;
    to_js_value(&medbill::followup::fix_list(&file))
}
