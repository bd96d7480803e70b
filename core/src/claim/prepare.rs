//! Preparing a professional claim from a coded encounter: look up the parties, price each
//! service from the practice's charge master, number the lines, total the claim, and name
//! the practice's laboratory (CLIA number) when the encounter has laboratory services.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Claim, ClaimDates, ClaimForm, ClaimIndicators, DrugQuantity, Patient, Payer, Professional,
    ProfessionalLine, Provider, Quantity, Subscriber,
};
use crate::codes::{ClaimFrequency, Icd10Cm, Modifier, PlaceOfService, ProcedureCode};
use crate::money::{Money, MoneyError, Rounding};

/// What a practice knows that every claim needs: who bills, who treats, whom to bill, what
/// it charges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Practice {
    /// The billing provider (group or solo practitioner).
    pub billing_provider: Provider,
    /// The CLIA number of the practice's laboratory, sent (REF*X4) on claims with
    /// laboratory services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clia_number: Option<String>,
    /// Rendering and referring providers, by the practice's own id.
    pub providers: Vec<PracticeProvider>,
    /// Payers, by the practice's own id.
    pub payers: Vec<PracticePayer>,
    /// The practice's charges per procedure.
    pub charge_master: Vec<ChargeMasterEntry>,
    /// Patients with their coverage.
    pub patients: Vec<PatientRecord>,
}

/// A provider known to the practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PracticeProvider {
    /// The practice's id for this provider.
    pub id: String,
    /// The provider.
    pub provider: Provider,
}

/// A payer the practice bills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PracticePayer {
    /// The practice's id for this payer.
    pub id: String,
    /// The payer.
    pub payer: Payer,
}

/// The practice's charge for one unit (or one anesthesia minute) of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargeMasterEntry {
    /// Procedure code.
    pub procedure: ProcedureCode,
    /// Charge per unit, or per minute for anesthesia.
    pub unit_charge: Money,
}

/// A patient and the coverage billed first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatientRecord {
    /// The practice's patient id (a medical record number).
    pub id: String,
    /// Primary coverage.
    pub coverage: Coverage,
}

/// A patient's coverage with one payer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Coverage {
    /// The practice's payer id.
    pub payer_id: String,
    /// The insured.
    pub subscriber: Subscriber,
    /// The patient, when not the subscriber.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient: Option<Patient>,
}

/// A coded encounter: what the provider did and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Encounter {
    /// Encounter id; becomes the patient control number.
    pub id: String,
    /// The practice's patient id.
    pub patient_id: String,
    /// The practice's id of the rendering provider.
    pub rendering_provider_id: String,
    /// The practice's id of the referring provider, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referring_provider_id: Option<String>,
    /// Date of service.
    pub date: NaiveDate,
    /// Place of service.
    pub place_of_service: PlaceOfService,
    /// Diagnoses, principal first.
    pub diagnoses: Vec<Icd10Cm>,
    /// Services performed.
    pub services: Vec<EncounterService>,
    /// Prior authorization number, if the payer required one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_authorization: Option<String>,
    /// Onset of the current illness, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onset: Option<NaiveDate>,
}

/// One coded service of an encounter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EncounterService {
    /// Procedure code.
    pub procedure: ProcedureCode,
    /// Modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// Units or anesthesia minutes.
    pub quantity: Quantity,
    /// 1-based pointers into the encounter's diagnoses.
    pub diagnosis_pointers: Vec<u8>,
    /// Drug given, for drug lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug: Option<DrugQuantity>,
}

/// Why an encounter could not become a claim.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrepareError {
    /// The encounter's patient is not in the practice's patient list.
    #[error("the encounter's patient is not in the practice's patient list")]
    UnknownPatient,
    /// The patient's coverage names a payer the practice does not list.
    #[error("the patient's coverage names a payer the practice does not list")]
    UnknownPayer,
    /// The encounter names a provider the practice does not list.
    #[error("the encounter's {role} provider is not in the practice's provider list")]
    UnknownProvider {
        /// `rendering` or `referring`.
        role: &'static str,
    },
    /// A service's procedure has no charge in the charge master.
    #[error("service {service}: procedure {procedure} has no charge in the charge master")]
    NoCharge {
        /// 1-based service number.
        service: usize,
        /// The procedure code.
        procedure: ProcedureCode,
    },
    /// A charge overflowed.
    #[error("service charges overflow: {0}")]
    Money(#[from] MoneyError),
}

/// Builds the professional claim for an encounter. Each line's charge is the charge master's
/// unit charge × the quantity, rounded to cents half away from zero; lines are numbered
/// `<encounter id>-<n>` as their line item control numbers. Run [`Claim::validate`] on the
/// result before sending it.
pub fn prepare_claim(encounter: &Encounter, practice: &Practice) -> Result<Claim, PrepareError> {
    let patient = practice
        .patients
        .iter()
        .find(|p| p.id == encounter.patient_id)
        .ok_or(PrepareError::UnknownPatient)?;
    let payer = practice
        .payers
        .iter()
        .find(|p| p.id == patient.coverage.payer_id)
        .ok_or(PrepareError::UnknownPayer)?;
    let provider = |id: &str, role| {
        practice
            .providers
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.provider.clone())
            .ok_or(PrepareError::UnknownProvider { role })
    };
    let rendering = provider(&encounter.rendering_provider_id, "rendering")?;
    let referring = encounter
        .referring_provider_id
        .as_deref()
        .map(|id| provider(id, "referring"))
        .transpose()?;

    let mut lines = Vec::with_capacity(encounter.services.len());
    for (index, service) in encounter.services.iter().enumerate() {
        let number = index.saturating_add(1);
        let entry = practice
            .charge_master
            .iter()
            .find(|e| e.procedure == service.procedure)
            .ok_or(PrepareError::NoCharge {
                service: number,
                procedure: service.procedure,
            })?;
        let charge = entry
            .unit_charge
            .checked_mul(service.quantity.value())?
            .round_to_cents(Rounding::HalfAwayFromZero);
        let mut line = ProfessionalLine::new(
            service.procedure,
            charge,
            service.quantity,
            encounter.date,
            service.diagnosis_pointers.clone(),
        );
        line.modifiers = service.modifiers.clone();
        line.drug = service.drug.clone();
        line.line_item_control_number = Some(format!("{}-{number}", encounter.id));
        lines.push(line);
    }
    let total_charge = Money::sum(lines.iter().map(|l| l.charge))?;
    let laboratory = lines
        .iter()
        .any(|l| l.procedure.is_laboratory() || l.modifiers.iter().any(|m| m.as_str() == "QW"));
    let mut professional = Professional::new(encounter.place_of_service, lines);
    professional.clia_number = practice.clia_number.clone().filter(|_| laboratory);
    let rendering_differs = rendering.npi != practice.billing_provider.npi;
    Ok(Claim {
        patient_control_number: encounter.id.clone(),
        frequency: ClaimFrequency::Original,
        original_claim_number: None,
        total_charge,
        billing_provider: practice.billing_provider.clone(),
        pay_to_provider: None,
        pay_to_plan: None,
        rendering_provider: rendering_differs.then_some(rendering),
        referring_provider: referring,
        service_facility: None,
        subscriber: patient.coverage.subscriber.clone(),
        patient: patient.coverage.patient.clone(),
        payer: payer.payer.clone(),
        diagnoses: encounter.diagnoses.clone(),
        prior_authorization: encounter.prior_authorization.clone(),
        referral_number: None,
        medical_record_number: None,
        delay_reason: None,
        notes: Vec::new(),
        attachments: Vec::new(),
        indicators: ClaimIndicators::default(),
        dates: ClaimDates {
            onset: encounter.onset,
            ..ClaimDates::default()
        },
        related_causes: None,
        form: ClaimForm::Professional(Box::new(professional)),
        other_payers: Vec::new(),
    })
}
