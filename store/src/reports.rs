//! Reading the books: balances, aging and suspense, computed by the core's functions over the
//! entries read back in chunks, so the books' size does not bound memory; the chunks' results
//! are added up here (sums only: what counts where is the core's).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use medbill::Money;
use medbill::ledger::{
    Account, AccountBalance, AgingBasis, AgingReport, AgingRow, AsOf, Balance, ClaimBalance,
    DepositMatch, DepositStatus, Entry, Party, PartyBalance, PatientBalance, aging, balances,
    reconcile_deposits,
};
use serde::{Deserialize, Serialize};

use crate::view::{entry_of_row, entry_query};
use crate::{Books, StoreError};

/// Entries read per chunk.
pub(crate) const CHUNK: usize = 20_000;

/// The books' totals as of a date: receivables by party, the payers', clearing and suspense
/// accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// The cut-off.
    pub as_of: AsOf,
    /// Entries counted.
    pub entries: u64,
    /// Every receivable account (claims and patient accounts) together.
    pub receivables: Balance,
    /// By responsible party, over the receivables.
    pub parties: Vec<PartyBalance>,
    /// Each payer's money: remitted less deposited.
    pub payers: Vec<AccountBalance>,
    /// Each provider clearing account (PLB reasons).
    pub clearing: Vec<AccountBalance>,
    /// Money held in suspense (negative: held for someone).
    pub suspense: Money,
}

/// One account's balance: a claim's, or a patient account's with its claims'.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AccountReport {
    /// A claim, by patient control number.
    Claim(ClaimBalance),
    /// A patient account and each of its claims.
    Patient {
        /// The patient account.
        patient: PatientBalance,
        /// Its claims.
        claims: Vec<ClaimBalance>,
    },
}

fn merge_parties(
    into: &mut BTreeMap<Party, Balance>,
    parties: Vec<PartyBalance>,
) -> Result<(), StoreError> {
    for party in parties {
        into.entry(party.party).or_default().merge(&party.balance)?;
    }
    Ok(())
}

fn merge_accounts(
    into: &mut BTreeMap<Account, Money>,
    accounts: Vec<AccountBalance>,
) -> Result<(), StoreError> {
    for account in accounts {
        let slot = into.entry(account.account).or_insert(Money::ZERO);
        *slot = slot.checked_add(account.balance)?;
    }
    Ok(())
}

fn merge_row(into: &mut AgingRow, row: &AgingRow) -> Result<(), StoreError> {
    for (slot, amount) in into.buckets.iter_mut().zip(row.buckets) {
        *slot = slot.checked_add(amount)?;
    }
    into.total = into.total.checked_add(row.total)?;
    Ok(())
}

impl Books {
    /// Reads entries in order of a query ([`entry_query!`], then a key), handing them over in
    /// chunks of about [`CHUNK`]; with a key column, a chunk ends only where the key changes.
    fn chunks(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        keyed: bool,
        mut each: impl FnMut(&[Entry]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(sql)?;
        let mut rows = statement.query(params)?;
        let mut chunk: Vec<Entry> = Vec::new();
        let mut last_key: Option<String> = None;
        while let Some(row) = rows.next()? {
            let entry = entry_of_row(row)?;
            if chunk.len() >= self.chunk {
                let key: Option<String> = if keyed { row.get(3)? } else { None };
                if !keyed || key != last_key {
                    each(&chunk)?;
                    chunk.clear();
                }
            }
            if keyed {
                last_key = row.get(3)?;
            }
            chunk.push(entry);
        }
        if !chunk.is_empty() {
            each(&chunk)?;
        }
        Ok(())
    }

    /// Every entry of a claim, in order.
    pub fn claim_entries(&self, claim: &str) -> Result<Vec<Entry>, StoreError> {
        let mut entries = Vec::new();
        self.chunks(
            entry_query!("WHERE e.claim = ?1 ORDER BY e.id"),
            [claim],
            false,
            |chunk| {
                entries.extend_from_slice(chunk);
                Ok(())
            },
        )?;
        Ok(entries)
    }

    /// The balance of one account as of `as_of`: a claim by its patient control number, else
    /// a patient account by its id (with its claims); `None` when the books know neither.
    pub fn account(&self, account: &str, as_of: AsOf) -> Result<Option<AccountReport>, StoreError> {
        let entries = self.claim_entries(account)?;
        if !entries.is_empty() {
            let sums = balances(&entries, as_of)?;
            return Ok(sums.claim(account).cloned().map(AccountReport::Claim));
        }
        let mut entries = Vec::new();
        let claims: Vec<String> = {
            let mut statement = self.conn.prepare(
                "SELECT DISTINCT pcn FROM claims WHERE patient_account = ?1 ORDER BY pcn",
            )?;
            let rows = statement.query_map([account], |row| row.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for claim in &claims {
            entries.extend(self.claim_entries(claim)?);
        }
        self.chunks(
            entry_query!("WHERE e.patient = ?1 ORDER BY e.id"),
            [account],
            false,
            |chunk| {
                entries.extend_from_slice(chunk);
                Ok(())
            },
        )?;
        entries.sort_by_key(|e| e.id);
        if entries.is_empty() {
            return Ok(None);
        }
        let sums = balances(&entries, as_of)?;
        Ok(sums
            .patient(account)
            .cloned()
            .map(|patient| AccountReport::Patient {
                patient,
                claims: sums.claims,
            }))
    }

    /// The books' totals as of `as_of`.
    pub fn totals(&self, as_of: AsOf) -> Result<Totals, StoreError> {
        let mut receivables = Balance::default();
        let mut parties = BTreeMap::new();
        let mut accounts = BTreeMap::new();
        let mut suspense = Money::ZERO;
        let mut entries: u64 = 0;
        self.chunks(entry_query!("ORDER BY e.id"), [], false, |chunk| {
            let sums = balances(chunk, as_of)?;
            entries = entries.saturating_add(
                u64::try_from(chunk.iter().filter(|e| as_of.includes(e)).count())
                    .unwrap_or(u64::MAX),
            );
            receivables.merge(&sums.receivables)?;
            merge_parties(&mut parties, sums.parties)?;
            merge_accounts(&mut accounts, sums.payers)?;
            merge_accounts(&mut accounts, sums.clearing)?;
            suspense = suspense.checked_add(sums.suspense)?;
            Ok(())
        })?;
        let (payers, clearing): (Vec<_>, Vec<_>) = accounts
            .into_iter()
            .map(|(account, balance)| AccountBalance { account, balance })
            .partition(|a| matches!(a.account, Account::Payer(_)));
        Ok(Totals {
            as_of,
            entries,
            receivables,
            parties: parties
                .into_iter()
                .filter(|(_, balance)| !balance.is_zero())
                .map(|(party, balance)| PartyBalance { party, balance })
                .collect(),
            payers,
            clearing,
            suspense,
        })
    }

    /// The claims' aging as of `as_of` (see [`medbill::ledger::aging`]), read claim by claim.
    pub fn aging(&self, as_of: NaiveDate, basis: AgingBasis) -> Result<AgingReport, StoreError> {
        let mut rows: BTreeMap<Party, AgingRow> = BTreeMap::new();
        let mut total = AgingRow {
            party: None,
            buckets: [Money::ZERO; 5],
            total: Money::ZERO,
        };
        self.chunks(
            concat!(
                "SELECT e.id, e.body, s.body, e.claim FROM entries e ",
                "LEFT JOIN sources s ON s.id = e.source ",
                "WHERE e.claim IS NOT NULL ORDER BY e.claim, e.id"
            ),
            [],
            true,
            |chunk| {
                let report = aging(chunk, as_of, basis)?;
                for row in report.rows {
                    let Some(party) = row.party.clone() else {
                        continue;
                    };
                    let slot = rows.entry(party.clone()).or_insert_with(|| AgingRow {
                        party: Some(party),
                        buckets: [Money::ZERO; 5],
                        total: Money::ZERO,
                    });
                    merge_row(slot, &row)?;
                }
                merge_row(&mut total, &report.total)?;
                Ok(())
            },
        )?;
        Ok(AgingReport {
            as_of,
            basis,
            rows: rows.into_values().collect(),
            total,
        })
    }

    /// The remittance of a payer's trace number against its deposits (see
    /// [`medbill::ledger::reconcile_deposits`]).
    pub fn deposit_match(&self, payer: &str, trace: &str) -> Result<DepositMatch, StoreError> {
        let mut entries = Vec::new();
        for kind in ["remittance", "deposit"] {
            self.chunks(
                entry_query!(
                    "WHERE e.kind = ?1 AND e.trace_payer = ?2 AND e.trace = ?3 ORDER BY e.id"
                ),
                [kind, payer, trace],
                false,
                |chunk| {
                    entries.extend_from_slice(chunk);
                    Ok(())
                },
            )?;
        }
        let found = reconcile_deposits(&entries)?.into_iter().next();
        Ok(found.unwrap_or_else(|| DepositMatch {
            payer: payer.into(),
            trace: trace.into(),
            remitted: Money::ZERO,
            deposited: Money::ZERO,
            status: DepositStatus::NotDeposited,
        }))
    }

    /// The claims held in suspense and not matched yet (their suspense entries, in order).
    pub fn suspense(&self) -> Result<Vec<Entry>, StoreError> {
        let mut entries = Vec::new();
        self.chunks(
            entry_query!(
                "WHERE e.kind = 'suspense' \
                 AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id) ORDER BY e.id"
            ),
            [],
            false,
            |chunk| {
                entries.extend_from_slice(chunk);
                Ok(())
            },
        )?;
        Ok(entries)
    }
}
