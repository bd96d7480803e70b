//! ClaimResponse and ExplanationOfBenefit (CARIN C4BB shape) from an [`Adjudication`] and its
//! claim, or from an 835 claim (spec §6). Both sources become one [`View`] first, so the two
//! resources say the same thing whichever source they come from.

use chrono::NaiveDate;

use super::claim::{
    billable_period, diagnoses, not_applicable, parties, provider_reference, quantity,
};
use super::codes::systems::*;
use super::codes::{c4bb, category, discriminator, modifier, procedure};
use super::model::{
    self, AdjudicationEntry, Bundle, CareTeam, ClaimResponse, CodeableConcept, Coverage,
    EobInsurance, EobItem, ExplanationOfBenefit, FhirMoney, HumanName, Identifier, Meta,
    Organization, Patient, Payee, Payment, Period, Quantity, Reference, Resource, ResponseItem,
    SupportingInfo, Total,
};
use super::refs::{Builder, fhir_id, instant};
use super::{C4BB_VERSION, FhirError};
use crate::benefits::{Adjudication, Network};
use crate::claim::{Claim, ClaimForm};
use crate::money::Money;
use crate::remit::{ClaimStatus, Coded, RemitAdjustment, RemitClaim, Remittance};

/// One line, whatever the source.
struct ViewLine {
    product: CodeableConcept,
    modifiers: Vec<CodeableConcept>,
    revenue: Option<CodeableConcept>,
    date: Option<NaiveDate>,
    period: Option<Period>,
    location: Option<CodeableConcept>,
    quantity: Option<Quantity>,
    diagnosis_sequence: Vec<u32>,
    care_team_sequence: Vec<u32>,
    charge: Option<Money>,
    amounts: Amounts,
    reasons: Vec<AdjudicationEntry>,
}

/// The amounts of a line or of the claim.
#[derive(Default, Clone, Copy)]
struct Amounts {
    submitted: Option<Money>,
    eligible: Option<Money>,
    deductible: Option<Money>,
    coinsurance: Option<Money>,
    copay: Option<Money>,
    noncovered: Option<Money>,
    paid: Option<Money>,
    member_liability: Option<Money>,
}

/// An adjudicated claim, whatever the source.
struct View {
    institutional: bool,
    inpatient: bool,
    /// The unique claim id: system and value.
    claim_id: (String, String),
    patient_control_number: String,
    status: &'static str,
    disposition: Option<String>,
    denied: bool,
    network: Option<Network>,
    lines: Vec<ViewLine>,
    header_reasons: Vec<AdjudicationEntry>,
    totals: Amounts,
    payment_date: Option<NaiveDate>,
    payment_trace: Option<String>,
    billable: Option<Period>,
    received: Option<NaiveDate>,
}

fn money_entry(category: CodeableConcept, amount: Money) -> AdjudicationEntry {
    AdjudicationEntry {
        category,
        reason: None,
        amount: Some(FhirMoney::from(amount)),
        value: None,
    }
}

/// The amount entries of a line or claim. `eob`: CARIN's `paidtoprovider` beside `benefit`.
fn amount_entries(amounts: &Amounts, eob: bool) -> Vec<AdjudicationEntry> {
    let mut out = Vec::new();
    let mut add = |concept: CodeableConcept, amount: Option<Money>| {
        if let Some(amount) = amount {
            out.push(money_entry(concept, amount));
        }
    };
    add(category("submitted"), amounts.submitted);
    add(category("eligible"), amounts.eligible);
    add(category("deductible"), amounts.deductible);
    add(c4bb("coinsurance"), amounts.coinsurance);
    add(category("copay"), amounts.copay);
    add(c4bb("noncovered"), amounts.noncovered);
    add(category("benefit"), amounts.paid);
    if eob {
        add(c4bb("paidtoprovider"), amounts.paid);
    }
    add(c4bb("memberliability"), amounts.member_liability);
    out
}

/// A CAS adjustment: group and CARC in `reason`, with its amount.
fn adjustment_entry(group: &str, carc: &str, amount: Option<Money>) -> AdjudicationEntry {
    let mut reason = CodeableConcept::code(CARC, carc);
    reason.coding.push(model::Coding {
        system: Some(GROUP.to_owned()),
        code: Some(group.to_owned()),
        display: None,
    });
    AdjudicationEntry {
        category: discriminator("adjustmentreason"),
        reason: Some(reason),
        amount: amount.map(FhirMoney::from),
        value: None,
    }
}

/// A remark code (RARC), without amount.
fn remark_entry(rarc: &str) -> AdjudicationEntry {
    AdjudicationEntry {
        category: discriminator("adjustmentreason"),
        reason: Some(CodeableConcept::code(RARC, rarc)),
        amount: None,
        value: None,
    }
}

fn network_status(kind: &str, network: Option<Network>) -> Option<AdjudicationEntry> {
    let code = match network? {
        Network::InNetwork => "innetwork",
        Network::OutOfNetwork => "outofnetwork",
    };
    Some(AdjudicationEntry {
        category: discriminator(kind),
        reason: Some(CodeableConcept::code(C4BB_STATUS, code)),
        amount: None,
        value: None,
    })
}

fn view_of_adjudication(claim: &Claim, adjudication: &Adjudication) -> Result<View, FhirError> {
    if adjudication.patient_control_number != claim.patient_control_number {
        return Err(FhirError::Unsupported {
            path: "adjudication.patientControlNumber".to_owned(),
            expected: "the claim's patient control number",
        });
    }
    let mut lines = Vec::new();
    for adjudicated in &adjudication.lines {
        let number = adjudicated.line.saturating_add(1);
        let mismatch = FhirError::LineMismatch { line: number };
        let mut line = match &claim.form {
            ClaimForm::Professional(form) => {
                let l = form.lines.get(adjudicated.line).ok_or(mismatch)?;
                let (date, period) = match l.service_date_end {
                    Some(end) => (None, Some(Period::of(l.service_date, end))),
                    None => (Some(l.service_date), None),
                };
                ViewLine {
                    product: procedure(&l.procedure),
                    modifiers: l.modifiers.iter().map(modifier).collect(),
                    revenue: None,
                    date,
                    period,
                    location: Some(CodeableConcept::code(
                        POS,
                        l.place_of_service.unwrap_or(form.place_of_service).as_str(),
                    )),
                    quantity: Some(quantity(l.quantity)),
                    diagnosis_sequence: l
                        .diagnosis_pointers
                        .iter()
                        .map(|&p| u32::from(p))
                        .collect(),
                    care_team_sequence: Vec::new(),
                    charge: Some(l.charge),
                    amounts: Amounts::default(),
                    reasons: Vec::new(),
                }
            }
            ClaimForm::Institutional(form) => {
                let l = form.lines.get(adjudicated.line).ok_or(mismatch)?;
                ViewLine {
                    product: l.procedure.as_ref().map_or_else(not_applicable, procedure),
                    modifiers: l.modifiers.iter().map(modifier).collect(),
                    revenue: Some(CodeableConcept::code(NUBC_REVENUE, l.revenue_code.as_str())),
                    date: l.service_date,
                    period: None,
                    location: None,
                    quantity: None,
                    diagnosis_sequence: Vec::new(),
                    care_team_sequence: Vec::new(),
                    charge: Some(l.charge),
                    amounts: Amounts::default(),
                    reasons: Vec::new(),
                }
            }
        };
        line.amounts = Amounts {
            submitted: Some(adjudicated.charge),
            eligible: Some(adjudicated.allowed),
            deductible: Some(adjudicated.deductible),
            coinsurance: Some(adjudicated.coinsurance),
            copay: Some(adjudicated.copay),
            noncovered: Some(adjudicated.non_covered),
            paid: Some(adjudicated.plan_paid),
            member_liability: Some(adjudicated.patient_responsibility),
        };
        line.reasons = adjudicated
            .adjustments
            .iter()
            .map(|a| adjustment_entry(a.group.as_str(), a.reason.as_str(), Some(a.amount)))
            .collect();
        if claim.rendering_provider.is_some() {
            line.care_team_sequence.push(1);
        }
        lines.push(line);
    }
    let sum = |pick: fn(&crate::benefits::AdjudicatedLine) -> Money| {
        Money::sum(adjudication.lines.iter().map(pick))
    };
    let (institutional, inpatient) = match &claim.form {
        ClaimForm::Institutional(form) => (true, form.is_inpatient()),
        ClaimForm::Professional(_) => (false, false),
    };
    Ok(View {
        institutional,
        inpatient,
        claim_id: (
            format!("urn:medbill:payer:{}:adjudication", claim.payer.payer_id),
            claim.patient_control_number.clone(),
        ),
        patient_control_number: claim.patient_control_number.clone(),
        status: "active",
        disposition: None,
        denied: adjudication.plan_paid.is_zero() && !adjudication.total_allowed.is_zero(),
        network: Some(adjudication.network),
        lines,
        header_reasons: Vec::new(),
        totals: Amounts {
            submitted: Some(adjudication.total_charge),
            eligible: Some(adjudication.total_allowed),
            deductible: Some(sum(|l| l.deductible)?),
            coinsurance: Some(sum(|l| l.coinsurance)?),
            copay: Some(sum(|l| l.copay)?),
            noncovered: Some(sum(|l| l.non_covered)?),
            paid: Some(adjudication.plan_paid),
            member_liability: Some(adjudication.patient_responsibility),
        },
        payment_date: None,
        payment_trace: None,
        billable: billable_period(claim),
        received: None,
    })
}

fn code_text<T: std::fmt::Display>(code: &Coded<T>) -> String {
    code.to_string()
}

/// The sum of the amounts of adjustments with this group and CARC.
fn pr_sum(adjustments: &[RemitAdjustment], carc: &str) -> Result<Option<Money>, FhirError> {
    let amounts: Vec<Money> = adjustments
        .iter()
        .filter(|a| code_text(&a.group) == "PR" && code_text(&a.reason) == carc)
        .filter_map(|a| a.amount)
        .collect();
    if amounts.is_empty() {
        return Ok(None);
    }
    Ok(Some(Money::sum(amounts)?))
}

fn member_liability(adjustments: &[RemitAdjustment]) -> Result<Option<Money>, FhirError> {
    let amounts: Vec<Money> = adjustments
        .iter()
        .filter(|a| code_text(&a.group) == "PR")
        .filter_map(|a| a.amount)
        .collect();
    if amounts.is_empty() {
        return Ok(None);
    }
    Ok(Some(Money::sum(amounts)?))
}

fn reasons(adjustments: &[RemitAdjustment]) -> Vec<AdjudicationEntry> {
    adjustments
        .iter()
        .map(|a| adjustment_entry(&code_text(&a.group), &code_text(&a.reason), a.amount))
        .collect()
}

fn view_of_835(remittance: &Remittance, claim: &RemitClaim) -> Result<View, FhirError> {
    let institutional = claim.facility_code.is_some()
        && claim.lines.iter().all(|l| l.revenue_code.is_some())
        && !claim.lines.is_empty();
    let mut lines = Vec::new();
    for line in &claim.lines {
        let code = line.procedure.code.as_str();
        let product = match line.procedure.qualifier.as_str() {
            "HC" => CodeableConcept::code(
                if code.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
                    HCPCS
                } else {
                    CPT
                },
                code,
            ),
            "NU" => not_applicable(),
            _ => CodeableConcept {
                coding: Vec::new(),
                text: Some(format!("{} {code}", line.procedure.qualifier)),
            },
        };
        let revenue = line
            .revenue_code
            .as_ref()
            .map(|r| CodeableConcept::code(NUBC_REVENUE, r))
            .or_else(|| {
                (line.procedure.qualifier == "NU")
                    .then(|| CodeableConcept::code(NUBC_REVENUE, code))
            });
        let (date, period) = match (line.service_date, line.period_start, line.period_end) {
            (Some(date), _, _) => (Some(date), None),
            (None, Some(start), Some(end)) => (None, Some(Period::of(start, end))),
            (None, Some(start), None) => (Some(start), None),
            _ => (None, None),
        };
        let mut reasons = reasons(&line.adjustments);
        reasons.extend(line.remarks.iter().map(|r| remark_entry(&code_text(r))));
        lines.push(ViewLine {
            product,
            modifiers: line
                .procedure
                .modifiers
                .iter()
                .map(|m| {
                    let numeric = m.bytes().all(|b| b.is_ascii_digit());
                    CodeableConcept::code(if numeric { CPT } else { HCPCS }, m)
                })
                .collect(),
            revenue,
            date,
            period,
            location: None,
            quantity: line.units_paid.map(|units| Quantity {
                value: model::Number(units),
                unit: Some("UN".to_owned()),
                system: None,
                code: None,
            }),
            diagnosis_sequence: Vec::new(),
            care_team_sequence: Vec::new(),
            charge: line.charge,
            amounts: Amounts {
                submitted: line.charge,
                eligible: line.allowed,
                deductible: pr_sum(&line.adjustments, "1")?,
                coinsurance: pr_sum(&line.adjustments, "2")?,
                copay: pr_sum(&line.adjustments, "3")?,
                noncovered: None,
                paid: line.paid,
                member_liability: member_liability(&line.adjustments)?,
            },
            reasons,
        });
    }
    let mut header_reasons = reasons(&claim.adjustments);
    header_reasons.extend(claim.remarks().map(|r| remark_entry(&code_text(r))));
    let status = claim.status.known().copied();
    let payer = remittance
        .payer
        .id
        .as_deref()
        .unwrap_or(remittance.payer.name.as_str());
    let first = claim
        .lines
        .iter()
        .filter_map(|l| l.first_service_date())
        .min();
    let last = claim
        .lines
        .iter()
        .filter_map(|l| l.period_end.or(l.service_date).or(l.period_start))
        .max();
    let billable = match (claim.statement_from, claim.statement_through) {
        (Some(from), through) => Some(Period {
            start: Some(from),
            end: through,
        }),
        (None, _) => first.map(|start| Period {
            start: Some(start),
            end: last,
        }),
    };
    Ok(View {
        institutional,
        inpatient: claim.inpatient.is_some(),
        claim_id: (
            format!("urn:medbill:payer:{payer}:claim-control-number"),
            claim
                .payer_claim_number
                .as_deref()
                .unwrap_or(claim.patient_control_number.as_str())
                .to_owned(),
        ),
        patient_control_number: claim.patient_control_number.to_string(),
        status: "active",
        disposition: Some(format!(
            "CLP02={} {}",
            code_text(&claim.status),
            status
                .map(|s| s.describe())
                .unwrap_or("unrecognized status")
        )),
        denied: status == Some(ClaimStatus::Denied),
        network: None,
        lines,
        header_reasons,
        totals: Amounts {
            submitted: claim.charge,
            eligible: None,
            deductible: None,
            coinsurance: None,
            copay: None,
            noncovered: None,
            paid: claim.paid,
            member_liability: claim.patient_responsibility,
        },
        payment_date: remittance.payment.date,
        payment_trace: remittance
            .payment
            .trace_number
            .as_ref()
            .map(|t| t.to_string()),
        billable,
        received: claim.received,
    })
}

fn claim_type(view: &View) -> CodeableConcept {
    CodeableConcept::code(
        CLAIM_TYPE,
        if view.institutional {
            "institutional"
        } else {
            "professional"
        },
    )
}

fn sub_type(view: &View) -> Option<CodeableConcept> {
    view.institutional.then(|| {
        CodeableConcept::code(
            C4BB_INSTITUTIONAL_SUBTYPE,
            if view.inpatient {
                "inpatient"
            } else {
                "outpatient"
            },
        )
    })
}

fn totals(amounts: &Amounts, eob: bool) -> Vec<Total> {
    amount_entries(amounts, eob)
        .into_iter()
        .filter_map(|e| {
            Some(Total {
                category: e.category,
                amount: e.amount?,
            })
        })
        .collect()
}

fn unique_claim_id(view: &View) -> Identifier {
    Identifier::of(&view.claim_id.0, &view.claim_id.1)
        .typed(CodeableConcept::code(C4BB_IDENTIFIER, "uc"))
}

fn claim_response(
    view: &View,
    created: NaiveDate,
    patient: Reference,
    insurer: Reference,
    request: Option<Reference>,
) -> ClaimResponse {
    ClaimResponse {
        resource_type: "ClaimResponse".to_owned(),
        id: Some(fhir_id("claim-response", &view.claim_id.1)),
        identifier: vec![unique_claim_id(view)],
        status: view.status.to_owned(),
        kind: claim_type(view),
        use_: "claim".to_owned(),
        patient,
        created,
        insurer,
        request,
        outcome: "complete".to_owned(),
        disposition: view.disposition.clone(),
        item: view
            .lines
            .iter()
            .zip(1u32..)
            .filter_map(|(line, sequence)| {
                let mut adjudication = amount_entries(&line.amounts, false);
                adjudication.extend(line.reasons.iter().cloned());
                (!adjudication.is_empty()).then_some(ResponseItem {
                    item_sequence: sequence,
                    adjudication,
                })
            })
            .collect(),
        adjudication: view.header_reasons.clone(),
        total: totals(&view.totals, false),
        payment: view.totals.paid.map(|paid| Payment {
            kind: Some(CodeableConcept::code(PAYMENT_TYPE, "complete")),
            date: view.payment_date,
            amount: Some(FhirMoney::from(paid)),
            identifier: view
                .payment_trace
                .as_ref()
                .map(|t| Identifier::of("urn:medbill:835:trace-number", t)),
        }),
        process_note: Vec::new(),
    }
}

/// The patient control number's logical reference: the claim a response answers.
fn request_reference(pcn: &str) -> Reference {
    Reference::logical(
        Identifier::of("urn:medbill:patient-control-number", pcn),
        None,
    )
}

/// A ClaimResponse for an adjudication of `claim`: amounts per line and in total, CARC
/// adjustments; patient, payer and claim by logical reference (member id, payer id, patient
/// control number).
pub fn claim_response_from_adjudication(
    claim: &Claim,
    adjudication: &Adjudication,
    created: NaiveDate,
) -> Result<ClaimResponse, FhirError> {
    let view = view_of_adjudication(claim, adjudication)?;
    let patient = Reference::logical(
        Identifier::of(
            &format!("urn:medbill:payer:{}:member-id", claim.payer.payer_id),
            claim.subscriber.member_id.expose(),
        ),
        None,
    );
    let insurer = Reference::logical(
        Identifier::of(PAYER_ID, &claim.payer.payer_id),
        Some(claim.payer.name.clone()),
    );
    Ok(claim_response(
        &view,
        created,
        patient,
        insurer,
        Some(request_reference(&claim.patient_control_number)),
    ))
}

/// A ClaimResponse for one claim of an 835: CLP totals, SVC lines with CAS (CARC) and RARC
/// reasons; patient, payer and claim by logical reference.
pub fn claim_response_from_835(
    remittance: &Remittance,
    claim: &RemitClaim,
    created: NaiveDate,
) -> Result<ClaimResponse, FhirError> {
    let view = view_of_835(remittance, claim)?;
    let payer = remittance
        .payer
        .id
        .as_deref()
        .unwrap_or(remittance.payer.name.as_str());
    let patient = Reference::logical(
        Identifier::of(
            &format!("urn:medbill:payer:{payer}:member-id"),
            claim.member_id().map(|m| m.as_str()).unwrap_or("unknown"),
        ),
        None,
    );
    let insurer = Reference::logical(
        Identifier::of(PAYER_ID, payer),
        Some(remittance.payer.name.to_string()),
    );
    Ok(claim_response(
        &view,
        created,
        patient,
        insurer,
        Some(request_reference(&claim.patient_control_number)),
    ))
}

/// The C4BB profile of an EOB.
fn profile(view: &View) -> String {
    let name = match (view.institutional, view.inpatient) {
        (false, _) => "C4BB-ExplanationOfBenefit-Professional-NonClinician",
        (true, true) => "C4BB-ExplanationOfBenefit-Inpatient-Institutional",
        (true, false) => "C4BB-ExplanationOfBenefit-Outpatient-Institutional",
    };
    format!("{C4BB_PROFILE}{name}|{C4BB_VERSION}")
}

struct EobParties {
    patient: String,
    payer: String,
    provider: Reference,
    coverage: String,
    care_team: Vec<CareTeam>,
}

fn eob(
    view: &View,
    created: NaiveDate,
    parties: EobParties,
    diagnosis: Vec<model::Diagnosis>,
) -> ExplanationOfBenefit {
    let mut info = Vec::new();
    let mut sequence = 0u32;
    let mut push = |code: &str, f: &mut dyn FnMut(&mut SupportingInfo)| {
        sequence = sequence.saturating_add(1);
        let mut entry = SupportingInfo {
            sequence,
            category: CodeableConcept::code(C4BB_SUPPORTING_INFO, code),
            code: None,
            timing_date: None,
            timing_period: None,
            value_string: None,
        };
        f(&mut entry);
        info.push(entry);
    };
    push("patientaccountnumber", &mut |e| {
        e.value_string = Some(view.patient_control_number.clone())
    });
    if let Some(received) = view.received {
        push("clmrecvddate", &mut |e| e.timing_date = Some(received));
    }
    let professional = !view.institutional;
    let items = view
        .lines
        .iter()
        .zip(1u32..)
        .map(|(line, sequence)| {
            let mut adjudication = amount_entries(&line.amounts, true);
            adjudication.extend(line.reasons.iter().cloned());
            if professional {
                // C4BB professional: benefitpaymentstatus 1..1 on every line.
                adjudication.push(
                    network_status("benefitpaymentstatus", view.network).unwrap_or(
                        AdjudicationEntry {
                            category: discriminator("benefitpaymentstatus"),
                            reason: Some(CodeableConcept::code(C4BB_STATUS, "other")),
                            amount: None,
                            value: None,
                        },
                    ),
                );
            }
            EobItem {
                sequence,
                care_team_sequence: line.care_team_sequence.clone(),
                diagnosis_sequence: line.diagnosis_sequence.clone(),
                revenue: line.revenue.clone(),
                product_or_service: line.product.clone(),
                modifier: line.modifiers.clone(),
                serviced_date: line.date,
                serviced_period: line.period,
                location_codeable_concept: line.location.clone(),
                quantity: line.quantity.clone(),
                net: line.charge.map(FhirMoney::from),
                adjudication,
            }
        })
        .collect();
    let mut header = view.header_reasons.clone();
    if view.institutional {
        // C4BB institutional: benefitpaymentstatus 1..1 at the header.
        header.push(
            network_status("benefitpaymentstatus", view.network).unwrap_or(AdjudicationEntry {
                category: discriminator("benefitpaymentstatus"),
                reason: Some(CodeableConcept::code(C4BB_STATUS, "other")),
                amount: None,
                value: None,
            }),
        );
    } else if let Some(status) = network_status("billingnetworkstatus", view.network) {
        header.push(status);
    }
    ExplanationOfBenefit {
        resource_type: "ExplanationOfBenefit".to_owned(),
        id: Some(fhir_id("eob", &view.claim_id.1)),
        meta: Some(Meta {
            last_updated: Some(instant(created)),
            profile: vec![profile(view)],
        }),
        extension: Vec::new(),
        identifier: vec![unique_claim_id(view)],
        status: view.status.to_owned(),
        kind: claim_type(view),
        sub_type: sub_type(view),
        use_: "claim".to_owned(),
        patient: Reference::to(&parties.patient),
        billable_period: view.billable,
        created,
        insurer: Reference::to(&parties.payer),
        provider: parties.provider.clone(),
        claim: None,
        outcome: "complete".to_owned(),
        disposition: view.disposition.clone(),
        payee: Some(Payee {
            kind: CodeableConcept::code(PAYEE_TYPE, "provider"),
            party: Some(Reference {
                extension: Vec::new(),
                ..parties.provider
            }),
        }),
        care_team: parties.care_team,
        supporting_info: info,
        diagnosis,
        insurance: vec![EobInsurance {
            focal: true,
            coverage: Reference::to(&parties.coverage),
        }],
        item: items,
        adjudication: header,
        total: totals(&view.totals, true),
        payment: view.totals.paid.map(|paid| Payment {
            kind: Some(CodeableConcept::code(
                C4BB_STATUS,
                if view.denied { "denied" } else { "paid" },
            )),
            date: view.payment_date,
            amount: Some(FhirMoney::from(paid)),
            identifier: None,
        }),
        process_note: Vec::new(),
        benefit_period: None,
        benefit_balance: Vec::new(),
    }
}

/// An ExplanationOfBenefit for an adjudication of `claim`, in a collection Bundle with the
/// claim's Patient, payer and provider Organizations, Practitioners and Coverage (CARIN C4BB
/// 2.1.0 shape: unique claim id, patient account number, amounts per line and in total,
/// CARC adjustments, network status).
pub fn eob_from_adjudication(
    claim: &Claim,
    adjudication: &Adjudication,
    created: NaiveDate,
) -> Result<Bundle, FhirError> {
    let view = view_of_adjudication(claim, adjudication)?;
    let mut builder = Builder::new(format!("eob:{}:{created}", claim.patient_control_number));
    let eob_url = builder.url();
    let found = parties(claim, &mut builder);
    let provider = provider_reference(claim, &found.provider);
    let resource = eob(
        &view,
        created,
        EobParties {
            patient: found.patient,
            payer: found.payer,
            provider,
            coverage: found.coverage,
            care_team: found.care_team,
        },
        diagnoses(claim),
    );
    let mut bundle = builder.finish(
        Some(fhir_id("eob-bundle", &claim.patient_control_number)),
        created,
        None,
        None,
    );
    bundle.entry.insert(
        0,
        model::Entry {
            full_url: eob_url,
            resource: Resource::ExplanationOfBenefit(Box::new(resource)),
        },
    );
    Ok(bundle)
}

fn remit_name(name: &crate::remit::RemitName) -> HumanName {
    HumanName {
        family: name.name.as_ref().map(|n| n.to_string()),
        given: name
            .first
            .iter()
            .chain(&name.middle)
            .map(|n| n.to_string())
            .collect(),
        suffix: name.suffix.iter().map(|n| n.to_string()).collect(),
    }
}

/// ExplanationOfBenefits for every claim of an 835, in one collection Bundle: the payer and
/// payee Organizations, then per claim a Patient (name and member id from NM1*QC/IL), a
/// Coverage and the EOB with CAS (CARC) and RARC reasons. An 835 has no diagnoses.
pub fn eob_from_835(remittance: &Remittance, created: NaiveDate) -> Result<Bundle, FhirError> {
    if remittance.claims.is_empty() {
        return Err(FhirError::Empty {
            what: "the 835 has no claims",
        });
    }
    let payer_id = remittance
        .payer
        .id
        .as_deref()
        .unwrap_or(remittance.payer.name.as_str())
        .to_owned();
    let mut builder = Builder::new(format!(
        "eob-835:{}:{}:{created}",
        payer_id,
        remittance.payment.trace_number.as_deref().unwrap_or("")
    ));
    let payer = builder.add(Resource::Organization(Box::new(Organization {
        resource_type: "Organization".to_owned(),
        id: Some("payer".to_owned()),
        identifier: vec![
            Identifier::of(PAYER_ID, &payer_id)
                .typed(CodeableConcept::code(C4BB_IDENTIFIER, "payerid")),
        ],
        name: Some(remittance.payer.name.to_string()),
        address: Vec::new(),
    })));
    let payee_ids = match (
        remittance.payee.id_qualifier.as_deref(),
        remittance.payee.id.as_deref(),
    ) {
        (Some("XX"), Some(npi)) => vec![Identifier::of(NPI, npi)],
        (Some("FI"), Some(tin)) => {
            vec![Identifier::of(TIN, tin).typed(CodeableConcept::code(V2_0203, "TAX"))]
        }
        _ => Vec::new(),
    };
    let provider = builder.add(Resource::Organization(Box::new(Organization {
        resource_type: "Organization".to_owned(),
        id: Some("payee".to_owned()),
        identifier: payee_ids,
        name: Some(remittance.payee.name.to_string()),
        address: Vec::new(),
    })));
    for (index, claim) in remittance.claims.iter().enumerate() {
        let view = view_of_835(remittance, claim)?;
        let member_id = claim.member_id().map(|m| m.to_string());
        let person = claim.patient.as_ref().or(claim.insured.as_ref());
        let patient = builder.add(Resource::Patient(Box::new(Patient {
            resource_type: "Patient".to_owned(),
            id: Some(format!("patient-{}", index.saturating_add(1))),
            identifier: member_id
                .iter()
                .map(|m| {
                    Identifier::of(&format!("urn:medbill:payer:{payer_id}:member-id"), m)
                        .typed(CodeableConcept::code(V2_0203, "MB"))
                })
                .collect(),
            name: person.map(|p| remit_name(p.expose())).into_iter().collect(),
            gender: None,
            birth_date: None,
            address: Vec::new(),
        })));
        let coverage = builder.add(Resource::Coverage(Box::new(Coverage {
            resource_type: "Coverage".to_owned(),
            id: Some(format!("coverage-{}", index.saturating_add(1))),
            meta: None,
            identifier: Vec::new(),
            status: "active".to_owned(),
            kind: None,
            subscriber: None,
            subscriber_id: member_id,
            beneficiary: Reference::to(&patient),
            relationship: None,
            period: None,
            payor: vec![Reference::to(&payer)],
            classes: Vec::new(),
            order: None,
        })));
        let resource = eob(
            &view,
            created,
            EobParties {
                patient,
                payer: payer.clone(),
                provider: Reference::to(&provider),
                coverage,
                care_team: Vec::new(),
            },
            Vec::new(),
        );
        builder.add(Resource::ExplanationOfBenefit(Box::new(resource)));
    }
    Ok(builder.finish(Some(fhir_id("eob-835", &payer_id)), created, None, None))
}
