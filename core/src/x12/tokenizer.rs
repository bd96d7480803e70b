//! The X12 tokenizer: delimiters from each ISA segment, segments and elements borrowed from
//! the input (no copying), any number of interchanges per file.

use super::X12Error;

/// The delimiters an interchange declares in its ISA segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiters {
    /// Element separator (ISA position 4), usually `*`.
    pub element: u8,
    /// Component separator (ISA16), usually `:`.
    pub component: u8,
    /// Repetition separator (ISA11 from version 00402 on), usually `^`.
    pub repetition: Option<u8>,
    /// Segment terminator (the byte after ISA16), usually `~`.
    pub segment: u8,
}

impl Delimiters {
    /// The delimiters most senders use: `*`, `:`, `^`, `~`.
    pub const STANDARD: Delimiters = Delimiters {
        element: b'*',
        component: b':',
        repetition: Some(b'^'),
        segment: b'~',
    };
}

/// The fixed length of an ISA segment up to and including the segment terminator.
pub(crate) const ISA_LENGTH: usize = 106;

/// One segment, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// 1-based position of the segment in the file.
    pub position: usize,
    raw: &'a [u8],
    delimiters: Delimiters,
}

impl<'a> Segment<'a> {
    /// The segment id (`ISA`, `CLP`, `SVC`…).
    pub fn id(&self) -> &'a str {
        let end = memchr::memchr(self.delimiters.element, self.raw).unwrap_or(self.raw.len());
        std::str::from_utf8(self.raw.get(..end).unwrap_or_default()).unwrap_or("")
    }

    /// Element `n` (1-based, as X12 numbers them: `CLP01` is `element(1)`), or `None` when
    /// the segment has fewer elements. Not UTF-8 text reads as `None`.
    pub fn element(&self, n: usize) -> Option<&'a str> {
        let raw = memchr::memchr_iter(self.delimiters.element, self.raw)
            .chain(std::iter::once(self.raw.len()))
            .scan(0usize, |start, end| {
                let piece = self.raw.get(*start..end);
                *start = end.saturating_add(1);
                piece
            })
            .nth(n)?;
        std::str::from_utf8(raw).ok()
    }

    /// Component `c` (1-based) of element `n`: `SVC01-2` is `component(1, 2)`.
    pub fn component(&self, n: usize, c: usize) -> Option<&'a str> {
        let element = self.element(n)?;
        element
            .split(char::from(self.delimiters.component))
            .nth(c.checked_sub(1)?)
    }

    /// The number of elements after the id.
    pub fn element_count(&self) -> usize {
        memchr::memchr_iter(self.delimiters.element, self.raw).count()
    }

    /// The segment's bytes without its terminator.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The delimiters in force for this segment.
    pub fn delimiters(&self) -> Delimiters {
        self.delimiters
    }
}

/// Splits X12 bytes into segments. Skips a UTF-8 byte-order mark and white space before
/// each segment (line breaks after terminators, indented files); takes the delimiters from
/// each ISA, so several interchanges with different delimiters can follow each other.
#[derive(Debug, Clone)]
pub struct Tokenizer<'a> {
    input: &'a [u8],
    offset: usize,
    position: usize,
    delimiters: Option<Delimiters>,
    failed: bool,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over `input`. Fails at once when the input does not start with an ISA.
    pub fn new(input: &'a [u8]) -> Result<Tokenizer<'a>, X12Error> {
        if input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]) {
            return Err(X12Error::Utf16);
        }
        let input = input.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(input);
        let start = input
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(input.len());
        if !input
            .get(start..)
            .is_some_and(|rest| rest.starts_with(b"ISA"))
        {
            return Err(X12Error::NoInterchange);
        }
        Ok(Tokenizer {
            input,
            offset: start,
            position: 0,
            delimiters: None,
            failed: false,
        })
    }

    /// Reads the delimiters of the ISA segment at the current offset. The ISA should be 106
    /// fixed-width characters, but real files pad badly; the delimiters are found by counting
    /// the 16 element separators instead (the envelope check reports the width).
    fn read_isa(&self) -> Result<Delimiters, X12Error> {
        let position = self.position.saturating_add(1);
        let rest = self.input.get(self.offset..).unwrap_or_default();
        let element = *rest.get(3).ok_or(X12Error::Truncated { position })?;
        if element.is_ascii_alphanumeric() || element.is_ascii_whitespace() {
            return Err(X12Error::BadIsa { position });
        }
        // Offsets of the 16 element separators, within a generous bound.
        let separators: Vec<usize> = rest
            .iter()
            .take(ISA_LENGTH.saturating_mul(2))
            .enumerate()
            .filter(|&(_, &b)| b == element)
            .map(|(i, _)| i)
            .take(16)
            .collect();
        let last = *separators.get(15).ok_or(X12Error::BadIsa { position })?;
        let component = *rest
            .get(last.saturating_add(1))
            .ok_or(X12Error::Truncated { position })?;
        let segment = *rest
            .get(last.saturating_add(2))
            .ok_or(X12Error::Truncated { position })?;
        if segment.is_ascii_alphanumeric() || segment == element || component == element {
            return Err(X12Error::BadIsa { position });
        }
        let field = |n: usize| {
            let start = separators
                .get(n.saturating_sub(1))
                .map(|i| i.saturating_add(1))?;
            let end = *separators.get(n)?;
            rest.get(start..end)
        };
        let version = field(12).unwrap_or_default();
        let repetition = match (field(11), version >= b"00402".as_slice()) {
            (Some([r]), true) if !r.is_ascii_alphanumeric() => Some(*r),
            _ => None,
        };
        Ok(Delimiters {
            element,
            component,
            repetition,
            segment,
        })
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Result<Segment<'a>, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        // Skip white space between segments.
        while self
            .input
            .get(self.offset)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.offset = self.offset.saturating_add(1);
        }
        let rest = self.input.get(self.offset..)?;
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with(b"ISA") {
            match self.read_isa() {
                Ok(delimiters) => self.delimiters = Some(delimiters),
                Err(error) => {
                    self.failed = true;
                    return Some(Err(error));
                }
            }
        }
        let Some(delimiters) = self.delimiters else {
            self.failed = true;
            return Some(Err(X12Error::NoInterchange));
        };
        self.position = self.position.saturating_add(1);
        // A last segment without its terminator is common (files cut after IEA's digits);
        // it is read as a segment, and a file cut short loses its trailers, which the
        // envelope check reports.
        let length = memchr::memchr(delimiters.segment, rest).unwrap_or(rest.len());
        let raw = rest.get(..length).unwrap_or_default();
        self.offset = self.offset.saturating_add(length).saturating_add(1);
        Some(Ok(Segment {
            position: self.position,
            raw,
            delimiters,
        }))
    }
}
