//! Payer rule packs as data: turn rules off, change their severity and the filing limit,
//! add "code X requires modifier Y / an NDC / prior authorization" rules. JSON, with its own
//! schema (`core/schema/payer-rules.schema.json`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::rules::RULES;
use crate::codes::{Modifier, ProcedureCode};
use crate::finding::Severity;

/// One payer's rules for the scrubber. Every field may be left out: the default pack
/// keeps every rule at its own severity with a filing limit of 365 days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayerRules {
    /// A name for people (e.g. "Acme Health commercial").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The payer ids (NM109 of 2010BB) the pack is for; empty for every payer. A claim to
    /// another payer is scrubbed with the default pack.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payer_ids: Vec<String>,
    /// Days after the date of service within which the payer accepts a claim (timely
    /// filing); 365 when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filing_limit_days: Option<u32>,
    /// Days after a claim is billed without an answer (835) before it is followed up with a
    /// 276; 30 when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_days: Option<u32>,
    /// Days after the payer's determination (the remittance date) within which it accepts an
    /// appeal. Without it, Medicare claims (filing indicator MA or MB) get the 120 days of a
    /// redetermination and other payers no deadline (the queue says it is unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_days: Option<u32>,
    /// Rule ids turned off (e.g. `SCRUB-NDC-REQUIRED`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disabled: Vec<String>,
    /// Rule ids whose severity the payer changes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severities: BTreeMap<String, Severity>,
    /// The payer's own code rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<CodeRequirement>,
}

/// "Code X requires …": the payer's own rule for one procedure code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CodeRequirement {
    /// The procedure code the rule is for.
    pub procedure: ProcedureCode,
    /// What a line with it needs.
    pub requires: Requirement,
    /// How serious a line without it is; an error when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Why, in the payer's words (shown with the finding; no patient data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What a payer requires with a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum Requirement {
    /// One of these modifiers on the line.
    Modifier {
        /// Any one of them will do.
        modifiers: Vec<Modifier>,
    },
    /// The drug's NDC on the line (LIN*N4).
    Ndc,
    /// A prior authorization number on the claim (REF*G1) or the line.
    PriorAuthorization,
}

/// Why a payer rule pack cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScrubError {
    /// The pack names a rule the scrubber does not have.
    #[error(
        "payer rules: {field} names an unknown rule id (the rule ids are listed by scrub::RULES)"
    )]
    UnknownRule {
        /// Where: `disabled/2` or `severities`.
        field: String,
    },
    /// A requirement that can never be met.
    #[error("payer rules: requirements/{index} lists no modifier")]
    EmptyRequirement {
        /// Which requirement.
        index: usize,
    },
}

impl PayerRules {
    /// Reads and checks a pack from JSON.
    pub fn from_json(text: &str) -> Result<PayerRules, crate::input::DecodeError> {
        crate::input::from_json(text)
    }

    /// Checks that every rule id the pack names exists and every requirement can be met.
    pub fn check(&self) -> Result<(), ScrubError> {
        let known = |id: &str| RULES.iter().any(|r| r.id == id);
        for (index, id) in self.disabled.iter().enumerate() {
            if !known(id) {
                return Err(ScrubError::UnknownRule {
                    field: format!("disabled/{index}"),
                });
            }
        }
        if self.severities.keys().any(|id| !known(id)) {
            return Err(ScrubError::UnknownRule {
                field: "severities".into(),
            });
        }
        for (index, requirement) in self.requirements.iter().enumerate() {
            if matches!(&requirement.requires, Requirement::Modifier { modifiers } if modifiers.is_empty())
            {
                return Err(ScrubError::EmptyRequirement { index });
            }
        }
        Ok(())
    }

    /// True when the pack is for claims to this payer id.
    pub fn applies_to(&self, payer_id: &str) -> bool {
        self.payer_ids.is_empty() || self.payer_ids.iter().any(|p| p == payer_id)
    }

    /// The filing limit in days.
    pub fn filing_limit(&self) -> u32 {
        self.filing_limit_days.unwrap_or(365)
    }

    /// Days without an answer before a follow-up.
    pub fn follow_up(&self) -> u32 {
        self.follow_up_days.unwrap_or(30)
    }

    /// The severity of a rule under this pack; none when the pack turns it off.
    pub fn severity_of(&self, rule: &str, default: Severity) -> Option<Severity> {
        if self.disabled.iter().any(|d| d == rule) {
            return None;
        }
        Some(self.severities.get(rule).copied().unwrap_or(default))
    }
}
