//! A 271 turned into the plan and accumulators an estimate takes (issue 12 §0): each rule of
//! `medbill::benefits::eligibility` from a small 271 written for it, the practice's bundled
//! billing-day answers, and the public 271 samples in `../shared/data/x12`.

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
    BenefitPlan, CoverageStatus, EligibilityBenefits, EligibilityCheck, EstimateRequest,
    ServiceCategory, benefits_from_271, estimate, estimate_with_eligibility,
};
use medbill::money::Rate;
use medbill::x12::read_271;
use support::{data_dir, m, shared_files};

fn date(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// One 271 transaction set: the payer, the provider, then `body` (the subscriber levels).
fn answer(body: &[&str]) -> Vec<u8> {
    let mut segments = vec![
        "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261119*0800*^*00501*000000001*0*T*:".to_owned(),
        "GS*HB*PAYER*PROVIDER*20261119*0800*1*X*005010X279A1".to_owned(),
        "ST*271*0001*005010X279A1".to_owned(),
        "BHT*0022*11*REF1*20261119*0800".to_owned(),
        "HL*1**20*1".to_owned(),
        "NM1*PR*2*ACME HEALTH*****PI*ACME1".to_owned(),
        "HL*2*1*21*1".to_owned(),
        "NM1*1P*2*RIVERBEND*****XX*1234567893".to_owned(),
    ];
    segments.extend(body.iter().map(|s| (*s).to_owned()));
    let count = segments.len() - 2 + 1;
    segments.push(format!("SE*{count}*0001"));
    segments.push("GE*1*1".to_owned());
    segments.push("IEA*1*000000001".to_owned());
    (segments.join("~") + "~").into_bytes()
}

const SUBSCRIBER: [&str; 4] = [
    "HL*3*2*22*0",
    "TRN*2*T1*9PROVIDER",
    "NM1*IL*1*SMITH*JOHN****MI*M123",
    "DMG*D8*19700101*M",
];

fn member(benefits: &[&str]) -> Vec<u8> {
    let mut body: Vec<&str> = SUBSCRIBER.to_vec();
    body.extend_from_slice(benefits);
    answer(&body)
}

fn read(bytes: &[u8], check: &EligibilityCheck) -> EligibilityBenefits {
    let responses = read_271(bytes).expect("a readable 271");
    benefits_from_271(&responses, check)
}

fn rules(benefits: &EligibilityBenefits) -> Vec<&str> {
    benefits.findings.iter().map(|f| f.rule.as_str()).collect()
}

fn on(day: &str) -> EligibilityCheck {
    EligibilityCheck::on(date(day))
}

const PPO: [&str; 16] = [
    "DTP*346*D8*20250301",
    "EB*1**30**GOLD PPO",
    "EB*C*IND*30***23*1500*****Y",
    "EB*C*IND*30***29*1000*****Y",
    "EB*C*FAM*30***23*3000*****Y",
    "EB*C*FAM*30***29*2500*****Y",
    "EB*G*IND*30***23*5000*****Y",
    "EB*G*IND*30***29*4200*****Y",
    "EB*A*IND*30*****0.2****Y",
    "EB*B*IND*98***27*25*****Y",
    "EB*B*IND*3***27*50*****Y",
    "EB*B*IND*86***27*250*****Y",
    "EB*I**81",
    "EB*F**98******VS*30",
    "EB*C*IND*30***23*3000*****N",
    "EB*A*IND*30*****0.4****N",
];

#[test]
fn an_active_ppo_becomes_the_plan_and_accumulators_it_states() {
    let mut benefits_271 = PPO.to_vec();
    benefits_271.push("EB*G*IND*30***23*9000*****N");
    let result = read(&member(&benefits_271), &on("2026-06-15"));
    assert_eq!(
        result.coverage,
        CoverageStatus::Active,
        "{:?}",
        result.findings
    );
    assert!(result.is_covered());
    assert_eq!(result.payer.as_deref(), Some("ACME HEALTH"));
    let plan = result.plan.as_ref().unwrap();
    assert_eq!(plan.name, "GOLD PPO");
    // The plan began 2025-03-01: the plan year holding 2026-06-15 starts on its anniversary.
    assert_eq!(
        (plan.plan_year_start, plan.plan_year_end),
        (date("2026-03-01"), date("2027-02-28"))
    );
    let tier = &plan.in_network;
    assert_eq!(tier.deductible.individual, m("1500"));
    assert_eq!(tier.deductible.family, Some(m("3000")));
    assert_eq!(tier.out_of_pocket_max.unwrap().individual, m("5000"));
    assert_eq!(tier.coinsurance, Rate::from_percent(20.into()).unwrap());
    let service = |tier: &medbill::benefits::TierBenefits, c| {
        tier.services.iter().find(|s| s.category == c).cloned()
    };
    let office = service(tier, ServiceCategory::OfficeVisit).unwrap();
    assert_eq!(office.copay, Some(m("25")));
    assert_eq!(office.coinsurance, Some(Rate::ZERO));
    assert!(!office.deductible_applies);
    assert_eq!(office.visit_limit, Some(30));
    assert_eq!(
        service(tier, ServiceCategory::Specialist).unwrap().copay,
        Some(m("50"))
    );
    assert_eq!(
        service(tier, ServiceCategory::Emergency).unwrap().copay,
        Some(m("250"))
    );
    assert!(!service(tier, ServiceCategory::Preventive).unwrap().covered);
    // Out of network: its own deductible and coinsurance, no in-network copay.
    let out = plan.out_of_network.as_ref().unwrap();
    assert_eq!(out.deductible.individual, m("3000"));
    assert_eq!(out.coinsurance, Rate::from_percent(40.into()).unwrap());
    assert_eq!(out.out_of_pocket_max.unwrap().individual, m("9000"));
    assert!(service(out, ServiceCategory::OfficeVisit).is_some_and(|s| s.copay.is_none()));
    // Met = limit less what remains.
    let met = result.accumulators.as_ref().unwrap();
    assert_eq!(met.in_network.individual_deductible, m("500"));
    assert_eq!(met.in_network.family_deductible, m("500"));
    assert_eq!(met.in_network.individual_out_of_pocket, m("800"));
    // Out of network the 271 states the limits but not what is met: counted as none, said.
    assert_eq!(met.out_of_network.individual_deductible, m("0"));
    assert!(
        result.findings.iter().any(|f| f.rule == "ELIG-MET-UNSTATED"
            && f.path == "/plan/outOfNetwork/deductible/individual"),
        "{:?}",
        result.findings
    );
    // The default categories put an office visit in its category.
    assert_eq!(
        plan.category(medbill::codes::ProcedureCode::parse("99213").unwrap(), None),
        ServiceCategory::OfficeVisit
    );
    assert!(!medbill::finding::has_errors(&result.findings));
}

fn request(plan: Option<&BenefitPlan>) -> EstimateRequest {
    serde_json::from_value(serde_json::json!({
        "services": [
            { "procedure": "99213", "charge": "150.00", "quantity": { "units": "1" }, "date": "2026-06-15", "placeOfService": "11" },
            { "procedure": "20610", "charge": "400.00", "quantity": { "units": "1" }, "date": "2026-06-15", "placeOfService": "11" }
        ],
        "contract": { "payerId": "ANY", "effectiveFrom": "2026-01-01", "schedule": { "kind": "flat", "fees": [
            { "procedure": "99213", "amount": "100.00" }, { "procedure": "20610", "amount": "300.00" } ] } },
        "plan": plan,
    }))
    .unwrap()
}

#[test]
fn the_estimate_takes_the_plan_and_what_is_met_from_the_271() {
    let responses = read_271(&member(&PPO)).unwrap();
    let both = estimate_with_eligibility(
        &request(None),
        &responses,
        &on("2000-01-01"),
        None,
        date("2026-06-01"),
    )
    .unwrap();
    let (result, benefits) = (both.estimate, both.eligibility);
    assert_eq!(benefits.coverage, CoverageStatus::Active);
    // The date checked is the visit's, not the one passed (2000 would be before the plan).
    assert!(!rules(&benefits).contains(&"ELIG-NOT-ON-DOS"));
    // 99213: the $25 copay. 20610 (surgery: deductible, then 20%): allowed 300, 1000 of the
    // deductible left, so all 300. Known accumulators: one figure, no range.
    assert_eq!(result.patient_cost, m("325.00"));
    assert_eq!(result.patient_cost_low, result.patient_cost_high);
    // Same as estimating with the plan and accumulators the 271 gave, written by hand.
    let mut by_hand = request(benefits.plan.as_ref());
    by_hand.accumulators = benefits.accumulators.clone();
    assert_eq!(
        estimate(&by_hand, None, date("2026-06-01"))
            .unwrap()
            .patient_cost,
        m("325.00")
    );
    // The eligibility findings come first in the estimate's.
    assert_eq!(result.findings.first(), benefits.findings.first());
}

#[test]
fn inactive_coverage_is_an_error_and_the_visit_is_estimated_as_self_pay() {
    let bytes = member(&["EB*6**30"]);
    let result = read(&bytes, &on("2026-06-15"));
    assert_eq!(result.coverage, CoverageStatus::Inactive);
    assert!(result.plan.is_none() && result.accumulators.is_none());
    assert_eq!(rules(&result), ["ELIG-INACTIVE"]);
    let estimate = estimate_with_eligibility(
        &request(None),
        &read_271(&bytes).unwrap(),
        &on("2026-06-15"),
        None,
        date("2026-06-01"),
    )
    .unwrap()
    .estimate;
    assert!(estimate.good_faith_estimate.is_some());
    assert_eq!(estimate.findings[0].rule, "ELIG-INACTIVE");
}

#[test]
fn a_rejection_is_an_error_with_the_reason_in_words_and_what_to_do() {
    let mut body: Vec<&str> = SUBSCRIBER[..3].to_vec();
    body.push("AAA*Y**75*C");
    let result = read(&answer(&body), &on("2026-06-15"));
    assert_eq!(result.coverage, CoverageStatus::Rejected);
    let finding = &result.findings[0];
    assert_eq!(finding.rule, "ELIG-REJECTED");
    assert_eq!(finding.path, "segment 12 AAA03");
    assert!(
        finding.message.contains("cannot find the subscriber"),
        "{}",
        finding.message
    );
    assert_eq!(
        finding.fix.as_deref(),
        Some("correct the inquiry and send it again")
    );
    // At the source level too (the payer could not answer at all).
    let bytes = answer(&["AAA*Y**42*R"]);
    let responses = read_271(&bytes).unwrap();
    let result = benefits_from_271(&responses, &on("2026-06-15"));
    assert_eq!(result.coverage, CoverageStatus::Rejected);
    assert!(result.findings[0].message.contains("cannot answer now"));
}

#[test]
fn a_271_about_someone_else_is_named_without_patient_data() {
    let mut check = on("2026-06-15");
    check.last_name = Some("JONES".to_owned().into());
    check.birth_date = Some(date("1970-01-01").into());
    let result = read(&member(&PPO), &check);
    assert_eq!(result.coverage, CoverageStatus::Mismatch);
    assert!(result.plan.is_none());
    let finding = &result.findings[0];
    assert_eq!(finding.rule, "ELIG-MEMBER-MISMATCH");
    assert!(finding.message.contains("last name"), "{}", finding.message);
    assert!(!finding.message.contains("date of birth"));
    for secret in ["JONES", "SMITH", "JOHN", "M123", "1970"] {
        assert!(!finding.message.contains(secret), "{}", finding.message);
    }
    // The same patient, identified by member id and name in any case: found.
    check.last_name = Some("smith".to_owned().into());
    check.member_id = Some("M123".to_owned().into());
    assert_eq!(read(&member(&PPO), &check).coverage, CoverageStatus::Active);
}

#[test]
fn a_dependent_is_found_by_the_subscribers_member_id_and_their_own_name() {
    let body = [
        "HL*3*2*22*1",
        "NM1*IL*1*HADDAD*OMAR****MI*PHP441209",
        "EB*6**30",
        "HL*4*3*23*0",
        "NM1*03*1*HADDAD*LAYLA",
        "DMG*D8*20120308*F",
        "INS*N*19",
        "EB*1**30**FAMILY PPO",
        "EB*C*IND*30***23*500",
        "EB*C*IND*30***24*120",
    ];
    let mut check = on("2026-06-15");
    check.member_id = Some("PHP441209".to_owned().into());
    check.first_name = Some("Layla".to_owned().into());
    check.birth_date = Some(date("2012-03-08").into());
    let result = read(&answer(&body), &check);
    assert_eq!(
        result.coverage,
        CoverageStatus::Active,
        "{:?}",
        result.findings
    );
    // Year to date when the 271 gives no remaining amount.
    let met = result.accumulators.unwrap();
    assert_eq!(met.in_network.individual_deductible, m("120"));
    // The subscriber (Omar) is inactive, but he is not the patient.
    check.first_name = Some("Omar".to_owned().into());
    check.birth_date = None;
    assert_eq!(
        read(&answer(&body), &check).coverage,
        CoverageStatus::Inactive
    );
}

#[test]
fn coverage_that_does_not_reach_the_date_of_service_is_an_error() {
    let late = read(
        &member(&["DTP*357*D8*20260331", "EB*1**30"]),
        &on("2026-06-15"),
    );
    assert_eq!(late.coverage, CoverageStatus::Inactive);
    assert_eq!(rules(&late), ["ELIG-NOT-ON-DOS"]);
    assert!(late.findings[0].message.contains("2026-03-31"));
    let range = read(
        &member(&["DTP*307*RD8*20250101-20251231", "EB*1**30"]),
        &on("2026-06-15"),
    );
    assert_eq!(rules(&range), ["ELIG-NOT-ON-DOS"]);
    let inside = read(
        &member(&["DTP*307*RD8*20260101-20261231", "EB*1**30"]),
        &on("2026-06-15"),
    );
    assert_eq!(inside.coverage, CoverageStatus::Active);
}

#[test]
fn what_the_271_does_not_say_is_a_warning_and_comes_from_the_template() {
    let bare = member(&["EB*1**30"]);
    let result = read(&bare, &on("2026-06-15"));
    assert_eq!(result.coverage, CoverageStatus::Active);
    let paths: Vec<(&str, &str)> = result
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect();
    for expected in [
        ("ELIG-PLAN-YEAR-UNSTATED", "/plan/planYearStart"),
        ("ELIG-UNSTATED", "/plan/inNetwork/deductible/individual"),
        ("ELIG-UNSTATED", "/plan/inNetwork/outOfPocketMax"),
        ("ELIG-UNSTATED", "/plan/inNetwork/coinsurance"),
    ] {
        assert!(paths.contains(&expected), "{expected:?} in {paths:?}");
    }
    let plan = result.plan.unwrap();
    assert_eq!(plan.plan_year_start, date("2026-01-01"));
    assert_eq!(plan.in_network.deductible.individual, m("0"));
    assert!(plan.in_network.out_of_pocket_max.is_none());
    // With the practice's copy of the plan, its figures fill the gaps.
    let template: BenefitPlan = medbill::from_json(
        &std::fs::read_to_string(data_dir().join("plans/commercial-ppo.json")).unwrap(),
    )
    .unwrap();
    let mut check = on("2026-06-15");
    check.template = Some(template.clone());
    let result = read(&bare, &check);
    let plan = result.plan.unwrap();
    assert_eq!(plan.in_network.deductible, template.in_network.deductible);
    assert_eq!(plan.in_network.coinsurance, template.in_network.coinsurance);
    assert_eq!(plan.in_network.services, template.in_network.services);
    assert_eq!(plan.categories, template.categories);
    assert_eq!(plan.name, template.name);
    assert!(
        result
            .findings
            .iter()
            .any(|f| f.message.contains("template plan's figure is used"))
    );
}

#[test]
fn remaining_above_the_limit_is_an_error_and_nothing_is_counted_as_met() {
    let result = read(
        &member(&["EB*1**30", "EB*C*IND*30***23*500", "EB*C*IND*30***29*800"]),
        &on("2026-06-15"),
    );
    assert!(rules(&result).contains(&"ELIG-REMAINING-ABOVE-LIMIT"));
    assert_eq!(
        result
            .accumulators
            .unwrap()
            .in_network
            .individual_deductible,
        m("0")
    );
}

#[test]
fn authorization_and_other_payers_are_warned_of() {
    let result = read(
        &member(&["EB*1**30", "EB*C**62********Y*Y", "EB*R**30"]),
        &on("2026-06-15"),
    );
    let found = rules(&result);
    assert!(found.contains(&"ELIG-AUTH-REQUIRED"), "{found:?}");
    assert!(found.contains(&"ELIG-OTHER-PAYER"), "{found:?}");
}

#[test]
fn the_billing_day_answers_cover_each_appointment() {
    let bytes = std::fs::read(data_dir().join("eligibility/billing-day.271")).expect("bundled 271");
    let responses = read_271(&bytes).unwrap();
    assert_eq!(responses.len(), 3);
    assert!(
        responses.iter().all(|r| r.findings.is_empty()),
        "{responses:?}"
    );
    let check = |id: &str, first: &str, born: &str| {
        let mut check = on("2026-11-20");
        check.member_id = Some(id.to_owned().into());
        check.first_name = Some(first.to_owned().into());
        check.birth_date = Some(date(born).into());
        benefits_from_271(&responses, &check)
    };
    let kowalski = check("PHP441209", "Piotr", "1990-01-30");
    assert_eq!(kowalski.coverage, CoverageStatus::Active);
    assert_eq!(
        kowalski
            .accumulators
            .unwrap()
            .in_network
            .individual_deductible,
        m("360")
    );
    // Same member id (a family plan), another person: the dependent's answer.
    let layla = check("PHP441209", "Layla", "2012-03-08");
    assert_eq!(
        layla
            .accumulators
            .clone()
            .unwrap()
            .in_network
            .individual_deductible,
        m("690")
    );
    let silva = check("LKM00988120", "Beatriz", "2001-05-14");
    assert_eq!(silva.coverage, CoverageStatus::Rejected);
    // Each answer is its own payer's.
    assert_eq!(silva.payer.as_deref(), Some("LAKESHORE MEDICAID"));
    assert_eq!(layla.payer.as_deref(), Some("PRAIRIE HEALTH PPO"));
    let nobody = check("PHP000000", "Nobody", "2000-01-01");
    assert_eq!(nobody.coverage, CoverageStatus::Mismatch);
}

#[test]
fn every_public_271_sample_reads_into_a_coverage_with_no_panic() {
    let files: Vec<_> = shared_files("x12")
        .into_iter()
        .filter(|p| std::fs::read(p).is_ok_and(|b| String::from_utf8_lossy(&b).contains("*271*")))
        .collect();
    assert!(
        files.len() >= 5,
        "271 samples expected, found {}",
        files.len()
    );
    let mut active = 0;
    for path in &files {
        let Ok(responses) = read_271(&std::fs::read(path).unwrap()) else {
            continue;
        };
        let result = benefits_from_271(&responses, &on("2026-06-15"));
        if result.coverage == CoverageStatus::Active {
            active += 1;
            assert!(result.plan.is_some(), "{}", path.display());
        } else {
            assert!(
                medbill::finding::has_errors(&result.findings),
                "{}: {:?} without an error",
                path.display(),
                result.coverage
            );
        }
    }
    assert!(active >= 2, "{active} active of {}", files.len());
}

#[test]
fn the_linuxforhealth_subscriber_check_states_copays_by_network() {
    let Some(path) = support::shared_data(
        "x12/linuxforhealth-x12/271_005010X279A1/subscriber-health-benefit-check.271",
    ) else {
        return;
    };
    let responses = read_271(&std::fs::read(path).unwrap()).unwrap();
    let result = benefits_from_271(&responses, &on("2026-06-15"));
    assert_eq!(result.coverage, CoverageStatus::Active);
    let plan = result.plan.unwrap();
    let copay = |tier: &medbill::benefits::TierBenefits| {
        tier.services
            .iter()
            .find(|s| s.category == ServiceCategory::OfficeVisit)
            .and_then(|s| s.copay)
    };
    // EB*B ... 98 ... *27*10.00*****Y and *27*30.00*****N.
    assert_eq!(copay(&plan.in_network), Some(m("10.00")));
    assert_eq!(
        copay(plan.out_of_network.as_ref().unwrap()),
        Some(m("30.00"))
    );
    assert_eq!(plan.name, "GOLD 123 PLAN");
}
