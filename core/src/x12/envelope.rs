//! Envelope checks: ISA/IEA, GS/GE and ST/SE control numbers and counts, and the checks
//! every reader relies on (text, empty segments, known transaction sets, HL parents). A
//! mismatch is a finding, not an error — real files often carry a wrong SE01 — and names the
//! segment position and element, never the data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use rustc_hash::{FxHashMap, FxHashSet};

use super::X12Error;
use super::tokenizer::{Segment, Tokenizer};
use super::value::{self, Elements};
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

/// The segments the envelope check follows beyond their text: the envelopes and HL.
const ENVELOPE_IDS: [&[u8]; 7] = [b"ISA", b"GS", b"ST", b"SE", b"GE", b"IEA", b"HL"];

/// The envelope check of a segment on its own: its text (an element that is not UTF-8 or
/// holds a control character) and whether it is empty, as findings. `false` when it may be
/// an envelope segment or an HL, which [`EnvelopeChecker`] follows with what came before;
/// then nothing else is checked here. Any thread can run it on a segment it read (`ends` is
/// a buffer to reuse).
pub(crate) fn body_segment(
    segment: &Segment<'_>,
    ends: &mut Vec<u32>,
    findings: &mut Vec<Finding>,
) -> bool {
    if !segment.is_plain() {
        text(segment, ends, findings);
    }
    match segment.raw() {
        [] => {
            findings.push(Finding::error(
                "X12-EMPTY-SEGMENT",
                format!("segment {}", segment.position),
                "an empty segment: a segment terminator with nothing before it (counted as a \
                 segment, as its terminator ends one)",
            ));
            true
        }
        [b'I' | b'G' | b'S' | b'H', ..] => !may_be_envelope(segment),
        _ => true,
    }
}

/// Whether the segment's id (its bytes up to the element separator) is ISA, GS, ST, SE, GE,
/// IEA or HL.
fn may_be_envelope(segment: &Segment<'_>) -> bool {
    let raw = segment.raw();
    let separator = segment.delimiters().element;
    let length = match raw {
        [_, _, _, d, ..] if *d == separator => 3,
        [_, _, _] => 3,
        [_, _, c, ..] if *c == separator => 2,
        [_, _] => 2,
        _ => return false,
    };
    ENVELOPE_IDS.contains(&raw.get(..length).unwrap_or_default())
}

/// The text findings of a segment not known to be printable ASCII.
#[cold]
fn text(segment: &Segment<'_>, ends: &mut Vec<u32>, findings: &mut Vec<Finding>) {
    if value::printable(segment.raw()) {
        return;
    }
    let elements = Elements::split(segment, ends);
    value::text_findings(&elements, findings);
}

/// The transaction sets medbill reads (ST01).
const READ_SETS: [&str; 7] = ["270", "271", "276", "277", "835", "837", "999"];

/// Reads every envelope of a file. Fails only when the file cannot be read as X12 at all,
/// or declares a version medbill does not read (4010).
pub fn check_envelopes(input: &[u8]) -> Result<EnvelopeReport, X12Error> {
    let mut checker = EnvelopeChecker::default();
    for segment in Tokenizer::new(input)? {
        checker.segment(&segment?)?;
    }
    Ok(checker.finish())
}

/// The envelope check one segment at a time, for readers that stream. Besides the
/// envelopes it checks what every reader relies on, whatever the transaction: each segment
/// has an id and is text (an element that is not UTF-8, or holds a control character, is an
/// error finding naming the element), ST01 names a transaction set medbill reads, ST02 is
/// unique within its functional group, and every HL's parent (HL02) is an earlier HL of
/// its transaction set.
///
/// An empty segment (two segment terminators with nothing, or only white space, between) is
/// an error finding (`X12-EMPTY-SEGMENT`) with its position. It still takes a position and
/// counts towards SE01, as every segment terminator ends a segment: a sender that wrote it
/// counted it, and a receiver's 999 names the segments after it by the same positions.
#[derive(Debug, Clone, Default)]
pub struct EnvelopeChecker {
    report: EnvelopeReport,
    // (control number, position, groups seen)
    isa: Option<(String, usize, usize)>,
    // (control number, position, sets seen, version)
    gs: Option<(String, usize, usize, String)>,
    // (control number, position, segments so far, id, version)
    st: Option<(String, usize, usize, String, String)>,
    /// ST02 → position of the ST, within the open functional group.
    control_numbers: FxHashMap<String, usize>,
    /// HL01 of the open transaction set.
    hierarchy: FxHashSet<String>,
    /// Element ends of the segment being checked (reused).
    ends: Vec<u32>,
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

    /// Counts `segments` read elsewhere inside the open transaction set, with the findings
    /// [`body_segment`] gave for them (positions already those of the whole input): none of
    /// them is an envelope segment (ISA, GS, ST, SE, GE, IEA) or an HL, so their text and
    /// emptiness are all there is to check, and was checked where they were read (the
    /// threaded 835 reader's pieces).
    pub(crate) fn body_segments(&mut self, segments: usize, findings: Vec<Finding>) {
        if let Some(open) = self.st.as_mut() {
            open.2 = open.2.saturating_add(segments);
        }
        self.report.findings.extend(findings);
    }

    /// Checks one segment. Fails on a 4010 (or older) ISA or GS.
    #[inline]
    pub fn segment(&mut self, segment: &Segment<'_>) -> Result<(), X12Error> {
        if let Some(open) = self.st.as_mut() {
            open.2 = open.2.saturating_add(1);
        }
        // Only ISA, GS, ST, SE, GE, IEA and HL matter beyond the segment itself: most
        // segments leave at the first byte.
        if body_segment(segment, &mut self.ends, &mut self.report.findings) {
            Ok(())
        } else {
            self.envelope_segment(segment)
        }
    }

    /// [`EnvelopeChecker::segment`] for a segment that may be an envelope segment or an HL.
    fn envelope_segment(&mut self, segment: &Segment<'_>) -> Result<(), X12Error> {
        let EnvelopeChecker {
            report,
            isa,
            gs,
            st,
            control_numbers,
            hierarchy,
            ends,
        } = self;
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
        if !ENVELOPE_IDS.contains(&id) {
            return Ok(());
        }
        let elements = Elements::split(segment, ends);
        let element = |n| elements.trimmed(n).to_owned();
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
                control_numbers.clear();
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
                control_numbers.clear();
            }
            b"ST" => {
                let group_version = gs.as_ref().map(|g| g.3.clone()).unwrap_or_default();
                let version = Some(element(3))
                    .filter(|v| !v.is_empty())
                    .unwrap_or(group_version);
                if let Some(open) = gs.as_mut() {
                    open.2 = open.2.saturating_add(1);
                }
                let set = element(1);
                let read = READ_SETS.contains(&set.as_str())
                    && (set != "837" || version.contains("X222") || version.contains("X223"));
                if !read {
                    report.findings.push(Finding::error(
                        "X12-ST01-UNKNOWN",
                        at(position, "ST01"),
                        "not a transaction set medbill reads (270, 271, 276, 277, 835, 999, and \
                         837 of the professional X222 or institutional X223 guide); its \
                         segments are not read",
                    ));
                }
                let control = element(2);
                if let Some(first) = control_numbers.get(&control) {
                    report.findings.push(Finding::error(
                        "X12-ST02-DUPLICATE",
                        at(position, "ST02"),
                        format!(
                            "the control number of the transaction set at segment {first} of \
                             the same functional group; ST02 must be unique within its group"
                        ),
                    ));
                } else {
                    control_numbers.insert(control.clone(), position);
                }
                hierarchy.clear();
                *st = Some((control, position, 1, set, version));
            }
            b"HL" => {
                let parent = elements.trimmed(2);
                if !parent.is_empty() && !hierarchy.contains(parent) {
                    report.findings.push(Finding::error(
                        "X12-HL-PARENT",
                        at(position, "HL02"),
                        "names no earlier HL (HL01) of this transaction set as the parent",
                    ));
                }
                hierarchy.insert(element(1));
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
            ..
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
