//! The decoder: a serde [`Deserializer`] over a [`Tree`] whose errors carry the JSON pointer
//! of the failing value and describe what was found by its kind only — never by its value,
//! whatever type asks (serde's own messages quote the input: `invalid type: string
//! "Jane Doe"`; these never do).

use std::fmt;

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};

use super::tree::{INEXACT_NUMBER, Tree};

/// A decoding failure inside the decoder: the path from the value that failed up to where the
/// failure has travelled so far (innermost first), and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    /// Path segments, innermost first (reversed once, when the failure leaves the decoder).
    path: Vec<Segment>,
    message: String,
    /// The message came from a type's own `custom` text, which the decoder did not write: it
    /// is screened for the input's text before it leaves (see [`Failure::screened`]).
    from_custom: bool,
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Failure {
    /// A failure with the decoder's own words (no input in them).
    fn new(message: impl Into<String>) -> Failure {
        Failure {
            path: Vec::new(),
            message: message.into(),
            from_custom: false,
        }
    }

    // The failure paths below are cold and kept out of line: the decoder is instantiated for
    // every type of every JSON form, and inlining them into each instantiation made them a
    // large part of the WebAssembly modules (see the embedding issue's size notes).

    /// The failure seen from one level up: under `key` of an object.
    #[cold]
    #[inline(never)]
    fn under_key(mut self, key: &str) -> Failure {
        self.path.push(Segment::Key(key.to_owned()));
        self
    }

    /// The failure seen from one level up: at `index` of an array.
    #[cold]
    #[inline(never)]
    fn at_index(mut self, index: usize) -> Failure {
        self.path.push(Segment::Index(index));
        self
    }

    /// Replaces the message (keeping the path).
    fn reworded(mut self, message: impl Into<String>) -> Failure {
        self.message = message.into();
        self.from_custom = false;
        self
    }

    /// A type's own message that quotes the text it failed on loses the quote: a safety net
    /// under every type's `Deserialize`, whoever wrote it.
    #[cold]
    #[inline(never)]
    fn screened(mut self, input: &str) -> Failure {
        if self.from_custom && input.chars().count() >= 3 && self.message.contains(input) {
            self.message = self.message.replace(input, "[input withheld]");
        }
        self
    }

    /// The JSON pointer of the failing value.
    pub(crate) fn pointer(&self) -> String {
        let mut pointer = String::new();
        for segment in self.path.iter().rev() {
            pointer.push('/');
            match segment {
                Segment::Key(key) => pointer.push_str(&key.replace('~', "~0").replace('/', "~1")),
                Segment::Index(index) => pointer.push_str(&index.to_string()),
            }
        }
        pointer
    }

    /// What went wrong.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at {}: {}", self.pointer(), self.message)
        }
    }
}

impl std::error::Error for Failure {}

/// What kind of value was found, without the value.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "a whole number",
        Unexpected::Float(_) => "a number with a fraction",
        Unexpected::Char(_) => "a character",
        Unexpected::Str(_) => "a string",
        Unexpected::Bytes(_) => "bytes",
        Unexpected::Unit => "null",
        Unexpected::Option => "an optional value",
        Unexpected::NewtypeStruct => "a wrapped value",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        Unexpected::Enum
        | Unexpected::UnitVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant
        | Unexpected::StructVariant => "an enum variant",
        Unexpected::Other(other) if *other == INEXACT_NUMBER => INEXACT_NUMBER,
        Unexpected::Other(_) => "another kind of value",
    }
}

impl de::Error for Failure {
    fn custom<T: fmt::Display>(message: T) -> Failure {
        Failure {
            path: Vec::new(),
            message: message.to_string(),
            from_custom: true,
        }
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Failure {
        let found = kind(&unexpected);
        // A whole document of the wrong shape, e.g. a list of claims where one is expected.
        let hint = match unexpected {
            Unexpected::Seq if expected.to_string().starts_with("struct ") => {
                " (one object is expected here, not a list)"
            }
            _ => "",
        };
        Failure::new(format!("expected {expected}, found {found}{hint}"))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Failure {
        Failure::new(format!(
            "{} that is not valid here: expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_length(length: usize, expected: &dyn Expected) -> Failure {
        Failure::new(format!("expected {expected}, found {length} elements"))
    }

    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Failure {
        Failure::new(format!("unknown value: expected {}", one_of(expected)))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Failure {
        Failure::new(format!(
            "unknown field `{field}`: expected {}",
            one_of(expected)
        ))
    }

    fn missing_field(field: &'static str) -> Failure {
        Failure::new(format!("missing field `{field}`"))
    }

    fn duplicate_field(field: &'static str) -> Failure {
        Failure::new(format!("field `{field}` is given more than once"))
    }
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing here".to_owned(),
        [only] => format!("`{only}`"),
        _ => format!(
            "one of {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// What the decoder says when a date does not parse, whatever the date's own error says.
const DATE_EXPECTED: &str = "expected a date as YYYY-MM-DD (a real calendar date)";

/// The decoder over one value of a tree.
#[derive(Clone, Copy)]
pub(crate) struct TreeDeserializer<'a> {
    node: &'a Tree,
}

impl<'a> TreeDeserializer<'a> {
    pub(crate) fn new(node: &'a Tree) -> TreeDeserializer<'a> {
        TreeDeserializer { node }
    }

    /// Found this node, expected what the visitor wants (any visitor is an `Expected`; taking
    /// it as `dyn` keeps one copy of this for every type instead of one per type).
    #[cold]
    #[inline(never)]
    fn wrong_type(&self, visitor: &dyn Expected) -> Failure {
        let found = match self.node {
            Tree::Null => Unexpected::Unit,
            Tree::Bool(_) => Unexpected::Bool(false),
            Tree::Unsigned(_) => Unexpected::Unsigned(0),
            Tree::Signed(_) => Unexpected::Signed(0),
            Tree::InexactNumber => Unexpected::Other(INEXACT_NUMBER),
            Tree::Text(_) => Unexpected::Str(""),
            Tree::List(_) => Unexpected::Seq,
            Tree::Object(_) => Unexpected::Map,
        };
        de::Error::invalid_type(found, visitor)
    }
}

/// Reads one value with `seed`; a failure on a string value never quotes it, whichever code
/// wrote the message.
pub(crate) fn read_value<'a, S: DeserializeSeed<'a>>(
    seed: S,
    node: &'a Tree,
) -> Result<S::Value, Failure> {
    seed.deserialize(TreeDeserializer::new(node))
        .map_err(|failure| match node {
            Tree::Text(text) => failure.screened(text),
            _ => failure,
        })
}

/// True when `V` builds a calendar date: its failures get the date's expected format.
fn builds_date<T>() -> bool {
    std::any::type_name::<T>() == std::any::type_name::<NaiveDate>()
}

impl<'a> Deserializer<'a> for TreeDeserializer<'a> {
    type Error = Failure;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Failure> {
        let result = match self.node {
            Tree::Null => visitor.visit_unit(),
            Tree::Bool(value) => visitor.visit_bool(*value),
            Tree::Unsigned(value) => visitor.visit_u64(*value),
            Tree::Signed(value) => visitor.visit_i64(*value),
            Tree::InexactNumber => Err(self.wrong_type(&visitor)),
            Tree::Text(text) => visitor
                .visit_borrowed_str(text)
                .map_err(|failure: Failure| failure.screened(text)),
            Tree::List(items) => visit_list(items, visitor),
            Tree::Object(entries) => visitor.visit_map(Entries::new(entries, None)),
        };
        result.map_err(|failure| {
            if builds_date::<V::Value>() && failure.path.is_empty() {
                failure.reworded(DATE_EXPECTED)
            } else {
                failure
            }
        })
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Failure> {
        match self.node {
            Tree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Failure> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Failure> {
        match self.node {
            // Entries are read in the order the type lists its fields: a tag before the
            // content it selects (adjacently and internally tagged enums), whatever order the
            // input had, so the content is read in place and its errors keep their path.
            Tree::Object(entries) => visitor.visit_map(Entries::new(entries, Some(fields))),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Failure> {
        match self.node {
            Tree::Object(entries) => visitor.visit_map(Entries::new(entries, None)),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Failure> {
        match self.node {
            Tree::List(items) => visit_list(items, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _: usize, visitor: V) -> Result<V::Value, Failure> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Failure> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Failure> {
        match self.node {
            // A unit variant: `"female"`.
            Tree::Text(name) => visitor.visit_enum(Variant { name, value: None }),
            // A variant with content: `{"professional": {…}}`.
            Tree::Object(entries) => match entries.as_slice() {
                [(name, value)] => visitor.visit_enum(Variant {
                    name,
                    value: Some(value),
                }),
                _ => Err(Failure::new(format!(
                    "expected {}: an object with exactly one key naming the variant, found {} keys",
                    &visitor as &dyn Expected,
                    entries.len()
                ))),
            },
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Failure> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct identifier
    }
}

fn visit_list<'a, V: Visitor<'a>>(items: &'a [Tree], visitor: V) -> Result<V::Value, Failure> {
    let mut access = Items {
        items: items.iter().enumerate(),
        count: items.len(),
    };
    let value = visitor.visit_seq(&mut access)?;
    // A visitor that stops early (a fixed-length tuple) leaves items unread.
    if access.items.len() > 0 {
        return Err(Failure::new(format!(
            "expected {} elements, found {}",
            access.count.saturating_sub(access.items.len()),
            access.count
        )));
    }
    Ok(value)
}

/// The items of an array.
struct Items<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Tree>>,
    count: usize,
}

impl<'a> SeqAccess<'a> for Items<'a> {
    type Error = Failure;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Failure> {
        match self.items.next() {
            Some((index, item)) => read_value(seed, item)
                .map(Some)
                .map_err(|failure| failure.at_index(index)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object, in the given order or in the order of a struct's fields.
struct Entries<'a> {
    entries: &'a [(CompactString, Tree)],
    /// Indexes into `entries` in reading order.
    order: Vec<usize>,
    next: usize,
    /// The entry whose key was read last.
    current: Option<&'a (CompactString, Tree)>,
}

impl<'a> Entries<'a> {
    fn new(entries: &'a [(CompactString, Tree)], fields: Option<&[&str]>) -> Entries<'a> {
        let mut order: Vec<usize> = (0..entries.len()).collect();
        if let Some(fields) = fields {
            // A stable sort by field rank; keys that are not fields keep their places after.
            // Each key is ranked once, and input already in field order (what medbill itself
            // writes) is not sorted at all.
            let ranks: Vec<usize> = entries
                .iter()
                .map(|(key, _)| {
                    fields
                        .iter()
                        .position(|f| *f == key.as_str())
                        .unwrap_or(usize::MAX)
                })
                .collect();
            if !ranks.is_sorted() {
                order.sort_by_key(|&i| ranks.get(i).copied().unwrap_or(usize::MAX));
            }
        }
        Entries {
            entries,
            order,
            next: 0,
            current: None,
        }
    }
}

impl<'a> MapAccess<'a> for Entries<'a> {
    type Error = Failure;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Failure> {
        let Some(entry) = self.order.get(self.next).and_then(|&i| self.entries.get(i)) else {
            return Ok(None);
        };
        self.next = self.next.saturating_add(1);
        self.current = Some(entry);
        // An unknown field is reported at its own path.
        seed.deserialize(Key(&entry.0))
            .map(Some)
            .map_err(|failure| failure.under_key(&entry.0))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Failure> {
        let (key, value) = self
            .current
            .take()
            .ok_or_else(|| Failure::new("a value was read before its key"))?;
        read_value(seed, value).map_err(|failure| failure.under_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.order.len().saturating_sub(self.next))
    }
}

/// An object key, read as a field or variant name.
struct Key<'a>(&'a str);

impl<'a> Deserializer<'a> for Key<'a> {
    type Error = Failure;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Failure> {
        visitor.visit_borrowed_str(self.0)
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// An externally tagged enum's variant: its name, and its content when it has one.
struct Variant<'a> {
    name: &'a str,
    value: Option<&'a Tree>,
}

impl<'a> EnumAccess<'a> for Variant<'a> {
    type Error = Failure;
    type Variant = Variant<'a>;

    fn variant_seed<S: DeserializeSeed<'a>>(self, seed: S) -> Result<(S::Value, Self), Failure> {
        let name = seed.deserialize(Key(self.name))?;
        Ok((name, self))
    }
}

impl<'a> Variant<'a> {
    /// The variant's content, which a variant with data must have.
    fn content(&self) -> Result<TreeDeserializer<'a>, Failure> {
        self.value.map(TreeDeserializer::new).ok_or_else(|| {
            Failure::new(format!(
                "variant `{}` needs content: write it as {{\"{}\": …}}",
                self.name, self.name
            ))
        })
    }
}

impl<'a> VariantAccess<'a> for Variant<'a> {
    type Error = Failure;

    fn unit_variant(self) -> Result<(), Failure> {
        match self.value {
            None | Some(Tree::Null) => Ok(()),
            Some(_) => Err(Failure::new(format!(
                "variant `{}` takes no content: write it as \"{}\"",
                self.name, self.name
            ))
            .under_key(self.name)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, Failure> {
        let content = self.content()?;
        read_value(seed, content.node).map_err(|failure| failure.under_key(self.name))
    }

    fn tuple_variant<V: Visitor<'a>>(self, _: usize, visitor: V) -> Result<V::Value, Failure> {
        self.content()?
            .deserialize_seq(visitor)
            .map_err(|failure| failure.under_key(self.name))
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Failure> {
        self.content()?
            .deserialize_struct("", fields, visitor)
            .map_err(|failure| failure.under_key(self.name))
    }
}

impl<'a> IntoDeserializer<'a, Failure> for TreeDeserializer<'a> {
    type Deserializer = TreeDeserializer<'a>;

    fn into_deserializer(self) -> TreeDeserializer<'a> {
        self
    }
}
