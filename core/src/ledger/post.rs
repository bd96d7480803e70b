//! Posting an 835 (RULES.md §4, §8): each claim matched to the claim charged under its
//! patient control number and each line to the claim's line, payments and every adjustment
//! put where the 835 put them, the patient's share moved on, reversals undone exactly,
//! PLBs to clearing accounts, what cannot be applied to suspense, underpayments found, the
//! deposit reconciled, and the same 835 twice recognized.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use compact_str::CompactString;
use rustc_hash::FxHashSet;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::charge::{ChargedClaim, ChargedClaims, claim_account};
use super::entry::{
    Account, Adjustment, ClearingAccount, Disposition, Entry, EntryId, EntryKind, LineAccount,
    Party, PatientShare, PayerAccount, PayerRank, ProviderAdjustment as PlbKind, RemitSource,
    RemittanceRecord, Reversal, Source, SuspenseItem, SuspenseReason, Transfer, TransferReason,
};
use super::held::{Adjustments, ClaimView, LineView};
use super::{IdSequence, LedgerError, LedgerView, check_posted, next_ids};
use crate::claim::ClaimForm;
use crate::codes::{GroupCode, Rarc};
use crate::finding::Finding;
use crate::money::Money;
use crate::pricing::LineStatus;
use crate::remit::{
    ClaimStatus, Coded, Party as RemitParty, Payment, ProviderAdjustment, RemitClaim, Remittance,
};

/// How to post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PostOptions {
    /// The date the entries are entered in the books.
    pub posted: NaiveDate,
    /// A paid line whose allowed amount is below the contract's by more than this is an
    /// underpayment (default 0.00: any shortfall).
    #[serde(default)]
    pub tolerance: Money,
    /// What CO, PI and OA adjustments do.
    #[serde(default)]
    pub dispositions: GroupDispositions,
}

impl PostOptions {
    /// Posting on `posted` with the default tolerance and dispositions.
    pub fn on(posted: NaiveDate) -> PostOptions {
        PostOptions {
            posted,
            tolerance: Money::ZERO,
            dispositions: GroupDispositions::default(),
        }
    }
}

/// What each group code does with an adjustment (PR always moves to the next responsible
/// party). Defaults: CO written off (RULES.md §4: the patient is not liable), PI written off
/// (a payer-initiated reduction, not the patient's), OA stays with the payer (OA-23, the
/// prior payer's impact, is already on the books; an OA denial is worked, not written off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct GroupDispositions {
    /// CO.
    pub contractual: Disposition,
    /// PI.
    pub payer_initiated: Disposition,
    /// OA.
    pub other: Disposition,
}

impl Default for GroupDispositions {
    fn default() -> GroupDispositions {
        GroupDispositions {
            contractual: Disposition::WriteOff,
            payer_initiated: Disposition::WriteOff,
            other: Disposition::Stays,
        }
    }
}

/// What became of one 835 claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ClaimOutcome {
    /// Paid (in full or in part) and posted.
    Paid,
    /// Denied and posted (its adjustments written off, moved or left as their groups say).
    Denied,
    /// A reversal: the entries of the payment it names were undone.
    Reversed,
    /// Posted, and the claim was sent on to the next payer (a claim ready to send is in
    /// [`ClaimPosting::secondary_claim`]).
    SentOn,
    /// Posted; the payer forwarded the claim to the next payer itself (crossover), whose
    /// answer is awaited.
    AwaitingNextPayer,
    /// Posted; the next payer owes a share but the claim could not be sent on (findings say
    /// why).
    NextPayerDue,
    /// Nothing to post (predetermination, not the payer's claim).
    NoPayment,
    /// Held in suspense.
    Suspense(SuspenseReason),
    /// The 835 was posted before: nothing done.
    AlreadyPosted,
}

/// One 835 claim's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClaimResult {
    /// 0-based position of the CLP in the transaction set.
    pub index: u32,
    /// CLP01.
    #[schemars(with = "String")]
    pub patient_control_number: CompactString,
    /// CLP07.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
    /// What became of it.
    pub outcome: ClaimOutcome,
}

/// A paid line the payer allowed less for than the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Underpayment {
    /// The claim's patient control number.
    #[schemars(with = "String")]
    pub claim: CompactString,
    /// 0-based claim line.
    pub line: u32,
    /// The contract's allowed amount (medbill's pricing when the claim was charged).
    pub expected: Money,
    /// The payer's allowed amount (AMT*B6, else paid + patient share).
    pub allowed: Money,
    /// What the payer paid on the line.
    pub paid: Money,
    /// `expected − allowed`.
    pub variance: Money,
}

/// The posting of one 835 claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClaimPosting {
    /// The new entries, to append before the next claim.
    pub entries: Vec<Entry>,
    /// What became of the claim.
    pub result: ClaimResult,
    /// The claim sent on to the next payer, ready to send (keep it as the claim's latest
    /// version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_claim: Option<ChargedClaim>,
    /// Lines paid below the contract.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub underpayments: Vec<Underpayment>,
    /// Findings (paths `/claims/{index}/…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// How a remittance's payment stands against the deposits of its trace number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepositMatch {
    /// The payer's key.
    #[schemars(with = "String")]
    pub payer: CompactString,
    /// The trace number (TRN02).
    #[schemars(with = "String")]
    pub trace: CompactString,
    /// What the remittance paid (BPR02; negative for a debit).
    pub remitted: Money,
    /// What was deposited under the trace number.
    pub deposited: Money,
    /// How they compare.
    pub status: DepositStatus,
}

/// How a remittance compares with its deposits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DepositStatus {
    /// Deposited in full.
    Matched,
    /// No deposit yet.
    NotDeposited,
    /// Deposits under the trace number do not add up to the payment.
    AmountDiffers,
    /// A deposit names a trace number no posted remittance has.
    NoRemittance,
}

/// The end of a remittance's posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemittanceSummary {
    /// True when the 835 had been posted before: nothing was done.
    pub already_posted: bool,
    /// The PLB, imbalance and remittance entries, to append.
    pub entries: Vec<Entry>,
    /// The payment against its deposits.
    pub deposit: DepositMatch,
    /// Findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// A whole 835 posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Posting {
    /// True when the 835 had been posted before: nothing was done.
    pub already_posted: bool,
    /// The new entries, in order.
    pub entries: Vec<Entry>,
    /// What became of each claim.
    pub claims: Vec<ClaimResult>,
    /// The claims sent on to their next payer, ready to send.
    pub secondary_claims: Vec<ChargedClaim>,
    /// Paid lines below the contract.
    pub underpayments: Vec<Underpayment>,
    /// The payment against its deposits.
    pub deposit: DepositMatch,
    /// Findings.
    pub findings: Vec<Finding>,
}

/// Posts a whole 835 into `books` (which are not changed: the new entries are in the
/// result, to append in order). It works on a copy of the books: for large books post with
/// [`Ledger::post_remittance`](super::Ledger::post_remittance), or claim by claim with
/// [`RemittancePoster`], which says the steps.
pub fn post_remittance(
    remittance: &Remittance,
    claims: &(impl ChargedClaims + ?Sized),
    books: &super::Ledger,
    options: &PostOptions,
) -> Result<Posting, LedgerError> {
    let mut working = books.clone();
    working.post_remittance(remittance, claims, options)
}

impl super::Ledger {
    /// Posts a whole 835 into these books: the entries are appended, and returned in the
    /// posting. On an error nothing is appended.
    pub fn post_remittance(
        &mut self,
        remittance: &Remittance,
        claims: &(impl ChargedClaims + ?Sized),
        options: &PostOptions,
    ) -> Result<Posting, LedgerError> {
        let before = self.len();
        let result = self.post_remittance_inner(remittance, claims, options);
        if result.is_err() {
            self.truncate(before);
        }
        result
    }

    fn post_remittance_inner(
        &mut self,
        remittance: &Remittance,
        claims: &(impl ChargedClaims + ?Sized),
        options: &PostOptions,
    ) -> Result<Posting, LedgerError> {
        let before = self.len();
        let mut poster = RemittancePoster::begin(
            &remittance.control_number,
            &remittance.payment,
            &remittance.payer,
            self,
            options.clone(),
        )?;
        // Room for every entry the claims can make (a payment and each CAS, a PR twice, per
        // line and claim), so the books do not grow (and move) claim by claim.
        let cas = |list: &[crate::remit::RemitAdjustment]| {
            list.iter().fold(0usize, |n, a| {
                let pr = matches!(a.group, Coded::Known(GroupCode::Pr));
                n.saturating_add(if pr { 2 } else { 1 })
            })
        };
        let expected = remittance
            .claims
            .iter()
            .map(|c| {
                c.lines
                    .iter()
                    .fold(cas(&c.adjustments).saturating_add(1), |n, l| {
                        n.saturating_add(cas(&l.adjustments)).saturating_add(1)
                    })
            })
            .fold(
                remittance.provider_adjustments.len().saturating_add(2),
                usize::saturating_add,
            );
        self.reserve(expected);
        let mut posting = Posting {
            already_posted: poster.is_already_posted(),
            entries: Vec::new(),
            claims: Vec::with_capacity(remittance.claims.len()),
            secondary_claims: Vec::new(),
            underpayments: Vec::new(),
            deposit: poster.deposit_match(self),
            findings: Vec::new(),
        };
        let mut claim_findings = vec![Vec::new(); remittance.claims.len()];
        for finding in &remittance.findings {
            if let Some(index) = claim_index(&finding.path) {
                if let Some(list) = claim_findings.get_mut(index) {
                    list.push(finding.clone());
                }
            }
        }
        for (index, claim) in remittance.claims.iter().enumerate() {
            let findings = claim_findings.get(index).map_or(&[][..], Vec::as_slice);
            let done = poster.claim(index, claim, findings, claims, self)?;
            self.append_all(done.entries)?;
            posting.claims.push(done.result);
            posting.secondary_claims.extend(done.secondary_claim);
            posting.underpayments.extend(done.underpayments);
            posting.findings.extend(done.findings);
        }
        let summary = poster.finish(&remittance.provider_adjustments, self)?;
        self.append_all(summary.entries)?;
        posting.entries = self.entries().get(before..).unwrap_or_default().to_vec();
        posting.deposit = summary.deposit;
        posting.findings.extend(summary.findings);
        Ok(posting)
    }
}

/// `/claims/{index}…` → index.
fn claim_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("/claims/")?;
    rest.split('/').next()?.parse().ok()
}

/// Posts one 835 transaction set claim by claim, so a store can post a file of any size in
/// constant memory within one transaction: [`begin`](Self::begin) with the header,
/// [`claim`](Self::claim) for each claim, [`finish`](Self::finish) with the PLBs, appending
/// every returned entry to the books before the next call.
#[derive(Debug, Clone)]
pub struct RemittancePoster {
    payer: CompactString,
    trace: CompactString,
    set: CompactString,
    amount: Money,
    payment_date: Option<NaiveDate>,
    effective: NaiveDate,
    options: PostOptions,
    already: Option<(Money, RemittanceRecord)>,
    claims: u64,
    charge: Money,
    paid: Money,
    digest: Sha256,
    digest_text: String,
}

impl RemittancePoster {
    /// Starts posting the transaction set `control_number` (ST02) paying `payment` (BPR,
    /// TRN) from `payer` (N1*PR). Refused: no trace number, a posting date before the books'
    /// last, and a payer trace number posted before with another payment amount or date
    /// ([`LedgerError::TraceReused`]). The same payment posted before puts the poster in
    /// "already posted" mode: it then only checks that the claims are the same.
    pub fn begin(
        control_number: &str,
        payment: &Payment,
        payer: &RemitParty,
        books: &impl LedgerView,
        options: PostOptions,
    ) -> Result<RemittancePoster, LedgerError> {
        let trace = payment
            .trace_number
            .clone()
            .filter(|t| !t.trim().is_empty())
            .ok_or(LedgerError::Missing {
                field: "the trace number (TRN02)",
            })?;
        let payer_key = [
            payment.payer_identifier.as_deref(),
            payer.id.as_deref(),
            Some(payer.name.as_str()),
        ]
        .into_iter()
        .flatten()
        .find(|k| !k.trim().is_empty())
        .map(CompactString::from)
        .ok_or(LedgerError::Missing {
            field: "the payer (TRN03, N1*PR)",
        })?;
        check_posted(books, options.posted)?;
        let amount = payment.amount.ok_or(LedgerError::Missing {
            field: "the payment amount (BPR02)",
        })?;
        let amount = if payment.credit_debit.eq_ignore_ascii_case("D") {
            amount.negated()
        } else {
            amount
        };
        let effective = payment
            .date
            .or(payment.production_date)
            .unwrap_or(options.posted);
        let already = match books.remittance(&payer_key, &trace) {
            None => None,
            Some(entry) => match entry.kind {
                EntryKind::Remittance(record)
                    if entry.amount == amount && record.payment_date == payment.date =>
                {
                    Some((entry.amount, record))
                }
                _ => return Err(LedgerError::TraceReused),
            },
        };
        Ok(RemittancePoster {
            payer: payer_key,
            trace,
            set: CompactString::from(control_number),
            amount,
            payment_date: payment.date,
            effective,
            options,
            already,
            claims: 0,
            charge: Money::ZERO,
            paid: Money::ZERO,
            digest: Sha256::new(),
            digest_text: String::new(),
        })
    }

    /// True when this remittance was posted before (nothing will be posted).
    pub fn is_already_posted(&self) -> bool {
        self.already.is_some()
    }

    /// The payment against the deposits of its trace number so far.
    pub fn deposit_match(&self, books: &impl LedgerView) -> DepositMatch {
        deposit_match(&self.payer, &self.trace, self.amount, books)
    }

    /// Posts the claim at `index` (0-based CLP position), read with `findings` (its reading
    /// and balancing findings; an error among them keeps it out of the books, in suspense).
    pub fn claim(
        &mut self,
        index: usize,
        claim: &RemitClaim,
        findings: &[Finding],
        claims: &(impl ChargedClaims + ?Sized),
        books: &impl LedgerView,
    ) -> Result<ClaimPosting, LedgerError> {
        let held = ClaimView::Remit(claim);
        self.claims = self.claims.saturating_add(1);
        if let Some(charge) = held.charge() {
            self.charge = self.charge.checked_add(charge)?;
        }
        if let Some(paid) = held.paid() {
            self.paid = self.paid.checked_add(paid)?;
        }
        {
            use std::fmt::Write;
            let text = &mut self.digest_text;
            text.clear();
            let money = |m: Option<Money>| m.unwrap_or(Money::ZERO);
            // Writing into a String cannot fail.
            let _ = write!(
                text,
                "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1e",
                held.patient_control_number(),
                held.status(),
                money(held.charge()),
                money(held.paid()),
                held.payer_claim_number().map_or("", |n| n.as_str())
            );
            self.digest.update(text.as_bytes());
        }
        let position = u32::try_from(index).map_err(|_| LedgerError::TooLarge)?;
        if self.already.is_some() {
            return Ok(ClaimPosting {
                entries: Vec::new(),
                result: result_of(held, position, ClaimOutcome::AlreadyPosted),
                secondary_claim: None,
                underpayments: Vec::new(),
                findings: Vec::new(),
            });
        }
        let context = Context {
            payer: self.payer.clone(),
            source: Arc::new(RemitSource {
                payer: self.payer.clone(),
                trace: self.trace.clone(),
                set: self.set.clone(),
                claim: Some(position),
                payer_claim_number: held.payer_claim_number().cloned(),
            }),
            effective: self.effective,
            posted: self.options.posted,
            options: &self.options,
            index: position,
        };
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.rule.clone())
            .collect();
        if !errors.is_empty() || held.amount_missing() {
            let mut ids = next_ids(books);
            let reason = SuspenseReason::NotPostable(errors);
            return context.suspense(held, reason, &mut ids);
        }
        context.post(held, None, claims, books, Some(claim))
    }

    /// Ends the transaction set with its PLBs: each to its clearing account; any difference
    /// between the payment (BPR02) and the claims' payments less the PLBs to suspense; and
    /// the remittance entry on the payer's account, which records the remittance. For a
    /// remittance posted before: nothing, unless its claims differ from the first posting's
    /// ([`LedgerError::TraceReused`]).
    pub fn finish(
        self,
        adjustments: &[ProviderAdjustment],
        books: &impl LedgerView,
    ) -> Result<RemittanceSummary, LedgerError> {
        let plb_amounts = adjustments
            .iter()
            .map(|p| {
                p.amount.ok_or(LedgerError::Missing {
                    field: "a provider adjustment's amount (PLB)",
                })
            })
            .collect::<Result<Vec<Money>, LedgerError>>()?;
        let plb_total = Money::sum(plb_amounts.iter().copied())?;
        let record = RemittanceRecord {
            trace: self.trace.clone(),
            payment_date: self.payment_date,
            claims: self.claims,
            charge: self.charge,
            paid: self.paid,
            provider_adjustments: plb_total,
            claims_digest: crate::audit::ChainHash(self.digest.clone().finalize().into())
                .to_string(),
        };
        if let Some((_, first)) = &self.already {
            if *first != record {
                return Err(LedgerError::TraceReused);
            }
            return Ok(RemittanceSummary {
                already_posted: true,
                entries: Vec::new(),
                deposit: self.deposit_match(books),
                findings: vec![Finding::warning(
                    "POST-ALREADY-POSTED",
                    "/payment/traceNumber",
                    "this 835 (same payer, trace number and amounts) was posted before: nothing changed",
                )],
            });
        }
        let mut ids = next_ids(books);
        let mut entries = Vec::with_capacity(adjustments.len().saturating_add(2));
        let source = Source::Remittance(Arc::new(RemitSource {
            payer: self.payer.clone(),
            trace: self.trace.clone(),
            set: self.set.clone(),
            claim: None,
            payer_claim_number: None,
        }));
        let party = Party::Payer(self.payer.clone());
        for (plb, &amount) in adjustments.iter().zip(&plb_amounts) {
            // PLB03-2 names the claim by the payer's claim number, or by the patient control
            // number.
            let claim = plb.reference.as_deref().and_then(|reference| {
                books
                    .payer_claim_entries(&self.payer, reference)
                    .iter()
                    .find_map(|e| e.account.claim().map(CompactString::from))
                    .or_else(|| {
                        (!books.claim_entries(reference).is_empty())
                            .then(|| CompactString::from(reference))
                    })
            });
            entries.push(Entry {
                id: ids.next_id()?,
                effective: self.effective,
                posted: self.options.posted,
                account: Account::Clearing(ClearingAccount {
                    provider: plb.provider.clone(),
                    reason: plb.reason.clone(),
                }),
                party: party.clone(),
                amount,
                kind: EntryKind::ProviderAdjustment(PlbKind {
                    reason: plb.reason.clone(),
                    reference: plb.reference.clone(),
                    claim,
                    fiscal_period_end: plb.fiscal_period_end,
                }),
                source: source.clone(),
            });
        }
        let mut findings = Vec::new();
        // Cash side: remittance (+payment) − claims' payments + PLBs + imbalance = 0.
        let imbalance = self.paid.checked_sub(plb_total)?.checked_sub(self.amount)?;
        if !imbalance.is_zero() {
            findings.push(Finding::warning(
                "POST-TRANSACTION-IMBALANCE",
                "/payment/amount",
                "the claims' payments less the PLBs differ from the payment: the difference is held in suspense",
            ));
            entries.push(Entry {
                id: ids.next_id()?,
                effective: self.effective,
                posted: self.options.posted,
                account: Account::Suspense,
                party: party.clone(),
                amount: imbalance,
                kind: EntryKind::Suspense(Box::new(SuspenseItem {
                    reason: SuspenseReason::TransactionImbalance,
                    claim: None,
                })),
                source: source.clone(),
            });
        }
        entries.push(Entry {
            id: ids.next_id()?,
            effective: self.effective,
            posted: self.options.posted,
            account: Account::Payer(PayerAccount {
                payer: self.payer.clone(),
            }),
            party,
            amount: self.amount,
            kind: EntryKind::Remittance(record),
            source,
        });
        let deposit = self.deposit_match(books);
        Ok(RemittanceSummary {
            already_posted: false,
            entries,
            deposit,
            findings,
        })
    }
}

pub(crate) fn deposit_match(
    payer: &str,
    trace: &str,
    remitted: Money,
    books: &impl LedgerView,
) -> DepositMatch {
    // Deposits are negative on the payer's account.
    let deposited = Money::sum(
        books
            .deposits(payer, trace)
            .iter()
            .map(|e| e.amount.negated()),
    );
    let (deposited, status) = match deposited {
        Ok(d) if d.is_zero() => (d, DepositStatus::NotDeposited),
        Ok(d) if d == remitted => (d, DepositStatus::Matched),
        Ok(d) => (d, DepositStatus::AmountDiffers),
        Err(_) => (Money::ZERO, DepositStatus::AmountDiffers),
    };
    DepositMatch {
        payer: CompactString::from(payer),
        trace: CompactString::from(trace),
        remitted,
        deposited,
        status,
    }
}

fn result_of(held: ClaimView<'_>, index: u32, outcome: ClaimOutcome) -> ClaimResult {
    ClaimResult {
        index,
        patient_control_number: held.patient_control_number().clone(),
        payer_claim_number: held.payer_claim_number().cloned(),
        outcome,
    }
}

/// What posting one claim needs to know of its remittance.
pub(crate) struct Context<'a> {
    pub(crate) payer: CompactString,
    pub(crate) source: Arc<RemitSource>,
    pub(crate) effective: NaiveDate,
    pub(crate) posted: NaiveDate,
    pub(crate) options: &'a PostOptions,
    pub(crate) index: u32,
}

impl Context<'_> {
    fn path(&self) -> String {
        format!("/claims/{}", self.index)
    }

    fn entry(
        &self,
        ids: &mut IdSequence,
        account: Account,
        party: Party,
        amount: Money,
        kind: EntryKind,
    ) -> Result<Entry, LedgerError> {
        Ok(Entry {
            id: ids.next_id()?,
            effective: self.effective,
            posted: self.posted,
            account,
            party,
            amount,
            kind,
            source: Source::Remittance(Arc::clone(&self.source)),
        })
    }

    /// The claim's money held in suspense.
    pub(crate) fn suspense(
        &self,
        held: ClaimView<'_>,
        reason: SuspenseReason,
        ids: &mut IdSequence,
    ) -> Result<ClaimPosting, LedgerError> {
        let amount = held.paid().unwrap_or(Money::ZERO).negated();
        let entry = self.entry(
            ids,
            Account::Suspense,
            Party::Payer(self.payer.clone()),
            amount,
            EntryKind::Suspense(Box::new(SuspenseItem {
                reason: reason.clone(),
                claim: Some(held.to_held()),
            })),
        )?;
        let finding = Finding::warning(
            "POST-SUSPENSE",
            self.path(),
            format!("held in suspense: {}", reason.describe()),
        );
        Ok(ClaimPosting {
            entries: vec![entry],
            result: result_of(held, self.index, ClaimOutcome::Suspense(reason)),
            secondary_claim: None,
            underpayments: Vec::new(),
            findings: vec![finding],
        })
    }

    /// Posts a claim: a reversal, an adjudication, or nothing; into suspense when it does not
    /// fit the books. `lines`, when given, maps each remittance line to a claim line (a user's
    /// match); `remit` is the 835 claim itself, to send the claim on.
    pub(crate) fn post(
        &self,
        held: ClaimView<'_>,
        lines: Option<&[u32]>,
        claims: &(impl ChargedClaims + ?Sized),
        books: &impl LedgerView,
        remit: Option<&RemitClaim>,
    ) -> Result<ClaimPosting, LedgerError> {
        let mut ids = next_ids(books);
        let status = match held.status() {
            Coded::Known(status) => *status,
            Coded::Unrecognized(_) => {
                return self.suspense(held, SuspenseReason::UnknownStatus, &mut ids);
            }
        };
        if status == ClaimStatus::Reversal {
            return self.post_reversal(held, books, &mut ids);
        }
        let Some(charged) = claims.charged(held.patient_control_number()) else {
            return self.suspense(held, SuspenseReason::ClaimNotFound, &mut ids);
        };
        let on_books = books.claim_entries(held.patient_control_number());
        if !on_books
            .iter()
            .any(|e| matches!(e.kind.original(), EntryKind::Charge(_)))
        {
            return self.suspense(held, SuspenseReason::ClaimNotFound, &mut ids);
        }
        let rank = match status {
            ClaimStatus::Primary | ClaimStatus::PrimaryForwarded => PayerRank::Primary,
            ClaimStatus::Secondary | ClaimStatus::SecondaryForwarded => PayerRank::Secondary,
            ClaimStatus::Tertiary | ClaimStatus::TertiaryForwarded => PayerRank::Tertiary,
            ClaimStatus::Denied => holder_rank(&on_books).unwrap_or(charged.rank()),
            ClaimStatus::Reversal
            | ClaimStatus::NotOurClaimForwarded
            | ClaimStatus::Predetermination => {
                if held.paid().is_some_and(|p| !p.is_zero()) {
                    return self.suspense(held, SuspenseReason::UnknownStatus, &mut ids);
                }
                return Ok(ClaimPosting {
                    entries: Vec::new(),
                    result: result_of(held, self.index, ClaimOutcome::NoPayment),
                    secondary_claim: None,
                    underpayments: Vec::new(),
                    findings: vec![Finding::warning(
                        "POST-NO-PAYMENT",
                        self.path(),
                        "the payer did not adjudicate the claim for payment (CLP02 23 or 25): nothing posted",
                    )],
                });
            }
        };
        let matched = match lines {
            Some(map) => {
                if map.len() != held.line_count()
                    || map.iter().any(|&l| {
                        usize::try_from(l).map_or(true, |l| l >= charged.claim.line_count())
                    })
                {
                    let line = u32::try_from(map.len().min(held.line_count())).unwrap_or(u32::MAX);
                    return self.suspense(held, SuspenseReason::LineNotMatched(line), &mut ids);
                }
                (map.to_vec(), Vec::new())
            }
            None => match match_lines(held, &charged, self.index) {
                Ok(found) => found,
                Err(line) => {
                    return self.suspense(held, SuspenseReason::LineNotMatched(line), &mut ids);
                }
            },
        };
        self.post_adjudication(
            held, status, rank, &charged, &on_books, matched, remit, &mut ids,
        )
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "the one place that puts an adjudication on the books"
    )]
    fn post_adjudication(
        &self,
        held: ClaimView<'_>,
        status: ClaimStatus,
        rank: PayerRank,
        charged: &ChargedClaim,
        on_books: &[Cow<'_, Entry>],
        (line_map, mut findings): (Vec<u32>, Vec<Finding>),
        remit: Option<&RemitClaim>,
        ids: &mut IdSequence,
    ) -> Result<ClaimPosting, LedgerError> {
        let (patient, pcn) = charged.ids();
        let payer_id = match charged.payer_at(rank) {
            Some(p) => CompactString::from(p.payer_id.as_str()),
            None => {
                findings.push(Finding::warning(
                    "POST-PAYER-NOT-IN-ORDER",
                    self.path(),
                    "the claim has no payer at the rank CLP02 names: posted for the remittance's payer",
                ));
                self.payer.clone()
            }
        };
        let party = Party::payer(rank, payer_id);
        let next = rank
            .next()
            .and_then(|r| charged.payer_at(r).map(|p| (r, p)))
            .map(|(r, p)| Party::payer(r, CompactString::from(p.payer_id.as_str())));
        let crossed_over = matches!(
            status,
            ClaimStatus::PrimaryForwarded
                | ClaimStatus::SecondaryForwarded
                | ClaimStatus::TertiaryForwarded
        );
        let to = next.clone().unwrap_or(Party::Patient);
        self.paid_before(held, on_books, &party, &mut findings);

        let mut entries = Vec::with_capacity(held.line_count().saturating_mul(4).saturating_add(2));
        let mut moved = Money::ZERO;
        let mut underpayments = Vec::new();
        let mut line_paid = Money::ZERO;
        let priced = charged
            .priced
            .as_ref()
            .filter(|p| party.payer_id() == Some(p.payer_id.as_str()));
        for (l, (line, &claim_line)) in held.lines().zip(&line_map).enumerate() {
            let account = Account::Line(LineAccount {
                patient: patient.clone(),
                claim: pcn.clone(),
                line: claim_line,
            });
            let paid = line.paid().ok_or(LedgerError::Missing {
                field: "a service line's payment (SVC03)",
            })?;
            line_paid = line_paid.checked_add(paid)?;
            if !paid.is_zero() {
                entries.push(self.entry(
                    ids,
                    account.clone(),
                    party.clone(),
                    paid.negated(),
                    EntryKind::PayerPayment,
                )?);
            }
            let shares = self.adjust(
                line.adjustments(),
                line.remarks(),
                &account,
                &party,
                &to,
                crossed_over,
                ids,
                &mut entries,
                &mut findings,
            )?;
            moved = moved.checked_add(shares)?;
            if let Some(priced) = priced {
                if let Some(under) =
                    underpaid(line, claim_line, shares, priced, &pcn, self.options)?
                {
                    findings.push(Finding::warning(
                        "POST-UNDERPAID",
                        format!("{}/lines/{l}", self.path()),
                        format!(
                            "the payer allowed {} where the contract allows {} (paid {}): {} short",
                            under.allowed, under.expected, under.paid, under.variance
                        ),
                    ));
                    underpayments.push(under);
                }
            }
        }
        let account = claim_account(charged);
        // CLP04 less the lines' payments: the claim-level payment (negative when claim-level
        // adjustments reduced the lines' payments), so the claim's payments are CLP04.
        let claim_paid = held.paid().unwrap_or(Money::ZERO).checked_sub(line_paid)?;
        if !claim_paid.is_zero() {
            entries.push(self.entry(
                ids,
                account.clone(),
                party.clone(),
                claim_paid.negated(),
                EntryKind::PayerPayment,
            )?);
        }
        let shares = self.adjust(
            held.adjustments(),
            &held.remarks(),
            &account,
            &party,
            &to,
            crossed_over,
            ids,
            &mut entries,
            &mut findings,
        )?;
        moved = moved.checked_add(shares)?;

        let mut outcome = if status == ClaimStatus::Denied {
            ClaimOutcome::Denied
        } else {
            ClaimOutcome::Paid
        };
        let mut secondary_claim = None;
        if crossed_over && next.is_none() {
            findings.push(Finding::warning(
                "POST-CROSSOVER-UNKNOWN",
                self.path(),
                "the payer forwarded the claim to a next payer the claim does not name: the patient's share went to the patient",
            ));
        }
        if next.is_some() && moved > Money::ZERO {
            if crossed_over {
                outcome = ClaimOutcome::AwaitingNextPayer;
            } else {
                match super::secondary::send_on(charged, rank, remit, self.effective) {
                    Ok((claim, notes)) => {
                        findings.extend(
                            notes
                                .into_iter()
                                .map(|n| Finding::warning("POST-NEXT-SUBSCRIBER", self.path(), n)),
                        );
                        secondary_claim = Some(claim);
                        outcome = ClaimOutcome::SentOn;
                    }
                    Err(why) => {
                        findings.push(Finding::warning("POST-NEXT-PAYER-DUE", self.path(), why));
                        outcome = ClaimOutcome::NextPayerDue;
                    }
                }
            }
        }
        Ok(ClaimPosting {
            entries,
            result: result_of(held, self.index, outcome),
            secondary_claim,
            underpayments,
            findings,
        })
    }

    /// Posts the adjustments of a line or of the claim; returns the PR total moved on.
    #[allow(
        clippy::too_many_arguments,
        reason = "one line's adjustments, with where they go"
    )]
    fn adjust(
        &self,
        adjustments: Adjustments<'_>,
        remarks: &[Coded<Rarc>],
        account: &Account,
        party: &Party,
        to: &Party,
        crossed_over: bool,
        ids: &mut IdSequence,
        entries: &mut Vec<Entry>,
        findings: &mut Vec<Finding>,
    ) -> Result<Money, LedgerError> {
        let mut moved = Money::ZERO;
        let dispositions = self.options.dispositions;
        for adjustment in adjustments {
            let reported = adjustment.amount.ok_or(LedgerError::Missing {
                field: "an adjustment's amount (CAS)",
            })?;
            let disposition = match adjustment.group {
                Coded::Known(GroupCode::Pr) => {
                    let why = TransferReason::PatientResponsibility(PatientShare {
                        reason: adjustment.reason.clone(),
                        crossed_over,
                    });
                    entries.push(self.entry(
                        ids,
                        account.clone(),
                        party.clone(),
                        reported.negated(),
                        EntryKind::Transfer(Transfer {
                            counterparty: to.clone(),
                            why: why.clone(),
                        }),
                    )?);
                    entries.push(self.entry(
                        ids,
                        account.clone(),
                        to.clone(),
                        reported,
                        EntryKind::Transfer(Transfer {
                            counterparty: party.clone(),
                            why,
                        }),
                    )?);
                    moved = moved.checked_add(reported)?;
                    continue;
                }
                Coded::Known(GroupCode::Co) => dispositions.contractual,
                Coded::Known(GroupCode::Pi) => dispositions.payer_initiated,
                Coded::Known(GroupCode::Oa) => dispositions.other,
                Coded::Unrecognized(_) => {
                    findings.push(Finding::warning(
                        "POST-GROUP-UNKNOWN",
                        self.path(),
                        "an adjustment's group code is not CO, PR, OA or PI: its amount stays with the payer",
                    ));
                    Disposition::Stays
                }
            };
            let amount = match disposition {
                Disposition::WriteOff => reported.negated(),
                Disposition::Stays => Money::ZERO,
            };
            entries.push(self.entry(
                ids,
                account.clone(),
                party.clone(),
                amount,
                EntryKind::Adjustment(Adjustment {
                    group: adjustment.group.clone(),
                    reason: adjustment.reason.clone(),
                    reported,
                    disposition,
                    remarks: remarks.to_vec(),
                }),
            )?);
        }
        Ok(moved)
    }

    /// A warning when the same payer claim number was paid before and not reversed.
    fn paid_before(
        &self,
        held: ClaimView<'_>,
        on_books: &[Cow<'_, Entry>],
        party: &Party,
        findings: &mut Vec<Finding>,
    ) {
        let Some(number) = held.payer_claim_number() else {
            return;
        };
        let reversed: FxHashSet<EntryId> = on_books
            .iter()
            .filter_map(|e| match &e.kind {
                EntryKind::Reversal(r) => Some(r.reverses),
                _ => None,
            })
            .collect();
        let before = on_books.iter().any(|e| {
            matches!(e.kind, EntryKind::PayerPayment)
                && &e.party == party
                && !reversed.contains(&e.id)
                && matches!(&e.source, Source::Remittance(s) if s.payer == self.payer && s.payer_claim_number.as_ref() == Some(number))
        });
        if before {
            findings.push(Finding::warning(
                "POST-PAID-BEFORE",
                self.path(),
                "this payer claim number (CLP07) was paid before and not reversed: a duplicate payment?",
            ));
        }
    }

    /// A reversal (CLP02 22): undoes every entry of the latest payment of this payer claim
    /// number on the same claim that is not undone yet and whose payments the reversal
    /// negates.
    fn post_reversal(
        &self,
        held: ClaimView<'_>,
        books: &impl LedgerView,
        ids: &mut IdSequence,
    ) -> Result<ClaimPosting, LedgerError> {
        let Some(number) = held.payer_claim_number() else {
            return self.suspense(held, SuspenseReason::ReversalNotFound, ids);
        };
        let all = books.payer_claim_entries(&self.payer, number);
        // Group the entries by the 835 claim they came from.
        let mut groups: Vec<(RemitSource, Vec<Entry>)> = Vec::new();
        for entry in all {
            let Source::Remittance(source) = &entry.source else {
                continue;
            };
            if matches!(entry.kind, EntryKind::Reversal(_) | EntryKind::Suspense(_))
                || entry.account.claim() != Some(held.patient_control_number().as_str())
            {
                continue;
            }
            let same = |s: &RemitSource| {
                s.trace == source.trace && s.set == source.set && s.claim == source.claim
            };
            match groups.iter_mut().find(|(s, _)| same(s)) {
                Some((_, list)) => list.push(entry),
                None => groups.push(((**source).clone(), vec![entry])),
            }
        }
        groups.retain(|(_, list)| list.iter().all(|e| books.reversal_of(e.id).is_none()));
        if groups.is_empty() {
            return self.suspense(held, SuspenseReason::ReversalNotFound, ids);
        }
        let paid = held.paid().unwrap_or(Money::ZERO);
        let mut chosen = None;
        for (_, list) in groups.iter().rev() {
            let payments = Money::sum(
                list.iter()
                    .filter(|e| matches!(e.kind, EntryKind::PayerPayment))
                    .map(|e| e.amount),
            )?;
            if payments == paid {
                chosen = Some(list);
                break;
            }
        }
        let Some(original) = chosen else {
            return self.suspense(held, SuspenseReason::ReversalMismatch, ids);
        };
        let mut findings = Vec::new();
        if original.iter().any(|e| {
            matches!(e.kind, EntryKind::Transfer(_))
                && e.amount > Money::ZERO
                && e.party.rank().is_some()
        }) {
            findings.push(Finding::warning(
                "POST-REVERSED-AFTER-SEND-ON",
                self.path(),
                "the reversed payment had moved a share to the next payer: the claim sent on may need a void",
            ));
        }
        let mut entries = Vec::with_capacity(original.len());
        for entry in original {
            entries.push(self.entry(
                ids,
                entry.account.clone(),
                entry.party.clone(),
                entry.amount.negated(),
                EntryKind::Reversal(Reversal {
                    reverses: entry.id,
                    of: Box::new(entry.kind.clone()),
                }),
            )?);
        }
        Ok(ClaimPosting {
            entries,
            result: result_of(held, self.index, ClaimOutcome::Reversed),
            secondary_claim: None,
            underpayments: Vec::new(),
            findings,
        })
    }
}

/// The payer rank that last received the claim's balance (a charge or a transfer in).
fn holder_rank(on_books: &[Cow<'_, Entry>]) -> Option<PayerRank> {
    on_books
        .iter()
        .rev()
        .filter(|e| e.amount > Money::ZERO)
        .filter(|e| matches!(e.kind, EntryKind::Charge(_) | EntryKind::Transfer(_)))
        .find_map(|e| e.party.rank())
}

/// Each remittance line's claim line: by REF*6R, else by procedure, modifiers and date of
/// service (with a finding). `Err(line)` names the first remittance line that matches none.
fn match_lines(
    held: ClaimView<'_>,
    charged: &ChargedClaim,
    index: u32,
) -> Result<(Vec<u32>, Vec<Finding>), u32> {
    let numbers = charged.claim.line_control_numbers();
    let mut claim_lines: Option<Vec<BilledLine>> = None;
    let mut taken: Vec<bool> = Vec::new();
    let mut map = Vec::with_capacity(held.line_count());
    let mut findings = Vec::new();
    for (l, line) in held.lines().enumerate() {
        let position = u32::try_from(l).unwrap_or(u32::MAX);
        let by_number = line
            .control_number()
            .and_then(|number| numbers.iter().position(|c| *c == Some(number)));
        let found = by_number.or_else(|| {
            let claim_lines = claim_lines.get_or_insert_with(|| billed_lines(charged));
            if taken.len() < claim_lines.len() {
                taken.resize(claim_lines.len(), false);
            }
            let found = claim_lines.iter().enumerate().position(|(c, billed)| {
                !taken.get(c).copied().unwrap_or(true)
                    && billed.procedure == line.procedure()
                    && billed.modifiers.len() == line.modifiers().len()
                    && billed
                        .modifiers
                        .iter()
                        .zip(line.modifiers())
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
                    && line.service_date().is_none_or(|d| d == billed.date)
            });
            if found.is_some() {
                findings.push(Finding::warning(
                    "POST-LINE-MATCHED-BY-PROCEDURE",
                    format!("/claims/{index}/lines/{l}"),
                    "the line has no line item control number (REF*6R) of the claim: matched by procedure, modifiers and date of service",
                ));
            }
            found
        });
        let Some(c) = found else {
            return Err(position);
        };
        if let Some(t) = taken.get_mut(c) {
            *t = true;
        }
        map.push(u32::try_from(c).map_err(|_| position)?);
    }
    Ok((map, findings))
}

/// Each claim line's line item control number.
/// A claim line as billed, for matching.
struct BilledLine {
    procedure: String,
    modifiers: Vec<String>,
    date: NaiveDate,
}

fn billed_lines(charged: &ChargedClaim) -> Vec<BilledLine> {
    match &charged.claim.form {
        ClaimForm::Professional(p) => p
            .lines
            .iter()
            .map(|l| BilledLine {
                procedure: l.procedure.to_string(),
                modifiers: l.modifiers.iter().map(ToString::to_string).collect(),
                date: l.service_date,
            })
            .collect(),
        ClaimForm::Institutional(i) => i
            .lines
            .iter()
            .map(|l| BilledLine {
                procedure: l
                    .procedure
                    .map_or_else(|| l.revenue_code.to_string(), |p| p.to_string()),
                modifiers: l.modifiers.iter().map(ToString::to_string).collect(),
                date: l.service_date.unwrap_or(i.statement_from),
            })
            .collect(),
    }
}

/// The line's underpayment, when its payer paid it and allowed less than the contract by
/// more than the tolerance.
fn underpaid(
    line: LineView<'_>,
    claim_line: u32,
    patient_share: Money,
    priced: &crate::pricing::PricedClaim,
    claim: &CompactString,
    options: &PostOptions,
) -> Result<Option<Underpayment>, LedgerError> {
    let Some(paid) = line.paid().filter(|p| *p > Money::ZERO) else {
        return Ok(None);
    };
    let Some(contract) = usize::try_from(claim_line)
        .ok()
        .and_then(|c| priced.lines.iter().find(|p| p.line == c))
    else {
        return Ok(None);
    };
    if contract.status != LineStatus::Priced {
        return Ok(None);
    }
    let allowed = match line.allowed() {
        Some(allowed) => allowed,
        None => paid.checked_add(patient_share)?,
    };
    let variance = contract.allowed.checked_sub(allowed)?;
    if variance > options.tolerance {
        return Ok(Some(Underpayment {
            claim: claim.clone(),
            line: claim_line,
            expected: contract.allowed,
            allowed,
            paid,
            variance,
        }));
    }
    Ok(None)
}
