//! The `medbill` command, end to end.

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

use assert_cmd::Command;

fn medbill() -> Command {
    Command::cargo_bin("medbill").unwrap()
}

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(relative)
}

fn stdout_of(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn codes_check_prints_one_tab_separated_line_per_value() {
    let (out, _, status) =
        stdout_of(medbill().args(["codes", "check", "ndc", "0002-7597-01", "50242-040-62"]));
    assert_eq!(
        out,
        "0002-7597-01\tvalid\t00002759701\n50242-040-62\tvalid\t50242004062\n"
    );
    assert_eq!(status, 0);
}

#[test]
fn codes_check_exits_one_when_any_value_is_invalid() {
    let (out, _, status) =
        stdout_of(medbill().args(["codes", "check", "npi", "1234567893", "1234567890"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "1234567893\tvalid\t1234567893");
    assert!(
        lines[1].starts_with("1234567890\tinvalid\tinvalid NPI: check digit"),
        "{}",
        lines[1]
    );
    assert_eq!(status, 1);
}

#[test]
fn codes_check_knows_every_kind() {
    for (kind, value) in [
        ("npi", "1558598797"),
        ("icd10cm", "E11.9"),
        ("procedure", "99213"),
        ("modifier", "25"),
        ("pos", "11"),
        ("ndc", "60575-4112-1"),
        ("taxonomy", "207Q00000X"),
        ("revenue", "0450"),
        ("carc", "45"),
        ("rarc", "N130"),
        ("group", "CO"),
        ("frequency", "7"),
    ] {
        let (out, _, status) = stdout_of(medbill().args(["codes", "check", kind, value]));
        assert_eq!(status, 0, "{kind} {value}: {out}");
    }
}

#[test]
fn unknown_kind_is_a_one_line_error() {
    let (out, err, status) = stdout_of(medbill().args(["codes", "check", "zip", "62701"]));
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("unknown code kind"), "{err}");
    assert_eq!(status, 2);
}

#[test]
fn claim_validate_prints_findings_and_exits_one_on_errors() {
    let (out, _, status) = stdout_of(
        medbill()
            .args(["claim", "validate"])
            .arg(data("claims/professional-broken.json")),
    );
    assert_eq!(status, 1);
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(out.contains("CLM-TOTAL-CHARGE /totalCharge"), "{out}");
    let (out, _, status) = stdout_of(
        medbill()
            .args(["claim", "validate"])
            .arg(data("claims/professional-clean.json")),
    );
    assert_eq!((out.as_str(), status), ("ENC-1001: no findings\n", 0));
}

#[test]
fn claim_validate_json_and_stdin() {
    let text = std::fs::read_to_string(data("claims/professional-broken.json")).unwrap();
    let (out, _, status) = stdout_of(
        medbill()
            .args(["claim", "validate", "--json", "-"])
            .write_stdin(text),
    );
    assert_eq!(status, 1);
    let findings: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(findings.as_array().map(Vec::len), Some(5));
    assert_eq!(
        findings[2]["path"],
        "/form/professional/lines/0/diagnosisPointers/1"
    );
    assert_eq!(findings[2]["severity"], "error");
}

#[test]
fn malformed_claim_is_a_one_line_error_naming_the_field() {
    let (out, err, status) = stdout_of(
        medbill()
            .args(["claim", "validate"])
            .arg(data("claims/malformed.json")),
    );
    assert_eq!(out, "");
    assert_eq!(status, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/totalCharge"), "{err}");
}

#[test]
fn missing_file_and_bad_arguments_are_one_line_errors() {
    for args in [
        vec!["claim", "validate", "/nonexistent/claim.json"],
        vec!["frobnicate"],
        vec!["codes"],
    ] {
        let (_, err, status) = stdout_of(medbill().args(&args));
        assert_eq!(status, 2, "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn claim_prepare_builds_the_claim_from_an_encounter() {
    let (out, _, status) = stdout_of(
        medbill()
            .args(["claim", "prepare"])
            .arg(data("encounters/enc-office-visit.json"))
            .arg("--practice")
            .arg(data("practice.json")),
    );
    assert_eq!(status, 0);
    let claim: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(claim["totalCharge"], "245.00");
    assert_eq!(
        claim["form"]["professional"]["lines"][1]["lineItemControlNumber"],
        "ENC-1001-2"
    );
}

#[test]
fn help_is_available_on_every_command() {
    for args in [
        vec!["--help"],
        vec!["demo", "--help"],
        vec!["codes", "check", "--help"],
        vec!["claim", "validate", "--help"],
        vec!["claim", "prepare", "--help"],
    ] {
        let (out, _, status) = stdout_of(medbill().args(&args));
        assert_eq!(status, 0, "{args:?}");
        assert!(out.contains("Usage"), "{args:?}: {out}");
    }
}

#[test]
fn demo_runs_a_billing_day() {
    let (out, _, status) = stdout_of(medbill().arg("demo"));
    assert_eq!(status, 0);
    assert!(out.contains("12 encounters"), "{out}");
    assert!(
        out.contains("ready to send:       10 claims  $2367.50"),
        "{out}"
    );
    assert!(
        out.contains("ENC-1009") && out.contains("LINE-POINTER-RANGE"),
        "{out}"
    );
    assert!(out.contains("ENC-1008  not billed"), "{out}");
    assert!(
        out.contains("ENC-1001  Medicare Part B      charge    $245.00  allowed    $137.78"),
        "{out}"
    );
    assert!(
        out.contains("Medicare Part B       4 claims  charged $1082.50  expected $551.72"),
        "{out}"
    );
    for name in ["Doe", "Nakamura", "XJH123456789"] {
        assert!(!out.contains(name), "patient data {name} printed");
    }
}

fn shared_codesets() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/codesets");
    if dir.exists() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("MEDBILL_ALLOW_MISSING_SHARED").is_some(),
        "shared code sets missing at {}: put ../shared beside the repo",
        dir.display()
    );
    eprintln!("SKIPPED: shared code sets missing");
    None
}

#[test]
fn pfs_verify_matches_all_109_cms_localities() {
    let Some(dir) = shared_codesets() else { return };
    for (rvu, gpci) in [
        ("PPRRVU2025_Oct.csv", "GPCI2025.csv"),
        ("PPRRVU2025_Oct.txt", "GPCI2025.txt"),
    ] {
        let (out, _, status) = stdout_of(
            medbill()
                .args(["pfs", "verify", "--rvu"])
                .arg(dir.join("pfs-rvu25d").join(rvu))
                .arg("--gpci")
                .arg(dir.join("pfs-rvu25d").join(gpci))
                .arg("--payment-file")
                .arg(dir.join("pfs-payment-amounts/PFREV25C.txt")),
        );
        assert_eq!(
            out, "non-facility: matched 109 of 109\nfacility: matched 109 of 109\n",
            "{rvu}"
        );
        assert_eq!(status, 0);
    }
}

#[test]
fn price_explains_each_line_with_its_trace() {
    let (out, _, status) = stdout_of(
        medbill()
            .args(["price"])
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{out}");
    // 99214 in the sample locality: (1.92 + 1.98 × 1.05 + 0.14 × 0.9) × 33.4009 = 137.7787125
    assert!(
        out.starts_with(
            "claim ENC-1001 for payer 00952 as of 2026-11-27: charge $245.00, allowed $137.78"
        ),
        "{out}"
    );
    assert!(
        out.contains("PFS-RBRVS") && out.contains("work RVU 1.92"),
        "{out}"
    );
    assert!(out.contains("not payable: PFS status X"), "{out}");
    let (json, _, _) = stdout_of(
        medbill()
            .args(["price", "--json"])
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    );
    let priced: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(priced["totalAllowed"], "137.78");
    assert_eq!(priced["lines"][0]["trace"][0]["rule"], "PFS-RBRVS");
}

#[test]
fn price_without_pfs_data_is_a_one_line_error() {
    let (_, err, status) = stdout_of(
        medbill()
            .args(["price"])
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no PFS data"), "{err}");
}

#[test]
fn adjudicate_explains_the_patient_share() {
    let (out, _, status) = stdout_of(
        medbill()
            .arg("adjudicate")
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/prairie-ppo.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .arg("--plan")
            .arg(data("plans/commercial-ppo.json"))
            .arg("--accumulators")
            .arg(data("plans/accumulators-sample.json"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{out}");
    assert!(out.starts_with("claim ENC-1001 under Prairie Health PPO 1000: charged $245.00, allowed $190.73, plan pays $147.23, patient owes $43.50"), "{out}");
    assert!(out.contains("[CO-45 7.77, PR-3 25.00]"), "{out}");
    assert!(out.contains("copay"), "{out}");
}

#[test]
fn adjudicate_takes_a_priced_claim_too() {
    let priced = stdout_of(
        medbill()
            .args(["price", "--json"])
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    )
    .0;
    let (out, _, status) = stdout_of(
        medbill()
            .args(["adjudicate", "-", "--json", "--plan"])
            .arg(data("plans/medicare-part-b-2026.json"))
            .write_stdin(priced),
    );
    assert_eq!(status, 0, "{out}");
    let result: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            result["planPaid"].as_str(),
            result["patientResponsibility"].as_str()
        ),
        (Some("0.00"), Some("137.78"))
    );
    assert_eq!(
        result["accumulators"]["inNetwork"]["individualDeductible"],
        "137.78"
    );
}

#[test]
fn estimate_gives_a_range_or_a_good_faith_estimate() {
    let (out, _, status) = stdout_of(
        medbill()
            .arg("estimate")
            .arg(data("estimates/knee-injection-ppo.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{out}");
    assert!(
        out.starts_with("estimated patient cost: $0.00 to $106.01"),
        "{out}"
    );
    let (out, _, status) = stdout_of(
        medbill()
            .arg("estimate")
            .arg(data("estimates/self-pay-gfe.json"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("Good Faith Estimate (issued 2026-11-27, deliver by 2026-12-02): total expected charges $290.00"), "{out}");
    assert!(out.contains("at least $400 more"), "{out}");
    let (_, err, status) = stdout_of(
        medbill()
            .arg("estimate")
            .arg(data("estimates/empty.json"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!((status, err.lines().count()), (1, 1), "{err}");
}

#[test]
fn x12_check_prints_one_line_per_set_and_exits_zero_when_clean() {
    let (out, err, status) = stdout_of(
        medbill()
            .args(["x12", "check"])
            .arg(data("x12/remittance.835")),
    );
    assert_eq!(
        out,
        "835\t005010X221A1\tsegments=50\tclaims=4\tcharge=375.00\tpaid=170.00\tbalanced=yes\n"
    );
    assert_eq!((err.as_str(), status), ("", 0));
}

#[test]
fn x12_check_exits_one_with_findings_and_still_prints_the_lines() {
    // The fixture with its BPR02 changed: the transaction no longer balances, and the SE
    // count is cut by one.
    let text = std::fs::read_to_string(data("x12/remittance.835"))
        .unwrap()
        .replace("BPR*I*150.5*", "BPR*I*151.5*")
        .replace("SE*50*0001", "SE*49*0001");
    let (out, err, status) = stdout_of(medbill().args(["x12", "check", "-"]).write_stdin(text));
    assert_eq!(
        out,
        "835\t005010X221A1\tsegments=50\tclaims=4\tcharge=375.00\tpaid=170.00\tbalanced=no\n"
    );
    assert!(err.contains("REMIT-TRANSACTION-BALANCE"), "{err}");
    assert!(err.contains("X12-SE01-COUNT at segment 52 SE01"), "{err}");
    assert!(
        !err.contains("DOE"),
        "findings never carry patient data: {err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_exits_two_for_non_x12_and_4010() {
    let (_, err, status) = stdout_of(medbill().args(["x12", "check", "-"]).write_stdin("hello"));
    assert!(err.contains("not X12"), "{err}");
    assert_eq!(status, 2);
    let isa = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261127*1200*U*00401*000000001*0*P*:~GS*HP*A*B*20261127*1200*1*X*004010X091A1~ST*835*0001~SE*2*0001~GE*1*1~IEA*1*000000001~";
    let (_, err, status) = stdout_of(medbill().args(["x12", "check", "-"]).write_stdin(isa));
    assert!(err.contains("version 004010 is not supported"), "{err}");
    assert_eq!(status, 2);
}

#[test]
fn x12_show_prints_the_835_as_an_explanation_of_benefits() {
    let (out, _, status) = stdout_of(
        medbill()
            .args(["x12", "show"])
            .arg(data("x12/remittance.835")),
    );
    assert_eq!(status, 0);
    for expected in [
        "Payment 150.50 by CHK on 2026-11-20",
        "Claim ENC0999 JANE DOE (reversal of previous payment)",
        "CO-45 30.00  contractual obligation (write off)",
        "Claim ENC1003 JANE DOE (denied)",
        "Provider adjustment L6  -0.50",
    ] {
        assert!(out.contains(expected), "{expected}\n{out}");
    }
}

#[test]
fn x12_837_writes_claims_that_read_back_as_the_same_claims() {
    let (x12, err, status) = stdout_of(
        medbill()
            .args(["x12", "837"])
            .arg(data("claims/professional-clean.json"))
            .arg("--envelope")
            .arg(data("x12/envelope.json")),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    assert!(x12.starts_with("ISA*00*"), "{x12}");
    let (json, _, status) = stdout_of(
        medbill()
            .args(["x12", "json", "-"])
            .write_stdin(x12.clone()),
    );
    assert_eq!(status, 0);
    let file: medbill::X12File = serde_json::from_str(&json).unwrap();
    let original = medbill::Claim::from_json(
        &std::fs::read_to_string(data("claims/professional-clean.json")).unwrap(),
    )
    .unwrap();
    let mut expected = original.clone();
    medbill::x12::claims::fill_line_control_numbers(&mut expected);
    assert_eq!(file.claims[0].claims, vec![expected]);
    let (out, _, status) = stdout_of(medbill().args(["x12", "check", "-"]).write_stdin(x12));
    assert_eq!(
        out,
        "837\t005010X222A1\tsegments=31\tclaims=1\tcharge=245.00\tpaid=-\tbalanced=-\n"
    );
    assert_eq!(status, 0);
}

#[test]
fn x12_837_refuses_a_claim_it_cannot_write_with_a_clear_error() {
    let (_, err, status) = stdout_of(
        medbill()
            .args(["x12", "837"])
            .arg(data("claims/professional-broken.json")),
    );
    assert!(err.contains("cannot write the 837"), "{err}");
    assert_eq!(status, 1);
}

/// pyx12's x12valid (cargo xtask test sets MEDBILL_X12VALID) must accept the file. It writes
/// its acknowledgement beside the file, so the file sits in a folder of its own.
fn assert_pyx12_accepts(path: &std::path::Path) {
    let Some(program) = std::env::var_os("MEDBILL_X12VALID") else {
        eprintln!(
            "SKIPPED pyx12 check of {}: MEDBILL_X12VALID is not set",
            path.display()
        );
        return;
    };
    let output = std::process::Command::new(program)
        .arg(path)
        .current_dir(path.parent().unwrap())
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(
        report.contains(&format!("{name}: OK")) && !report.contains("ERROR"),
        "{report}"
    );
}

#[test]
fn demo_writes_its_ready_claims_as_an_837p_that_checks_clean_and_passes_pyx12() {
    let dir = std::env::temp_dir().join(format!("medbill-demo-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("day.837");
    let (out, _, status) = stdout_of(medbill().args(["demo", "--out-837"]).arg(&path));
    assert_eq!(status, 0);
    assert!(
        out.contains("read back: 10 claims, envelopes and counts valid"),
        "{out}"
    );
    let (line, _, status) = stdout_of(medbill().args(["x12", "check"]).arg(&path));
    assert_eq!(status, 0);
    assert!(line.starts_with("837\t005010X222A1\t"), "{line}");
    assert!(line.contains("\tclaims=10\t"), "{line}");
    assert_pyx12_accepts(&path);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn x12_secondary_adds_the_prior_payer_and_the_837_carries_2320_and_2430() {
    let dir = std::env::temp_dir().join(format!("medbill-secondary-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let payer = dir.join("supplemental.json");
    std::fs::write(
        &payer,
        r#"{ "name": "Prairie Supplemental", "payerId": "PSUP1", "claimFilingIndicator": "CI" }"#,
    )
    .unwrap();
    let (json, err, status) = stdout_of(
        medbill()
            .args(["x12", "secondary"])
            .arg(data("claims/professional-clean.json"))
            .arg(data("x12/other-payer.json"))
            .arg(data("x12/prior-coordination.json"))
            .arg("--payer")
            .arg(&payer),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    let claim = medbill::Claim::from_json(&json).unwrap();
    assert_eq!(claim.payer.payer_id, "PSUP1");
    assert_eq!(
        claim.subscriber.payer_responsibility,
        medbill::claim::PayerResponsibility::Secondary
    );
    let other = &claim.other_payers[0];
    assert_eq!(other.paid.map(|m| m.to_string()), Some("105.00".into()));
    let (x12, err, status) = stdout_of(
        medbill()
            .args(["x12", "837", "-", "--envelope"])
            .arg(data("x12/envelope.json"))
            .write_stdin(json),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    for expected in [
        "SBR*S*18*******CI~",
        "SBR*P*18*******MB~",
        "AMT*D*105~",
        "SVD*00952*105*HC:99214:25**1~CAS*CO*45*50~CAS*PR*3*25~DTP*573*D8*20261210~",
    ] {
        assert!(
            x12.replace('\n', "").contains(expected),
            "{expected} in {x12}"
        );
    }
    let path = dir.join("secondary.837");
    std::fs::write(&path, &x12).unwrap();
    let (line, _, status) = stdout_of(medbill().args(["x12", "check"]).arg(&path));
    assert_eq!(status, 0, "{line}");
    assert_pyx12_accepts(&path);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn x12_secondary_refuses_what_is_not_one_prior_payers_data() {
    // A tertiary coordination sums two payers' payments.
    let (out, err, status) = stdout_of(
        medbill()
            .args(["x12", "secondary"])
            .arg(data("claims/professional-clean.json"))
            .arg(data("x12/other-payer.json"))
            .arg(data("x12/prior-tertiary.json")),
    );
    assert_eq!(out, "");
    assert!(
        err.contains("prior paid plus adjustments is not the charge"),
        "{err}"
    );
    assert_eq!(status, 1);
    // An 835 without this claim.
    let (_, err, status) = stdout_of(
        medbill()
            .args(["x12", "secondary"])
            .arg(data("claims/professional-clean.json"))
            .arg(data("x12/other-payer.json"))
            .arg(data("x12/remittance.835")),
    );
    assert!(
        err.contains("no claim with the claim's patient control number"),
        "{err}"
    );
    assert_eq!(status, 2);
}

#[test]
fn x12_secondary_takes_the_next_payer_from_the_prior_payer_file() {
    let (json, err, status) = stdout_of(
        medbill()
            .args(["x12", "secondary"])
            .arg(data("claims/professional-clean.json"))
            .arg(data("x12/other-payer.json"))
            .arg(data("x12/prior-remittance.json")),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    let claim = medbill::Claim::from_json(&json).unwrap();
    assert_eq!(claim.payer.payer_id, "PSUP1");
    assert_eq!(
        claim.other_payers[0].paid.map(|m| m.to_string()),
        Some("150.00".into())
    );
}

// ---------------------------------------------------------------- x12 check passes nothing wrong

/// The clean 837P `medbill x12 837` writes for the example claim (subscriber `Doe`, `Jane`
/// at segment 16; CLM at 21; 31 segments from ST to SE).
fn clean_837() -> Vec<u8> {
    let (x12, err, status) = stdout_of(
        medbill()
            .args(["x12", "837"])
            .arg(data("claims/professional-clean.json"))
            .arg("--envelope")
            .arg(data("x12/envelope.json")),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    x12.into_bytes()
}

/// `bytes` with the first `from` replaced by `to`.
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{} not in the file", String::from_utf8_lossy(from)));
    [&bytes[..at], to, &bytes[at + from.len()..]].concat()
}

/// `x12 check` on `bytes`: its standard error and exit status.
fn check(bytes: Vec<u8>) -> (String, i32) {
    let (_, err, status) = stdout_of(medbill().args(["x12", "check", "-"]).write_stdin(bytes));
    (err, status)
}

#[test]
fn x12_check_passes_the_clean_837() {
    assert_eq!(check(clean_837()), (String::new(), 0));
}

#[test]
fn x12_check_fails_an_837_whose_patient_name_is_not_text() {
    // Latin-1 é in the subscriber's last name: not UTF-8. It was read as an empty name.
    let bytes = replaced(&clean_837(), b"NM1*IL*1*Doe*", b"NM1*IL*1*Do\xE9*");
    let (err, status) = check(bytes);
    assert!(
        err.contains("error: X12-NOT-TEXT at segment 16 NM103"),
        "{err}"
    );
    assert!(!err.contains("Do"), "no patient data: {err}");
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_nul_bytes_in_a_name() {
    let bytes = replaced(&clean_837(), b"NM1*IL*1*Doe*Jane", b"NM1*IL*1*Doe*Ja\0ne");
    let (err, status) = check(bytes);
    assert!(
        err.contains("error: X12-CONTROL-CHARACTER at segment 16 NM104"),
        "{err}"
    );
    assert!(!err.contains("Ja"), "no patient data: {err}");
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_an_empty_required_name() {
    let bytes = replaced(&clean_837(), b"NM1*IL*1*Doe*", b"NM1*IL*1**");
    let (err, status) = check(bytes);
    assert!(
        err.contains("error: X12-NAME-REQUIRED at segment 16 NM103"),
        "{err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_a_claim_total_that_is_not_the_sum_of_its_lines() {
    // Lines of 180 and 65: the claim must say 245.
    let bytes = replaced(&clean_837(), b"CLM*ENC-1001*245*", b"CLM*ENC-1001*246*");
    let (err, status) = check(bytes);
    assert!(
        err.contains("error: X12-837-TOTAL-CHARGE at segment 21 CLM02"),
        "{err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_an_hl_whose_parent_does_not_exist() {
    let bytes = replaced(&clean_837(), b"HL*2*1*22*0~", b"HL*2*7*22*0~");
    let (err, status) = check(bytes);
    assert!(
        err.contains("error: X12-HL-PARENT at segment 14 HL02"),
        "{err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_duplicate_control_numbers_in_a_group() {
    // The transaction set twice in its group (segments 3–33, then 34–64), GE01 counting both.
    let clean = String::from_utf8(clean_837()).unwrap();
    let start = clean.find("ST*837").unwrap();
    let end = clean.find("GE*1*").unwrap();
    let set = &clean[start..end];
    let twice = format!("{}{set}{}", &clean[..end], &clean[end..]).replace("GE*1*", "GE*2*");
    let (err, status) = check(twice.into_bytes());
    assert!(
        err.contains("error: X12-ST02-DUPLICATE at segment 34 ST02"),
        "{err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_a_transaction_set_it_does_not_read() {
    let bytes = replaced(&clean_837(), b"ST*837*", b"ST*834*");
    let (err, status) = check(bytes);
    assert!(
        err.contains("error: X12-ST01-UNKNOWN at segment 3 ST01"),
        "{err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_fails_an_empty_segment_and_counts_it_in_se01() {
    // `LX*1~~`: an empty segment 26, so ST to SE holds 32 segments.
    let bytes = replaced(&clean_837(), b"LX*1~", b"LX*1~~");
    let counted = replaced(&bytes, b"SE*31*", b"SE*32*");
    let (err, status) = check(counted);
    assert!(
        err.contains("error: X12-EMPTY-SEGMENT at segment 26"),
        "{err}"
    );
    assert!(!err.contains("X12-SE01-COUNT"), "{err}");
    assert_eq!(status, 1);
    let (err, status) = check(bytes);
    assert!(
        err.contains("X12-SE01-COUNT at segment 34 SE01: does not match the 32 segments"),
        "{err}"
    );
    assert_eq!(status, 1);
}

#[test]
fn x12_check_warns_of_an_835_composite_with_another_separator() {
    // ISA16 is `:`, the second claim line's SVC01 is written with `>`.
    let text = std::fs::read_to_string(data("x12/remittance.835"))
        .unwrap()
        .replace("SVC*HC:83036*", "SVC*HC>83036*");
    let (out, err, status) = stdout_of(medbill().args(["x12", "check", "-"]).write_stdin(text));
    assert!(
        err.contains("warning: X12-COMPONENT-SEPARATOR at segment 25 SVC01"),
        "{err}"
    );
    // A warning: the file still balances and checks clean otherwise.
    assert!(out.contains("balanced=yes"), "{out}");
    assert_eq!(status, 0);
}
