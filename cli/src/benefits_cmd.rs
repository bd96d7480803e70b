//! `medbill adjudicate FILE --plan PLAN --accumulators ACC` and `medbill estimate REQUEST`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use medbill::benefits::{
    Accumulators, Adjudication, BenefitPlan, Estimate, EstimateRequest, Network,
};
use medbill::pricing::PricedClaim;
use medbill::{Claim, Contract};

use crate::output::{out, outln};
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
    /// The payer contract, when FILE is a claim rather than a priced claim.
    #[arg(long)]
    contract: Option<PathBuf>,
    #[command(flatten)]
    pfs: PfsFiles,
    /// The date to price for (YYYY-MM-DD); today when absent.
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Print the adjudication as JSON.
    #[arg(long)]
    json: bool,
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
}

fn decode<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, Failure> {
    medbill::from_json(&read_input(path)?)
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

fn failed(error: impl std::fmt::Display) -> Failure {
    Failure {
        message: error.to_string(),
        status: 1,
    }
}

pub(crate) fn adjudicate(args: AdjudicateArgs) -> Result<u8, Failure> {
    let text = read_input(&args.file)?;
    let is_claim =
        serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v.get("form").is_some());
    let priced: PricedClaim = if is_claim {
        let claim = Claim::from_json(&text)
            .map_err(|e| Failure::input(format!("{}: {e}", args.file.display())))?;
        let contract_path = args
            .contract
            .as_ref()
            .ok_or_else(|| Failure::input("FILE is a claim: give --contract to price it first"))?;
        let contract: Contract = decode(contract_path)?;
        let pfs = load_pfs(&args.pfs)?;
        medbill::price(
            &claim,
            &contract,
            pfs.as_ref(),
            args.as_of.unwrap_or_else(crate::clock::today),
            &medbill::pricing::PriceOptions::default(),
        )
        .map_err(failed)?
    } else {
        medbill::from_json(&text)
            .map_err(|e| Failure::input(format!("{}: {e}", args.file.display())))?
    };
    let plan: BenefitPlan = decode(&args.plan)?;
    let accumulators: Accumulators = match &args.accumulators {
        Some(path) => decode(path)?,
        None => Accumulators::default(),
    };
    let network = match args.network {
        NetworkArg::In => Network::InNetwork,
        NetworkArg::Out => Network::OutOfNetwork,
    };
    let result = medbill::adjudicate(&priced, &plan, &accumulators, network).map_err(failed)?;
    if args.json {
        outln!("{}", medbill::to_json(&result).map_err(failed)?);
    } else {
        out!("{}", describe(&result, &plan.name));
    }
    Ok(0)
}

/// An adjudication as a plain-language explanation of benefits.
pub(crate) fn describe(result: &Adjudication, plan: &str) -> String {
    let mut out = format!(
        "claim {} under {plan}: charged ${}, allowed ${}, plan pays ${}, patient owes ${}\n",
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
    let result: Estimate = medbill::estimate(
        &request,
        pfs.as_ref(),
        args.as_of.unwrap_or_else(crate::clock::today),
    )
    .map_err(failed)?;
    if args.json {
        outln!("{}", medbill::to_json(&result).map_err(failed)?);
        return Ok(0);
    }
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
    Ok(0)
}
