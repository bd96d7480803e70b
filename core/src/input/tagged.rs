//! Reading internally tagged enums (`{"kind": "flat", "fees": […]}`) without serde's
//! buffering, so an error inside the content keeps its exact path
//! (`/schedule/fees/0/amount`, not `/schedule`) and unknown fields are refused.
//!
//! Each such enum keeps `#[serde(tag = "…")]` for writing and for its JSON Schema, and reads
//! through a private twin with the same variants in serde's default (externally tagged)
//! form:
//!
//! ```ignore
//! impl<'de> Deserialize<'de> for FeeSchedule {
//!     fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
//!         crate::input::internally_tagged::<_, FeeScheduleTwin>(d, &["kind"]).map(Into::into)
//!     }
//! }
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess,
    VariantAccess, Visitor,
};

use super::de::TreeDeserializer;
use super::tree::Tree;

/// The struct name the reader asks for: medbill's decoder reads the fields it is given
/// first, so the tag comes before the content whatever the input's key order.
const TAGGED: &str = "internally tagged enum";

/// Reads `T` — an externally tagged twin of an internally tagged enum — from an object whose
/// field `tag` (e.g. `&["kind"]`) names the variant and whose other fields are the variant's
/// content.
pub(crate) fn internally_tagged<'de, D, T>(
    deserializer: D,
    tag: &'static [&'static str; 1],
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    deserializer.deserialize_struct(
        TAGGED,
        tag,
        TaggedVisitor {
            tag,
            twin: PhantomData,
        },
    )
}

struct TaggedVisitor<T> {
    tag: &'static [&'static str; 1],
    twin: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [tag] = *self.tag;
        write!(formatter, "an object with a `{tag}` field")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<T, M::Error> {
        let [tag] = *self.tag;
        let Some(first) = map.next_key::<compact_str::CompactString>()? else {
            return Err(de::Error::missing_field(tag));
        };
        if first == tag {
            let name: String = map.next_value()?;
            return T::deserialize(serde::de::value::EnumAccessDeserializer::new(Tagged {
                name,
                rest: map,
            }));
        }
        // Another reader gave the tag later: hold the object, then read it tag first.
        let mut entries = vec![(first, map.next_value_seed(TreeValue)?)];
        while let Some(key) = map.next_key::<compact_str::CompactString>()? {
            entries.push((key, map.next_value_seed(TreeValue)?));
        }
        if !entries.iter().any(|(key, _)| key == tag) {
            return Err(de::Error::missing_field(tag));
        }
        let object = Tree::Object(entries);
        internally_tagged::<_, T>(TreeDeserializer::new(&object), self.tag)
            .map_err(de::Error::custom)
    }
}

/// Reads any value as a [`Tree`].
struct TreeValue;

impl<'de> DeserializeSeed<'de> for TreeValue {
    type Value = Tree;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        Tree::read(deserializer)
    }
}

/// The variant named by the tag, with the rest of the object as its content (handed to the
/// target type through serde's `EnumAccessDeserializer`).
struct Tagged<M> {
    name: String,
    rest: M,
}

impl<'de, M: MapAccess<'de>> EnumAccess<'de> for Tagged<M> {
    type Error = M::Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), M::Error> {
        let name: StrDeserializer<'_, M::Error> = self.name.as_str().into_deserializer();
        let variant = seed.deserialize(name)?;
        Ok((variant, self))
    }
}

impl<'de, M: MapAccess<'de>> VariantAccess<'de> for Tagged<M> {
    type Error = M::Error;

    fn unit_variant(mut self) -> Result<(), M::Error> {
        match self.rest.next_key::<String>()? {
            None => Ok(()),
            Some(key) => Err(de::Error::custom(format!(
                "unknown field `{key}`: this variant takes no other fields"
            ))),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, M::Error> {
        seed.deserialize(MapAccessDeserializer::new(self.rest))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, M::Error> {
        Err(de::Error::custom(
            "a tagged variant's content is an object, not a list",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, M::Error> {
        visitor.visit_map(self.rest)
    }
}

/// Implements `Deserialize` for an internally tagged enum through a twin generated from the
/// same variant list, with conversions both ways: adding a variant to the enum and not here
/// (or the reverse) is a compile error, so the twin can never fall behind.
///
/// ```ignore
/// read_tagged! {
///     FeeSchedule via FeeScheduleTwin by "kind" {
///         struct Flat { fees: Vec<FlatFee> },
///         newtype MedicarePfs(PfsSchedule),
///         unit Standard,
///     }
/// }
/// ```
macro_rules! read_tagged {
    ($real:ident via $twin:ident by $tag:literal { $($body:tt)* }) => {
        $crate::input::tagged::read_tagged!(@twin $real $twin [] $($body)*);
        $crate::input::tagged::read_tagged!(@into $real $twin [] [] $($body)*);

        impl<'de> serde::Deserialize<'de> for $real {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$real, D::Error> {
                $crate::input::internally_tagged::<_, $twin>(d, &[$tag]).map(Into::into)
            }
        }
    };

    // The twin: the same variants in serde's default (externally tagged) form.
    (@twin $real:ident $twin:ident [$($acc:tt)*]) => {
        #[doc = concat!("[`", stringify!($real), "`] as read (see `input::internally_tagged`).")]
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        enum $twin { $($acc)* }
    };
    (@twin $real:ident $twin:ident [$($acc:tt)*] unit $v:ident, $($rest:tt)*) => {
        $crate::input::tagged::read_tagged!(@twin $real $twin [$($acc)* $v,] $($rest)*);
    };
    (@twin $real:ident $twin:ident [$($acc:tt)*] newtype $v:ident($t:ty), $($rest:tt)*) => {
        $crate::input::tagged::read_tagged!(@twin $real $twin [$($acc)* $v($t),] $($rest)*);
    };
    (@twin $real:ident $twin:ident [$($acc:tt)*]
        struct $v:ident { $($(#[$a:meta])* $f:ident: $t:ty),* $(,)? }, $($rest:tt)*) => {
        $crate::input::tagged::read_tagged!(@twin $real $twin
            [$($acc)* $v { $($(#[$a])* $f: $t),* },] $($rest)*);
    };

    // The conversions, one match arm per variant each way.
    (@into $real:ident $twin:ident [$($from:tt)*] [$($to:tt)*]) => {
        impl From<$twin> for $real {
            fn from(twin: $twin) -> $real {
                match twin { $($from)* }
            }
        }
        impl From<$real> for $twin {
            fn from(real: $real) -> $twin {
                match real { $($to)* }
            }
        }
    };
    (@into $real:ident $twin:ident [$($from:tt)*] [$($to:tt)*] unit $v:ident, $($rest:tt)*) => {
        $crate::input::tagged::read_tagged!(@into $real $twin
            [$($from)* $twin::$v => $real::$v,]
            [$($to)* $real::$v => $twin::$v,] $($rest)*);
    };
    (@into $real:ident $twin:ident [$($from:tt)*] [$($to:tt)*] newtype $v:ident($t:ty), $($rest:tt)*) => {
        $crate::input::tagged::read_tagged!(@into $real $twin
            [$($from)* $twin::$v(inner) => $real::$v(inner),]
            [$($to)* $real::$v(inner) => $twin::$v(inner),] $($rest)*);
    };
    (@into $real:ident $twin:ident [$($from:tt)*] [$($to:tt)*]
        struct $v:ident { $($(#[$a:meta])* $f:ident: $t:ty),* $(,)? }, $($rest:tt)*) => {
        $crate::input::tagged::read_tagged!(@into $real $twin
            [$($from)* $twin::$v { $($f),* } => $real::$v { $($f),* },]
            [$($to)* $real::$v { $($f),* } => $twin::$v { $($f),* },] $($rest)*);
    };
}

pub(crate) use read_tagged;
