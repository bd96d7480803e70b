//! Balances and aging as of any date, computed from the entries alone.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::LedgerError;
use super::entry::{Account, Category, Entry, EntryKind, Party};
use crate::money::Money;

/// Which of an entry's dates "as of" compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DateBasis {
    /// The posting date: the books as they stood at the end of that day.
    #[default]
    Posted,
    /// The effective date (date of service, payment date).
    Effective,
}

/// The cut-off of a report: every entry dated on or before `date` (by `basis`); every entry
/// when `date` is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AsOf {
    /// The last day included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Which date of the entries is compared.
    #[serde(default)]
    pub basis: DateBasis,
}

impl AsOf {
    /// Every entry.
    pub fn all() -> AsOf {
        AsOf::default()
    }

    /// Entries posted on or before `date`.
    pub fn posted(date: NaiveDate) -> AsOf {
        AsOf {
            date: Some(date),
            basis: DateBasis::Posted,
        }
    }

    /// True when the entry is included.
    pub fn includes(&self, entry: &Entry) -> bool {
        let date = match self.basis {
            DateBasis::Posted => entry.posted,
            DateBasis::Effective => entry.effective,
        };
        self.date.is_none_or(|d| date <= d)
    }
}

/// A balance and what it is made of: `charges − payments − adjustments + transfers + other
/// = balance`, always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// Charges.
    pub charges: Money,
    /// Payments by payers and patients, less refunds.
    pub payments: Money,
    /// Adjustments and write-offs.
    pub adjustments: Money,
    /// Transfers in less transfers out (zero over a whole claim).
    pub transfers: Money,
    /// Remittances, deposits, PLBs and suspense (outside the receivables).
    pub other: Money,
    /// The balance.
    pub balance: Money,
}

impl Balance {
    /// Adds an entry's amount where its kind counts.
    pub fn add(&mut self, entry: &Entry) -> Result<(), LedgerError> {
        let amount = entry.amount;
        match entry.kind.category() {
            Category::Charge => self.charges = self.charges.checked_add(amount)?,
            Category::Payment => self.payments = self.payments.checked_sub(amount)?,
            Category::Adjustment => self.adjustments = self.adjustments.checked_sub(amount)?,
            Category::Transfer => self.transfers = self.transfers.checked_add(amount)?,
            Category::Other => self.other = self.other.checked_add(amount)?,
        }
        self.balance = self.balance.checked_add(amount)?;
        Ok(())
    }

    /// Adds another balance.
    pub fn merge(&mut self, other: &Balance) -> Result<(), LedgerError> {
        self.charges = self.charges.checked_add(other.charges)?;
        self.payments = self.payments.checked_add(other.payments)?;
        self.adjustments = self.adjustments.checked_add(other.adjustments)?;
        self.transfers = self.transfers.checked_add(other.transfers)?;
        self.other = self.other.checked_add(other.other)?;
        self.balance = self.balance.checked_add(other.balance)?;
        Ok(())
    }

    /// True when nothing was added (every figure zero).
    pub fn is_zero(&self) -> bool {
        *self == Balance::default()
    }
}

/// A party's balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartyBalance {
    /// Who.
    pub party: Party,
    /// What they owe, and how.
    pub balance: Balance,
}

/// A claim line's balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineBalance {
    /// 0-based line.
    pub line: u32,
    /// The line's balance.
    pub balance: Balance,
    /// By responsible party (a party whose figures all net to zero is left out).
    pub parties: Vec<PartyBalance>,
}

/// A claim's balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClaimBalance {
    /// The patient account.
    #[schemars(with = "String")]
    pub patient: CompactString,
    /// The patient control number.
    #[schemars(with = "String")]
    pub claim: CompactString,
    /// The whole claim: its lines and its claim account.
    pub balance: Balance,
    /// Each line.
    pub lines: Vec<LineBalance>,
    /// The claim account (claim-level adjudication).
    pub claim_level: Balance,
    /// By responsible party.
    pub parties: Vec<PartyBalance>,
}

/// A patient account's balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PatientBalance {
    /// The patient account.
    #[schemars(with = "String")]
    pub patient: CompactString,
    /// Its claims and the patient account together.
    pub balance: Balance,
    /// The patient account alone: payments not applied to a claim, refunds (a credit is
    /// negative).
    pub unapplied: Balance,
    /// By responsible party, over its claims and the patient account.
    pub parties: Vec<PartyBalance>,
}

/// The books' balances as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Balances {
    /// The cut-off.
    pub as_of: AsOf,
    /// Every receivable account (claims and patient accounts) together.
    pub receivables: Balance,
    /// By responsible party, over the receivables.
    pub parties: Vec<PartyBalance>,
    /// By claim, in patient control number order.
    pub claims: Vec<ClaimBalance>,
    /// By patient account.
    pub patients: Vec<PatientBalance>,
    /// Each payer's money: remitted less deposited.
    pub payers: Vec<AccountBalance>,
    /// Each provider clearing account (PLB reasons).
    pub clearing: Vec<AccountBalance>,
    /// Money held in suspense (negative: held for someone).
    pub suspense: Money,
}

/// The balance of a non-receivable account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccountBalance {
    /// The account.
    pub account: Account,
    /// Its balance.
    pub balance: Money,
}

impl Balances {
    /// The claim's balance, by patient control number.
    pub fn claim(&self, claim: &str) -> Option<&ClaimBalance> {
        self.claims
            .binary_search_by(|c| c.claim.as_str().cmp(claim))
            .ok()
            .and_then(|i| self.claims.get(i))
    }

    /// The patient account's balance.
    pub fn patient(&self, patient: &str) -> Option<&PatientBalance> {
        self.patients.iter().find(|p| p.patient == patient)
    }

    /// A party's balance over the receivables (zero when it owes nothing).
    pub fn party(&self, party: &Party) -> Balance {
        self.parties
            .iter()
            .find(|p| &p.party == party)
            .map(|p| p.balance)
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct ClaimSums {
    patient: CompactString,
    total: Balance,
    lines: BTreeMap<u32, (Balance, BTreeMap<Party, Balance>)>,
    claim_level: Balance,
    parties: BTreeMap<Party, Balance>,
}

fn add_party(map: &mut BTreeMap<Party, Balance>, entry: &Entry) -> Result<(), LedgerError> {
    match map.get_mut(&entry.party) {
        Some(b) => b.add(entry),
        None => {
            let mut b = Balance::default();
            b.add(entry)?;
            map.insert(entry.party.clone(), b);
            Ok(())
        }
    }
}

/// The party rows, leaving out those whose every figure nets to zero (entries undone).
fn parties(map: BTreeMap<Party, Balance>) -> Vec<PartyBalance> {
    map.into_iter()
        .filter(|(_, balance)| !balance.is_zero())
        .map(|(party, balance)| PartyBalance { party, balance })
        .collect()
}

/// The balances of the books as of `as_of`: by claim (and line, and claim level), by patient
/// account, by responsible party, and the payer, clearing and suspense accounts.
pub fn balances<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    as_of: AsOf,
) -> Result<Balances, LedgerError> {
    let mut receivables = Balance::default();
    let mut by_party: BTreeMap<Party, Balance> = BTreeMap::new();
    let mut claims: BTreeMap<CompactString, ClaimSums> = BTreeMap::new();
    let mut patients: BTreeMap<CompactString, (Balance, Balance, BTreeMap<Party, Balance>)> =
        BTreeMap::new();
    let mut others: BTreeMap<Account, Money> = BTreeMap::new();
    let mut suspense = Money::ZERO;
    for entry in entries.into_iter().filter(|e| as_of.includes(e)) {
        if entry.account.is_receivable() {
            receivables.add(entry)?;
            add_party(&mut by_party, entry)?;
            if let Some(patient) = entry.account.patient() {
                let slot = patients.entry(CompactString::from(patient)).or_default();
                slot.0.add(entry)?;
                if matches!(entry.account, Account::Patient(_)) {
                    slot.1.add(entry)?;
                }
                add_party(&mut slot.2, entry)?;
            }
        }
        match &entry.account {
            Account::Line(line) => {
                let sums = claims.entry(line.claim.clone()).or_default();
                sums.patient = line.patient.clone();
                sums.total.add(entry)?;
                add_party(&mut sums.parties, entry)?;
                let slot = sums.lines.entry(line.line).or_default();
                slot.0.add(entry)?;
                add_party(&mut slot.1, entry)?;
            }
            Account::Claim(claim) => {
                let sums = claims.entry(claim.claim.clone()).or_default();
                sums.patient = claim.patient.clone();
                sums.total.add(entry)?;
                add_party(&mut sums.parties, entry)?;
                sums.claim_level.add(entry)?;
            }
            Account::Patient(_) => {}
            Account::Suspense => suspense = suspense.checked_add(entry.amount)?,
            other => {
                let slot = others.entry(other.clone()).or_insert(Money::ZERO);
                *slot = slot.checked_add(entry.amount)?;
            }
        }
    }
    let (payers, clearing): (Vec<_>, Vec<_>) = others
        .into_iter()
        .map(|(account, balance)| AccountBalance { account, balance })
        .partition(|a| matches!(a.account, Account::Payer(_)));
    Ok(Balances {
        as_of,
        receivables,
        parties: parties(by_party),
        claims: claims
            .into_iter()
            .map(|(claim, sums)| ClaimBalance {
                patient: sums.patient,
                claim,
                balance: sums.total,
                lines: sums
                    .lines
                    .into_iter()
                    .map(|(line, (balance, p))| LineBalance {
                        line,
                        balance,
                        parties: parties(p),
                    })
                    .collect(),
                claim_level: sums.claim_level,
                parties: parties(sums.parties),
            })
            .collect(),
        patients: patients
            .into_iter()
            .map(|(patient, (balance, unapplied, p))| PatientBalance {
                patient,
                balance,
                unapplied,
                parties: parties(p),
            })
            .collect(),
        payers,
        clearing,
        suspense,
    })
}

/// What an age is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum AgingBasis {
    /// The claim's first date of service.
    DateOfService,
    /// The date the claim was first billed.
    FirstBilled,
    /// The claim's last payment (by a payer or the patient); a claim never paid ages from its
    /// first bill.
    LastPayment,
}

/// An aging bucket: days 0–30, 31–60, 61–90, 91–120, over 120.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum AgingBucket {
    /// 0–30 days.
    Days0To30,
    /// 31–60 days.
    Days31To60,
    /// 61–90 days.
    Days61To90,
    /// 91–120 days.
    Days91To120,
    /// More than 120 days.
    Over120,
}

impl AgingBucket {
    /// The bucket of an age in days (a negative age is 0).
    pub fn of(days: i64) -> AgingBucket {
        match days {
            i64::MIN..=30 => AgingBucket::Days0To30,
            31..=60 => AgingBucket::Days31To60,
            61..=90 => AgingBucket::Days61To90,
            91..=120 => AgingBucket::Days91To120,
            _ => AgingBucket::Over120,
        }
    }

    fn index(self) -> usize {
        match self {
            AgingBucket::Days0To30 => 0,
            AgingBucket::Days31To60 => 1,
            AgingBucket::Days61To90 => 2,
            AgingBucket::Days91To120 => 3,
            AgingBucket::Over120 => 4,
        }
    }
}

/// One party's receivables by age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgingRow {
    /// Who owes (absent on the total row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Party>,
    /// 0–30, 31–60, 61–90, 91–120 and over 120 days.
    pub buckets: [Money; 5],
    /// Their sum.
    pub total: Money,
}

impl AgingRow {
    fn new(party: Option<Party>) -> AgingRow {
        AgingRow {
            party,
            buckets: [Money::ZERO; 5],
            total: Money::ZERO,
        }
    }

    fn add(&mut self, bucket: AgingBucket, amount: Money) -> Result<(), LedgerError> {
        if let Some(slot) = self.buckets.get_mut(bucket.index()) {
            *slot = slot.checked_add(amount)?;
        }
        self.total = self.total.checked_add(amount)?;
        Ok(())
    }
}

/// The claims' balances by responsible party and age as of `as_of` (posting dates on or
/// before it), each claim aged from its date of service, first bill or last payment. Credit
/// balances count as negative amounts; unapplied patient money (patient accounts) is not
/// aged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgingReport {
    /// The day ages are counted to.
    pub as_of: NaiveDate,
    /// What ages are counted from.
    pub basis: AgingBasis,
    /// By responsible party.
    pub rows: Vec<AgingRow>,
    /// Every party together.
    pub total: AgingRow,
}

#[derive(Default)]
struct ClaimAge {
    service: Option<NaiveDate>,
    billed: Option<NaiveDate>,
    paid: Option<NaiveDate>,
    parties: BTreeMap<Party, Money>,
}

/// Aging of the claims as of `as_of`.
pub fn aging<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    as_of: NaiveDate,
    basis: AgingBasis,
) -> Result<AgingReport, LedgerError> {
    let cut = AsOf::posted(as_of);
    let mut claims: BTreeMap<CompactString, ClaimAge> = BTreeMap::new();
    for entry in entries.into_iter().filter(|e| cut.includes(e)) {
        let Some(claim) = entry.account.claim() else {
            continue;
        };
        let age = claims.entry(CompactString::from(claim)).or_default();
        match &entry.kind {
            EntryKind::Charge(charge) => {
                age.service = Some(
                    age.service
                        .map_or(entry.effective, |d| d.min(entry.effective)),
                );
                age.billed = Some(age.billed.map_or(charge.billed, |d| d.min(charge.billed)));
            }
            EntryKind::PayerPayment | EntryKind::PatientPayment if entry.amount < Money::ZERO => {
                age.paid = Some(age.paid.map_or(entry.effective, |d| d.max(entry.effective)));
            }
            _ => {}
        }
        let slot = age
            .parties
            .entry(entry.party.clone())
            .or_insert(Money::ZERO);
        *slot = slot.checked_add(entry.amount)?;
    }
    let mut rows: BTreeMap<Party, AgingRow> = BTreeMap::new();
    let mut total = AgingRow::new(None);
    for age in claims.into_values() {
        let from = match basis {
            AgingBasis::DateOfService => age.service.or(age.billed),
            AgingBasis::FirstBilled => age.billed.or(age.service),
            AgingBasis::LastPayment => age.paid.or(age.billed).or(age.service),
        };
        let days = from.map_or(0, |d| as_of.signed_duration_since(d).num_days());
        let bucket = AgingBucket::of(days);
        for (party, amount) in age.parties {
            if amount.is_zero() {
                continue;
            }
            rows.entry(party.clone())
                .or_insert_with(|| AgingRow::new(Some(party)))
                .add(bucket, amount)?;
            total.add(bucket, amount)?;
        }
    }
    Ok(AgingReport {
        as_of,
        basis,
        rows: rows.into_values().collect(),
        total,
    })
}
