//! `medbill::x12` and `medbill::remit` for Kotlin, Swift and Python: read any X12 file into
//! its documented JSON (`core/schema/x12-file.schema.json`), write 837, 270, 276 and 835
//! interchanges from JSON. X12 goes in as bytes and comes out as text.

use medbill::Claim;
use medbill::claim::Payer;
use medbill::remit::{OtherCoverage, PriorAdjudication, PriorPayer, Remittance};
use medbill::x12::{ClaimStatusRequest, EligibilityRequest, Envelope, Submission};

use crate::convert::decode;
use crate::error::MedbillError;

/// Everything an X12 file holds, every transaction set read by its typed reader, as JSON (an
/// `X12File`). Fails only when the bytes are not X12 or declare a version medbill does not
/// read (4010).
#[uniffi::export]
pub fn read_x12_json(bytes: Vec<u8>) -> Result<String, MedbillError> {
    let file = medbill::read_x12(&bytes).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&file).map_err(|e| MedbillError::from_core(&e))
}

/// One summary per transaction set of an X12 file, in file order, as a JSON array of
/// `SetSummary` (id, version, segments, and claims, charge, paid and balanced where the set
/// has them).
#[uniffi::export]
pub fn summarize_x12_json(bytes: Vec<u8>) -> Result<String, MedbillError> {
    let file = medbill::read_x12(&bytes).map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&file.summaries()).map_err(|e| MedbillError::from_core(&e))
}

/// One summary per transaction set of an X12 file, in file order (id, version, segments,
/// and claims, charge, paid and balanced where the set has them).
#[uniffi::export]
pub fn summarize_x12(bytes: Vec<u8>) -> Result<Vec<crate::models::SetSummary>, MedbillError> {
    let file = medbill::read_x12(&bytes).map_err(|e| MedbillError::from_core(&e))?;
    crate::convert::mirror(&file.summaries())
}

/// The remittances (835 transaction sets) of an X12 file, in file order; none when it holds
/// no 835.
#[uniffi::export]
pub fn read_remittances(bytes: Vec<u8>) -> Result<Vec<crate::models::Remittance>, MedbillError> {
    let file = medbill::read_x12(&bytes).map_err(|e| MedbillError::from_core(&e))?;
    crate::convert::mirror(&file.remittances)
}

/// Writes claims (a JSON array of claims) as one 837 interchange (837P for professional
/// claims, 837I for institutional ones), with a submission and an envelope as JSON; returns
/// the X12 text.
#[uniffi::export]
pub fn write_837_json(
    claims_json: String,
    submission_json: String,
    envelope_json: String,
) -> Result<String, MedbillError> {
    let claims: Vec<Claim> = decode(&claims_json)?;
    let submission: Submission = decode(&submission_json)?;
    let envelope: Envelope = decode(&envelope_json)?;
    let bytes = medbill::x12::write_837(&claims, &submission, &envelope)
        .map_err(|e| MedbillError::from_core(&e))?;
    x12_text(bytes)
}

/// The claim (JSON) sent on to the next payer once the payer (`Payer` JSON) has adjudicated
/// it: that payer's decision, from its 835 claim (`{"remittance": …}`) or from the
/// coordination of benefits (`{"coordination": …}`), with the coverage facts
/// (`OtherCoverage` JSON), adjudicated on `adjudicated` (`YYYY-MM-DD`), joins the claim's
/// `otherPayers` (837 loops 2320, 2330A/B, 2430); the claim goes to `next_payer_json` when
/// given, as the subscriber's secondary (or tertiary) payer. Returns the claim JSON, ready
/// for `write_837_json`.
#[uniffi::export]
pub fn secondary_claim_json(
    claim_json: String,
    payer_json: String,
    coverage_json: String,
    prior_json: String,
    adjudicated: String,
    next_payer_json: Option<String>,
) -> Result<String, MedbillError> {
    let mut claim: Claim = decode(&claim_json)?;
    let payer: Payer = decode(&payer_json)?;
    let coverage: OtherCoverage = decode(&coverage_json)?;
    let prior: PriorAdjudication = decode(&prior_json)?;
    let adjudicated = crate::pricing::parse_date(&adjudicated)?;
    let next_payer: Option<Payer> = next_payer_json.as_deref().map(decode).transpose()?;
    let prior_payer = PriorPayer {
        payer,
        coverage,
        adjudicated,
        next_payer,
    };
    medbill::remit::send_on(&mut claim, prior_payer, &prior)
        .map_err(|e| MedbillError::from_core(&e))?;
    medbill::to_json(&claim).map_err(|e| MedbillError::from_core(&e))
}

/// Writes eligibility inquiries (a JSON array) as one 270 interchange, one transaction set
/// per request; returns the X12 text.
#[uniffi::export]
pub fn write_270_json(
    requests_json: String,
    envelope_json: String,
) -> Result<String, MedbillError> {
    let requests: Vec<EligibilityRequest> = decode(&requests_json)?;
    let envelope: Envelope = decode(&envelope_json)?;
    let bytes =
        medbill::x12::write_270(&envelope, &requests).map_err(|e| MedbillError::from_core(&e))?;
    x12_text(bytes)
}

/// Writes claim status inquiries (a JSON array) as one 276 interchange, one transaction set
/// per request; returns the X12 text.
#[uniffi::export]
pub fn write_276_json(
    requests_json: String,
    envelope_json: String,
) -> Result<String, MedbillError> {
    let requests: Vec<ClaimStatusRequest> = decode(&requests_json)?;
    let envelope: Envelope = decode(&envelope_json)?;
    let bytes =
        medbill::x12::write_276(&envelope, &requests).map_err(|e| MedbillError::from_core(&e))?;
    x12_text(bytes)
}

/// Writes remittances (a JSON array, e.g. the `remittances` of `read_x12_json`) as one 835
/// interchange, one transaction set per remittance; returns the X12 text.
#[uniffi::export]
pub fn write_835_json(
    remittances_json: String,
    envelope_json: String,
) -> Result<String, MedbillError> {
    let remittances: Vec<Remittance> = decode(&remittances_json)?;
    let envelope: Envelope = decode(&envelope_json)?;
    let bytes = medbill::x12::write_835(&remittances, &envelope)
        .map_err(|e| MedbillError::from_core(&e))?;
    x12_text(bytes)
}

/// Written X12 as text. The writer refuses characters outside printable ASCII, so this only
/// fails if that promise is broken.
fn x12_text(bytes: Vec<u8>) -> Result<String, MedbillError> {
    String::from_utf8(bytes).map_err(|e| MedbillError::Failed {
        code: "OUTPUT_CONVERSION".to_owned(),
        detail: e.to_string(),
    })
}
