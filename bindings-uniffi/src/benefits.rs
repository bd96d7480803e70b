//! `medbill::benefits` for Kotlin, Swift and Python: plans, accumulators and results travel as
//! their documented JSON (estimates are on `Pricer`, which holds the fee schedule data).

use medbill::benefits::{
    Accumulators, AdjudicateOptions, Adjudication, BenefitPlan, CobMethod, Coordination, Network,
};
use medbill::pricing::PricedClaim;
use medbill::remit::PriorRemittance;

use crate::convert::decode;
use crate::error::MedbillError;

/// In or out of the plan's network.
#[uniffi::remote(Enum)]
pub enum Network {
    InNetwork,
    OutOfNetwork,
}

/// Adjudicates a priced claim (JSON) under a benefit plan (JSON) from the accumulators
/// (JSON); returns the adjudication as JSON. Refuses (`BENEFITS_ADJUDICATION_REFUSED`) input
/// it cannot adjudicate honestly unless `unchecked`.
#[uniffi::export(default(unchecked = false))]
pub fn adjudicate_json(
    priced_json: String,
    plan_json: String,
    accumulators_json: String,
    network: Network,
    unchecked: bool,
) -> Result<String, MedbillError> {
    let priced: PricedClaim = decode(&priced_json)?;
    let result = adjudicated(&priced, &plan_json, &accumulators_json, network, unchecked)?;
    medbill::to_json(&result).map_err(|e| MedbillError::from_core(&e))
}

/// Adjudicates a priced claim under a benefit plan (JSON) from the accumulators (JSON).
/// Refuses (`BENEFITS_ADJUDICATION_REFUSED`) input it cannot adjudicate honestly unless
/// `unchecked`.
#[uniffi::export(default(unchecked = false))]
pub fn adjudicate(
    priced: crate::models::PricedClaim,
    plan_json: String,
    accumulators_json: String,
    network: Network,
    unchecked: bool,
) -> Result<crate::models::Adjudication, MedbillError> {
    let priced: PricedClaim = crate::convert::core(&priced)?;
    let result = adjudicated(&priced, &plan_json, &accumulators_json, network, unchecked)?;
    crate::convert::mirror(&result)
}

/// A priced claim adjudicated: what `adjudicate` and `adjudicate_json` share.
fn adjudicated(
    priced: &PricedClaim,
    plan_json: &str,
    accumulators_json: &str,
    network: Network,
    unchecked: bool,
) -> Result<Adjudication, MedbillError> {
    let plan: BenefitPlan = decode(plan_json)?;
    let accumulators: Accumulators = decode(accumulators_json)?;
    medbill::benefits::adjudicate_with(
        priced,
        &plan,
        &accumulators,
        network,
        AdjudicateOptions { unchecked },
    )
    .map_err(|e| MedbillError::from_core(&e))
}

/// What a secondary payer owes after the prior payer's adjudication; `method_json` e.g.
/// `{"method":"standard"}`.
#[uniffi::export]
pub fn coordinate(
    prior: crate::models::Adjudication,
    secondary: crate::models::Adjudication,
    method_json: String,
) -> Result<crate::models::Coordination, MedbillError> {
    let prior: Adjudication = crate::convert::core(&prior)?;
    let secondary: Adjudication = crate::convert::core(&secondary)?;
    let method: CobMethod = decode(&method_json)?;
    let result = medbill::benefits::coordinate(&prior, &secondary, method)
        .map_err(|e| MedbillError::from_core(&e))?;
    crate::convert::mirror(&result)
}

/// What a secondary payer owes after the prior payer's adjudication; method as JSON, e.g.
/// `{"method":"standard"}`.
#[uniffi::export]
pub fn coordinate_json(
    prior_json: String,
    secondary_json: String,
    method_json: String,
) -> Result<String, MedbillError> {
    let prior: Adjudication = decode(&prior_json)?;
    let secondary: Adjudication = decode(&secondary_json)?;
    let method: CobMethod = decode(&method_json)?;
    let result = medbill::benefits::coordinate(&prior, &secondary, method)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&result).map_err(|e| MedbillError::from_core(&e))
}

/// What a tertiary payer owes after a secondary coordination (JSON); method as JSON.
#[uniffi::export]
pub fn coordinate_next_json(
    previous_json: String,
    tertiary_json: String,
    method_json: String,
) -> Result<String, MedbillError> {
    let previous: Coordination = decode(&previous_json)?;
    let tertiary: Adjudication = decode(&tertiary_json)?;
    let method: CobMethod = decode(&method_json)?;
    let result = medbill::benefits::coordinate_next(&previous, &tertiary, method)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&result).map_err(|e| MedbillError::from_core(&e))
}

/// What a secondary payer owes after the prior payer's remittance of the claim (JSON: its
/// 835 claim as `read_x12_json` reads it, or its service lines alone, in the claim's line
/// order); method as JSON.
#[uniffi::export]
pub fn coordinate_remittance_json(
    prior_json: String,
    secondary_json: String,
    method_json: String,
) -> Result<String, MedbillError> {
    let prior: PriorRemittance = decode(&prior_json)?;
    let secondary: Adjudication = decode(&secondary_json)?;
    let method: CobMethod = decode(&method_json)?;
    let result = medbill::remit::coordinate_remittance(&prior, &secondary, method)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&result).map_err(|e| MedbillError::from_core(&e))
}

/// What a payer's 271 eligibility answer (its bytes) says about the patient on the date of
/// service, checked against `check_json` (an eligibility check as JSON); returns the
/// eligibility benefits as JSON: the coverage and, when active, the plan and accumulators
/// for `adjudicate_json` and `Pricer.estimate_json`, with findings.
#[uniffi::export]
pub fn eligibility_benefits_json(x12: Vec<u8>, check_json: String) -> Result<String, MedbillError> {
    let check: medbill::benefits::EligibilityCheck = decode(&check_json)?;
    let responses = medbill::x12::read_271(&x12).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&medbill::benefits::benefits_from_271(&responses, &check))
        .map_err(|e| MedbillError::from_core(&e))
}
