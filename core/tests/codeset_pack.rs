//! The code-set pack (issue 12 §2): built from the official files in `../shared/data/codesets`
//! and the NCCI fixtures, it reads back as exactly the code sets it was built from, and a
//! pack for one year answers as the full code sets for every code on every day of it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use std::io::Write;

use chrono::NaiveDate;
use medbill::codesets::{CodeSetFile, CodeSets};
use proptest::prelude::*;

fn load_dir(sets: &mut CodeSets, dir: &std::path::Path) {
    let mut files: Vec<_> = walk(dir);
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if let Some(kind) = CodeSetFile::from_name(&name) {
            sets.load(kind, &std::fs::read(&path).unwrap()).unwrap();
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn roundtrip_each_table(sets: &CodeSets) {
    let one = |label: &str, part: CodeSets| {
        let bytes = part.to_pack(None).unwrap();
        let back = CodeSets::from_pack(&bytes).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(back.sets == part, "{label} differs after the round trip");
    };
    one(
        "ncci",
        CodeSets {
            ptp_practitioner: sets.ptp_practitioner.clone(),
            ptp_outpatient: sets.ptp_outpatient.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "mue",
        CodeSets {
            mue_practitioner: sets.mue_practitioner.clone(),
            mue_outpatient: sets.mue_outpatient.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "add-on",
        CodeSets {
            add_on: sets.add_on.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "pos",
        CodeSets {
            place_of_service: sets.place_of_service.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "taxonomy",
        CodeSets {
            taxonomy: sets.taxonomy.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "rvu",
        CodeSets {
            rvu: sets.rvu.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "hcpcs",
        CodeSets {
            hcpcs: sets.hcpcs.clone(),
            ..CodeSets::default()
        },
    );
    one(
        "icd",
        CodeSets {
            icd10cm: sets.icd10cm.clone(),
            ..CodeSets::default()
        },
    );
}

/// The official files of `../shared/data/codesets` and the NCCI fixtures, loaded once.
fn full() -> &'static CodeSets {
    static FULL: std::sync::OnceLock<CodeSets> = std::sync::OnceLock::new();
    FULL.get_or_init(|| {
        let mut sets = CodeSets::new();
        load_dir(&mut sets, &support::data_dir().join("codesets"));
        if let Some(dir) = support::shared_data("codesets") {
            load_dir(&mut sets, &dir);
        }
        sets
    })
}

/// The pack of calendar year 2026, read back.
fn year_2026() -> &'static CodeSets {
    static PACK: std::sync::OnceLock<CodeSets> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        let bytes = full()
            .to_pack(Some((day("2026-01-01"), day("2026-12-31"))))
            .unwrap();
        CodeSets::from_pack(&bytes).unwrap().sets
    })
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn gzipped(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

#[test]
fn every_table_reads_back_as_it_was_packed() {
    roundtrip_each_table(full());
    let bytes = full().to_pack(None).unwrap();
    let back = CodeSets::from_pack(&bytes).unwrap();
    assert!(back.sets == *full() && back.range.is_none());
}

#[test]
fn a_year_keeps_the_tables_its_days_read_within_the_size_budget() {
    let sets = full();
    if sets.icd10cm.is_empty() {
        return; // the shared files are absent (allowed by MEDBILL_ALLOW_MISSING_SHARED)
    }
    let range = (day("2026-01-01"), day("2026-12-31"));
    let bytes = sets.to_pack(Some(range)).unwrap();
    let pack = CodeSets::from_pack(&bytes).unwrap();
    assert_eq!(pack.range, Some(range));
    // HCPCS 2020 is not read by any day of 2026 (the October 2025 release is in force).
    assert_eq!((sets.hcpcs.len(), pack.sets.hcpcs.len()), (2, 1));
    let icd_only = CodeSets {
        icd10cm: pack.sets.icd10cm.clone(),
        ..CodeSets::default()
    };
    let icd = gzipped(&icd_only.to_pack(None).unwrap());
    let whole = gzipped(&bytes);
    eprintln!(
        "pack 2026: {} bytes, {whole} gzipped; ICD-10-CM part {icd} gzipped",
        bytes.len()
    );
    assert!(
        icd <= 300 * 1024,
        "ICD-10-CM part {icd} bytes gzipped > 300 KB"
    );
    assert!(whole <= 1536 * 1024, "pack {whole} bytes gzipped > 1.5 MB");
}

#[test]
fn the_year_pack_picks_the_same_tables_as_the_full_sets_every_day() {
    let (sets, pack) = (full(), year_2026());
    for d in day("2026-01-01")
        .iter_days()
        .take_while(|d| *d <= day("2026-12-31"))
    {
        // Tables are kept whole (every_table_reads_back_as_it_was_packed): naming the table
        // picked is enough.
        assert_eq!(
            sets.icd10cm_for(d).map(|t| t.fiscal_year()),
            pack.icd10cm_for(d).map(|t| t.fiscal_year()),
            "ICD-10-CM on {d}"
        );
        assert_eq!(
            sets.hcpcs_for(d).map(|t| (t.released(), t.codes().len())),
            pack.hcpcs_for(d).map(|t| (t.released(), t.codes().len())),
            "HCPCS on {d}"
        );
    }
}

#[test]
fn every_code_in_the_files_gets_the_same_answer_from_the_year_pack() {
    let (sets, pack) = (full(), year_2026());
    let days = ["2026-01-01", "2026-09-30", "2026-10-01", "2026-12-31"].map(day);
    for table in &sets.icd10cm {
        for entry in table.entries() {
            for d in days {
                assert_eq!(
                    sets.diagnosis_on(&entry.code, d),
                    pack.diagnosis_on(&entry.code, d),
                    "{} on {d}",
                    entry.code
                );
            }
        }
    }
    for table in &sets.hcpcs {
        for code in table.codes() {
            for d in days {
                assert_eq!(
                    sets.procedure_on(code.code, d),
                    pack.procedure_on(code.code, d),
                    "{} on {d}",
                    code.code
                );
            }
        }
    }
}

/// Every ICD-10-CM and HCPCS code in the files.
fn codes() -> &'static (
    Vec<medbill::codes::Icd10Cm>,
    Vec<medbill::codes::ProcedureCode>,
) {
    static CODES: std::sync::OnceLock<(
        Vec<medbill::codes::Icd10Cm>,
        Vec<medbill::codes::ProcedureCode>,
    )> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let sets = full();
        (
            sets.icd10cm
                .iter()
                .flat_map(|t| t.entries())
                .map(|e| e.code)
                .collect(),
            sets.hcpcs
                .iter()
                .flat_map(|t| t.codes())
                .map(|c| c.code)
                .collect(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any code of the files on any day of the year: the pack answers as the full sets.
    #[test]
    fn any_code_on_any_day_of_the_year(offset in 0u64..365, pick in 0usize..1_000_000) {
        let (sets, pack) = (full(), year_2026());
        let d = day("2026-01-01") + chrono::Days::new(offset);
        let (icd, hcpcs) = codes();
        if let Some(code) = icd.get(pick % icd.len().max(1)) {
            prop_assert_eq!(sets.diagnosis_on(code, d), pack.diagnosis_on(code, d));
        }
        if let Some(code) = hcpcs.get(pick % hcpcs.len().max(1)) {
            prop_assert_eq!(sets.procedure_on(*code, d), pack.procedure_on(*code, d));
        }
    }
}

#[test]
fn a_damaged_pack_is_a_typed_error_never_a_panic() {
    // The small tables (a cut anywhere in the big ones is the same postcard decoding).
    let small = CodeSets {
        ptp_practitioner: full().ptp_practitioner.clone(),
        mue_practitioner: full().mue_practitioner.clone(),
        add_on: full().add_on.clone(),
        place_of_service: full().place_of_service.clone(),
        ..CodeSets::default()
    };
    let bytes = small
        .to_pack(Some((day("2026-01-01"), day("2026-03-31"))))
        .unwrap();
    for cut in 0..bytes.len() {
        assert!(CodeSets::from_pack(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut flipped = bytes.clone();
    flipped[16] = 9; // another format version
    let error = CodeSets::from_pack(&flipped).unwrap_err().to_string();
    assert!(error.contains("another format version"), "{error}");
    assert!(CodeSets::from_pack(b"PK\x03\x04 a zip").is_err());
    let mut longer = bytes;
    longer.push(0);
    assert!(
        CodeSets::from_pack(&longer)
            .unwrap_err()
            .to_string()
            .contains("after its end")
    );
    let backwards = full().to_pack(Some((day("2026-12-31"), day("2026-01-01"))));
    assert!(backwards.is_err());
}
