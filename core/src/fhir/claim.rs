//! Claim ⇄ FHIR Claim Bundle (837P and 837I), RULES.md §16 and the spec's §5 mapping.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value, json};

use super::codes::systems::*;
use super::codes::{first_code, icd10cm, icd10pcs, modifier, procedure};
use super::model::{
    self, Bundle, CareTeam, ClaimInsurance, ClaimItem, CodeableConcept, Coverage, CoverageClass,
    Diagnosis, Entry, Extension, FhirMoney, HumanName, Identifier, Number, Organization, Patient,
    Period, Practitioner, Procedure, Quantity, Reference, RelatedClaim, Resource, SupportingInfo,
};
use super::refs::{Builder, fhir_id};
use super::{CLAIM_DETAIL, FhirError, LINE_ITEM_CONTROL_NUMBER};
use crate::claim::{
    Address, Claim, ClaimForm, Institutional, PartyName, PayerResponsibility, PersonName,
    Professional, Provider, Quantity as ClaimQuantity, Sex, TaxId,
};

/// The PCT extension naming a provider's taxonomy.
const PROVIDER_TAXONOMY: &str =
    "http://hl7.org/fhir/us/davinci-pct/StructureDefinition/providerTaxonomy";

/// Where a claim's parties are in a Bundle.
pub(crate) struct Parties {
    /// The patient.
    pub(crate) patient: String,
    /// The payer.
    pub(crate) payer: String,
    /// The billing provider.
    pub(crate) provider: String,
    /// The coverage.
    pub(crate) coverage: String,
    /// Practitioners and their roles, in care-team order.
    pub(crate) care_team: Vec<CareTeam>,
    /// The service facility.
    pub(crate) facility: Option<String>,
}

/// The FHIR Bundle of a claim: the Claim first, then its Patient (and the subscriber when the
/// patient is a dependent), the payer and billing provider Organizations, Practitioners,
/// the service facility Location and the Coverage, all referenced by `urn:uuid`.
///
/// `created` is the claim's creation date (`Claim.created`, the Bundle's timestamp).
pub fn claim_bundle(claim: &Claim, created: NaiveDate) -> Result<Bundle, FhirError> {
    let mut builder = Builder::new(format!("claim:{}:{created}", claim.patient_control_number));
    let claim_url = builder.url();
    let parties = parties(claim, &mut builder);
    let mut fhir = fhir_claim(claim, created, &parties)?;
    let mut bundle = builder.finish(
        Some(fhir_id("claim", &claim.patient_control_number)),
        created,
        None,
        None,
    );
    // What the FHIR elements do not give back travels in the claim-detail extension.
    let written = serde_json::to_value(claim).map_err(|_| FhirError::Encode)?;
    let read = partial_claim(&fhir, &bundle)?;
    if let Some(rest) = difference(&written, &Value::Object(read)) {
        let text = serde_json::to_string(&rest).map_err(|_| FhirError::Encode)?;
        fhir.extension.push(Extension::string(CLAIM_DETAIL, text));
    }
    bundle.entry.insert(
        0,
        Entry {
            full_url: claim_url,
            resource: Resource::Claim(Box::new(fhir)),
        },
    );
    Ok(bundle)
}

/// Adds the claim's parties to a Bundle (shared with the ExplanationOfBenefit).
pub(crate) fn parties(claim: &Claim, builder: &mut Builder) -> Parties {
    let payer = builder.add(Resource::Organization(Box::new(Organization {
        resource_type: "Organization".to_owned(),
        id: Some("payer".to_owned()),
        identifier: vec![
            Identifier::of(PAYER_ID, &claim.payer.payer_id)
                .typed(CodeableConcept::code(C4BB_IDENTIFIER, "payerid")),
        ],
        name: Some(claim.payer.name.clone()),
        address: claim.payer.address.iter().map(address).collect(),
    })));
    let provider = builder.add(provider_resource(
        &claim.billing_provider,
        "billing-provider",
    ));
    let subscriber = &claim.subscriber;
    let member_id = subscriber.member_id.expose();
    let subscriber_patient = Patient {
        resource_type: "Patient".to_owned(),
        id: Some("subscriber".to_owned()),
        identifier: vec![member_identifier(&claim.payer.payer_id, member_id)],
        name: vec![human_name(subscriber.name.expose())],
        gender: subscriber.sex.map(gender),
        birth_date: subscriber.birth_date.as_ref().map(|d| *d.expose()),
        address: subscriber
            .address
            .iter()
            .map(|a| address(a.expose()))
            .collect(),
    };
    let (patient, subscriber_url, relationship) = match &claim.patient {
        None => {
            let url = builder.add(Resource::Patient(Box::new(subscriber_patient)));
            (url, None, relationship_concept("18"))
        }
        Some(dependent) => {
            let subscriber_url = builder.add(Resource::Patient(Box::new(subscriber_patient)));
            let url = builder.add(Resource::Patient(Box::new(Patient {
                resource_type: "Patient".to_owned(),
                id: Some("patient".to_owned()),
                identifier: Vec::new(),
                name: vec![human_name(dependent.name.expose())],
                gender: Some(gender(dependent.sex)),
                birth_date: Some(*dependent.birth_date.expose()),
                address: dependent
                    .address
                    .iter()
                    .map(|a| address(a.expose()))
                    .collect(),
            })));
            (
                url,
                Some(subscriber_url),
                relationship_concept(&dependent.relationship),
            )
        }
    };
    let mut classes = Vec::new();
    if let Some(group) = &subscriber.group_number {
        classes.push(CoverageClass {
            kind: CodeableConcept::code(COVERAGE_CLASS, "group"),
            value: group.clone(),
            name: subscriber.group_name.clone(),
        });
    }
    let coverage = builder.add(Resource::Coverage(Box::new(Coverage {
        resource_type: "Coverage".to_owned(),
        id: Some("coverage".to_owned()),
        meta: None,
        identifier: vec![member_identifier(&claim.payer.payer_id, member_id)],
        status: "active".to_owned(),
        kind: Some(CodeableConcept::code(
            FILING_INDICATOR,
            &claim.payer.claim_filing_indicator,
        )),
        subscriber: subscriber_url.as_deref().map(Reference::to),
        subscriber_id: Some(member_id.clone()),
        beneficiary: Reference::to(&patient),
        relationship: Some(relationship),
        period: None,
        payor: vec![Reference::to(&payer)],
        classes,
        order: Some(match subscriber.payer_responsibility {
            PayerResponsibility::Primary => 1,
            PayerResponsibility::Secondary => 2,
            PayerResponsibility::Tertiary => 3,
        }),
    })));
    let mut care_team = Vec::new();
    let mut member = |builder: &mut Builder, who: &Provider, role: &str, id: &str| {
        let url = builder.add(provider_resource(who, id));
        let sequence = u32::try_from(care_team.len()).unwrap_or(u32::MAX);
        care_team.push(CareTeam {
            sequence: sequence.saturating_add(1),
            provider: Reference::to(&url),
            role: Some(CodeableConcept::code(C4BB_CARE_TEAM_ROLE, role)),
            qualification: who
                .taxonomy
                .map(|t| CodeableConcept::code(NUCC, t.as_str())),
        });
    };
    if let Some(rendering) = &claim.rendering_provider {
        member(builder, rendering, "rendering", "rendering");
    }
    if let Some(referring) = &claim.referring_provider {
        member(builder, referring, "referring", "referring");
    }
    if let ClaimForm::Institutional(form) = &claim.form {
        member(builder, &form.attending_provider, "attending", "attending");
        if let Some(operating) = &form.operating_provider {
            member(builder, operating, "operating", "operating");
        }
        if let Some(other) = &form.other_operating_provider {
            member(builder, other, "otheroperating", "other-operating");
        }
    }
    let facility = claim.service_facility.as_ref().map(|f| {
        builder.add(Resource::Location(Box::new(model::Location {
            resource_type: "Location".to_owned(),
            id: Some("service-facility".to_owned()),
            identifier: f
                .npi
                .iter()
                .map(|n| Identifier::of(NPI, n.as_str()))
                .collect(),
            name: Some(f.name.clone()),
            address: Some(address(&f.address)),
        })))
    });
    Parties {
        patient,
        payer,
        provider,
        coverage,
        care_team,
        facility,
    }
}

fn member_identifier(payer_id: &str, member_id: &str) -> Identifier {
    Identifier::of(
        &format!("urn:medbill:payer:{payer_id}:member-id"),
        member_id,
    )
    .typed(CodeableConcept::code(V2_0203, "MB"))
}

/// PAT01 / INS02 as THO subscriber-relationship, with the X12 code beside it.
fn relationship_concept(x12: &str) -> CodeableConcept {
    let tho = match x12 {
        "18" => "self",
        "01" => "spouse",
        "19" => "child",
        "53" => "common",
        _ => "other",
    };
    let mut concept = CodeableConcept::code(SUBSCRIBER_RELATIONSHIP, tho);
    concept.coding.push(model::Coding {
        system: Some(X12_RELATIONSHIP.to_owned()),
        code: Some(x12.to_owned()),
        display: None,
    });
    concept
}

fn gender(sex: Sex) -> String {
    match sex {
        Sex::Female => "female",
        Sex::Male => "male",
        Sex::Unknown => "unknown",
    }
    .to_owned()
}

fn human_name(name: &PersonName) -> HumanName {
    HumanName {
        family: Some(name.last.clone()),
        given: std::iter::once(name.first.clone())
            .chain(name.middle.clone())
            .collect(),
        suffix: name.suffix.iter().cloned().collect(),
    }
}

pub(crate) fn address(a: &Address) -> model::Address {
    model::Address {
        line: a.lines.clone(),
        city: Some(a.city.clone()),
        state: Some(a.state.clone()),
        postal_code: Some(a.postal_code.clone()),
    }
}

/// A provider as an Organization or a Practitioner, by its name's entity.
pub(crate) fn provider_resource(who: &Provider, id: &str) -> Resource {
    let mut identifier = vec![Identifier::of(NPI, who.npi.as_str())];
    match &who.tax_id {
        Some(TaxId::Ein(ein)) => {
            identifier.push(Identifier::of(TIN, ein).typed(CodeableConcept::code(V2_0203, "TAX")))
        }
        Some(TaxId::Ssn(ssn)) => identifier.push(Identifier::of(SSN, ssn.expose())),
        None => {}
    }
    let addresses: Vec<model::Address> = who.address.iter().map(address).collect();
    match &who.name {
        PartyName::Organization { name } => Resource::Organization(Box::new(Organization {
            resource_type: "Organization".to_owned(),
            id: Some(id.to_owned()),
            identifier,
            name: Some(name.clone()),
            address: addresses,
        })),
        PartyName::Person(person) => Resource::Practitioner(Box::new(Practitioner {
            resource_type: "Practitioner".to_owned(),
            id: Some(id.to_owned()),
            identifier,
            name: vec![human_name(person)],
            address: addresses,
        })),
    }
}

/// The reference to the billing provider, with its taxonomy (PCT `providerTaxonomy`).
pub(crate) fn provider_reference(claim: &Claim, url: &str) -> Reference {
    let mut reference = Reference::to(url);
    if let Some(taxonomy) = claim.billing_provider.taxonomy {
        reference.extension.push(Extension {
            url: PROVIDER_TAXONOMY.to_owned(),
            value_string: None,
            value_code: None,
            value_codeable_concept: Some(CodeableConcept::code(NUCC, taxonomy.as_str())),
            value_reference: None,
        });
    }
    reference
}

/// The claim's diagnoses: principal first, then secondary.
pub(crate) fn diagnoses(claim: &Claim) -> Vec<Diagnosis> {
    claim
        .diagnoses
        .iter()
        .zip(1u32..)
        .map(|(code, sequence)| Diagnosis {
            sequence,
            diagnosis_codeable_concept: icd10cm(code),
            kind: vec![CodeableConcept::code(
                DIAGNOSIS_TYPE,
                if sequence == 1 {
                    "principal"
                } else {
                    "secondary"
                },
            )],
            on_admission: None,
        })
        .collect()
}

/// The claim's service period: the statement period, else the lines' dates.
pub(crate) fn billable_period(claim: &Claim) -> Option<Period> {
    match &claim.form {
        ClaimForm::Institutional(form) => {
            Some(Period::of(form.statement_from, form.statement_through))
        }
        ClaimForm::Professional(form) => {
            let first = form.lines.iter().map(|l| l.service_date).min()?;
            let last = form
                .lines
                .iter()
                .map(|l| l.service_date_end.unwrap_or(l.service_date))
                .max()?;
            Some(Period::of(first, last))
        }
    }
}

/// A quantity of units or anesthesia minutes.
pub(crate) fn quantity(q: ClaimQuantity) -> Quantity {
    match q {
        ClaimQuantity::Units(units) => Quantity {
            value: Number(units),
            unit: Some("UN".to_owned()),
            system: None,
            code: None,
        },
        ClaimQuantity::Minutes(minutes) => Quantity {
            value: Number(rust_decimal::Decimal::from(minutes)),
            unit: Some("MJ".to_owned()),
            system: Some("http://unitsofmeasure.org".to_owned()),
            code: Some("min".to_owned()),
        },
    }
}

fn supporting(sequence: &mut u32, category: CodeableConcept) -> SupportingInfo {
    *sequence = sequence.saturating_add(1);
    SupportingInfo {
        sequence: *sequence,
        category,
        code: None,
        timing_date: None,
        timing_period: None,
        value_string: None,
    }
}

fn fhir_claim(
    claim: &Claim,
    created: NaiveDate,
    parties: &Parties,
) -> Result<model::Claim, FhirError> {
    let institutional = matches!(claim.form, ClaimForm::Institutional(_));
    let mut info = Vec::new();
    let mut sequence = 0u32;
    match &claim.form {
        ClaimForm::Professional(_) => {
            let mut entry = supporting(
                &mut sequence,
                CodeableConcept::code(PCT_SUPPORTING_INFO, "claimFrequency"),
            );
            entry.code = Some(CodeableConcept::code(PCT_FREQUENCY, claim.frequency.code()));
            info.push(entry);
        }
        ClaimForm::Institutional(form) => {
            let mut entry = supporting(
                &mut sequence,
                CodeableConcept::code(C4BB_SUPPORTING_INFO, "typeofbill"),
            );
            entry.code = Some(CodeableConcept::code(
                NUBC_TYPE_OF_BILL,
                &form.type_of_bill(claim.frequency),
            ));
            info.push(entry);
            let mut status = supporting(
                &mut sequence,
                CodeableConcept::code(C4BB_SUPPORTING_INFO, "discharge-status"),
            );
            status.code = Some(CodeableConcept::code(NUBC_DISCHARGE, &form.patient_status));
            info.push(status);
        }
    }
    if let Some(record) = &claim.medical_record_number {
        let mut entry = supporting(
            &mut sequence,
            CodeableConcept::code(C4BB_SUPPORTING_INFO, "medicalrecordnumber"),
        );
        entry.value_string = Some(record.clone());
        info.push(entry);
    }
    let related = claim
        .original_claim_number
        .iter()
        .map(|number| RelatedClaim {
            claim: Some(Reference::logical(
                Identifier::of(
                    &format!(
                        "urn:medbill:payer:{}:claim-control-number",
                        claim.payer.payer_id
                    ),
                    number,
                ),
                None,
            )),
            relationship: Some(CodeableConcept::code(RELATED_CLAIM, "prior")),
        })
        .collect();
    let items = match &claim.form {
        ClaimForm::Professional(form) => professional_items(form),
        ClaimForm::Institutional(form) => institutional_items(form),
    };
    let procedures = match &claim.form {
        ClaimForm::Institutional(form) => form
            .procedures
            .iter()
            .zip(1u32..)
            .map(|(p, sequence)| Procedure {
                sequence,
                date: p.date,
                procedure_codeable_concept: icd10pcs(&p.code),
            })
            .collect(),
        ClaimForm::Professional(_) => Vec::new(),
    };
    Ok(model::Claim {
        resource_type: "Claim".to_owned(),
        id: Some(fhir_id("claim", &claim.patient_control_number)),
        meta: None,
        extension: Vec::new(),
        identifier: vec![
            Identifier::of(
                &format!(
                    "urn:medbill:billing-provider:{}:patient-control-number",
                    claim.billing_provider.npi
                ),
                &claim.patient_control_number,
            )
            .typed(CodeableConcept::code(V2_0203, "PLAC")),
        ],
        status: "active".to_owned(),
        kind: CodeableConcept::code(
            CLAIM_TYPE,
            if institutional {
                "institutional"
            } else {
                "professional"
            },
        ),
        sub_type: match &claim.form {
            ClaimForm::Institutional(form) => Some(CodeableConcept::code(
                C4BB_INSTITUTIONAL_SUBTYPE,
                if form.is_inpatient() {
                    "inpatient"
                } else {
                    "outpatient"
                },
            )),
            ClaimForm::Professional(_) => None,
        },
        use_: "claim".to_owned(),
        patient: Reference::to(&parties.patient),
        billable_period: billable_period(claim),
        created,
        insurer: Some(Reference::to(&parties.payer)),
        provider: provider_reference(claim, &parties.provider),
        priority: CodeableConcept::code(PROCESS_PRIORITY, "normal"),
        related,
        referral: claim.referral_number.as_ref().map(|number| {
            Reference::logical(
                Identifier::of(
                    &format!("urn:medbill:payer:{}:referral-number", claim.payer.payer_id),
                    number,
                ),
                None,
            )
        }),
        facility: parties.facility.as_deref().map(Reference::to),
        care_team: parties.care_team.clone(),
        supporting_info: info,
        diagnosis: diagnoses(claim),
        procedure: procedures,
        insurance: vec![ClaimInsurance {
            sequence: 1,
            focal: true,
            coverage: Reference::to(&parties.coverage),
            pre_auth_ref: claim.prior_authorization.iter().cloned().collect(),
        }],
        item: items,
        total: Some(FhirMoney::from(claim.total_charge)),
    })
}

fn control_number(number: Option<&String>) -> Vec<Extension> {
    number
        .map(|n| Extension::string(LINE_ITEM_CONTROL_NUMBER, n.clone()))
        .into_iter()
        .collect()
}

fn professional_items(form: &Professional) -> Vec<ClaimItem> {
    form.lines
        .iter()
        .zip(1u32..)
        .map(|(line, sequence)| {
            let (date, period) = match line.service_date_end {
                Some(end) => (None, Some(Period::of(line.service_date, end))),
                None => (Some(line.service_date), None),
            };
            let pos = line.place_of_service.unwrap_or(form.place_of_service);
            ClaimItem {
                extension: control_number(line.line_item_control_number.as_ref()),
                sequence,
                care_team_sequence: Vec::new(),
                diagnosis_sequence: line
                    .diagnosis_pointers
                    .iter()
                    .map(|&p| u32::from(p))
                    .collect(),
                revenue: None,
                product_or_service: procedure(&line.procedure),
                modifier: line.modifiers.iter().map(modifier).collect(),
                serviced_date: date,
                serviced_period: period,
                location_codeable_concept: Some(CodeableConcept::code(POS, pos.as_str())),
                quantity: Some(quantity(line.quantity)),
                unit_price: None,
                net: Some(FhirMoney::from(line.charge)),
            }
        })
        .collect()
}

/// No procedure code on an institutional line: CARIN's data-absent-reason.
pub(crate) fn not_applicable() -> CodeableConcept {
    CodeableConcept::code(DATA_ABSENT_CODES, "not-applicable")
}

fn institutional_items(form: &Institutional) -> Vec<ClaimItem> {
    form.lines
        .iter()
        .zip(1u32..)
        .map(|(line, sequence)| ClaimItem {
            extension: control_number(line.line_item_control_number.as_ref()),
            sequence,
            care_team_sequence: Vec::new(),
            diagnosis_sequence: Vec::new(),
            revenue: Some(CodeableConcept::code(
                NUBC_REVENUE,
                line.revenue_code.as_str(),
            )),
            product_or_service: line
                .procedure
                .as_ref()
                .map_or_else(not_applicable, procedure),
            modifier: line.modifiers.iter().map(modifier).collect(),
            serviced_date: line.service_date,
            serviced_period: None,
            location_codeable_concept: None,
            quantity: Some(Quantity {
                value: Number(line.units),
                unit: Some("UN".to_owned()),
                system: None,
                code: None,
            }),
            unit_price: None,
            net: Some(FhirMoney::from(line.charge)),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Reading.

#[derive(Deserialize)]
struct Peek {
    #[serde(rename = "resourceType")]
    resource_type: String,
}

/// Reads a claim from the FHIR Bundle [`claim_bundle`] writes: the Claim's elements, its
/// referenced resources and the claim-detail extension give back the medbill claim.
///
/// Refuses, rather than drops, anything it cannot place: an element or resource outside what
/// medbill writes, an unknown extension, a reference that does not resolve, a claim field
/// missing or invalid (then with the field's JSON pointer).
pub fn claim_from_fhir(json: &str) -> Result<Claim, FhirError> {
    let raw: Bundle<Box<RawValue>> =
        serde_json::from_str(json).map_err(|e| FhirError::from_json(&e, ""))?;
    if raw.resource_type != "Bundle" {
        return Err(FhirError::Unsupported {
            path: "resourceType".to_owned(),
            expected: "a Bundle",
        });
    }
    let mut entries = Vec::new();
    for (index, entry) in raw.entry.iter().enumerate() {
        let within = format!("Bundle.entry[{index}].resource ");
        let text = entry.resource.get();
        let peek: Peek =
            serde_json::from_str(text).map_err(|e| FhirError::from_json(&e, &within))?;
        let parse = |e: serde_json::Error| FhirError::from_json(&e, &within);
        let resource = match peek.resource_type.as_str() {
            "Claim" => Resource::Claim(Box::new(serde_json::from_str(text).map_err(parse)?)),
            "Patient" => Resource::Patient(Box::new(serde_json::from_str(text).map_err(parse)?)),
            "Organization" => {
                Resource::Organization(Box::new(serde_json::from_str(text).map_err(parse)?))
            }
            "Practitioner" => {
                Resource::Practitioner(Box::new(serde_json::from_str(text).map_err(parse)?))
            }
            "Location" => Resource::Location(Box::new(serde_json::from_str(text).map_err(parse)?)),
            "Coverage" => Resource::Coverage(Box::new(serde_json::from_str(text).map_err(parse)?)),
            _ => {
                return Err(FhirError::Unsupported {
                    path: format!("Bundle.entry[{index}].resource.resourceType"),
                    expected: "Claim, Patient, Organization, Practitioner, Location or Coverage",
                });
            }
        };
        entries.push(Entry {
            full_url: entry.full_url.clone(),
            resource,
        });
    }
    let bundle = Bundle {
        resource_type: raw.resource_type,
        id: raw.id,
        meta: raw.meta,
        identifier: raw.identifier,
        kind: raw.kind,
        timestamp: raw.timestamp,
        entry: entries,
    };
    let claim = bundle.claim().ok_or_else(|| FhirError::Missing {
        path: "Bundle.entry: a Claim".to_owned(),
    })?;
    let mut value = Value::Object(partial_claim(claim, &bundle)?);
    for (index, extension) in claim.extension.iter().enumerate() {
        let path = format!("Claim.extension[{index}]");
        if extension.url != CLAIM_DETAIL {
            return Err(FhirError::Unsupported {
                path,
                expected: "medbill's claim-detail extension",
            });
        }
        let text = extension
            .value_string
            .as_deref()
            .ok_or(FhirError::Missing {
                path: format!("{path}.valueString"),
            })?;
        let rest: Value = serde_json::from_str(text)
            .map_err(|e| FhirError::from_json(&e, &format!("{path}.valueString ")))?;
        merge(&mut value, rest);
    }
    let text = serde_json::to_string(&value).map_err(|_| FhirError::Encode)?;
    crate::input::from_json(&text).map_err(FhirError::Claim)
}

fn resolve<'a>(
    bundle: &'a Bundle,
    reference: &Reference,
    path: &str,
) -> Result<&'a Resource, FhirError> {
    reference
        .reference
        .as_deref()
        .and_then(|url| bundle.resolve(url))
        .ok_or_else(|| FhirError::Unsupported {
            path: path.to_owned(),
            expected: "a reference to an entry of the Bundle",
        })
}

fn identifier_value<'a>(identifiers: &'a [Identifier], system: &str) -> Option<&'a str> {
    identifiers
        .iter()
        .find(|i| i.system.as_deref() == Some(system))
        .and_then(|i| i.value.as_deref())
}

fn name_json(name: &HumanName) -> Value {
    let mut out = Map::new();
    if let Some(family) = &name.family {
        out.insert("last".into(), json!(family));
    }
    let mut given = name.given.iter();
    if let Some(first) = given.next() {
        out.insert("first".into(), json!(first));
    }
    if let Some(middle) = given.next() {
        out.insert("middle".into(), json!(middle));
    }
    if let Some(suffix) = name.suffix.first() {
        out.insert("suffix".into(), json!(suffix));
    }
    Value::Object(out)
}

fn address_json(address: &model::Address) -> Value {
    let mut out = Map::new();
    out.insert("lines".into(), json!(address.line));
    if let Some(city) = &address.city {
        out.insert("city".into(), json!(city));
    }
    if let Some(state) = &address.state {
        out.insert("state".into(), json!(state));
    }
    if let Some(zip) = &address.postal_code {
        out.insert("postalCode".into(), json!(zip));
    }
    Value::Object(out)
}

fn gender_json(gender: &str) -> Option<Value> {
    match gender {
        "female" | "male" | "unknown" => Some(json!(gender)),
        _ => None,
    }
}

/// A provider's JSON from an Organization or Practitioner, and its taxonomy.
fn provider_json(
    resource: &Resource,
    taxonomy: Option<&str>,
    path: &str,
) -> Result<Value, FhirError> {
    let (identifiers, name, addresses) = match resource {
        Resource::Organization(o) => (
            &o.identifier,
            json!({"entity": "organization", "name": o.name}),
            &o.address,
        ),
        Resource::Practitioner(p) => {
            let mut name = match p.name.first() {
                Some(n) => name_json(n),
                None => json!({}),
            };
            if let Value::Object(map) = &mut name {
                map.insert("entity".into(), json!("person"));
            }
            (&p.identifier, name, &p.address)
        }
        _ => {
            return Err(FhirError::Unsupported {
                path: path.to_owned(),
                expected: "an Organization or a Practitioner",
            });
        }
    };
    let mut out = Map::new();
    if let Some(npi) = identifier_value(identifiers, NPI) {
        out.insert("npi".into(), json!(npi));
    }
    out.insert("name".into(), name);
    if let Some(taxonomy) = taxonomy {
        out.insert("taxonomy".into(), json!(taxonomy));
    }
    if let Some(ein) = identifier_value(identifiers, TIN) {
        out.insert("taxId".into(), json!({"kind": "ein", "value": ein}));
    } else if let Some(ssn) = identifier_value(identifiers, SSN) {
        out.insert("taxId".into(), json!({"kind": "ssn", "value": ssn}));
    }
    if let Some(address) = addresses.first() {
        out.insert("address".into(), address_json(address));
    }
    Ok(Value::Object(out))
}

fn patient_of<'a>(resource: &'a Resource, path: &str) -> Result<&'a Patient, FhirError> {
    match resource {
        Resource::Patient(p) => Ok(p),
        _ => Err(FhirError::Unsupported {
            path: path.to_owned(),
            expected: "a Patient",
        }),
    }
}

fn person_json(patient: &Patient, out: &mut Map<String, Value>) {
    if let Some(name) = patient.name.first() {
        out.insert("name".into(), name_json(name));
    }
    if let Some(birth) = patient.birth_date {
        out.insert("birthDate".into(), json!(birth));
    }
    if let Some(sex) = patient.gender.as_deref().and_then(gender_json) {
        out.insert("sex".into(), sex);
    }
    if let Some(address) = patient.address.first() {
        out.insert("address".into(), address_json(address));
    }
}

fn info_code<'a>(claim: &'a model::Claim, system: &str, code: &str) -> Option<&'a SupportingInfo> {
    claim
        .supporting_info
        .iter()
        .find(|i| i.category.is(system, code))
}

/// The claim JSON the FHIR elements give (without the claim-detail extension).
fn partial_claim(claim: &model::Claim, bundle: &Bundle) -> Result<Map<String, Value>, FhirError> {
    let mut out = Map::new();
    if let Some(pcn) = claim
        .identifier
        .iter()
        .find(|i| i.kind.as_ref().is_some_and(|k| k.is(V2_0203, "PLAC")))
        .and_then(|i| i.value.as_deref())
    {
        out.insert("patientControlNumber".into(), json!(pcn));
    }
    let institutional = claim.kind.is(CLAIM_TYPE, "institutional");
    if !institutional && !claim.kind.is(CLAIM_TYPE, "professional") {
        return Err(FhirError::Unsupported {
            path: "Claim.type".to_owned(),
            expected: "claim-type professional or institutional",
        });
    }
    if claim.use_ != "claim" {
        return Err(FhirError::Unsupported {
            path: "Claim.use".to_owned(),
            expected: "claim",
        });
    }
    let mut type_of_bill = None;
    if institutional {
        type_of_bill = info_code(claim, C4BB_SUPPORTING_INFO, "typeofbill")
            .and_then(|i| i.code.as_ref())
            .and_then(|c| c.code_of(NUBC_TYPE_OF_BILL))
            .filter(|t| t.len() == 4 && t.is_ascii());
        if let Some(frequency) = type_of_bill.and_then(|t| t.get(3..4)) {
            out.insert("frequency".into(), json!(frequency));
        }
    } else if let Some(frequency) = info_code(claim, PCT_SUPPORTING_INFO, "claimFrequency")
        .and_then(|i| i.code.as_ref())
        .and_then(|c| c.code_of(PCT_FREQUENCY))
    {
        out.insert("frequency".into(), json!(frequency));
    }
    if let Some(number) = claim
        .related
        .iter()
        .filter_map(|r| r.claim.as_ref())
        .find_map(|r| r.identifier.as_ref())
        .and_then(|i| i.value.as_deref())
    {
        out.insert("originalClaimNumber".into(), json!(number));
    }
    if let Some(total) = claim.total {
        out.insert("totalCharge".into(), json!(total.value.0.to_string()));
    }
    let taxonomy = claim
        .provider
        .extension
        .iter()
        .find(|e| e.url == PROVIDER_TAXONOMY)
        .and_then(|e| e.value_codeable_concept.as_ref())
        .and_then(|c| c.code_of(NUCC));
    let billing = resolve(bundle, &claim.provider, "Claim.provider")?;
    out.insert(
        "billingProvider".into(),
        provider_json(billing, taxonomy, "Claim.provider")?,
    );
    let mut form_providers = Map::new();
    for (index, member) in claim.care_team.iter().enumerate() {
        let path = format!("Claim.careTeam[{index}].provider");
        let resource = resolve(bundle, &member.provider, &path)?;
        let taxonomy = member.qualification.as_ref().and_then(|q| q.code_of(NUCC));
        let who = provider_json(resource, taxonomy, &path)?;
        let role = member
            .role
            .as_ref()
            .and_then(|r| r.code_of(C4BB_CARE_TEAM_ROLE))
            .unwrap_or_default();
        match role {
            "rendering" => {
                out.insert("renderingProvider".into(), who);
            }
            "referring" => {
                out.insert("referringProvider".into(), who);
            }
            "attending" => {
                form_providers.insert("attendingProvider".into(), who);
            }
            "operating" => {
                form_providers.insert("operatingProvider".into(), who);
            }
            "otheroperating" => {
                form_providers.insert("otherOperatingProvider".into(), who);
            }
            _ => {
                return Err(FhirError::Unsupported {
                    path: format!("Claim.careTeam[{index}].role"),
                    expected: "C4BB rendering, referring, attending, operating or otheroperating",
                });
            }
        }
    }
    if let Some(facility) = &claim.facility {
        let Resource::Location(location) = resolve(bundle, facility, "Claim.facility")? else {
            return Err(FhirError::Unsupported {
                path: "Claim.facility".to_owned(),
                expected: "a Location",
            });
        };
        let mut f = Map::new();
        if let Some(npi) = identifier_value(&location.identifier, NPI) {
            f.insert("npi".into(), json!(npi));
        }
        if let Some(name) = &location.name {
            f.insert("name".into(), json!(name));
        }
        if let Some(address) = &location.address {
            f.insert("address".into(), address_json(address));
        }
        out.insert("serviceFacility".into(), Value::Object(f));
    }
    // Patient, subscriber, coverage and payer.
    let insurance = claim.insurance.first().ok_or_else(|| FhirError::Missing {
        path: "Claim.insurance".to_owned(),
    })?;
    let Resource::Coverage(coverage) =
        resolve(bundle, &insurance.coverage, "Claim.insurance[0].coverage")?
    else {
        return Err(FhirError::Unsupported {
            path: "Claim.insurance[0].coverage".to_owned(),
            expected: "a Coverage",
        });
    };
    let patient = patient_of(
        resolve(bundle, &claim.patient, "Claim.patient")?,
        "Claim.patient",
    )?;
    let (subscriber, dependent) = match &coverage.subscriber {
        Some(reference) => (
            patient_of(
                resolve(bundle, reference, "Coverage.subscriber")?,
                "Coverage.subscriber",
            )?,
            Some(patient),
        ),
        None => (patient, None),
    };
    let mut sub = Map::new();
    if let Some(member_id) = &coverage.subscriber_id {
        sub.insert("memberId".into(), json!(member_id));
    }
    person_json(subscriber, &mut sub);
    if let Some(group) = coverage
        .classes
        .iter()
        .find(|c| c.kind.is(COVERAGE_CLASS, "group"))
    {
        sub.insert("groupNumber".into(), json!(group.value));
        if let Some(name) = &group.name {
            sub.insert("groupName".into(), json!(name));
        }
    }
    sub.insert(
        "payerResponsibility".into(),
        json!(match coverage.order {
            Some(2) => "secondary",
            Some(3) => "tertiary",
            _ => "primary",
        }),
    );
    out.insert("subscriber".into(), Value::Object(sub));
    if let Some(dependent) = dependent {
        let mut p = Map::new();
        if let Some(code) = coverage
            .relationship
            .as_ref()
            .and_then(|r| r.code_of(X12_RELATIONSHIP))
        {
            p.insert("relationship".into(), json!(code));
        }
        person_json(dependent, &mut p);
        out.insert("patient".into(), Value::Object(p));
    }
    let payer_ref = claim.insurer.as_ref().ok_or_else(|| FhirError::Missing {
        path: "Claim.insurer".to_owned(),
    })?;
    let Resource::Organization(payer) = resolve(bundle, payer_ref, "Claim.insurer")? else {
        return Err(FhirError::Unsupported {
            path: "Claim.insurer".to_owned(),
            expected: "an Organization",
        });
    };
    let mut p = Map::new();
    if let Some(name) = &payer.name {
        p.insert("name".into(), json!(name));
    }
    if let Some(id) = identifier_value(&payer.identifier, PAYER_ID) {
        p.insert("payerId".into(), json!(id));
    }
    if let Some(indicator) = coverage
        .kind
        .as_ref()
        .and_then(|k| k.code_of(FILING_INDICATOR))
    {
        p.insert("claimFilingIndicator".into(), json!(indicator));
    }
    if let Some(address) = payer.address.first() {
        p.insert("address".into(), address_json(address));
    }
    out.insert("payer".into(), Value::Object(p));
    // Diagnoses, authorizations, references.
    let mut diagnoses: Vec<&Diagnosis> = claim.diagnosis.iter().collect();
    diagnoses.sort_by_key(|d| d.sequence);
    let mut codes = Vec::new();
    for (index, diagnosis) in diagnoses.iter().enumerate() {
        match diagnosis.diagnosis_codeable_concept.code_of(ICD10CM) {
            Some(code) => codes.push(json!(code)),
            None => {
                return Err(FhirError::Unsupported {
                    path: format!("Claim.diagnosis[{index}].diagnosisCodeableConcept"),
                    expected: "an ICD-10-CM code",
                });
            }
        }
    }
    out.insert("diagnoses".into(), Value::Array(codes));
    if let Some(auth) = insurance.pre_auth_ref.first() {
        out.insert("priorAuthorization".into(), json!(auth));
    }
    if let Some(referral) = claim
        .referral
        .as_ref()
        .and_then(|r| r.identifier.as_ref())
        .and_then(|i| i.value.as_deref())
    {
        out.insert("referralNumber".into(), json!(referral));
    }
    if let Some(record) = info_code(claim, C4BB_SUPPORTING_INFO, "medicalrecordnumber")
        .and_then(|i| i.value_string.as_deref())
    {
        out.insert("medicalRecordNumber".into(), json!(record));
    }
    // What the 837 always has and FHIR does not say: the defaults.
    out.insert(
        "indicators".into(),
        serde_json::to_value(crate::claim::ClaimIndicators::default())
            .map_err(|_| FhirError::Encode)?,
    );
    out.insert("dates".into(), json!({}));
    let form = if institutional {
        let mut f = form_providers;
        if let Some(facility) = type_of_bill.and_then(|t| t.get(1..3)) {
            f.insert("facilityType".into(), json!(facility));
        }
        if let Some(period) = claim.billable_period {
            if let Some(start) = period.start {
                f.insert("statementFrom".into(), json!(start));
            }
            if let Some(end) = period.end {
                f.insert("statementThrough".into(), json!(end));
            }
        }
        if let Some(status) = info_code(claim, C4BB_SUPPORTING_INFO, "discharge-status")
            .and_then(|i| i.code.as_ref())
            .and_then(|c| c.code_of(NUBC_DISCHARGE))
        {
            f.insert("patientStatus".into(), json!(status));
        }
        let procedures: Vec<Value> = claim
            .procedure
            .iter()
            .map(|p| {
                let mut m = Map::new();
                if let Some(code) = p.procedure_codeable_concept.code_of(ICD10PCS) {
                    m.insert("code".into(), json!(code));
                }
                if let Some(date) = p.date {
                    m.insert("date".into(), json!(date));
                }
                Value::Object(m)
            })
            .collect();
        if !procedures.is_empty() {
            f.insert("procedures".into(), Value::Array(procedures));
        }
        f.insert(
            "lines".into(),
            Value::Array(claim.item.iter().map(institutional_line).collect()),
        );
        json!({ "institutional": f })
    } else {
        let pos = claim
            .item
            .first()
            .and_then(|i| i.location_codeable_concept.as_ref())
            .and_then(|c| c.code_of(POS));
        let mut f = Map::new();
        if let Some(pos) = pos {
            f.insert("placeOfService".into(), json!(pos));
        }
        f.insert(
            "lines".into(),
            Value::Array(
                claim
                    .item
                    .iter()
                    .map(|i| professional_line(i, pos))
                    .collect(),
            ),
        );
        json!({ "professional": f })
    };
    out.insert("form".into(), form);
    Ok(out)
}

fn line_common(item: &ClaimItem, out: &mut Map<String, Value>) {
    let code = item
        .product_or_service
        .code_of(CPT)
        .or_else(|| item.product_or_service.code_of(HCPCS));
    if let Some(code) = code {
        out.insert("procedure".into(), json!(code));
    }
    let modifiers: Vec<Value> = item
        .modifier
        .iter()
        .filter_map(first_code)
        .map(|m| json!(m))
        .collect();
    if !modifiers.is_empty() {
        out.insert("modifiers".into(), Value::Array(modifiers));
    }
    if let Some(net) = item.net {
        out.insert("charge".into(), json!(net.value.0.to_string()));
    }
    if let Some(number) = item
        .extension
        .iter()
        .find(|e| e.url == LINE_ITEM_CONTROL_NUMBER)
        .and_then(|e| e.value_string.as_deref())
    {
        out.insert("lineItemControlNumber".into(), json!(number));
    }
}

fn professional_line(item: &ClaimItem, claim_pos: Option<&str>) -> Value {
    let mut out = Map::new();
    line_common(item, &mut out);
    if let Some(q) = &item.quantity {
        let quantity = if q.unit.as_deref() == Some("MJ") {
            json!({"minutes": q.value.0.to_string().parse::<u64>().ok()})
        } else {
            json!({"units": q.value.0.to_string()})
        };
        out.insert("quantity".into(), quantity);
    }
    match (item.serviced_date, item.serviced_period) {
        (Some(date), _) => {
            out.insert("serviceDate".into(), json!(date));
        }
        (None, Some(period)) => {
            if let Some(start) = period.start {
                out.insert("serviceDate".into(), json!(start));
            }
            if let Some(end) = period.end {
                out.insert("serviceDateEnd".into(), json!(end));
            }
        }
        (None, None) => {}
    }
    if let Some(pos) = item
        .location_codeable_concept
        .as_ref()
        .and_then(|c| c.code_of(POS))
        .filter(|pos| Some(*pos) != claim_pos)
    {
        out.insert("placeOfService".into(), json!(pos));
    }
    out.insert("diagnosisPointers".into(), json!(item.diagnosis_sequence));
    Value::Object(out)
}

fn institutional_line(item: &ClaimItem) -> Value {
    let mut out = Map::new();
    line_common(item, &mut out);
    if let Some(revenue) = item.revenue.as_ref().and_then(|r| r.code_of(NUBC_REVENUE)) {
        out.insert("revenueCode".into(), json!(revenue));
    }
    if let Some(q) = &item.quantity {
        out.insert("units".into(), json!(q.value.0.to_string()));
    }
    if let Some(date) = item.serviced_date {
        out.insert("serviceDate".into(), json!(date));
    }
    Value::Object(out)
}

// ---------------------------------------------------------------------------------------
// The claim-detail extension: what the FHIR elements do not reproduce.

/// What `written` has that `read` does not reproduce: `None` when equal. Objects differ key by
/// key (a key `read` has and `written` lacks becomes `null`: remove it); arrays of equal
/// length element by element (`{}` for an equal element); anything else whole.
pub(crate) fn difference(written: &Value, read: &Value) -> Option<Value> {
    if written == read {
        return None;
    }
    match (written, read) {
        (Value::Object(w), Value::Object(r)) => {
            let mut out = Map::new();
            for (key, value) in w {
                match r.get(key) {
                    None => {
                        out.insert(key.clone(), value.clone());
                    }
                    Some(other) => {
                        if let Some(d) = difference(value, other) {
                            out.insert(key.clone(), d);
                        }
                    }
                }
            }
            for key in r.keys().filter(|k| !w.contains_key(*k)) {
                out.insert(key.clone(), Value::Null);
            }
            Some(Value::Object(out))
        }
        (Value::Array(w), Value::Array(r))
            if w.len() == r.len()
                && w.iter().all(Value::is_object)
                && r.iter().all(Value::is_object) =>
        {
            Some(Value::Array(
                w.iter()
                    .zip(r)
                    .map(|(a, b)| difference(a, b).unwrap_or_else(|| json!({})))
                    .collect(),
            ))
        }
        _ => Some(written.clone()),
    }
}

/// Applies a [`difference`] to what was read.
pub(crate) fn merge(read: &mut Value, rest: Value) {
    match (read, rest) {
        (Value::Object(r), Value::Object(rest)) => {
            for (key, value) in rest {
                if value.is_null() {
                    r.remove(&key);
                } else if let Some(slot) = r.get_mut(&key) {
                    merge(slot, value);
                } else {
                    r.insert(key, value);
                }
            }
        }
        (Value::Array(r), Value::Array(rest))
            if r.len() == rest.len()
                && rest.iter().all(Value::is_object)
                && r.iter().all(Value::is_object) =>
        {
            for (slot, value) in r.iter_mut().zip(rest) {
                merge(slot, value);
            }
        }
        (slot, rest) => *slot = rest,
    }
}
