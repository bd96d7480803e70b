//! `x12::read_835` on arbitrary bytes: remittances with findings, or a typed error. The
//! balancing the reader reports is exactly `Remittance::balance`'s, and a remittance with a
//! missing amount or an overflowing sum is never called balanced.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The balancing findings, in order.
fn balancing(findings: &[medbill::Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .filter(|f| {
            f.rule.ends_with("-BALANCE")
                || f.rule.ends_with("-OVERFLOW")
                || f.rule == "REMIT-PATIENT-RESPONSIBILITY"
        })
        .map(|f| (f.rule.clone(), f.path.clone()))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(remittances) = medbill::x12::read_835(data) {
        for remittance in &remittances {
            let balanced = remittance.balance();
            assert_eq!(
                balancing(&remittance.findings),
                balancing(&balanced),
                "the reader's balancing and Remittance::balance disagree"
            );
            let missing = remittance.payment.amount.is_none()
                || remittance
                    .claims
                    .iter()
                    .any(|c| c.charge.is_none() || c.paid.is_none());
            if missing {
                assert_ne!(
                    medbill::remit::balanced(&balanced),
                    Some(true),
                    "balanced with an amount missing"
                );
            }
        }
    }
});
