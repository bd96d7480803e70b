//! Whole operations over plain lists, for hosts that keep the entries in their own store (a
//! browser's IndexedDB, Room, Core Data): the bindings expose these. The host hands over its
//! entries and charged claims, and appends the entries it gets back.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::LedgerError;
use super::balance::{AsOf, Balances, balances};
use super::books::Ledger;
use super::charge::{ChargedClaim, ClaimIndex, charge};
use super::entry::Entry;
use super::post::{PostOptions, Posting};
use crate::remit::Remittance;

/// A remittance posted into a host's entries: the posting (its new entries to append, what
/// became of each claim, the claims sent on, underpayments, the deposit, findings) and the
/// balances after it: the books' totals, and the claims and patient accounts it touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PostResponse {
    /// The posting.
    pub posting: Posting,
    /// The balances after it (every entry, old and new).
    pub balances: Balances,
}

/// Posts `remittance` against `claims` into the books made of `entries` (numbered 1, 2, …
/// in order). Nothing is changed on an error.
pub fn post_to_entries(
    remittance: &Remittance,
    claims: Vec<ChargedClaim>,
    entries: Vec<Entry>,
    options: &PostOptions,
) -> Result<PostResponse, LedgerError> {
    let mut ledger = Ledger::from_entries(entries)?;
    let index = ClaimIndex::new(claims);
    let posting = ledger.post_remittance(remittance, &index, options)?;
    let mut touched_claims: BTreeSet<&str> = posting
        .claims
        .iter()
        .map(|c| c.patient_control_number.as_str())
        .collect();
    touched_claims.extend(posting.entries.iter().filter_map(|e| e.account.claim()));
    let touched_patients: BTreeSet<&str> = posting
        .entries
        .iter()
        .filter_map(|e| e.account.patient())
        .collect();
    let mut after = balances(ledger.entries(), AsOf::all())?;
    after
        .claims
        .retain(|c| touched_claims.contains(c.claim.as_str()));
    after
        .patients
        .retain(|p| touched_patients.contains(p.patient.as_str()));
    Ok(PostResponse {
        posting,
        balances: after,
    })
}

/// Charges each claim (billed on `billed`, entered on `posted`) into the books made of
/// `entries`; returns the new entries, to append. Nothing is charged on an error.
pub fn charge_claims(
    claims: &[ChargedClaim],
    entries: Vec<Entry>,
    billed: NaiveDate,
    posted: NaiveDate,
) -> Result<Vec<Entry>, LedgerError> {
    let mut ledger = Ledger::from_entries(entries)?;
    let start = ledger.len();
    for claim in claims {
        let new = charge(claim, &ledger, billed, posted)?;
        ledger.append_all(new)?;
    }
    let mut all = ledger.into_entries();
    Ok(all.split_off(start))
}
