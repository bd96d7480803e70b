//! The X12 tokenizer: delimiters from each ISA segment, segments and elements borrowed from
//! the input (no copying), any number of interchanges per file.

use super::X12Error;
use super::value::Elements;

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
    /// Known to be printable ASCII throughout (found while splitting it); `false` when it
    /// is not, or was not looked at.
    plain: bool,
}

impl<'a> Segment<'a> {
    /// The segment id (`ISA`, `CLP`, `SVC`…): the text before the first element separator,
    /// empty when it is not text.
    pub fn id(&self) -> &'a str {
        let end = memchr::memchr(self.delimiters.element, self.raw).unwrap_or(self.raw.len());
        super::work::scanned(end);
        std::str::from_utf8(self.raw.get(..end).unwrap_or_default()).unwrap_or("")
    }

    /// The segment split into its elements, once (`ends` is a buffer to reuse): every
    /// element is then reached without rescanning the segment.
    pub fn elements<'s>(&self, ends: &'s mut Vec<u32>) -> Elements<'s>
    where
        'a: 's,
    {
        Elements::split(self, ends)
    }

    /// The segment's bytes without its terminator.
    #[inline]
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The delimiters in force for this segment.
    #[inline]
    pub fn delimiters(&self) -> Delimiters {
        self.delimiters
    }

    /// Whether the segment is known to be printable ASCII throughout (no control
    /// character, no byte above 127), so its text needs no further checking.
    #[inline]
    pub(crate) fn is_plain(&self) -> bool {
        self.plain
    }
}

/// Where the next segment lies in a buffer: the engine shared by [`Tokenizer`] (a whole
/// slice) and [`X12Reader`] (a stream read in chunks).
#[derive(Debug, Clone, Copy)]
struct RawSegment {
    start: usize,
    length: usize,
    position: usize,
    delimiters: Delimiters,
    plain: bool,
}

#[derive(Debug)]
enum Step {
    Segment(RawSegment),
    /// The buffer ends inside a segment (or an ISA too short to read): more input needed.
    NeedMore,
    End,
    Failed(X12Error),
}

/// The splitting state: offset into the buffer, segment count, delimiters in force.
#[derive(Debug, Clone, Default)]
struct Cursor {
    offset: usize,
    position: usize,
    delimiters: Option<Delimiters>,
    failed: bool,
}

/// Checks the start of the input: UTF-16, byte-order mark, white space, then `ISA`. Returns
/// the offset of the ISA.
fn find_start(input: &[u8]) -> Result<usize, X12Error> {
    if input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]) {
        return Err(X12Error::Utf16);
    }
    let bom = if input.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let rest = input.get(bom..).unwrap_or_default();
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    if rest.get(start..).is_some_and(|r| r.starts_with(b"ISA")) {
        Ok(bom.saturating_add(start))
    } else {
        Err(X12Error::NoInterchange)
    }
}

/// Reads the delimiters of the ISA segment at the start of `rest`. The ISA should be 106
/// fixed-width characters, but real files pad badly; the delimiters are found by counting
/// the 16 element separators instead (the envelope check reports the width).
fn read_isa(rest: &[u8], position: usize) -> Result<Delimiters, X12Error> {
    let element = *rest.get(3).ok_or(X12Error::Truncated { position })?;
    if element.is_ascii_alphanumeric() || element.is_ascii_whitespace() {
        return Err(X12Error::BadIsa { position });
    }
    // Offsets of the 16 element separators, within a generous bound.
    let mut separators = [0usize; 16];
    let mut found = 0usize;
    for (i, &b) in rest.iter().take(ISA_LENGTH.saturating_mul(2)).enumerate() {
        if b == element {
            if let Some(slot) = separators.get_mut(found) {
                *slot = i;
                found = found.saturating_add(1);
            } else {
                break;
            }
        }
    }
    if found < 16 {
        return Err(X12Error::BadIsa { position });
    }
    let last = separators.get(15).copied().unwrap_or_default();
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
    // Every split point must be a character boundary of the text: a delimiter above 0x7F
    // would cut a multi-byte UTF-8 character in two and its elements would read as empty.
    for (delimiter, byte) in [
        ("element", Some(element)),
        ("component", Some(component)),
        ("repetition", repetition),
        ("segment", Some(segment)),
    ] {
        if let Some(byte) = byte.filter(|b| !b.is_ascii()) {
            return Err(X12Error::DelimiterNotAscii {
                position,
                delimiter,
                byte,
            });
        }
    }
    Ok(Delimiters {
        element,
        component,
        repetition,
        segment,
    })
}

impl Cursor {
    /// The next segment of `input` from the cursor. `eof` says whether `input` is all there
    /// is: then a last segment without its terminator is read as a segment (files cut after
    /// IEA's digits are common); otherwise the cursor asks for more.
    fn step(&mut self, input: &[u8], eof: bool) -> Step {
        self.step_with(input, eof, |rest, delimiters| {
            // No further than a segment may be long.
            let scope = rest
                .get(..MAX_SEGMENT_BYTES.saturating_add(1))
                .unwrap_or(rest);
            let end = memchr::memchr(delimiters.segment, scope);
            super::work::scanned(end.unwrap_or(scope.len()));
            (end, false)
        })
    }

    /// [`Cursor::step`] that also records in `ends` where each element of the segment ends
    /// (offsets from the segment start; the last is the segment's length), finding the
    /// terminator and the element separators in one pass over the bytes.
    fn step_split(&mut self, input: &[u8], eof: bool, ends: &mut Vec<u32>) -> Step {
        let step = self.step_with(input, eof, |rest, delimiters| {
            let mut plain = false;
            let end = split_elements(rest, delimiters, ends, &mut plain);
            (end, plain)
        });
        if let Step::Segment(raw) = &step {
            if ends.last().map(|&e| e as usize) != Some(raw.length) {
                // The last segment ran to the end of the input without a terminator.
                let start = raw.start;
                let text = input
                    .get(start..start.saturating_add(raw.length))
                    .unwrap_or_default();
                ends.clear();
                ends.extend(
                    memchr::memchr_iter(raw.delimiters.element, text)
                        .chain(std::iter::once(text.len()))
                        .map(|end| u32::try_from(end).unwrap_or(u32::MAX)),
                );
            }
        }
        step
    }

    fn step_with(
        &mut self,
        input: &[u8],
        eof: bool,
        mut find_end: impl FnMut(&[u8], Delimiters) -> (Option<usize>, bool),
    ) -> Step {
        if self.failed {
            return Step::End;
        }
        // Skip white space between segments.
        self.offset = after_whitespace(input, self.offset);
        let rest = input.get(self.offset..).unwrap_or_default();
        if rest.is_empty() {
            return if eof { Step::End } else { Step::NeedMore };
        }
        if rest.starts_with(b"ISA") || (!eof && b"ISA".starts_with(rest)) {
            if !eof && rest.len() < ISA_LENGTH.saturating_mul(2) {
                return Step::NeedMore;
            }
            match read_isa(rest, self.position.saturating_add(1)) {
                Ok(delimiters) => self.delimiters = Some(delimiters),
                Err(error) => {
                    self.failed = true;
                    return Step::Failed(error);
                }
            }
        }
        let Some(delimiters) = self.delimiters else {
            self.failed = true;
            return Step::Failed(X12Error::NoInterchange);
        };
        let (end, plain) = find_end(rest, delimiters);
        let (length, plain) = match end {
            Some(length) => (length, plain),
            None if rest.len() > MAX_SEGMENT_BYTES => {
                self.failed = true;
                return Step::Failed(X12Error::SegmentTooLong {
                    position: self.position.saturating_add(1),
                });
            }
            None if eof => (rest.len(), false),
            None => return Step::NeedMore,
        };
        self.position = self.position.saturating_add(1);
        let raw = RawSegment {
            start: self.offset,
            length,
            position: self.position,
            delimiters,
            plain,
        };
        self.offset = self.offset.saturating_add(length).saturating_add(1);
        Step::Segment(raw)
    }
}

/// The first offset from `at` that is not white space (allowed between segments).
fn after_whitespace(input: &[u8], mut at: usize) -> usize {
    while input.get(at).is_some_and(u8::is_ascii_whitespace) {
        at = at.saturating_add(1);
    }
    at
}

/// The offset of the segment terminator in `rest`, recording in `ends` the offset of every
/// element separator before it and then the terminator's, and in `plain` whether the segment
/// is printable ASCII throughout (no byte below 32, no DEL, none above 127: the common case,
/// where its text needs no further check). One pass: segments are short (20 to 40 bytes),
/// where a plain loop beats setting up a vectorized search per delimiter.
fn split_elements(
    rest: &[u8],
    delimiters: Delimiters,
    ends: &mut Vec<u32>,
    plain: &mut bool,
) -> Option<usize> {
    ends.clear();
    // Segments are at most MAX_SEGMENT_BYTES (1 MiB), so offsets fit in u32.
    let limit = rest.len().min(MAX_SEGMENT_BYTES.saturating_add(1));
    let rest = rest.get(..limit).unwrap_or(rest);
    // Eight bytes at a time: a mask of the bytes equal to each delimiter, then its bits.
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let equal = |word: u64, pattern: u64| {
        let v = word ^ pattern;
        // High bit set in each byte of `v` that is zero (exact: no carry between bytes).
        !(((v & LOW).wrapping_add(LOW)) | v | LOW)
    };
    // A high bit set where a byte is not printable ASCII: below 32 (subtracting 32 borrows
    // into its high bit), 127 (adding 1 carries into it) or above 127 (its own); a printable
    // byte less 32 or plus 1 stays below 128. A borrow or carry moves only to later bytes,
    // and only out of a byte that is itself not printable, so whether any byte before the
    // terminator is is exact. Only the high bits count, so they are masked once at the end.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let unprintable = |word: u64| word.wrapping_sub(SPACES) | word.wrapping_add(ONES) | word;
    let element = u64::from_ne_bytes([delimiters.element; 8]);
    let segment = u64::from_ne_bytes([delimiters.segment; 8]);
    let mut special = 0u64;
    let mut chunks = rest.chunks_exact(8);
    let mut base: u32 = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let terminators = equal(word, segment);
        let mut elements = equal(word, element);
        if terminators == 0 {
            special |= unprintable(word);
            while elements != 0 {
                ends.push(base.wrapping_add(elements.trailing_zeros() >> 3));
                elements &= elements.wrapping_sub(1);
            }
        } else {
            let at = terminators.trailing_zeros();
            // Separators (and bytes) before the terminator only.
            let before = (1u64 << at).wrapping_sub(1);
            special |= unprintable(word) & before;
            elements &= before;
            while elements != 0 {
                ends.push(base.wrapping_add(elements.trailing_zeros() >> 3));
                elements &= elements.wrapping_sub(1);
            }
            let end = base.wrapping_add(at >> 3);
            ends.push(end);
            super::work::scanned(end as usize);
            *plain = special & HIGH == 0;
            return Some(end as usize);
        }
        base = base.wrapping_add(8);
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        let i = base.wrapping_add(i as u32);
        if b == delimiters.element {
            ends.push(i);
        } else if b == delimiters.segment {
            ends.push(i);
            super::work::scanned(i as usize);
            *plain = special & HIGH == 0;
            return Some(i as usize);
        } else if !(0x20..0x7F).contains(&b) {
            special = HIGH;
        }
    }
    super::work::scanned(rest.len());
    *plain = false;
    None
}

fn segment_at(input: &[u8], raw: RawSegment) -> Segment<'_> {
    let end = raw.start.saturating_add(raw.length);
    Segment {
        position: raw.position,
        raw: input.get(raw.start..end).unwrap_or_default(),
        delimiters: raw.delimiters,
        plain: raw.plain,
    }
}

/// Splits X12 bytes into segments. Skips a UTF-8 byte-order mark and white space before
/// each segment (line breaks after terminators, indented files); takes the delimiters from
/// each ISA, so several interchanges with different delimiters can follow each other.
#[derive(Debug, Clone)]
pub struct Tokenizer<'a> {
    input: &'a [u8],
    cursor: Cursor,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over `input`. Fails at once when the input does not start with an ISA.
    pub fn new(input: &'a [u8]) -> Result<Tokenizer<'a>, X12Error> {
        let start = find_start(input)?;
        Ok(Tokenizer {
            input,
            cursor: Cursor {
                offset: start,
                ..Cursor::default()
            },
        })
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Result<Segment<'a>, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.cursor.step(self.input, true) {
            Step::Segment(raw) => Some(Ok(segment_at(self.input, raw))),
            Step::Failed(error) => Some(Err(error)),
            Step::NeedMore | Step::End => None,
        }
    }
}

/// Splits a run of segments that starts at a segment boundary inside an interchange whose
/// delimiters are known (a piece of a larger input, split on another thread).
pub(crate) struct PieceTokenizer<'a> {
    input: &'a [u8],
    offset: usize,
    position: usize,
    delimiters: Delimiters,
}

impl<'a> PieceTokenizer<'a> {
    pub(crate) fn new(input: &'a [u8], delimiters: Delimiters) -> PieceTokenizer<'a> {
        PieceTokenizer {
            input,
            offset: 0,
            position: 0,
            delimiters,
        }
    }

    /// The next segment with its element ends in `ends`, where it starts in the piece, and
    /// whether it ended with a terminator (one that does not is the rest of the piece).
    /// `None` at the end of the piece. The delimiters stay those given: an ISA in the piece
    /// is split like any segment, and the caller, seeing its id, stops there.
    pub(crate) fn next_split(&mut self, ends: &mut Vec<u32>) -> Option<(Segment<'a>, usize, bool)> {
        let start = after_whitespace(self.input, self.offset);
        let rest = self.input.get(start..).filter(|r| !r.is_empty())?;
        self.position = self.position.saturating_add(1);
        let mut plain = false;
        let (length, terminated) = match split_elements(rest, self.delimiters, ends, &mut plain) {
            Some(length) => (length, true),
            None => (rest.len(), false),
        };
        self.offset = start.saturating_add(length).saturating_add(1);
        let segment = Segment {
            position: self.position,
            raw: rest.get(..length).unwrap_or_default(),
            delimiters: self.delimiters,
            plain,
        };
        Some((segment, start, terminated))
    }
}

/// The longest segment [`Tokenizer`] and [`X12Reader`] accept, so every reader. No 5010
/// segment comes near it; a file without terminators is refused instead of being buffered
/// whole, and element offsets fit in 32 bits.
pub const MAX_SEGMENT_BYTES: usize = 1 << 20;

/// Reads segments from any [`std::io::Read`] in chunks, in memory bounded by the longest
/// segment (at most [`MAX_SEGMENT_BYTES`]) whatever the size of the input. Same rules as
/// [`Tokenizer`]; segments borrow the reader's buffer until the next call.
pub struct X12Reader<R> {
    source: R,
    buffer: Vec<u8>,
    filled: usize,
    eof: bool,
    started: bool,
    cursor: Cursor,
    chunk: usize,
}

impl<R: std::io::Read> X12Reader<R> {
    /// A reader pulling 256 KiB at a time.
    pub fn new(source: R) -> X12Reader<R> {
        X12Reader::with_chunk(source, 256 * 1024)
    }

    /// A reader pulling `chunk` bytes at a time (at least 256).
    pub fn with_chunk(source: R, chunk: usize) -> X12Reader<R> {
        X12Reader {
            source,
            buffer: Vec::new(),
            filled: 0,
            eof: false,
            started: false,
            cursor: Cursor::default(),
            chunk: chunk.max(256),
        }
    }

    /// Moves the unread tail to the front and reads more. `Ok(false)` at the end of input.
    fn refill(&mut self) -> Result<bool, X12Error> {
        if self.eof {
            return Ok(false);
        }
        let consumed = self.cursor.offset.min(self.filled);
        if consumed > 0 {
            self.buffer.copy_within(consumed..self.filled, 0);
        }
        self.filled = self.filled.saturating_sub(consumed);
        self.cursor.offset = self.cursor.offset.saturating_sub(consumed);
        if self.filled > MAX_SEGMENT_BYTES {
            return Err(X12Error::SegmentTooLong {
                position: self.cursor.position.saturating_add(1),
            });
        }
        let wanted = self.filled.saturating_add(self.chunk);
        if self.buffer.len() < wanted {
            self.buffer.resize(wanted, 0);
        }
        // A source may hand out a few bytes at a time. Reading on until a segment terminator
        // comes (or a whole chunk, or the end) keeps the refills, and so the rescans of a
        // long segment, to a few per segment: reading stays linear however the source reads.
        let terminator = self.cursor.delimiters.map(|d| d.segment);
        let mut read_now = 0usize;
        loop {
            let space = self.buffer.get_mut(self.filled..).unwrap_or_default();
            if space.is_empty() {
                break;
            }
            let read = loop {
                match self.source.read(space) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        return Err(X12Error::Io {
                            kind: format!("{:?}", e.kind()),
                        });
                    }
                }
            };
            if read == 0 {
                self.eof = true;
                break;
            }
            let new = self
                .buffer
                .get(self.filled..self.filled.saturating_add(read))
                .unwrap_or_default();
            let ended = terminator.is_none_or(|t| memchr::memchr(t, new).is_some());
            self.filled = self.filled.saturating_add(read);
            read_now = read_now.saturating_add(read);
            if ended || read_now >= self.chunk {
                break;
            }
        }
        Ok(read_now > 0)
    }

    /// The next segment, `None` at the end of the input. After an error, `None`.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Result<Segment<'_>, X12Error>> {
        self.advance(|cursor, input, eof| cursor.step(input, eof))
    }

    /// [`X12Reader::next`], also leaving in `ends` the offset where each element of the
    /// segment ends (element 0 is the id; the last offset is the segment's length).
    pub(crate) fn next_split(
        &mut self,
        ends: &mut Vec<u32>,
    ) -> Option<Result<Segment<'_>, X12Error>> {
        // Most segments: inside an interchange, whole in the buffer, not an ISA. Split them
        // directly; anything else takes the general path.
        if let Some((start, length, delimiters, plain)) = self.whole_segment(ends) {
            self.cursor.offset = start.saturating_add(length).saturating_add(1);
            self.cursor.position = self.cursor.position.saturating_add(1);
            let end = start.saturating_add(length);
            return Some(Ok(Segment {
                position: self.cursor.position,
                raw: self.buffer.get(start..end).unwrap_or_default(),
                delimiters,
                plain,
            }));
        }
        self.advance(|cursor, input, eof| cursor.step_split(input, eof, ends))
    }

    /// Where the next segment lies (start, length, delimiters) when it is whole in the
    /// buffer inside an interchange and not an ISA, its element ends in `ends`.
    fn whole_segment(&self, ends: &mut Vec<u32>) -> Option<(usize, usize, Delimiters, bool)> {
        if !self.started || self.cursor.failed {
            return None;
        }
        let delimiters = self.cursor.delimiters?;
        let input = self.buffer.get(..self.filled).unwrap_or_default();
        let start = after_whitespace(input, self.cursor.offset);
        let rest = input.get(start..).unwrap_or_default();
        if rest.len() < 3 || rest.starts_with(b"ISA") {
            return None;
        }
        let mut plain = false;
        let length = split_elements(rest, delimiters, ends, &mut plain)?;
        Some((start, length, delimiters, plain))
    }

    /// Steps the cursor, reading more input whenever it asks for it.
    #[inline(always)]
    fn advance(
        &mut self,
        mut step: impl FnMut(&mut Cursor, &[u8], bool) -> Step,
    ) -> Option<Result<Segment<'_>, X12Error>> {
        if !self.started {
            if let Err(error) = self.start() {
                return Some(Err(error));
            }
        }
        let raw = loop {
            let input = self.buffer.get(..self.filled).unwrap_or_default();
            match step(&mut self.cursor, input, self.eof) {
                Step::Segment(raw) => break raw,
                Step::End => return None,
                Step::Failed(error) => return Some(Err(error)),
                Step::NeedMore => {
                    if let Err(error) = self.refill() {
                        self.cursor.failed = true;
                        return Some(Err(error));
                    }
                }
            }
        };
        let input = self.buffer.get(..self.filled).unwrap_or_default();
        Some(Ok(segment_at(input, raw)))
    }

    /// The byte source.
    pub(crate) fn source(&self) -> &R {
        &self.source
    }

    /// The byte source, for a reader that feeds it.
    pub(crate) fn source_mut(&mut self) -> &mut R {
        &mut self.source
    }

    /// The delimiters in force at the reader's position, once an ISA has been read.
    pub(crate) fn delimiters(&self) -> Option<Delimiters> {
        self.cursor.delimiters
    }

    /// Whether every byte read so far is split into segments (only white space is left in
    /// the buffer), so the next segment starts with the next byte of the source.
    pub(crate) fn at_boundary(&self) -> bool {
        self.started
            && !self.eof
            && !self.cursor.failed
            && self
                .buffer
                .get(self.cursor.offset..self.filled)
                .is_some_and(|rest| rest.iter().all(u8::is_ascii_whitespace))
    }

    /// How many segments have been read (or counted with [`X12Reader::skip_segments`]): the
    /// position of the last one.
    pub(crate) fn position(&self) -> usize {
        self.cursor.position
    }

    /// Counts `segments` that were split elsewhere (from bytes that never passed through
    /// this reader), so positions stay those of the whole input.
    pub(crate) fn skip_segments(&mut self, segments: usize) {
        self.cursor.position = self.cursor.position.saturating_add(segments);
    }

    /// Reads enough of the input to see a byte-order mark, white space and "ISA".
    fn start(&mut self) -> Result<(), X12Error> {
        while !self.eof && self.filled < 512 {
            if let Err(error) = self.refill() {
                self.cursor.failed = true;
                return Err(error);
            }
        }
        self.started = true;
        match find_start(self.buffer.get(..self.filled).unwrap_or_default()) {
            Ok(start) => {
                self.cursor.offset = start;
                Ok(())
            }
            Err(error) => {
                self.cursor.failed = true;
                Err(error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261127*0805*^*00501*000000001*0*T*:~";
        let mut text = String::from("\u{feff}\n ");
        text.push_str(isa);
        text.push('\n');
        for i in 0..200 {
            text.push_str(&format!("LX*{i}~\r\nSVC*HC:99213*100*80~"));
        }
        text.push_str("IEA*1*000000001");
        text.into_bytes()
    }

    /// The ISA with each `*` replaced by `element` and `~` by `segment`, then one segment.
    fn with_delimiters(element: &[u8], segment: &[u8], body: &[u8]) -> Vec<u8> {
        let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261127*0805*^*00501*000000001*0*T*:~";
        let mut bytes = Vec::new();
        for &b in isa.as_bytes().iter().chain(body) {
            match b {
                b'*' => bytes.extend_from_slice(element),
                b'~' => bytes.extend_from_slice(segment),
                b => bytes.push(b),
            }
        }
        bytes
    }

    #[test]
    fn a_delimiter_that_is_not_ascii_is_refused_by_name() {
        // Found by the fuzzer: with 0x97 as the element separator, a UTF-8 file holding
        // U+0097 (C2 97) was split inside that character and its elements read as empty.
        let bytes = with_delimiters(b"\x97", b"~", b"NM1\xC2*~");
        let first = Tokenizer::new(&bytes).unwrap().next().unwrap();
        assert_eq!(
            first,
            Err(X12Error::DelimiterNotAscii {
                position: 1,
                delimiter: "element",
                byte: 0x97
            })
        );
        let bytes = with_delimiters(b"*", b"\x85", b"LX*1~");
        let error = Tokenizer::new(&bytes).unwrap().next().unwrap().unwrap_err();
        assert_eq!(
            error.to_string(),
            "segment 1: the ISA declares a segment separator that is not an ASCII character (byte 0x85)"
        );
        // Control characters are ASCII and stay allowed (0x1D, 0x1C are used in practice).
        let bytes = with_delimiters(b"\x1d", b"\x1c", b"LX*1~");
        let segments: Vec<_> = Tokenizer::new(&bytes).unwrap().collect();
        assert_eq!(segments.len(), 2);
        assert!(segments.iter().all(Result::is_ok));
    }

    #[test]
    fn streaming_matches_slice_at_every_chunk_size() {
        let bytes = sample();
        let whole: Vec<(usize, Vec<u8>)> = Tokenizer::new(&bytes)
            .unwrap()
            .map(|s| s.map(|s| (s.position, s.raw().to_vec())).unwrap())
            .collect();
        assert_eq!(whole.len(), 402);
        for chunk in [256, 300, 1000, 1 << 16] {
            let mut reader = X12Reader::with_chunk(bytes.as_slice(), chunk);
            let mut streamed = Vec::new();
            while let Some(segment) = reader.next() {
                let segment = segment.unwrap();
                streamed.push((segment.position, segment.raw().to_vec()));
            }
            assert_eq!(streamed, whole, "chunk {chunk}");
        }
    }

    #[test]
    fn split_elements_matches_a_plain_search() {
        let d = Delimiters::STANDARD;
        // Bytes next to delimiters that differ from them by one bit (+ after *, } after ~).
        let pieces: [&[u8]; 15] = [
            b"*",
            b"+",
            b"~",
            b"}",
            b"AB",
            b"",
            b"\xC3\xA9",
            b")",
            b"CLP01",
            b"\x00",
            b"\x1F",
            b" ",
            b"\x7F",
            b"\n",
            b"\xFF",
        ];
        let mut state = 7u32;
        for _ in 0..2000 {
            let mut text = Vec::new();
            for _ in 0..(state % 40) {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.extend_from_slice(pieces[(state >> 16) as usize % pieces.len()]);
            }
            let expected_end = text.iter().position(|&b| b == b'~');
            let scope = &text[..expected_end.unwrap_or(text.len())];
            let mut expected: Vec<u32> = scope
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'*')
                .map(|(i, _)| i as u32)
                .collect();
            if let Some(end) = expected_end {
                expected.push(end as u32);
            }
            let mut ends = Vec::new();
            let mut plain = true;
            assert_eq!(
                split_elements(&text, d, &mut ends, &mut plain),
                expected_end,
                "{text:?}"
            );
            assert_eq!(ends, expected, "{text:?}");
            let printable = scope.iter().all(|b| (0x20..0x7F).contains(b));
            assert_eq!(plain, printable && expected_end.is_some(), "{text:?}");
        }
    }

    #[test]
    fn split_streaming_matches_slice_at_every_chunk_size() {
        let bytes = sample();
        let whole: Vec<(usize, Vec<u8>, usize)> = Tokenizer::new(&bytes)
            .unwrap()
            .map(|s| s.unwrap())
            .map(|s| {
                let elements = s.raw().iter().filter(|&&b| b == b'*').count();
                (s.position, s.raw().to_vec(), elements)
            })
            .collect();
        for chunk in [256, 300, 1000, 1 << 16] {
            let mut reader = X12Reader::with_chunk(bytes.as_slice(), chunk);
            let mut ends = Vec::new();
            let mut streamed = Vec::new();
            while let Some(segment) = reader.next_split(&mut ends) {
                let segment = segment.unwrap();
                assert_eq!(ends.last().copied(), Some(segment.raw().len() as u32));
                streamed.push((segment.position, segment.raw().to_vec(), ends.len() - 1));
            }
            assert_eq!(streamed, whole, "chunk {chunk}");
        }
    }

    #[test]
    fn streaming_refuses_runaway_segments_and_non_x12() {
        let mut bytes = sample();
        bytes.truncate(120);
        bytes.extend(std::iter::repeat_n(b'A', MAX_SEGMENT_BYTES + 10));
        let mut reader = X12Reader::new(bytes.as_slice());
        let mut error = None;
        while let Some(segment) = reader.next() {
            if let Err(e) = segment {
                error = Some(e);
            }
        }
        assert!(
            matches!(error, Some(X12Error::SegmentTooLong { .. })),
            "{error:?}"
        );
        // The slice tokenizer keeps the same limit (so every reader does), terminated or not.
        let whole: Result<Vec<_>, _> = Tokenizer::new(&bytes).unwrap().collect();
        assert!(matches!(whole, Err(X12Error::SegmentTooLong { .. })));
        bytes.push(b'~');
        let whole: Result<Vec<_>, _> = Tokenizer::new(&bytes).unwrap().collect();
        assert!(matches!(whole, Err(X12Error::SegmentTooLong { .. })));
        // A segment of exactly the limit is read by both (119: just after `LX*0~\r\n`).
        bytes.truncate(119);
        bytes.extend(std::iter::repeat_n(b'A', MAX_SEGMENT_BYTES));
        bytes.push(b'~');
        let whole: Vec<_> = Tokenizer::new(&bytes).unwrap().collect();
        assert!(whole.iter().all(Result::is_ok));
        let mut reader = X12Reader::new(bytes.as_slice());
        let mut streamed = 0;
        while let Some(segment) = reader.next() {
            assert!(segment.is_ok());
            streamed += 1;
        }
        assert_eq!(streamed, whole.len());
        let mut reader = X12Reader::new(&b"hello"[..]);
        assert!(matches!(reader.next(), Some(Err(X12Error::NoInterchange))));
        assert!(reader.next().is_none());
    }
}
