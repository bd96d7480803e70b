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
    clippy::print_stderr,
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

// ---- form ↔ 837: every box equals the 837 element the box table names ----

use medbill::Claim;
use medbill::claim::print::{Form, FormBox, Pages, PrintError, PrintOptions, layout};

/// A segment: its elements, each split into components (the id is `[0][0]`).
type Segment = Vec<Vec<String>>;
/// Segments of one part of the claim (before the first LX, or one LX loop).
type Region<'a> = Vec<&'a Segment>;

/// The 837's segments as elements, each element's components split.
struct Segments {
    segments: Vec<Segment>,
}

impl Segments {
    fn parse(x12: &[u8]) -> Segments {
        let text = String::from_utf8_lossy(x12);
        let bytes = text.as_bytes();
        let element = bytes[3] as char;
        let component = bytes[104] as char;
        let terminator = bytes[105] as char;
        let segments = text
            .split(terminator)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.split(element)
                    .map(|e| e.split(component).map(str::to_owned).collect())
                    .collect()
            })
            .collect();
        Segments { segments }
    }

    /// The claim's segments before its first LX, and each LX loop's.
    fn regions(&self) -> (Region<'_>, Vec<Region<'_>>) {
        let mut claim = Vec::new();
        let mut lines: Vec<Region<'_>> = Vec::new();
        for s in &self.segments {
            let id = s[0][0].as_str();
            if id == "SE" {
                break;
            }
            if id == "LX" {
                lines.push(Vec::new());
            }
            match lines.last_mut() {
                Some(line) => line.push(s),
                None => claim.push(s),
            }
        }
        (claim, lines)
    }
}

/// `SEG[*QUAL][#N]`: does the segment match?
fn matches(segment: &[Vec<String>], spec: &str) -> bool {
    let (id, qualifier) = match spec.split_once('*') {
        Some((id, q)) => (id, Some(q)),
        None => (spec, None),
    };
    segment[0][0] == id
        && qualifier.is_none_or(|q| {
            segment
                .get(1)
                .and_then(|e| e.first())
                .is_some_and(|v| v == q)
        })
}

fn range(text: &str) -> (usize, usize) {
    match text.split_once('-') {
        Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
        None => {
            let n = text.parse().unwrap();
            (n, n)
        }
    }
}

/// One alternative of a box's `x12` column, looked up in a region (`A>>B`: every `B`
/// after `A`, three spaces between their values).
fn locate_one(region: &[&Vec<Vec<String>>], spec: &str) -> Option<String> {
    let (path, pick) = spec.split_once('/').unwrap();
    let (anchor, target, every) = match path.split_once(">>") {
        Some((a, t)) => (Some(a), t, true),
        None => match path.split_once('>') {
            Some((a, t)) => (Some(a), t, false),
            None => (None, path, false),
        },
    };
    let nth = |spec: &str| -> (String, usize) {
        match spec.split_once('#') {
            Some((s, n)) => (s.to_owned(), n.parse().unwrap()),
            None => (spec.to_owned(), 1),
        }
    };
    let segments: Vec<&Vec<Vec<String>>> = match anchor {
        Some(anchor) => {
            let (anchor, n) = nth(anchor);
            let start = region
                .iter()
                .enumerate()
                .filter(|(_, s)| matches(s, &anchor))
                .nth(n - 1)?
                .0;
            let after = region[start + 1..]
                .iter()
                .take_while(|s| s[0][0] != "NM1")
                .filter(|s| matches(s, target))
                .copied();
            if every {
                after.collect()
            } else {
                after.take(1).collect()
            }
        }
        None => {
            let (target, n) = nth(target);
            vec![*region.iter().filter(|s| matches(s, &target)).nth(n - 1)?]
        }
    };
    let values: Vec<String> = segments
        .into_iter()
        .filter_map(|segment| pick_from(segment, pick))
        .collect();
    (!values.is_empty()).then(|| values.join("   "))
}

/// `EL[-EL][:COMP[-COMP]]` or `EL.EL.…` (elements run together) from one segment.
fn pick_from(segment: &[Vec<String>], pick: &str) -> Option<String> {
    if pick.contains('.') {
        let value: String = pick
            .split('.')
            .map(|i| {
                segment
                    .get(i.parse::<usize>().unwrap())
                    .map(|e| e.join(":"))
                    .unwrap_or_default()
            })
            .collect();
        return (!value.is_empty()).then_some(value);
    }
    let (elements, components) = match pick.split_once(':') {
        Some((e, c)) => (e, Some(c)),
        None => (pick, None),
    };
    let (first, last) = range(elements);
    let value = match components {
        None => (first..=last)
            .map(|i| segment.get(i).map(|e| e.join(":")).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("*")
            .trim_end_matches('*')
            .to_owned(),
        Some(c) => {
            let (cf, cl) = range(c);
            let element = segment.get(first)?;
            (cf..=cl)
                .map(|i| element.get(i - 1).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(":")
                .trim_end_matches(':')
                .to_owned()
        }
    };
    (!value.is_empty()).then_some(value)
}

/// The anchor `A` of an `A>B` alternative, with its `^`/`~` prefix.
fn anchor_of(alternative: &str) -> Option<&str> {
    let path = alternative.split_once('/')?.0;
    path.split_once('>').map(|(anchor, _)| anchor)
}

/// Whether a region holds the anchor of `A>B` (`A#N`: its `N`th).
fn anchor_present(region: &[&Vec<Vec<String>>], spec: &str) -> bool {
    let Some(anchor) = anchor_of(spec) else {
        return false;
    };
    let (anchor, n) = match anchor.split_once('#') {
        Some((a, n)) => (a, n.parse::<usize>().unwrap()),
        None => (anchor, 1),
    };
    region.iter().filter(|s| matches(s, anchor)).count() >= n
}

/// A box's `x12` column: items joined by `+` (each present one, three spaces between),
/// each the first of its `|` alternatives with a value — except that an `A>B` whose `A`
/// is found decides: the box shows that `A`'s `B` or nothing, unless the next alternative
/// has the same anchor (`NM1*85>REF*EI|NM1*85>REF*SY`). `^` looks at the claim's segments
/// from a line's box; `~` at the first service line that has the segment (the anchor of
/// `A>B`) from a claim's box.
fn locate(
    spec: &str,
    claim: &[&Vec<Vec<String>>],
    line: Option<&[&Vec<Vec<String>>]>,
    lines: &[Region<'_>],
) -> Option<String> {
    let items: Vec<String> = spec
        .split('+')
        .filter_map(|item| {
            let alternatives: Vec<&str> = item.split('|').collect();
            for (n, alternative) in alternatives.iter().enumerate() {
                let (region, rest): (&[&Vec<Vec<String>>], &str) =
                    if let Some(rest) = alternative.strip_prefix('^') {
                        (claim, rest)
                    } else if let Some(rest) = alternative.strip_prefix('~') {
                        let path = rest.split_once('/').unwrap().0;
                        let first = path.split('>').next().unwrap();
                        let first = first.split_once('#').map_or(first, |(s, _)| s);
                        match lines.iter().find(|l| l.iter().any(|s| matches(s, first))) {
                            Some(region) => (region.as_slice(), rest),
                            None => continue,
                        }
                    } else {
                        (line.unwrap_or(claim), *alternative)
                    };
                if let Some(value) = locate_one(region, rest) {
                    return Some(value);
                }
                let same_next = alternatives.get(n + 1).is_some_and(|next| {
                    anchor_of(next).is_some() && anchor_of(next) == anchor_of(alternative)
                });
                if !same_next && anchor_present(region, rest) {
                    return None;
                }
            }
            None
        })
        .collect();
    (!items.is_empty()).then(|| items.join("   "))
}

/// Checks that every box printed for the claim shows what its 837 element carries, and
/// that a box left empty has nothing in the 837 either. Returns false when the claim
/// cannot be printed on the form for a reason the form imposes (more entries than boxes,
/// a value too long even squeezed), so callers can count those.
pub fn assert_form_matches_837(claim: &Claim, x12: &[u8]) -> bool {
    let form = match claim.form {
        medbill::ClaimForm::Professional(_) => Form::Cms1500,
        medbill::ClaimForm::Institutional(_) => Form::Ub04,
    };
    let pages = match layout(claim, form, &PrintOptions::default()) {
        Ok(pages) => pages,
        Err(e @ (PrintError::TooMany { .. } | PrintError::TooLong { .. })) => {
            eprintln!("not printable on its form: {e}");
            return false;
        }
        Err(e) => panic!("cannot lay out a claim the 837 writer wrote: {e}"),
    };
    let segments = Segments::parse(x12);
    let (claim_region, lines) = segments.regions();
    assert_eq!(lines.len(), claim.line_count(), "LX loops");
    let last = pages.last().unwrap();
    let per_page = form.lines_per_page();
    for b in form.boxes() {
        if b.x12.is_empty() {
            continue;
        }
        let check = |page: &medbill::claim::print::PageLayout,
                     index: Option<usize>,
                     b: &FormBox| {
            let printed = page
                .fields
                .iter()
                .find(|p| {
                    p.box_id == b.id && p.line_index == index && p.x12 == b.x12 && p.col == b.col
                })
                .map(|p| p.text.clone());
            let line = index.map(|i| lines[i].as_slice());
            let raw = locate(b.x12, &claim_region, line, &lines);
            let from_837 = b.format.render(raw.as_deref());
            assert_eq!(
                printed, from_837,
                "box {} (line {index:?}): printed vs 837 {} = {raw:?}",
                b.id, b.x12
            );
        };
        if b.per_line() {
            for index in 0..claim.line_count() {
                check(&pages[index / per_page], Some(index), b);
            }
        } else {
            match b.pages {
                Pages::Last => check(last, None, b),
                Pages::NotLast => {}
                Pages::Every => {
                    for page in &pages {
                        check(page, None, b);
                    }
                }
            }
        }
    }
    true
}
