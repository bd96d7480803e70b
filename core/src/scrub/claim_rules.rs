//! Claim rules: duplicate lines and claims (against history), timely filing by payer, NDC
//! for drug codes, anesthesia minutes, COB balancing on secondary claims, and the payer's
//! own "code requires …" rules.

use super::payer::Requirement;
use super::rules::*;
use super::{Context, Out, PriorService};
use crate::claim::{ClaimForm, Quantity};
use crate::codes::ProcedureKind;
use crate::finding::Severity;
use crate::money::Money;

pub(super) fn check(cx: &Context<'_>, out: &mut Out<'_>) {
    duplicates(cx, out);
    timely_filing(cx, out);
    drugs_and_anesthesia(cx, out);
    coordination_of_benefits(cx, out);
    payer_requirements(cx, out);
}

fn same_modifiers(a: &[crate::codes::Modifier], b: &[crate::codes::Modifier]) -> bool {
    a.len() == b.len() && a.iter().all(|m| b.contains(m))
}

fn duplicates(cx: &Context<'_>, out: &mut Out<'_>) {
    for (i, line) in cx.lines.iter().enumerate() {
        let Some(code) = line.procedure else { continue };
        let twin = cx.lines.iter().take(i).position(|l| {
            l.procedure == Some(code)
                && l.date == line.date
                && same_modifiers(l.modifiers, line.modifiers)
        });
        if let Some(j) = twin {
            out.push(
                DUPLICATE_LINE,
                format!("{}/procedure", line.path),
                format!(
                    "line {} repeats line {} (same code, modifiers and date)",
                    i.saturating_add(1),
                    j.saturating_add(1)
                ),
                Some("put the units on one line, or add 76/77 (repeat procedure) or 91 (repeat test) if it was done again".into()),
            );
        }
    }
    if cx.history.services.is_empty() {
        return;
    }
    let corrects_prior = cx.claim.frequency.refers_to_prior_claim();
    let billed_before = |line: &super::Line<'_>| -> Option<&PriorService> {
        cx.history.services.iter().find(|s| {
            Some(s.procedure) == line.procedure
                && s.service_date == line.date
                && same_modifiers(&s.modifiers, line.modifiers)
                && s.claim != cx.claim.patient_control_number
        })
    };
    let repeats = |line: &super::Line<'_>| line.has_any(&["76", "77", "91"]);
    let before: Vec<_> = cx.lines.iter().map(billed_before).collect();
    let all_before = !cx.lines.is_empty() && before.iter().all(Option::is_some);
    if all_before && !corrects_prior {
        out.push(
            DUPLICATE_CLAIM,
            "/frequency",
            "every line of this original claim was billed before on another claim",
            Some("do not send it again; to change the earlier claim, send a replacement (frequency 7) with the payer's claim number".into()),
        );
        return;
    }
    if corrects_prior {
        return;
    }
    for (line, prior) in cx.lines.iter().zip(before) {
        if prior.is_some() {
            let severity = if repeats(line) {
                Severity::Warning
            } else {
                Severity::Error
            };
            out.push_as(
                DUPLICATE_HISTORY,
                severity,
                format!("{}/procedure", line.path),
                "the same code, modifiers and date were billed before on another claim",
                Some("remove the line, or add 76/77/91 if the service was repeated".into()),
            );
        }
    }
}

fn timely_filing(cx: &Context<'_>, out: &mut Out<'_>) {
    let Some(first) = cx.lines.iter().map(|l| l.date).min() else {
        return;
    };
    let limit = i64::from(cx.rules.filing_limit());
    let days = cx.as_of.signed_duration_since(first).num_days();
    let deadline = super::plus_days(first, u64::from(cx.rules.filing_limit()));
    let deadline_text = deadline.map_or_else(|| "?".to_owned(), |d| d.to_string());
    if days > limit {
        out.push(
            TIMELY_FILING,
            "/form",
            format!(
                "the earliest date of service is {days} days ago, past the payer's filing limit of {limit} days (last day {deadline_text})"
            ),
            Some("send it only with proof of timely filing or a delay reason the payer accepts".into()),
        );
    } else if limit.saturating_sub(days) <= 14 {
        out.push(
            TIMELY_FILING_SOON,
            "/form",
            format!(
                "the payer's filing limit for the earliest date of service ends on {deadline_text}"
            ),
            Some("send the claim now".into()),
        );
    }
}

fn is_drug(cx: &Context<'_>, line: &super::Line<'_>) -> bool {
    let Some(code) = line.procedure else {
        return false;
    };
    if code.kind() != ProcedureKind::HcpcsLevelII {
        return false;
    }
    code.as_str().starts_with('J')
        || cx
            .sets
            .hcpcs_for(line.date)
            .and_then(|t| t.get(code))
            .is_some_and(|c| c.pricing.first().is_some_and(|p| p.as_str() == "51"))
}

fn drugs_and_anesthesia(cx: &Context<'_>, out: &mut Out<'_>) {
    for line in &cx.lines {
        let Some(code) = line.procedure else { continue };
        if is_drug(cx, line) && !line.has_drug {
            out.push(
                NDC_REQUIRED,
                format!("{}/drug", line.path),
                format!("{code} is a drug code and the line names no NDC"),
                Some("add the drug's NDC and quantity (LIN*N4, CTP)".into()),
            );
        }
        if code.is_anesthesia() && matches!(line.quantity, Quantity::Units(_)) {
            out.push(
                ANESTHESIA_MINUTES,
                format!("{}/quantity", line.path),
                format!(
                    "anesthesia {code} is reported in units; anesthesia time is reported in minutes"
                ),
                Some("report the anesthesia time in minutes (SV103 MJ)".into()),
            );
        }
    }
}

fn coordination_of_benefits(cx: &Context<'_>, out: &mut Out<'_>) {
    let charges: Vec<Money> = match &cx.claim.form {
        ClaimForm::Professional(p) => p.lines.iter().map(|l| l.charge).collect(),
        ClaimForm::Institutional(i) => i.lines.iter().map(|l| l.charge).collect(),
    };
    for (k, other) in cx.claim.other_payers.iter().enumerate() {
        let Some(paid) = other.paid else { continue };
        let path = format!("/otherPayers/{k}");
        let mut line_adjustments = Money::ZERO;
        for (n, adjudication) in other.lines.iter().enumerate() {
            let adjusted = Money::sum(adjudication.adjustments.iter().map(|a| a.amount));
            let Ok(adjusted) = adjusted else {
                out.push(
                    COB_BALANCE,
                    format!("{path}/lines/{n}"),
                    "the line's adjustments overflow",
                    None,
                );
                continue;
            };
            line_adjustments = match line_adjustments.checked_add(adjusted) {
                Ok(sum) => sum,
                Err(_) => {
                    out.push(
                        COB_BALANCE,
                        format!("{path}/lines/{n}"),
                        "the adjustments overflow",
                        None,
                    );
                    return;
                }
            };
            let Some(charge) = charges.get(adjudication.line) else {
                continue;
            };
            if adjudication.paid.checked_add(adjusted).ok() != Some(*charge) {
                out.push(
                    COB_BALANCE,
                    format!("{path}/lines/{n}"),
                    format!(
                        "the other payer's line paid amount and adjustments ({} + {}) do not equal the line's charge {}",
                        adjudication.paid, adjusted, charge
                    ),
                    Some("the line charge must equal what the other payer paid plus its line adjustments (SVD02 + 2430 CAS)".into()),
                );
            }
        }
        let claim_adjustments = Money::sum(other.adjustments.iter().map(|a| a.amount));
        let total = claim_adjustments
            .and_then(|c| c.checked_add(line_adjustments))
            .and_then(|c| c.checked_add(paid));
        match total {
            Ok(total) if total == cx.claim.total_charge => {}
            Ok(total) => out.push(
                COB_BALANCE,
                format!("{path}/paid"),
                format!(
                    "the other payer's paid amount and adjustments add to {total}, not the claim's total charge {}",
                    cx.claim.total_charge
                ),
                Some("the total charge must equal the paid amount plus the claim and line adjustments (AMT*D + 2320 CAS + 2430 CAS)".into()),
            ),
            Err(_) => out.push(COB_BALANCE, format!("{path}/paid"), "the other payer's amounts overflow", None),
        }
    }
}

fn payer_requirements(cx: &Context<'_>, out: &mut Out<'_>) {
    if cx.rules.requirements.is_empty() {
        return;
    }
    let claim_auth = cx.claim.prior_authorization.is_some();
    for line in &cx.lines {
        let Some(code) = line.procedure else { continue };
        for requirement in cx.rules.requirements.iter().filter(|r| r.procedure == code) {
            let severity = requirement.severity.unwrap_or(Severity::Error);
            let reason = requirement
                .reason
                .as_deref()
                .map_or_else(String::new, |r| format!(" ({r})"));
            match &requirement.requires {
                Requirement::Modifier { modifiers } => {
                    if !modifiers.iter().any(|m| line.modifiers.contains(m)) {
                        let names: Vec<&str> = modifiers.iter().map(|m| m.as_str()).collect();
                        out.push_as(
                            PAYER_MODIFIER,
                            severity,
                            format!("{}/modifiers", line.path),
                            format!(
                                "the payer requires modifier {} with {code}{reason}",
                                names.join(" or ")
                            ),
                            Some(format!("add modifier {}", names.join(" or "))),
                        );
                    }
                }
                Requirement::Ndc => {
                    if !line.has_drug {
                        out.push_as(
                            PAYER_NDC,
                            severity,
                            format!("{}/drug", line.path),
                            format!("the payer requires the NDC with {code}{reason}"),
                            Some("add the drug's NDC and quantity".into()),
                        );
                    }
                }
                Requirement::PriorAuthorization => {
                    if !claim_auth && !line.prior_authorization {
                        out.push_as(
                            PAYER_PRIOR_AUTH,
                            severity,
                            format!("{}/procedure", line.path),
                            format!("the payer requires prior authorization for {code}{reason}"),
                            Some("obtain the authorization and send its number (REF*G1)".into()),
                        );
                    }
                }
            }
        }
    }
}
