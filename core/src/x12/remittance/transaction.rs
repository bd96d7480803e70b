//! One 835 transaction set read segment by segment into the model: the header, the LX
//! groups, the claims and their lines, the PLB trailer. The same reading serves the
//! sequential reader and the pieces read apart ([`super::piece`]).
//!
//! Every segment and element the 835 guide uses is carried. A segment the guide does not
//! allow where it stands, one more of a segment the guide allows once, or an element the
//! guide does not use is counted (`X12-NOT-CARRIED`, a warning at the end of the set with
//! the first position and how many): nothing is dropped without a finding.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use super::read::{RemitEvent, RemitHeader, RemitTrailer};
use super::values::RemitValues;
use crate::codes::{Carc, GroupCode, Rarc};
use crate::finding::Finding;
use crate::money::Money;
use crate::phi::Phi;
use crate::remit::{
    BankAccount, ClaimGroup, ClaimStatus, Coded, CompactString, Contact, Currency, DeliveryMethod,
    InpatientAdjudication, OutpatientAdjudication, Party, PartyAddress, Payment,
    ProviderAdjustment, ProviderSummary, QualifiedAmount, QualifiedDate, QualifiedQuantity,
    Reference, RemitAdjustment, RemitClaim, RemitLine, RemitName, ServiceProcedure,
    SupplementalSummary, Total, balance_claim, balance_transaction,
};
use crate::x12::value::{self, Elements};

/// Segment ids the reader dispatches on.
pub(super) mod ids {
    use crate::x12::value::tag;
    pub(crate) const AMT: u32 = tag("AMT");
    pub(crate) const BPR: u32 = tag("BPR");
    pub(crate) const CAS: u32 = tag("CAS");
    pub(crate) const CLP: u32 = tag("CLP");
    pub(crate) const CUR: u32 = tag("CUR");
    pub(crate) const DTM: u32 = tag("DTM");
    pub(crate) const LQ: u32 = tag("LQ");
    pub(crate) const LX: u32 = tag("LX");
    pub(crate) const MIA: u32 = tag("MIA");
    pub(crate) const MOA: u32 = tag("MOA");
    pub(crate) const N1: u32 = tag("N1");
    pub(crate) const N3: u32 = tag("N3");
    pub(crate) const N4: u32 = tag("N4");
    pub(crate) const NM1: u32 = tag("NM1");
    pub(crate) const PER: u32 = tag("PER");
    pub(crate) const PLB: u32 = tag("PLB");
    pub(crate) const QTY: u32 = tag("QTY");
    pub(crate) const RDM: u32 = tag("RDM");
    pub(crate) const REF: u32 = tag("REF");
    pub(crate) const SE: u32 = tag("SE");
    pub(crate) const ST: u32 = tag("ST");
    pub(crate) const SVC: u32 = tag("SVC");
    pub(crate) const TRN: u32 = tag("TRN");
    pub(crate) const TS2: u32 = tag("TS2");
    pub(crate) const TS3: u32 = tag("TS3");
}

/// Where the segments of the header's N1 loops belong.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PartyRole {
    /// No N1 yet: REF and DTM are the payment's.
    Before,
    Payer,
    Payee,
    /// An N1 the model does not carry (another entity, or a second payer or payee): its
    /// loop is not carried either.
    Skipped,
}

/// The header segments the guide allows once, when read.
#[derive(Clone, Copy, Default)]
struct Seen {
    bpr: bool,
    trn: bool,
    payer: bool,
    payee: bool,
}

/// Which loop the segments being read belong to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Level {
    Header,
    /// After an LX, before its first claim (TS3, TS2).
    Group,
    Claim,
    Line,
    Trailer,
}

/// Segments and elements the model does not carry: (what, first position, count), in order
/// of first occurrence, each counted once per kind.
#[derive(Debug, Default)]
pub(super) struct NotCarried {
    entries: Vec<(String, usize, usize, bool)>,
    at: FxHashMap<u64, usize>,
}

impl NotCarried {
    fn note(&mut self, key: u64, position: usize, label: impl FnOnce() -> String, element: bool) {
        match self.at.get(&key).and_then(|&i| self.entries.get_mut(i)) {
            Some(entry) => entry.2 = entry.2.saturating_add(1),
            None => {
                self.at.insert(key, self.entries.len());
                self.entries.push((label(), position, 1, element));
            }
        }
    }

    /// A whole segment. An id that is not a plain two or three letter code is `?`: no data
    /// in findings.
    fn segment(&mut self, f: &Elements<'_>) {
        let id = f.safe_id();
        self.note(
            u64::from(value::tag(id)),
            f.position(),
            || id.to_owned(),
            false,
        );
    }

    /// Element `n` (component `c`, when not 0) of the segment.
    fn element(&mut self, f: &Elements<'_>, n: usize, c: usize) {
        let id = f.safe_id();
        let key = (u64::from(value::tag(id)) << 24)
            | ((n.min(0xFFFF) as u64) << 8)
            | (c.min(0xFF) as u64);
        let label = || {
            if c == 0 {
                format!("{id}{n:02}")
            } else {
                format!("{id}{n:02}-{c}")
            }
        };
        self.note(key, f.position(), label, true);
    }

    /// Elements the guide does not use: those listed, and any after `last`.
    fn elements(&mut self, f: &Elements<'_>, last: usize, unused: &[usize]) {
        for &n in unused {
            if f.has(n) {
                self.element(f, n, 0);
            }
        }
        if f.len() > last {
            for n in last.saturating_add(1)..=f.len() {
                if f.has(n) {
                    self.element(f, n, 0);
                }
            }
        }
    }

    /// Another reading's counts, its positions `base` segments further on.
    pub(super) fn merge(&mut self, other: NotCarried, base: usize) {
        let mut keys: Vec<(u64, usize)> = other.at.into_iter().collect();
        keys.sort_unstable_by_key(|&(_, i)| i);
        let mut entries: Vec<Option<(String, usize, usize, bool)>> =
            other.entries.into_iter().map(Some).collect();
        for (key, i) in keys {
            let Some((label, first, count, element)) = entries.get_mut(i).and_then(Option::take)
            else {
                continue;
            };
            match self.at.get(&key).and_then(|&j| self.entries.get_mut(j)) {
                Some(entry) => entry.2 = entry.2.saturating_add(count),
                None => {
                    self.at.insert(key, self.entries.len());
                    self.entries
                        .push((label, first.saturating_add(base), count, element));
                }
            }
        }
    }

    fn findings(&self) -> impl Iterator<Item = Finding> + '_ {
        self.entries.iter().map(|(label, first, count, element)| {
            let message = if *element {
                format!(
                    "{count} {label} element(s) not carried: the 835 guide does not use it here"
                )
            } else {
                format!("{count} {label} segment(s) not carried by the remittance model")
            };
            Finding::warning(
                "X12-NOT-CARRIED",
                format!("segment {first} {label}"),
                message,
            )
        })
    }
}

/// The reading of one transaction set.
pub(super) struct Transaction {
    pub(super) header: Option<RemitHeader>,
    control_number: CompactString,
    party: PartyRole,
    seen: Seen,
    pub(super) level: Level,
    claim: Option<(Box<RemitClaim>, Vec<Finding>)>,
    /// An LX group waiting for its first claim (TS3 and TS2 come before it).
    group: Option<ClaimGroup>,
    pub(super) claims: usize,
    payment_amount: Option<Money>,
    /// Σ CLP04 so far.
    pub(super) paid: Total,
    provider_adjustments: Vec<ProviderAdjustment>,
    /// Findings of the header, the groups and PLB (claims keep their own).
    pub(super) findings: Vec<Finding>,
    pub(super) not_carried: NotCarried,
}

impl Transaction {
    pub(super) fn new(control_number: &str, version: CompactString) -> Transaction {
        Transaction {
            header: Some(RemitHeader {
                control_number: control_number.into(),
                version,
                payment: Payment::default(),
                payer: Party::default(),
                payee: Party::default(),
            }),
            control_number: control_number.into(),
            party: PartyRole::Before,
            seen: Seen::default(),
            level: Level::Header,
            claim: None,
            group: None,
            claims: 0,
            payment_amount: None,
            paid: Total::default(),
            provider_adjustments: Vec::new(),
            findings: Vec::new(),
            not_carried: NotCarried::default(),
        }
    }

    /// A reading that starts between claims (a piece of the claim loop).
    pub(super) fn between_claims() -> Transaction {
        let mut transaction = Transaction::new("", CompactString::default());
        transaction.header = None;
        transaction.level = Level::Claim;
        transaction
    }

    /// Whether the reader stands between claims of the claim loop, the header handed out.
    pub(super) fn is_between_claims(&self) -> bool {
        self.header.is_none() && matches!(self.level, Level::Group | Level::Claim | Level::Line)
    }

    /// Emits the header once, before the first group or claim (or at the end of a set
    /// without any).
    fn begin(&mut self, queue: &mut VecDeque<RemitEvent>) {
        if let Some(header) = self.header.take() {
            queue.push_back(RemitEvent::Begin(Box::new(header)));
        }
    }

    /// Emits the open claim, balanced.
    pub(super) fn finish_claim(&mut self, queue: &mut VecDeque<RemitEvent>) {
        let Some((claim, mut findings)) = self.claim.take() else {
            return;
        };
        balance_claim(&claim, self.claims, &mut findings);
        self.paid.add(claim.paid);
        queue.push_back(RemitEvent::Claim {
            index: self.claims,
            claim,
            findings,
        });
        self.claims = self.claims.saturating_add(1);
    }

    /// Emits the open LX group.
    pub(super) fn flush_group(&mut self, queue: &mut VecDeque<RemitEvent>) {
        if let Some(group) = self.group.take() {
            queue.push_back(RemitEvent::Group(Box::new(group)));
        }
    }

    pub(super) fn end(mut self, envelope: Vec<Finding>, queue: &mut VecDeque<RemitEvent>) {
        self.begin(queue);
        self.finish_claim(queue);
        self.flush_group(queue);
        balance_transaction(
            self.paid,
            &self.provider_adjustments,
            self.payment_amount,
            &mut self.findings,
        );
        let not_carried: Vec<Finding> = self.not_carried.findings().collect();
        self.findings.extend(not_carried);
        self.findings.extend(envelope);
        queue.push_back(RemitEvent::End(RemitTrailer {
            control_number: self.control_number,
            claims: self.claims,
            provider_adjustments: self.provider_adjustments,
            findings: self.findings,
        }));
    }

    pub(super) fn segment(&mut self, f: &Elements<'_>, queue: &mut VecDeque<RemitEvent>) {
        match (f.tag(), self.level) {
            (ids::CLP, _) => {
                self.begin(queue);
                self.finish_claim(queue);
                self.flush_group(queue);
                self.level = Level::Claim;
                let mut findings = Vec::new();
                let claim = read_clp(f, &mut findings, &mut self.not_carried);
                self.claim = Some((Box::new(claim), findings));
            }
            (ids::LX, Level::Header | Level::Group | Level::Claim | Level::Line) => {
                self.begin(queue);
                self.finish_claim(queue);
                self.flush_group(queue);
                self.not_carried.elements(f, 1, &[]);
                self.group = Some(ClaimGroup {
                    number: f.get(1).into(),
                    first_claim: self.claims,
                    provider_summary: None,
                    supplemental_summary: None,
                });
                self.level = Level::Group;
            }
            (ids::PLB, _) => {
                self.begin(queue);
                self.finish_claim(queue);
                self.flush_group(queue);
                self.level = Level::Trailer;
                self.plb(f);
            }
            (_, Level::Header) => self.header_segment(f),
            (_, Level::Group) => self.group_segment(f),
            (_, Level::Claim | Level::Line) => self.claim_segment(f),
            (_, Level::Trailer) => self.not_carried.segment(f),
        }
    }

    fn plb(&mut self, f: &Elements<'_>) {
        let findings = &mut self.findings;
        let provider = CompactString::from(f.get(1));
        let fiscal_period_end = f.required_date(2, findings);
        self.not_carried.elements(f, 14, &[]);
        let component = char::from(f.delimiters().component);
        // Up to six (reason:reference, amount) pairs from PLB03.
        for first in (3usize..=13).step_by(2) {
            let code = f.get(first);
            let next = first.saturating_add(1);
            if code.is_empty() && !f.has(next) {
                continue;
            }
            if code.is_empty() || code.starts_with(component) {
                findings.push(Finding::error(
                    "REMIT-PLB-REASON",
                    f.at(first),
                    "provider adjustment without a reason code; kept with its amount",
                ));
            }
            let (reason, reference) = match code.split_once(component) {
                Some((reason, rest)) => {
                    let (reference, beyond) = match rest.split_once(component) {
                        Some((reference, beyond)) => (reference, beyond),
                        None => (rest, ""),
                    };
                    if !beyond.is_empty() && beyond.chars().any(|c| c != component) {
                        self.not_carried.element(f, first, 3);
                    }
                    (
                        reason.into(),
                        Some(reference).filter(|r| !r.is_empty()).map(Into::into),
                    )
                }
                None => {
                    foreign_separator(f, first, findings);
                    (code.into(), None)
                }
            };
            let amount = f.required_amount(next, findings);
            self.provider_adjustments.push(ProviderAdjustment {
                provider: provider.clone(),
                fiscal_period_end,
                reason,
                reference,
                amount,
            });
        }
    }

    fn header_segment(&mut self, f: &Elements<'_>) {
        let Some(header) = self.header.as_mut() else {
            self.not_carried.segment(f);
            return;
        };
        let findings = &mut self.findings;
        let not_carried = &mut self.not_carried;
        let payment = &mut header.payment;
        match f.tag() {
            ids::BPR if !self.seen.bpr => {
                self.seen.bpr = true;
                not_carried.elements(f, 16, &[]);
                payment.handling = f.get(1).into();
                payment.amount = f.required_amount(2, findings);
                payment.credit_debit = f.get(3).into();
                payment.method = f.get(4).into();
                payment.format = f.compact(5);
                payment.sender_account = account(f, 6);
                payment.originating_company = f.compact(10);
                payment.originating_company_supplemental = f.compact(11);
                payment.receiver_account = account(f, 12);
                payment.date = f.required_date(16, findings);
                self.payment_amount = payment.amount;
            }
            ids::TRN if !self.seen.trn => {
                self.seen.trn = true;
                not_carried.elements(f, 4, &[]);
                payment.trace_type = f.compact(1).filter(|t| t != "1");
                payment.trace_number = f.compact(2);
                payment.payer_identifier = f.compact(3);
                payment.trace_supplemental = f.compact(4);
            }
            ids::CUR if payment.currency.is_none() => {
                not_carried.elements(f, 2, &[]);
                payment.currency = Some(Currency {
                    entity: f.get(1).into(),
                    code: f.get(2).into(),
                });
            }
            ids::DTM if f.get(1) == "405" && payment.production_date.is_none() => {
                not_carried.elements(f, 2, &[]);
                payment.production_date = f.required_date(2, findings);
            }
            ids::N1 => {
                not_carried.elements(f, 4, &[]);
                let role = match f.get(1) {
                    "PR" if !self.seen.payer => PartyRole::Payer,
                    "PE" if !self.seen.payee => PartyRole::Payee,
                    _ => PartyRole::Skipped,
                };
                self.party = role;
                self.seen.payer |= role == PartyRole::Payer;
                self.seen.payee |= role == PartyRole::Payee;
                if matches!(role, PartyRole::Payer | PartyRole::Payee) && f.trimmed(2).is_empty() {
                    findings.push(Finding::error(
                        "X12-NAME-REQUIRED",
                        f.at(2),
                        "empty, where the implementation guide requires the payer's or payee's \
                         name",
                    ));
                }
                let party = Party {
                    name: f.get(2).into(),
                    id_qualifier: f.compact(3),
                    id: f.compact(4),
                    ..Party::default()
                };
                match role {
                    PartyRole::Payer => header.payer = party,
                    PartyRole::Payee => header.payee = party,
                    PartyRole::Before | PartyRole::Skipped => not_carried.segment(f),
                }
            }
            ids::N3 | ids::N4 | ids::REF | ids::PER | ids::RDM
                if matches!(self.party, PartyRole::Payer | PartyRole::Payee) =>
            {
                let party = if self.party == PartyRole::Payer {
                    &mut header.payer
                } else {
                    &mut header.payee
                };
                party_segment(f, party, not_carried);
            }
            ids::REF if self.party == PartyRole::Before => {
                not_carried.elements(f, 2, &[]);
                payment.references.push(reference(f));
            }
            _ => not_carried.segment(f),
        }
    }

    fn group_segment(&mut self, f: &Elements<'_>) {
        let Some(group) = self.group.as_mut() else {
            self.not_carried.segment(f);
            return;
        };
        let findings = &mut self.findings;
        match f.tag() {
            ids::TS3 if group.provider_summary.is_none() => {
                self.not_carried
                    .elements(f, 24, &[6, 7, 8, 9, 10, 11, 12, 14, 16, 19]);
                group.provider_summary = Some(ProviderSummary {
                    provider: f.get(1).into(),
                    facility_code: f.get(2).into(),
                    fiscal_period_end: f.required_date(3, findings),
                    claim_count: f.required_quantity(4, findings),
                    total_charge: f.required_amount(5, findings),
                    msp_payer: f.amount(13, findings),
                    non_lab_charge: f.amount(15, findings),
                    hcpcs_reported_charge: f.amount(17, findings),
                    hcpcs_payable: f.amount(18, findings),
                    professional_component: f.amount(20, findings),
                    msp_patient_liability_met: f.amount(21, findings),
                    patient_reimbursement: f.amount(22, findings),
                    pip_claim_count: f.quantity(23, findings),
                    pip_adjustment: f.amount(24, findings),
                });
            }
            ids::TS2 if group.supplemental_summary.is_none() => {
                self.not_carried.elements(f, 19, &[]);
                group.supplemental_summary = Some(SupplementalSummary {
                    drg: f.amount(1, findings),
                    federal_specific: f.amount(2, findings),
                    hospital_specific: f.amount(3, findings),
                    disproportionate_share: f.amount(4, findings),
                    capital: f.amount(5, findings),
                    indirect_medical_education: f.amount(6, findings),
                    outlier_days: f.quantity(7, findings),
                    day_outlier: f.amount(8, findings),
                    cost_outlier: f.amount(9, findings),
                    average_drg_length_of_stay: f.quantity(10, findings),
                    discharges: f.quantity(11, findings),
                    cost_report_days: f.quantity(12, findings),
                    covered_days: f.quantity(13, findings),
                    noncovered_days: f.quantity(14, findings),
                    msp_pass_through: f.amount(15, findings),
                    average_drg_weight: f.quantity(16, findings),
                    pps_capital_fsp_drg: f.amount(17, findings),
                    pps_capital_hsp_drg: f.amount(18, findings),
                    pps_dsh_drg: f.amount(19, findings),
                });
            }
            _ => self.not_carried.segment(f),
        }
    }

    fn claim_segment(&mut self, f: &Elements<'_>) {
        let not_carried = &mut self.not_carried;
        let Some((claim, findings)) = self.claim.as_mut() else {
            // Anything before a CLP (without LX) is outside the model.
            not_carried.segment(f);
            return;
        };
        let line = if self.level == Level::Line {
            claim.lines.last_mut()
        } else {
            None
        };
        match (f.tag(), line) {
            (ids::SVC, _) => {
                claim.lines.push(read_svc(f, findings, not_carried));
                self.level = Level::Line;
            }
            (ids::CAS, line) => {
                not_carried.elements(f, 19, &[]);
                let target = match line {
                    Some(line) => &mut line.adjustments,
                    None => &mut claim.adjustments,
                };
                read_cas(f, target, findings);
            }
            (ids::REF, Some(line)) => {
                not_carried.elements(f, 2, &[]);
                if f.get(1) == "6R" && line.control_number.is_none() {
                    line.control_number = Some(f.get(2).into());
                } else if f.get(1) == "6R" {
                    not_carried.segment(f);
                } else {
                    line.references.push(reference(f));
                }
            }
            (ids::REF, None) => {
                not_carried.elements(f, 2, &[]);
                claim.references.push(reference(f));
            }
            (ids::AMT, Some(line)) => {
                not_carried.elements(f, 2, &[]);
                if f.get(1) == "B6" && line.allowed.is_none() {
                    // A B6 without its amount is a finding; the line then states no allowed.
                    line.allowed = f.required_amount(2, findings);
                } else {
                    line.amounts.push(qualified_amount(f, findings));
                }
            }
            (ids::AMT, None) => {
                not_carried.elements(f, 2, &[]);
                claim.amounts.push(qualified_amount(f, findings));
            }
            (ids::QTY, Some(line)) => {
                not_carried.elements(f, 2, &[]);
                line.quantities.push(qualified_quantity(f, findings));
            }
            (ids::QTY, None) => {
                not_carried.elements(f, 2, &[]);
                claim.quantities.push(qualified_quantity(f, findings));
            }
            (ids::DTM, Some(line)) => {
                not_carried.elements(f, 2, &[]);
                let slot = match f.get(1) {
                    "472" => Some(&mut line.service_date),
                    "150" => Some(&mut line.period_start),
                    "151" => Some(&mut line.period_end),
                    _ => None,
                };
                date(f, slot, &mut line.other_dates, findings, not_carried);
            }
            (ids::DTM, None) => {
                not_carried.elements(f, 2, &[]);
                let slot = match f.get(1) {
                    "232" => Some(&mut claim.statement_from),
                    "233" => Some(&mut claim.statement_through),
                    "036" => Some(&mut claim.coverage_expiration),
                    "050" => Some(&mut claim.received),
                    _ => None,
                };
                date(f, slot, &mut claim.other_dates, findings, not_carried);
            }
            (ids::LQ, Some(line)) => {
                not_carried.elements(f, 2, &[]);
                match f.get(1) {
                    "HE" => {
                        let remark = coded(f.get(2), Rarc::parse, || f.at(2), "RARC", findings);
                        line.remarks.push(remark);
                    }
                    "RX" => line.reject_reasons.push(f.get(2).into()),
                    _ => not_carried.segment(f),
                }
            }
            (ids::NM1, None) => {
                not_carried.elements(f, 9, &[6]);
                let slot = match f.get(1) {
                    "QC" => Named::Phi(&mut claim.patient),
                    "IL" => Named::Phi(&mut claim.insured),
                    "74" => Named::Phi(&mut claim.corrected_patient),
                    "GB" => Named::Phi(&mut claim.other_subscriber),
                    "82" => Named::Plain(&mut claim.service_provider),
                    "TT" => Named::Plain(&mut claim.crossover_carrier),
                    "PR" => Named::Plain(&mut claim.corrected_priority_payer),
                    _ => Named::None,
                };
                if matches!(f.get(1), "TT" | "PR") && f.trimmed(3).is_empty() {
                    // The guide requires the crossover carrier's and the corrected priority
                    // payer's names.
                    findings.push(Finding::error(
                        "X12-NAME-REQUIRED",
                        f.at(3),
                        "empty, where the implementation guide requires the payer's name",
                    ));
                }
                let name = || RemitName {
                    entity_type: f.get(2).into(),
                    name: f.compact(3),
                    first: f.compact(4),
                    middle: f.compact(5),
                    suffix: f.compact(7),
                    id_qualifier: f.compact(8),
                    id: f.compact(9),
                };
                match slot {
                    Named::Phi(slot @ None) => *slot = Some(Phi::new(name())),
                    Named::Plain(slot @ None) => *slot = Some(name()),
                    _ => not_carried.segment(f),
                }
            }
            (ids::MIA, None) if claim.inpatient.is_none() => {
                not_carried.elements(f, 24, &[]);
                claim.inpatient = Some(read_mia(f, findings));
            }
            (ids::MOA, None) if claim.outpatient.is_none() => {
                not_carried.elements(f, 9, &[]);
                let mut remarks = Vec::new();
                for n in 3..=7 {
                    remark(f, n, &mut remarks, findings);
                }
                claim.outpatient = Some(OutpatientAdjudication {
                    reimbursement_rate: f.quantity(1, findings),
                    hcpcs_payable: f.amount(2, findings),
                    remarks,
                    esrd_payment: f.amount(8, findings),
                    nonpayable_professional_component: f.amount(9, findings),
                });
            }
            (ids::PER, None) => {
                not_carried.elements(f, 8, &[]);
                claim.contacts.push(contact(f));
            }
            _ => not_carried.segment(f),
        }
    }

    /// Claims, groups and findings read apart from `base_segments` segments on, after what is
    /// open here: the open claim and group are handed out first, then these take their
    /// place in the set (claim indices, positions and totals follow on). The events to hand
    /// out after the queue's.
    pub(super) fn accept(
        &mut self,
        mut events: Vec<RemitEvent>,
        paid: Total,
        findings: Vec<Finding>,
        not_carried: NotCarried,
        base_segments: usize,
        queue: &mut VecDeque<RemitEvent>,
    ) -> Vec<RemitEvent> {
        self.finish_claim(queue);
        self.flush_group(queue);
        let base_claims = self.claims;
        let mut claims = 0usize;
        for event in &mut events {
            match event {
                RemitEvent::Claim {
                    index, findings, ..
                } => {
                    *index = index.saturating_add(base_claims);
                    for f in findings {
                        rebase(f, base_segments, base_claims);
                    }
                    claims = claims.saturating_add(1);
                }
                RemitEvent::Group(group) => {
                    group.first_claim = group.first_claim.saturating_add(base_claims);
                }
                RemitEvent::Begin(_) | RemitEvent::End(_) => {}
            }
        }
        self.claims = self.claims.saturating_add(claims);
        self.paid.add_total(paid);
        for mut f in findings {
            rebase(&mut f, base_segments, base_claims);
            self.findings.push(f);
        }
        self.not_carried.merge(not_carried, base_segments);
        self.level = Level::Claim;
        events
    }
}

/// Moves a finding read apart to its place in the whole input: `segment N …` by
/// `segments`, `/claims/N…` by `claims`.
pub(super) fn rebase(f: &mut Finding, segments: usize, claims: usize) {
    let shift = |path: &str, prefix: &str, by: usize| -> Option<String> {
        let rest = path.strip_prefix(prefix)?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let number: usize = rest.get(..digits)?.parse().ok()?;
        Some(format!(
            "{prefix}{}{}",
            number.saturating_add(by),
            rest.get(digits..).unwrap_or("")
        ))
    };
    if let Some(path) =
        shift(&f.path, "segment ", segments).or_else(|| shift(&f.path, "/claims/", claims))
    {
        f.path = path;
    }
}

/// A slot for an NM1 of the claim loop.
enum Named<'a> {
    Phi(&'a mut Option<Phi<RemitName>>),
    Plain(&'a mut Option<RemitName>),
    None,
}

fn read_clp(f: &Elements<'_>, findings: &mut Vec<Finding>, nc: &mut NotCarried) -> RemitClaim {
    nc.elements(f, 13, &[10]);
    let status = coded(
        f.get(2),
        |s| ClaimStatus::parse(s).ok_or(()),
        || f.at(2),
        "CLP02 claim status",
        findings,
    );
    let mut claim = RemitClaim::new(
        f.get(1),
        status,
        f.required_amount(3, findings),
        f.required_amount(4, findings),
    );
    claim.patient_responsibility = f.amount(5, findings);
    claim.filing_indicator = f.compact(6);
    claim.payer_claim_number = f.compact(7);
    claim.facility_code = f.compact(8);
    claim.frequency = f.compact(9);
    claim.drg_code = f.compact(11);
    claim.drg_weight = f.quantity(12, findings);
    claim.discharge_fraction = f.quantity(13, findings);
    claim
}

fn read_svc(f: &Elements<'_>, findings: &mut Vec<Finding>, nc: &mut NotCarried) -> RemitLine {
    nc.elements(f, 7, &[]);
    let (procedure, extra) = f.procedure(1);
    if extra {
        nc.element(f, 1, 8);
    }
    let procedure = match procedure {
        Some(procedure) => {
            if procedure.code.is_empty() {
                foreign_separator(f, 1, findings);
            }
            procedure
        }
        None => {
            findings.push(Finding::error(
                "REMIT-SVC-PROCEDURE",
                f.at(1),
                "service line without a procedure; read with an empty one",
            ));
            ServiceProcedure {
                qualifier: CompactString::default(),
                code: CompactString::default(),
                modifiers: Vec::new(),
                description: None,
            }
        }
    };
    let mut line = RemitLine::new(
        procedure,
        f.required_amount(2, findings),
        f.required_amount(3, findings),
    );
    line.revenue_code = f.compact(4);
    line.units_paid = f.quantity(5, findings);
    let (submitted, extra) = f.procedure(6);
    if extra {
        nc.element(f, 6, 8);
    }
    if submitted.as_ref().is_some_and(|p| p.code.is_empty()) {
        foreign_separator(f, 6, findings);
    }
    line.submitted_procedure = submitted;
    line.units_submitted = f.quantity(7, findings);
    line
}

/// CAS: up to six (reason, amount, quantity) triples from CAS02. A triple with an amount or
/// quantity but no reason is kept (its amount counts), with an error.
fn read_cas(f: &Elements<'_>, target: &mut Vec<RemitAdjustment>, findings: &mut Vec<Finding>) {
    let group = coded(
        f.get(1),
        GroupCode::parse,
        || f.at(1),
        "CAS01 group code",
        findings,
    );
    // Would the writer put this segment's first adjustment into the segment before? Then
    // the sender's separate segment is marked, so it is written back as sent.
    let mut separate = {
        let mut run = 0usize;
        for a in target.iter().rev() {
            if a.group != group {
                break;
            }
            run = run.saturating_add(1);
            if a.separate {
                break;
            }
        }
        run % 6 != 0
    };
    for first in (2usize..=17).step_by(3) {
        let (amount_at, quantity_at) = (first.saturating_add(1), first.saturating_add(2));
        let reason = f.get(first);
        if reason.is_empty() {
            if !f.has(amount_at) && !f.has(quantity_at) {
                continue;
            }
            findings.push(Finding::error(
                "REMIT-CAS-REASON",
                f.at(first),
                "an adjustment without its reason code; kept with its amount",
            ));
        }
        let reason = if reason.is_empty() {
            Coded::Unrecognized(CompactString::default())
        } else {
            coded(reason, Carc::parse, || f.at(first), "CARC", findings)
        };
        target.push(RemitAdjustment {
            group: group.clone(),
            reason,
            amount: f.required_amount(amount_at, findings),
            quantity: f.quantity(quantity_at, findings),
            separate,
        });
        separate = false;
    }
}

fn read_mia(f: &Elements<'_>, findings: &mut Vec<Finding>) -> InpatientAdjudication {
    let mut remarks = Vec::new();
    for n in [5, 20, 21, 22, 23] {
        remark(f, n, &mut remarks, findings);
    }
    InpatientAdjudication {
        covered_days: f.required_quantity(1, findings),
        pps_operating_outlier: f.amount(2, findings),
        lifetime_psychiatric_days: f.quantity(3, findings),
        drg_amount: f.amount(4, findings),
        remarks,
        disproportionate_share: f.amount(6, findings),
        msp_pass_through: f.amount(7, findings),
        pps_capital: f.amount(8, findings),
        pps_capital_fsp_drg: f.amount(9, findings),
        pps_capital_hsp_drg: f.amount(10, findings),
        pps_capital_dsh_drg: f.amount(11, findings),
        old_capital: f.amount(12, findings),
        pps_capital_ime: f.amount(13, findings),
        pps_operating_hospital_specific_drg: f.amount(14, findings),
        cost_report_days: f.quantity(15, findings),
        pps_operating_federal_specific_drg: f.amount(16, findings),
        pps_capital_outlier: f.amount(17, findings),
        indirect_teaching: f.amount(18, findings),
        nonpayable_professional_component: f.amount(19, findings),
        pps_capital_exception: f.amount(24, findings),
    }
}

/// A DTM into its slot, or among the other dates (with a warning: the guide does not list
/// its qualifier here); one more for a slot already filled is not carried.
fn date(
    f: &Elements<'_>,
    slot: Option<&mut Option<chrono::NaiveDate>>,
    others: &mut Vec<QualifiedDate>,
    findings: &mut Vec<Finding>,
    not_carried: &mut NotCarried,
) {
    match slot {
        Some(slot @ None) => *slot = f.required_date(2, findings),
        Some(Some(_)) => not_carried.segment(f),
        None => {
            findings.push(Finding::warning(
                "REMIT-DATE-QUALIFIER",
                f.at(1),
                "a date qualifier the 835 guide does not list here; carried as sent",
            ));
            if let Some(date) = f.required_date(2, findings) {
                others.push(QualifiedDate {
                    qualifier: f.get(1).into(),
                    date,
                });
            }
        }
    }
}

fn party_segment(f: &Elements<'_>, party: &mut Party, not_carried: &mut NotCarried) {
    match f.tag() {
        ids::REF => {
            not_carried.elements(f, 2, &[]);
            party.references.push(reference(f));
        }
        ids::PER => {
            not_carried.elements(f, 8, &[]);
            party.contacts.push(contact(f));
        }
        ids::RDM if party.delivery.is_none() => {
            not_carried.elements(f, 3, &[]);
            party.delivery = Some(DeliveryMethod {
                transmission: f.get(1).into(),
                name: f.compact(2),
                communication_number: f.compact(3),
            });
        }
        ids::N3 if party.address.as_ref().is_none_or(|a| a.lines.is_empty()) => {
            not_carried.elements(f, 2, &[]);
            let lines: Vec<CompactString> =
                [1, 2].into_iter().filter_map(|n| f.compact(n)).collect();
            if lines.is_empty() {
                // Nothing in it (or nothing that is text, with the envelope's finding).
                not_carried.segment(f);
                return;
            }
            party
                .address
                .get_or_insert_with(PartyAddress::default)
                .lines = lines;
        }
        ids::N4 if party.address.as_ref().is_none_or(|a| !a.has_place()) => {
            not_carried.elements(f, 7, &[5, 6]);
            let place = PartyAddress {
                lines: Vec::new(),
                city: f.compact(1),
                state: f.compact(2),
                postal_code: f.compact(3),
                country: f.compact(4),
                country_subdivision: f.compact(7),
            };
            if !place.has_place() {
                not_carried.segment(f);
                return;
            }
            let address = party.address.get_or_insert_with(PartyAddress::default);
            address.city = place.city;
            address.state = place.state;
            address.postal_code = place.postal_code;
            address.country = place.country;
            address.country_subdivision = place.country_subdivision;
        }
        _ => not_carried.segment(f),
    }
}

/// BPR06–09 (or 12–15) as a bank account, `None` when all four are empty.
fn account(f: &Elements<'_>, first: usize) -> Option<BankAccount> {
    let account = BankAccount {
        bank_qualifier: f.compact(first),
        bank_id: f.compact(first.saturating_add(1)),
        account_qualifier: f.compact(first.saturating_add(2)),
        account_number: f.compact(first.saturating_add(3)),
    };
    (!account.is_empty()).then_some(account)
}

fn contact(f: &Elements<'_>) -> Contact {
    let numbers = [(3, 4), (5, 6), (7, 8)]
        .into_iter()
        .filter(|&(q, v)| f.optional(q).is_some() || f.optional(v).is_some())
        .map(|(q, v)| Reference {
            qualifier: f.get(q).into(),
            value: f.get(v).into(),
        })
        .collect();
    Contact {
        function: f.get(1).into(),
        name: f.compact(2),
        numbers,
    }
}

fn reference(f: &Elements<'_>) -> Reference {
    Reference {
        qualifier: f.get(1).into(),
        value: f.get(2).into(),
    }
}

fn qualified_amount(f: &Elements<'_>, findings: &mut Vec<Finding>) -> QualifiedAmount {
    QualifiedAmount {
        qualifier: f.get(1).into(),
        amount: f.required_amount(2, findings),
    }
}

fn qualified_quantity(f: &Elements<'_>, findings: &mut Vec<Finding>) -> QualifiedQuantity {
    QualifiedQuantity {
        qualifier: f.get(1).into(),
        quantity: f.required_quantity(2, findings),
    }
}

fn remark(f: &Elements<'_>, n: usize, remarks: &mut Vec<Coded<Rarc>>, findings: &mut Vec<Finding>) {
    let text = f.get(n);
    if !text.is_empty() {
        remarks.push(coded(text, Rarc::parse, || f.at(n), "RARC", findings));
    }
}

pub(super) fn coded<T, E>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    at: impl Fn() -> String,
    what: &str,
    findings: &mut Vec<Finding>,
) -> Coded<T> {
    match parse(text) {
        Ok(code) => Coded::Known(code),
        Err(_) => {
            findings.push(Finding::warning(
                "REMIT-CODE",
                at(),
                format!("not a valid {what}; kept as sent"),
            ));
            Coded::Unrecognized(text.into())
        }
    }
}

/// A composite element that seems written with another component separator than ISA16's
/// (`HC>99213` where ISA16 is `:`): it holds none of the file's but, right after a short code,
/// another separator senders use. It is read as sent (one component), with a warning.
fn foreign_separator(f: &Elements<'_>, n: usize, findings: &mut Vec<Finding>) {
    let text = f.get(n).as_bytes();
    let d = f.delimiters();
    if text.contains(&d.component) {
        return;
    }
    let ours = |c: u8| c == d.element || c == d.segment || Some(c) == d.repetition;
    let code = |at: usize| {
        let code = text.get(..at).unwrap_or_default();
        (1..=3).contains(&code.len())
            && code
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    let foreign = b":>^|\\<!".iter().filter(|&&c| !ours(c)).any(|&c| {
        memchr::memchr(c, text).is_some_and(|at| code(at) && at.saturating_add(1) < text.len())
    });
    if foreign {
        findings.push(Finding::warning(
            "X12-COMPONENT-SEPARATOR",
            f.at(n),
            "holds no component separator of this interchange (ISA16) but another one after \
             its qualifier or code: written with a different separator? Read as one component",
        ));
    }
}
