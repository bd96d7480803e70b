//! `x12::read_999` and `read_ta1` on arbitrary bytes: acknowledgments with findings, or a
//! typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(acks) = medbill::x12::read_999(data) {
        for ack in &acks {
            let _ = ack.rejected_sets();
        }
    }
    let _ = medbill::x12::read_ta1(data);
});
