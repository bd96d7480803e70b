//! Claim JSON → `Claim::validate`: never panics; a claim that decodes survives a JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::Claim;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(claim) = Claim::from_json(text) else {
        return;
    };
    let _ = claim.validate();
    let json = medbill::to_json(&claim).expect("a decoded claim serializes");
    assert_eq!(Claim::from_json(&json).as_ref(), Ok(&claim));
});
