//! The three charts, drawn by plotters' SVG backend: receivables by age, the denial Pareto and
//! the months. Every label is text made from the exact figures (see [`crate::text`]); the
//! figures become `f64` only to place bars, lines and labels.
//!
//! Each chart has one slot per bucket, category or month on a `0..n` axis. Labels that
//! would not fit are moved (a bar's amount above it rather than inside, category names on two
//! alternating rows) or left out (a month's name, a bar's amount); the tables under the
//! charts always hold every figure.

use std::ops::Add;

use medbill::kpi::Kpis;
use medbill::{Money, Rounding};
use plotters::coord::Shift;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;

use crate::ReportError;
use crate::scale::{Scale, float, nearest};
use crate::text;

/// Every chart's width in pixels (it scales down with the page).
const WIDTH: u32 = 880;
/// The height of the plotting area; the label area under it grows with the labels.
const PLOT_HEIGHT: u32 = 300;
const MARGIN: u32 = 12;
/// Room for the legend above the plot.
const LEGEND_ROOM: u32 = 36;
/// Room above a plot without a legend, for its top tick's label.
const TOP_ROOM: u32 = 24;
/// Room for the value axes' labels and captions.
const Y_LABEL_AREA: u32 = 96;
/// The caption under the x axis.
const X_CAPTION_ROOM: u32 = 34;
const FONT: &str = "sans-serif";
/// Text sizes as plotters counts them (it writes `font-size` as this ÷ 1.24).
const LABEL_SIZE: f64 = 16.0;
const CAPTION_SIZE: f64 = 17.0;
/// About how wide a character of a label is, in pixels (for layout only).
const CHAR_WIDTH: f64 = 7.5;
const LINE_HEIGHT: u32 = 16;
/// The longest line of an x label before it wraps, in characters.
const LABEL_LINE: usize = 13;
/// At most this many month names; past it every second (third, …) month is named.
const MONTH_LABELS: usize = 12;
/// A bar this many pixels tall (or more) holds its amount inside its end.
const LABEL_INSIDE: u32 = 28;
/// The widest a bar is drawn, in pixels, however few the slots.
const WIDEST_BAR: f64 = 120.0;

const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(108, 117, 125);
const GRID: RGBColor = RGBColor(222, 226, 230);
/// Receivables grow redder as they age.
const AGES: [RGBColor; 5] = [
    RGBColor(67, 160, 71),
    RGBColor(156, 204, 101),
    RGBColor(255, 193, 7),
    RGBColor(251, 140, 0),
    RGBColor(211, 47, 47),
];
const DENIED: RGBColor = RGBColor(70, 110, 160);
const CUMULATIVE: RGBColor = RGBColor(214, 96, 39);
const CHARGES: RGBColor = RGBColor(31, 78, 121);
const COLLECTIONS: RGBColor = RGBColor(46, 139, 87);
const DENIAL_RATE: RGBColor = RGBColor(192, 57, 43);

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A value axis whose ticks, and their labels, are a [`Scale`]'s.
#[derive(Clone)]
struct Axis {
    inner: RangedCoordf64,
    ticks: Vec<(f64, String)>,
}

impl Axis {
    fn new(scale: &Scale, label: impl Fn(Decimal) -> String) -> Result<Axis, ReportError> {
        Ok(Axis {
            inner: scale.range()?.into(),
            ticks: scale.labelled(label)?,
        })
    }
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    /// The ticks as the bold lines and labels; no light lines between them.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.iter().map(|t| t.0).collect()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(value: &f64) -> String {
        value.to_string()
    }

    fn format_ext(&self, value: &f64) -> String {
        nearest(&self.ticks, *value)
    }
}

fn style(size: f64, color: &'static RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font())
        .color(color)
        .pos(Pos::new(h, v))
}

/// About how many pixels a line of label text takes.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// A label's lines: words joined while they fit in [`LABEL_LINE`] characters.
fn wrap(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line)
                if line
                    .chars()
                    .count()
                    .saturating_add(word.chars().count())
                    .saturating_add(1)
                    <= LABEL_LINE =>
            {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The names under the x axis: each at its slot's centre, wrapped, and on two alternating rows
/// when side by side they would touch.
struct XLabels {
    labels: Vec<(f64, Vec<String>)>,
    lines: usize,
    rows: usize,
}

impl XLabels {
    /// `slot_width`: the pixels of one slot.
    fn new(labels: Vec<(f64, String)>, slot_width: f64) -> XLabels {
        let labels: Vec<(f64, Vec<String>)> =
            labels.into_iter().map(|(x, l)| (x, wrap(&l))).collect();
        let lines = labels.iter().map(|(_, l)| l.len()).max().unwrap_or(1);
        let widest = labels
            .iter()
            .flat_map(|(_, l)| l.iter().map(|line| text_width(line)))
            .fold(0.0, f64::max);
        let closest = labels
            .windows(2)
            .filter_map(|pair| match pair {
                [(a, _), (b, _)] => Some((b - a) * slot_width),
                _ => None,
            })
            .fold(f64::INFINITY, f64::min);
        let rows = if widest + 10.0 > closest { 2 } else { 1 };
        XLabels {
            labels,
            lines,
            rows,
        }
    }

    /// The height of the area under the plot: the labels and the axis caption.
    fn area(&self) -> u32 {
        let lines = u32::try_from(self.lines.saturating_mul(self.rows)).unwrap_or(4);
        lines
            .saturating_mul(LINE_HEIGHT)
            .saturating_add(8)
            .saturating_add(X_CAPTION_ROOM)
    }

    /// Draws the labels, each under the pixel `at` gives for its slot centre on the axis.
    fn draw(&self, root: &Area<'_>, at: impl Fn(f64) -> (i32, i32)) -> Result<(), ReportError> {
        let row_height = i32::try_from(self.lines)
            .unwrap_or(1)
            .saturating_mul(LINE_HEIGHT as i32);
        for (position, (x, lines)) in self.labels.iter().enumerate() {
            let (px, py) = at(*x);
            let row_shift = if self.rows > 1 && position % 2 == 1 {
                row_height
            } else {
                0
            };
            let mut top = py.saturating_add(8).saturating_add(row_shift);
            for line in lines {
                root.draw(&Text::new(
                    line.clone(),
                    (px, top),
                    style(LABEL_SIZE, &INK, HPos::Center, VPos::Top),
                ))?;
                top = top.saturating_add(LINE_HEIGHT as i32);
            }
        }
        Ok(())
    }
}

/// The pixels of one slot of `slots` across the plot, with or without a right axis.
fn slot_width(slots: f64, right_axis: bool) -> f64 {
    let right = if right_axis { Y_LABEL_AREA } else { MARGIN };
    let plot = WIDTH
        .saturating_sub(MARGIN.saturating_mul(2))
        .saturating_sub(Y_LABEL_AREA)
        .saturating_sub(right);
    f64::from(plot) / slots.max(1.0)
}

/// Draws on a fresh SVG of the chart width and `height`, and returns its text.
fn svg(
    height: u32,
    draw: impl FnOnce(&Area<'_>) -> Result<(), ReportError>,
) -> Result<String, ReportError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw(&root)?;
        root.present()?;
    }
    Ok(out)
}

/// How a legend item is marked.
enum Mark {
    Bar,
    Line,
}

/// A legend along the top edge.
fn legend(root: &Area<'_>, items: &[(&str, &'static RGBColor, Mark)]) -> Result<(), ReportError> {
    let mut x: i32 = 100;
    let y: i32 = 16;
    for (label, color, mark) in items {
        match mark {
            Mark::Bar => root.draw(&Rectangle::new(
                [
                    (x, y.saturating_sub(6)),
                    (x.saturating_add(14), y.saturating_add(6)),
                ],
                color.filled(),
            ))?,
            Mark::Line => {
                root.draw(&PathElement::new(
                    vec![(x, y), (x.saturating_add(18), y)],
                    color.stroke_width(3),
                ))?;
                root.draw(&Circle::new((x.saturating_add(9), y), 4, color.filled()))?;
            }
        }
        root.draw(&Text::new(
            (*label).to_owned(),
            (x.saturating_add(24), y),
            style(LABEL_SIZE, &INK, HPos::Left, VPos::Center),
        ))?;
        x = x
            .saturating_add(text_width(label) as i32)
            .saturating_add(48);
    }
    Ok(())
}

/// A sentence in the middle of a chart that has nothing to show.
fn note(root: &Area<'_>, sentence: &str) -> Result<(), ReportError> {
    let (width, height) = root.dim_in_pixel();
    let centre = (
        i32::try_from(width / 2).unwrap_or(0),
        i32::try_from(height / 2).unwrap_or(0),
    );
    root.draw(&Text::new(
        sentence.to_owned(),
        centre,
        style(CAPTION_SIZE, &MUTED, HPos::Center, VPos::Center),
    ))?;
    Ok(())
}

/// A bar's share of its slot: `share`, or less where that would be wider than [`WIDEST_BAR`].
fn bar_share(share: f64, slot_width: f64) -> f64 {
    share.min(WIDEST_BAR / slot_width.max(1.0))
}

/// The slot of the `index`th bucket, category or month: its left edge.
fn slot(index: usize) -> f64 {
    index as f64
}

fn cents() -> Decimal {
    Decimal::new(1, 2)
}

/// The text colour that reads on a fill: ink on light fills, white on dark ones.
fn on(fill: &RGBColor) -> &'static RGBColor {
    let RGBColor(r, g, b) = *fill;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma > 150.0 { &INK } else { &WHITE }
}

/// A bar: its slot, value, amount text and fill.
struct Bar {
    slot: f64,
    value: f64,
    label: String,
    fill: RGBColor,
}

/// A label's text, offset in pixels from where it is placed.
type Label = Text<'static, (i32, i32), String>;
/// A label and where it goes: a point, and the text offset from it.
type Placed = ((f64, f64), Label);

/// An element drawn at a point of the chart, offset in pixels from it (plotters composes
/// elements with `+`; named here so that no `+` reads as arithmetic).
fn anchored<DB: DrawingBackend, E>(
    point: (f64, f64),
    element: E,
) -> <EmptyElement<(f64, f64), DB> as Add<E>>::Output
where
    EmptyElement<(f64, f64), DB>: Add<E>,
{
    EmptyElement::at(point).add(element)
}

/// Each bar's amount at its end: inside it when the bar is tall and wide enough, else just
/// past it; none when the amount is wider than the bar's slot. `width`: the bar's share of its
/// slot; `at`: a point's pixel.
fn bar_labels(bars: &[Bar], width: f64, at: impl Fn((f64, f64)) -> (i32, i32)) -> Vec<Placed> {
    let mut placed = Vec::with_capacity(bars.len());
    for bar in bars {
        let centre = bar.slot + 0.5;
        let base = at((centre, 0.0));
        let end = at((centre, bar.value));
        let slot_pixels = f64::from(at((bar.slot + 1.0, 0.0)).0.abs_diff(at((bar.slot, 0.0)).0));
        let text = text_width(&bar.label);
        if text + 4.0 > slot_pixels {
            continue;
        }
        let inside = end.1.abs_diff(base.1) >= LABEL_INSIDE && text + 6.0 <= slot_pixels * width;
        let (dy, v, color): (i32, VPos, &'static RGBColor) = match (bar.value < 0.0, inside) {
            (false, true) => (6, VPos::Top, on(&bar.fill)),
            (false, false) => (-6, VPos::Bottom, &INK),
            (true, true) => (-6, VPos::Bottom, on(&bar.fill)),
            (true, false) => (6, VPos::Top, &INK),
        };
        placed.push((
            (centre, bar.value),
            Text::new(
                bar.label.clone(),
                (0, dy),
                style(LABEL_SIZE, color, HPos::Center, v),
            ),
        ));
    }
    placed
}

/// A point's label on a white box, above the point (below it when `below`), so that it reads
/// over bars and lines: the box and the text, offset from the point.
fn point_label(
    label: String,
    color: &'static RGBColor,
    below: bool,
) -> (Rectangle<(i32, i32)>, Label) {
    let half = (text_width(&label) / 2.0 + 4.0) as i32;
    let (top, bottom, dy, v) = if below {
        (9, 29, 11, VPos::Top)
    } else {
        (-29, -9, -11, VPos::Bottom)
    };
    (
        Rectangle::new(
            [(half.saturating_neg(), top), (half, bottom)],
            WHITE.mix(0.85).filled(),
        ),
        Text::new(label, (0, dy), style(LABEL_SIZE, color, HPos::Center, v)),
    )
}

/// Receivables by age: one bar per bucket, in the figures' order, oldest reddest.
pub(crate) fn aging(k: &Kpis) -> Result<String, ReportError> {
    let scale = Scale::over(
        k.aging.iter().map(|a| a.amount.amount()),
        cents(),
        Decimal::ONE,
    )?;
    let axis = Axis::new(&scale, |v| text::axis_dollars(v, scale.whole()))?;
    let slots = k.aging.len().max(1) as f64;
    let bars = k
        .aging
        .iter()
        .zip(AGES.iter().cycle())
        .enumerate()
        .map(|(i, (a, fill))| {
            Ok(Bar {
                slot: slot(i),
                value: float(a.amount.amount())?,
                label: text::money(a.amount),
                fill: *fill,
            })
        })
        .collect::<Result<Vec<_>, ReportError>>()?;
    let names = XLabels::new(
        k.aging
            .iter()
            .enumerate()
            .map(|(i, a)| (slot(i) + 0.5, text::bucket(a.bucket).to_owned()))
            .collect(),
        slot_width(slots, false),
    );
    let share = bar_share(0.64, slot_width(slots, false));
    let low = scale.range()?.start;
    let height = (TOP_ROOM + PLOT_HEIGHT + MARGIN).saturating_add(names.area());
    svg(height, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(MARGIN)
            .margin_top(TOP_ROOM)
            .x_label_area_size(names.area())
            .y_label_area_size(Y_LABEL_AREA)
            .build_cartesian_2d(0f64..slots, axis)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, CAPTION_SIZE))
            .y_desc("Receivables (USD)")
            .x_desc("Age: days since the claim's first date of service")
            .draw()?;
        chart.draw_series(bars.iter().map(|b| {
            Rectangle::new(
                [
                    (b.slot + 0.5 - share / 2.0, 0.0),
                    (b.slot + 0.5 + share / 2.0, b.value),
                ],
                b.fill.filled(),
            )
        }))?;
        let labels = bar_labels(&bars, share, |p| chart.backend_coord(&p));
        chart.draw_series(labels.into_iter().map(|(at, text)| anchored(at, text)))?;
        names.draw(root, |x| chart.backend_coord(&(x, low)))?;
        if k.aging.iter().all(|a| a.amount.is_zero()) {
            note(root, &format!("No receivables on {}", k.to))?;
        }
        Ok(())
    })
}

/// The running share of the denied amount after each category, to two places half away from
/// zero; absent when the denied amount is not positive.
pub(crate) fn cumulative_shares(k: &Kpis) -> Result<Vec<Option<Decimal>>, ReportError> {
    let total = Money::sum(k.denials_by_category.iter().map(|c| c.amount))?.amount();
    let mut running = Money::from_cents(0);
    let mut out = Vec::with_capacity(k.denials_by_category.len());
    for category in &k.denials_by_category {
        running = running.checked_add(category.amount)?;
        let share = if total > Decimal::ZERO {
            running
                .amount()
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|v| v.checked_div(total))
                .map(|v| Rounding::HalfAwayFromZero.round(v, 2))
        } else {
            None
        };
        out.push(share);
    }
    Ok(out)
}

/// The denial Pareto: a bar per category, largest first as the figures rank them, and the
/// running share of the denied amount as a line on the right axis.
pub(crate) fn pareto(k: &Kpis) -> Result<String, ReportError> {
    let categories = &k.denials_by_category;
    let shares = cumulative_shares(k)?;
    let left = Scale::over(
        categories.iter().map(|c| c.amount.amount()),
        cents(),
        Decimal::ONE,
    )?;
    let right = Scale::over(
        shares
            .iter()
            .flatten()
            .copied()
            .chain([Decimal::ONE_HUNDRED]),
        Decimal::ONE,
        Decimal::ONE_HUNDRED,
    )?;
    let left_axis = Axis::new(&left, |v| text::axis_dollars(v, left.whole()))?;
    let right_axis = Axis::new(&right, |p| format!("{}%", p.normalize()))?;
    let slots = categories.len().max(1) as f64;
    let bars = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(Bar {
                slot: slot(i),
                value: float(c.amount.amount())?,
                label: text::money(c.amount),
                fill: DENIED,
            })
        })
        .collect::<Result<Vec<_>, ReportError>>()?;
    let line = shares
        .iter()
        .enumerate()
        .filter_map(|(i, share)| share.map(|s| (i, s)))
        .map(|(i, s)| Ok((slot(i) + 0.5, float(s)?, text::percent(Some(s)))))
        .collect::<Result<Vec<_>, ReportError>>()?;
    let width = slot_width(slots, true);
    let names = XLabels::new(
        categories
            .iter()
            .enumerate()
            .map(|(i, c)| (slot(i) + 0.5, text::category(c.category).to_owned()))
            .collect(),
        width,
    );
    let share = bar_share(0.6, width);
    let share_labels = line
        .iter()
        .all(|(_, _, label)| text_width(label) + 8.0 <= width);
    let low = left.range()?.start;
    let height = (MARGIN + LEGEND_ROOM + PLOT_HEIGHT).saturating_add(names.area());
    svg(height, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(MARGIN)
            .margin_top(LEGEND_ROOM)
            .x_label_area_size(names.area())
            .y_label_area_size(Y_LABEL_AREA)
            .right_y_label_area_size(Y_LABEL_AREA)
            .build_cartesian_2d(0f64..slots, left_axis)?
            .set_secondary_coord(0f64..slots, right_axis);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, CAPTION_SIZE))
            .y_desc("Denied amount (USD)")
            .x_desc("Denial category, largest denied amount first")
            .draw()?;
        chart
            .configure_secondary_axes()
            .axis_style(MUTED)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, CAPTION_SIZE))
            .y_desc("Cumulative share of the denied amount")
            .draw()?;
        chart.draw_series(bars.iter().map(|b| {
            Rectangle::new(
                [
                    (b.slot + 0.5 - share / 2.0, 0.0),
                    (b.slot + 0.5 + share / 2.0, b.value),
                ],
                b.fill.filled(),
            )
        }))?;
        let labels = bar_labels(&bars, share, |p| chart.backend_coord(&p));
        chart.draw_series(labels.into_iter().map(|(at, text)| anchored(at, text)))?;
        chart.draw_secondary_series(std::iter::once(PathElement::new(
            line.iter().map(|(x, y, _)| (*x, *y)).collect::<Vec<_>>(),
            CUMULATIVE.stroke_width(3),
        )))?;
        chart.draw_secondary_series(
            line.iter()
                .map(|(x, y, _)| Circle::new((*x, *y), 5, CUMULATIVE.filled())),
        )?;
        if share_labels {
            // Above each point, but below one near the top (the last, at 100%).
            chart.draw_secondary_series(line.iter().map(|(x, y, label)| {
                let (boxed, text) = point_label(label.clone(), &CUMULATIVE, *y >= 90.0);
                anchored((*x, *y), boxed).add(text)
            }))?;
        }
        names.draw(root, |x| chart.backend_coord(&(x, low)))?;
        legend(
            root,
            &[
                ("Denied amount", &DENIED, Mark::Bar),
                ("Cumulative share", &CUMULATIVE, Mark::Line),
            ],
        )?;
        if categories.is_empty() {
            note(root, "No denials were posted in the period")?;
        }
        Ok(())
    })
}

/// The months: charges and collections as bars side by side, the denial rate by count as a
/// line on the right axis (broken where a month has no adjudication and so no rate).
pub(crate) fn trend(k: &Kpis) -> Result<String, ReportError> {
    let months = &k.months;
    let left = Scale::over(
        months
            .iter()
            .flat_map(|m| [m.charges.amount(), m.collections.amount()]),
        cents(),
        Decimal::ONE,
    )?;
    let right = Scale::over(
        months
            .iter()
            .filter_map(|m| m.denial_rate.percent)
            .chain([Decimal::ONE_HUNDRED]),
        Decimal::ONE,
        Decimal::ONE_HUNDRED,
    )?;
    let left_axis = Axis::new(&left, |v| text::axis_dollars(v, left.whole()))?;
    let right_axis = Axis::new(&right, |p| format!("{}%", p.normalize()))?;
    let slots = months.len().max(1) as f64;
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            Ok((
                slot(i),
                float(m.charges.amount())?,
                float(m.collections.amount())?,
            ))
        })
        .collect::<Result<Vec<_>, ReportError>>()?;
    // Runs of months with a rate: each run is one stretch of line.
    let mut runs: Vec<Vec<(f64, f64, String)>> = Vec::new();
    let mut open = false;
    for (i, m) in months.iter().enumerate() {
        match m.denial_rate.percent {
            Some(p) => {
                let point = (slot(i) + 0.5, float(p)?, text::percent(Some(p)));
                match runs.last_mut() {
                    Some(run) if open => run.push(point),
                    _ => runs.push(vec![point]),
                }
                open = true;
            }
            None => open = false,
        }
    }
    let width = slot_width(slots, true);
    let every = months.len().div_ceil(MONTH_LABELS).max(1);
    let names = XLabels::new(
        months
            .iter()
            .enumerate()
            .filter(|(i, _)| i.checked_rem(every) == Some(0))
            .map(|(i, m)| (slot(i) + 0.5, m.month.clone()))
            .collect(),
        width,
    );
    // Two bars side by side in each slot, a little apart.
    let share = bar_share(0.36, width);
    let rate_labels = runs
        .iter()
        .flatten()
        .all(|(_, _, label)| text_width(label) + 8.0 <= width);
    let low = left.range()?.start;
    let height = (MARGIN + LEGEND_ROOM + PLOT_HEIGHT).saturating_add(names.area());
    svg(height, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(MARGIN)
            .margin_top(LEGEND_ROOM)
            .x_label_area_size(names.area())
            .y_label_area_size(Y_LABEL_AREA)
            .right_y_label_area_size(Y_LABEL_AREA)
            .build_cartesian_2d(0f64..slots, left_axis)?
            .set_secondary_coord(0f64..slots, right_axis);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, CAPTION_SIZE))
            .y_desc("Charges and collections (USD)")
            .x_desc("Month (by posting date)")
            .draw()?;
        chart
            .configure_secondary_axes()
            .axis_style(MUTED)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, CAPTION_SIZE))
            .y_desc("Denial rate by count")
            .draw()?;
        chart.draw_series(bars.iter().map(|(x, charges, _)| {
            Rectangle::new(
                [(x + 0.48 - share, 0.0), (x + 0.48, *charges)],
                CHARGES.filled(),
            )
        }))?;
        chart.draw_series(bars.iter().map(|(x, _, collections)| {
            Rectangle::new(
                [(x + 0.52, 0.0), (x + 0.52 + share, *collections)],
                COLLECTIONS.filled(),
            )
        }))?;
        for run in &runs {
            chart.draw_secondary_series(std::iter::once(PathElement::new(
                run.iter().map(|(x, y, _)| (*x, *y)).collect::<Vec<_>>(),
                DENIAL_RATE.stroke_width(3),
            )))?;
            chart.draw_secondary_series(
                run.iter()
                    .map(|(x, y, _)| Circle::new((*x, *y), 5, DENIAL_RATE.filled())),
            )?;
            if rate_labels {
                chart.draw_secondary_series(run.iter().map(|(x, y, label)| {
                    let (boxed, text) = point_label(label.clone(), &DENIAL_RATE, *y >= 90.0);
                    anchored((*x, *y), boxed).add(text)
                }))?;
            }
        }
        names.draw(root, |x| chart.backend_coord(&(x, low)))?;
        legend(
            root,
            &[
                ("Charges", &CHARGES, Mark::Bar),
                ("Collections", &COLLECTIONS, Mark::Bar),
                ("Denial rate by count", &DENIAL_RATE, Mark::Line),
            ],
        )?;
        if months.is_empty() {
            note(root, "Nothing was posted in the period")?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_between_words() {
        assert_eq!(
            wrap("Coordination of benefits"),
            ["Coordination", "of benefits"]
        );
        assert_eq!(wrap("Timely filing"), ["Timely filing"]);
        assert_eq!(
            wrap("Patient responsibility"),
            ["Patient", "responsibility"]
        );
    }

    #[test]
    fn names_alternate_rows_only_when_they_would_touch() {
        let names = |n: usize, label: &str| {
            let labels = (0..n).map(|i| (slot(i) + 0.5, label.to_owned())).collect();
            XLabels::new(labels, slot_width(n as f64, true))
        };
        // 576 pixels of plot: 3 slots of 192, 11 of 52.
        assert_eq!(names(3, "Medical necessity").rows, 1);
        assert_eq!(names(11, "Medical necessity").rows, 2);
        assert_eq!(names(11, "Other").rows, 1);
        assert_eq!(names(3, "Medical necessity").lines, 2);
    }
}
