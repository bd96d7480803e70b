//! The official CY2025 PFS files under `../shared/data/codesets/`: every loader reads them,
//! CSV and fixed-width forms agree, and medbill reproduces CMS's computed payment amounts for
//! all 109 localities. When the folder is absent the test fails with a clear message unless
//! `MEDBILL_ALLOW_MISSING_SHARED=1` is set.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stderr,
    reason = "test code fails loudly"
)]

mod support;

use medbill::codesets::{
    AnesthesiaConversionFactors, GpciTable, LocalityId, PfsData, RvuTable, ZipLocalities,
    load_locality_counties, load_payment_amounts, release_from_file_name,
};
use medbill::pricing::verify_payment_amounts;

/// The bytes of a shared code-set file (see `support::shared_codeset`).
fn shared(relative: &str) -> Option<Vec<u8>> {
    support::shared_codeset(relative).map(|path| std::fs::read(path).unwrap())
}

#[test]
fn rvu_csv_and_txt_agree_row_for_row() {
    let (Some(csv), Some(txt)) = (
        shared("pfs-rvu25d/PPRRVU2025_Oct.csv"),
        shared("pfs-rvu25d/PPRRVU2025_Oct.txt"),
    ) else {
        return;
    };
    let from_csv = RvuTable::load(&csv).unwrap();
    let from_txt = RvuTable::load(&txt).unwrap();
    // The CSV's title line names the release ("2025 National Physician Fee Schedule Relative
    // Value File October Release" is RVU25D); the TXT's header lines do not, its name does.
    assert_eq!(from_csv.release(), Some("RVU25D"));
    assert_eq!(from_txt.release(), None);
    assert_eq!(
        release_from_file_name("PPRRVU2025_Oct.txt").as_deref(),
        Some("RVU25D")
    );
    assert_eq!(from_csv.len(), 19_090);
    assert_eq!(from_csv.conversion_factor().to_string(), "32.3465");
    assert!(
        from_csv.same_rows(&from_txt),
        "the CSV and TXT relative value files differ"
    );
    // MULT PROC (CSV column 19, TXT 116) and ENDO BASE (CSV column 24, TXT 128-132) as the
    // multiple-procedure rules read them, in both forms (RVU25D.pdf layout).
    for (code, indicator, base) in [
        ("43239", 3, Some("43235")),
        ("45385", 3, Some("45378")),
        ("43235", 2, None),
        ("70450", 4, None),
        ("97110", 5, None),
        ("93306", 6, None),
        ("92134", 7, None),
    ] {
        for table in [&from_csv, &from_txt] {
            let row = table.get(code.parse().unwrap(), None).unwrap();
            assert_eq!(
                (
                    row.multiple_procedure,
                    row.endoscopic_base.map(|b| b.to_string())
                ),
                (indicator, base.map(str::to_owned)),
                "{code}"
            );
        }
    }
    let row = from_csv.get("76145".parse().unwrap(), None).unwrap();
    assert_eq!(
        (
            row.pe_non_facility.to_string().as_str(),
            row.mp.to_string().as_str(),
            row.pctc
        ),
        ("29.03", "0.51", 3)
    );
}

#[test]
fn gpci_anesthesia_locality_and_zip_files_load() {
    let (Some(gcsv), Some(gtxt), Some(acsv), Some(atxt), Some(locco), Some(zip)) = (
        shared("pfs-rvu25d/GPCI2025.csv"),
        shared("pfs-rvu25d/GPCI2025.txt"),
        shared("pfs-rvu25d/ANES2025.csv"),
        shared("pfs-rvu25d/ANES2025.txt"),
        shared("pfs-rvu25d/25LOCCO.csv"),
        shared("zip-locality/ZIP5_OCT2025.txt"),
    ) else {
        return;
    };
    let gpci = GpciTable::load(&gcsv).unwrap();
    assert_eq!(gpci.localities().len(), 109);
    assert!(
        gpci == GpciTable::load(&gtxt).unwrap(),
        "GPCI CSV and TXT differ"
    );
    let alaska = gpci.get(LocalityId::new("02102", "01").unwrap()).unwrap();
    assert_eq!(alaska.work.to_string(), "1.5");
    let anes = AnesthesiaConversionFactors::load(&acsv).unwrap();
    assert_eq!(
        anes.national().map(|d| d.to_string()).as_deref(),
        Some("20.3178")
    );
    let anes_txt = AnesthesiaConversionFactors::load(&atxt).unwrap();
    for locality in gpci.localities() {
        assert!(
            anes.get(locality).is_some(),
            "{locality} has no anesthesia CF"
        );
        assert_eq!(anes.get(locality), anes_txt.get(locality), "{locality}");
    }
    let counties = load_locality_counties(&locco).unwrap();
    assert!(
        counties.len() >= 109,
        "{} locality/county rows",
        counties.len()
    );
    let zips = ZipLocalities::load(&zip).unwrap();
    assert!(zips.len() > 40_000, "{} ZIPs", zips.len());
    // San Francisco is in locality 01112-05.
    assert_eq!(
        zips.locality("94103").map(|l| l.to_string()).as_deref(),
        Some("01112-05")
    );
}

#[test]
fn medbill_reproduces_cms_payment_amounts_for_all_109_localities() {
    let (Some(rvu), Some(gpci), Some(payments)) = (
        shared("pfs-rvu25d/PPRRVU2025_Oct.csv"),
        shared("pfs-rvu25d/GPCI2025.csv"),
        shared("pfs-payment-amounts/PFREV25C.txt"),
    ) else {
        return;
    };
    let data = PfsData {
        rvu: RvuTable::load(&rvu).unwrap(),
        gpci: GpciTable::load(&gpci).unwrap(),
        anesthesia: None,
        zip: None,
        version: "RVU25D".into(),
        version_source: medbill::codesets::PfsVersionSource::Caller,
    };
    let rows = load_payment_amounts(&payments).unwrap();
    let report = verify_payment_amounts(&data, &rows).unwrap();
    assert_eq!(report.rows, 109);
    assert_eq!(
        (report.non_facility_matched, report.facility_matched),
        (109, 109),
        "{:?}",
        report.mismatches
    );
}

#[test]
fn the_multiple_procedure_rules_run_on_the_official_files() {
    let (Some(rvu), Some(gpci)) = (
        shared("pfs-rvu25d/PPRRVU2025_Oct.csv"),
        shared("pfs-rvu25d/GPCI2025.csv"),
    ) else {
        return;
    };
    let data = PfsData::load(&rvu, &gpci, None, None, None).unwrap();
    assert_eq!(&*data.version, "RVU25D");
    let contract: medbill::Contract = serde_json::from_value(serde_json::json!({
        "payerId": "00952",
        "effectiveFrom": "2026-01-01",
        "schedule": { "kind": "medicarePfs", "locality": "01112-05", "facilityPlacesOfService": ["22"] }
    }))
    .unwrap();
    use support::L;
    let claim = support::claim(&[
        L("43239", &[], "2000.00", "1", "11"),
        L("43235", &[], "2000.00", "1", "11"),
        L("45385", &[], "2000.00", "1", "11"),
        L("45380", &[], "2000.00", "1", "11"),
        L("70450", &[], "2000.00", "2", "11"),
        L("74177", &[], "2000.00", "1", "11"),
        L("97110", &[], "2000.00", "3", "11"),
        L("97140", &[], "2000.00", "1", "11"),
        L("93306", &[], "2000.00", "1", "11"),
        L("93880", &[], "2000.00", "1", "11"),
        L("92134", &[], "2000.00", "1", "11"),
        L("92250", &[], "2000.00", "1", "11"),
    ]);
    let priced = medbill::price(
        &claim,
        &contract,
        Some(&data),
        support::day(),
        &medbill::pricing::PriceOptions::default(),
    )
    .unwrap();
    let rules: Vec<Vec<&str>> = priced
        .lines
        .iter()
        .map(|l| l.trace.iter().map(|s| s.rule.as_ref()).collect())
        .collect();
    for line in &priced.lines {
        if line.status == medbill::pricing::LineStatus::Priced {
            assert_eq!(
                medbill::pricing::replay(&line.trace).unwrap(),
                line.allowed,
                "line {}",
                line.line
            );
        }
    }
    // The base billed with its family is not paid; every other rule left its step (43239 is
    // the only endoscopy of its family, so only 45385 and 45380 take a family step).
    assert!(matches!(
        priced.lines[1].status,
        medbill::pricing::LineStatus::NotPayable { .. }
    ));
    for (rule, count) in [
        ("MPPR-ENDOSCOPY", 2),
        ("MPPR-51", 3),
        ("MPPR-IMAGING-TC", 1),
        ("MPPR-IMAGING-PC", 1),
        ("MPPR-THERAPY-PE", 2),
        ("MPPR-CARDIOVASCULAR-TC", 1),
        ("MPPR-OPHTHALMOLOGY-TC", 1),
    ] {
        let found = rules.iter().flatten().filter(|r| **r == rule).count();
        assert_eq!(found, count, "{rule}: {rules:?}");
    }
}
