//! The patient's side of the books: statements, the dunning cycle, payment plans, patient
//! payments allocated to open visits, credit balances and refunds, small-balance
//! write-offs, and "why do I owe this?" explained to the patient or to a payer.
//!
//! Everything reads the ledger's entries ([`crate::ledger::Entry`]) and the charged claims
//! ([`crate::ledger::ChargedClaims`]) and returns data: documents, or the requests of the
//! ledger's own operations ([`crate::ledger::PatientPaymentRequest`],
//! [`crate::ledger::RefundRequest`], [`crate::ledger::WriteOffRequest`]) for the caller to
//! enter. Nothing edits history, nothing reads a clock: "as of" is an argument, and an entry
//! counts when it was posted on or before it, as in [`crate::ledger::balances`].
//!
//! A visit is one claim. What the patient owes on it is the patient's balance on the claim's
//! accounts; a statement's figures are sums of entries, so they reconcile with the books:
//! the visits' `owes` add up to the patient's balance on its claims, and with the money kept
//! unapplied on the patient account, to the patient's balance in [`crate::ledger::balances`].
//!
//! The statement is a plain document ([`Statement`]); [`statement_text`] and
//! [`statement_html`] render it, and any other renderer (a PDF) can take the same document.

mod allocate;
mod credit;
mod dunning;
mod explain;
mod html;
mod plan;
mod plan_standing;
mod reading;
mod rows;
mod small_balance;
#[allow(
    clippy::module_inception,
    reason = "the statement document lives in the statement module"
)]
mod statement;
mod text;
mod visit;
mod words;

pub use allocate::{Allocation, AllocationTarget, PaymentAllocationRequest, allocate_payment};
pub use credit::{ClaimCredit, CreditAction, CreditBalance, CreditHold, CreditOptions, credits};
pub use dunning::{Dunning, DunningPolicy, DunningStage, DunningStep, dunning};
pub use explain::{
    Audience, PatientExplanation, PayerExplanation, PayerInquiryLine, VisitExplanation, explain,
    explain_to_patient, explain_to_payer,
};
pub use html::statement_html;
pub use plan::{
    Installment, MAX_INSTALLMENTS, PaymentPlan, PlanFrequency, PlanRequest, PlanTerms, payment_plan,
};
pub use plan_standing::{
    InstallmentStanding, InstallmentState, PlanPayment, PlanStanding, plan_payments, plan_standing,
    plan_standing_in,
};
pub use small_balance::{SmallBalanceRule, small_balance_write_offs};
pub use statement::{
    Statement, StatementAddressee, StatementDocuments, StatementOptions, StatementPractice,
    StatementTotals, statement, statement_documents,
};
pub use text::statement_text;
pub use visit::{
    AdjustmentLine, PayerAnswer, PayerFigures, PayerStatus, PaymentLine, ShareLine, ShareReason,
    Visit, VisitFigures, VisitLine,
};

use crate::ledger::LedgerError;
use crate::money::MoneyError;

/// Why a statement, plan, allocation or explanation could not be made. Messages name fields
/// and positions, never patient data (no names, no account or claim ids, no dates).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    /// A required value is missing or empty.
    #[error("{field} is missing or empty")]
    Missing {
        /// Which field.
        field: &'static str,
    },
    /// The books hold no entry of this patient account as of the date.
    #[error("the patient account has no entries on the books as of the date")]
    UnknownPatient,
    /// The claim is not on the books as of the date, or is not the patient account's.
    #[error("{field}: no such claim on the books as of the date, or not the patient account's")]
    UnknownClaim {
        /// Which field named it.
        field: &'static str,
    },
    /// A claim on the books has no charged claim among those given (its dates of service
    /// and codes are unknown).
    #[error(
        "visit {position} (0-based, in patient control number order) has no charged claim among the claims given"
    )]
    ClaimNotCharged {
        /// 0-based position among the patient's claims on the books.
        position: usize,
    },
    /// An amount that must be positive is not.
    #[error("{field} must be a positive amount")]
    NotPositive {
        /// Which field.
        field: &'static str,
    },
    /// An amount has fractions of a cent where only whole cents can be paid.
    #[error("{field} must be in whole cents")]
    SubCent {
        /// Which field.
        field: &'static str,
    },
    /// The patient owes nothing to make a plan of.
    #[error("the patient owes nothing as of the date: there is no balance to plan")]
    NothingOwed,
    /// More installments than a plan may have.
    #[error("a plan has at most {max} installments")]
    TooManyInstallments {
        /// The most allowed.
        max: u32,
    },
    /// A date is out of place, or would fall outside the calendar.
    #[error("{field}: expected {expected}")]
    BadDate {
        /// Which date.
        field: &'static str,
        /// What was expected.
        expected: &'static str,
    },
    /// The dunning policy is not usable.
    #[error("the dunning policy at /dunning/steps: {reason}")]
    Policy {
        /// What is wrong.
        reason: &'static str,
    },
    /// The entries could not be summed.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// Amount arithmetic overflowed, or an amount could not be split.
    #[error("statement arithmetic: {0}")]
    Money(#[from] MoneyError),
}
