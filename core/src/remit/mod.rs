//! Remittances (835): the model, the balancing checks of RULES.md §8 and secondary claims
//! from a prior payer's adjudication. The 835 reader and writer are in [`crate::x12`].
//!
//! The model carries every segment and element the 835 guide (005010X221A1) uses: a file
//! read and written again gives the same segments. Codes are typed ([`GroupCode`], [`Carc`],
//! [`Rarc`], [`ClaimStatus`]); a code that does not parse is kept as sent in
//! [`Coded::Unrecognized`] with a finding, so its amount still counts. Amounts are exact. An
//! amount the guide requires that is missing or unreadable is absent (`None`, `null` in
//! JSON) with an error finding, never an invented zero; balancing that needs it says the
//! claim cannot be balanced. An unbalanced or malformed 835 is read with findings rather
//! than refused.

mod adjudication;
mod balance;
mod claim;
mod dates;
mod group;
mod payment;
mod remitted;
mod secondary;

pub use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::Rarc;
use crate::finding::Finding;

pub use adjudication::{InpatientAdjudication, OutpatientAdjudication};
pub use balance::balanced;
pub(crate) use balance::{Total, balance_claim, balance_transaction};
pub use claim::{
    ProviderAdjustment, QualifiedAmount, QualifiedDate, QualifiedQuantity, RemitAdjustment,
    RemitClaim, RemitLine, RemitName, ServiceProcedure,
};
pub use group::{ClaimGroup, ProviderSummary, SupplementalSummary};
pub use payment::{BankAccount, Contact, Currency, DeliveryMethod, Party, PartyAddress, Payment};
pub use remitted::{PriorRemittance, coordinate_remittance};
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reference {
    /// REF01, e.g. `1K` payer claim number, `EA` medical record, `LU` location.
    #[schemars(with = "String")]
    pub qualifier: CompactString,
    /// REF02.
    #[schemars(with = "String")]
    pub value: CompactString,
}

/// One 835 transaction set: a payment and the claims it pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Remittance {
    /// ST02.
    #[schemars(with = "String")]
    pub control_number: CompactString,
    /// ST03 or GS08, e.g. `005010X221A1`.
    #[schemars(with = "String")]
    pub version: CompactString,
    /// BPR, TRN, CUR, header REF and DTM*405.
    pub payment: Payment,
    /// Loop 1000A (N1*PR).
    pub payer: Party,
    /// Loop 1000B (N1*PE).
    pub payee: Party,
    /// Loop 2000: the LX groups of claims with their provider summaries (TS3, TS2). A
    /// remittance with claims and no group is written under one `LX*1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ClaimGroup>,
    /// Loop 2100 (CLP), in order.
    pub claims: Vec<RemitClaim>,
    /// PLB provider-level adjustments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provider_adjustments: Vec<ProviderAdjustment>,
    /// Balancing and reading findings (positions, never data).
    #[serde(default)]
    pub findings: Vec<Finding>,
}

impl Remittance {
    /// The balancing checks of RULES.md §8 as findings: each line (SVC02 − CAS = SVC03), each
    /// claim (CLP03 − all CAS = CLP04, and CLP05 = Σ PR adjustments) and the transaction
    /// (Σ CLP04 − Σ PLB = BPR02). A check that needs an amount that is missing, or whose sum
    /// overflows, is an error finding that it cannot be made, never a pass.
    pub fn balance(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut paid = Total::default();
        for (c, claim) in self.claims.iter().enumerate() {
            balance_claim(claim, c, &mut findings);
            paid.add(claim.paid);
        }
        balance_transaction(
            paid,
            &self.provider_adjustments,
            self.payment.amount,
            &mut findings,
        );
        findings
    }
}

/// Remark codes as typed when they parse, else as sent.
pub type Remarks = Vec<Coded<Rarc>>;
