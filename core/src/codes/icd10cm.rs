//! ICD-10-CM diagnosis codes (RULES.md §10).

use std::fmt;

use arrayvec::ArrayString;

use super::{CodeError, CodeKind, CodeRule, string_code};

/// An ICD-10-CM code, structurally valid: 3–7 characters, a letter, then letters or digits
/// (the second character was always a digit until FY2026 added category `QA0`), with an optional decimal point after the third character.
///
/// Whether a category needs a 7th character (and so placeholder X padding) is in the code
/// table, not in the code's shape: the 2026 tabular itself lists `H21.1X` and `J09.X` as
/// subcategories, so no structural placeholder rule holds.
///
/// Displayed and serialized dotted (`E11.9`); [`Icd10Cm::as_str`] gives the undotted form that
/// X12 HI segments carry (`E119`). Whether the code exists in the year's table is a code-set
/// look-up, not part of this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Icd10Cm(ArrayString<7>);

impl Icd10Cm {
    /// Parses a code with or without its decimal point, letters in either case.
    pub fn parse(value: &str) -> Result<Icd10Cm, CodeError> {
        let invalid = |rule| CodeError::Invalid {
            kind: CodeKind::Icd10cm,
            rule,
        };
        if value.is_empty() {
            return Err(invalid(CodeRule::Empty));
        }
        let undotted = match value.find('.') {
            None => value.to_owned(),
            Some(3) if value.len() > 4 && value.matches('.').count() == 1 => {
                value.replacen('.', "", 1)
            }
            Some(_) => return Err(invalid(CodeRule::IcdDecimalPoint)),
        };
        let found = undotted.chars().count();
        if !(3..=7).contains(&found) {
            return Err(invalid(CodeRule::Length {
                expected: "3 to 7 (without the decimal point)",
                found,
            }));
        }
        let mut code = ArrayString::<7>::new();
        for (index, ch) in undotted.chars().enumerate() {
            let position = index.saturating_add(1);
            let (ok, expected) = match index {
                0 => (ch.is_ascii_alphabetic(), "a letter"),
                _ => (ch.is_ascii_alphanumeric(), "a letter or digit"),
            };
            if !ok {
                return Err(invalid(CodeRule::Character { position, expected }));
            }
            code.try_push(ch.to_ascii_uppercase()).map_err(|_| {
                invalid(CodeRule::Length {
                    expected: "3 to 7",
                    found,
                })
            })?;
        }
        Ok(Icd10Cm(code))
    }

    /// The undotted form, as X12 carries it (`E119`).
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The three-character category (`E11`).
    pub fn category(&self) -> &str {
        self.0.get(..3).unwrap_or(self.0.as_str())
    }
}

impl fmt::Display for Icd10Cm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.get(..3), self.0.get(3..)) {
            (Some(category), Some(rest)) if !rest.is_empty() => write!(f, "{category}.{rest}"),
            _ => f.write_str(self.as_str()),
        }
    }
}

string_code!(
    Icd10Cm,
    "^[A-Za-z][0-9A-Za-z]{2}(\\.?[0-9A-Za-z]{1,4})?$",
    "ICD-10-CM code, dotted or undotted (e.g. \"E11.9\")."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<String, CodeRule> {
        Icd10Cm::parse(value)
            .map(|c| c.to_string())
            .map_err(|e| match e {
                CodeError::Invalid { rule, .. } => rule,
                CodeError::UnknownKind => CodeRule::Empty,
            })
    }

    #[test]
    fn accepts_dotted_and_undotted() {
        assert_eq!(parse("E11.9"), Ok("E11.9".to_owned()));
        assert_eq!(parse("e119"), Ok("E11.9".to_owned()));
        assert_eq!(parse("I10"), Ok("I10".to_owned()));
        assert_eq!(parse("S13.4XXA"), Ok("S13.4XXA".to_owned()));
        assert_eq!(parse("T36.0X1A"), Ok("T36.0X1A".to_owned()));
        assert_eq!(parse("M1A.0110"), Ok("M1A.0110".to_owned()));
        let code = Icd10Cm::parse("Z00.00").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(code.as_str(), "Z0000");
        assert_eq!(code.category(), "Z00");
    }

    #[test]
    fn names_the_broken_rule() {
        assert_eq!(parse("E1.19"), Err(CodeRule::IcdDecimalPoint));
        assert_eq!(parse("E11."), Err(CodeRule::IcdDecimalPoint));
        assert_eq!(parse("E11.9.1"), Err(CodeRule::IcdDecimalPoint));
        assert!(matches!(
            parse("E1"),
            Err(CodeRule::Length { found: 2, .. })
        ));
        assert!(matches!(
            parse("S134XXA1"),
            Err(CodeRule::Length { found: 8, .. })
        ));
        assert_eq!(
            parse("1E11"),
            Err(CodeRule::Character {
                position: 1,
                expected: "a letter"
            })
        );
        assert_eq!(
            parse("E-11"),
            Err(CodeRule::Character {
                position: 2,
                expected: "a letter or digit"
            })
        );
        assert_eq!(parse("QA0.0101"), Ok("QA0.0101".to_owned()));
    }
}
