//! What posting reads of an 835 claim, in medbill's own form: the one place that reads
//! [`RemitClaim`], so a change of the 835 model touches only [`HeldClaim::from_remit`]. It
//! carries no patient data (no name, no member id), so an unmatched claim can wait in
//! suspense with it.

use chrono::NaiveDate;
use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::{Carc, GroupCode, Rarc};
use crate::money::Money;
use crate::remit::{ClaimStatus, Coded, RemitAdjustment, RemitClaim};

/// An 835 claim as posting reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldClaim {
    /// CLP01.
    #[schemars(with = "String")]
    pub patient_control_number: CompactString,
    /// CLP02.
    pub status: Coded<ClaimStatus>,
    /// CLP03, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<Money>,
    /// CLP04, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Money>,
    /// CLP07.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer_claim_number: Option<CompactString>,
    /// Claim-level CAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<HeldAdjustment>,
    /// MOA/MIA remark codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Coded<Rarc>>,
    /// SVC loops.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<HeldLine>,
}

/// One CAS adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldAdjustment {
    /// CAS01.
    pub group: Coded<GroupCode>,
    /// The CARC.
    pub reason: Coded<Carc>,
    /// The amount (positive decreases the payment); absent when the 835 did not send a
    /// readable one (the claim is then not postable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
}

/// One SVC loop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeldLine {
    /// REF*6R, the line item control number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub control_number: Option<CompactString>,
    /// The procedure as billed: SVC06 when the payer changed it, else SVC01 (code, or
    /// revenue code for `NU`).
    #[schemars(with = "String")]
    pub procedure: CompactString,
    /// Its modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub modifiers: Vec<CompactString>,
    /// DTM*472 (or 150).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_date: Option<NaiveDate>,
    /// SVC02, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<Money>,
    /// SVC03, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Money>,
    /// AMT*B6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Money>,
    /// Line CAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<HeldAdjustment>,
    /// LQ*HE remark codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Coded<Rarc>>,
}

impl HeldClaim {
    /// What posting needs of an 835 claim.
    pub fn from_remit(claim: &RemitClaim) -> HeldClaim {
        let adjustments = |list: &[RemitAdjustment]| {
            list.iter()
                .map(|a| HeldAdjustment {
                    group: a.group.clone(),
                    reason: a.reason.clone(),
                    amount: a.amount,
                })
                .collect::<Vec<_>>()
        };
        HeldClaim {
            patient_control_number: claim.patient_control_number.clone(),
            status: claim.status.clone(),
            charge: claim.charge,
            paid: claim.paid,
            payer_claim_number: claim.payer_claim_number.clone(),
            adjustments: adjustments(&claim.adjustments),
            remarks: claim.remarks().cloned().collect(),
            lines: claim
                .lines
                .iter()
                .map(|line| {
                    let billed = line.submitted_procedure.as_ref().unwrap_or(&line.procedure);
                    HeldLine {
                        control_number: line.control_number.clone(),
                        procedure: billed.code.clone(),
                        modifiers: billed.modifiers.clone(),
                        service_date: line.service_date,
                        charge: line.charge,
                        paid: line.paid,
                        allowed: line.allowed,
                        adjustments: adjustments(&line.adjustments),
                        remarks: line.remarks.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// An 835 claim as posting reads it, borrowed: the 835's own claim (nothing copied) or a
/// claim held in suspense.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ClaimView<'a> {
    /// Straight from the 835.
    Remit(&'a RemitClaim),
    /// Held in suspense.
    Held(&'a HeldClaim),
}

/// One CAS adjustment, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AdjustmentView<'a> {
    pub(crate) group: &'a Coded<GroupCode>,
    pub(crate) reason: &'a Coded<Carc>,
    pub(crate) amount: Option<Money>,
}

/// The CAS adjustments of a claim or line.
#[derive(Debug, Clone)]
pub(crate) enum Adjustments<'a> {
    Remit(std::slice::Iter<'a, RemitAdjustment>),
    Held(std::slice::Iter<'a, HeldAdjustment>),
}

impl<'a> Iterator for Adjustments<'a> {
    type Item = AdjustmentView<'a>;

    fn next(&mut self) -> Option<AdjustmentView<'a>> {
        match self {
            Adjustments::Remit(list) => list.next().map(|a| AdjustmentView {
                group: &a.group,
                reason: &a.reason,
                amount: a.amount,
            }),
            Adjustments::Held(list) => list.next().map(|a| AdjustmentView {
                group: &a.group,
                reason: &a.reason,
                amount: a.amount,
            }),
        }
    }
}

/// One SVC loop, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum LineView<'a> {
    Remit(&'a crate::remit::RemitLine),
    Held(&'a HeldLine),
}

impl<'a> LineView<'a> {
    pub(crate) fn control_number(self) -> Option<&'a str> {
        match self {
            LineView::Remit(l) => l.control_number.as_deref(),
            LineView::Held(l) => l.control_number.as_deref(),
        }
    }

    /// The procedure as billed: SVC06 when the payer changed it, else SVC01.
    pub(crate) fn procedure(self) -> &'a str {
        match self {
            LineView::Remit(l) => &l.submitted_procedure.as_ref().unwrap_or(&l.procedure).code,
            LineView::Held(l) => &l.procedure,
        }
    }

    pub(crate) fn modifiers(self) -> &'a [CompactString] {
        match self {
            LineView::Remit(l) => {
                &l.submitted_procedure
                    .as_ref()
                    .unwrap_or(&l.procedure)
                    .modifiers
            }
            LineView::Held(l) => &l.modifiers,
        }
    }

    pub(crate) fn service_date(self) -> Option<NaiveDate> {
        match self {
            LineView::Remit(l) => l.service_date,
            LineView::Held(l) => l.service_date,
        }
    }

    pub(crate) fn paid(self) -> Option<Money> {
        match self {
            LineView::Remit(l) => l.paid,
            LineView::Held(l) => l.paid,
        }
    }

    pub(crate) fn charge(self) -> Option<Money> {
        match self {
            LineView::Remit(l) => l.charge,
            LineView::Held(l) => l.charge,
        }
    }

    pub(crate) fn allowed(self) -> Option<Money> {
        match self {
            LineView::Remit(l) => l.allowed,
            LineView::Held(l) => l.allowed,
        }
    }

    pub(crate) fn adjustments(self) -> Adjustments<'a> {
        match self {
            LineView::Remit(l) => Adjustments::Remit(l.adjustments.iter()),
            LineView::Held(l) => Adjustments::Held(l.adjustments.iter()),
        }
    }

    pub(crate) fn remarks(self) -> &'a [Coded<Rarc>] {
        match self {
            LineView::Remit(l) => &l.remarks,
            LineView::Held(l) => &l.remarks,
        }
    }
}

impl<'a> ClaimView<'a> {
    pub(crate) fn patient_control_number(self) -> &'a CompactString {
        match self {
            ClaimView::Remit(c) => &c.patient_control_number,
            ClaimView::Held(c) => &c.patient_control_number,
        }
    }

    pub(crate) fn status(self) -> &'a Coded<ClaimStatus> {
        match self {
            ClaimView::Remit(c) => &c.status,
            ClaimView::Held(c) => &c.status,
        }
    }

    pub(crate) fn charge(self) -> Option<Money> {
        match self {
            ClaimView::Remit(c) => c.charge,
            ClaimView::Held(c) => c.charge,
        }
    }

    pub(crate) fn paid(self) -> Option<Money> {
        match self {
            ClaimView::Remit(c) => c.paid,
            ClaimView::Held(c) => c.paid,
        }
    }

    pub(crate) fn payer_claim_number(self) -> Option<&'a CompactString> {
        match self {
            ClaimView::Remit(c) => c.payer_claim_number.as_ref(),
            ClaimView::Held(c) => c.payer_claim_number.as_ref(),
        }
    }

    pub(crate) fn adjustments(self) -> Adjustments<'a> {
        match self {
            ClaimView::Remit(c) => Adjustments::Remit(c.adjustments.iter()),
            ClaimView::Held(c) => Adjustments::Held(c.adjustments.iter()),
        }
    }

    /// MOA then MIA remark codes (copied from an 835 claim, where they live in two segments).
    pub(crate) fn remarks(self) -> std::borrow::Cow<'a, [Coded<Rarc>]> {
        match self {
            ClaimView::Remit(c) => std::borrow::Cow::Owned(c.remarks().cloned().collect()),
            ClaimView::Held(c) => std::borrow::Cow::Borrowed(&c.remarks),
        }
    }

    /// Whether an amount posting needs is absent (CLP03, CLP04, an SVC02/SVC03 or a CAS
    /// amount the 835 did not send readably): such a claim is not postable.
    pub(crate) fn amount_missing(self) -> bool {
        self.charge().is_none()
            || self.paid().is_none()
            || self.adjustments().any(|a| a.amount.is_none())
            || self.lines().any(|l| {
                l.charge().is_none()
                    || l.paid().is_none()
                    || l.adjustments().any(|a| a.amount.is_none())
            })
    }

    pub(crate) fn line_count(self) -> usize {
        match self {
            ClaimView::Remit(c) => c.lines.len(),
            ClaimView::Held(c) => c.lines.len(),
        }
    }

    pub(crate) fn lines(self) -> impl Iterator<Item = LineView<'a>> {
        let (remit, held) = match self {
            ClaimView::Remit(c) => (c.lines.as_slice(), &[][..]),
            ClaimView::Held(c) => (&[][..], c.lines.as_slice()),
        };
        remit
            .iter()
            .map(LineView::Remit)
            .chain(held.iter().map(LineView::Held))
    }

    /// The owned form, to hold in suspense.
    pub(crate) fn to_held(self) -> HeldClaim {
        match self {
            ClaimView::Remit(c) => HeldClaim::from_remit(c),
            ClaimView::Held(c) => c.clone(),
        }
    }
}
