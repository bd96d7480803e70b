//! `medbill::benefits` for JavaScript: adjudication, coordination of benefits (estimates are
//! on `Pricer`, which holds the fee schedule data).

use medbill::benefits::{
    Accumulators, AdjudicateOptions, Adjudication, BenefitPlan, CobMethod, Coordination, Network,
};
use medbill::pricing::PricedClaim;
use medbill::remit::PriorRemittance;
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// What the plan pays and the patient owes for a priced claim, line by line, with the
/// updated accumulators. Refuses (`BENEFITS_ADJUDICATION_REFUSED`) input it cannot adjudicate
/// honestly unless `options` says `{ unchecked: true }` (`options` may be left out).
#[wasm_bindgen(js_name = adjudicate, unchecked_return_type = "Adjudication")]
pub fn adjudicate(
    #[wasm_bindgen(unchecked_param_type = "PricedClaim")] priced: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BenefitPlan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Accumulators")] accumulators: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Network | undefined")] network: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AdjudicateOptions")] options: Option<
        js_sys::Object,
    >,
) -> Result<JsValue, JsValue> {
    let priced: PricedClaim = from_js(priced)?;
    let plan: BenefitPlan = from_js(plan)?;
    let accumulators: Accumulators = from_js(accumulators)?;
    let network: Option<Network> = from_js(network)?;
    let options: Option<AdjudicateOptions> = match options {
        Some(options) => from_js(options.into())?,
        None => None,
    };
    let result = medbill::benefits::adjudicate_with(
        &priced,
        &plan,
        &accumulators,
        network.unwrap_or_default(),
        options.unwrap_or_default(),
    )
    .map_err(|e| to_js(&e))?;
    to_js_value(&result)
}

/// What a secondary payer owes after the prior payer's adjudication.
#[wasm_bindgen(js_name = coordinate, unchecked_return_type = "Coordination")]
pub fn coordinate(
    #[wasm_bindgen(unchecked_param_type = "Adjudication")] prior: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Adjudication")] secondary: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CobMethod")] method: JsValue,
) -> Result<JsValue, JsValue> {
    let prior: Adjudication = from_js(prior)?;
    let secondary: Adjudication = from_js(secondary)?;
    let method: CobMethod = from_js(method)?;
    let result =
        medbill::benefits::coordinate(&prior, &secondary, method).map_err(|e| to_js(&e))?;
    to_js_value(&result)
}

/// What a tertiary payer owes after a secondary coordination.
#[wasm_bindgen(js_name = coordinateNext, unchecked_return_type = "Coordination")]
pub fn coordinate_next(
    #[wasm_bindgen(unchecked_param_type = "Coordination")] previous: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Adjudication")] tertiary: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CobMethod")] method: JsValue,
) -> Result<JsValue, JsValue> {
    let previous: Coordination = from_js(previous)?;
    let tertiary: Adjudication = from_js(tertiary)?;
    let method: CobMethod = from_js(method)?;
    let result =
        medbill::benefits::coordinate_next(&previous, &tertiary, method).map_err(|e| to_js(&e))?;
    to_js_value(&result)
}

/// What a secondary payer owes after the prior payer's remittance of the claim: its 835
/// claim as `readX12` reads it, or its service lines alone (`RemittedClaim`, in the claim's
/// line order).
#[wasm_bindgen(js_name = coordinateRemittance, unchecked_return_type = "Coordination")]
pub fn coordinate_remittance(
    #[wasm_bindgen(unchecked_param_type = "PriorRemittance")] prior: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Adjudication")] secondary: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CobMethod")] method: JsValue,
) -> Result<JsValue, JsValue> {
    let prior: PriorRemittance = from_js(prior)?;
    let secondary: Adjudication = from_js(secondary)?;
    let method: CobMethod = from_js(method)?;
    let result =
        medbill::remit::coordinate_remittance(&prior, &secondary, method).map_err(|e| to_js(&e))?;
    to_js_value(&result)
}
