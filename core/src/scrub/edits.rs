//! NCCI procedure-to-procedure pairs (with the modifier indicator and the NCCI-associated
//! modifiers), Medically Unlikely Edits (MAI 1 per line, MAI 2 and 3 per date) and add-on
//! codes without their primary.

use rust_decimal::Decimal;

use super::rules::*;
use super::{Context, Line, Out};

/// The NCCI-associated modifiers that bypass a PTP edit with modifier indicator 1: anatomic
/// modifiers, global surgery modifiers, 27, 59, XE, XP, XS, XU and 91.
const BYPASS: &[&str] = &[
    "59", "XE", "XP", "XS", "XU", "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6",
    "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC",
    "LD", "LM", "RC", "RI", "24", "25", "57", "58", "78", "79", "27", "91",
];

pub(super) fn check(cx: &Context<'_>, out: &mut Out<'_>) {
    ptp(cx, out);
    mue(cx, out);
    add_on(cx, out);
}

fn ptp(cx: &Context<'_>, out: &mut Out<'_>) {
    let Some(table) = cx.sets.ptp(cx.setting) else {
        return;
    };
    for (i, a) in cx.lines.iter().enumerate() {
        for b in cx.lines.iter().skip(i.saturating_add(1)) {
            let (Some(code_a), Some(code_b)) = (a.procedure, b.procedure) else {
                continue;
            };
            if a.date != b.date || code_a == code_b {
                continue;
            }
            let found = table
                .edit_on(code_a, code_b, a.date)
                .map(|e| (e, a, b))
                .or_else(|| table.edit_on(code_b, code_a, a.date).map(|e| (e, b, a)));
            let Some((edit, column1, column2)) = found else {
                continue;
            };
            let rationale = table.rationale(edit);
            let why = if rationale.is_empty() {
                String::new()
            } else {
                format!(" ({rationale})")
            };
            match edit.modifier_indicator {
                0 => out.push(
                    NCCI_PTP,
                    format!("{}/procedure", column2.path),
                    format!(
                        "NCCI: {} is not paid with {} on the same date{why}; no modifier allows it",
                        edit.column2, edit.column1
                    ),
                    Some(format!("remove {} or bill only {}", edit.column2, edit.column1)),
                ),
                1 if !bypassed(column1) && !bypassed(column2) => out.push(
                    NCCI_PTP_MODIFIER,
                    format!("{}/modifiers", column2.path),
                    format!(
                        "NCCI: {} is not paid with {} on the same date{why} unless a modifier shows they were distinct",
                        edit.column2, edit.column1
                    ),
                    Some("if the services were distinct (another session, site or lesion), add 59 or XE, XP, XS, XU, or the anatomic modifier".into()),
                ),
                _ => {}
            }
        }
    }
}

fn bypassed(line: &Line<'_>) -> bool {
    line.has_any(BYPASS)
}

fn mue(cx: &Context<'_>, out: &mut Out<'_>) {
    let Some(table) = cx.sets.mue(cx.setting) else {
        return;
    };
    // Per line (MAI 1), and per code and date (MAI 2, 3), reported once at the date's
    // first line.
    for (i, line) in cx.lines.iter().enumerate() {
        let (Some(code), Some(units)) = (line.procedure, line.units()) else {
            continue;
        };
        let Some(edit) = table.get(code) else {
            continue;
        };
        let limit = Decimal::from(edit.value);
        if edit.mai == 1 {
            if units > limit {
                out.push(
                    MUE_LINE,
                    format!("{}/quantity", line.path),
                    format!("{units} units of {code} on one line exceed its MUE of {}", edit.value),
                    Some(format!("bill at most {} units on the line; report more only on lines with an anatomic modifier or 59/XE/XS where the rules allow", edit.value)),
                );
            }
            continue;
        }
        let earlier = cx
            .lines
            .iter()
            .take(i)
            .any(|l| l.procedure == Some(code) && l.date == line.date);
        if earlier {
            continue;
        }
        let total = cx
            .lines
            .iter()
            .filter(|l| l.procedure == Some(code) && l.date == line.date)
            .filter_map(Line::units)
            .try_fold(Decimal::ZERO, |sum, u| sum.checked_add(u));
        let Some(total) = total else { continue };
        if total > limit {
            let kind = if edit.mai == 2 { "policy" } else { "clinical" };
            out.push(
                MUE_DATE,
                format!("{}/quantity", line.path),
                format!(
                    "{total} units of {code} on one date exceed its MUE of {} (a date-of-service edit, {kind})",
                    edit.value
                ),
                Some(if edit.mai == 2 {
                    format!("bill at most {} units on the date: the limit is set by policy", edit.value)
                } else {
                    format!("bill at most {} units on the date, or appeal with the record", edit.value)
                }),
            );
        }
    }
}

fn add_on(cx: &Context<'_>, out: &mut Out<'_>) {
    let is_add_on = |line: &Line<'_>| -> bool {
        let Some(code) = line.procedure else {
            return false;
        };
        let edited = cx
            .sets
            .add_on
            .as_ref()
            .is_some_and(|t| t.of(code).iter().any(|e| e.is_active_on(line.date)));
        edited
            || cx
                .sets
                .pfs(code)
                .is_some_and(crate::codesets::RvuRow::is_add_on)
    };
    for (i, line) in cx.lines.iter().enumerate() {
        let Some(code) = line.procedure else { continue };
        if !is_add_on(line) {
            continue;
        }
        let same_date = || {
            cx.lines
                .iter()
                .enumerate()
                .filter(move |(j, l)| *j != i && l.date == line.date)
                .map(|(_, l)| l)
        };
        let edits: Vec<_> = cx
            .sets
            .add_on
            .as_ref()
            .map(|t| {
                t.of(code)
                    .iter()
                    .filter(|e| e.is_active_on(line.date))
                    .collect()
            })
            .unwrap_or_default();
        let listed: Vec<_> = edits
            .iter()
            .filter(|e| e.edit_type == 1)
            .filter_map(|e| e.primary)
            .collect();
        let only_listed = !edits.is_empty() && edits.iter().all(|e| e.edit_type == 1);
        let has_primary = if only_listed {
            same_date().any(|l| l.procedure.is_some_and(|p| listed.contains(&p)))
        } else {
            let listed_any: Vec<_> = edits.iter().filter_map(|e| e.primary).collect();
            same_date()
                .any(|l| l.procedure.is_some_and(|p| listed_any.contains(&p)) || !is_add_on(l))
        };
        if !has_primary {
            let fix = if only_listed && !listed.is_empty() {
                let names: Vec<String> = listed.iter().take(5).map(ToString::to_string).collect();
                let more = if listed.len() > 5 { ", …" } else { "" };
                format!(
                    "bill it with its primary procedure ({}{more}) on the same date",
                    names.join(", ")
                )
            } else {
                "bill it with its primary procedure on the same date".to_owned()
            };
            out.push(
                ADD_ON_PRIMARY,
                format!("{}/procedure", line.path),
                format!(
                    "{code} is an add-on code and no primary procedure for it is billed on the date"
                ),
                Some(fix),
            );
        }
    }
}
