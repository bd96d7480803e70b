//! The billing day's scrub before submission: each ready claim through the scrubber
//! (`medbill::scrub::scrub_rules`; the claims were validated in step 1) with the bundled NCCI
//! PTP, MUE and add-on fixtures (`examples/data/codesets`, CMS layouts, illustrative values)
//! and the example Medicare payer pack (the sample PFS file is not loaded: it holds only the
//! demo's priced codes, and the scrubber would call every other code invalid). What it catches is
//! printed by rule id and field, never with patient data.

use chrono::NaiveDate;
use medbill::Claim;
use medbill::codesets::CodeSets;
use medbill::scrub::{PayerRules, ScrubHistory};

use crate::Failure;
use crate::output::outln;

const FILES: [(&str, &[u8]); 4] = [
    (
        "ccipra-v314r0-f1.txt",
        include_bytes!("../../examples/data/codesets/ccipra-v314r0-f1.txt"),
    ),
    (
        "MCR_MUE_PractitionerServices_Eff_2025-10-01.csv",
        include_bytes!(
            "../../examples/data/codesets/MCR_MUE_PractitionerServices_Eff_2025-10-01.csv"
        ),
    ),
    (
        "AOC_V2025Q4-MCR.txt",
        include_bytes!("../../examples/data/codesets/AOC_V2025Q4-MCR.txt"),
    ),
    (
        "payer-rules.json",
        include_bytes!("../../examples/data/scrub/payer-rules.json"),
    ),
];

/// The bundled code-set fixtures and payer pack.
fn bundled() -> Result<(CodeSets, PayerRules), Failure> {
    let mut sets = CodeSets::new();
    let mut rules = PayerRules::default();
    for (name, bytes) in FILES {
        if name.ends_with(".json") {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| Failure::input(format!("bundled {name}: {e}")))?;
            rules = medbill::from_json(text)
                .map_err(|e| Failure::input(format!("bundled {name}: {e}")))?;
        } else {
            sets.load_file(name, bytes)
                .map_err(|e| Failure::input(format!("bundled {name}: {e}")))?;
        }
    }
    Ok((sets, rules))
}

/// Scrubs the ready claims; returns each one's error findings (a claim with any is held back
/// from the 837).
pub(crate) fn check(
    ready: &[Claim],
    as_of: NaiveDate,
) -> Result<Vec<Vec<medbill::Finding>>, Failure> {
    let (sets, rules) = bundled()?;
    let history = ScrubHistory::default();
    let mut held = Vec::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for claim in ready {
        let findings = medbill::scrub::scrub_rules(claim, &sets, &rules, as_of, &history);
        held.push(findings.iter().filter(|f| f.is_error()).cloned().collect());
        if findings.is_empty() {
            continue;
        }
        for finding in &findings {
            if finding.is_error() {
                errors = errors.saturating_add(1);
            } else {
                warnings = warnings.saturating_add(1);
            }
            outln!(
                "   {:<9} {:<7} {} at {}: {}",
                claim.patient_control_number,
                finding.severity.as_str(),
                finding.rule,
                finding.path,
                finding.message
            );
        }
    }
    outln!(
        "   {} claims scrubbed: {errors} error(s), {warnings} warning(s)",
        ready.len()
    );
    Ok(held)
}

/// A coder's draft keyed this morning (the bundled `examples/data/scrub/claim-with-edits.json`,
/// services on 2 March 2026): scrubbed as it stands, it is held with what the scrubber
/// caught and how to fix each. Not part of the day's books. Returns its findings.
pub(crate) fn draft() -> Result<Vec<medbill::Finding>, Failure> {
    let claim: Claim = medbill::from_json(include_str!(
        "../../examples/data/scrub/claim-with-edits.json"
    ))
    .map_err(|e| Failure::input(format!("bundled draft claim: {e}")))?;
    let keyed = NaiveDate::from_ymd_opt(2026, 3, 10)
        .ok_or_else(|| Failure::input("draft date".to_owned()))?;
    let (sets, rules) = bundled()?;
    let findings = medbill::scrub::scrub(&claim, &sets, &rules, keyed, &ScrubHistory::default());
    let errors = findings.iter().filter(|f| f.is_error()).count();
    outln!(
        "   a coder's draft keyed on {keyed} (the bundled example claim): {} finding(s), {errors} error(s){}",
        findings.len(),
        if errors > 0 { ": held, not sent" } else { "" }
    );
    for finding in &findings {
        outln!(
            "   {:<7} {} at {}: {}",
            finding.severity.as_str(),
            finding.rule,
            finding.path,
            finding.message
        );
        if let Some(fix) = &finding.fix {
            outln!("           fix: {fix}");
        }
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        reason = "tests fail loudly"
    )]

    use super::*;

    #[test]
    fn the_demos_scrub_returns_the_errors_that_hold_a_claim() {
        // The example claim billing 29877 with 29881 and an add-on without its primary.
        let claim: Claim = medbill::from_json(include_str!(
            "../../examples/data/scrub/claim-with-edits.json"
        ))
        .unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let held = check(std::slice::from_ref(&claim), day).unwrap();
        let rules: Vec<&str> = held[0].iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["SCRUB-NCCI-PTP", "SCRUB-ADDON-PRIMARY"]);
        // The draft shown in the demo is the same claim, scrubbed with its validation too.
        let draft: Vec<String> = draft()
            .unwrap()
            .into_iter()
            .filter(|f| f.is_error())
            .map(|f| f.rule)
            .collect();
        assert_eq!(draft, ["SCRUB-NCCI-PTP", "SCRUB-ADDON-PRIMARY"]);
    }
}
