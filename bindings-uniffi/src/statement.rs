//! `medbill::statement` for Kotlin, Swift and Python: patient statements, payment plans and
//! where they stand, patient payments allocated to visits, credit balances, small-balance
//! write-offs and "why do I owe this?", from the app's entries, as JSON.

use medbill::ledger::{ChargedClaim, ClaimIndex, Entry};
use medbill::statement::{
    Audience, CreditOptions, PaymentAllocationRequest, PaymentPlan, PlanRequest, SmallBalanceRule,
    StatementOptions,
};

use crate::convert::decode;
use crate::error::MedbillError;
use crate::pricing::parse_date;

/// The statement of patient account `patient` (JSON `StatementDocuments`: the statement, its
/// text and its HTML) from the books made of `entries_json`, the charged claims (a JSON array
/// of `ChargedClaim`) and the options (JSON `StatementOptions`).
#[uniffi::export]
pub fn patient_statement_json(
    patient: String,
    entries_json: String,
    claims_json: String,
    options_json: String,
) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let options: StatementOptions = decode(&options_json)?;
    let documents = medbill::statement::statement_documents(
        &patient,
        &entries,
        &ClaimIndex::new(claims),
        &options,
    )
    .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&documents).map_err(|e| MedbillError::from_core(&e))
}

/// A payment plan (JSON `PaymentPlan`) made from the request (JSON `PlanRequest`).
#[uniffi::export]
pub fn payment_plan_json(request_json: String) -> Result<String, MedbillError> {
    let request: PlanRequest = decode(&request_json)?;
    let plan =
        medbill::statement::payment_plan(&request).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&plan).map_err(|e| MedbillError::from_core(&e))
}

/// Where the plan (JSON `PaymentPlan`) stands on `as_of` (JSON `PlanStanding`), given patient
/// account `patient`'s payments in `entries_json`.
#[uniffi::export]
pub fn plan_standing_json(
    plan_json: String,
    patient: String,
    entries_json: String,
    as_of: String,
) -> Result<String, MedbillError> {
    let plan: PaymentPlan = decode(&plan_json)?;
    let entries: Vec<Entry> = decode(&entries_json)?;
    let as_of = parse_date(&as_of)?;
    let standing = medbill::statement::plan_standing_in(&patient, &entries, &plan, as_of)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&standing).map_err(|e| MedbillError::from_core(&e))
}

/// A patient payment (JSON `PaymentAllocationRequest`) allocated over what the patient owes on
/// each visit in `entries_json` (JSON `Allocation`: the ledger's requests, for the app to enter).
#[uniffi::export]
pub fn allocate_payment_json(
    request_json: String,
    entries_json: String,
) -> Result<String, MedbillError> {
    let request: PaymentAllocationRequest = decode(&request_json)?;
    let entries: Vec<Entry> = decode(&entries_json)?;
    let allocation = medbill::statement::allocate_payment(&request, &entries)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&allocation).map_err(|e| MedbillError::from_core(&e))
}

/// The patient accounts with a credit in `entries_json` (a JSON array of `CreditBalance`),
/// under the options (JSON `CreditOptions`).
#[uniffi::export]
pub fn credit_balances_json(
    entries_json: String,
    options_json: String,
) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let options: CreditOptions = decode(&options_json)?;
    let credits =
        medbill::statement::credits(&entries, &options).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&credits).map_err(|e| MedbillError::from_core(&e))
}

/// The write-offs (a JSON array of `WriteOffRequest`) the rule (JSON `SmallBalanceRule`) calls
/// for as of `as_of` in `entries_json`, effective that day and entered on `posted`.
#[uniffi::export]
pub fn small_balance_write_offs_json(
    entries_json: String,
    rule_json: String,
    as_of: String,
    posted: String,
) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let rule: SmallBalanceRule = decode(&rule_json)?;
    let as_of = parse_date(&as_of)?;
    let posted = parse_date(&posted)?;
    let requests = medbill::statement::small_balance_write_offs(&entries, &rule, as_of, posted)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&requests).map_err(|e| MedbillError::from_core(&e))
}

/// The visit of `claim` (a patient control number) explained as of `as_of` (JSON
/// `VisitExplanation`) to `audience` (`patient` or `payer`).
#[uniffi::export]
pub fn explain_visit_json(
    claim: String,
    entries_json: String,
    claims_json: String,
    as_of: String,
    audience: String,
) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let as_of = parse_date(&as_of)?;
    let audience: Audience =
        decode(&medbill::to_json(&audience).map_err(|e| MedbillError::from_core(&e))?)?;
    let explanation =
        medbill::statement::explain(&claim, &entries, &ClaimIndex::new(claims), as_of, audience)
            .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&explanation).map_err(|e| MedbillError::from_core(&e))
}
