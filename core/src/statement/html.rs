//! A statement as one self-contained HTML page: inline style, no script, no image, no link to
//! anything outside it; every text it prints is escaped.

use std::fmt::Write;

use super::rows::{
    AGING_HEADINGS, Row, address_lines, aging_basis_words, person_name, service_codes,
    service_date, summary_rows, title, visit_heading, visit_rows,
};
use super::statement::Statement;
use crate::money::Money;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;color:#111}\
header{display:flex;justify-content:space-between;gap:2rem}\
h1{font-size:1.4rem;margin:1rem 0 .5rem}h2{font-size:1.05rem;margin:1.5rem 0 .3rem}\
table{border-collapse:collapse;width:100%}td,th{padding:.15rem .4rem;text-align:left}\
td.amount,th.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
tr.total td{font-weight:bold;border-top:1px solid #999}td.detail{padding-left:1.5rem;color:#444}\
.due{font-size:1.2rem;font-weight:bold}.message{border:1px solid #999;padding:.5rem;margin:1rem 0}";

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn lines(out: &mut String, lines: &[String]) {
    let escaped: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    // Writing into a String cannot fail.
    let _ = write!(out, "{}", escaped.join("<br>"));
}

fn amount_row(out: &mut String, label: &str, amount: Money, total: bool) {
    let class = if total { " class=\"total\"" } else { "" };
    let _ = write!(
        out,
        "<tr{class}><td>{}</td><td class=\"amount\">{}</td></tr>",
        escape(label),
        escape(&amount.to_string())
    );
}

fn rows(out: &mut String, rows: &[Row]) {
    for row in rows {
        amount_row(out, &row.label, row.amount, row.total);
        if let Some(detail) = &row.detail {
            let _ = write!(
                out,
                "<tr><td class=\"detail\" colspan=\"2\">{}</td></tr>",
                escape(detail)
            );
        }
    }
}

/// The statement as an HTML page.
pub fn statement_html(statement: &Statement) -> String {
    let mut out = String::new();
    let heading = title(statement);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} {}</title><style>{STYLE}</style></head><body>",
        escape(heading),
        escape(&statement.as_of.to_string())
    );
    out.push_str("<header><div>");
    if let Some(practice) = &statement.practice {
        let mut text = vec![practice.name.clone()];
        text.extend(practice.address.iter().flat_map(address_lines));
        if let Some(phone) = &practice.phone {
            text.push(format!("Phone: {phone}"));
        }
        out.push_str("<strong>");
        lines(&mut out, text.get(..1).unwrap_or_default());
        out.push_str("</strong><br>");
        lines(&mut out, text.get(1..).unwrap_or_default());
    }
    out.push_str("</div><div>");
    let mut facts = vec![
        format!("Statement date: {}", statement.as_of),
        format!("Account: {}", statement.patient_account),
    ];
    if let Some(addressee) = &statement.addressee {
        facts.push(format!(
            "Patient: {}",
            person_name(addressee.patient.expose())
        ));
    }
    lines(&mut out, &facts);
    out.push_str("</div></header>");
    let _ = write!(out, "<h1>{}</h1>", escape(heading));
    let due = statement.totals.amount_due;
    let due_text = if due > Money::ZERO {
        format!("Amount due: ${due}, please pay by {}", statement.pay_by)
    } else if due.is_negative() {
        format!("Credit on your account: ${}", due.negated())
    } else {
        "Amount due: $0.00".to_owned()
    };
    let _ = write!(out, "<p class=\"due\">{}</p>", escape(&due_text));
    if let Some(addressee) = &statement.addressee {
        let mut to = vec![person_name(addressee.mail_to.expose())];
        if let Some(address) = &addressee.address {
            to.extend(address_lines(address.expose()));
        }
        out.push_str("<address>");
        lines(&mut out, &to);
        out.push_str("</address>");
    }
    if let Some(dunning) = &statement.dunning {
        let _ = write!(out, "<p class=\"message\">{}</p>", escape(&dunning.message));
    }
    for visit in &statement.visits {
        let _ = write!(out, "<h2>{}</h2><table>", escape(&visit_heading(visit)));
        for line in &visit.lines {
            let label = format!("{}  {}", service_date(line), service_codes(line));
            amount_row(&mut out, &label, line.charged, false);
        }
        rows(&mut out, &visit_rows(visit));
        out.push_str("</table>");
    }
    out.push_str("<h2>Summary</h2><table>");
    rows(&mut out, &summary_rows(statement));
    out.push_str("</table>");
    let _ = write!(
        out,
        "<h2>What you owe by age ({})</h2><table><tr>",
        escape(aging_basis_words(statement.aging_basis))
    );
    for head in AGING_HEADINGS.iter().chain(&["total"]) {
        let _ = write!(out, "<th class=\"amount\">{}</th>", escape(head));
    }
    out.push_str("</tr><tr>");
    for amount in statement
        .aging
        .buckets
        .iter()
        .chain([&statement.aging.total])
    {
        let _ = write!(
            out,
            "<td class=\"amount\">{}</td>",
            escape(&amount.to_string())
        );
    }
    out.push_str("</tr></table></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
    }
}
