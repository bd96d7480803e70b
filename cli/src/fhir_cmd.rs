//! `medbill fhir …`: FHIR R4 JSON of claims, adjudications, 835s, 271s and estimates, and a
//! claim read back from its FHIR Bundle. Every rule is in the core (`medbill::fhir`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use medbill::benefits::{Adjudication, EstimateRequest};
use medbill::{Claim, ErrorCode};

use crate::benefits_cmd::decode;
use crate::output::outln;
use crate::price_cmd::{PfsFiles, load_pfs};
use crate::{Failure, read_bytes, read_input};

#[derive(Debug, Subcommand)]
pub(crate) enum FhirCommand {
    /// A claim (medbill JSON) as a FHIR Bundle: Claim, Patient, Organizations,
    /// Practitioners, Coverage.
    Claim {
        /// The claim's JSON file, or - for standard input.
        claim: PathBuf,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The medbill claim JSON of a FHIR Claim Bundle written by `medbill fhir claim`.
    ReadClaim {
        /// The FHIR Bundle, or - for standard input.
        bundle: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// ExplanationOfBenefit Bundle (CARIN C4BB shape): of an adjudication (from `medbill
    /// adjudicate --json`, with --claim), or of every claim of an 835.
    Eob {
        /// An adjudication's JSON file, or an 835 file.
        file: PathBuf,
        /// The adjudicated claim, for an adjudication.
        #[arg(long)]
        claim: Option<PathBuf>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// ClaimResponse: of an adjudication (with --claim), or of one claim of an 835.
    ClaimResponse {
        /// An adjudication's JSON file, or an 835 file.
        file: PathBuf,
        /// The adjudicated claim, for an adjudication.
        #[arg(long)]
        claim: Option<PathBuf>,
        /// The patient control number of the 835 claim, when the 835 has several.
        #[arg(long)]
        pcn: Option<String>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Coverage (or, with --response, CoverageEligibilityResponse) of a 271.
    Coverage {
        /// The 271 file.
        file: PathBuf,
        /// Write the CoverageEligibilityResponse instead of the Coverage.
        #[arg(long)]
        response: bool,
        /// Which transaction set (1-based), when the file has several.
        #[arg(long)]
        set: Option<usize>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// A Da Vinci PCT Good Faith Estimate Bundle of an estimate request.
    Estimate {
        /// The estimate request (see core/schema/estimate-request.schema.json), or -.
        request: PathBuf,
        #[command(flatten)]
        pfs: PfsFiles,
        /// The date the estimate is made (YYYY-MM-DD); the --created date when absent.
        #[arg(long)]
        as_of: Option<NaiveDate>,
        #[command(flatten)]
        out: OutArgs,
    },
}

/// Where the FHIR goes and the date it is created.
#[derive(Debug, Args)]
pub(crate) struct OutArgs {
    /// The creation date written into the resources (YYYY-MM-DD); today when absent.
    #[arg(long)]
    created: Option<NaiveDate>,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

impl OutArgs {
    fn created(&self) -> NaiveDate {
        self.created.unwrap_or_else(crate::clock::today)
    }
}

/// A core FHIR error: exit status 1 with its stable code.
fn refused(error: &medbill::fhir::FhirError) -> Failure {
    Failure {
        message: format!("{} ({})", error, error.code()),
        status: 1,
    }
}

fn write(text: &str, output: Option<&Path>) -> Result<u8, Failure> {
    match output {
        Some(path) => std::fs::write(path, format!("{text}\n")).map_err(|e| Failure {
            message: format!("cannot write {}: {e}", path.display()),
            status: 74,
        })?,
        None => outln!("{text}"),
    }
    Ok(0)
}

fn emit<T: serde::Serialize>(value: &T, out: &OutArgs) -> Result<u8, Failure> {
    let text = medbill::fhir::to_json(value).map_err(|e| refused(&e))?;
    write(&text, out.output.as_deref())
}

/// True when the file starts like X12 (an ISA segment).
fn is_x12(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    text.iter()
        .position(|b| !b.is_ascii_whitespace())
        .and_then(|start| text.get(start..))
        .is_some_and(|rest| rest.starts_with(b"ISA"))
}

fn remittance(path: &Path, bytes: &[u8]) -> Result<medbill::remit::Remittance, Failure> {
    let mut sets = medbill::x12::read_835(bytes)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
    if sets.len() != 1 {
        return Err(Failure::input(format!(
            "{}: {} 835 transaction sets; give one",
            path.display(),
            sets.len()
        )));
    }
    Ok(sets.remove(0))
}

fn adjudicated(file: &Path, claim: Option<&Path>) -> Result<(Claim, Adjudication), Failure> {
    let claim_path = claim.ok_or_else(|| {
        Failure::input(format!(
            "{} is an adjudication: give --claim with the adjudicated claim",
            file.display()
        ))
    })?;
    let adjudication: Adjudication = decode(file)?;
    let claim: Claim = decode(claim_path)?;
    Ok((claim, adjudication))
}

pub(crate) fn run(command: FhirCommand) -> Result<u8, Failure> {
    match command {
        FhirCommand::Claim { claim, out } => {
            let claim: Claim = decode(&claim)?;
            let bundle =
                medbill::fhir::claim_bundle(&claim, out.created()).map_err(|e| refused(&e))?;
            emit(&bundle, &out)
        }
        FhirCommand::ReadClaim { bundle, output } => {
            let text = read_input(&bundle)?;
            let claim = medbill::fhir::claim_from_fhir(&text).map_err(|e| refused(&e))?;
            let json = serde_json::to_string_pretty(&claim).map_err(|e| Failure {
                message: format!("could not write the claim: {e}"),
                status: 1,
            })?;
            write(&json, output.as_deref())
        }
        FhirCommand::Eob { file, claim, out } => {
            let bytes = read_bytes(&file)?;
            let bundle = if is_x12(&bytes) {
                let remittance = remittance(&file, &bytes)?;
                medbill::fhir::eob_from_835(&remittance, out.created())
            } else {
                let (claim, adjudication) = adjudicated(&file, claim.as_deref())?;
                medbill::fhir::eob_from_adjudication(&claim, &adjudication, out.created())
            }
            .map_err(|e| refused(&e))?;
            emit(&bundle, &out)
        }
        FhirCommand::ClaimResponse {
            file,
            claim,
            pcn,
            out,
        } => {
            let bytes = read_bytes(&file)?;
            let response = if is_x12(&bytes) {
                let remittance = remittance(&file, &bytes)?;
                let chosen = match &pcn {
                    Some(pcn) => remittance
                        .claims
                        .iter()
                        .find(|c| c.patient_control_number.as_str() == pcn),
                    None if remittance.claims.len() == 1 => remittance.claims.first(),
                    None => {
                        return Err(Failure::input(format!(
                            "{}: the 835 has {} claims: choose one with --pcn",
                            file.display(),
                            remittance.claims.len()
                        )));
                    }
                };
                let chosen = chosen.ok_or_else(|| {
                    Failure::input(format!("{}: no claim with that --pcn", file.display()))
                })?;
                medbill::fhir::claim_response_from_835(&remittance, chosen, out.created())
            } else {
                let (claim, adjudication) = adjudicated(&file, claim.as_deref())?;
                medbill::fhir::claim_response_from_adjudication(
                    &claim,
                    &adjudication,
                    out.created(),
                )
            }
            .map_err(|e| refused(&e))?;
            emit(&response, &out)
        }
        FhirCommand::Coverage {
            file,
            response,
            set,
            out,
        } => {
            let bytes = read_bytes(&file)?;
            let sets = medbill::x12::read_271(&bytes)
                .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
            let index = match set {
                Some(n) => n.checked_sub(1),
                None if sets.len() == 1 => Some(0),
                None => {
                    return Err(Failure::input(format!(
                        "{}: the file has {} 271 transaction sets: choose one with --set",
                        file.display(),
                        sets.len()
                    )));
                }
            };
            let chosen = index.and_then(|i| sets.get(i)).ok_or_else(|| {
                Failure::input(format!("{}: no such transaction set", file.display()))
            })?;
            if response {
                let resource = medbill::fhir::eligibility_response_from_271(chosen, out.created())
                    .map_err(|e| refused(&e))?;
                emit(&resource, &out)
            } else {
                let resource = medbill::fhir::coverage_from_271(chosen).map_err(|e| refused(&e))?;
                emit(&resource, &out)
            }
        }
        FhirCommand::Estimate {
            request,
            pfs,
            as_of,
            out,
        } => {
            let request: EstimateRequest = decode(&request)?;
            let pfs = load_pfs(&pfs)?;
            let created = out.created();
            let estimate = medbill::estimate(&request, pfs.as_ref(), as_of.unwrap_or(created))
                .map_err(|e| Failure {
                    message: format!("{e} ({})", e.code()),
                    status: 1,
                })?;
            let bundle =
                medbill::fhir::gfe_bundle(&request, &estimate, created).map_err(|e| refused(&e))?;
            emit(&bundle, &out)
        }
    }
}
