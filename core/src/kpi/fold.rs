//! The streaming fold behind [`super::kpis`]: per-claim state flushed when the next claim
//! begins, period totals kept by month, payer, category and CARC.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use rust_decimal::Decimal;

use super::fact::{Fact, FactKind};
use super::{
    AgingAmount, AmountRate, CarcDenials, CategoryDenials, CountRate, KpiError, KpiRequest, Kpis,
    MonthFigures, PayerDays,
};
use crate::codes::{Carc, GroupCode};
use crate::denial::{DenialCategory, denial_class};
use crate::ledger::{AgingBucket, Category, Entry, EntryId, PayerRank, Source, StatusEvent};
use crate::money::{Money, Rounding};

/// One adjudication of a claim (the entries of one 835 claim).
struct Adjudication {
    key: u64,
    payer: CompactString,
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
    /// The 835 claims (payer key, trace, set, position) seen by [`KpiBuilder::add`], whose
    /// index is the adjudication key.
    sources: Vec<(CompactString, CompactString, CompactString, u32)>,
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
            sources: Vec::new(),
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

/// What the fold needs of an adjustment's codes.
#[derive(Clone, Copy)]
struct Class {
    group: GroupCode,
    reason: Carc,
    category: DenialCategory,
    denial: bool,
}

impl Month {
    /// Nothing happened in it (a month of the period with no entry is not reported).
    fn is_empty(&self) -> bool {
        self.charges.is_zero()
            && self.collections.is_zero()
            && self.contractual.is_zero()
            && self.adjudications == 0
    }
}

#[derive(Default)]
struct Tally {
    count: i64,
    amount: Money,
}

/// Folds entries into [`Kpis`] in constant memory (see the module's "Streaming").
pub struct KpiBuilder {
    request: KpiRequest,
    /// The period and look-back as day numbers (see `fact::Day`).
    from_day: i32,
    to_day: i32,
    lookback_day: i32,
    /// Each day of the period's month slot in `month_list` (a short period: looked up, not
    /// computed, for each of millions of entries).
    month_of_day: Vec<u16>,
    month_list: Vec<((i32, u32), Month)>,
    /// Each (group, CARC) seen as a fact holds them, with the codes, their category and
    /// whether it is a denial.
    classes: Vec<((u8, [u8; 3]), Class)>,
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
    carc_tallies: BTreeMap<(GroupCode, Carc), (DenialCategory, Tally)>,
    payers: BTreeMap<CompactString, (u64, i64)>,
    categories: BTreeMap<DenialCategory, Tally>,
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
        let day = |d: NaiveDate| chrono::Datelike::num_days_from_ce(&d);
        let (from_day, to_day) = (day(request.from), day(request.to));
        // Up to about 30 years of days get a slot table; a longer period computes months.
        let mut month_of_day = Vec::new();
        let mut month_list: Vec<((i32, u32), Month)> = Vec::new();
        if to_day.saturating_sub(from_day) < 11_000 {
            let mut date = request.from;
            while date <= request.to {
                let key = (date.year(), date.month());
                if month_list.last().is_none_or(|(k, _)| *k != key) {
                    month_list.push((key, Month::default()));
                }
                month_of_day.push(u16::try_from(month_list.len().saturating_sub(1)).unwrap_or(0));
                match date.succ_opt() {
                    Some(next) => date = next,
                    None => break,
                }
            }
        }
        Ok(KpiBuilder {
            request,
            from_day,
            to_day,
            lookback_day: day(lookback_from),
            month_of_day,
            month_list,
            classes: Vec::new(),
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
            carc_tallies: BTreeMap::new(),
            payers: BTreeMap::new(),
            categories: BTreeMap::new(),
            claims: 0,
        })
    }

    fn in_period(&self, date: NaiveDate) -> bool {
        self.request.from <= date && date <= self.request.to
    }

    fn month(&mut self, date: NaiveDate) -> &mut Month {
        self.months.entry((date.year(), date.month())).or_default()
    }

    /// The month of a day in the period (`posted` its day number).
    fn month_of(
        &mut self,
        posted: i32,
        date: impl FnOnce() -> Option<NaiveDate>,
    ) -> Result<&mut Month, KpiError> {
        let slot = usize::try_from(posted.saturating_sub(self.from_day))
            .ok()
            .and_then(|i| self.month_of_day.get(i))
            .map(|m| usize::from(*m));
        match slot {
            Some(slot) => match self.month_list.get_mut(slot) {
                Some((_, month)) => Ok(month),
                None => Err(KpiError::Fact),
            },
            None => {
                let date = date().ok_or(KpiError::Fact)?;
                Ok(self.month(date))
            }
        }
    }

    /// The codes of a fact's adjustment, their category and whether it is a denial
    /// (remembered: a ledger uses a few dozen).
    fn class(&mut self, code: (u8, [u8; 3])) -> Result<Class, KpiError> {
        if let Some((_, class)) = self.classes.iter().find(|(k, _)| *k == code) {
            return Ok(*class);
        }
        let group = super::fact::group_of(code.0).ok_or(KpiError::Fact)?;
        let reason = super::fact::carc_of(&code.1).ok_or(KpiError::Fact)?;
        let (category, denial) = denial_class(group, &reason);
        let class = Class {
            group,
            reason,
            category,
            denial,
        };
        self.classes.push((code, class));
        Ok(class)
    }

    /// Adds one entry. Entries posted after the period's end are not part of the books as of
    /// that day and are skipped.
    pub fn add(&mut self, entry: &Entry) -> Result<(), KpiError> {
        if entry.posted > self.request.to {
            return Ok(());
        }
        let claim = entry.account.claim();
        if let Some(claim) = claim {
            self.enter_claim(claim, entry.id)?;
        }
        let adjudication = match (&entry.source, self.current.as_mut()) {
            (Source::Remittance(source), Some(state)) if claim.is_some() => {
                source.claim.map(|position| {
                    let key = (
                        source.payer.clone(),
                        source.trace.clone(),
                        source.set.clone(),
                        position,
                    );
                    let index = match state.sources.iter().position(|k| *k == key) {
                        Some(index) => index,
                        None => {
                            state.sources.push(key);
                            state.sources.len().saturating_sub(1)
                        }
                    };
                    u64::try_from(index).unwrap_or(u64::MAX)
                })
            }
            _ => None,
        };
        self.fold(claim.is_some(), adjudication, &Fact::of(entry))
    }

    /// Adds one entry as a store keeps it: its claim, the key its store gives the 835 claim
    /// it came from (equal for the entries of one adjudication), and its [`Fact`].
    pub fn add_fact(
        &mut self,
        claim: Option<&str>,
        adjudication: Option<u64>,
        fact: &Fact,
    ) -> Result<(), KpiError> {
        if fact.posted > self.to_day {
            return Ok(());
        }
        if let Some(claim) = claim {
            self.enter_claim(claim, EntryId(fact.id))?;
        }
        self.fold(claim.is_some(), adjudication, fact)
    }

    fn fold(
        &mut self,
        on_claim: bool,
        adjudication: Option<u64>,
        fact: &Fact,
    ) -> Result<(), KpiError> {
        self.period_totals(fact)?;
        if on_claim {
            self.claim_entry(fact, adjudication)?;
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
    fn period_totals(&mut self, fact: &Fact) -> Result<(), KpiError> {
        let posted = fact.posted;
        let in_period = self.from_day <= posted && posted <= self.to_day;
        let when = || super::fact::date(posted);
        match fact.category() {
            Category::Charge => {
                let amount = fact.amount()?;
                if posted >= self.lookback_day {
                    self.lookback_charges = self.lookback_charges.checked_add(amount)?;
                }
                if in_period {
                    self.charges = self.charges.checked_add(amount)?;
                    let month = self.month_of(posted, when)?;
                    month.charges = month.charges.checked_add(amount)?;
                }
            }
            Category::Payment if in_period => {
                let collected = fact.amount()?.negated();
                self.collections = self.collections.checked_add(collected)?;
                let month = self.month_of(posted, when)?;
                month.collections = month.collections.checked_add(collected)?;
            }
            Category::Adjustment if in_period => {
                let FactKind::Adjustment {
                    code: Some(code),
                    reported,
                } = &fact.kind
                else {
                    return Ok(());
                };
                let Class {
                    group,
                    reason,
                    category,
                    denial,
                } = self.class(*code)?;
                let written_off = fact.amount()?.negated();
                if category == DenialCategory::TimelyFiling {
                    self.timely_filing = self.timely_filing.checked_add(written_off)?;
                }
                if !denial && category == DenialCategory::Contractual {
                    self.contractual = self.contractual.checked_add(written_off)?;
                    let month = self.month_of(posted, when)?;
                    month.contractual = month.contractual.checked_add(written_off)?;
                }
                if denial {
                    let reported = Fact::money(reported)?;
                    let (count, reported) = if fact.reversal {
                        (-1, reported.negated())
                    } else {
                        (1, reported)
                    };
                    let tally = self.categories.entry(category).or_default();
                    tally.count = tally.count.saturating_add(count);
                    tally.amount = tally.amount.checked_add(reported)?;
                    let (_, tally) = self
                        .carc_tallies
                        .entry((group, reason))
                        .or_insert((category, Tally::default()));
                    tally.count = tally.count.saturating_add(count);
                    tally.amount = tally.amount.checked_add(reported)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// What the claim keeps of one of its entries.
    fn claim_entry(&mut self, fact: &Fact, adjudication: Option<u64>) -> Result<(), KpiError> {
        let denied = match &fact.kind {
            FactKind::Adjustment {
                code: Some(code), ..
            } if adjudication.is_some() => self.class(*code)?.denial,
            _ => false,
        };
        let Some(state) = self.current.as_mut() else {
            return Ok(());
        };
        let amount = fact.amount()?;
        let effective = || super::fact::date(fact.effective).ok_or(KpiError::Fact);
        let posted = || super::fact::date(fact.posted).ok_or(KpiError::Fact);
        if fact.receivable {
            state.receivable = state.receivable.checked_add(amount)?;
        }
        match &fact.kind {
            FactKind::Charge { billed } => {
                state.charge = state.charge.checked_add(amount)?;
                if !fact.reversal {
                    let billed = super::fact::date(*billed).ok_or(KpiError::Fact)?;
                    state.billed = Some(state.billed.map_or(billed, |d| d.min(billed)));
                    let served = effective()?;
                    state.service = Some(state.service.map_or(served, |d| d.min(served)));
                }
            }
            FactKind::Status { event } => {
                if *event == StatusEvent::Rejected {
                    state.rejected_before.get_or_insert(EntryId(fact.id));
                }
                if fact.replaced() {
                    state.replaced = true;
                }
            }
            _ => {}
        }
        let Some(key) = adjudication else {
            return Ok(());
        };
        let index = match state.adjudications.iter().position(|a| a.key == key) {
            Some(index) => index,
            None => {
                let posted = posted()?;
                state.adjudications.push(Adjudication {
                    key,
                    payer: CompactString::from(fact.payer().unwrap_or_default()),
                    rank: fact.rank(),
                    first: EntryId(fact.id),
                    posted,
                    paid_on: posted,
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
        if fact.reversal {
            adjudication.reversal = true;
            return Ok(());
        }
        match &fact.kind {
            FactKind::PayerPayment => {
                adjudication.paid = adjudication.paid.checked_sub(amount)?;
                adjudication.paid_on = effective()?;
                if adjudication.rank.is_none() {
                    adjudication.rank = fact.rank();
                }
            }
            FactKind::Adjustment { reported, .. } => {
                let reported = Fact::money(reported)?;
                if denied && !reported.is_zero() {
                    adjudication.denials = adjudication.denials.saturating_add(1);
                    adjudication.denied = adjudication.denied.checked_add(reported)?;
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
            if a.paid > Money::ZERO && !paying_payers.contains(&&a.payer) {
                paying_payers.push(&a.payer);
                if in_period && let Some(billed) = state.billed {
                    let days = a.paid_on.signed_duration_since(billed).num_days();
                    let slot = self.payers.entry(a.payer.clone()).or_insert((0, 0));
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

    /// Adds what another fold of the same request saw: claims this one did not see (a store
    /// reading two ranges of claims on two threads merges them). Entries of no claim must
    /// have gone to one of the two only.
    pub fn merge(mut self, mut other: KpiBuilder) -> Result<KpiBuilder, KpiError> {
        if self.request != other.request {
            return Err(KpiError::Period("the folds merged cover other periods"));
        }
        if let Some(done) = self.current.take() {
            self.flush(done)?;
        }
        if let Some(done) = other.current.take() {
            other.flush(done)?;
        }
        let add = |a: &mut Money, b: Money| -> Result<(), KpiError> {
            *a = a.checked_add(b)?;
            Ok(())
        };
        add(&mut self.charges, other.charges)?;
        add(&mut self.collections, other.collections)?;
        add(&mut self.contractual, other.contractual)?;
        add(&mut self.lookback_charges, other.lookback_charges)?;
        add(&mut self.adjudicated_charges, other.adjudicated_charges)?;
        add(&mut self.denied_amount, other.denied_amount)?;
        add(&mut self.receivables, other.receivables)?;
        add(&mut self.timely_filing, other.timely_filing)?;
        for (mine, theirs) in self.aging.iter_mut().zip(other.aging) {
            add(mine, theirs)?;
        }
        self.submitted = self.submitted.saturating_add(other.submitted);
        self.clean = self.clean.saturating_add(other.clean);
        self.first_adjudications = self
            .first_adjudications
            .saturating_add(other.first_adjudications);
        self.first_pass = self.first_pass.saturating_add(other.first_pass);
        self.adjudications = self.adjudications.saturating_add(other.adjudications);
        self.denied_adjudications = self
            .denied_adjudications
            .saturating_add(other.denied_adjudications);
        self.claims = self.claims.saturating_add(other.claims);
        let months = other
            .month_list
            .into_iter()
            .chain(other.months)
            .collect::<Vec<_>>();
        for (key, month) in months {
            if month.is_empty() {
                continue;
            }
            let slot = self.months.entry(key).or_default();
            add(&mut slot.charges, month.charges)?;
            add(&mut slot.collections, month.collections)?;
            add(&mut slot.contractual, month.contractual)?;
            slot.adjudications = slot.adjudications.saturating_add(month.adjudications);
            slot.denied = slot.denied.saturating_add(month.denied);
        }
        for (payer, (count, days)) in other.payers {
            let slot = self.payers.entry(payer).or_insert((0, 0));
            slot.0 = slot.0.saturating_add(count);
            slot.1 = slot.1.saturating_add(days);
        }
        for (category, tally) in other.categories {
            let slot = self.categories.entry(category).or_default();
            slot.count = slot.count.saturating_add(tally.count);
            add(&mut slot.amount, tally.amount)?;
        }
        for (code, (category, tally)) in other.carc_tallies {
            let (_, slot) = self
                .carc_tallies
                .entry(code)
                .or_insert((category, Tally::default()));
            slot.count = slot.count.saturating_add(tally.count);
            add(&mut slot.amount, tally.amount)?;
        }
        Ok(self)
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
            .carc_tallies
            .into_iter()
            .map(|((group, reason), (category, t))| CarcDenials {
                code: format!("{group}-{reason}"),
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
        for (key, month) in std::mem::take(&mut self.month_list) {
            if month.is_empty() {
                continue;
            }
            let slot = self.months.entry(key).or_default();
            slot.charges = slot.charges.checked_add(month.charges)?;
            slot.collections = slot.collections.checked_add(month.collections)?;
            slot.contractual = slot.contractual.checked_add(month.contractual)?;
            slot.adjudications = slot.adjudications.saturating_add(month.adjudications);
            slot.denied = slot.denied.saturating_add(month.denied);
        }
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
