//! `medbill::x12` and `medbill::remit` for JavaScript: read any X12 file, write 837, 270, 276
//! and 835 interchanges. X12 goes in as bytes (or text) and comes out as text.

use medbill::Claim;
use medbill::claim::Payer;
use medbill::remit::{OtherCoverage, PriorAdjudication, PriorPayer, Remittance};
use medbill::x12::{ClaimStatusRequest, EligibilityRequest, Envelope, Submission};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value, with_code};

/// Everything an X12 file holds, every transaction set read by its typed reader. Fails only
/// when the input is not X12 or declares a version medbill does not read (4010).
#[wasm_bindgen(js_name = readX12, unchecked_return_type = "X12File")]
pub fn read_x12(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] bytes: JsValue,
) -> Result<JsValue, JsValue> {
    let file = medbill::read_x12(&x12_bytes(bytes)?).map_err(|e| to_js(&e))?;
    to_js_value(&file)
}

/// One summary per transaction set of an X12 file, in file order (id, version, segments, and
/// claims, charge, paid and balanced where the set has them).
#[wasm_bindgen(js_name = summarizeX12, unchecked_return_type = "SetSummary[]")]
pub fn summarize_x12(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] bytes: JsValue,
) -> Result<JsValue, JsValue> {
    let file = medbill::read_x12(&x12_bytes(bytes)?).map_err(|e| to_js(&e))?;
    to_js_value(&file.summaries())
}

/// The remittances (835 transaction sets) of an X12 file, in file order; none when it holds no
/// 835.
#[wasm_bindgen(js_name = readRemittances, unchecked_return_type = "Remittance[]")]
pub fn read_remittances(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] bytes: JsValue,
) -> Result<JsValue, JsValue> {
    let file = medbill::read_x12(&x12_bytes(bytes)?).map_err(|e| to_js(&e))?;
    to_js_value(&file.remittances)
}

/// Writes claims as one 837 interchange (837P for professional claims, 837I for institutional
/// ones); returns the X12 text.
#[wasm_bindgen(js_name = write837)]
pub fn write_837(
    #[wasm_bindgen(unchecked_param_type = "Claim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Submission")] submission: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Envelope")] envelope: JsValue,
) -> Result<String, JsValue> {
    let claims: Vec<Claim> = from_js(claims)?;
    let submission: Submission = from_js(submission)?;
    let envelope: Envelope = from_js(envelope)?;
    let bytes = medbill::x12::write_837(&claims, &submission, &envelope).map_err(|e| to_js(&e))?;
    x12_text(bytes)
}

/// Writes eligibility inquiries as one 270 interchange (one transaction set per request);
/// returns the X12 text.
#[wasm_bindgen(js_name = write270)]
pub fn write_270(
    #[wasm_bindgen(unchecked_param_type = "EligibilityRequest[]")] requests: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Envelope")] envelope: JsValue,
) -> Result<String, JsValue> {
    let requests: Vec<EligibilityRequest> = from_js(requests)?;
    let envelope: Envelope = from_js(envelope)?;
    let bytes = medbill::x12::write_270(&envelope, &requests).map_err(|e| to_js(&e))?;
    x12_text(bytes)
}

/// Writes claim status inquiries as one 276 interchange (one transaction set per request);
/// returns the X12 text.
#[wasm_bindgen(js_name = write276)]
pub fn write_276(
    #[wasm_bindgen(unchecked_param_type = "ClaimStatusRequest[]")] requests: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Envelope")] envelope: JsValue,
) -> Result<String, JsValue> {
    let requests: Vec<ClaimStatusRequest> = from_js(requests)?;
    let envelope: Envelope = from_js(envelope)?;
    let bytes = medbill::x12::write_276(&envelope, &requests).map_err(|e| to_js(&e))?;
    x12_text(bytes)
}

/// Writes remittances as one 835 interchange (one transaction set per remittance); returns
/// the X12 text.
#[wasm_bindgen(js_name = write835)]
pub fn write_835(
    #[wasm_bindgen(unchecked_param_type = "Remittance[]")] remittances: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Envelope")] envelope: JsValue,
) -> Result<String, JsValue> {
    let remittances: Vec<Remittance> = from_js(remittances)?;
    let envelope: Envelope = from_js(envelope)?;
    let bytes = medbill::x12::write_835(&remittances, &envelope).map_err(|e| to_js(&e))?;
    x12_text(bytes)
}

/// The claim sent on to the next payer once `payer` has adjudicated it: that payer's
/// decision, from its 835 claim (`{ remittance }`) or from the coordination of benefits
/// (`{ coordination }`), adjudicated on `adjudicated` (`YYYY-MM-DD`), joins the claim's
/// `otherPayers` (837 loops 2320, 2330A/B, 2430); the claim goes to `nextPayer` when given,
/// as the subscriber's secondary (or tertiary) payer. Ready for `write837`.
#[wasm_bindgen(js_name = secondaryClaim, unchecked_return_type = "Claim")]
pub fn secondary_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Payer")] payer: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OtherCoverage")] coverage: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PriorAdjudication")] prior: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] adjudicated: JsValue,
    #[wasm_bindgen(js_name = nextPayer, unchecked_param_type = "Payer | undefined")]
    next_payer: JsValue,
) -> Result<JsValue, JsValue> {
    let mut claim: Claim = from_js(claim)?;
    let payer: Payer = from_js(payer)?;
    let coverage: OtherCoverage = from_js(coverage)?;
    let prior: PriorAdjudication = from_js(prior)?;
    let adjudicated: chrono::NaiveDate = from_js(adjudicated)?;
    let next_payer: Option<Payer> = from_js(next_payer)?;
    let prior_payer = PriorPayer {
        payer,
        coverage,
        adjudicated,
        next_payer,
    };
    medbill::remit::send_on(&mut claim, prior_payer, &prior).map_err(|e| to_js(&e))?;
    to_js_value(&claim)
}

/// The bytes of X12 given as a `Uint8Array` or as text (encoded as UTF-8, as read from disk).
pub(crate) fn x12_bytes(value: JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    match value.dyn_into::<js_sys::Uint8Array>() {
        Ok(array) => Ok(array.to_vec()),
        Err(_) => Err(with_code(
            "INPUT_INVALID",
            "X12 input must be a Uint8Array or a string",
        )),
    }
}

/// Written X12 as text. The writer refuses characters outside printable ASCII, so this only
/// fails if that promise is broken.
fn x12_text(bytes: Vec<u8>) -> Result<String, JsValue> {
    String::from_utf8(bytes).map_err(|e| with_code("OUTPUT_CONVERSION", &e.to_string()))
}

/// What a payer's 271 eligibility answer (a `Uint8Array` or text) says about the patient on
/// the date of service: the coverage and, when it is active, the plan and what the patient
/// has met, for `adjudicate` and `Pricer.estimate`; errors (inactive, a rejection, someone
/// else) and what the 271 did not state as findings.
#[wasm_bindgen(js_name = eligibilityBenefits, unchecked_return_type = "EligibilityBenefits")]
pub fn eligibility_benefits(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] x12: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EligibilityCheck")] check: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = x12_bytes(x12)?;
    let check: medbill::benefits::EligibilityCheck = from_js(check)?;
    let responses = medbill::x12::read_271(&bytes).map_err(|e| to_js(&e))?;
    to_js_value(&medbill::benefits::benefits_from_271(&responses, &check))
}
