//! `medbill::money` for JavaScript: amounts and weights travel as decimal strings.

use medbill::Money;
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

use crate::error::{to_js, with_code};

fn parse_money(text: &str) -> Result<Money, JsValue> {
    text.parse::<Money>().map_err(|e| to_js(&e))
}

fn parse_weight(text: &str) -> Result<Decimal, JsValue> {
    text.parse::<Money>()
        .map(Money::amount)
        .map_err(|e| to_js(&e))
}

/// A JS number that is a whole count no larger than the allocation limit.
fn whole_count(number: f64) -> Option<usize> {
    let limit = u32::try_from(medbill::money::MAX_ALLOCATION_PARTS).ok()?;
    let in_range = number.fract() == 0.0 && (0.0..=f64::from(limit)).contains(&number);
    // In range and whole, so the conversion is exact.
    in_range.then_some(number as usize)
}

fn to_strings(parts: Vec<Money>) -> Vec<String> {
    parts.into_iter().map(|m| m.to_string()).collect()
}

/// Splits `total` by `weights` into whole cents that sum exactly to `total`.
#[wasm_bindgen(js_name = allocate)]
pub fn allocate(total: &str, weights: Vec<String>) -> Result<Vec<String>, JsValue> {
    let total = parse_money(total)?;
    let weights = weights
        .iter()
        .map(|w| parse_weight(w))
        .collect::<Result<Vec<_>, _>>()?;
    medbill::allocate(total, &weights)
        .map(to_strings)
        .map_err(|e| to_js(&e))
}

/// Splits `total` into `parts` equal parts in whole cents; leftover cents go first.
///
/// `parts` is taken as a JS number and checked here, so `-1` or `1.5` is refused rather than
/// wrapped or truncated by the number conversion.
#[wasm_bindgen(js_name = allocateEvenly)]
pub fn allocate_evenly(total: &str, parts: f64) -> Result<Vec<String>, JsValue> {
    let total = parse_money(total)?;
    let parts = whole_count(parts).ok_or_else(|| {
        with_code(
            "ALLOCATION_INVALID",
            "parts must be a whole number from 0 to 100000",
        )
    })?;
    medbill::allocate_evenly(total, parts)
        .map(to_strings)
        .map_err(|e| to_js(&e))
}
