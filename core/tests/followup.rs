//! Chasing unpaid claims: the follow-up queue by payer follow-up days, the 276 batch, 277CA
//! answers posted as status entries (and counted by the clean-claim rate), and 277CA / 999
//! rejections turned into a fix list.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use chrono::NaiveTime;
use ledger_support::{books, charged, d, m, remittance};
use medbill::followup::{
    fixes_from_277ca, fixes_from_999, follow_up_queue, post_statuses, status_request,
};
use medbill::kpi::{KpiRequest, kpis};
use medbill::ledger::{ChargedClaims, ClaimIndex, Ledger, PostOptions, StatusEvent};
use medbill::scrub::PayerRules;
use medbill::x12::{Envelope, Organization, Usage, read_276, read_277, read_999, write_276};

/// ENC-1 (245.00) paid on the 12-01 check; ENC-4 (100.00) and ENC-7 (250.00) never
/// answered; all billed 2026-11-20.
fn unanswered() -> (Ledger, ClaimIndex) {
    let (mut ledger, claims) = books(vec![
        charged("ENC-1", &[("99214", "180.00"), ("83036", "65.00")]),
        charged("ENC-4", &[("99213", "100.00")]),
        charged("ENC-7", &[("99215", "250.00")]),
    ]);
    let remit = remittance(
        "T1",
        "160",
        "CLP*ENC-1*1*245*160*0*MB*ICN1*11*1~\
SVC*HC:99214*180*120**1~CAS*CO*45*60~REF*6R*ENC-1-1~\
SVC*HC:83036*65*40**1~CAS*CO*45*25~REF*6R*ENC-1-2~",
    );
    ledger
        .post_remittance(&remit, &claims, &PostOptions::on(d("2026-12-02")))
        .unwrap();
    (ledger, claims)
}

fn envelope() -> Envelope {
    Envelope {
        sender_qualifier: "ZZ".into(),
        sender_id: "RIVERBEND".into(),
        receiver_qualifier: "ZZ".into(),
        receiver_id: "MEDICARE".into(),
        application_sender: None,
        application_receiver: None,
        interchange_control_number: 41,
        group_control_number: 41,
        date: d("2026-12-21"),
        time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        usage: Usage::Test,
        acknowledgment_requested: false,
        delimiters: None,
        line_breaks: false,
    }
}

#[test]
fn unanswered_claims_come_due_after_the_payers_follow_up_days() {
    let (ledger, _) = unanswered();
    // Billed 11-20: 30 days (the default) are up on 12-20, not on 12-19.
    let early = follow_up_queue(ledger.entries(), &[], d("2026-12-19")).unwrap();
    assert!(early.items.is_empty(), "{:?}", early.items);
    let due = follow_up_queue(ledger.entries(), &[], d("2026-12-20")).unwrap();
    let order: Vec<(&str, &str, i64)> = due
        .items
        .iter()
        .map(|i| (i.claim.as_str(), i.payer.as_str(), i.days))
        .collect();
    // The paid claim is not chased; the larger unanswered claim comes first.
    assert_eq!(order, vec![("ENC-7", "00952", 30), ("ENC-4", "00952", 30)]);
    assert_eq!(due.items[0].due, d("2026-12-20"));
    assert_eq!(due.items[0].amount, m("250.00"));
    assert_eq!(due.total, m("350.00"));
    // A payer that wants follow-up after 14 days.
    let pack = PayerRules {
        payer_ids: vec!["00952".into()],
        follow_up_days: Some(14),
        ..PayerRules::default()
    };
    let sooner = follow_up_queue(ledger.entries(), &[pack], d("2026-12-04")).unwrap();
    assert_eq!(sooner.items.len(), 2);
    assert_eq!(sooner.items[0].due, d("2026-12-04"));
}

#[test]
fn the_276_batch_asks_about_each_claim_and_reads_back() {
    let (ledger, claims) = unanswered();
    let due = follow_up_queue(ledger.entries(), &[], d("2026-12-21")).unwrap();
    let receiver = Organization {
        name: "RIVERBEND BILLING".into(),
        id: "RB-ETIN".into(),
    };
    let requests: Vec<_> = due
        .items
        .iter()
        .map(|item| {
            let charged = claims.charged(&item.claim).unwrap();
            status_request(item, &charged, &receiver, "FU-20261221").unwrap()
        })
        .collect();
    let bytes = write_276(&envelope(), &requests).unwrap();
    let back = read_276(&bytes).unwrap();
    assert_eq!(back.len(), 2);
    for (read, sent) in back.iter().zip(&requests) {
        assert!(read.findings.is_empty(), "{:?}", read.findings);
        assert_eq!(&read.request, sent);
    }
    let first = &back[0].request;
    assert_eq!(first.trace_number, "ENC-7");
    assert_eq!(first.patient_control_number.as_deref(), Some("ENC-7"));
    assert_eq!(first.payer.id, "00952");
    assert_eq!(first.charge, Some(m("250.00")));
}

/// A 277CA: ENC-4 rejected (A7, NPI of the billing provider), ENC-7 accepted (A2), and a
/// claim the books do not know.
fn claim_acknowledgment() -> Vec<u8> {
    let body = "ST*277*0001*005010X214~BHT*0085*08*ACK-77*20261122*1200*TH~\
HL*1**20*1~NM1*PR*2*MEDICARE*****PI*00952~TRN*1*ACK-77~DTP*050*D8*20261122~DTP*009*D8*20261122~\
HL*2*1*21*1~NM1*41*2*RIVERBEND BILLING*****46*RB-ETIN~TRN*2*B-1~STC*A1:20*20261122*WQ*600~\
HL*3*2*19*1~NM1*85*2*RIVERBEND CLINIC*****XX*1234567893~\
HL*4*3*PT~NM1*QC*1*DOE*JANE****MI*W123~TRN*2*ENC-4~STC*A7:562:85*20261122*U*100~\
HL*5*3*PT~NM1*QC*1*ROE*RAY****MI*W456~TRN*2*ENC-7~STC*A2:20*20261122*WQ*250~REF*1K*ICN7~\
HL*6*3*PT~NM1*QC*1*POE*AL****MI*W789~TRN*2*ENC-99~STC*A2:20*20261122*WQ*10~";
    let segments = body.matches('~').count() + 1;
    format!(
        "ISA*00*          *00*          *ZZ*MEDICARE       *ZZ*RIVERBEND      *261122*1200*^*00501*000000077*0*T*:~\
GS*HN*MEDICARE*RIVERBEND*20261122*1200*77*X*005010X214~{body}SE*{segments}*0001~GE*1*77~IEA*1*000000077~"
    )
    .into_bytes()
}

#[test]
fn a_277ca_is_posted_as_status_entries_with_its_codes_explained() {
    let (mut ledger, claims) = unanswered();
    let responses = read_277(&claim_acknowledgment()).unwrap();
    assert!(
        responses[0].findings.is_empty(),
        "{:?}",
        responses[0].findings
    );
    let posting = post_statuses(&responses, &claims, &ledger, d("2026-12-03")).unwrap();
    // Two entries: the claims the books know.
    assert_eq!(posting.entries.len(), 2);
    assert!(posting.entries.iter().all(|e| e.amount.is_zero()));
    let updates: Vec<(Option<&str>, bool, StatusEvent)> = posting
        .updates
        .iter()
        .map(|u| (u.claim.as_deref(), u.matched, u.event))
        .collect();
    assert_eq!(
        updates,
        vec![
            (Some("ENC-4"), true, StatusEvent::Rejected),
            (Some("ENC-7"), true, StatusEvent::Accepted),
            (Some("ENC-99"), false, StatusEvent::Accepted),
        ]
    );
    assert_eq!(
        posting.updates[0].explained,
        vec![
            "A7 rejected for invalid information: the entity's NPI is missing or invalid (562), \
             the billing provider (85)"
                .to_owned()
        ]
    );
    assert_eq!(
        posting.updates[1].payer_claim_number.as_deref(),
        Some("ICN7")
    );
    ledger.append_all(posting.entries).unwrap();
    // The rejection counts against the clean-claim rate: 2 of 3 billed were clean.
    let k = kpis(
        ledger.entries(),
        KpiRequest::new(d("2026-11-01"), d("2026-12-31")),
    )
    .unwrap();
    assert_eq!((k.clean_claim_rate.count, k.clean_claim_rate.of), (2, 3));
    // The follow-up queue shows the last status and the payer's claim number.
    let due = follow_up_queue(ledger.entries(), &[], d("2026-12-21")).unwrap();
    let enc7 = due.items.iter().find(|i| i.claim == "ENC-7").unwrap();
    assert_eq!(enc7.payer_claim_number.as_deref(), Some("ICN7"));
    assert_eq!(
        enc7.last_status.as_ref().map(|s| s.event),
        Some(StatusEvent::Accepted)
    );
    // Posting before the books' last day is refused.
    assert!(post_statuses(&responses, &claims, &ledger, d("2026-12-01")).is_err());
}

#[test]
fn rejections_become_a_fix_list_naming_claim_and_field() {
    let responses = read_277(&claim_acknowledgment()).unwrap();
    let fixes = fixes_from_277ca(&responses);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].claim.as_deref(), Some("ENC-4"));
    assert_eq!(fixes[0].path.as_deref(), Some("/billingProvider/npi"));
    assert!(fixes[0].correctable);
    assert!(fixes[0].resend.contains("original claim (frequency 1)"));

    let ack = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*RIVERBEND      *261121*0900*^*00501*000000012*0*T*:~\
GS*FA*CLEARINGHOUSE*RIVERBEND*20261121*0900*12*X*005010X231A1~ST*999*0001*005010X231A1~\
AK1*HC*17*005010X222A1~AK2*837*0001*005010X222A1~IK3*NM1*12*2010BA*8~CTX*CLM01:ENC-4~\
IK4*9*67*6~IK5*R*5~AK9*R*1*1*0~SE*9*0001~GE*1*12~IEA*1*000000012~";
    let acks = read_999(ack.as_bytes()).unwrap();
    let fixes = fixes_from_999(&acks);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].claim.as_deref(), Some("ENC-4"));
    assert_eq!(fixes[0].path.as_deref(), Some("/subscriber/memberId"));
    assert_eq!(fixes[0].source, "999 0001 set 0001");
    assert_eq!(
        fixes[0].said,
        vec![
            "segment NM1 (segment 12 of the set) in loop 2010BA: the segment has element errors"
                .to_owned(),
            "element 09 (data element 67): a character is not allowed".to_owned()
        ]
    );
}
