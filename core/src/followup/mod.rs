//! Chasing what has not been paid (issue "follow-up"): the claims no payer has answered in
//! its follow-up days, the 276 claim-status requests for them, the 277 answers posted as
//! status entries with their STC codes explained, and the fix list that 277CA and 999
//! rejections turn into.
//!
//! Everything reads entries and writes new ones or documents; nothing edits history.

mod codes;
mod fixes;
mod queue;
mod request;
mod status;

pub use codes::{category_words, entity_words, status_words};
pub use fixes::{Fix, fix_list, fixes_from_277ca, fixes_from_999};
pub use queue::{
    FollowUpItem, FollowUpQueue, LastStatus, claim_follow_up, follow_up_queue, rank_follow_ups,
};
pub use request::status_request;
pub use status::{
    StatusPosting, StatusUpdate, post_statuses, post_statuses_to_entries, submission,
};

/// Why follow-up work could not be done. Messages name fields, never patient data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowUpError {
    /// A value the request needs is missing.
    #[error("{field} is missing")]
    Missing {
        /// Which field.
        field: &'static str,
    },
    /// The books refused the entries.
    #[error(transparent)]
    Ledger(#[from] crate::ledger::LedgerError),
    /// An amount overflowed.
    #[error(transparent)]
    Money(#[from] crate::money::MoneyError),
}
