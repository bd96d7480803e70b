//! Place of service codes (CMS, in HL7's FHIR `CodeSystem` XML) and the NUCC health care
//! provider taxonomy (CSV).

use chrono::NaiveDate;
use quick_xml::events::Event;

use super::{CodeSetError, field_error, text};
use crate::codes::{PlaceOfService, Taxonomy};

/// One place of service.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PosEntry {
    /// The code.
    pub code: PlaceOfService,
    /// Its name.
    pub name: String,
    /// The first day it may be used, where the definition says ("(Effective January 1, 2017)").
    pub effective: Option<NaiveDate>,
}

/// The place of service codes, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlaceOfServiceTable {
    entries: Vec<PosEntry>,
}

const POS: &str = "place of service CodeSystem";
const NUCC: &str = "NUCC taxonomy CSV";

/// The date of the first "(Effective Month D, YYYY)" in a definition.
fn effective_in(definition: &str) -> Option<NaiveDate> {
    let at = definition.find("(Effective ")?;
    let rest = definition.get(at.saturating_add("(Effective ".len())..)?;
    let end = rest.find(')')?;
    let date = rest.get(..end)?.trim();
    NaiveDate::parse_from_str(date, "%B %d, %Y").ok()
}

impl PlaceOfServiceTable {
    /// Loads the FHIR `CodeSystem` XML: each `<concept>` has `<code value>`, `<display
    /// value>` and `<definition value>`.
    pub fn load(bytes: &[u8]) -> Result<PlaceOfServiceTable, CodeSetError> {
        let mut reader = quick_xml::Reader::from_reader(bytes);
        let mut buf = Vec::new();
        let mut entries = Vec::new();
        let mut depth_in_concept = 0usize;
        let mut current: (Option<String>, String, Option<NaiveDate>) = (None, String::new(), None);
        let line_of = |position: u64| {
            let end = usize::try_from(position)
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            bytes
                .get(..end)
                .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
                .saturating_add(1)
        };
        loop {
            let position = reader.buffer_position();
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| field_error(POS, line_of(position), "XML", e.to_string()))?;
            match event {
                Event::Start(e) if e.name().as_ref() == b"concept" => {
                    depth_in_concept = depth_in_concept.saturating_add(1);
                    current = (None, String::new(), None);
                }
                Event::End(e) if e.name().as_ref() == b"concept" => {
                    depth_in_concept = depth_in_concept.saturating_sub(1);
                    let (code, name, effective) = std::mem::take(&mut current);
                    let code = code.ok_or_else(|| {
                        field_error(
                            POS,
                            line_of(position),
                            "code",
                            "a concept without a code".into(),
                        )
                    })?;
                    let code = PlaceOfService::parse(&code)
                        .map_err(|e| field_error(POS, line_of(position), "code", e.to_string()))?;
                    entries.push(PosEntry {
                        code,
                        name: name.trim().to_owned(),
                        effective,
                    });
                }
                Event::Empty(e) if depth_in_concept > 0 => {
                    let mut value = None;
                    for attribute in e.attributes() {
                        let attribute = attribute.map_err(|e| {
                            field_error(POS, line_of(position), "XML", e.to_string())
                        })?;
                        if attribute.key.as_ref() == b"value" {
                            let raw = attribute
                                .decode_and_unescape_value(reader.decoder())
                                .map_err(|e| {
                                    field_error(POS, line_of(position), "XML", e.to_string())
                                })?;
                            value = Some(raw.into_owned());
                        }
                    }
                    let value = value.unwrap_or_default();
                    match e.name().as_ref() {
                        b"code" => current.0 = Some(value),
                        b"display" => current.1 = value,
                        b"definition" => current.2 = effective_in(&value),
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        if entries.is_empty() {
            return Err(CodeSetError::Layout {
                file: POS,
                reason: "no <concept> codes",
            });
        }
        entries.sort_by_key(|e| e.code);
        entries.dedup_by(|a, b| a.code == b.code);
        Ok(PlaceOfServiceTable { entries })
    }

    /// The code's entry.
    pub fn get(&self, code: PlaceOfService) -> Option<&PosEntry> {
        self.entries
            .binary_search_by(|e| e.code.cmp(&code))
            .ok()
            .and_then(|at| self.entries.get(at))
    }

    /// True when the code exists and is in effect on `date`.
    pub fn is_valid_on(&self, code: PlaceOfService, date: NaiveDate) -> bool {
        self.get(code)
            .is_some_and(|e| e.effective.is_none_or(|from| from <= date))
    }

    /// Every code, sorted.
    pub fn entries(&self) -> &[PosEntry] {
        &self.entries
    }
}

/// One taxonomy code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaxonomyEntry {
    /// The code.
    pub code: Taxonomy,
    /// Grouping.
    pub grouping: String,
    /// Classification.
    pub classification: String,
    /// Specialization (may be empty).
    pub specialization: String,
    /// `Individual` or `Non-Individual`.
    pub section: String,
}

/// The NUCC taxonomy, sorted by code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaxonomyTable {
    entries: Vec<TaxonomyEntry>,
}

impl TaxonomyTable {
    /// Loads the NUCC CSV: header `Code,Grouping,Classification,Specialization,Definition,
    /// Notes,Display Name,Section`, then one code a record.
    pub fn load(bytes: &[u8]) -> Result<TaxonomyTable, CodeSetError> {
        let content = text(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(content.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| field_error(NUCC, 1, "header", e.to_string()))?
            .clone();
        let column = |name: &'static str| {
            headers
                .iter()
                .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
                .ok_or(CodeSetError::Field {
                    file: NUCC,
                    line: 1,
                    field: name,
                    reason: "the header has no such column".into(),
                })
        };
        let (code_at, grouping_at, classification_at, specialization_at) = (
            column("Code")?,
            column("Grouping")?,
            column("Classification")?,
            column("Specialization")?,
        );
        let section_at = column("Section").ok();
        let mut entries = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let line = index.saturating_add(2);
            let record = record.map_err(|e| field_error(NUCC, line, "record", e.to_string()))?;
            let get = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
            let code = Taxonomy::parse(&get(code_at))
                .map_err(|e| field_error(NUCC, line, "Code", e.to_string()))?;
            entries.push(TaxonomyEntry {
                code,
                grouping: get(grouping_at),
                classification: get(classification_at),
                specialization: get(specialization_at),
                section: section_at.map(get).unwrap_or_default(),
            });
        }
        if entries.is_empty() {
            return Err(CodeSetError::Layout {
                file: NUCC,
                reason: "no taxonomy codes",
            });
        }
        entries.sort_by_key(|e| e.code);
        entries.dedup_by(|a, b| a.code == b.code);
        Ok(TaxonomyTable { entries })
    }

    /// The code's entry.
    pub fn get(&self, code: &Taxonomy) -> Option<&TaxonomyEntry> {
        self.entries
            .binary_search_by(|e| e.code.cmp(code))
            .ok()
            .and_then(|at| self.entries.get(at))
    }

    /// Every code, sorted.
    pub fn entries(&self) -> &[TaxonomyEntry] {
        &self.entries
    }
}
