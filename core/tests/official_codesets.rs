//! Every code in the official code-set files under `../shared/data/codesets/` must pass our
//! structural validation. When the folder is absent the test says so loudly and fails unless
//! `MEDBILL_ALLOW_MISSING_SHARED=1` is set.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use medbill::codes::{Icd10Cm, ProcedureCode, Taxonomy};
use support::shared_codeset as shared;

#[test]
fn every_icd10cm_code_in_the_2026_tabular_is_structurally_valid() {
    let Some(path) = shared("icd10cm/icd10c-tabular-April-1-2026.xml") else {
        return;
    };
    let xml = std::fs::read_to_string(path).unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for piece in xml.split("<diag>").skip(1) {
        let Some(name) = piece
            .split("<name>")
            .nth(1)
            .and_then(|s| s.split("</name>").next())
        else {
            continue;
        };
        checked += 1;
        if let Err(e) = Icd10Cm::parse(name) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(checked > 40_000, "only {checked} codes found");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}

#[test]
fn every_hcpcs_2020_code_is_a_valid_procedure_code() {
    let Some(path) = shared("hcpcs/HCPC2020_ANWEB_w_disclaimer.txt") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut checked = 0;
    for line in text.lines() {
        let code = line.get(..5).unwrap_or("");
        // Record lines start with a code: a letter A-V and four digits.
        if !(code.len() == 5
            && code.as_bytes()[0].is_ascii_uppercase()
            && code[1..].bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        checked += 1;
        let parsed = ProcedureCode::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(
            parsed.kind(),
            medbill::codes::ProcedureKind::HcpcsLevelII,
            "{code}"
        );
    }
    assert!(checked > 5_000, "only {checked} codes found");
}

#[test]
fn every_nucc_taxonomy_code_is_valid() {
    let Some(path) = shared("nucc-taxonomy/nucc_taxonomy_251.csv") else {
        return;
    };
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let code = line.split(',').next().unwrap_or("");
        if code.len() != 10 {
            continue;
        }
        checked += 1;
        Taxonomy::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
    assert!(checked > 800, "only {checked} codes found");
}
