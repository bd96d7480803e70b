#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]

pub mod audit;
pub mod benefits;
pub mod claim;
pub mod codes;
pub mod codesets;
pub mod denial;
mod error_code;
pub mod fhir;
pub mod finding;
pub mod followup;
pub mod input;
pub mod kpi;
pub mod ledger;
pub mod money;
pub mod phi;
pub mod pricing;
pub mod remit;
pub mod schema;
pub mod scrub;
pub mod statement;
pub mod x12;

pub use benefits::{Adjudication, BenefitPlan, adjudicate, estimate};
pub use claim::{Claim, ClaimForm, prepare_claim};
pub use codes::{CodeCheck, CodeError, CodeKind};
pub use error_code::{ErrorCode, Refusal};
pub use finding::{Finding, Severity};
pub use input::{DecodeError, EncodeError, decode, from_json, from_json_bytes, to_json};
pub use ledger::{ChargedClaim, Entry, Ledger, LedgerError, Posting, charge, post_remittance};
pub use money::{Money, MoneyError, Rate, Rounding, allocate, allocate_evenly};
pub use phi::Phi;
pub use pricing::{Contract, FeeSchedule, PricedClaim, price};
pub use scrub::{PayerRules, ScrubHistory, scrub};
pub use statement::{PaymentPlan, Statement, StatementError, payment_plan, statement};
pub use x12::{X12File, read_x12, read_x12_but_835};

/// The library version, for bindings and the CLI to report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
