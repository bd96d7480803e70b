//! The statement's content as labelled rows and lines of text, shared by the text and HTML
//! renderers so both say the same thing: each visit reads top to bottom as a sum (charged,
//! less what the payers paid, adjusted and still owe, is the patient's share; less what the
//! patient paid and what was written off, is what the patient owes).

use super::dunning::DunningStage;
use super::statement::Statement;
use super::visit::{Visit, VisitLine};
use super::words::{party_label, share_phrase};
use crate::claim::{Address, PersonName};
use crate::ledger::AgingBasis;
use crate::money::Money;

/// One labelled amount.
pub(crate) struct Row {
    /// What it is.
    pub(crate) label: String,
    /// The amount, signed as it adds up (a payment is negative).
    pub(crate) amount: Money,
    /// More words under it (the reasons of the patient's share).
    pub(crate) detail: Option<String>,
    /// A result (the share, what is owed), shown stronger.
    pub(crate) total: bool,
}

fn row(label: impl Into<String>, amount: Money) -> Row {
    Row {
        label: label.into(),
        amount,
        detail: None,
        total: false,
    }
}

/// The rows of a visit, leaving out zero amounts but the results.
pub(crate) fn visit_rows(visit: &Visit) -> Vec<Row> {
    let f = &visit.figures;
    let mut rows = vec![Row {
        total: true,
        ..row("Charged", f.charged)
    }];
    for payer in &visit.payers {
        let name = party_label(&payer.party, payer.name.as_deref());
        if !payer.paid.is_zero() {
            rows.push(row(format!("Paid by {name}"), payer.paid.negated()));
        }
        if !payer.adjusted.is_zero() {
            rows.push(row(
                format!("Adjusted by {name} (not billed to you)"),
                payer.adjusted.negated(),
            ));
        }
        if !payer.pending.is_zero() {
            rows.push(row(
                format!("Still billed to {name}"),
                payer.pending.negated(),
            ));
        }
    }
    if !f.written_off.is_zero() {
        rows.push(row(
            "Written off by our office (not billed to you)",
            f.written_off.negated(),
        ));
    }
    rows.push(Row {
        detail: (!visit.share.is_empty()).then(|| share_phrase(&visit.share)),
        total: true,
        ..row("Your share", f.patient_share)
    });
    if !f.patient_paid.is_zero() {
        rows.push(row("You paid", f.patient_paid.negated()));
    }
    if !f.share_written_off.is_zero() {
        rows.push(row(
            "Written off of your share by our office",
            f.share_written_off.negated(),
        ));
    }
    rows.push(Row {
        total: true,
        ..row(
            if f.owes.is_negative() {
                "Your credit on this visit"
            } else {
                "You owe for this visit"
            },
            f.owes,
        )
    });
    rows
}

/// The statement's summary rows.
pub(crate) fn summary_rows(statement: &Statement) -> Vec<Row> {
    let t = &statement.totals;
    let mut rows = vec![row("You owe on these visits", t.owed_on_visits)];
    if !t.unapplied.is_zero() {
        rows.push(row(
            if t.unapplied.is_negative() {
                "Payments not applied to a visit (credit)"
            } else {
                "Other amounts on your account"
            },
            t.unapplied,
        ));
    }
    rows.push(Row {
        total: true,
        ..row(
            if t.amount_due.is_negative() {
                "Credit on your account"
            } else {
                "Amount due"
            },
            t.amount_due,
        )
    });
    rows
}

/// The visit's heading.
pub(crate) fn visit_heading(visit: &Visit) -> String {
    if visit.first_service == visit.last_service {
        format!("Visit on {} (claim {})", visit.first_service, visit.claim)
    } else {
        format!(
            "Visit from {} to {} (claim {})",
            visit.first_service, visit.last_service, visit.claim
        )
    }
}

/// A service's date.
pub(crate) fn service_date(line: &VisitLine) -> String {
    match line.service_date_end {
        Some(end) => format!("{} to {end}", line.service_date),
        None => line.service_date.to_string(),
    }
}

/// A service's codes: procedure and modifiers, and the revenue code of an institutional line.
pub(crate) fn service_codes(line: &VisitLine) -> String {
    let mut parts = Vec::new();
    if let Some(revenue) = &line.revenue_code {
        parts.push(format!("rev {revenue}"));
    }
    if let Some(procedure) = &line.procedure {
        let mut code = procedure.to_string();
        for modifier in &line.modifiers {
            code.push('-');
            code.push_str(modifier.as_str());
        }
        parts.push(code);
    }
    if parts.is_empty() {
        format!("service {}", line.line.saturating_add(1))
    } else {
        parts.join(" ")
    }
}

/// The statement's title by its dunning stage.
pub(crate) fn title(statement: &Statement) -> &'static str {
    statement
        .dunning
        .as_ref()
        .map_or(DunningStage::Statement1.title(), |d| d.stage.title())
}

/// A person's name as written on an envelope.
pub(crate) fn person_name(name: &PersonName) -> String {
    let mut parts = vec![name.first.as_str()];
    if let Some(middle) = &name.middle {
        parts.push(middle);
    }
    parts.push(&name.last);
    if let Some(suffix) = &name.suffix {
        parts.push(suffix);
    }
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An address's lines, the ZIP+4 written with its hyphen.
pub(crate) fn address_lines(address: &Address) -> Vec<String> {
    let zip = match (address.postal_code.get(..5), address.postal_code.get(5..)) {
        (Some(five), Some(four)) if four.len() == 4 => format!("{five}-{four}"),
        _ => address.postal_code.clone(),
    };
    let mut lines = address.lines.clone();
    lines.push(format!("{}, {} {zip}", address.city, address.state));
    lines
}

/// The aging buckets' headings.
pub(crate) const AGING_HEADINGS: [&str; 5] = ["0-30", "31-60", "61-90", "91-120", "over 120"];

/// What the aging counts from, in words.
pub(crate) fn aging_basis_words(basis: AgingBasis) -> &'static str {
    match basis {
        AgingBasis::DateOfService => "days since the date of service",
        AgingBasis::FirstBilled => "days since the claim was billed",
        AgingBasis::LastPayment => "days since the last payment",
    }
}
