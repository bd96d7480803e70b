//! `medbill scrub`, end to end: the NCCI/MUE/AOC fixtures in the published layouts, the
//! example payer pack and history; text and JSON; exit statuses.

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

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(relative)
}

fn scrub(extra: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("medbill")
        .unwrap()
        .arg("scrub")
        .arg(data("scrub/claim-with-edits.json"))
        .arg("--codesets")
        .arg(data("codesets"))
        .args(["--as-of", "2026-03-20"])
        .args(extra)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn scrub_finds_the_ncci_pair_and_the_add_on_without_primary() {
    // The fixtures alone (no ../shared needed): ccipra 29881/29877 indicator 0, AOC
    // 11045 type 1 with primary 11042.
    let (text, status) = scrub(&["--json"]);
    assert_eq!(status, 1, "{text}");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("SCRUB-"))
        .map(|f| (f["rule"].as_str().unwrap(), f["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rules,
        [
            ("SCRUB-NCCI-PTP", "/form/professional/lines/2/procedure"),
            (
                "SCRUB-ADDON-PRIMARY",
                "/form/professional/lines/3/procedure"
            ),
        ]
    );
    assert!(
        findings
            .iter()
            .any(|f| f["fix"].as_str().is_some_and(|x| x.contains("11042")))
    );
}

#[test]
fn scrub_reads_history_and_payer_rules() {
    // 27447 (global 090, from PPRRVU when loaded) 29 days before: only with ../shared's PFS
    // file is the global period known, so this test checks the pack and history are read
    // and a broken pack is refused with status 2.
    let (text, status) = scrub(&[
        "--payer-rules",
        data("scrub/payer-rules.json").to_str().unwrap(),
        "--history",
        data("scrub/history.json").to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    assert!(
        text.contains("loaded NCCI PTP practitioner: 9 edits"),
        "{text}"
    );
    assert!(
        text.contains("fix: remove 29877 or bill only 29881"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"disabled": ["SCRUB-NOT-A-RULE"]}"#).unwrap();
    let (_, status) = scrub(&["--payer-rules", bad.to_str().unwrap()]);
    assert_eq!(status, 2);
}

#[test]
fn a_code_set_pack_scrubs_as_the_files_it_was_built_from() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("codeset-pack");
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("fixtures-2026.mbpack");
    let out = Command::cargo_bin("medbill")
        .unwrap()
        .args(["codesets", "pack"])
        .arg(data("codesets"))
        .arg("-o")
        .arg(&pack)
        .args(["--from", "2026-01-01", "--to", "2026-12-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("packed NCCI PTP practitioner: 9 edits"),
        "{said}"
    );
    assert!(
        std::fs::read(&pack)
            .unwrap()
            .starts_with(b"MEDBILL-CODESETS")
    );
    let from_files = scrub(&["--json"]);
    let from_pack = Command::cargo_bin("medbill")
        .unwrap()
        .arg("scrub")
        .arg(data("scrub/claim-with-edits.json"))
        .arg("--codesets")
        .arg(&pack)
        .args(["--as-of", "2026-03-20", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        (
            String::from_utf8(from_pack.stdout).unwrap(),
            from_pack.status.code().unwrap_or(-1)
        ),
        from_files
    );
    // A file that is not a pack, and a pack given with a folder, are refused by name.
    let wrong = Command::cargo_bin("medbill")
        .unwrap()
        .arg("scrub")
        .arg(data("scrub/claim-with-edits.json"))
        .arg("--codesets")
        .arg(data("scrub/history.json"))
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8(wrong.stderr)
            .unwrap()
            .contains("not a folder or a code-set pack")
    );
    let mixed = Command::cargo_bin("medbill")
        .unwrap()
        .arg("scrub")
        .arg(data("scrub/claim-with-edits.json"))
        .arg("--codesets")
        .arg(&pack)
        .arg("--codesets")
        .arg(data("codesets"))
        .output()
        .unwrap();
    assert_eq!(mixed.status.code(), Some(2));
}
