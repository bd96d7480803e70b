//! Shared by the fuzz targets that end in an 837: a fixed submission and envelope, and the
//! check that `write_837` agrees with `Claim::validate`. Included with `#[path]` (cargo-fuzz
//! targets are separate binaries).
#![allow(dead_code, reason = "each target uses what it needs")]

use chrono::{NaiveDate, NaiveTime};
use medbill::x12::claims::Contact;
use medbill::x12::{Envelope, Submission, Usage, Write837Error, WriteError, read_837, write_837};
use medbill::{Claim, Severity};

pub fn submission() -> Submission {
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

pub fn envelope() -> Envelope {
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

/// Writes the claim and checks the writer agrees with `Claim::validate`: written (and read
/// back) exactly when validation finds no error; refused naming every error; refused for a
/// delimiter only when validation warned of one.
pub fn write_agrees_with_validate(claim: &Claim) {
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
            assert_eq!(refused.len(), 1);
            let expected: Vec<_> = findings
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            assert_eq!(refused[0].errors, expected, "the refusal names every error");
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
