//! The denial work queue: each payer's latest adjudication of a claim that carries a denial,
//! with its reasons explained, the appeal deadline and what to do next, ranked for the
//! biller and grouped by category and payer.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::catalog::{Appeal, DenialCategory, NextAction, classify};
use crate::codes::ClaimFrequency;
use crate::ledger::{
    ChargedClaim, ChargedClaims, Entry, EntryId, EntryKind, PayerRank, Source, StatusEvent,
};
use crate::money::{Money, MoneyError};
use crate::remit::Coded;
use crate::scrub::PayerRules;

/// Days Medicare allows for a redetermination request after the initial determination
/// (42 CFR 405.942: 120 days from receipt of the notice).
pub const MEDICARE_REDETERMINATION_DAYS: u32 = 120;

/// One denied adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeniedReason {
    /// Group and CARC (`CO-50`).
    pub code: String,
    /// The remark codes sent with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<String>,
    /// The amount the 835 reported.
    pub amount: Money,
    /// The claim line (0-based), for a line adjustment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The CARC's category.
    pub category: DenialCategory,
    /// The team's words for the CARC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

/// Where an appeal deadline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DeadlineRule {
    /// Medicare's redetermination: 120 days from the initial determination.
    MedicareRedetermination,
    /// The payer's rule pack (`appealDays`).
    PayerRules,
}

/// A denial to work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DenialItem {
    /// The claim (patient control number).
    pub claim: String,
    /// The patient account.
    pub patient: String,
    /// The payer's key (the claim's payer id).
    pub payer: String,
    /// Where the payer stands.
    pub rank: PayerRank,
    /// The payer's claim number (CLP07), for a corrected claim or an appeal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_claim_number: Option<String>,
    /// The determination's date (the check or EFT date of the remittance).
    pub determined: NaiveDate,
    /// The denied adjustments.
    pub reasons: Vec<DeniedReason>,
    /// Their sum.
    pub amount: Money,
    /// The category of the largest reason.
    pub category: DenialCategory,
    /// Worth appealing when any reason is; else correct when any reason needs it; else no.
    pub appeal: Appeal,
    /// The next action of the largest reason.
    pub action: NextAction,
    /// The last day to appeal, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_deadline: Option<NaiveDate>,
    /// Where the deadline comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_rule: Option<DeadlineRule>,
    /// Days from the queue's date to the deadline (negative: passed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// When a corrected (7) or void (8) claim was sent after the determination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resubmitted: Option<NaiveDate>,
}

/// Denials of one category and payer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct QueueGroup {
    /// The category.
    pub category: DenialCategory,
    /// The payer's key.
    pub payer: String,
    /// Denials.
    pub count: u64,
    /// Their amount.
    pub amount: Money,
}

/// The denial work queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DenialQueue {
    /// The day deadlines are counted to.
    pub as_of: NaiveDate,
    /// What to work, in order: open deadlines (or unknown) by amount, largest first, then
    /// by the nearest deadline; then the denials whose deadline passed.
    pub items: Vec<DenialItem>,
    /// By category and payer, largest amount first.
    pub groups: Vec<QueueGroup>,
    /// Their total.
    pub total: Money,
}

/// One adjudication of the claim by one payer.
struct Adjudication<'a> {
    key: (&'a str, &'a str, &'a str, u32),
    payer: &'a str,
    rank: Option<PayerRank>,
    determined: NaiveDate,
    payer_claim_number: Option<&'a str>,
    ids: Vec<EntryId>,
    reasons: Vec<(DeniedReason, Appeal, NextAction)>,
    reversal: bool,
}

/// The pack for a payer: the first that names its id, else the first for every payer.
pub fn rules_for<'a>(packs: &'a [PayerRules], payer: &str) -> Option<&'a PayerRules> {
    packs
        .iter()
        .find(|p| p.payer_ids.iter().any(|id| id == payer))
        .or_else(|| packs.iter().find(|p| p.payer_ids.is_empty()))
}

/// The open denials of one claim: for each payer, its latest adjudication that was not
/// reversed, when it carries a denial. `entries` are the claim's, in id order; `claim` (the
/// charged claim, when known) tells a Medicare payer by its filing indicator.
pub fn claim_denials(
    entries: &[Entry],
    claim: Option<&ChargedClaim>,
    packs: &[PayerRules],
    as_of: NaiveDate,
) -> Result<Vec<DenialItem>, MoneyError> {
    let mut adjudications: Vec<Adjudication<'_>> = Vec::new();
    let mut reversed: Vec<EntryId> = Vec::new();
    let mut resubmissions: Vec<NaiveDate> = Vec::new();
    let (mut claim_id, mut patient) = (None, None);
    for entry in entries.iter().filter(|e| e.posted <= as_of) {
        if claim_id.is_none() {
            claim_id = entry.account.claim();
            patient = entry.account.patient();
        }
        match &entry.kind {
            EntryKind::Reversal(r) => reversed.push(r.reverses),
            EntryKind::Status(note)
                if matches!(
                    note.event,
                    StatusEvent::Submitted(ClaimFrequency::Replacement | ClaimFrequency::Void)
                ) =>
            {
                resubmissions.push(entry.effective);
            }
            _ => {}
        }
        let Source::Remittance(source) = &entry.source else {
            continue;
        };
        let Some(position) = source.claim else {
            continue;
        };
        let Some(payer) = entry.party.payer_id() else {
            continue;
        };
        let key = (
            source.payer.as_str(),
            source.trace.as_str(),
            source.set.as_str(),
            position,
        );
        let index = match adjudications.iter().rposition(|a| a.key == key) {
            Some(i) => i,
            None => {
                adjudications.push(Adjudication {
                    key,
                    payer,
                    rank: entry.party.rank(),
                    determined: entry.effective,
                    payer_claim_number: source.payer_claim_number.as_deref(),
                    ids: Vec::new(),
                    reasons: Vec::new(),
                    reversal: false,
                });
                adjudications.len().saturating_sub(1)
            }
        };
        let Some(a) = adjudications.get_mut(index) else {
            continue;
        };
        a.ids.push(entry.id);
        if a.rank.is_none() {
            a.rank = entry.party.rank();
        }
        match &entry.kind {
            EntryKind::Reversal(_) => a.reversal = true,
            EntryKind::Adjustment(adjustment) => {
                let (Coded::Known(group), Coded::Known(reason)) =
                    (&adjustment.group, &adjustment.reason)
                else {
                    continue;
                };
                let class = classify(*group, reason);
                if !class.denial || adjustment.reported.is_zero() {
                    continue;
                }
                let line = match &entry.account {
                    crate::ledger::Account::Line(l) => Some(l.line),
                    _ => None,
                };
                a.reasons.push((
                    DeniedReason {
                        code: format!("{group}-{reason}"),
                        remarks: adjustment.remarks.iter().map(|r| r.to_string()).collect(),
                        amount: adjustment.reported,
                        line,
                        category: class.category,
                        words: class.words,
                    },
                    class.appeal,
                    class.action,
                ));
            }
            _ => {}
        }
    }
    let (Some(claim_id), Some(patient)) = (claim_id, patient) else {
        return Ok(Vec::new());
    };
    // Each payer's latest adjudication that is neither a reversal nor reversed.
    let mut latest: BTreeMap<&str, &Adjudication<'_>> = BTreeMap::new();
    for a in &adjudications {
        if a.reversal || a.ids.iter().any(|id| reversed.contains(id)) {
            continue;
        }
        latest.insert(a.payer, a);
    }
    let mut items = Vec::new();
    for a in latest.into_values() {
        if a.reasons.is_empty() {
            continue;
        }
        let amount = Money::sum(a.reasons.iter().map(|(r, _, _)| r.amount))?;
        let largest = a.reasons.iter().max_by(|x, y| x.0.amount.cmp(&y.0.amount));
        let appeal = if a.reasons.iter().any(|r| r.1 == Appeal::Worth) {
            Appeal::Worth
        } else if a.reasons.iter().any(|r| r.1 == Appeal::Correct) {
            Appeal::Correct
        } else {
            Appeal::No
        };
        let rank = a.rank.unwrap_or(PayerRank::Primary);
        let medicare = claim
            .and_then(|c| c.payer_at(rank))
            .is_some_and(|p| matches!(p.claim_filing_indicator.as_str(), "MA" | "MB"));
        let (days, rule) = match rules_for(packs, a.payer).and_then(|p| p.appeal_days) {
            Some(days) => (Some(days), Some(DeadlineRule::PayerRules)),
            None if medicare => (
                Some(MEDICARE_REDETERMINATION_DAYS),
                Some(DeadlineRule::MedicareRedetermination),
            ),
            None => (None, None),
        };
        let deadline = days.and_then(|d| a.determined.checked_add_days(Days::new(u64::from(d))));
        items.push(DenialItem {
            claim: claim_id.to_owned(),
            patient: patient.to_owned(),
            payer: a.payer.to_owned(),
            rank,
            payer_claim_number: a.payer_claim_number.map(str::to_owned),
            determined: a.determined,
            amount,
            category: largest.map_or(DenialCategory::Other, |r| r.0.category),
            action: largest.map_or(NextAction::Review, |r| r.2),
            appeal,
            appeal_deadline: deadline,
            deadline_rule: deadline.and(rule),
            days_left: deadline.map(|d| d.signed_duration_since(as_of).num_days()),
            resubmitted: resubmissions
                .iter()
                .copied()
                .filter(|d| *d >= a.determined)
                .min(),
            reasons: a.reasons.iter().map(|(r, _, _)| r.clone()).collect(),
        });
    }
    Ok(items)
}

/// Ranks the items and groups them by category and payer.
pub fn denial_queue(
    mut items: Vec<DenialItem>,
    as_of: NaiveDate,
) -> Result<DenialQueue, MoneyError> {
    let passed = |i: &DenialItem| i.days_left.is_some_and(|d| d < 0);
    items.sort_by(|a, b| {
        passed(a)
            .cmp(&passed(b))
            .then(b.amount.cmp(&a.amount))
            .then(
                a.appeal_deadline
                    .unwrap_or(NaiveDate::MAX)
                    .cmp(&b.appeal_deadline.unwrap_or(NaiveDate::MAX)),
            )
            .then(a.claim.cmp(&b.claim))
            .then(a.payer.cmp(&b.payer))
    });
    let mut groups: BTreeMap<(DenialCategory, CompactString), (u64, Money)> = BTreeMap::new();
    for item in &items {
        let slot = groups
            .entry((item.category, item.payer.as_str().into()))
            .or_insert((0, Money::ZERO));
        slot.0 = slot.0.saturating_add(1);
        slot.1 = slot.1.checked_add(item.amount)?;
    }
    let mut groups: Vec<QueueGroup> = groups
        .into_iter()
        .map(|((category, payer), (count, amount))| QueueGroup {
            category,
            payer: payer.into(),
            count,
            amount,
        })
        .collect();
    groups.sort_by(|a, b| b.amount.cmp(&a.amount).then(b.count.cmp(&a.count)));
    let total = Money::sum(items.iter().map(|i| i.amount))?;
    Ok(DenialQueue {
        as_of,
        items,
        groups,
        total,
    })
}

/// The queue of a whole ledger held in memory: entries in any order, grouped by claim;
/// `claims` finds each claim as charged (its payer's filing indicator tells Medicare).
pub fn denials(
    entries: &[Entry],
    claims: &(impl ChargedClaims + ?Sized),
    packs: &[PayerRules],
    as_of: NaiveDate,
) -> Result<DenialQueue, MoneyError> {
    let mut by_claim: BTreeMap<&str, Vec<Entry>> = BTreeMap::new();
    for entry in entries {
        if let Some(claim) = entry.account.claim() {
            by_claim.entry(claim).or_default().push(entry.clone());
        }
    }
    let mut items = Vec::new();
    for (claim, mut group) in by_claim {
        group.sort_by_key(|e| e.id);
        let charged = claims.charged(claim);
        items.extend(claim_denials(&group, charged.as_deref(), packs, as_of)?);
    }
    denial_queue(items, as_of)
}
