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
