//! The patient statement: a plain document (no layout) of what a patient account owes as of a
//! date, visit by visit, with why, the totals, the patient's aging and the dunning stage.
//! [`statement_text`](super::statement_text) and [`statement_html`](super::statement_html)
//! render it; a PDF renderer can take the same document.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::StatementError;
use super::dunning::{Dunning, DunningPolicy, dunning, pay_by};
use super::reading::PatientEntries;
use super::visit::{Visit, VisitFigures};
use crate::claim::{Address, PartyName, PersonName};
use crate::ledger::{AgingBasis, AgingRow, ChargedClaim, ChargedClaims, Entry, Party, aging};
use crate::money::Money;
use crate::phi::Phi;

/// How to make a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementOptions {
    /// The statement's date: entries posted on or before it count.
    pub as_of: NaiveDate,
    /// The dunning stages and when to pay (default: [`DunningPolicy::default`]).
    #[serde(default)]
    pub dunning: DunningPolicy,
    /// What the patient's aging counts from (default: the date of service).
    #[serde(default = "date_of_service")]
    pub aging_basis: AgingBasis,
    /// Show settled visits too (default: only visits where the patient or a payer still owes
    /// something).
    #[serde(default)]
    pub include_settled: bool,
}

fn date_of_service() -> AgingBasis {
    AgingBasis::DateOfService
}

impl StatementOptions {
    /// A statement dated `as_of` with the default policy, aging from the date of service.
    pub fn on(as_of: NaiveDate) -> StatementOptions {
        StatementOptions {
            as_of,
            dunning: DunningPolicy::default(),
            aging_basis: AgingBasis::DateOfService,
            include_settled: false,
        }
    }
}

/// The practice, as the claims bill it (the billing provider).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementPractice {
    /// Its name.
    pub name: String,
    /// Its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Its first telephone number, when the claim gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Whom the statement is for. Patient data: `Debug` prints `[redacted]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementAddressee {
    /// The patient.
    pub patient: Phi<PersonName>,
    /// The person the statement is mailed to: the subscriber (the insured, who answers for a
    /// dependent's bills).
    pub mail_to: Phi<PersonName>,
    /// The subscriber's address, when the claim has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Phi<Address>>,
}

/// A statement's totals over the visits it shows, and the account's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementTotals {
    /// The visits' figures added up.
    pub visits: VisitFigures,
    /// What the patient owes on every visit (shown or not): the patient's balance on the
    /// account's claims.
    pub owed_on_visits: Money,
    /// Money kept on the patient account, not applied to a visit (negative: a credit).
    pub unapplied: Money,
    /// What the patient is asked to pay: `owedOnVisits + unapplied` (negative: a credit).
    pub amount_due: Money,
}

/// A patient statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Statement {
    /// The patient account id.
    pub patient_account: String,
    /// The statement's date.
    pub as_of: NaiveDate,
    /// The day it asks to be paid by.
    pub pay_by: NaiveDate,
    /// The practice, from the latest visit's claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<StatementPractice>,
    /// Whom it is for, from the latest visit's claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<StatementAddressee>,
    /// The visits, oldest first (by date of service).
    pub visits: Vec<Visit>,
    /// The totals.
    pub totals: StatementTotals,
    /// The patient's balance on the account's claims by age.
    pub aging: AgingRow,
    /// What the ages count from.
    pub aging_basis: AgingBasis,
    /// The dunning stage, when the patient owes something.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dunning: Option<Dunning>,
}

fn add_figures(total: &mut VisitFigures, visit: &VisitFigures) -> Result<(), StatementError> {
    let pairs = [
        (&mut total.charged, visit.charged),
        (&mut total.insurance_paid, visit.insurance_paid),
        (&mut total.insurance_adjusted, visit.insurance_adjusted),
        (&mut total.written_off, visit.written_off),
        (&mut total.patient_share, visit.patient_share),
        (&mut total.patient_paid, visit.patient_paid),
        (&mut total.share_written_off, visit.share_written_off),
        (&mut total.insurance_pending, visit.insurance_pending),
        (&mut total.owes, visit.owes),
    ];
    for (sum, amount) in pairs {
        *sum = sum.checked_add(amount)?;
    }
    Ok(())
}

fn practice_of(claim: &ChargedClaim) -> StatementPractice {
    let provider = &claim.claim.billing_provider;
    let name = match &provider.name {
        PartyName::Organization { name } => name.clone(),
        PartyName::Person(person) => format!("{} {}", person.first, person.last),
    };
    let phone = provider
        .contacts
        .iter()
        .flat_map(|c| &c.numbers)
        .find(|n| n.kind == crate::claim::ContactNumberKind::Telephone)
        .map(|n| n.number.clone());
    StatementPractice {
        name,
        address: provider.address.clone(),
        phone,
    }
}

fn addressee_of(claim: &ChargedClaim) -> StatementAddressee {
    let subscriber = &claim.claim.subscriber;
    StatementAddressee {
        patient: claim
            .claim
            .patient
            .as_ref()
            .map_or_else(|| subscriber.name.clone(), |p| p.name.clone()),
        mail_to: subscriber.name.clone(),
        address: subscriber.address.clone(),
    }
}

/// A statement with its two renderings, for hosts that show, mail or save it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementDocuments {
    /// The statement.
    pub statement: Statement,
    /// As plain text ([`statement_text`](super::statement_text)).
    pub text: String,
    /// As one self-contained HTML page ([`statement_html`](super::statement_html)).
    pub html: String,
}

/// [`statement`] with its text and HTML.
pub fn statement_documents<'a>(
    patient: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    claims: &(impl ChargedClaims + ?Sized),
    options: &StatementOptions,
) -> Result<StatementDocuments, StatementError> {
    let statement = statement(patient, entries, claims, options)?;
    Ok(StatementDocuments {
        text: super::statement_text(&statement),
        html: super::statement_html(&statement),
        statement,
    })
}

/// The statement of patient account `patient` as of `options.as_of`, from the books'
/// `entries` (all of them, or the patient's: others are skipped) and the charged claims.
///
/// Refused: an empty patient id, a patient without entries as of the date, a claim on the
/// books without its charged claim, an unusable dunning policy.
pub fn statement<'a>(
    patient: &str,
    entries: impl IntoIterator<Item = &'a Entry>,
    claims: &(impl ChargedClaims + ?Sized),
    options: &StatementOptions,
) -> Result<Statement, StatementError> {
    options.dunning.check()?;
    let as_of = options.as_of;
    let book = PatientEntries::of(patient, entries, as_of)?;
    let mut visits = book.visits(claims)?;
    let latest = visits
        .iter()
        .max_by_key(|v| (v.last_service, v.claim.clone()))
        .and_then(|v| claims.charged(&v.claim));
    let practice = latest.as_deref().map(practice_of);
    let addressee = latest.as_deref().map(addressee_of);
    let owed_on_visits = Money::sum(visits.iter().map(|v| v.figures.owes))?;
    let unapplied = book.unapplied_balance()?;
    let amount_due = owed_on_visits.checked_add(unapplied)?;
    let owed_since = visits
        .iter()
        .filter(|v| v.figures.owes > Money::ZERO)
        .filter_map(|v| v.owed_since)
        .min();
    let dunning = match owed_since {
        Some(since) if amount_due > Money::ZERO => Some(dunning(since, as_of, &options.dunning)?),
        _ => None,
    };
    let claim_entries = book.claims.values().flatten().copied();
    let report = aging(claim_entries, as_of, options.aging_basis)?;
    let aging = report
        .rows
        .into_iter()
        .find(|r| r.party == Some(Party::Patient))
        .unwrap_or(AgingRow {
            party: Some(Party::Patient),
            buckets: [Money::ZERO; 5],
            total: Money::ZERO,
        });
    if !options.include_settled {
        visits.retain(|v| !v.figures.owes.is_zero() || !v.figures.insurance_pending.is_zero());
    }
    visits.sort_by(|a, b| (a.first_service, &a.claim).cmp(&(b.first_service, &b.claim)));
    let mut shown = VisitFigures::default();
    for visit in &visits {
        add_figures(&mut shown, &visit.figures)?;
    }
    Ok(Statement {
        patient_account: patient.to_owned(),
        as_of,
        pay_by: pay_by(as_of, &options.dunning)?,
        practice,
        addressee,
        visits,
        totals: StatementTotals {
            visits: shown,
            owed_on_visits,
            unapplied,
            amount_due,
        },
        aging,
        aging_basis: options.aging_basis,
        dunning,
    })
}
