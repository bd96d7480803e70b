//! The 837 guides' situational rules: what a claim must carry, or must not, because of
//! something else it carries (005010X222A1 for professional claims, 005010X223A2 for
//! institutional ones). Each rule names the guide note it comes from; where the note is
//! remembered rather than quoted, or the guide leaves it to the payer, the finding is a
//! warning and says so.
//!
//! Messages name the segment and what it needs, never the value found.

use std::collections::HashSet;
use std::fmt::Display;

use super::{INST, PRO};
use crate::claim::{
    Ambulance, AmbulanceCertification, Attachment, AttachmentTransmission, CertificationType,
    Claim, ClaimForm, ClaimNote, EntityType, Institutional, NoteKind, PayerIdKind,
    PayerResponsibility, Professional, ProfessionalLine, SpinalCondition,
};
use crate::finding::Finding;

/// PWK01: attachment report type codes of both guides.
const REPORT_TYPES: [&str; 60] = [
    "03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21", "A3", "A4", "AM", "AS",
    "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB", "DG", "DJ", "DS", "EB",
    "HC", "HR", "I5", "IR", "LA", "M1", "MT", "NN", "OB", "OC", "OD", "OE", "OX", "OZ", "P4", "P5",
    "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5",
];
/// Attachments (PWK) per claim and per line.
const MAX_ATTACHMENTS: usize = 10;
/// NTE01 of the 837P claim note.
const PROFESSIONAL_NOTES: [NoteKind; 5] = [
    NoteKind::AdditionalInformation,
    NoteKind::CertificationNarrative,
    NoteKind::GoalsAndDischargePlans,
    NoteKind::DiagnosisDescription,
    NoteKind::ThirdPartyOrganization,
];
/// NTE01 of the 837I claim notes (its billing note, ADD, is `billingNote`).
const INSTITUTIONAL_NOTES: [NoteKind; 14] = [
    NoteKind::Allergies,
    NoteKind::GoalsAndDischargePlans,
    NoteKind::DiagnosisDescription,
    NoteKind::DurableMedicalEquipment,
    NoteKind::Medications,
    NoteKind::NutritionalRequirements,
    NoteKind::OrdersForDisciplinesAndTreatments,
    NoteKind::FunctionalLimitations,
    NoteKind::ReasonsPatientLeavesHome,
    NoteKind::TimesPatientNotAtHome,
    NoteKind::UnusualHomeOrSocialEnvironment,
    NoteKind::SafetyMeasures,
    NoteKind::SupplementaryPlanOfTreatment,
    NoteKind::UpdatedInformation,
];
/// NTE01 of the 837P line note (third party organization notes are `thirdPartyNote`).
const LINE_NOTES: [NoteKind; 2] = [
    NoteKind::AdditionalInformation,
    NoteKind::GoalsAndDischargePlans,
];
/// Claim filing indicators (SBR09) that name Medicare: Part A and Part B.
const MEDICARE: [&str; 2] = ["MA", "MB"];
/// Prior authorization and referral numbers per 837P line (2400 REF*G1, REF*9F).
const MAX_LINE_REFERENCES: usize = 5;
/// Reasons for visit (837I HI*APR): one HI segment of three.
const MAX_REASONS_FOR_VISIT: usize = 3;
/// External causes of injury (837I HI*ABN): one HI segment of twelve.
const MAX_EXTERNAL_CAUSES: usize = 12;
/// Procedures (837I HI*BBR and two HI*BBQ of twelve).
const MAX_PROCEDURES: usize = 25;

/// Collects findings.
struct Rules<'a> {
    findings: &'a mut Vec<Finding>,
}

impl Rules<'_> {
    fn error(&mut self, rule: &str, path: impl Display, message: impl Into<String>) {
        self.findings
            .push(Finding::error(rule, path.to_string(), message));
    }

    fn warning(&mut self, rule: &str, path: impl Display, message: impl Into<String>) {
        self.findings
            .push(Finding::warning(rule, path.to_string(), message));
    }

    /// NTE: how many, and which kinds, the loop takes.
    fn notes(
        &mut self,
        path: impl Display + Copy,
        notes: &[ClaimNote],
        kinds: &[NoteKind],
        max: usize,
    ) {
        if notes.len() > max {
            self.error(
                "CLM-NOTE-COUNT",
                format!("{path}/{max}"),
                format!(
                    "this loop holds at most {max} notes (NTE), found {}",
                    notes.len()
                ),
            );
        }
        for (index, note) in notes.iter().enumerate() {
            if !kinds.contains(&note.kind) {
                let allowed: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
                self.error(
                    "CLM-NOTE-KIND",
                    format!("{path}/{index}/kind"),
                    format!("this note (NTE01) takes {} only", allowed.join(", ")),
                );
            }
        }
    }

    /// PWK: at most ten, a known report type, and (PWK06 note of both guides) a control
    /// number whenever the attachment is sent (by mail, e-mail, fax, file transfer or
    /// electronically) rather than kept available on request.
    fn attachments(&mut self, path: impl Display + Copy, attachments: &[Attachment]) {
        if attachments.len() > MAX_ATTACHMENTS {
            self.error(
                "CLM-ATTACHMENT-COUNT",
                format!("{path}/{MAX_ATTACHMENTS}"),
                format!(
                    "at most {MAX_ATTACHMENTS} attachments (PWK) per claim or line, found {}",
                    attachments.len()
                ),
            );
        }
        for (index, attachment) in attachments.iter().enumerate() {
            if !REPORT_TYPES.contains(&attachment.report_type.as_str()) {
                self.error(
                    "CLM-ATTACHMENT-TYPE",
                    format!("{path}/{index}/reportType"),
                    "the attachment report type (PWK01) is not one of the guide's codes",
                );
            }
            let sent = attachment.transmission != AttachmentTransmission::AvailableOnRequest;
            if sent && attachment.control_number.is_none() {
                self.error(
                    "CLM-ATTACHMENT-CONTROL-NUMBER",
                    format!("{path}/{index}/controlNumber"),
                    "an attachment sent to the payer needs its control number (PWK06, \
                     required unless PWK02 is AA)",
                );
            }
        }
    }

    /// A CLIA number: 10 characters, two digits, `D`, seven digits.
    fn clia(&mut self, path: impl Display + Copy, number: Option<&str>) {
        let Some(number) = number else {
            return;
        };
        let ok = number.len() == 10
            && number.bytes().enumerate().all(|(i, b)| {
                if i == 2 {
                    b == b'D'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !ok {
            self.error(
                "CLM-CLIA-FORMAT",
                path,
                "a CLIA number is 10 characters: two digits, the letter D, seven digits",
            );
        }
    }

    /// What an ambulance object must hold to be sent and read back as it is.
    fn ambulance(&mut self, path: impl Display + Copy, ambulance: &Ambulance, line: bool) {
        let empty = ambulance.transport.is_none()
            && ambulance.certifications.is_empty()
            && ambulance.pick_up.is_none()
            && ambulance.drop_off.is_none()
            && ambulance.patient_count.is_none();
        if empty {
            self.error(
                "AMB-EMPTY",
                path,
                "an ambulance object with nothing in it is not sent: leave it out",
            );
        }
        if let Some(t) = &ambulance.transport {
            if t.miles.is_sign_negative() {
                self.error(
                    "AMB-DISTANCE",
                    format!("{path}/transport/miles"),
                    "the transport distance (CR106) is not negative",
                );
            }
            if t.patient_weight_pounds
                .is_some_and(|w| w <= rust_decimal::Decimal::ZERO)
            {
                self.error(
                    "AMB-WEIGHT",
                    format!("{path}/transport/patientWeightPounds"),
                    "the patient's weight (CR102) is greater than zero",
                );
            }
        }
        if ambulance.certifications.len() > 3 {
            self.error(
                "AMB-CERTIFICATION-COUNT",
                format!("{path}/certifications/3"),
                "at most three ambulance certifications (CRC*07)",
            );
        }
        for (index, certification) in ambulance.certifications.iter().enumerate() {
            self.conditions(
                format_args!("{path}/certifications/{index}/conditions"),
                certification,
            );
        }
        match ambulance.patient_count {
            Some(_) if !line => self.error(
                "AMB-PATIENT-COUNT",
                format!("{path}/patientCount"),
                "the number of patients transported (QTY*PT) is reported on a line (2400), \
                 not the claim",
            ),
            Some(0) => self.error(
                "AMB-PATIENT-COUNT",
                format!("{path}/patientCount"),
                "the number of patients transported (QTY*PT) is at least one",
            ),
            _ => {}
        }
    }

    /// CRC03–CRC07: one to five conditions, none repeated.
    fn conditions(&mut self, path: impl Display + Copy, certification: &AmbulanceCertification) {
        let count = certification.conditions.len();
        let distinct: HashSet<_> = certification.conditions.iter().collect();
        if !(1..=5).contains(&count) || distinct.len() != count {
            self.error(
                "AMB-CONDITIONS",
                path,
                "an ambulance certification (CRC*07) names one to five different conditions",
            );
        }
    }
}

impl Claim {
    /// The situational rules of this module, appended to `findings`.
    pub(super) fn check_situational(&self, findings: &mut Vec<Finding>) {
        let mut rules = Rules { findings };
        let institutional = matches!(self.form, ClaimForm::Institutional(_));
        rules.attachments("/attachments", &self.attachments);
        if institutional {
            rules.notes("/notes", &self.notes, &INSTITUTIONAL_NOTES, 10);
        } else {
            rules.notes("/notes", &self.notes, &PROFESSIONAL_NOTES, 1);
        }
        self.pay_to(&mut rules, institutional);
        self.insurance_type(&mut rules, institutional);
        if institutional && self.indicators.patient_signature_source.is_some() {
            rules.error(
                "INST-SIGNATURE-SOURCE",
                "/indicators/patientSignatureSource",
                "the 837I has no CLM10 (patient signature source)",
            );
        }
        for (index, other) in self.other_payers.iter().enumerate() {
            if !institutional && other.inpatient_adjudication.is_some() {
                rules.error(
                    "COB-MIA-PROFESSIONAL",
                    format!("/otherPayers/{index}/inpatientAdjudication"),
                    "the 837P has no inpatient adjudication (MIA): only the 837I carries it",
                );
            }
        }
        match &self.form {
            ClaimForm::Professional(form) => self.professional_rules(&mut rules, form),
            ClaimForm::Institutional(form) => self.institutional_rules(&mut rules, form),
        }
    }

    /// 2010AB and 2010AC.
    fn pay_to(&self, rules: &mut Rules<'_>, institutional: bool) {
        if let Some(pay_to) = &self.pay_to_provider {
            // 2010AB note: "Required when the address for payment is different than that of
            // the Billing Provider."
            if self.billing_provider.address.as_ref() == Some(&pay_to.address) {
                rules.warning(
                    "CLM-PAY-TO-SAME",
                    "/payToProvider/address",
                    "the pay-to address (2010AB) is sent only when payment goes to another \
                     address than the billing provider's",
                );
            }
            if institutional && pay_to.entity_type == EntityType::Person {
                rules.error(
                    "INST-PAY-TO-PERSON",
                    "/payToProvider/entityType",
                    "the 837I pay-to address (2010AB NM102) is an organization's",
                );
            }
        }
        let plan_id = self
            .pay_to_plan
            .as_ref()
            .and_then(|p| p.secondary_id.as_ref());
        if plan_id.is_some_and(|id| id.kind == PayerIdKind::EmployerIdentificationNumber) {
            rules.error(
                "CLM-PAY-TO-PLAN-ID",
                "/payToPlan/secondaryId/kind",
                "the pay-to plan's other identifier (2010AC REF) is 2U, FY or NF: its EIN is \
                 taxId",
            );
        }
    }

    /// SBR05 (837P 2000B note): "Required when the destination payer (Loop ID-2010BB) is
    /// Medicare and Medicare is not the primary payer (SBR01 = S or T). If not required by
    /// this implementation guide, do not send." The 837I has no SBR05.
    fn insurance_type(&self, rules: &mut Rules<'_>, institutional: bool) {
        let given = self.subscriber.insurance_type.is_some();
        if institutional {
            if given {
                rules.error(
                    "INST-INSURANCE-TYPE",
                    "/subscriber/insuranceType",
                    "the 837I has no insurance type code (SBR05)",
                );
            }
            for (index, other) in self.other_payers.iter().enumerate() {
                if other.insurance_type.is_some() {
                    rules.error(
                        "INST-INSURANCE-TYPE",
                        format!("/otherPayers/{index}/insuranceType"),
                        "the 837I has no insurance type code (2320 SBR05)",
                    );
                }
            }
            return;
        }
        let medicare = MEDICARE.contains(&self.payer.claim_filing_indicator.as_str());
        let secondary = self.subscriber.payer_responsibility != PayerResponsibility::Primary;
        match (medicare && secondary, given) {
            (true, false) => rules.error(
                "CLM-INSURANCE-TYPE-REQUIRED",
                "/subscriber/insuranceType",
                "Medicare billed as secondary or tertiary payer needs the insurance type code \
                 saying why it is not primary (SBR05)",
            ),
            (false, true) => rules.error(
                "CLM-INSURANCE-TYPE-UNUSED",
                "/subscriber/insuranceType",
                "the insurance type code (SBR05) is sent only when Medicare is billed as \
                 secondary or tertiary payer",
            ),
            _ => {}
        }
    }

    fn professional_rules(&self, rules: &mut Rules<'_>, form: &Professional) {
        rules.clia(
            format_args!("{PRO}/cliaNumber"),
            form.clia_number.as_deref(),
        );
        if let Some(paid) = form.patient_amount_paid {
            if paid.is_negative() {
                rules.error(
                    "CLM-AMOUNT-NEGATIVE",
                    format!("{PRO}/patientAmountPaid"),
                    "what the patient paid (AMT*F5) is not negative",
                );
            }
        }
        if let Some(ambulance) = &form.ambulance {
            rules.ambulance(format_args!("{PRO}/ambulance"), ambulance, false);
        }
        self.spinal_manipulation(rules, form);
        let claim_ambulance = form.ambulance.as_ref();
        for (index, line) in form.lines.iter().enumerate() {
            let at = super::LinePath::at(PRO, index);
            line_rules(rules, &at, line);
            // 2300 REF*X4 note: "Required for all CLIA certified facilities performing CLIA
            // covered laboratory services"; a QW modifier bills a CLIA-waived test, which
            // the laboratory's certificate of waiver number covers. Laboratory services are
            // recognized by their CPT codes (see ProcedureCode::is_laboratory).
            let waived = line.modifiers.iter().any(|m| m.as_str() == "QW");
            let clia = line.clia_number.is_some() || form.clia_number.is_some();
            if (line.procedure.is_laboratory() || waived) && !clia {
                rules.error(
                    "CLM-CLIA-REQUIRED",
                    at("cliaNumber"),
                    "a laboratory service (CPT 80047-89398, PLA or MAAA codes, or modifier QW) \
                     needs the laboratory's CLIA number (REF*X4) on the claim or the line",
                );
            }
            let line_ambulance = line.ambulance.as_ref();
            let has = |test: fn(&Ambulance) -> bool| {
                line_ambulance.is_some_and(test) || claim_ambulance.is_some_and(test)
            };
            // 2300 CR1 note: "Required on all claims involving ambulance transport
            // services."
            if line.procedure.is_ambulance() && !has(|a| a.transport.is_some()) {
                rules.error(
                    "AMB-TRANSPORT",
                    at("ambulance/transport"),
                    "an ambulance service needs the transport information (CR1: the reason \
                     and the distance) on the claim or the line",
                );
            }
            // 2310E and 2310F notes: "Required when billing for ambulance or non-emergency
            // transportation services."
            if line.procedure.is_transportation() {
                if !has(|a| a.pick_up.is_some()) {
                    rules.error(
                        "AMB-PICK-UP",
                        at("ambulance/pickUp"),
                        "a transportation service needs the pick-up location (2310E or 2420G)",
                    );
                }
                if !has(|a| a.drop_off.is_some()) {
                    rules.error(
                        "AMB-DROP-OFF",
                        at("ambulance/dropOff"),
                        "a transportation service needs the drop-off location (2310F or \
                         2420H)",
                    );
                }
            }
            // 2300 CRC*07: as remembered, required on ambulance claims; payers differ, so a
            // warning.
            if line.procedure.is_ambulance() && !has(|a| !a.certifications.is_empty()) {
                rules.warning(
                    "AMB-CERTIFICATION",
                    at("ambulance/certifications"),
                    "an ambulance service usually carries the certification of the patient's \
                     condition (CRC*07)",
                );
            }
        }
    }

    /// CR2 and its dates.
    fn spinal_manipulation(&self, rules: &mut Rules<'_>, form: &Professional) {
        let Some(spinal) = &form.spinal_manipulation else {
            return;
        };
        // 2300 DTP*453, as remembered: required when CR208 is A or M on a spinal
        // manipulation claim to Medicare. Unsure of the payer condition: a warning.
        let acute = matches!(
            spinal.condition,
            SpinalCondition::Acute | SpinalCondition::AcuteManifestationOfChronic
        );
        if acute && self.dates.acute_manifestation.is_none() {
            rules.warning(
                "CHIRO-ACUTE-MANIFESTATION",
                "/dates/acuteManifestation",
                "a spinal manipulation for an acute condition or acute manifestation (CR208 A \
                 or M) usually carries the date of the acute manifestation (DTP*453)",
            );
        }
    }

    fn institutional_rules(&self, rules: &mut Rules<'_>, form: &Institutional) {
        let inpatient = form.is_inpatient();
        let admission_date = form.admission.as_ref().and_then(|a| a.date);
        // 837I DTP*435 note: "Required on inpatient claims."
        if inpatient && admission_date.is_none() {
            rules.error(
                "INST-ADMISSION-REQUIRED",
                format!("{INST}/admission/date"),
                "an inpatient bill (type of bill 11x, 18x, 21x, 41x) needs the admission date \
                 (DTP*435)",
            );
        }
        if form
            .admission
            .as_ref()
            .is_some_and(|a| a.hour.is_some() && a.date.is_none())
        {
            rules.error(
                "INST-ADMISSION-HOUR",
                format!("{INST}/admission/hour"),
                "the admission hour is sent with the admission date (DTP*435 DT)",
            );
        }
        // 837I HI*ABJ note: "Required on inpatient admission claims."
        if inpatient && form.admitting_diagnosis.is_none() {
            rules.error(
                "INST-ADMITTING-DX",
                format!("{INST}/admittingDiagnosis"),
                "an inpatient bill (type of bill 11x, 18x, 21x, 41x) needs the admitting \
                 diagnosis (HI*ABJ)",
            );
        }
        self.present_on_admission(rules, form);
        if form.reasons_for_visit.len() > MAX_REASONS_FOR_VISIT {
            rules.error(
                "INST-REASON-COUNT",
                format!("{INST}/reasonsForVisit/{MAX_REASONS_FOR_VISIT}"),
                format!("at most {MAX_REASONS_FOR_VISIT} reasons for visit (HI*APR)"),
            );
        }
        if form.external_causes.len() > MAX_EXTERNAL_CAUSES {
            rules.error(
                "INST-EXTERNAL-CAUSE-COUNT",
                format!("{INST}/externalCauses/{MAX_EXTERNAL_CAUSES}"),
                format!("at most {MAX_EXTERNAL_CAUSES} external causes of injury (HI*ABN)"),
            );
        }
        for (index, cause) in form.external_causes.iter().enumerate() {
            // ICD-10-CM chapter 20, external causes of morbidity, is V00-Y99.
            if !cause.code.as_str().starts_with(['V', 'W', 'X', 'Y']) {
                rules.error(
                    "INST-EXTERNAL-CAUSE-CODE",
                    format!("{INST}/externalCauses/{index}/code"),
                    "an external cause of injury is an ICD-10-CM code of V00-Y99",
                );
            }
        }
        if form.procedures.len() > MAX_PROCEDURES {
            rules.error(
                "INST-PROCEDURE-COUNT",
                format!("{INST}/procedures/{MAX_PROCEDURES}"),
                format!("at most {MAX_PROCEDURES} procedures: a principal and 24 others (HI)"),
            );
        }
        for (index, procedure) in form.procedures.iter().enumerate() {
            // 837I HI*BBR and HI*BBQ: the date format and the date (C022-3, C022-4) are
            // required with every procedure code.
            if procedure.date.is_none() {
                let which = if index == 0 { "principal" } else { "other" };
                rules.error(
                    "INST-PROCEDURE-DATE",
                    format!("{INST}/procedures/{index}/date"),
                    format!("the {which} procedure needs the date it was performed (HI C022-4)"),
                );
            }
        }
        // 837I HI*BBR note, as remembered: "Required on inpatient claims when a procedure
        // was performed. Not used on outpatient claims." Unsure of the second sentence: a
        // warning.
        if !form.procedures.is_empty() && !inpatient {
            rules.warning(
                "INST-PROCEDURE-OUTPATIENT",
                format!("{INST}/procedures"),
                "ICD-10-PCS procedures are reported on inpatient bills; an outpatient bill \
                 reports its procedures as HCPCS on the lines",
            );
        }
        for (index, span) in form.occurrence_spans.iter().enumerate() {
            if span.through < span.from {
                rules.error(
                    "CLM-DATES-ORDER",
                    format!("{INST}/occurrenceSpans/{index}/through"),
                    "the occurrence span ends before it starts",
                );
            }
        }
        if form.estimated_amount_due.is_some_and(|a| a.is_negative()) {
            rules.error(
                "CLM-AMOUNT-NEGATIVE",
                format!("{INST}/estimatedAmountDue"),
                "the patient's estimated amount due (AMT*F3) is not negative",
            );
        }
    }

    /// One indicator per diagnosis (HI C022-9), or none at all.
    fn present_on_admission(&self, rules: &mut Rules<'_>, form: &Institutional) {
        let indicators = &form.present_on_admission;
        if indicators.is_empty() {
            return;
        }
        if indicators.len() != self.diagnoses.len() {
            rules.error(
                "INST-POA-COUNT",
                format!("{INST}/presentOnAdmission"),
                format!(
                    "one present-on-admission indicator per diagnosis, principal first: the \
                     claim has {} diagnoses and {} indicators",
                    self.diagnoses.len(),
                    indicators.len()
                ),
            );
        }
        if indicators.iter().all(Option::is_none) {
            rules.error(
                "INST-POA-EMPTY",
                format!("{INST}/presentOnAdmission"),
                "no diagnosis has an indicator: leave presentOnAdmission out",
            );
        }
    }
}

/// The rules of one 837P line.
fn line_rules(
    rules: &mut Rules<'_>,
    at: &dyn Fn(&'static str) -> super::LinePath<'static>,
    line: &ProfessionalLine,
) {
    rules.clia(at("cliaNumber"), line.clia_number.as_deref());
    rules.attachments(at("attachments"), &line.attachments);
    if let Some(note) = &line.note {
        rules.notes(at("note"), std::slice::from_ref(note), &LINE_NOTES, 1);
    }
    for (field, list) in [
        ("priorAuthorizations", &line.prior_authorizations),
        ("referralNumbers", &line.referral_numbers),
    ] {
        if list.len() > MAX_LINE_REFERENCES {
            rules.error(
                "LINE-REFERENCE-COUNT",
                format!("{}/{MAX_LINE_REFERENCES}", at(field)),
                format!("a line holds at most {MAX_LINE_REFERENCES} of these (REF)"),
            );
        }
    }
    if let Some(ambulance) = &line.ambulance {
        rules.ambulance(at("ambulance"), ambulance, true);
    }
    if let Some(dme) = &line.durable_medical_equipment {
        let path = at("durableMedicalEquipment");
        let empty = dme.certification.is_none()
            && dme.condition.is_none()
            && dme.certificate_transmission.is_none()
            && dme.begin_therapy.is_none()
            && dme.last_certification.is_none()
            && dme.certification_revision.is_none();
        if empty {
            rules.error(
                "DME-EMPTY",
                path,
                "a durable medical equipment object with nothing in it is not sent: leave it \
                 out",
            );
        }
        if let Some(certification) = dme.certification {
            if certification.months == 0 {
                rules.error(
                    "DME-MONTHS",
                    format!("{path}/certification/months"),
                    "the equipment is certified for at least one month (CR303)",
                );
            }
            // 2400 DTP*607 note, as remembered: required when CR301 is R or S. A warning.
            let renewed = matches!(
                certification.kind,
                CertificationType::Renewal | CertificationType::Revised
            );
            if renewed && dme.certification_revision.is_none() {
                rules.warning(
                    "DME-REVISION-DATE",
                    format!("{path}/certificationRevision"),
                    "a renewed or revised certification (CR301 R or S) usually carries its \
                     date (DTP*607)",
                );
            }
        }
        if let Some(condition) = &dme.condition {
            let count = condition.conditions.len();
            let distinct: HashSet<_> = condition.conditions.iter().collect();
            if !(1..=2).contains(&count) || distinct.len() != count {
                rules.error(
                    "DME-CONDITIONS",
                    format!("{path}/condition/conditions"),
                    "a durable medical equipment condition (CRC*09) names one or two different \
                     indicators",
                );
            }
        }
    }
    if line
        .purchased_service
        .as_ref()
        .is_some_and(|p| p.charge.is_negative())
    {
        rules.error(
            "CLM-AMOUNT-NEGATIVE",
            at("purchasedService/charge"),
            "a purchased service's charge (PS102) is not negative",
        );
    }
}
