//! The practice's books: an append-only ledger of [`Entry`]s, the balances and aging they
//! add up to as of any date, charging claims, posting 835 remittances (RULES.md §4, §8) and
//! the other operations a biller enters (patient payments, refunds, write-offs, reversals,
//! deposits, matching money in suspense).
//!
//! Everything is pure: entries in, entries out. No clock ("today" and the posting date are
//! arguments), no storage, no threads. Money is exact and conserved: every figure is a sum of
//! entries, and every 835 posting's cash side (the remittance's payment, the claims'
//! payments, suspense and PLBs) adds up to zero.
//!
//! # How a store uses this
//!
//! A store (the SQLite books of the CLI, IndexedDB, Room, Core Data) keeps three things:
//! the entries (one row per [`Entry`], its JSON or its columns; never updated or deleted),
//! their audit hashes ([`crate::audit::AuditChain`], one per entry, in order) and the charged
//! claims ([`ChargedClaim`], which hold patient data and stay out of the ledger). It
//! implements [`LedgerView`] with indexed queries (entries by claim, by payer and payer claim
//! number, remittances and deposits by payer and trace, reversals by the entry they undo) and
//! [`ChargedClaims`] by patient control number.
//!
//! To post an 835 of any size in constant memory, it reads the file with the streaming 835
//! reader and drives a [`RemittancePoster`] inside one transaction: `begin` with the header
//! (it says when the remittance was posted before), `claim` for each claim (appending the
//! returned entries, and keeping any claim sent on to the next payer as that claim's new
//! version), `finish` with the PLBs (appending its entries). On an error it rolls the
//! transaction back: an 835 is posted whole or not at all. Uniqueness belongs in the schema
//! too: one remittance entry per (payer, trace), one reversal per reversed entry, ids in
//! sequence. [`Ledger`] is the same in memory, and [`post_remittance`] the whole-835 form.

mod balance;
mod books;
mod charge;
mod entry;
mod held;
mod host;
mod operations;
mod post;
mod secondary;

use chrono::NaiveDate;

use crate::finding::Finding;
use crate::money::MoneyError;

pub use balance::{
    AccountBalance, AgingBasis, AgingBucket, AgingReport, AgingRow, AsOf, Balance, Balances,
    ClaimBalance, DateBasis, LineBalance, PartyBalance, PatientBalance, aging, balances,
};
pub use books::{Ledger, LedgerView};
pub use charge::{ChargedClaim, ChargedClaims, ClaimIndex, charge};
pub use entry::{
    Account, Adjustment, Category, Charge, ClaimAccount, ClearingAccount, Deposit, Disposition,
    Entry, EntryId, EntryKind, LineAccount, Party, PatientAccount, PatientShare, PayerAccount,
    PayerRank, ProviderAdjustment, RemitSource, RemittanceRecord, Reversal, Source, StatusEvent,
    StatusNote, SuspenseItem, SuspenseReason, Transfer, TransferReason, WriteOff,
};
pub use held::{HeldAdjustment, HeldClaim, HeldLine};
pub use host::{PostResponse, charge_claims, post_to_entries};
pub use operations::{
    DepositRequest, PatientPaymentRequest, RefundRequest, TransferRequest, WriteOffRequest,
    deposit, match_suspense, patient_payment, reconcile_deposits, refund, reverse, transfer,
    write_off,
};
pub use post::{
    ClaimOutcome, ClaimPosting, ClaimResult, DepositMatch, DepositStatus, GroupDispositions,
    PostOptions, Posting, RemittancePoster, RemittanceSummary, Underpayment, post_remittance,
};

/// Why an operation on the books was refused. Messages name fields and positions, never
/// patient data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// A required value is missing or empty.
    #[error("{field} is missing or empty")]
    Missing {
        /// Which field.
        field: &'static str,
    },
    /// The remittance's payer and trace number (TRN02) were posted before with other
    /// amounts: a different 835 reuses the trace number.
    #[error(
        "a different 835 of this payer with this trace number (TRN02) was posted before: same payer and trace, other amounts or claims; it is refused"
    )]
    TraceReused,
    /// The claim was charged before (its patient control number has charges).
    #[error("the claim at /claim/patientControlNumber was charged before")]
    AlreadyCharged,
    /// The claim has validation errors (rule ids and paths).
    #[error("the claim does not pass validation: {}", describe(findings))]
    InvalidClaim {
        /// The error findings.
        findings: Vec<Finding>,
    },
    /// The pricing kept with a claim is not the claim's (patient control number, number of
    /// lines or line charges differ).
    #[error(
        "the pricing at /priced is not this claim's: its patient control number, lines or charges differ"
    )]
    PricingMismatch,
    /// An entry breaks the books' order.
    #[error("entry {position} (0-based): expected {expected}")]
    EntryOrder {
        /// 0-based position.
        position: usize,
        /// What was expected.
        expected: &'static str,
    },
    /// The posting date is before the books' last.
    #[error("the posting date is before the last entry's: entries are posted in date order")]
    PostedBeforeLast,
    /// No entry has this id.
    #[error("no entry {entry}")]
    NotFound {
        /// The id asked for.
        entry: EntryId,
    },
    /// The entry was reversed before.
    #[error("entry {entry} was reversed before")]
    AlreadyReversed {
        /// The entry.
        entry: EntryId,
    },
    /// The entry is not an unmatched remittance claim in suspense.
    #[error("entry {entry} is not a remittance claim held in suspense")]
    NotSuspense {
        /// The entry.
        entry: EntryId,
    },
    /// Matching did not find a place for the claim held in suspense.
    #[error("the claim in suspense still cannot be posted: {}", reason.describe())]
    StillUnmatched {
        /// Why.
        reason: SuspenseReason,
    },
    /// An amount that must be positive is not.
    #[error("{field} must be a positive amount")]
    NotPositive {
        /// Which field.
        field: &'static str,
    },
    /// The claim or its account has no such line or party balance.
    #[error("{field} names nothing on the books")]
    Unknown {
        /// Which field.
        field: &'static str,
    },
    /// More entries or lines than the books can number.
    #[error("too many entries or lines to number")]
    TooLarge,
    /// Amount arithmetic overflowed.
    #[error("ledger overflow: {0}")]
    Money(#[from] MoneyError),
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} at {}", f.rule, f.path))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Hands out entry ids from the books' next one.
pub(crate) struct IdSequence(u64);

impl IdSequence {
    pub(crate) fn next_id(&mut self) -> Result<EntryId, LedgerError> {
        let id = EntryId(self.0);
        self.0 = self.0.checked_add(1).ok_or(LedgerError::TooLarge)?;
        Ok(id)
    }
}

pub(crate) fn next_ids(books: &impl LedgerView) -> IdSequence {
    IdSequence(books.next_id().0)
}

/// Refuses a posting date before the books' last.
pub(crate) fn check_posted(books: &impl LedgerView, posted: NaiveDate) -> Result<(), LedgerError> {
    if books.last_posted().is_some_and(|last| posted < last) {
        return Err(LedgerError::PostedBeforeLast);
    }
    Ok(())
}
