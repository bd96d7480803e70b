//! `medbill claim validate FILE` and `medbill claim prepare ENCOUNTER --practice FILE`.

use std::path::PathBuf;

use clap::Subcommand;
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
}

pub(crate) fn run(command: ClaimCommand) -> Result<u8, Failure> {
    match command {
        ClaimCommand::Validate { file, json } => validate(&file, json),
        ClaimCommand::Prepare {
            encounter,
            practice,
        } => prepare(&encounter, &practice),
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
