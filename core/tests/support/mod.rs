//! Helpers shared by the integration tests: fixtures, sample PFS data and claim builders.

#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    reason = "test helpers: each test file uses a different part, and fails loudly"
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use medbill::Claim;
use medbill::Money;
use medbill::claim::{ClaimForm, Quantity};
use medbill::codesets::{AnesthesiaConversionFactors, GpciTable, PfsData, RvuTable, ZipLocalities};

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data")
}

pub fn sample_pfs() -> PfsData {
    let dir = data_dir().join("pfs-sample");
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    PfsData {
        rvu: RvuTable::load(&read("rvu-sample.csv")).unwrap(),
        gpci: GpciTable::load(&read("gpci-sample.csv")).unwrap(),
        anesthesia: Some(AnesthesiaConversionFactors::load(&read("anes-sample.csv")).unwrap()),
        zip: Some(ZipLocalities::load(&read("zip-sample.txt")).unwrap()),
        version: "SAMPLE".into(),
        version_source: medbill::codesets::PfsVersionSource::Caller,
    }
}

pub fn m(text: &str) -> Money {
    text.parse().unwrap()
}

pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// A line: procedure, modifiers, charge, units (or `m<minutes>`), place of service.
pub struct L(
    pub &'static str,
    pub &'static [&'static str],
    pub &'static str,
    pub &'static str,
    pub &'static str,
);

pub fn claim(lines: &[L]) -> Claim {
    build(
        lines
            .iter()
            .map(|L(code, mods, charge, units, pos)| Spec {
                code: (*code).to_owned(),
                modifiers: mods.iter().map(|m| (*m).to_owned()).collect(),
                charge: m(charge),
                units: (*units).to_owned(),
                pos: (*pos).to_owned(),
            })
            .collect(),
    )
}

/// One line of a generated claim.
#[derive(Debug, Clone)]
pub struct Spec {
    pub code: String,
    pub modifiers: Vec<String>,
    pub charge: Money,
    pub units: String,
    pub pos: String,
}

pub fn build(specs: Vec<Spec>) -> Claim {
    let text = std::fs::read_to_string(data_dir().join("claims/professional-clean.json")).unwrap();
    let mut claim = Claim::from_json(&text).unwrap();
    let ClaimForm::Professional(form) = &mut claim.form else {
        unreachable!()
    };
    let template = form.lines[0].clone();
    form.lines = specs
        .into_iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut line = template.clone();
            line.procedure = spec.code.parse().unwrap();
            line.modifiers = spec.modifiers.iter().map(|m| m.parse().unwrap()).collect();
            line.charge = spec.charge;
            line.quantity = match spec.units.strip_prefix('m') {
                Some(minutes) => Quantity::Minutes(minutes.parse().unwrap()),
                None => Quantity::Units(spec.units.parse().unwrap()),
            };
            line.place_of_service = Some(spec.pos.parse().unwrap());
            line.diagnosis_pointers = vec![1];
            line.line_item_control_number = Some(format!("L{i}"));
            line
        })
        .collect();
    claim.total_charge = claim.line_charge_total().unwrap();
    claim.rendering_provider = None;
    claim
}

/// A folder or file under `../shared/data/`; see `shared_codeset` for the rules.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    let message = format!(
        "shared data missing: {} (expected ../shared beside the repo)",
        path.display()
    );
    assert!(
        std::env::var_os("MEDBILL_ALLOW_MISSING_SHARED").is_some(),
        "{message}"
    );
    eprintln!("SKIPPED: {message}");
    None
}

/// Every file under `../shared/data/<relative>` (its subfolders too), sorted, except the
/// notes (`.md`); empty when the folder is absent (see `shared_data` for the rules).
#[allow(dead_code, reason = "not every test file walks the shared samples")]
pub fn shared_files(relative: &str) -> Vec<PathBuf> {
    let Some(root) = shared_data(relative) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_none_or(|e| e != "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A file under `../shared/data/codesets/`. When the folder is absent the test fails with a
/// clear message, unless `MEDBILL_ALLOW_MISSING_SHARED=1` is set: then it says SKIPPED.
pub fn shared_codeset(relative: &str) -> Option<PathBuf> {
    shared_data(&format!("codesets/{relative}"))
}

/// Validates X12 bytes with pyx12's `x12valid` against its implementation-guide map: the
/// outside conformance check of issue #5. `MEDBILL_X12VALID` names the program (`cargo xtask
/// test` installs pyx12 and sets it). Without it the check says SKIPPED; with it, any error
/// pyx12 reports fails the test with pyx12's own report.
pub fn assert_pyx12_valid(name: &str, bytes: &[u8]) {
    let Some(program) = std::env::var_os("MEDBILL_X12VALID") else {
        eprintln!(
            "SKIPPED pyx12 check of {name}: MEDBILL_X12VALID is not set (cargo xtask test sets it)"
        );
        return;
    };
    // x12valid writes its acknowledgment beside the input: work in a private folder.
    let folder = std::env::temp_dir().join(format!(
        "medbill-pyx12-{}-{}",
        std::process::id(),
        name.replace(['/', ' '], "_")
    ));
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join(name.replace(['/', ' '], "_"));
    std::fs::write(&file, bytes).unwrap();
    let output = std::process::Command::new(&program)
        .arg(&file)
        .current_dir(&folder)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program:?}: {e}"));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // `x12valid` exits 1 even on success (its script calls `sys.exit(main())` and `main()`
    // returns True), so the exit status says nothing. The verdict is pyx12's last line, `<file>: OK` or `<file>: Failure`; every problem it
    // finds is an `ERROR Line:` or `ERROR Segment` record. (pyx12 4.0.0 then fails to build its
    // own 999 for an 835, whose ST03 is "not used" — an internal traceback after an OK
    // verdict, which is not a finding about the file.)
    let verdict_ok = report
        .lines()
        .any(|l| l.trim_end().ends_with(": OK") && !l.contains("ERROR"));
    let problems = report
        .lines()
        .filter(|l| l.contains("ERROR") && !l.contains("Failed to create 999 response"))
        .count();
    let clean = verdict_ok && problems == 0;
    if clean {
        let _ = std::fs::remove_dir_all(&folder);
    }
    assert!(
        clean,
        "pyx12 x12valid rejects {name} (kept in {}):\n{report}",
        folder.display()
    );
}
