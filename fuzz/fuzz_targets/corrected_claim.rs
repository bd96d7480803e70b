//! `denial::corrected_claim` and `void_claim`: a claim and changes (JSON Patch or merge patch)
//! from the same bytes (split at the first NUL). Whatever comes back is typed; a corrected or
//! void claim returned is frequency 7 or 8 with the payer's claim number and has no error
//! finding (it is about to be sent).
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::Claim;
use medbill::codes::ClaimFrequency;
use medbill::denial::{ClaimChanges, corrected_claim, void_claim};
use medbill::finding::has_errors;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |b| *b == 0);
    let (Some(claim), Some(changes)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Ok(claim), Ok(changes)) = (std::str::from_utf8(claim), std::str::from_utf8(changes))
    else {
        return;
    };
    let Ok(claim) = Claim::from_json(claim) else {
        return;
    };
    if let Ok(void) = void_claim(&claim, "ICN-1") {
        assert_eq!(void.claim.frequency, ClaimFrequency::Void);
        assert!(!has_errors(&void.claim.validate()));
    }
    let Ok(changes) = ClaimChanges::from_json(changes) else {
        return;
    };
    if let Ok(corrected) = corrected_claim(&claim, "ICN-1", &changes) {
        assert_eq!(corrected.claim.frequency, ClaimFrequency::Replacement);
        assert_eq!(
            corrected.claim.original_claim_number.as_deref(),
            Some("ICN-1")
        );
        assert!(!has_errors(&corrected.claim.validate()));
    }
});
