//! What the 837 can carry (005010X222A1 professional, 005010X223A2 institutional): element
//! lengths from the X12 5010 data element dictionary, the X12 character set, D8 dates,
//! decimal sizes, the code lists the model holds as free strings, and what the guides require
//! that the model leaves optional. [`Claim::validate`] runs these checks, and `write_837`
//! refuses every claim they call an error, so the writer never emits a value the guides forbid.
//!
//! Messages name the element and what it takes, never the value found.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::fmt::Display;

use super::{INST, PRO};
use crate::claim::{
    Address, Ambulance, Attachment, Claim, ClaimAdjustment, ClaimForm, ClaimNote,
    ContactNumberKind, DrugQuantity, InpatientAdjudication, Institutional, OtherPayer,
    OutpatientAdjudication, PartyName, Patient, Payer, PersonName, Professional, Provider,
    ProviderIdKind, ProviderSecondaryId, Quantity, RelatedCause, RelatedCauses, Subscriber, TaxId,
    cas_segments,
};
use crate::finding::Finding;
use crate::money::Money;

/// An element of the 5010 data element dictionary as the 837 uses it: its position (e.g.
/// `NM103`) and the least and most characters it holds.
#[derive(Debug, Clone, Copy)]
struct Element {
    id: &'static str,
    min: usize,
    max: usize,
}

/// Name Last or Organization Name (1035).
const NM103: Element = Element {
    id: "NM103",
    min: 1,
    max: 60,
};
/// Name First (1036).
const NM104: Element = Element {
    id: "NM104",
    min: 1,
    max: 35,
};
/// Name Middle (1037).
const NM105: Element = Element {
    id: "NM105",
    min: 1,
    max: 25,
};
/// Name Suffix (1039).
const NM107: Element = Element {
    id: "NM107",
    min: 1,
    max: 10,
};
/// Identification Code (67): member ids, payer ids.
const NM109: Element = Element {
    id: "NM109",
    min: 2,
    max: 80,
};
/// Address Information (166).
const N301: Element = Element {
    id: "N301",
    min: 1,
    max: 55,
};
/// City Name (19).
const N401: Element = Element {
    id: "N401",
    min: 2,
    max: 30,
};
/// Reference Identification (127): REF02.
const REF02: Element = Element {
    id: "REF02",
    min: 1,
    max: 50,
};
/// Reference Identification (127) as the group or policy number.
const SBR03: Element = Element {
    id: "SBR03",
    min: 1,
    max: 50,
};

/// Group Name (93) as the insured's group or plan name.
const SBR04: Element = Element {
    id: "SBR04",
    min: 1,
    max: 60,
};
/// Description (352): a note's text.
const NTE02: Element = Element {
    id: "NTE02",
    min: 1,
    max: 80,
};
/// Identification Code (67) as an attachment control number.
const PWK06: Element = Element {
    id: "PWK06",
    min: 2,
    max: 80,
};
/// Description (352): why a round trip or a stretcher was needed.
const CR109: Element = Element {
    id: "CR109/CR110",
    min: 1,
    max: 80,
};
/// Description (352): the patient's condition for a spinal manipulation.
const CR210: Element = Element {
    id: "CR210/CR211",
    min: 1,
    max: 80,
};
/// Reference Identification (127) as the purchased service provider's identifier.
const PS101: Element = Element {
    id: "PS101",
    min: 1,
    max: 50,
};
/// Name (93): a contact's name.
const PER02: Element = Element {
    id: "PER02",
    min: 1,
    max: 60,
};
/// Communication Number (364).
const PER04: Element = Element {
    id: "PER04",
    min: 1,
    max: 256,
};
/// Industry Code (1271) in an HI composite: a DRG or treatment code.
const HI_CODE: Element = Element {
    id: "HI C022-2",
    min: 1,
    max: 30,
};

/// Most digits of a monetary amount (782, R 1-18).
const AMOUNT_DIGITS: usize = 18;
/// Most digits of a quantity (380, R 1-15).
const QUANTITY_DIGITS: usize = 15;
/// SV104 and SV205: the guides allow at most 8 digits, at most 3 of them after the point.
const UNIT_DIGITS: usize = 8;
/// See [`UNIT_DIGITS`].
const UNIT_DECIMALS: u32 = 3;

/// Other payers a claim carries: loop 2320 repeats at most 10 times.
const MAX_OTHER_PAYERS: usize = 10;
/// CAS segments per 2320 or 2430 loop.
const MAX_CAS_SEGMENTS: usize = 5;
/// Line adjudications (loop 2430) per service line.
const MAX_LINE_ADJUDICATIONS: usize = 15;
/// Condition, occurrence and value codes on an 837I: two HI segments of 12 each.
const MAX_INSTITUTIONAL_CODES: usize = 24;

/// The standard delimiters (element, component, repetition, segment) the CLI writes with.
const STANDARD_DELIMITERS: [char; 4] = ['*', ':', '^', '~'];

/// PAT01 (2000C): the patient's relationship to the subscriber. `18` (self) is not sent here:
/// a patient who is the subscriber has no 2000C loop.
const PATIENT_RELATIONSHIPS: [&str; 8] = ["01", "19", "20", "21", "39", "40", "53", "G8"];
/// SBR02 of loop 2320: the patient's relationship to another payer's subscriber.
const OTHER_PAYER_RELATIONSHIPS: [&str; 9] = ["01", "18", "19", "20", "21", "39", "40", "53", "G8"];
/// SBR09: claim filing indicator codes of both 837 guides.
const FILING_INDICATORS: [&str; 23] = [
    "11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA",
    "MB", "MC", "OF", "TV", "VA", "WC", "ZZ",
];
/// CL101: NUBC priority (type) of admission or visit.
const ADMISSION_TYPES: [&str; 6] = ["1", "2", "3", "4", "5", "9"];
/// N402 for a US address: the states, DC, the territories and the military post offices.
const US_STATES: [&str; 63] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "UM", "FM", "MH", "PW", "AA", "AE", "AP",
];

/// How many digits a decimal takes as the writer writes it (normalized, no exponent): the X12
/// length of a decimal counts its digits, not its sign or point.
fn digits(value: Decimal) -> usize {
    // Counted from the mantissa and scale, not by writing the number out: this runs for
    // every amount of every claim. `0.05` is written with its leading zero (three digits).
    let value = value.normalize();
    let mantissa = value.mantissa().unsigned_abs();
    let length = mantissa
        .checked_ilog10()
        .map_or(1, |log| log.saturating_add(1)) as usize;
    let scale = value.scale() as usize;
    if length <= scale {
        scale.saturating_add(1)
    } else {
        length
    }
}

/// Which ZIP an address must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zip {
    /// 5 or 9 digits.
    FiveOrNine,
    /// 9 digits (ZIP+4): the billing provider (2010AA) and the service facility (2310C/2310E).
    Nine(&'static str),
}

/// A provider's loop in the 837 and what it may carry.
#[derive(Debug, Clone, Copy)]
struct Role {
    /// Loop id, for messages.
    loop_id: &'static str,
    /// NM102 takes only `1` (a person).
    person_only: bool,
    /// The loop has a PRV segment for a taxonomy.
    taxonomy: bool,
    /// The billing provider: address and tax id required, nobody else carries them.
    billing: bool,
    /// The loop has N3/N4 for an address (the ordering provider, 2420E).
    address: bool,
    /// The secondary identifiers its REF segments take.
    ids: &'static [ProviderIdKind],
    /// How many REF segments it takes.
    max_ids: usize,
}

const ALL_IDS: &[ProviderIdKind] = &[
    ProviderIdKind::StateLicense,
    ProviderIdKind::Upin,
    ProviderIdKind::CommercialNumber,
    ProviderIdKind::LocationNumber,
];
const NO_LOCATION: &[ProviderIdKind] = &[
    ProviderIdKind::StateLicense,
    ProviderIdKind::Upin,
    ProviderIdKind::CommercialNumber,
];
/// Service facilities (837P 2310C, 837I 2310E): state license, commercial and location
/// numbers.
const FACILITY_IDS: &[ProviderIdKind] = &[
    ProviderIdKind::StateLicense,
    ProviderIdKind::CommercialNumber,
    ProviderIdKind::LocationNumber,
];

const fn role(
    loop_id: &'static str,
    person_only: bool,
    taxonomy: bool,
    ids: &'static [ProviderIdKind],
    max_ids: usize,
) -> Role {
    Role {
        loop_id,
        person_only,
        taxonomy,
        billing: false,
        address: false,
        ids,
        max_ids,
    }
}

/// The provider loops of the 837P.
const P_REFERRING: Role = role("2310A", true, false, NO_LOCATION, 3);
const P_RENDERING: Role = role("2310B", false, true, ALL_IDS, 4);
const P_SUPERVISING: Role = role("2310D", true, false, ALL_IDS, 4);
const P_LINE_RENDERING: Role = role("2420A", false, true, ALL_IDS, 20);
const P_LINE_PURCHASED: Role = role("2420B", false, false, NO_LOCATION, 20);
const P_LINE_SUPERVISING: Role = role("2420D", true, false, ALL_IDS, 20);
const P_LINE_ORDERING: Role = Role {
    address: true,
    ..role("2420E", true, false, NO_LOCATION, 20)
};
/// The provider loops of the 837I.
const I_ATTENDING: Role = role("2310A", true, true, ALL_IDS, 4);
const I_OPERATING: Role = role("2310B", true, false, ALL_IDS, 4);
const I_OTHER_OPERATING: Role = role("2310C", true, false, ALL_IDS, 4);
const I_RENDERING: Role = role("2310D", true, false, ALL_IDS, 4);
const I_REFERRING: Role = role("2310F", true, false, NO_LOCATION, 3);

/// Collects the findings of the element checks.
struct Check<'a> {
    findings: &'a mut Vec<Finding>,
}

impl Check<'_> {
    fn error(&mut self, rule: &str, path: impl Display, message: impl Into<String>) {
        self.findings
            .push(Finding::error(rule, path.to_string(), message));
    }

    /// A value written into `element`: not blank, X12 characters only, within its length.
    fn text(&mut self, path: impl Display + Copy, value: &str, element: Element) {
        if value.trim().is_empty() {
            self.error(
                "CLM-VALUE-EMPTY",
                path,
                format!(
                    "{} must not be empty or blank (leave an optional field out instead)",
                    element.id
                ),
            );
            return;
        }
        self.characters(path, value, element.id);
        let length = value.chars().count();
        if length < element.min || length > element.max {
            self.error(
                "CLM-VALUE-LENGTH",
                path,
                format!(
                    "{} holds {} to {} characters, found {length}",
                    element.id, element.min, element.max
                ),
            );
        }
    }

    fn optional_text(&mut self, path: impl Display + Copy, value: Option<&str>, element: Element) {
        if let Some(value) = value {
            self.text(path, value, element);
        }
    }

    /// X12 carries printable ASCII only (the basic and extended character sets); the standard
    /// delimiters can be carried only under another delimiter set.
    fn characters(&mut self, path: impl Display + Copy, value: &str, id: &str) {
        if value.chars().any(|c| !(' '..='~').contains(&c)) {
            self.error(
                "CLM-VALUE-CHARACTER",
                path,
                format!(
                    "{id} holds a character outside the X12 character set (printable ASCII: no \
                     control characters, no accented or other non-ASCII letters)"
                ),
            );
        } else if value.chars().any(|c| STANDARD_DELIMITERS.contains(&c)) {
            self.findings.push(Finding::warning(
                "CLM-VALUE-DELIMITER",
                path.to_string(),
                format!(
                    "{id} holds one of the standard X12 delimiters (* : ^ ~): the 837 can \
                     carry it only when written with other delimiters"
                ),
            ));
        }
    }

    /// A value checked for its length by another rule: only blank and characters here.
    fn characters_not_blank(&mut self, path: impl Display + Copy, value: &str, id: &str) {
        if !value.is_empty() && value.trim().is_empty() {
            self.error("CLM-VALUE-EMPTY", path, format!("{id} must not be blank"));
        } else {
            self.characters(path, value, id);
        }
    }

    /// D8 dates are CCYYMMDD.
    fn date(&mut self, path: impl Display + Copy, date: NaiveDate) {
        if !(0..=9999).contains(&date.year()) {
            self.error(
                "CLM-DATE-YEAR",
                path,
                "the 837 writes dates as CCYYMMDD: the year must be 0000 to 9999",
            );
        }
    }

    /// CLM11 and DTP*439 (837P): one or two distinct causes; an auto accident names its
    /// state; an accident (auto or other) has its date, and employment alone sends none.
    fn related_causes(&mut self, related: &RelatedCauses) {
        let causes = &related.causes;
        let distinct = causes.first() != causes.get(1);
        if causes.is_empty() || causes.len() > 2 || !distinct {
            self.error(
                "CLM-RELATED-CAUSES",
                "/relatedCauses/causes",
                "CLM11 takes one or two different causes (auto accident, employment, other \
                 accident)",
            );
        }
        let auto = causes.contains(&RelatedCause::AutoAccident);
        match related.state.as_deref() {
            None if auto => self.error(
                "CLM-ACCIDENT-STATE",
                "/relatedCauses/state",
                "an auto accident names the state it happened in (CLM11-4)",
            ),
            Some(state) if !US_STATES.contains(&state) => self.error(
                "CLM-STATE-CODE",
                "/relatedCauses/state",
                "CLM11-4 must be a US state, territory or military post office code (two \
                 capital letters)",
            ),
            _ => {}
        }
        if let Some(country) = related.country.as_deref() {
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                self.error(
                    "CLM-COUNTRY-CODE",
                    "/relatedCauses/country",
                    "CLM11-5 is a two-letter country code",
                );
            }
        }
        let accident = causes.iter().any(|c| c.is_accident());
        match related.accident_date {
            Some(date) if accident => self.date("/relatedCauses/accidentDate", date),
            Some(_) => self.error(
                "CLM-ACCIDENT-DATE",
                "/relatedCauses/accidentDate",
                "an accident date (DTP*439) is sent only with an auto or other accident",
            ),
            None if accident => self.error(
                "CLM-ACCIDENT-DATE",
                "/relatedCauses/accidentDate",
                "an auto or other accident needs its date (DTP*439)",
            ),
            None => {}
        }
    }

    fn amount_digits(&mut self, path: impl Display + Copy, amount: Money, id: &str) {
        if digits(amount.amount()) > AMOUNT_DIGITS {
            self.error(
                "CLM-AMOUNT-DIGITS",
                path,
                format!("{id} holds at most {AMOUNT_DIGITS} digits"),
            );
        }
    }

    /// A monetary amount: at most 18 digits, in dollars and cents.
    fn amount(&mut self, path: impl Display + Copy, amount: Money, id: &str) {
        self.amount_digits(path, amount, id);
        if !amount.is_whole_cents() {
            self.error(
                "CLM-AMOUNT-CENTS",
                path,
                format!("{id} is in dollars and cents: fractions of a cent cannot be sent"),
            );
        }
    }

    fn quantity(&mut self, path: impl Display + Copy, value: Decimal, id: &str) {
        if digits(value) > QUANTITY_DIGITS {
            self.error(
                "CLM-QUANTITY-DIGITS",
                path,
                format!("{id} holds at most {QUANTITY_DIGITS} digits"),
            );
        }
    }

    /// Service units (SV104, SV205).
    fn units(&mut self, path: impl Display + Copy, value: Decimal, id: &str) {
        if digits(value) > UNIT_DIGITS || value.normalize().scale() > UNIT_DECIMALS {
            self.error(
                "LINE-UNITS-FORMAT",
                path,
                format!(
                    "{id} holds at most {UNIT_DIGITS} digits, at most {UNIT_DECIMALS} of them \
                     after the decimal point"
                ),
            );
        }
    }

    fn code(
        &mut self,
        rule: &str,
        path: impl Display + Copy,
        value: &str,
        list: &[&str],
        what: &str,
    ) {
        if !list.contains(&value) {
            self.error(
                rule,
                path,
                format!("{what} must be one of {}", list.join(", ")),
            );
        }
    }

    fn person(&mut self, path: impl Display + Copy, name: &PersonName) {
        self.text(format_args!("{path}/last"), &name.last, NM103);
        // NM104 is sent when the person has a first name: empty means none.
        if !name.first.is_empty() {
            self.text(format_args!("{path}/first"), &name.first, NM104);
        }
        self.optional_text(format_args!("{path}/middle"), name.middle.as_deref(), NM105);
        self.optional_text(format_args!("{path}/suffix"), name.suffix.as_deref(), NM107);
    }

    fn party(&mut self, path: impl Display + Copy, name: &PartyName) {
        match name {
            PartyName::Person(person) => self.person(path, person),
            PartyName::Organization { name } => self.text(format_args!("{path}/name"), name, NM103),
        }
    }

    fn address(&mut self, path: impl Display + Copy, address: &Address, zip: Zip) {
        match address.lines.len() {
            0 => self.error(
                "CLM-ADDRESS-LINES",
                format!("{path}/lines"),
                "an address needs a street line (N301)",
            ),
            1 | 2 => {}
            _ => self.error(
                "CLM-ADDRESS-LINES",
                format!("{path}/lines/2"),
                "N3 holds at most two street lines",
            ),
        }
        for (index, line) in address.lines.iter().enumerate().take(2) {
            self.text(format_args!("{path}/lines/{index}"), line, N301);
        }
        self.text(format_args!("{path}/city"), &address.city, N401);
        let state = address.state.as_str();
        if !US_STATES.contains(&state) {
            self.error(
                "CLM-STATE-CODE",
                format!("{path}/state"),
                "N402 must be a US state, territory or military post office code (two capital \
                 letters)",
            );
        }
        let code = address.postal_code.as_str();
        let all_digits = code.bytes().all(|b| b.is_ascii_digit());
        if !all_digits || !(code.len() == 5 || code.len() == 9) {
            self.error(
                "CLM-ZIP-FORMAT",
                format!("{path}/postalCode"),
                "N403: a ZIP code is 5 or 9 digits, without a hyphen",
            );
        } else if let Zip::Nine(whose) = zip {
            if code.len() != 9 {
                self.error(
                    "CLM-ZIP-NINE-DIGITS",
                    format!("{path}/postalCode"),
                    format!("the 837 requires the 9-digit ZIP code (ZIP+4) of the {whose} (N403)"),
                );
            }
        }
    }

    fn provider(&mut self, path: impl Display + Copy, provider: &Provider, role: Role) {
        self.party(format_args!("{path}/name"), &provider.name);
        if role.person_only && !matches!(provider.name, PartyName::Person(_)) {
            self.error(
                "CLM-PROVIDER-PERSON",
                format!("{path}/name"),
                format!(
                    "loop {} names a person (NM102 = 1), not an organization",
                    role.loop_id
                ),
            );
        }
        if provider.taxonomy.is_some() && !role.taxonomy {
            self.error(
                "CLM-PROVIDER-TAXONOMY",
                format!("{path}/taxonomy"),
                format!("loop {} has no PRV segment for a taxonomy", role.loop_id),
            );
        }
        for (index, id) in provider.secondary_ids.iter().enumerate() {
            self.text(
                format_args!("{path}/secondaryIds/{index}/id"),
                &id.id,
                REF02,
            );
        }
        if role.billing {
            return;
        }
        self.secondary_ids(path, &provider.secondary_ids, role);
        match &provider.address {
            Some(address) if role.address => {
                self.address(format_args!("{path}/address"), address, Zip::FiveOrNine);
            }
            Some(_) => self.error(
                "CLM-PROVIDER-EXTRAS",
                format!("{path}/address"),
                format!(
                    "loop {} carries no address: only the billing provider's and a line's \
                     ordering provider's are sent",
                    role.loop_id
                ),
            ),
            None => {}
        }
        if provider.tax_id.is_some() {
            self.error(
                "CLM-PROVIDER-EXTRAS",
                format!("{path}/taxId"),
                format!(
                    "loop {} carries no tax id: only the billing provider's is sent",
                    role.loop_id
                ),
            );
        }
        if !provider.contacts.is_empty() {
            self.error(
                "CLM-PROVIDER-EXTRAS",
                format!("{path}/contacts"),
                format!(
                    "loop {} carries no contact: only the billing provider's are sent (PER)",
                    role.loop_id
                ),
            );
        }
    }

    /// A loop's REF segments: which kinds of identifier it takes, and how many.
    fn secondary_ids(
        &mut self,
        path: impl Display + Copy,
        ids: &[ProviderSecondaryId],
        role: Role,
    ) {
        for (index, id) in ids.iter().enumerate() {
            if !role.ids.contains(&id.kind) {
                let allowed: Vec<&str> = role.ids.iter().map(|k| k.code()).collect();
                self.error(
                    "CLM-SECONDARY-ID-KIND",
                    format!("{path}/secondaryIds/{index}/kind"),
                    format!(
                        "loop {} takes secondary identifiers {} only (REF01)",
                        role.loop_id,
                        allowed.join(", ")
                    ),
                );
            }
        }
        if ids.len() > role.max_ids {
            self.error(
                "CLM-SECONDARY-ID-COUNT",
                format!("{path}/secondaryIds/{}", role.max_ids),
                format!(
                    "loop {} holds at most {} secondary identifiers, found {}",
                    role.loop_id,
                    role.max_ids,
                    ids.len()
                ),
            );
        }
    }

    /// The billing provider's identifiers: license and UPIN go in 2010AA (837P only, at
    /// most two), payer-assigned numbers in 2010BB (two on an 837P, one on an 837I), in
    /// that order, the order they are read back in.
    fn billing_ids(&mut self, ids: &[ProviderSecondaryId], institutional: bool) {
        let path = "/billingProvider/secondaryIds";
        let license = |id: &ProviderSecondaryId| {
            matches!(id.kind, ProviderIdKind::StateLicense | ProviderIdKind::Upin)
        };
        let licenses = ids.iter().filter(|id| license(id)).count();
        let assigned = ids.len().saturating_sub(licenses);
        let (max_licenses, max_assigned) = if institutional { (0, 1) } else { (2, 2) };
        if licenses > max_licenses {
            self.error(
                "CLM-SECONDARY-ID-COUNT",
                path,
                if institutional {
                    "the 837I billing provider has no license or UPIN (2010AA REF*0B/1G)"
                        .to_owned()
                } else {
                    format!("2010AA holds at most {max_licenses} license or UPIN numbers, found {licenses}")
                },
            );
        }
        if assigned > max_assigned {
            self.error(
                "CLM-SECONDARY-ID-COUNT",
                path,
                format!(
                    "2010BB holds at most {max_assigned} of the billing provider's payer-assigned \
                     numbers (REF*G2/LU), found {assigned}"
                ),
            );
        }
        if let Some(index) = ids
            .windows(2)
            .position(|pair| matches!(pair, [a, b] if !license(a) && license(b)))
        {
            self.error(
                "CLM-SECONDARY-ID-ORDER",
                format!("{path}/{}", index.saturating_add(1)),
                "the billing provider's license and UPIN (2010AA) come before its \
                 payer-assigned numbers (2010BB), as the 837 writes and reads them",
            );
        }
    }

    fn contacts(&mut self, provider: &Provider) {
        if provider.contacts.len() > 2 {
            self.error(
                "CLM-CONTACT-COUNT",
                "/billingProvider/contacts/2",
                "2010AA holds at most two contacts (PER)",
            );
        }
        for (index, contact) in provider.contacts.iter().enumerate() {
            let path = format!("/billingProvider/contacts/{index}");
            self.optional_text(format_args!("{path}/name"), contact.name.as_deref(), PER02);
            let count = contact.numbers.len();
            if !(1..=3).contains(&count) {
                self.error(
                    "CLM-CONTACT-NUMBERS",
                    format!("{path}/numbers"),
                    format!("a contact has one to three numbers (PER03-PER08), found {count}"),
                );
            }
            for (n, number) in contact.numbers.iter().enumerate() {
                let at = format!("{path}/numbers/{n}/number");
                self.text(&at, &number.number, PER04);
                let digits =
                    !number.number.is_empty() && number.number.bytes().all(|b| b.is_ascii_digit());
                if number.kind != ContactNumberKind::Email && !digits {
                    self.error(
                        "CLM-CONTACT-DIGITS",
                        at,
                        "a telephone, fax or extension is sent as digits only",
                    );
                }
                let after_telephone = n
                    .checked_sub(1)
                    .and_then(|before| contact.numbers.get(before))
                    .is_some_and(|before| before.kind == ContactNumberKind::Telephone);
                if number.kind == ContactNumberKind::Extension && !after_telephone {
                    self.error(
                        "CLM-CONTACT-EXTENSION",
                        format!("{path}/numbers/{n}/kind"),
                        "an extension follows the telephone number it extends (PER05 or PER07)",
                    );
                }
            }
        }
    }

    fn billing_provider(&mut self, provider: &Provider, institutional: bool) {
        let path = "/billingProvider";
        self.provider(
            path,
            provider,
            Role {
                billing: true,
                ..role("2010AA", false, true, ALL_IDS, 4)
            },
        );
        self.billing_ids(&provider.secondary_ids, institutional);
        self.contacts(provider);
        if institutional && !matches!(provider.name, PartyName::Organization { .. }) {
            self.error(
                "INST-BILLING-ORGANIZATION",
                "/billingProvider/name",
                "the 837I billing provider is an organization (2010AA NM102 = 2)",
            );
        }
        match &provider.address {
            None => self.error(
                "CLM-BILLING-ADDRESS",
                "/billingProvider/address",
                "the billing provider's address is required (2010AA N3/N4)",
            ),
            Some(address) => {
                self.address(
                    "/billingProvider/address",
                    address,
                    Zip::Nine("billing provider, loop 2010AA"),
                );
                for (index, line) in address.lines.iter().enumerate() {
                    if is_post_office_box(line) {
                        self.error(
                            "CLM-BILLING-PO-BOX",
                            format!("/billingProvider/address/lines/{index}"),
                            "the billing provider's address must be a street address, not a \
                             post office or lock box (2010AA N3)",
                        );
                    }
                }
            }
        }
        match &provider.tax_id {
            None => self.error(
                "CLM-BILLING-TAX-ID",
                "/billingProvider/taxId",
                "the billing provider's tax id is required (2010AA REF*EI or REF*SY)",
            ),
            Some(tax_id) => {
                let (value, what, hyphenated) = match tax_id {
                    TaxId::Ein(ein) => (ein.as_str(), "an EIN", "NN-NNNNNNN"),
                    TaxId::Ssn(ssn) => (ssn.expose().as_str(), "an SSN", "NNN-NN-NNNN"),
                };
                let shape: String = value
                    .chars()
                    .map(|c| if c.is_ascii_digit() { 'N' } else { c })
                    .collect();
                if shape == hyphenated {
                    self.findings.push(Finding::warning(
                        "CLM-TAX-ID-HYPHEN",
                        "/billingProvider/taxId/value",
                        format!("{what} is usually sent as 9 digits without hyphens (REF02)"),
                    ));
                } else if shape != "NNNNNNNNN" {
                    self.error(
                        "CLM-TAX-ID-FORMAT",
                        "/billingProvider/taxId/value",
                        format!(
                            "{what} is 9 digits (REF02), written {hyphenated} or without hyphens"
                        ),
                    );
                }
                if institutional && matches!(tax_id, TaxId::Ssn(_)) {
                    self.error(
                        "INST-BILLING-EIN",
                        "/billingProvider/taxId",
                        "the 837I identifies the billing provider by EIN only (2010AA REF*EI)",
                    );
                }
            }
        }
    }

    /// A payer: 2010BB (`max_ids` 3) or 2330B (`max_ids` 2).
    fn payer(&mut self, path: impl Display + Copy, payer: &Payer, max_ids: usize) {
        self.text(format_args!("{path}/name"), &payer.name, NM103);
        self.text(format_args!("{path}/payerId"), &payer.payer_id, NM109);
        self.code(
            "CLM-FILING-INDICATOR",
            format_args!("{path}/claimFilingIndicator"),
            &payer.claim_filing_indicator,
            &FILING_INDICATORS,
            "the claim filing indicator (SBR09)",
        );
        if let Some(address) = &payer.address {
            self.address(format_args!("{path}/address"), address, Zip::FiveOrNine);
        }
        for (index, id) in payer.secondary_ids.iter().enumerate() {
            self.text(
                format_args!("{path}/secondaryIds/{index}/id"),
                &id.id,
                REF02,
            );
        }
        if payer.secondary_ids.len() > max_ids {
            self.error(
                "CLM-SECONDARY-ID-COUNT",
                format!("{path}/secondaryIds/{max_ids}"),
                format!(
                    "this payer's loop holds at most {max_ids} secondary identifiers (REF*2U, \
                     EI, FY, NF), found {}",
                    payer.secondary_ids.len()
                ),
            );
        }
    }

    fn subscriber(&mut self, subscriber: &Subscriber, is_patient: bool) {
        self.text("/subscriber/memberId", subscriber.member_id.expose(), NM109);
        self.person("/subscriber/name", subscriber.name.expose());
        if let Some(birth) = &subscriber.birth_date {
            self.date("/subscriber/birthDate", *birth.expose());
        }
        match (subscriber.birth_date.is_some(), subscriber.sex.is_some()) {
            (true, true) => {}
            (false, false) if !is_patient => {}
            (has_birth, _) => self.error(
                "CLM-SUBSCRIBER-DEMOGRAPHICS",
                if has_birth {
                    "/subscriber/sex"
                } else {
                    "/subscriber/birthDate"
                },
                "the subscriber's birth date and sex go together (2010BA DMG), and are required \
                 when the subscriber is the patient",
            ),
        }
        match &subscriber.address {
            Some(address) => self.address("/subscriber/address", address.expose(), Zip::FiveOrNine),
            None if is_patient => self.error(
                "CLM-SUBSCRIBER-ADDRESS",
                "/subscriber/address",
                "the subscriber's address is required when the subscriber is the patient \
                 (2010BA N3/N4)",
            ),
            None => {}
        }
        self.optional_text(
            "/subscriber/groupNumber",
            subscriber.group_number.as_deref(),
            SBR03,
        );
        self.optional_text(
            "/subscriber/groupName",
            subscriber.group_name.as_deref(),
            SBR04,
        );
    }

    fn patient(&mut self, patient: &Patient) {
        self.code(
            "CLM-RELATIONSHIP-CODE",
            "/patient/relationship",
            &patient.relationship,
            &PATIENT_RELATIONSHIPS,
            "the patient's relationship to the subscriber (PAT01)",
        );
        self.person("/patient/name", patient.name.expose());
        self.date("/patient/birthDate", *patient.birth_date.expose());
        // A missing address is CLM-PATIENT-ADDRESS.
        if let Some(address) = &patient.address {
            self.address("/patient/address", address.expose(), Zip::FiveOrNine);
        }
    }

    fn drug(&mut self, path: impl Display + Copy, drug: Option<&DrugQuantity>) {
        if let Some(drug) = drug {
            self.quantity(format_args!("{path}/quantity"), drug.quantity, "CTP04");
        }
    }

    fn adjustments(&mut self, path: impl Display + Copy, adjustments: &[ClaimAdjustment]) {
        for (index, a) in adjustments.iter().enumerate() {
            self.amount(format_args!("{path}/{index}/amount"), a.amount, "CAS03");
            if let Some(quantity) = a.quantity {
                self.quantity(format_args!("{path}/{index}/quantity"), quantity, "CAS04");
            }
        }
        let segments = cas_segments(adjustments).len();
        if segments > MAX_CAS_SEGMENTS {
            self.error(
                "COB-CAS-COUNT",
                path,
                format!(
                    "the adjustments take {segments} CAS segments (one per run of the same group \
                     code, six adjustments each); the loop holds at most {MAX_CAS_SEGMENTS}"
                ),
            );
        }
    }

    fn other_payer(&mut self, index: usize, other: &OtherPayer, claim: &Claim) {
        let path = format!("/otherPayers/{index}");
        self.payer(format_args!("{path}/payer"), &other.payer, 2);
        self.code(
            "CLM-RELATIONSHIP-CODE",
            format_args!("{path}/relationship"),
            &other.relationship,
            &OTHER_PAYER_RELATIONSHIPS,
            "the patient's relationship to the other payer's subscriber (2320 SBR02)",
        );
        self.optional_text(
            format_args!("{path}/groupNumber"),
            other.group_number.as_deref(),
            SBR03,
        );
        self.person(
            format_args!("{path}/subscriberName"),
            other.subscriber_name.expose(),
        );
        self.text(
            format_args!("{path}/subscriberMemberId"),
            other.subscriber_member_id.expose(),
            NM109,
        );
        self.optional_text(
            format_args!("{path}/groupName"),
            other.group_name.as_deref(),
            SBR04,
        );
        for (field, value) in [
            ("claimControlNumber", &other.claim_control_number),
            ("priorAuthorization", &other.prior_authorization),
            ("referralNumber", &other.referral_number),
        ] {
            self.optional_text(format_args!("{path}/{field}"), value.as_deref(), REF02);
        }
        if let Some(date) = other.adjudicated {
            self.date(format_args!("{path}/adjudicated"), date);
        }
        for (field, amount) in [
            ("paid", other.paid),
            ("nonCovered", other.non_covered),
            (
                "remainingPatientLiability",
                other.remaining_patient_liability,
            ),
        ] {
            if let Some(amount) = amount {
                self.amount(format_args!("{path}/{field}"), amount, "AMT02");
            }
        }
        if let Some(mia) = &other.inpatient_adjudication {
            self.inpatient_adjudication(format_args!("{path}/inpatientAdjudication"), mia);
        }
        if let Some(moa) = &other.outpatient_adjudication {
            self.outpatient_adjudication(format_args!("{path}/outpatientAdjudication"), moa);
        }
        self.adjustments(format_args!("{path}/adjustments"), &other.adjustments);
        let professional = matches!(claim.form, ClaimForm::Professional(_));
        let lines = claim.line_count();
        for (n, line) in other.lines.iter().enumerate() {
            let at = |field: &str| format!("{path}/lines/{n}/{field}");
            if line.line >= lines {
                self.error(
                    "COB-LINE-UNKNOWN",
                    at("line"),
                    format!(
                        "names service line {} (0-based) of a claim with {lines} lines",
                        line.line
                    ),
                );
            }
            self.amount(&at("paid"), line.paid, "SVD02");
            if let Some(liability) = line.remaining_patient_liability {
                self.amount(&at("remainingPatientLiability"), liability, "AMT02");
            }
            self.quantity(&at("units"), line.units, "SVD05");
            self.date(&at("adjudicationDate"), line.adjudication_date);
            if line.procedure.is_none() && (professional || !line.modifiers.is_empty()) {
                self.error(
                    "COB-LINE-PROCEDURE",
                    at("procedure"),
                    if professional {
                        "the 837P line adjudication names the procedure paid (SVD03)"
                    } else {
                        "modifiers need the procedure they modify (SVD03)"
                    },
                );
            }
            if line.modifiers.len() > 4 {
                self.error(
                    "COB-LINE-MODIFIERS",
                    at("modifiers/4"),
                    format!(
                        "SVD03 holds at most 4 modifiers, found {}",
                        line.modifiers.len()
                    ),
                );
            }
            if professional && line.revenue_code.is_some() {
                self.error(
                    "COB-LINE-REVENUE",
                    at("revenueCode"),
                    "the 837P line adjudication (SVD) has no revenue code",
                );
            }
            self.adjustments(&at("adjustments"), &line.adjustments);
        }
    }

    /// MIA: amounts in dollars and cents, quantities within 15 digits, at most five remark
    /// codes; the 837I does not use MIA02.
    fn inpatient_adjudication(&mut self, path: impl Display + Copy, mia: &InpatientAdjudication) {
        self.quantity(
            format_args!("{path}/coveredDays"),
            mia.covered_days,
            "MIA01",
        );
        if mia.pps_operating_outlier.is_some() {
            self.error(
                "COB-MIA02",
                format!("{path}/ppsOperatingOutlier"),
                "the 837I does not use MIA02 (the 835's PPS operating outlier amount): leave \
                 it out of a secondary claim",
            );
        }
        for (field, quantity) in [
            ("lifetimePsychiatricDays", mia.lifetime_psychiatric_days),
            ("costReportDays", mia.cost_report_days),
        ] {
            if let Some(quantity) = quantity {
                self.quantity(format_args!("{path}/{field}"), quantity, "MIA");
            }
        }
        for (field, amount) in [
            ("drgAmount", mia.drg_amount),
            ("disproportionateShare", mia.disproportionate_share),
            ("mspPassThrough", mia.msp_pass_through),
            ("ppsCapital", mia.pps_capital),
            ("ppsCapitalFspDrg", mia.pps_capital_fsp_drg),
            ("ppsCapitalHspDrg", mia.pps_capital_hsp_drg),
            ("ppsCapitalDshDrg", mia.pps_capital_dsh_drg),
            ("oldCapital", mia.old_capital),
            ("ppsCapitalIme", mia.pps_capital_ime),
            (
                "ppsOperatingHospitalSpecificDrg",
                mia.pps_operating_hospital_specific_drg,
            ),
            (
                "ppsOperatingFederalSpecificDrg",
                mia.pps_operating_federal_specific_drg,
            ),
            ("ppsCapitalOutlier", mia.pps_capital_outlier),
            ("indirectTeaching", mia.indirect_teaching),
            (
                "nonpayableProfessionalComponent",
                mia.nonpayable_professional_component,
            ),
            ("ppsCapitalException", mia.pps_capital_exception),
        ] {
            if let Some(amount) = amount {
                self.amount(format_args!("{path}/{field}"), amount, "MIA");
            }
        }
        self.remarks(path, mia.remarks.len(), "MIA05 and MIA20-MIA23");
    }

    /// MOA: something to say, amounts in dollars and cents, at most five remark codes.
    fn outpatient_adjudication(&mut self, path: impl Display + Copy, moa: &OutpatientAdjudication) {
        if *moa == OutpatientAdjudication::default() {
            self.error(
                "COB-MOA-EMPTY",
                path,
                "an outpatient adjudication (MOA) says at least one thing: leave it out instead",
            );
        }
        if let Some(rate) = moa.reimbursement_rate {
            if digits(rate) > 10 {
                self.error(
                    "CLM-QUANTITY-DIGITS",
                    format!("{path}/reimbursementRate"),
                    "MOA01 holds at most 10 digits",
                );
            }
        }
        for (field, amount) in [
            ("hcpcsPayable", moa.hcpcs_payable),
            ("esrdPayment", moa.esrd_payment),
            (
                "nonpayableProfessionalComponent",
                moa.nonpayable_professional_component,
            ),
        ] {
            if let Some(amount) = amount {
                self.amount(format_args!("{path}/{field}"), amount, "MOA");
            }
        }
        self.remarks(path, moa.remarks.len(), "MOA03-MOA07");
    }

    fn remarks(&mut self, path: impl Display + Copy, count: usize, elements: &str) {
        if count > 5 {
            self.error(
                "COB-REMARK-COUNT",
                format!("{path}/remarks/5"),
                format!("{elements} hold at most five remark codes, found {count}"),
            );
        }
    }

    fn notes(&mut self, path: impl Display + Copy, notes: &[ClaimNote]) {
        for (index, note) in notes.iter().enumerate() {
            self.text(format_args!("{path}/{index}/text"), &note.text, NTE02);
        }
    }

    fn attachments(&mut self, path: impl Display + Copy, attachments: &[Attachment]) {
        for (index, attachment) in attachments.iter().enumerate() {
            self.optional_text(
                format_args!("{path}/{index}/controlNumber"),
                attachment.control_number.as_deref(),
                PWK06,
            );
        }
    }

    fn ambulance(&mut self, path: impl Display + Copy, ambulance: &Ambulance) {
        if let Some(t) = &ambulance.transport {
            let at = |field: &str| format!("{path}/transport/{field}");
            self.quantity(&at("miles"), t.miles, "CR106");
            if let Some(weight) = t.patient_weight_pounds {
                if digits(weight) > 10 {
                    self.error(
                        "CLM-QUANTITY-DIGITS",
                        at("patientWeightPounds"),
                        "CR102 holds at most 10 digits",
                    );
                }
            }
            self.optional_text(
                &at("roundTripPurpose"),
                t.round_trip_purpose.as_deref(),
                CR109,
            );
            self.optional_text(
                &at("stretcherPurpose"),
                t.stretcher_purpose.as_deref(),
                CR109,
            );
        }
        if let Some(address) = &ambulance.pick_up {
            self.address(format_args!("{path}/pickUp"), address, Zip::FiveOrNine);
        }
        if let Some(drop_off) = &ambulance.drop_off {
            self.optional_text(
                format_args!("{path}/dropOff/name"),
                drop_off.name.as_deref(),
                NM103,
            );
            self.address(
                format_args!("{path}/dropOff/address"),
                &drop_off.address,
                Zip::FiveOrNine,
            );
        }
    }

    fn professional(&mut self, form: &Professional) {
        self.optional_text(
            format_args!("{PRO}/cliaNumber"),
            form.clia_number.as_deref(),
            REF02,
        );
        if let Some(supervising) = &form.supervising_provider {
            self.provider(
                format_args!("{PRO}/supervisingProvider"),
                supervising,
                P_SUPERVISING,
            );
        }
        if let Some(paid) = form.patient_amount_paid {
            self.amount(format_args!("{PRO}/patientAmountPaid"), paid, "AMT02");
        }
        self.institutional_codes_at(
            PRO,
            "conditionCodes",
            form.condition_codes.iter().map(String::as_str),
        );
        if let Some(ambulance) = &form.ambulance {
            self.ambulance(format_args!("{PRO}/ambulance"), ambulance);
        }
        if let Some(spinal) = &form.spinal_manipulation {
            let at = |field: &str| format!("{PRO}/spinalManipulation/{field}");
            self.optional_text(&at("description"), spinal.description.as_deref(), CR210);
            self.optional_text(
                &at("moreDescription"),
                spinal.more_description.as_deref(),
                CR210,
            );
        }
        for (index, line) in form.lines.iter().enumerate() {
            let at = super::LinePath::at(PRO, index);
            self.amount_digits(at("charge"), line.charge, "SV102");
            match line.quantity {
                Quantity::Units(units) => self.units(at("quantity/units"), units, "SV104"),
                Quantity::Minutes(minutes) => {
                    self.units(at("quantity/minutes"), Decimal::from(minutes), "SV104")
                }
            }
            self.date(at("serviceDate"), line.service_date);
            if let Some(end) = line.service_date_end {
                self.date(at("serviceDateEnd"), end);
            }
            self.drug(at("drug"), line.drug.as_ref());
            if let Some(number) = &line.line_item_control_number {
                self.characters_not_blank(at("lineItemControlNumber"), number, "REF02");
            }
            for (field, list) in [
                ("priorAuthorizations", &line.prior_authorizations),
                ("referralNumbers", &line.referral_numbers),
            ] {
                for (n, number) in list.iter().enumerate() {
                    self.text(format_args!("{}/{n}", at(field)), number, REF02);
                }
            }
            self.optional_text(at("cliaNumber"), line.clia_number.as_deref(), REF02);
            if let Some(note) = &line.note {
                self.text(at("note/text"), &note.text, NTE02);
            }
            self.optional_text(
                at("thirdPartyNote"),
                line.third_party_note.as_deref(),
                NTE02,
            );
            self.attachments(at("attachments"), &line.attachments);
            if let Some(ambulance) = &line.ambulance {
                self.ambulance(at("ambulance"), ambulance);
            }
            if let Some(dme) = &line.durable_medical_equipment {
                for (field, date) in [
                    ("beginTherapy", dme.begin_therapy),
                    ("lastCertification", dme.last_certification),
                    ("certificationRevision", dme.certification_revision),
                ] {
                    if let Some(date) = date {
                        self.date(
                            format_args!("{}/{field}", at("durableMedicalEquipment")),
                            date,
                        );
                    }
                }
            }
            if let Some(purchased) = &line.purchased_service {
                self.text(
                    at("purchasedService/providerId"),
                    &purchased.provider_id,
                    PS101,
                );
                self.amount(at("purchasedService/charge"), purchased.charge, "PS102");
            }
            if let Some(purchased) = &line.purchased_service_provider {
                let path = at("purchasedServiceProvider");
                for (n, id) in purchased.secondary_ids.iter().enumerate() {
                    self.text(format_args!("{path}/secondaryIds/{n}/id"), &id.id, REF02);
                }
                self.secondary_ids(path, &purchased.secondary_ids, P_LINE_PURCHASED);
            }
            for (field, provider, role) in [
                (
                    "renderingProvider",
                    &line.rendering_provider,
                    P_LINE_RENDERING,
                ),
                (
                    "supervisingProvider",
                    &line.supervising_provider,
                    P_LINE_SUPERVISING,
                ),
                ("orderingProvider", &line.ordering_provider, P_LINE_ORDERING),
            ] {
                if let Some(provider) = provider {
                    self.provider(at(field), provider, role);
                }
            }
        }
    }

    fn institutional(&mut self, claim: &Claim, form: &Institutional) {
        for (field, date) in claim.dates.fields() {
            if date.is_some() {
                self.error(
                    "INST-DATES-PROFESSIONAL",
                    format!("/dates/{field}"),
                    "the 837I has no such claim date: send it as an occurrence code, or the \
                     admission",
                );
            }
        }
        if claim.related_causes.is_some() {
            self.error(
                "INST-RELATED-CAUSES",
                "/relatedCauses",
                "the 837I has no CLM11: report an accident or employment as occurrence codes \
                 (01-06, 11, 24-25) with their dates",
            );
        }
        self.date(format_args!("{INST}/statementFrom"), form.statement_from);
        self.date(
            format_args!("{INST}/statementThrough"),
            form.statement_through,
        );
        if let Some(admission) = &form.admission {
            if let Some(date) = admission.date {
                self.date(format_args!("{INST}/admission/date"), date);
            }
            self.code(
                "INST-ADMISSION-TYPE",
                format_args!("{INST}/admission/typeCode"),
                &admission.type_code,
                &ADMISSION_TYPES,
                "the priority (type) of admission (CL101)",
            );
            if let Some(source) = &admission.source_code {
                let one = source.len() == 1
                    && source
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
                if !one {
                    self.error(
                        "INST-ADMISSION-SOURCE",
                        format!("{INST}/admission/sourceCode"),
                        "the point of origin (CL102) is one digit or capital letter",
                    );
                }
            }
        }
        self.institutional_codes(
            "conditionCodes",
            form.condition_codes.iter().map(String::as_str),
        );
        self.institutional_codes(
            "occurrenceCodes",
            form.occurrence_codes.iter().map(|o| o.code.as_str()),
        );
        for (index, occurrence) in form.occurrence_codes.iter().enumerate() {
            self.date(
                format_args!("{INST}/occurrenceCodes/{index}/date"),
                occurrence.date,
            );
        }
        self.institutional_codes(
            "valueCodes",
            form.value_codes.iter().map(|v| v.code.as_str()),
        );
        for (index, value) in form.value_codes.iter().enumerate() {
            self.amount(
                format_args!("{INST}/valueCodes/{index}/amount"),
                value.amount,
                "HI value amount",
            );
        }
        self.institutional_codes(
            "occurrenceSpans",
            form.occurrence_spans.iter().map(|o| o.code.as_str()),
        );
        for (index, span) in form.occurrence_spans.iter().enumerate() {
            self.date(
                format_args!("{INST}/occurrenceSpans/{index}/from"),
                span.from,
            );
            self.date(
                format_args!("{INST}/occurrenceSpans/{index}/through"),
                span.through,
            );
        }
        for (index, code) in form.treatment_codes.iter().enumerate() {
            self.text(format_args!("{INST}/treatmentCodes/{index}"), code, HI_CODE);
        }
        if form.treatment_codes.len() > MAX_INSTITUTIONAL_CODES {
            self.error(
                "INST-CODE-COUNT",
                format!("{INST}/treatmentCodes/{MAX_INSTITUTIONAL_CODES}"),
                format!(
                    "the 837I holds at most {MAX_INSTITUTIONAL_CODES} treatment codes (two HI \
                     segments of 12)"
                ),
            );
        }
        self.optional_text(format_args!("{INST}/drg"), form.drg.as_deref(), HI_CODE);
        for (index, procedure) in form.procedures.iter().enumerate() {
            if let Some(date) = procedure.date {
                self.date(format_args!("{INST}/procedures/{index}/date"), date);
            }
        }
        if let Some(due) = form.estimated_amount_due {
            self.amount(format_args!("{INST}/estimatedAmountDue"), due, "AMT02");
        }
        self.optional_text(
            format_args!("{INST}/billingNote"),
            form.billing_note.as_deref(),
            NTE02,
        );
        for (index, line) in form.lines.iter().enumerate() {
            let at = super::LinePath::at(INST, index);
            self.amount_digits(at("charge"), line.charge, "SV203");
            self.units(at("units"), line.units, "SV205");
            if let Some(date) = line.service_date {
                self.date(at("serviceDate"), date);
            }
            if let Some(non_covered) = line.non_covered_charge {
                self.amount(at("nonCoveredCharge"), non_covered, "SV207");
            }
            if line.procedure.is_none() && !line.modifiers.is_empty() {
                self.error(
                    "INST-LINE-MODIFIERS",
                    at("modifiers"),
                    "modifiers need the procedure code they modify (SV202)",
                );
            }
            self.drug(at("drug"), line.drug.as_ref());
            if let Some(number) = &line.line_item_control_number {
                self.characters_not_blank(at("lineItemControlNumber"), number, "REF02");
            }
        }
    }

    /// NUBC condition, occurrence, occurrence span and value codes of an 837I.
    fn institutional_codes<'c>(&mut self, field: &str, codes: impl Iterator<Item = &'c str>) {
        self.institutional_codes_at(INST, field, codes);
    }

    /// NUBC codes: two characters, at most 24 of each (two HI segments of 12).
    fn institutional_codes_at<'c>(
        &mut self,
        form: &str,
        field: &str,
        codes: impl Iterator<Item = &'c str>,
    ) {
        let mut count = 0usize;
        for (index, code) in codes.enumerate() {
            count = index.saturating_add(1);
            let ok = code.len() == 2
                && code
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
            if !ok {
                self.error(
                    "INST-CODE-FORMAT",
                    format!("{form}/{field}/{index}"),
                    "a NUBC code is two digits or capital letters",
                );
            }
        }
        if count > MAX_INSTITUTIONAL_CODES {
            self.error(
                "INST-CODE-COUNT",
                format!("{form}/{field}/{MAX_INSTITUTIONAL_CODES}"),
                format!(
                    "the 837 holds at most {MAX_INSTITUTIONAL_CODES} (two HI segments of 12), \
                     found {count}"
                ),
            );
        }
    }
}

/// `PO Box 12`, `P.O. BOX 12`, `Post Office Box 12`, `Lockbox 12`…
fn is_post_office_box(line: &str) -> bool {
    let squeezed: String = line
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    ["POBOX", "POSTOFFICEBOX", "LOCKBOX"]
        .iter()
        .any(|prefix| squeezed.starts_with(prefix))
}

impl Claim {
    /// The element checks of this module, appended to `findings`.
    pub(super) fn check_elements(&self, findings: &mut Vec<Finding>) {
        let mut check = Check { findings };
        let institutional = matches!(self.form, ClaimForm::Institutional(_));
        check.characters_not_blank(
            "/patientControlNumber",
            &self.patient_control_number,
            "CLM01",
        );
        check.amount_digits("/totalCharge", self.total_charge, "CLM02");
        check.optional_text(
            "/originalClaimNumber",
            self.original_claim_number.as_deref(),
            REF02,
        );
        for (field, value) in [
            ("priorAuthorization", &self.prior_authorization),
            ("referralNumber", &self.referral_number),
            ("medicalRecordNumber", &self.medical_record_number),
        ] {
            check.optional_text(format_args!("/{field}"), value.as_deref(), REF02);
        }
        check.notes("/notes", &self.notes);
        check.attachments("/attachments", &self.attachments);
        check.billing_provider(&self.billing_provider, institutional);
        if let Some(pay_to) = &self.pay_to_provider {
            check.address("/payToProvider/address", &pay_to.address, Zip::FiveOrNine);
        }
        if let Some(plan) = &self.pay_to_plan {
            check.text("/payToPlan/name", &plan.name, NM103);
            check.text("/payToPlan/id", &plan.id, NM109);
            check.address("/payToPlan/address", &plan.address, Zip::FiveOrNine);
            if let Some(id) = &plan.secondary_id {
                check.text("/payToPlan/secondaryId/id", &id.id, REF02);
            }
            let nine_digits =
                plan.tax_id.len() == 9 && plan.tax_id.bytes().all(|b| b.is_ascii_digit());
            if !nine_digits {
                check.error(
                    "CLM-TAX-ID-FORMAT",
                    "/payToPlan/taxId",
                    "the pay-to plan's tax id is an EIN of 9 digits without hyphens (REF*EI)",
                );
            }
        }
        check.subscriber(&self.subscriber, self.patient.is_none());
        if let Some(patient) = &self.patient {
            check.patient(patient);
        }
        check.payer("/payer", &self.payer, 3);
        for (field, date) in self.dates.fields() {
            if let Some(date) = date {
                check.date(format_args!("/dates/{field}"), date);
            }
        }
        if let Some(related) = &self.related_causes {
            check.related_causes(related);
        }
        let (rendering, referring) = if institutional {
            (I_RENDERING, I_REFERRING)
        } else {
            (P_RENDERING, P_REFERRING)
        };
        if let Some(provider) = &self.rendering_provider {
            check.provider("/renderingProvider", provider, rendering);
        }
        if let Some(provider) = &self.referring_provider {
            check.provider("/referringProvider", provider, referring);
        }
        if let Some(facility) = &self.service_facility {
            check.text("/serviceFacility/name", &facility.name, NM103);
            check.address(
                "/serviceFacility/address",
                &facility.address,
                Zip::Nine(if institutional {
                    "service facility, loop 2310E"
                } else {
                    "service facility, loop 2310C"
                }),
            );
            for (index, id) in facility.secondary_ids.iter().enumerate() {
                check.text(
                    format_args!("/serviceFacility/secondaryIds/{index}/id"),
                    &id.id,
                    REF02,
                );
            }
            let loop_id = if institutional { "2310E" } else { "2310C" };
            check.secondary_ids(
                "/serviceFacility",
                &facility.secondary_ids,
                role(loop_id, false, false, FACILITY_IDS, 3),
            );
        }
        match &self.form {
            ClaimForm::Professional(form) => check.professional(form),
            ClaimForm::Institutional(form) => {
                check.provider(
                    format_args!("{INST}/attendingProvider"),
                    &form.attending_provider,
                    I_ATTENDING,
                );
                for (field, provider, role) in [
                    ("operatingProvider", &form.operating_provider, I_OPERATING),
                    (
                        "otherOperatingProvider",
                        &form.other_operating_provider,
                        I_OTHER_OPERATING,
                    ),
                ] {
                    if let Some(provider) = provider {
                        check.provider(format_args!("{INST}/{field}"), provider, role);
                    }
                }
                check.institutional(self, form);
            }
        }
        if self.other_payers.len() > MAX_OTHER_PAYERS {
            check.error(
                "COB-PAYER-COUNT",
                format!("/otherPayers/{MAX_OTHER_PAYERS}"),
                format!(
                    "the 837 holds at most {MAX_OTHER_PAYERS} other payers (loop 2320), found {}",
                    self.other_payers.len()
                ),
            );
        }
        for (index, other) in self.other_payers.iter().enumerate() {
            check.other_payer(index, other, self);
        }
        // Loop 2430 repeats per service line, whichever payer adjudicated it.
        let mut adjudications = vec![0usize; self.line_count()];
        for adjudication in self.other_payers.iter().flat_map(|o| &o.lines) {
            if let Some(count) = adjudications.get_mut(adjudication.line) {
                *count = count.saturating_add(1);
            }
        }
        let form = if institutional { INST } else { PRO };
        for (line, &count) in adjudications.iter().enumerate() {
            if count > MAX_LINE_ADJUDICATIONS {
                check.error(
                    "COB-LINE-ADJUDICATIONS",
                    format!("{form}/lines/{line}"),
                    format!(
                        "a service line holds at most {MAX_LINE_ADJUDICATIONS} line \
                         adjudications (loop 2430), found {count}"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    proptest! {
        /// The digit count is the count of digits in the number as the writer writes it.
        #[test]
        fn digits_counts_what_the_writer_writes(
            mantissa in -(1i128 << 95)..(1i128 << 95),
            scale in 0u32..=28,
        ) {
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            let written = value.normalize().to_string();
            prop_assert_eq!(
                super::digits(value),
                written.bytes().filter(u8::is_ascii_digit).count(),
                "{}", written
            );
        }
    }

    #[test]
    fn digits_of_small_and_zero_values() {
        for (text, expected) in [("0", 1), ("0.00", 1), ("0.05", 3), ("-1.50", 2), ("120", 3)] {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(super::digits(value), expected, "{text}");
        }
    }
}
