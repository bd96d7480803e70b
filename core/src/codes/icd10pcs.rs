//! ICD-10-PCS procedure codes: the inpatient procedures of an institutional claim (837I HI
//! BBR/BBQ, UB-04 FL 74).

use std::fmt;

use super::{AsciiCode, CodeError, CodeKind, CodeRule, alphanumeric_upper, string_code};

/// An ICD-10-PCS code, structurally valid: exactly 7 characters, each a digit or a letter
/// other than O and I (the PCS alphabet leaves them out so they are never read as 0 and 1).
///
/// Letters are accepted in either case and kept upper case. Whether the code exists in the
/// year's table is a code-set look-up, not part of this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Icd10Pcs(AsciiCode<7>);

impl Icd10Pcs {
    /// Parses a seven-character code.
    pub fn parse(value: &str) -> Result<Icd10Pcs, CodeError> {
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Pcs,
            rule,
        };
        let code = alphanumeric_upper::<7>(CodeKind::Pcs, value, "7", |n| n == 7)?;
        if let Some(index) = code.bytes().position(|b| b == b'O' || b == b'I') {
            return Err(invalid(CodeRule::Character {
                position: index.saturating_add(1),
                expected: "a digit or a letter other than O and I",
            }));
        }
        AsciiCode::try_from(code).map(Icd10Pcs).map_err(|()| {
            invalid(CodeRule::Length {
                expected: "7",
                found: value.chars().count(),
            })
        })
    }

    /// The seven characters, as X12 and the UB-04 carry them.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Icd10Pcs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_code!(
    Icd10Pcs,
    "^[0-9A-HJ-NP-Za-hj-np-z]{7}$",
    "ICD-10-PCS procedure code: 7 digits or letters other than O and I (e.g. \"0DTJ4ZZ\")."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<String, CodeRule> {
        Icd10Pcs::parse(value)
            .map(|c| c.to_string())
            .map_err(|e| match e {
                CodeError::Invalid { rule, .. } => rule,
                CodeError::UnknownKind => CodeRule::Empty,
            })
    }

    #[test]
    fn seven_characters_of_the_pcs_alphabet() {
        // 0DTJ4ZZ: resection of appendix, percutaneous endoscopic (the 2026 PCS tables).
        assert_eq!(parse("0DTJ4ZZ"), Ok("0DTJ4ZZ".to_owned()));
        assert_eq!(parse("0dtj4zz"), Ok("0DTJ4ZZ".to_owned()));
        // 02703DZ: dilation of coronary artery, one artery, with intraluminal device.
        assert_eq!(parse("02703DZ"), Ok("02703DZ".to_owned()));
    }

    #[test]
    fn names_the_broken_rule_without_the_value() {
        assert_eq!(parse(""), Err(CodeRule::Empty));
        assert!(matches!(
            parse("0DTJ4Z"),
            Err(CodeRule::Length { found: 6, .. })
        ));
        assert!(matches!(
            parse("0DTJ4ZZZ"),
            Err(CodeRule::Length { found: 8, .. })
        ));
        // The PCS alphabet has no O and no I.
        let no_o_or_i = "a digit or a letter other than O and I";
        assert_eq!(
            parse("0DTO4ZZ"),
            Err(CodeRule::Character {
                position: 4,
                expected: no_o_or_i
            })
        );
        assert_eq!(
            parse("i DTJ4Z"),
            Err(CodeRule::Character {
                position: 2,
                expected: "a letter or digit"
            })
        );
        assert_eq!(
            parse("0DTJ4Zi"),
            Err(CodeRule::Character {
                position: 7,
                expected: no_o_or_i
            })
        );
        let message = Icd10Pcs::parse("0DTO4ZZ")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("ICD-10-PCS"), "{message}");
        assert!(!message.contains("0DTO4ZZ"), "{message}");
    }
}
