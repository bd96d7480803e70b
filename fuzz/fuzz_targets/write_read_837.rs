//! Claim JSON → `write_837` → `read_837`: whatever the writer accepts, the reader reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::Claim;
use medbill::x12::{read_837, write_837};

#[path = "common/write837.rs"]
mod write837;
use write837::{envelope, submission};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(claim) = Claim::from_json(text) else {
        return;
    };
    let Ok(bytes) = write_837(&[claim], &submission(), &envelope()) else {
        return;
    };
    let transactions = read_837(&bytes).expect("what write_837 writes, read_837 reads");
    assert_eq!(transactions.len(), 1);
});
