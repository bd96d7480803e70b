//! The 835 header: the payment (BPR, TRN, CUR, REF, DTM*405) and the payer and payee
//! loops (1000A, 1000B).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CompactString, Reference};
use crate::money::Money;

/// The payment (BPR), its trace (TRN), currency (CUR), header references and production
/// date. Bank account numbers here are the payer's and the payee's (no patient data).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Payment {
    /// BPR01 transaction handling code (I remittance and payment, H notification only…).
    #[schemars(with = "String")]
    pub handling: CompactString,
    /// BPR02 total payment; `null` when missing or unreadable (with an error finding).
    pub amount: Option<Money>,
    /// BPR03 C (credit) or D (debit).
    #[schemars(with = "String")]
    pub credit_debit: CompactString,
    /// BPR04 method (ACH, CHK, BOP, FWT, NON).
    #[schemars(with = "String")]
    pub method: CompactString,
    /// BPR05 payment format (CCP, CTX), for ACH.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub format: Option<CompactString>,
    /// BPR06–09: the sender's bank and account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_account: Option<BankAccount>,
    /// BPR10 originating company identifier (`1` + the payer's tax id, usually).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub originating_company: Option<CompactString>,
    /// BPR11 originating company supplemental code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub originating_company_supplemental: Option<CompactString>,
    /// BPR12–15: the receiver's bank and account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver_account: Option<BankAccount>,
    /// BPR16 check issue or EFT effective date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// TRN01 when it is not `1` (current transaction trace numbers, the only code the guide
    /// has): absent means `1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub trace_type: Option<CompactString>,
    /// TRN02 check or EFT trace number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub trace_number: Option<CompactString>,
    /// TRN03 payer identifier (`1` + tax id, usually).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_identifier: Option<CompactString>,
    /// TRN04 originating company supplemental code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub trace_supplemental: Option<CompactString>,
    /// CUR: the currency, when not US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Header REFs (`EV` receiver id, `F2` version), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// DTM*405 production date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_date: Option<NaiveDate>,
}

/// A bank and account of BPR: qualifier and id of the depository financial institution, and
/// the account qualifier and number, each as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BankAccount {
    /// BPR06 / BPR12: `01` ABA transit routing number, `04` Canadian bank branch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub bank_qualifier: Option<CompactString>,
    /// BPR07 / BPR13.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub bank_id: Option<CompactString>,
    /// BPR08 / BPR14: `DA` demand deposit, `SG` savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub account_qualifier: Option<CompactString>,
    /// BPR09 / BPR15.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub account_number: Option<CompactString>,
}

impl BankAccount {
    /// Whether nothing is stated.
    pub fn is_empty(&self) -> bool {
        self.bank_qualifier.is_none()
            && self.bank_id.is_none()
            && self.account_qualifier.is_none()
            && self.account_number.is_none()
    }
}

/// CUR: who states the currency (CUR01, `PR` the payer) and the currency code (CUR02).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Currency {
    /// CUR01.
    #[schemars(with = "String")]
    pub entity: CompactString,
    /// CUR02, e.g. `CAD`.
    #[schemars(with = "String")]
    pub code: CompactString,
}

/// A payer or payee (loop 1000A or 1000B).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Party {
    /// N102.
    #[schemars(with = "String")]
    pub name: CompactString,
    /// N103: what kind of id N104 is (`XX` NPI, `FI` tax id, `XV` CMS plan id, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub id_qualifier: Option<CompactString>,
    /// N104, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub id: Option<CompactString>,
    /// N3 and N4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PartyAddress>,
    /// REF segments of the party loop (additional payer or payee ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// PER contacts (payer business and technical contacts, web site).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// RDM: how the payee receives the remittance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryMethod>,
}

/// A party's address: the street lines (N3) and the place (N4), each element as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PartyAddress {
    /// N301 and N302; none when no N3 was sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub lines: Vec<CompactString>,
    /// N401 city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub city: Option<CompactString>,
    /// N402 state or province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub state: Option<CompactString>,
    /// N403 postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub postal_code: Option<CompactString>,
    /// N404 country code (outside the United States).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub country: Option<CompactString>,
    /// N407 country subdivision code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub country_subdivision: Option<CompactString>,
}

impl PartyAddress {
    /// Whether N4 has anything to say.
    pub fn has_place(&self) -> bool {
        self.city.is_some()
            || self.state.is_some()
            || self.postal_code.is_some()
            || self.country.is_some()
            || self.country_subdivision.is_some()
    }
}

/// A PER contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contact {
    /// PER01: `CX` business, `BL` technical, `IC` web site.
    #[schemars(with = "String")]
    pub function: CompactString,
    /// PER02.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub name: Option<CompactString>,
    /// (qualifier, value) pairs (PER03–08): `TE` phone, `EM` email, `UR` web, `FX` fax,
    /// `EX` extension.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<Reference>,
}

/// RDM: how the payee receives the remittance when not with the payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeliveryMethod {
    /// RDM01: `BM` by mail, `EM` e-mail, `FT` file transfer, `OL` on-line.
    #[schemars(with = "String")]
    pub transmission: CompactString,
    /// RDM02 the recipient's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub name: Option<CompactString>,
    /// RDM03 the address (e-mail, URL, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub communication_number: Option<CompactString>,
}
