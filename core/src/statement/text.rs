//! A statement as plain text, 72 columns wide: for a terminal, an e-mail body or a printer
//! that takes text.

use std::fmt::Write;

use super::rows::{
    AGING_HEADINGS, Row, address_lines, aging_basis_words, person_name, service_codes,
    service_date, summary_rows, title, visit_heading, visit_rows,
};
use super::statement::Statement;
use crate::money::Money;

const WIDTH: usize = 72;
const AMOUNT: usize = 12;

fn amount_line(out: &mut String, indent: usize, label: &str, amount: Money) {
    let amount = amount.to_string();
    let room = WIDTH.saturating_sub(indent).saturating_sub(AMOUNT);
    // Writing into a String cannot fail.
    let _ = writeln!(
        out,
        "{:indent$}{label:<room$}{amount:>AMOUNT$}",
        "",
        indent = indent
    );
}

fn rows(out: &mut String, rows: &[Row]) {
    for row in rows {
        amount_line(out, 2, &row.label, row.amount);
        if let Some(detail) = &row.detail {
            let _ = writeln!(out, "    {detail}");
        }
    }
}

/// The statement as text.
pub fn statement_text(statement: &Statement) -> String {
    let mut out = String::new();
    if let Some(practice) = &statement.practice {
        let _ = writeln!(out, "{}", practice.name);
        for line in practice.address.iter().flat_map(address_lines) {
            let _ = writeln!(out, "{line}");
        }
        if let Some(phone) = &practice.phone {
            let _ = writeln!(out, "Phone: {phone}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", title(statement).to_uppercase());
    let _ = writeln!(out, "Statement date: {}", statement.as_of);
    let _ = writeln!(out, "Account: {}", statement.patient_account);
    if let Some(addressee) = &statement.addressee {
        let _ = writeln!(out, "Patient: {}", person_name(addressee.patient.expose()));
    }
    let due = statement.totals.amount_due;
    if due > Money::ZERO {
        let _ = writeln!(out, "Amount due: ${due}");
        let _ = writeln!(out, "Please pay by: {}", statement.pay_by);
    } else if due.is_negative() {
        let _ = writeln!(out, "Credit on your account: ${}", due.negated());
    } else {
        let _ = writeln!(out, "Amount due: $0.00");
    }
    if let Some(addressee) = &statement.addressee {
        out.push('\n');
        let _ = writeln!(out, "To:");
        let _ = writeln!(out, "  {}", person_name(addressee.mail_to.expose()));
        if let Some(address) = &addressee.address {
            for line in address_lines(address.expose()) {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    if let Some(dunning) = &statement.dunning {
        out.push('\n');
        let _ = writeln!(out, "{}", dunning.message);
    }
    for visit in &statement.visits {
        out.push('\n');
        let _ = writeln!(out, "{}", visit_heading(visit));
        for line in &visit.lines {
            let label = format!("{}  {}", service_date(line), service_codes(line));
            amount_line(&mut out, 2, &label, line.charged);
        }
        rows(&mut out, &visit_rows(visit));
    }
    out.push('\n');
    let _ = writeln!(out, "Summary");
    rows(&mut out, &summary_rows(statement));
    out.push('\n');
    let _ = writeln!(
        out,
        "What you owe by age ({})",
        aging_basis_words(statement.aging_basis)
    );
    let mut heads = String::from("  ");
    let mut figures = String::from("  ");
    for (head, amount) in AGING_HEADINGS.iter().zip(statement.aging.buckets) {
        let _ = write!(heads, "{head:>AMOUNT$}");
        let _ = write!(figures, "{:>AMOUNT$}", amount.to_string());
    }
    let _ = write!(heads, "{:>AMOUNT$}", "total");
    let _ = write!(figures, "{:>AMOUNT$}", statement.aging.total.to_string());
    let _ = writeln!(out, "{heads}");
    let _ = writeln!(out, "{figures}");
    out
}
