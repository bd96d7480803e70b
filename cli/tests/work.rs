//! `medbill books kpi | denials | correct | void | appeal | followup | status | fixes` end to
//! end on the sample books (examples/data/books): BK-1 charged 245, paid 120 on the
//! 2026-12-01 EFT with CO-45 85 and PR 40; BK-2 charged 130, denied CO-97 (ICNBK2); both
//! billed 2026-11-20 to Medicare Part B (MB). Figures worked by hand from the KPI definitions
//! (medbill::kpi) and RULES.md §7.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
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

fn books(file: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medbill").unwrap();
    cmd.arg("books").arg("--books").arg(file);
    cmd
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    stdout
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&ok(cmd.arg("--json"))).unwrap()
}

/// The sample books: charged (billed 11-20, entered 12-01) and the sample 835 posted 12-02.
fn posted(dir: &Path) -> PathBuf {
    let file = dir.join("books.sqlite");
    ok(books(&file).arg("init"));
    ok(books(&file)
        .args(["charge", "--billed", "2026-11-20", "--posted", "2026-12-01"])
        .arg(data("books/claims.json")));
    ok(books(&file)
        .args(["post", "--posted", "2026-12-02"])
        .arg(data("books/remittance.835")));
    file
}

#[test]
fn kpi_reports_the_sample_day_as_worked_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let file = posted(dir.path());
    let k = json(books(&file).args(["kpi", "--from", "2026-11-01", "--to", "2026-12-31"]));
    assert_eq!(k["charges"], "375.00");
    assert_eq!(k["collections"], "120.00");
    assert_eq!(k["contractualAdjustments"], "85.00");
    // Both claims billed in the period, neither rejected.
    assert_eq!(k["cleanClaimRate"]["percent"], "100.00");
    // BK-1 first pass; BK-2 denied: 1 of 2.
    assert_eq!(k["firstPassRate"]["count"], 1);
    assert_eq!(k["denialRateByCount"]["percent"], "50.00");
    // 130 ÷ 375 = 34.666…%.
    assert_eq!(k["denialRateByAmount"]["percent"], "34.67");
    // 120 ÷ (375 − 85) = 41.379…%.
    assert_eq!(k["netCollectionRate"]["percent"], "41.38");
    // The patient's 40; 40 × 90 ÷ 375 = 9.6 days.
    assert_eq!(k["receivables"], "40.00");
    assert_eq!(k["daysInAr"], "9.6");
    // Billed 11-20, paid on the 12-01 EFT: 11 days.
    assert_eq!(k["daysToPayment"][0]["averageDays"], "11.0");
    assert_eq!(k["denialsByCarc"][0]["code"], "CO-97");
    let text = ok(books(&file).args(["kpi", "--from", "2026-11-01", "--to", "2026-12-31"]));
    assert!(text.contains("net collection rate"), "{text}");
    assert!(text.contains("41.38%"), "{text}");
    // A period that ends before it starts is refused.
    let refused = books(&file)
        .args(["kpi", "--from", "2026-12-31", "--to", "2026-11-01"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn denials_correct_and_appeal_work_the_denied_claim() {
    let dir = tempfile::tempdir().unwrap();
    let file = posted(dir.path());
    let queue = json(books(&file).args(["denials", "--as-of", "2026-12-10"]));
    let items = queue["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["claim"], "BK-2");
    assert_eq!(items[0]["reasons"][0]["code"], "CO-97");
    assert_eq!(items[0]["category"], "bundling");
    // Medicare: 120 days from the 2026-12-01 determination.
    assert_eq!(items[0]["appealDeadline"], "2027-03-31");
    assert_eq!(items[0]["payerClaimNumber"], "ICNBK2");

    let changes = dir.path().join("changes.json");
    std::fs::write(
        &changes,
        r#"[{"op": "add", "path": "/form/professional/lines/0/modifiers", "value": ["59"]}]"#,
    )
    .unwrap();
    let corrected: Value = serde_json::from_str(&ok(books(&file)
        .args(["correct", "BK-2", "--sent", "2026-12-11", "--changes"])
        .arg(&changes)))
    .unwrap();
    assert_eq!(corrected["frequency"], "7");
    assert_eq!(corrected["originalClaimNumber"], "ICNBK2");
    assert_eq!(
        corrected["form"]["professional"]["lines"][0]["modifiers"][0],
        "59"
    );
    // Recorded as sent: the queue says so.
    let queue = json(books(&file).args(["denials", "--as-of", "2026-12-12"]));
    assert_eq!(queue["items"][0]["resubmitted"], "2026-12-11");
    // A void of the same claim.
    let void: Value = serde_json::from_str(&ok(books(&file).args(["void", "BK-2"]))).unwrap();
    assert_eq!(void["frequency"], "8");

    let argument = dir.path().join("argument.txt");
    std::fs::write(
        &argument,
        "The therapy session was distinct from the visit.\n\nNotes are enclosed.\n",
    )
    .unwrap();
    let letter = ok(books(&file)
        .args([
            "appeal",
            "BK-2",
            "--date",
            "2026-12-12",
            "--enclosure",
            "Therapy notes",
        ])
        .arg("--argument")
        .arg(&argument));
    assert!(
        letter.contains("Request for redetermination of claim ICNBK2"),
        "{letter}"
    );
    assert!(letter.contains("The therapy session was distinct from the visit."));
    assert!(letter.contains("ends on March 31, 2027"), "{letter}");
    let pdf = dir.path().join("appeal.pdf");
    ok(books(&file)
        .args([
            "appeal",
            "BK-2",
            "--date",
            "2026-12-12",
            "--format",
            "pdf",
            "-o",
        ])
        .arg(&pdf)
        .arg("--argument")
        .arg(&argument));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // BK-1 has no denial to appeal.
    let none = books(&file)
        .args(["appeal", "BK-1", "--argument"])
        .arg(&argument)
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
}

/// A claim like BK-1 under another patient control number, never answered.
fn charge_unanswered(file: &Path, dir: &Path) {
    let text = std::fs::read_to_string(data("books/claims.json")).unwrap();
    let mut claims: Value = serde_json::from_str(&text).unwrap();
    let mut one = claims[0].take();
    one["claim"]["patientControlNumber"] = "BK-3".into();
    let path = dir.join("bk3.json");
    std::fs::write(&path, serde_json::to_string(&vec![one]).unwrap()).unwrap();
    ok(books(file)
        .args(["charge", "--billed", "2026-11-20", "--posted", "2026-12-03"])
        .arg(&path));
}

#[test]
fn followup_asks_about_unanswered_claims_and_status_posts_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let file = posted(dir.path());
    charge_unanswered(&file, dir.path());
    // 30 days after 11-20 is 12-20.
    let early = json(books(&file).args(["followup", "--as-of", "2026-12-19"]));
    assert_eq!(early["items"].as_array().unwrap().len(), 0);
    let request = dir.path().join("status.276");
    let due = json(
        books(&file)
            .args(["followup", "--as-of", "2026-12-20", "--request-276"])
            .arg(&request),
    );
    assert_eq!(due["items"][0]["claim"], "BK-3");
    assert_eq!(due["items"][0]["amount"], "245.00");
    let x12 = std::fs::read_to_string(&request).unwrap();
    assert!(x12.starts_with("ISA*") && x12.contains("ST*276*"), "{x12}");
    assert!(x12.contains("TRN*1*BK-3"), "{x12}");

    // The 277CA answer: BK-3 rejected for the billing provider's NPI.
    let ack = "ISA*00*          *00*          *ZZ*MEDICARE       *ZZ*RIVERBEND      *261221*1200*^*00501*000000077*0*T*:~\
GS*HN*MEDICARE*RIVERBEND*20261221*1200*77*X*005010X214~ST*277*0001*005010X214~\
BHT*0085*08*ACK-77*20261221*1200*TH~HL*1**20*1~NM1*PR*2*MEDICARE*****PI*00952~TRN*1*ACK-77~\
DTP*050*D8*20261221~DTP*009*D8*20261221~HL*2*1*21*1~NM1*41*2*RIVERBEND*****46*RB~TRN*2*B-1~\
STC*A1:20*20261221*WQ*245~HL*3*2*19*1~NM1*85*2*RIVERBEND CLINIC*****XX*1234567893~\
HL*4*3*PT~NM1*QC*1*DOE*JANE****MI*W123~TRN*2*BK-3~STC*A7:562:85*20261221*U*245~\
SE*17*0001~GE*1*77~IEA*1*000000077~";
    let path = dir.path().join("ack.277");
    std::fs::write(&path, ack).unwrap();
    let out = ok(books(&file)
        .args(["status", "--posted", "2026-12-21"])
        .arg(&path));
    assert!(out.contains("BK-3"), "{out}");
    assert!(out.contains("Rejected"), "{out}");
    assert!(
        out.contains("the entity's NPI is missing or invalid (562)"),
        "{out}"
    );
    assert!(out.contains("1 status entries posted"), "{out}");
    // The rejection counts: 2 of 3 claims billed in November were clean.
    let k = json(books(&file).args(["kpi", "--from", "2026-11-01", "--to", "2026-12-31"]));
    assert_eq!(k["cleanClaimRate"]["count"], 2);
    assert_eq!(k["cleanClaimRate"]["of"], 3);
    // And the fix list names the field, without books.
    let fixes: Value = serde_json::from_str(&ok(Command::cargo_bin("medbill")
        .unwrap()
        .args(["books", "--books"])
        .arg(dir.path().join("no-such-books.sqlite"))
        .args(["fixes", "--json"])
        .arg(&path)))
    .unwrap();
    assert_eq!(fixes[0]["claim"], "BK-3");
    assert_eq!(fixes[0]["path"], "/billingProvider/npi");
}
