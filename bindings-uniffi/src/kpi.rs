//! `medbill::kpi` for Kotlin, Swift and Python: the supervisor's numbers from the entries the
//! app keeps, as JSON (`core/schema/kpis.schema.json`).

use medbill::kpi::KpiRequest;
use medbill::ledger::Entry;

use crate::convert::decode;
use crate::error::MedbillError;

/// The KPIs (JSON `Kpis`) of a period (JSON `KpiRequest`: from, to, lookbackDays) from the
/// books made of `entries_json` (a JSON array of `Entry`).
#[uniffi::export]
pub fn kpis_json(entries_json: String, request_json: String) -> Result<String, MedbillError> {
    let entries: Vec<Entry> = decode(&entries_json)?;
    let request: KpiRequest = decode(&request_json)?;
    let kpis = medbill::kpi::kpis(&entries, request).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&kpis).map_err(|e| MedbillError::from_core(&e))
}
