//! Claim JSON + NUL + prior payer JSON + NUL + the prior payer's decision (an 835, or a JSON
//! prior adjudication: a remittance claim or a coordination of benefits) → `remit::send_on`:
//! never panics; the claim it sends on either validates and is written as an 837, or is
//! refused by `write_837` with the typed error naming its validation errors.
#![no_main]

use chrono::{NaiveDate, NaiveTime};
use libfuzzer_sys::fuzz_target;
use medbill::remit::{PriorAdjudication, PriorPayer};
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

/// The decision: the 835's claim with the claim's patient control number (as the CLI picks
/// it), or a JSON prior adjudication.
fn decision(claim: &Claim, text: &str) -> Option<PriorAdjudication> {
    if text.trim_start().starts_with("ISA") {
        let remittances = medbill::x12::read_835(text.as_bytes()).ok()?;
        let remit = remittances
            .into_iter()
            .flat_map(|r| r.claims)
            .find(|c| c.patient_control_number.as_str() == claim.patient_control_number)?;
        Some(PriorAdjudication::Remittance(Box::new(remit)))
    } else {
        medbill::from_json(text).ok()
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\0');
    let (Some(claim), Some(prior), Some(decided)) = (parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let (Ok(mut claim), Ok(prior)) = (
        Claim::from_json(claim),
        medbill::from_json::<PriorPayer>(prior),
    ) else {
        return;
    };
    let Some(decided) = decision(&claim, decided) else {
        return;
    };
    if medbill::remit::send_on(&mut claim, prior, &decided).is_err() {
        return;
    }
    let findings = claim.validate();
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    let delimiter = findings.iter().any(|f| f.rule == "CLM-VALUE-DELIMITER");
    match write_837(std::slice::from_ref(&claim), &submission(), &envelope()) {
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
});
