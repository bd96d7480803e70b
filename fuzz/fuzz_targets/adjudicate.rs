//! `adjudicate` on arbitrary plans, accumulators and amounts: never panics, and every
//! adjudicated line balances (charge = plan paid + adjustments) when it succeeds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::Money;
use medbill::benefits::{Accumulators, BenefitPlan, Network};
use medbill::pricing::PricedClaim;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Three JSON documents separated by NUL: priced claim, plan, accumulators.
    let mut parts = text.split('\0');
    let (Some(priced), Some(plan), Some(acc)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let (Ok(priced), Ok(plan), Ok(acc)) = (
        medbill::from_json::<PricedClaim>(priced),
        medbill::from_json::<BenefitPlan>(plan),
        medbill::from_json::<Accumulators>(acc),
    ) else {
        return;
    };
    for network in [Network::InNetwork, Network::OutOfNetwork] {
        if let Ok(result) = medbill::adjudicate(&priced, &plan, &acc, network) {
            for line in &result.lines {
                let adjustments = Money::sum(line.adjustments.iter().map(|a| a.amount));
                if let Ok(adjustments) = adjustments {
                    if let Ok(total) = line.plan_paid.checked_add(adjustments) {
                        assert_eq!(total, line.charge, "line {} does not balance", line.line);
                    }
                }
            }
        }
    }
});
