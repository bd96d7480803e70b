//! How many bytes the X12 readers examine, counted in tests only: the work bound of the
//! linear-reading tests (deterministic, unlike time). Outside tests it costs nothing.

#[cfg(test)]
thread_local! {
    static SCANNED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static LIMIT: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) };
}

/// Counts `bytes` examined on this thread.
#[inline(always)]
pub(crate) fn scanned(bytes: usize) {
    #[cfg(test)]
    {
        let total = SCANNED.with(|s| {
            let total = s.get().saturating_add(bytes as u64);
            s.set(total);
            total
        });
        if total > LIMIT.with(std::cell::Cell::get) {
            LIMIT.with(|l| l.set(u64::MAX));
            #[allow(
                clippy::panic,
                reason = "test instrumentation: stop a runaway read early"
            )]
            {
                panic!("the work bound is exceeded: more than {total} bytes examined");
            }
        }
    }
    #[cfg(not(test))]
    let _ = bytes;
}

/// Runs `read`, stopping it (a panic) once it has examined more than `limit` bytes;
/// the bytes it examined.
#[cfg(test)]
pub(crate) fn measure<T>(limit: u64, read: impl FnOnce() -> T) -> (T, u64) {
    SCANNED.with(|s| s.set(0));
    LIMIT.with(|l| l.set(limit));
    let value = read();
    LIMIT.with(|l| l.set(u64::MAX));
    (value, SCANNED.with(std::cell::Cell::get))
}
