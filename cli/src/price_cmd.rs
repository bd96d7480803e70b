//! `medbill price CLAIM --contract FILE [--pfs-dir DIR] [--zip FILE] [--pfs-version V]
//! [--as-of DATE] [--unchecked] [--any-payer] [--json]` and
//! `medbill pfs verify --rvu FILE --gpci FILE --payment-file FILE`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use medbill::codesets::PfsVersionSource;
use medbill::codesets::{PfsData, load_payment_amounts};
use medbill::pricing::{LineStatus, Operation, PriceOptions, PricedClaim, verify_payment_amounts};
use medbill::{Claim, Contract};

use crate::output::{out, outln};
use crate::{Failure, read_input};

/// Where the Medicare PFS files are.
#[derive(Debug, Args)]
pub(crate) struct PfsFiles {
    /// Folder with the PFS files: `*RVU*.csv|txt`, `*GPCI*`, and optionally `*ANES*` and `*ZIP*`.
    #[arg(long)]
    pub(crate) pfs_dir: Option<PathBuf>,
    /// The ZIP-to-locality file (`ZIP5_*.txt`), when it is not in the PFS folder.
    #[arg(long)]
    pub(crate) zip: Option<PathBuf>,
    /// The PFS data version to record (e.g. RVU25D), overriding the release the relative
    /// value file names in its title (or in its or its folder's name).
    #[arg(long)]
    pub(crate) pfs_version: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct PriceArgs {
    /// The claim's JSON file, or - for standard input.
    claim: PathBuf,
    /// The payer contract's JSON file (see core/schema/contract.schema.json).
    #[arg(long)]
    contract: PathBuf,
    #[command(flatten)]
    pfs: PfsFiles,
    /// The pricing date (YYYY-MM-DD); today when absent.
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Print the priced claim as JSON.
    #[arg(long)]
    json: bool,
    /// Price the claim even when `claim validate` finds errors in it.
    #[arg(long)]
    unchecked: bool,
    /// Price under the contract even when its payer is not the claim's payer.
    #[arg(long)]
    any_payer: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum PfsCommand {
    /// Price every row of a CMS payment amount file (PFREV) and compare to the cent.
    Verify {
        /// The relative value file (PPRRVU, CSV or TXT).
        #[arg(long)]
        rvu: PathBuf,
        /// The GPCI file.
        #[arg(long)]
        gpci: PathBuf,
        /// The payment amount file (PFREV*.txt).
        #[arg(long)]
        payment_file: PathBuf,
    },
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))
}

/// The first file in `dir` whose upper-cased name contains `part`, CSV before TXT.
fn find(dir: &Path, part: &str) -> Result<Option<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", dir.display())))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_uppercase())
                .unwrap_or_default();
            name.contains(part) && (name.ends_with(".CSV") || name.ends_with(".TXT"))
        })
        .collect();
    found.sort_by_key(|p| {
        (
            !p.to_string_lossy().to_uppercase().ends_with(".CSV"),
            p.clone(),
        )
    });
    Ok(found.into_iter().next())
}

/// Loads the PFS data named on the command line, if any.
pub(crate) fn load_pfs(files: &PfsFiles) -> Result<Option<PfsData>, Failure> {
    let Some(dir) = &files.pfs_dir else {
        return Ok(None);
    };
    let missing = |what: &str| Failure::input(format!("{}: no {what} file", dir.display()));
    let rvu = find(dir, "RVU")?.ok_or_else(|| missing("relative value (*RVU*)"))?;
    let gpci = find(dir, "GPCI")?.ok_or_else(|| missing("GPCI"))?;
    let anesthesia = find(dir, "ANES")?.map(|p| read_bytes(&p)).transpose()?;
    let zip_path = match &files.zip {
        Some(path) => Some(path.clone()),
        None => find(dir, "ZIP")?,
    };
    let zip = zip_path.map(|p| read_bytes(&p)).transpose()?;
    let name = |path: &Path| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let (rvu_name, dir_name) = (name(&rvu), name(dir));
    PfsData::load(
        &read_bytes(&rvu)?,
        &read_bytes(&gpci)?,
        anesthesia.as_deref(),
        zip.as_deref(),
        files.pfs_version.as_deref(),
    )
    .map(|data| Some(data.named_by_file(&[&rvu_name, &dir_name])))
    .map_err(|e| Failure::input(e.to_string()))
}

pub(crate) fn price(args: PriceArgs) -> Result<u8, Failure> {
    let claim = Claim::from_json(&read_input(&args.claim)?)
        .map_err(|e| Failure::input(format!("{}: {e}", args.claim.display())))?;
    let contract: Contract = medbill::from_json(&read_input(&args.contract)?)
        .map_err(|e| Failure::input(format!("{}: {e}", args.contract.display())))?;
    let pfs = load_pfs(&args.pfs)?;
    let options = PriceOptions {
        unchecked: args.unchecked,
        any_payer: args.any_payer,
        trace: true,
    };
    let priced = medbill::price(
        &claim,
        &contract,
        pfs.as_ref(),
        args.as_of.unwrap_or_else(crate::clock::today),
        &options,
    )
    .map_err(|e| Failure {
        message: e.to_string(),
        status: 1,
    })?;
    if args.json {
        outln!(
            "{}",
            medbill::to_json(&priced).map_err(|e| Failure::input(e.to_string()))?
        );
    } else {
        out!("{}", describe(&priced));
    }
    Ok(0)
}

/// A priced claim as readable text: each line, its allowed amount and how it was reached.
pub(crate) fn describe(priced: &PricedClaim) -> String {
    let mut out = format!(
        "claim {} for payer {} as of {}: charge ${}, allowed ${}\n",
        priced.patient_control_number,
        priced.payer_id,
        priced.as_of,
        priced.total_charge,
        priced.total_allowed
    );
    if let Some(choice) = &priced.locality {
        out.push_str(&format!(
            "  locality {} ({})\n",
            choice.locality,
            choice.source.describe()
        ));
    }
    if let Some(version) = &priced.pfs_version {
        let source = match version.source {
            PfsVersionSource::RvuFile => "named in the relative value file",
            PfsVersionSource::FileName => "from the file name",
            PfsVersionSource::Caller => "given with --pfs-version",
            PfsVersionSource::Unknown => "the files do not say which release they are",
        };
        out.push_str(&format!("  PFS data {} ({source})\n", version.version));
    }
    for line in &priced.lines {
        let code = line
            .procedure
            .map(|p| p.to_string())
            .unwrap_or_else(|| "-".to_owned());
        let modifiers = line
            .modifiers
            .iter()
            .map(|m| format!("-{m}"))
            .collect::<String>();
        let status = match &line.status {
            LineStatus::Priced => String::new(),
            LineStatus::NotPayable { reason } => format!("  not payable: {reason}"),
            LineStatus::ManualPricing { reason } => format!("  manual pricing: {reason}"),
        };
        out.push_str(&format!(
            "  line {} {code}{modifiers}: charge ${} allowed ${}{status}\n",
            line.line.saturating_add(1),
            line.charge,
            line.allowed
        ));
        for step in &line.trace {
            let op = match &step.operation {
                Operation::Set { amount } => format!("= {amount}"),
                Operation::Multiply { factor } => format!("× {factor}"),
                Operation::Subtract { amount } => format!("− {amount}"),
                Operation::AtMost { limit } => format!("at most {limit}"),
                Operation::Round { places, .. } => format!("round to {places} places"),
            };
            out.push_str(&format!(
                "      {:<22} {:<28} → {}   {}\n",
                step.rule, op, step.result, step.explanation
            ));
            if !step.inputs.is_empty() {
                let inputs: Vec<String> = step
                    .inputs
                    .iter()
                    .map(|i| format!("{} {}", i.name, i.value))
                    .collect();
                out.push_str(&format!("      {:<22} inputs: {}\n", "", inputs.join(", ")));
            }
        }
    }
    out
}

pub(crate) fn pfs(command: PfsCommand) -> Result<u8, Failure> {
    let PfsCommand::Verify {
        rvu,
        gpci,
        payment_file,
    } = command;
    let data = PfsData::load(&read_bytes(&rvu)?, &read_bytes(&gpci)?, None, None, None)
        .map_err(|e| Failure::input(e.to_string()))?;
    let rows = load_payment_amounts(&read_bytes(&payment_file)?)
        .map_err(|e| Failure::input(e.to_string()))?;
    let report = verify_payment_amounts(&data, &rows).map_err(|e| Failure::input(e.to_string()))?;
    for mismatch in &report.mismatches {
        let ours = mismatch
            .medbill
            .map(|m| m.to_string())
            .unwrap_or_else(|| "not priced".to_owned());
        outln!(
            "mismatch {}: CMS {} medbill {ours}",
            mismatch.what,
            mismatch.cms
        );
    }
    outln!(
        "non-facility: matched {} of {}",
        report.non_facility_matched,
        report.rows
    );
    outln!(
        "facility: matched {} of {}",
        report.facility_matched,
        report.rows
    );
    Ok(if report.mismatches.is_empty() { 0 } else { 1 })
}
