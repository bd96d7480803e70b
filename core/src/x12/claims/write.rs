//! Writing [`Claim`]s as 837P (005010X222A1) and 837I (005010X223A2).
//!
//! Professional claims go into one functional group and transaction set, institutional
//! claims into another. Within a set, consecutive claims with the same billing provider share
//! its HL 20, consecutive claims with the same subscriber and payer share an HL 22, and
//! consecutive claims of the same patient share an HL 23: claims are written in the order
//! given (sort them to group more), so reading the file back gives them in the same order.

use super::{ClaimKind, INSTITUTIONAL_VERSION, PROFESSIONAL_VERSION, Submission};
use crate::claim::{
    Address, Assignment, Claim, ClaimAdjustment, ClaimForm, DrugQuantity, DrugUnit, Institutional,
    OtherPayer, PartyName, Patient, PayerResponsibility, PersonName, Professional, Provider,
    Quantity, RelatedCauses, ReleaseOfInformation, Sex, TaxId, cas_segments,
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
/// professional first. ST02 counts up from `submission.first_control_number`.
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
        let selected: Vec<(usize, &Claim)> = claims
            .iter()
            .enumerate()
            .filter(|(_, c)| kind_of(c) == kind)
            .collect();
        if selected.is_empty() {
            continue;
        }
        w.begin_group("HC", version)?;
        let control_text = format!("{control:04}");
        w.begin_transaction("837", &control_text, Some(version))?;
        let mut out = Out { w: &mut w, kind };
        out.header(submission, envelope)?;
        out.hierarchy(&selected)?;
        w.end_transaction()?;
        w.end_group()?;
        control = control.checked_add(1).ok_or(Write837Error::Submission {
            field: "firstControlNumber",
            reason: "too large",
        })?;
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
    provider: &'a Provider,
    first: usize,
    subscribers: Vec<SubscriberGroup<'a>>,
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

    fn header(&mut self, s: &Submission, envelope: &Envelope) -> Result<(), Write837Error> {
        let time = envelope.time.format("%H%M").to_string();
        seg!(
            self,
            "BHT",
            "0019",
            "00",
            &s.reference_id,
            date8(envelope.date),
            time,
            "CH"
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
                .is_none_or(|g| *g.provider != claim.billing_provider)
            {
                groups.push(BillingGroup {
                    provider: &claim.billing_provider,
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
            self.billing_provider(group.first, group.provider)?;
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

    fn billing_provider(&mut self, claim: usize, p: &Provider) -> Result<(), Write837Error> {
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
            Some(TaxId::Ein(ein)) => seg!(self, "REF", "EI", ein),
            Some(TaxId::Ssn(ssn)) => seg!(self, "REF", "SY", ssn.expose()),
            None => Err(Write837Error::Missing {
                claim,
                field: "billingProvider.taxId",
            }),
        }
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
            "",
            "",
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
        seg!(
            self,
            "NM1",
            "PR",
            "2",
            &claim.payer.name,
            "",
            "",
            "",
            "",
            "PI",
            &claim.payer.payer_id
        )
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
        let yes_no = |b: bool| if b { "Y" } else { "N" };
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
        seg!(
            self,
            "CLM",
            &claim.patient_control_number,
            decimal(claim.total_charge.amount()),
            "",
            "",
            composite([facility.as_str(), qualifier, claim.frequency.code()]),
            signature,
            assignment,
            yes_no(i.benefits_assigned),
            release,
            "",
            related_causes(claim.related_causes.as_ref())
        )?;
        match &claim.form {
            ClaimForm::Professional(p) => self.professional(index, claim, p),
            ClaimForm::Institutional(inst) => self.institutional(index, claim, inst),
        }
    }

    fn references(&mut self, claim: &Claim) -> Result<(), Write837Error> {
        if let Some(auth) = &claim.prior_authorization {
            seg!(self, "REF", "G1", auth)?;
        }
        if let Some(original) = &claim.original_claim_number {
            seg!(self, "REF", "F8", original)?;
        }
        Ok(())
    }

    fn professional(
        &mut self,
        index: usize,
        claim: &Claim,
        p: &Professional,
    ) -> Result<(), Write837Error> {
        let d = &claim.dates;
        for (code, date) in [
            ("431", d.onset),
            ("454", d.initial_treatment),
            ("304", d.last_seen),
            (
                "439",
                claim.related_causes.as_ref().and_then(|r| r.accident_date),
            ),
            ("435", d.hospitalized_from),
            ("096", d.hospitalized_through),
        ] {
            if let Some(date) = date {
                seg!(self, "DTP", code, "D8", date8(date))?;
            }
        }
        self.references(claim)?;
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
        if let Some(referring) = &claim.referring_provider {
            self.person_provider(index, "DN", referring, "referringProvider")?;
            self.no_extras(index, referring, "referringProvider", false)?;
        }
        if let Some(rendering) = &claim.rendering_provider {
            self.nm1_provider("82", rendering)?;
            if let Some(taxonomy) = &rendering.taxonomy {
                seg!(self, "PRV", "PE", "PXC", taxonomy.as_str())?;
            }
            self.no_extras(index, rendering, "renderingProvider", true)?;
        }
        self.facility(index, claim)?;
        self.other_payers(index, claim)?;
        for (n, line) in p.lines.iter().enumerate() {
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
                El::C(pointers)
            )?;
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
            self.line_control(claim, n, line.line_item_control_number.as_deref())?;
            self.drug(line.drug.as_ref())?;
            if let Some(rendering) = &line.rendering_provider {
                self.nm1_provider("82", rendering)?;
                if let Some(taxonomy) = &rendering.taxonomy {
                    seg!(self, "PRV", "PE", "PXC", taxonomy.as_str())?;
                }
                self.no_extras(
                    index,
                    rendering,
                    "form.professional.lines.renderingProvider",
                    true,
                )?;
            }
            self.line_adjudications(index, claim, n)?;
        }
        Ok(())
    }

    fn institutional(
        &mut self,
        index: usize,
        claim: &Claim,
        inst: &Institutional,
    ) -> Result<(), Write837Error> {
        let d = &claim.dates;
        if d.onset.is_some()
            || d.initial_treatment.is_some()
            || d.last_seen.is_some()
            || claim.related_causes.is_some()
            || d.hospitalized_from.is_some()
            || d.hospitalized_through.is_some()
        {
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
        if let Some(admission) = &inst.admission {
            match admission.hour {
                Some(hour) => seg!(
                    self,
                    "DTP",
                    "435",
                    "DT",
                    format!("{}{hour:02}00", date8(admission.date))
                )?,
                None => seg!(self, "DTP", "435", "D8", date8(admission.date))?,
            }
            seg!(
                self,
                "CL1",
                &admission.type_code,
                admission.source_code.clone().unwrap_or_default(),
                &inst.patient_status
            )?;
        } else {
            seg!(self, "CL1", "", "", &inst.patient_status)?;
        }
        self.references(claim)?;
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
        seg!(self, "HI", composite(["ABK", principal.as_str()]))?;
        for chunk in others.chunks(12) {
            let hi = chunk
                .iter()
                .map(|c| composite(["ABF", c.as_str()]))
                .collect();
            self.segment("HI", hi)?;
        }
        for chunk in inst.occurrence_codes.chunks(12) {
            let hi = chunk
                .iter()
                .map(|o| composite(["BH".to_owned(), o.code.clone(), "D8".into(), date8(o.date)]))
                .collect();
            self.segment("HI", hi)?;
        }
        for chunk in inst.value_codes.chunks(12) {
            let hi = chunk
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
            self.segment("HI", hi)?;
        }
        for chunk in inst.condition_codes.chunks(12) {
            let hi = chunk
                .iter()
                .map(|c| composite(["BG", c.as_str()]))
                .collect();
            self.segment("HI", hi)?;
        }
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
        if let Some(operating) = &inst.operating_provider {
            self.person_provider(
                index,
                "72",
                operating,
                "form.institutional.operatingProvider",
            )?;
            self.no_extras(
                index,
                operating,
                "form.institutional.operatingProvider",
                false,
            )?;
        }
        if let Some(rendering) = &claim.rendering_provider {
            self.person_provider(index, "82", rendering, "renderingProvider")?;
            self.no_extras(index, rendering, "renderingProvider", false)?;
        }
        self.facility(index, claim)?;
        if let Some(referring) = &claim.referring_provider {
            self.person_provider(index, "DN", referring, "referringProvider")?;
            self.no_extras(index, referring, "referringProvider", false)?;
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
        self.address(index, "serviceFacility.address", &f.address)
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
            "",
            "",
            "",
            "",
            "",
            &o.payer.claim_filing_indicator
        )?;
        self.cas(&o.adjustments)?;
        if let Some(paid) = o.paid {
            seg!(self, "AMT", "D", decimal(paid.amount()))?;
        }
        let benefits = if i.benefits_assigned { "Y" } else { "N" };
        let release = match i.release_of_information {
            ReleaseOfInformation::Yes => "Y",
            ReleaseOfInformation::Informed => "I",
        };
        seg!(self, "OI", "", "", benefits, "", "", release)?;
        self.subscriber_nm1(o.subscriber_name.expose(), o.subscriber_member_id.expose())?;
        seg!(
            self,
            "NM1",
            "PR",
            "2",
            &o.payer.name,
            "",
            "",
            "",
            "",
            "PI",
            &o.payer.payer_id
        )?;
        if let Some(date) = o.adjudicated {
            seg!(self, "DTP", "573", "D8", date8(date))?;
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
