//! 277CA / 999 rejections into the fix list, and 277 answers posted as status entries into
//! empty books: any X12 bytes give a list or a typed error, never a panic; every status entry
//! is for zero.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::followup::{fix_list, post_statuses_to_entries};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = medbill::read_x12(data) else {
        return;
    };
    let _ = fix_list(&file);
    let Some(posted) = chrono::NaiveDate::from_ymd_opt(2026, 12, 1) else {
        return;
    };
    if let Ok(posting) =
        post_statuses_to_entries(&file.claim_status, Vec::new(), Vec::new(), posted)
    {
        assert!(posting.entries.iter().all(|e| e.amount.is_zero()));
    }
});
