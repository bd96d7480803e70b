//! Arbitrary bytes as JSON → `EligibilityRequest` → `write_270` → `read_270`: a request that
//! decodes either writes or gives a typed error, and what is written reads back, one request
//! per transaction set, with no misplaced segment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::x12::{EligibilityRequest, Envelope, read_270, write_270};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(request) = medbill::from_json::<EligibilityRequest>(text) else {
        return;
    };
    // The envelope through JSON too: the fuzz crate does not depend on chrono.
    let envelope: Envelope = medbill::from_json(
        r#"{"senderId":"SENDER","receiverId":"RECEIVER","interchangeControlNumber":1,
            "groupControlNumber":1,"date":"2026-11-27","time":"12:00:00"}"#,
    )
    .expect("a valid envelope");
    let Ok(bytes) = write_270(&envelope, std::slice::from_ref(&request)) else {
        return;
    };
    let read = read_270(&bytes).expect("written 270 reads back");
    assert_eq!(read.len(), 1);
    assert!(
        read[0]
            .findings
            .iter()
            .all(|f| f.rule != "X12-SEGMENT-OUT-OF-PLACE"),
        "{:?}",
        read[0].findings
    );
});
