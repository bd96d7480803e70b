//! `x12::read_837` on arbitrary bytes: transactions with claims, rejected claims and findings,
//! or a typed error; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(transactions) = medbill::x12::read_837(data) {
        for transaction in &transactions {
            let _ = transaction.submission();
        }
    }
});
