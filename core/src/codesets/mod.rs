//! Loaders for the official code-set distribution files. They take bytes, not paths: the
//! host (CLI, browser, phone) reads the files; the core only parses.

mod hcpcs;
mod icd10cm;
mod ncci;
mod pack;
mod pfs;
mod place;
mod sets;

pub use hcpcs::{HcpcsCode, HcpcsModifier, HcpcsTable};
pub use icd10cm::{
    Excludes1, Icd10CmTable, IcdEntry, IcdLookup, IcdNotes, IcdPattern, fiscal_year_bounds,
    fiscal_year_of, note_patterns,
};
pub use ncci::{AddOnEdit, AddOnEdits, MueEdit, MueTable, NcciSetting, PtpEdit, PtpEdits};
pub use pack::{CodeSetPack, PACK_MAGIC, PACK_VERSION, is_pack};
pub use place::{PlaceOfServiceTable, PosEntry, TaxonomyEntry, TaxonomyTable};
pub use sets::{CodeSetFile, CodeSets, DiagnosisValidity, ProcedureValidity};

pub use pfs::{
    AnesthesiaConversionFactors, Gpci, GpciTable, LocalityCounty, LocalityId, PaymentAmountRow,
    PfsData, PfsStatus, PfsVersionSource, RvuRow, RvuTable, ZipLocalities, load_locality_counties,
    load_payment_amounts, release_from_file_name,
};

/// Why a code-set file could not be read. Positions are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeSetError {
    /// The file is not text in the expected encoding.
    #[error("{file}: not readable text")]
    Encoding {
        /// Which file.
        file: &'static str,
    },
    /// The file has no header or no data rows where the format puts them.
    #[error("{file}: {reason}")]
    Layout {
        /// Which file.
        file: &'static str,
        /// What is missing.
        reason: &'static str,
    },
    /// A file that only works with another was given without it (the PFS relative value
    /// and GPCI files go together).
    #[error("the PFS files are incomplete: the {missing} file is needed too")]
    Incomplete {
        /// Which file is missing.
        missing: &'static str,
    },
    /// A field could not be read.
    #[error("{file} line {line}, field {field}: {reason}")]
    Field {
        /// Which file.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// Field name.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// Decodes a distribution file: UTF-8, or Latin-1 (some CMS files carry ® and the like).
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => std::borrow::Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

/// A field error with its position.
fn field_error(
    file: &'static str,
    line: usize,
    field: &'static str,
    reason: String,
) -> CodeSetError {
    CodeSetError::Field {
        file,
        line,
        field,
        reason,
    }
}

/// A `YYYYMMDD` date, or none for an empty field (or one of `*`, `0`s, `9`s that the CMS
/// files write for "no date").
fn yyyymmdd(
    file: &'static str,
    line: usize,
    field: &'static str,
    value: &str,
) -> Result<Option<chrono::NaiveDate>, CodeSetError> {
    let value = value.trim();
    if value.is_empty() || value == "*" || value.bytes().all(|b| b == b'0' || b == b'9') {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(value, "%Y%m%d")
        .map(Some)
        .map_err(|_| field_error(file, line, field, "expected a date written YYYYMMDD".into()))
}
