//! Small balances written off by rule: a patient account that owes no more than a threshold,
//! all of it owed for longer than a number of days, is written off, visit by visit (the
//! oldest date of service first) and account by account, as the ledger's
//! [`WriteOffRequest`]s.
//!
//! The rule looks at what the patient is asked to pay: the visits' balances less any credit
//! kept on the patient account. "Older than N days" holds when the newest unpaid part of it
//! arose more than N days before the day asked about (payments pay the oldest part first),
//! so a small balance that just grew is not written off.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::reading::PatientEntries;
use super::visit::owed_dates;
use crate::ledger::{Account, Entry, EntryKind, Party, WriteOffRequest};
use crate::money::Money;

/// When a small balance is written off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SmallBalanceRule {
    /// The most a balance may be to be written off.
    pub threshold: Money,
    /// It must have been owed for more than this many days.
    pub older_than_days: u32,
    /// The reason written on each write-off (the practice's words, no patient data).
    pub reason: String,
}

/// The write-offs `rule` calls for as of `as_of`, effective that day and entered on
/// `posted`, for every patient account in `entries`, in patient account order.
pub fn small_balance_write_offs<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    rule: &SmallBalanceRule,
    as_of: NaiveDate,
    posted: NaiveDate,
) -> Result<Vec<WriteOffRequest>, StatementError> {
    if rule.threshold <= Money::ZERO {
        return Err(StatementError::NotPositive { field: "threshold" });
    }
    if rule.reason.trim().is_empty() {
        return Err(StatementError::Missing { field: "reason" });
    }
    let mut requests = Vec::new();
    for book in PatientEntries::all(entries, as_of).into_values() {
        let mut due = book.unapplied_balance()?;
        let mut newest: Option<NaiveDate> = None;
        // Each open visit: its first date of service, and what the patient owes per account.
        let mut open: Vec<(NaiveDate, Vec<(Account, Money)>)> = Vec::new();
        for entries in book.claims.values() {
            let mut accounts: Vec<(Account, Money)> = Vec::new();
            for entry in entries.iter().filter(|e| e.party == Party::Patient) {
                due = due.checked_add(entry.amount)?;
                match accounts.iter_mut().find(|(a, _)| *a == entry.account) {
                    Some((_, sum)) => *sum = sum.checked_add(entry.amount)?,
                    None => accounts.push((entry.account.clone(), entry.amount)),
                }
            }
            let (_, last) = owed_dates(entries)?;
            let Some(last) = last else {
                continue;
            };
            newest = Some(newest.map_or(last, |n| n.max(last)));
            let served = entries
                .iter()
                .filter(|e| matches!(e.kind, EntryKind::Charge(_)))
                .map(|e| e.effective)
                .min()
                .unwrap_or(last);
            open.push((served, accounts));
        }
        let old_enough = newest.is_some_and(|newest| {
            as_of.signed_duration_since(newest).num_days() > i64::from(rule.older_than_days)
        });
        if due <= Money::ZERO || due > rule.threshold || !old_enough {
            continue;
        }
        open.sort_by_key(|a| a.0);
        let mut left = due;
        for (account, owes) in open.into_iter().flat_map(|(_, accounts)| accounts) {
            if left.is_zero() {
                break;
            }
            if owes <= Money::ZERO {
                continue;
            }
            let amount = owes.min(left);
            left = left.checked_sub(amount)?;
            requests.push(WriteOffRequest {
                account,
                party: Party::Patient,
                amount,
                reason: rule.reason.clone(),
                effective: as_of,
                posted,
            });
        }
    }
    Ok(requests)
}
