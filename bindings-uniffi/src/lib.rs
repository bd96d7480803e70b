//! UniFFI bindings of medbill for Kotlin, Swift and Python.
//!
//! Only conversion lives here. Amounts cross as decimal strings (the `Money` custom type);
//! claims, encounters and practices cross as their documented JSON (see `core/schema/`), so
//! a mobile app can hand over what its EHR API returned. Every failure is one
//! [`MedbillError`] with a stable code and a message free of patient data.

mod benefits;
mod claim;
mod codes;
mod convert;
mod denial;
mod error;
mod fhir;
mod followup;
mod kpi;
mod ledger;
pub mod models;
mod money;
mod pricing;
mod scrub;
mod statement;
mod x12;

pub use benefits::{
    adjudicate, adjudicate_json, coordinate, coordinate_json, coordinate_next_json,
    coordinate_remittance_json, eligibility_benefits_json,
};
pub use claim::{
    prepare_claim, prepare_claim_json, print_claim_json, validate_claim, validate_claim_json,
};
pub use codes::check_code;
pub use denial::{appeal_letter_json, corrected_claim_json, denial_queue_json, void_claim_json};
pub use error::MedbillError;
pub use fhir::{
    claim_from_fhir, fhir_claim, fhir_claim_json, fhir_claim_response_json, fhir_coverage_json,
    fhir_eligibility_response_json, fhir_eob_json, fhir_good_faith_estimate_json,
    fhir_remittance_eob_json,
};
pub use followup::{fix_list_json, follow_up_queue_json, post_statuses_json, status_request_json};
pub use kpi::kpis_json;
pub use ledger::{balances, charge_claims, charge_claims_json, post_remittance_json};
pub use money::{allocate, allocate_evenly};
pub use pricing::{PriceOptions, Pricer};
pub use scrub::{CodeSetBytes, CodeSets, scrub_claim_json};
pub use statement::{
    allocate_payment_json, credit_balances_json, explain_visit_json, patient_statement_json,
    payment_plan_json, plan_standing_json, small_balance_write_offs_json,
};
pub use x12::{
    read_remittances, read_x12_json, secondary_claim_json, summarize_x12, summarize_x12_json,
    write_270_json, write_276_json, write_835_json, write_837_json,
};

uniffi::setup_scaffolding!("medbill");

/// The medbill library version.
#[uniffi::export]
pub fn version() -> String {
    medbill::VERSION.to_owned()
}
