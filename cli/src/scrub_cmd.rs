//! `medbill scrub CLAIM.json [--codesets DIR] [--payer-rules FILE] [--history FILE] [--json]`:
//! the scrubber's findings for a claim, against the official code-set files found in DIR
//! (by their published names), a payer's rule pack and the patient's earlier services.

use std::path::{Path, PathBuf};

use medbill::Claim;
use medbill::codesets::{CodeSetFile, CodeSets};
use medbill::scrub::{PayerRules, ScrubHistory};

use crate::output::outln;
use crate::{Failure, read_bytes, read_input};

/// Scrub a claim before it is sent: code sets by date of service, NCCI and MUE edits,
/// modifiers, global periods, duplicates, timely filing and the payer's rules. Exit status 0
/// without errors, 1 with errors, 2 when an input cannot be read.
#[derive(Debug, clap::Args)]
pub(crate) struct ScrubArgs {
    /// The claim's JSON file, or - for standard input.
    claim: PathBuf,
    /// A folder of official code-set files (ICD-10-CM tabular or order file, HCPCS, PPRRVU,
    /// NCCI PTP ccipra/ccioph, MUE, AOC, place of service, NUCC taxonomy) under their
    /// published names (other files are skipped), or a code-set pack built by `medbill
    /// codesets pack`. Repeat for several folders.
    #[arg(long)]
    codesets: Vec<PathBuf>,
    /// The payer's rule pack (JSON, see core/schema/payer-rules.schema.json).
    #[arg(long)]
    payer_rules: Option<PathBuf>,
    /// The patient's earlier services (JSON, see core/schema/scrub-history.schema.json).
    #[arg(long)]
    history: Option<PathBuf>,
    /// Scrub as of this date (YYYY-MM-DD) rather than today: timely filing counts from it.
    #[arg(long)]
    as_of: Option<chrono::NaiveDate>,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
}

/// Loads every official file found in the folders; the loaded tables are listed on
/// standard error.
pub(crate) fn load_codesets(dirs: &[PathBuf]) -> Result<CodeSets, Failure> {
    let mut sets = CodeSets::new();
    for dir in dirs {
        if dir.is_file() {
            let bytes = read_bytes(dir)?;
            if !medbill::codesets::is_pack(&bytes) {
                return Err(Failure::input(format!(
                    "{}: not a folder or a code-set pack",
                    dir.display()
                )));
            }
            if dirs.len() > 1 {
                return Err(Failure::input(
                    "a code-set pack is used alone: give it as the only --codesets".to_owned(),
                ));
            }
            return CodeSets::from_pack(&bytes)
                .map(|pack| pack.sets)
                .map_err(|e| Failure::input(format!("{}: {e}", dir.display())));
        }
        let mut files = Vec::new();
        walk(dir, &mut files)?;
        files.sort();
        for path in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(kind) = CodeSetFile::from_name(name) else {
                continue;
            };
            let bytes = read_bytes(&path)?;
            sets.load(kind, &bytes)
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        }
    }
    Ok(sets)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::input(format!("cannot read folder {}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry
            .map_err(|e| Failure::input(format!("cannot read folder {}: {e}", dir.display())))?
            .path();
        if path.is_dir() {
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

pub(crate) fn scrub(args: ScrubArgs) -> Result<u8, Failure> {
    let claim = Claim::from_json(&read_input(&args.claim)?)
        .map_err(|e| Failure::input(format!("{}: {e}", args.claim.display())))?;
    let rules = match &args.payer_rules {
        Some(path) => {
            let rules = PayerRules::from_json(&read_input(path)?)
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
            rules
                .check()
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
            rules
        }
        None => PayerRules::default(),
    };
    let history: ScrubHistory = match &args.history {
        Some(path) => medbill::from_json(&read_input(path)?)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        None => ScrubHistory::default(),
    };
    let sets = load_codesets(&args.codesets)?;
    let as_of = args.as_of.unwrap_or_else(crate::clock::today);
    let findings = medbill::scrub(&claim, &sets, &rules, as_of, &history);
    if args.json {
        outln!(
            "{}",
            medbill::to_json(&findings).map_err(|e| Failure::input(e.to_string()))?
        );
    } else {
        for line in sets.loaded() {
            outln!("loaded {line}");
        }
        if findings.is_empty() {
            outln!("{}: no findings", claim.patient_control_number);
        }
        for finding in &findings {
            outln!("{}", crate::claim_cmd::describe(finding));
            if let Some(fix) = &finding.fix {
                outln!("        fix: {fix}");
            }
        }
    }
    Ok(if medbill::finding::has_errors(&findings) {
        1
    } else {
        0
    })
}

/// `medbill codesets pack DIR... -o FILE [--from DATE --to DATE]`.
#[derive(Debug, clap::Args)]
pub(crate) struct PackArgs {
    /// Folders of official code-set files, as `medbill scrub --codesets` reads them.
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Where to write the pack.
    #[arg(short, long)]
    out: PathBuf,
    /// The first day the pack answers for (with --to): only the ICD-10-CM fiscal years and
    /// HCPCS releases the range reads are kept.
    #[arg(long, requires = "to")]
    from: Option<chrono::NaiveDate>,
    /// The last day the pack answers for.
    #[arg(long, requires = "from")]
    to: Option<chrono::NaiveDate>,
}

/// `medbill codesets` commands.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum CodesetsCommand {
    /// Build a compact binary pack of the code sets (for browsers and phones: the bindings
    /// load it from bytes, without the official files or their readers).
    Pack(PackArgs),
}

pub(crate) fn codesets(command: CodesetsCommand) -> Result<u8, Failure> {
    let CodesetsCommand::Pack(args) = command;
    let sets = load_codesets(&args.dirs)?;
    let range = args.from.zip(args.to);
    let bytes = sets
        .to_pack(range)
        .map_err(|e| Failure::input(e.to_string()))?;
    std::fs::write(&args.out, &bytes)
        .map_err(|e| Failure::input(format!("cannot write {}: {e}", args.out.display())))?;
    let kept = match range {
        Some(_) => {
            CodeSets::from_pack(&bytes)
                .map_err(|e| Failure::input(e.to_string()))?
                .sets
        }
        None => sets,
    };
    for line in kept.loaded() {
        crate::output::warnln!("packed {line}");
    }
    crate::output::outln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(0)
}
