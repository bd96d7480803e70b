//! `medbill books report`: the supervisor's numbers of a period (the same figures as `medbill
//! books kpi`, computed by the store and the core) as one self-contained HTML page with charts
//! (drawn by `medbill-report`), and as JSON. This file reads the command line and writes files.

use std::path::{Path, PathBuf};

use clap::Args;
use medbill_store::Books;

use crate::Failure;
use crate::output::outln;
use crate::work_cmd::{KpiArgs, kpi_request};

/// What to report and where to write it. With `--json` the figures are printed to standard
/// output exactly as `medbill books kpi --json` prints them, and nothing else is printed.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    medbill books report --html -o kpis.html\n  \
    medbill books report --from 2026-01-01 --to 2026-12-31 --html -o kpis.html --json > kpis.json\n  \
    medbill books report --json-out kpis.json")]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    period: KpiArgs,
    /// Write the report as one self-contained HTML page (figures, definitions and SVG charts;
    /// no script, nothing fetched) to the file given with -o.
    #[arg(long)]
    html: bool,
    /// The HTML page's file (with --html).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write the figures as JSON to this file (the JSON --json prints).
    #[arg(long, value_name = "FILE")]
    json_out: Option<PathBuf>,
    /// The page's title.
    #[arg(long, default_value = "Billing KPIs")]
    title: String,
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes)
        .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))
}

pub(crate) fn run(books: &Books, args: ReportArgs, as_json: bool) -> Result<u8, Failure> {
    // Checked here rather than by clap, whose refusal takes more than one line.
    let page = match (args.html, &args.output) {
        (true, Some(page)) => Some(page.as_path()),
        (true, None) => {
            return Err(Failure::input(
                "--html needs -o FILE: where to write the page",
            ));
        }
        (false, Some(_)) => {
            return Err(Failure::input(
                "-o FILE is the HTML page's file: give --html too",
            ));
        }
        (false, None) => None,
    };
    if page.is_none() && args.json_out.is_none() && !as_json {
        return Err(Failure::input(
            "nothing to write: give --html -o FILE, --json or --json-out FILE",
        ));
    }
    let kpis = books
        .kpis(kpi_request(&args.period)?)
        .map_err(|e| Failure {
            message: e.to_string(),
            status: 1,
        })?;
    let json = serde_json::to_string_pretty(&kpis).map_err(|e| Failure::input(e.to_string()))?;
    if let Some(path) = page {
        let html = medbill_report::report_html(&kpis, &args.title).map_err(|e| Failure {
            message: format!("the report could not be made: {e}"),
            status: 1,
        })?;
        write(path, html.as_bytes())?;
        if !as_json {
            outln!(
                "wrote the report of {} to {} to {} ({} bytes)",
                kpis.from,
                kpis.to,
                path.display(),
                html.len()
            );
        }
    }
    if let Some(path) = &args.json_out {
        write(path, format!("{json}\n").as_bytes())?;
        if !as_json {
            outln!("wrote the figures as JSON to {}", path.display());
        }
    }
    if as_json {
        outln!("{json}");
    }
    Ok(0)
}
