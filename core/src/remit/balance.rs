//! The balancing checks of RULES.md §8 for one claim of a remittance.

use super::{RemitAdjustment, RemitClaim};
use crate::finding::Finding;
use crate::money::Money;

/// RULES.md §8 for one claim: each line (SVC02 − CAS = SVC03) and the claim (CLP03 − all CAS
/// = CLP04).
pub(crate) fn balance_claim(claim: &RemitClaim, index: usize, findings: &mut Vec<Finding>) {
    if !balance_claim_in_units(claim, index, findings) {
        balance_claim_decimal(claim, index, findings);
    }
}

/// [`balance_claim`] in integer arithmetic, when every amount of the claim has the same
/// scale and fits in 63 bits (the usual case: all in cents). Then every sum stays below
/// 2^96, where decimal arithmetic is exact too, so the findings are the same. `false` (and
/// no findings) when the amounts do not allow it.
fn balance_claim_in_units(claim: &RemitClaim, index: usize, findings: &mut Vec<Finding>) -> bool {
    let scale = claim.charge.amount().scale();
    let units = |m: Money| {
        let d = m.amount();
        let v = d.mantissa();
        (d.scale() == scale && v.unsigned_abs() < (1u128 << 63)).then_some(v)
    };
    fn amounts(adjustments: &[RemitAdjustment]) -> impl Iterator<Item = Money> + '_ {
        adjustments.iter().map(|a| a.amount)
    }
    let all_fit = [claim.charge, claim.paid]
        .into_iter()
        .chain(amounts(&claim.adjustments))
        .chain(claim.lines.iter().flat_map(|line| {
            [line.charge, line.paid]
                .into_iter()
                .chain(amounts(&line.adjustments))
        }))
        .all(|m| units(m).is_some());
    if !all_fit {
        return false;
    }
    // Bounded as above: no overflow.
    let sum = |adjustments: &[RemitAdjustment]| {
        amounts(adjustments)
            .filter_map(units)
            .fold(0i128, i128::wrapping_add)
    };
    let value = |m: Money| units(m).unwrap_or_default();
    let mut all = sum(&claim.adjustments);
    for (l, line) in claim.lines.iter().enumerate() {
        let cas = sum(&line.adjustments);
        if value(line.charge).wrapping_sub(cas) != value(line.paid) {
            findings.push(Finding::warning(
                "REMIT-LINE-BALANCE",
                format!("/claims/{index}/lines/{l}"),
                "line charge less its adjustments does not equal its payment",
            ));
        }
        all = all.wrapping_add(cas);
    }
    if value(claim.charge).wrapping_sub(all) != value(claim.paid) {
        findings.push(Finding::warning(
            "REMIT-CLAIM-BALANCE",
            format!("/claims/{index}"),
            "claim charge less its claim and line adjustments does not equal its payment",
        ));
    }
    true
}

fn balance_claim_decimal(claim: &RemitClaim, index: usize, findings: &mut Vec<Finding>) {
    let sum = |adjustments: &[RemitAdjustment]| Money::sum(adjustments.iter().map(|a| a.amount));
    let mut all = sum(&claim.adjustments);
    for (l, line) in claim.lines.iter().enumerate() {
        let line_cas = sum(&line.adjustments);
        if let Ok(cas) = line_cas {
            if line.charge.checked_sub(cas) != Ok(line.paid) {
                findings.push(Finding::warning(
                    "REMIT-LINE-BALANCE",
                    format!("/claims/{index}/lines/{l}"),
                    "line charge less its adjustments does not equal its payment",
                ));
            }
        }
        all = all.and_then(|a| line_cas.and_then(|b| a.checked_add(b)));
    }
    if let Ok(all) = all {
        if claim.charge.checked_sub(all) != Ok(claim.paid) {
            findings.push(Finding::warning(
                "REMIT-CLAIM-BALANCE",
                format!("/claims/{index}"),
                "claim charge less its claim and line adjustments does not equal its payment",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x12::read_835;

    #[test]
    fn balancing_in_units_agrees_with_decimal_balancing() {
        let file = |clp: &str, svc: &str, cas: &str| {
            format!(
                "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~\
GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*I*80*C*CHK************20261127~\
N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~{clp}~{cas}~{svc}~{cas}~SE*10*0001~GE*1*1~IEA*1*000000001~"
            )
        };
        let cases = [
            (
                "CLP*A*1*100*80**12*I",
                "SVC*HC:99213*100*90",
                "CAS*CO*45*10",
                true,
            ),
            (
                "CLP*A*1*100.00*80.00**12*I",
                "SVC*HC:99213*100.00*90.00",
                "CAS*CO*45*10.00",
                true,
            ),
            (
                "CLP*A*1*100.00*80.00**12*I",
                "SVC*HC:99213*100.0*90",
                "CAS*CO*45*10.000",
                false,
            ),
            (
                "CLP*A*1*100.00*70.00**12*I",
                "SVC*HC:99213*100.00*85.00",
                "CAS*CO*45*10.00",
                true,
            ),
            (
                "CLP*A*1*-100.00*-80.00**12*I",
                "SVC*HC:99213*-100.00*-90.00",
                "CAS*CO*45*-10.00",
                true,
            ),
            (
                "CLP*A*1*99999999999999999999*0**12*I",
                "SVC*HC:99213*5*5",
                "CAS*CO*45*0",
                false,
            ),
            (
                "CLP*A*1*9999999999999999*0**12*I",
                "SVC*HC:99213*5*5",
                "CAS*CO*45*0",
                true,
            ),
        ];
        for (clp, svc, cas, in_units) in cases {
            let remittances = read_835(file(clp, svc, cas).as_bytes()).unwrap();
            let claim = &remittances[0].claims[0];
            let (mut units, mut decimal) = (Vec::new(), Vec::new());
            let fast = balance_claim_in_units(claim, 0, &mut units);
            balance_claim_decimal(claim, 0, &mut decimal);
            assert_eq!(fast, in_units, "{clp} {svc} {cas}");
            if fast {
                assert_eq!(units, decimal, "{clp} {svc} {cas}");
            }
        }
    }
}
