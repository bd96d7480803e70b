//! `medbill books report` end to end: books made with the CLI's own commands over two months,
//! the report written as HTML with its charts, and the same figures as JSON as `medbill books
//! kpi --json` prints them.
//!
//! The books (figures worked by hand from examples/data/books):
//! - December: BK-1 (245.00) and BK-2 (130.00) charged on 12-01; the sample 835 posted on 12-02
//!   pays BK-1 120.00 (CO-45 50 + 35 written off, PR 40 to the patient) and denies BK-2 CO-97
//!   130.00.
//! - January: the same two claims again as BK-3 and BK-4, served 2027-01-02 and charged on
//!   01-06; an 835 posted on 01-16 pays BK-3 120.00 with CO-45 50 and, on its second line,
//!   CO-29 (timely filing) 35 instead of CO-45, and denies BK-4 CO-97 130.00; the patient pays
//!   BK-1's 30.00 on 01-10.
//!
//! The report written here, `report-kpis.html` in cargo's test temporary folder under
//! `target/`, is the page `report/tests/chromium.mjs` opens in headless Chromium.

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

/// `medbill books --books FILE …`.
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

/// Replaces every `from` with its `to`, in order.
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    edits
        .iter()
        .fold(text.to_owned(), |text, (from, to)| text.replace(from, to))
}

/// The books of the module's doc, in `dir`.
fn two_months(dir: &Path) -> PathBuf {
    let file = dir.join("books.sqlite");
    ok(books(&file).arg("init"));
    ok(books(&file)
        .args(["charge", "--billed", "2026-11-20", "--posted", "2026-12-01"])
        .arg(data("books/claims.json")));
    ok(books(&file)
        .args(["post", "--posted", "2026-12-02"])
        .arg(data("books/remittance.835")));

    let claims = std::fs::read_to_string(data("books/claims.json")).unwrap();
    let january = dir.join("january.json");
    std::fs::write(
        &january,
        edited(
            &claims,
            &[
                ("BK-1", "BK-3"),
                ("BK-2", "BK-4"),
                ("2026-11-20", "2027-01-02"),
            ],
        ),
    )
    .unwrap();
    ok(books(&file)
        .args(["charge", "--billed", "2027-01-05", "--posted", "2027-01-06"])
        .arg(&january));
    ok(books(&file).args([
        "pay",
        "--patient",
        "PA-100",
        "--amount",
        "30.00",
        "--claim",
        "BK-1",
        "--received",
        "2027-01-10",
        "--posted",
        "2027-01-10",
    ]));
    let remit = std::fs::read_to_string(data("books/remittance.835")).unwrap();
    assert!(remit.contains("CAS*CO*45*35~"), "the sample 835 changed");
    let answer = dir.join("january.835");
    std::fs::write(
        &answer,
        edited(
            &remit,
            &[
                ("BK-1", "BK-3"),
                ("BK-2", "BK-4"),
                ("20261120", "20270102"),
                ("20261201", "20270115"),
                ("000000907", "000000908"),
                ("CAS*CO*45*35~", "CAS*CO*29*35~"),
            ],
        ),
    )
    .unwrap();
    ok(books(&file)
        .args(["post", "--posted", "2027-01-16"])
        .arg(&answer));
    file
}

const PERIOD: [&str; 4] = ["--from", "2026-11-01", "--to", "2027-01-31"];

/// Where the report is left for the Chromium check (`report/tests/chromium.mjs`).
fn report_file() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-kpis.html")
}

#[test]
fn the_report_writes_the_page_with_its_charts_and_prints_the_kpi_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_months(dir.path());
    let kpi: Value =
        serde_json::from_str(&ok(books(&file).arg("kpi").args(PERIOD).arg("--json"))).unwrap();

    // The figures, by hand: 245 + 130 + 245 + 130 charged; 120 + 120 from Medicare and 30
    // from the patient; CO-45 50 + 35 in December and 50 in January written off as
    // contractual; 270 ÷ (750 − 135) = 43.902…%.
    assert_eq!(kpi["charges"], "750.00");
    assert_eq!(kpi["collections"], "270.00");
    assert_eq!(kpi["contractualAdjustments"], "135.00");
    assert_eq!(kpi["netCollectionRate"]["percent"], "43.90");
    assert_eq!(kpi["timelyFilingLosses"], "35.00");
    // BK-2 and BK-4 denied CO-97: 260 bundled, ahead of BK-3's 35 for timely filing.
    assert_eq!(kpi["denialsByCategory"][0]["category"], "bundling");
    assert_eq!(kpi["denialsByCategory"][0]["amount"], "260.00");
    assert_eq!(kpi["denialsByCategory"][1]["category"], "timelyFiling");
    assert_eq!(kpi["denialsByCategory"][1]["amount"], "35.00");
    assert_eq!(kpi["months"].as_array().unwrap().len(), 2);

    let page = report_file();
    let _ = std::fs::remove_file(&page);
    let json_out = dir.path().join("kpis.json");
    let printed = ok(books(&file)
        .arg("report")
        .args(PERIOD)
        .args(["--html", "-o"])
        .arg(&page)
        .arg("--json-out")
        .arg(&json_out)
        .args(["--title", "Riverbend Family Medicine <KPIs>"])
        .arg("--json"));
    // Standard output is the JSON alone, the same as `books kpi --json`'s.
    let printed: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(printed, kpi);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&json_out).unwrap()).unwrap();
    assert_eq!(saved, kpi);

    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert_eq!(html.matches("<svg").count(), 3);
    for id in ["aging-chart", "pareto-chart", "trend-chart"] {
        assert!(html.contains(&format!("<figure id=\"{id}\"><svg")), "{id}");
    }
    for banned in ["http", "src=", "<script"] {
        assert!(!html.contains(banned), "{banned}");
    }
    assert!(html.contains("<title>Riverbend Family Medicine &lt;KPIs&gt;</title>"));
    for figure in [
        "$750.00", "$270.00", "43.90%", "$260.00", "2026-12", "2027-01",
    ] {
        assert!(html.contains(figure), "{figure}");
    }

    // Without --json, a line says what was written.
    let again = dir.path().join("again.html");
    let said = ok(books(&file)
        .arg("report")
        .args(PERIOD)
        .args(["--html", "-o"])
        .arg(&again));
    assert!(
        said.starts_with("wrote the report of 2026-11-01 to 2027-01-31 to "),
        "{said}"
    );
    let again = std::fs::read_to_string(&again).unwrap();
    assert_eq!(again.matches("<svg").count(), 3);
    assert!(again.contains("<title>Billing KPIs</title>"));
}

#[test]
fn the_report_refuses_what_it_cannot_write_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("books.sqlite");
    ok(books(&file).arg("init"));
    for (args, says) in [
        (&["report"][..], "nothing to write"),
        (&["report", "--html"][..], "--html needs -o FILE"),
        (&["report", "-o", "page.html"][..], "give --html too"),
    ] {
        let (out, err, status) = run(books(&file).args(args).current_dir(dir.path()));
        assert_eq!(status, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // Empty books still make a whole page.
    let page = dir.path().join("empty.html");
    ok(books(&file)
        .args(["report", "--to", "2026-12-31", "--html", "-o"])
        .arg(&page));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(html.contains("No denials were posted in the period"));
}
