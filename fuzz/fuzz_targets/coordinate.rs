//! Coordination of benefits on arbitrary inputs: the prior payer's decision (an adjudication, a
//! coordination or a remittance's lines), the next payer's own adjudication and the method, as
//! three JSON documents separated by NUL. Never panics; when it coordinates, on every line the
//! next payer pays zero or more and at most what the patient was left owing, the patient's
//! balance is what is left of that and zero or more, each line keeps its prior payment, and the
//! totals are the sums of the lines. Under the standard, non-duplication, carve-out and Medicare
//! secondary methods the next payer never pays more than its normal benefit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::Money;
use medbill::benefits::{
    Adjudication, CobMethod, Coordination, RemittedClaim, coordinate, coordinate_next,
    coordinate_remittance,
};
use medbill::codes::GroupCode;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split('\0');
    let (Some(prior), Some(secondary), Some(method)) = (parts.next(), parts.next(), parts.next())
    else {
        return;
    };
    let (Ok(secondary), Ok(method)) = (
        medbill::from_json::<Adjudication>(secondary),
        medbill::from_json::<CobMethod>(method),
    ) else {
        return;
    };
    // Each kind of prior decision: the result, and what the patient was left owing per line.
    let (result, balances): (_, Vec<Option<Money>>) =
        if let Ok(prior) = medbill::from_json::<Adjudication>(prior) {
            let balances = prior
                .lines
                .iter()
                .map(|l| Some(l.patient_responsibility))
                .collect();
            (coordinate(&prior, &secondary, method), balances)
        } else if let Ok(previous) = medbill::from_json::<Coordination>(prior) {
            let balances = previous
                .lines
                .iter()
                .map(|l| Some(l.patient_balance))
                .collect();
            (coordinate_next(&previous, &secondary, method), balances)
        } else if let Ok(remitted) = medbill::from_json::<RemittedClaim>(prior) {
            let balances = remitted
                .lines
                .iter()
                .map(|l| {
                    Money::sum(
                        l.adjustments
                            .iter()
                            .filter(|a| a.group == GroupCode::Pr)
                            .map(|a| a.amount),
                    )
                    .ok()
                })
                .collect();
            (
                coordinate_remittance(&remitted, &secondary, method),
                balances,
            )
        } else {
            return;
        };
    let Ok(result) = result else { return };
    assert_eq!(result.lines.len(), balances.len());
    for ((line, balance), normal) in result.lines.iter().zip(&balances).zip(&secondary.lines) {
        let balance = balance.expect("a coordinated remittance line has a patient share");
        assert!(
            !line.secondary_paid.is_negative(),
            "line {}: paid < 0",
            line.line
        );
        assert!(
            !line.patient_balance.is_negative(),
            "line {}: balance < 0",
            line.line
        );
        assert!(
            line.secondary_paid <= balance,
            "line {}: paid > balance",
            line.line
        );
        assert_eq!(
            line.secondary_paid.checked_add(line.patient_balance),
            Ok(balance),
            "line {}: paid + balance left is the balance",
            line.line
        );
        if !matches!(method, CobMethod::MaintenanceOfBenefits { .. }) {
            assert!(
                line.secondary_paid <= normal.plan_paid.max(Money::ZERO),
                "line {}: paid more than the normal benefit",
                line.line
            );
        }
    }
    let sum = |f: fn(&medbill::benefits::CoordinatedLine) -> Money| {
        Money::sum(result.lines.iter().map(f))
    };
    assert_eq!(sum(|l| l.secondary_paid), Ok(result.secondary_paid));
    assert_eq!(sum(|l| l.patient_balance), Ok(result.patient_balance));
    assert_eq!(sum(|l| l.prior_paid), Ok(result.prior_paid));
});
