//! `medbill::fhir` for Kotlin, Swift and Python: FHIR R4 resources as JSON text (FHIR decimals
//! are JSON numbers with the amount's exact digits, which the text keeps).

use medbill::Claim;
use medbill::benefits::{Adjudication, Estimate, EstimateRequest};
use medbill::remit::Remittance;
use medbill::x12::EligibilityResponse;

use crate::convert::decode;
use crate::error::MedbillError;
use crate::pricing::parse_date;

fn text<T: serde::Serialize>(
    value: Result<T, medbill::fhir::FhirError>,
) -> Result<String, MedbillError> {
    let value = value.map_err(|e| MedbillError::from_core(&e))?;
    medbill::fhir::to_json(&value).map_err(|e| MedbillError::from_core(&e))
}

/// The claim (JSON) as a FHIR Bundle (Claim, Patient, Organizations, Practitioners, Coverage),
/// created on `created` (`YYYY-MM-DD`).
#[uniffi::export]
pub fn fhir_claim_json(claim_json: String, created: String) -> Result<String, MedbillError> {
    let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
    text(medbill::fhir::claim_bundle(&claim, parse_date(&created)?))
}

/// The claim as a FHIR Bundle, created on `created` (`YYYY-MM-DD`).
#[uniffi::export]
pub fn fhir_claim(claim: crate::models::Claim, created: String) -> Result<String, MedbillError> {
    let claim: Claim = crate::convert::core(&claim)?;
    text(medbill::fhir::claim_bundle(&claim, parse_date(&created)?))
}

/// The claim a FHIR Bundle written by `fhir_claim_json` holds (what medbill cannot place is
/// refused, never dropped).
#[uniffi::export]
pub fn claim_from_fhir(fhir_json: String) -> Result<crate::models::Claim, MedbillError> {
    let claim =
        medbill::fhir::claim_from_fhir(&fhir_json).map_err(|e| MedbillError::from_core(&e))?;
    crate::convert::mirror(&claim)
}

/// The adjudication (JSON) of a claim (JSON) as a FHIR ExplanationOfBenefit Bundle (CARIN Blue
/// Button shape).
#[uniffi::export]
pub fn fhir_eob_json(
    claim_json: String,
    adjudication_json: String,
    created: String,
) -> Result<String, MedbillError> {
    let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
    let adjudication: Adjudication = decode(&adjudication_json)?;
    text(medbill::fhir::eob_from_adjudication(
        &claim,
        &adjudication,
        parse_date(&created)?,
    ))
}

/// The adjudication (JSON) of a claim (JSON) as a FHIR ClaimResponse.
#[uniffi::export]
pub fn fhir_claim_response_json(
    claim_json: String,
    adjudication_json: String,
    created: String,
) -> Result<String, MedbillError> {
    let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
    let adjudication: Adjudication = decode(&adjudication_json)?;
    text(medbill::fhir::claim_response_from_adjudication(
        &claim,
        &adjudication,
        parse_date(&created)?,
    ))
}

/// An 835 remittance (JSON, as `read_x12_json` gives it) as a FHIR ExplanationOfBenefit
/// Bundle, one EOB per claim, with the CARC/RARC reasons.
#[uniffi::export]
pub fn fhir_remittance_eob_json(
    remittance_json: String,
    created: String,
) -> Result<String, MedbillError> {
    let remittance: Remittance = decode(&remittance_json)?;
    text(medbill::fhir::eob_from_835(
        &remittance,
        parse_date(&created)?,
    ))
}

/// A 271 eligibility response (JSON, an entry of `read_x12_json`'s `eligibility`) as a FHIR
/// Coverage.
#[uniffi::export]
pub fn fhir_coverage_json(response_json: String) -> Result<String, MedbillError> {
    let response: EligibilityResponse = decode(&response_json)?;
    text(medbill::fhir::coverage_from_271(&response))
}

/// A 271 eligibility response (JSON) as a FHIR CoverageEligibilityResponse.
#[uniffi::export]
pub fn fhir_eligibility_response_json(
    response_json: String,
    created: String,
) -> Result<String, MedbillError> {
    let response: EligibilityResponse = decode(&response_json)?;
    text(medbill::fhir::eligibility_response_from_271(
        &response,
        parse_date(&created)?,
    ))
}

/// An estimate (JSON) with the request (JSON) it answers, as a Da Vinci PCT Good Faith
/// Estimate Bundle.
#[uniffi::export]
pub fn fhir_good_faith_estimate_json(
    request_json: String,
    estimate_json: String,
    created: String,
) -> Result<String, MedbillError> {
    let request: EstimateRequest = decode(&request_json)?;
    let estimate: Estimate = decode(&estimate_json)?;
    text(medbill::fhir::gfe_bundle(
        &request,
        &estimate,
        parse_date(&created)?,
    ))
}
