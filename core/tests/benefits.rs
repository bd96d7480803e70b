//! Patient responsibility, each rule with a hand-worked case. Lines are priced from a flat
//! schedule so every allowed amount is a round number.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use medbill::benefits::{
    Accumulators, Adjudication, BenefitPlan, CobMethod, EstimateRequest, Network, adjudicate,
    coordinate, estimate,
};
use medbill::{Claim, Contract, Money, price};
use support::{L, Spec, build, claim, data_dir, day, m};

fn plan(name: &str) -> BenefitPlan {
    medbill::from_json(&std::fs::read_to_string(data_dir().join("plans").join(name)).unwrap())
        .unwrap()
}

/// The test contracts are with no payer in particular.
fn any_payer() -> medbill::pricing::PriceOptions {
    medbill::pricing::PriceOptions {
        any_payer: true,
        ..Default::default()
    }
}

fn flat() -> Contract {
    serde_json::from_value(serde_json::json!({
        "payerId": "ANY",
        "effectiveFrom": "2026-01-01",
        "schedule": { "kind": "flat", "fees": [
            { "procedure": "99213", "amount": "100.00" },
            { "procedure": "99396", "amount": "200.00" },
            { "procedure": "71046", "amount": "50.00" },
            { "procedure": "20610", "amount": "300.00" },
            { "procedure": "27447", "amount": "1000.00" },
            { "procedure": "93000", "amount": "40.00" },
            { "procedure": "S9083", "amount": "90.00" }
        ]}
    }))
    .unwrap()
}

fn acc(json: serde_json::Value) -> Accumulators {
    serde_json::from_value(json).unwrap()
}

fn run(
    claim: &Claim,
    plan: &BenefitPlan,
    accumulators: &Accumulators,
    network: Network,
) -> Adjudication {
    let priced = price(claim, &flat(), None, day(), &any_payer()).unwrap();
    let result = adjudicate(&priced, plan, accumulators, network).unwrap();
    for line in &result.lines {
        let adjustments = Money::sum(line.adjustments.iter().map(|a| a.amount)).unwrap();
        assert_eq!(
            line.plan_paid.checked_add(adjustments).unwrap(),
            line.charge,
            "line {} must balance",
            line.line
        );
    }
    result
}

/// (deductible, coinsurance, copay, plan paid, patient) per line.
fn shares(result: &Adjudication) -> Vec<(String, String, String, String, String)> {
    result
        .lines
        .iter()
        .map(|l| {
            (
                l.deductible.to_string(),
                l.coinsurance.to_string(),
                l.copay.to_string(),
                l.plan_paid.to_string(),
                l.patient_responsibility.to_string(),
            )
        })
        .collect()
}

fn s(
    d: &str,
    c: &str,
    p: &str,
    plan: &str,
    patient: &str,
) -> (String, String, String, String, String) {
    (
        d.to_owned(),
        c.to_owned(),
        p.to_owned(),
        plan.to_owned(),
        patient.to_owned(),
    )
}

fn ppo_met(deductible: &str, oop: &str) -> Accumulators {
    acc(serde_json::json!({ "inNetwork": {
        "individualDeductible": deductible, "familyDeductible": deductible,
        "individualOutOfPocket": oop, "familyOutOfPocket": oop } }))
}

#[test]
fn deductible_partly_met_then_coinsurance() {
    // Allowed 300 (charge 400, CO-45 100); 100 of the deductible left: ded 100, 20% of 200 = 40.
    let result = run(
        &claim(&[L("20610", &[], "400.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &ppo_met("900.00", "900.00"),
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [s("100.00", "40.00", "0.00", "160.00", "140.00")]
    );
    let codes: Vec<String> = result.lines[0]
        .adjustments
        .iter()
        .map(|a| format!("{}-{} {}", a.group, a.reason, a.amount))
        .collect();
    assert_eq!(codes, ["CO-45 100.00", "PR-1 100.00", "PR-2 40.00"]);
    assert_eq!(
        result.accumulators.in_network.individual_deductible,
        m("1000.00")
    );
    assert_eq!(
        result.accumulators.in_network.individual_out_of_pocket,
        m("1040.00")
    );
}

#[test]
fn deductible_met_mid_claim() {
    let lines = [
        L("20610", &[], "300.00", "1", "11"),
        L("20610", &[], "300.00", "1", "11"),
    ];
    let result = run(
        &claim(&lines),
        &plan("commercial-ppo.json"),
        &ppo_met("900.00", "900.00"),
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [
            s("100.00", "40.00", "0.00", "160.00", "140.00"),
            s("0.00", "60.00", "0.00", "240.00", "60.00")
        ]
    );
}

#[test]
fn out_of_pocket_maximum_reached_mid_claim() {
    // Deductible met, 50 of the 4000 maximum left: 20% of 300 = 60, capped at 50.
    let lines = [
        L("20610", &[], "300.00", "1", "11"),
        L("20610", &[], "300.00", "1", "11"),
    ];
    let result = run(
        &claim(&lines),
        &plan("commercial-ppo.json"),
        &ppo_met("1000.00", "3950.00"),
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [
            s("0.00", "50.00", "0.00", "250.00", "50.00"),
            s("0.00", "0.00", "0.00", "300.00", "0.00")
        ]
    );
    assert_eq!(
        result.accumulators.in_network.individual_out_of_pocket,
        m("4000.00")
    );
}

#[test]
fn copay_only_office_visit_and_free_preventive_care() {
    let lines = [
        L("99213", &[], "150.00", "1", "11"),
        L("99396", &[], "250.00", "1", "11"),
    ];
    let result = run(
        &claim(&lines),
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [
            s("0.00", "0.00", "25.00", "75.00", "25.00"),
            s("0.00", "0.00", "0.00", "200.00", "0.00")
        ]
    );
    assert_eq!(
        result.lines[0]
            .adjustments
            .last()
            .map(|a| a.reason.to_string()),
        Some("3".to_owned())
    );
}

#[test]
fn a_copay_before_or_after_the_deductible() {
    // Emergency: 250 copay, no deductible. Made to take the deductible first instead, with
    // 100 of it left: 100 deductible, then the 250 copay from the remaining 200.
    let er = || claim(&[L("99283", &[], "400.00", "1", "23")]);
    let mut ppo = plan("commercial-ppo.json");
    let mut contract = flat();
    if let medbill::FeeSchedule::Flat { fees } = &mut contract.schedule {
        fees.push(
            serde_json::from_value(serde_json::json!({ "procedure": "99283", "amount": "300.00" }))
                .unwrap(),
        );
    }
    let run_er = |plan: &BenefitPlan| {
        let priced = price(&er(), &contract, None, day(), &any_payer()).unwrap();
        adjudicate(
            &priced,
            plan,
            &ppo_met("900.00", "900.00"),
            Network::InNetwork,
        )
        .unwrap()
    };
    assert_eq!(
        shares(&run_er(&ppo)),
        [s("0.00", "0.00", "250.00", "50.00", "250.00")]
    );
    let emergency = ppo
        .in_network
        .services
        .iter_mut()
        .find(|b| b.category == medbill::benefits::ServiceCategory::Emergency)
        .unwrap();
    emergency.deductible_applies = true;
    emergency.copay_after_deductible = true;
    assert_eq!(
        shares(&run_er(&ppo)),
        [s("100.00", "0.00", "200.00", "0.00", "300.00")]
    );
}

#[test]
fn non_covered_services_and_visit_limits() {
    let result = run(
        &claim(&[L("S9083", &[], "90.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(result.lines[0].non_covered, m("90.00"));
    assert_eq!(result.lines[0].adjustments[0].reason.to_string(), "204");
    // 93000 falls in "other", limited to 20 services a year.
    let used = acc(serde_json::json!({ "visits": [{ "category": "other", "count": 20 }] }));
    let result = run(
        &claim(&[L("93000", &[], "60.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &used,
        Network::InNetwork,
    );
    assert_eq!(
        result.lines[0]
            .adjustments
            .iter()
            .map(|a| a.reason.to_string())
            .collect::<Vec<_>>(),
        ["45", "119"]
    );
    assert_eq!(result.patient_responsibility, m("40.00"));
}

#[test]
fn out_of_network_tiers() {
    // PPO out of network: its own 2000 deductible takes the whole 300.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &ppo_met("1000.00", "1000.00"),
        Network::OutOfNetwork,
    );
    assert_eq!(
        shares(&result),
        [s("300.00", "0.00", "0.00", "0.00", "300.00")]
    );
    // The HDHP covers nothing out of network.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("hdhp.json"),
        &Accumulators::default(),
        Network::OutOfNetwork,
    );
    assert_eq!(result.lines[0].adjustments[0].reason.to_string(), "242");
    assert_eq!(result.patient_responsibility, m("300.00"));
}

#[test]
fn family_deductible_embedded_versus_aggregate() {
    let family = acc(serde_json::json!({ "inNetwork": { "familyDeductible": "1900.00" } }));
    // Embedded (PPO): the family has 100 left, so this member's deductible stops at 100.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &family,
        Network::InNetwork,
    );
    assert_eq!(result.lines[0].deductible, m("100.00"));
    // Aggregate (HDHP, family 6600): only the family amount counts.
    let family = acc(serde_json::json!({ "inNetwork": { "familyDeductible": "6500.00" } }));
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("hdhp.json"),
        &family,
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [s("100.00", "20.00", "0.00", "180.00", "120.00")]
    );
}

#[test]
fn medicare_part_b_2026_deductible_coinsurance_and_sequestration() {
    let medicare = plan("medicare-part-b-2026.json");
    // 283 deductible: 100 on the visit; 183 on the procedure, 20% of 117 = 23.40;
    // plan 93.60, less 2% sequestration 1.87 (CO-253) = 91.73.
    let lines = [
        L("99213", &[], "100.00", "1", "11"),
        L("20610", &[], "300.00", "1", "11"),
    ];
    let result = run(
        &claim(&lines),
        &medicare,
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [
            s("100.00", "0.00", "0.00", "0.00", "100.00"),
            s("183.00", "23.40", "0.00", "91.73", "206.40")
        ]
    );
    // RULES.md §1: $1,000 allowed, deductible met → $800 → $784 after sequestration.
    let met = acc(serde_json::json!({ "inNetwork": { "individualDeductible": "283.00" } }));
    let result = run(
        &claim(&[L("27447", &[], "1000.00", "1", "21")]),
        &medicare,
        &met,
        Network::InNetwork,
    );
    assert_eq!(
        shares(&result),
        [s("0.00", "200.00", "0.00", "784.00", "200.00")]
    );
    assert_eq!(
        result.lines[0].adjustments.last().map(|a| (
            a.group.to_string(),
            a.reason.to_string(),
            a.amount
        )),
        Some(("CO".to_owned(), "253".to_owned(), m("16.00")))
    );
    // 2025's deductible is 257.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("medicare-part-b-2025.json").with_year_2026(),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(result.lines[0].deductible, m("257.00"));
}

trait Year2026 {
    fn with_year_2026(self) -> Self;
}

impl Year2026 for BenefitPlan {
    /// The test claims are dated 2026; move a 2025 plan's year to price them.
    fn with_year_2026(mut self) -> BenefitPlan {
        self.plan_year_start = "2026-01-01".parse().unwrap();
        self.plan_year_end = "2026-12-31".parse().unwrap();
        self
    }
}

#[test]
fn coordination_of_benefits_methods() {
    let procedure = claim(&[L("20610", &[], "400.00", "1", "11")]);
    // Primary (PPO, 100 deductible left): pays 160, leaves 140.
    let primary = run(
        &procedure,
        &plan("commercial-ppo.json"),
        &ppo_met("900.00", "900.00"),
        Network::InNetwork,
    );
    // Secondary's normal benefit (PPO, deductible met): pays 240 of its 300 allowed.
    let secondary = run(
        &procedure,
        &plan("commercial-ppo.json"),
        &ppo_met("1000.00", "1000.00"),
        Network::InNetwork,
    );
    let pays = |method| coordinate(&primary, &secondary, method).unwrap();
    assert_eq!(pays(CobMethod::Standard).secondary_paid, m("140.00"));
    assert_eq!(pays(CobMethod::NonDuplication).secondary_paid, m("80.00"));
    assert_eq!(pays(CobMethod::CarveOut).secondary_paid, m("80.00"));
    // (300 − 160) × 80% = 112
    assert_eq!(
        pays(CobMethod::MaintenanceOfBenefits {
            coverage: "80%".parse().unwrap()
        })
        .secondary_paid,
        m("112.00")
    );
    // Least of 300−160, 240, 400−60, 400−160 = 140
    let msp = pays(CobMethod::MedicareSecondary {
        obligated_to_accept: false,
    });
    assert_eq!(
        (msp.secondary_paid, msp.patient_balance),
        (m("140.00"), m("0.00"))
    );
    // A tertiary payer after a non-duplication secondary: 60 left, a third PPO-like plan pays
    // its normal 240 − (160 + 80) = 0 under non-duplication, all 60 under standard.
    let secondary_run = pays(CobMethod::NonDuplication);
    let tertiary =
        medbill::benefits::coordinate_next(&secondary_run, &secondary, CobMethod::NonDuplication)
            .unwrap();
    assert_eq!(
        (
            tertiary.prior_paid,
            tertiary.secondary_paid,
            tertiary.patient_balance
        ),
        (m("240.00"), m("0.00"), m("60.00"))
    );
    let tertiary =
        medbill::benefits::coordinate_next(&secondary_run, &secondary, CobMethod::Standard)
            .unwrap();
    assert_eq!(
        (tertiary.secondary_paid, tertiary.patient_balance),
        (m("60.00"), m("0.00"))
    );
    // The secondary claim's prior-payer data balances: charge = prior paid + adjustments.
    for line in &msp.lines {
        let adjustments = Money::sum(line.prior_adjustments.iter().map(|a| a.amount)).unwrap();
        assert_eq!(
            line.prior_paid.checked_add(adjustments).unwrap(),
            line.charge
        );
    }
}

fn request(json: serde_json::Value) -> EstimateRequest {
    serde_json::from_value(json).unwrap()
}

#[test]
fn estimates_with_known_and_unknown_accumulators() {
    let services = serde_json::json!([
        { "procedure": "99213", "charge": "150.00", "quantity": { "units": "1" }, "date": "2026-12-15", "placeOfService": "11" },
        { "procedure": "20610", "charge": "400.00", "quantity": { "units": "1" }, "date": "2026-12-15", "placeOfService": "11" }
    ]);
    let contract = serde_json::to_value(flat()).unwrap();
    let ppo = serde_json::to_value(plan("commercial-ppo.json")).unwrap();
    let known = request(
        serde_json::json!({ "services": services, "contract": contract, "plan": ppo,
        "accumulators": serde_json::to_value(ppo_met("900.00", "900.00")).unwrap() }),
    );
    let result = estimate(&known, None, day()).unwrap();
    // Visit: 25 copay. Procedure: 100 deductible + 40 coinsurance.
    assert_eq!(
        (
            result.patient_cost,
            result.patient_cost_low,
            result.patient_cost_high
        ),
        (m("165.00"), m("165.00"), m("165.00"))
    );
    let unknown =
        request(serde_json::json!({ "services": services, "contract": contract, "plan": ppo }));
    let result = estimate(&unknown, None, day()).unwrap();
    // Nothing met: 25 + 300 deductible. Everything met: 0.
    assert_eq!(
        (
            result.patient_cost,
            result.patient_cost_low,
            result.patient_cost_high
        ),
        (m("325.00"), m("0.00"), m("325.00"))
    );
    assert!(result.good_faith_estimate.is_none());
}

#[test]
fn self_pay_patients_get_a_good_faith_estimate() {
    let gfe = |date: &str| {
        let req = request(serde_json::json!({
            "services": [
                { "procedure": "99213", "charge": "150.00", "quantity": { "units": "1" }, "date": date, "placeOfService": "11" },
                { "procedure": "71046", "charge": "90.00", "quantity": { "units": "1" }, "date": date, "placeOfService": "11" }
            ],
            "contract": serde_json::to_value(flat()).unwrap(),
            "providers": [
                { "name": "Riverbend Family Medicine", "npi": "1234567893", "services": [0] },
                { "name": "Springfield Imaging", "npi": "1558598797", "facility": true, "services": [1] }
            ]
        }));
        estimate(&req, None, day()).unwrap()
    };
    let result = gfe("2026-12-15");
    assert_eq!(result.patient_cost, m("150.00"));
    let notice = result.good_faith_estimate.unwrap();
    assert_eq!(notice.total_expected_charges, m("150.00"));
    assert_eq!(notice.dispute_threshold, m("400.00"));
    assert_eq!(notice.items[1].provider, "Springfield Imaging");
    // Scheduled Friday 2026-11-20 for 10+ business days out: within 3 business days (Wed Nov 25).
    assert_eq!(notice.deliver_by.to_string(), "2026-11-25");
    // 9 business days out: within 1 business day (Mon Nov 23).
    assert_eq!(
        gfe("2026-12-03")
            .good_faith_estimate
            .unwrap()
            .deliver_by
            .to_string(),
        "2026-11-23"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const CODES: [&str; 6] = ["99213", "99396", "71046", "20610", "27447", "93000"];
    const PLANS: [&str; 4] = [
        "commercial-ppo.json",
        "hdhp.json",
        "medicare-part-b-2026.json",
        "commercial-ppo.json",
    ];

    fn specs() -> impl Strategy<Value = Vec<Spec>> {
        prop::collection::vec((0..CODES.len(), 1i64..200_000), 1..8).prop_map(|lines| {
            lines
                .into_iter()
                .map(|(c, cents)| Spec {
                    code: CODES[c].to_owned(),
                    modifiers: vec![],
                    charge: Money::from_cents(cents).max(m("1000.00")),
                    units: "1".to_owned(),
                    pos: "11".to_owned(),
                })
                .collect()
        })
    }

    fn accumulators() -> impl Strategy<Value = Accumulators> {
        (0i64..400_000, 0i64..800_000).prop_map(|(d, o)| {
            let (d, o) = (Money::from_cents(d), Money::from_cents(o));
            acc(serde_json::json!({ "inNetwork": {
                "individualDeductible": d.to_string(), "familyDeductible": d.to_string(),
                "individualOutOfPocket": o.max(d).to_string(), "familyOutOfPocket": o.max(d).to_string() } }))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn every_line_balances_and_limits_hold(lines in specs(), start in accumulators(), p in 0..PLANS.len()) {
            let plan = plan(PLANS[p]);
            let result = run(&build(lines), &plan, &start, Network::InNetwork);
            for line in &result.lines {
                let others = Money::sum(line.adjustments.iter().filter(|a| a.group.as_str() != "PR" && a.reason.as_str() != "45").map(|a| a.amount)).unwrap();
                prop_assert_eq!(line.plan_paid.checked_add(line.patient_responsibility).unwrap().checked_add(others).unwrap(), line.allowed);
            }
            let after = &result.accumulators.in_network;
            let before = &start.in_network;
            prop_assert!(after.individual_deductible >= before.individual_deductible);
            prop_assert!(after.individual_out_of_pocket >= before.individual_out_of_pocket);
            if let Some(max) = plan.in_network.out_of_pocket_max {
                // Embedded plans cap each person; aggregate plans cap the family.
                let (spent, cap, already) = match (plan.family_accumulation, max.family) {
                    (medbill::benefits::FamilyAccumulation::Aggregate, Some(family)) => (after.family_out_of_pocket, family, before.family_out_of_pocket),
                    _ => (after.individual_out_of_pocket, max.individual, before.individual_out_of_pocket),
                };
                prop_assert!(spent <= cap.max(already), "{spent} > {cap}");
            }
        }

        #[test]
        fn splitting_a_claim_in_two_changes_nothing(lines in specs(), start in accumulators(), cut in 0usize..8, p in 0..PLANS.len()) {
            let plan = plan(PLANS[p]);
            let cut = cut.min(lines.len());
            let whole = run(&build(lines.clone()), &plan, &start, Network::InNetwork);
            let (first, second) = lines.split_at(cut);
            let (mut paid, mut owed, mut accumulators) = (Money::ZERO, Money::ZERO, start.clone());
            for part in [first, second] {
                if part.is_empty() { continue; }
                let result = run(&build(part.to_vec()), &plan, &accumulators, Network::InNetwork);
                paid = paid.checked_add(result.plan_paid).unwrap();
                owed = owed.checked_add(result.patient_responsibility).unwrap();
                accumulators = result.accumulators;
            }
            prop_assert_eq!((paid, owed), (whole.plan_paid, whole.patient_responsibility));
            prop_assert_eq!(accumulators, whole.accumulators);
        }

        #[test]
        fn standard_cob_never_pays_more_than_the_allowed_balance(lines in specs(), a in accumulators(), b in accumulators()) {
            let claim = build(lines);
            let primary = run(&claim, &plan("commercial-ppo.json"), &a, Network::InNetwork);
            let secondary = run(&claim, &plan("hdhp.json"), &b, Network::InNetwork);
            let result = coordinate(&primary, &secondary, CobMethod::Standard).unwrap();
            for ((line, p), s) in result.lines.iter().zip(&primary.lines).zip(&secondary.lines) {
                prop_assert!(line.secondary_paid <= s.allowed.checked_sub(p.plan_paid).unwrap().max(Money::ZERO));
                prop_assert!(line.secondary_paid <= p.patient_responsibility);
                prop_assert!(!line.patient_balance.is_negative());
            }
        }
    }
}
