//! `medbill::money` for JavaScript: amounts and weights travel as decimal strings.

use medbill::Money;
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

use crate::error::{to_js, with_code};

fn parse_money(text: &str) -> Result<Money, JsValue> {
    text.parse::<Money>().map_err(|e| to_js(&e))
}

fn parse_weight(text: &str) -> Result<Decimal, JsValue> {
    text.parse::<Money>().map(Money::amount).map_err(|e| to_js(&e))
}

fn to_strings(parts: Vec<Money>) -> Vec<String> {
    parts.into_iter().map(|m| m.to_string()).collect()
}

/// Splits `total` by `weights` into whole cents that sum exactly to `total`.
#[wasm_bindgen(js_name = allocate)]
pub fn allocate(total: &str, weights: Vec<String>) -> Result<Vec<String>, JsValue> {
    let total = parse_money(total)?;
    let weights = weights.iter().map(|w| parse_weight(w)).collect::<Result<Vec<_>, _>>()?;
    medbill::allocate(total, &weights).map(to_strings).map_err(|e| to_js(&e))
}

/// Splits `total` into `parts` equal parts in whole cents; leftover cents go first.
#[wasm_bindgen(js_name = allocateEvenly)]
pub fn allocate_evenly(total: &str, parts: u32) -> Result<Vec<String>, JsValue> {
    let total = parse_money(total)?;
    let parts = usize::try_from(parts).map_err(|_| with_code("ALLOCATION_INVALID", "too many parts"))?;
    medbill::allocate_evenly(total, parts).map(to_strings).map_err(|e| to_js(&e))
}
