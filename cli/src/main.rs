//! `medbill`: the command-line face of the medbill core. It reads files, calls the core and
//! prints text or JSON; every billing rule lives in the core.

/// mimalloc: a remittance read on two threads allocates and frees claims by the million,
/// often on different threads, where the system allocator spends a fifth of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod benefits_cmd;
mod books_cmd;
mod claim_cmd;
mod clock;
mod codes_cmd;
mod coordinate_cmd;
mod demo;
mod demo_books;
mod demo_eligibility;
mod demo_scrub;
mod fhir_cmd;
mod output;
mod price_cmd;
mod report_cmd;
mod scrub_cmd;
mod statement_cmd;
mod work_cmd;
mod x12_cmd;

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Medical billing from the command line: check codes, validate claims, run a billing day.
#[derive(Debug, Parser)]
#[command(name = "medbill", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a billing day on the bundled sample practice: prepare, validate, price, summarize.
    Demo(demo::DemoArgs),
    /// Check code formats (NPI, ICD-10-CM, procedure, NDC, …).
    Codes {
        #[command(subcommand)]
        command: codes_cmd::CodesCommand,
    },
    /// Work with claims in their JSON form (see core/schema/claim.schema.json).
    Claim {
        #[command(subcommand)]
        command: claim_cmd::ClaimCommand,
    },
    /// Price a claim under a payer contract, with a step-by-step trace per line.
    Price(price_cmd::PriceArgs),
    /// What the plan pays and the patient owes for a priced claim, explained line by line.
    Adjudicate(benefits_cmd::AdjudicateArgs),
    /// What the next payer pays after the prior payer (its adjudication, coordination or 835),
    /// and what the patient still owes: coordination of benefits.
    Coordinate(Box<coordinate_cmd::CoordinateArgs>),
    /// Estimate a planned visit's cost to the patient (or a Good Faith Estimate when self-pay).
    Estimate(benefits_cmd::EstimateArgs),
    /// Scrub a claim before it is sent (code sets by date of service, NCCI, MUE, modifiers,
    /// history, timely filing, payer rules).
    Scrub(scrub_cmd::ScrubArgs),
    /// Code-set files: build a compact pack of them.
    Codesets {
        #[command(subcommand)]
        command: scrub_cmd::CodesetsCommand,
    },
    /// Medicare Physician Fee Schedule files.
    Pfs {
        #[command(subcommand)]
        command: price_cmd::PfsCommand,
    },
    /// The practice's books in a SQLite file: charge claims, post 835s, patient payments,
    /// balances, aging, suspense, underpayments, the audit chain, patient statements, payment
    /// plans and explanations.
    Books(books_cmd::BooksArgs),
    /// FHIR R4 JSON: claims (both ways), explanations of benefit and claim responses (from an
    /// adjudication or an 835), coverage and eligibility (from a 271), Good Faith Estimates.
    Fhir {
        #[command(subcommand)]
        command: fhir_cmd::FhirCommand,
    },
    /// X12 5010 files: check envelopes and balances, show, convert to JSON, write 837s.
    X12 {
        #[command(subcommand)]
        command: x12_cmd::X12Command,
    },
}

/// A failure to report on one line, with the exit status to leave with.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) message: String,
    pub(crate) status: u8,
}

impl Failure {
    /// Input that could not be read or understood: exit status 2.
    pub(crate) fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

/// Reads a file, or standard input for `-`, as bytes.
pub(crate) fn read_bytes(path: &std::path::Path) -> Result<Vec<u8>, Failure> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))
}

/// Reads a file, or standard input for `-`, as text.
pub(crate) fn read_input(path: &std::path::Path) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?)
        .map_err(|_| Failure::input(format!("{} is not UTF-8 text", path.display())))
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        output::warnln!("medbill: internal error{place}; please report it");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version
            output::out!("{error}");
            return exit(Ok(0));
        }
        Err(error) => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            output::warnln!(
                "medbill: {} (see --help)",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    let outcome = match cli.command {
        Command::Demo(args) => demo::run(args),
        Command::Codes { command } => codes_cmd::run(command),
        Command::Claim { command } => claim_cmd::run(command),
        Command::Price(args) => price_cmd::price(args),
        Command::Adjudicate(args) => benefits_cmd::adjudicate(args),
        Command::Coordinate(args) => coordinate_cmd::coordinate(*args),
        Command::Estimate(args) => benefits_cmd::estimate(args),
        Command::Scrub(args) => scrub_cmd::scrub(args),
        Command::Codesets { command } => scrub_cmd::codesets(command),
        Command::Pfs { command } => price_cmd::pfs(command),
        Command::Books(args) => books_cmd::run(args),
        Command::Fhir { command } => fhir_cmd::run(command),
        Command::X12 { command } => x12_cmd::run(command),
    };
    exit(outcome)
}

/// Flushes standard output and leaves with the command's status, or with the output's
/// failure when what it printed could not be written (see [`output`]).
fn exit(outcome: Result<u8, Failure>) -> ExitCode {
    let outcome = output::finish().and(outcome);
    match outcome {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            if !failure.message.is_empty() {
                output::warnln!("medbill: {}", failure.message);
            }
            ExitCode::from(failure.status)
        }
    }
}
