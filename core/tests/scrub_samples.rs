//! The imsweb x12-parser 837 samples in `../shared/data/x12`: each intentional-error sample
//! (SOURCES.md marks them) is caught by the reader or a scrub rule, and the clean samples'
//! claims raise no scrub error. Without `../shared` the test says so loudly and fails
//! unless `MEDBILL_ALLOW_MISSING_SHARED=1` is set.

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

use medbill::codesets::CodeSets;
use medbill::scrub::{PayerRules, ScrubHistory, scrub};
use medbill::{Claim, Finding};

const INTENTIONAL_ERRORS: &[&str] = &[
    "x12_ambiguous_loop.txt",
    "x12_bad_first_line.txt",
    "x12_bad_segment_identifier.txt",
    "x12_bad_valid_code.txt",
    "x12_loop_errors1_exceeds_max_1_parent.txt",
    "x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt",
    "x12_loop_errors3_missing_loops.txt",
    "x12_missing_elements.txt",
    "x12_missing_required_loop_in_one_repeat.txt",
    "x12_missing_required_loops_mult_repeats.txt",
    "x12_no_errors.txt",
    "x12_no_isa_line.txt",
    "x12_segment_errors.txt",
    "x12_segments_out_of_order.txt",
];

const CLEAN: &[&str] = &[
    "x12_complex.txt",
    "x12_many_claims.txt",
    "x12_multiple_gs.txt",
    "x12_multiple_isa.txt",
    "x12_multiple_st.txt",
    "x12_multiple_transactions.txt",
    "x12_valid.txt",
    "x12_valid_different_separators.txt",
    "x12_writer_test.txt",
    "x223-test.txt",
];

fn sets() -> Option<CodeSets> {
    let dir = support::shared_codeset("")?;
    let mut sets = CodeSets::new();
    for name in [
        "icd10cm/icd10c-tabular-April-1-2026.xml",
        "hcpcs/HCPC2020_ANWEB_w_disclaimer.txt",
        "hcpcs/HCPC2025_OCT_ANWEB.xlsx",
        "pfs-rvu25d/PPRRVU2025_Oct.csv",
        "place-of-service/cs-CMS-PlaceofServiceCodes.xml",
        "nucc-taxonomy/nucc_taxonomy_251.csv",
    ] {
        let file = name.rsplit('/').next().unwrap();
        sets.load_file(file, &std::fs::read(dir.join(name)).unwrap())
            .unwrap();
    }
    let fixtures = support::data_dir().join("codesets");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !name.ends_with(".md") {
            sets.load_file(&name, &std::fs::read(&path).unwrap())
                .unwrap();
        }
    }
    Some(sets)
}

/// Scrubs a claim as of 30 days after its first date of service (so timely filing is met).
fn scrub_errors(claim: &Claim, sets: &CodeSets) -> Vec<Finding> {
    let first = claim.first_service_date().unwrap();
    let as_of = first + chrono::Days::new(30);
    scrub(
        claim,
        sets,
        &PayerRules::default(),
        as_of,
        &ScrubHistory::default(),
    )
    .into_iter()
    .filter(|f| f.is_error())
    .collect()
}

/// Why a sample is caught, or none.
fn caught(bytes: &[u8], sets: &CodeSets) -> Option<String> {
    let file = match medbill::read_x12(bytes) {
        Err(e) => return Some(format!("reader: {e}")),
        Ok(file) => file,
    };
    if let Some(f) = file.envelope.findings.iter().find(|f| f.is_error()) {
        return Some(format!("envelope: {}", f.rule));
    }
    for set in &file.claims {
        if let Some(f) = set.findings.iter().find(|f| f.is_error()) {
            return Some(format!("transaction: {}", f.rule));
        }
        if !set.rejected.is_empty() {
            return Some("a claim was rejected by the reader".into());
        }
        for claim in &set.claims {
            if let Some(f) = scrub_errors(claim, sets).first() {
                return Some(format!("scrub: {} at {}", f.rule, f.path));
            }
        }
    }
    if file.claims.is_empty() {
        return Some("no 837 claim in the file".into());
    }
    None
}

#[test]
fn imsweb_intentional_errors_are_caught_and_clean_samples_raise_no_scrub_error() {
    let Some(sets) = sets() else { return };
    let Some(dir) = support::shared_data("x12/imsweb-x12-parser/837_5010") else {
        return;
    };
    let mut missed = Vec::new();
    for name in INTENTIONAL_ERRORS {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        match caught(&bytes, &sets) {
            Some(why) => eprintln!("{name}: caught ({why})"),
            None => missed.push(*name),
        }
    }
    assert!(missed.is_empty(), "not caught: {missed:?}");
    let mut dirty = Vec::new();
    let mut scrubbed = 0;
    let mut not_read = 0;
    for name in CLEAN {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let file = medbill::read_x12(&bytes).unwrap();
        let mut claims = 0;
        for set in &file.claims {
            for claim in &set.claims {
                claims += 1;
                let errors: Vec<_> = scrub_errors(claim, &sets)
                    .into_iter()
                    .filter(|f| f.rule.starts_with("SCRUB-"))
                    .collect();
                if !errors.is_empty() {
                    dirty.push(format!(
                        "{name}: {:?}",
                        errors
                            .iter()
                            .map(|f| (&f.rule, &f.path, &f.message))
                            .collect::<Vec<_>>()
                    ));
                }
            }
        }
        // These 2005-era samples code diagnoses in ICD-9 (HI qualifiers BK/BF) with test
        // NPIs: the reader does not make claims of them, and says why. Those reasons are
        // outside the scrubber; any claim that is read is scrubbed above.
        for set in &file.claims {
            for rejected in &set.rejected {
                let icd9 = rejected.reasons.iter().any(|r| r.contains("ICD-9"));
                assert!(
                    icd9,
                    "{name}: a claim not read for another reason: {:?}",
                    rejected.reasons
                );
                not_read += 1;
            }
        }
        eprintln!("{name}: {claims} claims scrubbed");
        scrubbed += claims;
    }
    eprintln!("clean samples: {scrubbed} claims scrubbed, {not_read} not read (ICD-9)");
    assert!(scrubbed + not_read > 1_000);
    assert!(
        dirty.is_empty(),
        "{} claims with scrub errors, e.g. {:#?}",
        dirty.len(),
        &dirty[..dirty.len().min(5)]
    );
}
