//! The X12 tokenizer, the element split and envelope checks on arbitrary bytes: typed
//! errors, never a panic or an endless loop; every segment lies inside the input, and its
//! elements (with their separators) are exactly its bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(tokenizer) = medbill::x12::Tokenizer::new(data) {
        let mut total = 0usize;
        let mut ends = Vec::new();
        for segment in tokenizer {
            let Ok(segment) = segment else { break };
            total += segment.raw().len() + 1;
            assert!(total <= data.len() + 1);
            let separators = segment
                .raw()
                .iter()
                .filter(|&&b| b == segment.delimiters().element)
                .count();
            let elements = segment.elements(&mut ends);
            assert_eq!(elements.len(), separators);
            let text: usize = (0..=elements.len()).map(|n| elements.get(n).len()).sum();
            assert!(text + separators <= segment.raw().len());
            if std::str::from_utf8(segment.raw()).is_ok() {
                assert_eq!(text + separators, segment.raw().len());
            }
            let _ = (segment.id(), elements.component(1, 2));
        }
    }
    let _ = medbill::x12::check_envelopes(data);
});
