//! 837 claims: professional (005010X222A1) and institutional (005010X223A2), read into the
//! [`Claim`] model and written from it.
//!
//! Reading never drops data silently: a claim the model cannot hold is a [`RejectedClaim`]
//! (segment position and the element at fault), and every segment or element the model does
//! not carry is a `X12-837-NOT-CARRIED` finding naming its positions.

mod read;
mod write;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::claim::Claim;
use crate::finding::Finding;

pub use read::read_837;
pub use write::{
    InvalidClaim, Write837Error, fill_line_control_numbers, line_control_number, write_837,
};

/// The implementation guide written for professional claims (GS08, ST03).
pub const PROFESSIONAL_VERSION: &str = "005010X222A1";
/// The implementation guide written for institutional claims (GS08, ST03).
pub const INSTITUTIONAL_VERSION: &str = "005010X223A2";

/// Professional (837P, X222) or institutional (837I, X223).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum ClaimKind {
    /// 837P: the version names X222.
    Professional,
    /// 837I: the version names X223.
    Institutional,
}

impl ClaimKind {
    /// The kind a version string names (`005010X222A1` → professional), if any.
    pub fn from_version(version: &str) -> Option<ClaimKind> {
        if version.contains("X222") {
            Some(ClaimKind::Professional)
        } else if version.contains("X223") {
            Some(ClaimKind::Institutional)
        } else {
            None
        }
    }
}

/// The submitter (1000A) or receiver (1000B) of a transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TransactionParty {
    /// NM103.
    pub name: String,
    /// NM109 (qualifier 46, electronic transmitter id).
    pub id: String,
}

/// The submitter's EDI contact (1000A PER): a name and at least one of phone and email.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "SubmitterContact")]
pub struct Contact {
    /// PER02.
    pub name: String,
    /// Telephone (TE), digits only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Email (EM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// One 837 transaction set (ST … SE) as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClaimTransaction {
    /// ST02.
    pub control_number: String,
    /// ST03, else GS08 (e.g. `005010X222A1`).
    pub version: String,
    /// Professional or institutional, from the version.
    pub kind: ClaimKind,
    /// BHT03, the originator's reference for the batch.
    pub reference_id: String,
    /// 1000A.
    pub submitter: TransactionParty,
    /// 1000A PER, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_contact: Option<Contact>,
    /// 1000B.
    pub receiver: TransactionParty,
    /// The claims read, in file order.
    pub claims: Vec<Claim>,
    /// Claims that could not become a [`Claim`].
    pub rejected: Vec<RejectedClaim>,
    /// Envelope findings for this set, and what the model does not carry.
    pub findings: Vec<Finding>,
}

impl ClaimTransaction {
    /// The submission parameters that would write this transaction's header again.
    pub fn submission(&self) -> Submission {
        Submission {
            submitter_name: self.submitter.name.clone(),
            submitter_id: self.submitter.id.clone(),
            contact: self.submitter_contact.clone().unwrap_or_default(),
            receiver_name: self.receiver.name.clone(),
            receiver_id: self.receiver.id.clone(),
            first_control_number: self.control_number.parse().unwrap_or(1),
            reference_id: self.reference_id.clone(),
        }
    }
}

/// A claim of the file that could not become a [`Claim`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RejectedClaim {
    /// 1-based position of its CLM segment.
    pub position: usize,
    /// Why, each naming a segment position and element (never the data).
    pub reasons: Vec<String>,
}

/// What an 837 says about its sender and batch, beyond the claims (1000A, 1000B, BHT, ST02).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Submission {
    /// 1000A NM103.
    pub submitter_name: String,
    /// 1000A NM109 (qualifier 46).
    pub submitter_id: String,
    /// 1000A PER.
    pub contact: Contact,
    /// 1000B NM103.
    pub receiver_name: String,
    /// 1000B NM109 (qualifier 46).
    pub receiver_id: String,
    /// ST02 of the first transaction set; later sets count up from it (written with at
    /// least four digits).
    pub first_control_number: u32,
    /// BHT03, the originator's batch reference.
    pub reference_id: String,
}
