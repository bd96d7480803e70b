//! Multiple-procedure rules across a claim's same-day lines (RULES.md §2; RVU file field
//! "MULT PROC"). Indicator 3 first folds each endoscopy family into one procedure; families and
//! indicator-2 surgeries are then ranked by amount (100%, then the contract's rates); indicators
//! 4–7 pay part of one component (technical, professional or practice expense) of the 2nd and
//! later procedures. Add-on codes are exempt. Each reduction is a step of the line's trace.

use std::cmp::Reverse;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::engine::{Context, LineInput, Verdict, Work, price_line, rvu_row, schedule_amount};
use super::trace::{Operation, TraceInputs, Tracer, input};
use super::{FeeSchedule, LineStatus, PfsSchedule, PricingError};
use crate::codes::{Modifier, ProcedureCode};
use crate::codesets::{Gpci, RvuRow};
use crate::money::{Money, MoneyError, Rate, Rounding};

/// Applies every multiple-procedure rule, one date of service at a time.
pub(super) fn reduce(
    lines: &[LineInput<'_>],
    work: &mut [Work<'_>],
    context: Context<'_>,
) -> Result<(), PricingError> {
    let mut dates: Vec<NaiveDate> = lines.iter().map(|l| l.service_date).collect();
    dates.sort();
    dates.dedup();
    for date in dates {
        let day: Vec<usize> = (0..lines.len())
            .filter(|&i| lines.get(i).is_some_and(|l| l.service_date == date))
            .collect();
        surgeries(&day, lines, work, context)?;
        for indicator in [4, 5, 6, 7] {
            components(indicator, &day, lines, work, context)?;
        }
    }
    Ok(())
}

/// The row of a line still priced, when it is not an add-on code (add-ons are exempt).
fn reducible<'a>(work: &[Work<'a>], index: usize) -> Option<&'a RvuRow> {
    work.get(index)
        .filter(|w| w.status == LineStatus::Priced)
        .and_then(|w| w.row)
        .filter(|r| !r.is_add_on())
}

/// Orders lines of equal amount by their content (code, then the higher charge, …), never by
/// their position, so reordering a claim's lines cannot change what is paid.
#[allow(clippy::type_complexity, reason = "a sort key, used once")]
fn content_key<'l>(
    lines: &'l [LineInput<'_>],
    index: usize,
) -> (
    Option<ProcedureCode>,
    Reverse<Option<Money>>,
    Option<(
        &'l [Modifier],
        Decimal,
        Option<u32>,
        Option<crate::codes::PlaceOfService>,
        Option<crate::codes::Taxonomy>,
    )>,
) {
    let line = lines.get(index);
    (
        line.and_then(|l| l.procedure),
        Reverse(line.map(|l| l.charge)),
        line.map(|l| {
            (
                l.modifiers,
                l.units,
                l.minutes,
                l.place_of_service,
                l.rendering_taxonomy,
            )
        }),
    )
}

fn running(work: &[Work<'_>], index: usize) -> Money {
    work.get(index)
        .map(|w| w.tracer.running)
        .unwrap_or_default()
}

/// One endoscopy family of a day: the codes with indicator 3 and this endoscopic base.
struct Family {
    base: ProcedureCode,
    members: Vec<usize>,
    /// Lines billing the base code itself.
    base_lines: Vec<usize>,
}

/// What is ranked under the standard surgery rule: one procedure, or one endoscopy family.
struct Ranked {
    amount: Money,
    /// The lines paid at the unit's rank.
    lines: Vec<usize>,
    /// The line whose content breaks ties.
    lead: usize,
}

/// Indicators 2 and 3: endoscopy families first, then everything ranked by amount.
fn surgeries(
    day: &[usize],
    lines: &[LineInput<'_>],
    work: &mut [Work<'_>],
    context: Context<'_>,
) -> Result<(), PricingError> {
    let mut families: Vec<Family> = Vec::new();
    let mut singles = Vec::new();
    for &i in day {
        let Some(row) = reducible(work, i) else {
            continue;
        };
        match (row.multiple_procedure, row.endoscopic_base) {
            (3, Some(base)) => match families.iter_mut().find(|f| f.base == base) {
                Some(family) => family.members.push(i),
                None => families.push(Family {
                    base,
                    members: vec![i],
                    base_lines: Vec::new(),
                }),
            },
            (2 | 3, _) => singles.push(i),
            _ => {}
        }
    }
    // A base code billed with an endoscopy of its family is not paid separately.
    singles.retain(|&i| {
        let code = lines.get(i).and_then(|l| l.procedure);
        match families.iter_mut().find(|f| Some(f.base) == code) {
            Some(family) => {
                family.base_lines.push(i);
                false
            }
            None => true,
        }
    });
    let mut ranked: Vec<Ranked> = singles
        .iter()
        .map(|&i| Ranked {
            amount: running(work, i),
            lines: vec![i],
            lead: i,
        })
        .collect();
    for family in &mut families {
        family
            .members
            .sort_by_cached_key(|&i| (Reverse(running(work, i)), content_key(lines, i)));
        let lead = family.members.first().copied().unwrap_or_default();
        let lead_code = lines
            .get(lead)
            .and_then(|l| l.procedure)
            .map(|c| c.to_string())
            .unwrap_or_default();
        for &b in &family.base_lines {
            if let Some(item) = work.get_mut(b) {
                item.status = LineStatus::NotPayable {
                    reason: format!(
                        "endoscopic base {} billed with {lead_code} of its family: its payment is included in that endoscopy's (multiple-procedure indicator 3)",
                        family.base
                    ),
                };
            }
        }
        if family.members.len() > 1 {
            endoscopy_family(family, lines, work, context)?;
        }
        let priced: Vec<usize> = family
            .members
            .iter()
            .copied()
            .filter(|&i| work.get(i).is_some_and(|w| w.status == LineStatus::Priced))
            .collect();
        if priced.is_empty() {
            continue;
        }
        ranked.push(Ranked {
            amount: Money::sum(priced.iter().map(|&i| running(work, i)))?,
            lines: priced,
            lead,
        });
    }
    if ranked.len() < 2 {
        return Ok(());
    }
    ranked.sort_by_cached_key(|r| (Reverse(r.amount), content_key(lines, r.lead)));
    let rates = &context.contract.settings.multiple_procedure_rates;
    let count = ranked.len();
    for (rank, unit) in ranked.iter().enumerate() {
        let place = rank.saturating_add(1);
        for &index in &unit.lines {
            let Some(item) = work.get_mut(index) else {
                continue;
            };
            match rates.get(rank) {
                Some(rate) => {
                    let what = if unit.lines.len() > 1 {
                        "multiple procedure reduction: same-day procedures ranked by amount (this endoscopy family as one procedure)"
                    } else {
                        "multiple procedure reduction: same-day procedures ranked by amount"
                    };
                    item.tracer.step(
                        "MPPR-51",
                        what,
                        TraceInputs::from_iter([
                            input("rank", Decimal::from(place)),
                            input("procedures ranked", Decimal::from(count)),
                            input("percent paid", rate.percent()),
                        ]),
                        Operation::Multiply {
                            factor: rate.fraction(),
                        },
                        None,
                    )?;
                }
                None => {
                    item.status = LineStatus::ManualPricing {
                        reason: format!(
                            "multiple procedure rank {place}: procedures past the {}th are priced by report",
                            rates.len()
                        ),
                    };
                }
            }
        }
    }
    Ok(())
}

/// Within one family (members sorted, highest first): the highest endoscopy in full, each
/// other one its amount less the base endoscopy's amount (priced like the member: same
/// schedule, setting, units and modifiers), never below zero.
fn endoscopy_family(
    family: &Family,
    lines: &[LineInput<'_>],
    work: &mut [Work<'_>],
    context: Context<'_>,
) -> Result<(), PricingError> {
    let base = family.base;
    for (position, &index) in family.members.iter().enumerate() {
        let Some(line) = lines.get(index) else {
            continue;
        };
        if position == 0 {
            if let Some(item) = work.get_mut(index) {
                item.tracer.step(
                    "MPPR-ENDOSCOPY",
                    format!("the highest-valued endoscopy of the {base} family: paid in full"),
                    TraceInputs::new(),
                    Operation::Multiply {
                        factor: Decimal::ONE,
                    },
                    None,
                )?;
            }
            continue;
        }
        let as_base = LineInput {
            procedure: Some(base),
            ..line.clone()
        };
        let base_work = price_line(&as_base, context)?;
        let Some(item) = work.get_mut(index) else {
            continue;
        };
        if base_work.status != LineStatus::Priced {
            item.status = LineStatus::ManualPricing {
                reason: format!(
                    "the endoscopic base {base} has no price under this schedule, so the other endoscopies of its family are priced by report"
                ),
            };
            continue;
        }
        let base_amount = base_work.tracer.running;
        let inputs = TraceInputs::from_iter([input("base amount", base_amount)]);
        if item.tracer.running > base_amount {
            item.tracer.step(
                "MPPR-ENDOSCOPY",
                format!(
                    "another endoscopy of the {base} family: its amount less the base endoscopy's"
                ),
                inputs,
                Operation::Subtract {
                    amount: base_amount,
                },
                None,
            )?;
        } else {
            item.tracer.step(
                "MPPR-ENDOSCOPY",
                format!(
                    "another endoscopy of the {base} family, worth no more than the base endoscopy: nothing added"
                ),
                inputs,
                Operation::Set {
                    amount: Money::ZERO,
                },
                None,
            )?;
        }
    }
    Ok(())
}

/// The part of a line a component rule reduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The whole line is that component (a 26 or TC line, or a professional-only or
    /// technical-only code).
    Whole,
    /// The 26 or TC row of a global line.
    Component(Modifier),
    /// The practice-expense share of the line's RVUs.
    PracticeExpense,
}

/// Which component a rule reduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Component {
    Technical,
    Professional,
    PracticeExpense,
}

/// One reduction of a component rule.
struct Reduction {
    rule: &'static str,
    component: Component,
    rate: Rate,
    what: &'static str,
}

fn reductions(indicator: u8, context: Context<'_>) -> Vec<Reduction> {
    let rates = context.contract.settings.component_reductions;
    match indicator {
        4 => vec![
            Reduction {
                rule: "MPPR-IMAGING-TC",
                component: Component::Technical,
                rate: rates.imaging_technical,
                what: "diagnostic imaging (multiple-procedure indicator 4): technical component",
            },
            Reduction {
                rule: "MPPR-IMAGING-PC",
                component: Component::Professional,
                rate: rates.imaging_professional,
                what: "diagnostic imaging (multiple-procedure indicator 4): professional component",
            },
        ],
        5 => vec![Reduction {
            rule: "MPPR-THERAPY-PE",
            component: Component::PracticeExpense,
            rate: rates.therapy_practice_expense,
            what: "therapy (multiple-procedure indicator 5): practice-expense component",
        }],
        6 => vec![Reduction {
            rule: "MPPR-CARDIOVASCULAR-TC",
            component: Component::Technical,
            rate: rates.cardiovascular_technical,
            what: "diagnostic cardiovascular (multiple-procedure indicator 6): technical component",
        }],
        7 => vec![Reduction {
            rule: "MPPR-OPHTHALMOLOGY-TC",
            component: Component::Technical,
            rate: rates.ophthalmology_technical,
            what: "diagnostic ophthalmology (multiple-procedure indicator 7): technical component",
        }],
        _ => Vec::new(),
    }
}

/// The part of `line` that is `component`: Ok(None) when the line has none of it, Err(why)
/// when the RVU file does not split it.
fn part_of(
    line: &LineInput<'_>,
    row: &RvuRow,
    component: Component,
) -> Result<Option<Part>, String> {
    if component == Component::PracticeExpense {
        return Ok(Some(Part::PracticeExpense));
    }
    let technical = component == Component::Technical;
    if let Some(billed) = line.flags.component {
        let billed_technical = billed.as_str() == "TC";
        return Ok((billed_technical == technical).then_some(Part::Whole));
    }
    match row.pctc {
        1 => {
            let modifier =
                Modifier::parse(if technical { "TC" } else { "26" }).map_err(|e| e.to_string())?;
            Ok(Some(Part::Component(modifier)))
        }
        2 => Ok((!technical).then_some(Part::Whole)),
        3 => Ok(technical.then_some(Part::Whole)),
        other => Err(format!(
            "PC/TC indicator {other}: the relative value file does not split {} into professional and technical rows",
            row.procedure
        )),
    }
}

/// The product of the factors applied after the schedule amount (contract adjustment,
/// payment modifiers): a component's schedule amount times this is in the line's terms.
fn scale_after_schedule(work: &Work<'_>) -> Option<Decimal> {
    let from = work.schedule_steps?;
    work.tracer
        .steps
        .get(from..)?
        .iter()
        .try_fold(Decimal::ONE, |scale, step| match step.operation {
            Operation::Multiply { factor } => scale.checked_mul(factor),
            _ => Some(scale),
        })
}

/// True when the schedule can price a component of a code on its own (a Medicare PFS row or
/// a flat fee per modifier); a percentage of charges cannot.
fn splits_components(schedule: &FeeSchedule) -> bool {
    match schedule {
        FeeSchedule::Flat { .. } | FeeSchedule::MedicarePfs(_) => true,
        FeeSchedule::PercentOfSchedule { base, .. } => splits_components(base),
        FeeSchedule::PercentOfCharges { .. } | FeeSchedule::Anesthesia(_) => false,
    }
}

/// The schedule amount of `units` units of one component of a line (before the contract
/// adjustment and payment modifiers), or None when the schedule does not price it.
fn schedule_part(
    line: &LineInput<'_>,
    component: Option<Modifier>,
    units: Decimal,
    context: Context<'_>,
) -> Result<Option<Money>, PricingError> {
    let Some(procedure) = line.procedure else {
        return Ok(None);
    };
    if !splits_components(&context.contract.schedule) {
        return Ok(None);
    }
    let mut part = line.clone();
    part.units = units;
    part.flags.component = component;
    part.component_only = true;
    let mut scratch = Work {
        tracer: Tracer::with_capacity(4),
        status: LineStatus::Priced,
        row: rvu_row(context.pfs, Some(procedure), component),
        schedule_steps: None,
    };
    match schedule_amount(
        &context.contract.schedule,
        &part,
        procedure,
        context,
        &mut scratch,
    )? {
        Verdict::Continue => Ok(Some(scratch.tracer.running)),
        Verdict::NotPayable(_) => Ok(None),
    }
}

/// The Medicare PFS settings a schedule prices from (directly or as a percentage of it), and
/// the product of those percentages.
fn pfs_settings(schedule: &FeeSchedule) -> Result<Option<(&PfsSchedule, Decimal)>, PricingError> {
    let mut schedule = schedule;
    let mut factor = Decimal::ONE;
    loop {
        match schedule {
            FeeSchedule::MedicarePfs(settings) => return Ok(Some((settings, factor))),
            FeeSchedule::PercentOfSchedule { rate, base } => {
                factor = factor.checked_mul(rate.fraction()).ok_or(overflow())?;
                schedule = base;
            }
            _ => return Ok(None),
        }
    }
}

/// The GPCIs, setting and conversion factor a PFS-priced line uses.
fn pfs_inputs<'a>(
    settings: &PfsSchedule,
    line: &LineInput<'_>,
    context: Context<'a>,
) -> Option<(&'a Gpci, bool, Decimal)> {
    let data = context.pfs?;
    let gpci = data.gpci.get(context.locality?.locality)?;
    let facility = line
        .place_of_service
        .is_some_and(|pos| settings.facility_places_of_service.contains(&pos));
    let cf = settings
        .conversion_factor
        .unwrap_or(data.rvu.conversion_factor());
    Some((gpci, facility, cf))
}

/// The practice-expense share of one unit of a PFS-priced line, PE RVU × PE GPCI × CF
/// (exact): what therapy services are ranked by.
fn practice_expense(
    row: &RvuRow,
    line: &LineInput<'_>,
    context: Context<'_>,
) -> Result<Option<Decimal>, PricingError> {
    let Some((settings, factor)) = pfs_settings(&context.contract.schedule)? else {
        return Ok(None);
    };
    let Some((gpci, facility, cf)) = pfs_inputs(settings, line, context) else {
        return Ok(None);
    };
    let pe = if facility {
        row.pe_facility
    } else {
        row.pe_non_facility
    };
    let amount = pe
        .checked_mul(gpci.pe)
        .and_then(|a| a.checked_mul(cf))
        .and_then(|a| a.checked_mul(factor))
        .ok_or(overflow())?;
    Ok(Some(amount))
}

/// One unit's fee schedule amount in full and with the practice expense paid at `rate`, each
/// rounded to cents half up as CMS publishes them (the payment amount file's "50% therapy
/// reduction amount"), times any percentage of the PFS the schedule pays.
fn therapy_fees(
    row: &RvuRow,
    line: &LineInput<'_>,
    rate: Rate,
    context: Context<'_>,
) -> Result<Option<(Money, Money)>, PricingError> {
    let Some((settings, factor)) = pfs_settings(&context.contract.schedule)? else {
        return Ok(None);
    };
    let Some((gpci, facility, cf)) = pfs_inputs(settings, line, context) else {
        return Ok(None);
    };
    let pe = if facility {
        row.pe_facility
    } else {
        row.pe_non_facility
    };
    // [(work RVU × GPCI) + (PE RVU × share × GPCI) + (MP RVU × GPCI)] × CF, rounded to cents
    // before it becomes money (the exact product may carry more places than money keeps).
    let fee = |share: Decimal| -> Result<Money, PricingError> {
        let exact = row
            .work
            .checked_mul(gpci.work)
            .and_then(|w| {
                pe.checked_mul(share)
                    .and_then(|p| p.checked_mul(gpci.pe))
                    .and_then(|p| w.checked_add(p))
            })
            .and_then(|wp| row.mp.checked_mul(gpci.mp).and_then(|m| wp.checked_add(m)))
            .and_then(|rvus| rvus.checked_mul(cf))
            .ok_or(overflow())?;
        Ok(Money::from_decimal(Rounding::HalfAwayFromZero.round(exact, 2))?.checked_mul(factor)?)
    };
    let full = fee(Decimal::ONE)?;
    let reduced = fee(rate.fraction())?;
    Ok(Some((full, reduced)))
}

fn overflow() -> MoneyError {
    MoneyError::Overflow {
        operation: "multiple-procedure reduction",
    }
}

/// What a reduction takes off `units` units of one part of a line, in the line's terms
/// (contract adjustment and payment modifiers applied), with the inputs that explain it; None
/// when the schedule does not price that part on its own.
fn reduction_of(
    part: Part,
    rate: Rate,
    row: &RvuRow,
    line: &LineInput<'_>,
    work: &Work<'_>,
    units: Decimal,
    context: Context<'_>,
) -> Result<Option<(Money, TraceInputs)>, PricingError> {
    let unpaid = Decimal::ONE
        .checked_sub(rate.fraction())
        .ok_or(overflow())?;
    if part == Part::Whole && units == line.units {
        let amount = work.tracer.running;
        let inputs = TraceInputs::from_iter([input("component amount", amount)]);
        return Ok(Some((amount.checked_mul(unpaid)?, inputs)));
    }
    let Some(scale) = scale_after_schedule(work) else {
        return Ok(None);
    };
    let (off, inputs) = match part {
        Part::Whole | Part::Component(_) => {
            let component = match part {
                Part::Component(modifier) => Some(modifier),
                _ => line.flags.component,
            };
            let Some(amount) = schedule_part(line, component, units, context)? else {
                return Ok(None);
            };
            let amount = amount.checked_mul(scale)?;
            (
                amount.checked_mul(unpaid)?,
                TraceInputs::from_iter([input("component amount", amount)]),
            )
        }
        Part::PracticeExpense => {
            let Some((full, reduced)) = therapy_fees(row, line, rate, context)? else {
                return Ok(None);
            };
            (
                full.checked_sub(reduced)?
                    .checked_mul(units)?
                    .checked_mul(scale)?,
                TraceInputs::from_iter([
                    input("fee per unit", full),
                    input("reduced fee per unit", reduced),
                ]),
            )
        }
    };
    Ok(Some((off, inputs)))
}

/// Indicators 4–7: the same-day procedures with the indicator, ranked by the amount of the
/// component that is reduced (TC for 4, 6 and 7; PE for 5), one unit each. The first unit of
/// the highest is paid in full; every other unit has the component paid at the contract's
/// share.
fn components(
    indicator: u8,
    day: &[usize],
    lines: &[LineInput<'_>],
    work: &mut [Work<'_>],
    context: Context<'_>,
) -> Result<(), PricingError> {
    let group: Vec<(usize, &RvuRow)> = day
        .iter()
        .filter_map(|&i| reducible(work, i).map(|row| (i, row)))
        .filter(|(_, row)| row.multiple_procedure == indicator)
        .collect();
    let units: Decimal = group
        .iter()
        .filter_map(|&(i, _)| lines.get(i).map(|l| l.units))
        .try_fold(Decimal::ZERO, Decimal::checked_add)
        .ok_or(overflow())?;
    if units <= Decimal::ONE {
        return Ok(());
    }
    let reductions = reductions(indicator, context);
    let Some(ranking) = reductions.first().map(|r| r.component) else {
        return Ok(());
    };
    // Rank by the per-unit amount of the reduced component; a line whose component cannot be
    // priced ranks by its own amount.
    let mut ranked = Vec::with_capacity(group.len());
    for &(i, row) in &group {
        let (Some(line), Some(item)) = (lines.get(i), work.get(i)) else {
            continue;
        };
        let per_unit = match ranking {
            Component::PracticeExpense => practice_expense(row, line, context)?,
            // Every line ranks by its code's technical component, a 26 line too.
            Component::Technical | Component::Professional => match row.pctc {
                2 => Some(Decimal::ZERO),
                3 => schedule_part(line, line.flags.component, Decimal::ONE, context)?
                    .map(Money::amount),
                _ => match Modifier::parse("TC") {
                    Ok(tc) => {
                        schedule_part(line, Some(tc), Decimal::ONE, context)?.map(Money::amount)
                    }
                    Err(_) => None,
                },
            },
        };
        ranked.push((per_unit.unwrap_or(item.tracer.running.amount()), i, row));
    }
    ranked.sort_by_cached_key(|&(amount, i, _)| (Reverse(amount), content_key(lines, i)));
    let count = ranked.len();
    for (rank, &(_, index, row)) in ranked.iter().enumerate() {
        let Some(line) = lines.get(index) else {
            continue;
        };
        let reduced_units = if rank == 0 {
            line.units
                .checked_sub(Decimal::ONE)
                .unwrap_or_default()
                .max(Decimal::ZERO)
        } else {
            line.units
        };
        let place = Decimal::from(rank.saturating_add(1));
        let Some(item) = work.get_mut(index) else {
            continue;
        };
        if reduced_units.is_zero() {
            item.tracer.step(
                "MPPR-COMPONENT-FIRST",
                format!(
                    "the highest of {count} same-day procedures with multiple-procedure indicator {indicator}: paid in full"
                ),
                TraceInputs::from_iter([input("rank", place)]),
                Operation::Multiply {
                    factor: Decimal::ONE,
                },
                None,
            )?;
            continue;
        }
        for reduction in &reductions {
            let part = match part_of(line, row, reduction.component) {
                Ok(Some(part)) => part,
                Ok(None) => continue,
                Err(why) => {
                    item.status = LineStatus::ManualPricing {
                        reason: format!("{}: {why}", reduction.what),
                    };
                    break;
                }
            };
            let Some((off, mut inputs)) = reduction_of(
                part,
                reduction.rate,
                row,
                line,
                item,
                reduced_units,
                context,
            )?
            else {
                item.status = LineStatus::ManualPricing {
                    reason: format!(
                        "{}: the schedule does not price that component of {} on its own",
                        reduction.what,
                        line.procedure.map(|p| p.to_string()).unwrap_or_default()
                    ),
                };
                break;
            };
            let off = off.min(item.tracer.running);
            inputs.extend([
                input("rank", place),
                input("procedures ranked", Decimal::from(count)),
                input("units reduced", reduced_units),
                input("percent paid", reduction.rate.percent()),
            ]);
            item.tracer.step(
                reduction.rule,
                format!(
                    "{}, paid at {} for the 2nd and later procedures ranked by amount",
                    reduction.what, reduction.rate
                ),
                inputs,
                Operation::Subtract { amount: off },
                None,
            )?;
        }
    }
    Ok(())
}
