//! Code systems and the codings medbill's codes become.

use super::model::{CodeableConcept, Coding};
use crate::codes::{Icd10Cm, Icd10Pcs, Modifier, ProcedureCode, ProcedureKind};

/// The code system and identifier system URIs medbill writes (checked against CARIN's
/// `Aliases.fsh`, PCT's FSH and HL7 terminology; `urn:medbill:` ones are medbill's own, for
/// payer-assigned ids and X12 codes no published system covers).
pub mod systems {
    /// THO claim type.
    pub const CLAIM_TYPE: &str = "http://terminology.hl7.org/CodeSystem/claim-type";
    /// THO v2 identifier types (MB, PLAC, TAX).
    pub const V2_0203: &str = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /// THO process priority.
    pub const PROCESS_PRIORITY: &str = "http://terminology.hl7.org/CodeSystem/processpriority";
    /// THO diagnosis type.
    pub const DIAGNOSIS_TYPE: &str = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";
    /// THO adjudication categories.
    pub const ADJUDICATION: &str = "http://terminology.hl7.org/CodeSystem/adjudication";
    /// THO related claim relationship.
    pub const RELATED_CLAIM: &str =
        "http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship";
    /// THO subscriber relationship.
    pub const SUBSCRIBER_RELATIONSHIP: &str =
        "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
    /// THO coverage class.
    pub const COVERAGE_CLASS: &str = "http://terminology.hl7.org/CodeSystem/coverage-class";
    /// THO claim care team role.
    pub const CARE_TEAM_ROLE: &str = "http://terminology.hl7.org/CodeSystem/claimcareteamrole";
    /// THO payee type.
    pub const PAYEE_TYPE: &str = "http://terminology.hl7.org/CodeSystem/payeetype";
    /// THO payment type.
    pub const PAYMENT_TYPE: &str = "http://terminology.hl7.org/CodeSystem/ex-paymenttype";
    /// THO benefit type, network, unit and term.
    pub const BENEFIT_TYPE: &str = "http://terminology.hl7.org/CodeSystem/benefit-type";
    /// THO benefit network.
    pub const BENEFIT_NETWORK: &str = "http://terminology.hl7.org/CodeSystem/benefit-network";
    /// THO benefit unit.
    pub const BENEFIT_UNIT: &str = "http://terminology.hl7.org/CodeSystem/benefit-unit";
    /// THO benefit term.
    pub const BENEFIT_TERM: &str = "http://terminology.hl7.org/CodeSystem/benefit-term";
    /// HL7 v3 ActCode (coverage type HIP, self-pay `pay`).
    pub const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /// The data-absent-reason extension.
    pub const DATA_ABSENT_REASON: &str =
        "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    /// THO data absent reason codes.
    pub const DATA_ABSENT_CODES: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    /// ICD-10-CM (dotted).
    pub const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
    /// ICD-10-PCS.
    pub const ICD10PCS: &str = "http://www.cms.gov/Medicare/Coding/ICD10";
    /// CPT codes and modifiers.
    pub const CPT: &str = "http://www.ama-assn.org/go/cpt";
    /// HCPCS Level II codes and modifiers.
    pub const HCPCS: &str = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    /// NPI.
    pub const NPI: &str = "http://hl7.org/fhir/sid/us-npi";
    /// US tax id (EIN).
    pub const TIN: &str = "urn:oid:2.16.840.1.113883.4.4";
    /// US social security number (a sole practitioner's tax id).
    pub const SSN: &str = "http://hl7.org/fhir/sid/us-ssn";
    /// NUCC provider taxonomy.
    pub const NUCC: &str = "http://nucc.org/provider-taxonomy";
    /// CMS place of service.
    pub const POS: &str =
        "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    /// NUBC revenue codes.
    pub const NUBC_REVENUE: &str = "https://www.nubc.org/CodeSystem/RevenueCodes";
    /// NUBC type of bill.
    pub const NUBC_TYPE_OF_BILL: &str = "https://www.nubc.org/CodeSystem/TypeOfBill";
    /// NUBC patient discharge status.
    pub const NUBC_DISCHARGE: &str = "https://www.nubc.org/CodeSystem/PatDischargeStatus";
    /// CARC.
    pub const CARC: &str = "https://x12.org/codes/claim-adjustment-reason-codes";
    /// RARC.
    pub const RARC: &str = "https://x12.org/codes/remittance-advice-remark-codes";
    /// CAS group codes (a convention of public 835-to-FHIR code, in no IG).
    pub const GROUP: &str = "https://x12.org/codes/claim-adjustment-group-codes";
    /// X12 service type codes (EB03).
    pub const SERVICE_TYPE: &str = "https://x12.org/codes/service-type-codes";
    /// CARIN code systems.
    pub const C4BB_ADJUDICATION: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";
    /// CARIN adjudication discriminator.
    pub const C4BB_DISCRIMINATOR: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator";
    /// CARIN payer adjudication status.
    pub const C4BB_STATUS: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus";
    /// CARIN supporting info type.
    pub const C4BB_SUPPORTING_INFO: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType";
    /// CARIN identifier type.
    pub const C4BB_IDENTIFIER: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";
    /// CARIN care team role.
    pub const C4BB_CARE_TEAM_ROLE: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole";
    /// CARIN institutional sub type.
    pub const C4BB_INSTITUTIONAL_SUBTYPE: &str =
        "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType";
    /// CARIN profiles.
    pub const C4BB_PROFILE: &str = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/";
    /// PCT code systems.
    pub const PCT_CS: &str = "http://hl7.org/fhir/us/davinci-pct/CodeSystem/";
    /// PCT profiles and extensions.
    pub const PCT_SD: &str = "http://hl7.org/fhir/us/davinci-pct/StructureDefinition/";
    /// PCT supporting info type.
    pub const PCT_SUPPORTING_INFO: &str =
        "http://hl7.org/fhir/us/davinci-pct/CodeSystem/PCTSupportingInfoType";
    /// PCT GFE frequency.
    pub const PCT_FREQUENCY: &str = "http://hl7.org/fhir/us/davinci-pct/CodeSystem/PCTGFEFrequency";
    /// medbill: a payer's id.
    pub const PAYER_ID: &str = "urn:medbill:payer-id";
    /// medbill: X12 SBR09 claim filing indicator.
    pub const FILING_INDICATOR: &str = "urn:medbill:x12:claim-filing-indicator";
    /// medbill: X12 individual relationship code (PAT01 / INS02).
    pub const X12_RELATIONSHIP: &str = "urn:medbill:x12:individual-relationship";
    /// medbill: AAA03 reject reason.
    pub const REJECT_REASON: &str = "urn:medbill:x12:reject-reason";
}

use systems::*;

/// A procedure code as CPT or HCPCS, by its shape.
pub(crate) fn procedure(code: &ProcedureCode) -> CodeableConcept {
    CodeableConcept::code(procedure_system(code), code.as_str())
}

/// The system of a procedure code: HCPCS Level II, else CPT.
pub(crate) fn procedure_system(code: &ProcedureCode) -> &'static str {
    match code.kind() {
        ProcedureKind::HcpcsLevelII => HCPCS,
        _ => CPT,
    }
}

/// A modifier, in its procedure's system (CPT modifiers are numeric, HCPCS ones letters).
pub(crate) fn modifier(code: &Modifier) -> CodeableConcept {
    let numeric = code.as_str().bytes().all(|b| b.is_ascii_digit());
    CodeableConcept::code(if numeric { CPT } else { HCPCS }, code.as_str())
}

/// An ICD-10-CM code, dotted (`J01.90`).
pub(crate) fn icd10cm(code: &Icd10Cm) -> CodeableConcept {
    CodeableConcept::code(ICD10CM, &code.to_string())
}

/// An ICD-10-PCS code.
pub(crate) fn icd10pcs(code: &Icd10Pcs) -> CodeableConcept {
    CodeableConcept::code(ICD10PCS, code.as_str())
}

/// The code of the first coding, whatever its system.
pub(crate) fn first_code(concept: &CodeableConcept) -> Option<&str> {
    concept
        .coding
        .first()
        .and_then(|c: &Coding| c.code.as_deref())
}

/// An adjudication category of THO.
pub(crate) fn category(code: &str) -> CodeableConcept {
    CodeableConcept::code(ADJUDICATION, code)
}

/// An adjudication category of CARIN.
pub(crate) fn c4bb(code: &str) -> CodeableConcept {
    CodeableConcept::code(C4BB_ADJUDICATION, code)
}

/// A CARIN adjudication discriminator.
pub(crate) fn discriminator(code: &str) -> CodeableConcept {
    CodeableConcept::code(C4BB_DISCRIMINATOR, code)
}
