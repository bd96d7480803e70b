//! `PtpEdits::load`, `MueTable::load` and `AddOnEdits::load`: arbitrary bytes give a table or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::codesets::*;

fuzz_target!(|data: &[u8]| {
    let _ = PtpEdits::load(data);
    let _ = MueTable::load(data);
    let _ = AddOnEdits::load(data);
});
