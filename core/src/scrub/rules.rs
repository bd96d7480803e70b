//! The scrubber's rules: stable ids, default severities, what each checks.

use crate::finding::Severity;

/// One scrub rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrubRule {
    /// Stable id, `SCRUB-…`.
    pub id: &'static str,
    /// Severity unless a payer pack changes it.
    pub severity: Severity,
    /// What it checks, in a line.
    pub checks: &'static str,
}

const fn rule(id: &'static str, severity: Severity, checks: &'static str) -> ScrubRule {
    ScrubRule {
        id,
        severity,
        checks,
    }
}

use Severity::{Error, Warning};

/// ICD-10-CM code not in the table of the date's fiscal year.
pub const ICD_UNKNOWN: &str = "SCRUB-ICD-UNKNOWN";
/// ICD-10-CM category or subcategory header, not billable.
pub const ICD_NOT_BILLABLE: &str = "SCRUB-ICD-NOT-BILLABLE";
/// No ICD-10-CM table for the date's fiscal year.
pub const ICD_YEAR: &str = "SCRUB-ICD-YEAR";
/// Manifestation code first-listed.
pub const ICD_MANIFESTATION_FIRST: &str = "SCRUB-ICD-MANIFESTATION-FIRST";
/// Code-first code first-listed.
pub const ICD_CODE_FIRST: &str = "SCRUB-ICD-CODE-FIRST";
/// Excludes1 pair on one claim.
pub const ICD_EXCLUDES1: &str = "SCRUB-ICD-EXCLUDES1";
/// Maternal code for a patient who is not female.
pub const ICD_MATERNAL_SEX: &str = "SCRUB-ICD-MATERNAL-SEX";
/// Newborn (perinatal) code for a patient a year old or more.
pub const ICD_NEWBORN_AGE: &str = "SCRUB-ICD-NEWBORN-AGE";
/// HCPCS/CPT code not valid on the date of service.
pub const PROCEDURE_INVALID: &str = "SCRUB-PROCEDURE-INVALID";
/// HCPCS Level II modifier not valid on the date of service.
pub const MODIFIER_INVALID: &str = "SCRUB-MODIFIER-INVALID";
/// HCPCS coverage code: not payable by Medicare.
pub const HCPCS_NOT_COVERED: &str = "SCRUB-HCPCS-NOT-COVERED";
/// PFS status not payable (Medicare claims).
pub const PFS_STATUS: &str = "SCRUB-PFS-STATUS";
/// 26/TC against the PC/TC indicator.
pub const MOD_PCTC: &str = "SCRUB-MOD-PCTC";
/// 50 against the bilateral indicator.
pub const MOD_BILATERAL: &str = "SCRUB-MOD-BILATERAL";
/// 80/81/82/AS against the assistant-at-surgery indicator.
pub const MOD_ASSISTANT: &str = "SCRUB-MOD-ASSISTANT";
/// 62 against the co-surgeons indicator.
pub const MOD_CO_SURGEON: &str = "SCRUB-MOD-CO-SURGEON";
/// 66 against the team-surgery indicator.
pub const MOD_TEAM: &str = "SCRUB-MOD-TEAM";
/// GA and GZ together, or GZ (expected denial).
pub const MOD_GA_GZ: &str = "SCRUB-MOD-GA-GZ";
/// E/M in the global period of a surgery without 24/25/57.
pub const GLOBAL_EM: &str = "SCRUB-GLOBAL-EM";
/// Procedure in the global period of a surgery without 58/78/79.
pub const GLOBAL_PROCEDURE: &str = "SCRUB-GLOBAL-PROCEDURE";
/// NCCI PTP pair, no modifier allowed.
pub const NCCI_PTP: &str = "SCRUB-NCCI-PTP";
/// NCCI PTP pair, modifier allowed but none given.
pub const NCCI_PTP_MODIFIER: &str = "SCRUB-NCCI-PTP-MODIFIER";
/// MUE exceeded on a line (MAI 1).
pub const MUE_LINE: &str = "SCRUB-MUE-LINE";
/// MUE exceeded on a date of service (MAI 2 and 3).
pub const MUE_DATE: &str = "SCRUB-MUE-DATE";
/// Add-on code without its primary.
pub const ADD_ON_PRIMARY: &str = "SCRUB-ADDON-PRIMARY";
/// Two lines the same.
pub const DUPLICATE_LINE: &str = "SCRUB-DUPLICATE-LINE";
/// A line billed before (history).
pub const DUPLICATE_HISTORY: &str = "SCRUB-DUPLICATE-HISTORY";
/// The whole claim billed before (history).
pub const DUPLICATE_CLAIM: &str = "SCRUB-DUPLICATE-CLAIM";
/// Past the payer's filing limit.
pub const TIMELY_FILING: &str = "SCRUB-TIMELY-FILING";
/// Close to the payer's filing limit.
pub const TIMELY_FILING_SOON: &str = "SCRUB-TIMELY-FILING-SOON";
/// Drug code without its NDC.
pub const NDC_REQUIRED: &str = "SCRUB-NDC-REQUIRED";
/// Anesthesia reported in units instead of minutes.
pub const ANESTHESIA_MINUTES: &str = "SCRUB-ANESTHESIA-MINUTES";
/// Secondary claim whose other payer's amounts do not balance.
pub const COB_BALANCE: &str = "SCRUB-COB-BALANCE";
/// Place of service not valid on the date.
pub const POS_INVALID: &str = "SCRUB-POS-INVALID";
/// Taxonomy not in the NUCC list.
pub const TAXONOMY_UNKNOWN: &str = "SCRUB-TAXONOMY-UNKNOWN";
/// Payer: code requires a modifier.
pub const PAYER_MODIFIER: &str = "SCRUB-PAYER-MODIFIER";
/// Payer: code requires an NDC.
pub const PAYER_NDC: &str = "SCRUB-PAYER-NDC";
/// Payer: code requires prior authorization.
pub const PAYER_PRIOR_AUTH: &str = "SCRUB-PAYER-PRIOR-AUTH";

/// Every rule, in the order the scrubber runs them. The structural rules of
/// [`crate::Claim::validate`] run first and keep their own ids (`CLM-…`, `LINE-…`: diagnosis
/// pointers `LINE-POINTER-*`, frequency 7/8 and the payer claim number
/// `CLM-FREQ-ORIGINAL-REF`, CLIA for lab lines `CLM-CLIA-REQUIRED`…).
pub const RULES: &[ScrubRule] = &[
    rule(
        ICD_UNKNOWN,
        Error,
        "each diagnosis is in the ICD-10-CM table of the service date's fiscal year",
    ),
    rule(
        ICD_NOT_BILLABLE,
        Error,
        "each diagnosis is billable (no more specific code under it)",
    ),
    rule(
        ICD_YEAR,
        Warning,
        "an ICD-10-CM table for the service date's fiscal year is loaded",
    ),
    rule(
        ICD_MANIFESTATION_FIRST,
        Error,
        "a manifestation code (in diseases classified elsewhere) is never first-listed",
    ),
    rule(
        ICD_CODE_FIRST,
        Warning,
        "a code with a code-first note follows its underlying condition",
    ),
    rule(
        ICD_EXCLUDES1,
        Error,
        "no two diagnoses form an Excludes1 pair",
    ),
    rule(
        ICD_MATERNAL_SEX,
        Error,
        "chapter 15 (maternal records) codes are for female patients",
    ),
    rule(
        ICD_NEWBORN_AGE,
        Warning,
        "chapter 16 (newborn records) codes are for patients under a year old",
    ),
    rule(
        PROCEDURE_INVALID,
        Error,
        "each HCPCS/CPT code is valid on its date of service",
    ),
    rule(
        MODIFIER_INVALID,
        Error,
        "each HCPCS Level II modifier is valid on its date of service",
    ),
    rule(
        HCPCS_NOT_COVERED,
        Warning,
        "HCPCS coverage code I, M or S: not payable by Medicare (Medicare claims)",
    ),
    rule(
        PFS_STATUS,
        Warning,
        "PFS status is payable (A, R, T) on Medicare claims",
    ),
    rule(
        MOD_PCTC,
        Error,
        "26 and TC only where the PC/TC indicator splits the service",
    ),
    rule(
        MOD_BILATERAL,
        Error,
        "50 only where the bilateral indicator is 1",
    ),
    rule(
        MOD_ASSISTANT,
        Error,
        "80, 81, 82, AS only where the assistant indicator allows",
    ),
    rule(
        MOD_CO_SURGEON,
        Error,
        "62 only where the co-surgeons indicator allows",
    ),
    rule(
        MOD_TEAM,
        Error,
        "66 only where the team-surgery indicator allows",
    ),
    rule(
        MOD_GA_GZ,
        Error,
        "GA and GZ are not on one line; GZ says a denial is expected",
    ),
    rule(
        GLOBAL_EM,
        Error,
        "an E/M in a surgery's global period carries 24, 25 or 57",
    ),
    rule(
        GLOBAL_PROCEDURE,
        Warning,
        "a procedure in a surgery's global period carries 58, 78 or 79",
    ),
    rule(
        NCCI_PTP,
        Error,
        "no NCCI PTP pair with modifier indicator 0 on one date",
    ),
    rule(
        NCCI_PTP_MODIFIER,
        Error,
        "an NCCI PTP pair with modifier indicator 1 carries a bypass modifier",
    ),
    rule(MUE_LINE, Error, "units on a line within the MUE (MAI 1)"),
    rule(
        MUE_DATE,
        Error,
        "units of a code on a date within the MUE (MAI 2 and 3)",
    ),
    rule(
        ADD_ON_PRIMARY,
        Error,
        "an add-on code comes with its primary code on the date",
    ),
    rule(
        DUPLICATE_LINE,
        Warning,
        "no two lines with the same code, modifiers and date",
    ),
    rule(
        DUPLICATE_HISTORY,
        Error,
        "no line billed before (claim history)",
    ),
    rule(
        DUPLICATE_CLAIM,
        Error,
        "an original claim is not billed twice (claim history)",
    ),
    rule(
        TIMELY_FILING,
        Error,
        "the claim is within the payer's filing limit",
    ),
    rule(
        TIMELY_FILING_SOON,
        Warning,
        "the filing limit is more than 14 days away",
    ),
    rule(
        NDC_REQUIRED,
        Warning,
        "drug codes (J codes, HCPCS pricing 51) carry the NDC",
    ),
    rule(
        ANESTHESIA_MINUTES,
        Error,
        "anesthesia codes are reported in minutes",
    ),
    rule(
        COB_BALANCE,
        Error,
        "on a secondary claim, each other payer's paid amount and adjustments balance to the charges",
    ),
    rule(
        POS_INVALID,
        Error,
        "the place of service exists on the date",
    ),
    rule(
        TAXONOMY_UNKNOWN,
        Error,
        "provider taxonomy codes are in the NUCC list",
    ),
    rule(
        PAYER_MODIFIER,
        Error,
        "payer rule: the code requires a modifier",
    ),
    rule(PAYER_NDC, Error, "payer rule: the code requires an NDC"),
    rule(
        PAYER_PRIOR_AUTH,
        Error,
        "payer rule: the code requires prior authorization",
    ),
];

/// The default severity of a rule.
pub fn default_severity(id: &str) -> Severity {
    RULES
        .iter()
        .find(|r| r.id == id)
        .map_or(Severity::Error, |r| r.severity)
}
