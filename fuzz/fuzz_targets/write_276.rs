//! Arbitrary bytes as JSON → `ClaimStatusRequest` → `write_276` → `read_276`: a request that
//! decodes either writes or gives a typed error (never a panic), and what is written reads
//! back as the same request, one per transaction set, with no finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::x12::{ClaimStatusRequest, Envelope, read_276, write_276};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(request) = medbill::from_json::<ClaimStatusRequest>(text) else {
        return;
    };
    // The envelope through JSON too: the fuzz crate does not depend on chrono.
    let envelope: Envelope = medbill::from_json(
        r#"{"senderId":"SENDER","receiverId":"RECEIVER","interchangeControlNumber":1,
            "groupControlNumber":1,"date":"2026-11-27","time":"12:00:00"}"#,
    )
    .expect("a valid envelope");
    let Ok(bytes) = write_276(&envelope, std::slice::from_ref(&request)) else {
        return;
    };
    let read = read_276(&bytes).expect("a written 276 reads back");
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].findings, vec![], "findings on a written 276");
    assert_eq!(
        read[0].request, request,
        "the 276 read back differs from what was written"
    );
});
