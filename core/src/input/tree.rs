//! [`Tree`]: JSON-shaped input held as it came (object keys in order, repeated keys kept),
//! read from any self-describing format (JSON text, a JavaScript value) before medbill's own
//! decoder turns it into core types.

use std::fmt;

use compact_str::CompactString;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// How deeply arrays and objects may nest. Real medbill documents nest fewer than 15 levels;
/// the limit keeps a hostile input from exhausting the stack (serde_json stops at 128 too).
pub(crate) const MAX_DEPTH: usize = 128;

/// What the decoder says of a number it cannot hold exactly.
pub(crate) const INEXACT_NUMBER: &str = "a number that is not a whole number (amounts, rates and quantities are written as decimal strings, e.g. \"1.5\")";

/// The message of the depth limit.
pub(crate) const TOO_DEEP: &str = "arrays and objects nest more than 128 levels deep";

/// The message for an object key that is not text (a JavaScript `Map` with other keys).
pub(crate) const KEY_NOT_TEXT: &str = "an object key is not text";

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tree {
    /// `null` (or JavaScript `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number ≥ 0.
    Unsigned(u64),
    /// A whole number < 0.
    Signed(i64),
    /// A number with a fraction or outside 64 bits. Its value is not kept: no medbill field
    /// takes one (exact decimals travel as strings), so it is only ever reported, and a
    /// report never quotes input.
    InexactNumber,
    /// A string.
    Text(CompactString),
    /// An array.
    List(Vec<Tree>),
    /// An object: its entries in the order given, repeated keys included, so the decoder
    /// can refuse a repeated field instead of silently keeping one of its values.
    Object(Vec<(CompactString, Tree)>),
}

impl Tree {
    /// Reads a tree from any self-describing deserializer.
    pub(crate) fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        TreeSeed { depth: 0 }.deserialize(deserializer)
    }
}

/// Reads one value at a known depth.
struct TreeSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for TreeSeed {
    type Value = Tree;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl TreeSeed {
    /// The seed for the values one level down.
    fn inner<E: de::Error>(&self) -> Result<TreeSeed, E> {
        let depth = self.depth.saturating_add(1);
        if depth > MAX_DEPTH {
            return Err(E::custom(TOO_DEEP));
        }
        Ok(TreeSeed { depth })
    }
}

impl<'de> Visitor<'de> for TreeSeed {
    type Value = Tree;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("JSON-shaped data")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Tree, E> {
        Ok(match u64::try_from(value) {
            Ok(unsigned) => Tree::Unsigned(unsigned),
            Err(_) => Tree::Signed(value),
        })
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Tree, E> {
        Ok(Tree::Unsigned(value))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Tree, E> {
        Ok(match (u64::try_from(value), i64::try_from(value)) {
            (Ok(unsigned), _) => Tree::Unsigned(unsigned),
            (_, Ok(signed)) => Tree::Signed(signed),
            _ => Tree::InexactNumber,
        })
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Tree, E> {
        Ok(u64::try_from(value).map_or(Tree::InexactNumber, Tree::Unsigned))
    }

    // A binary fraction is accepted here only to be refused by the decoder with its path.
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Tree, E> {
        Ok(Tree::InexactNumber)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Tree, E> {
        Ok(Tree::Text(CompactString::from(value)))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Tree, E> {
        Ok(Tree::Text(CompactString::from(value)))
    }

    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        // JSON text gives no size hint: start with room for a few, as most arrays here are short.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(256));
        while let Some(item) = seq.next_element_seed(self.inner()?)? {
            items.push(item);
        }
        Ok(Tree::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8).min(256));
        while let Some(key) = map.next_key_seed(KeySeed)? {
            entries.push((key, map.next_value_seed(self.inner()?)?));
        }
        Ok(Tree::Object(entries))
    }
}

/// Reads an object key, which must be text.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = CompactString;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<CompactString, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = CompactString;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<CompactString, E> {
        Ok(CompactString::from(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<CompactString, E> {
        Ok(CompactString::from(value))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<CompactString, E> {
        Err(E::custom(KEY_NOT_TEXT))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<CompactString, E> {
        Err(E::custom(KEY_NOT_TEXT))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<CompactString, E> {
        Err(E::custom(KEY_NOT_TEXT))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<CompactString, E> {
        Err(E::custom(KEY_NOT_TEXT))
    }

    fn visit_unit<E: de::Error>(self) -> Result<CompactString, E> {
        Err(E::custom(KEY_NOT_TEXT))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<CompactString, A::Error> {
        Err(de::Error::custom(KEY_NOT_TEXT))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<CompactString, A::Error> {
        Err(de::Error::custom(KEY_NOT_TEXT))
    }
}
