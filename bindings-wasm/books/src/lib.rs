//! The practice's books for JavaScript, as their own WebAssembly module: charges and payments
//! posted (`chargeClaims`, `postRemittance`, `balances`), denials worked (`denialQueue`,
//! `correctedClaim`, `voidClaim`, `appealLetter`), claims followed up (`followUpQueue`,
//! `statusRequest`, `postStatuses`, `fixList`), patients billed (`patientStatement`,
//! `paymentPlan`, `planStanding`, `allocatePayment`, `creditBalances`,
//! `smallBalanceWriteOffs`, `explainVisit`) and the supervisor's `kpis`.
//!
//! Kept out of the main module (`medbill-wasm`); a remittance read by the X12 module is posted
//! here as is (the JSON forms are shared). Errors are thrown as in the main module.

mod denial;
// The main module's boundary helpers, shared as source: depending on `medbill-wasm` would put
// all of its exports in this module.
#[allow(dead_code, reason = "each module uses the helpers its operations need")]
#[path = "../../src/error.rs"]
mod error;
mod followup;
mod kpi;
mod ledger;
mod statement;

pub use denial::{appeal_letter, corrected_claim, denial_queue, void_claim};
pub use error::is_medbill_error;
pub use followup::{fix_list, follow_up_queue, post_statuses, status_request};
pub use kpi::kpis;
pub use ledger::{balances, charge_claims, post_remittance};
pub use statement::{
    allocate_payment, credit_balances, explain_visit, patient_statement, payment_plan,
    plan_standing, small_balance_write_offs,
};
