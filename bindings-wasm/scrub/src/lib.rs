//! The claim scrubber for JavaScript, as its own WebAssembly module: `CodeSets` (the official
//! ICD-10-CM, HCPCS, PFS indicator, NCCI, MUE, add-on code, place-of-service and taxonomy
//! files read from their bytes, or a pack made from them) and `scrubClaim`.
//!
//! Kept out of the main module (`medbill-wasm`): the code-set readers (XML, spreadsheets, the
//! pack) and the scrub rules are about half of what the main module would otherwise weigh, and
//! a page that prices or estimates without scrubbing never needs them. Errors are thrown as in
//! the main module: a JS `Error` named `MedbillError` with a stable `code`.

// The main module's boundary helpers, shared as source: depending on `medbill-wasm` would put
// all of its exports in this module.
#[allow(dead_code, reason = "each module uses the helpers its operations need")]
#[path = "../../src/error.rs"]
mod error;
mod scrub;

pub use error::is_medbill_error;
pub use scrub::{CodeSets, scrub_claim};
