//! The claim scrubber: edits a claim against the official code sets, the payer's rules and
//! the patient's claim history before it is sent (issue #12 §3). Each finding has a stable
//! rule id ([`RULES`]), a severity, the JSON pointer of the field, a message without
//! patient data and, where one exists, the fix.
//!
//! The structural rules of [`Claim::validate`] run first and their findings come through
//! as they are; then the code, modifier, NCCI, MUE, add-on, history and claim rules. A code
//! set that was not loaded is not checked (no finding is invented for it).

mod claim_rules;
mod codes;
mod edits;
mod modifiers;
mod payer;
pub mod rules;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use payer::{CodeRequirement, PayerRules, Requirement, ScrubError};
pub use rules::{RULES, ScrubRule};

use crate::claim::{Claim, ClaimForm, Quantity};
use crate::codes::{Modifier, ProcedureCode};
use crate::codesets::{CodeSets, NcciSetting};
use crate::finding::{Finding, Severity};

/// The patient's earlier services with the same provider, as the practice's system knows
/// them: what duplicate and global-period rules compare against.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScrubHistory {
    /// Services billed before, any order.
    #[serde(default)]
    pub services: Vec<PriorService>,
}

/// One service billed before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriorService {
    /// The claim it was billed on (its patient control number).
    pub claim: String,
    /// Procedure code.
    pub procedure: ProcedureCode,
    /// Modifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// Date of service.
    pub service_date: NaiveDate,
    /// Units (decimal string).
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub units: Decimal,
}

/// The JSON pointer of a line, written out only when a finding names it.
#[derive(Debug, Clone, Copy)]
struct LinePath {
    form: &'static str,
    index: usize,
}

impl std::fmt::Display for LinePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/form/{}/lines/{}", self.form, self.index)
    }
}

/// One service line as the rules see it, whichever the claim's form.
#[derive(Debug, Clone)]
struct Line<'a> {
    path: LinePath,
    procedure: Option<ProcedureCode>,
    modifiers: &'a [Modifier],
    date: NaiveDate,
    quantity: Quantity,
    has_drug: bool,
    prior_authorization: bool,
}

impl Line<'_> {
    fn has(&self, modifier: &str) -> bool {
        self.modifiers
            .iter()
            .any(|m| m.bytes().as_slice() == modifier.as_bytes())
    }
    fn has_any(&self, modifiers: &[&str]) -> bool {
        modifiers.iter().any(|m| self.has(m))
    }
    fn units(&self) -> Option<Decimal> {
        match self.quantity {
            Quantity::Units(units) => Some(units),
            Quantity::Minutes(_) => None,
        }
    }
}

/// Collects findings under the payer's pack.
struct Out<'p> {
    rules: &'p PayerRules,
    findings: Vec<Finding>,
}

impl Out<'_> {
    /// A finding of `rule` at its default severity.
    fn push(
        &mut self,
        rule: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: Option<String>,
    ) {
        self.push_as(rule, rules::default_severity(rule), path, message, fix);
    }

    /// A finding of `rule` at a severity the case decides (the pack may still change it).
    fn push_as(
        &mut self,
        rule: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: Option<String>,
    ) {
        if self.rules.disabled.iter().any(|d| d == rule) {
            return;
        }
        let severity = self.rules.severities.get(rule).copied().unwrap_or(severity);
        self.findings.push(Finding {
            rule: rule.to_owned(),
            severity,
            path: path.into(),
            message: message.into(),
            fix,
        });
    }
}

/// What a scrub reads besides the claim.
struct Context<'a> {
    claim: &'a Claim,
    sets: &'a CodeSets,
    rules: &'a PayerRules,
    as_of: NaiveDate,
    history: &'a ScrubHistory,
    lines: Vec<Line<'a>>,
    setting: NcciSetting,
    medicare: bool,
}

/// Scrubs a claim. `rules` is the payer's pack ([`PayerRules::default`] for none; a pack for
/// other payer ids is not applied), `as_of` is today (for timely filing), `history` the
/// patient's earlier services with the provider.
pub fn scrub(
    claim: &Claim,
    sets: &CodeSets,
    rules: &PayerRules,
    as_of: NaiveDate,
    history: &ScrubHistory,
) -> Vec<Finding> {
    let mut findings = claim.validate();
    findings.extend(scrub_rules(claim, sets, rules, as_of, history));
    findings
}

/// The scrub rules alone, without the claim's structural validation: for a caller that has
/// just validated the claim (validation is most of the cost of [`scrub`]).
pub fn scrub_rules(
    claim: &Claim,
    sets: &CodeSets,
    rules: &PayerRules,
    as_of: NaiveDate,
    history: &ScrubHistory,
) -> Vec<Finding> {
    let default_rules = PayerRules::default();
    let rules = if rules.applies_to(&claim.payer.payer_id) {
        rules
    } else {
        &default_rules
    };
    let (lines, setting) = lines_of(claim);
    let medicare = matches!(claim.payer.claim_filing_indicator.as_str(), "MA" | "MB");
    let cx = Context {
        claim,
        sets,
        rules,
        as_of,
        history,
        lines,
        setting,
        medicare,
    };
    let mut out = Out {
        rules,
        findings: Vec::new(),
    };
    codes::check(&cx, &mut out);
    modifiers::check(&cx, &mut out);
    edits::check(&cx, &mut out);
    claim_rules::check(&cx, &mut out);
    out.findings
}

fn lines_of(claim: &Claim) -> (Vec<Line<'_>>, NcciSetting) {
    match &claim.form {
        ClaimForm::Professional(p) => (
            p.lines
                .iter()
                .enumerate()
                .map(|(i, l)| Line {
                    path: LinePath {
                        form: "professional",
                        index: i,
                    },
                    procedure: Some(l.procedure),
                    modifiers: &l.modifiers,
                    date: l.service_date,
                    quantity: l.quantity,
                    has_drug: l.drug.is_some(),
                    prior_authorization: !l.prior_authorizations.is_empty(),
                })
                .collect(),
            NcciSetting::Practitioner,
        ),
        ClaimForm::Institutional(inst) => (
            inst.lines
                .iter()
                .enumerate()
                .map(|(i, l)| Line {
                    path: LinePath {
                        form: "institutional",
                        index: i,
                    },
                    procedure: l.procedure,
                    modifiers: &l.modifiers,
                    date: l.service_date.unwrap_or(inst.statement_from),
                    quantity: Quantity::Units(l.units),
                    has_drug: l.drug.is_some(),
                    prior_authorization: false,
                })
                .collect(),
            NcciSetting::OutpatientHospital,
        ),
    }
}

/// True for the E/M codes of CPT (99202–99499).
fn is_evaluation_and_management(code: ProcedureCode) -> bool {
    use crate::codes::code_key;
    (code_key(b"99202")..=code_key(b"99499")).contains(&code.key())
}

/// `date` plus `days`, or none past the calendar's end.
fn plus_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(chrono::Days::new(days))
}

fn minus_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_sub_days(chrono::Days::new(days))
}
