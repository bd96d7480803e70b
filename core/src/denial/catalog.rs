//! The CARC and RARC catalog: one row per published code, with the dates it was valid and the
//! team's short words for it.

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

/// Every CARC, ordered as the published list (numbers, then letters with their numbers).
static CARCS: &[CarcInfo] = &[
    c(
        "1",
        19950101,
        None,
        D::PatientResponsibility,
        A::No,
        N::BillPatient,
        "Deductible",
    ),
    c(
        "2",
        19950101,
        None,
        D::PatientResponsibility,
        A::No,
        N::BillPatient,
        "Coinsurance",
    ),
    c(
        "3",
        19950101,
        None,
        D::PatientResponsibility,
        A::No,
        N::BillPatient,
        "Copay",
    ),
    c(
        "4",
        19950101,
        None,
        D::Coding,
        A::Correct,
        N::CorrectAndResubmit,
        "Modifier missing or does not fit the procedure",
    ),
    c(
        "16",
        19950101,
        None,
        D::Other,
        A::Correct,
        N::SendInformation,
        "Claim lacks information or has billing errors; see the remark codes",
    ),
    c(
        "18",
        19950101,
        None,
        D::Duplicate,
        A::No,
        N::CheckOriginal,
        "Exact duplicate of a claim or service already received",
    ),
    c(
        "22",
        19950101,
        None,
        D::CoordinationOfBenefits,
        A::Correct,
        N::BillOtherPayer,
        "Another payer may be primary",
    ),
    c(
        "27",
        19950101,
        None,
        D::Eligibility,
        A::No,
        N::CheckEligibility,
        "Coverage had ended on the date of service",
    ),
    c(
        "29",
        19950101,
        None,
        D::TimelyFiling,
        A::No,
        N::WriteOff,
        "Filed after the payer's time limit",
    ),
    c(
        "45",
        19950101,
        None,
        D::Contractual,
        A::No,
        N::WriteOff,
        "Charge above the contracted or fee-schedule amount",
    ),
    c(
        "50",
        19950101,
        None,
        D::MedicalNecessity,
        A::Worth,
        N::AppealWithRecords,
        "Payer does not find the service medically necessary",
    ),
    c(
        "97",
        19950101,
        None,
        D::Bundling,
        A::Worth,
        N::Review,
        "Paid as part of another service or procedure",
    ),
    c(
        "197",
        20070930,
        None,
        D::Authorization,
        A::Worth,
        N::GetAuthorization,
        "Precertification, authorization or notification missing",
    ),
    c(
        "253",
        20130601,
        None,
        D::Contractual,
        A::No,
        N::WriteOff,
        "Sequestration: the federal payment reduction",
    ),
];

/// Every RARC, ordered as the published list (M, MA, N; by number).
static RARCS: &[RarcInfo] = &[
    r(
        "M15",
        19970101,
        None,
        Some(D::Bundling),
        "Separately billed services were bundled; paid as one",
    ),
    r(
        "N130",
        20020601,
        None,
        None,
        "See the plan's benefit documents for limits and exclusions",
    ),
];

/// All CARCs the catalog knows.
pub fn carcs() -> &'static [CarcInfo] {
    CARCS
}

/// All RARCs the catalog knows.
pub fn rarcs() -> &'static [RarcInfo] {
    RARCS
}

/// The catalog row of a CARC.
pub fn carc(code: &Carc) -> Option<&'static CarcInfo> {
    CARCS.iter().find(|row| row.code == code.as_str())
}

/// The catalog row of a RARC.
pub fn rarc(code: &Rarc) -> Option<&'static RarcInfo> {
    RARCS.iter().find(|row| row.code == code.as_str())
}

/// What an adjustment means: the patient's share (PR with a cost-sharing CARC) and what the
/// contract allows (CO or PI with a contractual CARC) are not denials; any other adjustment
/// is worked by its CARC's category. An unknown CARC is a denial of category `other`.
pub fn classify(group: GroupCode, reason: &Carc) -> Classification {
    let row = carc(reason);
    let category = row.map_or(DenialCategory::Other, |row| row.category);
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
