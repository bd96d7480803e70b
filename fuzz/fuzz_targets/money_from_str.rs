//! `Money` and `Rate` parsing: never panics; what parses prints and parses back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::{Money, Rate, Rounding};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(money) = text.parse::<Money>() {
        let shown = money.to_string();
        assert_eq!(shown.parse::<Money>(), Ok(money), "{shown}");
        let rounded = money.round_to_cents(Rounding::HalfAwayFromZero);
        assert!(rounded.is_whole_cents());
        let _ = money.checked_add(money);
        let _ = money.checked_mul(money.amount());
    }
    if let Ok(rate) = text.parse::<Rate>() {
        assert_eq!(rate.to_string().parse::<Rate>(), Ok(rate));
    }
});
