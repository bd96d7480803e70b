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
    pub(crate) kind: &'static str,
    pub(crate) claim: Option<String>,
    pub(crate) patient: Option<String>,
    pub(crate) trace_payer: Option<String>,
    pub(crate) trace: Option<String>,
    pub(crate) reverses: Option<i64>,
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
        EntryKind::Status(_) => "status",
    }
}

/// An entry id as SQLite's integer.
pub(crate) fn sql_id(id: u64) -> Result<i64, StoreError> {
    i64::try_from(id).map_err(|_| StoreError::Ledger(medbill::LedgerError::TooLarge))
}

impl Columns {
    /// The columns of `entry`.
    pub(crate) fn of(entry: &Entry) -> Result<Columns, StoreError> {
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
            kind: kind_name(&entry.kind),
            claim: entry.account.claim().map(str::to_owned),
            patient: match &entry.account {
                Account::Patient(account) => Some(account.patient.to_string()),
                _ => None,
            },
            trace_payer,
            trace,
            reverses,
        })
    }
}

/// The key that starts an entry's source in its canonical JSON: the last field.
const SOURCE_KEY: &str = ",\"source\":";

/// An entry encoded for its row.
pub(crate) struct Encoded {
    /// The canonical JSON, less the source when `source` holds it.
    pub(crate) body: String,
    /// An 835 source's JSON, kept apart (shared by the entries of one 835 claim).
    pub(crate) source: Option<String>,
    /// The audit hash.
    pub(crate) hash: ChainHash,
}

/// An entry encoded for its row, with its audit hash after `previous`. The hash is the audit
/// chain's link, SHA-256(previous ‖ canonical bytes), where the canonical bytes are a domain
/// tag, a zero byte and the entry's JSON: one encoding serves both. An 835 source (the last
/// field of the JSON) is cut out, to be kept once for all the entries of its claim.
pub(crate) fn encode(entry: &Entry, previous: &ChainHash) -> Result<Encoded, StoreError> {
    let corrupt = |what| StoreError::Corrupt {
        entry: entry.id.0,
        what,
    };
    let bytes = canonical_bytes(entry)?;
    let mut hasher = Sha256::new();
    hasher.update(previous.0);
    hasher.update(&bytes);
    let hash = ChainHash(hasher.finalize().into());
    let json = bytes
        .iter()
        .position(|&b| b == 0)
        .and_then(|zero| bytes.get(zero.saturating_add(1)..))
        .ok_or_else(|| corrupt("its canonical encoding has no domain tag"))?;
    let json =
        std::str::from_utf8(json).map_err(|_| corrupt("its canonical encoding is not UTF-8"))?;
    if !matches!(entry.source, Source::Remittance(_)) {
        return Ok(Encoded {
            body: json.to_owned(),
            source: None,
            hash,
        });
    }
    // The source is the JSON's last field: `…,"source":{…}}`.
    let (head, source) = json
        .rfind(SOURCE_KEY)
        .and_then(|at| {
            Some((
                json.get(..at)?,
                json.get(at.checked_add(SOURCE_KEY.len())?..)?,
            ))
        })
        .and_then(|(head, rest)| Some((head, rest.strip_suffix('}')?)))
        .ok_or_else(|| corrupt("its canonical encoding does not end with its source"))?;
    let mut body = String::with_capacity(head.len().saturating_add(1));
    body.push_str(head);
    body.push('}');
    Ok(Encoded {
        body,
        source: Some(source.to_owned()),
        hash,
    })
}

/// The entry's JSON from its row: the body, with its source put back last when kept apart.
pub(crate) fn joined(body: &str, source: Option<&str>) -> Option<String> {
    match source {
        None => Some(body.to_owned()),
        Some(source) => {
            let head = body.strip_suffix('}')?;
            let mut json = String::with_capacity(
                body.len()
                    .saturating_add(SOURCE_KEY.len())
                    .saturating_add(source.len()),
            );
            json.push_str(head);
            json.push_str(SOURCE_KEY);
            json.push_str(source);
            json.push('}');
            Some(json)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code fails loudly")]

    use super::*;
    use medbill::audit::AuditChain;

    #[test]
    fn the_rows_hash_is_the_audit_chains_link_and_its_body_the_entrys_json() {
        let claims: Vec<medbill::ChargedClaim> =
            medbill::from_json(include_str!("../../examples/data/books/claims.json")).unwrap();
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let mut entries =
            medbill::ledger::charge_claims(&claims, Vec::new(), day(11, 20), day(12, 1)).unwrap();
        let remittance =
            medbill::x12::read_835(include_bytes!("../../examples/data/books/remittance.835"))
                .unwrap()
                .remove(0);
        let options = medbill::ledger::PostOptions::on(day(12, 2));
        let posted =
            medbill::ledger::post_to_entries(&remittance, claims, entries.clone(), &options)
                .unwrap();
        entries.extend(posted.posting.entries);
        let mut previous = ChainHash::default();
        let mut kept_apart = 0;
        for entry in &entries {
            let encoded = encode(entry, &previous).unwrap();
            assert_eq!(encoded.hash, AuditChain::link(&previous, entry).unwrap());
            kept_apart += usize::from(encoded.source.is_some());
            assert_eq!(
                joined(&encoded.body, encoded.source.as_deref()).unwrap(),
                serde_json::to_string(entry).unwrap()
            );
            previous = encoded.hash;
        }
        assert!(kept_apart > 0);
    }
}
