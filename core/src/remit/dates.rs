//! Remittance dates written as JSON quickly: a listing of a large 835 writes millions of
//! dates, and chrono's `Serialize` goes through the formatting machinery for each. The text
//! is chrono's exactly (`YYYY-MM-DD`; years beyond four digits go chrono's own way).

use chrono::{Datelike, NaiveDate};
use serde::Serializer;

/// A date as `YYYY-MM-DD`.
pub(crate) fn date<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let (year, month, day) = (date.year(), date.month(), date.day());
    let Ok(year) = u32::try_from(year) else {
        return serializer.collect_str(date);
    };
    if year > 9999 {
        return serializer.collect_str(date);
    }
    let mut text = *b"0000-00-00";
    for (at, value, width) in [(0usize, year, 4u32), (5, month, 2), (8, day, 2)] {
        let mut rest = value;
        for place in (0..width).rev() {
            if let Some(slot) = usize::try_from(place)
                .ok()
                .and_then(|p| text.get_mut(at.saturating_add(p)))
            {
                *slot = b'0'.saturating_add(u8::try_from(rest % 10).unwrap_or(0));
            }
            rest /= 10;
        }
    }
    match std::str::from_utf8(&text) {
        Ok(text) => serializer.serialize_str(text),
        Err(_) => serializer.collect_str(date),
    }
}

/// An optional date (fields skip `None`; a `None` here is written as `null`).
pub(crate) fn optional_date<S: Serializer>(
    value: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => date(value, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Dated(#[serde(serialize_with = "date")] NaiveDate);

    proptest::proptest! {
        /// Every date chrono can hold is written as chrono writes it.
        #[test]
        fn writes_every_date_as_chrono_does(days in -4_000_000i32..4_000_000) {
            let Some(day) = NaiveDate::from_num_days_from_ce_opt(days) else {
                return Ok(());
            };
            let ours = serde_json::to_string(&Dated(day)).map_err(|e| {
                proptest::test_runner::TestCaseError::fail(e.to_string())
            })?;
            let chrono = serde_json::to_string(&day).map_err(|e| {
                proptest::test_runner::TestCaseError::fail(e.to_string())
            })?;
            proptest::prop_assert_eq!(ours, chrono);
        }
    }

    #[test]
    fn writes_edge_dates_as_chrono_does() {
        for day in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::default()]
            .into_iter()
            .chain(NaiveDate::from_ymd_opt(9999, 12, 31))
            .chain(NaiveDate::from_ymd_opt(10000, 1, 1))
            .chain(NaiveDate::from_ymd_opt(0, 1, 1))
            .chain(NaiveDate::from_ymd_opt(-1, 12, 31))
            .chain(NaiveDate::from_ymd_opt(2026, 11, 2))
        {
            let ours = serde_json::to_string(&Dated(day)).unwrap_or_else(|e| unreachable!("{e}"));
            let chrono = serde_json::to_string(&day).unwrap_or_else(|e| unreachable!("{e}"));
            assert_eq!(ours, chrono, "{day}");
        }
    }
}
