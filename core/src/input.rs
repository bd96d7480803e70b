//! Decoding JSON-shaped input (from JSON text, or from a host's objects in a binding) into
//! core types, with errors that name the field by JSON pointer.

use serde::Deserializer;
use serde::de::{Deserialize, DeserializeOwned};

/// Input that does not have the documented shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid input at {}: {message}", if path.is_empty() { "the top level" } else { path.as_str() })]
pub struct DecodeError {
    /// JSON pointer to the offending field (`""` for the whole document).
    pub path: String,
    /// What was wrong. Protected fields ([`crate::Phi`]) never show their value here.
    pub message: String,
}

/// Deserializes `T` from any serde deserializer, tracking the path of a failure.
pub fn decode<'de, T, D>(deserializer: D) -> Result<T, DecodeError>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = json_pointer(error.path());
        DecodeError {
            path,
            message: error.into_inner().to_string(),
        }
    })
}

/// Deserializes `T` from JSON text.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = decode(&mut deserializer)?;
    deserializer.end().map_err(|e| DecodeError {
        path: String::new(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// A value that could not be written as JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("could not write JSON: {message}")]
pub struct EncodeError {
    /// What went wrong.
    pub message: String,
}

/// Serializes a value as compact JSON text.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, EncodeError> {
    serde_json::to_string(value).map_err(|e| EncodeError {
        message: e.to_string(),
    })
}

fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        pointer.push('/');
        match segment {
            Segment::Seq { index } => pointer.push_str(&index.to_string()),
            Segment::Map { key } => pointer.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => pointer.push_str(variant),
            Segment::Unknown => pointer.push('?'),
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "fields exist only to be decoded")]
    struct Line {
        charge: Money,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "fields exist only to be decoded")]
    struct Doc {
        lines: Vec<Line>,
    }

    #[test]
    fn names_the_field_by_json_pointer() {
        let err = from_json::<Doc>(r#"{"lines":[{"charge":"1.00"},{"charge":"x"}]}"#).err();
        let err = err.unwrap_or_else(|| unreachable!("must fail"));
        assert_eq!(err.path, "/lines/1/charge");
        assert!(
            err.message.contains("not a decimal amount"),
            "{}",
            err.message
        );
        assert!(from_json::<Doc>(r#"{"lines":[]} x"#).is_err());
    }
}
