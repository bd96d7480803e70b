//! Charging: a claim as billed, with medbill's pricing of it, becomes one charge entry per
//! line, owed by the payer it was billed to.

use std::borrow::Cow;

use chrono::NaiveDate;
use compact_str::CompactString;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::entry::{
    Account, Charge, ClaimAccount, Entry, EntryKind, LineAccount, Party, PayerRank, Source,
};
use super::{LedgerError, LedgerView, next_ids};
use crate::claim::{Claim, ClaimForm, OtherPayer, Payer, PayerResponsibility};
use crate::money::Money;
use crate::pricing::PricedClaim;

/// A claim as it was billed, kept beside the books: the claim (with patient data: it stays
/// in the practice's claim store, never in the ledger), the patient account it belongs to,
/// and medbill's pricing of it under the payer's contract when it was charged (what an
/// underpayment is measured against).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargedClaim {
    /// The practice's patient account id (no patient data).
    pub patient_account: String,
    /// The claim as last billed: the original, or the claim sent on to the next payer.
    pub claim: Claim,
    /// Its pricing under the contract of the payer it was first billed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priced: Option<PricedClaim>,
}

impl ChargedClaim {
    /// Where the payer the claim is billed to stands in its payment order (SBR01).
    pub fn rank(&self) -> PayerRank {
        rank_of(self.claim.subscriber.payer_responsibility)
    }

    /// The payer at `rank`: the claim's payer at its own rank, an adjudicated other payer at
    /// an earlier rank, or a coverage-only other payer (not yet adjudicated) at a later one.
    pub fn payer_at(&self, rank: PayerRank) -> Option<&Payer> {
        if rank == self.rank() {
            return Some(&self.claim.payer);
        }
        self.other_payer_at(rank).map(|o| &o.payer)
    }

    /// The other payer (2320) at `rank`.
    pub(crate) fn other_payer_at(&self, rank: PayerRank) -> Option<&OtherPayer> {
        let later = rank > self.rank();
        self.claim
            .other_payers
            .iter()
            .find(|o| rank_of(o.responsibility) == rank && o.paid.is_none() == later)
    }

    /// The claim's patient account and patient control number as ledger ids.
    pub(crate) fn ids(&self) -> (CompactString, CompactString) {
        (
            CompactString::from(self.patient_account.as_str()),
            CompactString::from(self.claim.patient_control_number.as_str()),
        )
    }
}

/// The rank of an SBR01 responsibility.
pub(crate) fn rank_of(responsibility: PayerResponsibility) -> PayerRank {
    match responsibility {
        PayerResponsibility::Primary => PayerRank::Primary,
        PayerResponsibility::Secondary => PayerRank::Secondary,
        PayerResponsibility::Tertiary => PayerRank::Tertiary,
    }
}

/// Where posting finds the claims charged, by patient control number. A store answers from
/// its claim table; [`ClaimIndex`] holds them in memory.
pub trait ChargedClaims {
    /// The claim charged under this patient control number (its latest version).
    fn charged(&self, patient_control_number: &str) -> Option<Cow<'_, ChargedClaim>>;
}

/// Charged claims in memory, by patient control number.
#[derive(Debug, Clone, Default)]
pub struct ClaimIndex {
    claims: FxHashMap<String, Box<ChargedClaim>>,
}

impl ClaimIndex {
    /// An index of `claims`; a later claim with the same patient control number replaces an
    /// earlier one (the claim as last billed).
    pub fn new(claims: Vec<ChargedClaim>) -> ClaimIndex {
        let mut index = ClaimIndex::default();
        for claim in claims {
            index.insert(claim);
        }
        index
    }

    /// Adds a claim, or replaces the version kept under its patient control number.
    pub fn insert(&mut self, claim: ChargedClaim) {
        self.claims
            .insert(claim.claim.patient_control_number.clone(), Box::new(claim));
    }

    /// How many claims it holds.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }
}

impl ChargedClaims for ClaimIndex {
    fn charged(&self, patient_control_number: &str) -> Option<Cow<'_, ChargedClaim>> {
        self.claims
            .get(patient_control_number)
            .map(|c| Cow::Borrowed(&**c))
    }
}

/// A plain list answers by searching it (the last claim with the patient control number wins):
/// fine for a few claims; use [`ClaimIndex`] for many.
impl ChargedClaims for [ChargedClaim] {
    fn charged(&self, patient_control_number: &str) -> Option<Cow<'_, ChargedClaim>> {
        self.iter()
            .rev()
            .find(|c| c.claim.patient_control_number == patient_control_number)
            .map(Cow::Borrowed)
    }
}

/// The charge entries of a claim billed on `billed`, entered on `posted`: one per line, on
/// the line's account, owed by the payer the claim is billed to, effective on the line's date
/// of service (an institutional line without one: the statement's first day).
///
/// Refused: a claim with validation errors, an empty patient account id, a pricing of
/// another claim (other patient control number, other line count or charges), a claim
/// already charged (with a charge not reversed), and a posting date before the books' last.
pub fn charge(
    charged: &ChargedClaim,
    books: &impl LedgerView,
    billed: NaiveDate,
    posted: NaiveDate,
) -> Result<Vec<Entry>, LedgerError> {
    let claim = &charged.claim;
    if charged.patient_account.trim().is_empty() {
        return Err(LedgerError::Missing {
            field: "patientAccount",
        });
    }
    let findings = claim.validate();
    if crate::finding::has_errors(&findings) {
        return Err(LedgerError::InvalidClaim {
            findings: findings.into_iter().filter(|f| f.is_error()).collect(),
        });
    }
    let lines = line_charges(claim);
    if let Some(priced) = &charged.priced {
        let same = priced.patient_control_number == claim.patient_control_number
            && priced.lines.len() == lines.len()
            && priced
                .lines
                .iter()
                .zip(&lines)
                .all(|(p, (charge, _))| p.charge == *charge);
        if !same {
            return Err(LedgerError::PricingMismatch);
        }
    }
    super::check_posted(books, posted)?;
    // Charged means a charge not reversed: a claim whose charges were all undone may be
    // charged again.
    let on_books = books.claim_entries(&claim.patient_control_number);
    let reversed: Vec<_> = on_books
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Reversal(r) => Some(r.reverses),
            _ => None,
        })
        .collect();
    let already = on_books
        .iter()
        .any(|e| matches!(e.kind, EntryKind::Charge(_)) && !reversed.contains(&e.id));
    if already {
        return Err(LedgerError::AlreadyCharged);
    }
    let (patient, pcn) = charged.ids();
    let party = Party::payer(
        charged.rank(),
        CompactString::from(claim.payer.payer_id.as_str()),
    );
    let mut ids = next_ids(books);
    let mut entries = Vec::with_capacity(lines.len());
    for (index, (amount, date)) in lines.into_iter().enumerate() {
        entries.push(Entry {
            id: ids.next_id()?,
            effective: date,
            posted,
            account: Account::Line(LineAccount {
                patient: patient.clone(),
                claim: pcn.clone(),
                line: u32::try_from(index).map_err(|_| LedgerError::TooLarge)?,
            }),
            party: party.clone(),
            amount,
            kind: EntryKind::Charge(Charge { billed }),
            source: Source::Billed,
        });
    }
    Ok(entries)
}

/// Each line's charge and date of service.
pub(crate) fn line_charges(claim: &Claim) -> Vec<(Money, NaiveDate)> {
    match &claim.form {
        ClaimForm::Professional(p) => p.lines.iter().map(|l| (l.charge, l.service_date)).collect(),
        ClaimForm::Institutional(i) => i
            .lines
            .iter()
            .map(|l| (l.charge, l.service_date.unwrap_or(i.statement_from)))
            .collect(),
    }
}

/// The claim account of a charged claim.
pub(crate) fn claim_account(charged: &ChargedClaim) -> Account {
    let (patient, claim) = charged.ids();
    Account::Claim(ClaimAccount { patient, claim })
}
