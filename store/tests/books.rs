//! The SQLite books: posting whole or not at all, idempotency, the schema's own constraints,
//! the audit chain against edits made behind medbill's back, reports read in chunks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use medbill::Money;
use medbill::audit::AuditError;
use medbill::ledger::{
    AgingBasis, AsOf, ChargedClaim, EntryId, Ledger, Party, PatientPaymentRequest, PostOptions,
    SuspenseReason,
};
use medbill_store::{AccountReport, Books, StoreError};

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(relative)
}

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

fn money(text: &str) -> Money {
    text.parse().unwrap()
}

fn claims() -> Vec<ChargedClaim> {
    medbill::from_json(&std::fs::read_to_string(data("books/claims.json")).unwrap()).unwrap()
}

fn sample_835() -> Vec<u8> {
    std::fs::read(data("books/remittance.835")).unwrap()
}

/// Books with the sample claims charged on 2026-12-01.
fn charged() -> (tempfile::TempDir, Books) {
    let dir = tempfile::tempdir().unwrap();
    let mut books = Books::init(&dir.path().join("books.sqlite")).unwrap();
    let report = books.charge(&claims(), day(11, 20), day(12, 1)).unwrap();
    assert_eq!((report.claims, report.entries), (2, 3));
    assert_eq!(report.charged, money("375.00"));
    (dir, books)
}

fn claim_balance(books: &Books, claim: &str) -> medbill::ledger::ClaimBalance {
    match books.account(claim, AsOf::all()).unwrap() {
        Some(AccountReport::Claim(c)) => c,
        other => panic!("{claim}: {other:?}"),
    }
}

#[test]
fn posting_the_sample_835_moves_the_patients_share_to_the_patient_and_writes_off_the_rest() {
    let (_dir, mut books) = charged();
    let report = books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    assert_eq!(report.claims, 2);
    assert_eq!(report.outcomes["paid"], 1);
    assert_eq!(report.outcomes["denied"], 1);
    // BK-1: lines 100 + 20 paid; CO-45 50 + 35 written off; PR 20 + 10 + 10 to the patient.
    let bk1 = claim_balance(&books, "BK-1");
    assert_eq!(bk1.balance.charges, money("245.00"));
    assert_eq!(bk1.balance.payments, money("120.00"));
    assert_eq!(bk1.balance.adjustments, money("85.00"));
    assert_eq!(bk1.balance.balance, money("40.00"));
    assert_eq!(bk1.parties.len(), 2, "{:?}", bk1.parties);
    let patient = bk1
        .parties
        .iter()
        .find(|p| p.party == Party::Patient)
        .unwrap();
    assert_eq!(patient.balance.balance, money("40.00"));
    // BK-2: denied CO-97, the whole 130 written off.
    let bk2 = claim_balance(&books, "BK-2");
    assert_eq!(bk2.balance.adjustments, money("130.00"));
    assert_eq!(bk2.balance.balance, Money::ZERO);
    // The payer announced 120.50: the claims' 120 and 0.50 of interest (PLB L6) to clearing.
    let totals = books.totals(AsOf::all()).unwrap();
    assert_eq!(totals.receivables.balance, money("40.00"));
    assert_eq!(totals.payers.len(), 1);
    assert_eq!(totals.payers[0].balance, money("120.50"));
    assert_eq!(totals.clearing[0].balance, money("-0.50"));
    assert_eq!(totals.suspense, Money::ZERO);
    // 3 charges; BK-1: 2 payments, 2 CO, 3 PR moved (2 entries each); BK-2: 1 CO; 1 PLB; the
    // remittance record.
    assert_eq!(report.entries, 13);
    assert_eq!(books.verify().unwrap().length, 16);
}

#[test]
fn posting_the_same_835_again_changes_nothing_and_says_so() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let before = books.verify().unwrap();
    let again = books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 3)))
        .unwrap();
    assert!(again.sets[0].already_posted);
    assert_eq!(again.entries, 0);
    assert_eq!(again.outcomes["alreadyPosted"], 2);
    assert_eq!(books.verify().unwrap(), before);
}

#[test]
fn a_file_whose_second_set_is_refused_leaves_nothing_of_the_first() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let before = books.verify().unwrap();
    // Two sets: a new trace number paying nothing of note, then the sample's trace number
    // with another amount (a different 835 reusing it).
    let text = String::from_utf8(sample_835()).unwrap();
    let start = text.find("ST*835").unwrap();
    let end = text.find("GE*").unwrap();
    let set = &text[start..end];
    let first = set
        .replace("*0001~", "*0002~")
        .replace("EFT20261201", "EFT20261202")
        .replace("CLP*BK-1*1*245*120*40", "CLP*BK-9*1*245*120*40");
    let second = set.replace("ICNBK2", "ICNBK2X");
    let file = format!(
        "{}{first}{second}{}",
        &text[..start],
        &text[end..].replace("GE*1*", "GE*2*")
    );
    let error = books
        .post_835(file.as_bytes(), &PostOptions::on(day(12, 3)))
        .unwrap_err();
    assert!(
        matches!(error, StoreError::Ledger(medbill::LedgerError::TraceReused)),
        "{error}"
    );
    assert_eq!(books.verify().unwrap(), before);
    assert!(books.suspense().unwrap().is_empty());
}

#[test]
fn charging_a_file_is_all_or_nothing_and_names_the_claim_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = Books::init(&dir.path().join("books.sqlite")).unwrap();
    let mut list = claims();
    list.push(list[0].clone());
    let error = books.charge(&list, day(11, 20), day(12, 1)).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::Charge {
                position: 2,
                source: medbill::LedgerError::AlreadyCharged
            }
        ),
        "{error}"
    );
    assert_eq!(books.verify().unwrap().length, 0);
    let stored: i64 = books
        .connection()
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0);
}

#[test]
fn the_schema_refuses_duplicates_inserted_behind_the_codes_back() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let conn = books.connection();
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(conn);
    // A second remittance record for the same payer and trace, with the next id.
    let copy = |id_sql: &str, reverses_sql: &str, kind_filter: &str| {
        format!(
            "INSERT INTO entries (id, prev, kind, claim, patient, source, trace_payer, trace, \
             reverses, body, hash) \
             SELECT {id_sql}, {id_sql} - 1, kind, claim, patient, source, trace_payer, trace, \
             {reverses_sql}, body, hash FROM entries WHERE {kind_filter} LIMIT 1"
        )
    };
    let next = "(SELECT max(id) + 1 FROM entries)";
    let error = conn
        .execute(&copy(next, "reverses", "kind = 'remittance'"), [])
        .unwrap_err();
    assert!(
        error.to_string().contains("UNIQUE constraint failed"),
        "{error}"
    );
    // An id out of sequence.
    let error = conn
        .execute(
            &copy(
                "(SELECT max(id) + 2 FROM entries)",
                "NULL",
                "kind = 'providerAdjustment'",
            ),
            [],
        )
        .unwrap_err();
    assert!(error.to_string().contains("FOREIGN KEY"), "{error}");
    // … nor one that names a previous entry other than the one just before it.
    let error = conn
        .execute(
            "INSERT INTO entries (id, prev, kind, body, hash) \
             SELECT max(id) + 1, max(id) - 1, 'refund', '{}', zeroblob(32) FROM entries",
            [],
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("CHECK constraint failed"),
        "{error}"
    );
    // Two reversals of one entry: the first goes in (behind the code's back), the second not.
    let plb = "kind = 'providerAdjustment'";
    conn.execute(&copy(next, "1", plb), []).unwrap();
    let error = conn.execute(&copy(next, "1", plb), []).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("UNIQUE constraint failed: entries.reverses"),
        "{error}"
    );
    // A reversal of an entry that does not exist.
    let error = conn.execute(&copy(next, "999", plb), []).unwrap_err();
    assert!(error.to_string().contains("FOREIGN KEY"), "{error}");
    // Entries are never updated or deleted.
    let error = conn
        .execute("UPDATE entries SET claim = 'BK-2' WHERE id = 1", [])
        .unwrap_err();
    assert!(error.to_string().contains("kept forever"), "{error}");
    let error = conn
        .execute("DELETE FROM entries WHERE id = 2", [])
        .unwrap_err();
    assert!(error.to_string().contains("kept forever"), "{error}");
    assert_eq!(count(conn), before + 1);
    // The row slipped in (a copy of another entry's body) is not the chain's: verify names it.
    let error = books.verify().unwrap_err();
    assert!(
        matches!(error, StoreError::Corrupt { entry, .. } if entry as i64 == before + 1),
        "{error}"
    );
}

#[test]
fn verify_names_the_first_entry_edited_behind_medbills_back() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    assert_eq!(books.verify().unwrap().length, 16);
    let conn = books.connection();
    conn.execute_batch("DROP TRIGGER entries_never_updated; DROP TRIGGER entries_never_deleted;")
        .unwrap();
    // Entry 5 is BK-1 line 0's CO-45 write-off (−50.00): make it −5.00 in body and column.
    let body: String = conn
        .query_row("SELECT body FROM entries WHERE id = 5", [], |r| r.get(0))
        .unwrap();
    assert!(body.contains("\"amount\":\"-50.00\""), "{body}");
    conn.execute(
        "UPDATE entries SET body = replace(body, '\"amount\":\"-50.00\"', '\"amount\":\"-5.00\"') WHERE id = 5",
        [],
    )
    .unwrap();
    let error = books.verify().unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::Audit(AuditError::Mismatch {
                entry: EntryId(5),
                position: 4
            })
        ),
        "{error}"
    );
    assert!(error.to_string().contains("entry 5"), "{error}");
}

#[test]
fn verify_names_an_entry_whose_indexed_columns_were_edited_and_a_chain_cut_short() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let conn = books.connection();
    conn.execute_batch("DROP TRIGGER entries_never_updated; DROP TRIGGER entries_never_deleted;")
        .unwrap();
    conn.execute("UPDATE entries SET claim = 'BK-2' WHERE id = 4", [])
        .unwrap();
    let error = books.verify().unwrap_err();
    assert!(
        matches!(error, StoreError::Corrupt { entry: 4, .. }),
        "{error}"
    );
    conn.execute("UPDATE entries SET claim = 'BK-1' WHERE id = 4", [])
        .unwrap();
    assert_eq!(books.verify().unwrap().length, 16);
    // The last entry removed: every remaining hash matches, but the head kept apart does not.
    conn.execute("DELETE FROM entries WHERE id = 16", [])
        .unwrap();
    let error = books.verify().unwrap_err();
    assert!(
        matches!(error, StoreError::Audit(AuditError::Head { length: 15 })),
        "{error}"
    );
}

/// The KPIs read the facts kept beside the entries: a fact edited behind medbill's back is
/// named by verify, and one missing too.
#[test]
fn verify_names_a_kpi_fact_edited_or_missing() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let conn = books.connection();
    conn.execute_batch(
        "DROP TRIGGER kpi_facts_never_updated; DROP TRIGGER kpi_facts_never_deleted;",
    )
    .unwrap();
    let kept: Vec<u8> = conn
        .query_row("SELECT fact FROM kpi_facts WHERE id = 6", [], |r| r.get(0))
        .unwrap();
    let other: Vec<u8> = conn
        .query_row("SELECT fact FROM kpi_facts WHERE id = 7", [], |r| r.get(0))
        .unwrap();
    conn.execute("UPDATE kpi_facts SET fact = ?1 WHERE id = 6", [&other])
        .unwrap();
    let error = books.verify().unwrap_err();
    assert!(
        matches!(error, StoreError::Corrupt { entry: 6, .. }),
        "{error}"
    );
    conn.execute("UPDATE kpi_facts SET fact = ?1 WHERE id = 6", [&kept])
        .unwrap();
    assert_eq!(books.verify().unwrap().length, 16);
    conn.execute("DELETE FROM kpi_facts WHERE id = 9", [])
        .unwrap();
    let error = books.verify().unwrap_err();
    assert!(
        matches!(error, StoreError::Corrupt { entry: 9, .. }),
        "{error}"
    );
}

/// Read on two threads (two ranges of claims, merged) or one, the KPIs are the same, and
/// they are the core's over the same entries.
#[test]
fn kpis_read_on_two_threads_equal_one_thread_and_the_core() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let request = medbill::kpi::KpiRequest::new(day(11, 1), day(12, 31));
    let one = books.kpis(request).unwrap();
    books.set_kpi_threads_from(0);
    let two = books.kpis(request).unwrap();
    assert_eq!(one, two);
    let mut entries = Vec::new();
    books
        .for_each_entry(|entry, _| {
            entries.push(entry.clone());
            Ok(())
        })
        .unwrap();
    assert_eq!(one, medbill::kpi::kpis(&entries, request).unwrap());
    assert_eq!(one.claims, 2);
}

/// Books made before the KPI facts (schema version 1) get them when next opened, and their
/// KPIs are those of books made with them.
#[test]
fn books_from_before_the_kpi_facts_get_them_when_opened() {
    let (dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let request = medbill::kpi::KpiRequest::new(day(11, 1), day(12, 31));
    let expected = books.kpis(request).unwrap();
    let conn = books.connection();
    conn.execute_batch(
        "DROP TABLE kpi_facts; DROP TABLE kpi_facts_pending; PRAGMA user_version = 1;",
    )
    .unwrap();
    let path = conn.path().unwrap().to_owned();
    drop(books);
    let reopened = Books::open(std::path::Path::new(&path)).unwrap();
    assert_eq!(reopened.kpis(request).unwrap(), expected);
    assert_eq!(reopened.verify().unwrap().length, 16);
    drop(dir);
}

#[test]
fn an_unknown_claim_waits_in_suspense_until_matched_to_the_claim_charged() {
    let (_dir, mut books) = charged();
    // The payer sent BK-1 under a patient control number the books do not know.
    let file = String::from_utf8(sample_835())
        .unwrap()
        .replace("CLP*BK-1*", "CLP*BK-1X*");
    let report = books
        .post_835(file.as_bytes(), &PostOptions::on(day(12, 2)))
        .unwrap();
    assert_eq!(report.outcomes["suspense"], 1);
    let held = books.suspense().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].amount, money("-120.00"));
    match &held[0].kind {
        medbill::ledger::EntryKind::Suspense(item) => {
            assert_eq!(item.reason, SuspenseReason::ClaimNotFound)
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        books.totals(AsOf::all()).unwrap().suspense,
        money("-120.00")
    );
    let posting = books
        .match_suspense(held[0].id, "BK-1", None, &PostOptions::on(day(12, 3)))
        .unwrap();
    assert!(!posting.entries.is_empty());
    assert!(books.suspense().unwrap().is_empty());
    assert_eq!(books.totals(AsOf::all()).unwrap().suspense, Money::ZERO);
    assert_eq!(
        claim_balance(&books, "BK-1").balance.balance,
        money("40.00")
    );
    books.verify().unwrap();
}

#[test]
fn a_patient_payment_pays_the_patients_share_of_the_claim() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    let entries = books
        .patient_payment(&PatientPaymentRequest {
            patient: "PA-100".into(),
            claim: Some("BK-1".into()),
            amount: money("50.00"),
            received: day(12, 4),
            posted: day(12, 4),
            check: Some("1001".into()),
        })
        .unwrap();
    // 30.00 to line 0, 10.00 to line 1, the 10.00 left as a credit on the patient account.
    let amounts: Vec<Money> = entries.iter().map(|e| e.amount).collect();
    assert_eq!(amounts, [money("-30.00"), money("-10.00"), money("-10.00")]);
    match books.account("PA-100", AsOf::all()).unwrap() {
        Some(AccountReport::Patient { patient, claims }) => {
            assert_eq!(patient.balance.balance, money("-10.00"));
            assert_eq!(patient.unapplied.balance, money("-10.00"));
            assert_eq!(claims.len(), 1);
            assert_eq!(claims[0].balance.balance, Money::ZERO);
        }
        other => panic!("{other:?}"),
    }
    assert!(books.account("PA-999", AsOf::all()).unwrap().is_none());
    books.verify().unwrap();
}

#[test]
fn reports_read_in_chunks_equal_the_cores_over_all_entries() {
    let (_dir, mut books) = charged();
    books
        .post_835(&sample_835()[..], &PostOptions::on(day(12, 2)))
        .unwrap();
    books
        .patient_payment(&PatientPaymentRequest {
            patient: "PA-100".into(),
            claim: None,
            amount: money("15.00"),
            received: day(12, 4),
            posted: day(12, 4),
            check: None,
        })
        .unwrap();
    // Every entry, in order, from the export.
    let mut out = Vec::new();
    books.export(&mut out).unwrap();
    let exported: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let entries: Vec<medbill::Entry> = exported["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| serde_json::from_value(e["entry"].clone()).unwrap())
        .collect();
    let ledger = Ledger::from_entries(entries.clone()).unwrap();
    assert_eq!(ledger.len(), 17);
    let whole = medbill::ledger::balances(&entries, AsOf::all()).unwrap();
    for size in [1, 2, 3, 5, 100] {
        books.set_chunk(size);
        let totals = books.totals(AsOf::all()).unwrap();
        assert_eq!(totals.receivables, whole.receivables, "chunk {size}");
        assert_eq!(totals.parties, whole.parties, "chunk {size}");
        assert_eq!(totals.payers, whole.payers, "chunk {size}");
        assert_eq!(totals.clearing, whole.clearing, "chunk {size}");
        assert_eq!(totals.suspense, whole.suspense, "chunk {size}");
        assert_eq!(totals.entries, 17);
        for basis in [
            AgingBasis::DateOfService,
            AgingBasis::FirstBilled,
            AgingBasis::LastPayment,
        ] {
            let aged = books.aging(day(12, 31), basis).unwrap();
            assert_eq!(
                aged,
                medbill::ledger::aging(&entries, day(12, 31), basis).unwrap(),
                "chunk {size}"
            );
        }
    }
    // As of the day before posting: only the charges.
    let before = books.totals(AsOf::posted(day(12, 1))).unwrap();
    assert_eq!(before.receivables.balance, money("375.00"));
    assert_eq!(before.entries, 3);
    // The exported chain is the stored one.
    assert_eq!(exported["chain"]["length"], 17);
    assert_eq!(
        exported["chain"]["head"].as_str().unwrap(),
        books.verify().unwrap().head.to_string()
    );
}

#[test]
fn books_from_a_newer_medbill_or_no_books_at_all_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.sqlite");
    assert!(matches!(
        Books::open(&missing).unwrap_err(),
        StoreError::NotFound { .. }
    ));
    let foreign = dir.path().join("foreign.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert!(matches!(
        Books::open(&foreign).unwrap_err(),
        StoreError::NotBooks { .. }
    ));
    let newer = dir.path().join("newer.sqlite");
    Books::init(&newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    assert!(matches!(
        Books::open(&newer).unwrap_err(),
        StoreError::Schema(medbill_store::SchemaError::Newer { found: 99, .. })
    ));
    // Opening books again keeps them as they were.
    let path = dir.path().join("books.sqlite");
    let mut books = Books::init(&path).unwrap();
    books.charge(&claims(), day(11, 20), day(12, 1)).unwrap();
    let head = books.verify().unwrap();
    drop(books);
    let books = Books::open(&path).unwrap();
    assert_eq!(books.verify().unwrap(), head);
    let mode: String = books
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let keys: i64 = books
        .connection()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(keys, 1);
}

/// Every entry of the books, in order, from the export.
fn exported_entries(books: &Books) -> Vec<medbill::Entry> {
    let mut out = Vec::new();
    books.export(&mut out).unwrap();
    let exported: serde_json::Value = serde_json::from_slice(&out).unwrap();
    exported["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| serde_json::from_value(e["entry"].clone()).unwrap())
        .collect()
}

#[test]
fn a_payment_reversed_and_corrected_in_the_same_file_posts_as_the_core_posts_it() {
    // One file pays BK-1, reverses that payment (CLP02 22, the same payer claim number) and
    // posts its correction, then denies BK-2. The books ask themselves about entries still
    // being encoded on the posting's second thread (the payment the reversal undoes) and
    // remember what the reversal left for the correction that follows: the entries must be
    // exactly those the core posts from entries held in memory.
    let sample = String::from_utf8(sample_835()).unwrap();
    let paid = "CLP*BK-1*1*245*120*40*MB*ICNBK1*11*1~";
    let at = sample.find(paid).unwrap();
    let denied = sample.find("CLP*BK-2").unwrap();
    let original = &sample[at..denied];
    let reversal = "CLP*BK-1*22*-245*-120*-40*MB*ICNBK1*11*1~\nNM1*QC*1*DOE*JANE****MI*XJH123456789~\n\
SVC*HC:99214*-180*-100**-1~\nDTM*472*20261120~\nCAS*CO*45*-50~\nCAS*PR*1*-20**2*-10~\nREF*6R*BK-1-1~\nAMT*B6*-130~\n\
SVC*HC:83036*-65*-20**-1~\nDTM*472*20261120~\nCAS*CO*45*-35~\nCAS*PR*2*-10~\nREF*6R*BK-1-2~\nAMT*B6*-30~\n";
    let correction = "CLP*BK-1*1*245*110*40*MB*ICNBK1C*11*1~\nNM1*QC*1*DOE*JANE****MI*XJH123456789~\n\
SVC*HC:99214*180*90**1~\nDTM*472*20261120~\nCAS*CO*45*60~\nCAS*PR*1*20**2*10~\nREF*6R*BK-1-1~\nAMT*B6*120~\n\
SVC*HC:83036*65*20**1~\nDTM*472*20261120~\nCAS*CO*45*35~\nCAS*PR*2*10~\nREF*6R*BK-1-2~\nAMT*B6*30~\n";
    let mut text = format!(
        "{}{original}{reversal}{correction}{}",
        &sample[..at],
        &sample[denied..]
    )
    .replacen("BPR*I*120.5*", "BPR*I*110.5*", 1);
    // SE01 counts the segments added.
    let added = (reversal.matches('~').count() + correction.matches('~').count()) as u32;
    let se = text.find("SE*").unwrap();
    let count: u32 = text[se + 3..].split('*').next().unwrap().parse().unwrap();
    text.replace_range(
        se..se + 3 + count.to_string().len(),
        &format!("SE*{}", count + added),
    );
    let remittances = medbill::x12::read_835(text.as_bytes()).unwrap();
    assert_eq!(remittances.len(), 1);
    assert!(
        remittances[0].findings.iter().all(|f| !f.is_error()),
        "{:?}",
        remittances[0].findings
    );

    let (_dir, mut books) = charged();
    let options = PostOptions::on(day(12, 2));
    let report = books.post_835(text.as_bytes(), &options).unwrap();
    assert_eq!(report.claims, 4);
    assert_eq!(report.outcomes.get("reversed").copied(), Some(1));

    let charges =
        medbill::ledger::charge_claims(&claims(), Vec::new(), day(11, 20), day(12, 1)).unwrap();
    let posted =
        medbill::ledger::post_to_entries(&remittances[0], claims(), charges.clone(), &options)
            .unwrap();
    let mut expected = charges;
    expected.extend(posted.posting.entries);
    let stored = exported_entries(&books);
    assert_eq!(stored.len(), expected.len());
    for (stored, expected) in stored.iter().zip(&expected) {
        assert_eq!(stored, expected);
    }
    // The chain the second thread hashed verifies, and posting again changes nothing.
    let chain = books.verify().unwrap();
    assert_eq!(chain.length, expected.len() as u64);
    let again = books.post_835(text.as_bytes(), &options).unwrap();
    assert_eq!(again.entries, 0);
    assert_eq!(books.verify().unwrap(), chain);
    // BK-1 ends as the correction alone left it: 110 paid of 245, 95 written off, 40 the
    // patient's.
    let bk1 = claim_balance(&books, "BK-1");
    assert_eq!(bk1.balance.payments, money("110.00"), "{bk1:?}");
    assert_eq!(bk1.balance.adjustments, money("95.00"), "{bk1:?}");
    assert_eq!(bk1.balance.balance, money("40.00"), "{bk1:?}");
}
