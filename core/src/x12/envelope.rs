//! Envelope checks: ISA/IEA, GS/GE and ST/SE control numbers and counts. A mismatch is a
//! finding, not an error — real files often carry a wrong SE01 — and names the segment
//! position and element, never the data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::X12Error;
use super::tokenizer::{Segment, Tokenizer};
use crate::finding::Finding;

/// One transaction set (ST…SE) as the envelope describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TransactionSet {
    /// ST01: `835`, `837`, `270`…
    pub id: String,
    /// ST02 control number.
    pub control_number: String,
    /// The implementation guide version: ST03, else GS08 (e.g. `005010X221A1`).
    pub version: String,
    /// Segments from ST to SE inclusive.
    pub segments: usize,
    /// 1-based position of the ST segment in the file.
    pub position: usize,
}

/// What the envelopes of a file hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EnvelopeReport {
    /// Interchanges (ISA…IEA).
    pub interchanges: usize,
    /// Functional groups (GS…GE).
    pub groups: usize,
    /// Transaction sets, in file order.
    pub transaction_sets: Vec<TransactionSet>,
    /// Control number and count mismatches, missing trailers.
    pub findings: Vec<Finding>,
}

fn at(position: usize, element: &str) -> String {
    format!("segment {position} {element}")
}

/// Reads every envelope of a file. Fails only when the file cannot be read as X12 at all,
/// or declares a version medbill does not read (4010).
pub fn check_envelopes(input: &[u8]) -> Result<EnvelopeReport, X12Error> {
    let mut checker = EnvelopeChecker::default();
    for segment in Tokenizer::new(input)? {
        checker.segment(&segment?)?;
    }
    Ok(checker.finish())
}

/// The envelope check one segment at a time, for readers that stream.
#[derive(Debug, Clone, Default)]
pub struct EnvelopeChecker {
    report: EnvelopeReport,
    // (control number, position, groups seen)
    isa: Option<(String, usize, usize)>,
    // (control number, position, sets seen, version)
    gs: Option<(String, usize, usize, String)>,
    // (control number, position, segments so far, id, version)
    st: Option<(String, usize, usize, String, String)>,
}

impl EnvelopeChecker {
    /// Findings so far.
    pub fn findings(&self) -> &[Finding] {
        &self.report.findings
    }

    /// The version (ST03, else GS08) of the open transaction set.
    pub fn version(&self) -> Option<&str> {
        self.st.as_ref().map(|st| st.4.as_str())
    }

    /// Counts `segments` read elsewhere inside the open transaction set; none of them is an
    /// envelope segment (ISA, GS, ST, SE, GE, IEA), so counting is all they need.
    pub(crate) fn body_segments(&mut self, segments: usize) {
        if let Some(open) = self.st.as_mut() {
            open.2 = open.2.saturating_add(segments);
        }
    }

    /// Checks one segment. Fails on a 4010 (or older) ISA or GS.
    #[inline]
    pub fn segment(&mut self, segment: &Segment<'_>) -> Result<(), X12Error> {
        if let Some(open) = self.st.as_mut() {
            open.2 = open.2.saturating_add(1);
        }
        // Only ISA, GS, ST, SE, GE and IEA matter here: most segments leave at the first byte.
        if !matches!(segment.raw().first(), Some(b'I' | b'G' | b'S')) {
            return Ok(());
        }
        self.envelope_segment(segment)
    }

    /// [`EnvelopeChecker::segment`] for a segment that may be an envelope segment.
    fn envelope_segment(&mut self, segment: &Segment<'_>) -> Result<(), X12Error> {
        let report = &mut self.report;
        let isa = &mut self.isa;
        let gs = &mut self.gs;
        let st = &mut self.st;
        let position = segment.position;
        let raw = segment.raw();
        // The id from the first bytes: every id checked here is two or three letters.
        let separator = segment.delimiters().element;
        let length = match raw {
            [_, _, _, d, ..] if *d == separator => 3,
            [_, _, _] => 3,
            [_, _, c, ..] if *c == separator => 2,
            [_, _] => 2,
            _ => return Ok(()),
        };
        let id = raw.get(..length).unwrap_or_default();
        let element = |n| segment.element(n).unwrap_or("").trim().to_owned();
        match id {
            b"ISA" => {
                let version = element(12);
                if version.as_str() < "00501" {
                    // ISA12 00401 is the 4010 interchange.
                    let version = if version == "00401" {
                        "004010".to_owned()
                    } else {
                        version
                    };
                    return Err(X12Error::UnsupportedVersion { version });
                }
                if let Some((_, open_at, _)) = isa.take() {
                    report.findings.push(Finding::error(
                        "X12-IEA-MISSING",
                        at(open_at, "ISA"),
                        "interchange has no IEA trailer",
                    ));
                }
                if segment.raw().len().saturating_add(1) != super::tokenizer::ISA_LENGTH {
                    report.findings.push(Finding::warning(
                        "X12-ISA-WIDTH",
                        at(position, "ISA"),
                        "ISA fields are not padded to their fixed widths",
                    ));
                }
                *isa = Some((element(13), position, 0));
                report.interchanges = report.interchanges.saturating_add(1);
            }
            b"GS" => {
                let version = element(8);
                // GS08 names the version of everything in the group: 005010 (with its
                // implementation guide, e.g. 005010X222A1) is what medbill reads. Anything
                // else — 004010, or a version masked beyond recognition — is refused rather
                // than misread.
                if !version.starts_with("00501") {
                    let version = if version.starts_with("004010") {
                        "004010".to_owned()
                    } else {
                        version
                    };
                    return Err(X12Error::UnsupportedVersion { version });
                }
                if let Some(open) = isa.as_mut() {
                    open.2 = open.2.saturating_add(1);
                }
                *gs = Some((element(6), position, 0, version));
                report.groups = report.groups.saturating_add(1);
            }
            b"ST" => {
                let group_version = gs.as_ref().map(|g| g.3.clone()).unwrap_or_default();
                let version = Some(element(3))
                    .filter(|v| !v.is_empty())
                    .unwrap_or(group_version);
                if let Some(open) = gs.as_mut() {
                    open.2 = open.2.saturating_add(1);
                }
                *st = Some((element(2), position, 1, element(1), version));
            }
            b"SE" => match st.take() {
                Some((control, open_at, count, id, version)) => {
                    if element(2) != control {
                        report.findings.push(Finding::error(
                            "X12-SE02-CONTROL",
                            at(position, "SE02"),
                            format!("does not match ST02 at segment {open_at}"),
                        ));
                    }
                    if element(1).parse::<usize>().ok() != Some(count) {
                        report.findings.push(Finding::warning(
                            "X12-SE01-COUNT",
                            at(position, "SE01"),
                            format!("does not match the {count} segments from ST to SE"),
                        ));
                    }
                    report.transaction_sets.push(TransactionSet {
                        id,
                        control_number: control.clone(),
                        version,
                        segments: count,
                        position: open_at,
                    });
                }
                None => report.findings.push(Finding::error(
                    "X12-SE-UNOPENED",
                    at(position, "SE"),
                    "SE without ST",
                )),
            },
            b"GE" => match gs.take() {
                Some((control, open_at, sets, _)) => {
                    if element(2) != control {
                        report.findings.push(Finding::error(
                            "X12-GE02-CONTROL",
                            at(position, "GE02"),
                            format!("does not match GS06 at segment {open_at}"),
                        ));
                    }
                    if element(1).parse::<usize>().ok() != Some(sets) {
                        report.findings.push(Finding::error(
                            "X12-GE01-COUNT",
                            at(position, "GE01"),
                            format!("does not match the {sets} transaction sets in the group"),
                        ));
                    }
                }
                None => report.findings.push(Finding::error(
                    "X12-GE-UNOPENED",
                    at(position, "GE"),
                    "GE without GS",
                )),
            },
            b"IEA" => match isa.take() {
                Some((control, open_at, groups)) => {
                    if element(2) != control {
                        report.findings.push(Finding::error(
                            "X12-IEA02-CONTROL",
                            at(position, "IEA02"),
                            format!("does not match ISA13 at segment {open_at}"),
                        ));
                    }
                    if element(1).parse::<usize>().ok() != Some(groups) {
                        report.findings.push(Finding::error(
                            "X12-IEA01-COUNT",
                            at(position, "IEA01"),
                            format!("does not match the {groups} groups in the interchange"),
                        ));
                    }
                }
                None => report.findings.push(Finding::error(
                    "X12-IEA-UNOPENED",
                    at(position, "IEA"),
                    "IEA without ISA",
                )),
            },
            _ => {}
        }
        Ok(())
    }

    /// The report, with findings for trailers missing at the end of the input.
    pub fn finish(self) -> EnvelopeReport {
        let EnvelopeChecker {
            mut report,
            isa,
            gs,
            st,
        } = self;
        // A set cut off before its SE is still listed (its findings say what is missing).
        if let Some((control_number, open_at, count, id, version)) = st.clone() {
            report.transaction_sets.push(TransactionSet {
                id,
                control_number,
                version,
                segments: count,
                position: open_at,
            });
        }
        for (kind, open) in [
            ("SE", st.map(|s| s.1)),
            ("GE", gs.map(|g| g.1)),
            ("IEA", isa.map(|i| i.1)),
        ] {
            if let Some(open_at) = open {
                report.findings.push(Finding::error(
                    "X12-TRAILER-MISSING",
                    at(open_at, kind),
                    format!("no {kind} trailer before the end of the file"),
                ));
            }
        }
        report
    }
}
