//! Draws laid-out pages with `pdf-writer`: US letter, Courier for the data (12 pt, 10
//! characters to the inch), Helvetica for captions, both standard fonts, not embedded.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

use medbill::claim::print::{Form, Mode, PageLayout, Pages};

use crate::{COLUMN_WIDTH, LINE_HEIGHT, grid};

const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const DATA_SIZE: f32 = 12.0;
const CAPTION_SIZE: f32 = 4.0;
const COURIER: Name<'static> = Name(b"Courier");
const HELVETICA: Name<'static> = Name(b"Helvetica");
const DATA_FONT: Name<'static> = Name(b"F1");
const CAPTION_FONT: Name<'static> = Name(b"F2");

/// The character as a WinAnsi byte (which equals Latin-1 for what
/// `medbill::claim::print::printable` admits).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .filter_map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

pub(crate) fn render(form: Form, mode: Mode, pages: &[PageLayout]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut id = || {
        let r = Ref::new(next);
        next = next.saturating_add(1);
        r
    };
    let catalog = id();
    let tree = id();
    let courier = id();
    let helvetica = id();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (id(), id())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    for (layout, (page_id, content_id)) in pages.iter().zip(&page_ids) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree);
        page.contents(*content_id);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        fonts.pair(DATA_FONT, courier);
        fonts.pair(CAPTION_FONT, helvetica);
        fonts.finish();
        resources.finish();
        page.finish();
        let content = page_content(form, mode, layout, pages.len());
        pdf.stream(*content_id, &content);
    }
    pdf.type1_font(courier)
        .base_font(COURIER)
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(helvetica)
        .base_font(HELVETICA)
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.finish()
}

fn page_content(form: Form, mode: Mode, layout: &PageLayout, page_count: usize) -> Vec<u8> {
    let grid = grid(form);
    let mut content = Content::new();
    if mode == Mode::Full {
        draw_form(&mut content, form, layout.number == page_count);
    }
    content.set_fill_rgb(0.0, 0.0, 0.0);
    content.begin_text();
    content.set_font(DATA_FONT, DATA_SIZE);
    for field in &layout.fields {
        let chars = u16::try_from(field.text.chars().count()).unwrap_or(field.width);
        let squeeze = if chars > field.width {
            f32::from(field.width) / f32::from(chars) * 100.0
        } else {
            100.0
        };
        content.set_horizontal_scaling(squeeze);
        let shift = if field.format.right_aligned() {
            field.width.saturating_sub(chars)
        } else {
            0
        };
        let x =
            grid.left + f32::from(field.col.saturating_sub(1).saturating_add(shift)) * COLUMN_WIDTH;
        let baseline = grid.top + f32::from(field.line) * LINE_HEIGHT - 2.5;
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, PAGE_HEIGHT - baseline]);
        content.show(Str(&win_ansi(&field.text)));
    }
    content.end_text();
    content.finish().to_vec()
}

/// Every box of the form, outlined, with its caption at its top left; a service line's
/// boxes for every row of the page, captioned on the first.
fn draw_form(content: &mut Content, form: Form, last_page: bool) {
    let grid = grid(form);
    content.set_stroke_rgb(0.75, 0.1, 0.1);
    content.set_line_width(0.4);
    let rows = u16::try_from(form.lines_per_page()).unwrap_or(1);
    let mut captions: Vec<(f32, f32, &str)> = Vec::new();
    for b in form.boxes() {
        let shown = match b.pages {
            Pages::Every => true,
            Pages::Last => last_page,
            Pages::NotLast => !last_page,
        };
        if !shown {
            continue;
        }
        let count = if b.per_line() { rows } else { 1 };
        for row in 0..count {
            let line = b.line.saturating_add(row.saturating_mul(form.line_step()));
            let left = grid.left + f32::from(b.col.saturating_sub(1)) * COLUMN_WIDTH - 1.0;
            let top = grid.top + f32::from(line.saturating_sub(1)) * LINE_HEIGHT;
            let width = f32::from(b.width) * COLUMN_WIDTH + 2.0;
            content.rect(left, PAGE_HEIGHT - top - LINE_HEIGHT, width, LINE_HEIGHT);
            if row == 0 {
                captions.push((left + 0.8, top + 3.6, b.label));
            }
        }
    }
    content.stroke();
    content.set_fill_rgb(0.75, 0.1, 0.1);
    content.begin_text();
    content.set_font(CAPTION_FONT, 7.0);
    let title = match form {
        Form::Cms1500 => "HEALTH INSURANCE CLAIM FORM (NUCC 1500, 02/12)",
        Form::Ub04 => "UB-04 (NUBC CMS-1450)",
    };
    let title_top = match form {
        Form::Cms1500 => 14.0,
        Form::Ub04 => 9.0,
    };
    let title_left = match form {
        Form::Cms1500 => 24.0,
        Form::Ub04 => 200.0,
    };
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, title_left, PAGE_HEIGHT - title_top]);
    content.show(Str(title.as_bytes()));
    content.set_font(CAPTION_FONT, CAPTION_SIZE);
    for (x, baseline, caption) in captions {
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, PAGE_HEIGHT - baseline]);
        content.show(Str(&win_ansi(caption)));
    }
    content.end_text();
}
