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

mod forms_support;

use std::path::PathBuf;

use forms_support::{pdf_pages, text_at};
use medbill::Claim;
use medbill::claim::print::{Form, Mode, PageLayout, PrintError, PrintOptions, layout, print};
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
                    let found = text_at(words, placed.rect(form));
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
            .map(|p| (n, p.rect(form_for(box_id))))
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
            .map(|p| text_at(&read[page], p.rect(Form::Cms1500)))
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
        text_at(&read[1], seventh.rect(Form::Cms1500)),
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
            .map(|p| text_at(&read[page], p.rect(Form::Ub04)))
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
