//! Reading one patient account's part of the books, for statements, plans and explanations:
//! its claims' entries and its own (indexed by claim and by patient), and the charged claims
//! (their latest versions; one claim's is `Books::charged_claim`).

use medbill::ledger::{ChargedClaim, Entry};

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
}
