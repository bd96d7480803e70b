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

use ledger_support::{books, charged, d, m, remittance};
use medbill::denial::DenialCategory;
use medbill::kpi::{KpiBuilder, KpiError, KpiRequest, Kpis, kpis};
use medbill::ledger::{
    Account, AgingBucket, ClaimAccount, Entry, EntryKind, Ledger, LedgerView, Party,
    PatientPaymentRequest, PostOptions, Source, StatusEvent, StatusNote, patient_payment,
};
use rust_decimal::Decimal;

fn pct(text: &str) -> Option<Decimal> {
    Some(text.parse().unwrap())
}

/// Five claims billed 2026-11-20 (posted 11-21), 655.00 charged:
/// - ENC-1 245.00 (99214 180 + 83036 65): paid 120.00 on the 12-01 check, CO-45 85.00,
///   PR 40.00 of which the patient pays 30.00 on 12-03;
/// - ENC-2 130.00: denied CO-97 (bundled), written off;
/// - ENC-3 100.00: denied OA-18 (duplicate), left with the payer;
/// - ENC-4 100.00: rejected by the clearinghouse's 277CA on 11-22, never adjudicated;
/// - ENC-5 80.00: denied CO-29 (timely filing), written off.
fn day_of_books() -> Ledger {
    let (mut ledger, claims) = books(vec![
        charged("ENC-1", &[("99214", "180.00"), ("83036", "65.00")]),
        charged("ENC-2", &[("97110", "130.00")]),
        charged("ENC-3", &[("99213", "100.00")]),
        charged("ENC-4", &[("99213", "100.00")]),
        charged("ENC-5", &[("99212", "80.00")]),
    ]);
    let rejected = Entry {
        id: ledger.next_id(),
        effective: d("2026-11-22"),
        posted: d("2026-11-22"),
        account: Account::Claim(ClaimAccount {
            patient: "PA-ENC-4".into(),
            claim: "ENC-4".into(),
        }),
        party: Party::Primary("00952".into()),
        amount: m("0"),
        kind: EntryKind::Status(Box::new(StatusNote {
            event: StatusEvent::Rejected,
            codes: Vec::new(),
            payer_claim_number: None,
        })),
        source: Source::User(None),
    };
    ledger.append(rejected).unwrap();
    let remit = remittance(
        "T1",
        "120",
        "CLP*ENC-1*1*245*120*40*MB*ICN1*11*1~\
SVC*HC:99214*180*100**1~DTM*472*20261120~CAS*CO*45*50~CAS*PR*1*20**2*10~REF*6R*ENC-1-1~\
SVC*HC:83036*65*20**1~DTM*472*20261120~CAS*CO*45*35~CAS*PR*2*10~REF*6R*ENC-1-2~\
CLP*ENC-2*4*130*0*0*MB*ICN2*11*1~SVC*HC:97110*130*0**1~CAS*CO*97*130~REF*6R*ENC-2-1~\
CLP*ENC-3*4*100*0*0*MB*ICN3*11*1~SVC*HC:99213*100*0**1~CAS*OA*18*100~REF*6R*ENC-3-1~\
CLP*ENC-5*4*80*0*0*MB*ICN5*11*1~SVC*HC:99212*80*0**1~CAS*CO*29*80~REF*6R*ENC-5-1~",
    );
    ledger
        .post_remittance(&remit, &claims, &PostOptions::on(d("2026-12-02")))
        .unwrap();
    let payment = patient_payment(
        &ledger,
        &PatientPaymentRequest {
            patient: "PA-ENC-1".into(),
            claim: Some("ENC-1".into()),
            amount: m("30.00"),
            received: d("2026-12-03"),
            posted: d("2026-12-03"),
            check: Some("1001".into()),
        },
    )
    .unwrap();
    ledger.append_all(payment).unwrap();
    ledger
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
    assert_eq!(k.days_to_payment[0].payer, "1999999999");
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
