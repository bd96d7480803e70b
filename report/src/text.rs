//! The words and number texts of the report: amounts as money, rates as percentages, the names
//! of the aging buckets and denial categories, and the one-line definitions of the figures
//! (condensed from `medbill::kpi`'s documentation, RULES.md §15).

use medbill::Money;
use medbill::denial::DenialCategory;
use medbill::kpi::{AmountRate, CountRate};
use medbill::ledger::AgingBucket;
use rust_decimal::Decimal;

/// What an absent figure shows.
pub(crate) const ABSENT: &str = "n/a";

/// An amount as money text from its exact decimal: `$1,234.56`, `-$3.50`.
pub(crate) fn money(amount: Money) -> String {
    grouped_dollars(&amount.to_string())
}

/// A value of an amount axis: in whole dollars (`$1,500`) on an axis whose ticks are all
/// whole, else with cents (`$0.20`, `$1.00`).
pub(crate) fn axis_dollars(value: Decimal, whole: bool) -> String {
    let mut value = value.round_dp(2);
    value.rescale(if whole { 0 } else { 2 });
    grouped_dollars(&value.to_string())
}

/// `-1234.5` → `-$1,234.5`: a sign, a dollar sign and the whole part in groups of three.
fn grouped_dollars(plain: &str) -> String {
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let count = whole.chars().count();
    let mut out = format!("{sign}$");
    for (position, c) in whole.chars().enumerate() {
        let left = count.saturating_sub(position);
        if position > 0 && left % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A percentage as the core computed it, with at least two places (`26.32%`, `80.00%`), or
/// `n/a` when absent. Padding with zeros only: a value with more places keeps them all.
pub(crate) fn percent(value: Option<Decimal>) -> String {
    value.map_or_else(
        || ABSENT.to_owned(),
        |mut p| {
            if p.scale() < 2 {
                p.rescale(2);
            }
            format!("{p}%")
        },
    )
}

/// Days to tenths as the core computed them, with at least one place (`11.0`, `28.9`), or
/// `n/a` when absent.
pub(crate) fn days(value: Option<Decimal>) -> String {
    value.map_or_else(
        || ABSENT.to_owned(),
        |mut d| {
            if d.scale() < 1 {
                d.rescale(1);
            }
            d.to_string()
        },
    )
}

/// A count rate's ratio: `3 of 4`.
pub(crate) fn count_ratio(rate: &CountRate) -> String {
    format!("{} of {}", rate.count, rate.of)
}

/// An amount rate's ratio: `$150.00 of $570.00`.
pub(crate) fn amount_ratio(rate: &AmountRate) -> String {
    format!("{} of {}", money(rate.amount), money(rate.of))
}

/// A bucket's name: `0–30 days`.
pub(crate) fn bucket(bucket: AgingBucket) -> &'static str {
    match bucket {
        AgingBucket::Days0To30 => "0–30 days",
        AgingBucket::Days31To60 => "31–60 days",
        AgingBucket::Days61To90 => "61–90 days",
        AgingBucket::Days91To120 => "91–120 days",
        AgingBucket::Over120 => "over 120 days",
    }
}

/// A denial category's name, as a biller says it.
pub(crate) fn category(category: DenialCategory) -> &'static str {
    match category {
        DenialCategory::Eligibility => "Eligibility",
        DenialCategory::Authorization => "Authorization",
        DenialCategory::Coding => "Coding",
        DenialCategory::Bundling => "Bundling",
        DenialCategory::MedicalNecessity => "Medical necessity",
        DenialCategory::TimelyFiling => "Timely filing",
        DenialCategory::Duplicate => "Duplicate",
        DenialCategory::CoordinationOfBenefits => "Coordination of benefits",
        DenialCategory::PatientResponsibility => "Patient responsibility",
        DenialCategory::Contractual => "Contractual",
        DenialCategory::Other => "Other",
    }
}

/// The one-line definitions of the figures, from `medbill::kpi`'s documentation.
pub(crate) mod definition {
    pub(crate) const PERIOD: &str = "A report covers the posting dates from its first to its \
        last day; only entries posted on or before the last day exist for it.";
    pub(crate) const CLAIMS: &str = "The claims whose entries the figures read.";
    pub(crate) const CHARGES: &str =
        "Σ charge entries posted in the period (reversed charges subtract).";
    pub(crate) const COLLECTIONS: &str =
        "Σ payer and patient payments posted in the period, less refunds.";
    pub(crate) const CONTRACTUAL: &str = "Σ CAS amounts written off in the period whose CARC \
        is contractual (CO-45, CO-253, …) in group CO, PI or OA.";
    pub(crate) const CLEAN_CLAIM: &str = "Of the claims first billed in the period, the share \
        accepted on first submission: no 999/277CA rejection, never replaced (7) or voided (8).";
    pub(crate) const FIRST_PASS: &str = "Of the claims whose first adjudication by the primary \
        payer was posted in the period, the share with no denial on it and no rejection before.";
    pub(crate) const DENIAL_COUNT: &str = "Adjudications posted in the period carrying at least \
        one denial ÷ adjudications posted in the period (HFMA MAP AR-5).";
    pub(crate) const DENIAL_AMOUNT: &str =
        "Their denied amounts ÷ the charges of the claims adjudicated.";
    pub(crate) const DAYS_IN_AR: &str = "Receivables on the last day ÷ average daily charges \
        over the look-back days ending on it, to tenths of a day.";
    pub(crate) const NET_COLLECTION: &str =
        "Collections ÷ (charges − contractual adjustments) of the period.";
    pub(crate) const GROSS_COLLECTION: &str = "Collections ÷ charges of the period.";
    pub(crate) const RECEIVABLES: &str = "The claims' balances (lines and claim level, every \
        party) on the last day; unapplied patient money is not a receivable.";
    pub(crate) const AR_OVER_90: &str = "Receivables of claims first served more than 90 days \
        before the last day, and their share of the receivables.";
    pub(crate) const TIMELY_FILING: &str =
        "Amounts written off in the period for timely-filing CARCs (e.g. CO-29).";
    pub(crate) const AGING: &str = "Receivables on the last day by the age of the claim's first \
        date of service.";
    pub(crate) const DAYS_TO_PAYMENT: &str = "For each payer's first payment on a claim posted \
        in the period: days from the claim's first bill to the check or EFT date (else the \
        posting date), averaged per payer to tenths.";
    pub(crate) const PARETO: &str = "Denials posted in the period by category and by group and \
        CARC, largest amount first (a reversal takes back what it undid); the line is the \
        running share of the denied amount.";
    pub(crate) const MONTHS: &str = "The period's figures month by month, by posting date.";
    pub(crate) const RATES: &str = "Rates are percentages to two places, half away from zero; \
        a rate whose denominator is zero is absent (n/a), never 0% or 100%.";
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]

    use super::*;

    #[test]
    fn money_groups_thousands_and_keeps_every_place() {
        let m = |text: &str| money(text.parse().unwrap());
        assert_eq!(m("0"), "$0.00");
        assert_eq!(m("655"), "$655.00");
        assert_eq!(m("1234.5"), "$1,234.50");
        assert_eq!(m("-1234567.125"), "-$1,234,567.125");
        assert_eq!(m("100000"), "$100,000.00");
    }

    #[test]
    fn percentages_show_two_places_at_least() {
        let p = |text: &str| percent(Some(text.parse().unwrap()));
        assert_eq!(p("80"), "80.00%");
        assert_eq!(p("26.32"), "26.32%");
        assert_eq!(p("0"), "0.00%");
        assert_eq!(p("12.345"), "12.345%");
        assert_eq!(percent(None), "n/a");
        assert_eq!(days(Some(Decimal::from(11))), "11.0");
        assert_eq!(days(None), "n/a");
    }

    #[test]
    fn axis_values_drop_cents_only_on_whole_axes() {
        let a = |text: &str, whole| axis_dollars(text.parse().unwrap(), whole);
        assert_eq!(a("1500.00", true), "$1,500");
        assert_eq!(a("0.20", false), "$0.20");
        assert_eq!(a("1", false), "$1.00");
        assert_eq!(a("0.5", false), "$0.50");
        assert_eq!(a("-200", true), "-$200");
    }
}
