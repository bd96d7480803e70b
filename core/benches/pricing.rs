//! Pricing throughput: a 10-line claim priced against the full CY2025 PFS (from
//! `../shared/data/codesets`, or the bundled sample when absent), and loading the RVU file.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::print_stderr, reason = "benchmark harness")]

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
    match (std::fs::read(shared.join("PPRRVU2025_Oct.csv")), std::fs::read(shared.join("GPCI2025.csv"))) {
        (Ok(rvu), Ok(gpci)) => (rvu, gpci, "CMS RVU25D"),
        _ => {
            eprintln!("shared PFS files absent: benchmarking the bundled SAMPLE data instead");
            let sample = root().join("examples/data/pfs-sample");
            (std::fs::read(sample.join("rvu-sample.csv")).unwrap(), std::fs::read(sample.join("gpci-sample.csv")).unwrap(), "SAMPLE")
        }
    }
}

/// Ten lines: visits, imaging components, a bilateral injection and same-day procedures.
pub fn ten_line_claim() -> Claim {
    let text = std::fs::read_to_string(root().join("examples/data/claims/professional-clean.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let template = json["form"]["professional"]["lines"][0].clone();
    let codes: [(&str, &[&str]); 10] = [
        ("99214", &["25"]),
        ("71046", &["26"]),
        ("71046", &["TC"]),
        ("20610", &["50"]),
        ("11042", &[]),
        ("11045", &[]),
        ("10060", &[]),
        ("10061", &[]),
        ("11200", &[]),
        ("93000", &[]),
    ];
    let lines: Vec<serde_json::Value> = codes
        .iter()
        .enumerate()
        .map(|(i, (code, modifiers))| {
            let mut line = template.clone();
            line["procedure"] = (*code).into();
            line["modifiers"] = serde_json::json!(modifiers);
            line["charge"] = "500.00".into();
            line["lineItemControlNumber"] = format!("B{i}").into();
            line
        })
        .collect();
    json["form"]["professional"]["lines"] = lines.into();
    json["totalCharge"] = "5000.00".into();
    Claim::from_json(&json.to_string()).unwrap()
}

fn pricing(c: &mut Criterion) {
    let (rvu, gpci, label) = files();
    let data = PfsData::load(&rvu, &gpci, None, None, label).unwrap();
    let contract: Contract =
        medbill::from_json(&std::fs::read_to_string(root().join("examples/data/contracts/medicare-part-b.json")).unwrap()).unwrap();
    let mut contract = contract;
    if let medbill::FeeSchedule::MedicarePfs(pfs) = &mut contract.schedule {
        pfs.locality = Some(if label == "SAMPLE" { "00000-01" } else { "01112-05" }.parse().unwrap());
    }
    let claim = ten_line_claim();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let priced = price(&claim, &contract, Some(&data), as_of).unwrap();
    eprintln!("{label}: 10-line claim allowed {}", priced.total_allowed);

    let mut group = c.benchmark_group("pricing");
    group.throughput(Throughput::Elements(10));
    group.bench_function(format!("price 10-line claim, full trace ({label})"), |b| {
        b.iter(|| price(black_box(&claim), black_box(&contract), Some(&data), as_of))
    });
    group.finish();

    let mut load = c.benchmark_group("loading");
    load.measurement_time(Duration::from_secs(10)).sample_size(20);
    load.throughput(Throughput::Bytes(rvu.len() as u64));
    load.bench_function(format!("load RVU CSV ({label})"), |b| b.iter(|| RvuTable::load(black_box(&rvu))));
    load.finish();
}

criterion_group!(benches, pricing);
criterion_main!(benches);
