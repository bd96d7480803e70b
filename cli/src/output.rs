//! Standard output for every command: buffered, and never a panic when it cannot be written.
//!
//! Commands print with [`outln!`] / [`out!`] (or [`write_bytes`]). The first write error is
//! kept and later writes are dropped (a long listing can ask [`closed`] to stop early); when
//! the command ends, [`finish`] flushes and turns a kept error into the exit: a closed pipe
//! (`medbill … | head`) ends quietly with status 141, as if killed by SIGPIPE; any other
//! failure (`> /dev/full`) is one clear line and status 74 (EX_IOERR).

use std::cell::RefCell;
use std::io::{self, BufWriter, Stdout, Write};

use crate::Failure;

/// Exit status when standard output is a closed pipe (128 + SIGPIPE, what a shell reports).
pub(crate) const CLOSED_PIPE: u8 = 141;
/// Exit status when standard output cannot be written (EX_IOERR).
pub(crate) const WRITE_FAILED: u8 = 74;

struct Output {
    writer: BufWriter<Stdout>,
    error: Option<io::Error>,
}

thread_local! {
    static OUTPUT: RefCell<Output> = RefCell::new(Output {
        writer: BufWriter::with_capacity(64 * 1024, io::stdout()),
        error: None,
    });
}

/// Writes formatted text, keeping the first error.
pub(crate) fn write_fmt(args: std::fmt::Arguments<'_>) {
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        if output.error.is_none()
            && let Err(error) = output.writer.write_fmt(args)
        {
            output.error = Some(error);
        }
    });
}

/// Writes bytes, keeping the first error.
pub(crate) fn write_bytes(bytes: &[u8]) {
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        if output.error.is_none()
            && let Err(error) = output.writer.write_all(bytes)
        {
            output.error = Some(error);
        }
    });
}

/// True once a write has failed: nothing more will reach the reader.
pub(crate) fn closed() -> bool {
    OUTPUT.with(|output| output.borrow().error.is_some())
}

/// Flushes what is buffered and reports a write failure, if there was one.
pub(crate) fn finish() -> Result<(), Failure> {
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        if output.error.is_none()
            && let Err(error) = output.writer.flush()
        {
            output.error = Some(error);
        }
        match output.error.take() {
            None => Ok(()),
            Some(error) => Err(failure(&error)),
        }
    })
}

/// The failure a write error ends the command with.
pub(crate) fn failure(error: &io::Error) -> Failure {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Failure {
            message: String::new(),
            status: CLOSED_PIPE,
        }
    } else {
        Failure {
            message: format!("cannot write the output: {error}"),
            status: WRITE_FAILED,
        }
    }
}

/// Writes a line to standard error; a closed standard error is not worth a panic.
pub(crate) fn warn(args: std::fmt::Arguments<'_>) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_fmt(args);
    let _ = stderr.write_all(b"\n");
}

/// Prints to standard output (see the module docs).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write_fmt(format_args!($($arg)*))
    };
}

/// Prints a line to standard output (see the module docs).
macro_rules! outln {
    () => {
        $crate::output::write_bytes(b"\n")
    };
    ($($arg:tt)*) => {{
        $crate::output::write_fmt(format_args!($($arg)*));
        $crate::output::write_bytes(b"\n");
    }};
}

/// Prints a line to standard error (see [`warn`]).
macro_rules! warnln {
    ($($arg:tt)*) => {
        $crate::output::warn(format_args!($($arg)*))
    };
}

pub(crate) use {out, outln, warnln};
