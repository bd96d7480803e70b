//! The billing day's first step: each appointment's coverage, from the payers' 271 answers
//! to the practice's inquiries (bundled: `examples/data/eligibility/billing-day.271`, one
//! transaction set per payer). Each answer becomes the plan and what the patient has met
//! (`medbill::benefits::benefits_from_271`, the practice's copy of the plan filling what
//! the 271 leaves out); what stops a visit being billed to the plan is printed, never a
//! patient's name or id.

use medbill::benefits::{BenefitPlan, CoverageStatus, EligibilityCheck, ServiceCategory};
use medbill::claim::{Encounter, Practice};

use crate::Failure;
use crate::output::outln;

const ANSWERS: &[u8] = include_bytes!("../../examples/data/eligibility/billing-day.271");

/// Checks each encounter's patient against the payers' answers and prints one line each.
pub(crate) fn check(
    encounters: &[Encounter],
    practice: &Practice,
    plans: &[(&str, &str)],
) -> Result<(), Failure> {
    let responses =
        medbill::x12::read_271(ANSWERS).map_err(|e| Failure::input(format!("bundled 271: {e}")))?;
    let (mut active, mut stopped, mut unstated) = (0usize, 0usize, 0usize);
    for encounter in encounters {
        let Some(record) = practice
            .patients
            .iter()
            .find(|p| p.id == encounter.patient_id)
        else {
            outln!("   {:<9} no patient record", encounter.id);
            stopped = stopped.saturating_add(1);
            continue;
        };
        let coverage = &record.coverage;
        let template = practice
            .payers
            .iter()
            .find(|p| p.id == coverage.payer_id)
            .and_then(|p| plans.iter().find(|(id, _)| *id == p.payer.payer_id))
            .map(|(_, text)| medbill::from_json::<BenefitPlan>(text))
            .transpose()
            .map_err(|e| Failure::input(format!("bundled plan: {e}")))?;
        let mut check = EligibilityCheck::for_coverage(coverage, encounter.date);
        check.template = template;
        let result = medbill::benefits::benefits_from_271(&responses, &check);
        unstated =
            unstated.saturating_add(result.findings.iter().filter(|f| !f.is_error()).count());
        let (Some(plan), Some(met), CoverageStatus::Active) =
            (&result.plan, &result.accumulators, result.coverage)
        else {
            stopped = stopped.saturating_add(1);
            let why = result
                .findings
                .iter()
                .find(|f| f.is_error())
                .map(|f| match &f.fix {
                    Some(fix) => format!("{}; {fix}", f.message),
                    None => f.message.clone(),
                })
                .unwrap_or_else(|| format!("{:?}", result.coverage));
            outln!("   {:<9} NOT VERIFIED: {why}", encounter.id);
            continue;
        };
        active = active.saturating_add(1);
        let tier = &plan.in_network;
        let copay = tier
            .services
            .iter()
            .find(|s| s.category == ServiceCategory::OfficeVisit)
            .and_then(|s| s.copay)
            .map(|c| format!("  office visit copay ${c}"))
            .unwrap_or_default();
        outln!(
            "   {:<9} {:<28} active  deductible {:>9} ({:>8} met)  coinsurance {:>3}{copay}",
            encounter.id,
            plan.name,
            format!("${}", tier.deductible.individual),
            format!("${}", met.in_network.individual_deductible),
            tier.coinsurance.to_string()
        );
    }
    outln!(
        "   {active} of {} appointments verified active, {stopped} not; {unstated} figures the 271s did not state (taken from the practice's copy of the plan, or counted as not met)",
        encounters.len()
    );
    Ok(())
}
