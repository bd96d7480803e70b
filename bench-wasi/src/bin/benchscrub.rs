//! `medbill-bench-scrub PACK CLAIM SECONDS`: reads a code-set pack, then scrubs the claim
//! (its lines moved to 2 March 2026, inside the pack's year) for about SECONDS and prints
//! claims per second. Built natively and for wasm32-wasip1 by `cargo xtask bench`, so the
//! scrubber's speed in WebAssembly is measured by the same code as natively.
#![allow(clippy::print_stdout, reason = "a benchmark reports")]

use std::error::Error;
use std::time::Instant;

use medbill::Claim;
use medbill::claim::ClaimForm;
use medbill::codesets::CodeSets;
use medbill::scrub::{PayerRules, ScrubHistory, scrub};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [pack, claim, seconds] = args.as_slice() else {
        return Err("usage: medbill-bench-scrub PACK CLAIM SECONDS".into());
    };
    let bytes = std::fs::read(pack)?;
    let started = Instant::now();
    let sets = CodeSets::from_pack(&bytes)?.sets;
    let read_ms = started.elapsed().as_secs_f64() * 1000.0;
    let text = std::fs::read_to_string(claim)?;
    let mut claim = Claim::from_json(&text)?;
    let dos = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    if let ClaimForm::Professional(p) = &mut claim.form {
        for line in &mut p.lines {
            line.service_date = dos;
        }
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).ok_or("date")?;
    let rules = PayerRules::default();
    let history = ScrubHistory::default();
    let findings = scrub(&claim, &sets, &rules, as_of, &history);
    let budget: f64 = seconds.parse()?;
    let started = Instant::now();
    let mut claims: u64 = 0;
    while started.elapsed().as_secs_f64() < budget {
        for _ in 0..1000 {
            std::hint::black_box(scrub(
                std::hint::black_box(&claim),
                &sets,
                &rules,
                as_of,
                &history,
            ));
        }
        claims = claims.saturating_add(1000);
    }
    let rate = claims as f64 / started.elapsed().as_secs_f64();
    // Decoding the claim from JSON text (what a binding taking JSON would pay per call).
    let started = Instant::now();
    let mut decoded: u64 = 0;
    while started.elapsed().as_secs_f64() < budget / 3.0 {
        for _ in 0..100 {
            std::hint::black_box(Claim::from_json(std::hint::black_box(&text))?);
        }
        decoded = decoded.saturating_add(100);
    }
    let decode_us = started.elapsed().as_secs_f64() * 1e6 / decoded as f64;
    println!(
        "decode the claim from JSON text ({} bytes): {decode_us:.1} µs",
        text.len()
    );
    println!(
        "pack read {read_ms:.1} ms ({} bytes); scrub {}-line claims ({} findings): {rate:.0}/s",
        bytes.len(),
        claim.line_count(),
        findings.len()
    );
    Ok(())
}
