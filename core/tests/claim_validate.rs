//! `Claim::validate` on the shared fixtures under `examples/data/claims/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use std::path::PathBuf;

use medbill::{Claim, ClaimForm, Finding, Severity};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/claims")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rules(findings: &[Finding]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect()
}

#[test]
fn clean_professional_claim_has_no_findings() {
    let claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    assert_eq!(claim.validate(), vec![]);
    assert_eq!(claim.line_count(), 2);
}

#[test]
fn clean_institutional_claim_has_no_findings() {
    let claim = Claim::from_json(&fixture("institutional-outpatient.json")).unwrap();
    assert_eq!(claim.validate(), vec![]);
    let ClaimForm::Institutional(form) = &claim.form else {
        panic!("institutional expected")
    };
    assert_eq!(form.type_of_bill(claim.frequency), "0131");
}

#[test]
fn broken_claim_reports_each_rule_at_its_path() {
    let claim = Claim::from_json(&fixture("professional-broken.json")).unwrap();
    let findings = claim.validate();
    assert_eq!(
        rules(&findings),
        vec![
            ("CLM-FREQ-ORIGINAL-REF", "/originalClaimNumber"),
            ("CLM-TOTAL-CHARGE", "/totalCharge"),
            (
                "LINE-POINTER-RANGE",
                "/form/professional/lines/0/diagnosisPointers/1"
            ),
            (
                "LINE-DATES-ORDER",
                "/form/professional/lines/1/serviceDateEnd"
            ),
            (
                "LINE-CONTROL-NUMBER-UNIQUE",
                "/form/professional/lines/1/lineItemControlNumber"
            ),
        ]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert!(
        findings[1].message.contains("245.00"),
        "{}",
        findings[1].message
    );
}

#[test]
fn json_round_trips_exactly() {
    for name in [
        "professional-clean.json",
        "professional-broken.json",
        "institutional-outpatient.json",
    ] {
        let claim = Claim::from_json(&fixture(name)).unwrap();
        let again = Claim::from_json(&serde_json::to_string(&claim).unwrap()).unwrap();
        assert_eq!(claim, again, "{name}");
    }
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let text = fixture("professional-clean.json").replacen(
        "\"frequency\"",
        "\"frequncy\": \"1\", \"frequency\"",
        1,
    );
    let err = Claim::from_json(&text).unwrap_err();
    assert!(err.message.contains("unknown field"), "{err}");
    let text = fixture("professional-clean.json").replacen(
        "\"sex\": \"female\"",
        "\"sex\": \"female\", \"ssn\": \"123\"",
        1,
    );
    let err = Claim::from_json(&text).unwrap_err();
    assert_eq!(err.path, "/subscriber/ssn");
}

#[test]
fn decode_errors_name_the_path_and_hide_patient_data() {
    let text = fixture("professional-clean.json").replacen("\"1958-04-12\"", "\"Jane Doe\"", 1);
    let err = Claim::from_json(&text).unwrap_err();
    assert_eq!(err.path, "/subscriber/birthDate");
    assert!(!err.to_string().contains("Jane"), "{err}");
    let text = fixture("professional-clean.json").replacen("\"99214\"", "\"9921\"", 1);
    let err = Claim::from_json(&text).unwrap_err();
    assert_eq!(err.path, "/form/professional/lines/0/procedure");
    assert!(err.message.contains("must be 5 characters"), "{err}");
}

#[test]
fn amounts_and_units_must_be_strings_not_floats() {
    let mut json: serde_json::Value =
        serde_json::from_str(&fixture("professional-clean.json")).unwrap();
    json["form"]["professional"]["lines"][0]["charge"] = serde_json::json!(180.0);
    assert_eq!(
        Claim::from_json(&json.to_string()).unwrap_err().path,
        "/form/professional/lines/0/charge"
    );
    json["form"]["professional"]["lines"][0]["charge"] = serde_json::json!("180.00");
    json["form"]["professional"]["lines"][0]["quantity"]["units"] = serde_json::json!(1.5);
    assert_eq!(
        Claim::from_json(&json.to_string()).unwrap_err().path,
        "/form/professional/lines/0/quantity/units"
    );
    json["form"]["professional"]["lines"][0]["quantity"]["units"] = serde_json::json!("1.5");
    assert!(Claim::from_json(&json.to_string()).is_ok());
}

#[test]
fn phi_never_shows_in_debug_output() {
    let claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let debug = format!("{claim:?}");
    for secret in ["Doe", "Jane", "XJH123456789", "1958", "Elm"] {
        assert!(!debug.contains(secret), "{secret} leaked into Debug");
    }
}

#[test]
fn replacement_and_void_need_the_original_claim_number() {
    let mut claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    for (code, expect_finding) in [("1", false), ("7", true), ("8", true)] {
        claim.frequency = code.parse().unwrap();
        let found = claim
            .validate()
            .iter()
            .any(|f| f.rule == "CLM-FREQ-ORIGINAL-REF");
        assert_eq!(found, expect_finding, "frequency {code}");
    }
    claim.original_claim_number = Some("2026112000123".to_owned());
    assert_eq!(claim.validate(), vec![]);
    claim.frequency = "2".parse().unwrap();
    assert!(
        claim
            .validate()
            .iter()
            .any(|f| f.rule == "CLM-FREQ-PROFESSIONAL")
    );
}

#[test]
fn pointer_and_count_limits() {
    let mut claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let ClaimForm::Professional(form) = &mut claim.form else {
        panic!()
    };
    form.lines[0].diagnosis_pointers = vec![1, 2, 1, 2, 2];
    form.lines[1].diagnosis_pointers = vec![];
    form.lines[1].modifiers = ["59", "XU", "LT", "RT", "76"]
        .iter()
        .map(|m| m.parse().unwrap())
        .collect();
    claim.diagnoses = (0..13)
        .map(|i| format!("Z{:02}", i + 10).parse().unwrap())
        .collect();
    let findings = claim.validate();
    let found = rules(&findings)
        .into_iter()
        .map(|(r, _)| r)
        .collect::<Vec<_>>();
    for rule in [
        "CLM-DX-COUNT",
        "LINE-POINTER-COUNT",
        "LINE-POINTER-DUPLICATE",
        "LINE-POINTER-REQUIRED",
        "LINE-MODIFIER-COUNT",
    ] {
        assert!(found.contains(&rule), "{rule} missing from {found:?}");
    }
}

#[test]
fn a_dependent_patient_without_an_address_cannot_be_sent() {
    let mut claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let subscriber_name = claim.subscriber.name.clone();
    claim.patient = Some(medbill::claim::Patient {
        relationship: "19".into(),
        name: subscriber_name,
        birth_date: medbill::Phi::new(chrono::NaiveDate::from_ymd_opt(2012, 3, 8).unwrap()),
        sex: medbill::claim::Sex::Female,
        address: None,
    });
    assert_eq!(
        rules(&claim.validate()),
        [("CLM-PATIENT-ADDRESS", "/patient/address")]
    );
}
