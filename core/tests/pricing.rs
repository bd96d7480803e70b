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
use medbill::codesets::{PfsData, PfsVersionSource, release_from_file_name};
use medbill::pricing::{LineStatus, LocalitySource, PriceOptions, PricingError, replay};
use medbill::{Claim, Contract, ErrorCode, Money, PricedClaim, price};
use support::{L, Spec, build, claim, data_dir, day, m, sample_pfs};

/// Everything checked, traces kept.
fn checked() -> PriceOptions {
    PriceOptions::default()
}

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
    let priced = price(claim, contract, Some(&sample_pfs()), day(), &checked()).unwrap();
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
fn endoscopies_of_one_family_pay_the_highest_plus_each_other_less_the_base() {
    // RULES.md §2, indicator 3 (sample family 43235: 43236 and 43239 name it as their base).
    // 43236: (2.50 + 9.00 × 1.05 + 0.30 × 0.9) × 33.4009 = 12.22 × 33.4009 = 408.158998 → 408.16
    // 43239: (2.40 + 8.00 × 1.05 + 0.30 × 0.9) × 33.4009 = 11.07 × 33.4009 = 369.747963 → 369.75
    // 43235: (2.00 + 6.00 × 1.05 + 0.20 × 0.9) × 33.4009 =  8.48 × 33.4009 = 283.239632 → 283.24
    // 43236 in full; 43239 pays 369.75 − 283.24 = 86.51; the base billed with them is not paid.
    let lines = [
        L("43239", &[], "1000.00", "1", "11"),
        L("43235", &[], "1000.00", "1", "11"),
        L("43236", &[], "1000.00", "1", "11"),
    ];
    let result = priced(&claim(&lines), &medicare());
    assert_eq!(allowed(&result), ["86.51", "0.00", "408.16"]);
    assert!(
        matches!(&result.lines[1].status, LineStatus::NotPayable { reason } if reason.contains("43235")),
        "{:?}",
        result.lines[1].status
    );
    assert!(
        result.lines[0]
            .trace
            .iter()
            .any(|s| s.rule == "MPPR-ENDOSCOPY")
    );
    // The base alone with one endoscopy of its family: that endoscopy in full, the base unpaid.
    let pair = priced(
        &claim(&[
            L("43235", &[], "1000.00", "1", "11"),
            L("43239", &[], "1000.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&pair), ["0.00", "369.75"]);
}

#[test]
fn an_endoscopy_family_ranks_as_one_procedure_with_other_surgeries() {
    // Family 45378: 45385 (4.60 + 8.30 × 1.05 + 0.60 × 0.9 = 13.855) × 33.4009 = 462.7694695
    // → 462.77 in full; 45380 (3.60 + 8.80 × 1.05 + 0.50 × 0.9 = 13.29) × 33.4009 = 443.897961
    // → 443.90, less base 45378 (3.20 + 6.40 × 1.05 + 0.40 × 0.9 = 10.28) × 33.4009 = 343.361252
    // → 343.36: 100.54. The family (563.31) ranks first, 11042 (108.39) second at 50%:
    // 54.195 → 54.20.
    let lines = [
        L("11042", &[], "250.00", "1", "11"),
        L("45380", &[], "1000.00", "1", "11"),
        L("45385", &[], "1000.00", "1", "11"),
    ];
    let result = priced(&claim(&lines), &medicare());
    assert_eq!(allowed(&result), ["54.20", "100.54", "462.77"]);
    assert_eq!(result.total_allowed, m("617.51"));
    let family_rank = result.lines[2]
        .trace
        .iter()
        .find(|s| s.rule == "MPPR-51")
        .unwrap();
    assert_eq!(family_rank.inputs[0].value.to_string(), "1");
    let reversed = [
        L("45385", &[], "1000.00", "1", "11"),
        L("45380", &[], "1000.00", "1", "11"),
        L("11042", &[], "250.00", "1", "11"),
    ];
    assert_eq!(
        priced(&claim(&reversed), &medicare()).total_allowed,
        m("617.51")
    );
    // One endoscopy with another surgery: ranked together, the endoscopy first.
    let two = priced(
        &claim(&[
            L("11042", &[], "250.00", "1", "11"),
            L("45380", &[], "1000.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&two), ["54.20", "443.90"]);
}

#[test]
fn imaging_reduces_the_technical_and_professional_components_of_the_second_study() {
    // Indicator 4, ranked by the TC amount. 74177-TC (6.60 × 1.05 + 0.02 × 0.9) × 33.4009 =
    // 232.0694532 → 232.07 outranks 70450-TC (2.10 × 1.05 + 0.01 × 0.9) × 33.4009 = 73.9495926
    // → 73.95. 74177 global (1.80 + 7.20 × 1.05 + 0.12 × 0.9 = 9.468) × 33.4009 = 316.2397212
    // → 316.24 in full. 70450 global (0.90 + 2.40 × 1.05 + 0.05 × 0.9 = 3.465) × 33.4009 =
    // 115.7341185 → 115.73, with its TC at 50% and its PC (0.90 + 0.30 × 1.05 + 0.04 × 0.9 =
    // 1.251) × 33.4009 = 41.7845259 → 41.78 at 95%: 115.73 − 36.975 − 2.089 = 76.666 → 76.67.
    let result = priced(
        &claim(&[
            L("70450", &[], "500.00", "1", "11"),
            L("74177", &[], "900.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&result), ["76.67", "316.24"]);
    let rules: Vec<&str> = result.lines[0]
        .trace
        .iter()
        .map(|s| s.rule.as_ref())
        .collect();
    assert!(
        rules.contains(&"MPPR-IMAGING-TC") && rules.contains(&"MPPR-IMAGING-PC"),
        "{rules:?}"
    );

    // Professional components alone still rank by the TC: 76700-TC (2.30 × 1.05 + 0.02 × 0.9)
    // × 33.4009 = 81.2643897 → 81.26 beats 70450-TC 73.95, so 76700-26 (0.80 + 0.30 × 1.05 +
    // 0.04 × 0.9 = 1.151) × 33.4009 = 38.4444359 → 38.44 is paid in full although 70450-26
    // (41.78) is worth more; 70450-26 at 95%: 39.691 → 39.69.
    let readings = priced(
        &claim(&[
            L("70450", &["26"], "100.00", "1", "22"),
            L("76700", &["26"], "100.00", "1", "22"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&readings), ["39.69", "38.44"]);

    // Technical components alone: the second at 50%, 73.95 × 50% = 36.975 → 36.98.
    let technical = priced(
        &claim(&[
            L("74177", &["TC"], "500.00", "1", "11"),
            L("70450", &["TC"], "500.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&technical), ["232.07", "36.98"]);

    // Two units of one study are two procedures: 2 × 115.73 = 231.46, less 50% of one TC
    // (36.975) and 5% of one PC (2.089): 192.396 → 192.40.
    let twice = priced(&claim(&[L("70450", &[], "500.00", "2", "11")]), &medicare());
    assert_eq!(allowed(&twice), ["192.40"]);
}

#[test]
fn cardiovascular_and_ophthalmology_reduce_the_technical_component() {
    // Indicator 6 (TC at 75%), ranked by the TC: 93880-TC (4.40 × 1.05 + 0.03 × 0.9) × 33.4009
    // = 155.2139823 → 155.21 beats 93306-TC (3.80 × 1.05 + 0.03 × 0.9) × 33.4009 =
    // 134.1714153 → 134.17, though the 93306 global is worth more. 93880 (0.80 + 4.70 × 1.05 +
    // 0.09 × 0.9 = 5.816) × 33.4009 = 194.2596344 → 194.26 in full; 93306 (1.50 + 4.30 × 1.05
    // + 0.07 × 0.9 = 6.078) × 33.4009 = 203.0106702 → 203.01 less 25% of 134.17 (33.5425):
    // 169.4675 → 169.47.
    let cardio = priced(
        &claim(&[
            L("93306", &[], "400.00", "1", "11"),
            L("93880", &[], "400.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&cardio), ["169.47", "194.26"]);

    // Indicator 7 (TC at 80%): 92250-TC (0.50 × 1.05 + 0.01 × 0.9) × 33.4009 = 17.8360806 →
    // 17.84 beats 92134-TC (0.40 × 1.05 + 0.01 × 0.9) × 33.4009 = 14.3289861 → 14.33. 92250
    // (0.40 + 0.70 × 1.05 + 0.02 × 0.9 = 1.153) × 33.4009 = 38.5112377 → 38.51 in full; 92134
    // (0.30 + 0.60 × 1.05 + 0.02 × 0.9 = 0.948) × 33.4009 = 31.6640532 → 31.66 less 20% of
    // 14.33 (2.866): 28.794 → 28.79.
    let eyes = priced(
        &claim(&[
            L("92134", &[], "100.00", "1", "11"),
            L("92250", &[], "100.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&eyes), ["28.79", "38.51"]);

    // Different indicators never reduce each other: imaging and an echo the same day.
    let mixed = priced(
        &claim(&[
            L("74177", &[], "900.00", "1", "11"),
            L("93306", &[], "400.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&mixed), ["316.24", "203.01"]);
}

#[test]
fn therapy_pays_half_the_practice_expense_of_every_unit_after_the_first() {
    // Indicator 5. Practice expense per unit (PE RVU × 1.05 × 33.4009): 97530 0.60 → 21.04,
    // 97110 0.40 → 14.03, 97140 0.38 → 13.33; 97530's one unit is the first, in full:
    // (0.44 + 0.60 × 1.05 + 0.01 × 0.9 = 1.079) × 33.4009 = 36.0395711 → 36.04.
    // Every other unit is paid the fee with half the PE (the payment amount file's "50%
    // therapy reduction amount"), each rounded to cents:
    // 97110 full (0.45 + 0.42 + 0.018 = 0.888) × 33.4009 = 29.6599992 → 29.66, reduced
    // (0.45 + 0.21 + 0.018 = 0.678) × 33.4009 = 22.6458102 → 22.65: 2 units 45.30.
    // 97140 full (0.43 + 0.399 + 0.009 = 0.838) × 33.4009 = 27.9899542 → 27.99, reduced
    // (0.43 + 0.1995 + 0.009 = 0.6385) × 33.4009 = 21.32647465 → 21.33.
    let result = priced(
        &claim(&[
            L("97110", &[], "200.00", "2", "11"),
            L("97140", &[], "100.00", "1", "11"),
            L("97530", &[], "100.00", "1", "11"),
        ]),
        &medicare(),
    );
    assert_eq!(allowed(&result), ["45.30", "21.33", "36.04"]);
    // One line of three units: the first in full, two reduced: 3 × 29.66 − 2 × 7.01 = 74.96.
    let alone = priced(&claim(&[L("97110", &[], "200.00", "3", "11")]), &medicare());
    assert_eq!(allowed(&alone), ["74.96"]);
}

#[test]
fn a_component_the_schedule_cannot_price_goes_to_manual_pricing() {
    // A flat schedule with global fees only cannot split the second study into TC and PC:
    // the line is priced by hand, never paid in full without a word.
    let flat = contract(serde_json::json!({
        "kind": "flat",
        "fees": [
            { "procedure": "74177", "amount": "300.00" },
            { "procedure": "70450", "amount": "100.00" }
        ]
    }));
    let result = priced(
        &claim(&[
            L("74177", &[], "900.00", "1", "11"),
            L("70450", &[], "500.00", "1", "11"),
        ]),
        &flat,
    );
    assert_eq!(result.lines[0].allowed, m("300.00"));
    assert!(
        matches!(&result.lines[1].status, LineStatus::ManualPricing { reason } if reason.contains("technical component")),
        "{:?}",
        result.lines[1].status
    );
    // With component fees the flat schedule reduces them: 100.00 − 50% × 70.00 − 5% × 30.00.
    let mut split = flat.clone();
    split.schedule = serde_json::from_value(serde_json::json!({
        "kind": "flat",
        "fees": [
            { "procedure": "74177", "amount": "300.00" },
            { "procedure": "74177", "modifier": "TC", "amount": "220.00" },
            { "procedure": "70450", "amount": "100.00" },
            { "procedure": "70450", "modifier": "TC", "amount": "70.00" },
            { "procedure": "70450", "modifier": "26", "amount": "30.00" }
        ]
    }))
    .unwrap();
    let result = priced(
        &claim(&[
            L("74177", &[], "900.00", "1", "11"),
            L("70450", &[], "500.00", "1", "11"),
        ]),
        &split,
    );
    assert_eq!(allowed(&result), ["300.00", "63.50"]);
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
    // Loop 2420A carries no address or tax id: only the billing provider's are sent.
    (np.address, np.tax_id) = (None, None);
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
        price(&visit, &medicare(), None, day(), &checked()),
        Err(PricingError::PfsDataMissing)
    );
    let mut late = medicare();
    late.effective_from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    assert_eq!(
        price(&visit, &late, Some(&sample_pfs()), day(), &checked()),
        Err(PricingError::ContractNotEffective { line: 1 })
    );
    let elsewhere = contract(
        serde_json::json!({ "kind": "medicarePfs", "locality": "99999-99", "facilityPlacesOfService": [] }),
    );
    assert!(matches!(
        price(&visit, &elsewhere, Some(&sample_pfs()), day(), &checked()),
        Err(PricingError::LocalityNotInData(..))
    ));
}

#[test]
fn a_claim_with_validation_errors_is_refused_unless_unchecked() {
    // The broken fixture: a replacement without the original claim number, a total that is
    // not the lines' sum, a pointer past the diagnoses, dates out of order, a repeated line
    // control number (the validation rules, not pricing ones).
    let text = std::fs::read_to_string(data_dir().join("claims/professional-broken.json")).unwrap();
    let broken = Claim::from_json(&text).unwrap();
    let error = price(&broken, &medicare(), Some(&sample_pfs()), day(), &checked()).unwrap_err();
    let PricingError::InvalidClaim { findings } = &error else {
        panic!("expected InvalidClaim, got {error:?}");
    };
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "CLM-TOTAL-CHARGE" && f.path == "/totalCharge")
    );
    assert_eq!(error.code(), "PRICING_CLAIM_INVALID");
    let message = error.to_string();
    assert!(
        message.contains("CLM-TOTAL-CHARGE at /totalCharge"),
        "{message}"
    );
    // Rule ids and paths only: no name, member id, birth date or address of the patient.
    for phi in [
        &broken.subscriber.member_id.expose()[..],
        "Doe",
        "1958-04-12",
        "Elm",
    ] {
        assert!(!message.contains(phi), "{message}");
    }
    let unchecked = PriceOptions {
        unchecked: true,
        ..checked()
    };
    assert!(price(&broken, &medicare(), Some(&sample_pfs()), day(), &unchecked).is_ok());
}

#[test]
fn a_contract_with_another_payer_is_refused_unless_any_payer_is_allowed() {
    let visit = claim(&[L("99213", &[], "180.00", "1", "11")]);
    let mut other = medicare();
    other.payer_id = "PHP01".to_owned();
    let error = price(&visit, &other, Some(&sample_pfs()), day(), &checked()).unwrap_err();
    assert_eq!(
        error,
        PricingError::PayerMismatch {
            contract: "PHP01".to_owned(),
            claim: "00952".to_owned()
        }
    );
    assert_eq!(error.code(), "PRICING_PAYER_MISMATCH");
    let any_payer = PriceOptions {
        any_payer: true,
        ..checked()
    };
    let priced = price(&visit, &other, Some(&sample_pfs()), day(), &any_payer).unwrap();
    assert_eq!(priced.total_allowed, m("99.74"));
    // The same payer id in another case or with blanks around it is the same payer.
    other.payer_id = " 00952 ".to_owned();
    assert!(price(&visit, &other, Some(&sample_pfs()), day(), &checked()).is_ok());
}

#[test]
fn without_traces_the_amounts_are_the_same() {
    let visit = claim(&[
        L("99213", &[], "180.00", "1", "11"),
        L("20610", &[], "200.00", "1", "11"),
    ]);
    let full = price(&visit, &medicare(), Some(&sample_pfs()), day(), &checked()).unwrap();
    let lean = PriceOptions {
        trace: false,
        ..checked()
    };
    let quick = price(&visit, &medicare(), Some(&sample_pfs()), day(), &lean).unwrap();
    assert!(quick.lines.iter().all(|l| l.trace.is_empty()));
    assert_eq!(allowed(&quick), allowed(&full));
}

#[test]
fn the_priced_claim_says_which_locality_priced_it_and_why() {
    let visit = claim(&[L("99213", &[], "180.00", "1", "11")]);
    let set = priced(&visit, &medicare());
    let choice = set.locality.unwrap();
    assert_eq!(
        (choice.locality.to_string().as_str(), choice.source),
        ("00000-01", LocalitySource::Contract)
    );
    let rbrvs = &set.lines[0].trace[0];
    assert!(
        rbrvs
            .explanation
            .contains("locality 00000-01 (set in the contract)"),
        "{}",
        rbrvs.explanation
    );

    let no_locality =
        contract(serde_json::json!({ "kind": "medicarePfs", "facilityPlacesOfService": ["22"] }));
    // The billing provider's ZIP 62701 is in 00000-01 in the sample ZIP file.
    let by_billing = priced(&visit, &no_locality).locality.unwrap();
    assert_eq!(
        (by_billing.locality.to_string().as_str(), by_billing.source),
        ("00000-01", LocalitySource::BillingProviderZip)
    );
    // A service facility's ZIP comes first: 62650(-1234) is in 00000-02 (GPCIs 1.000 / 1.000 /
    // 1.000): (1.30 + 1.52 + 0.10) × 33.4009 = 97.530628 → 97.53.
    let mut json = serde_json::to_value(&visit).unwrap();
    json["serviceFacility"] = serde_json::json!({
        "name": "Riverbend Surgery Center",
        "address": { "lines": ["5 Lake Rd"], "city": "Jacksonville", "state": "IL", "postalCode": "626501234" }
    });
    let at_facility: Claim = serde_json::from_value(json).unwrap();
    let result = priced(&at_facility, &no_locality);
    let by_facility = result.locality.unwrap();
    assert_eq!(
        (
            by_facility.locality.to_string().as_str(),
            by_facility.source
        ),
        ("00000-02", LocalitySource::ServiceFacilityZip)
    );
    assert_eq!(allowed(&result), ["97.53"]);
    // A flat schedule needs no locality, and the claim says none.
    let flat = contract(
        serde_json::json!({ "kind": "flat", "fees": [{ "procedure": "99213", "amount": "90.00" }] }),
    );
    assert_eq!(priced(&visit, &flat).locality, None);
}

/// The sample relative value file with its title line replaced.
fn rvu_titled(title: &str) -> Vec<u8> {
    let text = std::fs::read_to_string(data_dir().join("pfs-sample/rvu-sample.csv")).unwrap();
    let (_, rest) = text.split_once('\n').unwrap();
    format!(",,{title},,,,,,,,,,,,,,,,,,,,,,,,,,,,\n{rest}").into_bytes()
}

#[test]
fn the_pfs_version_comes_from_the_files_unless_the_caller_overrides_it() {
    let dir = data_dir().join("pfs-sample");
    let gpci = std::fs::read(dir.join("gpci-sample.csv")).unwrap();
    // CMS's title line; the release letters are CMS's (RVU25D.pdf: A January, B April,
    // C July, D October).
    let october =
        rvu_titled("2025 National Physician Fee Schedule Relative Value File October Release");
    let data = PfsData::load(&october, &gpci, None, None, None).unwrap();
    assert_eq!(
        (&*data.version, data.version_source),
        ("RVU25D", PfsVersionSource::RvuFile)
    );
    let priced = price(
        &claim(&[L("99213", &[], "180.00", "1", "11")]),
        &medicare(),
        Some(&data),
        day(),
        &checked(),
    )
    .unwrap();
    let version = priced.pfs_version.unwrap();
    assert_eq!(
        (version.version.as_str(), version.source),
        ("RVU25D", PfsVersionSource::RvuFile)
    );
    assert_eq!(
        priced.lines[0].trace[0].data_version.as_deref(),
        Some("RVU25D")
    );
    let april =
        rvu_titled("2026 National Physician Fee Schedule Relative Value File April Release");
    assert_eq!(
        &*PfsData::load(&april, &gpci, None, None, None)
            .unwrap()
            .version,
        "RVU26B"
    );

    // An explicit version overrides the file, and says so.
    let given = PfsData::load(&october, &gpci, None, None, Some("RVU25D-corrected")).unwrap();
    assert_eq!(
        (&*given.version, given.version_source),
        ("RVU25D-corrected", PfsVersionSource::Caller)
    );
    // A file that names no release: unknown, unless its name says it.
    let sample = std::fs::read(dir.join("rvu-sample.csv")).unwrap();
    let unnamed = PfsData::load(&sample, &gpci, None, None, None).unwrap();
    assert_eq!(
        (&*unnamed.version, unnamed.version_source),
        ("unknown", PfsVersionSource::Unknown)
    );
    let named = unnamed.named_by_file(&["PPRRVU2025_Oct.txt", "pfs"]);
    assert_eq!(
        (&*named.version, named.version_source),
        ("RVU25D", PfsVersionSource::FileName)
    );
    // The title wins over the name.
    let titled = PfsData::load(&october, &gpci, None, None, None)
        .unwrap()
        .named_by_file(&["PPRRVU24_JAN.csv"]);
    assert_eq!(&*titled.version, "RVU25D");
    for (name, release) in [
        ("PPRRVU2025_Oct.csv", Some("RVU25D")),
        ("PPRRVU25_JAN.txt", Some("RVU25A")),
        ("rvu25d_0", Some("RVU25D")),
        ("RVU25AR.zip", Some("RVU25AR")),
        ("rvu24c", Some("RVU24C")),
        ("pfs-sample", None),
        ("GPCI2025.csv", None),
    ] {
        assert_eq!(release_from_file_name(name).as_deref(), release, "{name}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const CODES: [&str; 22] = [
        "99213", "99214", "71046", "20610", "27447", "29881", "11042", "11045", "10060", "10061",
        "11200", "11300", "43235", "43236", "43239", "45380", "70450", "74177", "97110", "97530",
        "93306", "92134",
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
            let a = price(&build(specs), &contract, Some(&sample_pfs()), day(), &checked()).unwrap();
            let b = price(&build(shuffled), &contract, Some(&sample_pfs()), day(), &checked()).unwrap();
            prop_assert_eq!(a.total_allowed, b.total_allowed);
            let mut left = allowed(&a);
            let mut right = allowed(&b);
            left.sort();
            right.sort();
            prop_assert_eq!(left, right);
        }

        #[test]
        fn allowed_never_exceeds_the_charge_and_traces_replay((specs, _) in claims(), contract in schedules()) {
            let priced = price(&build(specs), &contract, Some(&sample_pfs()), day(), &checked()).unwrap();
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
            let priced = price(&build(specs), &contract, Some(&sample_pfs()), day(), &checked()).unwrap();
            let reductions = Money::sum(priced.lines.iter().map(|l| l.charge.checked_sub(l.allowed).unwrap())).unwrap();
            prop_assert_eq!(Money::sum(priced.lines.iter().map(|l| l.allowed)).unwrap(), priced.total_allowed);
            prop_assert_eq!(priced.total_charge.checked_sub(priced.total_allowed).unwrap(), reductions);
        }
    }
}

#[test]
fn pfs_files_load_together_or_not_at_all() {
    use medbill::codesets::CodeSetError;
    let dir = support::data_dir().join("pfs-sample");
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let (rvu, gpci) = (read("rvu-sample.csv"), read("gpci-sample.csv"));
    assert!(
        PfsData::load_given(None, None, None, None, None)
            .unwrap()
            .is_none()
    );
    let loaded = PfsData::load_given(Some(&rvu), Some(&gpci), None, None, None).unwrap();
    assert!(loaded.is_some_and(|d| !d.rvu.is_empty()));
    assert_eq!(
        PfsData::load_given(Some(&rvu), None, None, None, None).err(),
        Some(CodeSetError::Incomplete { missing: "GPCI" })
    );
    let zip = read("zip-sample.txt");
    assert_eq!(
        PfsData::load_given(None, None, None, Some(&zip), None).err(),
        Some(CodeSetError::Incomplete {
            missing: "relative value (RVU)"
        })
    );
}
