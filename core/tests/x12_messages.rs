//! The X12 transactions around claims: 270/271 eligibility, 276/277 claim status, 277CA and
//! 999 acknowledgments. Every sample under `../shared/data/x12/` of those types is read; the
//! 270 and 276 writers are proved by reading their output back.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

mod support;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use medbill::Phi;
use medbill::x12::*;
use support::m;

fn day(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap()
}

fn sample(relative: &str) -> Option<Vec<u8>> {
    let path = support::shared_data(&format!("x12/{relative}"))?;
    Some(std::fs::read(path).unwrap())
}

fn envelope() -> Envelope {
    Envelope {
        sender_qualifier: "ZZ".into(),
        sender_id: "RIVERBEND".into(),
        receiver_qualifier: "ZZ".into(),
        receiver_id: "PRAIRIEHEALTH".into(),
        application_sender: None,
        application_receiver: None,
        interchange_control_number: 1207,
        group_control_number: 31,
        date: day(2026, 11, 27),
        time: NaiveTime::from_hms_opt(10, 15, 0).unwrap(),
        usage: Usage::Test,
        acknowledgment_requested: false,
        delimiters: None,
        line_breaks: true,
    }
}

/// Every file under the folder with ST01 and version (ST03, else GS08), read the way the
/// envelope check reads them.
fn classified() -> Vec<(PathBuf, String, String)> {
    let Some(root) = support::shared_data("x12") else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_none_or(|e| e != "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(tokens) = Tokenizer::new(&bytes) else {
            continue;
        };
        let mut group = String::new();
        let mut isa12 = String::new();
        for segment in tokens {
            let Ok(segment) = segment else { break };
            match segment.id() {
                "ISA" => isa12 = segment.element(12).unwrap_or("").to_owned(),
                "GS" => group = segment.element(8).unwrap_or("").to_owned(),
                "ST" => {
                    let version = segment
                        .element(3)
                        .filter(|v| !v.is_empty())
                        .map_or(group.clone(), str::to_owned);
                    let version = if isa12 == "00401" {
                        "004010".to_owned()
                    } else {
                        version
                    };
                    out.push((
                        path.clone(),
                        segment.element(1).unwrap_or("").to_owned(),
                        version,
                    ));
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

fn files_of(id: &str, version_prefix: &str) -> Vec<(PathBuf, String)> {
    classified()
        .into_iter()
        .filter(|(_, st, version)| {
            st == id && (version.starts_with(version_prefix) || version.starts_with("00401"))
        })
        .map(|(p, _, v)| (p, v))
        .collect()
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

// ---------------------------------------------------------------- 271 / 270

#[test]
fn every_271_sample_is_read() {
    let files = files_of("271", "");
    if files.is_empty() {
        return;
    }
    assert!(files.len() >= 19, "{} 271 files", files.len());
    for (path, version) in files {
        let bytes = std::fs::read(&path).unwrap();
        let result = read_271(&bytes);
        if version.starts_with("00401") {
            assert!(
                matches!(result, Err(X12Error::UnsupportedVersion { .. })),
                "{}",
                name(&path)
            );
            continue;
        }
        let responses = result.unwrap_or_else(|e| panic!("{}: {e}", name(&path)));
        assert!(!responses.is_empty(), "{}", name(&path));
        for r in &responses {
            for f in &r.findings {
                println!("{}: {} {} {}", name(&path), f.rule, f.path, f.message);
            }
            assert!(
                r.findings
                    .iter()
                    .all(|f| f.rule != "X12-SEGMENT-OUT-OF-PLACE"),
                "{}: {:?}",
                name(&path),
                r.findings
            );
        }
    }
}

#[test]
fn subscriber_271_active_coverage_and_copays() {
    let Some(bytes) =
        sample("linuxforhealth-x12/271_005010X279A1/subscriber-health-benefit-check.271")
    else {
        return;
    };
    let responses = read_271(&bytes).unwrap();
    assert_eq!(responses.len(), 1);
    let r = &responses[0];
    assert_eq!(r.payer().unwrap().name, "ABC COMPANY");
    assert_eq!(r.payer().unwrap().id.as_deref(), Some("841610001"));
    assert_eq!(r.information_receivers[0].id.as_deref(), Some("2000035"));
    let patient = r.patient().unwrap();
    assert_eq!(
        patient
            .person
            .member_id
            .as_ref()
            .map(|m| m.expose().as_str()),
        Some("123456789")
    );
    assert_eq!(
        patient.person.birth_date.as_ref().map(|d| *d.expose()),
        Some(day(1963, 5, 19))
    );
    assert_eq!(patient.person.name.expose().first.as_deref(), Some("JOHN"));
    assert_eq!(patient.active_coverage(), Some(true));
    assert_eq!(
        patient.date("346"),
        Some(DateOrRange::Date {
            date: day(2006, 1, 1)
        })
    );
    assert_eq!(patient.traces[0].number, "93175-012547");
    // EB*B ... service types 1^33^…^UC, HM, per visit: 10.00 in network, 30.00 out.
    assert_eq!(patient.copay("98", Network::In), Some(m("10.00")));
    assert_eq!(patient.copay("98", Network::Out), Some(m("30.00")));
    assert_eq!(patient.copay("UC", Network::Out), Some(m("30.00")));
    let copay = &patient.benefits[3];
    assert_eq!(copay.kind, BenefitKind::CoPayment);
    assert_eq!(copay.service_types.len(), 10);
    assert_eq!(copay.time_period, Some(TimePeriod::Visit));
    assert_eq!(copay.insurance_type.as_deref(), Some("HM"));
    // EB*L with its LS/LE primary care provider.
    assert_eq!(patient.benefits[1].kind, BenefitKind::PrimaryCareProvider);
    assert_eq!(patient.benefits[1].related_entities[0].entity, "P3");
    // N3/N4 are carried (as PHI), so nothing is reported as not read.
    assert_eq!(r.findings, vec![]);
    // Nothing identifying leaks through Debug.
    let debug = format!("{r:?}");
    assert!(
        !debug.contains("SMITH") && !debug.contains("123456789") && !debug.contains("BROADWAY")
    );
}

#[test]
fn medicare_271_deductibles_coinsurance_and_rejections() {
    let Some(bytes) = sample("node-x12/271.edi") else {
        return;
    };
    let r = &read_271(&bytes).unwrap()[0];
    let p = r.patient().unwrap();
    assert_eq!(p.active_coverage(), Some(true));
    assert_eq!(
        p.date("307"),
        Some(DateOrRange::Range {
            start: day(2019, 12, 30),
            end: day(2019, 12, 30)
        })
    );
    // EB*C**30*QM*Medicare Part A*26*0 and EB*C**30*QM*Medicare Part B*23*0.
    let deductible = p.deductible(&CoverageLevel::Individual, Network::In);
    assert_eq!(deductible.limit, Some(m("0")));
    // EB*A**30*QM*Medicare Part B*27**0: coinsurance read as a rate.
    assert_eq!(
        p.coinsurance("30", Network::In)
            .map(|r| r.percent().is_zero()),
        Some(true)
    );
    let part_b = p
        .benefits
        .iter()
        .find(|b| b.kind == BenefitKind::CoInsurance)
        .unwrap();
    assert_eq!(
        part_b.dates[0].date,
        DateOrRange::Range {
            start: day(2019, 1, 1),
            end: day(2019, 12, 31)
        }
    );
    let other = p
        .benefits
        .iter()
        .find(|b| b.kind == BenefitKind::OtherPayer && !b.related_entities.is_empty())
        .unwrap();
    assert_eq!(other.references[0].qualifier, "18");
    assert_eq!(other.related_entities[0].contacts[0].numbers[0].0, "TE");
    assert_eq!(p.benefits[1].service_types.len(), 14);

    let Some(bytes) = sample(
        "oopfactory-x12/Eligibility/TestData/_271/_5010/Example_ErrorWithoutBenefitInfo.txt",
    ) else {
        return;
    };
    let r = &read_271(&bytes).unwrap()[0];
    assert_eq!(r.source_rejections.len(), 4);
    assert_eq!(r.receiver_rejections.len(), 2);
    let member = &r.subscribers[0].member;
    assert_eq!(member.rejections[0].reason.as_deref(), Some("42"));
    assert_eq!(
        member.rejections[0].follow_up,
        Some(FollowUpAction::DoNotResubmitWillBeHandled)
    );
    assert_eq!(member.active_coverage(), None);
    assert_eq!(r.all_rejections().len(), 7);

    let Some(bytes) =
        sample("linuxforhealth-x12/271_005010X279A1/subscriber-health-benefit-check-error.271")
    else {
        return;
    };
    let r = &read_271(&bytes).unwrap()[0];
    assert_eq!(r.receiver_rejections[0].reason.as_deref(), Some("50"));
    assert_eq!(
        r.receiver_rejections[0].follow_up,
        Some(FollowUpAction::ResubmissionNotAllowed)
    );
    // The sample's SE02 does not match its ST02: an envelope finding, not an error.
    assert!(r.findings.iter().any(|f| f.rule == "X12-SE02-CONTROL"));
}

#[test]
fn dependent_271_benefits_are_the_dependents() {
    let Some(bytes) =
        sample("linuxforhealth-x12/271_005010X279A1/dependent-health-benefit-check.271")
    else {
        return;
    };
    let r = &read_271(&bytes).unwrap()[0];
    assert_eq!(r.subscribers.len(), 1);
    let subscriber = &r.subscribers[0];
    assert!(subscriber.member.benefits.is_empty());
    let dependent = &subscriber.dependents[0];
    assert_eq!(dependent.relationship.as_deref(), Some("19"));
    assert_eq!(
        dependent.person.name.expose().first.as_deref(),
        Some("MARY")
    );
    assert_eq!(dependent.benefits.len(), 5);
    assert_eq!(
        r.patient().unwrap().copay("33", Network::In),
        Some(m("10.00"))
    );
}

#[test]
fn every_270_sample_is_read() {
    let files = files_of("270", "");
    if files.is_empty() {
        return;
    }
    assert!(files.len() >= 5, "{} 270 files", files.len());
    for (path, version) in files {
        let result = read_270(&std::fs::read(&path).unwrap());
        if version.starts_with("00401") {
            assert!(
                matches!(result, Err(X12Error::UnsupportedVersion { .. })),
                "{}",
                name(&path)
            );
            continue;
        }
        let requests = result.unwrap_or_else(|e| panic!("{}: {e}", name(&path)));
        assert!(!requests.is_empty(), "{}", name(&path));
        for r in &requests {
            assert!(r.findings.iter().all(|f| f.rule != "X12-SEGMENT-OUT-OF-PLACE" && f.rule != "X12-270-INCOMPLETE"), "{}: {:?}", name(&path), r.findings);
            assert_eq!(r.request.service_types, ["30"]);
        }
    }
    let Some(bytes) =
        sample("linuxforhealth-x12/270_005010X279A1/dependent-health-benefit-check.270")
    else {
        return;
    };
    let r = &read_270(&bytes).unwrap()[0].request;
    assert_eq!(
        r.dependent
            .as_ref()
            .unwrap()
            .birth_date
            .as_ref()
            .map(|d| *d.expose()),
        Some(day(1978, 10, 14))
    );
    assert_eq!(
        r.member_id.as_ref().map(|m| m.expose().as_str()),
        Some("11122333301")
    );
    assert_eq!(r.trace_number, "93175-012547");
    assert_eq!(
        r.date_of_service,
        Some(DateOrRange::Date {
            date: day(2006, 5, 1)
        })
    );
}

fn eligibility_request(dependent: bool) -> EligibilityRequest {
    EligibilityRequest {
        reference: "ELIG-2026-0001".into(),
        information_source: Organization {
            name: "PRAIRIE HEALTH".into(),
            id: "PH001".into(),
        },
        information_receiver: Provider {
            name: "RIVERBEND FAMILY MEDICINE".into(),
            first_name: None,
            id: ProviderId::Npi {
                npi: "1234567893".parse().unwrap(),
            },
        },
        trace_number: "T-0001".into(),
        trace_originator: "1123456789".into(),
        subscriber: Individual {
            name: Phi::new(PersonName {
                last: "DOE".into(),
                first: Some("JANE".into()),
                middle: Some("Q".into()),
                suffix: None,
            }),
            birth_date: Some(Phi::new(day(1980, 2, 29))),
            gender: Some(Phi::new("F".into())),
        },
        member_id: Some(Phi::new("W123456789".into())),
        dependent: dependent.then(|| Individual {
            name: Phi::new(PersonName {
                last: "DOE".into(),
                first: Some("SAM".into()),
                middle: None,
                suffix: Some("JR".into()),
            }),
            birth_date: Some(Phi::new(day(2015, 6, 1))),
            gender: None,
        }),
        service_types: vec!["30".into(), "98".into(), "UC".into()],
        date_of_service: Some(DateOrRange::Range {
            start: day(2026, 12, 1),
            end: day(2026, 12, 31),
        }),
    }
}

#[test]
fn written_270_reads_back_equal() {
    let requests = vec![eligibility_request(false), eligibility_request(true)];
    let bytes = write_270(&envelope(), &requests).unwrap();
    let report = check_envelopes(&bytes).unwrap();
    assert_eq!(report.findings, vec![]);
    assert_eq!(report.transaction_sets.len(), 2);
    assert_eq!(report.transaction_sets[0].version, "005010X279A1");
    let back = read_270(&bytes).unwrap();
    for r in &back {
        assert_eq!(r.findings, vec![]);
    }
    let back: Vec<_> = back.into_iter().map(|r| r.request).collect();
    assert_eq!(back, requests);
    std::fs::write("/tmp/msgs/written.270", &bytes).ok();
    // pyx12 4.0.0 has 270/271 maps for 4010 only: nothing to validate a 5010 270 against.
}

#[test]
fn request_errors_are_typed_and_name_fields() {
    let mut request = eligibility_request(false);
    request.service_types.clear();
    let error = write_270(&envelope(), &[request]).unwrap_err();
    assert_eq!(
        error,
        RequestWriteError::Missing {
            field: "serviceTypes"
        }
    );
    assert_eq!(medbill::ErrorCode::code(&error), "X12_REQUEST_MISSING");
    let mut request = eligibility_request(false);
    request.subscriber.name = Phi::new(PersonName {
        last: "O*BRIEN".into(),
        ..PersonName::default()
    });
    let error = write_270(&envelope(), &[request]).unwrap_err();
    assert!(
        matches!(error, RequestWriteError::Write(WriteError::Delimiter { ref segment, element: 3 }) if segment == "NM1")
    );
    assert!(!error.to_string().contains("BRIEN"));
}
