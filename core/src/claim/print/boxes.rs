//! THE table of boxes: for each box of the NUCC 1500 (02/12) and each form locator of the
//! NUBC UB-04 that the claim model can fill, its id, label, place on the form's 10-pitch
//! grid (line and column, 6 lines and 10 characters to the inch), width in characters, how
//! it is shown, the claim field it comes from and the 837 element that carries the same
//! value. Nothing else in the printer knows a box.
//!
//! Positions: the 1500's are the NUCC print-file grid as OpenEMR places them
//! (`src/Billing/Hcfa1500.php`, `put_hcfa(line, col, width, …)`); the UB-04's are the form
//! locators of OpenEMR's UB-04 generator (`interface/billing/ub04_form.php`, pixel
//! positions on a 934 × 1210 letter page) turned into the same grid (column = left ÷ 1/10",
//! line = top ÷ 1/6", adjoining boxes nudged apart by a column).
//!
//! The `x12` column names the 837 element: `SEG[*QUAL][#N][>SEG[*QUAL]]/EL[-EL][:COMP[-COMP]]`
//! — segment `SEG` whose first element (its first component) is `QUAL`, the `N`th such
//! (default 1st); `A>B` the first `B` after `A` and before the next `NM1`, `A>>B` every
//! such `B`; a range of elements joined with `*` or of components joined with `:`, or
//! elements run together (`00.01.02`, element 00 being the segment's id); alternatives
//! separated by `|` (the first non-empty one, but an `A>B` whose `A` is there decides: that
//! `A`'s `B` or nothing, unless the next alternative has the same anchor); items joined by
//! `+` (each present one, three spaces between them); a leading `^` looks among the claim's segments from a service
//! line's box, a leading `~` in the first service line that has the segment (its anchor,
//! for `A>B`) from a claim's box. Line boxes look inside their own `LX` loop, claim boxes
//! before the first. An empty `x12` means the value has no single element (a page number,
//! a sum over lines).

use chrono::NaiveDate;

use super::format::{Format, When};
use crate::claim::{
    Address, Claim, ClaimForm, Institutional, InstitutionalLine, PartyName, PersonName,
    Professional, ProfessionalLine, Provider, ProviderIdKind, TaxId,
};
use crate::money::{Money, MoneyError};

/// Which pages of a claim a box is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Every page.
    Every,
    /// The last page only (totals).
    Last,
    /// Every page but the last ("CONTINUED").
    NotLast,
}

/// Where a box's value comes from.
#[derive(Clone, Copy)]
pub(crate) enum Source {
    /// The claim.
    Claim(fn(&Claim) -> Option<String>),
    /// A service line (its 0-based index), one row per line.
    Line(fn(&Claim, usize) -> Option<String>),
    /// A sum over the lines.
    Total(fn(&Claim) -> Result<Option<String>, MoneyError>),
    /// The page's number.
    PageNumber,
    /// How many pages the claim takes.
    PageCount,
    /// `PAGE N OF M` when the claim takes more than one page.
    PageOfPages,
    /// The creation date the caller gave.
    CreationDate,
}

/// One box of a form.
#[derive(Clone, Copy)]
pub struct FormBox {
    /// The box number (`24F`) or form locator (`FL47`), with a suffix for its parts.
    pub id: &'static str,
    /// The box's caption on the form.
    pub label: &'static str,
    /// Line on the 6-lines-per-inch grid (1 = top); for a line box, the first line's row.
    pub line: u16,
    /// Column on the 10-characters-per-inch grid (1 = left).
    pub col: u16,
    /// Width in characters.
    pub width: u16,
    /// How the value is shown.
    pub format: Format,
    /// Which pages show it.
    pub pages: Pages,
    /// The claim field it comes from (a JSON path; `[]` for each line).
    pub field: &'static str,
    /// The 837 element that carries the same value (see the module docs).
    pub x12: &'static str,
    pub(crate) source: Source,
}

impl FormBox {
    /// True for a box printed once per service line.
    pub fn per_line(&self) -> bool {
        matches!(self.source, Source::Line(_))
    }
}

impl std::fmt::Debug for FormBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormBox")
            .field("id", &self.id)
            .field("line", &self.line)
            .field("col", &self.col)
            .field("width", &self.width)
            .finish_non_exhaustive()
    }
}

type ClaimFn = fn(&Claim) -> Option<String>;
type LineFn = fn(&Claim, usize) -> Option<String>;

#[allow(clippy::too_many_arguments)] // one table row: every column is needed
const fn c(
    id: &'static str,
    label: &'static str,
    (line, col, width): (u16, u16, u16),
    format: Format,
    field: &'static str,
    x12: &'static str,
    value: ClaimFn,
) -> FormBox {
    FormBox {
        id,
        label,
        line,
        col,
        width,
        format,
        pages: Pages::Every,
        field,
        x12,
        source: Source::Claim(value),
    }
}

#[allow(clippy::too_many_arguments)] // one table row: every column is needed
const fn l(
    id: &'static str,
    label: &'static str,
    (line, col, width): (u16, u16, u16),
    format: Format,
    field: &'static str,
    x12: &'static str,
    value: LineFn,
) -> FormBox {
    FormBox {
        id,
        label,
        line,
        col,
        width,
        format,
        pages: Pages::Every,
        field,
        x12,
        source: Source::Line(value),
    }
}

const fn last(mut b: FormBox) -> FormBox {
    b.pages = Pages::Last;
    b
}

const fn special(
    id: &'static str,
    label: &'static str,
    (line, col, width): (u16, u16, u16),
    format: Format,
    pages: Pages,
    source: Source,
) -> FormBox {
    FormBox {
        id,
        label,
        line,
        col,
        width,
        format,
        pages,
        field: "",
        x12: "",
        source,
    }
}

const fn x(when: When) -> Format {
    Format::Mark("X", when)
}
const SOF: &str = "SIGNATURE ON FILE";
const GROUP_HEALTH: &[&str] = &["12", "13", "14", "15", "16", "17", "BL", "CI", "HM"];
const NOT_OTHER: &[&str] = &[
    "MA", "MB", "MC", "CH", "VA", "FI", "12", "13", "14", "15", "16", "17", "BL", "CI", "HM",
];

/// The NUCC 1500 (02/12): its boxes in print order. Service lines 1–6 on lines 44–54
/// (every other line; the shaded half above each), so a line box's row is
/// `line + 2 × (row)`.
#[rustfmt::skip]
pub static CMS1500: &[FormBox] = &[
    special("page", "PAGE", (1, 41, 20), Format::Text, Pages::Every, Source::PageOfPages),
    c("carrier", "CARRIER NAME", (2, 41, 31), Format::Text, "payer.name", "NM1*PR/03", |c| Some(c.payer.name.clone())),
    c("carrier-street", "CARRIER ADDRESS", (3, 41, 31), Format::Text, "payer.address.lines[0]", "NM1*PR>N3/01", |c| street(c.payer.address.as_ref(), 0)),
    c("carrier-street2", "CARRIER ADDRESS 2", (4, 41, 31), Format::Text, "payer.address.lines[1]", "NM1*PR>N3/02", |c| street(c.payer.address.as_ref(), 1)),
    c("carrier-city", "CARRIER CITY STATE ZIP", (5, 41, 31), Format::CityStateZip, "payer.address", "NM1*PR>N4/01-03", |c| city_state_zip(c.payer.address.as_ref())),
    c("1-medicare", "1 MEDICARE", (8, 1, 1), x(When::In(&["MA", "MB"])), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1-medicaid", "MEDICAID", (8, 8, 1), x(When::In(&["MC"])), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1-tricare", "TRICARE", (8, 15, 1), x(When::In(&["CH"])), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1-champva", "CHAMPVA", (8, 24, 1), x(When::In(&["VA"])), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1-group", "GROUP HEALTH PLAN", (8, 31, 1), x(When::In(GROUP_HEALTH)), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1-feca", "FECA BLK LUNG", (8, 39, 1), x(When::In(&["FI"])), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1-other", "OTHER", (8, 45, 1), x(When::NotIn(NOT_OTHER)), "payer.claimFilingIndicator", "SBR/09", filing),
    c("1a", "INSURED'S I.D. NUMBER", (8, 50, 29), Format::Text, "subscriber.memberId", "NM1*IL/09", |c| Some(c.subscriber.member_id.expose().clone())),
    c("2", "PATIENT'S NAME", (10, 1, 28), Format::Name, "patient.name | subscriber.name", "NM1*QC/03-05|NM1*IL/03-05", |c| Some(patient_name(c))),
    c("3", "PATIENT'S BIRTH DATE", (10, 31, 10), Format::DateLong, "patient.birthDate | subscriber.birthDate", "NM1*QC>DMG/02|NM1*IL>DMG/02", patient_birth),
    c("3-m", "SEX M", (10, 42, 1), x(When::In(&["M"])), "patient.sex | subscriber.sex", "NM1*QC>DMG/03|NM1*IL>DMG/03", patient_sex),
    c("3-f", "SEX F", (10, 47, 1), x(When::In(&["F"])), "patient.sex | subscriber.sex", "NM1*QC>DMG/03|NM1*IL>DMG/03", patient_sex),
    c("4", "INSURED'S NAME", (10, 50, 29), Format::Name, "subscriber.name", "NM1*IL/03-05", |c| Some(person(c.subscriber.name.expose()))),
    c("5", "PATIENT'S ADDRESS", (12, 1, 28), Format::Text, "patient.address.lines[0]", "NM1*QC>N3/01|NM1*IL>N3/01", |c| street(patient_address(c), 0)),
    c("6-self", "RELATIONSHIP SELF", (12, 33, 1), x(When::In(&["18"])), "patient.relationship", "PAT/01|SBR/02", relationship),
    c("6-spouse", "SPOUSE", (12, 38, 1), x(When::In(&["01"])), "patient.relationship", "PAT/01|SBR/02", relationship),
    c("6-child", "CHILD", (12, 42, 1), x(When::In(&["19"])), "patient.relationship", "PAT/01|SBR/02", relationship),
    c("6-other", "OTHER", (12, 47, 1), x(When::NotIn(&["18", "01", "19"])), "patient.relationship", "PAT/01|SBR/02", relationship),
    c("7", "INSURED'S ADDRESS", (12, 50, 29), Format::Text, "subscriber.address.lines[0]", "NM1*IL>N3/01", |c| street(subscriber_address(c), 0)),
    c("5-city", "CITY", (14, 1, 24), Format::Text, "patient.address.city", "NM1*QC>N4/01|NM1*IL>N4/01", |c| patient_address(c).map(|a| a.city.clone())),
    c("5-state", "STATE", (14, 26, 2), Format::Text, "patient.address.state", "NM1*QC>N4/02|NM1*IL>N4/02", |c| patient_address(c).map(|a| a.state.clone())),
    c("7-city", "CITY", (14, 50, 22), Format::Text, "subscriber.address.city", "NM1*IL>N4/01", |c| subscriber_address(c).map(|a| a.city.clone())),
    c("7-state", "STATE", (14, 74, 2), Format::Text, "subscriber.address.state", "NM1*IL>N4/02", |c| subscriber_address(c).map(|a| a.state.clone())),
    c("5-zip", "ZIP CODE", (16, 1, 12), Format::Zip, "patient.address.postalCode", "NM1*QC>N4/03|NM1*IL>N4/03", |c| patient_address(c).map(|a| a.postal_code.clone())),
    c("7-zip", "ZIP CODE", (16, 50, 12), Format::Zip, "subscriber.address.postalCode", "NM1*IL>N4/03", |c| subscriber_address(c).map(|a| a.postal_code.clone())),
    c("9", "OTHER INSURED'S NAME", (18, 1, 28), Format::Name, "otherPayers[0].subscriberName", "NM1*IL#2/03-05", |c| c.other_payers.first().map(|o| person(o.subscriber_name.expose()))),
    c("11", "INSURED'S POLICY GROUP OR FECA NUMBER", (18, 50, 29), Format::Text, "subscriber.groupNumber", "SBR/03", |c| c.subscriber.group_number.clone()),
    c("9a", "OTHER INSURED'S POLICY OR GROUP NUMBER", (20, 1, 28), Format::Text, "otherPayers[0].groupNumber", "SBR#2/03", |c| c.other_payers.first().and_then(|o| o.group_number.clone())),
    c("10a-yes", "EMPLOYMENT? YES", (20, 35, 1), x(When::Has("EM")), "relatedCauses.causes", "CLM/11:01-03", causes),
    c("10a-no", "EMPLOYMENT? NO", (20, 41, 1), x(When::HasNot("EM")), "relatedCauses.causes", "CLM/11:01-03", causes),
    c("11a", "INSURED'S DATE OF BIRTH", (20, 53, 10), Format::DateLong, "subscriber.birthDate", "NM1*IL>DMG/02", |c| c.subscriber.birth_date.as_ref().map(|d| d8(*d.expose()))),
    c("11a-m", "SEX M", (20, 68, 1), x(When::In(&["M"])), "subscriber.sex", "NM1*IL>DMG/03", |c| c.subscriber.sex.map(sex)),
    c("11a-f", "SEX F", (20, 75, 1), x(When::In(&["F"])), "subscriber.sex", "NM1*IL>DMG/03", |c| c.subscriber.sex.map(sex)),
    c("10b-yes", "AUTO ACCIDENT? YES", (22, 35, 1), x(When::Has("AA")), "relatedCauses.causes", "CLM/11:01-03", causes),
    c("10b-no", "AUTO ACCIDENT? NO", (22, 41, 1), x(When::HasNot("AA")), "relatedCauses.causes", "CLM/11:01-03", causes),
    c("10b-state", "PLACE (STATE)", (22, 45, 2), Format::Text, "relatedCauses.state", "CLM/11:04", |c| c.related_causes.as_ref().and_then(|r| r.state.clone())),
    c("10c-yes", "OTHER ACCIDENT? YES", (24, 35, 1), x(When::Has("OA")), "relatedCauses.causes", "CLM/11:01-03", causes),
    c("10c-no", "OTHER ACCIDENT? NO", (24, 41, 1), x(When::HasNot("OA")), "relatedCauses.causes", "CLM/11:01-03", causes),
    c("11c", "INSURANCE PLAN NAME OR PROGRAM NAME", (24, 50, 29), Format::Text, "subscriber.groupName", "SBR/04", |c| c.subscriber.group_name.clone()),
    c("9d", "INSURANCE PLAN NAME OR PROGRAM NAME", (26, 1, 28), Format::Text, "otherPayers[0].groupName", "SBR#2/04", |c| c.other_payers.first().and_then(|o| o.group_name.clone())),
    c("10d-1", "CLAIM CODES", (26, 31, 2), Format::Text, "form.professional.conditionCodes[0]", "HI*BG/01:02", |c| professional_condition(c, 0)),
    c("10d-2", "CLAIM CODES", (26, 34, 2), Format::Text, "form.professional.conditionCodes[1]", "HI*BG/02:02", |c| professional_condition(c, 1)),
    c("10d-3", "CLAIM CODES", (26, 37, 2), Format::Text, "form.professional.conditionCodes[2]", "HI*BG/03:02", |c| professional_condition(c, 2)),
    c("10d-4", "CLAIM CODES", (26, 40, 2), Format::Text, "form.professional.conditionCodes[3]", "HI*BG/04:02", |c| professional_condition(c, 3)),
    c("11d-yes", "ANOTHER HEALTH BENEFIT PLAN? YES", (26, 52, 1), x(When::Present), "otherPayers", "SBR#2/01", other_payer_responsibility),
    c("11d-no", "ANOTHER HEALTH BENEFIT PLAN? NO", (26, 57, 1), x(When::Absent), "otherPayers", "SBR#2/01", other_payer_responsibility),
    c("12", "PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", (29, 7, 17), Format::Mark(SOF, When::In(&["Y"])), "indicators.releaseOfInformation", "CLM/09", release),
    c("13", "INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", (29, 55, 17), Format::Mark(SOF, When::In(&["Y"])), "indicators.benefitsAssigned", "CLM/08", benefits),
    c("14", "DATE OF CURRENT ILLNESS, INJURY, OR PREGNANCY (LMP)", (32, 2, 10), Format::DateLong, "dates.onset | dates.lastMenstrualPeriod", "DTP*431/03|DTP*484/03", |c| current_illness(c).map(|(_, d)| d8(d))),
    c("14-qual", "QUAL", (32, 16, 3), Format::Text, "dates.onset | dates.lastMenstrualPeriod", "DTP*431/01|DTP*484/01", |c| current_illness(c).map(|(q, _)| q.to_owned())),
    c("15-qual", "OTHER DATE QUAL", (32, 31, 3), Format::Text, "dates (first other date)", OTHER_DATE_QUALIFIERS, |c| other_date(c).map(|(q, _)| q.to_owned())),
    c("15", "OTHER DATE", (32, 37, 10), Format::DateLong, "dates (first other date)", OTHER_DATES, |c| other_date(c).map(|(_, d)| d8(d))),
    c("16-from", "DATES PATIENT UNABLE TO WORK FROM", (32, 54, 10), Format::DateLong, "dates.disabilityFrom", "DTP*314/03|DTP*360/03", |c| c.dates.disability_from.map(d8)),
    c("16-to", "TO", (32, 68, 10), Format::DateEndLong, "dates.disabilityThrough", "DTP*314/03|DTP*361/03", |c| c.dates.disability_through.map(d8)),
    c("17a-qual", "17a", (33, 30, 2), Format::Text, "referringProvider | form.professional.lines[].orderingProvider | supervisingProvider", "NM1*DN>REF/01|~NM1*DK>REF/01|NM1*DQ>REF/01", |c| box17(c).and_then(|(_, p)| p.secondary_ids.first()).map(|s| s.kind.code().to_owned())),
    c("17a", "17a OTHER ID", (33, 33, 15), Format::Text, "referringProvider | form.professional.lines[].orderingProvider | supervisingProvider", "NM1*DN>REF/02|~NM1*DK>REF/02|NM1*DQ>REF/02", |c| box17(c).and_then(|(_, p)| p.secondary_ids.first()).map(|s| s.id.clone())),
    c("17-qual", "17 QUAL", (34, 1, 2), Format::Text, "referringProvider | form.professional.lines[].orderingProvider | supervisingProvider", "NM1*DN/01|~NM1*DK/01|NM1*DQ/01", |c| box17(c).map(|(q, _)| q.to_owned())),
    c("17", "NAME OF REFERRING PROVIDER OR OTHER SOURCE", (34, 4, 25), Format::Name, "referringProvider.name | form.professional.lines[].orderingProvider.name | supervisingProvider.name", "NM1*DN/03-05|~NM1*DK/03-05|NM1*DQ/03-05", |c| box17(c).map(|(_, p)| party(&p.name))),
    c("17b", "17b NPI", (34, 33, 10), Format::Text, "referringProvider.npi | form.professional.lines[].orderingProvider.npi | supervisingProvider.npi", "NM1*DN/09|~NM1*DK/09|NM1*DQ/09", |c| box17(c).map(|(_, p)| p.npi.to_string())),
    c("18-from", "HOSPITALIZATION DATES FROM", (34, 54, 10), Format::DateLong, "dates.hospitalizedFrom", "DTP*435/03", |c| c.dates.hospitalized_from.map(d8)),
    c("18-to", "TO", (34, 68, 10), Format::DateLong, "dates.hospitalizedThrough", "DTP*096/03", |c| c.dates.hospitalized_through.map(d8)),
    c("19", "ADDITIONAL CLAIM INFORMATION", (36, 1, 48), Format::Text, "notes[0].text, attachments[]", "CLM>NTE/02+CLM>>PWK/00.01.02.06", box19),
    c("20-yes", "OUTSIDE LAB? YES", (36, 52, 1), x(When::Present), "form.professional.lines[].purchasedService", "", purchased),
    c("20-no", "OUTSIDE LAB? NO", (36, 57, 1), x(When::Absent), "form.professional.lines[].purchasedService", "", purchased),
    special("20", "$ CHARGES", (36, 63, 8), Format::Amount, Pages::Every, Source::Total(purchased_total)),
    c("21-ind", "ICD IND.", (37, 42, 1), Format::Fixed("0"), "diagnoses", "HI*ABK/01:01", |c| (!c.diagnoses.is_empty()).then(|| "ABK".to_owned())),
    c("21A", "A.", (38, 3, 8), Format::Text, "diagnoses[0]", "HI*ABK/01:02", |c| dx(c, 0)),
    c("21B", "B.", (38, 16, 8), Format::Text, "diagnoses[1]", "HI*ABK/02:02", |c| dx(c, 1)),
    c("21C", "C.", (38, 29, 8), Format::Text, "diagnoses[2]", "HI*ABK/03:02", |c| dx(c, 2)),
    c("21D", "D.", (38, 42, 8), Format::Text, "diagnoses[3]", "HI*ABK/04:02", |c| dx(c, 3)),
    c("22-code", "RESUBMISSION CODE", (38, 50, 10), Format::TextIf(&["7", "8"]), "frequency", "CLM/05:03", |c| Some(c.frequency.code().to_owned())),
    c("22", "ORIGINAL REF. NO.", (38, 62, 15), Format::Text, "originalClaimNumber", "CLM>REF*F8/02", |c| c.original_claim_number.clone()),
    c("21E", "E.", (39, 3, 8), Format::Text, "diagnoses[4]", "HI*ABK/05:02", |c| dx(c, 4)),
    c("21F", "F.", (39, 16, 8), Format::Text, "diagnoses[5]", "HI*ABK/06:02", |c| dx(c, 5)),
    c("21G", "G.", (39, 29, 8), Format::Text, "diagnoses[6]", "HI*ABK/07:02", |c| dx(c, 6)),
    c("21H", "H.", (39, 42, 8), Format::Text, "diagnoses[7]", "HI*ABK/08:02", |c| dx(c, 7)),
    c("21I", "I.", (40, 3, 8), Format::Text, "diagnoses[8]", "HI*ABK/09:02", |c| dx(c, 8)),
    c("21J", "J.", (40, 16, 8), Format::Text, "diagnoses[9]", "HI*ABK/10:02", |c| dx(c, 9)),
    c("21K", "K.", (40, 29, 8), Format::Text, "diagnoses[10]", "HI*ABK/11:02", |c| dx(c, 10)),
    c("21L", "L.", (40, 42, 8), Format::Text, "diagnoses[11]", "HI*ABK/12:02", |c| dx(c, 11)),
    c("23", "PRIOR AUTHORIZATION NUMBER", (40, 50, 29), Format::Text, "priorAuthorization | referralNumber | form.professional.cliaNumber", "CLM>REF*G1/02|CLM>REF*9F/02|CLM>REF*X4/02", box23),
    l("24-ndc", "24 SHADED: NDC", (43, 1, 13), Format::Prefixed("N4"), "form.professional.lines[].drug.ndc", "LIN/03", |c, i| pline(c, i).and_then(|l| l.drug.as_ref()).map(|d| d.ndc.as_str().to_owned())),
    l("24-ndc-unit", "UNIT", (43, 15, 2), Format::Text, "form.professional.lines[].drug.unit", "CTP/05:01", |c, i| pline(c, i).and_then(|l| l.drug.as_ref()).map(|d| drug_unit(d.unit).to_owned())),
    l("24-ndc-quantity", "QUANTITY", (43, 17, 10), Format::Number, "form.professional.lines[].drug.quantity", "CTP/04", |c, i| pline(c, i).and_then(|l| l.drug.as_ref()).map(|d| d.quantity.normalize().to_string())),
    l("24I", "ID. QUAL.", (43, 65, 2), Format::Text, "form.professional.lines[].renderingProvider | renderingProvider", "NM1*82>REF/01|^NM1*82>REF/01", |c, i| line_rendering(c, i).and_then(|p| p.secondary_ids.first()).map(|s| s.kind.code().to_owned())),
    l("24J-other", "RENDERING PROVIDER ID (SHADED)", (43, 68, 10), Format::Text, "form.professional.lines[].renderingProvider | renderingProvider", "NM1*82>REF/02|^NM1*82>REF/02", |c, i| line_rendering(c, i).and_then(|p| p.secondary_ids.first()).map(|s| s.id.clone())),
    l("24A-from", "24A DATE(S) OF SERVICE FROM", (44, 1, 8), Format::DateShort, "form.professional.lines[].serviceDate", "DTP*472/03", service_dates),
    l("24A-to", "TO", (44, 10, 8), Format::SpanEndShort, "form.professional.lines[].serviceDateEnd", "DTP*472/03", service_dates),
    l("24B", "PLACE OF SERVICE", (44, 19, 2), Format::Text, "form.professional.lines[].placeOfService | form.professional.placeOfService", "SV1/05|^CLM/05:01", |c, i| {
        let p = professional(c)?;
        let line = p.lines.get(i)?;
        Some(line.place_of_service.as_ref().unwrap_or(&p.place_of_service).as_str().to_owned())
    }),
    l("24C", "EMG", (44, 22, 1), Format::Text, "form.professional.lines[].emergency", "SV1/09", |c, i| pline(c, i).and_then(|l| l.emergency.then(|| "Y".to_owned()))),
    l("24D", "CPT/HCPCS", (44, 25, 6), Format::Text, "form.professional.lines[].procedure", "SV1/01:02", |c, i| pline(c, i).map(|l| l.procedure.as_str().to_owned())),
    l("24D-modifiers", "MODIFIER", (44, 33, 11), Format::Spaced, "form.professional.lines[].modifiers", "SV1/01:03-06", |c, i| pline(c, i).map(|l| l.modifiers.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(":"))),
    l("24E", "DIAGNOSIS POINTER", (44, 45, 4), Format::Pointers, "form.professional.lines[].diagnosisPointers", "SV1/07", |c, i| pline(c, i).map(|l| l.diagnosis_pointers.iter().map(u8::to_string).collect::<Vec<_>>().join(":"))),
    l("24F", "$ CHARGES", (44, 50, 8), Format::Amount, "form.professional.lines[].charge", "SV1/02", |c, i| pline(c, i).map(|l| l.charge.to_string())),
    l("24G", "DAYS OR UNITS", (44, 59, 4), Format::Number, "form.professional.lines[].quantity", "SV1/04", |c, i| pline(c, i).map(|l| l.quantity.value().normalize().to_string())),
    l("24H-epsdt", "EPSDT", (44, 63, 1), Format::Text, "form.professional.lines[].epsdt", "SV1/11", |c, i| pline(c, i).and_then(|l| l.epsdt.then(|| "Y".to_owned()))),
    l("24H-family", "FAMILY PLAN", (44, 64, 1), Format::Text, "form.professional.lines[].familyPlanning", "SV1/12", |c, i| pline(c, i).and_then(|l| l.family_planning.then(|| "Y".to_owned()))),
    l("24J", "RENDERING PROVIDER NPI", (44, 68, 10), Format::Text, "form.professional.lines[].renderingProvider.npi | renderingProvider.npi", "NM1*82/09|^NM1*82/09", |c, i| line_rendering(c, i).map(|p| p.npi.to_string())),
    c("25", "FEDERAL TAX I.D. NUMBER", (56, 1, 15), Format::Text, "billingProvider.taxId", "NM1*85>REF*EI/02|NM1*85>REF*SY/02", |c| tax_id(c).map(|(_, v)| v)),
    c("25-ssn", "SSN", (56, 17, 1), x(When::In(&["SY"])), "billingProvider.taxId.kind", "NM1*85>REF*EI/01|NM1*85>REF*SY/01", |c| tax_id(c).map(|(k, _)| k.to_owned())),
    c("25-ein", "EIN", (56, 19, 1), x(When::In(&["EI"])), "billingProvider.taxId.kind", "NM1*85>REF*EI/01|NM1*85>REF*SY/01", |c| tax_id(c).map(|(k, _)| k.to_owned())),
    c("26", "PATIENT'S ACCOUNT NO.", (56, 23, 14), Format::Text, "patientControlNumber", "CLM/01", |c| Some(c.patient_control_number.clone())),
    c("27-yes", "ACCEPT ASSIGNMENT? YES", (56, 38, 1), x(When::In(&["A", "B"])), "indicators.assignment", "CLM/07", assignment),
    c("27-no", "ACCEPT ASSIGNMENT? NO", (56, 43, 1), x(When::In(&["C"])), "indicators.assignment", "CLM/07", assignment),
    last(c("28", "TOTAL CHARGE", (56, 52, 8), Format::Amount, "totalCharge", "CLM/02", |c| Some(c.total_charge.to_string()))),
    special("28", "TOTAL CHARGE", (56, 51, 9), Format::Fixed("CONTINUED"), Pages::NotLast, Source::PageNumber),
    last(c("29", "AMOUNT PAID", (56, 62, 8), Format::Amount, "form.professional.patientAmountPaid", "CLM>AMT*F5/02", |c| professional(c).and_then(|p| p.patient_amount_paid).map(|m| m.to_string()))),
    c("33-phone", "33 BILLING PROVIDER PH #", (57, 66, 12), Format::Phone, "billingProvider.contacts[0].numbers[0]", "NM1*85>PER/04", billing_phone),
    c("32", "32 SERVICE FACILITY LOCATION INFORMATION", (58, 23, 26), Format::Text, "serviceFacility.name", "NM1*77/03", |c| c.service_facility.as_ref().map(|f| f.name.clone())),
    c("33", "33 BILLING PROVIDER INFO", (58, 50, 29), Format::Name, "billingProvider.name", "NM1*85/03-05", |c| Some(party(&c.billing_provider.name))),
    c("32-street", "ADDRESS", (59, 23, 26), Format::Text, "serviceFacility.address.lines[0]", "NM1*77>N3/01", |c| street(c.service_facility.as_ref().map(|f| &f.address), 0)),
    c("33-street", "ADDRESS", (59, 50, 29), Format::Text, "billingProvider.address.lines[0]", "NM1*85>N3/01", |c| street(c.billing_provider.address.as_ref(), 0)),
    c("31", "SIGNATURE OF PHYSICIAN OR SUPPLIER", (60, 1, 20), Format::Mark(SOF, When::In(&["Y"])), "indicators.providerSignatureOnFile", "CLM/06", |c| Some(yes_no(c.indicators.provider_signature_on_file))),
    c("32-city", "CITY STATE ZIP", (60, 23, 26), Format::CityStateZip, "serviceFacility.address", "NM1*77>N4/01-03", |c| city_state_zip(c.service_facility.as_ref().map(|f| &f.address))),
    c("33-city", "CITY STATE ZIP", (60, 50, 29), Format::CityStateZip, "billingProvider.address", "NM1*85>N4/01-03", |c| city_state_zip(c.billing_provider.address.as_ref())),
    c("32a", "32a NPI", (61, 23, 10), Format::Text, "serviceFacility.npi", "NM1*77/09", |c| c.service_facility.as_ref().and_then(|f| f.npi.as_ref()).map(|n| n.to_string())),
    c("32b-qual", "32b", (61, 36, 2), Format::Text, "serviceFacility.secondaryIds[0].kind", "NM1*77>REF/01", |c| c.service_facility.as_ref().and_then(|f| f.secondary_ids.first()).map(|s| s.kind.code().to_owned())),
    c("32b", "32b OTHER ID", (61, 38, 11), Format::Text, "serviceFacility.secondaryIds[0].id", "NM1*77>REF/02", |c| c.service_facility.as_ref().and_then(|f| f.secondary_ids.first()).map(|s| s.id.clone())),
    c("33a", "33a NPI", (61, 50, 10), Format::Text, "billingProvider.npi", "NM1*85/09", |c| Some(c.billing_provider.npi.to_string())),
    c("33b-qual", "33b", (61, 63, 2), Format::Text, "billingProvider.secondaryIds (0B, 1G)", "NM1*85>REF*0B/01|NM1*85>REF*1G/01", |c| billing_other_id(c).map(|(k, _)| k.to_owned())),
    c("33b", "33b OTHER ID", (61, 65, 14), Format::Text, "billingProvider.secondaryIds (0B, 1G)", "NM1*85>REF*0B/02|NM1*85>REF*1G/02", |c| billing_other_id(c).map(|(_, v)| v)),
];

const OTHER_DATE_QUALIFIERS: &str = "DTP*454/01|DTP*304/01|DTP*453/01|DTP*439/01|DTP*455/01|DTP*471/01|DTP*090/01|DTP*091/01|DTP*444/01";
const OTHER_DATES: &str = "DTP*454/03|DTP*304/03|DTP*453/03|DTP*439/03|DTP*455/03|DTP*471/03|DTP*090/03|DTP*091/03|DTP*444/03";

/// The NUBC UB-04: its form locators in print order. Service lines 1–22 on lines 19–40, a
/// line box's row is `line + row`; line 23 (line 41) holds the page and the totals.
#[rustfmt::skip]
pub static UB04: &[FormBox] = &[
    c("FL1", "1 BILLING PROVIDER", (2, 3, 24), Format::Name, "billingProvider.name", "NM1*85/03-05", |c| Some(party(&c.billing_provider.name))),
    c("FL3a", "3a PAT. CNTL #", (2, 56, 23), Format::Text, "patientControlNumber", "CLM/01", |c| Some(c.patient_control_number.clone())),
    c("FL1-street", "ADDRESS", (3, 3, 24), Format::Text, "billingProvider.address.lines[0]", "NM1*85>N3/01", |c| street(c.billing_provider.address.as_ref(), 0)),
    c("FL2-street", "2 PAY-TO ADDRESS", (3, 28, 24), Format::Text, "payToProvider.address.lines[0]", "NM1*87>N3/01", |c| street(c.pay_to_provider.as_ref().map(|p| &p.address), 0)),
    c("FL3b", "b. MED. REC. #", (3, 56, 23), Format::Text, "medicalRecordNumber", "CLM>REF*EA/02", |c| c.medical_record_number.clone()),
    c("FL4", "4 TYPE OF BILL", (3, 79, 4), Format::TypeOfBill, "form.institutional.facilityType, frequency", "CLM/05:01-03", |c| institutional(c).map(|i| format!("{}:A:{}", i.facility_type, c.frequency.code()))),
    c("FL1-city", "CITY STATE ZIP", (4, 3, 24), Format::CityStateZip, "billingProvider.address", "NM1*85>N4/01-03", |c| city_state_zip(c.billing_provider.address.as_ref())),
    c("FL2-city", "CITY STATE ZIP", (4, 28, 24), Format::CityStateZip, "payToProvider.address", "NM1*87>N4/01-03", |c| city_state_zip(c.pay_to_provider.as_ref().map(|p| &p.address))),
    c("FL1-phone", "PHONE", (5, 3, 24), Format::Phone, "billingProvider.contacts[0].numbers[0]", "NM1*85>PER/04", billing_phone),
    c("FL5", "5 FED. TAX NO.", (5, 52, 10), Format::Text, "billingProvider.taxId", "NM1*85>REF*EI/02|NM1*85>REF*SY/02", |c| tax_id(c).map(|(_, v)| v)),
    c("FL6-from", "6 STATEMENT COVERS PERIOD FROM", (5, 63, 6), Format::UbDate, "form.institutional.statementFrom", "DTP*434/03", statement_period),
    c("FL6-through", "THROUGH", (5, 70, 6), Format::UbDateEnd, "form.institutional.statementThrough", "DTP*434/03", statement_period),
    c("FL9a", "9 PATIENT ADDRESS a", (6, 44, 41), Format::Text, "patient.address.lines[0] | subscriber.address.lines[0]", "NM1*QC>N3/01|NM1*IL>N3/01", |c| street(patient_address(c), 0)),
    c("FL8b", "8 PATIENT NAME b", (7, 4, 28), Format::Name, "patient.name | subscriber.name", "NM1*QC/03-05|NM1*IL/03-05", |c| Some(patient_name(c))),
    c("FL9b", "b CITY", (7, 34, 32), Format::Text, "patient.address.city", "NM1*QC>N4/01|NM1*IL>N4/01", |c| patient_address(c).map(|a| a.city.clone())),
    c("FL9c", "c STATE", (7, 67, 2), Format::Text, "patient.address.state", "NM1*QC>N4/02|NM1*IL>N4/02", |c| patient_address(c).map(|a| a.state.clone())),
    c("FL9d", "d ZIP", (7, 71, 10), Format::Zip, "patient.address.postalCode", "NM1*QC>N4/03|NM1*IL>N4/03", |c| patient_address(c).map(|a| a.postal_code.clone())),
    c("FL10", "10 BIRTHDATE", (9, 2, 8), Format::UbDateLong, "patient.birthDate | subscriber.birthDate", "NM1*QC>DMG/02|NM1*IL>DMG/02", patient_birth),
    c("FL11", "11 SEX", (9, 12, 1), Format::Text, "patient.sex | subscriber.sex", "NM1*QC>DMG/03|NM1*IL>DMG/03", patient_sex),
    c("FL12", "12 ADMISSION DATE", (9, 14, 6), Format::UbDate, "form.institutional.admission.date", "DTP*435/03", admission_moment),
    c("FL13", "13 HR", (9, 20, 2), Format::Hour, "form.institutional.admission.hour", "DTP*435/03", admission_moment),
    c("FL14", "14 TYPE", (9, 23, 1), Format::Text, "form.institutional.admission.typeCode", "CL1/01", |c| institutional(c).and_then(|i| i.admission.as_ref()).map(|a| a.type_code.clone())),
    c("FL15", "15 SRC", (9, 26, 1), Format::Text, "form.institutional.admission.sourceCode", "CL1/02", |c| institutional(c).and_then(|i| i.admission.as_ref()).and_then(|a| a.source_code.clone())),
    c("FL16", "16 DHR", (9, 29, 2), Format::Hour, "form.institutional.dischargeHour", "DTP*096/03", |c| institutional(c).and_then(|i| i.discharge_hour).map(|h| format!("{h:02}00"))),
    c("FL17", "17 STAT", (9, 32, 2), Format::Text, "form.institutional.patientStatus", "CL1/03", |c| institutional(c).map(|i| i.patient_status.clone())),
    c("FL18", "18 CONDITION CODES", (9, 35, 2), Format::Text, "form.institutional.conditionCodes[0]", "HI*BG/01:02", |c| ub_condition(c, 0)),
    c("FL19", "19", (9, 38, 2), Format::Text, "form.institutional.conditionCodes[1]", "HI*BG/02:02", |c| ub_condition(c, 1)),
    c("FL20", "20", (9, 41, 2), Format::Text, "form.institutional.conditionCodes[2]", "HI*BG/03:02", |c| ub_condition(c, 2)),
    c("FL21", "21", (9, 44, 2), Format::Text, "form.institutional.conditionCodes[3]", "HI*BG/04:02", |c| ub_condition(c, 3)),
    c("FL22", "22", (9, 47, 2), Format::Text, "form.institutional.conditionCodes[4]", "HI*BG/05:02", |c| ub_condition(c, 4)),
    c("FL23", "23", (9, 50, 2), Format::Text, "form.institutional.conditionCodes[5]", "HI*BG/06:02", |c| ub_condition(c, 5)),
    c("FL24", "24", (9, 53, 2), Format::Text, "form.institutional.conditionCodes[6]", "HI*BG/07:02", |c| ub_condition(c, 6)),
    c("FL25", "25", (9, 56, 2), Format::Text, "form.institutional.conditionCodes[7]", "HI*BG/08:02", |c| ub_condition(c, 7)),
    c("FL26", "26", (9, 59, 2), Format::Text, "form.institutional.conditionCodes[8]", "HI*BG/09:02", |c| ub_condition(c, 8)),
    c("FL27", "27", (9, 62, 2), Format::Text, "form.institutional.conditionCodes[9]", "HI*BG/10:02", |c| ub_condition(c, 9)),
    c("FL28", "28", (9, 65, 2), Format::Text, "form.institutional.conditionCodes[10]", "HI*BG/11:02", |c| ub_condition(c, 10)),
    c("FL31a", "31 OCCURRENCE CODE", (11, 2, 2), Format::Text, "form.institutional.occurrenceCodes[0].code", "HI*BH/01:02", |c| occurrence(c, 0, false)),
    c("FL31a-date", "DATE", (11, 5, 6), Format::UbDate, "form.institutional.occurrenceCodes[0].date", "HI*BH/01:04", |c| occurrence(c, 0, true)),
    c("FL32a", "32 OCCURRENCE CODE", (11, 12, 2), Format::Text, "form.institutional.occurrenceCodes[1].code", "HI*BH/02:02", |c| occurrence(c, 1, false)),
    c("FL32a-date", "DATE", (11, 15, 6), Format::UbDate, "form.institutional.occurrenceCodes[1].date", "HI*BH/02:04", |c| occurrence(c, 1, true)),
    c("FL33a", "33 OCCURRENCE CODE", (11, 22, 2), Format::Text, "form.institutional.occurrenceCodes[2].code", "HI*BH/03:02", |c| occurrence(c, 2, false)),
    c("FL33a-date", "DATE", (11, 25, 6), Format::UbDate, "form.institutional.occurrenceCodes[2].date", "HI*BH/03:04", |c| occurrence(c, 2, true)),
    c("FL34a", "34 OCCURRENCE CODE", (11, 32, 2), Format::Text, "form.institutional.occurrenceCodes[3].code", "HI*BH/04:02", |c| occurrence(c, 3, false)),
    c("FL34a-date", "DATE", (11, 35, 6), Format::UbDate, "form.institutional.occurrenceCodes[3].date", "HI*BH/04:04", |c| occurrence(c, 3, true)),
    c("FL35a", "35 OCCURRENCE SPAN CODE", (11, 42, 2), Format::Text, "form.institutional.occurrenceSpans[0].code", "HI*BI/01:02", |c| span(c, 0)),
    c("FL35a-from", "FROM", (11, 46, 6), Format::UbDate, "form.institutional.occurrenceSpans[0].from", "HI*BI/01:04", |c| span_dates(c, 0)),
    c("FL35a-through", "THROUGH", (11, 53, 6), Format::UbDateEnd, "form.institutional.occurrenceSpans[0].through", "HI*BI/01:04", |c| span_dates(c, 0)),
    c("FL36a", "36 OCCURRENCE SPAN CODE", (11, 60, 2), Format::Text, "form.institutional.occurrenceSpans[1].code", "HI*BI/02:02", |c| span(c, 1)),
    c("FL36a-from", "FROM", (11, 63, 6), Format::UbDate, "form.institutional.occurrenceSpans[1].from", "HI*BI/02:04", |c| span_dates(c, 1)),
    c("FL36a-through", "THROUGH", (11, 70, 6), Format::UbDateEnd, "form.institutional.occurrenceSpans[1].through", "HI*BI/02:04", |c| span_dates(c, 1)),
    c("FL31b", "31b", (12, 2, 2), Format::Text, "form.institutional.occurrenceCodes[4].code", "HI*BH/05:02", |c| occurrence(c, 4, false)),
    c("FL31b-date", "DATE", (12, 5, 6), Format::UbDate, "form.institutional.occurrenceCodes[4].date", "HI*BH/05:04", |c| occurrence(c, 4, true)),
    c("FL32b", "32b", (12, 12, 2), Format::Text, "form.institutional.occurrenceCodes[5].code", "HI*BH/06:02", |c| occurrence(c, 5, false)),
    c("FL32b-date", "DATE", (12, 15, 6), Format::UbDate, "form.institutional.occurrenceCodes[5].date", "HI*BH/06:04", |c| occurrence(c, 5, true)),
    c("FL33b", "33b", (12, 22, 2), Format::Text, "form.institutional.occurrenceCodes[6].code", "HI*BH/07:02", |c| occurrence(c, 6, false)),
    c("FL33b-date", "DATE", (12, 25, 6), Format::UbDate, "form.institutional.occurrenceCodes[6].date", "HI*BH/07:04", |c| occurrence(c, 6, true)),
    c("FL34b", "34b", (12, 32, 2), Format::Text, "form.institutional.occurrenceCodes[7].code", "HI*BH/08:02", |c| occurrence(c, 7, false)),
    c("FL34b-date", "DATE", (12, 35, 6), Format::UbDate, "form.institutional.occurrenceCodes[7].date", "HI*BH/08:04", |c| occurrence(c, 7, true)),
    c("FL35b", "35b", (12, 42, 2), Format::Text, "form.institutional.occurrenceSpans[2].code", "HI*BI/03:02", |c| span(c, 2)),
    c("FL35b-from", "FROM", (12, 46, 6), Format::UbDate, "form.institutional.occurrenceSpans[2].from", "HI*BI/03:04", |c| span_dates(c, 2)),
    c("FL35b-through", "THROUGH", (12, 53, 6), Format::UbDateEnd, "form.institutional.occurrenceSpans[2].through", "HI*BI/03:04", |c| span_dates(c, 2)),
    c("FL36b", "36b", (12, 60, 2), Format::Text, "form.institutional.occurrenceSpans[3].code", "HI*BI/04:02", |c| span(c, 3)),
    c("FL36b-from", "FROM", (12, 63, 6), Format::UbDate, "form.institutional.occurrenceSpans[3].from", "HI*BI/04:04", |c| span_dates(c, 3)),
    c("FL36b-through", "THROUGH", (12, 70, 6), Format::UbDateEnd, "form.institutional.occurrenceSpans[3].through", "HI*BI/04:04", |c| span_dates(c, 3)),
    c("FL39a", "39 VALUE CODES", (14, 46, 2), Format::Text, "form.institutional.valueCodes[0].code", "HI*BE/01:02", |c| value_code(c, 0)),
    c("FL39a-amount", "AMOUNT", (14, 49, 9), Format::Amount, "form.institutional.valueCodes[0].amount", "HI*BE/01:05", |c| value_amount(c, 0)),
    c("FL40a", "40 VALUE CODES", (14, 59, 2), Format::Text, "form.institutional.valueCodes[1].code", "HI*BE/02:02", |c| value_code(c, 1)),
    c("FL40a-amount", "AMOUNT", (14, 62, 9), Format::Amount, "form.institutional.valueCodes[1].amount", "HI*BE/02:05", |c| value_amount(c, 1)),
    c("FL41a", "41 VALUE CODES", (14, 72, 2), Format::Text, "form.institutional.valueCodes[2].code", "HI*BE/03:02", |c| value_code(c, 2)),
    c("FL41a-amount", "AMOUNT", (14, 75, 9), Format::Amount, "form.institutional.valueCodes[2].amount", "HI*BE/03:05", |c| value_amount(c, 2)),
    c("FL39b", "39b", (15, 46, 2), Format::Text, "form.institutional.valueCodes[3].code", "HI*BE/04:02", |c| value_code(c, 3)),
    c("FL39b-amount", "AMOUNT", (15, 49, 9), Format::Amount, "form.institutional.valueCodes[3].amount", "HI*BE/04:05", |c| value_amount(c, 3)),
    c("FL40b", "40b", (15, 59, 2), Format::Text, "form.institutional.valueCodes[4].code", "HI*BE/05:02", |c| value_code(c, 4)),
    c("FL40b-amount", "AMOUNT", (15, 62, 9), Format::Amount, "form.institutional.valueCodes[4].amount", "HI*BE/05:05", |c| value_amount(c, 4)),
    c("FL41b", "41b", (15, 72, 2), Format::Text, "form.institutional.valueCodes[5].code", "HI*BE/06:02", |c| value_code(c, 5)),
    c("FL41b-amount", "AMOUNT", (15, 75, 9), Format::Amount, "form.institutional.valueCodes[5].amount", "HI*BE/06:05", |c| value_amount(c, 5)),
    c("FL39c", "39c", (16, 46, 2), Format::Text, "form.institutional.valueCodes[6].code", "HI*BE/07:02", |c| value_code(c, 6)),
    c("FL39c-amount", "AMOUNT", (16, 49, 9), Format::Amount, "form.institutional.valueCodes[6].amount", "HI*BE/07:05", |c| value_amount(c, 6)),
    c("FL40c", "40c", (16, 59, 2), Format::Text, "form.institutional.valueCodes[7].code", "HI*BE/08:02", |c| value_code(c, 7)),
    c("FL40c-amount", "AMOUNT", (16, 62, 9), Format::Amount, "form.institutional.valueCodes[7].amount", "HI*BE/08:05", |c| value_amount(c, 7)),
    c("FL41c", "41c", (16, 72, 2), Format::Text, "form.institutional.valueCodes[8].code", "HI*BE/09:02", |c| value_code(c, 8)),
    c("FL41c-amount", "AMOUNT", (16, 75, 9), Format::Amount, "form.institutional.valueCodes[8].amount", "HI*BE/09:05", |c| value_amount(c, 8)),
    c("FL39d", "39d", (17, 46, 2), Format::Text, "form.institutional.valueCodes[9].code", "HI*BE/10:02", |c| value_code(c, 9)),
    c("FL39d-amount", "AMOUNT", (17, 49, 9), Format::Amount, "form.institutional.valueCodes[9].amount", "HI*BE/10:05", |c| value_amount(c, 9)),
    c("FL40d", "40d", (17, 59, 2), Format::Text, "form.institutional.valueCodes[10].code", "HI*BE/11:02", |c| value_code(c, 10)),
    c("FL40d-amount", "AMOUNT", (17, 62, 9), Format::Amount, "form.institutional.valueCodes[10].amount", "HI*BE/11:05", |c| value_amount(c, 10)),
    c("FL41d", "41d", (17, 72, 2), Format::Text, "form.institutional.valueCodes[11].code", "HI*BE/12:02", |c| value_code(c, 11)),
    c("FL41d-amount", "AMOUNT", (17, 75, 9), Format::Amount, "form.institutional.valueCodes[11].amount", "HI*BE/12:05", |c| value_amount(c, 11)),
    l("FL42", "42 REV. CD.", (19, 2, 4), Format::Text, "form.institutional.lines[].revenueCode", "SV2/01", |c, i| iline(c, i).map(|l| l.revenue_code.as_str().to_owned())),
    l("FL43-ndc", "43 DESCRIPTION: NDC", (19, 7, 13), Format::Prefixed("N4"), "form.institutional.lines[].drug.ndc", "LIN/03", |c, i| iline(c, i).and_then(|l| l.drug.as_ref()).map(|d| d.ndc.as_str().to_owned())),
    l("FL43-ndc-unit", "UNIT", (19, 20, 2), Format::Text, "form.institutional.lines[].drug.unit", "CTP/05:01", |c, i| iline(c, i).and_then(|l| l.drug.as_ref()).map(|d| drug_unit(d.unit).to_owned())),
    l("FL43-ndc-quantity", "QUANTITY", (19, 22, 10), Format::Quantity, "form.institutional.lines[].drug.quantity", "CTP/04", |c, i| iline(c, i).and_then(|l| l.drug.as_ref()).map(|d| d.quantity.normalize().to_string())),
    l("FL44", "44 HCPCS / RATE / HIPPS CODE", (19, 32, 14), Format::Spaced, "form.institutional.lines[].procedure, modifiers", "SV2/02:02-06", |c, i| {
        let line = iline(c, i)?;
        let code = line.procedure.as_ref()?;
        let mut parts = vec![code.as_str()];
        parts.extend(line.modifiers.iter().map(|m| m.as_str()));
        Some(parts.join(":"))
    }),
    l("FL45", "45 SERV. DATE", (19, 47, 6), Format::UbDate, "form.institutional.lines[].serviceDate", "DTP*472/03", |c, i| iline(c, i).and_then(|l| l.service_date).map(d8)),
    l("FL46", "46 SERV. UNITS", (19, 54, 7), Format::Number, "form.institutional.lines[].units", "SV2/05", |c, i| iline(c, i).map(|l| l.units.normalize().to_string())),
    l("FL47", "47 TOTAL CHARGES", (19, 62, 10), Format::Amount, "form.institutional.lines[].charge", "SV2/03", |c, i| iline(c, i).map(|l| l.charge.to_string())),
    l("FL48", "48 NON-COVERED CHARGES", (19, 72, 9), Format::Amount, "form.institutional.lines[].nonCoveredCharge", "SV2/07", |c, i| iline(c, i).and_then(|l| l.non_covered_charge).map(|m| m.to_string())),
    special("FL42-23", "0001", (41, 2, 4), Format::Fixed("0001"), Pages::Last, Source::PageNumber),
    special("FL43-page", "PAGE", (41, 12, 3), Format::Text, Pages::Every, Source::PageNumber),
    special("FL43-of", "OF", (41, 18, 3), Format::Text, Pages::Every, Source::PageCount),
    special("FL45-23", "CREATION DATE", (41, 47, 6), Format::UbDate, Pages::Every, Source::CreationDate),
    last(c("FL47-23", "TOTALS", (41, 62, 10), Format::Amount, "totalCharge", "CLM/02", |c| Some(c.total_charge.to_string()))),
    special("FL48-23", "NON-COVERED TOTAL", (41, 72, 9), Format::Amount, Pages::Last, Source::Total(non_covered_total)),
    c("FL56", "56 NPI", (42, 70, 15), Format::Text, "billingProvider.npi", "NM1*85/09", |c| Some(c.billing_provider.npi.to_string())),
    c("FL50A", "50 PAYER NAME A", (43, 2, 22), Format::Text, "payer.name", "NM1*PR/03", |c| Some(c.payer.name.clone())),
    c("FL51A", "51 HEALTH PLAN ID", (43, 25, 14), Format::Text, "payer.payerId", "NM1*PR/09", |c| Some(c.payer.payer_id.clone())),
    c("FL52A", "52 REL. INFO", (43, 40, 1), Format::Text, "indicators.releaseOfInformation", "CLM/09", release),
    c("FL53A", "53 ASG. BEN.", (43, 44, 1), Format::Text, "indicators.benefitsAssigned", "CLM/08", benefits),
    c("FL55A", "55 EST. AMOUNT DUE", (43, 56, 11), Format::Amount, "form.institutional.estimatedAmountDue", "CLM>AMT*F3/02", |c| institutional(c).and_then(|i| i.estimated_amount_due).map(|m| m.to_string())),
    c("FL57A", "57 OTHER PRV ID", (43, 70, 15), Format::Text, "billingProvider.secondaryIds (0B, 1G)", "NM1*85>REF*0B/02|NM1*85>REF*1G/02", |c| billing_other_id(c).map(|(_, v)| v)),
    c("FL50B", "50 PAYER NAME B", (44, 2, 22), Format::Text, "otherPayers[0].payer.name", "NM1*PR#2/03", |c| c.other_payers.first().map(|o| o.payer.name.clone())),
    c("FL51B", "51 HEALTH PLAN ID", (44, 25, 14), Format::Text, "otherPayers[0].payer.payerId", "NM1*PR#2/09", |c| c.other_payers.first().map(|o| o.payer.payer_id.clone())),
    c("FL54B", "54 PRIOR PAYMENTS", (44, 46, 10), Format::Amount, "otherPayers[0].paid", "AMT*D/02", |c| c.other_payers.first().and_then(|o| o.paid).map(|m| m.to_string())),
    c("FL50C", "50 PAYER NAME C", (45, 2, 22), Format::Text, "otherPayers[1].payer.name", "NM1*PR#3/03", |c| c.other_payers.get(1).map(|o| o.payer.name.clone())),
    c("FL51C", "51 HEALTH PLAN ID", (45, 25, 14), Format::Text, "otherPayers[1].payer.payerId", "NM1*PR#3/09", |c| c.other_payers.get(1).map(|o| o.payer.payer_id.clone())),
    c("FL54C", "54 PRIOR PAYMENTS", (45, 46, 10), Format::Amount, "otherPayers[1].paid", "AMT*D#2/02", |c| c.other_payers.get(1).and_then(|o| o.paid).map(|m| m.to_string())),
    c("FL58A", "58 INSURED'S NAME A", (47, 2, 26), Format::Name, "subscriber.name", "NM1*IL/03-05", |c| Some(person(c.subscriber.name.expose()))),
    c("FL59A", "59 P. REL", (47, 28, 2), Format::Text, "patient.relationship", "PAT/01|SBR/02", relationship),
    c("FL60A", "60 INSURED'S UNIQUE ID", (47, 31, 20), Format::Text, "subscriber.memberId", "NM1*IL/09", |c| Some(c.subscriber.member_id.expose().clone())),
    c("FL61A", "61 GROUP NAME", (47, 52, 15), Format::Text, "subscriber.groupName", "SBR/04", |c| c.subscriber.group_name.clone()),
    c("FL62A", "62 INSURANCE GROUP NO.", (47, 67, 18), Format::Text, "subscriber.groupNumber", "SBR/03", |c| c.subscriber.group_number.clone()),
    c("FL58B", "58 INSURED'S NAME B", (48, 2, 26), Format::Name, "otherPayers[0].subscriberName", "NM1*IL#2/03-05", |c| c.other_payers.first().map(|o| person(o.subscriber_name.expose()))),
    c("FL59B", "59 P. REL", (48, 28, 2), Format::Text, "otherPayers[0].relationship", "SBR#2/02", |c| c.other_payers.first().map(|o| o.relationship.clone())),
    c("FL60B", "60 INSURED'S UNIQUE ID", (48, 31, 20), Format::Text, "otherPayers[0].subscriberMemberId", "NM1*IL#2/09", |c| c.other_payers.first().map(|o| o.subscriber_member_id.expose().clone())),
    c("FL61B", "61 GROUP NAME", (48, 52, 15), Format::Text, "otherPayers[0].groupName", "SBR#2/04", |c| c.other_payers.first().and_then(|o| o.group_name.clone())),
    c("FL62B", "62 INSURANCE GROUP NO.", (48, 67, 18), Format::Text, "otherPayers[0].groupNumber", "SBR#2/03", |c| c.other_payers.first().and_then(|o| o.group_number.clone())),
    c("FL58C", "58 INSURED'S NAME C", (49, 2, 26), Format::Name, "otherPayers[1].subscriberName", "NM1*IL#3/03-05", |c| c.other_payers.get(1).map(|o| person(o.subscriber_name.expose()))),
    c("FL59C", "59 P. REL", (49, 28, 2), Format::Text, "otherPayers[1].relationship", "SBR#3/02", |c| c.other_payers.get(1).map(|o| o.relationship.clone())),
    c("FL60C", "60 INSURED'S UNIQUE ID", (49, 31, 20), Format::Text, "otherPayers[1].subscriberMemberId", "NM1*IL#3/09", |c| c.other_payers.get(1).map(|o| o.subscriber_member_id.expose().clone())),
    c("FL61C", "61 GROUP NAME", (49, 52, 15), Format::Text, "otherPayers[1].groupName", "SBR#3/04", |c| c.other_payers.get(1).and_then(|o| o.group_name.clone())),
    c("FL62C", "62 INSURANCE GROUP NO.", (49, 67, 18), Format::Text, "otherPayers[1].groupNumber", "SBR#3/03", |c| c.other_payers.get(1).and_then(|o| o.group_number.clone())),
    c("FL63A", "63 TREATMENT AUTHORIZATION CODES A", (51, 2, 31), Format::Text, "priorAuthorization", "CLM>REF*G1/02", |c| c.prior_authorization.clone()),
    c("FL64A", "64 DOCUMENT CONTROL NUMBER", (51, 34, 26), Format::Text, "originalClaimNumber", "CLM>REF*F8/02", |c| c.original_claim_number.clone()),
    c("FL63B", "63 B", (52, 2, 31), Format::Text, "otherPayers[0].priorAuthorization", "NM1*PR#2>REF*G1/02", |c| c.other_payers.first().and_then(|o| o.prior_authorization.clone())),
    c("FL63C", "63 C", (53, 2, 31), Format::Text, "otherPayers[1].priorAuthorization", "NM1*PR#3>REF*G1/02", |c| c.other_payers.get(1).and_then(|o| o.prior_authorization.clone())),
    c("FL67", "67 PRINCIPAL DIAGNOSIS", (54, 3, 7), Format::Text, "diagnoses[0]", "HI*ABK/01:02", |c| dx(c, 0)),
    c("FL67-poa", "POA", (54, 10, 1), Format::Text, "form.institutional.presentOnAdmission[0]", "HI*ABK/01:09", |c| poa(c, 0)),
    c("FL67A", "A", (54, 11, 7), Format::Text, "diagnoses[1]", "HI*ABF/01:02", |c| dx(c, 1)),
    c("FL67A-poa", "POA", (54, 18, 1), Format::Text, "form.institutional.presentOnAdmission[1]", "HI*ABF/01:09", |c| poa(c, 1)),
    c("FL67B", "B", (54, 19, 7), Format::Text, "diagnoses[2]", "HI*ABF/02:02", |c| dx(c, 2)),
    c("FL67B-poa", "POA", (54, 26, 1), Format::Text, "form.institutional.presentOnAdmission[2]", "HI*ABF/02:09", |c| poa(c, 2)),
    c("FL67C", "C", (54, 27, 7), Format::Text, "diagnoses[3]", "HI*ABF/03:02", |c| dx(c, 3)),
    c("FL67C-poa", "POA", (54, 34, 1), Format::Text, "form.institutional.presentOnAdmission[3]", "HI*ABF/03:09", |c| poa(c, 3)),
    c("FL67D", "D", (54, 35, 7), Format::Text, "diagnoses[4]", "HI*ABF/04:02", |c| dx(c, 4)),
    c("FL67D-poa", "POA", (54, 42, 1), Format::Text, "form.institutional.presentOnAdmission[4]", "HI*ABF/04:09", |c| poa(c, 4)),
    c("FL67E", "E", (54, 43, 7), Format::Text, "diagnoses[5]", "HI*ABF/05:02", |c| dx(c, 5)),
    c("FL67E-poa", "POA", (54, 50, 1), Format::Text, "form.institutional.presentOnAdmission[5]", "HI*ABF/05:09", |c| poa(c, 5)),
    c("FL67F", "F", (54, 51, 7), Format::Text, "diagnoses[6]", "HI*ABF/06:02", |c| dx(c, 6)),
    c("FL67F-poa", "POA", (54, 58, 1), Format::Text, "form.institutional.presentOnAdmission[6]", "HI*ABF/06:09", |c| poa(c, 6)),
    c("FL67G", "G", (54, 59, 7), Format::Text, "diagnoses[7]", "HI*ABF/07:02", |c| dx(c, 7)),
    c("FL67G-poa", "POA", (54, 66, 1), Format::Text, "form.institutional.presentOnAdmission[7]", "HI*ABF/07:09", |c| poa(c, 7)),
    c("FL67H", "H", (54, 67, 7), Format::Text, "diagnoses[8]", "HI*ABF/08:02", |c| dx(c, 8)),
    c("FL67H-poa", "POA", (54, 74, 1), Format::Text, "form.institutional.presentOnAdmission[8]", "HI*ABF/08:09", |c| poa(c, 8)),
    c("FL66", "66 DX", (55, 2, 1), Format::Fixed("0"), "diagnoses", "HI*ABK/01:01", |c| (!c.diagnoses.is_empty()).then(|| "ABK".to_owned())),
    c("FL67I", "I", (55, 3, 7), Format::Text, "diagnoses[9]", "HI*ABF/09:02", |c| dx(c, 9)),
    c("FL67I-poa", "POA", (55, 10, 1), Format::Text, "form.institutional.presentOnAdmission[9]", "HI*ABF/09:09", |c| poa(c, 9)),
    c("FL67J", "J", (55, 11, 7), Format::Text, "diagnoses[10]", "HI*ABF/10:02", |c| dx(c, 10)),
    c("FL67J-poa", "POA", (55, 18, 1), Format::Text, "form.institutional.presentOnAdmission[10]", "HI*ABF/10:09", |c| poa(c, 10)),
    c("FL67K", "K", (55, 19, 7), Format::Text, "diagnoses[11]", "HI*ABF/11:02", |c| dx(c, 11)),
    c("FL67K-poa", "POA", (55, 26, 1), Format::Text, "form.institutional.presentOnAdmission[11]", "HI*ABF/11:09", |c| poa(c, 11)),
    c("FL67L", "L", (55, 27, 7), Format::Text, "diagnoses[12]", "HI*ABF/12:02", |c| dx(c, 12)),
    c("FL67L-poa", "POA", (55, 34, 1), Format::Text, "form.institutional.presentOnAdmission[12]", "HI*ABF/12:09", |c| poa(c, 12)),
    c("FL67M", "M", (55, 35, 7), Format::Text, "diagnoses[13]", "HI*ABF#2/01:02", |c| dx(c, 13)),
    c("FL67M-poa", "POA", (55, 42, 1), Format::Text, "form.institutional.presentOnAdmission[13]", "HI*ABF#2/01:09", |c| poa(c, 13)),
    c("FL67N", "N", (55, 43, 7), Format::Text, "diagnoses[14]", "HI*ABF#2/02:02", |c| dx(c, 14)),
    c("FL67N-poa", "POA", (55, 50, 1), Format::Text, "form.institutional.presentOnAdmission[14]", "HI*ABF#2/02:09", |c| poa(c, 14)),
    c("FL67O", "O", (55, 51, 7), Format::Text, "diagnoses[15]", "HI*ABF#2/03:02", |c| dx(c, 15)),
    c("FL67O-poa", "POA", (55, 58, 1), Format::Text, "form.institutional.presentOnAdmission[15]", "HI*ABF#2/03:09", |c| poa(c, 15)),
    c("FL67P", "P", (55, 59, 7), Format::Text, "diagnoses[16]", "HI*ABF#2/04:02", |c| dx(c, 16)),
    c("FL67P-poa", "POA", (55, 66, 1), Format::Text, "form.institutional.presentOnAdmission[16]", "HI*ABF#2/04:09", |c| poa(c, 16)),
    c("FL67Q", "Q", (55, 67, 7), Format::Text, "diagnoses[17]", "HI*ABF#2/05:02", |c| dx(c, 17)),
    c("FL67Q-poa", "POA", (55, 74, 1), Format::Text, "form.institutional.presentOnAdmission[17]", "HI*ABF#2/05:09", |c| poa(c, 17)),
    c("FL69", "69 ADMIT DX", (56, 6, 7), Format::Text, "form.institutional.admittingDiagnosis", "HI*ABJ/01:02", |c| institutional(c).and_then(|i| i.admitting_diagnosis.as_ref()).map(|d| d.as_str().to_owned())),
    c("FL70a", "70 PATIENT REASON DX a", (56, 19, 7), Format::Text, "form.institutional.reasonsForVisit[0]", "HI*APR/01:02", |c| reason(c, 0)),
    c("FL70b", "b", (56, 27, 7), Format::Text, "form.institutional.reasonsForVisit[1]", "HI*APR/02:02", |c| reason(c, 1)),
    c("FL70c", "c", (56, 35, 7), Format::Text, "form.institutional.reasonsForVisit[2]", "HI*APR/03:02", |c| reason(c, 2)),
    c("FL71", "71 PPS CODE", (56, 44, 5), Format::Text, "form.institutional.drg", "HI*DR/01:02", |c| institutional(c).and_then(|i| i.drg.clone())),
    c("FL72a", "72 ECI a", (56, 51, 7), Format::Text, "form.institutional.externalCauses[0].code", "HI*ABN/01:02", |c| external(c, 0, false)),
    c("FL72a-poa", "POA", (56, 58, 1), Format::Text, "form.institutional.externalCauses[0].presentOnAdmission", "HI*ABN/01:09", |c| external(c, 0, true)),
    c("FL72b", "b", (56, 59, 7), Format::Text, "form.institutional.externalCauses[1].code", "HI*ABN/02:02", |c| external(c, 1, false)),
    c("FL72b-poa", "POA", (56, 66, 1), Format::Text, "form.institutional.externalCauses[1].presentOnAdmission", "HI*ABN/02:09", |c| external(c, 1, true)),
    c("FL72c", "c", (56, 67, 7), Format::Text, "form.institutional.externalCauses[2].code", "HI*ABN/03:02", |c| external(c, 2, false)),
    c("FL72c-poa", "POA", (56, 74, 1), Format::Text, "form.institutional.externalCauses[2].presentOnAdmission", "HI*ABN/03:09", |c| external(c, 2, true)),
    c("FL76", "76 ATTENDING NPI", (57, 61, 10), Format::Text, "form.institutional.attendingProvider.npi", "NM1*71/09", |c| institutional(c).map(|i| i.attending_provider.npi.to_string())),
    c("FL76-qual", "QUAL", (57, 74, 2), Format::Text, "form.institutional.attendingProvider.secondaryIds[0].kind", "NM1*71>REF/01", |c| institutional(c).and_then(|i| i.attending_provider.secondary_ids.first()).map(|s| s.kind.code().to_owned())),
    c("FL76-id", "OTHER ID", (57, 76, 9), Format::Text, "form.institutional.attendingProvider.secondaryIds[0].id", "NM1*71>REF/02", |c| institutional(c).and_then(|i| i.attending_provider.secondary_ids.first()).map(|s| s.id.clone())),
    c("FL74", "74 PRINCIPAL PROCEDURE CODE", (58, 2, 7), Format::Text, "form.institutional.procedures[0].code", "HI*BBR/01:02", |c| pcs(c, 0, false)),
    c("FL74-date", "DATE", (58, 10, 6), Format::UbDate, "form.institutional.procedures[0].date", "HI*BBR/01:04", |c| pcs(c, 0, true)),
    c("FL74a", "a OTHER PROCEDURE CODE", (58, 18, 7), Format::Text, "form.institutional.procedures[1].code", "HI*BBQ/01:02", |c| pcs(c, 1, false)),
    c("FL74a-date", "DATE", (58, 25, 6), Format::UbDate, "form.institutional.procedures[1].date", "HI*BBQ/01:04", |c| pcs(c, 1, true)),
    c("FL74b", "b OTHER PROCEDURE CODE", (58, 33, 7), Format::Text, "form.institutional.procedures[2].code", "HI*BBQ/02:02", |c| pcs(c, 2, false)),
    c("FL74b-date", "DATE", (58, 40, 6), Format::UbDate, "form.institutional.procedures[2].date", "HI*BBQ/02:04", |c| pcs(c, 2, true)),
    c("FL76-last", "LAST", (58, 55, 15), Format::LastName, "form.institutional.attendingProvider.name", "NM1*71/03-05", |c| institutional(c).map(|i| party(&i.attending_provider.name))),
    c("FL76-first", "FIRST", (58, 73, 11), Format::FirstName, "form.institutional.attendingProvider.name", "NM1*71/03-05", |c| institutional(c).map(|i| party(&i.attending_provider.name))),
    c("FL77", "77 OPERATING NPI", (59, 61, 10), Format::Text, "form.institutional.operatingProvider.npi", "NM1*72/09", |c| institutional(c).and_then(|i| i.operating_provider.as_ref()).map(|p| p.npi.to_string())),
    c("FL74c", "c OTHER PROCEDURE CODE", (60, 2, 7), Format::Text, "form.institutional.procedures[3].code", "HI*BBQ/03:02", |c| pcs(c, 3, false)),
    c("FL74c-date", "DATE", (60, 10, 6), Format::UbDate, "form.institutional.procedures[3].date", "HI*BBQ/03:04", |c| pcs(c, 3, true)),
    c("FL74d", "d OTHER PROCEDURE CODE", (60, 18, 7), Format::Text, "form.institutional.procedures[4].code", "HI*BBQ/04:02", |c| pcs(c, 4, false)),
    c("FL74d-date", "DATE", (60, 25, 6), Format::UbDate, "form.institutional.procedures[4].date", "HI*BBQ/04:04", |c| pcs(c, 4, true)),
    c("FL74e", "e OTHER PROCEDURE CODE", (60, 33, 7), Format::Text, "form.institutional.procedures[5].code", "HI*BBQ/05:02", |c| pcs(c, 5, false)),
    c("FL74e-date", "DATE", (60, 40, 6), Format::UbDate, "form.institutional.procedures[5].date", "HI*BBQ/05:04", |c| pcs(c, 5, true)),
    c("FL77-last", "LAST", (60, 55, 15), Format::LastName, "form.institutional.operatingProvider.name", "NM1*72/03-05", |c| institutional(c).and_then(|i| i.operating_provider.as_ref()).map(|p| party(&p.name))),
    c("FL77-first", "FIRST", (60, 73, 11), Format::FirstName, "form.institutional.operatingProvider.name", "NM1*72/03-05", |c| institutional(c).and_then(|i| i.operating_provider.as_ref()).map(|p| party(&p.name))),
    c("FL80", "80 REMARKS", (61, 8, 19), Format::Slice(0, 19), "form.institutional.billingNote", "CLM>NTE*ADD/02", billing_note),
    c("FL81a-qual", "81 CC a", (61, 28, 2), Format::Fixed("B3"), "billingProvider.taxonomy", "PRV*BI/03", |c| c.billing_provider.taxonomy.as_ref().map(|t| t.as_str().to_owned())),
    c("FL81a", "CODE", (61, 31, 10), Format::Text, "billingProvider.taxonomy", "PRV*BI/03", |c| c.billing_provider.taxonomy.as_ref().map(|t| t.as_str().to_owned())),
    c("FL78-qual", "78 OTHER", (61, 58, 2), Format::Text, "form.institutional.otherOperatingProvider", "NM1*ZZ/01", |c| institutional(c).and_then(|i| i.other_operating_provider.as_ref()).map(|_| "ZZ".to_owned())),
    c("FL78", "NPI", (61, 61, 10), Format::Text, "form.institutional.otherOperatingProvider.npi", "NM1*ZZ/09", |c| institutional(c).and_then(|i| i.other_operating_provider.as_ref()).map(|p| p.npi.to_string())),
    c("FL80-2", "REMARKS", (62, 3, 23), Format::Slice(19, 23), "form.institutional.billingNote", "CLM>NTE*ADD/02", billing_note),
    c("FL78-last", "LAST", (62, 55, 15), Format::LastName, "form.institutional.otherOperatingProvider.name", "NM1*ZZ/03-05", |c| institutional(c).and_then(|i| i.other_operating_provider.as_ref()).map(|p| party(&p.name))),
    c("FL78-first", "FIRST", (62, 73, 11), Format::FirstName, "form.institutional.otherOperatingProvider.name", "NM1*ZZ/03-05", |c| institutional(c).and_then(|i| i.other_operating_provider.as_ref()).map(|p| party(&p.name))),
    c("FL80-3", "REMARKS", (63, 3, 23), Format::Slice(42, 23), "form.institutional.billingNote", "CLM>NTE*ADD/02", billing_note),
    c("FL79-qual", "79 OTHER", (63, 58, 2), Format::Text, "renderingProvider | referringProvider", "NM1*82/01|NM1*DN/01", |c| fl79(c).map(|(q, _)| q.to_owned())),
    c("FL79", "NPI", (63, 61, 10), Format::Text, "renderingProvider.npi | referringProvider.npi", "NM1*82/09|NM1*DN/09", |c| fl79(c).map(|(_, p)| p.npi.to_string())),
    c("FL80-4", "REMARKS", (64, 3, 23), Format::Slice(65, 23), "form.institutional.billingNote", "CLM>NTE*ADD/02", billing_note),
    c("FL79-last", "LAST", (64, 55, 15), Format::LastName, "renderingProvider.name | referringProvider.name", "NM1*82/03-05|NM1*DN/03-05", |c| fl79(c).map(|(_, p)| party(&p.name))),
    c("FL79-first", "FIRST", (64, 73, 11), Format::FirstName, "renderingProvider.name | referringProvider.name", "NM1*82/03-05|NM1*DN/03-05", |c| fl79(c).map(|(_, p)| party(&p.name))),
];

/// How many entries of each repeated group a form has room for: more than that is refused,
/// never dropped. `(box, capacity, count, claim field)`.
pub(crate) fn capacities(
    claim: &Claim,
    form: super::Form,
) -> Vec<(&'static str, usize, usize, &'static str)> {
    match (form, &claim.form) {
        (super::Form::Cms1500, ClaimForm::Professional(p)) => vec![
            ("21", 12, claim.diagnoses.len(), "/diagnoses"),
            (
                "10d",
                4,
                p.condition_codes.len(),
                "/form/professional/conditionCodes",
            ),
            ("9", 1, claim.other_payers.len(), "/otherPayers"),
            ("19", 1, claim.notes.len(), "/notes"),
        ],
        (super::Form::Ub04, ClaimForm::Institutional(i)) => vec![
            ("FL67", 18, claim.diagnoses.len(), "/diagnoses"),
            (
                "FL18",
                11,
                i.condition_codes.len(),
                "/form/institutional/conditionCodes",
            ),
            (
                "FL31",
                8,
                i.occurrence_codes.len(),
                "/form/institutional/occurrenceCodes",
            ),
            (
                "FL35",
                4,
                i.occurrence_spans.len(),
                "/form/institutional/occurrenceSpans",
            ),
            (
                "FL39",
                12,
                i.value_codes.len(),
                "/form/institutional/valueCodes",
            ),
            (
                "FL70",
                3,
                i.reasons_for_visit.len(),
                "/form/institutional/reasonsForVisit",
            ),
            (
                "FL72",
                3,
                i.external_causes.len(),
                "/form/institutional/externalCauses",
            ),
            (
                "FL74",
                6,
                i.procedures.len(),
                "/form/institutional/procedures",
            ),
            ("FL50", 2, claim.other_payers.len(), "/otherPayers"),
        ],
        _ => Vec::new(),
    }
}

// --- Where the values come from: each in the form its 837 element carries it. ---

fn professional(c: &Claim) -> Option<&Professional> {
    match &c.form {
        ClaimForm::Professional(p) => Some(p),
        ClaimForm::Institutional(_) => None,
    }
}

fn institutional(c: &Claim) -> Option<&Institutional> {
    match &c.form {
        ClaimForm::Institutional(i) => Some(i),
        ClaimForm::Professional(_) => None,
    }
}

fn pline(c: &Claim, i: usize) -> Option<&ProfessionalLine> {
    professional(c)?.lines.get(i)
}

fn iline(c: &Claim, i: usize) -> Option<&InstitutionalLine> {
    institutional(c)?.lines.get(i)
}

fn d8(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// `LAST*FIRST*MIDDLE` (trailing empty parts left off), as NM103–NM105.
fn person(name: &PersonName) -> String {
    let mut parts = vec![name.last.as_str(), name.first.as_str()];
    if let Some(middle) = &name.middle {
        parts.push(middle);
    }
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts.join("*")
}

fn party(name: &PartyName) -> String {
    match name {
        PartyName::Person(p) => person(p),
        PartyName::Organization { name } => name.clone(),
    }
}

fn street(address: Option<&Address>, n: usize) -> Option<String> {
    address?.lines.get(n).cloned()
}

fn city_state_zip(address: Option<&Address>) -> Option<String> {
    let a = address?;
    Some(format!("{}*{}*{}", a.city, a.state, a.postal_code))
}

fn patient_name(c: &Claim) -> String {
    match &c.patient {
        Some(p) => person(p.name.expose()),
        None => person(c.subscriber.name.expose()),
    }
}

fn patient_address(c: &Claim) -> Option<&Address> {
    match &c.patient {
        Some(p) => p.address.as_ref().map(|a| a.expose()),
        None => subscriber_address(c),
    }
}

fn subscriber_address(c: &Claim) -> Option<&Address> {
    c.subscriber.address.as_ref().map(|a| a.expose())
}

fn patient_birth(c: &Claim) -> Option<String> {
    match &c.patient {
        Some(p) => Some(d8(*p.birth_date.expose())),
        None => c.subscriber.birth_date.as_ref().map(|d| d8(*d.expose())),
    }
}

fn sex(s: crate::claim::Sex) -> String {
    match s {
        crate::claim::Sex::Female => "F",
        crate::claim::Sex::Male => "M",
        crate::claim::Sex::Unknown => "U",
    }
    .to_owned()
}

fn patient_sex(c: &Claim) -> Option<String> {
    match &c.patient {
        Some(p) => Some(sex(p.sex)),
        None => c.subscriber.sex.map(sex),
    }
}

fn relationship(c: &Claim) -> Option<String> {
    Some(
        c.patient
            .as_ref()
            .map_or("18", |p| p.relationship.as_str())
            .to_owned(),
    )
}

fn filing(c: &Claim) -> Option<String> {
    Some(c.payer.claim_filing_indicator.clone())
}

fn causes(c: &Claim) -> Option<String> {
    let related = c.related_causes.as_ref()?;
    let codes: Vec<&str> = related.causes.iter().map(|c| c.code()).collect();
    (!codes.is_empty()).then(|| codes.join(":"))
}

fn professional_condition(c: &Claim, n: usize) -> Option<String> {
    professional(c)?.condition_codes.get(n).cloned()
}

fn other_payer_responsibility(c: &Claim) -> Option<String> {
    c.other_payers.first().map(|o| {
        match o.responsibility {
            crate::claim::PayerResponsibility::Primary => "P",
            crate::claim::PayerResponsibility::Secondary => "S",
            crate::claim::PayerResponsibility::Tertiary => "T",
        }
        .to_owned()
    })
}

fn yes_no(flag: bool) -> String {
    if flag { "Y" } else { "N" }.to_owned()
}

fn release(c: &Claim) -> Option<String> {
    Some(
        match c.indicators.release_of_information {
            crate::claim::ReleaseOfInformation::Yes => "Y",
            crate::claim::ReleaseOfInformation::Informed => "I",
        }
        .to_owned(),
    )
}

fn benefits(c: &Claim) -> Option<String> {
    Some(yes_no(c.indicators.benefits_assigned))
}

fn assignment(c: &Claim) -> Option<String> {
    Some(
        match c.indicators.assignment {
            crate::claim::Assignment::Assigned => "A",
            crate::claim::Assignment::LabServicesOnly => "B",
            crate::claim::Assignment::NotAssigned => "C",
        }
        .to_owned(),
    )
}

fn current_illness(c: &Claim) -> Option<(&'static str, NaiveDate)> {
    c.dates
        .onset
        .map(|d| ("431", d))
        .or_else(|| c.dates.last_menstrual_period.map(|d| ("484", d)))
}

fn other_date(c: &Claim) -> Option<(&'static str, NaiveDate)> {
    let d = &c.dates;
    let accident = c.related_causes.as_ref().and_then(|r| r.accident_date);
    [
        ("454", d.initial_treatment),
        ("304", d.last_seen),
        ("453", d.acute_manifestation),
        ("439", accident),
        ("455", d.last_xray),
        ("471", d.prescription),
        ("090", d.assumed_care),
        ("091", d.relinquished_care),
        ("444", d.first_contact),
    ]
    .into_iter()
    .find_map(|(q, date)| date.map(|date| (q, date)))
}

/// Box 17: one provider, with its qualifier, in the NUCC's order: the referring provider
/// (2310A), else the ordering one (2420E, of the first line that names one: the 837P has
/// no claim-level ordering provider), else the supervising one (2310D).
fn box17(c: &Claim) -> Option<(&'static str, &Provider)> {
    c.referring_provider
        .as_ref()
        .map(|p| ("DN", p))
        .or_else(|| {
            professional(c)?
                .lines
                .iter()
                .find_map(|l| l.ordering_provider.as_ref())
                .map(|p| ("DK", p))
        })
        .or_else(|| {
            professional(c)?
                .supervising_provider
                .as_ref()
                .map(|p| ("DQ", p))
        })
}

/// Box 19: the claim's note, then each attachment as `PWK`, its report type, transmission
/// and control number run together (NUCC), three spaces between the items.
fn box19(c: &Claim) -> Option<String> {
    let note = c.notes.first().map(|n| n.text.clone());
    let attachments = c.attachments.iter().map(|a| {
        format!(
            "PWK{}{}{}",
            a.report_type,
            a.transmission.code(),
            a.control_number.as_deref().unwrap_or_default()
        )
    });
    let items: Vec<String> = note.into_iter().chain(attachments).collect();
    (!items.is_empty()).then(|| items.join("   "))
}

fn purchased(c: &Claim) -> Option<String> {
    professional(c)?
        .lines
        .iter()
        .any(|l| l.purchased_service.is_some())
        .then(|| "Y".to_owned())
}

fn purchased_total(c: &Claim) -> Result<Option<String>, MoneyError> {
    let Some(p) = professional(c) else {
        return Ok(None);
    };
    let charges: Vec<Money> = p
        .lines
        .iter()
        .filter_map(|l| l.purchased_service.as_ref().map(|s| s.charge))
        .collect();
    if charges.is_empty() {
        return Ok(None);
    }
    Ok(Some(Money::sum(charges)?.to_string()))
}

fn non_covered_total(c: &Claim) -> Result<Option<String>, MoneyError> {
    let Some(i) = institutional(c) else {
        return Ok(None);
    };
    let amounts: Vec<Money> = i
        .lines
        .iter()
        .filter_map(|l| l.non_covered_charge)
        .collect();
    if amounts.is_empty() {
        return Ok(None);
    }
    Ok(Some(Money::sum(amounts)?.to_string()))
}

fn dx(c: &Claim, n: usize) -> Option<String> {
    c.diagnoses.get(n).map(|d| d.as_str().to_owned())
}

fn box23(c: &Claim) -> Option<String> {
    c.prior_authorization
        .clone()
        .or_else(|| c.referral_number.clone())
        .or_else(|| professional(c)?.clia_number.clone())
}

fn drug_unit(unit: crate::claim::DrugUnit) -> &'static str {
    match unit {
        crate::claim::DrugUnit::F2 => "F2",
        crate::claim::DrugUnit::GR => "GR",
        crate::claim::DrugUnit::ME => "ME",
        crate::claim::DrugUnit::ML => "ML",
        crate::claim::DrugUnit::UN => "UN",
    }
}

fn line_rendering(c: &Claim, i: usize) -> Option<&Provider> {
    pline(c, i)?
        .rendering_provider
        .as_ref()
        .or(c.rendering_provider.as_ref())
}

fn service_dates(c: &Claim, i: usize) -> Option<String> {
    let line = pline(c, i)?;
    Some(match line.service_date_end {
        Some(end) => format!("{}-{}", d8(line.service_date), d8(end)),
        None => d8(line.service_date),
    })
}

fn tax_id(c: &Claim) -> Option<(&'static str, String)> {
    match c.billing_provider.tax_id.as_ref()? {
        TaxId::Ein(ein) => Some(("EI", ein.clone())),
        TaxId::Ssn(ssn) => Some(("SY", ssn.expose().clone())),
    }
}

/// The first number of the first contact (PER04), shown only when it is a ten-digit
/// telephone number.
fn billing_phone(c: &Claim) -> Option<String> {
    let number = c.billing_provider.contacts.first()?.numbers.first()?;
    Some(number.number.clone())
}

/// The billing provider's license or UPIN (2010AA REF*0B / 1G), in that order.
fn billing_other_id(c: &Claim) -> Option<(&'static str, String)> {
    [ProviderIdKind::StateLicense, ProviderIdKind::Upin]
        .into_iter()
        .find_map(|kind| {
            c.billing_provider
                .secondary_ids
                .iter()
                .find(|s| s.kind == kind)
                .map(|s| (kind.code(), s.id.clone()))
        })
}

fn statement_period(c: &Claim) -> Option<String> {
    let i = institutional(c)?;
    Some(format!(
        "{}-{}",
        d8(i.statement_from),
        d8(i.statement_through)
    ))
}

fn admission_moment(c: &Claim) -> Option<String> {
    let admission = institutional(c)?.admission.as_ref()?;
    let date = d8(admission.date?);
    Some(match admission.hour {
        Some(hour) => format!("{date}{hour:02}00"),
        None => date,
    })
}

fn ub_condition(c: &Claim, n: usize) -> Option<String> {
    institutional(c)?.condition_codes.get(n).cloned()
}

fn occurrence(c: &Claim, n: usize, date: bool) -> Option<String> {
    let o = institutional(c)?.occurrence_codes.get(n)?;
    Some(if date { d8(o.date) } else { o.code.clone() })
}

fn span(c: &Claim, n: usize) -> Option<String> {
    institutional(c)?
        .occurrence_spans
        .get(n)
        .map(|s| s.code.clone())
}

fn span_dates(c: &Claim, n: usize) -> Option<String> {
    let s = institutional(c)?.occurrence_spans.get(n)?;
    Some(format!("{}-{}", d8(s.from), d8(s.through)))
}

fn value_code(c: &Claim, n: usize) -> Option<String> {
    institutional(c)?.value_codes.get(n).map(|v| v.code.clone())
}

fn value_amount(c: &Claim, n: usize) -> Option<String> {
    institutional(c)?
        .value_codes
        .get(n)
        .map(|v| v.amount.to_string())
}

fn poa(c: &Claim, n: usize) -> Option<String> {
    institutional(c)?
        .present_on_admission
        .get(n)
        .copied()
        .flatten()
        .map(|p| p.code().to_owned())
}

fn reason(c: &Claim, n: usize) -> Option<String> {
    institutional(c)?
        .reasons_for_visit
        .get(n)
        .map(|d| d.as_str().to_owned())
}

fn external(c: &Claim, n: usize, poa: bool) -> Option<String> {
    let e = institutional(c)?.external_causes.get(n)?;
    if poa {
        e.present_on_admission.map(|p| p.code().to_owned())
    } else {
        Some(e.code.as_str().to_owned())
    }
}

fn pcs(c: &Claim, n: usize, date: bool) -> Option<String> {
    let p = institutional(c)?.procedures.get(n)?;
    if date {
        p.date.map(d8)
    } else {
        Some(p.code.as_str().to_owned())
    }
}

fn billing_note(c: &Claim) -> Option<String> {
    institutional(c)?.billing_note.clone()
}

/// FL 79: the rendering provider (qualifier 82), else the referring one (DN).
fn fl79(c: &Claim) -> Option<(&'static str, &Provider)> {
    c.rendering_provider
        .as_ref()
        .map(|p| ("82", p))
        .or_else(|| c.referring_provider.as_ref().map(|p| ("DN", p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No two boxes printed on the same page share a character cell.
    #[test]
    fn boxes_do_not_overlap() {
        for (name, table, rows, step) in [("1500", CMS1500, 6u16, 2u16), ("UB-04", UB04, 22, 1)] {
            let mut cells: Vec<(u16, u16, &str, Pages)> = Vec::new();
            for b in table {
                let count = if b.per_line() { rows } else { 1 };
                for row in 0..count {
                    let line = b.line + row * step;
                    for col in b.col..b.col + b.width {
                        if let Some(other) = cells.iter().find(|(l, c, _, pages)| {
                            *l == line
                                && *c == col
                                && !matches!(
                                    (pages, b.pages),
                                    (Pages::Last, Pages::NotLast) | (Pages::NotLast, Pages::Last)
                                )
                        }) {
                            panic!(
                                "{name}: boxes {} and {} share line {line} column {col}",
                                other.2, b.id
                            );
                        }
                        cells.push((line, col, b.id, b.pages));
                    }
                }
            }
        }
    }
}
