//! Claim status: the 277 response (005010X212) and the 277CA claim acknowledgment
//! (005010X214) read into [`ClaimStatusResponse`]s, and the 276 inquiry written from a
//! [`ClaimStatusRequest`] and read back.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::message::{
    self, DateOrRange, Findings, Individual, Organization, Party, Person, Provider, ProviderId,
    QualifiedDate, ReadRequest, Reference, RequestWriteError, Trace,
};
use super::value::Elements;
use super::{Envelope, X12Error, X12Writer};
use crate::finding::Finding;
use crate::money::Money;
use crate::phi::Phi;

/// The implementation guide of 276 and 277.
pub const CLAIM_STATUS_VERSION: &str = "005010X212";

/// The implementation guide of the 277CA.
pub const CLAIM_ACKNOWLEDGMENT_VERSION: &str = "005010X214";

/// What a status category code (STC01-1) means for a biller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum StatusClass {
    /// A0, A1, A5: received, forwarded or split; not yet accepted for adjudication.
    Received,
    /// A2: accepted into adjudication.
    Accepted,
    /// A3, A4, A6, A7, A8: rejected (returned unprocessable, not found, missing or invalid
    /// information).
    Rejected,
    /// P0–P5: pending.
    Pending,
    /// F1: finalized, paid.
    Paid,
    /// F2: finalized, denied.
    Denied,
    /// F0, F3, F3F, F3N, F4: finalized otherwise (revised, forwarded, no payment forthcoming).
    Finalized,
    /// R0–R16: the payer requests more information.
    InformationRequested,
    /// E0–E4, D0: the inquiry could not be answered.
    Error,
    /// Any other category.
    Unknown,
}

impl StatusClass {
    /// The class of a category code.
    pub fn of(category: &str) -> StatusClass {
        match category {
            "A0" | "A1" | "A5" => StatusClass::Received,
            "A2" => StatusClass::Accepted,
            "A3" | "A4" | "A6" | "A7" | "A8" => StatusClass::Rejected,
            "F1" => StatusClass::Paid,
            "F2" => StatusClass::Denied,
            "F0" | "F3" | "F3F" | "F3N" | "F4" => StatusClass::Finalized,
            "D0" => StatusClass::Error,
            c if c.starts_with('P') => StatusClass::Pending,
            c if c.starts_with('R') => StatusClass::InformationRequested,
            c if c.starts_with('E') => StatusClass::Error,
            _ => StatusClass::Unknown,
        }
    }
}

/// One status composite (STC01, STC10 or STC11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusCode {
    /// Component 1: the category (`A1`, `A7`, `P3`, `F2`…).
    pub category: String,
    /// Component 2: the claim status code (code list 508), when sent.
    pub status: Option<String>,
    /// Component 3: the entity the status is about (`85` billing provider, `QC` patient…).
    pub entity: Option<String>,
    /// Component 4: an NCPDP reject/payment code, when sent.
    pub ncpdp_code: Option<String>,
}

impl StatusCode {
    /// What the category means.
    pub fn class(&self) -> StatusClass {
        StatusClass::of(&self.category)
    }
}

/// One STC segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusEntry {
    /// Position of the STC segment in the file.
    pub position: usize,
    /// STC01, then STC10 and STC11 when sent.
    pub codes: Vec<StatusCode>,
    /// STC02 status information effective date.
    pub date: Option<NaiveDate>,
    /// STC03 action code (`WQ` accepted, `U` rejected…), when sent.
    pub action: Option<String>,
    /// STC04 total claim charge.
    pub charge: Option<Money>,
    /// STC05 claim payment.
    pub payment: Option<Money>,
    /// STC06 adjudication or payment date.
    pub adjudication_date: Option<NaiveDate>,
    /// STC07 payment method (`ACH`, `CHK`…).
    pub payment_method: Option<String>,
    /// STC08 check issue or EFT date.
    pub check_date: Option<NaiveDate>,
    /// STC09 check or EFT trace number.
    pub check_number: Option<String>,
    /// STC12 free-form message.
    pub message: Option<String>,
}

impl StatusEntry {
    /// The class of the first code (STC01).
    pub fn class(&self) -> StatusClass {
        self.codes
            .first()
            .map_or(StatusClass::Unknown, StatusCode::class)
    }
}

/// An AMT segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "StatusAmount")]
pub struct QualifiedAmount {
    /// AMT01 (`YU` accepted, `YY` rejected, `T3` total submitted charges…).
    pub qualifier: String,
    /// AMT02.
    pub amount: Money,
}

/// A QTY segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct QualifiedQuantity {
    /// QTY01 (`90` accepted, `AA` rejected, `QA`…).
    pub qualifier: String,
    /// QTY02.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub value: Decimal,
}

/// A level above the claims (information source 20, information receiver 21, provider 19)
/// with what the 277 says at that level (the 277CA accepts or rejects whole batches here).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusLevel {
    /// HL03 (`20`, `21`, `19`).
    pub level: String,
    /// The level's NM1.
    pub party: Party,
    /// TRN segments.
    pub traces: Vec<Trace>,
    /// STC segments.
    pub statuses: Vec<StatusEntry>,
    /// REF segments.
    pub references: Vec<Reference>,
    /// DTP segments (`050` received, `009` process date…).
    pub dates: Vec<QualifiedDate>,
    /// QTY segments.
    pub quantities: Vec<QualifiedQuantity>,
    /// AMT segments.
    pub amounts: Vec<QualifiedAmount>,
}

/// One service line (SVC loop).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "StatusLine")]
pub struct LineStatus {
    /// Position of the SVC segment in the file.
    pub position: usize,
    /// SVC01 (qualifier, code and modifiers joined by `:`).
    pub procedure: String,
    /// SVC02 line charge.
    pub charge: Option<Money>,
    /// SVC03 line payment.
    pub payment: Option<Money>,
    /// SVC04 revenue code.
    pub revenue_code: Option<String>,
    /// SVC07 units.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units: Option<Decimal>,
    /// REF*FJ line item control number.
    pub line_item_control_number: Option<String>,
    /// STC segments.
    pub statuses: Vec<StatusEntry>,
    /// Other REF segments.
    pub references: Vec<Reference>,
    /// DTP segments (`472` service date).
    pub dates: Vec<QualifiedDate>,
}

/// One claim (a TRN at the subscriber, dependent or patient level) and its statuses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "StatusClaim")]
pub struct ClaimStatus {
    /// Position of the TRN segment that opens the claim.
    pub position: usize,
    /// The payer (2100A).
    pub payer: Option<Party>,
    /// The information receiver (2100B).
    pub receiver: Option<Party>,
    /// The provider (2100C).
    pub provider: Option<Party>,
    /// The subscriber (2100D).
    pub subscriber: Option<Person>,
    /// The patient when not the subscriber (2100E, or the 277CA patient level).
    pub patient: Option<Person>,
    /// TRN02: the 276 trace number echoed (277), or the patient control number (277CA).
    pub trace_number: String,
    /// REF*EJ, else for a 277CA TRN02 (the claim's CLM01).
    pub patient_control_number: Option<String>,
    /// REF*1K the payer's claim control number.
    pub payer_claim_number: Option<String>,
    /// Other REF segments (`BLT` bill type, `D9` clearinghouse trace…).
    pub references: Vec<Reference>,
    /// STC segments of the claim.
    pub statuses: Vec<StatusEntry>,
    /// AMT segments of the claim (276 `T3` total charge).
    pub amounts: Vec<QualifiedAmount>,
    /// DTP segments of the claim (`472` service dates).
    pub dates: Vec<QualifiedDate>,
    /// SVC loops.
    pub lines: Vec<LineStatus>,
}

impl ClaimStatus {
    /// The class of the claim's first status (the current one).
    pub fn class(&self) -> StatusClass {
        self.statuses
            .first()
            .map_or(StatusClass::Unknown, StatusEntry::class)
    }

    /// DTP*472 service date or range.
    pub fn service_dates(&self) -> Option<DateOrRange> {
        self.dates
            .iter()
            .find(|d| d.qualifier == "472")
            .map(|d| d.date)
    }
}

/// One 277 or 277CA transaction set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClaimStatusResponse {
    /// ST02.
    pub control_number: String,
    /// ST03, else GS08 (`005010X212` status, `005010X214` acknowledgment).
    pub version: String,
    /// True for a 277CA (005010X214).
    pub acknowledgment: bool,
    /// BHT03.
    pub reference: Option<String>,
    /// The levels above the claims, in file order.
    pub levels: Vec<StatusLevel>,
    /// The claims, in file order.
    pub claims: Vec<ClaimStatus>,
    /// Reading findings (positions, never data) and the file's envelope findings.
    pub findings: Vec<Finding>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Header,
    Party,
    Person { dependent: bool },
}

/// The shared walk of 276, 277 and 277CA: HL levels, parties, claims and lines.
struct Walk {
    reference: Option<String>,
    levels: Vec<StatusLevel>,
    claims: Vec<ClaimStatus>,
    level: Level,
    payer: Option<Party>,
    receiver: Option<Party>,
    provider: Option<Party>,
    subscriber: Option<Person>,
    patient: Option<Person>,
    /// The claim open at the current person level (index into `claims`).
    claim: Option<usize>,
    in_line: bool,
    acknowledgment: bool,
}

fn status(segment: &Elements<'_>, findings: &mut Findings) -> StatusEntry {
    let codes = [1usize, 10, 11]
        .iter()
        .filter_map(|&n| {
            let parts = segment.components(n).collect::<Vec<_>>();
            let part = |i: usize| {
                parts
                    .get(i)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
            };
            Some(StatusCode {
                category: part(0)?,
                status: part(1),
                entity: part(2),
                ncpdp_code: part(3),
            })
        })
        .collect();
    StatusEntry {
        position: segment.position(),
        codes,
        date: findings.date(segment, 2),
        action: segment.text(3),
        charge: findings.amount(segment, 4),
        payment: findings.amount(segment, 5),
        adjudication_date: findings.date(segment, 6),
        payment_method: segment.text(7),
        check_date: findings.date(segment, 8),
        check_number: segment.text(9),
        message: segment.text(12),
    }
}

impl Walk {
    fn new(acknowledgment: bool) -> Walk {
        Walk {
            reference: None,
            levels: Vec::new(),
            claims: Vec::new(),
            level: Level::Header,
            payer: None,
            receiver: None,
            provider: None,
            subscriber: None,
            patient: None,
            claim: None,
            in_line: false,
            acknowledgment,
        }
    }

    fn claim(&mut self) -> Option<&mut ClaimStatus> {
        self.claims.get_mut(self.claim?)
    }

    fn line(&mut self) -> Option<&mut LineStatus> {
        if !self.in_line {
            return None;
        }
        self.claim()?.lines.last_mut()
    }

    fn party_level(&mut self) -> Option<&mut StatusLevel> {
        match self.level {
            Level::Party => self.levels.last_mut(),
            _ => None,
        }
    }

    fn hl(&mut self, segment: &Elements<'_>, findings: &mut Findings) -> bool {
        self.claim = None;
        self.in_line = false;
        let code = segment.trimmed(3);
        match code {
            "20" | "21" | "19" => {
                match code {
                    "20" => {
                        self.payer = None;
                        self.receiver = None;
                        self.provider = None;
                    }
                    "21" => {
                        self.receiver = None;
                        self.provider = None;
                    }
                    _ => self.provider = None,
                }
                self.subscriber = None;
                self.patient = None;
                self.level = Level::Party;
                self.levels.push(StatusLevel {
                    level: code.to_owned(),
                    ..StatusLevel::default()
                });
            }
            "22" => {
                self.subscriber = None;
                self.patient = None;
                self.level = Level::Person { dependent: false };
            }
            "23" | "PT" => {
                self.patient = None;
                self.level = Level::Person { dependent: true };
            }
            _ => {
                self.level = Level::Header;
                findings.error(
                    "X12-HL-LEVEL",
                    segment,
                    3,
                    "not a 276/277 hierarchical level (20, 21, 19, 22, 23, PT); its segments are not read",
                );
            }
        }
        true
    }

    fn person_slot(&mut self) -> Option<&mut Person> {
        match self.level {
            Level::Person { dependent: false } => {
                Some(self.subscriber.get_or_insert_with(Person::default))
            }
            Level::Person { dependent: true } => {
                Some(self.patient.get_or_insert_with(Person::default))
            }
            _ => None,
        }
    }

    fn segment(&mut self, segment: &Elements<'_>, findings: &mut Findings) {
        let placed = match segment.id() {
            "BHT" => {
                self.reference = segment.text(3);
                true
            }
            "HL" => self.hl(segment, findings),
            "NM1" => match self.level {
                Level::Party => {
                    // The payer's name is required (2100A), and in a 277CA the information
                    // receiver's and the billing provider's too (2100B, 2100C).
                    let level = self.levels.last().map(|l| l.level.as_str());
                    if level == Some("20") || (self.acknowledgment && level.is_some()) {
                        message::require_name(segment, findings);
                    }
                    let party = message::party(segment);
                    match self.levels.last().map(|l| l.level.as_str()) {
                        Some("20") => self.payer = Some(party.clone()),
                        Some("21") => self.receiver = Some(party.clone()),
                        _ => self.provider = Some(party.clone()),
                    }
                    if let Some(level) = self.levels.last_mut() {
                        level.party = party;
                    }
                    true
                }
                Level::Person { .. } if self.claim.is_none() => {
                    // The subscriber's and the patient's names are required.
                    message::require_name(segment, findings);
                    let mut person = message::person(segment);
                    if let Some(slot) = self.person_slot() {
                        // A 276 sends DMG before NM1.
                        person.birth_date = slot.birth_date.take();
                        person.gender = slot.gender.take();
                        *slot = person;
                    }
                    true
                }
                _ => false,
            },
            "DMG" => match (self.claim.is_none(), self.person_slot()) {
                (true, Some(slot)) => {
                    message::demographics(segment, slot, findings);
                    true
                }
                _ => false,
            },
            "TRN" => match self.level {
                Level::Party => {
                    let trace = message::trace(segment);
                    if let Some(level) = self.levels.last_mut() {
                        level.traces.push(trace);
                    }
                    true
                }
                Level::Person { dependent } => {
                    let trace = message::trace(segment);
                    let patient_control_number = if self.acknowledgment {
                        Some(trace.number.clone())
                    } else {
                        None
                    };
                    self.claims.push(ClaimStatus {
                        position: segment.position(),
                        payer: self.payer.clone(),
                        receiver: self.receiver.clone(),
                        provider: self.provider.clone(),
                        subscriber: self.subscriber.clone(),
                        patient: if dependent {
                            self.patient.clone()
                        } else {
                            None
                        },
                        trace_number: trace.number,
                        patient_control_number,
                        ..ClaimStatus::default()
                    });
                    self.claim = Some(self.claims.len().saturating_sub(1));
                    self.in_line = false;
                    true
                }
                Level::Header => false,
            },
            "STC" => {
                let entry = status(segment, findings);
                if let Some(line) = self.line() {
                    line.statuses.push(entry);
                } else if let Some(claim) = self.claim() {
                    claim.statuses.push(entry);
                } else if let Some(level) = self.party_level() {
                    level.statuses.push(entry);
                } else {
                    return findings.out_of_place(segment);
                }
                true
            }
            "REF" => {
                let reference = message::reference(segment);
                if let Some(line) = self.line() {
                    if reference.qualifier == "FJ" {
                        line.line_item_control_number = Some(reference.value);
                    } else {
                        line.references.push(reference);
                    }
                } else if let Some(claim) = self.claim() {
                    match reference.qualifier.as_str() {
                        "EJ" => claim.patient_control_number = Some(reference.value),
                        "1K" => claim.payer_claim_number = Some(reference.value),
                        _ => claim.references.push(reference),
                    }
                } else if let Some(level) = self.party_level() {
                    level.references.push(reference);
                } else {
                    return findings.out_of_place(segment);
                }
                true
            }
            "DTP" => {
                let date = findings.dtp(segment);
                if let Some(line) = self.line() {
                    line.dates.extend(date);
                } else if let Some(claim) = self.claim() {
                    claim.dates.extend(date);
                } else if let Some(level) = self.party_level() {
                    level.dates.extend(date);
                } else {
                    return findings.out_of_place(segment);
                }
                true
            }
            "AMT" => {
                let amount = findings.amount(segment, 2).map(|amount| QualifiedAmount {
                    qualifier: segment.trimmed(1).to_owned(),
                    amount,
                });
                if self.in_line {
                    findings.not_carried(segment);
                } else if let Some(claim) = self.claim() {
                    claim.amounts.extend(amount);
                } else if let Some(level) = self.party_level() {
                    level.amounts.extend(amount);
                } else {
                    return findings.out_of_place(segment);
                }
                true
            }
            "QTY" => {
                let quantity = findings.decimal(segment, 2).map(|value| QualifiedQuantity {
                    qualifier: segment.trimmed(1).to_owned(),
                    value,
                });
                if let Some(level) = self.party_level() {
                    level.quantities.extend(quantity);
                    true
                } else if self.claim.is_some() {
                    findings.not_carried(segment);
                    true
                } else {
                    false
                }
            }
            "SVC" => {
                let line = LineStatus {
                    position: segment.position(),
                    procedure: segment.composite_text(1).unwrap_or_default(),
                    charge: findings.amount(segment, 2),
                    payment: findings.amount(segment, 3),
                    revenue_code: segment.text(4),
                    units: findings.decimal(segment, 7),
                    ..LineStatus::default()
                };
                match self.claim() {
                    Some(claim) => {
                        claim.lines.push(line);
                        self.in_line = true;
                        true
                    }
                    None => false,
                }
            }
            _ => {
                findings.not_carried(segment);
                true
            }
        };
        if !placed {
            findings.out_of_place(segment);
        }
    }
}

/// Reads every 277 transaction set: claim status responses (005010X212) and claim
/// acknowledgments (277CA, 005010X214) alike. Fails only when the input is not X12 or
/// declares a version before 5010.
pub fn read_277(input: &[u8]) -> Result<Vec<ClaimStatusResponse>, X12Error> {
    let (sets, envelope) = message::transactions(input, "277")?;
    Ok(sets
        .into_iter()
        .map(|set| {
            let acknowledgment = set.version.starts_with(CLAIM_ACKNOWLEDGMENT_VERSION);
            let mut findings = Findings::default();
            let mut walk = Walk::new(acknowledgment);
            let mut ends = Vec::new();
            for segment in &set.segments {
                let segment = &segment.elements(&mut ends);
                walk.segment(segment, &mut findings);
            }
            ClaimStatusResponse {
                control_number: set.control_number,
                version: set.version,
                acknowledgment,
                reference: walk.reference,
                levels: walk.levels,
                claims: walk.claims,
                findings: findings.finish(&envelope),
            }
        })
        .collect())
}

/// A 276 claim status inquiry about one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimStatusRequest {
    /// BHT03 the submitter's reference.
    pub reference: String,
    /// 2100A the payer (NM1*PR, `PI` payer id).
    pub payer: Organization,
    /// 2100B the information receiver (NM1*41, `46` ETIN).
    pub information_receiver: Organization,
    /// 2100C the provider (NM1*1P), by NPI.
    pub provider: Provider,
    /// 2100D the subscriber. The birth date and gender (2000D DMG) are the patient's
    /// demographics: they are sent only when there is no dependent.
    pub subscriber: Individual,
    /// 2100D NM109 member id.
    pub member_id: Phi<String>,
    /// 2100E the dependent, when the patient is not the subscriber.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependent: Option<Individual>,
    /// 2200D/E TRN02 the trace number the 277 echoes.
    pub trace_number: String,
    /// REF*EJ the patient control number (CLM01 of the claim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_control_number: Option<String>,
    /// REF*1K the payer's claim control number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_claim_number: Option<String>,
    /// REF*BLT institutional bill type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_type: Option<String>,
    /// AMT*T3 total claim charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<Money>,
    /// DTP*472 service date or range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_dates: Option<DateOrRange>,
}

/// Writes one interchange with one 276 transaction set per request (control numbers 0001,
/// 0002…), in functional group `HR`.
pub fn write_276(
    envelope: &Envelope,
    requests: &[ClaimStatusRequest],
) -> Result<Vec<u8>, RequestWriteError> {
    super::message::write_requests(
        envelope,
        requests,
        "HR",
        CLAIM_STATUS_VERSION,
        write_one_276,
    )
}

fn write_one_276(
    w: &mut X12Writer,
    control: &str,
    envelope: &Envelope,
    request: &ClaimStatusRequest,
) -> Result<(), RequestWriteError> {
    if request.reference.trim().is_empty() {
        return Err(RequestWriteError::Missing { field: "reference" });
    }
    if request.trace_number.trim().is_empty() {
        return Err(RequestWriteError::Missing {
            field: "traceNumber",
        });
    }
    if request.member_id.expose().trim().is_empty() {
        return Err(RequestWriteError::Missing { field: "memberId" });
    }
    if request.subscriber.name.expose().last.trim().is_empty() {
        return Err(RequestWriteError::Missing {
            field: "subscriber.name",
        });
    }
    message::begin_request(
        w,
        "276",
        control,
        CLAIM_STATUS_VERSION,
        "0010",
        &request.reference,
        envelope,
    )?;
    message::write_organization_nm1(w, "PR", "PI", &request.payer, "payer")?;
    w.segment("HL", &["2".into(), "1".into(), "21".into(), "1".into()])?;
    message::write_organization_nm1(
        w,
        "41",
        "46",
        &request.information_receiver,
        "informationReceiver",
    )?;
    w.segment("HL", &["3".into(), "2".into(), "19".into(), "1".into()])?;
    message::write_provider_nm1(w, "1P", &request.provider)?;
    let has_dependent = if request.dependent.is_some() {
        "1"
    } else {
        "0"
    };
    w.segment(
        "HL",
        &["4".into(), "3".into(), "22".into(), has_dependent.into()],
    )?;
    let subscriber = &request.subscriber;
    if request.dependent.is_none() {
        message::write_dmg(
            w,
            subscriber.birth_date.as_ref().map(|d| *d.expose()),
            subscriber.gender.as_ref().map(|g| g.expose().as_str()),
        )?;
    }
    message::write_person_nm1(
        w,
        "IL",
        subscriber.name.expose(),
        Some(request.member_id.expose().as_str()),
    )?;
    if let Some(dependent) = &request.dependent {
        w.segment("HL", &["5".into(), "4".into(), "23".into()])?;
        message::write_dmg(
            w,
            dependent.birth_date.as_ref().map(|d| *d.expose()),
            dependent.gender.as_ref().map(|g| g.expose().as_str()),
        )?;
        message::write_person_nm1(w, "QC", dependent.name.expose(), None)?;
    }
    w.segment("TRN", &["1".into(), request.trace_number.as_str().into()])?;
    for (qualifier, value) in [
        ("BLT", &request.bill_type),
        ("1K", &request.payer_claim_number),
        ("EJ", &request.patient_control_number),
    ] {
        if let Some(value) = value {
            w.segment("REF", &[qualifier.into(), value.as_str().into()])?;
        }
    }
    if let Some(charge) = request.charge {
        let amount = super::decimal(charge.amount());
        w.segment("AMT", &["T3".into(), amount.as_str().into()])?;
    }
    if let Some(dates) = request.service_dates {
        message::write_dtp(w, "472", dates)?;
    }
    w.end_transaction()?;
    Ok(())
}

fn organization_of(party: Option<&Party>) -> Organization {
    party.map_or_else(Organization::default, |p| Organization {
        name: p.name.clone(),
        id: p.id.clone().unwrap_or_default(),
    })
}

fn provider_of(
    party: Option<&Party>,
    claim: &ClaimStatus,
    findings: &mut Vec<Finding>,
) -> Provider {
    let Some(party) = party else {
        return Provider {
            name: String::new(),
            first_name: None,
            id: ProviderId::Other {
                qualifier: String::new(),
                id: String::new(),
            },
        };
    };
    let qualifier = party.id_qualifier.clone().unwrap_or_default();
    let id = party.id.clone().unwrap_or_default();
    let id = match (qualifier.as_str(), crate::codes::Npi::parse(&id)) {
        ("XX", Ok(npi)) => ProviderId::Npi { npi },
        ("XX", Err(_)) => {
            findings.push(Finding::error(
                "X12-NPI",
                format!("claim at segment {} provider NM109", claim.position),
                "not a valid NPI; kept as sent",
            ));
            ProviderId::Other { qualifier, id }
        }
        _ => ProviderId::Other { qualifier, id },
    };
    Provider {
        name: party.name.clone(),
        first_name: party.first_name.clone(),
        id,
    }
}

/// Reads every 276 transaction set: one request per claim (TRN). Service lines (SVC) of a
/// 276 are not part of [`ClaimStatusRequest`]; a warning says so.
pub fn read_276(input: &[u8]) -> Result<Vec<ReadRequest<ClaimStatusRequest>>, X12Error> {
    let (sets, envelope) = message::transactions(input, "276")?;
    let mut out = Vec::new();
    for set in sets {
        let mut findings = Findings::default();
        let mut walk = Walk::new(false);
        let mut ends = Vec::new();
        for segment in &set.segments {
            let segment = &segment.elements(&mut ends);
            walk.segment(segment, &mut findings);
        }
        let shared = findings.finish(&envelope);
        if walk.claims.is_empty() {
            let mut all = vec![Finding::error(
                "X12-276-INCOMPLETE",
                format!("segment {} ST", set.position),
                "the 276 asks about no claim (no TRN at a subscriber or dependent level)",
            )];
            all.extend(shared);
            out.push(ReadRequest {
                control_number: set.control_number,
                request: ClaimStatusRequest {
                    reference: walk.reference.unwrap_or_default(),
                    payer: organization_of(walk.payer.as_ref()),
                    information_receiver: organization_of(walk.receiver.as_ref()),
                    provider: provider_of(
                        walk.provider.as_ref(),
                        &ClaimStatus::default(),
                        &mut Vec::new(),
                    ),
                    subscriber: Individual::default(),
                    member_id: Phi::new(String::new()),
                    dependent: None,
                    trace_number: String::new(),
                    patient_control_number: None,
                    payer_claim_number: None,
                    bill_type: None,
                    charge: None,
                    service_dates: None,
                },
                findings: all,
            });
            continue;
        }
        for claim in &walk.claims {
            let mut findings = Vec::new();
            if !claim.lines.is_empty() {
                findings.push(Finding::warning(
                    "X12-276-LINES-NOT-READ",
                    format!(
                        "segment {} SVC",
                        claim.lines.first().map_or(0, |l| l.position)
                    ),
                    "service line inquiries are not part of the claim status request",
                ));
            }
            for reference in &claim.references {
                if reference.qualifier != "BLT" {
                    findings.push(Finding::warning(
                        "X12-SEGMENT-NOT-READ",
                        format!("claim at segment {} REF", claim.position),
                        // A qualifier is a short code; anything else is not echoed.
                        if reference.qualifier.len() <= 3
                            && reference
                                .qualifier
                                .bytes()
                                .all(|b| b.is_ascii_alphanumeric())
                        {
                            format!(
                                "REF qualifier {} is not carried by the claim status request",
                                reference.qualifier
                            )
                        } else {
                            "a REF qualifier the claim status request does not carry".to_owned()
                        },
                    ));
                }
            }
            let (subscriber, member_id) =
                message::individual(claim.subscriber.clone().unwrap_or_default());
            let request = ClaimStatusRequest {
                reference: walk.reference.clone().unwrap_or_default(),
                payer: organization_of(claim.payer.as_ref()),
                information_receiver: organization_of(claim.receiver.as_ref()),
                provider: provider_of(claim.provider.as_ref(), claim, &mut findings),
                subscriber,
                member_id: member_id.unwrap_or_default(),
                dependent: claim.patient.clone().map(|p| message::individual(p).0),
                trace_number: claim.trace_number.clone(),
                patient_control_number: claim.patient_control_number.clone(),
                payer_claim_number: claim.payer_claim_number.clone(),
                bill_type: claim
                    .references
                    .iter()
                    .find(|r| r.qualifier == "BLT")
                    .map(|r| r.value.clone()),
                charge: claim
                    .amounts
                    .iter()
                    .find(|a| a.qualifier == "T3")
                    .map(|a| a.amount),
                service_dates: claim.service_dates(),
            };
            findings.extend(shared.iter().cloned());
            out.push(ReadRequest {
                control_number: set.control_number.clone(),
                request,
                findings,
            });
        }
    }
    Ok(out)
}
