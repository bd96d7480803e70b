//! The CARC and RARC catalog: one row per published code, with the dates it was valid and the
//! team's short words for it.
//!
//! Code numbers and dates are facts of the published lists; the words are ours (never the
//! published descriptions), and so are the category, the appeal advice and the next action.
//!
//! Lists and sources (copies of the X12 pages kept in public repositories; x12.org itself was
//! not reachable):
//! - CARC list as of the 2025-11-01 release (latest code: 308, starting 2025-11-01): 407
//!   codes, 297 current and 110 retired. Current codes and their start dates:
//!   masslight/ottehr `scripts/data/x12/carc-list.txt` (a paste of
//!   x12.org/codes/claim-adjustment-reason-codes). Retired codes with their start and stop
//!   dates: ashuang/pymltc `medltc/claim_adjustment_reason_codes.py` (the WPC list downloaded
//!   2016-03-07; the 2011 copy in the same file's history agrees on the older stop dates).
//!   Cross-checks: pablo-health/pablo `backend/app/claims/codes/carc.py` (X12 list version
//!   2025-11-01: the same 407 codes, the same 110 deactivated) and bsparkma/retell-ai-dashboard
//!   `backend/services/rcm/x12Codes.generated.js` (407 CARCs with their status). CARC 15's stop
//!   date (2018-05-01): andrewallenbruce/northstar `articles/adjustment-codes.html`.
//! - RARC list as published with the codes starting 2026-07-01 (latest: N940): 1216 codes,
//!   1137 current and 79 retired. Current codes and start dates: masslight/ottehr
//!   `scripts/data/x12/rarc-list.txt`. Retired codes with start and stop dates: ashuang/pymltc
//!   `medltc/remittance_advice_remark_codes.py` (WPC list downloaded 2016-03-07). Cross-check:
//!   bsparkma/retell-ai-dashboard `x12Codes.generated.js` (1216 RARCs: the same current and
//!   deactivated codes).
//! - Not found in any source, so inferred (verify against x12.org when it is reachable): the
//!   stop dates of CARC 138, 165 and 168 (2018-05-01: retired together with 15 after their
//!   replacements 285-289 started on 2017-11-01), and RARC N793's start (2017-07-01, the start
//!   of its neighbours N789-N794) and stop (2020-07-01, a guess: the alert concerned the
//!   2020-01-01 switch to the MBI).
//!
//! A stop date is the last day a payer may use the code in an original adjudication; a retired
//! code still appears in reversals and on secondary claims, so retired rows stay in the tables.
//!
//! Order (what the binary search relies on): CARCs with numbers only come first, by value
//! (`1` < `2` < `10` < `308`), then the letter-led codes by letter and then by number (`A0` <
//! `A8` < `B1` < `B23` < `D1` < `P32` < `W1` < `Y3`). RARCs: `M` codes by number, then `MA`
//! codes by number, then `N` codes by number. A test checks that both tables are strictly
//! ordered this way.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{Carc, GroupCode, Rarc};

/// What kind of problem an adjustment reason names, for work queues and the denial Pareto.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum DenialCategory {
    /// Coverage: the patient was not covered, or not by this payer, on the date of service.
    Eligibility,
    /// A referral, prior authorization or precertification was missing or did not match.
    Authorization,
    /// Codes, modifiers, units or places of service inconsistent or invalid.
    Coding,
    /// Included in another service paid (NCCI, global period, bundling).
    Bundling,
    /// Not medically necessary, or not covered for the diagnosis.
    MedicalNecessity,
    /// Filed after the payer's limit.
    TimelyFiling,
    /// The same claim or service was already submitted or paid.
    Duplicate,
    /// Another payer is primary, or its payment was not reported.
    CoordinationOfBenefits,
    /// The patient's share: deductible, coinsurance, copay, non-covered by the patient's plan.
    PatientResponsibility,
    /// What the contract or the fee schedule allows: a write-off, not a denial.
    Contractual,
    /// Anything else (missing information, payer processing, interest, …).
    Other,
}

/// Whether arguing with the payer makes sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Appeal {
    /// An appeal (redetermination, reconsideration) with the facts or records can overturn it.
    Worth,
    /// Correct the claim and send it again (frequency 7) rather than appeal.
    Correct,
    /// Not appealable, or nothing to argue (a contractual write-off, the patient's share).
    No,
}

/// What the biller does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum NextAction {
    /// Check the patient's coverage (270/271) and bill the right payer, or the patient.
    CheckEligibility,
    /// Obtain the authorization or referral (retroactively if the payer allows) and appeal.
    GetAuthorization,
    /// Fix codes, modifiers, units or other claim data and send a corrected claim.
    CorrectAndResubmit,
    /// Appeal with the medical records or other documentation.
    AppealWithRecords,
    /// Bill the other payer first, or send its remittance with the claim.
    BillOtherPayer,
    /// Send the information or attachment the payer asked for.
    SendInformation,
    /// Bill the patient for the share.
    BillPatient,
    /// Nothing to do but write the amount off.
    WriteOff,
    /// Find the original claim and its status; do not send the claim again.
    CheckOriginal,
    /// Read the remark codes and the payer's policy, then decide.
    Review,
}

/// A day written as `yyyymmdd`, so the table can be a constant.
type Ymd = u32;

fn day(ymd: Ymd) -> Option<NaiveDate> {
    let year = i32::try_from(ymd / 10_000).ok()?;
    NaiveDate::from_ymd_opt(year, (ymd / 100) % 100, ymd % 100)
}

/// One Claim Adjustment Reason Code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarcInfo {
    code: &'static str,
    start: Ymd,
    stop: Option<Ymd>,
    /// The problem it names.
    pub category: DenialCategory,
    /// Whether an appeal makes sense.
    pub appeal: Appeal,
    /// What to do next.
    pub action: NextAction,
    /// The team's short words for it.
    pub words: &'static str,
}

impl CarcInfo {
    /// The code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The first day the code could be used.
    pub fn start(&self) -> Option<NaiveDate> {
        day(self.start)
    }

    /// The last day it could be used in an original adjudication, when it was retired.
    pub fn stop(&self) -> Option<NaiveDate> {
        self.stop.and_then(day)
    }

    /// Whether a payer could use it in an original adjudication on this date.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.start().is_some_and(|start| start <= date)
            && self.stop().is_none_or(|stop| date <= stop)
    }
}

/// One Remittance Advice Remark Code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RarcInfo {
    code: &'static str,
    start: Ymd,
    stop: Option<Ymd>,
    /// The problem it names, when it names one.
    pub category: Option<DenialCategory>,
    /// The team's short words for it.
    pub words: &'static str,
}

impl RarcInfo {
    /// The code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The first day the code could be used.
    pub fn start(&self) -> Option<NaiveDate> {
        day(self.start)
    }

    /// The last day it could be used, when it was retired.
    pub fn stop(&self) -> Option<NaiveDate> {
        self.stop.and_then(day)
    }

    /// Whether a payer could use it on this date.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.start().is_some_and(|start| start <= date)
            && self.stop().is_none_or(|stop| date <= stop)
    }
}

/// What an adjustment (group code and CARC) means for the biller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Classification {
    /// The problem.
    pub category: DenialCategory,
    /// Whether it is a denial to work (not the patient's share, not a contractual write-off).
    pub denial: bool,
    /// Whether an appeal makes sense.
    pub appeal: Appeal,
    /// What to do next.
    pub action: NextAction,
    /// The team's words for the CARC, when the catalog knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

const fn c(
    code: &'static str,
    start: Ymd,
    stop: Option<Ymd>,
    category: DenialCategory,
    appeal: Appeal,
    action: NextAction,
    words: &'static str,
) -> CarcInfo {
    CarcInfo {
        code,
        start,
        stop,
        category,
        appeal,
        action,
        words,
    }
}

const fn r(
    code: &'static str,
    start: Ymd,
    stop: Option<Ymd>,
    category: Option<DenialCategory>,
    words: &'static str,
) -> RarcInfo {
    RarcInfo {
        code,
        start,
        stop,
        category,
        words,
    }
}

use Appeal as A;
use DenialCategory as D;
use NextAction as N;

/// Every CARC, in the published order (see the module comment).
#[rustfmt::skip] // one row per line, so the table reads like the list
static CARCS: &[CarcInfo] = &[
    c("1", 19950101, None, D::PatientResponsibility, A::No, N::BillPatient, "Applied to the patient's deductible"),
    c("2", 19950101, None, D::PatientResponsibility, A::No, N::BillPatient, "Patient's coinsurance share"),
    c("3", 19950101, None, D::PatientResponsibility, A::No, N::BillPatient, "Patient's copay for the visit"),
    c("4", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Modifier missing or does not fit the procedure"),
    c("5", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure or bill type does not fit the place of service"),
    c("6", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure or revenue code does not fit the patient's age"),
    c("7", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure or revenue code does not fit the patient's sex"),
    c("8", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure does not fit the provider's type or specialty (taxonomy)"),
    c("9", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis does not fit the patient's age"),
    c("10", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis does not fit the patient's sex"),
    c("11", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis and procedure codes do not go together"),
    c("12", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis does not fit the provider's type"),
    c("13", 19950101, None, D::Other, A::Correct, N::CorrectAndResubmit, "Service date falls after the patient's recorded death"),
    c("14", 19950101, None, D::Other, A::Correct, N::CorrectAndResubmit, "Service date falls before the patient's birth"),
    c("15", 19950101, Some(20180501), D::Authorization, A::Worth, N::GetAuthorization, "Authorization number missing, wrong, or not for this service or provider"),
    c("16", 19950101, None, D::Other, A::Correct, N::SendInformation, "Claim lacks information or has billing errors; see the remark codes"),
    c("17", 19950101, Some(20090701), D::Other, A::Correct, N::SendInformation, "Information the payer asked for was not sent or was incomplete"),
    c("18", 19950101, None, D::Duplicate, A::No, N::CheckOriginal, "Exact duplicate of a claim or service already received"),
    c("19", 19950101, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Work-related injury: bill the workers' compensation carrier"),
    c("20", 19950101, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Injury is the liability carrier's to pay"),
    c("21", 19950101, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Injury is the no-fault carrier's to pay"),
    c("22", 19950101, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Another payer may be primary"),
    // 23 is the prior payer's share, reported on a secondary remit: nothing to work, so it is
    // Contractual (a write-off here, not a denial) rather than CoordinationOfBenefits.
    c("23", 19950101, None, D::Contractual, A::No, N::WriteOff, "Part already settled by the prior payer's payment or adjustments"),
    c("24", 19950101, None, D::Contractual, A::No, N::WriteOff, "Covered by a capitation or managed care arrangement"),
    c("25", 19950101, Some(20080401), D::Contractual, A::No, N::WriteOff, "Contract stop-loss threshold not yet reached"),
    c("26", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Service was before the patient's coverage began"),
    c("27", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Coverage had ended on the date of service"),
    c("28", 19950101, Some(20031016), D::Eligibility, A::No, N::CheckEligibility, "No coverage in force on the date of service"),
    c("29", 19950101, None, D::TimelyFiling, A::No, N::WriteOff, "Filed after the payer's time limit"),
    c("30", 19950101, Some(20060201), D::Eligibility, A::No, N::CheckEligibility, "Patient not yet eligible: waiting, spend-down or residency rules"),
    c("31", 19950101, None, D::Eligibility, A::Correct, N::CheckEligibility, "Payer cannot find the patient as a member"),
    c("32", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Patient is not an eligible dependent on the policy"),
    c("33", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Subscriber's plan has no dependent coverage"),
    c("34", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Subscriber's plan does not cover newborns"),
    c("35", 19950101, None, D::PatientResponsibility, A::No, N::Review, "Patient has used up the plan's lifetime benefit"),
    c("36", 19950101, Some(20031016), D::PatientResponsibility, A::No, N::BillPatient, "Balance is within the copay; nothing payable"),
    c("37", 19950101, Some(20031016), D::PatientResponsibility, A::No, N::BillPatient, "Balance is within the deductible; nothing payable"),
    c("38", 19950101, Some(20130101), D::Authorization, A::Worth, N::GetAuthorization, "Not given or approved by the designated network or PCP"),
    c("39", 19950101, None, D::Authorization, A::Worth, N::AppealWithRecords, "Authorization was requested and refused"),
    c("40", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Does not qualify as emergency or urgent care"),
    c("41", 19950101, Some(20031016), D::Contractual, A::No, N::WriteOff, "Preferred provider contract discount"),
    c("42", 19950101, Some(20070601), D::Contractual, A::No, N::WriteOff, "Above the payer's fee schedule or maximum allowed"),
    c("43", 19950101, Some(20060701), D::Contractual, A::No, N::WriteOff, "Gramm-Rudman federal budget reduction"),
    c("44", 19950101, None, D::Contractual, A::No, N::WriteOff, "Discount for paying promptly"),
    c("45", 19950101, None, D::Contractual, A::No, N::WriteOff, "Charge above the contracted or fee-schedule amount"),
    c("46", 19950101, Some(20031016), D::PatientResponsibility, A::No, N::Review, "Service not covered by the plan"),
    c("47", 19950101, Some(20060201), D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis not covered, missing or invalid"),
    c("48", 19950101, Some(20031016), D::PatientResponsibility, A::No, N::Review, "Procedure not covered by the plan"),
    c("49", 19950101, None, D::PatientResponsibility, A::No, N::Review, "Routine or preventive exam, or a screening done with it, not covered"),
    c("50", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Payer does not find the service medically necessary"),
    c("51", 19950101, None, D::PatientResponsibility, A::Worth, N::AppealWithRecords, "Not covered: treated as a pre-existing condition"),
    c("52", 19950101, Some(20060201), D::Other, A::Correct, N::Review, "Referring, prescribing or rendering provider may not provide this"),
    c("53", 19950101, None, D::PatientResponsibility, A::No, N::Review, "Care from a relative or household member is not covered"),
    c("54", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Payer will not pay for more than one surgeon or an assistant here"),
    c("55", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Treatment considered experimental or investigational"),
    c("56", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Payer does not consider the treatment proven effective"),
    c("57", 19950101, Some(20070630), D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Records do not support the level, units, length or dosage billed"),
    c("58", 19950101, None, D::MedicalNecessity, A::Worth, N::Review, "Payer finds the place of service wrong for this treatment"),
    c("59", 19950101, None, D::Contractual, A::No, N::WriteOff, "Reduced under multiple-procedure or concurrent-anesthesia rules"),
    c("60", 19950101, None, D::Bundling, A::No, N::Review, "Outpatient service close to an inpatient stay: not paid separately"),
    c("61", 19950101, None, D::Authorization, A::No, N::WriteOff, "Reduced: a required second surgical opinion was not obtained"),
    c("62", 19950101, Some(20070401), D::Authorization, A::Worth, N::GetAuthorization, "Authorization missing, or service went beyond it"),
    c("63", 19950101, Some(20031016), D::Other, A::No, N::Review, "Correction of an earlier claim"),
    c("64", 19950101, Some(20031016), D::Other, A::No, N::Review, "Denial overturned on medical review"),
    c("65", 19950101, Some(20031016), D::Coding, A::No, N::Review, "Paid under the corrected procedure code"),
    c("66", 19950101, None, D::PatientResponsibility, A::No, N::BillPatient, "Patient's blood deductible (pints not replaced)"),
    c("67", 19950101, Some(20031016), D::Other, A::No, N::Review, "Inpatient lifetime reserve days used"),
    c("68", 19950101, Some(20031016), D::Other, A::No, N::Review, "DRG relative weight adjustment"),
    c("69", 19950101, None, D::Contractual, A::No, N::WriteOff, "Inpatient day-outlier payment part"),
    c("70", 19950101, None, D::Contractual, A::No, N::WriteOff, "Extra payment for a high-cost (cost outlier) stay"),
    c("71", 19950101, Some(20000630), D::Contractual, A::No, N::WriteOff, "Part the primary payer already paid"),
    c("72", 19950101, Some(20031016), D::Other, A::No, N::Review, "Inpatient coinsurance-day count"),
    c("73", 19950101, Some(20031016), D::Other, A::No, N::Review, "Administrative (non-acute) inpatient days"),
    c("74", 19950101, None, D::Contractual, A::No, N::WriteOff, "Teaching hospital indirect education (IME) part"),
    c("75", 19950101, None, D::Contractual, A::No, N::WriteOff, "Graduate medical education direct part"),
    c("76", 19950101, None, D::Contractual, A::No, N::WriteOff, "Hospital disproportionate share (DSH) part"),
    c("77", 19950101, Some(20031016), D::Other, A::No, N::Review, "Count of covered inpatient days"),
    c("78", 19950101, None, D::Other, A::No, N::Review, "Non-covered days or room-rate difference"),
    c("79", 19950101, Some(20031016), D::Other, A::No, N::Review, "Days counted for the cost report"),
    c("80", 19950101, Some(20031016), D::Other, A::No, N::Review, "Count of outlier days"),
    c("81", 19950101, Some(20031016), D::Other, A::No, N::Review, "Count of discharges"),
    c("82", 19950101, Some(20031016), D::Other, A::No, N::Review, "Periodic interim payment (PIP) days"),
    c("83", 19950101, Some(20031016), D::Other, A::No, N::Review, "Count of visits"),
    c("84", 19950101, Some(20031016), D::Contractual, A::No, N::WriteOff, "Adjustment to the capital payment part"),
    c("85", 19950101, None, D::PatientResponsibility, A::No, N::BillPatient, "Interest the patient owes"),
    c("86", 19950101, Some(20031016), D::Contractual, A::No, N::WriteOff, "Reduction required by statute"),
    c("87", 19950101, Some(20120101), D::Contractual, A::No, N::WriteOff, "Transfer payment adjustment"),
    c("88", 19950101, Some(20070630), D::Other, A::No, N::Review, "Recovery of an earlier overpayment"),
    c("89", 19950101, None, D::Other, A::No, N::Review, "Professional fees taken out of the facility charge"),
    c("90", 19950101, None, D::Contractual, A::No, N::WriteOff, "Drug ingredient cost repriced"),
    c("91", 19950101, None, D::Contractual, A::No, N::WriteOff, "Pharmacy dispensing fee repriced"),
    c("92", 19950101, Some(20031016), D::Other, A::No, N::Review, "Claim paid as billed"),
    c("93", 19950101, Some(20031016), D::Other, A::No, N::Review, "No adjustments at claim level"),
    // 94: the payer paid more than the charge (e.g. a DRG above charges): nothing to argue.
    c("94", 19950101, None, D::Contractual, A::No, N::WriteOff, "Paid more than was charged"),
    c("95", 19950101, None, D::Other, A::Worth, N::Review, "Plan's procedures were not followed"),
    c("96", 19950101, None, D::PatientResponsibility, A::No, N::Review, "Charges the plan does not cover; see the remark codes"),
    c("97", 19950101, None, D::Bundling, A::Worth, N::Review, "Paid as part of another service or procedure"),
    c("98", 19950101, Some(20031016), D::Other, A::No, N::BillOtherPayer, "The hospital must bill Medicare for this inpatient non-physician service"),
    c("99", 19950101, Some(20031016), D::Contractual, A::No, N::WriteOff, "Adjustment as Medicare secondary payer"),
    c("100", 19950101, None, D::Other, A::No, N::BillPatient, "Payment went to the patient or insured; collect from them"),
    c("101", 19950101, None, D::Other, A::No, N::Review, "Predetermination: expected payment once the service is done"),
    c("102", 19950101, None, D::Other, A::No, N::Review, "Adjustment under major medical coverage"),
    c("103", 19950101, None, D::Contractual, A::No, N::WriteOff, "Provider's own promotional discount (e.g. for seniors)"),
    c("104", 19950101, None, D::Contractual, A::No, N::WriteOff, "Amount held back by the managed care plan"),
    c("105", 19950101, None, D::Other, A::No, N::WriteOff, "Tax withheld from the payment"),
    c("106", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Patient's payment option or election was not in effect"),
    c("107", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Related or qualifying service is not on this claim"),
    c("108", 19950101, None, D::Other, A::Worth, N::Review, "Equipment rental or purchase rules not met"),
    c("109", 19950101, None, D::Eligibility, A::Correct, N::BillOtherPayer, "Not this payer's claim: send it to the right payer"),
    c("110", 19950101, None, D::Other, A::Correct, N::CorrectAndResubmit, "Billing date is earlier than the service date"),
    c("111", 19950101, None, D::Other, A::No, N::Review, "Covered only when the provider accepts assignment"),
    c("112", 19950101, None, D::Other, A::Worth, N::AppealWithRecords, "Service not given directly to the patient, or not documented"),
    c("113", 19950101, Some(20070630), D::PatientResponsibility, A::No, N::Review, "Service given outside the US or because of war"),
    c("114", 19950101, None, D::MedicalNecessity, A::No, N::Review, "Procedure or product lacks FDA approval"),
    c("115", 19950101, None, D::Other, A::No, N::Review, "Procedure postponed, cancelled or delayed"),
    c("116", 19950101, None, D::MedicalNecessity, A::No, N::WriteOff, "Patient's advance notice (ABN) did not meet the rules"),
    c("117", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Transport covered only to the nearest suitable facility"),
    c("118", 19950101, None, D::Contractual, A::No, N::WriteOff, "ESRD network support deduction"),
    c("119", 19950101, None, D::PatientResponsibility, A::No, N::Review, "Benefit limit for the period or occurrence reached"),
    c("120", 19950101, Some(20070630), D::Eligibility, A::No, N::CheckEligibility, "Patient belongs to a managed care plan"),
    c("121", 19950101, None, D::Other, A::No, N::Review, "Indemnification for an outstanding member balance"),
    c("122", 19950101, None, D::Contractual, A::No, N::WriteOff, "Reduction for psychiatric services"),
    c("123", 19950101, Some(20070630), D::Other, A::No, N::Review, "Payer refund of an overpayment"),
    c("124", 19950101, Some(20070630), D::Other, A::No, N::Review, "Payer refund: not the payer's patient"),
    c("125", 19950101, Some(20131101), D::Other, A::Correct, N::CorrectAndResubmit, "Submission or billing errors; see the remarks"),
    c("126", 19970228, Some(20080401), D::PatientResponsibility, A::No, N::BillPatient, "Major medical deductible"),
    c("127", 19970228, Some(20080401), D::PatientResponsibility, A::No, N::BillPatient, "Major medical coinsurance"),
    c("128", 19970228, None, D::Bundling, A::No, N::Review, "Newborn's care is included in the mother's allowance"),
    c("129", 19970228, None, D::CoordinationOfBenefits, A::Correct, N::CorrectAndResubmit, "Prior payer processing information looks wrong; see remarks"),
    c("130", 19970228, None, D::Contractual, A::No, N::WriteOff, "Fee charged for submitting the claim"),
    c("131", 19970228, None, D::Contractual, A::No, N::WriteOff, "Discount negotiated for this claim"),
    c("132", 19970228, None, D::Contractual, A::No, N::WriteOff, "Prearranged demonstration project adjustment"),
    c("133", 20140701, None, D::Other, A::No, N::CheckOriginal, "Line still under review; a reversal and correction will follow"),
    c("134", 19981031, None, D::Other, A::No, N::Review, "Technical fees taken out of the charges"),
    c("135", 19981031, None, D::Other, A::Correct, N::CorrectAndResubmit, "Interim bills are not processed: send the final bill"),
    c("136", 19981031, None, D::CoordinationOfBenefits, A::No, N::Review, "The prior payer's coverage rules were not followed"),
    c("137", 19990228, None, D::Other, A::No, N::WriteOff, "Regulatory surcharge, assessment or health-related tax"),
    // Stop dates of 138, 165 and 168 are inferred (see the module comment).
    c("138", 19990630, Some(20180501), D::Other, A::No, N::Review, "Appeal did not follow the procedure or missed the deadline"),
    c("139", 19990630, None, D::Contractual, A::No, N::WriteOff, "Subscriber works for the provider: funding agreement applies"),
    c("140", 19990630, None, D::Eligibility, A::Correct, N::CheckEligibility, "Member ID and name do not match"),
    c("141", 19990630, Some(20120701), D::Eligibility, A::Correct, N::CorrectAndResubmit, "Claim spans covered and uncovered periods"),
    c("142", 20000630, None, D::PatientResponsibility, A::No, N::BillPatient, "Patient's monthly Medicaid liability (share of cost)"),
    c("143", 20010228, None, D::Other, A::No, N::Review, "Part of the payment is deferred"),
    c("144", 20010630, None, D::Contractual, A::No, N::WriteOff, "Adjusted as an incentive, e.g. for a preferred product"),
    c("145", 20020630, Some(20080401), D::Contractual, A::No, N::WriteOff, "Withheld against premium payments"),
    c("146", 20020630, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis code not valid on the service date"),
    c("147", 20020630, None, D::Other, A::Worth, N::Review, "Contracted rate expired or not on file"),
    c("148", 20020630, None, D::Other, A::Correct, N::SendInformation, "Information from another provider missing or incomplete"),
    c("149", 20021031, None, D::PatientResponsibility, A::No, N::Review, "Lifetime limit for this benefit category reached"),
    c("150", 20021031, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Records do not support the level of service billed"),
    c("151", 20021031, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Records do not support this number or frequency of services"),
    c("152", 20021031, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Records do not support this length of service"),
    c("153", 20021031, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Records do not support this dosage"),
    c("154", 20021031, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Records do not support this days' supply"),
    c("155", 20030630, None, D::Other, A::No, N::Review, "Patient declined the service"),
    c("156", 20030930, Some(20091001), D::PatientResponsibility, A::No, N::Review, "Paid from the patient's flexible spending account"),
    c("157", 20030930, None, D::PatientResponsibility, A::No, N::Review, "Service needed because of an act of war"),
    c("158", 20030930, None, D::PatientResponsibility, A::No, N::Review, "Service given outside the United States"),
    c("159", 20030930, None, D::PatientResponsibility, A::No, N::Review, "Service needed because of terrorism"),
    c("160", 20030930, None, D::PatientResponsibility, A::No, N::Review, "Injury came from an activity the plan excludes"),
    c("161", 20040229, None, D::Contractual, A::No, N::WriteOff, "Bonus for provider performance"),
    c("162", 20040229, Some(20140701), D::Other, A::No, N::Review, "State property and casualty requirement; see remarks (old code)"),
    c("163", 20040630, None, D::Other, A::Correct, N::SendInformation, "Attachment named on the claim never arrived"),
    c("164", 20040630, None, D::Other, A::Worth, N::SendInformation, "Attachment named on the claim arrived too late"),
    c("165", 20041031, Some(20180501), D::Authorization, A::Worth, N::GetAuthorization, "Referral missing, or care went beyond it"),
    c("166", 20050228, None, D::Eligibility, A::Correct, N::BillOtherPayer, "Sent after this payer stopped handling claims for the plan"),
    c("167", 20050630, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Plan does not cover this diagnosis"),
    c("168", 20050630, Some(20180501), D::CoordinationOfBenefits, A::No, N::BillOtherPayer, "Handled under the medical plan; no dental benefit"),
    c("169", 20050630, None, D::PatientResponsibility, A::No, N::Review, "Plan paid an alternate, lesser benefit"),
    c("170", 20050630, None, D::Other, A::Worth, N::Review, "Not paid when this type of provider bills it"),
    c("171", 20050630, None, D::Other, A::Worth, N::Review, "Not paid for this provider type in this kind of facility"),
    c("172", 20050630, None, D::Contractual, A::No, N::WriteOff, "Reduced when billed by this specialty"),
    c("173", 20050630, None, D::Other, A::Worth, N::SendInformation, "Service or equipment not prescribed by a physician"),
    c("174", 20050630, None, D::Other, A::Worth, N::SendInformation, "Not prescribed before it was delivered"),
    c("175", 20050630, None, D::Other, A::Correct, N::SendInformation, "Prescription lacks required details"),
    c("176", 20050630, None, D::Other, A::Correct, N::SendInformation, "Prescription has expired"),
    c("177", 20050630, None, D::Eligibility, A::No, N::CheckEligibility, "Patient did not meet the eligibility requirements"),
    // 178: spend-down is a Medicaid eligibility condition, not cost sharing; the patient owes
    // until it is met.
    c("178", 20050630, None, D::Eligibility, A::No, N::BillPatient, "Patient has not met the Medicaid spend-down"),
    c("179", 20050630, None, D::Eligibility, A::No, N::CheckEligibility, "Patient's waiting period not yet met"),
    c("180", 20050630, None, D::Eligibility, A::No, N::CheckEligibility, "Patient does not meet the residency rule"),
    c("181", 20050630, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure code not valid on the date of service"),
    c("182", 20050630, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Modifier not valid on the date of service"),
    c("183", 20050630, None, D::Other, A::Correct, N::CorrectAndResubmit, "Referring provider may not refer this service"),
    c("184", 20050630, None, D::Other, A::Correct, N::CorrectAndResubmit, "Ordering or prescribing provider may not order this"),
    c("185", 20050630, None, D::Other, A::Correct, N::Review, "Rendering provider may not perform this service"),
    c("186", 20050630, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Payer changed the level of care"),
    c("187", 20050630, None, D::PatientResponsibility, A::No, N::Review, "Paid from a consumer spending account (FSA, HSA, HRA)"),
    c("188", 20050630, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Covered only when used as the FDA recommends"),
    c("189", 20050630, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Unlisted or NOC code billed where a specific code exists"),
    c("190", 20051031, None, D::Bundling, A::No, N::Review, "Included in the skilled nursing facility stay payment"),
    c("191", 20051031, Some(20140701), D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Not a work injury, so workers' comp is not liable (old code)"),
    c("192", 20051031, None, D::CoordinationOfBenefits, A::No, N::Review, "Non-standard code from a paper remittance (secondary claims only)"),
    c("193", 20060228, None, D::Other, A::Worth, N::Review, "On review, the original decision stands"),
    c("194", 20060228, None, D::Bundling, A::No, N::WriteOff, "Anesthesia by the surgeon, assistant or attending is not paid"),
    c("195", 20060228, None, D::CoordinationOfBenefits, A::No, N::Review, "Refund sent to a payer that wrongly paid first"),
    c("196", 20060630, Some(20070201), D::CoordinationOfBenefits, A::No, N::Review, "Denied because of the prior payer's coverage decision"),
    c("197", 20061031, None, D::Authorization, A::Worth, N::GetAuthorization, "No precertification, authorization or notification obtained"),
    c("198", 20061031, None, D::Authorization, A::Worth, N::GetAuthorization, "Authorization exceeded (units, visits or days)"),
    c("199", 20061031, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Revenue code and procedure code do not match"),
    c("200", 20061031, None, D::Eligibility, A::No, N::CheckEligibility, "Service fell in a lapse in coverage"),
    c("201", 20061031, None, D::PatientResponsibility, A::No, N::BillPatient, "Patient owes this under a set-aside or other agreement"),
    c("202", 20070228, None, D::PatientResponsibility, A::No, N::BillPatient, "Personal comfort or convenience item not covered"),
    c("203", 20070228, None, D::Coding, A::No, N::Review, "Service discontinued or reduced"),
    c("204", 20070228, None, D::PatientResponsibility, A::No, N::Review, "Not covered under the patient's current plan"),
    c("205", 20070709, None, D::Contractual, A::No, N::WriteOff, "Pharmacy discount card processing fee"),
    c("206", 20070709, None, D::Other, A::Correct, N::CorrectAndResubmit, "NPI missing"),
    c("207", 20070709, None, D::Other, A::Correct, N::CorrectAndResubmit, "NPI in an invalid format"),
    c("208", 20070709, None, D::Other, A::Correct, N::CorrectAndResubmit, "NPI does not match the payer's records"),
    c("209", 20070709, None, D::CoordinationOfBenefits, A::No, N::BillOtherPayer, "Patient may not be charged; a later payer may be billed"),
    c("210", 20070709, None, D::Authorization, A::Worth, N::AppealWithRecords, "Authorization obtained too late"),
    c("211", 20070709, None, D::Other, A::Correct, N::Review, "Drug's NDC is not rebate-eligible, so not covered"),
    c("212", 20071105, None, D::Contractual, A::No, N::WriteOff, "Administrative surcharges are not covered"),
    c("213", 20080127, None, D::Other, A::No, N::WriteOff, "Self-referral law or payer policy not followed"),
    c("214", 20080127, Some(20140701), D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Workers' comp found it non-compensable (old code)"),
    c("215", 20080127, None, D::CoordinationOfBenefits, A::No, N::Review, "Reflects a third-party settlement (subrogation)"),
    c("216", 20080127, None, D::Other, A::Worth, N::AppealWithRecords, "Decided on a review organization's or the payer's findings"),
    c("217", 20080127, Some(20140701), D::Contractual, A::No, N::WriteOff, "P&C: priced at reasonable and customary fees (old code)"),
    c("218", 20080127, Some(20140701), D::Other, A::No, N::Review, "Workers' comp: depends on entitlement to benefits (old code)"),
    c("219", 20080127, None, D::Other, A::Worth, N::Review, "Workers' comp: limited by the extent of the injury"),
    c("220", 20080127, Some(20140701), D::Coding, A::Correct, N::CorrectAndResubmit, "P&C fee schedule lacks the billed code (old code)"),
    c("221", 20080127, Some(20140701), D::Other, A::No, N::CheckOriginal, "P&C: claim under investigation (old code)"),
    c("222", 20080601, None, D::Contractual, A::No, N::WriteOff, "Provider's contracted maximum hours, days or units exceeded"),
    c("223", 20080601, None, D::Other, A::No, N::Review, "Required by a law or regulation that has no specific code yet"),
    c("224", 20080601, None, D::Other, A::Correct, N::SendInformation, "Identity theft suspected: patient identity must be verified"),
    c("225", 20080601, None, D::Other, A::No, N::Review, "Penalty or interest paid by the payer (encounter reporting)"),
    c("226", 20080921, None, D::Other, A::Correct, N::SendInformation, "Provider did not send the requested information, or sent it late"),
    c("227", 20080921, None, D::Other, A::No, N::SendInformation, "Patient did not send the requested information"),
    c("228", 20080921, None, D::CoordinationOfBenefits, A::Correct, N::SendInformation, "Information a prior payer asked for was never supplied"),
    c("229", 20090125, None, D::CoordinationOfBenefits, A::No, N::Review, "Medicare did not consider part of a 12X type of bill"),
    c("230", 20090125, Some(20140701), D::Coding, A::Correct, N::CorrectAndResubmit, "P&C: no CPT or HCPCS code describes the service (old code)"),
    c("231", 20090701, None, D::Bundling, A::Correct, N::CorrectAndResubmit, "Procedures are mutually exclusive on the same day"),
    c("232", 20091101, None, D::Contractual, A::No, N::WriteOff, "DRG amount split between hospitals for a transfer"),
    c("233", 20100124, None, D::Other, A::No, N::WriteOff, "Care for a hospital-acquired condition or preventable error"),
    c("234", 20100124, None, D::Bundling, A::Worth, N::Review, "Procedure not paid separately; see remarks"),
    c("235", 20100606, None, D::Other, A::No, N::Review, "Sales tax on the item"),
    c("236", 20110130, None, D::Bundling, A::Correct, N::CorrectAndResubmit, "Procedure or modifier pair not allowed together that day (NCCI)"),
    c("237", 20110605, None, D::Other, A::No, N::WriteOff, "Penalty set by law or regulation"),
    c("238", 20120301, None, D::PatientResponsibility, A::No, N::BillPatient, "Patient's share for the uncovered part of a spanning claim"),
    c("239", 20120301, None, D::Eligibility, A::Correct, N::CorrectAndResubmit, "Claim spans covered and uncovered periods: split it"),
    c("240", 20120603, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis does not fit the patient's birth weight"),
    c("241", 20120603, None, D::PatientResponsibility, A::No, N::BillPatient, "Low-income subsidy (LIS) copay"),
    c("242", 20120603, None, D::Eligibility, A::No, N::Review, "Not given by a network or primary care provider"),
    c("243", 20120603, None, D::Authorization, A::Worth, N::GetAuthorization, "Not authorized by the network or primary care provider"),
    c("244", 20120930, Some(20140701), D::Other, A::No, N::Review, "P&C: reduced to zero pending litigation (old code)"),
    c("245", 20120930, None, D::Contractual, A::No, N::WriteOff, "Withheld under a provider performance program"),
    c("246", 20120930, None, D::Other, A::No, N::WriteOff, "Reporting-only code; never payable"),
    c("247", 20120930, None, D::PatientResponsibility, A::No, N::BillPatient, "Deductible on a professional service billed on a facility claim"),
    c("248", 20120930, None, D::PatientResponsibility, A::No, N::BillPatient, "Coinsurance on a professional service billed on a facility claim"),
    c("249", 20120930, None, D::Other, A::Worth, N::AppealWithRecords, "Claim flagged as a readmission"),
    c("250", 20120930, None, D::Other, A::Correct, N::SendInformation, "Wrong attachment received; the one needed is still missing"),
    c("251", 20120930, None, D::Other, A::Correct, N::SendInformation, "Attachment received was incomplete or deficient"),
    c("252", 20120930, None, D::Other, A::Correct, N::SendInformation, "An attachment is needed to decide the claim; see remarks"),
    c("253", 20130602, None, D::Contractual, A::No, N::WriteOff, "Sequestration: federal across-the-board payment cut"),
    c("254", 20130602, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Dental plan got a medical claim: send it to the medical plan"),
    c("255", 20130602, Some(20140701), D::Other, A::No, N::CheckOriginal, "Related P&C claim is in litigation (old code)"),
    c("256", 20130602, None, D::Contractual, A::No, N::WriteOff, "Not payable under the managed care contract"),
    c("257", 20131101, None, D::Eligibility, A::No, N::CheckOriginal, "On hold: exchange premium grace period; will be reprocessed"),
    c("258", 20131101, None, D::Eligibility, A::No, N::BillOtherPayer, "Patient in custody: not covered; the authority may pay"),
    c("259", 20140126, None, D::Contractual, A::No, N::WriteOff, "Extra payment for dental or vision use"),
    c("260", 20140126, None, D::Contractual, A::No, N::WriteOff, "Priced on the Medicaid ACA enhanced fee schedule"),
    c("261", 20140601, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Service conflicts with the patient's history"),
    c("262", 20141101, None, D::Contractual, A::No, N::WriteOff, "Pharmacy delivery cost adjustment"),
    c("263", 20141101, None, D::Contractual, A::No, N::WriteOff, "Pharmacy shipping cost adjustment"),
    c("264", 20141101, None, D::Contractual, A::No, N::WriteOff, "Pharmacy postage cost adjustment"),
    c("265", 20141101, None, D::Contractual, A::No, N::WriteOff, "Pharmacy administrative cost adjustment"),
    c("266", 20141101, None, D::Contractual, A::No, N::WriteOff, "Pharmacy compounding cost adjustment"),
    c("267", 20141101, None, D::Other, A::Correct, N::CorrectAndResubmit, "Claim or service spans several months; see remarks"),
    c("268", 20141101, None, D::Other, A::Correct, N::CorrectAndResubmit, "Claim spans two calendar years: one claim per year"),
    c("269", 20150301, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Anesthesia not covered for this procedure"),
    c("270", 20150701, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Medical plan got a dental claim: send it to the dental plan"),
    c("271", 20151101, None, D::Contractual, A::No, N::WriteOff, "Earlier contract reductions on a periodic payment schedule"),
    c("272", 20151101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Coverage or program criteria not met"),
    c("273", 20151101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Coverage or program limits exceeded"),
    c("274", 20151101, None, D::Contractual, A::No, N::WriteOff, "Not payable under the patient's care coordination arrangement"),
    c("275", 20151101, None, D::PatientResponsibility, A::No, N::BillPatient, "This payer does not pick up the prior payer's patient share"),
    c("276", 20151101, None, D::CoordinationOfBenefits, A::No, N::Review, "Denied by the prior payer, so not covered here either"),
    c("277", 20151101, None, D::Eligibility, A::No, N::CheckOriginal, "On hold: SHOP exchange premium grace period"),
    c("278", 20160701, None, D::Other, A::No, N::WriteOff, "Performance program proficiency requirement not met"),
    c("279", 20161101, None, D::Eligibility, A::No, N::Review, "Provider is outside the member's narrow network"),
    c("280", 20170301, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Medical plan got a pharmacy claim: send it to the pharmacy plan"),
    c("281", 20170701, None, D::Contractual, A::No, N::WriteOff, "Deductible waived under the contract"),
    c("282", 20170701, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure or revenue code does not fit the type of bill"),
    c("283", 20171101, None, D::Other, A::Correct, N::Review, "Attending provider may not direct this care"),
    c("284", 20171101, None, D::Authorization, A::Correct, N::GetAuthorization, "Authorization number valid but not for these services"),
    c("285", 20171101, None, D::Other, A::Correct, N::Review, "Appeal did not follow the payer's procedure"),
    // 286: a missed appeal deadline is a filing-limit loss, like 29.
    c("286", 20171101, None, D::TimelyFiling, A::No, N::WriteOff, "Appeal filed after the payer's deadline"),
    c("287", 20171101, None, D::Authorization, A::Worth, N::GetAuthorization, "Visits or services beyond what the referral allowed"),
    c("288", 20171101, None, D::Authorization, A::Worth, N::GetAuthorization, "No referral on file"),
    c("289", 20171101, None, D::PatientResponsibility, A::No, N::Review, "Neither the dental nor the medical plan covers this"),
    c("290", 20171101, None, D::CoordinationOfBenefits, A::No, N::CheckOriginal, "Dental plan forwarded the claim to the medical plan"),
    c("291", 20171101, None, D::CoordinationOfBenefits, A::No, N::CheckOriginal, "Medical plan forwarded the claim to the dental plan"),
    c("292", 20171101, None, D::CoordinationOfBenefits, A::No, N::CheckOriginal, "Medical plan forwarded the claim to the pharmacy plan"),
    c("293", 20180501, None, D::Other, A::No, N::Review, "Paid to the employer instead of the provider"),
    c("294", 20171101, None, D::Other, A::No, N::Review, "Paid to the attorney instead of the provider"),
    c("295", 20180301, None, D::Contractual, A::No, N::WriteOff, "Pharmacy direct or indirect remuneration (DIR)"),
    c("296", 20180701, None, D::Authorization, A::Correct, N::GetAuthorization, "Authorization number valid but not for this provider"),
    c("297", 20190301, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Medical plan got a vision claim: send it to the vision plan"),
    c("298", 20190301, None, D::CoordinationOfBenefits, A::No, N::CheckOriginal, "Medical plan forwarded the claim to the vision plan"),
    c("299", 20190701, None, D::Other, A::Correct, N::Review, "Billing provider may not be paid for this service"),
    c("300", 20190701, None, D::CoordinationOfBenefits, A::No, N::CheckOriginal, "Medical plan forwarded the claim to the behavioral health plan"),
    c("301", 20190701, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Medical plan got a behavioral health claim: send it there"),
    c("302", 20201101, None, D::Authorization, A::Worth, N::GetAuthorization, "Authorization used after its time limit"),
    c("303", 20210701, None, D::Contractual, A::No, N::WriteOff, "Prior payer's patient share not payable for a QMB patient"),
    c("304", 20220301, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Medical plan got a hearing claim: send it to the hearing plan"),
    c("305", 20220301, None, D::CoordinationOfBenefits, A::No, N::CheckOriginal, "Medical plan forwarded the claim to the hearing plan"),
    c("306", 20231101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "Type of bill does not fit the patient status"),
    c("307", 20250301, None, D::Contractual, A::No, N::WriteOff, "Medicare maximum fair price default refund adjustment"),
    c("308", 20251101, None, D::Contractual, A::No, N::WriteOff, "Adjusted under a funding agreement between payer and provider"),
    c("A0", 19950101, None, D::Other, A::No, N::Review, "Amount refunded to the patient"),
    c("A1", 19950101, None, D::Other, A::Worth, N::Review, "Denied; the remark codes say why"),
    c("A2", 19950101, Some(20080101), D::Contractual, A::No, N::WriteOff, "Contract adjustment (old general code)"),
    c("A3", 19950101, Some(20031016), D::CoordinationOfBenefits, A::No, N::WriteOff, "Medicare as secondary: its liability is met"),
    c("A4", 19950101, Some(20080401), D::Contractual, A::No, N::WriteOff, "Capital day outlier under Medicare PPS"),
    c("A5", 19950101, None, D::Contractual, A::No, N::WriteOff, "Capital cost outlier under Medicare PPS"),
    c("A6", 19950101, None, D::Eligibility, A::No, N::Review, "Required prior hospital stay or 30-day transfer rule not met"),
    c("A7", 19950101, Some(20150701), D::Other, A::No, N::Review, "Adjustment of a presumptive payment"),
    c("A8", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "No DRG could be assigned"),
    c("B1", 19950101, None, D::PatientResponsibility, A::No, N::Review, "Plan does not cover these visits"),
    c("B2", 19950101, Some(20031016), D::Other, A::No, N::Review, "Count of covered visits"),
    c("B3", 19950101, Some(20031016), D::Other, A::No, N::Review, "Covered charges amount"),
    c("B4", 19950101, None, D::TimelyFiling, A::No, N::WriteOff, "Penalty for filing late"),
    c("B5", 19950101, Some(20160501), D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Coverage or program guidelines not met or exceeded"),
    c("B6", 19950101, Some(20060201), D::Contractual, A::No, N::WriteOff, "Adjusted for the provider's type, facility or specialty"),
    c("B7", 19950101, None, D::Other, A::Worth, N::Review, "Provider not certified or eligible for this service on that date"),
    c("B8", 19950101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "A different, available service should have been used"),
    c("B9", 19950101, None, D::Eligibility, A::No, N::CheckEligibility, "Patient is in a hospice program"),
    c("B10", 19950101, None, D::Bundling, A::No, N::Review, "Reduced: part of the basic test was already paid"),
    c("B11", 19950101, None, D::Eligibility, A::No, N::CheckOriginal, "Claim passed on to the right payer or processor"),
    c("B12", 19950101, None, D::Other, A::Worth, N::AppealWithRecords, "Service not in the patient's medical record"),
    c("B13", 19950101, None, D::Duplicate, A::No, N::CheckOriginal, "Already paid, possibly in an earlier payment"),
    c("B14", 19950101, None, D::Bundling, A::Worth, N::Review, "Only one visit or consultation per physician per day"),
    c("B15", 19950101, None, D::Bundling, A::Worth, N::Review, "Needs a qualifying service that was not received or paid"),
    c("B16", 19950101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "New-patient criteria not met"),
    c("B17", 19950101, Some(20060201), D::Other, A::Correct, N::SendInformation, "Prescription missing, late, incomplete or expired"),
    c("B18", 19950101, Some(20090301), D::Coding, A::Correct, N::CorrectAndResubmit, "Procedure code and modifier invalid on the date of service"),
    c("B19", 19950101, Some(20031016), D::Other, A::No, N::Review, "Adjusted on a review organization's finding"),
    c("B20", 19950101, None, D::Duplicate, A::Worth, N::Review, "Another provider gave all or part of the service"),
    c("B21", 19950101, Some(20031016), D::Other, A::No, N::Review, "Reduced: another physician gave part of the care"),
    c("B22", 19950101, None, D::MedicalNecessity, A::Worth, N::Review, "Payment depends on the diagnosis"),
    c("B23", 19950101, None, D::Other, A::Correct, N::Review, "Procedure not allowed under the lab's CLIA certification"),
    c("D1", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Subluxation level not documented or too low"),
    c("D2", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Drug name, strength or dosage missing"),
    c("D3", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Missing whether the patient owns the equipment"),
    c("D4", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Missing how long the item will be needed"),
    c("D5", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Individual lab codes in the test missing"),
    c("D6", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Patient's medical record for the service missing"),
    c("D7", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Date of the last physician visit missing"),
    c("D8", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "No indicator that the x-ray is available for review"),
    c("D9", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Intraocular lens invoice or lens type missing"),
    c("D10", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Physician financial relationship form not on file"),
    c("D11", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Pacemaker registration form missing"),
    c("D12", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "Purchased test: who did it or what it cost not shown"),
    c("D13", 19950101, Some(20031016), D::Other, A::No, N::WriteOff, "Ordering physician has a financial interest in the supplier"),
    c("D14", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "No indication a plan of treatment is on file"),
    c("D15", 19950101, Some(20031016), D::Other, A::Correct, N::SendInformation, "No indication of physician supervision or evaluation"),
    c("D16", 19950101, Some(20070630), D::CoordinationOfBenefits, A::Correct, N::CorrectAndResubmit, "Prior payer's payment information missing"),
    c("D17", 19950101, Some(20070630), D::Coding, A::Correct, N::CorrectAndResubmit, "Non-covered days invalid"),
    c("D18", 19950101, Some(20070630), D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis information missing"),
    c("D19", 19950101, Some(20070630), D::Other, A::Correct, N::SendInformation, "Operative report or other support missing"),
    c("D20", 19950101, Some(20070630), D::Other, A::Correct, N::CorrectAndResubmit, "Service or product information missing"),
    c("D21", 19950101, Some(20070630), D::Coding, A::Correct, N::CorrectAndResubmit, "Diagnosis missing or invalid (old code)"),
    c("D22", 20080127, Some(20090101), D::Other, A::No, N::Review, "Workers' comp: reasons sent in a separate letter"),
    c("D23", 20091101, Some(20120101), D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Dual-eligible patient covered by Part D retroactively"),
    c("P1", 20131101, None, D::Other, A::No, N::Review, "P&C: state-mandated requirement; see remarks"),
    c("P2", 20131101, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Workers' comp not liable: injury is not work-related"),
    c("P3", 20131101, None, D::PatientResponsibility, A::No, N::BillPatient, "Workers' comp settled: patient pays via set-aside arrangement"),
    c("P4", 20131101, None, D::CoordinationOfBenefits, A::Correct, N::BillOtherPayer, "Workers' comp claim found non-compensable; payer not liable"),
    c("P5", 20131101, None, D::Contractual, A::No, N::WriteOff, "P&C: paid at reasonable and customary fees"),
    c("P6", 20131101, None, D::Other, A::No, N::Review, "P&C: depends on entitlement to benefits"),
    c("P7", 20131101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "P&C fee schedule lacks the code: rebill with one it has"),
    c("P8", 20131101, None, D::Other, A::No, N::CheckOriginal, "P&C: claim is under investigation"),
    c("P9", 20131101, None, D::Coding, A::Correct, N::CorrectAndResubmit, "P&C: no CPT or HCPCS code fits this service"),
    c("P10", 20131101, None, D::Other, A::No, N::Review, "P&C: payment reduced to zero during litigation"),
    c("P11", 20131101, None, D::Other, A::No, N::CheckOriginal, "P&C: related injury claim is in litigation"),
    c("P12", 20131101, None, D::Contractual, A::No, N::WriteOff, "Workers' comp jurisdiction fee schedule reduction"),
    c("P13", 20131101, None, D::Other, A::Worth, N::Review, "Workers' comp: reduced or denied under jurisdiction rules"),
    c("P14", 20131101, None, D::Bundling, A::Worth, N::Review, "P&C: included in another service the same day"),
    c("P15", 20131101, None, D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Workers' comp treatment guideline adjustment"),
    c("P16", 20131101, None, D::Other, A::No, N::Review, "Workers' comp: provider not certified to treat injured workers here"),
    c("P17", 20131101, None, D::Authorization, A::Worth, N::Review, "P&C: attending physician did not authorize the referral"),
    c("P18", 20131101, None, D::Contractual, A::No, N::WriteOff, "Not on the jurisdiction fee schedule; a comparable service was allowed"),
    c("P19", 20131101, None, D::Contractual, A::No, N::WriteOff, "Jurisdiction fee schedule value is zero: nothing due"),
    c("P20", 20131101, None, D::Contractual, A::No, N::WriteOff, "Not paid under the jurisdiction outpatient facility schedule"),
    c("P21", 20131101, None, D::Other, A::Worth, N::Review, "Auto MPC/PIP: denied under jurisdiction rules or policy"),
    c("P22", 20131101, None, D::Other, A::Worth, N::Review, "Auto MPC/PIP: adjusted under jurisdiction rules or policy"),
    c("P23", 20131101, None, D::Contractual, A::No, N::WriteOff, "Auto MPC/PIP jurisdiction fee schedule reduction"),
    c("P24", 20171101, None, D::Contractual, A::No, N::WriteOff, "P&C: PPO-based adjustment"),
    c("P25", 20171101, None, D::Contractual, A::No, N::WriteOff, "P&C: medical provider network (MPN) adjustment"),
    c("P26", 20171101, None, D::Contractual, A::No, N::WriteOff, "P&C: voluntary provider network (VPN) adjustment"),
    c("P27", 20171101, None, D::Other, A::Worth, N::Review, "Auto liability: denied under jurisdiction rules or policy"),
    c("P28", 20171101, None, D::Other, A::Worth, N::Review, "Auto liability: adjusted under jurisdiction rules or policy"),
    c("P29", 20171101, None, D::Contractual, A::No, N::WriteOff, "Auto liability jurisdiction fee schedule reduction"),
    c("P30", 20201101, None, D::Other, A::Correct, N::SendInformation, "P&C: flare-up denied, documentation incomplete"),
    c("P31", 20201101, None, D::Other, A::Worth, N::AppealWithRecords, "P&C: flare-up denied, treatment ran past the allowed time"),
    c("P32", 20220801, None, D::Other, A::No, N::Review, "Adjusted for apportionment between causes"),
    c("W1", 20000229, Some(20140701), D::Contractual, A::No, N::WriteOff, "Workers' comp state fee schedule cut (old code)"),
    c("W2", 20101017, Some(20140701), D::Other, A::Worth, N::Review, "Workers' comp state rules reduced or denied it (old code)"),
    c("W3", 20120930, Some(20140701), D::Bundling, A::Worth, N::Review, "P&C: bundled into another same-day service (old code)"),
    c("W4", 20120930, Some(20140701), D::MedicalNecessity, A::Worth, N::AppealWithRecords, "Workers' comp treatment guideline reduction (old code)"),
    c("W5", 20130602, Some(20140701), D::Other, A::No, N::Review, "Provider not certified for injured workers in this state (old code)"),
    c("W6", 20130602, Some(20140701), D::Authorization, A::Worth, N::Review, "Attending physician did not authorize the referral (old code)"),
    c("W7", 20130602, Some(20140701), D::Contractual, A::No, N::WriteOff, "Not on jurisdiction schedule; priced as comparable (old code)"),
    c("W8", 20130602, Some(20140701), D::Contractual, A::No, N::WriteOff, "Zero value on jurisdiction schedule: no payment (old code)"),
    c("W9", 20130602, Some(20140701), D::Contractual, A::No, N::WriteOff, "Jurisdiction outpatient facility schedule does not pay it (old code)"),
    c("Y1", 20120930, Some(20140701), D::Other, A::Worth, N::Review, "Auto PIP/MPC: denied by jurisdiction rules (old code)"),
    c("Y2", 20120930, Some(20140701), D::Other, A::Worth, N::Review, "Auto PIP/MPC: adjusted by jurisdiction rules (old code)"),
    c("Y3", 20120930, Some(20140701), D::Contractual, A::No, N::WriteOff, "Auto PIP/MPC fee schedule adjustment (old code)"),
];

/// Every RARC, in the published order (see the module comment).
#[rustfmt::skip] // one row per line, so the table reads like the list
static RARCS: &[RarcInfo] = &[
    r("M1", 19970101, None, None, "X-ray not taken within 12 months of, or close to, the start of treatment"),
    r("M2", 19970101, None, Some(D::Bundling), "Inpatient at the time: not paid on its own"),
    r("M3", 19970101, None, Some(D::Duplicate), "Same or similar equipment is already in use"),
    r("M4", 19970101, None, None, "Alert: last monthly installment for this equipment"),
    r("M5", 19970101, None, None, "Rental runs to the 15th month or until the item is no longer needed"),
    r("M6", 19970101, None, None, "Alert: supplier must furnish and service the item for its useful life"),
    r("M7", 19970101, None, None, "No more rent once the item is bought, returned or rent reaches the price"),
    r("M8", 19970101, None, None, "Blood gas results from a supplier or taken on oxygen are not accepted"),
    r("M9", 19970101, None, None, "Alert: tenth rental month; offer the patient the purchase option"),
    r("M10", 19970101, None, None, "Equipment purchase allowed only in the first or tenth month of need"),
    r("M11", 19970101, None, None, "Equipment, orthotics and prosthetics go to the DME contractor for the ZIP"),
    r("M12", 19970101, None, None, "Physician's diagnostic tests must say whether purchased services are included"),
    r("M13", 19970101, None, None, "One initial visit per specialty in a medical group"),
    r("M14", 19970101, None, Some(D::Bundling), "No separate injection fee in a visit; no visit fee for an injection alone"),
    r("M15", 19970101, None, Some(D::Bundling), "Separately billed tests or services bundled into one procedure"),
    r("M16", 19970101, None, None, "Alert: see the payer's website, mailings or bulletins on this policy"),
    r("M17", 19970101, None, None, "Alert: paid once because you could not have known; you are liable next time"),
    r("M18", 19970101, None, None, "Home-use services: a hospital or SNF does not count as home"),
    r("M19", 19970101, None, None, "Oxygen certification or recertification missing"),
    r("M20", 19970101, None, Some(D::Coding), "HCPCS code missing, incomplete or invalid"),
    r("M21", 19970101, None, None, "Place of residence for a home service missing or invalid"),
    r("M22", 19970101, None, None, "Miles traveled missing or invalid"),
    r("M23", 19970101, None, None, "Invoice missing"),
    r("M24", 19970101, None, None, "Doses per vial missing or invalid"),
    r("M25", 19970101, None, Some(D::MedicalNecessity), "Level of service not supported; ask for review or refund what the patient paid"),
    r("M26", 19970101, None, Some(D::MedicalNecessity), "Level of service not supported; refund the patient within 30 days"),
    r("M27", 19970101, None, Some(D::MedicalNecessity), "Alert: patient relieved of liability; provider is liable for waived charges"),
    r("M28", 19970101, None, None, "No Part B payment when Part A coverage is used up or unavailable"),
    r("M29", 19970101, None, None, "Operative note or report missing"),
    r("M30", 19970101, None, None, "Pathology report missing"),
    r("M31", 19970101, None, None, "Radiology report missing"),
    r("M32", 19970101, None, Some(D::CoordinationOfBenefits), "Alert: conditional payment pending the primary payer's decision"),
    r("M33", 19970101, Some(20040801), None, "UPIN of the ordering, referring or performing provider missing"),
    r("M34", 19970101, Some(20040801), None, "Claim lacks the CLIA number (old code)"),
    r("M35", 19970101, Some(20050205), None, "Pre-operative photos or visual field results missing (old code)"),
    r("M36", 19970101, None, None, "11th rental month: show the patient was offered the purchase option"),
    r("M37", 19970101, None, None, "Not covered for patients under 35"),
    r("M38", 19970101, None, Some(D::PatientResponsibility), "Alert: patient agreed in writing beforehand to pay; patient is liable"),
    r("M39", 19970101, None, None, "Alert: advance notice was defective, so the patient is not liable"),
    r("M40", 19970101, None, None, "Must be assigned and filed by the practitioner's employer"),
    r("M41", 19970101, None, None, "Not paid: the patient has no legal obligation to pay"),
    r("M42", 19970101, None, None, "Attending physician must sign the medical necessity form"),
    r("M43", 19970101, Some(20040131), Some(D::Duplicate), "Already paid to you or another provider by another contractor"),
    r("M44", 19970101, None, Some(D::Coding), "Condition code missing or invalid"),
    r("M45", 19970101, None, Some(D::Coding), "Occurrence code missing or invalid"),
    r("M46", 19970101, None, Some(D::Coding), "Occurrence span code missing or invalid"),
    r("M47", 19970101, None, None, "Payer claim control number (ICN, DCN) missing or invalid"),
    r("M48", 19970101, Some(20040131), None, "Inpatient non-physician services are paid only to the hospital"),
    r("M49", 19970101, None, Some(D::Coding), "Value code or amount missing or invalid"),
    r("M50", 19970101, None, Some(D::Coding), "Revenue code missing or invalid"),
    r("M51", 19970101, None, Some(D::Coding), "Procedure code missing or invalid"),
    r("M52", 19970101, None, None, "Service 'from' date missing or invalid"),
    r("M53", 19970101, None, Some(D::Coding), "Days or units of service missing or invalid"),
    r("M54", 19970101, None, None, "Total charges missing or invalid"),
    r("M55", 19970101, None, None, "Self-given anti-nausea drug not paid without a covered oral cancer drug"),
    r("M56", 19970101, None, None, "Payer identifier missing or invalid"),
    r("M57", 19970101, Some(20050602), None, "Provider identifier missing or invalid (old code)"),
    r("M58", 19970101, Some(20050205), None, "Claim information missing or invalid; resubmit corrected"),
    r("M59", 19970101, None, None, "Service 'to' date missing or invalid"),
    r("M60", 19970101, None, None, "Certificate of medical necessity missing"),
    r("M61", 19970101, None, None, "FDA clinical trial approval period has expired"),
    r("M62", 19970101, None, Some(D::Authorization), "Treatment authorization code missing or invalid"),
    r("M63", 19970101, Some(20040131), Some(D::Duplicate), "Not paid for more than one of these per day"),
    r("M64", 19970101, None, Some(D::Coding), "Other (secondary) diagnosis missing or invalid"),
    r("M65", 19970101, None, None, "One interpreting physician per claim for a purchased test; split the claim"),
    r("M66", 19970101, None, None, "Bill technical and professional parts of a price-limited test separately"),
    r("M67", 19970101, None, Some(D::Coding), "Other procedure code missing or invalid"),
    r("M68", 19970101, Some(20050602), None, "Attending, ordering, rendering, supervising or referring ID missing"),
    r("M69", 19970101, None, Some(D::Coding), "Paid at the regular rate: no documents justified the modified code"),
    r("M70", 19970101, None, None, "Alert: NDC translated to HCPCS for processing; keep sending the NDC"),
    r("M71", 19970101, None, None, "Payment reduced for overlapping tests"),
    r("M72", 19970101, Some(20031016), None, "Full 8-digit date not entered"),
    r("M73", 19970101, None, None, "Shortage-area (HPSA) bonus paid only on the professional component"),
    r("M74", 19970101, None, None, "Service does not qualify for the shortage-area (HPSA) bonus"),
    r("M75", 19970101, None, Some(D::Bundling), "Same-day automated multichannel tests combined for payment"),
    r("M76", 19970101, None, Some(D::Coding), "Diagnosis or condition missing or invalid"),
    r("M77", 19970101, None, Some(D::Coding), "Place of service missing, invalid or inappropriate"),
    r("M78", 19970101, Some(20060518), Some(D::Coding), "HCPCS modifier missing or invalid (old code)"),
    r("M79", 19970101, None, None, "Charge missing or invalid"),
    r("M80", 19970101, None, Some(D::Bundling), "Not covered in the same session or date as an earlier processed service"),
    r("M81", 19970101, None, Some(D::Coding), "Use the most specific code available"),
    r("M82", 19970101, None, None, "Not covered for patients under 50"),
    r("M83", 19970101, None, None, "Covered only for patients classified as high risk"),
    r("M84", 19970101, None, Some(D::Coding), "Use the codes in effect on the date of service"),
    r("M85", 19970101, None, None, "E/M services were subject to review"),
    r("M86", 19970101, None, Some(D::Duplicate), "Same or similar procedure already paid within the set time frame"),
    r("M87", 19970101, None, None, "Subject to CFO-CAP prepayment review"),
    r("M88", 19970101, Some(20040801), None, "Lab tests paid only to the lab that did them"),
    r("M89", 19970101, None, None, "Before age 40, covered only once"),
    r("M90", 19970101, None, None, "Covered once per 12 months"),
    r("M91", 19970101, None, None, "Tests under different CLIA numbers go on separate claims"),
    r("M92", 19970101, Some(20040801), None, "Reviewed under the Home Health Medical Review Initiative"),
    r("M93", 19970101, None, None, "Break in therapy supported: a new capped rental period began"),
    r("M94", 19970101, None, None, "Break in therapy not supported: no new capped rental period"),
    r("M95", 19970101, None, None, "Subject to home health medical review or cost report audit"),
    r("M96", 19970101, None, None, "Inpatient's technical part is billed by the facility; bill professional only"),
    r("M97", 19970101, None, Some(D::Bundling), "Not paid to the practitioner in this setting; included in the facility's pay"),
    r("M98", 19970101, Some(20040131), None, "Start reporting the UPN for items of this type"),
    r("M99", 19970101, None, None, "UPN or serial number missing or invalid"),
    r("M100", 19970101, None, None, "Oral anti-nausea drug paid only within 48 hours of covered chemotherapy"),
    r("M101", 19970101, Some(20040131), None, "Start reporting a G1-G5 modifier with this HCPCS"),
    r("M102", 19970101, None, None, "Equipment used is not FDA-approved for this purpose"),
    r("M103", 19970101, None, Some(D::MedicalNecessity), "Break in therapy supported, need not: reduced pay, new rental period"),
    r("M104", 19970101, None, None, "Break in therapy supported; new rental period; fee schedule maximum paid"),
    r("M105", 19970101, None, Some(D::MedicalNecessity), "No break in therapy and need not supported: reduced pay, no new period"),
    r("M106", 19970101, Some(20040131), None, "No break in therapy; no new rental period; maximum paid"),
    r("M107", 19970101, None, None, "Reduced: ESRD patient's 90-day average hematocrit above 36.5%"),
    r("M108", 19970101, Some(20050602), None, "ID of the provider who interpreted the test missing"),
    r("M109", 19970101, None, None, "Bundled teleconsultation payment: pass 25% to the referring practitioner"),
    r("M110", 19970101, Some(20050602), None, "ID of the provider who sold the interpretation missing"),
    r("M111", 19970101, None, None, "Chiropractic manipulation not paid when the patient refuses x-rays"),
    r("M112", 19970101, None, Some(D::Contractual), "Paid the competitive bidding single payment amount for the patient's area"),
    r("M113", 19970101, None, None, "Patient began using the item before the current bidding contract period"),
    r("M114", 19970101, None, None, "Processed under DMEPOS competitive bidding or a demonstration"),
    r("M115", 19970101, None, None, "Denied: supplier is not a contract or demonstration supplier"),
    r("M116", 19970101, None, None, "Demonstration is ending; further services may not be paid under it"),
    r("M117", 19970101, None, None, "Covered only when submitted electronically"),
    r("M118", 19970101, Some(20110101), None, "A letter with more information will follow"),
    r("M119", 19970101, None, Some(D::Coding), "NDC missing, invalid, deactivated or withdrawn"),
    r("M120", 19970101, Some(20050602), None, "ID of the substitute (locum tenens) physician missing"),
    r("M121", 19970101, None, None, "Paid only with a covered cryosurgical ablation"),
    r("M122", 19970101, None, None, "Level of subluxation missing or invalid"),
    r("M123", 19970101, None, None, "Drug name, strength or dosage missing or invalid"),
    r("M124", 19970101, None, None, "Not stated whether the patient owns the equipment needing the part"),
    r("M125", 19970101, None, None, "How long the service, supply or equipment is needed: missing or invalid"),
    r("M126", 19970101, None, Some(D::Coding), "Individual lab codes in the test missing or invalid"),
    r("M127", 19970101, None, None, "Patient's medical record for this service missing"),
    r("M128", 19970101, Some(20050602), None, "Date of the patient's last physician visit missing"),
    r("M129", 19970101, None, None, "Indicator that the x-ray is available for review missing or invalid"),
    r("M130", 19970101, None, None, "Lens invoice, cost statement or lens type missing"),
    r("M131", 19970101, None, None, "Physician financial relationship form missing"),
    r("M132", 19970101, None, None, "Pacemaker registration form missing"),
    r("M133", 19970101, None, None, "Purchased test: performer or amount charged not identified"),
    r("M134", 19970101, None, None, "Done by a facility or supplier the provider has a financial interest in"),
    r("M135", 19970101, None, None, "Plan of treatment missing or invalid"),
    r("M136", 19970101, None, None, "Indication of physician supervision or evaluation missing or invalid"),
    r("M137", 19970101, None, Some(D::PatientResponsibility), "Part B coinsurance under a demonstration or pilot"),
    r("M138", 19970101, None, Some(D::Eligibility), "Patient not enrolled in the demonstration on the service date"),
    r("M139", 19970101, None, None, "Beyond the demonstration's coverage limit"),
    r("M140", 19970101, Some(20040130), None, "Not covered until after the 50th birthday"),
    r("M141", 19970101, None, None, "Physician-certified plan of care missing"),
    r("M142", 19970101, None, None, "American Diabetes Association recognition certificate missing"),
    r("M143", 19970101, None, None, "Payer needs your updated license information"),
    r("M144", 19970101, None, Some(D::Bundling), "Surgery payment already covers care before and after"),
    r("MA01", 19970101, None, None, "Alert: you may appeal within 120 days to a different reviewer"),
    r("MA02", 19970101, None, None, "Alert: you may appeal in writing within 180 days"),
    r("MA03", 19970101, Some(20061001), None, "Hearing may be asked for when $100 or more is in dispute"),
    r("MA04", 19970101, None, Some(D::CoordinationOfBenefits), "Secondary payment needs the primary payer's identity or payment data"),
    r("MA05", 19970101, Some(20031016), None, "Wrong admission date, patient status or bill type"),
    r("MA06", 19970101, Some(20040801), None, "Beginning or ending dates missing or invalid"),
    r("MA07", 19970101, None, Some(D::CoordinationOfBenefits), "Alert: claim also forwarded to Medicaid"),
    r("MA08", 19970101, None, Some(D::CoordinationOfBenefits), "Alert: not forwarded: supplement is not Medigap or you do not participate"),
    r("MA09", 19970101, None, None, "Alert: unassigned claim processed as assigned under your agreement"),
    r("MA10", 19970101, None, None, "Alert: patient paid more than owed; refund the patient"),
    r("MA11", 19970101, Some(20040131), Some(D::CoordinationOfBenefits), "Conditional payment; a refund is due if other coverage pays"),
    r("MA12", 19970101, None, None, "You have not shown a legal right to bill for this performer's services"),
    r("MA13", 19970101, None, None, "Alert: billing the patient beyond the PR amounts may bring penalties"),
    r("MA14", 19970101, None, None, "Alert: employer prepaid plan member; outside services paid this time only"),
    r("MA15", 19970101, None, None, "Alert: claim split for faster handling; other services on another notice"),
    r("MA16", 19970101, None, Some(D::CoordinationOfBenefits), "Black Lung Program patient: send the claim to the Department of Labor"),
    r("MA17", 19970101, None, Some(D::CoordinationOfBenefits), "We are primary and paid; the other insurer's wrong primary payment is refundable"),
    r("MA18", 19970101, None, Some(D::CoordinationOfBenefits), "Alert: claim also forwarded to the supplemental insurer"),
    r("MA19", 19970101, None, Some(D::CoordinationOfBenefits), "Alert: not sent to Medigap: insurer data invalid; bill them directly"),
    r("MA20", 19970101, None, None, "SNF stay not covered when mainly for catheter convenience or incontinence"),
    r("MA21", 19970101, None, None, "Social Security records show a name and sex mismatch"),
    r("MA22", 19970101, None, None, "Payments under $1.00 are not issued"),
    r("MA23", 19970101, None, None, "Medical review approved the demand bill"),
    r("MA24", 19970101, None, None, "Christian Science sanatorium or SNF bill in the same benefit period"),
    r("MA25", 19970101, None, None, "Hospice provider may be changed only once per benefit period"),
    r("MA26", 19970101, None, None, "Alert: you were told of this rule before"),
    r("MA27", 19970101, None, Some(D::Eligibility), "Entitlement number or name on the claim missing or invalid"),
    r("MA28", 19970101, None, None, "Alert: notice to a non-assigned provider is informational; no appeal rights"),
    r("MA29", 19970101, Some(20050602), None, "Provider name, city, state or ZIP missing or invalid"),
    r("MA30", 19970101, None, Some(D::Coding), "Type of bill missing or invalid"),
    r("MA31", 19970101, None, None, "Billing period beginning and ending dates missing or invalid"),
    r("MA32", 19970101, None, None, "Number of covered days missing or invalid"),
    r("MA33", 19970101, None, None, "Non-covered days missing or invalid"),
    r("MA34", 19970101, None, None, "Coinsurance days missing or invalid"),
    r("MA35", 19970101, None, None, "Lifetime reserve days missing or invalid"),
    r("MA36", 19970101, None, None, "Patient name missing or invalid"),
    r("MA37", 19970101, None, None, "Patient address missing or invalid"),
    r("MA38", 19970101, Some(20050602), None, "Birth date missing or invalid"),
    r("MA39", 19970101, None, None, "Patient gender missing or invalid"),
    r("MA40", 19970101, None, None, "Admission date missing or invalid"),
    r("MA41", 19970101, None, None, "Admission type missing or invalid"),
    r("MA42", 19970101, None, None, "Admission source missing or invalid"),
    r("MA43", 19970101, None, None, "Patient status missing or invalid"),
    r("MA44", 19970101, None, None, "Alert: no appeal rights; the decision is based on law"),
    r("MA45", 19970101, None, None, "Alert: part or all of the payment is held in a special account"),
    r("MA46", 19970101, None, None, "Alert: new information considered; no more payment"),
    r("MA47", 19970101, None, Some(D::PatientResponsibility), "Provider opted out of Medicare; the patient owes"),
    r("MA48", 19970101, None, Some(D::CoordinationOfBenefits), "Name or address of the responsible party or primary payer missing"),
    r("MA49", 19970101, Some(20040801), None, "Six-digit HHA or hospice ID missing for care plan oversight"),
    r("MA50", 19970101, None, None, "IDE or clinical trial number missing or invalid"),
    r("MA51", 19970101, Some(20050205), None, "Physician office lab CLIA number missing or invalid"),
    r("MA52", 19970101, Some(20050602), None, "Date missing or invalid"),
    r("MA53", 19970101, None, None, "Competitive bidding demonstration ID missing or invalid"),
    r("MA54", 19970101, None, None, "Hospice certification or election consent not received on time"),
    r("MA55", 19970101, None, None, "Medical care received, which revoked the religious non-medical care election"),
    r("MA56", 19970101, None, Some(D::PatientResponsibility), "Opted-out provider: patient pays, but not above the limiting charge"),
    r("MA57", 19970101, None, None, "Patient revoked the religious non-medical care election in writing"),
    r("MA58", 19970101, None, None, "Release of information indicator missing or invalid"),
    r("MA59", 19970101, None, None, "Alert: patient overpaid; refund the difference within 30 days"),
    r("MA60", 19970101, None, None, "Patient relationship to the insured missing or invalid"),
    r("MA61", 19970101, None, None, "Social security number missing or invalid"),
    r("MA62", 19970101, None, None, "Alert: decided on a telephone review"),
    r("MA63", 19970101, None, Some(D::Coding), "Principal diagnosis missing or invalid"),
    r("MA64", 19970101, None, Some(D::CoordinationOfBenefits), "We are the third payer: send the primary and secondary payment data"),
    r("MA65", 19970101, None, Some(D::Coding), "Admitting diagnosis missing or invalid"),
    r("MA66", 19970101, None, Some(D::Coding), "Principal procedure code missing or invalid"),
    r("MA67", 19970101, None, None, "Alert: this corrects an earlier claim"),
    r("MA68", 19970101, None, Some(D::CoordinationOfBenefits), "Alert: not crossed over: secondary insurance data incomplete"),
    r("MA69", 19970101, None, None, "Remarks missing or invalid"),
    r("MA70", 19970101, None, None, "Provider representative signature missing or invalid"),
    r("MA71", 19970101, None, None, "Provider representative signature date missing or invalid"),
    r("MA72", 19970101, None, None, "Alert: patient overpaid for assigned services; refund within 30 days"),
    r("MA73", 19970101, None, None, "Informational remit: patient chose managed care in a demonstration"),
    r("MA74", 19970101, None, None, "Alert: replaces an earlier payment that was lost, damaged or returned"),
    r("MA75", 19970101, None, None, "Patient or authorized representative signature missing or invalid"),
    r("MA76", 19970101, None, None, "HHA or hospice ID missing for physician care plan oversight"),
    r("MA77", 19970101, None, None, "Alert: patient overpaid after all payers paid; refund within 30 days"),
    r("MA78", 19970101, Some(20040131), None, "Patient paid more than our allowance; refund within 30 days"),
    r("MA79", 19970101, None, None, "Billed above the interim rate"),
    r("MA80", 19970101, None, None, "Not paid here; the hospital was paid for everything under a demonstration"),
    r("MA81", 19970101, None, None, "Provider or supplier signature missing or invalid"),
    r("MA82", 19970101, Some(20050602), None, "Billing number, name, address or phone missing or invalid"),
    r("MA83", 19970101, None, Some(D::CoordinationOfBenefits), "Did not say whether we are the primary or secondary payer"),
    r("MA84", 19970101, None, None, "Patient not confirmed in the National Emphysema Treatment Trial"),
    r("MA85", 19970101, Some(20040801), Some(D::CoordinationOfBenefits), "Primary payer exists but its plan name or ID is missing"),
    r("MA86", 19970101, Some(20040801), Some(D::CoordinationOfBenefits), "Insured's group or policy number for the primary payer missing"),
    r("MA87", 19970101, Some(20040801), Some(D::CoordinationOfBenefits), "Insured's name for the primary payer missing"),
    r("MA88", 19970101, None, Some(D::CoordinationOfBenefits), "Insured's address or phone for the primary payer missing or invalid"),
    r("MA89", 19970101, None, Some(D::CoordinationOfBenefits), "Patient's relationship to the primary insured missing or invalid"),
    r("MA90", 19970101, None, Some(D::CoordinationOfBenefits), "Primary insured's employment status missing or invalid"),
    r("MA91", 19970101, None, None, "Alert: this decision results from your appeal"),
    r("MA92", 19970101, None, Some(D::CoordinationOfBenefits), "Other insurance plan information missing"),
    r("MA93", 19970101, None, None, "Claim is outside periodic interim payment (PIP)"),
    r("MA94", 19970101, None, None, "Statement that the attending physician is not a hospice employee missing"),
    r("MA95", 19970101, Some(20040101), Some(D::Coding), "Unlisted code billed without a narrative description"),
    r("MA96", 19970101, None, Some(D::Eligibility), "Coded as a managed care demonstration but the patient is not enrolled"),
    r("MA97", 19970101, None, None, "Managed care demonstration or trial registry number missing or invalid"),
    r("MA98", 19970101, Some(20031016), None, "Wrong managed care demonstration contract number"),
    r("MA99", 19970101, None, Some(D::CoordinationOfBenefits), "Medigap information missing or invalid"),
    r("MA100", 19970101, None, None, "Date of current illness or symptoms missing or invalid"),
    r("MA101", 19970101, Some(20110101), None, "SNF pays the outside providers who serve its residents"),
    r("MA102", 19970101, Some(20040801), None, "Rendering, referring, ordering or supervising name or ID missing"),
    r("MA103", 19970101, None, None, "Extra payment for hemophilia (add-on)"),
    r("MA104", 19970101, Some(20040131), None, "Last-seen date or attending physician ID missing"),
    r("MA105", 19970101, Some(20050602), None, "Provider number for this place of service missing"),
    r("MA106", 19970101, None, None, "Paid as a periodic interim payment (PIP) claim"),
    r("MA107", 19970101, None, None, "Paper claim has more than three items in field 19"),
    r("MA108", 19970101, None, None, "Paper claim has more than one item in field 23"),
    r("MA109", 19970101, None, None, "Priced under ambulatory surgery guidelines"),
    r("MA110", 19970101, None, None, "Not stated whether tests were done outside or none were purchased"),
    r("MA111", 19970101, None, None, "Purchase price of tests or the performing lab's name and address missing"),
    r("MA112", 19970101, None, None, "Group practice information missing or invalid"),
    r("MA113", 19970101, None, None, "TIN invalid per the IRS: not processed, and the patient may not be billed"),
    r("MA114", 19970101, None, None, "Where the services were furnished: missing or invalid"),
    r("MA115", 19970101, None, None, "Location of a service in a shortage area (HPSA) missing or invalid"),
    r("MA116", 19970101, None, None, "'Homebound' statement for lab services missing"),
    r("MA117", 19970101, None, None, "A $1.00 user fee was charged on this claim"),
    r("MA118", 19970101, None, None, "Alert: no Medicare payment for VA care to a veteran; cost sharing applies"),
    r("MA119", 19970101, Some(20080501), Some(D::TimelyFiling), "Provider-level adjustment for late filing"),
    r("MA120", 19970101, None, None, "CLIA certification number missing or invalid"),
    r("MA121", 19970101, None, None, "X-ray date missing or invalid"),
    r("MA122", 19970101, None, None, "Initial treatment date missing or invalid"),
    r("MA123", 19970101, None, None, "Your center was not chosen for this study; not paid"),
    r("MA124", 19970101, Some(20040131), None, "Processed for indirect medical education (IME) only"),
    r("MA125", 19970101, None, Some(D::Contractual), "By law, this payment is payment in full"),
    r("MA126", 20011012, None, None, "Pancreas transplant covered only with a kidney transplant"),
    r("MA127", 20011012, Some(20050602), None, "Placeholder code reserved for future use"),
    r("MA128", 20011012, None, None, "FDA approval number missing or invalid"),
    r("MA129", 20011012, Some(20040131), None, "Provider not certified for this procedure on that date"),
    r("MA130", 20011012, None, None, "Unprocessable claim, no appeal rights: send a new corrected claim"),
    r("MA131", 20011012, None, Some(D::Duplicate), "Physician already paid for this demonstration service; refund that first"),
    r("MA132", 20011012, None, None, "Rate set back to the pre-demonstration level"),
    r("MA133", 20011012, None, None, "Inpatient stay overlaps: rebill just the services outside it"),
    r("MA134", 20011012, None, None, "Provider number of the patient's residence facility missing or invalid"),
    r("N1", 20000101, None, None, "Alert: you may appeal in writing within the limits in your contract or plan"),
    r("N2", 20000101, None, None, "Allowed under the plan's most appropriate course of treatment rule"),
    r("N3", 20000101, None, None, "Consent form missing"),
    r("N4", 20000101, None, Some(D::CoordinationOfBenefits), "Prior insurer's EOB missing, incomplete or invalid"),
    r("N5", 20000101, None, Some(D::CoordinationOfBenefits), "Got the previous payer's EOB but the claim is not on file"),
    r("N6", 20000101, None, Some(D::Contractual), "FEHB law caps payment at what Medicare would allow"),
    r("N7", 20000101, None, None, "Alert: processed under major medical provisions"),
    r("N8", 20000101, None, Some(D::CoordinationOfBenefits), "Crossover denied by the previous payer without full data; resubmit here"),
    r("N9", 20000101, None, Some(D::CoordinationOfBenefits), "Adjustment is the estimated amount a previous payer may pay"),
    r("N10", 20000101, None, None, "Adjusted on review organization, consultant or peer review findings"),
    r("N11", 20000101, None, None, "Medical review overturned the denial"),
    r("N12", 20000101, None, Some(D::PatientResponsibility), "Medicare supplement: member pays what Medicare would have covered"),
    r("N13", 20000101, None, Some(D::Coding), "Paid per the professional or technical component modifier"),
    r("N14", 20000101, Some(20071001), Some(D::Contractual), "Paid per contract amount, fee schedule or maximum allowed"),
    r("N15", 20000101, None, None, "Bill the newborn's care on its own claim"),
    r("N16", 20000101, None, None, "Out-of-pocket limit reached, so the plan pays a higher share"),
    r("N17", 20000101, Some(20040801), Some(D::PatientResponsibility), "Deductible charged per admission"),
    r("N18", 20000101, Some(20040131), Some(D::Contractual), "Paid on the Medicare allowed amount"),
    r("N19", 20000101, None, Some(D::Bundling), "Incidental to the main procedure; not paid separately"),
    r("N20", 20000101, None, Some(D::Bundling), "Not paid alongside another same-day service"),
    r("N21", 20000101, None, None, "Alert: line split into several lines for faster handling"),
    r("N22", 20000101, None, Some(D::Coding), "Alert: procedure code added or changed to fit the service better"),
    r("N23", 20000101, None, Some(D::CoordinationOfBenefits), "Alert: patient's share may change with COB or benefit maximums"),
    r("N24", 20000101, None, None, "EFT banking information missing or invalid"),
    r("N25", 20000101, None, None, "Administrator only processes claims; carries no financial risk"),
    r("N26", 20000101, None, None, "Itemized bill missing"),
    r("N27", 20000101, None, None, "Treatment number missing or invalid"),
    r("N28", 20000101, None, None, "Consent form rules not followed"),
    r("N29", 20000101, Some(20160301), None, "Documentation, orders, notes, report or chart missing (old code)"),
    r("N30", 20000101, None, Some(D::Eligibility), "This service is outside the patient's eligibility"),
    r("N31", 20000101, None, None, "Prescribing provider identifier missing or invalid"),
    r("N32", 20000101, None, None, "Must be billed by the provider who rendered it"),
    r("N33", 20000101, None, None, "No health check on record before treatment started"),
    r("N34", 20000101, None, None, "Use a different claim form or format for this"),
    r("N35", 20000101, None, None, "Decided by program integrity or utilization review"),
    r("N36", 20000101, None, Some(D::CoordinationOfBenefits), "Must meet the primary payer's requirements before we consider it"),
    r("N37", 20000101, None, None, "Tooth number or letter missing or invalid"),
    r("N38", 20000101, Some(20050205), Some(D::Coding), "Place of service missing or invalid (old code)"),
    r("N39", 20000101, None, Some(D::Coding), "Procedure code does not fit the tooth number or letter"),
    r("N40", 20000101, None, None, "Radiology films or images missing"),
    r("N41", 20000101, Some(20031016), Some(D::Authorization), "Authorization request was denied"),
    r("N42", 20000101, None, None, "Mental health assessment missing"),
    r("N43", 20000101, None, None, "Too many bed-hold or leave days"),
    r("N44", 20000101, Some(20031016), None, "Payer's share of surcharges paid straight to the regulator"),
    r("N45", 20000101, None, Some(D::Authorization), "Paid the authorized amount"),
    r("N46", 20000101, None, None, "Admission hour missing or invalid"),
    r("N47", 20000101, None, None, "Overlaps another inpatient stay"),
    r("N48", 20000101, None, Some(D::CoordinationOfBenefits), "Does not agree with what the other insurer reported"),
    r("N49", 20000101, None, Some(D::CoordinationOfBenefits), "Court-ordered coverage must be confirmed"),
    r("N50", 20000101, None, None, "Discharge information missing or invalid"),
    r("N51", 20000101, None, None, "No electronic interchange agreement on file for the submitter"),
    r("N52", 20000101, None, Some(D::Eligibility), "Patient not in the billing provider's managed care plan that day"),
    r("N53", 20000101, None, None, "Pick-up address missing or invalid"),
    r("N54", 20000101, None, Some(D::Authorization), "Claim does not match the precertified or authorized services"),
    r("N55", 20000101, None, None, "Group, referring or performing provider billing rules not followed"),
    r("N56", 20000101, None, Some(D::Coding), "Procedure code not valid for the service or date billed"),
    r("N57", 20000101, None, None, "Prescribing date missing or invalid"),
    r("N58", 20000101, None, None, "Patient liability amount missing or invalid"),
    r("N59", 20000101, None, None, "Alert: see your provider manual"),
    r("N60", 20000101, Some(20040131), Some(D::Coding), "A valid NDC is required for drug claims"),
    r("N61", 20000101, None, None, "Split these services onto separate claims"),
    r("N62", 20000101, None, None, "Service dates span several rate periods; send separate claims"),
    r("N63", 20000101, None, None, "Put these services on separate lines"),
    r("N64", 20000101, None, None, "Use different 'from' and 'to' dates"),
    r("N65", 20000101, None, Some(D::Coding), "Procedure code or rate count not on file for the date or provider"),
    r("N66", 20000101, Some(20050205), None, "Documentation missing or invalid (old code)"),
    r("N67", 20000101, None, Some(D::Bundling), "Professional services paid within the facility's demonstration payment"),
    r("N68", 20000101, None, Some(D::Bundling), "Prior payment cancelled: the facility's demonstration covered it"),
    r("N69", 20000101, None, Some(D::Coding), "Alert: the claims system changed the PPS code"),
    r("N70", 20000101, None, Some(D::Bundling), "Consolidated billing and payment apply"),
    r("N71", 20000101, None, None, "Unassigned drug, lab or ambulance claim processed as assigned by law"),
    r("N72", 20000101, None, Some(D::Coding), "Medical reviewers changed the PPS code; records did not support it"),
    r("N73", 20000101, Some(20040131), None, "SNF pays outside providers who serve residents under arrangement"),
    r("N74", 20000101, None, None, "Send one claim per calendar month"),
    r("N75", 20000101, None, None, "Tooth surface information missing or invalid"),
    r("N76", 20000101, None, None, "Number of riders missing or invalid"),
    r("N77", 20000101, None, None, "Designated provider number missing or invalid"),
    r("N78", 20000101, None, None, "Child and teen (EPSDT) checkup components incomplete"),
    r("N79", 20000101, None, None, "Service does not fit the patient's location"),
    r("N80", 20000101, None, None, "Prenatal screening information missing or invalid"),
    r("N81", 20000101, None, Some(D::Coding), "Procedure does not fit the tooth surface code"),
    r("N82", 20000101, None, Some(D::Contractual), "Accept the insurance payment as full when the contract says so"),
    r("N83", 20000101, None, None, "No appeal rights: decided under a demonstration project"),
    r("N84", 20000101, None, None, "Alert: more installment payments will follow"),
    r("N85", 20000101, None, None, "Alert: last installment of this payment"),
    r("N86", 20000101, None, None, "Biofeedback for incontinence needs a failed pelvic exercise trial first"),
    r("N87", 20000101, None, None, "Biofeedback at home is not covered"),
    r("N88", 20000101, None, None, "Alert: conditional payment; recouped if a home health episode applies"),
    r("N89", 20000101, None, Some(D::CoordinationOfBenefits), "Alert: sent to several payers; only one secondary can be shown"),
    r("N90", 20000101, None, None, "Only the attending physician's own service is covered"),
    r("N91", 20000101, None, None, "Not part of the appeal review"),
    r("N92", 20000101, None, None, "No digital mammography certification for this facility"),
    r("N93", 20000101, None, None, "One claim per place of service"),
    r("N94", 20000101, None, Some(D::Coding), "A more specific taxonomy code is needed"),
    r("N95", 20010731, None, Some(D::Coding), "Billing provider's type or specialty cannot bill this"),
    r("N96", 20010824, None, None, "Implant candidate must have failed conventional therapy"),
    r("N97", 20010824, None, None, "Certain incontinence and neurologic conditions are excluded"),
    r("N98", 20010824, None, None, "Permanent implant needs a successful test stimulation (50% better)"),
    r("N99", 20010824, None, None, "Patient must be able to keep a voiding diary"),
    r("N100", 20010914, Some(20161101), Some(D::Coding), "PPS code corrected during processing"),
    r("N101", 20011031, Some(20040131), None, "Resubmit with the site-of-service provider number"),
    r("N102", 20011031, Some(20160701), None, "Denied unreviewed: records not received, or late"),
    r("N103", 20011031, None, Some(D::Eligibility), "Patient in custody on the service date; collect from the authority"),
    r("N104", 20020129, None, Some(D::CoordinationOfBenefits), "Outside our jurisdiction; find the right Medicare contractor"),
    r("N105", 20020129, None, Some(D::CoordinationOfBenefits), "Misdirected Railroad Retirement Board claim; send it to the RRB contractor"),
    r("N106", 20020131, None, Some(D::Bundling), "SNF inpatient services are paid only to the SNF"),
    r("N107", 20020131, None, Some(D::Bundling), "SNF inpatient services go on the inpatient claim"),
    r("N108", 20020131, None, None, "Upgrade information missing or invalid"),
    r("N109", 20020228, None, None, "Alert: chosen for complex review"),
    r("N110", 20020228, None, None, "No film mammography certification for this facility"),
    r("N111", 20020228, None, Some(D::Duplicate), "No appeal except on the duplicate issue; already billed and decided"),
    r("N112", 20020228, None, None, "Claim left out of your electronic remittance"),
    r("N113", 20020416, None, None, "Initial visit covered once per physician, group or provider"),
    r("N114", 20020530, None, None, "Ambulance fee schedule transition: blended payment"),
    r("N115", 20020530, None, Some(D::MedicalNecessity), "Decided under a Local Coverage Determination (LCD)"),
    r("N116", 20020630, None, None, "Alert: conditional home payment; recouped if under a home health episode"),
    r("N117", 20020730, None, None, "Once-in-a-lifetime service"),
    r("N118", 20020730, None, None, "Payable at most once per 28 days"),
    r("N119", 20020730, None, None, "Not paid with 5 or more inpatient or SNF days in those 28 days"),
    r("N120", 20020809, None, None, "Home health partial episode payment adjustment"),
    r("N121", 20020909, None, None, "Part B does not pay this practitioner during a Part A SNF stay"),
    r("N122", 20020912, None, Some(D::Coding), "Add-on code billed without its primary code"),
    r("N123", 20020924, None, None, "Alert: split service; part of the original units"),
    r("N124", 20020926, None, Some(D::PatientResponsibility), "Need not shown; patient agreed in writing to pay"),
    r("N125", 20020926, None, Some(D::MedicalNecessity), "Need not shown; refund what the patient paid within 30 days"),
    r("N126", 20021017, None, Some(D::Eligibility), "Records show the person was deported; not covered"),
    r("N127", 20071031, None, Some(D::CoordinationOfBenefits), "Misdirected United Mine Workers claim; send it to them"),
    r("N128", 20021031, None, Some(D::Eligibility), "Portion of the allowance before coverage began"),
    r("N129", 20021031, None, Some(D::Eligibility), "Patient's age makes them ineligible"),
    r("N130", 20021031, None, None, "See the plan's benefit documents for limits and exclusions"),
    r("N131", 20021031, None, None, "Payment under several contracts cannot exceed the allowance"),
    r("N132", 20021031, None, None, "Alert: payments to this debarred or excluded provider will stop"),
    r("N133", 20021031, None, None, "Alert: predetermination and payment requests processed separately"),
    r("N134", 20021031, None, None, "Alert: this is your scheduled payment; call if treatment stopped"),
    r("N135", 20021031, None, Some(D::PatientResponsibility), "Record fees are the patient's, limited to the copay"),
    r("N136", 20021031, None, None, "Alert: where to get Arizona appeal information"),
    r("N137", 20021031, None, None, "Alert: provider may appeal or complain to the state regulator for the member"),
    r("N138", 20021031, None, None, "Alert: send radiographs for a second dental advisor review"),
    r("N139", 20021031, None, None, "Alert: non-participating provider may appeal only as appointed representative"),
    r("N140", 20021031, None, None, "Alert: not an authorized overseas provider; appeal only as representative"),
    r("N141", 20021031, None, Some(D::Eligibility), "Patient not in long-term care for all billed dates"),
    r("N142", 20021031, None, None, "Original claim denied: send a new claim, not a replacement"),
    r("N143", 20021031, None, Some(D::Eligibility), "Patient not in hospice for all billed dates"),
    r("N144", 20021031, None, None, "A new rate took effect within the billed dates"),
    r("N145", 20021031, Some(20050602), None, "Place-of-service provider identifier missing or invalid"),
    r("N146", 20021031, None, None, "Screening document missing"),
    r("N147", 20021031, None, None, "Long-term care rate unknown: patient ID missing on the assignment request"),
    r("N148", 20021031, None, None, "Last menstrual period date missing or invalid"),
    r("N149", 20021031, None, None, "Combine all related services on one claim"),
    r("N150", 20021031, None, None, "Model number missing or invalid"),
    r("N151", 20021031, None, None, "Phone contacts not paid until the face-to-face requirement is met"),
    r("N152", 20021031, None, None, "Replacement claim information missing or invalid"),
    r("N153", 20021031, None, None, "Room and board rate missing or invalid"),
    r("N154", 20021031, None, None, "Alert: payment delayed to fix the provider's mailing address"),
    r("N155", 20021031, None, Some(D::CoordinationOfBenefits), "Alert: no other insurance on file; send it if there is any"),
    r("N156", 20021031, None, Some(D::PatientResponsibility), "Alert: patient owes the difference for the elective treatment"),
    r("N157", 20030228, None, None, "No coverage for trips to or from this place"),
    r("N158", 20030228, None, None, "Only ambulance transport is covered"),
    r("N159", 20030228, None, None, "No mileage paid without the patient aboard"),
    r("N160", 20030228, None, None, "Payment waits for the patient's choice of option"),
    r("N161", 20030228, None, None, "Depends on the linked service being covered"),
    r("N162", 20030228, None, None, "Alert: paid, but the test is outside your lab certification; fix it"),
    r("N163", 20030228, None, Some(D::Coding), "Record does not meet the billed code's definition"),
    r("N164", 20030228, Some(20040131), None, "Trips to or from this place not covered (old code)"),
    r("N165", 20030228, Some(20040131), None, "Only ambulance transport covered (old code)"),
    r("N166", 20030228, Some(20040131), None, "No mileage without the patient aboard (old code)"),
    r("N167", 20030228, None, None, "Over the post-transplant coverage limit"),
    r("N168", 20030228, Some(20040131), None, "Patient must pick an option first (old code)"),
    r("N169", 20030228, Some(20040131), None, "Paid only if the associated service is covered (old code)"),
    r("N170", 20030228, None, None, "Send a new or updated certificate of medical necessity"),
    r("N171", 20030228, None, None, "Repair or replacement not covered or over the purchase price"),
    r("N172", 20030228, None, None, "Patient not liable for denied charges for an upgraded item"),
    r("N173", 20030228, None, None, "Qualifying hospital stay dates for the episode not given"),
    r("N174", 20030228, None, Some(D::PatientResponsibility), "Not covered; the patient owes only the PR amounts"),
    r("N175", 20030228, None, None, "Review organization approval missing"),
    r("N176", 20030228, None, None, "Ship services covered only on US-registered ships in US waters"),
    r("N177", 20030228, None, Some(D::CoordinationOfBenefits), "Alert: not sent to the other insurer; it said it would not pay more"),
    r("N178", 20030228, None, None, "Pre-operative images or visual field results missing"),
    r("N179", 20030228, None, None, "Information asked from the member; reconsidered when received"),
    r("N180", 20030228, None, Some(D::Coding), "Does not meet the criteria of the category billed"),
    r("N181", 20030228, None, None, "More information needed from another provider in this service"),
    r("N182", 20030228, None, None, "Bill according to this plan's schedule"),
    r("N183", 20030228, None, None, "Alert: predetermination; documents will be needed when billed"),
    r("N184", 20030228, None, None, "Split the technical and professional parts and rebill"),
    r("N185", 20030228, None, None, "Alert: do not resubmit this claim or service"),
    r("N186", 20030228, None, None, "Non-availability statement needed; contact the military treatment facility"),
    r("N187", 20030228, None, None, "Alert: you may ask for a written review within the time limits"),
    r("N188", 20030228, None, Some(D::Coding), "Procedure code differs from the approved level of care"),
    r("N189", 20030228, None, None, "Alert: paid once as an exception to plan limits"),
    r("N190", 20030228, None, None, "Contract indicator missing"),
    r("N191", 20030228, None, None, "Provider should update the patient's insurance details with the payer"),
    r("N192", 20030228, None, None, "Alert: patient is a Medicaid or Qualified Medicare Beneficiary"),
    r("N193", 20030228, None, Some(D::CoordinationOfBenefits), "Alert: another program may pay through another payer"),
    r("N194", 20030225, None, None, "No technical payment unless the provider owns the equipment"),
    r("N195", 20030225, None, None, "Technical part goes on its own line"),
    r("N196", 20030225, None, Some(D::CoordinationOfBenefits), "Alert: patient may apply for other coverage that could be primary"),
    r("N197", 20030225, None, Some(D::Eligibility), "Subscriber should update their insurance details with the payer"),
    r("N198", 20030225, None, None, "Rendering provider is not affiliated with the pay-to provider"),
    r("N199", 20030225, None, None, "Extra payment or recoupment after a payer audit"),
    r("N200", 20030225, None, None, "Professional part goes on its own line"),
    r("N201", 20030225, Some(20110101), None, "Mental health facility pays outside providers for its residents"),
    r("N202", 20030630, None, None, "Alert: more information will be sent separately"),
    r("N203", 20030630, None, None, "Anesthesia time or units missing or invalid"),
    r("N204", 20030630, None, None, "Possible pre-existing condition: send 12 months of records"),
    r("N205", 20030630, None, None, "Could not read the information sent"),
    r("N206", 20030630, None, None, "Supporting documents do not match the claim"),
    r("N207", 20030630, None, None, "Weight missing or invalid"),
    r("N208", 20030630, None, Some(D::Coding), "DRG code missing or invalid"),
    r("N209", 20030630, None, None, "Taxpayer ID (TIN) missing or invalid"),
    r("N210", 20030630, None, None, "Alert: this decision can be appealed"),
    r("N211", 20030630, None, None, "Alert: this decision cannot be appealed"),
    r("N212", 20040201, None, None, "Paid under the point-of-service benefit"),
    r("N213", 20040401, None, None, "Facility or unit DRG or exempt status information missing"),
    r("N214", 20040401, None, None, "History of the related earlier surgery missing or invalid"),
    r("N215", 20040401, None, Some(D::CoordinationOfBenefits), "Alert: supplemental payer may not require the primary's decision first"),
    r("N216", 20040401, None, Some(D::Eligibility), "Service not offered, or patient not enrolled in this benefit"),
    r("N217", 20040801, None, None, "One site of service per provider per claim"),
    r("N218", 20040801, None, None, "Item must be serviced while needed; maintenance paid per contract"),
    r("N219", 20040801, None, Some(D::CoordinationOfBenefits), "Priced at the previous payer's allowed amount"),
    r("N220", 20040801, None, None, "Alert: see the payer's site for provider dispute forms"),
    r("N221", 20040801, None, None, "Admitting history and physical missing"),
    r("N222", 20040801, None, None, "Admitting history and physical incomplete or invalid"),
    r("N223", 20040801, None, None, "Proof of benefit during the initial treatment period missing"),
    r("N224", 20040801, None, None, "Proof of benefit during the initial treatment period incomplete"),
    r("N225", 20040801, Some(20160301), None, "Documentation incomplete or invalid (old code)"),
    r("N226", 20040801, None, None, "Diabetes association recognition certificate incomplete or invalid"),
    r("N227", 20040801, None, None, "Certificate of medical necessity incomplete or invalid"),
    r("N228", 20040801, None, None, "Consent form incomplete or invalid"),
    r("N229", 20040801, None, None, "Contract indicator incomplete or invalid"),
    r("N230", 20040801, None, None, "Statement on who owns the equipment incomplete or invalid"),
    r("N231", 20040801, None, None, "Lens invoice or lens type statement incomplete or invalid"),
    r("N232", 20040801, None, None, "Itemized bill incomplete or invalid"),
    r("N233", 20040801, None, None, "Operative note incomplete or invalid"),
    r("N234", 20040801, None, None, "Oxygen certification incomplete or invalid"),
    r("N235", 20040801, None, None, "Pacemaker registration form incomplete or invalid"),
    r("N236", 20040801, None, None, "Pathology report incomplete or invalid"),
    r("N237", 20040801, None, None, "Patient's medical record for the service incomplete or invalid"),
    r("N238", 20040801, None, None, "Physician-certified plan of care incomplete or invalid"),
    r("N239", 20040801, None, None, "Physician financial relationship form incomplete or invalid"),
    r("N240", 20040801, None, None, "Radiology report incomplete or invalid"),
    r("N241", 20040801, None, None, "Review organization approval incomplete or invalid"),
    r("N242", 20040801, None, None, "Radiology films or images incomplete or invalid"),
    r("N243", 20040801, None, None, "Screening document incomplete, invalid or not approved"),
    r("N244", 20040801, None, None, "Pre-operative images or visual field results incomplete"),
    r("N245", 20040801, None, Some(D::CoordinationOfBenefits), "Other insurance plan information incomplete or invalid"),
    r("N246", 20041202, None, Some(D::PatientResponsibility), "State limits on what the patient pays apply"),
    r("N247", 20041202, None, None, "Assistant surgeon taxonomy missing or invalid"),
    r("N248", 20041202, None, None, "Assistant surgeon name missing or invalid"),
    r("N249", 20041202, None, None, "Assistant surgeon primary ID missing or invalid"),
    r("N250", 20041202, None, None, "Assistant surgeon secondary ID missing or invalid"),
    r("N251", 20041202, None, None, "Attending provider taxonomy missing or invalid"),
    r("N252", 20041202, None, None, "Attending provider name missing or invalid"),
    r("N253", 20041202, None, None, "Attending provider primary ID missing or invalid"),
    r("N254", 20041202, None, None, "Attending provider secondary ID missing or invalid"),
    r("N255", 20041202, None, None, "Billing provider taxonomy missing or invalid"),
    r("N256", 20041202, None, None, "Billing provider name missing or invalid"),
    r("N257", 20041202, None, None, "Billing provider primary ID missing or invalid"),
    r("N258", 20041202, None, None, "Billing provider address missing or invalid"),
    r("N259", 20041202, None, None, "Billing provider secondary ID missing or invalid"),
    r("N260", 20041202, None, None, "Billing provider contact details missing or invalid"),
    r("N261", 20041202, None, None, "Operating provider name missing or invalid"),
    r("N262", 20041202, None, None, "Operating provider primary ID missing or invalid"),
    r("N263", 20041202, None, None, "Operating provider secondary ID missing or invalid"),
    r("N264", 20041202, None, None, "Ordering provider name missing or invalid"),
    r("N265", 20041202, None, None, "Ordering provider primary ID missing or invalid"),
    r("N266", 20041202, None, None, "Ordering provider address missing or invalid"),
    r("N267", 20041202, None, None, "Ordering provider secondary ID missing or invalid"),
    r("N268", 20041202, None, None, "Ordering provider contact details missing or invalid"),
    r("N269", 20041202, None, None, "Other provider name missing or invalid"),
    r("N270", 20041202, None, None, "Other provider primary ID missing or invalid"),
    r("N271", 20041202, None, None, "Other provider secondary ID missing or invalid"),
    r("N272", 20041202, None, None, "Other payer's attending provider ID missing or invalid"),
    r("N273", 20041202, None, None, "Other payer's operating provider ID missing or invalid"),
    r("N274", 20041202, None, None, "Other payer's other-provider ID missing or invalid"),
    r("N275", 20041202, None, None, "Other payer's purchased service provider ID missing or invalid"),
    r("N276", 20041202, None, None, "Other payer's referring provider ID missing or invalid"),
    r("N277", 20041202, None, None, "Other payer's rendering provider ID missing or invalid"),
    r("N278", 20041202, None, None, "Other payer's service facility ID missing or invalid"),
    r("N279", 20041202, None, None, "Pay-to provider name missing or invalid"),
    r("N280", 20041202, None, None, "Pay-to provider primary ID missing or invalid"),
    r("N281", 20041202, None, None, "Pay-to provider address missing or invalid"),
    r("N282", 20041202, None, None, "Pay-to provider secondary ID missing or invalid"),
    r("N283", 20041202, None, None, "Purchased service provider ID missing or invalid"),
    r("N284", 20041202, None, None, "Referring provider taxonomy missing or invalid"),
    r("N285", 20041202, None, None, "Referring provider name missing or invalid"),
    r("N286", 20041202, None, None, "Referring provider primary ID missing or invalid"),
    r("N287", 20041202, None, None, "Referring provider secondary ID missing or invalid"),
    r("N288", 20041202, None, None, "Rendering provider taxonomy missing or invalid"),
    r("N289", 20041202, None, None, "Rendering provider name missing or invalid"),
    r("N290", 20041202, None, None, "Rendering provider primary ID missing or invalid"),
    r("N291", 20041202, None, None, "Rendering provider secondary ID missing or invalid"),
    r("N292", 20041202, None, None, "Service facility name missing or invalid"),
    r("N293", 20041202, None, None, "Service facility primary ID missing or invalid"),
    r("N294", 20041202, None, None, "Service facility address missing or invalid"),
    r("N295", 20041202, None, None, "Service facility secondary ID missing or invalid"),
    r("N296", 20041202, None, None, "Supervising provider name missing or invalid"),
    r("N297", 20041202, None, None, "Supervising provider primary ID missing or invalid"),
    r("N298", 20041202, None, None, "Supervising provider secondary ID missing or invalid"),
    r("N299", 20041202, None, None, "Occurrence date missing or invalid"),
    r("N300", 20041202, None, None, "Occurrence span dates missing or invalid"),
    r("N301", 20041202, None, None, "Procedure date missing or invalid"),
    r("N302", 20041202, None, None, "Other procedure date missing or invalid"),
    r("N303", 20041202, None, None, "Principal procedure date missing or invalid"),
    r("N304", 20041202, None, None, "Dispensed date missing or invalid"),
    r("N305", 20041202, None, None, "Injury or accident date missing or invalid"),
    r("N306", 20041202, None, None, "Acute manifestation date missing or invalid"),
    r("N307", 20041202, None, None, "Adjudication or payment date missing or invalid"),
    r("N308", 20041202, None, None, "Appliance placement date missing or invalid"),
    r("N309", 20041202, None, None, "Assessment date missing or invalid"),
    r("N310", 20041202, None, None, "Assumed or relinquished care date missing or invalid"),
    r("N311", 20041202, None, None, "Return-to-work date missing or invalid"),
    r("N312", 20041202, None, None, "Therapy start date missing or invalid"),
    r("N313", 20041202, None, None, "Certification revision date missing or invalid"),
    r("N314", 20041202, None, None, "Diagnosis date missing or invalid"),
    r("N315", 20041202, None, None, "Disability start date missing or invalid"),
    r("N316", 20041202, None, None, "Disability end date missing or invalid"),
    r("N317", 20041202, None, None, "Discharge hour missing or invalid"),
    r("N318", 20041202, None, None, "Discharge or end-of-care date missing or invalid"),
    r("N319", 20041202, None, None, "Hearing or vision prescription date missing or invalid"),
    r("N320", 20041202, None, None, "Home health certification period missing or invalid"),
    r("N321", 20041202, None, None, "Last admission period missing or invalid"),
    r("N322", 20041202, None, None, "Last certification date missing or invalid"),
    r("N323", 20041202, None, None, "Last contact date missing or invalid"),
    r("N324", 20041202, None, None, "Last seen or visit date missing or invalid"),
    r("N325", 20041202, None, None, "Last worked date missing or invalid"),
    r("N326", 20041202, None, None, "Last x-ray date missing or invalid"),
    r("N327", 20041202, None, None, "Other insured's birth date missing or invalid"),
    r("N328", 20041202, None, None, "Oxygen saturation test date missing or invalid"),
    r("N329", 20041202, None, None, "Patient birth date missing or invalid"),
    r("N330", 20041202, None, None, "Patient death date missing or invalid"),
    r("N331", 20041202, None, None, "Physician order date missing or invalid"),
    r("N332", 20041202, None, None, "Prior hospital discharge date missing or invalid"),
    r("N333", 20041202, None, None, "Prior placement date missing or invalid"),
    r("N334", 20041202, None, None, "Re-evaluation date missing or invalid"),
    r("N335", 20041202, None, None, "Referral date missing or invalid"),
    r("N336", 20041202, None, None, "Replacement date missing or invalid"),
    r("N337", 20041202, None, None, "Secondary diagnosis date missing or invalid"),
    r("N338", 20041202, None, None, "Shipped date missing or invalid"),
    r("N339", 20041202, None, None, "Similar illness or symptom date missing or invalid"),
    r("N340", 20041202, None, None, "Subscriber birth date missing or invalid"),
    r("N341", 20041202, None, None, "Surgery date missing or invalid"),
    r("N342", 20041202, None, None, "Test date missing or invalid"),
    r("N343", 20041202, None, None, "TENS trial start date missing or invalid"),
    r("N344", 20041202, None, None, "TENS trial end date missing or invalid"),
    r("N345", 20050330, None, Some(D::Coding), "Date range does not fit the units billed"),
    r("N346", 20050330, None, None, "Oral cavity designation code missing or invalid"),
    r("N347", 20050330, None, Some(D::Duplicate), "Referred or purchased service already paid to another provider"),
    r("N348", 20050801, None, None, "You chose to have another practitioner supply and bill this"),
    r("N349", 20050801, None, None, "Report the drug and how it was given"),
    r("N350", 20050801, None, None, "Description of the unlisted (NOC) service missing or invalid"),
    r("N351", 20050801, None, Some(D::Authorization), "Service date outside the approved treatment plan dates"),
    r("N352", 20050801, None, None, "Alert: no scheduled payments; submit a claim per visit"),
    r("N353", 20050801, None, None, "Alert: benefits estimated; more may be paid when billed"),
    r("N354", 20050801, None, None, "Invoice incomplete or invalid"),
    r("N355", 20050801, None, None, "Alert: when a refund is not required, and the appeal deadlines"),
    r("N356", 20050801, None, None, "Not covered with or after a non-covered service"),
    r("N357", 20051118, None, None, "Required time between related services not met"),
    r("N358", 20051118, None, None, "Alert: may be reviewed if more documents are sent"),
    r("N359", 20051118, None, None, "Height missing or invalid"),
    r("N360", 20051118, None, Some(D::CoordinationOfBenefits), "Alert: COB not counted in this estimate; send primary payment data"),
    r("N361", 20051118, Some(20071001), None, "Reduced under multiple diagnostic imaging rules"),
    r("N362", 20051118, None, None, "Days or units exceed our maximum"),
    r("N363", 20051118, None, None, "Alert: new policies coming that would affect this decision"),
    r("N364", 20051118, None, Some(D::Contractual), "Alert: under our agreement you must waive deductible or coinsurance"),
    r("N365", 20060401, Some(20140701), None, "Reporting-only procedure code, not payable (old code)"),
    r("N366", 20060401, None, None, "Information not sent; claim reopened if sent within one year"),
    r("N367", 20060401, None, None, "Alert: forwarded to a consumer spending account processor"),
    r("N368", 20060401, None, None, "Appeal the earlier decided claim instead"),
    r("N369", 20060401, None, None, "Alert: processed, but deficient under state law"),
    r("N370", 20060801, None, None, "Billed beyond the approved rental months"),
    r("N371", 20060801, None, None, "Alert: equipment title must pass to the patient"),
    r("N372", 20060801, None, None, "Maintenance paid only if reasonable and necessary"),
    r("N373", 20061201, None, Some(D::CoordinationOfBenefits), "Another payer wrongly paid as primary; we are refunding it"),
    r("N374", 20061201, None, Some(D::CoordinationOfBenefits), "Part A benefits exhausted; a Part B remittance is required"),
    r("N375", 20061201, None, Some(D::Eligibility), "Dependent eligibility questionnaire missing or invalid"),
    r("N376", 20061201, None, Some(D::CoordinationOfBenefits), "Patient on active military duty; TRICARE may be primary"),
    r("N377", 20061201, None, None, "This payment follows the replacement claim"),
    r("N378", 20061201, None, None, "Prescription quantity missing or invalid"),
    r("N379", 20061201, None, None, "Claim totals and line details disagree"),
    r("N380", 20070401, None, None, "Already processed: send a corrected (replacement) claim"),
    r("N381", 20070401, None, Some(D::Contractual), "Alert: see our contract for limits on these charges"),
    r("N382", 20070401, None, Some(D::Eligibility), "Patient identifier missing or invalid"),
    r("N383", 20070401, None, None, "Cosmetic: not covered"),
    r("N384", 20070401, None, None, "Body part or tooth was already removed"),
    r("N385", 20070401, None, Some(D::Authorization), "Admission notice not given on time"),
    r("N386", 20070401, None, Some(D::MedicalNecessity), "Decided under a National Coverage Determination (NCD)"),
    r("N387", 20070401, None, Some(D::CoordinationOfBenefits), "Alert: send to the other insurer yourself; we did not forward it"),
    r("N388", 20070801, None, None, "Prescription number missing or invalid"),
    r("N389", 20070801, None, Some(D::Duplicate), "Prescription number already submitted"),
    r("N390", 20070801, None, Some(D::Bundling), "This service or report is not billed separately"),
    r("N391", 20070801, None, None, "Emergency department records missing"),
    r("N392", 20070801, None, None, "Emergency department records incomplete or invalid"),
    r("N393", 20070801, None, None, "Progress notes missing"),
    r("N394", 20070801, None, None, "Progress notes incomplete or invalid"),
    r("N395", 20070801, None, None, "Laboratory report missing"),
    r("N396", 20070801, None, None, "Laboratory report incomplete or invalid"),
    r("N397", 20070801, None, None, "No benefit for unfinished services or undelivered items"),
    r("N398", 20070801, None, None, "Elective consent form missing"),
    r("N399", 20070801, None, None, "Elective consent form incomplete or invalid"),
    r("N400", 20070801, None, None, "Alert: providers able to bill electronically should do so"),
    r("N401", 20070801, None, None, "Periodontal charting missing"),
    r("N402", 20070801, None, None, "Periodontal charting incomplete or invalid"),
    r("N403", 20070801, None, None, "Facility certification missing"),
    r("N404", 20070801, None, None, "Facility certification incomplete or invalid"),
    r("N405", 20070801, None, Some(D::CoordinationOfBenefits), "Covered only if the donor's insurer does not cover it"),
    r("N406", 20070801, None, Some(D::CoordinationOfBenefits), "Covered only if the recipient's insurer does not cover it"),
    r("N407", 20070801, None, None, "You may not send claims in this format"),
    r("N408", 20070801, None, Some(D::CoordinationOfBenefits), "Prior payer's deductible not covered here"),
    r("N409", 20070801, None, None, "Accident care covered only within a set time of the accident"),
    r("N410", 20070801, None, None, "Covered only after a prescription change"),
    r("N411", 20070801, None, None, "Allowed once in 6 months"),
    r("N412", 20070801, None, None, "Allowed twice in 12 months"),
    r("N413", 20070801, None, None, "Allowed twice per benefit year"),
    r("N414", 20070801, None, None, "Allowed four times in 12 months"),
    r("N415", 20070801, None, None, "Allowed once in 18 months"),
    r("N416", 20070801, None, None, "Allowed once in 3 years"),
    r("N417", 20070801, None, None, "Allowed once in 5 years"),
    r("N418", 20070801, None, None, "Sent to the wrong place; see the submission instructions"),
    r("N419", 20070801, None, None, "Paid after a retroactive rate change"),
    r("N420", 20070801, None, Some(D::CoordinationOfBenefits), "Paid after a retroactive COB or third-party recovery"),
    r("N421", 20070801, None, None, "Paid after a retroactive review organization decision"),
    r("N422", 20070801, None, None, "Paid after a retroactive contract incentive adjustment"),
    r("N423", 20070801, None, None, "Paid after a retroactive non-standard program adjustment"),
    r("N424", 20070801, None, Some(D::Eligibility), "Patient lives outside the required area"),
    r("N425", 20070801, None, None, "Excluded by statute"),
    r("N426", 20070801, None, None, "Self-administered: not covered"),
    r("N427", 20070801, None, None, "Glasses or contacts paid only after cataract surgery"),
    r("N428", 20070801, None, None, "This place of service is not covered for it"),
    r("N429", 20070801, None, None, "Routine care: not covered"),
    r("N430", 20071105, None, Some(D::Coding), "Procedure code does not fit the units billed"),
    r("N431", 20071105, None, Some(D::Bundling), "Not covered alongside this procedure"),
    r("N432", 20071105, None, None, "Alert: adjusted after a Recovery Audit"),
    r("N433", 20080229, None, None, "Resubmit with your NPI only"),
    r("N434", 20080701, None, Some(D::Coding), "Present-on-admission indicator missing or invalid"),
    r("N435", 20080701, None, Some(D::MedicalNecessity), "Over the allowed number or frequency without support"),
    r("N436", 20080701, None, None, "Injury claim not accepted; mandatory medical payment made"),
    r("N437", 20080701, None, None, "Alert: charges reconsidered if the injury claim is accepted"),
    r("N438", 20080701, None, None, "Send paper claims: this jurisdiction takes no others"),
    r("N439", 20080701, None, None, "Anesthesia physical status report missing"),
    r("N440", 20080701, None, None, "Anesthesia physical status report incomplete or invalid"),
    r("N441", 20080701, None, None, "No coverage for a missed or cancelled visit"),
    r("N442", 20080701, None, Some(D::Contractual), "Priced on another fee schedule"),
    r("N443", 20080701, None, None, "Total time or begin and end time missing or invalid"),
    r("N444", 20080701, None, None, "Alert: facility has not filed the high-cost outlier election with comp"),
    r("N445", 20080701, None, None, "Proof of actual cost or paid amount missing"),
    r("N446", 20080701, None, None, "Proof of actual cost or paid amount incomplete or invalid"),
    r("N447", 20080701, None, None, "Paid as the generic because documentation was not sent"),
    r("N448", 20080701, None, Some(D::Contractual), "Not in the fee schedule or the contract"),
    r("N449", 20080701, None, None, "Priced as a comparable drug, service or supply"),
    r("N450", 20080701, None, None, "Covered only if the primary treating physician or designee does it"),
    r("N451", 20080701, None, None, "Admission summary report missing"),
    r("N452", 20080701, None, None, "Admission summary report incomplete or invalid"),
    r("N453", 20080701, None, None, "Consultation report missing"),
    r("N454", 20080701, None, None, "Consultation report incomplete or invalid"),
    r("N455", 20080701, None, None, "Physician order missing"),
    r("N456", 20080701, None, None, "Physician order incomplete or invalid"),
    r("N457", 20080701, None, None, "Diagnostic report missing"),
    r("N458", 20080701, None, None, "Diagnostic report incomplete or invalid"),
    r("N459", 20080701, None, None, "Discharge summary missing"),
    r("N460", 20080701, None, None, "Discharge summary incomplete or invalid"),
    r("N461", 20080701, None, None, "Nursing notes missing"),
    r("N462", 20080701, None, None, "Nursing notes incomplete or invalid"),
    r("N463", 20080701, None, None, "Supporting data for the claim missing"),
    r("N464", 20080701, None, None, "Supporting data for the claim incomplete or invalid"),
    r("N465", 20080701, None, None, "Physical therapy notes missing"),
    r("N466", 20080701, None, None, "Physical therapy notes incomplete or invalid"),
    r("N467", 20080701, None, None, "Tests and analysis report missing"),
    r("N468", 20080701, None, None, "Tests and analysis report incomplete or invalid"),
    r("N469", 20080701, None, None, "Alert: appeal process under section 935 of the MMA applies"),
    r("N470", 20080701, None, None, "This payment completes the mandatory medical reimbursement limit"),
    r("N471", 20080701, None, Some(D::Coding), "HIPPS rate code missing or invalid"),
    r("N472", 20080701, None, Some(D::Duplicate), "Another provider was already paid for this service"),
    r("N473", 20080701, None, None, "Certification missing"),
    r("N474", 20080701, None, None, "Certification incomplete or invalid"),
    r("N475", 20080701, None, Some(D::Authorization), "Completed referral form missing"),
    r("N476", 20080701, None, Some(D::Authorization), "Completed referral form incomplete or invalid"),
    r("N477", 20080701, None, None, "Dental models missing"),
    r("N478", 20080701, None, None, "Dental models incomplete or invalid"),
    r("N479", 20080701, None, Some(D::CoordinationOfBenefits), "Other payer's EOB (COB or MSP) missing"),
    r("N480", 20080701, None, Some(D::CoordinationOfBenefits), "Other payer's EOB (COB or MSP) incomplete or invalid"),
    r("N481", 20080701, None, None, "Models missing"),
    r("N482", 20080701, None, None, "Models incomplete or invalid"),
    r("N483", 20080701, Some(20150501), None, "Periodontal charts missing (old code)"),
    r("N484", 20080701, Some(20150501), None, "Periodontal charts incomplete or invalid (old code)"),
    r("N485", 20080701, None, None, "Physical therapy certification missing"),
    r("N486", 20080701, None, None, "Physical therapy certification incomplete or invalid"),
    r("N487", 20080701, None, None, "Prosthetics or orthotics certification missing"),
    r("N488", 20080701, None, None, "Prosthetics or orthotics certification incomplete or invalid"),
    r("N489", 20080701, None, Some(D::Authorization), "Referral form missing"),
    r("N490", 20080701, None, Some(D::Authorization), "Referral form incomplete or invalid"),
    r("N491", 20080701, None, None, "Exclusionary rider condition missing or invalid"),
    r("N492", 20080701, None, Some(D::PatientResponsibility), "Alert: member may be billed if they agreed in writing beforehand"),
    r("N493", 20080701, None, None, "Doctor's first report of injury missing"),
    r("N494", 20080701, None, None, "Doctor's first report of injury incomplete or invalid"),
    r("N495", 20080701, None, None, "Supplemental medical report missing"),
    r("N496", 20080701, None, None, "Supplemental medical report incomplete or invalid"),
    r("N497", 20080701, None, None, "Permanent impairment or disability report missing"),
    r("N498", 20080701, None, None, "Permanent impairment or disability report incomplete or invalid"),
    r("N499", 20080701, None, None, "Medical-legal report missing"),
    r("N500", 20080701, None, None, "Medical-legal report incomplete or invalid"),
    r("N501", 20080701, None, None, "Vocational report missing"),
    r("N502", 20080701, None, None, "Vocational report incomplete or invalid"),
    r("N503", 20080701, None, None, "Work status report missing"),
    r("N504", 20080701, None, None, "Work status report incomplete or invalid"),
    r("N505", 20081101, None, None, "Alert: real-time estimate covers only some services"),
    r("N506", 20081101, None, None, "Alert: estimate of member liability, not a guarantee"),
    r("N507", 20081101, None, None, "Outside the plan's distance limits"),
    r("N508", 20081101, None, None, "Alert: real-time response shows the member's share"),
    r("N509", 20081101, None, None, "Alert: spending account has enough for the member's share"),
    r("N510", 20081101, None, None, "Alert: spending account may lack enough for the member's share"),
    r("N511", 20081101, None, None, "Alert: spending account balance unknown right now"),
    r("N512", 20081101, None, None, "Alert: first remit of a real-time claim, adjudication unchanged"),
    r("N513", 20081101, None, None, "Alert: first remit of a real-time claim, adjudication changed"),
    r("N514", 20081101, Some(20110101), None, "See the plan documents for restrictions (old code)"),
    r("N515", 20081101, Some(20091001), Some(D::CoordinationOfBenefits), "Submit to the other insurer for supplemental benefits (old code)"),
    r("N516", 20090301, None, None, "NPI and EIN do not match"),
    r("N517", 20090301, None, None, "New claim needed, with the information asked for"),
    r("N518", 20090301, None, Some(D::Bundling), "Oxygen accessories not paid separately"),
    r("N519", 20090701, None, Some(D::Coding), "HCPCS modifiers do not go together"),
    r("N520", 20090701, None, None, "Alert: paid from a consumer spending account"),
    r("N521", 20091101, None, None, "Provider data differs from our records"),
    r("N522", 20091101, None, Some(D::Duplicate), "Duplicate of a crossover claim"),
    r("N523", 20100301, None, None, "Outlier payment limit reached; outlier not paid"),
    r("N524", 20100301, None, Some(D::Contractual), "By policy, this payment is payment in full"),
    r("N525", 20100301, None, Some(D::Bundling), "Not covered within another service's global period"),
    r("N526", 20100301, None, None, "Not qualified for recovery: employer size"),
    r("N527", 20100301, None, Some(D::CoordinationOfBenefits), "Paid as primary before the recovery demand arrived"),
    r("N528", 20100301, None, Some(D::Eligibility), "Patient has institutional benefits only"),
    r("N529", 20100301, None, Some(D::Eligibility), "Patient has professional benefits only"),
    r("N530", 20100301, None, None, "Not qualified for recovery: enrollment information"),
    r("N531", 20100301, None, None, "Not qualified for recovery: premium paid directly"),
    r("N532", 20100301, None, None, "Not qualified for recovery: disability and work status"),
    r("N533", 20100701, None, None, "Indian Health Service facility under a self-insured tribal plan"),
    r("N534", 20100701, None, None, "Individual policy; the employer does not sponsor the plan"),
    r("N535", 20100701, None, None, "Adjusted for the place of service with this procedure"),
    r("N536", 20100701, None, Some(D::PatientResponsibility), "Not covered by us; the prior payer's patient share may be collected"),
    r("N537", 20100701, None, None, "No record of these services in claims history"),
    r("N538", 20100701, None, None, "The facility must pay outside providers for its patients"),
    r("N539", 20100701, None, None, "Alert: the appeal or waiver request filed for you was denied"),
    r("N540", 20101101, None, None, "Interrupted stay policy applied"),
    r("N541", 20101101, None, None, "Insurance type code differs from our records"),
    r("N542", 20110308, None, None, "Income verification missing"),
    r("N543", 20110308, None, None, "Income verification incomplete or invalid"),
    r("N544", 20110701, None, None, "Alert: paid, but the referring or ordering provider differs from our records"),
    r("N545", 20110701, None, None, "Reduced: unsuccessful e-prescriber (eRx program)"),
    r("N546", 20110701, None, None, "Returns an earlier eRx program reduction"),
    r("N547", 20120306, None, None, "A refund request (frequency 8) was already processed"),
    r("N548", 20120306, None, Some(D::PatientResponsibility), "Alert: patient's calendar-year deductible is met"),
    r("N549", 20120306, None, Some(D::PatientResponsibility), "Alert: patient's calendar-year out-of-pocket maximum is met"),
    r("N550", 20120306, None, None, "Alert: revalidate enrollment or payments will be held"),
    r("N551", 20120306, None, None, "Adjusted under the ASC Quality Reporting Program"),
    r("N552", 20120306, None, None, "Reverses an earlier withhold or bonus"),
    r("N553", 20120306, Some(20121101), None, "Adjusted for a retroactive low-income subsidy change"),
    r("N554", 20120701, None, None, "Family planning indicator missing or invalid"),
    r("N555", 20120701, None, None, "Medication list missing"),
    r("N556", 20120701, None, None, "Medication list incomplete or invalid"),
    r("N557", 20120701, None, None, "File with the plan where the specimen was collected"),
    r("N558", 20120701, None, None, "File with the plan where the equipment was received"),
    r("N559", 20120701, None, None, "File with the plan where the ordering physician is located"),
    r("N560", 20121101, None, None, "Pilot needs a claim within 60 days of the admission notice; none came"),
    r("N561", 20121101, None, None, "Bundled episode claim includes readmissions; resubmit for correct pay"),
    r("N562", 20121101, None, None, "Provider number differs from the bundled payment admission notice"),
    r("N563", 20121101, None, None, "Alert: no advance notice of non-coverage given; patient not liable"),
    r("N564", 20121101, None, Some(D::Eligibility), "Patient did not meet demonstration or pilot criteria"),
    r("N565", 20121101, None, Some(D::Coding), "Alert: this reporting code needs a modifier next time"),
    r("N566", 20121101, None, Some(D::Coding), "Alert: this code needs functional reporting codes and modifiers"),
    r("N567", 20130301, None, None, "Preventive care: not covered"),
    r("N568", 20130301, None, None, "Alert: initial payment on the admission notice (Bundled Payment Model 4)"),
    r("N569", 20130301, None, Some(D::MedicalNecessity), "Reported diagnosis does not support coverage"),
    r("N570", 20130301, None, None, "Credentialing data missing or invalid"),
    r("N571", 20130301, None, None, "Alert: another payer will pay quarterly"),
    r("N572", 20130301, None, Some(D::Coding), "Not payable without the required reporting codes and modifiers"),
    r("N573", 20130301, None, None, "Alert: you were overpaid; another payer will ask for the refund"),
    r("N574", 20130715, None, None, "Ordering or referring provider's type may not order or refer"),
    r("N575", 20130715, None, None, "Ordering or referring provider name differs from our records"),
    r("N576", 20130715, None, None, "Not related to the reported incident or loss"),
    r("N577", 20130715, None, None, "Paid under personal injury protection (PIP)"),
    r("N578", 20130715, None, None, "This loss falls outside the policy's coverages"),
    r("N579", 20130715, None, None, "Paid under auto medical payments coverage (MPC)"),
    r("N580", 20130715, None, None, "Decided under the insurance policy terms"),
    r("N581", 20130715, None, Some(D::Eligibility), "Coverage eligibility still being investigated"),
    r("N582", 20130715, None, None, "Benefits suspended until the patient cooperates"),
    r("N583", 20130715, None, Some(D::Eligibility), "Patient was not in the insured vehicle; not eligible"),
    r("N584", 20130715, None, None, "Not covered: the insured did not comply with policy or law"),
    r("N585", 20130715, None, None, "No more benefits after a final injury settlement"),
    r("N586", 20130715, None, Some(D::Eligibility), "Injured person is not entitled to benefits"),
    r("N587", 20130715, None, None, "Policy benefits are used up"),
    r("N588", 20130715, None, None, "Patient asked that medical bills not be paid"),
    r("N589", 20130715, None, None, "Excluded: injured while driving impaired"),
    r("N590", 20130715, None, Some(D::MedicalNecessity), "Independent medical exam on cause and need missing"),
    r("N591", 20130715, None, None, "Paid per an independent medical exam or utilization review"),
    r("N592", 20130715, None, None, "Not the first prescription, or more than the first fill allows"),
    r("N593", 20130715, None, None, "Not covered: patient missed a scheduled independent exam"),
    r("N594", 20130715, None, None, "Injured party did not file an application for benefits"),
    r("N595", 20130715, None, None, "Injured party did not sign an assignment of benefits"),
    r("N596", 20130715, None, None, "Injured party did not sign a medical authorization"),
    r("N597", 20130715, None, None, "Adjusted for apportionment between related and unrelated injuries"),
    r("N598", 20130715, None, Some(D::CoordinationOfBenefits), "The health plan, not this policy, pays first"),
    r("N599", 20130715, None, Some(D::Contractual), "Florida no-fault: paid a reasonable amount (200% of Medicare Part B)"),
    r("N600", 20130715, None, Some(D::Contractual), "Adjusted to the region's fee schedule"),
    r("N601", 20130715, None, Some(D::Contractual), "Hawaii motor vehicle law: paid per Medicare RBRVS for Hawaii"),
    r("N602", 20130715, None, Some(D::Contractual), "Capped at the Redbook maximum"),
    r("N603", 20130715, None, Some(D::Contractual), "New Jersey auto PIP fee schedule applied"),
    r("N604", 20130715, None, Some(D::Contractual), "New York no-fault fee per the workers' comp medical fee schedule"),
    r("N605", 20130715, None, Some(D::Contractual), "New York APR-DRG fee applied"),
    r("N606", 20130715, None, Some(D::Contractual), "Oregon workers' comp fee schedule applied"),
    r("N607", 20130715, None, None, "Condition treated is not compensable"),
    r("N608", 20130715, None, Some(D::Contractual), "Pennsylvania Act 6: 110% of the Medicare fee schedule"),
    r("N609", 20130715, None, Some(D::Contractual), "Pennsylvania Act 6: 80% of the billed amount recommended"),
    r("N610", 20130715, None, None, "Alert: paid for an appropriate level of care"),
    r("N611", 20130715, None, None, "Litigation pending: call the insurer for details"),
    r("N612", 20130715, None, None, "Provider not certified to treat injured workers here"),
    r("N613", 20130715, None, None, "Alert: paid, but the ordering provider must update enrollment"),
    r("N614", 20130715, None, None, "Alert: see the 835 healthcare policy segment for details"),
    r("N615", 20130715, None, Some(D::Eligibility), "Alert: premium tax credit enrollee in the 3-month grace period"),
    r("N616", 20130715, None, Some(D::Eligibility), "Alert: first month of the premium tax credit grace period"),
    r("N617", 20130715, None, Some(D::Eligibility), "Second or third month of the premium tax credit grace period"),
    r("N618", 20130715, None, Some(D::Eligibility), "Alert: reprocessed automatically if premiums are paid"),
    r("N619", 20130715, None, Some(D::Eligibility), "Coverage ended for unpaid premiums"),
    r("N620", 20130715, None, None, "Alert: code is for quality reporting only"),
    r("N621", 20130715, None, None, "Forms, reports or notes the jurisdiction requires are not payable"),
    r("N622", 20130715, None, None, "Not covered for this injury or accident date"),
    r("N623", 20130715, None, Some(D::MedicalNecessity), "Not covered when unproven, outdated, experimental or excessive"),
    r("N624", 20130715, None, None, "The related workers' comp claim was withdrawn"),
    r("N625", 20130715, None, None, "Workers' comp claim number missing or invalid"),
    r("N626", 20130715, None, Some(D::Bundling), "New or established E/M not payable with chiropractic codes"),
    r("N627", 20130715, Some(20140701), Some(D::Contractual), "Managed care contract does not pay this service"),
    r("N628", 20130715, None, Some(D::Bundling), "Follow-up visit on the day of a scheduled test or treatment disallowed"),
    r("N629", 20130715, None, None, "Reviews, notes or reports were not requested"),
    r("N630", 20130715, None, Some(D::Authorization), "Attending physician did not authorize this referral"),
    r("N631", 20130715, None, Some(D::Contractual), "Not on the fee schedule; a comparable service was allowed"),
    r("N632", 20130715, Some(20140701), None, "Zero relative value on the official schedule: no payment"),
    r("N633", 20130715, None, None, "No payment for added anesthesia time units"),
    r("N634", 20130715, None, None, "Allowance based on anesthesia time units"),
    r("N635", 20130715, None, None, "Allowance based on anesthesia base plus time units"),
    r("N636", 20130715, None, None, "Paid only once per injury"),
    r("N637", 20130715, None, None, "No consultations after the same provider began treatment"),
    r("N638", 20130715, None, Some(D::Contractual), "Paid per the home health fee schedule"),
    r("N639", 20130715, None, Some(D::Contractual), "Paid per the inpatient rehab facility fee schedule"),
    r("N640", 20130715, None, Some(D::MedicalNecessity), "Over the approved number or frequency for the period"),
    r("N641", 20130715, None, None, "Paid on the number of body areas rated"),
    r("N642", 20130715, None, Some(D::Bundling), "Adjusted: tests billed singly instead of as a panel"),
    r("N643", 20130715, None, None, "Not covered in the state fee schedule"),
    r("N644", 20130715, None, None, "Paid under the bilateral procedure rule"),
    r("N645", 20130715, None, None, "Allowance for mark-up on the item"),
    r("N646", 20130715, None, None, "Adjusted under the guidelines for assistants"),
    r("N647", 20130715, None, None, "Priced by the DRG"),
    r("N648", 20130715, None, None, "Stop-loss provision applied"),
    r("N649", 20130715, None, None, "Priced from the invoice"),
    r("N650", 20130715, None, Some(D::Eligibility), "Policy not in force on the date of loss"),
    r("N651", 20130715, None, Some(D::Eligibility), "No PIP or medical payments coverage at the time of loss"),
    r("N652", 20130715, None, None, "Service came before the date of loss"),
    r("N653", 20130715, None, None, "Injury date differs from the reported date of loss"),
    r("N654", 20130715, None, None, "Adjusted: maximum medical improvement reached"),
    r("N655", 20130715, None, None, "Paid per the provider's region"),
    r("N656", 20130715, None, None, "Interest paid because benefits were paid late under the statute"),
    r("N657", 20130715, None, Some(D::Coding), "Bill with the right code for these services"),
    r("N658", 20130715, None, None, "These are not medical expenses"),
    r("N659", 20130715, None, None, "No sales tax applies to this item"),
    r("N660", 20130715, None, None, "Sales tax included in the payment"),
    r("N661", 20130715, None, Some(D::MedicalNecessity), "Documentation does not show the services were necessary"),
    r("N662", 20130715, None, None, "Alert: payment considered when the final bill arrives"),
    r("N663", 20130715, None, None, "Set to an amount both sides agreed"),
    r("N664", 20130715, None, None, "Set by a legal settlement"),
    r("N665", 20130715, None, None, "Unlicensed provider: not paid"),
    r("N666", 20130715, None, None, "One E/M at this level per course of care"),
    r("N667", 20130715, None, None, "Prescription missing"),
    r("N668", 20130715, None, None, "Prescription incomplete or invalid"),
    r("N669", 20130715, None, Some(D::Contractual), "Priced at the Medicare fee schedule"),
    r("N670", 20130715, None, None, "Primary procedure under the Medicare MPPR rule"),
    r("N671", 20130715, None, None, "Paid on a jurisdiction cost-to-charge ratio"),
    r("N672", 20130715, None, None, "Alert: applied to the health insurance offset"),
    r("N673", 20130715, None, None, "Paid on an outpatient per diem, factor or fee schedule"),
    r("N674", 20130715, None, None, "Not covered without a prerequisite service"),
    r("N675", 20130715, None, None, "More information needed from the injured party"),
    r("N676", 20130715, None, None, "Not payable under the outpatient facility fee schedule"),
    r("N677", 20131101, None, None, "Alert: films or images will not be returned"),
    r("N678", 20131101, None, None, "Post-operative images or visual field results missing"),
    r("N679", 20131101, None, None, "Post-operative images or visual field results incomplete"),
    r("N680", 20131101, None, None, "Date of earlier dental extractions missing or invalid"),
    r("N681", 20131101, None, None, "Full arch series missing or invalid"),
    r("N682", 20131101, None, None, "Prior periodontal therapy history missing or invalid"),
    r("N683", 20131101, None, None, "Prior treatment documentation missing or invalid"),
    r("N684", 20131101, None, None, "Specialty claim was sent as a general claim"),
    r("N685", 20131101, None, None, "Prosthesis, crown or inlay code missing or invalid"),
    r("N686", 20131101, None, None, "Questionnaire needed for payment missing or invalid"),
    r("N687", 20131101, None, Some(D::Eligibility), "Alert: reversed for a retroactive disenrollment"),
    r("N688", 20131101, None, None, "Alert: reversed after medical or utilization review"),
    r("N689", 20131101, None, None, "Alert: reversed for a retroactive rate change"),
    r("N690", 20131101, None, None, "Alert: reversed after a provider appeal"),
    r("N691", 20131101, None, None, "Alert: reversed after a patient appeal"),
    r("N692", 20131101, None, None, "Alert: reversed for a wrong rate at first payment"),
    r("N693", 20131101, None, None, "Alert: reversed because the provider cancelled the claim"),
    r("N694", 20131101, None, None, "Alert: reversed because the provider changed or resent the claim"),
    r("N695", 20131101, None, None, "Alert: reversed for wrong patient responsibility at first payment"),
    r("N696", 20131101, None, Some(D::CoordinationOfBenefits), "Alert: reversed for a retroactive COB or third-party recovery"),
    r("N697", 20131101, None, None, "Alert: reversed for a retroactive contract incentive"),
    r("N698", 20131101, None, Some(D::Eligibility), "Alert: reversed: premiums unpaid after the grace period"),
    r("N699", 20140301, None, None, "Adjusted under the PQRS incentive program"),
    r("N700", 20140301, None, None, "Adjusted under the EHR incentive program"),
    r("N701", 20140301, None, None, "Adjusted under the value-based payment modifier"),
    r("N702", 20140301, None, None, "Decided on review of earlier or pending similar claims"),
    r("N703", 20140301, None, None, "Conflicts with earlier or pending claims"),
    r("N704", 20140301, None, None, "Alert: no appeal, but you may resubmit with corrections"),
    r("N705", 20140301, None, None, "Documentation incomplete or invalid"),
    r("N706", 20140301, None, None, "Documentation missing"),
    r("N707", 20140301, None, None, "Orders incomplete or invalid"),
    r("N708", 20140301, None, None, "Orders missing"),
    r("N709", 20140301, None, None, "Notes incomplete or invalid"),
    r("N710", 20140301, None, None, "Notes missing"),
    r("N711", 20140301, None, None, "Summary incomplete or invalid"),
    r("N712", 20140301, None, None, "Summary missing"),
    r("N713", 20140301, None, None, "Report incomplete or invalid"),
    r("N714", 20140301, None, None, "Report missing"),
    r("N715", 20140301, None, None, "Chart incomplete or invalid"),
    r("N716", 20140301, None, None, "Chart missing"),
    r("N717", 20140301, None, None, "Face-to-face exam documentation incomplete or invalid"),
    r("N718", 20140301, None, None, "Face-to-face exam documentation missing"),
    r("N719", 20140301, None, None, "Penalty for not meeting plan requirements"),
    r("N720", 20140301, None, None, "Alert: patient overpaid; a refund may be due"),
    r("N721", 20140301, None, None, "Covered only as part of a clinical trial"),
    r("N722", 20140301, None, Some(D::PatientResponsibility), "Patient must pay from the workers' comp set-aside"),
    r("N723", 20140301, None, Some(D::PatientResponsibility), "Patient must pay from the liability set-aside"),
    r("N724", 20140301, None, Some(D::PatientResponsibility), "Patient must pay from the no-fault set-aside"),
    r("N725", 20140301, None, Some(D::CoordinationOfBenefits), "Liability insurer has ongoing responsibility for this diagnosis"),
    r("N726", 20140301, None, Some(D::CoordinationOfBenefits), "No conditional payment can be made"),
    r("N727", 20140301, None, Some(D::CoordinationOfBenefits), "No-fault insurer has ongoing responsibility for this diagnosis"),
    r("N728", 20140301, None, Some(D::CoordinationOfBenefits), "Workers' comp insurer has ongoing responsibility for this diagnosis"),
    r("N729", 20141101, None, None, "Patient medical or dental record missing"),
    r("N730", 20141101, None, None, "Patient medical or dental record incomplete or invalid"),
    r("N731", 20141101, None, None, "Mental health assessment incomplete or invalid"),
    r("N732", 20141101, None, None, "Unlicensed facility: not paid"),
    r("N733", 20141101, None, None, "Regulatory surcharges are paid to the state directly"),
    r("N734", 20141101, None, Some(D::Eligibility), "Eligible only when unable to work or do normal activities"),
    r("N735", 20150301, Some(20160101), None, "Adjusted unreviewed: records not received, or late"),
    r("N736", 20150301, None, None, "Sleep study report incomplete or invalid"),
    r("N737", 20150301, None, None, "Sleep study report missing"),
    r("N738", 20150301, None, None, "Vein study report incomplete or invalid"),
    r("N739", 20150301, None, None, "Vein study report missing"),
    r("N740", 20150301, None, Some(D::PatientResponsibility), "Spending account lacks funds for the member's share"),
    r("N741", 20150301, None, None, "Paid at the site-neutral rate"),
    r("N742", 20150301, Some(20161101), Some(D::Coding), "Alert: processed with ICD-9 codes; ICD-10 is required"),
    r("N743", 20150301, None, Some(D::CoordinationOfBenefits), "Adjusted: may relate to a work accident"),
    r("N744", 20150301, None, Some(D::CoordinationOfBenefits), "Adjusted: may relate to an auto or other accident"),
    r("N745", 20150301, None, None, "Ambulance report missing"),
    r("N746", 20150301, None, None, "Ambulance report incomplete or invalid"),
    r("N747", 20150301, None, None, "Misdirected: send to the plan where the patient lives"),
    r("N748", 20150301, None, None, "Adjusted: related hospital charges not received"),
    r("N749", 20150301, None, None, "Blood gas report missing"),
    r("N750", 20150301, None, None, "Blood gas report incomplete or invalid"),
    r("N751", 20150301, None, Some(D::CoordinationOfBenefits), "Adjusted: patient has a Medicare Part D plan"),
    r("N752", 20150301, None, Some(D::Authorization), "HIPPS treatment authorization code missing or invalid"),
    r("N753", 20150701, None, None, "Attachment control number missing or invalid"),
    r("N754", 20150701, None, None, "Referring or other source qualifier on the 1500 missing or invalid"),
    r("N755", 20150701, None, Some(D::Coding), "ICD indicator missing or invalid"),
    r("N756", 20150701, None, None, "Drop-off address missing or invalid"),
    r("N757", 20150701, None, Some(D::Contractual), "Adjusted to the federal Indian fee schedule (MLR)"),
    r("N758", 20150701, None, Some(D::Authorization), "Adjusted per the prior authorization decision"),
    r("N759", 20150701, None, None, "Adjusted under the NEMA XR-29 CT standard"),
    r("N760", 20151101, None, None, "Facility not authorized to be paid for this"),
    r("N761", 20151101, None, None, "Provider not authorized to be paid for this"),
    r("N762", 20151101, None, None, "No 3-D (tomosynthesis) mammography certification here"),
    r("N763", 20151101, None, None, "Demonstration code does not apply; resubmit without it"),
    r("N764", 20160301, None, None, "Hematocrit value missing or invalid"),
    r("N765", 20160301, None, Some(D::CoordinationOfBenefits), "Prior payer's coinsurance not covered here"),
    r("N766", 20160301, None, Some(D::CoordinationOfBenefits), "Prior payer's copay not covered here"),
    r("N767", 20160301, None, None, "Provider must enroll in the member's state Medicaid first"),
    r("N768", 20160301, None, None, "Initial evaluation report incomplete or invalid"),
    r("N769", 20160301, None, Some(D::Coding), "A diagnosis with laterality is required"),
    r("N770", 20160301, None, None, "Your adjustment request was processed"),
    r("N771", 20160701, None, None, "Alert: do not charge above the limiting charge"),
    r("N772", 20160701, None, None, "Alert: rebill urgent or emergent and ancillary services separately"),
    r("N773", 20160701, None, None, "Drug should have come from the specialty vendor"),
    r("N774", 20160701, None, None, "Alert: see your third-party processor agreement for fees"),
    r("N775", 20161101, None, None, "Adjusted: x-ray taken on film"),
    r("N776", 20161101, None, None, "Telehealth does not cover this service"),
    r("N777", 20161101, None, None, "Assignment of benefits indicator missing"),
    r("N778", 20161101, None, None, "Primary care physician information missing"),
    r("N779", 20161101, None, None, "Wait until the original claim is final before a replacement or void"),
    r("N780", 20161101, None, None, "Therapy end date missing or invalid"),
    r("N781", 20161101, None, None, "Alert: QMB patient; review for a wrongly collected deductible"),
    r("N782", 20161101, None, None, "Alert: QMB patient; review for wrongly collected coinsurance"),
    r("N783", 20161101, None, None, "Alert: QMB patient; review for a wrongly collected copay"),
    r("N784", 20161101, None, Some(D::Coding), "Comprehensive procedure code missing"),
    r("N785", 20161101, None, None, "Current radiology films or images missing"),
    r("N786", 20161101, None, None, "Orthodontic active or retention phase benefit limit"),
    r("N787", 20170301, None, None, "Alert: partial hospitalization needs 20 hours a week per plan of care"),
    r("N788", 20170301, None, None, "Alert: the administrator or review organization did not get the information"),
    r("N789", 20170701, None, None, "Plan does not cover clinical trials"),
    r("N790", 20170701, None, None, "Provider or supplier not accredited for this"),
    r("N791", 20170701, None, None, "History and physical report missing"),
    r("N792", 20170701, None, None, "History and physical report incomplete or invalid"),
    // N793: start and stop dates inferred (see the module comment).
    r("N793", 20170701, Some(20200701), None, "Alert: from 2020 Medicare takes only the MBI, not the HICN"),
    r("N794", 20170701, None, None, "Pay varies with the technology used"),
    r("N795", 20171101, None, None, "Bill the item again as a purchase"),
    r("N796", 20171101, None, None, "Hemoglobin value missing or invalid"),
    r("N797", 20171101, None, None, "Date qualifier missing or invalid"),
    r("N798", 20171101, None, None, "Void the original claim and send a new one"),
    r("N799", 20171101, None, None, "Use an individual identifier, not a group one"),
    r("N800", 20180301, None, None, "Bill one service date per claim"),
    r("N801", 20180301, None, None, "Medicare or CAH facility under a self-insured tribal plan"),
    r("N802", 20180301, None, None, "File with the plan where the rendering physician is located"),
    r("N803", 20180301, None, None, "The contracted medical group or hospital must submit this claim"),
    r("N804", 20180701, None, None, "Alert: processed through the Outpatient Code Editor"),
    r("N805", 20180701, None, None, "Alert: processed through the Correct Code Editor"),
    r("N806", 20180701, None, Some(D::Bundling), "Included in the global transplant payment"),
    r("N807", 20180701, None, None, "Adjusted under MIPS"),
    r("N808", 20180701, None, None, "This provider type or specialty is not covered for it"),
    r("N809", 20181101, None, None, "Alert: fee schedule based on prior competitive bidding rates"),
    r("N810", 20181101, None, None, "Alert: disaster declaration: paid at the in-network level for now"),
    r("N811", 20181101, None, Some(D::CoordinationOfBenefits), "Prior payer's sequestration reduction missing"),
    r("N812", 20181101, None, None, "Service dates may not span more than 18 months"),
    r("N815", 20190701, None, Some(D::Coding), "NDC unit count missing or invalid"),
    r("N816", 20190701, None, Some(D::Coding), "NDC unit of measure missing or invalid"),
    r("N817", 20190701, None, None, "Alert: labs must report private payer data to CMS in early 2020"),
    r("N818", 20190701, None, None, "Dates of service do not match visit verification (EVV)"),
    r("N819", 20190701, None, Some(D::Eligibility), "Patient not enrolled in visit verification (EVV)"),
    r("N820", 20190701, None, None, "EVV units do not meet the visit requirements"),
    r("N821", 20190701, None, None, "No matching EVV visit"),
    r("N822", 20190701, None, Some(D::Coding), "Procedure modifier missing"),
    r("N823", 20190701, None, Some(D::Coding), "Procedure modifier incomplete or invalid"),
    r("N824", 20191101, None, None, "EVV data must come through the EVV vendor"),
    r("N825", 20191101, None, None, "Did not follow early intervention guidelines"),
    r("N826", 20191101, None, Some(D::Eligibility), "Patient not eligible for the Medicare Shared Savings Program"),
    r("N827", 20191101, None, None, "FIPS code missing or invalid"),
    r("N828", 20200301, None, None, "Alert: payment suppressed under contracted funding"),
    r("N829", 20200301, None, None, "Diagnostics exchange Z-code identifier missing or invalid"),
    r("N830", 20200301, None, None, "Alert: balance billing rules applied; collect only the PR amount"),
    r("N831", 20200301, None, None, "Provider enrollment revalidation requests not answered"),
    r("N832", 20200701, None, Some(D::Duplicate), "Occurrence or occurrence span code repeated"),
    r("N833", 20200701, None, Some(D::PatientResponsibility), "Waived: the patient's share of cost"),
    r("N834", 20201101, None, None, "Jurisdiction exempt from sales and health taxes"),
    r("N835", 20201101, None, Some(D::PatientResponsibility), "Unrelated service reduced; the patient owes the balance"),
    r("N836", 20201101, None, None, "Provider W-9 or payee registration not on file"),
    r("N837", 20201101, None, Some(D::Coding), "Alert: the missing modifier was added"),
    r("N838", 20201101, None, None, "Alert: postponed by a mandate or disaster; cost share goes to the prior year"),
    r("N839", 20210301, None, Some(D::Coding), "Code changed: level of service exceeds the compensable condition"),
    r("N840", 20210301, None, None, "The comp claim belongs to another state"),
    r("N841", 20210301, None, None, "Alert: North Dakota rule 92-01-02-50.3 applies"),
    r("N842", 20210301, None, None, "Alert: do not bill the patient"),
    r("N843", 20210301, None, None, "CBSA code missing or invalid"),
    r("N844", 20210301, None, None, "Processed under Nebraska's out-of-network emergency care act (LB997)"),
    r("N845", 20210301, None, None, "Alert: Nebraska LB997 out-of-network emergency care act"),
    r("N846", 20210301, None, Some(D::Coding), "NDC does not match the HCPCS or CPT billed"),
    r("N847", 20210301, None, Some(D::Coding), "Billed NDC is no longer active"),
    r("N848", 20210301, None, Some(D::Coding), "NDC billed matches no product"),
    r("N849", 20210301, None, None, "Tooth was missing before the member's coverage began"),
    r("N850", 20210301, None, None, "Narrative describing the service missing or invalid"),
    r("N851", 20210701, None, None, "Reduced: a therapy assistant furnished the service"),
    r("N852", 20210701, None, None, "Pay-to and rendering TINs do not match"),
    r("N853", 20210701, None, None, "Too many modalities per session"),
    r("N854", 20210701, None, Some(D::CoordinationOfBenefits), "Alert: exhaust appeals with the primary plan first"),
    r("N855", 20210701, None, None, "Coverage falls under ERISA exclusively"),
    r("N856", 20210701, None, None, "Coverage is not under ERISA's exclusive jurisdiction"),
    r("N857", 20211101, None, Some(D::PatientResponsibility), "Adjusted or reversed; refund any copay collected"),
    r("N858", 20211101, None, None, "Alert: state out-of-network emergency law applied; dispute per state process"),
    r("N859", 20211101, None, None, "Alert: federal No Surprises Act applied; payment may be disputed"),
    r("N860", 20211101, None, Some(D::PatientResponsibility), "Alert: member cost share based on the NSA qualifying payment amount"),
    r("N861", 20220301, None, None, "Alert: patient liability or share of cost differs from our records"),
    r("N862", 20220301, None, Some(D::PatientResponsibility), "Alert: cost share per NSA: lesser of QPA or billed charge"),
    r("N863", 20220301, None, None, "Alert: NSA: final out-of-network rate per an All-Payer Model Agreement"),
    r("N864", 20220301, None, None, "Alert: NSA emergency service provisions apply"),
    r("N865", 20220301, None, None, "Alert: NSA applies to out-of-network care at an in-network facility"),
    r("N866", 20220301, None, None, "Alert: NSA applies to out-of-network air ambulance"),
    r("N867", 20220301, None, Some(D::PatientResponsibility), "Alert: NSA cost sharing based on a state law"),
    r("N868", 20220301, None, Some(D::PatientResponsibility), "Alert: NSA cost sharing based on an All-Payer Model Agreement"),
    r("N869", 20220301, None, Some(D::PatientResponsibility), "Alert: NSA cost sharing based on the qualifying payment amount"),
    r("N870", 20220301, None, Some(D::PatientResponsibility), "Alert: NSA cost sharing on the billed amount, lower than the QPA"),
    r("N871", 20220301, None, None, "Alert: NSA initial payment per a state law"),
    r("N872", 20220301, None, None, "Alert: NSA final payment per a state law"),
    r("N873", 20220301, None, None, "Alert: NSA final payment per an All-Payer Model Agreement"),
    r("N874", 20220301, None, None, "Alert: NSA final payment reached by open negotiation"),
    r("N875", 20220301, None, None, "Alert: NSA final payment set by federal dispute resolution (IDR)"),
    r("N876", 20220301, None, None, "Alert: NSA notice of payment denial; you may start open negotiation"),
    r("N877", 20220301, None, None, "Alert: NSA initial payment; you may start open negotiation"),
    r("N878", 20220301, None, None, "Alert: NSA consent not valid; balance billing prohibited"),
    r("N879", 20220301, None, None, "Alert: NSA consent not allowed for these services; no balance billing"),
    r("N880", 20221101, None, None, "Original closed; the adjustment gets a new claim number"),
    r("N881", 20221101, None, Some(D::PatientResponsibility), "Patient obligation for home and community-based services"),
    r("N882", 20221101, None, None, "Alert: patient waived NSA protections; paid at the plan allowance"),
    r("N883", 20221101, None, None, "Alert: state law governed the processing"),
    r("N884", 20221101, None, None, "Alert: NSA may apply; tell the payer if care was at an in-network facility"),
    r("N885", 20221101, None, None, "Alert: payer disputes that NSA applies; you may appeal for the patient"),
    r("N886", 20230701, None, None, "Alert: a 277 request for more information was sent"),
    r("N887", 20230701, None, None, "Out-of-network Medicare Advantage appeal: 60 days, waiver of liability needed"),
    r("N888", 20230701, None, None, "Alert: an electronic request for more information was sent"),
    r("N889", 20231101, None, None, "Alert: processed in real time; a real-time 835 was sent"),
    r("N890", 20231101, None, None, "EVV data element requirements not met"),
    r("N891", 20231101, None, Some(D::CoordinationOfBenefits), "Primary paid the maximum allowable; nothing more due"),
    r("N892", 20231101, None, Some(D::TimelyFiling), "Delay reason code does not meet its criteria"),
    r("N893", 20240301, None, None, "Child medical evaluation form missing or invalid"),
    r("N894", 20240301, None, None, "Alert: payment subject to the payer's right to recoup later"),
    r("N895", 20240301, None, Some(D::Contractual), "Priced on a specialty drug program fee schedule"),
    r("N896", 20240701, None, None, "Trauma activation sheet missing or invalid"),
    r("N897", 20240701, None, None, "Proof of member payment missing or invalid"),
    r("N898", 20240701, None, Some(D::Coding), "RUG code missing or invalid"),
    r("N899", 20240701, None, None, "Initial evaluation report missing"),
    r("N900", 20240701, None, None, "Therapy notes missing"),
    r("N901", 20240701, None, None, "Therapy notes incomplete or invalid"),
    r("N902", 20240701, None, None, "Health risk assessment missing"),
    r("N903", 20240701, None, None, "Health risk assessment incomplete or invalid"),
    r("N904", 20240701, None, None, "Bill the transportation vendor; it owes this claim"),
    r("N905", 20250301, None, None, "Opted-out provider: not paid, and the patient owes nothing"),
    r("N906", 20250301, None, None, "Not covered for patients under 45"),
    r("N907", 20250301, None, None, "No refund: 340B-eligible with a ceiling below the fair price"),
    r("N908", 20250301, None, None, "No refund: drug bought at the maximum fair price up front"),
    r("N909", 20250301, None, None, "Refund calculated by a non-standard method"),
    r("N910", 20250301, None, None, "No refund now; contact the manufacturer"),
    r("N911", 20250301, None, None, "Manufacturer cannot pay until the Part D plan corrects its data"),
    r("N912", 20250701, None, Some(D::Eligibility), "No hospice election on record for the beneficiary"),
    r("N913", 20250701, None, Some(D::Duplicate), "More than one EVV record for this date and time"),
    r("N914", 20250701, None, None, "Priced under California AB-72"),
    r("N915", 20250701, None, None, "Plan does not allow predetermination"),
    r("N916", 20250701, None, None, "A third party will pay you and be reimbursed for covered services"),
    r("N917", 20260301, None, None, "Alternative refund: fair price below the 340B ceiling"),
    r("N918", 20260301, None, None, "No refund: compounded drug records excluded"),
    r("N919", 20260301, None, Some(D::PatientResponsibility), "Member or family reached the out-of-pocket limit"),
    r("N920", 20260301, None, None, "Payment on hold during contract negotiation"),
    r("N921", 20260301, None, Some(D::TimelyFiling), "Deadline for reconsideration or appeal has passed"),
    r("N922", 20260301, None, None, "Primary care dentist information missing"),
    r("N923", 20260701, None, None, "MA plan decided it is responsible for payment (not denied)"),
    r("N924", 20260701, None, None, "MA plan has not yet decided payment responsibility (pending)"),
    r("N925", 20260701, None, None, "MA plan found it had no payment responsibility (denied)"),
    r("N926", 20260701, None, None, "MA plan denied responsibility for some service lines"),
    r("N927", 20260701, None, None, "X-ray missing or invalid"),
    r("N928", 20260701, None, None, "Bitewing or periapical x-ray missing or invalid"),
    r("N929", 20260701, None, None, "Photos missing or invalid"),
    r("N930", 20260701, None, None, "Quadrant identifier missing or invalid"),
    r("N931", 20260701, None, None, "Pre/post-operative bitewing or periapical x-ray missing or invalid"),
    r("N932", 20260701, None, None, "Pre/post-operative full-mouth x-ray missing or invalid"),
    r("N933", 20260701, None, None, "Pre/post-operative photos missing or invalid"),
    r("N934", 20260701, None, None, "Full-mouth x-ray missing or invalid"),
    r("N935", 20260701, None, None, "Alert: patient is no longer a Medicaid or QMB beneficiary"),
    r("N936", 20260701, None, None, "Secondary or tertiary procedure under the Medicare MPPR rule"),
    r("N937", 20260701, None, None, "Too many lines denied: threshold passed"),
    r("N938", 20260701, None, None, "Alert: do not resubmit; it will be reprocessed automatically"),
    r("N939", 20260701, None, None, "Alert: a peer-to-peer review is available"),
    r("N940", 20260701, None, None, "Pre/post-operative x-ray missing or invalid"),
];

/// Where a CARC sorts in [`CARCS`]: codes made of digits first, by value; then letter-led codes
/// by letter and number. `None` for a text that is not a CARC's shape.
fn carc_key(code: &str) -> Option<(u8, u8, u16)> {
    let first = *code.as_bytes().first()?;
    if first.is_ascii_digit() {
        Some((0, 0, code.parse().ok()?))
    } else {
        Some((1, first, code.get(1..)?.parse().ok()?))
    }
}

/// Where a RARC sorts in [`RARCS`]: `M` codes by number, then `MA`, then `N`.
fn rarc_key(code: &str) -> Option<(u8, u16)> {
    if let Some(number) = code.strip_prefix("MA") {
        Some((1, number.parse().ok()?))
    } else if let Some(number) = code.strip_prefix('M') {
        Some((0, number.parse().ok()?))
    } else {
        Some((2, code.strip_prefix('N')?.parse().ok()?))
    }
}

/// All CARCs the catalog knows.
pub fn carcs() -> &'static [CarcInfo] {
    CARCS
}

/// All RARCs the catalog knows.
pub fn rarcs() -> &'static [RarcInfo] {
    RARCS
}

/// The catalog row of a CARC (a binary search over the published order).
pub fn carc(code: &Carc) -> Option<&'static CarcInfo> {
    let key = carc_key(code.as_str())?;
    let index = CARCS
        .binary_search_by(|row| carc_key(row.code).cmp(&Some(key)))
        .ok()?;
    CARCS.get(index).filter(|row| row.code == code.as_str())
}

/// The catalog row of a RARC (a binary search over the published order).
pub fn rarc(code: &Rarc) -> Option<&'static RarcInfo> {
    let key = rarc_key(code.as_str())?;
    let index = RARCS
        .binary_search_by(|row| rarc_key(row.code).cmp(&Some(key)))
        .ok()?;
    RARCS.get(index).filter(|row| row.code == code.as_str())
}

/// What an adjustment means: the patient's share (PR with a cost-sharing CARC) and what the
/// contract allows (CO or PI with a contractual CARC) are not denials; any other adjustment
/// is worked by its CARC's category. A patient-responsibility CARC under another group than PR
/// (CO-96: a service the plan does not cover, which the patient may not be billed for) is a
/// denial of category `other`, to review. An unknown CARC is a denial of category `other`.
pub fn classify(group: GroupCode, reason: &Carc) -> Classification {
    let row = carc(reason);
    let category = row.map_or(DenialCategory::Other, |row| row.category);
    if group != GroupCode::Pr && category == DenialCategory::PatientResponsibility {
        return Classification {
            category: DenialCategory::Other,
            denial: true,
            appeal: Appeal::Worth,
            action: NextAction::Review,
            words: row.map(|row| row.words.to_owned()),
        };
    }
    let denial = !matches!(
        (group, category),
        (GroupCode::Pr, DenialCategory::PatientResponsibility)
            | (
                GroupCode::Co | GroupCode::Pi | GroupCode::Oa,
                DenialCategory::Contractual
            )
    );
    Classification {
        category,
        denial,
        appeal: row.map_or(Appeal::Worth, |row| row.appeal),
        action: row.map_or(NextAction::Review, |row| row.action),
        words: row.map(|row| row.words.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn carc_row(code: &str) -> &'static CarcInfo {
        carc(&Carc::parse(code).unwrap()).unwrap_or_else(|| panic!("CARC {code} not found"))
    }

    fn rarc_row(code: &str) -> &'static RarcInfo {
        rarc(&Rarc::parse(code).unwrap()).unwrap_or_else(|| panic!("RARC {code} not found"))
    }

    #[test]
    fn every_row_is_a_valid_code_with_real_dates() {
        for row in carcs() {
            let parsed = Carc::parse(row.code()).unwrap();
            assert_eq!(
                parsed.as_str(),
                row.code(),
                "CARC {} is not canonical",
                row.code()
            );
            let start = row
                .start()
                .unwrap_or_else(|| panic!("CARC {} start", row.code()));
            if let Some(stop_ymd) = row.stop {
                let stop = day(stop_ymd).unwrap_or_else(|| panic!("CARC {} stop", row.code()));
                assert!(stop >= start, "CARC {} stops before it starts", row.code());
            }
        }
        for row in rarcs() {
            let parsed = Rarc::parse(row.code()).unwrap();
            assert_eq!(
                parsed.as_str(),
                row.code(),
                "RARC {} is not canonical",
                row.code()
            );
            let start = row
                .start()
                .unwrap_or_else(|| panic!("RARC {} start", row.code()));
            if let Some(stop_ymd) = row.stop {
                let stop = day(stop_ymd).unwrap_or_else(|| panic!("RARC {} stop", row.code()));
                assert!(stop >= start, "RARC {} stops before it starts", row.code());
            }
        }
    }

    #[test]
    fn tables_are_strictly_in_the_documented_order() {
        for pair in carcs().windows(2) {
            let (a, b) = (carc_key(pair[0].code()), carc_key(pair[1].code()));
            assert!(
                a.is_some() && a < b,
                "CARC {} before {}",
                pair[0].code(),
                pair[1].code()
            );
        }
        for pair in rarcs().windows(2) {
            let (a, b) = (rarc_key(pair[0].code()), rarc_key(pair[1].code()));
            assert!(
                a.is_some() && a < b,
                "RARC {} before {}",
                pair[0].code(),
                pair[1].code()
            );
        }
        // The order written out in the module comment, independently of the keys.
        let carc_position = |code: &str| carcs().iter().position(|row| row.code() == code);
        let carc_order = [
            "1", "2", "9", "10", "99", "100", "308", "A0", "A8", "B1", "B9", "B10",
        ];
        let carc_order_more = [
            "B23", "D1", "D23", "P1", "P9", "P10", "P32", "W1", "W9", "Y1",
        ];
        let carc_expected: Vec<_> = carc_order.iter().chain(&carc_order_more).collect();
        let positions: Vec<_> = carc_expected
            .iter()
            .map(|c| carc_position(c).unwrap())
            .collect();
        assert!(positions.windows(2).all(|p| p[0] < p[1]), "{positions:?}");
        assert_eq!(carcs().first().map(CarcInfo::code), Some("1"));
        assert_eq!(carcs().last().map(CarcInfo::code), Some("Y3"));
        let rarc_position = |code: &str| rarcs().iter().position(|row| row.code() == code);
        let rarc_expected = [
            "M1", "M9", "M10", "M144", "MA01", "MA99", "MA100", "MA134", "N1",
        ];
        let positions: Vec<_> = rarc_expected
            .iter()
            .chain(&["N9", "N10", "N99", "N100", "N940"])
            .map(|c| rarc_position(c).unwrap())
            .collect();
        assert!(positions.windows(2).all(|p| p[0] < p[1]), "{positions:?}");
        assert_eq!(rarcs().last().map(RarcInfo::code), Some("N940"));
    }

    #[test]
    fn binary_search_finds_every_row_and_nothing_else() {
        for row in carcs() {
            assert!(
                std::ptr::eq(carc_row(row.code()), row),
                "CARC {}",
                row.code()
            );
        }
        for row in rarcs() {
            assert!(
                std::ptr::eq(rarc_row(row.code()), row),
                "RARC {}",
                row.code()
            );
        }
        // Valid shapes that are not (or not yet) on the lists.
        for absent in [
            "309", "999", "A9", "B24", "C1", "D24", "P33", "W10", "Y4", "Z1", "A01",
        ] {
            assert!(
                carc(&Carc::parse(absent).unwrap()).is_none(),
                "CARC {absent}"
            );
        }
        for absent in [
            "M145", "M999", "MA00", "MA135", "N813", "N814", "N941", "N999",
        ] {
            assert!(
                rarc(&Rarc::parse(absent).unwrap()).is_none(),
                "RARC {absent}"
            );
        }
        // Lower case input is the same code.
        assert_eq!(carc_row("b15").code(), "B15");
        assert_eq!(rarc_row("ma130").code(), "MA130");
    }

    #[test]
    fn words_are_short_unique_and_clean() {
        let words = carcs()
            .iter()
            .map(|row| (row.code(), row.words))
            .chain(rarcs().iter().map(|row| (row.code(), row.words)));
        for (code, text) in words {
            assert!(!text.is_empty(), "{code}: empty words");
            assert!(
                text.chars().count() <= 80,
                "{code}: {} chars",
                text.chars().count()
            );
            assert_eq!(text, text.trim(), "{code}: stray spaces");
            assert!(!text.contains("  "), "{code}: double space");
            assert!(!text.ends_with('.'), "{code}: trailing period");
            let first = text.chars().next().unwrap_or(' ');
            assert!(
                first.is_uppercase() || first.is_ascii_digit() || first == '\'',
                "{code}"
            );
        }
        let mut seen = HashSet::new();
        for row in carcs() {
            assert!(
                seen.insert(row.words),
                "CARC {} repeats words {:?}",
                row.code(),
                row.words
            );
        }
        let mut seen = HashSet::new();
        for row in rarcs() {
            assert!(
                seen.insert(row.words),
                "RARC {} repeats words {:?}",
                row.code(),
                row.words
            );
        }
    }

    /// The categories the KPIs and the denial queue rely on, from RULES.md §4, §6, §8 and the
    /// published meaning of each code.
    #[test]
    fn categories_follow_the_rules() {
        // §4: 1 deductible, 2 coinsurance, 3 copay; 66 is the blood deductible.
        for code in ["1", "2", "3", "66"] {
            let row = carc_row(code);
            assert_eq!(
                row.category,
                DenialCategory::PatientResponsibility,
                "{code}"
            );
            assert_eq!(
                (row.appeal, row.action),
                (Appeal::No, NextAction::BillPatient),
                "{code}"
            );
        }
        // §4: CO-45 is written off; §1: sequestration (253) is a payment cut, never billed;
        // 94: paid above the charge.
        for code in ["45", "253", "94"] {
            let row = carc_row(code);
            assert_eq!(row.category, DenialCategory::Contractual, "{code}");
            assert_eq!(
                (row.appeal, row.action),
                (Appeal::No, NextAction::WriteOff),
                "{code}"
            );
        }
        // §6: an untimely claim (29) is not an initial determination and cannot be appealed.
        let untimely = carc_row("29");
        assert_eq!(untimely.category, DenialCategory::TimelyFiling);
        assert_eq!(untimely.appeal, Appeal::No);
        // 18: exact duplicate; look for the original, do not send again.
        let duplicate = carc_row("18");
        assert_eq!(duplicate.category, DenialCategory::Duplicate);
        assert_eq!(duplicate.action, NextAction::CheckOriginal);
        assert_eq!(carc_row("B13").category, DenialCategory::Duplicate);
        // 22: another payer may be primary. 23: the prior payer's share, not a denial.
        assert_eq!(
            carc_row("22").category,
            DenialCategory::CoordinationOfBenefits
        );
        assert_eq!(carc_row("22").action, NextAction::BillOtherPayer);
        assert_eq!(carc_row("23").category, DenialCategory::Contractual);
        assert_eq!(carc_row("23").appeal, Appeal::No);
        for code in ["26", "27", "31", "32", "33", "177", "200"] {
            assert_eq!(
                carc_row(code).category,
                DenialCategory::Eligibility,
                "{code}"
            );
        }
        for code in ["15", "39", "62", "197", "198", "284", "288"] {
            assert_eq!(
                carc_row(code).category,
                DenialCategory::Authorization,
                "{code}"
            );
        }
        for code in [
            "4", "5", "6", "7", "8", "9", "10", "11", "181", "182", "189",
        ] {
            let row = carc_row(code);
            assert_eq!(row.category, DenialCategory::Coding, "{code}");
            assert_eq!(row.action, NextAction::CorrectAndResubmit, "{code}");
        }
        // 16 is missing information, answered by the remark codes.
        assert_eq!(carc_row("16").category, DenialCategory::Other);
        assert_eq!(carc_row("16").action, NextAction::SendInformation);
        for code in ["97", "231", "234", "B15"] {
            assert_eq!(carc_row(code).category, DenialCategory::Bundling, "{code}");
        }
        for code in ["50", "55", "56", "57", "58", "150", "151", "167"] {
            let row = carc_row(code);
            assert_eq!(row.category, DenialCategory::MedicalNecessity, "{code}");
            assert_eq!(row.appeal, Appeal::Worth, "{code}");
        }
    }

    #[test]
    fn remark_categories_only_where_the_remark_names_one() {
        assert_eq!(rarc_row("M15").category, Some(DenialCategory::Bundling));
        assert_eq!(
            rarc_row("N115").category,
            Some(DenialCategory::MedicalNecessity)
        );
        assert_eq!(
            rarc_row("MA04").category,
            Some(DenialCategory::CoordinationOfBenefits)
        );
        assert_eq!(rarc_row("N130").category, None);
        assert_eq!(rarc_row("MA01").category, None);
    }

    #[test]
    fn classify_separates_denials_from_shares_and_write_offs() {
        let carc_code = |code: &str| Carc::parse(code).unwrap();
        let deductible = classify(GroupCode::Pr, &carc_code("1"));
        assert!(!deductible.denial);
        assert_eq!(deductible.category, DenialCategory::PatientResponsibility);
        assert_eq!(deductible.action, NextAction::BillPatient);

        let contractual = classify(GroupCode::Co, &carc_code("45"));
        assert!(!contractual.denial);
        assert_eq!(contractual.category, DenialCategory::Contractual);
        assert_eq!(contractual.action, NextAction::WriteOff);

        let prior_payer = classify(GroupCode::Oa, &carc_code("23"));
        assert!(!prior_payer.denial);

        let necessity = classify(GroupCode::Co, &carc_code("50"));
        assert!(necessity.denial);
        assert_eq!(necessity.category, DenialCategory::MedicalNecessity);
        assert_eq!(necessity.appeal, Appeal::Worth);

        let late = classify(GroupCode::Co, &carc_code("29"));
        assert!(late.denial);
        assert_eq!(late.category, DenialCategory::TimelyFiling);
        assert_eq!(late.appeal, Appeal::No);

        let duplicate = classify(GroupCode::Oa, &carc_code("18"));
        assert!(duplicate.denial);
        assert_eq!(duplicate.category, DenialCategory::Duplicate);
        assert_eq!(duplicate.action, NextAction::CheckOriginal);
        assert!(duplicate.words.is_some());

        // A code of the right shape that no list holds: worked as an unknown denial.
        let unknown = classify(GroupCode::Co, &carc_code("999"));
        assert!(unknown.denial);
        assert_eq!(unknown.category, DenialCategory::Other);
        assert_eq!(unknown.action, NextAction::Review);
        assert_eq!(unknown.words, None);
    }

    #[test]
    fn valid_on_honours_start_and_stop() {
        // CARC 15: 1995-01-01 to 2018-05-01 (the stop day is still valid).
        let fifteen = carc_row("15");
        assert!(fifteen.valid_on(date(2018, 5, 1)));
        assert!(!fifteen.valid_on(date(2018, 5, 2)));
        assert!(fifteen.valid_on(date(1995, 1, 1)));
        assert!(!fifteen.valid_on(date(1994, 12, 31)));
        // CARC 308 started 2025-11-01 and has no stop.
        let newest = carc_row("308");
        assert!(!newest.valid_on(date(2025, 10, 31)));
        assert!(newest.valid_on(date(2025, 11, 1)));
        assert!(newest.valid_on(date(2040, 1, 1)));
        // RARC M33: 1997-01-01 to 2004-08-01; N940 from 2026-07-01.
        let old_remark = rarc_row("M33");
        assert!(old_remark.valid_on(date(2004, 8, 1)));
        assert!(!old_remark.valid_on(date(2004, 8, 2)));
        let new_remark = rarc_row("N940");
        assert!(!new_remark.valid_on(date(2026, 6, 30)));
        assert!(new_remark.valid_on(date(2026, 7, 1)));
    }

    #[test]
    fn tables_hold_the_whole_published_lists() {
        // CARC: 407 codes on the list of the 2025-11-01 release, 110 of them retired.
        assert_eq!(carcs().len(), 407);
        assert_eq!(carcs().iter().filter(|row| row.stop.is_some()).count(), 110);
        let today = date(2026, 12, 1);
        assert_eq!(
            carcs().iter().filter(|row| row.valid_on(today)).count(),
            297
        );
        // RARC: 1216 codes with those starting 2026-07-01, 79 of them retired.
        assert_eq!(rarcs().len(), 1216);
        assert_eq!(rarcs().iter().filter(|row| row.stop.is_some()).count(), 79);
        assert_eq!(
            rarcs().iter().filter(|row| row.valid_on(today)).count(),
            1137
        );
        // Every number from 1 to 308 is a CARC, and each letter series is complete.
        for n in 1..=308 {
            assert!(
                carc(&Carc::parse(&n.to_string()).unwrap()).is_some(),
                "CARC {n}"
            );
        }
        for (letter, first, last) in [('A', 0, 8), ('B', 1, 23), ('D', 1, 23), ('P', 1, 32)] {
            for n in first..=last {
                carc_row(&format!("{letter}{n}"));
            }
        }
        for (letter, last) in [('W', 9), ('Y', 3)] {
            for n in 1..=last {
                carc_row(&format!("{letter}{n}"));
            }
        }
    }
}
