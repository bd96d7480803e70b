//! The biller's work lists and the supervisor's numbers, read claim by claim from the books
//! (each claim's entries in memory at a time), computed by the core: the KPI fold, the
//! denial and follow-up queues; and 277 answers posted as status entries.

use chrono::NaiveDate;
use medbill::denial::{DenialItem, DenialQueue, claim_denials, denial_queue};
use medbill::followup::{
    FollowUpItem, FollowUpQueue, StatusPosting, claim_follow_up, post_statuses, rank_follow_ups,
};
use medbill::kpi::{Fact, KpiBuilder, KpiRequest, Kpis};
use medbill::ledger::{ChargedClaim, Entry};
use medbill::scrub::PayerRules;
use medbill::x12::ClaimStatusResponse;
use rusqlite::OptionalExtension;

use crate::view::{entry_of_row, entry_query, parse_claim};
use crate::{Books, StoreError};

impl Books {
    /// Hands each claim's entries (in id order) to `each`, claim after claim in order of
    /// patient control number; one claim's entries in memory at a time.
    pub fn each_claim(
        &self,
        mut each: impl FnMut(&[Entry]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(entry_query!(
            "WHERE e.claim IS NOT NULL ORDER BY e.claim, e.id"
        ))?;
        let mut rows = statement.query([])?;
        let mut claim: Vec<Entry> = Vec::new();
        while let Some(row) = rows.next()? {
            let entry = entry_of_row(row)?;
            let same = claim
                .first()
                .is_none_or(|first| first.account.claim() == entry.account.claim());
            if !same {
                each(&claim)?;
                claim.clear();
            }
            claim.push(entry);
        }
        if !claim.is_empty() {
            each(&claim)?;
        }
        Ok(())
    }

    /// The latest version of a charged claim.
    pub fn charged_claim(
        &self,
        patient_control_number: &str,
    ) -> Result<Option<ChargedClaim>, StoreError> {
        let body: Option<String> = self
            .conn
            .prepare_cached("SELECT body FROM claims WHERE pcn = ?1 ORDER BY version DESC LIMIT 1")?
            .query_row([patient_control_number], |row| row.get(0))
            .optional()?;
        body.as_deref().map(parse_claim).transpose()
    }

    /// The supervisor's numbers (see [`medbill::kpi`]), streamed from the KPI facts in their
    /// table's order (entries of no claim, then claim by claim) in constant memory. Books on
    /// disk are read in two ranges of claims on two threads (each with its own read-only
    /// connection: WAL lets readers share the file), whose folds are merged.
    pub fn kpis(&self, request: KpiRequest) -> Result<Kpis, StoreError> {
        let path = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        let entries: i64 =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM entries", [], |row| {
                    row.get(0)
                })?;
        // Below a few hundred thousand entries one thread is as quick.
        let split: Option<String> = match &path {
            Some(_) if entries >= self.kpi_threads_from => self
                .conn
                .query_row(
                    "SELECT claim FROM kpi_facts ORDER BY claim DESC, id DESC LIMIT 1 OFFSET ?1",
                    [entries / 2],
                    |row| row.get(0),
                )
                .optional()?
                .filter(|claim: &String| !claim.is_empty()),
            _ => None,
        };
        let (Some(path), Some(split)) = (path, split) else {
            let mut builder = KpiBuilder::new(request)?;
            fold_facts(&self.conn, &mut builder, None, None)?;
            return Ok(builder.finish()?);
        };
        let second = std::thread::scope(|scope| {
            let later = scope.spawn(|| -> Result<KpiBuilder, StoreError> {
                let conn = rusqlite::Connection::open_with_flags(
                    &path,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                conn.busy_timeout(std::time::Duration::from_secs(10))?;
                let mut builder = KpiBuilder::new(request)?;
                fold_facts(&conn, &mut builder, Some(&split), None)?;
                Ok(builder)
            });
            let mut first = KpiBuilder::new(request)?;
            fold_facts(&self.conn, &mut first, None, Some(&split))?;
            let second = later.join().map_err(|_| StoreError::Corrupt {
                entry: 0,
                what: "the thread reading the later claims stopped",
            })??;
            Ok::<_, StoreError>(first.merge(second)?)
        })?;
        Ok(second.finish()?)
    }

    /// Books made before the KPI facts existed get them from their entries, once.
    pub(crate) fn backfill_facts(&mut self) -> Result<(), StoreError> {
        let pending: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM kpi_facts_pending)",
            [],
            |row| row.get(0),
        )?;
        if !pending {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        {
            let mut read = tx.prepare(
                "SELECT e.id, e.body, s.body, e.claim, e.source FROM entries e \
                 LEFT JOIN sources s ON s.id = e.source ORDER BY e.id",
            )?;
            let mut insert = tx.prepare(
                "INSERT INTO kpi_facts (claim, id, source, fact) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut rows = read.query([])?;
            while let Some(row) = rows.next()? {
                let entry = entry_of_row(row)?;
                let claim: Option<String> = row.get(3)?;
                let source: Option<i64> = row.get(4)?;
                let fact = Fact::of(&entry)
                    .to_bytes()
                    .map_err(|_| StoreError::Corrupt {
                        entry: entry.id.0,
                        what: "its KPI fact could not be encoded",
                    })?;
                insert.execute(rusqlite::params![
                    claim.as_deref().unwrap_or(""),
                    row.get::<_, i64>(0)?,
                    source,
                    fact
                ])?;
            }
        }
        tx.execute("DELETE FROM kpi_facts_pending", [])?;
        tx.commit()?;
        Ok(())
    }

    /// The denial work queue as of `as_of` (see [`medbill::denial::claim_denials`]).
    pub fn denials(
        &self,
        packs: &[PayerRules],
        as_of: NaiveDate,
    ) -> Result<DenialQueue, StoreError> {
        let mut items: Vec<DenialItem> = Vec::new();
        self.each_claim(|entries| {
            let Some(pcn) = entries.first().and_then(|e| e.account.claim()) else {
                return Ok(());
            };
            let charged = self.charged_claim(pcn)?;
            items.extend(claim_denials(entries, charged.as_ref(), packs, as_of)?);
            Ok(())
        })?;
        Ok(denial_queue(items, as_of)?)
    }

    /// The follow-up queue as of `as_of` (see [`medbill::followup::claim_follow_up`]).
    pub fn follow_ups(
        &self,
        packs: &[PayerRules],
        as_of: NaiveDate,
    ) -> Result<FollowUpQueue, StoreError> {
        let mut items: Vec<FollowUpItem> = Vec::new();
        self.each_claim(|entries| {
            items.extend(claim_follow_up(entries, packs, as_of)?);
            Ok(())
        })?;
        Ok(rank_follow_ups(items, as_of)?)
    }

    /// Posts 277 / 277CA answers as status entries (see [`medbill::followup::post_statuses`]),
    /// in one transaction.
    pub fn post_statuses(
        &mut self,
        responses: &[ClaimStatusResponse],
        posted: NaiveDate,
    ) -> Result<StatusPosting, StoreError> {
        self.write(|books| {
            let posting = post_statuses(responses, books, books, posted)?;
            books.failed()?;
            books.append(&posting.entries)?;
            Ok(posting)
        })
    }

    /// Records a claim sent (an original, corrected or void claim) on `sent`: a status entry,
    /// and the claim kept as the claim's latest version.
    pub fn record_submission(
        &mut self,
        claim: &ChargedClaim,
        sent: NaiveDate,
        posted: NaiveDate,
    ) -> Result<Entry, StoreError> {
        self.write(|books| {
            let entry = medbill::followup::submission(claim, books, sent, posted)?;
            books.failed()?;
            books.append(std::slice::from_ref(&entry))?;
            books.keep_claim(claim)?;
            Ok(entry)
        })
    }

    /// Appends entries the core made (a status note, a payment plan's entries…), in one
    /// transaction.
    pub fn append_entries(&mut self, entries: &[Entry]) -> Result<(), StoreError> {
        self.write(|books| {
            books.failed()?;
            books.append(entries)?;
            Ok(())
        })
    }
}

/// Folds the facts of the claims from `from` (inclusive) to `to` (exclusive), or all.
fn fold_facts(
    conn: &rusqlite::Connection,
    builder: &mut KpiBuilder,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(), StoreError> {
    let sql = match (from, to) {
        (Some(_), Some(_)) => {
            "SELECT claim, source, fact FROM kpi_facts WHERE claim >= ?1 AND claim < ?2 ORDER BY claim, id"
        }
        (Some(_), None) => {
            "SELECT claim, source, fact FROM kpi_facts WHERE claim >= ?1 ORDER BY claim, id"
        }
        (None, Some(_)) => {
            "SELECT claim, source, fact FROM kpi_facts WHERE claim < ?1 ORDER BY claim, id"
        }
        (None, None) => "SELECT claim, source, fact FROM kpi_facts ORDER BY claim, id",
    };
    let mut statement = conn.prepare(sql)?;
    let bounds: Vec<&str> = from.into_iter().chain(to).collect();
    let mut rows = statement.query(rusqlite::params_from_iter(bounds))?;
    while let Some(row) = rows.next()? {
        let corrupt = |what| StoreError::Corrupt { entry: 0, what };
        let claim = row
            .get_ref(0)?
            .as_str()
            .map_err(|_| corrupt("a KPI fact's claim is not text"))?;
        let source: Option<i64> = row.get(1)?;
        let bytes = row
            .get_ref(2)?
            .as_blob()
            .map_err(|_| corrupt("a KPI fact is not bytes"))?;
        let fact =
            Fact::from_bytes(bytes).map_err(|_| corrupt("a KPI fact cannot be read back"))?;
        let adjudication = source.and_then(|s| u64::try_from(s).ok());
        builder.add_fact((!claim.is_empty()).then_some(claim), adjudication, &fact)?;
    }
    Ok(())
}
