//! Criterion benchmarks of the foundation: code parsing, allocation, claim decode + validate.
#![allow(
    missing_docs,
    reason = "criterion's macros generate undocumented items"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use medbill::codes::{Icd10Cm, Ndc, Npi, ProcedureCode};
use medbill::{Claim, Money, allocate_evenly};

const CLAIM: &str = include_str!("../../examples/data/claims/professional-clean.json");

fn codes(c: &mut Criterion) {
    c.bench_function("parse NPI + ICD-10-CM + procedure + NDC", |b| {
        b.iter(|| {
            (
                black_box("1558598797").parse::<Npi>().is_ok(),
                black_box("S52.501A").parse::<Icd10Cm>().is_ok(),
                black_box("99214").parse::<ProcedureCode>().is_ok(),
                black_box("0002-7597-01").parse::<Ndc>().is_ok(),
            )
        })
    });
}

fn money(c: &mut Criterion) {
    let total: Money = "1234.57".parse().unwrap_or_default();
    c.bench_function("allocate $1234.57 into 7 parts", |b| {
        b.iter(|| allocate_evenly(black_box(total), 7))
    });
}

fn claims(c: &mut Criterion) {
    c.bench_function("decode claim JSON", |b| {
        b.iter(|| Claim::from_json(black_box(CLAIM)))
    });
    if let Ok(claim) = Claim::from_json(CLAIM) {
        c.bench_function("validate claim", |b| {
            b.iter(|| black_box(&claim).validate())
        });
    }
}

criterion_group!(benches, codes, money, claims);
criterion_main!(benches);
