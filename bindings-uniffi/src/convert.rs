//! Core values to and from their UniFFI mirrors (`models`), through the JSON form both share:
//! out, the core value's JSON is read into the mirror, which refuses any field it does not
//! know (so a core field missing from the mirrors fails loudly, never silently); in, the
//! mirror's JSON goes through the core's decoder, which checks codes, amounts and dates as it
//! does for JSON input and names the offending field.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::MedbillError;

/// The mirror of a core value.
pub(crate) fn mirror<C: Serialize, M: DeserializeOwned>(core: &C) -> Result<M, MedbillError> {
    let value = serde_json::to_value(core).map_err(|e| MedbillError::Failed {
        code: "OUTPUT_INVALID".to_owned(),
        detail: format!("could not write the result: {e}"),
    })?;
    serde_json::from_value(value).map_err(|e| MedbillError::Failed {
        code: "OUTPUT_INVALID".to_owned(),
        // A mirror out of step with the core: a bug of these bindings, never of the caller.
        detail: format!("the result does not fit its mirrored type: {e}"),
    })
}

/// The core value a mirror stands for, decoded and checked as JSON input is.
pub(crate) fn core<M: Serialize, C: DeserializeOwned>(mirror: &M) -> Result<C, MedbillError> {
    let text = serde_json::to_string(mirror).map_err(|e| MedbillError::Failed {
        code: "INPUT_INVALID".to_owned(),
        detail: format!("could not read the value: {e}"),
    })?;
    medbill::from_json(&text).map_err(|e| MedbillError::from_core(&e))
}

/// A core value decoded from JSON text a caller passed, through the core's decoder.
pub(crate) fn decode<T: DeserializeOwned>(json: &str) -> Result<T, MedbillError> {
    medbill::from_json(json).map_err(|e| MedbillError::from_core(&e))
}
