//! Acknowledgments: the 999 implementation acknowledgment (005010X231A1) read into
//! [`Acknowledgment`]s, and the TA1 interchange acknowledgment.
//!
//! IK4-04 (a copy of the bad data) is never read: it may hold patient data, and an error
//! position plus the data element reference say enough.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::message::{self, Findings, x12_code};
use super::value::{self, Elements};
use super::{Tokenizer, X12Error, check_envelopes};
use crate::finding::Finding;

/// The implementation guide of the 999.
pub const ACKNOWLEDGMENT_VERSION: &str = "005010X231A1";

x12_code! {
    /// IK501, AK901, TA104: what happened to a transaction set, group or interchange.
    AckCode {
        /// `A` accepted.
        Accepted = "A",
        /// `E` accepted, but errors were noted.
        AcceptedWithErrors = "E",
        /// `P` partially accepted: at least one transaction set was rejected.
        PartiallyAccepted = "P",
        /// `R` rejected.
        Rejected = "R",
        /// `M` rejected, message authentication code failed.
        RejectedAuthentication = "M",
        /// `W` rejected, assurance failed validity tests.
        RejectedValidity = "W",
        /// `X` rejected, content could not be analyzed after decryption.
        RejectedContent = "X",
    }
}

impl AckCode {
    /// `A` or `E`: the receiver took the data.
    pub fn is_accepted(&self) -> bool {
        matches!(self, AckCode::Accepted | AckCode::AcceptedWithErrors)
    }
}

/// An IK4: one bad element of a bad segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ElementError {
    /// IK401-1 element position in the segment.
    pub position: Option<u32>,
    /// IK401-2 component position in a composite.
    pub component: Option<u32>,
    /// IK401-3 repetition.
    pub repetition: Option<u32>,
    /// IK402 data element reference number.
    pub data_element: Option<String>,
    /// IK403 error code (`1` required element missing, `4` too short, `5` too long, `7`
    /// invalid code value, `8` invalid date…).
    pub code: Option<String>,
}

/// A CTX segment: where in the business data the error is (e.g. which claim).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorContext {
    /// CTX01-1 context name (`CLM01`, `SITUATIONAL TRIGGER`).
    pub name: String,
    /// CTX01-2 reference (e.g. the claim's patient control number), when sent.
    pub reference: Option<String>,
    /// CTX02 segment id of the trigger, when sent.
    pub segment_id: Option<String>,
    /// CTX03 its position in the transaction set.
    pub segment_position: Option<u32>,
}

/// An IK3: one bad segment of a transaction set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SegmentError {
    /// IK301 segment id.
    pub segment_id: String,
    /// IK302 position in the transaction set (ST is 1).
    pub position: Option<u32>,
    /// IK303 loop id (`2300`…), when sent.
    pub loop_id: Option<String>,
    /// IK304 error code (`1` unrecognized segment, `2` unexpected, `3` required segment
    /// missing, `4` loop occurs over maximum, `5` segment exceeds maximum use, `8` segment
    /// has data element errors, `I9` implementation dependent segment missing…).
    pub code: Option<String>,
    /// CTX segments.
    pub context: Vec<ErrorContext>,
    /// IK4 segments.
    pub element_errors: Vec<ElementError>,
}

/// An AK2 loop: one acknowledged transaction set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TransactionAcknowledgment {
    /// AK201 transaction set id (`837`, `270`…).
    pub set_id: String,
    /// AK202 its ST02.
    pub control_number: String,
    /// AK203 its implementation guide, when sent.
    pub version: Option<String>,
    /// IK3 loops.
    pub segment_errors: Vec<SegmentError>,
    /// IK501.
    pub status: Option<AckCode>,
    /// IK502–IK506 transaction set syntax error codes (`5` one or more segments in error…).
    pub errors: Vec<String>,
}

/// An AK1 … AK9 functional group response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GroupAcknowledgment {
    /// AK101 functional identifier (`HC`, `HS`…).
    pub functional_id: String,
    /// AK102 the group's GS06.
    pub control_number: String,
    /// AK103 the group's GS08, when sent.
    pub version: Option<String>,
    /// AK2 loops.
    pub transactions: Vec<TransactionAcknowledgment>,
    /// AK901.
    pub status: Option<AckCode>,
    /// AK902 transaction sets included.
    pub sets_included: Option<u32>,
    /// AK903 transaction sets received.
    pub sets_received: Option<u32>,
    /// AK904 transaction sets accepted.
    pub sets_accepted: Option<u32>,
    /// AK905–AK909 functional group syntax error codes.
    pub errors: Vec<String>,
}

/// One 999 transaction set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Acknowledgment {
    /// ST02.
    pub control_number: String,
    /// ST03, else GS08.
    pub version: String,
    /// AK1 loops (one per 999 in practice).
    pub groups: Vec<GroupAcknowledgment>,
    /// Reading findings (positions, never data) and the file's envelope findings.
    pub findings: Vec<Finding>,
}

impl Acknowledgment {
    /// Every acknowledged transaction set that was not accepted (IK501 other than `A`/`E`).
    pub fn rejected_sets(&self) -> Vec<&TransactionAcknowledgment> {
        self.groups
            .iter()
            .flat_map(|g| &g.transactions)
            .filter(|t| !t.status.as_ref().is_some_and(AckCode::is_accepted))
            .collect()
    }
}

fn number(segment: &Elements<'_>, n: usize, findings: &mut Findings) -> Option<u32> {
    let value = Some(segment.trimmed(n)).filter(|s| !s.is_empty())?;
    match value::whole_number(value) {
        Some(v) => Some(v),
        None => {
            findings.error("X12-NUMBER", segment, n, "not a whole number; left out");
            None
        }
    }
}

fn component_number(
    segment: &Elements<'_>,
    parts: &[&str],
    i: usize,
    findings: &mut Findings,
) -> Option<u32> {
    let value = parts.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())?;
    match value::whole_number(value) {
        Some(v) => Some(v),
        None => {
            findings.error("X12-NUMBER", segment, 1, "not a whole number; left out");
            None
        }
    }
}

fn codes(segment: &Elements<'_>, range: std::ops::RangeInclusive<usize>) -> Vec<String> {
    range.filter_map(|n| segment.text(n)).collect()
}

/// Reads every 999 transaction set. Fails only when the input is not X12 or declares a
/// version before 5010.
pub fn read_999(input: &[u8]) -> Result<Vec<Acknowledgment>, X12Error> {
    let (sets, envelope) = message::transactions(input, "999")?;
    Ok(sets
        .into_iter()
        .map(|set| {
            let mut findings = Findings::default();
            let mut groups: Vec<GroupAcknowledgment> = Vec::new();
            let mut ends = Vec::new();
            for segment in &set.segments {
                let segment = &segment.elements(&mut ends);
                let group = groups.last_mut();
                let transaction = group.and_then(|g| g.transactions.last_mut());
                let placed = match segment.id() {
                    "AK1" => {
                        groups.push(GroupAcknowledgment {
                            functional_id: segment.trimmed(1).to_owned(),
                            control_number: segment.trimmed(2).to_owned(),
                            version: segment.text(3),
                            ..GroupAcknowledgment::default()
                        });
                        true
                    }
                    "AK2" => match groups.last_mut() {
                        Some(group) => {
                            group.transactions.push(TransactionAcknowledgment {
                                set_id: segment.trimmed(1).to_owned(),
                                control_number: segment.trimmed(2).to_owned(),
                                version: segment.text(3),
                                ..TransactionAcknowledgment::default()
                            });
                            true
                        }
                        None => false,
                    },
                    "IK3" => match transaction {
                        Some(t) if t.status.is_none() => {
                            t.segment_errors.push(SegmentError {
                                segment_id: segment.trimmed(1).to_owned(),
                                position: number(segment, 2, &mut findings),
                                loop_id: segment.text(3),
                                code: segment.text(4),
                                ..SegmentError::default()
                            });
                            true
                        }
                        _ => false,
                    },
                    "CTX" => match transaction.and_then(|t| t.segment_errors.last_mut()) {
                        Some(error) => {
                            let parts = segment.components(1).collect::<Vec<_>>();
                            let part = |i: usize| {
                                parts
                                    .get(i)
                                    .map(|s| s.trim())
                                    .filter(|s| !s.is_empty())
                                    .map(str::to_owned)
                            };
                            error.context.push(ErrorContext {
                                name: part(0).unwrap_or_default(),
                                reference: part(1),
                                segment_id: segment.text(2),
                                segment_position: number(segment, 3, &mut findings),
                            });
                            true
                        }
                        None => false,
                    },
                    "IK4" => match transaction.and_then(|t| t.segment_errors.last_mut()) {
                        Some(error) => {
                            let parts = segment.components(1).collect::<Vec<_>>();
                            error.element_errors.push(ElementError {
                                position: component_number(segment, &parts, 0, &mut findings),
                                component: component_number(segment, &parts, 1, &mut findings),
                                repetition: component_number(segment, &parts, 2, &mut findings),
                                data_element: segment.text(2),
                                code: segment.text(3),
                            });
                            true
                        }
                        None => false,
                    },
                    "IK5" => match transaction {
                        Some(t) if t.status.is_none() => {
                            t.status = segment.text(1).map(AckCode::from);
                            t.errors = codes(segment, 2..=6);
                            true
                        }
                        _ => false,
                    },
                    "AK9" => match groups.last_mut() {
                        Some(group) if group.status.is_none() => {
                            group.status = segment.text(1).map(AckCode::from);
                            group.sets_included = number(segment, 2, &mut findings);
                            group.sets_received = number(segment, 3, &mut findings);
                            group.sets_accepted = number(segment, 4, &mut findings);
                            group.errors = codes(segment, 5..=9);
                            true
                        }
                        _ => false,
                    },
                    _ => {
                        findings.not_carried(segment);
                        true
                    }
                };
                if !placed {
                    findings.out_of_place(segment);
                }
            }
            Acknowledgment {
                control_number: set.control_number,
                version: set.version,
                groups,
                findings: findings.finish(&envelope),
            }
        })
        .collect())
}

/// A TA1 interchange acknowledgment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct InterchangeAcknowledgment {
    /// Position of the TA1 segment.
    pub position: usize,
    /// TA101 the acknowledged ISA13.
    pub control_number: String,
    /// TA102 the acknowledged ISA09 (YYMMDD, read as 20YY).
    pub date: Option<NaiveDate>,
    /// TA103 the acknowledged ISA10 (HHMM), as sent.
    pub time: Option<String>,
    /// TA104.
    pub status: Option<AckCode>,
    /// TA105 note code (`000` no error, `024` invalid interchange content…).
    pub note_code: Option<String>,
    /// Reading findings.
    pub findings: Vec<Finding>,
}

/// Reads every TA1 segment of the input. Each carries its reading findings and the envelope
/// check's findings about its segment (an element that is not text, say).
pub fn read_ta1(input: &[u8]) -> Result<Vec<InterchangeAcknowledgment>, X12Error> {
    let envelope = check_envelopes(input)?;
    let mut out = Vec::new();
    let mut ends = Vec::new();
    for segment in Tokenizer::new(input)? {
        let segment = segment?;
        if segment.id() != "TA1" {
            continue;
        }
        let segment = segment.elements(&mut ends);
        // The envelope check's findings about this segment (text, control characters).
        let here = format!("segment {} ", segment.position());
        let mut findings: Vec<Finding> = envelope
            .findings
            .iter()
            .filter(|f| f.path.starts_with(&here))
            .cloned()
            .collect();
        let date = segment.text(2).and_then(|d| {
            let parsed = value::date6(&d);
            if parsed.is_none() {
                findings.push(Finding::error(
                    "X12-DATE",
                    segment.at(2),
                    "not a YYMMDD date; left out",
                ));
            }
            parsed
        });
        out.push(InterchangeAcknowledgment {
            position: segment.position(),
            control_number: segment.trimmed(1).to_owned(),
            date,
            time: segment.text(3),
            status: segment.text(4).map(AckCode::from),
            note_code: segment.text(5),
            findings,
        });
    }
    Ok(out)
}
