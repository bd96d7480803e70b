//! Reading X12 values, the one kit every reader uses: a segment split into its elements once
//! ([`Elements`]), each element's text, components and repetitions, and the X12 data types
//! (`R` decimals, `DT` dates, `TM` times, `N0` numbers).
//!
//! Splitting is one pass over the segment's bytes and every element is then reached in
//! constant time, so reading a segment costs in proportion to its length whatever it holds.
//! An element that is not UTF-8 text reads as empty: the envelope check
//! ([`super::EnvelopeChecker`]) reports it, with the control characters X12 text may not
//! hold, as an error finding with its position; nothing is dropped without a finding.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::tokenizer::{Delimiters, Segment};
use super::work;
use crate::finding::Finding;
use crate::money::Money;

/// A segment split into its elements: element 0 is the id, `get(1)` is `CLP01`. Built once
/// per segment; every element is then reached without rescanning.
#[derive(Debug, Clone, Copy)]
pub struct Elements<'a> {
    position: usize,
    raw: &'a [u8],
    /// The whole segment, when it is UTF-8 (the usual case): elements are slices of it.
    text: Option<&'a str>,
    /// Where each element ends (offsets from the segment start; the last is its length).
    ends: &'a [u32],
    delimiters: Delimiters,
    tag: u32,
}

impl<'a> Elements<'a> {
    /// Splits `segment`, recording its element ends in `ends` (a buffer to reuse).
    pub(crate) fn split(segment: &Segment<'a>, ends: &'a mut Vec<u32>) -> Elements<'a> {
        split_ends(segment.raw(), segment.delimiters().element, ends);
        Elements::with_ends(segment, ends)
    }

    /// `segment` with the element ends the tokenizer found while splitting it.
    #[inline]
    pub(crate) fn with_ends(segment: &Segment<'a>, ends: &'a [u32]) -> Elements<'a> {
        let raw = segment.raw();
        work::scanned(raw.len());
        Elements::new(segment, std::str::from_utf8(raw).ok(), ends)
    }

    /// `segment`, already known to be the UTF-8 `text`, with its element ends.
    #[inline]
    pub(crate) fn with_text(segment: &Segment<'a>, text: &'a str, ends: &'a [u32]) -> Elements<'a> {
        Elements::new(segment, Some(text), ends)
    }

    #[inline]
    fn new(segment: &Segment<'a>, text: Option<&'a str>, ends: &'a [u32]) -> Elements<'a> {
        let mut elements = Elements {
            position: segment.position,
            raw: segment.raw(),
            text,
            ends,
            delimiters: segment.delimiters(),
            tag: 0,
        };
        elements.tag = tag(elements.id());
        elements
    }

    /// 1-based position of the segment in the file.
    #[inline]
    pub fn position(&self) -> usize {
        self.position
    }

    /// The delimiters in force for the segment.
    #[inline]
    pub fn delimiters(&self) -> Delimiters {
        self.delimiters
    }

    /// The segment id (`CLP`, `NM1`…); empty when it is not text.
    #[inline]
    pub fn id(&self) -> &'a str {
        self.get(0)
    }

    /// The segment id packed into an integer ([`tag`]), so dispatch is one comparison.
    #[inline]
    pub(crate) fn tag(&self) -> u32 {
        self.tag
    }

    /// The number of elements after the id.
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len().saturating_sub(1)
    }

    /// Whether the segment has no element after its id.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `n` as sent (1-based: `CLP01` is `get(1)`); empty when the segment has fewer
    /// elements or the element is not text.
    #[inline]
    pub fn get(&self, n: usize) -> &'a str {
        let Some((start, end)) = self.span(n) else {
            return "";
        };
        match self.text {
            // Delimiters are ASCII (the ISA reader refuses any other byte), so every split
            // point is a character boundary.
            Some(text) => text.get(start..end).unwrap_or(""),
            None => {
                work::scanned(end.saturating_sub(start));
                let bytes = self.raw.get(start..end).unwrap_or_default();
                std::str::from_utf8(bytes).unwrap_or("")
            }
        }
    }

    /// Where element `n` lies in the segment's bytes.
    #[inline]
    fn span(&self, n: usize) -> Option<(usize, usize)> {
        let start = match n.checked_sub(1) {
            None => 0,
            Some(previous) => (*self.ends.get(previous)? as usize).saturating_add(1),
        };
        let end = *self.ends.get(n)? as usize;
        Some((start, end))
    }

    /// Whether element `n` is present and not empty.
    #[inline]
    pub(crate) fn has(&self, n: usize) -> bool {
        self.span(n).is_some_and(|(start, end)| end > start)
    }

    /// Element `n`, `None` when absent or empty.
    #[inline]
    pub(crate) fn optional(&self, n: usize) -> Option<&'a str> {
        Some(self.get(n)).filter(|s| !s.is_empty())
    }

    /// Element `n` without surrounding spaces.
    #[inline]
    pub(crate) fn trimmed(&self, n: usize) -> &'a str {
        self.get(n).trim()
    }

    /// Element `n` without surrounding spaces as an owned string, `None` when absent or
    /// blank.
    pub(crate) fn text(&self, n: usize) -> Option<String> {
        Some(self.trimmed(n))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// The components of element `n`, empty ones kept so positions hold (an empty element
    /// is one empty component; an absent one none).
    #[inline]
    pub fn components(&self, n: usize) -> impl Iterator<Item = &'a str> + use<'a> {
        let element = self.span(n).map(|_| self.get(n));
        if let Some(element) = element {
            work::scanned(element.len());
        }
        pieces(element, self.delimiters.component)
    }

    /// Component `c` (1-based) of element `n`: `SVC01-2` is `component(1, 2)`.
    #[inline]
    pub fn component(&self, n: usize, c: usize) -> Option<&'a str> {
        self.components(n).nth(c.checked_sub(1)?)
    }

    /// Element `n` split at the repetition separator (`EB03`, `EQ01`), blank pieces left out.
    pub(crate) fn repeats(&self, n: usize) -> Vec<String> {
        let value = self.get(n);
        work::scanned(value.len());
        let keep = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        match self.delimiters.repetition {
            Some(r) => split_on(value, r).filter_map(keep).collect(),
            None => keep(value).into_iter().collect(),
        }
    }

    /// Element `n` with its components joined by `:`, whatever the file's separator; `None`
    /// when absent or empty.
    pub(crate) fn composite_text(&self, n: usize) -> Option<String> {
        self.optional(n)?;
        let parts: Vec<&str> = self.components(n).collect();
        Some(parts.join(":"))
    }

    /// The segment id fit for a finding: two or three upper-case letters or digits, else `?`
    /// (a malformed file can put any text, even patient data, where the id should be).
    #[inline]
    pub(crate) fn safe_id(&self) -> &'a str {
        safe_id(self.id())
    }

    /// Where element `n` is, for findings: `segment 12 CLP03` (`segment 12 CLP` for 0).
    pub(crate) fn at(&self, n: usize) -> String {
        at(self.position, self.safe_id(), n)
    }

    /// Where component `c` of element `n` is: `segment 12 SV101-2`.
    pub(crate) fn at_component(&self, n: usize, c: usize) -> String {
        format!("{}-{c}", self.at(n))
    }
}

/// Records in `ends` where each element of `raw` ends (one pass), the last its length. A
/// plain loop: elements are short, where setting up a vectorized search per element costs
/// more than it saves.
fn split_ends(raw: &[u8], separator: u8, ends: &mut Vec<u32>) {
    work::scanned(raw.len());
    ends.clear();
    // Segments are at most MAX_SEGMENT_BYTES long, so offsets fit in u32.
    let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
    for (at, &b) in raw.iter().enumerate() {
        if b == separator {
            ends.push(offset(at));
        }
    }
    ends.push(offset(raw.len()));
}

/// `text` split at the ASCII byte `separator` (every piece is a character boundary).
#[inline]
pub(crate) fn split_on(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    pieces(Some(text), separator)
}

/// [`split_on`], nothing at all for `None`.
#[inline]
fn pieces(text: Option<&str>, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(i) => {
                rest = current.get(i.saturating_add(1)..);
                current.get(..i)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// A segment id as an integer: up to three bytes, big-endian, so `tag("CLP")` is a constant.
#[inline]
pub(crate) const fn tag(id: &str) -> u32 {
    match id.as_bytes() {
        [a, b] => ((*a as u32) << 16) | ((*b as u32) << 8),
        [a, b, c] => ((*a as u32) << 16) | ((*b as u32) << 8) | (*c as u32),
        _ => 0,
    }
}

/// `id` if it is two or three upper-case letters or digits, else `?`.
#[inline]
pub(crate) fn safe_id(id: &str) -> &str {
    let ok = (2..=3).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok { id } else { "?" }
}

/// `text` if it is a code of one to three upper-case letters or digits (a qualifier, an
/// entity code), else `?`: fit for a finding's path, where data must not go.
pub(crate) fn safe_code(text: &str) -> &str {
    let ok = (1..=3).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok { text } else { "?" }
}

/// `segment 12 CLP03`, or `segment 12 CLP` for element 0.
pub(crate) fn at(position: usize, id: &str, n: usize) -> String {
    if n == 0 {
        format!("segment {position} {id}")
    } else {
        format!("segment {position} {id}{n:02}")
    }
}

/// Whether `raw` is printable ASCII throughout (no control character, no DEL, no byte
/// above 127): then it is text and clean, and nothing more needs checking. Written as a
/// fold so the compiler can compare many bytes at a time.
pub(crate) fn printable(raw: &[u8]) -> bool {
    work::scanned(raw.len());
    raw.iter().fold(0u8, |seen, &b| {
        seen | u8::from(b < 0x20) | u8::from(b >= 0x7F)
    }) == 0
}

/// The text findings of a segment that is not [`printable`]: one `X12-NOT-TEXT` error for
/// its elements that are not UTF-8 and one `X12-CONTROL-CHARACTER` error for those holding a
/// control character (the component and repetition separators excepted), each naming the
/// first such element and how many there are. Never the bytes.
pub(crate) fn text_findings(elements: &Elements<'_>, findings: &mut Vec<Finding>) {
    let d = elements.delimiters;
    let separator = |b: u8| b == d.component || Some(b) == d.repetition;
    let mut not_text: (Option<usize>, usize) = (None, 0);
    let mut control: (Option<usize>, usize) = (None, 0);
    for n in 0..elements.ends.len() {
        let Some((start, end)) = elements.span(n) else {
            continue;
        };
        let bytes = elements.raw.get(start..end).unwrap_or_default();
        work::scanned(bytes.len().saturating_mul(2));
        if std::str::from_utf8(bytes).is_err() {
            not_text.0.get_or_insert(n);
            not_text.1 = not_text.1.saturating_add(1);
        }
        if bytes
            .iter()
            .any(|&b| (b < 0x20 || b == 0x7F) && !separator(b))
        {
            control.0.get_or_insert(n);
            control.1 = control.1.saturating_add(1);
        }
    }
    // Where: the id when it is readable, else `?` (and element 0 is the id itself).
    let id = safe_id(elements.id());
    let more = |count: usize| {
        if count > 1 {
            format!(" ({count} elements of this segment)")
        } else {
            String::new()
        }
    };
    if let (Some(first), count) = not_text {
        findings.push(Finding::error(
            "X12-NOT-TEXT",
            at(elements.position, id, first),
            format!(
                "not UTF-8 text (X12 is ASCII or UTF-8); read as empty{}",
                more(count)
            ),
        ));
    }
    if let (Some(first), count) = control {
        findings.push(Finding::error(
            "X12-CONTROL-CHARACTER",
            at(elements.position, id, first),
            format!(
                "holds a control character (NUL, another byte below 32, or DEL), which X12 \
                 text may not{}",
                more(count)
            ),
        ));
    }
}

/// An X12 decimal (`R`) as exact money: `-123.45`, `100`, and `.5` or `-.5` without the
/// leading zero. `None` when it is not one or has more decimals than money holds.
#[inline]
pub(crate) fn amount(text: &str) -> Option<Money> {
    work::scanned(text.len());
    if let Some(money) = amount_fast(text) {
        return Some(money);
    }
    if let Ok(money) = text.parse::<Money>() {
        return Some(money);
    }
    // X12 decimals may omit the leading zero: `.5`, `-.5`.
    let normalized = if let Some(rest) = text.strip_prefix("-.") {
        format!("-0.{rest}")
    } else if let Some(rest) = text.strip_prefix('.') {
        format!("0.{rest}")
    } else {
        return None;
    };
    normalized.parse::<Money>().ok()
}

/// An X12 decimal (`R`) as a plain decimal (a quantity, a percent).
#[inline]
pub(crate) fn decimal(text: &str) -> Option<Decimal> {
    amount(text).map(Money::amount)
}

/// Plain X12 decimals (`-123.45`, `.5`, `100`) without the general parser: up to 18 digits
/// and any number of decimals up to Money's scale; anything else goes the long way.
#[inline]
fn amount_fast(text: &str) -> Option<Money> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    // At most 18 characters: the mantissa stays below 10^18, so it cannot overflow an i64.
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut point: Option<usize> = None;
    for (i, &b) in digits.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(i64::from(digit));
        } else if b == b'.' && point.is_none() {
            point = Some(i);
        } else {
            return None;
        }
    }
    let scale = match point {
        None => 0,
        // A trailing point (`5.`, or `.` alone) goes the long way.
        Some(p) => match digits.len().wrapping_sub(p).wrapping_sub(1) {
            0 => return None,
            places => u32::try_from(places).ok()?,
        },
    };
    let mantissa = if negative {
        mantissa.wrapping_neg()
    } else {
        mantissa
    };
    Money::from_decimal(Decimal::new(mantissa, scale)).ok()
}

/// A `CCYYMMDD` date (`DT` of eight digits), without going through a format string.
#[inline]
pub(crate) fn date8(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 8 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = i32::try_from(digits(bytes.get(0..4)?)).ok()?;
    NaiveDate::from_ymd_opt(year, digits(bytes.get(4..6)?), digits(bytes.get(6..8)?))
}

/// A `YYMMDD` date (`DT` of six digits, as ISA09 and TA102 send it), read as 20YY.
pub(crate) fn date6(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 6 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = i32::try_from(digits(bytes.get(0..2)?))
        .ok()?
        .saturating_add(2000);
    NaiveDate::from_ymd_opt(year, digits(bytes.get(2..4)?), digits(bytes.get(4..6)?))
}

/// An `HHMM` time (`TM` of four digits): (hour, minutes).
pub(crate) fn hour_minutes(text: &str) -> Option<(u8, u8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 4 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let hour = u8::try_from(digits(bytes.get(0..2)?)).ok()?;
    let minutes = u8::try_from(digits(bytes.get(2..4)?)).ok()?;
    (hour < 24 && minutes < 60).then_some((hour, minutes))
}

/// A whole number (`N0`) that fits in a `u32`.
pub(crate) fn whole_number(text: &str) -> Option<u32> {
    text.parse::<u32>().ok()
}

/// The value of a few ASCII digits (at most 4 here: no overflow).
#[inline]
fn digits(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |n, &b| {
        n.wrapping_mul(10)
            .wrapping_add(u32::from(b.wrapping_sub(b'0')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x12::Tokenizer;

    #[test]
    fn decimals_dates_and_times_as_x12_writes_them() {
        let m = |t: &str| amount(t).map(|m| m.amount().to_string());
        assert_eq!(m("100"), Some("100".to_owned()));
        assert_eq!(m("-123.45"), Some("-123.45".to_owned()));
        assert_eq!(m(".5"), Some("0.5".to_owned()));
        assert_eq!(m("-.5"), Some("-0.5".to_owned()));
        assert_eq!(m("5."), None);
        assert_eq!(m(""), None);
        assert_eq!(m("1e3"), None);
        assert_eq!(
            m("12345678901234567890.5"),
            Some("12345678901234567890.5".to_owned())
        );
        assert_eq!(date8("20240229"), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(date8("20230229"), None);
        assert_eq!(date8("2024022"), None);
        assert_eq!(date8("+2024022"), None);
        assert_eq!(date6("261127"), NaiveDate::from_ymd_opt(2026, 11, 27));
        assert_eq!(hour_minutes("0930"), Some((9, 30)));
        assert_eq!(hour_minutes("2400"), None);
        assert_eq!(hour_minutes("930"), None);
        assert_eq!(whole_number("42"), Some(42));
        assert_eq!(whole_number("-1"), None);
    }

    #[test]
    fn elements_components_and_text_findings() {
        let isa = "ISA*00*          *00*          *ZZ*S              *ZZ*R              *261127*1200*^*00501*000000001*0*T*:~";
        let mut bytes = isa.as_bytes().to_vec();
        bytes.extend_from_slice(b"SVC*HC:99213:25**80*X^Y^ ~NM1*QC*1*D\xC3\xA9*J\xFFN*\x00*\xFE~");
        let segments: Vec<_> = Tokenizer::new(&bytes)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut ends = Vec::new();
        let svc = Elements::split(&segments[1], &mut ends);
        assert_eq!(svc.id(), "SVC");
        assert_eq!(svc.len(), 4);
        assert_eq!(svc.component(1, 2), Some("99213"));
        assert_eq!(svc.component(1, 4), None);
        assert_eq!(svc.component(2, 1), Some(""));
        assert_eq!(svc.component(5, 1), None);
        assert_eq!(svc.get(3), "80");
        assert_eq!(svc.get(9), "");
        assert_eq!(svc.repeats(4), ["X", "Y"]);
        assert_eq!(svc.composite_text(1).as_deref(), Some("HC:99213:25"));
        assert!(printable(segments[1].raw()));
        let mut ends = Vec::new();
        let nm1 = Elements::split(&segments[2], &mut ends);
        assert!(!printable(segments[2].raw()));
        assert_eq!(nm1.get(3), "Dé");
        assert_eq!(nm1.get(4), "", "not text reads as empty");
        let mut findings = Vec::new();
        text_findings(&nm1, &mut findings);
        let found: Vec<_> = findings
            .iter()
            .map(|f| {
                (
                    f.rule.as_str(),
                    f.path.as_str(),
                    f.message.contains("2 elements"),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("X12-NOT-TEXT", "segment 3 NM104", true),
                ("X12-CONTROL-CHARACTER", "segment 3 NM105", false)
            ]
        );
    }
}
