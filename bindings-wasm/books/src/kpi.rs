//! `medbill::kpi` for JavaScript: the supervisor's numbers from the entries the host keeps.

use medbill::kpi::KpiRequest;
use medbill::ledger::Entry;
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// The KPIs of a period (`{from, to, lookbackDays?}`) from the books made of `entries`, as of
/// the period's last day.
#[wasm_bindgen(js_name = kpis, unchecked_return_type = "Kpis")]
pub fn kpis(
    #[wasm_bindgen(unchecked_param_type = "Entry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_param_type = "KpiRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries)?;
    let request: KpiRequest = from_js(request)?;
    to_js_value(&medbill::kpi::kpis(&entries, request).map_err(|e| to_js(&e))?)
}
