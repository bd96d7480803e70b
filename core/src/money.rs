//! Exact money: [`Money`] (US dollars over `rust_decimal::Decimal`), [`Rate`], named
//! [`Rounding`] and [`allocate`].
//!
//! No floating point comes near an amount. Every operation that can overflow returns
//! [`MoneyError::Overflow`]; every rounding names its strategy.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most decimal places an amount may carry (rates and RVU products need more than cents).
pub const MAX_SCALE: u32 = 10;

/// Errors from parsing or computing with money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The text is not a plain decimal number such as `125.00` or `-3.5`.
    #[error("not a decimal amount: expected digits with an optional sign and decimal point")]
    Syntax,
    /// More decimal places than [`MAX_SCALE`].
    #[error("too many decimal places: {places} (at most {MAX_SCALE})")]
    TooPrecise {
        /// Decimal places found.
        places: u32,
    },
    /// The result does not fit in the decimal range.
    #[error("amount overflow in {operation}")]
    Overflow {
        /// The operation that overflowed.
        operation: &'static str,
    },
    /// A rate was outside its allowed range.
    #[error("rate out of range: {reason}")]
    RateRange {
        /// Which bound was broken.
        reason: &'static str,
    },
    /// A rate was not written as a percentage such as `20%`.
    #[error("not a rate: write a percentage such as `20%` or `12.5%`")]
    RateSyntax,
    /// `allocate` was given no parts, negative weights or weights that sum to zero.
    #[error("cannot allocate: {reason}")]
    Allocation {
        /// Why the allocation is impossible.
        reason: &'static str,
    },
    /// The amount to allocate has fractions of a cent, which would be lost.
    #[error("cannot allocate an amount with fractions of a cent; round it first")]
    SubCent,
}

/// A rounding strategy, named so that every rounding point says how it rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "camelCase")]
pub enum Rounding {
    /// 0.005 → 0.01, −0.005 → −0.01 (the common commercial and CMS choice).
    #[default]
    HalfAwayFromZero,
    /// Banker's rounding: 0.005 → 0.00, 0.015 → 0.02.
    HalfEven,
    /// 0.005 → 0.00.
    HalfTowardZero,
    /// Always away from zero: 0.001 → 0.01.
    Up,
    /// Truncate toward zero: 0.009 → 0.00.
    Down,
    /// Toward positive infinity.
    Ceiling,
    /// Toward negative infinity.
    Floor,
}

impl Rounding {
    /// Rounds a plain decimal (units, rates) to `places` with this strategy.
    pub fn round(self, value: Decimal, places: u32) -> Decimal {
        value.round_dp_with_strategy(places, self.strategy())
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::HalfTowardZero => RoundingStrategy::MidpointTowardZero,
            Rounding::Up => RoundingStrategy::AwayFromZero,
            Rounding::Down => RoundingStrategy::ToZero,
            Rounding::Ceiling => RoundingStrategy::ToPositiveInfinity,
            Rounding::Floor => RoundingStrategy::ToNegativeInfinity,
        }
    }
}

/// An exact amount of US dollars.
///
/// Serialized as a decimal string with at least two decimal places (`"125.00"`); parsed
/// from such strings only, never from floating-point numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero dollars.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps an exact decimal, refusing more than [`MAX_SCALE`] decimal places.
    pub fn from_decimal(amount: Decimal) -> Result<Money, MoneyError> {
        if amount.scale() > MAX_SCALE {
            return Err(MoneyError::TooPrecise {
                places: amount.scale(),
            });
        }
        Ok(Money(amount))
    }

    /// Whole cents, e.g. `Money::from_cents(12_345)` is $123.45.
    pub fn from_cents(cents: i64) -> Money {
        Money(Decimal::new(cents, 2))
    }

    /// The exact decimal value.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// True when the amount is below zero (a reversal or a credit).
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True when the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// True when the amount has no fraction of a cent.
    pub fn is_whole_cents(self) -> bool {
        self.0.normalize().scale() <= 2
    }

    /// `self + other`, or an overflow error.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow { operation: "add" })
    }

    /// `self - other`, or an overflow error.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow {
                operation: "subtract",
            })
    }

    /// `self × factor` exactly (no rounding), or an overflow error.
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        self.0
            .checked_mul(factor)
            .map(Money)
            .ok_or(MoneyError::Overflow {
                operation: "multiply",
            })
    }

    /// The rate's share of this amount, exactly (no rounding).
    pub fn times_rate(self, rate: Rate) -> Result<Money, MoneyError> {
        self.checked_mul(rate.fraction())
    }

    /// The negated amount.
    pub fn negated(self) -> Money {
        let mut flipped = self.0;
        if !flipped.is_zero() {
            flipped.set_sign_negative(!flipped.is_sign_negative());
        }
        Money(flipped)
    }

    /// The sum of amounts, or an overflow error.
    pub fn sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// Rounds to `places` decimal places with the named strategy.
    pub fn round(self, places: u32, rounding: Rounding) -> Money {
        Money(self.0.round_dp_with_strategy(places, rounding.strategy()))
    }

    /// Rounds to whole cents with the named strategy.
    pub fn round_to_cents(self, rounding: Rounding) -> Money {
        self.round(2, rounding)
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Money) -> Money {
        if other < self { other } else { self }
    }

    /// The larger of two amounts.
    pub fn max(self, other: Money) -> Money {
        if other > self { other } else { self }
    }
}

impl Money {
    /// The amount's text (see `Display`), written into `buffer` from the mantissa's digits.
    fn text(self, buffer: &mut [u8; 40]) -> &str {
        // Amounts are printed by the million in remittance listings: digits are written
        // straight from the mantissa (the same text as normalising, rescaling to two places
        // and printing the decimal, which the tests compare).
        let mut digits = self.0.mantissa().unsigned_abs();
        let mut scale = self.0.scale();
        while scale > 2 && digits % 10 == 0 {
            digits /= 10;
            scale = scale.saturating_sub(1);
        }
        // Up to two places, as far as the decimal's 96-bit mantissa can hold them (as
        // `Decimal::rescale` does): what is printed must parse back to the same amount.
        while scale < 2 {
            let wider = digits.saturating_mul(10);
            if wider > MANTISSA_MAX {
                break;
            }
            digits = wider;
            scale = scale.saturating_add(1);
        }
        // At most 31 digits, a point, a leading zero and a sign: 40 places suffice.
        let mut out = Backwards {
            buffer,
            at: 40,
            written: 0,
            scale,
        };
        // Dividing a u64 is far cheaper than a u128: amounts below 2^64 take that way.
        match u64::try_from(digits) {
            Ok(mut small) => {
                while small > 0 || out.written <= scale {
                    out.digit(u8::try_from(small % 10).unwrap_or(0));
                    small /= 10;
                }
            }
            Err(_) => {
                while digits > 0 || out.written <= scale {
                    out.digit(u8::try_from(digits % 10).unwrap_or(0));
                    digits /= 10;
                }
            }
        }
        if self.0.is_sign_negative() && !self.0.is_zero() {
            out.put(b'-');
        }
        out.text()
    }
}

/// The largest mantissa a decimal holds (2^96 − 1).
const MANTISSA_MAX: u128 = (1 << 96) - 1;

/// Digits written from the last place to the first, the point placed after `scale` of them.
struct Backwards<'a> {
    buffer: &'a mut [u8; 40],
    at: usize,
    written: u32,
    scale: u32,
}

impl<'a> Backwards<'a> {
    fn put(&mut self, byte: u8) {
        self.at = self.at.saturating_sub(1);
        if let Some(slot) = self.buffer.get_mut(self.at) {
            *slot = byte;
        }
    }

    fn digit(&mut self, digit: u8) {
        if self.written == self.scale && self.written > 0 {
            self.put(b'.');
        }
        self.put(b'0'.saturating_add(digit));
        self.written = self.written.saturating_add(1);
    }

    /// What was written (only ASCII digits, a point and a sign).
    fn text(self) -> &'a str {
        let Backwards { buffer, at, .. } = self;
        std::str::from_utf8(buffer.get(at..).unwrap_or_default()).unwrap_or_default()
    }
}

impl fmt::Display for Money {
    /// At least two decimal places, no trailing zeros beyond them, `-0` shown as `0.00`:
    /// `125.00`, `-3.50`, `0.125`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(&mut [0; 40]))
    }
}

impl From<Money> for Decimal {
    fn from(money: Money) -> Decimal {
        money.0
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Money, MoneyError> {
        Money::from_decimal(parse_plain_decimal(text)?)
    }
}

/// Parses `[-+]digits[.digits]` only: no exponent, no spaces, no thousands separators.
fn parse_plain_decimal(text: &str) -> Result<Decimal, MoneyError> {
    let unsigned = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('+'))
        .unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = digits_ok(whole)
        && fraction.is_none_or(|f| !f.is_empty() && digits_ok(f))
        && !whole.is_empty();
    if !well_formed {
        return Err(MoneyError::Syntax);
    }
    let places = fraction.map_or(0, str::len);
    if places > MAX_SCALE as usize {
        return Err(MoneyError::TooPrecise {
            places: u32::try_from(places).unwrap_or(u32::MAX),
        });
    }
    Decimal::from_str_exact(text).map_err(|_| MoneyError::Overflow { operation: "parse" })
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text(&mut [0; 40]))
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        crate::input::parse_text(
            deserializer,
            "an amount as a decimal string, e.g. \"125.00\"",
        )
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[-+]?[0-9]+(\\.[0-9]{1,10})?$",
            "description": "US dollars as an exact decimal string, e.g. \"125.00\"."
        })
    }
}

/// JSON Schema of a plain decimal carried as a string (units, quantities).
pub fn decimal_string_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": "^[-+]?[0-9]+(\\.[0-9]+)?$",
        "description": "An exact decimal number as a string, e.g. \"1\" or \"2.5\"."
    })
}

/// A percentage such as 20% coinsurance or 120% of Medicare, held exactly.
///
/// Serialized as a string with a percent sign (`"20%"`), so a fraction can never be
/// mistaken for a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(Decimal);

impl Rate {
    /// 0%.
    pub const ZERO: Rate = Rate(Decimal::ZERO);

    /// The largest rate accepted: 1000% (ten times the base).
    pub const MAX_PERCENT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

    /// A rate from a percentage (20 → 20%), between 0% and [`Rate::MAX_PERCENT`].
    pub fn from_percent(percent: Decimal) -> Result<Rate, MoneyError> {
        if percent.is_sign_negative() && !percent.is_zero() {
            return Err(MoneyError::RateRange {
                reason: "a rate cannot be negative",
            });
        }
        if percent > Rate::MAX_PERCENT {
            return Err(MoneyError::RateRange {
                reason: "a rate cannot exceed 1000%",
            });
        }
        if percent.scale() > MAX_SCALE {
            return Err(MoneyError::TooPrecise {
                places: percent.scale(),
            });
        }
        Ok(Rate(percent))
    }

    /// The percentage (20% → 20).
    pub fn percent(self) -> Decimal {
        self.0
    }

    /// The fraction (20% → 0.20).
    pub fn fraction(self) -> Decimal {
        // Moving the decimal point two places is exact and cheaper than dividing; a rate
        // has at most 10 decimal places, so the scale stays within Decimal's 28.
        let mut fraction = self.0;
        match fraction.set_scale(self.0.scale().saturating_add(2)) {
            Ok(()) => fraction,
            Err(_) => self
                .0
                .checked_div(Decimal::ONE_HUNDRED)
                .unwrap_or(Decimal::ZERO),
        }
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}

impl FromStr for Rate {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Rate, MoneyError> {
        let number = text.strip_suffix('%').ok_or(MoneyError::RateSyntax)?;
        let percent = parse_plain_decimal(number).map_err(|e| match e {
            MoneyError::Syntax => MoneyError::RateSyntax,
            other => other,
        })?;
        Rate::from_percent(percent)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rate, D::Error> {
        crate::input::parse_text(deserializer, "a percentage as a string, e.g. \"20%\"")
    }
}

impl JsonSchema for Rate {
    fn schema_name() -> Cow<'static, str> {
        "Rate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,10})?%$",
            "description": "A percentage with a percent sign, e.g. \"20%\"."
        })
    }
}

/// The most parts one allocation may produce; more is a caller's mistake, not a bill.
pub const MAX_ALLOCATION_PARTS: usize = 100_000;

/// Splits `total` into parts proportional to `weights`, in whole cents.
///
/// The parts always sum exactly to `total`. Each part first gets its share rounded toward
/// zero; the cents left over go one each to the parts with the largest remainders, ties to
/// the earlier part. A negative total is split like its absolute value and negated.
pub fn allocate(total: Money, weights: &[Decimal]) -> Result<Vec<Money>, MoneyError> {
    if weights.is_empty() {
        return Err(MoneyError::Allocation {
            reason: "no parts to allocate to",
        });
    }
    if weights.len() > MAX_ALLOCATION_PARTS {
        return Err(MoneyError::Allocation {
            reason: "more than 100000 parts",
        });
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(MoneyError::Allocation {
            reason: "a weight is negative",
        });
    }
    let weight_sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(*w))
        .ok_or(MoneyError::Overflow {
            operation: "allocate",
        })?;
    if weight_sum.is_zero() {
        return Err(MoneyError::Allocation {
            reason: "the weights sum to zero",
        });
    }
    if !total.is_whole_cents() {
        return Err(MoneyError::SubCent);
    }
    let overflow = MoneyError::Overflow {
        operation: "allocate",
    };
    let negative = total.is_negative();
    let cents = total
        .0
        .abs()
        .checked_mul(Decimal::ONE_HUNDRED)
        .ok_or(overflow.clone())?;

    let mut shares = Vec::with_capacity(weights.len());
    let mut handed_out = Decimal::ZERO;
    for (index, weight) in weights.iter().enumerate() {
        let exact = cents
            .checked_mul(*weight)
            .and_then(|c| c.checked_div(weight_sum))
            .ok_or(overflow.clone())?;
        let whole = exact.trunc();
        let remainder = exact.checked_sub(whole).ok_or(overflow.clone())?;
        handed_out = handed_out.checked_add(whole).ok_or(overflow.clone())?;
        shares.push((index, whole, remainder));
    }
    let leftover = cents.checked_sub(handed_out).ok_or(overflow.clone())?;
    // Exact shares sum to `cents`, so fewer leftover cents than parts remain.
    let leftover = usize::try_from(leftover.trunc().mantissa()).map_err(|_| overflow.clone())?;

    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = shares.get(a).map(|s| s.2);
        let rb = shares.get(b).map(|s| s.2);
        rb.cmp(&ra).then(a.cmp(&b))
    });
    for &index in order.iter().take(leftover) {
        if let Some(share) = shares.get_mut(index) {
            share.1 = share.1.checked_add(Decimal::ONE).ok_or(overflow.clone())?;
        }
    }
    shares
        .into_iter()
        .map(|(_, whole_cents, _)| {
            let mut amount = whole_cents
                .checked_div(Decimal::ONE_HUNDRED)
                .ok_or(overflow.clone())?;
            amount.rescale(2);
            let part = Money(amount);
            Ok(if negative { part.negated() } else { part })
        })
        .collect()
}

/// Splits `total` into `parts` equal parts in whole cents; leftover cents go to the first parts.
pub fn allocate_evenly(total: Money, parts: usize) -> Result<Vec<Money>, MoneyError> {
    if parts > MAX_ALLOCATION_PARTS {
        return Err(MoneyError::Allocation {
            reason: "more than 100000 parts",
        });
    }
    allocate(total, &vec![Decimal::ONE; parts])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap_or_else(|e| unreachable!("{s}: {e}"))
    }

    #[test]
    fn parses_and_prints_with_cents() {
        assert_eq!(m("125").to_string(), "125.00");
        assert_eq!(m("125.5").to_string(), "125.50");
        assert_eq!(m("-3.125").to_string(), "-3.125");
        assert_eq!(m("+7.10").to_string(), "7.10");
    }

    /// What `Display` printed before it wrote digits itself: normalise, then two places as
    /// far as the mantissa holds them (amounts above 2^96 / 100 keep fewer, so that what is
    /// printed parses back).
    fn shown_by_rescaling(value: Decimal) -> String {
        let mut shown = value.normalize();
        if shown.scale() < 2 {
            shown.rescale(2);
        }
        shown.to_string()
    }

    #[test]
    fn prints_edge_amounts_as_the_decimal_does() {
        for value in [
            Decimal::ZERO,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(-0, 5),
            Decimal::from_parts(0, 0, 0, true, 3),
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::new(100, 4),
            Decimal::new(123_400, 5),
        ] {
            assert_eq!(
                Money(value).to_string(),
                shown_by_rescaling(value),
                "{value:?}"
            );
        }
        assert_eq!(Money(Decimal::new(-0, 5)).to_string(), "0.00");
        assert_eq!(
            Money(Decimal::MAX).to_string(),
            "79228162514264337593543950335"
        );
        let found = Money(Decimal::from_i128_with_scale(
            1_255_125_530_515_125_363_051_512_536,
            0,
        ));
        assert_eq!(found.to_string(), "1255125530515125363051512536.0");
        assert_eq!(found.to_string().parse::<Money>(), Ok(found));
        assert_eq!(
            Money(Decimal::new(1, 28)).to_string(),
            "0.0000000000000000000000000001"
        );
    }

    proptest::proptest! {
        #[test]
        fn prints_every_amount_as_the_decimal_does(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28, small: i64,
            small_scale in 0u32..=10,
        ) {
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(Money(value).to_string(), shown_by_rescaling(value));
            let value = Decimal::new(small, small_scale);
            proptest::prop_assert_eq!(Money(value).to_string(), shown_by_rescaling(value));
        }

        /// What is printed parses back to the same amount, the largest ones included (the
        /// fuzz target `money_from_str` found `…536.00` printed for an amount whose two
        /// places the decimal cannot hold).
        #[test]
        fn every_amount_printed_parses_back(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=MAX_SCALE,
        ) {
            let money = Money(Decimal::from_parts(lo, mid, hi, negative, scale));
            let back: Result<Money, MoneyError> = money.to_string().parse();
            proptest::prop_assert_eq!(back, Ok(money));
        }
    }

    #[test]
    fn rejects_floats_exponents_and_junk() {
        for bad in [
            "", "1e3", "1.", ".5", "1,000.00", " 1", "abc", "--1", "1.2.3", "NaN",
        ] {
            assert_eq!(bad.parse::<Money>(), Err(MoneyError::Syntax), "{bad:?}");
        }
        assert_eq!(
            "1.12345678901".parse::<Money>(),
            Err(MoneyError::TooPrecise { places: 11 })
        );
        let json: Result<Money, _> = serde_json::from_str("12.5");
        assert!(json.is_err(), "a JSON number must not be accepted as money");
    }

    #[test]
    fn overflow_is_an_error() {
        let big = Money::from_decimal(Decimal::MAX).unwrap_or_default();
        assert_eq!(
            big.checked_add(m("1")),
            Err(MoneyError::Overflow { operation: "add" })
        );
        assert!(big.checked_mul(Decimal::TWO).is_err());
    }

    #[test]
    fn named_rounding() {
        assert_eq!(
            m("2.345").round_to_cents(Rounding::HalfAwayFromZero),
            m("2.35")
        );
        assert_eq!(
            m("-2.345").round_to_cents(Rounding::HalfAwayFromZero),
            m("-2.35")
        );
        assert_eq!(m("2.345").round_to_cents(Rounding::HalfEven), m("2.34"));
        assert_eq!(m("2.355").round_to_cents(Rounding::HalfEven), m("2.36"));
        assert_eq!(
            m("2.345").round_to_cents(Rounding::HalfTowardZero),
            m("2.34")
        );
        assert_eq!(m("2.341").round_to_cents(Rounding::Up), m("2.35"));
        assert_eq!(m("2.349").round_to_cents(Rounding::Down), m("2.34"));
        assert_eq!(m("-2.341").round_to_cents(Rounding::Ceiling), m("-2.34"));
        assert_eq!(m("-2.341").round_to_cents(Rounding::Floor), m("-2.35"));
        // RULES.md's illustrative PFS check: 2.986 × 33.4009 → $99.74.
        let fee = m("2.986")
            .checked_mul(Decimal::new(334_009, 4))
            .unwrap_or_default();
        assert_eq!(fee, m("99.7350874"));
        assert_eq!(fee.round_to_cents(Rounding::HalfAwayFromZero), m("99.74"));
    }

    #[test]
    fn rates_are_percentages() {
        let r: Rate = "20%".parse().unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(r.fraction(), Decimal::new(20, 2));
        assert_eq!(m("83.41").times_rate(r), Ok(m("16.682")));
        assert_eq!(r.to_string(), "20%");
        assert_eq!("0.2".parse::<Rate>(), Err(MoneyError::RateSyntax));
        assert!("-5%".parse::<Rate>().is_err());
        assert!("1000.01%".parse::<Rate>().is_err());
        assert_eq!(
            serde_json::to_string(
                &"12.5%"
                    .parse::<Rate>()
                    .unwrap_or_else(|e| unreachable!("{e}"))
            )
            .unwrap_or_default(),
            "\"12.5%\""
        );
    }

    #[test]
    fn allocation_hands_out_leftover_cents_deterministically() {
        let parts = allocate_evenly(m("100.00"), 3).unwrap_or_default();
        assert_eq!(parts, vec![m("33.34"), m("33.33"), m("33.33")]);
        let parts = allocate(m("10.00"), &[Decimal::ONE, Decimal::TWO]).unwrap_or_default();
        assert_eq!(parts, vec![m("3.33"), m("6.67")]);
        let parts = allocate_evenly(m("-0.05"), 2).unwrap_or_default();
        assert_eq!(parts, vec![m("-0.03"), m("-0.02")]);
        let parts = allocate(m("5.00"), &[Decimal::ZERO, Decimal::ONE]).unwrap_or_default();
        assert_eq!(parts, vec![m("0.00"), m("5.00")]);
    }

    #[test]
    fn allocation_refuses_what_it_cannot_do_exactly() {
        assert!(matches!(
            allocate_evenly(m("1.00"), 0),
            Err(MoneyError::Allocation { .. })
        ));
        assert!(matches!(
            allocate(m("1.00"), &[Decimal::ZERO]),
            Err(MoneyError::Allocation { .. })
        ));
        assert!(matches!(
            allocate(m("1.00"), &[Decimal::NEGATIVE_ONE, Decimal::TWO]),
            Err(MoneyError::Allocation { .. })
        ));
        assert_eq!(allocate_evenly(m("1.005"), 2), Err(MoneyError::SubCent));
        assert!(matches!(
            allocate_evenly(m("1.00"), usize::MAX),
            Err(MoneyError::Allocation { .. })
        ));
    }
}
