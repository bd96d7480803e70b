//! `Claim::validate` on the shared fixtures under `examples/data/claims/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use std::path::PathBuf;

use medbill::{Claim, ClaimForm, Finding, Severity};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/claims")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rules(findings: &[Finding]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect()
}

#[test]
fn clean_professional_claim_has_no_findings() {
    let claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    assert_eq!(claim.validate(), vec![]);
    assert_eq!(claim.line_count(), 2);
}

#[test]
fn clean_institutional_claim_has_no_findings() {
    let claim = Claim::from_json(&fixture("institutional-outpatient.json")).unwrap();
    assert_eq!(claim.validate(), vec![]);
    let ClaimForm::Institutional(form) = &claim.form else {
        panic!("institutional expected")
    };
    assert_eq!(form.type_of_bill(claim.frequency), "0131");
}

#[test]
fn broken_claim_reports_each_rule_at_its_path() {
    let claim = Claim::from_json(&fixture("professional-broken.json")).unwrap();
    let findings = claim.validate();
    assert_eq!(
        rules(&findings),
        vec![
            ("CLM-FREQ-ORIGINAL-REF", "/originalClaimNumber"),
            ("CLM-TOTAL-CHARGE", "/totalCharge"),
            (
                "LINE-POINTER-RANGE",
                "/form/professional/lines/0/diagnosisPointers/1"
            ),
            (
                "LINE-DATES-ORDER",
                "/form/professional/lines/1/serviceDateEnd"
            ),
            (
                "LINE-CONTROL-NUMBER-UNIQUE",
                "/form/professional/lines/1/lineItemControlNumber"
            ),
        ]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert!(
        findings[1].message.contains("245.00"),
        "{}",
        findings[1].message
    );
}

#[test]
fn json_round_trips_exactly() {
    for name in [
        "professional-clean.json",
        "professional-broken.json",
        "institutional-outpatient.json",
    ] {
        let claim = Claim::from_json(&fixture(name)).unwrap();
        let again = Claim::from_json(&serde_json::to_string(&claim).unwrap()).unwrap();
        assert_eq!(claim, again, "{name}");
    }
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let text = fixture("professional-clean.json").replacen(
        "\"frequency\"",
        "\"frequncy\": \"1\", \"frequency\"",
        1,
    );
    let err = Claim::from_json(&text).unwrap_err();
    assert!(err.message.contains("unknown field"), "{err}");
    let text = fixture("professional-clean.json").replacen(
        "\"sex\": \"female\"",
        "\"sex\": \"female\", \"ssn\": \"123\"",
        1,
    );
    let err = Claim::from_json(&text).unwrap_err();
    assert_eq!(err.path, "/subscriber/ssn");
}

#[test]
fn decode_errors_name_the_path_and_hide_patient_data() {
    let text = fixture("professional-clean.json").replacen("\"1958-04-12\"", "\"Jane Doe\"", 1);
    let err = Claim::from_json(&text).unwrap_err();
    assert_eq!(err.path, "/subscriber/birthDate");
    assert!(!err.to_string().contains("Jane"), "{err}");
    let text = fixture("professional-clean.json").replacen("\"99214\"", "\"9921\"", 1);
    let err = Claim::from_json(&text).unwrap_err();
    assert_eq!(err.path, "/form/professional/lines/0/procedure");
    assert!(err.message.contains("must be 5 characters"), "{err}");
}

#[test]
fn amounts_and_units_must_be_strings_not_floats() {
    let mut json: serde_json::Value =
        serde_json::from_str(&fixture("professional-clean.json")).unwrap();
    json["form"]["professional"]["lines"][0]["charge"] = serde_json::json!(180.0);
    assert_eq!(
        Claim::from_json(&json.to_string()).unwrap_err().path,
        "/form/professional/lines/0/charge"
    );
    json["form"]["professional"]["lines"][0]["charge"] = serde_json::json!("180.00");
    json["form"]["professional"]["lines"][0]["quantity"]["units"] = serde_json::json!(1.5);
    assert_eq!(
        Claim::from_json(&json.to_string()).unwrap_err().path,
        "/form/professional/lines/0/quantity/units"
    );
    json["form"]["professional"]["lines"][0]["quantity"]["units"] = serde_json::json!("1.5");
    assert!(Claim::from_json(&json.to_string()).is_ok());
}

#[test]
fn phi_never_shows_in_debug_output() {
    let claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let debug = format!("{claim:?}");
    for secret in ["Doe", "Jane", "XJH123456789", "1958", "Elm"] {
        assert!(!debug.contains(secret), "{secret} leaked into Debug");
    }
}

#[test]
fn replacement_and_void_need_the_original_claim_number() {
    let mut claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    for (code, expect_finding) in [("1", false), ("7", true), ("8", true)] {
        claim.frequency = code.parse().unwrap();
        let found = claim
            .validate()
            .iter()
            .any(|f| f.rule == "CLM-FREQ-ORIGINAL-REF");
        assert_eq!(found, expect_finding, "frequency {code}");
    }
    claim.original_claim_number = Some("2026112000123".to_owned());
    assert_eq!(claim.validate(), vec![]);
    claim.frequency = "2".parse().unwrap();
    assert!(
        claim
            .validate()
            .iter()
            .any(|f| f.rule == "CLM-FREQ-PROFESSIONAL")
    );
}

#[test]
fn related_causes_follow_clm11_and_dtp_439() {
    use medbill::claim::{RelatedCause as C, RelatedCauses};
    let base = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 18);
    let state = Some("IL".to_owned());
    for (causes, state, date, expected) in [
        (vec![C::AutoAccident], state.clone(), day, vec![]),
        (vec![C::Employment], None, None, vec![]),
        (vec![C::Employment, C::OtherAccident], None, day, vec![]),
        // An auto accident names its state and date.
        (
            vec![C::AutoAccident],
            None,
            day,
            vec![("CLM-ACCIDENT-STATE", "/relatedCauses/state")],
        ),
        (
            vec![C::AutoAccident],
            state.clone(),
            None,
            vec![("CLM-ACCIDENT-DATE", "/relatedCauses/accidentDate")],
        ),
        // Employment alone sends no accident date.
        (
            vec![C::Employment],
            None,
            day,
            vec![("CLM-ACCIDENT-DATE", "/relatedCauses/accidentDate")],
        ),
        (
            vec![],
            None,
            None,
            vec![("CLM-RELATED-CAUSES", "/relatedCauses/causes")],
        ),
        (
            vec![C::Employment, C::Employment],
            None,
            None,
            vec![("CLM-RELATED-CAUSES", "/relatedCauses/causes")],
        ),
        (
            vec![C::OtherAccident],
            Some("ZZ".to_owned()),
            day,
            vec![("CLM-STATE-CODE", "/relatedCauses/state")],
        ),
    ] {
        let mut claim = base.clone();
        claim.related_causes = Some(RelatedCauses {
            causes: causes.clone(),
            state,
            country: None,
            accident_date: date,
        });
        assert_eq!(rules(&claim.validate()), expected, "{causes:?}");
    }
    // The 837I has no CLM11.
    let mut institutional = Claim::from_json(&fixture("institutional-outpatient.json")).unwrap();
    institutional.related_causes = Some(RelatedCauses {
        causes: vec![C::Employment],
        state: None,
        country: None,
        accident_date: None,
    });
    assert_eq!(
        rules(&institutional.validate()),
        [("INST-RELATED-CAUSES", "/relatedCauses")]
    );
}

#[test]
fn pointer_and_count_limits() {
    let mut claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let ClaimForm::Professional(form) = &mut claim.form else {
        panic!()
    };
    form.lines[0].diagnosis_pointers = vec![1, 2, 1, 2, 2];
    form.lines[1].diagnosis_pointers = vec![];
    form.lines[1].modifiers = ["59", "XU", "LT", "RT", "76"]
        .iter()
        .map(|m| m.parse().unwrap())
        .collect();
    claim.diagnoses = (0..13)
        .map(|i| format!("Z{:02}", i + 10).parse().unwrap())
        .collect();
    let findings = claim.validate();
    let found = rules(&findings)
        .into_iter()
        .map(|(r, _)| r)
        .collect::<Vec<_>>();
    for rule in [
        "CLM-DX-COUNT",
        "LINE-POINTER-COUNT",
        "LINE-POINTER-DUPLICATE",
        "LINE-POINTER-REQUIRED",
        "LINE-MODIFIER-COUNT",
    ] {
        assert!(found.contains(&rule), "{rule} missing from {found:?}");
    }
}

#[test]
fn a_dependent_patient_without_an_address_cannot_be_sent() {
    let mut claim = Claim::from_json(&fixture("professional-clean.json")).unwrap();
    let subscriber_name = claim.subscriber.name.clone();
    claim.patient = Some(medbill::claim::Patient {
        relationship: "19".into(),
        name: subscriber_name,
        birth_date: medbill::Phi::new(chrono::NaiveDate::from_ymd_opt(2012, 3, 8).unwrap()),
        sex: medbill::claim::Sex::Female,
        address: None,
    });
    assert_eq!(
        rules(&claim.validate()),
        [("CLM-PATIENT-ADDRESS", "/patient/address")]
    );
}

fn errors(claim: &Claim) -> Vec<(String, String)> {
    claim
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.path))
        .collect()
}

fn professional_clean() -> Claim {
    Claim::from_json(&fixture("professional-clean.json")).unwrap()
}

fn institutional_clean() -> Claim {
    Claim::from_json(&fixture("institutional-outpatient.json")).unwrap()
}

fn lines(claim: &mut Claim) -> &mut Vec<medbill::claim::ProfessionalLine> {
    match &mut claim.form {
        ClaimForm::Professional(p) => &mut p.lines,
        ClaimForm::Institutional(_) => panic!("professional expected"),
    }
}

fn institutional(claim: &mut Claim) -> &mut medbill::claim::Institutional {
    match &mut claim.form {
        ClaimForm::Institutional(i) => i,
        ClaimForm::Professional(_) => panic!("institutional expected"),
    }
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn subscriber_name(claim: &mut Claim, change: impl FnOnce(&mut medbill::claim::PersonName)) {
    let mut name = claim.subscriber.name.expose().clone();
    change(&mut name);
    claim.subscriber.name = medbill::Phi::new(name);
}

fn subscriber_address(claim: &mut Claim, change: impl FnOnce(&mut medbill::claim::Address)) {
    let mut address = claim.subscriber.address.as_ref().unwrap().expose().clone();
    change(&mut address);
    claim.subscriber.address = Some(medbill::Phi::new(address));
}

fn dependent(relationship: &str) -> medbill::claim::Patient {
    let clean = professional_clean();
    medbill::claim::Patient {
        relationship: relationship.into(),
        name: clean.subscriber.name.clone(),
        birth_date: medbill::Phi::new(date(2012, 3, 8)),
        sex: medbill::claim::Sex::Female,
        address: clean.subscriber.address.clone(),
    }
}

type Change = fn(&mut Claim);
/// What a case does, and the errors (rule, path) it must give.
type Case = (
    &'static str,
    Change,
    &'static [(&'static str, &'static str)],
);

/// Changes to the clean professional claim and exactly the errors each must give: limits from
/// the X12 5010 data element dictionary (NM103 1-60, NM104 1-35, NM109 2-80, N301 1-55, N401
/// 2-30, REF02 1-50, CLM01 1-38, amounts R 1-18), the 837P guide (005010X222A1: 50 lines,
/// PAT01 and SBR02 code lists, SBR09 code list, 9-digit 2010AA and 2310C ZIP, street address
/// for 2010AA, DMG and N3/N4 of a subscriber who is the patient, SV104 at most 8 digits with
/// 3 decimals) and the X12 character set.
const PROFESSIONAL_CASES: [Case; 30] = [
    (
        "negative year",
        |c| lines(c)[0].service_date = date(-1, 11, 20),
        &[("CLM-DATE-YEAR", "/form/professional/lines/0/serviceDate")],
    ),
    (
        "year 10000",
        |c| c.dates.onset = Some(date(10_000, 1, 1)),
        &[("CLM-DATE-YEAR", "/dates/onset")],
    ),
    (
        "birth year 10000 (and after the service)",
        |c| c.subscriber.birth_date = Some(medbill::Phi::new(date(10_000, 1, 1))),
        &[("CLM-DATE-YEAR", "/subscriber/birthDate")],
    ),
    (
        "empty member id",
        |c| c.subscriber.member_id = medbill::Phi::new(String::new()),
        &[("CLM-VALUE-EMPTY", "/subscriber/memberId")],
    ),
    (
        "one-character member id",
        |c| c.subscriber.member_id = medbill::Phi::new("X".into()),
        &[("CLM-VALUE-LENGTH", "/subscriber/memberId")],
    ),
    (
        "blank last name",
        |c| subscriber_name(c, |n| n.last = "  ".into()),
        &[("CLM-VALUE-EMPTY", "/subscriber/name/last")],
    ),
    (
        "61-character last name",
        |c| subscriber_name(c, |n| n.last = "L".repeat(61)),
        &[("CLM-VALUE-LENGTH", "/subscriber/name/last")],
    ),
    (
        "36-character first name",
        |c| subscriber_name(c, |n| n.first = "F".repeat(36)),
        &[("CLM-VALUE-LENGTH", "/subscriber/name/first")],
    ),
    (
        "present but empty middle name",
        |c| subscriber_name(c, |n| n.middle = Some(String::new())),
        &[("CLM-VALUE-EMPTY", "/subscriber/name/middle")],
    ),
    (
        "accented letter",
        |c| subscriber_name(c, |n| n.last = "D\u{e9}".into()),
        &[("CLM-VALUE-CHARACTER", "/subscriber/name/last")],
    ),
    (
        "control character in CLM01",
        |c| c.patient_control_number = "ENC\u{7}1001".into(),
        &[("CLM-VALUE-CHARACTER", "/patientControlNumber")],
    ),
    (
        "negative units",
        |c| lines(c)[1].quantity = medbill::claim::Quantity::Units("-2".parse().unwrap()),
        &[(
            "LINE-UNITS-POSITIVE",
            "/form/professional/lines/1/quantity/units",
        )],
    ),
    (
        "9-digit units",
        |c| lines(c)[0].quantity = medbill::claim::Quantity::Units("123456789".parse().unwrap()),
        &[(
            "LINE-UNITS-FORMAT",
            "/form/professional/lines/0/quantity/units",
        )],
    ),
    (
        "4 decimals of units",
        |c| lines(c)[0].quantity = medbill::claim::Quantity::Units("1.0001".parse().unwrap()),
        &[(
            "LINE-UNITS-FORMAT",
            "/form/professional/lines/0/quantity/units",
        )],
    ),
    (
        "10 MB CLM01",
        |c| c.patient_control_number = "P".repeat(10 * 1024 * 1024),
        &[("CLM-PCN-LENGTH", "/patientControlNumber")],
    ),
    (
        "patient related as self (18)",
        |c| c.patient = Some(dependent("18")),
        &[("CLM-RELATIONSHIP-CODE", "/patient/relationship")],
    ),
    (
        "patient relationship not in the list",
        |c| c.patient = Some(dependent("03")),
        &[("CLM-RELATIONSHIP-CODE", "/patient/relationship")],
    ),
    (
        "claim filing indicator not in the list",
        |c| c.payer.claim_filing_indicator = "XX".into(),
        &[("CLM-FILING-INDICATOR", "/payer/claimFilingIndicator")],
    ),
    (
        "no lines",
        |c| {
            lines(c).clear();
            c.total_charge = "0".parse().unwrap();
        },
        &[("CLM-LINES-REQUIRED", "/form/professional/lines")],
    ),
    (
        "51 lines",
        |c| {
            let line = lines(c)[1].clone();
            *lines(c) = (0..51)
                .map(|n| medbill::claim::ProfessionalLine {
                    line_item_control_number: Some(format!("L{n}")),
                    ..line.clone()
                })
                .collect();
            c.total_charge = "3315.00".parse().unwrap();
        },
        &[("CLM-LINES-COUNT", "/form/professional/lines/50")],
    ),
    (
        "5-digit billing ZIP",
        |c| c.billing_provider.address.as_mut().unwrap().postal_code = "62701".into(),
        &[("CLM-ZIP-NINE-DIGITS", "/billingProvider/address/postalCode")],
    ),
    (
        "ZIP with a hyphen",
        |c| subscriber_address(c, |a| a.postal_code = "62704-1234".into()),
        &[("CLM-ZIP-FORMAT", "/subscriber/address/postalCode")],
    ),
    (
        "state not a US code",
        |c| c.billing_provider.address.as_mut().unwrap().state = "Il".into(),
        &[("CLM-STATE-CODE", "/billingProvider/address/state")],
    ),
    (
        "billing provider at a PO box",
        |c| c.billing_provider.address.as_mut().unwrap().lines = vec!["P.O. Box 12".into()],
        &[("CLM-BILLING-PO-BOX", "/billingProvider/address/lines/0")],
    ),
    (
        "three street lines",
        |c| {
            c.billing_provider.address.as_mut().unwrap().lines =
                vec!["1 A St".into(), "Fl 2".into(), "Ste 3".into()]
        },
        &[("CLM-ADDRESS-LINES", "/billingProvider/address/lines/2")],
    ),
    (
        "56-character street",
        |c| c.billing_provider.address.as_mut().unwrap().lines = vec!["S".repeat(56)],
        &[("CLM-VALUE-LENGTH", "/billingProvider/address/lines/0")],
    ),
    (
        "one-letter city",
        |c| c.billing_provider.address.as_mut().unwrap().city = "X".into(),
        &[("CLM-VALUE-LENGTH", "/billingProvider/address/city")],
    ),
    (
        "subscriber who is the patient without birth date",
        |c| c.subscriber.birth_date = None,
        &[("CLM-SUBSCRIBER-DEMOGRAPHICS", "/subscriber/birthDate")],
    ),
    (
        "subscriber who is the patient without address",
        |c| c.subscriber.address = None,
        &[("CLM-SUBSCRIBER-ADDRESS", "/subscriber/address")],
    ),
    (
        "19-digit charge",
        |c| {
            lines(c)[0].charge = "12345678901234567.89".parse().unwrap();
            c.total_charge = "12345678901234632.89".parse().unwrap();
        },
        &[
            ("CLM-AMOUNT-DIGITS", "/totalCharge"),
            ("CLM-AMOUNT-DIGITS", "/form/professional/lines/0/charge"),
        ],
    ),
];

#[test]
fn what_the_837p_cannot_carry_is_an_error_at_its_path() {
    for (what, change, expected) in PROFESSIONAL_CASES {
        let mut claim = professional_clean();
        change(&mut claim);
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(errors(&claim), expected, "{what}");
    }
}

#[test]
fn what_the_837p_can_carry_at_its_limits_is_no_error() {
    type Valid = fn(&mut Claim);
    let cases: [(&str, Valid); 10] = [
        ("year 9999", |c| c.dates.onset = Some(date(9999, 12, 31))),
        ("no first name", |c| {
            subscriber_name(c, |n| n.first = String::new())
        }),
        ("60-character last name", |c| {
            subscriber_name(c, |n| n.last = "L".repeat(60))
        }),
        ("2-character member id", |c| {
            c.subscriber.member_id = medbill::Phi::new("XY".into())
        }),
        ("ZIP+4 anywhere", |c| {
            subscriber_address(c, |a| a.postal_code = "627041234".into())
        }),
        ("military post office", |c| {
            subscriber_address(c, |a| a.state = "AP".into())
        }),
        ("8 digits of units, 3 after the point", |c| {
            lines(c)[0].quantity = medbill::claim::Quantity::Units("12345.678".parse().unwrap())
        }),
        ("dependent related as child", |c| {
            c.patient = Some(dependent("19"))
        }),
        ("dependent related as life partner (53)", |c| {
            c.patient = Some(dependent("53"))
        }),
        (
            "a dependent's subscriber without birth date, sex or address",
            |c| {
                c.patient = Some(dependent("G8"));
                c.subscriber.birth_date = None;
                c.subscriber.sex = None;
                c.subscriber.address = None;
            },
        ),
    ];
    for (what, change) in cases {
        let mut claim = professional_clean();
        change(&mut claim);
        assert_eq!(errors(&claim), vec![], "{what}");
    }
}

/// The 837I guide (005010X223A2): 999 lines, an organization with an EIN as billing provider,
/// no professional claim dates, CL101 priority codes, two HI segments of 12 NUBC condition,
/// occurrence and value codes each, and modifiers only with a procedure (SV202).
const INSTITUTIONAL_CASES: [Case; 9] = [
    (
        "1000 lines",
        |c| {
            let line = institutional(c).lines[0].clone();
            institutional(c).lines = (0..1000)
                .map(|n| medbill::claim::InstitutionalLine {
                    line_item_control_number: Some(format!("H{n}")),
                    ..line.clone()
                })
                .collect();
            c.total_charge = "950000.00".parse().unwrap();
        },
        &[("CLM-LINES-COUNT", "/form/institutional/lines/999")],
    ),
    (
        "billing provider a person",
        |c| {
            c.billing_provider.name =
                medbill::claim::PartyName::Person(medbill::claim::PersonName {
                    last: "Okafor".into(),
                    first: "Ada".into(),
                    middle: None,
                    suffix: None,
                })
        },
        &[("INST-BILLING-ORGANIZATION", "/billingProvider/name")],
    ),
    (
        "billing provider by SSN",
        |c| {
            c.billing_provider.tax_id = Some(medbill::claim::TaxId::Ssn(medbill::Phi::new(
                "123456789".into(),
            )))
        },
        &[("INST-BILLING-EIN", "/billingProvider/taxId")],
    ),
    (
        "an onset date",
        |c| c.dates.onset = Some(date(2026, 11, 1)),
        &[("INST-DATES-PROFESSIONAL", "/dates/onset")],
    ),
    (
        "admission type 7",
        |c| {
            institutional(c).admission = Some(medbill::claim::Admission {
                date: Some(date(2026, 11, 18)),
                hour: None,
                type_code: "7".into(),
                source_code: Some("1".into()),
            })
        },
        &[(
            "INST-ADMISSION-TYPE",
            "/form/institutional/admission/typeCode",
        )],
    ),
    (
        "one-digit condition code",
        |c| institutional(c).condition_codes = vec!["4".into()],
        &[("INST-CODE-FORMAT", "/form/institutional/conditionCodes/0")],
    ),
    (
        "25 value codes",
        |c| {
            institutional(c).value_codes = (0..25)
                .map(|n| medbill::claim::ValueCode {
                    code: format!("{}", n + 10),
                    amount: "1.00".parse().unwrap(),
                })
                .collect()
        },
        &[("INST-CODE-COUNT", "/form/institutional/valueCodes/24")],
    ),
    (
        "modifier without procedure",
        |c| institutional(c).lines[1].procedure = None,
        &[(
            "INST-LINE-MODIFIERS",
            "/form/institutional/lines/1/modifiers",
        )],
    ),
    (
        "5-digit service facility ZIP",
        |c| {
            c.service_facility = Some(medbill::claim::ServiceFacility {
                npi: None,
                name: "Annex".into(),
                address: medbill::claim::Address {
                    lines: vec!["5 Oak St".into()],
                    city: "Springfield".into(),
                    state: "IL".into(),
                    postal_code: "62704".into(),
                },
                secondary_ids: Vec::new(),
            })
        },
        &[("CLM-ZIP-NINE-DIGITS", "/serviceFacility/address/postalCode")],
    ),
];

#[test]
fn what_the_837i_cannot_carry_is_an_error_at_its_path() {
    for (what, change, expected) in INSTITUTIONAL_CASES {
        let mut claim = institutional_clean();
        change(&mut claim);
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(errors(&claim), expected, "{what}");
    }
}

/// Other payers (837 loops 2320, 2330A/B, 2430): SBR02 code list, at most 10 payers, five
/// CAS segments, lines that exist, the procedure on an 837P line adjudication.
#[test]
fn what_the_other_payer_loops_cannot_carry_is_an_error_at_its_path() {
    let clean = professional_clean();
    let mut other = medbill::claim::OtherPayer::new(
        clean.payer.clone(),
        medbill::claim::PayerResponsibility::Primary,
        "18",
        clean.subscriber.name.clone(),
        clean.subscriber.member_id.clone(),
    );
    other.claim_control_number = Some("CCN1".into());
    other.paid = Some("0.00".parse().unwrap());
    other.lines = vec![medbill::claim::LineAdjudication {
        line: 0,
        paid: "100.00".parse().unwrap(),
        procedure: Some("99214".parse().unwrap()),
        modifiers: Vec::new(),
        revenue_code: None,
        units: rust_decimal::Decimal::ONE,
        adjustments: Vec::new(),
        adjudication_date: date(2026, 12, 1),
        remaining_patient_liability: None,
    }];
    let mut claim = clean.clone();
    claim.other_payers = vec![other.clone()];
    assert_eq!(errors(&claim), vec![]);
    let adjustment = |group: &str| medbill::claim::ClaimAdjustment {
        group: group.parse().unwrap(),
        reason: "45".parse().unwrap(),
        amount: "1.00".parse().unwrap(),
        quantity: None,
    };
    type OtherChange = fn(&mut medbill::claim::OtherPayer, &medbill::claim::ClaimAdjustment);
    type OtherCase = (
        &'static str,
        OtherChange,
        &'static [(&'static str, &'static str)],
    );
    let cases: [OtherCase; 6] = [
        (
            "relationship 99",
            |o, _| o.relationship = "99".into(),
            &[("CLM-RELATIONSHIP-CODE", "/otherPayers/0/relationship")],
        ),
        (
            "a line the claim does not have",
            |o, _| o.lines[0].line = 2,
            &[("COB-LINE-UNKNOWN", "/otherPayers/0/lines/0/line")],
        ),
        (
            "no procedure on an 837P line",
            |o, _| o.lines[0].procedure = None,
            &[("COB-LINE-PROCEDURE", "/otherPayers/0/lines/0/procedure")],
        ),
        (
            "a revenue code on an 837P line",
            |o, _| o.lines[0].revenue_code = Some("0450".parse().unwrap()),
            &[("COB-LINE-REVENUE", "/otherPayers/0/lines/0/revenueCode")],
        ),
        // CO, PR, CO, PR, CO, PR: six runs of one group each, six CAS segments.
        (
            "six CAS segments",
            |o, a| {
                let mut pr = *a;
                pr.group = "PR".parse().unwrap();
                o.adjustments = vec![*a, pr, *a, pr, *a, pr];
            },
            &[("COB-CAS-COUNT", "/otherPayers/0/adjustments")],
        ),
        (
            "a fraction of a cent paid",
            |o, _| o.paid = Some("0.001".parse().unwrap()),
            &[("CLM-AMOUNT-CENTS", "/otherPayers/0/paid")],
        ),
    ];
    for (what, change, expected) in cases {
        let mut claim = clean.clone();
        let mut changed = other.clone();
        change(&mut changed, &adjustment("CO"));
        claim.other_payers = vec![changed];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(errors(&claim), expected, "{what}");
    }
    // Twelve adjustments of one group are two CAS segments of six: allowed.
    let mut claim = clean.clone();
    let mut twelve = other.clone();
    twelve.adjustments = vec![adjustment("CO"); 12];
    claim.other_payers = vec![twelve];
    assert_eq!(errors(&claim), vec![]);
    // Eleven other payers: loop 2320 repeats at most ten times.
    claim.other_payers = vec![other; 11];
    assert_eq!(
        errors(&claim),
        vec![("COB-PAYER-COUNT".to_owned(), "/otherPayers/10".to_owned())]
    );
}

/// Finding messages name the element and what it takes, never the value found.
#[test]
fn element_findings_never_quote_the_value() {
    let mut claim = professional_clean();
    claim.subscriber.member_id = medbill::Phi::new("SECRET\u{e9}ID".into());
    subscriber_name(&mut claim, |n| n.last = "Q".repeat(61));
    subscriber_address(&mut claim, |a| {
        a.postal_code = "ZIPSECRET".into();
        a.state = "Zq".into();
    });
    let findings = claim.validate();
    assert_eq!(findings.len(), 4, "{findings:#?}");
    for finding in findings {
        for secret in ["SECRET", "QQQQ", "ZIPSECRET", "Zq", "Doe", "Jane"] {
            assert!(!finding.message.contains(secret), "{finding:?}");
        }
    }
}

/// A standard delimiter in a name is not an error (another delimiter set carries it) but a
/// warning: with `* : ^ ~` the writer refuses it.
#[test]
fn a_standard_delimiter_is_a_warning() {
    let mut claim = professional_clean();
    claim.payer.name = "Medicare*Part B".into();
    let findings = claim.validate();
    assert_eq!(
        rules(&findings),
        vec![("CLM-VALUE-DELIMITER", "/payer/name")]
    );
    assert_eq!(findings[0].severity, Severity::Warning);
}

// ---- issue #11: the guides' situational rules, each from its guide note ----

/// Every finding, errors and warnings, as (severity, rule, path).
fn all_findings(claim: &Claim) -> Vec<(&'static str, String, String)> {
    claim
        .validate()
        .into_iter()
        .map(|f| (f.severity.as_str(), f.rule, f.path))
        .collect()
}

fn example(name: &str) -> Claim {
    let claim = Claim::from_json(&fixture(name)).unwrap();
    assert_eq!(all_findings(&claim), vec![], "{name} is clean");
    claim
}

fn ambulance(claim: &mut Claim) -> &mut medbill::claim::Ambulance {
    match &mut claim.form {
        ClaimForm::Professional(p) => p.ambulance.as_mut().unwrap(),
        ClaimForm::Institutional(_) => panic!("professional expected"),
    }
}

fn professional(claim: &mut Claim) -> &mut medbill::claim::Professional {
    match &mut claim.form {
        ClaimForm::Professional(p) => p,
        ClaimForm::Institutional(_) => panic!("professional expected"),
    }
}

/// (what, fixture, change, expected findings as (severity, rule, path)).
type Situational = (
    &'static str,
    &'static str,
    fn(&mut Claim),
    &'static [(&'static str, &'static str, &'static str)],
);

const SITUATIONAL_CASES: [Situational; 34] = [
    // 837P 2300 REF*X4: "Required for all CLIA certified facilities performing CLIA covered
    // laboratory services." 83036 (HbA1c) is in CPT's Pathology and Laboratory section.
    (
        "a lab line without a CLIA number",
        "professional-clean.json",
        |c| professional(c).clia_number = None,
        &[(
            "error",
            "CLM-CLIA-REQUIRED",
            "/form/professional/lines/1/cliaNumber",
        )],
    ),
    (
        "the lab line's own CLIA number (2400 REF*X4) is enough",
        "professional-clean.json",
        |c| {
            let p = professional(c);
            p.clia_number = None;
            p.lines[1].clia_number = Some("14D0123987".into());
        },
        &[],
    ),
    (
        "a CLIA-waived test (modifier QW) needs one too",
        "professional-clean.json",
        |c| {
            let p = professional(c);
            p.clia_number = None;
            p.lines.truncate(1);
            p.lines[0].modifiers = vec!["QW".parse().unwrap()];
            c.total_charge = "180.00".parse().unwrap();
        },
        &[(
            "error",
            "CLM-CLIA-REQUIRED",
            "/form/professional/lines/0/cliaNumber",
        )],
    ),
    (
        // A CLIA number is 10 characters: 2 digits, D, 7 digits.
        "a CLIA number with an X in third place",
        "professional-clean.json",
        |c| professional(c).clia_number = Some("14X0987654".into()),
        &[("error", "CLM-CLIA-FORMAT", "/form/professional/cliaNumber")],
    ),
    (
        "a CLIA number one digit short, on a line",
        "professional-lab-clia.json",
        |c| professional(c).lines[3].clia_number = Some("14D012398".into()),
        &[(
            "error",
            "CLM-CLIA-FORMAT",
            "/form/professional/lines/3/cliaNumber",
        )],
    ),
    // 837P 2300 CR1: "Required on all claims involving ambulance transport services."
    (
        "ambulance services without the transport (CR1)",
        "professional-ambulance.json",
        |c| ambulance(c).transport = None,
        &[
            (
                "error",
                "AMB-TRANSPORT",
                "/form/professional/lines/0/ambulance/transport",
            ),
            (
                "error",
                "AMB-TRANSPORT",
                "/form/professional/lines/1/ambulance/transport",
            ),
        ],
    ),
    (
        "the transport on one line only",
        "professional-ambulance.json",
        |c| {
            let transport = ambulance(c).transport.take();
            professional(c).lines[0].ambulance = Some(medbill::claim::Ambulance {
                transport,
                ..medbill::claim::Ambulance::default()
            });
        },
        &[(
            "error",
            "AMB-TRANSPORT",
            "/form/professional/lines/1/ambulance/transport",
        )],
    ),
    // 2310E and 2310F: "Required when billing for ambulance or non-emergency transportation
    // services."
    (
        "ambulance services without the pick-up location",
        "professional-ambulance.json",
        |c| ambulance(c).pick_up = None,
        &[
            (
                "error",
                "AMB-PICK-UP",
                "/form/professional/lines/0/ambulance/pickUp",
            ),
            (
                "error",
                "AMB-PICK-UP",
                "/form/professional/lines/1/ambulance/pickUp",
            ),
        ],
    ),
    (
        "a non-emergency transport (A0100, a taxi) needs its places, not CR1",
        "professional-ambulance.json",
        |c| {
            professional(c).ambulance = None;
            let line = &mut professional(c).lines[1];
            line.procedure = "A0100".parse().unwrap();
            line.modifiers.clear();
            line.emergency = false;
            professional(c).lines.remove(0);
            c.total_charge = "201.60".parse().unwrap();
        },
        &[
            (
                "error",
                "AMB-PICK-UP",
                "/form/professional/lines/0/ambulance/pickUp",
            ),
            (
                "error",
                "AMB-DROP-OFF",
                "/form/professional/lines/0/ambulance/dropOff",
            ),
        ],
    ),
    (
        // Unsure of the exact note for CRC*07: a warning, not an error.
        "ambulance services without the certification of the patient's condition",
        "professional-ambulance.json",
        |c| ambulance(c).certifications.clear(),
        &[
            (
                "warning",
                "AMB-CERTIFICATION",
                "/form/professional/lines/0/ambulance/certifications",
            ),
            (
                "warning",
                "AMB-CERTIFICATION",
                "/form/professional/lines/1/ambulance/certifications",
            ),
        ],
    ),
    (
        // QTY*PT is a 2400 segment; CRC03-CRC07 name one to five different conditions.
        "a patient count on the claim and a repeated condition",
        "professional-ambulance.json",
        |c| {
            let a = ambulance(c);
            a.patient_count = Some(2);
            a.certifications[0]
                .conditions
                .push(medbill::claim::AmbulanceCondition::Emergency);
        },
        &[
            (
                "error",
                "AMB-CONDITIONS",
                "/form/professional/ambulance/certifications/0/conditions",
            ),
            (
                "error",
                "AMB-PATIENT-COUNT",
                "/form/professional/ambulance/patientCount",
            ),
        ],
    ),
    (
        "an empty ambulance object on a line",
        "professional-ambulance.json",
        |c| professional(c).lines[0].ambulance = Some(medbill::claim::Ambulance::default()),
        &[("error", "AMB-EMPTY", "/form/professional/lines/0/ambulance")],
    ),
    // 837I DTP*435: "Required on inpatient claims"; HI*ABJ: "Required on inpatient admission
    // claims". Inpatient: type of bill 11x, 18x, 21x, 41x.
    (
        "an inpatient claim without an admitting diagnosis",
        "institutional-inpatient.json",
        |c| institutional(c).admitting_diagnosis = None,
        &[(
            "error",
            "INST-ADMITTING-DX",
            "/form/institutional/admittingDiagnosis",
        )],
    ),
    (
        "an inpatient claim without its admission date (the hour has nothing to go with)",
        "institutional-inpatient.json",
        |c| institutional(c).admission.as_mut().unwrap().date = None,
        &[
            (
                "error",
                "INST-ADMISSION-REQUIRED",
                "/form/institutional/admission/date",
            ),
            (
                "error",
                "INST-ADMISSION-HOUR",
                "/form/institutional/admission/hour",
            ),
        ],
    ),
    (
        // 837I HI*BBR/BBQ: C022-3 (D8) and C022-4 (the date) are required.
        "a principal procedure without its date",
        "institutional-inpatient.json",
        |c| institutional(c).procedures[0].date = None,
        &[(
            "error",
            "INST-PROCEDURE-DATE",
            "/form/institutional/procedures/0/date",
        )],
    ),
    (
        "another procedure without its date",
        "institutional-inpatient.json",
        |c| institutional(c).procedures[2].date = None,
        &[(
            "error",
            "INST-PROCEDURE-DATE",
            "/form/institutional/procedures/2/date",
        )],
    ),
    (
        // HI C022-9 belongs to each diagnosis: one indicator per diagnosis or none.
        "three indicators for four diagnoses",
        "institutional-inpatient.json",
        |c| {
            institutional(c).present_on_admission.pop();
        },
        &[(
            "error",
            "INST-POA-COUNT",
            "/form/institutional/presentOnAdmission",
        )],
    ),
    (
        "indicators that are all exempt",
        "institutional-inpatient.json",
        |c| institutional(c).present_on_admission = vec![None; 4],
        &[(
            "error",
            "INST-POA-EMPTY",
            "/form/institutional/presentOnAdmission",
        )],
    ),
    (
        // ICD-10-CM chapter 20, external causes of morbidity, runs V00-Y99.
        "an external cause that is not a V-Y code",
        "institutional-inpatient.json",
        |c| {
            institutional(c).external_causes = vec![medbill::claim::ExternalCause {
                code: "S52.501A".parse().unwrap(),
                present_on_admission: None,
            }]
        },
        &[(
            "error",
            "INST-EXTERNAL-CAUSE-CODE",
            "/form/institutional/externalCauses/0/code",
        )],
    ),
    (
        // Unsure whether the guide forbids PCS codes on outpatient bills: a warning.
        "PCS procedures on an outpatient bill",
        "institutional-outpatient.json",
        |c| {
            institutional(c).procedures = vec![medbill::claim::PcsProcedure {
                code: "0DTJ4ZZ".parse().unwrap(),
                date: Some(date(2026, 11, 18)),
            }]
        },
        &[(
            "warning",
            "INST-PROCEDURE-OUTPATIENT",
            "/form/institutional/procedures",
        )],
    ),
    (
        "an outpatient visit's type and source without an admission date",
        "institutional-outpatient.json",
        |c| {
            institutional(c).admission = Some(medbill::claim::Admission {
                date: None,
                hour: None,
                type_code: "1".into(),
                source_code: Some("1".into()),
            })
        },
        &[],
    ),
    // 837P 2000B SBR05: "Required when the destination payer (Loop ID-2010BB) is Medicare and
    // Medicare is not the primary payer. If not required by this implementation guide, do
    // not send."
    (
        "Medicare billed as secondary without the insurance type",
        "professional-clean.json",
        |c| c.subscriber.payer_responsibility = medbill::claim::PayerResponsibility::Secondary,
        &[(
            "error",
            "CLM-INSURANCE-TYPE-REQUIRED",
            "/subscriber/insuranceType",
        )],
    ),
    (
        "Medicare billed as secondary, working aged",
        "professional-clean.json",
        |c| {
            c.subscriber.payer_responsibility = medbill::claim::PayerResponsibility::Secondary;
            c.subscriber.insurance_type = Some(medbill::claim::InsuranceType::WorkingAged);
        },
        &[],
    ),
    (
        "an insurance type for a primary payer",
        "professional-clean.json",
        |c| c.subscriber.insurance_type = Some(medbill::claim::InsuranceType::NoFault),
        &[(
            "error",
            "CLM-INSURANCE-TYPE-UNUSED",
            "/subscriber/insuranceType",
        )],
    ),
    (
        "an insurance type on an 837I",
        "institutional-inpatient.json",
        |c| c.subscriber.insurance_type = Some(medbill::claim::InsuranceType::WorkingAged),
        &[("error", "INST-INSURANCE-TYPE", "/subscriber/insuranceType")],
    ),
    // NTE: the 837P claim takes one note (ADD, CER, DCP, DGN, TPO); the 837I ten, of its own
    // kinds, its billing note (ADD) apart.
    (
        "two notes on a professional claim",
        "professional-accident.json",
        |c| {
            let note = c.notes[0].clone();
            c.notes.push(note);
        },
        &[("error", "CLM-NOTE-COUNT", "/notes/1")],
    ),
    (
        "an ADD note among the 837I claim notes",
        "institutional-inpatient.json",
        |c| {
            c.notes = vec![medbill::claim::ClaimNote {
                kind: medbill::claim::NoteKind::AdditionalInformation,
                text: "SEE BILLING NOTE".into(),
            }]
        },
        &[("error", "CLM-NOTE-KIND", "/notes/0/kind")],
    ),
    // PWK06: "Required when PWK02 = BM, EL, EM, FX or FT" (sent rather than kept on request).
    (
        "a faxed attachment without its control number, and an unknown report type",
        "professional-accident.json",
        |c| {
            c.attachments[0].control_number = None;
            c.attachments.push(medbill::claim::Attachment {
                report_type: "Q9".into(),
                transmission: medbill::claim::AttachmentTransmission::AvailableOnRequest,
                control_number: None,
            });
        },
        &[
            ("error", "CLM-ATTACHMENT-TYPE", "/attachments/1/reportType"),
            (
                "error",
                "CLM-ATTACHMENT-CONTROL-NUMBER",
                "/attachments/0/controlNumber",
            ),
        ],
    ),
    // 2010AB: "Required when the address for payment is different than that of the Billing
    // Provider."
    (
        "a pay-to address that is the billing provider's",
        "professional-dme.json",
        |c| {
            c.pay_to_provider.as_mut().unwrap().address =
                c.billing_provider.address.clone().unwrap()
        },
        &[("warning", "CLM-PAY-TO-SAME", "/payToProvider/address")],
    ),
    (
        // 837I 2010AB NM102 takes 2 only.
        "a person's pay-to address on an 837I",
        "institutional-inpatient.json",
        |c| c.pay_to_provider.as_mut().unwrap().entity_type = medbill::claim::EntityType::Person,
        &[("error", "INST-PAY-TO-PERSON", "/payToProvider/entityType")],
    ),
    // REF*0B/1G/G2/LU: 2310A takes 0B, 1G, G2; the 837I 2010AA takes none; the billing
    // provider's 2010AA numbers are written (and read) before its 2010BB ones.
    (
        "a location number for the referring provider",
        "professional-lab-clia.json",
        |c| {
            c.referring_provider.as_mut().unwrap().secondary_ids[0].kind =
                medbill::claim::ProviderIdKind::LocationNumber
        },
        &[(
            "error",
            "CLM-SECONDARY-ID-KIND",
            "/referringProvider/secondaryIds/0/kind",
        )],
    ),
    (
        "the billing provider's payer-assigned number before its license",
        "professional-lab-clia.json",
        |c| {
            c.billing_provider.secondary_ids.insert(
                0,
                medbill::claim::ProviderSecondaryId {
                    kind: medbill::claim::ProviderIdKind::CommercialNumber,
                    id: "G2-55".into(),
                },
            )
        },
        &[(
            "error",
            "CLM-SECONDARY-ID-ORDER",
            "/billingProvider/secondaryIds/1",
        )],
    ),
    // PER: an extension follows its telephone; numbers other than e-mail are digits.
    (
        "an extension first, and a telephone with hyphens",
        "professional-lab-clia.json",
        |c| {
            let numbers = &mut c.billing_provider.contacts[0].numbers;
            numbers.swap(0, 1);
            numbers[1].number = "217-555-0100".into();
        },
        &[
            (
                "error",
                "CLM-CONTACT-DIGITS",
                "/billingProvider/contacts/0/numbers/1/number",
            ),
            (
                "error",
                "CLM-CONTACT-EXTENSION",
                "/billingProvider/contacts/0/numbers/0/kind",
            ),
        ],
    ),
    // MIA is 837I only; the 837I does not use MIA02.
    (
        "the 835's MIA02 passed on to an 837I",
        "institutional-inpatient-secondary.json",
        |c| {
            c.other_payers[0]
                .inpatient_adjudication
                .as_mut()
                .unwrap()
                .pps_operating_outlier = Some("10.00".parse().unwrap())
        },
        &[(
            "error",
            "COB-MIA02",
            "/otherPayers/0/inpatientAdjudication/ppsOperatingOutlier",
        )],
    ),
];

#[test]
fn the_guides_situational_rules_are_findings_at_their_paths() {
    for (what, fixture_name, change, expected) in SITUATIONAL_CASES {
        let mut claim = example(fixture_name);
        change(&mut claim);
        let mut found = all_findings(&claim);
        found.sort();
        let mut expected: Vec<(&str, String, String)> = expected
            .iter()
            .map(|(s, r, p)| (*s, (*r).to_owned(), (*p).to_owned()))
            .collect();
        expected.sort();
        assert_eq!(found, expected, "{what}");
    }
}

/// What the other DME, chiropractic and adjudication rules say.
#[test]
fn dme_chiropractic_and_adjudication_rules() {
    // CR303: certified for at least a month. DTP*607 with a renewal (R) or revision (S): as
    // remembered from the guide, so a warning.
    let mut claim = example("professional-dme.json");
    let dme = professional(&mut claim).lines[0]
        .durable_medical_equipment
        .as_mut()
        .unwrap();
    dme.certification = Some(medbill::claim::DmeCertification {
        kind: medbill::claim::CertificationType::Renewal,
        months: 0,
    });
    let mut found = all_findings(&claim);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "error",
                "DME-MONTHS".to_owned(),
                "/form/professional/lines/0/durableMedicalEquipment/certification/months"
                    .to_owned()
            ),
            (
                "warning",
                "DME-REVISION-DATE".to_owned(),
                "/form/professional/lines/0/durableMedicalEquipment/certificationRevision"
                    .to_owned()
            ),
        ]
    );
    // CR208 A (acute) without the acute manifestation date (DTP*453): a warning (the note's
    // payer condition is not certain).
    let mut claim = example("professional-accident.json");
    claim.dates.acute_manifestation = None;
    assert_eq!(
        all_findings(&claim),
        [(
            "warning",
            "CHIRO-ACUTE-MANIFESTATION".to_owned(),
            "/dates/acuteManifestation".to_owned()
        )]
    );
    // MIA is an 837I segment; an MOA that says nothing is left out.
    let mut claim = example("professional-clean.json");
    let mut other = medbill::claim::OtherPayer::new(
        claim.payer.clone(),
        medbill::claim::PayerResponsibility::Primary,
        "18",
        claim.subscriber.name.clone(),
        claim.subscriber.member_id.clone(),
    );
    other.inpatient_adjudication = example("institutional-inpatient-secondary.json").other_payers
        [0]
    .inpatient_adjudication
    .clone();
    other.outpatient_adjudication = Some(medbill::claim::OutpatientAdjudication::default());
    claim.other_payers = vec![other];
    let mut found = errors(&claim);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "COB-MIA-PROFESSIONAL".to_owned(),
                "/otherPayers/0/inpatientAdjudication".to_owned()
            ),
            (
                "COB-MOA-EMPTY".to_owned(),
                "/otherPayers/0/outpatientAdjudication".to_owned()
            ),
        ]
    );
}

/// A prepared claim names the practice's laboratory (REF*X4) when it has laboratory lines.
#[test]
fn a_prepared_claim_carries_the_practices_clia_number_for_lab_lines() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let practice: medbill::claim::Practice =
        medbill::from_json(&std::fs::read_to_string(data.join("practice.json")).unwrap()).unwrap();
    let encounter: medbill::claim::Encounter = medbill::from_json(
        &std::fs::read_to_string(data.join("encounters/enc-office-visit.json")).unwrap(),
    )
    .unwrap();
    let claim = medbill::prepare_claim(&encounter, &practice).unwrap();
    let ClaimForm::Professional(p) = &claim.form else {
        panic!("professional expected")
    };
    assert!(p.lines.iter().any(|l| l.procedure.is_laboratory()));
    assert_eq!(p.clia_number.as_deref(), Some("14D0987654"));
    assert_eq!(errors(&claim), vec![]);
    let mut no_lab = encounter.clone();
    no_lab.services.retain(|s| !s.procedure.is_laboratory());
    let claim = medbill::prepare_claim(&no_lab, &practice).unwrap();
    let ClaimForm::Professional(p) = &claim.form else {
        panic!("professional expected")
    };
    assert_eq!(p.clia_number, None);
}
