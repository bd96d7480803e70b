//! An entry as a row: the entry's canonical JSON (what the audit chain hashes) and the columns
//! derived from it that the indexes and constraints work on.

use medbill::audit::{ChainHash, canonical_bytes};
use medbill::ledger::{Account, Entry, EntryKind, Source};
use sha2::{Digest, Sha256};

use crate::StoreError;

/// The columns of an entry's row besides its body and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub(crate) id: i64,
    pub(crate) posted: String,
    pub(crate) effective: String,
    pub(crate) kind: &'static str,
    pub(crate) account: &'static str,
    pub(crate) claim: Option<String>,
    pub(crate) patient: Option<String>,
    pub(crate) source_payer: Option<String>,
    pub(crate) payer_claim: Option<String>,
    pub(crate) trace_payer: Option<String>,
    pub(crate) trace: Option<String>,
    pub(crate) reverses: Option<i64>,
    pub(crate) amount: String,
}

/// An entry's name for its kind, as stored in `entries.kind`.
pub(crate) fn kind_name(kind: &EntryKind) -> &'static str {
    match kind {
        EntryKind::Charge(_) => "charge",
        EntryKind::PayerPayment => "payerPayment",
        EntryKind::Adjustment(_) => "adjustment",
        EntryKind::Transfer(_) => "transfer",
        EntryKind::PatientPayment => "patientPayment",
        EntryKind::Refund => "refund",
        EntryKind::WriteOff(_) => "writeOff",
        EntryKind::Reversal(_) => "reversal",
        EntryKind::ProviderAdjustment(_) => "providerAdjustment",
        EntryKind::Remittance(_) => "remittance",
        EntryKind::Deposit(_) => "deposit",
        EntryKind::Suspense(_) => "suspense",
    }
}

fn account_name(account: &Account) -> &'static str {
    match account {
        Account::Line(_) => "line",
        Account::Claim(_) => "claim",
        Account::Patient(_) => "patient",
        Account::Payer(_) => "payer",
        Account::Clearing(_) => "clearing",
        Account::Suspense => "suspense",
    }
}

/// An entry id as SQLite's integer.
pub(crate) fn sql_id(id: u64) -> Result<i64, StoreError> {
    i64::try_from(id).map_err(|_| StoreError::Ledger(medbill::LedgerError::TooLarge))
}

impl Columns {
    /// The columns of `entry`.
    pub(crate) fn of(entry: &Entry) -> Result<Columns, StoreError> {
        let (source_payer, payer_claim) = match &entry.source {
            Source::Remittance(source) => match &source.payer_claim_number {
                Some(number) => (Some(source.payer.to_string()), Some(number.to_string())),
                None => (None, None),
            },
            _ => (None, None),
        };
        let (trace_payer, trace) = match (&entry.kind, &entry.source) {
            (EntryKind::Remittance(record), Source::Remittance(source)) => (
                Some(source.payer.to_string()),
                Some(record.trace.to_string()),
            ),
            (EntryKind::Deposit(deposit), _) => (
                entry.party.payer_id().map(str::to_owned),
                Some(deposit.trace.to_string()),
            ),
            _ => (None, None),
        };
        let reverses = match &entry.kind {
            EntryKind::Reversal(r) => Some(sql_id(r.reverses.0)?),
            _ => None,
        };
        Ok(Columns {
            id: sql_id(entry.id.0)?,
            posted: entry.posted.to_string(),
            effective: entry.effective.to_string(),
            kind: kind_name(&entry.kind),
            account: account_name(&entry.account),
            claim: entry.account.claim().map(str::to_owned),
            patient: entry.account.patient().map(str::to_owned),
            source_payer,
            payer_claim,
            trace_payer,
            trace,
            reverses,
            amount: entry.amount.to_string(),
        })
    }
}

/// An entry encoded for its row: its canonical JSON (the body) and its audit hash after
/// `previous`. The hash is the audit chain's link, SHA-256(previous ‖ canonical bytes), where
/// the canonical bytes are a domain tag, a zero byte and the JSON: one encoding serves both.
pub(crate) fn encode(
    entry: &Entry,
    previous: &ChainHash,
) -> Result<(String, ChainHash), StoreError> {
    let bytes = canonical_bytes(entry)?;
    let mut hasher = Sha256::new();
    hasher.update(previous.0);
    hasher.update(&bytes);
    let hash = ChainHash(hasher.finalize().into());
    let json = bytes
        .iter()
        .position(|&b| b == 0)
        .and_then(|zero| bytes.get(zero.saturating_add(1)..))
        .ok_or(StoreError::Corrupt {
            entry: entry.id.0,
            what: "its canonical encoding has no domain tag",
        })?;
    let body = String::from_utf8(json.to_vec()).map_err(|_| StoreError::Corrupt {
        entry: entry.id.0,
        what: "its canonical encoding is not UTF-8",
    })?;
    Ok((body, hash))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code fails loudly")]

    use super::*;
    use medbill::audit::AuditChain;

    #[test]
    fn the_rows_hash_is_the_audit_chains_link_and_its_body_the_entrys_json() {
        let entries: Vec<Entry> =
            medbill::from_json(include_str!("../../examples/data/books/entries.json")).unwrap();
        let mut previous = ChainHash::default();
        for entry in &entries {
            let (body, hash) = encode(entry, &previous).unwrap();
            assert_eq!(hash, AuditChain::link(&previous, entry).unwrap());
            assert_eq!(body, serde_json::to_string(entry).unwrap());
            previous = hash;
        }
    }
}
