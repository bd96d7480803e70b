//! "Why do I owe this?": one visit explained from its entries, to the patient (charges, what
//! each payer paid, adjusted and made the patient's and why, the patient's payments, what is
//! left), or to a payer asking about the claim (claim numbers, dates, codes, amounts, status)
//! with no more patient data than the question needs: no name, address, birth date or member
//! id, and nothing of what the patient paid.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::reading::claim_entries;
use super::rows::{service_codes, service_date};
use super::visit::{PayerFigures, PayerStatus, ShareLine, ShareReason, Visit, read_visit};
use super::words::{lower_first, party_label};
use crate::codes::{GroupCode, Modifier, ProcedureCode, RevenueCode};
use crate::ledger::{ChargedClaims, Entry, PayerRank};
use crate::money::Money;
use crate::remit::Coded;

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Audience {
    /// The patient.
    Patient,
    /// A payer.
    Payer,
}

/// A visit explained to the patient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PatientExplanation {
    /// The day the books were read as of.
    pub as_of: NaiveDate,
    /// The visit, from its entries.
    pub visit: Visit,
    /// The explanation, sentence by sentence.
    pub sentences: Vec<String>,
}

/// A claim line as a payer inquiry needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerInquiryLine {
    /// 0-based line.
    pub line: u32,
    /// Its date of service.
    pub service_date: NaiveDate,
    /// Its last date of service, for a span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_date_end: Option<NaiveDate>,
    /// The procedure code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<ProcedureCode>,
    /// Its modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// The revenue code, on an institutional line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_code: Option<RevenueCode>,
    /// Its charge on the books.
    pub charged: Money,
}

/// A claim explained to a payer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerExplanation {
    /// The day the books were read as of.
    pub as_of: NaiveDate,
    /// The claim's patient control number (CLM01).
    pub claim: String,
    /// The payers' claim numbers (CLP07), as their remittances gave them.
    pub payer_claim_numbers: Vec<String>,
    /// When the claim was first billed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billed: Option<NaiveDate>,
    /// The first date of service.
    pub first_service: NaiveDate,
    /// The last date of service.
    pub last_service: NaiveDate,
    /// The lines.
    pub lines: Vec<PayerInquiryLine>,
    /// The claim's charges.
    pub charged: Money,
    /// Each payer's answer and balance.
    pub payers: Vec<PayerFigures>,
    /// The patient responsibility the payers assigned (their PR adjustments to the patient).
    pub patient_responsibility: Money,
    /// The explanation, sentence by sentence.
    pub sentences: Vec<String>,
}

/// An explanation for its audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum VisitExplanation {
    /// To the patient.
    Patient(PatientExplanation),
    /// To a payer.
    Payer(PayerExplanation),
}

impl VisitExplanation {
    /// The sentences.
    pub fn sentences(&self) -> &[String] {
        match self {
            VisitExplanation::Patient(p) => &p.sentences,
            VisitExplanation::Payer(p) => &p.sentences,
        }
    }
}

/// The visit of `claim` (a patient control number) as of `as_of`.
fn visit_of<'a>(
    claim: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    claims: &(impl ChargedClaims + ?Sized),
    as_of: NaiveDate,
) -> Result<Visit, StatementError> {
    if claim.trim().is_empty() {
        return Err(StatementError::Missing { field: "claim" });
    }
    let entries = claim_entries(claim, entries, as_of);
    if entries.is_empty() {
        return Err(StatementError::UnknownClaim { field: "claim" });
    }
    let charged = claims
        .charged(claim)
        .ok_or(StatementError::ClaimNotCharged { position: 0 })?;
    read_visit(claim, &entries, &charged)
}

/// "A 1.00, b 2.00" from (words, amount) pairs.
fn listed<'s>(items: impl IntoIterator<Item = (&'s str, Money)>) -> String {
    items
        .into_iter()
        .enumerate()
        .map(|(i, (words, amount))| {
            let words = if i == 0 {
                words.to_owned()
            } else {
                lower_first(words)
            };
            format!("{words} {amount}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn dates(visit: &Visit) -> String {
    if visit.first_service == visit.last_service {
        format!("on {}", visit.first_service)
    } else {
        format!("from {} to {}", visit.first_service, visit.last_service)
    }
}

fn services(visit: &Visit) -> String {
    let count = visit.lines.len();
    let list = visit
        .lines
        .iter()
        .map(|l| format!("{} {}", service_codes(l), l.charged))
        .collect::<Vec<_>>()
        .join(", ");
    let noun = if count == 1 { "service" } else { "services" };
    format!("{count} {noun}: {list}")
}

/// The sentences about one payer, for the patient.
fn payer_sentences(visit: &Visit, payer: &PayerFigures, out: &mut Vec<String>) {
    let name = party_label(&payer.party, payer.name.as_deref());
    // The PR adjustments this payer made the patient's (what the practice moved is told
    // apart), and those it passed on to the next payer.
    let own: Vec<&ShareLine> = visit
        .share
        .iter()
        .filter(|s| s.from.as_ref() == Some(&payer.party))
        .filter(|s| matches!(s.reason, ShareReason::PatientResponsibility { .. }))
        .collect();
    let to_patient = Money::sum(own.iter().map(|s| s.amount)).unwrap_or(Money::ZERO);
    let responsibility = Money::sum(
        payer
            .adjustments
            .iter()
            .filter(|a| a.group == Coded::Known(GroupCode::Pr))
            .map(|a| a.taken_off),
    )
    .unwrap_or(Money::ZERO);
    let kept: Vec<_> = payer
        .adjustments
        .iter()
        .filter(|a| a.group != Coded::Known(GroupCode::Pr))
        .collect();
    match payer.status {
        PayerStatus::Awaiting => {
            out.push(format!(
                "We billed {name} {} and are waiting for its answer; you are not asked to pay that while we wait.",
                payer.billed
            ));
            return;
        }
        PayerStatus::Reversed => {
            out.push(format!(
                "{name} took back its earlier answer; we are waiting for its corrected answer."
            ));
            return;
        }
        PayerStatus::Denied => {
            let denied: Vec<_> = payer.adjustments.iter().filter(|a| a.denial).collect();
            if denied.is_empty() {
                out.push(format!("{name} did not pay this visit."));
            } else {
                out.push(format!(
                    "{name} did not pay this visit: {}.",
                    listed(denied.iter().map(|a| (a.words.as_str(), a.reported)))
                ));
            }
        }
        PayerStatus::Paid => out.push(format!("{name} paid {}.", payer.paid)),
        PayerStatus::Processed => out.push(format!(
            "{name} processed this visit and paid nothing toward it."
        )),
    }
    if matches!(payer.status, PayerStatus::Paid | PayerStatus::Processed) {
        let denied: Vec<_> = kept
            .iter()
            .filter(|a| a.denial && !a.reported.is_zero())
            .collect();
        if !denied.is_empty() {
            out.push(format!(
                "{name} did not pay part of this visit: {}.",
                listed(denied.iter().map(|a| (a.words.as_str(), a.reported)))
            ));
        }
    }
    let contract: Vec<_> = kept
        .iter()
        .filter(|a| !a.denial && !a.taken_off.is_zero())
        .collect();
    if !contract.is_empty() {
        let total = Money::sum(contract.iter().map(|a| a.taken_off)).unwrap_or(Money::ZERO);
        out.push(format!(
            "{name} took {total} off the charges ({}); you are not billed for that part.",
            listed(contract.iter().map(|a| (a.words.as_str(), a.taken_off)))
        ));
    }
    if !own.is_empty() {
        out.push(format!(
            "{name} made {to_patient} your share: {}.",
            listed(own.iter().map(|s| (s.words.as_str(), s.amount)))
        ));
    }
    let onward = responsibility
        .checked_sub(to_patient)
        .unwrap_or(Money::ZERO);
    if onward > Money::ZERO {
        out.push(format!(
            "{name} passed {onward} on to your next plan, which we billed."
        ));
    }
    if payer.pending > Money::ZERO {
        out.push(format!(
            "{name} still owes {}; we are working on it, and you are not billed for it while we do.",
            payer.pending
        ));
    }
}

/// The visit of `claim` explained to the patient, as of `as_of`.
pub fn explain_to_patient<'a>(
    claim: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    claims: &(impl ChargedClaims + ?Sized),
    as_of: NaiveDate,
) -> Result<PatientExplanation, StatementError> {
    let visit = visit_of(claim, entries, claims, as_of)?;
    let f = &visit.figures;
    let mut out = vec![format!(
        "Your visit {} (claim {}): we charged {} for {}.",
        dates(&visit),
        visit.claim,
        f.charged,
        services(&visit)
    )];
    for payer in &visit.payers {
        payer_sentences(&visit, payer, &mut out);
    }
    if !f.written_off.is_zero() {
        out.push(format!(
            "Our office wrote off {} that your insurance did not pay; you are not billed for it.",
            f.written_off
        ));
    }
    let practice: Vec<&ShareLine> = visit
        .share
        .iter()
        .filter(|s| !matches!(s.reason, ShareReason::PatientResponsibility { .. }))
        .collect();
    for share in practice {
        out.push(format!("{} {}.", share.words, share.amount));
    }
    for payment in &visit.payments {
        if payment.amount.is_negative() {
            out.push(format!(
                "A payment of {} was returned or undone on {}.",
                payment.amount.negated(),
                payment.date
            ));
        } else {
            out.push(format!("You paid {} on {}.", payment.amount, payment.date));
        }
    }
    if !f.share_written_off.is_zero() {
        out.push(format!(
            "Our office wrote off {} of your share.",
            f.share_written_off
        ));
    }
    out.push(if f.owes > Money::ZERO {
        format!("You owe {} for this visit.", f.owes)
    } else if f.owes.is_negative() {
        format!(
            "You paid {} more than your share of this visit: it is a credit on your account.",
            f.owes.negated()
        )
    } else {
        "You owe nothing for this visit.".to_owned()
    });
    Ok(PatientExplanation {
        as_of,
        visit,
        sentences: out,
    })
}

fn rank_words(payer: &PayerFigures) -> String {
    let rank = match payer.party.rank() {
        Some(PayerRank::Primary) => "primary",
        Some(PayerRank::Secondary) => "secondary",
        Some(PayerRank::Tertiary) => "tertiary",
        None => "payer",
    };
    match payer.party.payer_id() {
        Some(id) => format!("{rank}, {id}"),
        None => rank.to_owned(),
    }
}

fn status_words(status: PayerStatus) -> &'static str {
    match status {
        PayerStatus::Awaiting => "billed, no remittance yet",
        PayerStatus::Paid => "paid",
        PayerStatus::Processed => "processed without payment",
        PayerStatus::Denied => "denied",
        PayerStatus::Reversed => "reversed, no corrected remittance yet",
    }
}

/// The claim `claim` explained to a payer, as of `as_of`: no patient data beyond the claim's
/// own ids, dates of service, codes and amounts.
pub fn explain_to_payer<'a>(
    claim: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    claims: &(impl ChargedClaims + ?Sized),
    as_of: NaiveDate,
) -> Result<PayerExplanation, StatementError> {
    let visit = visit_of(claim, entries, claims, as_of)?;
    let mut numbers: Vec<String> = Vec::new();
    for answer in visit.payers.iter().flat_map(|p| &p.answers) {
        if let Some(number) = &answer.payer_claim_number {
            if !numbers.contains(number) {
                numbers.push(number.clone());
            }
        }
    }
    let lines: Vec<PayerInquiryLine> = visit
        .lines
        .iter()
        .map(|l| PayerInquiryLine {
            line: l.line,
            service_date: l.service_date,
            service_date_end: l.service_date_end,
            procedure: l.procedure,
            modifiers: l.modifiers.clone(),
            revenue_code: l.revenue_code,
            charged: l.charged,
        })
        .collect();
    let responsibility = Money::sum(
        visit
            .share
            .iter()
            .filter(|s| matches!(s.reason, ShareReason::PatientResponsibility { .. }))
            .map(|s| s.amount),
    )?;
    let mut out = vec![format!(
        "Claim {}{}: dates of service {}, {} line{}, charged {}.",
        visit.claim,
        visit
            .billed
            .map(|b| format!(", billed {b}"))
            .unwrap_or_default(),
        dates(&visit).trim_start_matches("on "),
        lines.len(),
        if lines.len() == 1 { "" } else { "s" },
        visit.figures.charged
    )];
    for line in &visit.lines {
        out.push(format!(
            "Line {}: {} {}, charged {}.",
            line.line.saturating_add(1),
            service_date(line),
            service_codes(line),
            line.charged
        ));
    }
    for payer in &visit.payers {
        let name = party_label(&payer.party, payer.name.as_deref());
        let numbers: Vec<&str> = payer
            .answers
            .iter()
            .filter_map(|a| a.payer_claim_number.as_deref())
            .collect();
        let mut sentence = format!("{name} ({})", rank_words(payer));
        if let Some(number) = numbers.last() {
            sentence.push_str(&format!(", claim number {number}"));
        }
        sentence.push_str(&format!(": {}", status_words(payer.status)));
        if let Some(answer) = payer.answers.last() {
            sentence.push_str(&format!(
                " (remittance {} of {})",
                answer.trace, answer.date
            ));
        }
        sentence.push_str(&format!("; billed {}, paid {}", payer.billed, payer.paid));
        if !payer.adjustments.is_empty() {
            let codes: Vec<String> = payer
                .adjustments
                .iter()
                .map(|a| format!("{}-{} {}", a.group, a.reason, a.reported))
                .collect();
            sentence.push_str(&format!(", adjustments {}", codes.join(", ")));
        }
        sentence.push_str(&format!("; balance with this payer {}.", payer.pending));
        out.push(sentence);
    }
    out.push(format!(
        "Patient responsibility assigned by the payers: {responsibility}."
    ));
    Ok(PayerExplanation {
        as_of,
        claim: visit.claim,
        payer_claim_numbers: numbers,
        billed: visit.billed,
        first_service: visit.first_service,
        last_service: visit.last_service,
        lines,
        charged: visit.figures.charged,
        payers: visit.payers,
        patient_responsibility: responsibility,
        sentences: out,
    })
}

/// The visit of `claim` explained to `audience`, as of `as_of`.
pub fn explain<'a>(
    claim: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    claims: &(impl ChargedClaims + ?Sized),
    as_of: NaiveDate,
    audience: Audience,
) -> Result<VisitExplanation, StatementError> {
    Ok(match audience {
        Audience::Patient => {
            VisitExplanation::Patient(explain_to_patient(claim, entries, claims, as_of)?)
        }
        Audience::Payer => {
            VisitExplanation::Payer(explain_to_payer(claim, entries, claims, as_of)?)
        }
    })
}
