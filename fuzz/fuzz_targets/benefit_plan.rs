//! Benefit plan JSON: decodes or gives a typed error; a decoded plan round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::benefits::BenefitPlan;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(plan) = medbill::from_json::<BenefitPlan>(text) else {
        return;
    };
    let json = medbill::to_json(&plan).expect("a decoded plan serializes");
    assert_eq!(medbill::from_json::<BenefitPlan>(&json).as_ref(), Ok(&plan));
});
