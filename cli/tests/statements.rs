//! `medbill books statement|plan|explain` end to end, on books built with the other `books`
//! commands: the sample claims charged, the sample 835 posted, a patient payment.
//!
//! Worked by hand from the sample 835 (examples/data/books/remittance.835): BK-1 (patient
//! account PA-100, served 2026-11-20) charged 180 + 65 = 245, Medicare Part B paid 100 + 20 =
//! 120, CO-45 50 + 35 = 85 written off, PR-1 20 (deductible) and PR-2 10 + 10 (coinsurance)
//! moved to the patient, posted 2026-12-02: 40.00. The patient pays 15.00 on 2026-12-10:
//! 25.00 left. BK-2 (PA-200) was denied CO-97 130: the patient owes nothing.
//!
//! As of 2027-01-05 the share is 34 days old (arose 2026-12-02): the second statement; the
//! visit is 46 days from its date of service (31–60); pay by 2027-02-04.

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
use medbill::codes::Carc;
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

fn run(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn ok(cmd: &mut Command) -> String {
    let (out, err, status) = run(cmd);
    assert_eq!(status, 0, "stdout: {out}\nstderr: {err}");
    out
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&ok(cmd.arg("--json"))).unwrap()
}

/// The catalog's words for a CARC (the tests do not fix its wording).
fn words(code: &str) -> &'static str {
    medbill::denial::carc(&Carc::parse(code).unwrap())
        .unwrap()
        .words
}

fn lower(words: &str) -> String {
    let mut chars = words.chars();
    let first = chars.next().unwrap();
    first.to_lowercase().chain(chars).collect()
}

/// The books described at the top of this file.
fn sample_books(dir: &Path) -> PathBuf {
    let file = dir.join("books.sqlite");
    ok(books(&file).arg("init"));
    ok(books(&file)
        .args(["charge", "--billed", "2026-11-20", "--posted", "2026-12-01"])
        .arg(data("books/claims.json")));
    ok(books(&file)
        .args(["post", "--posted", "2026-12-02"])
        .arg(data("books/remittance.835")));
    ok(books(&file).args([
        "pay",
        "--patient",
        "PA-100",
        "--claim",
        "BK-1",
        "--amount",
        "15.00",
        "--received",
        "2026-12-10",
        "--posted",
        "2026-12-10",
    ]));
    file
}

#[test]
fn a_statement_prints_the_visit_why_the_patient_owes_and_the_dunning_stage() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_books(dir.path());
    let text = ok(books(&file).args(["statement", "PA-100", "--as-of", "2027-01-05"]));
    let row = |label: &str, amount: &str| format!("  {label:<58}{amount:>12}\n");
    let visit = [
        "Visit on 2026-11-20 (claim BK-1)\n".to_owned(),
        row("2026-11-20  99214", "180.00"),
        row("2026-11-20  83036", "65.00"),
        row("Charged", "245.00"),
        row("Paid by Medicare Part B", "-120.00"),
        row("Adjusted by Medicare Part B (not billed to you)", "-85.00"),
        row("Your share", "40.00"),
        format!(
            "    {} 20.00, {} 20.00 (Medicare Part B)\n",
            words("1"),
            lower(words("2"))
        ),
        row("You paid", "-15.00"),
        row("You owe for this visit", "25.00"),
    ]
    .concat();
    assert!(text.contains(&visit), "{text}");
    assert!(
        text.contains(
            "SECOND STATEMENT\nStatement date: 2027-01-05\nAccount: PA-100\nPatient: Jane Doe\n\
             Amount due: $25.00\nPlease pay by: 2027-02-04\n"
        ),
        "{text}"
    );
    assert!(text.contains(&row("Amount due", "25.00")), "{text}");
    let figures: String = ["0.00", "25.00", "0.00", "0.00", "0.00", "25.00"]
        .iter()
        .map(|f| format!("{f:>12}"))
        .collect();
    assert!(text.ends_with(&format!("  {figures}\n")), "{text}");

    let document = json(books(&file).args(["statement", "PA-100", "--as-of", "2027-01-05"]));
    assert_eq!(document["totals"]["amountDue"], "25.00");
    assert_eq!(document["dunning"]["stage"], "statement2");
    assert_eq!(document["dunning"]["owedSince"], "2026-12-02");
    assert_eq!(document["visits"][0]["figures"]["patientPaid"], "15.00");
    assert_eq!(document["visits"][0]["share"][0]["amount"], "20.00");
    // Before the 835 the patient owes nothing: a statement with nothing due, no dunning.
    let early = json(books(&file).args(["statement", "PA-100", "--as-of", "2026-12-01"]));
    assert_eq!(early["totals"]["amountDue"], "0.00");
    assert!(early.get("dunning").is_none());
    assert_eq!(early["visits"][0]["payers"][0]["status"], "awaiting");
}

#[test]
fn a_statement_is_written_as_html_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_books(dir.path());
    let page = dir.path().join("statement.html");
    let out = ok(books(&file)
        .args([
            "statement",
            "PA-100",
            "--as-of",
            "2027-01-05",
            "--html",
            "-o",
        ])
        .arg(&page));
    assert_eq!(out, "");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<h1>Second statement</h1>"), "{html}");
    assert!(html.contains("<td class=\"amount\">25.00</td>"), "{html}");
    for outside in ["http:", "https:", "src=", "href=", "<script", "<link"] {
        assert!(!html.contains(outside), "{outside}");
    }
    let (_, err, status) = run(books(&file).args(["statement", "PA-100", "--html", "--json"]));
    assert_eq!(status, 2, "{err}");
    // As PDF: the same text, line by line (pdf-writer's content is not compressed).
    let pdf = dir.path().join("statement.pdf");
    ok(books(&file)
        .args([
            "statement",
            "PA-100",
            "--as-of",
            "2027-01-05",
            "--pdf",
            "-o",
        ])
        .arg(&pdf));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&bytes);
    let shown = ok(books(&file).args(["statement", "PA-100", "--as-of", "2027-01-05"]));
    let line = shown.lines().find(|l| l.contains("25.00")).unwrap();
    assert!(text.contains(&format!("({})", line.trim_end())), "{line}");
    let (_, err, status) = run(books(&file).args(["statement", "PA-100", "--pdf"]));
    assert_eq!(status, 2, "{err}");
    // A patient account the books do not know: refused, without echoing patient data.
    let (out, err, status) =
        run(books(&file).args(["statement", "PA-999", "--as-of", "2027-01-05"]));
    assert_eq!((out.as_str(), status), ("", 1));
    assert_eq!(
        err,
        "medbill: the patient account has no entries on the books as of the date\n"
    );
}

#[test]
fn a_plan_splits_what_the_patient_owes_into_installments_that_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_books(dir.path());
    // 25.00 in 3: 8.34, 8.33, 8.33; monthly from January 31 (February's last day next).
    let text = ok(books(&file).args([
        "plan",
        "PA-100",
        "--installments",
        "3",
        "--every",
        "month",
        "--first",
        "2027-01-31",
        "--as-of",
        "2027-01-05",
    ]));
    assert_eq!(
        text,
        "payment plan for patient account PA-100: $25.00 owed as of 2027-01-05, 3 installments monthly from 2027-01-31\n\
         \x20   1  2027-01-31          8.34\n\
         \x20   2  2027-02-28          8.33\n\
         \x20   3  2027-03-31          8.33\n\
         an installment unpaid 0 days after its due date is missed; 2 missed put the plan in default\n"
    );
    // 25.00 at 10.00 every two weeks: 10, 10, 5.
    let plan = json(books(&file).args([
        "plan",
        "PA-100",
        "--amount",
        "10.00",
        "--every",
        "2weeks",
        "--first",
        "2027-01-15",
        "--as-of",
        "2027-01-05",
        "--grace-days",
        "5",
    ]));
    let schedule: Vec<(&str, &str)> = plan["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["due"].as_str().unwrap(), i["amount"].as_str().unwrap()))
        .collect();
    assert_eq!(
        schedule,
        [
            ("2027-01-15", "10.00"),
            ("2027-01-29", "10.00"),
            ("2027-02-12", "5.00")
        ]
    );
    assert_eq!(plan["balance"], "25.00");
    assert_eq!(plan["graceDays"], 5);
    // PA-200 owes nothing; both ways of splitting at once is a usage error.
    let (_, err, status) = run(books(&file).args([
        "plan",
        "PA-200",
        "--installments",
        "2",
        "--every",
        "week",
        "--first",
        "2027-01-15",
    ]));
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("the patient owes nothing"), "{err}");
    let (_, err, status) = run(books(&file).args([
        "plan",
        "PA-100",
        "--installments",
        "2",
        "--amount",
        "5.00",
        "--every",
        "week",
        "--first",
        "2027-01-15",
    ]));
    assert_eq!(status, 2, "{err}");
}

#[test]
fn explain_answers_the_patient_and_a_payer_from_the_entries() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_books(dir.path());
    let text = ok(books(&file).args(["explain", "BK-1", "--as-of", "2027-01-05"]));
    let expected = [
        "Your visit on 2026-11-20 (claim BK-1): we charged 245.00 for 2 services: 99214 180.00, 83036 65.00.".to_owned(),
        "Medicare Part B paid 120.00.".to_owned(),
        format!(
            "Medicare Part B took 85.00 off the charges ({} 85.00); you are not billed for that part.",
            words("45")
        ),
        format!(
            "Medicare Part B made 40.00 your share: {} 20.00, {} 20.00.",
            words("1"),
            lower(words("2"))
        ),
        "You paid 15.00 on 2026-12-10.".to_owned(),
        "You owe 25.00 for this visit.".to_owned(),
    ]
    .map(|s| s + "\n")
    .concat();
    assert_eq!(text, expected);

    let payer =
        ok(books(&file).args(["explain", "BK-2", "--for", "payer", "--as-of", "2027-01-05"]));
    assert_eq!(
        payer,
        "Claim BK-2, billed 2026-11-20: dates of service 2026-11-20, 1 line, charged 130.00.\n\
         Line 1: 2026-11-20 97110, charged 130.00.\n\
         Medicare Part B (primary, 00952), claim number ICNBK2: denied (remittance EFT20261201 of 2026-12-01); billed 130.00, paid 0.00, adjustments CO-97 130.00; balance with this payer 0.00.\n\
         Patient responsibility assigned by the payers: 0.00.\n"
    );
    let answer =
        json(books(&file).args(["explain", "BK-1", "--for", "payer", "--as-of", "2027-01-05"]));
    assert_eq!(answer["payer"]["payerClaimNumbers"][0], "ICNBK1");
    assert_eq!(answer["payer"]["patientResponsibility"], "40.00");
    let raw = answer.to_string();
    for patient_data in [
        "Doe",
        "DOE",
        "Jane",
        "XJH123456789",
        "1958-04-12",
        "Elm St",
        "PA-100",
    ] {
        assert!(!raw.contains(patient_data), "{patient_data} in {raw}");
    }
    let (out, err, status) = run(books(&file).args(["explain", "BK-9"]));
    assert_eq!((out.as_str(), status), ("", 1));
    assert!(err.contains("no such claim on the books"), "{err}");
}
