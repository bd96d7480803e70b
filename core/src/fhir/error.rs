//! What can go wrong writing or reading FHIR. Messages name positions (JSON line and column,
//! FHIR element paths, claim field pointers) and what was expected, never a value.

use crate::input::DecodeError;
use crate::money::MoneyError;

/// A FHIR conversion that could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FhirError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line} column {column}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The JSON is not the FHIR medbill reads: an element outside what medbill writes, a
    /// value of the wrong kind, a decimal written as a string.
    #[error("the FHIR JSON has an element or value medbill does not read at {at}")]
    Shape {
        /// Where: a line and column, within an element path when the element was read alone.
        at: String,
    },
    /// A required element is missing.
    #[error("missing {path}")]
    Missing {
        /// The FHIR element path.
        path: String,
    },
    /// An element medbill cannot read back (an unresolved reference, an unknown extension or
    /// code system, a resource type it does not expect).
    #[error("cannot read {path}: expected {expected}")]
    Unsupported {
        /// The FHIR element path.
        path: String,
        /// What was expected.
        expected: &'static str,
    },
    /// The claim the FHIR holds is not a valid medbill claim.
    #[error("the claim read from FHIR is invalid: {0}")]
    Claim(DecodeError),
    /// The input's lines do not match: an adjudicated line that is not a claim line.
    #[error("line {line} of the adjudication is not a line of the claim")]
    LineMismatch {
        /// 1-based line.
        line: usize,
    },
    /// Nothing to write (an estimate without services, a 271 without a subscriber).
    #[error("nothing to write: {what}")]
    Empty {
        /// What is missing.
        what: &'static str,
    },
    /// An amount overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The JSON could not be written.
    #[error("could not write the FHIR JSON")]
    Encode,
}

impl FhirError {
    /// A serde_json error as a position (its message may quote the input, so it is dropped).
    pub(crate) fn from_json(error: &serde_json::Error, within: &str) -> FhirError {
        match error.classify() {
            serde_json::error::Category::Data => FhirError::Shape {
                at: format!("{within}line {} column {}", error.line(), error.column()),
            },
            _ => FhirError::Syntax {
                line: error.line(),
                column: error.column(),
            },
        }
    }
}
