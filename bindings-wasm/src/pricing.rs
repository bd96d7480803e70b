//! `medbill::pricing` for JavaScript: load PFS data once into a `Pricer`, then price claims.

use medbill::codesets::PfsData;
use medbill::pricing::PriceOptions;
use medbill::{Claim, Contract};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// Prices claims under payer contracts. Holds the Medicare PFS data when it was given.
#[wasm_bindgen]
pub struct Pricer {
    pfs: Option<PfsData>,
}

#[wasm_bindgen]
impl Pricer {
    /// A pricer. Pass the PFS relative value and GPCI files (CSV or TXT bytes), and
    /// optionally the anesthesia CF and ZIP-to-locality files, to price Medicare PFS
    /// schedules; pass nothing for flat and percentage schedules only. The data version is
    /// the release the relative value file names; `version` overrides it.
    #[wasm_bindgen(constructor)]
    pub fn new(
        rvu: Option<Vec<u8>>,
        gpci: Option<Vec<u8>>,
        anesthesia: Option<Vec<u8>>,
        zip: Option<Vec<u8>>,
        version: Option<String>,
    ) -> Result<Pricer, JsValue> {
        let pfs = PfsData::load_given(
            rvu.as_deref(),
            gpci.as_deref(),
            anesthesia.as_deref(),
            zip.as_deref(),
            version.as_deref(),
        )
        .map_err(|e| to_js(&e))?;
        Ok(Pricer { pfs })
    }

    /// Number of relative value rows loaded (0 without PFS data).
    #[wasm_bindgen(getter, js_name = rvuRows)]
    pub fn rvu_rows(&self) -> usize {
        self.pfs.as_ref().map_or(0, |d| d.rvu.len())
    }

    /// Prices a claim under a contract as of a date (`YYYY-MM-DD`). A claim with validation
    /// errors or a contract with another payer is refused unless `options` say `unchecked` or
    /// `anyPayer`; `trace: false` leaves the per-line traces out (converting them into JS
    /// objects is most of the cost of a call).
    #[wasm_bindgen(unchecked_return_type = "PricedClaim")]
    pub fn price(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Contract")] contract: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<
            js_sys::Object,
        >,
    ) -> Result<JsValue, JsValue> {
        let claim: Claim = from_js(claim)?;
        let contract: Contract = from_js(contract)?;
        let as_of: chrono::NaiveDate = from_js(as_of)?;
        let options: PriceOptions = match options {
            Some(options) => from_js(options.into())?,
            None => PriceOptions::default(),
        };
        let priced = medbill::price(&claim, &contract, self.pfs.as_ref(), as_of, &options)
            .map_err(|e| to_js(&e))?;
        to_js_value(&priced)
    }

    /// Prices many claims under one contract in one call: an array of outcomes in the claims'
    /// order, each `{ priced }` or `{ refused: { code, message } }` (one claim's refusal does
    /// not stop the others). The contract and options are read once for the whole batch.
    #[wasm_bindgen(js_name = priceMany, unchecked_return_type = "PriceOutcome[]")]
    pub fn price_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Claim[]")] claims: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Contract")] contract: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<
            js_sys::Object,
        >,
    ) -> Result<JsValue, JsValue> {
        let claims: Vec<Claim> = from_js(claims)?;
        let contract: Contract = from_js(contract)?;
        let as_of: chrono::NaiveDate = from_js(as_of)?;
        let options: PriceOptions = match options {
            Some(options) => from_js(options.into())?,
            None => PriceOptions::default(),
        };
        let outcomes =
            medbill::pricing::price_many(&claims, &contract, self.pfs.as_ref(), as_of, &options);
        to_js_value(&outcomes)
    }

    /// Estimates a planned visit's cost to the patient (a range when the accumulators are
    /// unknown; a Good Faith Estimate when the patient has no plan), as of a date.
    #[wasm_bindgen(unchecked_return_type = "Estimate")]
    pub fn estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EstimateRequest")] request: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request: medbill::benefits::EstimateRequest = from_js(request)?;
        let as_of: chrono::NaiveDate = from_js(as_of)?;
        let estimate =
            medbill::estimate(&request, self.pfs.as_ref(), as_of).map_err(|e| to_js(&e))?;
        to_js_value(&estimate)
    }

    /// `estimate` with the plan and what the patient has met taken from the payer's 271
    /// answers (`responses`: the `eligibility` list of what the X12 module's `readX12` read
    /// from the 271), checked against `patient` (the request's plan, if any, fills what the
    /// 271 leaves out); without active coverage the visit is estimated as self-pay. (The 271 is
    /// read by the X12 module, so that this module does not carry an X12 reader.)
    #[wasm_bindgen(js_name = estimateWithEligibility, unchecked_return_type = "EligibleEstimate")]
    pub fn estimate_with_eligibility(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EstimateRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EligibilityResponse[]")] responses: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EligibilityCheck")] patient: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request: medbill::benefits::EstimateRequest = from_js(request)?;
        let responses: Vec<medbill::x12::EligibilityResponse> = from_js(responses)?;
        let patient: medbill::benefits::EligibilityCheck = from_js(patient)?;
        let as_of: chrono::NaiveDate = from_js(as_of)?;
        let result = medbill::benefits::estimate_with_eligibility(
            &request,
            &responses,
            &patient,
            self.pfs.as_ref(),
            as_of,
        )
        .map_err(|e| to_js(&e))?;
        to_js_value(&result)
    }

    /// Like `price`, with the claim, contract and options (a `PriceOptions` object) as JSON
    /// text and the priced claim returned as JSON text: the fastest way across the boundary
    /// for large claims or batches.
    #[wasm_bindgen(js_name = priceJson)]
    pub fn price_json(
        &self,
        claim: &str,
        contract: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
        options: Option<String>,
    ) -> Result<String, JsValue> {
        let claim: Claim = medbill::from_json(claim).map_err(|e| to_js(&e))?;
        let contract: Contract = medbill::from_json(contract).map_err(|e| to_js(&e))?;
        let as_of: chrono::NaiveDate = from_js(JsValue::from_str(as_of))?;
        let options: PriceOptions = match options {
            Some(text) => medbill::from_json(&text).map_err(|e| to_js(&e))?,
            None => PriceOptions::default(),
        };
        let priced = medbill::price(&claim, &contract, self.pfs.as_ref(), as_of, &options)
            .map_err(|e| to_js(&e))?;
        medbill::to_json(&priced).map_err(|e| to_js(&e))
    }
}
