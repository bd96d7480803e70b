//! `medbill::claim` for JavaScript: claims, encounters and practices as plain objects.

use medbill::claim::{Encounter, Practice};
use medbill::{Claim, Finding};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// Structural findings for a claim (an empty array when it is well formed).
#[wasm_bindgen(js_name = validateClaim, unchecked_return_type = "Finding[]")]
pub fn validate_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
) -> Result<JsValue, JsValue> {
    let claim: Claim = from_js(claim)?;
    let findings: Vec<Finding> = claim.validate();
    to_js_value(&findings)
}

/// Builds the professional claim for a coded encounter from the practice's data.
#[wasm_bindgen(js_name = prepareClaim, unchecked_return_type = "Claim")]
pub fn prepare_claim(
    #[wasm_bindgen(unchecked_param_type = "Encounter")] encounter: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Practice")] practice: JsValue,
) -> Result<JsValue, JsValue> {
    let encounter: Encounter = from_js(encounter)?;
    let practice: Practice = from_js(practice)?;
    let claim = medbill::prepare_claim(&encounter, &practice).map_err(|e| to_js(&e))?;
    to_js_value(&claim)
}

/// Prints a claim on its paper form as PDF bytes: `form` is `"cms1500"` (a professional
/// claim) or `"ub04"` (an institutional one); `options` (optional) chooses the whole form
/// or data only, drafts of invalid claims and the UB-04's creation date.
#[wasm_bindgen(js_name = printClaim)]
pub fn print_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    form: &str,
    #[wasm_bindgen(unchecked_param_type = "PrintOptions | undefined")] options: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let claim: Claim = from_js(claim)?;
    let form: medbill::claim::print::Form = form.parse().map_err(|e| to_js(&e))?;
    let options: medbill::claim::print::PrintOptions =
        if options.is_undefined() || options.is_null() {
            medbill::claim::print::PrintOptions::default()
        } else {
            from_js(options)?
        };
    medbill::claim::print::print(&claim, form, &options).map_err(|e| to_js(&e))
}
