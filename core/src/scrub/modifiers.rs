//! Modifier rules: 26/TC, 50, 80/81/82/AS, 62, 66 against the PFS indicators (RVU25D.pdf),
//! GA/GZ, and 24/25/57 (E/M) and 58/78/79 (procedures) in a surgery's global period.

use chrono::NaiveDate;

use super::rules::*;
use super::{Context, Out, is_evaluation_and_management, minus_days, plus_days};
use crate::codes::ProcedureCode;
use crate::finding::Severity::{Error, Warning};

pub(super) fn check(cx: &Context<'_>, out: &mut Out<'_>) {
    indicators(cx, out);
    ga_gz(cx, out);
    global_periods(cx, out);
}

fn indicators(cx: &Context<'_>, out: &mut Out<'_>) {
    for line in &cx.lines {
        let Some(code) = line.procedure else { continue };
        let Some(row) = cx.sets.pfs(code) else {
            continue;
        };
        let at = |k: usize| format!("{}/modifiers/{k}", line.path);
        for (k, modifier) in line.modifiers.iter().enumerate() {
            match modifier.bytes() {
                // PC/TC 1: the service splits into professional (26) and technical (TC)
                // components; 6: laboratory physician interpretation, 26 only.
                b"26" if !matches!(row.pctc, 1 | 6) => out.push(
                    MOD_PCTC,
                    at(k),
                    format!("modifier 26 does not apply to {code}: its PC/TC indicator is {}, not a split service", row.pctc),
                    Some("remove modifier 26".into()),
                ),
                b"TC" if row.pctc != 1 => out.push(
                    MOD_PCTC,
                    at(k),
                    format!("modifier TC does not apply to {code}: its PC/TC indicator is {}, not a split service", row.pctc),
                    Some("remove modifier TC".into()),
                ),
                // Bilateral 1: 150% payment adjustment applies with 50; 0, 2, 3, 9 do not
                // take 50 (3: each side separately, with RT/LT).
                b"50" if row.bilateral != 1 => {
                    let fix = match row.bilateral {
                        3 => "report each side on its own line with RT and LT",
                        2 => "remove 50: the code already describes both sides",
                        _ => "remove modifier 50",
                    };
                    out.push(
                        MOD_BILATERAL,
                        at(k),
                        format!("modifier 50 does not apply to {code}: its bilateral indicator is {}", row.bilateral),
                        Some(fix.into()),
                    );
                }
                // Assistant 0: restriction unless documentation shows medical necessity;
                // 1: statutory restriction; 2: allowed; 9: not applicable.
                b"80" | b"81" | b"82" | b"AS" => match row.assistant {
                    0 => out.push_as(
                        MOD_ASSISTANT,
                        Warning,
                        at(k),
                        format!("an assistant at surgery for {code} is paid only with documentation of medical necessity (assistant indicator 0)"),
                        Some("attach the documentation".into()),
                    ),
                    1 | 9 => out.push_as(
                        MOD_ASSISTANT,
                        Error,
                        at(k),
                        format!("an assistant at surgery is not paid for {code} (assistant indicator {})", row.assistant),
                        Some(format!("remove modifier {modifier}")),
                    ),
                    _ => {}
                },
                b"62" => surgeons(out, at(k), code, "62", "co-surgeons", MOD_CO_SURGEON, row.co_surgeons),
                b"66" => surgeons(out, at(k), code, "66", "a surgical team", MOD_TEAM, row.team),
                _ => {}
            }
        }
    }
}

/// Co-surgeons and team indicators: 0 not permitted, 1 with documentation, 2 permitted,
/// 9 not applicable.
fn surgeons(
    out: &mut Out<'_>,
    path: String,
    code: ProcedureCode,
    modifier: &str,
    who: &str,
    rule: &'static str,
    indicator: u8,
) {
    match indicator {
        0 | 9 => out.push_as(
            rule,
            Error,
            path,
            format!("{who} are not paid for {code} (indicator {indicator})"),
            Some(format!("remove modifier {modifier}")),
        ),
        1 => out.push_as(
            rule,
            Warning,
            path,
            format!("{who} for {code} are paid only with documentation of medical necessity (indicator 1)"),
            Some("attach the documentation".into()),
        ),
        _ => {}
    }
}

fn ga_gz(cx: &Context<'_>, out: &mut Out<'_>) {
    for line in &cx.lines {
        let (ga, gz) = (line.has("GA"), line.has("GZ"));
        if ga && gz {
            out.push_as(
                MOD_GA_GZ,
                Error,
                format!("{}/modifiers", line.path),
                "GA (a waiver of liability is on file) and GZ (none is) contradict each other",
                Some("keep the one that is true".into()),
            );
        } else if gz {
            out.push_as(
                MOD_GA_GZ,
                Warning,
                format!("{}/modifiers", line.path),
                "GZ says the service is expected to be denied as not reasonable and necessary, with no waiver of liability on file: the provider bears the denial",
                None,
            );
        }
    }
}

/// A surgery with a global period: its code, date and days (0, 10, 90).
struct Surgery {
    code: ProcedureCode,
    date: NaiveDate,
    days: u64,
    line: Option<usize>,
}

fn global_days(cx: &Context<'_>, code: ProcedureCode) -> Option<u64> {
    match cx.sets.pfs(code)?.global_days.as_str() {
        "000" => Some(0),
        "010" => Some(10),
        "090" => Some(90),
        _ => None,
    }
}

fn global_periods(cx: &Context<'_>, out: &mut Out<'_>) {
    if cx.sets.rvu.is_none() {
        return;
    }
    let mut surgeries: Vec<Surgery> = cx
        .history
        .services
        .iter()
        .filter_map(|s| {
            Some(Surgery {
                code: s.procedure,
                date: s.service_date,
                days: global_days(cx, s.procedure)?,
                line: None,
            })
        })
        .collect();
    for (i, line) in cx.lines.iter().enumerate() {
        if let Some(code) = line.procedure {
            if let Some(days) = global_days(cx, code) {
                surgeries.push(Surgery {
                    code,
                    date: line.date,
                    days,
                    line: Some(i),
                });
            }
        }
    }
    for (i, line) in cx.lines.iter().enumerate() {
        let Some(code) = line.procedure else { continue };
        for surgery in surgeries.iter().filter(|s| s.line != Some(i)) {
            let end = plus_days(surgery.date, surgery.days);
            let after = end.is_some_and(|end| line.date > surgery.date && line.date <= end);
            let same_day = line.date == surgery.date;
            let day_before = minus_days(surgery.date, 1) == Some(line.date);
            if is_evaluation_and_management(code) {
                let (needed, when): (&[&str], &str) = if after {
                    (&["24"], "in the postoperative period")
                } else if surgery.days == 90 && (same_day || day_before) {
                    (&["57", "25"], "on the day of or before a major surgery")
                } else if same_day {
                    (&["25"], "on the day of a minor procedure")
                } else {
                    continue;
                };
                if !line.has_any(needed) {
                    out.push(
                        GLOBAL_EM,
                        format!("{}/modifiers", line.path),
                        format!(
                            "the E/M {code} falls {when} of {} ({}-day global period), which includes it",
                            surgery.code, surgery.days
                        ),
                        Some(format!(
                            "if it was separately identifiable or unrelated, add modifier {}",
                            needed.join(" or ")
                        )),
                    );
                    break;
                }
            } else if after
                && surgery.days > 0
                && cx.sets.pfs(code).is_some_and(|r| !r.is_add_on())
                && !line.has_any(&["58", "78", "79"])
            {
                out.push(
                    GLOBAL_PROCEDURE,
                    format!("{}/modifiers", line.path),
                    format!(
                        "{code} falls in the {}-day global period of {}",
                        surgery.days, surgery.code
                    ),
                    Some("add 58 (staged), 78 (return to the operating room) or 79 (unrelated) as the record shows".into()),
                );
                break;
            }
        }
    }
}
