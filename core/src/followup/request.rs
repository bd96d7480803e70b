//! The 276 claim status request for a claim in the follow-up queue, from the claim as billed.

use crate::claim::{ClaimForm, PartyName, Sex};
use crate::ledger::ChargedClaim;
use crate::phi::Phi;
use crate::x12::{
    ClaimStatusRequest, DateOrRange, Individual, Organization, PersonName, Provider, ProviderId,
};

use super::{FollowUpError, FollowUpItem};

fn x12_name(name: &crate::claim::PersonName) -> PersonName {
    PersonName {
        last: name.last.clone(),
        first: Some(name.first.clone()),
        middle: name.middle.clone(),
        suffix: name.suffix.clone(),
    }
}

fn gender(sex: Sex) -> String {
    match sex {
        Sex::Female => "F",
        Sex::Male => "M",
        Sex::Unknown => "U",
    }
    .to_owned()
}

/// The 276 request about `item`'s claim, to the payer that owes, sent by `receiver` (the
/// practice or its clearinghouse: name and ETIN). The trace number is the patient control
/// number, which the 277 echoes.
pub fn status_request(
    item: &FollowUpItem,
    charged: &ChargedClaim,
    receiver: &Organization,
    reference: &str,
) -> Result<ClaimStatusRequest, FollowUpError> {
    let claim = &charged.claim;
    let payer = charged.payer_at(item.rank).ok_or(FollowUpError::Missing {
        field: "the payer at the item's rank",
    })?;
    let provider = &claim.billing_provider;
    let (name, first_name) = match &provider.name {
        PartyName::Person(p) => (p.last.clone(), Some(p.first.clone())),
        PartyName::Organization { name } => (name.clone(), None),
    };
    let subscriber = &claim.subscriber;
    let dependent = claim.patient.as_ref().map(|p| Individual {
        name: Phi::new(x12_name(p.name.expose())),
        birth_date: Some(p.birth_date.clone()),
        gender: Some(Phi::new(gender(p.sex))),
    });
    let service_dates = match &claim.form {
        ClaimForm::Professional(p) => {
            let from = p.lines.iter().map(|l| l.service_date).min();
            let to = p
                .lines
                .iter()
                .map(|l| l.service_date_end.unwrap_or(l.service_date))
                .max();
            match (from, to) {
                (Some(from), Some(to)) if from != to => Some(DateOrRange::Range {
                    start: from,
                    end: to,
                }),
                (Some(date), _) => Some(DateOrRange::Date { date }),
                _ => None,
            }
        }
        ClaimForm::Institutional(i) => Some(DateOrRange::Range {
            start: i.statement_from,
            end: i.statement_through,
        }),
    };
    let bill_type = match &claim.form {
        ClaimForm::Institutional(i) => Some(i.type_of_bill(claim.frequency)),
        ClaimForm::Professional(_) => None,
    };
    Ok(ClaimStatusRequest {
        reference: reference.to_owned(),
        payer: Organization {
            name: payer.name.clone(),
            id: payer.payer_id.clone(),
        },
        information_receiver: receiver.clone(),
        provider: Provider {
            name,
            first_name,
            id: ProviderId::Npi { npi: provider.npi },
        },
        subscriber: Individual {
            name: Phi::new(x12_name(subscriber.name.expose())),
            birth_date: subscriber.birth_date.clone(),
            gender: subscriber.sex.map(|s| Phi::new(gender(s))),
        },
        member_id: subscriber.member_id.clone(),
        dependent,
        trace_number: claim.patient_control_number.clone(),
        patient_control_number: Some(claim.patient_control_number.clone()),
        payer_claim_number: item.payer_claim_number.clone(),
        bill_type,
        charge: Some(claim.total_charge),
        service_dates,
    })
}
