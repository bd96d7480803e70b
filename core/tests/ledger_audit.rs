//! The audit hash chain over the entries, aging as of a date, and the entries' JSON form.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use ledger_support::{books, charged, d, m, remittance};
use medbill::audit::{AuditChain, AuditError, ChainHash};
use medbill::ledger::{AgingBasis, Entry, EntryId, Ledger, Party, PostOptions, aging};
use sha2::{Digest, Sha256};

fn posted_books() -> Ledger {
    let (mut ledger, claims) = books(vec![
        charged("ENC-1", &[("99214", "180.00"), ("83036", "65.00")]),
        charged("ENC-2", &[("99213", "100.00")]),
    ]);
    let remit = remittance(
        "T1",
        "120",
        "CLP*ENC-1*1*245*120*40*MB*ICN1*11*1~\
SVC*HC:99214*180*100**1~CAS*CO*45*50~CAS*PR*1*20**2*10~REF*6R*ENC-1-1~\
SVC*HC:83036*65*20**1~CAS*CO*45*35~CAS*PR*2*10~REF*6R*ENC-1-2~",
    );
    ledger
        .post_remittance(&remit, &claims, &PostOptions::on(d("2026-12-02")))
        .unwrap();
    ledger
}

#[test]
fn each_hash_is_sha256_of_the_previous_hash_and_the_entrys_canonical_json() {
    let ledger = posted_books();
    let mut chain = AuditChain::new();
    let hashes = chain.extend(ledger.entries()).unwrap();
    assert_eq!(chain.length, ledger.len() as u64);
    // Worked by hand: the first link is SHA-256 over 32 zero bytes, the tag and the JSON.
    let first = &ledger.entries()[0];
    let mut hasher = Sha256::new();
    hasher.update([0u8; 32]);
    hasher.update(b"medbill-entry-v1\0");
    hasher.update(serde_json::to_vec(first).unwrap());
    assert_eq!(hashes[0], ChainHash(hasher.finalize().into()));
    assert_eq!(
        serde_json::to_string(first).unwrap(),
        r#"{"id":1,"effective":"2026-11-20","posted":"2026-11-21","account":{"line":{"patient":"PA-ENC-1","claim":"ENC-1","line":0}},"party":{"primary":"00952"},"amount":"180.00","kind":{"charge":{"billed":"2026-11-20"}},"source":"billed"}"#
    );
    assert_eq!(
        AuditChain::verify(ledger.entries(), &hashes, Some(&chain)),
        Ok(chain)
    );
    // A hash reads back from its 64 hex digits.
    let text = hashes[3].to_string();
    assert_eq!(text.len(), 64);
    assert_eq!(text.parse::<ChainHash>().unwrap(), hashes[3]);
}

#[test]
fn an_edit_behind_medbills_back_is_named() {
    let ledger = posted_books();
    let mut chain = AuditChain::new();
    let hashes = chain.extend(ledger.entries()).unwrap();
    // An amount changed in place.
    let mut edited: Vec<Entry> = ledger.entries().to_vec();
    edited[5].amount = m("-1.00");
    assert_eq!(
        AuditChain::verify(&edited, &hashes, None),
        Err(AuditError::Mismatch {
            entry: EntryId(6),
            position: 5
        })
    );
    // An entry deleted with its hash: the next entry no longer links.
    let mut removed = ledger.entries().to_vec();
    removed.remove(2);
    let mut fewer = hashes.clone();
    fewer.remove(2);
    assert_eq!(
        AuditChain::verify(&removed, &fewer, None),
        Err(AuditError::Mismatch {
            entry: EntryId(4),
            position: 2
        })
    );
    // The last entries cut off with their hashes: only the head kept apart tells.
    let cut = &ledger.entries()[..4];
    assert!(AuditChain::verify(cut, &hashes[..4], None).is_ok());
    assert!(matches!(
        AuditChain::verify(cut, &hashes[..4], Some(&chain)),
        Err(AuditError::Head { length: 4 })
    ));
    // The error names positions and ids, never data.
    let error = AuditChain::verify(&edited, &hashes, None).unwrap_err();
    assert_eq!(medbill::ErrorCode::code(&error), "AUDIT_MISMATCH");
    assert!(!error.to_string().contains("ENC-1"));
}

#[test]
fn entries_read_back_from_json_keep_their_hashes() {
    let ledger = posted_books();
    let hashes = AuditChain::new().extend(ledger.entries()).unwrap();
    let json = medbill::to_json(&ledger.entries().to_vec()).unwrap();
    let back: Vec<Entry> = medbill::from_json(&json).unwrap();
    assert_eq!(back, ledger.entries());
    assert!(AuditChain::verify(&back, &hashes, None).is_ok());
    // The books rebuilt from the entries accept them in order, and refuse a gap.
    assert_eq!(
        Ledger::from_entries(back.clone()).unwrap().len(),
        back.len()
    );
    let mut gap = back.clone();
    gap.remove(1);
    assert!(Ledger::from_entries(gap).is_err());
    // A second remittance record of the same payer and trace is refused too.
    let mut twice = back;
    let mut copy = twice.last().unwrap().clone();
    copy.id = EntryId(copy.id.0 + 1);
    twice.push(copy);
    assert!(matches!(
        Ledger::from_entries(twice),
        Err(medbill::ledger::LedgerError::EntryOrder { .. })
    ));
}

/// Aging worked by hand: ENC-1 (date of service 2026-11-20, billed 2026-11-20, paid
/// 2026-12-01) leaves 40.00 with the patient; ENC-2 leaves 100.00 with Medicare.
#[test]
fn aging_buckets_by_service_bill_or_payment_date() {
    let ledger = posted_books();
    let patient = Party::Patient;
    let medicare = Party::Primary("00952".into());
    let row = |report: &medbill::ledger::AgingReport, party: &Party| {
        report
            .rows
            .iter()
            .find(|r| r.party.as_ref() == Some(party))
            .unwrap()
            .buckets
            .map(|b| b.to_string())
    };
    // 2027-01-25 is 66 days after 2026-11-20 and 55 after 2026-12-01.
    let by_service = aging(ledger.entries(), d("2027-01-25"), AgingBasis::DateOfService).unwrap();
    assert_eq!(
        row(&by_service, &patient),
        ["0.00", "0.00", "40.00", "0.00", "0.00"]
    );
    assert_eq!(
        row(&by_service, &medicare),
        ["0.00", "0.00", "100.00", "0.00", "0.00"]
    );
    let by_payment = aging(ledger.entries(), d("2027-01-25"), AgingBasis::LastPayment).unwrap();
    assert_eq!(
        row(&by_payment, &patient),
        ["0.00", "40.00", "0.00", "0.00", "0.00"]
    );
    // ENC-2 was never paid: it ages from its first bill.
    assert_eq!(
        row(&by_payment, &medicare),
        ["0.00", "0.00", "100.00", "0.00", "0.00"]
    );
    assert_eq!(by_payment.total.total, m("140.00"));
    // As of 2026-11-30 the 835 (posted 2026-12-02) is not on the books yet: 345.00 with
    // Medicare, 10 days old.
    let before = aging(ledger.entries(), d("2026-11-30"), AgingBasis::FirstBilled).unwrap();
    assert_eq!(
        row(&before, &medicare),
        ["345.00", "0.00", "0.00", "0.00", "0.00"]
    );
    assert!(
        before
            .rows
            .iter()
            .all(|r| r.party.as_ref() != Some(&patient))
    );
    // 2027-03-25: 125 days after service.
    let late = aging(ledger.entries(), d("2027-03-25"), AgingBasis::DateOfService).unwrap();
    assert_eq!(late.total.buckets[4], m("140.00"));
}
