//! Encounter JSON + NUL + practice JSON → `prepare_claim`: never panics; a prepared claim
//! without validation errors is writable as an 837 (unless its data holds a standard
//! delimiter, which `Claim::validate` warns of), and what is written reads back.
#![no_main]

use chrono::{NaiveDate, NaiveTime};
use libfuzzer_sys::fuzz_target;
use medbill::claim::{Encounter, Practice};
use medbill::x12::claims::Contact;
use medbill::x12::{Envelope, Submission, Usage, Write837Error, WriteError, read_837, write_837};
use medbill::{Claim, Severity};

fn submission() -> Submission {
    Submission {
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
    }
}

fn envelope() -> Envelope {
    Envelope {
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
    }
}

/// Writes the claim and checks the writer agrees with `Claim::validate`.
fn write_agrees_with_validate(claim: &Claim) {
    let findings = claim.validate();
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    let delimiter = findings.iter().any(|f| f.rule == "CLM-VALUE-DELIMITER");
    match write_837(std::slice::from_ref(claim), &submission(), &envelope()) {
        Ok(bytes) => {
            assert!(!errors, "written despite validation errors: {findings:?}");
            let transactions = read_837(&bytes).expect("what write_837 writes, read_837 reads");
            let read: usize = transactions.iter().map(|t| t.claims.len()).sum();
            assert_eq!(read, 1, "the written claim reads back");
        }
        Err(Write837Error::Invalid(refused)) => {
            assert!(errors, "refused without validation errors: {refused:?}");
        }
        Err(Write837Error::Writer(WriteError::Delimiter { .. })) => {
            assert!(
                !errors && delimiter,
                "a delimiter refusal validate did not warn of"
            );
        }
        Err(other) => panic!("validation errors: {errors}; the writer refused: {other}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(2, '\0');
    let (Some(encounter), Some(practice)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Ok(encounter), Ok(practice)) = (
        medbill::from_json::<Encounter>(encounter),
        medbill::from_json::<Practice>(practice),
    ) else {
        return;
    };
    if let Ok(claim) = medbill::prepare_claim(&encounter, &practice) {
        write_agrees_with_validate(&claim);
    }
});
