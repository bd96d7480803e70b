//! Reading 835 transaction sets: [`RemitReader`] streams events (a header, one claim at a
//! time, a trailer) from any [`std::io::Read`] in constant memory; [`read_835`] collects them
//! into [`Remittance`]s.

use std::collections::VecDeque;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::feed::{Clean, Feed, FreeOn, Piece};
use crate::claim::PersonName;
use crate::codes::{Carc, GroupCode, Rarc};
use crate::finding::Finding;
use crate::money::Money;
use crate::phi::Phi;
use crate::remit::{
    ClaimStatus, Coded, CompactString, Party, Payment, ProviderAdjustment, QualifiedAmount,
    Reference, RemitAdjustment, RemitClaim, RemitLine, Remittance, ServiceProcedure, balance_claim,
};
use crate::x12::value::{self, Elements};
use crate::x12::{Delimiters, EnvelopeChecker, PieceTokenizer, X12Error, X12Reader};

/// The start of an 835 transaction set: everything before the first claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitHeader {
    /// ST02.
    #[schemars(with = "String")]
    pub control_number: CompactString,
    /// ST03 or GS08.
    #[schemars(with = "String")]
    pub version: CompactString,
    /// BPR and TRN.
    pub payment: Payment,
    /// N1*PR.
    pub payer: Party,
    /// N1*PE.
    pub payee: Party,
}

/// The end of an 835 transaction set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitTrailer {
    /// ST02.
    #[schemars(with = "String")]
    pub control_number: CompactString,
    /// How many claims the set held.
    pub claims: usize,
    /// PLB provider-level adjustments.
    pub provider_adjustments: Vec<ProviderAdjustment>,
    /// Transaction balance, SE envelope findings, header and PLB reading findings, and the
    /// segments the model does not carry.
    pub findings: Vec<Finding>,
}

/// One step of a streamed 835.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemitEvent {
    /// A transaction set began.
    Begin(Box<RemitHeader>),
    /// A claim was read, with its balancing and reading findings (paths
    /// `/claims/{index}/…`).
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
        match event? {
            RemitEvent::Begin(header) => {
                let header = *header;
                current = Some(Remittance {
                    control_number: header.control_number,
                    version: header.version,
                    payment: header.payment,
                    payer: header.payer,
                    payee: header.payee,
                    claims: Vec::new(),
                    provider_adjustments: Vec::new(),
                    findings: Vec::new(),
                });
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
    let file = reader.file_findings();
    for r in &mut remittances {
        r.findings.extend(file.iter().cloned());
    }
    Ok(remittances)
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
///         paid.push(claim.paid.to_string());
///     }
/// }
/// assert_eq!(paid, ["80.00"]);
/// ```
pub struct RemitReader<R> {
    segments: X12Reader<Feed<R>>,
    envelope: EnvelopeChecker,
    transaction: Option<Transaction>,
    queue: VecDeque<RemitEvent>,
    /// Envelope findings up to here are handed out (to a transaction or the file list).
    envelope_taken: usize,
    file_findings: Vec<Finding>,
    /// Element end offsets of the current segment, reused.
    ends: Vec<u32>,
    done: bool,
    /// A worker's batch waiting behind the claim that was open before it.
    pending_batch: Option<RemitBatch>,
}

/// A run of events from [`RemitReader::next_batch`]. Dropping it frees the claims a worker
/// read on that worker.
pub struct RemitBatch {
    events: Vec<RemitEvent>,
    free_on: Option<FreeOn>,
}

impl RemitBatch {
    /// The events, in order.
    pub fn events(&self) -> &[RemitEvent] {
        &self.events
    }

    /// Whether a worker thread read these events (else the reader's own thread did).
    pub fn read_by_worker(&self) -> bool {
        self.free_on.is_some()
    }

    /// The events, to keep (their memory is then freed wherever they are dropped).
    pub fn into_events(mut self) -> Vec<RemitEvent> {
        std::mem::take(&mut self.events)
    }
}

impl Drop for RemitBatch {
    fn drop(&mut self) {
        if let Some(free_on) = self.free_on.take() {
            free_on.free(std::mem::take(&mut self.events));
        }
    }
}

impl<R: std::io::Read> RemitReader<R> {
    /// A reader over any byte source (a file, a socket, a slice).
    pub fn new(source: R) -> RemitReader<R> {
        RemitReader::over(Feed::direct(source))
    }

    /// A reader that reads claims on `threads` threads: the caller's and `threads - 1`
    /// workers (so the number of cores suits), each taking a piece of about `piece_bytes`
    /// of input at a time (64 KiB suits: claims are freed while still in cache). Workers
    /// read ahead; the caller, rather than wait for the next piece, reads one itself. The
    /// events, findings and positions are exactly those of [`RemitReader::new`]: pieces are
    /// read apart only when they hold nothing but clean claims, and anything else (headers,
    /// PLB, envelopes, any finding) is read in order on the caller's thread. Consume it
    /// with [`RemitReader::next_batch`] to have each claim freed on the thread that read it.
    /// Memory stays bounded: at most three pieces per worker are in flight. With fewer than
    /// two threads, or where threads cannot be started (WebAssembly), it reads like `new`.
    ///
    /// ```
    /// use medbill::x12::{RemitEvent, RemitReader};
    /// # let file = b"ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~\
    /// # GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*I*80*C*CHK************20261127~TRN*1*CHK1*1999999999~\
    /// # N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~CLP*PCN1*1*100*80**12*ICN1~CAS*CO*45*20~SE*10*0001~GE*1*1~IEA*1*000000001~";
    /// let claims = RemitReader::with_threads(&file[..], 2, 64 * 1024)
    ///     .filter(|e| matches!(e, Ok(RemitEvent::Claim { .. })))
    ///     .count();
    /// assert_eq!(claims, 1);
    /// ```
    pub fn with_threads(source: R, threads: usize, piece_bytes: usize) -> RemitReader<R> {
        let workers = threads.saturating_sub(1);
        RemitReader::over(Feed::parallel(source, workers, piece_bytes, parse_piece))
    }

    fn over(feed: Feed<R>) -> RemitReader<R> {
        RemitReader {
            segments: X12Reader::new(feed),
            envelope: EnvelopeChecker::default(),
            transaction: None,
            queue: VecDeque::with_capacity(4),
            envelope_taken: 0,
            file_findings: Vec::new(),
            ends: Vec::with_capacity(64),
            done: false,
            pending_batch: None,
        }
    }

    /// Between claims of an 835 set, exactly at the start of the next piece: the claim
    /// events a worker read from it (indices set, and any claim open here queued before
    /// them), its segments counted as read. `None` when the reader must go on segment by
    /// segment (the piece's bytes are then queued for it).
    fn take_clean_piece(&mut self) -> Option<(Vec<RemitEvent>, Option<FreeOn>)> {
        let between_claims = self
            .transaction
            .as_ref()
            .is_some_and(|t| t.header.is_none() && matches!(t.level, Level::Claim | Level::Line));
        if !between_claims {
            return None;
        }
        let delimiters = self.segments.delimiters()?;
        // From the first claim on, input comes in pieces cut at claims.
        self.segments.source_mut().cut_with(delimiters);
        if !self.segments.at_boundary() {
            return None;
        }
        let piece = self.segments.source_mut().next_piece()?;
        let Piece {
            bytes,
            clean,
            worker,
        } = piece;
        match (clean, self.transaction.as_mut()) {
            (Some(mut clean), Some(transaction)) if clean.delimiters == delimiters => {
                transaction.accept(&mut clean, &mut self.queue);
                self.segments.skip_segments(clean.segments);
                self.envelope.body_segments(clean.segments);
                let feed = self.segments.source_mut();
                feed.recycle(bytes);
                Some((clean.events, worker.and_then(|w| feed.free_on(w))))
            }
            _ => {
                self.segments.source_mut().give_back(bytes);
                None
            }
        }
    }

    /// The next events, in order, as a batch: a run of claims a worker read (with
    /// [`RemitReader::with_threads`]) or what the reader produced on this thread. The fast
    /// way to consume a large 835 with threads: read the claims in place and let the batch
    /// go, and its memory is freed on the worker that allocated it, where freeing costs
    /// least. Taking the events out ([`RemitBatch::into_events`]) works too.
    ///
    /// ```
    /// use medbill::x12::{RemitEvent, RemitReader};
    /// # let file = b"ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~\
    /// # GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*I*80*C*CHK************20261127~TRN*1*CHK1*1999999999~\
    /// # N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~CLP*PCN1*1*100*80**12*ICN1~CAS*CO*45*20~SE*10*0001~GE*1*1~IEA*1*000000001~";
    /// let mut reader = RemitReader::with_threads(&file[..], 2, 64 * 1024);
    /// let mut paid = medbill::Money::ZERO;
    /// while let Some(batch) = reader.next_batch() {
    ///     for event in batch.unwrap().events() {
    ///         if let RemitEvent::Claim { claim, .. } = event {
    ///             paid = paid.checked_add(claim.paid).unwrap();
    ///         }
    ///     }
    /// }
    /// assert_eq!(paid.to_string(), "80.00");
    /// ```
    pub fn next_batch(&mut self) -> Option<Result<RemitBatch, X12Error>> {
        loop {
            if !self.queue.is_empty() {
                let events: Vec<RemitEvent> = self.queue.drain(..).collect();
                return Some(Ok(RemitBatch {
                    events,
                    free_on: None,
                }));
            }
            if let Some(batch) = self.pending_batch.take() {
                return Some(Ok(batch));
            }
            if self.done {
                return None;
            }
            if self.segments.source().is_parallel() {
                if let Some((events, free_on)) = self.take_clean_piece() {
                    let batch = RemitBatch { events, free_on };
                    if self.queue.is_empty() {
                        return Some(Ok(batch));
                    }
                    // The claim that was open here goes first, in a batch of its own.
                    self.pending_batch = Some(batch);
                    continue;
                }
            }
            if let Err(error) = self.step() {
                return Some(Err(error));
            }
        }
    }

    /// Envelope findings that belong to no 835 set (GS/GE, ISA/IEA, other sets). Complete
    /// once the reader has returned `None`.
    pub fn file_findings(&self) -> &[Finding] {
        &self.file_findings
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
            .extend(report.findings.into_iter().skip(self.envelope_taken));
    }
}

impl<R: std::io::Read> Iterator for RemitReader<R> {
    type Item = Result<RemitEvent, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some(Ok(event));
            }
            if let Some(batch) = self.pending_batch.take() {
                self.queue.extend(batch.into_events());
                continue;
            }
            if self.done {
                return None;
            }
            if self.segments.source().is_parallel() {
                if let Some((events, _)) = self.take_clean_piece() {
                    // Handed out one by one, the claims are freed wherever the caller drops
                    // them (`next_batch` frees them on their worker).
                    self.queue.extend(events);
                    continue;
                }
            }
            if let Err(error) = self.step() {
                return Some(Err(error));
            }
        }
    }
}

impl<R: std::io::Read> RemitReader<R> {
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

/// The envelope findings after `taken`, which moves to the end.
fn take_from(envelope: &EnvelopeChecker, taken: &mut usize) -> Vec<Finding> {
    let all = envelope.findings();
    let new = all.get(*taken..).unwrap_or_default().to_vec();
    *taken = all.len();
    new
}

/// The 835's reading of element values, with the findings it gives for values that are not
/// what the guide says (the parsing is the shared [`value`] kit's).
trait RemitValues<'a> {
    /// Element `n` as a compact string, `None` when absent or empty.
    fn compact(&self, n: usize) -> Option<CompactString>;
    /// An X12 decimal as exact money; 0 with a finding when it is not one.
    fn amount(&self, n: usize, findings: &mut Vec<Finding>) -> Money;
    /// [`RemitValues::amount`], `None` when the element is absent or empty.
    fn optional_amount(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Money>;
    /// A decimal quantity, `None` (with a finding when sent) when it is not one.
    fn quantity(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Decimal>;
    /// A `CCYYMMDD` date, `None` (with a finding when sent) when it is not one.
    fn date(&self, n: usize, findings: &mut Vec<Finding>) -> Option<NaiveDate>;
    /// A composite procedure (`SVC01`, `SVC06`): qualifier, code, up to four modifiers.
    fn procedure(&self, n: usize) -> Option<ServiceProcedure>;
}

impl<'a> RemitValues<'a> for Elements<'a> {
    fn compact(&self, n: usize) -> Option<CompactString> {
        self.optional(n).map(CompactString::from)
    }

    fn amount(&self, n: usize, findings: &mut Vec<Finding>) -> Money {
        match value::amount(self.get(n)) {
            Some(money) => money,
            None => {
                findings.push(Finding::error(
                    "REMIT-AMOUNT",
                    self.at(n),
                    "not a decimal amount; read as 0",
                ));
                Money::ZERO
            }
        }
    }

    fn optional_amount(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Money> {
        self.has(n).then(|| self.amount(n, findings))
    }

    fn quantity(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Decimal> {
        let text = self.optional(n)?;
        let parsed = value::decimal(text);
        if parsed.is_none() {
            findings.push(Finding::error(
                "REMIT-QUANTITY",
                self.at(n),
                "not a decimal quantity; left out",
            ));
        }
        parsed
    }

    fn date(&self, n: usize, findings: &mut Vec<Finding>) -> Option<NaiveDate> {
        let text = self.optional(n)?;
        let parsed = value::date8(text);
        if parsed.is_none() {
            findings.push(Finding::error(
                "REMIT-DATE",
                self.at(n),
                "not a CCYYMMDD date; left out",
            ));
        }
        parsed
    }

    fn procedure(&self, n: usize) -> Option<ServiceProcedure> {
        self.optional(n)?;
        let mut parts = self.components(n);
        let qualifier = parts.next().unwrap_or("").into();
        let code = parts.next().unwrap_or("").into();
        let modifiers = parts
            .take(4)
            .filter(|m| !m.is_empty())
            .map(CompactString::from)
            .collect();
        let procedure = ServiceProcedure {
            qualifier,
            code,
            modifiers,
        };
        // `:` alone names nothing.
        let empty = procedure.qualifier.is_empty()
            && procedure.code.is_empty()
            && procedure.modifiers.is_empty();
        (!empty).then_some(procedure)
    }
}

/// Segment ids the reader dispatches on.
mod ids {
    use crate::x12::value::tag;
    pub(super) const AMT: u32 = tag("AMT");
    pub(super) const BPR: u32 = tag("BPR");
    pub(super) const GE: u32 = tag("GE");
    pub(super) const GS: u32 = tag("GS");
    pub(super) const IEA: u32 = tag("IEA");
    pub(super) const ISA: u32 = tag("ISA");
    pub(super) const CAS: u32 = tag("CAS");
    pub(super) const CLP: u32 = tag("CLP");
    pub(super) const DTM: u32 = tag("DTM");
    pub(super) const LQ: u32 = tag("LQ");
    pub(super) const LX: u32 = tag("LX");
    pub(super) const MIA: u32 = tag("MIA");
    pub(super) const MOA: u32 = tag("MOA");
    pub(super) const N1: u32 = tag("N1");
    pub(super) const N3: u32 = tag("N3");
    pub(super) const N4: u32 = tag("N4");
    pub(super) const NM1: u32 = tag("NM1");
    pub(super) const PER: u32 = tag("PER");
    pub(super) const PLB: u32 = tag("PLB");
    pub(super) const REF: u32 = tag("REF");
    pub(super) const SE: u32 = tag("SE");
    pub(super) const ST: u32 = tag("ST");
    pub(super) const SVC: u32 = tag("SVC");
    pub(super) const TRN: u32 = tag("TRN");
}

fn coded<T, E>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    at: impl Fn() -> String,
    what: &str,
    findings: &mut Vec<Finding>,
) -> Coded<T> {
    match parse(text) {
        Ok(code) => Coded::Known(code),
        Err(_) => {
            findings.push(Finding::warning(
                "REMIT-CODE",
                at(),
                format!("not a valid {what}; kept as sent"),
            ));
            Coded::Unrecognized(text.into())
        }
    }
}

/// Where N1 loops belong.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PartyRole {
    Payer,
    Payee,
    Other,
}

/// Which loop the segments being read belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Header,
    Claim,
    Line,
    Trailer,
}

struct Transaction {
    header: Option<RemitHeader>,
    control_number: String,
    party: PartyRole,
    level: Level,
    claim: Option<(Box<RemitClaim>, Vec<Finding>)>,
    claims: usize,
    payment_amount: Money,
    /// Σ CLP04 so far; `None` after an overflow.
    paid: Option<Money>,
    provider_adjustments: Vec<ProviderAdjustment>,
    findings: Vec<Finding>,
    /// (segment id, first position, count) of segments the model does not carry.
    not_carried: Vec<(String, usize, usize)>,
    /// Where each segment id (as a tag) is in `not_carried`.
    not_carried_at: FxHashMap<u32, usize>,
}

impl Transaction {
    fn new(control_number: &str, version: String) -> Transaction {
        Transaction {
            header: Some(RemitHeader {
                control_number: control_number.into(),
                version: version.into(),
                payment: Payment::default(),
                payer: Party::default(),
                payee: Party::default(),
            }),
            control_number: control_number.into(),
            party: PartyRole::Other,
            level: Level::Header,
            claim: None,
            claims: 0,
            payment_amount: Money::ZERO,
            paid: Some(Money::ZERO),
            provider_adjustments: Vec::new(),
            findings: Vec::new(),
            not_carried: Vec::new(),
            not_carried_at: FxHashMap::default(),
        }
    }

    fn not_carried(&mut self, fields: &Elements<'_>) {
        // An id that is not a plain two or three letter code is `?`: no data in findings.
        let id = fields.safe_id();
        let key = value::tag(id);
        match self
            .not_carried_at
            .get(&key)
            .and_then(|&i| self.not_carried.get_mut(i))
        {
            Some(entry) => entry.2 = entry.2.saturating_add(1),
            None => {
                self.not_carried_at.insert(key, self.not_carried.len());
                self.not_carried.push((id.into(), fields.position(), 1));
            }
        }
    }

    /// Emits the header once, before the first claim (or at the end of an empty set).
    fn begin(&mut self, queue: &mut VecDeque<RemitEvent>) {
        if let Some(header) = self.header.take() {
            queue.push_back(RemitEvent::Begin(Box::new(header)));
        }
    }

    fn finish_claim(&mut self, queue: &mut VecDeque<RemitEvent>) {
        let Some((claim, mut findings)) = self.claim.take() else {
            return;
        };
        balance_claim(&claim, self.claims, &mut findings);
        self.paid = self.paid.and_then(|p| p.checked_add(claim.paid).ok());
        queue.push_back(RemitEvent::Claim {
            index: self.claims,
            claim,
            findings,
        });
        self.claims = self.claims.saturating_add(1);
    }

    /// Claims a worker read (clean: no findings), after the claim open here: their
    /// indices follow this set's count, their payments join its total.
    fn accept(&mut self, clean: &mut Clean, queue: &mut VecDeque<RemitEvent>) {
        self.finish_claim(queue);
        for event in &mut clean.events {
            if let RemitEvent::Claim { index, .. } = event {
                *index = index.saturating_add(self.claims);
            }
        }
        self.claims = self.claims.saturating_add(clean.events.len());
        self.paid = self
            .paid
            .and_then(|p| clean.paid.and_then(|q| p.checked_add(q).ok()));
        self.level = Level::Claim;
    }

    fn end(mut self, envelope: Vec<Finding>, queue: &mut VecDeque<RemitEvent>) {
        self.begin(queue);
        self.finish_claim(queue);
        let plb = Money::sum(self.provider_adjustments.iter().map(|p| p.amount));
        let expected = self
            .paid
            .and_then(|p| plb.ok().and_then(|b| p.checked_sub(b).ok()));
        // The header was handed out; its payment is kept here for the check.
        if expected != Some(self.payment_amount) {
            self.findings.push(Finding::warning(
                "REMIT-TRANSACTION-BALANCE",
                "/payment/amount",
                "the claims' payments less the provider adjustments do not equal the total payment",
            ));
        }
        for (id, first, count) in &self.not_carried {
            self.findings.push(Finding::warning(
                "X12-NOT-CARRIED",
                format!("segment {first} {id}"),
                format!("{count} {id} segment(s) not carried by the remittance model"),
            ));
        }
        self.findings.extend(envelope);
        queue.push_back(RemitEvent::End(RemitTrailer {
            control_number: self.control_number.into(),
            claims: self.claims,
            provider_adjustments: self.provider_adjustments,
            findings: self.findings,
        }));
    }
}

impl Transaction {
    fn segment(&mut self, f: &Elements<'_>, queue: &mut VecDeque<RemitEvent>) {
        match (f.tag(), self.level) {
            (ids::CLP, _) => {
                self.begin(queue);
                self.finish_claim(queue);
                self.level = Level::Claim;
                let mut findings = Vec::new();
                let at = || f.at(2);
                let claim = RemitClaim {
                    patient_control_number: f.get(1).into(),
                    status: coded(
                        f.get(2),
                        |s| ClaimStatus::parse(s).ok_or(()),
                        at,
                        "CLP02 claim status",
                        &mut findings,
                    ),
                    charge: f.amount(3, &mut findings),
                    paid: f.amount(4, &mut findings),
                    patient_responsibility: f.optional_amount(5, &mut findings),
                    filing_indicator: f.compact(6),
                    payer_claim_number: f.compact(7),
                    facility_code: f.compact(8),
                    frequency: f.compact(9),
                    patient_name: None,
                    member_id: None,
                    statement_from: None,
                    statement_through: None,
                    received: None,
                    adjustments: Vec::new(),
                    remarks: Vec::new(),
                    references: Vec::new(),
                    amounts: Vec::new(),
                    lines: Vec::new(),
                };
                self.claim = Some((Box::new(claim), findings));
            }
            (ids::PLB, _) => {
                self.begin(queue);
                self.finish_claim(queue);
                self.level = Level::Trailer;
                let provider = CompactString::from(f.get(1));
                let fiscal_period_end = f.date(2, &mut self.findings);
                // Up to six (reason:reference, amount) pairs from PLB03.
                for first in (3..=13).step_by(2) {
                    let code = f.get(first);
                    if code.is_empty() && f.get(first.saturating_add(1)).is_empty() {
                        continue;
                    }
                    if code.is_empty() || code.starts_with(char::from(f.delimiters().component)) {
                        self.findings.push(Finding::error(
                            "REMIT-PLB-REASON",
                            f.at(first),
                            "provider adjustment without a reason code; kept with its amount",
                        ));
                    }
                    let component = char::from(f.delimiters().component);
                    let (reason, reference) = match code.split_once(component) {
                        Some((reason, reference)) => (
                            reason.into(),
                            Some(reference).filter(|r| !r.is_empty()).map(Into::into),
                        ),
                        None => {
                            foreign_separator(f, first, &mut self.findings);
                            (code.into(), None)
                        }
                    };
                    let amount = f.amount(first.saturating_add(1), &mut self.findings);
                    self.provider_adjustments.push(ProviderAdjustment {
                        provider: provider.clone(),
                        fiscal_period_end,
                        reason,
                        reference,
                        amount,
                    });
                }
            }
            (_, Level::Header) => self.header_segment(f, queue),
            (_, Level::Claim | Level::Line) => self.claim_segment(f),
            (_, Level::Trailer) => self.not_carried(f),
        }
    }

    fn header_segment(&mut self, f: &Elements<'_>, queue: &mut VecDeque<RemitEvent>) {
        let Some(header) = self.header.as_mut() else {
            return;
        };
        let findings = &mut self.findings;
        match f.tag() {
            ids::BPR => {
                let p = &mut header.payment;
                p.handling = f.get(1).into();
                p.amount = f.amount(2, findings);
                p.credit_debit = f.get(3).into();
                p.method = f.get(4).into();
                p.date = f.date(16, findings);
                self.payment_amount = p.amount;
            }
            ids::TRN => {
                header.payment.trace_number = f.compact(2);
                header.payment.payer_identifier = f.compact(3);
            }
            ids::DTM if f.get(1) == "405" => header.payment.production_date = f.date(2, findings),
            ids::N1 => {
                self.party = match f.get(1) {
                    "PR" => PartyRole::Payer,
                    "PE" => PartyRole::Payee,
                    _ => PartyRole::Other,
                };
                if self.party != PartyRole::Other && f.trimmed(2).is_empty() {
                    findings.push(Finding::error(
                        "X12-NAME-REQUIRED",
                        f.at(2),
                        "empty, where the implementation guide requires the payer's or payee's \
                         name",
                    ));
                }
                let party = Party {
                    name: f.get(2).into(),
                    id_qualifier: f.compact(3),
                    id: f.compact(4),
                    address: None,
                    references: Vec::new(),
                    contacts: Vec::new(),
                };
                match self.party {
                    PartyRole::Payer => header.payer = party,
                    PartyRole::Payee => header.payee = party,
                    PartyRole::Other => self.not_carried(f),
                }
            }
            ids::N3 | ids::N4 | ids::REF | ids::PER if self.party != PartyRole::Other => {
                let party = if self.party == PartyRole::Payer {
                    &mut header.payer
                } else {
                    &mut header.payee
                };
                if f.id() == "REF" {
                    party.references.push(reference(f));
                    return;
                }
                if f.id() == "PER" {
                    let numbers = [(3, 4), (5, 6), (7, 8)]
                        .into_iter()
                        .filter(|&(q, _)| !f.get(q).is_empty())
                        .map(|(q, v)| Reference {
                            qualifier: f.get(q).into(),
                            value: f.get(v).into(),
                        })
                        .collect();
                    party.contacts.push(crate::remit::Contact {
                        function: f.get(1).into(),
                        name: f.compact(2),
                        numbers,
                    });
                    return;
                }
                let address = party.address.get_or_insert_with(|| crate::claim::Address {
                    lines: Vec::new(),
                    city: String::new(),
                    state: String::new(),
                    postal_code: String::new(),
                });
                if f.id() == "N3" {
                    address.lines = [f.get(1), f.get(2)]
                        .into_iter()
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect();
                } else {
                    address.city = f.get(1).into();
                    address.state = f.get(2).into();
                    address.postal_code = f.get(3).into();
                }
            }
            ids::REF => header.payment.references.push(reference(f)),
            // LX only numbers the claim groups.
            ids::LX => self.begin(queue),
            _ => self.not_carried(f),
        }
    }

    fn claim_segment(&mut self, f: &Elements<'_>) {
        let Some((claim, findings)) = self.claim.as_mut() else {
            // LX between claims numbers the next group; anything else before a CLP is
            // outside the model.
            if f.tag() != ids::LX {
                self.not_carried(f);
            }
            return;
        };
        let line = if self.level == Level::Line {
            claim.lines.last_mut()
        } else {
            None
        };
        match (f.tag(), line) {
            // LX only numbers groups of claims.
            (ids::LX, _) => {}
            (ids::SVC, _) => {
                let Some(procedure) = f.procedure(1) else {
                    findings.push(Finding::error(
                        "REMIT-SVC-PROCEDURE",
                        f.at(1),
                        "service line without a procedure; read with an empty one",
                    ));
                    let empty = ServiceProcedure {
                        qualifier: CompactString::default(),
                        code: CompactString::default(),
                        modifiers: Vec::new(),
                    };
                    claim.lines.push(new_line(empty, f, findings));
                    self.level = Level::Line;
                    return;
                };
                if procedure.code.is_empty() {
                    foreign_separator(f, 1, findings);
                }
                claim.lines.push(new_line(procedure, f, findings));
                self.level = Level::Line;
            }
            (ids::CAS, line) => {
                let group = coded(
                    f.get(1),
                    GroupCode::parse,
                    || f.at(1),
                    "CAS01 group code",
                    findings,
                );
                let target = match line {
                    Some(line) => &mut line.adjustments,
                    None => &mut claim.adjustments,
                };
                // Up to six (reason, amount, quantity) triples from CAS02.
                for first in (2..=17).step_by(3) {
                    let reason = f.get(first);
                    if reason.is_empty() {
                        break;
                    }
                    target.push(RemitAdjustment {
                        group: group.clone(),
                        reason: coded(reason, Carc::parse, || f.at(first), "CARC", findings),
                        amount: f.amount(first.saturating_add(1), findings),
                        quantity: f.quantity(first.saturating_add(2), findings),
                    });
                }
            }
            (ids::REF, Some(line)) if f.get(1) == "6R" => line.control_number = f.compact(2),
            (ids::REF, Some(line)) => line.references.push(reference(f)),
            (ids::REF, None) => claim.references.push(reference(f)),
            (ids::AMT, Some(line)) if f.get(1) == "B6" => {
                line.allowed = Some(f.amount(2, findings))
            }
            (ids::AMT, Some(line)) => line.amounts.push(QualifiedAmount {
                qualifier: f.get(1).into(),
                amount: f.amount(2, findings),
            }),
            (ids::AMT, None) => claim.amounts.push(QualifiedAmount {
                qualifier: f.get(1).into(),
                amount: f.amount(2, findings),
            }),
            (ids::DTM, Some(line)) => match f.get(1) {
                "472" | "150" => line.service_date = f.date(2, findings),
                "151" => line.service_date_end = f.date(2, findings),
                _ => self.not_carried(f),
            },
            (ids::DTM, None) => match f.get(1) {
                "232" => claim.statement_from = f.date(2, findings),
                "233" => claim.statement_through = f.date(2, findings),
                "050" => claim.received = f.date(2, findings),
                _ => self.not_carried(f),
            },
            (ids::LQ, Some(line)) if f.get(1) == "HE" => {
                let remark = coded(f.get(2), Rarc::parse, || f.at(2), "RARC", findings);
                line.remarks.push(remark);
            }
            (ids::MOA, None) => {
                for n in 3..=7 {
                    remark(f, n, &mut claim.remarks, findings);
                }
            }
            (ids::MIA, None) => {
                for n in [5, 20, 21, 22, 23] {
                    remark(f, n, &mut claim.remarks, findings);
                }
            }
            (ids::NM1, None) if matches!(f.get(1), "QC" | "IL") => {
                if f.get(1) == "QC"
                    && f.get(2) == "1"
                    && !(f.get(3).is_empty() && f.get(4).is_empty())
                {
                    claim.patient_name = Some(Phi::new(PersonName {
                        last: f.get(3).into(),
                        first: f.get(4).into(),
                        middle: f.compact(5).map(String::from),
                        suffix: f.compact(7).map(String::from),
                    }));
                }
                if claim.member_id.is_none() || f.get(1) == "QC" {
                    if let Some(id) = f.compact(9) {
                        claim.member_id = Some(Phi::new(id));
                    }
                }
            }
            (ids::NM1, None) if matches!(f.get(1), "TT" | "PR") => {
                // The crossover carrier and the corrected priority payer are not carried, but
                // the guide requires their names.
                if f.trimmed(3).is_empty() {
                    findings.push(Finding::error(
                        "X12-NAME-REQUIRED",
                        f.at(3),
                        "empty, where the implementation guide requires the payer's name",
                    ));
                }
                self.not_carried(f);
            }
            _ => self.not_carried(f),
        }
    }
}

/// A worker's reading of one piece: its claims when the piece is nothing but clean claims
/// (it starts with a CLP, every segment is terminated and belongs to the claim loop, and
/// reading finds nothing to report); `None` sends the piece to the sequential reader.
fn parse_piece(
    bytes: &[u8],
    delimiters: Delimiters,
    graveyard: &mut Vec<RemitEvent>,
) -> Option<Clean> {
    // Checked as text once for the whole piece, not segment by segment.
    let text = std::str::from_utf8(bytes).ok()?;
    let mut tokens = PieceTokenizer::new(bytes, delimiters);
    let mut ends = Vec::with_capacity(64);
    let mut transaction = Transaction::new("", String::new());
    transaction.header = None;
    transaction.level = Level::Claim;
    let mut queue = VecDeque::new();
    let mut segments = 0usize;
    while let Some((segment, start, terminated)) = tokens.next_split(&mut ends) {
        let length = segment.raw().len();
        // Anything the envelope check would name (an empty segment, control characters) is
        // for the sequential reader.
        if !terminated || length == 0 || !segment.is_plain() {
            return None;
        }
        let segment_text = text.get(start..start.saturating_add(length))?;
        let fields = Elements::with_text(&segment, segment_text, &ends);
        let claim_loop = match fields.tag() {
            ids::CLP => true,
            ids::ST | ids::SE | ids::PLB | ids::ISA | ids::IEA | ids::GS | ids::GE => false,
            _ => segments > 0,
        };
        if !claim_loop {
            return None;
        }
        if fields.tag() == ids::CLP {
            // A claim done with is freed as a new one is read (see the feed).
            drop(graveyard.pop());
        }
        transaction.segment(&fields, &mut queue);
        if !transaction.findings.is_empty() || !transaction.not_carried.is_empty() {
            return None;
        }
        segments = segments.saturating_add(1);
    }
    transaction.finish_claim(&mut queue);
    if queue
        .iter()
        .any(|e| !matches!(e, RemitEvent::Claim { findings, .. } if findings.is_empty()))
    {
        return None;
    }
    (segments > 0).then(|| Clean {
        events: queue.into(),
        paid: transaction.paid,
        segments,
        delimiters,
    })
}

fn reference(f: &Elements<'_>) -> Reference {
    Reference {
        qualifier: f.get(1).into(),
        value: f.get(2).into(),
    }
}

fn remark(f: &Elements<'_>, n: usize, remarks: &mut Vec<Coded<Rarc>>, findings: &mut Vec<Finding>) {
    let text = f.get(n);
    if !text.is_empty() {
        remarks.push(coded(text, Rarc::parse, || f.at(n), "RARC", findings));
    }
}

/// A composite element that seems written with another component separator than ISA16's
/// (`HC>99213` where ISA16 is `:`): it holds none of the file's but, right after a short code,
/// another separator senders use. It is read as sent (one component), with a warning.
fn foreign_separator(f: &Elements<'_>, n: usize, findings: &mut Vec<Finding>) {
    let text = f.get(n).as_bytes();
    let d = f.delimiters();
    if text.contains(&d.component) {
        return;
    }
    let ours = |c: u8| c == d.element || c == d.segment || Some(c) == d.repetition;
    let code = |at: usize| {
        let code = text.get(..at).unwrap_or_default();
        (1..=3).contains(&code.len())
            && code
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    let foreign = b":>^|\\<!".iter().filter(|&&c| !ours(c)).any(|&c| {
        memchr::memchr(c, text).is_some_and(|at| code(at) && at.saturating_add(1) < text.len())
    });
    if foreign {
        findings.push(Finding::warning(
            "X12-COMPONENT-SEPARATOR",
            f.at(n),
            "holds no component separator of this interchange (ISA16) but another one after \
             its qualifier or code: written with a different separator? Read as one component",
        ));
    }
}

fn new_line(
    procedure: ServiceProcedure,
    f: &Elements<'_>,
    findings: &mut Vec<Finding>,
) -> RemitLine {
    let submitted_procedure = f.procedure(6);
    if submitted_procedure
        .as_ref()
        .is_some_and(|p| p.code.is_empty())
    {
        foreign_separator(f, 6, findings);
    }
    RemitLine {
        procedure,
        submitted_procedure,
        charge: f.amount(2, findings),
        paid: f.amount(3, findings),
        revenue_code: f.compact(4),
        units_paid: f.quantity(5, findings),
        units_submitted: f.quantity(7, findings),
        service_date: None,
        service_date_end: None,
        adjustments: Vec::new(),
        control_number: None,
        references: Vec::new(),
        allowed: None,
        amounts: Vec::new(),
        remarks: Vec::new(),
    }
}
