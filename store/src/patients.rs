//! Reading one patient account's part of the books, for statements, plans and explanations:
//! its claims' entries and its own (indexed by claim and by patient), and the charged claims
//! (their latest versions).

use medbill::ledger::{ChargedClaim, Entry};
use rusqlite::OptionalExtension;

use crate::view::{entry_of_row, entry_query, parse_claim};
use crate::{Books, StoreError};

impl Books {
    /// Every entry of a patient account, in order: those of its claims and those of the
    /// patient account itself.
    pub fn patient_entries(&self, patient: &str) -> Result<Vec<Entry>, StoreError> {
        let claims: Vec<String> = {
            let mut statement = self.conn.prepare_cached(
                "SELECT DISTINCT pcn FROM claims WHERE patient_account = ?1 ORDER BY pcn",
            )?;
            let rows = statement.query_map([patient], |row| row.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut entries = Vec::new();
        for claim in &claims {
            entries.extend(self.claim_entries(claim)?);
        }
        let mut statement = self
            .conn
            .prepare_cached(entry_query!("WHERE e.patient = ?1 ORDER BY e.id"))?;
        let mut rows = statement.query([patient])?;
        while let Some(row) = rows.next()? {
            entries.push(entry_of_row(row)?);
        }
        entries.sort_by_key(|e| e.id);
        Ok(entries)
    }

    /// The latest version of every claim charged to a patient account, by patient control
    /// number.
    pub fn patient_claims(&self, patient: &str) -> Result<Vec<ChargedClaim>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT c.body FROM claims c WHERE c.patient_account = ?1 \
             AND c.version = (SELECT MAX(v.version) FROM claims v WHERE v.pcn = c.pcn) \
             ORDER BY c.pcn",
        )?;
        let rows = statement.query_map([patient], |row| row.get::<_, String>(0))?;
        let mut claims = Vec::new();
        for body in rows {
            claims.push(parse_claim(&body?)?);
        }
        Ok(claims)
    }

    /// The latest version of the claim charged under a patient control number.
    pub fn charged_claim(&self, pcn: &str) -> Result<Option<ChargedClaim>, StoreError> {
        let body: Option<String> = self
            .conn
            .prepare_cached("SELECT body FROM claims WHERE pcn = ?1 ORDER BY version DESC LIMIT 1")?
            .query_row([pcn], |row| row.get(0))
            .optional()?;
        body.as_deref().map(parse_claim).transpose()
    }
}
