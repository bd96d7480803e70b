//! The printed forms read back: every example claim printed on its form (CMS-1500 or UB-04),
//! whole and data only, then read with poppler's `pdftotext -bbox` (words with positions):
//! each value the layout places is found at its box, and the main boxes hold what the
//! claim's JSON says (worked out here from the JSON, not by the printer's table).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::print_stderr,
    reason = "tests fail loudly"
)]

#[path = "../../core/tests/forms_support/mod.rs"]
mod forms_support;

use std::path::PathBuf;

use forms_support::{pdf_pages, text_at};
use medbill::Claim;
use medbill::claim::print::{Form, Mode, PageLayout, PrintError, PrintOptions, layout};
use medbill_print::{print, rect};
use serde_json::Value;

fn claims_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/claims")
}

/// The example claims that are claims (the canaries and `malformed` are not), by name.
fn example_claims() -> Vec<(String, Value, Claim)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(claims_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(claim) = Claim::from_json(&text) else {
            continue;
        };
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((name, serde_json::from_str(&text).unwrap(), claim));
    }
    out
}

fn form_of(json: &Value) -> Form {
    if json["form"].get("institutional").is_some() {
        Form::Ub04
    } else {
        Form::Cms1500
    }
}

fn options(mode: Mode) -> PrintOptions {
    PrintOptions {
        mode,
        allow_invalid: false,
        creation_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
    }
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/forms-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `LAST, FIRST, M` from a JSON person name.
fn name(person: &Value) -> String {
    let mut text = format!(
        "{}, {}",
        person["last"].as_str().unwrap(),
        person["first"].as_str().unwrap()
    );
    if let Some(middle) = person["middle"].as_str() {
        text.push_str(", ");
        text.push_str(&middle[..1]);
    }
    text.to_uppercase()
}

/// `MM DD YYYY` / `MM DD YY` / `MMDDYY` from `YYYY-MM-DD`.
fn date(iso: &str, separator: &str, long_year: bool) -> String {
    let (y, m, d) = (&iso[0..4], &iso[5..7], &iso[8..10]);
    let y = if long_year { y } else { &y[2..] };
    format!("{m}{separator}{d}{separator}{y}")
}

/// `1051.6` as `1051 60`.
fn amount(text: &str) -> String {
    let (dollars, cents) = text.split_once('.').unwrap_or((text, ""));
    format!("{dollars} {:0<2}", cents)
}

/// `MMDDYY` (UB-04) of a JSON date.
fn ub_date(iso: &str) -> String {
    date(iso, "", false)
}

/// A diagnosis as the forms print it: no decimal point.
fn dx(code: &Value) -> String {
    code.as_str().unwrap().replace('.', "")
}

/// A provider's name as box 17 prints it (`LAST, FIRST` or the organization's name).
fn party(name: &Value) -> String {
    match name["entity"].as_str() {
        Some("organization") => name["name"].as_str().unwrap().to_uppercase(),
        _ => self::name(name),
    }
}

/// PWK02 of an attachment's transmission (the X12 code list, not the printer's table).
fn transmission(json: &str) -> &'static str {
    match json {
        "availableOnRequest" => "AA",
        "byMail" => "BM",
        "electronic" => "EL",
        "email" => "EM",
        "fileTransfer" => "FT",
        "fax" => "FX",
        other => panic!("transmission {other}"),
    }
}

/// POA indicator codes (the UB-04 manual's, not the printer's table).
fn poa(json: &str) -> &'static str {
    match json {
        "yes" => "Y",
        "no" => "N",
        "unknown" => "U",
        "clinicallyUndetermined" => "W",
        other => panic!("POA {other}"),
    }
}

/// What the main boxes must hold, from the claim's JSON: `(box, line index, text)`.
fn expected(json: &Value, form: Form) -> Vec<(&'static str, Option<usize>, String)> {
    let mut want = Vec::new();
    let pcn = json["patientControlNumber"]
        .as_str()
        .unwrap()
        .to_uppercase();
    let npi = json["billingProvider"]["npi"].as_str().unwrap().to_owned();
    let dx0 = json["diagnoses"][0].as_str().unwrap().replace('.', "");
    let payer = json["payer"]["name"].as_str().unwrap().to_uppercase();
    let member = json["subscriber"]["memberId"]
        .as_str()
        .unwrap()
        .to_uppercase();
    let patient = json.get("patient").unwrap_or(&json["subscriber"]);
    match form {
        Form::Cms1500 => {
            let p = &json["form"]["professional"];
            want.push(("1a", None, member));
            want.push(("2", None, name(&patient["name"])));
            want.push(("4", None, name(&json["subscriber"]["name"])));
            if let Some(birth) = patient["birthDate"].as_str() {
                want.push(("3", None, date(birth, " ", true)));
            }
            want.push(("26", None, pcn));
            want.push(("33a", None, npi));
            want.push(("21A", None, dx0));
            want.push(("carrier", None, payer));
            // 10b: the state of an auto accident.
            if let Some(state) = json["relatedCauses"]["state"].as_str() {
                want.push(("10b-state", None, state.to_uppercase()));
            }
            // 17: the referring provider, else the first ordering one, else the supervising
            // one (NUCC's order), with its qualifier and NPI.
            let ordering = p["lines"]
                .as_array()
                .unwrap()
                .iter()
                .find_map(|l| l.get("orderingProvider"));
            let box17 = [
                ("DN", json.get("referringProvider")),
                ("DK", ordering),
                ("DQ", p.get("supervisingProvider")),
            ]
            .into_iter()
            .find_map(|(q, provider)| provider.filter(|v| !v.is_null()).map(|v| (q, v)));
            if let Some((qualifier, provider)) = box17 {
                want.push(("17-qual", None, qualifier.to_owned()));
                want.push(("17", None, party(&provider["name"])));
                want.push(("17b", None, provider["npi"].as_str().unwrap().to_owned()));
            }
            // 19: the note, then each attachment as PWK, report type, transmission, number.
            let mut box19: Vec<String> = json["notes"]
                .as_array()
                .into_iter()
                .flatten()
                .take(1)
                .map(|n| n["text"].as_str().unwrap().to_uppercase())
                .collect();
            for a in json["attachments"].as_array().into_iter().flatten() {
                box19.push(format!(
                    "PWK{}{}{}",
                    a["reportType"].as_str().unwrap(),
                    transmission(a["transmission"].as_str().unwrap()),
                    a["controlNumber"].as_str().unwrap_or_default()
                ));
            }
            if !box19.is_empty() {
                want.push(("19", None, box19.join(" ")));
            }
            // 23: prior authorization, else referral number, else CLIA number.
            if let Some(number) = ["priorAuthorization", "referralNumber"]
                .iter()
                .find_map(|k| json[*k].as_str())
                .or_else(|| p["cliaNumber"].as_str())
            {
                want.push(("23", None, number.to_uppercase()));
            }
            if let Some(tax) = json["billingProvider"]["taxId"]["value"].as_str() {
                want.push(("25", None, tax.to_owned()));
            }
            let lines = p["lines"].as_array().unwrap();
            if lines.len() <= 6 {
                want.push(("28", None, amount(json["totalCharge"].as_str().unwrap())));
            }
            for (i, line) in lines.iter().enumerate() {
                want.push((
                    "24D",
                    Some(i),
                    line["procedure"].as_str().unwrap().to_owned(),
                ));
                want.push(("24F", Some(i), amount(line["charge"].as_str().unwrap())));
                want.push((
                    "24A-from",
                    Some(i),
                    date(line["serviceDate"].as_str().unwrap(), " ", false),
                ));
            }
        }
        Form::Ub04 => {
            let inst = &json["form"]["institutional"];
            want.push(("FL3a", None, pcn));
            want.push(("FL56", None, npi));
            want.push(("FL67", None, dx0));
            want.push(("FL50A", None, payer));
            want.push(("FL60A", None, member));
            want.push(("FL8b", None, name(&patient["name"])));
            if let Some(record) = json["medicalRecordNumber"].as_str() {
                want.push(("FL3b", None, record.to_uppercase()));
            }
            // FL 2: where payment goes.
            if let Some(address) = json["payToProvider"]["address"].as_object() {
                want.push((
                    "FL2-street",
                    None,
                    address["lines"][0].as_str().unwrap().to_uppercase(),
                ));
                let zip = address["postalCode"].as_str().unwrap();
                let zip = if zip.len() == 9 {
                    format!("{}-{}", &zip[..5], &zip[5..])
                } else {
                    zip.to_owned()
                };
                want.push((
                    "FL2-city",
                    None,
                    format!(
                        "{} {} {zip}",
                        address["city"].as_str().unwrap(),
                        address["state"].as_str().unwrap()
                    )
                    .to_uppercase(),
                ));
            }
            // FL 67 POA, FL 69 admitting diagnosis.
            if let Some(first) = inst["presentOnAdmission"][0].as_str() {
                want.push(("FL67-poa", None, poa(first).to_owned()));
            }
            if let Some(admitting) = inst.get("admittingDiagnosis") {
                want.push(("FL69", None, dx(admitting)));
            }
            // FL 31 and FL 39: the first occurrence code and value code.
            if let Some(occurrence) = inst["occurrenceCodes"].get(0) {
                want.push((
                    "FL31a",
                    None,
                    occurrence["code"].as_str().unwrap().to_owned(),
                ));
                want.push((
                    "FL31a-date",
                    None,
                    ub_date(occurrence["date"].as_str().unwrap()),
                ));
            }
            if let Some(value) = inst["valueCodes"].get(0) {
                want.push(("FL39a", None, value["code"].as_str().unwrap().to_owned()));
                want.push((
                    "FL39a-amount",
                    None,
                    amount(value["amount"].as_str().unwrap()),
                ));
            }
            want.push((
                "FL4",
                None,
                format!(
                    "0{}{}",
                    inst["facilityType"].as_str().unwrap(),
                    json["frequency"].as_str().unwrap()
                ),
            ));
            want.push((
                "FL6-from",
                None,
                date(inst["statementFrom"].as_str().unwrap(), "", false),
            ));
            want.push((
                "FL76",
                None,
                inst["attendingProvider"]["npi"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            ));
            want.push((
                "FL47-23",
                None,
                amount(json["totalCharge"].as_str().unwrap()),
            ));
            for (i, line) in inst["lines"].as_array().unwrap().iter().enumerate() {
                want.push((
                    "FL42",
                    Some(i),
                    line["revenueCode"].as_str().unwrap().to_owned(),
                ));
                want.push(("FL47", Some(i), amount(line["charge"].as_str().unwrap())));
                // FL 43: N4, the NDC, the unit and the quantity, run together.
                if let Some(drug) = line.get("drug") {
                    let ndc = drug["ndc"].as_str().unwrap();
                    assert!(
                        ndc.len() == 11 && ndc.bytes().all(|b| b.is_ascii_digit()),
                        "test claims write NDCs as their 11 digits"
                    );
                    want.push(("FL43-ndc", Some(i), format!("N4{ndc}")));
                    want.push((
                        "FL43-ndc-unit",
                        Some(i),
                        drug["unit"].as_str().unwrap().to_owned(),
                    ));
                    want.push((
                        "FL43-ndc-quantity",
                        Some(i),
                        drug["quantity"].as_str().unwrap().to_owned(),
                    ));
                }
            }
        }
    }
    want
}

#[test]
fn every_example_claim_prints_and_reads_back_box_by_box() {
    let mut printed = 0;
    for (name, json, claim) in example_claims() {
        let form = form_of(&json);
        if !claim
            .validate()
            .iter()
            .all(|f| f.severity != medbill::Severity::Error)
        {
            // Refused, unless asked for a draft (checked below).
            let refused = print(&claim, form, &options(Mode::Full)).unwrap_err();
            assert!(
                matches!(refused, PrintError::Invalid { .. }),
                "{name}: {refused}"
            );
            continue;
        }
        for mode in [Mode::Full, Mode::DataOnly] {
            let pages = layout(&claim, form, &options(mode)).unwrap();
            let bytes = print(&claim, form, &options(mode)).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{name}");
            let file = out_dir().join(format!("{name}-{mode:?}.pdf"));
            std::fs::write(&file, &bytes).unwrap();
            let read = pdf_pages(&file);
            assert_eq!(read.len(), pages.len(), "{name} {mode:?}: page count");
            // Every value the layout places is on the page, in its box.
            for (page, words) in pages.iter().zip(&read) {
                for placed in &page.fields {
                    let found = text_at(words, rect(placed, form));
                    assert_eq!(
                        found,
                        placed.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        "{name} {mode:?} page {}: box {} (line {:?})",
                        page.number,
                        placed.box_id,
                        placed.line_index
                    );
                }
            }
            // The main boxes hold what the claim says.
            for (box_id, line_index, text) in expected(&json, form) {
                let (page, placed) = find(&pages, box_id, line_index).unwrap_or_else(|| {
                    panic!("{name} {mode:?}: box {box_id} (line {line_index:?}) not printed")
                });
                let found = text_at(&read[page], placed);
                assert_eq!(
                    found, text,
                    "{name} {mode:?}: box {box_id} (line {line_index:?})"
                );
            }
            printed += 1;
        }
    }
    assert!(printed >= 20, "only {printed} prints checked");
}

/// The page index and rectangle of a box (of a service line's row).
fn find(
    pages: &[PageLayout],
    box_id: &str,
    line_index: Option<usize>,
) -> Option<(usize, (f32, f32, f32, f32))> {
    pages.iter().enumerate().find_map(|(n, page)| {
        page.fields
            .iter()
            .find(|p| p.box_id == box_id && p.line_index == line_index)
            .map(|p| (n, rect(p, form_for(box_id))))
    })
}

fn form_for(box_id: &str) -> Form {
    if box_id.starts_with("FL") {
        Form::Ub04
    } else {
        Form::Cms1500
    }
}

fn example(name: &str) -> (Value, Claim) {
    let text = std::fs::read_to_string(claims_dir().join(format!("{name}.json"))).unwrap();
    (
        serde_json::from_str(&text).unwrap(),
        Claim::from_json(&text).unwrap(),
    )
}

#[test]
fn a_long_professional_claim_continues_with_the_total_on_the_last_page() {
    // Ten lines: six on page 1, four on page 2 (NUCC: six service lines to a form).
    let (json, claim) = example("bench-ten-lines");
    let bytes = print(&claim, Form::Cms1500, &options(Mode::DataOnly)).unwrap();
    let file = out_dir().join("ten-lines-1500.pdf");
    std::fs::write(&file, bytes).unwrap();
    let read = pdf_pages(&file);
    assert_eq!(read.len(), 2);
    let pages = layout(&claim, Form::Cms1500, &options(Mode::DataOnly)).unwrap();
    let at = |page: usize, id: &str| {
        pages[page]
            .fields
            .iter()
            .find(|p| p.box_id == id)
            .map(|p| text_at(&read[page], rect(p, Form::Cms1500)))
    };
    assert_eq!(at(0, "page").as_deref(), Some("PAGE 1 OF 2"));
    assert_eq!(at(1, "page").as_deref(), Some("PAGE 2 OF 2"));
    assert_eq!(at(0, "28").as_deref(), Some("CONTINUED"));
    assert_eq!(
        at(1, "28"),
        Some(amount(json["totalCharge"].as_str().unwrap()))
    );
    // Page 2's first row is the claim's seventh line.
    let lines = json["form"]["professional"]["lines"].as_array().unwrap();
    let seventh = pages[1]
        .fields
        .iter()
        .find(|p| p.box_id == "24D" && p.line_index == Some(6))
        .unwrap();
    assert_eq!(seventh.line, 44, "first row of the page");
    assert_eq!(
        text_at(&read[1], rect(seventh, Form::Cms1500)),
        lines[6]["procedure"].as_str().unwrap()
    );
    assert_eq!(
        pages[0].fields.iter().filter(|p| p.box_id == "24F").count(),
        6
    );
}

#[test]
fn a_long_institutional_claim_numbers_its_pages_and_totals_on_the_last() {
    // 25 lines: 22 on page 1 (NUBC: 22 lines, line 23 for page and totals), 3 on page 2.
    let (mut json, _) = example("institutional-outpatient");
    let line = json["form"]["institutional"]["lines"][0].clone();
    let charge: rust_decimal::Decimal = line["charge"].as_str().unwrap().parse().unwrap();
    let lines: Vec<Value> = (0..25)
        .map(|n| {
            let mut line = line.clone();
            line["lineItemControlNumber"] = Value::String(format!("L{n}"));
            line
        })
        .collect();
    json["form"]["institutional"]["lines"] = Value::Array(lines);
    let total = charge * rust_decimal::Decimal::from(25);
    json["totalCharge"] = Value::String(format!("{total:.2}"));
    let claim = Claim::from_json(&json.to_string()).unwrap();
    let bytes = print(&claim, Form::Ub04, &options(Mode::Full)).unwrap();
    let file = out_dir().join("long-ub04.pdf");
    std::fs::write(&file, bytes).unwrap();
    let read = pdf_pages(&file);
    assert_eq!(read.len(), 2);
    let pages = layout(&claim, Form::Ub04, &options(Mode::Full)).unwrap();
    let at = |page: usize, id: &str| {
        pages[page]
            .fields
            .iter()
            .find(|p| p.box_id == id)
            .map(|p| text_at(&read[page], rect(p, Form::Ub04)))
    };
    assert_eq!(at(0, "FL43-page").as_deref(), Some("1"));
    assert_eq!(at(0, "FL43-of").as_deref(), Some("2"));
    assert_eq!(at(1, "FL43-page").as_deref(), Some("2"));
    assert_eq!(at(0, "FL47-23"), None, "no total before the last page");
    assert_eq!(at(1, "FL47-23"), Some(amount(&format!("{total:.2}"))));
    assert_eq!(at(0, "FL45-23").as_deref(), Some("112026"));
    assert_eq!(
        pages[0]
            .fields
            .iter()
            .filter(|p| p.box_id == "FL42")
            .count(),
        22
    );
    assert_eq!(
        pages[1]
            .fields
            .iter()
            .filter(|p| p.box_id == "FL42")
            .count(),
        3
    );
}

#[test]
fn an_institutional_drug_line_and_occurrence_code_read_back() {
    // NUBC FL 43: N4, the 11-digit NDC, the unit qualifier and the quantity, no spaces.
    // No example claim has a drug line or an occurrence code: add them.
    let (mut json, _) = example("institutional-outpatient");
    json["form"]["institutional"]["lines"][0]["drug"] =
        serde_json::json!({"ndc": "50242004062", "quantity": "2.5", "unit": "ML"});
    json["form"]["institutional"]["occurrenceCodes"] =
        serde_json::json!([{"code": "11", "date": "2026-10-30"}]);
    let claim = Claim::from_json(&json.to_string()).unwrap();
    assert!(
        claim
            .validate()
            .iter()
            .all(|f| f.severity != medbill::Severity::Error),
        "{:?}",
        claim.validate()
    );
    for mode in [Mode::Full, Mode::DataOnly] {
        let bytes = print(&claim, Form::Ub04, &options(mode)).unwrap();
        let file = out_dir().join(format!("drug-ub04-{mode:?}.pdf"));
        std::fs::write(&file, bytes).unwrap();
        let read = pdf_pages(&file);
        let pages = layout(&claim, Form::Ub04, &options(mode)).unwrap();
        let at = |id: &str| {
            let (page, rect) = find(&pages, id, Some(0)).unwrap();
            text_at(&read[page], rect)
        };
        assert_eq!(at("FL43-ndc"), "N450242004062", "{mode:?}");
        assert_eq!(at("FL43-ndc-unit"), "ML", "{mode:?}");
        assert_eq!(at("FL43-ndc-quantity"), "2.5", "{mode:?}");
        // Run together on the page, as the NUBC asks.
        let (_, left) = find(&pages, "FL43-ndc", Some(0)).unwrap();
        let (_, right) = find(&pages, "FL43-ndc-quantity", Some(0)).unwrap();
        assert_eq!(
            text_at(&read[0], (left.0, left.1, right.2, right.3)),
            "N450242004062ML2.5"
        );
        // The other lines carry no drug: nothing in their FL 43.
        assert!(find(&pages, "FL43-ndc", Some(1)).is_none());
        // FL 31a: the occurrence code and its date (MMDDYY).
        let claim_box = |id: &str| {
            let (page, rect) = find(&pages, id, None).unwrap();
            text_at(&read[page], rect)
        };
        assert_eq!(claim_box("FL31a"), "11");
        assert_eq!(claim_box("FL31a-date"), "103026");
        // And everything the main-box list expects (FL 43 and FL 31 among them).
        for (box_id, line_index, text) in expected(&json, Form::Ub04) {
            let (page, rect) = find(&pages, box_id, line_index).unwrap();
            assert_eq!(text_at(&read[page], rect), text, "{box_id} {line_index:?}");
        }
    }
}

#[test]
fn refusals_are_typed_and_name_no_patient_data() {
    let (_, professional) = example("professional-clean");
    let wrong = print(&professional, Form::Ub04, &options(Mode::Full)).unwrap_err();
    assert!(matches!(wrong, PrintError::WrongForm { .. }), "{wrong}");

    let (_, broken) = example("professional-broken");
    let refused = print(&broken, Form::Cms1500, &options(Mode::Full)).unwrap_err();
    assert!(matches!(refused, PrintError::Invalid { .. }), "{refused}");
    let draft = PrintOptions {
        allow_invalid: true,
        ..options(Mode::Full)
    };
    assert!(
        print(&broken, Form::Cms1500, &draft).is_ok(),
        "a draft prints"
    );

    // A name the forms' fonts cannot show (Vietnamese ễ is outside Latin-1).
    let (mut json, _) = example("professional-clean");
    json["subscriber"]["name"]["last"] = Value::String("Nguyễn".into());
    let claim = Claim::from_json(&json.to_string()).unwrap();
    let error = print(&claim, Form::Cms1500, &draft).unwrap_err();
    assert!(matches!(error, PrintError::NotPrintable { .. }), "{error}");
    assert!(!error.to_string().contains("Nguy"), "{error}");

    // A name far longer than box 2 is refused, not cut.
    let (mut json, _) = example("professional-clean");
    json["subscriber"]["name"]["last"] =
        Value::String("Wolfeschlegelsteinhausenbergerdorff-Montgomery-Smythe".into());
    let claim = Claim::from_json(&json.to_string()).unwrap();
    let error = print(&claim, Form::Cms1500, &draft).unwrap_err();
    assert!(
        matches!(error, PrintError::TooLong { box_id: "2", .. }),
        "{error}"
    );
    assert!(
        !error.to_string().to_lowercase().contains("wolfe"),
        "{error}"
    );

    // Nine occurrence codes: the UB-04 has eight boxes (FL 31–34, a and b).
    let (mut json, _) = example("institutional-inpatient");
    let occurrence = serde_json::json!({"code": "11", "date": "2026-01-02"});
    json["form"]["institutional"]["occurrenceCodes"] = Value::Array(vec![occurrence; 9]);
    let claim = Claim::from_json(&json.to_string()).unwrap();
    let error = print(&claim, Form::Ub04, &options(Mode::Full)).unwrap_err();
    assert!(
        matches!(
            error,
            PrintError::TooMany {
                box_id: "FL31",
                capacity: 8,
                count: 9,
                ..
            }
        ),
        "{error}"
    );
}
