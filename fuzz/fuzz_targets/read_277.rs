//! `x12::read_277` (277 and 277CA) and `read_276` on arbitrary bytes: results with findings,
//! or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(responses) = medbill::x12::read_277(data) {
        for response in &responses {
            for claim in &response.claims {
                let _ = claim.class();
                let _ = claim.service_dates();
            }
        }
    }
    let _ = medbill::x12::read_276(data);
});
