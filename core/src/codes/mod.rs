//! Validated code and identifier newtypes (RULES.md §9–§12, §7, §4).
//!
//! Each type is parsed once, with `FromStr` or `TryFrom<&str>`, and cannot hold an invalid
//! value afterwards. All cross boundaries as strings; letters are accepted in either case
//! and normalized to upper case. An error names the rule that failed and the position,
//! never the value.

mod icd10cm;
mod icd10pcs;
mod ndc;
mod procedure;
mod provider;
mod remit;
mod service;

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use icd10cm::Icd10Cm;
pub use icd10pcs::Icd10Pcs;
pub use ndc::Ndc;
pub(crate) use procedure::code_key;
pub use procedure::{Modifier, ProcedureCode, ProcedureKind};
pub use provider::{Npi, Taxonomy};
pub use remit::{Carc, GroupCode, Rarc};
pub use service::{ClaimFrequency, PlaceOfService, RevenueCode};

/// The kinds of code medbill validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CodeKind {
    /// National Provider Identifier.
    Npi,
    /// ICD-10-CM diagnosis code.
    Icd10cm,
    /// ICD-10-PCS inpatient procedure code.
    Pcs,
    /// CPT (Category I, II, III, PLA), HCPCS Level II or CDT procedure code.
    Procedure,
    /// Procedure modifier.
    Modifier,
    /// CMS place-of-service code.
    Pos,
    /// National Drug Code.
    Ndc,
    /// NUCC health-care provider taxonomy code.
    Taxonomy,
    /// UB-04 revenue code.
    Revenue,
    /// Claim Adjustment Reason Code.
    Carc,
    /// Remittance Advice Remark Code.
    Rarc,
    /// Claim adjustment group code.
    Group,
    /// Claim frequency type code.
    Frequency,
}

impl CodeKind {
    /// Every kind, in the order the CLI lists them.
    pub const ALL: [CodeKind; 13] = [
        CodeKind::Npi,
        CodeKind::Icd10cm,
        CodeKind::Pcs,
        CodeKind::Procedure,
        CodeKind::Modifier,
        CodeKind::Pos,
        CodeKind::Ndc,
        CodeKind::Taxonomy,
        CodeKind::Revenue,
        CodeKind::Carc,
        CodeKind::Rarc,
        CodeKind::Group,
        CodeKind::Frequency,
    ];

    /// The lower-case name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            CodeKind::Npi => "npi",
            CodeKind::Icd10cm => "icd10cm",
            CodeKind::Pcs => "pcs",
            CodeKind::Procedure => "procedure",
            CodeKind::Modifier => "modifier",
            CodeKind::Pos => "pos",
            CodeKind::Ndc => "ndc",
            CodeKind::Taxonomy => "taxonomy",
            CodeKind::Revenue => "revenue",
            CodeKind::Carc => "carc",
            CodeKind::Rarc => "rarc",
            CodeKind::Group => "group",
            CodeKind::Frequency => "frequency",
        }
    }

    /// The name people use for this kind of code.
    pub fn label(self) -> &'static str {
        match self {
            CodeKind::Npi => "NPI",
            CodeKind::Icd10cm => "ICD-10-CM code",
            CodeKind::Pcs => "ICD-10-PCS code",
            CodeKind::Procedure => "procedure code",
            CodeKind::Modifier => "modifier",
            CodeKind::Pos => "place of service",
            CodeKind::Ndc => "NDC",
            CodeKind::Taxonomy => "taxonomy code",
            CodeKind::Revenue => "revenue code",
            CodeKind::Carc => "CARC",
            CodeKind::Rarc => "RARC",
            CodeKind::Group => "group code",
            CodeKind::Frequency => "claim frequency code",
        }
    }
}

impl fmt::Display for CodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CodeKind {
    type Err = CodeError;

    fn from_str(name: &str) -> Result<CodeKind, CodeError> {
        CodeKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
            .ok_or(CodeError::UnknownKind)
    }
}

/// The rule a code broke. Messages give positions (1-based), never the code itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeRule {
    /// Nothing was given.
    #[error("empty")]
    Empty,
    /// Wrong number of characters.
    #[error("must be {expected} characters, found {found}")]
    Length {
        /// The lengths allowed, in words.
        expected: &'static str,
        /// Characters found.
        found: usize,
    },
    /// A character of the wrong class.
    #[error("character {position} must be {expected}")]
    Character {
        /// 1-based position.
        position: usize,
        /// What is allowed there.
        expected: &'static str,
    },
    /// NPI: the first digit is not 1 or 2.
    #[error("first digit must be 1 or 2 [R-NPI]")]
    NpiFirstDigit,
    /// NPI: the Luhn check digit does not match.
    #[error("check digit does not match (Luhn with the 80840 prefix) [R-NPI]")]
    NpiCheckDigit,
    /// ICD-10-CM: a decimal point anywhere but after the third character.
    #[error("the decimal point must follow the third character [R-ICD]")]
    IcdDecimalPoint,
    /// CPT Category I codes start at 00100.
    #[error("numeric CPT codes start at 00100 [R-HCPCS]")]
    CptRange,
    /// NDC: hyphenated, but not in 4-4-2, 5-3-2, 5-4-1 or 5-4-2 form.
    #[error("hyphenated NDC must be 4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits [R-NDC]")]
    NdcSegments,
    /// NDC: ten digits without hyphens cannot be padded to 11 unambiguously.
    #[error(
        "10-digit NDC without hyphens is ambiguous; give the hyphenated form or 11 digits [R-NDC]"
    )]
    NdcAmbiguous,
    /// Taxonomy codes end in X.
    #[error("must end in X [R-HCPCS taxonomy]")]
    TaxonomyEnding,
    /// Revenue codes start with 0–3.
    #[error("first digit must be 0-3 [R-HCPCS revenue]")]
    RevenueFirstDigit,
    /// A numeric code written with a leading zero.
    #[error("must not start with 0")]
    LeadingZero,
    /// 4010's reversal group code CR.
    #[error("CR is not a 5010 group code; 5010 reversals negate the original codes [R-835]")]
    GroupCr,
    /// Not one of a fixed list of values.
    #[error("must be one of {allowed}")]
    NotInList {
        /// The allowed values.
        allowed: &'static str,
    },
}

/// Errors from parsing codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// The value broke a rule for its kind.
    #[error("invalid {}: {rule}", kind.label())]
    Invalid {
        /// The kind of code.
        kind: CodeKind,
        /// The rule that failed.
        rule: CodeRule,
    },
    /// The kind name is not one of [`CodeKind::ALL`].
    #[error(
        "unknown code kind; expected one of npi, icd10cm, pcs, procedure, modifier, pos, ndc, taxonomy, revenue, carc, rarc, group, frequency"
    )]
    UnknownKind,
}

/// The result of checking one value: what `medbill codes check` prints per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CodeCheck {
    /// The kind checked.
    pub kind: CodeKind,
    /// The value as given.
    pub value: String,
    /// Whether it is valid.
    pub valid: bool,
    /// The normalized form, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
    /// Why it is invalid, when invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Parses `value` as a code of `kind` and reports the normalized form or the failed rule.
pub fn check(kind: CodeKind, value: &str) -> CodeCheck {
    let parsed: Result<String, CodeError> = match kind {
        CodeKind::Npi => value.parse::<Npi>().map(|c| c.to_string()),
        CodeKind::Icd10cm => value.parse::<Icd10Cm>().map(|c| c.to_string()),
        CodeKind::Pcs => value.parse::<Icd10Pcs>().map(|c| c.to_string()),
        CodeKind::Procedure => value
            .parse::<ProcedureCode>()
            .map(|c| format!("{c} ({})", c.kind().label())),
        CodeKind::Modifier => value.parse::<Modifier>().map(|c| c.to_string()),
        CodeKind::Pos => value.parse::<PlaceOfService>().map(|c| c.to_string()),
        CodeKind::Ndc => value.parse::<Ndc>().map(|c| c.to_string()),
        CodeKind::Taxonomy => value.parse::<Taxonomy>().map(|c| c.to_string()),
        CodeKind::Revenue => value.parse::<RevenueCode>().map(|c| c.to_string()),
        CodeKind::Carc => value.parse::<Carc>().map(|c| c.to_string()),
        CodeKind::Rarc => value.parse::<Rarc>().map(|c| c.to_string()),
        CodeKind::Group => value.parse::<GroupCode>().map(|c| c.to_string()),
        CodeKind::Frequency => value
            .parse::<ClaimFrequency>()
            .map(|c| format!("{} ({})", c.code(), c.label())),
    };
    match parsed {
        Ok(normalized) => CodeCheck {
            kind,
            value: value.to_owned(),
            valid: true,
            normalized: Some(normalized),
            reason: None,
        },
        Err(error) => CodeCheck {
            kind,
            value: value.to_owned(),
            valid: false,
            normalized: None,
            reason: Some(error.to_string()),
        },
    }
}

/// A fixed-length ASCII code held as bytes: equality and ordering compare the bytes as one
/// number (the derived array comparison calls `memcmp` for odd lengths), which matters where
/// pricing and the scrubber compare codes for every line and every pair of lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AsciiCode<const N: usize>([u8; N]);

// Hashes the bytes, as the derive would: equal codes have equal bytes.
impl<const N: usize> std::hash::Hash for AsciiCode<N> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<const N: usize> PartialEq for AsciiCode<N> {
    fn eq(&self, other: &AsciiCode<N>) -> bool {
        self.key() == other.key()
    }
}

impl<const N: usize> Eq for AsciiCode<N> {}

impl<const N: usize> PartialOrd for AsciiCode<N> {
    fn partial_cmp(&self, other: &AsciiCode<N>) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<const N: usize> Ord for AsciiCode<N> {
    fn cmp(&self, other: &AsciiCode<N>) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl<const N: usize> AsciiCode<N> {
    /// The code as text. Only validated ASCII is ever stored, so the fallback never shows.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The bytes as one big-endian number: ordered as the codes are (same length), and
    /// compared in one instruction where a lookup compares many codes.
    pub(crate) fn key(&self) -> u128 {
        const { assert!(N <= 16, "a code longer than 16 bytes does not fit the key") };
        let mut bytes = [0u8; 16];
        if let Some(tail) = bytes.get_mut(16usize.saturating_sub(N)..) {
            tail.copy_from_slice(&self.0);
        }
        u128::from_be_bytes(bytes)
    }

    /// The code's bytes.
    pub(crate) fn bytes(&self) -> &[u8; N] {
        &self.0
    }
}

impl<const N: usize> TryFrom<arrayvec::ArrayString<N>> for AsciiCode<N> {
    type Error = ();

    fn try_from(text: arrayvec::ArrayString<N>) -> Result<AsciiCode<N>, ()> {
        <[u8; N]>::try_from(text.as_bytes())
            .map(AsciiCode)
            .map_err(|_| ())
    }
}

/// Upper-cases ASCII letters and checks that every character is an ASCII letter or digit.
fn alphanumeric_upper<const N: usize>(
    kind: CodeKind,
    value: &str,
    lengths: &'static str,
    allowed: impl Fn(usize) -> bool,
) -> Result<arrayvec::ArrayString<N>, CodeError> {
    let invalid = |rule| CodeError::Invalid { kind, rule };
    if value.is_empty() {
        return Err(invalid(CodeRule::Empty));
    }
    let count = value.chars().count();
    if !allowed(count) {
        return Err(invalid(CodeRule::Length {
            expected: lengths,
            found: count,
        }));
    }
    let mut out = arrayvec::ArrayString::<N>::new();
    for (index, ch) in value.chars().enumerate() {
        if !ch.is_ascii_alphanumeric() {
            return Err(invalid(CodeRule::Character {
                position: index.saturating_add(1),
                expected: "a letter or digit",
            }));
        }
        out.try_push(ch.to_ascii_uppercase()).map_err(|_| {
            invalid(CodeRule::Length {
                expected: lengths,
                found: count,
            })
        })?;
    }
    Ok(out)
}

/// The 1-based position of the first character that fails `ok`.
fn first_bad(text: &str, ok: impl Fn(u8) -> bool) -> Option<usize> {
    text.bytes()
        .position(|b| !ok(b))
        .map(|i| i.saturating_add(1))
}

/// Implements `Display`, `FromStr`, `TryFrom<&str>`, serde (as a string) and `JsonSchema`
/// for a code newtype with a `parse` constructor and an `as_str` accessor.
macro_rules! string_code {
    ($name:ident, $pattern:literal, $description:literal) => {
        impl std::str::FromStr for $name {
            type Err = $crate::codes::CodeError;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Self::parse(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::codes::CodeError;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::input::parse_text(d, concat!("a string: ", $description))
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description
                })
            }
        }
    };
}
pub(crate) use string_code;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_reports_normalized_form_or_rule() {
        let ok = check(CodeKind::Ndc, "0002-7597-01");
        assert!(ok.valid);
        assert_eq!(ok.normalized.as_deref(), Some("00002759701"));
        let bad = check(CodeKind::Npi, "1234567890");
        assert!(!bad.valid);
        let reason = bad.reason.unwrap_or_default();
        assert!(reason.contains("check digit"), "{reason}");
        assert!(
            !reason.contains("1234567890"),
            "errors must not echo the value"
        );
    }

    #[test]
    fn kinds_parse_by_name() {
        for kind in CodeKind::ALL {
            assert_eq!(kind.name().parse::<CodeKind>(), Ok(kind));
        }
        assert_eq!("zip".parse::<CodeKind>(), Err(CodeError::UnknownKind));
    }
}

#[cfg(test)]
mod ascii_code_tests {
    use super::AsciiCode;
    use proptest::prelude::*;

    proptest! {
        /// Comparing codes as numbers orders and equates them exactly as their text.
        #[test]
        fn codes_compare_as_their_text(a in "[0-9A-Z]{5}", b in "[0-9A-Z]{5}") {
            let code = |s: &str| AsciiCode::<5>(s.as_bytes().try_into().unwrap_or([0; 5]));
            prop_assert_eq!(code(&a).cmp(&code(&b)), a.as_bytes().cmp(b.as_bytes()));
            prop_assert_eq!(code(&a) == code(&b), a == b);
            let seven = |s: &str| {
                let mut bytes = [b' '; 7];
                bytes[..5].copy_from_slice(s.as_bytes());
                AsciiCode::<7>(bytes)
            };
            prop_assert_eq!(seven(&a).cmp(&seven(&b)), a.cmp(&b));
        }
    }
}
