//! The streaming fold behind [`super::kpis`]: per-claim state flushed when the next claim
//! begins, period totals kept by month, payer, category and CARC.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use rust_decimal::Decimal;

use super::{
    AgingAmount, AmountRate, CarcDenials, CategoryDenials, CountRate, KpiError, KpiRequest, Kpis,
    MonthFigures, PayerDays,
};
use crate::codes::ClaimFrequency;
use crate::denial::{DenialCategory, classify};
use crate::ledger::{
    AgingBucket, Category, Entry, EntryId, EntryKind, PayerRank, Source, StatusEvent,
};
use crate::money::{Money, Rounding};
use crate::remit::Coded;

/// One adjudication of a claim (the entries of one 835 claim).
struct Adjudication {
    key: (CompactString, CompactString, CompactString, u32),
    rank: Option<PayerRank>,
    first: EntryId,
    posted: NaiveDate,
    paid_on: NaiveDate,
    paid: Money,
    denied: Money,
    denials: u32,
    reversal: bool,
}

/// What the fold keeps of the claim whose entries are coming in.
struct ClaimState {
    claim: CompactString,
    last: EntryId,
    billed: Option<NaiveDate>,
    service: Option<NaiveDate>,
    charge: Money,
    receivable: Money,
    rejected_before: Option<EntryId>,
    replaced: bool,
    adjudications: Vec<Adjudication>,
}

impl ClaimState {
    fn new(claim: &str, first: EntryId) -> ClaimState {
        ClaimState {
            claim: CompactString::from(claim),
            last: first,
            billed: None,
            service: None,
            charge: Money::ZERO,
            receivable: Money::ZERO,
            rejected_before: None,
            replaced: false,
            adjudications: Vec::new(),
        }
    }
}

#[derive(Default)]
struct Month {
    charges: Money,
    collections: Money,
    contractual: Money,
    adjudications: u64,
    denied: u64,
}

#[derive(Default)]
struct Tally {
    count: i64,
    amount: Money,
}

/// Folds entries into [`Kpis`] in constant memory (see the module's "Streaming").
pub struct KpiBuilder {
    request: KpiRequest,
    lookback_from: NaiveDate,
    current: Option<ClaimState>,
    charges: Money,
    collections: Money,
    contractual: Money,
    lookback_charges: Money,
    submitted: u64,
    clean: u64,
    first_adjudications: u64,
    first_pass: u64,
    adjudications: u64,
    denied_adjudications: u64,
    adjudicated_charges: Money,
    denied_amount: Money,
    receivables: Money,
    aging: [Money; 5],
    timely_filing: Money,
    months: BTreeMap<(i32, u32), Month>,
    payers: BTreeMap<CompactString, (u64, i64)>,
    categories: BTreeMap<DenialCategory, Tally>,
    carcs: BTreeMap<String, (DenialCategory, Tally)>,
    claims: u64,
}

impl KpiBuilder {
    /// A fold for the request's period.
    pub fn new(request: KpiRequest) -> Result<KpiBuilder, KpiError> {
        if request.to < request.from {
            return Err(KpiError::Period("`to` is before `from`"));
        }
        if request.lookback_days == 0 {
            return Err(KpiError::Period("`lookbackDays` is zero"));
        }
        let lookback_from = request
            .to
            .checked_sub_days(chrono::Days::new(
                u64::from(request.lookback_days).saturating_sub(1),
            ))
            .ok_or(KpiError::Period("the look-back starts before the calendar"))?;
        Ok(KpiBuilder {
            request,
            lookback_from,
            current: None,
            charges: Money::ZERO,
            collections: Money::ZERO,
            contractual: Money::ZERO,
            lookback_charges: Money::ZERO,
            submitted: 0,
            clean: 0,
            first_adjudications: 0,
            first_pass: 0,
            adjudications: 0,
            denied_adjudications: 0,
            adjudicated_charges: Money::ZERO,
            denied_amount: Money::ZERO,
            receivables: Money::ZERO,
            aging: [Money::ZERO; 5],
            timely_filing: Money::ZERO,
            months: BTreeMap::new(),
            payers: BTreeMap::new(),
            categories: BTreeMap::new(),
            carcs: BTreeMap::new(),
            claims: 0,
        })
    }

    fn in_period(&self, date: NaiveDate) -> bool {
        self.request.from <= date && date <= self.request.to
    }

    fn month(&mut self, date: NaiveDate) -> &mut Month {
        self.months.entry((date.year(), date.month())).or_default()
    }

    /// Adds one entry. Entries posted after the period's end are not part of the books as of
    /// that day and are skipped.
    pub fn add(&mut self, entry: &Entry) -> Result<(), KpiError> {
        if entry.posted > self.request.to {
            return Ok(());
        }
        if let Some(claim) = entry.account.claim() {
            self.enter_claim(claim, entry.id)?;
        }
        self.period_totals(entry)?;
        if entry.account.claim().is_some() {
            self.claim_entry(entry)?;
        }
        Ok(())
    }

    fn enter_claim(&mut self, claim: &str, id: EntryId) -> Result<(), KpiError> {
        match &mut self.current {
            Some(state) if state.claim == claim => {
                if id <= state.last {
                    return Err(KpiError::Order {
                        entry: id,
                        why: "a claim's entries in id order",
                    });
                }
                state.last = id;
                Ok(())
            }
            Some(state) if claim < state.claim.as_str() => Err(KpiError::Order {
                entry: id,
                why: "claims in ascending order, each claim's entries together",
            }),
            _ => {
                if let Some(done) = self.current.take() {
                    self.flush(done)?;
                }
                self.current = Some(ClaimState::new(claim, id));
                Ok(())
            }
        }
    }

    /// Charges, collections, contractual adjustments, denials and losses of the period.
    fn period_totals(&mut self, entry: &Entry) -> Result<(), KpiError> {
        let posted = entry.posted;
        let in_period = self.in_period(posted);
        match entry.kind.category() {
            Category::Charge => {
                if posted >= self.lookback_from {
                    self.lookback_charges = self.lookback_charges.checked_add(entry.amount)?;
                }
                if in_period {
                    self.charges = self.charges.checked_add(entry.amount)?;
                    let month = self.month(posted);
                    month.charges = month.charges.checked_add(entry.amount)?;
                }
            }
            Category::Payment if in_period => {
                let collected = entry.amount.negated();
                self.collections = self.collections.checked_add(collected)?;
                let month = self.month(posted);
                month.collections = month.collections.checked_add(collected)?;
            }
            Category::Adjustment if in_period => {
                let reversal = matches!(entry.kind, EntryKind::Reversal(_));
                if let EntryKind::Adjustment(adjustment) = entry.kind.original() {
                    let (Coded::Known(group), Coded::Known(reason)) =
                        (&adjustment.group, &adjustment.reason)
                    else {
                        return Ok(());
                    };
                    let class = classify(*group, reason);
                    let written_off = entry.amount.negated();
                    if class.category == DenialCategory::TimelyFiling {
                        self.timely_filing = self.timely_filing.checked_add(written_off)?;
                    }
                    if !class.denial && class.category == DenialCategory::Contractual {
                        self.contractual = self.contractual.checked_add(written_off)?;
                        let month = self.month(posted);
                        month.contractual = month.contractual.checked_add(written_off)?;
                    }
                    if class.denial {
                        let (count, reported) = if reversal {
                            (-1, adjustment.reported.negated())
                        } else {
                            (1, adjustment.reported)
                        };
                        let tally = self.categories.entry(class.category).or_default();
                        tally.count = tally.count.saturating_add(count);
                        tally.amount = tally.amount.checked_add(reported)?;
                        let code = format!("{group}-{reason}");
                        let (_, tally) = self
                            .carcs
                            .entry(code)
                            .or_insert((class.category, Tally::default()));
                        tally.count = tally.count.saturating_add(count);
                        tally.amount = tally.amount.checked_add(reported)?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// What the claim keeps of one of its entries.
    fn claim_entry(&mut self, entry: &Entry) -> Result<(), KpiError> {
        let Some(state) = self.current.as_mut() else {
            return Ok(());
        };
        if entry.account.is_receivable() {
            state.receivable = state.receivable.checked_add(entry.amount)?;
        }
        match &entry.kind {
            EntryKind::Charge(charge) => {
                state.charge = state.charge.checked_add(entry.amount)?;
                state.billed = Some(state.billed.map_or(charge.billed, |d| d.min(charge.billed)));
                state.service = Some(
                    state
                        .service
                        .map_or(entry.effective, |d| d.min(entry.effective)),
                );
            }
            EntryKind::Reversal(r) if matches!(*r.of, EntryKind::Charge(_)) => {
                state.charge = state.charge.checked_add(entry.amount)?;
            }
            EntryKind::Status(note) => match note.event {
                StatusEvent::Rejected => {
                    state.rejected_before.get_or_insert(entry.id);
                }
                StatusEvent::Submitted(ClaimFrequency::Replacement | ClaimFrequency::Void) => {
                    state.replaced = true;
                }
                _ => {}
            },
            _ => {}
        }
        let Source::Remittance(source) = &entry.source else {
            return Ok(());
        };
        let Some(position) = source.claim else {
            return Ok(());
        };
        let key = (
            source.payer.clone(),
            source.trace.clone(),
            source.set.clone(),
            position,
        );
        let found = state.adjudications.iter().position(|a| a.key == key);
        let index = match found {
            Some(index) => index,
            None => {
                state.adjudications.push(Adjudication {
                    key,
                    rank: entry.party.rank(),
                    first: entry.id,
                    posted: entry.posted,
                    paid_on: entry.posted,
                    paid: Money::ZERO,
                    denied: Money::ZERO,
                    denials: 0,
                    reversal: false,
                });
                state.adjudications.len().saturating_sub(1)
            }
        };
        let Some(adjudication) = state.adjudications.get_mut(index) else {
            return Ok(());
        };
        match &entry.kind {
            EntryKind::Reversal(_) => adjudication.reversal = true,
            EntryKind::PayerPayment => {
                adjudication.paid = adjudication.paid.checked_sub(entry.amount)?;
                adjudication.paid_on = entry.effective;
                if adjudication.rank.is_none() {
                    adjudication.rank = entry.party.rank();
                }
            }
            EntryKind::Adjustment(adjustment) => {
                if let (Coded::Known(group), Coded::Known(reason)) =
                    (&adjustment.group, &adjustment.reason)
                    && classify(*group, reason).denial
                    && !adjustment.reported.is_zero()
                {
                    adjudication.denials = adjudication.denials.saturating_add(1);
                    adjudication.denied = adjudication.denied.checked_add(adjustment.reported)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Counts a finished claim.
    fn flush(&mut self, state: ClaimState) -> Result<(), KpiError> {
        self.claims = self.claims.saturating_add(1);
        if let Some(billed) = state.billed
            && self.in_period(billed)
        {
            self.submitted = self.submitted.saturating_add(1);
            if state.rejected_before.is_none() && !state.replaced {
                self.clean = self.clean.saturating_add(1);
            }
        }
        let mut seen_primary = false;
        let mut paying_payers: Vec<&CompactString> = Vec::new();
        for a in state.adjudications.iter().filter(|a| !a.reversal) {
            let in_period = self.in_period(a.posted);
            if a.rank == Some(PayerRank::Primary) && !seen_primary {
                seen_primary = true;
                if in_period {
                    self.first_adjudications = self.first_adjudications.saturating_add(1);
                    let rejected_first = state.rejected_before.is_some_and(|r| r < a.first);
                    if a.denials == 0 && !rejected_first {
                        self.first_pass = self.first_pass.saturating_add(1);
                    }
                }
            }
            if a.paid > Money::ZERO && !paying_payers.contains(&&a.key.0) {
                paying_payers.push(&a.key.0);
                if in_period && let Some(billed) = state.billed {
                    let days = a.paid_on.signed_duration_since(billed).num_days();
                    let slot = self.payers.entry(a.key.0.clone()).or_insert((0, 0));
                    slot.0 = slot.0.saturating_add(1);
                    slot.1 = slot.1.saturating_add(days);
                }
            }
            if in_period {
                self.adjudications = self.adjudications.saturating_add(1);
                self.adjudicated_charges = self.adjudicated_charges.checked_add(state.charge)?;
                let denied = a.denials > 0;
                if denied {
                    self.denied_adjudications = self.denied_adjudications.saturating_add(1);
                    self.denied_amount = self.denied_amount.checked_add(a.denied)?;
                }
                let month = self.month(a.posted);
                month.adjudications = month.adjudications.saturating_add(1);
                if denied {
                    month.denied = month.denied.saturating_add(1);
                }
            }
        }
        if !state.receivable.is_zero() {
            self.receivables = self.receivables.checked_add(state.receivable)?;
            let age = state
                .service
                .or(state.billed)
                .map_or(0, |d| self.request.to.signed_duration_since(d).num_days());
            let slot = match AgingBucket::of(age) {
                AgingBucket::Days0To30 => 0,
                AgingBucket::Days31To60 => 1,
                AgingBucket::Days61To90 => 2,
                AgingBucket::Days91To120 => 3,
                AgingBucket::Over120 => 4,
            };
            if let Some(bucket) = self.aging.get_mut(slot) {
                *bucket = bucket.checked_add(state.receivable)?;
            }
        }
        Ok(())
    }

    /// The figures.
    pub fn finish(mut self) -> Result<Kpis, KpiError> {
        if let Some(done) = self.current.take() {
            self.flush(done)?;
        }
        let net_base = self.charges.checked_sub(self.contractual)?;
        let [d0, d31, d61, d91, d121] = self.aging;
        let over_90 = d91.checked_add(d121)?;
        let days_in_ar = if self.lookback_charges > Money::ZERO {
            self.receivables
                .amount()
                .checked_mul(Decimal::from(self.request.lookback_days))
                .and_then(|n| n.checked_div(self.lookback_charges.amount()))
                .map(|d| fixed(Rounding::HalfAwayFromZero.round(d, 1), 1))
        } else {
            None
        };
        let mut by_category: Vec<CategoryDenials> = self
            .categories
            .into_iter()
            .map(|(category, t)| CategoryDenials {
                category,
                count: t.count,
                amount: t.amount,
            })
            .collect();
        by_category.sort_by(|a, b| b.amount.cmp(&a.amount).then(b.count.cmp(&a.count)));
        let mut by_carc: Vec<CarcDenials> = self
            .carcs
            .into_iter()
            .map(|(code, (category, t))| CarcDenials {
                code,
                category,
                count: t.count,
                amount: t.amount,
            })
            .collect();
        by_carc.sort_by(|a, b| {
            b.amount
                .cmp(&a.amount)
                .then(b.count.cmp(&a.count))
                .then(a.code.cmp(&b.code))
        });
        let months = self
            .months
            .into_iter()
            .map(|((year, month), m)| {
                Ok(MonthFigures {
                    month: format!("{year:04}-{month:02}"),
                    charges: m.charges,
                    collections: m.collections,
                    contractual_adjustments: m.contractual,
                    denial_rate: count_rate(m.denied, m.adjudications),
                    net_collection_rate: amount_rate(
                        m.collections,
                        m.charges.checked_sub(m.contractual)?,
                    ),
                })
            })
            .collect::<Result<Vec<_>, KpiError>>()?;
        Ok(Kpis {
            from: self.request.from,
            to: self.request.to,
            charges: self.charges,
            collections: self.collections,
            contractual_adjustments: self.contractual,
            clean_claim_rate: count_rate(self.clean, self.submitted),
            first_pass_rate: count_rate(self.first_pass, self.first_adjudications),
            denial_rate_by_count: count_rate(self.denied_adjudications, self.adjudications),
            denial_rate_by_amount: amount_rate(self.denied_amount, self.adjudicated_charges),
            days_in_ar,
            lookback_days: self.request.lookback_days,
            lookback_charges: self.lookback_charges,
            net_collection_rate: amount_rate(self.collections, net_base),
            gross_collection_rate: amount_rate(self.collections, self.charges),
            receivables: self.receivables,
            ar_over_90: amount_rate(over_90, self.receivables),
            aging: [
                (AgingBucket::Days0To30, d0),
                (AgingBucket::Days31To60, d31),
                (AgingBucket::Days61To90, d61),
                (AgingBucket::Days91To120, d91),
                (AgingBucket::Over120, d121),
            ]
            .into_iter()
            .map(|(bucket, amount)| AgingAmount { bucket, amount })
            .collect(),
            days_to_payment: self
                .payers
                .into_iter()
                .filter_map(|(payer, (payments, days))| {
                    let average = Decimal::from(days).checked_div(Decimal::from(payments))?;
                    Some(PayerDays {
                        payer: payer.into(),
                        payments,
                        average_days: fixed(Rounding::HalfAwayFromZero.round(average, 1), 1),
                    })
                })
                .collect(),
            denials_by_category: by_category,
            denials_by_carc: by_carc,
            timely_filing_losses: self.timely_filing,
            months,
            claims: self.claims,
        })
    }
}

fn percent(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator <= Decimal::ZERO {
        return None;
    }
    numerator
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|n| n.checked_div(denominator))
        .map(|p| fixed(Rounding::HalfAwayFromZero.round(p, 2), 2))
}

/// A decimal written with exactly `places` places (`100` → `100.00`).
fn fixed(mut value: Decimal, places: u32) -> Decimal {
    value.rescale(places);
    value
}

fn count_rate(count: u64, of: u64) -> CountRate {
    CountRate {
        count,
        of,
        percent: percent(Decimal::from(count), Decimal::from(of)),
    }
}

fn amount_rate(amount: Money, of: Money) -> AmountRate {
    AmountRate {
        amount,
        of,
        percent: percent(amount.amount(), of.amount()),
    }
}
