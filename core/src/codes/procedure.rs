//! Procedure codes (CPT, HCPCS Level II, CDT) and modifiers (RULES.md §11).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{AsciiCode, CodeError, CodeKind, CodeRule, alphanumeric_upper, string_code};

/// The family a procedure code belongs to, read from its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ProcedureKind {
    /// CPT Category I: five digits, 00100 and up.
    CptCategoryI,
    /// CPT Category II performance measures: four digits and F.
    CptCategoryII,
    /// CPT Category III emerging technology: four digits and T.
    CptCategoryIII,
    /// CPT Proprietary Laboratory Analyses: four digits and U.
    CptPla,
    /// CPT Multianalyte Assays with Algorithmic Analyses: four digits and M.
    CptMaaa,
    /// HCPCS Level II: a letter A–V (other than D) and four digits.
    HcpcsLevelII,
    /// CDT dental procedure: D and four digits.
    Cdt,
}

impl ProcedureKind {
    /// A readable name.
    pub fn label(self) -> &'static str {
        match self {
            ProcedureKind::CptCategoryI => "CPT Category I",
            ProcedureKind::CptCategoryII => "CPT Category II",
            ProcedureKind::CptCategoryIII => "CPT Category III",
            ProcedureKind::CptPla => "CPT PLA",
            ProcedureKind::CptMaaa => "CPT MAAA",
            ProcedureKind::HcpcsLevelII => "HCPCS Level II",
            ProcedureKind::Cdt => "CDT",
        }
    }
}

/// A five-character procedure code with a known [`ProcedureKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProcedureCode(AsciiCode<5>);

impl ProcedureCode {
    /// The code as a number ordered as the codes are, for fast table lookups.
    pub(crate) fn key(self) -> u128 {
        self.0.key()
    }

    /// Parses a procedure code (letters in either case).
    pub fn parse(value: &str) -> Result<ProcedureCode, CodeError> {
        let code = alphanumeric_upper::<5>(CodeKind::Procedure, value, "5", |n| n == 5)?;
        classify(code.as_bytes())?;
        AsciiCode::try_from(code)
            .map(ProcedureCode)
            .map_err(|()| CodeError::Invalid {
                kind: CodeKind::Procedure,
                rule: CodeRule::Length {
                    expected: "5",
                    found: value.len(),
                },
            })
    }

    /// The five characters.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The code's family.
    pub fn kind(&self) -> ProcedureKind {
        // Only classifiable codes are ever constructed.
        classify(self.0.bytes()).unwrap_or(ProcedureKind::HcpcsLevelII)
    }

    /// True for CPT anesthesia codes (00100–01999), whose units are minutes.
    pub fn is_anesthesia(&self) -> bool {
        self.kind() == ProcedureKind::CptCategoryI && self.key() < code_key(b"02000")
    }

    /// True for the laboratory tests of CPT: the Pathology and Laboratory section
    /// (80047–89398), Proprietary Laboratory Analyses (`nnnnU`) and Multianalyte Assays
    /// (`nnnnM`). HCPCS Level II laboratory codes are not recognized from their shape.
    pub fn is_laboratory(&self) -> bool {
        match self.kind() {
            ProcedureKind::CptCategoryI => {
                (code_key(b"80047")..=code_key(b"89398")).contains(&self.key())
            }
            ProcedureKind::CptPla | ProcedureKind::CptMaaa => true,
            _ => false,
        }
    }

    /// True for HCPCS ambulance services (A0225–A0999): transport, mileage, supplies and
    /// waiting time.
    pub fn is_ambulance(&self) -> bool {
        ("A0225"..="A0999").contains(&self.0.as_str())
    }

    /// True for HCPCS transportation services (A0021–A0999), ambulance and non-emergency
    /// alike.
    pub fn is_transportation(&self) -> bool {
        ("A0021"..="A0999").contains(&self.0.as_str())
    }
}

/// The number [`ProcedureCode::key`] gives for a five-character code, for range tests.
pub(crate) fn code_key(code: &[u8; 5]) -> u128 {
    AsciiCode(*code).key()
}

fn classify(bytes: &[u8]) -> Result<ProcedureKind, CodeError> {
    let invalid = |rule| CodeError::Invalid {
        kind: CodeKind::Procedure,
        rule,
    };
    let (first, rest) = bytes.split_first().ok_or(invalid(CodeRule::Empty))?;
    let (last, middle) = bytes.split_last().ok_or(invalid(CodeRule::Empty))?;
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if digits(bytes) {
        return if bytes >= b"00100".as_slice() {
            Ok(ProcedureKind::CptCategoryI)
        } else {
            Err(invalid(CodeRule::CptRange))
        };
    }
    if digits(middle) {
        return match last {
            b'F' => Ok(ProcedureKind::CptCategoryII),
            b'T' => Ok(ProcedureKind::CptCategoryIII),
            b'U' => Ok(ProcedureKind::CptPla),
            b'M' => Ok(ProcedureKind::CptMaaa),
            _ => Err(invalid(CodeRule::Character {
                position: 5,
                expected: "a digit, or F, T, U or M after four digits",
            })),
        };
    }
    if first.is_ascii_alphabetic() {
        if let Some(position) = rest.iter().position(|b| !b.is_ascii_digit()) {
            return Err(invalid(CodeRule::Character {
                position: position.saturating_add(2),
                expected: "a digit after the leading letter",
            }));
        }
        return match first {
            b'D' => Ok(ProcedureKind::Cdt),
            b'A'..=b'V' => Ok(ProcedureKind::HcpcsLevelII),
            _ => Err(invalid(CodeRule::Character {
                position: 1,
                expected: "a digit or a HCPCS letter A-V",
            })),
        };
    }
    let position = bytes
        .iter()
        .take(4)
        .position(|b| !b.is_ascii_digit())
        .map_or(5, |i| i.saturating_add(1));
    Err(invalid(CodeRule::Character {
        position,
        expected: "a digit",
    }))
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    ProcedureCode,
    "^([0-9]{5}|[0-9]{4}[FTUMftum]|[A-Va-v][0-9]{4})$",
    "CPT, HCPCS Level II or CDT procedure code (5 characters)."
);

/// A two-character procedure modifier (CPT or HCPCS), e.g. `25`, `LT`, `XU`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Modifier(AsciiCode<2>);

impl Modifier {
    /// The modifier's two bytes (for matching without text conversion).
    pub(crate) fn bytes(&self) -> &[u8; 2] {
        self.0.bytes()
    }

    /// Parses a modifier (letters in either case).
    pub fn parse(value: &str) -> Result<Modifier, CodeError> {
        let code = alphanumeric_upper::<2>(CodeKind::Modifier, value, "2", |n| n == 2)?;
        AsciiCode::try_from(code)
            .map(Modifier)
            .map_err(|()| CodeError::Invalid {
                kind: CodeKind::Modifier,
                rule: CodeRule::Length {
                    expected: "2",
                    found: value.len(),
                },
            })
    }

    /// The two characters.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Modifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Modifier,
    "^[0-9A-Za-z]{2}$",
    "Procedure modifier (2 characters)."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(value: &str) -> Option<ProcedureKind> {
        ProcedureCode::parse(value).ok().map(|c| c.kind())
    }

    #[test]
    fn classifies_each_family() {
        assert_eq!(kind("99213"), Some(ProcedureKind::CptCategoryI));
        assert_eq!(kind("00100"), Some(ProcedureKind::CptCategoryI));
        assert_eq!(kind("99605"), Some(ProcedureKind::CptCategoryI));
        assert_eq!(kind("3074f"), Some(ProcedureKind::CptCategoryII));
        assert_eq!(kind("0042T"), Some(ProcedureKind::CptCategoryIII));
        assert_eq!(kind("0001U"), Some(ProcedureKind::CptPla));
        assert_eq!(kind("0002M"), Some(ProcedureKind::CptMaaa));
        assert_eq!(kind("J3490"), Some(ProcedureKind::HcpcsLevelII));
        assert_eq!(kind("D0120"), Some(ProcedureKind::Cdt));
        assert!(ProcedureCode::parse("01402").is_ok_and(|c| c.is_anesthesia()));
        assert!(ProcedureCode::parse("99213").is_ok_and(|c| !c.is_anesthesia()));
    }

    #[test]
    fn laboratory_and_transport_ranges() {
        let is = |code: &str, test: fn(&ProcedureCode) -> bool| {
            ProcedureCode::parse(code).is_ok_and(|c| test(&c))
        };
        // CPT Pathology and Laboratory runs 80047-89398; PLA and MAAA codes are lab tests.
        for lab in ["80047", "85025", "87880", "89398", "0001U", "0002M"] {
            assert!(is(lab, ProcedureCode::is_laboratory), "{lab}");
        }
        for other in ["80046", "89399", "99213", "G0480", "36415"] {
            assert!(!is(other, ProcedureCode::is_laboratory), "{other}");
        }
        // A0425-A0436 ground and air ambulance; A0100 a taxi (transport, not ambulance).
        assert!(is("A0425", ProcedureCode::is_ambulance));
        assert!(is("A0999", ProcedureCode::is_ambulance));
        assert!(!is("A0100", ProcedureCode::is_ambulance));
        assert!(is("A0100", ProcedureCode::is_transportation));
        assert!(!is("A4550", ProcedureCode::is_transportation));
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in [
            "00099", "9921", "992134", "W1234", "J34A0", "1234X", "99-13", "AB123", "",
        ] {
            assert!(ProcedureCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn modifiers() {
        assert_eq!(
            Modifier::parse("lt").map(|m| m.to_string()),
            Ok("LT".to_owned())
        );
        assert!(Modifier::parse("5").is_err());
        assert!(Modifier::parse("2-").is_err());
    }
}
