//! `medbill adjudicate FILE --plan PLAN --accumulators ACC` and `medbill estimate REQUEST`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use medbill::benefits::{
    Accumulators, AdjudicateOptions, Adjudication, BenefitPlan, Estimate, EstimateRequest, Network,
};
use medbill::pricing::PricedClaim;
use medbill::{Claim, Contract};

use crate::output::{out, outln, warnln};
use crate::price_cmd::{PfsFiles, load_pfs};
use crate::{Failure, read_input};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum NetworkArg {
    In,
    Out,
}

#[derive(Debug, Args)]
pub(crate) struct AdjudicateArgs {
    /// A priced claim (from `medbill price --json`), or a claim to price first with --contract.
    file: PathBuf,
    /// The patient's benefit plan (see core/schema/benefit-plan.schema.json).
    #[arg(long)]
    plan: PathBuf,
    /// What the patient has met this plan year; nothing met when absent.
    #[arg(long)]
    accumulators: Option<PathBuf>,
    /// In or out of network.
    #[arg(long, value_enum, default_value = "in")]
    network: NetworkArg,
    #[command(flatten)]
    priced: PricedArgs,
    /// Adjudicate even what the checks refuse (negative amounts, lines that were not priced,
    /// totals that are not the sums, a plan that contradicts itself), and price a claim with
    /// validation errors; the result may then show negative amounts.
    #[arg(long)]
    unchecked: bool,
    /// Print the adjudication as JSON.
    #[arg(long)]
    json: bool,
}

/// The claim to adjudicate: a priced claim, or a claim and the contract to price it with.
#[derive(Debug, Args)]
pub(crate) struct PricedArgs {
    /// The payer contract, when the file is a claim rather than a priced claim.
    #[arg(long)]
    contract: Option<PathBuf>,
    #[command(flatten)]
    pfs: PfsFiles,
    /// The date to price for (YYYY-MM-DD); today when absent.
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Price under a contract whose payer is not the claim's (e.g. the next payer's contract
    /// for a claim still addressed to the prior payer).
    #[arg(long)]
    any_payer: bool,
}

#[derive(Debug, Args)]
pub(crate) struct EstimateArgs {
    /// The estimate request (see core/schema/estimate-request.schema.json), or - for stdin.
    request: PathBuf,
    #[command(flatten)]
    pfs: PfsFiles,
    /// The date the estimate is made (YYYY-MM-DD); today when absent.
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Print the estimate as JSON.
    #[arg(long)]
    json: bool,
    /// The payer's 271 eligibility answer: its plan and what the patient has met replace the
    /// request's (the request's plan, when it has one, supplies what the 271 leaves out);
    /// inactive coverage, a rejection or a 271 about someone else is an error finding and
    /// the visit is estimated as self-pay.
    #[arg(long, value_name = "FILE.271")]
    eligibility: Option<PathBuf>,
    /// The member id on the patient's card, checked against the 271.
    #[arg(long, requires = "eligibility")]
    member_id: Option<String>,
    /// The patient's last name, checked against the 271.
    #[arg(long, requires = "eligibility")]
    last_name: Option<String>,
    /// The patient's first name, checked against the 271.
    #[arg(long, requires = "eligibility")]
    first_name: Option<String>,
    /// The patient's date of birth (YYYY-MM-DD), checked against the 271.
    #[arg(long, requires = "eligibility")]
    birth_date: Option<NaiveDate>,
}

pub(crate) fn decode<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, Failure> {
    medbill::from_json(&read_input(path)?)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

pub(crate) fn failed(error: impl std::fmt::Display) -> Failure {
    Failure {
        message: error.to_string(),
        status: 1,
    }
}

/// The priced claim in `file`, or the claim in `file` priced with `--contract` (`unchecked`:
/// even when the claim has validation errors).
pub(crate) fn priced_claim(
    file: &Path,
    args: &PricedArgs,
    unchecked: bool,
) -> Result<PricedClaim, Failure> {
    let text = read_input(file)?;
    let is_claim =
        serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v.get("form").is_some());
    if !is_claim {
        return medbill::from_json(&text)
            .map_err(|e| Failure::input(format!("{}: {e}", file.display())));
    }
    let claim =
        Claim::from_json(&text).map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
    let contract_path = args.contract.as_ref().ok_or_else(|| {
        Failure::input(format!(
            "{} is a claim: give --contract to price it first",
            file.display()
        ))
    })?;
    let contract: Contract = decode(contract_path)?;
    let pfs = load_pfs(&args.pfs)?;
    let options = medbill::pricing::PriceOptions {
        unchecked,
        any_payer: args.any_payer,
        ..Default::default()
    };
    medbill::price(
        &claim,
        &contract,
        pfs.as_ref(),
        args.as_of.unwrap_or_else(crate::clock::today),
        &options,
    )
    .map_err(failed)
}

/// The accumulators in `path`, or nothing met.
pub(crate) fn accumulators(path: Option<&Path>) -> Result<Accumulators, Failure> {
    path.map_or_else(|| Ok(Accumulators::default()), decode)
}

impl NetworkArg {
    pub(crate) fn network(self) -> Network {
        match self {
            NetworkArg::In => Network::InNetwork,
            NetworkArg::Out => Network::OutOfNetwork,
        }
    }
}

/// Prints findings that do not stop the command (warnings), to standard error.
pub(crate) fn warn_findings(findings: &[medbill::Finding]) {
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

pub(crate) fn adjudicate(args: AdjudicateArgs) -> Result<u8, Failure> {
    let priced = priced_claim(&args.file, &args.priced, args.unchecked)?;
    let plan: BenefitPlan = decode(&args.plan)?;
    let accumulators = accumulators(args.accumulators.as_deref())?;
    let options = AdjudicateOptions {
        unchecked: args.unchecked,
    };
    let result = medbill::benefits::adjudicate_with(
        &priced,
        &plan,
        &accumulators,
        args.network.network(),
        options,
    )
    .map_err(failed)?;
    if args.json {
        outln!("{}", medbill::to_json(&result).map_err(failed)?);
    } else {
        out!("{}", describe(&result, &plan.name));
        warn_findings(&result.findings);
    }
    Ok(0)
}

/// An adjudication as a plain-language explanation of benefits.
pub(crate) fn describe(result: &Adjudication, plan: &str) -> String {
    let sequestration = if result.sequestration.is_zero() {
        String::new()
    } else {
        format!(
            " (${} before ${} sequestration)",
            result.plan_paid_before_sequestration, result.sequestration
        )
    };
    let mut out = format!(
        "claim {} under {plan}: charged ${}, allowed ${}, plan pays ${}{sequestration}, patient owes ${}\n",
        result.patient_control_number,
        result.total_charge,
        result.total_allowed,
        result.plan_paid,
        result.patient_responsibility
    );
    for line in &result.lines {
        let code = line
            .procedure
            .map(|p| p.to_string())
            .unwrap_or_else(|| "-".to_owned());
        let adjustments: Vec<String> = line
            .adjustments
            .iter()
            .map(|a| format!("{}-{} {}", a.group, a.reason, a.amount))
            .collect();
        out.push_str(&format!(
            "  line {} {code} ({}): plan ${} patient ${}  [{}]\n",
            line.line.saturating_add(1),
            serde_json::to_string(&line.category)
                .unwrap_or_default()
                .trim_matches('"'),
            line.plan_paid,
            line.patient_responsibility,
            adjustments.join(", ")
        ));
        for sentence in &line.explanation {
            out.push_str(&format!("      {sentence}\n"));
        }
    }
    out
}

pub(crate) fn estimate(args: EstimateArgs) -> Result<u8, Failure> {
    let request: EstimateRequest = decode(&args.request)?;
    let pfs = load_pfs(&args.pfs)?;
    let as_of = args.as_of.unwrap_or_else(crate::clock::today);
    let Some(file) = &args.eligibility else {
        let result: Estimate = medbill::estimate(&request, pfs.as_ref(), as_of).map_err(failed)?;
        if args.json {
            outln!("{}", medbill::to_json(&result).map_err(failed)?);
        } else {
            print_estimate(&result);
        }
        return Ok(0);
    };
    let bytes = std::fs::read(file)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", file.display())))?;
    let responses = medbill::x12::read_271(&bytes)
        .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
    let mut check = medbill::benefits::EligibilityCheck::on(as_of);
    check.member_id = args.member_id.clone().map(Into::into);
    check.last_name = args.last_name.clone().map(Into::into);
    check.first_name = args.first_name.clone().map(Into::into);
    check.birth_date = args.birth_date.map(Into::into);
    let both = medbill::benefits::estimate_with_eligibility(
        &request,
        &responses,
        &check,
        pfs.as_ref(),
        as_of,
    )
    .map_err(failed)?;
    if args.json {
        outln!("{}", medbill::to_json(&both).map_err(failed)?);
    } else {
        print_eligibility(&both.eligibility);
        print_estimate(&both.estimate);
    }
    Ok(0)
}

/// The coverage a 271 states, in a few lines (its findings come with the estimate's).
fn print_eligibility(eligibility: &medbill::benefits::EligibilityBenefits) {
    let payer = eligibility.payer.as_deref().unwrap_or("the payer");
    let Some(plan) = &eligibility.plan else {
        use medbill::benefits::CoverageStatus;
        let why = match eligibility.coverage {
            CoverageStatus::Active => "coverage is active but no plan could be built",
            CoverageStatus::Inactive => "the coverage is not active on the date of service",
            CoverageStatus::Rejected => "the payer could not answer",
            CoverageStatus::Mismatch => "the 271 is about someone else",
            CoverageStatus::Unknown => "the 271 says nothing about the coverage",
        };
        outln!("eligibility: {payer}: {why}; estimated as self-pay");
        return;
    };
    let tier = &plan.in_network;
    let met = eligibility
        .accumulators
        .as_ref()
        .map(|a| a.in_network.individual_deductible)
        .unwrap_or_default();
    outln!(
        "eligibility: {payer}, {} ({} to {}): active; deductible ${} (${met} met), coinsurance {}",
        plan.name,
        plan.plan_year_start,
        plan.plan_year_end,
        tier.deductible.individual,
        tier.coinsurance
    );
}

fn print_estimate(result: &Estimate) {
    if result.patient_cost_low == result.patient_cost_high {
        outln!(
            "estimated patient cost: ${} (charges ${}, allowed ${}, plan pays ${})",
            result.patient_cost,
            result.total_charge,
            result.total_allowed,
            result.plan_pays
        );
    } else {
        outln!(
            "estimated patient cost: ${} to ${} (${} if nothing is met yet; charges ${}, allowed ${})",
            result.patient_cost_low,
            result.patient_cost_high,
            result.patient_cost,
            result.total_charge,
            result.total_allowed
        );
    }
    for line in &result.lines {
        outln!(
            "  {} on {}: charge ${} allowed ${} patient ${}",
            line.procedure,
            line.date,
            line.charge,
            line.allowed,
            line.patient_cost
        );
    }
    warn_findings(&result.findings);
    if let Some(gfe) = &result.good_faith_estimate {
        outln!(
            "Good Faith Estimate (issued {}, deliver by {}): total expected charges ${}",
            gfe.issued,
            gfe.deliver_by,
            gfe.total_expected_charges
        );
        for item in &gfe.items {
            outln!(
                "  {} {} on {}: ${}",
                item.provider,
                item.procedure,
                item.date,
                item.expected_charge
            );
        }
        for sentence in &gfe.notice {
            outln!("  {sentence}");
        }
    }
}
