//! Claim JSON → `write_837` → `read_837`: whatever the writer accepts, the reader reads.
#![no_main]

use chrono::{NaiveDate, NaiveTime};
use libfuzzer_sys::fuzz_target;
use medbill::Claim;
use medbill::x12::claims::Contact;
use medbill::x12::{Envelope, Submission, Usage, read_837, write_837};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(claim) = Claim::from_json(text) else {
        return;
    };
    let submission = Submission {
        submitter_name: "SUBMITTER".into(),
        submitter_id: "S1".into(),
        contact: Contact {
            name: "EDI".into(),
            phone: Some("5555550100".into()),
            email: None,
        },
        receiver_name: "RECEIVER".into(),
        receiver_id: "R1".into(),
        first_control_number: 1,
        reference_id: "REF1".into(),
    };
    let envelope = Envelope {
        sender_qualifier: "ZZ".into(),
        sender_id: "SENDER".into(),
        receiver_qualifier: "ZZ".into(),
        receiver_id: "RECEIVER".into(),
        application_sender: None,
        application_receiver: None,
        interchange_control_number: 1,
        group_control_number: 1,
        date: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date"),
        time: NaiveTime::from_hms_opt(9, 30, 0).expect("a valid time"),
        usage: Usage::Test,
        acknowledgment_requested: false,
        delimiters: None,
        line_breaks: false,
    };
    let Ok(bytes) = write_837(&[claim], &submission, &envelope) else {
        return;
    };
    let transactions = read_837(&bytes).expect("what write_837 writes, read_837 reads");
    assert_eq!(transactions.len(), 1);
});
