//! The report page from the figures of a small ledger worked by hand (the one of
//! core/tests/kpi.rs, RULES.md §15): one self-contained document, every figure's text, the
//! three charts, escaping, the Pareto in the figures' order, and the edge cases (no denials,
//! one month, no receivables, absent rates, many categories and months).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

#[path = "../../core/tests/ledger_support/mod.rs"]
mod ledger_support;

use ledger_support::{d, day_of_books, m};
use medbill::denial::DenialCategory;
use medbill::kpi::{CarcDenials, CategoryDenials, CountRate, KpiRequest, Kpis, MonthFigures, kpis};
use medbill_report::report_html;

fn figures(from: &str, to: &str) -> Kpis {
    kpis(day_of_books().entries(), KpiRequest::new(d(from), d(to))).unwrap()
}

fn year_end() -> Kpis {
    figures("2026-11-01", "2026-12-31")
}

/// The text of the `<figure id="…">` element.
fn figure<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<figure id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no figure {id}"));
    let end = start + page[start..].find("</figure>").unwrap();
    &page[start..end]
}

/// A whole HTML document that needs nothing from anywhere else.
fn assert_self_contained(page: &str) {
    assert!(page.starts_with("<!doctype html><html lang=\"en\">"));
    assert!(page.trim_end().ends_with("</html>"));
    assert_eq!(page.matches("<html").count(), 1);
    assert_eq!(page.matches("<body").count(), 1);
    let lower = page.to_ascii_lowercase();
    for banned in [
        "http:", "https:", "http", "src=", "href=", "<script", "<link", "<img", "<iframe", "url(",
        "@import", "xlink",
    ] {
        assert!(!lower.contains(banned), "the page holds {banned:?}");
    }
    assert_eq!(page.matches("<svg").count(), 3);
    assert_eq!(page.matches("</svg>").count(), 3);
    for id in ["aging-chart", "pareto-chart", "trend-chart"] {
        assert!(figure(page, id).contains("<svg"), "{id}");
    }
}

#[test]
fn the_page_is_one_document_with_three_charts_and_nothing_from_outside() {
    let page = report_html(&year_end(), "Riverbend Family Medicine").unwrap();
    assert_self_contained(&page);
    assert!(page.contains("<title>Riverbend Family Medicine</title>"));
    assert!(page.contains("The books from 2026-11-01 to 2026-12-31"));
}

#[test]
fn every_figure_is_on_the_page_as_worked_by_hand() {
    let page = report_html(&year_end(), "KPIs").unwrap();
    let row = |figure: &str| -> String {
        let start = page
            .find(&format!("<th scope=\"row\">{figure}</th>"))
            .unwrap_or_else(|| panic!("no row {figure}"));
        let end = start + page[start..].find("</tr>").unwrap();
        page[start..end].to_owned()
    };
    let has = |figure: &str, texts: &[&str]| {
        let row = row(figure);
        for text in texts {
            assert!(row.contains(text), "{figure}: {text} not in {row}");
        }
    };
    has("Claims", &[">5<"]);
    has("Charges", &["$655.00", "Σ charge entries"]);
    // 120.00 from Medicare and 30.00 from the patient.
    has("Collections", &["$150.00"]);
    has("Contractual adjustments", &["$85.00"]);
    // ENC-4 was rejected: 4 of the 5 claims billed were clean.
    has("Clean-claim rate", &["80.00%", "4 of 5 claims"]);
    // Of 4 first adjudications, only ENC-1's carried no denial.
    has("First-pass resolution rate", &["25.00%", "1 of 4 claims"]);
    has("Denial rate by count", &["75.00%", "3 of 4 adjudications"]);
    // 130 + 100 + 80 = 310 of 245 + 130 + 100 + 80 = 555: 55.855…%.
    has("Denial rate by amount", &["55.86%", "$310.00 of $555.00"]);
    // 210 ÷ (655 ÷ 90) = 28.85…
    has(
        "Days in AR",
        &["28.9", "$210.00 ÷ ($655.00 charged in 90 days ÷ 90)"],
    );
    // 150 ÷ (655 − 85) = 26.3157…%; 150 ÷ 655 = 22.9007…%.
    has("Net collection rate", &["26.32%", "$150.00 of $570.00"]);
    has("Gross collection rate", &["22.90%", "$150.00 of $655.00"]);
    // ENC-1 10 (the patient) + ENC-3 100 + ENC-4 100.
    has("Receivables", &["$210.00"]);
    has("AR over 90 days", &["0.00%", "$0.00 of $210.00"]);
    has("Timely-filing losses", &["$80.00"]);

    // Served 2026-11-20: 41 days before 12-31.
    assert!(page.contains("<td>31–60 days</td><td class=\"n\">$210.00</td>"));
    assert!(page.contains("<td>0–30 days</td><td class=\"n\">$0.00</td>"));
    // Billed 11-20, paid on the 12-01 check: 11 days.
    assert!(page.contains("<td>00952</td><td class=\"n\">1</td><td class=\"n\">11.0</td>"));
    // The Pareto's running shares: 130 / 310, 230 / 310, 310 / 310.
    assert!(page.contains(
        "<td>Bundling</td><td class=\"n\">1</td><td class=\"n\">$130.00</td><td class=\"n\">41.94%</td>"
    ));
    assert!(page.contains("<td class=\"n\">$100.00</td><td class=\"n\">74.19%</td>"));
    assert!(page.contains("<td class=\"n\">$80.00</td><td class=\"n\">100.00%</td>"));
    for carc in ["CO-97", "OA-18", "CO-29"] {
        assert!(page.contains(&format!("<td>{carc}</td>")), "{carc}");
    }
    // November: charges, no adjudication (no rate); December: 3 of 4 denied, and no net
    // collection rate (150 ÷ (0 − 85) has no positive base).
    assert!(page.contains(
        "<td>2026-11</td><td class=\"n\">$655.00</td><td class=\"n\">$0.00</td><td class=\"n\">$0.00</td><td class=\"n\">n/a (0 of 0)</td>"
    ));
    assert!(page.contains(
        "<td class=\"n\">75.00% (3 of 4)</td><td class=\"n\">n/a ($150.00 of -$85.00)</td>"
    ));

    // The charts carry the same texts.
    let aging = figure(&page, "aging-chart");
    assert!(aging.contains("$210.00"));
    assert!(aging.contains("91–120 days"));
    let pareto = figure(&page, "pareto-chart");
    for text in ["$130.00", "41.94%", "74.19%", "100.00%", "Timely filing"] {
        assert!(pareto.contains(text), "{text}");
    }
    let trend = figure(&page, "trend-chart");
    for text in ["2026-11", "2026-12", "75.00%", "Denial rate by count"] {
        assert!(trend.contains(text), "{text}");
    }
}

#[test]
fn every_text_is_escaped() {
    let mut k = year_end();
    k.days_to_payment[0].payer = "<script>alert('payer')</script> & Co".to_owned();
    let page = report_html(&k, "Books <b>\"A&B\"</b>").unwrap();
    assert_self_contained(&page);
    assert!(page.contains("&lt;script&gt;alert('payer')&lt;/script&gt; &amp; Co"));
    assert!(page.contains("<title>Books &lt;b&gt;\"A&amp;B\"&lt;/b&gt;</title>"));
    assert!(!page.contains("<b>"));
}

/// The x position of the chart text that is exactly `label`.
fn text_x(svg: &str, label: &str) -> f64 {
    let end = svg
        .find(&format!(">\n{label}\n</text>"))
        .unwrap_or_else(|| panic!("no text {label}"));
    let start = svg[..end].rfind("<text").unwrap();
    let tag = &svg[start..end];
    let x = tag.split("x=\"").nth(1).unwrap();
    x[..x.find('"').unwrap()].parse().unwrap()
}

/// The `(x, height)` of the Pareto's bars (filled with the bars' colour), left to right.
fn bars(svg: &str, fill: &str) -> Vec<(f64, f64)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let v = tag.split(&format!(" {name}=\"")).nth(1).unwrap();
        v[..v.find('"').unwrap()].parse().unwrap()
    };
    svg.split("<rect")
        .skip(1)
        .map(|r| &r[..r.find("/>").unwrap()])
        .filter(|r| r.contains(&format!("fill=\"{fill}\"")))
        .map(|r| (attr(r, "x"), attr(r, "y"), attr(r, "height")))
        // Not the legend's swatch along the top edge.
        .filter(|(_, y, _)| *y > 30.0)
        .map(|(x, _, height)| (x, height))
        .collect()
}

#[test]
fn the_pareto_bars_come_in_the_order_of_the_figures() {
    let page = report_html(&year_end(), "KPIs").unwrap();
    let pareto = figure(&page, "pareto-chart");
    // Bundling 130, Duplicate 100, Timely filing 80: left to right, each shorter.
    let xs: Vec<f64> = ["Bundling", "Duplicate", "Timely filing"]
        .iter()
        .map(|l| text_x(pareto, l))
        .collect();
    assert!(xs[0] < xs[1] && xs[1] < xs[2], "{xs:?}");
    let drawn = bars(pareto, "#466EA0");
    assert_eq!(drawn.len(), 3, "{pareto}");
    assert!(drawn[0].0 < drawn[1].0 && drawn[1].0 < drawn[2].0);
    assert!(
        drawn[0].1 > drawn[1].1 && drawn[1].1 > drawn[2].1,
        "{drawn:?}"
    );
    // 130 : 100 : 80, to the pixel.
    assert!(
        (drawn[0].1 / drawn[2].1 - 130.0 / 80.0).abs() < 0.05,
        "{drawn:?}"
    );

    // The chart draws the figures' order, whatever it is: it does not sort again.
    let mut k = year_end();
    k.denials_by_category.reverse();
    let page = report_html(&k, "KPIs").unwrap();
    let pareto = figure(&page, "pareto-chart");
    assert!(text_x(pareto, "Timely filing") < text_x(pareto, "Bundling"));
    // 80 / 310 = 25.806…%, then 180 / 310 = 58.064…%.
    assert!(pareto.contains("25.81%") && pareto.contains("58.06%"));
}

#[test]
fn empty_books_render_with_no_denials_no_months_no_receivables_and_no_rates() {
    let k = kpis(&[], KpiRequest::new(d("2026-11-01"), d("2026-12-31"))).unwrap();
    assert!(k.months.is_empty() && k.denials_by_category.is_empty());
    let page = report_html(&k, "Nothing yet").unwrap();
    assert_self_contained(&page);
    assert!(figure(&page, "aging-chart").contains("No receivables on 2026-12-31"));
    assert!(figure(&page, "pareto-chart").contains("No denials were posted in the period"));
    assert!(figure(&page, "trend-chart").contains("Nothing was posted in the period"));
    // Every rate has a zero denominator: absent, never 0% or 100%.
    assert!(page.contains("<td class=\"n\">n/a</td><td class=\"n\">0 of 0 claims</td>"));
    assert!(page.contains("<td class=\"n\">n/a</td><td class=\"n\">$0.00 of $0.00</td>"));
    assert!(page.contains("Denials by category: none in the period."));
    assert!(page.contains("Days to payment by payer: none in the period."));
}

#[test]
fn one_month_renders_its_bars_and_a_lone_rate_point() {
    // As of 11-30 only November exists: charges, no adjudication.
    let k = figures("2026-11-01", "2026-11-30");
    assert_eq!(k.months.len(), 1);
    let page = report_html(&k, "November").unwrap();
    assert_self_contained(&page);
    let trend = figure(&page, "trend-chart");
    assert!(trend.contains("2026-11"));
    assert_eq!(bars(trend, "#1F4E79").len(), 1, "one charges bar");
    // December alone: one month with a rate, drawn as a point with its label.
    let k = figures("2026-12-01", "2026-12-31");
    assert_eq!(k.months.len(), 1);
    let page = report_html(&k, "December").unwrap();
    let trend = figure(&page, "trend-chart");
    assert!(trend.contains("<circle"));
    assert!(trend.contains("75.00%"));
}

#[test]
fn many_categories_and_months_and_negative_amounts_render() {
    let mut k = year_end();
    let all = [
        DenialCategory::Eligibility,
        DenialCategory::Authorization,
        DenialCategory::Coding,
        DenialCategory::Bundling,
        DenialCategory::MedicalNecessity,
        DenialCategory::TimelyFiling,
        DenialCategory::Duplicate,
        DenialCategory::CoordinationOfBenefits,
        DenialCategory::PatientResponsibility,
        DenialCategory::Contractual,
        DenialCategory::Other,
    ];
    k.denials_by_category = all
        .iter()
        .enumerate()
        .map(|(i, category)| CategoryDenials {
            category: *category,
            count: 1,
            amount: m(&format!("{}.00", 1100 - 100 * i)),
        })
        .collect();
    k.denials_by_carc = vec![CarcDenials {
        code: "CO-16".to_owned(),
        category: DenialCategory::Other,
        count: -1,
        amount: m("-40.00"),
    }];
    k.months = (0..36)
        .map(|i| MonthFigures {
            month: format!("{:04}-{:02}", 2024 + i / 12, 1 + i % 12),
            charges: m(&format!("{}.00", 1000 + 10 * i)),
            collections: m(if i == 5 { "-25.00" } else { "800.00" }),
            contractual_adjustments: m("0"),
            denial_rate: CountRate {
                count: 1,
                of: if i % 7 == 3 { 0 } else { 4 },
                percent: if i % 7 == 3 {
                    None
                } else {
                    "25.00".parse().ok()
                },
            },
            net_collection_rate: Default::default(),
        })
        .collect();
    let page = report_html(&k, "Three years").unwrap();
    assert_self_contained(&page);
    let pareto = figure(&page, "pareto-chart");
    assert_eq!(bars(pareto, "#466EA0").len(), 11);
    assert!(pareto.contains("Coordination") && pareto.contains("of benefits"));
    let trend = figure(&page, "trend-chart");
    // Every third month is named when there are 36.
    assert!(trend.contains("2024-01") && trend.contains("2024-04"));
    assert!(!trend.contains(">\n2024-02\n<"));
    // The collections axis reaches below zero for the refund month.
    assert!(trend.contains("-$"), "a negative tick");

    // A category whose reversals outweigh it leaves no positive total: no running share.
    let mut k = year_end();
    k.denials_by_category = vec![CategoryDenials {
        category: DenialCategory::Coding,
        count: -1,
        amount: m("-50.00"),
    }];
    let page = report_html(&k, "Reversed").unwrap();
    assert_self_contained(&page);
    assert!(page.contains("<td class=\"n\">-$50.00</td><td class=\"n\">n/a</td>"));
}
