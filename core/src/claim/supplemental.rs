//! What a claim carries besides its services, in both guides: notes (NTE), attachments
//! (PWK), where payment goes (pay-to address 2010AB, pay-to plan 2010AC), the other
//! identifiers of providers and payers (REF), and the billing provider's contacts (PER).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Address;
use super::coded::{
    AttachmentTransmission, ContactNumberKind, EntityType, NoteKind, PayerIdKind, PlanIdKind,
    ProviderIdKind,
};

/// A free-text note (NTE): what it is about and the text, at most 80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimNote {
    /// What the note is about (NTE01).
    pub kind: NoteKind,
    /// The text (NTE02), 1–80 characters.
    pub text: String,
}

/// A paper or electronic attachment sent for the claim or a line (PWK).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Attachment {
    /// What the attachment is (PWK01), a two-character code such as `OZ` (support data for
    /// claim), `B4` (referral form) or `EB` (explanation of benefits).
    pub report_type: String,
    /// How it reaches the payer (PWK02).
    pub transmission: AttachmentTransmission,
    /// The number that ties the attachment to the claim (PWK06, with PWK05 = AC): required
    /// unless the attachment is available on request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_number: Option<String>,
}

/// Where payment goes when it is not the billing provider's address (2010AB; UB-04 FL 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayToProvider {
    /// A person or an organization (NM102); the 837I takes an organization only.
    #[serde(default, skip_serializing_if = "EntityType::is_organization")]
    pub entity_type: EntityType,
    /// The address payment goes to (N3/N4).
    pub address: Address,
}

/// The health plan a subrogation demand is paid to (2010AC): the claim is sent as a
/// subrogation demand (BHT06 = 31).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayToPlan {
    /// The plan's name (NM103).
    pub name: String,
    /// What its identifier is (NM108).
    pub id_kind: PlanIdKind,
    /// Its identifier (NM109).
    pub id: String,
    /// Its address (N3/N4).
    pub address: Address,
    /// Another identifier of the plan (REF*2U, FY or NF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_id: Option<PayerSecondaryId>,
    /// The plan's tax identification number, 9 digits (REF*EI).
    pub tax_id: String,
}

/// Another identifier of a provider (REF*0B, 1G, G2 or LU), e.g. the payer-assigned number
/// of CMS-1500 boxes 17a, 24J (shaded), 32b and 33b, or UB-04 FL 57 and 76–79.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProviderSecondaryId {
    /// What the identifier is (REF01).
    pub kind: ProviderIdKind,
    /// The identifier (REF02).
    pub id: String,
}

/// Another identifier of a payer (REF*2U, EI, FY or NF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerSecondaryId {
    /// What the identifier is (REF01).
    pub kind: PayerIdKind,
    /// The identifier (REF02).
    pub id: String,
}

/// Someone to contact about the claim at the billing provider (2010AA PER*IC; the
/// telephone of CMS-1500 box 33 and UB-04 FL 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProviderContact {
    /// A name (PER02), when the provider gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// One to three numbers, in order (PER03–PER08); an extension follows its telephone.
    pub numbers: Vec<ContactNumber>,
}

/// A telephone number, extension, fax or e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactNumber {
    /// What it is.
    pub kind: ContactNumberKind,
    /// The number (digits only for a telephone, fax or extension) or address.
    pub number: String,
}
