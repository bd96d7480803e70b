//! Decoding JSON-shaped input (JSON text, or a host's objects in a binding) into core types,
//! with errors that name the field by JSON pointer and say what was expected — never the
//! value found, whatever the type (RULES of the house: no patient data in any error).
//!
//! Input is first read as it came into a [`tree::Tree`] (object keys in order, repeated keys
//! kept), then decoded by medbill's own deserializer, whose messages describe a value by its
//! kind only ("expected a string, found a whole number"). serde's default messages quote
//! the input (`invalid type: string "Jane Doe"`); these never reach a caller.

mod de;
pub(crate) mod tagged;
mod tree;

use serde::Deserializer;
use serde::de::DeserializeOwned;

pub(crate) use tagged::internally_tagged;

use tree::Tree;

/// Input that does not have the documented shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid input at {}: {message}", if path.is_empty() { "the top level" } else { path.as_str() })]
pub struct DecodeError {
    /// JSON pointer to the offending field (`""` for the whole document).
    pub path: String,
    /// What was wrong: what was expected and what kind of value was found, never the value.
    pub message: String,
}

/// Deserializes `T` from any self-describing serde deserializer (a binding's host value).
///
/// Anything the deserializer cannot present as JSON-shaped data (a JavaScript function,
/// symbol or `Set`) is refused without describing it further.
pub fn decode<'de, T, D>(deserializer: D) -> Result<T, DecodeError>
where
    T: DeserializeOwned,
    D: Deserializer<'de>,
{
    let tree = Tree::read(deserializer).map_err(|error| DecodeError {
        path: String::new(),
        message: own_message(&error.to_string()).unwrap_or_else(|| {
            "the value is not JSON-shaped data (only null, booleans, numbers, strings, arrays \
             and plain objects are read)"
                .to_owned()
        }),
    })?;
    decode_tree(&tree)
}

/// Deserializes `T` from JSON text. A leading UTF-8 byte-order mark is allowed.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let tree = Tree::read(&mut deserializer)
        .and_then(|tree| deserializer.end().map(|()| tree))
        .map_err(|error| DecodeError {
            path: String::new(),
            message: json_syntax_message(&error),
        })?;
    decode_tree(&tree)
}

/// Deserializes `T` from JSON bytes: UTF-8, with or without a byte-order mark.
pub fn from_json_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|error| DecodeError {
        path: String::new(),
        message: format!(
            "not UTF-8 text: byte {} does not start a UTF-8 character",
            error.valid_up_to().saturating_add(1)
        ),
    })?;
    from_json(text)
}

fn decode_tree<T: DeserializeOwned>(tree: &Tree) -> Result<T, DecodeError> {
    de::read_value(std::marker::PhantomData::<T>, tree).map_err(|failure| DecodeError {
        path: failure.pointer(),
        message: failure.message().to_owned(),
    })
}

/// The reader's own messages (depth, keys, numbers), recognised in a foreign error's text.
fn own_message(text: &str) -> Option<String> {
    [tree::TOO_DEEP, tree::KEY_NOT_TEXT]
        .into_iter()
        .find(|own| text.contains(own))
        .map(str::to_owned)
}

/// serde_json's syntax errors name a line and column and never quote the input; data errors
/// here can only be the tree reader's own.
fn json_syntax_message(error: &serde_json::Error) -> String {
    match error.classify() {
        serde_json::error::Category::Data => {
            let own = own_message(&error.to_string())
                .unwrap_or_else(|| "the value is not JSON-shaped data".to_owned());
            format!("{own} (line {} column {})", error.line(), error.column())
        }
        _ => format!("not valid JSON: {error}"),
    }
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

/// Deserializes a value written as a string and parsed with `FromStr`; `what` describes it
/// for the error when something other than a string is given ("an amount as a decimal
/// string, e.g. \"125.00\"").
pub(crate) fn parse_text<'de, D, T>(deserializer: D, what: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    deserializer.deserialize_str(TextVisitor {
        what,
        parsed: std::marker::PhantomData,
    })
}

struct TextVisitor<T> {
    what: &'static str,
    parsed: std::marker::PhantomData<T>,
}

impl<T> serde::de::Visitor<'_> for TextVisitor<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.what)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

#[cfg(test)]
mod tests;
