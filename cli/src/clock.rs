//! The one place the CLI reads the clock (the core never does: "today" is an argument).
//! Dates are the local calendar date: a claim priced at 7 pm in California is priced for
//! today there, not for tomorrow in UTC.

use chrono::{Local, NaiveDate, NaiveTime, Timelike};

/// The local date and time, to the second.
pub(crate) fn now() -> (NaiveDate, NaiveTime) {
    let now = Local::now().naive_local();
    (
        now.date(),
        now.time().with_nanosecond(0).unwrap_or_default(),
    )
}

/// Today's local date.
pub(crate) fn today() -> NaiveDate {
    now().0
}
