//! The practice's books in SQLite: the CLI's embedded store for what the medbill ledger
//! computes. It holds no billing rule: the core charges, posts, matches and sums; the store
//! keeps the entries, their audit hashes and the charged claims, and answers the core's
//! questions ([`medbill::ledger::LedgerView`], [`medbill::ledger::ChargedClaims`]) with
//! indexed queries.
//!
//! - One SQLite file (bundled SQLite, WAL, foreign keys on, schema migrations by
//!   `user_version`), wherever the user says.
//! - An 835 file is posted in one transaction, streamed claim by claim in constant memory:
//!   the books hold it all or none of it, whenever the process stops.
//! - Entries are never updated or deleted (triggers refuse it); each keeps its SHA-256 audit
//!   hash, and [`Books::verify`] names the first entry that does not match.
//! - Uniqueness lives in the schema too: entry ids in sequence, one remittance per payer and
//!   trace number, one reversal per entry.
//! - Charged claims (which hold patient data) are kept apart from the entries, which hold
//!   only the practice's ids.
//!
//! ```
//! # fn main() -> Result<(), medbill_store::StoreError> {
//! use chrono::NaiveDate;
//! use medbill::ledger::{ChargedClaim, PostOptions};
//! let dir = tempfile::tempdir().map_err(medbill_store::StoreError::Io)?;
//! let mut books = medbill_store::Books::init(&dir.path().join("books.sqlite"))?;
//! let claims: Vec<ChargedClaim> =
//!     medbill::from_json(include_str!("../../examples/data/books/claims.json")).unwrap();
//! let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
//! books.charge(&claims, day(1), day(1))?;
//! let file = include_bytes!("../../examples/data/books/remittance.835");
//! let report = books.post_835(&file[..], &PostOptions::on(day(2)))?;
//! assert_eq!(report.claims, 2);
//! // Posting the same 835 again changes nothing.
//! let again = books.post_835(&file[..], &PostOptions::on(day(2)))?;
//! assert!(again.sets.iter().all(|s| s.already_posted));
//! assert_eq!(books.verify()?.length, report.entries + 3);
//! # Ok(()) }
//! ```

mod books;
mod patients;
mod prefetch;
mod reports;
mod row;
mod schema;
mod view;
mod work;

pub use books::{Books, ChargeReport, PostReport, SetReport, StoredUnderpayment};
pub use reports::{AccountReport, Totals};
pub use schema::SchemaError;

use medbill::LedgerError;
use medbill::audit::AuditError;
use medbill::x12::X12Error;

/// Why the books could not do what was asked. Messages name entries, positions and
/// columns, never patient data.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// There is no books file at the path.
    #[error("no books at {path}: `medbill books init` makes them")]
    NotFound {
        /// The path given.
        path: String,
    },
    /// The file is a database without the books' schema.
    #[error("{path} is not medbill books (no books schema): `medbill books init` makes them")]
    NotBooks {
        /// The path given.
        path: String,
    },
    /// The schema could not be brought up to date.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// SQLite refused (a constraint named by its columns, a locked or unwritable file).
    #[error("the books database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The ledger refused the operation.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A claim of a charged file was refused (nothing of the file was charged).
    #[error("claim {position} (0-based) of the file: {source}")]
    Charge {
        /// 0-based position in the file.
        position: usize,
        /// Why.
        source: LedgerError,
    },
    /// The audit chain does not verify, or an entry could not be hashed.
    #[error(transparent)]
    Audit(#[from] AuditError),
    /// The 835 could not be read.
    #[error("reading the 835: {0}")]
    X12(#[from] X12Error),
    /// A stored entry does not stand as medbill wrote it.
    #[error("entry {entry}: {what}: the books were changed behind medbill's back")]
    Corrupt {
        /// The entry id.
        entry: u64,
        /// What is wrong with it.
        what: &'static str,
    },
    /// A charged claim could not be read from, or written to, the books as JSON.
    #[error("a charged claim in the books could not be read or written as JSON")]
    ClaimUnreadable,
    /// The chain's head row is missing or malformed.
    #[error(
        "the audit chain's head could not be read: the books were changed behind medbill's back"
    )]
    HeadUnreadable,
    /// The chain's head does not count the entries there are.
    #[error(
        "the audit chain's head does not count the entries there are: the books were changed behind medbill's back (`medbill books verify` names where)"
    )]
    HeadMismatch,
    /// Amount arithmetic overflowed.
    #[error("books overflow: {0}")]
    Money(#[from] medbill::MoneyError),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(std::io::Error),
    /// The figures could not be made.
    #[error(transparent)]
    Kpi(#[from] medbill::kpi::KpiError),
    /// Follow-up work was refused.
    #[error(transparent)]
    FollowUp(#[from] medbill::followup::FollowUpError),
    /// The thread that encodes and hashes entries while a posting goes on stopped before
    /// its work was done (nothing of the posting is kept).
    #[error("the thread encoding the entries stopped before the posting was done")]
    EncoderGone,
}
