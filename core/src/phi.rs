//! [`Phi`]: protected health information that never reaches a log or an error message.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value that identifies a patient (name, member id, birth date, address).
///
/// It serializes as the value itself — the data has to travel — but `Debug` and `Display`
/// print `[redacted]`, and a value that fails to deserialize is reported without its text.
#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Phi<T>(T);

impl<T> Phi<T> {
    /// Wraps a protected value.
    pub fn new(value: T) -> Phi<T> {
        Phi(value)
    }

    /// The protected value, for code that must use it (writing a claim, printing a statement).
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the protected value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Phi<T> {
    fn from(value: T) -> Phi<T> {
        Phi(value)
    }
}

impl<T> fmt::Debug for Phi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<T> fmt::Display for Phi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<T: Serialize> Serialize for Phi<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Decoding errors pass through unchanged: medbill's decoder ([`crate::input`]) never quotes
/// input, so "missing field `last`" can say which field is missing. (A caller that decodes
/// medbill types with another deserializer gets that deserializer's messages.)
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Phi<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Phi<T>, D::Error> {
        T::deserialize(deserializer).map(Phi)
    }
}

impl<T: JsonSchema> JsonSchema for Phi<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_its_contents() {
        let name = Phi::new("Jane Q Patient".to_owned());
        assert_eq!(format!("{name:?} {name}"), "[redacted] [redacted]");
        assert_eq!(
            serde_json::to_string(&name).ok().as_deref(),
            Some("\"Jane Q Patient\"")
        );
    }

    #[test]
    fn decoding_errors_name_the_field_not_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code, reason = "decoded only")]
        struct Name {
            last: String,
            first: String,
        }
        let missing = crate::input::from_json::<Phi<Name>>(r#"{"first":"Jane"}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(missing.contains("missing field `last`"), "{missing}");
        let wrong = crate::input::from_json::<Phi<u32>>("\"Jane Q Patient\"")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(wrong.contains("found a string"), "{wrong}");
        assert!(!wrong.contains("Jane"), "{wrong}");
    }
}
