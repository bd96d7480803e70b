//! One entry point for any X12 file: [`read_x12`] checks the envelopes and reads every
//! transaction set it holds with the matching typed reader (835, 837P/I, 270/271, 276/277,
//! 277CA, 999, TA1), and the per-set summaries (`medbill x12 check`) with the streamed 835
//! tally.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::RemitEvent;
use super::{
    Acknowledgment, ClaimStatusRequest, ClaimStatusResponse, ClaimTransaction, EligibilityRequest,
    EligibilityResponse, EnvelopeReport, InterchangeAcknowledgment, ReadRequest, X12Error,
    check_envelopes, read_270, read_271, read_276, read_277, read_835, read_837, read_999,
    read_ta1,
};
use crate::finding::{Finding, Severity};
use crate::money::Money;
use crate::remit::{RemitClaim, Remittance, Total};

/// Everything read from one X12 file, by transaction type, each list in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct X12File {
    /// Interchanges, groups, every transaction set (id, version, segment count) and the
    /// envelope findings.
    pub envelope: EnvelopeReport,
    /// 835 remittances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remittances: Vec<Remittance>,
    /// 837P and 837I transaction sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimTransaction>,
    /// 270 eligibility inquiries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eligibility_requests: Vec<ReadRequest<EligibilityRequest>>,
    /// 271 eligibility responses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eligibility: Vec<EligibilityResponse>,
    /// 276 claim status inquiries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_requests: Vec<ReadRequest<ClaimStatusRequest>>,
    /// 277 claim status responses and 277CA claim acknowledgments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_status: Vec<ClaimStatusResponse>,
    /// 999 implementation acknowledgments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledgments: Vec<Acknowledgment>,
    /// TA1 interchange acknowledgments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interchange_acknowledgments: Vec<InterchangeAcknowledgment>,
}

/// Reads any X12 5010 file. Fails only when the bytes are not X12 or declare a version
/// medbill does not read (4010); everything else is read, with findings.
pub fn read_x12(input: &[u8]) -> Result<X12File, X12Error> {
    let mut file = read_x12_but_835(input)?;
    if file.envelope.transaction_sets.iter().any(|t| t.id == "835") {
        file.remittances = read_835(input)?;
    }
    Ok(file)
}

/// [`read_x12`] without the 835 transaction sets (`remittances` stays empty): for a caller
/// that streams those with [`crate::x12::RemitReader`] and reads the rest of the file whole.
pub fn read_x12_but_835(input: &[u8]) -> Result<X12File, X12Error> {
    let envelope = check_envelopes(input)?;
    let has = |id: &str| envelope.transaction_sets.iter().any(|t| t.id == id);
    let mut file = X12File::default();
    if has("837") {
        file.claims = read_837(input)?;
    }
    if has("270") {
        file.eligibility_requests = read_270(input)?;
    }
    if has("271") {
        file.eligibility = read_271(input)?;
    }
    if has("276") {
        file.status_requests = read_276(input)?;
    }
    if has("277") {
        file.claim_status = read_277(input)?;
    }
    if has("999") {
        file.acknowledgments = read_999(input)?;
    }
    // TA1 stands outside any transaction set: look for the id before any element separator.
    if input
        .windows(4)
        .any(|w| w.starts_with(b"TA1") && w.get(3).is_some_and(|b| !b.is_ascii_alphanumeric()))
    {
        file.interchange_acknowledgments = read_ta1(input)?;
    }
    file.envelope = envelope;
    Ok(file)
}

/// One line of `medbill x12 check`: what a transaction set holds, in numbers. A sum is
/// absent when an amount it needs is missing or it overflows (never a partial sum).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SetSummary {
    /// ST01.
    pub id: String,
    /// ST03 or GS08.
    pub version: String,
    /// Segments from ST to SE.
    pub segments: usize,
    /// Claims (CLP in an 835, CLM in an 837, claims in a 276/277), when the set has claims.
    pub claims: Option<usize>,
    /// Σ CLP03 (835) or Σ CLM02 (837).
    pub charge: Option<Money>,
    /// Σ CLP04 (835).
    pub paid: Option<Money>,
    /// Whether an 835 balances at line, claim and transaction level: absent for other sets,
    /// and for an 835 whose balancing could not be checked (an amount missing, a sum
    /// overflowing: see its findings). Never `true` unless every check passed.
    pub balanced: Option<bool>,
}

/// The figures of one 835 set for its [`SetSummary`], gathered from the whole remittance or
/// one streamed event at a time ([`RemitTally`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemitTally {
    claims: usize,
    charge: Total,
    paid: Total,
    verdict: Verdict,
    errors: bool,
}

/// The balancing verdict so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Verdict {
    #[default]
    Balanced,
    Unbalanced,
    Unknown,
}

impl RemitTally {
    /// Counts a claim.
    pub fn claim(&mut self, claim: &RemitClaim) {
        self.claims = self.claims.saturating_add(1);
        self.charge.add(claim.charge);
        self.paid.add(claim.paid);
    }

    /// Weighs findings (a claim's, the trailer's, the file's).
    pub fn findings<'a>(&mut self, findings: impl IntoIterator<Item = &'a Finding>) {
        let findings: Vec<&Finding> = findings.into_iter().collect();
        if findings.is_empty() {
            return;
        }
        self.errors |= findings.iter().any(|f| f.severity == Severity::Error);
        match crate::remit::balanced(findings.iter().copied()) {
            None => self.verdict = Verdict::Unknown,
            Some(false) if self.verdict == Verdict::Balanced => self.verdict = Verdict::Unbalanced,
            Some(_) => {}
        }
    }

    /// Counts a streamed event.
    pub fn event(&mut self, event: &RemitEvent) {
        match event {
            RemitEvent::Claim {
                claim, findings, ..
            } => {
                self.claim(claim);
                self.findings(findings);
            }
            RemitEvent::End(trailer) => self.findings(&trailer.findings),
            RemitEvent::Begin(_) | RemitEvent::Group(_) => {}
        }
    }

    /// A whole remittance's figures.
    pub fn of(remittance: &Remittance) -> RemitTally {
        let mut tally = RemitTally::default();
        for claim in &remittance.claims {
            tally.claim(claim);
        }
        tally.findings(&remittance.findings);
        tally
    }

    /// Whether a finding was an error.
    pub fn has_errors(&self) -> bool {
        self.errors
    }

    /// The summary of `set` with these figures.
    pub fn summary(&self, set: &crate::x12::TransactionSet) -> SetSummary {
        SetSummary {
            id: set.id.clone(),
            version: set.version.clone(),
            segments: set.segments,
            claims: Some(self.claims),
            charge: self.charge.value(),
            paid: self.paid.value(),
            balanced: match self.verdict {
                Verdict::Balanced => Some(true),
                Verdict::Unbalanced => Some(false),
                Verdict::Unknown => None,
            },
        }
    }
}

impl X12File {
    /// One summary per transaction set, in file order.
    pub fn summaries(&self) -> Vec<SetSummary> {
        self.summaries_with(self.remittances.iter().map(RemitTally::of))
    }

    /// [`X12File::summaries`] with the 835 sets' figures given (in file order), for a file
    /// whose 835s were streamed rather than kept in `remittances`.
    pub fn summaries_with(
        &self,
        remittances: impl IntoIterator<Item = RemitTally>,
    ) -> Vec<SetSummary> {
        let (mut r835, mut r837, mut r277) = (
            remittances.into_iter(),
            self.claims.iter(),
            self.claim_status.iter(),
        );
        self.envelope
            .transaction_sets
            .iter()
            .map(|set| {
                let mut summary = SetSummary {
                    id: set.id.clone(),
                    version: set.version.clone(),
                    segments: set.segments,
                    claims: None,
                    charge: None,
                    paid: None,
                    balanced: None,
                };
                match set.id.as_str() {
                    "835" => {
                        if let Some(tally) = r835.next() {
                            summary = tally.summary(set);
                        }
                    }
                    "837" => {
                        if let Some(t) = r837.next() {
                            summary.claims = Some(t.claims.len().saturating_add(t.rejected.len()));
                            summary.charge =
                                Money::sum(t.claims.iter().map(|c| c.total_charge)).ok();
                        }
                    }
                    "276" => {
                        // One request per claim asked about.
                        summary.claims = Some(
                            self.status_requests
                                .iter()
                                .filter(|r| r.control_number == set.control_number)
                                .count(),
                        );
                    }
                    "277" => {
                        if let Some(s) = r277.next() {
                            summary.claims = Some(s.claims.len());
                        }
                    }
                    _ => {}
                }
                summary
            })
            .collect()
    }
}

impl X12File {
    /// Every finding of the file once: the envelope's, each transaction's, and one per 837
    /// claim that could not be read into a claim (`X12-837-REJECTED`). Positions, never data.
    pub fn findings(&self) -> Vec<Finding> {
        self.collect_findings(true)
    }

    /// [`X12File::findings`] but the envelope's: for a caller that streamed the envelope
    /// findings already (with the 835s).
    pub fn findings_beyond_envelope(&self) -> Vec<Finding> {
        self.collect_findings(false)
    }

    fn collect_findings(&self, envelope: bool) -> Vec<Finding> {
        // One rejected finding per claim not read, kept with its transaction's findings.
        let rejected: Vec<Vec<Finding>> = self
            .claims
            .iter()
            .map(|t| {
                t.rejected
                    .iter()
                    .map(|r| {
                        Finding::error(
                            "X12-837-REJECTED",
                            format!("segment {} CLM", r.position),
                            format!("not read into a claim: {}", r.reasons.join("; ")),
                        )
                    })
                    .collect()
            })
            .collect();
        let mut lists: Vec<&[Finding]> = Vec::new();
        if envelope {
            lists.push(&self.envelope.findings);
        }
        lists.extend(self.remittances.iter().map(|r| r.findings.as_slice()));
        for (t, rejected) in self.claims.iter().zip(&rejected) {
            lists.push(&t.findings);
            lists.push(rejected);
        }
        lists.extend(
            self.eligibility_requests
                .iter()
                .map(|r| r.findings.as_slice()),
        );
        lists.extend(self.eligibility.iter().map(|r| r.findings.as_slice()));
        lists.extend(self.status_requests.iter().map(|r| r.findings.as_slice()));
        lists.extend(self.claim_status.iter().map(|r| r.findings.as_slice()));
        lists.extend(self.acknowledgments.iter().map(|a| a.findings.as_slice()));
        lists.extend(
            self.interchange_acknowledgments
                .iter()
                .map(|a| a.findings.as_slice()),
        );
        // Each once, in order; a set, not a search of the list, so many findings cost
        // in proportion to their number.
        let mut seen = rustc_hash::FxHashSet::default();
        let mut all = Vec::new();
        for f in lists.into_iter().flatten() {
            if seen.insert((
                f.rule.as_str(),
                f.severity,
                f.path.as_str(),
                f.message.as_str(),
            )) {
                all.push(f.clone());
            }
        }
        all
    }

    /// Whether every envelope is intact, every 835 balances, and nothing is an error: what
    /// `medbill x12 check` exits 0 for. Warnings (segments the model does not carry) do not
    /// count against a file.
    pub fn is_clean(&self) -> bool {
        self.is_clean_with(
            &self
                .remittances
                .iter()
                .map(RemitTally::of)
                .collect::<Vec<_>>(),
        )
    }

    /// [`X12File::is_clean`] with the 835 sets' figures given, for a file whose 835s were
    /// streamed.
    pub fn is_clean_with(&self, remittances: &[RemitTally]) -> bool {
        self.envelope.findings.is_empty()
            && remittances
                .iter()
                .all(|t| !t.has_errors() && t.verdict == Verdict::Balanced)
            && !self
                .findings()
                .iter()
                .any(|f| f.severity == Severity::Error)
    }
}
