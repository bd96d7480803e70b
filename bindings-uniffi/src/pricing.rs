//! `medbill::pricing` for Kotlin, Swift and Python: load PFS data once into a `Pricer`, then
//! price claims given as JSON.

use std::sync::Arc;

use medbill::codesets::PfsData;
use medbill::{Claim, Contract};

use crate::convert::decode;
use crate::error::MedbillError;

/// What `price_json` may relax, and whether traces are kept (medbill's `PriceOptions`).
#[derive(Debug, Clone, Copy, uniffi::Record)]
pub struct PriceOptions {
    /// Price the claim even when its validation finds errors (refused by default).
    #[uniffi(default = false)]
    pub unchecked: bool,
    /// Price under a contract whose payer is not the claim's (refused by default).
    #[uniffi(default = false)]
    pub any_payer: bool,
    /// Keep each line's trace.
    #[uniffi(default = true)]
    pub trace: bool,
}

impl From<PriceOptions> for medbill::pricing::PriceOptions {
    fn from(options: PriceOptions) -> medbill::pricing::PriceOptions {
        medbill::pricing::PriceOptions {
            unchecked: options.unchecked,
            any_payer: options.any_payer,
            trace: options.trace,
        }
    }
}

/// Prices claims under payer contracts. Holds the Medicare PFS data when it was given.
#[derive(uniffi::Object)]
pub struct Pricer {
    pfs: Option<PfsData>,
}

#[uniffi::export]
impl Pricer {
    /// A pricer. Pass the PFS relative value and GPCI files (CSV or TXT bytes), and
    /// optionally the anesthesia CF and ZIP-to-locality files; or none of them for flat and
    /// percentage schedules only. The data version is the release the relative value file
    /// names; `version` overrides it.
    #[uniffi::constructor(default(version = None))]
    pub fn new(
        rvu: Option<Vec<u8>>,
        gpci: Option<Vec<u8>>,
        anesthesia: Option<Vec<u8>>,
        zip: Option<Vec<u8>>,
        version: Option<String>,
    ) -> Result<Arc<Pricer>, MedbillError> {
        let pfs = PfsData::load_given(
            rvu.as_deref(),
            gpci.as_deref(),
            anesthesia.as_deref(),
            zip.as_deref(),
            version.as_deref(),
        )
        .map_err(|e| MedbillError::from_core(&e))?;
        Ok(Arc::new(Pricer { pfs }))
    }

    /// Number of relative value rows loaded (0 without PFS data).
    pub fn rvu_rows(&self) -> u64 {
        self.pfs
            .as_ref()
            .map_or(0, |d| u64::try_from(d.rvu.len()).unwrap_or(u64::MAX))
    }

    /// Prices a claim under a contract (JSON) as of a date (`YYYY-MM-DD`). A claim with
    /// validation errors or a contract with another payer is refused unless `options` say
    /// `unchecked` or `any_payer`.
    #[uniffi::method(default(options = None))]
    pub fn price(
        &self,
        claim: crate::models::Claim,
        contract_json: String,
        as_of: String,
        options: Option<PriceOptions>,
    ) -> Result<crate::models::PricedClaim, MedbillError> {
        let claim: Claim = crate::convert::core(&claim)?;
        crate::convert::mirror(&self.priced(&claim, &contract_json, &as_of, options)?)
    }

    /// Estimates a planned visit (an estimate request as JSON) as of a date.
    pub fn estimate(
        &self,
        request_json: String,
        as_of: String,
    ) -> Result<crate::models::Estimate, MedbillError> {
        crate::convert::mirror(&self.estimated(&request_json, &as_of)?)
    }

    /// Estimates a planned visit (an estimate request as JSON) as of a date; returns the
    /// estimate as JSON. Offline and fast: made for patient-payment apps.
    pub fn estimate_json(
        &self,
        request_json: String,
        as_of: String,
    ) -> Result<String, MedbillError> {
        let estimate = self.estimated(&request_json, &as_of)?;
        medbill::to_json(&estimate).map_err(|e| MedbillError::from_core(&e))
    }

    /// `estimate_json` with the plan and what the patient has met taken from the payer's 271
    /// (its bytes), checked against `patient_json` (an eligibility check); returns the
    /// eligibility and the estimate as JSON. Without active coverage the visit is estimated
    /// as self-pay.
    pub fn estimate_with_eligibility_json(
        &self,
        request_json: String,
        x12: Vec<u8>,
        patient_json: String,
        as_of: String,
    ) -> Result<String, MedbillError> {
        let request: medbill::benefits::EstimateRequest =
            medbill::from_json(&request_json).map_err(|e| MedbillError::from_core(&e))?;
        let patient: medbill::benefits::EligibilityCheck =
            medbill::from_json(&patient_json).map_err(|e| MedbillError::from_core(&e))?;
        let as_of = parse_date(&as_of)?;
        let responses = medbill::x12::read_271(&x12).map_err(|e| MedbillError::from_core(&e))?;
        let result = medbill::benefits::estimate_with_eligibility(
            &request,
            &responses,
            &patient,
            self.pfs.as_ref(),
            as_of,
        )
        .map_err(|e| MedbillError::from_core(&e))?;
        medbill::to_json(&result).map_err(|e| MedbillError::from_core(&e))
    }

    /// Prices a claim (JSON) under a contract (JSON) as of a date (`YYYY-MM-DD`); returns the
    /// priced claim as JSON. A claim with validation errors or a contract with another payer
    /// is refused unless `options` say `unchecked` or `any_payer`.
    #[uniffi::method(default(options = None))]
    pub fn price_json(
        &self,
        claim_json: String,
        contract_json: String,
        as_of: String,
        options: Option<PriceOptions>,
    ) -> Result<String, MedbillError> {
        let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
        let priced = self.priced(&claim, &contract_json, &as_of, options)?;
        medbill::to_json(&priced).map_err(|e| MedbillError::from_core(&e))
    }

    /// Prices many claims (a JSON array) under one contract (JSON) as of a date in one call;
    /// returns a JSON array of outcomes in the claims' order, each `{"priced": …}` or
    /// `{"refused": {"code", "message"}}` (one claim's refusal does not stop the others).
    #[uniffi::method(default(options = None))]
    pub fn price_many_json(
        &self,
        claims_json: String,
        contract_json: String,
        as_of: String,
        options: Option<PriceOptions>,
    ) -> Result<String, MedbillError> {
        let claims: Vec<Claim> = decode(&claims_json)?;
        let (contract, as_of, options) = terms(&contract_json, &as_of, options)?;
        let outcomes =
            medbill::pricing::price_many(&claims, &contract, self.pfs.as_ref(), as_of, &options);
        medbill::to_json(&outcomes).map_err(|e| MedbillError::from_core(&e))
    }
}

impl Pricer {
    /// A claim priced: what `price` and `price_json` share.
    fn priced(
        &self,
        claim: &Claim,
        contract_json: &str,
        as_of: &str,
        options: Option<PriceOptions>,
    ) -> Result<medbill::PricedClaim, MedbillError> {
        let (contract, as_of, options) = terms(contract_json, as_of, options)?;
        medbill::price(claim, &contract, self.pfs.as_ref(), as_of, &options)
            .map_err(|e| MedbillError::from_core(&e))
    }

    /// A visit estimated: what `estimate` and `estimate_json` share.
    fn estimated(
        &self,
        request_json: &str,
        as_of: &str,
    ) -> Result<medbill::benefits::Estimate, MedbillError> {
        let request: medbill::benefits::EstimateRequest = decode(request_json)?;
        medbill::estimate(&request, self.pfs.as_ref(), parse_date(as_of)?)
            .map_err(|e| MedbillError::from_core(&e))
    }
}

/// The contract, date and options every pricing call reads.
fn terms(
    contract_json: &str,
    as_of: &str,
    options: Option<PriceOptions>,
) -> Result<(Contract, chrono::NaiveDate, medbill::pricing::PriceOptions), MedbillError> {
    Ok((
        decode(contract_json)?,
        parse_date(as_of)?,
        options.map(Into::into).unwrap_or_default(),
    ))
}

/// A `YYYY-MM-DD` date, through the same decoder as every other input.
pub(crate) fn parse_date(text: &str) -> Result<chrono::NaiveDate, MedbillError> {
    let json = medbill::to_json(&text).map_err(|e| MedbillError::from_core(&e))?;
    medbill::from_json(&json).map_err(|e| MedbillError::from_core(&e))
}
