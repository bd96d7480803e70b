//! Pricing: fee schedules (flat, Medicare PFS / RBRVS, percent of a schedule or of charges,
//! anesthesia), payer contracts with carve-outs, payment-modifier and multiple-procedure rules,
//! and a replayable trace of every step (RULES.md §1–§3).

mod engine;
mod multiple;
mod trace;
mod verify;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{Modifier, PlaceOfService, ProcedureCode};
use crate::codesets::{LocalityId, PfsVersionSource};
use crate::money::{Money, MoneyError, Rate, Rounding};

pub use engine::{price, price_many, price_services};
pub use trace::{Operation, TraceInput, TraceInputs, TraceStep, apply, replay};

pub use verify::{PfsMismatch, PfsVerification, verify_payment_amounts};

/// A payer contract: which schedule prices the payer's claims, with carve-outs and settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contract {
    /// The payer's id (as on the claim).
    pub payer_id: String,
    /// The plan, when the contract is plan-specific.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// First date of service the contract covers.
    pub effective_from: NaiveDate,
    /// Last date of service the contract covers, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_through: Option<NaiveDate>,
    /// The fee schedule.
    pub schedule: FeeSchedule,
    /// Codes priced outside the schedule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carve_outs: Vec<CarveOut>,
    /// A percentage applied to every schedule amount (e.g. `"105%"`), before lesser-of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<Rate>,
    /// The payer's pricing settings.
    #[serde(default)]
    pub settings: ContractSettings,
}

/// How a schedule prices a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum FeeSchedule {
    /// A flat amount per code (optionally per modifier), effective-dated.
    Flat {
        /// The fees.
        fees: Vec<FlatFee>,
    },
    /// The Medicare Physician Fee Schedule (RBRVS), from loaded PFS files.
    MedicarePfs(PfsSchedule),
    /// A percentage of another schedule (e.g. 120% of Medicare).
    PercentOfSchedule {
        /// The percentage.
        rate: Rate,
        /// The base schedule.
        base: Box<FeeSchedule>,
    },
    /// A percentage of the billed charge.
    PercentOfCharges {
        /// The percentage.
        rate: Rate,
    },
    /// Anesthesia: (base units + time units) × conversion factor.
    Anesthesia(AnesthesiaSchedule),
}

crate::input::tagged::read_tagged! {
    FeeSchedule via FeeScheduleTwin by "kind" {
        struct Flat { fees: Vec<FlatFee> },
        newtype MedicarePfs(PfsSchedule),
        struct PercentOfSchedule { rate: Rate, base: Box<FeeSchedule> },
        struct PercentOfCharges { rate: Rate },
        newtype Anesthesia(AnesthesiaSchedule),
    }
}

/// One flat fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlatFee {
    /// Procedure code.
    pub procedure: ProcedureCode,
    /// Pricing modifier (e.g. 26, TC) when the fee is modifier-specific.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// Fee per unit.
    pub amount: Money,
    /// First date of service the fee applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// Last date of service the fee applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_through: Option<NaiveDate>,
}

/// Medicare PFS settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PfsSchedule {
    /// The locality; when absent, found from the service facility's ZIP, then the billing
    /// provider's, through the ZIP-to-locality file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<LocalityId>,
    /// Conversion factor; when absent, the one printed in the RVU file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "optional_decimal")]
    #[schemars(schema_with = "optional_decimal::schema")]
    pub conversion_factor: Option<Decimal>,
    /// Places of service paid at the facility rate (data, e.g. 21, 22, 23, 24 …); every
    /// other place of service is paid at the non-facility rate.
    pub facility_places_of_service: Vec<PlaceOfService>,
}

/// Anesthesia settings: base units per code and the conversion factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnesthesiaSchedule {
    /// Base units per anesthesia code.
    pub base_units: Vec<AnesthesiaBaseUnits>,
    /// The conversion factor; when absent, the locality's from the anesthesia CF file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion_factor: Option<Money>,
    /// The locality, for the locality-adjusted conversion factor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<LocalityId>,
}

/// Base units of one anesthesia code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnesthesiaBaseUnits {
    /// Anesthesia code (00100–01999).
    pub procedure: ProcedureCode,
    /// Base units.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units: Decimal,
}

/// A code priced outside the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarveOut {
    /// Procedure code.
    pub procedure: ProcedureCode,
    /// How it is priced.
    pub price: CarveOutPrice,
}

/// The price of a carve-out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum CarveOutPrice {
    /// A fixed amount per unit.
    PerUnit(Money),
    /// A percentage of the billed charge.
    PercentOfCharge(Rate),
}

/// A payer's pricing settings. Every default is Medicare's (RULES.md §1–§3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ContractSettings {
    /// Allowed = the lesser of the charge and the schedule amount.
    pub lesser_of_charge: bool,
    /// How anesthesia minutes become time units.
    pub anesthesia_time: AnesthesiaTime,
    /// Days after the date of service a claim may be filed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timely_filing_days: Option<u32>,
    /// Share paid to non-physician practitioners billing under their own NPI.
    pub non_physician_rate: Rate,
    /// Taxonomy prefixes that mark a rendering provider as a non-physician practitioner
    /// (nurse practitioner 363L, physician assistant 363A, clinical nurse specialist 364S).
    pub non_physician_taxonomy_prefixes: Vec<String>,
    /// Share paid for an assistant at surgery (80, 81, 82).
    pub assistant_rate: Rate,
    /// Share paid for a non-physician assistant at surgery (AS).
    pub assistant_non_physician_rate: Rate,
    /// Share paid to each co-surgeon (62).
    pub co_surgeon_rate: Rate,
    /// Multiple-procedure percentages by rank (indicators 2 and 3); procedures ranked past the
    /// list need manual pricing.
    pub multiple_procedure_rates: Vec<Rate>,
    /// The shares paid for the reduced component of the 2nd and later procedures under
    /// multiple-procedure indicators 4–7.
    pub component_reductions: ComponentReductions,
}

/// What the 2nd and later same-day procedures are paid of the component a multiple-procedure
/// indicator reduces (RVU file documentation, field "MULT PROC"; RULES.md §2). The first
/// procedure (ranked by the component's amount) is paid in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ComponentReductions {
    /// Indicator 4, diagnostic imaging: the technical component (50%).
    pub imaging_technical: Rate,
    /// Indicator 4, diagnostic imaging: the professional component (95%, since 2017).
    pub imaging_professional: Rate,
    /// Indicator 5, selected therapy services: the practice-expense component (50%).
    pub therapy_practice_expense: Rate,
    /// Indicator 6, diagnostic cardiovascular services: the technical component (75%).
    pub cardiovascular_technical: Rate,
    /// Indicator 7, diagnostic ophthalmology services: the technical component (80%).
    pub ophthalmology_technical: Rate,
}

impl Default for ComponentReductions {
    fn default() -> ComponentReductions {
        let percent = |p: i64| Rate::from_percent(Decimal::new(p, 0)).unwrap_or(Rate::ZERO);
        ComponentReductions {
            imaging_technical: percent(50),
            imaging_professional: percent(95),
            therapy_practice_expense: percent(50),
            cardiovascular_technical: percent(75),
            ophthalmology_technical: percent(80),
        }
    }
}

impl Default for ContractSettings {
    fn default() -> ContractSettings {
        let percent =
            |p: i64, scale: u32| Rate::from_percent(Decimal::new(p, scale)).unwrap_or(Rate::ZERO);
        ContractSettings {
            lesser_of_charge: true,
            anesthesia_time: AnesthesiaTime::default(),
            timely_filing_days: Some(365),
            non_physician_rate: percent(85, 0),
            non_physician_taxonomy_prefixes: vec![
                "363L".to_owned(),
                "363A".to_owned(),
                "364S".to_owned(),
            ],
            assistant_rate: percent(16, 0),
            assistant_non_physician_rate: percent(136, 1),
            co_surgeon_rate: percent(625, 1),
            multiple_procedure_rates: vec![
                percent(100, 0),
                percent(50, 0),
                percent(50, 0),
                percent(50, 0),
                percent(50, 0),
            ],
            component_reductions: ComponentReductions::default(),
        }
    }
}

/// How anesthesia minutes become time units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct AnesthesiaTime {
    /// Minutes per time unit.
    pub minutes_per_unit: u32,
    /// Decimal places kept in time units (1: 129 min → 8.6 units).
    pub precision: u32,
    /// How time units are rounded to that precision.
    pub rounding: Rounding,
}

impl Default for AnesthesiaTime {
    fn default() -> AnesthesiaTime {
        AnesthesiaTime {
            minutes_per_unit: 15,
            precision: 1,
            rounding: Rounding::HalfAwayFromZero,
        }
    }
}

/// A service to price before it happens (an estimate's line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlannedService {
    /// Procedure code.
    pub procedure: ProcedureCode,
    /// Modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// The provider's charge.
    pub charge: Money,
    /// Units or anesthesia minutes.
    pub quantity: crate::claim::Quantity,
    /// Planned date.
    pub date: NaiveDate,
    /// Place of service.
    pub place_of_service: PlaceOfService,
    /// Rendering provider's taxonomy (non-physician practitioners are paid less).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_taxonomy: Option<crate::codes::Taxonomy>,
}

/// A priced claim: per line the allowed amount, the expected payment and the trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PricedClaim {
    /// The claim's patient control number.
    pub patient_control_number: String,
    /// The contract's payer.
    pub payer_id: String,
    /// The date pricing was done for.
    pub as_of: NaiveDate,
    /// Total billed.
    pub total_charge: Money,
    /// Total allowed.
    pub total_allowed: Money,
    /// Total expected payment before patient cost sharing.
    pub total_expected_payment: Money,
    /// The Medicare locality the claim was priced in and why; absent when the schedule needs
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<LocalityChoice>,
    /// The PFS data the claim was priced with (its RVUs or its multiple-procedure and add-on
    /// indicators), when any was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs_version: Option<PfsVersion>,
    /// The lines, in claim order.
    pub lines: Vec<PricedLine>,
}

/// The Medicare locality that priced a claim, and why that one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LocalityChoice {
    /// The locality.
    pub locality: LocalityId,
    /// Where it came from.
    pub source: LocalitySource,
}

/// Where a claim's Medicare locality came from (in this order of preference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum LocalitySource {
    /// The contract's schedule names it.
    Contract,
    /// The service facility's ZIP code, through the ZIP-to-locality file.
    ServiceFacilityZip,
    /// The billing provider's ZIP code, through the ZIP-to-locality file.
    BillingProviderZip,
    /// The ZIP code given with planned services (an estimate).
    ServiceZip,
}

impl LocalitySource {
    /// In words, for a trace's explanation.
    pub fn describe(self) -> &'static str {
        match self {
            LocalitySource::Contract => "set in the contract",
            LocalitySource::ServiceFacilityZip => "from the service facility's ZIP code",
            LocalitySource::BillingProviderZip => "from the billing provider's ZIP code",
            LocalitySource::ServiceZip => "from the ZIP code of the planned services",
        }
    }
}

/// Which PFS data priced a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PfsVersion {
    /// The data version (e.g. `RVU25D`), as every trace step that read the data records it.
    pub version: String,
    /// Where the version came from: the files, or the caller overriding them.
    pub source: PfsVersionSource,
}

/// One priced line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PricedLine {
    /// 0-based index of the line in the claim.
    pub line: usize,
    /// Procedure code, when the line has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureCode>,
    /// Modifiers on the line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// Billed charge.
    pub charge: Money,
    /// Date of service.
    pub service_date: NaiveDate,
    /// Place of service, for professional lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_of_service: Option<PlaceOfService>,
    /// Allowed amount (zero when not priced).
    pub allowed: Money,
    /// Expected payment before patient cost sharing (the allowed amount; deductible,
    /// copay and coinsurance come from the patient's benefit plan).
    pub expected_payment: Money,
    /// Whether the line could be priced.
    pub status: LineStatus,
    /// Every step, replayable with [`replay`].
    pub trace: Vec<TraceStep>,
}

/// Whether a line was priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "status", rename_all = "camelCase", deny_unknown_fields)]
pub enum LineStatus {
    /// Priced by the schedule.
    Priced,
    /// The schedule does not pay for this line (no fee, status not payable, NA setting…).
    NotPayable {
        /// Why.
        reason: String,
    },
    /// The rules require a person to price it (e.g. the 6th multiple procedure).
    ManualPricing {
        /// Why.
        reason: String,
    },
}

crate::input::tagged::read_tagged! {
    LineStatus via LineStatusTwin by "status" {
        unit Priced,
        struct NotPayable { reason: String },
        struct ManualPricing { reason: String },
    }
}

/// What a caller of [`price`] may relax, and whether traces are kept. The default checks
/// everything and keeps the traces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PriceOptions {
    /// Price the claim even when its validation ([`crate::Claim::validate`]) finds errors;
    /// by default such a claim is refused ([`PricingError::InvalidClaim`]).
    pub unchecked: bool,
    /// Price under a contract whose payer is not the claim's payer; by default that is
    /// refused ([`PricingError::PayerMismatch`]).
    pub any_payer: bool,
    /// Keep each line's trace (the default). Without it the result is smaller and faster to
    /// hand across a binding, and cannot be replayed.
    pub trace: bool,
}

impl Default for PriceOptions {
    fn default() -> PriceOptions {
        PriceOptions {
            unchecked: false,
            any_payer: false,
            trace: true,
        }
    }
}

/// One claim of a batch priced by [`price_many`]: priced, or refused with the error `price`
/// gives for it alone. JSON: `{"priced": {…}}` or `{"refused": {"code", "message"}}`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum PriceOutcome {
    /// The claim, priced.
    Priced(Box<PricedClaim>),
    /// Why the claim was not priced.
    Refused(crate::error_code::Refusal),
}

/// Why a claim could not be priced at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    /// The claim has validation errors (rule ids and paths; never patient data).
    #[error(
        "the claim does not pass validation: {}; correct it, or ask for unchecked pricing",
        describe_findings(findings)
    )]
    InvalidClaim {
        /// The error findings of the claim's validation.
        findings: Vec<crate::Finding>,
    },
    /// The contract is with another payer than the one the claim is billed to.
    #[error(
        "the contract is with payer {contract} but the claim is billed to payer {claim}; use the payer's contract, or allow any payer"
    )]
    PayerMismatch {
        /// The contract's payer id.
        contract: String,
        /// The claim's payer id.
        claim: String,
    },
    /// The contract does not cover a line's date of service.
    #[error("line {line}: the contract is not in effect on the date of service")]
    ContractNotEffective {
        /// 1-based line number.
        line: usize,
    },
    /// The contract names the Medicare PFS but no PFS data was loaded.
    #[error("the contract prices from the Medicare PFS but no PFS data was loaded")]
    PfsDataMissing,
    /// No locality could be determined for a PFS price.
    #[error("no Medicare locality: set one in the contract or load the ZIP-to-locality file")]
    LocalityUnknown,
    /// The locality is not in the loaded GPCI or anesthesia file.
    #[error("locality {0} is not in the loaded {1} file")]
    LocalityNotInData(LocalityId, &'static str),
    /// An anesthesia schedule has no conversion factor.
    #[error(
        "the anesthesia schedule has no conversion factor and no anesthesia CF file was loaded"
    )]
    AnesthesiaFactorMissing,
    /// Amount arithmetic overflowed.
    #[error("pricing overflow: {0}")]
    Money(#[from] MoneyError),
}

/// `RULE at /path, …` for an error message.
fn describe_findings(findings: &[crate::Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} at {}", f.rule, f.path))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Optional decimals as strings in JSON.
mod optional_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| Decimal::from_str_exact(&t).map_err(serde::de::Error::custom))
            .transpose()
    }

    pub(super) fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::money::decimal_string_schema(generator)
    }
}
