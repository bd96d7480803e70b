//! FHIR R4 output: rule-based checks of what the profiles require (no profile validator runs
//! offline; CI validates the base R4 resources with core/tests/fhir/validate.py), exact
//! amounts, totals equal to the adjudication's, CARC reasons, references that resolve, and
//! the claim round trip.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: fail loudly"
)]

mod support;

use std::collections::HashSet;

use chrono::NaiveDate;
use medbill::benefits::{Accumulators, BenefitPlan, EstimateRequest, Network};
use medbill::fhir::{self, FhirError, model};
use medbill::{Claim, Contract, ErrorCode};
use serde_json::Value;
use support::{data_dir, sample_pfs};

fn created() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap()
}

fn claim(name: &str) -> Claim {
    Claim::from_json(&fixture(&format!("claims/{name}"))).unwrap()
}

/// The JSON of a resource, with every decimal number turned into a string of its exact
/// text (`245.00` stays "245.00"; serde_json's Value would make it the float 245.0).
fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::from_str(&quote_decimals(&fhir::to_json(value).unwrap())).unwrap()
}

fn quote_decimals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if c == '-' || c.is_ascii_digit() {
            let mut number = String::from(c);
            while let Some(&next) = chars.peek() {
                if next.is_ascii_digit()
                    || next == '.'
                    || next == 'e'
                    || next == 'E'
                    || next == '+'
                    || next == '-'
                {
                    number.push(next);
                    chars.next();
                } else {
                    break;
                }
            }
            if number.contains('.') {
                out.push('"');
                out.push_str(&number);
                out.push('"');
            } else {
                out.push_str(&number);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn claim_fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir().join("claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("professional-") || n.starts_with("institutional-"))
        .collect();
    names.sort();
    names
}

/// Every `reference` in a Bundle resolves to an entry's fullUrl, and every entry's fullUrl
/// is a urn:uuid.
fn assert_references_resolve(bundle: &Value) {
    let urls: HashSet<&str> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    assert!(urls.iter().all(|u| u.starts_with("urn:uuid:")), "{urls:?}");
    fn walk<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("reference") {
                    found.push(r);
                }
                map.values().for_each(|v| walk(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(bundle, &mut found);
    assert!(!found.is_empty());
    for reference in found {
        assert!(urls.contains(reference), "{reference} does not resolve");
    }
}

/// Never `null`, `""`, `[]` or `{}` anywhere.
fn assert_no_empty(value: &Value, path: &str) {
    match value {
        Value::Null => panic!("null at {path}"),
        Value::String(s) => assert!(!s.is_empty(), "empty string at {path}"),
        Value::Array(items) => {
            assert!(!items.is_empty(), "empty array at {path}");
            for (i, v) in items.iter().enumerate() {
                assert_no_empty(v, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            assert!(!map.is_empty(), "empty object at {path}");
            for (k, v) in map {
                assert_no_empty(v, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
}

fn entries<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn has_code(concept: &Value, system: &str, code: &str) -> bool {
    concept["coding"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c["system"] == system && c["code"] == code))
}

#[test]
fn every_claim_fixture_round_trips_through_fhir() {
    let names = claim_fixtures();
    assert!(
        names
            .iter()
            .filter(|n| n.starts_with("professional-"))
            .count()
            >= 8
    );
    assert!(names.iter().any(|n| n.starts_with("institutional-")));
    for name in &names {
        let original = claim(name);
        let bundle = fhir::claim_bundle(&original, created()).unwrap();
        let text = fhir::to_json(&bundle).unwrap();
        let back = fhir::claim_from_fhir(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, original, "{name}");
    }
}

#[test]
fn a_clean_claim_needs_no_claim_detail_for_its_billing_content() {
    // What a plain professional claim has all maps to FHIR elements, save what FHIR R4 has
    // no home for (here only the CLIA number): the extension holds nothing else.
    let bundle = fhir::claim_bundle(&claim("professional-clean.json"), created()).unwrap();
    let claim = bundle.claim().unwrap();
    let detail: Vec<&str> = claim
        .extension
        .iter()
        .filter(|e| e.url == fhir::CLAIM_DETAIL)
        .filter_map(|e| e.value_string.as_deref())
        .collect();
    assert_eq!(
        detail,
        [r#"{"form":{"professional":{"cliaNumber":"14D0987654"}}}"#]
    );
}

#[test]
fn the_claim_has_the_base_required_elements_codes_and_exact_amounts() {
    let original = claim("professional-clean.json");
    let bundle = fhir::claim_bundle(&original, created()).unwrap();
    let text = serde_json::to_string(&bundle).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["resourceType"], "Bundle");
    assert_eq!(value["type"], "collection");
    assert_eq!(value["timestamp"], "2026-11-27T00:00:00Z");
    assert_references_resolve(&value);
    assert_no_empty(&value, "Bundle");
    let claim = &value["entry"][0]["resource"];
    assert_eq!(claim["resourceType"], "Claim");
    assert_eq!(claim["status"], "active");
    assert_eq!(claim["use"], "claim");
    assert_eq!(claim["created"], "2026-11-27");
    assert!(has_code(
        &claim["type"],
        "http://terminology.hl7.org/CodeSystem/claim-type",
        "professional"
    ));
    assert!(has_code(
        &claim["priority"],
        "http://terminology.hl7.org/CodeSystem/processpriority",
        "normal"
    ));
    assert_eq!(claim["insurance"][0]["focal"], true);
    assert_eq!(claim["insurance"][0]["sequence"], 1);
    // ICD-10-CM dotted, principal first.
    let dx = &claim["diagnosis"][0];
    assert!(has_code(
        &dx["diagnosisCodeableConcept"],
        "http://hl7.org/fhir/sid/icd-10-cm",
        "E11.9"
    ));
    assert!(has_code(
        &dx["type"][0],
        "http://terminology.hl7.org/CodeSystem/ex-diagnosistype",
        "principal"
    ));
    // Amounts are JSON numbers with the exact text.
    assert!(
        text.contains(r#""total":{"value":245.00,"currency":"USD"}"#),
        "{text}"
    );
    assert!(text.contains(r#""net":{"value":180.00,"currency":"USD"}"#));
    assert!(!text.contains(r#""value":"245.00""#));
    let item = &claim["item"][0];
    assert!(has_code(
        &item["productOrService"],
        "http://www.ama-assn.org/go/cpt",
        "99214"
    ));
    assert!(has_code(
        &item["modifier"][0],
        "http://www.ama-assn.org/go/cpt",
        "25"
    ));
    assert_eq!(item["diagnosisSequence"], serde_json::json!([1, 2]));
    assert_eq!(item["servicedDate"], "2026-11-20");
    assert!(has_code(
        &item["locationCodeableConcept"],
        "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
        "11"
    ));
    // The parties.
    let orgs = entries(&value, "Organization");
    assert!(orgs.iter().any(
        |o| o["identifier"][0]["system"] == "http://hl7.org/fhir/sid/us-npi"
            && o["identifier"][0]["value"] == "1234567893"
    ));
    let patients = entries(&value, "Patient");
    assert_eq!(patients.len(), 1);
    assert_eq!(patients[0]["birthDate"], "1958-04-12");
    assert_eq!(
        entries(&value, "Coverage")[0]["subscriberId"],
        "XJH123456789"
    );
    assert_eq!(entries(&value, "Practitioner").len(), 1);
}

#[test]
fn an_institutional_claim_has_type_of_bill_revenue_codes_and_its_statement_period() {
    let value =
        json(&fhir::claim_bundle(&claim("institutional-outpatient.json"), created()).unwrap());
    assert_references_resolve(&value);
    assert_no_empty(&value, "Bundle");
    let claim = &value["entry"][0]["resource"];
    assert!(has_code(
        &claim["type"],
        "http://terminology.hl7.org/CodeSystem/claim-type",
        "institutional"
    ));
    assert!(has_code(
        &claim["subType"],
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType",
        "outpatient"
    ));
    let tob = claim["supportingInfo"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["category"]["coding"][0]["code"] == "typeofbill")
        .unwrap();
    assert_eq!(tob["code"]["coding"][0]["code"], "0131");
    assert_eq!(claim["billablePeriod"]["start"], "2026-11-18");
    assert!(has_code(
        &claim["item"][0]["revenue"],
        "https://www.nubc.org/CodeSystem/RevenueCodes",
        "0450"
    ));
    assert!(has_code(
        &claim["diagnosis"][1]["diagnosisCodeableConcept"],
        "http://hl7.org/fhir/sid/icd-10-cm",
        "W01.XXXA"
    ));
}

#[test]
fn reading_refuses_what_it_cannot_place_without_quoting_data() {
    let original = claim("professional-clean.json");
    let text = fhir::to_json(&fhir::claim_bundle(&original, created()).unwrap()).unwrap();
    let check = |changed: String, code: &str| {
        let error = fhir::claim_from_fhir(&changed).unwrap_err();
        assert_eq!(error.code(), code, "{error}");
        let message = error.to_string();
        for secret in ["XJH123456789", "Doe", "Jane", "1958-04-12", "12 Elm St"] {
            assert!(!message.contains(secret), "{message}");
        }
    };
    // An amount written as a string.
    check(
        text.replacen("\"value\": 245.00", "\"value\": \"245.00\"", 1),
        "FHIR_SHAPE",
    );
    // An element medbill does not write.
    check(
        text.replacen(
            "\"status\": \"active\"",
            "\"status\": \"active\", \"text\": {\"div\": \"Doe\"}",
            1,
        ),
        "FHIR_SHAPE",
    );
    // A reference that does not resolve.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["entry"][0]["resource"]["patient"]["reference"] = "urn:uuid:nope".into();
    check(value.to_string(), "FHIR_UNSUPPORTED");
    // An unknown extension.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["entry"][0]["resource"]["extension"][0]["url"] = "http://example.org/x".into();
    check(value.to_string(), "FHIR_UNSUPPORTED");
    // A claim field the FHIR no longer gives (the member id) is refused, not invented.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    for entry in value["entry"].as_array_mut().unwrap() {
        if entry["resource"]["resourceType"] == "Coverage" {
            entry["resource"]
                .as_object_mut()
                .unwrap()
                .remove("subscriberId");
        }
    }
    check(value.to_string(), "FHIR_CLAIM_INVALID");
    // Not JSON.
    check("{".to_owned(), "FHIR_SYNTAX");
    assert_eq!(
        fhir::claim_from_fhir("{\"resourceType\": \"Claim\"}")
            .map(|_| ())
            .unwrap_err()
            .code(),
        "FHIR_SHAPE"
    );
}

fn adjudicated() -> (Claim, medbill::Adjudication) {
    let claim = claim("professional-ppo.json");
    let contract: Contract = medbill::from_json(&fixture("contracts/prairie-ppo.json")).unwrap();
    let plan: BenefitPlan = medbill::from_json(&fixture("plans/commercial-ppo.json")).unwrap();
    let accumulators: Accumulators =
        medbill::from_json(&fixture("plans/accumulators-sample.json")).unwrap();
    let pfs = sample_pfs();
    let priced = medbill::price(
        &claim,
        &contract,
        Some(&pfs),
        created(),
        &Default::default(),
    )
    .unwrap();
    let adjudication =
        medbill::adjudicate(&priced, &plan, &accumulators, Network::InNetwork).unwrap();
    (claim, adjudication)
}

fn money(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{value} is not a decimal"))
        .to_owned()
}

fn total<'a>(resource: &'a Value, system: &str, code: &str) -> &'a Value {
    &resource["total"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| has_code(&t["category"], system, code))
        .unwrap_or_else(|| panic!("no total {code}"))["amount"]["value"]
}

const THO: &str = "http://terminology.hl7.org/CodeSystem/adjudication";
const C4BB: &str = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";
const CARC: &str = "https://x12.org/codes/claim-adjustment-reason-codes";

#[test]
fn the_eob_of_an_adjudication_has_c4bb_elements_and_its_totals() {
    let (claim, adjudication) = adjudicated();
    let bundle = fhir::eob_from_adjudication(&claim, &adjudication, created()).unwrap();
    let value = json(&bundle);
    assert_references_resolve(&value);
    assert_no_empty(&value, "Bundle");
    let eob = &value["entry"][0]["resource"];
    assert_eq!(eob["resourceType"], "ExplanationOfBenefit");
    // C4BB 2.1.0 required elements.
    assert_eq!(
        eob["meta"]["profile"][0],
        "http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Professional-NonClinician|2.1.0"
    );
    assert_eq!(eob["meta"]["lastUpdated"], "2026-11-27T00:00:00Z");
    assert!(has_code(
        &eob["identifier"][0]["type"],
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType",
        "uc"
    ));
    for element in [
        "status", "type", "use", "patient", "created", "insurer", "provider", "outcome",
    ] {
        assert!(!eob[element].is_null(), "{element}");
    }
    assert_eq!(eob["use"], "claim");
    assert_eq!(eob["outcome"], "complete");
    assert!(eob["billablePeriod"]["start"].is_string());
    assert_eq!(eob["insurance"].as_array().unwrap().len(), 1);
    assert_eq!(eob["insurance"][0]["focal"], true);
    assert!(!eob["diagnosis"][0]["type"].is_null());
    let account = eob["supportingInfo"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["category"]["coding"][0]["code"] == "patientaccountnumber")
        .unwrap();
    assert_eq!(account["valueString"], "ENC-1001");
    // Totals equal the adjudication's, exactly.
    assert_eq!(
        money(total(eob, THO, "submitted")),
        adjudication.total_charge.to_string()
    );
    assert_eq!(
        money(total(eob, THO, "eligible")),
        adjudication.total_allowed.to_string()
    );
    assert_eq!(
        money(total(eob, THO, "benefit")),
        adjudication.plan_paid.to_string()
    );
    assert_eq!(
        money(total(eob, C4BB, "paidtoprovider")),
        adjudication.plan_paid.to_string()
    );
    assert_eq!(
        money(total(eob, C4BB, "memberliability")),
        adjudication.patient_responsibility.to_string()
    );
    assert_eq!(money(&eob["payment"]["amount"]["value"]), "147.23");
    // Every line: amounts, benefitpaymentstatus, each CAS adjustment with its CARC.
    let items = eob["item"].as_array().unwrap();
    assert_eq!(items.len(), adjudication.lines.len());
    for (item, line) in items.iter().zip(&adjudication.lines) {
        let adjudications = item["adjudication"].as_array().unwrap();
        assert!(adjudications.iter().all(|a| !a["category"].is_null()));
        assert!(item["servicedDate"].is_string());
        assert!(!item["locationCodeableConcept"].is_null());
        assert_eq!(
            adjudications
                .iter()
                .filter(|a| a["category"]["coding"][0]["code"] == "benefitpaymentstatus")
                .count(),
            1
        );
        for adjustment in &line.adjustments {
            assert!(
                adjudications.iter().any(|a| has_code(
                    &a["reason"],
                    CARC,
                    adjustment.reason.as_str()
                ) && money(&a["amount"]["value"])
                    == adjustment.amount.to_string()),
                "CARC {} missing",
                adjustment.reason
            );
        }
    }
    let text = serde_json::to_string(&bundle).unwrap();
    assert!(text.contains(r#""reason":{"coding":[{"system":"https://x12.org/codes/claim-adjustment-reason-codes","code":"45"}"#));
    assert!(text.contains(r#""amount":{"value":7.77,"currency":"USD"}"#));
}

#[test]
fn the_claim_response_of_an_adjudication_has_its_totals() {
    let (claim, adjudication) = adjudicated();
    let response =
        json(&fhir::claim_response_from_adjudication(&claim, &adjudication, created()).unwrap());
    assert_no_empty(&response, "ClaimResponse");
    for element in [
        "status", "type", "use", "patient", "created", "insurer", "outcome",
    ] {
        assert!(!response[element].is_null(), "{element}");
    }
    assert_eq!(money(total(&response, THO, "submitted")), "245.00");
    assert_eq!(money(total(&response, THO, "benefit")), "147.23");
    assert_eq!(money(total(&response, C4BB, "memberliability")), "43.50");
    assert_eq!(response["item"].as_array().unwrap().len(), 2);
    assert_eq!(response["request"]["identifier"]["value"], "ENC-1001");
}

#[test]
fn an_adjudication_of_another_claim_is_refused() {
    let (_, adjudication) = adjudicated();
    let other = claim("institutional-outpatient.json");
    let error = fhir::eob_from_adjudication(&other, &adjudication, created()).unwrap_err();
    assert_eq!(error.code(), "FHIR_UNSUPPORTED");
}

fn remittance() -> medbill::remit::Remittance {
    let bytes = std::fs::read(data_dir().join("x12/remittance.835")).unwrap();
    medbill::x12::read_835(&bytes).unwrap().remove(0)
}

#[test]
fn the_eob_of_an_835_carries_clp_totals_and_carc_reasons() {
    let remittance = remittance();
    let value = json(&fhir::eob_from_835(&remittance, created()).unwrap());
    assert_references_resolve(&value);
    assert_no_empty(&value, "Bundle");
    let eobs = entries(&value, "ExplanationOfBenefit");
    assert_eq!(eobs.len(), remittance.claims.len());
    for (eob, claim) in eobs.iter().zip(&remittance.claims) {
        if let Some(charge) = claim.charge {
            assert_eq!(money(total(eob, THO, "submitted")), charge.to_string());
        }
        if let Some(paid) = claim.paid {
            assert_eq!(money(total(eob, C4BB, "paidtoprovider")), paid.to_string());
            assert_eq!(money(&eob["payment"]["amount"]["value"]), paid.to_string());
        }
        if let Some(payer_claim) = &claim.payer_claim_number {
            assert_eq!(eob["identifier"][0]["value"], payer_claim.as_str());
        }
        for (item, line) in eob["item"].as_array().unwrap().iter().zip(&claim.lines) {
            let adjudications = item["adjudication"].as_array().unwrap();
            for adjustment in &line.adjustments {
                assert!(
                    adjudications.iter().any(|a| has_code(
                        &a["reason"],
                        CARC,
                        &adjustment.reason.to_string()
                    ) && adjustment
                        .amount
                        .is_none_or(|m| money(&a["amount"]["value"]) == m.to_string())),
                    "CARC {}",
                    adjustment.reason
                );
            }
        }
    }
}

#[test]
fn the_claim_response_of_an_835_uses_logical_references() {
    let remittance = remittance();
    let claim = &remittance.claims[0];
    let response = json(&fhir::claim_response_from_835(&remittance, claim, created()).unwrap());
    assert_no_empty(&response, "ClaimResponse");
    assert!(response["patient"]["identifier"]["value"].is_string());
    assert!(response["patient"]["reference"].is_null());
    assert_eq!(
        response["request"]["identifier"]["value"],
        claim.patient_control_number.as_str()
    );
    assert_eq!(response["outcome"], "complete");
    assert!(
        response["disposition"]
            .as_str()
            .unwrap()
            .starts_with("CLP02=")
    );
}

fn eligibility() -> Vec<medbill::x12::EligibilityResponse> {
    let bytes = std::fs::read(data_dir().join("eligibility/billing-day.271")).unwrap();
    medbill::x12::read_271(&bytes).unwrap()
}

#[test]
fn a_271_becomes_coverage_and_an_eligibility_response() {
    let responses = eligibility();
    assert!(!responses.is_empty());
    let mut complete = 0;
    for response in &responses {
        let coverage = json(&fhir::coverage_from_271(response).unwrap());
        assert_no_empty(&coverage, "Coverage");
        assert_eq!(coverage["status"], "active");
        assert!(coverage["beneficiary"]["identifier"]["value"].is_string());
        assert!(coverage["payor"][0]["identifier"]["value"].is_string());
        assert!(coverage["subscriberId"].is_string());
        let cer = json(&fhir::eligibility_response_from_271(response, created()).unwrap());
        assert_no_empty(&cer, "CoverageEligibilityResponse");
        assert_eq!(
            cer["purpose"],
            serde_json::json!(["validation", "benefits"])
        );
        assert!(cer["request"]["identifier"]["value"].is_string());
        let rejected = !response.all_rejections().is_empty();
        assert_eq!(cer["outcome"], if rejected { "error" } else { "complete" });
        if rejected {
            assert!(cer["error"][0]["code"]["coding"][0]["code"].is_string());
            continue;
        }
        complete += 1;
        let member = response.patient().unwrap();
        assert_eq!(
            cer["insurance"][0]["inforce"],
            member.active_coverage().unwrap()
        );
        // The deductible: limit and what is met, as the 271 accessor reads them.
        let deductible = member.deductible(
            &medbill::x12::CoverageLevel::Individual,
            medbill::x12::Network::In,
        );
        if let Some(limit) = deductible.limit {
            let item = &cer["insurance"][0]["item"][0];
            assert!(has_code(
                &item["network"],
                "http://terminology.hl7.org/CodeSystem/benefit-network",
                "in"
            ));
            assert!(has_code(
                &item["unit"],
                "http://terminology.hl7.org/CodeSystem/benefit-unit",
                "individual"
            ));
            let benefit = &item["benefit"][0];
            assert!(has_code(
                &benefit["type"],
                "http://terminology.hl7.org/CodeSystem/benefit-type",
                "deductible"
            ));
            assert_eq!(money(&benefit["allowedMoney"]["value"]), limit.to_string());
            if let Some(met) = deductible.year_to_date {
                assert_eq!(money(&benefit["usedMoney"]["value"]), met.to_string());
            }
        }
    }
    assert!(complete > 0);
}

#[test]
fn an_estimate_becomes_a_pct_gfe_bundle() {
    for (name, self_pay) in [
        ("self-pay-gfe.json", true),
        ("knee-injection-ppo.json", false),
    ] {
        let request: EstimateRequest =
            medbill::from_json(&fixture(&format!("estimates/{name}"))).unwrap();
        let pfs = sample_pfs();
        let estimate = medbill::estimate(&request, Some(&pfs), created()).unwrap();
        let value = json(&fhir::gfe_bundle(&request, &estimate, created()).unwrap());
        assert_references_resolve(&value);
        assert_no_empty(&value, name);
        assert_eq!(
            value["meta"]["profile"][0],
            "http://hl7.org/fhir/us/davinci-pct/StructureDefinition/davinci-pct-gfe-bundle"
        );
        assert!(value["identifier"]["value"].is_string());
        assert!(value["timestamp"].is_string());
        let claims = entries(&value, "Claim");
        assert!(claims.len() >= 2, "{name}");
        // The summary comes first (pct-gfe-bundle-3), without items, provider data-absent.
        let summary = claims[0];
        assert_eq!(value["entry"][0]["resource"], *summary);
        assert!(has_code(
            &summary["type"],
            "http://hl7.org/fhir/us/davinci-pct/CodeSystem/PCTEstimateTypeSummaryCSTemporaryTrialUse",
            "estimate-summary"
        ));
        assert!(summary["item"].is_null());
        assert_eq!(
            summary["provider"]["extension"][0]["url"],
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
        );
        let expected_total = estimate
            .good_faith_estimate
            .as_ref()
            .map_or(estimate.total_charge, |g| g.total_expected_charges);
        assert_eq!(
            money(&summary["total"]["value"]),
            expected_total.to_string()
        );
        let mut sum = medbill::Money::ZERO;
        for gfe in &claims[1..] {
            assert_eq!(gfe["use"], "predetermination");
            assert!(has_code(
                &gfe["identifier"][0]["type"],
                "http://terminology.hl7.org/CodeSystem/v2-0203",
                "PLAC"
            ));
            for item in gfe["item"].as_array().unwrap() {
                assert!(
                    item["extension"][0]["url"]
                        .as_str()
                        .unwrap()
                        .ends_with("serviceDescription")
                );
                assert!(item["servicedDate"].is_string());
                assert!(!item["net"].is_null());
                assert!(!item["locationCodeableConcept"].is_null());
            }
            sum = sum
                .checked_add(money(&gfe["total"]["value"]).parse().unwrap())
                .unwrap();
        }
        assert_eq!(sum, expected_total);
        let coverage = entries(&value, "Coverage")[0];
        assert_eq!(
            has_code(
                &coverage["type"],
                "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "pay"
            ),
            self_pay
        );
    }
}

#[test]
fn the_decimal_of_a_fhir_amount_is_read_exactly() {
    let amount: model::FhirMoney =
        serde_json::from_str(r#"{"value": 0.10, "currency": "USD"}"#).unwrap();
    assert_eq!(amount.value.0.to_string(), "0.10");
    assert!(
        serde_json::from_str::<model::FhirMoney>(r#"{"value": "0.10", "currency": "USD"}"#)
            .is_err()
    );
    assert!(
        serde_json::from_str::<model::FhirMoney>(r#"{"value": 1e2, "currency": "USD"}"#).is_err()
    );
    assert!(
        serde_json::from_str::<model::FhirMoney>(r#"{"value": 1.00, "currency": "EUR"}"#).is_err()
    );
    let error: FhirError = fhir::claim_from_fhir("[").unwrap_err();
    assert_eq!(error.code(), "FHIR_SYNTAX");
}
