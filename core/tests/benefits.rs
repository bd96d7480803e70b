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
    Accumulators, AdjudicateOptions, Adjudication, BenefitPlan, BenefitsError, CobMethod,
    EstimateError, EstimateRequest, Network, RemittedClaim, adjudicate, adjudicate_with,
    coordinate, coordinate_remittance, estimate,
};
use medbill::pricing::{LineStatus, PricedClaim};
use medbill::{Claim, Contract, ErrorCode, Finding, Money, Severity, price};
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

/// The explanation of each line, as the sentences a patient reads.
fn sentences(result: &Adjudication) -> Vec<Vec<String>> {
    result
        .lines
        .iter()
        .map(|l| l.explanation.iter().map(ToString::to_string).collect())
        .collect()
}

/// (rule, path) of each finding, in order.
fn rules(findings: &[Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.rule.clone(), f.path.clone()))
        .collect()
}

fn r(rule: &str, path: &str) -> (String, String) {
    (rule.to_owned(), path.to_owned())
}

/// The findings of an adjudication refusal (panics on anything else).
fn refused(result: Result<Adjudication, BenefitsError>) -> Vec<(String, String)> {
    match result {
        Err(error @ BenefitsError::AdjudicationRefused { .. }) => {
            assert_eq!(error.code(), "BENEFITS_ADJUDICATION_REFUSED");
            let BenefitsError::AdjudicationRefused { findings } = error else {
                unreachable!()
            };
            assert!(findings.iter().all(|f| f.severity == Severity::Error));
            rules(&findings)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// 20610 billed 400, allowed 300 by the flat schedule.
fn priced_procedure() -> PricedClaim {
    price(
        &claim(&[L("20610", &[], "400.00", "1", "11")]),
        &flat(),
        None,
        day(),
        &any_payer(),
    )
    .unwrap()
}

#[test]
fn adjudicate_refuses_a_priced_claim_it_cannot_adjudicate_honestly() {
    let ppo = plan("commercial-ppo.json");
    let met = ppo_met("900.00", "900.00");
    let check = |priced: &PricedClaim| refused(adjudicate(priced, &ppo, &met, Network::InNetwork));

    // What an invalid claim priced: a negative charge, allowed the lesser of it and the fee.
    let mut negative = priced_procedure();
    let line = &mut negative.lines[0];
    (line.charge, line.allowed, line.expected_payment) = (m("-400.00"), m("-400.00"), m("-400.00"));
    line.trace.clear();
    (
        negative.total_charge,
        negative.total_allowed,
        negative.total_expected_payment,
    ) = (m("-400.00"), m("-400.00"), m("-400.00"));
    assert_eq!(
        check(&negative),
        [
            r("PRICED-CHARGE-NEGATIVE", "/lines/0/charge"),
            r("PRICED-ALLOWED-NEGATIVE", "/lines/0/allowed"),
            r("PRICED-EXPECTED-NEGATIVE", "/lines/0/expectedPayment"),
        ]
    );
    // Asked for explicitly, it is adjudicated as it is: no deductible or coinsurance can be
    // taken from a negative amount, so the plan "pays" −400.
    let unchecked = adjudicate_with(
        &negative,
        &ppo,
        &met,
        Network::InNetwork,
        AdjudicateOptions { unchecked: true },
    )
    .unwrap();
    assert_eq!(
        (unchecked.plan_paid, unchecked.patient_responsibility),
        (m("-400.00"), m("0.00"))
    );

    // Lines out of order: not the claim's lines one by one.
    let mut two = price(
        &claim(&[
            L("20610", &[], "400.00", "1", "11"),
            L("93000", &[], "60.00", "1", "11"),
        ]),
        &flat(),
        None,
        day(),
        &any_payer(),
    )
    .unwrap();
    two.lines.swap(0, 1);
    assert_eq!(
        check(&two),
        [
            r("PRICED-LINE-ORDER", "/lines/0/line"),
            r("PRICED-LINE-ORDER", "/lines/1/line")
        ]
    );

    // A line that was not priced carries no allowed amount.
    let mut unpriced = priced_procedure();
    unpriced.lines[0].status = LineStatus::NotPayable {
        reason: "no fee".to_owned(),
    };
    assert_eq!(
        check(&unpriced),
        [r("PRICED-UNPRICED-ALLOWED", "/lines/0/allowed")]
    );

    // An allowed amount edited after pricing: the trace no longer replays to it.
    let mut edited = priced_procedure();
    edited.lines[0].allowed = m("250.00");
    edited.total_allowed = m("250.00");
    assert_eq!(
        check(&edited),
        [r("PRICED-TRACE-REPLAY", "/lines/0/allowed")]
    );
    // Without a trace, an allowed amount above the charge, and totals that are not the sums.
    let mut above = priced_procedure();
    above.lines[0].allowed = m("500.00");
    above.lines[0].trace.clear();
    above.total_charge = m("450.00");
    assert_eq!(
        check(&above),
        [
            r("PRICED-ALLOWED-ABOVE-CHARGE", "/lines/0/allowed"),
            r("PRICED-TOTAL", "/totalCharge"),
            r("PRICED-TOTAL", "/totalAllowed"),
        ]
    );
    let mut empty = priced_procedure();
    empty.lines.clear();
    (
        empty.total_charge,
        empty.total_allowed,
        empty.total_expected_payment,
    ) = (Money::ZERO, Money::ZERO, Money::ZERO);
    assert_eq!(check(&empty), [r("PRICED-NO-LINES", "/lines")]);
}

#[test]
fn adjudicate_refuses_a_plan_or_accumulators_that_contradict_themselves() {
    let priced = priced_procedure();
    let mut ppo = plan("commercial-ppo.json");
    ppo.plan_year_end = "2025-12-31".parse().unwrap();
    ppo.in_network.services[0].copay = Some(m("-25.00"));
    ppo.in_network.services[1].coinsurance = Some("150%".parse().unwrap());
    ppo.in_network.services[2].category = medbill::benefits::ServiceCategory::OfficeVisit;
    ppo.in_network.deductible.family = Some(m("-1.00"));
    ppo.sequestration = Some("101%".parse().unwrap());
    let met = acc(serde_json::json!({
        "inNetwork": { "individualOutOfPocket": "-5.00" },
        "visits": [{ "category": "other", "count": 1 }, { "category": "other", "count": 2 }]
    }));
    let error = adjudicate(&priced, &ppo, &met, Network::InNetwork).unwrap_err();
    // The message names each path and what was expected, never a value.
    let message = error.to_string();
    assert!(
        message.starts_with("cannot adjudicate: PLAN-YEAR-ORDER at /planYearEnd: the plan year ends on or after the day it starts; "),
        "{message}"
    );
    assert!(
        !message.contains("25.00") && !message.contains("150"),
        "{message}"
    );
    assert_eq!(
        refused(Err(error)),
        [
            r("PLAN-YEAR-ORDER", "/planYearEnd"),
            r("PLAN-RATE-ABOVE-100", "/sequestration"),
            r("PLAN-AMOUNT-NEGATIVE", "/inNetwork/deductible/family"),
            r("PLAN-AMOUNT-NEGATIVE", "/inNetwork/services/0/copay"),
            r("PLAN-RATE-ABOVE-100", "/inNetwork/services/1/coinsurance"),
            r("PLAN-SERVICE-DUPLICATE", "/inNetwork/services/2/category"),
            r(
                "ACCUMULATORS-AMOUNT-NEGATIVE",
                "/inNetwork/individualOutOfPocket"
            ),
            r("ACCUMULATORS-VISITS-DUPLICATE", "/visits/1/category"),
        ]
    );
}

#[test]
fn explanations_say_what_the_out_of_pocket_maximum_left_the_patient_to_pay() {
    // Deductible met, 50 of the 4000 maximum left: 20% of 300 would be 60; the patient pays 50,
    // and nothing on the second line.
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
        sentences(&result),
        [
            vec![
                "The deductible is already met.",
                "The patient's 20% coinsurance on the remaining $300.00 would be $60.00; the out-of-pocket maximum caps it at $50.00 (PR-2).",
                "The out-of-pocket maximum is now reached: the plan pays the rest of the allowed amount in full.",
                "The plan pays $250.00; the patient owes $50.00.",
            ],
            vec![
                "The out-of-pocket maximum was already reached: the patient owes no cost sharing and the plan pays the allowed amount in full.",
                "The plan pays $300.00; the patient owes $0.00.",
            ],
        ]
    );
    // 10 of the maximum left: the $25 office-visit copay is capped at 10 (allowed 100 of 150).
    let result = run(
        &claim(&[L("99213", &[], "150.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &ppo_met("1000.00", "3990.00"),
        Network::InNetwork,
    );
    assert_eq!(
        sentences(&result),
        [vec![
            "The charge of $150.00 is above the allowed $100.00; the provider writes off $50.00 (CO-45).",
            "A $25.00 copay applies; the out-of-pocket maximum caps what the patient pays at $10.00 (PR-3).",
            "The deductible does not apply to this service.",
            "The out-of-pocket maximum is now reached: the plan pays the rest of the allowed amount in full.",
            "The plan pays $90.00; the patient owes $10.00.",
        ]]
    );
    // A copay above what is left of the allowed amount: the $250 emergency copay on 200.
    let mut contract = flat();
    if let medbill::FeeSchedule::Flat { fees } = &mut contract.schedule {
        fees.push(
            serde_json::from_value(serde_json::json!({ "procedure": "99283", "amount": "200.00" }))
                .unwrap(),
        );
    }
    let priced = price(
        &claim(&[L("99283", &[], "200.00", "1", "23")]),
        &contract,
        None,
        day(),
        &any_payer(),
    )
    .unwrap();
    let result = adjudicate(
        &priced,
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
    )
    .unwrap();
    assert_eq!(
        sentences(&result)[0][0],
        "A $250.00 copay applies; the patient pays $200.00, all that is left of the allowed amount (PR-3)."
    );
}

#[test]
fn a_plan_without_a_deductible_never_says_it_is_met() {
    // Lakeshore Medicaid: no deductible, no coinsurance; 20610 is surgery, which has the
    // standard benefit (deductible, then the tier's 0% coinsurance).
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("lakeshore-medicaid.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(
        sentences(&result),
        [vec![
            "The plan has no deductible.",
            "The plan pays $300.00; the patient owes $0.00.",
        ]]
    );
    // The family met the (embedded) family deductible, the patient not their own.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &acc(serde_json::json!({ "inNetwork": { "familyDeductible": "2000.00" } })),
        Network::InNetwork,
    );
    assert_eq!(
        sentences(&result),
        [vec![
            "The family deductible is already met.",
            "The patient's 20% coinsurance on the remaining $300.00 comes to $60.00 (PR-2).",
            "The plan pays $240.00; the patient owes $60.00.",
        ]]
    );
}

#[test]
fn codes_no_category_takes_and_service_rules_no_code_reaches_are_shown() {
    // 93000 is in no category range of the PPO: it has the "other" benefits (deductible first),
    // and the PPO's specialist rule is reached by no category rule.
    let result = run(
        &claim(&[L("93000", &[], "60.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(
        sentences(&result),
        [vec![
            "The charge of $60.00 is above the allowed $40.00; the provider writes off $20.00 (CO-45).",
            "No category rule of the plan takes 93000: it has the plan's benefits for other services.",
            "$40.00 goes to the deductible ($1000.00 was left to meet) (PR-1).",
            "The plan pays $0.00; the patient owes $40.00.",
        ]]
    );
    assert_eq!(
        rules(&result.findings),
        [
            r("PLAN-SERVICE-UNREACHABLE", "/inNetwork/services/1/category"),
            r("PRICED-NO-CATEGORY", "/lines/0/procedure"),
        ]
    );
    assert!(
        result
            .findings
            .iter()
            .all(|f| f.severity == Severity::Warning)
    );
    // A code a category rule takes raises nothing but the plan's own warning.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(
        rules(&result.findings),
        [r(
            "PLAN-SERVICE-UNREACHABLE",
            "/inNetwork/services/1/category"
        )]
    );
    // Medicare's rules all have codes.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("medicare-part-b-2026.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert!(result.findings.is_empty(), "{:?}", result.findings);
}

#[test]
fn medicare_payment_before_sequestration_is_its_own_field() {
    // RULES.md §1: $1,000 allowed, deductible met → 20% coinsurance $200 → $800 → 2% → $784.
    let met = acc(serde_json::json!({ "inNetwork": { "individualDeductible": "283.00" } }));
    let result = run(
        &claim(&[L("27447", &[], "1000.00", "1", "21")]),
        &plan("medicare-part-b-2026.json"),
        &met,
        Network::InNetwork,
    );
    let line = &result.lines[0];
    assert_eq!(
        (
            line.plan_paid_before_sequestration,
            line.sequestration,
            line.plan_paid
        ),
        (m("800.00"), m("16.00"), m("784.00"))
    );
    assert_eq!(
        (
            result.plan_paid_before_sequestration,
            result.sequestration,
            result.plan_paid
        ),
        (m("800.00"), m("16.00"), m("784.00"))
    );
    assert_eq!(
        sentences(&result)[0],
        [
            "The deductible is already met.",
            "The patient's 20% coinsurance on the remaining $1000.00 comes to $200.00 (PR-2).",
            "Sequestration reduces the plan's payment of $800.00 by 2%: $16.00 (CO-253), not billed to the patient.",
            "The plan pays $784.00; the patient owes $200.00.",
        ]
    );
    // Two lines, nothing met: 93.60 before, 1.87 (2% of 93.60 = 1.872) → 91.73.
    let result = run(
        &claim(&[
            L("99213", &[], "100.00", "1", "11"),
            L("20610", &[], "300.00", "1", "11"),
        ]),
        &plan("medicare-part-b-2026.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    assert_eq!(
        (
            result.plan_paid_before_sequestration,
            result.sequestration,
            result.plan_paid
        ),
        (m("93.60"), m("1.87"), m("91.73"))
    );
    // A plan without sequestration pays what it pays before it.
    let result = run(
        &claim(&[L("20610", &[], "300.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &ppo_met("1000.00", "1000.00"),
        Network::InNetwork,
    );
    assert_eq!(
        (
            result.plan_paid_before_sequestration,
            result.sequestration,
            result.plan_paid
        ),
        (m("240.00"), m("0.00"), m("240.00"))
    );
}

/// The findings of a coordination refusal (panics on anything else).
fn coordination_refused<T: std::fmt::Debug>(
    result: Result<T, BenefitsError>,
) -> Vec<(String, String)> {
    match result {
        Err(error @ BenefitsError::CoordinationRefused { .. }) => {
            assert_eq!(error.code(), "BENEFITS_COORDINATION_REFUSED");
            let BenefitsError::CoordinationRefused { findings } = error else {
                unreachable!()
            };
            rules(&findings)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// The primary (PPO, 100 deductible left: pays 160, leaves 140) and the secondary's normal
/// benefit (PPO, deductible met: pays 240 of 300) of one 20610 billed 400.
fn primary_and_secondary() -> (Adjudication, Adjudication) {
    let procedure = claim(&[L("20610", &[], "400.00", "1", "11")]);
    let ppo = plan("commercial-ppo.json");
    (
        run(
            &procedure,
            &ppo,
            &ppo_met("900.00", "900.00"),
            Network::InNetwork,
        ),
        run(
            &procedure,
            &ppo,
            &ppo_met("1000.00", "1000.00"),
            Network::InNetwork,
        ),
    )
}

#[test]
fn coordination_refuses_what_does_not_add_up() {
    let (primary, secondary) = primary_and_secondary();
    // The prior payment edited: the line no longer balances and the total is not its sum.
    let mut edited = primary.clone();
    edited.lines[0].plan_paid = m("260.00");
    assert_eq!(
        coordination_refused(coordinate(&edited, &secondary, CobMethod::Standard)),
        [
            r("PRIOR-LINE-BALANCE", "/lines/0/adjustments"),
            r("PRIOR-TOTAL", "/planPaid")
        ]
    );
    // Another claim's adjudication, with another charge.
    let other = run(
        &claim(&[L("20610", &[], "350.00", "1", "11")]),
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
    );
    let mut other = other;
    other.patient_control_number = "ANOTHER".to_owned();
    assert_eq!(
        coordination_refused(coordinate(&other, &secondary, CobMethod::Standard)),
        [
            r("COB-CLAIM", "/patientControlNumber"),
            r("COB-LINE-CHARGE", "/lines/0/charge")
        ]
    );
    // A coverage above 100%.
    assert_eq!(
        coordination_refused(coordinate(
            &primary,
            &secondary,
            CobMethod::MaintenanceOfBenefits {
                coverage: "120%".parse().unwrap()
            }
        )),
        [r("COB-RATE-ABOVE-100", "/method/coverage")]
    );
    // An adjudication the secondary made unchecked from a negative priced claim.
    let mut negative = priced_procedure();
    negative.lines[0].charge = m("-400.00");
    let negative = adjudicate_with(
        &negative,
        &plan("commercial-ppo.json"),
        &Accumulators::default(),
        Network::InNetwork,
        AdjudicateOptions { unchecked: true },
    )
    .unwrap();
    let found = coordination_refused(coordinate(&primary, &negative, CobMethod::Standard));
    assert!(
        found.contains(&r("SECONDARY-AMOUNT-NEGATIVE", "/lines/0/charge")),
        "{found:?}"
    );
}

fn remitted(json: serde_json::Value) -> RemittedClaim {
    serde_json::from_value(json).unwrap()
}

#[test]
fn coordination_from_the_primary_remittance() {
    let (primary, secondary) = primary_and_secondary();
    // The primary's 835 line says what its adjudication says: charge 400, paid 160, CO-45 100,
    // PR-1 100, PR-2 40, allowed 300. Coordinated the same, every method.
    let remittance = remitted(serde_json::json!({ "lines": [{
        "charge": "400.00", "paid": "160.00", "allowed": "300.00",
        "adjustments": [
            { "group": "CO", "reason": "45", "amount": "100.00" },
            { "group": "PR", "reason": "1", "amount": "100.00" },
            { "group": "PR", "reason": "2", "amount": "40.00" }
        ] }] }));
    for method in [
        CobMethod::Standard,
        CobMethod::NonDuplication,
        CobMethod::CarveOut,
        CobMethod::MaintenanceOfBenefits {
            coverage: "80%".parse().unwrap(),
        },
        CobMethod::MedicareSecondary {
            obligated_to_accept: true,
        },
    ] {
        assert_eq!(
            coordinate_remittance(&remittance, &secondary, method).unwrap(),
            coordinate(&primary, &secondary, method).unwrap(),
            "{method:?}"
        );
    }
    // Medicare secondary when the provider must accept the primary's allowed 200 (paid 100,
    // CO-45 200, PR-1 100): least of 300 − 100 = 200, Medicare's 160, 200 − (100 + 40) = 60,
    // 200 − 100 = 100 → 60, the patient left with 40. Not obliged: least of 200, 160,
    // 400 − 140 = 260, 400 − 100 = 300 → 160, capped at the 100 the patient owed.
    let (_, medicare_like) = {
        let procedure = claim(&[L("20610", &[], "400.00", "1", "11")]);
        let ppo = plan("commercial-ppo.json");
        let normal = run(
            &procedure,
            &ppo,
            &ppo_met("900.00", "900.00"),
            Network::InNetwork,
        );
        ((), normal)
    };
    let otaf = remitted(serde_json::json!({ "lines": [{
        "charge": "400.00", "paid": "100.00", "allowed": "200.00",
        "adjustments": [
            { "group": "CO", "reason": "45", "amount": "200.00" },
            { "group": "PR", "reason": "1", "amount": "100.00" }
        ] }] }));
    let pays = |obligated_to_accept| {
        let c = coordinate_remittance(
            &otaf,
            &medicare_like,
            CobMethod::MedicareSecondary {
                obligated_to_accept,
            },
        )
        .unwrap();
        (
            c.secondary_paid,
            c.patient_balance,
            c.lines[0].prior_allowed,
        )
    };
    assert_eq!(pays(true), (m("60.00"), m("40.00"), Some(m("200.00"))));
    assert_eq!(pays(false), (m("100.00"), m("0.00"), Some(m("200.00"))));
    // Refused: no allowed amount when it is needed, claim-level adjustments, a line that does
    // not balance.
    let mut no_allowed = otaf.clone();
    no_allowed.lines[0].allowed = None;
    assert_eq!(
        coordination_refused(coordinate_remittance(
            &no_allowed,
            &medicare_like,
            CobMethod::MedicareSecondary {
                obligated_to_accept: true
            }
        )),
        [r("PRIOR-ALLOWED-MISSING", "/lines/0/allowed")]
    );
    assert_eq!(
        coordinate_remittance(&no_allowed, &medicare_like, CobMethod::Standard)
            .unwrap()
            .lines[0]
            .prior_allowed,
        None
    );
    // After a coordination from that remittance that leaves the patient owing (non-duplication:
    // 160 − 100 = 60 of the 100, 40 left), a third payer (Medicare) obliged to accept the
    // primary's allowed amount still needs it.
    let second =
        coordinate_remittance(&no_allowed, &medicare_like, CobMethod::NonDuplication).unwrap();
    assert_eq!(second.patient_balance, m("40.00"));
    assert_eq!(
        coordination_refused(medbill::benefits::coordinate_next(
            &second,
            &medicare_like,
            CobMethod::MedicareSecondary {
                obligated_to_accept: true
            }
        )),
        [r("PRIOR-ALLOWED-MISSING", "/lines/0/priorAllowed")]
    );
    let mut claim_level = otaf.clone();
    claim_level.adjustments = claim_level.lines[0].adjustments.split_off(1);
    assert_eq!(
        coordination_refused(coordinate_remittance(
            &claim_level,
            &medicare_like,
            CobMethod::Standard
        )),
        [
            r("PRIOR-CLAIM-ADJUSTMENTS", "/adjustments"),
            r("PRIOR-LINE-BALANCE", "/lines/0/adjustments")
        ]
    );
}

#[test]
fn estimates_refuse_what_they_cannot_estimate_and_show_plan_warnings() {
    let service = |charge: &str| {
        serde_json::json!([{ "procedure": "20610", "charge": charge, "quantity": { "units": "1" },
            "date": "2026-12-15", "placeOfService": "11" }])
    };
    let contract = serde_json::to_value(flat()).unwrap();
    let mut ppo = serde_json::to_value(plan("commercial-ppo.json")).unwrap();
    let result = estimate(
        &request(
            serde_json::json!({ "services": service("400.00"), "contract": contract, "plan": ppo }),
        ),
        None,
        day(),
    )
    .unwrap();
    assert_eq!(
        rules(&result.findings),
        [r(
            "PLAN-SERVICE-UNREACHABLE",
            "/plan/inNetwork/services/1/category"
        )]
    );
    ppo["inNetwork"]["services"][0]["copay"] = "-25.00".into();
    let refused = |json| match estimate(&request(json), None, day()) {
        Err(error @ EstimateError::Refused { .. }) => {
            assert_eq!(error.code(), "ESTIMATE_REFUSED");
            let EstimateError::Refused { findings } = error else {
                unreachable!()
            };
            rules(&findings)
        }
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        refused(
            serde_json::json!({ "services": service("400.00"), "contract": contract, "plan": ppo,
            "accumulators": { "inNetwork": { "familyDeductible": "-1.00" } } })
        ),
        [
            r("PLAN-AMOUNT-NEGATIVE", "/plan/inNetwork/services/0/copay"),
            r(
                "ACCUMULATORS-AMOUNT-NEGATIVE",
                "/accumulators/inNetwork/familyDeductible"
            ),
        ]
    );
    // A negative charge, for an insured or a self-pay patient alike.
    let negative =
        refused(serde_json::json!({ "services": service("-400.00"), "contract": contract }));
    assert_eq!(
        negative[0],
        r("PRICED-CHARGE-NEGATIVE", "/services/0/charge")
    );
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

#[test]
fn methods_read_and_write_camel_case_json() {
    let method: CobMethod =
        medbill::from_json(r#"{"method":"medicareSecondary","obligatedToAccept":true}"#).unwrap();
    assert_eq!(
        method,
        CobMethod::MedicareSecondary {
            obligated_to_accept: true
        }
    );
    assert_eq!(
        medbill::to_json(&method).unwrap(),
        r#"{"method":"medicareSecondary","obligatedToAccept":true}"#
    );
    let error = medbill::from_json::<CobMethod>(
        r#"{"method":"medicareSecondary","obligated_to_accept":true}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("obligated_to_accept"), "{error}");
}
