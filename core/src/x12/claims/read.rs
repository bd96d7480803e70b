//! Reading 837P and 837I transaction sets into [`Claim`]s.
//!
//! The reader walks the HL hierarchy (20 billing provider, 22 subscriber, 23 patient) and
//! the claim loops (2300, 2310x, 2320/2330x, 2400, 2410, 2420x, 2430). Each claim is built
//! from its own segments and the HL loops above it; what cannot become a [`Claim`] becomes a
//! [`RejectedClaim`] with reasons that name positions and elements. Segments and elements the
//! model does not carry are reported as `X12-837-NOT-CARRIED` warnings, one per kind of
//! segment (or element) with its positions.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{ClaimKind, ClaimTransaction, Contact, RejectedClaim, TransactionParty};
use crate::claim::{
    Address, Admission, Ambulance, AmbulanceCertification, AmbulanceCondition, AmbulanceTransport,
    Assignment, Attachment, AttachmentTransmission, CertificationType, Claim, ClaimAdjustment,
    ClaimDates, ClaimForm, ClaimIndicators, ClaimNote, CmnTransmission, ContactNumber,
    ContactNumberKind, DelayReason, DmeCertification, DmeCondition, DmeConditionIndicator,
    DropOffLocation, DrugQuantity, DrugUnit, DurableMedicalEquipment, EntityType, ExternalCause,
    InpatientAdjudication, Institutional, InstitutionalLine, InsuranceType, LineAdjudication,
    NoteKind, OccurrenceCode, OccurrenceSpan, OtherPayer, OutpatientAdjudication, PartyName,
    Patient, PatientSignatureSource, PayToPlan, PayToProvider, Payer, PayerIdKind,
    PayerResponsibility, PayerSecondaryId, PcsProcedure, PersonName, PlanIdKind,
    PresentOnAdmission, Professional, ProfessionalLine, Provider, ProviderContact, ProviderIdKind,
    ProviderSecondaryId, PurchasedService, PurchasedServiceProvider, Quantity, RelatedCause,
    RelatedCauses, ReleaseOfInformation, ServiceFacility, Sex, SpinalCondition, SpinalManipulation,
    Subscriber, TaxId, TransportReason, ValueCode,
};
use crate::codes::{
    Carc, ClaimFrequency, GroupCode, Icd10Cm, Icd10Pcs, Modifier, Ndc, Npi, PlaceOfService,
    ProcedureCode, Rarc, RevenueCode, Taxonomy,
};
use crate::finding::Finding;
use crate::money::Money;
use crate::phi::Phi;
use crate::x12::value::{self, Elements};
use crate::x12::{Tokenizer, X12Error, check_envelopes};

/// Reads every 837 transaction set (professional X222 or institutional X223) of the input,
/// one [`ClaimTransaction`] per ST/SE. Fails only when the input is not X12 at all (or is
/// 4010); everything else is a rejected claim or a finding. Sets of other kinds (835, 270…)
/// and 837s of other guides (dental X224) are not read (the envelope findings name them).
pub fn read_837(input: &[u8]) -> Result<Vec<ClaimTransaction>, X12Error> {
    let envelope = check_envelopes(input)?;
    let mut transactions: Vec<(ClaimTransaction, usize, usize)> = Vec::new();
    let mut group_version = String::new();
    let mut current: Option<Reading> = None;
    let mut last_position = 0;
    let mut ends = Vec::new();
    for segment in Tokenizer::new(input)? {
        let segment = segment?;
        last_position = segment.position;
        if segment.raw().is_empty() {
            // The envelope findings name it.
            continue;
        }
        let segment = segment.elements(&mut ends);
        match segment.id() {
            "GS" => group_version = segment.get(8).to_owned(),
            "ST" => {
                if let Some(reading) = current.take() {
                    transactions.push(reading.finish(segment.position().saturating_sub(1)));
                }
                if segment.get(1) == "837" {
                    let version = Some(segment.get(3))
                        .filter(|v| !v.is_empty())
                        .unwrap_or(group_version.as_str())
                        .to_owned();
                    if let Some(kind) = ClaimKind::from_version(&version) {
                        current = Some(Reading::new(&segment, version, kind));
                    }
                }
            }
            "SE" => {
                if let Some(reading) = current.take() {
                    transactions.push(reading.finish(segment.position()));
                }
            }
            "GE" | "ISA" | "IEA" => {}
            _ => {
                if let Some(reading) = current.as_mut() {
                    reading.segment(&segment);
                }
            }
        }
    }
    // A set cut off before its SE is still returned; the envelope findings say so.
    if let Some(reading) = current.take() {
        transactions.push(reading.finish(last_position));
    }
    // Envelope findings go to the set they fall in; interchange and group findings (outside
    // every set) go to every set of the file. Sets are in file order and do not overlap.
    let ranges: Vec<(usize, usize)> = transactions.iter().map(|t| (t.1, t.2)).collect();
    for finding in &envelope.findings {
        let position = finding
            .path
            .strip_prefix("segment ")
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok());
        let inside = position.and_then(|p| {
            let after = ranges.partition_point(|&(start, _)| start <= p);
            let i = after.checked_sub(1)?;
            ranges.get(i).is_some_and(|&(_, end)| p <= end).then_some(i)
        });
        match inside.and_then(|i| transactions.get_mut(i)) {
            Some(t) => t.0.findings.push(finding.clone()),
            None => {
                for t in &mut transactions {
                    t.0.findings.push(finding.clone());
                }
            }
        }
    }
    Ok(transactions.into_iter().map(|t| t.0).collect())
}

/// An X12 decimal (`R`) as money, or why not.
fn amount(segment: &Elements<'_>, n: usize) -> Result<Money, String> {
    value::amount(segment.get(n)).ok_or_else(|| format!("{}: not a decimal amount", segment.at(n)))
}

/// Element numbers past this are reported together: no 837 segment has more (LIN has 31).
const LAST_NAMED_ELEMENT: usize = 40;

/// What to call element `n` of `segment` in a not-carried finding.
fn element_name(segment: &Elements<'_>, n: usize) -> String {
    let id = segment.safe_id();
    if n <= LAST_NAMED_ELEMENT {
        format!("{id}{n:02}")
    } else {
        format!("{id} elements past the {LAST_NAMED_ELEMENT}th")
    }
}

/// The names of the non-blank elements of `segment` not in `carried`, each once.
fn elements_not_carried(segment: &Elements<'_>, carried: &[usize]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for n in 1..=segment.len() {
        if !carried.contains(&n) && !segment.trimmed(n).is_empty() {
            let name = element_name(segment, n);
            if names.last() != Some(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// A DTP date: `D8` (one day), `RD8` (a range), `DT` (date and time, the hour kept).
#[derive(Clone, Copy)]
struct DtpValue {
    from: NaiveDate,
    through: Option<NaiveDate>,
    hour: Option<u8>,
    minutes_dropped: bool,
}

fn dtp(segment: &Elements<'_>) -> Result<DtpValue, String> {
    let value = segment.get(3);
    let bad = || format!("{}: not a date in the DTP02 format", segment.at(3));
    match segment.get(2) {
        "D8" => Ok(DtpValue {
            from: value::date8(value).ok_or_else(bad)?,
            through: None,
            hour: None,
            minutes_dropped: false,
        }),
        "RD8" => {
            let (from, through) = value.split_once('-').ok_or_else(bad)?;
            Ok(DtpValue {
                from: value::date8(from).ok_or_else(bad)?,
                through: Some(value::date8(through).ok_or_else(bad)?),
                hour: None,
                minutes_dropped: false,
            })
        }
        "DT" => {
            let date = value::date8(value.get(..8).ok_or_else(bad)?).ok_or_else(bad)?;
            let (hour, minutes) =
                value::hour_minutes(value.get(8..).unwrap_or("")).ok_or_else(bad)?;
            Ok(DtpValue {
                from: date,
                through: None,
                hour: Some(hour),
                minutes_dropped: minutes != 0,
            })
        }
        _ => Err(format!("{}: date format not D8, RD8 or DT", segment.at(2))),
    }
}

fn person_name(segment: &Elements<'_>) -> PersonName {
    PersonName {
        last: segment.get(3).to_owned(),
        first: segment.get(4).to_owned(),
        middle: segment.optional(5).map(str::to_owned),
        suffix: segment.optional(7).map(str::to_owned),
    }
}

fn party_name(segment: &Elements<'_>) -> PartyName {
    if segment.get(2) == "1" {
        PartyName::Person(person_name(segment))
    } else {
        PartyName::Organization {
            name: segment.get(3).to_owned(),
        }
    }
}

/// A provider as read, before its required parts are checked.
#[derive(Clone, Default)]
struct ProviderPart {
    position: usize,
    npi: Option<Npi>,
    name: Option<PartyName>,
    taxonomy: Option<Taxonomy>,
    tax_id: Option<TaxId>,
    address: Option<Address>,
    secondary_ids: Vec<ProviderSecondaryId>,
    contacts: Vec<ProviderContact>,
    problems: Vec<String>,
}

impl ProviderPart {
    fn from_nm1(segment: &Elements<'_>) -> ProviderPart {
        let mut part = ProviderPart {
            position: segment.position(),
            name: Some(party_name(segment)),
            ..ProviderPart::default()
        };
        match (segment.get(8), segment.get(9)) {
            ("XX", npi) => match Npi::parse(npi) {
                Ok(npi) => part.npi = Some(npi),
                Err(_) => part
                    .problems
                    .push(format!("{}: not a valid NPI", segment.at(9))),
            },
            ("", _) => {}
            _ => part.problems.push(format!(
                "{}: identifier qualifier is not XX (NPI)",
                segment.at(8)
            )),
        }
        part
    }

    fn finish(self, problems: &mut Vec<String>) -> Option<Provider> {
        problems.extend(self.problems);
        let Some(npi) = self.npi else {
            let reported = problems
                .iter()
                .any(|p| p.starts_with(&format!("segment {} NM109", self.position)));
            if !reported {
                problems.push(format!("segment {} NM109: no NPI", self.position));
            }
            return None;
        };
        Some(Provider {
            npi,
            name: self.name?,
            taxonomy: self.taxonomy,
            tax_id: self.tax_id,
            address: self.address,
            secondary_ids: self.secondary_ids,
            contacts: self.contacts,
        })
    }
}

fn address_n3(address: &mut Option<Address>, segment: &Elements<'_>) {
    let lines: Vec<String> = [1, 2]
        .iter()
        .filter_map(|&n| segment.optional(n).map(str::to_owned))
        .collect();
    match address.as_mut() {
        Some(a) => a.lines = lines,
        None => {
            *address = Some(Address {
                lines,
                city: String::new(),
                state: String::new(),
                postal_code: String::new(),
            });
        }
    }
}

fn address_n4(address: &mut Option<Address>, segment: &Elements<'_>) {
    let a = address.get_or_insert_with(|| Address {
        lines: Vec::new(),
        city: String::new(),
        state: String::new(),
        postal_code: String::new(),
    });
    a.city = segment.get(1).to_owned();
    a.state = segment.get(2).to_owned();
    a.postal_code = segment.get(3).to_owned();
}

fn responsibility(segment: &Elements<'_>, problems: &mut Vec<String>) -> PayerResponsibility {
    match segment.get(1) {
        "P" => PayerResponsibility::Primary,
        "S" => PayerResponsibility::Secondary,
        "T" => PayerResponsibility::Tertiary,
        _ => {
            problems.push(format!(
                "{}: payer responsibility other than P, S or T",
                segment.at(1)
            ));
            PayerResponsibility::Primary
        }
    }
}

/// N3, N4 or DMG of a person's name loop (2010BA subscriber, 2010CA patient) into its parts;
/// returns the elements read.
fn person_detail(
    segment: &Elements<'_>,
    address: &mut Option<Address>,
    birth_date: &mut Option<NaiveDate>,
    sex_of: &mut Option<Sex>,
    problems: &mut Vec<String>,
) -> &'static [usize] {
    match segment.id() {
        "N3" => {
            address_n3(address, segment);
            &[1, 2]
        }
        "N4" => {
            address_n4(address, segment);
            &[1, 2, 3]
        }
        _ => {
            match value::date8(segment.get(2)) {
                Some(date) if segment.get(1) == "D8" => *birth_date = Some(date),
                _ => problems.push(format!("{}: not a D8 date", segment.at(2))),
            }
            *sex_of = sex(segment, problems);
            &[1, 2, 3]
        }
    }
}

fn sex(segment: &Elements<'_>, problems: &mut Vec<String>) -> Option<Sex> {
    match segment.get(3) {
        "F" => Some(Sex::Female),
        "M" => Some(Sex::Male),
        "U" => Some(Sex::Unknown),
        _ => {
            problems.push(format!("{}: sex is not F, M or U", segment.at(3)));
            None
        }
    }
}

/// 2000B/2010BA/2010BB as read.
#[derive(Clone, Default)]
struct SubscriberPart {
    responsibility: PayerResponsibility,
    group_number: Option<String>,
    group_name: Option<String>,
    insurance_type: Option<InsuranceType>,
    filing: Option<String>,
    name: Option<PersonName>,
    member_id: Option<String>,
    birth_date: Option<NaiveDate>,
    sex: Option<Sex>,
    address: Option<Address>,
    payer_name: Option<String>,
    payer_id: Option<String>,
    payer_address: Option<Address>,
    payer_ids: Vec<PayerSecondaryId>,
    /// The billing provider's payer-assigned numbers (2010BB REF*G2/LU).
    billing_ids: Vec<ProviderSecondaryId>,
    position: usize,
    problems: Vec<String>,
}

/// 2000C/2010CA as read.
#[derive(Clone, Default)]
struct PatientPart {
    relationship: String,
    name: Option<PersonName>,
    birth_date: Option<NaiveDate>,
    sex: Option<Sex>,
    address: Option<Address>,
    position: usize,
    problems: Vec<String>,
}

/// 2320/2330A/2330B as read.
#[derive(Default)]
struct OtherPayerPart {
    position: usize,
    responsibility: PayerResponsibility,
    relationship: String,
    group_number: Option<String>,
    group_name: Option<String>,
    insurance_type: Option<InsuranceType>,
    filing: String,
    paid: Option<Money>,
    non_covered: Option<Money>,
    remaining_patient_liability: Option<Money>,
    inpatient: Option<InpatientAdjudication>,
    outpatient: Option<OutpatientAdjudication>,
    adjustments: Vec<ClaimAdjustment>,
    subscriber_name: Option<PersonName>,
    subscriber_id: Option<String>,
    payer_name: Option<String>,
    payer_id: Option<String>,
    payer_address: Option<Address>,
    payer_ids: Vec<PayerSecondaryId>,
    claim_control_number: Option<String>,
    prior_authorization: Option<String>,
    referral_number: Option<String>,
    adjudicated: Option<NaiveDate>,
    lines: Vec<LineAdjudication>,
}

/// 2430 as read.
struct AdjudicationPart {
    position: usize,
    payer_id: String,
    paid: Money,
    procedure: Option<ProcedureCode>,
    modifiers: Vec<Modifier>,
    revenue_code: Option<RevenueCode>,
    units: Decimal,
    adjustments: Vec<ClaimAdjustment>,
    date: Option<NaiveDate>,
    remaining_patient_liability: Option<Money>,
}

/// An ambulance transport as read: CR1, CRC*07, the pick-up (NM1*PW) and drop-off (NM1*45)
/// loops, QTY*PT.
#[derive(Default)]
struct AmbulancePart {
    transport: Option<AmbulanceTransport>,
    certifications: Vec<AmbulanceCertification>,
    pick_up: Option<(usize, Option<Address>)>,
    drop_off: Option<(usize, Option<String>, Option<Address>)>,
    patient_count: Option<u32>,
}

impl AmbulancePart {
    fn is_empty(&self) -> bool {
        self.transport.is_none()
            && self.certifications.is_empty()
            && self.pick_up.is_none()
            && self.drop_off.is_none()
            && self.patient_count.is_none()
    }

    fn finish(self, problems: &mut Vec<String>) -> Option<Ambulance> {
        if self.is_empty() {
            return None;
        }
        let pick_up = self.pick_up.and_then(|(position, address)| {
            if address.is_none() {
                problems.push(format!("segment {position} NM1*PW: no N3/N4"));
            }
            address
        });
        let drop_off = self
            .drop_off
            .and_then(|(position, name, address)| match address {
                Some(address) => Some(DropOffLocation { name, address }),
                None => {
                    problems.push(format!("segment {position} NM1*45: no N3/N4"));
                    None
                }
            });
        Some(Ambulance {
            transport: self.transport,
            certifications: self.certifications,
            pick_up,
            drop_off,
            patient_count: self.patient_count,
        })
    }
}

/// A line's durable medical equipment as read.
#[derive(Default)]
struct DmePart {
    certification: Option<DmeCertification>,
    condition: Option<DmeConditionIndicator>,
    certificate_transmission: Option<CmnTransmission>,
    begin_therapy: Option<NaiveDate>,
    last_certification: Option<NaiveDate>,
    certification_revision: Option<NaiveDate>,
}

impl DmePart {
    fn finish(self) -> Option<DurableMedicalEquipment> {
        let dme = DurableMedicalEquipment {
            certification: self.certification,
            condition: self.condition,
            certificate_transmission: self.certificate_transmission,
            begin_therapy: self.begin_therapy,
            last_certification: self.last_certification,
            certification_revision: self.certification_revision,
        };
        let empty = dme.certification.is_none()
            && dme.condition.is_none()
            && dme.certificate_transmission.is_none()
            && dme.begin_therapy.is_none()
            && dme.last_certification.is_none()
            && dme.certification_revision.is_none();
        (!empty).then_some(dme)
    }
}

/// 2400/2410/2420A as read.
#[derive(Default)]
struct LinePart {
    position: usize,
    procedure: Option<ProcedureCode>,
    modifiers: Vec<Modifier>,
    revenue_code: Option<RevenueCode>,
    charge: Option<Money>,
    quantity: Option<Quantity>,
    units: Option<Decimal>,
    place_of_service: Option<PlaceOfService>,
    pointers: Vec<u8>,
    date: Option<NaiveDate>,
    date_end: Option<NaiveDate>,
    non_covered: Option<Money>,
    ndc: Option<Ndc>,
    drug: Option<DrugQuantity>,
    control_number: Option<String>,
    emergency: bool,
    epsdt: bool,
    family_planning: bool,
    prior_authorizations: Vec<String>,
    referral_numbers: Vec<String>,
    clia_number: Option<String>,
    note: Option<ClaimNote>,
    third_party_note: Option<String>,
    attachments: Vec<Attachment>,
    ambulance: AmbulancePart,
    dme: DmePart,
    purchased_service: Option<PurchasedService>,
    rendering: Option<ProviderPart>,
    purchased_provider: Option<PurchasedServiceProvider>,
    supervising: Option<ProviderPart>,
    ordering: Option<ProviderPart>,
    service_seen: bool,
    adjudications: Vec<AdjudicationPart>,
}

/// Institutional 2300 content as read.
#[derive(Default)]
struct InstitutionalPart {
    statement: Option<(NaiveDate, NaiveDate)>,
    admission_date: Option<(NaiveDate, Option<u8>)>,
    admission_type: Option<String>,
    admission_source: Option<String>,
    patient_status: Option<String>,
    discharge_hour: Option<u8>,
    condition_codes: Vec<String>,
    occurrence_codes: Vec<OccurrenceCode>,
    occurrence_spans: Vec<OccurrenceSpan>,
    value_codes: Vec<ValueCode>,
    treatment_codes: Vec<String>,
    admitting_diagnosis: Option<Icd10Cm>,
    reasons_for_visit: Vec<Icd10Cm>,
    external_causes: Vec<ExternalCause>,
    drg: Option<String>,
    principal_procedure: Option<PcsProcedure>,
    other_procedures: Vec<PcsProcedure>,
    estimated_amount_due: Option<Money>,
    billing_note: Option<String>,
    attending: Option<ProviderPart>,
    operating: Option<ProviderPart>,
    other_operating: Option<ProviderPart>,
}

/// 2300 and everything under it, as read.
#[derive(Default)]
struct ClaimPart {
    position: usize,
    patient_control_number: String,
    total: Option<Money>,
    facility_code: String,
    frequency: Option<ClaimFrequency>,
    indicators: ClaimIndicators,
    dates: ClaimDates,
    /// CLM11, then DTP*439 (joined when the claim is built).
    related_causes: Option<RelatedCauses>,
    accident_date: Option<(usize, NaiveDate)>,
    original_claim_number: Option<String>,
    prior_authorization: Option<String>,
    referral_number: Option<String>,
    medical_record_number: Option<String>,
    delay_reason: Option<DelayReason>,
    notes: Vec<ClaimNote>,
    attachments: Vec<Attachment>,
    principal: Option<Icd10Cm>,
    principal_poa: Option<PresentOnAdmission>,
    diagnoses: Vec<Icd10Cm>,
    diagnoses_poa: Vec<Option<PresentOnAdmission>>,
    hi_seen: bool,
    institutional: InstitutionalPart,
    clia_number: Option<String>,
    patient_amount_paid: Option<Money>,
    condition_codes: Vec<String>,
    ambulance: AmbulancePart,
    spinal_manipulation: Option<SpinalManipulation>,
    referring: Option<ProviderPart>,
    rendering: Option<ProviderPart>,
    supervising: Option<ProviderPart>,
    facility: Option<FacilityPart>,
    other_payers: Vec<OtherPayerPart>,
    lines: Vec<LinePart>,
    problems: Vec<String>,
}

/// 2310C (837P) or 2310E (837I) as read.
struct FacilityPart {
    position: usize,
    npi: Option<Npi>,
    name: String,
    address: Option<Address>,
    secondary_ids: Vec<ProviderSecondaryId>,
}

/// 2010AB and 2010AC as read: they belong to the billing provider's level (HL 20).
#[derive(Clone, Default)]
struct PayToPart {
    address: Option<(usize, EntityType, Option<Address>)>,
    plan: Option<PlanPart>,
}

/// 2010AC as read.
#[derive(Clone)]
struct PlanPart {
    position: usize,
    name: String,
    id_kind: Option<PlanIdKind>,
    id: String,
    address: Option<Address>,
    secondary_id: Option<PayerSecondaryId>,
    tax_id: Option<String>,
}

/// Where the segments being read belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loop {
    Header,
    Submitter,
    Receiver,
    BillingProvider,
    /// 2010AB.
    PayToAddress,
    /// 2010AC.
    PayToPlan,
    /// Loops whose content the model does not carry.
    NotCarried,
    Subscriber,
    SubscriberName,
    PayerName,
    Patient,
    PatientName,
    Claim,
    ClaimProvider(Role),
    ServiceFacility,
    /// 2310E (837P).
    PickUp,
    /// 2310F (837P).
    DropOff,
    OtherSubscriber,
    OtherSubscriberName,
    OtherPayerName,
    Line,
    Drug,
    LineProvider(LineRole),
    /// 2420G.
    LinePickUp,
    /// 2420H.
    LineDropOff,
    LineAdjudication,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Referring,
    Rendering,
    Supervising,
    Attending,
    Operating,
    OtherOperating,
}

/// The 837P line provider loops the model carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineRole {
    /// 2420A.
    Rendering,
    /// 2420B.
    Purchased,
    /// 2420D.
    Supervising,
    /// 2420E.
    Ordering,
}

struct Reading {
    transaction: ClaimTransaction,
    start: usize,
    kind: ClaimKind,
    place: Loop,
    billing: Option<ProviderPart>,
    pay_to: PayToPart,
    subscriber: Option<SubscriberPart>,
    patient: Option<PatientPart>,
    claim: Option<ClaimPart>,
    /// (what, positions) of everything the model does not carry.
    not_carried: Vec<(String, Vec<usize>)>,
    /// Where each `what` is in `not_carried`.
    not_carried_at: FxHashMap<String, usize>,
}

impl Reading {
    fn new(st: &Elements<'_>, version: String, kind: ClaimKind) -> Reading {
        Reading {
            transaction: ClaimTransaction {
                control_number: st.get(2).to_owned(),
                version,
                kind,
                reference_id: String::new(),
                submitter: TransactionParty::default(),
                submitter_contact: None,
                receiver: TransactionParty::default(),
                claims: Vec::new(),
                rejected: Vec::new(),
                findings: Vec::new(),
            },
            start: st.position(),
            kind,
            place: Loop::Header,
            billing: None,
            pay_to: PayToPart::default(),
            subscriber: None,
            patient: None,
            claim: None,
            not_carried: Vec::new(),
            not_carried_at: FxHashMap::default(),
        }
    }

    /// Records a segment (or element, `what`) the model does not carry.
    fn not_carried(&mut self, what: String, position: usize) {
        match self
            .not_carried_at
            .get(&what)
            .and_then(|&i| self.not_carried.get_mut(i))
        {
            Some((_, positions)) => {
                // Once per segment, however many of its elements it names.
                if positions.last() != Some(&position) {
                    positions.push(position);
                }
            }
            None => {
                self.not_carried_at
                    .insert(what.clone(), self.not_carried.len());
                self.not_carried.push((what, vec![position]));
            }
        }
    }

    fn segment_not_carried(&mut self, segment: &Elements<'_>) {
        let id = segment.safe_id();
        let what = match id {
            // The qualifier says which kind; shown only when it looks like a code.
            "NM1" | "REF" | "DTP" | "AMT" | "PRV" | "PER" | "QTY" | "HI" | "NTE" | "CRC"
            | "PWK" | "MEA" => format!("{id}*{}", value::safe_code(segment.trimmed(1))),
            _ => id.to_owned(),
        };
        self.not_carried(what, segment.position());
    }

    /// Reports every non-empty element of `segment` not in `carried`.
    fn elements_not_carried(&mut self, segment: &Elements<'_>, carried: &[usize]) {
        for what in elements_not_carried(segment, carried) {
            self.not_carried(what, segment.position());
        }
    }

    fn close_claim(&mut self) {
        if let Some(part) = self.claim.take() {
            self.check_total(&part);
            let position = part.position;
            let mut notes = Vec::new();
            let built = self.build(part, &mut notes);
            for (what, at) in notes {
                self.not_carried(what, at);
            }
            match built {
                Ok(claim) => self.transaction.claims.push(claim),
                Err(reasons) => self
                    .transaction
                    .rejected
                    .push(RejectedClaim { position, reasons }),
            }
        }
    }

    /// CLM02 must be the sum of the line charges (SV102 or SV203): a claim whose total says
    /// otherwise is an error finding, never passed.
    fn check_total(&mut self, part: &ClaimPart) {
        let charges: Option<Vec<Money>> = part.lines.iter().map(|line| line.charge).collect();
        // A line without a readable charge rejects the claim already.
        let (Some(total), Some(charges)) = (part.total, charges) else {
            return;
        };
        let message = match Money::sum(charges) {
            Ok(sum) if sum == total => return,
            Ok(_) => "does not equal the sum of the line charges (SV102 or SV203)",
            Err(_) => "cannot be checked: the sum of the line charges overflows",
        };
        self.transaction.findings.push(Finding::error(
            "X12-837-TOTAL-CHARGE",
            format!("segment {} CLM02", part.position),
            message,
        ));
    }

    fn segment(&mut self, segment: &Elements<'_>) {
        let id = segment.id();
        match id {
            "BHT" => {
                self.transaction.reference_id = segment.get(3).to_owned();
                self.elements_not_carried(segment, &[1, 2, 3, 4, 5, 6]);
                return;
            }
            "HL" => {
                self.hl(segment);
                return;
            }
            "CLM" => {
                self.clm(segment);
                return;
            }
            "NM1" => {
                self.nm1(segment);
                return;
            }
            "SBR" if self.claim.is_some() => {
                self.other_sbr(segment);
                return;
            }
            "LX" if self.claim.is_some() => {
                if let Some(claim) = self.claim.as_mut() {
                    claim.lines.push(LinePart {
                        position: segment.position(),
                        ..LinePart::default()
                    });
                }
                self.place = Loop::Line;
                return;
            }
            "SVD" if self.claim.is_some() => {
                self.svd(segment);
                return;
            }
            "LIN" if matches!(self.place, Loop::Line | Loop::Drug) => {
                self.lin(segment);
                return;
            }
            _ => {}
        }
        match self.place {
            Loop::Submitter if id == "PER" => {
                let mut contact = Contact {
                    name: segment.get(2).to_owned(),
                    phone: None,
                    email: None,
                };
                let mut carried = vec![1, 2];
                for (q, v) in [(3, 4), (5, 6), (7, 8)] {
                    match segment.get(q) {
                        "TE" if contact.phone.is_none() => {
                            contact.phone = segment.optional(v).map(str::to_owned)
                        }
                        "EM" if contact.email.is_none() => {
                            contact.email = segment.optional(v).map(str::to_owned)
                        }
                        _ => continue,
                    }
                    carried.extend([q, v]);
                }
                self.elements_not_carried(segment, &carried);
                self.transaction.submitter_contact = Some(contact);
            }
            Loop::BillingProvider => self.billing_segment(segment),
            Loop::PayToAddress | Loop::PayToPlan => self.pay_to_segment(segment),
            Loop::Subscriber | Loop::SubscriberName | Loop::PayerName => {
                self.subscriber_segment(segment)
            }
            Loop::Patient | Loop::PatientName => self.patient_segment(segment),
            Loop::Claim => self.claim_segment(segment),
            Loop::ClaimProvider(role) => self.claim_provider_segment(segment, role),
            Loop::ServiceFacility => {
                let facility = self.claim.as_mut().and_then(|c| c.facility.as_mut());
                let carried: &[usize] = match (id, facility) {
                    ("N3", Some(f)) => {
                        address_n3(&mut f.address, segment);
                        &[1, 2]
                    }
                    ("N4", Some(f)) => {
                        address_n4(&mut f.address, segment);
                        &[1, 2, 3]
                    }
                    ("REF", Some(f)) if provider_id(segment).is_some() => {
                        f.secondary_ids.extend(provider_id(segment));
                        &[1, 2]
                    }
                    _ => {
                        self.segment_not_carried(segment);
                        return;
                    }
                };
                self.elements_not_carried(segment, carried);
            }
            Loop::PickUp | Loop::DropOff | Loop::LinePickUp | Loop::LineDropOff => {
                self.ambulance_location_segment(segment)
            }
            Loop::OtherSubscriber => self.other_subscriber_segment(segment),
            Loop::OtherSubscriberName | Loop::OtherPayerName => self.other_name_segment(segment),
            Loop::Line | Loop::Drug => self.line_segment(segment),
            Loop::LineProvider(role) => self.line_provider_segment(segment, role),
            Loop::LineAdjudication => self.adjudication_segment(segment),
            Loop::Header | Loop::Submitter | Loop::Receiver | Loop::NotCarried => {
                self.segment_not_carried(segment)
            }
        }
    }

    /// N3, N4 and REF of 2330A/2330B.
    fn other_name_segment(&mut self, segment: &Elements<'_>) {
        let place = self.place;
        let claim = self.claim.as_mut();
        let (other, problems) = match claim {
            Some(c) => (c.other_payers.last_mut(), Some(&mut c.problems)),
            None => (None, None),
        };
        let (Some(o), Some(problems)) = (other, problems) else {
            self.segment_not_carried(segment);
            return;
        };
        let qualifier = segment.get(1);
        let carried: &[usize] = match (place, segment.id(), qualifier) {
            (Loop::OtherPayerName, "N3", _) => {
                address_n3(&mut o.payer_address, segment);
                &[1, 2]
            }
            (Loop::OtherPayerName, "N4", _) => {
                address_n4(&mut o.payer_address, segment);
                &[1, 2, 3]
            }
            (Loop::OtherPayerName, "REF", "F8") => {
                o.claim_control_number = segment.optional(2).map(str::to_owned);
                &[1, 2]
            }
            (Loop::OtherPayerName, "REF", "G1") => {
                o.prior_authorization = segment.optional(2).map(str::to_owned);
                &[1, 2]
            }
            (Loop::OtherPayerName, "REF", "9F") => {
                o.referral_number = segment.optional(2).map(str::to_owned);
                &[1, 2]
            }
            (Loop::OtherPayerName, "REF", _) if payer_id(segment).is_some() => {
                o.payer_ids.extend(payer_id(segment));
                &[1, 2]
            }
            (Loop::OtherPayerName, "DTP", "573") => {
                match dtp(segment) {
                    Ok(value) if value.through.is_none() && value.hour.is_none() => {
                        o.adjudicated = Some(value.from);
                    }
                    Ok(_) => problems.push(format!("{}: not a D8 date", segment.at(2))),
                    Err(problem) => problems.push(problem),
                }
                &[1, 2, 3]
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        self.elements_not_carried(segment, carried);
    }

    /// N3 and N4 of an ambulance pick-up (2310E, 2420G) or drop-off (2310F, 2420H).
    fn ambulance_location_segment(&mut self, segment: &Elements<'_>) {
        let place = self.place;
        let ambulance = self.claim.as_mut().and_then(|c| match place {
            Loop::LinePickUp | Loop::LineDropOff => c.lines.last_mut().map(|l| &mut l.ambulance),
            _ => Some(&mut c.ambulance),
        });
        let address = ambulance.and_then(|a| match place {
            Loop::PickUp | Loop::LinePickUp => a.pick_up.as_mut().map(|p| &mut p.1),
            _ => a.drop_off.as_mut().map(|d| &mut d.2),
        });
        let carried: &[usize] = match (segment.id(), address) {
            ("N3", Some(address)) => {
                address_n3(address, segment);
                &[1, 2]
            }
            ("N4", Some(address)) => {
                address_n4(address, segment);
                &[1, 2, 3]
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        self.elements_not_carried(segment, carried);
    }

    /// PRV, N3, N4 and REF of a line's provider loop.
    fn line_provider_segment(&mut self, segment: &Elements<'_>, role: LineRole) {
        if role == LineRole::Purchased {
            let purchased = self
                .claim
                .as_mut()
                .and_then(|c| c.lines.last_mut())
                .and_then(|l| l.purchased_provider.as_mut());
            match (segment.id(), purchased, provider_id(segment)) {
                ("REF", Some(p), Some(id)) => {
                    p.secondary_ids.push(id);
                    self.elements_not_carried(segment, &[1, 2]);
                }
                _ => self.segment_not_carried(segment),
            }
            return;
        }
        let provider = self
            .claim
            .as_mut()
            .and_then(|c| c.lines.last_mut())
            .and_then(|l| match role {
                LineRole::Rendering => l.rendering.as_mut(),
                LineRole::Supervising => l.supervising.as_mut(),
                LineRole::Ordering => l.ordering.as_mut(),
                LineRole::Purchased => None,
            });
        let Some(p) = provider else {
            self.segment_not_carried(segment);
            return;
        };
        let carried: &[usize] = match (segment.id(), segment.get(1), role) {
            ("PRV", "PE", LineRole::Rendering) => {
                taxonomy(p, segment);
                &[1, 2, 3]
            }
            ("N3", _, LineRole::Ordering) => {
                address_n3(&mut p.address, segment);
                &[1, 2]
            }
            ("N4", _, LineRole::Ordering) => {
                address_n4(&mut p.address, segment);
                &[1, 2, 3]
            }
            ("REF", _, _) if provider_id(segment).is_some() => {
                p.secondary_ids.extend(provider_id(segment));
                &[1, 2]
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        self.elements_not_carried(segment, carried);
    }

    /// N3, N4 and REF of the pay-to address (2010AB) and pay-to plan (2010AC).
    fn pay_to_segment(&mut self, segment: &Elements<'_>) {
        let place = self.place;
        let pay_to = &mut self.pay_to;
        let carried: &[usize] = match (place, segment.id(), segment.get(1)) {
            (Loop::PayToAddress, "N3", _) => match pay_to.address.as_mut() {
                Some(a) => {
                    address_n3(&mut a.2, segment);
                    &[1, 2]
                }
                None => &[],
            },
            (Loop::PayToAddress, "N4", _) => match pay_to.address.as_mut() {
                Some(a) => {
                    address_n4(&mut a.2, segment);
                    &[1, 2, 3]
                }
                None => &[],
            },
            (Loop::PayToPlan, "N3", _) => match pay_to.plan.as_mut() {
                Some(plan) => {
                    address_n3(&mut plan.address, segment);
                    &[1, 2]
                }
                None => &[],
            },
            (Loop::PayToPlan, "N4", _) => match pay_to.plan.as_mut() {
                Some(plan) => {
                    address_n4(&mut plan.address, segment);
                    &[1, 2, 3]
                }
                None => &[],
            },
            (Loop::PayToPlan, "REF", "EI") => match pay_to.plan.as_mut() {
                Some(plan) => {
                    plan.tax_id = segment.optional(2).map(str::to_owned);
                    &[1, 2]
                }
                None => &[],
            },
            (Loop::PayToPlan, "REF", _) => match (pay_to.plan.as_mut(), payer_id(segment)) {
                (Some(plan), Some(id)) if plan.secondary_id.is_none() => {
                    plan.secondary_id = Some(id);
                    &[1, 2]
                }
                _ => &[],
            },
            _ => &[],
        };
        if carried.is_empty() {
            self.segment_not_carried(segment);
        } else {
            self.elements_not_carried(segment, carried);
        }
    }

    fn hl(&mut self, segment: &Elements<'_>) {
        self.close_claim();
        match segment.get(3) {
            "20" => {
                self.billing = Some(ProviderPart {
                    position: segment.position(),
                    ..ProviderPart::default()
                });
                self.pay_to = PayToPart::default();
                self.subscriber = None;
                self.patient = None;
                self.place = Loop::BillingProvider;
            }
            "22" => {
                self.subscriber = Some(SubscriberPart {
                    position: segment.position(),
                    ..SubscriberPart::default()
                });
                self.patient = None;
                self.place = Loop::Subscriber;
            }
            "23" => {
                self.patient = Some(PatientPart {
                    position: segment.position(),
                    ..PatientPart::default()
                });
                self.place = Loop::Patient;
            }
            _ => {
                self.segment_not_carried(segment);
                self.place = Loop::NotCarried;
            }
        }
    }

    fn nm1(&mut self, segment: &Elements<'_>) {
        let entity = segment.get(1);
        // The purchased service provider (2420B), the pick-up (2310E/2420G) and pay-to (2010AB)
        // loops name no one; the drop-off (2310F/2420H) has a name only.
        let carried: &[usize] = match entity {
            "QB" => &[1, 2, 8, 9],
            "PW" | "87" => &[1, 2],
            "45" => &[1, 2, 3],
            _ => &[1, 2, 3, 4, 5, 7, 8, 9],
        };
        self.elements_not_carried(segment, carried);
        let in_line = matches!(
            self.place,
            Loop::Line
                | Loop::Drug
                | Loop::LineProvider(_)
                | Loop::LinePickUp
                | Loop::LineDropOff
                | Loop::LineAdjudication
        );
        let in_other = matches!(
            self.place,
            Loop::OtherSubscriber | Loop::OtherSubscriberName | Loop::OtherPayerName
        );
        // NM103 is required in every loop of both guides for these entities, except the
        // other payer's providers (2330C–2330I), where it is not used.
        let name_required = matches!(
            entity,
            "41" | "40"
                | "85"
                | "PE"
                | "IL"
                | "PR"
                | "QC"
                | "DN"
                | "P3"
                | "82"
                | "77"
                | "DQ"
                | "DK"
                | "71"
                | "72"
                | "ZZ"
        ) && (!in_other || matches!(entity, "IL" | "PR"));
        if name_required && segment.trimmed(3).is_empty() {
            self.transaction.findings.push(Finding::error(
                "X12-NAME-REQUIRED",
                segment.at(3),
                format!(
                    "empty, where the implementation guide requires a last or organization \
                     name (NM101 {})",
                    value::safe_code(entity)
                ),
            ));
        }
        let kind = self.kind;
        match (entity, self.claim.as_mut()) {
            ("41", None) => {
                self.transaction.submitter = TransactionParty {
                    name: segment.get(3).to_owned(),
                    id: segment.get(9).to_owned(),
                };
                self.place = Loop::Submitter;
            }
            ("40", None) => {
                self.transaction.receiver = TransactionParty {
                    name: segment.get(3).to_owned(),
                    id: segment.get(9).to_owned(),
                };
                self.place = Loop::Receiver;
            }
            ("85", None) => {
                if let Some(billing) = self.billing.as_mut() {
                    // PRV*BI comes before NM1*85: keep what it gave.
                    let taxonomy = billing.taxonomy.take();
                    let mut problems = std::mem::take(&mut billing.problems);
                    *billing = ProviderPart::from_nm1(segment);
                    billing.taxonomy = taxonomy;
                    problems.append(&mut billing.problems);
                    billing.problems = problems;
                }
                self.place = Loop::BillingProvider;
            }
            ("87", None) if self.billing.is_some() => {
                let entity_type = EntityType::from_code(segment.get(2)).unwrap_or_default();
                if EntityType::from_code(segment.get(2)).is_none() {
                    self.not_carried("NM102 (pay-to entity type)".to_owned(), segment.position());
                }
                self.pay_to.address = Some((segment.position(), entity_type, None));
                self.place = Loop::PayToAddress;
            }
            ("PE", None) if self.billing.is_some() => {
                self.pay_to.plan = Some(PlanPart {
                    position: segment.position(),
                    name: segment.get(3).to_owned(),
                    id_kind: PlanIdKind::from_code(segment.get(8)),
                    id: segment.get(9).to_owned(),
                    address: None,
                    secondary_id: None,
                    tax_id: None,
                });
                self.place = Loop::PayToPlan;
            }
            ("IL", None) => {
                if let Some(s) = self.subscriber.as_mut() {
                    s.name = Some(person_name(segment));
                    if segment.get(2) != "1" {
                        s.problems
                            .push(format!("{}: subscriber is not a person", segment.at(2)));
                    }
                    s.member_id = segment.optional(9).map(str::to_owned);
                }
                self.place = Loop::SubscriberName;
            }
            ("PR", None) => {
                if let Some(s) = self.subscriber.as_mut() {
                    s.payer_name = segment.optional(3).map(str::to_owned);
                    s.payer_id = segment.optional(9).map(str::to_owned);
                }
                self.place = Loop::PayerName;
            }
            ("QC", None) => {
                if let Some(p) = self.patient.as_mut() {
                    p.name = Some(person_name(segment));
                }
                self.place = Loop::PatientName;
            }
            ("IL", Some(claim)) if in_other => {
                if let Some(o) = claim.other_payers.last_mut() {
                    o.subscriber_name = Some(person_name(segment));
                    o.subscriber_id = segment.optional(9).map(str::to_owned);
                }
                self.place = Loop::OtherSubscriberName;
            }
            ("PR", Some(claim)) if in_other => {
                if let Some(o) = claim.other_payers.last_mut() {
                    o.payer_name = segment.optional(3).map(str::to_owned);
                    o.payer_id = segment.optional(9).map(str::to_owned);
                }
                self.place = Loop::OtherPayerName;
            }
            (code, Some(claim)) if in_line && kind == ClaimKind::Professional => {
                let line = claim.lines.last_mut();
                let role = match code {
                    "82" => Some(LineRole::Rendering),
                    "QB" => Some(LineRole::Purchased),
                    "DQ" => Some(LineRole::Supervising),
                    "DK" => Some(LineRole::Ordering),
                    _ => None,
                };
                match (code, role, line) {
                    (_, Some(LineRole::Purchased), Some(line)) => {
                        // 2420B names no one: NM102 and the NPI only.
                        let npi = match (segment.get(8), segment.get(9)) {
                            ("XX", npi) => match Npi::parse(npi) {
                                Ok(npi) => Some(npi),
                                Err(_) => {
                                    claim
                                        .problems
                                        .push(format!("{}: not a valid NPI", segment.at(9)));
                                    None
                                }
                            },
                            ("", "") => None,
                            _ => {
                                claim.problems.push(format!(
                                    "{}: identifier qualifier is not XX (NPI)",
                                    segment.at(8)
                                ));
                                None
                            }
                        };
                        line.purchased_provider = Some(PurchasedServiceProvider {
                            entity_type: EntityType::from_code(segment.get(2)).unwrap_or_default(),
                            npi,
                            secondary_ids: Vec::new(),
                        });
                        self.place = Loop::LineProvider(LineRole::Purchased);
                    }
                    (_, Some(role), Some(line)) => {
                        let part = Some(ProviderPart::from_nm1(segment));
                        match role {
                            LineRole::Rendering => line.rendering = part,
                            LineRole::Supervising => line.supervising = part,
                            LineRole::Ordering => line.ordering = part,
                            LineRole::Purchased => {}
                        }
                        self.place = Loop::LineProvider(role);
                    }
                    ("PW", None, Some(line)) => {
                        line.ambulance.pick_up = Some((segment.position(), None));
                        self.place = Loop::LinePickUp;
                    }
                    ("45", None, Some(line)) => {
                        let name = segment.optional(3).map(str::to_owned);
                        line.ambulance.drop_off = Some((segment.position(), name, None));
                        self.place = Loop::LineDropOff;
                    }
                    _ => {
                        self.segment_not_carried(segment);
                        self.place = Loop::NotCarried;
                    }
                }
            }
            (_, Some(_)) if in_line || in_other => {
                self.segment_not_carried(segment);
                self.place = Loop::NotCarried;
            }
            (code, Some(claim)) => {
                let professional = kind == ClaimKind::Professional;
                let role = match (kind, code) {
                    (_, "DN") => Some(Role::Referring),
                    (_, "82") => Some(Role::Rendering),
                    (ClaimKind::Professional, "DQ") => Some(Role::Supervising),
                    (ClaimKind::Institutional, "71") => Some(Role::Attending),
                    (ClaimKind::Institutional, "72") => Some(Role::Operating),
                    (ClaimKind::Institutional, "ZZ") => Some(Role::OtherOperating),
                    _ => None,
                };
                if let Some(role) = role {
                    let part = Some(ProviderPart::from_nm1(segment));
                    match role {
                        Role::Referring => claim.referring = part,
                        Role::Rendering => claim.rendering = part,
                        Role::Supervising => claim.supervising = part,
                        Role::Attending => claim.institutional.attending = part,
                        Role::Operating => claim.institutional.operating = part,
                        Role::OtherOperating => claim.institutional.other_operating = part,
                    }
                    self.place = Loop::ClaimProvider(role);
                } else if code == "77" {
                    let npi = match (segment.get(8), segment.get(9)) {
                        ("XX", npi) => match Npi::parse(npi) {
                            Ok(npi) => Some(npi),
                            Err(_) => {
                                claim
                                    .problems
                                    .push(format!("{}: not a valid NPI", segment.at(9)));
                                None
                            }
                        },
                        _ => None,
                    };
                    claim.facility = Some(FacilityPart {
                        position: segment.position(),
                        npi,
                        name: segment.get(3).to_owned(),
                        address: None,
                        secondary_ids: Vec::new(),
                    });
                    self.place = Loop::ServiceFacility;
                } else if professional && code == "PW" {
                    claim.ambulance.pick_up = Some((segment.position(), None));
                    self.place = Loop::PickUp;
                } else if professional && code == "45" {
                    let name = segment.optional(3).map(str::to_owned);
                    claim.ambulance.drop_off = Some((segment.position(), name, None));
                    self.place = Loop::DropOff;
                } else {
                    self.segment_not_carried(segment);
                    self.place = Loop::NotCarried;
                }
            }
            _ => {
                self.segment_not_carried(segment);
                self.place = Loop::NotCarried;
            }
        }
    }

    fn billing_segment(&mut self, segment: &Elements<'_>) {
        let Some(billing) = self.billing.as_mut() else {
            self.segment_not_carried(segment);
            return;
        };
        let carried: Vec<usize> = match (segment.id(), segment.get(1)) {
            ("PRV", "BI") => {
                taxonomy(billing, segment);
                vec![1, 2, 3]
            }
            ("N3", _) => {
                address_n3(&mut billing.address, segment);
                vec![1, 2]
            }
            ("N4", _) => {
                address_n4(&mut billing.address, segment);
                vec![1, 2, 3]
            }
            ("REF", "EI") => {
                billing.tax_id = Some(TaxId::Ein(segment.get(2).to_owned()));
                vec![1, 2]
            }
            ("REF", "SY") => {
                billing.tax_id = Some(TaxId::Ssn(Phi::new(segment.get(2).to_owned())));
                vec![1, 2]
            }
            ("REF", "0B" | "1G") => {
                billing.secondary_ids.extend(provider_id(segment));
                vec![1, 2]
            }
            ("PER", "IC") => {
                let (contact, carried) = contact(segment);
                billing.contacts.push(contact);
                carried
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        self.elements_not_carried(segment, &carried);
    }

    fn subscriber_segment(&mut self, segment: &Elements<'_>) {
        let Some(s) = self.subscriber.as_mut() else {
            self.segment_not_carried(segment);
            return;
        };
        let carried: &[usize] = match (segment.id(), self.place, segment.get(1)) {
            ("SBR", Loop::Subscriber, _) => {
                s.responsibility = responsibility(segment, &mut s.problems);
                s.group_number = segment.optional(3).map(str::to_owned);
                s.group_name = segment.optional(4).map(str::to_owned);
                s.insurance_type = insurance_type(segment, &mut s.problems);
                s.filing = segment.optional(9).map(str::to_owned);
                &[1, 2, 3, 4, 5, 9]
            }
            ("N3" | "N4" | "DMG", Loop::SubscriberName, _) => person_detail(
                segment,
                &mut s.address,
                &mut s.birth_date,
                &mut s.sex,
                &mut s.problems,
            ),
            ("N3", Loop::PayerName, _) => {
                address_n3(&mut s.payer_address, segment);
                &[1, 2]
            }
            ("N4", Loop::PayerName, _) => {
                address_n4(&mut s.payer_address, segment);
                &[1, 2, 3]
            }
            ("REF", Loop::PayerName, "G2" | "LU") => {
                s.billing_ids.extend(provider_id(segment));
                &[1, 2]
            }
            ("REF", Loop::PayerName, _) if payer_id(segment).is_some() => {
                s.payer_ids.extend(payer_id(segment));
                &[1, 2]
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        let carried = carried.to_vec();
        self.elements_not_carried(segment, &carried);
    }

    fn patient_segment(&mut self, segment: &Elements<'_>) {
        let Some(p) = self.patient.as_mut() else {
            self.segment_not_carried(segment);
            return;
        };
        let carried: &[usize] = match (segment.id(), self.place) {
            ("PAT", Loop::Patient) => {
                p.relationship = segment.get(1).to_owned();
                &[1]
            }
            ("N3" | "N4" | "DMG", Loop::PatientName) => person_detail(
                segment,
                &mut p.address,
                &mut p.birth_date,
                &mut p.sex,
                &mut p.problems,
            ),
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        let carried = carried.to_vec();
        self.elements_not_carried(segment, &carried);
    }

    fn clm(&mut self, segment: &Elements<'_>) {
        self.close_claim();
        let mut claim = ClaimPart {
            position: segment.position(),
            patient_control_number: segment.get(1).to_owned(),
            ..ClaimPart::default()
        };
        let problems = &mut claim.problems;
        match amount(segment, 2) {
            Ok(total) => claim.total = Some(total),
            Err(problem) => problems.push(problem),
        }
        claim.facility_code = segment.component(5, 1).unwrap_or("").to_owned();
        let qualifier = segment.component(5, 2).unwrap_or("");
        let expected = match self.kind {
            ClaimKind::Professional => "B",
            ClaimKind::Institutional => "A",
        };
        if qualifier != expected {
            problems.push(format!(
                "{}: facility code qualifier is not {expected}",
                segment.at_component(5, 2)
            ));
        }
        match ClaimFrequency::parse(segment.component(5, 3).unwrap_or("")) {
            Ok(frequency) => claim.frequency = Some(frequency),
            Err(_) => problems.push(format!(
                "{}: not a claim frequency code",
                segment.at_component(5, 3)
            )),
        }
        claim.indicators.provider_signature_on_file = match segment.get(6) {
            "Y" => true,
            "N" => false,
            // 837I has no CLM06.
            "" if self.kind == ClaimKind::Institutional => true,
            _ => {
                problems.push(format!("{}: not Y or N", segment.at(6)));
                true
            }
        };
        claim.indicators.assignment = match segment.get(7) {
            "A" => Assignment::Assigned,
            "B" => Assignment::LabServicesOnly,
            "C" => Assignment::NotAssigned,
            _ => {
                problems.push(format!("{}: not A, B or C", segment.at(7)));
                Assignment::Assigned
            }
        };
        claim.indicators.benefits_assigned = match segment.get(8) {
            "Y" => true,
            "N" => false,
            _ => {
                problems.push(format!("{}: not Y or N (W is not carried)", segment.at(8)));
                true
            }
        };
        claim.indicators.release_of_information = match segment.get(9) {
            "Y" => ReleaseOfInformation::Yes,
            "I" => ReleaseOfInformation::Informed,
            _ => {
                problems.push(format!("{}: not Y or I", segment.at(9)));
                ReleaseOfInformation::Yes
            }
        };
        if self.kind == ClaimKind::Professional {
            if let Some(code) = segment.optional(10) {
                match PatientSignatureSource::from_code(code) {
                    Some(source) => claim.indicators.patient_signature_source = Some(source),
                    None => problems.push(format!("{}: not P", segment.at(10))),
                }
            }
        }
        if let Some(code) = segment.optional(20) {
            match DelayReason::from_code(code) {
                Some(reason) => claim.delay_reason = Some(reason),
                None => problems.push(format!("{}: not a delay reason code", segment.at(20))),
            }
        }
        if self.kind == ClaimKind::Professional && !segment.get(11).is_empty() {
            claim.related_causes = related_causes(segment, problems);
            if segment.component(11, 3).is_some_and(|c| !c.is_empty()) {
                self.not_carried("CLM11-3".to_owned(), segment.position());
            }
        }
        for n in 3..=4 {
            if !segment.get(n).is_empty() {
                self.not_carried(format!("CLM{n:02}"), segment.position());
            }
        }
        if segment.components(5).nth(3).is_some() {
            self.not_carried("CLM05-4".to_owned(), segment.position());
        }
        let carried: &[usize] = match self.kind {
            ClaimKind::Professional => &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20],
            ClaimKind::Institutional => &[1, 2, 3, 4, 5, 6, 7, 8, 9, 20],
        };
        self.elements_not_carried(segment, carried);
        self.claim = Some(claim);
        self.place = Loop::Claim;
    }

    fn claim_segment(&mut self, segment: &Elements<'_>) {
        let kind = self.kind;
        let Some(claim) = self.claim.as_mut() else {
            self.segment_not_carried(segment);
            return;
        };
        let id = segment.id();
        let qualifier = segment.get(1);
        let mut unknown = false;
        let mut notes: Vec<&str> = Vec::new();
        // DTP*096 TM (discharge hour) on an institutional claim.
        if kind == ClaimKind::Institutional
            && id == "DTP"
            && qualifier == "096"
            && segment.get(2) == "TM"
        {
            match value::hour_minutes(segment.get(3)) {
                Some((hour, minutes)) => {
                    claim.institutional.discharge_hour = Some(hour);
                    if minutes != 0 {
                        self.not_carried("DTP03 minutes".to_owned(), segment.position());
                    }
                }
                None => claim
                    .problems
                    .push(format!("{}: not an HHMM time", segment.at(3))),
            }
            return;
        }
        let professional = kind == ClaimKind::Professional;
        let mut carried: &[usize] = &[1, 2];
        match (id, qualifier) {
            ("DTP", _) => match dtp(segment) {
                Err(problem) => claim.problems.push(problem),
                Ok(value) => {
                    carried = &[1, 2, 3];
                    let single = value.through.is_none() && value.hour.is_none();
                    let dates = &mut claim.dates;
                    let inst = &mut claim.institutional;
                    let day = Some(value.from);
                    match (kind, qualifier) {
                        (ClaimKind::Professional, "431") if single => dates.onset = day,
                        (ClaimKind::Professional, "454") if single => {
                            dates.initial_treatment = day;
                        }
                        (ClaimKind::Professional, "304") if single => dates.last_seen = day,
                        (ClaimKind::Professional, "453") if single => {
                            dates.acute_manifestation = day;
                        }
                        (ClaimKind::Professional, "439") if single => {
                            claim.accident_date = Some((segment.position(), value.from));
                        }
                        (ClaimKind::Professional, "484") if single => {
                            dates.last_menstrual_period = day;
                        }
                        (ClaimKind::Professional, "455") if single => dates.last_xray = day,
                        (ClaimKind::Professional, "471") if single => dates.prescription = day,
                        (ClaimKind::Professional, "314") if value.through.is_some() => {
                            dates.disability_from = day;
                            dates.disability_through = value.through;
                        }
                        (ClaimKind::Professional, "360") if single => {
                            dates.disability_from = day;
                        }
                        (ClaimKind::Professional, "361") if single => {
                            dates.disability_through = day;
                        }
                        (ClaimKind::Professional, "297") if single => dates.last_worked = day,
                        (ClaimKind::Professional, "296") if single => {
                            dates.return_to_work = day;
                        }
                        (ClaimKind::Professional, "435") if single => {
                            dates.hospitalized_from = day;
                        }
                        (ClaimKind::Professional, "096") if single => {
                            dates.hospitalized_through = day;
                        }
                        (ClaimKind::Professional, "090") if single => dates.assumed_care = day,
                        (ClaimKind::Professional, "091") if single => {
                            dates.relinquished_care = day;
                        }
                        (ClaimKind::Professional, "444") if single => dates.first_contact = day,
                        (ClaimKind::Institutional, "434") => match value.through {
                            Some(through) => inst.statement = Some((value.from, through)),
                            None => inst.statement = Some((value.from, value.from)),
                        },
                        (ClaimKind::Institutional, "435") if value.through.is_none() => {
                            inst.admission_date = Some((value.from, value.hour));
                            if value.minutes_dropped {
                                notes.push("DTP03 minutes");
                            }
                        }
                        _ => unknown = true,
                    }
                }
            },
            ("REF", "F8") => claim.original_claim_number = segment.optional(2).map(str::to_owned),
            ("REF", "G1") => claim.prior_authorization = segment.optional(2).map(str::to_owned),
            ("REF", "9F") => claim.referral_number = segment.optional(2).map(str::to_owned),
            ("REF", "EA") => claim.medical_record_number = segment.optional(2).map(str::to_owned),
            ("REF", "X4") if professional => {
                claim.clia_number = segment.optional(2).map(str::to_owned);
            }
            ("PWK", _) => {
                carried = &[1, 2, 5, 6];
                if let Some(a) = attachment(segment, &mut claim.problems) {
                    claim.attachments.push(a);
                }
            }
            ("AMT", "F5") if professional => {
                claim.patient_amount_paid = optional_amount(segment, 2, &mut claim.problems);
            }
            ("AMT", "F3") if !professional => {
                claim.institutional.estimated_amount_due =
                    optional_amount(segment, 2, &mut claim.problems);
            }
            ("NTE", "ADD") if !professional => {
                claim.institutional.billing_note = segment.optional(2).map(str::to_owned);
            }
            ("NTE", _) if NoteKind::from_code(qualifier).is_some() => {
                if let Some(kind) = NoteKind::from_code(qualifier) {
                    claim.notes.push(ClaimNote {
                        kind,
                        text: segment.get(2).to_owned(),
                    });
                }
            }
            ("CR1", _) if professional => {
                carried = &[1, 2, 4, 5, 6, 9, 10];
                claim.ambulance.transport = ambulance_transport(segment, &mut claim.problems);
            }
            ("CR2", _) if professional => {
                carried = &[8, 10, 11];
                let condition = coded(
                    segment,
                    8,
                    SpinalCondition::from_code,
                    "a patient condition code",
                    &mut claim.problems,
                );
                claim.spinal_manipulation = condition.map(|condition| SpinalManipulation {
                    condition,
                    description: segment.optional(10).map(str::to_owned),
                    more_description: segment.optional(11).map(str::to_owned),
                });
            }
            ("CRC", "07") if professional => {
                carried = &[1, 2, 3, 4, 5, 6, 7];
                let certification = ambulance_certification(segment, &mut claim.problems);
                claim.ambulance.certifications.push(certification);
            }
            ("HI", _) => {
                claim.hi_seen = true;
                let mut not_carried = Vec::new();
                read_hi(kind, claim, segment, &mut not_carried);
                for what in not_carried {
                    self.not_carried(what, segment.position());
                }
                return;
            }
            ("CL1", _) if kind == ClaimKind::Institutional => {
                let inst = &mut claim.institutional;
                inst.admission_type = segment.optional(1).map(str::to_owned);
                inst.admission_source = segment.optional(2).map(str::to_owned);
                inst.patient_status = segment.optional(3).map(str::to_owned);
                self.elements_not_carried(segment, &[1, 2, 3]);
                return;
            }
            _ => unknown = true,
        }
        for note in notes {
            self.not_carried(note.to_owned(), segment.position());
        }
        if unknown {
            self.segment_not_carried(segment);
        } else {
            self.elements_not_carried(segment, carried);
        }
    }

    fn claim_provider_segment(&mut self, segment: &Elements<'_>, role: Role) {
        let provider = self.claim.as_mut().and_then(|c| match role {
            Role::Referring => c.referring.as_mut(),
            Role::Rendering => c.rendering.as_mut(),
            Role::Supervising => c.supervising.as_mut(),
            Role::Attending => c.institutional.attending.as_mut(),
            Role::Operating => c.institutional.operating.as_mut(),
            Role::OtherOperating => c.institutional.other_operating.as_mut(),
        });
        let expected = match (self.kind, role) {
            (ClaimKind::Professional, Role::Rendering) => Some("PE"),
            (ClaimKind::Institutional, Role::Attending) => Some("AT"),
            _ => None,
        };
        let carried: &[usize] = match (segment.id(), provider) {
            ("PRV", Some(p)) if expected == Some(segment.get(1)) => {
                taxonomy(p, segment);
                &[1, 2, 3]
            }
            ("REF", Some(p)) if provider_id(segment).is_some() => {
                p.secondary_ids.extend(provider_id(segment));
                &[1, 2]
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        };
        self.elements_not_carried(segment, carried);
    }

    fn other_sbr(&mut self, segment: &Elements<'_>) {
        let Some(claim) = self.claim.as_mut() else {
            return;
        };
        let mut other = OtherPayerPart {
            position: segment.position(),
            relationship: segment.get(2).to_owned(),
            group_number: segment.optional(3).map(str::to_owned),
            group_name: segment.optional(4).map(str::to_owned),
            filing: segment.get(9).to_owned(),
            ..OtherPayerPart::default()
        };
        other.responsibility = responsibility(segment, &mut claim.problems);
        other.insurance_type = insurance_type(segment, &mut claim.problems);
        claim.other_payers.push(other);
        self.place = Loop::OtherSubscriber;
        self.elements_not_carried(segment, &[1, 2, 3, 4, 5, 9]);
    }

    fn other_subscriber_segment(&mut self, segment: &Elements<'_>) {
        let kind = self.kind;
        let Some(claim) = self.claim.as_mut() else {
            return;
        };
        let indicators = claim.indicators;
        let Some(other) = claim.other_payers.last_mut() else {
            return;
        };
        match (segment.id(), segment.get(1)) {
            ("CAS", _) => {
                let adjustments = read_cas(segment, &mut claim.problems);
                other.adjustments.extend(adjustments);
            }
            ("AMT", "D") => match amount(segment, 2) {
                Ok(paid) => other.paid = Some(paid),
                Err(problem) => claim.problems.push(problem),
            },
            ("AMT", "A8") => match amount(segment, 2) {
                Ok(value) => other.non_covered = Some(value),
                Err(problem) => claim.problems.push(problem),
            },
            ("AMT", "EAF") => match amount(segment, 2) {
                Ok(value) => other.remaining_patient_liability = Some(value),
                Err(problem) => claim.problems.push(problem),
            },
            ("MIA", _) if kind == ClaimKind::Institutional => {
                other.inpatient = inpatient_adjudication(segment, &mut claim.problems);
            }
            ("MOA", _) => {
                other.outpatient = Some(outpatient_adjudication(segment, &mut claim.problems));
            }
            ("OI", _) => {
                // OI03 and OI06 restate the claim's own indicators; anything else is reported.
                let benefits = if indicators.benefits_assigned {
                    "Y"
                } else {
                    "N"
                };
                let release = match indicators.release_of_information {
                    ReleaseOfInformation::Yes => "Y",
                    ReleaseOfInformation::Informed => "I",
                };
                if segment.get(3) != benefits {
                    self.not_carried("OI03".to_owned(), segment.position());
                }
                if segment.get(6) != release {
                    self.not_carried("OI06".to_owned(), segment.position());
                }
                self.elements_not_carried(segment, &[3, 6]);
            }
            _ => self.segment_not_carried(segment),
        }
    }

    fn lin(&mut self, segment: &Elements<'_>) {
        let line = self.claim.as_mut().and_then(|c| {
            let line = c.lines.last_mut()?;
            Some((line, &mut c.problems))
        });
        let Some((line, problems)) = line else {
            self.segment_not_carried(segment);
            return;
        };
        if segment.get(2) == "N4" {
            match Ndc::parse(segment.get(3)) {
                Ok(ndc) => line.ndc = Some(ndc),
                Err(_) => problems.push(format!("{}: not an 11-digit NDC", segment.at(3))),
            }
        } else {
            problems.push(format!("{}: drug id qualifier is not N4", segment.at(2)));
        }
        self.place = Loop::Drug;
        self.elements_not_carried(segment, &[1, 2, 3]);
    }

    fn line_segment(&mut self, segment: &Elements<'_>) {
        let kind = self.kind;
        let place = self.place;
        let Some(claim) = self.claim.as_mut() else {
            self.segment_not_carried(segment);
            return;
        };
        let problems = &mut claim.problems;
        let Some(line) = claim.lines.last_mut() else {
            self.segment_not_carried(segment);
            return;
        };
        let id = segment.id();
        let mut not_carried = Vec::new();
        match (id, segment.get(1), kind, place) {
            ("SV1", _, ClaimKind::Professional, Loop::Line) => {
                line.service_seen = true;
                read_procedure(segment, 1, line, problems, &mut not_carried);
                match amount(segment, 2) {
                    Ok(charge) => line.charge = Some(charge),
                    Err(problem) => problems.push(problem),
                }
                let quantity = value::decimal(segment.get(4));
                line.quantity = match (segment.get(3), quantity) {
                    ("UN", Some(units)) => Some(Quantity::Units(units)),
                    ("MJ", Some(minutes)) => u32::try_from(minutes.normalize().mantissa())
                        .ok()
                        .filter(|_| minutes.normalize().scale() == 0)
                        .map(Quantity::Minutes),
                    _ => None,
                };
                if line.quantity.is_none() {
                    problems.push(format!(
                        "{}: not UN units or whole MJ minutes",
                        segment.at(4)
                    ));
                }
                if let Some(pos) = segment.optional(5).map(str::to_owned) {
                    match PlaceOfService::parse(&pos) {
                        Ok(pos) => line.place_of_service = Some(pos),
                        Err(_) => {
                            problems.push(format!("{}: not a place of service", segment.at(5)))
                        }
                    }
                }
                if segment.has(7) {
                    for (i, pointer) in segment.components(7).enumerate() {
                        match pointer.parse::<u8>() {
                            Ok(p) => line.pointers.push(p),
                            Err(_) => {
                                // The first bad pointer says enough.
                                problems.push(format!(
                                    "{}: not a diagnosis pointer",
                                    segment.at_component(7, i.saturating_add(1))
                                ));
                                break;
                            }
                        }
                    }
                }
                let mut carried = vec![1, 2, 3, 4, 5, 7];
                for (n, flag) in [
                    (9, &mut line.emergency),
                    (11, &mut line.epsdt),
                    (12, &mut line.family_planning),
                ] {
                    if segment.get(n) == "Y" {
                        *flag = true;
                        carried.push(n);
                    }
                }
                not_carried.extend(elements_not_carried(segment, &carried));
            }
            // PWK*CT is the certificate of medical necessity when PWK02 is one of its codes
            // (AB, AD, AF, AG, NS); otherwise a certification sent as an attachment.
            ("PWK", "CT", ClaimKind::Professional, Loop::Line)
                if CmnTransmission::from_code(segment.get(2)).is_some() =>
            {
                line.dme.certificate_transmission = CmnTransmission::from_code(segment.get(2));
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("PWK", _, ClaimKind::Professional, Loop::Line) => {
                line.attachments.extend(attachment(segment, problems));
                not_carried.extend(elements_not_carried(segment, &[1, 2, 5, 6]));
            }
            ("CR1", _, ClaimKind::Professional, Loop::Line) => {
                line.ambulance.transport = ambulance_transport(segment, problems);
                not_carried.extend(elements_not_carried(segment, &[1, 2, 4, 5, 6, 9, 10]));
            }
            ("CR3", _, ClaimKind::Professional, Loop::Line) => {
                let kind = coded(
                    segment,
                    1,
                    CertificationType::from_code,
                    "a certification type code",
                    problems,
                );
                if segment.get(2) != "MO" {
                    problems.push(format!("{}: duration unit is not MO", segment.at(2)));
                }
                let months = whole_decimal(segment.get(3));
                if months.is_none() {
                    problems.push(format!("{}: not a whole number of months", segment.at(3)));
                }
                if let (Some(kind), Some(months)) = (kind, months) {
                    line.dme.certification = Some(DmeCertification { kind, months });
                }
                not_carried.extend(elements_not_carried(segment, &[1, 2, 3]));
            }
            ("CRC", "07", ClaimKind::Professional, Loop::Line) => {
                let certification = ambulance_certification(segment, problems);
                line.ambulance.certifications.push(certification);
                not_carried.extend(elements_not_carried(segment, &[1, 2, 3, 4, 5, 6, 7]));
            }
            ("CRC", "09", ClaimKind::Professional, Loop::Line) => {
                let applies = yes_no(segment, 2, problems);
                let mut conditions = Vec::new();
                for n in [3, 4] {
                    if let Some(code) = segment.optional(n) {
                        match DmeCondition::from_code(code) {
                            Some(c) => conditions.push(c),
                            None => problems
                                .push(format!("{}: not a DME condition indicator", segment.at(n))),
                        }
                    }
                }
                line.dme.condition = Some(DmeConditionIndicator {
                    applies,
                    conditions,
                });
                not_carried.extend(elements_not_carried(segment, &[1, 2, 3, 4]));
            }
            ("DTP", "607" | "463" | "461", ClaimKind::Professional, Loop::Line) => {
                match dtp(segment) {
                    Ok(value) if value.through.is_none() && value.hour.is_none() => {
                        let date = Some(value.from);
                        match segment.get(1) {
                            "607" => line.dme.certification_revision = date,
                            "463" => line.dme.begin_therapy = date,
                            _ => line.dme.last_certification = date,
                        }
                    }
                    Ok(_) => problems.push(format!("{}: not a D8 date", segment.at(2))),
                    Err(problem) => problems.push(problem),
                }
            }
            ("QTY", "PT", ClaimKind::Professional, Loop::Line) => {
                match whole_decimal(segment.get(2)) {
                    Some(count) => line.ambulance.patient_count = Some(count),
                    None => problems.push(format!("{}: not a number of patients", segment.at(2))),
                }
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("REF", "G1", ClaimKind::Professional, Loop::Line) => {
                line.prior_authorizations.push(segment.get(2).to_owned());
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("REF", "9F", ClaimKind::Professional, Loop::Line) => {
                line.referral_numbers.push(segment.get(2).to_owned());
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("REF", "X4", ClaimKind::Professional, Loop::Line) => {
                line.clia_number = segment.optional(2).map(str::to_owned);
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("NTE", "TPO", ClaimKind::Professional, Loop::Line) => {
                line.third_party_note = segment.optional(2).map(str::to_owned);
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("NTE", "ADD" | "DCP", ClaimKind::Professional, Loop::Line) => {
                line.note = NoteKind::from_code(segment.get(1)).map(|kind| ClaimNote {
                    kind,
                    text: segment.get(2).to_owned(),
                });
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("PS1", _, ClaimKind::Professional, Loop::Line) => {
                match amount(segment, 2) {
                    Ok(charge) => {
                        line.purchased_service = Some(PurchasedService {
                            provider_id: segment.get(1).to_owned(),
                            charge,
                        });
                    }
                    Err(problem) => problems.push(problem),
                }
                not_carried.extend(elements_not_carried(segment, &[1, 2]));
            }
            ("SV2", _, ClaimKind::Institutional, Loop::Line) => {
                line.service_seen = true;
                match RevenueCode::parse(segment.get(1)) {
                    Ok(code) => line.revenue_code = Some(code),
                    Err(_) => problems.push(format!("{}: not a revenue code", segment.at(1))),
                }
                if !segment.get(2).is_empty() {
                    read_procedure(segment, 2, line, problems, &mut not_carried);
                }
                match amount(segment, 3) {
                    Ok(charge) => line.charge = Some(charge),
                    Err(problem) => problems.push(problem),
                }
                match (segment.get(4), value::decimal(segment.get(5))) {
                    ("UN", Some(units)) => line.units = Some(units),
                    ("DA", Some(units)) => {
                        line.units = Some(units);
                        not_carried.push("SV204 DA (days read as units)".to_owned());
                    }
                    _ => problems.push(format!("{}: not UN or DA units", segment.at(5))),
                }
                if !segment.get(7).is_empty() {
                    match amount(segment, 7) {
                        Ok(v) => line.non_covered = Some(v),
                        Err(problem) => problems.push(problem),
                    }
                }
                not_carried.extend(elements_not_carried(segment, &[1, 2, 3, 4, 5, 7]));
            }
            ("DTP", "472", _, Loop::Line) => match dtp(segment) {
                Ok(value) if value.hour.is_none() => {
                    line.date = Some(value.from);
                    match kind {
                        ClaimKind::Professional => line.date_end = value.through,
                        ClaimKind::Institutional => {
                            if value.through.is_some_and(|t| t != value.from) {
                                not_carried.push("DTP*472 RD8 through date".to_owned());
                            }
                        }
                    }
                }
                Ok(_) => problems.push(format!("{}: not D8 or RD8", segment.at(2))),
                Err(problem) => problems.push(problem),
            },
            ("REF", "6R", _, Loop::Line) => {
                line.control_number = segment.optional(2).map(str::to_owned)
            }
            ("CTP", _, _, Loop::Drug) => {
                let unit = match segment.component(5, 1).unwrap_or("") {
                    "F2" => Some(DrugUnit::F2),
                    "GR" => Some(DrugUnit::GR),
                    "ME" => Some(DrugUnit::ME),
                    "ML" => Some(DrugUnit::ML),
                    "UN" => Some(DrugUnit::UN),
                    _ => None,
                };
                match (line.ndc, value::decimal(segment.get(4)), unit) {
                    (Some(ndc), Some(quantity), Some(unit)) => {
                        line.drug = Some(DrugQuantity {
                            ndc,
                            quantity,
                            unit,
                        });
                    }
                    _ => problems.push(format!(
                        "{}: drug quantity and unit (CTP04, CTP05-1) not readable",
                        segment.at(4)
                    )),
                }
                not_carried.extend(elements_not_carried(segment, &[4, 5]));
            }
            _ => {
                self.segment_not_carried(segment);
                return;
            }
        }
        for what in not_carried {
            self.not_carried(what, segment.position());
        }
    }

    fn svd(&mut self, segment: &Elements<'_>) {
        let Some(claim) = self.claim.as_mut() else {
            return;
        };
        let Some(line) = claim.lines.last_mut() else {
            claim.problems.push(format!(
                "segment {} SVD: outside a service line",
                segment.position()
            ));
            return;
        };
        let problems = &mut claim.problems;
        let paid = amount(segment, 2).unwrap_or_else(|problem| {
            problems.push(problem);
            Money::ZERO
        });
        let mut part = AdjudicationPart {
            position: segment.position(),
            payer_id: segment.get(1).to_owned(),
            paid,
            procedure: None,
            modifiers: Vec::new(),
            revenue_code: None,
            units: Decimal::ONE,
            adjustments: Vec::new(),
            date: None,
            remaining_patient_liability: None,
        };
        let qualifier = segment.component(3, 1).unwrap_or("");
        let code = segment.component(3, 2).unwrap_or("");
        match qualifier {
            "HC" => match ProcedureCode::parse(code) {
                Ok(p) => part.procedure = Some(p),
                Err(_) => problems.push(format!(
                    "{}: not a procedure code",
                    segment.at_component(3, 2)
                )),
            },
            "NU" => match RevenueCode::parse(code) {
                Ok(r) => part.revenue_code = Some(r),
                Err(_) => problems.push(format!(
                    "{}: not a revenue code",
                    segment.at_component(3, 2)
                )),
            },
            "" => {}
            _ => problems.push(format!(
                "{}: procedure qualifier is not HC",
                segment.at_component(3, 1)
            )),
        }
        for c in 3..=6 {
            if let Some(m) = segment.component(3, c).filter(|m| !m.is_empty()) {
                match Modifier::parse(m) {
                    Ok(m) => part.modifiers.push(m),
                    Err(_) => {
                        problems.push(format!("{}: not a modifier", segment.at_component(3, c)))
                    }
                }
            }
        }
        if let Some(revenue) = segment.optional(4).map(str::to_owned) {
            match RevenueCode::parse(&revenue) {
                Ok(r) => part.revenue_code = Some(r),
                Err(_) => problems.push(format!("{}: not a revenue code", segment.at(4))),
            }
        }
        match value::decimal(segment.get(5)) {
            Some(units) => part.units = units,
            None => problems.push(format!("{}: not a quantity", segment.at(5))),
        }
        line.adjudications.push(part);
        self.place = Loop::LineAdjudication;
        self.elements_not_carried(segment, &[1, 2, 3, 4, 5]);
    }

    fn adjudication_segment(&mut self, segment: &Elements<'_>) {
        let Some(claim) = self.claim.as_mut() else {
            return;
        };
        let problems = &mut claim.problems;
        let Some(part) = claim
            .lines
            .last_mut()
            .and_then(|l| l.adjudications.last_mut())
        else {
            return;
        };
        match (segment.id(), segment.get(1)) {
            ("CAS", _) => part.adjustments.extend(read_cas(segment, problems)),
            ("DTP", "573") => match dtp(segment) {
                Ok(value) if value.through.is_none() && value.hour.is_none() => {
                    part.date = Some(value.from);
                }
                Ok(_) => problems.push(format!("{}: not a D8 date", segment.at(2))),
                Err(problem) => problems.push(problem),
            },
            ("AMT", "EAF") => match amount(segment, 2) {
                Ok(value) => part.remaining_patient_liability = Some(value),
                Err(problem) => problems.push(problem),
            },
            _ => self.segment_not_carried(segment),
        }
    }

    fn finish(mut self, end: usize) -> (ClaimTransaction, usize, usize) {
        self.close_claim();
        for (what, positions) in std::mem::take(&mut self.not_carried) {
            let first = positions.first().copied().unwrap_or(0);
            let others = positions.len().saturating_sub(1);
            let message = if others == 0 {
                "not carried by the claim model".to_owned()
            } else {
                let shown: Vec<String> = positions
                    .iter()
                    .skip(1)
                    .take(10)
                    .map(usize::to_string)
                    .collect();
                let more = if others > 10 { ", …" } else { "" };
                format!(
                    "not carried by the claim model; also at segments {}{more} ({} in all)",
                    shown.join(", "),
                    positions.len()
                )
            };
            self.transaction.findings.push(Finding::warning(
                "X12-837-NOT-CARRIED",
                format!("segment {first} {what}"),
                message,
            ));
        }
        (self.transaction, self.start, end)
    }

    /// Builds the claim from its parts and the HL loops above it.
    fn build(
        &self,
        part: ClaimPart,
        notes: &mut Vec<(String, usize)>,
    ) -> Result<Claim, Vec<String>> {
        let mut problems = part.problems;
        let at_clm = |element: &str| format!("segment {} {element}", part.position);
        let (subscriber_part, payer_billing_ids) = match self.subscriber.clone() {
            Some(mut s) => {
                let ids = std::mem::take(&mut s.billing_ids);
                (Some(s), ids)
            }
            None => (None, Vec::new()),
        };
        let billing = match self.billing.clone() {
            Some(mut b) => {
                let position = b.position;
                // The billing provider's payer-assigned numbers come from 2010BB.
                b.secondary_ids.extend(payer_billing_ids);
                let provider = b.finish(&mut problems);
                if provider.as_ref().is_some_and(|p| p.address.is_none()) {
                    problems.push(format!("segment {position}: billing provider has no N3/N4"));
                }
                provider
            }
            None => {
                problems.push(at_clm("CLM: no billing provider (HL 20) before the claim"));
                None
            }
        };
        let (pay_to_provider, pay_to_plan) = self.pay_to(&mut problems);
        let (subscriber, payer) = match subscriber_part {
            Some(s) => build_subscriber(s, &mut problems),
            None => {
                problems.push(at_clm("CLM: no subscriber (HL 22) before the claim"));
                (None, None)
            }
        };
        let patient = match self.patient.clone() {
            Some(p) => build_patient(p, &mut problems),
            None => None,
        };
        let mut diagnoses = Vec::new();
        let mut present_on_admission = Vec::new();
        match (part.hi_seen, part.principal) {
            (_, Some(principal)) => {
                diagnoses.push(principal);
                diagnoses.extend(part.diagnoses);
                let any =
                    part.principal_poa.is_some() || part.diagnoses_poa.iter().any(Option::is_some);
                if any {
                    present_on_admission.push(part.principal_poa);
                    present_on_admission.extend(part.diagnoses_poa);
                }
            }
            (true, None) if !part.diagnoses.is_empty() => {
                problems.push(at_clm("HI: no principal diagnosis (ABK)"));
            }
            (true, None) => {}
            (false, None) => problems.push(at_clm("HI: no diagnosis segment")),
        }
        if part
            .frequency
            .is_some_and(ClaimFrequency::refers_to_prior_claim)
            && part.original_claim_number.is_none()
        {
            problems.push(at_clm("REF*F8: replacement or void without it"));
        }
        let rendering = part
            .rendering
            .and_then(|p| optional_provider(p, &mut problems, notes));
        let referring = part
            .referring
            .and_then(|p| optional_provider(p, &mut problems, notes));
        let supervising = part
            .supervising
            .and_then(|p| optional_provider(p, &mut problems, notes));
        let service_facility = part.facility.and_then(|f| match f.address {
            Some(address) => Some(ServiceFacility {
                npi: f.npi,
                name: f.name,
                address,
                secondary_ids: f.secondary_ids,
            }),
            None => {
                problems.push(format!("segment {} NM1*77: no N3/N4", f.position));
                None
            }
        });
        let line_count = part.lines.len();
        let mut other_payers: Vec<OtherPayer> = Vec::new();
        let mut other_ids = Vec::new();
        for o in part.other_payers {
            let (Some(name), Some(member_id), Some(payer_name), Some(payer_id)) =
                (o.subscriber_name, o.subscriber_id, o.payer_name, o.payer_id)
            else {
                problems.push(format!(
                    "segment {} SBR: other subscriber (2330A NM1*IL) or other payer (2330B \
                     NM1*PR) missing",
                    o.position
                ));
                continue;
            };
            other_ids.push(payer_id.clone());
            other_payers.push(OtherPayer {
                payer: Payer {
                    name: payer_name,
                    payer_id,
                    claim_filing_indicator: o.filing,
                    address: o.payer_address,
                    secondary_ids: o.payer_ids,
                },
                responsibility: o.responsibility,
                relationship: o.relationship,
                group_number: o.group_number,
                group_name: o.group_name,
                insurance_type: o.insurance_type,
                subscriber_name: Phi::new(name),
                subscriber_member_id: Phi::new(member_id),
                claim_control_number: o.claim_control_number,
                prior_authorization: o.prior_authorization,
                referral_number: o.referral_number,
                adjudicated: o.adjudicated,
                paid: o.paid,
                non_covered: o.non_covered,
                remaining_patient_liability: o.remaining_patient_liability,
                inpatient_adjudication: o.inpatient,
                outpatient_adjudication: o.outpatient,
                adjustments: o.adjustments,
                lines: o.lines,
            });
        }
        let mut professional_lines = Vec::new();
        let mut institutional_lines = Vec::new();
        for (index, line) in part.lines.into_iter().enumerate() {
            for adjudication in &line.adjudications {
                let payer = other_ids.iter().position(|id| *id == adjudication.payer_id);
                let (Some(payer), Some(date)) = (payer, adjudication.date) else {
                    problems.push(format!(
                        "segment {} SVD01: names no other payer of the claim, or DTP*573 missing",
                        adjudication.position
                    ));
                    continue;
                };
                if let Some(o) = other_payers.get_mut(payer) {
                    o.lines.push(LineAdjudication {
                        line: index,
                        paid: adjudication.paid,
                        procedure: adjudication.procedure,
                        modifiers: adjudication.modifiers.clone(),
                        revenue_code: adjudication.revenue_code,
                        units: adjudication.units,
                        adjustments: adjudication.adjustments.clone(),
                        adjudication_date: date,
                        remaining_patient_liability: adjudication.remaining_patient_liability,
                    });
                }
            }
            let has_rendering = line.rendering.is_some();
            let mut provider = |p: Option<ProviderPart>| {
                p.and_then(|p| optional_provider(p, &mut problems, notes))
            };
            let rendering = provider(line.rendering);
            let line_supervising = provider(line.supervising);
            let ordering = provider(line.ordering);
            let at_lx = |what: &str| format!("segment {} LX: {what}", line.position);
            if !line.service_seen {
                problems.push(at_lx("no SV1/SV2"));
                continue;
            }
            if line.ndc.is_some() && line.drug.is_none() {
                problems.push(at_lx("LIN without CTP"));
            }
            let Some(charge) = line.charge else { continue };
            match self.kind {
                ClaimKind::Professional => {
                    let (Some(procedure), Some(quantity)) = (line.procedure, line.quantity) else {
                        continue;
                    };
                    let Some(service_date) = line.date else {
                        problems.push(at_lx("no DTP*472 service date"));
                        continue;
                    };
                    let mut built = ProfessionalLine::new(
                        procedure,
                        charge,
                        quantity,
                        service_date,
                        line.pointers,
                    );
                    built.modifiers = line.modifiers;
                    built.service_date_end = line.date_end;
                    built.place_of_service = line.place_of_service;
                    built.emergency = line.emergency;
                    built.epsdt = line.epsdt;
                    built.family_planning = line.family_planning;
                    built.drug = line.drug;
                    built.line_item_control_number = line.control_number;
                    built.prior_authorizations = line.prior_authorizations;
                    built.referral_numbers = line.referral_numbers;
                    built.clia_number = line.clia_number;
                    built.note = line.note;
                    built.third_party_note = line.third_party_note;
                    built.attachments = line.attachments;
                    built.ambulance = line.ambulance.finish(&mut problems);
                    built.durable_medical_equipment = line.dme.finish();
                    built.purchased_service = line.purchased_service;
                    built.rendering_provider = rendering;
                    built.purchased_service_provider = line.purchased_provider;
                    built.supervising_provider = line_supervising;
                    built.ordering_provider = ordering;
                    professional_lines.push(built);
                }
                ClaimKind::Institutional => {
                    if has_rendering {
                        problems.push(at_lx("line rendering provider not carried on 837I"));
                    }
                    let (Some(revenue_code), Some(units)) = (line.revenue_code, line.units) else {
                        continue;
                    };
                    institutional_lines.push(InstitutionalLine {
                        revenue_code,
                        procedure: line.procedure,
                        modifiers: line.modifiers,
                        charge,
                        units,
                        service_date: line.date,
                        non_covered_charge: line.non_covered,
                        drug: line.drug,
                        line_item_control_number: line.control_number,
                    });
                }
            }
        }
        if line_count == 0 {
            problems.push(at_clm("CLM: no service lines (LX)"));
        }
        let form = match self.kind {
            ClaimKind::Professional => match PlaceOfService::parse(&part.facility_code) {
                Ok(place_of_service) => {
                    let mut form = Professional::new(place_of_service, professional_lines);
                    form.clia_number = part.clia_number;
                    form.supervising_provider = supervising;
                    form.patient_amount_paid = part.patient_amount_paid;
                    form.condition_codes = part.condition_codes;
                    form.ambulance = part.ambulance.finish(&mut problems);
                    form.spinal_manipulation = part.spinal_manipulation;
                    Some(ClaimForm::Professional(Box::new(form)))
                }
                Err(_) => {
                    problems.push(at_clm("CLM05-1: not a place of service"));
                    None
                }
            },
            ClaimKind::Institutional => {
                let inst = part.institutional;
                let attending = match inst.attending {
                    Some(p) => p.finish(&mut problems),
                    None => {
                        problems.push(at_clm("NM1*71: no attending provider (2310A)"));
                        None
                    }
                };
                let operating = inst
                    .operating
                    .and_then(|p| optional_provider(p, &mut problems, notes));
                let other_operating = inst
                    .other_operating
                    .and_then(|p| optional_provider(p, &mut problems, notes));
                let admission = match (inst.admission_date, inst.admission_type) {
                    (date, Some(type_code)) => Some(Admission {
                        date: date.map(|d| d.0),
                        hour: date.and_then(|d| d.1),
                        type_code,
                        source_code: inst.admission_source,
                    }),
                    (None, None) => {
                        if inst.admission_source.is_some() {
                            problems.push(at_clm("CL102: admission source without CL101 type"));
                        }
                        None
                    }
                    (Some(_), None) => {
                        problems.push(at_clm("DTP*435: admission date without CL101 type"));
                        None
                    }
                };
                let facility_ok = part.facility_code.len() == 2
                    && part.facility_code.bytes().all(|b| b.is_ascii_digit());
                if !facility_ok {
                    problems.push(at_clm("CLM05-1: not a two-digit facility type code"));
                }
                if inst.statement.is_none() {
                    problems.push(at_clm("DTP*434: no statement period"));
                }
                if inst.patient_status.is_none() {
                    problems.push(at_clm("CL103: no patient status"));
                }
                let mut procedures: Vec<PcsProcedure> = Vec::new();
                match (inst.principal_procedure, inst.other_procedures.is_empty()) {
                    (Some(principal), _) => {
                        procedures.push(principal);
                        procedures.extend(inst.other_procedures);
                    }
                    (None, false) => {
                        problems.push(at_clm(
                            "HI: other procedures (BBQ) without a principal (BBR)",
                        ));
                    }
                    (None, true) => {}
                }
                match (attending, inst.statement, inst.patient_status) {
                    (Some(attending_provider), Some((from, through)), Some(status))
                        if facility_ok =>
                    {
                        let mut form = Institutional::new(
                            part.facility_code,
                            from,
                            through,
                            status,
                            attending_provider,
                            institutional_lines,
                        );
                        form.admission = admission;
                        form.discharge_hour = inst.discharge_hour;
                        form.operating_provider = operating;
                        form.other_operating_provider = other_operating;
                        form.present_on_admission = present_on_admission;
                        form.admitting_diagnosis = inst.admitting_diagnosis;
                        form.reasons_for_visit = inst.reasons_for_visit;
                        form.external_causes = inst.external_causes;
                        form.drg = inst.drg;
                        form.procedures = procedures;
                        form.occurrence_spans = inst.occurrence_spans;
                        form.condition_codes = inst.condition_codes;
                        form.occurrence_codes = inst.occurrence_codes;
                        form.value_codes = inst.value_codes;
                        form.treatment_codes = inst.treatment_codes;
                        form.estimated_amount_due = inst.estimated_amount_due;
                        form.billing_note = inst.billing_note;
                        Some(ClaimForm::Institutional(Box::new(form)))
                    }
                    _ => None,
                }
            }
        };
        // DTP*439 belongs to CLM11's accident; without CLM11 it has nowhere to go.
        let mut related_causes = part.related_causes;
        match (related_causes.as_mut(), part.accident_date) {
            (Some(related), Some((_, date))) => related.accident_date = Some(date),
            (None, Some((position, _))) => {
                notes.push(("DTP*439 without CLM11".to_owned(), position));
            }
            _ => {}
        }
        match (billing, subscriber, payer, part.total, part.frequency, form) {
            (
                Some(billing_provider),
                Some(subscriber),
                Some(payer),
                Some(total_charge),
                Some(frequency),
                Some(form),
            ) if problems.is_empty() => Ok(Claim {
                patient_control_number: part.patient_control_number,
                frequency,
                original_claim_number: part.original_claim_number,
                total_charge,
                billing_provider,
                pay_to_provider,
                pay_to_plan,
                rendering_provider: rendering,
                referring_provider: referring,
                service_facility,
                subscriber,
                patient,
                payer,
                diagnoses,
                prior_authorization: part.prior_authorization,
                referral_number: part.referral_number,
                medical_record_number: part.medical_record_number,
                delay_reason: part.delay_reason,
                notes: part.notes,
                attachments: part.attachments,
                indicators: part.indicators,
                dates: part.dates,
                related_causes,
                form,
                other_payers,
            }),
            _ => {
                if problems.is_empty() {
                    problems.push(at_clm("CLM: required parts missing"));
                }
                Err(problems)
            }
        }
    }

    /// The pay-to address (2010AB) and pay-to plan (2010AC) of the billing provider's level.
    fn pay_to(&self, problems: &mut Vec<String>) -> (Option<PayToProvider>, Option<PayToPlan>) {
        let address =
            self.pay_to.address.clone().and_then(
                |(position, entity_type, address)| match address {
                    Some(address) => Some(PayToProvider {
                        entity_type,
                        address,
                    }),
                    None => {
                        problems.push(format!("segment {position} NM1*87: no N3/N4"));
                        None
                    }
                },
            );
        let plan = self.pay_to.plan.clone().and_then(|plan| {
            match (plan.id_kind, plan.address, plan.tax_id) {
                (Some(id_kind), Some(address), Some(tax_id)) => Some(PayToPlan {
                    name: plan.name,
                    id_kind,
                    id: plan.id,
                    address,
                    secondary_id: plan.secondary_id,
                    tax_id,
                }),
                _ => {
                    problems.push(format!(
                        "segment {} NM1*PE: the pay-to plan needs NM108 PI or XV, N3/N4 and \
                         REF*EI",
                        plan.position
                    ));
                    None
                }
            }
        });
        (address, plan)
    }
}

/// A count sent as an X12 decimal (R: QTY02, CR303): `2.00` is two, `2.5` is not a count.
fn whole_decimal(text: &str) -> Option<u32> {
    let d = value::decimal(text)?.normalize();
    (d.scale() == 0).then(|| u32::try_from(d.mantissa()).ok())?
}

/// A provider's secondary identifier (REF*0B, 1G, G2, LU), if the REF is one.
fn provider_id(segment: &Elements<'_>) -> Option<ProviderSecondaryId> {
    Some(ProviderSecondaryId {
        kind: ProviderIdKind::from_code(segment.get(1))?,
        id: segment.get(2).to_owned(),
    })
}

/// A payer's secondary identifier (REF*2U, EI, FY, NF), if the REF is one.
fn payer_id(segment: &Elements<'_>) -> Option<PayerSecondaryId> {
    Some(PayerSecondaryId {
        kind: PayerIdKind::from_code(segment.get(1))?,
        id: segment.get(2).to_owned(),
    })
}

/// PER*IC: the name and the numbers the model knows, with the elements read.
fn contact(segment: &Elements<'_>) -> (ProviderContact, Vec<usize>) {
    let mut carried = vec![1];
    let name = segment.optional(2).map(str::to_owned);
    if name.is_some() {
        carried.push(2);
    }
    let mut numbers = Vec::new();
    for (q, v) in [(3, 4), (5, 6), (7, 8)] {
        if let Some(kind) = ContactNumberKind::from_code(segment.get(q)) {
            numbers.push(ContactNumber {
                kind,
                number: segment.get(v).to_owned(),
            });
            carried.extend([q, v]);
        }
    }
    (ProviderContact { name, numbers }, carried)
}

/// SBR05, the insurance type code, when sent.
fn insurance_type(segment: &Elements<'_>, problems: &mut Vec<String>) -> Option<InsuranceType> {
    let code = segment.optional(5)?;
    let found = InsuranceType::from_code(code);
    if found.is_none() {
        problems.push(format!("{}: not an insurance type code", segment.at(5)));
    }
    found
}

/// The element `n` of `segment` as a code of `T`, or a problem naming it.
fn coded<T>(
    segment: &Elements<'_>,
    n: usize,
    parse: fn(&str) -> Option<T>,
    what: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    let found = parse(segment.get(n));
    if found.is_none() {
        problems.push(format!("{}: not {what}", segment.at(n)));
    }
    found
}

/// An optional X12 amount: absent when empty, a problem when not a decimal.
fn optional_amount(segment: &Elements<'_>, n: usize, problems: &mut Vec<String>) -> Option<Money> {
    if segment.trimmed(n).is_empty() {
        return None;
    }
    amount(segment, n).map_err(|p| problems.push(p)).ok()
}

/// An optional X12 decimal: absent when empty, a problem when not a decimal.
fn optional_decimal(
    segment: &Elements<'_>,
    n: usize,
    problems: &mut Vec<String>,
) -> Option<Decimal> {
    if segment.trimmed(n).is_empty() {
        return None;
    }
    let found = value::decimal(segment.get(n));
    if found.is_none() {
        problems.push(format!("{}: not a decimal number", segment.at(n)));
    }
    found
}

/// Remark codes from the elements `ns` of `segment` (MIA, MOA), in order.
fn remarks(segment: &Elements<'_>, ns: &[usize], problems: &mut Vec<String>) -> Vec<Rarc> {
    let mut out = Vec::new();
    for &n in ns {
        if let Some(code) = segment.optional(n) {
            match Rarc::parse(code) {
                Ok(rarc) => out.push(rarc),
                Err(_) => problems.push(format!("{}: not a remark code", segment.at(n))),
            }
        }
    }
    out
}

/// Y or N (CRC02).
fn yes_no(segment: &Elements<'_>, n: usize, problems: &mut Vec<String>) -> bool {
    match segment.get(n) {
        "Y" => true,
        "N" => false,
        _ => {
            problems.push(format!("{}: not Y or N", segment.at(n)));
            false
        }
    }
}

/// PWK: an attachment (not the DME certificate of medical necessity, PWK*CT on a line).
fn attachment(segment: &Elements<'_>, problems: &mut Vec<String>) -> Option<Attachment> {
    let transmission = coded(
        segment,
        2,
        AttachmentTransmission::from_code,
        "an attachment transmission code",
        problems,
    )?;
    let control_number = match (segment.get(5), segment.optional(6)) {
        ("AC", Some(number)) => Some(number.to_owned()),
        ("", None) => None,
        _ => {
            problems.push(format!(
                "{}: control number not qualified AC",
                segment.at(5)
            ));
            None
        }
    };
    Some(Attachment {
        report_type: segment.get(1).to_owned(),
        transmission,
        control_number,
    })
}

/// CR1: an ambulance transport.
fn ambulance_transport(
    segment: &Elements<'_>,
    problems: &mut Vec<String>,
) -> Option<AmbulanceTransport> {
    let reason = coded(
        segment,
        4,
        TransportReason::from_code,
        "an ambulance transport reason code",
        problems,
    )?;
    if segment.get(5) != "DH" {
        problems.push(format!(
            "{}: distance unit is not DH (miles)",
            segment.at(5)
        ));
    }
    let miles = value::decimal(segment.get(6));
    if miles.is_none() {
        problems.push(format!("{}: not a distance", segment.at(6)));
    }
    let weight = optional_decimal(segment, 2, problems);
    if weight.is_some() && segment.get(1) != "LB" {
        problems.push(format!("{}: weight unit is not LB (pounds)", segment.at(1)));
    }
    Some(AmbulanceTransport {
        reason,
        miles: miles?,
        patient_weight_pounds: weight,
        round_trip_purpose: segment.optional(9).map(str::to_owned),
        stretcher_purpose: segment.optional(10).map(str::to_owned),
    })
}

/// CRC*07: an ambulance certification.
fn ambulance_certification(
    segment: &Elements<'_>,
    problems: &mut Vec<String>,
) -> AmbulanceCertification {
    let applies = yes_no(segment, 2, problems);
    let mut conditions = Vec::new();
    for n in 3..=7 {
        if let Some(code) = segment.optional(n) {
            match AmbulanceCondition::from_code(code) {
                Some(c) => conditions.push(c),
                None => problems.push(format!("{}: not an ambulance condition", segment.at(n))),
            }
        }
    }
    AmbulanceCertification {
        applies,
        conditions,
    }
}

/// An HI procedure (BBR, BBQ): the ICD-10-PCS code and its D8 date.
fn pcs_procedure(
    code: &str,
    format: Option<&str>,
    date: Option<&str>,
    where_: &str,
    problems: &mut Vec<String>,
) -> Option<PcsProcedure> {
    let code = match Icd10Pcs::parse(code) {
        Ok(code) => code,
        Err(_) => {
            problems.push(format!("{where_}: not an ICD-10-PCS code"));
            return None;
        }
    };
    let date = match (format.unwrap_or(""), date.unwrap_or("")) {
        ("", "") => None,
        ("D8", text) => match value::date8(text) {
            Some(date) => Some(date),
            None => {
                problems.push(format!("{where_}: procedure date is not a D8 date"));
                return None;
            }
        },
        _ => {
            problems.push(format!("{where_}: procedure date is not a D8 date"));
            return None;
        }
    };
    Some(PcsProcedure { code, date })
}

/// MIA: Medicare's inpatient adjudication, MIA01 required.
fn inpatient_adjudication(
    segment: &Elements<'_>,
    problems: &mut Vec<String>,
) -> Option<InpatientAdjudication> {
    let covered_days = value::decimal(segment.get(1));
    if covered_days.is_none() {
        problems.push(format!("{}: not a number of days", segment.at(1)));
    }
    let mut money = |n: usize| optional_amount(segment, n, problems);
    let pps_operating_outlier = money(2);
    let drg_amount = money(4);
    let disproportionate_share = money(6);
    let msp_pass_through = money(7);
    let pps_capital = money(8);
    let pps_capital_fsp_drg = money(9);
    let pps_capital_hsp_drg = money(10);
    let pps_capital_dsh_drg = money(11);
    let old_capital = money(12);
    let pps_capital_ime = money(13);
    let pps_operating_hospital_specific_drg = money(14);
    let pps_operating_federal_specific_drg = money(16);
    let pps_capital_outlier = money(17);
    let indirect_teaching = money(18);
    let nonpayable_professional_component = money(19);
    let pps_capital_exception = money(24);
    Some(InpatientAdjudication {
        covered_days: covered_days?,
        pps_operating_outlier,
        lifetime_psychiatric_days: optional_decimal(segment, 3, problems),
        drg_amount,
        remarks: remarks(segment, &[5, 20, 21, 22, 23], problems),
        disproportionate_share,
        msp_pass_through,
        pps_capital,
        pps_capital_fsp_drg,
        pps_capital_hsp_drg,
        pps_capital_dsh_drg,
        old_capital,
        pps_capital_ime,
        pps_operating_hospital_specific_drg,
        cost_report_days: optional_decimal(segment, 15, problems),
        pps_operating_federal_specific_drg,
        pps_capital_outlier,
        indirect_teaching,
        nonpayable_professional_component,
        pps_capital_exception,
    })
}

/// MOA: Medicare's outpatient adjudication.
fn outpatient_adjudication(
    segment: &Elements<'_>,
    problems: &mut Vec<String>,
) -> OutpatientAdjudication {
    OutpatientAdjudication {
        reimbursement_rate: optional_decimal(segment, 1, problems),
        hcpcs_payable: optional_amount(segment, 2, problems),
        remarks: remarks(segment, &[3, 4, 5, 6, 7], problems),
        esrd_payment: optional_amount(segment, 8, problems),
        nonpayable_professional_component: optional_amount(segment, 9, problems),
    }
}

/// CLM11: one or two related causes, the auto accident's state and the country.
fn related_causes(segment: &Elements<'_>, problems: &mut Vec<String>) -> Option<RelatedCauses> {
    let mut causes = Vec::new();
    for n in 1..=2 {
        match segment.component(11, n).unwrap_or("") {
            "" => {}
            code => match RelatedCause::from_code(code) {
                Some(cause) => causes.push(cause),
                None => problems.push(format!("{}: not AA, EM or OA", segment.at_component(11, n))),
            },
        }
    }
    let text = |n| {
        segment
            .component(11, n)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
    };
    Some(RelatedCauses {
        causes,
        state: text(4),
        country: text(5),
        accident_date: None,
    })
}

/// A provider the claim can do without (referring, rendering, operating): one sent without
/// an NPI (a legacy id in REF instead) is reported as not carried rather than rejecting the
/// claim; one with an invalid NPI still rejects it.
fn optional_provider(
    part: ProviderPart,
    problems: &mut Vec<String>,
    notes: &mut Vec<(String, usize)>,
) -> Option<Provider> {
    if part.npi.is_none() && part.problems.is_empty() {
        notes.push(("NM1 provider without NPI".to_owned(), part.position));
        return None;
    }
    part.finish(problems)
}

fn taxonomy(provider: &mut ProviderPart, segment: &Elements<'_>) {
    if segment.get(2) != "PXC" {
        provider
            .problems
            .push(format!("{}: taxonomy qualifier is not PXC", segment.at(2)));
        return;
    }
    match Taxonomy::parse(segment.get(3)) {
        Ok(t) => provider.taxonomy = Some(t),
        Err(_) => provider
            .problems
            .push(format!("{}: not a taxonomy code", segment.at(3))),
    }
}

fn build_subscriber(
    s: SubscriberPart,
    problems: &mut Vec<String>,
) -> (Option<Subscriber>, Option<Payer>) {
    problems.extend(s.problems);
    let at_hl = |what: &str| format!("segment {} HL 22: {what}", s.position);
    let subscriber = match (s.name, s.member_id) {
        (Some(name), Some(member_id)) => Some(Subscriber {
            member_id: Phi::new(member_id),
            name: Phi::new(name),
            birth_date: s.birth_date.map(Phi::new),
            sex: s.sex,
            address: s.address.map(Phi::new),
            group_number: s.group_number,
            group_name: s.group_name,
            insurance_type: s.insurance_type,
            payer_responsibility: s.responsibility,
        }),
        _ => {
            problems.push(at_hl("no subscriber name and member id (2010BA NM1*IL)"));
            None
        }
    };
    let payer = match (s.payer_name, s.payer_id, s.filing) {
        (Some(name), Some(payer_id), Some(claim_filing_indicator)) => Some(Payer {
            name,
            payer_id,
            claim_filing_indicator,
            address: s.payer_address,
            secondary_ids: s.payer_ids,
        }),
        _ => {
            problems.push(at_hl(
                "no payer name and id (2010BB NM1*PR) or claim filing indicator (SBR09)",
            ));
            None
        }
    };
    (subscriber, payer)
}

fn build_patient(p: PatientPart, problems: &mut Vec<String>) -> Option<Patient> {
    problems.extend(p.problems);
    match (p.name, p.birth_date, p.sex) {
        (Some(name), Some(birth_date), Some(sex)) if !p.relationship.is_empty() => Some(Patient {
            relationship: p.relationship,
            name: Phi::new(name),
            birth_date: Phi::new(birth_date),
            sex,
            address: p.address.map(Phi::new),
        }),
        _ => {
            problems.push(format!(
                "segment {} HL 23: patient needs PAT01, NM1*QC and DMG",
                p.position
            ));
            None
        }
    }
}

/// Reads `HC:code:mod1..4` from a composite element into the line.
fn read_procedure(
    segment: &Elements<'_>,
    n: usize,
    line: &mut LinePart,
    problems: &mut Vec<String>,
    not_carried: &mut Vec<String>,
) {
    if segment.component(n, 1) != Some("HC") {
        problems.push(format!(
            "{}: procedure qualifier is not HC",
            segment.at_component(n, 1)
        ));
        return;
    }
    match ProcedureCode::parse(segment.component(n, 2).unwrap_or("")) {
        Ok(p) => line.procedure = Some(p),
        Err(_) => problems.push(format!(
            "{}: not a procedure code",
            segment.at_component(n, 2)
        )),
    }
    for c in 3..=6 {
        if let Some(m) = segment.component(n, c).filter(|m| !m.is_empty()) {
            match Modifier::parse(m) {
                Ok(m) => line.modifiers.push(m),
                Err(_) => problems.push(format!("{}: not a modifier", segment.at_component(n, c))),
            }
        }
    }
    if segment.component(n, 7).is_some_and(|d| !d.is_empty()) {
        not_carried.push(format!("{}{n:02}-7 description", segment.safe_id()));
    }
}

/// The HI segment: diagnoses (with present-on-admission indicators on an 837I), condition
/// codes, and on institutional claims the admitting diagnosis, reasons for visit, external
/// causes, DRG, procedures, occurrence (span), value and treatment codes. ICD-9 qualifiers
/// make the claim a rejected one.
fn read_hi(
    kind: ClaimKind,
    claim: &mut ClaimPart,
    segment: &Elements<'_>,
    not_carried: &mut Vec<String>,
) {
    let institutional = kind == ClaimKind::Institutional;
    for n in 1..=segment.len() {
        // Split once: an element may hold any number of components.
        let parts: Vec<&str> = segment.components(n).collect();
        let part = |c: usize| parts.get(c.wrapping_sub(1)).copied();
        let qualifier = part(1).unwrap_or("");
        let code = part(2).unwrap_or("");
        if qualifier.is_empty() {
            continue;
        }
        let shown = value::safe_code(qualifier);
        let where_ = segment.at_component(n, 2);
        let icd10 = |claim: &mut ClaimPart| match Icd10Cm::parse(code) {
            Ok(code) => Some(code),
            Err(_) => {
                claim
                    .problems
                    .push(format!("{where_}: not an ICD-10-CM code"));
                None
            }
        };
        // C022-9, the present-on-admission indicator of an 837I diagnosis or external cause.
        let poa = |claim: &mut ClaimPart| match part(9).unwrap_or("") {
            "" => None,
            code => {
                let found = PresentOnAdmission::from_code(code);
                if found.is_none() {
                    claim.problems.push(format!(
                        "{}: not a present-on-admission indicator",
                        segment.at_component(n, 9)
                    ));
                }
                found
            }
        };
        let with_poa = institutional && matches!(qualifier, "ABK" | "ABF" | "ABN");
        match (kind, qualifier) {
            (_, "BK" | "BF" | "BJ" | "BN" | "BR" | "BQ" | "PR") => claim.problems.push(format!(
                "{}: ICD-9 qualifier {qualifier}; the model holds ICD-10-CM only",
                segment.at_component(n, 1)
            )),
            (_, "ABK") => {
                if claim.principal.is_some() {
                    claim
                        .problems
                        .push(format!("{where_}: a second principal diagnosis"));
                }
                claim.principal = icd10(claim);
                claim.principal_poa = if with_poa { poa(claim) } else { None };
            }
            (_, "ABF") => {
                if let Some(code) = icd10(claim) {
                    claim.diagnoses.push(code);
                    let indicator = if with_poa { poa(claim) } else { None };
                    claim.diagnoses_poa.push(indicator);
                }
            }
            (ClaimKind::Professional, "BG") => claim.condition_codes.push(code.to_owned()),
            (ClaimKind::Institutional, "BG") => {
                claim.institutional.condition_codes.push(code.to_owned());
            }
            (ClaimKind::Institutional, "ABJ") => {
                if claim.institutional.admitting_diagnosis.is_some() {
                    claim
                        .problems
                        .push(format!("{where_}: a second admitting diagnosis"));
                }
                claim.institutional.admitting_diagnosis = icd10(claim);
            }
            (ClaimKind::Institutional, "APR") => {
                if let Some(code) = icd10(claim) {
                    claim.institutional.reasons_for_visit.push(code);
                }
            }
            (ClaimKind::Institutional, "ABN") => {
                if let Some(code) = icd10(claim) {
                    let present_on_admission = poa(claim);
                    claim.institutional.external_causes.push(ExternalCause {
                        code,
                        present_on_admission,
                    });
                }
            }
            (ClaimKind::Institutional, "DR") => claim.institutional.drg = Some(code.to_owned()),
            (ClaimKind::Institutional, "TC") => {
                claim.institutional.treatment_codes.push(code.to_owned());
            }
            (ClaimKind::Institutional, "BBR" | "BBQ") => {
                let procedure = pcs_procedure(code, part(3), part(4), &where_, &mut claim.problems);
                let inst = &mut claim.institutional;
                match (qualifier, procedure) {
                    ("BBR", Some(p)) => {
                        if inst.principal_procedure.is_some() {
                            claim
                                .problems
                                .push(format!("{where_}: a second principal procedure"));
                        }
                        inst.principal_procedure = Some(p);
                    }
                    (_, Some(p)) => inst.other_procedures.push(p),
                    (_, None) => {}
                }
            }
            (ClaimKind::Institutional, "BI") => {
                let span =
                    part(4)
                        .and_then(|text| text.split_once('-'))
                        .and_then(|(from, through)| {
                            Some((value::date8(from)?, value::date8(through)?))
                        });
                match (part(3), span) {
                    (Some("RD8"), Some((from, through))) => {
                        claim.institutional.occurrence_spans.push(OccurrenceSpan {
                            code: code.to_owned(),
                            from,
                            through,
                        });
                    }
                    _ => claim
                        .problems
                        .push(format!("{}: not an RD8 period", segment.at_component(n, 4))),
                }
            }
            (ClaimKind::Institutional, "BH") => match (part(3), part(4).and_then(value::date8)) {
                (Some("D8"), Some(date)) => {
                    claim.institutional.occurrence_codes.push(OccurrenceCode {
                        code: code.to_owned(),
                        date,
                    });
                }
                _ => claim
                    .problems
                    .push(format!("{}: not a D8 date", segment.at_component(n, 4))),
            },
            (ClaimKind::Institutional, "BE") => match part(5).and_then(value::amount) {
                Some(amount) => claim.institutional.value_codes.push(ValueCode {
                    code: code.to_owned(),
                    amount,
                }),
                None => claim.problems.push(format!(
                    "{}: not a decimal amount",
                    segment.at_component(n, 5)
                )),
            },
            _ => not_carried.push(format!("HI {shown}")),
        }
        let carried = |c: usize| match qualifier {
            "BH" | "BI" | "BBR" | "BBQ" => c <= 4,
            "BE" => c == 5,
            _ => with_poa && c == 9,
        };
        for (i, component) in parts.iter().enumerate().skip(2) {
            let c = i.saturating_add(1);
            if component.is_empty() || carried(c) {
                continue;
            }
            let name = if c <= LAST_NAMED_ELEMENT {
                format!("HI-{c} ({shown})")
            } else {
                format!("HI components past the {LAST_NAMED_ELEMENT}th ({shown})")
            };
            if not_carried.last() != Some(&name) {
                not_carried.push(name);
            }
        }
    }
}

fn read_cas(segment: &Elements<'_>, problems: &mut Vec<String>) -> Vec<ClaimAdjustment> {
    let mut adjustments = Vec::new();
    let Ok(group) = GroupCode::parse(segment.get(1)) else {
        problems.push(format!("{}: not a group code", segment.at(1)));
        return adjustments;
    };
    for first in (2..=17).step_by(3) {
        let Some(reason) = segment.optional(first) else {
            continue;
        };
        let Ok(reason) = Carc::parse(reason) else {
            problems.push(format!("{}: not a reason code", segment.at(first)));
            continue;
        };
        let quantity = match segment.get(first.saturating_add(2)) {
            "" => None,
            sent => match value::decimal(sent) {
                Some(quantity) => Some(quantity),
                None => {
                    problems.push(format!(
                        "{}: not a decimal quantity",
                        segment.at(first.saturating_add(2))
                    ));
                    continue;
                }
            },
        };
        match amount(segment, first.saturating_add(1)) {
            Ok(amount) => adjustments.push(ClaimAdjustment {
                group,
                reason,
                amount,
                quantity,
            }),
            Err(problem) => problems.push(problem),
        }
    }
    adjustments
}
