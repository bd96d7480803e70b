//! WebAssembly bindings of medbill: plain JavaScript objects in and out, amounts as strings.
//!
//! Only conversion lives here: JS value → core type → core call → JS value. Every error is
//! thrown as a JS `Error` named `MedbillError` with a stable `code` property.
//!
//! This is the main module: claims, codes, money, pricing and benefits, what a page that
//! checks, prices and estimates claims needs. The rest are modules of their own, which
//! a page loads only when it uses them (each carries its own copy of what it shares with this
//! one, and none depends on another, because a dependency's wasm-bindgen exports would land in
//! the dependent's module):
//! - `medbill-wasm-scrub` (`scrub/`): the scrubber and its code sets;
//! - `medbill-wasm-x12` (`x12/`): read and write X12 (837, 835, 270/271, 276/277, 999, 277CA);
//! - `medbill-wasm-books` (`books/`): ledger, denials, follow-up, statements, KPIs;
//! - `medbill-wasm-fhir` (`fhir/`): FHIR R4 resources;
//! - `medbill-wasm-print` (`print/`): CMS-1500 / UB-04 PDFs.
//!
//! Values cross between modules as the JSON forms (a `Remittance` read by the X12 module is
//! posted by the books module as is).

mod benefits;
mod claim;
mod codes;
mod error;
mod money;
mod pricing;

use wasm_bindgen::prelude::*;

pub use benefits::{adjudicate, coordinate, coordinate_next, coordinate_remittance};
pub use claim::{prepare_claim, validate_claim};
pub use codes::check_code;
pub use error::is_medbill_error;
pub use money::{allocate, allocate_evenly};
pub use pricing::Pricer;

/// The medbill library version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    medbill::VERSION.to_owned()
}
