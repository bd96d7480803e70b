//! `medbill::fhir` for JavaScript: FHIR R4 resources as JSON text. Text, not objects, because
//! FHIR decimals are JSON numbers written with the amount's exact digits (`245.00`), which a
//! JS number would not keep; `JSON.parse` the text where an object is wanted.

use medbill::Claim;
use medbill::benefits::{Adjudication, Estimate, EstimateRequest};
use medbill::remit::Remittance;
use medbill::x12::EligibilityResponse;
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

fn created(value: JsValue) -> Result<chrono::NaiveDate, JsValue> {
    from_js(value)
}

fn text<T: serde::Serialize>(
    value: Result<T, medbill::fhir::FhirError>,
) -> Result<String, JsValue> {
    let value = value.map_err(|e| to_js(&e))?;
    medbill::fhir::to_json(&value).map_err(|e| to_js(&e))
}

/// The claim as a FHIR Bundle (Claim, Patient, Organizations, Practitioners, Coverage), created
/// on `created` (`YYYY-MM-DD`).
#[wasm_bindgen(js_name = fhirClaim)]
pub fn fhir_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] created_on: JsValue,
) -> Result<String, JsValue> {
    let claim: Claim = from_js(claim)?;
    text(medbill::fhir::claim_bundle(&claim, created(created_on)?))
}

/// The claim a FHIR Bundle written by `fhirClaim` holds (what medbill cannot place is refused,
/// never dropped).
#[wasm_bindgen(js_name = claimFromFhir, unchecked_return_type = "Claim")]
pub fn claim_from_fhir(fhir: &str) -> Result<JsValue, JsValue> {
    let claim = medbill::fhir::claim_from_fhir(fhir).map_err(|e| to_js(&e))?;
    to_js_value(&claim)
}

/// The adjudication of a claim as a FHIR ExplanationOfBenefit Bundle (CARIN Blue Button shape).
#[wasm_bindgen(js_name = fhirEob)]
pub fn fhir_eob(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Adjudication")] adjudication: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] created_on: JsValue,
) -> Result<String, JsValue> {
    let claim: Claim = from_js(claim)?;
    let adjudication: Adjudication = from_js(adjudication)?;
    text(medbill::fhir::eob_from_adjudication(
        &claim,
        &adjudication,
        created(created_on)?,
    ))
}

/// The adjudication of a claim as a FHIR ClaimResponse.
#[wasm_bindgen(js_name = fhirClaimResponse)]
pub fn fhir_claim_response(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Adjudication")] adjudication: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] created_on: JsValue,
) -> Result<String, JsValue> {
    let claim: Claim = from_js(claim)?;
    let adjudication: Adjudication = from_js(adjudication)?;
    text(medbill::fhir::claim_response_from_adjudication(
        &claim,
        &adjudication,
        created(created_on)?,
    ))
}

/// An 835 remittance (as `readRemittances` gives it) as a FHIR ExplanationOfBenefit Bundle, one
/// EOB per claim, with the CARC/RARC reasons.
#[wasm_bindgen(js_name = fhirRemittanceEob)]
pub fn fhir_remittance_eob(
    #[wasm_bindgen(unchecked_param_type = "Remittance")] remittance: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] created_on: JsValue,
) -> Result<String, JsValue> {
    let remittance: Remittance = from_js(remittance)?;
    text(medbill::fhir::eob_from_835(
        &remittance,
        created(created_on)?,
    ))
}

/// A 271 eligibility response (an entry of `readX12(…).eligibility`) as a FHIR Coverage.
#[wasm_bindgen(js_name = fhirCoverage)]
pub fn fhir_coverage(
    #[wasm_bindgen(unchecked_param_type = "EligibilityResponse")] response: JsValue,
) -> Result<String, JsValue> {
    let response: EligibilityResponse = from_js(response)?;
    text(medbill::fhir::coverage_from_271(&response))
}

/// A 271 eligibility response as a FHIR CoverageEligibilityResponse.
#[wasm_bindgen(js_name = fhirEligibilityResponse)]
pub fn fhir_eligibility_response(
    #[wasm_bindgen(unchecked_param_type = "EligibilityResponse")] response: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] created_on: JsValue,
) -> Result<String, JsValue> {
    let response: EligibilityResponse = from_js(response)?;
    text(medbill::fhir::eligibility_response_from_271(
        &response,
        created(created_on)?,
    ))
}

/// An estimate (with the request it answers) as a Da Vinci PCT Good Faith Estimate Bundle.
#[wasm_bindgen(js_name = fhirGoodFaithEstimate)]
pub fn fhir_good_faith_estimate(
    #[wasm_bindgen(unchecked_param_type = "EstimateRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Estimate")] estimate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] created_on: JsValue,
) -> Result<String, JsValue> {
    let request: EstimateRequest = from_js(request)?;
    let estimate: Estimate = from_js(estimate)?;
    text(medbill::fhir::gfe_bundle(
        &request,
        &estimate,
        created(created_on)?,
    ))
}
