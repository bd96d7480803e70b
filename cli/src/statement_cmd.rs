//! `medbill books statement|plan|explain`: the patient's side of the books. Each reads the
//! patient's (or the claim's) entries and charged claims from the SQLite books, asks the
//! core's `statement` module and prints text, HTML or JSON.
//!
//! - `statement PATIENT [--as-of D] [--html] [-o FILE]`: the patient statement.
//! - `plan PATIENT --installments N|--amount X --every week|2weeks|month --first D`: a
//!   payment plan for what the patient owes as of `--as-of` (default today).
//! - `explain CLAIM [--for patient|payer]`: why a visit costs what it does.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use medbill::Money;
use medbill::ledger::{ChargedClaim, Entry};
use medbill::statement::{
    Audience, PlanFrequency, PlanRequest, PlanTerms, StatementError, StatementOptions,
    VisitExplanation, explain, payment_plan, statement, statement_html, statement_text,
};
use medbill_store::{Books, StoreError};
use serde::Serialize;

use crate::Failure;
use crate::output::{out, outln};

/// `medbill books statement`.
#[derive(Debug, Args)]
pub(crate) struct StatementArgs {
    /// The patient account id.
    patient: String,
    /// The statement's date: entries posted on or before it count (default: today).
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Write the statement as one self-contained HTML page.
    #[arg(long)]
    html: bool,
    /// Write the statement as PDF (needs -o FILE).
    #[arg(long)]
    pdf: bool,
    /// Show settled visits too.
    #[arg(long)]
    include_settled: bool,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Every {
    /// Every 7 days.
    Week,
    /// Every 14 days.
    #[value(name = "2weeks")]
    TwoWeeks,
    /// The same day every month (a short month's last day when it has no such day).
    Month,
}

/// `medbill books plan`.
#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// The patient account id.
    patient: String,
    /// Split the balance into this many installments.
    #[arg(long, conflicts_with = "amount", required_unless_present = "amount")]
    installments: Option<u32>,
    /// Split the balance into installments of this amount (the last one smaller).
    #[arg(long)]
    amount: Option<Money>,
    /// How often an installment is due.
    #[arg(long)]
    every: Every,
    /// The first installment's due date.
    #[arg(long)]
    first: NaiveDate,
    /// The balance is what the patient owes as of this day, when the plan is made (default:
    /// today).
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Days after a due date an installment may still be paid without being missed.
    #[arg(long, default_value_t = 0)]
    grace_days: u32,
    /// Missed installments that put the plan in default.
    #[arg(long, default_value_t = 2)]
    default_after: u32,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Reader {
    /// The patient: "why do I owe this?".
    Patient,
    /// A payer asking about the claim: numbers, dates, codes, amounts, status, no patient data.
    Payer,
}

/// `medbill books explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The claim's patient control number.
    claim: String,
    /// Who asks.
    #[arg(long = "for", value_enum, default_value = "patient")]
    reader: Reader,
    /// Read the books as of this day (default: today).
    #[arg(long)]
    as_of: Option<NaiveDate>,
}

/// The books could not be read: status 1.
fn unreadable(error: StoreError) -> Failure {
    Failure {
        message: error.to_string(),
        status: 1,
    }
}

/// The core refused: status 1, its message (which holds no patient data).
fn refused(error: StatementError) -> Failure {
    Failure {
        message: error.to_string(),
        status: 1,
    }
}

fn json(value: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut text| {
            text.push('\n');
            text
        })
        .map_err(|e| Failure::input(e.to_string()))
}

fn write(text: &str, to: Option<&Path>) -> Result<(), Failure> {
    match to {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display()))),
        None => {
            out!("{text}");
            Ok(())
        }
    }
}

/// A patient account's entries and charged claims.
fn patient_books(books: &Books, patient: &str) -> Result<(Vec<Entry>, Vec<ChargedClaim>), Failure> {
    let entries = books.patient_entries(patient).map_err(unreadable)?;
    let claims = books.patient_claims(patient).map_err(unreadable)?;
    Ok((entries, claims))
}

pub(crate) fn run_statement(
    books: &Books,
    args: StatementArgs,
    as_json: bool,
) -> Result<u8, Failure> {
    if [as_json, args.html, args.pdf]
        .iter()
        .filter(|f| **f)
        .count()
        > 1
    {
        return Err(Failure::input("--html, --pdf and --json: choose one"));
    }
    if args.pdf && args.output.is_none() {
        return Err(Failure::input("--pdf writes a file: give -o FILE"));
    }
    let (entries, claims) = patient_books(books, &args.patient)?;
    let options = StatementOptions {
        include_settled: args.include_settled,
        ..StatementOptions::on(args.as_of.unwrap_or_else(crate::clock::today))
    };
    let document =
        statement(&args.patient, &entries, claims.as_slice(), &options).map_err(refused)?;
    if args.pdf {
        let lines: Vec<String> = statement_text(&document)
            .lines()
            .map(str::to_owned)
            .collect();
        let bytes = medbill_print::document_pdf(&lines);
        let path = args.output.as_deref().unwrap_or(Path::new("statement.pdf"));
        std::fs::write(path, bytes)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?;
        return Ok(0);
    }
    let text = if as_json {
        json(&document)?
    } else if args.html {
        statement_html(&document)
    } else {
        statement_text(&document)
    };
    write(&text, args.output.as_deref())?;
    Ok(0)
}

pub(crate) fn run_plan(books: &Books, args: PlanArgs, as_json: bool) -> Result<u8, Failure> {
    let as_of = args.as_of.unwrap_or_else(crate::clock::today);
    let (entries, claims) = patient_books(books, &args.patient)?;
    let owed = statement(
        &args.patient,
        &entries,
        claims.as_slice(),
        &StatementOptions::on(as_of),
    )
    .map_err(refused)?
    .totals
    .amount_due;
    if owed <= Money::ZERO {
        return Err(refused(StatementError::NothingOwed));
    }
    let terms = match (args.installments, args.amount) {
        (Some(count), _) => PlanTerms::Installments(count),
        (None, Some(amount)) => PlanTerms::Amount(amount),
        (None, None) => return Err(Failure::input("give --installments N or --amount X")),
    };
    let (every, words) = match args.every {
        Every::Week => (PlanFrequency::Weekly, "weekly"),
        Every::TwoWeeks => (PlanFrequency::EveryTwoWeeks, "every two weeks"),
        Every::Month => (PlanFrequency::Monthly, "monthly"),
    };
    let plan = payment_plan(&PlanRequest {
        balance: owed,
        terms,
        every,
        opened: as_of,
        first: args.first,
        grace_days: args.grace_days,
        default_after_missed: args.default_after,
    })
    .map_err(refused)?;
    if as_json {
        out!("{}", json(&plan)?);
        return Ok(0);
    }
    outln!(
        "payment plan for patient account {}: ${} owed as of {as_of}, {} installments {words} from {}",
        args.patient,
        plan.balance,
        plan.installments.len(),
        args.first
    );
    for installment in &plan.installments {
        outln!(
            "{:>5}  {}  {:>12}",
            installment.number,
            installment.due,
            installment.amount.to_string()
        );
    }
    outln!(
        "an installment unpaid {} days after its due date is missed; {} missed put the plan in default",
        plan.grace_days,
        plan.default_after_missed
    );
    Ok(0)
}

pub(crate) fn run_explain(books: &Books, args: ExplainArgs, as_json: bool) -> Result<u8, Failure> {
    let as_of = args.as_of.unwrap_or_else(crate::clock::today);
    let entries = books.claim_entries(&args.claim).map_err(unreadable)?;
    let claims: Vec<ChargedClaim> = books
        .charged_claim(&args.claim)
        .map_err(unreadable)?
        .into_iter()
        .collect();
    let audience = match args.reader {
        Reader::Patient => Audience::Patient,
        Reader::Payer => Audience::Payer,
    };
    let answer: VisitExplanation =
        explain(&args.claim, &entries, claims.as_slice(), as_of, audience).map_err(refused)?;
    if as_json {
        out!("{}", json(&answer)?);
        return Ok(0);
    }
    for sentence in answer.sentences() {
        outln!("{sentence}");
    }
    Ok(0)
}
