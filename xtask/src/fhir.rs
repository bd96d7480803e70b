//! The FHIR step: write every kind of resource with the CLI from the bundled fixtures into
//! `target/fhir/`, validate them (fhir.resources R4, the R4 JSON schema, our checks), check
//! that every claim reads back to itself, and require every known-invalid resource under
//! `core/tests/fhir/invalid/` to be rejected, so the validator cannot pass vacuously.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::{Env, run};

/// The creation date written into the resources (fixed: the output is reproducible).
const CREATED: &str = "2026-11-27";

/// The validator's Python, in the venv setup makes.
pub(crate) fn python(env: &Env) -> PathBuf {
    env.target
        .join("tools")
        .join("fhir")
        .join("bin")
        .join("python")
}

/// The official R4 JSON schema, from the npm package setup installs.
pub(crate) fn schema(env: &Env) -> PathBuf {
    env.target
        .join("tools")
        .join("fhir")
        .join("schema")
        .join("node_modules")
        .join("@asymmetrik")
        .join("fhir-json-schema-validator")
        .join("fhir.schema.json")
}

pub(crate) fn validate(env: &Env) -> Result<()> {
    // The CLI as the workspace build makes it (a no-op after that step; `--only FHIR` stands
    // alone). `--workspace` keeps the features the workspace build resolves.
    run(env
        .cmd("cargo")
        .args(["build", "--workspace", "--bin", "medbill"]))?;
    let out = env.target.join("fhir");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    let data = env.root.join("examples").join("data");
    let medbill = env.target.join("debug").join("medbill");
    let fhir = |args: &[&std::ffi::OsStr], file: &str| -> Result<PathBuf> {
        let path = out.join(file);
        run(env
            .cmd(&medbill)
            .arg("fhir")
            .args(args)
            .args(["--created", CREATED, "-o"])
            .arg(&path))?;
        Ok(path)
    };
    let mut written = Vec::new();
    // Claims, professional and institutional, each read back to the same claim.
    let mut claims: Vec<PathBuf> = std::fs::read_dir(data.join("claims"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("professional-") || n.starts_with("institutional-"))
        })
        .collect();
    claims.sort();
    for claim in &claims {
        let name = claim
            .file_name()
            .and_then(|n| n.to_str())
            .context("claim file name")?;
        let bundle = fhir(
            &["claim".as_ref(), claim.as_os_str()],
            &format!("claim-{name}"),
        )?;
        let back = out.join(format!("read-back-{name}"));
        run(env
            .cmd(&medbill)
            .args(["fhir", "read-claim"])
            .arg(&bundle)
            .arg("-o")
            .arg(&back))?;
        // The read-back claim must be the same claim: the CLI's own check says so.
        same_claim(env, &medbill, claim, &back)?;
        written.push(bundle);
    }
    // An adjudication: EOB Bundle and ClaimResponse.
    let claim = data.join("claims").join("professional-ppo.json");
    let adjudication = out.join("adjudication.json");
    let result = env
        .cmd(&medbill)
        .arg("adjudicate")
        .arg(&claim)
        .arg("--contract")
        .arg(data.join("contracts").join("prairie-ppo.json"))
        .arg("--pfs-dir")
        .arg(data.join("pfs-sample"))
        .arg("--plan")
        .arg(data.join("plans").join("commercial-ppo.json"))
        .arg("--accumulators")
        .arg(data.join("plans").join("accumulators-sample.json"))
        .args(["--as-of", CREATED, "--json"])
        .output()?;
    if !result.status.success() {
        bail!("medbill adjudicate failed");
    }
    std::fs::write(&adjudication, &result.stdout)?;
    for (command, file) in [
        ("eob", "eob-adjudication.json"),
        ("claim-response", "claim-response-adjudication.json"),
    ] {
        written.push(fhir(
            &[
                command.as_ref(),
                adjudication.as_os_str(),
                "--claim".as_ref(),
                claim.as_os_str(),
            ],
            file,
        )?);
    }
    // An 835: EOB Bundle of every claim, and a ClaimResponse per claim.
    let remittance = data.join("x12").join("remittance.835");
    written.push(fhir(
        &["eob".as_ref(), remittance.as_os_str()],
        "eob-835.json",
    )?);
    for (index, pcn) in clp_control_numbers(&remittance)?.iter().enumerate() {
        written.push(fhir(
            &[
                "claim-response".as_ref(),
                remittance.as_os_str(),
                "--pcn".as_ref(),
                pcn.as_ref(),
            ],
            &format!("claim-response-835-{}.json", index.saturating_add(1)),
        )?);
    }
    // A 271: Coverage and CoverageEligibilityResponse of each transaction set.
    let eligibility = data.join("eligibility").join("billing-day.271");
    for set in 1..=st_count(&eligibility)? {
        let number = set.to_string();
        for (flag, kind) in [
            (None, "coverage"),
            (Some("--response"), "eligibility-response"),
        ] {
            let mut args: Vec<&std::ffi::OsStr> = vec![
                "coverage".as_ref(),
                eligibility.as_os_str(),
                "--set".as_ref(),
                number.as_ref(),
            ];
            args.extend(flag.map(std::ffi::OsStr::new));
            written.push(fhir(&args, &format!("{kind}-271-{set}.json"))?);
        }
    }
    // Estimates: a self-pay GFE and an insured one.
    for name in ["self-pay-gfe.json", "knee-injection-ppo.json"] {
        let request = data.join("estimates").join(name);
        let pfs = data.join("pfs-sample");
        written.push(fhir(
            &[
                "estimate".as_ref(),
                request.as_os_str(),
                "--pfs-dir".as_ref(),
                pfs.as_os_str(),
            ],
            &format!("gfe-{name}"),
        )?);
    }
    let script = env
        .root
        .join("core")
        .join("tests")
        .join("fhir")
        .join("validate.py");
    written.push(
        env.root
            .join("core")
            .join("tests")
            .join("fhir")
            .join("valid-minimal-claim.json"),
    );
    println!("validating {} FHIR files", written.len());
    run(env
        .cmd(python(env))
        .arg(&script)
        .arg("--schema")
        .arg(schema(env))
        .args(&written))?;
    // The known-invalid resources must all be rejected.
    let mut invalid: Vec<PathBuf> = std::fs::read_dir(
        env.root
            .join("core")
            .join("tests")
            .join("fhir")
            .join("invalid"),
    )?
    .filter_map(|e| e.ok().map(|e| e.path()))
    .filter(|p| p.extension().is_some_and(|e| e == "json"))
    .collect();
    invalid.sort();
    if invalid.len() < 10 {
        bail!("core/tests/fhir/invalid/ should hold the known-invalid resources");
    }
    run(env
        .cmd(python(env))
        .arg(&script)
        .arg("--schema")
        .arg(schema(env))
        .arg("--expect-invalid")
        .args(&invalid))
}

/// Whether two claim files are the same claim: the CLI writes the same FHIR for both (the
/// Bundle is deterministic, so equal claims give equal text).
fn same_claim(env: &Env, medbill: &Path, original: &Path, back: &Path) -> Result<()> {
    let normal = |path: &Path| -> Result<Vec<u8>> {
        let out = env
            .cmd(medbill)
            .args(["fhir", "claim", "--created", CREATED])
            .arg(path)
            .output()?;
        if !out.status.success() {
            bail!("medbill fhir claim {} failed", path.display());
        }
        Ok(out.stdout)
    };
    if normal(original)? != normal(back)? {
        bail!(
            "{} does not read back to the same claim from FHIR",
            original.display()
        );
    }
    Ok(())
}

/// The segments of an X12 file, split on its segment terminator (ISA's 106th character).
fn segments(path: &Path) -> Result<(Vec<String>, char)> {
    let text = std::fs::read_to_string(path)?;
    let element = text.chars().nth(3).context("no ISA")?;
    let terminator = text.chars().nth(105).context("no ISA")?;
    Ok((
        text.split(terminator)
            .map(|s| s.trim().to_owned())
            .collect(),
        element,
    ))
}

/// The CLP01 of every claim of an 835.
fn clp_control_numbers(path: &Path) -> Result<Vec<String>> {
    let (segments, element) = segments(path)?;
    Ok(segments
        .iter()
        .filter(|s| s.starts_with(&format!("CLP{element}")))
        .filter_map(|s| s.split(element).nth(1).map(str::to_owned))
        .collect())
}

/// How many transaction sets (ST) a file has.
fn st_count(path: &Path) -> Result<usize> {
    let (segments, element) = segments(path)?;
    Ok(segments
        .iter()
        .filter(|s| s.starts_with(&format!("ST{element}")))
        .count())
}
