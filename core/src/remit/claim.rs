//! A claim of an 835 (loop 2100), its service lines (loop 2110) and the provider-level
//! adjustments (PLB).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    ClaimStatus, Coded, CompactString, Contact, InpatientAdjudication, OutpatientAdjudication,
    Reference, Remarks,
};
use crate::codes::{Carc, GroupCode, Rarc};
use crate::money::Money;
use crate::phi::Phi;

/// One adjudicated claim (CLP loop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitClaim {
    /// CLP01 the provider's patient control number.
    #[schemars(with = "String")]
    pub patient_control_number: CompactString,
    /// CLP02 status.
    pub status: Coded<ClaimStatus>,
    /// CLP03 charge; `null` when missing or unreadable (with an error finding).
    pub charge: Option<Money>,
    /// CLP04 payment; `null` when missing or unreadable (with an error finding).
    pub paid: Option<Money>,
    /// CLP05 patient responsibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_responsibility: Option<Money>,
    /// CLP06 claim filing indicator (`MB`, `MC`, `12`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub filing_indicator: Option<CompactString>,
    /// CLP07 the payer's claim control number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
    /// CLP08 facility type (place of service or bill type digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub facility_code: Option<CompactString>,
    /// CLP09 claim frequency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub frequency: Option<CompactString>,
    /// CLP11 diagnosis related group (DRG) code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub drg_code: Option<CompactString>,
    /// CLP12 DRG weight.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub drg_weight: Option<Decimal>,
    /// CLP13 discharge fraction (a percentage as a decimal).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub discharge_fraction: Option<Decimal>,
    /// Claim-level CAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<RemitAdjustment>,
    /// NM1*QC the patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient: Option<Phi<RemitName>>,
    /// NM1*IL the insured (subscriber), when not the patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured: Option<Phi<RemitName>>,
    /// NM1*74 the patient's or insured's name and id as the payer corrected them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected_patient: Option<Phi<RemitName>>,
    /// NM1*82 the rendering (service) provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_provider: Option<RemitName>,
    /// NM1*TT the crossover carrier the claim was forwarded to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crossover_carrier: Option<RemitName>,
    /// NM1*PR the payer the claim should have gone to first (corrected priority payer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected_priority_payer: Option<RemitName>,
    /// NM1*GB the other subscriber.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_subscriber: Option<Phi<RemitName>>,
    /// MIA inpatient adjudication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inpatient: Option<InpatientAdjudication>,
    /// MOA outpatient adjudication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outpatient: Option<OutpatientAdjudication>,
    /// Claim-level REF (other claim ids, rendering provider ids), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// DTM*232 statement period start.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub statement_from: Option<NaiveDate>,
    /// DTM*233 statement period end.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub statement_through: Option<NaiveDate>,
    /// DTM*036 coverage expiration date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub coverage_expiration: Option<NaiveDate>,
    /// DTM*050 date the payer received the claim.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub received: Option<NaiveDate>,
    /// Claim DTMs with a qualifier the guide does not list (a warning says so).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_dates: Vec<QualifiedDate>,
    /// PER*CX claim contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Claim-level AMT (`AU` coverage amount, `I` interest, `F5` patient paid, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<QualifiedAmount>,
    /// Claim-level QTY (`CA` covered days, `LA` lifetime reserve days, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<QualifiedQuantity>,
    /// SVC loops.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<RemitLine>,
}

impl RemitClaim {
    /// A claim with its control number, status, charge and payment, and nothing else.
    pub fn new(
        patient_control_number: &str,
        status: Coded<ClaimStatus>,
        charge: Option<Money>,
        paid: Option<Money>,
    ) -> RemitClaim {
        RemitClaim {
            patient_control_number: patient_control_number.into(),
            status,
            charge,
            paid,
            patient_responsibility: None,
            filing_indicator: None,
            payer_claim_number: None,
            facility_code: None,
            frequency: None,
            drg_code: None,
            drg_weight: None,
            discharge_fraction: None,
            adjustments: Vec::new(),
            patient: None,
            insured: None,
            corrected_patient: None,
            service_provider: None,
            crossover_carrier: None,
            corrected_priority_payer: None,
            other_subscriber: None,
            inpatient: None,
            outpatient: None,
            references: Vec::new(),
            statement_from: None,
            statement_through: None,
            coverage_expiration: None,
            received: None,
            other_dates: Vec::new(),
            contacts: Vec::new(),
            amounts: Vec::new(),
            quantities: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// The claim's remark codes: MOA03–07, then MIA05 and MIA20–23.
    pub fn remarks(&self) -> impl Iterator<Item = &Coded<Rarc>> {
        let outpatient = self.outpatient.iter().flat_map(|o| o.remarks.iter());
        let inpatient = self.inpatient.iter().flat_map(|i| i.remarks.iter());
        outpatient.chain(inpatient)
    }

    /// The member id: the patient's NM109, else the insured's.
    pub fn member_id(&self) -> Option<&CompactString> {
        [&self.patient, &self.insured]
            .into_iter()
            .flatten()
            .find_map(|name| name.expose().id.as_ref())
    }
}

/// A name of the claim loop (NM1): a person or an organization, with its id. Every element
/// as sent; which entity it is (patient, insured, provider…) is the field holding it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitName {
    /// NM102: `1` person, `2` non-person entity.
    #[schemars(with = "String")]
    pub entity_type: CompactString,
    /// NM103 last or organization name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub name: Option<CompactString>,
    /// NM104 first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub first: Option<CompactString>,
    /// NM105 middle name or initial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub middle: Option<CompactString>,
    /// NM107 suffix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub suffix: Option<CompactString>,
    /// NM108 what kind of id NM109 is (`MI` member id, `XX` NPI, `FI` tax id, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub id_qualifier: Option<CompactString>,
    /// NM109.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub id: Option<CompactString>,
}

/// One claim adjustment (a CAS triple).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitAdjustment {
    /// CAS01 group code.
    pub group: Coded<GroupCode>,
    /// Reason code (CARC).
    pub reason: Coded<Carc>,
    /// Amount: positive decreases the payment; `null` when missing or unreadable (with an
    /// error finding).
    pub amount: Option<Money>,
    /// Quantity, when sent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub quantity: Option<Decimal>,
    /// Whether the sender began a CAS segment of its own with this adjustment although the
    /// one before has the same group and room was left in its segment (the writer then does
    /// likewise, so the file is written back as sent). Otherwise adjustments of one group
    /// share a segment, six at most.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub separate: bool,
}

/// A procedure as an 835 names it (SVC01 or SVC06): qualifier (`HC` HCPCS/CPT, `NU`
/// revenue, `N4` NDC, `AD`, `ER`, `IV`, …), code, modifiers and description, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceProcedure {
    /// Product/service id qualifier.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// The code.
    #[schemars(with = "String")]
    pub code: CompactString,
    /// Modifiers, up to four, in their positions (an empty one keeps its place).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub modifiers: Vec<CompactString>,
    /// The procedure's description (SVC01-7), when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub description: Option<CompactString>,
}

impl std::fmt::Display for ServiceProcedure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code)?;
        for modifier in self.modifiers.iter().filter(|m| !m.is_empty()) {
            write!(f, "-{modifier}")?;
        }
        Ok(())
    }
}

/// A qualified amount (AMT): `AU` coverage, `B6` allowed, `D8` discount, `I` interest, ….
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QualifiedAmount {
    /// AMT01.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// AMT02 (informational: not part of balancing); `null` when missing or unreadable.
    pub amount: Option<Money>,
}

/// A qualified quantity (QTY): `CA` covered days, `LA` lifetime reserve, `ZK`…, ….
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "RemitQualifiedQuantity")]
pub struct QualifiedQuantity {
    /// QTY01.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// QTY02; `null` when missing or unreadable.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub quantity: Option<Decimal>,
}

/// A date with its DTM01 qualifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "RemitQualifiedDate")]
pub struct QualifiedDate {
    /// DTM01.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// DTM02.
    #[serde(serialize_with = "super::dates::date")]
    pub date: NaiveDate,
}

/// One adjudicated service line (SVC loop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RemitLine {
    /// SVC01 procedure as adjudicated.
    pub procedure: ServiceProcedure,
    /// SVC02 charge; `null` when missing or unreadable (with an error finding).
    pub charge: Option<Money>,
    /// SVC03 payment; `null` when missing or unreadable (with an error finding).
    pub paid: Option<Money>,
    /// SVC04 revenue code (institutional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub revenue_code: Option<CompactString>,
    /// SVC05 units paid.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units_paid: Option<Decimal>,
    /// SVC06 procedure as submitted, when the payer changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_procedure: Option<ServiceProcedure>,
    /// SVC07 units submitted, when they differ.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units_submitted: Option<Decimal>,
    /// DTM*472 the date of service.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub service_date: Option<NaiveDate>,
    /// DTM*150 the first day of a span of service.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub period_start: Option<NaiveDate>,
    /// DTM*151 the last day of a span of service.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::dates::optional_date"
    )]
    pub period_end: Option<NaiveDate>,
    /// Line DTMs with a qualifier the guide does not list (a warning says so).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_dates: Vec<QualifiedDate>,
    /// Line-level CAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<RemitAdjustment>,
    /// REF*6R the provider's line item control number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub control_number: Option<CompactString>,
    /// Other line REFs (service ids, rendering provider ids, policy ids), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// AMT*B6 allowed amount (informational, not part of balancing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    /// Other line AMTs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<QualifiedAmount>,
    /// Line QTYs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<QualifiedQuantity>,
    /// LQ*HE remark codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Remarks,
    /// LQ*RX NCPDP reject reason codes, as sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub reject_reasons: Vec<CompactString>,
}

impl RemitLine {
    /// A line with its procedure, charge and payment, and nothing else.
    pub fn new(procedure: ServiceProcedure, charge: Option<Money>, paid: Option<Money>) -> Self {
        RemitLine {
            procedure,
            charge,
            paid,
            revenue_code: None,
            units_paid: None,
            submitted_procedure: None,
            units_submitted: None,
            service_date: None,
            period_start: None,
            period_end: None,
            other_dates: Vec::new(),
            adjustments: Vec::new(),
            control_number: None,
            references: Vec::new(),
            allowed: None,
            amounts: Vec::new(),
            quantities: Vec::new(),
            remarks: Vec::new(),
            reject_reasons: Vec::new(),
        }
    }

    /// The date of service, or the first day of the span.
    pub fn first_service_date(&self) -> Option<NaiveDate> {
        self.service_date.or(self.period_start)
    }
}

/// One PLB adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProviderAdjustment {
    /// PLB01 provider identifier.
    #[schemars(with = "String")]
    pub provider: CompactString,
    /// PLB02 the last day of the provider's fiscal period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_period_end: Option<NaiveDate>,
    /// PLB03-1 reason (WO, FB, L6, 72…).
    #[schemars(with = "String")]
    pub reason: CompactString,
    /// PLB03-2 reference (often the claim), when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub reference: Option<CompactString>,
    /// Amount: positive decreases the payment; `null` when missing or unreadable (with an
    /// error finding).
    pub amount: Option<Money>,
}
