//! One public error for JavaScript: an `Error` named `MedbillError` with a stable `code`.

use medbill::ErrorCode;
use wasm_bindgen::{JsCast, JsValue};

/// Builds the thrown value for a core error.
pub(crate) fn to_js<E: ErrorCode + std::fmt::Display>(error: &E) -> JsValue {
    with_code(error.code(), &error.to_string())
}

/// Builds a `MedbillError` with the given code and message.
pub(crate) fn with_code(code: &str, message: &str) -> JsValue {
    let js_error = js_sys::Error::new(message);
    js_error.set_name("MedbillError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(
        &js_error,
        &JsValue::from_str("code"),
        &JsValue::from_str(code),
    );
    js_error.into()
}

/// Converts a JS value into a core type, naming the offending field on failure.
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    medbill::decode(serde_wasm_bindgen::Deserializer::from(value)).map_err(|e| to_js(&e))
}

/// Converts a core value into a plain JS object (maps as objects, not `Map`s).
pub(crate) fn to_js_value<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| with_code("OUTPUT_CONVERSION", &e.to_string()))
}

/// True when `error` is an error thrown by medbill (an `Error` named `MedbillError`).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = isMedbillError, skip_typescript)]
pub fn is_medbill_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == "MedbillError")
}
