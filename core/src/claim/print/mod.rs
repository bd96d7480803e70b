//! The paper forms: a claim printed as a CMS-1500 (NUCC 02/12, professional) or a UB-04
//! (NUBC, institutional), as PDF bytes. Pure: claim in, bytes out.
//!
//! Two modes: [`Mode::Full`] draws every box with its caption and the data, for people to
//! read; [`Mode::DataOnly`] places only the data, in 12-point Courier on the forms' 10-pitch,
//! 6-lines-per-inch grid, for printing onto the red OCR forms. Every box comes from one
//! table ([`boxes::CMS1500`], [`boxes::UB04`]) that also names the claim field and the 837
//! element behind it, so the printed form and the 837 carry the same values. A claim with
//! more lines than a form holds (6 on a 1500, 22 on a UB-04) continues on further pages;
//! totals are printed on the last page only ("CONTINUED" in the 1500's box 28 before it;
//! the UB-04's line 23 says "PAGE n OF m" on each).
//!
//! The PDF itself is drawn by the `medbill-print` crate: pdf-writer works in floating-point
//! points, and the core keeps the layout exact (integer grid columns and lines).

mod boxes;
mod format;

pub use boxes::{CMS1500, FormBox, Pages, UB04};
pub use format::{Format, When};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use self::boxes::Source;
use crate::claim::{Claim, ClaimForm};
use crate::finding::Severity;
use crate::money::MoneyError;

/// Which paper form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// CMS-1500 (NUCC 02/12), for professional claims.
    Cms1500,
    /// UB-04 (NUBC, CMS-1450), for institutional claims.
    Ub04,
}

impl Form {
    /// The form's name.
    pub fn name(self) -> &'static str {
        match self {
            Form::Cms1500 => "CMS-1500",
            Form::Ub04 => "UB-04",
        }
    }

    /// The form's boxes.
    pub fn boxes(self) -> &'static [FormBox] {
        match self {
            Form::Cms1500 => CMS1500,
            Form::Ub04 => UB04,
        }
    }

    /// How many service lines one page holds.
    pub fn lines_per_page(self) -> usize {
        match self {
            Form::Cms1500 => 6,
            Form::Ub04 => 22,
        }
    }

    /// How many grid lines apart two service lines are.
    pub fn line_step(self) -> u16 {
        match self {
            Form::Cms1500 => 2,
            Form::Ub04 => 1,
        }
    }
}

impl std::str::FromStr for Form {
    type Err = PrintError;

    fn from_str(s: &str) -> Result<Form, PrintError> {
        match s {
            "cms1500" => Ok(Form::Cms1500),
            "ub04" => Ok(Form::Ub04),
            _ => Err(PrintError::UnknownForm),
        }
    }
}

/// What is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "PrintMode")]
pub enum Mode {
    /// The whole form: boxes, captions and data.
    #[default]
    Full,
    /// The data only, placed for the printed red forms.
    DataOnly,
}

/// How to print.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrintOptions {
    /// Whole form or data only.
    #[serde(default)]
    pub mode: Mode,
    /// Print even when the claim has validation errors (a draft to look at).
    #[serde(default)]
    pub allow_invalid: bool,
    /// The UB-04's creation date (FL 45, line 23); left blank when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<NaiveDate>,
}

/// Why a claim could not be printed. No message holds patient data: they name boxes and
/// claim fields.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    /// The form name is neither `cms1500` nor `ub04`.
    #[error("unknown form: expected cms1500 or ub04")]
    UnknownForm,
    /// A professional claim prints on a CMS-1500, an institutional one on a UB-04.
    #[error("a {form} prints {expected} claims; this claim is {found}")]
    WrongForm {
        /// The form asked for.
        form: &'static str,
        /// The kind of claim the form prints.
        expected: &'static str,
        /// The kind of this claim.
        found: &'static str,
    },
    /// The claim has validation errors (print with `allowInvalid` for a draft).
    #[error(
        "the claim has {count} validation error(s), the first at {first}: print a draft with allowInvalid"
    )]
    Invalid {
        /// How many errors.
        count: usize,
        /// The JSON pointer of the first.
        first: String,
    },
    /// A value is too long for its box, even squeezed to 60 % of its width.
    #[error(
        "box {box_id} holds {width} characters (squeezed, 5/3 as many); the claim's value ({field}) is longer"
    )]
    TooLong {
        /// The box.
        box_id: &'static str,
        /// Its width.
        width: u16,
        /// The claim field.
        field: &'static str,
    },
    /// More entries than the form has boxes for.
    #[error("box {box_id} holds {capacity}; the claim has {count} at {path}")]
    TooMany {
        /// The box.
        box_id: &'static str,
        /// How many it holds.
        capacity: usize,
        /// How many the claim has.
        count: usize,
        /// The claim field.
        path: &'static str,
    },
    /// A character the forms' fonts cannot show (outside Latin-1).
    #[error(
        "box {box_id} ({field}) holds a character outside Latin-1, which the form's font cannot print"
    )]
    NotPrintable {
        /// The box.
        box_id: &'static str,
        /// The claim field.
        field: &'static str,
    },
    /// A total over the lines overflowed.
    #[error("box {box_id}: {source}")]
    Overflow {
        /// The box.
        box_id: &'static str,
        /// What overflowed.
        source: MoneyError,
    },
}

/// One value placed on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The box.
    pub box_id: &'static str,
    /// Grid line (1 = top).
    pub line: u16,
    /// Grid column (1 = left).
    pub col: u16,
    /// Box width in characters.
    pub width: u16,
    /// What is printed.
    pub text: String,
    /// For a service line's box, the line's 0-based index in the claim.
    pub line_index: Option<usize>,
    /// The claim field (from the box table).
    pub field: &'static str,
    /// The 837 element (from the box table).
    pub x12: &'static str,
    /// How the box shows its value (from the box table).
    pub format: Format,
}

/// One page of a printed claim: the values and where they go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLayout {
    /// Page number, from 1.
    pub number: usize,
    /// The values placed.
    pub fields: Vec<Placed>,
}

/// Whether the forms' fonts (standard Type 1, WinAnsi encoding) can show a character:
/// printable ASCII and Latin-1.
pub fn printable(ch: char) -> bool {
    matches!(ch, ' '..='~' | '\u{a0}'..='\u{ff}')
}

/// Where each value of a claim goes on the form, page by page: what `medbill_print::print`
/// draws.
pub fn layout(
    claim: &Claim,
    form: Form,
    options: &PrintOptions,
) -> Result<Vec<PageLayout>, PrintError> {
    let found = match claim.form {
        ClaimForm::Professional(_) => "professional",
        ClaimForm::Institutional(_) => "institutional",
    };
    let expected = match form {
        Form::Cms1500 => "professional",
        Form::Ub04 => "institutional",
    };
    if found != expected {
        return Err(PrintError::WrongForm {
            form: form.name(),
            expected,
            found,
        });
    }
    if !options.allow_invalid {
        let errors: Vec<_> = claim
            .validate()
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        if let Some(first) = errors.first() {
            return Err(PrintError::Invalid {
                count: errors.len(),
                first: first.path.clone(),
            });
        }
    }
    for (box_id, capacity, count, path) in boxes::capacities(claim, form) {
        if count > capacity {
            return Err(PrintError::TooMany {
                box_id,
                capacity,
                count,
                path,
            });
        }
    }
    let per_page = form.lines_per_page();
    let lines = claim.line_count();
    let page_count = lines.div_ceil(per_page).max(1);
    let mut pages = Vec::with_capacity(page_count);
    for page in 0..page_count {
        let is_last = page.saturating_add(1) == page_count;
        let mut fields = Vec::new();
        for b in form.boxes() {
            let shown = match b.pages {
                Pages::Every => true,
                Pages::Last => is_last,
                Pages::NotLast => !is_last,
            };
            if !shown {
                continue;
            }
            let number = page.saturating_add(1);
            match b.source {
                Source::Line(value) => {
                    let first = page.saturating_mul(per_page);
                    for row in 0..per_page {
                        let index = first.saturating_add(row);
                        if index >= lines {
                            break;
                        }
                        let row = u16::try_from(row).unwrap_or(u16::MAX);
                        let line = b.line.saturating_add(row.saturating_mul(form.line_step()));
                        place(&mut fields, b, line, value(claim, index), Some(index))?;
                    }
                }
                Source::Claim(value) => place(&mut fields, b, b.line, value(claim), None)?,
                Source::Total(value) => {
                    let raw = value(claim).map_err(|source| PrintError::Overflow {
                        box_id: b.id,
                        source,
                    })?;
                    place(&mut fields, b, b.line, raw, None)?;
                }
                Source::PageNumber => {
                    place(&mut fields, b, b.line, Some(number.to_string()), None)?;
                }
                Source::PageCount => {
                    place(&mut fields, b, b.line, Some(page_count.to_string()), None)?;
                }
                Source::PageOfPages => {
                    let raw = (page_count > 1).then(|| format!("PAGE {number} OF {page_count}"));
                    place(&mut fields, b, b.line, raw, None)?;
                }
                Source::CreationDate => {
                    let raw = options
                        .creation_date
                        .map(|d| d.format("%Y%m%d").to_string());
                    place(&mut fields, b, b.line, raw, None)?;
                }
            }
        }
        pages.push(PageLayout {
            number: page.saturating_add(1),
            fields,
        });
    }
    Ok(pages)
}

fn place(
    fields: &mut Vec<Placed>,
    b: &FormBox,
    line: u16,
    raw: Option<String>,
    line_index: Option<usize>,
) -> Result<(), PrintError> {
    let Some(text) = b.format.render(raw.as_deref()) else {
        return Ok(());
    };
    if !text.chars().all(printable) {
        return Err(PrintError::NotPrintable {
            box_id: b.id,
            field: b.field,
        });
    }
    // A value up to 5/3 of its box is squeezed in (horizontal scaling down to 60 %, still
    // legible); a longer one is refused rather than cut.
    if text.chars().count().saturating_mul(3) > usize::from(b.width).saturating_mul(5) {
        return Err(PrintError::TooLong {
            box_id: b.id,
            width: b.width,
            field: b.field,
        });
    }
    fields.push(Placed {
        box_id: b.id,
        line,
        col: b.col,
        width: b.width,
        text,
        line_index,
        field: b.field,
        x12: b.x12,
        format: b.format,
    });
    Ok(())
}
