//! Structural checks of a claim: what must hold for any payer before scrubbing starts, and
//! what the 837 can carry ([`elements`]).
//!
//! Rule ids are stable; paths are JSON pointers into the claim's JSON form.

mod elements;
mod situational;

use std::collections::HashSet;
use std::fmt::Display;

use rust_decimal::Decimal;

use super::{Claim, ClaimForm, DrugQuantity, Institutional, Professional};
use crate::codes::Modifier;
use crate::finding::Finding;
use crate::money::Money;

/// Most diagnoses on a professional claim (HI, box 21).
pub const MAX_PROFESSIONAL_DIAGNOSES: usize = 12;
/// Most diagnoses on an institutional claim (principal and 24 others).
pub const MAX_INSTITUTIONAL_DIAGNOSES: usize = 25;
/// Most service lines on an 837P claim.
pub const MAX_PROFESSIONAL_LINES: usize = 50;
/// Most service lines on an 837I claim.
pub const MAX_INSTITUTIONAL_LINES: usize = 999;
/// Longest patient control number (CLM01).
pub const MAX_PATIENT_CONTROL_NUMBER: usize = 38;

/// JSON pointers to each form's content.
const PRO: &str = "/form/professional";
const INST: &str = "/form/institutional";

impl Claim {
    /// Structural findings: lines present, totals add up, pointers in range, dates in order,
    /// replacement and void claims name the claim they change; the guides' situational rules
    /// (a laboratory's CLIA number, an ambulance's transport and places, an inpatient bill's
    /// admission and admitting diagnosis, dated procedures, which notes and identifiers go
    /// where…); and whatever the 837 guides (005010X222A1, 005010X223A2) forbid that the
    /// model can hold: element lengths, characters
    /// outside the X12 character set, dates outside CCYYMMDD, code lists, the billing
    /// provider's and service facility's 9-digit ZIP, parts the guides require.
    ///
    /// `write_837` refuses a claim with any error finding, so a claim without errors can be
    /// written (with delimiters it does not contain: see `CLM-VALUE-DELIMITER`). An empty list
    /// means the claim is well formed, not that a payer will pay it.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        self.check_header(&mut findings);
        self.check_total(&mut findings);
        match &self.form {
            ClaimForm::Professional(p) => self.check_professional(p, &mut findings),
            ClaimForm::Institutional(i) => self.check_institutional(i, &mut findings),
        }
        self.check_elements(&mut findings);
        self.check_situational(&mut findings);
        findings
    }

    fn check_header(&self, findings: &mut Vec<Finding>) {
        // 837 loop 2010CA: a patient who is not the subscriber is sent with an address
        // (N3/N4 required); without one the clearinghouse rejects the claim.
        if self.patient.as_ref().is_some_and(|p| p.address.is_none()) {
            findings.push(Finding::error(
                "CLM-PATIENT-ADDRESS",
                "/patient/address",
                "a patient who is not the subscriber needs an address (837 loop 2010CA N3/N4)",
            ));
        }
        let pcn_len = self.patient_control_number.chars().count();
        if pcn_len == 0 || pcn_len > MAX_PATIENT_CONTROL_NUMBER {
            findings.push(Finding::error(
                "CLM-PCN-LENGTH",
                "/patientControlNumber",
                format!("patient control number must be 1 to {MAX_PATIENT_CONTROL_NUMBER} characters, found {pcn_len}"),
            ));
        }
        let has_original = self
            .original_claim_number
            .as_deref()
            .is_some_and(|n| !n.trim().is_empty());
        if self.frequency.refers_to_prior_claim() && !has_original {
            findings.push(Finding::error(
                "CLM-FREQ-ORIGINAL-REF",
                "/originalClaimNumber",
                format!(
                    "frequency {} ({}) must carry the payer's original claim number (REF*F8)",
                    self.frequency.code(),
                    self.frequency.label()
                ),
            ));
        } else if !self.frequency.refers_to_prior_claim() && self.original_claim_number.is_some() {
            findings.push(Finding::warning(
                "CLM-FREQ-ORIGINAL-UNUSED",
                "/originalClaimNumber",
                "an original claim number is only sent with frequency 7 (replacement) or 8 (void)",
            ));
        }
        let mut seen = HashSet::new();
        for (index, diagnosis) in self.diagnoses.iter().enumerate() {
            if !seen.insert(diagnosis) {
                findings.push(Finding::warning(
                    "CLM-DX-DUPLICATE",
                    format!("/diagnoses/{index}"),
                    format!(
                        "diagnosis {} is listed more than once",
                        index.saturating_add(1)
                    ),
                ));
            }
        }
        let dates = &self.dates;
        if let (Some(from), Some(through)) = (dates.hospitalized_from, dates.hospitalized_through) {
            if through < from {
                findings.push(Finding::error(
                    "CLM-DATES-ORDER",
                    "/dates/hospitalizedThrough",
                    "hospitalization ends before it starts",
                ));
            }
        }
        if let (Some(onset), Some(first)) = (dates.onset, self.first_service_date()) {
            if onset > first {
                findings.push(Finding::warning(
                    "CLM-DATES-ONSET",
                    "/dates/onset",
                    "onset of illness is after the first date of service",
                ));
            }
        }
    }

    fn check_total(&self, findings: &mut Vec<Finding>) {
        if self.total_charge.is_negative() {
            findings.push(Finding::error(
                "CLM-TOTAL-NEGATIVE",
                "/totalCharge",
                "total charge is negative",
            ));
        }
        match self.line_charge_total() {
            Ok(sum) if sum != self.total_charge => findings.push(Finding::error(
                "CLM-TOTAL-CHARGE",
                "/totalCharge",
                format!(
                    "total charge {} does not equal the sum of the line charges {sum}",
                    self.total_charge
                ),
            )),
            Ok(_) => {}
            Err(_) => findings.push(Finding::error(
                "CLM-TOTAL-OVERFLOW",
                "/totalCharge",
                "the line charges are too large to add up",
            )),
        }
    }

    fn check_professional(&self, form: &Professional, findings: &mut Vec<Finding>) {
        if !self.frequency.is_professional() {
            findings.push(Finding::error(
                "CLM-FREQ-PROFESSIONAL",
                "/frequency",
                format!(
                    "a professional claim takes frequency 1, 7 or 8, not {}",
                    self.frequency.code()
                ),
            ));
        }
        check_diagnosis_count(
            self.diagnoses.len(),
            MAX_PROFESSIONAL_DIAGNOSES,
            true,
            findings,
        );
        check_line_count(form.lines.len(), MAX_PROFESSIONAL_LINES, PRO, findings);
        let mut control_numbers = HashSet::new();
        for (index, line) in form.lines.iter().enumerate() {
            let at = LinePath::at(PRO, index);
            check_charge(line.charge, at("charge"), findings);
            check_modifiers(&line.modifiers, at("modifiers"), findings);
            match line.quantity {
                super::Quantity::Units(units) if units <= Decimal::ZERO => {
                    findings.push(Finding::error(
                        "LINE-UNITS-POSITIVE",
                        at("quantity/units"),
                        "units must be greater than zero",
                    ))
                }
                super::Quantity::Minutes(0) => findings.push(Finding::error(
                    "LINE-UNITS-POSITIVE",
                    at("quantity/minutes"),
                    "anesthesia minutes must be greater than zero",
                )),
                super::Quantity::Minutes(_) if !line.procedure.is_anesthesia() => {
                    findings.push(Finding::warning(
                        "LINE-MINUTES-ANESTHESIA",
                        at("quantity/minutes"),
                        "minutes are reported only for anesthesia codes (00100-01999)",
                    ))
                }
                _ => {}
            }
            if line
                .service_date_end
                .is_some_and(|end| end < line.service_date)
            {
                findings.push(Finding::error(
                    "LINE-DATES-ORDER",
                    at("serviceDateEnd"),
                    "the service span ends before it starts",
                ));
            }
            check_pointers(
                &line.diagnosis_pointers,
                self.diagnoses.len(),
                index,
                findings,
            );
            check_drug(line.drug.as_ref(), at("drug/quantity"), findings);
            check_control_number(
                line.line_item_control_number.as_deref(),
                &mut control_numbers,
                at("lineItemControlNumber"),
                findings,
            );
        }
    }

    fn check_institutional(&self, form: &Institutional, findings: &mut Vec<Finding>) {
        check_diagnosis_count(
            self.diagnoses.len(),
            MAX_INSTITUTIONAL_DIAGNOSES,
            true,
            findings,
        );
        check_line_count(form.lines.len(), MAX_INSTITUTIONAL_LINES, INST, findings);
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(&form.facility_type) || form.facility_type.starts_with('0') {
            findings.push(Finding::error(
                "INST-FACILITY-TYPE",
                "/form/institutional/facilityType",
                "facility type must be two digits, the first 1-9 (type of bill digits 2-3)",
            ));
        }
        if !two_digits(&form.patient_status) {
            findings.push(Finding::error(
                "INST-PATIENT-STATUS",
                "/form/institutional/patientStatus",
                "patient discharge status must be two digits",
            ));
        }
        if form.statement_through < form.statement_from {
            findings.push(Finding::error(
                "CLM-DATES-ORDER",
                "/form/institutional/statementThrough",
                "the statement period ends before it starts",
            ));
        }
        if let Some(admission) = &form.admission {
            if admission
                .date
                .is_some_and(|date| date > form.statement_through)
            {
                findings.push(Finding::error(
                    "CLM-DATES-ORDER",
                    "/form/institutional/admission/date",
                    "admission is after the end of the statement period",
                ));
            }
            if admission.hour.is_some_and(|h| h > 23) {
                findings.push(Finding::error(
                    "INST-HOUR",
                    "/form/institutional/admission/hour",
                    "hour must be 0-23",
                ));
            }
        }
        if form.discharge_hour.is_some_and(|h| h > 23) {
            findings.push(Finding::error(
                "INST-HOUR",
                "/form/institutional/dischargeHour",
                "hour must be 0-23",
            ));
        }
        let mut control_numbers = HashSet::new();
        for (index, line) in form.lines.iter().enumerate() {
            let at = LinePath::at(INST, index);
            check_charge(line.charge, at("charge"), findings);
            check_modifiers(&line.modifiers, at("modifiers"), findings);
            if line.units <= Decimal::ZERO {
                findings.push(Finding::error(
                    "LINE-UNITS-POSITIVE",
                    at("units"),
                    "units must be greater than zero",
                ));
            }
            if let Some(date) = line.service_date {
                if date < form.statement_from || date > form.statement_through {
                    findings.push(Finding::error(
                        "LINE-DATE-IN-STATEMENT",
                        at("serviceDate"),
                        "the service date is outside the statement period",
                    ));
                }
            }
            if let Some(non_covered) = line.non_covered_charge {
                if non_covered.is_negative() || non_covered > line.charge {
                    findings.push(Finding::error(
                        "LINE-NONCOVERED-RANGE",
                        at("nonCoveredCharge"),
                        "the non-covered charge must be between zero and the line charge",
                    ));
                }
            }
            check_drug(line.drug.as_ref(), at("drug/quantity"), findings);
            check_control_number(
                line.line_item_control_number.as_deref(),
                &mut control_numbers,
                at("lineItemControlNumber"),
                findings,
            );
        }
    }
}

fn check_diagnosis_count(count: usize, max: usize, required: bool, findings: &mut Vec<Finding>) {
    if required && count == 0 {
        findings.push(Finding::error(
            "CLM-DX-REQUIRED",
            "/diagnoses",
            "at least one diagnosis is required",
        ));
    }
    if count > max {
        findings.push(Finding::error(
            "CLM-DX-COUNT",
            format!("/diagnoses/{max}"),
            format!("at most {max} diagnoses fit this claim form, found {count}"),
        ));
    }
}

fn check_line_count(count: usize, max: usize, form: &str, findings: &mut Vec<Finding>) {
    if count == 0 {
        findings.push(Finding::error(
            "CLM-LINES-REQUIRED",
            format!("{form}/lines"),
            "a claim needs at least one service line",
        ));
    }
    if count > max {
        findings.push(Finding::error(
            "CLM-LINES-COUNT",
            format!("{form}/lines/{max}"),
            format!("at most {max} lines fit this claim form, found {count}"),
        ));
    }
}

/// The JSON pointer of a line's field, written out only when a finding names it.
#[derive(Debug, Clone, Copy)]
pub(super) struct LinePath<'a> {
    pub(super) form: &'static str,
    pub(super) index: usize,
    pub(super) field: &'a str,
}

impl LinePath<'_> {
    /// The pointers of line `index`'s fields.
    pub(super) fn at(form: &'static str, index: usize) -> impl for<'f> Fn(&'f str) -> LinePath<'f> {
        move |field| LinePath { form, index, field }
    }
}

impl Display for LinePath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/lines/{}/{}", self.form, self.index, self.field)
    }
}

impl From<LinePath<'_>> for String {
    fn from(path: LinePath<'_>) -> String {
        path.to_string()
    }
}

fn check_charge(charge: Money, path: impl Display + Copy, findings: &mut Vec<Finding>) {
    if charge.is_negative() {
        findings.push(Finding::error(
            "LINE-CHARGE-NEGATIVE",
            path.to_string(),
            "line charge is negative",
        ));
    } else if charge.is_zero() {
        findings.push(Finding::warning(
            "LINE-CHARGE-ZERO",
            path.to_string(),
            "line charge is zero; most payers reject zero-charge lines",
        ));
    }
    if !charge.is_whole_cents() {
        findings.push(Finding::error(
            "LINE-CHARGE-CENTS",
            path.to_string(),
            "line charge has fractions of a cent",
        ));
    }
}

fn check_modifiers(modifiers: &[Modifier], path: impl Display + Copy, findings: &mut Vec<Finding>) {
    if modifiers.len() > 4 {
        findings.push(Finding::error(
            "LINE-MODIFIER-COUNT",
            format!("{path}/4"),
            format!("at most 4 modifiers per line, found {}", modifiers.len()),
        ));
    }
    for (index, modifier) in modifiers.iter().enumerate() {
        if modifiers
            .get(..index)
            .is_some_and(|before| before.contains(modifier))
        {
            findings.push(Finding::warning(
                "LINE-MODIFIER-DUPLICATE",
                format!("{path}/{index}"),
                "modifier repeated on the line",
            ));
        }
    }
}

fn check_pointers(pointers: &[u8], diagnoses: usize, line: usize, findings: &mut Vec<Finding>) {
    let path = LinePath {
        form: PRO,
        index: line,
        field: "diagnosisPointers",
    };
    if pointers.is_empty() {
        findings.push(Finding::error(
            "LINE-POINTER-REQUIRED",
            path.to_string(),
            "a professional line must point to at least one diagnosis",
        ));
    }
    if pointers.len() > 4 {
        findings.push(Finding::error(
            "LINE-POINTER-COUNT",
            format!("{path}/4"),
            format!(
                "at most 4 diagnosis pointers per line, found {}",
                pointers.len()
            ),
        ));
    }
    let mut seen = [false; 256];
    for (index, &pointer) in pointers.iter().enumerate() {
        let repeated = seen
            .get_mut(usize::from(pointer))
            .is_some_and(|seen| std::mem::replace(seen, true));
        if pointer == 0 || usize::from(pointer) > diagnoses {
            findings.push(Finding::error(
                "LINE-POINTER-RANGE",
                format!("{path}/{index}"),
                format!("pointer {pointer} does not name a diagnosis (the claim has {diagnoses})"),
            ));
        } else if repeated {
            findings.push(Finding::warning(
                "LINE-POINTER-DUPLICATE",
                format!("{path}/{index}"),
                format!("pointer {pointer} repeated"),
            ));
        }
    }
}

fn check_drug(drug: Option<&DrugQuantity>, path: impl Display + Copy, findings: &mut Vec<Finding>) {
    if drug.is_some_and(|d| d.quantity <= Decimal::ZERO) {
        findings.push(Finding::error(
            "LINE-NDC-QUANTITY",
            path.to_string(),
            "drug quantity must be greater than zero",
        ));
    }
}

fn check_control_number<'a>(
    number: Option<&'a str>,
    seen: &mut HashSet<&'a str>,
    path: impl Display + Copy,
    findings: &mut Vec<Finding>,
) {
    match number {
        None => findings.push(Finding::warning(
            "LINE-CONTROL-NUMBER",
            path.to_string(),
            "no line item control number: the 835 cannot be matched to this line reliably",
        )),
        Some(n) if n.is_empty() || n.len() > 50 => {
            findings.push(Finding::error(
                "LINE-CONTROL-NUMBER-LENGTH",
                path.to_string(),
                "line item control number must be 1 to 50 characters",
            ));
        }
        Some(n) if !seen.insert(n) => {
            findings.push(Finding::error(
                "LINE-CONTROL-NUMBER-UNIQUE",
                path.to_string(),
                "line item control number repeats another line's",
            ));
        }
        Some(_) => {}
    }
}
