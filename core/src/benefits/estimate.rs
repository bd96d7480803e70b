//! `estimate`: what a planned visit or procedure will cost the patient, with a range when the
//! accumulators are unknown, and a Good Faith Estimate for uninsured or self-pay patients (No
//! Surprises Act; RULES.md §16). Pure and offline: a phone app can call it with no network.

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::adjudicate::{AdjudicateOptions, BenefitsError, Network, adjudicate_with};
use super::check::{self, Problems};
use super::plan::{Accumulators, BenefitPlan, TierAccumulators};
use crate::codes::{Npi, ProcedureCode};
use crate::codesets::PfsData;
use crate::finding::Finding;
use crate::money::Money;
use crate::pricing::{Contract, PlannedService, PricingError, price_services};

/// A planned visit or procedure to estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EstimateRequest {
    /// The services planned (provider's and facility's).
    pub services: Vec<PlannedService>,
    /// ZIP of the place of service (finds the Medicare locality when the contract has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// The payer contract (for a self-pay patient, the practice's self-pay price list).
    pub contract: Contract,
    /// The patient's benefit plan; none for an uninsured or self-pay patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<BenefitPlan>,
    /// What the patient has met this plan year; none when unknown (the estimate is a range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accumulators: Option<Accumulators>,
    /// In or out of network.
    #[serde(default)]
    pub network: Network,
    /// Who provides the services, for a Good Faith Estimate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub providers: Vec<GfeProvider>,
}

/// A provider or facility named on a Good Faith Estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GfeProvider {
    /// Name.
    pub name: String,
    /// NPI.
    pub npi: Npi,
    /// Tax id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    /// Whether this is the facility (else a practitioner).
    #[serde(default)]
    pub facility: bool,
    /// Indexes of the services this provider furnishes.
    pub services: Vec<usize>,
}

/// An estimate of the patient's cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    /// Total of the providers' charges.
    pub total_charge: Money,
    /// Total allowed by the contract.
    pub total_allowed: Money,
    /// Expected patient cost (with the given accumulators; when unknown, the highest).
    pub patient_cost: Money,
    /// Lowest patient cost the unknowns allow (deductible and out-of-pocket already met).
    pub patient_cost_low: Money,
    /// Highest patient cost the unknowns allow (nothing met yet).
    pub patient_cost_high: Money,
    /// What the plan is expected to pay.
    pub plan_pays: Money,
    /// Per service.
    pub lines: Vec<EstimateLine>,
    /// For uninsured or self-pay patients: the Good Faith Estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good_faith_estimate: Option<GoodFaithEstimate>,
    /// What the plan could not apply as it seems to intend (warnings; paths into the request):
    /// a service rule no code can reach, a service no category rule takes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// One service of an estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EstimateLine {
    /// Procedure.
    pub procedure: ProcedureCode,
    /// Planned date.
    pub date: NaiveDate,
    /// Charge.
    pub charge: Money,
    /// Allowed.
    pub allowed: Money,
    /// Expected patient cost.
    pub patient_cost: Money,
}

/// The Good Faith Estimate an uninsured or self-pay patient must receive (No Surprises Act).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GoodFaithEstimate {
    /// When it was issued.
    pub issued: NaiveDate,
    /// The latest day it may reach the patient: 1 business day after scheduling when the
    /// service is 3–9 business days away, 3 business days when 10 or more.
    pub deliver_by: NaiveDate,
    /// Expected charges by provider and service.
    pub items: Vec<GfeItem>,
    /// The total expected charges.
    pub total_expected_charges: Money,
    /// A bill this much above the estimate, for any provider, may be disputed.
    pub dispute_threshold: Money,
    /// The notice text the patient must be given.
    pub notice: Vec<String>,
}

/// One expected charge on a Good Faith Estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GfeItem {
    /// Provider or facility name (empty when the request named none).
    pub provider: String,
    /// Provider NPI, when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npi: Option<Npi>,
    /// Procedure.
    pub procedure: ProcedureCode,
    /// Planned date.
    pub date: NaiveDate,
    /// Expected charge.
    pub expected_charge: Money,
}

/// Why an estimate could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EstimateError {
    /// Pricing failed.
    #[error(transparent)]
    Pricing(#[from] PricingError),
    /// Adjudication failed.
    #[error(transparent)]
    Benefits(#[from] BenefitsError),
    /// No services were given.
    #[error("an estimate needs at least one service")]
    NoServices,
    /// The request cannot be estimated honestly (a negative charge, a service priced below
    /// zero, a plan that contradicts itself, negative accumulators): each finding names the
    /// path in the request and what was expected.
    #[error("cannot estimate: {}", describe(.findings))]
    Refused {
        /// What is wrong.
        findings: Vec<Finding>,
    },
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} at {}: {}", f.rule, f.path, f.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A finding about the priced services, the plan or the accumulators, with its path in the
/// request: a priced line is the service at the same index (its charge is the service's
/// charge; its other amounts come from the service's quantity and the contract).
fn in_request(mut finding: Finding) -> Finding {
    let path = std::mem::take(&mut finding.path);
    finding.path = if finding.rule.starts_with("PLAN-") {
        format!("/plan{path}")
    } else if finding.rule.starts_with("ACCUMULATORS-") {
        format!("/accumulators{path}")
    } else {
        let mut parts = path.trim_start_matches('/').split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("lines"), Some(index), Some("charge")) => format!("/services/{index}/charge"),
            (Some("lines"), Some(index), _) => format!("/services/{index}"),
            _ => "/services".to_owned(),
        }
    };
    finding
}

/// Estimates a planned visit's cost to the patient.
pub fn estimate(
    request: &EstimateRequest,
    pfs: Option<&PfsData>,
    as_of: NaiveDate,
) -> Result<Estimate, EstimateError> {
    if request.services.is_empty() {
        return Err(EstimateError::NoServices);
    }
    let priced = price_services(
        &request.services,
        request.zip.as_deref(),
        &request.contract,
        pfs,
        as_of,
    )?;
    let mut problems = Problems::default();
    check::priced_claim(&priced, &mut problems);
    if let Some(plan) = &request.plan {
        check::plan(plan, &mut problems);
    }
    if let Some(accumulators) = &request.accumulators {
        check::accumulators(accumulators, &mut problems);
    }
    if let Some(findings) = problems.into_findings() {
        return Err(EstimateError::Refused {
            findings: findings.into_iter().map(in_request).collect(),
        });
    }
    let Some(plan) = &request.plan else {
        return self_pay(request, &priced, as_of);
    };
    // Checked above, with the request's paths.
    let checked = AdjudicateOptions { unchecked: true };
    let known = request.accumulators.clone();
    let expected = adjudicate_with(
        &priced,
        plan,
        &known.clone().unwrap_or_default(),
        request.network,
        checked,
    )?;
    let (low, high) = match known {
        Some(_) => (
            expected.patient_responsibility,
            expected.patient_responsibility,
        ),
        None => {
            let met = all_met(plan);
            let best = adjudicate_with(&priced, plan, &met, request.network, checked)?;
            (best.patient_responsibility, expected.patient_responsibility)
        }
    };
    Ok(Estimate {
        total_charge: priced.total_charge,
        total_allowed: priced.total_allowed,
        patient_cost: expected.patient_responsibility,
        patient_cost_low: low,
        patient_cost_high: high,
        plan_pays: expected.plan_paid,
        lines: expected
            .lines
            .iter()
            .zip(&request.services)
            .map(|(line, service)| EstimateLine {
                procedure: service.procedure,
                date: service.date,
                charge: line.charge,
                allowed: line.allowed,
                patient_cost: line.patient_responsibility,
            })
            .collect(),
        good_faith_estimate: None,
        findings: expected.findings.into_iter().map(in_request).collect(),
    })
}

/// Accumulators with every deductible and out-of-pocket maximum already met.
fn all_met(plan: &BenefitPlan) -> Accumulators {
    let tier = |t: &super::plan::TierBenefits| {
        let oop = t
            .out_of_pocket_max
            .map(|l| (l.individual, l.family.unwrap_or(l.individual)));
        TierAccumulators {
            individual_deductible: t.deductible.individual,
            family_deductible: t.deductible.family.unwrap_or(t.deductible.individual),
            individual_out_of_pocket: oop.map_or(Money::ZERO, |o| o.0),
            family_out_of_pocket: oop.map_or(Money::ZERO, |o| o.1),
        }
    };
    Accumulators {
        in_network: tier(&plan.in_network),
        out_of_network: plan.out_of_network.as_ref().map(tier).unwrap_or_default(),
        visits: Vec::new(),
    }
}

fn self_pay(
    request: &EstimateRequest,
    priced: &crate::pricing::PricedClaim,
    as_of: NaiveDate,
) -> Result<Estimate, EstimateError> {
    // A self-pay patient pays the contract's (self-pay) price; lines it does not price are
    // expected at the full charge.
    let lines: Vec<EstimateLine> = priced
        .lines
        .iter()
        .zip(&request.services)
        .map(|(line, service)| {
            let cost = if line.status == crate::pricing::LineStatus::Priced {
                line.allowed
            } else {
                line.charge
            };
            EstimateLine {
                procedure: service.procedure,
                date: service.date,
                charge: line.charge,
                allowed: cost,
                patient_cost: cost,
            }
        })
        .collect();
    let total = Money::sum(lines.iter().map(|l| l.patient_cost)).map_err(PricingError::from)?;
    let items = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let provider = request
                .providers
                .iter()
                .find(|p| p.services.contains(&index));
            GfeItem {
                provider: provider.map(|p| p.name.clone()).unwrap_or_default(),
                npi: provider.map(|p| p.npi),
                procedure: line.procedure,
                date: line.date,
                expected_charge: line.patient_cost,
            }
        })
        .collect();
    let first_date = request
        .services
        .iter()
        .map(|s| s.date)
        .min()
        .unwrap_or(as_of);
    Ok(Estimate {
        total_charge: priced.total_charge,
        total_allowed: total,
        patient_cost: total,
        patient_cost_low: total,
        patient_cost_high: total,
        plan_pays: Money::ZERO,
        lines,
        good_faith_estimate: Some(GoodFaithEstimate {
            issued: as_of,
            deliver_by: deliver_by(as_of, first_date),
            items,
            total_expected_charges: total,
            dispute_threshold: Money::from_cents(40_000),
            notice: vec![
                "You have the right to receive a Good Faith Estimate explaining how much your medical care will cost.".to_owned(),
                "Under the law, health care providers need to give patients who don't have insurance or who are not using insurance an estimate of the bill for medical items and services.".to_owned(),
                "If you receive a bill that is at least $400 more than your Good Faith Estimate, you can dispute the bill.".to_owned(),
                "Make sure to save a copy or picture of your Good Faith Estimate.".to_owned(),
                "For questions or more information about your right to a Good Faith Estimate, visit www.cms.gov/nosurprises.".to_owned(),
            ],
        }),
        findings: Vec::new(),
    })
}

/// Business days (Monday–Friday) after `from`.
fn add_business_days(from: NaiveDate, days: u32) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        let Some(next) = date.succ_opt() else {
            return date;
        };
        date = next;
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            left = left.saturating_sub(1);
        }
    }
    date
}

/// 3 business days when the service is 10 or more business days away, else 1.
fn deliver_by(scheduled_on: NaiveDate, service: NaiveDate) -> NaiveDate {
    let ten_days_out = add_business_days(scheduled_on, 10);
    add_business_days(scheduled_on, if service >= ten_days_out { 3 } else { 1 })
}
