//! What a biller enters by hand: patient payments, refunds, write-offs, reversals,
//! deposits, and matching a claim held in suspense.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::charge::ChargedClaims;
use super::entry::{
    Account, Deposit, Entry, EntryId, EntryKind, Party, PatientAccount, PayerAccount, Reversal,
    Source, Transfer, TransferReason, WriteOff,
};
use super::post::{ClaimOutcome, ClaimPosting, Context, DepositMatch, DepositStatus, PostOptions};
use super::{LedgerError, LedgerView, check_posted, next_ids};
use crate::money::Money;

/// A patient's payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatientPaymentRequest {
    /// The patient account id.
    pub patient: String,
    /// The claim (patient control number) it pays, when the patient said; else the money is
    /// kept on the patient account, unapplied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// How much (positive).
    pub amount: Money,
    /// When it was received.
    pub received: NaiveDate,
    /// When it is entered in the books.
    pub posted: NaiveDate,
    /// The check number, when paid by check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
}

/// Applies a patient's payment: to the claim's lines where the patient owes, in line order,
/// up to what the patient owes on each; the rest (or all of it, without a claim) stays on the
/// patient account as a credit.
pub fn patient_payment(
    books: &impl LedgerView,
    request: &PatientPaymentRequest,
) -> Result<Vec<Entry>, LedgerError> {
    if request.amount <= Money::ZERO {
        return Err(LedgerError::NotPositive { field: "amount" });
    }
    if request.patient.trim().is_empty() {
        return Err(LedgerError::Missing { field: "patient" });
    }
    check_posted(books, request.posted)?;
    let source = match &request.check {
        Some(number) => Source::Check(CompactString::from(number.as_str())),
        None => Source::User(None),
    };
    let mut ids = next_ids(books);
    let mut left = request.amount;
    let mut entries = Vec::new();
    let patient = CompactString::from(request.patient.as_str());
    if let Some(claim) = &request.claim {
        let on_books = books.claim_entries(claim);
        if on_books.is_empty() {
            return Err(LedgerError::Unknown { field: "claim" });
        }
        // What the patient owes per account, in account order (lines, then claim level).
        let mut owed: Vec<(Account, Money)> = Vec::new();
        for entry in on_books.iter().filter(|e| e.party == Party::Patient) {
            if entry.account.patient() != Some(request.patient.as_str()) {
                return Err(LedgerError::Unknown { field: "claim" });
            }
            match owed.iter_mut().find(|(a, _)| *a == entry.account) {
                Some((_, sum)) => *sum = sum.checked_add(entry.amount)?,
                None => owed.push((entry.account.clone(), entry.amount)),
            }
        }
        for (account, due) in owed {
            if left.is_zero() {
                break;
            }
            if due <= Money::ZERO {
                continue;
            }
            let applied = due.min(left);
            left = left.checked_sub(applied)?;
            entries.push(Entry {
                id: ids.next_id()?,
                effective: request.received,
                posted: request.posted,
                account,
                party: Party::Patient,
                amount: applied.negated(),
                kind: EntryKind::PatientPayment,
                source: source.clone(),
            });
        }
    }
    if !left.is_zero() {
        entries.push(Entry {
            id: ids.next_id()?,
            effective: request.received,
            posted: request.posted,
            account: Account::Patient(PatientAccount { patient }),
            party: Party::Patient,
            amount: left.negated(),
            kind: EntryKind::PatientPayment,
            source,
        });
    }
    Ok(entries)
}

/// Money paid back to a patient from the patient account's credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefundRequest {
    /// The patient account id.
    pub patient: String,
    /// How much (positive).
    pub amount: Money,
    /// When it was paid.
    pub paid: NaiveDate,
    /// When it is entered in the books.
    pub posted: NaiveDate,
    /// The refund check's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
}

/// A refund to the patient, on the patient account (positive: the credit shrinks).
pub fn refund(books: &impl LedgerView, request: &RefundRequest) -> Result<Entry, LedgerError> {
    if request.amount <= Money::ZERO {
        return Err(LedgerError::NotPositive { field: "amount" });
    }
    if request.patient.trim().is_empty() {
        return Err(LedgerError::Missing { field: "patient" });
    }
    check_posted(books, request.posted)?;
    Ok(Entry {
        id: next_ids(books).next_id()?,
        effective: request.paid,
        posted: request.posted,
        account: Account::Patient(PatientAccount {
            patient: CompactString::from(request.patient.as_str()),
        }),
        party: Party::Patient,
        amount: request.amount,
        kind: EntryKind::Refund,
        source: match &request.check {
            Some(number) => Source::Check(CompactString::from(number.as_str())),
            None => Source::User(None),
        },
    })
}

/// A balance the practice writes off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WriteOffRequest {
    /// The account (a claim's line or claim account, or a patient account).
    pub account: Account,
    /// Whose balance.
    pub party: Party,
    /// How much (positive).
    pub amount: Money,
    /// Why, in the practice's words (no patient data).
    pub reason: String,
    /// The date it takes effect.
    pub effective: NaiveDate,
    /// When it is entered in the books.
    pub posted: NaiveDate,
}

/// A write-off: only on a receivable account, and never more than the party owes there.
pub fn write_off(books: &impl LedgerView, request: &WriteOffRequest) -> Result<Entry, LedgerError> {
    if request.amount <= Money::ZERO {
        return Err(LedgerError::NotPositive { field: "amount" });
    }
    check_posted(books, request.posted)?;
    let owed = match request.account.claim() {
        Some(claim) => Money::sum(
            books
                .claim_entries(claim)
                .iter()
                .filter(|e| e.account == request.account && e.party == request.party)
                .map(|e| e.amount),
        )?,
        None => return Err(LedgerError::Unknown { field: "account" }),
    };
    if request.amount > owed {
        return Err(LedgerError::Unknown {
            field: "amount (more than the party owes on the account)",
        });
    }
    Ok(Entry {
        id: next_ids(books).next_id()?,
        effective: request.effective,
        posted: request.posted,
        account: request.account.clone(),
        party: request.party.clone(),
        amount: request.amount.negated(),
        kind: EntryKind::WriteOff(WriteOff {
            reason: request.reason.clone(),
        }),
        source: Source::User(None),
    })
}

/// A balance a user moves from one party to another on a claim's account (a coverage found
/// later, a share the payer should not have moved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransferRequest {
    /// The account (a claim's line or claim account).
    pub account: Account,
    /// Who owes it now.
    pub from: Party,
    /// Who is to owe it.
    pub to: Party,
    /// How much (positive).
    pub amount: Money,
    /// The date it takes effect.
    pub effective: NaiveDate,
    /// When it is entered in the books.
    pub posted: NaiveDate,
}

/// A user's transfer: two entries on the account, out of `from` and into `to`; never more
/// than `from` owes there.
pub fn transfer(
    books: &impl LedgerView,
    request: &TransferRequest,
) -> Result<Vec<Entry>, LedgerError> {
    if request.amount <= Money::ZERO {
        return Err(LedgerError::NotPositive { field: "amount" });
    }
    if request.from == request.to {
        return Err(LedgerError::Unknown {
            field: "to (the same party as from)",
        });
    }
    check_posted(books, request.posted)?;
    let Some(claim) = request.account.claim() else {
        return Err(LedgerError::Unknown { field: "account" });
    };
    let owed = Money::sum(
        books
            .claim_entries(claim)
            .iter()
            .filter(|e| e.account == request.account && e.party == request.from)
            .map(|e| e.amount),
    )?;
    if request.amount > owed {
        return Err(LedgerError::Unknown {
            field: "amount (more than the party owes on the account)",
        });
    }
    let mut ids = next_ids(books);
    let side = |ids: &mut super::IdSequence, party: &Party, counterparty: &Party, amount: Money| {
        Ok::<Entry, LedgerError>(Entry {
            id: ids.next_id()?,
            effective: request.effective,
            posted: request.posted,
            account: request.account.clone(),
            party: party.clone(),
            amount,
            kind: EntryKind::Transfer(Transfer {
                counterparty: counterparty.clone(),
                why: TransferReason::User,
            }),
            source: Source::User(None),
        })
    };
    Ok(vec![
        side(
            &mut ids,
            &request.from,
            &request.to,
            request.amount.negated(),
        )?,
        side(&mut ids, &request.to, &request.from, request.amount)?,
    ])
}

/// The exact undoing of entry `id` by a user: same account and party, amount negated.
/// Refused for an entry reversed before, a remittance record (an 835 is posted once) and a
/// claim in suspense (use [`match_suspense`]).
pub fn reverse(
    books: &impl LedgerView,
    id: EntryId,
    effective: NaiveDate,
    posted: NaiveDate,
    reference: Option<&str>,
) -> Result<Entry, LedgerError> {
    check_posted(books, posted)?;
    let entry = books.entry(id).ok_or(LedgerError::NotFound { entry: id })?;
    if books.reversal_of(id).is_some() {
        return Err(LedgerError::AlreadyReversed { entry: id });
    }
    if matches!(
        entry.kind,
        EntryKind::Remittance(_) | EntryKind::Suspense(_) | EntryKind::Status(_)
    ) {
        return Err(LedgerError::Unknown {
            field: "entry (a remittance, suspense or status entry is not reversed by hand)",
        });
    }
    Ok(Entry {
        id: next_ids(books).next_id()?,
        effective,
        posted,
        account: entry.account,
        party: entry.party,
        amount: entry.amount.negated(),
        kind: EntryKind::Reversal(Reversal {
            reverses: id,
            of: Box::new(entry.kind),
        }),
        source: Source::User(reference.map(CompactString::from)),
    })
}

/// A bank deposit of a payer's money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DepositRequest {
    /// The payer's key, as on its remittances (TRN03, else N1*PR id, else name).
    pub payer: String,
    /// The check or EFT trace number.
    pub trace: String,
    /// How much (positive).
    pub amount: Money,
    /// The deposit date.
    pub deposited: NaiveDate,
    /// When it is entered in the books.
    pub posted: NaiveDate,
}

/// A deposit, on the payer's account (negative: the money announced has arrived).
pub fn deposit(books: &impl LedgerView, request: &DepositRequest) -> Result<Entry, LedgerError> {
    if request.amount <= Money::ZERO {
        return Err(LedgerError::NotPositive { field: "amount" });
    }
    if request.payer.trim().is_empty() || request.trace.trim().is_empty() {
        return Err(LedgerError::Missing {
            field: "payer and trace",
        });
    }
    check_posted(books, request.posted)?;
    let payer = CompactString::from(request.payer.as_str());
    Ok(Entry {
        id: next_ids(books).next_id()?,
        effective: request.deposited,
        posted: request.posted,
        account: Account::Payer(PayerAccount {
            payer: payer.clone(),
        }),
        party: Party::Payer(payer),
        amount: request.amount.negated(),
        kind: EntryKind::Deposit(Deposit {
            trace: CompactString::from(request.trace.as_str()),
        }),
        source: Source::User(None),
    })
}

/// Every remittance against its deposits, and every deposit without a remittance, by payer
/// and trace number.
pub fn reconcile_deposits<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
) -> Result<Vec<DepositMatch>, LedgerError> {
    let mut by_trace: BTreeMap<(CompactString, CompactString), (Option<Money>, Money)> =
        BTreeMap::new();
    for entry in entries {
        let Some(payer) = entry.party.payer_id() else {
            continue;
        };
        let (trace, remitted, deposited) = match &entry.kind {
            EntryKind::Remittance(r) => (r.trace.clone(), Some(entry.amount), Money::ZERO),
            EntryKind::Deposit(d) => (d.trace.clone(), None, entry.amount.negated()),
            _ => continue,
        };
        let slot = by_trace
            .entry((CompactString::from(payer), trace))
            .or_insert((None, Money::ZERO));
        if remitted.is_some() {
            slot.0 = remitted;
        }
        slot.1 = slot.1.checked_add(deposited)?;
    }
    Ok(by_trace
        .into_iter()
        .map(|((payer, trace), (remitted, deposited))| DepositMatch {
            payer,
            trace,
            remitted: remitted.unwrap_or(Money::ZERO),
            deposited,
            status: match remitted {
                None => DepositStatus::NoRemittance,
                Some(_) if deposited.is_zero() => DepositStatus::NotDeposited,
                Some(r) if r == deposited => DepositStatus::Matched,
                Some(_) => DepositStatus::AmountDiffers,
            },
        })
        .collect())
}

/// Moves a claim held in suspense (entry `id`) to the claim charged as `claim` (its patient
/// control number, which may differ from what the payer sent), optionally with each
/// remittance line's claim line (0-based) when the lines did not match: the suspense entry
/// is reversed and the claim posted as the 835 said, with the 835's source, effective date
/// and the options' posting date.
pub fn match_suspense(
    books: &impl LedgerView,
    claims: &(impl ChargedClaims + ?Sized),
    id: EntryId,
    claim: &str,
    lines: Option<&[u32]>,
    options: &PostOptions,
) -> Result<ClaimPosting, LedgerError> {
    check_posted(books, options.posted)?;
    let entry = books.entry(id).ok_or(LedgerError::NotFound { entry: id })?;
    if books.reversal_of(id).is_some() {
        return Err(LedgerError::AlreadyReversed { entry: id });
    }
    let (EntryKind::Suspense(item), Source::Remittance(source)) = (&entry.kind, &entry.source)
    else {
        return Err(LedgerError::NotSuspense { entry: id });
    };
    let Some(held) = &item.claim else {
        return Err(LedgerError::NotSuspense { entry: id });
    };
    let mut held = held.clone();
    held.patient_control_number = CompactString::from(claim);
    let context = Context {
        payer: source.payer.clone(),
        source: std::sync::Arc::clone(source),
        effective: entry.effective,
        posted: options.posted,
        options,
        index: source.claim.unwrap_or(0),
    };
    // The suspense entry is undone first, so the posting's ids follow it.
    let undo = Entry {
        id: books.next_id(),
        effective: entry.effective,
        posted: options.posted,
        account: entry.account.clone(),
        party: entry.party.clone(),
        amount: entry.amount.negated(),
        kind: EntryKind::Reversal(Reversal {
            reverses: id,
            of: Box::new(entry.kind.clone()),
        }),
        source: entry.source.clone(),
    };
    let shifted = Shifted { books, by: 1 };
    let mut posting = context.post(
        super::held::ClaimView::Held(&held),
        lines,
        claims,
        &shifted,
        None,
    )?;
    if let ClaimOutcome::Suspense(reason) = posting.result.outcome {
        return Err(LedgerError::StillUnmatched { reason });
    }
    posting.entries.insert(0, undo);
    Ok(posting)
}

/// The books with `by` entries more to come before the next id (entries an operation holds
/// but has not handed back yet).
struct Shifted<'a, V> {
    books: &'a V,
    by: u64,
}

impl<V: LedgerView> LedgerView for Shifted<'_, V> {
    fn next_id(&self) -> EntryId {
        EntryId(self.books.next_id().0.saturating_add(self.by))
    }
    fn last_posted(&self) -> Option<NaiveDate> {
        self.books.last_posted()
    }
    fn entry(&self, id: EntryId) -> Option<Entry> {
        self.books.entry(id)
    }
    fn reversal_of(&self, id: EntryId) -> Option<EntryId> {
        self.books.reversal_of(id)
    }
    fn claim_entries(&self, claim: &str) -> Vec<std::borrow::Cow<'_, Entry>> {
        self.books.claim_entries(claim)
    }
    fn remittance(&self, payer: &str, trace: &str) -> Option<Entry> {
        self.books.remittance(payer, trace)
    }
    fn payer_claim_entries(&self, payer: &str, payer_claim_number: &str) -> Vec<Entry> {
        self.books.payer_claim_entries(payer, payer_claim_number)
    }
    fn deposits(&self, payer: &str, trace: &str) -> Vec<Entry> {
        self.books.deposits(payer, trace)
    }
}
