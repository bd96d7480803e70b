//! `medbill x12 check|show|json FILE`, `medbill x12 837 CLAIMS.json` and
//! `medbill x12 secondary CLAIM.json PRIOR-PAYER.json PRIOR`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use medbill::document::SetSummary;
use medbill::remit::{PriorAdjudication, PriorPayer, Remittance};
use medbill::x12::{Envelope, Submission};
use medbill::{Claim, X12File};

use crate::Failure;
use crate::output::{out, outln, warnln};

/// The envelope and submission `medbill x12 837` uses unless told otherwise (test usage).
const DEFAULT_ENVELOPE: &str = include_str!("../../examples/data/x12/envelope.json");
const DEFAULT_SUBMISSION: &str = include_str!("../../examples/data/x12/submission.json");

#[derive(Debug, Subcommand)]
pub(crate) enum X12Command {
    /// One line per transaction set: id, version, segments, claims, charge, paid, balanced.
    /// Exit status 0 when every envelope and balance is valid, 1 with findings (printed to
    /// standard error), 2 when the file cannot be read as X12 5010.
    Check {
        /// The X12 file, or - for standard input.
        file: PathBuf,
    },
    /// A readable account of the file: an 835 as an explanation of benefits, an 837 as its
    /// claims, a 271 as coverage, a 277 as claim statuses, a 999 as accepted/rejected sets.
    Show {
        /// The X12 file, or - for standard input.
        file: PathBuf,
    },
    /// The typed model of every transaction set, as JSON (see core/schema/x12-file.schema.json).
    Json {
        /// The X12 file, or - for standard input.
        file: PathBuf,
    },
    /// Write claims (a JSON claim or an array of claims) as an 837 (837P and/or 837I).
    #[command(name = "837")]
    Write837 {
        /// The claims' JSON file, or - for standard input.
        claims: PathBuf,
        /// Submitter, receiver and batch (JSON, see core/schema/submission.schema.json);
        /// examples/data/x12/submission.json when absent.
        #[arg(long)]
        submission: Option<PathBuf>,
        /// Interchange ids, control numbers, date, delimiters (JSON, see
        /// core/schema/envelope.schema.json); a test envelope dated today when absent.
        #[arg(long)]
        envelope: Option<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Make a claim's secondary (or tertiary) claim: adds the prior payer's adjudication
    /// (837 loops 2320, 2330A/B, 2430) to the claim's other payers and prints the claim JSON,
    /// ready for `medbill x12 837`.
    Secondary {
        /// The claim's JSON file, or - for standard input.
        claim: PathBuf,
        /// The prior payer, its coverage and when it adjudicated the claim, and optionally
        /// the next payer: JSON `{"payer": …, "coverage": …, "adjudicated": "YYYY-MM-DD",
        /// "nextPayer": …}` (see examples/data/x12/other-payer.json).
        prior_payer: PathBuf,
        /// What the prior payer decided: its 835 (the claim with the same patient control
        /// number is used) or a JSON prior adjudication (`{"remittance": …}` or
        /// `{"coordination": …}`, the output of the coordination of benefits).
        prior: PathBuf,
        /// The payer the claim now goes to (JSON `{"name", "payerId", "claimFilingIndicator"}`),
        /// instead of the prior payer file's `nextPayer`; the claim's payer is kept when
        /// neither says.
        #[arg(long)]
        payer: Option<PathBuf>,
    },
}

pub(crate) fn run(command: X12Command) -> Result<u8, Failure> {
    match command {
        X12Command::Check { file } => check(&file),
        X12Command::Show { file } => show(&file),
        X12Command::Json { file } => {
            let x12 = read(&file)?;
            outln!(
                "{}",
                medbill::to_json(&x12).map_err(|e| Failure::input(e.to_string()))?
            );
            Ok(0)
        }
        X12Command::Write837 {
            claims,
            submission,
            envelope,
            out,
        } => write_837(&claims, submission.as_deref(), envelope.as_deref(), out),
        X12Command::Secondary {
            claim,
            prior_payer,
            prior,
            payer,
        } => secondary(&claim, &prior_payer, &prior, payer.as_deref()),
    }
}

fn secondary(
    claim: &Path,
    prior_payer: &Path,
    prior: &Path,
    payer: Option<&Path>,
) -> Result<u8, Failure> {
    let json = |path: &Path| -> Result<String, Failure> { crate::read_input(path) };
    let mut claim = Claim::from_json(&json(claim)?)
        .map_err(|e| Failure::input(format!("{}: {e}", claim.display())))?;
    let mut who: PriorPayer = medbill::from_json(&json(prior_payer)?)
        .map_err(|e| Failure::input(format!("{}: {e}", prior_payer.display())))?;
    // An 835 or a PriorAdjudication JSON, told apart by content: X12 starts with ISA.
    let prior_bytes = crate::read_bytes(prior)?;
    let decided = match medbill::read_x12(&prior_bytes) {
        Err(medbill::x12::X12Error::NoInterchange) => medbill::from_json_bytes(&prior_bytes)
            .map_err(|e| Failure::input(format!("{}: {e}", prior.display())))?,
        Err(e) => return Err(Failure::input(format!("{}: {e}", prior.display()))),
        Ok(file) => {
            let found = file
                .remittances
                .into_iter()
                .flat_map(|r| r.claims)
                .find(|c| c.patient_control_number.as_str() == claim.patient_control_number);
            match found {
                Some(remit) => PriorAdjudication::Remittance(Box::new(remit)),
                None => {
                    return Err(Failure::input(format!(
                        "{}: no claim with the claim's patient control number",
                        prior.display()
                    )));
                }
            }
        }
    };
    if let Some(path) = payer {
        who.next_payer = Some(
            medbill::from_json(&json(path)?)
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        );
    }
    medbill::remit::send_on(&mut claim, who, &decided).map_err(|e| Failure {
        message: format!("cannot take the prior payer's data: {e}"),
        status: 1,
    })?;
    outln!(
        "{}",
        medbill::to_json(&claim).map_err(|e| Failure::input(e.to_string()))?
    );
    Ok(0)
}

fn read(path: &Path) -> Result<X12File, Failure> {
    let bytes = crate::read_bytes(path)?;
    medbill::read_x12(&bytes).map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

fn or_dash<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// The `check` line of one transaction set.
pub(crate) fn check_line(s: &SetSummary) -> String {
    format!(
        "{}\t{}\tsegments={}\tclaims={}\tcharge={}\tpaid={}\tbalanced={}",
        s.id,
        s.version,
        s.segments,
        or_dash(s.claims),
        or_dash(s.charge),
        or_dash(s.paid),
        or_dash(s.balanced.map(|b| if b { "yes" } else { "no" })),
    )
}

fn check(path: &Path) -> Result<u8, Failure> {
    let x12 = read(path)?;
    for summary in x12.summaries() {
        outln!("{}", check_line(&summary));
    }
    for f in x12.findings() {
        warnln!(
            "{}: {} at {}: {}",
            f.severity.as_str(),
            f.rule,
            f.path,
            f.message
        );
    }
    Ok(if x12.is_clean() { 0 } else { 1 })
}

fn show(path: &Path) -> Result<u8, Failure> {
    let x12 = read(path)?;
    let mut out = String::new();
    for r in &x12.remittances {
        eob(&mut out, r);
    }
    for t in &x12.claims {
        out.push_str(&format!(
            "837 {} ({}), from {} to {}: {} claims, {} not readable\n",
            t.control_number,
            t.version,
            t.submitter.name,
            t.receiver.name,
            t.claims.len(),
            t.rejected.len()
        ));
        for c in &t.claims {
            out.push_str(&format!(
                "  {:<20} {:<24} charge {:>10}  {} lines  payer {}\n",
                c.patient_control_number,
                format!("{:?}", c.frequency),
                c.total_charge,
                c.line_count(),
                c.payer.name
            ));
        }
    }
    for e in &x12.eligibility {
        out.push_str(&format!("271 {}\n", e.control_number));
        for s in &e.subscribers {
            let member = &s.member;
            out.push_str(&format!(
                "  coverage active: {}\n",
                match member.active_coverage() {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "not stated",
                }
            ));
            for b in &member.benefits {
                out.push_str(&format!(
                    "    {:<28} {:<10} {:>10} {:>8} {}\n",
                    format!("{:?}", b.kind),
                    b.service_types.join(","),
                    or_dash(b.amount),
                    or_dash(b.percent.map(|p| p.to_string())),
                    b.plan_description.as_deref().unwrap_or("")
                ));
            }
        }
    }
    for s in &x12.claim_status {
        out.push_str(&format!(
            "{} {}\n",
            if s.acknowledgment { "277CA" } else { "277" },
            s.control_number
        ));
        for c in &s.claims {
            out.push_str(&format!(
                "  claim {:<20} {:?}\n",
                c.patient_control_number.as_deref().unwrap_or("?"),
                c.class()
            ));
        }
    }
    for a in &x12.acknowledgments {
        for g in &a.groups {
            for t in &g.transactions {
                out.push_str(&format!(
                    "999: {} {} {:?}, {} segment errors\n",
                    t.set_id,
                    t.control_number,
                    t.status,
                    t.segment_errors.len()
                ));
            }
        }
    }
    if out.is_empty() {
        for summary in x12.summaries() {
            out.push_str(&check_line(&summary));
            out.push('\n');
        }
    }
    out!("{out}");
    Ok(0)
}

/// An 835 as an explanation of benefits.
fn eob(out: &mut String, r: &Remittance) {
    let p = &r.payment;
    out.push_str(&format!(
        "Remittance {} from {} to {}\n",
        r.control_number, r.payer.name, r.payee.name
    ));
    out.push_str(&format!(
        "Payment {} by {} on {}, trace {}\n\n",
        p.amount,
        p.method,
        or_dash(p.date),
        p.trace_number.as_deref().unwrap_or("-")
    ));
    for c in &r.claims {
        let status = match c.status.known() {
            Some(s) => s.describe().to_owned(),
            None => format!("status {}", c.status),
        };
        let patient = c
            .patient_name
            .as_ref()
            .map(|n| format!("{} {}", n.expose().first, n.expose().last))
            .unwrap_or_default();
        out.push_str(&format!(
            "Claim {} {} ({}), payer claim {}\n",
            c.patient_control_number,
            patient,
            status,
            c.payer_claim_number.as_deref().unwrap_or("-")
        ));
        out.push_str(&format!(
            "  charged {}  paid {}  patient owes {}\n",
            c.charge,
            c.paid,
            or_dash(c.patient_responsibility)
        ));
        for a in &c.adjustments {
            out.push_str(&format!(
                "  claim adjustment {}-{} {}\n",
                a.group, a.reason, a.amount
            ));
        }
        for l in &c.lines {
            out.push_str(&format!(
                "  {:<14} {:<10} charged {:>9}  allowed {:>9}  paid {:>9}\n",
                l.procedure.to_string(),
                or_dash(l.service_date),
                l.charge,
                or_dash(l.allowed),
                l.paid
            ));
            for a in &l.adjustments {
                out.push_str(&format!(
                    "      {}-{:<4} {:>9}  {}\n",
                    a.group,
                    a.reason,
                    a.amount,
                    a.group.known().map_or("", |g| g.meaning())
                ));
            }
            for remark in &l.remarks {
                out.push_str(&format!("      remark {remark}\n"));
            }
        }
        for remark in &c.remarks {
            out.push_str(&format!("  remark {remark}\n"));
        }
    }
    for a in &r.provider_adjustments {
        out.push_str(&format!(
            "Provider adjustment {} {} {}\n",
            a.reason,
            a.reference.as_deref().unwrap_or(""),
            a.amount
        ));
    }
    out.push('\n');
}

/// Claims from a JSON file holding one claim or an array of claims.
fn load_claims(path: &Path) -> Result<Vec<Claim>, Failure> {
    let text = crate::read_input(path)?;
    let claims = if text.trim_start().starts_with('[') {
        medbill::from_json::<Vec<Claim>>(&text)
    } else {
        Claim::from_json(&text).map(|c| vec![c])
    };
    claims.map_err(|e| Failure::input(format!("{}: {e}", path.display())))
}

pub(crate) fn default_envelope() -> Result<Envelope, Failure> {
    let mut envelope: Envelope = medbill::from_json(DEFAULT_ENVELOPE)
        .map_err(|e| Failure::input(format!("bundled envelope.json: {e}")))?;
    (envelope.date, envelope.time) = crate::clock::now();
    Ok(envelope)
}

pub(crate) fn default_submission() -> Result<Submission, Failure> {
    medbill::from_json(DEFAULT_SUBMISSION)
        .map_err(|e| Failure::input(format!("bundled submission.json: {e}")))
}

fn write_837(
    claims: &Path,
    submission: Option<&Path>,
    envelope: Option<&Path>,
    out: Option<PathBuf>,
) -> Result<u8, Failure> {
    let claims = load_claims(claims)?;
    let submission: Submission = match submission {
        Some(path) => medbill::from_json(&crate::read_input(path)?)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        None => default_submission()?,
    };
    let envelope: Envelope = match envelope {
        Some(path) => medbill::from_json(&crate::read_input(path)?)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?,
        None => default_envelope()?,
    };
    let bytes = medbill::x12::write_837(&claims, &submission, &envelope).map_err(|e| Failure {
        message: format!("cannot write the 837: {e}"),
        status: 1,
    })?;
    match out {
        Some(path) => std::fs::write(&path, &bytes)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?,
        None => crate::output::write_bytes(&bytes),
    }
    Ok(0)
}
