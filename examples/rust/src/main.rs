//! A small Rust program using medbill: prepare a claim from a coded encounter, validate it,
//! and split a $100.00 payment across its lines in proportion to their charges.
#![allow(clippy::print_stdout, reason = "an example prints its results")]

use std::error::Error;
use std::path::Path;

use medbill::claim::{ClaimForm, Encounter, Practice};
use medbill::{Money, allocate, from_json, prepare_claim};

fn main() -> Result<(), Box<dyn Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let practice: Practice = from_json(&std::fs::read_to_string(data.join("practice.json"))?)?;
    let encounter: Encounter = from_json(&std::fs::read_to_string(
        data.join("encounters/enc-office-visit.json"),
    )?)?;

    let claim = prepare_claim(&encounter, &practice)?;
    let findings = claim.validate();
    println!(
        "claim {}: {} finding(s), total ${}",
        claim.patient_control_number,
        findings.len(),
        claim.total_charge
    );

    let ClaimForm::Professional(form) = &claim.form else {
        return Err("expected a professional claim".into());
    };
    let weights: Vec<_> = form.lines.iter().map(|line| line.charge.amount()).collect();
    let payment: Money = "100.00".parse()?;
    for (line, share) in form.lines.iter().zip(allocate(payment, &weights)?) {
        println!(
            "  {} charged ${} gets ${share} of the payment",
            line.procedure, line.charge
        );
    }
    Ok(())
}
