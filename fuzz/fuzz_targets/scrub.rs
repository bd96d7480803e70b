//! `scrub(claim, code sets, payer rules, as_of, history)`: any claim that decodes, with
//! the payer pack and history taken from the same bytes when they decode, is scrubbed
//! without a panic against the NCCI fixtures.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use medbill::codesets::CodeSets;
use medbill::scrub::{PayerRules, ScrubHistory, scrub};

fn sets() -> &'static CodeSets {
    static SETS: OnceLock<CodeSets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut sets = CodeSets::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/codesets");
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("")
                    .to_owned();
                if let Ok(bytes) = std::fs::read(&path) {
                    let _ = sets.load_file(&name, &bytes);
                }
            }
        }
        sets
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\u{1e}');
    let Some(claim) = parts.next().and_then(|c| medbill::Claim::from_json(c).ok()) else {
        return;
    };
    let rules = parts
        .next()
        .and_then(|r| PayerRules::from_json(r).ok())
        .unwrap_or_default();
    let history: ScrubHistory = parts
        .next()
        .and_then(|h| medbill::from_json(h).ok())
        .unwrap_or_default();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default();
    let _ = scrub(&claim, sets(), &rules, as_of, &history);
});
