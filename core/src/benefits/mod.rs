//! Patient responsibility: benefit plans and accumulators, adjudication into CARC-coded
//! adjustments, cost estimates (with Good Faith Estimates for self-pay patients) and
//! coordination of benefits (RULES.md §4, §5).

mod adjudicate;
mod check;
mod cob;
mod eligibility;
mod estimate;
mod plan;

pub use adjudicate::{
    AdjudicateOptions, AdjudicatedLine, Adjudication, Adjustment, BenefitsError, Capped,
    Explanation, Network, adjudicate, adjudicate_with,
};
pub use cob::{
    CobMethod, CoordinatedLine, Coordination, RemittedClaim, RemittedLine, coordinate,
    coordinate_next, coordinate_remittance,
};
pub use eligibility::{
    CoverageStatus, EligibilityBenefits, EligibilityCheck, EligibleEstimate, SERVICE_TYPES,
    benefits_from_271, default_categories, estimate_with_eligibility, reject_reason,
};
pub use estimate::{
    Estimate, EstimateError, EstimateLine, EstimateRequest, GfeItem, GfeProvider,
    GoodFaithEstimate, estimate,
};
pub use plan::{
    Accumulators, BenefitPlan, CategoryRule, FamilyAccumulation, Limits, ProcedureRange,
    ServiceBenefit, ServiceCategory, TierAccumulators, TierBenefits, VisitCount,
};
