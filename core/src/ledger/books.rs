//! What the ledger's operations read of the books ([`LedgerView`]) and the in-memory books
//! ([`Ledger`]). A store implements [`LedgerView`] over its tables.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use compact_str::CompactString;
use rustc_hash::FxHashMap;

use super::LedgerError;
use super::entry::{Entry, EntryId, EntryKind, RemitSource, Source};

/// The questions posting, charging and the other operations ask of the books. Each answer
/// must include every entry appended before the question, including those an operation
/// handed back earlier in the same remittance.
pub trait LedgerView {
    /// The id the next appended entry gets (1 for empty books).
    fn next_id(&self) -> EntryId;
    /// The posting date of the last entry, if any.
    fn last_posted(&self) -> Option<NaiveDate>;
    /// The entry with this id.
    fn entry(&self, id: EntryId) -> Option<Entry>;
    /// The reversal that undid this entry, if one did.
    fn reversal_of(&self, id: EntryId) -> Option<EntryId>;
    /// Every entry on the claim's lines and claim account, in order (borrowed when the books
    /// are in memory, owned when read from a store).
    fn claim_entries(&self, claim: &str) -> Vec<Cow<'_, Entry>>;
    /// The remittance entry recorded for this payer's trace number, if any.
    fn remittance(&self, payer: &str, trace: &str) -> Option<Entry>;
    /// Every entry that came from a claim of this payer with this payer claim number (CLP07),
    /// in order.
    fn payer_claim_entries(&self, payer: &str, payer_claim_number: &str) -> Vec<Entry>;
    /// The deposit entries of this payer with this trace number, in order.
    fn deposits(&self, payer: &str, trace: &str) -> Vec<Entry>;
}

/// The books in memory: the entries in order, indexed for the questions of [`LedgerView`].
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    /// Claim → its slot in `lists`.
    by_claim: FxHashMap<CompactString, usize>,
    reversed: FxHashMap<EntryId, EntryId>,
    remittances: FxHashMap<(CompactString, CompactString), usize>,
    /// (payer, payer claim number) → its slot in `lists`.
    by_payer_claim: FxHashMap<(CompactString, CompactString), usize>,
    deposits: FxHashMap<(CompactString, CompactString), Vec<usize>>,
    /// Entry positions, per claim and per payer claim number.
    lists: Vec<Vec<usize>>,
    /// The last claim indexed and its slot: a claim's entries come together, so most
    /// entries are indexed without hashing.
    last_claim: Option<(CompactString, usize)>,
    /// The last 835 claim source indexed and its slot.
    last_source: Option<(Arc<RemitSource>, usize)>,
}

impl Ledger {
    /// Empty books.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Books holding `entries`, which must be numbered 1, 2, 3, … with posting dates that
    /// never go back.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Ledger, LedgerError> {
        let mut ledger = Ledger::new();
        ledger.entries.reserve(entries.len());
        for entry in entries {
            ledger.append(entry)?;
        }
        Ok(ledger)
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many entries the books hold.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the books hold no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Gives the entries back.
    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    /// Appends one entry: it must carry the next id, and a posting date no earlier than the
    /// last entry's; a reversal must undo an entry that exists and was not undone before, on
    /// the same account and party; a remittance must be the only one of its payer and trace.
    pub fn append(&mut self, entry: Entry) -> Result<(), LedgerError> {
        let position = self.entries.len();
        if entry.id != self.next_id() {
            return Err(LedgerError::EntryOrder {
                position,
                expected: "the next id in sequence",
            });
        }
        if self.last_posted().is_some_and(|last| entry.posted < last) {
            return Err(LedgerError::EntryOrder {
                position,
                expected: "a posting date no earlier than the entry before",
            });
        }
        if let EntryKind::Reversal(reversal) = &entry.kind {
            let target = self.entry_ref(reversal.reverses);
            if target.is_none_or(|t| t.account != entry.account || t.party != entry.party) {
                return Err(LedgerError::EntryOrder {
                    position,
                    expected: "a reversal of an earlier entry on the same account and party",
                });
            }
            if self.reversed.contains_key(&reversal.reverses) {
                return Err(LedgerError::AlreadyReversed {
                    entry: reversal.reverses,
                });
            }
            self.reversed.insert(reversal.reverses, entry.id);
        }
        if let (EntryKind::Remittance(record), Source::Remittance(source)) =
            (&entry.kind, &entry.source)
        {
            if self
                .remittances
                .contains_key(&(source.payer.clone(), record.trace.clone()))
            {
                return Err(LedgerError::EntryOrder {
                    position,
                    expected: "one remittance per payer and trace number",
                });
            }
        }
        if let Some(claim) = entry.account.claim() {
            let slot = match &self.last_claim {
                Some((last, slot)) if last == claim => *slot,
                _ => {
                    let next = self.lists.len();
                    let slot = *self
                        .by_claim
                        .entry(CompactString::from(claim))
                        .or_insert(next);
                    if slot == next {
                        self.lists.push(Vec::new());
                    }
                    self.last_claim = Some((CompactString::from(claim), slot));
                    slot
                }
            };
            if let Some(list) = self.lists.get_mut(slot) {
                list.push(position);
            }
        }
        if let Source::Remittance(source) = &entry.source {
            if let Some(number) = &source.payer_claim_number {
                let slot = match &self.last_source {
                    Some((last, slot)) if Arc::ptr_eq(last, source) => *slot,
                    _ => {
                        let next = self.lists.len();
                        let slot = *self
                            .by_payer_claim
                            .entry((source.payer.clone(), number.clone()))
                            .or_insert(next);
                        if slot == next {
                            self.lists.push(Vec::new());
                        }
                        self.last_source = Some((Arc::clone(source), slot));
                        slot
                    }
                };
                if let Some(list) = self.lists.get_mut(slot) {
                    list.push(position);
                }
            }
            if let EntryKind::Remittance(record) = &entry.kind {
                self.remittances
                    .insert((source.payer.clone(), record.trace.clone()), position);
            }
        }
        if let (EntryKind::Deposit(deposit), Some(payer)) = (&entry.kind, entry.party.payer_id()) {
            self.deposits
                .entry((CompactString::from(payer), deposit.trace.clone()))
                .or_default()
                .push(position);
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Makes room for `additional` more entries.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
    }

    /// Appends entries in order; on an error none of them is kept.
    pub fn append_all(&mut self, entries: Vec<Entry>) -> Result<(), LedgerError> {
        let before = self.entries.len();
        for entry in entries {
            if let Err(error) = self.append(entry) {
                self.truncate(before);
                return Err(error);
            }
        }
        Ok(())
    }

    /// Drops the entries after the first `len` (undoing an operation that failed midway).
    pub(crate) fn truncate(&mut self, len: usize) {
        if len >= self.entries.len() {
            return;
        }
        let dropped: Vec<Entry> = self.entries.drain(len..).collect();
        for entry in &dropped {
            if let EntryKind::Reversal(r) = &entry.kind {
                self.reversed.remove(&r.reverses);
            }
        }
        let keep = |list: &mut Vec<usize>| list.retain(|&p| p < len);
        self.lists.iter_mut().for_each(keep);
        self.last_claim = None;
        self.last_source = None;
        self.deposits.values_mut().for_each(keep);
        self.deposits.retain(|_, v| !v.is_empty());
        self.remittances.retain(|_, p| *p < len);
    }

    fn entry_ref(&self, id: EntryId) -> Option<&Entry> {
        let index = usize::try_from(id.0).ok()?.checked_sub(1)?;
        self.entries.get(index)
    }

    fn collect_slot(&self, slot: Option<&usize>) -> Vec<Entry> {
        self.collect(slot.and_then(|&s| self.lists.get(s)))
    }

    fn collect(&self, positions: Option<&Vec<usize>>) -> Vec<Entry> {
        positions
            .map(|list| {
                list.iter()
                    .filter_map(|&p| self.entries.get(p).cloned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl LedgerView for Ledger {
    fn next_id(&self) -> EntryId {
        EntryId(u64::try_from(self.entries.len()).map_or(u64::MAX, |n| n.saturating_add(1)))
    }

    fn last_posted(&self) -> Option<NaiveDate> {
        self.entries.last().map(|e| e.posted)
    }

    fn entry(&self, id: EntryId) -> Option<Entry> {
        self.entry_ref(id).cloned()
    }

    fn reversal_of(&self, id: EntryId) -> Option<EntryId> {
        self.reversed.get(&id).copied()
    }

    fn claim_entries(&self, claim: &str) -> Vec<Cow<'_, Entry>> {
        self.by_claim
            .get(claim)
            .and_then(|&slot| self.lists.get(slot))
            .map(|list| {
                list.iter()
                    .filter_map(|&p| self.entries.get(p).map(Cow::Borrowed))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn remittance(&self, payer: &str, trace: &str) -> Option<Entry> {
        self.remittances
            .get(&(CompactString::from(payer), CompactString::from(trace)))
            .and_then(|&p| self.entries.get(p).cloned())
    }

    fn payer_claim_entries(&self, payer: &str, payer_claim_number: &str) -> Vec<Entry> {
        self.collect_slot(self.by_payer_claim.get(&(
            CompactString::from(payer),
            CompactString::from(payer_claim_number),
        )))
    }

    fn deposits(&self, payer: &str, trace: &str) -> Vec<Entry> {
        self.collect(
            self.deposits
                .get(&(CompactString::from(payer), CompactString::from(trace))),
        )
    }
}
