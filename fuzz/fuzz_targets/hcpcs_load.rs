//! `HcpcsTable::load_txt` and `load_xlsx`: arbitrary bytes give a table or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::codesets::*;

fuzz_target!(|data: &[u8]| {
    let _ = HcpcsTable::load_txt(data);
    let _ = HcpcsTable::load_xlsx(data);
});
