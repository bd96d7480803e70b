//! `x12::read_835` on arbitrary bytes: remittances with findings, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(remittances) = medbill::x12::read_835(data) {
        for remittance in &remittances {
            let _ = remittance.balance();
        }
    }
});
