//! National Drug Codes and their 11-digit billing form (RULES.md §12).

use std::fmt;

use arrayvec::ArrayString;

use super::{CodeError, CodeKind, CodeRule, first_bad, string_code};

/// A National Drug Code in its 11-digit billing form (5-4-2, no hyphens).
///
/// Parsed from 4-4-2, 5-3-2, 5-4-1 or 5-4-2 hyphenated forms, or from 11 digits. Ten digits
/// without hyphens are refused: which segment to pad cannot be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ndc(ArrayString<11>);

impl Ndc {
    /// Parses and normalizes an NDC to 11 digits.
    pub fn parse(value: &str) -> Result<Ndc, CodeError> {
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Ndc,
            rule,
        };
        if value.is_empty() {
            return Err(invalid(CodeRule::Empty));
        }
        if let Some(position) = first_bad(value, |b| b.is_ascii_digit() || b == b'-') {
            return Err(invalid(CodeRule::Character {
                position,
                expected: "a digit or hyphen",
            }));
        }
        let segments: Vec<&str> = value.split('-').collect();
        let (labeler, product, package) = match segments.as_slice() {
            [all] => match all.len() {
                11 => (all.get(..5), all.get(5..9), all.get(9..)),
                10 => return Err(invalid(CodeRule::NdcAmbiguous)),
                found => {
                    return Err(invalid(CodeRule::Length {
                        expected: "11 digits, or a hyphenated 10-digit form",
                        found,
                    }));
                }
            },
            [a, b, c] => match (a.len(), b.len(), c.len()) {
                (4 | 5, 4, 2) | (5, 3, 2) | (5, 4, 1) => (Some(*a), Some(*b), Some(*c)),
                _ => return Err(invalid(CodeRule::NdcSegments)),
            },
            _ => return Err(invalid(CodeRule::NdcSegments)),
        };
        let mut digits = ArrayString::<11>::new();
        for (segment, width) in [(labeler, 5), (product, 4), (package, 2)] {
            let segment = segment.ok_or(invalid(CodeRule::NdcSegments))?;
            for _ in segment.len()..width {
                digits
                    .try_push('0')
                    .map_err(|_| invalid(CodeRule::NdcSegments))?;
            }
            digits
                .try_push_str(segment)
                .map_err(|_| invalid(CodeRule::NdcSegments))?;
        }
        Ok(Ndc(digits))
    }

    /// The 11 digits, as 837 LIN*N4 carries them.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The 5-4-2 hyphenated form, for people.
    pub fn hyphenated(&self) -> String {
        let s = self.as_str();
        format!(
            "{}-{}-{}",
            s.get(..5).unwrap_or_default(),
            s.get(5..9).unwrap_or_default(),
            s.get(9..).unwrap_or_default()
        )
    }
}

impl fmt::Display for Ndc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Ndc,
    "^([0-9]{11}|[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2})$",
    "National Drug Code: 11 digits, or hyphenated 4-4-2, 5-3-2, 5-4-1 or 5-4-2."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(value: &str) -> Result<String, CodeError> {
        Ndc::parse(value).map(|n| n.to_string())
    }

    #[test]
    fn pads_each_ten_digit_form() {
        assert_eq!(norm("0002-7597-01").as_deref(), Ok("00002759701"));
        assert_eq!(norm("50242-040-62").as_deref(), Ok("50242004062"));
        assert_eq!(norm("60575-4112-1").as_deref(), Ok("60575411201"));
        assert_eq!(norm("60575-4112-01").as_deref(), Ok("60575411201"));
        assert_eq!(norm("60575411201").as_deref(), Ok("60575411201"));
        assert_eq!(
            Ndc::parse("00002759701").map(|n| n.hyphenated()).as_deref(),
            Ok("00002-7597-01")
        );
    }

    #[test]
    fn refuses_ambiguous_and_malformed() {
        let rule = |v| match Ndc::parse(v) {
            Err(CodeError::Invalid { rule, .. }) => Some(rule),
            _ => None,
        };
        assert_eq!(rule("0002759701"), Some(CodeRule::NdcAmbiguous));
        assert_eq!(rule("002-7597-01"), Some(CodeRule::NdcSegments));
        assert_eq!(rule("0002-75970-1"), Some(CodeRule::NdcSegments));
        assert_eq!(rule("0002--01"), Some(CodeRule::NdcSegments));
        assert!(matches!(rule("12345"), Some(CodeRule::Length { .. })));
        assert!(matches!(
            rule("0002 7597 01"),
            Some(CodeRule::Character { position: 5, .. })
        ));
    }
}
