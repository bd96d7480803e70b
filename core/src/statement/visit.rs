//! One visit (a claim) as its entries tell it: what was charged per service, what each payer
//! paid, adjusted and moved on and why, the patient's share by reason, what the patient paid
//! and what is left, and since when the patient owes it.
//!
//! Every figure is a sum of entries (reversals count against what they undo), so a visit
//! balances: `charged − insurancePaid − insuranceAdjusted − writtenOff − shareWrittenOff −
//! patientPaid = insurancePending + owes`, and for the patient `owes = patientShare −
//! patientPaid − shareWrittenOff` (the ledger's operations keep a claim's transfers netting
//! to zero, which the first identity needs).

use std::collections::{BTreeMap, VecDeque};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::words::{adjustment_words, is_denial, party_label, patient_responsibility_words};
use crate::claim::ClaimForm;
use crate::codes::{Carc, GroupCode, Modifier, ProcedureCode, RevenueCode};
use crate::ledger::{
    Account, ChargedClaim, Entry, EntryKind, Party, Source, Transfer, TransferReason,
};
use crate::money::{Money, MoneyError};
use crate::remit::Coded;

/// One service of a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VisitLine {
    /// 0-based line of the claim.
    pub line: u32,
    /// Its date of service.
    pub service_date: NaiveDate,
    /// The last date of service, for a line spanning days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_date_end: Option<NaiveDate>,
    /// The procedure (CPT/HCPCS), when the line has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureCode>,
    /// Its modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// The revenue code, on an institutional line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_code: Option<RevenueCode>,
    /// What the line charges on the books.
    pub charged: Money,
    /// What the patient owes on the line.
    pub patient_owes: Money,
}

/// A visit's figures, each a sum of its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VisitFigures {
    /// Charged.
    pub charged: Money,
    /// Paid by the payers.
    pub insurance_paid: Money,
    /// Taken off by the payers' adjustments (contractual and other write-offs).
    pub insurance_adjusted: Money,
    /// Written off by the practice from what payers owed.
    pub written_off: Money,
    /// The patient's share: what the payers (or the practice) made the patient's.
    pub patient_share: Money,
    /// Paid by the patient (less money returned).
    pub patient_paid: Money,
    /// Written off by the practice from the patient's share.
    pub share_written_off: Money,
    /// What the payers still owe.
    pub insurance_pending: Money,
    /// What the patient owes (negative: the patient paid more than the share).
    pub owes: Money,
}

/// Where a payer's answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum PayerStatus {
    /// Billed; no remittance has answered yet.
    Awaiting,
    /// Paid (in part or in full).
    Paid,
    /// Processed without payment and without a denial: all of it went to the contract or to
    /// the patient's share.
    Processed,
    /// Denied (an adjustment that is a denial, nothing paid).
    Denied,
    /// Its answers were reversed and nothing stands: a corrected answer is awaited.
    Reversed,
}

/// One remittance answer of a payer on the visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerAnswer {
    /// The payment date of the remittance (the check or EFT date).
    pub date: NaiveDate,
    /// When it was entered in the books.
    pub posted: NaiveDate,
    /// The remittance's trace number (TRN02).
    pub trace: String,
    /// The payer's claim number (CLP07), when it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_claim_number: Option<String>,
    /// True for a reversal (CLP02 22) of an earlier answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reversal: bool,
}

/// A payer's adjustments of one group and reason on the visit, net of reversals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdjustmentLine {
    /// CAS01.
    pub group: Coded<GroupCode>,
    /// The CARC.
    pub reason: Coded<Carc>,
    /// The amount the 835s gave.
    pub reported: Money,
    /// What the books took off the payer's balance for it: written off, or moved on for PR
    /// (zero when it stays with the payer).
    pub taken_off: Money,
    /// Whether it is a denial to work rather than cost sharing or the contract's allowance.
    pub denial: bool,
    /// The team's words for the reason.
    pub words: String,
}

/// What one payer did with the visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerFigures {
    /// The payer, by its rank on the claim.
    pub party: Party,
    /// Its name on the claim, when the claim names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where its answer stands.
    pub status: PayerStatus,
    /// Billed to it: the charges, and what earlier parties moved to it.
    pub billed: Money,
    /// What it paid.
    pub paid: Money,
    /// What its adjustments took off.
    pub adjusted: Money,
    /// What the practice wrote off of what it owed.
    pub written_off: Money,
    /// What it moved on: to the next payer or to the patient.
    pub moved_on: Money,
    /// What it still owes.
    pub pending: Money,
    /// Its adjustments by group and reason, the PR ones it moved on (to the next payer or the
    /// patient) included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<AdjustmentLine>,
    /// Its remittance answers, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<PayerAnswer>,
}

/// Why part of a visit is the patient's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ShareReason {
    /// A payer's PR adjustment with this CARC (deductible, coinsurance, copay, or a denial
    /// the plan makes the patient's).
    #[serde(rename_all = "camelCase")]
    PatientResponsibility {
        /// The CARC.
        reason: Coded<Carc>,
        /// Whether the reason is a denial (not cost sharing).
        denial: bool,
    },
    /// Moved to the patient by the practice (a balance a payer will not pay).
    MovedByPractice,
    /// Charged to the patient directly.
    Charged,
    /// Other entries on the patient's side.
    Other,
}

/// One reason of the patient's share, with its amount (net of reversals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShareLine {
    /// Why.
    pub reason: ShareReason,
    /// The payer it came from, when it came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Party>,
    /// That payer as the patient knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_name: Option<String>,
    /// How much.
    pub amount: Money,
    /// In words for the patient.
    pub words: String,
}

/// The patient's payments on one day (negative: money returned, or a payment undone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentLine {
    /// The day it was received.
    pub date: NaiveDate,
    /// How much.
    pub amount: Money,
}

/// One visit, from its claim and its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Visit {
    /// The claim's patient control number.
    pub claim: String,
    /// The first date of service.
    pub first_service: NaiveDate,
    /// The last date of service.
    pub last_service: NaiveDate,
    /// When the claim was first billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billed: Option<NaiveDate>,
    /// The services.
    pub lines: Vec<VisitLine>,
    /// The figures.
    pub figures: VisitFigures,
    /// Each payer, in its order on the claim.
    pub payers: Vec<PayerFigures>,
    /// The patient's share by reason.
    pub share: Vec<ShareLine>,
    /// The patient's payments on the visit, by day.
    pub payments: Vec<PaymentLine>,
    /// When the oldest part of what the patient owes arose (posting date; payments pay the
    /// oldest part first). Absent when the patient owes nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owed_since: Option<NaiveDate>,
    /// When the newest part of what the patient owes arose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_owed: Option<NaiveDate>,
}

/// What the patient owes on a visit, oldest first: charges to the patient are queued by
/// posting date, payments and other credits pay the oldest first.
#[derive(Default)]
struct OwedQueue {
    open: VecDeque<(NaiveDate, Money)>,
    credit: Money,
}

impl OwedQueue {
    fn add(&mut self, posted: NaiveDate, amount: Money) -> Result<(), MoneyError> {
        if amount > Money::ZERO {
            let used = amount.min(self.credit);
            self.credit = self.credit.checked_sub(used)?;
            let left = amount.checked_sub(used)?;
            if left > Money::ZERO {
                self.open.push_back((posted, left));
            }
            return Ok(());
        }
        let mut left = amount.negated();
        while left > Money::ZERO {
            let Some(front) = self.open.front_mut() else {
                self.credit = self.credit.checked_add(left)?;
                break;
            };
            let take = front.1.min(left);
            front.1 = front.1.checked_sub(take)?;
            left = left.checked_sub(take)?;
            if front.1.is_zero() {
                self.open.pop_front();
            }
        }
        Ok(())
    }

    /// The oldest and newest open parts, when the balance is owed.
    fn dates(&self, balance: Money) -> (Option<NaiveDate>, Option<NaiveDate>) {
        if balance > Money::ZERO {
            (
                self.open.front().map(|o| o.0),
                self.open.back().map(|o| o.0),
            )
        } else {
            (None, None)
        }
    }
}

/// When the oldest and the newest parts of what the patient owes on a claim arose, from the
/// claim's entries in order (both absent when the patient owes nothing).
pub(crate) fn owed_dates(
    entries: &[&Entry],
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), MoneyError> {
    let mut owed = OwedQueue::default();
    let mut balance = Money::ZERO;
    for entry in entries.iter().filter(|e| e.party == Party::Patient) {
        owed.add(entry.posted, entry.amount)?;
        balance = balance.checked_add(entry.amount)?;
    }
    Ok(owed.dates(balance))
}

/// How many reversals wrap the entry's kind: odd means it undoes what its kind records.
fn undoes(kind: &EntryKind) -> bool {
    let mut odd = false;
    let mut kind = kind;
    while let EntryKind::Reversal(r) = kind {
        odd = !odd;
        kind = &r.of;
    }
    odd
}

/// `total += amount`.
fn add(total: &mut Money, amount: Money) -> Result<(), MoneyError> {
    *total = total.checked_add(amount)?;
    Ok(())
}

/// `total −= amount`.
fn take(total: &mut Money, amount: Money) -> Result<(), MoneyError> {
    *total = total.checked_sub(amount)?;
    Ok(())
}

#[derive(Default)]
struct PayerSums {
    billed: Money,
    paid: Money,
    adjusted: Money,
    written_off: Money,
    moved_on: Money,
    pending: Money,
    adjustments: Vec<AdjustmentLine>,
    answers: Vec<PayerAnswer>,
}

impl PayerSums {
    fn adjustment(
        &mut self,
        group: &Coded<GroupCode>,
        reason: &Coded<Carc>,
        reported: Money,
        taken_off: Money,
    ) -> Result<(), MoneyError> {
        match self
            .adjustments
            .iter_mut()
            .find(|a| &a.group == group && &a.reason == reason)
        {
            Some(line) => {
                add(&mut line.reported, reported)?;
                add(&mut line.taken_off, taken_off)?;
            }
            None => self.adjustments.push(AdjustmentLine {
                group: group.clone(),
                reason: reason.clone(),
                reported,
                taken_off,
                denial: is_denial(group, reason),
                words: adjustment_words(reason),
            }),
        }
        Ok(())
    }

    fn answer(&mut self, entry: &Entry) {
        let Source::Remittance(source) = &entry.source else {
            return;
        };
        let answer = PayerAnswer {
            date: entry.effective,
            posted: entry.posted,
            trace: source.trace.to_string(),
            payer_claim_number: source.payer_claim_number.as_ref().map(|n| n.to_string()),
            reversal: undoes(&entry.kind),
        };
        if !self.answers.contains(&answer) {
            self.answers.push(answer);
        }
    }

    fn status(&self) -> PayerStatus {
        if self.answers.is_empty() {
            PayerStatus::Awaiting
        } else if !self.paid.is_zero() {
            PayerStatus::Paid
        } else if self
            .adjustments
            .iter()
            .any(|a| a.denial && !a.reported.is_zero())
        {
            PayerStatus::Denied
        } else if self.adjusted.is_zero()
            && self.moved_on.is_zero()
            && self.adjustments.iter().all(|a| a.reported.is_zero())
        {
            PayerStatus::Reversed
        } else {
            PayerStatus::Processed
        }
    }
}

/// The claim's services: each line's dates and codes, by 0-based line.
fn claim_lines(charged: &ChargedClaim) -> BTreeMap<u32, VisitLine> {
    let line = |service_date, service_date_end, procedure, modifiers, revenue_code| VisitLine {
        line: 0,
        service_date,
        service_date_end,
        procedure,
        modifiers,
        revenue_code,
        charged: Money::ZERO,
        patient_owes: Money::ZERO,
    };
    let lines: Vec<VisitLine> = match &charged.claim.form {
        ClaimForm::Professional(p) => p
            .lines
            .iter()
            .map(|l| {
                line(
                    l.service_date,
                    l.service_date_end.filter(|end| *end != l.service_date),
                    Some(l.procedure),
                    l.modifiers.clone(),
                    None,
                )
            })
            .collect(),
        ClaimForm::Institutional(i) => i
            .lines
            .iter()
            .map(|l| {
                line(
                    l.service_date.unwrap_or(i.statement_from),
                    None,
                    l.procedure,
                    l.modifiers.clone(),
                    Some(l.revenue_code),
                )
            })
            .collect(),
    };
    lines
        .into_iter()
        .zip(0u32..)
        .map(|(mut l, n)| {
            l.line = n;
            (n, l)
        })
        .collect()
}

/// The name the claim gives the payer at this party's rank.
fn payer_name(charged: &ChargedClaim, party: &Party) -> Option<String> {
    let payer = charged.payer_at(party.rank()?)?;
    (Some(payer.payer_id.as_str()) == party.payer_id()).then(|| payer.name.clone())
}

/// The share line of an entry on the patient's side.
fn share_reason(kind: &EntryKind) -> (ShareReason, Option<Party>) {
    match kind.original() {
        EntryKind::Transfer(t) => match &t.why {
            TransferReason::PatientResponsibility(share) => {
                let denial = is_denial(&Coded::Known(GroupCode::Pr), &share.reason);
                (
                    ShareReason::PatientResponsibility {
                        reason: share.reason.clone(),
                        denial,
                    },
                    Some(t.counterparty.clone()),
                )
            }
            TransferReason::User => (ShareReason::MovedByPractice, Some(t.counterparty.clone())),
        },
        EntryKind::Charge(_) => (ShareReason::Charged, None),
        _ => (ShareReason::Other, None),
    }
}

fn share_words(reason: &ShareReason, from: Option<&str>, amount: Money) -> String {
    match reason {
        ShareReason::PatientResponsibility { reason, denial } => {
            patient_responsibility_words(reason, *denial)
        }
        ShareReason::MovedByPractice => match (from, amount.is_negative()) {
            (Some(from), false) => format!("Moved to you by our office from {from}"),
            (Some(from), true) => format!("Moved from you to {from} by our office"),
            (None, _) => "Moved by our office".to_owned(),
        },
        ShareReason::Charged => "Charged to you".to_owned(),
        ShareReason::Other => "Other amounts on your account".to_owned(),
    }
}

/// Reads one claim's entries (its lines' and claim account's, in entry order) as a visit.
pub(crate) fn read_visit(
    claim: &str,
    entries: &[&Entry],
    charged: &ChargedClaim,
) -> Result<Visit, StatementError> {
    let mut figures = VisitFigures::default();
    let mut lines = claim_lines(charged);
    let mut payers: BTreeMap<Party, PayerSums> = BTreeMap::new();
    let mut share: Vec<(ShareReason, Option<Party>, Money)> = Vec::new();
    let mut payments: Vec<PaymentLine> = Vec::new();
    let mut owed = OwedQueue::default();
    let mut billed: Option<NaiveDate> = None;
    let mut first_charge: Option<NaiveDate> = None;
    for entry in entries {
        let original = entry.kind.original();
        if matches!(original, EntryKind::Status(_)) {
            // A status note (sent, acknowledged, pending) moves no money.
            continue;
        }
        let amount = entry.amount;
        let on_patient = entry.party == Party::Patient;
        let line = match &entry.account {
            Account::Line(a) => Some(lines.entry(a.line).or_insert_with(|| VisitLine {
                line: a.line,
                service_date: entry.effective,
                service_date_end: None,
                procedure: None,
                modifiers: Vec::new(),
                revenue_code: None,
                charged: Money::ZERO,
                patient_owes: Money::ZERO,
            })),
            _ => None,
        };
        if let EntryKind::Charge(charge) = original {
            add(&mut figures.charged, amount)?;
            if let Some(line) = line {
                add(&mut line.charged, amount)?;
                if on_patient {
                    add(&mut line.patient_owes, amount)?;
                }
            }
            billed = Some(billed.map_or(charge.billed, |d| d.min(charge.billed)));
            first_charge = Some(first_charge.map_or(entry.effective, |d| d.min(entry.effective)));
        } else if on_patient {
            if let Some(line) = line {
                add(&mut line.patient_owes, amount)?;
            }
        }
        if on_patient {
            add(&mut figures.owes, amount)?;
            owed.add(entry.posted, amount)?;
            match original {
                EntryKind::PayerPayment | EntryKind::PatientPayment | EntryKind::Refund => {
                    take(&mut figures.patient_paid, amount)?;
                    match payments.iter_mut().find(|p| p.date == entry.effective) {
                        Some(p) => take(&mut p.amount, amount)?,
                        None => payments.push(PaymentLine {
                            date: entry.effective,
                            amount: amount.negated(),
                        }),
                    }
                }
                EntryKind::Adjustment(_) | EntryKind::WriteOff(_) => {
                    take(&mut figures.share_written_off, amount)?;
                }
                kind => {
                    add(&mut figures.patient_share, amount)?;
                    let (reason, from) = share_reason(kind);
                    match share
                        .iter_mut()
                        .find(|(r, f, _)| *r == reason && *f == from)
                    {
                        Some((_, _, sum)) => add(sum, amount)?,
                        None => share.push((reason, from, amount)),
                    }
                }
            }
            continue;
        }
        add(&mut figures.insurance_pending, amount)?;
        let sums = payers.entry(entry.party.clone()).or_default();
        add(&mut sums.pending, amount)?;
        match original {
            EntryKind::Charge(_) => add(&mut sums.billed, amount)?,
            EntryKind::PayerPayment | EntryKind::PatientPayment | EntryKind::Refund => {
                take(&mut figures.insurance_paid, amount)?;
                take(&mut sums.paid, amount)?;
                sums.answer(entry);
            }
            EntryKind::Adjustment(adjustment) => {
                take(&mut figures.insurance_adjusted, amount)?;
                take(&mut sums.adjusted, amount)?;
                let reported = if undoes(&entry.kind) {
                    adjustment.reported.negated()
                } else {
                    adjustment.reported
                };
                sums.adjustment(
                    &adjustment.group,
                    &adjustment.reason,
                    reported,
                    amount.negated(),
                )?;
                sums.answer(entry);
            }
            EntryKind::WriteOff(_) => {
                take(&mut figures.written_off, amount)?;
                take(&mut sums.written_off, amount)?;
            }
            _ => {
                // A transfer: in when it first added to this payer, out when it took away.
                let first_sign_in = (amount > Money::ZERO) != undoes(&entry.kind);
                if first_sign_in {
                    add(&mut sums.billed, amount)?;
                } else {
                    take(&mut sums.moved_on, amount)?;
                    if let EntryKind::Transfer(Transfer {
                        why: TransferReason::PatientResponsibility(share),
                        ..
                    }) = original
                    {
                        let pr = Coded::Known(GroupCode::Pr);
                        sums.adjustment(&pr, &share.reason, amount.negated(), amount.negated())?;
                    }
                    sums.answer(entry);
                }
            }
        }
    }
    let first_service = charged
        .claim
        .first_service_date()
        .or(first_charge)
        .or_else(|| lines.values().map(|l| l.service_date).min())
        .or_else(|| entries.first().map(|e| e.effective))
        .ok_or(StatementError::Missing {
            field: "the claim's dates of service",
        })?;
    let last_service = match &charged.claim.form {
        ClaimForm::Institutional(i) => i.statement_through,
        ClaimForm::Professional(_) => lines
            .values()
            .map(|l| l.service_date_end.unwrap_or(l.service_date))
            .max()
            .unwrap_or(first_service),
    }
    .max(first_service);
    let payers: Vec<PayerFigures> = payers
        .into_iter()
        .map(|(party, mut sums)| {
            sums.adjustments
                .retain(|a| !a.reported.is_zero() || !a.taken_off.is_zero());
            PayerFigures {
                name: payer_name(charged, &party),
                status: sums.status(),
                party,
                billed: sums.billed,
                paid: sums.paid,
                adjusted: sums.adjusted,
                written_off: sums.written_off,
                moved_on: sums.moved_on,
                pending: sums.pending,
                adjustments: sums.adjustments,
                answers: sums.answers,
            }
        })
        .collect();
    let share = share
        .into_iter()
        .filter(|(_, _, amount)| !amount.is_zero())
        .map(|(reason, from, amount)| {
            let from_name = from.as_ref().map(|p| {
                let named = payer_name(charged, p);
                party_label(p, named.as_deref())
            });
            ShareLine {
                words: share_words(&reason, from_name.as_deref(), amount),
                reason,
                from,
                from_name,
                amount,
            }
        })
        .collect();
    payments.retain(|p| !p.amount.is_zero());
    let (owed_since, last_owed) = owed.dates(figures.owes);
    Ok(Visit {
        claim: claim.to_owned(),
        first_service,
        last_service,
        billed,
        lines: lines.into_values().collect(),
        figures,
        payers,
        share,
        payments,
        owed_since,
        last_owed,
    })
}
