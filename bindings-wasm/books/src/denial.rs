//! `medbill::denial` for JavaScript: the denial work queue from the host's entries, corrected
//! and void claims, and appeal letters.

use medbill::Claim;
use medbill::denial::{AppealRequest, ClaimChanges, DenialItem};
use medbill::ledger::{ChargedClaim, ClaimIndex, Entry};
use medbill::scrub::PayerRules;
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// The denial work queue as of `asOf` (`YYYY-MM-DD`) from the books made of `entries`, the
/// charged claims and the payer rule packs.
#[wasm_bindgen(js_name = denialQueue, unchecked_return_type = "DenialQueue")]
pub fn denial_queue(
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PayerRules[]")] packs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] as_of: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let claims: Vec<ChargedClaim> = from_js(claims)?;
    let packs: Vec<PayerRules> = from_js(packs)?;
    let as_of: chrono::NaiveDate = from_js(as_of)?;
    let queue = medbill::denial::denials(&entries, &ClaimIndex::new(claims), &packs, as_of)
        .map_err(|e| to_js(&e))?;
    to_js_value(&queue)
}

/// A corrected claim (frequency 7) replacing the claim the payer numbered
/// `payerClaimNumber`: `changes` is a JSON Patch (array of operations) or a merge patch.
#[wasm_bindgen(js_name = correctedClaim, unchecked_return_type = "Resubmission")]
pub fn corrected_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    payer_claim_number: &str,
    #[wasm_bindgen(unchecked_param_type = "object[] | object")] changes: JsValue,
) -> Result<JsValue, JsValue> {
    let claim: Claim = from_js(claim)?;
    let changes: serde_json::Value = from_js(changes)?;
    let changes = ClaimChanges::from_value(changes).map_err(|e| to_js(&e))?;
    let corrected = medbill::denial::corrected_claim(&claim, payer_claim_number, &changes)
        .map_err(|e| to_js(&e))?;
    to_js_value(&corrected)
}

/// A void (frequency 8) of the claim the payer numbered `payerClaimNumber`.
#[wasm_bindgen(js_name = voidClaim, unchecked_return_type = "Resubmission")]
pub fn void_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    payer_claim_number: &str,
) -> Result<JsValue, JsValue> {
    let claim: Claim = from_js(claim)?;
    let void = medbill::denial::void_claim(&claim, payer_claim_number).map_err(|e| to_js(&e))?;
    to_js_value(&void)
}

/// The appeal letter for a denial of `claim` (the claim as billed), laid out and as text and
/// HTML.
#[wasm_bindgen(js_name = appealLetter, unchecked_return_type = "AppealDocuments")]
pub fn appeal_letter(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DenialItem")] denial: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AppealRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let claim: Claim = from_js(claim)?;
    let denial: DenialItem = from_js(denial)?;
    let request: AppealRequest = from_js(request)?;
    let documents =
        medbill::denial::appeal_documents(&claim, &denial, &request).map_err(|e| to_js(&e))?;
    to_js_value(&documents)
}
