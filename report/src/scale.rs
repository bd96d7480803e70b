//! A value axis with round steps, computed in exact decimals so that its labels are the
//! amounts they say; only the drawing uses their `f64` images.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::ReportError;

/// About this many steps between the lowest and the highest tick.
const STEPS: u32 = 5;
/// The most ticks a scale has (a guard against a degenerate step).
const MAX_TICKS: usize = 24;

/// Ticks from `low` to `high` (both ticks), `step` apart, covering every value and zero.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    pub(crate) low: Decimal,
    pub(crate) high: Decimal,
    pub(crate) step: Decimal,
    pub(crate) ticks: Vec<Decimal>,
}

impl Scale {
    /// A scale over the values and zero, with steps of 1, 2 or 5 times a power of ten, no
    /// finer than `finest`; when every value is zero, from zero to `empty_high`.
    pub(crate) fn over(
        values: impl IntoIterator<Item = Decimal>,
        finest: Decimal,
        empty_high: Decimal,
    ) -> Result<Scale, ReportError> {
        let (mut min, mut max) = (Decimal::ZERO, Decimal::ZERO);
        for value in values {
            min = min.min(value);
            max = max.max(value);
        }
        if min == max {
            max = empty_high;
        }
        let span = max.checked_sub(min).ok_or(ReportError::Scale)?;
        let step = round_step(
            span.checked_div(Decimal::from(STEPS))
                .ok_or(ReportError::Scale)?,
            finest,
        )?;
        let low = min
            .checked_div(step)
            .ok_or(ReportError::Scale)?
            .floor()
            .checked_mul(step)
            .ok_or(ReportError::Scale)?;
        let high = max
            .checked_div(step)
            .ok_or(ReportError::Scale)?
            .ceil()
            .checked_mul(step)
            .ok_or(ReportError::Scale)?;
        let mut ticks = vec![low];
        let mut tick = low;
        while tick < high && ticks.len() < MAX_TICKS {
            tick = tick.checked_add(step).ok_or(ReportError::Scale)?;
            ticks.push(tick);
        }
        Ok(Scale {
            low,
            high: tick,
            step,
            ticks,
        })
    }

    /// True when every tick is a whole number.
    pub(crate) fn whole(&self) -> bool {
        self.step.fract().is_zero() && self.low.fract().is_zero()
    }

    /// The `f64` image of the scale's ends, for geometry.
    pub(crate) fn range(&self) -> Result<std::ops::Range<f64>, ReportError> {
        Ok(float(self.low)?..float(self.high)?)
    }

    /// Each tick's `f64` image and its label.
    pub(crate) fn labelled(
        &self,
        label: impl Fn(Decimal) -> String,
    ) -> Result<Vec<(f64, String)>, ReportError> {
        self.ticks
            .iter()
            .map(|t| Ok((float(*t)?, label(*t))))
            .collect()
    }
}

/// The smallest of 1, 2, 5 or 10 times a power of ten that is at least `raw` (and `finest`).
fn round_step(raw: Decimal, finest: Decimal) -> Result<Decimal, ReportError> {
    let ten = Decimal::TEN;
    let mut power = finest;
    // Bounded by Decimal's range (at most 28 + 28 steps).
    while power.checked_mul(ten).is_some_and(|next| next <= raw) {
        power = power.checked_mul(ten).ok_or(ReportError::Scale)?;
    }
    for factor in [1u32, 2, 5, 10] {
        let step = power
            .checked_mul(Decimal::from(factor))
            .ok_or(ReportError::Scale)?;
        if step >= raw {
            return Ok(step);
        }
    }
    Err(ReportError::Scale)
}

/// An exact figure's image for geometry.
pub(crate) fn float(value: Decimal) -> Result<f64, ReportError> {
    value.to_f64().ok_or(ReportError::Scale)
}

/// The label of the tick nearest to a value the chart asks about (it asks about the ticks
/// given to it, as `f64`).
pub(crate) fn nearest(ticks: &[(f64, String)], value: f64) -> String {
    ticks
        .iter()
        .min_by(|a, b| (a.0 - value).abs().total_cmp(&(b.0 - value).abs()))
        .map(|(_, label)| label.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]

    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn scale(values: &[&str]) -> Scale {
        Scale::over(values.iter().map(|v| d(v)), d("0.01"), d("1")).unwrap()
    }

    #[test]
    fn steps_are_round_and_cover_every_value() {
        // 655 / 5 = 131 → 200: 0, 200, 400, 600, 800.
        let s = scale(&["655.00", "150.00"]);
        assert_eq!(s.ticks, ["0", "200", "400", "600", "800"].map(d));
        // 210 / 5 = 42 → 50: 0 … 250.
        assert_eq!(scale(&["210.00"]).high, d("250"));
        // 100 / 5 = 20 exactly.
        assert_eq!(scale(&["100"]).ticks.len(), 6);
    }

    #[test]
    fn negative_values_reach_below_zero() {
        let s = scale(&["-85.00", "150.00"]);
        // Span 235 / 5 = 47 → 50: -100 … 150.
        assert_eq!(s.low, d("-100"));
        assert_eq!(s.high, d("150"));
    }

    #[test]
    fn all_zero_runs_to_the_empty_high() {
        let s = scale(&["0.00", "0.00"]);
        assert_eq!(s.low, d("0"));
        assert_eq!(s.high, d("1.0"));
        assert_eq!(s.ticks.len(), 6);
        let none = Scale::over([], d("0.01"), d("1")).unwrap();
        assert_eq!(none, s);
    }

    #[test]
    fn cents_are_the_finest_step() {
        let s = scale(&["0.03"]);
        assert_eq!(s.ticks, ["0", "0.01", "0.02", "0.03"].map(d));
    }

    #[test]
    fn percentages_step_by_twenty() {
        let s = Scale::over([d("41.94"), d("100")], d("1"), d("100")).unwrap();
        assert_eq!(s.ticks, ["0", "20", "40", "60", "80", "100"].map(d));
    }
}
