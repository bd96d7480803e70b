//! `medbill codes check KIND VALUE...`

use clap::Subcommand;
use medbill::CodeKind;

use crate::Failure;
use crate::output::outln;

#[derive(Debug, Subcommand)]
pub(crate) enum CodesCommand {
    /// Check values of one kind; prints `value<TAB>valid|invalid<TAB>normalized or reason`.
    /// Exit status 0 when all are valid, 1 otherwise.
    Check {
        /// npi, icd10cm, pcs, procedure, modifier, pos, ndc, taxonomy, revenue, carc, rarc, group or frequency.
        kind: String,
        /// The values to check.
        #[arg(required = true)]
        values: Vec<String>,
    },
}

pub(crate) fn run(command: CodesCommand) -> Result<u8, Failure> {
    let CodesCommand::Check { kind, values } = command;
    let kind: CodeKind = kind
        .parse()
        .map_err(|e: medbill::CodeError| Failure::input(e.to_string()))?;
    let mut all_valid = true;
    for value in &values {
        if crate::output::closed() {
            break;
        }
        let check = medbill::codes::check(kind, value);
        all_valid &= check.valid;
        let (verdict, detail) = if check.valid {
            ("valid", check.normalized.unwrap_or_default())
        } else {
            ("invalid", check.reason.unwrap_or_default())
        };
        outln!("{value}\t{verdict}\t{detail}");
    }
    Ok(if all_valid { 0 } else { 1 })
}
