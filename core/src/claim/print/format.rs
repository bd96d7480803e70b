//! How a box shows its value. Every box's value is first taken from the claim in the form
//! the 837 carries it (dates `CCYYMMDD`, ranges `CCYYMMDD-CCYYMMDD`, amounts as decimals,
//! names as `LAST*FIRST*MIDDLE`, composites joined with `:`), then [`Format::render`] turns
//! that into what the paper form wants. The same `render` applied to the element the 837
//! carries must give the same text: that is the form ↔ 837 property.

use rust_decimal::Decimal;

/// When a mark (an `X` or a fixed text) is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The value is one of these codes.
    In(&'static [&'static str]),
    /// The value is present and none of these codes.
    NotIn(&'static [&'static str]),
    /// The value is present.
    Present,
    /// The value is absent.
    Absent,
    /// One of the first three components (`AA:EM:OA`) is this code.
    Has(&'static str),
    /// None of the first three components is this code, or there is no value.
    HasNot(&'static str),
}

/// How a box shows its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The text, in capitals.
    Text,
    /// A fixed text whatever the value (when there is one).
    Fixed(&'static str),
    /// The text, only when it is one of these codes.
    TextIf(&'static [&'static str]),
    /// `LAST*FIRST*MIDDLE` as `LAST, FIRST, M` (NUCC: commas between the parts, middle
    /// initial only); an organization's name as it is.
    Name,
    /// The family name of `LAST*FIRST*MIDDLE`.
    LastName,
    /// The given name of `LAST*FIRST*MIDDLE`.
    FirstName,
    /// `CITY*ST*ZIP` as `CITY ST 12345-6789` (NUCC: no punctuation but the ZIP's hyphen).
    CityStateZip,
    /// A ZIP code, nine digits with the hyphen.
    Zip,
    /// Ten digits as `217 555-0142` (area code in its own box on the 1500); anything else
    /// (an e-mail address, an extension) is not a telephone number and is not shown.
    Phone,
    /// A date or a range's first date as `MM DD YYYY`.
    DateLong,
    /// A date or a range's first date as `MM DD YY`.
    DateShort,
    /// A range's last date as `MM DD YY`; nothing for a single date.
    SpanEndShort,
    /// A range's last date, or the single date, as `MM DD YYYY`.
    DateEndLong,
    /// A date (or date and time) or a range's first date as `MMDDYY` (UB-04).
    UbDate,
    /// A range's last date as `MMDDYY` (UB-04).
    UbDateEnd,
    /// A date as `MMDDYYYY` (UB-04 FL 10).
    UbDateLong,
    /// The hour of `CCYYMMDDHHMM` or `HHMM`, two digits.
    Hour,
    /// An amount as dollars, a space and cents (the form's dotted line stands for the
    /// point), right-aligned.
    Amount,
    /// A quantity, right-aligned.
    Number,
    /// A quantity, left-aligned: run on after its unit (the UB-04's FL 43 NDC, `N4`, the
    /// NDC, the unit and the quantity with no space between them).
    Quantity,
    /// Diagnosis pointers `1:2` as letters `AB`.
    Pointers,
    /// Components joined with `:` shown separated by spaces (`99213:25` as `99213 25`).
    Spaced,
    /// `13:A:1` (facility, qualifier, frequency) as the type of bill `0131`.
    TypeOfBill,
    /// A mark printed when the value meets the condition.
    Mark(&'static str, When),
    /// The characters `from..from+len` of the text (a long text over several rows).
    Slice(usize, usize),
    /// The text after a fixed prefix (`N4` before an NDC).
    Prefixed(&'static str),
}

impl Format {
    /// What the box shows for a value (`None` when the box stays empty).
    pub fn render(self, raw: Option<&str>) -> Option<String> {
        if let Format::Mark(text, when) = self {
            return when.holds(raw).then(|| text.to_owned());
        }
        let raw = raw.filter(|r| !r.is_empty())?;
        let text = match self {
            Format::Text => raw.to_uppercase(),
            Format::Fixed(text) => text.to_owned(),
            Format::TextIf(codes) => {
                if !codes.contains(&raw) {
                    return None;
                }
                raw.to_uppercase()
            }
            Format::Name => name(raw),
            Format::LastName => raw.split('*').next().unwrap_or_default().to_uppercase(),
            Format::FirstName => raw.split('*').nth(1).unwrap_or_default().to_uppercase(),
            Format::CityStateZip => {
                let mut parts = raw.split('*');
                let city = parts.next().unwrap_or_default();
                let state = parts.next().unwrap_or_default();
                let zip = parts.next().map(zip).unwrap_or_default();
                [city, state, zip.as_str()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_uppercase()
            }
            Format::Zip => zip(raw),
            Format::Phone => match (raw.get(..3), raw.get(3..6), raw.get(6..)) {
                (Some(area), Some(exchange), Some(rest))
                    if raw.len() == 10 && raw.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    format!("{area} {exchange}-{rest}")
                }
                _ => return None,
            },
            Format::DateLong => mdy(first_date(raw)?, " ", true)?,
            Format::DateShort => mdy(first_date(raw)?, " ", false)?,
            Format::SpanEndShort => mdy(raw.split_once('-')?.1, " ", false)?,
            Format::DateEndLong => {
                let end = raw.split_once('-').map_or(raw, |(_, end)| end);
                mdy(end, " ", true)?
            }
            Format::UbDate => mdy(first_date(raw)?, "", false)?,
            Format::UbDateEnd => mdy(raw.split_once('-')?.1, "", false)?,
            Format::UbDateLong => mdy(first_date(raw)?, "", true)?,
            Format::Hour => match raw.len() {
                12 => raw.get(8..10)?.to_owned(),
                4 => raw.get(..2)?.to_owned(),
                _ => return None,
            },
            Format::Amount => amount(raw)?,
            Format::Number | Format::Quantity => {
                raw.parse::<Decimal>().ok()?.normalize().to_string()
            }
            Format::Pointers => raw
                .split(':')
                .map(|p| {
                    let n: u8 = p.parse().ok()?;
                    let letter = n.checked_add(b'A')?.checked_sub(1)?;
                    (1..=12).contains(&n).then_some(char::from(letter))
                })
                .collect::<Option<String>>()?,
            Format::Spaced => raw
                .split(':')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .to_uppercase(),
            Format::TypeOfBill => {
                let mut parts = raw.split(':');
                let facility = parts.next().unwrap_or_default();
                let frequency = parts.nth(1).unwrap_or_default();
                format!("0{facility}{frequency}")
            }
            Format::Mark(..) => return None,
            Format::Slice(from, len) => {
                let part: String = raw.chars().skip(from).take(len).collect();
                let part = part.trim().to_uppercase();
                if part.is_empty() {
                    return None;
                }
                part
            }
            Format::Prefixed(prefix) => format!("{prefix}{}", raw.to_uppercase()),
        };
        Some(text)
    }

    /// Whether the value sits at the right of its box (amounts and quantities).
    pub fn right_aligned(self) -> bool {
        matches!(self, Format::Amount | Format::Number)
    }
}

impl When {
    fn holds(self, raw: Option<&str>) -> bool {
        let raw = raw.filter(|r| !r.is_empty());
        let has = |code: &str| raw.is_some_and(|r| r.split(':').take(3).any(|c| c == code));
        match self {
            When::In(codes) => raw.is_some_and(|r| codes.contains(&r)),
            When::NotIn(codes) => raw.is_some_and(|r| !codes.contains(&r)),
            When::Present => raw.is_some(),
            When::Absent => raw.is_none(),
            When::Has(code) => has(code),
            When::HasNot(code) => !has(code),
        }
    }
}

/// `LAST*FIRST*MIDDLE` as `LAST, FIRST, M`.
fn name(raw: &str) -> String {
    let mut parts = raw.split('*');
    let last = parts.next().unwrap_or_default();
    let first = parts.next().unwrap_or_default();
    let middle = parts.next().unwrap_or_default();
    let mut text = last.to_owned();
    if !first.is_empty() {
        text.push_str(", ");
        text.push_str(first);
    }
    if let Some(initial) = middle.chars().next() {
        text.push_str(", ");
        text.push(initial);
    }
    text.to_uppercase()
}

fn zip(raw: &str) -> String {
    match (raw.get(..5), raw.get(5..)) {
        (Some(five), Some(four)) if raw.len() == 9 => format!("{five}-{four}"),
        _ => raw.to_owned(),
    }
}

fn first_date(raw: &str) -> Option<&str> {
    raw.split('-').next()?.get(..8)
}

/// `CCYYMMDD` as month, day and year (four digits or two), separated.
fn mdy(date: &str, separator: &str, long_year: bool) -> Option<String> {
    if date.len() < 8 || !date.bytes().take(8).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = if long_year {
        date.get(..4)?
    } else {
        date.get(2..4)?
    };
    Some(format!(
        "{}{separator}{}{separator}{year}",
        date.get(4..6)?,
        date.get(6..8)?
    ))
}

/// `125.5` as `125 50`.
fn amount(raw: &str) -> Option<String> {
    let mut value: Decimal = raw.parse().ok()?;
    value = value.normalize();
    if value.scale() > 2 {
        return Some(value.to_string().replace('.', " "));
    }
    value.rescale(2);
    Some(value.to_string().replace('.', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_as_the_paper_forms_want() {
        assert_eq!(
            Format::Name.render(Some("Hughes*Walter*Q")).as_deref(),
            Some("HUGHES, WALTER, Q")
        );
        assert_eq!(
            Format::CityStateZip
                .render(Some("Springfield*IL*627031234"))
                .as_deref(),
            Some("SPRINGFIELD IL 62703-1234")
        );
        assert_eq!(
            Format::DateLong.render(Some("19410302")).as_deref(),
            Some("03 02 1941")
        );
        assert_eq!(
            Format::DateShort
                .render(Some("20240115-20240120"))
                .as_deref(),
            Some("01 15 24")
        );
        assert_eq!(
            Format::SpanEndShort
                .render(Some("20240115-20240120"))
                .as_deref(),
            Some("01 20 24")
        );
        assert_eq!(Format::SpanEndShort.render(Some("20240115")), None);
        assert_eq!(
            Format::UbDate.render(Some("202401151400")).as_deref(),
            Some("011524")
        );
        assert_eq!(
            Format::Hour.render(Some("202401151400")).as_deref(),
            Some("14")
        );
        assert_eq!(
            Format::Amount.render(Some("1051.6")).as_deref(),
            Some("1051 60")
        );
        assert_eq!(Format::Amount.render(Some("80")).as_deref(), Some("80 00"));
        assert_eq!(
            Format::Pointers.render(Some("1:2:12")).as_deref(),
            Some("ABL")
        );
        assert_eq!(
            Format::TypeOfBill.render(Some("11:A:1")).as_deref(),
            Some("0111")
        );
        assert_eq!(
            Format::Mark("X", When::HasNot("EM"))
                .render(None)
                .as_deref(),
            Some("X")
        );
        assert_eq!(
            Format::Mark("X", When::Has("AA"))
                .render(Some("EM:AA"))
                .as_deref(),
            Some("X")
        );
        assert_eq!(
            Format::Phone.render(Some("2175550142")).as_deref(),
            Some("217 555-0142")
        );
        assert_eq!(
            Format::Slice(3, 4).render(Some("ABCDEFGH")).as_deref(),
            Some("DEFG")
        );
    }
}
