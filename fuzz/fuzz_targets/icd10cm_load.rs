//! `Icd10CmTable::load_tabular` and `load_order`: arbitrary bytes give a table or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::codesets::*;

fuzz_target!(|data: &[u8]| {
    let _ = Icd10CmTable::load_tabular(data);
    let _ = Icd10CmTable::load_order(data, 2026);
});
