//! The Da Vinci PCT Good Faith Estimate Bundle from an [`Estimate`] (spec §8, PCT STU 2):
//! the GFE summary Claim first, then one GFE Claim per provider, the Patient, the Coverage
//! (the plan's, or self-pay with the patient as payor) and the Organizations.

use chrono::NaiveDate;

use super::FhirError;
use super::claim::quantity;
use super::codes::systems::*;
use super::codes::{modifier, procedure};
use super::model::{
    self, ClaimInsurance, ClaimItem, CodeableConcept, Coverage, Extension, FhirMoney, Identifier,
    Meta, Organization, Patient, Period, Reference, Resource,
};
use super::refs::{Builder, fhir_id};
use crate::benefits::{Estimate, EstimateRequest};
use crate::codes::{Npi, ProcedureCode};
use crate::money::Money;

/// One planned service, whatever the estimate's kind.
struct Planned {
    /// Index into the request's services, when it is known.
    service: Option<usize>,
    provider: Option<usize>,
    procedure: ProcedureCode,
    date: NaiveDate,
    charge: Money,
}

fn planned(request: &EstimateRequest, estimate: &Estimate) -> Vec<Planned> {
    let provider_of = |service: usize| {
        request
            .providers
            .iter()
            .position(|p| p.services.contains(&service))
    };
    let same = |index: usize, code: &ProcedureCode| {
        request
            .services
            .get(index)
            .is_some_and(|s| &s.procedure == code)
    };
    match &estimate.good_faith_estimate {
        Some(gfe) => gfe
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let provider = item
                    .npi
                    .and_then(|npi: Npi| request.providers.iter().position(|p| p.npi == npi))
                    .or_else(|| {
                        request
                            .providers
                            .iter()
                            .position(|p| !item.provider.is_empty() && p.name == item.provider)
                    });
                Planned {
                    service: same(index, &item.procedure).then_some(index),
                    provider,
                    procedure: item.procedure,
                    date: item.date,
                    charge: item.expected_charge,
                }
            })
            .collect(),
        None => estimate
            .lines
            .iter()
            .enumerate()
            .map(|(index, line)| Planned {
                service: same(index, &line.procedure).then_some(index),
                provider: provider_of(index),
                procedure: line.procedure,
                date: line.date,
                charge: line.charge,
            })
            .collect(),
    }
}

fn pct_profile(name: &str) -> Option<Meta> {
    Some(Meta {
        last_updated: None,
        profile: vec![format!("{PCT_SD}{name}")],
    })
}

/// The PCT GFE Bundle of an estimate made on `created`: a summary Claim (`estimate-summary`,
/// provider data-absent) and a professional GFE Claim (`use` predetermination) per provider,
/// each item with the PCT `serviceDescription` extension, planned date, place of service,
/// quantity and charge; totals are the estimate's charges.
pub fn gfe_bundle(
    request: &EstimateRequest,
    estimate: &Estimate,
    created: NaiveDate,
) -> Result<model::Bundle, FhirError> {
    let services = planned(request, estimate);
    if services.is_empty() {
        return Err(FhirError::Empty {
            what: "the estimate has no services",
        });
    }
    let total = Money::sum(services.iter().map(|s| s.charge))?;
    let seed = format!("gfe:{created}:{total}:{}", request.contract.payer_id);
    let mut builder = Builder::new(seed.clone());
    let summary_url = builder.url();
    let mut claim_urls = Vec::new();
    let groups: Vec<Option<usize>> = {
        let mut seen = Vec::new();
        for s in &services {
            if !seen.contains(&s.provider) {
                seen.push(s.provider);
            }
        }
        seen
    };
    for _ in &groups {
        claim_urls.push(builder.url());
    }
    let patient = builder.add(Resource::Patient(Box::new(Patient {
        resource_type: "Patient".to_owned(),
        id: Some("patient".to_owned()),
        identifier: Vec::new(),
        name: Vec::new(),
        gender: None,
        birth_date: None,
        address: Vec::new(),
    })));
    let insured = request.plan.is_some();
    let payer = insured.then(|| {
        builder.add(Resource::Organization(Box::new(Organization {
            resource_type: "Organization".to_owned(),
            id: Some("payer".to_owned()),
            identifier: vec![
                Identifier::of(PAYER_ID, &request.contract.payer_id)
                    .typed(CodeableConcept::code(C4BB_IDENTIFIER, "payerid")),
            ],
            name: request.plan.as_ref().map(|p| p.name.clone()),
            address: Vec::new(),
        })))
    });
    let coverage = builder.add(Resource::Coverage(Box::new(Coverage {
        resource_type: "Coverage".to_owned(),
        id: Some("coverage".to_owned()),
        meta: None,
        identifier: Vec::new(),
        status: "active".to_owned(),
        kind: Some(if insured {
            CodeableConcept::code(ACT_CODE, "HIP")
        } else {
            CodeableConcept::code(ACT_CODE, "pay")
        }),
        subscriber: None,
        subscriber_id: None,
        beneficiary: Reference::to(&patient),
        relationship: Some(CodeableConcept::code(SUBSCRIBER_RELATIONSHIP, "self")),
        period: None,
        payor: vec![Reference::to(payer.as_deref().unwrap_or(&patient))],
        classes: Vec::new(),
        order: None,
    })));
    let insurance = || {
        vec![ClaimInsurance {
            sequence: 1,
            focal: true,
            coverage: Reference::to(&coverage),
            pre_auth_ref: Vec::new(),
        }]
    };
    let first = services.iter().map(|s| s.date).min();
    let last = services.iter().map(|s| s.date).max();
    let period = match (first, last) {
        (Some(first), Some(last)) => Some(Period::of(first, last)),
        _ => None,
    };
    let mut claims = Vec::new();
    for ((provider, url), number) in groups.iter().zip(&claim_urls).zip(1u32..) {
        let named = provider.and_then(|p| request.providers.get(p));
        let mut identifier = Vec::new();
        if let Some(named) = named {
            identifier.push(Identifier::of(NPI, named.npi.as_str()));
            if let Some(tin) = &named.tax_id {
                identifier
                    .push(Identifier::of(TIN, tin).typed(CodeableConcept::code(V2_0203, "TAX")));
            }
        }
        let provider_url = builder.add(Resource::Organization(Box::new(Organization {
            resource_type: "Organization".to_owned(),
            id: Some(format!("provider-{number}")),
            identifier,
            name: Some(
                named
                    .map(|n| n.name.clone())
                    .unwrap_or_else(|| "provider not named in the estimate request".to_owned()),
            ),
            address: Vec::new(),
        })));
        let mine: Vec<&Planned> = services
            .iter()
            .filter(|s| &s.provider == provider)
            .collect();
        let items: Vec<ClaimItem> = mine
            .iter()
            .zip(1u32..)
            .map(|(s, sequence)| {
                let service = s.service.and_then(|i| request.services.get(i));
                ClaimItem {
                    extension: vec![Extension::string(
                        &format!("{PCT_SD}serviceDescription"),
                        format!("Procedure {}", s.procedure),
                    )],
                    sequence,
                    care_team_sequence: Vec::new(),
                    diagnosis_sequence: Vec::new(),
                    revenue: None,
                    product_or_service: procedure(&s.procedure),
                    modifier: service
                        .map(|x| x.modifiers.iter().map(modifier).collect())
                        .unwrap_or_default(),
                    serviced_date: Some(s.date),
                    serviced_period: None,
                    location_codeable_concept: service
                        .map(|x| CodeableConcept::code(POS, x.place_of_service.as_str())),
                    quantity: service.map(|x| quantity(x.quantity)),
                    unit_price: None,
                    net: Some(FhirMoney::from(s.charge)),
                }
            })
            .collect();
        let subtotal = Money::sum(mine.iter().map(|s| s.charge))?;
        claims.push((
            url.clone(),
            model::Claim {
                resource_type: "Claim".to_owned(),
                id: Some(format!("gfe-{number}")),
                meta: pct_profile("davinci-pct-gfe-professional"),
                extension: Vec::new(),
                identifier: vec![
                    Identifier::of("urn:medbill:gfe", &format!("GFE-{created}-{number}"))
                        .typed(CodeableConcept::code(V2_0203, "PLAC")),
                ],
                status: "active".to_owned(),
                kind: CodeableConcept::code(CLAIM_TYPE, "professional"),
                sub_type: None,
                use_: "predetermination".to_owned(),
                patient: Reference::to(&patient),
                billable_period: None,
                created,
                insurer: payer.as_deref().map(Reference::to),
                provider: Reference::to(&provider_url),
                priority: CodeableConcept::code(PROCESS_PRIORITY, "normal"),
                related: Vec::new(),
                referral: None,
                facility: None,
                care_team: Vec::new(),
                supporting_info: Vec::new(),
                diagnosis: Vec::new(),
                procedure: Vec::new(),
                insurance: insurance(),
                item: items,
                total: Some(FhirMoney::from(subtotal)),
            },
        ));
    }
    let summary = model::Claim {
        resource_type: "Claim".to_owned(),
        id: Some("gfe-summary".to_owned()),
        meta: pct_profile("davinci-pct-gfe-summary"),
        extension: Vec::new(),
        identifier: Vec::new(),
        status: "active".to_owned(),
        kind: CodeableConcept::code(
            &format!("{PCT_CS}PCTEstimateTypeSummaryCSTemporaryTrialUse"),
            "estimate-summary",
        ),
        sub_type: None,
        use_: "predetermination".to_owned(),
        patient: Reference::to(&patient),
        billable_period: period,
        created,
        insurer: payer.as_deref().map(Reference::to),
        provider: Reference {
            extension: vec![Extension {
                url: DATA_ABSENT_REASON.to_owned(),
                value_string: None,
                value_code: Some("not-applicable".to_owned()),
                value_codeable_concept: None,
                value_reference: None,
            }],
            ..Reference::default()
        },
        priority: CodeableConcept::code(PROCESS_PRIORITY, "normal"),
        related: Vec::new(),
        referral: None,
        facility: None,
        care_team: Vec::new(),
        supporting_info: Vec::new(),
        diagnosis: Vec::new(),
        procedure: Vec::new(),
        insurance: insurance(),
        item: Vec::new(),
        total: Some(FhirMoney::from(total)),
    };
    let mut bundle = builder.finish(
        Some(fhir_id("gfe-bundle", &created.to_string())),
        created,
        pct_profile("davinci-pct-gfe-bundle"),
        Some(Identifier::of(
            "urn:medbill:gfe-bundle",
            &fhir_id("GFEB", &seed),
        )),
    );
    let mut front = vec![model::Entry {
        full_url: summary_url,
        resource: Resource::Claim(Box::new(summary)),
    }];
    front.extend(claims.into_iter().map(|(url, claim)| model::Entry {
        full_url: url,
        resource: Resource::Claim(Box::new(claim)),
    }));
    front.append(&mut bundle.entry);
    bundle.entry = front;
    Ok(bundle)
}
