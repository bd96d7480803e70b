use super::*;
use crate::money::Money;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "fields exist only to be decoded")]
struct Line {
    charge: Money,
    #[serde(default)]
    units: Option<u8>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "fields exist only to be decoded")]
struct Doc {
    lines: Vec<Line>,
    #[serde(default)]
    day: Option<chrono::NaiveDate>,
    #[serde(default)]
    who: Option<crate::Phi<Person>>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "fields exist only to be decoded")]
struct Person {
    name: String,
    member_id: String,
}

fn failure(text: &str) -> DecodeError {
    from_json::<Doc>(text)
        .err()
        .unwrap_or_else(|| unreachable!("must fail: {text}"))
}

#[test]
fn names_the_field_by_json_pointer() {
    let err = failure(r#"{"lines":[{"charge":"1.00"},{"charge":"x"}]}"#);
    assert_eq!(err.path, "/lines/1/charge");
    assert!(
        err.message.contains("not a decimal amount"),
        "{}",
        err.message
    );
    assert!(from_json::<Doc>(r#"{"lines":[]} x"#).is_err());
}

#[test]
fn wrong_types_are_described_by_kind_never_by_value() {
    for (text, path, found) in [
        (
            r#"{"lines":[{"charge":"1.00","units":"Jane Canary"}]}"#,
            "/lines/0/units",
            "found a string",
        ),
        (
            r#"{"lines":[{"charge":1234567}]}"#,
            "/lines/0/charge",
            "found a whole number",
        ),
        (
            r#"{"lines":[{"charge":12.5}]}"#,
            "/lines/0/charge",
            "not a whole number",
        ),
        (
            r#"{"lines":[],"who":"Jane Canary 1931-07-04"}"#,
            "/who",
            "found a string",
        ),
        (
            r#"{"lines":[{"charge":"1.00","units":300}]}"#,
            "/lines/0/units",
            "not valid here",
        ),
    ] {
        let err = from_json::<Doc>(text)
            .err()
            .unwrap_or_else(|| unreachable!("must fail: {text}"));
        assert_eq!(err.path, path, "{text}");
        assert!(err.message.contains(found), "{text}: {}", err.message);
        for secret in ["Canary", "1234567", "12.5", "300", "1931"] {
            assert!(!err.to_string().contains(secret), "{text}: {err}");
        }
    }
}

#[test]
fn a_missing_protected_field_is_named() {
    let err = failure(r#"{"lines":[],"who":{"name":"Jane Canary"}}"#);
    assert_eq!(err.path, "/who");
    assert_eq!(err.message, "missing field `member_id`");
}

#[test]
fn dates_say_the_format_expected() {
    for day in [
        r#""2026-02-30""#,
        r#""11/27/2026""#,
        "20261127",
        r#""2026-1-5x""#,
    ] {
        let err = failure(&format!(r#"{{"lines":[],"day":{day}}}"#));
        assert_eq!(err.path, "/day");
        assert!(err.message.contains("YYYY-MM-DD"), "{day}: {}", err.message);
    }
}

#[test]
fn a_list_where_one_object_is_expected_says_so() {
    let err = from_json::<Line>(r#"[{"charge":"1.00"}]"#)
        .err()
        .unwrap_or_else(|| unreachable!("must fail"));
    assert_eq!(err.path, "");
    assert!(err.message.contains("not a list"), "{}", err.message);
}

#[test]
fn a_byte_order_mark_is_allowed() {
    assert!(from_json::<Doc>("\u{feff}{\"lines\":[]}").is_ok());
    assert!(from_json_bytes::<Doc>(b"\xef\xbb\xbf{\"lines\":[]}").is_ok());
    let err = from_json_bytes::<Doc>(b"{\"lines\":[\xff]}")
        .err()
        .unwrap_or_else(|| unreachable!("must fail"));
    assert!(err.message.contains("not UTF-8"), "{}", err.message);
}

#[test]
fn repeated_and_unknown_fields_are_refused() {
    let err = failure(r#"{"lines":[{"charge":"1.00","charge":"2.00"}]}"#);
    assert_eq!(err.path, "/lines/0");
    assert!(err.message.contains("more than once"), "{}", err.message);
    let err = failure(r#"{"lines":[{"charge":"1.00","chrage":"2.00"}]}"#);
    assert_eq!(err.path, "/lines/0/chrage");
    assert!(
        err.message.contains("unknown field `chrage`"),
        "{}",
        err.message
    );
}

#[test]
fn syntax_errors_give_line_and_column_only() {
    let err = failure("{\"lines\": [\n  {\"charge\": \"Jane Canary\" \"x\"}]}");
    assert_eq!(err.path, "");
    assert!(err.message.contains("line 2"), "{}", err.message);
    assert!(!err.message.contains("Canary"), "{}", err.message);
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let err = from_json::<Doc>(&deep)
        .err()
        .unwrap_or_else(|| unreachable!("must fail"));
    assert!(err.message.contains("128"), "{}", err.message);
}

#[test]
fn a_type_that_quotes_its_input_is_screened() {
    #[derive(Debug)]
    struct Loud;
    impl<'de> serde::Deserialize<'de> for Loud {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Loud, D::Error> {
            let text = <String as serde::Deserialize>::deserialize(d)?;
            Err(serde::de::Error::custom(format!("bad value {text}!")))
        }
    }
    let err = from_json::<Loud>(r#""Jane Canary""#)
        .err()
        .unwrap_or_else(|| unreachable!("must fail"));
    assert_eq!(err.message, "bad value [input withheld]!");
}
