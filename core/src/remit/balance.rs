//! The balancing checks of RULES.md §8 (and CLP05 against the patient responsibility
//! adjustments, §4) for the claims and the transaction of a remittance.
//!
//! Every check ends one of four ways: it balances (no finding), it does not (a warning), an
//! amount it needs is missing (an error: it cannot be made), or its sum overflows (an error:
//! it cannot be made either). A missing amount is never taken as zero and an overflow never
//! passes.

use super::{ClaimStatus, Coded, ProviderAdjustment, RemitAdjustment, RemitClaim};
use crate::codes::GroupCode;
use crate::finding::Finding;
use crate::money::Money;

/// Whether a remittance balances, from its findings: `Some(true)` when every check passed,
/// `Some(false)` when one found amounts that do not add up, `None` when a check could not be
/// made (an amount it needs is missing, or its sum overflows), whatever else failed.
pub fn balanced<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Option<bool> {
    let mut verdict = Some(true);
    for f in findings {
        if !f.rule.starts_with("REMIT-") {
            continue;
        }
        if f.rule.ends_with("-CANNOT-BALANCE") || f.rule.ends_with("-OVERFLOW") {
            return None;
        }
        if f.rule.ends_with("-BALANCE") {
            verdict = Some(false);
        }
    }
    verdict
}

/// A running sum of amounts a check needs: the sum so far, or why there is none. Once an
/// amount is missing the sum stays missing (the check cannot be made whatever follows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Total {
    /// Every amount so far, added.
    Sum(Money),
    /// An amount was missing.
    Missing,
    /// Adding overflowed (and no amount was missing).
    Overflow,
}

impl Default for Total {
    fn default() -> Total {
        Total::Sum(Money::ZERO)
    }
}

impl Total {
    /// Adds an amount, or notes that it is missing.
    pub(crate) fn add(&mut self, amount: Option<Money>) {
        *self = match (*self, amount) {
            (Total::Missing, _) | (_, None) => Total::Missing,
            (Total::Overflow, Some(_)) => Total::Overflow,
            (Total::Sum(sum), Some(amount)) => match sum.checked_add(amount) {
                Ok(sum) => Total::Sum(sum),
                Err(_) => Total::Overflow,
            },
        };
    }

    /// Adds another running sum.
    pub(crate) fn add_total(&mut self, other: Total) {
        match other {
            Total::Sum(sum) => self.add(Some(sum)),
            Total::Missing => *self = Total::Missing,
            Total::Overflow => {
                if *self != Total::Missing {
                    *self = Total::Overflow;
                }
            }
        }
    }

    /// The sum, when there is one.
    pub(crate) fn value(self) -> Option<Money> {
        match self {
            Total::Sum(sum) => Some(sum),
            Total::Missing | Total::Overflow => None,
        }
    }
}

/// How one check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Balanced,
    Unbalanced,
    Missing,
    Overflow,
}

/// `start − subtracted = expected`?
fn outcome(start: Option<Money>, subtracted: Total, expected: Option<Money>) -> Outcome {
    let (Some(start), Some(expected)) = (start, expected) else {
        return Outcome::Missing;
    };
    let subtracted = match subtracted {
        Total::Sum(sum) => sum,
        Total::Missing => return Outcome::Missing,
        Total::Overflow => return Outcome::Overflow,
    };
    match start.checked_sub(subtracted) {
        Ok(rest) if rest == expected => Outcome::Balanced,
        Ok(_) => Outcome::Unbalanced,
        Err(_) => Outcome::Overflow,
    }
}

/// What a check is called in its findings: rule prefix, path, what it compares, which
/// amounts it needs.
struct Check<'a> {
    rule: &'a str,
    path: &'a str,
    unbalanced: &'a str,
    needs: &'a str,
}

impl Check<'_> {
    fn report(&self, outcome: Outcome, findings: &mut Vec<Finding>) {
        match outcome {
            Outcome::Balanced => {}
            Outcome::Unbalanced => findings.push(Finding::warning(
                &format!("{}-BALANCE", self.rule),
                self.path,
                self.unbalanced,
            )),
            Outcome::Missing => findings.push(Finding::error(
                &format!("{}-CANNOT-BALANCE", self.rule),
                self.path,
                format!(
                    "cannot be balanced: {} missing or unreadable (never taken as zero)",
                    self.needs
                ),
            )),
            Outcome::Overflow => findings.push(Finding::error(
                &format!("{}-OVERFLOW", self.rule),
                self.path,
                "cannot be balanced: adding up its amounts overflows",
            )),
        }
    }
}

const LINE: (&str, &str, &str) = (
    "REMIT-LINE",
    "line charge less its adjustments does not equal its payment",
    "its charge (SVC02), payment (SVC03) or an adjustment amount (CAS) is",
);
const CLAIM: (&str, &str, &str) = (
    "REMIT-CLAIM",
    "claim charge less its claim and line adjustments does not equal its payment",
    "its charge (CLP03), payment (CLP04) or an adjustment amount (CAS) is",
);
const PATIENT: (&str, &str, &str) = (
    "REMIT-PATIENT-RESPONSIBILITY",
    "the patient responsibility (CLP05) is not the sum of the patient responsibility (PR) \
     adjustments",
    "a patient responsibility (PR) adjustment amount is",
);
const TRANSACTION: (&str, &str, &str) = (
    "REMIT-TRANSACTION",
    "the claims' payments less the provider adjustments do not equal the total payment",
    "the total payment (BPR02), a claim payment (CLP04) or a provider adjustment amount \
     (PLB) is",
);

fn check<'a>(what: (&'a str, &'a str, &'a str), path: &'a str) -> Check<'a> {
    Check {
        rule: what.0,
        path,
        unbalanced: what.1,
        needs: what.2,
    }
}

/// RULES.md §8 for one claim: each line (SVC02 − CAS = SVC03) and the claim (CLP03 − all CAS
/// = CLP04); and §4: CLP05 = Σ PR adjustments, when CLP05 is sent (reversals excepted).
pub(crate) fn balance_claim(claim: &RemitClaim, index: usize, findings: &mut Vec<Finding>) {
    let outcomes = claim_in_units(claim).unwrap_or_else(|| claim_in_decimal(claim));
    report_claim(&outcomes, index, findings);
}

/// The outcomes of the claim's checks in decimal arithmetic.
fn claim_in_decimal(claim: &RemitClaim) -> ClaimOutcomes {
    let sum = |adjustments: &[RemitAdjustment], only_pr: bool| {
        let mut total = Total::default();
        for a in adjustments
            .iter()
            .filter(|a| !only_pr || a.group == Coded::Known(GroupCode::Pr))
        {
            total.add(a.amount);
        }
        total
    };
    let mut all = sum(&claim.adjustments, false);
    let mut patient = sum(&claim.adjustments, true);
    let mut lines = Vec::with_capacity(claim.lines.len());
    for line in &claim.lines {
        let cas = sum(&line.adjustments, false);
        lines.push(outcome(line.charge, cas, line.paid));
        all.add_total(cas);
        patient.add_total(sum(&line.adjustments, true));
    }
    ClaimOutcomes {
        lines,
        claim: outcome(claim.charge, all, claim.paid),
        patient: patient_outcome(claim, patient),
    }
}

/// CLP05 against Σ PR: `None` when there is nothing to check.
fn patient_outcome(claim: &RemitClaim, patient: Total) -> Option<Outcome> {
    let responsibility = claim.patient_responsibility?;
    if claim.status == Coded::Known(ClaimStatus::Reversal) {
        return None;
    }
    // CLP05 − Σ PR = 0.
    Some(outcome(Some(responsibility), patient, Some(Money::ZERO)))
}

#[derive(Debug, PartialEq, Eq)]
struct ClaimOutcomes {
    lines: Vec<Outcome>,
    claim: Outcome,
    patient: Option<Outcome>,
}

fn report_claim(outcomes: &ClaimOutcomes, index: usize, findings: &mut Vec<Finding>) {
    for (l, &line) in outcomes.lines.iter().enumerate() {
        if line != Outcome::Balanced {
            let path = format!("/claims/{index}/lines/{l}");
            check(LINE, &path).report(line, findings);
        }
    }
    if outcomes.claim != Outcome::Balanced {
        let path = format!("/claims/{index}");
        check(CLAIM, &path).report(outcomes.claim, findings);
    }
    if let Some(patient) = outcomes.patient.filter(|&o| o != Outcome::Balanced) {
        let path = format!("/claims/{index}/patientResponsibility");
        check(PATIENT, &path).report(patient, findings);
    }
}

/// [`balance_claim`] in integer arithmetic, when every amount of the claim is present, has
/// the same scale and fits in 63 bits (the usual case: all in cents). Then every sum stays
/// below 2^96, where decimal arithmetic is exact too, so the outcomes are the same. `None`
/// when the amounts do not allow it.
fn claim_in_units(claim: &RemitClaim) -> Option<ClaimOutcomes> {
    let scale = claim.charge?.amount().scale();
    let units = |m: Option<Money>| -> Option<i128> {
        let d = m?.amount();
        let v = d.mantissa();
        (d.scale() == scale && v.unsigned_abs() < (1u128 << 63)).then_some(v)
    };
    // Sums of at most a few million amounts below 2^63 stay far below 2^127: no overflow.
    let sum = |adjustments: &[RemitAdjustment]| -> Option<(i128, i128)> {
        let mut all = 0i128;
        let mut patient = 0i128;
        for a in adjustments {
            let v = units(a.amount)?;
            all = all.wrapping_add(v);
            if a.group == Coded::Known(GroupCode::Pr) {
                patient = patient.wrapping_add(v);
            }
        }
        Some((all, patient))
    };
    let responsibility = match claim.patient_responsibility {
        Some(m) => Some(units(Some(m))?),
        None => None,
    };
    let (mut all, mut patient) = sum(&claim.adjustments)?;
    let mut lines = Vec::with_capacity(claim.lines.len());
    for line in &claim.lines {
        let (cas, pr) = sum(&line.adjustments)?;
        let (charge, paid) = (units(line.charge)?, units(line.paid)?);
        lines.push(if charge.wrapping_sub(cas) == paid {
            Outcome::Balanced
        } else {
            Outcome::Unbalanced
        });
        all = all.wrapping_add(cas);
        patient = patient.wrapping_add(pr);
    }
    let (charge, paid) = (units(claim.charge)?, units(claim.paid)?);
    let verdict = |equal: bool| {
        if equal {
            Outcome::Balanced
        } else {
            Outcome::Unbalanced
        }
    };
    let patient = match responsibility {
        Some(r) if claim.status != Coded::Known(ClaimStatus::Reversal) => {
            Some(verdict(r == patient))
        }
        _ => None,
    };
    Some(ClaimOutcomes {
        lines,
        claim: verdict(charge.wrapping_sub(all) == paid),
        patient,
    })
}

/// RULES.md §8 for the transaction: Σ CLP04 − Σ PLB = BPR02.
pub(crate) fn balance_transaction(
    paid: Total,
    provider_adjustments: &[ProviderAdjustment],
    payment: Option<Money>,
    findings: &mut Vec<Finding>,
) {
    let mut plb = Total::default();
    for p in provider_adjustments {
        plb.add(p.amount);
    }
    let outcome = match paid {
        Total::Sum(paid) => outcome(Some(paid), plb, payment),
        Total::Missing => Outcome::Missing,
        Total::Overflow if payment.is_none() || plb == Total::Missing => Outcome::Missing,
        Total::Overflow => Outcome::Overflow,
    };
    check(TRANSACTION, "/payment/amount").report(outcome, findings);
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
                "CLP*A*1*100.00*80.00*20.00*12*I",
                "SVC*HC:99213*100.00*90.00",
                "CAS*PR*1*10.00",
                true,
            ),
            (
                "CLP*A*1*100.00*80.00*25.00*12*I",
                "SVC*HC:99213*100.00*90.00",
                "CAS*PR*1*10.00",
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
            (
                "CLP*A*1**80**12*I",
                "SVC*HC:99213*100*90",
                "CAS*CO*45*10",
                false,
            ),
            (
                "CLP*A*1*100*80**12*I",
                "SVC*HC:99213*100*90",
                "CAS*CO*45",
                false,
            ),
        ];
        for (clp, svc, cas, in_units) in cases {
            let remittances = read_835(file(clp, svc, cas).as_bytes()).unwrap();
            let claim = &remittances[0].claims[0];
            let fast = claim_in_units(claim);
            assert_eq!(fast.is_some(), in_units, "{clp} {svc} {cas}");
            if let Some(fast) = fast {
                assert_eq!(fast, claim_in_decimal(claim), "{clp} {svc} {cas}");
            }
        }
    }
}
