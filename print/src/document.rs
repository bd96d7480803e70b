//! A document of text lines (an appeal letter, a patient statement) as PDF: US letter,
//! Courier 10 pt (12 characters to the inch), 1-inch margins, long lines wrapped at word
//! boundaries, pages numbered "Page n of m".

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 72.0;
const SIZE: f32 = 10.0;
const LEADING: f32 = 12.0;
/// Characters per line: 6.5 inches at 12 characters to the inch.
pub const COLUMNS: usize = 78;
/// Lines per page: 9 inches at 6 lines to the inch, less the page number's line and a gap.
pub const LINES_PER_PAGE: usize = 52;
const FONT: Name<'static> = Name(b"F1");

/// A character as its WinAnsi (Latin-1 range) byte; a character outside it prints as `?`
/// (the text form of the document keeps it).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

/// Wraps a line at word boundaries to [`COLUMNS`] characters (a word longer than a line is
/// cut); indentation is kept on continuation lines.
pub fn wrap(line: &str) -> Vec<String> {
    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let needed = current
            .chars()
            .count()
            .saturating_add(word.chars().count())
            .saturating_add(1);
        if !current.is_empty() && needed > COLUMNS {
            out.push(std::mem::take(&mut current));
        }
        if current.is_empty() {
            current.push_str(&indent);
        } else {
            current.push(' ');
        }
        let mut rest: Vec<char> = word.chars().collect();
        while current.chars().count().saturating_add(rest.len()) > COLUMNS {
            let room = COLUMNS.saturating_sub(current.chars().count()).max(1);
            let (head, tail) = rest.split_at(room.min(rest.len()));
            current.extend(head.iter());
            out.push(std::mem::take(&mut current));
            rest = tail.to_vec();
        }
        current.extend(rest.iter());
    }
    out.push(current);
    out
}

/// The lines as a PDF.
pub fn document_pdf(lines: &[String]) -> Vec<u8> {
    let wrapped: Vec<String> = lines.iter().flat_map(|l| wrap(l)).collect();
    let pages: Vec<&[String]> = if wrapped.is_empty() {
        vec![&[][..]]
    } else {
        wrapped.chunks(LINES_PER_PAGE).collect()
    };
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
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (id(), id())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    let count = pages.len();
    for (number, (lines, (page_id, content_id))) in pages.iter().zip(&page_ids).enumerate() {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree);
        page.contents(*content_id);
        page.resources().fonts().pair(FONT, courier);
        page.finish();
        let mut content = Content::new();
        content.begin_text();
        content.set_font(FONT, SIZE);
        let mut y = PAGE_HEIGHT - MARGIN;
        for line in lines.iter() {
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, MARGIN, y]);
            content.show(Str(&win_ansi(line)));
            y -= LEADING;
        }
        if count > 1 {
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, MARGIN, MARGIN - LEADING]);
            content.show(Str(
                format!("Page {} of {count}", number.saturating_add(1)).as_bytes()
            ));
        }
        content.end_text();
        pdf.stream(*content_id, &content.finish());
    }
    pdf.type1_font(courier)
        .base_font(Name(b"Courier"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.finish()
}
