//! Encounter JSON + NUL + practice JSON → `prepare_claim`: never panics; a prepared claim
//! without validation errors is writable as an 837 (unless its data holds a standard
//! delimiter, which `Claim::validate` warns of), and what is written reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::claim::{Encounter, Practice};

#[path = "common/write837.rs"]
mod write837;
use write837::write_agrees_with_validate;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(2, '\0');
    let (Some(encounter), Some(practice)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Ok(encounter), Ok(practice)) = (
        medbill::from_json::<Encounter>(encounter),
        medbill::from_json::<Practice>(practice),
    ) else {
        return;
    };
    if let Ok(claim) = medbill::prepare_claim(&encounter, &practice) {
        write_agrees_with_validate(&claim);
    }
});
