//! `medbill fhir …`, end to end: each subcommand on the bundled fixtures, files written into a
//! temporary folder, exit statuses and refusals.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(relative)
}

fn medbill() -> Command {
    Command::cargo_bin("medbill").unwrap()
}

/// Standard output, standard error and the exit status.
fn run(command: &mut Command) -> (String, String, i32) {
    let out = command.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_claim_goes_to_fhir_and_comes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "professional-clean.json",
        "professional-ambulance.json",
        "institutional-inpatient.json",
    ] {
        let bundle = dir.path().join(format!("fhir-{name}"));
        let (out, err, status) = run(medbill()
            .args(["fhir", "claim"])
            .arg(data(&format!("claims/{name}")))
            .args(["--created", "2026-11-27", "-o"])
            .arg(&bundle));
        assert_eq!(status, 0, "{err}");
        assert!(out.is_empty(), "-o writes the file, not standard output");
        let fhir = read_json(&bundle);
        assert_eq!(fhir["resourceType"], "Bundle");
        assert_eq!(fhir["entry"][0]["resource"]["resourceType"], "Claim");
        assert_eq!(fhir["entry"][0]["resource"]["created"], "2026-11-27");
        let (out, err, status) = run(medbill().args(["fhir", "read-claim"]).arg(&bundle));
        assert_eq!(status, 0, "{err}");
        // The same claim (defaults written out where the fixture left them implicit).
        let back = medbill::Claim::from_json(&out).unwrap();
        let original = std::fs::read_to_string(data(&format!("claims/{name}"))).unwrap();
        assert_eq!(
            back,
            medbill::Claim::from_json(&original).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn amounts_are_exact_json_numbers() {
    let (out, err, status) = run(medbill()
        .args(["fhir", "claim"])
        .arg(data("claims/professional-clean.json"))
        .args(["--created", "2026-11-27"]));
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("\"value\": 245.00,"), "{out}");
    assert!(out.contains("\"code\": \"E11.9\""), "ICD-10-CM is dotted");
}

#[test]
fn an_eob_of_an_adjudication_needs_its_claim() {
    let dir = tempfile::tempdir().unwrap();
    let (adjudication, err, status) = run(medbill()
        .arg("adjudicate")
        .arg(data("claims/professional-ppo.json"))
        .arg("--contract")
        .arg(data("contracts/prairie-ppo.json"))
        .arg("--pfs-dir")
        .arg(data("pfs-sample"))
        .arg("--plan")
        .arg(data("plans/commercial-ppo.json"))
        .args(["--as-of", "2026-11-27", "--json"]));
    assert_eq!(status, 0, "{err}");
    let file = dir.path().join("adjudication.json");
    std::fs::write(&file, adjudication).unwrap();
    let (_, err, status) = run(medbill().args(["fhir", "eob"]).arg(&file));
    assert_eq!(status, 2);
    assert!(err.contains("give --claim"), "{err}");
    let (out, err, status) = run(medbill()
        .args(["fhir", "eob"])
        .arg(&file)
        .arg("--claim")
        .arg(data("claims/professional-ppo.json"))
        .args(["--created", "2026-11-27"]));
    assert_eq!(status, 0, "{err}");
    let bundle: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        bundle["entry"][0]["resource"]["resourceType"],
        "ExplanationOfBenefit"
    );
    let (out, err, status) = run(medbill()
        .args(["fhir", "claim-response"])
        .arg(&file)
        .arg("--claim")
        .arg(data("claims/professional-ppo.json")));
    assert_eq!(status, 0, "{err}");
    assert!(out.contains("\"resourceType\": \"ClaimResponse\""));
}

#[test]
fn an_835_gives_eobs_and_a_claim_response_per_claim() {
    let (out, err, status) = run(medbill()
        .args(["fhir", "eob"])
        .arg(data("x12/remittance.835"))
        .args(["--created", "2026-11-27"]));
    assert_eq!(status, 0, "{err}");
    let bundle: Value = serde_json::from_str(&out).unwrap();
    let eobs = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "ExplanationOfBenefit")
        .count();
    assert_eq!(eobs, 4);
    let (_, err, status) = run(medbill()
        .args(["fhir", "claim-response"])
        .arg(data("x12/remittance.835")));
    assert_eq!(status, 2);
    assert!(err.contains("--pcn"), "{err}");
    let text = std::fs::read_to_string(data("x12/remittance.835")).unwrap();
    let pcn = text
        .split('~')
        .find_map(|s| s.trim().strip_prefix("CLP*"))
        .and_then(|s| s.split('*').next())
        .unwrap()
        .to_owned();
    let (out, err, status) = run(medbill()
        .args(["fhir", "claim-response"])
        .arg(data("x12/remittance.835"))
        .args(["--pcn", &pcn]));
    assert_eq!(status, 0, "{err}");
    let response: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(response["request"]["identifier"]["value"], pcn.as_str());
}

#[test]
fn a_271_gives_coverage_and_an_eligibility_response() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, status) = run(medbill()
        .args(["fhir", "coverage"])
        .arg(data("eligibility/billing-day.271")));
    assert_eq!(status, 2);
    assert!(err.contains("--set"), "{err}");
    let coverage = dir.path().join("coverage.json");
    let (_, err, status) = run(medbill()
        .args(["fhir", "coverage"])
        .arg(data("eligibility/billing-day.271"))
        .args(["--set", "1", "-o"])
        .arg(&coverage));
    assert_eq!(status, 0, "{err}");
    assert_eq!(read_json(&coverage)["resourceType"], "Coverage");
    let (out, err, status) = run(medbill()
        .args(["fhir", "coverage", "--response", "--set", "1"])
        .arg(data("eligibility/billing-day.271"))
        .args(["--created", "2026-11-27"]));
    assert_eq!(status, 0, "{err}");
    let response: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(response["resourceType"], "CoverageEligibilityResponse");
    assert_eq!(response["created"], "2026-11-27");
}

#[test]
fn an_estimate_gives_a_gfe_bundle() {
    let (out, err, status) = run(medbill()
        .args(["fhir", "estimate"])
        .arg(data("estimates/self-pay-gfe.json"))
        .arg("--pfs-dir")
        .arg(data("pfs-sample"))
        .args(["--created", "2026-11-27"]));
    assert_eq!(status, 0, "{err}");
    let bundle: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        bundle["meta"]["profile"][0],
        "http://hl7.org/fhir/us/davinci-pct/StructureDefinition/davinci-pct-gfe-bundle"
    );
    assert_eq!(
        bundle["entry"][0]["resource"]["use"], "predetermination",
        "the summary Claim comes first"
    );
}

#[test]
fn reading_a_broken_bundle_is_refused_with_a_code_and_no_patient_data() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, status) = run(medbill()
        .args(["fhir", "claim"])
        .arg(data("claims/professional-clean.json")));
    assert_eq!(status, 0);
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        out.replacen("\"value\": 245.00", "\"value\": \"245.00\"", 1),
    )
    .unwrap();
    let (out, err, status) = run(medbill().args(["fhir", "read-claim"]).arg(&broken));
    assert_eq!(status, 1, "{out}");
    assert!(err.contains("FHIR_SHAPE"), "{err}");
    for secret in ["XJH123456789", "Doe", "1958-04-12"] {
        assert!(!err.contains(secret), "{err}");
    }
}
