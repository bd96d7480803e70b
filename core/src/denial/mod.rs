//! Denials: the CARC/RARC catalog in the team's own words, what each code means for the
//! biller (category, whether an appeal makes sense, the next action), and the work that
//! follows a denial.
//!
//! The code numbers and their start and stop dates are facts of the published lists
//! (X12's CARC list, CMS's RARC list); the words are ours, never the published
//! descriptions.

mod appeal;
mod catalog;
mod queue;
mod resubmit;

pub use appeal::{AppealDocuments, AppealLetter, AppealRequest, appeal_documents, appeal_letter};
pub use catalog::{
    Appeal, CarcInfo, Classification, DenialCategory, NextAction, RarcInfo, carc, carcs, classify,
    rarc, rarcs,
};
pub use queue::{
    DeadlineRule, DenialItem, DenialQueue, DeniedReason, MEDICARE_REDETERMINATION_DAYS, QueueGroup,
    claim_denials, denial_queue, denials, rules_for,
};
pub use resubmit::{ClaimChanges, Resubmission, corrected_claim, void_claim};

/// Why a denial's follow-up work could not be done. Messages name fields and positions,
/// never patient data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DenialError {
    /// A corrected or void claim needs the payer's claim number of the claim it replaces.
    #[error(
        "the payer's claim number is missing: a claim the payer never adjudicated (rejected) is \
         sent again as an original (frequency 1), not replaced or voided"
    )]
    NoPayerClaimNumber,
    /// The changes cannot be read or applied.
    #[error("the changes cannot be applied: {why}")]
    Changes {
        /// Why (positions and paths, no values).
        why: String,
    },
    /// The changed claim is not a claim.
    #[error("the changed claim cannot be read: {0}")]
    Decode(crate::input::DecodeError),
    /// The changed claim has an error finding.
    #[error("the changed claim breaks rule {rule} at {path}")]
    Invalid {
        /// The rule.
        rule: String,
        /// Where.
        path: String,
    },
    /// An amount overflowed.
    #[error(transparent)]
    Money(#[from] crate::money::MoneyError),
    /// The appeal letter lacks what it needs.
    #[error("the appeal letter needs {field}")]
    Letter {
        /// Which field.
        field: &'static str,
    },
}
