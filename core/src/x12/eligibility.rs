//! Eligibility (005010X279A1): the 271 response read into [`EligibilityResponse`]s with the
//! accessors a biller wants (active coverage, deductible and out-of-pocket, copay and
//! coinsurance), and the 270 inquiry written from an [`EligibilityRequest`] and read back.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::message::{
    self, Address, DateOrRange, Findings, Individual, Organization, Party, Person, Provider,
    QualifiedDate, ReadRequest, Reference, RequestWriteError, Trace, x12_code,
};
use super::value::Elements;
use super::{Envelope, X12Error, X12Writer};
use crate::money::{Money, Rate};
use crate::phi::Phi;

/// The implementation guide of 270 and 271.
pub const ELIGIBILITY_VERSION: &str = "005010X279A1";

x12_code! {
    /// EB01: what a benefit line says.
    BenefitKind {
        /// `1`.
        ActiveCoverage = "1",
        /// `2`.
        ActiveFullRiskCapitation = "2",
        /// `3`.
        ActiveServicesCapitated = "3",
        /// `4`.
        ActiveServicesCapitatedToPrimaryCare = "4",
        /// `5`.
        ActivePendingInvestigation = "5",
        /// `6`.
        Inactive = "6",
        /// `7`.
        InactivePendingEligibilityUpdate = "7",
        /// `8`.
        InactivePendingInvestigation = "8",
        /// `A`.
        CoInsurance = "A",
        /// `B`.
        CoPayment = "B",
        /// `C`.
        Deductible = "C",
        /// `CB`.
        CoverageBasis = "CB",
        /// `D`.
        BenefitDescription = "D",
        /// `E`.
        Exclusions = "E",
        /// `F`.
        Limitations = "F",
        /// `G`.
        OutOfPocket = "G",
        /// `H`.
        Unlimited = "H",
        /// `I`.
        NonCovered = "I",
        /// `J`.
        CostContainment = "J",
        /// `K`.
        Reserve = "K",
        /// `L`.
        PrimaryCareProvider = "L",
        /// `M`.
        PreExistingCondition = "M",
        /// `MC`.
        ManagedCareCoordinator = "MC",
        /// `N`.
        ServicesRestrictedToProvider = "N",
        /// `O`.
        NotMedicallyNecessary = "O",
        /// `P`.
        BenefitDisclaimer = "P",
        /// `Q`.
        SecondSurgicalOpinionRequired = "Q",
        /// `R`.
        OtherPayer = "R",
        /// `S`.
        PriorYearHistory = "S",
        /// `T`.
        CardLostOrStolen = "T",
        /// `U`.
        ContactEntity = "U",
        /// `V`.
        CannotProcess = "V",
        /// `W`.
        OtherSourceOfData = "W",
        /// `X`.
        HealthCareFacility = "X",
        /// `Y`.
        SpendDown = "Y",
    }
}

impl BenefitKind {
    /// Codes 1–5: the member has active coverage.
    pub fn is_active(&self) -> bool {
        matches!(
            self,
            BenefitKind::ActiveCoverage
                | BenefitKind::ActiveFullRiskCapitation
                | BenefitKind::ActiveServicesCapitated
                | BenefitKind::ActiveServicesCapitatedToPrimaryCare
                | BenefitKind::ActivePendingInvestigation
        )
    }

    /// Codes 6–8: the member has no active coverage.
    pub fn is_inactive(&self) -> bool {
        matches!(
            self,
            BenefitKind::Inactive
                | BenefitKind::InactivePendingEligibilityUpdate
                | BenefitKind::InactivePendingInvestigation
        )
    }
}

x12_code! {
    /// EB02: whom a benefit covers.
    CoverageLevel {
        /// `IND`.
        Individual = "IND",
        /// `FAM`.
        Family = "FAM",
        /// `EMP`.
        Employee = "EMP",
        /// `ESP`.
        EmployeeAndSpouse = "ESP",
        /// `ECH`.
        EmployeeAndChildren = "ECH",
        /// `CHD`.
        ChildrenOnly = "CHD",
        /// `SPC`.
        SpouseAndChildren = "SPC",
        /// `SPO`.
        SpouseOnly = "SPO",
        /// `DEP`.
        Dependents = "DEP",
        /// `E1D`.
        EmployeeAndOneDependent = "E1D",
    }
}

x12_code! {
    /// EB06: the period an amount or quantity applies to.
    TimePeriod {
        /// `6`.
        Hour = "6",
        /// `7`.
        Day = "7",
        /// `13`.
        TwentyFourHours = "13",
        /// `21`.
        Years = "21",
        /// `22`.
        ServiceYear = "22",
        /// `23`.
        CalendarYear = "23",
        /// `24`.
        YearToDate = "24",
        /// `25`.
        Contract = "25",
        /// `26`.
        Episode = "26",
        /// `27`.
        Visit = "27",
        /// `28`.
        Outlier = "28",
        /// `29`.
        Remaining = "29",
        /// `30`.
        Exceeded = "30",
        /// `31`.
        NotExceeded = "31",
        /// `32`.
        Lifetime = "32",
        /// `33`.
        LifetimeRemaining = "33",
        /// `34`.
        Month = "34",
        /// `35`.
        Week = "35",
        /// `36`.
        Admission = "36",
    }
}

x12_code! {
    /// EB12 (and EB11 with `Y`/`N`/`U`): yes, no, not applicable, unknown.
    YesNo {
        /// `Y`.
        Yes = "Y",
        /// `N`.
        No = "N",
        /// `W`: not applicable (both in and out of network).
        NotApplicable = "W",
        /// `U`.
        Unknown = "U",
    }
}

x12_code! {
    /// AAA04: what the receiver of a rejection should do.
    FollowUpAction {
        /// `C`.
        CorrectAndResubmit = "C",
        /// `N`.
        ResubmissionNotAllowed = "N",
        /// `P`.
        ResubmitOriginal = "P",
        /// `R`.
        ResubmissionAllowed = "R",
        /// `S`.
        DoNotResubmitInquiryInitiatedToThirdParty = "S",
        /// `W`.
        WaitThirtyDays = "W",
        /// `X`.
        WaitTenDays = "X",
        /// `Y`.
        DoNotResubmitWillBeHandled = "Y",
    }
}

/// In or out of the plan's network, for the accessors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Network {
    /// In network (EB12 `Y`).
    In,
    /// Out of network (EB12 `N`).
    Out,
}

/// One AAA segment: the request (or part of it) could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Rejection {
    /// Position of the AAA segment in the file.
    pub position: usize,
    /// AAA01: `Y` the request was valid, `N` it was not.
    pub valid_request: Option<bool>,
    /// AAA03 reject reason (`15` required application data missing, `41` authorization
    /// error, `42` unable to respond now, `43` invalid provider, `72` invalid member id, `75`
    /// subscriber not found, `79` invalid participant id…).
    pub reason: Option<String>,
    /// AAA04.
    pub follow_up: Option<FollowUpAction>,
}

/// EB09/EB10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BenefitQuantity {
    /// EB09 (`VS` visits, `DY` days, `P6` number of services…).
    pub qualifier: String,
    /// EB10.
    #[serde(with = "rust_decimal::serde::str")]
    #[schemars(schema_with = "crate::money::decimal_string_schema")]
    pub value: Decimal,
}

/// One EB loop (2110C/2110D).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Benefit {
    /// Position of the EB segment in the file.
    pub position: usize,
    /// EB01.
    pub kind: BenefitKind,
    /// EB02.
    pub coverage_level: Option<CoverageLevel>,
    /// EB03 service type codes (`30` health benefit plan coverage, `1` medical care, `33`
    /// chiropractic, `98` professional visit – office…), repetitions split.
    pub service_types: Vec<String>,
    /// EB04 insurance type (`HM` HMO, `MA` Medicare Part A, `QM` qualified Medicare…).
    pub insurance_type: Option<String>,
    /// EB05 plan coverage description.
    pub plan_description: Option<String>,
    /// EB06.
    pub time_period: Option<TimePeriod>,
    /// EB07.
    pub amount: Option<Money>,
    /// EB08, read as a rate: `0.2` is 20%.
    pub percent: Option<Rate>,
    /// EB09/EB10.
    pub quantity: Option<BenefitQuantity>,
    /// EB11 authorization or certification required.
    pub authorization_required: Option<YesNo>,
    /// EB12 in plan network.
    pub in_plan_network: Option<YesNo>,
    /// EB13 procedure (components joined by `:`), when sent.
    pub procedure: Option<String>,
    /// REF segments of the loop.
    pub references: Vec<Reference>,
    /// DTP segments of the loop.
    pub dates: Vec<QualifiedDate>,
    /// AAA segments of the loop.
    pub rejections: Vec<Rejection>,
    /// MSG free-form texts.
    pub messages: Vec<String>,
    /// LS/LE loop 2120: entities named for this benefit (primary care provider, other payer).
    pub related_entities: Vec<Party>,
}

impl Benefit {
    fn applies_to(&self, network: Network) -> bool {
        match (&self.in_plan_network, network) {
            (Some(YesNo::Yes), Network::In) | (Some(YesNo::No), Network::Out) => true,
            (Some(YesNo::Yes), Network::Out) | (Some(YesNo::No), Network::In) => false,
            _ => true,
        }
    }

    fn covers(&self, service_type: &str) -> bool {
        if self.service_types.is_empty() {
            service_type == "30"
        } else {
            self.service_types.iter().any(|s| s == service_type)
        }
    }

    fn for_level(&self, level: &CoverageLevel) -> bool {
        match &self.coverage_level {
            Some(own) => own == level,
            None => *level == CoverageLevel::Individual,
        }
    }
}

/// A deductible or out-of-pocket maximum, as the 271 states it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Accumulator {
    /// The amount for the period (EB06 calendar year, service year, contract, lifetime…).
    pub limit: Option<Money>,
    /// What is left (EB06 `29` remaining, `33` lifetime remaining).
    pub remaining: Option<Money>,
    /// What was met so far (EB06 `24` year to date).
    pub year_to_date: Option<Money>,
}

/// A subscriber or dependent (2000C/2000D) and everything the 271 says about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityMember {
    /// NM1, DMG, N3/N4.
    pub person: Person,
    /// INS02 relationship to the subscriber (`18` self, `01` spouse, `19` child…).
    pub relationship: Option<String>,
    /// TRN segments.
    pub traces: Vec<Trace>,
    /// REF segments (`18` plan number, `1L` group or policy number, `6P` group number…).
    pub references: Vec<Reference>,
    /// DTP segments (`291` plan, `346` plan begin, `347` plan end, `356` eligibility begin,
    /// `357` eligibility end…).
    pub dates: Vec<QualifiedDate>,
    /// AAA segments at this level.
    pub rejections: Vec<Rejection>,
    /// EB loops.
    pub benefits: Vec<Benefit>,
}

impl EligibilityMember {
    fn reference(&self, qualifier: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.qualifier == qualifier)
    }

    /// REF*18 plan number.
    pub fn plan_number(&self) -> Option<&str> {
        self.reference("18").map(|r| r.value.as_str())
    }

    /// REF*6P group number, else REF*1L group or policy number.
    pub fn group_number(&self) -> Option<&str> {
        self.reference("6P")
            .or_else(|| self.reference("1L"))
            .map(|r| r.value.as_str())
    }

    /// The first DTP with this qualifier.
    pub fn date(&self, qualifier: &str) -> Option<DateOrRange> {
        self.dates
            .iter()
            .find(|d| d.qualifier == qualifier)
            .map(|d| d.date)
    }

    /// `Some(true)` when an EB01 1–5 is present, `Some(false)` when only EB01 6–8 are,
    /// `None` when the 271 says neither (e.g. a rejection).
    pub fn active_coverage(&self) -> Option<bool> {
        if self.benefits.iter().any(|b| b.kind.is_active()) {
            Some(true)
        } else if self.benefits.iter().any(|b| b.kind.is_inactive()) {
            Some(false)
        } else {
            None
        }
    }

    fn accumulator(
        &self,
        kind: &BenefitKind,
        level: &CoverageLevel,
        network: Network,
    ) -> Accumulator {
        let mut found = Accumulator::default();
        for benefit in self.benefits.iter().filter(|b| {
            &b.kind == kind && b.for_level(level) && b.applies_to(network) && b.covers("30")
        }) {
            let Some(amount) = benefit.amount else {
                continue;
            };
            let slot = match benefit.time_period {
                Some(TimePeriod::Remaining | TimePeriod::LifetimeRemaining) => &mut found.remaining,
                Some(TimePeriod::YearToDate) => &mut found.year_to_date,
                _ => &mut found.limit,
            };
            slot.get_or_insert(amount);
        }
        found
    }

    /// The deductible (EB01 `C`) for health benefit plan coverage (service type `30`, or no
    /// service type), for the coverage level and network. A benefit without EB12 counts for
    /// both networks; one without EB02 counts as individual.
    pub fn deductible(&self, level: &CoverageLevel, network: Network) -> Accumulator {
        self.accumulator(&BenefitKind::Deductible, level, network)
    }

    /// The out-of-pocket (stop-loss) maximum (EB01 `G`), like [`Self::deductible`].
    pub fn out_of_pocket(&self, level: &CoverageLevel, network: Network) -> Accumulator {
        self.accumulator(&BenefitKind::OutOfPocket, level, network)
    }

    /// The copay (EB01 `B`, EB07) for a service type and network.
    pub fn copay(&self, service_type: &str, network: Network) -> Option<Money> {
        self.benefits
            .iter()
            .filter(|b| {
                b.kind == BenefitKind::CoPayment && b.covers(service_type) && b.applies_to(network)
            })
            .find_map(|b| b.amount)
    }

    /// The coinsurance (EB01 `A`, EB08) for a service type and network.
    pub fn coinsurance(&self, service_type: &str, network: Network) -> Option<Rate> {
        self.benefits
            .iter()
            .filter(|b| {
                b.kind == BenefitKind::CoInsurance
                    && b.covers(service_type)
                    && b.applies_to(network)
            })
            .find_map(|b| b.percent)
    }
}

/// A subscriber and their dependents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "EligibilitySubscriber")]
pub struct Subscriber {
    /// The subscriber (2000C).
    pub member: EligibilityMember,
    /// Dependents (2000D).
    pub dependents: Vec<EligibilityMember>,
}

/// One 271 transaction set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityResponse {
    /// ST02.
    pub control_number: String,
    /// ST03, else GS08.
    pub version: String,
    /// BHT03 the inquirer's reference, echoed.
    pub reference: Option<String>,
    /// 2100A information sources (payers); usually one.
    pub information_sources: Vec<Party>,
    /// 2100B information receivers (providers); usually one.
    pub information_receivers: Vec<Party>,
    /// AAA at the information source level (2000A/2100A).
    pub source_rejections: Vec<Rejection>,
    /// AAA at the information receiver level (2100B).
    pub receiver_rejections: Vec<Rejection>,
    /// 2000C loops.
    pub subscribers: Vec<Subscriber>,
    /// Reading findings (positions, never data) and the file's envelope findings.
    pub findings: Vec<crate::finding::Finding>,
}

impl EligibilityResponse {
    /// The payer (first information source).
    pub fn payer(&self) -> Option<&Party> {
        self.information_sources.first()
    }

    /// The patient the response is about: the first dependent of the first subscriber, else
    /// the first subscriber.
    pub fn patient(&self) -> Option<&EligibilityMember> {
        let subscriber = self.subscribers.first()?;
        Some(subscriber.dependents.first().unwrap_or(&subscriber.member))
    }

    /// Every AAA, at any level.
    pub fn all_rejections(&self) -> Vec<&Rejection> {
        let members = self
            .subscribers
            .iter()
            .flat_map(|s| std::iter::once(&s.member).chain(&s.dependents));
        self.source_rejections
            .iter()
            .chain(&self.receiver_rejections)
            .chain(members.flat_map(|m| {
                m.rejections
                    .iter()
                    .chain(m.benefits.iter().flat_map(|b| &b.rejections))
            }))
            .collect()
    }
}

/// Which HL level the reader is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Header,
    Source,
    Receiver,
    Subscriber,
    Dependent,
}

fn rejection(segment: &Elements<'_>) -> Rejection {
    Rejection {
        position: segment.position(),
        valid_request: match Some(segment.trimmed(1)).filter(|v| !v.is_empty()) {
            Some("Y") => Some(true),
            Some("N") => Some(false),
            _ => None,
        },
        reason: segment.text(3),
        follow_up: segment.text(4).map(FollowUpAction::from),
    }
}

/// Reads every 271 transaction set in the input. Fails only when the input is not X12 or
/// declares a version before 5010; everything else is read with findings.
pub fn read_271(input: &[u8]) -> Result<Vec<EligibilityResponse>, X12Error> {
    let (sets, envelope) = message::transactions(input, "271")?;
    Ok(sets
        .into_iter()
        .map(|set| {
            let mut reading = Reading271 {
                response: EligibilityResponse {
                    control_number: set.control_number,
                    version: set.version,
                    reference: None,
                    information_sources: Vec::new(),
                    information_receivers: Vec::new(),
                    source_rejections: Vec::new(),
                    receiver_rejections: Vec::new(),
                    subscribers: Vec::new(),
                    findings: Vec::new(),
                },
                findings: Findings::default(),
                level: Level::Header,
                in_benefit: false,
                in_related: false,
            };
            let mut ends = Vec::new();
            for segment in &set.segments {
                let segment = &segment.elements(&mut ends);
                reading.segment(segment);
            }
            let mut response = reading.response;
            response.findings = reading.findings.finish(&envelope);
            response
        })
        .collect())
}

struct Reading271 {
    response: EligibilityResponse,
    findings: Findings,
    level: Level,
    in_benefit: bool,
    in_related: bool,
}

impl Reading271 {
    fn member(&mut self) -> Option<&mut EligibilityMember> {
        let subscriber = self.response.subscribers.last_mut()?;
        match self.level {
            Level::Subscriber => Some(&mut subscriber.member),
            Level::Dependent => subscriber.dependents.last_mut(),
            _ => None,
        }
    }

    fn benefit(&mut self) -> Option<&mut Benefit> {
        if !self.in_benefit {
            return None;
        }
        self.member()?.benefits.last_mut()
    }

    fn party(&mut self) -> Option<&mut Party> {
        if self.in_related {
            return self.benefit()?.related_entities.last_mut();
        }
        match self.level {
            Level::Source => self.response.information_sources.last_mut(),
            Level::Receiver => self.response.information_receivers.last_mut(),
            _ => None,
        }
    }

    fn segment(&mut self, segment: &Elements<'_>) {
        let placed = match segment.id() {
            "BHT" => {
                self.response.reference = segment.text(3);
                true
            }
            "HL" => self.hl(segment),
            "NM1" => self.nm1(segment),
            "N3" | "N4" => {
                if let Some(party) = self.party() {
                    message::address_line(
                        segment,
                        party.address.get_or_insert_with(Address::default),
                    );
                    true
                } else if let Some(member) = self.member() {
                    let mut address = member
                        .person
                        .address
                        .take()
                        .map(Phi::into_inner)
                        .unwrap_or_default();
                    message::address_line(segment, &mut address);
                    member.person.address = Some(Phi::new(address));
                    true
                } else {
                    false
                }
            }
            "PER" => match self.party() {
                Some(party) => {
                    party.contacts.push(message::contact(segment));
                    true
                }
                None => false,
            },
            "TRN" => match (self.in_benefit, self.member()) {
                (false, Some(member)) => {
                    member.traces.push(message::trace(segment));
                    true
                }
                _ => false,
            },
            "DMG" => {
                let mut findings = std::mem::take(&mut self.findings);
                let placed = match self.member() {
                    Some(member) => {
                        message::demographics(segment, &mut member.person, &mut findings);
                        true
                    }
                    None => false,
                };
                self.findings = findings;
                placed
            }
            "INS" => match self.member() {
                Some(member) => {
                    member.relationship = segment.text(2);
                    true
                }
                None => false,
            },
            "REF" => {
                let reference = message::reference(segment);
                if let Some(benefit) = self.benefit() {
                    benefit.references.push(reference);
                    true
                } else if let Some(member) = self.member() {
                    member.references.push(reference);
                    true
                } else if self.level == Level::Receiver {
                    self.findings.not_carried(segment);
                    true
                } else {
                    false
                }
            }
            "DTP" => {
                let date = self.findings.dtp(segment);
                if let Some(benefit) = self.benefit() {
                    benefit.dates.extend(date);
                    true
                } else if let Some(member) = self.member() {
                    member.dates.extend(date);
                    true
                } else {
                    false
                }
            }
            "AAA" => {
                let rejection = rejection(segment);
                if let Some(benefit) = self.benefit() {
                    benefit.rejections.push(rejection);
                    true
                } else if let Some(member) = self.member() {
                    member.rejections.push(rejection);
                    true
                } else {
                    match self.level {
                        Level::Source => self.response.source_rejections.push(rejection),
                        Level::Receiver => self.response.receiver_rejections.push(rejection),
                        _ => return self.findings.out_of_place(segment),
                    }
                    true
                }
            }
            "EB" => self.eb(segment),
            "MSG" => match (self.in_related, self.benefit()) {
                (false, Some(benefit)) => {
                    benefit.messages.extend(segment.text(1));
                    true
                }
                _ => false,
            },
            "LS" => {
                let ok = self.benefit().is_some() && !self.in_related;
                self.in_related = ok;
                ok
            }
            "LE" => {
                let ok = self.in_related;
                self.in_related = false;
                ok
            }
            "HSD" | "III" | "HI" | "PRV" | "MPI" => {
                self.findings.not_carried(segment);
                true
            }
            _ => {
                self.findings.not_carried(segment);
                true
            }
        };
        if !placed {
            self.findings.out_of_place(segment);
        }
    }

    fn hl(&mut self, segment: &Elements<'_>) -> bool {
        self.in_benefit = false;
        self.in_related = false;
        match Some(segment.trimmed(3)).filter(|v| !v.is_empty()) {
            Some("20") => self.level = Level::Source,
            Some("21") => self.level = Level::Receiver,
            Some("22") => {
                self.level = Level::Subscriber;
                self.response.subscribers.push(Subscriber::default());
            }
            Some("23") => match self.response.subscribers.last_mut() {
                Some(subscriber) => {
                    self.level = Level::Dependent;
                    subscriber.dependents.push(EligibilityMember::default());
                }
                None => {
                    self.level = Level::Header;
                    return false;
                }
            },
            _ => {
                self.level = Level::Header;
                self.findings.error(
                    "X12-HL-LEVEL",
                    segment,
                    3,
                    "not a 271 hierarchical level (20, 21, 22, 23); its segments are not read",
                );
            }
        }
        true
    }

    fn nm1(&mut self, segment: &Elements<'_>) -> bool {
        if self.in_related {
            if let Some(benefit) = self.benefit() {
                benefit.related_entities.push(message::party(segment));
                return true;
            }
        }
        if self.in_benefit {
            return false;
        }
        match self.level {
            Level::Source => {
                // 2100A: the information source's name is required.
                message::require_name(segment, &mut self.findings);
                self.response
                    .information_sources
                    .push(message::party(segment));
            }
            Level::Receiver => self
                .response
                .information_receivers
                .push(message::party(segment)),
            Level::Subscriber | Level::Dependent => match self.member() {
                Some(member) => member.person = message::person(segment),
                None => return false,
            },
            Level::Header => return false,
        }
        true
    }

    fn eb(&mut self, segment: &Elements<'_>) -> bool {
        self.in_related = false;
        let findings = &mut self.findings;
        let percent = findings.decimal(segment, 8).and_then(|fraction| {
            match fraction
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|p| Rate::from_percent(p).ok())
            {
                Some(rate) => Some(rate),
                None => {
                    findings.error(
                        "X12-PERCENT",
                        segment,
                        8,
                        "not a rate between 0 and 10; left out",
                    );
                    None
                }
            }
        });
        let quantity = match (segment.text(9), findings.decimal(segment, 10)) {
            (Some(qualifier), Some(value)) => Some(BenefitQuantity { qualifier, value }),
            (None, Some(value)) => Some(BenefitQuantity {
                qualifier: String::new(),
                value,
            }),
            _ => None,
        };
        let benefit = Benefit {
            position: segment.position(),
            kind: BenefitKind::from(segment.trimmed(1)),
            coverage_level: segment.text(2).map(CoverageLevel::from),
            service_types: segment.repeats(3),
            insurance_type: segment.text(4),
            plan_description: segment.text(5),
            time_period: segment.text(6).map(TimePeriod::from),
            amount: findings.amount(segment, 7),
            percent,
            quantity,
            authorization_required: segment.text(11).map(YesNo::from),
            in_plan_network: segment.text(12).map(YesNo::from),
            procedure: segment.composite_text(13),
            references: Vec::new(),
            dates: Vec::new(),
            rejections: Vec::new(),
            messages: Vec::new(),
            related_entities: Vec::new(),
        };
        match self.member() {
            Some(member) => {
                member.benefits.push(benefit);
                self.in_benefit = true;
                true
            }
            None => false,
        }
    }
}

/// A 270 eligibility inquiry about one patient (the subscriber, or a dependent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EligibilityRequest {
    /// BHT03 the submitter's reference for this inquiry.
    pub reference: String,
    /// 2100A the payer (NM1*PR, `PI` payer id).
    pub information_source: Organization,
    /// 2100B the provider asking (NM1*1P), by NPI.
    pub information_receiver: Provider,
    /// 2000C TRN02 the trace number the 271 echoes.
    pub trace_number: String,
    /// 2000C TRN03: `1` followed by the provider's tax id, or `9` and another id.
    pub trace_originator: String,
    /// 2100C the subscriber.
    pub subscriber: Individual,
    /// 2100C NM109 member id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<Phi<String>>,
    /// 2100D the dependent, when the patient is not the subscriber.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependent: Option<Individual>,
    /// EQ01 service type codes (`30` health benefit plan coverage…), at least one.
    pub service_types: Vec<String>,
    /// DTP*291 the date (or dates) of service asked about; the payer assumes today without.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_service: Option<DateOrRange>,
}

/// Writes one interchange with one 270 transaction set per request (control numbers 0001,
/// 0002…), in functional group `HS`.
pub fn write_270(
    envelope: &Envelope,
    requests: &[EligibilityRequest],
) -> Result<Vec<u8>, RequestWriteError> {
    super::message::write_requests(envelope, requests, "HS", ELIGIBILITY_VERSION, write_one_270)
}

fn write_one_270(
    w: &mut X12Writer,
    control: &str,
    envelope: &Envelope,
    request: &EligibilityRequest,
) -> Result<(), RequestWriteError> {
    if request.reference.trim().is_empty() {
        return Err(RequestWriteError::Missing { field: "reference" });
    }
    if request.trace_number.trim().is_empty() || request.trace_originator.trim().is_empty() {
        return Err(RequestWriteError::Missing {
            field: "traceNumber",
        });
    }
    if request.service_types.is_empty() {
        return Err(RequestWriteError::Missing {
            field: "serviceTypes",
        });
    }
    if request.subscriber.name.expose().last.trim().is_empty() && request.member_id.is_none() {
        return Err(RequestWriteError::Missing {
            field: "subscriber.name",
        });
    }
    message::begin_request(
        w,
        "270",
        control,
        ELIGIBILITY_VERSION,
        "0022",
        &request.reference,
        envelope,
    )?;
    message::write_organization_nm1(
        w,
        "PR",
        "PI",
        &request.information_source,
        "informationSource",
    )?;
    w.segment("HL", &["2".into(), "1".into(), "21".into(), "1".into()])?;
    message::write_provider_nm1(w, "1P", &request.information_receiver)?;
    let has_dependent = if request.dependent.is_some() {
        "1"
    } else {
        "0"
    };
    w.segment(
        "HL",
        &["3".into(), "2".into(), "22".into(), has_dependent.into()],
    )?;
    let trace = |w: &mut X12Writer| {
        w.segment(
            "TRN",
            &[
                "1".into(),
                request.trace_number.as_str().into(),
                request.trace_originator.as_str().into(),
            ],
        )
    };
    let inquiry = |w: &mut X12Writer| -> Result<(), RequestWriteError> {
        if let Some(date) = request.date_of_service {
            message::write_dtp(w, "291", date)?;
        }
        for service_type in &request.service_types {
            w.segment("EQ", &[service_type.as_str().into()])?;
        }
        Ok(())
    };
    if request.dependent.is_none() {
        trace(w)?;
    }
    let subscriber = &request.subscriber;
    message::write_person_nm1(
        w,
        "IL",
        subscriber.name.expose(),
        request.member_id.as_ref().map(|m| m.expose().as_str()),
    )?;
    message::write_dmg(
        w,
        subscriber.birth_date.as_ref().map(|d| *d.expose()),
        subscriber.gender.as_ref().map(|g| g.expose().as_str()),
    )?;
    match &request.dependent {
        None => inquiry(w)?,
        Some(dependent) => {
            w.segment("HL", &["4".into(), "3".into(), "23".into(), "0".into()])?;
            trace(w)?;
            message::write_person_nm1(w, "03", dependent.name.expose(), None)?;
            message::write_dmg(
                w,
                dependent.birth_date.as_ref().map(|d| *d.expose()),
                dependent.gender.as_ref().map(|g| g.expose().as_str()),
            )?;
            inquiry(w)?;
        }
    }
    w.end_transaction()?;
    Ok(())
}

/// What a 270 says about one HL 22 or 23 level, while it is read.
#[derive(Default)]
struct InquiryLevel {
    person: Person,
    trace: Option<Trace>,
    service_types: Vec<String>,
    date: Option<DateOrRange>,
    asks: bool,
}

/// Reads every 270 transaction set: one request per patient (each subscriber without
/// dependents or with its own EQ, each dependent).
pub fn read_270(input: &[u8]) -> Result<Vec<ReadRequest<EligibilityRequest>>, X12Error> {
    let (sets, envelope) = message::transactions(input, "270")?;
    let mut out = Vec::new();
    for set in sets {
        let mut findings = Findings::default();
        let mut reference = String::new();
        let mut source: Option<Organization> = None;
        let mut receiver: Option<Provider> = None;
        let mut level = Level::Header;
        // (subscriber, dependents)
        let mut subscribers: Vec<(InquiryLevel, Vec<InquiryLevel>)> = Vec::new();
        let mut ends = Vec::new();
        for segment in &set.segments {
            let segment = &segment.elements(&mut ends);
            let current = match level {
                Level::Subscriber => subscribers.last_mut().map(|s| &mut s.0),
                Level::Dependent => subscribers.last_mut().and_then(|s| s.1.last_mut()),
                _ => None,
            };
            let placed = match (segment.id(), current) {
                ("BHT", _) => {
                    reference = segment.trimmed(3).to_owned();
                    true
                }
                ("HL", _) => {
                    match Some(segment.trimmed(3)).filter(|v| !v.is_empty()) {
                        Some("20") => level = Level::Source,
                        Some("21") => level = Level::Receiver,
                        Some("22") => {
                            level = Level::Subscriber;
                            subscribers.push((InquiryLevel::default(), Vec::new()));
                        }
                        Some("23") if !subscribers.is_empty() => {
                            level = Level::Dependent;
                            if let Some(s) = subscribers.last_mut() {
                                s.1.push(InquiryLevel::default());
                            }
                        }
                        _ => level = Level::Header,
                    }
                    level != Level::Header
                }
                ("NM1", None) if level == Level::Source => {
                    // 2100A: the information source's name is required.
                    message::require_name(segment, &mut findings);
                    source = Some(message::organization(segment));
                    true
                }
                ("NM1", None) if level == Level::Receiver => {
                    receiver = Some(message::provider(segment, &mut findings));
                    true
                }
                ("NM1", Some(current)) => {
                    current.person = message::person(segment);
                    true
                }
                ("DMG", Some(current)) => {
                    message::demographics(segment, &mut current.person, &mut findings);
                    true
                }
                ("TRN", Some(current)) => {
                    current.trace = Some(message::trace(segment));
                    true
                }
                ("DTP", Some(current)) => {
                    if let Some(date) = findings.dtp(segment) {
                        if date.qualifier == "291" {
                            current.date = Some(date.date);
                        } else {
                            findings.not_carried(segment);
                        }
                    }
                    true
                }
                ("EQ", Some(current)) => {
                    current.asks = true;
                    current.service_types.extend(segment.repeats(1));
                    if segment.len() > 1 {
                        findings.not_carried(segment);
                    }
                    true
                }
                ("NM1" | "DMG" | "TRN" | "DTP" | "EQ", None) => false,
                _ => {
                    findings.not_carried(segment);
                    true
                }
            };
            if !placed {
                findings.out_of_place(segment);
            }
        }
        if source.is_none() || receiver.is_none() || subscribers.is_empty() {
            out.push(ReadRequest {
                control_number: set.control_number.clone(),
                request: EligibilityRequest {
                    reference: reference.clone(),
                    information_source: source.clone().unwrap_or_default(),
                    information_receiver: receiver.clone().unwrap_or(Provider {
                        name: String::new(),
                        first_name: None,
                        id: super::message::ProviderId::Other {
                            qualifier: String::new(),
                            id: String::new(),
                        },
                    }),
                    trace_number: String::new(),
                    trace_originator: String::new(),
                    subscriber: Individual::default(),
                    member_id: None,
                    dependent: None,
                    service_types: Vec::new(),
                    date_of_service: None,
                },
                findings: {
                    let mut all = vec![crate::finding::Finding::error(
                        "X12-270-INCOMPLETE",
                        format!("segment {} ST", set.position),
                        "the 270 lacks its information source, receiver or subscriber level",
                    )];
                    all.extend(std::mem::take(&mut findings).finish(&envelope));
                    all
                },
            });
            continue;
        }
        let shared = findings.finish(&envelope);
        let source = source.unwrap_or_default();
        let Some(receiver) = receiver else { continue };
        for (subscriber, dependents) in subscribers {
            let (subscriber_individual, member_id) = message::individual(subscriber.person.clone());
            let mut patients: Vec<(Option<Individual>, InquiryLevel)> = Vec::new();
            let subscriber_asks = subscriber.asks || dependents.is_empty();
            for dependent in dependents {
                let (individual, _) = message::individual(dependent.person.clone());
                patients.push((Some(individual), dependent));
            }
            if subscriber_asks {
                patients.insert(0, (None, subscriber));
            }
            for (dependent, level) in patients {
                let trace = level.trace.unwrap_or(Trace {
                    kind: String::new(),
                    number: String::new(),
                    originator: None,
                });
                out.push(ReadRequest {
                    control_number: set.control_number.clone(),
                    request: EligibilityRequest {
                        reference: reference.clone(),
                        information_source: source.clone(),
                        information_receiver: receiver.clone(),
                        trace_number: trace.number,
                        trace_originator: trace.originator.unwrap_or_default(),
                        subscriber: subscriber_individual.clone(),
                        member_id: member_id.clone(),
                        dependent,
                        service_types: level.service_types,
                        date_of_service: level.date,
                    },
                    findings: shared.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// The first day a 271 DTP says coverage began (`356` eligibility begin, else `346` plan
/// begin), for callers that want one date.
pub fn coverage_begin(member: &EligibilityMember) -> Option<NaiveDate> {
    member
        .date("356")
        .or_else(|| member.date("346"))
        .map(|d| d.start())
}
