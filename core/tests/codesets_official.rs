//! The code-set loaders against the official files in `../shared/data/codesets/`: counts
//! cross-checked with SOURCES.md (and by hand from the files), and known codes' answers.
//! When the folder is absent the test says so loudly and fails unless
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

use chrono::NaiveDate;
use medbill::codes::{Icd10Cm, Modifier, PlaceOfService, ProcedureCode, Taxonomy};
use medbill::codesets::{
    CodeSets, DiagnosisValidity, HcpcsTable, Icd10CmTable, IcdLookup, PlaceOfServiceTable,
    ProcedureValidity, TaxonomyTable,
};
use support::shared_codeset as shared;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
fn icd(code: &str) -> Icd10Cm {
    Icd10Cm::parse(code).unwrap()
}
fn p(code: &str) -> ProcedureCode {
    ProcedureCode::parse(code).unwrap()
}

#[test]
fn icd10cm_tabular_2026_has_74719_billable_codes_with_7th_characters() {
    let Some(path) = shared("icd10cm/icd10c-tabular-April-1-2026.xml") else {
        return;
    };
    let table = Icd10CmTable::load_tabular(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(table.fiscal_year(), 2026);
    // SOURCES.md: "An independent extraction from the CMS April-2026 codes file gives
    // 74,719 billable codes".
    assert_eq!(table.billable_count(), 74_719);
    // A leaf without 7th characters is billable; its category is a header.
    assert!(matches!(
        table.lookup(&icd("A00.0")),
        IcdLookup::Billable(_)
    ));
    assert_eq!(table.lookup(&icd("A00")), IcdLookup::Header);
    // S00.00 takes a 7th character after the X placeholder: S00.00XA, not S00.00.
    assert_eq!(table.lookup(&icd("S00.00")), IcdLookup::Header);
    assert!(matches!(
        table.lookup(&icd("S00.00XA")),
        IcdLookup::Billable(_)
    ));
    assert_eq!(table.lookup(&icd("S00.00A")), IcdLookup::Unknown);
    // E08.32's sevenChrDef (1, 2, 3, 9: the eye) makes E08.321 → E08.3211 … E08.3219.
    assert!(matches!(
        table.lookup(&icd("E08.3211")),
        IcdLookup::Billable(_)
    ));
    assert_eq!(table.lookup(&icd("E08.321")), IcdLookup::Header);
    // Valid on a date of FY2026 (1 Oct 2025 – 30 Sep 2026), not after.
    assert!(table.is_valid_on(&icd("E11.9"), d(2025, 10, 1)));
    assert!(!table.is_valid_on(&icd("E11.9"), d(2026, 10, 1)));
    // Manifestation: H36.8- "Other retinal disorders in diseases classified elsewhere"
    // is not first-listed; G20 is not.
    let IcdLookup::Billable(notes) = table.lookup(&icd("H36.811")) else {
        panic!("H36.811 billable")
    };
    assert!(notes.manifestation() && notes.code_first());
    let IcdLookup::Billable(notes) = table.lookup(&icd("E11.9")) else {
        panic!("E11.9 billable")
    };
    assert!(!notes.manifestation());
    // Chapter 15 is for maternal records, chapter 16 for newborns.
    let IcdLookup::Billable(notes) = table.lookup(&icd("O80")) else {
        panic!("O80 billable")
    };
    assert!(notes.maternal() && !notes.newborn());
    let IcdLookup::Billable(notes) = table.lookup(&icd("P07.30")) else {
        panic!("P07.30 billable")
    };
    assert!(notes.newborn());
    // A04's Excludes1 names "tuberculous enteritis (A18.32)".
    assert!(
        table
            .excludes1_of("A047")
            .any(|e| e.excluded.matches("A1832"))
    );
    assert!(!table.excludes1().is_empty());
}

#[test]
fn icd10cm_order_file_excerpt_agrees_with_its_count() {
    let Some(path) = shared("icd10cm/icd10cm_order_2026_subset_00001-00145.txt") else {
        return;
    };
    let table = Icd10CmTable::load_order(&std::fs::read(path).unwrap(), 2026).unwrap();
    // SOURCES.md: 145 rows, 121 billable, 24 headers.
    assert_eq!(table.entries().len(), 145);
    assert_eq!(table.billable_count(), 121);
    assert_eq!(table.lookup(&icd("A00")), IcdLookup::Header);
    assert!(matches!(
        table.lookup(&icd("A00.0")),
        IcdLookup::Billable(_)
    ));
}

#[test]
fn hcpcs_2020_fixed_width_reads_every_first_record() {
    let Some(path) = shared("hcpcs/HCPC2020_ANWEB_w_disclaimer.txt") else {
        return;
    };
    let table = HcpcsTable::load_txt(&std::fs::read(path).unwrap()).unwrap();
    // SOURCES.md: 6,710 procedure codes (record 3) and 369 modifiers (record 7).
    assert_eq!(table.codes().len(), 6_710);
    assert_eq!(table.modifiers().len(), 369);
    // A4466: added 2010-01-01, terminated 2016-12-31 (columns 269–292 of its record).
    let a4466 = table.get(p("A4466")).unwrap();
    assert_eq!(a4466.added, Some(d(2010, 1, 1)));
    assert_eq!(a4466.terminated, Some(d(2016, 12, 31)));
    assert!(a4466.is_valid_on(d(2016, 12, 31)));
    assert!(!a4466.is_valid_on(d(2017, 1, 1)));
    // E0100: coverage D, pricing 32, BETOS D1E.
    let e0100 = table.get(p("E0100")).unwrap();
    assert_eq!(e0100.coverage, Some('D'));
    assert_eq!(e0100.pricing[0].as_str(), "32");
    assert_eq!(e0100.betos.as_str(), "D1E");
    assert!(table.modifier(Modifier::parse("A1").unwrap()).is_some());
}

#[test]
fn hcpcs_2025_october_workbook_reads_every_row() {
    let Some(path) = shared("hcpcs/HCPC2025_OCT_ANWEB.xlsx") else {
        return;
    };
    let table = HcpcsTable::load_xlsx(&std::fs::read(path).unwrap()).unwrap();
    // SOURCES.md: 8,846 rows, 8,463 procedure codes and 383 modifiers.
    assert_eq!(table.codes().len(), 8_463);
    assert_eq!(table.modifiers().len(), 383);
    assert_eq!(table.released(), Some(d(2025, 10, 1)));
    assert!(table.is_valid_on(p("J0129"), d(2025, 11, 1)));
}

#[test]
fn place_of_service_and_taxonomy_have_their_published_counts() {
    let (Some(pos), Some(nucc)) = (
        shared("place-of-service/cs-CMS-PlaceofServiceCodes.xml"),
        shared("nucc-taxonomy/nucc_taxonomy_251.csv"),
    ) else {
        return;
    };
    let pos = PlaceOfServiceTable::load(&std::fs::read(pos).unwrap()).unwrap();
    // SOURCES.md: 52 codes.
    assert_eq!(pos.entries().len(), 52);
    // 02 (telehealth) is effective January 1, 2017.
    let telehealth = PlaceOfService::parse("02").unwrap();
    assert!(!pos.is_valid_on(telehealth, d(2016, 12, 31)));
    assert!(pos.is_valid_on(telehealth, d(2017, 1, 1)));
    assert!(pos.get(PlaceOfService::parse("11").unwrap()).is_some());
    let nucc = TaxonomyTable::load(&std::fs::read(nucc).unwrap()).unwrap();
    // SOURCES.md: 883 codes.
    assert_eq!(nucc.entries().len(), 883);
    assert!(nucc.get(&Taxonomy::parse("207Q00000X").unwrap()).is_some());
}

#[test]
fn code_sets_answer_valid_on_this_date_from_the_official_files() {
    let dir = match shared("") {
        Some(dir) => dir,
        None => return,
    };
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
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    assert_eq!(sets.hcpcs.len(), 2);
    // A 2020 date uses the 2020 file, a 2025 date the October 2025 file.
    assert_eq!(sets.hcpcs_for(d(2020, 6, 1)).unwrap().codes().len(), 6_710);
    assert_eq!(sets.hcpcs_for(d(2025, 11, 1)).unwrap().codes().len(), 8_463);
    assert_eq!(
        sets.procedure_on(p("A4466"), d(2020, 6, 1)),
        ProcedureValidity::Terminated(d(2016, 12, 31))
    );
    // CPT codes are checked against the PFS file: 99213 is there.
    assert_eq!(
        sets.procedure_on(p("99213"), d(2025, 11, 1)),
        ProcedureValidity::Valid
    );
    assert!(matches!(
        sets.diagnosis_on(&icd("E11.9"), d(2026, 3, 1)),
        DiagnosisValidity::Billable(_)
    ));
    assert_eq!(
        sets.diagnosis_on(&icd("E11"), d(2026, 3, 1)),
        DiagnosisValidity::Header
    );
    // FY2025 was not loaded: not checked, rather than invalid.
    assert_eq!(
        sets.diagnosis_on(&icd("E11.9"), d(2025, 3, 1)),
        DiagnosisValidity::NotChecked
    );
    assert!(sets.loaded().len() >= 6);
}
