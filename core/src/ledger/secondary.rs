//! The claim sent on to the next payer after a payer's 835 (the existing send-on logic,
//! [`crate::remit::send_on`]).

use chrono::NaiveDate;

use super::charge::{ChargedClaim, rank_of};
use super::entry::PayerRank;
use crate::remit::{OtherCoverage, PriorAdjudication, PriorPayer, RemitClaim};

/// `charged`'s claim sent on after the payer at `rank` adjudicated it in `remit` on
/// `adjudicated`: the next payer's coverage leaves the claim's other payers (it becomes the
/// payer billed), the adjudicating payer joins them with its 835 (837 loops 2320, 2330,
/// 2430). When the patient is the subscriber of both coverages, the subscriber's member id
/// and group become the next payer's. Also returns notes for the biller; `Err` says why the
/// claim could not be sent on (no patient data).
pub(crate) fn send_on(
    charged: &ChargedClaim,
    rank: PayerRank,
    remit: Option<&RemitClaim>,
    adjudicated: NaiveDate,
) -> Result<(ChargedClaim, Vec<String>), String> {
    let Some(remit) = remit else {
        return Err(
            "the claim has a next payer: send it on with the payer's 835 claim (secondary claim)"
                .to_owned(),
        );
    };
    if charged.rank() != rank {
        return Err(
            "the claim as billed to this payer is not on file (the claim kept is billed to another rank): send it on by hand"
                .to_owned(),
        );
    }
    let Some(next_rank) = rank.next() else {
        return Err("no payer comes after a tertiary payer".to_owned());
    };
    let mut claim = charged.claim.clone();
    let later =
        |o: &crate::claim::OtherPayer| rank_of(o.responsibility) == next_rank && o.paid.is_none();
    let Some(position) = claim.other_payers.iter().position(later) else {
        return Err("the claim names no next payer".to_owned());
    };
    let next = claim.other_payers.remove(position);
    let relationship = claim
        .patient
        .as_ref()
        .map_or_else(|| "18".to_owned(), |p| p.relationship.clone());
    let coverage = OtherCoverage {
        responsibility: claim.subscriber.payer_responsibility,
        relationship,
        group_number: claim.subscriber.group_number.clone(),
        subscriber_name: claim.subscriber.name.clone(),
        subscriber_member_id: claim.subscriber.member_id.clone(),
    };
    let mut notes = Vec::new();
    if next.subscriber_member_id != claim.subscriber.member_id {
        if claim.patient.is_none() && next.relationship == "18" {
            claim.subscriber.member_id = next.subscriber_member_id.clone();
            claim.subscriber.name = next.subscriber_name.clone();
            claim.subscriber.group_number = next.group_number.clone();
        } else {
            notes.push(
                "the next payer's subscriber is another person: check the subscriber of the claim sent on"
                    .to_owned(),
            );
        }
    }
    let prior = PriorPayer {
        payer: claim.payer.clone(),
        coverage,
        adjudicated,
        next_payer: Some(next.payer),
    };
    crate::remit::send_on(
        &mut claim,
        prior,
        &PriorAdjudication::Remittance(Box::new(remit.clone())),
    )
    .map_err(|e| format!("the claim could not be sent on: {e}"))?;
    Ok((
        ChargedClaim {
            patient_account: charged.patient_account.clone(),
            claim,
            priced: charged.priced.clone(),
        },
        notes,
    ))
}
