//! Reading 835 transaction sets into [`Remittance`]s.

use rust_decimal::Decimal;

use super::{
    Party, Payment, ProviderAdjustment, RemitAdjustment, RemitClaim, RemitLine, Remittance,
};
use crate::finding::Finding;
use crate::money::Money;
use crate::x12::{Segment, Tokenizer, X12Error, check_envelopes};

/// Reads every 835 transaction set in the input. Envelope findings go to every remittance of
/// the file; each remittance also carries its balancing findings.
pub fn read_835(input: &[u8]) -> Result<Vec<Remittance>, X12Error> {
    let envelope = check_envelopes(input)?;
    let mut remittances = Vec::new();
    let mut current: Option<Reading> = None;
    for segment in Tokenizer::new(input)? {
        let segment = segment?;
        match (segment.id(), current.as_mut()) {
            ("ST", _) if segment.element(1) == Some("835") => {
                current = Some(Reading::new(segment.element(2).unwrap_or("")));
            }
            ("SE", Some(_)) => {
                if let Some(reading) = current.take() {
                    remittances.push(reading.finish(&envelope.findings));
                }
            }
            (_, Some(reading)) => reading.segment(&segment),
            _ => {}
        }
    }
    // A set cut off before its SE is still returned (the envelope findings say so).
    if let Some(reading) = current.take() {
        remittances.push(reading.finish(&envelope.findings));
    }
    Ok(remittances)
}

/// Where N1 loops belong.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PartyRole {
    Payer,
    Payee,
    Other,
}

struct Reading {
    remittance: Remittance,
    party: PartyRole,
}

/// An X12 decimal (`R` type) as exact money: `.5` and `-.5` included.
fn amount(segment: &Segment<'_>, n: usize, findings: &mut Vec<Finding>) -> Money {
    let text = segment.element(n).unwrap_or("");
    let normalized = if let Some(rest) = text.strip_prefix("-.") {
        format!("-0.{rest}")
    } else if text.starts_with('.') {
        format!("0{text}")
    } else {
        text.to_owned()
    };
    normalized.parse::<Money>().unwrap_or_else(|_| {
        findings.push(Finding::error(
            "REMIT-AMOUNT",
            format!("segment {} {}{n:02}", segment.position, segment.id()),
            "not a decimal amount; read as 0",
        ));
        Money::ZERO
    })
}

fn optional(segment: &Segment<'_>, n: usize) -> Option<String> {
    segment
        .element(n)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl Reading {
    fn new(control_number: &str) -> Reading {
        Reading {
            remittance: Remittance {
                control_number: control_number.to_owned(),
                payment: Payment::default(),
                payer: Party::default(),
                payee: Party::default(),
                claims: Vec::new(),
                provider_adjustments: Vec::new(),
                findings: Vec::new(),
            },
            party: PartyRole::Other,
        }
    }

    fn segment(&mut self, segment: &Segment<'_>) {
        let r = &mut self.remittance;
        let findings = &mut r.findings;
        match segment.id() {
            "BPR" => {
                r.payment.handling = segment.element(1).unwrap_or("").to_owned();
                r.payment.amount = amount(segment, 2, findings);
                r.payment.credit_debit = segment.element(3).unwrap_or("").to_owned();
                r.payment.method = segment.element(4).unwrap_or("").to_owned();
                r.payment.date = optional(segment, 16);
            }
            "TRN" => r.payment.trace_number = optional(segment, 2),
            "N1" => {
                self.party = match segment.element(1) {
                    Some("PR") => PartyRole::Payer,
                    Some("PE") => PartyRole::Payee,
                    _ => PartyRole::Other,
                };
                let party = Party {
                    name: segment.element(2).unwrap_or("").to_owned(),
                    id: optional(segment, 4),
                };
                match self.party {
                    PartyRole::Payer => r.payer = party,
                    PartyRole::Payee => r.payee = party,
                    PartyRole::Other => {}
                }
            }
            "CLP" => {
                let claim = RemitClaim {
                    patient_control_number: segment.element(1).unwrap_or("").to_owned(),
                    status: segment.element(2).unwrap_or("").to_owned(),
                    charge: amount(segment, 3, findings),
                    paid: amount(segment, 4, findings),
                    patient_responsibility: segment
                        .element(5)
                        .filter(|s| !s.is_empty())
                        .map(|_| amount(segment, 5, findings)),
                    payer_claim_number: optional(segment, 7),
                    adjustments: Vec::new(),
                    lines: Vec::new(),
                };
                r.claims.push(claim);
            }
            "SVC" => {
                let line = RemitLine {
                    procedure: segment.element(1).unwrap_or("").to_owned(),
                    charge: amount(segment, 2, findings),
                    paid: amount(segment, 3, findings),
                    adjustments: Vec::new(),
                    control_number: None,
                    allowed: None,
                };
                match r.claims.last_mut() {
                    Some(claim) => claim.lines.push(line),
                    None => findings.push(Finding::error(
                        "REMIT-SVC-ORPHAN",
                        format!("segment {} SVC", segment.position),
                        "SVC before any CLP",
                    )),
                }
            }
            "CAS" => {
                let group = segment.element(1).unwrap_or("").to_owned();
                let mut adjustments = Vec::new();
                // Up to six (reason, amount, quantity) triples from CAS02.
                for first in (2..=17).step_by(3) {
                    let Some(reason) = segment.element(first).filter(|s| !s.is_empty()) else {
                        break;
                    };
                    let quantity = segment
                        .element(first.saturating_add(2))
                        .and_then(|q| q.parse::<Decimal>().ok());
                    adjustments.push(RemitAdjustment {
                        group: group.clone(),
                        reason: reason.to_owned(),
                        amount: amount(segment, first.saturating_add(1), findings),
                        quantity,
                    });
                }
                match r.claims.last_mut() {
                    Some(claim) => match claim.lines.last_mut() {
                        Some(line) => line.adjustments.extend(adjustments),
                        None => claim.adjustments.extend(adjustments),
                    },
                    None => findings.push(Finding::error(
                        "REMIT-CAS-ORPHAN",
                        format!("segment {} CAS", segment.position),
                        "CAS before any CLP",
                    )),
                }
            }
            "REF" if segment.element(1) == Some("6R") => {
                if let Some(line) = r.claims.last_mut().and_then(|c| c.lines.last_mut()) {
                    line.control_number = optional(segment, 2);
                }
            }
            "AMT" if segment.element(1) == Some("B6") => {
                let allowed = amount(segment, 2, findings);
                if let Some(line) = r.claims.last_mut().and_then(|c| c.lines.last_mut()) {
                    line.allowed = Some(allowed);
                }
            }
            "PLB" => {
                let provider = segment.element(1).unwrap_or("").to_owned();
                // Up to six (reason:reference, amount) pairs from PLB03.
                for first in (3..=13).step_by(2) {
                    let Some(code) = segment.element(first).filter(|s| !s.is_empty()) else {
                        break;
                    };
                    let component = char::from(segment.delimiters().component);
                    let (reason, reference) = match code.split_once(component) {
                        Some((reason, reference)) => {
                            (reason.to_owned(), Some(reference.to_owned()))
                        }
                        None => (code.to_owned(), None),
                    };
                    let value = amount(segment, first.saturating_add(1), findings);
                    r.provider_adjustments.push(ProviderAdjustment {
                        provider: provider.clone(),
                        reason,
                        reference,
                        amount: value,
                    });
                }
            }
            _ => {}
        }
    }

    fn finish(mut self, envelope: &[Finding]) -> Remittance {
        let balance = self.remittance.balance();
        self.remittance.findings.extend(balance);
        self.remittance.findings.extend(envelope.iter().cloned());
        self.remittance
    }
}
