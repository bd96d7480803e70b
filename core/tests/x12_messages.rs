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
    let mut out = Vec::new();
    for path in support::shared_files("x12") {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(tokens) = Tokenizer::new(&bytes) else {
            continue;
        };
        let mut group = String::new();
        let mut isa12 = String::new();
        let mut ends = Vec::new();
        for segment in tokens {
            let Ok(segment) = segment else { break };
            let segment = segment.elements(&mut ends);
            match segment.id() {
                "ISA" => isa12 = segment.get(12).to_owned(),
                "GS" => group = segment.get(8).to_owned(),
                "ST" => {
                    let version = Some(segment.get(3))
                        .filter(|v| !v.is_empty())
                        .map_or(group.clone(), str::to_owned);
                    let version = if isa12 == "00401" {
                        "004010".to_owned()
                    } else {
                        version
                    };
                    out.push((path.clone(), segment.get(1).to_owned(), version));
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

/// Reads every shared sample of transaction `id` (at least `min_files`) with `read`: a file
/// declaring 4010 must give the version error, every other must read into at least one
/// result, none with a finding in `never` (printed either way). Returns each 5010 file with
/// its version and results.
fn read_samples<T>(
    id: &str,
    min_files: usize,
    never: &[&str],
    read: impl Fn(&[u8]) -> Result<Vec<T>, X12Error>,
    findings: impl Fn(&T) -> &[medbill::Finding],
) -> Vec<(PathBuf, String, Vec<T>)> {
    let files = files_of(id, "");
    if files.is_empty() {
        return Vec::new();
    }
    assert!(files.len() >= min_files, "{} {id} files", files.len());
    let mut read_files = Vec::new();
    for (path, version) in files {
        let result = read(&std::fs::read(&path).unwrap());
        if version.starts_with("00401") {
            assert!(
                matches!(result, Err(X12Error::UnsupportedVersion { .. })),
                "{}",
                name(&path)
            );
            continue;
        }
        let results = result.unwrap_or_else(|e| panic!("{}: {e}", name(&path)));
        assert!(!results.is_empty(), "{}", name(&path));
        for r in &results {
            let found = findings(r);
            for f in found {
                println!("{}: {} {} {}", name(&path), f.rule, f.path, f.message);
            }
            assert!(
                found.iter().all(|f| !never.contains(&f.rule.as_str())),
                "{}: {found:?}",
                name(&path)
            );
        }
        read_files.push((path, version, results));
    }
    read_files
}

// ---------------------------------------------------------------- 271 / 270

#[test]
fn every_271_sample_is_read() {
    read_samples("271", 19, &["X12-SEGMENT-OUT-OF-PLACE"], read_271, |r| {
        &r.findings
    });
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
    for (_, _, requests) in read_samples(
        "270",
        5,
        &["X12-SEGMENT-OUT-OF-PLACE", "X12-270-INCOMPLETE"],
        read_270,
        |r| &r.findings,
    ) {
        for r in &requests {
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
    // pyx12 4.0.0 has 270/271 maps for 4010 only: nothing to validate a 5010 270 against.
}

#[test]
fn writing_no_requests_is_an_error_not_an_empty_interchange() {
    assert_eq!(
        write_270(&envelope(), &[]).unwrap_err(),
        RequestWriteError::Missing { field: "requests" }
    );
    assert_eq!(
        medbill::x12::write_276(&envelope(), &[]).unwrap_err(),
        RequestWriteError::Missing { field: "requests" }
    );
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

// ---------------------------------------------------------------- 277 / 277CA / 276

#[test]
fn every_277_and_277ca_sample_is_read() {
    let files = read_samples("277", 11, &["X12-SEGMENT-OUT-OF-PLACE"], read_277, |r| {
        &r.findings
    });
    let acks = files
        .iter()
        .filter(|(_, v, _)| v.starts_with("005010X214"))
        .count();
    assert!(files.is_empty() || acks >= 6, "{acks} 277CA files");
    for (path, version, responses) in &files {
        for r in responses {
            assert_eq!(
                r.acknowledgment,
                version.starts_with("005010X214"),
                "{}",
                name(path)
            );
            assert!(
                !r.claims.is_empty() || !r.levels.is_empty(),
                "{}",
                name(path)
            );
        }
    }
}

#[test]
fn rejected_277ca_names_category_status_and_entity() {
    let Some(bytes) = sample("imsweb-x12-parser/277_5010/x12_277CA_rejected.txt") else {
        return;
    };
    let r = &read_277(&bytes).unwrap()[0];
    assert!(r.acknowledgment);
    // Receiver level: STC*A1|20*20110311*WQ*199.14 (component separator `|`).
    let receiver = r.levels.iter().find(|l| l.level == "21").unwrap();
    assert_eq!(receiver.statuses[0].codes[0].category, "A1");
    assert_eq!(receiver.statuses[0].codes[0].status.as_deref(), Some("20"));
    assert_eq!(receiver.statuses[0].charge, Some(m("199.14")));
    assert_eq!(receiver.quantities[0].qualifier, "90");
    assert_eq!(receiver.amounts[0].amount, m("199.14"));
    assert_eq!(r.claims.len(), 1);
    let claim = &r.claims[0];
    // STC*A7|562|85: rejected for invalid information, NPI, billing provider.
    let code = &claim.statuses[0].codes[0];
    assert_eq!(
        (
            code.category.as_str(),
            code.status.as_deref(),
            code.entity.as_deref()
        ),
        ("A7", Some("562"), Some("85"))
    );
    assert_eq!(claim.class(), StatusClass::Rejected);
    assert_eq!(claim.statuses[0].date, Some(day(2011, 3, 11)));
    assert_eq!(
        claim.patient_control_number.as_deref(),
        Some("3920394930203")
    );
    assert_eq!(
        claim.payer_claim_number.as_deref(),
        Some("1107000000001120")
    );
    assert_eq!(
        claim.service_dates(),
        Some(DateOrRange::Date {
            date: day(2009, 3, 11)
        })
    );
    assert_eq!(claim.provider.as_ref().unwrap().entity, "85");
    assert_eq!(claim.payer.as_ref().unwrap().name, "NYSDOH");
    assert!(claim.patient.is_some());

    let Some(bytes) = sample("imsweb-x12-parser/277_5010/x12_277CA_accepted.txt") else {
        return;
    };
    let r = &read_277(&bytes).unwrap()[0];
    assert!(
        r.claims
            .iter()
            .all(|c| matches!(c.class(), StatusClass::Received | StatusClass::Accepted)),
        "{:?}",
        r.claims.iter().map(|c| c.class()).collect::<Vec<_>>()
    );
}

#[test]
fn claim_status_277_claims_lines_and_classes() {
    let Some(bytes) = sample("linuxforhealth-x12/277_005010X212/claim-level-status.277") else {
        return;
    };
    let r = &read_277(&bytes).unwrap()[0];
    assert!(!r.acknowledgment);
    assert_eq!(r.findings, vec![]);
    assert_eq!(r.claims.len(), 3);
    let classes: Vec<_> = r.claims.iter().map(|c| c.class()).collect();
    assert_eq!(
        classes,
        [
            StatusClass::Pending,
            StatusClass::Finalized,
            StatusClass::Denied
        ]
    );
    let first = &r.claims[0];
    assert_eq!(first.trace_number, "ABCXYZ1");
    assert_eq!(first.patient_control_number.as_deref(), Some("SM123456"));
    assert_eq!(first.payer_claim_number.as_deref(), Some("05347006051"));
    assert_eq!(first.statuses[0].charge, Some(m("8513.88")));
    assert_eq!(
        first.service_dates(),
        Some(DateOrRange::Range {
            start: day(2005, 8, 31),
            end: day(2005, 9, 6)
        })
    );
    assert_eq!(
        first.provider.as_ref().unwrap().id.as_deref(),
        Some("1666666661")
    );
    let second = &r.claims[1];
    assert_eq!(
        (second.statuses[0].charge, second.statuses[0].payment),
        (Some(m("7599.00")), Some(m("7599.00")))
    );
    let third = &r.claims[2];
    assert!(third.patient.is_some() && third.subscriber.is_some());
    assert_eq!(third.lines.len(), 1);
    let line = &third.lines[0];
    assert_eq!(line.procedure, "HC:99203");
    assert_eq!(
        (line.charge, line.payment),
        (Some(m("150.00")), Some(m("0.00")))
    );
    assert_eq!(line.statuses[0].class(), StatusClass::Denied);
    assert_eq!(
        line.dates[0].date,
        DateOrRange::Date {
            date: day(2005, 5, 1)
        }
    );
}

#[test]
fn every_276_sample_is_read() {
    read_samples(
        "276",
        5,
        &["X12-SEGMENT-OUT-OF-PLACE", "X12-276-INCOMPLETE"],
        read_276,
        |r| &r.findings,
    );
    let Some(bytes) = sample("linuxforhealth-x12/276_005010X212/claim-level-status.276") else {
        return;
    };
    let requests = read_276(&bytes).unwrap();
    assert_eq!(requests.len(), 3);
    let first = &requests[0].request;
    assert_eq!(first.charge, Some(m("8513.88")));
    assert_eq!(first.patient_control_number.as_deref(), Some("SM123456"));
    assert_eq!(first.bill_type.as_deref(), Some("111"));
    assert_eq!(
        first.subscriber.birth_date.as_ref().map(|d| *d.expose()),
        Some(day(1930, 12, 10))
    );
    // The sample NPIs fail the Luhn check (1666666661) or have 9 digits: kept as sent, with
    // a finding.
    assert!(
        matches!(&first.provider.id, ProviderId::Other { qualifier, id } if qualifier == "XX" && id == "1666666661")
    );
    assert!(requests[0].findings.iter().any(|f| f.rule == "X12-NPI"));
    let third = &requests[2];
    assert!(matches!(
        third.request.provider.id,
        ProviderId::Other { .. }
    ));
    assert!(
        third
            .findings
            .iter()
            .any(|f| f.rule == "X12-276-LINES-NOT-READ")
    );
    assert!(third.request.dependent.is_some());
}

fn status_request(dependent: bool) -> ClaimStatusRequest {
    ClaimStatusRequest {
        reference: "CS-2026-0042".into(),
        payer: Organization {
            name: "PRAIRIE HEALTH".into(),
            id: "PH001".into(),
        },
        information_receiver: Organization {
            name: "RIVERBEND BILLING".into(),
            id: "RB-ETIN".into(),
        },
        provider: Provider {
            name: "RIVERBEND FAMILY MEDICINE".into(),
            first_name: None,
            id: ProviderId::Npi {
                npi: "1234567893".parse().unwrap(),
            },
        },
        subscriber: Individual {
            name: Phi::new(PersonName {
                last: "DOE".into(),
                first: Some("JANE".into()),
                middle: None,
                suffix: None,
            }),
            // A 276 carries the patient's demographics only: none for the subscriber of a dependent.
            birth_date: (!dependent).then(|| Phi::new(day(1980, 2, 29))),
            gender: (!dependent).then(|| Phi::new("F".into())),
        },
        member_id: Phi::new("W123456789".into()),
        dependent: dependent.then(|| Individual {
            name: Phi::new(PersonName {
                last: "DOE".into(),
                first: Some("SAM".into()),
                middle: None,
                suffix: None,
            }),
            birth_date: Some(Phi::new(day(2015, 6, 1))),
            gender: Some(Phi::new("M".into())),
        }),
        trace_number: "TRACE-77".into(),
        patient_control_number: Some("ENC-1001".into()),
        payer_claim_number: dependent.then(|| "PHP-9001".into()),
        bill_type: None,
        charge: Some(m("245.50")),
        service_dates: Some(if dependent {
            DateOrRange::Range {
                start: day(2026, 11, 2),
                end: day(2026, 11, 4),
            }
        } else {
            DateOrRange::Date {
                date: day(2026, 11, 20),
            }
        }),
    }
}

#[test]
fn written_276_reads_back_equal() {
    let requests = vec![status_request(false), status_request(true)];
    let bytes = write_276(&envelope(), &requests).unwrap();
    let report = check_envelopes(&bytes).unwrap();
    assert_eq!(report.findings, vec![]);
    assert_eq!(report.transaction_sets[1].version, "005010X212");
    let back = read_276(&bytes).unwrap();
    for r in &back {
        assert_eq!(r.findings, vec![]);
    }
    let back: Vec<_> = back.into_iter().map(|r| r.request).collect();
    // AMT*T3 is written without trailing zeros (245.5): exact, and equal as money.
    assert_eq!(back, requests);
    // pyx12 4.0.0 has a 276 map for 4010 only: nothing to validate a 5010 276 against.
}

// ---------------------------------------------------------------- 999 / TA1

#[test]
fn every_999_sample_is_read() {
    let files = files_of("999", "");
    if files.is_empty() {
        return;
    }
    assert!(files.len() >= 5, "{} 999 files", files.len());
    for (path, _) in files {
        let acks = read_999(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", name(&path)));
        assert!(!acks.is_empty(), "{}", name(&path));
        for a in &acks {
            assert!(
                a.findings
                    .iter()
                    .all(|f| f.rule.starts_with("X12-IEA") || f.rule.starts_with("X12-SE")),
                "{}: {:?}",
                name(&path),
                a.findings
            );
            assert!(
                a.groups.iter().all(|g| g.status.is_some()),
                "{}",
                name(&path)
            );
        }
    }
}

#[test]
fn rejected_999_names_segment_error_and_code() {
    let Some(bytes) = sample("imsweb-x12-parser/837_5010/x12_999_rejected.txt") else {
        return;
    };
    let a = &read_999(&bytes).unwrap()[0];
    let group = &a.groups[0];
    assert_eq!(
        (
            group.functional_id.as_str(),
            group.control_number.as_str(),
            group.version.as_deref()
        ),
        ("HC", "28", Some("005010X223A2"))
    );
    assert_eq!(group.status, Some(AckCode::Rejected));
    assert_eq!(
        (
            group.sets_included,
            group.sets_received,
            group.sets_accepted
        ),
        (Some(1), Some(1), Some(0))
    );
    let set = &group.transactions[0];
    assert_eq!(
        (set.set_id.as_str(), set.control_number.as_str()),
        ("837", "0028")
    );
    assert_eq!(set.status, Some(AckCode::Rejected));
    assert_eq!(set.errors, ["5"]);
    let error = &set.segment_errors[0];
    assert_eq!(
        (
            error.segment_id.as_str(),
            error.position,
            error.code.as_deref()
        ),
        ("NM", Some(17), Some("1"))
    );
    assert_eq!(a.rejected_sets().len(), 1);

    let Some(bytes) = sample("oopfactory-x12/Acknowledgments/_999/DHS_Wisconsin_Sample.txt") else {
        return;
    };
    let a = &read_999(&bytes).unwrap()[0];
    let group = &a.groups[0];
    assert_eq!(group.status, Some(AckCode::PartiallyAccepted));
    assert_eq!(group.transactions.len(), 3);
    assert_eq!(group.transactions[0].status, Some(AckCode::Accepted));
    let clm = &group.transactions[1].segment_errors[0];
    assert_eq!(
        (clm.segment_id.as_str(), clm.position, clm.code.as_deref()),
        ("CLM", Some(22), Some("8"))
    );
    assert_eq!(clm.context[0].name, "CLM01");
    let element = &clm.element_errors[0];
    assert_eq!(
        (
            element.position,
            element.data_element.as_deref(),
            element.code.as_deref()
        ),
        (Some(2), Some("782"), Some("1"))
    );
    let reference = &group.transactions[2].segment_errors[0];
    assert_eq!(reference.context[0].name, "SITUATIONAL TRIGGER");
    assert_eq!(reference.context[0].segment_id.as_deref(), Some("CLM"));
    assert_eq!(
        a.rejected_sets()
            .iter()
            .map(|t| t.control_number.as_str())
            .collect::<Vec<_>>(),
        ["002", "0003"]
    );

    let Some(bytes) = sample("pyx12/834_lui_id_5010.999.txt") else {
        return;
    };
    let acks = read_999(&bytes).unwrap();
    assert_eq!(acks.len(), 4);
    assert!(acks.iter().all(|a| a.rejected_sets().is_empty()));
}

#[test]
fn ik4_bad_data_copy_is_never_kept() {
    let text = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~\
GS*FA*P*R*20261127*1200*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~AK2*837*0001*005010X222A1~\
IK3*NM1*9*2010BA*8~IK4*3*1035*7*JANEDOE-SECRET~IK5*R*5~AK9*R*1*1*0~SE*8*0001~GE*1*1~IEA*1*000000001~";
    let a = read_999(text.as_bytes()).unwrap();
    assert_eq!(a[0].findings, vec![]);
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("SECRET") && !format!("{a:?}").contains("SECRET"));
    assert_eq!(
        a[0].groups[0].transactions[0].segment_errors[0].element_errors[0]
            .data_element
            .as_deref(),
        Some("1035")
    );
}

#[test]
fn ta1_is_read_and_4010_is_refused() {
    let text = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000002*0*P*:~\
TA1*000000907*261126*1147*R*024~IEA*0*000000002~";
    let ta1 = read_ta1(text.as_bytes()).unwrap();
    assert_eq!(ta1[0].control_number, "000000907");
    assert_eq!(ta1[0].status, Some(AckCode::Rejected));
    assert_eq!(ta1[0].note_code.as_deref(), Some("024"));
    assert_eq!(ta1[0].date, Some(day(2026, 11, 26)));
    // The shared TA1 sample is a 4010 interchange.
    let Some(bytes) = sample("uhin-x12-parser-library/TA1.edi") else {
        return;
    };
    assert!(matches!(
        read_ta1(&bytes),
        Err(X12Error::UnsupportedVersion { .. })
    ));
    assert!(matches!(
        read_999(&bytes),
        Err(X12Error::UnsupportedVersion { .. })
    ));
}

// ---------------------------------------------------------------- malformed input

const ISA: &str = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~";

#[test]
fn malformed_271_gives_findings_not_panics() {
    let body = "GS*HB*P*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~\
EB*1**30~HL*1**20*1~NM1*PR*2*PAYER*****PI*1~AAA*Y**42*R~HL*3*1*22*0~NM1*IL*1*DOE****MI*X~\
DMG*D8*19801301~DTP*346*RD8*20260101~EB*C*IND*30***23*1O0.00*****Y~EB*A*IND*30*****.2*X~\
EB*A*IND*98*****12~LE*2120~ZZ*1~ZZ*2~HL*9*1*99~EB*1~SE*18*0001~GE*1*1~IEA*1*000000001~";
    let r = &read_271(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    let rules: Vec<_> = r
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.path))
        .collect();
    for expected in [
        "X12-DATE segment 10 DMG02",
        "X12-DATE segment 11 DTP03",
        "X12-AMOUNT segment 12 EB07",
        "X12-PERCENT segment 14 EB08",
        "X12-HL-LEVEL segment 18 HL03",
        "X12-SEGMENT-OUT-OF-PLACE segment 4 EB",
        "X12-SEGMENT-OUT-OF-PLACE segment 15 LE",
        "X12-SEGMENT-NOT-READ segment 16 ZZ",
    ] {
        assert!(
            rules.iter().any(|r| r.starts_with(expected)),
            "{expected} not in {rules:#?}"
        );
    }
    // EB08 .2 is 20%; 12 (1200%) is beyond any rate and is a finding.
    let member = &r.subscribers[0].member;
    assert_eq!(
        member.benefits[1].percent.map(|p| p.percent()),
        Some("20".parse().unwrap())
    );
    assert_eq!(member.benefits[1].quantity, None);
    assert_eq!(r.source_rejections.len(), 1);
    assert!(r.findings.iter().all(|f| !f.message.contains("DOE")));
}

#[test]
fn truncated_and_garbage_inputs_are_typed_errors_or_findings() {
    for reader in [
        |b: &[u8]| read_271(b).map(|v| v.len()),
        |b: &[u8]| read_277(b).map(|v| v.len()),
        |b: &[u8]| read_999(b).map(|v| v.len()),
        |b: &[u8]| read_270(b).map(|v| v.len()),
        |b: &[u8]| read_276(b).map(|v| v.len()),
        |b: &[u8]| read_ta1(b).map(|v| v.len()),
    ] {
        assert_eq!(reader(b""), Err(X12Error::NoInterchange));
        assert_eq!(reader(b"hello"), Err(X12Error::NoInterchange));
        assert!(matches!(
            reader(b"ISA*00"),
            Err(X12Error::Truncated { .. } | X12Error::BadIsa { .. })
        ));
        let written = write_270(&envelope(), &[eligibility_request(true)]).unwrap();
        let status = write_276(&envelope(), &[status_request(true)]).unwrap();
        for bytes in [&written, &status] {
            for cut in (0..bytes.len()).step_by(7) {
                let _ = reader(&bytes[..cut]);
            }
        }
    }
    // A 276 cut in the middle still gives its claim, and the envelope findings say what is
    // missing.
    let bytes = write_276(&envelope(), &[status_request(false)]).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let cut = text.find("AMT*").unwrap();
    let read = read_276(&text.as_bytes()[..cut]).unwrap();
    assert_eq!(read.len(), 1);
    assert!(
        read[0]
            .findings
            .iter()
            .any(|f| f.rule == "X12-TRAILER-MISSING")
    );
    assert_eq!(read[0].request.charge, None);
}

#[test]
fn malformed_277_and_999_give_findings() {
    let body = "GS*HN*P*R*20261127*1200*1*X*005010X214~ST*277*0001*005010X214~\
STC*A1:20*20261127~HL*1**20*1~NM1*PR*2*PAYER~HL*2*1*PT~NM1*QC*1*DOE~STC*A7:562~\
TRN*2*PCN-1~STC*A7:562:85*2026-11-27*U*12,00~SVC*HC:99213*abc~REF*FJ*L1~SE*11*0001~GE*1*1~IEA*1*000000001~";
    let r = &read_277(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    let rules: Vec<_> = r
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.path))
        .collect();
    for expected in [
        "X12-DATE segment 11 STC02",
        "X12-AMOUNT segment 11 STC04",
        "X12-AMOUNT segment 12 SVC02",
        "X12-SEGMENT-OUT-OF-PLACE segment 4 STC",
    ] {
        assert!(
            rules.iter().any(|r| r.starts_with(expected)),
            "{expected} not in {rules:#?}"
        );
    }
    assert_eq!(r.claims[0].patient_control_number.as_deref(), Some("PCN-1"));
    assert_eq!(
        r.claims[0].lines[0].line_item_control_number.as_deref(),
        Some("L1")
    );
    assert_eq!(r.claims[0].class(), StatusClass::Rejected);

    let body = "GS*FA*P*R*20261127*1200*1*X*005010X231A1~ST*999*0001*005010X231A1~IK3*NM1*x~AK1*HC*1~\
IK5*A~AK2*837*0001~IK4*1*66*7~IK3*NM1*X1~IK5*R~IK5*A~AK9*R*one~SE*11*0001~GE*1*1~IEA*1*000000001~";
    let a = &read_999(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    let rules: Vec<_> = a
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.path))
        .collect();
    for expected in [
        "X12-NUMBER segment 9 IK302",
        "X12-NUMBER segment 12 AK902",
        "X12-SEGMENT-OUT-OF-PLACE segment 4 IK3",
        "X12-SEGMENT-OUT-OF-PLACE segment 6 IK5",
        "X12-SEGMENT-OUT-OF-PLACE segment 8 IK4",
    ] {
        assert!(
            rules.iter().any(|r| r.starts_with(expected)),
            "{expected} not in {rules:#?}"
        );
    }
    // The two misplaced IK5 (segments 6 and 11) are one aggregated finding.
    assert!(
        a.findings
            .iter()
            .any(|f| f.path == "segment 6 IK5" && f.message.contains("2 IK5 segments")),
        "{rules:#?}"
    );
    assert_eq!(a.groups[0].transactions[0].status, Some(AckCode::Rejected));
}

// ---------------------------------------------------------------- the fuzz target's property

/// What `fuzz/fuzz_targets/write_read_270.rs` does, on JSON the tests can name.
fn write_read_270_json(text: &str) {
    let Ok(request) = medbill::from_json::<EligibilityRequest>(text) else {
        return;
    };
    let envelope: Envelope = medbill::from_json(
        r#"{"senderId":"SENDER","receiverId":"RECEIVER","interchangeControlNumber":1,
            "groupControlNumber":1,"date":"2026-11-27","time":"12:00:00"}"#,
    )
    .unwrap();
    let Ok(bytes) = write_270(&envelope, std::slice::from_ref(&request)) else {
        return;
    };
    let read = read_270(&bytes).unwrap();
    assert_eq!(read.len(), 1);
    assert!(
        read[0]
            .findings
            .iter()
            .all(|f| f.rule != "X12-SEGMENT-OUT-OF-PLACE"),
        "{:?}",
        read[0].findings
    );
}

#[test]
fn the_fuzz_targets_json_path_works() {
    for dependent in [false, true] {
        let json = medbill::to_json(&eligibility_request(dependent)).unwrap();
        write_read_270_json(&json);
        let back: EligibilityRequest = medbill::from_json(&json).unwrap();
        assert_eq!(back, eligibility_request(dependent));
    }
    write_read_270_json("{}");
    write_read_270_json("not json");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    #[test]
    fn any_printable_270_writes_and_reads_back(
        last in "[ -~]{0,12}",
        first in proptest::option::of("[ -~]{0,8}"),
        member in proptest::option::of("[ -~]{0,12}"),
        service_types in proptest::collection::vec("[ -~]{0,3}", 1..4),
        reference in "[ -~]{1,10}",
        trace in "[ -~]{1,10}",
        dependent in proptest::option::of("[ -~]{0,12}"),
    ) {
        let mut request = eligibility_request(dependent.is_some());
        request.subscriber.name = Phi::new(PersonName { last, first, middle: None, suffix: None });
        request.member_id = member.map(Phi::new);
        request.service_types = service_types;
        request.reference = reference;
        request.trace_number = trace;
        if let (Some(d), Some(name)) = (request.dependent.as_mut(), dependent) {
            d.name = Phi::new(PersonName { last: name, ..PersonName::default() });
        }
        write_read_270_json(&medbill::to_json(&request).unwrap());
        // Plain identifiers (no delimiters, no outer spaces) come back exactly.
        let clean = |s: &str| !s.is_empty() && s.trim() == s && !s.contains(['*', ':', '^', '~']);
        let all_clean = clean(&request.subscriber.name.expose().last)
            && request.subscriber.name.expose().first.as_deref().is_none_or(clean)
            && request.member_id.as_ref().is_none_or(|m| clean(m.expose()))
            && request.service_types.iter().all(|s| clean(s))
            && clean(&request.reference) && clean(&request.trace_number)
            && request.dependent.as_ref().is_none_or(|d| clean(&d.name.expose().last));
        if all_clean {
            let bytes = write_270(&envelope(), std::slice::from_ref(&request)).unwrap();
            let back = read_270(&bytes).unwrap();
            proptest::prop_assert_eq!(&back[0].request, &request);
        }
    }
}

#[test]
fn deductible_and_out_of_pocket_by_level_and_network() {
    let body = "GS*HB*P*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11*REF-1*20261127*1200~\
HL*1**20*1~NM1*PR*2*PRAIRIE HEALTH*****PI*PH001~PER*IC**TE*8005551212~HL*2*1*21*1~NM1*1P*2*RIVERBEND*****XX*1234567893~\
HL*3*2*22*0~TRN*2*T-0001*1123456789~NM1*IL*1*DOE*JANE****MI*W123~REF*18*PLAN-7~REF*6P*GRP-42*ACME CORP~\
DTP*356*D8*20260101~DTP*357*D8*20261231~\
EB*1*FAM*30*PR*GOLD PPO~\
EB*C*IND*30***23*1500.00*****Y~EB*C*IND*30***29*1200.50*****Y~EB*C*FAM*30***23*3000*****Y~EB*C*FAM*30***29*2500*****Y~\
EB*C*IND*30***23*3000*****N~EB*C*IND*30***24*750*****N~\
EB*G*IND*30***23*6000*****Y~EB*G*IND*30***29*5800.25*****Y~EB*G*FAM*30***32*12000*****W~\
EB*B*IND*98***27*25*****Y~MSG*PRIMARY CARE OFFICE VISIT~EB*A*IND*98*****.2****Y~EB*A*IND*98*****0.45****N~\
EB*B*IND*UC^86***27*75~DTP*292*RD8*20260101-20261231~\
SE*31*0001~GE*1*1~IEA*1*000000001~";
    let responses = read_271(format!("{ISA}{body}").as_bytes()).unwrap();
    let r = &responses[0];
    assert_eq!(r.findings, vec![]);
    assert_eq!(r.reference.as_deref(), Some("REF-1"));
    assert_eq!(
        r.payer().unwrap().contacts[0].numbers,
        [("TE".to_owned(), "8005551212".to_owned())]
    );
    let p = r.patient().unwrap();
    assert_eq!(
        (p.plan_number(), p.group_number()),
        (Some("PLAN-7"), Some("GRP-42"))
    );
    assert_eq!(p.references[1].description.as_deref(), Some("ACME CORP"));
    assert_eq!(coverage_begin(p), Some(day(2026, 1, 1)));
    assert_eq!(p.active_coverage(), Some(true));
    let (ind, fam) = (CoverageLevel::Individual, CoverageLevel::Family);
    let d = p.deductible(&ind, Network::In);
    assert_eq!(
        (d.limit, d.remaining, d.year_to_date),
        (Some(m("1500.00")), Some(m("1200.50")), None)
    );
    let d = p.deductible(&fam, Network::In);
    assert_eq!((d.limit, d.remaining), (Some(m("3000")), Some(m("2500"))));
    let d = p.deductible(&ind, Network::Out);
    assert_eq!(
        (d.limit, d.remaining, d.year_to_date),
        (Some(m("3000")), None, Some(m("750")))
    );
    let o = p.out_of_pocket(&ind, Network::In);
    assert_eq!(
        (o.limit, o.remaining),
        (Some(m("6000")), Some(m("5800.25")))
    );
    // EB12 W (not applicable) counts for both networks.
    assert_eq!(p.out_of_pocket(&fam, Network::Out).limit, Some(m("12000")));
    assert_eq!(p.out_of_pocket(&ind, Network::Out).limit, None);
    assert_eq!(p.copay("98", Network::In), Some(m("25")));
    assert_eq!(p.copay("98", Network::Out), None);
    // No EB12: the urgent care copay counts for both networks.
    assert_eq!(p.copay("UC", Network::Out), Some(m("75")));
    assert_eq!(p.copay("86", Network::In), Some(m("75")));
    assert_eq!(
        p.coinsurance("98", Network::In).map(|r| r.percent()),
        Some("20".parse().unwrap())
    );
    assert_eq!(
        p.coinsurance("98", Network::Out).map(|r| r.percent()),
        Some("45".parse().unwrap())
    );
    let copay = p
        .benefits
        .iter()
        .find(|b| b.kind == BenefitKind::CoPayment)
        .unwrap();
    assert_eq!(copay.messages, ["PRIMARY CARE OFFICE VISIT"]);
    assert_eq!(p.benefits[0].coverage_level, Some(CoverageLevel::Family));
    assert_eq!(p.benefits[0].plan_description.as_deref(), Some("GOLD PPO"));
    // Codes serialize as the X12 code, unknown ones kept as sent.
    assert_eq!(
        serde_json::to_string(&BenefitKind::from("C")).unwrap(),
        "\"C\""
    );
    assert_eq!(BenefitKind::from("ZZ"), BenefitKind::Other("ZZ".into()));
    assert_eq!(
        serde_json::from_str::<TimePeriod>("\"29\"").unwrap(),
        TimePeriod::Remaining
    );
}

#[test]
fn status_classes_from_category_codes() {
    use StatusClass::*;
    for (code, class) in [
        ("A1", Received),
        ("A2", Accepted),
        ("A3", Rejected),
        ("A7", Rejected),
        ("A8", Rejected),
        ("P1", Pending),
        ("P5", Pending),
        ("F1", Paid),
        ("F2", Denied),
        ("F4", Finalized),
        ("F3N", Finalized),
        ("R4", InformationRequested),
        ("E0", Error),
        ("D0", Error),
        ("ZZ", Unknown),
    ] {
        assert_eq!(StatusClass::of(code), class, "{code}");
    }
}

fn rules_of(findings: &[medbill::Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.path))
        .collect()
}

#[test]
fn empty_required_names_are_errors_in_eligibility_and_status() {
    // 271: the information source (2100A, segment 6) has no name; the subscriber's (2100C)
    // is situational there, so none is required.
    let body = "GS*HB*P*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11*R~\
HL*1**20*1~NM1*PR*2******PI*PH001~HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*1234567893~\
HL*3*2*22*0~NM1*IL*1******MI*W1~EB*1~SE*10*0001~GE*1*1~IEA*1*000000001~";
    let r = &read_271(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    assert_eq!(rules_of(&r.findings), ["X12-NAME-REQUIRED segment 6 NM103"]);
    // 277: the payer (segment 6), the subscriber (12) and the patient (14) need their names;
    // the receiver (8) and the provider (10) are situational.
    let body = "GS*HN*P*R*20261127*1200*1*X*005010X212~ST*277*0001*005010X212~BHT*0010*08*R~\
HL*1**20*1~NM1*PR*2~HL*2*1*21*1~NM1*41*2~HL*3*2*19*1~NM1*1P*2~HL*4*3*22*1~NM1*IL*1~\
HL*5*4*23~NM1*QC*1~TRN*2*PCN~STC*A1:20*20261127~SE*15*0001~GE*1*1~IEA*1*000000001~";
    let r = &read_277(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    assert_eq!(
        rules_of(&r.findings),
        [
            "X12-NAME-REQUIRED segment 6 NM103",
            "X12-NAME-REQUIRED segment 12 NM103",
            "X12-NAME-REQUIRED segment 14 NM103"
        ]
    );
    // A 277CA requires the receiver's and the billing provider's names too.
    let ca = body
        .replace("005010X212", "005010X214")
        .replace("BHT*0010*08", "BHT*0085*08");
    let r = &read_277(format!("{ISA}{ca}").as_bytes()).unwrap()[0];
    assert!(r.acknowledgment);
    assert_eq!(
        rules_of(&r.findings),
        [
            "X12-NAME-REQUIRED segment 6 NM103",
            "X12-NAME-REQUIRED segment 8 NM103",
            "X12-NAME-REQUIRED segment 10 NM103",
            "X12-NAME-REQUIRED segment 12 NM103",
            "X12-NAME-REQUIRED segment 14 NM103"
        ]
    );
}

#[test]
fn text_findings_reach_every_reader() {
    // A byte that is not UTF-8 in the 999's AK202 and in TA101; a NUL in a 271 EB05.
    let body = b"GS*FA*P*R*20261127*1200*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1~\
AK2*837*00\xF81~IK5*A~AK9*A*1*1*1~SE*6*0001~GE*1*1~IEA*1*000000001~";
    let a = &read_999(&[ISA.as_bytes(), body].concat()).unwrap()[0];
    assert_eq!(rules_of(&a.findings), ["X12-NOT-TEXT segment 5 AK202"]);
    assert_eq!(a.groups[0].transactions[0].control_number, "");
    let ta1 = b"TA1*00000\xF8907*261126*1147*R*024~IEA*0*000000001~";
    let t = &read_ta1(&[ISA.as_bytes(), ta1].concat()).unwrap()[0];
    assert_eq!(rules_of(&t.findings), ["X12-NOT-TEXT segment 2 TA101"]);
    let body = "GS*HB*P*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11*R~\
HL*1**20*1~NM1*PR*2*PAYER*****PI*PH001~HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*1234567893~\
HL*3*2*22*0~NM1*IL*1*DOE~EB*1****GOLD\0PPO~SE*10*0001~GE*1*1~IEA*1*000000001~";
    let r = &read_271(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    assert_eq!(
        rules_of(&r.findings),
        ["X12-CONTROL-CHARACTER segment 11 EB05"]
    );
}
