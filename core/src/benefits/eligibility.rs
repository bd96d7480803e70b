//! A 271 eligibility answer turned into the [`BenefitPlan`] and [`Accumulators`] that
//! [`super::estimate()`] and [`super::adjudicate()`] take, with a finding for everything the
//! answer did not say (issue 12 §0). Inactive coverage, an AAA rejection, coverage that does
//! not reach the date of service and a 271 about someone other than the patient are error
//! findings before the visit; then no plan is built (the visit would be self-pay).
//!
//! What the 271 states is read through [`EligibilityMember`]'s accessors: the deductible
//! and out-of-pocket maximum are the EB01 `C` / `G` benefits for service type `30` (or none),
//! by coverage level (`IND`, `FAM`) and network (EB12; a benefit without EB12 counts for
//! both networks); the amount met is the limit less what remains (EB06 `29`), else the
//! year-to-date amount (EB06 `24`); copays (EB01 `B`) and coinsurance (EB01 `A`) by service
//! type; EB01 `I` makes a service type not covered; EB01 `F` with EB09 `VS` is a visit limit;
//! EB11 `Y` says prior authorization is required.
//!
//! ## Service types and plan categories: the one table
//!
//! Each category reads the first of its service types (EB03) the 271 states a figure for;
//! the plan-wide figures (deductible, out-of-pocket maximum, the tier's coinsurance) are
//! service type `30`.
//!
//! | category | service types, first stated wins |
//! |---|---|
//! | `officeVisit` | `98` professional (physician) visit – office, `BY` office visit – sick, `1` medical care |
//! | `specialist` | `3` consultation |
//! | `preventive` | `BZ` office visit – well, `81` routine physical, `80` immunizations |
//! | `imaging` | `4` diagnostic X-ray, `62` MRI/CAT scan |
//! | `lab` | `5` diagnostic lab |
//! | `surgery` | `2` surgical |
//! | `emergency` | `86` emergency services, `52` hospital – emergency medical, `51` hospital – emergency accident |
//! | `drug` | `88` pharmacy, `89` free-standing prescription drug, `90` mail-order drug, `91` brand-name drug, `92` generic drug |
//! | `other` | the tier's own figures (service type `30`) |
//!
//! A category with a copay and no coinsurance stated pays the copay only (coinsurance 0%);
//! the deductible does not apply to a copay category unless the template plan says it does.
//!
//! The 271 never says which procedures fall in which category, which services the plan
//! never covers, how family amounts accumulate, or a sequestration: those come from the
//! template plan the caller passes (the practice's copy of the plan), else from
//! [`default_categories`] with embedded family accumulation. A figure the 271 does not state
//! is taken from the template when there is one, else assumed zero; either way a warning
//! says so.

use chrono::{Datelike, Days, Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::plan::{
    Accumulators, BenefitPlan, CategoryRule, FamilyAccumulation, Limits, ServiceBenefit,
    ServiceCategory, TierAccumulators, TierBenefits,
};
use crate::codes::ProcedureCode;
use crate::finding::Finding;
use crate::money::{Money, Rate};
use crate::phi::Phi;
use crate::x12::{
    Accumulator, BenefitKind, CoverageLevel, DateOrRange, EligibilityMember, EligibilityResponse,
    Rejection, YesNo,
};

/// The service types (EB03) each plan category reads, most specific first (the table in
/// the module's documentation).
pub const SERVICE_TYPES: &[(ServiceCategory, &[&str])] = &[
    (ServiceCategory::OfficeVisit, &["98", "BY", "1"]),
    (ServiceCategory::Specialist, &["3"]),
    (ServiceCategory::Preventive, &["BZ", "81", "80"]),
    (ServiceCategory::Imaging, &["4", "62"]),
    (ServiceCategory::Lab, &["5"]),
    (ServiceCategory::Surgery, &["2"]),
    (ServiceCategory::Emergency, &["86", "52", "51"]),
    (ServiceCategory::Drug, &["88", "89", "90", "91", "92"]),
];

/// The category rules a plan built from a 271 uses when no template plan is given: E/M
/// office visits, preventive visits and vaccines, emergency visits, radiology, pathology and
/// lab, surgery and drugs by their CPT/HCPCS ranges.
pub fn default_categories() -> Vec<CategoryRule> {
    let rule = |category, from: &str, through: &str| {
        Some(CategoryRule {
            category,
            from: ProcedureCode::parse(from).ok()?,
            through: ProcedureCode::parse(through).ok()?,
            places_of_service: Vec::new(),
        })
    };
    [
        rule(ServiceCategory::Preventive, "99381", "99397"),
        rule(ServiceCategory::Preventive, "G0438", "G0439"),
        rule(ServiceCategory::Preventive, "90460", "90749"),
        rule(ServiceCategory::Emergency, "99281", "99285"),
        rule(ServiceCategory::OfficeVisit, "99202", "99215"),
        rule(ServiceCategory::Specialist, "99242", "99245"),
        rule(ServiceCategory::Imaging, "70010", "79999"),
        rule(ServiceCategory::Lab, "80047", "89398"),
        rule(ServiceCategory::Surgery, "10004", "69990"),
        rule(ServiceCategory::Drug, "J0120", "J9999"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What the 271 is checked against: the visit's date and, when known, who the patient is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibilityCheck {
    /// The date of service (the first, for a visit of several days).
    pub date_of_service: NaiveDate,
    /// The member id on the patient's card (the subscriber's, for a dependent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<Phi<String>>,
    /// The patient's last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Phi<String>>,
    /// The patient's first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Phi<String>>,
    /// The patient's date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Phi<NaiveDate>>,
    /// The practice's copy of the plan: its category rules, non-covered services, family
    /// accumulation and sequestration, and the figures the 271 leaves out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<BenefitPlan>,
}

impl EligibilityCheck {
    /// A check of the date of service only (the 271's first patient is taken as the patient).
    pub fn on(date_of_service: NaiveDate) -> EligibilityCheck {
        EligibilityCheck {
            date_of_service,
            member_id: None,
            last_name: None,
            first_name: None,
            birth_date: None,
            template: None,
        }
    }
}

impl EligibilityCheck {
    /// The check of the patient a practice's coverage record describes on `date_of_service`:
    /// the subscriber's member id, and the patient's (or, without one, the subscriber's) name
    /// and date of birth.
    pub fn for_coverage(
        coverage: &crate::claim::Coverage,
        date_of_service: NaiveDate,
    ) -> EligibilityCheck {
        let subscriber = &coverage.subscriber;
        let (name, birth_date) = match &coverage.patient {
            Some(patient) => (patient.name.expose(), Some(patient.birth_date.clone())),
            None => (subscriber.name.expose(), subscriber.birth_date.clone()),
        };
        EligibilityCheck {
            member_id: Some(subscriber.member_id.clone()),
            last_name: Some(name.last.clone().into()),
            first_name: Some(name.first.clone().into()),
            birth_date,
            ..EligibilityCheck::on(date_of_service)
        }
    }
}

/// What the 271 says about the patient's coverage on the date of service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum CoverageStatus {
    /// Active coverage (EB01 1–5) that reaches the date of service.
    Active,
    /// Inactive (EB01 6–8), or dates that do not reach the date of service.
    Inactive,
    /// The payer could not answer (AAA): the reasons are findings.
    Rejected,
    /// The 271 is about someone other than the patient.
    Mismatch,
    /// The 271 says neither active nor inactive.
    Unknown,
}

/// A 271 read for one visit: the coverage, and when it is active the plan and accumulators
/// for the estimate and the adjudication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityBenefits {
    /// The coverage on the date of service.
    pub coverage: CoverageStatus,
    /// The payer (2100A name), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<String>,
    /// The plan, when the coverage is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<BenefitPlan>,
    /// What the patient (and family) has met, when the coverage is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accumulators: Option<Accumulators>,
    /// What stops the visit being billed to this plan (errors), and what the 271 did not
    /// say (warnings). Never patient data.
    pub findings: Vec<Finding>,
}

impl EligibilityBenefits {
    /// Whether the plan can be billed for the visit (active coverage, no error finding).
    pub fn is_covered(&self) -> bool {
        self.coverage == CoverageStatus::Active && self.plan.is_some()
    }
}

/// Reads the 271 answer (every transaction set of the file) for one visit.
pub fn benefits_from_271(
    responses: &[EligibilityResponse],
    check: &EligibilityCheck,
) -> EligibilityBenefits {
    let mut findings = Vec::new();
    for response in responses {
        for rejection in response
            .source_rejections
            .iter()
            .chain(&response.receiver_rejections)
        {
            findings.push(rejected(rejection));
        }
        findings.extend(response.findings.iter().filter(|f| f.is_error()).cloned());
    }
    let payer_of = |response: Option<&EligibilityResponse>| {
        response
            .and_then(EligibilityResponse::payer)
            .map(|p| p.name.clone())
            .filter(|n| !n.trim().is_empty())
    };
    // Until the patient is found: the payer when every answer is from the same one.
    let mut payer = payer_of(responses.first()).filter(|first| {
        responses
            .iter()
            .all(|r| payer_of(Some(r)).as_ref() == Some(first))
    });
    let done = |coverage, findings, payer| EligibilityBenefits {
        coverage,
        payer,
        plan: None,
        accumulators: None,
        findings,
    };
    let (member, subscriber) = match find_member(responses, check) {
        Found::Member {
            member,
            subscriber,
            response,
        } => {
            payer = payer_of(Some(response));
            (member, subscriber)
        }
        Found::Nobody => {
            let coverage = if findings.is_empty() {
                findings.push(Finding::error(
                    "ELIG-NO-MEMBER",
                    "/subscribers",
                    "the 271 names no subscriber or dependent",
                ));
                CoverageStatus::Unknown
            } else {
                CoverageStatus::Rejected
            };
            return done(coverage, findings, payer);
        }
        Found::Mismatch(differs) => {
            findings.push(
                Finding::error(
                    "ELIG-MEMBER-MISMATCH",
                    "/subscribers",
                    format!(
                        "the 271 is not about this patient: its {} differ{} from the patient's",
                        differs.join(", "),
                        if differs.len() == 1 { "s" } else { "" }
                    ),
                )
                .with_fix("check the member id, name and date of birth on the card and ask again"),
            );
            return done(CoverageStatus::Mismatch, findings, payer);
        }
    };
    let mut member_rejections: Vec<&Rejection> = subscriber.rejections.iter().collect();
    if !std::ptr::eq(member, subscriber) {
        member_rejections.extend(&member.rejections);
    }
    findings.extend(member_rejections.iter().map(|r| rejected(r)));
    if findings.iter().any(Finding::is_error) {
        return done(CoverageStatus::Rejected, findings, payer);
    }
    match member.active_coverage() {
        Some(true) => {}
        Some(false) => {
            findings.push(
                Finding::error(
                    "ELIG-INACTIVE",
                    "/coverage",
                    "the payer says the coverage is not active (EB01 6-8)",
                )
                .with_fix("ask the patient for current insurance, or treat the visit as self-pay"),
            );
            return done(CoverageStatus::Inactive, findings, payer);
        }
        None => {
            findings.push(Finding::error(
                "ELIG-COVERAGE-UNSTATED",
                "/coverage",
                "the 271 says neither active nor inactive coverage",
            ));
            return done(CoverageStatus::Unknown, findings, payer);
        }
    }
    let dos = check.date_of_service;
    if let Some(problem) = outside_coverage(member, dos) {
        findings.push(
            Finding::error("ELIG-NOT-ON-DOS", "/coverage", problem)
                .with_fix("ask for the coverage in force on the date of service"),
        );
        return done(CoverageStatus::Inactive, findings, payer);
    }
    let template = check.template.as_ref();
    let (plan_year_start, plan_year_end) = plan_year(member, dos, template, &mut findings);
    let mut accumulators = Accumulators::default();
    let in_network = tier(
        member,
        crate::x12::Network::In,
        template.map(|t| &t.in_network),
        &mut accumulators.in_network,
        "/plan/inNetwork",
        &mut findings,
    );
    let out_of_network = tier(
        member,
        crate::x12::Network::Out,
        template.and_then(|t| t.out_of_network.as_ref()),
        &mut accumulators.out_of_network,
        "/plan/outOfNetwork",
        &mut findings,
    );
    for benefit in &member.benefits {
        if benefit.kind == BenefitKind::OtherPayer {
            findings.push(Finding::warning(
                "ELIG-OTHER-PAYER",
                format!("segment {} EB01", benefit.position),
                "the 271 names another payer (EB01 R): find out which pays first before billing",
            ));
        }
    }
    let name = template
        .map(|t| t.name.clone())
        .or_else(|| {
            member
                .benefits
                .iter()
                .filter(|b| b.kind.is_active())
                .find_map(|b| b.plan_description.clone())
        })
        .or_else(|| payer.clone())
        .unwrap_or_else(|| "Plan stated by the 271".to_owned());
    let plan = BenefitPlan {
        name,
        plan_year_start,
        plan_year_end,
        in_network,
        out_of_network: Some(out_of_network),
        family_accumulation: template
            .map_or(FamilyAccumulation::Embedded, |t| t.family_accumulation),
        categories: template.map_or_else(default_categories, |t| t.categories.clone()),
        non_covered: template.map(|t| t.non_covered.clone()).unwrap_or_default(),
        sequestration: template.and_then(|t| t.sequestration),
    };
    EligibilityBenefits {
        coverage: CoverageStatus::Active,
        payer,
        plan: Some(plan),
        accumulators: Some(accumulators),
        findings,
    }
}

/// The member the 271 answers for.
enum Found<'a> {
    Member {
        member: &'a EligibilityMember,
        subscriber: &'a EligibilityMember,
        response: &'a EligibilityResponse,
    },
    /// No one matched; the identifiers the first member differs in.
    Mismatch(Vec<&'static str>),
    Nobody,
}

fn find_member<'a>(responses: &'a [EligibilityResponse], check: &EligibilityCheck) -> Found<'a> {
    let candidates: Vec<(&EligibilityMember, &EligibilityMember, &EligibilityResponse)> = responses
        .iter()
        .flat_map(|r| r.subscribers.iter().map(move |s| (s, r)))
        .flat_map(|(s, r)| {
            s.dependents
                .iter()
                .map(move |d| (d, &s.member, r))
                .chain(std::iter::once((&s.member, &s.member, r)))
        })
        .collect();
    let Some(&(first, first_subscriber, _)) = candidates.first() else {
        return Found::Nobody;
    };
    match candidates
        .iter()
        .find(|(member, subscriber, _)| differences(member, subscriber, check).is_empty())
    {
        Some(&(member, subscriber, response)) => Found::Member {
            member,
            subscriber,
            response,
        },
        None => Found::Mismatch(differences(first, first_subscriber, check)),
    }
}

/// The identifiers given in `check` that `member` does not carry (a dependent's member id is
/// the subscriber's). An identifier the 271 leaves out is not a difference.
fn differences(
    member: &EligibilityMember,
    subscriber: &EligibilityMember,
    check: &EligibilityCheck,
) -> Vec<&'static str> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let mut differs = Vec::new();
    let id = member
        .person
        .member_id
        .as_ref()
        .or(subscriber.person.member_id.as_ref());
    if let (Some(wanted), Some(id)) = (&check.member_id, id) {
        if !same(wanted.expose(), id.expose()) {
            differs.push("member id");
        }
    }
    let name = member.person.name.expose();
    if let Some(wanted) = &check.last_name {
        if !name.last.trim().is_empty() && !same(wanted.expose(), &name.last) {
            differs.push("last name");
        }
    }
    if let (Some(wanted), Some(first)) = (&check.first_name, &name.first) {
        if !same(wanted.expose(), first) {
            differs.push("first name");
        }
    }
    if let (Some(wanted), Some(born)) = (&check.birth_date, &member.person.birth_date) {
        if wanted.expose() != born.expose() {
            differs.push("date of birth");
        }
    }
    differs
}

/// Why the coverage does not reach `dos`, from the eligibility and plan dates (DTP 307, 356,
/// 357, 346, 347).
fn outside_coverage(member: &EligibilityMember, dos: NaiveDate) -> Option<String> {
    let bounds = |d: DateOrRange| match d {
        DateOrRange::Date { date } => (date, date),
        DateOrRange::Range { start, end } => (start, end),
    };
    if let Some(DateOrRange::Range { start, end }) = member.date("307") {
        if dos < start || dos > end {
            return Some(format!(
                "the eligibility dates (DTP 307) run {start} to {end}, not the date of service {dos}"
            ));
        }
    }
    for (qualifier, what) in [("356", "eligibility begins"), ("346", "the plan begins")] {
        if let Some(date) = member.date(qualifier) {
            let begins = bounds(date).0;
            if dos < begins {
                return Some(format!(
                    "{what} on {begins} (DTP {qualifier}), after the date of service {dos}"
                ));
            }
        }
    }
    for (qualifier, what) in [("357", "eligibility ends"), ("347", "the plan ends")] {
        if let Some(date) = member.date(qualifier) {
            let ends = bounds(date).1;
            if dos > ends {
                return Some(format!(
                    "{what} on {ends} (DTP {qualifier}), before the date of service {dos}"
                ));
            }
        }
    }
    None
}

/// The plan year holding `dos`: a DTP 291 range of at most a year that holds it, else the
/// year from the plan's begin date (DTP 346) or back from its end (DTP 347), else the
/// template's when it holds the date, else the calendar year (with a warning).
fn plan_year(
    member: &EligibilityMember,
    dos: NaiveDate,
    template: Option<&BenefitPlan>,
    findings: &mut Vec<Finding>,
) -> (NaiveDate, NaiveDate) {
    let year_after = |start: NaiveDate| {
        start
            .checked_add_months(Months::new(12))
            .and_then(|d| d.checked_sub_days(Days::new(1)))
    };
    if let Some(DateOrRange::Range { start, end }) = member.date("291") {
        if start <= dos && dos <= end && year_after(start).is_some_and(|y| end <= y) {
            return (start, end);
        }
    }
    if let Some(date) = member.date("346") {
        let begins = match date {
            DateOrRange::Date { date } | DateOrRange::Range { start: date, .. } => date,
        };
        // The anniversary of the plan's first day on or before the date of service.
        let anniversary = |year: i32| {
            NaiveDate::from_ymd_opt(year, begins.month(), begins.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, begins.month(), 28))
        };
        let start = anniversary(dos.year())
            .filter(|s| *s <= dos)
            .or_else(|| anniversary(dos.year().saturating_sub(1)));
        if let Some((start, end)) = start.and_then(|s| Some((s, year_after(s)?))) {
            return (start, end);
        }
    }
    if let Some(DateOrRange::Date { date: end }) = member.date("347") {
        let start = end
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.checked_add_days(Days::new(1)));
        if let Some(start) = start.filter(|s| *s <= dos && dos <= end) {
            return (start, end);
        }
    }
    if let Some(t) = template.filter(|t| t.plan_year_start <= dos && dos <= t.plan_year_end) {
        findings.push(Finding::warning(
            "ELIG-PLAN-YEAR-UNSTATED",
            "/plan/planYearStart",
            "the 271 states no plan year; the template plan's is used",
        ));
        return (t.plan_year_start, t.plan_year_end);
    }
    findings.push(Finding::warning(
        "ELIG-PLAN-YEAR-UNSTATED",
        "/plan/planYearStart",
        "the 271 states no plan year; the calendar year of the date of service is assumed",
    ));
    let start = NaiveDate::from_ymd_opt(dos.year(), 1, 1).unwrap_or(dos);
    let end = NaiveDate::from_ymd_opt(dos.year(), 12, 31).unwrap_or(dos);
    (start, end)
}

/// One network tier's benefits and what is met in it.
fn tier(
    member: &EligibilityMember,
    network: crate::x12::Network,
    template: Option<&TierBenefits>,
    met: &mut TierAccumulators,
    path: &str,
    findings: &mut Vec<Finding>,
) -> TierBenefits {
    let mut unstated = |what: &str, field: &str, assumed: &str| {
        let source = if template.is_some() {
            "the template plan's figure is used".to_owned()
        } else {
            format!("{assumed} is assumed")
        };
        findings.push(Finding::warning(
            "ELIG-UNSTATED",
            format!("{path}/{field}"),
            format!("the 271 does not state the {what}; {source}"),
        ));
    };
    let individual = member.deductible(&CoverageLevel::Individual, network);
    let family = member.deductible(&CoverageLevel::Family, network);
    let (deductible_individual, individual_met) = limit_and_met(&individual);
    let (deductible_family, family_met) = limit_and_met(&family);
    let deductible = Limits {
        individual: deductible_individual.unwrap_or_else(|| {
            unstated("deductible", "deductible/individual", "no deductible");
            template.map_or(Money::ZERO, |t| t.deductible.individual)
        }),
        family: deductible_family.or_else(|| template.and_then(|t| t.deductible.family)),
    };
    let oop_individual = member.out_of_pocket(&CoverageLevel::Individual, network);
    let oop_family = member.out_of_pocket(&CoverageLevel::Family, network);
    let (oop_limit, oop_met) = limit_and_met(&oop_individual);
    let (oop_family_limit, oop_family_met) = limit_and_met(&oop_family);
    let out_of_pocket_max = match oop_limit {
        Some(individual) => Some(Limits {
            individual,
            family: oop_family_limit,
        }),
        None => {
            unstated(
                "out-of-pocket maximum",
                "outOfPocketMax",
                "no out-of-pocket maximum",
            );
            template.and_then(|t| t.out_of_pocket_max)
        }
    };
    let coinsurance = member.coinsurance("30", network).unwrap_or_else(|| {
        unstated("plan's coinsurance", "coinsurance", "0% coinsurance");
        template.map_or(Rate::ZERO, |t| t.coinsurance)
    });
    // Each amount met goes to its own accumulator; what cannot be counted is said.
    for (state, what, field, slot) in [
        (
            individual_met,
            "deductible met",
            "deductible/individual",
            &mut met.individual_deductible,
        ),
        (
            family_met,
            "family deductible met",
            "deductible/family",
            &mut met.family_deductible,
        ),
        (
            oop_met,
            "out-of-pocket spending",
            "outOfPocketMax/individual",
            &mut met.individual_out_of_pocket,
        ),
        (
            oop_family_met,
            "family out-of-pocket spending",
            "outOfPocketMax/family",
            &mut met.family_out_of_pocket,
        ),
    ] {
        match state {
            Some(Met::Known(amount)) => *slot = amount,
            Some(Met::AboveLimit) => findings.push(Finding::error(
                "ELIG-REMAINING-ABOVE-LIMIT",
                format!("{path}/{field}"),
                format!("the 271 says more of the {what} remains than its limit; none is counted as met"),
            )),
            Some(Met::Unstated) => findings.push(Finding::warning(
                "ELIG-MET-UNSTATED",
                format!("{path}/{field}"),
                format!("the 271 states the limit but not the {what}; none is counted as met (the highest estimate)"),
            )),
            None => {}
        }
    }
    let mut services = Vec::new();
    for (category, codes) in SERVICE_TYPES {
        if let Some(service) =
            service_benefit(member, network, *category, codes, template, findings)
        {
            services.push(service);
        }
    }
    // Categories the 271 says nothing about keep the template's benefits.
    if let Some(template) = template {
        for service in &template.services {
            if !services.iter().any(|s| s.category == service.category) {
                services.push(service.clone());
            }
        }
    }
    TierBenefits {
        deductible,
        out_of_pocket_max,
        coinsurance,
        services,
    }
}

/// What is met of a deductible or out-of-pocket maximum.
enum Met {
    Known(Money),
    AboveLimit,
    Unstated,
}

/// The limit (a remaining amount with no limit stated is the limit less what was met) and
/// what is met.
fn limit_and_met(accumulator: &Accumulator) -> (Option<Money>, Option<Met>) {
    let ytd = accumulator.year_to_date;
    match (accumulator.limit, accumulator.remaining) {
        (Some(limit), Some(remaining)) => match limit.checked_sub(remaining) {
            Ok(met) if !met.is_negative() => (Some(limit), Some(Met::Known(met))),
            _ => (Some(limit), Some(Met::AboveLimit)),
        },
        (None, Some(remaining)) => {
            let met = ytd.unwrap_or(Money::ZERO);
            match remaining.checked_add(met) {
                Ok(limit) => (Some(limit), Some(Met::Known(met))),
                Err(_) => (Some(remaining), Some(Met::Unstated)),
            }
        }
        (limit, None) => match ytd {
            Some(met) => (limit, Some(Met::Known(met))),
            None => (limit, limit.map(|_| Met::Unstated)),
        },
    }
}

/// The benefit of one category from the first of its service types the 271 states.
fn service_benefit(
    member: &EligibilityMember,
    network: crate::x12::Network,
    category: ServiceCategory,
    codes: &[&str],
    template: Option<&TierBenefits>,
    findings: &mut Vec<Finding>,
) -> Option<ServiceBenefit> {
    let states = |kind: &BenefitKind, code: &str| -> Vec<&crate::x12::Benefit> {
        member
            .benefits
            .iter()
            .filter(|b| {
                &b.kind == kind
                    && b.service_types.iter().any(|s| s == code)
                    && !matches!(
                        (&b.in_plan_network, network),
                        (Some(YesNo::Yes), crate::x12::Network::Out)
                            | (Some(YesNo::No), crate::x12::Network::In)
                    )
            })
            .collect()
    };
    let base = template
        .and_then(|t| t.services.iter().find(|s| s.category == category))
        .cloned();
    let copay = codes.iter().find_map(|c| member.copay(c, network));
    let coinsurance = codes.iter().find_map(|c| member.coinsurance(c, network));
    let not_covered = codes
        .iter()
        .any(|c| !states(&BenefitKind::NonCovered, c).is_empty());
    let visit_limit = codes.iter().find_map(|c| {
        states(&BenefitKind::Limitations, c)
            .into_iter()
            .find_map(|b| {
                let q = b.quantity.as_ref().filter(|q| q.qualifier == "VS")?;
                u32::try_from(q.value.trunc().mantissa())
                    .ok()
                    .filter(|_| q.value.fract().is_zero())
            })
    });
    for code in codes {
        if let Some(benefit) = member.benefits.iter().find(|b| {
            b.service_types.iter().any(|s| s == code)
                && b.authorization_required == Some(YesNo::Yes)
        }) {
            findings.push(Finding::warning(
                "ELIG-AUTH-REQUIRED",
                format!("segment {} EB11", benefit.position),
                format!("the payer requires prior authorization for service type {code} ({category:?} services)"),
            ));
            break;
        }
    }
    if copay.is_none() && coinsurance.is_none() && !not_covered && visit_limit.is_none() {
        return None;
    }
    let mut service = base.unwrap_or_else(|| {
        let mut s = ServiceBenefit::standard(category);
        if copay.is_some() {
            s.deductible_applies = false;
        }
        s
    });
    if not_covered {
        service.covered = false;
    }
    if let Some(copay) = copay {
        service.copay = Some(copay);
        if coinsurance.is_none() {
            service.coinsurance = Some(Rate::ZERO);
        }
    }
    if let Some(rate) = coinsurance {
        service.coinsurance = Some(rate);
    }
    if visit_limit.is_some() {
        service.visit_limit = visit_limit;
    }
    Some(service)
}

/// An AAA segment as an error finding, its reason in plain words.
fn rejected(rejection: &Rejection) -> Finding {
    let reason = rejection.reason.as_deref().unwrap_or("");
    let words = reject_reason(reason).unwrap_or("no reason the payer gave is known to medbill");
    let finding = Finding::error(
        "ELIG-REJECTED",
        format!("segment {} AAA03", rejection.position),
        format!("the payer could not answer (AAA03 {reason}): {words}"),
    );
    match rejection.follow_up.as_ref().map(|f| f.code()) {
        Some("C") => finding.with_fix("correct the inquiry and send it again"),
        Some("R") => finding.with_fix("send the inquiry again"),
        Some("N") => finding.with_fix("do not send the same inquiry again; call the payer"),
        Some("W") | Some("X") => finding.with_fix("wait, then send the inquiry again"),
        _ => finding,
    }
}

/// The AAA03 reject reasons of the 271, in the team's words.
pub fn reject_reason(code: &str) -> Option<&'static str> {
    Some(match code {
        "04" => "the authorized quantity is used up",
        "15" => "data the payer needs is missing from the inquiry",
        "33" => "the inquiry has input errors",
        "35" => "the provider is out of network",
        "41" => "the provider may not ask about this member",
        "42" => "the payer cannot answer now",
        "43" => "the provider's identifier is missing or not valid",
        "44" => "the provider's name is missing or not valid",
        "45" => "the provider's specialty is missing or not valid",
        "46" => "the provider's phone number is missing or not valid",
        "47" => "the provider's state is missing or not valid",
        "48" => "the referring provider's identifier is missing or not valid",
        "49" => "the provider is not the member's primary care physician",
        "50" => "the provider may not send inquiries",
        "51" => "the payer has no record of the provider",
        "52" => "the dates are outside the provider's enrollment in the plan",
        "53" => "the benefit asked about does not fit the provider's type",
        "54" => "the procedure code qualifier is not appropriate",
        "55" => "the procedure code is not appropriate",
        "56" => "a date is not appropriate",
        "57" => "the dates of service are missing or not valid",
        "58" => "the date of birth is missing or not valid",
        "60" => "the date of birth is after the date of service",
        "61" => "the date of death is before the date of service",
        "62" => "the date of service is outside the period the payer answers for",
        "63" => "the date of service is in the future",
        "64" => "the patient's identifier is missing or not valid",
        "65" => "the patient's name is missing or not valid",
        "66" => "the patient's gender is missing or not valid",
        "67" => "the payer cannot find the patient",
        "68" => "the patient's identifier is on file more than once",
        "69" => "the service does not fit the patient's age",
        "70" => "the service does not fit the patient's gender",
        "71" => "the date of birth does not match the payer's record",
        "72" => "the member id is missing or not valid",
        "73" => "the subscriber's name is missing or not valid",
        "74" => "the subscriber's gender is missing or not valid",
        "75" => "the payer cannot find the subscriber",
        "76" => "the subscriber's id is on file more than once",
        "77" => "the payer found the subscriber but not the patient",
        "78" => "the subscriber is not in the group or plan named",
        "79" => "the participant's identifier is not valid",
        "80" => "no answer came back: the inquiry ended",
        "97" => "the provider's address is missing or not valid",
        "AA" => "the authorization number is not on file",
        "AE" => "the primary care physician must authorize",
        "AF" => "the diagnosis codes are missing or not valid",
        "AG" => "the procedure codes are missing or not valid",
        "AO" => "more information about the patient's condition is needed",
        "CI" => "the certification does not match the patient",
        "E8" => "a medical review is needed",
        "IA" => "the authorization number is in the wrong format",
        "MA" => "an authorization is missing",
        "T4" => "the payer's name or identifier is missing",
        _ => return None,
    })
}

/// An estimate made with a 271, and what the 271 said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EligibleEstimate {
    /// The 271 read for the visit.
    pub eligibility: EligibilityBenefits,
    /// The estimate (its findings begin with the eligibility's).
    pub estimate: super::Estimate,
}

/// The estimate request with the plan and accumulators a 271 gives: the request's own plan
/// is the template; without active coverage the visit is estimated as self-pay. The
/// eligibility findings come first in the estimate's. The date checked is the first
/// service's, whatever `patient.date_of_service` says.
pub fn estimate_with_eligibility(
    request: &super::EstimateRequest,
    responses: &[EligibilityResponse],
    patient: &EligibilityCheck,
    pfs: Option<&crate::codesets::PfsData>,
    as_of: NaiveDate,
) -> Result<EligibleEstimate, super::EstimateError> {
    let first = request
        .services
        .iter()
        .map(|s| s.date)
        .min()
        .ok_or(super::EstimateError::NoServices)?;
    let mut check = patient.clone();
    check.date_of_service = first;
    if check.template.is_none() {
        check.template = request.plan.clone();
    }
    let benefits = benefits_from_271(responses, &check);
    let mut request = request.clone();
    request.plan = benefits.plan.clone();
    request.accumulators = benefits.accumulators.clone();
    let mut estimate = super::estimate(&request, pfs, as_of)?;
    let mut findings = benefits.findings.clone();
    findings.append(&mut estimate.findings);
    estimate.findings = findings;
    Ok(EligibleEstimate {
        eligibility: benefits,
        estimate,
    })
}
