//! A claim printed as a CMS-1500 or UB-04: the core's layout (`medbill::claim::print::layout`,
//! which value goes in which box at which grid column and line) drawn as PDF bytes. Pure:
//! claim in, bytes out. This crate is apart from the core because PDF geometry is in `f32`
//! points (pdf-writer's unit) and the core holds no floating point.
//!
//! # The PDF crate
//!
//! Written with `pdf-writer` (the typst project's step-by-step PDF writer), compared with
//! `printpdf` and `krilla`:
//! - **fonts**: the forms need Courier (the OCR forms' pitch) and Helvetica (captions),
//!   two of the 14 standard PDF fonts every reader has, so nothing is embedded.
//!   `pdf-writer` names them as Type 1 base fonts; `krilla` draws text only from font files
//!   it embeds (OpenType through `skrifa`/`rustybuzz`); `printpdf` has built-in fonts too.
//! - **size**: `pdf-writer` has no dependencies beyond `itoa`, `ryu`, `memchr` and
//!   `bitflags`, so the WASM grows by little and a page is a few kilobytes. `printpdf`
//!   (0.8+) brings `lopdf`, `allsorts`, `image`, `svg2pdf`, `serde_json` and `time`;
//!   `krilla` brings `pdf-writer` itself plus font parsing, shaping and subsetting.
//! - **WASM**: all three build for `wasm32-unknown-unknown`; only `pdf-writer` does so
//!   with nothing to switch off.
//! - **API**: `pdf-writer` writes typed objects (catalog, pages, Type 1 fonts, content
//!   streams with `Tf`/`Tm`/`Tj`/`re`) — no PDF syntax by hand, but no layout either, which
//!   the forms do not need: every box has a fixed place. Patient statements and appeal
//!   letters can use the same writer (it is also what `krilla` is built on, should they
//!   ever need embedded fonts).

mod document;
mod pdf;

pub use document::{COLUMNS, LINES_PER_PAGE, document_pdf, wrap};

use medbill::Claim;
use medbill::claim::print::{Form, Placed, PrintError, PrintOptions, layout};

/// The geometry of a form on a US-letter page, in points from the top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// Left edge of column 1.
    pub left: f32,
    /// Top edge of line 1.
    pub top: f32,
}

/// Points per grid column (10 to the inch) and per line (6 to the inch).
pub const COLUMN_WIDTH: f32 = 7.2;
/// See [`COLUMN_WIDTH`].
pub const LINE_HEIGHT: f32 = 12.0;

/// Where a form's grid sits on the page: the 1500's at OpenEMR's default print margins
/// (24 pt left, 20 pt top), the UB-04's at the page's corner (its positions are measured from
/// the page's edges).
pub fn grid(form: Form) -> Grid {
    match form {
        Form::Cms1500 => Grid {
            left: 24.0,
            top: 20.0,
        },
        Form::Ub04 => Grid {
            left: 0.0,
            top: 0.0,
        },
    }
}

/// A placed value's rectangle in points from the page's top left: `(left, top, right,
/// bottom)`.
pub fn rect(placed: &Placed, form: Form) -> (f32, f32, f32, f32) {
    let grid = grid(form);
    let left = grid.left + f32::from(placed.col.saturating_sub(1)) * COLUMN_WIDTH;
    let top = grid.top + f32::from(placed.line.saturating_sub(1)) * LINE_HEIGHT;
    (
        left,
        top,
        left + f32::from(placed.width) * COLUMN_WIDTH,
        top + LINE_HEIGHT,
    )
}

/// Prints a claim on a form: the PDF's bytes.
pub fn print(claim: &Claim, form: Form, options: &PrintOptions) -> Result<Vec<u8>, PrintError> {
    let pages = layout(claim, form, options)?;
    Ok(pdf::render(form, options.mode, &pages))
}
