//! Picking a patient's entries out of the books as of a date: by claim (its visits), and the
//! patient account's own (money kept unapplied, refunds).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use compact_str::CompactString;

use super::StatementError;
use super::visit::{Visit, read_visit};
use crate::ledger::{Account, AsOf, ChargedClaims, Entry};
use crate::money::Money;

/// A patient account's entries posted on or before a date.
pub(crate) struct PatientEntries<'a> {
    /// Each claim's entries, in entry order, by patient control number.
    pub(crate) claims: BTreeMap<CompactString, Vec<&'a Entry>>,
    /// The patient account's own entries, in entry order.
    pub(crate) unapplied: Vec<&'a Entry>,
}

impl<'a> PatientEntries<'a> {
    /// The entries of `patient` among `entries`, posted on or before `as_of`.
    pub(crate) fn of(
        patient: &str,
        entries: impl IntoIterator<Item = &'a Entry>,
        as_of: NaiveDate,
    ) -> Result<PatientEntries<'a>, StatementError> {
        if patient.trim().is_empty() {
            return Err(StatementError::Missing { field: "patient" });
        }
        let cut = AsOf::posted(as_of);
        let mut claims: BTreeMap<CompactString, Vec<&Entry>> = BTreeMap::new();
        let mut unapplied = Vec::new();
        for entry in entries {
            if !cut.includes(entry) || entry.account.patient() != Some(patient) {
                continue;
            }
            match &entry.account {
                Account::Line(a) => claims.entry(a.claim.clone()).or_default().push(entry),
                Account::Claim(a) => claims.entry(a.claim.clone()).or_default().push(entry),
                _ => unapplied.push(entry),
            }
        }
        if claims.is_empty() && unapplied.is_empty() {
            return Err(StatementError::UnknownPatient);
        }
        Ok(PatientEntries { claims, unapplied })
    }

    /// Every patient account's entries among `entries`, posted on or before `as_of`.
    pub(crate) fn all(
        entries: impl IntoIterator<Item = &'a Entry>,
        as_of: NaiveDate,
    ) -> BTreeMap<CompactString, PatientEntries<'a>> {
        let cut = AsOf::posted(as_of);
        let mut patients: BTreeMap<CompactString, PatientEntries<'a>> = BTreeMap::new();
        for entry in entries {
            let Some(patient) = entry.account.patient() else {
                continue;
            };
            if !cut.includes(entry) {
                continue;
            }
            let book = patients
                .entry(CompactString::from(patient))
                .or_insert_with(|| PatientEntries {
                    claims: BTreeMap::new(),
                    unapplied: Vec::new(),
                });
            match entry.account.claim() {
                Some(claim) => book
                    .claims
                    .entry(CompactString::from(claim))
                    .or_default()
                    .push(entry),
                None => book.unapplied.push(entry),
            }
        }
        patients
    }

    /// The balance kept on the patient account (negative: a credit).
    pub(crate) fn unapplied_balance(&self) -> Result<Money, StatementError> {
        Ok(Money::sum(self.unapplied.iter().map(|e| e.amount))?)
    }

    /// Each claim read as a visit, in patient control number order.
    pub(crate) fn visits(
        &self,
        charged: &(impl ChargedClaims + ?Sized),
    ) -> Result<Vec<Visit>, StatementError> {
        self.claims
            .iter()
            .enumerate()
            .map(|(position, (claim, entries))| {
                let found = charged
                    .charged(claim)
                    .ok_or(StatementError::ClaimNotCharged { position })?;
                read_visit(claim, entries, &found)
            })
            .collect()
    }
}

/// The entries of one claim posted on or before `as_of`.
pub(crate) fn claim_entries<'a>(
    claim: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    as_of: NaiveDate,
) -> Vec<&'a Entry> {
    let cut = AsOf::posted(as_of);
    entries
        .into_iter()
        .filter(|e| cut.includes(e) && e.account.claim() == Some(claim))
        .collect()
}
