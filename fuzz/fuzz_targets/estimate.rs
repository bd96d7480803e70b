//! `estimate` on arbitrary estimate requests (JSON), priced against the bundled sample PFS:
//! never panics, and when it estimates, what the rules guarantee holds. For an insured patient:
//! every amount is zero or more, the lowest cost is at most the expected one and the expected
//! one at most the highest (the expected is the highest when the accumulators are unknown; all
//! three are one when they are known), the lines add up to the patient cost, and the patient
//! and the plan together never get more than the allowed amount. For a self-pay patient: the
//! cost is the allowed amount and the Good Faith Estimate's total, and the plan pays nothing.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use medbill::Money;
use medbill::benefits::EstimateRequest;
use medbill::codesets::PfsData;

fn pfs() -> &'static PfsData {
    static PFS: OnceLock<PfsData> = OnceLock::new();
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
        .expect("the bundled sample PFS loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(request) = medbill::from_json::<EstimateRequest>(text) else {
        return;
    };
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date");
    let Ok(estimate) = medbill::estimate(&request, Some(pfs()), as_of) else {
        return;
    };
    let lines = Money::sum(estimate.lines.iter().map(|l| l.patient_cost));
    assert_eq!(
        lines,
        Ok(estimate.patient_cost),
        "the lines add up to the patient cost"
    );
    for amount in [
        estimate.patient_cost,
        estimate.patient_cost_low,
        estimate.patient_cost_high,
        estimate.plan_pays,
        estimate.total_allowed,
        estimate.total_charge,
    ] {
        assert!(!amount.is_negative(), "{amount} is negative");
    }
    match &estimate.good_faith_estimate {
        None => {
            assert!(estimate.patient_cost_low <= estimate.patient_cost);
            assert!(estimate.patient_cost <= estimate.patient_cost_high);
            if request.accumulators.is_some() {
                assert_eq!(estimate.patient_cost_low, estimate.patient_cost_high);
            } else {
                assert_eq!(estimate.patient_cost, estimate.patient_cost_high);
            }
            if let Ok(shared) = estimate.patient_cost.checked_add(estimate.plan_pays) {
                assert!(
                    shared <= estimate.total_allowed,
                    "{shared} > {}",
                    estimate.total_allowed
                );
            }
        }
        Some(gfe) => {
            assert!(request.plan.is_none());
            assert_eq!(estimate.plan_pays, Money::ZERO);
            assert_eq!(estimate.patient_cost, estimate.total_allowed);
            assert_eq!(gfe.total_expected_charges, estimate.patient_cost);
        }
    }
});
