//! Benefit plans, service categories and accumulators (RULES.md §4).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{PlaceOfService, ProcedureCode};
use crate::money::{Money, Rate};

/// A health plan's benefits for one plan year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BenefitPlan {
    /// Plan name.
    pub name: String,
    /// First day of the plan year.
    pub plan_year_start: NaiveDate,
    /// Last day of the plan year.
    pub plan_year_end: NaiveDate,
    /// In-network benefits.
    pub in_network: TierBenefits,
    /// Out-of-network benefits; none when out-of-network care is not covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_network: Option<TierBenefits>,
    /// How family deductibles and out-of-pocket maximums accumulate.
    #[serde(default)]
    pub family_accumulation: FamilyAccumulation,
    /// Rules that give a line its service category; the first match wins, else `other`.
    #[serde(default)]
    pub categories: Vec<CategoryRule>,
    /// Services the plan never covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_covered: Vec<ProcedureRange>,
    /// A reduction of the plan's payment after cost sharing (Medicare's 2% sequestration),
    /// never billed to the patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequestration: Option<Rate>,
}

/// Benefits of one network tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TierBenefits {
    /// Deductible.
    pub deductible: Limits,
    /// Out-of-pocket maximum; none when the plan has none (Medicare Part B).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_pocket_max: Option<Limits>,
    /// Coinsurance after the deductible, unless a service says otherwise.
    pub coinsurance: Rate,
    /// Cost sharing by service category.
    #[serde(default)]
    pub services: Vec<ServiceBenefit>,
}

/// Individual and family amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Limits {
    /// For one person.
    pub individual: Money,
    /// For the family, when the coverage is a family coverage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<Money>,
}

/// Embedded: each person's own limit applies as well as the family's. Aggregate: only the
/// family limit applies to family coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub enum FamilyAccumulation {
    /// Individual limits inside the family limit.
    #[default]
    Embedded,
    /// One family limit.
    Aggregate,
}

/// Kinds of service with their own cost sharing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum ServiceCategory {
    /// Primary-care office visit.
    OfficeVisit,
    /// Specialist visit.
    Specialist,
    /// Preventive care.
    Preventive,
    /// Imaging.
    Imaging,
    /// Laboratory.
    Lab,
    /// Surgery.
    Surgery,
    /// Emergency care.
    Emergency,
    /// Drugs given in the office.
    Drug,
    /// Anything else.
    Other,
}

/// Cost sharing for one service category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceBenefit {
    /// The category.
    pub category: ServiceCategory,
    /// Whether the plan covers it.
    #[serde(default = "yes")]
    pub covered: bool,
    /// A fixed copay per service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copay: Option<Money>,
    /// The copay is taken after the deductible (some plans), not before it (most plans).
    #[serde(default)]
    pub copay_after_deductible: bool,
    /// Whether the deductible applies.
    #[serde(default = "yes")]
    pub deductible_applies: bool,
    /// Coinsurance, when it differs from the tier's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coinsurance: Option<Rate>,
    /// Whether the patient's share counts toward the out-of-pocket maximum.
    #[serde(default = "yes")]
    pub counts_toward_out_of_pocket: bool,
    /// Most services of this category the plan pays for in a plan year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_limit: Option<u32>,
}

fn yes() -> bool {
    true
}

impl ServiceBenefit {
    /// The benefit a category has when the plan lists nothing for it: deductible, then the
    /// tier's coinsurance.
    pub fn standard(category: ServiceCategory) -> ServiceBenefit {
        ServiceBenefit {
            category,
            covered: true,
            copay: None,
            copay_after_deductible: false,
            deductible_applies: true,
            coinsurance: None,
            counts_toward_out_of_pocket: true,
            visit_limit: None,
        }
    }
}

/// Gives lines with a procedure in `from..=through` (and, when listed, one of the places of
/// service) a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CategoryRule {
    /// The category given.
    pub category: ServiceCategory,
    /// First procedure code of the range.
    pub from: ProcedureCode,
    /// Last procedure code of the range.
    pub through: ProcedureCode,
    /// Places of service the rule is limited to (empty: any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places_of_service: Vec<PlaceOfService>,
}

/// An inclusive range of procedure codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProcedureRange {
    /// First code.
    pub from: ProcedureCode,
    /// Last code.
    pub through: ProcedureCode,
}

impl ProcedureRange {
    /// True when `code` is in the range.
    pub fn contains(&self, code: ProcedureCode) -> bool {
        self.from <= code && code <= self.through
    }
}

impl BenefitPlan {
    /// The category of a service: the first category rule that takes it, else `other`.
    pub fn category(
        &self,
        procedure: ProcedureCode,
        place_of_service: Option<PlaceOfService>,
    ) -> ServiceCategory {
        self.category_rule(procedure, place_of_service)
            .map_or(ServiceCategory::Other, |rule| rule.category)
    }

    /// The first category rule that takes a service, if any does (a service no rule takes
    /// has the benefits for `other` services).
    pub fn category_rule(
        &self,
        procedure: ProcedureCode,
        place_of_service: Option<PlaceOfService>,
    ) -> Option<&CategoryRule> {
        self.categories.iter().find(|rule| {
            rule.from <= procedure
                && procedure <= rule.through
                && (rule.places_of_service.is_empty()
                    || place_of_service.is_some_and(|p| rule.places_of_service.contains(&p)))
        })
    }

    /// The benefits of one network tier, when the plan covers it.
    pub fn tier(&self, network: super::Network) -> Option<&TierBenefits> {
        match network {
            super::Network::InNetwork => Some(&self.in_network),
            super::Network::OutOfNetwork => self.out_of_network.as_ref(),
        }
    }
}

/// What the patient (and family) has met so far this plan year, per network tier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Accumulators {
    /// In-network accumulators.
    #[serde(default)]
    pub in_network: TierAccumulators,
    /// Out-of-network accumulators.
    #[serde(default)]
    pub out_of_network: TierAccumulators,
    /// Services used this plan year, by category (for visit limits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<VisitCount>,
}

/// Amounts met in one tier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TierAccumulators {
    /// Deductible met by the patient.
    #[serde(default)]
    pub individual_deductible: Money,
    /// Deductible met by the family (the patient included).
    #[serde(default)]
    pub family_deductible: Money,
    /// Out-of-pocket spending by the patient.
    #[serde(default)]
    pub individual_out_of_pocket: Money,
    /// Out-of-pocket spending by the family (the patient included).
    #[serde(default)]
    pub family_out_of_pocket: Money,
}

/// Services used in a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VisitCount {
    /// The category.
    pub category: ServiceCategory,
    /// Services used.
    pub count: u32,
}
