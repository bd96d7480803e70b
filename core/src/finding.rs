//! [`Finding`]: one problem found in a claim, with a stable rule id and a JSON-pointer path.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The claim would be rejected: fix before submission.
    Error,
    /// The claim may be accepted but is likely to be denied or delayed.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a document. The message never contains patient data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, e.g. `CLM-TOTAL-CHARGE`.
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// JSON pointer to the field, e.g. `/form/lines/2/diagnosisPointers/0`.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
    /// How to fix it, where one fix exists (e.g. "add modifier 59 or XU if the services
    /// were distinct"). Never patient data either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Finding {
    /// An error finding.
    pub fn error(rule: &str, path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            fix: None,
        }
    }

    /// The same finding with the fix that resolves it.
    pub fn with_fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = Some(fix.into());
        self
    }

    /// True for a finding of severity [`Severity::Error`]: what must be fixed before the
    /// document goes anywhere.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A warning finding.
    pub fn warning(rule: &str, path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
            fix: None,
        }
    }
}

/// True when any finding is an error (see [`Finding::is_error`]).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}
