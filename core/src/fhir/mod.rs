//! FHIR R4 (4.0.1) JSON for medbill's claims, adjudications, remittances, eligibility answers
//! and estimates (RULES.md §16). Pure: no I/O; the date a resource is created is an argument.
//!
//! | medbill | FHIR | entry point |
//! |---|---|---|
//! | [`Claim`](crate::Claim) (837P / 837I) | Bundle: Claim, Patient(s), Organization (payer, billing provider), Practitioner(s), Location, Coverage | [`claim_bundle`], [`claim_from_fhir`] |
//! | [`Adjudication`](crate::Adjudication) + its claim | ExplanationOfBenefit Bundle (CARIN C4BB shape), ClaimResponse | [`eob_from_adjudication`], [`claim_response_from_adjudication`] |
//! | 835 [`RemitClaim`](crate::remit::RemitClaim) | ExplanationOfBenefit Bundle, ClaimResponse (CARC/RARC reasons) | [`eob_from_835`], [`claim_response_from_835`] |
//! | 271 [`EligibilityResponse`](crate::x12::EligibilityResponse) | Coverage, CoverageEligibilityResponse | [`coverage_from_271`], [`eligibility_response_from_271`] |
//! | [`Estimate`](crate::benefits::Estimate) | Da Vinci PCT GFE Bundle | [`gfe_bundle`] |
//!
//! **References.** Whatever holds several resources is a `collection` Bundle whose entries
//! have `urn:uuid:` fullUrls and refer to each other by them (deterministic UUIDs derived from
//! what the bundle is about, so the same input gives the same output). Resources made from an
//! 835 or a 271, which carry identifiers but no demographics, refer to their patient, payer and
//! claim by identifier (logical references) instead. Payer-assigned ids use `urn:medbill:…`
//! systems, since payers publish none (see [`systems`]).
//!
//! **Decimals** are JSON numbers with the exact text of the amount (`150.00`): `serde_json`'s
//! `raw_value` feature writes [`Money`](crate::Money)'s own text, and reading parses that text
//! back into `Money`; nothing goes through a float ([`model::Amount`]). The JSON must therefore
//! be written with `serde_json` ([`to_json`]); another serde serializer would not know the raw
//! number.
//!
//! **Profiles.** ExplanationOfBenefit follows CARIN Blue Button **STU 2.1.0** (`meta.profile`
//! `…/C4BB-ExplanationOfBenefit-Professional-NonClinician|2.1.0`, `…-Inpatient-Institutional`,
//! `…-Outpatient-Institutional`); the GFE Bundle follows Da Vinci PCT **STU 2 (2.0.x)**. No
//! profile validator runs offline, so the profiles' required elements are asserted by
//! medbill's own tests (`core/tests/fhir.rs`); CI validates the base R4 resources.
//!
//! **Round trip of claims.** [`claim_from_fhir`] reads what [`claim_bundle`] writes. Claim
//! fields with a FHIR R4 home are written to that element and read back from it; the 837
//! detail FHIR R4 has no element for (claim-level dates, indicators, ambulance, DME, spinal
//! manipulation, notes, attachments, condition/occurrence/value codes, other payers, secondary
//! ids and contacts, line flags, a supervising or ordering provider…) travels in one extension
//! on the Claim, [`CLAIM_DETAIL`], holding exactly the fields the FHIR elements do not
//! reproduce, as medbill claim JSON. A FHIR consumer that ignores it still sees the billing
//! content; reading refuses (never drops) what it cannot place: an element outside what
//! medbill writes, an unknown extension, a claim field missing or invalid.

mod claim;
mod codes;
mod coverage;
mod eob;
mod error;
mod estimate;
pub mod model;
mod refs;

pub use claim::{claim_bundle, claim_from_fhir};
pub use codes::systems;
pub use coverage::{coverage_from_271, eligibility_response_from_271};
pub use eob::{
    claim_response_from_835, claim_response_from_adjudication, eob_from_835, eob_from_adjudication,
};
pub use error::FhirError;
pub use estimate::gfe_bundle;

/// The extension on a Claim carrying the claim fields FHIR R4 has no element for, as medbill
/// claim JSON (`valueString`).
pub const CLAIM_DETAIL: &str = "urn:medbill:fhir:extension:claim-detail";

/// The extension on a Claim item carrying the line item control number (REF*6R).
pub const LINE_ITEM_CONTROL_NUMBER: &str = "urn:medbill:fhir:extension:line-item-control-number";

/// The CARIN Blue Button version whose profiles the ExplanationOfBenefit names.
pub const C4BB_VERSION: &str = "2.1.0";

/// FHIR JSON text of a resource or Bundle, indented. Amounts stay exact (see the module doc).
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, FhirError> {
    serde_json::to_string_pretty(value).map_err(|_| FhirError::Encode)
}
