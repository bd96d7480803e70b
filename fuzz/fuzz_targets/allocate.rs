//! `allocate`: parts always sum exactly to the total, or a typed error comes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::{Money, allocate};
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut fields = text.split(',');
    let Some(Ok(total)) = fields.next().map(str::parse::<Money>) else {
        return;
    };
    let weights: Vec<Decimal> = fields
        .take(64)
        .filter_map(|w| w.parse::<Money>().ok())
        .map(Money::amount)
        .collect();
    if let Ok(parts) = allocate(total, &weights) {
        assert_eq!(parts.len(), weights.len());
        assert_eq!(Money::sum(parts.iter().copied()), Ok(total));
        assert!(parts.iter().all(|p| p.is_whole_cents()));
    }
});
