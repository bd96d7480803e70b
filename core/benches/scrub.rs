//! `cargo bench -p medbill --bench scrub` (run by `cargo xtask bench`): how long each
//! official code-set file takes to load, natively, and how many ten-line claims per second
//! the scrubber checks with them all loaded (goal: 100,000/s). Reads `../shared/data/codesets`
//! (the official files) and `examples/data/codesets` (the NCCI fixtures).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    reason = "a benchmark program: prints its numbers, fails loudly"
)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use medbill::Claim;
use medbill::claim::ClaimForm;
use medbill::codesets::CodeSets;
use medbill::scrub::{PayerRules, ScrubHistory, scrub, scrub_rules};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let shared = root.join("../shared/data/codesets");
    let mut sets = CodeSets::new();
    let mut total = Duration::ZERO;
    let official = [
        "icd10cm/icd10c-tabular-April-1-2026.xml",
        "hcpcs/HCPC2020_ANWEB_w_disclaimer.txt",
        "hcpcs/HCPC2025_OCT_ANWEB.xlsx",
        "pfs-rvu25d/PPRRVU2025_Oct.csv",
        "place-of-service/cs-CMS-PlaceofServiceCodes.xml",
        "nucc-taxonomy/nucc_taxonomy_251.csv",
    ];
    if !shared.exists() {
        println!("scrub bench: ../shared/data/codesets absent: loading the fixtures only");
    }
    let fixtures = root.join("examples/data/codesets");
    let mut files: Vec<PathBuf> = official
        .iter()
        .map(|f| shared.join(f))
        .filter(|p| p.exists())
        .collect();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .collect();
    names.sort();
    files.extend(names);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let start = Instant::now();
        sets.load_file(name, &bytes).unwrap();
        let took = start.elapsed();
        total += took;
        println!(
            "load {name}: {:.1} ms ({:.1} MB)",
            took.as_secs_f64() * 1e3,
            bytes.len() as f64 / 1e6
        );
    }
    println!("load all: {:.0} ms", total.as_secs_f64() * 1e3);

    // The same code sets as a pack for calendar year 2026: its size and how long reading it
    // back takes (median of 11).
    let year = Some((
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    ));
    let pack = sets.to_pack(year).unwrap();
    let mut reads: Vec<Duration> = (0..11)
        .map(|_| {
            let start = Instant::now();
            let back = CodeSets::from_pack(&pack).unwrap();
            let took = start.elapsed();
            assert!(!back.sets.loaded().is_empty());
            took
        })
        .collect();
    reads.sort();
    println!(
        "pack 2026: {} bytes; read back in {:.1} ms (median of 11)",
        pack.len(),
        reads[5].as_secs_f64() * 1e3
    );
    if let Ok(dir) = std::env::var("MEDBILL_PACK_OUT") {
        std::fs::write(PathBuf::from(dir).join("codesets-2026.mbpack"), &pack).unwrap();
    }

    let text =
        std::fs::read_to_string(root.join("examples/data/claims/bench-ten-lines.json")).unwrap();
    let mut claim = Claim::from_json(&text).unwrap();
    let dos = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    if let ClaimForm::Professional(p) = &mut claim.form {
        for line in &mut p.lines {
            line.service_date = dos;
        }
    }
    let as_of = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    let rules = PayerRules::default();
    let history = ScrubHistory::default();
    let findings = scrub(&claim, &sets, &rules, as_of, &history);
    println!(
        "scrub: {} lines, {} findings ({})",
        claim.line_count(),
        findings.len(),
        findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    // Warm up, then time for about two seconds.
    for _ in 0..1_000 {
        std::hint::black_box(scrub(&claim, &sets, &rules, as_of, &history));
    }
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(2) {
        for _ in 0..1_000 {
            std::hint::black_box(scrub(
                std::hint::black_box(&claim),
                &sets,
                &rules,
                as_of,
                &history,
            ));
        }
        n += 1_000;
    }
    let rate = n as f64 / start.elapsed().as_secs_f64();
    println!("scrub ten-line claims natively: {rate:.0}/s (goal 100000/s)");
    // What of that is the claim's structural validation, which scrub runs first.
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(1) {
        for _ in 0..1_000 {
            std::hint::black_box(std::hint::black_box(&claim).validate());
        }
        n += 1_000;
    }
    let rate = n as f64 / start.elapsed().as_secs_f64();
    println!("of which Claim::validate alone: {rate:.0}/s");
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(2) {
        for _ in 0..1_000 {
            std::hint::black_box(scrub_rules(
                std::hint::black_box(&claim),
                &sets,
                &rules,
                as_of,
                &history,
            ));
        }
        n += 1_000;
    }
    let rate = n as f64 / start.elapsed().as_secs_f64();
    println!("scrub rules alone (scrub_rules), ten-line claims: {rate:.0}/s (goal 100000/s)");
}
