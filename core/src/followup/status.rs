//! 277 and 277CA answers posted as status entries: each claim the books know gets one entry
//! (amount zero) saying what the payer or clearinghouse said, with its STC codes explained.

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::FollowUpError;
use super::codes::explain;
use crate::ledger::{
    Account, ChargedClaims, ClaimAccount, Entry, EntryKind, LedgerView, Party, Source, StatusEvent,
    StatusNote, check_posted, next_ids,
};
use crate::money::Money;
use crate::x12::{ClaimStatusResponse, StatusClass};

/// What one claim's status says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusUpdate {
    /// The claim (patient control number), as the 277 named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// Whether the books know the claim (an entry was made).
    pub matched: bool,
    /// The event.
    pub event: StatusEvent,
    /// The STC codes explained.
    pub explained: Vec<String>,
    /// The payer's claim number, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_claim_number: Option<String>,
    /// The status date (STC02), else the posting date.
    pub date: NaiveDate,
}

/// The entries made and what each claim's status says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusPosting {
    /// The new status entries, in order, to append.
    pub entries: Vec<Entry>,
    /// One per claim in the files.
    pub updates: Vec<StatusUpdate>,
}

/// The event a status class means; `acknowledgment` for a 277CA.
fn event_of(class: StatusClass, acknowledgment: bool) -> StatusEvent {
    match class {
        StatusClass::Accepted => StatusEvent::Accepted,
        StatusClass::Received if acknowledgment => StatusEvent::Accepted,
        StatusClass::Received | StatusClass::Pending => StatusEvent::Pending,
        StatusClass::Rejected => StatusEvent::Rejected,
        StatusClass::Paid | StatusClass::Denied | StatusClass::Finalized => StatusEvent::Finalized,
        StatusClass::InformationRequested => StatusEvent::InformationRequested,
        StatusClass::Error | StatusClass::Unknown => StatusEvent::NotFound,
    }
}

/// Posts the claims of 277 / 277CA responses: a status entry on each claim the books know
/// (found by the patient control number the response carries), owed by the claim's current
/// payer. Claims the books do not know are reported, unmatched, without an entry.
pub fn post_statuses(
    responses: &[ClaimStatusResponse],
    claims: &(impl ChargedClaims + ?Sized),
    books: &impl LedgerView,
    posted: NaiveDate,
) -> Result<StatusPosting, FollowUpError> {
    check_posted(books, posted)?;
    let mut ids = next_ids(books);
    let mut entries = Vec::new();
    let mut updates = Vec::new();
    for response in responses {
        let reference = match &response.reference {
            Some(r) => format!("{} {} {r}", kind(response), response.control_number),
            None => format!("{} {}", kind(response), response.control_number),
        };
        for status in &response.claims {
            let pcn = status
                .patient_control_number
                .clone()
                .or_else(|| (!status.trace_number.is_empty()).then(|| status.trace_number.clone()));
            let first = status.statuses.first();
            let event = event_of(status.class(), response.acknowledgment);
            let codes: Vec<_> = first.map(|s| s.codes.clone()).unwrap_or_default();
            let date = first.and_then(|s| s.date).unwrap_or(posted);
            let charged = pcn.as_deref().and_then(|p| claims.charged(p));
            if let Some(charged) = &charged {
                let claim = &charged.claim;
                let rank = charged.rank();
                entries.push(Entry {
                    id: ids.next_id()?,
                    effective: date,
                    posted,
                    account: Account::Claim(ClaimAccount {
                        patient: CompactString::from(charged.patient_account.as_str()),
                        claim: CompactString::from(claim.patient_control_number.as_str()),
                    }),
                    party: Party::payer(rank, CompactString::from(claim.payer.payer_id.as_str())),
                    amount: Money::ZERO,
                    kind: EntryKind::Status(Box::new(StatusNote {
                        event,
                        codes: codes.clone(),
                        payer_claim_number: status
                            .payer_claim_number
                            .as_deref()
                            .map(CompactString::from),
                    })),
                    source: Source::Message(CompactString::from(reference.as_str())),
                });
            }
            updates.push(StatusUpdate {
                claim: pcn,
                matched: charged.is_some(),
                event,
                explained: codes.iter().map(explain).collect(),
                payer_claim_number: status.payer_claim_number.clone(),
                date,
            });
        }
    }
    Ok(StatusPosting { entries, updates })
}

fn kind(response: &ClaimStatusResponse) -> &'static str {
    if response.acknowledgment {
        "277CA"
    } else {
        "277"
    }
}

/// The status entry that records a claim sent to its payer on `sent` (with its frequency:
/// an original, a replacement or a void), entered on `posted`.
pub fn submission(
    charged: &crate::ledger::ChargedClaim,
    books: &impl LedgerView,
    sent: NaiveDate,
    posted: NaiveDate,
) -> Result<Entry, FollowUpError> {
    check_posted(books, posted)?;
    let claim = &charged.claim;
    Ok(Entry {
        id: next_ids(books).next_id()?,
        effective: sent,
        posted,
        account: Account::Claim(ClaimAccount {
            patient: CompactString::from(charged.patient_account.as_str()),
            claim: CompactString::from(claim.patient_control_number.as_str()),
        }),
        party: Party::payer(
            charged.rank(),
            CompactString::from(claim.payer.payer_id.as_str()),
        ),
        amount: Money::ZERO,
        kind: EntryKind::Status(Box::new(StatusNote {
            event: StatusEvent::Submitted(claim.frequency),
            codes: Vec::new(),
            payer_claim_number: claim
                .original_claim_number
                .as_deref()
                .map(CompactString::from),
        })),
        source: Source::User(None),
    })
}

/// [`post_statuses`] for hosts that keep the entries: the books made of `entries` (numbered
/// 1, 2, … in order) and the charged claims as lists.
pub fn post_statuses_to_entries(
    responses: &[ClaimStatusResponse],
    claims: Vec<crate::ledger::ChargedClaim>,
    entries: Vec<Entry>,
    posted: NaiveDate,
) -> Result<StatusPosting, FollowUpError> {
    let books = crate::ledger::Ledger::from_entries(entries)?;
    post_statuses(
        responses,
        &crate::ledger::ClaimIndex::new(claims),
        &books,
        posted,
    )
}
