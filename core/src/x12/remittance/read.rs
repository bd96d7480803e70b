//! Reading 835 transaction sets: [`RemitReader`] streams events (a header, the LX groups,
//! one claim at a time, a trailer) from any [`std::io::Read`] in constant memory;
//! [`read_835`] collects them into [`Remittance`]s.

use std::collections::VecDeque;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::piece::{Piece, PieceFeed, PieceReading};
use super::transaction::{Transaction, ids};
use crate::finding::Finding;
use crate::remit::{
    ClaimGroup, CompactString, Party, Payment, ProviderAdjustment, RemitClaim, Remittance,
};
use crate::x12::value::Elements;
use crate::x12::{EnvelopeChecker, EnvelopeReport, X12Error, X12Reader};

/// The start of an 835 transaction set: everything before the first group or claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitHeader {
    /// ST02.
    #[schemars(with = "String")]
    pub control_number: CompactString,
    /// ST03 or GS08.
    #[schemars(with = "String")]
    pub version: CompactString,
    /// BPR, TRN, CUR, REF, DTM*405.
    pub payment: Payment,
    /// N1*PR loop.
    pub payer: Party,
    /// N1*PE loop.
    pub payee: Party,
}

/// The end of an 835 transaction set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitTrailer {
    /// ST02.
    #[schemars(with = "String")]
    pub control_number: CompactString,
    /// How many claims the set held.
    pub claims: usize,
    /// PLB provider-level adjustments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provider_adjustments: Vec<ProviderAdjustment>,
    /// Transaction balance, SE envelope findings, header, group and PLB reading findings,
    /// and the segments and elements the model does not carry.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// One step of a streamed 835 (as JSON, one line of `medbill x12 json`:
/// `{"begin": …}`, `{"group": …}`, `{"claim": {"index", "claim", "findings"}}`,
/// `{"end": …}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum RemitEvent {
    /// A transaction set began.
    Begin(Box<RemitHeader>),
    /// An LX group began; the claims from its `first_claim` on belong to it.
    Group(Box<ClaimGroup>),
    /// A claim was read, with its balancing and reading findings (paths
    /// `/claims/{index}/…` or segment positions).
    #[serde(rename_all = "camelCase")]
    Claim {
        /// 0-based position of the claim in its transaction set.
        index: usize,
        /// The claim (boxed: events move through a queue, a pointer moves cheaply).
        claim: Box<RemitClaim>,
        /// Findings about this claim.
        findings: Vec<Finding>,
    },
    /// The transaction set ended.
    End(RemitTrailer),
}

/// Reads every 835 transaction set in the input. Each remittance carries its balancing and
/// reading findings, then the findings about the file's envelopes (GS/GE, ISA/IEA).
pub fn read_835(input: &[u8]) -> Result<Vec<Remittance>, X12Error> {
    let mut reader = RemitReader::new(input);
    let mut remittances = Vec::new();
    let mut current: Option<Remittance> = None;
    for event in reader.by_ref() {
        collect(event?, &mut current, &mut remittances);
    }
    let file = reader.file_findings();
    for r in &mut remittances {
        r.findings.extend(file.iter().cloned());
    }
    Ok(remittances)
}

/// Adds one event to the remittances being collected.
pub(super) fn collect(
    event: RemitEvent,
    current: &mut Option<Remittance>,
    remittances: &mut Vec<Remittance>,
) {
    match event {
        RemitEvent::Begin(header) => {
            let header = *header;
            *current = Some(Remittance {
                control_number: header.control_number,
                version: header.version,
                payment: header.payment,
                payer: header.payer,
                payee: header.payee,
                groups: Vec::new(),
                claims: Vec::new(),
                provider_adjustments: Vec::new(),
                findings: Vec::new(),
            });
        }
        RemitEvent::Group(group) => {
            if let Some(r) = current.as_mut() {
                r.groups.push(*group);
            }
        }
        RemitEvent::Claim {
            claim, findings, ..
        } => {
            if let Some(r) = current.as_mut() {
                r.claims.push(*claim);
                r.findings.extend(findings);
            }
        }
        RemitEvent::End(trailer) => {
            if let Some(mut r) = current.take() {
                r.provider_adjustments = trailer.provider_adjustments;
                r.findings.extend(trailer.findings);
                remittances.push(r);
            }
        }
    }
}

/// The source seen as a [`PieceFeed`], when it is one.
type AsPieces<R> = for<'x> fn(&'x mut R) -> &'x mut (dyn PieceFeed + 'x);

fn as_pieces<F: PieceFeed>(feed: &mut F) -> &mut (dyn PieceFeed + '_) {
    feed
}

/// A run of events in order from [`RemitReader::next_run`]: those the reader produced itself,
/// or the claims of one piece read apart, with who read them.
#[derive(Debug)]
pub struct Run {
    events: Vec<RemitEvent>,
    tag: Option<u64>,
}

impl Run {
    /// The events, in order.
    pub fn events(&self) -> &[RemitEvent] {
        &self.events
    }

    /// The [`Piece::tag`] of the piece read apart they come from, `None` when the reader
    /// read them itself.
    pub fn tag(&self) -> Option<u64> {
        self.tag
    }

    /// The events and their piece's tag.
    pub fn into_parts(self) -> (Vec<RemitEvent>, Option<u64>) {
        (self.events, self.tag)
    }
}

/// Streams the 835 transaction sets of any X12 input: memory holds one segment buffer and
/// one claim, whatever the size of the file. Other transaction sets are skipped (their
/// envelopes are still checked).
///
/// ```
/// use medbill::x12::{RemitEvent, RemitReader};
/// let file = b"ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~\
/// GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*I*80*C*CHK************20261127~TRN*1*CHK1*1999999999~\
/// N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~CLP*PCN1*1*100*80**12*ICN1~CAS*CO*45*20~SE*10*0001~GE*1*1~IEA*1*000000001~";
/// let mut paid = Vec::new();
/// for event in RemitReader::new(&file[..]) {
///     if let RemitEvent::Claim { claim, findings, .. } = event.unwrap() {
///         assert!(findings.is_empty());
///         paid.push(claim.paid.map(|p| p.to_string()));
///     }
/// }
/// assert_eq!(paid, [Some("80.00".to_owned())]);
/// ```
///
/// On several threads: `medbill-batch`'s threaded reader hands pieces of the input, read on
/// worker threads with [`super::read_piece`], to [`RemitReader::with_pieces`]; the events,
/// findings and positions are exactly those of [`RemitReader::new`].
pub struct RemitReader<R> {
    segments: X12Reader<R>,
    /// How to reach the source's pieces ([`RemitReader::with_pieces`]).
    pieces: Option<AsPieces<R>>,
    envelope: EnvelopeChecker,
    /// The envelope report, once the input has ended.
    report: Option<EnvelopeReport>,
    transaction: Option<Transaction>,
    queue: VecDeque<RemitEvent>,
    /// Envelope findings up to here are handed out (to a transaction or the file list).
    envelope_taken: usize,
    file_findings: Vec<Finding>,
    /// Element end offsets of the current segment, reused.
    ends: Vec<u32>,
    done: bool,
    /// A piece's run waiting behind the claim that was open before it.
    pending_run: Option<Run>,
}

impl<R: std::io::Read> RemitReader<R> {
    /// A reader over any byte source (a file, a socket, a slice).
    pub fn new(source: R) -> RemitReader<R> {
        RemitReader {
            segments: X12Reader::new(source),
            pieces: None,
            envelope: EnvelopeChecker::default(),
            report: None,
            transaction: None,
            queue: VecDeque::with_capacity(4),
            envelope_taken: 0,
            file_findings: Vec::new(),
            ends: Vec::with_capacity(64),
            done: false,
            pending_run: None,
        }
    }

    /// Envelope findings that belong to no 835 set (GS/GE, ISA/IEA, other sets). Complete
    /// once the reader has returned `None`.
    pub fn file_findings(&self) -> &[Finding] {
        &self.file_findings
    }

    /// The envelope report of the whole input (interchanges, groups, every transaction set
    /// with its segment count, every envelope finding), once the reader has returned `None`.
    pub fn envelope_report(&self) -> Option<&EnvelopeReport> {
        self.report.as_ref()
    }

    /// The next events, in order, as a run: what the reader produced on this thread, or the
    /// claims of one piece read apart ([`RemitReader::with_pieces`]), so a host can free
    /// them where they were allocated.
    pub fn next_run(&mut self) -> Option<Result<Run, X12Error>> {
        loop {
            if !self.queue.is_empty() {
                let events: Vec<RemitEvent> = self.queue.drain(..).collect();
                return Some(Ok(Run { events, tag: None }));
            }
            if let Some(run) = self.pending_run.take() {
                return Some(Ok(run));
            }
            if self.done {
                return None;
            }
            if let Some(run) = self.take_piece() {
                if self.queue.is_empty() {
                    return Some(Ok(run));
                }
                // The claim that was open here goes first, in a run of its own.
                self.pending_run = Some(run);
                continue;
            }
            if let Err(error) = self.step() {
                return Some(Err(error));
            }
        }
    }

    /// Between claims of an 835 set, exactly at the start of the next piece: the events
    /// read from it, in their places (any claim or group open here queued before them).
    /// `None` when the reader must go on segment by segment (the piece's bytes are then
    /// given back to it).
    fn take_piece(&mut self) -> Option<Run> {
        let pieces = self.pieces?;
        if !self.transaction.as_ref()?.is_between_claims() {
            return None;
        }
        let delimiters = self.segments.delimiters()?;
        // From the first claim on, input comes in pieces cut at claims.
        pieces(self.segments.source_mut()).cut_with(delimiters);
        if !self.segments.at_boundary() {
            return None;
        }
        let feed = pieces(self.segments.source_mut());
        let Piece {
            bytes,
            reading,
            tag,
        } = feed.next_piece()?;
        let reading = match reading {
            Some(reading) if reading.delimiters == delimiters => reading,
            _ => {
                feed.give_back(bytes);
                return None;
            }
        };
        feed.recycle(bytes);
        let PieceReading {
            events,
            paid,
            segments,
            findings,
            mut envelope,
            not_carried,
            ..
        } = reading;
        let base = self.segments.position();
        let transaction = self.transaction.as_mut()?;
        let events = transaction.accept(events, paid, findings, not_carried, base, &mut self.queue);
        for f in &mut envelope {
            super::transaction::rebase(f, base, 0);
        }
        self.segments.skip_segments(segments);
        self.envelope.body_segments(segments, envelope);
        Some(Run { events, tag })
    }

    fn take_envelope_findings(&mut self) -> Vec<Finding> {
        take_from(&self.envelope, &mut self.envelope_taken)
    }

    fn finish_input(&mut self) {
        if let Some(transaction) = self.transaction.take() {
            // A set cut off before its SE is still returned (the envelope finding says so).
            let envelope = self.take_envelope_findings();
            transaction.end(envelope, &mut self.queue);
        }
        let rest = self.take_envelope_findings();
        self.file_findings.extend(rest);
        let report = std::mem::take(&mut self.envelope).finish();
        self.file_findings
            .extend(report.findings.iter().skip(self.envelope_taken).cloned());
        self.report = Some(report);
    }

    /// Reads one segment (or finishes the input), queueing the events it completes.
    fn step(&mut self) -> Result<(), X12Error> {
        let segment = match self.segments.next_split(&mut self.ends) {
            None => {
                self.done = true;
                self.finish_input();
                return Ok(());
            }
            Some(Err(error)) => {
                self.done = true;
                return Err(error);
            }
            Some(Ok(segment)) => segment,
        };
        if let Err(error) = self.envelope.segment(&segment) {
            self.done = true;
            return Err(error);
        }
        if segment.raw().is_empty() {
            // The envelope check names it.
            return Ok(());
        }
        // Elements that are not text read as empty; the envelope check names them.
        let fields = Elements::with_ends(&segment, &self.ends);
        match fields.tag() {
            ids::ST => {
                // Envelope findings before this set belong to the file.
                let before = take_from(&self.envelope, &mut self.envelope_taken);
                self.file_findings.extend(before);
                if let Some(open) = self.transaction.take() {
                    open.end(Vec::new(), &mut self.queue);
                }
                if fields.get(1) == "835" {
                    let version = self.envelope.version().unwrap_or("").into();
                    self.transaction = Some(Transaction::new(fields.get(2), version));
                }
            }
            ids::SE => {
                if let Some(open) = self.transaction.take() {
                    let envelope = take_from(&self.envelope, &mut self.envelope_taken);
                    open.end(envelope, &mut self.queue);
                }
            }
            _ => {
                if let Some(open) = self.transaction.as_mut() {
                    open.segment(&fields, &mut self.queue);
                }
            }
        }
        Ok(())
    }
}

impl<F: PieceFeed> RemitReader<F> {
    /// A reader over a host's [`PieceFeed`]: bytes, and pieces of the claim loop read ahead
    /// elsewhere (`medbill-batch` reads them on worker threads). Consume it with
    /// [`RemitReader::next_run`] to know which events a piece's reader allocated.
    pub fn with_pieces(feed: F) -> RemitReader<F> {
        let mut reader = RemitReader::new(feed);
        reader.pieces = Some(as_pieces::<F>);
        reader
    }

    /// The feed.
    pub fn feed(&self) -> &F {
        self.segments.source()
    }

    /// The feed, to take what it keeps beside the pieces it handed over.
    pub fn feed_mut(&mut self) -> &mut F {
        self.segments.source_mut()
    }
}

impl<R: std::io::Read> Iterator for RemitReader<R> {
    type Item = Result<RemitEvent, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some(Ok(event));
            }
            if let Some(run) = self.pending_run.take() {
                self.queue.extend(run.events);
                continue;
            }
            if self.done {
                return None;
            }
            if let Some(run) = self.take_piece() {
                // The claim open here (queued) goes before the piece's.
                self.queue.extend(run.events);
                continue;
            }
            if let Err(error) = self.step() {
                return Some(Err(error));
            }
        }
    }
}

/// The envelope findings after `taken`, which moves to the end.
fn take_from(envelope: &EnvelopeChecker, taken: &mut usize) -> Vec<Finding> {
    let all = envelope.findings();
    let new = all.get(*taken..).unwrap_or_default().to_vec();
    *taken = all.len();
    new
}
