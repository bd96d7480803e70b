//! JSON Schemas of the public JSON forms, generated from the Rust types. The committed copies
//! under `core/schema/` are checked against these by a test.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use crate::benefits::{
    Accumulators, Adjudication, BenefitPlan, Coordination, Estimate, EstimateRequest,
};
use crate::claim::{Claim, Encounter, Practice};
use crate::codes::CodeCheck;
use crate::finding::Finding;
use crate::pricing::{Contract, PriceOptions, PricedClaim};
use crate::remit::Remittance;
use crate::scrub::{PayerRules, ScrubHistory};

/// Every documented JSON form: file stem and schema.
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("claim", schema_for::<Claim>()),
        ("finding", schema_for::<Finding>()),
        ("payer-rules", schema_for::<PayerRules>()),
        ("scrub-history", schema_for::<ScrubHistory>()),
        ("code-check", schema_for::<CodeCheck>()),
        ("practice", schema_for::<Practice>()),
        ("encounter", schema_for::<Encounter>()),
        ("contract", schema_for::<Contract>()),
        ("priced-claim", schema_for::<PricedClaim>()),
        ("price-options", schema_for::<PriceOptions>()),
        (
            "price-outcome",
            schema_for::<crate::pricing::PriceOutcome>(),
        ),
        (
            "print-options",
            schema_for::<crate::claim::print::PrintOptions>(),
        ),
        ("benefit-plan", schema_for::<BenefitPlan>()),
        ("accumulators", schema_for::<Accumulators>()),
        ("adjudication", schema_for::<Adjudication>()),
        ("estimate-request", schema_for::<EstimateRequest>()),
        ("estimate", schema_for::<Estimate>()),
        (
            "eligibility-check",
            schema_for::<crate::benefits::EligibilityCheck>(),
        ),
        (
            "eligibility-benefits",
            schema_for::<crate::benefits::EligibilityBenefits>(),
        ),
        (
            "eligible-estimate",
            schema_for::<crate::benefits::EligibleEstimate>(),
        ),
        ("coordination", schema_for::<Coordination>()),
        (
            "adjudicate-options",
            schema_for::<crate::benefits::AdjudicateOptions>(),
        ),
        (
            "remitted-claim",
            schema_for::<crate::benefits::RemittedClaim>(),
        ),
        ("remittance", schema_for::<Remittance>()),
        (
            "prior-remittance",
            schema_for::<crate::remit::PriorRemittance>(),
        ),
        ("remit-event", schema_for::<crate::x12::RemitEvent>()),
        (
            "other-coverage",
            schema_for::<crate::remit::OtherCoverage>(),
        ),
        (
            "prior-adjudication",
            schema_for::<crate::remit::PriorAdjudication>(),
        ),
        ("other-payer", schema_for::<crate::claim::OtherPayer>()),
        ("x12-file", schema_for::<crate::x12::X12File>()),
        ("x12-set-summary", schema_for::<crate::x12::SetSummary>()),
        (
            "claim-transaction",
            schema_for::<crate::x12::ClaimTransaction>(),
        ),
        ("submission", schema_for::<crate::x12::Submission>()),
        ("envelope", schema_for::<crate::x12::Envelope>()),
        (
            "eligibility-request",
            schema_for::<crate::x12::EligibilityRequest>(),
        ),
        (
            "eligibility-response",
            schema_for::<crate::x12::EligibilityResponse>(),
        ),
        (
            "claim-status-request",
            schema_for::<crate::x12::ClaimStatusRequest>(),
        ),
        (
            "claim-status-response",
            schema_for::<crate::x12::ClaimStatusResponse>(),
        ),
        ("acknowledgment", schema_for::<crate::x12::Acknowledgment>()),
        ("ledger-entry", schema_for::<crate::ledger::Entry>()),
        ("charged-claim", schema_for::<crate::ledger::ChargedClaim>()),
        ("post-options", schema_for::<crate::ledger::PostOptions>()),
        ("posting", schema_for::<crate::ledger::Posting>()),
        ("post-response", schema_for::<crate::ledger::PostResponse>()),
        ("balances", schema_for::<crate::ledger::Balances>()),
        ("aging-report", schema_for::<crate::ledger::AgingReport>()),
        ("audit-chain", schema_for::<crate::audit::AuditChain>()),
        ("kpi-request", schema_for::<crate::kpi::KpiRequest>()),
        ("kpis", schema_for::<crate::kpi::Kpis>()),
        ("denial-queue", schema_for::<crate::denial::DenialQueue>()),
        ("denial-item", schema_for::<crate::denial::DenialItem>()),
        ("resubmission", schema_for::<crate::denial::Resubmission>()),
        (
            "appeal-request",
            schema_for::<crate::denial::AppealRequest>(),
        ),
        (
            "appeal-documents",
            schema_for::<crate::denial::AppealDocuments>(),
        ),
        (
            "follow-up-queue",
            schema_for::<crate::followup::FollowUpQueue>(),
        ),
        (
            "follow-up-item",
            schema_for::<crate::followup::FollowUpItem>(),
        ),
        (
            "status-posting",
            schema_for::<crate::followup::StatusPosting>(),
        ),
        ("fix", schema_for::<crate::followup::Fix>()),
        ("statement", schema_for::<crate::statement::Statement>()),
        (
            "statement-documents",
            schema_for::<crate::statement::StatementDocuments>(),
        ),
        (
            "statement-options",
            schema_for::<crate::statement::StatementOptions>(),
        ),
        (
            "plan-request",
            schema_for::<crate::statement::PlanRequest>(),
        ),
        (
            "payment-plan",
            schema_for::<crate::statement::PaymentPlan>(),
        ),
        (
            "plan-standing",
            schema_for::<crate::statement::PlanStanding>(),
        ),
        (
            "payment-allocation-request",
            schema_for::<crate::statement::PaymentAllocationRequest>(),
        ),
        (
            "payment-allocation",
            schema_for::<crate::statement::Allocation>(),
        ),
        (
            "credit-options",
            schema_for::<crate::statement::CreditOptions>(),
        ),
        (
            "credit-balance",
            schema_for::<crate::statement::CreditBalance>(),
        ),
        (
            "small-balance-rule",
            schema_for::<crate::statement::SmallBalanceRule>(),
        ),
        (
            "write-off-request",
            schema_for::<crate::ledger::WriteOffRequest>(),
        ),
        ("audience", schema_for::<crate::statement::Audience>()),
        (
            "visit-explanation",
            schema_for::<crate::statement::VisitExplanation>(),
        ),
    ]
}

fn schema_for<T: JsonSchema>() -> Schema {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
}
