//! Claim JSON + NUL + prior payer JSON + NUL + the prior payer's decision (an 835, or a JSON
//! prior adjudication: a remittance claim or a coordination of benefits) → `remit::send_on`:
//! never panics; the claim it sends on either validates and is written as an 837, or is
//! refused by `write_837` with the typed error naming its validation errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::Claim;
use medbill::remit::{PriorAdjudication, PriorPayer};

#[path = "common/write837.rs"]
mod write837;
use write837::write_agrees_with_validate;

/// The decision: the 835's claim with the claim's patient control number (as the CLI picks
/// it), or a JSON prior adjudication.
fn decision(claim: &Claim, text: &str) -> Option<PriorAdjudication> {
    if text.trim_start().starts_with("ISA") {
        let remittances = medbill::x12::read_835(text.as_bytes()).ok()?;
        let remit = remittances
            .into_iter()
            .flat_map(|r| r.claims)
            .find(|c| c.patient_control_number.as_str() == claim.patient_control_number)?;
        Some(PriorAdjudication::Remittance(Box::new(remit)))
    } else {
        medbill::from_json(text).ok()
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\0');
    let (Some(claim), Some(prior), Some(decided)) = (parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let (Ok(mut claim), Ok(prior)) = (
        Claim::from_json(claim),
        medbill::from_json::<PriorPayer>(prior),
    ) else {
        return;
    };
    let Some(decided) = decision(&claim, decided) else {
        return;
    };
    if medbill::remit::send_on(&mut claim, prior, &decided).is_err() {
        return;
    }
    write_agrees_with_validate(&claim);
});
