//! Medicare Physician Fee Schedule distribution files (RVU25D layout): the relative value
//! file (PPRRVU, CSV or fixed-width TXT), GPCIs, the anesthesia conversion factors, the
//! locality/county list, the ZIP-to-locality file and the payment amount file (PFREV).

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CodeSetError, text};
use crate::codes::{Modifier, ProcedureCode};

/// A Medicare payment locality: the MAC (contractor) number and the locality number,
/// written `01112-05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalityId {
    mac: arrayvec::ArrayString<5>,
    number: arrayvec::ArrayString<2>,
}

impl LocalityId {
    /// Builds a locality id from its parts, zero-padding them (`2102`, `1` → `02102-01`).
    pub fn new(mac: &str, number: &str) -> Option<LocalityId> {
        let (mac, number) = (mac.trim(), number.trim());
        let digits = |s: &str, n: usize| {
            !s.is_empty() && s.len() <= n && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(mac, 5) || !digits(number, 2) {
            return None;
        }
        let mut id = LocalityId {
            mac: arrayvec::ArrayString::new(),
            number: arrayvec::ArrayString::new(),
        };
        for _ in mac.len()..5 {
            id.mac.push('0');
        }
        id.mac.push_str(mac);
        for _ in number.len()..2 {
            id.number.push('0');
        }
        id.number.push_str(number);
        Some(id)
    }

    /// The MAC number.
    pub fn mac(&self) -> &str {
        &self.mac
    }

    /// The locality number.
    pub fn number(&self) -> &str {
        &self.number
    }
}

impl fmt::Display for LocalityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.mac, self.number)
    }
}

impl FromStr for LocalityId {
    type Err = String;

    fn from_str(text: &str) -> Result<LocalityId, String> {
        text.split_once('-')
            .and_then(|(mac, number)| LocalityId::new(mac, number))
            .ok_or_else(|| "a locality is written MAC-NN, e.g. 01112-05".to_owned())
    }
}

impl Serialize for LocalityId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalityId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LocalityId, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for LocalityId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalityId".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{5}-[0-9]{2}$",
            "description": "Medicare locality: MAC number and locality number, e.g. \"01112-05\"."
        })
    }
}

/// PFS status code (RVU file column "STATUS CODE").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct PfsStatus(pub char);

impl PfsStatus {
    /// A, R and T are paid from the fee schedule; others are bundled, carrier-priced,
    /// excluded, non-covered or invalid for Medicare.
    pub fn is_payable(self) -> bool {
        matches!(self.0, 'A' | 'R' | 'T')
    }
}

/// One row of the relative value file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RvuRow {
    /// HCPCS code.
    pub procedure: ProcedureCode,
    /// Modifier of a component row (26, TC, 53); none for the global service.
    pub modifier: Option<Modifier>,
    /// Status code.
    pub status: PfsStatus,
    /// Work RVU.
    #[serde(with = "rust_decimal::serde::str")]
    pub work: Decimal,
    /// Non-facility practice-expense RVU.
    #[serde(with = "rust_decimal::serde::str")]
    pub pe_non_facility: Decimal,
    /// "NA": rarely or never performed in a non-facility setting.
    pub non_facility_na: bool,
    /// Facility practice-expense RVU.
    #[serde(with = "rust_decimal::serde::str")]
    pub pe_facility: Decimal,
    /// "NA": rarely or never performed in a facility setting.
    pub facility_na: bool,
    /// Malpractice RVU.
    #[serde(with = "rust_decimal::serde::str")]
    pub mp: Decimal,
    /// PC/TC indicator (0–9).
    pub pctc: u8,
    /// Global surgery days (`000`, `010`, `090`, `XXX`, `YYY`, `ZZZ`, `MMM`).
    pub global_days: arrayvec::ArrayString<3>,
    /// Multiple-procedure indicator (0–9).
    pub multiple_procedure: u8,
    /// Bilateral-surgery indicator (0–3, 9).
    pub bilateral: u8,
    /// Assistant-at-surgery indicator (0–2, 9).
    pub assistant: u8,
    /// Co-surgeons indicator (0–2, 9).
    pub co_surgeons: u8,
    /// Team-surgery indicator (0–2, 9).
    pub team: u8,
    /// Endoscopic base code.
    pub endoscopic_base: Option<ProcedureCode>,
    /// Conversion factor printed on the row.
    #[serde(with = "rust_decimal::serde::str")]
    pub conversion_factor: Decimal,
}

impl RvuRow {
    /// True for add-on codes (global days `ZZZ`), which are exempt from multiple-procedure
    /// reductions.
    pub fn is_add_on(&self) -> bool {
        self.global_days.as_str() == "ZZZ"
    }
}

/// The relative value file, indexed by code and modifier.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RvuTable {
    // FxHash: the keys are short codes from a trusted file, and look-ups are the hot path.
    rows: rustc_hash::FxHashMap<(ProcedureCode, Option<Modifier>), RvuRow>,
    #[serde(with = "rust_decimal::serde::str")]
    conversion_factor: Decimal,
    /// The release the file's title names (e.g. `RVU25D`), when it names one.
    release: Option<String>,
}

/// The release name CMS gives a year's quarterly PFS files (RVU25D.pdf, "Update Schedule"):
/// `RVU` + the year's last two digits + `A` (January), `B` (April), `C` (July) or `D` (October).
fn release_name(year: &str, month: &str) -> Option<String> {
    let year = match year.len() {
        4 if year.starts_with("20") => year.get(2..)?,
        2 => year,
        _ => return None,
    };
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = month.to_ascii_uppercase();
    let letter = match month.get(..3)? {
        "JAN" => 'A',
        "APR" => 'B',
        "JUL" => 'C',
        "OCT" => 'D',
        _ => return None,
    };
    Some(format!("RVU{year}{letter}"))
}

/// The release a PPRRVU CSV title line names, e.g. "2025 National Physician Fee Schedule
/// Relative Value File October Release" → `RVU25D`.
fn release_from_title(title: &str) -> Option<String> {
    let upper = title.to_ascii_uppercase();
    if !upper.contains("RELATIVE VALUE FILE") || !upper.contains("RELEASE") {
        return None;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()))?;
    words.iter().find_map(|month| release_name(year, month))
}

/// The release a PFS file or folder name names: `RVU25D` itself (any case, e.g. `rvu25d.zip`,
/// `rvu25d_0`), or a relative value file named for its year and month (`PPRRVU2025_Oct.csv`,
/// `PPRRVU25_JAN.txt`).
pub fn release_from_file_name(name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    for (at, _) in upper.match_indices("RVU") {
        let rest = upper.get(at.saturating_add(3)..)?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = rest.get(digits.len()..).unwrap_or("");
        let in_pprrvu = at >= 3 && bytes.get(at.saturating_sub(3)..at) == Some(b"PPR");
        if digits.len() == 2 && !in_pprrvu {
            let mut letters = after.chars();
            if let Some(letter @ 'A'..='D') = letters.next() {
                let correction = after.get(1..2) == Some("R");
                let tail = if correction { "R" } else { "" };
                return Some(format!("RVU{digits}{letter}{tail}"));
            }
        }
        if in_pprrvu && (digits.len() == 2 || digits.len() == 4) {
            let month = after.trim_start_matches(['_', '-', ' ']);
            if let Some(release) = release_name(&digits, month) {
                return Some(release);
            }
        }
    }
    None
}

impl RvuTable {
    /// Loads the relative value file, CSV or fixed-width TXT (detected from the content).
    pub fn load(bytes: &[u8]) -> Result<RvuTable, CodeSetError> {
        if bytes.starts_with(b"HDR") {
            RvuTable::load_txt(bytes)
        } else {
            RvuTable::load_csv(bytes)
        }
    }

    /// Loads `PPRRVU*.csv`: title lines, a header row starting `HCPCS,MOD`, then data.
    pub fn load_csv(bytes: &[u8]) -> Result<RvuTable, CodeSetError> {
        const FILE: &str = "RVU CSV";
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut table = RvuTable::default();
        let mut in_data = false;
        for (index, record) in reader.records().enumerate() {
            let line = index.saturating_add(1);
            let record = record.map_err(|e| field_error(FILE, line, "record", e.to_string()))?;
            let get = |i: usize| record.get(i).unwrap_or("").trim();
            if !in_data {
                in_data = get(0) == "HCPCS" && get(1) == "MOD";
                if table.release.is_none() {
                    table.release = record.iter().find_map(release_from_title);
                }
                continue;
            }
            if get(0).is_empty() {
                continue;
            }
            let row = RvuRow {
                procedure: procedure(FILE, line, get(0))?,
                modifier: modifier(FILE, line, get(1))?,
                status: status(FILE, line, get(3))?,
                work: decimal(FILE, line, "WORK RVU", get(5))?,
                pe_non_facility: decimal(FILE, line, "NON-FAC PE RVU", get(6))?,
                non_facility_na: get(7) == "NA",
                pe_facility: decimal(FILE, line, "FACILITY PE RVU", get(8))?,
                facility_na: get(9) == "NA",
                mp: decimal(FILE, line, "MP RVU", get(10))?,
                pctc: indicator(FILE, line, "PCTC IND", get(13))?,
                global_days: global_days(FILE, line, get(14))?,
                multiple_procedure: indicator(FILE, line, "MULT PROC", get(18))?,
                bilateral: indicator(FILE, line, "BILAT SURG", get(19))?,
                assistant: indicator(FILE, line, "ASST SURG", get(20))?,
                co_surgeons: indicator(FILE, line, "CO-SURG", get(21))?,
                team: indicator(FILE, line, "TEAM SURG", get(22))?,
                endoscopic_base: optional_procedure(FILE, line, get(23))?,
                conversion_factor: decimal(FILE, line, "CONV FACTOR", get(24))?,
            };
            table.insert(row);
        }
        table.finish(FILE)
    }

    /// Loads `PPRRVU*.txt`: `HDR` lines, then fixed-width records (RVU25D.pdf layout).
    pub fn load_txt(bytes: &[u8]) -> Result<RvuTable, CodeSetError> {
        const FILE: &str = "RVU TXT";
        let content = text(bytes);
        let mut table = RvuTable::default();
        for (index, raw) in content.lines().enumerate() {
            let line = index.saturating_add(1);
            if raw.starts_with("HDR") || raw.trim().is_empty() {
                continue;
            }
            // 1-based inclusive columns, as the record layout gives them.
            let col = |from: usize, to: usize| {
                raw.get(from.saturating_sub(1)..to.min(raw.len()))
                    .unwrap_or("")
                    .trim()
            };
            let row = RvuRow {
                procedure: procedure(FILE, line, col(1, 5))?,
                modifier: modifier(FILE, line, col(6, 7))?,
                status: status(FILE, line, col(58, 58))?,
                work: decimal(FILE, line, "work RVU", col(60, 65))?,
                pe_non_facility: decimal(FILE, line, "non-facility PE RVU", col(67, 72))?,
                non_facility_na: col(73, 74) == "NA",
                pe_facility: decimal(FILE, line, "facility PE RVU", col(76, 81))?,
                facility_na: col(82, 83) == "NA",
                mp: decimal(FILE, line, "MP RVU", col(85, 89))?,
                pctc: indicator(FILE, line, "PC/TC", col(103, 103))?,
                global_days: global_days(FILE, line, col(104, 106))?,
                multiple_procedure: indicator(FILE, line, "multiple procedure", col(116, 116))?,
                bilateral: indicator(FILE, line, "bilateral", col(117, 117))?,
                assistant: indicator(FILE, line, "assistant", col(118, 118))?,
                co_surgeons: indicator(FILE, line, "co-surgeons", col(119, 119))?,
                team: indicator(FILE, line, "team", col(120, 120))?,
                endoscopic_base: optional_procedure(FILE, line, col(128, 132))?,
                conversion_factor: decimal(FILE, line, "conversion factor", col(133, 140))?,
            };
            table.insert(row);
        }
        table.finish(FILE)
    }

    fn insert(&mut self, row: RvuRow) {
        self.rows.insert((row.procedure, row.modifier), row);
    }

    fn finish(mut self, file: &'static str) -> Result<RvuTable, CodeSetError> {
        let factor = self
            .rows
            .values()
            .map(|r| r.conversion_factor)
            .find(|cf| !cf.is_zero())
            .ok_or(CodeSetError::Layout {
                file,
                reason: "no data rows with a conversion factor",
            })?;
        self.conversion_factor = factor;
        Ok(self)
    }

    /// The row for a code and optional component modifier.
    pub fn get(&self, procedure: ProcedureCode, modifier: Option<Modifier>) -> Option<&RvuRow> {
        self.rows.get(&(procedure, modifier))
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no rows were loaded.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The conversion factor the file was published with.
    pub fn conversion_factor(&self) -> Decimal {
        self.conversion_factor
    }

    /// True when both files hold the same rows and conversion factor (whatever their titles).
    pub fn same_rows(&self, other: &RvuTable) -> bool {
        self.rows == other.rows && self.conversion_factor == other.conversion_factor
    }

    /// The release the file's title lines name (e.g. `RVU25D` for "2025 … Relative Value
    /// File October Release"), when they name one; the fixed-width file names none.
    pub fn release(&self) -> Option<&str> {
        self.release.as_deref()
    }
}

/// Geographic practice cost indices of one locality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gpci {
    /// State.
    pub state: String,
    /// Locality name.
    pub name: String,
    /// Work GPCI (with the 1.0 floor where the law applies it).
    pub work: Decimal,
    /// Practice-expense GPCI.
    pub pe: Decimal,
    /// Malpractice GPCI.
    pub mp: Decimal,
}

/// The GPCI file (Addendum E), indexed by locality.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GpciTable {
    localities: rustc_hash::FxHashMap<LocalityId, Gpci>,
}

impl GpciTable {
    /// Loads `GPCI*.csv` or `GPCI*.txt` (detected from the content).
    pub fn load(bytes: &[u8]) -> Result<GpciTable, CodeSetError> {
        let content = text(bytes);
        let lines: Vec<Vec<String>> = if content.lines().take(5).any(|l| l.contains(',')) {
            csv_rows(&content)
        } else {
            content.lines().map(fixed_width_gpci).collect()
        };
        let mut table = GpciTable::default();
        for (index, fields) in lines.iter().enumerate() {
            let line = index.saturating_add(1);
            let [mac, state, number, name, work, pe, mp, ..] = fields.as_slice() else {
                continue;
            };
            let Some(id) = LocalityId::new(mac, number) else {
                continue;
            };
            let gpci = Gpci {
                state: state.clone(),
                name: name.clone(),
                work: decimal("GPCI", line, "PW GPCI", work)?,
                pe: decimal("GPCI", line, "PE GPCI", pe)?,
                mp: decimal("GPCI", line, "MP GPCI", mp)?,
            };
            table.localities.insert(id, gpci);
        }
        if table.localities.is_empty() {
            return Err(CodeSetError::Layout {
                file: "GPCI",
                reason: "no locality rows",
            });
        }
        Ok(table)
    }

    /// The GPCIs of a locality.
    pub fn get(&self, locality: LocalityId) -> Option<&Gpci> {
        self.localities.get(&locality)
    }

    /// Every locality, in order.
    pub fn localities(&self) -> Vec<LocalityId> {
        let mut ids: Vec<LocalityId> = self.localities.keys().copied().collect();
        ids.sort();
        ids
    }
}

/// The fields of a fixed-width GPCI line: MAC, state, locality, the name (possibly several
/// words), then the three GPCIs, separated by runs of spaces.
fn fixed_width_gpci(raw: &str) -> Vec<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    match words.as_slice() {
        [mac, state, number, name @ .., work, pe, mp] if !name.is_empty() => {
            vec![
                (*mac).to_owned(),
                (*state).to_owned(),
                (*number).to_owned(),
                name.join(" "),
                (*work).to_owned(),
                (*pe).to_owned(),
                (*mp).to_owned(),
            ]
        }
        _ => Vec::new(),
    }
}

/// Locality-adjusted anesthesia conversion factors (ANES file) and the national one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnesthesiaConversionFactors {
    national: Option<Decimal>,
    localities: HashMap<LocalityId, Decimal>,
}

impl AnesthesiaConversionFactors {
    /// Loads `ANES*.csv` (factor in dollars, national factor in the header) or `ANES*.txt`
    /// (factor in cents in the last column).
    pub fn load(bytes: &[u8]) -> Result<AnesthesiaConversionFactors, CodeSetError> {
        const FILE: &str = "ANES";
        let content = text(bytes);
        let csv_form = content.lines().next().is_some_and(|l| l.contains(','));
        let lines: Vec<Vec<String>> = if csv_form {
            csv_rows(&content)
        } else {
            content
                .lines()
                .map(|l| l.split_whitespace().map(str::to_owned).collect())
                .collect()
        };
        let mut table = AnesthesiaConversionFactors::default();
        for (index, fields) in lines.iter().enumerate() {
            let line = index.saturating_add(1);
            if let Some(national) = fields
                .iter()
                .find_map(|f| f.split("National Anes CF of").nth(1))
            {
                table.national = Some(decimal(FILE, line, "national CF", national)?);
                continue;
            }
            let (Some(mac), Some(number), Some(last)) =
                (fields.first(), fields.get(1), fields.last())
            else {
                continue;
            };
            let Some(id) = LocalityId::new(mac, number) else {
                continue;
            };
            let factor = if csv_form {
                decimal(
                    FILE,
                    line,
                    "anesthesia CF",
                    fields.get(3).map_or("", String::as_str),
                )?
            } else {
                // The fixed-width file gives the factor in cents.
                decimal(FILE, line, "anesthesia CF", last)?
                    .checked_div(Decimal::ONE_HUNDRED)
                    .unwrap_or_default()
            };
            table.localities.insert(id, factor);
        }
        if table.localities.is_empty() {
            return Err(CodeSetError::Layout {
                file: FILE,
                reason: "no locality rows",
            });
        }
        Ok(table)
    }

    /// The locality's anesthesia conversion factor.
    pub fn get(&self, locality: LocalityId) -> Option<Decimal> {
        self.localities.get(&locality).copied()
    }

    /// The national anesthesia conversion factor, when the file states it.
    pub fn national(&self) -> Option<Decimal> {
        self.national
    }
}

/// ZIP code → Medicare locality (ZIP5 file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZipLocalities {
    zips: HashMap<arrayvec::ArrayString<5>, LocalityId>,
}

impl ZipLocalities {
    /// Loads `ZIP5_*.txt`: state 1–2, ZIP 3–7, carrier 8–12, locality 13–14.
    pub fn load(bytes: &[u8]) -> Result<ZipLocalities, CodeSetError> {
        const FILE: &str = "ZIP5";
        let content = text(bytes);
        let mut table = ZipLocalities::default();
        for (index, raw) in content.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let line = index.saturating_add(1);
            let (Some(zip), Some(mac), Some(number)) =
                (raw.get(2..7), raw.get(7..12), raw.get(12..14))
            else {
                return Err(field_error(
                    FILE,
                    line,
                    "record",
                    "shorter than 14 characters".to_owned(),
                ));
            };
            let id = LocalityId::new(mac, number).ok_or_else(|| {
                field_error(FILE, line, "carrier/locality", "not digits".to_owned())
            })?;
            let zip = arrayvec::ArrayString::from(zip)
                .map_err(|_| field_error(FILE, line, "ZIP", "not 5 characters".to_owned()))?;
            table.zips.insert(zip, id);
        }
        if table.zips.is_empty() {
            return Err(CodeSetError::Layout {
                file: FILE,
                reason: "no ZIP rows",
            });
        }
        Ok(table)
    }

    /// The locality of a ZIP code (5 digits, or ZIP+4 whose first 5 are used).
    pub fn locality(&self, zip: &str) -> Option<LocalityId> {
        let five = arrayvec::ArrayString::<5>::from(zip.get(..5)?).ok()?;
        self.zips.get(&five).copied()
    }

    /// Number of ZIP codes.
    pub fn len(&self) -> usize {
        self.zips.len()
    }

    /// True when no ZIP codes were loaded.
    pub fn is_empty(&self) -> bool {
        self.zips.is_empty()
    }
}

/// One row of the locality/county file (`*LOCCO`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalityCounty {
    /// The locality.
    pub locality: LocalityId,
    /// State (blank rows continue the previous state).
    pub state: String,
    /// Fee schedule area name.
    pub area: String,
    /// Counties included.
    pub counties: String,
}

/// Loads the locality/county file (`25LOCCO.csv`).
pub fn load_locality_counties(bytes: &[u8]) -> Result<Vec<LocalityCounty>, CodeSetError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut state = String::new();
    for (index, record) in reader.records().enumerate() {
        let record = record
            .map_err(|e| field_error("LOCCO", index.saturating_add(1), "record", e.to_string()))?;
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        let Some(locality) = LocalityId::new(get(0), get(1)) else {
            continue;
        };
        if !get(2).is_empty() {
            state = get(2).to_owned();
        }
        rows.push(LocalityCounty {
            locality,
            state: state.clone(),
            area: get(3).to_owned(),
            counties: get(4).to_owned(),
        });
    }
    if rows.is_empty() {
        return Err(CodeSetError::Layout {
            file: "LOCCO",
            reason: "no locality rows",
        });
    }
    Ok(rows)
}

/// One row of the PFS payment amount file (`PFREV*`): CMS's own computed fees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentAmountRow {
    /// The locality.
    pub locality: LocalityId,
    /// HCPCS code.
    pub procedure: ProcedureCode,
    /// Modifier (26, TC, 53) or none.
    pub modifier: Option<Modifier>,
    /// Non-facility fee.
    pub non_facility: Decimal,
    /// Facility fee.
    pub facility: Decimal,
}

/// Loads `PFREV*.txt`: quoted comma-separated fields; `TRL-` lines end the file.
pub fn load_payment_amounts(bytes: &[u8]) -> Result<Vec<PaymentAmountRow>, CodeSetError> {
    const FILE: &str = "PFREV";
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index.saturating_add(1);
        let record = record.map_err(|e| field_error(FILE, line, "record", e.to_string()))?;
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        if get(0).starts_with("TRL") || record.len() < 7 {
            continue;
        }
        let locality = LocalityId::new(get(1), get(2))
            .ok_or_else(|| field_error(FILE, line, "carrier/locality", "not digits".to_owned()))?;
        rows.push(PaymentAmountRow {
            locality,
            procedure: procedure(FILE, line, get(3))?,
            modifier: modifier(FILE, line, get(4))?,
            non_facility: decimal(FILE, line, "non-facility fee", get(5))?,
            facility: decimal(FILE, line, "facility fee", get(6))?,
        });
    }
    if rows.is_empty() {
        return Err(CodeSetError::Layout {
            file: FILE,
            reason: "no payment rows",
        });
    }
    Ok(rows)
}

/// Where the PFS data version recorded in a trace came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum PfsVersionSource {
    /// The relative value file's title lines.
    RvuFile,
    /// The name of the relative value file or of its folder.
    FileName,
    /// Given by the caller, overriding what the files say.
    Caller,
    /// Nothing said which release the files are.
    #[default]
    Unknown,
}

/// Everything the Medicare PFS needs, loaded once: RVUs, GPCIs and, optionally, anesthesia
/// conversion factors and the ZIP-to-locality map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PfsData {
    /// Relative values.
    pub rvu: RvuTable,
    /// GPCIs.
    pub gpci: GpciTable,
    /// Anesthesia conversion factors.
    pub anesthesia: Option<AnesthesiaConversionFactors>,
    /// ZIP → locality.
    pub zip: Option<ZipLocalities>,
    /// The data version, recorded in every pricing trace (e.g. `RVU25D`); `unknown` when
    /// nothing said it.
    pub version: std::sync::Arc<str>,
    /// Where `version` came from.
    pub version_source: PfsVersionSource,
}

impl PfsData {
    /// Loads the PFS files from their bytes (each CSV or TXT, detected from the content).
    /// The data version is the release the relative value file's title names; `version`,
    /// when given (not blank), overrides it.
    pub fn load(
        rvu: &[u8],
        gpci: &[u8],
        anesthesia: Option<&[u8]>,
        zip: Option<&[u8]>,
        version: Option<&str>,
    ) -> Result<PfsData, CodeSetError> {
        let rvu = RvuTable::load(rvu)?;
        let (version, version_source) = match (version.map(str::trim), rvu.release()) {
            (Some(given), _) if !given.is_empty() => (given.into(), PfsVersionSource::Caller),
            (_, Some(release)) => (release.into(), PfsVersionSource::RvuFile),
            _ => ("unknown".into(), PfsVersionSource::Unknown),
        };
        Ok(PfsData {
            rvu,
            gpci: GpciTable::load(gpci)?,
            anesthesia: anesthesia
                .map(AnesthesiaConversionFactors::load)
                .transpose()?,
            zip: zip.map(ZipLocalities::load).transpose()?,
            version,
            version_source,
        })
    }

    /// The PFS data when files were given, none when none were: the RVU and GPCI files go
    /// together (one without the other is [`CodeSetError::Incomplete`]); the anesthesia and
    /// ZIP files are optional. The one rule every host (CLI, bindings) loads by.
    pub fn load_given(
        rvu: Option<&[u8]>,
        gpci: Option<&[u8]>,
        anesthesia: Option<&[u8]>,
        zip: Option<&[u8]>,
        version: Option<&str>,
    ) -> Result<Option<PfsData>, CodeSetError> {
        match (rvu, gpci) {
            (Some(rvu), Some(gpci)) => PfsData::load(rvu, gpci, anesthesia, zip, version).map(Some),
            (None, None) if anesthesia.is_none() && zip.is_none() => Ok(None),
            (None, _) => Err(CodeSetError::Incomplete {
                missing: "relative value (RVU)",
            }),
            (Some(_), None) => Err(CodeSetError::Incomplete { missing: "GPCI" }),
        }
    }

    /// When the files did not say their release, takes it from the relative value file's name
    /// or its folder's (see [`release_from_file_name`]); otherwise leaves the version as it is.
    pub fn named_by_file(mut self, names: &[&str]) -> PfsData {
        if self.version_source == PfsVersionSource::Unknown {
            if let Some(release) = names.iter().find_map(|n| release_from_file_name(n)) {
                self.version = release.into();
                self.version_source = PfsVersionSource::FileName;
            }
        }
        self
    }
}

/// Every record of a CSV file as trimmed fields (a record that cannot be read is empty).
fn csv_rows(content: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(content.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
                .unwrap_or_default()
        })
        .collect()
}

fn field_error(
    file: &'static str,
    line: usize,
    field: &'static str,
    reason: String,
) -> CodeSetError {
    CodeSetError::Field {
        file,
        line,
        field,
        reason,
    }
}

fn decimal(
    file: &'static str,
    line: usize,
    field: &'static str,
    value: &str,
) -> Result<Decimal, CodeSetError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(Decimal::ZERO);
    }
    // RVU TXT writes ".00" for zero percentages; accept a leading point.
    let padded;
    let value = if value.starts_with('.') {
        padded = format!("0{value}");
        padded.as_str()
    } else {
        value
    };
    Decimal::from_str_exact(value)
        .map_err(|_| field_error(file, line, field, "not a decimal number".to_owned()))
}

fn indicator(
    file: &'static str,
    line: usize,
    field: &'static str,
    value: &str,
) -> Result<u8, CodeSetError> {
    match value.as_bytes() {
        [] => Ok(9),
        [digit @ b'0'..=b'9'] => Ok(digit.saturating_sub(b'0')),
        _ => Err(field_error(
            file,
            line,
            field,
            "not a one-digit indicator".to_owned(),
        )),
    }
}

fn procedure(file: &'static str, line: usize, value: &str) -> Result<ProcedureCode, CodeSetError> {
    ProcedureCode::parse(value).map_err(|e| field_error(file, line, "HCPCS", e.to_string()))
}

fn optional_procedure(
    file: &'static str,
    line: usize,
    value: &str,
) -> Result<Option<ProcedureCode>, CodeSetError> {
    if value.is_empty() || value.bytes().all(|b| b == b'0') {
        return Ok(None);
    }
    procedure(file, line, value).map(Some)
}

fn modifier(
    file: &'static str,
    line: usize,
    value: &str,
) -> Result<Option<Modifier>, CodeSetError> {
    if value.is_empty() {
        return Ok(None);
    }
    Modifier::parse(value)
        .map(Some)
        .map_err(|e| field_error(file, line, "MOD", e.to_string()))
}

fn status(file: &'static str, line: usize, value: &str) -> Result<PfsStatus, CodeSetError> {
    match value.chars().collect::<Vec<_>>().as_slice() {
        [c] if c.is_ascii_uppercase() => Ok(PfsStatus(*c)),
        _ => Err(field_error(
            file,
            line,
            "STATUS CODE",
            "not one capital letter".to_owned(),
        )),
    }
}

fn global_days(
    file: &'static str,
    line: usize,
    value: &str,
) -> Result<arrayvec::ArrayString<3>, CodeSetError> {
    arrayvec::ArrayString::from(value).map_err(|_| {
        field_error(
            file,
            line,
            "GLOB DAYS",
            "longer than 3 characters".to_owned(),
        )
    })
}
