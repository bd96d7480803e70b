//! Claim printing for JavaScript, as its own WebAssembly module: `printClaim` makes the
//! CMS-1500 / UB-04 PDF of a claim.
//!
//! The PDF writer and the forms' layout are kept out of the main module (`medbill-wasm`), so
//! a page that never prints never downloads them: load this module when the user prints.
//! Errors are thrown as in the main module: a JS `Error` named `MedbillError` with a stable
//! `code`, which either module's `isMedbillError` recognises.

// The main module's error helpers, shared as source: depending on `medbill-wasm` would put all
// of its exports in this module.
#[allow(dead_code, reason = "each module uses the helpers its operations need")]
#[path = "../../src/error.rs"]
mod error;

use medbill::Claim;
use medbill::claim::print::{Form, PrintOptions};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js};

pub use error::is_medbill_error;

/// Prints a claim on its paper form as PDF bytes: `form` is `"cms1500"` (a professional
/// claim) or `"ub04"` (an institutional one); `options` (optional) chooses the whole form
/// or data only, drafts of invalid claims and the UB-04's creation date.
#[wasm_bindgen(js_name = printClaim)]
pub fn print_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    form: &str,
    #[wasm_bindgen(unchecked_param_type = "PrintOptions | undefined")] options: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let claim: Claim = from_js(claim)?;
    let form: Form = form.parse().map_err(|e| to_js(&e))?;
    let options: PrintOptions = if options.is_undefined() || options.is_null() {
        PrintOptions::default()
    } else {
        from_js(options)?
    };
    medbill_print::print(&claim, form, &options).map_err(|e| to_js(&e))
}
