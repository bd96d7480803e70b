//! Reading a piece of an 835's claim loop on its own, and the interface through which a
//! host hands such pieces to [`super::RemitReader`]: the pure half of threaded reading. The
//! threads live outside the core (`medbill-batch`); the core only reads a piece
//! ([`read_piece`]), says where to cut the input ([`claim_cut`]) and fits what was read into
//! the sequential reading ([`PieceFeed`]).
//!
//! Correctness never depends on the host. A piece's reading is used only when the
//! sequential reader stands exactly at the piece's first byte, between claims of an 835
//! set, with the delimiters the piece was read with; its claims, groups and findings then
//! take their places exactly as if read in order (claim indices, segment positions and the
//! counts of segments not carried follow on from the reader's). A piece that holds an
//! envelope segment, an HL or PLB, or does not start with a CLP, or ends inside a segment,
//! is read by the sequential reader itself, like any input.

use std::collections::VecDeque;

use super::read::RemitEvent;
use super::transaction::{NotCarried, Transaction, ids};
use crate::finding::Finding;
use crate::remit::Total;
use crate::x12::envelope::body_segment;
use crate::x12::value::Elements;
use crate::x12::{Delimiters, MAX_SEGMENT_BYTES, PieceTokenizer};

/// A byte source that can also hand over pieces of its input read ahead (on other threads,
/// by `medbill-batch`): what [`super::RemitReader::with_pieces`] reads from.
///
/// The reader asks for the next piece only when every byte it was given back has been
/// read, and only when it stands between claims; otherwise it reads bytes.
pub trait PieceFeed: std::io::Read {
    /// From here on, cut the input into pieces before claims ([`claim_cut`]) with these
    /// delimiters (those in force where the reader stands).
    fn cut_with(&mut self, delimiters: Delimiters);
    /// The next piece in input order; `None` when none is ready to hand over (no more
    /// input, or bytes given back are still unread).
    fn next_piece(&mut self) -> Option<Piece>;
    /// A piece's bytes for the reader to read itself, before anything else.
    fn give_back(&mut self, bytes: Vec<u8>);
    /// A piece's bytes, done with (to reuse).
    fn recycle(&mut self, bytes: Vec<u8>);
}

/// A run of input bytes, cut before a CLP, and its reading when one was made.
pub struct Piece {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// [`read_piece`] of the bytes, when made.
    pub reading: Option<PieceReading>,
    /// The feed's own mark for the piece (who read it, which piece it was), handed back
    /// with the piece's events when the reader takes them ([`super::Run::tag`]).
    pub tag: Option<u64>,
}

/// What [`read_piece`] found in a piece: its claims and groups with indices and positions
/// counted from the piece's start, ready to be moved to their places.
pub struct PieceReading {
    /// Claim and group events, in order.
    pub(super) events: Vec<RemitEvent>,
    /// Σ CLP04 of the piece.
    pub(super) paid: Total,
    /// Segments in the piece.
    pub(super) segments: usize,
    /// The delimiters the piece was split with.
    pub(super) delimiters: Delimiters,
    /// Group findings (the claims' are in their events).
    pub(super) findings: Vec<Finding>,
    /// The envelope check's findings for its segments (text, empty segments).
    pub(super) envelope: Vec<Finding>,
    /// Segments and elements it holds that the model does not carry.
    pub(super) not_carried: NotCarried,
}

impl PieceReading {
    /// The piece's claim and group events, in order (indices and positions counted from the
    /// piece's start until the reader takes them).
    pub fn events(&self) -> &[RemitEvent] {
        &self.events
    }

    /// How many claims the piece holds.
    pub fn claims(&self) -> usize {
        self.events
            .iter()
            .filter(|e| matches!(e, RemitEvent::Claim { .. }))
            .count()
    }
}

/// Reads a piece of an 835's claim loop on its own (any thread): its claims, balanced, with
/// every finding. `None` when it is not a piece the sequential reading can take: it does not
/// start with a CLP, ends inside a segment, or holds an envelope segment, an HL or PLB.
/// `graveyard` holds claims done with, freed one per claim read (freeing and allocating in
/// turn reuses the same memory at once).
pub fn read_piece(
    bytes: &[u8],
    delimiters: Delimiters,
    graveyard: &mut Vec<RemitEvent>,
) -> Option<PieceReading> {
    // Checked as text once for the whole piece, not segment by segment.
    let text = std::str::from_utf8(bytes).ok();
    let mut tokens = PieceTokenizer::new(bytes, delimiters);
    let mut ends = Vec::with_capacity(64);
    let mut scratch = Vec::new();
    let mut transaction = Transaction::between_claims();
    let mut queue = VecDeque::new();
    let mut envelope = Vec::new();
    let mut segments = 0usize;
    while let Some((segment, start, terminated)) = tokens.next_split(&mut ends) {
        if !terminated {
            return None;
        }
        if !body_segment(&segment, &mut scratch, &mut envelope) {
            return None;
        }
        segments = segments.saturating_add(1);
        let length = segment.raw().len();
        if length == 0 {
            if segments == 1 {
                return None;
            }
            continue;
        }
        let fields = match text {
            Some(text) => Elements::with_text(
                &segment,
                text.get(start..start.saturating_add(length))?,
                &ends,
            ),
            None => Elements::with_ends(&segment, &ends),
        };
        match fields.tag() {
            ids::CLP => {
                // A claim done with is freed as a new one is read (see `medbill-batch`).
                drop(graveyard.pop());
            }
            ids::PLB | ids::ST | ids::SE => return None,
            _ if segments == 1 => return None,
            _ => {}
        }
        transaction.segment(&fields, &mut queue);
    }
    if segments == 0 {
        return None;
    }
    transaction.finish_claim(&mut queue);
    transaction.flush_group(&mut queue);
    Some(PieceReading {
        events: queue.into(),
        paid: transaction.paid,
        segments,
        delimiters,
        findings: transaction.findings,
        envelope,
        not_carried: transaction.not_carried,
    })
}

/// Where to cut `bytes` so the piece before ends just before a claim: the offset of the last
/// segment (after the first byte) that the sequential reader will read as a CLP, so that it
/// ends the claim before it. `CLP` and the element separator right after a segment
/// terminator and any white space, the whole segment in `bytes` and no longer than a
/// segment may be. (Its elements need not be text: one that is not reads as empty, with a
/// finding, and the segment is still the CLP that ends the claim before it.)
pub fn claim_cut(bytes: &[u8], delimiters: Delimiters) -> Option<usize> {
    let needle = [b'C', b'L', b'P', delimiters.element];
    memchr::memmem::rfind_iter(bytes, &needle).find(|&at| {
        let before = bytes.get(..at).unwrap_or_default();
        let end = before
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map(|i| before.get(i).copied());
        let segment = bytes.get(at..).unwrap_or_default();
        let whole = memchr::memchr(delimiters.segment, segment)
            .is_some_and(|length| length <= MAX_SEGMENT_BYTES);
        at > 0 && end == Some(Some(delimiters.segment)) && whole
    })
}
