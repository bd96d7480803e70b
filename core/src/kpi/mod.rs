//! The supervisor's numbers (RULES.md §15), as of any date, computed from the entries alone,
//! so that the same books give the same figures on any day they are asked again.
//!
//! # Definitions
//!
//! A report covers a period `from..=to` (posting dates); only entries posted on or before
//! `to` exist for it, so a report "as of" a past date is the books as they stood that day.
//! An *adjudication* is one 835 claim (CLP) posted to a claim: the entries that share its
//! remittance source. A reversal (CLP02 22) is not an adjudication of its own; the correction
//! that follows it is.
//!
//! - **Charges**: Σ charge entries posted in the period (reversed charges subtract).
//! - **Collections**: Σ payer and patient payments posted in the period, less refunds.
//! - **Contractual adjustments**: Σ CAS amounts written off whose CARC the catalog calls
//!   contractual (CO-45, CO-253, …) in group CO, PI or OA, posted in the period.
//! - **Denied amount**: Σ the CAS amounts (as the 835 reported them) that [`classify`] calls a
//!   denial, posted in the period; a reversal subtracts what it undoes.
//! - **Clean-claim rate** (in the spirit of HFMA MAP Key CL-1): of the claims first billed in
//!   the period, the share accepted on first submission: no 999/277CA rejection recorded
//!   for it and never replaced (frequency 7) or voided (8).
//! - **First-pass resolution rate**: of the claims whose first adjudication by their primary
//!   payer was posted in the period, the share whose first adjudication carried no denial
//!   and that were never rejected before it.
//! - **Denial rate** (HFMA MAP Key AR-5, by count and by amount): adjudications posted in
//!   the period that carry at least one denial (a line or the whole claim) ÷ adjudications
//!   posted in the period; by amount, their denied amounts ÷ the charges of the claims
//!   adjudicated.
//! - **Days in AR**: the receivables on `to` ÷ the average daily charges over the
//!   `lookbackDays` days ending on `to` (charges posted in that window ÷ its days), to tenths
//!   of a day, half away from zero.
//! - **Net collection rate**: collections ÷ (charges − contractual adjustments) of the period.
//!   **Gross collection rate**: collections ÷ charges of the period.
//! - **Receivables**: the balances of the claims (lines and claim level, every party) on `to`;
//!   unapplied patient money on patient accounts is not a receivable. **AR over 90 days**:
//!   the part of the receivables of claims whose first date of service is more than 90 days
//!   before `to`, and its share of the receivables.
//! - **Average days to payment by payer**: for each payer's first payment on a claim posted
//!   in the period, days from the claim's first bill to the payment's date (the check or EFT
//!   date, else the posting date); averaged per payer to tenths of a day.
//! - **Denial Pareto**: denials posted in the period by category and by group and CARC,
//!   largest amount first.
//! - **Timely-filing losses**: amounts written off in the period for timely-filing CARCs
//!   (category `timelyFiling`, e.g. CO-29).
//!
//! Rates are percentages to two places, half away from zero; a rate whose denominator is zero
//! is absent, never 0% or 100%.
//!
//! # Streaming
//!
//! [`KpiBuilder`] folds entries one at a time in constant memory when each claim's entries
//! come together, claims in ascending order of patient control number and each claim's
//! entries in id order (a store's `ORDER BY claim, id`); entries of no claim may come anywhere.
//! Input in another order is refused, never miscounted. [`kpis`] sorts a slice first.
//!
//! [`classify`]: crate::denial::classify

mod fold;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::denial::DenialCategory;
use crate::ledger::{AgingBucket, Entry, EntryId};
use crate::money::{Money, MoneyError};

pub use fold::KpiBuilder;

/// What to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KpiRequest {
    /// The first posting date of the period.
    pub from: NaiveDate,
    /// The last posting date of the period; the books as of the end of this day.
    pub to: NaiveDate,
    /// The days of charges that days in AR averages (90 unless given).
    #[serde(default = "default_lookback")]
    pub lookback_days: u32,
}

fn default_lookback() -> u32 {
    90
}

impl KpiRequest {
    /// A period with the default 90-day look-back.
    pub fn new(from: NaiveDate, to: NaiveDate) -> KpiRequest {
        KpiRequest {
            from,
            to,
            lookback_days: default_lookback(),
        }
    }
}

/// A count ratio and its percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CountRate {
    /// The numerator.
    pub count: u64,
    /// The denominator.
    pub of: u64,
    /// `count ÷ of` as a percentage to two places; absent when `of` is zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub percent: Option<rust_decimal::Decimal>,
}

/// An amount ratio and its percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AmountRate {
    /// The numerator.
    pub amount: Money,
    /// The denominator.
    pub of: Money,
    /// `amount ÷ of` as a percentage to two places; absent when `of` is not positive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub percent: Option<rust_decimal::Decimal>,
}

/// One payer's average days to payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PayerDays {
    /// The payer's key.
    pub payer: String,
    /// First payments counted.
    pub payments: u64,
    /// Average days from first bill to payment, to tenths.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub average_days: rust_decimal::Decimal,
}

/// Denials of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryDenials {
    /// The category.
    pub category: DenialCategory,
    /// Adjustments (a reversal takes one back).
    pub count: i64,
    /// Their amount as reported.
    pub amount: Money,
}

/// Denials of one group and CARC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CarcDenials {
    /// Group and CARC as the 835 wrote them (`CO-50`).
    pub code: String,
    /// The CARC's category.
    pub category: DenialCategory,
    /// Adjustments (a reversal takes one back).
    pub count: i64,
    /// Their amount as reported.
    pub amount: Money,
}

/// The receivables in one aging bucket (by first date of service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgingAmount {
    /// The bucket.
    pub bucket: AgingBucket,
    /// The receivables in it.
    pub amount: Money,
}

/// One month's figures (by posting date) within the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    /// Charges posted.
    pub charges: Money,
    /// Collections posted.
    pub collections: Money,
    /// Contractual adjustments posted.
    pub contractual_adjustments: Money,
    /// Adjudications with a denial ÷ adjudications.
    pub denial_rate: CountRate,
    /// Collections ÷ (charges − contractual adjustments).
    pub net_collection_rate: AmountRate,
}

/// The supervisor's numbers for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Kpis {
    /// The period's first posting date.
    pub from: NaiveDate,
    /// The period's last posting date (the books as of this day).
    pub to: NaiveDate,
    /// Charges posted in the period.
    pub charges: Money,
    /// Payer and patient payments less refunds posted in the period.
    pub collections: Money,
    /// Contractual write-offs posted in the period.
    pub contractual_adjustments: Money,
    /// Claims first billed in the period accepted on first submission.
    pub clean_claim_rate: CountRate,
    /// First adjudications by the primary payer without a denial.
    pub first_pass_rate: CountRate,
    /// Adjudications with a denial ÷ adjudications.
    pub denial_rate_by_count: CountRate,
    /// Denied amounts ÷ charges of the claims adjudicated.
    pub denial_rate_by_amount: AmountRate,
    /// Receivables ÷ average daily charges over the look-back; absent without charges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub days_in_ar: Option<rust_decimal::Decimal>,
    /// The look-back of days in AR.
    pub lookback_days: u32,
    /// Charges posted in the look-back window.
    pub lookback_charges: Money,
    /// Collections ÷ (charges − contractual adjustments).
    pub net_collection_rate: AmountRate,
    /// Collections ÷ charges.
    pub gross_collection_rate: AmountRate,
    /// The claims' balances on `to`.
    pub receivables: Money,
    /// Receivables of claims served more than 90 days before `to`, and their share.
    pub ar_over_90: AmountRate,
    /// Receivables by age.
    pub aging: Vec<AgingAmount>,
    /// Average days to payment, by payer.
    pub days_to_payment: Vec<PayerDays>,
    /// Denials by category, largest amount first.
    pub denials_by_category: Vec<CategoryDenials>,
    /// Denials by group and CARC, largest amount first.
    pub denials_by_carc: Vec<CarcDenials>,
    /// Timely-filing write-offs posted in the period.
    pub timely_filing_losses: Money,
    /// The figures month by month.
    pub months: Vec<MonthFigures>,
    /// Claims seen.
    pub claims: u64,
}

/// Why the figures could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KpiError {
    /// The period ends before it starts, or the look-back is zero.
    #[error("the period is empty: {0}")]
    Period(&'static str),
    /// A claim's entries came apart or out of order (entries must come by claim, in ascending
    /// order of claim, and by id within each).
    #[error("entry {entry} is out of order: {why}")]
    Order {
        /// The entry.
        entry: EntryId,
        /// What was expected.
        why: &'static str,
    },
    /// A sum overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// The figures of a period from a slice of entries in any order.
pub fn kpis(entries: &[Entry], request: KpiRequest) -> Result<Kpis, KpiError> {
    let mut order: Vec<&Entry> = entries.iter().collect();
    order.sort_by(|a, b| {
        a.account
            .claim()
            .cmp(&b.account.claim())
            .then(a.id.cmp(&b.id))
    });
    let mut builder = KpiBuilder::new(request)?;
    for entry in order {
        builder.add(entry)?;
    }
    builder.finish()
}
