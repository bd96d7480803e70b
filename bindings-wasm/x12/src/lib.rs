//! X12 for JavaScript, as its own WebAssembly module: read any X12 file medbill knows
//! (`readX12`, `readRemittances`, `summarizeX12`, `eligibilityBenefits`), write 837, 835, 270
//! and 276 files, and make the claim for the next payer (`secondaryClaim`).
//!
//! Kept out of the main module (`medbill-wasm`) so that a page that only checks and prices
//! claims does not download the X12 readers and writers. Errors are thrown as in the main
//! module: a JS `Error` named `MedbillError` with a stable `code`.

// The main module's boundary helpers, shared as source: depending on `medbill-wasm` would put
// all of its exports in this module.
#[allow(dead_code, reason = "each module uses the helpers its operations need")]
#[path = "../../src/error.rs"]
mod error;
mod x12;

pub use error::is_medbill_error;
pub use x12::{
    eligibility_benefits, read_remittances, read_x12, secondary_claim, summarize_x12, write_270,
    write_276, write_835, write_837,
};
