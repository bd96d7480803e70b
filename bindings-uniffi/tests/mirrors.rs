//! Every core model reaches Kotlin, Swift and Python whole: each value, taken into its UniFFI
//! mirror (generated from the core's JSON Schemas) and back through the core's decoder, comes
//! out as it went in. The mirrors refuse unknown fields, so a core field a mirror lacked would
//! fail here, not vanish; values come from the bundled fixtures, and from the public X12
//! samples in ../shared/data/x12 when they are there.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    reason = "a test"
)]

use std::path::{Path, PathBuf};

use medbill::benefits::{Accumulators, BenefitPlan, CobMethod, EstimateRequest, Network};
use medbill::codesets::PfsData;
use medbill::pricing::PriceOptions;
use medbill::{Claim, Contract};
use medbill_uniffi::models;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn data(rel: &str) -> PathBuf {
    repo().join("examples").join("data").join(rel)
}

fn read<T: DeserializeOwned>(rel: &str) -> T {
    medbill::from_json(&std::fs::read_to_string(data(rel)).unwrap()).unwrap()
}

/// Core → mirror → core, and the JSON must not have changed. Returns how many values went.
fn round_trip<C: Serialize + DeserializeOwned, M: Serialize + DeserializeOwned>(
    what: &str,
    values: &[C],
) -> usize {
    for (i, core) in values.iter().enumerate() {
        let before = serde_json::to_value(core).unwrap();
        let mirror: M = serde_json::from_value(before.clone())
            .unwrap_or_else(|e| panic!("{what} #{i} does not fit its mirror: {e}"));
        let text = serde_json::to_string(&mirror).unwrap();
        let back: C = medbill::from_json(&text)
            .unwrap_or_else(|e| panic!("{what} #{i}: the mirror's JSON does not decode: {e}"));
        assert_eq!(
            serde_json::to_value(&back).unwrap(),
            before,
            "{what} #{i} changed on its way"
        );
    }
    values.len()
}

/// Every file with the extension under a directory.
fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.retain(|p| {
        p.extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
    });
    found.sort();
    found
}

/// Every file under a directory, depth first, in name order.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn every_model_survives_its_mirror() {
    // Claims: every bundled claim fixture that is a claim, and every claim of the X12 files.
    let mut claims: Vec<Claim> = files(&data("claims"), &["json"])
        .iter()
        .filter_map(|p| Claim::from_json(&std::fs::read_to_string(p).unwrap()).ok())
        .collect();
    let shared = repo().join("..").join("shared").join("data").join("x12");
    let mut x12_files = files(&data("x12"), &["835"]);
    x12_files.extend(files(&data("books"), &["835", "277", "999"]));
    if shared.is_dir() {
        x12_files.extend(walk(&shared));
    } else {
        println!(
            "note: ../shared/data/x12 is absent: the public X12 samples are not round-tripped"
        );
    }
    let mut summaries = Vec::new();
    let mut remittances = Vec::new();
    for path in &x12_files {
        let Ok(file) = medbill::read_x12(&std::fs::read(path).unwrap()) else {
            continue;
        };
        summaries.extend(file.summaries());
        remittances.extend(file.remittances.clone());
        claims.extend(file.claims.iter().flat_map(|t| t.claims.iter().cloned()));
    }
    assert!(claims.len() >= 15, "only {} claims", claims.len());
    round_trip::<_, models::Claim>("claim", &claims);
    assert!(!remittances.is_empty());
    round_trip::<_, models::Remittance>("remittance", &remittances);
    round_trip::<_, models::SetSummary>("X12 set summary", &summaries);

    // Priced claims, adjudications and coordinations: every professional claim priced under
    // the Medicare contract with the PFS sample, adjudicated under two plans.
    let pfs = PfsData::load_given(
        Some(&std::fs::read(data("pfs-sample/rvu-sample.csv")).unwrap()),
        Some(&std::fs::read(data("pfs-sample/gpci-sample.csv")).unwrap()),
        Some(&std::fs::read(data("pfs-sample/anes-sample.csv")).unwrap()),
        Some(&std::fs::read(data("pfs-sample/zip-sample.txt")).unwrap()),
        Some("SAMPLE"),
    )
    .unwrap();
    let contract: Contract = read("contracts/medicare-part-b.json");
    let options = PriceOptions {
        unchecked: true,
        any_payer: true,
        trace: true,
    };
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let priced: Vec<_> = claims
        .iter()
        .filter_map(|c| medbill::price(c, &contract, pfs.as_ref(), as_of, &options).ok())
        .collect();
    assert!(priced.len() >= 5, "only {} priced", priced.len());
    round_trip::<_, models::PricedClaim>("priced claim", &priced);
    let nothing_met = Accumulators::default();
    let mut adjudications = Vec::new();
    for plan in [
        "plans/medicare-part-b-2026.json",
        "plans/commercial-ppo.json",
    ] {
        let plan: BenefitPlan = read(plan);
        adjudications.extend(
            priced.iter().filter_map(|p| {
                medbill::adjudicate(p, &plan, &nothing_met, Network::InNetwork).ok()
            }),
        );
    }
    assert!(
        adjudications.len() >= 5,
        "only {} adjudicated",
        adjudications.len()
    );
    round_trip::<_, models::Adjudication>("adjudication", &adjudications);
    let coordinations: Vec<_> = adjudications
        .iter()
        .zip(adjudications.iter().skip(priced.len()))
        .filter_map(|(prior, secondary)| {
            medbill::benefits::coordinate(prior, secondary, CobMethod::Standard).ok()
        })
        .collect();
    assert!(!coordinations.is_empty());
    round_trip::<_, models::Coordination>("coordination", &coordinations);

    // Estimates, with a plan and self-pay.
    let estimates: Vec<_> = [
        "estimates/knee-injection-ppo.json",
        "estimates/self-pay-gfe.json",
    ]
    .iter()
    .map(|rel| medbill::estimate(&read::<EstimateRequest>(rel), pfs.as_ref(), as_of).unwrap())
    .collect();
    round_trip::<_, models::Estimate>("estimate", &estimates);

    // Ledger entries and balances: the bundled books, and the books after posting.
    let mut entries: Vec<medbill::Entry> = read("books/entries.json");
    entries.extend(read::<Vec<medbill::Entry>>("books/entries-posted.json"));
    round_trip::<_, models::Entry>("ledger entry", &entries);
    let balances = medbill::ledger::balances(&entries, medbill::ledger::AsOf::all()).unwrap();
    round_trip::<_, models::Balances>("balances", &[balances]);
}

#[test]
fn a_field_the_mirror_lacks_is_refused_not_dropped() {
    let claim: Claim = read("claims/professional-clean.json");
    let mut value = serde_json::to_value(&claim).unwrap();
    value["notAField"] = serde_json::json!("x");
    let err = serde_json::from_value::<models::Claim>(value).unwrap_err();
    assert!(err.to_string().contains("notAField"), "{err}");
}
