//! Decoding errors point at the exact element, also inside internally tagged enums (fee
//! schedules, party names, COB methods, line statuses, trace steps), whatever the order of the
//! tag and the content; and those enums refuse unknown fields instead of dropping them.

#![allow(clippy::unwrap_used, reason = "test code fails loudly")]

use medbill::benefits::CobMethod;
use medbill::pricing::Operation;
use medbill::{Claim, Contract, DecodeError};

fn contract_error(schedule: &str) -> DecodeError {
    let text = format!(r#"{{"payerId":"P1","effectiveFrom":"2026-01-01","schedule":{schedule}}}"#);
    medbill::from_json::<Contract>(&text).err().unwrap()
}

#[test]
fn fee_schedule_errors_point_inside_the_schedule() {
    for schedule in [
        r#"{"kind":"flat","fees":[{"procedure":"99213","amount":"12.x"}]}"#,
        // The tag after the content.
        r#"{"fees":[{"procedure":"99213","amount":"12.x"}],"kind":"flat"}"#,
    ] {
        let error = contract_error(schedule);
        assert_eq!(error.path, "/schedule/fees/0/amount", "{schedule}: {error}");
    }
    let nested = contract_error(
        r#"{"kind":"percentOfSchedule","rate":"120%","base":{"kind":"flat","fees":[{"procedure":"99213","amount":"1","modifier":"ZZZ"}]}}"#,
    );
    assert_eq!(nested.path, "/schedule/base/fees/0/modifier");
    let pfs = contract_error(r#"{"kind":"medicarePfs","facilityPlacesOfService":["99x"]}"#);
    assert_eq!(pfs.path, "/schedule/facilityPlacesOfService/0");
}

#[test]
fn tagged_enums_refuse_unknown_fields_and_name_them() {
    let unknown = contract_error(r#"{"kind":"percentOfCharges","rate":"60%","rates":"70%"}"#);
    assert_eq!(unknown.path, "/schedule/rates");
    assert!(
        unknown.message.contains("unknown field `rates`"),
        "{unknown}"
    );
    let missing = contract_error(r#"{"rate":"60%"}"#);
    assert_eq!(missing.path, "/schedule");
    assert_eq!(missing.message, "missing field `kind`");
    let bad_kind = contract_error(r#"{"kind":"flatt","fees":[]}"#);
    assert!(bad_kind.message.contains("`flat`"), "{bad_kind}");
    let unit = medbill::from_json::<CobMethod>(r#"{"method":"standard","coverage":"80%"}"#)
        .err()
        .unwrap();
    assert!(unit.message.contains("unknown field `coverage`"), "{unit}");
    let mob =
        medbill::from_json::<CobMethod>(r#"{"coverage":"8O%","method":"maintenanceOfBenefits"}"#)
            .err()
            .unwrap();
    assert_eq!(mob.path, "/coverage");
    assert!(medbill::from_json::<CobMethod>(r#"{"method":"medicareSecondary"}"#).is_ok());
    let step = medbill::from_json::<Operation>(r#"{"op":"multiply","factor":"x"}"#)
        .err()
        .unwrap();
    assert_eq!(step.path, "/factor");
}

#[test]
fn party_names_are_read_strictly_with_paths() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/data/claims/professional-clean.json"),
    )
    .unwrap();
    let mut claim: serde_json::Value = serde_json::from_str(&text).unwrap();
    claim["billingProvider"]["name"] =
        serde_json::json!({"name": "Riverbend", "entity": "organization", "dba": "RB"});
    let error = Claim::from_json(&claim.to_string()).err().unwrap();
    assert_eq!(error.path, "/billingProvider/name/dba");
    claim["billingProvider"]["name"] =
        serde_json::json!({"entity": "person", "last": 7, "first": "A"});
    let error = Claim::from_json(&claim.to_string()).err().unwrap();
    assert_eq!(error.path, "/billingProvider/name/last");
    assert_eq!(error.message, "expected a string, found a whole number");
}

#[test]
fn written_forms_read_back_unchanged() {
    for name in [
        "medicare-part-b.json",
        "prairie-ppo.json",
        "lakeshore-medicaid.json",
    ] {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../examples/data/contracts")
                .join(name),
        )
        .unwrap();
        let contract: Contract = medbill::from_json(&text).unwrap();
        let again: Contract = medbill::from_json(&medbill::to_json(&contract).unwrap()).unwrap();
        assert_eq!(again, contract, "{name}");
    }
    let status = r#"{"status":"notPayable","reason":"no fee"}"#;
    let line: medbill::pricing::LineStatus = medbill::from_json(status).unwrap();
    assert_eq!(medbill::to_json(&line).unwrap(), status);
}
