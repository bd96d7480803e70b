//! `medbill::statement` for JavaScript: patient statements, payment plans and where they
//! stand, patient payments allocated to visits, credit balances, small-balance write-offs and
//! "why do I owe this?", all from the entries the host passes in.

use medbill::ledger::{ChargedClaim, ClaimIndex, Entry};
use medbill::statement::{
    Audience, CreditOptions, PaymentAllocationRequest, PaymentPlan, PlanRequest, SmallBalanceRule,
    StatementOptions,
};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// The statement of patient account `patient` from the books made of `entries` and the
/// charged claims, with its text and HTML.
#[wasm_bindgen(js_name = patientStatement, unchecked_return_type = "StatementDocuments")]
pub fn patient_statement(
    patient: &str,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "StatementOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let claims: Vec<ChargedClaim> = from_js(claims)?;
    let options: StatementOptions = from_js(options)?;
    let documents = medbill::statement::statement_documents(
        patient,
        &entries,
        &ClaimIndex::new(claims),
        &options,
    )
    .map_err(|e| to_js(&e))?;
    to_js_value(&documents)
}

/// A payment plan: the balance split into installments.
#[wasm_bindgen(js_name = paymentPlan, unchecked_return_type = "PaymentPlan")]
pub fn payment_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let request: PlanRequest = from_js(request)?;
    let plan = medbill::statement::payment_plan(&request).map_err(|e| to_js(&e))?;
    to_js_value(&plan)
}

/// Where `plan` stands on `asOf`, given patient account `patient`'s payments in `entries`.
#[wasm_bindgen(js_name = planStanding, unchecked_return_type = "PlanStanding")]
pub fn plan_standing(
    #[wasm_bindgen(unchecked_param_type = "PaymentPlan")] plan: JsValue,
    patient: &str,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] as_of: JsValue,
) -> Result<JsValue, JsValue> {
    let plan: PaymentPlan = from_js(plan)?;
    let entries: Vec<Entry> = from_js(entries)?;
    let as_of: chrono::NaiveDate = from_js(as_of)?;
    let standing = medbill::statement::plan_standing_in(patient, &entries, &plan, as_of)
        .map_err(|e| to_js(&e))?;
    to_js_value(&standing)
}

/// A patient payment allocated over what the patient owes on each visit in `entries`: the
/// ledger's patient payment requests, for the host to enter.
#[wasm_bindgen(js_name = allocatePayment, unchecked_return_type = "Allocation")]
pub fn allocate_payment(
    #[wasm_bindgen(unchecked_param_type = "PaymentAllocationRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
) -> Result<JsValue, JsValue> {
    let request: PaymentAllocationRequest = from_js(request)?;
    let entries: Vec<Entry> = from_js(entries)?;
    let allocation =
        medbill::statement::allocate_payment(&request, &entries).map_err(|e| to_js(&e))?;
    to_js_value(&allocation)
}

/// The patient accounts with a credit in `entries`, each with what to do with it.
#[wasm_bindgen(js_name = creditBalances, unchecked_return_type = "CreditBalance[]")]
pub fn credit_balances(
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CreditOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let options: CreditOptions = from_js(options)?;
    let credits = medbill::statement::credits(&entries, &options).map_err(|e| to_js(&e))?;
    to_js_value(&credits)
}

/// The write-offs `rule` calls for as of `asOf` in `entries`, effective that day and entered
/// on `posted`.
#[wasm_bindgen(js_name = smallBalanceWriteOffs, unchecked_return_type = "WriteOffRequest[]")]
pub fn small_balance_write_offs(
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SmallBalanceRule")] rule: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] as_of: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] posted: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let rule: SmallBalanceRule = from_js(rule)?;
    let as_of: chrono::NaiveDate = from_js(as_of)?;
    let posted: chrono::NaiveDate = from_js(posted)?;
    let requests = medbill::statement::small_balance_write_offs(&entries, &rule, as_of, posted)
        .map_err(|e| to_js(&e))?;
    to_js_value(&requests)
}

/// The visit of `claim` (a patient control number) explained, as of `asOf`, to the patient
/// or to a payer.
#[wasm_bindgen(js_name = explainVisit, unchecked_return_type = "VisitExplanation")]
pub fn explain_visit(
    claim: &str,
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChargedClaim[]")] claims: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] as_of: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Audience")] audience: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let claims: Vec<ChargedClaim> = from_js(claims)?;
    let as_of: chrono::NaiveDate = from_js(as_of)?;
    let audience: Audience = from_js(audience)?;
    let explanation =
        medbill::statement::explain(claim, &entries, &ClaimIndex::new(claims), as_of, audience)
            .map_err(|e| to_js(&e))?;
    to_js_value(&explanation)
}
