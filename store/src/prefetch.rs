//! Reading an 835 on a second thread, ahead of posting: the thread parses the claims with the
//! sequential [`RemitReader`] and, on its own read-only connection, looks up each claim's
//! charged claim and entries as committed before the posting began. The posting thread uses
//! a look-up only for a claim the posting has not touched yet (else it asks its own
//! transaction), so the answers are the same; the two cores share the work. The channel is
//! bounded (a few batches of [`BATCH`] items): memory stays constant whatever the size of
//! the file.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;

use medbill::Finding;
use medbill::ledger::{ChargedClaim, Entry};
use medbill::x12::{RemitEvent, RemitReader};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::StoreError;
use crate::view::{entry_of_row, entry_query, parse_claim};

/// What the books held for a claim when the posting began.
pub(crate) struct Prefetched {
    /// The claim's patient control number.
    pub(crate) pcn: String,
    /// Its charged claim (latest version), `None` inside when not charged; taken once.
    pub(crate) charged: Option<Option<ChargedClaim>>,
    /// Its entries; taken once.
    pub(crate) entries: Option<Vec<Entry>>,
}

/// One step handed to the posting thread.
pub(crate) enum Item {
    /// An event of the 835, with the claim's look-up when it is a claim.
    Event(RemitEvent, Option<Box<Prefetched>>),
    /// The file was read to its end: the findings about its envelopes.
    Done(Vec<Finding>),
    /// Reading or a look-up failed.
    Failed(StoreError),
}

fn open(path: &str) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // One snapshot for the whole file: the books as they stood when posting began.
    conn.execute_batch("BEGIN")?;
    conn.query_row("SELECT count(*) FROM chain", [], |_| Ok(()))?;
    Ok(conn)
}

fn look_up(conn: &Connection, pcn: &str) -> Result<Box<Prefetched>, StoreError> {
    let body: Option<String> = conn
        .prepare_cached("SELECT body FROM claims WHERE pcn = ?1 ORDER BY version DESC LIMIT 1")?
        .query_row([pcn], |row| row.get(0))
        .optional()?;
    let charged = body.as_deref().map(parse_claim).transpose()?;
    let mut statement = conn.prepare_cached(entry_query!("WHERE e.claim = ?1 ORDER BY e.id"))?;
    let mut rows = statement.query([pcn])?;
    let mut entries = Vec::new();
    while let Some(row) = rows.next()? {
        entries.push(entry_of_row(row)?);
    }
    Ok(Box::new(Prefetched {
        pcn: pcn.to_owned(),
        charged: Some(charged),
        entries: Some(entries),
    }))
}

/// Reads `input` and sends its events (with look-ups on the books at `path`, when given and
/// `wanted`: a remittance posted before needs none) until the end, a failure, or the posting
/// thread hanging up.
pub(crate) fn read_ahead(
    input: impl std::io::Read,
    path: Option<&str>,
    wanted: &AtomicBool,
    send: SyncSender<Vec<Item>>,
) {
    let conn = match path.map(open).transpose() {
        Ok(conn) => conn,
        Err(error) => {
            let _ = send.send(vec![Item::Failed(error)]);
            return;
        }
    };
    let mut reader = RemitReader::new(input);
    // Items go in batches: one hand-over per claim made the two threads wake each other
    // hundreds of thousands of times (a quarter of the time went to switching threads).
    let mut batch = Vec::with_capacity(BATCH);
    for event in reader.by_ref() {
        let item = match event {
            Err(error) => Item::Failed(error.into()),
            Ok(event) => {
                let found = match (&event, &conn) {
                    (RemitEvent::Claim { claim, .. }, Some(conn))
                        if wanted.load(Ordering::Relaxed) =>
                    {
                        match look_up(conn, &claim.patient_control_number) {
                            Ok(found) => Some(found),
                            Err(error) => {
                                batch.push(Item::Failed(error));
                                let _ = send.send(batch);
                                return;
                            }
                        }
                    }
                    _ => None,
                };
                Item::Event(event, found)
            }
        };
        let failed = matches!(item, Item::Failed(_));
        batch.push(item);
        if failed || batch.len() >= BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
            if send.send(full).is_err() || failed {
                return;
            }
        }
    }
    batch.push(Item::Done(reader.file_findings().to_vec()));
    let _ = send.send(batch);
}

/// Items per hand-over.
pub(crate) const BATCH: usize = 128;
