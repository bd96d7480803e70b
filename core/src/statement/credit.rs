//! Credit balances: patient accounts where the patient paid more than owed, on a visit (a
//! payer paid more after the patient did, a share reversed) or on the account (money kept
//! unapplied), and the refund each calls for.
//!
//! A credit is refunded only for what is left once the patient's other visits are counted:
//! a credit of 30.00 on one visit and 10.00 owed on another is a refund of 20.00. While a
//! payer still owes on one of the patient's visits the refund is held (by default): its
//! answer may move more to the patient.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::reading::PatientEntries;
use crate::ledger::{Entry, Party, RefundRequest};
use crate::money::Money;

/// How to look for credits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditOptions {
    /// Entries posted on or before this day count.
    pub as_of: NaiveDate,
    /// The day a proposed refund is paid.
    pub refund_on: NaiveDate,
    /// The day it is entered in the books.
    pub posted: NaiveDate,
    /// Hold a refund while a payer still owes on one of the patient's visits (default true).
    #[serde(default = "yes")]
    pub hold_while_insurance_pending: bool,
}

fn yes() -> bool {
    true
}

/// A visit where the patient paid more than owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimCredit {
    /// The claim's patient control number.
    pub claim: String,
    /// How much more the patient paid than owed (positive).
    pub credit: Money,
}

/// Why a credit is not refunded now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum CreditHold {
    /// The patient owes as much or more on other visits: nothing is left to refund.
    OwedOnOtherVisits,
    /// A payer still owes on one of the patient's visits.
    InsurancePending,
}

/// What to do with a credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum CreditAction {
    /// Refund it: the ledger's request, to enter with [`crate::ledger::refund`].
    Refund(RefundRequest),
    /// Keep it for now.
    Hold(CreditHold),
}

/// A patient account with a credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditBalance {
    /// The patient account id.
    pub patient: String,
    /// The visits with a credit.
    pub claims: Vec<ClaimCredit>,
    /// The credit kept on the patient account, not applied to a visit (positive).
    pub unapplied_credit: Money,
    /// What the patient owes on other visits.
    pub owed_on_other_visits: Money,
    /// What payers still owe on the patient's visits.
    pub insurance_pending: Money,
    /// The credit left once everything the patient owes is counted (what a refund returns).
    pub net_credit: Money,
    /// What to do.
    pub action: CreditAction,
}

/// Every patient account with a credit as of `options.asOf`, by patient account id.
pub fn credits<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    options: &CreditOptions,
) -> Result<Vec<CreditBalance>, StatementError> {
    let mut found = Vec::new();
    for (patient, book) in PatientEntries::all(entries, options.as_of) {
        let mut claims = Vec::new();
        let mut owed = Money::ZERO;
        let mut pending = Money::ZERO;
        for (claim, entries) in &book.claims {
            let mut patient_side = Money::ZERO;
            for entry in entries {
                if entry.party == Party::Patient {
                    patient_side = patient_side.checked_add(entry.amount)?;
                } else {
                    pending = pending.checked_add(entry.amount)?;
                }
            }
            if patient_side.is_negative() {
                claims.push(ClaimCredit {
                    claim: claim.to_string(),
                    credit: patient_side.negated(),
                });
            } else {
                owed = owed.checked_add(patient_side)?;
            }
        }
        let unapplied = book.unapplied_balance()?;
        if claims.is_empty() && !unapplied.is_negative() {
            continue;
        }
        let credit =
            Money::sum(claims.iter().map(|c| c.credit))?.checked_add(unapplied.negated())?;
        let net_credit = credit.checked_sub(owed)?;
        let action = if net_credit <= Money::ZERO {
            CreditAction::Hold(CreditHold::OwedOnOtherVisits)
        } else if options.hold_while_insurance_pending && pending > Money::ZERO {
            CreditAction::Hold(CreditHold::InsurancePending)
        } else {
            CreditAction::Refund(RefundRequest {
                patient: patient.to_string(),
                amount: net_credit,
                paid: options.refund_on,
                posted: options.posted,
                check: None,
            })
        };
        found.push(CreditBalance {
            patient: patient.to_string(),
            claims,
            unapplied_credit: unapplied.negated().max(Money::ZERO),
            owed_on_other_visits: owed,
            insurance_pending: pending,
            net_credit,
            action,
        });
    }
    Ok(found)
}
