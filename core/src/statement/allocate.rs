//! A patient's payment allocated to the visits the patient owes on: the oldest first (by
//! date of service), or to the visit the patient names; what is left over stays on the
//! patient account as a credit. The result is the ledger's own requests
//! ([`PatientPaymentRequest`]), one per visit paid and one for the rest, to enter in order
//! with [`crate::ledger::patient_payment`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::reading::PatientEntries;
use crate::ledger::{Entry, EntryKind, Party, PatientPaymentRequest};
use crate::money::Money;

/// Where a payment goes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum AllocationTarget {
    /// To the visits the patient owes on, the oldest date of service first.
    #[default]
    OldestFirst,
    /// To this visit (its claim's patient control number) only.
    Visit(String),
}

/// A patient's payment to allocate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentAllocationRequest {
    /// The patient account id.
    pub patient: String,
    /// How much (positive).
    pub amount: Money,
    /// Where it goes (default: the oldest visits first).
    #[serde(default)]
    pub target: AllocationTarget,
    /// When it was received.
    pub received: NaiveDate,
    /// When it is entered in the books: what the patient owes is read as of this day.
    pub posted: NaiveDate,
    /// The check number, when paid by check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
}

/// A payment allocated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Allocation {
    /// The ledger requests, in order: one per visit paid, then one for what is left (no
    /// claim: it stays on the patient account).
    pub requests: Vec<PatientPaymentRequest>,
    /// What goes to visits.
    pub applied: Money,
    /// What stays on the patient account as a credit.
    pub unapplied: Money,
}

/// Allocates `request` over what the patient owes on each visit in `entries`.
///
/// Refused: an amount that is not positive, an empty patient id, a patient without entries
/// on the books, a visit that is not the patient's.
pub fn allocate_payment<'a>(
    request: &PaymentAllocationRequest,
    entries: impl IntoIterator<Item = &'a Entry>,
) -> Result<Allocation, StatementError> {
    if request.amount <= Money::ZERO {
        return Err(StatementError::NotPositive { field: "amount" });
    }
    let book = PatientEntries::of(&request.patient, entries, request.posted)?;
    // Each visit's first date of service (its charges' dates) and what the patient owes.
    let mut open: Vec<(NaiveDate, &CompactString, Money)> = Vec::new();
    let mut all: BTreeMap<&CompactString, Money> = BTreeMap::new();
    for (claim, entries) in &book.claims {
        let owes = Money::sum(
            entries
                .iter()
                .filter(|e| e.party == Party::Patient)
                .map(|e| e.amount),
        )?;
        let served = entries
            .iter()
            .filter(|e| matches!(e.kind, EntryKind::Charge(_)))
            .map(|e| e.effective)
            .min()
            .or_else(|| entries.iter().map(|e| e.effective).min());
        all.insert(claim, owes);
        if let (true, Some(served)) = (owes > Money::ZERO, served) {
            open.push((served, claim, owes));
        }
    }
    open.sort();
    if let AllocationTarget::Visit(visit) = &request.target {
        if !all.contains_key(&CompactString::from(visit.as_str())) {
            return Err(StatementError::UnknownClaim { field: "target" });
        }
        open.retain(|(_, claim, _)| claim.as_str() == visit);
    }
    let payment = |claim: Option<String>, amount: Money| PatientPaymentRequest {
        patient: request.patient.clone(),
        claim,
        amount,
        received: request.received,
        posted: request.posted,
        check: request.check.clone(),
    };
    let mut left = request.amount;
    let mut requests = Vec::new();
    for (_, claim, owes) in open {
        if left.is_zero() {
            break;
        }
        let applied = owes.min(left);
        left = left.checked_sub(applied)?;
        requests.push(payment(Some(claim.to_string()), applied));
    }
    let applied = request.amount.checked_sub(left)?;
    if !left.is_zero() {
        requests.push(payment(None, left));
    }
    Ok(Allocation {
        requests,
        applied,
        unapplied: left,
    })
}
