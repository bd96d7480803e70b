//! Reading a printed form back: poppler's `pdftotext -bbox` gives every word with its box;
//! the data (12-point Courier, monospaced) is split into characters, so a value is what
//! lies inside a box's rectangle, whatever words poppler made of neighbouring boxes.

#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test helpers fail loudly"
)]

use std::path::Path;
use std::process::Command;

/// One character read back: its centre, its width, itself.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub ch: char,
}

/// The data characters of each page (captions, in 4-point Helvetica, are left out by size).
pub fn pdf_pages(pdf: &Path) -> Vec<Vec<Glyph>> {
    let html = pdf.with_extension("bbox.html");
    let output = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg(&html)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "pdftotext (Debian's poppler-utils) is needed to read the printed forms back and \
                 could not be run: {e}. Install it (apt-get install -y poppler-utils; \
                 `cargo xtask setup` does)."
            )
        });
    assert!(
        output.status.success(),
        "pdftotext failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&html).unwrap();
    let mut pages = Vec::new();
    for page in text.split("<page ").skip(1) {
        let mut glyphs = Vec::new();
        for word in page.split("<word ").skip(1) {
            let attr = |name: &str| -> f32 {
                let start = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                let end = start + word[start..].find('"').unwrap();
                word[start..end].parse().unwrap()
            };
            let (x0, y0, x1, y1) = (attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"));
            if y1 - y0 < 7.0 {
                continue; // a caption or the title
            }
            let start = word.find('>').unwrap() + 1;
            let end = word.find("</word>").unwrap();
            let chars: Vec<char> = unescape(&word[start..end]).chars().collect();
            let width = (x1 - x0) / chars.len() as f32;
            for (i, ch) in chars.into_iter().enumerate() {
                glyphs.push(Glyph {
                    x: x0 + (i as f32 + 0.5) * width,
                    y: (y0 + y1) / 2.0,
                    width,
                    ch,
                });
            }
        }
        pages.push(glyphs);
    }
    pages
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text inside a rectangle `(left, top, right, bottom)`, words separated by one space.
pub fn text_at(glyphs: &[Glyph], (left, top, right, bottom): (f32, f32, f32, f32)) -> String {
    let mut inside: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.x >= left - 0.5 && g.x <= right + 0.5 && g.y >= top && g.y <= bottom)
        .collect();
    inside.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut previous: Option<&Glyph> = None;
    for g in inside {
        if let Some(p) = previous
            && g.x - p.x > 1.5 * p.width.max(g.width)
        {
            text.push(' ');
        }
        text.push(g.ch);
        previous = Some(g);
    }
    text
}
