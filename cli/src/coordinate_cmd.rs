//! `medbill coordinate PRIOR FILE --plan PLAN --method METHOD`: what the next payer pays
//! after the prior payer, and what the patient still owes.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use medbill::X12File;
use medbill::benefits::{AdjudicateOptions, BenefitPlan, CobMethod, Coordination, RemittedClaim};
use medbill::pricing::PricedClaim;
use medbill::x12::X12Error;

use crate::Failure;
use crate::benefits_cmd::{
    NetworkArg, PricedArgs, accumulators, decode, failed, priced_claim, warn_findings,
};
use crate::output::{out, outln};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum MethodArg {
    /// Its normal benefit, but no more than the balance the prior payer left.
    Standard,
    /// Its normal benefit less what the prior payer paid.
    NonDuplication,
    /// Its normal benefit less the prior payment (plans name it apart from non-duplication).
    CarveOut,
    /// Its allowed amount less the prior payment, times --coverage.
    MaintenanceOfBenefits,
    /// Medicare as secondary payer (the least of the four MSP amounts).
    MedicareSecondary,
}

#[derive(Debug, Args)]
pub(crate) struct CoordinateArgs {
    /// What the prior payer decided: its adjudication (`medbill adjudicate --json`), a
    /// coordination (`medbill coordinate --json`: this payer is then the third), or its 835
    /// (X12, told by its content; the claim with FILE's patient control number is used, its
    /// service lines in the claim's line order).
    prior: PathBuf,
    /// The claim as this payer priced it (`medbill price --json`), or a claim to price first
    /// with --contract.
    file: PathBuf,
    /// This payer's benefit plan (see core/schema/benefit-plan.schema.json).
    #[arg(long)]
    plan: PathBuf,
    /// What the patient has met this plan year with this payer; nothing met when absent.
    #[arg(long)]
    accumulators: Option<PathBuf>,
    /// In or out of this payer's network.
    #[arg(long, value_enum, default_value = "in")]
    network: NetworkArg,
    /// How this payer coordinates with the prior payer.
    #[arg(long, value_enum)]
    method: MethodArg,
    /// The share this payer covers, for maintenance of benefits (e.g. 80%).
    #[arg(long)]
    coverage: Option<medbill::Rate>,
    /// Medicare secondary: the provider is obligated to accept the prior payer's allowed amount
    /// as payment in full.
    #[arg(long)]
    obligated_to_accept: bool,
    #[command(flatten)]
    priced: PricedArgs,
    /// Print the coordination as JSON.
    #[arg(long)]
    json: bool,
}

/// What the prior payer decided, by source.
enum Prior {
    Adjudication(Box<medbill::Adjudication>),
    Coordination(Coordination),
    Remittance(RemittedClaim),
}

pub(crate) fn coordinate(args: CoordinateArgs) -> Result<u8, Failure> {
    let method = method(&args)?;
    let priced = priced_claim(&args.file, &args.priced, false)?;
    let prior = read_prior(&args.prior, &priced)?;
    let plan: BenefitPlan = decode(&args.plan)?;
    let accumulators = accumulators(args.accumulators.as_deref())?;
    // This payer's normal benefit: its own adjudication of the claim as if it were primary.
    let normal = medbill::benefits::adjudicate_with(
        &priced,
        &plan,
        &accumulators,
        args.network.network(),
        AdjudicateOptions::default(),
    )
    .map_err(failed)?;
    let result = match &prior {
        Prior::Adjudication(prior) => medbill::benefits::coordinate(prior, &normal, method),
        Prior::Coordination(previous) => {
            medbill::benefits::coordinate_next(previous, &normal, method)
        }
        Prior::Remittance(remitted) => {
            medbill::benefits::coordinate_remittance(remitted, &normal, method)
        }
    }
    .map_err(failed)?;
    if args.json {
        outln!("{}", medbill::to_json(&result).map_err(failed)?);
    } else {
        out!("{}", describe(&result, &priced, &plan.name));
        warn_findings(&normal.findings);
    }
    Ok(0)
}

fn method(args: &CoordinateArgs) -> Result<CobMethod, Failure> {
    if args.coverage.is_some() && args.method != MethodArg::MaintenanceOfBenefits {
        return Err(Failure::input(
            "--coverage is for --method maintenance-of-benefits",
        ));
    }
    if args.obligated_to_accept && args.method != MethodArg::MedicareSecondary {
        return Err(Failure::input(
            "--obligated-to-accept is for --method medicare-secondary",
        ));
    }
    Ok(match args.method {
        MethodArg::Standard => CobMethod::Standard,
        MethodArg::NonDuplication => CobMethod::NonDuplication,
        MethodArg::CarveOut => CobMethod::CarveOut,
        MethodArg::MaintenanceOfBenefits => CobMethod::MaintenanceOfBenefits {
            coverage: args.coverage.ok_or_else(|| {
                Failure::input("--method maintenance-of-benefits needs --coverage")
            })?,
        },
        MethodArg::MedicareSecondary => CobMethod::MedicareSecondary {
            obligated_to_accept: args.obligated_to_accept,
        },
    })
}

/// The prior payer's decision: an 835 when the file is X12 (by its content), else the JSON of
/// an adjudication or a coordination.
fn read_prior(path: &Path, priced: &PricedClaim) -> Result<Prior, Failure> {
    let bytes = crate::read_bytes(path)?;
    match medbill::read_x12(&bytes) {
        Ok(file) => return remittance_of(path, file, priced).map(Prior::Remittance),
        Err(X12Error::NoInterchange) => {}
        Err(e) => return Err(Failure::input(format!("{}: {e}", path.display()))),
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::input(format!("{} is neither X12 nor UTF-8 JSON", path.display())))?;
    let is_coordination = serde_json::from_str::<serde_json::Value>(&text)
        .is_ok_and(|v| v.get("secondaryPaid").is_some());
    let input = |e: medbill::DecodeError| Failure::input(format!("{}: {e}", path.display()));
    Ok(if is_coordination {
        Prior::Coordination(medbill::from_json(&text).map_err(input)?)
    } else {
        Prior::Adjudication(Box::new(medbill::from_json(&text).map_err(input)?))
    })
}

/// The 835 claim with the priced claim's patient control number, as the remittance the
/// coordination works from.
fn remittance_of(
    path: &Path,
    file: X12File,
    priced: &PricedClaim,
) -> Result<RemittedClaim, Failure> {
    let mut found = file
        .remittances
        .into_iter()
        .flat_map(|r| r.claims)
        .filter(|c| c.patient_control_number.as_str() == priced.patient_control_number);
    let (Some(claim), None) = (found.next(), found.next()) else {
        return Err(Failure::input(format!(
            "{}: not exactly one claim with the claim's patient control number",
            path.display()
        )));
    };
    // The conversion is the core's: codes validated, a missing amount refused.
    claim
        .remitted()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

fn method_name(method: CobMethod) -> String {
    match method {
        CobMethod::Standard => "standard coordination".to_owned(),
        CobMethod::NonDuplication => "non-duplication".to_owned(),
        CobMethod::CarveOut => "carve-out".to_owned(),
        CobMethod::MaintenanceOfBenefits { coverage } => {
            format!("maintenance of benefits at {coverage}")
        }
        CobMethod::MedicareSecondary {
            obligated_to_accept: false,
        } => "Medicare secondary payer".to_owned(),
        CobMethod::MedicareSecondary {
            obligated_to_accept: true,
        } => "Medicare secondary payer, the prior allowed amount accepted in full".to_owned(),
    }
}

/// A coordination in plain words: the claim, then each line.
fn describe(result: &Coordination, priced: &PricedClaim, plan: &str) -> String {
    let mut out = format!(
        "claim {} under {plan} by {}: prior payers paid ${}, this payer pays ${}, patient owes ${}\n",
        priced.patient_control_number,
        method_name(result.method),
        result.prior_paid,
        result.secondary_paid,
        result.patient_balance
    );
    for line in &result.lines {
        let code = priced
            .lines
            .get(line.line)
            .and_then(|l| l.procedure)
            .map_or_else(|| "-".to_owned(), |p| p.to_string());
        out.push_str(&format!(
            "  line {} {code}: charge ${}, prior paid ${}, this payer pays ${}, patient owes ${}\n",
            line.line.saturating_add(1),
            line.charge,
            line.prior_paid,
            line.secondary_paid,
            line.patient_balance
        ));
    }
    out
}
