//! What only professional claims carry (CMS-1500 / 837P): the service lines and what the
//! guide adds for laboratories, ambulances, durable medical equipment and chiropractic.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::coded::{
    AmbulanceCondition, CertificationType, CmnTransmission, DmeCondition, EntityType,
    SpinalCondition, TransportReason,
};
use super::supplemental::{Attachment, ClaimNote, ProviderSecondaryId};
use super::{Address, DrugQuantity, Provider};
use crate::codes::{Modifier, Npi, PlaceOfService, ProcedureCode};
use crate::money::Money;

/// Professional claim content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Professional {
    /// Place of service for the claim (CLM05-1, box 24B); lines may override.
    pub place_of_service: PlaceOfService,
    /// Service lines (2400, box 24), at most 50.
    pub lines: Vec<ProfessionalLine>,
    /// The laboratory's CLIA number (REF*X4, box 23): 10 characters, the third a `D`.
    /// Required when the claim has laboratory services (CPT 80047–89398, PLA codes, or a
    /// `QW` CLIA-waived test) and the lines do not carry their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clia_number: Option<String>,
    /// The supervising provider (2310D, box 17 qualifier DQ), a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervising_provider: Option<Provider>,
    /// What the patient has paid towards the covered services (AMT*F5, box 29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_amount_paid: Option<Money>,
    /// Condition codes (HI*BG, box 10d), at most 24.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition_codes: Vec<String>,
    /// Ambulance transport of the whole claim (CR1, CRC*07, loops 2310E and 2310F).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambulance: Option<Ambulance>,
    /// Spinal manipulation by a chiropractor (CR2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spinal_manipulation: Option<SpinalManipulation>,
}

impl Professional {
    /// A professional claim's content: its place of service and lines, nothing else yet.
    pub fn new(place_of_service: PlaceOfService, lines: Vec<ProfessionalLine>) -> Professional {
        Professional {
            place_of_service,
            lines,
            clia_number: None,
            supervising_provider: None,
            patient_amount_paid: None,
            condition_codes: Vec::new(),
            ambulance: None,
            spinal_manipulation: None,
        }
    }
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
    /// An emergency service (SV109 = Y, box 24C).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emergency: bool,
    /// An EPSDT (early and periodic screening, diagnosis and treatment) service (SV111 = Y,
    /// box 24H).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub epsdt: bool,
    /// A family planning service (SV112 = Y, box 24H).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub family_planning: bool,
    /// Drug given, for drug lines (LIN/CTP, box 24 shaded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug: Option<DrugQuantity>,
    /// The provider's own line id, echoed back by the 835 (REF*6R).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_item_control_number: Option<String>,
    /// Prior authorization numbers of this line when they differ from the claim's (REF*G1),
    /// at most five.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior_authorizations: Vec<String>,
    /// Referral numbers of this line when they differ from the claim's (REF*9F), at most
    /// five.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referral_numbers: Vec<String>,
    /// The CLIA number of the laboratory that performed this line, when it differs from the
    /// claim's (REF*X4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clia_number: Option<String>,
    /// A note about the line (NTE*ADD or NTE*DCP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<ClaimNote>,
    /// Third party organization notes (NTE*TPO).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party_note: Option<String>,
    /// Attachments for this line (PWK), at most ten.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Ambulance transport of this line when it differs from the claim's (CR1, CRC*07,
    /// QTY*PT, loops 2420G and 2420H).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambulance: Option<Ambulance>,
    /// Durable medical equipment certification (CR3, CRC*09, PWK*CT, DTP*461/463/607).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durable_medical_equipment: Option<DurableMedicalEquipment>,
    /// A purchased service: who performed it and what it cost (PS1, box 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchased_service: Option<PurchasedService>,
    /// Rendering provider when it differs from the claim's (2420A).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_provider: Option<Provider>,
    /// The provider who performed a purchased service (2420B).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchased_service_provider: Option<PurchasedServiceProvider>,
    /// Supervising provider when it differs from the claim's (2420D), a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervising_provider: Option<Provider>,
    /// The provider who ordered the service, e.g. equipment or a test (2420E, box 17
    /// qualifier DK), a person; the one provider loop besides the billing provider with an
    /// address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering_provider: Option<Provider>,
}

impl ProfessionalLine {
    /// A line with what every line has (procedure, charge, quantity, date, diagnosis
    /// pointers) and nothing else yet.
    pub fn new(
        procedure: ProcedureCode,
        charge: Money,
        quantity: Quantity,
        service_date: NaiveDate,
        diagnosis_pointers: Vec<u8>,
    ) -> ProfessionalLine {
        ProfessionalLine {
            procedure,
            modifiers: Vec::new(),
            charge,
            quantity,
            service_date,
            service_date_end: None,
            place_of_service: None,
            diagnosis_pointers,
            emergency: false,
            epsdt: false,
            family_planning: false,
            drug: None,
            line_item_control_number: None,
            prior_authorizations: Vec::new(),
            referral_numbers: Vec::new(),
            clia_number: None,
            note: None,
            third_party_note: None,
            attachments: Vec::new(),
            ambulance: None,
            durable_medical_equipment: None,
            purchased_service: None,
            rendering_provider: None,
            purchased_service_provider: None,
            supervising_provider: None,
            ordering_provider: None,
        }
    }
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

/// An ambulance transport: why and how far (CR1), the certification of the patient's
/// condition (CRC*07), where the patient was picked up and dropped off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ambulance {
    /// The transport (CR1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<AmbulanceTransport>,
    /// Certifications of the patient's condition (CRC*07), at most three.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<AmbulanceCertification>,
    /// Where the patient was picked up (2310E or 2420G).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pick_up: Option<Address>,
    /// Where the patient was taken (2310F or 2420H).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off: Option<DropOffLocation>,
    /// How many patients were transported in the same vehicle (QTY*PT), on a line only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_count: Option<u32>,
}

/// Why and how far the patient was taken (CR1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmbulanceTransport {
    /// Why the patient was taken to this destination (CR104).
    pub reason: TransportReason,
    /// The distance, in miles (CR106 with CR105 = DH).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub miles: Decimal,
    /// The patient's weight in pounds (CR102 with CR101 = LB), when medically necessary for
    /// the transport.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub patient_weight_pounds: Option<Decimal>,
    /// Why a round trip was needed (CR109).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_trip_purpose: Option<String>,
    /// Why a stretcher was needed (CR110).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stretcher_purpose: Option<String>,
}

/// A certification of the patient's condition for an ambulance transport (CRC*07).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmbulanceCertification {
    /// Whether the conditions apply (CRC02 Y) or not (N).
    pub applies: bool,
    /// One to five conditions (CRC03–CRC07).
    pub conditions: Vec<AmbulanceCondition>,
}

/// Where an ambulance took the patient (2310F or 2420H).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DropOffLocation {
    /// The name of the place, e.g. a hospital (NM103), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its address (N3/N4).
    pub address: Address,
}

/// A chiropractic spinal manipulation (CR2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SpinalManipulation {
    /// The patient's condition (CR208).
    pub condition: SpinalCondition,
    /// A description of the condition (CR210).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// More description (CR211).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_description: Option<String>,
}

/// The certification of durable medical equipment on a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DurableMedicalEquipment {
    /// Initial, renewal or revised certification and for how long (CR3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification: Option<DmeCertification>,
    /// Condition indicators (CRC*09).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<DmeConditionIndicator>,
    /// How the certificate of medical necessity is sent (PWK*CT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_transmission: Option<CmnTransmission>,
    /// When the therapy began (DTP*463).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begin_therapy: Option<NaiveDate>,
    /// When the equipment was last certified (DTP*461).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_certification: Option<NaiveDate>,
    /// When a renewed or revised certification was made (DTP*607).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_revision: Option<NaiveDate>,
}

/// A certification of durable medical equipment (CR3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DmeCertification {
    /// Initial, renewal or revised (CR301).
    pub kind: CertificationType,
    /// For how many months the equipment is needed (CR303 with CR302 = MO).
    pub months: u32,
}

/// Durable medical equipment condition indicators (CRC*09).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DmeConditionIndicator {
    /// Whether the conditions apply (CRC02 Y) or not (N).
    pub applies: bool,
    /// One or two conditions (CRC03, CRC04).
    pub conditions: Vec<DmeCondition>,
}

/// The provider a service was purchased from (2420B): the 837P names no one here, it sends
/// the entity type and identifiers only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PurchasedServiceProvider {
    /// A person or an organization (NM102).
    #[serde(default, skip_serializing_if = "EntityType::is_organization")]
    pub entity_type: EntityType,
    /// Its NPI (NM109), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npi: Option<Npi>,
    /// Other identifiers (REF*0B, 1G, G2), at most 20.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary_ids: Vec<ProviderSecondaryId>,
}

/// A service purchased from another provider (PS1, CMS-1500 box 20).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PurchasedService {
    /// The identifier of the provider the service was purchased from (PS101).
    pub provider_id: String,
    /// What the billing provider paid for it (PS102).
    pub charge: Money,
}
