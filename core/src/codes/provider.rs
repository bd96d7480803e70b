//! Provider identifiers: [`Npi`] and NUCC [`Taxonomy`] codes.

use std::fmt;

use arrayvec::ArrayString;

use super::{CodeError, CodeKind, CodeRule, alphanumeric_upper, first_bad, string_code};

/// A National Provider Identifier: ten digits, first 1 or 2, Luhn check digit computed as if
/// prefixed by 80840 (RULES.md §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Npi(ArrayString<10>);

impl Npi {
    /// Parses and checks an NPI.
    pub fn parse(value: &str) -> Result<Npi, CodeError> {
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Npi,
            rule,
        };
        if value.is_empty() {
            return Err(invalid(CodeRule::Empty));
        }
        if let Some(position) = first_bad(value, |b| b.is_ascii_digit()) {
            return Err(invalid(CodeRule::Character {
                position,
                expected: "a digit",
            }));
        }
        if value.len() != 10 {
            return Err(invalid(CodeRule::Length {
                expected: "10",
                found: value.len(),
            }));
        }
        let digits: Vec<u32> = value
            .bytes()
            .map(|b| u32::from(b.saturating_sub(b'0')))
            .collect();
        if !matches!(digits.first(), Some(1 | 2)) {
            return Err(invalid(CodeRule::NpiFirstDigit));
        }
        if Some(&npi_check_digit(digits.get(..9).unwrap_or_default())) != digits.get(9) {
            return Err(invalid(CodeRule::NpiCheckDigit));
        }
        ArrayString::from(value).map(Npi).map_err(|_| {
            invalid(CodeRule::Length {
                expected: "10",
                found: value.len(),
            })
        })
    }

    /// The ten digits.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// Luhn check digit of the first nine NPI digits with the 80840 prefix (constant 24).
fn npi_check_digit(first_nine: &[u32]) -> u32 {
    let sum: u32 = first_nine
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let doubled = d.saturating_mul(2);
                (doubled / 10).saturating_add(doubled % 10)
            } else {
                d
            }
        })
        .fold(24, u32::saturating_add);
    10u32.saturating_sub(sum % 10) % 10
}

impl fmt::Display for Npi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Npi,
    "^[12][0-9]{9}$",
    "National Provider Identifier (10 digits, Luhn check digit)."
);

/// A NUCC health-care provider taxonomy code: ten letters or digits ending in X.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Taxonomy(ArrayString<10>);

impl Taxonomy {
    /// Parses a taxonomy code (letters in either case).
    pub fn parse(value: &str) -> Result<Taxonomy, CodeError> {
        let code = alphanumeric_upper::<10>(CodeKind::Taxonomy, value, "10", |n| n == 10)?;
        if !code.ends_with('X') {
            return Err(CodeError::Invalid {
                kind: CodeKind::Taxonomy,
                rule: CodeRule::TaxonomyEnding,
            });
        }
        Ok(Taxonomy(code))
    }

    /// The ten characters.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Taxonomy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Taxonomy,
    "^[0-9A-Za-z]{9}[Xx]$",
    "NUCC taxonomy code (10 characters ending in X)."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(value: &str) -> Option<CodeRule> {
        match Npi::parse(value) {
            Err(CodeError::Invalid { rule, .. }) => Some(rule),
            _ => None,
        }
    }

    #[test]
    fn npi_check_digit_uses_80840_prefix() {
        assert!(Npi::parse("1234567893").is_ok());
        assert!(Npi::parse("1558598797").is_ok());
        assert_eq!(rule("1234567890"), Some(CodeRule::NpiCheckDigit));
        assert_eq!(rule("3234567893"), Some(CodeRule::NpiFirstDigit));
        assert_eq!(
            rule("123456789"),
            Some(CodeRule::Length {
                expected: "10",
                found: 9
            })
        );
        assert_eq!(
            rule("12345678a3"),
            Some(CodeRule::Character {
                position: 9,
                expected: "a digit"
            })
        );
        assert_eq!(rule(""), Some(CodeRule::Empty));
    }

    #[test]
    fn taxonomy_ends_in_x() {
        assert_eq!(
            Taxonomy::parse("207q00000x").map(|t| t.to_string()),
            Ok("207Q00000X".to_owned())
        );
        assert!(Taxonomy::parse("207Q000001").is_err());
        assert!(Taxonomy::parse("207Q0000X").is_err());
    }
}
