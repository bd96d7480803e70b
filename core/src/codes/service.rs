//! Codes that describe where and how a service was billed: place of service, revenue code
//! and claim frequency (RULES.md §7, §11).

use std::fmt;

use arrayvec::ArrayString;

use super::{AsciiCode, CodeError, CodeKind, CodeRule, first_bad, string_code};

/// Checks `value` is exactly `width` ASCII digits.
fn fixed_digits(
    kind: CodeKind,
    value: &str,
    width: usize,
    words: &'static str,
) -> Result<(), CodeError> {
    let invalid = |rule| CodeError::Invalid { kind, rule };
    if value.is_empty() {
        return Err(invalid(CodeRule::Empty));
    }
    if let Some(position) = first_bad(value, |b| b.is_ascii_digit()) {
        return Err(invalid(CodeRule::Character {
            position,
            expected: "a digit",
        }));
    }
    if value.len() != width {
        return Err(invalid(CodeRule::Length {
            expected: words,
            found: value.len(),
        }));
    }
    Ok(())
}

/// A CMS place-of-service code: two digits, 01–99 (e.g. `11` office, `22` outpatient hospital).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceOfService(AsciiCode<2>);

impl PlaceOfService {
    /// Parses a two-digit place of service.
    pub fn parse(value: &str) -> Result<PlaceOfService, CodeError> {
        fixed_digits(CodeKind::Pos, value, 2, "2")?;
        if value == "00" {
            return Err(CodeError::Invalid {
                kind: CodeKind::Pos,
                rule: CodeRule::NotInList {
                    allowed: "01 to 99",
                },
            });
        }
        ArrayString::<2>::from(value)
            .ok()
            .and_then(|a| AsciiCode::try_from(a).ok())
            .map(PlaceOfService)
            .ok_or(CodeError::Invalid {
                kind: CodeKind::Pos,
                rule: CodeRule::Length {
                    expected: "2",
                    found: value.len(),
                },
            })
    }

    /// The two digits.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for PlaceOfService {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    PlaceOfService,
    "^(0[1-9]|[1-9][0-9])$",
    "CMS place-of-service code (2 digits)."
);

/// A UB-04 revenue code: four digits, the first 0–3 (e.g. `0450` emergency room).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RevenueCode(ArrayString<4>);

impl RevenueCode {
    /// Parses a four-digit revenue code.
    pub fn parse(value: &str) -> Result<RevenueCode, CodeError> {
        fixed_digits(CodeKind::Revenue, value, 4, "4 (with the leading zero)")?;
        if !matches!(value.as_bytes().first(), Some(b'0'..=b'3')) {
            return Err(CodeError::Invalid {
                kind: CodeKind::Revenue,
                rule: CodeRule::RevenueFirstDigit,
            });
        }
        ArrayString::from(value)
            .map(RevenueCode)
            .map_err(|_| CodeError::Invalid {
                kind: CodeKind::Revenue,
                rule: CodeRule::Length {
                    expected: "4",
                    found: value.len(),
                },
            })
    }

    /// The four digits.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for RevenueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    RevenueCode,
    "^[0-3][0-9]{3}$",
    "UB-04 revenue code (4 digits, first 0-3)."
);

/// Claim frequency type code: CLM05-3 in the 837, the last digit of the UB-04 type of bill,
/// CMS-1500 box 22 (RULES.md §7). 7 is a replacement, 8 a void — never the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimFrequency {
    /// 0: non-payment / zero claim (institutional).
    NonPayment,
    /// 1: original claim (admit through discharge, institutionally).
    Original,
    /// 2: interim, first claim (institutional).
    InterimFirst,
    /// 3: interim, continuing claim (institutional).
    InterimContinuing,
    /// 4: interim, last claim (institutional).
    InterimLast,
    /// 5: late charges only (institutional).
    LateCharges,
    /// 7: replacement of a prior claim.
    Replacement,
    /// 8: void / cancel of a prior claim.
    Void,
}

impl ClaimFrequency {
    const ALLOWED: &'static str = "0, 1, 2, 3, 4, 5, 7 or 8";

    /// Parses the one-character code.
    pub fn parse(value: &str) -> Result<ClaimFrequency, CodeError> {
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Frequency,
            rule,
        };
        Ok(match value {
            "" => return Err(invalid(CodeRule::Empty)),
            "0" => ClaimFrequency::NonPayment,
            "1" => ClaimFrequency::Original,
            "2" => ClaimFrequency::InterimFirst,
            "3" => ClaimFrequency::InterimContinuing,
            "4" => ClaimFrequency::InterimLast,
            "5" => ClaimFrequency::LateCharges,
            "7" => ClaimFrequency::Replacement,
            "8" => ClaimFrequency::Void,
            _ => {
                return Err(invalid(CodeRule::NotInList {
                    allowed: Self::ALLOWED,
                }));
            }
        })
    }

    /// The one-character code.
    pub fn code(self) -> &'static str {
        match self {
            ClaimFrequency::NonPayment => "0",
            ClaimFrequency::Original => "1",
            ClaimFrequency::InterimFirst => "2",
            ClaimFrequency::InterimContinuing => "3",
            ClaimFrequency::InterimLast => "4",
            ClaimFrequency::LateCharges => "5",
            ClaimFrequency::Replacement => "7",
            ClaimFrequency::Void => "8",
        }
    }

    /// A readable name.
    pub fn label(self) -> &'static str {
        match self {
            ClaimFrequency::NonPayment => "non-payment/zero claim",
            ClaimFrequency::Original => "original",
            ClaimFrequency::InterimFirst => "interim, first claim",
            ClaimFrequency::InterimContinuing => "interim, continuing claim",
            ClaimFrequency::InterimLast => "interim, last claim",
            ClaimFrequency::LateCharges => "late charges only",
            ClaimFrequency::Replacement => "replacement of prior claim",
            ClaimFrequency::Void => "void/cancel of prior claim",
        }
    }

    /// True for 7 and 8, which must name the payer's original claim number (REF*F8).
    pub fn refers_to_prior_claim(self) -> bool {
        matches!(self, ClaimFrequency::Replacement | ClaimFrequency::Void)
    }

    /// True for the codes a professional (837P / CMS-1500) claim may carry: 1, 7, 8.
    pub fn is_professional(self) -> bool {
        matches!(
            self,
            ClaimFrequency::Original | ClaimFrequency::Replacement | ClaimFrequency::Void
        )
    }

    /// The code as text (same as [`ClaimFrequency::code`]).
    pub fn as_str(&self) -> &str {
        self.code()
    }
}

impl fmt::Display for ClaimFrequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

string_code!(
    ClaimFrequency,
    "^[0-57-8]$",
    "Claim frequency type code: 1 original, 7 replacement, 8 void; 0, 2-5 institutional."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_of_service() {
        assert!(PlaceOfService::parse("11").is_ok());
        assert!(PlaceOfService::parse("00").is_err());
        assert!(PlaceOfService::parse("1").is_err());
        assert!(PlaceOfService::parse("1a").is_err());
    }

    #[test]
    fn revenue_code() {
        assert!(RevenueCode::parse("0450").is_ok());
        assert!(RevenueCode::parse("3999").is_ok());
        assert!(RevenueCode::parse("450").is_err());
        assert!(matches!(
            RevenueCode::parse("4500"),
            Err(CodeError::Invalid {
                rule: CodeRule::RevenueFirstDigit,
                ..
            })
        ));
    }

    #[test]
    fn frequency_seven_replaces_eight_voids() {
        assert_eq!(ClaimFrequency::parse("7"), Ok(ClaimFrequency::Replacement));
        assert_eq!(ClaimFrequency::parse("8"), Ok(ClaimFrequency::Void));
        assert!(ClaimFrequency::parse("6").is_err());
        assert!(ClaimFrequency::Replacement.refers_to_prior_claim());
        assert!(!ClaimFrequency::InterimFirst.is_professional());
        assert_eq!(
            serde_json::to_string(&ClaimFrequency::Void).ok().as_deref(),
            Some("\"8\"")
        );
    }
}
