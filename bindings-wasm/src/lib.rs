//! WebAssembly bindings of medbill: plain JavaScript objects in and out, amounts as strings.
//!
//! Only conversion lives here: JS value → core type → core call → JS value. Every error is
//! thrown as a JS `Error` named `MedbillError` with a stable `code` property.
//!
//! Claim printing (`printClaim`) is not here: it is its own module, `medbill-wasm-print`
//! (`print/`), which a page loads when it prints, so this module does not carry the PDF writer.

mod benefits;
mod claim;
mod codes;
mod denial;
mod error;
mod fhir;
mod followup;
mod kpi;
mod ledger;
mod money;
mod pricing;
mod scrub;
mod statement;
mod x12;

use wasm_bindgen::prelude::*;

pub use benefits::{
    adjudicate, coordinate, coordinate_next, coordinate_remittance, eligibility_benefits,
};
pub use claim::{prepare_claim, validate_claim};
pub use codes::check_code;
pub use denial::{appeal_letter, corrected_claim, denial_queue, void_claim};
pub use error::is_medbill_error;
pub use fhir::{
    claim_from_fhir, fhir_claim, fhir_claim_response, fhir_coverage, fhir_eligibility_response,
    fhir_eob, fhir_good_faith_estimate, fhir_remittance_eob,
};
pub use followup::{fix_list, follow_up_queue, post_statuses, status_request};
pub use kpi::kpis;
pub use ledger::{balances, charge_claims, post_remittance};
pub use money::{allocate, allocate_evenly};
pub use pricing::Pricer;
pub use scrub::{CodeSets, scrub_claim};
pub use statement::{
    allocate_payment, credit_balances, explain_visit, patient_statement, payment_plan,
    plan_standing, small_balance_write_offs,
};
pub use x12::{
    read_remittances, read_x12, secondary_claim, summarize_x12, write_270, write_276, write_835,
    write_837,
};

/// TypeScript declarations of the JSON forms, generated from the core's JSON Schemas by
/// `cargo xtask types` (never edited by hand).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("../types/medbill-types.d.ts");

/// The error type thrown by every function (hand-written: it describes a JS `Error`).
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &'static str = include_str!("../types/errors.d.ts");

/// The medbill library version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    medbill::VERSION.to_owned()
}
