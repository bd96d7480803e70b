//! [`Books`]: opening the file, and every operation that appends to it, each in one
//! transaction.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use medbill::audit::{AuditChain, AuditError, ChainHash};
use medbill::ledger::{
    ChargedClaim, ClaimOutcome, ClaimPosting, DepositMatch, DepositRequest, Entry, EntryId,
    PatientPaymentRequest, PostOptions, RemittancePoster, Underpayment, charge, deposit,
    match_suspense, patient_payment,
};
use medbill::x12::RemitEvent;
use medbill::{Finding, Money};
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::prefetch::{Item, read_ahead};
use crate::row::{Columns, encode, joined};
use crate::schema;
use crate::view::{Writer, entry_of_row, parse_entry, read_head};

/// How many findings a posting report keeps in full (the rest are counted by rule), so a
/// report stays small whatever the size of the 835.
const FINDINGS_KEPT: usize = 50;

/// The practice's books in one SQLite file.
#[derive(Debug)]
pub struct Books {
    pub(crate) conn: Connection,
    /// Entries read per chunk by the reports.
    pub(crate) chunk: usize,
}

/// What charging a file of claims did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargeReport {
    /// Claims charged.
    pub claims: u64,
    /// Charge entries appended.
    pub entries: u64,
    /// What they charge in all.
    pub charged: Money,
}

/// One 835 transaction set posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetReport {
    /// ST02.
    pub control_number: String,
    /// The payer's key (TRN03, else N1*PR id, else name).
    pub payer: String,
    /// TRN02.
    pub trace: String,
    /// Posted before: nothing changed.
    pub already_posted: bool,
    /// Its claims.
    pub claims: u64,
    /// The entries it appended.
    pub entries: u64,
    /// Its payment against the deposits of its trace number.
    pub deposit: DepositMatch,
}

/// What posting an 835 file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostReport {
    /// Each transaction set.
    pub sets: Vec<SetReport>,
    /// Claims read.
    pub claims: u64,
    /// Entries appended.
    pub entries: u64,
    /// Claims by what became of them (`paid`, `denied`, `reversed`, `sentOn`,
    /// `awaitingNextPayer`, `nextPayerDue`, `noPayment`, `suspense`, `alreadyPosted`).
    pub outcomes: BTreeMap<String, u64>,
    /// Paid lines the payer allowed less for than the contract (kept in the books).
    pub underpayments: u64,
    /// Claims sent on to their next payer (kept as the claims' latest versions).
    pub sent_on: u64,
    /// Findings by rule id.
    pub findings_by_rule: BTreeMap<String, u64>,
    /// The first findings in full.
    pub findings: Vec<Finding>,
}

impl PostReport {
    fn new() -> PostReport {
        PostReport {
            sets: Vec::new(),
            claims: 0,
            entries: 0,
            outcomes: BTreeMap::new(),
            underpayments: 0,
            sent_on: 0,
            findings_by_rule: BTreeMap::new(),
            findings: Vec::new(),
        }
    }

    fn note(&mut self, findings: impl IntoIterator<Item = Finding>) {
        for finding in findings {
            let count = self
                .findings_by_rule
                .entry(finding.rule.clone())
                .or_insert(0);
            *count = count.saturating_add(1);
            if self.findings.len() < FINDINGS_KEPT {
                self.findings.push(finding);
            }
        }
    }
}

/// An underpayment posting found, as kept in the books.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredUnderpayment {
    /// The payer's key.
    pub payer: String,
    /// The remittance's trace number.
    pub trace: String,
    /// 0-based position of the claim in its transaction set.
    pub claim_index: u32,
    /// The date it was posted.
    pub posted: NaiveDate,
    /// The line and its figures.
    pub underpayment: Underpayment,
}

/// The outcome's name in reports.
fn outcome_name(outcome: &ClaimOutcome) -> &'static str {
    match outcome {
        ClaimOutcome::Paid => "paid",
        ClaimOutcome::Denied => "denied",
        ClaimOutcome::Reversed => "reversed",
        ClaimOutcome::SentOn => "sentOn",
        ClaimOutcome::AwaitingNextPayer => "awaitingNextPayer",
        ClaimOutcome::NextPayerDue => "nextPayerDue",
        ClaimOutcome::NoPayment => "noPayment",
        ClaimOutcome::Suspense(_) => "suspense",
        ClaimOutcome::AlreadyPosted => "alreadyPosted",
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl Books {
    /// Makes the books at `path` (or brings an existing books file's schema up to date).
    pub fn init(path: &Path) -> Result<Books, StoreError> {
        let conn = Connection::open(path)?;
        if schema::version(&conn)? == 0 {
            // 16 KiB pages (before the first table; the default is 4 KiB): fewer, fuller pages
            // for a large posting to write.
            conn.pragma_update(None, "page_size", 16_384)?;
        }
        Books::ready(conn)
    }

    /// Opens the books at `path`, which must have been made by [`Books::init`].
    pub fn open(path: &Path) -> Result<Books, StoreError> {
        if !path.exists() {
            return Err(StoreError::NotFound {
                path: path.display().to_string(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if schema::version(&conn)? == 0 {
            return Err(StoreError::NotBooks {
                path: path.display().to_string(),
            });
        }
        Books::ready(conn)
    }

    fn ready(mut conn: Connection) -> Result<Books, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: a reader never blocks the writer, and a transaction cut off by a crash is
        // simply not in the books when they are opened again. FULL: a committed 835 is on
        // disk when `post` returns.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 64 MiB of page cache (the default is 2 MiB): a large 835's transaction then
        // spills its pages to the WAL far less often, each page written about once.
        conn.pragma_update(None, "cache_size", -65_536)?;
        // Each INSERT may abort (its trigger, its unique indexes), so SQLite journals the
        // pages it touches for the statement: in memory, not in a temporary file.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::migrate(&mut conn)?;
        Ok(Books {
            conn,
            chunk: crate::reports::CHUNK,
        })
    }

    /// Reports read the entries `entries` at a time (20,000 unless set): memory, not
    /// results, depends on it. For tests of the chunking.
    #[doc(hidden)]
    pub fn set_chunk(&mut self, entries: usize) {
        self.chunk = entries.max(1);
    }

    /// Sets SQLite's page cache to `mib` MiB (64 unless set). A smaller cache bounds memory on
    /// a small machine: a large posting then spills its pages to the WAL more often (still
    /// one transaction: spilled pages count only once it commits).
    pub fn set_cache_mib(&mut self, mib: u32) -> Result<(), StoreError> {
        let kib = i64::from(mib.max(1)).saturating_mul(1024);
        self.conn
            .pragma_update(None, "cache_size", kib.saturating_neg())?;
        Ok(())
    }

    /// The connection, for reading (tests and tools that look behind the API).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` inside one immediate transaction, committing only when it and every query
    /// it made succeeded, with the chain's head recorded.
    pub(crate) fn write<T>(
        &mut self,
        work: impl FnOnce(&Writer<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = {
            let writer = Writer::new(&tx)?;
            let value = work(&writer)?;
            writer.failed()?;
            writer.close()?;
            value
        };
        tx.commit()?;
        Ok(value)
    }

    /// Charges each claim (billed on `billed`, entered on `posted`) and keeps it; all or
    /// none (a claim refused names its position in the list).
    pub fn charge(
        &mut self,
        claims: &[ChargedClaim],
        billed: NaiveDate,
        posted: NaiveDate,
    ) -> Result<ChargeReport, StoreError> {
        self.write(|books| {
            let mut report = ChargeReport {
                claims: 0,
                entries: 0,
                charged: Money::ZERO,
            };
            for (position, claim) in claims.iter().enumerate() {
                let entries = charge(claim, books, billed, posted)
                    .map_err(|source| StoreError::Charge { position, source })?;
                books.failed()?;
                books.append(&entries)?;
                books.keep_claim(claim)?;
                report.claims = report.claims.saturating_add(1);
                report.entries = report.entries.saturating_add(count(entries.len()));
                for entry in &entries {
                    report.charged = report.charged.checked_add(entry.amount)?;
                }
            }
            Ok(report)
        })
    }

    /// Posts an 835 file read from `input` (one or more transaction sets), streaming it claim
    /// by claim: all of it in one transaction, or nothing on an error. A file posted before
    /// (same payer, trace numbers and amounts) changes nothing and says so.
    pub fn post_835(
        &mut self,
        input: impl std::io::Read + Send,
        options: &PostOptions,
    ) -> Result<PostReport, StoreError> {
        let path = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        let wanted = AtomicBool::new(true);
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(2);
            let wanted = &wanted;
            let reader = scope.spawn(move || read_ahead(input, path.as_deref(), wanted, send));
            let result = self.write(|books| {
                // Entries are encoded and hashed on a third thread while this one posts on.
                let (pipe, encode) = crate::view::pipe(books.head());
                let encoder = scope.spawn(encode);
                books.attach(pipe)?;
                let posted = post_items(books, receive.iter().flatten(), wanted, options);
                let detached = books.detach();
                let _ = encoder.join();
                let posted = posted?;
                detached?;
                Ok(posted)
            });
            // Hanging up first lets a reader still sending see the end.
            drop(receive);
            let _ = reader.join();
            result
        })
    }

    /// A patient's payment (see [`patient_payment`]); returns its entries.
    pub fn patient_payment(
        &mut self,
        request: &PatientPaymentRequest,
    ) -> Result<Vec<Entry>, StoreError> {
        self.write(|books| {
            let entries = patient_payment(books, request)?;
            books.failed()?;
            books.append(&entries)?;
            Ok(entries)
        })
    }

    /// A bank deposit of a payer's money (see [`deposit`]), reconciled with the remittance of
    /// its trace number by the reports; returns its entry.
    pub fn deposit(&mut self, request: &DepositRequest) -> Result<Entry, StoreError> {
        self.write(|books| {
            let entry = deposit(books, request)?;
            books.failed()?;
            books.append(std::slice::from_ref(&entry))?;
            Ok(entry)
        })
    }

    /// Moves the claim held in suspense as entry `id` to the claim charged as `claim` (see
    /// [`match_suspense`]); returns its posting.
    pub fn match_suspense(
        &mut self,
        id: EntryId,
        claim: &str,
        lines: Option<&[u32]>,
        options: &PostOptions,
    ) -> Result<ClaimPosting, StoreError> {
        self.write(|books| {
            let posting = match_suspense(books, books, id, claim, lines, options)?;
            books.failed()?;
            books.append(&posting.entries)?;
            if let Some(next) = &posting.secondary_claim {
                books.keep_claim(next)?;
            }
            Ok(posting)
        })
    }

    /// The chain's head as stored: how many entries and the last one's hash.
    pub fn head(&self) -> Result<AuditChain, StoreError> {
        let (length, head) = read_head(&self.conn)?;
        Ok(AuditChain { length, head })
    }

    /// Recomputes the audit chain over every entry in order and checks each entry's row:
    /// its id in sequence, its body an entry, its hash the chain's, its indexed columns those
    /// of its body; then that the chain ends at the head kept apart. The first entry that
    /// does not stand is named. Returns the chain.
    pub fn verify(&self) -> Result<AuditChain, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT e.id, e.kind, e.claim, e.patient, e.trace_payer, e.trace, e.reverses, \
             e.body, s.body, e.hash FROM entries e LEFT JOIN sources s ON s.id = e.source \
             ORDER BY e.id",
        )?;
        let mut rows = statement.query([])?;
        let mut chain = AuditChain::new();
        let mut position: usize = 0;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let expected = chain.length.saturating_add(1);
            let entry_id = u64::try_from(id).unwrap_or(0);
            if entry_id != expected {
                return Err(AuditError::Mismatch {
                    entry: EntryId(entry_id),
                    position,
                }
                .into());
            }
            let body: String = row.get(7)?;
            let source: Option<String> = row.get(8)?;
            let entry = parse_entry(id, &body, source.as_deref())?;
            if entry.id.0 != entry_id {
                return Err(StoreError::Corrupt {
                    entry: entry_id,
                    what: "its body names another entry id",
                });
            }
            let kept: Vec<u8> = row.get(9)?;
            let hash = encode(&entry, &chain.head)?.hash;
            if kept.as_slice() != hash.0.as_slice() {
                return Err(AuditError::Mismatch {
                    entry: entry.id,
                    position,
                }
                .into());
            }
            let stored = Columns {
                id,
                kind: "",
                claim: row.get(2)?,
                patient: row.get(3)?,
                trace_payer: row.get(4)?,
                trace: row.get(5)?,
                reverses: row.get(6)?,
            };
            let kind: String = row.get(1)?;
            let derived = Columns::of(&entry)?;
            let same = Columns {
                kind: "",
                ..derived.clone()
            } == stored
                && derived.kind == kind;
            if !same {
                return Err(StoreError::Corrupt {
                    entry: entry_id,
                    what: "its indexed columns are not those of its body",
                });
            }
            chain.head = hash;
            chain.length = expected;
            position = position.saturating_add(1);
        }
        self.verify_sources()?;
        if self.head()? != chain {
            return Err(AuditError::Head {
                length: chain.length,
            }
            .into());
        }
        Ok(chain)
    }

    /// Checks that each kept 835 source's indexed columns are those of its JSON (the JSON
    /// itself is covered by its entries' hashes); names the first entry of a source that
    /// does not stand.
    fn verify_sources(&self) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT s.payer, s.payer_claim, s.body, \
             (SELECT min(e.id) FROM entries e WHERE e.source = s.id) FROM sources s ORDER BY s.id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let payer: String = row.get(0)?;
            let payer_claim: Option<String> = row.get(1)?;
            let body: String = row.get(2)?;
            let first: Option<i64> = row.get(3)?;
            let entry = first.and_then(|id| u64::try_from(id).ok()).unwrap_or(0);
            let same = match serde_json::from_str::<medbill::ledger::Source>(&body) {
                Ok(medbill::ledger::Source::Remittance(source)) => {
                    source.payer == payer.as_str()
                        && source.payer_claim_number.as_deref() == payer_claim.as_deref()
                }
                _ => false,
            };
            if !same {
                return Err(StoreError::Corrupt {
                    entry,
                    what: "the indexed columns of its 835 source are not those of the source",
                });
            }
        }
        Ok(())
    }

    /// Hands every entry, in order, with its stored audit hash to `each` (streaming: one entry
    /// in memory at a time). An entry whose row is not an entry is named.
    pub fn for_each_entry(
        &self,
        mut each: impl FnMut(&Entry, &ChainHash) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT e.id, e.body, s.body, e.hash FROM entries e \
             LEFT JOIN sources s ON s.id = e.source ORDER BY e.id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let entry = entry_of_row(row)?;
            let hash: Vec<u8> = row.get(3)?;
            let hash: [u8; 32] = hash.try_into().map_err(|_| StoreError::Corrupt {
                entry: entry.id.0,
                what: "its stored hash is not 32 bytes",
            })?;
            each(&entry, &ChainHash(hash))?;
        }
        Ok(())
    }

    /// Writes the books as JSON to `out`, streaming: the chain's head and every entry with
    /// its audit hash, in order (no patient data: charged claims are not exported).
    pub fn export(&self, out: &mut impl std::io::Write) -> Result<AuditChain, StoreError> {
        let head = self.head()?;
        let head_json = serde_json::to_string(&head).map_err(|_| StoreError::HeadUnreadable)?;
        write!(out, "{{\"chain\":{head_json},\"entries\":[").map_err(StoreError::Io)?;
        let mut statement = self.conn.prepare(
            "SELECT e.id, e.body, s.body, e.hash FROM entries e \
             LEFT JOIN sources s ON s.id = e.source ORDER BY e.id",
        )?;
        let mut rows = statement.query([])?;
        let mut first = true;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let body: String = row.get(1)?;
            let source: Option<String> = row.get(2)?;
            let body = joined(&body, source.as_deref()).ok_or(StoreError::Corrupt {
                entry: u64::try_from(id).unwrap_or(0),
                what: "its stored body is not an entry",
            })?;
            let hash: Vec<u8> = row.get(3)?;
            let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
            let separator = if first { "" } else { "," };
            first = false;
            write!(out, "{separator}\n{{\"entry\":{body},\"hash\":\"{hex}\"}}")
                .map_err(StoreError::Io)?;
        }
        writeln!(out, "\n]}}").map_err(StoreError::Io)?;
        Ok(head)
    }

    /// The underpayments posting found, in the order they were posted.
    pub fn underpayments(&self) -> Result<Vec<StoredUnderpayment>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT payer, trace, claim_index, posted, body FROM underpayments ORDER BY rowid",
        )?;
        let mut rows = statement.query([])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let body: String = row.get(4)?;
            let posted: String = row.get(3)?;
            found.push(StoredUnderpayment {
                payer: row.get(0)?,
                trace: row.get(1)?,
                claim_index: row.get(2)?,
                posted: posted.parse().map_err(|_| StoreError::ClaimUnreadable)?,
                underpayment: serde_json::from_str(&body)
                    .map_err(|_| StoreError::ClaimUnreadable)?,
            });
        }
        Ok(found)
    }
}

/// Posts the items of an 835 read ahead (see [`read_ahead`]).
fn post_items(
    books: &Writer<'_>,
    items: impl Iterator<Item = Item>,
    wanted: &AtomicBool,
    options: &PostOptions,
) -> Result<PostReport, StoreError> {
    let mut report = PostReport::new();
    let mut open: Option<(RemittancePoster, SetReport)> = None;
    let mut items = items.peekable();
    while let Some(item) = items.next() {
        let (event, found) = match item {
            Item::Event(event, found) => (event, found),
            Item::Failed(error) => return Err(error),
            Item::Done(findings) => {
                report.note(findings.into_iter().filter(|f| f.is_error()));
                return Ok(report);
            }
        };
        match event {
            // The LX groups (provider summaries) post nothing: the ledger posts claims.
            RemitEvent::Group(_) => {}
            RemitEvent::Begin(header) => {
                let poster = RemittancePoster::begin(
                    &header.control_number,
                    &header.payment,
                    &header.payer,
                    books,
                    options.clone(),
                )?;
                books.failed()?;
                wanted.store(!poster.is_already_posted(), Ordering::Relaxed);
                let deposit = poster.deposit_match(books);
                books.failed()?;
                let set = SetReport {
                    control_number: header.control_number.to_string(),
                    payer: deposit.payer.to_string(),
                    trace: deposit.trace.to_string(),
                    already_posted: poster.is_already_posted(),
                    claims: 0,
                    entries: 0,
                    deposit,
                };
                open = Some((poster, set));
            }
            RemitEvent::Claim {
                index,
                claim,
                findings,
            } => {
                let Some((poster, set)) = open.as_mut() else {
                    continue;
                };
                // A reversal and its correction come one after the other: the second asks
                // what the first left, remembered rather than asked of the database.
                let again = matches!(
                    items.peek(),
                    Some(Item::Event(RemitEvent::Claim { claim: next, .. }, _))
                        if next.patient_control_number == claim.patient_control_number
                );
                books.offer(found, again);
                let mut done = poster.claim(index, &claim, &findings, books, books)?;
                books.offer(None, false);
                books.failed()?;
                let entries = std::mem::take(&mut done.entries);
                set.claims = set.claims.saturating_add(1);
                set.entries = set.entries.saturating_add(count(entries.len()));
                books.append_owned(entries)?;
                let name = outcome_name(&done.result.outcome);
                let n = report.outcomes.entry(name.to_owned()).or_insert(0);
                *n = n.saturating_add(1);
                keep_posting(books, set, index, options, done, &mut report)?;
            }
            RemitEvent::End(trailer) => {
                let Some((poster, mut set)) = open.take() else {
                    continue;
                };
                let summary = poster.finish(&trailer.provider_adjustments, books)?;
                books.failed()?;
                books.append(&summary.entries)?;
                set.entries = set.entries.saturating_add(count(summary.entries.len()));
                set.already_posted = summary.already_posted;
                set.deposit = summary.deposit;
                report.claims = report.claims.saturating_add(set.claims);
                report.entries = report.entries.saturating_add(set.entries);
                report.note(summary.findings);
                report.note(trailer.findings.into_iter().filter(|f| f.is_error()));
                report.sets.push(set);
            }
        }
    }
    // The reader stopped without saying why (it cannot: it always ends with Done or Failed).
    Err(StoreError::Io(std::io::Error::other(
        "the 835 reader stopped before the end of the file",
    )))
}

/// Keeps what a claim's posting produced besides its entries: the claim sent on (as the
/// claim's latest version) and its underpayments; counts its findings.
fn keep_posting(
    books: &Writer<'_>,
    set: &SetReport,
    index: usize,
    options: &PostOptions,
    done: ClaimPosting,
    report: &mut PostReport,
) -> Result<(), StoreError> {
    if let Some(next) = &done.secondary_claim {
        books.keep_claim(next)?;
        report.sent_on = report.sent_on.saturating_add(1);
    }
    if !done.underpayments.is_empty() {
        let mut insert = books.conn_beside_entries().prepare_cached(
            "INSERT INTO underpayments (payer, trace, claim_index, line, claim, posted, body) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for under in &done.underpayments {
            let body = serde_json::to_string(under).map_err(|_| StoreError::ClaimUnreadable)?;
            insert.execute(params![
                set.payer,
                set.trace,
                i64::try_from(index).unwrap_or(i64::MAX),
                under.line,
                under.claim.as_str(),
                options.posted.to_string(),
                body
            ])?;
            report.underpayments = report.underpayments.saturating_add(1);
        }
    }
    report.note(done.findings);
    Ok(())
}
