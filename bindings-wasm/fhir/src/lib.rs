//! FHIR R4 for JavaScript, as its own WebAssembly module: a claim as a FHIR Claim and back
//! (`fhirClaim`, `claimFromFhir`), adjudications and 835s as ExplanationOfBenefit and
//! ClaimResponse, 271s as Coverage and CoverageEligibilityResponse, estimates as the Da Vinci
//! PCT good-faith-estimate bundle. Resources are returned as JSON text (exact decimals).
//!
//! Kept out of the main module (`medbill-wasm`). Errors are thrown as in the main module.

// The main module's boundary helpers, shared as source: depending on `medbill-wasm` would put
// all of its exports in this module.
#[allow(dead_code, reason = "each module uses the helpers its operations need")]
#[path = "../../src/error.rs"]
mod error;
mod fhir;

pub use error::is_medbill_error;
pub use fhir::{
    claim_from_fhir, fhir_claim, fhir_claim_response, fhir_coverage, fhir_eligibility_response,
    fhir_eob, fhir_good_faith_estimate, fhir_remittance_eob,
};
