//! `medbill claim validate FILE`, `medbill claim prepare ENCOUNTER --practice FILE` and
//! `medbill claim print --form cms1500|ub04 [--data-only] CLAIM -o claim.pdf`.

use std::path::PathBuf;

use clap::Subcommand;
use medbill::claim::print::{Form, Mode, PrintOptions};
use medbill::claim::{Encounter, Practice};
use medbill::{Claim, Finding};

use crate::output::outln;
use crate::{Failure, read_input};

#[derive(Debug, Subcommand)]
pub(crate) enum ClaimCommand {
    /// Structural findings for a claim. Exit status 0 without errors, 1 with errors, 2 when the
    /// file is not a claim.
    Validate {
        /// The claim's JSON file, or - for standard input.
        file: PathBuf,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Build the claim for a coded encounter and print it as JSON.
    Prepare {
        /// The encounter's JSON file, or - for standard input.
        encounter: PathBuf,
        /// The practice's JSON file (providers, payers, charge master, patients).
        #[arg(long)]
        practice: PathBuf,
    },
    /// Print a claim on its paper form as PDF: a professional claim on a CMS-1500, an
    /// institutional one on a UB-04. Exit status 1 when the claim cannot be printed (e.g. it
    /// has validation errors), 2 when the file is not a claim.
    Print {
        /// The claim's JSON file, or - for standard input.
        file: PathBuf,
        /// The form: cms1500 or ub04.
        #[arg(long)]
        form: String,
        /// Only the data, placed for the printed red OCR forms (default: the whole form).
        #[arg(long)]
        data_only: bool,
        /// Print even with validation errors (a draft).
        #[arg(long)]
        allow_invalid: bool,
        /// Write the PDF to this file instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
}

pub(crate) fn run(command: ClaimCommand) -> Result<u8, Failure> {
    match command {
        ClaimCommand::Validate { file, json } => validate(&file, json),
        ClaimCommand::Prepare {
            encounter,
            practice,
        } => prepare(&encounter, &practice),
        ClaimCommand::Print {
            file,
            form,
            data_only,
            allow_invalid,
            out,
        } => print(&file, &form, data_only, allow_invalid, out.as_deref()),
    }
}

fn validate(file: &std::path::Path, json: bool) -> Result<u8, Failure> {
    let claim = Claim::from_json(&read_input(file)?)
        .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
    let findings = claim.validate();
    if json {
        outln!(
            "{}",
            medbill::to_json(&findings).map_err(|e| Failure::input(e.to_string()))?
        );
    } else if findings.is_empty() {
        outln!("{}: no findings", claim.patient_control_number);
    } else {
        for finding in &findings {
            outln!("{}", describe(finding));
        }
    }
    let has_errors = medbill::finding::has_errors(&findings);
    Ok(if has_errors { 1 } else { 0 })
}

fn prepare(encounter: &std::path::Path, practice: &std::path::Path) -> Result<u8, Failure> {
    let encounter: Encounter = medbill::from_json(&read_input(encounter)?)
        .map_err(|e| Failure::input(format!("{}: {e}", encounter.display())))?;
    let practice: Practice = medbill::from_json(&read_input(practice)?)
        .map_err(|e| Failure::input(format!("{}: {e}", practice.display())))?;
    let claim =
        medbill::prepare_claim(&encounter, &practice).map_err(|e| Failure::input(e.to_string()))?;
    outln!(
        "{}",
        medbill::to_json(&claim).map_err(|e| Failure::input(e.to_string()))?
    );
    Ok(0)
}

fn print(
    file: &std::path::Path,
    form: &str,
    data_only: bool,
    allow_invalid: bool,
    out: Option<&std::path::Path>,
) -> Result<u8, Failure> {
    let form: Form = form
        .parse()
        .map_err(|e| Failure::input(format!("--form: {e}")))?;
    let claim = Claim::from_json(&read_input(file)?)
        .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
    let options = PrintOptions {
        mode: if data_only {
            Mode::DataOnly
        } else {
            Mode::Full
        },
        allow_invalid,
        creation_date: Some(crate::clock::today()),
    };
    let bytes = medbill_print::print(&claim, form, &options).map_err(|e| Failure {
        message: format!("cannot print {}: {e}", file.display()),
        status: 1,
    })?;
    match out {
        Some(path) => std::fs::write(path, &bytes)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?,
        None => crate::output::write_bytes(&bytes),
    }
    Ok(0)
}

/// One finding as a line of text: `error CLM-TOTAL-CHARGE /totalCharge: message`.
pub(crate) fn describe(finding: &Finding) -> String {
    format!(
        "{:<7} {} {}: {}",
        finding.severity.as_str(),
        finding.rule,
        finding.path,
        finding.message
    )
}
