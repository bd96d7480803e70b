//! The FHIR R4 (4.0.1) elements medbill writes and reads, as typed structs: only the elements
//! used, each named as in the specification (JSON names camelCase). Empty lists and absent
//! values are omitted, never written as `[]` or `null`.
//!
//! Decimals are [`Amount`] (a [`Money`]) and [`Number`] (a `rust_decimal::Decimal`), written as
//! JSON numbers with the value's exact text through `serde_json`'s `RawValue`: never through a
//! float.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::money::Money;

/// An amount of money as a FHIR decimal: a JSON number with the amount's exact text
/// (`150.00`), read back exactly. A JSON string, or a number with an exponent, is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount(pub Money);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        raw_number(&self.0.to_string())
            .map_err(S::Error::custom)?
            .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(deserializer)?;
        raw.get()
            .parse::<Money>()
            .map(Amount)
            .map_err(|_| D::Error::custom("a FHIR decimal amount is a plain JSON number"))
    }
}

/// A FHIR decimal that is not money (a quantity): a JSON number with the exact text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number(pub Decimal);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        raw_number(&self.0.to_string())
            .map_err(S::Error::custom)?
            .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(deserializer)?;
        let text = raw.get();
        let plain = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        if !plain {
            return Err(D::Error::custom("a FHIR decimal is a plain JSON number"));
        }
        Decimal::from_str_exact(text)
            .map(Number)
            .map_err(|_| D::Error::custom("a FHIR decimal out of range"))
    }
}

/// The text of a decimal as a raw JSON number, after checking it is one.
fn raw_number(text: &str) -> Result<Box<RawValue>, &'static str> {
    let plain = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    if !plain {
        return Err("a decimal's text is not a plain number");
    }
    RawValue::from_string(text.to_owned()).map_err(|_| "a decimal's text is not a JSON number")
}

/// `Coding`: a code from a code system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Coding {
    /// The code system's URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its text in the code system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// `CodeableConcept`: codings and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CodeableConcept {
    /// The codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// Plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl CodeableConcept {
    /// One code of one system.
    pub fn code(system: &str, code: &str) -> CodeableConcept {
        CodeableConcept {
            coding: vec![Coding {
                system: Some(system.to_owned()),
                code: Some(code.to_owned()),
                display: None,
            }],
            text: None,
        }
    }

    /// The first code of `system`, if any.
    pub fn code_of(&self, system: &str) -> Option<&str> {
        self.coding
            .iter()
            .find(|c| c.system.as_deref() == Some(system))
            .and_then(|c| c.code.as_deref())
    }

    /// Whether it holds `code` of `system`.
    pub fn is(&self, system: &str, code: &str) -> bool {
        self.coding
            .iter()
            .any(|c| c.system.as_deref() == Some(system) && c.code.as_deref() == Some(code))
    }
}

/// `Identifier`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Identifier {
    /// What kind of identifier it is.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    /// The namespace of the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Identifier {
    /// An identifier of a system.
    pub fn of(system: &str, value: &str) -> Identifier {
        Identifier {
            kind: None,
            system: Some(system.to_owned()),
            value: Some(value.to_owned()),
        }
    }

    /// The same, with a type.
    pub fn typed(mut self, kind: CodeableConcept) -> Identifier {
        self.kind = Some(kind);
        self
    }
}

/// `Extension`: only the value types medbill uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Extension {
    /// What the extension means.
    pub url: String,
    /// A string value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    /// A code value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_code: Option<String>,
    /// A CodeableConcept value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
    /// A Reference value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_reference: Option<Reference>,
}

impl Extension {
    /// A string extension.
    pub fn string(url: &str, value: String) -> Extension {
        Extension {
            url: url.to_owned(),
            value_string: Some(value),
            value_code: None,
            value_codeable_concept: None,
            value_reference: None,
        }
    }
}

/// `Reference`: a literal reference (`urn:uuid:…`), a logical one (an identifier), or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reference {
    /// Extensions (e.g. data-absent-reason, PCT providerTaxonomy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The literal reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The logical reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    /// Text for the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Reference {
    /// A literal reference.
    pub fn to(url: &str) -> Reference {
        Reference {
            reference: Some(url.to_owned()),
            ..Reference::default()
        }
    }

    /// A logical reference.
    pub fn logical(identifier: Identifier, display: Option<String>) -> Reference {
        Reference {
            identifier: Some(identifier),
            display,
            ..Reference::default()
        }
    }
}

/// `Period` of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    /// First day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

impl Period {
    /// From one day through another.
    pub fn of(start: NaiveDate, end: NaiveDate) -> Period {
        Period {
            start: Some(start),
            end: Some(end),
        }
    }
}

/// `Money`, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FhirMoney {
    /// The amount, exact.
    pub value: Amount,
    /// Always `USD`.
    pub currency: Currency,
}

impl From<Money> for FhirMoney {
    fn from(money: Money) -> FhirMoney {
        FhirMoney {
            value: Amount(money),
            currency: Currency::Usd,
        }
    }
}

/// The one currency medbill writes and reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Currency {
    /// US dollars.
    #[serde(rename = "USD")]
    Usd,
}

/// `SimpleQuantity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quantity {
    /// The value, exact.
    pub value: Number,
    /// The unit as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit's code system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The unit's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// `HumanName`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HumanName {
    /// Family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Given names (first, then middle).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<String>,
    /// Suffixes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suffix: Vec<String>,
}

/// `Address`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    /// Street lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line: Vec<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, two letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ZIP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

/// `Meta`: the profiles a resource claims, and when it was last updated (an instant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meta {
    /// An instant, `YYYY-MM-DDT00:00:00Z`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<String>,
    /// Profile canonical URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<String>,
}

/// `Patient`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Patient {
    /// `Patient`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Member ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// Names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<HumanName>,
    /// `female`, `male`, `unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<Address>,
}

/// `Organization`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organization {
    /// `Organization`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// NPI, tax id, payer id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<Address>,
}

/// `Practitioner`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Practitioner {
    /// `Practitioner`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// NPI, tax id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// Names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<HumanName>,
    /// Addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<Address>,
}

/// `Location`: a service facility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Location {
    /// `Location`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// NPI.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// `Coverage.class`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverageClass {
    /// `group`, `plan`.
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// The group or plan number.
    pub value: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `Coverage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Coverage {
    /// `Coverage`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Profiles and last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Member id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `active`: a record status (coverage not in force is said elsewhere).
    pub status: String,
    /// Kind of coverage.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    /// The subscriber, when not the beneficiary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscriber: Option<Reference>,
    /// The subscriber's member id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscriber_id: Option<String>,
    /// The patient covered.
    pub beneficiary: Reference,
    /// Relationship of the beneficiary to the subscriber.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<CodeableConcept>,
    /// Coverage period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The payer.
    pub payor: Vec<Reference>,
    /// Group and plan.
    #[serde(default, rename = "class", skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<CoverageClass>,
    /// 1 primary, 2 secondary, 3 tertiary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

/// `Claim.related`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelatedClaim {
    /// The prior claim (a logical reference to the payer's claim number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Reference>,
    /// `prior`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<CodeableConcept>,
}

/// `Claim.careTeam` / `ExplanationOfBenefit.careTeam`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CareTeam {
    /// 1-based.
    pub sequence: u32,
    /// The practitioner.
    pub provider: Reference,
    /// Rendering, referring, attending…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<CodeableConcept>,
    /// Taxonomy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification: Option<CodeableConcept>,
}

/// `Claim.supportingInfo` / `ExplanationOfBenefit.supportingInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupportingInfo {
    /// 1-based.
    pub sequence: u32,
    /// What it is.
    pub category: CodeableConcept,
    /// Its code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// A date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing_date: Option<NaiveDate>,
    /// A period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing_period: Option<Period>,
    /// A text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
}

/// `Claim.diagnosis` / `ExplanationOfBenefit.diagnosis`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Diagnosis {
    /// 1-based.
    pub sequence: u32,
    /// The ICD-10-CM code, dotted.
    pub diagnosis_codeable_concept: CodeableConcept,
    /// Principal, secondary, admitting…
    #[serde(default, rename = "type", skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<CodeableConcept>,
    /// Present on admission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_admission: Option<CodeableConcept>,
}

/// `Claim.procedure` / `ExplanationOfBenefit.procedure`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Procedure {
    /// 1-based.
    pub sequence: u32,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The ICD-10-PCS code.
    pub procedure_codeable_concept: CodeableConcept,
}

/// `Claim.insurance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimInsurance {
    /// 1-based.
    pub sequence: u32,
    /// True for the payer billed.
    pub focal: bool,
    /// The coverage.
    pub coverage: Reference,
    /// Prior authorization numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pre_auth_ref: Vec<String>,
}

/// `Claim.item`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimItem {
    /// Extensions (line item control number, PCT service description).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// 1-based.
    pub sequence: u32,
    /// Care team members of the line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care_team_sequence: Vec<u32>,
    /// Diagnosis pointers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis_sequence: Vec<u32>,
    /// Revenue code (institutional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<CodeableConcept>,
    /// Procedure code (CPT or HCPCS), or data-absent-reason.
    pub product_or_service: CodeableConcept,
    /// Modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifier: Vec<CodeableConcept>,
    /// One day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serviced_date: Option<NaiveDate>,
    /// A span of days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serviced_period: Option<Period>,
    /// Place of service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_codeable_concept: Option<CodeableConcept>,
    /// Units or minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Charge per unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<FhirMoney>,
    /// Line charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net: Option<FhirMoney>,
}

/// `Claim`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Claim {
    /// `Claim`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Extensions (medbill's X12 detail).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// Patient control number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `active`.
    pub status: String,
    /// Professional or institutional.
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// Inpatient or outpatient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<CodeableConcept>,
    /// `claim` or `predetermination`.
    #[serde(rename = "use")]
    pub use_: String,
    /// The patient.
    pub patient: Reference,
    /// Service period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billable_period: Option<Period>,
    /// Creation date.
    pub created: NaiveDate,
    /// The payer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurer: Option<Reference>,
    /// The billing provider.
    pub provider: Reference,
    /// `normal`.
    pub priority: CodeableConcept,
    /// The claim replaced or voided.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedClaim>,
    /// Referral number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Reference>,
    /// Service facility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility: Option<Reference>,
    /// Practitioners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care_team: Vec<CareTeam>,
    /// Frequency, type of bill, dates…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporting_info: Vec<SupportingInfo>,
    /// Diagnoses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis: Vec<Diagnosis>,
    /// ICD-10-PCS procedures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedure: Vec<Procedure>,
    /// Coverages.
    pub insurance: Vec<ClaimInsurance>,
    /// Lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ClaimItem>,
    /// Total charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<FhirMoney>,
}

/// An adjudication entry: a category with an amount, a reason or a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdjudicationEntry {
    /// Submitted, eligible, benefit, deductible, adjustmentreason…
    pub category: CodeableConcept,
    /// CARC, RARC or a network status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<CodeableConcept>,
    /// The amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<FhirMoney>,
    /// A number (allowed units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
}

/// A total by category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Total {
    /// Submitted, benefit, memberliability…
    pub category: CodeableConcept,
    /// The amount.
    pub amount: FhirMoney,
}

/// A payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Payment {
    /// Complete, partial, paid, denied.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    /// When paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// How much.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<FhirMoney>,
    /// The trace number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
}

/// `ClaimResponse.item`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResponseItem {
    /// The claim line (1-based).
    pub item_sequence: u32,
    /// What was done.
    pub adjudication: Vec<AdjudicationEntry>,
}

/// `ClaimResponse.processNote` / `ExplanationOfBenefit.processNote`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProcessNote {
    /// 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// `display`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The note.
    pub text: String,
}

/// `ClaimResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimResponse {
    /// `ClaimResponse`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Payer claim number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `active` (`cancelled` for a reversal).
    pub status: String,
    /// Professional or institutional.
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// `claim`.
    #[serde(rename = "use")]
    pub use_: String,
    /// The patient.
    pub patient: Reference,
    /// When.
    pub created: NaiveDate,
    /// The payer.
    pub insurer: Reference,
    /// The claim answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Reference>,
    /// `complete`.
    pub outcome: String,
    /// CLP02 in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<String>,
    /// Lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
    /// Claim-level adjustments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjudication: Vec<AdjudicationEntry>,
    /// Totals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub total: Vec<Total>,
    /// The payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub process_note: Vec<ProcessNote>,
}

/// `ExplanationOfBenefit.insurance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EobInsurance {
    /// True for the payer that issued it.
    pub focal: bool,
    /// The coverage.
    pub coverage: Reference,
}

/// `ExplanationOfBenefit.item`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EobItem {
    /// 1-based.
    pub sequence: u32,
    /// Care team members of the line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care_team_sequence: Vec<u32>,
    /// Diagnosis pointers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis_sequence: Vec<u32>,
    /// Revenue code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<CodeableConcept>,
    /// Procedure code.
    pub product_or_service: CodeableConcept,
    /// Modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifier: Vec<CodeableConcept>,
    /// One day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serviced_date: Option<NaiveDate>,
    /// A span of days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serviced_period: Option<Period>,
    /// Place of service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_codeable_concept: Option<CodeableConcept>,
    /// Units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// Line charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net: Option<FhirMoney>,
    /// What was done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjudication: Vec<AdjudicationEntry>,
}

/// `ExplanationOfBenefit.payee`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Payee {
    /// Provider or subscriber.
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// Who.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Reference>,
}

/// `ExplanationOfBenefit.benefitBalance.financial`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Financial {
    /// Deductible, out-of-pocket maximum…
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// The limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_money: Option<FhirMoney>,
    /// What is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_money: Option<FhirMoney>,
}

/// `ExplanationOfBenefit.benefitBalance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BenefitBalance {
    /// X12 service type.
    pub category: CodeableConcept,
    /// In or out of network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<CodeableConcept>,
    /// Individual or family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CodeableConcept>,
    /// Annual, lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<CodeableConcept>,
    /// Amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub financial: Vec<Financial>,
}

/// `ExplanationOfBenefit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExplanationOfBenefit {
    /// `ExplanationOfBenefit`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Profile (C4BB or PCT) and last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Extensions (PCT gfeReference).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The unique claim id.
    pub identifier: Vec<Identifier>,
    /// `active` or `cancelled`.
    pub status: String,
    /// Professional or institutional.
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// Inpatient or outpatient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<CodeableConcept>,
    /// `claim` or `predetermination`.
    #[serde(rename = "use")]
    pub use_: String,
    /// The patient.
    pub patient: Reference,
    /// Service period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billable_period: Option<Period>,
    /// When.
    pub created: NaiveDate,
    /// The payer.
    pub insurer: Reference,
    /// The billing provider.
    pub provider: Reference,
    /// The claim (by identifier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Reference>,
    /// `complete`.
    pub outcome: String,
    /// In words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<String>,
    /// Who is paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payee: Option<Payee>,
    /// Practitioners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub care_team: Vec<CareTeam>,
    /// Patient account number, received date…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporting_info: Vec<SupportingInfo>,
    /// Diagnoses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis: Vec<Diagnosis>,
    /// Coverages.
    pub insurance: Vec<EobInsurance>,
    /// Lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<EobItem>,
    /// Claim-level adjudication.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjudication: Vec<AdjudicationEntry>,
    /// Totals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub total: Vec<Total>,
    /// The payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
    /// Notes (disclaimers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub process_note: Vec<ProcessNote>,
    /// The plan period (PCT AEOB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_period: Option<Period>,
    /// Balances (PCT AEOB).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefit_balance: Vec<BenefitBalance>,
}

/// `CoverageEligibilityResponse.insurance.item.benefit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibilityBenefit {
    /// Deductible, copay, out-of-pocket maximum…
    #[serde(rename = "type")]
    pub kind: CodeableConcept,
    /// A limit as money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_money: Option<FhirMoney>,
    /// A limit as a whole number (a percent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_unsigned_int: Option<u32>,
    /// A limit as text (a percent with a fraction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_string: Option<String>,
    /// What is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_money: Option<FhirMoney>,
}

/// `CoverageEligibilityResponse.insurance.item`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibilityItem {
    /// X12 service type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CodeableConcept>,
    /// In or out of network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<CodeableConcept>,
    /// Individual or family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CodeableConcept>,
    /// Annual, lifetime…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<CodeableConcept>,
    /// Amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefit: Vec<EligibilityBenefit>,
    /// EB11 = Y.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_required: Option<bool>,
}

/// `CoverageEligibilityResponse.insurance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibilityInsurance {
    /// The coverage.
    pub coverage: Reference,
    /// Active on the date asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inforce: Option<bool>,
    /// The plan period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_period: Option<Period>,
    /// Benefits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<EligibilityItem>,
}

/// `CoverageEligibilityResponse.error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibilityError {
    /// The AAA03 reason.
    pub code: CodeableConcept,
}

/// `CoverageEligibilityResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverageEligibilityResponse {
    /// `CoverageEligibilityResponse`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The 271's control number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `active`.
    pub status: String,
    /// `validation`, `benefits`.
    pub purpose: Vec<String>,
    /// The patient.
    pub patient: Reference,
    /// The date asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serviced_date: Option<NaiveDate>,
    /// When.
    pub created: NaiveDate,
    /// The 270 answered.
    pub request: Reference,
    /// `complete` or `error`.
    pub outcome: String,
    /// The payer.
    pub insurer: Reference,
    /// The coverage found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub insurance: Vec<EligibilityInsurance>,
    /// Rejections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error: Vec<EligibilityError>,
}

/// Any resource medbill writes, for a Bundle entry (written only: a Bundle is read entry by
/// entry, see [`crate::fhir::claim_from_fhir`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Resource {
    /// A Claim.
    Claim(Box<Claim>),
    /// A ClaimResponse.
    ClaimResponse(Box<ClaimResponse>),
    /// An ExplanationOfBenefit.
    ExplanationOfBenefit(Box<ExplanationOfBenefit>),
    /// A Coverage.
    Coverage(Box<Coverage>),
    /// A CoverageEligibilityResponse.
    CoverageEligibilityResponse(Box<CoverageEligibilityResponse>),
    /// A Patient.
    Patient(Box<Patient>),
    /// An Organization.
    Organization(Box<Organization>),
    /// A Practitioner.
    Practitioner(Box<Practitioner>),
    /// A Location.
    Location(Box<Location>),
}

/// `Bundle.entry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry<R> {
    /// `urn:uuid:…`.
    pub full_url: String,
    /// The resource.
    pub resource: R,
}

/// A `Bundle` of type `collection`: resources referring to each other by `urn:uuid` fullUrl.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle<R = Resource> {
    /// `Bundle`.
    pub resource_type: String,
    /// Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Profile (PCT GFE Bundle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// The bundle's identifier (PCT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    /// `collection`.
    #[serde(rename = "type")]
    pub kind: String,
    /// An instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The resources.
    pub entry: Vec<Entry<R>>,
}

impl Bundle {
    /// The entry whose fullUrl is `url`.
    pub fn resolve(&self, url: &str) -> Option<&Resource> {
        self.entry
            .iter()
            .find(|e| e.full_url == url)
            .map(|e| &e.resource)
    }

    /// The first Claim entry.
    pub fn claim(&self) -> Option<&Claim> {
        self.entry.iter().find_map(|e| match &e.resource {
            Resource::Claim(c) => Some(c.as_ref()),
            _ => None,
        })
    }

    /// The first ExplanationOfBenefit entry.
    pub fn explanation_of_benefit(&self) -> Option<&ExplanationOfBenefit> {
        self.entry.iter().find_map(|e| match &e.resource {
            Resource::ExplanationOfBenefit(c) => Some(c.as_ref()),
            _ => None,
        })
    }
}
