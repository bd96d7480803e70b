//! The supervisor's numbers on a small ledger whose every figure is worked by hand from the
//! definitions in `medbill::kpi` (RULES.md §15).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use ledger_support::{d, day_of_books, m};
use medbill::denial::DenialCategory;
use medbill::kpi::{Fact, KpiBuilder, KpiError, KpiRequest, Kpis, kpis};
use medbill::ledger::{AgingBucket, Entry, Ledger, Source};
use rust_decimal::Decimal;

fn pct(text: &str) -> Option<Decimal> {
    Some(text.parse().unwrap())
}

fn year_end(ledger: &Ledger) -> Kpis {
    kpis(
        ledger.entries(),
        KpiRequest::new(d("2026-11-01"), d("2026-12-31")),
    )
    .unwrap()
}

#[test]
fn the_periods_money_and_rates_are_as_worked_by_hand() {
    let k = year_end(&day_of_books());
    assert_eq!(k.claims, 5);
    assert_eq!(k.charges, m("655.00"));
    // 120.00 from Medicare, 30.00 from the patient.
    assert_eq!(k.collections, m("150.00"));
    assert_eq!(k.contractual_adjustments, m("85.00"));
    // 150 ÷ (655 − 85) = 26.3157…%; 150 ÷ 655 = 22.9007…%.
    assert_eq!(k.net_collection_rate.of, m("570.00"));
    assert_eq!(k.net_collection_rate.percent, pct("26.32"));
    assert_eq!(k.gross_collection_rate.percent, pct("22.90"));
    // Written off for CO-29.
    assert_eq!(k.timely_filing_losses, m("80.00"));
}

#[test]
fn claim_rates_count_rejections_denials_and_first_passes() {
    let k = year_end(&day_of_books());
    // Five billed in the period; ENC-4 was rejected by the 277CA.
    assert_eq!((k.clean_claim_rate.count, k.clean_claim_rate.of), (4, 5));
    assert_eq!(k.clean_claim_rate.percent, pct("80.00"));
    // Four first adjudications by the primary; only ENC-1 carried no denial.
    assert_eq!((k.first_pass_rate.count, k.first_pass_rate.of), (1, 4));
    assert_eq!(k.first_pass_rate.percent, pct("25.00"));
    // Three of four adjudications carry a denial (CO-97, OA-18, CO-29; CO-45 and PR are not).
    assert_eq!(
        (k.denial_rate_by_count.count, k.denial_rate_by_count.of),
        (3, 4)
    );
    assert_eq!(k.denial_rate_by_count.percent, pct("75.00"));
    // 130 + 100 + 80 = 310 denied of 245 + 130 + 100 + 80 = 555 adjudicated: 55.855…%.
    assert_eq!(k.denial_rate_by_amount.amount, m("310.00"));
    assert_eq!(k.denial_rate_by_amount.of, m("555.00"));
    assert_eq!(k.denial_rate_by_amount.percent, pct("55.86"));
}

#[test]
fn receivables_age_from_the_date_of_service_and_days_in_ar_average_the_lookback() {
    let k = year_end(&day_of_books());
    // ENC-1: 245 − 120 − 85 − 30 = 10 (the patient); ENC-3 100 (the payer, to work);
    // ENC-4 100 (never adjudicated); ENC-2 and ENC-5 written off.
    assert_eq!(k.receivables, m("210.00"));
    // Served 2026-11-20, 41 days before 12-31.
    let in_bucket = |b: AgingBucket| k.aging.iter().find(|a| a.bucket == b).unwrap().amount;
    assert_eq!(in_bucket(AgingBucket::Days31To60), m("210.00"));
    assert_eq!(in_bucket(AgingBucket::Days0To30), m("0.00"));
    assert_eq!(k.ar_over_90.amount, m("0.00"));
    assert_eq!(k.ar_over_90.percent, pct("0.00"));
    // 90 days back from 12-31 reach 10-03: all 655 charged inside. 210 ÷ (655 ÷ 90) = 28.85…
    assert_eq!(k.lookback_charges, m("655.00"));
    assert_eq!(k.days_in_ar, pct("28.9"));
    // Billed 11-20, paid on the 12-01 check: 11 days.
    assert_eq!(k.days_to_payment.len(), 1);
    assert_eq!(k.days_to_payment[0].payer, "00952");
    assert_eq!(k.days_to_payment[0].payments, 1);
    assert_eq!(k.days_to_payment[0].average_days, "11.0".parse().unwrap());
}

#[test]
fn the_denial_pareto_ranks_categories_and_carcs_by_amount() {
    let k = year_end(&day_of_books());
    let categories: Vec<(DenialCategory, i64, String)> = k
        .denials_by_category
        .iter()
        .map(|c| (c.category, c.count, c.amount.to_string()))
        .collect();
    assert_eq!(
        categories,
        vec![
            (DenialCategory::Bundling, 1, "130.00".to_owned()),
            (DenialCategory::Duplicate, 1, "100.00".to_owned()),
            (DenialCategory::TimelyFiling, 1, "80.00".to_owned()),
        ]
    );
    let carcs: Vec<&str> = k.denials_by_carc.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(carcs, vec!["CO-97", "OA-18", "CO-29"]);
}

#[test]
fn months_split_the_period_by_posting_date() {
    let k = year_end(&day_of_books());
    assert_eq!(k.months.len(), 2);
    let november = &k.months[0];
    assert_eq!(november.month, "2026-11");
    assert_eq!(november.charges, m("655.00"));
    assert_eq!(november.collections, m("0.00"));
    // No adjudication in November: the rate is absent, not 0%.
    assert_eq!(november.denial_rate.of, 0);
    assert_eq!(november.denial_rate.percent, None);
    let december = &k.months[1];
    assert_eq!(december.collections, m("150.00"));
    assert_eq!(december.denial_rate.percent, pct("75.00"));
    // 150 ÷ (0 − 85): no positive base, so no rate.
    assert_eq!(december.net_collection_rate.percent, None);
}

#[test]
fn the_books_as_of_an_earlier_day_are_the_books_of_that_day() {
    let ledger = day_of_books();
    let k = kpis(
        ledger.entries(),
        KpiRequest::new(d("2026-11-01"), d("2026-11-30")),
    )
    .unwrap();
    assert_eq!(k.collections, m("0.00"));
    assert_eq!(k.receivables, m("655.00"));
    assert_eq!(k.denial_rate_by_count.of, 0);
    assert_eq!(k.denial_rate_by_count.percent, None);
    assert_eq!(k.first_pass_rate.percent, None);
    // The rejection of 11-22 is already known.
    assert_eq!(k.clean_claim_rate.percent, pct("80.00"));
}

#[test]
fn streamed_by_claim_the_figures_are_the_same_and_other_orders_are_refused() {
    let ledger = day_of_books();
    let whole = year_end(&ledger);
    let request = KpiRequest::new(d("2026-11-01"), d("2026-12-31"));
    // Entries of no claim first, then claim by claim.
    let mut ordered: Vec<&Entry> = ledger.entries().iter().collect();
    ordered.sort_by(|a, b| {
        a.account
            .claim()
            .cmp(&b.account.claim())
            .then(a.id.cmp(&b.id))
    });
    let mut builder = KpiBuilder::new(request).unwrap();
    for entry in &ordered {
        builder.add(entry).unwrap();
    }
    assert_eq!(builder.finish().unwrap(), whole);
    // As a store keeps them: each entry's fact as bytes and a key per 835 claim.
    let mut builder = KpiBuilder::new(request).unwrap();
    let mut keys: Vec<(String, String, String, u32)> = Vec::new();
    for entry in &ordered {
        let key = match &entry.source {
            Source::Remittance(s) if entry.account.claim().is_some() => s.claim.map(|position| {
                let key = (
                    s.payer.to_string(),
                    s.trace.to_string(),
                    s.set.to_string(),
                    position,
                );
                let index = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                    keys.push(key);
                    keys.len() - 1
                });
                1000 + index as u64
            }),
            _ => None,
        };
        let bytes = Fact::of(entry).to_bytes().unwrap();
        assert!(bytes.len() < 80, "{} bytes", bytes.len());
        let fact = Fact::from_bytes(&bytes).unwrap();
        assert_eq!(fact, Fact::of(entry));
        builder.add_fact(entry.account.claim(), key, &fact).unwrap();
    }
    assert_eq!(builder.finish().unwrap(), whole);
    assert!(Fact::from_bytes(&[0xff, 0xff, 0xff]).is_err());
    // Split in two folds at any claim and merged: the same figures.
    for split in ["ENC-1", "ENC-3", "ENC-5", "ENC-9"] {
        let (mut first, mut second) = (
            KpiBuilder::new(request).unwrap(),
            KpiBuilder::new(request).unwrap(),
        );
        for entry in &ordered {
            match entry.account.claim() {
                Some(claim) if claim >= split => second.add(entry).unwrap(),
                _ => first.add(entry).unwrap(),
            }
        }
        let merged = first.merge(second).unwrap().finish().unwrap();
        assert_eq!(merged, whole, "split at {split}");
    }
    // In posting order the claims' entries interleave: refused, not miscounted.
    let mut builder = KpiBuilder::new(request).unwrap();
    let refused = ledger
        .entries()
        .iter()
        .map(|e| builder.add(e))
        .find(Result::is_err);
    assert!(
        matches!(refused, Some(Err(KpiError::Order { .. }))),
        "{refused:?}"
    );
    assert!(matches!(
        KpiBuilder::new(KpiRequest::new(d("2026-12-31"), d("2026-11-01"))),
        Err(KpiError::Period(_))
    ));
}
