//! Stable error codes: every binding turns a core error into one public error carrying
//! [`ErrorCode::code`], so hosts can branch on it without parsing messages.

use crate::benefits::{BenefitsError, EstimateError};
use crate::claim::PrepareError;
use crate::claim::print::PrintError;
use crate::codes::CodeError;
use crate::codesets::CodeSetError;
use crate::input::{DecodeError, EncodeError};
use crate::money::MoneyError;
use crate::pricing::PricingError;
use crate::scrub::ScrubError;
use crate::x12::X12Error;

/// A stable, upper-snake-case code for an error, e.g. `MONEY_OVERFLOW`.
pub trait ErrorCode {
    /// The code. It never changes once published.
    fn code(&self) -> &'static str;
}

impl ErrorCode for MoneyError {
    fn code(&self) -> &'static str {
        match self {
            MoneyError::Syntax => "MONEY_SYNTAX",
            MoneyError::TooPrecise { .. } => "MONEY_TOO_PRECISE",
            MoneyError::Overflow { .. } => "MONEY_OVERFLOW",
            MoneyError::RateRange { .. } => "RATE_RANGE",
            MoneyError::RateSyntax => "RATE_SYNTAX",
            MoneyError::Allocation { .. } => "ALLOCATION_INVALID",
            MoneyError::SubCent => "ALLOCATION_SUB_CENT",
        }
    }
}

impl ErrorCode for CodeError {
    fn code(&self) -> &'static str {
        match self {
            CodeError::Invalid { .. } => "CODE_INVALID",
            CodeError::UnknownKind => "CODE_KIND_UNKNOWN",
        }
    }
}

impl ErrorCode for DecodeError {
    fn code(&self) -> &'static str {
        "INPUT_INVALID"
    }
}

impl ErrorCode for EncodeError {
    fn code(&self) -> &'static str {
        "OUTPUT_INVALID"
    }
}

impl ErrorCode for PrepareError {
    fn code(&self) -> &'static str {
        match self {
            PrepareError::UnknownPatient => "PREPARE_UNKNOWN_PATIENT",
            PrepareError::UnknownPayer => "PREPARE_UNKNOWN_PAYER",
            PrepareError::UnknownProvider { .. } => "PREPARE_UNKNOWN_PROVIDER",
            PrepareError::NoCharge { .. } => "PREPARE_NO_CHARGE",
            PrepareError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for CodeSetError {
    fn code(&self) -> &'static str {
        match self {
            CodeSetError::Encoding { .. } => "CODESET_ENCODING",
            CodeSetError::Layout { .. } => "CODESET_LAYOUT",
            CodeSetError::Field { .. } => "CODESET_FIELD",
            CodeSetError::Incomplete { .. } => "CODESET_INCOMPLETE",
        }
    }
}

impl ErrorCode for ScrubError {
    fn code(&self) -> &'static str {
        match self {
            ScrubError::UnknownRule { .. } => "SCRUB_RULE_UNKNOWN",
            ScrubError::EmptyRequirement { .. } => "SCRUB_REQUIREMENT_EMPTY",
        }
    }
}

impl ErrorCode for PricingError {
    fn code(&self) -> &'static str {
        match self {
            PricingError::InvalidClaim { .. } => "PRICING_CLAIM_INVALID",
            PricingError::PayerMismatch { .. } => "PRICING_PAYER_MISMATCH",
            PricingError::ContractNotEffective { .. } => "PRICING_CONTRACT_NOT_EFFECTIVE",
            PricingError::PfsDataMissing => "PRICING_PFS_DATA_MISSING",
            PricingError::LocalityUnknown => "PRICING_LOCALITY_UNKNOWN",
            PricingError::LocalityNotInData(..) => "PRICING_LOCALITY_NOT_IN_DATA",
            PricingError::AnesthesiaFactorMissing => "PRICING_ANESTHESIA_CF_MISSING",
            PricingError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for BenefitsError {
    fn code(&self) -> &'static str {
        match self {
            BenefitsError::OutsidePlanYear { .. } => "BENEFITS_OUTSIDE_PLAN_YEAR",
            BenefitsError::LineMismatch { .. } => "BENEFITS_LINE_MISMATCH",
            BenefitsError::AdjudicationRefused { .. } => "BENEFITS_ADJUDICATION_REFUSED",
            BenefitsError::CoordinationRefused { .. } => "BENEFITS_COORDINATION_REFUSED",
            BenefitsError::ReasonCode(_) => "INTERNAL",
            BenefitsError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for EstimateError {
    fn code(&self) -> &'static str {
        match self {
            EstimateError::Pricing(inner) => inner.code(),
            EstimateError::Benefits(inner) => inner.code(),
            EstimateError::NoServices => "ESTIMATE_NO_SERVICES",
            EstimateError::Refused { .. } => "ESTIMATE_REFUSED",
        }
    }
}

impl ErrorCode for X12Error {
    fn code(&self) -> &'static str {
        match self {
            X12Error::NoInterchange => "X12_NOT_X12",
            X12Error::Utf16 => "X12_UTF16",
            X12Error::BadIsa { .. } => "X12_BAD_ISA",
            X12Error::DelimiterNotAscii { .. } => "X12_DELIMITER_NOT_ASCII",
            X12Error::Truncated { .. } => "X12_TRUNCATED",
            X12Error::UnsupportedVersion { .. } => "X12_UNSUPPORTED_VERSION",
            X12Error::SegmentTooLong { .. } => "X12_SEGMENT_TOO_LONG",
            X12Error::Io { .. } => "X12_IO",
        }
    }
}

impl ErrorCode for crate::x12::WriteError {
    fn code(&self) -> &'static str {
        use crate::x12::WriteError;
        match self {
            WriteError::Delimiter { .. } => "X12_WRITE_DELIMITER",
            WriteError::Character { .. } => "X12_WRITE_CHARACTER",
            WriteError::Spaces { .. } => "X12_WRITE_SPACES",
            WriteError::Invalid { .. } => "X12_WRITE_INVALID",
            WriteError::Delimiters(_) => "X12_WRITE_DELIMITERS",
            WriteError::State(_) => "X12_WRITE_STATE",
        }
    }
}

impl ErrorCode for crate::x12::RequestWriteError {
    fn code(&self) -> &'static str {
        use crate::x12::RequestWriteError;
        match self {
            RequestWriteError::Write(inner) => inner.code(),
            RequestWriteError::Missing { .. } => "X12_REQUEST_MISSING",
        }
    }
}

impl ErrorCode for crate::x12::Write837Error {
    fn code(&self) -> &'static str {
        use crate::x12::Write837Error;
        match self {
            Write837Error::Empty => "X12_837_EMPTY",
            Write837Error::Submission { .. } => "X12_837_SUBMISSION",
            Write837Error::Missing { .. } => "X12_837_MISSING",
            Write837Error::NotWritable { .. } => "X12_837_NOT_WRITABLE",
            Write837Error::Invalid(_) => "X12_837_INVALID_CLAIM",
            Write837Error::Writer(inner) => inner.code(),
        }
    }
}

impl ErrorCode for crate::remit::OtherPayerError {
    fn code(&self) -> &'static str {
        use crate::remit::OtherPayerError;
        match self {
            OtherPayerError::Code { .. } => "OTHER_PAYER_CODE",
            OtherPayerError::UnmatchedLine { .. } => "OTHER_PAYER_UNMATCHED_LINE",
            OtherPayerError::Unbalanced { .. } => "OTHER_PAYER_UNBALANCED",
            OtherPayerError::Overflow { .. } => "OTHER_PAYER_OVERFLOW",
            OtherPayerError::ClaimCode { .. } => "OTHER_PAYER_CODE",
            OtherPayerError::MissingAmount { .. } => "OTHER_PAYER_MISSING_AMOUNT",
            OtherPayerError::RemarkCode { .. } => "OTHER_PAYER_CODE",
        }
    }
}

impl ErrorCode for crate::ledger::LedgerError {
    fn code(&self) -> &'static str {
        use crate::ledger::LedgerError;
        match self {
            LedgerError::Missing { .. } => "LEDGER_MISSING",
            LedgerError::TraceReused => "LEDGER_TRACE_REUSED",
            LedgerError::AlreadyCharged => "LEDGER_ALREADY_CHARGED",
            LedgerError::InvalidClaim { .. } => "LEDGER_CLAIM_INVALID",
            LedgerError::PricingMismatch => "LEDGER_PRICING_MISMATCH",
            LedgerError::EntryOrder { .. } => "LEDGER_ENTRY_ORDER",
            LedgerError::PostedBeforeLast => "LEDGER_POSTED_BEFORE_LAST",
            LedgerError::NotFound { .. } => "LEDGER_ENTRY_NOT_FOUND",
            LedgerError::AlreadyReversed { .. } => "LEDGER_ALREADY_REVERSED",
            LedgerError::NotSuspense { .. } => "LEDGER_NOT_SUSPENSE",
            LedgerError::StillUnmatched { .. } => "LEDGER_STILL_UNMATCHED",
            LedgerError::NotPositive { .. } => "LEDGER_NOT_POSITIVE",
            LedgerError::Unknown { .. } => "LEDGER_UNKNOWN",
            LedgerError::TooLarge => "LEDGER_TOO_LARGE",
            LedgerError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for crate::audit::AuditError {
    fn code(&self) -> &'static str {
        use crate::audit::AuditError;
        match self {
            AuditError::Mismatch { .. } => "AUDIT_MISMATCH",
            AuditError::Head { .. } => "AUDIT_HEAD",
            AuditError::Count { .. } => "AUDIT_COUNT",
            AuditError::Encode { .. } => "AUDIT_ENCODE",
            AuditError::HashSyntax => "AUDIT_HASH_SYNTAX",
        }
    }
}

impl ErrorCode for PrintError {
    fn code(&self) -> &'static str {
        match self {
            PrintError::UnknownForm => "PRINT_UNKNOWN_FORM",
            PrintError::WrongForm { .. } => "PRINT_WRONG_FORM",
            PrintError::Invalid { .. } => "PRINT_INVALID_CLAIM",
            PrintError::TooLong { .. } => "PRINT_TOO_LONG",
            PrintError::TooMany { .. } => "PRINT_TOO_MANY",
            PrintError::NotPrintable { .. } => "PRINT_NOT_PRINTABLE",
            PrintError::Overflow { .. } => "PRINT_OVERFLOW",
        }
    }
}

impl ErrorCode for crate::kpi::KpiError {
    fn code(&self) -> &'static str {
        use crate::kpi::KpiError;
        match self {
            KpiError::Period(_) => "KPI_PERIOD",
            KpiError::Order { .. } => "KPI_ENTRY_ORDER",
            KpiError::Fact => "KPI_FACT_UNREADABLE",
            KpiError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for crate::denial::DenialError {
    fn code(&self) -> &'static str {
        use crate::denial::DenialError;
        match self {
            DenialError::NoPayerClaimNumber => "DENIAL_NO_PAYER_CLAIM_NUMBER",
            DenialError::Changes { .. } => "DENIAL_CHANGES",
            DenialError::Decode(_) => "DENIAL_CLAIM_DECODE",
            DenialError::Invalid { .. } => "DENIAL_CLAIM_INVALID",
            DenialError::Money(inner) => inner.code(),
            DenialError::Letter { .. } => "DENIAL_LETTER",
        }
    }
}

impl ErrorCode for crate::followup::FollowUpError {
    fn code(&self) -> &'static str {
        use crate::followup::FollowUpError;
        match self {
            FollowUpError::Missing { .. } => "FOLLOWUP_MISSING",
            FollowUpError::Ledger(inner) => inner.code(),
            FollowUpError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for crate::statement::StatementError {
    fn code(&self) -> &'static str {
        use crate::statement::StatementError;
        match self {
            StatementError::Missing { .. } => "STATEMENT_MISSING",
            StatementError::UnknownPatient => "STATEMENT_UNKNOWN_PATIENT",
            StatementError::UnknownClaim { .. } => "STATEMENT_UNKNOWN_CLAIM",
            StatementError::ClaimNotCharged { .. } => "STATEMENT_CLAIM_NOT_CHARGED",
            StatementError::NotPositive { .. } => "STATEMENT_NOT_POSITIVE",
            StatementError::SubCent { .. } => "STATEMENT_SUB_CENT",
            StatementError::NothingOwed => "STATEMENT_NOTHING_OWED",
            StatementError::TooManyInstallments { .. } => "PLAN_TOO_MANY_INSTALLMENTS",
            StatementError::BadDate { .. } => "STATEMENT_DATE",
            StatementError::Policy { .. } => "STATEMENT_POLICY",
            StatementError::Ledger(inner) => inner.code(),
            StatementError::Money(inner) => inner.code(),
        }
    }
}

impl ErrorCode for crate::fhir::FhirError {
    fn code(&self) -> &'static str {
        use crate::fhir::FhirError;
        match self {
            FhirError::Syntax { .. } => "FHIR_SYNTAX",
            FhirError::Shape { .. } => "FHIR_SHAPE",
            FhirError::Missing { .. } => "FHIR_MISSING",
            FhirError::Unsupported { .. } => "FHIR_UNSUPPORTED",
            FhirError::Claim(_) => "FHIR_CLAIM_INVALID",
            FhirError::LineMismatch { .. } => "FHIR_LINE_MISMATCH",
            FhirError::Empty { .. } => "FHIR_EMPTY",
            FhirError::Money(inner) => inner.code(),
            FhirError::Encode => "FHIR_ENCODE",
        }
    }
}

/// A core error as data, for results that report several outcomes at once (a batch): the
/// stable [`ErrorCode::code`] and the error's message, which holds no patient data.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Refusal {
    /// The stable error code, e.g. `PRICING_CLAIM_INVALID`.
    pub code: String,
    /// What went wrong, as the error says it.
    pub message: String,
}

impl Refusal {
    /// The refusal a core error makes.
    pub fn of<E: ErrorCode + std::fmt::Display>(error: &E) -> Refusal {
        Refusal {
            code: error.code().to_owned(),
            message: error.to_string(),
        }
    }
}
