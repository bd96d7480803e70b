//! `read_x12` on arbitrary bytes: every typed reader the file calls for, its summaries and
//! findings; a typed error otherwise. Also the streaming 835 reader fed in tiny chunks must
//! give the same remittances as the whole-slice reader, and the threaded reader of
//! `medbill-batch` (small pieces, so the input is cut at many claims, pieces with findings
//! read apart too) exactly the sequential events.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::x12::{RemitEvent, RemitReader};
use medbill_batch::ThreadedRemitReader;

/// Hands out at most 7 bytes per read, so segments straddle every refill.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(buf.len()).min(7);
        let (head, tail) = self.0.split_at(n);
        buf[..n].copy_from_slice(head);
        self.0 = tail;
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = medbill::read_x12(data) {
        let _ = file.summaries();
        let _ = file.is_clean();
    }
    let whole = medbill::x12::read_835(data);
    let mut streamed_claims = 0usize;
    let mut streamed_ok = true;
    for event in RemitReader::new(Trickle(data)) {
        match event {
            Ok(RemitEvent::Claim { .. }) => streamed_claims += 1,
            Ok(_) => {}
            Err(_) => streamed_ok = false,
        }
    }
    let sequential: Vec<_> = RemitReader::new(data).collect();
    let mut threaded = ThreadedRemitReader::new(data, 2, 256);
    let mut batched = Vec::new();
    while let Some(batch) = threaded.next_batch() {
        match batch {
            Ok(batch) => batched.extend(batch.into_events().into_iter().map(Ok)),
            Err(error) => batched.push(Err(error)),
        }
    }
    assert!(
        batched == sequential,
        "threaded and sequential readers disagree"
    );
    if let Ok(remittances) = whole {
        assert!(
            streamed_ok,
            "the stream failed where the slice read succeeded"
        );
        let claims: usize = remittances.iter().map(|r| r.claims.len()).sum();
        assert_eq!(claims, streamed_claims, "stream and slice disagree");
    }
});
