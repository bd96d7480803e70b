//! Remittance codes: claim adjustment reason codes, remark codes and group codes (RULES.md §4, §8).

use std::fmt;

use arrayvec::ArrayString;

use super::{CodeError, CodeKind, CodeRule, alphanumeric_upper, string_code};

/// A Claim Adjustment Reason Code: 1–3 digits without a leading zero (`45`, `197`), or a
/// letter and one or two digits (`A1`, `B7`, `P12`). Whether it is current is a catalog
/// look-up, not part of this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Carc(ArrayString<3>);

impl Carc {
    /// Parses a CARC (letters in either case).
    pub fn parse(value: &str) -> Result<Carc, CodeError> {
        let code =
            alphanumeric_upper::<3>(CodeKind::Carc, value, "1 to 3", |n| (1..=3).contains(&n))?;
        let bytes = code.as_bytes();
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Carc,
            rule,
        };
        match bytes.split_first() {
            Some((b'0', _)) => Err(invalid(CodeRule::LeadingZero)),
            Some((first, rest)) => {
                let letter_led = first.is_ascii_alphabetic();
                if letter_led && rest.is_empty() {
                    return Err(invalid(CodeRule::Length {
                        expected: "2 or 3 after a letter",
                        found: 1,
                    }));
                }
                match rest.iter().position(|b| !b.is_ascii_digit()) {
                    Some(i) => Err(invalid(CodeRule::Character {
                        position: i.saturating_add(2),
                        expected: "a digit",
                    })),
                    None => Ok(Carc(code)),
                }
            }
            None => Err(invalid(CodeRule::Empty)),
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Carc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Carc,
    "^([1-9][0-9]{0,2}|[A-Za-z][0-9]{1,2})$",
    "Claim Adjustment Reason Code."
);

/// A Remittance Advice Remark Code: `M` or `N` and 1–3 digits (`N130`), or `MA` and 2–3 digits
/// (`MA01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rarc(ArrayString<5>);

impl Rarc {
    /// Parses a RARC (letters in either case).
    pub fn parse(value: &str) -> Result<Rarc, CodeError> {
        let code =
            alphanumeric_upper::<5>(CodeKind::Rarc, value, "2 to 5", |n| (2..=5).contains(&n))?;
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Rarc,
            rule,
        };
        let (digits, first_digit_position, widths): (&str, usize, std::ops::RangeInclusive<usize>) =
            if let Some(rest) = code.strip_prefix("MA") {
                (rest, 3, 2..=3)
            } else if let Some(rest) = code.strip_prefix('M').or_else(|| code.strip_prefix('N')) {
                if rest.starts_with('0') {
                    return Err(invalid(CodeRule::LeadingZero));
                }
                (rest, 2, 1..=3)
            } else {
                return Err(invalid(CodeRule::NotInList {
                    allowed: "codes starting M, MA or N",
                }));
            };
        if let Some(i) = digits.bytes().position(|b| !b.is_ascii_digit()) {
            return Err(invalid(CodeRule::Character {
                position: i.saturating_add(first_digit_position),
                expected: "a digit",
            }));
        }
        if !widths.contains(&digits.len()) {
            return Err(invalid(CodeRule::Length {
                expected: "M or N + 1-3 digits, MA + 2-3 digits",
                found: code.len(),
            }));
        }
        Ok(Rarc(code))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Rarc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Rarc,
    "^([MmNn][1-9][0-9]{0,2}|[Mm][Aa][0-9]{2,3})$",
    "Remittance Advice Remark Code."
);

/// A claim adjustment group code (5010): who bears an adjustment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupCode {
    /// CO: contractual obligation — written off, never billed to the patient.
    Co,
    /// PR: patient responsibility.
    Pr,
    /// OA: other adjustment.
    Oa,
    /// PI: payer-initiated reduction.
    Pi,
}

impl GroupCode {
    /// Parses a group code (letters in either case). CR (4010 only) is refused.
    pub fn parse(value: &str) -> Result<GroupCode, CodeError> {
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Group,
            rule,
        };
        let upper = match value.as_bytes() {
            [] => return Err(invalid(CodeRule::Empty)),
            [a, b] => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
            _ => [0, 0],
        };
        match &upper {
            b"CO" => Ok(GroupCode::Co),
            b"PR" => Ok(GroupCode::Pr),
            b"OA" => Ok(GroupCode::Oa),
            b"PI" => Ok(GroupCode::Pi),
            b"CR" => Err(invalid(CodeRule::GroupCr)),
            _ => Err(invalid(CodeRule::NotInList {
                allowed: "CO, PR, OA or PI",
            })),
        }
    }

    /// Who bears the adjustment, in words (for an explanation of benefits).
    pub fn meaning(&self) -> &'static str {
        match self {
            GroupCode::Co => "contractual obligation (write off)",
            GroupCode::Pr => "patient responsibility",
            GroupCode::Oa => "other adjustment",
            GroupCode::Pi => "payer-initiated reduction",
        }
    }

    /// The two letters.
    pub fn as_str(&self) -> &str {
        match self {
            GroupCode::Co => "CO",
            GroupCode::Pr => "PR",
            GroupCode::Oa => "OA",
            GroupCode::Pi => "PI",
        }
    }
}

impl fmt::Display for GroupCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    GroupCode,
    "^(CO|PR|OA|PI|co|pr|oa|pi)$",
    "Claim adjustment group code: CO, PR, OA or PI."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carc_shapes() {
        for ok in ["1", "45", "197", "A1", "b7", "P12"] {
            assert!(Carc::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "045", "1234", "A", "AB", "4A", "A1B"] {
            assert!(Carc::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rarc_shapes() {
        for ok in ["M1", "N130", "MA01", "ma130", "N999"] {
            assert!(Rarc::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "M", "N0", "MA1", "X12", "N1234", "MAA1"] {
            assert!(Rarc::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn group_codes_refuse_cr() {
        assert_eq!(GroupCode::parse("co"), Ok(GroupCode::Co));
        assert_eq!(
            GroupCode::parse("CR"),
            Err(CodeError::Invalid {
                kind: CodeKind::Group,
                rule: CodeRule::GroupCr
            })
        );
        assert!(GroupCode::parse("XX").is_err());
    }
}
