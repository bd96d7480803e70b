//! The X12 writer: envelopes (ISA/GS/ST … SE/GE/IEA) with every count and control number
//! computed, a caller-chosen delimiter set, and data checked so that no element can break
//! the file (a delimiter inside a name is a typed error, never an escaped or dropped byte).

use chrono::{NaiveDate, NaiveTime, Timelike};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Delimiters;

/// Why X12 could not be written. Names the segment and element, never the data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// An element holds one of the interchange's delimiters.
    #[error("{segment}{element:02}: the value contains a delimiter of the interchange")]
    Delimiter {
        /// Segment id.
        segment: String,
        /// 1-based element number.
        element: usize,
    },
    /// An element holds a character outside the X12 extended character set (control
    /// characters, non-ASCII letters).
    #[error("{segment}{element:02}: the value contains a character X12 cannot carry")]
    Character {
        /// Segment id.
        segment: String,
        /// 1-based element number.
        element: usize,
    },
    /// An element begins or ends with a space. X12 readers drop trailing spaces (and
    /// fixed-width padding), so such a value would not read back as written: the writer
    /// refuses it rather than change it.
    #[error("{segment}{element:02}: the value begins or ends with a space")]
    Spaces {
        /// Segment id.
        segment: String,
        /// 1-based element number.
        element: usize,
    },
    /// A value does not fit its element (ISA fixed widths, identifiers, control numbers).
    #[error("{segment}{element:02}: {reason}")]
    Invalid {
        /// Segment id.
        segment: String,
        /// 1-based element number.
        element: usize,
        /// What is wrong.
        reason: String,
    },
    /// The delimiter set is unusable (repeated characters, letters or digits).
    #[error("the delimiter set is unusable: {0}")]
    Delimiters(&'static str),
    /// Segments were written outside a transaction set, or a set was left open.
    #[error("writer misuse: {0}")]
    State(&'static str),
}

/// Test or production data (ISA15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Usage {
    /// `P`.
    Production,
    /// `T`.
    #[default]
    Test,
}

/// Who sends, who receives, and the control numbers: everything of an interchange the caller
/// decides. The writer computes the rest (counts, trailers, padding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Envelope {
    /// ISA05 interchange sender id qualifier, e.g. `ZZ` (mutually defined) or `30` (tax id).
    #[serde(default = "default_qualifier")]
    pub sender_qualifier: String,
    /// ISA06 sender id (at most 15 characters; padded by the writer).
    pub sender_id: String,
    /// ISA07 receiver id qualifier.
    #[serde(default = "default_qualifier")]
    pub receiver_qualifier: String,
    /// ISA08 receiver id (at most 15 characters).
    pub receiver_id: String,
    /// GS02 application sender code; ISA06 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_sender: Option<String>,
    /// GS03 application receiver code; ISA08 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_receiver: Option<String>,
    /// ISA13 interchange control number, 1–999999999.
    pub interchange_control_number: u32,
    /// GS06 of the first functional group; later groups count up from it.
    pub group_control_number: u32,
    /// Creation date (ISA09, GS04); the library has no clock.
    pub date: NaiveDate,
    /// Creation time (ISA10, GS05), minutes precision.
    pub time: NaiveTime,
    /// ISA15.
    #[serde(default)]
    pub usage: Usage,
    /// ISA14: ask the receiver for a TA1.
    #[serde(default)]
    pub acknowledgment_requested: bool,
    /// The delimiters to write with; `* : ^ ~` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiters: Option<DelimiterSet>,
    /// Put a line break after each segment terminator (easier to read; every reader accepts it).
    #[serde(default)]
    pub line_breaks: bool,
}

fn default_qualifier() -> String {
    "ZZ".to_owned()
}

/// A delimiter set, as characters (JSON-friendly form of [`Delimiters`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DelimiterSet {
    /// Element separator.
    pub element: char,
    /// Component separator (ISA16).
    pub component: char,
    /// Repetition separator (ISA11).
    pub repetition: char,
    /// Segment terminator.
    pub segment: char,
}

impl DelimiterSet {
    /// Checks the set: four distinct printable ASCII characters that are neither letters,
    /// digits nor space.
    pub fn to_delimiters(self) -> Result<Delimiters, WriteError> {
        let chars = [self.element, self.component, self.repetition, self.segment];
        let mut bytes = [0u8; 4];
        for (slot, c) in bytes.iter_mut().zip(chars) {
            let b = u8::try_from(u32::from(c)).map_err(|_| WriteError::Delimiters("not ASCII"))?;
            if b.is_ascii_alphanumeric() || b == b' ' || !(b.is_ascii_graphic() || b == b'\n') {
                return Err(WriteError::Delimiters(
                    "letters, digits, space and control characters cannot be delimiters",
                ));
            }
            *slot = b;
        }
        for (i, a) in bytes.iter().enumerate() {
            if bytes.iter().skip(i.saturating_add(1)).any(|b| b == a) {
                return Err(WriteError::Delimiters("the four delimiters must differ"));
            }
        }
        let [element, component, repetition, segment] = bytes;
        Ok(Delimiters {
            element,
            component,
            repetition: Some(repetition),
            segment,
        })
    }
}

impl From<Delimiters> for DelimiterSet {
    fn from(d: Delimiters) -> DelimiterSet {
        DelimiterSet {
            element: char::from(d.element),
            component: char::from(d.component),
            repetition: char::from(d.repetition.unwrap_or(b'^')),
            segment: char::from(d.segment),
        }
    }
}

/// One element to write: a simple value or a composite of components.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element<'a> {
    /// A simple element; empty means "not used".
    Simple(&'a str),
    /// A composite element; trailing empty components are dropped.
    Composite(&'a [&'a str]),
}

impl<'a> From<&'a str> for Element<'a> {
    fn from(value: &'a str) -> Element<'a> {
        Element::Simple(value)
    }
}

impl<'a> From<&'a String> for Element<'a> {
    fn from(value: &'a String) -> Element<'a> {
        Element::Simple(value.as_str())
    }
}

impl<'a> From<&'a compact_str::CompactString> for Element<'a> {
    fn from(value: &'a compact_str::CompactString) -> Element<'a> {
        Element::Simple(value.as_str())
    }
}

impl<'a> From<&'a [&'a str]> for Element<'a> {
    fn from(value: &'a [&'a str]) -> Element<'a> {
        Element::Composite(value)
    }
}

impl Element<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Element::Simple(s) => s.is_empty(),
            Element::Composite(c) => c.iter().all(|s| s.is_empty()),
        }
    }
}

/// Writes one interchange. Open a functional group, then transaction sets inside it, write
/// their segments, and [`X12Writer::finish`] for the bytes.
///
/// ```
/// use medbill::x12::{Envelope, X12Writer, Element};
/// use chrono::{NaiveDate, NaiveTime};
/// let envelope = Envelope {
///     sender_qualifier: "ZZ".into(), sender_id: "SENDER".into(),
///     receiver_qualifier: "ZZ".into(), receiver_id: "RECEIVER".into(),
///     application_sender: None, application_receiver: None,
///     interchange_control_number: 1, group_control_number: 1,
///     date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
///     time: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
///     usage: Default::default(), acknowledgment_requested: false,
///     delimiters: None, line_breaks: false,
/// };
/// let mut w = X12Writer::new(&envelope).unwrap();
/// w.begin_group("HS", "005010X279A1").unwrap();
/// w.begin_transaction("270", "0001", Some("005010X279A1")).unwrap();
/// w.segment("BHT", &["0022".into(), "13".into()]).unwrap();
/// w.end_transaction().unwrap();
/// w.end_group().unwrap();
/// let bytes = w.finish().unwrap();
/// let text = String::from_utf8(bytes).unwrap();
/// assert!(text.contains("SE*3*0001~GE*1*1~IEA*1*000000001~"));
/// ```
#[derive(Debug)]
pub struct X12Writer {
    out: Vec<u8>,
    delimiters: Delimiters,
    line_breaks: bool,
    interchange_control: u32,
    next_group_control: u32,
    date: NaiveDate,
    time: NaiveTime,
    application_sender: String,
    application_receiver: String,
    groups: usize,
    /// (GS06, transaction sets so far)
    group: Option<(u32, usize)>,
    /// (ST02, segments so far including ST)
    transaction: Option<(String, usize)>,
}

fn invalid(segment: &str, element: usize, reason: impl Into<String>) -> WriteError {
    WriteError::Invalid {
        segment: segment.to_owned(),
        element,
        reason: reason.into(),
    }
}

fn padded(segment: &str, element: usize, value: &str, width: usize) -> Result<String, WriteError> {
    if value.len() > width {
        return Err(invalid(
            segment,
            element,
            format!("longer than its {width} characters"),
        ));
    }
    Ok(format!("{value:<width$}"))
}

impl X12Writer {
    /// Starts an interchange: checks the envelope and writes the ISA segment.
    pub fn new(envelope: &Envelope) -> Result<X12Writer, WriteError> {
        let delimiters = match envelope.delimiters {
            Some(set) => set.to_delimiters()?,
            None => Delimiters::STANDARD,
        };
        if !(1..=999_999_999).contains(&envelope.interchange_control_number) {
            return Err(invalid("ISA", 13, "must be 1 to 999999999"));
        }
        if !(1..=999_999_999).contains(&envelope.group_control_number) {
            return Err(invalid("GS", 6, "must be 1 to 999999999"));
        }
        let mut writer = X12Writer {
            out: Vec::with_capacity(4096),
            delimiters,
            line_breaks: envelope.line_breaks,
            interchange_control: envelope.interchange_control_number,
            next_group_control: envelope.group_control_number,
            date: envelope.date,
            time: envelope.time,
            application_sender: envelope
                .application_sender
                .clone()
                .unwrap_or_else(|| envelope.sender_id.clone()),
            application_receiver: envelope
                .application_receiver
                .clone()
                .unwrap_or_else(|| envelope.receiver_id.clone()),
            groups: 0,
            group: None,
            transaction: None,
        };
        for (n, value) in [
            (5, &envelope.sender_qualifier),
            (7, &envelope.receiver_qualifier),
        ] {
            if value.len() != 2 {
                return Err(invalid("ISA", n, "must be 2 characters"));
            }
        }
        for (n, value) in [(6, &envelope.sender_id), (8, &envelope.receiver_id)] {
            if value.trim().is_empty() {
                return Err(invalid("ISA", n, "must not be empty"));
            }
        }
        let repetition = delimiters.repetition.unwrap_or(b'^');
        let repetition = char::from(repetition).to_string();
        let date = envelope.date.format("%y%m%d").to_string();
        let time = format!("{:02}{:02}", envelope.time.hour(), envelope.time.minute());
        let control = format!("{:09}", envelope.interchange_control_number);
        let usage = match envelope.usage {
            Usage::Production => "P",
            Usage::Test => "T",
        };
        let ack = if envelope.acknowledgment_requested {
            "1"
        } else {
            "0"
        };
        let component = char::from(delimiters.component).to_string();
        let fields = [
            "00".to_owned(),
            " ".repeat(10),
            "00".to_owned(),
            " ".repeat(10),
            envelope.sender_qualifier.clone(),
            padded("ISA", 6, &envelope.sender_id, 15)?,
            envelope.receiver_qualifier.clone(),
            padded("ISA", 8, &envelope.receiver_id, 15)?,
            date,
            time,
            repetition,
            "00501".to_owned(),
            control,
            ack.to_owned(),
            usage.to_owned(),
        ];
        // ISA16 is the component separator itself, which the element check would refuse.
        let mut elements: Vec<Element<'_>> = fields.iter().map(Element::from).collect();
        elements.push(Element::Simple(""));
        writer.write_segment("ISA", &elements, Some(&component))?;
        Ok(writer)
    }

    /// The delimiters being written.
    pub fn delimiters(&self) -> Delimiters {
        self.delimiters
    }

    /// Opens a functional group: GS with the functional identifier (`HC` claims, `HS`
    /// eligibility inquiry, `HR` status inquiry, `HP` remittance, `FA` acknowledgment) and
    /// the implementation guide version (GS08).
    pub fn begin_group(&mut self, functional_id: &str, version: &str) -> Result<(), WriteError> {
        if self.group.is_some() {
            return Err(WriteError::State("a functional group is already open"));
        }
        let control = self.next_group_control;
        self.next_group_control = control.checked_add(1).unwrap_or(1);
        let date = self.date.format("%Y%m%d").to_string();
        let time = format!("{:02}{:02}", self.time.hour(), self.time.minute());
        let control_text = control.to_string();
        let sender = self.application_sender.clone();
        let receiver = self.application_receiver.clone();
        self.segment(
            "GS",
            &[
                functional_id.into(),
                (&sender).into(),
                (&receiver).into(),
                (&date).into(),
                (&time).into(),
                (&control_text).into(),
                "X".into(),
                version.into(),
            ],
        )?;
        self.group = Some((control, 0));
        self.groups = self.groups.saturating_add(1);
        Ok(())
    }

    /// Opens a transaction set: ST with its id, control number (4–9 characters) and, for
    /// HIPAA transactions, the implementation guide (ST03).
    pub fn begin_transaction(
        &mut self,
        id: &str,
        control_number: &str,
        version: Option<&str>,
    ) -> Result<(), WriteError> {
        let Some(group) = self.group.as_mut() else {
            return Err(WriteError::State("a transaction set needs an open group"));
        };
        if self.transaction.is_some() {
            return Err(WriteError::State("a transaction set is already open"));
        }
        if !(4..=9).contains(&control_number.len()) {
            return Err(invalid("ST", 2, "must be 4 to 9 characters"));
        }
        group.1 = group.1.saturating_add(1);
        self.transaction = Some((control_number.to_owned(), 0));
        self.segment(
            "ST",
            &[
                id.into(),
                control_number.into(),
                version.unwrap_or("").into(),
            ],
        )
    }

    /// Writes one segment. Trailing empty elements and components are left off; an element
    /// holding a delimiter or an unprintable character is refused.
    pub fn segment(&mut self, id: &str, elements: &[Element<'_>]) -> Result<(), WriteError> {
        self.write_segment(id, elements, None)
    }

    fn write_segment(
        &mut self,
        id: &str,
        elements: &[Element<'_>],
        isa16: Option<&str>,
    ) -> Result<(), WriteError> {
        if let Some(open) = self.transaction.as_mut() {
            open.1 = open.1.saturating_add(1);
        } else if !matches!(id, "ISA" | "GS" | "GE" | "IEA") {
            return Err(WriteError::State(
                "segments belong inside a transaction set",
            ));
        }
        let d = self.delimiters;
        let check = |n: usize, value: &str| -> Result<(), WriteError> {
            // ISA elements are fixed width: their padding is the format, not the data.
            if id != "ISA" && (value.starts_with(' ') || value.ends_with(' ')) {
                return Err(WriteError::Spaces {
                    segment: id.to_owned(),
                    element: n,
                });
            }
            for b in value.bytes() {
                if b == d.element || b == d.component || b == d.segment || d.repetition == Some(b) {
                    return Err(WriteError::Delimiter {
                        segment: id.to_owned(),
                        element: n,
                    });
                }
                if !(b' '..=b'~').contains(&b) {
                    return Err(WriteError::Character {
                        segment: id.to_owned(),
                        element: n,
                    });
                }
            }
            Ok(())
        };
        let used = if id == "ISA" {
            elements.len()
        } else {
            elements
                .iter()
                .rposition(|e| !e.is_empty())
                .map_or(0, |i| i.saturating_add(1))
        };
        self.out.extend_from_slice(id.as_bytes());
        for (i, element) in elements.iter().take(used).enumerate() {
            let n = i.saturating_add(1);
            self.out.push(d.element);
            match element {
                Element::Simple(value) => {
                    // ISA11 is the repetition separator itself.
                    if !(id == "ISA" && n == 11) {
                        check(n, value)?;
                    }
                    self.out.extend_from_slice(value.as_bytes());
                }
                Element::Composite(components) => {
                    let used = components
                        .iter()
                        .rposition(|c| !c.is_empty())
                        .map_or(0, |i| i.saturating_add(1));
                    for (j, component) in components.iter().take(used).enumerate() {
                        check(n, component)?;
                        if j > 0 {
                            self.out.push(d.component);
                        }
                        self.out.extend_from_slice(component.as_bytes());
                    }
                }
            }
        }
        if let Some(component) = isa16 {
            self.out.extend_from_slice(component.as_bytes());
        }
        self.out.push(d.segment);
        if self.line_breaks {
            self.out.push(b'\n');
        }
        Ok(())
    }

    /// Closes the open transaction set with SE and its segment count.
    pub fn end_transaction(&mut self) -> Result<(), WriteError> {
        let Some((control, count)) = self.transaction.clone() else {
            return Err(WriteError::State("no transaction set is open"));
        };
        let count = count.saturating_add(1).to_string();
        self.segment("SE", &[(&count).into(), (&control).into()])?;
        self.transaction = None;
        Ok(())
    }

    /// Closes the open functional group with GE and its transaction set count.
    pub fn end_group(&mut self) -> Result<(), WriteError> {
        if self.transaction.is_some() {
            return Err(WriteError::State("a transaction set is still open"));
        }
        let Some((control, sets)) = self.group.take() else {
            return Err(WriteError::State("no functional group is open"));
        };
        let sets = sets.to_string();
        let control = control.to_string();
        self.segment("GE", &[(&sets).into(), (&control).into()])
    }

    /// Closes the interchange with IEA and returns the bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        if self.group.is_some() || self.transaction.is_some() {
            return Err(WriteError::State(
                "a functional group or transaction set is still open",
            ));
        }
        let groups = self.groups.to_string();
        let control = format!("{:09}", self.interchange_control);
        self.segment("IEA", &[(&groups).into(), (&control).into()])?;
        Ok(self.out)
    }
}

/// An X12 date (`CCYYMMDD`).
pub fn date8(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// An X12 decimal amount: no trailing zeros beyond the cents the value needs, no `+`.
/// `125.00` → `125`, `125.50` → `125.5`, `-3.25` → `-3.25`.
pub fn decimal(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x12::check_envelopes;

    fn envelope() -> Envelope {
        Envelope {
            sender_qualifier: "ZZ".into(),
            sender_id: "SUBMITTER".into(),
            receiver_qualifier: "ZZ".into(),
            receiver_id: "RECEIVER".into(),
            application_sender: None,
            application_receiver: None,
            interchange_control_number: 42,
            group_control_number: 7,
            date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            time: NaiveTime::from_hms_opt(8, 5, 0).unwrap(),
            usage: Usage::Test,
            acknowledgment_requested: false,
            delimiters: None,
            line_breaks: false,
        }
    }

    fn two_sets(envelope: &Envelope) -> Vec<u8> {
        let mut w = X12Writer::new(envelope).unwrap();
        w.begin_group("HS", "005010X279A1").unwrap();
        for control in ["0001", "0002"] {
            w.begin_transaction("270", control, Some("005010X279A1"))
                .unwrap();
            w.segment("BHT", &["0022".into(), "13".into(), "".into()])
                .unwrap();
            w.segment("HL", &["1".into(), "".into(), "20".into(), "1".into()])
                .unwrap();
            w.end_transaction().unwrap();
        }
        w.end_group().unwrap();
        w.finish().unwrap()
    }

    #[test]
    fn envelopes_counts_and_isa_width() {
        let bytes = two_sets(&envelope());
        let text = String::from_utf8(bytes.clone()).unwrap();
        let isa = text.split('~').next().unwrap();
        assert_eq!(isa.len() + 1, 106, "{isa}");
        assert!(isa.ends_with("*000000042*0*T*:"), "{isa}");
        assert!(text.contains("GS*HS*SUBMITTER*RECEIVER*20261127*0805*7*X*005010X279A1~"));
        assert!(text.contains("BHT*0022*13~HL*1**20*1~SE*4*0001~"), "{text}");
        assert!(text.ends_with("GE*2*7~IEA*1*000000042~"), "{text}");
        let report = check_envelopes(&bytes).unwrap();
        assert!(report.findings.is_empty(), "{:?}", report.findings);
        assert_eq!(report.transaction_sets.len(), 2);
    }

    #[test]
    fn chosen_delimiters_are_used_and_read_back() {
        let mut e = envelope();
        e.delimiters = Some(DelimiterSet {
            element: '|',
            component: '>',
            repetition: '!',
            segment: '\n',
        });
        let bytes = two_sets(&e);
        let report = check_envelopes(&bytes).unwrap();
        assert!(report.findings.is_empty(), "{:?}", report.findings);
        assert_eq!(report.transaction_sets.len(), 2);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("SE|4|0002\n"), "{text}");
    }

    #[test]
    fn delimiter_in_data_is_refused_with_position_not_data() {
        let mut w = X12Writer::new(&envelope()).unwrap();
        w.begin_group("HC", "005010X222A1").unwrap();
        w.begin_transaction("837", "0001", Some("005010X222A1"))
            .unwrap();
        let error = w
            .segment("NM1", &["IL".into(), "1".into(), "SMITH*JONES".into()])
            .unwrap_err();
        assert_eq!(
            error,
            WriteError::Delimiter {
                segment: "NM1".into(),
                element: 3
            }
        );
        assert!(!error.to_string().contains("SMITH"));
        let error = w
            .segment("NM1", &["IL".into(), "MUÑOZ".into()])
            .unwrap_err();
        assert!(matches!(error, WriteError::Character { element: 2, .. }));
    }

    /// Readers drop trailing spaces, so a value with a leading or trailing space would come
    /// back different; the writer refuses it by position (found by the `write_276` fuzz
    /// target: a patient control number `"ENC-1001 "`).
    #[test]
    fn values_padded_with_spaces_are_refused_by_position() {
        let mut w = X12Writer::new(&envelope()).unwrap();
        w.begin_group("HN", "005010X212").unwrap();
        w.begin_transaction("276", "0001", Some("005010X212"))
            .unwrap();
        for value in ["ENC-1001 ", " ENC-1001", " "] {
            let error = w.segment("TRN", &["1".into(), value.into()]).unwrap_err();
            assert_eq!(
                error,
                WriteError::Spaces {
                    segment: "TRN".into(),
                    element: 2
                }
            );
            assert_eq!(crate::ErrorCode::code(&error), "X12_WRITE_SPACES");
        }
        let parts: &[&str] = &["HC", "99213 "];
        let error = w.segment("SV1", &[parts.into()]).unwrap_err();
        assert!(matches!(error, WriteError::Spaces { element: 1, .. }));
        // Spaces inside a value are data and are written.
        w.segment("NM1", &["IL".into(), "1".into(), "VAN DER BERG".into()])
            .unwrap();
    }

    #[test]
    fn misuse_and_bad_envelopes_are_typed_errors() {
        let mut e = envelope();
        e.sender_id = "A-SENDER-ID-LONGER-THAN-15".into();
        assert!(matches!(
            X12Writer::new(&e),
            Err(WriteError::Invalid { element: 6, .. })
        ));
        let mut e = envelope();
        e.interchange_control_number = 0;
        assert!(X12Writer::new(&e).is_err());
        let mut e = envelope();
        e.delimiters = Some(DelimiterSet {
            element: '*',
            component: '*',
            repetition: '^',
            segment: '~',
        });
        assert!(matches!(X12Writer::new(&e), Err(WriteError::Delimiters(_))));
        let mut w = X12Writer::new(&envelope()).unwrap();
        assert!(w.segment("BHT", &["x".into()]).is_err());
        assert!(w.begin_transaction("270", "0001", None).is_err());
        w.begin_group("HS", "005010X279A1").unwrap();
        w.begin_transaction("270", "0001", None).unwrap();
        assert!(w.end_group().is_err());
    }

    #[test]
    fn decimals_are_exact() {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        assert_eq!(decimal(Decimal::from_str("125.00").unwrap()), "125");
        assert_eq!(decimal(Decimal::from_str("125.50").unwrap()), "125.5");
        assert_eq!(decimal(Decimal::from_str("-3.25").unwrap()), "-3.25");
        assert_eq!(decimal(Decimal::from_str("0.00").unwrap()), "0");
    }
}
