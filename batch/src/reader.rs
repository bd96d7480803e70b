//! [`ThreadedRemitReader`]: the core's [`RemitReader`] over a [`ThreadedFeed`], with each
//! run of claims a worker read freed on that worker.

use medbill::Finding;
use medbill::x12::{EnvelopeReport, RemitEvent, RemitReader, X12Error};

use crate::feed::{FreeOn, Render, Rendered, ThreadedFeed};

/// Reads an 835 on several threads: the caller's and `threads - 1` workers (so the number
/// of cores suits), each taking a piece of about `piece_bytes` of input at a time (64 KiB
/// suits: claims are freed while still in cache). Workers read ahead; the caller, rather
/// than wait for the next piece, reads one itself. The events, findings and positions are
/// exactly those of [`RemitReader::new`] on the same input: a piece's reading is taken only
/// where it fits exactly, with its claim indices, segment positions and findings moved to
/// their places (pieces with findings are read apart too). Memory stays bounded: at most
/// three pieces per worker are in flight. With fewer than two threads, or where threads
/// cannot be started (WebAssembly), it reads like [`RemitReader::new`].
///
/// Consume it with [`ThreadedRemitReader::next_batch`] to have each claim freed on the
/// thread that read it, or as an iterator of events.
pub struct ThreadedRemitReader<R> {
    reader: RemitReader<ThreadedFeed<R>>,
}

impl<R: std::io::Read> ThreadedRemitReader<R> {
    /// A reader over any byte source, read on `threads` threads in pieces of about
    /// `piece_bytes`. The source is read on the caller's thread only.
    pub fn new(source: R, threads: usize, piece_bytes: usize) -> ThreadedRemitReader<R> {
        let feed = ThreadedFeed::new(source, threads.saturating_sub(1), piece_bytes, None);
        ThreadedRemitReader {
            reader: RemitReader::with_pieces(feed),
        }
    }

    /// [`ThreadedRemitReader::new`], each claim of a piece read apart also rendered by
    /// `render` on the thread that read it ([`RemitBatch::rendered`]): a caller that prints
    /// every claim (as JSON, as text) then only writes the bytes out. A claim's rendering
    /// sees the claim alone: its index and findings (whose positions are only known once the
    /// reader takes the piece) are the caller's to add.
    pub fn with_render(
        source: R,
        threads: usize,
        piece_bytes: usize,
        render: Render,
    ) -> ThreadedRemitReader<R> {
        let feed = ThreadedFeed::new(source, threads.saturating_sub(1), piece_bytes, Some(render));
        ThreadedRemitReader {
            reader: RemitReader::with_pieces(feed),
        }
    }

    /// The next events, in order, as a batch: a run of claims a worker read, or what the
    /// reader produced on this thread. The fast way to consume a large 835 with threads:
    /// read the claims in place and let the batch go, and its memory is freed on the worker
    /// that allocated it, where freeing costs least. Taking the events out
    /// ([`RemitBatch::into_events`]) works too.
    pub fn next_batch(&mut self) -> Option<Result<RemitBatch, X12Error>> {
        let run = match self.reader.next_run()? {
            Ok(run) => run,
            Err(error) => return Some(Err(error)),
        };
        let (events, tag) = run.into_parts();
        let handed = tag.and_then(|tag| self.reader.feed_mut().handed(tag));
        let (worker, rendered) = match handed {
            Some(handed) => (handed.worker, handed.rendered),
            None => (None, None),
        };
        let free_on = worker.and_then(|worker| self.reader.feed().free_on(worker));
        Some(Ok(RemitBatch {
            events,
            free_on,
            rendered,
        }))
    }

    /// Envelope findings that belong to no 835 set (GS/GE, ISA/IEA, other sets). Complete
    /// once the reader has returned `None`.
    pub fn file_findings(&self) -> &[Finding] {
        self.reader.file_findings()
    }

    /// The envelope report of the whole input, once the reader has returned `None`.
    pub fn envelope_report(&self) -> Option<&EnvelopeReport> {
        self.reader.envelope_report()
    }

    /// How many worker threads run besides the caller's (0 where threads cannot start).
    pub fn workers(&self) -> usize {
        self.reader.feed().workers()
    }
}

impl<R: std::io::Read> Iterator for ThreadedRemitReader<R> {
    type Item = Result<RemitEvent, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.next()
    }
}

/// A run of events from [`ThreadedRemitReader::next_batch`]. Dropping it frees the claims a
/// worker read on that worker.
pub struct RemitBatch {
    events: Vec<RemitEvent>,
    free_on: Option<FreeOn>,
    rendered: Option<Rendered>,
}

impl RemitBatch {
    /// The events, in order.
    pub fn events(&self) -> &[RemitEvent] {
        &self.events
    }

    /// Each claim's rendering ([`ThreadedRemitReader::with_render`]), when the batch is a
    /// piece read apart: [`Rendered::claim`] `k` is the batch's `k`-th claim event's.
    pub fn rendered(&self) -> Option<&Rendered> {
        self.rendered.as_ref()
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
