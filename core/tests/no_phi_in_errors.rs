//! No patient data in any error or finding: claims carrying canary patient data (name,
//! member id, birth date, address, SSN) are broken in random ways, and no canary may appear
//! in the decoding error, the validation findings or the 837 writer's error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use medbill::Claim;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Patient data no message may contain.
#[derive(Debug, Clone)]
struct Canaries {
    last: String,
    first: String,
    member_id: String,
    birth_date: String,
    street: String,
    ssn: String,
}

impl Canaries {
    fn all(&self) -> [&str; 6] {
        [
            &self.last,
            &self.first,
            &self.member_id,
            &self.birth_date,
            &self.street,
            &self.ssn,
        ]
    }

    /// A value built from canaries, of a random JSON kind.
    fn poison(&self, pick: usize) -> Value {
        match pick % 9 {
            0 => json!(self.last),
            1 => json!(format!("{} {} {}", self.first, self.last, self.birth_date)),
            2 => json!(self.ssn.parse::<u64>().unwrap()),
            3 => json!([self.member_id, self.street]),
            4 => json!({"last": self.last, "first": self.first, "memberId": self.member_id}),
            5 => json!(self.birth_date),
            6 => json!(format!("{}.5", self.ssn))
                .as_str()
                .map(|s| s.parse::<f64>().unwrap())
                .into(),
            7 => json!(true),
            _ => Value::Null,
        }
    }
}

fn canaries() -> impl Strategy<Value = Canaries> {
    (
        "[A-Z][a-z]{7}",
        "[A-Z][a-z]{7}",
        "[A-Z]{3}[0-9]{9}",
        (1900i32..2020, 1u32..13, 1u32..29),
        "[0-9]{4} [A-Z][a-z]{6} Lane",
        "[1-8][0-9]{8}",
    )
        .prop_map(
            |(last, first, member_id, (y, m, d), street, ssn)| Canaries {
                last: format!("Qx{last}"),
                first: format!("Qy{first}"),
                member_id,
                birth_date: format!("{y:04}-{m:02}-{d:02}"),
                street,
                ssn,
            },
        )
}

/// An example claim carrying the canaries as its patient data.
fn claim_with(canaries: &Canaries, institutional: bool) -> Value {
    let name = if institutional {
        "institutional-outpatient.json"
    } else {
        "professional-clean.json"
    };
    let text = std::fs::read_to_string(support::data_dir().join("claims").join(name)).unwrap();
    let mut claim: Value = serde_json::from_str(&text).unwrap();
    let address = json!({
        "lines": [canaries.street],
        "city": "Springfield",
        "state": "IL",
        "postalCode": "627041234"
    });
    claim["subscriber"]["memberId"] = json!(canaries.member_id);
    claim["subscriber"]["name"] = json!({"last": canaries.last, "first": canaries.first});
    claim["subscriber"]["birthDate"] = json!(canaries.birth_date);
    claim["subscriber"]["address"] = address;
    claim["billingProvider"]["taxId"] = json!({"kind": "ssn", "value": canaries.ssn});
    claim
}

/// Every path to a node of `value`, as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                pointers(inner, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                pointers(inner, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// One way of breaking a claim.
#[derive(Debug, Clone)]
enum Break {
    /// Replace the node at a path (chosen by index) with poison.
    Replace(usize, usize),
    /// Remove the node at a path.
    Remove(usize),
    /// Add an unknown field holding poison to the object at a path.
    AddField(usize, usize),
    /// Targeted breaks that once quoted patient data.
    SubscriberAsText,
    TaxIdAsText,
    SexUnknown,
    RelationshipOrDateText,
}

fn breaks() -> impl Strategy<Value = Vec<Break>> {
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), any::<usize>()).prop_map(|(p, v)| Break::Replace(p, v)),
            any::<usize>().prop_map(Break::Remove),
            (any::<usize>(), any::<usize>()).prop_map(|(p, v)| Break::AddField(p, v)),
            Just(Break::SubscriberAsText),
            Just(Break::TaxIdAsText),
            Just(Break::SexUnknown),
            Just(Break::RelationshipOrDateText),
        ],
        1..4,
    )
}

fn apply(claim: &mut Value, canaries: &Canaries, change: &Break) {
    let mut all = Vec::new();
    pointers(claim, String::new(), &mut all);
    let pick = |i: usize| all[i % all.len()].clone();
    match change {
        Break::Replace(p, v) => {
            let path = pick(*p);
            if let Some(node) = claim.pointer_mut(&path) {
                *node = canaries.poison(*v);
            }
        }
        Break::Remove(p) => {
            let path = pick(*p);
            if let Some((parent, key)) = path.rsplit_once('/') {
                match claim.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(key);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(i) = key.parse::<usize>() {
                            if i < items.len() {
                                items.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Break::AddField(p, v) => {
            let path = pick(*p);
            if let Some(Value::Object(map)) = claim.pointer_mut(&path) {
                map.insert("extraField".into(), canaries.poison(*v));
            }
        }
        Break::SubscriberAsText => set(
            claim,
            "",
            "subscriber",
            json!(format!(
                "{} {} {} {}",
                canaries.first, canaries.last, canaries.member_id, canaries.birth_date
            )),
        ),
        Break::TaxIdAsText => set(claim, "/billingProvider", "taxId", json!(canaries.ssn)),
        Break::SexUnknown => set(claim, "/subscriber", "sex", json!(canaries.last)),
        Break::RelationshipOrDateText => {
            let date = json!(format!("{}x", canaries.birth_date));
            set(claim, "/subscriber", "birthDate", date);
            let patient = json!({
                "relationship": canaries.member_id,
                "name": {"last": canaries.last, "first": canaries.first},
                "birthDate": canaries.birth_date,
                "sex": "male"
            });
            set(claim, "", "patient", patient);
        }
    }
}

/// Sets `key` of the object at `parent`, when there is such an object (an earlier break may
/// have replaced it).
fn set(claim: &mut Value, parent: &str, key: &str, value: Value) {
    if let Some(Value::Object(map)) = claim.pointer_mut(parent) {
        map.insert(key.to_owned(), value);
    }
}

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let text = std::fs::read_to_string(support::data_dir().join("x12").join(name)).unwrap();
    medbill::from_json(&text).unwrap()
}

fn assert_clean(text: &str, canaries: &Canaries, what: &str) {
    for canary in canaries.all() {
        assert!(
            !text.contains(canary),
            "{what} quotes patient data {canary:?}: {text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_canary_in_any_error_or_finding(
        canaries in canaries(),
        institutional in any::<bool>(),
        changes in breaks(),
    ) {
        let mut claim = claim_with(&canaries, institutional);
        for change in &changes {
            apply(&mut claim, &canaries, change);
        }
        let text = serde_json::to_string(&claim).unwrap();
        match Claim::from_json(&text) {
            Err(error) => {
                assert_clean(&error.to_string(), &canaries, "decoding error");
                assert_clean(&format!("{error:?}"), &canaries, "decoding error (Debug)");
            }
            Ok(decoded) => {
                let findings = decoded.validate();
                assert_clean(&format!("{findings:?}"), &canaries, "validation findings");
                if let Err(error) = medbill::x12::write_837(
                    std::slice::from_ref(&decoded),
                    &fixture("submission.json"),
                    &fixture("envelope.json"),
                ) {
                    assert_clean(&error.to_string(), &canaries, "837 writer error");
                }
            }
        }
    }
}

/// The cases the outside check reported, each on its own.
#[test]
fn reported_cases_name_path_and_expectation() {
    let canaries = Canaries {
        last: "Qxcanary".into(),
        first: "Qyjane".into(),
        member_id: "CAN987654321".into(),
        birth_date: "1931-07-04".into(),
        street: "4242 Canary Lane".into(),
        ssn: "123456789".into(),
    };
    let decode = |change: Break| {
        let mut claim = claim_with(&canaries, false);
        apply(&mut claim, &canaries, &change);
        Claim::from_json(&claim.to_string()).err().unwrap()
    };
    let tax = decode(Break::TaxIdAsText);
    assert_eq!(tax.path, "/billingProvider/taxId");
    assert!(tax.message.starts_with("expected"), "{tax}");
    let subscriber = decode(Break::SubscriberAsText);
    assert_eq!(subscriber.path, "/subscriber");
    assert!(
        subscriber.message.contains("found a string"),
        "{subscriber}"
    );
    let sex = decode(Break::SexUnknown);
    assert_eq!(sex.path, "/subscriber/sex");
    assert!(sex.message.contains("`female`"), "{sex}");
    for error in [&tax, &subscriber, &sex] {
        assert_clean(&error.to_string(), &canaries, "decoding error");
    }
    let mut claim = claim_with(&canaries, false);
    claim["subscriber"]
        .as_object_mut()
        .unwrap()
        .remove("memberId");
    let missing = Claim::from_json(&claim.to_string()).err().unwrap();
    assert_eq!(missing.path, "/subscriber");
    assert_eq!(missing.message, "missing field `memberId`");
}
