//! `price` on arbitrary claims and contracts against the bundled sample PFS: never panics,
//! checked or unchecked, and every priced line's trace replays to its allowed amount and the
//! claim's total is the sum of its lines.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use medbill::codesets::PfsData;
use medbill::pricing::{LineStatus, PriceOptions, replay};
use medbill::{Claim, Contract, Money};

fn sample_pfs() -> Option<&'static PfsData> {
    static PFS: OnceLock<Option<PfsData>> = OnceLock::new();
    PFS.get_or_init(|| {
        PfsData::load(
            include_bytes!("../../examples/data/pfs-sample/rvu-sample.csv"),
            include_bytes!("../../examples/data/pfs-sample/gpci-sample.csv"),
            Some(include_bytes!(
                "../../examples/data/pfs-sample/anes-sample.csv"
            )),
            Some(include_bytes!(
                "../../examples/data/pfs-sample/zip-sample.txt"
            )),
            Some("SAMPLE"),
        )
        .ok()
    })
    .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Two JSON documents separated by NUL: claim, contract.
    let mut parts = text.split('\0');
    let (Some(claim), Some(contract)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Ok(claim), Ok(contract)) = (
        Claim::from_json(claim),
        medbill::from_json::<Contract>(contract),
    ) else {
        return;
    };
    let Some(pfs) = sample_pfs() else { return };
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let lenient = PriceOptions {
        unchecked: true,
        any_payer: true,
        trace: true,
    };
    for options in [PriceOptions::default(), lenient] {
        for data in [Some(pfs), None] {
            let Ok(priced) = medbill::price(&claim, &contract, data, as_of, &options) else {
                continue;
            };
            for line in &priced.lines {
                if line.status == LineStatus::Priced {
                    assert_eq!(
                        replay(&line.trace).ok(),
                        Some(line.allowed),
                        "line {} does not replay",
                        line.line
                    );
                } else {
                    assert_eq!(
                        line.allowed,
                        Money::ZERO,
                        "unpriced line {} allowed",
                        line.line
                    );
                }
            }
            if let Ok(total) = Money::sum(priced.lines.iter().map(|l| l.allowed)) {
                assert_eq!(total, priced.total_allowed);
            }
        }
    }
});
