//! Coverage and CoverageEligibilityResponse from a 271 (spec §7). A 271 names the member by
//! id, not by a resource, so both refer to the patient and the payer by identifier.

use chrono::NaiveDate;

use super::FhirError;
use super::codes::systems::*;
use super::model::{
    CodeableConcept, Coverage, CoverageClass, CoverageEligibilityResponse, EligibilityBenefit,
    EligibilityError, EligibilityInsurance, EligibilityItem, FhirMoney, Identifier, Period,
    Reference,
};
use super::refs::fhir_id;
use crate::money::Money;
use crate::x12::{
    Accumulator, CoverageLevel, DateOrRange, EligibilityMember, EligibilityResponse, Network,
};

/// The member the response is about and the payer's id and name.
struct About<'a> {
    member: &'a EligibilityMember,
    subscriber: &'a EligibilityMember,
    payer_id: String,
    payer_name: Option<String>,
    member_id: String,
}

fn about(response: &EligibilityResponse) -> Result<About<'_>, FhirError> {
    let subscriber = response.subscribers.first().ok_or(FhirError::Empty {
        what: "the 271 has no subscriber",
    })?;
    let member = subscriber.dependents.first().unwrap_or(&subscriber.member);
    let payer = response.payer();
    let payer_id = payer
        .and_then(|p| p.id.clone())
        .or_else(|| payer.map(|p| p.name.clone()))
        .unwrap_or_else(|| "unknown".to_owned());
    let member_id = subscriber
        .member
        .person
        .member_id
        .as_ref()
        .map(|m| m.expose().clone())
        .ok_or(FhirError::Missing {
            path: "271 loop 2100C NM109 (member id)".to_owned(),
        })?;
    Ok(About {
        member,
        subscriber: &subscriber.member,
        payer_id,
        payer_name: payer.map(|p| p.name.clone()),
        member_id,
    })
}

fn member_reference(about: &About<'_>) -> Reference {
    Reference::logical(
        Identifier::of(
            &format!("urn:medbill:payer:{}:member-id", about.payer_id),
            &about.member_id,
        ),
        None,
    )
}

fn payer_reference(about: &About<'_>) -> Reference {
    Reference::logical(
        Identifier::of(PAYER_ID, &about.payer_id),
        about.payer_name.clone(),
    )
}

/// The plan period: DTP*291, else 346 (begin) and 347 (end), at the member then subscriber.
fn plan_period(about: &About<'_>) -> Option<Period> {
    let date = |q: &str| about.member.date(q).or_else(|| about.subscriber.date(q));
    if let Some(DateOrRange::Range { start, end }) = date("291") {
        return Some(Period::of(start, end));
    }
    let start = date("346").map(|d| d.start());
    let end = date("347").map(|d| d.end());
    (start.is_some() || end.is_some()).then_some(Period { start, end })
}

/// The Coverage a 271 describes: member id, payer, relationship, plan period, group and plan.
pub fn coverage_from_271(response: &EligibilityResponse) -> Result<Coverage, FhirError> {
    let about = about(response)?;
    let relationship = about.member.relationship.as_deref().unwrap_or("18");
    let tho = match relationship {
        "18" => "self",
        "01" => "spouse",
        "19" => "child",
        "53" => "common",
        _ => "other",
    };
    let mut classes = Vec::new();
    if let Some(group) = about
        .subscriber
        .group_number()
        .or(about.member.group_number())
    {
        classes.push(CoverageClass {
            kind: CodeableConcept::code(COVERAGE_CLASS, "group"),
            value: group.to_owned(),
            name: None,
        });
    }
    if let Some(plan) = about
        .subscriber
        .plan_number()
        .or(about.member.plan_number())
    {
        classes.push(CoverageClass {
            kind: CodeableConcept::code(COVERAGE_CLASS, "plan"),
            value: plan.to_owned(),
            name: None,
        });
    }
    Ok(Coverage {
        resource_type: "Coverage".to_owned(),
        id: Some(fhir_id("coverage", &response.control_number)),
        meta: None,
        identifier: vec![
            Identifier::of(
                &format!("urn:medbill:payer:{}:member-id", about.payer_id),
                &about.member_id,
            )
            .typed(CodeableConcept::code(V2_0203, "MB")),
        ],
        status: "active".to_owned(),
        kind: None,
        subscriber: None,
        subscriber_id: Some(about.member_id.clone()),
        beneficiary: member_reference(&about),
        relationship: Some(CodeableConcept::code(SUBSCRIBER_RELATIONSHIP, tho)),
        period: plan_period(&about),
        payor: vec![payer_reference(&about)],
        classes,
        order: None,
    })
}

fn money(amount: Option<Money>) -> Option<FhirMoney> {
    amount.map(FhirMoney::from)
}

/// A deductible or out-of-pocket maximum: `allowedMoney` the limit, `usedMoney` what is met
/// (the year-to-date amount, else the limit less what remains). R4 has no "remaining".
fn accumulator_benefit(
    kind: CodeableConcept,
    found: &Accumulator,
) -> Result<Option<EligibilityBenefit>, FhirError> {
    let used = match (found.year_to_date, found.limit, found.remaining) {
        (Some(ytd), _, _) => Some(ytd),
        (None, Some(limit), Some(remaining)) => Some(limit.checked_sub(remaining)?),
        _ => None,
    };
    if found.limit.is_none() && used.is_none() {
        return Ok(None);
    }
    Ok(Some(EligibilityBenefit {
        kind,
        allowed_money: money(found.limit),
        allowed_unsigned_int: None,
        allowed_string: None,
        used_money: money(used),
    }))
}

/// The CoverageEligibilityResponse of a 271: whether coverage is in force, the plan period
/// and, for health benefit plan coverage (service type 30) per network and level, deductible
/// and out-of-pocket maximum (limit and met), copay and coinsurance, as the 271 accessors
/// read them. AAA rejections make the outcome `error` with their reason codes.
pub fn eligibility_response_from_271(
    response: &EligibilityResponse,
    created: NaiveDate,
) -> Result<CoverageEligibilityResponse, FhirError> {
    let about = about(response)?;
    let mut items = Vec::new();
    for (network, network_code) in [(Network::In, "in"), (Network::Out, "out")] {
        for (level, unit) in [
            (CoverageLevel::Individual, "individual"),
            (CoverageLevel::Family, "family"),
        ] {
            let mut benefits = Vec::new();
            if let Some(b) = accumulator_benefit(
                CodeableConcept::code(BENEFIT_TYPE, "deductible"),
                &about.member.deductible(&level, network),
            )? {
                benefits.push(b);
            }
            if let Some(b) = accumulator_benefit(
                CodeableConcept::code(
                    &format!("{PCT_CS}PCTFinancialType"),
                    "out-of-pocket-maximum",
                ),
                &about.member.out_of_pocket(&level, network),
            )? {
                benefits.push(b);
            }
            if level == CoverageLevel::Individual {
                if let Some(copay) = about.member.copay("30", network) {
                    benefits.push(EligibilityBenefit {
                        kind: CodeableConcept::code(BENEFIT_TYPE, "copay"),
                        allowed_money: Some(FhirMoney::from(copay)),
                        allowed_unsigned_int: None,
                        allowed_string: None,
                        used_money: None,
                    });
                }
                if let Some(rate) = about.member.coinsurance("30", network) {
                    let percent = rate.percent().normalize();
                    let whole = u32::try_from(percent.trunc().mantissa())
                        .ok()
                        .filter(|_| percent.fract().is_zero());
                    benefits.push(EligibilityBenefit {
                        kind: CodeableConcept::code(BENEFIT_TYPE, "copay-percent"),
                        allowed_money: None,
                        allowed_unsigned_int: whole,
                        allowed_string: whole.is_none().then(|| percent.to_string()),
                        used_money: None,
                    });
                }
            }
            if !benefits.is_empty() {
                items.push(EligibilityItem {
                    category: Some(CodeableConcept::code(SERVICE_TYPE, "30")),
                    network: Some(CodeableConcept::code(BENEFIT_NETWORK, network_code)),
                    unit: Some(CodeableConcept::code(BENEFIT_UNIT, unit)),
                    term: Some(CodeableConcept::code(BENEFIT_TERM, "annual")),
                    benefit: benefits,
                    authorization_required: None,
                });
            }
        }
    }
    let rejections = response.all_rejections();
    let errors: Vec<EligibilityError> = rejections
        .iter()
        .filter_map(|r| r.reason.as_deref())
        .map(|reason| EligibilityError {
            code: CodeableConcept::code(REJECT_REASON, reason),
        })
        .collect();
    let trace = about
        .member
        .traces
        .first()
        .or(about.subscriber.traces.first())
        .map(|t| t.number.clone())
        .or_else(|| response.reference.clone())
        .unwrap_or_else(|| response.control_number.clone());
    let insurance = if rejections.is_empty() {
        vec![EligibilityInsurance {
            coverage: Reference::logical(
                Identifier::of(
                    &format!("urn:medbill:payer:{}:member-id", about.payer_id),
                    &about.member_id,
                ),
                None,
            ),
            inforce: about.member.active_coverage(),
            benefit_period: plan_period(&about),
            item: items,
        }]
    } else {
        Vec::new()
    };
    Ok(CoverageEligibilityResponse {
        resource_type: "CoverageEligibilityResponse".to_owned(),
        id: Some(fhir_id("eligibility", &response.control_number)),
        identifier: vec![Identifier::of(
            "urn:medbill:271:control-number",
            &response.control_number,
        )],
        status: "active".to_owned(),
        purpose: vec!["validation".to_owned(), "benefits".to_owned()],
        patient: member_reference(&about),
        serviced_date: None,
        created,
        request: Reference::logical(Identifier::of("urn:medbill:270:trace-number", &trace), None),
        outcome: if rejections.is_empty() {
            "complete"
        } else {
            "error"
        }
        .to_owned(),
        insurer: payer_reference(&about),
        insurance,
        error: errors,
    })
}
