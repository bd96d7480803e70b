//! Loaders for the official code-set distribution files. They take bytes, not paths: the
//! host (CLI, browser, phone) reads the files; the core only parses.

mod pfs;

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
