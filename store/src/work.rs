//! The biller's work lists and the supervisor's numbers, read claim by claim from the books
//! (each claim's entries in memory at a time), computed by the core: the KPI fold, the
//! denial and follow-up queues; and 277 answers posted as status entries.

use chrono::NaiveDate;
use medbill::denial::{DenialItem, DenialQueue, claim_denials, denial_queue};
use medbill::followup::{
    FollowUpItem, FollowUpQueue, StatusPosting, claim_follow_up, post_statuses, rank_follow_ups,
};
use medbill::kpi::{KpiBuilder, KpiRequest, Kpis};
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

    /// The supervisor's numbers (see [`medbill::kpi`]), streamed: entries of no claim, then
    /// claim by claim.
    pub fn kpis(&self, request: KpiRequest) -> Result<Kpis, StoreError> {
        let mut builder = KpiBuilder::new(request)?;
        let mut statement = self.conn.prepare(entry_query!("ORDER BY e.claim, e.id"))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            builder.add(&entry_of_row(row)?)?;
        }
        Ok(builder.finish()?)
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
