//! Rejections turned into a fix list: which claim, which field (the JSON pointer of the claim
//! form, where the rejection names one), what the payer or clearinghouse said, and whether it
//! can be corrected and sent again. A rejected claim never reached adjudication: it goes
//! again as an original (frequency 1), not as a replacement (RULES.md §7).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::codes::explain;
use crate::x12::{Acknowledgment, ClaimStatusResponse, StatusClass, StatusCode};

/// One thing to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    /// The claim (patient control number), when the rejection names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// Where it came from (`277CA 0001`, `999 0001 set 0002`).
    pub source: String,
    /// The claim field, as a JSON pointer into the claim, when the rejection points at one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What was said, in words.
    pub said: Vec<String>,
    /// Whether correcting the claim's data and sending it again can cure it.
    pub correctable: bool,
    /// How to send it again.
    pub resend: String,
}

const RESEND: &str = "fix it and send it again as an original claim (frequency 1)";

/// The claim field a 277CA status code and entity point at.
fn status_path(code: &StatusCode) -> Option<&'static str> {
    let entity = code.entity.as_deref().unwrap_or("");
    let provider = match entity {
        "85" => "/billingProvider",
        "82" => "/renderingProvider",
        "DN" => "/referringProvider",
        "77" => "/serviceFacility",
        "IL" => "/subscriber",
        "QC" => "/patient",
        "PR" => "/payer",
        _ => "",
    };
    let field = match code.status.as_deref()? {
        "562" | "563" => "/npi",
        "564" => "/name",
        "695" => "/address",
        "697" => "/taxId",
        "145" => "/taxonomy",
        "658" => "/birthDate",
        "33" | "673" => return Some("/subscriber/memberId"),
        "254" | "255" => return Some("/diagnoses"),
        "458" | "400" => return Some("/totalCharge"),
        "478" => return Some("/frequency"),
        "464" => return Some("/originalClaimNumber"),
        "479" => return Some("/otherPayers"),
        "511" => return Some("/form/professional/lines"),
        "187" | "54" => return Some("/form"),
        "249" => return Some("/form/professional/placeOfService"),
        "438" | "454" | "455" | "247" => return Some("/form"),
        _ => return None,
    };
    if provider.is_empty() {
        return None;
    }
    Some(match (provider, field) {
        ("/billingProvider", "/npi") => "/billingProvider/npi",
        ("/billingProvider", "/name") => "/billingProvider/name",
        ("/billingProvider", "/address") => "/billingProvider/address",
        ("/billingProvider", "/taxId") => "/billingProvider/taxId",
        ("/billingProvider", "/taxonomy") => "/billingProvider/taxonomy",
        ("/renderingProvider", "/npi") => "/renderingProvider/npi",
        ("/renderingProvider", "/name") => "/renderingProvider/name",
        ("/renderingProvider", "/taxonomy") => "/renderingProvider/taxonomy",
        ("/referringProvider", "/npi") => "/referringProvider/npi",
        ("/referringProvider", "/name") => "/referringProvider/name",
        ("/serviceFacility", "/npi") => "/serviceFacility/npi",
        ("/serviceFacility", "/address") => "/serviceFacility/address",
        ("/subscriber", "/name") => "/subscriber/name",
        ("/subscriber", "/address") => "/subscriber/address",
        ("/subscriber", "/birthDate") => "/subscriber/birthDate",
        ("/patient", "/name") => "/patient/name",
        ("/patient", "/address") => "/patient/address",
        ("/patient", "/birthDate") => "/patient/birthDate",
        ("/payer", "/name") => "/payer/name",
        ("/payer", "/address") => "/payer/address",
        _ => return None,
    })
}

/// The fix list of 277CA responses: every claim (or batch level) whose status is a rejection.
pub fn fixes_from_277ca(responses: &[ClaimStatusResponse]) -> Vec<Fix> {
    let mut fixes = Vec::new();
    for response in responses {
        let source = format!("277CA {}", response.control_number);
        for level in &response.levels {
            for status in &level.statuses {
                if status.class() != StatusClass::Rejected {
                    continue;
                }
                fixes.push(Fix {
                    claim: None,
                    source: source.clone(),
                    path: None,
                    said: std::iter::once(format!(
                        "the whole batch at level {} was rejected",
                        level.level
                    ))
                    .chain(status.codes.iter().map(explain))
                    .collect(),
                    correctable: true,
                    resend: RESEND.to_owned(),
                });
            }
        }
        for claim in &response.claims {
            let statuses = claim
                .statuses
                .iter()
                .chain(claim.lines.iter().flat_map(|l| l.statuses.iter()));
            for status in statuses {
                if status.class() != StatusClass::Rejected {
                    continue;
                }
                let pcn = claim.patient_control_number.clone().or_else(|| {
                    (!claim.trace_number.is_empty()).then(|| claim.trace_number.clone())
                });
                // A4 (not found) cannot be cured by the claim's data.
                let correctable = status.codes.iter().all(|c| c.category != "A4");
                fixes.push(Fix {
                    claim: pcn,
                    source: source.clone(),
                    path: status.codes.iter().find_map(status_path).map(str::to_owned),
                    said: status.codes.iter().map(explain).collect(),
                    correctable,
                    resend: if correctable {
                        RESEND.to_owned()
                    } else {
                        "find the claim with the payer before sending anything".to_owned()
                    },
                });
            }
        }
    }
    fixes
}

/// The claim field an 837 loop, segment and element point at (professional and
/// institutional claims share most of them).
fn element_path(
    loop_id: Option<&str>,
    segment: &str,
    element: Option<u32>,
) -> Option<&'static str> {
    Some(
        match (loop_id.unwrap_or(""), segment, element.unwrap_or(0)) {
            ("2010AA", "NM1", 9) => "/billingProvider/npi",
            ("2010AA", "NM1", _) => "/billingProvider/name",
            ("2010AA", "N3" | "N4", _) => "/billingProvider/address",
            ("2010AA", "REF", _) => "/billingProvider/taxId",
            ("2000A", "PRV", _) => "/billingProvider/taxonomy",
            ("2000B", "SBR", 3) => "/subscriber/groupNumber",
            ("2000B", "SBR", 9) => "/payer/claimFilingIndicator",
            ("2000B", "SBR", _) => "/subscriber",
            ("2010BA", "NM1", 9) => "/subscriber/memberId",
            ("2010BA", "NM1", _) => "/subscriber/name",
            ("2010BA", "N3" | "N4", _) => "/subscriber/address",
            ("2010BA", "DMG", 2) => "/subscriber/birthDate",
            ("2010BA", "DMG", _) => "/subscriber/sex",
            ("2010BB", "NM1", 9) => "/payer/payerId",
            ("2010BB", "NM1", _) => "/payer/name",
            ("2010BB", "N3" | "N4", _) => "/payer/address",
            ("2010CA", "NM1", _) => "/patient/name",
            ("2010CA", "N3" | "N4", _) => "/patient/address",
            ("2010CA", "DMG", 2) => "/patient/birthDate",
            ("2010CA", "DMG", _) => "/patient/sex",
            ("2300", "CLM", 1) => "/patientControlNumber",
            ("2300", "CLM", 2) => "/totalCharge",
            ("2300", "CLM", 5) => "/frequency",
            ("2300", "CLM", _) => "/indicators",
            ("2300", "HI", _) => "/diagnoses",
            ("2300", "DTP", _) => "/dates",
            ("2300", "REF", _) => "/priorAuthorization",
            ("2300", "NTE", _) => "/notes",
            ("2310A", _, _) => "/referringProvider",
            ("2310B", "NM1", 9) => "/renderingProvider/npi",
            ("2310B", _, _) => "/renderingProvider",
            ("2310C", _, _) => "/serviceFacility",
            ("2320" | "2330A" | "2330B", _, _) => "/otherPayers",
            ("2400", _, _) => "/form",
            _ => return None,
        },
    )
}

/// What an IK304 segment error code means.
fn segment_error(code: &str) -> &'static str {
    match code {
        "1" => "unrecognized segment",
        "2" => "unexpected segment",
        "3" => "a required segment is missing",
        "4" => "a loop occurs more often than allowed",
        "5" => "a segment occurs more often than allowed",
        "6" => "segment not in the transaction set",
        "7" => "segment out of order",
        "8" => "the segment has element errors",
        "I4" => "a segment the guide does not use was sent",
        "I6" => "an implementation-dependent segment is missing",
        "I7" => "a loop the guide does not use was sent",
        "I8" => "an implementation-dependent loop is missing",
        "I9" => "an implementation-dependent segment is missing",
        _ => "segment error",
    }
}

/// What an IK403 element error code means.
fn element_error(code: &str) -> &'static str {
    match code {
        "1" => "a required element is missing",
        "2" => "a conditionally required element is missing",
        "3" => "too many elements",
        "4" => "the value is too short",
        "5" => "the value is too long",
        "6" => "a character is not allowed",
        "7" => "the code is not in the list",
        "8" => "the date is not valid",
        "9" => "the time is not valid",
        "10" => "an element that must be absent is present",
        "12" => "too many repetitions",
        "13" => "too many components",
        "I10" => "the guide does not use this element",
        "I11" => "the guide does not use this code",
        "I12" => "the value breaks the guide's pattern",
        "I13" => "an implementation-dependent element is missing",
        "I6" => "the code value is not in the guide's list",
        "I9" => "an implementation-dependent element that must be absent is present",
        _ => "element error",
    }
}

/// The fix list of 999 acknowledgments: each error of each rejected transaction set, with
/// the claim when the 999 names it (CTX CLM01) and the claim field its loop, segment and
/// element point at.
pub fn fixes_from_999(acknowledgments: &[Acknowledgment]) -> Vec<Fix> {
    let mut fixes = Vec::new();
    for ack in acknowledgments {
        for set in ack.rejected_sets() {
            let source = format!("999 {} set {}", ack.control_number, set.control_number);
            if set.segment_errors.is_empty() {
                fixes.push(Fix {
                    claim: None,
                    source: source.clone(),
                    path: None,
                    said: std::iter::once(format!(
                        "transaction set {} was rejected",
                        set.control_number
                    ))
                    .chain(set.errors.iter().map(|e| format!("set error {e}")))
                    .collect(),
                    correctable: true,
                    resend: RESEND.to_owned(),
                });
            }
            for error in &set.segment_errors {
                let claim = error
                    .context
                    .iter()
                    .find(|c| c.name == "CLM01")
                    .and_then(|c| c.reference.clone());
                let mut said = vec![format!(
                    "segment {}{}{}: {}",
                    error.segment_id,
                    error
                        .position
                        .map(|p| format!(" (segment {p} of the set)"))
                        .unwrap_or_default(),
                    error
                        .loop_id
                        .as_deref()
                        .map(|l| format!(" in loop {l}"))
                        .unwrap_or_default(),
                    segment_error(error.code.as_deref().unwrap_or(""))
                )];
                said.extend(error.element_errors.iter().map(|e| {
                    format!(
                        "element {}{}: {}",
                        e.position.map(|p| format!("{:02}", p)).unwrap_or_default(),
                        e.data_element
                            .as_deref()
                            .map(|d| format!(" (data element {d})"))
                            .unwrap_or_default(),
                        element_error(e.code.as_deref().unwrap_or(""))
                    )
                }));
                let element = error.element_errors.first().and_then(|e| e.position);
                fixes.push(Fix {
                    claim,
                    source: source.clone(),
                    path: element_path(error.loop_id.as_deref(), &error.segment_id, element)
                        .map(str::to_owned),
                    said,
                    correctable: true,
                    resend: RESEND.to_owned(),
                });
            }
        }
    }
    fixes
}

/// The fix list of every 277CA and 999 in a file read by [`crate::read_x12`].
pub fn fix_list(file: &crate::x12::X12File) -> Vec<Fix> {
    let mut fixes = fixes_from_277ca(&file.claim_status);
    fixes.extend(fixes_from_999(&file.acknowledgments));
    fixes
}
