//! What the 270/271, 276/277 and 999 readers and writers share: transaction sets cut out of
//! a file, the parties and people they name, dates (`D8`, `RD8`), exact amounts, and the
//! findings a reader gives instead of a panic or a silently dropped segment.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

use super::value::{self, Elements};
use super::{Segment, Tokenizer, WriteError, X12Error, check_envelopes};
use crate::codes::Npi;
use crate::finding::Finding;
use crate::money::Money;
use crate::phi::Phi;

/// Why a request (270, 276) could not be written. Names the field or the segment and
/// element, never the data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestWriteError {
    /// The envelope or a segment could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A field the implementation guide requires is empty.
    #[error("{field}: required by the implementation guide")]
    Missing {
        /// Field path in the request, e.g. `payer.id`.
        field: &'static str,
    },
}

/// Writes one interchange with one transaction set per request (control numbers 0001,
/// 0002…) in a functional group `functional_id` of `version`: the frame shared by the 270
/// and 276 writers. No requests is an error, not an empty interchange.
pub(crate) fn write_requests<T>(
    envelope: &super::Envelope,
    requests: &[T],
    functional_id: &str,
    version: &str,
    write_one: impl Fn(
        &mut super::X12Writer,
        &str,
        &super::Envelope,
        &T,
    ) -> Result<(), RequestWriteError>,
) -> Result<Vec<u8>, RequestWriteError> {
    if requests.is_empty() {
        return Err(RequestWriteError::Missing { field: "requests" });
    }
    let mut w = super::X12Writer::new(envelope)?;
    w.begin_group(functional_id, version)?;
    for (i, request) in requests.iter().enumerate() {
        let control = format!("{:04}", i.saturating_add(1));
        write_one(&mut w, &control, envelope, request)?;
    }
    w.end_group()?;
    Ok(w.finish()?)
}

/// Opens a request transaction set: ST, BHT (hierarchical structure `structure`, purpose 13
/// request, the caller's reference, the envelope's date and time) and the information
/// source's HL (level 20), which both the 270 and the 276 start with.
pub(crate) fn begin_request(
    w: &mut super::X12Writer,
    set_id: &str,
    control: &str,
    version: &str,
    structure: &str,
    reference: &str,
    envelope: &super::Envelope,
) -> Result<(), RequestWriteError> {
    w.begin_transaction(set_id, control, Some(version))?;
    let date = super::date8(envelope.date);
    let time = envelope.time.format("%H%M").to_string();
    w.segment(
        "BHT",
        &[
            structure.into(),
            "13".into(),
            reference.into(),
            date.as_str().into(),
            time.as_str().into(),
        ],
    )?;
    w.segment("HL", &["1".into(), "".into(), "20".into(), "1".into()])?;
    Ok(())
}

/// Defines a code enum: known X12 codes as variants, anything else kept as sent in `Other`.
/// It serializes as the X12 code itself.
macro_rules! x12_code {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(from = "String", into = "String")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A code medbill does not name, as sent.
            Other(String),
        }

        impl $name {
            /// The X12 code.
            pub fn code(&self) -> &str {
                match self {
                    $($name::$variant => $code,)*
                    $name::Other(code) => code.as_str(),
                }
            }
        }

        impl From<&str> for $name {
            fn from(code: &str) -> $name {
                match code {
                    $($code => $name::$variant,)*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(code: String) -> $name {
                $name::from(code.as_str())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.code().to_owned()
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "description": concat!("X12 code, e.g. ", $($code, " ",)* "(others kept as sent)")
                })
            }
        }
    };
}

pub(crate) use x12_code;

/// A date or a date range, as DTP and STC carry them (`D8` `CCYYMMDD`, `RD8`
/// `CCYYMMDD-CCYYMMDD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum DateOrRange {
    /// One day (`D8`).
    Date {
        /// The day.
        date: NaiveDate,
    },
    /// From one day through another (`RD8`).
    Range {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
}

impl DateOrRange {
    /// The first day.
    pub fn start(&self) -> NaiveDate {
        match self {
            DateOrRange::Date { date } => *date,
            DateOrRange::Range { start, .. } => *start,
        }
    }

    /// The last day.
    pub fn end(&self) -> NaiveDate {
        match self {
            DateOrRange::Date { date } => *date,
            DateOrRange::Range { end, .. } => *end,
        }
    }

    /// The DTP02 format qualifier and DTP03 value.
    pub(crate) fn to_x12(self) -> (&'static str, String) {
        match self {
            DateOrRange::Date { date } => ("D8", super::date8(date)),
            DateOrRange::Range { start, end } => (
                "RD8",
                format!("{}-{}", super::date8(start), super::date8(end)),
            ),
        }
    }
}

/// One DTP segment: what the date is (DTP01 qualifier: `291` plan, `346` plan begin, `356`
/// eligibility begin, `357` eligibility end, `472` service…) and the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct QualifiedDate {
    /// DTP01.
    pub qualifier: String,
    /// DTP02/DTP03.
    pub date: DateOrRange,
}

/// One REF segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "X12Reference")]
pub struct Reference {
    /// REF01 (`18` plan number, `1L` group or policy number, `6P` group number, `EJ` patient
    /// account number, `1K` payer claim number…).
    pub qualifier: String,
    /// REF02.
    pub value: String,
    /// REF03 description (e.g. the group name), when sent.
    pub description: Option<String>,
}

/// A TRN trace number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// TRN01: `1` current transaction, `2` referenced transaction.
    pub kind: String,
    /// TRN02.
    pub number: String,
    /// TRN03 the entity that assigned it (`1` + tax id, or `9` + other id), when sent.
    pub originator: Option<String>,
}

/// A street address (N3/N4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "X12Address")]
pub struct Address {
    /// N301, N302.
    pub lines: Vec<String>,
    /// N401.
    pub city: Option<String>,
    /// N402.
    pub state: Option<String>,
    /// N403.
    pub postal_code: Option<String>,
}

/// A PER contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "X12Contact")]
pub struct Contact {
    /// PER01 function (`IC` information contact…).
    pub function: String,
    /// PER02 name, when sent.
    pub name: Option<String>,
    /// (qualifier, number) pairs: `TE` telephone, `UR` web address, `EM` e-mail, `FX` fax.
    pub numbers: Vec<(String, String)>,
}

/// An organization or a provider named by an NM1 segment (payer, information receiver,
/// provider, benefit-related entity). Not patient data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "X12Party")]
pub struct Party {
    /// NM101 entity code (`PR` payer, `1P` provider, `41` submitter, `85` billing provider…).
    pub entity: String,
    /// NM103 organization or last name.
    pub name: String,
    /// NM104 first name (a person), when sent.
    pub first_name: Option<String>,
    /// NM108 identification code qualifier (`PI` payer id, `XX` NPI, `46` ETIN, `SV`, `FI`).
    pub id_qualifier: Option<String>,
    /// NM109.
    pub id: Option<String>,
    /// N3/N4.
    pub address: Option<Address>,
    /// PER segments.
    pub contacts: Vec<Contact>,
}

/// A person's name (NM103–NM107).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "X12PersonName")]
pub struct PersonName {
    /// NM103.
    pub last: String,
    /// NM104.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// NM105.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    /// NM107.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

/// A subscriber or patient as a response names them: every identifying field is [`Phi`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "X12Person")]
pub struct Person {
    /// NM101 (`IL` insured, `03` dependent, `QC` patient).
    pub entity: String,
    /// NM103–NM107.
    pub name: Phi<PersonName>,
    /// NM109 member id.
    pub member_id: Option<Phi<String>>,
    /// DMG02.
    pub birth_date: Option<Phi<NaiveDate>>,
    /// DMG03 (`F`, `M`, `U`).
    pub gender: Option<Phi<String>>,
    /// N3/N4.
    pub address: Option<Phi<Address>>,
}

/// How a provider is identified (NM108/NM109).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ProviderId {
    /// `XX`: a valid NPI.
    Npi {
        /// The NPI.
        npi: Npi,
    },
    /// Another qualifier (`SV` service provider number, `FI` tax id, `PI` payer id), or an
    /// `XX` value that is not a valid NPI (the reader says so in a finding).
    Other {
        /// NM108.
        qualifier: String,
        /// NM109.
        id: String,
    },
}

impl ProviderId {
    /// NM108 and NM109.
    pub(crate) fn to_x12(&self) -> (&str, &str) {
        match self {
            ProviderId::Npi { npi } => ("XX", npi.as_str()),
            ProviderId::Other { qualifier, id } => (qualifier.as_str(), id.as_str()),
        }
    }
}

/// A payer or other organization a request names by name and id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organization {
    /// NM103.
    pub name: String,
    /// NM109 (`PI` payer id for a payer, `46` ETIN for an information receiver).
    pub id: String,
}

/// A provider a request names (NM1*1P): an organization, or a person with a first name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "RequestProvider")]
pub struct Provider {
    /// NM103 organization or last name.
    pub name: String,
    /// NM104 first name: the provider is a person (NM102 `1`) when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// NM108/NM109.
    pub id: ProviderId,
}

/// A subscriber or dependent as a request names them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Individual {
    /// NM103–NM107.
    pub name: Phi<PersonName>,
    /// DMG02.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Phi<NaiveDate>>,
    /// DMG03 (`F`, `M`, `U`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Phi<String>>,
}

/// A request (270, 276) read back from X12, with what the reader found on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "Read{T}")]
pub struct ReadRequest<T> {
    /// ST02 of the transaction set it came from.
    pub control_number: String,
    /// The request.
    pub request: T,
    /// Reading findings (positions, never data) and the file's envelope findings.
    pub findings: Vec<Finding>,
}

/// Reads NM1*1P (or another provider NM1) into a [`Provider`].
pub(crate) fn provider(segment: &Elements<'_>, findings: &mut Findings) -> Provider {
    let person = segment.trimmed(2) == "1";
    Provider {
        name: segment.trimmed(3).to_owned(),
        first_name: if person { segment.text(4) } else { None },
        id: provider_id(segment, findings).unwrap_or(ProviderId::Other {
            qualifier: String::new(),
            id: String::new(),
        }),
    }
}

/// Writes an NM1 for a provider.
pub(crate) fn write_provider_nm1(
    w: &mut super::X12Writer,
    entity: &str,
    provider: &Provider,
) -> Result<(), RequestWriteError> {
    let (qualifier, id) = provider.id.to_x12();
    if provider.name.trim().is_empty() {
        return Err(RequestWriteError::Missing {
            field: "provider.name",
        });
    }
    if id.trim().is_empty() || qualifier.trim().is_empty() {
        return Err(RequestWriteError::Missing {
            field: "provider.id",
        });
    }
    let kind = if provider.first_name.is_some() {
        "1"
    } else {
        "2"
    };
    w.segment(
        "NM1",
        &[
            entity.into(),
            kind.into(),
            provider.name.as_str().into(),
            provider.first_name.as_deref().unwrap_or("").into(),
            "".into(),
            "".into(),
            "".into(),
            qualifier.into(),
            id.into(),
        ],
    )?;
    Ok(())
}

/// Writes an NM1 for an organization (entity `PR` payer with `PI`, `41` receiver with `46`).
pub(crate) fn write_organization_nm1(
    w: &mut super::X12Writer,
    entity: &str,
    qualifier: &str,
    organization: &Organization,
    field: &'static str,
) -> Result<(), RequestWriteError> {
    if organization.name.trim().is_empty() || organization.id.trim().is_empty() {
        return Err(RequestWriteError::Missing { field });
    }
    w.segment(
        "NM1",
        &[
            entity.into(),
            "2".into(),
            organization.name.as_str().into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            qualifier.into(),
            organization.id.as_str().into(),
        ],
    )?;
    Ok(())
}

/// Reads an organization NM1.
pub(crate) fn organization(segment: &Elements<'_>) -> Organization {
    Organization {
        name: segment.trimmed(3).to_owned(),
        id: segment.trimmed(9).to_owned(),
    }
}

/// Reads a person NM1 and a DMG into an [`Individual`] and its member id.
pub(crate) fn individual(person: Person) -> (Individual, Option<Phi<String>>) {
    (
        Individual {
            name: person.name,
            birth_date: person.birth_date,
            gender: person.gender,
        },
        person.member_id,
    )
}

/// A transaction set cut out of a file: its ST, the segments up to (not including) SE.
pub(crate) struct RawTransaction<'a> {
    /// ST02.
    pub(crate) control_number: String,
    /// Position of the ST segment.
    pub(crate) position: usize,
    /// ST03, else GS08.
    pub(crate) version: String,
    /// The segments between ST and SE.
    pub(crate) segments: Vec<Segment<'a>>,
}

/// Every transaction set with ST01 `id`, and the file's envelope findings. A version before
/// 5010 (ISA12, GS08 or ST03) is [`X12Error::UnsupportedVersion`]. Empty segments are left
/// out (the envelope findings name them).
pub(crate) fn transactions<'a>(
    input: &'a [u8],
    id: &str,
) -> Result<(Vec<RawTransaction<'a>>, Vec<Finding>), X12Error> {
    let envelope = check_envelopes(input)?;
    let mut sets = Vec::new();
    let mut group_version = String::new();
    let mut current: Option<RawTransaction<'a>> = None;
    let mut ends = Vec::new();
    for segment in Tokenizer::new(input)? {
        let segment = segment?;
        match segment.id() {
            "GS" => group_version = segment.elements(&mut ends).trimmed(8).to_owned(),
            "ST" => {
                if let Some(open) = current.take() {
                    sets.push(open);
                }
                let st = segment.elements(&mut ends);
                let version = Some(st.trimmed(3))
                    .filter(|v| !v.is_empty())
                    .unwrap_or(&group_version)
                    .to_owned();
                if version.starts_with("00401") || version.starts_with("00400") {
                    return Err(X12Error::UnsupportedVersion { version });
                }
                if st.trimmed(1) == id {
                    current = Some(RawTransaction {
                        control_number: st.trimmed(2).to_owned(),
                        position: st.position(),
                        version,
                        segments: Vec::new(),
                    });
                }
            }
            "SE" => {
                if let Some(open) = current.take() {
                    sets.push(open);
                }
            }
            "GE" | "IEA" | "ISA" => {
                // A set cut off before its SE still counts (the envelope findings say so).
                if let Some(open) = current.take() {
                    sets.push(open);
                }
            }
            _ => {
                if let Some(open) = current.as_mut().filter(|_| !segment.raw().is_empty()) {
                    open.segments.push(segment);
                }
            }
        }
    }
    if let Some(open) = current.take() {
        sets.push(open);
    }
    Ok((sets, envelope.findings))
}

/// Findings of one transaction being read: bad values at once, segments the model does not
/// carry and segments out of place aggregated per segment id.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    findings: Vec<Finding>,
    /// (out of place?, segment id, first position, count)
    skipped: Vec<(bool, String, usize, usize)>,
    /// Where each (out of place?, segment id) is in `skipped`.
    skipped_at: FxHashMap<(bool, String), usize>,
}

impl Findings {
    pub(crate) fn error(&mut self, rule: &str, segment: &Elements<'_>, n: usize, message: &str) {
        self.findings
            .push(Finding::error(rule, segment.at(n), message));
    }

    fn skip(&mut self, out_of_place: bool, segment: &Elements<'_>) {
        let key = (out_of_place, segment.safe_id().to_owned());
        match self
            .skipped_at
            .get(&key)
            .and_then(|&i| self.skipped.get_mut(i))
        {
            Some(entry) => entry.3 = entry.3.saturating_add(1),
            None => {
                self.skipped_at.insert(key.clone(), self.skipped.len());
                self.skipped.push((key.0, key.1, segment.position(), 1));
            }
        }
    }

    /// A segment the model does not carry.
    pub(crate) fn not_carried(&mut self, segment: &Elements<'_>) {
        self.skip(false, segment);
    }

    /// A segment where the implementation guide does not put it.
    pub(crate) fn out_of_place(&mut self, segment: &Elements<'_>) {
        self.skip(true, segment);
    }

    /// Money from element `n`: `None` when empty; a finding and `None` when not a decimal.
    pub(crate) fn amount(&mut self, segment: &Elements<'_>, n: usize) -> Option<Money> {
        let text = Some(segment.trimmed(n)).filter(|s| !s.is_empty())?;
        match value::amount(text) {
            Some(money) => Some(money),
            None => {
                self.error("X12-AMOUNT", segment, n, "not a decimal amount; left out");
                None
            }
        }
    }

    /// A plain decimal (quantity, percent) from element `n`.
    pub(crate) fn decimal(&mut self, segment: &Elements<'_>, n: usize) -> Option<Decimal> {
        self.amount(segment, n).map(|m| m.amount())
    }

    /// A `CCYYMMDD` date from element `n`.
    pub(crate) fn date(&mut self, segment: &Elements<'_>, n: usize) -> Option<NaiveDate> {
        let text = Some(segment.trimmed(n)).filter(|s| !s.is_empty())?;
        match value::date8(text) {
            Some(date) => Some(date),
            None => {
                self.error("X12-DATE", segment, n, "not a CCYYMMDD date; left out");
                None
            }
        }
    }

    /// A date or range given its format qualifier (`D8`, `RD8`) and value.
    pub(crate) fn date_or_range(
        &mut self,
        segment: &Elements<'_>,
        format_element: usize,
        value_element: usize,
    ) -> Option<DateOrRange> {
        let format = segment.trimmed(format_element);
        let value = segment.trimmed(value_element);
        let parsed = match format {
            "D8" => value::date8(value).map(|date| DateOrRange::Date { date }),
            "RD8" => value.split_once('-').and_then(|(a, b)| {
                let (start, end) = (value::date8(a)?, value::date8(b)?);
                (start <= end).then_some(DateOrRange::Range { start, end })
            }),
            _ => {
                self.error(
                    "X12-DATE-FORMAT",
                    segment,
                    format_element,
                    "date format qualifier is not D8 or RD8; date left out",
                );
                return None;
            }
        };
        if parsed.is_none() {
            self.error(
                "X12-DATE",
                segment,
                value_element,
                "not a CCYYMMDD date or CCYYMMDD-CCYYMMDD range; left out",
            );
        }
        parsed
    }

    /// DTP01–DTP03.
    pub(crate) fn dtp(&mut self, segment: &Elements<'_>) -> Option<QualifiedDate> {
        let date = self.date_or_range(segment, 2, 3)?;
        Some(QualifiedDate {
            qualifier: segment.trimmed(1).to_owned(),
            date,
        })
    }

    /// The findings, the aggregated ones last.
    pub(crate) fn finish(mut self, envelope: &[Finding]) -> Vec<Finding> {
        for (out_of_place, id, first, count) in self.skipped {
            let path = format!("segment {first} {id}");
            let more = if count > 1 {
                format!(" ({count} {id} segments in this transaction set)")
            } else {
                String::new()
            };
            self.findings.push(if out_of_place {
                Finding::error(
                    "X12-SEGMENT-OUT-OF-PLACE",
                    path,
                    format!("not where the implementation guide allows it; not read{more}"),
                )
            } else {
                Finding::warning(
                    "X12-SEGMENT-NOT-READ",
                    path,
                    format!("a segment this reader does not carry{more}"),
                )
            });
        }
        self.findings.extend(envelope.iter().cloned());
        self.findings
    }
}

/// NM103 where the implementation guide requires a name: empty, it is an error finding.
pub(crate) fn require_name(segment: &Elements<'_>, findings: &mut Findings) {
    if segment.trimmed(3).is_empty() {
        findings.error(
            "X12-NAME-REQUIRED",
            segment,
            3,
            "empty, where the implementation guide requires a last or organization name",
        );
    }
}

/// NM1 of an organization or provider.
pub(crate) fn party(segment: &Elements<'_>) -> Party {
    Party {
        entity: segment.trimmed(1).to_owned(),
        name: segment.trimmed(3).to_owned(),
        first_name: segment.text(4),
        id_qualifier: segment.text(8),
        id: segment.text(9),
        address: None,
        contacts: Vec::new(),
    }
}

/// NM1 of a person.
pub(crate) fn person(segment: &Elements<'_>) -> Person {
    Person {
        entity: segment.trimmed(1).to_owned(),
        name: Phi::new(PersonName {
            last: segment.trimmed(3).to_owned(),
            first: segment.text(4),
            middle: segment.text(5),
            suffix: segment.text(7),
        }),
        member_id: segment.text(9).map(Phi::new),
        birth_date: None,
        gender: None,
        address: None,
    }
}

/// DMG onto a person.
pub(crate) fn demographics(segment: &Elements<'_>, person: &mut Person, findings: &mut Findings) {
    if segment.trimmed(1) == "D8" {
        person.birth_date = findings.date(segment, 2).map(Phi::new);
    } else if segment.text(2).is_some() {
        findings.error(
            "X12-DATE-FORMAT",
            segment,
            1,
            "birth date format qualifier is not D8; date left out",
        );
    }
    person.gender = segment.text(3).map(Phi::new);
}

/// N3 or N4 onto an address.
pub(crate) fn address_line(segment: &Elements<'_>, address: &mut Address) {
    if segment.id() == "N3" {
        address
            .lines
            .extend([1, 2].iter().filter_map(|&n| segment.text(n)));
    } else {
        address.city = segment.text(1);
        address.state = segment.text(2);
        address.postal_code = segment.text(3);
    }
}

/// PER.
pub(crate) fn contact(segment: &Elements<'_>) -> Contact {
    Contact {
        function: segment.trimmed(1).to_owned(),
        name: segment.text(2),
        numbers: [3usize, 5, 7]
            .iter()
            .filter_map(|&n| Some((segment.text(n)?, segment.text(n.saturating_add(1))?)))
            .collect(),
    }
}

/// REF.
pub(crate) fn reference(segment: &Elements<'_>) -> Reference {
    Reference {
        qualifier: segment.trimmed(1).to_owned(),
        value: segment.trimmed(2).to_owned(),
        description: segment.text(3),
    }
}

/// TRN.
pub(crate) fn trace(segment: &Elements<'_>) -> Trace {
    Trace {
        kind: segment.trimmed(1).to_owned(),
        number: segment.trimmed(2).to_owned(),
        originator: segment.text(3),
    }
}

/// A provider id from NM108/NM109; an `XX` that is not a valid NPI is kept as `Other` with
/// a finding.
pub(crate) fn provider_id(segment: &Elements<'_>, findings: &mut Findings) -> Option<ProviderId> {
    let qualifier = segment.text(8)?;
    let id = segment.text(9).unwrap_or_default();
    if qualifier == "XX" {
        if let Ok(npi) = Npi::parse(&id) {
            return Some(ProviderId::Npi { npi });
        }
        findings.error("X12-NPI", segment, 9, "not a valid NPI; kept as sent");
    }
    Some(ProviderId::Other { qualifier, id })
}

/// Writes an NM1 for a person: entity, name, and NM108/NM109 when an id is given.
pub(crate) fn write_person_nm1(
    w: &mut super::X12Writer,
    entity: &str,
    name: &PersonName,
    member_id: Option<&str>,
) -> Result<(), WriteError> {
    let (qualifier, id) = match member_id {
        Some(id) => ("MI", id),
        None => ("", ""),
    };
    w.segment(
        "NM1",
        &[
            entity.into(),
            "1".into(),
            name.last.as_str().into(),
            name.first.as_deref().unwrap_or("").into(),
            name.middle.as_deref().unwrap_or("").into(),
            "".into(),
            name.suffix.as_deref().unwrap_or("").into(),
            qualifier.into(),
            id.into(),
        ],
    )
}

/// Writes a DMG for a birth date and gender, when either is known.
pub(crate) fn write_dmg(
    w: &mut super::X12Writer,
    birth_date: Option<NaiveDate>,
    gender: Option<&str>,
) -> Result<(), WriteError> {
    if birth_date.is_none() && gender.is_none() {
        return Ok(());
    }
    let date = birth_date.map(super::date8).unwrap_or_default();
    let format = if birth_date.is_some() { "D8" } else { "" };
    w.segment(
        "DMG",
        &[
            format.into(),
            date.as_str().into(),
            gender.unwrap_or("").into(),
        ],
    )
}

/// Writes a DTP with a date or range.
pub(crate) fn write_dtp(
    w: &mut super::X12Writer,
    qualifier: &str,
    date: DateOrRange,
) -> Result<(), WriteError> {
    let (format, value) = date.to_x12();
    w.segment(
        "DTP",
        &[qualifier.into(), format.into(), value.as_str().into()],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISA: &str = "ISA*00*          *00*          *ZZ*S              *ZZ*R              *261127*1200*^*00501*000000001*0*T*:~";

    #[test]
    fn dates_amounts_and_aggregated_findings() {
        let text = format!(
            "{ISA}GS*HB*S*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~\
DTP*291*RD8*20260101-20261231~DTP*291*RD8*20261231-20260101~DTP*291*D8*2026013~\
DTP*291*XX*1~EB*C**30***23*12.5X~ZZZ*1~ZZZ*2~SE*9*0001~GE*1*1~IEA*1*000000001~"
        );
        let (sets, envelope) = transactions(text.as_bytes(), "271").unwrap();
        assert!(envelope.is_empty(), "{envelope:?}");
        let set = &sets[0];
        let mut findings = Findings::default();
        let mut ends = Vec::new();
        let dates: Vec<_> = set
            .segments
            .iter()
            .filter(|s| s.id() == "DTP")
            .filter_map(|s| findings.dtp(&s.elements(&mut ends)))
            .collect();
        assert_eq!(dates.len(), 1);
        assert_eq!(
            dates[0].date.start(),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
        );
        assert_eq!(
            findings.amount(&set.segments[4].elements(&mut ends), 7),
            None
        );
        for s in &set.segments[5..] {
            findings.not_carried(&s.elements(&mut ends));
        }
        let all = findings.finish(&[]);
        let paths: Vec<_> = all.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "segment 5 DTP03",
                "segment 6 DTP03",
                "segment 7 DTP02",
                "segment 8 EB07",
                "segment 9 ZZZ"
            ]
        );
        assert!(all[4].message.contains("2 ZZZ segments"));
    }

    #[test]
    fn findings_never_echo_a_malformed_segment_id() {
        let text = format!(
            "{ISA}GS*HB*S*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~\
JANE DOE 19800229~SE*3*0001~GE*1*1~IEA*1*000000001~"
        );
        let (sets, _) = transactions(text.as_bytes(), "271").unwrap();
        let mut findings = Findings::default();
        findings.not_carried(&sets[0].segments[0].elements(&mut Vec::new()));
        let all = findings.finish(&[]);
        assert_eq!(all[0].path, "segment 4 ?");
        assert!(!format!("{all:?}").contains("JANE"));
    }

    #[test]
    fn version_4010_in_st03_is_refused() {
        let text = format!(
            "{ISA}GS*HB*S*R*20261127*1200*1*X*005010X279A1~ST*271*0001*004010X092A1~SE*2*0001~GE*1*1~IEA*1*000000001~"
        );
        assert!(matches!(
            transactions(text.as_bytes(), "271"),
            Err(X12Error::UnsupportedVersion { .. })
        ));
    }
}
