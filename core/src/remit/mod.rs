//! Remittances (835): the model, a reader from X12 and the balancing checks of RULES.md §8.
//!
//! Groundwork for issue #5: the reader takes a whole file (streaming comes with the full
//! reader); codes are kept as sent, amounts are exact; an unbalanced or malformed 835 is read
//! with findings rather than refused.

mod read;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::money::Money;

pub use read::read_835;

/// One 835 transaction set: a payment and the claims it pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Remittance {
    /// ST02.
    pub control_number: String,
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
    pub handling: String,
    /// BPR02 total payment.
    pub amount: Money,
    /// BPR03 C (credit) or D (debit).
    pub credit_debit: String,
    /// BPR04 method (ACH, CHK, NON…).
    pub method: String,
    /// BPR16 payment date, as sent (CCYYMMDD).
    pub date: Option<String>,
    /// TRN02 check or EFT trace number.
    pub trace_number: Option<String>,
}

/// A payer or payee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    /// N102.
    pub name: String,
    /// N104 (with N103 saying what kind of id), when sent.
    pub id: Option<String>,
}

/// One claim adjustment (CAS triple).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitAdjustment {
    /// CAS01 group code, as sent.
    pub group: String,
    /// Reason code (CARC), as sent.
    pub reason: String,
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
    pub patient_control_number: String,
    /// CLP02 status (1 primary, 2 secondary, 3 tertiary, 4 denied, 19–23 forwarded, 22 reversal).
    pub status: String,
    /// CLP03 charge.
    pub charge: Money,
    /// CLP04 payment.
    pub paid: Money,
    /// CLP05 patient responsibility.
    pub patient_responsibility: Option<Money>,
    /// CLP07 the payer's claim control number.
    pub payer_claim_number: Option<String>,
    /// Claim-level CAS.
    pub adjustments: Vec<RemitAdjustment>,
    /// SVC loops.
    pub lines: Vec<RemitLine>,
}

/// One adjudicated service line (SVC loop).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemitLine {
    /// SVC01 procedure as adjudicated (code qualifier, code and modifiers, as sent).
    pub procedure: String,
    /// SVC02 charge.
    pub charge: Money,
    /// SVC03 payment.
    pub paid: Money,
    /// Line-level CAS.
    pub adjustments: Vec<RemitAdjustment>,
    /// REF*6R the provider's line item control number.
    pub control_number: Option<String>,
    /// AMT*B6 allowed amount (informational, not part of balancing).
    pub allowed: Option<Money>,
}

/// One PLB adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProviderAdjustment {
    /// PLB01 provider identifier.
    pub provider: String,
    /// PLB03-1 reason (WO, FB, L6, 72…).
    pub reason: String,
    /// PLB03-2 reference (often the claim), when sent.
    pub reference: Option<String>,
    /// Amount: positive decreases the payment.
    pub amount: Money,
}

impl Remittance {
    /// The balancing checks of RULES.md §8 as findings: each line (SVC02 − CAS = SVC03), each
    /// claim (CLP03 − all CAS = CLP04) and the transaction (Σ CLP04 − Σ PLB = BPR02).
    pub fn balance(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let sum =
            |adjustments: &[RemitAdjustment]| Money::sum(adjustments.iter().map(|a| a.amount));
        for (c, claim) in self.claims.iter().enumerate() {
            let mut all = sum(&claim.adjustments);
            for (l, line) in claim.lines.iter().enumerate() {
                let line_cas = sum(&line.adjustments);
                if let Ok(cas) = line_cas {
                    if line.charge.checked_sub(cas) != Ok(line.paid) {
                        findings.push(Finding::warning(
                            "REMIT-LINE-BALANCE",
                            format!("/claims/{c}/lines/{l}"),
                            "line charge less its adjustments does not equal its payment",
                        ));
                    }
                }
                all = all.and_then(|a| line_cas.and_then(|b| a.checked_add(b)));
            }
            if let Ok(all) = all {
                if claim.charge.checked_sub(all) != Ok(claim.paid) {
                    findings.push(Finding::warning(
                        "REMIT-CLAIM-BALANCE",
                        format!("/claims/{c}"),
                        "claim charge less its claim and line adjustments does not equal its payment",
                    ));
                }
            }
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
