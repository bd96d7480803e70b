//! The boundary every module shares (this file is compiled into each of them): one public
//! error for JavaScript, an `Error` named `MedbillError` with a stable `code`; values in and out
//! as JSON text; and the TypeScript declarations of the JSON forms and of the error, which every
//! module's `.d.ts` carries so that its functions are typed.

use medbill::ErrorCode;
use wasm_bindgen::{JsCast, JsValue};

/// TypeScript declarations of the JSON forms, generated from the core's JSON Schemas by
/// `cargo xtask types` (never edited by hand).
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("../types/medbill-types.d.ts");

/// The error type thrown by every function (hand-written: it describes a JS `Error`).
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &'static str = include_str!("../types/errors.d.ts");

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

// The boundary carries JSON text: `JSON.stringify` / `JSON.parse` run natively in the JS
// engine and medbill decodes the text with its own path-naming decoder, which measured about
// four times faster per claim than converting the object field by field (serde-wasm-bindgen)
// and keeps a second serde instantiation of every type out of the module. The replacer
// refuses what `JSON.stringify` would otherwise drop or change silently: functions, symbols,
// `undefined` in arrays, NaN and infinities, `Set`s and typed arrays; a `Map` with text keys
// is read as an object.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
const NOT_JSON = 'the value is not JSON-shaped data (only null, booleans, numbers, strings, arrays and plain objects are read)';
function refuse(why) { const e = new TypeError(why); e.medbillRefusal = true; throw e; }
function strict(key, value) {
  switch (typeof value) {
    case 'function': case 'symbol': case 'bigint': refuse(NOT_JSON); break;
    case 'number': if (!Number.isFinite(value)) refuse('a number that is not finite (NaN or an infinity)'); break;
    case 'undefined': if (Array.isArray(this)) refuse(NOT_JSON); break;
    case 'object':
      if (value === null || Array.isArray(value)) break;
      if (value instanceof Map) {
        const object = {};
        for (const [k, v] of value) {
          if (typeof k !== 'string') refuse('an object key is not text');
          object[k] = v;
        }
        return object;
      }
      if (value instanceof Set || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) refuse(NOT_JSON);
      break;
  }
  return value;
}
export function medbillJsonText(value) {
  if (value === undefined) return 'null';
  try {
    return JSON.stringify(value, strict);
  } catch (error) {
    if (error && error.medbillRefusal) return { refused: error.message };
    return { refused: NOT_JSON };
  }
}
"#)]
extern "C" {
    /// The value as JSON text, or `{ refused }` saying why it is not JSON-shaped.
    #[wasm_bindgen(js_name = medbillJsonText)]
    fn json_text(value: &JsValue) -> JsValue;
}

/// Converts a JS value into a core type, naming the offending field on failure.
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    let text = json_text(&value);
    match text.as_string() {
        Some(text) => from_json_text(&text),
        None => {
            let why = js_sys::Reflect::get(&text, &JsValue::from_str("refused"))
                .ok()
                .and_then(|why| why.as_string())
                .unwrap_or_default();
            Err(to_js(&medbill::DecodeError {
                path: String::new(),
                message: why,
            }))
        }
    }
}

/// Decodes a core type from JSON text a caller passed.
pub(crate) fn from_json_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, JsValue> {
    medbill::from_json(text).map_err(|e| to_js(&e))
}

/// Converts a core value into a plain JS object (by JSON text, parsed by the engine).
pub(crate) fn to_js_value<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = medbill::to_json(value).map_err(|e| to_js(&e))?;
    js_sys::JSON::parse(&text).map_err(|_| {
        with_code(
            "OUTPUT_CONVERSION",
            "the result could not be handed to JavaScript",
        )
    })
}

/// True when `error` is an error thrown by medbill (an `Error` named `MedbillError`).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = isMedbillError, skip_typescript)]
pub fn is_medbill_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == "MedbillError")
}
