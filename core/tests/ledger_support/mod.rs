//! Helpers of the ledger tests: claims charged on the books, and 835s written by hand.

#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test helpers: each test file uses a different part, and fails loudly"
)]

pub mod history;

use std::path::PathBuf;

use chrono::NaiveDate;
use medbill::Claim;
use medbill::Money;
use medbill::claim::ClaimForm;
use medbill::ledger::{
    Account, ChargedClaim, ClaimAccount, ClaimIndex, Entry, EntryKind, Ledger, LedgerView, Party,
    PatientPaymentRequest, PostOptions, Source, StatusEvent, StatusNote, charge, patient_payment,
};
use medbill::remit::Remittance;

pub fn m(text: &str) -> Money {
    text.parse().unwrap()
}

pub fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data")
}

/// A professional claim billed to Medicare Part B (00952), dated 2026-11-20, with these
/// (procedure, charge) lines, line item control numbers `{pcn}-1`, `{pcn}-2`, …
pub fn claim(pcn: &str, lines: &[(&str, &str)]) -> Claim {
    let text = std::fs::read_to_string(data_dir().join("claims/professional-clean.json")).unwrap();
    let mut claim = Claim::from_json(&text).unwrap();
    claim.patient_control_number = pcn.to_owned();
    let ClaimForm::Professional(form) = &mut claim.form else {
        unreachable!()
    };
    let template = form.lines[1].clone();
    form.lines = lines
        .iter()
        .enumerate()
        .map(|(i, (code, charge))| {
            let mut line = template.clone();
            line.procedure = code.parse().unwrap();
            line.charge = m(charge);
            line.line_item_control_number = Some(format!("{pcn}-{}", i + 1));
            line
        })
        .collect();
    claim.total_charge = claim.line_charge_total().unwrap();
    claim
}

pub fn charged(pcn: &str, lines: &[(&str, &str)]) -> ChargedClaim {
    ChargedClaim {
        patient_account: format!("PA-{pcn}"),
        claim: claim(pcn, lines),
        priced: None,
    }
}

/// Books with these claims charged (billed 2026-11-20, posted 2026-11-21).
pub fn books(claims: Vec<ChargedClaim>) -> (Ledger, ClaimIndex) {
    let mut ledger = Ledger::new();
    for c in &claims {
        let entries = charge(c, &ledger, d("2026-11-20"), d("2026-11-21")).unwrap();
        ledger.append_all(entries).unwrap();
    }
    (ledger, ClaimIndex::new(claims))
}

/// An 835 from Medicare (TRN03 1999999999) paying `amount` under `trace`, check dated
/// 2026-12-01, with these CLP loops and PLB segments (each segment ending in `~`).
pub fn remittance_text(trace: &str, amount: &str, body: &str) -> String {
    let segments = body.matches('~').count() + 8;
    let (amount, credit) = match amount.strip_prefix('-') {
        Some(debit) => (debit, "D"),
        None => (amount, "C"),
    };
    format!(
        "ISA*00*          *00*          *ZZ*PAYERSENDER    *ZZ*CLINIC         *261127*1147*^*00501*000000905*0*T*:~\
GS*HP*PAYERSENDER*CLINIC*20261127*1147*1*X*005010X221A1~\
ST*835*0001~\
BPR*I*{amount}*{credit}*CHK************20261201~\
TRN*1*{trace}*1999999999~\
DTM*405*20261130~\
N1*PR*MEDICARE~\
N1*PE*RIVERBEND CLINIC*XX*1234567893~\
LX*1~\
{body}SE*{segments}*0001~GE*1*1~IEA*1*000000905~"
    )
}

pub fn remittance(trace: &str, amount: &str, body: &str) -> Remittance {
    let text = remittance_text(trace, amount, body);
    let mut file = medbill::read_x12(text.as_bytes()).unwrap();
    assert_eq!(file.remittances.len(), 1, "{text}");
    file.remittances.remove(0)
}

/// The balance of `party` on `account`-filtered entries.
pub fn next_id(ledger: &Ledger) -> u64 {
    ledger.next_id().0
}

/// Five claims billed 2026-11-20 (posted 11-21), 655.00 charged:
/// - ENC-1 245.00 (99214 180 + 83036 65): paid 120.00 on the 12-01 check, CO-45 85.00,
///   PR 40.00 of which the patient pays 30.00 on 12-03;
/// - ENC-2 130.00: denied CO-97 (bundled), written off;
/// - ENC-3 100.00: denied OA-18 (duplicate), left with the payer;
/// - ENC-4 100.00: rejected by the clearinghouse's 277CA on 11-22, never adjudicated;
/// - ENC-5 80.00: denied CO-29 (timely filing), written off.
pub fn day_of_books() -> Ledger {
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
