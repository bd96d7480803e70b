//! One patient account's part of the books, read by its indexes: the same entries as the whole
//! books filtered, the claims charged to it, and a statement made from them.
//!
//! The sample 835 leaves PA-100 owing 40.00 on BK-1 (PR 20 + 10 + 10); PA-200's BK-2 was
//! denied CO-97 (nothing owed by the patient).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use medbill::Money;
use medbill::ledger::{ChargedClaim, PatientPaymentRequest, PostOptions};
use medbill::statement::{StatementOptions, statement};
use medbill_store::Books;

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(relative)
}

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

#[test]
fn a_patients_entries_and_claims_are_read_by_index_and_make_its_statement() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = Books::init(&dir.path().join("books.sqlite")).unwrap();
    let claims: Vec<ChargedClaim> =
        medbill::from_json(&std::fs::read_to_string(data("books/claims.json")).unwrap()).unwrap();
    books.charge(&claims, day(11, 20), day(12, 1)).unwrap();
    let file = std::fs::read(data("books/remittance.835")).unwrap();
    books
        .post_835(&file[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    for (claim, amount) in [(Some("BK-1"), "10.00"), (None, "5.00")] {
        books
            .patient_payment(&PatientPaymentRequest {
                patient: "PA-100".into(),
                claim: claim.map(str::to_owned),
                amount: amount.parse().unwrap(),
                received: day(12, 3),
                posted: day(12, 3),
                check: None,
            })
            .unwrap();
    }
    let mut all = Vec::new();
    books
        .for_each_entry(|entry, _| {
            all.push(entry.clone());
            Ok(())
        })
        .unwrap();
    let expected: Vec<_> = all
        .into_iter()
        .filter(|e| e.account.patient() == Some("PA-100"))
        .collect();
    let entries = books.patient_entries("PA-100").unwrap();
    assert_eq!(entries, expected);
    assert!(books.patient_entries("PA-999").unwrap().is_empty());

    let mine = books.patient_claims("PA-100").unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].claim.patient_control_number, "BK-1");
    assert_eq!(
        books
            .charged_claim("BK-2")
            .unwrap()
            .map(|c| c.patient_account),
        Some("PA-200".to_owned())
    );
    assert!(books.charged_claim("BK-9").unwrap().is_none());

    // 40.00 owed on BK-1, 10.00 paid on it, 5.00 kept as credit: 25.00 due.
    let s = statement(
        "PA-100",
        &entries,
        mine.as_slice(),
        &StatementOptions::on(day(12, 3)),
    )
    .unwrap();
    assert_eq!(s.totals.owed_on_visits, "30.00".parse::<Money>().unwrap());
    assert_eq!(s.totals.amount_due, "25.00".parse::<Money>().unwrap());
}
