//! The supervisor's report: the KPIs of `medbill::kpi` as one self-contained HTML page — every
//! figure in a table with its numerator, denominator and definition, and three charts as
//! inline SVG: receivables by age, the denial Pareto, and charges, collections and the denial
//! rate month by month. Pure: figures in, text out.
//!
//! This crate is apart from the core because drawing works in floating point and the core
//! holds none (as with `medbill-print`). Every number the page shows is text made from the
//! exact decimals; a figure becomes `f64` only to place a bar, a point or a tick.
//!
//! # The plotting crate
//!
//! Drawn with `plotters` (0.3), the Rust plotting library most used and still maintained,
//! with only its SVG backend (`default-features = false, features = ["svg_backend"]`): no
//! bitmap encoders, no series helpers (bars are rectangles, lines are paths), and no `ttf`
//! feature, so no font files are read from the system. The SVG backend writes text as
//! `<text>` elements that the browser sets in its own sans-serif; plotters only estimates
//! their width for layout. The page holds no script, stylesheet link, image file or URL.
//!
//! ```
//! use medbill::kpi::{KpiRequest, kpis};
//!
//! let request = KpiRequest::new("2026-11-01".parse()?, "2026-12-31".parse()?);
//! // Empty books: no money, no rates, no months, and still a whole page with three charts.
//! let figures = kpis(&[], request)?;
//! let page = medbill_report::report_html(&figures, "Riverbend Family Medicine")?;
//! assert!(page.starts_with("<!doctype html>"));
//! assert_eq!(page.matches("<svg").count(), 3);
//! assert!(page.contains("No denials were posted in the period"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod charts;
mod page;
mod scale;
mod text;

pub use page::report_html;

use medbill::MoneyError;

/// Why a report could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// A chart could not be drawn (plotters' own error, which names no figure).
    #[error("a chart could not be drawn: {0}")]
    Chart(String),
    /// An axis could not be laid out over the figures (a figure beyond what a chart can
    /// place).
    #[error("an axis could not be laid out over the figures")]
    Scale,
    /// A running total overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ReportError
{
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> ReportError {
        ReportError::Chart(error.to_string())
    }
}
