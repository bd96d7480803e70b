//! The claim model: professional (CMS-1500 / 837P) and institutional (UB-04 / 837I) claims,
//! their parties and service lines, and [`Claim::validate`] for structural findings.
//!
//! JSON field names are camelCase, amounts decimal strings, dates `YYYY-MM-DD`; unknown
//! fields are refused rather than dropped. Personal data sits in [`Phi`].

mod coded;
mod institutional;
mod other_payer;
mod prepare;
pub mod print;
mod professional;
mod supplemental;
mod validate;

pub use coded::{
    AmbulanceCondition, AttachmentTransmission, CertificationType, CmnTransmission,
    ContactNumberKind, DelayReason, DmeCondition, EntityType, InsuranceType, NoteKind,
    PatientSignatureSource, PayerIdKind, PlanIdKind, PresentOnAdmission, ProviderIdKind,
    SpinalCondition, TransportReason,
};
pub use institutional::{
    Admission, ExternalCause, Institutional, InstitutionalLine, OccurrenceCode, OccurrenceSpan,
    PcsProcedure, ValueCode,
};
pub use other_payer::{
    ClaimAdjustment, InpatientAdjudication, LineAdjudication, OtherPayer, OutpatientAdjudication,
};
pub use professional::{
    Ambulance, AmbulanceCertification, AmbulanceTransport, DmeCertification, DmeConditionIndicator,
    DropOffLocation, DurableMedicalEquipment, Professional, ProfessionalLine, PurchasedService,
    PurchasedServiceProvider, Quantity, SpinalManipulation,
};
pub use supplemental::{
    Attachment, ClaimNote, ContactNumber, PayToPlan, PayToProvider, PayerSecondaryId,
    ProviderContact, ProviderSecondaryId,
};

pub use validate::{
    MAX_INSTITUTIONAL_DIAGNOSES, MAX_INSTITUTIONAL_LINES, MAX_PATIENT_CONTROL_NUMBER,
    MAX_PROFESSIONAL_DIAGNOSES, MAX_PROFESSIONAL_LINES,
};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{ClaimFrequency, Icd10Cm, Ndc, Npi, Taxonomy};
use crate::money::Money;
use crate::phi::Phi;

pub use prepare::{
    ChargeMasterEntry, Coverage, Encounter, EncounterService, PatientRecord, Practice,
    PracticePayer, PracticeProvider, PrepareError, prepare_claim,
};

/// A claim for payment, professional or institutional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Claim {
    /// The provider's own claim id: CLM01, CMS-1500 box 26 (1–38 characters).
    pub patient_control_number: String,
    /// Original, replacement or void (CLM05-3).
    pub frequency: ClaimFrequency,
    /// The payer's claim control number of the claim replaced or voided (REF*F8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_claim_number: Option<String>,
    /// Total charge: CLM02, box 28. Must equal the sum of the lines.
    pub total_charge: Money,
    /// Who bills (2010AA, box 33; UB-04 FL 1).
    pub billing_provider: Provider,
    /// Where payment goes when not to the billing provider's address (2010AB; UB-04 FL 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_to_provider: Option<PayToProvider>,
    /// The health plan a subrogation demand is paid to (2010AC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_to_plan: Option<PayToPlan>,
    /// Who performed the service when not the billing provider (2310B, box 24J).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_provider: Option<Provider>,
    /// Referring provider (2310A, box 17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referring_provider: Option<Provider>,
    /// Where the service was performed, when not the billing address (2310C, box 32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_facility: Option<ServiceFacility>,
    /// The insured (2010BA).
    pub subscriber: Subscriber,
    /// The patient, when not the subscriber (2010CA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient: Option<Patient>,
    /// The payer billed (2010BB).
    pub payer: Payer,
    /// Diagnoses, principal first (HI; box 21): up to 12 professional, 25 institutional.
    pub diagnoses: Vec<Icd10Cm>,
    /// Prior authorization number (REF*G1, box 23; UB-04 FL 63).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_authorization: Option<String>,
    /// Referral number (REF*9F, box 23; UB-04 FL 63).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_number: Option<String>,
    /// The provider's medical record number for the patient (REF*EA; UB-04 FL 3b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medical_record_number: Option<String>,
    /// Why the claim is sent after the payer's filing limit (CLM20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_reason: Option<DelayReason>,
    /// Notes (NTE; CMS-1500 box 19): one on a professional claim, up to ten on an
    /// institutional claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ClaimNote>,
    /// Attachments sent for the claim (PWK), at most ten.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Assignment, benefits and release indicators (CLM06–CLM09).
    #[serde(default)]
    pub indicators: ClaimIndicators,
    /// Claim-level dates (onset, last seen, hospitalization, …).
    #[serde(default)]
    pub dates: ClaimDates,
    /// What the services relate to — an auto accident, employment, another accident — with
    /// the accident's date (837P CLM11 and DTP*439; CMS-1500 boxes 10a–c). Professional
    /// claims only: the 837I reports accidents as occurrence codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_causes: Option<RelatedCauses>,
    /// What differs between professional and institutional claims, lines included.
    pub form: ClaimForm,
    /// Other payers (837 loops 2320/2330/2430): for a secondary claim, the primary's
    /// adjudication.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_payers: Vec<OtherPayer>,
}

/// Professional or institutional content of a claim. In JSON, an object with one key,
/// `professional` or `institutional`, so error paths reach into the lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ClaimForm {
    /// CMS-1500 / 837P.
    Professional(Box<Professional>),
    /// UB-04 / 837I.
    Institutional(Box<Institutional>),
}

/// A drug given on a line: its NDC and quantity (LIN*N4, CTP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DrugQuantity {
    /// The National Drug Code.
    pub ndc: Ndc,
    /// Quantity given, in `unit`.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub quantity: Decimal,
    /// Unit of measure.
    pub unit: DrugUnit,
}

/// Unit of measure for a drug quantity (CTP05-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum DrugUnit {
    /// F2: international unit.
    F2,
    /// GR: gram.
    GR,
    /// ME: milligram.
    ME,
    /// ML: milliliter.
    ML,
    /// UN: unit.
    UN,
}

/// A provider: person or organization, with NPI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provider {
    /// National Provider Identifier.
    pub npi: Npi,
    /// Name: a person or an organization.
    pub name: PartyName,
    /// Provider taxonomy (PRV03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<Taxonomy>,
    /// Tax id (EIN or SSN) of a billing provider (REF*EI / REF*SY, box 25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<TaxId>,
    /// Address: required for the billing provider, allowed for a line's ordering provider
    /// (2420E), sent for no one else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Other identifiers (REF*0B, 1G, G2, LU): which kinds and how many depend on the loop.
    /// The billing provider's license and UPIN (2010AA) come before its payer-assigned
    /// numbers (G2, LU: 2010BB).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_ids: Vec<ProviderSecondaryId>,
    /// Contacts at the billing provider (2010AA PER), at most two; no one else has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ProviderContact>,
}

/// A person's or an organization's name (NM1 entity type 1 or 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "entity", rename_all = "camelCase", deny_unknown_fields)]
pub enum PartyName {
    /// An individual.
    Person(PersonName),
    /// An organization.
    Organization {
        /// The organization's name.
        name: String,
    },
}

crate::input::tagged::read_tagged! {
    PartyName via PartyNameTwin by "entity" {
        newtype Person(PersonName),
        struct Organization { name: String },
    }
}

/// A person's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonName {
    /// Family name.
    pub last: String,
    /// Given name.
    pub first: String,
    /// Middle name or initial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    /// Suffix (Jr, III).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

/// A tax identification number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum TaxId {
    /// Employer Identification Number (REF*EI).
    Ein(String),
    /// Social Security Number of a sole practitioner (REF*SY).
    Ssn(Phi<String>),
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    /// Street lines (one or two).
    pub lines: Vec<String>,
    /// City.
    pub city: String,
    /// Two-letter state code.
    pub state: String,
    /// ZIP code (5 or 9 digits).
    pub postal_code: String,
}

/// Where the service was performed (2310C).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceFacility {
    /// Facility NPI, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npi: Option<Npi>,
    /// Facility name.
    pub name: String,
    /// Facility address; its ZIP finds the Medicare locality.
    pub address: Address,
    /// Other identifiers of the facility (REF*0B, G2, LU), at most three.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_ids: Vec<ProviderSecondaryId>,
}

/// Administrative sex (DMG03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Sex {
    /// F.
    Female,
    /// M.
    Male,
    /// U.
    Unknown,
}

/// Which payer this claim goes to for the subscriber (SBR01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub enum PayerResponsibility {
    /// P.
    #[default]
    Primary,
    /// S.
    Secondary,
    /// T.
    Tertiary,
}

/// The insured person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Subscriber {
    /// Member id on the insurance card (NM109, box 1a).
    pub member_id: Phi<String>,
    /// Name (box 4).
    pub name: Phi<PersonName>,
    /// Date of birth (DMG02).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Phi<NaiveDate>>,
    /// Sex (DMG03).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Address (box 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Phi<Address>>,
    /// Group or policy number (SBR03, box 11; UB-04 FL 62).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_number: Option<String>,
    /// The group's or plan's name (SBR04, box 11c; UB-04 FL 61).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Why Medicare is not primary, when Medicare is billed as secondary or tertiary payer
    /// (837P SBR05).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_type: Option<InsuranceType>,
    /// Primary, secondary or tertiary (SBR01).
    #[serde(default)]
    pub payer_responsibility: PayerResponsibility,
}

/// The patient, when not the subscriber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Patient {
    /// Relationship to the subscriber (PAT01): `01` spouse, `19` child, `20` employee,
    /// `21` unknown, `39` organ donor, `40` cadaver donor, `53` life partner, `G8` other.
    pub relationship: String,
    /// Name (box 2).
    pub name: Phi<PersonName>,
    /// Date of birth (box 3).
    pub birth_date: Phi<NaiveDate>,
    /// Sex (box 3).
    pub sex: Sex,
    /// Address (box 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Phi<Address>>,
}

/// The payer billed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Payer {
    /// Payer name.
    pub name: String,
    /// Payer id used by the clearinghouse (NM109 with PI).
    pub payer_id: String,
    /// Claim filing indicator (SBR09): `MB` Medicare Part B, `MC` Medicaid, `CI` commercial,
    /// `BL` Blue Cross/Blue Shield, `HM` HMO, …
    pub claim_filing_indicator: String,
    /// The payer's address (N3/N4 of 2010BB or 2330B; the CMS-1500 carrier block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Other identifiers of the payer (REF*2U, EI, FY, NF): at most three for the payer
    /// billed, two for another payer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_ids: Vec<PayerSecondaryId>,
}

impl Payer {
    /// A payer by name, id and claim filing indicator, without address or other ids.
    pub fn new(name: &str, payer_id: &str, claim_filing_indicator: &str) -> Payer {
        Payer {
            name: name.to_owned(),
            payer_id: payer_id.to_owned(),
            claim_filing_indicator: claim_filing_indicator.to_owned(),
            address: None,
            secondary_ids: Vec::new(),
        }
    }
}

/// Claim indicators from CLM06–CLM09 (boxes 12, 13, 27, 31).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimIndicators {
    /// Provider signature on file (CLM06, box 31).
    pub provider_signature_on_file: bool,
    /// Provider accepts assignment (CLM07, box 27).
    pub assignment: Assignment,
    /// Patient assigned benefits to the provider (CLM08, box 13).
    pub benefits_assigned: bool,
    /// Release of information (CLM09, box 12).
    pub release_of_information: ReleaseOfInformation,
    /// How the patient's signature was obtained (837P CLM10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_signature_source: Option<PatientSignatureSource>,
}

impl Default for ClaimIndicators {
    fn default() -> ClaimIndicators {
        ClaimIndicators {
            provider_signature_on_file: true,
            assignment: Assignment::Assigned,
            benefits_assigned: true,
            release_of_information: ReleaseOfInformation::Yes,
            patient_signature_source: None,
        }
    }
}

/// Provider accept-assignment code (CLM07).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Assignment {
    /// A: assigned.
    Assigned,
    /// B: assignment accepted on clinical lab services only.
    LabServicesOnly,
    /// C: not assigned.
    NotAssigned,
}

/// Release-of-information code (CLM09).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ReleaseOfInformation {
    /// Y: signed statement on file.
    Yes,
    /// I: informed consent to release medical information only as required by statute.
    Informed,
}

/// What the services relate to (837P CLM11, CMS-1500 boxes 10a–c).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelatedCauses {
    /// One or two causes (CLM11-1, CLM11-2).
    pub causes: Vec<RelatedCause>,
    /// The state of an auto accident, two letters (CLM11-4; box 10b's place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The country of an accident outside the United States, two letters (CLM11-5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The accident's date (DTP*439): required with an auto or other accident, and not sent
    /// for employment alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accident_date: Option<NaiveDate>,
}

/// One related cause (CLM11-1/2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum RelatedCause {
    /// AA: an auto accident (box 10b).
    AutoAccident,
    /// EM: employment, current or previous (box 10a).
    Employment,
    /// OA: another accident (box 10c).
    OtherAccident,
}

impl RelatedCause {
    /// The X12 code.
    pub fn code(self) -> &'static str {
        match self {
            RelatedCause::AutoAccident => "AA",
            RelatedCause::Employment => "EM",
            RelatedCause::OtherAccident => "OA",
        }
    }

    /// The cause an X12 code names.
    pub fn from_code(code: &str) -> Option<RelatedCause> {
        match code {
            "AA" => Some(RelatedCause::AutoAccident),
            "EM" => Some(RelatedCause::Employment),
            "OA" => Some(RelatedCause::OtherAccident),
            _ => None,
        }
    }

    /// True for an accident (auto or other), whose date the claim must carry.
    pub fn is_accident(self) -> bool {
        self != RelatedCause::Employment
    }
}

/// Claim-level dates (2300 DTP).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimDates {
    /// Onset of current illness (DTP*431, box 14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onset: Option<NaiveDate>,
    /// Initial treatment (DTP*454, box 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_treatment: Option<NaiveDate>,
    /// Last seen (DTP*304, box 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<NaiveDate>,
    /// Hospitalization admission, professional claims (DTP*435, box 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospitalized_from: Option<NaiveDate>,
    /// Hospitalization discharge, professional claims (DTP*096, box 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hospitalized_through: Option<NaiveDate>,
    /// Acute manifestation of a chronic condition (DTP*453).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acute_manifestation: Option<NaiveDate>,
    /// Last menstrual period (DTP*484, box 14 qualifier 484).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_menstrual_period: Option<NaiveDate>,
    /// Last X-ray (DTP*455).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_xray: Option<NaiveDate>,
    /// Hearing or vision prescription (DTP*471).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prescription: Option<NaiveDate>,
    /// First day the patient was unable to work (DTP*360, or DTP*314 with the last; box 16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability_from: Option<NaiveDate>,
    /// Last day the patient was unable to work (DTP*361, or DTP*314 with the first; box 16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability_through: Option<NaiveDate>,
    /// Last day worked (DTP*297).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_worked: Option<NaiveDate>,
    /// Authorized return to work (DTP*296).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_to_work: Option<NaiveDate>,
    /// Care assumed by this provider, e.g. post-operative care (DTP*090).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumed_care: Option<NaiveDate>,
    /// Care relinquished to another provider (DTP*091).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relinquished_care: Option<NaiveDate>,
    /// First contact, for property and casualty claims (DTP*444).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_contact: Option<NaiveDate>,
}

impl ClaimDates {
    /// Every claim date with its JSON field name, in the 837P's order: all are professional
    /// (837P loop 2300 DTP); an institutional claim has none of them.
    pub fn fields(&self) -> [(&'static str, Option<NaiveDate>); 16] {
        [
            ("onset", self.onset),
            ("initialTreatment", self.initial_treatment),
            ("lastSeen", self.last_seen),
            ("acuteManifestation", self.acute_manifestation),
            ("lastMenstrualPeriod", self.last_menstrual_period),
            ("lastXray", self.last_xray),
            ("prescription", self.prescription),
            ("disabilityFrom", self.disability_from),
            ("disabilityThrough", self.disability_through),
            ("lastWorked", self.last_worked),
            ("returnToWork", self.return_to_work),
            ("hospitalizedFrom", self.hospitalized_from),
            ("hospitalizedThrough", self.hospitalized_through),
            ("assumedCare", self.assumed_care),
            ("relinquishedCare", self.relinquished_care),
            ("firstContact", self.first_contact),
        ]
    }
}

impl Claim {
    /// Each line's line item control number (REF*6R), in line order: what an 835 echoes to
    /// name the line it pays.
    pub fn line_control_numbers(&self) -> Vec<Option<&str>> {
        match &self.form {
            ClaimForm::Professional(p) => p
                .lines
                .iter()
                .map(|l| l.line_item_control_number.as_deref())
                .collect(),
            ClaimForm::Institutional(i) => i
                .lines
                .iter()
                .map(|l| l.line_item_control_number.as_deref())
                .collect(),
        }
    }

    /// The sum of the line charges, or an overflow error.
    pub fn line_charge_total(&self) -> Result<Money, crate::money::MoneyError> {
        match &self.form {
            ClaimForm::Professional(p) => Money::sum(p.lines.iter().map(|l| l.charge)),
            ClaimForm::Institutional(i) => Money::sum(i.lines.iter().map(|l| l.charge)),
        }
    }

    /// Sends the claim on after `prior` has adjudicated it (RULES.md §5): `prior` joins the
    /// other payers (837 loops 2320, 2330A/B, 2430), the claim goes to `next` when given, and
    /// the subscriber's payer responsibility (SBR01) becomes secondary, or tertiary once two
    /// other payers have adjudicated the claim.
    pub fn send_to_next_payer(&mut self, prior: OtherPayer, next: Option<Payer>) {
        self.other_payers.push(prior);
        if let Some(next) = next {
            self.payer = next;
        }
        let adjudicated = self
            .other_payers
            .iter()
            .filter(|o| o.paid.is_some())
            .count();
        self.subscriber.payer_responsibility = if adjudicated > 1 {
            PayerResponsibility::Tertiary
        } else {
            PayerResponsibility::Secondary
        };
    }

    /// The number of service lines.
    pub fn line_count(&self) -> usize {
        match &self.form {
            ClaimForm::Professional(p) => p.lines.len(),
            ClaimForm::Institutional(i) => i.lines.len(),
        }
    }

    /// The earliest date of service on the claim.
    pub fn first_service_date(&self) -> Option<NaiveDate> {
        match &self.form {
            ClaimForm::Professional(p) => p.lines.iter().map(|l| l.service_date).min(),
            ClaimForm::Institutional(i) => Some(i.statement_from),
        }
    }

    /// Parses a claim from JSON text.
    pub fn from_json(text: &str) -> Result<Claim, crate::input::DecodeError> {
        crate::input::from_json(text)
    }
}

/// Most adjustments one CAS segment holds (six reason, amount and quantity trios).
pub const MAX_ADJUSTMENTS_PER_CAS: usize = 6;

/// How adjustments are sent as CAS segments (837 loops 2320 and 2430): runs of consecutive
/// adjustments with the same group code, at most [`MAX_ADJUSTMENTS_PER_CAS`] each, in the
/// order given. The 837 writer writes one CAS per run and [`Claim::validate`] counts them,
/// so the two agree on how many segments a list of adjustments takes.
pub fn cas_segments(adjustments: &[ClaimAdjustment]) -> Vec<&[ClaimAdjustment]> {
    let mut segments = Vec::new();
    let mut rest = adjustments;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take(MAX_ADJUSTMENTS_PER_CAS)
            .take_while(|a| a.group == first.group)
            .count()
            .max(1);
        let Some((segment, after)) = rest.split_at_checked(run) else {
            break;
        };
        segments.push(segment);
        rest = after;
    }
    segments
}
