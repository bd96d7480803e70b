//! `medbill::ledger` for Kotlin, Swift and Python: claims charged and remittances posted into
//! entries the app keeps in its own store (Room, Core Data, …), as their documented JSON
//! (`core/schema/ledger-entry.schema.json`, `charged-claim`, `post-options`, `post-response`).

use medbill::ledger::{ChargedClaim, Entry, PostOptions};
use medbill::remit::Remittance;

use crate::convert::decode;
use crate::error::MedbillError;

/// The charge entries (a JSON array of `Entry`) of `claims_json` (a JSON array of
/// `ChargedClaim`), billed on `billed` and entered on `posted` (`YYYY-MM-DD`), into the books
/// made of `entries_json` (a JSON array of `Entry`, numbered 1, 2, … in order).
#[uniffi::export]
pub fn charge_claims_json(
    claims_json: String,
    entries_json: String,
    billed: String,
    posted: String,
) -> Result<String, MedbillError> {
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let entries: Vec<Entry> = decode(&entries_json)?;
    let new = charged(&claims, entries, &billed, &posted)?;
    medbill::to_json(&new).map_err(|e| MedbillError::from_core(&e))
}

/// The charge entries of `claims_json` (a JSON array of `ChargedClaim`), billed on `billed`
/// and entered on `posted` (`YYYY-MM-DD`), into the books made of `entries` (numbered 1, 2, …
/// in order).
#[uniffi::export]
pub fn charge_claims(
    claims_json: String,
    entries: Vec<crate::models::Entry>,
    billed: String,
    posted: String,
) -> Result<Vec<crate::models::Entry>, MedbillError> {
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let entries: Vec<Entry> = crate::convert::core(&entries)?;
    let new = charged(&claims, entries, &billed, &posted)?;
    crate::convert::mirror(&new)
}

/// The charge entries of the claims: what `charge_claims` and `charge_claims_json` share.
fn charged(
    claims: &[ChargedClaim],
    entries: Vec<Entry>,
    billed: &str,
    posted: &str,
) -> Result<Vec<Entry>, MedbillError> {
    let billed = crate::pricing::parse_date(billed)?;
    let posted = crate::pricing::parse_date(posted)?;
    medbill::ledger::charge_claims(claims, entries, billed, posted)
        .map_err(|e| MedbillError::from_core(&e))
}

/// The balances of the books made of `entries`: by claim (and line), by patient account, by
/// responsible party, and the payer, clearing and suspense accounts; as of the cut-off given
/// (every entry when `None`).
#[uniffi::export(default(as_of = None))]
pub fn balances(
    entries: Vec<crate::models::Entry>,
    as_of: Option<crate::models::AsOf>,
) -> Result<crate::models::Balances, MedbillError> {
    let entries: Vec<Entry> = crate::convert::core(&entries)?;
    let as_of: medbill::ledger::AsOf = match as_of {
        Some(as_of) => crate::convert::core(&as_of)?,
        None => medbill::ledger::AsOf::all(),
    };
    let balances =
        medbill::ledger::balances(&entries, as_of).map_err(|e| MedbillError::from_core(&e))?;
    crate::convert::mirror(&balances)
}

/// Posts a remittance (JSON, as `read_x12_json` gives it) against the charged claims (a JSON
/// array of `ChargedClaim`) into the books made of `entries_json`, with the options (JSON
/// `PostOptions`); returns a `PostResponse` as JSON: the posting (its new entries to append,
/// what became of each claim, claims sent on, underpayments, the deposit) and the balances.
#[uniffi::export]
pub fn post_remittance_json(
    remittance_json: String,
    claims_json: String,
    entries_json: String,
    options_json: String,
) -> Result<String, MedbillError> {
    let remittance: Remittance = decode(&remittance_json)?;
    let claims: Vec<ChargedClaim> = decode(&claims_json)?;
    let entries: Vec<Entry> = decode(&entries_json)?;
    let options: PostOptions = decode(&options_json)?;
    let response = medbill::ledger::post_to_entries(&remittance, claims, entries, &options)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&response).map_err(|e| MedbillError::from_core(&e))
}
