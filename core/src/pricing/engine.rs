//! `price`: each line's schedule amount, then its payment modifiers, the contract adjustment,
//! the multiple-procedure reduction across lines, rounding and the lesser-of-charge rule.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::trace::{Operation, TraceInputs, Tracer, input};
use super::{
    AnesthesiaSchedule, CarveOutPrice, Contract, FeeSchedule, LineStatus, LocalityChoice,
    LocalitySource, PfsSchedule, PfsVersion, PlannedService, PriceOptions, PricedClaim, PricedLine,
    PricingError,
};
use crate::claim::{Claim, ClaimForm, Quantity};
use crate::codes::{Modifier, PlaceOfService, ProcedureCode, Taxonomy};
use crate::codesets::{Gpci, PfsData, RvuRow};
use crate::finding::{Finding, Severity};
use crate::money::{Money, Rate, Rounding};

/// One line, whichever the claim form.
#[derive(Clone)]
pub(super) struct LineInput<'c> {
    pub(super) index: usize,
    pub(super) procedure: Option<ProcedureCode>,
    pub(super) modifiers: &'c [Modifier],
    /// The payment modifiers among `modifiers`, read once.
    pub(super) flags: ModifierFlags,
    pub(super) charge: Money,
    pub(super) units: Decimal,
    pub(super) minutes: Option<u32>,
    pub(super) service_date: NaiveDate,
    pub(super) place_of_service: Option<PlaceOfService>,
    pub(super) rendering_taxonomy: Option<Taxonomy>,
    /// Set when pricing one component of a line (26 or TC) for a multiple-procedure rule: a
    /// flat schedule must then have a fee for that component, not only the global one.
    pub(super) component_only: bool,
}

/// The modifiers that change payment, found in one pass over a line's modifiers.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ModifierFlags {
    /// 26 or TC: the component row of the RVU file.
    pub(super) component: Option<Modifier>,
    /// 50.
    bilateral: bool,
    /// 62.
    co_surgeon: bool,
    /// 80, 81 or 82.
    assistant: bool,
    /// AS.
    assistant_non_physician: bool,
    /// QK, QX or QY: medically directed anesthesia.
    medical_direction: bool,
}

impl ModifierFlags {
    fn of(modifiers: &[Modifier]) -> ModifierFlags {
        let mut flags = ModifierFlags::default();
        for modifier in modifiers {
            match modifier.as_str() {
                "26" | "TC" => flags.component = flags.component.or(Some(*modifier)),
                "50" => flags.bilateral = true,
                "62" => flags.co_surgeon = true,
                "80" | "81" | "82" => flags.assistant = true,
                "AS" => flags.assistant_non_physician = true,
                "QK" | "QX" | "QY" => flags.medical_direction = true,
                _ => {}
            }
        }
        flags
    }
}

/// A line part-way through pricing.
pub(super) struct Work<'a> {
    pub(super) tracer: Tracer,
    pub(super) status: LineStatus,
    /// The PFS row for the line's code (its 26/TC row when billed so), when PFS data is
    /// loaded: the RVUs for PFS schedules, and the indicators for every schedule.
    pub(super) row: Option<&'a RvuRow>,
    /// How many trace steps the schedule amount took (units included); the steps after it
    /// (contract adjustment, payment modifiers) only multiply. None for carve-outs.
    pub(super) schedule_steps: Option<usize>,
}

/// What every line of a claim is priced with: the contract, the PFS data and the locality.
#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    pub(super) contract: &'a Contract,
    pub(super) pfs: Option<&'a PfsData>,
    pub(super) locality: Option<LocalityChoice>,
}

/// What a pricing step decided about a line.
pub(super) enum Verdict {
    Continue,
    NotPayable(String),
}

/// Prices many claims under one contract, each as [`price`] would alone: one claim's refusal
/// is its own outcome and never stops the others. The outcomes are in the claims' order.
pub fn price_many(
    claims: &[Claim],
    contract: &Contract,
    pfs: Option<&PfsData>,
    as_of: NaiveDate,
    options: &PriceOptions,
) -> Vec<super::PriceOutcome> {
    claims
        .iter()
        .map(|claim| match price(claim, contract, pfs, as_of, options) {
            Ok(priced) => super::PriceOutcome::Priced(Box::new(priced)),
            Err(error) => super::PriceOutcome::Refused(crate::error_code::Refusal::of(&error)),
        })
        .collect()
}

/// Prices a claim under a contract. `pfs` is needed for Medicare PFS schedules and supplies
/// the multiple-procedure and add-on indicators to any schedule when given. Each line's
/// date of service must fall within the contract; `as_of` is recorded on the result.
///
/// Unless `options` say otherwise, a claim with validation errors and a contract with another
/// payer are refused (a typed error, never a price that looks right).
pub fn price(
    claim: &Claim,
    contract: &Contract,
    pfs: Option<&PfsData>,
    as_of: NaiveDate,
    options: &PriceOptions,
) -> Result<PricedClaim, PricingError> {
    if !options.unchecked {
        let findings: Vec<Finding> = claim
            .validate()
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        if !findings.is_empty() {
            return Err(PricingError::InvalidClaim { findings });
        }
    }
    let same_payer = contract
        .payer_id
        .trim()
        .eq_ignore_ascii_case(claim.payer.payer_id.trim());
    if !options.any_payer && !same_payer {
        return Err(PricingError::PayerMismatch {
            contract: contract.payer_id.clone(),
            claim: claim.payer.payer_id.clone(),
        });
    }
    let lines = line_inputs(claim, as_of);
    let facility_zip = claim
        .service_facility
        .as_ref()
        .map(|f| f.address.postal_code.as_str());
    let billing_zip = claim
        .billing_provider
        .address
        .as_ref()
        .map(|a| a.postal_code.as_str());
    let mut priced = price_lines(
        lines,
        &[
            (facility_zip, LocalitySource::ServiceFacilityZip),
            (billing_zip, LocalitySource::BillingProviderZip),
        ],
        &claim.patient_control_number,
        contract,
        pfs,
        as_of,
    )?;
    if !options.trace {
        for line in &mut priced.lines {
            line.trace = Vec::new();
        }
    }
    Ok(priced)
}

/// Prices planned services (an estimate's), as if they were the lines of one claim.
pub fn price_services(
    services: &[PlannedService],
    zip: Option<&str>,
    contract: &Contract,
    pfs: Option<&PfsData>,
    as_of: NaiveDate,
) -> Result<PricedClaim, PricingError> {
    let lines = services
        .iter()
        .enumerate()
        .map(|(index, s)| LineInput {
            index,
            procedure: Some(s.procedure),
            modifiers: &s.modifiers,
            flags: ModifierFlags::of(&s.modifiers),
            charge: s.charge,
            units: match s.quantity {
                Quantity::Units(u) => u,
                Quantity::Minutes(_) => Decimal::ONE,
            },
            minutes: match s.quantity {
                Quantity::Minutes(m) => Some(m),
                Quantity::Units(_) => None,
            },
            service_date: s.date,
            place_of_service: Some(s.place_of_service),
            rendering_taxonomy: s.rendering_taxonomy,
            component_only: false,
        })
        .collect();
    price_lines(
        lines,
        &[(zip, LocalitySource::ServiceZip)],
        "ESTIMATE",
        contract,
        pfs,
        as_of,
    )
}

fn price_lines(
    lines: Vec<LineInput<'_>>,
    zips: &[(Option<&str>, LocalitySource)],
    patient_control_number: &str,
    contract: &Contract,
    pfs: Option<&PfsData>,
    as_of: NaiveDate,
) -> Result<PricedClaim, PricingError> {
    let choice = needs_locality(&contract.schedule)
        .then(|| resolve_locality(zips, &contract.schedule, pfs))
        .transpose()?;
    let mut work = Vec::with_capacity(lines.len());
    for line in &lines {
        let effective = line.service_date >= contract.effective_from
            && contract
                .effective_through
                .is_none_or(|end| line.service_date <= end);
        if !effective {
            return Err(PricingError::ContractNotEffective {
                line: line.index.saturating_add(1),
            });
        }
        work.push(price_line(
            line,
            Context {
                contract,
                pfs,
                locality: choice,
            },
        )?);
    }
    super::multiple::reduce(
        &lines,
        &mut work,
        Context {
            contract,
            pfs,
            locality: choice,
        },
    )?;

    let mut priced = Vec::with_capacity(lines.len());
    for (line, mut item) in lines.into_iter().zip(work) {
        if item.status == LineStatus::Priced {
            item.tracer.step(
                "ALLOWED-ROUND",
                "allowed amount, to cents, half away from zero",
                TraceInputs::new(),
                Operation::Round {
                    places: 2,
                    rounding: Rounding::HalfAwayFromZero,
                },
                None,
            )?;
            if contract.settings.lesser_of_charge {
                item.tracer.step(
                    "LESSER-OF-CHARGE",
                    "the payer allows the lesser of the charge and the fee schedule amount"
                        .to_owned(),
                    TraceInputs::from_iter([input("charge", line.charge)]),
                    Operation::AtMost { limit: line.charge },
                    None,
                )?;
            }
        }
        let allowed = if item.status == LineStatus::Priced {
            item.tracer.running
        } else {
            Money::ZERO
        };
        priced.push(PricedLine {
            line: line.index,
            procedure: line.procedure,
            modifiers: line.modifiers.to_vec(),
            charge: line.charge,
            service_date: line.service_date,
            place_of_service: line.place_of_service,
            allowed,
            expected_payment: allowed,
            status: item.status,
            trace: item.tracer.steps,
        });
    }
    let total_allowed = Money::sum(priced.iter().map(|l| l.allowed))?;
    Ok(PricedClaim {
        patient_control_number: patient_control_number.to_owned(),
        payer_id: contract.payer_id.clone(),
        as_of,
        total_charge: Money::sum(priced.iter().map(|l| l.charge))?,
        total_allowed,
        total_expected_payment: Money::sum(priced.iter().map(|l| l.expected_payment))?,
        locality: choice,
        pfs_version: pfs.map(|data| PfsVersion {
            version: data.version.to_string(),
            source: data.version_source,
        }),
        lines: priced,
    })
}

fn line_inputs(claim: &Claim, as_of: NaiveDate) -> Vec<LineInput<'_>> {
    match &claim.form {
        ClaimForm::Professional(form) => {
            let claim_taxonomy = claim
                .rendering_provider
                .as_ref()
                .unwrap_or(&claim.billing_provider)
                .taxonomy;
            form.lines
                .iter()
                .enumerate()
                .map(|(index, l)| LineInput {
                    index,
                    procedure: Some(l.procedure),
                    modifiers: &l.modifiers,
                    flags: ModifierFlags::of(&l.modifiers),
                    charge: l.charge,
                    units: match l.quantity {
                        Quantity::Units(u) => u,
                        Quantity::Minutes(_) => Decimal::ONE,
                    },
                    minutes: match l.quantity {
                        Quantity::Minutes(m) => Some(m),
                        Quantity::Units(_) => None,
                    },
                    service_date: l.service_date,
                    place_of_service: Some(l.place_of_service.unwrap_or(form.place_of_service)),
                    rendering_taxonomy: l
                        .rendering_provider
                        .as_ref()
                        .map_or(claim_taxonomy, |p| p.taxonomy),
                    component_only: false,
                })
                .collect()
        }
        ClaimForm::Institutional(form) => form
            .lines
            .iter()
            .enumerate()
            .map(|(index, l)| LineInput {
                index,
                procedure: l.procedure,
                modifiers: &l.modifiers,
                flags: ModifierFlags::of(&l.modifiers),
                charge: l.charge,
                units: l.units,
                minutes: None,
                service_date: l.service_date.unwrap_or(form.statement_from.min(as_of)),
                place_of_service: None,
                rendering_taxonomy: None,
                component_only: false,
            })
            .collect(),
    }
}

fn needs_locality(schedule: &FeeSchedule) -> bool {
    match schedule {
        FeeSchedule::MedicarePfs(_) => true,
        FeeSchedule::PercentOfSchedule { base, .. } => needs_locality(base),
        FeeSchedule::Anesthesia(a) => a.conversion_factor.is_none(),
        FeeSchedule::Flat { .. } | FeeSchedule::PercentOfCharges { .. } => false,
    }
}

/// The contract's locality, else the service facility's ZIP, else the billing provider's.
fn resolve_locality(
    zips: &[(Option<&str>, LocalitySource)],
    schedule: &FeeSchedule,
    pfs: Option<&PfsData>,
) -> Result<LocalityChoice, PricingError> {
    let configured = match schedule {
        FeeSchedule::MedicarePfs(p) => p.locality,
        FeeSchedule::Anesthesia(a) => a.locality,
        FeeSchedule::PercentOfSchedule { base, .. } => return resolve_locality(zips, base, pfs),
        _ => None,
    };
    if let Some(locality) = configured {
        return Ok(LocalityChoice {
            locality,
            source: LocalitySource::Contract,
        });
    }
    let Some(data) = pfs else {
        // Without PFS data the schedule cannot price at all: say that, not "no locality".
        return Err(match schedule {
            FeeSchedule::Anesthesia(_) => PricingError::AnesthesiaFactorMissing,
            _ => PricingError::PfsDataMissing,
        });
    };
    let table = data.zip.as_ref().ok_or(PricingError::LocalityUnknown)?;
    zips.iter()
        .find_map(|&(zip, source)| {
            zip.and_then(|z| table.locality(z))
                .map(|locality| LocalityChoice { locality, source })
        })
        .ok_or(PricingError::LocalityUnknown)
}

/// The RVU row for a line's code: its 26/TC row when billed so, else the global row.
pub(super) fn rvu_row(
    pfs: Option<&PfsData>,
    procedure: Option<ProcedureCode>,
    component: Option<Modifier>,
) -> Option<&RvuRow> {
    match (pfs, procedure) {
        (Some(data), Some(code)) => data
            .rvu
            .get(code, component)
            .or_else(|| data.rvu.get(code, None)),
        _ => None,
    }
}

pub(super) fn price_line<'a>(
    line: &LineInput<'_>,
    context: Context<'a>,
) -> Result<Work<'a>, PricingError> {
    let Context { contract, pfs, .. } = context;
    let mut work = Work {
        tracer: Tracer::with_capacity(8),
        status: LineStatus::Priced,
        row: rvu_row(pfs, line.procedure, line.flags.component),
        schedule_steps: None,
    };
    let Some(procedure) = line.procedure else {
        work.status = LineStatus::NotPayable {
            reason: "the line has no procedure code to price".to_owned(),
        };
        return Ok(work);
    };
    let carve_out = contract
        .carve_outs
        .iter()
        .find(|c| c.procedure == procedure);
    let verdict = if let Some(carve_out) = carve_out {
        match carve_out.price {
            CarveOutPrice::PerUnit(amount) => {
                work.tracer.step(
                    "CARVE-OUT",
                    format!("{procedure} is carved out of the schedule at {amount} per unit"),
                    TraceInputs::new(),
                    Operation::Set { amount },
                    None,
                )?;
                work.tracer.step(
                    "UNITS",
                    "times the units billed",
                    TraceInputs::from_iter([input("units", line.units)]),
                    Operation::Multiply { factor: line.units },
                    None,
                )?;
            }
            CarveOutPrice::PercentOfCharge(rate) => {
                work.tracer.step(
                    "CARVE-OUT",
                    format!("{procedure} is carved out of the schedule at {rate} of the charge"),
                    TraceInputs::new(),
                    Operation::Set {
                        amount: line.charge,
                    },
                    None,
                )?;
                work.tracer.step(
                    "CARVE-OUT-RATE",
                    format!("{rate} of the charge"),
                    TraceInputs::new(),
                    Operation::Multiply {
                        factor: rate.fraction(),
                    },
                    None,
                )?;
            }
        }
        Verdict::Continue
    } else {
        let verdict = schedule_amount(&contract.schedule, line, procedure, context, &mut work)?;
        if matches!(verdict, Verdict::Continue) {
            work.schedule_steps = Some(work.tracer.steps.len());
            if let Some(rate) = contract.adjustment {
                work.tracer.step(
                    "CONTRACT-ADJUSTMENT",
                    format!("the contract pays {rate} of the schedule"),
                    TraceInputs::new(),
                    Operation::Multiply {
                        factor: rate.fraction(),
                    },
                    None,
                )?;
            }
        }
        verdict
    };
    let verdict = match verdict {
        Verdict::Continue => payment_modifiers(line, contract, &mut work)?,
        other => other,
    };
    if let Verdict::NotPayable(reason) = verdict {
        work.status = LineStatus::NotPayable { reason };
    }
    Ok(work)
}

/// Pushes the steps that produce the schedule amount for the line's units.
pub(super) fn schedule_amount(
    schedule: &FeeSchedule,
    line: &LineInput<'_>,
    procedure: ProcedureCode,
    context: Context<'_>,
    work: &mut Work,
) -> Result<Verdict, PricingError> {
    match schedule {
        FeeSchedule::Flat { fees } => {
            let applies = |f: &&super::FlatFee| {
                f.procedure == procedure
                    && f.effective_from.is_none_or(|d| line.service_date >= d)
                    && f.effective_through.is_none_or(|d| line.service_date <= d)
            };
            let fee = fees
                .iter()
                .filter(applies)
                .find(|f| {
                    f.modifier.is_some_and(|m| {
                        line.modifiers.contains(&m) || line.flags.component == Some(m)
                    })
                })
                .or_else(|| {
                    // One component alone is not priced at the global fee.
                    let global_allowed = !(line.component_only && line.flags.component.is_some());
                    fees.iter()
                        .filter(applies)
                        .find(|f| global_allowed && f.modifier.is_none())
                });
            let Some(fee) = fee else {
                return Ok(Verdict::NotPayable(format!(
                    "{procedure} has no fee in the schedule on the date of service"
                )));
            };
            let which = fee
                .modifier
                .map(|m| format!("{procedure}-{m}"))
                .unwrap_or_else(|| procedure.to_string());
            work.tracer.step(
                "FLAT-FEE",
                format!("fee schedule amount for {which}"),
                TraceInputs::new(),
                Operation::Set { amount: fee.amount },
                None,
            )?;
            units_step(work, line.units)?;
            Ok(Verdict::Continue)
        }
        FeeSchedule::PercentOfCharges { rate } => {
            work.tracer.step(
                "PERCENT-OF-CHARGE",
                "start from the billed charge",
                TraceInputs::new(),
                Operation::Set {
                    amount: line.charge,
                },
                None,
            )?;
            work.tracer.step(
                "PERCENT-OF-CHARGE-RATE",
                format!("the payer allows {rate} of charges"),
                TraceInputs::new(),
                Operation::Multiply {
                    factor: rate.fraction(),
                },
                None,
            )?;
            Ok(Verdict::Continue)
        }
        FeeSchedule::PercentOfSchedule { rate, base } => {
            let verdict = schedule_amount(base, line, procedure, context, work)?;
            if matches!(verdict, Verdict::Continue) {
                work.tracer.step(
                    "PERCENT-OF-SCHEDULE",
                    format!("the payer allows {rate} of the base schedule"),
                    TraceInputs::new(),
                    Operation::Multiply {
                        factor: rate.fraction(),
                    },
                    None,
                )?;
            }
            Ok(verdict)
        }
        FeeSchedule::MedicarePfs(settings) => pfs_amount(settings, line, procedure, context, work),
        FeeSchedule::Anesthesia(settings) => {
            anesthesia_amount(settings, line, procedure, context, work)
        }
    }
}

fn units_step(work: &mut Work, units: Decimal) -> Result<(), PricingError> {
    if units != Decimal::ONE {
        work.tracer.step(
            "UNITS",
            "times the units billed",
            TraceInputs::from_iter([input("units", units)]),
            Operation::Multiply { factor: units },
            None,
        )?;
    }
    Ok(())
}

/// RBRVS: [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × CF, exact, then
/// rounded to cents half up once — the rounding that reproduces CMS's payment amount file.
fn pfs_amount(
    settings: &PfsSchedule,
    line: &LineInput<'_>,
    procedure: ProcedureCode,
    context: Context<'_>,
    work: &mut Work,
) -> Result<Verdict, PricingError> {
    let Context { pfs, locality, .. } = context;
    let data = pfs.ok_or(PricingError::PfsDataMissing)?;
    let choice = locality.ok_or(PricingError::LocalityUnknown)?;
    let locality = choice.locality;
    let gpci = data
        .gpci
        .get(locality)
        .ok_or(PricingError::LocalityNotInData(locality, "GPCI"))?;
    let component = line.flags.component;
    // The row looked up once for the line, when it is the one billed (a 26/TC line needs
    // its component row, not the global one).
    let Some(row) = work.row.filter(|r| r.modifier == component) else {
        let what = component
            .map(|m| format!("{procedure}-{m}"))
            .unwrap_or_else(|| procedure.to_string());
        return Ok(Verdict::NotPayable(format!(
            "{what} is not in the relative value file"
        )));
    };
    if !row.status.is_payable() {
        return Ok(Verdict::NotPayable(format!(
            "PFS status {} for {procedure}: not paid from the fee schedule",
            row.status.0
        )));
    }
    let facility = line
        .place_of_service
        .is_some_and(|pos| settings.facility_places_of_service.contains(&pos));
    let (pe, pe_name) = if facility {
        (row.pe_facility, "facility PE RVU")
    } else {
        (row.pe_non_facility, "non-facility PE RVU")
    };
    let cf = settings
        .conversion_factor
        .unwrap_or(data.rvu.conversion_factor());
    let fee = rbrvs(row, gpci, facility, cf)?;
    let version = Some(&data.version);
    work.tracer.step(
        "PFS-RBRVS",
        format!(
            "Medicare PFS amount for locality {locality} ({}): [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × CF",
            choice.source.describe()
        ),
        TraceInputs::from_iter([
            input("work RVU", row.work),
            input("work GPCI", gpci.work),
            input(pe_name, pe),
            input("PE GPCI", gpci.pe),
            input("MP RVU", row.mp),
            input("MP GPCI", gpci.mp),
            input("conversion factor", cf),
        ]),
        Operation::Set { amount: fee },
        version,
    )?;
    work.tracer.step(
        "PFS-ROUND",
        "fee schedule amount, to cents, half up (as CMS publishes it)",
        TraceInputs::new(),
        Operation::Round {
            places: 2,
            rounding: Rounding::HalfAwayFromZero,
        },
        None,
    )?;
    units_step(work, line.units)?;
    Ok(Verdict::Continue)
}

/// The exact (unrounded) RBRVS amount for one unit.
pub(crate) fn rbrvs(
    row: &RvuRow,
    gpci: &Gpci,
    facility: bool,
    cf: Decimal,
) -> Result<Money, PricingError> {
    let pe = if facility {
        row.pe_facility
    } else {
        row.pe_non_facility
    };
    let overflow = crate::money::MoneyError::Overflow { operation: "RBRVS" };
    let rvus = row
        .work
        .checked_mul(gpci.work)
        .and_then(|w| pe.checked_mul(gpci.pe).and_then(|p| w.checked_add(p)))
        .and_then(|wp| row.mp.checked_mul(gpci.mp).and_then(|m| wp.checked_add(m)))
        .ok_or(overflow.clone())?;
    Ok(Money::from_decimal(rvus.checked_mul(cf).ok_or(overflow)?)?)
}

/// (base units + time units) × conversion factor; medical direction pays 50%.
fn anesthesia_amount(
    settings: &AnesthesiaSchedule,
    line: &LineInput<'_>,
    procedure: ProcedureCode,
    context: Context<'_>,
    work: &mut Work,
) -> Result<Verdict, PricingError> {
    let Context {
        contract,
        pfs,
        locality,
    } = context;
    let Some(base) = settings
        .base_units
        .iter()
        .find(|b| b.procedure == procedure)
    else {
        return Ok(Verdict::NotPayable(format!(
            "{procedure} has no anesthesia base units in the schedule"
        )));
    };
    let Some(minutes) = line.minutes else {
        return Ok(Verdict::NotPayable(
            "anesthesia is billed in minutes; the line reports units".to_owned(),
        ));
    };
    let time = contract.settings.anesthesia_time;
    let per_unit = Decimal::from(time.minutes_per_unit.max(1));
    let exact_units = Decimal::from(minutes)
        .checked_div(per_unit)
        .unwrap_or_default();
    let time_units = time.rounding.round(exact_units, time.precision);
    let (cf, source) = match (settings.conversion_factor, locality) {
        (Some(cf), _) => (cf, "contract".to_owned()),
        (None, Some(LocalityChoice { locality, source })) => {
            let table = pfs
                .and_then(|d| d.anesthesia.as_ref())
                .ok_or(PricingError::AnesthesiaFactorMissing)?;
            let cf = table
                .get(locality)
                .ok_or(PricingError::LocalityNotInData(locality, "anesthesia CF"))?;
            (
                Money::from_decimal(cf)?,
                format!(
                    "anesthesia CF file, locality {locality} {}",
                    source.describe()
                ),
            )
        }
        (None, None) => return Err(PricingError::AnesthesiaFactorMissing),
    };
    let units = base
        .units
        .checked_add(time_units)
        .ok_or(crate::money::MoneyError::Overflow {
            operation: "anesthesia units",
        })?;
    work.tracer.step(
        "ANES-UNITS",
        format!(
            "anesthesia: ({} base + {time_units} time units from {minutes} min) × CF ({source})",
            base.units
        ),
        TraceInputs::from_iter([
            input("base units", base.units),
            input("minutes", minutes),
            input("time units", time_units),
            input("conversion factor", cf),
        ]),
        Operation::Set { amount: cf },
        None,
    )?;
    work.tracer.step(
        "ANES-TOTAL-UNITS",
        format!("times {units} total units"),
        TraceInputs::new(),
        Operation::Multiply { factor: units },
        None,
    )?;
    if line.flags.medical_direction {
        work.tracer.step(
            "ANES-MEDICAL-DIRECTION",
            "medically directed (QK/QX/QY): 50%",
            TraceInputs::new(),
            Operation::Multiply {
                factor: Decimal::new(5, 1),
            },
            None,
        )?;
    }
    Ok(Verdict::Continue)
}

/// 50 bilateral, 62 co-surgeons, 80/81/82 and AS assistants, non-physician practitioners.
fn payment_modifiers(
    line: &LineInput<'_>,
    contract: &Contract,
    work: &mut Work,
) -> Result<Verdict, PricingError> {
    let settings = &contract.settings;
    let row = work.row;
    if line.flags.bilateral {
        let indicator = row.as_ref().map(|r| r.bilateral);
        let (factor, why) = match indicator {
            Some(1) | None => (
                Decimal::new(15, 1),
                "bilateral indicator 1: 150% of the single-side amount",
            ),
            Some(2) => (
                Decimal::ONE,
                "bilateral indicator 2: the code is already bilateral, 100%",
            ),
            Some(3) => (Decimal::TWO, "bilateral indicator 3: 100% per side, 200%"),
            _ => (
                Decimal::ONE,
                "bilateral indicator 0/9: modifier 50 does not apply, 100%",
            ),
        };
        let why = if indicator.is_none() {
            "no RVU row: bilateral priced at the usual 150%"
        } else {
            why
        };
        work.tracer.step(
            "MOD-50-BILATERAL",
            why.to_owned(),
            TraceInputs::new(),
            Operation::Multiply { factor },
            None,
        )?;
    }
    if line.flags.co_surgeon {
        if row.as_ref().is_some_and(|r| r.co_surgeons == 0) {
            return Ok(Verdict::NotPayable(
                "co-surgeons are not paid for this code (co-surgeon indicator 0)".to_owned(),
            ));
        }
        rate_step(
            work,
            "MOD-62-CO-SURGEON",
            "co-surgeon (62)",
            settings.co_surgeon_rate,
        )?;
    }
    if line.flags.assistant || line.flags.assistant_non_physician {
        if row.as_ref().is_some_and(|r| r.assistant == 1) {
            return Ok(Verdict::NotPayable(
                "an assistant at surgery is never paid for this code (indicator 1)".to_owned(),
            ));
        }
        if line.flags.assistant_non_physician {
            rate_step(
                work,
                "MOD-AS-ASSISTANT",
                "non-physician assistant at surgery (AS)",
                settings.assistant_non_physician_rate,
            )?;
        } else {
            rate_step(
                work,
                "MOD-80-ASSISTANT",
                "assistant at surgery (80/81/82)",
                settings.assistant_rate,
            )?;
        }
    } else if line.rendering_taxonomy.is_some_and(|t| {
        settings
            .non_physician_taxonomy_prefixes
            .iter()
            .any(|p| t.as_str().starts_with(p.as_str()))
    }) {
        rate_step(
            work,
            "NPP-RATE",
            "non-physician practitioner billing under their own NPI",
            settings.non_physician_rate,
        )?;
    }
    Ok(Verdict::Continue)
}

fn rate_step(
    work: &mut Work,
    rule: &'static str,
    what: &'static str,
    rate: Rate,
) -> Result<(), PricingError> {
    work.tracer.step(
        rule,
        what,
        TraceInputs::from_iter([input("percent paid", rate.percent())]),
        Operation::Multiply {
            factor: rate.fraction(),
        },
        None,
    )?;
    Ok(())
}
