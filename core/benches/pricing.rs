//! Pricing throughput: a 10-line claim priced against the full CY2025 PFS (from
//! `../shared/data/codesets`, or the bundled sample when absent), and loading the RVU file.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stderr,
    clippy::indexing_slicing,
    reason = "benchmark harness"
)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use medbill::codesets::{PfsData, RvuTable};
use medbill::{Claim, Contract, price};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The full CMS files when present, else the sample (reported so).
fn files() -> (Vec<u8>, Vec<u8>, &'static str) {
    let shared = root().join("../shared/data/codesets/pfs-rvu25d");
    match (
        std::fs::read(shared.join("PPRRVU2025_Oct.csv")),
        std::fs::read(shared.join("GPCI2025.csv")),
    ) {
        (Ok(rvu), Ok(gpci)) => (rvu, gpci, "CMS RVU25D"),
        _ => {
            eprintln!("shared PFS files absent: benchmarking the bundled SAMPLE data instead");
            let sample = root().join("examples/data/pfs-sample");
            (
                std::fs::read(sample.join("rvu-sample.csv")).unwrap(),
                std::fs::read(sample.join("gpci-sample.csv")).unwrap(),
                "SAMPLE",
            )
        }
    }
}

fn pricing(c: &mut Criterion) {
    let (rvu, gpci, label) = files();
    let data = PfsData::load(&rvu, &gpci, None, None, Some(label)).unwrap();
    let contract: Contract = medbill::from_json(
        &std::fs::read_to_string(root().join("examples/data/contracts/medicare-part-b.json"))
            .unwrap(),
    )
    .unwrap();
    let mut contract = contract;
    if let medbill::FeeSchedule::MedicarePfs(pfs) = &mut contract.schedule {
        pfs.locality = Some(
            if label == "SAMPLE" {
                "00000-01"
            } else {
                "01112-05"
            }
            .parse()
            .unwrap(),
        );
    }
    // Ten lines: visits, imaging components, a bilateral injection and same-day procedures.
    let claim = Claim::from_json(
        &std::fs::read_to_string(root().join("examples/data/claims/bench-ten-lines.json")).unwrap(),
    )
    .unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let options = medbill::pricing::PriceOptions::default();
    let priced = price(&claim, &contract, Some(&data), as_of, &options).unwrap();
    eprintln!("{label}: 10-line claim allowed {}", priced.total_allowed);

    let mut group = c.benchmark_group("pricing");
    group.throughput(Throughput::Elements(10));
    group.bench_function(format!("price 10-line claim, full trace ({label})"), |b| {
        b.iter(|| {
            price(
                black_box(&claim),
                black_box(&contract),
                Some(&data),
                as_of,
                &options,
            )
        })
    });
    group.finish();

    let mut load = c.benchmark_group("loading");
    load.measurement_time(Duration::from_secs(10))
        .sample_size(20);
    load.throughput(Throughput::Bytes(rvu.len() as u64));
    load.bench_function(format!("load RVU CSV ({label})"), |b| {
        b.iter(|| RvuTable::load(black_box(&rvu)))
    });
    load.finish();
}

criterion_group!(benches, pricing);
criterion_main!(benches);
