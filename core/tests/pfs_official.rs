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
