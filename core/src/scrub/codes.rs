//! Code rules: ICD-10-CM validity, sequencing, Excludes1, age and sex; HCPCS/CPT and
//! modifier validity; HCPCS coverage and PFS status; place of service; taxonomy.

use chrono::Datelike;

use super::rules::*;
use super::{Context, Out};
use crate::claim::{ClaimForm, Sex};
use crate::codes::ProcedureKind;
use crate::codesets::{DiagnosisValidity, ProcedureValidity};
use crate::finding::Severity::{Error, Warning};

pub(super) fn check(cx: &Context<'_>, out: &mut Out<'_>) {
    diagnoses(cx, out);
    procedures(cx, out);
    places_and_taxonomies(cx, out);
}

fn diagnoses(cx: &Context<'_>, out: &mut Out<'_>) {
    let Some(date) = cx.claim.first_service_date() else {
        return;
    };
    if cx.sets.icd10cm.is_empty() {
        return;
    }
    let Some(table) = cx.sets.icd10cm_for(date) else {
        out.push(
            ICD_YEAR,
            "/diagnoses",
            format!(
                "no ICD-10-CM table for fiscal year {} (the year of the first date of service) is loaded; the diagnoses were not checked",
                crate::codesets::fiscal_year_of(date)
            ),
            Some("load that year's ICD-10-CM tabular or order file".into()),
        );
        return;
    };
    let sex = cx
        .claim
        .patient
        .as_ref()
        .map(|p| p.sex)
        .or(cx.claim.subscriber.sex);
    let birth = cx
        .claim
        .patient
        .as_ref()
        .map(|p| *p.birth_date.expose())
        .or_else(|| cx.claim.subscriber.birth_date.as_ref().map(|b| *b.expose()));
    for (i, code) in cx.claim.diagnoses.iter().enumerate() {
        let path = format!("/diagnoses/{i}");
        match cx.sets.diagnosis_on(code, date) {
            DiagnosisValidity::Unknown => out.push(
                ICD_UNKNOWN,
                &path,
                format!(
                    "diagnosis {} is not in ICD-10-CM for fiscal year {}",
                    i.saturating_add(1),
                    table.fiscal_year()
                ),
                Some("check the code against that year's tabular".into()),
            ),
            DiagnosisValidity::Header => out.push(
                ICD_NOT_BILLABLE,
                &path,
                format!(
                    "diagnosis {} is a category or subcategory, not a billable code",
                    i.saturating_add(1)
                ),
                Some("use the most specific code under it (with its 7th character where the category takes one)".into()),
            ),
            DiagnosisValidity::Billable(notes) => {
                if i == 0 && notes.manifestation() {
                    out.push(
                        ICD_MANIFESTATION_FIRST,
                        &path,
                        "the first-listed diagnosis is a manifestation code, which is never first-listed",
                        Some("list the underlying condition first".into()),
                    );
                } else if i == 0 && notes.code_first() {
                    out.push(
                        ICD_CODE_FIRST,
                        &path,
                        "the first-listed diagnosis carries a \"code first\" note in the tabular",
                        Some("list the underlying condition first".into()),
                    );
                }
                if notes.maternal() && matches!(sex, Some(Sex::Male)) {
                    out.push(
                        ICD_MATERNAL_SEX,
                        &path,
                        format!(
                            "diagnosis {} is for maternal records only and the patient is not female",
                            i.saturating_add(1)
                        ),
                        None,
                    );
                }
                if notes.newborn() {
                    let a_year_old = birth.and_then(|b| {
                        b.with_year(b.year().saturating_add(1))
                            .or_else(|| b.checked_add_days(chrono::Days::new(365)))
                    });
                    if a_year_old.is_some_and(|y| date >= y) {
                        out.push(
                            ICD_NEWBORN_AGE,
                            &path,
                            format!(
                                "diagnosis {} is for newborn records and the patient was a year old or more on the date of service",
                                i.saturating_add(1)
                            ),
                            Some("use it only while the perinatal condition is still present, and document it".into()),
                        );
                    }
                }
            }
            DiagnosisValidity::NotChecked => {}
        }
    }
    // Excludes1: a pair of diagnoses where one's note excludes the other.
    // Each code's notes are looked up once, not once per pair.
    let codes: Vec<(&str, Vec<&crate::codesets::Excludes1>)> = cx
        .claim
        .diagnoses
        .iter()
        .map(|c| (c.as_str(), table.excludes1_of(c.as_str()).collect()))
        .collect();
    for (i, (a, a_notes)) in codes.iter().enumerate() {
        for (j, (b, b_notes)) in codes.iter().enumerate().skip(i.saturating_add(1)) {
            let pair = a_notes.iter().any(|e| e.excluded.matches(b))
                || b_notes.iter().any(|e| e.excluded.matches(a));
            if pair {
                out.push(
                    ICD_EXCLUDES1,
                    format!("/diagnoses/{j}"),
                    format!(
                        "diagnoses {} and {} form an Excludes1 pair: the tabular says they are never coded together",
                        i.saturating_add(1),
                        j.saturating_add(1)
                    ),
                    Some("keep the one the record supports; remove the other".into()),
                );
            }
        }
    }
}

fn procedures(cx: &Context<'_>, out: &mut Out<'_>) {
    for line in &cx.lines {
        let Some(code) = line.procedure else { continue };
        match cx.sets.procedure_on(code, line.date) {
            ProcedureValidity::Valid | ProcedureValidity::NotChecked => {}
            ProcedureValidity::Unknown => out.push(
                PROCEDURE_INVALID,
                format!("{}/procedure", line.path),
                format!("{code} is not in the code file in force on the date of service"),
                None,
            ),
            ProcedureValidity::NotYet(added) => out.push(
                PROCEDURE_INVALID,
                format!("{}/procedure", line.path),
                format!("{code} takes effect on {added}, after the date of service"),
                None,
            ),
            ProcedureValidity::Terminated(last) => out.push(
                PROCEDURE_INVALID,
                format!("{}/procedure", line.path),
                format!("{code} was terminated: its last valid date was {last}"),
                Some("use the code that replaced it".into()),
            ),
        }
        if let Some(table) = cx.sets.hcpcs_for(line.date) {
            for (k, modifier) in line.modifiers.iter().enumerate() {
                let level_two = modifier.as_str().bytes().any(|b| b.is_ascii_alphabetic());
                if !level_two {
                    continue;
                }
                let valid = table
                    .modifier(*modifier)
                    .is_some_and(|m| m.is_valid_on(line.date));
                if !valid {
                    out.push(
                        MODIFIER_INVALID,
                        format!("{}/modifiers/{k}", line.path),
                        format!("modifier {modifier} is not a HCPCS modifier valid on the date of service"),
                        None,
                    );
                }
            }
            if cx.medicare && code.kind() == ProcedureKind::HcpcsLevelII {
                if let Some(entry) = table.get(code).filter(|c| c.not_covered_by_medicare()) {
                    let meaning = match entry.coverage {
                        Some('I') => "not payable by Medicare",
                        Some('M') => "non-covered by Medicare",
                        _ => "non-covered by Medicare statute",
                    };
                    out.push(
                        HCPCS_NOT_COVERED,
                        format!("{}/procedure", line.path),
                        format!(
                            "{code} has HCPCS coverage code {}: {meaning}",
                            entry.coverage.unwrap_or('?')
                        ),
                        Some(
                            "bill the patient with an ABN (modifier GA) or use the covered code"
                                .into(),
                        ),
                    );
                }
            }
        }
        if cx.medicare {
            // X (statutory exclusion), E (excluded by regulation), C, J, M are paid, or
            // reported, outside the fee schedule (lab, drug, ambulance fee schedules…): only
            // the statuses that mean "not paid for this code" are findings.
            if let Some(row) = cx.sets.pfs(code) {
                let (severity, meaning, fix) = match row.status.0 {
                    'B' => (
                        Warning,
                        "bundled: paid within another service, never separately",
                        None,
                    ),
                    'P' => (Warning, "bundled or excluded: not paid separately", None),
                    'N' => (
                        Warning,
                        "not covered by Medicare",
                        Some(
                            "bill the patient with an advance notice (modifier GA) or as non-covered (GY)",
                        ),
                    ),
                    'I' => (
                        Error,
                        "not valid for Medicare: another code is used for the service",
                        Some("use the HCPCS code Medicare recognizes for the service"),
                    ),
                    _ => continue,
                };
                out.push_as(
                    PFS_STATUS,
                    severity,
                    format!("{}/procedure", line.path),
                    format!("{code} has PFS status {}: {meaning}", row.status.0),
                    fix.map(str::to_owned),
                );
            }
        }
    }
}

fn places_and_taxonomies(cx: &Context<'_>, out: &mut Out<'_>) {
    if let (Some(table), ClaimForm::Professional(p)) = (&cx.sets.place_of_service, &cx.claim.form) {
        let first = cx.claim.first_service_date();
        if let Some(date) = first {
            if !table.is_valid_on(p.place_of_service, date) {
                out.push(
                    POS_INVALID,
                    "/form/professional/placeOfService",
                    format!(
                        "place of service {} is not a CMS place of service on the date of service",
                        p.place_of_service.as_str()
                    ),
                    None,
                );
            }
        }
        for (i, line) in p.lines.iter().enumerate() {
            if let Some(pos) = line.place_of_service {
                if !table.is_valid_on(pos, line.service_date) {
                    out.push(
                        POS_INVALID,
                        format!("/form/professional/lines/{i}/placeOfService"),
                        format!("place of service {} is not a CMS place of service on the date of service", pos.as_str()),
                        None,
                    );
                }
            }
        }
    }
    if let Some(table) = &cx.sets.taxonomy {
        let providers = [
            (
                "/billingProvider/taxonomy",
                Some(&cx.claim.billing_provider),
            ),
            (
                "/renderingProvider/taxonomy",
                cx.claim.rendering_provider.as_ref(),
            ),
            (
                "/referringProvider/taxonomy",
                cx.claim.referring_provider.as_ref(),
            ),
        ];
        for (path, provider) in providers {
            if let Some(taxonomy) = provider.and_then(|p| p.taxonomy.as_ref()) {
                if table.get(taxonomy).is_none() {
                    out.push(
                        TAXONOMY_UNKNOWN,
                        path,
                        format!("taxonomy {} is not in the NUCC list", taxonomy.as_str()),
                        None,
                    );
                }
            }
        }
    }
}
