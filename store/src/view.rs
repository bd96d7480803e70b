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
use crate::row::{Columns, Encoded, encode, joined, sql_id};

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

/// A payer claim's key in the set of payer claims touched.
fn payer_claim_key(payer: &str, number: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = FxHasher::default();
    (payer, number).hash(&mut hasher);
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
    /// The claim being posted, when the next claim of the file is the same one (a reversal
    /// and its correction): its answers are then remembered for the next.
    remember: RefCell<Option<String>>,
    /// What the books hold for one claim, kept current as this transaction appends to it.
    memo: RefCell<Option<Memo>>,
    /// The claims (hashes of their patient control numbers) this transaction appended to
    /// or kept a version of: a look-up made before it is stale for them.
    touched: RefCell<FxHashSet<u64>>,
    failure: RefCell<Option<StoreError>>,
    /// The encoding thread, when one is attached.
    pipe: RefCell<Option<Pipe>>,
    /// The last entry id inserted (ids after it may be out on the encoding thread).
    inserted: Cell<u64>,
    /// The payer claims (hashes of payer and payer claim number) this transaction appended
    /// entries for.
    payer_claims: RefCell<FxHashSet<u64>>,
    /// The entries this transaction appended a reversal of.
    reversed: RefCell<FxHashSet<u64>>,
}

/// A writer's ends of the channels to and from an encoding thread ([`encode_ahead`]).
pub(crate) struct Pipe {
    entries: std::sync::mpsc::SyncSender<Vec<Entry>>,
    encoded: std::sync::mpsc::Receiver<Encodings>,
    /// Batches sent and not yet back.
    out: usize,
    /// Entries noted and not yet sent (sent by the [`BATCH`]: a hand-over per claim would
    /// have the threads wake each other for every claim).
    batch: Vec<Entry>,
}

/// Entries per batch sent to the encoding thread.
const BATCH: usize = 1024;

/// A batch of entries encoded, or why one could not be.
type Encodings = Result<Vec<(Entry, Columns, Encoded)>, StoreError>;

/// A pipe to an encoding thread: the writer's ends, and the function to run on that thread
/// (chaining from `head`, the writer's head when attached).
pub(crate) fn pipe(head: ChainHash) -> (Pipe, impl FnOnce() + Send) {
    let (entries, to_encode) = std::sync::mpsc::sync_channel::<Vec<Entry>>(64);
    // Unbounded back: the encoding thread never waits for the writer, so neither can
    // wait on the other; what is out stays bounded by the batches in flight.
    let (done, encoded) = std::sync::mpsc::channel();
    let run = move || encode_ahead(head, &to_encode, &done);
    (
        Pipe {
            entries,
            encoded,
            out: 0,
            batch: Vec::with_capacity(BATCH),
        },
        run,
    )
}

/// Encodes and hashes each batch of entries in order, chaining from `head`, until the
/// writer hangs up.
fn encode_ahead(
    mut head: ChainHash,
    batches: &std::sync::mpsc::Receiver<Vec<Entry>>,
    done: &std::sync::mpsc::Sender<Encodings>,
) {
    for batch in batches {
        let encoded = batch
            .into_iter()
            .map(|entry| {
                let columns = Columns::of(&entry)?;
                let encoded = encode(&entry, &head)?;
                head = encoded.hash;
                Ok((entry, columns, encoded))
            })
            .collect::<Result<Vec<_>, StoreError>>();
        let failed = encoded.is_err();
        if done.send(encoded).is_err() || failed {
            return;
        }
    }
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
            remember: RefCell::new(None),
            memo: RefCell::new(None),
            touched: RefCell::new(FxHashSet::default()),
            failure: RefCell::new(None),
            pipe: RefCell::new(None),
            inserted: Cell::new(count),
            payer_claims: RefCell::new(FxHashSet::default()),
            reversed: RefCell::new(FxHashSet::default()),
        })
    }

    /// Hands over what the books held for the next claim when the posting began; `again`:
    /// the claim after it in the file is the same claim (its answers are then remembered,
    /// and kept current, so that claim need not ask the database).
    pub(crate) fn offer(&self, found: Option<Box<Prefetched>>, again: bool) {
        let pcn = found.as_ref().map(|f| f.pcn.clone());
        // A memo stays true (appends and claim versions keep it current); it is let go once
        // another claim comes.
        let mut memo = self.memo.borrow_mut();
        if let Some(pcn) = &pcn
            && memo.as_ref().is_some_and(|m| &m.pcn != pcn)
        {
            *memo = None;
        }
        *self.remember.borrow_mut() = pcn.clone().filter(|_| again);
        let mut found = found;
        // The same claim comes next: what the books held for it moves into the memo now
        // (while still current), whichever of it this claim's posting asks.
        if let (true, Some(pcn), Some(found)) = (again, pcn, found.as_mut())
            && !self.touched.borrow().contains(&claim_key(&pcn))
        {
            *memo = Some(Memo {
                pcn,
                charged: found.charged.take(),
                entries: found.entries.take(),
            });
        }
        *self.prefetched.borrow_mut() = found;
    }

    /// The books' answer for `claim`: remembered, else prefetched, else asked; remembered
    /// when asked for the claim whose answers are to be remembered.
    fn answer<T: Clone>(
        &self,
        claim: &str,
        field: fn(&mut Memo) -> &mut Option<T>,
        take: impl FnOnce(&mut Prefetched) -> Option<T>,
        query: impl FnOnce() -> T,
    ) -> T {
        if let Some(memo) = self.memo.borrow_mut().as_mut().filter(|m| m.pcn == claim)
            && let Some(kept) = field(memo)
        {
            return kept.clone();
        }
        let value = match self.prefetched(claim, take) {
            Some(value) => value,
            None => query(),
        };
        let remember = self.remember.borrow().as_deref() == Some(claim);
        if remember && self.failure.borrow().is_none() {
            let mut slot = self.memo.borrow_mut();
            if slot.as_ref().is_none_or(|m| m.pcn != claim) {
                *slot = Some(Memo {
                    pcn: claim.to_owned(),
                    charged: None,
                    entries: None,
                });
            }
            if let Some(memo) = slot.as_mut() {
                *field(memo) = Some(value.clone());
            }
        }
        value
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

    /// The connection for tables apart from the entries (underpayments), which the entries
    /// still out do not concern.
    pub(crate) fn conn_beside_entries(&self) -> &'c Connection {
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
        if self.pipe.borrow().is_some() {
            return self.append_owned(entries.to_vec());
        }
        for entry in entries {
            self.note(entry)?;
            let columns = Columns::of(entry)?;
            let encoded = encode(entry, &self.head.get())?;
            self.insert(entry, &columns, &encoded)?;
        }
        Ok(())
    }

    /// [`Writer::append`], the entries encoded and hashed on the encoding thread when one
    /// is attached ([`Writer::attach`]) and inserted when they come back: while that thread
    /// encodes a claim's entries, this one posts the next claim. Every query first waits for
    /// the entries still out, so the books always answer with every entry appended.
    pub(crate) fn append_owned(&self, entries: Vec<Entry>) -> Result<(), StoreError> {
        if self.pipe.borrow().is_none() {
            return self.append(&entries);
        }
        self.settle(false)?;
        for entry in entries {
            // (A reversal's check asks the books, which first waits for every entry before.)
            self.note(&entry)?;
            let full = {
                let mut slot = self.pipe.borrow_mut();
                let pipe = slot.as_mut().ok_or(StoreError::EncoderGone)?;
                pipe.batch.push(entry);
                pipe.batch.len() >= BATCH
            };
            if full {
                self.send()?;
            }
        }
        Ok(())
    }

    /// Checks an entry about to be appended against the books and notes it: the claim it
    /// touches, the memo, the next id and the last posting date.
    fn note(&self, entry: &Entry) -> Result<(), StoreError> {
        if self
            .last_posted
            .get()
            .is_some_and(|last| entry.posted < last)
        {
            return Err(StoreError::Ledger(medbill::LedgerError::PostedBeforeLast));
        }
        if let EntryKind::Reversal(reversal) = &entry.kind {
            self.reversed.borrow_mut().insert(reversal.reverses.0);
            let target = self.entry(reversal.reverses);
            self.failed()?;
            if target.is_none_or(|t| t.account != entry.account || t.party != entry.party) {
                return Err(StoreError::Ledger(medbill::LedgerError::EntryOrder {
                    position: usize::try_from(entry.id.0.saturating_sub(1)).unwrap_or(usize::MAX),
                    expected: "a reversal of an earlier entry on the same account and party",
                }));
            }
        }
        if let Some(claim) = entry.account.claim() {
            self.touch(claim);
            if let Some(entries) = self
                .memo
                .borrow_mut()
                .as_mut()
                .filter(|m| m.pcn == claim)
                .and_then(|m| m.entries.as_mut())
            {
                entries.push(entry.clone());
            }
        }
        if let Source::Remittance(source) = &entry.source
            && let Some(number) = &source.payer_claim_number
        {
            self.payer_claims
                .borrow_mut()
                .insert(payer_claim_key(&source.payer, number));
        }
        self.next.set(entry.id.0.saturating_add(1));
        self.last_posted.set(Some(entry.posted));
        Ok(())
    }

    /// Inserts an entry's row (its source row first, when new) and moves the chain's head.
    fn insert(
        &self,
        entry: &Entry,
        columns: &Columns,
        encoded: &Encoded,
    ) -> Result<(), StoreError> {
        let source = match &encoded.source {
            Some(json) => Some(self.source_row(entry, json)?),
            None => None,
        };
        self.conn
            .prepare_cached(
                "INSERT INTO entries (id, prev, kind, claim, patient, source, trace_payer, \
                 trace, reverses, body, hash) \
                 VALUES (?1, nullif(?1 - 1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
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
        self.conn
            .prepare_cached(
                "INSERT INTO kpi_facts (claim, id, source, fact) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                columns.claim.as_deref().unwrap_or(""),
                columns.id,
                source,
                encoded.fact,
            ])?;
        self.head.set(encoded.hash);
        self.inserted.set(entry.id.0);
        Ok(())
    }

    /// Attaches an encoding thread ([`encode_ahead`]) started on `pipe`'s other ends.
    pub(crate) fn attach(&self, pipe: Pipe) -> Result<(), StoreError> {
        self.settle(true)?;
        *self.pipe.borrow_mut() = Some(pipe);
        Ok(())
    }

    /// The chain's head as this writer stands (every entry sent back and inserted).
    pub(crate) fn head(&self) -> ChainHash {
        self.head.get()
    }

    /// Waits for every entry out on the encoding thread and detaches it (it then ends).
    pub(crate) fn detach(&self) -> Result<(), StoreError> {
        let settled = self.settle(true);
        // Hanging up ends the thread, whatever came back.
        *self.pipe.borrow_mut() = None;
        settled
    }

    /// Sends the entries gathered to the encoding thread.
    fn send(&self) -> Result<(), StoreError> {
        let mut slot = self.pipe.borrow_mut();
        let Some(pipe) = slot.as_mut().filter(|p| !p.batch.is_empty()) else {
            return Ok(());
        };
        let batch = std::mem::replace(&mut pipe.batch, Vec::with_capacity(BATCH));
        pipe.entries
            .send(batch)
            .map_err(|_| StoreError::EncoderGone)?;
        pipe.out = pipe.out.saturating_add(1);
        Ok(())
    }

    /// Inserts the batches the encoding thread sent back: those ready, or (`all`) every one
    /// still out, waiting for them.
    fn settle(&self, all: bool) -> Result<(), StoreError> {
        if all {
            self.send()?;
        }
        loop {
            let batch = {
                let mut slot = self.pipe.borrow_mut();
                let Some(pipe) = slot.as_mut().filter(|p| p.out > 0) else {
                    return Ok(());
                };
                let batch = if all {
                    pipe.encoded.recv().map_err(|_| StoreError::EncoderGone)?
                } else {
                    match pipe.encoded.try_recv() {
                        Ok(batch) => batch,
                        Err(std::sync::mpsc::TryRecvError::Empty) => return Ok(()),
                        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                            return Err(StoreError::EncoderGone);
                        }
                    }
                };
                pipe.out = pipe.out.saturating_sub(1);
                batch
            };
            for (entry, columns, encoded) in batch? {
                self.insert(&entry, &columns, &encoded)?;
            }
        }
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
        self.detach()?;
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
        if let Some(memo) = self
            .memo
            .borrow_mut()
            .as_mut()
            .filter(|m| m.pcn == claim.claim.patient_control_number)
        {
            memo.charged = Some(Some(claim.clone()));
        }
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
        self.settle(true)?;
        self.inserted_entries(sql, args)
    }

    /// [`Writer::entries`] as inserted so far: for questions the entries still out on the
    /// encoding thread cannot change.
    fn inserted_entries(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Entry>, StoreError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let mut rows = statement.query(args)?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            entries.push(entry_of_row(row)?);
        }
        Ok(entries)
    }

    fn entry_of(&self, id: EntryId) -> Result<Option<Entry>, StoreError> {
        let Ok(sql_id) = i64::try_from(id.0) else {
            return Ok(None);
        };
        // An entry inserted already is answered without waiting for those still out.
        let query = entry_query!("WHERE e.id = ?1");
        let found = if id.0 <= self.inserted.get() {
            self.inserted_entries(query, [sql_id])?
        } else {
            self.entries(query, [sql_id])?
        };
        Ok(found.into_iter().next())
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
        // Only a reversal this transaction appended can be out on the encoding thread.
        let reversed_here = self.reversed.borrow().contains(&id.0);
        let Ok(id) = i64::try_from(id.0) else {
            return None;
        };
        let found = (|| -> Result<Option<EntryId>, StoreError> {
            if reversed_here {
                self.settle(true)?;
            }
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
        self.answer(
            claim,
            |m| &mut m.entries,
            |p| p.entries.take(),
            || {
                let found = self.entries(entry_query!("WHERE e.claim = ?1 ORDER BY e.id"), [claim]);
                self.keep(found)
            },
        )
        .into_iter()
        .map(Cow::Owned)
        .collect()
    }

    fn remittance(&self, payer: &str, trace: &str) -> Option<Entry> {
        let found = self.entries(
            entry_query!("WHERE e.kind = 'remittance' AND e.trace_payer = ?1 AND e.trace = ?2"),
            [payer, trace],
        );
        self.keep(found).into_iter().next()
    }

    fn payer_claim_entries(&self, payer: &str, payer_claim_number: &str) -> Vec<Entry> {
        let query = entry_query!("WHERE s.payer = ?1 AND s.payer_claim = ?2 ORDER BY e.id");
        // A payer claim this transaction has not appended to: the entries still out on the
        // encoding thread are not among the answer.
        let found = if self
            .payer_claims
            .borrow()
            .contains(&payer_claim_key(payer, payer_claim_number))
        {
            self.entries(query, [payer, payer_claim_number])
        } else {
            self.inserted_entries(query, [payer, payer_claim_number])
        };
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
        self.answer(
            patient_control_number,
            |m| &mut m.charged,
            |p| p.charged.take(),
            || self.charged_in_books(patient_control_number),
        )
        .map(Cow::Owned)
    }
}

impl Writer<'_> {
    /// The latest version of a charged claim, asked of the books.
    fn charged_in_books(&self, patient_control_number: &str) -> Option<ChargedClaim> {
        // (The claims table: entries still out do not change it.)
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
        self.keep(found)
    }
}

/// What the books hold for one claim, as this transaction goes on: its latest charged
/// version and its entries in order (each `None` until first asked).
pub(crate) struct Memo {
    pcn: String,
    charged: Option<Option<ChargedClaim>>,
    entries: Option<Vec<Entry>>,
}
