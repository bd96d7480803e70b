//! `kpi::Fact::from_bytes` on arbitrary bytes (what a store reads back): a typed error, or a
//! fact that writes back to bytes reading as the same fact and that the KPI fold takes or
//! refuses with a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::kpi::{Fact, KpiBuilder, KpiRequest};

fuzz_target!(|data: &[u8]| {
    let Ok(fact) = Fact::from_bytes(data) else {
        return;
    };
    let bytes = fact.to_bytes().expect("a fact read writes back");
    assert_eq!(Fact::from_bytes(&bytes).ok().as_ref(), Some(&fact));
    let (Some(from), Some(to)) = (
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
    ) else {
        return;
    };
    let Ok(mut builder) = KpiBuilder::new(KpiRequest::new(from, to)) else {
        return;
    };
    let claim = data.first().map(|b| if b % 2 == 0 { "C1" } else { "C2" });
    let key = data.get(1).map(|b| u64::from(*b));
    if builder.add_fact(claim, key, &fact).is_ok() {
        let _ = builder.finish();
    }
});
