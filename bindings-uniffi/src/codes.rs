//! `medbill::codes` for Kotlin, Swift and Python.

use medbill::codes::{CodeCheck, CodeKind};

/// The kinds of code medbill validates.
#[uniffi::remote(Enum)]
pub enum CodeKind {
    Npi,
    Icd10cm,
    Pcs,
    Procedure,
    Modifier,
    Pos,
    Ndc,
    Taxonomy,
    Revenue,
    Carc,
    Rarc,
    Group,
    Frequency,
}

/// The result of checking one code.
#[uniffi::remote(Record)]
pub struct CodeCheck {
    pub kind: CodeKind,
    pub value: String,
    pub valid: bool,
    pub normalized: Option<String>,
    pub reason: Option<String>,
}

/// Checks one code: its normalized form when valid, the failed rule when not.
#[uniffi::export]
pub fn check_code(kind: CodeKind, value: String) -> CodeCheck {
    medbill::codes::check(kind, &value)
}
