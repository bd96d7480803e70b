//! The ledger's entries: accounts, parties, kinds and sources.

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{Carc, GroupCode, Rarc};
use crate::money::Money;
use crate::remit::Coded;

use super::held::HeldClaim;

/// An entry's number: entries are numbered 1, 2, 3, … in the order they were appended.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct EntryId(pub u64);

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One entry of the books: an amount put on one account for one party, for one reason, from
/// one source. Never changed once appended; a correction is a new entry (a reversal).
///
/// `amount` is signed as a debit: positive increases what the account holds for the practice
/// (a charge, a refund paid out, cash announced by a payer, an amount a payer withheld),
/// negative decreases it or holds money for someone else (a payment, an adjustment, money in
/// suspense, interest income).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    /// Its number in the books.
    pub id: EntryId,
    /// The date the money moved or the service was given (payment or check date, date of
    /// service for a charge).
    pub effective: NaiveDate,
    /// The date it was entered in the books. Never earlier than the entry before it.
    pub posted: NaiveDate,
    /// Where the amount is put.
    pub account: Account,
    /// Who is responsible for, or paid, the amount.
    pub party: Party,
    /// The signed amount (see above).
    pub amount: Money,
    /// What happened.
    pub kind: EntryKind,
    /// Where it came from.
    pub source: Source,
}

/// An account of the books. Patient data appears only as the practice's ids: the patient
/// account id and the claim's patient control number.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum Account {
    /// A service line of a claim.
    Line(LineAccount),
    /// A claim as a whole: what the payer adjudicated at claim level.
    Claim(ClaimAccount),
    /// A patient account: patient payments not applied to a claim, credits and refunds.
    Patient(PatientAccount),
    /// A payer's money: what its remittances announced, less what was deposited.
    Payer(PayerAccount),
    /// A provider-level clearing account by PLB reason (WO recoupments, FB forwarding
    /// balances, 72 authorized returns, L6 interest income, …), never a claim's balance.
    Clearing(ClearingAccount),
    /// Money received that could not be applied to a claim yet.
    Suspense,
}

/// A claim's service line.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LineAccount {
    /// The patient account id.
    #[schemars(with = "String")]
    pub patient: CompactString,
    /// The claim's patient control number (CLM01).
    #[schemars(with = "String")]
    pub claim: CompactString,
    /// 0-based index of the line in the claim.
    pub line: u32,
}

/// A claim as a whole.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimAccount {
    /// The patient account id.
    #[schemars(with = "String")]
    pub patient: CompactString,
    /// The claim's patient control number (CLM01).
    #[schemars(with = "String")]
    pub claim: CompactString,
}

/// A patient account.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatientAccount {
    /// The patient account id.
    #[schemars(with = "String")]
    pub patient: CompactString,
}

/// A payer's money account.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerAccount {
    /// The payer's key: the 835's TRN03, else its N1*PR id, else its name.
    #[schemars(with = "String")]
    pub payer: CompactString,
}

/// A provider-level clearing account.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearingAccount {
    /// PLB01, the provider identifier.
    #[schemars(with = "String")]
    pub provider: CompactString,
    /// PLB03-1, the adjustment reason (WO, FB, 72, L6, …).
    #[schemars(with = "String")]
    pub reason: CompactString,
}

impl Account {
    /// The claim's patient control number, for line and claim accounts.
    pub fn claim(&self) -> Option<&str> {
        match self {
            Account::Line(a) => Some(&a.claim),
            Account::Claim(a) => Some(&a.claim),
            _ => None,
        }
    }

    /// The patient account id, for line, claim and patient accounts.
    pub fn patient(&self) -> Option<&str> {
        match self {
            Account::Line(a) => Some(&a.patient),
            Account::Claim(a) => Some(&a.patient),
            Account::Patient(a) => Some(&a.patient),
            _ => None,
        }
    }

    /// True for the accounts whose balance someone owes the practice: lines, claims and
    /// patient accounts.
    pub fn is_receivable(&self) -> bool {
        matches!(
            self,
            Account::Line(_) | Account::Claim(_) | Account::Patient(_)
        )
    }
}

/// Where a payer stands in a claim's payment order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum PayerRank {
    /// Pays first.
    Primary,
    /// Pays after the primary.
    Secondary,
    /// Pays after the secondary.
    Tertiary,
}

impl PayerRank {
    /// The rank after this one.
    pub fn next(self) -> Option<PayerRank> {
        match self {
            PayerRank::Primary => Some(PayerRank::Secondary),
            PayerRank::Secondary => Some(PayerRank::Tertiary),
            PayerRank::Tertiary => None,
        }
    }
}

/// Who is responsible for an amount, or paid it.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "LedgerParty")]
pub enum Party {
    /// The claim's primary payer (its payer id as billed).
    Primary(#[schemars(with = "String")] CompactString),
    /// The claim's secondary payer.
    Secondary(#[schemars(with = "String")] CompactString),
    /// The claim's tertiary payer.
    Tertiary(#[schemars(with = "String")] CompactString),
    /// A payer outside any claim's order (the sender of a remittance: its PLBs, its money
    /// in suspense, its deposits), by its key.
    Payer(#[schemars(with = "String")] CompactString),
    /// The patient.
    Patient,
}

impl Party {
    /// The party of a payer at `rank`.
    pub fn payer(rank: PayerRank, payer_id: CompactString) -> Party {
        match rank {
            PayerRank::Primary => Party::Primary(payer_id),
            PayerRank::Secondary => Party::Secondary(payer_id),
            PayerRank::Tertiary => Party::Tertiary(payer_id),
        }
    }

    /// The rank, for a payer in a claim's order.
    pub fn rank(&self) -> Option<PayerRank> {
        match self {
            Party::Primary(_) => Some(PayerRank::Primary),
            Party::Secondary(_) => Some(PayerRank::Secondary),
            Party::Tertiary(_) => Some(PayerRank::Tertiary),
            Party::Payer(_) | Party::Patient => None,
        }
    }

    /// The payer id, for a payer.
    pub fn payer_id(&self) -> Option<&str> {
        match self {
            Party::Primary(id) | Party::Secondary(id) | Party::Tertiary(id) | Party::Payer(id) => {
                Some(id)
            }
            Party::Patient => None,
        }
    }
}

/// What an entry records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum EntryKind {
    /// A line's charge, as billed to the party.
    Charge(Charge),
    /// A payer's payment (SVC03 on a line; at claim level, the part of CLP04 not paid on
    /// a line).
    PayerPayment,
    /// A CAS adjustment, as the 835 put it.
    Adjustment(Adjustment),
    /// A balance moved between the party and its counterparty: the from-side is negative,
    /// the to-side positive, both on the same account.
    Transfer(Transfer),
    /// A patient's payment.
    PatientPayment,
    /// Money paid back to the party (positive: the balance grows back).
    Refund,
    /// A balance written off by the practice (small balance, bad debt, …).
    WriteOff(WriteOff),
    /// The exact undoing of an earlier entry: same account and party, the amount negated.
    Reversal(Reversal),
    /// A provider-level adjustment (PLB).
    ProviderAdjustment(ProviderAdjustment),
    /// A remittance's payment (BPR02), announced on the payer's account; it also records
    /// the remittance so posting it again is recognized.
    Remittance(RemittanceRecord),
    /// Money deposited at the bank against a payer's remittances.
    Deposit(Deposit),
    /// Money of a remittance claim that could not be applied, held with the reason and the
    /// claim's adjudication (without patient data) until it is matched.
    Suspense(Box<SuspenseItem>),
    /// What happened to the claim outside the money: sent, corrected or voided by the
    /// practice, acknowledged or rejected by a clearinghouse or payer (999, 277CA), its status
    /// as a payer answered (277). Always zero: it moves no balance.
    Status(Box<StatusNote>),
}

/// A claim's status at one moment (an entry of kind `status`, amount zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusNote {
    /// What it says.
    pub event: StatusEvent,
    /// The STC codes as sent (category, status, entity), for 277 and 277CA statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<crate::x12::StatusCode>,
    /// The payer's claim number, when the status carried it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
}

/// The event a status entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum StatusEvent {
    /// The claim was sent to the party (an 837 or paper claim), with its frequency code
    /// (`1` original, `7` replacement, `8` void).
    Submitted(crate::codes::ClaimFrequency),
    /// A 999 or 277CA accepted it.
    Accepted,
    /// A 999 or 277CA rejected it: it never reached adjudication and must be fixed and sent
    /// again as an original.
    Rejected,
    /// A 277 says the payer has it and it is pending.
    Pending,
    /// A 277 says the payer finalized it (paid, denied or otherwise).
    Finalized,
    /// A 277 says the payer wants more information.
    InformationRequested,
    /// A 277 says the payer does not know the claim, or could not answer.
    NotFound,
}

/// A charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Charge {
    /// When the claim was first billed.
    pub billed: NaiveDate,
}

/// A CAS adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "LedgerAdjustment")]
pub struct Adjustment {
    /// CAS01.
    pub group: Coded<GroupCode>,
    /// The CARC.
    pub reason: Coded<Carc>,
    /// The amount the 835 gave (positive decreases the payment).
    pub reported: Money,
    /// What posting did with it.
    pub disposition: Disposition,
    /// Remark codes of the line (LQ*HE) or claim (MOA/MIA).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Coded<Rarc>>,
}

/// What posting does with an adjustment's amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Disposition {
    /// Written off: the entry takes the amount off the balance.
    WriteOff,
    /// Left with the party (the entry's amount is zero): e.g. OA-23, the impact of a prior
    /// payer, already on the books; or an OA duplicate-claim denial to work.
    Stays,
}

/// A transfer between parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Transfer {
    /// The other side: where the amount went (on the negative entry) or came from (on the
    /// positive one).
    pub counterparty: Party,
    /// Why.
    pub why: TransferReason,
}

/// Why a balance moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum TransferReason {
    /// A PR adjustment with this CARC: the patient's share, billed to the next payer when
    /// there is one (the claim was sent on, or crossed over when `crossedOver`).
    PatientResponsibility(PatientShare),
    /// Moved by a user.
    User,
}

/// A PR adjustment moved on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatientShare {
    /// The CARC (1 deductible, 2 coinsurance, 3 copay, …).
    pub reason: Coded<Carc>,
    /// The payer forwarded the claim to the next payer itself (CLP02 19, 20 or 21).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub crossed_over: bool,
}

/// A write-off by the practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WriteOff {
    /// Why, in the practice's words (no patient data).
    pub reason: String,
}

/// A reversal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reversal {
    /// The entry undone.
    pub reverses: EntryId,
    /// Its kind, so the reversal counts where the entry counted.
    pub of: Box<EntryKind>,
}

/// A PLB adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "LedgerProviderAdjustment")]
pub struct ProviderAdjustment {
    /// PLB03-1.
    #[schemars(with = "String")]
    pub reason: CompactString,
    /// PLB03-2, when sent (often the payer's claim number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub reference: Option<CompactString>,
    /// The claim (patient control number) the reference names, when the books know it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub claim: Option<CompactString>,
    /// PLB02, the end of the provider's fiscal period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_period_end: Option<NaiveDate>,
}

/// What a posted remittance was, to recognize it when it comes again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemittanceRecord {
    /// TRN02.
    #[schemars(with = "String")]
    pub trace: CompactString,
    /// BPR16, the check or EFT date, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<NaiveDate>,
    /// How many claims (CLP) it held.
    pub claims: u64,
    /// Σ CLP03.
    pub charge: Money,
    /// Σ CLP04.
    pub paid: Money,
    /// Σ PLB amounts.
    pub provider_adjustments: Money,
    /// SHA-256 (hex) of each claim's CLP01, CLP02, CLP03, CLP04 and CLP07 in order: the same
    /// totals over other claims are another remittance.
    pub claims_digest: String,
}

/// A deposit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deposit {
    /// The check or EFT trace number the bank shows (TRN02 of the remittance).
    #[schemars(with = "String")]
    pub trace: CompactString,
}

/// An unmatched remittance claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SuspenseItem {
    /// Why it could not be applied.
    pub reason: SuspenseReason,
    /// The claim's adjudication, without patient data, to post it when matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<HeldClaim>,
}

/// Why money went to suspense.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum SuspenseReason {
    /// No claim was charged with this patient control number.
    ClaimNotFound,
    /// A remittance line matches no line of the claim (0-based remittance line).
    LineNotMatched(u32),
    /// The remittance's reading or balancing findings include errors (their rule ids): the
    /// claim cannot be posted as it stands.
    NotPostable(Vec<String>),
    /// A reversal (CLP02 22) names no earlier payment of this payer's claim number.
    ReversalNotFound,
    /// A reversal's amounts are not the negated amounts of the payment it names.
    ReversalMismatch,
    /// CLP02 is not a status medbill posts.
    UnknownStatus,
    /// The claims' payments less the PLBs differ from the payment (BPR02) by this entry's
    /// amount.
    TransactionImbalance,
}

impl SuspenseReason {
    /// In words.
    pub fn describe(&self) -> String {
        match self {
            SuspenseReason::ClaimNotFound => {
                "no claim was charged with this patient control number".to_owned()
            }
            SuspenseReason::LineNotMatched(line) => {
                format!("remittance line {line} matches no line of the claim")
            }
            SuspenseReason::NotPostable(rules) => format!(
                "the remittance claim has error findings ({}) and cannot be posted",
                rules.join(", ")
            ),
            SuspenseReason::ReversalNotFound => {
                "the reversal names no earlier payment of this payer claim number".to_owned()
            }
            SuspenseReason::ReversalMismatch => {
                "the reversal's amounts are not those of the payment it names".to_owned()
            }
            SuspenseReason::UnknownStatus => "CLP02 is not a status medbill posts".to_owned(),
            SuspenseReason::TransactionImbalance => {
                "the claims' payments less the provider adjustments differ from the payment"
                    .to_owned()
            }
        }
    }
}

/// Where an entry came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// An 835 (shared by the entries of one claim: cloning it is cheap).
    Remittance(std::sync::Arc<RemitSource>),
    /// The claim as billed (a charge).
    Billed,
    /// A check (a patient's, or a refund check), by number.
    Check(#[schemars(with = "String")] CompactString),
    /// Entered by a user, with the practice's reference when given.
    User(#[schemars(with = "Option<String>")] Option<CompactString>),
    /// A claim status or acknowledgment message (277, 277CA, 999), by its set's control
    /// number (and BHT03 reference, when sent).
    Message(#[schemars(with = "String")] CompactString),
}

/// The 835 an entry came from, and its place in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitSource {
    /// The payer's key (TRN03, else N1*PR id, else name).
    #[schemars(with = "String")]
    pub payer: CompactString,
    /// TRN02.
    #[schemars(with = "String")]
    pub trace: CompactString,
    /// ST02.
    #[schemars(with = "String")]
    pub set: CompactString,
    /// 0-based position of the CLP in the transaction set, for claim entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<u32>,
    /// CLP07, the payer's claim control number, for claim entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
}

/// The money categories a balance is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Charges.
    Charge,
    /// Payments by payers and patients, less refunds.
    Payment,
    /// Adjustments and write-offs.
    Adjustment,
    /// Transfers between parties.
    Transfer,
    /// Money outside the receivables: remittances, deposits, PLBs, suspense.
    Other,
}

impl EntryKind {
    /// Where the kind counts (a reversal counts where the entry it reverses counted).
    pub fn category(&self) -> Category {
        match self {
            EntryKind::Charge(_) => Category::Charge,
            EntryKind::PayerPayment | EntryKind::PatientPayment | EntryKind::Refund => {
                Category::Payment
            }
            EntryKind::Adjustment(_) | EntryKind::WriteOff(_) => Category::Adjustment,
            EntryKind::Transfer(_) => Category::Transfer,
            EntryKind::Reversal(r) => r.of.category(),
            EntryKind::ProviderAdjustment(_)
            | EntryKind::Remittance(_)
            | EntryKind::Deposit(_)
            | EntryKind::Suspense(_)
            | EntryKind::Status(_) => Category::Other,
        }
    }

    /// The kind an entry of this kind is, through any reversals.
    pub fn original(&self) -> &EntryKind {
        match self {
            EntryKind::Reversal(r) => r.of.original(),
            other => other,
        }
    }
}
