//! The one public error: a stable code and a message without patient data.

use medbill::ErrorCode;

/// A medbill failure (Kotlin `MedbillException`, Swift `MedbillError`, Python `MedbillError`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum MedbillError {
    /// Input was refused or an operation could not be carried out.
    #[error("{code}: {detail}")]
    Failed {
        /// Stable upper-snake-case code, e.g. `ALLOCATION_SUB_CENT`.
        code: String,
        /// What went wrong, in words. (Not `message`: that would clash with the `message`
        /// property every Kotlin exception already has.)
        detail: String,
    },
}

impl MedbillError {
    /// Wraps a core error.
    pub(crate) fn from_core<E: ErrorCode + std::fmt::Display>(error: &E) -> MedbillError {
        MedbillError::Failed {
            code: error.code().to_owned(),
            detail: error.to_string(),
        }
    }
}
