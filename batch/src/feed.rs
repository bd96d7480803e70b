//! The byte source behind [`crate::ThreadedRemitReader`]: a pool of worker threads that read
//! ahead, cut the input into pieces at claim boundaries ([`medbill::x12::claim_cut`]) and
//! read each piece ([`medbill::x12::read_piece`]) while the caller consumes the previous
//! ones. The source itself is only ever read on the caller's thread.
//!
//! Correctness never depends on the workers: the core's reader takes a piece's reading only
//! where it fits exactly, and reads anything else itself (see [`medbill::x12::PieceFeed`]).

use std::collections::VecDeque;
use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use medbill::remit::RemitClaim;
use medbill::x12::{Delimiters, Piece, PieceFeed, RemitEvent, claim_cut, read_piece};

/// How a caller renders a claim (as JSON, as text…) on the worker that read it, so the
/// caller's thread only writes the bytes out.
pub type Render = Arc<dyn Fn(&RemitClaim, &mut Vec<u8>) + Send + Sync>;

/// Each claim of a piece rendered: the texts one after the other, and where each ends.
#[derive(Debug, Default)]
pub struct Rendered {
    text: Vec<u8>,
    ends: Vec<usize>,
}

impl Rendered {
    /// The rendering of the piece's `k`-th claim (0-based, counting claims only).
    pub fn claim(&self, k: usize) -> Option<&[u8]> {
        let start = match k.checked_sub(1) {
            None => 0,
            Some(previous) => *self.ends.get(previous)?,
        };
        self.text.get(start..*self.ends.get(k)?)
    }

    /// The piece's claims rendered, into a text of room `room` (the size of the last
    /// rendering suits: growing a large text step by step copies it over and over).
    fn of(events: &[RemitEvent], render: &Render, room: &mut usize) -> Rendered {
        let mut rendered = Rendered {
            text: Vec::with_capacity(room.saturating_add(*room / 4)),
            ends: Vec::new(),
        };
        for event in events {
            if let RemitEvent::Claim { claim, .. } = event {
                render(claim, &mut rendered.text);
                rendered.ends.push(rendered.text.len());
            }
        }
        *room = rendered.text.len();
        rendered
    }
}

/// A piece back from being read, with who read it and its claims rendered.
struct Done {
    piece: Piece,
    worker: Option<usize>,
    rendered: Option<Rendered>,
}

/// What the feed keeps of a piece it handed to the reader: who read it, its renderings.
pub(crate) struct Handed {
    pub(crate) tag: u64,
    pub(crate) worker: Option<usize>,
    pub(crate) rendered: Option<Rendered>,
}

/// Events a worker keeps to free while it reads, at most.
const GRAVEYARD_LIMIT: usize = 1024;

/// Where to send events to be freed: the worker that allocated them.
pub(crate) struct FreeOn(Sender<Vec<RemitEvent>>);

impl FreeOn {
    /// Frees the events on their worker (here, if the worker is gone): freeing on the
    /// caller's thread would contend with the workers' allocations.
    pub(crate) fn free(self, events: Vec<RemitEvent>) {
        if !events.is_empty() {
            // A worker that is gone hands them back, and they are dropped here.
            let _ = self.0.send(events);
        }
    }
}

/// A piece for whichever worker is free first.
struct Job {
    sequence: u64,
    bytes: Vec<u8>,
    delimiters: Delimiters,
}

struct Pool {
    /// Pieces to read, taken by whichever worker is free.
    jobs: Option<Sender<Job>>,
    /// The other end, for this thread to read a piece itself instead of waiting.
    queue: Arc<Mutex<Receiver<Job>>>,
    /// Each worker's queue of events to free.
    frees: Vec<Sender<Vec<RemitEvent>>>,
    workers: Vec<JoinHandle<()>>,
    results: Receiver<(u64, Done)>,
    /// Pieces back from the workers (or never sent), in input order from `next_take`.
    ready: VecDeque<Option<Done>>,
    /// How claims are rendered, when asked.
    render: Option<Render>,
    /// The size of this thread's last rendering (the room the next one starts with).
    room: usize,
    /// Pieces handed to the reader with a reading, oldest first, until their run comes.
    handed: VecDeque<Handed>,
    next_submit: u64,
    next_take: u64,
    /// Input read but not yet cut into a piece: it starts at a claim.
    carry: Vec<u8>,
    piece_bytes: usize,
    max_in_flight: usize,
    /// The delimiters to cut with: those in force where the sequential reader stands.
    hint: Option<Delimiters>,
    source_done: bool,
    error: Option<std::io::Error>,
    /// Bytes handed to the sequential reader, and how far it has taken them.
    pending: Vec<u8>,
    pending_at: usize,
    spare: Vec<Vec<u8>>,
}

/// The caller's reader with a pool of workers in front of it (or none, where threads cannot
/// be started: then bytes pass straight through and no piece is ever offered).
pub struct ThreadedFeed<R> {
    source: R,
    pool: Option<Pool>,
}

impl<R: Read> ThreadedFeed<R> {
    /// `workers` worker threads (the caller's thread helps them) taking about `piece_bytes`
    /// of input each.
    pub fn new(
        source: R,
        workers: usize,
        piece_bytes: usize,
        render: Option<Render>,
    ) -> ThreadedFeed<R> {
        let (results_to, results) = channel::<(u64, Done)>();
        let (jobs, jobs_from) = channel::<Job>();
        let jobs_from = Arc::new(Mutex::new(jobs_from));
        let mut frees = Vec::new();
        let mut handles = Vec::new();
        for n in 0..workers {
            let (frees_to, frees_from) = channel::<Vec<RemitEvent>>();
            let results_to = results_to.clone();
            let jobs_from = Arc::clone(&jobs_from);
            let render = render.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("medbill-835-{n}"))
                .spawn(move || work(n, &jobs_from, &frees_from, &results_to, render.as_ref()));
            match spawned {
                Ok(handle) => {
                    frees.push(frees_to);
                    handles.push(handle);
                }
                Err(_) => break,
            }
        }
        if handles.is_empty() {
            return ThreadedFeed { source, pool: None };
        }
        let max_in_flight = handles.len().saturating_mul(3);
        ThreadedFeed {
            source,
            pool: Some(Pool {
                jobs: Some(jobs),
                queue: jobs_from,
                frees,
                workers: handles,
                results,
                ready: VecDeque::new(),
                render,
                room: 0,
                handed: VecDeque::new(),
                next_submit: 0,
                next_take: 0,
                carry: Vec::new(),
                piece_bytes: piece_bytes.max(256),
                max_in_flight,
                hint: None,
                source_done: false,
                error: None,
                pending: Vec::new(),
                pending_at: 0,
                spare: Vec::new(),
            }),
        }
    }

    /// How many worker threads run.
    pub fn workers(&self) -> usize {
        self.pool.as_ref().map_or(0, |p| p.workers.len())
    }

    /// Where to free what `worker` allocated.
    pub(crate) fn free_on(&self, worker: usize) -> Option<FreeOn> {
        let pool = self.pool.as_ref()?;
        pool.frees.get(worker).cloned().map(FreeOn)
    }

    /// What was kept of the piece tagged `tag` (the pieces handed before it were given
    /// back, and are let go).
    pub(crate) fn handed(&mut self, tag: u64) -> Option<Handed> {
        let pool = self.pool.as_mut()?;
        while let Some(front) = pool.handed.pop_front() {
            if front.tag == tag {
                return Some(front);
            }
            if front.tag > tag {
                pool.handed.push_front(front);
                return None;
            }
        }
        None
    }
}

/// A worker: reads pieces until the job queue closes.
fn work(
    n: usize,
    jobs: &Mutex<Receiver<Job>>,
    frees: &Receiver<Vec<RemitEvent>>,
    results: &Sender<(u64, Done)>,
    render: Option<&Render>,
) {
    let mut graveyard: Vec<RemitEvent> = Vec::new();
    let mut room = 0;
    loop {
        // Events done with are kept to be freed one claim per claim read: freeing and
        // allocating in turn reuses the same memory at once, where freeing a whole batch
        // takes the allocator's slow paths.
        while let Ok(events) = frees.try_recv() {
            graveyard.extend(events);
        }
        graveyard.truncate(GRAVEYARD_LIMIT);
        let job = match jobs.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => break,
        };
        let Ok(Job {
            sequence,
            bytes,
            delimiters,
        }) = job
        else {
            break;
        };
        // A panic would leave the piece unanswered; the sequential reader reads it instead.
        let reading = std::panic::catch_unwind(AssertUnwindSafe(|| {
            read_piece(&bytes, delimiters, &mut graveyard)
        }))
        .ok()
        .flatten();
        let rendered = render.and_then(|render| {
            let reading = reading.as_ref()?;
            std::panic::catch_unwind(AssertUnwindSafe(|| {
                Rendered::of(reading.events(), render, &mut room)
            }))
            .ok()
        });
        let done = Done {
            piece: Piece {
                bytes,
                reading,
                tag: Some(sequence),
            },
            worker: Some(n),
            rendered,
        };
        if results.send((sequence, done)).is_err() {
            break;
        }
    }
}

impl<R: Read> PieceFeed for ThreadedFeed<R> {
    fn cut_with(&mut self, delimiters: Delimiters) {
        if let Some(pool) = self.pool.as_mut() {
            pool.hint = Some(delimiters);
        }
    }

    fn next_piece(&mut self) -> Option<Piece> {
        let pool = self.pool.as_mut()?;
        if pool.pending_at < pool.pending.len() {
            return None;
        }
        let Done {
            piece,
            worker,
            rendered,
        } = pool.take(&mut self.source)?;
        if let (Some(tag), Some(_)) = (piece.tag, &piece.reading) {
            pool.handed.push_back(Handed {
                tag,
                worker,
                rendered,
            });
        }
        Some(piece)
    }

    fn give_back(&mut self, bytes: Vec<u8>) {
        if let Some(pool) = self.pool.as_mut() {
            let used = std::mem::replace(&mut pool.pending, bytes);
            pool.recycle(used);
            pool.pending_at = 0;
        }
    }

    fn recycle(&mut self, bytes: Vec<u8>) {
        if let Some(pool) = self.pool.as_mut() {
            pool.recycle(bytes);
        }
    }
}
impl Pool {
    fn recycle(&mut self, mut bytes: Vec<u8>) {
        if self.spare.len() < self.max_in_flight {
            bytes.clear();
            self.spare.push(bytes);
        }
    }

    /// Reads and cuts pieces until enough are in flight or the input ends.
    fn top_up(&mut self, source: &mut impl Read) {
        let Some(delimiters) = self.hint else {
            return;
        };
        while !self.source_done
            && self.next_submit.saturating_sub(self.next_take) < self.max_in_flight as u64
        {
            let (bytes, cut) = self.read_piece(source, delimiters);
            if bytes.is_empty() {
                break;
            }
            let sequence = self.next_submit;
            self.next_submit = self.next_submit.saturating_add(1);
            self.ready.push_back(None);
            if !cut {
                self.store_unread(sequence, bytes);
                continue;
            }
            let job = Job {
                sequence,
                bytes,
                delimiters,
            };
            let sent = match self.jobs.as_ref() {
                Some(jobs) => jobs.send(job).map_err(|failed| failed.0),
                None => Err(job),
            };
            if let Err(Job {
                sequence, bytes, ..
            }) = sent
            {
                // The workers are gone: the piece is read sequentially.
                self.store_unread(sequence, bytes);
            }
        }
    }

    /// Stores a piece for the sequential reader alone.
    fn store_unread(&mut self, sequence: u64, bytes: Vec<u8>) {
        let piece = Piece {
            bytes,
            reading: None,
            tag: None,
        };
        self.store(
            sequence,
            Done {
                piece,
                worker: None,
                rendered: None,
            },
        );
    }

    fn store(&mut self, sequence: u64, piece: Done) {
        let slot = usize::try_from(sequence.saturating_sub(self.next_take)).unwrap_or(usize::MAX);
        if let Some(entry) = self.ready.get_mut(slot) {
            *entry = Some(piece);
        }
    }

    /// The next piece in order, waiting for its worker.
    fn take(&mut self, source: &mut impl Read) -> Option<Done> {
        self.top_up(source);
        if self.ready.is_empty() {
            return None;
        }
        while self.ready.front().is_some_and(Option::is_none) {
            if let Ok((sequence, piece)) = self.results.try_recv() {
                self.store(sequence, piece);
                continue;
            }
            // Rather than wait, read a piece no worker has taken yet on this thread (its
            // claims are freed here, where they were allocated).
            let job = self
                .queue
                .try_lock()
                .ok()
                .and_then(|queue| queue.try_recv().ok());
            if let Some(Job {
                sequence,
                bytes,
                delimiters,
            }) = job
            {
                let mut nothing = Vec::new();
                let reading = read_piece(&bytes, delimiters, &mut nothing);
                let room = &mut self.room;
                let rendered = self
                    .render
                    .as_ref()
                    .zip(reading.as_ref())
                    .map(|(render, reading)| Rendered::of(reading.events(), render, room));
                self.store(
                    sequence,
                    Done {
                        piece: Piece {
                            bytes,
                            reading,
                            tag: Some(sequence),
                        },
                        worker: None,
                        rendered,
                    },
                );
                continue;
            }
            match self.results.recv() {
                Ok((sequence, piece)) => self.store(sequence, piece),
                // Every worker died: nothing more will come back.
                Err(_) => return None,
            }
        }
        let piece = self.ready.pop_front().flatten();
        self.next_take = self.next_take.saturating_add(1);
        self.top_up(source);
        piece
    }

    /// Reads the next piece: the carried-over bytes, then input up to the last claim that
    /// starts after them. `(bytes, true)` when cut before a CLP, `(bytes, false)` at the end
    /// of the input or when no claim starts within a few pieces' length.
    fn read_piece(&mut self, source: &mut impl Read, delimiters: Delimiters) -> (Vec<u8>, bool) {
        let mut buffer = self.spare.pop().unwrap_or_default();
        buffer.clear();
        buffer.append(&mut self.carry);
        loop {
            let start = buffer.len();
            buffer.resize(start.saturating_add(self.piece_bytes), 0);
            let (read, error) = read_full(source, buffer.get_mut(start..).unwrap_or_default());
            buffer.truncate(start.saturating_add(read));
            if let Some(error) = error {
                // The bytes in hand go to the sequential reader, then the error.
                self.error = Some(error);
                self.source_done = true;
                return (buffer, false);
            }
            if read == 0 {
                self.source_done = true;
                return (buffer, false);
            }
            if let Some(cut) = claim_cut(&buffer, delimiters) {
                self.carry
                    .extend_from_slice(buffer.get(cut..).unwrap_or_default());
                buffer.truncate(cut);
                return (buffer, true);
            }
            if buffer.len() >= self.piece_bytes.saturating_mul(4) {
                return (buffer, false);
            }
        }
    }
}

/// Reads until `buffer` is full, the input ends or reading fails: the bytes read, and the
/// error that stopped it.
fn read_full(source: &mut impl Read, buffer: &mut [u8]) -> (usize, Option<std::io::Error>) {
    let mut filled = 0usize;
    while let Some(space) = buffer.get_mut(filled..).filter(|s| !s.is_empty()) {
        match source.read(space) {
            Ok(0) => break,
            Ok(n) => filled = filled.saturating_add(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return (filled, Some(e)),
        }
    }
    (filled, None)
}

impl<R: Read> Read for ThreadedFeed<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let Some(pool) = self.pool.as_mut() else {
            return self.source.read(buffer);
        };
        loop {
            if let Some(rest) = pool
                .pending
                .get(pool.pending_at..)
                .filter(|r| !r.is_empty())
            {
                let n = rest.len().min(buffer.len());
                if let (Some(to), Some(from)) = (buffer.get_mut(..n), rest.get(..n)) {
                    to.copy_from_slice(from);
                }
                pool.pending_at = pool.pending_at.saturating_add(n);
                return Ok(n);
            }
            if pool.hint.is_none() && pool.ready.is_empty() {
                // Before the first claim: straight through, a piece at a time, so the
                // workers can take over from the first claim on.
                let limit = buffer.len().min(pool.piece_bytes);
                return self
                    .source
                    .read(buffer.get_mut(..limit).unwrap_or_default());
            }
            match pool.take(&mut self.source) {
                Some(piece) => {
                    let used = std::mem::replace(&mut pool.pending, piece.piece.bytes);
                    pool.recycle(used);
                    pool.pending_at = 0;
                }
                None => {
                    if !pool.carry.is_empty() {
                        let carry = std::mem::take(&mut pool.carry);
                        let used = std::mem::replace(&mut pool.pending, carry);
                        pool.recycle(used);
                        pool.pending_at = 0;
                        continue;
                    }
                    return match pool.error.take() {
                        Some(error) => Err(error),
                        None if pool.source_done => Ok(0),
                        // Nothing in flight and input left: read it through.
                        None => self.source.read(buffer),
                    };
                }
            }
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Closing the job queue ends the workers; they finish the piece in hand.
        self.jobs = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
