//! `medbill::ledger` for JavaScript: claims charged and remittances posted into entries the
//! host keeps in its own store (IndexedDB, …): the host hands over its entries and appends
//! the new ones it gets back.

use medbill::ledger::{ChargedClaim, Entry, PostOptions};
use medbill::remit::Remittance;
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// The charge entries of `claims` (each a `ChargedClaim`: the claim as billed, its patient
/// account and its pricing), billed on `billed` and entered on `posted` (`YYYY-MM-DD`), into
/// the books made of `entries` (numbered 1, 2, … in order). Returns the new entries.
#[wasm_bindgen(js_name = chargeClaims, unchecked_return_type = "Entry[]")]
pub fn charge_claims(
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] billed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] posted: JsValue,
) -> Result<JsValue, JsValue> {
    let claims: Vec<ChargedClaim> = from_js(claims)?;
    let entries: Vec<Entry> = from_js(entries)?;
    let billed: chrono::NaiveDate = from_js(billed)?;
    let posted: chrono::NaiveDate = from_js(posted)?;
    let new =
        medbill::ledger::charge_claims(&claims, entries, billed, posted).map_err(|e| to_js(&e))?;
    to_js_value(&new)
}

/// The balances of the books made of `entries`: by claim (and line), by patient account, by
/// responsible party, and the payer, clearing and suspense accounts; as of the cut-off given
/// (every entry when omitted).
#[wasm_bindgen(js_name = balances, unchecked_return_type = "Balances")]
pub fn balances(
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(js_name = asOf, unchecked_optional_param_type = "AsOf")] as_of: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let as_of: medbill::ledger::AsOf = match as_of {
        Some(as_of) => from_js(as_of.into())?,
        None => medbill::ledger::AsOf::all(),
    };
    let balances = medbill::ledger::balances(&entries, as_of).map_err(|e| to_js(&e))?;
    to_js_value(&balances)
}

/// Posts a remittance (as `readX12` gives it) against the charged claims into the books made
/// of `entries`: the posting (its new entries, what became of each claim, claims sent on to
/// the next payer, underpayments, the deposit) and the balances after it.
#[wasm_bindgen(js_name = postRemittance, unchecked_return_type = "PostResponse")]
pub fn post_remittance(
    #[wasm_bindgen(unchecked_param_type = "Remittance")] remittance: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PostOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let remittance: Remittance = from_js(remittance)?;
    let claims: Vec<ChargedClaim> = from_js(claims)?;
    let entries: Vec<Entry> = from_js(entries)?;
    let options: PostOptions = from_js(options)?;
    let response = medbill::ledger::post_to_entries(&remittance, claims, entries, &options)
        .map_err(|e| to_js(&e))?;
    to_js_value(&response)
}
