//! What only institutional claims carry (UB-04 / 837I): the bill's type, stay, codes,
//! diagnoses with their present-on-admission indicators, inpatient procedures and lines.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::coded::PresentOnAdmission;
use super::{DrugQuantity, Provider};
use crate::codes::{ClaimFrequency, Icd10Cm, Icd10Pcs, Modifier, ProcedureCode, RevenueCode};
use crate::money::Money;

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
    /// Admission: its date and hour, type and source (DTP*435, CL101, CL102; FL 12–15).
    /// Required on inpatient claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admission: Option<Admission>,
    /// Discharge hour (DTP*096, FL 16), 0–23.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharge_hour: Option<u8>,
    /// Patient discharge status (CL103, FL 17), e.g. `01`.
    pub patient_status: String,
    /// Attending provider (2310A, FL 76).
    pub attending_provider: Provider,
    /// Operating physician (2310B, FL 77).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating_provider: Option<Provider>,
    /// Another operating physician (2310C, FL 78), a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_operating_provider: Option<Provider>,
    /// Whether each of the claim's diagnoses, principal first, was present on admission
    /// (HI C022-9, FL 67 and 67A–Q): empty, or one entry per diagnosis, `null` where the
    /// diagnosis is exempt from reporting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present_on_admission: Vec<Option<PresentOnAdmission>>,
    /// The diagnosis at admission (HI*ABJ, FL 69): required on inpatient claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admitting_diagnosis: Option<Icd10Cm>,
    /// The patient's reasons for an outpatient visit (HI*APR, FL 70), at most three.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons_for_visit: Vec<Icd10Cm>,
    /// External causes of injury (HI*ABN, FL 72), at most twelve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_causes: Vec<ExternalCause>,
    /// The diagnosis related group the claim is billed under (HI*DR, FL 71).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg: Option<String>,
    /// ICD-10-PCS procedures, principal first (HI*BBR, then HI*BBQ; FL 74 and 74a–e): at
    /// most 25, each with its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<PcsProcedure>,
    /// Occurrence span codes with their periods (HI*BI, FL 35–36), at most 24.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrence_spans: Vec<OccurrenceSpan>,
    /// Condition codes (HI BG, FL 18–28).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition_codes: Vec<String>,
    /// Occurrence codes with dates (HI BH, FL 31–34).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrence_codes: Vec<OccurrenceCode>,
    /// Value codes with amounts (HI BE, FL 39–41).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub value_codes: Vec<ValueCode>,
    /// Home health plan-of-treatment codes (HI*TC), at most 24.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub treatment_codes: Vec<String>,
    /// What the patient is estimated to owe (AMT*F3, FL 55).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_amount_due: Option<Money>,
    /// Remarks for the payer (NTE*ADD, FL 80), 1–80 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_note: Option<String>,
    /// Service lines (2400, FL 42–47), at most 999.
    pub lines: Vec<InstitutionalLine>,
}

impl Institutional {
    /// An institutional claim's content with what every bill has (type, statement period,
    /// patient status, attending provider, lines) and nothing else yet.
    pub fn new(
        facility_type: String,
        statement_from: NaiveDate,
        statement_through: NaiveDate,
        patient_status: String,
        attending_provider: Provider,
        lines: Vec<InstitutionalLine>,
    ) -> Institutional {
        Institutional {
            facility_type,
            statement_from,
            statement_through,
            admission: None,
            discharge_hour: None,
            patient_status,
            attending_provider,
            operating_provider: None,
            other_operating_provider: None,
            present_on_admission: Vec::new(),
            admitting_diagnosis: None,
            reasons_for_visit: Vec::new(),
            external_causes: Vec::new(),
            drg: None,
            procedures: Vec::new(),
            occurrence_spans: Vec::new(),
            condition_codes: Vec::new(),
            occurrence_codes: Vec::new(),
            value_codes: Vec::new(),
            treatment_codes: Vec::new(),
            estimated_amount_due: None,
            billing_note: None,
            lines,
        }
    }

    /// The four-character type of bill: `0` + facility type + frequency (FL 4).
    pub fn type_of_bill(&self, frequency: ClaimFrequency) -> String {
        format!("0{}{}", self.facility_type, frequency.code())
    }

    /// Whether the bill is for an inpatient stay: facility type 11 (hospital inpatient, Part
    /// A), 18 (hospital swing bed), 21 (skilled nursing inpatient, Part A) or 41 (religious
    /// nonmedical health care institution, inpatient).
    pub fn is_inpatient(&self) -> bool {
        INPATIENT_FACILITY_TYPES.contains(&self.facility_type.as_str())
    }
}

/// Type-of-bill digits 2–3 of the inpatient bills [`Institutional::is_inpatient`] names
/// (NUBC: 1x hospital, 2x skilled nursing, 4x religious nonmedical; x1 inpatient Part A,
/// x8 swing bed). Inpatient Part B bills (12x, 22x) bill ancillary services, not a stay.
const INPATIENT_FACILITY_TYPES: [&str; 4] = ["11", "18", "21", "41"];

/// An admission (DTP*435, CL101, CL102).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Admission {
    /// Admission date (DTP*435, FL 12); an outpatient bill may send the type and source of
    /// its visit without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Admission hour, 0–23 (FL 13), with the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hour: Option<u8>,
    /// Priority (type) of admission or visit (CL101, FL 14).
    pub type_code: String,
    /// Point of origin (source) of admission or visit (CL102, FL 15).
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

/// An occurrence span code and its period (HI*BI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OccurrenceSpan {
    /// The code (two digits or capital letters).
    pub code: String,
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub through: NaiveDate,
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

/// An external cause of injury (HI*ABN).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExternalCause {
    /// The ICD-10-CM code (V00–Y99).
    pub code: Icd10Cm,
    /// Whether it was present on admission; absent when exempt or not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present_on_admission: Option<PresentOnAdmission>,
}

/// An inpatient procedure (HI*BBR principal, HI*BBQ other).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PcsProcedure {
    /// The ICD-10-PCS code.
    pub code: Icd10Pcs,
    /// When it was performed: the 837I requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
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
