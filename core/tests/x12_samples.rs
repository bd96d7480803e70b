//! Every sample under `../shared/data/x12/`: 5010 files tokenize and their envelopes are read;
//! 4010 files give the clear version error; the few files that are not X12 at all say so.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::print_stdout,
    reason = "test code fails loudly"
)]

mod support;

use std::path::{Path, PathBuf};

use medbill::x12::{X12Error, check_envelopes};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.file_name().is_some_and(|n| n != "SOURCES.md") {
            out.push(path);
        }
    }
}

#[test]
fn every_shared_sample_reads_or_gives_a_clear_error() {
    let Some(dir) = support::shared_data("x12") else {
        return;
    };
    let mut all = Vec::new();
    files(&dir, &mut all);
    all.sort();
    assert!(all.len() >= 120, "{} sample files", all.len());
    let (mut read, mut v4010, mut not_x12) = (0, 0, 0);
    let mut unexpected = Vec::new();
    for path in &all {
        let bytes = std::fs::read(path).unwrap();
        let name = path.strip_prefix(&dir).unwrap().display().to_string();
        // Every typed reader the file calls for (835, 837, 270/271, 276/277, 999, TA1).
        match medbill::read_x12(&bytes).map(|file| file.envelope) {
            Ok(report) => {
                read += 1;
                if report.transaction_sets.is_empty() && !name.contains("TA1") {
                    unexpected.push(format!("{name}: no transaction sets"));
                }
                println!(
                    "{name}: {} sets, {} findings",
                    report.transaction_sets.len(),
                    report.findings.len()
                );
            }
            Err(X12Error::UnsupportedVersion { version }) => {
                // One de-identified 4010 file has its versions masked with 9s (GS08
                // 999999X999X9): refused as the version it declares, not misread as 5010.
                assert!(
                    version == "004010" || (name.contains("_4010") && version.starts_with('9')),
                    "{name}: {version}"
                );
                v4010 += 1;
            }
            Err(X12Error::NoInterchange | X12Error::Utf16) => not_x12 += 1,
            Err(error) => unexpected.push(format!("{name}: {error}")),
        }
    }
    println!("read {read}, 4010 {v4010}, not X12 {not_x12}");
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    assert!(read >= 110, "only {read} files read");
}

fn isa(
    element: char,
    repetition: char,
    component: char,
    segment: char,
    version: &str,
    control: &str,
) -> String {
    let e = element;
    format!(
        "ISA{e}00{e}          {e}00{e}          {e}ZZ{e}SENDER         {e}ZZ{e}RECEIVER       {e}261127{e}1200{e}{repetition}{e}{version}{e}{control}{e}0{e}P{e}{component}{segment}"
    )
}

#[test]
fn delimiters_come_from_each_isa() {
    let first = format!(
        "\u{feff}  {}\nGS*HP*S*R*20261127*1200*1*X*005010X221A1~\nST*835*0001~BPR*I*10.00*C~SVC*HC:99213:25*10~SE*4*0001~GE*1*1~IEA*1*000000001~\n",
        isa('*', '^', ':', '~', "00501", "000000001")
    );
    let second = format!(
        "{}GS|HP|S|R|20261127|1200|2|X|005010X221A1!ST|835|0002!SVC|HC>99214|20!SE|3|0002!GE|1|2!IEA|1|000000002",
        isa('|', '^', '>', '!', "00501", "000000002")
    );
    let input = format!("{first}{second}");
    let segments: Vec<_> = medbill::x12::Tokenizer::new(input.as_bytes())
        .unwrap()
        .map(|s| s.unwrap())
        .collect();
    let ids: Vec<&str> = segments.iter().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "ISA", "GS", "ST", "BPR", "SVC", "SE", "GE", "IEA", "ISA", "GS", "ST", "SVC", "SE",
            "GE", "IEA"
        ]
    );
    let mut ends = Vec::new();
    assert_eq!(segments[4].elements(&mut ends).component(1, 3), Some("25"));
    assert_eq!(
        segments[11].elements(&mut ends).component(1, 2),
        Some("99214")
    );
    assert_eq!(segments[11].elements(&mut ends).get(2), "20");
    let bpr = segments[3].elements(&mut ends);
    assert_eq!((bpr.len(), bpr.get(9)), (3, ""));
    assert_eq!(segments[0].delimiters().repetition, Some(b'^'));
    let report = check_envelopes(input.as_bytes()).unwrap();
    assert_eq!(
        (
            report.interchanges,
            report.groups,
            report.transaction_sets.len()
        ),
        (2, 2, 2)
    );
    assert_eq!(report.findings, vec![]);
    assert_eq!(report.transaction_sets[1].version, "005010X221A1");
}

#[test]
fn envelope_mismatches_are_findings_with_positions() {
    let input = format!(
        "{}GS*HP*S*R*20261127*1200*7*X*005010X221A1~ST*835*0001~BPR*I*10.00*C~SE*9*0002~GE*2*8~IEA*3*000000009~",
        isa('*', '^', ':', '~', "00501", "000000001")
    );
    let report = check_envelopes(input.as_bytes()).unwrap();
    let found: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("X12-SE02-CONTROL", "segment 5 SE02"),
            ("X12-SE01-COUNT", "segment 5 SE01"),
            ("X12-GE02-CONTROL", "segment 6 GE02"),
            ("X12-GE01-COUNT", "segment 6 GE01"),
            ("X12-IEA02-CONTROL", "segment 7 IEA02"),
            ("X12-IEA01-COUNT", "segment 7 IEA01"),
        ]
    );
    assert!(
        report.findings.iter().all(|f| !f.message.contains("0002")),
        "findings must not echo data"
    );
}

#[test]
fn version_4010_and_non_x12_input_are_clear_errors() {
    let old = format!(
        "{}GS*HP*S*R*20261127*1200*1*X*004010X091A1~",
        isa('*', 'U', ':', '~', "00401", "000000001")
    );
    let error = check_envelopes(old.as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "version 004010 is not supported: medbill reads X12 005010"
    );
    assert_eq!(
        check_envelopes(b"ST*835*0001~").unwrap_err(),
        X12Error::NoInterchange
    );
    assert_eq!(
        check_envelopes(&[0xFF, 0xFE, b'I', 0]).unwrap_err(),
        X12Error::Utf16
    );
    assert!(matches!(
        check_envelopes(b"ISA*00*short"),
        Err(X12Error::BadIsa { .. } | X12Error::Truncated { .. })
    ));
}

/// The envelope findings of one group around `sets` (each `ST…SE` given whole), as
/// (rule, path) pairs, with the report's messages.
fn envelope_findings(sets: &[&[u8]]) -> (Vec<(String, String)>, Vec<String>) {
    let mut input = format!(
        "{}GS*HC*S*R*20261127*1200*1*X*005010X222A1~",
        isa('*', '^', ':', '~', "00501", "000000001")
    )
    .into_bytes();
    for set in sets {
        input.extend_from_slice(set);
    }
    input.extend_from_slice(format!("GE*{}*1~IEA*1*000000001~", sets.len()).as_bytes());
    let report = check_envelopes(&input).unwrap();
    let found = report
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.path.clone()))
        .collect();
    let messages = report.findings.iter().map(|f| f.message.clone()).collect();
    (found, messages)
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
        .collect()
}

#[test]
fn elements_that_are_not_text_or_hold_control_characters_are_errors_with_positions() {
    // Segment 4: a Latin-1 é (not UTF-8) in NM103, a NUL in NM104 and a bare continuation
    // byte in NM105; segment 5: one in the id itself, so the path says `?`; segment 6: UTF-8
    // é (text) and a tab (a control character).
    let set: &[u8] = b"ST*837*0001*005010X222A1~NM1*IL*1*DOE\xE9*JA\x00NE*\xFF~N\x80M*1~NM1*QC*1*D\xC3\xA9*J\tO~SE*5*0001~";
    let (found, messages) = envelope_findings(&[set]);
    assert_eq!(
        found,
        pairs(&[
            ("X12-NOT-TEXT", "segment 4 NM103"),
            ("X12-CONTROL-CHARACTER", "segment 4 NM104"),
            ("X12-NOT-TEXT", "segment 5 ?"),
            ("X12-CONTROL-CHARACTER", "segment 6 NM104"),
        ])
    );
    assert!(
        messages[0].contains("(2 elements of this segment)"),
        "{messages:?}"
    );
    for message in &messages {
        assert!(
            !message.contains("DOE") && !message.contains("JA"),
            "{message}"
        );
    }
}

#[test]
fn control_characters_chosen_as_separators_are_not_findings() {
    // ISA16 (component) 0x1F and ISA11 (repetition) 0x1E: they separate, they are not data.
    let mut input = isa('*', '\u{1E}', '\u{1F}', '~', "00501", "000000001").into_bytes();
    input.extend_from_slice(
        b"GS*HP*S*R*20261127*1200*1*X*005010X221A1~ST*835*0001~SVC*HC\x1F99213\x1F25*10*8**1\x1E2~SE*3*0001~GE*1*1~IEA*1*000000001~",
    );
    let report = check_envelopes(&input).unwrap();
    assert_eq!(report.findings, vec![], "{:?}", report.findings);
}

#[test]
fn an_empty_segment_is_an_error_and_counts_towards_se01() {
    // `~~` after BHT: an empty segment at position 5, the set ST…SE is 5 segments.
    let (found, _) = envelope_findings(&[b"ST*837*0001*005010X222A1~BHT*0019~~\n~SE*5*0001~"]);
    assert_eq!(
        found,
        pairs(&[
            ("X12-EMPTY-SEGMENT", "segment 5"),
            ("X12-EMPTY-SEGMENT", "segment 6"),
        ])
    );
    let (found, messages) = envelope_findings(&[b"ST*837*0001*005010X222A1~BHT*0019~~SE*3*0001~"]);
    assert_eq!(
        found,
        pairs(&[
            ("X12-EMPTY-SEGMENT", "segment 5"),
            ("X12-SE01-COUNT", "segment 6 SE01"),
        ])
    );
    assert_eq!(messages[1], "does not match the 4 segments from ST to SE");
}

#[test]
fn unknown_sets_duplicate_control_numbers_and_orphan_hls_are_errors() {
    let (found, messages) = envelope_findings(&[
        b"ST*837*0001*005010X222A1~HL*1**20*1~HL*2*1*22*0~HL*3*9*23*0~SE*5*0001~",
        b"ST*837*0001*005010X222A1~HL*1**20*1~HL*2*2*22*0~SE*4*0001~",
        b"ST*834*0002*005010X220A1~SE*2*0002~",
        b"ST*837*0003*005010X224A2~SE*2*0003~",
    ]);
    assert_eq!(
        found,
        pairs(&[
            // HL 3 names HL 9, which the set does not have.
            ("X12-HL-PARENT", "segment 6 HL02"),
            // The second set reuses 0001 in the group.
            ("X12-ST02-DUPLICATE", "segment 8 ST02"),
            // An HL cannot be its own parent.
            ("X12-HL-PARENT", "segment 10 HL02"),
            // An 834, and an 837 of the dental guide: medbill reads neither.
            ("X12-ST01-UNKNOWN", "segment 12 ST01"),
            ("X12-ST01-UNKNOWN", "segment 14 ST01"),
        ])
    );
    assert!(messages[1].contains("segment 3"), "{messages:?}");
    // A control number may come again in another group, and HL numbers in another set.
    let input = format!(
        "{}GS*HC*S*R*20261127*1200*1*X*005010X222A1~ST*837*0001~HL*1**20*1~SE*3*0001~GE*1*1~\
GS*HC*S*R*20261127*1200*2*X*005010X222A1~ST*837*0001~HL*1**20*1~HL*2*1*22*0~SE*4*0001~GE*1*2~IEA*2*000000001~",
        isa('*', '^', ':', '~', "00501", "000000001")
    );
    assert_eq!(check_envelopes(input.as_bytes()).unwrap().findings, vec![]);
}
