//! Claim JSON, or any text as a FHIR Bundle → `medbill::fhir`: never panics. A claim that
//! decodes and is written as a FHIR Bundle reads back from it as the same claim (the round
//! trip `claim_from_fhir` promises); anything else is read by `claim_from_fhir` as outside
//! FHIR input and refused or accepted, without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let created = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    if let Ok(claim) = medbill::Claim::from_json(text) {
        let Ok(bundle) = medbill::fhir::claim_bundle(&claim, created) else {
            return;
        };
        let written = medbill::fhir::to_json(&bundle).expect("a bundle medbill made is writable");
        match medbill::fhir::claim_from_fhir(&written) {
            Ok(back) => assert_eq!(
                medbill::to_json(&back).ok(),
                medbill::to_json(&claim).ok(),
                "the claim changed on its way through FHIR"
            ),
            // A claim the FHIR form cannot carry must fail on the way out, not on the way back.
            Err(error) => panic!("a bundle medbill wrote is refused on reading: {error}"),
        }
    } else {
        let _ = medbill::fhir::claim_from_fhir(text);
    }
});
