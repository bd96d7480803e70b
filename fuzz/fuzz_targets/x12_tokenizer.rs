//! The X12 tokenizer and envelope checks on arbitrary bytes: typed errors, never a panic or an
//! endless loop; every segment lies inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(tokenizer) = medbill::x12::Tokenizer::new(data) {
        let mut total = 0usize;
        for segment in tokenizer {
            let Ok(segment) = segment else { break };
            total += segment.raw().len() + 1;
            assert!(total <= data.len() + 1);
            let _ = (segment.id(), segment.element(1), segment.component(1, 2));
        }
    }
    let _ = medbill::x12::check_envelopes(data);
});
