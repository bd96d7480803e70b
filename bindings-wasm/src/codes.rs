//! `medbill::codes` for JavaScript.

use medbill::CodeKind;
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js_value};

/// Checks one code: its normalized form when valid, the failed rule when not.
#[wasm_bindgen(js_name = checkCode, unchecked_return_type = "CodeCheck")]
pub fn check_code(
    #[wasm_bindgen(unchecked_param_type = "CodeKind")] kind: JsValue,
    value: &str,
) -> Result<JsValue, JsValue> {
    let kind: CodeKind = from_js(kind)?;
    to_js_value(&medbill::codes::check(kind, value))
}
