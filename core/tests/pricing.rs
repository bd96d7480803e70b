//! Pricing rules, each with a hand-worked example on the sample PFS data under
//! `examples/data/pfs-sample/` (illustrative RVUs; locality 00000-01 has GPCIs
//! 1.000 / 1.050 / 0.900 and the conversion factor is 33.4009).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use chrono::NaiveDate;
use medbill::claim::ClaimForm;
use medbill::pricing::{LineStatus, PricingError, replay};
use medbill::{Claim, Contract, Money, PricedClaim, price};
use support::{L, Spec, build, claim, day, m, sample_pfs};

fn contract(schedule: serde_json::Value) -> Contract {
    serde_json::from_value(serde_json::json!({
        "payerId": "00952",
        "effectiveFrom": "2026-01-01",
        "schedule": schedule,
    }))
    .unwrap()
}

fn medicare() -> Contract {
    contract(serde_json::json!({
        "kind": "medicarePfs",
        "locality": "00000-01",
        "facilityPlacesOfService": ["21", "22", "23", "24"]
    }))
}

fn priced(claim: &Claim, contract: &Contract) -> PricedClaim {
    let priced = price(claim, contract, Some(&sample_pfs()), day()).unwrap();
    for line in &priced.lines {
        if line.status == LineStatus::Priced {
            assert_eq!(
                replay(&line.trace).unwrap(),
                line.allowed,
                "trace must replay to the allowed amount"
            );
        }
    }
    priced
}

fn allowed(priced: &PricedClaim) -> Vec<String> {
    priced.lines.iter().map(|l| l.allowed.to_string()).collect()
}

#[test]
fn rbrvs_non_facility_matches_the_worked_example() {
    // (1.30 × 1.000 + 1.52 × 1.050 + 0.10 × 0.900) × 33.4009 = 99.7350874 → 99.74
    let result = priced(&claim(&[L("99213", &[], "180.00", "1", "11")]), &medicare());
    assert_eq!(allowed(&result), ["99.74"]);
    let pfs_step = result.lines[0]
        .trace
        .iter()
        .find(|s| s.rule == "PFS-RBRVS")
        .unwrap();
    assert_eq!(pfs_step.result, m("99.7350874"));
    assert_eq!(pfs_step.data_version.as_deref(), Some("SAMPLE"));
    assert_eq!(result.total_allowed, m("99.74"));
}

#[test]
fn facility_places_of_service_use_the_facility_pe() {
    // (1.30 + 0.55 × 1.05 + 0.09) × 33.4009 = 65.71627075 → 65.72
    let result = priced(&claim(&[L("99213", &[], "180.00", "1", "22")]), &medicare());
    assert_eq!(allowed(&result), ["65.72"]);
}

#[test]
fn lesser_of_charge_is_a_payer_setting() {
    let cheap = claim(&[L("99213", &[], "50.00", "1", "11")]);
    assert_eq!(allowed(&priced(&cheap, &medicare())), ["50.00"]);
    let mut no_lesser = medicare();
    no_lesser.settings.lesser_of_charge = false;
    assert_eq!(allowed(&priced(&cheap, &no_lesser)), ["99.74"]);
}

#[test]
fn professional_and_technical_components_use_their_rows() {
    let result = priced(
        &claim(&[
            L("71046", &[], "90.00", "1", "11"),
            L("71046", &["26"], "40.00", "1", "22"),
            L("71046", &["TC"], "60.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&result), ["32.50", "10.76", "21.74"]);
}

#[test]
fn units_multiply_the_rounded_fee() {
    let result = priced(&claim(&[L("99213", &[], "500.00", "2", "11")]), &medicare());
    assert_eq!(allowed(&result), ["199.48"]);
}

#[test]
fn multiple_procedures_rank_by_amount_and_exempt_add_ons() {
    // 11042 108.39 (100%), 20610 64.81 × 50% = 32.405 → 32.41, 11045 add-on 32.23 (exempt).
    let lines = [
        L("20610", &[], "200.00", "1", "11"),
        L("11045", &[], "100.00", "1", "11"),
        L("11042", &[], "250.00", "1", "11"),
    ];
    let result = priced(&claim(&lines), &medicare());
    assert_eq!(allowed(&result), ["32.41", "32.23", "108.39"]);
    assert_eq!(result.total_allowed, m("173.03"));
    let reversed = [
        L("11042", &[], "250.00", "1", "11"),
        L("11045", &[], "100.00", "1", "11"),
        L("20610", &[], "200.00", "1", "11"),
    ];
    assert_eq!(
        priced(&claim(&reversed), &medicare()).total_allowed,
        m("173.03")
    );
}

#[test]
fn bilateral_is_applied_before_the_multiple_procedure_reduction() {
    // 20610-50: 64.81 × 150% = 97.215; ranked second behind 11042: × 50% = 48.6075 → 48.61.
    let result = priced(
        &claim(&[
            L("20610", &["50"], "300.00", "1", "11"),
            L("11042", &[], "250.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&result), ["48.61", "108.39"]);
    let alone = priced(
        &claim(&[L("20610", &["50"], "300.00", "1", "11")]),
        &medicare(),
    );
    assert_eq!(allowed(&alone), ["97.22"]);
}

#[test]
fn the_sixth_multiple_procedure_needs_manual_pricing() {
    let lines = [
        L("20610", &[], "200.00", "1", "11"),
        L("11300", &[], "200.00", "1", "11"),
        L("11200", &[], "200.00", "1", "11"),
        L("10060", &[], "200.00", "1", "11"),
        L("11042", &[], "200.00", "1", "11"),
        L("10061", &[], "200.00", "1", "11"),
    ];
    let result = priced(&claim(&lines), &medicare());
    // 10061 163.00 at 100%; 11042, 10060, 11200, 11300 at 50%; 20610 is sixth.
    assert_eq!(
        allowed(&result),
        ["0.00", "35.47", "37.70", "48.48", "54.20", "163.00"]
    );
    assert!(matches!(
        result.lines[0].status,
        LineStatus::ManualPricing { .. }
    ));
}

#[test]
fn surgical_team_modifiers() {
    // 27447 in a hospital: 1154.66911300 → 1154.67.
    let result = priced(
        &claim(&[
            L("27447", &["62"], "5000.00", "1", "21"),
            L("27447", &["80"], "1000.00", "1", "21"),
            L("27447", &["AS"], "1000.00", "1", "21"),
        ]),
        &medicare(),
    );
    // 62.5% → 721.66875 → 721.67; 16% → 184.7472 → 184.75; 13.6% → 157.03512 → 157.04;
    // ranked by amount: 721.67 at 100%, then 184.7472 × 50% and 157.03512 × 50%.
    assert_eq!(allowed(&result), ["721.67", "92.37", "78.52"]);
    let never = priced(
        &claim(&[L("29881", &["80"], "1000.00", "1", "21")]),
        &medicare(),
    );
    assert!(matches!(
        never.lines[0].status,
        LineStatus::NotPayable { .. }
    ));
    assert_eq!(never.lines[0].allowed, Money::ZERO);
}

#[test]
fn non_physician_practitioners_are_paid_85_percent() {
    let mut visit = claim(&[L("99213", &[], "180.00", "1", "11")]);
    let ClaimForm::Professional(form) = &mut visit.form else {
        unreachable!()
    };
    let mut np = visit.billing_provider.clone();
    np.taxonomy = Some("363LF0000X".parse().unwrap());
    form.lines[0].rendering_provider = Some(np);
    // 99.74 × 85% = 84.779 → 84.78
    assert_eq!(allowed(&priced(&visit, &medicare())), ["84.78"]);
}

#[test]
fn flat_schedules_carve_outs_and_percentages() {
    let flat = contract(serde_json::json!({
        "kind": "flat",
        "fees": [
            { "procedure": "99213", "amount": "92.00" },
            { "procedure": "99213", "amount": "95.00", "effectiveFrom": "2026-11-01" },
            { "procedure": "71046", "modifier": "26", "amount": "12.00" },
            { "procedure": "71046", "amount": "40.00" }
        ]
    }));
    let visit = claim(&[
        L("99213", &[], "180.00", "1", "11"),
        L("71046", &["26"], "50.00", "1", "11"),
        L("93000", &[], "80.00", "1", "11"),
    ]);
    let result = priced(&visit, &flat);
    assert_eq!(allowed(&result), ["92.00", "12.00", "0.00"]);
    assert!(matches!(
        result.lines[2].status,
        LineStatus::NotPayable { .. }
    ));

    let mut carved = flat.clone();
    carved.carve_outs = serde_json::from_value(
        serde_json::json!([{ "procedure": "93000", "price": { "perUnit": "30.00" } }]),
    )
    .unwrap();
    carved.adjustment = Some("110%".parse().unwrap());
    // The adjustment applies to schedule amounts, not to carve-outs: 92 × 110% = 101.20.
    assert_eq!(
        allowed(&priced(&visit, &carved)),
        ["101.20", "13.20", "30.00"]
    );

    let charges = contract(serde_json::json!({ "kind": "percentOfCharges", "rate": "65%" }));
    assert_eq!(
        allowed(&priced(&visit, &charges)),
        ["117.00", "32.50", "52.00"]
    );

    let of_medicare = contract(serde_json::json!({
        "kind": "percentOfSchedule",
        "rate": "120%",
        "base": { "kind": "medicarePfs", "locality": "00000-01", "facilityPlacesOfService": ["22"] }
    }));
    // 99.7350874 → 99.74 (PFS rounding) × 120% = 119.688 → 119.69
    assert_eq!(
        allowed(&priced(
            &claim(&[L("99213", &[], "180.00", "1", "11")]),
            &of_medicare
        )),
        ["119.69"]
    );
}

#[test]
fn anesthesia_base_plus_time_units() {
    let schedule = serde_json::json!({ "kind": "anesthesia", "locality": "00000-01", "baseUnits": [{ "procedure": "01402", "units": "7" }] });
    // ASA's example: 7 base + 129 min (8.6 units) = 15.6 units × 21.50 (sample locality CF) = 335.40.
    let result = priced(
        &claim(&[L("01402", &[], "900.00", "m129", "21")]),
        &contract(schedule.clone()),
    );
    assert_eq!(allowed(&result), ["335.40"]);
    let directed = priced(
        &claim(&[L("01402", &["QK"], "900.00", "m129", "21")]),
        &contract(schedule.clone()),
    );
    assert_eq!(allowed(&directed), ["167.70"]);
    // 17 minutes: 1.1 units at one decimal, 1.13 at two (the precision conflict of RULES.md §3).
    let mut two_places = contract(schedule);
    let short = claim(&[L("01402", &[], "900.00", "m17", "21")]);
    assert_eq!(allowed(&priced(&short, &two_places)), ["174.15"]);
    two_places.settings.anesthesia_time.precision = 2;
    assert_eq!(allowed(&priced(&short, &two_places)), ["174.80"]);
}

#[test]
fn codes_the_schedule_does_not_pay() {
    let result = priced(
        &claim(&[
            L("0001F", &[], "0.01", "1", "11"),
            L("83036", &[], "65.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert!(
        result
            .lines
            .iter()
            .all(|l| matches!(l.status, LineStatus::NotPayable { .. }))
    );
    assert_eq!(result.total_allowed, Money::ZERO);
}

#[test]
fn the_locality_comes_from_the_zip_when_the_contract_has_none() {
    let no_locality =
        contract(serde_json::json!({ "kind": "medicarePfs", "facilityPlacesOfService": ["22"] }));
    // The billing provider's ZIP 62701 is in 00000-01 in the sample ZIP file.
    assert_eq!(
        allowed(&priced(
            &claim(&[L("99213", &[], "180.00", "1", "11")]),
            &no_locality
        )),
        ["99.74"]
    );
}

#[test]
fn claim_level_errors_are_typed() {
    let visit = claim(&[L("99213", &[], "180.00", "1", "11")]);
    assert_eq!(
        price(&visit, &medicare(), None, day()),
        Err(PricingError::PfsDataMissing)
    );
    let mut late = medicare();
    late.effective_from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(
        price(&visit, &late, Some(&sample_pfs()), day()),
        Err(PricingError::ContractNotEffective { line: 1 })
    );
    let elsewhere = contract(
        serde_json::json!({ "kind": "medicarePfs", "locality": "99999-99", "facilityPlacesOfService": [] }),
    );
    assert!(matches!(
        price(&visit, &elsewhere, Some(&sample_pfs()), day()),
        Err(PricingError::LocalityNotInData(..))
    ));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const CODES: [&str; 12] = [
        "99213", "99214", "71046", "20610", "27447", "29881", "11042", "11045", "10060", "10061",
        "11200", "11300",
    ];
    const MODIFIERS: [&[&str]; 6] = [&[], &[], &["50"], &["80"], &["62"], &["26"]];

    fn spec() -> impl Strategy<Value = Spec> {
        (
            0..CODES.len(),
            0..MODIFIERS.len(),
            1i64..500_000,
            1u32..4,
            prop::bool::ANY,
        )
            .prop_map(|(c, m, cents, units, facility)| Spec {
                code: CODES[c].to_owned(),
                modifiers: MODIFIERS[m].iter().map(|s| (*s).to_owned()).collect(),
                charge: Money::from_cents(cents),
                units: units.to_string(),
                pos: if facility { "22" } else { "11" }.to_owned(),
            })
    }

    fn claims() -> impl Strategy<Value = (Vec<Spec>, Vec<Spec>)> {
        prop::collection::vec(spec(), 1..9).prop_flat_map(|specs| {
            let shuffled = Just(specs.clone()).prop_shuffle();
            (Just(specs), shuffled)
        })
    }

    fn schedules() -> impl Strategy<Value = Contract> {
        prop_oneof![
            Just(medicare()),
            Just(contract(serde_json::json!({
                "kind": "percentOfSchedule", "rate": "125%",
                "base": { "kind": "medicarePfs", "locality": "00000-02", "facilityPlacesOfService": ["22"] }
            }))),
            Just(contract(
                serde_json::json!({ "kind": "percentOfCharges", "rate": "70%" })
            )),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn line_order_never_changes_a_total((specs, shuffled) in claims(), contract in schedules()) {
            let a = price(&build(specs), &contract, Some(&sample_pfs()), day()).unwrap();
            let b = price(&build(shuffled), &contract, Some(&sample_pfs()), day()).unwrap();
            prop_assert_eq!(a.total_allowed, b.total_allowed);
            let mut left = allowed(&a);
            let mut right = allowed(&b);
            left.sort();
            right.sort();
            prop_assert_eq!(left, right);
        }

        #[test]
        fn allowed_never_exceeds_the_charge_and_traces_replay((specs, _) in claims(), contract in schedules()) {
            let priced = price(&build(specs), &contract, Some(&sample_pfs()), day()).unwrap();
            for line in &priced.lines {
                prop_assert!(line.allowed <= line.charge, "{} > {}", line.allowed, line.charge);
                prop_assert!(line.allowed.is_whole_cents());
                if line.status == LineStatus::Priced {
                    prop_assert_eq!(replay(&line.trace).unwrap(), line.allowed);
                    prop_assert_eq!(line.trace.last().map(|s| s.result), Some(line.allowed));
                } else {
                    prop_assert_eq!(line.allowed, Money::ZERO);
                }
            }
        }

        #[test]
        fn claim_totals_are_the_sums_of_the_lines((specs, _) in claims(), contract in schedules()) {
            let priced = price(&build(specs), &contract, Some(&sample_pfs()), day()).unwrap();
            let reductions = Money::sum(priced.lines.iter().map(|l| l.charge.checked_sub(l.allowed).unwrap())).unwrap();
            prop_assert_eq!(Money::sum(priced.lines.iter().map(|l| l.allowed)).unwrap(), priced.total_allowed);
            prop_assert_eq!(priced.total_charge.checked_sub(priced.total_allowed).unwrap(), reductions);
        }
    }
}
