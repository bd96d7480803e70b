//! `medbill x12 check|show|json FILE`, `medbill x12 837 CLAIMS.json` and
//! `medbill x12 secondary CLAIM.json PRIOR-PAYER.json PRIOR`.
//!
//! `check`, `show` and `json` stream 835s: the file is read in pieces on every core
//! (`medbill-batch`), each claim printed or counted and let go, so memory stays constant
//! whatever the file's size. A file whose first transaction set is not an 835 (837, 27x,
//! 999: small files) is read whole; so are the other transaction sets of a file that starts
//! with an 835 (read again once the 835s have streamed; from standard input they cannot be,
//! and only their envelopes are checked, with a warning).

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use medbill::remit::{PriorAdjudication, PriorPayer, RemitClaim, RemitName};
use medbill::x12::{
    Envelope, EnvelopeReport, RemitEvent, RemitHeader, RemitTrailer, Submission, Tokenizer,
};
use medbill::x12::{RemitTally, SetSummary};
use medbill::{Claim, Finding, Phi, X12File};
use medbill_batch::ThreadedRemitReader;

use crate::Failure;
use crate::output::{out, outln, warnln};

/// The envelope and submission `medbill x12 837` uses unless told otherwise (test usage).
const DEFAULT_ENVELOPE: &str = include_str!("../../examples/data/x12/envelope.json");
const DEFAULT_SUBMISSION: &str = include_str!("../../examples/data/x12/submission.json");

#[derive(Debug, Subcommand)]
pub(crate) enum X12Command {
    /// One line per transaction set: id, version, segments, claims, charge, paid, balanced
    /// (`-` when it cannot be told: an amount missing, a sum overflowing). Exit status 0 when
    /// every envelope and balance is valid, 1 with findings (printed to standard error as
    /// they are found), 2 when the file cannot be read as X12 5010. An 835 of any size is
    /// streamed in constant memory; other transaction sets are read whole.
    Check {
        /// The X12 file, or - for standard input.
        file: PathBuf,
    },
    /// A readable account of the file: an 835 as an explanation of benefits (streamed, claim
    /// by claim), an 837 as its claims, a 271 as coverage, a 277 as claim statuses, a 999 as
    /// accepted/rejected sets.
    Show {
        /// The X12 file, or - for standard input.
        file: PathBuf,
    },
    /// The typed model as JSON lines, streamed: for each 835 set `{"begin": header}`, then
    /// `{"group": …}` for each LX group and `{"claim": {"index", "claim", "findings"}}` for
    /// each claim as it is read, then `{"end": trailer}` (core/schema/remit-event.schema.json);
    /// the last line is `{"file": …}`, the envelope report and every other transaction set
    /// (core/schema/x12-file.schema.json, its `remittances` left empty: they are the lines
    /// before).
    Json {
        /// The X12 file, or - for standard input.
        file: PathBuf,
    },
    /// Write claims (a JSON claim or an array of claims) as an 837 (837P and/or 837I).
    #[command(name = "837")]
    Write837 {
        /// The claims' JSON file, or - for standard input.
        claims: PathBuf,
        /// Submitter, receiver and batch (JSON, see core/schema/submission.schema.json);
        /// examples/data/x12/submission.json when absent.
        #[arg(long)]
        submission: Option<PathBuf>,
        /// Interchange ids, control numbers, date, delimiters (JSON, see
        /// core/schema/envelope.schema.json); a test envelope dated today when absent.
        #[arg(long)]
        envelope: Option<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Make a claim's secondary (or tertiary) claim: adds the prior payer's adjudication
    /// (837 loops 2320, 2330A/B, 2430) to the claim's other payers and prints the claim JSON,
    /// ready for `medbill x12 837`.
    Secondary {
        /// The claim's JSON file, or - for standard input.
        claim: PathBuf,
        /// The prior payer, its coverage and when it adjudicated the claim, and optionally
        /// the next payer: JSON `{"payer": …, "coverage": …, "adjudicated": "YYYY-MM-DD",
        /// "nextPayer": …}` (see examples/data/x12/other-payer.json).
        prior_payer: PathBuf,
        /// What the prior payer decided: its 835 (the claim with the same patient control
        /// number is used) or a JSON prior adjudication (`{"remittance": …}` or
        /// `{"coordination": …}`, the output of the coordination of benefits).
        prior: PathBuf,
        /// The payer the claim now goes to (JSON `{"name", "payerId", "claimFilingIndicator"}`),
        /// instead of the prior payer file's `nextPayer`; the claim's payer is kept when
        /// neither says.
        #[arg(long)]
        payer: Option<PathBuf>,
    },
}

pub(crate) fn run(command: X12Command) -> Result<u8, Failure> {
    match command {
        X12Command::Check { file } => stream(&file, Mode::Check),
        X12Command::Show { file } => stream(&file, Mode::Show),
        X12Command::Json { file } => stream(&file, Mode::Json),
        X12Command::Write837 {
            claims,
            submission,
            envelope,
            out,
        } => write_837(&claims, submission.as_deref(), envelope.as_deref(), out),
        X12Command::Secondary {
            claim,
            prior_payer,
            prior,
            payer,
        } => secondary(&claim, &prior_payer, &prior, payer.as_deref()),
    }
}

fn secondary(
    claim: &Path,
    prior_payer: &Path,
    prior: &Path,
    payer: Option<&Path>,
) -> Result<u8, Failure> {
    let json = |path: &Path| -> Result<String, Failure> { crate::read_input(path) };
    let mut claim = Claim::from_json(&json(claim)?)
        .map_err(|e| Failure::input(format!("{}: {e}", claim.display())))?;
    let mut who: PriorPayer = medbill::from_json(&json(prior_payer)?)
        .map_err(|e| Failure::input(format!("{}: {e}", prior_payer.display())))?;
    // An 835 or a PriorAdjudication JSON, told apart by content: X12 starts with ISA.
    let prior_bytes = crate::read_bytes(prior)?;
    let decided = match medbill::read_x12(&prior_bytes) {
        Err(medbill::x12::X12Error::NoInterchange) => medbill::from_json_bytes(&prior_bytes)
            .map_err(|e| Failure::input(format!("{}: {e}", prior.display())))?,
        Err(e) => return Err(Failure::input(format!("{}: {e}", prior.display()))),
        Ok(file) => {
            let found = file
                .remittances
                .into_iter()
                .flat_map(|r| r.claims)
                .find(|c| c.patient_control_number.as_str() == claim.patient_control_number);
            match found {
                Some(remit) => PriorAdjudication::Remittance(Box::new(remit)),
                None => {
                    return Err(Failure::input(format!(
                        "{}: no claim with the claim's patient control number",
                        prior.display()
                    )));
                }
            }
        }
    };
    if let Some(path) = payer {
        who.next_payer = Some(
            medbill::from_json(&json(path)?)
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        );
    }
    medbill::remit::send_on(&mut claim, who, &decided).map_err(|e| Failure {
        message: format!("cannot take the prior payer's data: {e}"),
        status: 1,
    })?;
    outln!(
        "{}",
        medbill::to_json(&claim).map_err(|e| Failure::input(e.to_string()))?
    );
    Ok(0)
}

/// What `check`, `show` and `json` make of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Show,
    Json,
}

/// Bytes read to see the first transaction set before deciding how to read a file.
const HEAD: usize = 64 * 1024;
/// Pieces the 835 is read in, on every core.
const PIECE: usize = 64 * 1024;

/// The input: the bytes read so far, the rest still to read.
struct Input {
    head: Vec<u8>,
    rest: Box<dyn Read>,
}

fn open(path: &Path) -> Result<Input, Failure> {
    let mut rest: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))?,
        )
    };
    let mut head = Vec::with_capacity(HEAD);
    let mut chunk = (&mut rest).take(HEAD as u64);
    chunk
        .read_to_end(&mut head)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))?;
    Ok(Input { head, rest })
}

/// The id (ST01) of the first transaction set among the bytes, when they reach it.
fn first_set(head: &[u8]) -> Option<String> {
    let tokens = Tokenizer::new(head).ok()?;
    for segment in tokens {
        let segment = segment.ok()?;
        if segment.id() == "ST" {
            let mut ends = Vec::new();
            return Some(segment.elements(&mut ends).get(1).to_owned());
        }
    }
    None
}

/// `check`, `show` or `json` of one file: its 835 sets streamed (on every core, claim by
/// claim), then the rest of the file.
fn stream(path: &Path, mode: Mode) -> Result<u8, Failure> {
    let Input { head, mut rest } = open(path)?;
    let cannot = |e: &dyn std::fmt::Display| Failure::input(format!("{}: {e}", path.display()));
    // A file that does not start with an 835 is small: read it whole.
    let mut printer = Printer::new(mode);
    let (report, whole) = match first_set(&head) {
        Some(id) if id != "835" => {
            let mut bytes = head;
            rest.read_to_end(&mut bytes)
                .map_err(|e| cannot(&format!("cannot be read: {e}")))?;
            let reader = ThreadedRemitReader::new(&bytes[..], 1, PIECE);
            (printer.read(reader, &cannot)?, Some(bytes))
        }
        _ => {
            let source = std::io::Cursor::new(head).chain(rest);
            let threads = std::thread::available_parallelism().map_or(1, usize::from);
            // Claims are rendered on the threads that read them; this one writes them out.
            let render: Option<medbill_batch::Render> = match mode {
                Mode::Check => None,
                Mode::Json => Some(std::sync::Arc::new(
                    |claim: &RemitClaim, out: &mut Vec<u8>| {
                        // sonic-rs writes the same JSON as serde_json (tests compare every
                        // line), escaping strings with SIMD: a third of the time `json`
                        // spends. Writing into a Vec cannot fail; a claim that cannot be
                        // written as JSON is left empty (the piece's earlier claims stay) for
                        // the caller's thread, which reports it.
                        let start = out.len();
                        if sonic_rs::to_writer(&mut *out, claim).is_err() {
                            out.truncate(start);
                        }
                    },
                )),
                Mode::Show => Some(std::sync::Arc::new(
                    |claim: &RemitClaim, out: &mut Vec<u8>| {
                        let _ = eob_claim(out, claim);
                    },
                )),
            };
            let reader = match render {
                Some(render) => ThreadedRemitReader::with_render(source, threads, PIECE, render),
                None => ThreadedRemitReader::new(source, threads, PIECE),
            };
            (printer.read(reader, &cannot)?, None)
        }
    };
    let Some(report) = report else {
        // Standard output closed: nothing more will be read.
        return Ok(0);
    };
    // The other transaction sets, read whole (with the envelope report they belong to).
    let others = report.transaction_sets.iter().any(|t| t.id != "835");
    let mut unread = false;
    let mut file = if !others {
        X12File::default()
    } else if let Some(bytes) = &whole {
        medbill::read_x12_but_835(bytes).map_err(|e| cannot(&e))?
    } else if path.as_os_str() == "-" {
        unread = true;
        X12File::default()
    } else {
        let bytes = std::fs::read(path).map_err(|e| cannot(&format!("cannot be read: {e}")))?;
        medbill::read_x12_but_835(&bytes).map_err(|e| cannot(&e))?
    };
    file.envelope = report;
    printer.finish(&file, unread)
}

/// Prints what a mode prints, one event at a time, and keeps each 835 set's figures.
struct Printer {
    mode: Mode,
    tallies: Vec<RemitTally>,
    open: Option<RemitTally>,
    /// A buffer for one event's JSON or text, reused.
    line: Vec<u8>,
    /// Whether anything was shown (`show` prints the summaries otherwise).
    shown: bool,
}

impl Printer {
    fn new(mode: Mode) -> Printer {
        Printer {
            mode,
            tallies: Vec::new(),
            open: None,
            line: Vec::with_capacity(4096),
            shown: false,
        }
    }

    /// Reads every 835 event of the input; the envelope report at the end (`None` when
    /// standard output closed first).
    fn read<R: Read>(
        &mut self,
        mut reader: ThreadedRemitReader<R>,
        cannot: &dyn Fn(&dyn std::fmt::Display) -> Failure,
    ) -> Result<Option<EnvelopeReport>, Failure> {
        while let Some(batch) = reader.next_batch() {
            let batch = batch.map_err(|e| cannot(&e))?;
            let rendered = batch.rendered();
            let mut claims = 0usize;
            for event in batch.events() {
                let pre = match event {
                    RemitEvent::Claim { .. } => {
                        claims = claims.saturating_add(1);
                        rendered.and_then(|r| r.claim(claims.saturating_sub(1)))
                    }
                    _ => None,
                };
                self.event(event, pre.filter(|p| !p.is_empty()))?;
            }
            if crate::output::closed() {
                return Ok(None);
            }
        }
        if self.mode == Mode::Check {
            print_findings(reader.file_findings());
        }
        Ok(reader.envelope_report().cloned())
    }

    /// One event; `pre` is its claim already rendered, when a worker did.
    fn event(&mut self, event: &RemitEvent, pre: Option<&[u8]>) -> Result<(), Failure> {
        match event {
            RemitEvent::Begin(_) => self.open = Some(RemitTally::default()),
            RemitEvent::End(_) => {
                if let Some(mut tally) = self.open.take() {
                    tally.event(event);
                    self.tallies.push(tally);
                }
            }
            RemitEvent::Group(_) | RemitEvent::Claim { .. } => {
                if let Some(tally) = self.open.as_mut() {
                    tally.event(event);
                }
            }
        }
        match self.mode {
            Mode::Check => match event {
                RemitEvent::Claim { findings, .. } => print_findings(findings),
                RemitEvent::End(trailer) => print_findings(&trailer.findings),
                RemitEvent::Begin(_) | RemitEvent::Group(_) => {}
            },
            Mode::Json => {
                self.line.clear();
                let json = |e: serde_json::Error| Failure::input(e.to_string());
                match (event, pre) {
                    // The same line serde writes for the event, the claim rendered already.
                    (
                        RemitEvent::Claim {
                            index, findings, ..
                        },
                        Some(claim),
                    ) => {
                        // The claim goes out as the worker wrote it, not copied into the line.
                        self.line.extend_from_slice(b"{\"claim\":{\"index\":");
                        self.line.extend_from_slice(index.to_string().as_bytes());
                        self.line.extend_from_slice(b",\"claim\":");
                        crate::output::write_bytes(&self.line);
                        crate::output::write_bytes(claim);
                        self.line.clear();
                        self.line.extend_from_slice(b",\"findings\":");
                        serde_json::to_writer(&mut self.line, findings).map_err(json)?;
                        self.line.extend_from_slice(b"}}");
                    }
                    _ => serde_json::to_writer(&mut self.line, event).map_err(json)?,
                }
                self.line.push(b'\n');
                crate::output::write_bytes(&self.line);
            }
            Mode::Show => {
                self.shown = true;
                match pre {
                    Some(text) => crate::output::write_bytes(text),
                    None => {
                        self.line.clear();
                        eob(&mut self.line, event);
                        crate::output::write_bytes(&self.line);
                    }
                }
            }
        }
        Ok(())
    }

    /// The rest of the file and the summaries; the exit status.
    fn finish(self, file: &X12File, unread: bool) -> Result<u8, Failure> {
        if unread {
            warnln!(
                "warning: X12-NOT-READ at standard input: transaction sets other than 835 after \
                 the first 835 are checked for their envelopes only; pass the file by name to \
                 read them"
            );
        }
        match self.mode {
            Mode::Check => {
                for summary in file.summaries_with(self.tallies.iter().cloned()) {
                    outln!("{}", check_line(&summary));
                }
                print_findings(&file.findings_beyond_envelope());
                Ok(if file.is_clean_with(&self.tallies) && !unread {
                    0
                } else {
                    1
                })
            }
            Mode::Json => {
                #[derive(serde::Serialize)]
                struct Last<'a> {
                    file: &'a X12File,
                }
                outln!(
                    "{}",
                    medbill::to_json(&Last { file }).map_err(|e| Failure::input(e.to_string()))?
                );
                Ok(0)
            }
            Mode::Show => {
                let mut out = String::new();
                show_others(&mut out, file);
                if out.is_empty() && !self.shown {
                    for summary in file.summaries_with(self.tallies.iter().cloned()) {
                        out.push_str(&check_line(&summary));
                        out.push('\n');
                    }
                }
                out!("{out}");
                Ok(0)
            }
        }
    }
}

fn print_findings(findings: &[Finding]) {
    for f in findings {
        warnln!(
            "{}: {} at {}: {}",
            f.severity.as_str(),
            f.rule,
            f.path,
            f.message
        );
    }
}

/// A value, or `-` where there is none; padded when the format asks for a width.
fn or_dash<T: std::fmt::Display>(value: Option<T>) -> OrDash<T> {
    OrDash(value)
}

struct OrDash<T>(Option<T>);

impl<T: std::fmt::Display> std::fmt::Display for OrDash<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.0, f.width()) {
            (None, _) => f.pad("-"),
            // Without a width (the common case, by the million in `x12 show`) nothing is
            // built: the value writes itself.
            (Some(value), None) => write!(f, "{value}"),
            (Some(value), Some(_)) => f.pad(&value.to_string()),
        }
    }
}

/// The `check` line of one transaction set.
pub(crate) fn check_line(s: &SetSummary) -> String {
    format!(
        "{}\t{}\tsegments={}\tclaims={}\tcharge={}\tpaid={}\tbalanced={}",
        s.id,
        s.version,
        s.segments,
        or_dash(s.claims),
        or_dash(s.charge),
        or_dash(s.paid),
        or_dash(s.balanced.map(|b| if b { "yes" } else { "no" })),
    )
}

/// Everything but the 835s, in words.
fn show_others(out: &mut String, x12: &X12File) {
    for t in &x12.claims {
        out.push_str(&format!(
            "837 {} ({}), from {} to {}: {} claims, {} not readable\n",
            t.control_number,
            t.version,
            t.submitter.name,
            t.receiver.name,
            t.claims.len(),
            t.rejected.len()
        ));
        for c in &t.claims {
            out.push_str(&format!(
                "  {:<20} {:<24} charge {:>10}  {} lines  payer {}\n",
                c.patient_control_number,
                format!("{:?}", c.frequency),
                c.total_charge,
                c.line_count(),
                c.payer.name
            ));
        }
    }
    for e in &x12.eligibility {
        out.push_str(&format!("271 {}\n", e.control_number));
        for s in &e.subscribers {
            let member = &s.member;
            out.push_str(&format!(
                "  coverage active: {}\n",
                match member.active_coverage() {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "not stated",
                }
            ));
            for b in &member.benefits {
                out.push_str(&format!(
                    "    {:<28} {:<10} {:>10} {:>8} {}\n",
                    format!("{:?}", b.kind),
                    b.service_types.join(","),
                    or_dash(b.amount),
                    or_dash(b.percent.map(|p| p.to_string())),
                    b.plan_description.as_deref().unwrap_or("")
                ));
            }
        }
    }
    for s in &x12.claim_status {
        out.push_str(&format!(
            "{} {}\n",
            if s.acknowledgment { "277CA" } else { "277" },
            s.control_number
        ));
        for c in &s.claims {
            out.push_str(&format!(
                "  claim {:<20} {:?}\n",
                c.patient_control_number.as_deref().unwrap_or("?"),
                c.class()
            ));
        }
    }
    for a in &x12.acknowledgments {
        for g in &a.groups {
            for t in &g.transactions {
                out.push_str(&format!(
                    "999: {} {} {:?}, {} segment errors\n",
                    t.set_id,
                    t.control_number,
                    t.status,
                    t.segment_errors.len()
                ));
            }
        }
    }
}

/// One event of an 835 as part of an explanation of benefits.
fn eob(out: &mut Vec<u8>, event: &RemitEvent) {
    use std::io::Write;
    // Writing into a Vec cannot fail.
    let _ = match event {
        RemitEvent::Begin(header) => eob_header(out, header),
        RemitEvent::Group(group) => match &group.provider_summary {
            Some(s) => writeln!(
                out,
                "Provider {} summary: {} claims, charge {}",
                s.provider,
                or_dash(s.claim_count),
                or_dash(s.total_charge)
            ),
            None => Ok(()),
        },
        RemitEvent::Claim { claim, .. } => eob_claim(out, claim),
        RemitEvent::End(trailer) => eob_trailer(out, trailer),
    };
}

fn eob_header(out: &mut Vec<u8>, header: &RemitHeader) -> std::io::Result<()> {
    use std::io::Write;
    let p = &header.payment;
    writeln!(
        out,
        "Remittance {} from {} to {}",
        header.control_number, header.payer.name, header.payee.name
    )?;
    writeln!(
        out,
        "Payment {} by {} on {}, trace {}\n",
        or_dash(p.amount),
        p.method,
        or_dash(p.date),
        p.trace_number.as_deref().unwrap_or("-")
    )
}

/// A name as `FIRST LAST` (or the organization's name).
fn full_name(name: &Phi<RemitName>) -> String {
    let n = name.expose();
    match (n.first.as_deref(), n.name.as_deref()) {
        (Some(first), Some(last)) => format!("{first} {last}"),
        (None, Some(last)) => last.to_owned(),
        (Some(first), None) => first.to_owned(),
        (None, None) => String::new(),
    }
}

fn eob_claim(out: &mut Vec<u8>, c: &RemitClaim) -> std::io::Result<()> {
    use std::io::Write;
    let status = match c.status.known() {
        Some(s) => std::borrow::Cow::Borrowed(s.describe()),
        None => std::borrow::Cow::Owned(format!("status {}", c.status)),
    };
    let patient = c.patient.as_ref().map(full_name).unwrap_or_default();
    let corrected = c
        .corrected_patient
        .as_ref()
        .map(|n| format!(" (corrected to {})", full_name(n)))
        .unwrap_or_default();
    writeln!(
        out,
        "Claim {} {patient}{corrected} ({status}), payer claim {}",
        c.patient_control_number,
        c.payer_claim_number.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "  charged {}  paid {}  patient owes {}",
        or_dash(c.charge),
        or_dash(c.paid),
        or_dash(c.patient_responsibility)
    )?;
    for a in &c.adjustments {
        writeln!(
            out,
            "  claim adjustment {}-{} {}",
            a.group,
            a.reason,
            or_dash(a.amount)
        )?;
    }
    for l in &c.lines {
        // The procedure and date in columns, padded in place (no text built for them).
        out.extend_from_slice(b"  ");
        let start = out.len();
        write!(out, "{}", l.procedure)?;
        pad_to(out, start, 14);
        out.push(b' ');
        let start = out.len();
        write!(out, "{}", or_dash(l.first_service_date()))?;
        pad_to(out, start, 10);
        writeln!(
            out,
            " charged {}  allowed {}  paid {}",
            or_dash(l.charge),
            or_dash(l.allowed),
            or_dash(l.paid)
        )?;
        for a in &l.adjustments {
            writeln!(
                out,
                "      {}-{} {}  {}",
                a.group,
                a.reason,
                or_dash(a.amount),
                a.group.known().map_or("", |g| g.meaning())
            )?;
        }
        for remark in &l.remarks {
            writeln!(out, "      remark {remark}")?;
        }
    }
    for remark in c.remarks() {
        writeln!(out, "  remark {remark}")?;
    }
    Ok(())
}

/// Pads what was written since `start` with spaces to `width` characters (as `{:<width}`).
fn pad_to(out: &mut Vec<u8>, start: usize, width: usize) {
    let written = out
        .get(start..)
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .map_or(width, |t| t.chars().count());
    out.resize(
        out.len().saturating_add(width.saturating_sub(written)),
        b' ',
    );
}

fn eob_trailer(out: &mut Vec<u8>, trailer: &RemitTrailer) -> std::io::Result<()> {
    use std::io::Write;
    for a in &trailer.provider_adjustments {
        writeln!(
            out,
            "Provider adjustment {} {} {}",
            a.reason,
            a.reference.as_deref().unwrap_or(""),
            or_dash(a.amount)
        )?;
    }
    writeln!(out)
}

/// Claims from a JSON file holding one claim or an array of claims.
fn load_claims(path: &Path) -> Result<Vec<Claim>, Failure> {
    let text = crate::read_input(path)?;
    let claims = if text.trim_start().starts_with('[') {
        medbill::from_json::<Vec<Claim>>(&text)
    } else {
        Claim::from_json(&text).map(|c| vec![c])
    };
    claims.map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

pub(crate) fn default_envelope() -> Result<Envelope, Failure> {
    let mut envelope: Envelope = medbill::from_json(DEFAULT_ENVELOPE)
        .map_err(|e| Failure::input(format!("bundled envelope.json: {e}")))?;
    (envelope.date, envelope.time) = crate::clock::now();
    Ok(envelope)
}

pub(crate) fn default_submission() -> Result<Submission, Failure> {
    medbill::from_json(DEFAULT_SUBMISSION)
        .map_err(|e| Failure::input(format!("bundled submission.json: {e}")))
}

fn write_837(
    claims: &Path,
    submission: Option<&Path>,
    envelope: Option<&Path>,
    out: Option<PathBuf>,
) -> Result<u8, Failure> {
    let claims = load_claims(claims)?;
    let submission: Submission = match submission {
        Some(path) => medbill::from_json(&crate::read_input(path)?)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        None => default_submission()?,
    };
    let envelope: Envelope = match envelope {
        Some(path) => medbill::from_json(&crate::read_input(path)?)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        None => default_envelope()?,
    };
    let bytes = medbill::x12::write_837(&claims, &submission, &envelope).map_err(|e| Failure {
        message: format!("cannot write the 837: {e}"),
        status: 1,
    })?;
    match out {
        Some(path) => std::fs::write(&path, &bytes)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?,
        None => crate::output::write_bytes(&bytes),
    }
    Ok(0)
}
