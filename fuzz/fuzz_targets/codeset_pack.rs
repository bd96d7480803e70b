//! `CodeSets::from_pack`: arbitrary bytes give code sets or a typed error, never a panic; code
//! sets read from a pack are written back to the same pack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::codesets::CodeSets;

fuzz_target!(|data: &[u8]| {
    if let Ok(pack) = CodeSets::from_pack(data) {
        let again = pack.sets.to_pack(None).expect("read code sets write");
        let back = CodeSets::from_pack(&again).expect("a written pack reads");
        assert!(back.sets == pack.sets);
    }
});
