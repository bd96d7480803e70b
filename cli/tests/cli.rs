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

/// The binary as a plain process, for tests that wire its standard streams themselves.
fn plain_medbill() -> std::process::Command {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("medbill"))
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
fn codes_check_pcs_takes_seven_characters_without_o_or_i() {
    // ICD-10-PCS: 7 characters, digits and letters except O and I.
    let (out, _, status) =
        stdout_of(medbill().args(["codes", "check", "pcs", "0dtj4zz", "0DTO4ZZ"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "0dtj4zz\tvalid\t0DTJ4ZZ");
    assert_eq!(
        lines[1],
        "0DTO4ZZ\tinvalid\tinvalid ICD-10-PCS code: character 4 must be a digit or a letter other than O and I"
    );
    assert_eq!(status, 1);
}

#[test]
fn codes_check_knows_every_kind() {
    for (kind, value) in [
        ("npi", "1558598797"),
        ("icd10cm", "E11.9"),
        ("pcs", "0DTJ4ZZ"),
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
fn claim_print_writes_the_pdf_and_refuses_with_status_one() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("accident.pdf");
    let (out, err, status) = stdout_of(
        medbill()
            .args(["claim", "print", "--form", "cms1500", "--data-only"])
            .arg(data("claims/professional-accident.json"))
            .arg("-o")
            .arg(&pdf),
    );
    assert_eq!((out.as_str(), err.as_str(), status), ("", "", 0));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // To standard output when no file is named.
    let out = medbill()
        .args(["claim", "print", "--form", "ub04"])
        .arg(data("claims/institutional-inpatient.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"%PDF-"), "not a PDF");
    // A professional claim does not go on a UB-04; a broken one is not printed (status 1).
    for (form, claim, says) in [
        ("ub04", "professional-clean", "prints institutional claims"),
        ("cms1500", "professional-broken", "validation error"),
    ] {
        let (out, err, status) = stdout_of(
            medbill()
                .args(["claim", "print", "--form", form])
                .arg(data(&format!("claims/{claim}.json")))
                .arg("-o")
                .arg(dir.path().join("refused.pdf")),
        );
        assert_eq!((out.as_str(), status), ("", 1), "{claim}: {err}");
        assert!(err.contains(says), "{claim}: {err}");
    }
    assert!(!dir.path().join("refused.pdf").exists());
    // ... unless a draft is asked for.
    let (_, err, status) = stdout_of(
        medbill()
            .args(["claim", "print", "--form", "cms1500", "--allow-invalid"])
            .arg(data("claims/professional-broken.json"))
            .arg("-o")
            .arg(dir.path().join("draft.pdf")),
    );
    assert_eq!(status, 0, "{err}");
    // An unknown form is a usage error (status 2).
    let (_, err, status) = stdout_of(
        medbill()
            .args(["claim", "print", "--form", "hcfa"])
            .arg(data("claims/professional-clean.json")),
    );
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("cms1500 or ub04"), "{err}");
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
fn decoding_errors_never_quote_patient_data() {
    let secrets = [
        "Qycanary",
        "Qxpatient",
        "XCAN98765432",
        "1931-07-04",
        "123456789",
    ];
    for (fixture, path) in [
        ("claims/canary-subscriber-text.json", "/subscriber"),
        ("claims/canary-sex-taxid.json", "/"),
        ("claims/canary-missing-last.json", "/subscriber/name"),
    ] {
        for command in [&["claim", "validate"][..], &["x12", "837"][..]] {
            let (out, err, status) = stdout_of(medbill().args(command).arg(data(fixture)));
            assert_eq!((out.as_str(), status), ("", 2), "{fixture}: {err}");
            assert!(err.contains(path), "{fixture}: {err}");
            for secret in secrets {
                assert!(!err.contains(secret), "{fixture} quotes {secret}: {err}");
            }
        }
    }
    let (_, err, _) = stdout_of(
        medbill()
            .args(["claim", "validate"])
            .arg(data("claims/canary-missing-last.json")),
    );
    assert!(err.contains("missing field `last`"), "{err}");
}

#[test]
fn a_json_file_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bom.json");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(std::fs::read(data("claims/professional-clean.json")).unwrap());
    std::fs::write(&file, bytes).unwrap();
    let (out, err, status) = stdout_of(medbill().args(["claim", "validate"]).arg(&file));
    // Read and validated (exit 0 or 1 by its findings), not refused as input (exit 2).
    assert_ne!(status, 2, "{out}{err}");
    assert!(!err.contains("invalid input"), "{err}");
}

/// `medbill codes check` with enough values to print far more than a pipe holds.
fn long_listing() -> std::process::Command {
    let mut command = plain_medbill();
    command.args(["codes", "check", "npi"]);
    command.args((0..40_000).map(|i| format!("12345678{:02}", i % 100)));
    command
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_sigpipe_status() {
    use std::io::Read;
    let mut child = long_listing()
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here: every later write meets a closed pipe.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(141));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_full_disk_is_one_clear_error() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("SKIPPED: this system has no /dev/full");
        return;
    };
    for args in [
        &["demo"][..],
        &["claim", "validate", "-"][..],
        &["x12", "json", "-"][..],
    ] {
        let input = match args.last() {
            Some(&"-") if args[0] == "claim" => data("claims/professional-clean.json"),
            Some(&"-") => data("x12/remittance.835"),
            _ => data("claims/professional-clean.json"),
        };
        let output = plain_medbill()
            .args(args)
            .stdin(std::fs::File::open(input).unwrap())
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(74), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("cannot write the output"), "{args:?}: {err}");
    }
}

#[test]
fn today_is_the_local_date() {
    // POSIX zones (no time-zone database needed), 26 hours apart: their dates always differ.
    for (zone, hours_east) in [("AAA+12", -12), ("BBB-14", 14)] {
        let before = (chrono::Utc::now() + chrono::TimeDelta::hours(hours_east)).date_naive();
        let (out, err, status) = stdout_of(
            medbill()
                .env("TZ", zone)
                .args(["x12", "837"])
                .arg(data("claims/institutional-outpatient.json")),
        );
        let after = (chrono::Utc::now() + chrono::TimeDelta::hours(hours_east)).date_naive();
        assert_eq!(status, 0, "{err}");
        // GS04 is the envelope's date, CCYYMMDD.
        let gs04 = out
            .split('~')
            .map(str::trim)
            .find(|s| s.starts_with("GS*"))
            .and_then(|gs| gs.split('*').nth(4))
            .unwrap()
            .to_owned();
        let expected = [before, after].map(|d| d.format("%Y%m%d").to_string());
        assert!(
            expected.contains(&gs04),
            "{zone}: GS04 {gs04}, expected {expected:?}"
        );
    }
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
    // Step 0: each appointment's 271 answer, read into the plan and what is met.
    assert!(
        out.contains("ENC-1004  Prairie Health PPO 1000      active  deductible  $1000.00 ( $360.00 met)  coinsurance 20%  office visit copay $25.00"),
        "{out}"
    );
    assert!(
        out.contains("ENC-1008  NOT VERIFIED: the payer could not answer (AAA03 42)"),
        "{out}"
    );
    assert!(
        out.contains("11 of 12 appointments verified active, 1 not"),
        "{out}"
    );
    // Step 1b: the ready claims through the scrubber before the 837 is written.
    assert!(
        out.contains("10 claims scrubbed: 0 error(s), 0 warning(s)"),
        "{out}"
    );
    // ... and what the scrubber catches: a coder's draft billing 29877 with 29881 and an
    // add-on code without its primary is held, with each fix.
    assert!(out.contains("a coder's draft keyed on 2026-03-10"), "{out}");
    assert!(out.contains("2 error(s): held, not sent"), "{out}");
    assert!(
        out.contains("error   SCRUB-NCCI-PTP at /form/professional/lines/2/procedure"),
        "{out}"
    );
    assert!(
        out.contains("fix: bill it with its primary procedure (11042)"),
        "{out}"
    );
    assert!(
        out.contains("ENC-1001  Medicare Part B      charge    $245.00  allowed    $137.78"),
        "{out}"
    );
    assert!(
        out.contains("Medicare Part B       4 claims  charged $1082.50  expected $551.72"),
        "{out}"
    );
    for name in [
        "Doe",
        "Nakamura",
        "XJH123456789",
        "Silva",
        "LKM00988120",
        "Layla",
    ] {
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
    // The contract names no locality: the billing provider's ZIP 62701 is in 00000-01 in the
    // sample ZIP file. The sample files name no release.
    assert!(
        out.contains("  locality 00000-01 (from the billing provider's ZIP code)\n"),
        "{out}"
    );
    assert!(
        out.contains("  PFS data unknown (the files do not say which release they are)\n"),
        "{out}"
    );
    assert!(
        out.contains("locality 00000-01 (from the billing provider's ZIP code): [(work RVU"),
        "{out}"
    );
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
    assert_eq!(
        priced["locality"],
        serde_json::json!({ "locality": "00000-01", "source": "billingProviderZip" })
    );
    assert_eq!(
        priced["pfsVersion"],
        serde_json::json!({ "version": "unknown", "source": "unknown" })
    );
}

#[test]
fn price_takes_the_pfs_version_from_the_files_or_the_flag() {
    let (json, _, status) = stdout_of(
        medbill()
            .args(["price", "--json", "--pfs-version", "SAMPLE-2026"])
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{json}");
    let priced: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        priced["pfsVersion"],
        serde_json::json!({ "version": "SAMPLE-2026", "source": "caller" })
    );
    assert_eq!(priced["lines"][0]["trace"][0]["dataVersion"], "SAMPLE-2026");
    // The official files: the RVU CSV's title names the October 2025 release, RVU25D, not
    // the folder the files are in.
    let Some(dir) = shared_codesets() else { return };
    let (out, err, status) = stdout_of(
        medbill()
            .arg("price")
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .arg("--pfs-dir")
            .arg(dir.join("pfs-rvu25d"))
            .arg("--zip")
            .arg(dir.join("zip-locality/ZIP5_OCT2025.txt"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{err}");
    assert!(
        out.contains("  PFS data RVU25D (named in the relative value file)\n"),
        "{out}"
    );
}

#[test]
fn price_refuses_an_invalid_claim_unless_unchecked() {
    let price = |extra: &[&str]| {
        stdout_of(
            medbill()
                .arg("price")
                .arg(data("claims/professional-broken.json"))
                .arg("--contract")
                .arg(data("contracts/medicare-part-b.json"))
                .arg("--pfs-dir")
                .arg(data("pfs-sample"))
                .args(["--as-of", "2026-11-27"])
                .args(extra),
        )
    };
    let (out, err, status) = price(&[]);
    assert_eq!((status, out.as_str()), (1, ""), "{out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("does not pass validation"), "{err}");
    assert!(err.contains("CLM-TOTAL-CHARGE at /totalCharge"), "{err}");
    for phi in ["Doe", "XJH123456789", "1958-04-12", "Elm St"] {
        assert!(!err.contains(phi), "{err}");
    }
    let (out, err, status) = price(&["--unchecked"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("claim ENC-1002 for payer 00952"), "{out}");
}

#[test]
fn price_refuses_another_payers_contract_unless_any_payer() {
    let price = |extra: &[&str]| {
        stdout_of(
            medbill()
                .args(["price", "--json"])
                .arg(data("claims/professional-clean.json"))
                .arg("--contract")
                .arg(data("contracts/prairie-ppo.json"))
                .arg("--pfs-dir")
                .arg(data("pfs-sample"))
                .args(["--as-of", "2026-11-27"])
                .args(extra),
        )
    };
    let (_, err, status) = price(&[]);
    assert_eq!(status, 1, "{err}");
    assert!(
        err.contains("the contract is with payer PHP01 but the claim is billed to payer 00952"),
        "{err}"
    );
    let (out, err, status) = price(&["--any-payer"]);
    assert_eq!(status, 0, "{err}");
    let priced: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(priced["totalAllowed"], "190.73");
    // The Prairie claim is priced under its own contract without any flag.
    let (out, err, status) = stdout_of(
        medbill()
            .args(["price", "--json"])
            .arg(data("claims/professional-ppo.json"))
            .arg("--contract")
            .arg(data("contracts/prairie-ppo.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!(status, 0, "{err}");
    let priced: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(priced["totalAllowed"], "190.73");
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
            .arg(data("claims/professional-ppo.json"))
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
fn estimate_with_the_payers_271_uses_what_the_patient_has_met() {
    let run = |who: &[&str]| {
        stdout_of(
            medbill()
                .arg("estimate")
                .arg(data("estimates/knee-injection-ppo.json"))
                .arg("--pfs-dir")
                .arg(data("pfs-sample"))
                .args(["--as-of", "2026-11-27", "--json", "--eligibility"])
                .arg(data("eligibility/billing-day.271"))
                .args(who),
        )
    };
    // Without the 271 the estimate is a range ($0.00 to $106.01); the 271 says 360 of the
    // 1000 deductible is met, so one figure: the $25 copay and the injection's $81.01.
    let (out, _, status) = run(&[
        "--member-id",
        "PHP441209",
        "--first-name",
        "Piotr",
        "--birth-date",
        "1990-01-30",
    ]);
    assert_eq!(status, 0, "{out}");
    let both: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(both["eligibility"]["coverage"], "active");
    assert_eq!(both["eligibility"]["payer"], "PRAIRIE HEALTH PPO");
    assert_eq!(
        both["eligibility"]["accumulators"]["inNetwork"]["individualDeductible"],
        "360.00"
    );
    assert_eq!(both["estimate"]["patientCost"], "106.01");
    assert_eq!(both["estimate"]["patientCostLow"], "106.01");
    // The Medicaid payer could not answer for this member: an error, estimated as self-pay.
    let (out, _, status) = run(&["--member-id", "LKM00988120"]);
    assert_eq!(status, 0, "{out}");
    let both: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(both["eligibility"]["coverage"], "rejected");
    assert_eq!(both["estimate"]["findings"][0]["rule"], "ELIG-REJECTED");
    assert!(both["estimate"]["goodFaithEstimate"].is_object());
    // Text: the coverage line, then the estimate.
    let (out, err, status) = stdout_of(
        medbill()
            .arg("estimate")
            .arg(data("estimates/knee-injection-ppo.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27", "--eligibility"])
            .arg(data("eligibility/billing-day.271"))
            .args(["--member-id", "PHP000000"]),
    );
    assert_eq!(status, 0, "{out}{err}");
    assert!(
        out.starts_with(
            "eligibility: the payer: the 271 is about someone else; estimated as self-pay"
        ),
        "{out}"
    );
    assert!(err.contains("ELIG-MEMBER-MISMATCH"), "{err}");
    assert!(!err.contains("PHP000000") && !out.contains("PHP000000"));
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
        .replace("BPR*I*150.50*", "BPR*I*151.50*")
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
    // JSON lines: an 837 has no 835 to stream; the last line is the file.
    #[derive(serde::Deserialize)]
    struct Last {
        file: medbill::X12File,
    }
    assert_eq!(json.lines().count(), 1, "{json}");
    let Last { file } = serde_json::from_str(json.lines().last().unwrap()).unwrap();
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
        "837\t005010X222A1\tsegments=32\tclaims=1\tcharge=245.00\tpaid=-\tbalanced=-\n"
    );
    assert_eq!(status, 0);
}

#[test]
fn x12_837_refuses_a_claim_it_cannot_write_with_a_clear_error() {
    let (out, err, status) = stdout_of(
        medbill()
            .args(["x12", "837"])
            .arg(data("claims/professional-broken.json")),
    );
    assert_eq!(out, "");
    assert!(err.contains("cannot write the 837"), "{err}");
    // Every error `claim validate` reports for the claim, by rule and path.
    for expected in [
        "CLM-FREQ-ORIGINAL-REF at /originalClaimNumber",
        "CLM-TOTAL-CHARGE at /totalCharge",
        "LINE-POINTER-RANGE at /form/professional/lines/0/diagnosisPointers/1",
        "LINE-DATES-ORDER at /form/professional/lines/1/serviceDateEnd",
        "LINE-CONTROL-NUMBER-UNIQUE at /form/professional/lines/1/lineItemControlNumber",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    assert_eq!(status, 1);
}

/// Issue #10 §4: `x12 837` wrote each of these as invalid EDI and exited 0. `claim validate`
/// now reports each (exit status 1, the rule id and the field's path), and `x12 837` refuses
/// the claim (exit status 1, nothing on standard output) with the typed error naming the
/// claim, the rule and the path, never patient data.
#[test]
fn claim_validate_reports_and_x12_837_refuses_what_the_guides_forbid() {
    let clean: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data("claims/professional-clean.json")).unwrap(),
    )
    .unwrap();
    type Change = fn(&mut serde_json::Value);
    let cases: [(&str, Change, &str, &str); 9] = [
        (
            "negative year",
            |c| c["form"]["professional"]["lines"][0]["serviceDate"] = "-0001-11-20".into(),
            "CLM-DATE-YEAR",
            "/form/professional/lines/0/serviceDate",
        ),
        (
            "empty member id",
            |c| c["subscriber"]["memberId"] = "".into(),
            "CLM-VALUE-EMPTY",
            "/subscriber/memberId",
        ),
        (
            "empty last name",
            |c| c["subscriber"]["name"]["last"] = "".into(),
            "CLM-VALUE-EMPTY",
            "/subscriber/name/last",
        ),
        (
            "negative units",
            |c| c["form"]["professional"]["lines"][1]["quantity"]["units"] = "-1".into(),
            "LINE-UNITS-POSITIVE",
            "/form/professional/lines/1/quantity/units",
        ),
        (
            "10 MB CLM01",
            |c| c["patientControlNumber"] = "P".repeat(10 * 1024 * 1024).into(),
            "CLM-PCN-LENGTH",
            "/patientControlNumber",
        ),
        (
            "relationship outside the code list",
            |c| {
                let mut patient = serde_json::json!({
                    "relationship": "99",
                    "birthDate": "2012-03-08",
                    "sex": "male"
                });
                patient["name"] = c["subscriber"]["name"].clone();
                patient["address"] = c["subscriber"]["address"].clone();
                c["patient"] = patient;
            },
            "CLM-RELATIONSHIP-CODE",
            "/patient/relationship",
        ),
        (
            "no lines",
            |c| {
                c["form"]["professional"]["lines"] = serde_json::json!([]);
                c["totalCharge"] = "0.00".into();
            },
            "CLM-LINES-REQUIRED",
            "/form/professional/lines",
        ),
        (
            "10,000 lines on an 837P",
            |c| {
                let mut line = c["form"]["professional"]["lines"][1].clone();
                line.as_object_mut()
                    .unwrap()
                    .remove("lineItemControlNumber");
                c["form"]["professional"]["lines"] = vec![line; 10_000].into();
                c["totalCharge"] = "650000.00".into();
            },
            "CLM-LINES-COUNT",
            "/form/professional/lines/50",
        ),
        (
            "5-digit billing provider ZIP",
            |c| c["billingProvider"]["address"]["postalCode"] = "62701".into(),
            "CLM-ZIP-NINE-DIGITS",
            "/billingProvider/address/postalCode",
        ),
    ];
    for (what, change, rule, path) in cases {
        let mut claim = clean.clone();
        change(&mut claim);
        let text = claim.to_string();
        let (out, err, status) = stdout_of(
            medbill()
                .args(["claim", "validate", "-"])
                .write_stdin(text.clone()),
        );
        assert_eq!(status, 1, "{what}: {out}{err}");
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("error   {rule} {path}:"))),
            "{what}: {out}"
        );
        let (x12, err, status) = stdout_of(
            medbill()
                .args(["x12", "837", "-", "--envelope"])
                .arg(data("x12/envelope.json"))
                .write_stdin(text),
        );
        assert_eq!((x12.as_str(), status), ("", 1), "{what}: {err}");
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(err.contains("cannot write the 837"), "{what}: {err}");
        assert!(err.contains("claim 0: "), "{what}: {err}");
        assert!(err.contains(&format!("{rule} at {path}")), "{what}: {err}");
        for secret in ["Doe", "Jane", "XJH123456789", "1958", "Elm"] {
            assert!(!err.contains(secret), "{what}: patient data in {err}");
        }
    }
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
fn x12_secondary_tells_an_835_from_json_by_content_not_by_name() {
    let dir = tempfile::tempdir().unwrap();
    // An 835 saved as .txt, and a coordination saved as .835.
    let era = dir.path().join("era.txt");
    std::fs::copy(data("x12/remittance.835"), &era).unwrap();
    let json = dir.path().join("coordination.835");
    std::fs::copy(data("x12/prior-coordination.json"), &json).unwrap();
    let run = |prior: &std::path::Path| {
        stdout_of(
            medbill()
                .args(["x12", "secondary"])
                .arg(data("claims/professional-clean.json"))
                .arg(data("x12/other-payer.json"))
                .arg(prior),
        )
    };
    let (_, err, status) = run(&era);
    // Read as an 835: it has no claim with this patient control number.
    assert!(
        err.contains("no claim with the claim's patient control number"),
        "{err}"
    );
    assert_eq!(status, 2);
    let (out, err, status) = run(&json);
    assert_eq!((err.as_str(), status), ("", 0));
    assert!(medbill::Claim::from_json(&out).is_ok());
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

/// A folder of this test's own under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bundled claim ENC-1001 priced under the Medicare contract (99214 allowed 137.78; 83036
/// not payable), as `medbill price --json` prints it.
fn medicare_priced() -> String {
    let (json, err, status) = stdout_of(
        medbill()
            .args(["price", "--json"])
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/medicare-part-b.json"))
            .arg("--pfs-dir")
            .arg(data("pfs-sample"))
            .args(["--as-of", "2026-11-27"]),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    json
}

#[test]
fn adjudicate_refuses_negative_amounts_unless_asked_for_unchecked() {
    // A priced claim whose first line was edited to a negative charge and allowed amount.
    let mut priced: serde_json::Value = serde_json::from_str(&medicare_priced()).unwrap();
    for field in ["charge", "allowed", "expectedPayment"] {
        priced["lines"][0][field] = "-180.00".into();
    }
    priced["lines"][0]["trace"] = serde_json::json!([]);
    priced["totalCharge"] = "-115.00".into();
    priced["totalAllowed"] = "-180.00".into();
    priced["totalExpectedPayment"] = "-180.00".into();
    let dir = scratch("adjudicate-refusal");
    let met = dir.join("met.json");
    std::fs::write(&met, r#"{"inNetwork":{"individualDeductible":"283.00"}}"#).unwrap();
    let adjudicate = |unchecked: bool| {
        let mut cmd = medbill();
        cmd.args(["adjudicate", "-", "--json", "--accumulators"])
            .arg(&met)
            .arg("--plan")
            .arg(data("plans/medicare-part-b-2026.json"))
            .write_stdin(priced.to_string());
        if unchecked {
            cmd.arg("--unchecked");
        }
        stdout_of(&mut cmd)
    };
    let (out, err, status) = adjudicate(false);
    assert_eq!((out.as_str(), status), ("", 1));
    assert_eq!(
        err,
        "medbill: cannot adjudicate: \
         PRICED-CHARGE-NEGATIVE at /lines/0/charge: a line's charge is zero or more; \
         PRICED-ALLOWED-NEGATIVE at /lines/0/allowed: an allowed amount is zero or more; \
         PRICED-EXPECTED-NEGATIVE at /lines/0/expectedPayment: an expected payment is zero or more\n"
    );
    // Unchecked, as before the checks: no coinsurance is taken from −180, so Medicare "pays"
    // −180 less 2% sequestration (−3.60): −176.40.
    let (out, err, status) = adjudicate(true);
    assert_eq!((err.as_str(), status), ("", 0));
    let result: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["planPaid"], "-176.40");
    assert_eq!(result["planPaidBeforeSequestration"], "-180.00");
}

#[test]
fn adjudicate_text_says_the_payment_before_sequestration_and_prints_warnings() {
    let dir = scratch("adjudicate-text");
    let priced = dir.join("priced.json");
    std::fs::write(&priced, medicare_priced()).unwrap();
    let met = dir.join("met.json");
    std::fs::write(&met, r#"{"inNetwork":{"individualDeductible":"283.00"}}"#).unwrap();
    // 137.78 allowed, deductible met: 20% = 27.56; 110.22 less 2% (2.20) = 108.02.
    let (out, err, status) = stdout_of(
        medbill()
            .arg("adjudicate")
            .arg(&priced)
            .arg("--accumulators")
            .arg(&met)
            .arg("--plan")
            .arg(data("plans/medicare-part-b-2026.json")),
    );
    assert_eq!((err.as_str(), status), ("", 0));
    assert!(
        out.starts_with("claim ENC-1001 under Medicare Part B 2026: charged $245.00, allowed $137.78, plan pays $108.02 ($110.22 before $2.20 sequestration), patient owes $27.56\n"),
        "{out}"
    );
    assert!(
        out.contains("      Sequestration reduces the plan's payment of $110.22 by 2%: $2.20 (CO-253), not billed to the patient.\n"),
        "{out}"
    );
    // The PPO's specialist copay applies to no code: a warning on standard error.
    let (_, err, status) = stdout_of(
        medbill()
            .arg("adjudicate")
            .arg(&priced)
            .arg("--plan")
            .arg(data("plans/commercial-ppo.json")),
    );
    assert_eq!(status, 0);
    assert_eq!(
        err,
        "warning: PLAN-SERVICE-UNREACHABLE at /inNetwork/services/1/category: no category rule gives any code this category, so this service rule never applies\n"
    );
}

/// The bundled 835 with its first claim renamed to ENC-1001 (99214: charge 180, paid 125,
/// CO-45 30, PR-3 25, AMT*B6 150; 83036: charge 65, paid 25, CO-45 40), in a file whose name
/// does not say it is X12.
fn primary_835(dir: &std::path::Path, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(data("x12/remittance.835")).unwrap();
    let path = dir.join("primary-remittance.txt");
    std::fs::write(&path, edit(text.replace("CLP*ENC1001*", "CLP*ENC-1001*"))).unwrap();
    path
}

#[test]
fn coordinate_after_the_primary_835_by_every_method() {
    let dir = scratch("coordinate-835");
    let prior = primary_835(&dir, |text| text);
    let priced = dir.join("medicare-priced.json");
    std::fs::write(&priced, medicare_priced()).unwrap();
    let met = dir.join("met.json");
    std::fs::write(&met, r#"{"inNetwork":{"individualDeductible":"283.00"}}"#).unwrap();
    let coordinate = |method: &[&str]| {
        stdout_of(
            medbill()
                .arg("coordinate")
                .arg(&prior)
                .arg(&priced)
                .arg("--plan")
                .arg(data("plans/medicare-part-b-2026.json"))
                .arg("--accumulators")
                .arg(&met)
                .arg("--method")
                .args(method),
        )
    };
    // Medicare's normal benefit on 99214: allowed 137.78, deductible met, coinsurance 27.56,
    // 110.22 less 2.20 sequestration = 108.02. The primary paid 125 and left 25 (PR-3).
    // Standard: min(108.02, 137.78 − 125 = 12.78) = 12.78, the patient left with 12.22.
    // Non-duplication and carve-out: 108.02 − 125 < 0, nothing. Maintenance of benefits at
    // 80%: (137.78 − 125) × 80% = 10.224 → 10.22. Medicare secondary: least of 12.78, 108.02,
    // 180 − 27.56 = 152.44 and 180 − 125 = 55 → 12.78; obligated to accept the primary's
    // allowed 150: least of 12.78, 108.02, 150 − 27.56 = 122.44, 150 − 125 = 25 → 12.78.
    // 83036: the primary left nothing owed.
    for (method, name, paid, owed) in [
        (&["standard"][..], "standard coordination", "12.78", "12.22"),
        (&["non-duplication"][..], "non-duplication", "0.00", "25.00"),
        (&["carve-out"][..], "carve-out", "0.00", "25.00"),
        (
            &["maintenance-of-benefits", "--coverage", "80%"][..],
            "maintenance of benefits at 80%",
            "10.22",
            "14.78",
        ),
        (
            &["medicare-secondary"][..],
            "Medicare secondary payer",
            "12.78",
            "12.22",
        ),
        (
            &["medicare-secondary", "--obligated-to-accept"][..],
            "Medicare secondary payer, the prior allowed amount accepted in full",
            "12.78",
            "12.22",
        ),
    ] {
        let (out, err, status) = coordinate(method);
        assert_eq!((err.as_str(), status), ("", 0), "{method:?}");
        assert_eq!(
            out,
            format!(
                "claim ENC-1001 under Medicare Part B 2026 by {name}: prior payers paid $150.00, this payer pays ${paid}, patient owes ${owed}\n\
                 \x20 line 1 99214: charge $180.00, prior paid $125.00, this payer pays ${paid}, patient owes ${owed}\n\
                 \x20 line 2 83036: charge $65.00, prior paid $25.00, this payer pays $0.00, patient owes $0.00\n"
            )
        );
    }
    let (json, _, status) = coordinate(&["medicare-secondary", "--obligated-to-accept", "--json"]);
    assert_eq!(status, 0);
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        result["method"],
        serde_json::json!({ "method": "medicareSecondary", "obligatedToAccept": true })
    );
    assert_eq!(result["lines"][0]["priorAllowed"], "150.00");
    // 83036 has no AMT*B6: its prior allowed amount is absent, not invented.
    assert!(result["lines"][1].get("priorAllowed").is_none(), "{json}");
}

#[test]
fn coordinate_after_an_adjudication_then_after_a_coordination() {
    let dir = scratch("coordinate-json");
    let priced = dir.join("medicare-priced.json");
    std::fs::write(&priced, medicare_priced()).unwrap();
    // Medicare primary, nothing met: the 137.78 allowed all goes to the deductible.
    let (primary, _, status) = stdout_of(
        medbill()
            .args(["adjudicate", "--json"])
            .arg(&priced)
            .arg("--plan")
            .arg(data("plans/medicare-part-b-2026.json")),
    );
    assert_eq!(status, 0);
    let primary_path = dir.join("medicare-adjudication.json");
    std::fs::write(&primary_path, primary).unwrap();
    let coordinate = |prior: &std::path::Path, method: &str, json: bool| {
        let mut cmd = medbill();
        cmd.arg("coordinate")
            .arg(prior)
            .arg(&priced)
            .arg("--plan")
            .arg(data("plans/lakeshore-medicaid.json"))
            .args(["--method", method]);
        if json {
            cmd.arg("--json");
        }
        stdout_of(&mut cmd)
    };
    // Medicaid second: its normal benefit is 137.78 less its 2.00 office-visit copay = 135.78;
    // standard: min(135.78, 137.78 − 0) = 135.78; the patient owes the copay.
    let (out, err, status) = coordinate(&primary_path, "standard", false);
    assert_eq!((err.as_str(), status), ("", 0));
    assert!(
        out.starts_with("claim ENC-1001 under Lakeshore Medicaid by standard coordination: prior payers paid $0.00, this payer pays $135.78, patient owes $2.00\n"),
        "{out}"
    );
    // A third payer after that coordination, by non-duplication: 135.78 − 135.78 = 0.
    let (coordination, _, status) = coordinate(&primary_path, "standard", true);
    assert_eq!(status, 0);
    let second = dir.join("medicaid-coordination.json");
    std::fs::write(&second, coordination).unwrap();
    let (out, err, status) = coordinate(&second, "non-duplication", false);
    assert_eq!((err.as_str(), status), ("", 0));
    assert!(
        out.starts_with("claim ENC-1001 under Lakeshore Medicaid by non-duplication: prior payers paid $135.78, this payer pays $0.00, patient owes $2.00\n"),
        "{out}"
    );
}

#[test]
fn coordinate_refuses_what_it_cannot_use() {
    let dir = scratch("coordinate-refusals");
    let priced = dir.join("medicare-priced.json");
    std::fs::write(&priced, medicare_priced()).unwrap();
    let coordinate = |prior: &std::path::Path, method: &[&str]| {
        stdout_of(
            medbill()
                .arg("coordinate")
                .arg(prior)
                .arg(&priced)
                .arg("--plan")
                .arg(data("plans/medicare-part-b-2026.json"))
                .arg("--method")
                .args(method),
        )
    };
    // Without AMT*B6 the primary's allowed amount on 99214 (where the patient owes 25) is
    // unknown: an obligated-to-accept payment cannot be computed.
    let no_allowed = primary_835(&dir, |text| text.replace("AMT*B6*150.00~", ""));
    let (out, err, status) = coordinate(
        &no_allowed,
        &["medicare-secondary", "--obligated-to-accept"],
    );
    assert_eq!((out.as_str(), status), ("", 1));
    assert_eq!(
        err,
        "medbill: cannot coordinate: PRIOR-ALLOWED-MISSING at /lines/0/allowed: the prior payer's allowed amount is needed when the provider is obligated to accept it\n"
    );
    // An 835 without the claim; a line that does not balance.
    let (_, err, status) = coordinate(&data("x12/remittance.835"), &["standard"]);
    assert_eq!(status, 2);
    assert!(
        err.ends_with(
            "remittance.835: not exactly one claim with the claim's patient control number\n"
        ),
        "{err}"
    );
    let unbalanced = primary_835(&dir, |text| {
        text.replace("CAS*CO*45*30.00~", "CAS*CO*45*20.00~")
    });
    let (_, err, status) = coordinate(&unbalanced, &["standard"]);
    assert_eq!(status, 1);
    assert!(
        err.starts_with("medbill: cannot coordinate: PRIOR-LINE-BALANCE at /lines/0/adjustments: "),
        "{err}"
    );
    // Method arguments that do not go together.
    let prior = primary_835(&dir, |text| text);
    let (_, err, status) = coordinate(&prior, &["maintenance-of-benefits"]);
    assert_eq!(status, 2);
    assert_eq!(
        err,
        "medbill: --method maintenance-of-benefits needs --coverage\n"
    );
    let (_, err, status) = coordinate(&prior, &["standard", "--coverage", "80%"]);
    assert_eq!(status, 2);
    assert_eq!(
        err,
        "medbill: --coverage is for --method maintenance-of-benefits\n"
    );
}

#[test]
fn coordinate_prices_a_claim_under_the_next_payers_contract_only_when_told() {
    let dir = scratch("coordinate-any-payer");
    let prior = primary_835(&dir, |text| text);
    let coordinate = |any_payer: bool| {
        let mut cmd = medbill();
        cmd.arg("coordinate")
            .arg(&prior)
            .arg(data("claims/professional-clean.json"))
            .arg("--contract")
            .arg(data("contracts/lakeshore-medicaid.json"))
            .arg("--plan")
            .arg(data("plans/lakeshore-medicaid.json"))
            .args(["--method", "standard", "--as-of", "2026-11-27"]);
        if any_payer {
            cmd.arg("--any-payer");
        }
        stdout_of(&mut cmd)
    };
    // The claim is still billed to Medicare (00952); the Medicaid contract is LKMCD's.
    let (out, err, status) = coordinate(false);
    assert_eq!((out.as_str(), status), ("", 1));
    assert!(err.contains("the contract is with payer LKMCD"), "{err}");
    // Medicaid allows 76.00 for 99214 and pays 74.00 of it (2.00 copay): standard,
    // min(74.00, 76.00 − 125.00) < 0, so nothing; the patient still owes the PPO's 25.00.
    let (out, err, status) = coordinate(true);
    assert_eq!((err.as_str(), status), ("", 0));
    assert!(
        out.starts_with("claim ENC-1001 under Lakeshore Medicaid by standard coordination: prior payers paid $150.00, this payer pays $0.00, patient owes $25.00\n"),
        "{out}"
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
    // The transaction set twice in its group (segments 3–34, then 35–66), GE01 counting both.
    let clean = String::from_utf8(clean_837()).unwrap();
    let start = clean.find("ST*837").unwrap();
    let end = clean.find("GE*1*").unwrap();
    let set = &clean[start..end];
    let twice = format!("{}{set}{}", &clean[..end], &clean[end..]).replace("GE*1*", "GE*2*");
    let (err, status) = check(twice.into_bytes());
    assert!(
        err.contains("error: X12-ST02-DUPLICATE at segment 35 ST02"),
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
    // `LX*1~~`: an empty segment 27, so ST to SE holds 33 segments.
    let bytes = replaced(&clean_837(), b"LX*1~", b"LX*1~~");
    let counted = replaced(&bytes, b"SE*32*", b"SE*33*");
    let (err, status) = check(counted);
    assert!(
        err.contains("error: X12-EMPTY-SEGMENT at segment 27"),
        "{err}"
    );
    assert!(!err.contains("X12-SE01-COUNT"), "{err}");
    assert_eq!(status, 1);
    let (err, status) = check(bytes);
    assert!(
        err.contains("X12-SE01-COUNT at segment 35 SE01: does not match the 33 segments"),
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
