//! Remittances (835): the model, the balancing checks of RULES.md §8 and secondary claims
//! from a prior payer's adjudication. The 835 reader and writer are in [`crate::x12`].
//!
//! Codes are typed ([`GroupCode`], [`Carc`], [`Rarc`], [`ClaimStatus`]); a code that does not
//! parse is kept as sent in [`Coded::Unrecognized`] with a finding, so its amount still
//! counts. Amounts are exact; an unbalanced or malformed 835 is read with findings rather
//! than refused.

mod balance;
mod secondary;

use chrono::NaiveDate;
pub use compact_str::CompactString;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::claim::PersonName;
use crate::codes::{Carc, GroupCode, Rarc};
use crate::finding::Finding;
use crate::money::Money;
use crate::phi::Phi;

pub use crate::claim::Address;
pub(crate) use balance::balance_claim;
pub use secondary::{OtherCoverage, OtherPayerError, PriorAdjudication, PriorPayer, send_on};

/// A code as typed when it parses, else as sent (with a finding saying so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Coded{T}")]
pub enum Coded<T> {
    /// A valid code.
    Known(T),
    /// The text sent, which is not a valid code.
    Unrecognized(#[schemars(with = "String")] CompactString),
}

impl<T: std::fmt::Display> std::fmt::Display for Coded<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Coded::Known(code) => code.fmt(f),
            Coded::Unrecognized(text) => f.write_str(text),
        }
    }
}

impl<T> Coded<T> {
    /// The valid code, if it is one.
    pub fn known(&self) -> Option<&T> {
        match self {
            Coded::Known(code) => Some(code),
            Coded::Unrecognized(_) => None,
        }
    }
}

/// CLP02 claim status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimStatus {
    /// 1: processed as primary.
    Primary,
    /// 2: processed as secondary.
    Secondary,
    /// 3: processed as tertiary.
    Tertiary,
    /// 4: denied.
    Denied,
    /// 19: processed as primary, forwarded to another payer.
    PrimaryForwarded,
    /// 20: processed as secondary, forwarded.
    SecondaryForwarded,
    /// 21: processed as tertiary, forwarded.
    TertiaryForwarded,
    /// 22: reversal of a previous payment.
    Reversal,
    /// 23: not our claim, forwarded to another payer.
    NotOurClaimForwarded,
    /// 25: predetermination pricing only, no payment.
    Predetermination,
}

impl ClaimStatus {
    /// Parses CLP02; `None` for a code not in the 5010 list.
    pub fn parse(value: &str) -> Option<ClaimStatus> {
        Some(match value {
            "1" => ClaimStatus::Primary,
            "2" => ClaimStatus::Secondary,
            "3" => ClaimStatus::Tertiary,
            "4" => ClaimStatus::Denied,
            "19" => ClaimStatus::PrimaryForwarded,
            "20" => ClaimStatus::SecondaryForwarded,
            "21" => ClaimStatus::TertiaryForwarded,
            "22" => ClaimStatus::Reversal,
            "23" => ClaimStatus::NotOurClaimForwarded,
            "25" => ClaimStatus::Predetermination,
            _ => return None,
        })
    }

    /// The code as sent in CLP02.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimStatus::Primary => "1",
            ClaimStatus::Secondary => "2",
            ClaimStatus::Tertiary => "3",
            ClaimStatus::Denied => "4",
            ClaimStatus::PrimaryForwarded => "19",
            ClaimStatus::SecondaryForwarded => "20",
            ClaimStatus::TertiaryForwarded => "21",
            ClaimStatus::Reversal => "22",
            ClaimStatus::NotOurClaimForwarded => "23",
            ClaimStatus::Predetermination => "25",
        }
    }

    /// In words, for an EOB.
    pub fn describe(&self) -> &'static str {
        match self {
            ClaimStatus::Primary => "processed as primary",
            ClaimStatus::Secondary => "processed as secondary",
            ClaimStatus::Tertiary => "processed as tertiary",
            ClaimStatus::Denied => "denied",
            ClaimStatus::PrimaryForwarded => "processed as primary, forwarded",
            ClaimStatus::SecondaryForwarded => "processed as secondary, forwarded",
            ClaimStatus::TertiaryForwarded => "processed as tertiary, forwarded",
            ClaimStatus::Reversal => "reversal of previous payment",
            ClaimStatus::NotOurClaimForwarded => "not our claim, forwarded",
            ClaimStatus::Predetermination => "predetermination pricing only",
        }
    }
}

impl std::fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ClaimStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ClaimStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ClaimStatus::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("not a CLP02 claim status code"))
    }
}

impl JsonSchema for ClaimStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClaimStatus".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "CLP02 claim status code.",
            "enum": ["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"]
        })
    }
}

/// A qualified reference (REF): qualifier and value, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// REF01, e.g. `1K` payer claim number, `EA` medical record, `LU` location.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// REF02.
    #[schemars(with = "String")]
    pub value: CompactString,
}

/// A qualified amount (AMT): `AU` coverage, `B6` allowed, `D8` discount, `I` interest, ….
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct QualifiedAmount {
    /// AMT01.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// AMT02 (informational: not part of balancing).
    pub amount: Money,
}

/// A procedure as an 835 names it (SVC01 or SVC06): qualifier (`HC` HCPCS/CPT, `NU`
/// revenue, `N4` NDC, `AD`, `ER`, `IV`, …), code and modifiers, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceProcedure {
    /// Product/service id qualifier.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// The code.
    #[schemars(with = "String")]
    pub code: CompactString,
    /// Modifiers, up to four.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub modifiers: Vec<CompactString>,
}

impl std::fmt::Display for ServiceProcedure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code)?;
        for modifier in &self.modifiers {
            write!(f, "-{modifier}")?;
        }
        Ok(())
    }
}

/// One 835 transaction set: a payment and the claims it pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Remittance {
    /// ST02.
    #[schemars(with = "String")]
    pub control_number: CompactString,
    /// ST03 or GS08, e.g. `005010X221A1`.
    #[schemars(with = "String")]
    pub version: CompactString,
    /// BPR and TRN.
    pub payment: Payment,
    /// N1*PR.
    pub payer: Party,
    /// N1*PE.
    pub payee: Party,
    /// CLP loops.
    pub claims: Vec<RemitClaim>,
    /// PLB provider-level adjustments.
    pub provider_adjustments: Vec<ProviderAdjustment>,
    /// Balancing and reading findings (positions, never data).
    pub findings: Vec<Finding>,
}

/// The payment (BPR) and its trace (TRN).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// BPR01 transaction handling code (I remittance and payment, H notification only…).
    #[schemars(with = "String")]
    pub handling: CompactString,
    /// BPR02 total payment.
    pub amount: Money,
    /// BPR03 C (credit) or D (debit).
    #[schemars(with = "String")]
    pub credit_debit: CompactString,
    /// BPR04 method (ACH, CHK, NON…).
    #[schemars(with = "String")]
    pub method: CompactString,
    /// BPR16 check issue or EFT effective date.
    pub date: Option<NaiveDate>,
    /// TRN02 check or EFT trace number.
    #[schemars(with = "Option<String>")]
    pub trace_number: Option<CompactString>,
    /// TRN03 payer identifier (`1` + tax id, usually).
    #[schemars(with = "Option<String>")]
    pub payer_identifier: Option<CompactString>,
    /// DTM*405 production date.
    pub production_date: Option<NaiveDate>,
    /// Header REFs (`EV` receiver id, `F2` version).
    pub references: Vec<Reference>,
}

/// A payer or payee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    /// N102.
    #[schemars(with = "String")]
    pub name: CompactString,
    /// N103: what kind of id N104 is (`XX` NPI, `FI` tax id, `XV` CMS plan id, …).
    #[schemars(with = "Option<String>")]
    pub id_qualifier: Option<CompactString>,
    /// N104, when sent.
    #[schemars(with = "Option<String>")]
    pub id: Option<CompactString>,
    /// N3/N4.
    pub address: Option<crate::claim::Address>,
    /// REF segments of the party loop (additional payer or payee ids).
    pub references: Vec<Reference>,
    /// PER contacts (payer business and technical contacts, web site).
    pub contacts: Vec<Contact>,
}

/// A PER contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// PER01: `CX` business, `BL` technical, `IC` web site.
    #[schemars(with = "String")]
    pub function: CompactString,
    /// PER02.
    #[schemars(with = "Option<String>")]
    pub name: Option<CompactString>,
    /// (qualifier, value) pairs: `TE` phone, `EM` email, `UR` web, `FX` fax, `EX` extension.
    pub numbers: Vec<Reference>,
}

/// One claim adjustment (CAS triple).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitAdjustment {
    /// CAS01 group code.
    pub group: Coded<GroupCode>,
    /// Reason code (CARC).
    pub reason: Coded<Carc>,
    /// Amount: positive decreases the payment.
    pub amount: Money,
    /// Quantity, when sent.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub quantity: Option<Decimal>,
}

/// One adjudicated claim (CLP loop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitClaim {
    /// CLP01 the provider's patient control number.
    #[schemars(with = "String")]
    pub patient_control_number: CompactString,
    /// CLP02 status.
    pub status: Coded<ClaimStatus>,
    /// CLP03 charge.
    pub charge: Money,
    /// CLP04 payment.
    pub paid: Money,
    /// CLP05 patient responsibility.
    pub patient_responsibility: Option<Money>,
    /// CLP06 claim filing indicator (`MB`, `MC`, `12`, …).
    #[schemars(with = "Option<String>")]
    pub filing_indicator: Option<CompactString>,
    /// CLP07 the payer's claim control number.
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
    /// CLP08 facility type (place of service or bill type digits).
    #[schemars(with = "Option<String>")]
    pub facility_code: Option<CompactString>,
    /// CLP09 claim frequency.
    #[schemars(with = "Option<String>")]
    pub frequency: Option<CompactString>,
    /// NM1*QC patient name.
    pub patient_name: Option<Phi<PersonName>>,
    /// NM1*QC or NM1*IL member id (NM109).
    #[schemars(with = "Option<Phi<String>>")]
    pub member_id: Option<Phi<CompactString>>,
    /// DTM*232 statement period start.
    pub statement_from: Option<NaiveDate>,
    /// DTM*233 statement period end.
    pub statement_through: Option<NaiveDate>,
    /// DTM*050 date the payer received the claim.
    pub received: Option<NaiveDate>,
    /// Claim-level CAS.
    pub adjustments: Vec<RemitAdjustment>,
    /// Remark codes from MOA (professional) and MIA (institutional).
    pub remarks: Vec<Coded<Rarc>>,
    /// Claim-level REF.
    pub references: Vec<Reference>,
    /// Claim-level AMT (`AU` coverage amount, `I` interest, `F5` patient paid, …).
    pub amounts: Vec<QualifiedAmount>,
    /// SVC loops.
    pub lines: Vec<RemitLine>,
}

/// One adjudicated service line (SVC loop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitLine {
    /// SVC01 procedure as adjudicated.
    pub procedure: ServiceProcedure,
    /// SVC06 procedure as submitted, when the payer changed it.
    pub submitted_procedure: Option<ServiceProcedure>,
    /// SVC02 charge.
    pub charge: Money,
    /// SVC03 payment.
    pub paid: Money,
    /// SVC04 revenue code (institutional).
    #[schemars(with = "Option<String>")]
    pub revenue_code: Option<CompactString>,
    /// SVC05 units paid.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units_paid: Option<Decimal>,
    /// SVC07 units submitted, when they differ.
    #[serde(with = "rust_decimal::serde::str_option")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units_submitted: Option<Decimal>,
    /// DTM*472 (or 150) date of service.
    pub service_date: Option<NaiveDate>,
    /// DTM*151 last date of a span.
    pub service_date_end: Option<NaiveDate>,
    /// Line-level CAS.
    pub adjustments: Vec<RemitAdjustment>,
    /// REF*6R the provider's line item control number.
    #[schemars(with = "Option<String>")]
    pub control_number: Option<CompactString>,
    /// Other line REFs.
    pub references: Vec<Reference>,
    /// AMT*B6 allowed amount (informational, not part of balancing).
    pub allowed: Option<Money>,
    /// Other line AMTs.
    pub amounts: Vec<QualifiedAmount>,
    /// LQ*HE remark codes.
    pub remarks: Vec<Coded<Rarc>>,
}

/// One PLB adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProviderAdjustment {
    /// PLB01 provider identifier.
    #[schemars(with = "String")]
    pub provider: CompactString,
    /// PLB02 the last day of the provider's fiscal period.
    pub fiscal_period_end: Option<NaiveDate>,
    /// PLB03-1 reason (WO, FB, L6, 72…).
    #[schemars(with = "String")]
    pub reason: CompactString,
    /// PLB03-2 reference (often the claim), when sent.
    #[schemars(with = "Option<String>")]
    pub reference: Option<CompactString>,
    /// Amount: positive decreases the payment.
    pub amount: Money,
}

impl Remittance {
    /// The balancing checks of RULES.md §8 as findings: each line (SVC02 − CAS = SVC03), each
    /// claim (CLP03 − all CAS = CLP04) and the transaction (Σ CLP04 − Σ PLB = BPR02).
    pub fn balance(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (c, claim) in self.claims.iter().enumerate() {
            balance_claim(claim, c, &mut findings);
        }
        let paid = Money::sum(self.claims.iter().map(|c| c.paid));
        let plb = Money::sum(self.provider_adjustments.iter().map(|p| p.amount));
        let expected = paid.and_then(|p| plb.and_then(|b| p.checked_sub(b)));
        if expected != Ok(self.payment.amount) {
            findings.push(Finding::warning(
                "REMIT-TRANSACTION-BALANCE",
                "/payment/amount",
                "the claims' payments less the provider adjustments do not equal the total payment",
            ));
        }
        findings
    }
}
