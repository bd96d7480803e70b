//! Any 835 the reader accepts, written back by the 835 writer, reads back as the same
//! remittances (or the writer refuses it with a typed error, e.g. a delimiter in the data or
//! a missing required amount, which it never writes as zero); and the threaded reader of
//! `medbill-batch`, cutting the written file at its claims, gives exactly the sequential
//! reader's events.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(original) = medbill::x12::read_835(data) else {
        return;
    };
    let envelope: medbill::x12::Envelope = match medbill::from_json(
        r#"{"senderId":"S","receiverId":"R","interchangeControlNumber":1,"groupControlNumber":1,"date":"2026-11-27","time":"12:00:00"}"#,
    ) {
        Ok(e) => e,
        Err(_) => return,
    };
    let Ok(bytes) = medbill::x12::write_835(&original, &envelope) else {
        return;
    };
    let reread = medbill::x12::read_835(&bytes).expect("the writer's output reads");
    let sequential: Vec<_> = medbill::x12::RemitReader::new(&bytes[..]).collect();
    let threaded: Vec<_> = medbill_batch::ThreadedRemitReader::new(&bytes[..], 2, 256).collect();
    assert!(
        threaded == sequential,
        "threaded and sequential readers disagree"
    );
    let strip = |mut rs: Vec<medbill::remit::Remittance>| {
        for r in &mut rs {
            r.findings.clear();
            r.version = "005010X221A1".into();
            // Claims without an LX group are written under one LX*1, as the guide requires.
            if r.groups.is_empty() && !r.claims.is_empty() {
                r.groups.push(medbill::remit::ClaimGroup {
                    number: "1".into(),
                    first_claim: 0,
                    provider_summary: None,
                    supplemental_summary: None,
                });
            }
        }
        rs
    };
    assert_eq!(strip(reread), strip(original));
});
