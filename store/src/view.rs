//! The books as the core's ledger sees them: [`LedgerView`] and [`ChargedClaims`] answered
//! with indexed queries on a connection inside a transaction, and the appending of entries
//! (each with its audit hash) and claim versions.
//!
//! The core's questions cannot fail, but a query can: the first failure is kept, answers
//! after it are empty, and the caller checks [`Writer::failed`] after each core call, before
//! anything is committed.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use chrono::NaiveDate;
use medbill::audit::ChainHash;
use medbill::ledger::{ChargedClaim, ChargedClaims, Entry, EntryId, EntryKind, LedgerView, Source};
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::{FxHashSet, FxHasher};

use crate::StoreError;
use crate::prefetch::Prefetched;
use crate::row::{Columns, encode, joined, sql_id};

/// Selects an entry's id, body and source; `entry_query!("WHERE …")` adds the rest.
macro_rules! entry_query {
    ($rest:literal) => {
        concat!(
            "SELECT e.id, e.body, s.body FROM entries e LEFT JOIN sources s ON s.id = e.source ",
            $rest
        )
    };
}
pub(crate) use entry_query;

/// Reads a stored entry from its row's body and source.
pub(crate) fn parse_entry(id: i64, body: &str, source: Option<&str>) -> Result<Entry, StoreError> {
    let corrupt = || StoreError::Corrupt {
        entry: u64::try_from(id).unwrap_or(0),
        what: "its stored body is not an entry",
    };
    let json = joined(body, source).ok_or_else(corrupt)?;
    serde_json::from_str(&json).map_err(|_| corrupt())
}

/// Reads the entry of a row selected by [`entry_query!`].
pub(crate) fn entry_of_row(row: &rusqlite::Row<'_>) -> Result<Entry, StoreError> {
    let id: i64 = row.get(0)?;
    let body: String = row.get(1)?;
    let source: Option<String> = row.get(2)?;
    parse_entry(id, &body, source.as_deref())
}

/// Reads a stored claim's body (the message names the claim's position, never its data).
pub(crate) fn parse_claim(body: &str) -> Result<ChargedClaim, StoreError> {
    serde_json::from_str(body).map_err(|_| StoreError::ClaimUnreadable)
}

/// A claim's key in the set of claims touched.
fn claim_key(claim: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = FxHasher::default();
    claim.hash(&mut hasher);
    hasher.finish()
}

/// The chain's head as stored: how many entries and the last hash.
pub(crate) fn read_head(conn: &Connection) -> Result<(u64, ChainHash), StoreError> {
    let (length, head): (i64, Vec<u8>) =
        conn.query_row("SELECT length, head FROM chain WHERE one = 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let head: [u8; 32] = head.try_into().map_err(|_| StoreError::HeadUnreadable)?;
    Ok((
        u64::try_from(length).map_err(|_| StoreError::HeadUnreadable)?,
        ChainHash(head),
    ))
}

/// The books inside one transaction: answers the core's questions and appends what it
/// returns.
pub(crate) struct Writer<'c> {
    conn: &'c Connection,
    next: Cell<u64>,
    last_posted: Cell<Option<NaiveDate>>,
    head: Cell<ChainHash>,
    /// The last source kept apart and its row, for the entries of one claim that share it.
    source: RefCell<Option<(String, i64)>>,
    /// What the books held for the claim being posted when the posting began.
    prefetched: RefCell<Option<Box<Prefetched>>>,
    /// The claims (hashes of their patient control numbers) this transaction appended to
    /// or kept a version of: a look-up made before it is stale for them.
    touched: RefCell<FxHashSet<u64>>,
    failure: RefCell<Option<StoreError>>,
}

impl<'c> Writer<'c> {
    /// The books as they stand on `conn` (inside a transaction).
    pub(crate) fn new(conn: &'c Connection) -> Result<Writer<'c>, StoreError> {
        let (length, head) = read_head(conn)?;
        let last: Option<(i64, (String, Option<String>))> = conn
            .query_row(entry_query!("ORDER BY e.id DESC LIMIT 1"), [], |row| {
                Ok((row.get(0)?, (row.get(1)?, row.get(2)?)))
            })
            .optional()?;
        let (count, last_posted) = match last {
            None => (0, None),
            Some((id, (body, source))) => (
                u64::try_from(id).map_err(|_| StoreError::HeadUnreadable)?,
                Some(parse_entry(id, &body, source.as_deref())?.posted),
            ),
        };
        if count != length {
            return Err(StoreError::HeadMismatch);
        }
        Ok(Writer {
            conn,
            next: Cell::new(count.saturating_add(1)),
            last_posted: Cell::new(last_posted),
            head: Cell::new(head),
            source: RefCell::new(None),
            prefetched: RefCell::new(None),
            touched: RefCell::new(FxHashSet::default()),
            failure: RefCell::new(None),
        })
    }

    /// Hands over what the books held for the next claim when the posting began.
    pub(crate) fn offer(&self, found: Option<Box<Prefetched>>) {
        *self.prefetched.borrow_mut() = found;
    }

    fn touch(&self, claim: &str) {
        self.touched.borrow_mut().insert(claim_key(claim));
    }

    /// The prefetched answer for `claim`, when it is for this claim and still current.
    fn prefetched<T>(
        &self,
        claim: &str,
        take: impl FnOnce(&mut Prefetched) -> Option<T>,
    ) -> Option<T> {
        let mut slot = self.prefetched.borrow_mut();
        let found = slot.as_mut().filter(|p| p.pcn == claim)?;
        if self.touched.borrow().contains(&claim_key(claim)) {
            return None;
        }
        take(found)
    }

    /// The connection.
    pub(crate) fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// The first query failure since the last check, if any.
    pub(crate) fn failed(&self) -> Result<(), StoreError> {
        match self.failure.borrow_mut().take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn keep<T: Default>(&self, result: Result<T, StoreError>) -> T {
        match result {
            Ok(value) => value,
            Err(error) => {
                let mut slot = self.failure.borrow_mut();
                if slot.is_none() {
                    *slot = Some(error);
                }
                T::default()
            }
        }
    }

    /// Appends entries in order, each with its audit hash; a reversal must undo an entry on
    /// the same account and party (the schema checks the rest: ids in sequence, dates in
    /// order, one reversal per entry, one remittance per payer and trace).
    pub(crate) fn append(&self, entries: &[Entry]) -> Result<(), StoreError> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO entries (id, prev, kind, claim, patient, source, trace_payer, trace, \
             reverses, body, hash) \
             VALUES (?1, nullif(?1 - 1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for entry in entries {
            if self
                .last_posted
                .get()
                .is_some_and(|last| entry.posted < last)
            {
                return Err(StoreError::Ledger(medbill::LedgerError::PostedBeforeLast));
            }
            if let EntryKind::Reversal(reversal) = &entry.kind {
                let target = self.entry(reversal.reverses);
                self.failed()?;
                if target.is_none_or(|t| t.account != entry.account || t.party != entry.party) {
                    return Err(StoreError::Ledger(medbill::LedgerError::EntryOrder {
                        position: usize::try_from(entry.id.0.saturating_sub(1))
                            .unwrap_or(usize::MAX),
                        expected: "a reversal of an earlier entry on the same account and party",
                    }));
                }
            }
            let columns = Columns::of(entry)?;
            if let Some(claim) = &columns.claim {
                self.touch(claim);
            }
            let encoded = encode(entry, &self.head.get())?;
            let source = match &encoded.source {
                Some(json) => Some(self.source_row(entry, json)?),
                None => None,
            };
            insert.execute(params![
                columns.id,
                columns.kind,
                columns.claim,
                columns.patient,
                source,
                columns.trace_payer,
                columns.trace,
                columns.reverses,
                encoded.body,
                &encoded.hash.0[..],
            ])?;
            self.head.set(encoded.hash);
            self.next.set(entry.id.0.saturating_add(1));
            self.last_posted.set(Some(entry.posted));
        }
        Ok(())
    }

    /// The row of an entry's 835 source: the last one kept when the same, else a new row.
    fn source_row(&self, entry: &Entry, json: &str) -> Result<i64, StoreError> {
        let mut last = self.source.borrow_mut();
        if let Some((kept, row)) = last.as_ref() {
            if kept == json {
                return Ok(*row);
            }
        }
        let Source::Remittance(source) = &entry.source else {
            return Err(StoreError::Corrupt {
                entry: entry.id.0,
                what: "its source is not an 835's",
            });
        };
        self.conn
            .prepare_cached("INSERT INTO sources (payer, payer_claim, body) VALUES (?1, ?2, ?3)")?
            .execute(params![
                source.payer.as_str(),
                source.payer_claim_number.as_deref(),
                json
            ])?;
        let row = self.conn.last_insert_rowid();
        *last = Some((json.to_owned(), row));
        Ok(row)
    }

    /// Records the chain's head (call before committing).
    pub(crate) fn close(&self) -> Result<(), StoreError> {
        let length = sql_id(self.next.get().saturating_sub(1))?;
        self.conn.execute(
            "UPDATE chain SET length = ?1, head = ?2 WHERE one = 1",
            params![length, &self.head.get().0[..]],
        )?;
        Ok(())
    }

    /// Keeps `claim` as the latest version of its patient control number.
    pub(crate) fn keep_claim(&self, claim: &ChargedClaim) -> Result<(), StoreError> {
        let body = serde_json::to_string(claim).map_err(|_| StoreError::ClaimUnreadable)?;
        self.touch(&claim.claim.patient_control_number);
        self.conn
            .prepare_cached(
                "INSERT INTO claims (pcn, version, patient_account, body) \
                 SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3 FROM claims WHERE pcn = ?1",
            )?
            .execute(params![
                claim.claim.patient_control_number,
                claim.patient_account,
                body
            ])?;
        Ok(())
    }

    fn entries(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Entry>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let mut rows = statement.query(args)?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            entries.push(entry_of_row(row)?);
        }
        Ok(entries)
    }

    fn entry_of(&self, id: EntryId) -> Result<Option<Entry>, StoreError> {
        let Ok(id) = i64::try_from(id.0) else {
            return Ok(None);
        };
        Ok(self
            .entries(entry_query!("WHERE e.id = ?1"), [id])?
            .into_iter()
            .next())
    }
}

impl LedgerView for Writer<'_> {
    fn next_id(&self) -> EntryId {
        EntryId(self.next.get())
    }

    fn last_posted(&self) -> Option<NaiveDate> {
        self.last_posted.get()
    }

    fn entry(&self, id: EntryId) -> Option<Entry> {
        self.keep(self.entry_of(id))
    }

    fn reversal_of(&self, id: EntryId) -> Option<EntryId> {
        let Ok(id) = i64::try_from(id.0) else {
            return None;
        };
        let found = (|| -> Result<Option<EntryId>, StoreError> {
            let reversal: Option<i64> = self
                .conn
                .prepare_cached("SELECT id FROM entries WHERE reverses = ?1")?
                .query_row([id], |row| row.get(0))
                .optional()?;
            Ok(reversal.and_then(|r| u64::try_from(r).ok()).map(EntryId))
        })();
        self.keep(found)
    }

    fn claim_entries(&self, claim: &str) -> Vec<Cow<'_, Entry>> {
        if let Some(entries) = self.prefetched(claim, |p| p.entries.take()) {
            return entries.into_iter().map(Cow::Owned).collect();
        }
        let found = self.entries(entry_query!("WHERE e.claim = ?1 ORDER BY e.id"), [claim]);
        self.keep(found).into_iter().map(Cow::Owned).collect()
    }

    fn remittance(&self, payer: &str, trace: &str) -> Option<Entry> {
        let found = self.entries(
            entry_query!("WHERE e.kind = 'remittance' AND e.trace_payer = ?1 AND e.trace = ?2"),
            [payer, trace],
        );
        self.keep(found).into_iter().next()
    }

    fn payer_claim_entries(&self, payer: &str, payer_claim_number: &str) -> Vec<Entry> {
        let found = self.entries(
            entry_query!("WHERE s.payer = ?1 AND s.payer_claim = ?2 ORDER BY e.id"),
            [payer, payer_claim_number],
        );
        self.keep(found)
    }

    fn deposits(&self, payer: &str, trace: &str) -> Vec<Entry> {
        let found = self.entries(
            entry_query!(
                "WHERE e.kind = 'deposit' AND e.trace_payer = ?1 AND e.trace = ?2 ORDER BY e.id"
            ),
            [payer, trace],
        );
        self.keep(found)
    }
}

impl ChargedClaims for Writer<'_> {
    fn charged(&self, patient_control_number: &str) -> Option<Cow<'_, ChargedClaim>> {
        if let Some(charged) = self.prefetched(patient_control_number, |p| p.charged.take()) {
            return charged.map(Cow::Owned);
        }
        let found = (|| -> Result<Option<ChargedClaim>, StoreError> {
            let body: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT body FROM claims WHERE pcn = ?1 ORDER BY version DESC LIMIT 1",
                )?
                .query_row([patient_control_number], |row| row.get(0))
                .optional()?;
            body.as_deref().map(parse_claim).transpose()
        })();
        self.keep(found).map(Cow::Owned)
    }
}
