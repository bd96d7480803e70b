//! The claim model: professional (CMS-1500 / 837P) and institutional (UB-04 / 837I) claims,
//! their parties and service lines, and [`Claim::validate`] for structural findings.
//!
//! JSON field names are camelCase, amounts decimal strings, dates `YYYY-MM-DD`; unknown
//! fields are refused rather than dropped. Personal data sits in [`Phi`].

mod other_payer;
mod prepare;
mod validate;

pub use other_payer::{ClaimAdjustment, LineAdjudication, OtherPayer};

pub use validate::{
    MAX_INSTITUTIONAL_DIAGNOSES, MAX_INSTITUTIONAL_LINES, MAX_PATIENT_CONTROL_NUMBER,
    MAX_PROFESSIONAL_DIAGNOSES, MAX_PROFESSIONAL_LINES,
};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{
    ClaimFrequency, Icd10Cm, Modifier, Ndc, Npi, PlaceOfService, ProcedureCode, RevenueCode,
    Taxonomy,
};
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
    /// Who bills (2010AA, box 33).
    pub billing_provider: Provider,
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
    /// Prior authorization number (REF*G1, box 23).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_authorization: Option<String>,
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
    Professional(Professional),
    /// UB-04 / 837I.
    Institutional(Box<Institutional>),
}

/// Professional claim content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Professional {
    /// Place of service for the claim (CLM05-1, box 24B); lines may override.
    pub place_of_service: PlaceOfService,
    /// Service lines (2400, box 24), at most 50.
    pub lines: Vec<ProfessionalLine>,
}

/// One professional service line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfessionalLine {
    /// Procedure code (SV101-2, box 24D).
    pub procedure: ProcedureCode,
    /// Up to four modifiers (SV101-3..6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// Line charge (SV102, box 24F).
    pub charge: Money,
    /// Units, or anesthesia minutes (SV103/SV104, box 24G).
    pub quantity: Quantity,
    /// Date of service, or first date of a span (DTP*472, box 24A).
    pub service_date: NaiveDate,
    /// Last date of a span, when the line covers several days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_date_end: Option<NaiveDate>,
    /// Place of service when it differs from the claim's (SV105).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_of_service: Option<PlaceOfService>,
    /// 1-based pointers into the claim's diagnoses, at most four (SV107, box 24E).
    pub diagnosis_pointers: Vec<u8>,
    /// Drug given, for drug lines (LIN/CTP, box 24 shaded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug: Option<DrugQuantity>,
    /// The provider's own line id, echoed back by the 835 (REF*6R).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_control_number: Option<String>,
    /// Rendering provider when it differs from the claim's (2420A).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_provider: Option<Provider>,
}

/// How much of a service was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Quantity {
    /// Service units (SV103 = UN).
    Units(
        #[serde(with = "rust_decimal::serde::str")]
        #[schemars(schema_with = "crate::money::decimal_string_schema")]
        Decimal,
    ),
    /// Anesthesia minutes (SV103 = MJ).
    Minutes(u32),
}

impl Quantity {
    /// The number reported in SV104, whichever the unit.
    pub fn value(self) -> Decimal {
        match self {
            Quantity::Units(units) => units,
            Quantity::Minutes(minutes) => Decimal::from(minutes),
        }
    }
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

/// Institutional claim content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Institutional {
    /// Facility type code, the 2nd and 3rd digits of the type of bill (CLM05-1), e.g. `13`.
    pub facility_type: String,
    /// Statement period start (DTP*434, FL 6).
    pub statement_from: NaiveDate,
    /// Statement period end (DTP*434, FL 6).
    pub statement_through: NaiveDate,
    /// Admission, for inpatient and some outpatient bills (DTP*435, CL1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admission: Option<Admission>,
    /// Discharge hour (DTP*096), 0–23.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharge_hour: Option<u8>,
    /// Patient discharge status (CL103, FL 17), e.g. `01`.
    pub patient_status: String,
    /// Attending provider (2310A, FL 76).
    pub attending_provider: Provider,
    /// Operating physician (2310B, FL 77).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating_provider: Option<Provider>,
    /// Condition codes (HI BG, FL 18–28).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition_codes: Vec<String>,
    /// Occurrence codes with dates (HI BH, FL 31–34).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrence_codes: Vec<OccurrenceCode>,
    /// Value codes with amounts (HI BE, FL 39–41).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub value_codes: Vec<ValueCode>,
    /// Service lines (2400, FL 42–47), at most 999.
    pub lines: Vec<InstitutionalLine>,
}

impl Institutional {
    /// The four-character type of bill: `0` + facility type + frequency (FL 4).
    pub fn type_of_bill(&self, frequency: ClaimFrequency) -> String {
        format!("0{}{}", self.facility_type, frequency.code())
    }
}

/// An inpatient admission (CL1, DTP*435).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Admission {
    /// Admission date.
    pub date: NaiveDate,
    /// Admission hour, 0–23.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hour: Option<u8>,
    /// Priority (type) of admission (CL101, FL 14).
    pub type_code: String,
    /// Point of origin (source) of admission (CL102, FL 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_code: Option<String>,
}

/// An occurrence code and its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OccurrenceCode {
    /// The code.
    pub code: String,
    /// When it occurred.
    pub date: NaiveDate,
}

/// A value code and its amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValueCode {
    /// The code.
    pub code: String,
    /// The amount.
    pub amount: Money,
}

/// One institutional service line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstitutionalLine {
    /// Revenue code (SV201, FL 42).
    pub revenue_code: RevenueCode,
    /// HCPCS/CPT code where required, e.g. outpatient (SV202-2, FL 44).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureCode>,
    /// Up to four modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// Line charge (SV203, FL 47).
    pub charge: Money,
    /// Units or days (SV205, FL 46).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units: Decimal,
    /// Date of service, required for outpatient lines (DTP*472, FL 45).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_date: Option<NaiveDate>,
    /// Non-covered charge (SV207, FL 48).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_covered_charge: Option<Money>,
    /// Drug given, for drug lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug: Option<DrugQuantity>,
    /// The provider's own line id (REF*6R).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_control_number: Option<String>,
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
    /// Address (required for the billing provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
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
    /// Group or policy number (SBR03, box 11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_number: Option<String>,
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
}

impl Default for ClaimIndicators {
    fn default() -> ClaimIndicators {
        ClaimIndicators {
            provider_signature_on_file: true,
            assignment: Assignment::Assigned,
            benefits_assigned: true,
            release_of_information: ReleaseOfInformation::Yes,
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
}

impl Claim {
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
