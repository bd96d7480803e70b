//! `medbill-bench-wasi RVU GPCI CLAIM CONTRACT LOCALITY SECONDS [PLAN]`: prices the claim
//! repeatedly for about SECONDS and prints priced lines per second; with a benefit PLAN,
//! adjudicates the priced claim repeatedly instead and prints claims per second. Built natively and for
//! wasm32-wasip1 by `cargo xtask bench`, so both numbers come from the same code.
#![allow(clippy::print_stdout, reason = "a benchmark reports")]

use std::error::Error;
use std::time::Instant;

use medbill::codesets::PfsData;
use medbill::{Claim, Contract, FeeSchedule, price};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (rvu, gpci, claim, contract, locality, seconds, plan) = match args.as_slice() {
        [r, g, c, k, l, s] => (r, g, c, k, l, s, None),
        [r, g, c, k, l, s, p] => (r, g, c, k, l, s, Some(p)),
        _ => {
            return Err(
                "usage: medbill-bench-wasi RVU GPCI CLAIM CONTRACT LOCALITY SECONDS [PLAN]".into(),
            );
        }
    };
    let started = Instant::now();
    let data = PfsData::load(
        &std::fs::read(rvu)?,
        &std::fs::read(gpci)?,
        None,
        None,
        None,
    )?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let claim = Claim::from_json(&std::fs::read_to_string(claim)?)?;
    let mut contract: Contract = medbill::from_json(&std::fs::read_to_string(contract)?)?;
    if let FeeSchedule::MedicarePfs(pfs) = &mut contract.schedule {
        pfs.locality = Some(locality.parse()?);
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    let budget: f64 = seconds.parse()?;
    let lines = claim.line_count();
    let options = medbill::pricing::PriceOptions::default();
    let first = price(&claim, &contract, Some(&data), as_of, &options)?;
    if let Some(plan) = plan {
        let plan: medbill::BenefitPlan = medbill::from_json(&std::fs::read_to_string(plan)?)?;
        let nothing_met = medbill::benefits::Accumulators::default();
        let network = medbill::benefits::Network::InNetwork;
        let result = medbill::adjudicate(&first, &plan, &nothing_met, network)?;
        let started = Instant::now();
        let mut claims: u64 = 0;
        while started.elapsed().as_secs_f64() < budget {
            for _ in 0..1000 {
                std::hint::black_box(medbill::adjudicate(
                    std::hint::black_box(&first),
                    &plan,
                    &nothing_met,
                    network,
                )?);
            }
            claims = claims.saturating_add(1000);
        }
        let per_second = (claims as f64) / started.elapsed().as_secs_f64();
        println!(
            "patient owes {} | {per_second:.0} adjudicated {lines}-line claims/s (with the explanation)",
            result.patient_responsibility
        );
        return Ok(());
    }
    let started = Instant::now();
    let mut claims: u64 = 0;
    while started.elapsed().as_secs_f64() < budget {
        for _ in 0..1000 {
            std::hint::black_box(price(
                std::hint::black_box(&claim),
                &contract,
                Some(&data),
                as_of,
                &options,
            )?);
        }
        claims = claims.saturating_add(1000);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let per_second = (claims as f64) * (lines as f64) / elapsed;
    println!(
        "allowed {} | RVU+GPCI load {load_ms:.1} ms | {per_second:.0} priced lines/s ({lines}-line claim, full trace)",
        first.total_allowed
    );
    // What a JSON-text boundary adds per claim: decoding the claim and writing the result.
    let claim_text = medbill::to_json(&claim)?;
    let decode = time_per_call(budget, || Claim::from_json(&claim_text).map(drop))?;
    let encode = time_per_call(budget, || medbill::to_json(&first).map(drop))?;
    let lean = price(
        &claim,
        &contract,
        Some(&data),
        as_of,
        &medbill::pricing::PriceOptions {
            trace: false,
            ..options
        },
    )?;
    let encode_lean = time_per_call(budget, || medbill::to_json(&lean).map(drop))?;
    println!(
        "per claim: decode from JSON text {decode:.1} µs ({} bytes) | write the priced claim as JSON {encode:.1} µs with traces, {encode_lean:.1} µs without",
        claim_text.len()
    );
    Ok(())
}

/// Microseconds per call of `work`, run for about a third of `budget` seconds.
fn time_per_call<E: Error + 'static>(
    budget: f64,
    mut work: impl FnMut() -> Result<(), E>,
) -> Result<f64, Box<dyn Error>> {
    let started = Instant::now();
    let mut calls: u64 = 0;
    while started.elapsed().as_secs_f64() < budget / 3.0 {
        for _ in 0..100 {
            work()?;
        }
        calls = calls.saturating_add(100);
    }
    Ok(started.elapsed().as_secs_f64() * 1e6 / (calls as f64))
}
