//! ICD-10-CM: the CDC tabular XML (`icd10cm_tabular_YYYY.xml`) and the CMS order file
//! (`icd10cm_order_YYYY.txt`). A table covers one fiscal year, 1 October to 30 September.
//!
//! Billable codes are the tabular's codes with no children; a code under a `sevenChrDef`
//! (its own or an ancestor's) is billable only with a 7th character, padded to six
//! characters with the placeholder `X` first (`S00.00` → `S00.00XA`).

use arrayvec::ArrayString;
use chrono::NaiveDate;
use quick_xml::events::Event;

use super::{CodeSetError, text};
use crate::codes::Icd10Cm;

/// What the tabular says about a code, beyond its existence.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct IcdNotes(u8);

impl IcdNotes {
    const MANIFESTATION: u8 = 1;
    const CODE_FIRST: u8 = 2;
    const USE_ADDITIONAL: u8 = 4;
    const MATERNAL: u8 = 8;
    const NEWBORN: u8 = 16;

    /// A manifestation code ("in diseases classified elsewhere"): never first-listed.
    pub fn manifestation(self) -> bool {
        self.0 & Self::MANIFESTATION != 0
    }
    /// The code or its category carries a "code first" note: the underlying condition is
    /// sequenced before it.
    pub fn code_first(self) -> bool {
        self.0 & Self::CODE_FIRST != 0
    }
    /// The code or its category carries a "use additional code" note.
    pub fn use_additional(self) -> bool {
        self.0 & Self::USE_ADDITIONAL != 0
    }
    /// Chapter 15: for use only on maternal records (a female patient).
    pub fn maternal(self) -> bool {
        self.0 & Self::MATERNAL != 0
    }
    /// Chapter 16: for use on newborn records only.
    pub fn newborn(self) -> bool {
        self.0 & Self::NEWBORN != 0
    }
    fn with(self, flag: u8) -> IcdNotes {
        IcdNotes(self.0 | flag)
    }
}

/// One code of the table: billable (valid for HIPAA transactions) or a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct IcdEntry {
    /// The code.
    pub code: Icd10Cm,
    /// True for a code that may be reported; false for a category or subcategory header.
    pub billable: bool,
    /// The tabular's notes that bear on a claim.
    pub notes: IcdNotes,
}

/// A code pattern of an Excludes1 note: a code and everything under it (`A05.-`, `A18.32`),
/// or a range of categories or subcategories (`P35-P39`).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum IcdPattern {
    /// The code and every code under it.
    Prefix(ArrayString<7>),
    /// Codes whose first `from.len()` characters fall in the range, inclusive.
    Range(ArrayString<7>, ArrayString<7>),
}

impl IcdPattern {
    /// True when `code` (undotted) falls under the pattern.
    pub fn matches(&self, code: &str) -> bool {
        match self {
            IcdPattern::Prefix(prefix) => code.starts_with(prefix.as_str()),
            IcdPattern::Range(from, to) => code
                .get(..from.len())
                .is_some_and(|head| head >= from.as_str() && head <= to.as_str()),
        }
    }
}

/// An Excludes1 pair: codes under `scope` are never reported with codes under `excluded`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Excludes1 {
    /// Where the note stands: a code (and its children) or a section's range.
    pub scope: IcdPattern,
    /// What it excludes.
    pub excluded: IcdPattern,
}

/// The ICD-10-CM codes of one fiscal year, as plain sorted tables.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Icd10CmTable {
    fiscal_year: i32,
    /// Sorted by code.
    entries: Vec<IcdEntry>,
    /// Sorted; prefix scopes first (by code), then section ranges.
    excludes1: Vec<Excludes1>,
    /// The section ranges of `excludes1` as numbers, built on first use.
    #[serde(skip)]
    ranges: RangeIndex,
}

/// Derived from a table's Excludes1 notes (never serialized, and equal whenever the notes
/// are): the section ranges as numbers sorted by their start, with the furthest end reached
/// so far, so that the ranges a code falls in are found by two binary searches rather than
/// by comparing text with every range. Every diagnosis of every scrubbed claim asks.
#[derive(Debug, Clone, Default)]
struct RangeIndex(std::sync::OnceLock<Ranges>);

impl PartialEq for RangeIndex {
    fn eq(&self, _: &RangeIndex) -> bool {
        true
    }
}

impl Eq for RangeIndex {}

#[derive(Debug, Clone, Default)]
struct Ranges {
    /// Three-character ranges (the published file's): (from, to, position in `excludes1`),
    /// sorted by `from`.
    keyed: Vec<(u64, u64, usize)>,
    /// The largest `to` among `keyed[..=i]`: never decreasing.
    reach: Vec<u64>,
    /// Ranges of other lengths, compared as text.
    other: Vec<usize>,
}

/// Up to seven ASCII characters as one number, ordered as the text is (same length).
fn text_key(text: &str) -> u64 {
    text.bytes()
        .fold(0u64, |key, b| key.wrapping_shl(8) | u64::from(b))
}

/// Where a code stands in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcdLookup {
    /// A billable code.
    Billable(IcdNotes),
    /// A header: the table has more specific codes under it.
    Header,
    /// Not in the table.
    Unknown,
}

const TABULAR: &str = "ICD-10-CM tabular XML";
const ORDER: &str = "ICD-10-CM order file";

impl Icd10CmTable {
    /// Loads the tabular XML. Its `<version>` names the fiscal year.
    pub fn load_tabular(bytes: &[u8]) -> Result<Icd10CmTable, CodeSetError> {
        TabularReader::default().read(bytes)
    }

    /// Loads the order file (fixed width: order number 1–5, code 7–13, billable flag 15,
    /// short description 17–76, long description 78–). The order file carries no notes and
    /// does not name its year: `fiscal_year` says which it is.
    pub fn load_order(bytes: &[u8], fiscal_year: i32) -> Result<Icd10CmTable, CodeSetError> {
        let content = text(bytes);
        let mut entries = Vec::new();
        for (index, raw) in content.lines().enumerate() {
            let line = index.saturating_add(1);
            if raw.trim().is_empty() {
                continue;
            }
            let col = |from: usize, to: usize| {
                raw.get(from.saturating_sub(1)..to.min(raw.len()))
                    .unwrap_or("")
                    .trim()
            };
            if !col(1, 5).bytes().all(|b| b.is_ascii_digit()) || col(1, 5).len() != 5 {
                return Err(super::field_error(
                    ORDER,
                    line,
                    "order number",
                    "expected five digits in columns 1-5".into(),
                ));
            }
            let code = Icd10Cm::parse(col(7, 13)).map_err(|e| {
                super::field_error(ORDER, line, "code", format!("not an ICD-10-CM code: {e}"))
            })?;
            let billable = match col(15, 15) {
                "0" => false,
                "1" => true,
                _ => {
                    return Err(super::field_error(
                        ORDER,
                        line,
                        "header flag",
                        "expected 0 (header) or 1 (billable) in column 15".into(),
                    ));
                }
            };
            entries.push(IcdEntry {
                code,
                billable,
                notes: IcdNotes::default(),
            });
        }
        if entries.is_empty() {
            return Err(CodeSetError::Layout {
                file: ORDER,
                reason: "no code lines",
            });
        }
        Ok(Icd10CmTable::from_parts(fiscal_year, entries, Vec::new()))
    }

    /// Builds a table from its parts (sorted and deduplicated here).
    pub fn from_parts(
        fiscal_year: i32,
        mut entries: Vec<IcdEntry>,
        mut excludes1: Vec<Excludes1>,
    ) -> Icd10CmTable {
        entries.sort_by_key(|e| e.code);
        entries.dedup_by(|later, earlier| {
            if later.code == earlier.code {
                earlier.billable |= later.billable;
                earlier.notes = earlier.notes.with(later.notes.0);
                true
            } else {
                false
            }
        });
        excludes1.sort();
        excludes1.dedup();
        Icd10CmTable {
            fiscal_year,
            entries,
            excludes1,
            ranges: RangeIndex::default(),
        }
    }

    /// The fiscal year (FY2026 runs from 1 October 2025 to 30 September 2026).
    pub fn fiscal_year(&self) -> i32 {
        self.fiscal_year
    }

    /// True when `date` falls in the table's fiscal year.
    pub fn covers(&self, date: NaiveDate) -> bool {
        fiscal_year_of(date) == self.fiscal_year
    }

    /// Every code, sorted.
    pub fn entries(&self) -> &[IcdEntry] {
        &self.entries
    }

    /// Every Excludes1 pair, sorted.
    pub fn excludes1(&self) -> &[Excludes1] {
        &self.excludes1
    }

    /// The number of billable codes.
    pub fn billable_count(&self) -> usize {
        self.entries.iter().filter(|e| e.billable).count()
    }

    /// Where `code` stands in the table.
    pub fn lookup(&self, code: &Icd10Cm) -> IcdLookup {
        match self.entries.binary_search_by(|e| e.code.cmp(code)) {
            Ok(at) => match self.entries.get(at) {
                Some(entry) if entry.billable => IcdLookup::Billable(entry.notes),
                Some(_) => IcdLookup::Header,
                None => IcdLookup::Unknown,
            },
            Err(_) => IcdLookup::Unknown,
        }
    }

    /// True when `code` is billable and the table covers `date`.
    pub fn is_valid_on(&self, code: &Icd10Cm, date: NaiveDate) -> bool {
        self.covers(date) && matches!(self.lookup(code), IcdLookup::Billable(_))
    }

    /// The Excludes1 notes under which `code` stands (its own, its categories' and its
    /// section's).
    pub fn excludes1_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Excludes1> + 'a {
        let prefixes = (3..=code.len()).filter_map(move |n| code.get(..n));
        let by_prefix = prefixes.flat_map(move |prefix| {
            let start = self.excludes1.partition_point(|e| match &e.scope {
                IcdPattern::Prefix(p) => p.as_str() < prefix,
                IcdPattern::Range(..) => false,
            });
            self.excludes1
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .take_while(
                    move |e| matches!(&e.scope, IcdPattern::Prefix(p) if p.as_str() == prefix),
                )
        });
        let ranges = self.ranges_of(code);
        by_prefix.chain(ranges)
    }

    /// The section-range notes `code` falls in.
    fn ranges_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Excludes1> + 'a {
        let ranges = self.ranges.0.get_or_init(|| {
            // Sorted with every prefix scope before the range scopes (variant order).
            let first_range = self
                .excludes1
                .partition_point(|e| matches!(e.scope, IcdPattern::Prefix(_)));
            let mut ranges = Ranges::default();
            for (at, e) in self.excludes1.iter().enumerate().skip(first_range) {
                if let IcdPattern::Range(from, to) = &e.scope {
                    if from.len() == 3 && to.len() == 3 {
                        ranges.keyed.push((text_key(from), text_key(to), at));
                    } else {
                        ranges.other.push(at);
                    }
                }
            }
            ranges.keyed.sort_unstable();
            let mut furthest = 0;
            ranges.reach = ranges
                .keyed
                .iter()
                .map(|&(_, to, _)| {
                    furthest = furthest.max(to);
                    furthest
                })
                .collect();
            ranges
        });
        let candidates = code.get(..3).map_or(&[][..], |head| {
            let head = text_key(head);
            let end = ranges.keyed.partition_point(|&(from, _, _)| from <= head);
            let start = ranges
                .reach
                .get(..end)
                .map_or(0, |reach| reach.partition_point(|&to| to < head));
            ranges.keyed.get(start..end).unwrap_or(&[])
        });
        let head = code.get(..3).map(text_key);
        let keyed = candidates
            .iter()
            .filter(move |&&(_, to, _)| head.is_some_and(|head| to >= head))
            .filter_map(|&(_, _, at)| self.excludes1.get(at));
        let other = ranges
            .other
            .iter()
            .filter_map(|&at| self.excludes1.get(at))
            .filter(move |e| e.scope.matches(code));
        keyed.chain(other)
    }
}

/// The ICD-10-CM fiscal year of a date: it starts on 1 October.
pub fn fiscal_year_of(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    if date.month() >= 10 {
        date.year().saturating_add(1)
    } else {
        date.year()
    }
}

/// The first and last day of a fiscal year.
pub fn fiscal_year_bounds(fiscal_year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(fiscal_year.checked_sub(1)?, 10, 1)?,
        NaiveDate::from_ymd_opt(fiscal_year, 9, 30)?,
    ))
}

/// Finds the code patterns in the parentheses of a note: `(A05.-)`, `(A18.32)`,
/// `(P35-P39)`, `(B20, B97.35)`.
pub fn note_patterns(note: &str) -> Vec<IcdPattern> {
    let mut patterns = Vec::new();
    let mut rest = note;
    while let Some(open) = rest.find('(') {
        let after = rest.get(open.saturating_add(1)..).unwrap_or("");
        let Some(close) = after.find(')') else { break };
        let inside = after.get(..close).unwrap_or("");
        for token in inside.split([',', ';']) {
            if let Some(pattern) = pattern_of(token.trim()) {
                patterns.push(pattern);
            }
        }
        rest = after.get(close..).unwrap_or("");
    }
    patterns
}

fn undotted(token: &str) -> Option<ArrayString<7>> {
    let code = Icd10Cm::parse(token.trim_end_matches('.')).ok()?;
    // A pattern names a code as the tabular prints it: letter, then a digit.
    let bytes = code.as_str().as_bytes();
    if !bytes.get(1).is_some_and(|b| b.is_ascii_digit()) && code.as_str() != "QA0" {
        return None;
    }
    ArrayString::from(code.as_str()).ok()
}

fn pattern_of(token: &str) -> Option<IcdPattern> {
    let token = token.trim_end_matches(['-', '.']).trim();
    if token.is_empty() {
        return None;
    }
    if let Some((from, to)) = token.split_once('-') {
        let from = undotted(from.trim_end_matches('.'))?;
        let to = undotted(to.trim_end_matches(['.', '-']))?;
        return (from.len() == to.len() && from <= to).then_some(IcdPattern::Range(from, to));
    }
    undotted(token).map(IcdPattern::Prefix)
}

/// One `<diag>` being read.
#[derive(Debug, Default)]
struct DiagFrame {
    code: Option<Icd10Cm>,
    has_children: bool,
    notes: IcdNotes,
    seven: Option<Vec<char>>,
    /// 7th characters that do not apply to codes with these 6th characters.
    seven_except: Vec<SevenException>,
}

/// A sevenChrNote's exception: "7th characters D and S do not apply to codes in category
/// S06 with 6th character 7 … or 8 …".
#[derive(Debug, Clone, PartialEq, Eq)]
struct SevenException {
    sevenths: Vec<char>,
    sixths: Vec<char>,
}

/// Reads an exception note; none for any other note.
fn seven_exception(note: &str) -> Option<SevenException> {
    let (head, tail) = note.split_once("do not apply to codes")?;
    let head = head.trim().strip_prefix("7th character")?;
    let sevenths: Vec<char> = head
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 1)
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .collect();
    let (_, sixth) = tail.split_once("6th character")?;
    let sixths: Vec<char> = sixth
        .split([',', ' '])
        .filter(|w| w.len() == 1)
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_alphanumeric)
        .collect();
    (!sevenths.is_empty() && !sixths.is_empty()).then_some(SevenException { sevenths, sixths })
}

#[derive(Debug, Default)]
struct TabularReader {
    path: Vec<Vec<u8>>,
    diags: Vec<DiagFrame>,
    chapter_notes: IcdNotes,
    section: Option<IcdPattern>,
    version: Option<i32>,
    entries: Vec<IcdEntry>,
    excludes1: Vec<Excludes1>,
    pending_seven: Vec<char>,
}

impl TabularReader {
    fn read(mut self, bytes: &[u8]) -> Result<Icd10CmTable, CodeSetError> {
        let mut reader = quick_xml::Reader::from_reader(bytes);
        let mut buf = Vec::new();
        loop {
            let position = reader.buffer_position();
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| xml_error(bytes, position, e.to_string()))?;
            match event {
                Event::Start(start) => {
                    let name = start.name().as_ref().to_vec();
                    self.open(&name, &start, bytes, position)?;
                    self.path.push(name);
                }
                Event::Empty(start) => {
                    let name = start.name().as_ref().to_vec();
                    self.open(&name, &start, bytes, position)?;
                    self.close(&name, bytes, position)?;
                }
                Event::End(end) => {
                    let name = end.name().as_ref().to_vec();
                    if self.path.last() != Some(&name) {
                        return Err(xml_error(bytes, position, "unbalanced closing tag".into()));
                    }
                    self.close(&name, bytes, position)?;
                    self.path.pop();
                }
                Event::Text(t) => {
                    let value = t
                        .decode()
                        .map_err(|e| xml_error(bytes, position, e.to_string()))?;
                    let value = quick_xml::escape::unescape(&value)
                        .map_err(|e| xml_error(bytes, position, e.to_string()))?;
                    self.text(&value, bytes, position)?;
                }
                Event::GeneralRef(r) => {
                    // Entities split text; the pieces we read (codes, notes) hold none that
                    // matter, so a reference is read as a space.
                    let _ = r;
                    self.text(" ", bytes, position)?;
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        if !self.path.is_empty() {
            return Err(CodeSetError::Layout {
                file: TABULAR,
                reason: "the XML ends inside an element",
            });
        }
        let fiscal_year = self.version.ok_or(CodeSetError::Layout {
            file: TABULAR,
            reason: "no <version> naming the fiscal year",
        })?;
        if self.entries.is_empty() {
            return Err(CodeSetError::Layout {
                file: TABULAR,
                reason: "no <diag> codes",
            });
        }
        Ok(Icd10CmTable::from_parts(
            fiscal_year,
            self.entries,
            self.excludes1,
        ))
    }

    fn parent(&self, back: usize) -> Option<&[u8]> {
        let len = self.path.len();
        len.checked_sub(back.saturating_add(1))
            .and_then(|i| self.path.get(i))
            .map(Vec::as_slice)
    }

    fn open(
        &mut self,
        name: &[u8],
        start: &quick_xml::events::BytesStart<'_>,
        bytes: &[u8],
        position: u64,
    ) -> Result<(), CodeSetError> {
        match name {
            b"chapter" => self.chapter_notes = IcdNotes::default(),
            b"section" => {
                self.section = None;
                for attribute in start.attributes() {
                    let attribute =
                        attribute.map_err(|e| xml_error(bytes, position, e.to_string()))?;
                    if attribute.key.as_ref() == b"id" {
                        let id = String::from_utf8_lossy(&attribute.value).into_owned();
                        self.section = pattern_of(&id);
                    }
                }
            }
            b"diag" => {
                let inherited = self.diags.last_mut().map(|parent| {
                    parent.has_children = true;
                    (
                        parent.notes,
                        parent.seven.clone(),
                        parent.seven_except.clone(),
                    )
                });
                let (notes, seven, seven_except) =
                    inherited.unwrap_or((self.chapter_notes, None, Vec::new()));
                self.diags.push(DiagFrame {
                    code: None,
                    has_children: false,
                    notes,
                    seven,
                    seven_except,
                });
            }
            b"sevenChrDef" => self.pending_seven.clear(),
            b"extension" if self.parent(0) == Some(b"sevenChrDef") => {
                for attribute in start.attributes() {
                    let attribute =
                        attribute.map_err(|e| xml_error(bytes, position, e.to_string()))?;
                    if attribute.key.as_ref() == b"char" {
                        match attribute.value.as_ref() {
                            [c] if c.is_ascii_alphanumeric() => {
                                self.pending_seven.push(char::from(c.to_ascii_uppercase()));
                            }
                            _ => {
                                return Err(xml_error(
                                    bytes,
                                    position,
                                    "a 7th character is one letter or digit".into(),
                                ));
                            }
                        }
                    }
                }
            }
            b"codeFirst" => self.flag_diag(IcdNotes::CODE_FIRST),
            b"useAdditionalCode" => self.flag_diag(IcdNotes::USE_ADDITIONAL),
            _ => {}
        }
        Ok(())
    }

    fn flag_diag(&mut self, flag: u8) {
        if let Some(diag) = self.diags.last_mut() {
            diag.notes = diag.notes.with(flag);
        }
    }

    fn close(&mut self, name: &[u8], bytes: &[u8], position: u64) -> Result<(), CodeSetError> {
        match name {
            b"sevenChrDef" => {
                let seven = std::mem::take(&mut self.pending_seven);
                if let Some(diag) = self.diags.last_mut() {
                    diag.seven = Some(seven);
                }
            }
            b"diag" => {
                let diag = self
                    .diags
                    .pop()
                    .ok_or_else(|| xml_error(bytes, position, "unbalanced </diag>".into()))?;
                let code = diag
                    .code
                    .ok_or_else(|| xml_error(bytes, position, "a <diag> without <name>".into()))?;
                self.finish(code, &diag, bytes, position)?;
            }
            b"section" => self.section = None,
            _ => {}
        }
        Ok(())
    }

    fn finish(
        &mut self,
        code: Icd10Cm,
        diag: &DiagFrame,
        bytes: &[u8],
        position: u64,
    ) -> Result<(), CodeSetError> {
        let leaf = !diag.has_children;
        match (&diag.seven, leaf) {
            (Some(seven), true) if code.as_str().len() < 7 && !seven.is_empty() => {
                self.entries.push(IcdEntry {
                    code,
                    billable: false,
                    notes: diag.notes,
                });
                let mut stem = String::from(code.as_str());
                while stem.len() < 6 {
                    stem.push('X');
                }
                let sixth = stem.chars().nth(5);
                let excepted = |c: char| {
                    diag.seven_except.iter().any(|e| {
                        e.sevenths.contains(&c) && sixth.is_some_and(|s| e.sixths.contains(&s))
                    })
                };
                for c in seven.iter().copied().filter(|&c| !excepted(c)) {
                    let mut full = stem.clone();
                    full.push(c);
                    let expanded = Icd10Cm::parse(&full).map_err(|e| {
                        xml_error(bytes, position, format!("7th character expansion: {e}"))
                    })?;
                    self.entries.push(IcdEntry {
                        code: expanded,
                        billable: true,
                        notes: diag.notes,
                    });
                }
            }
            _ => self.entries.push(IcdEntry {
                code,
                billable: leaf,
                notes: diag.notes,
            }),
        }
        Ok(())
    }

    fn text(&mut self, value: &str, bytes: &[u8], position: u64) -> Result<(), CodeSetError> {
        let (Some(here), parent) = (self.parent(0), self.parent(1)) else {
            return Ok(());
        };
        match (here, parent) {
            (b"version", Some(b"ICD10CM.tabular")) => {
                let year = value
                    .trim()
                    .parse::<i32>()
                    .map_err(|_| xml_error(bytes, position, "<version> is not a year".into()))?;
                self.version = Some(year);
            }
            (b"name", Some(b"diag")) => {
                let code = Icd10Cm::parse(value.trim()).map_err(|e| {
                    xml_error(
                        bytes,
                        position,
                        format!("<name> is not an ICD-10-CM code: {e}"),
                    )
                })?;
                if let Some(diag) = self.diags.last_mut() {
                    diag.code = Some(code);
                }
            }
            (b"desc", Some(b"diag"))
                if value
                    .to_ascii_lowercase()
                    .contains("in diseases classified elsewhere") =>
            {
                self.flag_diag(IcdNotes::MANIFESTATION);
            }
            (b"note", Some(b"excludes1")) => self.excludes1_note(value),
            (b"note", Some(b"notes")) if self.parent(2) == Some(b"chapter") => {
                let lower = value.to_ascii_lowercase();
                if lower.contains("only on maternal records") {
                    self.chapter_notes = self.chapter_notes.with(IcdNotes::MATERNAL);
                }
                if lower.contains("newborn records only") {
                    self.chapter_notes = self.chapter_notes.with(IcdNotes::NEWBORN);
                }
            }
            (b"note", Some(b"sevenChrNote" | b"notes")) if self.parent(2) == Some(b"diag") => {
                if let (Some(exception), Some(diag)) =
                    (seven_exception(value), self.diags.last_mut())
                {
                    diag.seven_except.push(exception);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn excludes1_note(&mut self, note: &str) {
        let owner = self.parent(2);
        let scope = match owner {
            Some(b"diag") => self
                .diags
                .last()
                .and_then(|d| d.code)
                .and_then(|c| ArrayString::from(c.as_str()).ok())
                .map(IcdPattern::Prefix),
            Some(b"section") => self.section.clone(),
            _ => None,
        };
        let Some(scope) = scope else { return };
        for excluded in note_patterns(note) {
            self.excludes1.push(Excludes1 {
                scope: scope.clone(),
                excluded,
            });
        }
    }
}

fn xml_error(bytes: &[u8], position: u64, reason: String) -> CodeSetError {
    let end = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    let line = bytes
        .get(..end)
        .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
        .saturating_add(1);
    super::field_error(TABULAR, line, "XML", reason)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn note_patterns_read_codes_and_ranges() {
        let found =
            note_patterns("bacterial foodborne intoxications, NEC (A05.-) and (P35-P39, B20)");
        assert_eq!(
            found,
            vec![
                IcdPattern::Prefix(ArrayString::from("A05").unwrap()),
                IcdPattern::Range(
                    ArrayString::from("P35").unwrap(),
                    ArrayString::from("P39").unwrap()
                ),
                IcdPattern::Prefix(ArrayString::from("B20").unwrap()),
            ]
        );
        assert!(note_patterns("certain localized infections - see chapters").is_empty());
    }

    #[test]
    fn seven_exceptions_name_the_characters_and_the_sixth_characters() {
        let e = seven_exception("7th characters D and S do not apply to codes in category S06 with 6th character 7 - death due to brain injury prior to regaining consciousness, or 8 - death due to other cause prior to regaining consciousness.").unwrap();
        assert_eq!(e.sevenths, vec!['D', 'S']);
        assert_eq!(e.sixths, vec!['7', '8']);
        assert!(seven_exception("The appropriate 7th character is to be added").is_none());
    }

    #[test]
    fn fiscal_years_start_in_october() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(fiscal_year_of(d(2025, 9, 30)), 2025);
        assert_eq!(fiscal_year_of(d(2025, 10, 1)), 2026);
        assert_eq!(
            fiscal_year_bounds(2026),
            Some((d(2025, 10, 1), d(2026, 9, 30)))
        );
    }
}

#[cfg(test)]
mod range_index_tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use proptest::prelude::*;

    fn range(from: &str, to: &str, excluded: &str) -> Excludes1 {
        Excludes1 {
            scope: IcdPattern::Range(
                ArrayString::from(from).unwrap(),
                ArrayString::from(to).unwrap(),
            ),
            excluded: IcdPattern::Prefix(ArrayString::from(excluded).unwrap()),
        }
    }

    /// Chapters holding sections, overlapping and single-category ranges, and ranges of
    /// other lengths: the index must find exactly what comparing with every range finds.
    fn table() -> Icd10CmTable {
        let notes = vec![
            range("A00", "B99", "Z00"),
            range("A00", "A09", "Z01"),
            range("A15", "A19", "Z02"),
            range("A15", "A19", "Z03"),
            range("B20", "B20", "Z04"),
            range("E00", "E89", "Z05"),
            range("E08", "E13", "Z06"),
            range("E10", "E11", "Z07"),
            range("M00", "M99", "Z08"),
            range("M05", "M14", "Z09"),
            range("S00", "T88", "Z10"),
            range("T07", "T07", "Z11"),
            range("C7A", "C7B", "Z12"),
            range("O0", "O9", "Z13"),
            range("O09", "O9A", "Z14"),
            Excludes1 {
                scope: IcdPattern::Prefix(ArrayString::from("E11").unwrap()),
                excluded: IcdPattern::Prefix(ArrayString::from("E10").unwrap()),
            },
        ];
        Icd10CmTable::from_parts(2026, Vec::new(), notes)
    }

    fn linear<'a>(table: &'a Icd10CmTable, code: &str) -> Vec<&'a Excludes1> {
        let mut found: Vec<&Excludes1> = table
            .excludes1
            .iter()
            .filter(|e| match &e.scope {
                IcdPattern::Range(..) => e.scope.matches(code),
                IcdPattern::Prefix(p) => code.starts_with(p.as_str()),
            })
            .collect();
        found.sort();
        found
    }

    fn indexed<'a>(table: &'a Icd10CmTable, code: &'a str) -> Vec<&'a Excludes1> {
        let mut found: Vec<&Excludes1> = table.excludes1_of(code).collect();
        found.sort();
        found
    }

    #[test]
    fn nested_and_uneven_ranges_are_found() {
        let table = table();
        let excluded = |code: &str| -> Vec<String> {
            indexed(&table, code)
                .iter()
                .map(|e| format!("{:?}", e.excluded))
                .collect()
        };
        assert_eq!(excluded("E119").len(), 4, "{:?}", excluded("E119"));
        assert_eq!(excluded("A162").len(), 3);
        assert_eq!(excluded("O0990").len(), 2);
        assert!(excluded("Z000").is_empty());
        assert!(excluded("A1").is_empty());
        for code in [
            "E119", "A162", "O0990", "B20", "C7A00", "T07XXXA", "M059", "E89",
        ] {
            assert_eq!(indexed(&table, code), linear(&table, code), "{code}");
        }
    }

    proptest! {
        #[test]
        fn the_index_finds_what_every_range_finds(code in "[A-EMOST][0-9][0-9A-B][0-9X]{0,4}") {
            let table = table();
            prop_assert_eq!(indexed(&table, &code), linear(&table, &code));
        }
    }
}
