//! Writing [`Claim`]s as 837P (005010X222A1) and 837I (005010X223A2).
//!
//! Professional claims go into one functional group and transaction set, institutional
//! claims into another. Within a set, consecutive claims with the same billing provider share
//! its HL 20, consecutive claims with the same subscriber and payer share an HL 22, and
//! consecutive claims of the same patient share an HL 23: claims are written in the order
//! given (sort them to group more), so reading the file back gives them in the same order.
//! Claims with a pay-to plan are subrogation demands (BHT06 = 31) and go into a transaction
//! set of their own.
//!
//! Segments are written in the order the guides give them, which is the order the reader
//! reads them back in.

use super::{ClaimKind, INSTITUTIONAL_VERSION, PROFESSIONAL_VERSION, Submission};
use crate::claim::{
    Address, Ambulance, Assignment, Attachment, Claim, ClaimAdjustment, ClaimForm, ClaimNote,
    DrugQuantity, DrugUnit, Institutional, OtherPayer, PartyName, Patient, PayerResponsibility,
    PersonName, PresentOnAdmission, Professional, ProfessionalLine, Provider, ProviderIdKind,
    ProviderSecondaryId, Quantity, RelatedCauses, ReleaseOfInformation, Sex, TaxId, cas_segments,
};
use crate::finding::{Finding, Severity};
use crate::x12::{Element, Envelope, WriteError, X12Writer, date8, decimal};

/// Why claims could not be written as an 837. Names the claim (0-based index in the input)
/// and the field, never the data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Write837Error {
    /// No claims were given: an 837 needs at least one.
    #[error("no claims to write")]
    Empty,
    /// The submission is unusable (e.g. a contact without phone or email).
    #[error("submission {field}: {reason}")]
    Submission {
        /// The field.
        field: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// A part the 837 requires is absent from a claim.
    #[error("claim {claim}: {field} is required in the 837")]
    Missing {
        /// 0-based index of the claim.
        claim: usize,
        /// JSON path of the field.
        field: &'static str,
    },
    /// A claim holds something the 837 version has no place for, or more of it than fits.
    #[error("claim {claim}: {field} cannot be written: {reason}")]
    NotWritable {
        /// 0-based index of the claim.
        claim: usize,
        /// JSON path of the field.
        field: &'static str,
        /// Why.
        reason: &'static str,
    },
    /// Claims that [`Claim::validate`] calls errors: nothing is written. Each names the claim
    /// and, for every error finding, its rule and path.
    #[error("{}", describe_invalid(.0))]
    Invalid(Vec<InvalidClaim>),
    /// The X12 writer refused a value (a delimiter or unprintable character in data, a value
    /// too long for its element).
    #[error(transparent)]
    Writer(#[from] WriteError),
}

/// A claim [`write_837`] refused because [`Claim::validate`] reports errors for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidClaim {
    /// 0-based index of the claim in the input.
    pub claim: usize,
    /// The error findings: rule id, JSON pointer and message (never patient data).
    pub errors: Vec<Finding>,
}

fn describe_invalid(claims: &[InvalidClaim]) -> String {
    let each: Vec<String> = claims
        .iter()
        .map(|c| {
            let errors: Vec<String> = c
                .errors
                .iter()
                .map(|f| format!("{} at {}", f.rule, f.path))
                .collect();
            format!("claim {}: {}", c.claim, errors.join(", "))
        })
        .collect();
    format!(
        "claims with validation errors cannot be written as an 837 ({})",
        each.join("; ")
    )
}

/// The line item control number written for a line that has none: the claim's patient
/// control number, a hyphen and the 1-based line number (`ENC-1001-2`), as
/// [`crate::claim::prepare_claim`] assigns them. Every written line carries a REF*6R, because
/// the 835 echoes it and payers match lines by it.
pub fn line_control_number(patient_control_number: &str, index: usize) -> String {
    format!("{patient_control_number}-{}", index.saturating_add(1))
}

/// Gives every line without a line item control number the one [`write_837`] writes for it,
/// so that a claim compares equal to itself written and read back.
pub fn fill_line_control_numbers(claim: &mut Claim) {
    let pcn = claim.patient_control_number.clone();
    let fill = |index: usize, number: &mut Option<String>| {
        if number.is_none() {
            *number = Some(line_control_number(&pcn, index));
        }
    };
    match &mut claim.form {
        ClaimForm::Professional(p) => {
            for (i, line) in p.lines.iter_mut().enumerate() {
                fill(i, &mut line.line_item_control_number);
            }
        }
        ClaimForm::Institutional(inst) => {
            for (i, line) in inst.lines.iter_mut().enumerate() {
                fill(i, &mut line.line_item_control_number);
            }
        }
    }
}

/// Writes claims as one interchange: a functional group and transaction set for the
/// professional claims (005010X222A1) and one for the institutional claims (005010X223A2),
/// professional first. Claims with a pay-to plan (subrogation demands, BHT06 = 31) get a
/// transaction set of their own within their group. ST02 counts up from
/// `submission.first_control_number`.
///
/// Every claim is first checked with [`Claim::validate`]: if any has error findings, nothing
/// is written and [`Write837Error::Invalid`] names each such claim (by index) with the rule
/// and path of each error, so what `claim validate` calls an error is never written.
///
/// What is written is what the claim holds: a line's SV105 whenever the line names a place
/// of service, a span (RD8) whenever the line has an end date. The exceptions: a line without
/// a line item control number gets [`line_control_number`]; 837I has no CLM06, so an
/// institutional claim's `providerSignatureOnFile` is not written (and reads back `true`).
/// More than 100 consecutive claims of one patient are split over several subscriber (and
/// patient) levels, as loop 2300 repeats at most 100 times under one.
pub fn write_837(
    claims: &[Claim],
    submission: &Submission,
    envelope: &Envelope,
) -> Result<Vec<u8>, Write837Error> {
    if claims.is_empty() {
        return Err(Write837Error::Empty);
    }
    check_submission(submission)?;
    let invalid: Vec<InvalidClaim> = claims
        .iter()
        .enumerate()
        .filter_map(|(claim, c)| {
            let errors: Vec<Finding> = c
                .validate()
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            (!errors.is_empty()).then_some(InvalidClaim { claim, errors })
        })
        .collect();
    if !invalid.is_empty() {
        return Err(Write837Error::Invalid(invalid));
    }
    let mut w = X12Writer::new(envelope)?;
    let mut control = submission.first_control_number;
    for (kind, version) in [
        (ClaimKind::Professional, PROFESSIONAL_VERSION),
        (ClaimKind::Institutional, INSTITUTIONAL_VERSION),
    ] {
        let of_kind: Vec<(usize, &Claim)> = claims
            .iter()
            .enumerate()
            .filter(|(_, c)| kind_of(c) == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        w.begin_group("HC", version)?;
        for subrogation in [false, true] {
            let selected: Vec<(usize, &Claim)> = of_kind
                .iter()
                .copied()
                .filter(|(_, c)| c.pay_to_plan.is_some() == subrogation)
                .collect();
            if selected.is_empty() {
                continue;
            }
            let control_text = format!("{control:04}");
            w.begin_transaction("837", &control_text, Some(version))?;
            let mut out = Out { w: &mut w, kind };
            out.header(submission, envelope, subrogation)?;
            out.hierarchy(&selected)?;
            w.end_transaction()?;
            control = control.checked_add(1).ok_or(Write837Error::Submission {
                field: "firstControlNumber",
                reason: "too large",
            })?;
        }
        w.end_group()?;
    }
    Ok(w.finish()?)
}

fn kind_of(claim: &Claim) -> ClaimKind {
    match claim.form {
        ClaimForm::Professional(_) => ClaimKind::Professional,
        ClaimForm::Institutional(_) => ClaimKind::Institutional,
    }
}

fn check_submission(s: &Submission) -> Result<(), Write837Error> {
    let required = [
        ("submitterName", &s.submitter_name),
        ("submitterId", &s.submitter_id),
        ("contact.name", &s.contact.name),
        ("receiverName", &s.receiver_name),
        ("receiverId", &s.receiver_id),
        ("referenceId", &s.reference_id),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            return Err(Write837Error::Submission {
                field,
                reason: "must not be empty",
            });
        }
    }
    if s.contact.phone.is_none() && s.contact.email.is_none() {
        return Err(Write837Error::Submission {
            field: "contact",
            reason: "needs a phone or an email",
        });
    }
    Ok(())
}

/// Loop 2300 (the claim) repeats at most 100 times under its HL 22 or HL 23.
const MAX_CLAIMS_PER_LEVEL: usize = 100;

/// One element to write, owned.
enum El {
    S(String),
    C(Vec<String>),
}

impl From<&str> for El {
    fn from(value: &str) -> El {
        El::S(value.to_owned())
    }
}

impl From<String> for El {
    fn from(value: String) -> El {
        El::S(value)
    }
}

impl From<&String> for El {
    fn from(value: &String) -> El {
        El::S(value.clone())
    }
}

fn composite<I: IntoIterator<Item = S>, S: Into<String>>(parts: I) -> El {
    El::C(parts.into_iter().map(Into::into).collect())
}

/// CLM11: the causes, the accident's state and country (empty when none).
fn related_causes(related: Option<&RelatedCauses>) -> El {
    let Some(related) = related else {
        return composite(Vec::<String>::new());
    };
    let cause = |n: usize| related.causes.get(n).map_or("", |c| c.code());
    composite([
        cause(0),
        cause(1),
        "",
        related.state.as_deref().unwrap_or(""),
        related.country.as_deref().unwrap_or(""),
    ])
}

/// `Y` for a flag that is set, empty (not sent) otherwise.
fn flag(set: bool) -> &'static str {
    if set { "Y" } else { "" }
}

fn yes_no(b: bool) -> &'static str {
    if b { "Y" } else { "N" }
}

/// An HI code with its present-on-admission indicator (C022-9) when it has one.
fn with_poa(qualifier: &str, code: &str, poa: Option<PresentOnAdmission>) -> El {
    match poa {
        Some(poa) => composite([qualifier, code, "", "", "", "", "", "", poa.code()]),
        None => composite([qualifier, code]),
    }
}

/// The HI segments of a list of composites: twelve per segment.
fn hi_chunks(items: Vec<El>) -> Vec<Vec<El>> {
    let mut chunks: Vec<Vec<El>> = Vec::new();
    for item in items {
        match chunks.last_mut() {
            Some(chunk) if chunk.len() < 12 => chunk.push(item),
            _ => chunks.push(vec![item]),
        }
    }
    chunks
}

macro_rules! seg {
    ($out:expr, $id:literal $(, $e:expr)* $(,)?) => {
        $out.segment($id, vec![$(El::from($e)),*])
    };
}

struct Out<'w> {
    w: &'w mut X12Writer,
    kind: ClaimKind,
}

/// Billing provider groups of consecutive claims, then subscriber groups, then patients.
struct BillingGroup<'a> {
    claim: &'a Claim,
    first: usize,
    subscribers: Vec<SubscriberGroup<'a>>,
}

/// What loop 2000A (HL 20) holds: consecutive claims that agree on it share one.
fn same_billing_level(a: &Claim, b: &Claim) -> bool {
    a.billing_provider == b.billing_provider
        && a.pay_to_provider == b.pay_to_provider
        && a.pay_to_plan == b.pay_to_plan
}

/// A patient (none when the subscriber is the patient) and the claims, with their indexes.
type PatientGroup<'a> = (Option<&'a Patient>, Vec<(usize, &'a Claim)>);

struct SubscriberGroup<'a> {
    claim: &'a Claim,
    index: usize,
    patients: Vec<PatientGroup<'a>>,
}

fn person_elements(name: &PersonName) -> [String; 5] {
    [
        name.last.clone(),
        name.first.clone(),
        name.middle.clone().unwrap_or_default(),
        String::new(),
        name.suffix.clone().unwrap_or_default(),
    ]
}

/// The secondary identifiers of `kinds`, in the order given.
fn ids_of<'a>(
    ids: &'a [ProviderSecondaryId],
    kinds: &'a [ProviderIdKind],
) -> impl Iterator<Item = &'a ProviderSecondaryId> {
    ids.iter().filter(move |id| kinds.contains(&id.kind))
}

/// The billing provider's license and UPIN (2010AA REF).
const LICENSE_KINDS: [ProviderIdKind; 2] = [ProviderIdKind::StateLicense, ProviderIdKind::Upin];
/// The billing provider's payer-assigned numbers (2010BB REF).
const PAYER_ASSIGNED_KINDS: [ProviderIdKind; 2] = [
    ProviderIdKind::CommercialNumber,
    ProviderIdKind::LocationNumber,
];

impl Out<'_> {
    /// NM1*IL: an insured person by name and member id (2010BA, 2330A).
    fn subscriber_nm1(&mut self, name: &PersonName, member_id: &str) -> Result<(), Write837Error> {
        let [last, first, middle, prefix, suffix] = person_elements(name);
        seg!(
            self, "NM1", "IL", "1", last, first, middle, prefix, suffix, "MI", member_id
        )
    }

    fn segment(&mut self, id: &str, elements: Vec<El>) -> Result<(), Write837Error> {
        let parts: Vec<Vec<&str>> = elements
            .iter()
            .map(|e| match e {
                El::C(v) => v.iter().map(String::as_str).collect(),
                El::S(_) => Vec::new(),
            })
            .collect();
        let borrowed: Vec<Element<'_>> = elements
            .iter()
            .zip(&parts)
            .map(|(e, p)| match e {
                El::S(v) => Element::Simple(v.as_str()),
                El::C(_) => Element::Composite(p.as_slice()),
            })
            .collect();
        self.w.segment(id, &borrowed)?;
        Ok(())
    }

    fn header(
        &mut self,
        s: &Submission,
        envelope: &Envelope,
        subrogation: bool,
    ) -> Result<(), Write837Error> {
        let time = envelope.time.format("%H%M").to_string();
        seg!(
            self,
            "BHT",
            "0019",
            "00",
            &s.reference_id,
            date8(envelope.date),
            time,
            if subrogation { "31" } else { "CH" }
        )?;
        seg!(
            self,
            "NM1",
            "41",
            "2",
            &s.submitter_name,
            "",
            "",
            "",
            "",
            "46",
            &s.submitter_id
        )?;
        let mut per = vec![El::from("IC"), El::from(&s.contact.name)];
        if let Some(phone) = &s.contact.phone {
            per.extend([El::from("TE"), El::from(phone)]);
        }
        if let Some(email) = &s.contact.email {
            per.extend([El::from("EM"), El::from(email)]);
        }
        self.segment("PER", per)?;
        seg!(
            self,
            "NM1",
            "40",
            "2",
            &s.receiver_name,
            "",
            "",
            "",
            "",
            "46",
            &s.receiver_id
        )
    }

    fn hierarchy(&mut self, claims: &[(usize, &Claim)]) -> Result<(), Write837Error> {
        let mut groups: Vec<BillingGroup<'_>> = Vec::new();
        for &(index, claim) in claims {
            if groups
                .last()
                .is_none_or(|g| !same_billing_level(g.claim, claim))
            {
                groups.push(BillingGroup {
                    claim,
                    first: index,
                    subscribers: Vec::new(),
                });
            }
            let Some(group) = groups.last_mut() else {
                continue;
            };
            let same_subscriber = group.subscribers.last().is_some_and(|s| {
                s.claim.subscriber == claim.subscriber
                    && s.claim.payer == claim.payer
                    && s.claim.patient.is_some() == claim.patient.is_some()
            });
            // Loop 2300 repeats at most 100 times under one subscriber or patient level: the
            // 101st claim of the same patient starts the levels again.
            let level_full = group.subscribers.last().is_some_and(|s| {
                s.patients.last().is_some_and(|(p, list)| {
                    *p == claim.patient.as_ref() && list.len() >= MAX_CLAIMS_PER_LEVEL
                })
            });
            if !same_subscriber || level_full {
                group.subscribers.push(SubscriberGroup {
                    claim,
                    index,
                    patients: Vec::new(),
                });
            }
            let Some(subscriber) = group.subscribers.last_mut() else {
                continue;
            };
            let patient = claim.patient.as_ref();
            match subscriber.patients.last_mut() {
                Some((p, list)) if *p == patient => list.push((index, claim)),
                _ => subscriber.patients.push((patient, vec![(index, claim)])),
            }
        }
        let mut hl: u32 = 0;
        for group in &groups {
            hl = hl.saturating_add(1);
            let billing_hl = hl;
            seg!(self, "HL", hl.to_string(), "", "20", "1")?;
            self.billing_level(group.first, group.claim)?;
            for subscriber in &group.subscribers {
                hl = hl.saturating_add(1);
                let subscriber_hl = hl;
                let has_patient = subscriber.claim.patient.is_some();
                seg!(
                    self,
                    "HL",
                    hl.to_string(),
                    billing_hl.to_string(),
                    "22",
                    if has_patient { "1" } else { "0" }
                )?;
                self.subscriber(subscriber.index, subscriber.claim)?;
                for (patient, claims) in &subscriber.patients {
                    if let Some(patient) = patient {
                        hl = hl.saturating_add(1);
                        seg!(
                            self,
                            "HL",
                            hl.to_string(),
                            subscriber_hl.to_string(),
                            "23",
                            "0"
                        )?;
                        self.patient(subscriber.index, patient)?;
                    }
                    for &(index, claim) in claims {
                        self.claim(index, claim)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn nm1_provider(&mut self, code: &str, provider: &Provider) -> Result<(), Write837Error> {
        let (entity, name) = match &provider.name {
            PartyName::Person(p) => ("1", person_elements(p)),
            PartyName::Organization { name } => (
                "2",
                [
                    name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            ),
        };
        let [last, first, middle, prefix, suffix] = name;
        seg!(
            self,
            "NM1",
            code,
            entity,
            last,
            first,
            middle,
            prefix,
            suffix,
            "XX",
            provider.npi.as_str()
        )
    }

    /// REF segments of secondary identifiers.
    fn secondary_ids<'a>(
        &mut self,
        ids: impl IntoIterator<Item = &'a ProviderSecondaryId>,
    ) -> Result<(), Write837Error> {
        for id in ids {
            seg!(self, "REF", id.kind.code(), &id.id)?;
        }
        Ok(())
    }

    fn address(
        &mut self,
        claim: usize,
        field: &'static str,
        address: &Address,
    ) -> Result<(), Write837Error> {
        match address.lines.as_slice() {
            [one] => seg!(self, "N3", one)?,
            [one, two] => seg!(self, "N3", one, two)?,
            [] => return Err(Write837Error::Missing { claim, field }),
            _ => {
                return Err(Write837Error::NotWritable {
                    claim,
                    field,
                    reason: "N3 holds at most two address lines",
                });
            }
        }
        seg!(
            self,
            "N4",
            &address.city,
            &address.state,
            &address.postal_code
        )
    }

    /// Loop 2000A: the billing provider (2010AA), the pay-to address (2010AB) and the pay-to
    /// plan (2010AC).
    fn billing_level(&mut self, claim: usize, c: &Claim) -> Result<(), Write837Error> {
        let p = &c.billing_provider;
        if let Some(taxonomy) = &p.taxonomy {
            seg!(self, "PRV", "BI", "PXC", taxonomy.as_str())?;
        }
        self.nm1_provider("85", p)?;
        let address = p.address.as_ref().ok_or(Write837Error::Missing {
            claim,
            field: "billingProvider.address",
        })?;
        self.address(claim, "billingProvider.address", address)?;
        match &p.tax_id {
            Some(TaxId::Ein(ein)) => seg!(self, "REF", "EI", ein)?,
            Some(TaxId::Ssn(ssn)) => seg!(self, "REF", "SY", ssn.expose())?,
            None => {
                return Err(Write837Error::Missing {
                    claim,
                    field: "billingProvider.taxId",
                });
            }
        }
        self.secondary_ids(ids_of(&p.secondary_ids, &LICENSE_KINDS))?;
        for contact in &p.contacts {
            let mut per = vec![
                El::from("IC"),
                El::from(contact.name.clone().unwrap_or_default()),
            ];
            for number in &contact.numbers {
                per.extend([El::from(number.kind.code()), El::from(&number.number)]);
            }
            self.segment("PER", per)?;
        }
        if let Some(pay_to) = &c.pay_to_provider {
            seg!(self, "NM1", "87", pay_to.entity_type.code())?;
            self.address(claim, "payToProvider.address", &pay_to.address)?;
        }
        if let Some(plan) = &c.pay_to_plan {
            seg!(
                self,
                "NM1",
                "PE",
                "2",
                &plan.name,
                "",
                "",
                "",
                "",
                plan.id_kind.code(),
                &plan.id
            )?;
            self.address(claim, "payToPlan.address", &plan.address)?;
            if let Some(id) = &plan.secondary_id {
                seg!(self, "REF", id.kind.code(), &id.id)?;
            }
            seg!(self, "REF", "EI", &plan.tax_id)?;
        }
        Ok(())
    }

    fn dmg(
        &mut self,
        claim: usize,
        field: &'static str,
        birth: Option<chrono::NaiveDate>,
        sex: Option<Sex>,
    ) -> Result<(), Write837Error> {
        match (birth, sex) {
            (None, None) => Ok(()),
            (Some(birth), Some(sex)) => {
                let sex = match sex {
                    Sex::Female => "F",
                    Sex::Male => "M",
                    Sex::Unknown => "U",
                };
                seg!(self, "DMG", "D8", date8(birth), sex)
            }
            _ => Err(Write837Error::NotWritable {
                claim,
                field,
                reason: "DMG needs both birth date and sex",
            }),
        }
    }

    /// NM1*PR with the payer's address and other identifiers (2010BB, 2330B).
    fn payer_name(
        &mut self,
        index: usize,
        payer: &crate::claim::Payer,
    ) -> Result<(), Write837Error> {
        seg!(
            self,
            "NM1",
            "PR",
            "2",
            &payer.name,
            "",
            "",
            "",
            "",
            "PI",
            &payer.payer_id
        )?;
        if let Some(address) = &payer.address {
            self.address(index, "payer.address", address)?;
        }
        Ok(())
    }

    fn payer_ids(&mut self, payer: &crate::claim::Payer) -> Result<(), Write837Error> {
        for id in &payer.secondary_ids {
            seg!(self, "REF", id.kind.code(), &id.id)?;
        }
        Ok(())
    }

    fn subscriber(&mut self, index: usize, claim: &Claim) -> Result<(), Write837Error> {
        let s = &claim.subscriber;
        let relationship = if claim.patient.is_some() { "" } else { "18" };
        let group = s.group_number.clone().unwrap_or_default();
        seg!(
            self,
            "SBR",
            responsibility(s.payer_responsibility),
            relationship,
            group,
            s.group_name.clone().unwrap_or_default(),
            s.insurance_type.map_or("", |t| t.code()),
            "",
            "",
            "",
            &claim.payer.claim_filing_indicator
        )?;
        self.subscriber_nm1(s.name.expose(), s.member_id.expose())?;
        if let Some(address) = &s.address {
            self.address(index, "subscriber.address", address.expose())?;
        }
        self.dmg(
            index,
            "subscriber.birthDate",
            s.birth_date.as_ref().map(|d| *d.expose()),
            s.sex,
        )?;
        self.payer_name(index, &claim.payer)?;
        self.payer_ids(&claim.payer)?;
        // The billing provider's payer-assigned numbers belong to the payer's loop.
        let billing = &claim.billing_provider.secondary_ids;
        self.secondary_ids(ids_of(billing, &PAYER_ASSIGNED_KINDS))
    }

    fn patient(&mut self, index: usize, p: &Patient) -> Result<(), Write837Error> {
        seg!(self, "PAT", &p.relationship)?;
        let [last, first, middle, prefix, suffix] = person_elements(p.name.expose());
        seg!(self, "NM1", "QC", "1", last, first, middle, prefix, suffix)?;
        // 2010CA N3/N4 are required.
        let address = p.address.as_ref().ok_or(Write837Error::Missing {
            claim: index,
            field: "patient.address",
        })?;
        self.address(index, "patient.address", address.expose())?;
        self.dmg(index, "patient", Some(*p.birth_date.expose()), Some(p.sex))
    }

    fn claim(&mut self, index: usize, claim: &Claim) -> Result<(), Write837Error> {
        if claim.frequency.refers_to_prior_claim() && claim.original_claim_number.is_none() {
            return Err(Write837Error::Missing {
                claim: index,
                field: "originalClaimNumber",
            });
        }
        let i = &claim.indicators;
        let assignment = match i.assignment {
            Assignment::Assigned => "A",
            Assignment::LabServicesOnly => "B",
            Assignment::NotAssigned => "C",
        };
        let release = match i.release_of_information {
            ReleaseOfInformation::Yes => "Y",
            ReleaseOfInformation::Informed => "I",
        };
        let (facility, qualifier, signature) = match &claim.form {
            ClaimForm::Professional(p) => (
                p.place_of_service.as_str().to_owned(),
                "B",
                yes_no(i.provider_signature_on_file),
            ),
            ClaimForm::Institutional(inst) => (inst.facility_type.clone(), "A", ""),
        };
        let mut elements = vec![
            El::from(&claim.patient_control_number),
            El::from(decimal(claim.total_charge.amount())),
            El::from(""),
            El::from(""),
            composite([facility.as_str(), qualifier, claim.frequency.code()]),
            El::from(signature),
            El::from(assignment),
            El::from(yes_no(i.benefits_assigned)),
            El::from(release),
            El::from(i.patient_signature_source.map_or("", |s| s.code())),
            related_causes(claim.related_causes.as_ref()),
        ];
        if let Some(delay) = claim.delay_reason {
            // CLM12 to CLM19 are not sent.
            elements.extend((12..=19).map(|_| El::from("")));
            elements.push(El::from(delay.code()));
        }
        self.segment("CLM", elements)?;
        match &claim.form {
            ClaimForm::Professional(p) => self.professional(index, claim, p),
            ClaimForm::Institutional(inst) => self.institutional(index, claim, inst),
        }
    }

    fn attachments(&mut self, attachments: &[Attachment]) -> Result<(), Write837Error> {
        for a in attachments {
            let (qualifier, number) = match &a.control_number {
                Some(number) => ("AC", number.as_str()),
                None => ("", ""),
            };
            seg!(
                self,
                "PWK",
                a.report_type.as_str(),
                a.transmission.code(),
                "",
                "",
                qualifier,
                number
            )?;
        }
        Ok(())
    }

    fn note(&mut self, note: &ClaimNote) -> Result<(), Write837Error> {
        seg!(self, "NTE", note.kind.code(), &note.text)
    }

    /// Loop 2300 REF segments, in the guides' order: referral, prior authorization, payer
    /// claim control number, CLIA number (837P), medical record number.
    fn references(&mut self, claim: &Claim, clia: Option<&str>) -> Result<(), Write837Error> {
        if let Some(referral) = &claim.referral_number {
            seg!(self, "REF", "9F", referral)?;
        }
        if let Some(auth) = &claim.prior_authorization {
            seg!(self, "REF", "G1", auth)?;
        }
        if let Some(original) = &claim.original_claim_number {
            seg!(self, "REF", "F8", original)?;
        }
        if let Some(clia) = clia {
            seg!(self, "REF", "X4", clia)?;
        }
        if let Some(record) = &claim.medical_record_number {
            seg!(self, "REF", "EA", record)?;
        }
        Ok(())
    }

    /// 837P claim dates (loop 2300 DTP), in the guide's order.
    fn professional_dates(&mut self, claim: &Claim) -> Result<(), Write837Error> {
        let d = &claim.dates;
        let accident = claim.related_causes.as_ref().and_then(|r| r.accident_date);
        for (code, date) in [
            ("431", d.onset),
            ("454", d.initial_treatment),
            ("304", d.last_seen),
            ("453", d.acute_manifestation),
            ("439", accident),
            ("484", d.last_menstrual_period),
            ("455", d.last_xray),
            ("471", d.prescription),
        ] {
            if let Some(date) = date {
                seg!(self, "DTP", code, "D8", date8(date))?;
            }
        }
        // One disability DTP: a period (314) when both ends are known, else either end.
        match (d.disability_from, d.disability_through) {
            (Some(from), Some(through)) => seg!(
                self,
                "DTP",
                "314",
                "RD8",
                format!("{}-{}", date8(from), date8(through))
            )?,
            (Some(from), None) => seg!(self, "DTP", "360", "D8", date8(from))?,
            (None, Some(through)) => seg!(self, "DTP", "361", "D8", date8(through))?,
            (None, None) => {}
        }
        for (code, date) in [
            ("297", d.last_worked),
            ("296", d.return_to_work),
            ("435", d.hospitalized_from),
            ("096", d.hospitalized_through),
            ("090", d.assumed_care),
            ("091", d.relinquished_care),
            ("444", d.first_contact),
        ] {
            if let Some(date) = date {
                seg!(self, "DTP", code, "D8", date8(date))?;
            }
        }
        Ok(())
    }

    /// CR1 and CRC*07 of an ambulance transport (2300 or 2400).
    fn ambulance_transport(&mut self, ambulance: Option<&Ambulance>) -> Result<(), Write837Error> {
        let Some(ambulance) = ambulance else {
            return Ok(());
        };
        if let Some(t) = &ambulance.transport {
            let (weight_unit, weight) = match t.patient_weight_pounds {
                Some(w) => ("LB", decimal(w)),
                None => ("", String::new()),
            };
            seg!(
                self,
                "CR1",
                weight_unit,
                weight,
                "",
                t.reason.code(),
                "DH",
                decimal(t.miles),
                "",
                "",
                t.round_trip_purpose.clone().unwrap_or_default(),
                t.stretcher_purpose.clone().unwrap_or_default()
            )?;
        }
        Ok(())
    }

    fn ambulance_certifications(
        &mut self,
        ambulance: Option<&Ambulance>,
    ) -> Result<(), Write837Error> {
        for c in ambulance
            .map(|a| a.certifications.as_slice())
            .unwrap_or(&[])
        {
            let mut elements = vec![El::from("07"), El::from(yes_no(c.applies))];
            elements.extend(c.conditions.iter().map(|k| El::from(k.code())));
            self.segment("CRC", elements)?;
        }
        Ok(())
    }

    /// Loops 2310E/2310F or 2420G/2420H: where the patient was picked up and dropped off.
    fn ambulance_locations(
        &mut self,
        index: usize,
        ambulance: Option<&Ambulance>,
    ) -> Result<(), Write837Error> {
        let Some(ambulance) = ambulance else {
            return Ok(());
        };
        if let Some(address) = &ambulance.pick_up {
            seg!(self, "NM1", "PW", "2")?;
            self.address(index, "ambulance.pickUp", address)?;
        }
        if let Some(drop_off) = &ambulance.drop_off {
            seg!(
                self,
                "NM1",
                "45",
                "2",
                drop_off.name.clone().unwrap_or_default()
            )?;
            self.address(index, "ambulance.dropOff.address", &drop_off.address)?;
        }
        Ok(())
    }

    /// A provider loop of a person or organization: NM1, PRV (with `prv`) and REF.
    fn provider_loop(
        &mut self,
        code: &str,
        provider: &Provider,
        prv: Option<&str>,
    ) -> Result<(), Write837Error> {
        self.nm1_provider(code, provider)?;
        if let (Some(qualifier), Some(taxonomy)) = (prv, &provider.taxonomy) {
            seg!(self, "PRV", qualifier, "PXC", taxonomy.as_str())?;
        }
        self.secondary_ids(&provider.secondary_ids)
    }

    fn professional(
        &mut self,
        index: usize,
        claim: &Claim,
        p: &Professional,
    ) -> Result<(), Write837Error> {
        self.professional_dates(claim)?;
        self.attachments(&claim.attachments)?;
        if let Some(paid) = p.patient_amount_paid {
            seg!(self, "AMT", "F5", decimal(paid.amount()))?;
        }
        self.references(claim, p.clia_number.as_deref())?;
        for note in &claim.notes {
            self.note(note)?;
        }
        self.ambulance_transport(p.ambulance.as_ref())?;
        if let Some(spinal) = &p.spinal_manipulation {
            seg!(
                self,
                "CR2",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                spinal.condition.code(),
                "",
                spinal.description.clone().unwrap_or_default(),
                spinal.more_description.clone().unwrap_or_default()
            )?;
        }
        self.ambulance_certifications(p.ambulance.as_ref())?;
        if claim.diagnoses.is_empty() {
            return Err(Write837Error::Missing {
                claim: index,
                field: "diagnoses",
            });
        }
        if claim.diagnoses.len() > 12 {
            return Err(Write837Error::NotWritable {
                claim: index,
                field: "diagnoses",
                reason: "837P HI holds at most 12 diagnoses",
            });
        }
        let hi: Vec<El> = claim
            .diagnoses
            .iter()
            .enumerate()
            .map(|(n, code)| composite([if n == 0 { "ABK" } else { "ABF" }, code.as_str()]))
            .collect();
        self.segment("HI", hi)?;
        let conditions = p
            .condition_codes
            .iter()
            .map(|c| composite(["BG", c.as_str()]))
            .collect();
        for chunk in hi_chunks(conditions) {
            self.segment("HI", chunk)?;
        }
        if let Some(referring) = &claim.referring_provider {
            self.person_provider(index, "DN", referring, "referringProvider")?;
            self.no_extras(index, referring, "referringProvider", false)?;
            self.secondary_ids(&referring.secondary_ids)?;
        }
        if let Some(rendering) = &claim.rendering_provider {
            self.provider_loop("82", rendering, Some("PE"))?;
            self.no_extras(index, rendering, "renderingProvider", true)?;
        }
        self.facility(index, claim)?;
        if let Some(supervising) = &p.supervising_provider {
            self.provider_loop("DQ", supervising, None)?;
        }
        self.ambulance_locations(index, p.ambulance.as_ref())?;
        self.other_payers(index, claim)?;
        for (n, line) in p.lines.iter().enumerate() {
            self.professional_line(index, claim, n, line)?;
        }
        Ok(())
    }

    fn professional_line(
        &mut self,
        index: usize,
        claim: &Claim,
        n: usize,
        line: &ProfessionalLine,
    ) -> Result<(), Write837Error> {
        let number = n.saturating_add(1).to_string();
        seg!(self, "LX", number)?;
        let mut procedure = vec!["HC".to_owned(), line.procedure.as_str().to_owned()];
        procedure.extend(line.modifiers.iter().map(|m| m.as_str().to_owned()));
        if line.modifiers.len() > 4 || line.diagnosis_pointers.len() > 4 {
            return Err(Write837Error::NotWritable {
                claim: index,
                field: "form.professional.lines",
                reason: "SV1 holds at most four modifiers and four diagnosis pointers",
            });
        }
        let (unit, quantity) = match line.quantity {
            Quantity::Units(units) => ("UN", decimal(units)),
            Quantity::Minutes(minutes) => ("MJ", minutes.to_string()),
        };
        let pos = line
            .place_of_service
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        let pointers: Vec<String> = line.diagnosis_pointers.iter().map(u8::to_string).collect();
        seg!(
            self,
            "SV1",
            El::C(procedure),
            decimal(line.charge.amount()),
            unit,
            quantity,
            pos,
            "",
            El::C(pointers),
            "",
            flag(line.emergency),
            "",
            flag(line.epsdt),
            flag(line.family_planning)
        )?;
        self.attachments(&line.attachments)?;
        let dme = line.durable_medical_equipment.as_ref();
        if let Some(transmission) = dme.and_then(|d| d.certificate_transmission) {
            seg!(self, "PWK", "CT", transmission.code())?;
        }
        self.ambulance_transport(line.ambulance.as_ref())?;
        if let Some(certification) = dme.and_then(|d| d.certification) {
            seg!(
                self,
                "CR3",
                certification.kind.code(),
                "MO",
                certification.months.to_string()
            )?;
        }
        self.ambulance_certifications(line.ambulance.as_ref())?;
        if let Some(condition) = dme.and_then(|d| d.condition.as_ref()) {
            let mut elements = vec![El::from("09"), El::from(yes_no(condition.applies))];
            elements.extend(condition.conditions.iter().map(|k| El::from(k.code())));
            self.segment("CRC", elements)?;
        }
        match line.service_date_end {
            Some(end) => seg!(
                self,
                "DTP",
                "472",
                "RD8",
                format!("{}-{}", date8(line.service_date), date8(end))
            )?,
            None => seg!(self, "DTP", "472", "D8", date8(line.service_date))?,
        }
        if let Some(dme) = dme {
            for (code, date) in [
                ("607", dme.certification_revision),
                ("463", dme.begin_therapy),
                ("461", dme.last_certification),
            ] {
                if let Some(date) = date {
                    seg!(self, "DTP", code, "D8", date8(date))?;
                }
            }
        }
        if let Some(count) = line.ambulance.as_ref().and_then(|a| a.patient_count) {
            seg!(self, "QTY", "PT", count.to_string())?;
        }
        for auth in &line.prior_authorizations {
            seg!(self, "REF", "G1", auth)?;
        }
        self.line_control(claim, n, line.line_item_control_number.as_deref())?;
        if let Some(clia) = &line.clia_number {
            seg!(self, "REF", "X4", clia)?;
        }
        for referral in &line.referral_numbers {
            seg!(self, "REF", "9F", referral)?;
        }
        if let Some(note) = &line.note {
            self.note(note)?;
        }
        if let Some(text) = &line.third_party_note {
            seg!(self, "NTE", "TPO", text)?;
        }
        if let Some(purchased) = &line.purchased_service {
            seg!(
                self,
                "PS1",
                &purchased.provider_id,
                decimal(purchased.charge.amount())
            )?;
        }
        self.drug(line.drug.as_ref())?;
        if let Some(rendering) = &line.rendering_provider {
            self.provider_loop("82", rendering, Some("PE"))?;
            self.no_extras(
                index,
                rendering,
                "form.professional.lines.renderingProvider",
                true,
            )?;
        }
        if let Some(purchased) = &line.purchased_service_provider {
            let npi = purchased
                .npi
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default();
            let qualifier = if npi.is_empty() { "" } else { "XX" };
            seg!(
                self,
                "NM1",
                "QB",
                purchased.entity_type.code(),
                "",
                "",
                "",
                "",
                "",
                qualifier,
                npi
            )?;
            self.secondary_ids(&purchased.secondary_ids)?;
        }
        if let Some(supervising) = &line.supervising_provider {
            self.provider_loop("DQ", supervising, None)?;
        }
        if let Some(ordering) = &line.ordering_provider {
            self.nm1_provider("DK", ordering)?;
            if let Some(address) = &ordering.address {
                self.address(
                    index,
                    "form.professional.lines.orderingProvider.address",
                    address,
                )?;
            }
            self.secondary_ids(&ordering.secondary_ids)?;
        }
        self.ambulance_locations(index, line.ambulance.as_ref())?;
        self.line_adjudications(index, claim, n)
    }

    fn institutional(
        &mut self,
        index: usize,
        claim: &Claim,
        inst: &Institutional,
    ) -> Result<(), Write837Error> {
        let dates_used = claim.dates.fields().iter().any(|(_, d)| d.is_some());
        if dates_used || claim.related_causes.is_some() {
            return Err(Write837Error::NotWritable {
                claim: index,
                field: "dates",
                reason: "837I carries these as occurrence codes and admission, not DTP",
            });
        }
        if let Some(hour) = inst.discharge_hour {
            seg!(self, "DTP", "096", "TM", format!("{hour:02}00"))?;
        }
        seg!(
            self,
            "DTP",
            "434",
            "RD8",
            format!(
                "{}-{}",
                date8(inst.statement_from),
                date8(inst.statement_through)
            )
        )?;
        let admission = inst.admission.as_ref();
        if let Some(date) = admission.and_then(|a| a.date) {
            match admission.and_then(|a| a.hour) {
                Some(hour) => seg!(
                    self,
                    "DTP",
                    "435",
                    "DT",
                    format!("{}{hour:02}00", date8(date))
                )?,
                None => seg!(self, "DTP", "435", "D8", date8(date))?,
            }
        }
        seg!(
            self,
            "CL1",
            admission.map(|a| a.type_code.clone()).unwrap_or_default(),
            admission
                .and_then(|a| a.source_code.clone())
                .unwrap_or_default(),
            &inst.patient_status
        )?;
        self.attachments(&claim.attachments)?;
        if let Some(due) = inst.estimated_amount_due {
            seg!(self, "AMT", "F3", decimal(due.amount()))?;
        }
        self.references(claim, None)?;
        for note in &claim.notes {
            self.note(note)?;
        }
        if let Some(text) = &inst.billing_note {
            seg!(self, "NTE", "ADD", text)?;
        }
        self.institutional_codes(index, claim, inst)?;
        let attending = &inst.attending_provider;
        self.person_provider(
            index,
            "71",
            attending,
            "form.institutional.attendingProvider",
        )?;
        if let Some(taxonomy) = &attending.taxonomy {
            seg!(self, "PRV", "AT", "PXC", taxonomy.as_str())?;
        }
        self.no_extras(
            index,
            attending,
            "form.institutional.attendingProvider",
            true,
        )?;
        self.secondary_ids(&attending.secondary_ids)?;
        for (code, provider, field) in [
            (
                "72",
                inst.operating_provider.as_ref(),
                "form.institutional.operatingProvider",
            ),
            (
                "ZZ",
                inst.other_operating_provider.as_ref(),
                "form.institutional.otherOperatingProvider",
            ),
            ("82", claim.rendering_provider.as_ref(), "renderingProvider"),
        ] {
            if let Some(provider) = provider {
                self.person_provider(index, code, provider, field)?;
                self.no_extras(index, provider, field, false)?;
                self.secondary_ids(&provider.secondary_ids)?;
            }
        }
        self.facility(index, claim)?;
        if let Some(referring) = &claim.referring_provider {
            self.person_provider(index, "DN", referring, "referringProvider")?;
            self.no_extras(index, referring, "referringProvider", false)?;
            self.secondary_ids(&referring.secondary_ids)?;
        }
        self.other_payers(index, claim)?;
        for (n, line) in inst.lines.iter().enumerate() {
            seg!(self, "LX", n.saturating_add(1).to_string())?;
            if line.modifiers.len() > 4 {
                return Err(Write837Error::NotWritable {
                    claim: index,
                    field: "form.institutional.lines.modifiers",
                    reason: "SV202 holds at most four modifiers",
                });
            }
            let procedure = match &line.procedure {
                Some(code) => {
                    let mut parts = vec!["HC".to_owned(), code.as_str().to_owned()];
                    parts.extend(line.modifiers.iter().map(|m| m.as_str().to_owned()));
                    El::C(parts)
                }
                None if line.modifiers.is_empty() => El::from(""),
                None => {
                    return Err(Write837Error::NotWritable {
                        claim: index,
                        field: "form.institutional.lines.modifiers",
                        reason: "modifiers need a procedure code",
                    });
                }
            };
            let non_covered = line
                .non_covered_charge
                .map(|m| decimal(m.amount()))
                .unwrap_or_default();
            seg!(
                self,
                "SV2",
                line.revenue_code.as_str(),
                procedure,
                decimal(line.charge.amount()),
                "UN",
                decimal(line.units),
                "",
                non_covered
            )?;
            if let Some(date) = line.service_date {
                seg!(self, "DTP", "472", "D8", date8(date))?;
            }
            self.line_control(claim, n, line.line_item_control_number.as_deref())?;
            self.drug(line.drug.as_ref())?;
            self.line_adjudications(index, claim, n)?;
        }
        Ok(())
    }

    /// The 837I HI segments, in the guide's order: principal, admitting, reason for visit,
    /// external cause, DRG, other diagnoses, principal and other procedures, occurrence spans,
    /// occurrences, values, conditions, treatment codes.
    fn institutional_codes(
        &mut self,
        index: usize,
        claim: &Claim,
        inst: &Institutional,
    ) -> Result<(), Write837Error> {
        let Some((principal, others)) = claim.diagnoses.split_first() else {
            return Err(Write837Error::Missing {
                claim: index,
                field: "diagnoses",
            });
        };
        if others.len() > 24 {
            return Err(Write837Error::NotWritable {
                claim: index,
                field: "diagnoses",
                reason: "837I holds a principal and at most 24 other diagnoses",
            });
        }
        let poa = |n: usize| inst.present_on_admission.get(n).copied().flatten();
        seg!(self, "HI", with_poa("ABK", principal.as_str(), poa(0)))?;
        if let Some(admitting) = &inst.admitting_diagnosis {
            seg!(self, "HI", composite(["ABJ", admitting.as_str()]))?;
        }
        if !inst.reasons_for_visit.is_empty() {
            let reasons = inst
                .reasons_for_visit
                .iter()
                .map(|c| composite(["APR", c.as_str()]))
                .collect();
            self.segment("HI", reasons)?;
        }
        if !inst.external_causes.is_empty() {
            let causes = inst
                .external_causes
                .iter()
                .map(|c| with_poa("ABN", c.code.as_str(), c.present_on_admission))
                .collect();
            self.segment("HI", causes)?;
        }
        if let Some(drg) = &inst.drg {
            seg!(self, "HI", composite(["DR", drg.as_str()]))?;
        }
        let others = others
            .iter()
            .enumerate()
            .map(|(n, c)| with_poa("ABF", c.as_str(), poa(n.saturating_add(1))))
            .collect();
        for chunk in hi_chunks(others) {
            self.segment("HI", chunk)?;
        }
        let procedure = |qualifier: &str, p: &crate::claim::PcsProcedure| {
            let date = p.date.map(date8).unwrap_or_default();
            let format = if date.is_empty() { "" } else { "D8" };
            composite([qualifier, p.code.as_str(), format, date.as_str()])
        };
        if let Some((principal, others)) = inst.procedures.split_first() {
            seg!(self, "HI", procedure("BBR", principal))?;
            let others = others.iter().map(|p| procedure("BBQ", p)).collect();
            for chunk in hi_chunks(others) {
                self.segment("HI", chunk)?;
            }
        }
        let spans = inst
            .occurrence_spans
            .iter()
            .map(|s| {
                composite([
                    "BI".to_owned(),
                    s.code.clone(),
                    "RD8".into(),
                    format!("{}-{}", date8(s.from), date8(s.through)),
                ])
            })
            .collect();
        let occurrences = inst
            .occurrence_codes
            .iter()
            .map(|o| composite(["BH".to_owned(), o.code.clone(), "D8".into(), date8(o.date)]))
            .collect();
        let values = inst
            .value_codes
            .iter()
            .map(|v| {
                composite([
                    "BE".to_owned(),
                    v.code.clone(),
                    String::new(),
                    String::new(),
                    decimal(v.amount.amount()),
                ])
            })
            .collect();
        let conditions = inst
            .condition_codes
            .iter()
            .map(|c| composite(["BG", c.as_str()]))
            .collect();
        let treatments = inst
            .treatment_codes
            .iter()
            .map(|c| composite(["TC", c.as_str()]))
            .collect();
        for list in [spans, occurrences, values, conditions, treatments] {
            for chunk in hi_chunks(list) {
                self.segment("HI", chunk)?;
            }
        }
        Ok(())
    }

    /// NM1 for a provider who must be a person (referring, attending, operating…).
    fn person_provider(
        &mut self,
        index: usize,
        code: &str,
        provider: &Provider,
        field: &'static str,
    ) -> Result<(), Write837Error> {
        let person = matches!(provider.name, PartyName::Person(_));
        let organization_allowed = code == "82" && self.kind == ClaimKind::Professional;
        if !person && !organization_allowed {
            return Err(Write837Error::NotWritable {
                claim: index,
                field,
                reason: "this provider must be a person in the 837",
            });
        }
        self.nm1_provider(code, provider)
    }

    /// Refuses what a non-billing provider loop has no place for.
    fn no_extras(
        &self,
        claim: usize,
        provider: &Provider,
        field: &'static str,
        taxonomy_allowed: bool,
    ) -> Result<(), Write837Error> {
        if provider.address.is_some() || provider.tax_id.is_some() {
            return Err(Write837Error::NotWritable {
                claim,
                field,
                reason: "only the billing provider carries an address and tax id",
            });
        }
        if provider.taxonomy.is_some() && !taxonomy_allowed {
            return Err(Write837Error::NotWritable {
                claim,
                field,
                reason: "this provider loop has no PRV taxonomy",
            });
        }
        Ok(())
    }

    fn facility(&mut self, index: usize, claim: &Claim) -> Result<(), Write837Error> {
        let Some(f) = &claim.service_facility else {
            return Ok(());
        };
        let npi = f.npi.map(|n| n.as_str().to_owned()).unwrap_or_default();
        let qualifier = if npi.is_empty() { "" } else { "XX" };
        seg!(
            self, "NM1", "77", "2", &f.name, "", "", "", "", qualifier, npi
        )?;
        self.address(index, "serviceFacility.address", &f.address)?;
        self.secondary_ids(&f.secondary_ids)
    }

    fn line_control(
        &mut self,
        claim: &Claim,
        n: usize,
        number: Option<&str>,
    ) -> Result<(), Write837Error> {
        let number = match number {
            Some(number) => number.to_owned(),
            None => line_control_number(&claim.patient_control_number, n),
        };
        seg!(self, "REF", "6R", number)
    }

    fn drug(&mut self, drug: Option<&DrugQuantity>) -> Result<(), Write837Error> {
        let Some(drug) = drug else {
            return Ok(());
        };
        let unit = match drug.unit {
            DrugUnit::F2 => "F2",
            DrugUnit::GR => "GR",
            DrugUnit::ME => "ME",
            DrugUnit::ML => "ML",
            DrugUnit::UN => "UN",
        };
        seg!(self, "LIN", "", "N4", drug.ndc.as_str())?;
        seg!(
            self,
            "CTP",
            "",
            "",
            "",
            decimal(drug.quantity),
            composite([unit])
        )
    }

    fn cas(&mut self, adjustments: &[ClaimAdjustment]) -> Result<(), Write837Error> {
        // One CAS per run of the same group code, at most six reasons each: the order of the
        // adjustments is kept.
        for run in cas_segments(adjustments) {
            let Some(first) = run.first() else {
                continue;
            };
            let mut elements = vec![El::from(first.group.as_str())];
            for a in run {
                elements.extend([
                    El::from(a.reason.as_str()),
                    El::from(decimal(a.amount.amount())),
                    El::from(a.quantity.map(decimal).unwrap_or_default()),
                ]);
            }
            self.segment("CAS", elements)?;
        }
        Ok(())
    }

    fn other_payers(&mut self, index: usize, claim: &Claim) -> Result<(), Write837Error> {
        let i = &claim.indicators;
        let lines = claim.line_count();
        for other in &claim.other_payers {
            self.other_payer(index, other, i, lines)?;
        }
        Ok(())
    }

    fn amount(
        &mut self,
        qualifier: &str,
        amount: Option<crate::money::Money>,
    ) -> Result<(), Write837Error> {
        if let Some(amount) = amount {
            seg!(self, "AMT", qualifier, decimal(amount.amount()))?;
        }
        Ok(())
    }

    fn other_payer(
        &mut self,
        index: usize,
        o: &OtherPayer,
        i: &crate::claim::ClaimIndicators,
        lines: usize,
    ) -> Result<(), Write837Error> {
        if o.lines.iter().any(|l| l.line >= lines) {
            return Err(Write837Error::NotWritable {
                claim: index,
                field: "otherPayers.lines.line",
                reason: "names a line the claim does not have",
            });
        }
        seg!(
            self,
            "SBR",
            responsibility(o.responsibility),
            &o.relationship,
            o.group_number.clone().unwrap_or_default(),
            o.group_name.clone().unwrap_or_default(),
            o.insurance_type.map_or("", |t| t.code()),
            "",
            "",
            "",
            &o.payer.claim_filing_indicator
        )?;
        self.cas(&o.adjustments)?;
        self.amount("D", o.paid)?;
        // The guides order the two amounts differently.
        match self.kind {
            ClaimKind::Professional => {
                self.amount("A8", o.non_covered)?;
                self.amount("EAF", o.remaining_patient_liability)?;
            }
            ClaimKind::Institutional => {
                self.amount("EAF", o.remaining_patient_liability)?;
                self.amount("A8", o.non_covered)?;
            }
        }
        let benefits = if i.benefits_assigned { "Y" } else { "N" };
        let release = match i.release_of_information {
            ReleaseOfInformation::Yes => "Y",
            ReleaseOfInformation::Informed => "I",
        };
        seg!(self, "OI", "", "", benefits, "", "", release)?;
        if let Some(mia) = &o.inpatient_adjudication {
            let money = |m: Option<crate::money::Money>| {
                El::from(m.map(|m| decimal(m.amount())).unwrap_or_default())
            };
            let quantity =
                |q: Option<rust_decimal::Decimal>| El::from(q.map(decimal).unwrap_or_default());
            let remark = |n: usize| {
                El::from(
                    mia.remarks
                        .get(n)
                        .map(|r| r.as_str().to_owned())
                        .unwrap_or_default(),
                )
            };
            let elements = vec![
                El::from(decimal(mia.covered_days)),
                money(mia.pps_operating_outlier),
                quantity(mia.lifetime_psychiatric_days),
                money(mia.drg_amount),
                remark(0),
                money(mia.disproportionate_share),
                money(mia.msp_pass_through),
                money(mia.pps_capital),
                money(mia.pps_capital_fsp_drg),
                money(mia.pps_capital_hsp_drg),
                money(mia.pps_capital_dsh_drg),
                money(mia.old_capital),
                money(mia.pps_capital_ime),
                money(mia.pps_operating_hospital_specific_drg),
                quantity(mia.cost_report_days),
                money(mia.pps_operating_federal_specific_drg),
                money(mia.pps_capital_outlier),
                money(mia.indirect_teaching),
                money(mia.nonpayable_professional_component),
                remark(1),
                remark(2),
                remark(3),
                remark(4),
                money(mia.pps_capital_exception),
            ];
            self.segment("MIA", elements)?;
        }
        if let Some(moa) = &o.outpatient_adjudication {
            let money = |m: Option<crate::money::Money>| {
                El::from(m.map(|m| decimal(m.amount())).unwrap_or_default())
            };
            let remark = |n: usize| {
                El::from(
                    moa.remarks
                        .get(n)
                        .map(|r| r.as_str().to_owned())
                        .unwrap_or_default(),
                )
            };
            let elements = vec![
                El::from(moa.reimbursement_rate.map(decimal).unwrap_or_default()),
                money(moa.hcpcs_payable),
                remark(0),
                remark(1),
                remark(2),
                remark(3),
                remark(4),
                money(moa.esrd_payment),
                money(moa.nonpayable_professional_component),
            ];
            self.segment("MOA", elements)?;
        }
        self.subscriber_nm1(o.subscriber_name.expose(), o.subscriber_member_id.expose())?;
        self.payer_name(index, &o.payer)?;
        if let Some(date) = o.adjudicated {
            seg!(self, "DTP", "573", "D8", date8(date))?;
        }
        self.payer_ids(&o.payer)?;
        if let Some(number) = &o.prior_authorization {
            seg!(self, "REF", "G1", number)?;
        }
        if let Some(number) = &o.referral_number {
            seg!(self, "REF", "9F", number)?;
        }
        if let Some(number) = &o.claim_control_number {
            seg!(self, "REF", "F8", number)?;
        }
        Ok(())
    }

    fn line_adjudications(
        &mut self,
        index: usize,
        claim: &Claim,
        n: usize,
    ) -> Result<(), Write837Error> {
        for other in &claim.other_payers {
            for a in other.lines.iter().filter(|a| a.line == n) {
                let procedure = match (&a.procedure, self.kind) {
                    (Some(code), _) => {
                        let mut parts = vec!["HC".to_owned(), code.as_str().to_owned()];
                        parts.extend(a.modifiers.iter().map(|m| m.as_str().to_owned()));
                        El::C(parts)
                    }
                    (None, ClaimKind::Institutional) if a.modifiers.is_empty() => El::from(""),
                    (None, _) => {
                        return Err(Write837Error::Missing {
                            claim: index,
                            field: "otherPayers.lines.procedure",
                        });
                    }
                };
                let revenue = match (a.revenue_code, self.kind) {
                    (Some(code), ClaimKind::Institutional) => code.as_str().to_owned(),
                    (None, _) => String::new(),
                    (Some(_), ClaimKind::Professional) => {
                        return Err(Write837Error::NotWritable {
                            claim: index,
                            field: "otherPayers.lines.revenueCode",
                            reason: "837P SVD has no revenue code",
                        });
                    }
                };
                seg!(
                    self,
                    "SVD",
                    &other.payer.payer_id,
                    decimal(a.paid.amount()),
                    procedure,
                    revenue,
                    decimal(a.units)
                )?;
                self.cas(&a.adjustments)?;
                seg!(self, "DTP", "573", "D8", date8(a.adjudication_date))?;
                self.amount("EAF", a.remaining_patient_liability)?;
            }
        }
        Ok(())
    }
}

fn responsibility(r: PayerResponsibility) -> &'static str {
    match r {
        PayerResponsibility::Primary => "P",
        PayerResponsibility::Secondary => "S",
        PayerResponsibility::Tertiary => "T",
    }
}
