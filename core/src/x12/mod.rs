//! X12 5010: the tokenizer, the value-reading kit and the envelope checks, and on them
//! every typed reader and writer (835 over the [`crate::remit`] model, 837P/I, 270/271,
//! 276/277, 277CA, 999, TA1), and [`read_x12`], which reads any X12 file with the reader
//! each transaction set needs.

mod ack;
pub mod claims;
mod eligibility;
mod envelope;
mod file;
mod message;
mod remittance;
mod status;
mod tokenizer;
mod value;
mod work;
mod write;

#[cfg(test)]
mod linear_tests;

pub use ack::{
    ACKNOWLEDGMENT_VERSION, AckCode, Acknowledgment, ElementError, ErrorContext,
    GroupAcknowledgment, InterchangeAcknowledgment, SegmentError, TransactionAcknowledgment,
    read_999, read_ta1,
};
pub use claims::{ClaimTransaction, Submission, Write837Error, read_837, write_837};
pub use eligibility::{
    Accumulator, Benefit, BenefitKind, BenefitQuantity, CoverageLevel, ELIGIBILITY_VERSION,
    EligibilityMember, EligibilityRequest, EligibilityResponse, FollowUpAction, Network, Rejection,
    Subscriber, TimePeriod, YesNo, coverage_begin, read_270, read_271, write_270,
};
pub use envelope::{EnvelopeChecker, EnvelopeReport, TransactionSet, check_envelopes};
pub use file::{RemitTally, SetSummary, X12File, read_x12, read_x12_but_835};
pub use message::{
    Address, Contact, DateOrRange, Individual, Organization, Party, Person, PersonName, Provider,
    ProviderId, QualifiedDate, ReadRequest, Reference, RequestWriteError, Trace,
};
pub use remittance::{
    Piece, PieceFeed, PieceReading, RemitEvent, RemitHeader, RemitReader, RemitTrailer, Run,
    VERSION_835, claim_cut, read_835, read_piece, write_835, write_835_transaction,
};
pub use status::{
    CLAIM_ACKNOWLEDGMENT_VERSION, CLAIM_STATUS_VERSION, ClaimStatus, ClaimStatusRequest,
    ClaimStatusResponse, LineStatus, QualifiedAmount, QualifiedQuantity, StatusClass, StatusCode,
    StatusEntry, StatusLevel, read_276, read_277, write_276,
};
pub(crate) use tokenizer::PieceTokenizer;
pub use tokenizer::{Delimiters, MAX_SEGMENT_BYTES, Segment, Tokenizer, X12Reader};
pub use value::Elements;
pub use write::{DelimiterSet, Element, Envelope, Usage, WriteError, X12Writer, date8, decimal};

/// Why bytes could not be read as X12. Positions are 1-based segment numbers; no error
/// carries the data it failed on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum X12Error {
    /// The input does not start with an ISA segment (after an optional byte-order mark and
    /// white space).
    #[error("not X12: the input does not start with an ISA segment")]
    NoInterchange,
    /// The input is UTF-16; X12 is ASCII (or UTF-8).
    #[error("the input is UTF-16 text; X12 files are ASCII or UTF-8")]
    Utf16,
    /// An ISA segment is not the fixed 106 characters with its separators in place.
    #[error("segment {position}: malformed ISA (fixed-width fields and separators expected)")]
    BadIsa {
        /// Segment number.
        position: usize,
    },
    /// A delimiter the ISA declares is not an ASCII character. X12 delimiters are single
    /// ASCII characters; a byte above 0x7F would split the text inside a multi-byte UTF-8
    /// character and lose what it split.
    #[error(
        "segment {position}: the ISA declares a {delimiter} separator that is not an ASCII character (byte 0x{byte:02X})"
    )]
    DelimiterNotAscii {
        /// Segment number.
        position: usize,
        /// Which delimiter: `element`, `component`, `repetition` or `segment`.
        delimiter: &'static str,
        /// The byte declared.
        byte: u8,
    },
    /// The input ends inside a segment.
    #[error("segment {position}: the input ends before the segment terminator")]
    Truncated {
        /// Segment number.
        position: usize,
    },
    /// A version medbill does not read.
    #[error("version {version} is not supported: medbill reads X12 005010")]
    UnsupportedVersion {
        /// The version found.
        version: String,
    },
    /// A segment longer than [`MAX_SEGMENT_BYTES`]: no terminator where one must be.
    #[error("segment {position}: longer than {max} bytes without a segment terminator", max = MAX_SEGMENT_BYTES)]
    SegmentTooLong {
        /// Segment number.
        position: usize,
    },
    /// The input could not be read.
    #[error("the input could not be read ({kind})")]
    Io {
        /// The I/O error kind.
        kind: String,
    },
}
