//! `PlaceOfServiceTable::load` and `TaxonomyTable::load`: arbitrary bytes give a table or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::codesets::*;

fuzz_target!(|data: &[u8]| {
    let _ = PlaceOfServiceTable::load(data);
    let _ = TaxonomyTable::load(data);
});
