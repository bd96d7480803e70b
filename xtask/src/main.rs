//! Project automation. `cargo xtask test` installs what is missing (idempotently) and runs
//! every suite; `cargo xtask bench` runs the benchmarks; `cargo xtask types` regenerates the
//! TypeScript declarations from the JSON Schemas; `cargo xtask app` builds the browser example.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a build tool reports progress"
)]
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    reason = "not billing code"
)]

mod checks;
mod fhir;
mod package;
mod setup;
mod suites;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("test") => suites::test(&args[1..]),
        Some("bench") => suites::bench(),
        Some("types") => suites::types(),
        Some("setup") => setup::all(&Env::new()).map(|_| ()),
        Some("app") => suites::app(),
        _ => {
            eprintln!(
                "usage: cargo xtask <test [--skip-setup] [--fuzz-seconds N] [--only TEXT] | bench | types | setup | app>"
            );
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Where things live.
pub(crate) struct Env {
    /// The repository root.
    pub(crate) root: PathBuf,
    /// Cargo's target directory.
    pub(crate) target: PathBuf,
    /// Installed Node tools (`target/tools/node_modules`).
    pub(crate) node_modules: PathBuf,
    /// pyx12's validator (`target/tools/pyx12/bin/x12valid`).
    pub(crate) x12valid: PathBuf,
    /// The temporary folder every command gets as `TMPDIR` (`target/test-tmp`), emptied at
    /// the start of `cargo xtask test`.
    pub(crate) temp: PathBuf,
}

impl Env {
    pub(crate) fn new() -> Env {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target"));
        let node_modules = target.join("tools").join("node_modules");
        let x12valid = target
            .join("tools")
            .join("pyx12")
            .join("bin")
            .join("x12valid");
        let temp = target.join("test-tmp");
        Env {
            root,
            target,
            node_modules,
            x12valid,
            temp,
        }
    }

    /// A command run from the repository root, with `TMPDIR` (and the JVM's temporary
    /// folder) inside `target/`, so nothing depends on or leaves files in the machine's own temporary folder.
    pub(crate) fn cmd(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root);
        if std::fs::create_dir_all(&self.temp).is_ok() {
            command.env("TMPDIR", &self.temp).env(
                "JAVA_TOOL_OPTIONS",
                format!("-Djava.io.tmpdir={}", self.temp.display()),
            );
        }
        command
    }

    /// A tool installed under `target/tools/node_modules/.bin`.
    pub(crate) fn node_bin(&self, name: &str) -> PathBuf {
        self.node_modules.join(".bin").join(name)
    }
}

/// Runs a command, failing with its description when it fails.
pub(crate) fn run(command: &mut Command) -> Result<()> {
    let shown = describe(command);
    println!("$ {shown}");
    let status = command
        .status()
        .with_context(|| format!("cannot start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs a command and returns its standard output, or `None` when it cannot run or fails.
pub(crate) fn output_of(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

/// Named steps with their timings, for the closing report.
#[derive(Default)]
pub(crate) struct Report {
    steps: Vec<(String, Duration, bool)>,
    /// `--only TEXT`: run just the steps whose name contains it (and setup).
    pub(crate) only: Option<String>,
}

impl Report {
    /// Runs one step, recording its time and outcome; stops at the first failure.
    pub(crate) fn step(&mut self, name: &str, body: impl FnOnce() -> Result<()>) -> Result<()> {
        if let Some(only) = &self.only
            && !name.contains(only.as_str())
            && !name.starts_with("setup")
        {
            return Ok(());
        }
        println!("\n=== {name}");
        let started = Instant::now();
        let outcome = body();
        self.steps
            .push((name.to_owned(), started.elapsed(), outcome.is_ok()));
        outcome.with_context(|| format!("step `{name}` failed"))
    }

    pub(crate) fn print(&self) {
        println!("\n=== summary");
        let mut total = Duration::ZERO;
        for (name, took, ok) in &self.steps {
            total += *took;
            println!(
                "{:<44} {:>7.1}s  {}",
                name,
                took.as_secs_f64(),
                if *ok { "ok" } else { "FAILED" }
            );
        }
        println!("{:<44} {:>7.1}s", "total", total.as_secs_f64());
        let passed = self.steps.iter().filter(|s| s.2).count();
        let failed = self.steps.len() - passed;
        println!("xtask: {passed} passed, {failed} failed");
    }
}
