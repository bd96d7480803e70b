//! The page: one HTML document with its style inline, the figures in tables with their
//! definitions, and the three charts as inline SVG. No script, no link, no image file: it opens
//! the same anywhere, offline, and every text in it is escaped.

use std::fmt::Write as _;

use html_escape::encode_text as e;
use medbill::kpi::{AmountRate, CountRate, Kpis};

use crate::ReportError;
use crate::charts;
use crate::text::{self, definition};

const STYLE: &str = "\
:root{color-scheme:light;--ink:#212529;--muted:#6c757d;--rule:#dee2e6;--band:#f8f9fa}\
*{box-sizing:border-box}\
body{margin:0 auto;max-width:1000px;padding:24px;font:15px/1.45 system-ui,-apple-system,\
'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:var(--ink);background:#fff}\
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:2em 0 .5em;\
border-bottom:2px solid var(--rule);padding-bottom:.2em}\
p.lead{color:var(--muted);margin:0 0 1em}p.definition{color:var(--muted);margin:.2em 0 .8em}\
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}\
th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid var(--rule);vertical-align:top}\
thead th{background:var(--band);font-weight:600}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
td.def{color:var(--muted);font-size:.9em}\
figure{margin:1em 0}figure svg{display:block;width:100%;max-width:880px;height:auto}\
figcaption{color:var(--muted);font-size:.9em;margin-top:.3em}\
footer{margin-top:2em;color:var(--muted);font-size:.85em}\
@media print{body{padding:0}h2{break-after:avoid}figure,table{break-inside:avoid}}";

/// A row of the figures table.
struct Row<'a> {
    figure: &'a str,
    value: String,
    ratio: String,
    definition: &'a str,
}

fn count_row<'a>(figure: &'a str, rate: &CountRate, of: &str, definition: &'a str) -> Row<'a> {
    Row {
        figure,
        value: text::percent(rate.percent),
        ratio: format!("{} {of}", text::count_ratio(rate)),
        definition,
    }
}

fn amount_row<'a>(figure: &'a str, rate: &AmountRate, definition: &'a str) -> Row<'a> {
    Row {
        figure,
        value: text::percent(rate.percent),
        ratio: text::amount_ratio(rate),
        definition,
    }
}

fn money_row<'a>(figure: &'a str, amount: medbill::Money, definition: &'a str) -> Row<'a> {
    Row {
        figure,
        value: text::money(amount),
        ratio: String::new(),
        definition,
    }
}

fn rows(k: &Kpis) -> Vec<Row<'static>> {
    vec![
        Row {
            figure: "Claims",
            value: k.claims.to_string(),
            ratio: String::new(),
            definition: definition::CLAIMS,
        },
        money_row("Charges", k.charges, definition::CHARGES),
        money_row("Collections", k.collections, definition::COLLECTIONS),
        money_row(
            "Contractual adjustments",
            k.contractual_adjustments,
            definition::CONTRACTUAL,
        ),
        count_row(
            "Clean-claim rate",
            &k.clean_claim_rate,
            "claims",
            definition::CLEAN_CLAIM,
        ),
        count_row(
            "First-pass resolution rate",
            &k.first_pass_rate,
            "claims",
            definition::FIRST_PASS,
        ),
        count_row(
            "Denial rate by count",
            &k.denial_rate_by_count,
            "adjudications",
            definition::DENIAL_COUNT,
        ),
        amount_row(
            "Denial rate by amount",
            &k.denial_rate_by_amount,
            definition::DENIAL_AMOUNT,
        ),
        Row {
            figure: "Days in AR",
            value: text::days(k.days_in_ar),
            ratio: format!(
                "{} ÷ ({} charged in {} days ÷ {})",
                text::money(k.receivables),
                text::money(k.lookback_charges),
                k.lookback_days,
                k.lookback_days
            ),
            definition: definition::DAYS_IN_AR,
        },
        amount_row(
            "Net collection rate",
            &k.net_collection_rate,
            definition::NET_COLLECTION,
        ),
        amount_row(
            "Gross collection rate",
            &k.gross_collection_rate,
            definition::GROSS_COLLECTION,
        ),
        money_row("Receivables", k.receivables, definition::RECEIVABLES),
        Row {
            figure: "AR over 90 days",
            value: text::percent(k.ar_over_90.percent),
            ratio: text::amount_ratio(&k.ar_over_90),
            definition: definition::AR_OVER_90,
        },
        money_row(
            "Timely-filing losses",
            k.timely_filing_losses,
            definition::TIMELY_FILING,
        ),
    ]
}

/// Appends `<table>` with a header row and body rows (or a sentence saying there are none);
/// every cell is escaped, and a column marked numeric is right-aligned.
fn table(out: &mut String, caption: &str, header: &[(&str, bool)], body: &[Vec<String>]) {
    if body.is_empty() {
        let _ = write!(out, "<p>{}: none in the period.</p>", e(caption));
        return;
    }
    out.push_str("<table><caption hidden>");
    out.push_str(&e(caption));
    out.push_str("</caption><thead><tr>");
    for (name, numeric) in header {
        let class = if *numeric { " class=\"n\"" } else { "" };
        let _ = write!(out, "<th{class} scope=\"col\">{}</th>", e(name));
    }
    out.push_str("</tr></thead><tbody>");
    for row in body {
        out.push_str("<tr>");
        for (cell, (_, numeric)) in row.iter().zip(header) {
            let class = if *numeric { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", e(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// Appends a chart in a `<figure>`: plotters' SVG, named for assistive technology, with the
/// definition of what it shows as its caption. The SVG namespace attribute is dropped: an HTML
/// parser puts `<svg>` in that namespace itself, and the page then names no URL at all.
fn figure(out: &mut String, id: &str, svg: &str, name: &str, caption: &str) {
    let svg = svg.replacen(
        " xmlns=\"http://www.w3.org/2000/svg\"",
        &format!(" role=\"img\" aria-label=\"{}\"", e(name)),
        1,
    );
    let _ = write!(
        out,
        "<figure id=\"{id}\">{svg}<figcaption>{}</figcaption></figure>",
        e(caption)
    );
}

/// The report page for the figures, under a title.
pub fn report_html(kpis: &Kpis, title: &str) -> Result<String, ReportError> {
    let k = kpis;
    let aging = charts::aging(k)?;
    let pareto = charts::pareto(k)?;
    let trend = charts::trend(k)?;
    let mut out = String::with_capacity(
        aging
            .len()
            .saturating_add(pareto.len())
            .saturating_add(trend.len())
            .saturating_add(16 * 1024),
    );
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body><header><h1>{}</h1>\
         <p class=\"lead\">The books from {} to {}, as they stood at the end of {}.</p>\
         <p class=\"definition\">{}</p></header>",
        e(title),
        e(title),
        e(&k.from.to_string()),
        e(&k.to.to_string()),
        e(&k.to.to_string()),
        e(definition::PERIOD)
    );

    out.push_str("<section id=\"figures\"><h2>The figures</h2>");
    out.push_str(
        "<table class=\"kpis\"><caption hidden>The figures</caption><thead><tr>\
         <th scope=\"col\">Figure</th><th class=\"n\" scope=\"col\">Value</th>\
         <th class=\"n\" scope=\"col\">Numerator and denominator</th>\
         <th scope=\"col\">Definition</th></tr></thead><tbody>",
    );
    for row in rows(k) {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"def\">{}</td></tr>",
            e(row.figure),
            e(&row.value),
            e(&row.ratio),
            e(row.definition)
        );
    }
    out.push_str("</tbody></table>");
    let _ = write!(
        out,
        "<p class=\"definition\">{}</p></section>",
        e(definition::RATES)
    );

    out.push_str("<section id=\"aging\"><h2>Receivables by age</h2>");
    figure(
        &mut out,
        "aging-chart",
        &aging,
        "Receivables by age of the claim's first date of service",
        definition::AGING,
    );
    let aging_rows: Vec<Vec<String>> = k
        .aging
        .iter()
        .map(|a| vec![text::bucket(a.bucket).to_owned(), text::money(a.amount)])
        .collect();
    table(
        &mut out,
        "Receivables by age",
        &[("Age", false), ("Receivables", true)],
        &aging_rows,
    );
    out.push_str("</section>");

    out.push_str("<section id=\"denials\"><h2>Denials</h2>");
    figure(
        &mut out,
        "pareto-chart",
        &pareto,
        "Denial Pareto: denied amount by category, largest first, with the cumulative share",
        definition::PARETO,
    );
    let shares = charts::cumulative_shares(k)?;
    let category_rows: Vec<Vec<String>> = k
        .denials_by_category
        .iter()
        .zip(shares)
        .map(|(c, share)| {
            vec![
                text::category(c.category).to_owned(),
                c.count.to_string(),
                text::money(c.amount),
                text::percent(share),
            ]
        })
        .collect();
    table(
        &mut out,
        "Denials by category",
        &[
            ("Category", false),
            ("Denials", true),
            ("Denied amount", true),
            ("Cumulative share", true),
        ],
        &category_rows,
    );
    let carc_rows: Vec<Vec<String>> = k
        .denials_by_carc
        .iter()
        .map(|c| {
            vec![
                c.code.clone(),
                text::category(c.category).to_owned(),
                c.count.to_string(),
                text::money(c.amount),
            ]
        })
        .collect();
    table(
        &mut out,
        "Denials by group and CARC",
        &[
            ("Group and CARC", false),
            ("Category", false),
            ("Denials", true),
            ("Denied amount", true),
        ],
        &carc_rows,
    );
    out.push_str("</section>");

    out.push_str("<section id=\"months\"><h2>Month by month</h2>");
    figure(
        &mut out,
        "trend-chart",
        &trend,
        "Charges and collections by month, and the denial rate by count",
        definition::MONTHS,
    );
    let month_rows: Vec<Vec<String>> = k
        .months
        .iter()
        .map(|m| {
            vec![
                m.month.clone(),
                text::money(m.charges),
                text::money(m.collections),
                text::money(m.contractual_adjustments),
                format!(
                    "{} ({})",
                    text::percent(m.denial_rate.percent),
                    text::count_ratio(&m.denial_rate)
                ),
                format!(
                    "{} ({})",
                    text::percent(m.net_collection_rate.percent),
                    text::amount_ratio(&m.net_collection_rate)
                ),
            ]
        })
        .collect();
    table(
        &mut out,
        "Month by month",
        &[
            ("Month", false),
            ("Charges", true),
            ("Collections", true),
            ("Contractual adjustments", true),
            ("Denial rate by count", true),
            ("Net collection rate", true),
        ],
        &month_rows,
    );
    out.push_str("</section>");

    out.push_str("<section id=\"payers\"><h2>Days to payment by payer</h2>");
    let _ = write!(
        out,
        "<p class=\"definition\">{}</p>",
        e(definition::DAYS_TO_PAYMENT)
    );
    let payer_rows: Vec<Vec<String>> = k
        .days_to_payment
        .iter()
        .map(|p| {
            vec![
                p.payer.clone(),
                p.payments.to_string(),
                text::days(Some(p.average_days)),
            ]
        })
        .collect();
    table(
        &mut out,
        "Days to payment by payer",
        &[
            ("Payer", false),
            ("First payments", true),
            ("Average days", true),
        ],
        &payer_rows,
    );
    out.push_str(
        "</section><footer>Made by medbill from the books alone; the definitions are \
         medbill::kpi's (RULES.md §15).</footer></body></html>\n",
    );
    Ok(out)
}
