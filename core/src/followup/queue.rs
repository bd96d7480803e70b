//! The follow-up queue: claims a payer owes on and has not answered (no 835 since the claim
//! was last sent to it) for more than its follow-up days.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::denial::rules_for;
use crate::ledger::{Entry, EntryKind, PayerRank, Source, StatusEvent};
use crate::money::{Money, MoneyError};
use crate::scrub::PayerRules;

/// The last status a payer or clearinghouse gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LastStatus {
    /// Its date.
    pub date: NaiveDate,
    /// What it says.
    pub event: StatusEvent,
    /// Its STC codes explained.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explained: Vec<String>,
}

/// A claim to follow up with a payer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpItem {
    /// The claim (patient control number).
    pub claim: String,
    /// The patient account.
    pub patient: String,
    /// The payer's key.
    pub payer: String,
    /// Where the payer stands.
    pub rank: PayerRank,
    /// When the claim was last sent to the payer.
    pub sent: NaiveDate,
    /// Days since.
    pub days: i64,
    /// The day it became due for follow-up (sent + the payer's follow-up days).
    pub due: NaiveDate,
    /// What the payer owes on it.
    pub amount: Money,
    /// The payer's claim number, when a status gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_claim_number: Option<String>,
    /// The last status recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<LastStatus>,
}

/// The follow-up queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpQueue {
    /// The day ages are counted to.
    pub as_of: NaiveDate,
    /// Largest amount first, then the oldest.
    pub items: Vec<FollowUpItem>,
    /// Their total.
    pub total: Money,
}

#[derive(Default)]
struct PayerState {
    balance: Money,
    sent: Option<NaiveDate>,
    answered: Option<NaiveDate>,
    rank: Option<PayerRank>,
    status: Option<LastStatus>,
    payer_claim_number: Option<CompactString>,
}

/// The follow-up of one claim: `entries` are the claim's, in id order. Returns the payer
/// that owes and has not answered for its follow-up days, if any.
pub fn claim_follow_up(
    entries: &[Entry],
    packs: &[PayerRules],
    as_of: NaiveDate,
) -> Result<Option<FollowUpItem>, MoneyError> {
    let mut payers: BTreeMap<CompactString, PayerState> = BTreeMap::new();
    let (mut claim, mut patient) = (None, None);
    for entry in entries.iter().filter(|e| e.posted <= as_of) {
        if claim.is_none() {
            claim = entry.account.claim();
            patient = entry.account.patient();
        }
        let Some(payer) = entry.party.payer_id() else {
            continue;
        };
        let state = payers.entry(CompactString::from(payer)).or_default();
        if state.rank.is_none() {
            state.rank = entry.party.rank();
        }
        if entry.account.is_receivable() {
            state.balance = state.balance.checked_add(entry.amount)?;
        }
        match &entry.kind {
            EntryKind::Charge(charge) => {
                state.sent = Some(state.sent.map_or(charge.billed, |d| d.min(charge.billed)));
            }
            // A balance moved to this payer: the claim was sent on to it.
            EntryKind::Transfer(_) if entry.amount > Money::ZERO => {
                state.sent = Some(
                    state
                        .sent
                        .map_or(entry.effective, |d| d.max(entry.effective)),
                );
            }
            EntryKind::Status(note) => {
                if let StatusEvent::Submitted(_) = note.event {
                    state.sent = Some(
                        state
                            .sent
                            .map_or(entry.effective, |d| d.max(entry.effective)),
                    );
                }
                if note.payer_claim_number.is_some() {
                    state
                        .payer_claim_number
                        .clone_from(&note.payer_claim_number);
                }
                state.status = Some(LastStatus {
                    date: entry.effective,
                    event: note.event,
                    explained: note.codes.iter().map(super::codes::explain).collect(),
                });
            }
            _ => {}
        }
        if let Source::Remittance(source) = &entry.source
            && source.claim.is_some()
        {
            state.answered = Some(state.answered.map_or(entry.posted, |d| d.max(entry.posted)));
            if source.payer_claim_number.is_some() {
                state
                    .payer_claim_number
                    .clone_from(&source.payer_claim_number);
            }
        }
    }
    let (Some(claim), Some(patient)) = (claim, patient) else {
        return Ok(None);
    };
    for (payer, state) in payers {
        let Some(sent) = state.sent else {
            continue;
        };
        if state.balance <= Money::ZERO || state.answered.is_some_and(|a| a >= sent) {
            continue;
        }
        let days_allowed = rules_for(packs, &payer).map_or(30, PayerRules::follow_up);
        let Some(due) = sent.checked_add_days(Days::new(u64::from(days_allowed))) else {
            continue;
        };
        if as_of < due {
            continue;
        }
        return Ok(Some(FollowUpItem {
            claim: claim.to_owned(),
            patient: patient.to_owned(),
            rank: state.rank.unwrap_or(PayerRank::Primary),
            sent,
            days: as_of.signed_duration_since(sent).num_days(),
            due,
            amount: state.balance,
            payer_claim_number: state.payer_claim_number.map(Into::into),
            last_status: state.status,
            payer: payer.into(),
        }));
    }
    Ok(None)
}

/// The queue over a ledger held in memory (entries in any order).
pub fn follow_up_queue(
    entries: &[Entry],
    packs: &[PayerRules],
    as_of: NaiveDate,
) -> Result<FollowUpQueue, MoneyError> {
    let mut by_claim: BTreeMap<&str, Vec<Entry>> = BTreeMap::new();
    for entry in entries {
        if let Some(claim) = entry.account.claim() {
            by_claim.entry(claim).or_default().push(entry.clone());
        }
    }
    let mut items = Vec::new();
    for mut group in by_claim.into_values() {
        group.sort_by_key(|e| e.id);
        items.extend(claim_follow_up(&group, packs, as_of)?);
    }
    rank_follow_ups(items, as_of)
}

/// Orders items (largest amount, then oldest, then claim) and totals them.
pub fn rank_follow_ups(
    mut items: Vec<FollowUpItem>,
    as_of: NaiveDate,
) -> Result<FollowUpQueue, MoneyError> {
    items.sort_by(|a, b| {
        b.amount
            .cmp(&a.amount)
            .then(b.days.cmp(&a.days))
            .then(a.claim.cmp(&b.claim))
    });
    let total = Money::sum(items.iter().map(|i| i.amount))?;
    Ok(FollowUpQueue {
        as_of,
        items,
        total,
    })
}
