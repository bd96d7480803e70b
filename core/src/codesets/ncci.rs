//! The National Correct Coding Initiative edit files as CMS publishes them:
//! procedure-to-procedure (PTP) edits (`ccipra-*` practitioner, `ccioph-*` outpatient
//! hospital: tab-delimited text), Medically Unlikely Edits (`MCR_MUE_*`: CSV) and the
//! add-on code edits (`AOC_*`: the workbook's columns, saved as tab-delimited text or CSV).
//! Each opens with copyright lines, which are skipped up to the column header.

use chrono::NaiveDate;

use super::{CodeSetError, field_error, text, yyyymmdd};
use crate::codes::ProcedureCode;

/// Which provider setting an edit table is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum NcciSetting {
    /// Practitioner services (professional claims).
    Practitioner,
    /// Outpatient hospital services (institutional claims).
    OutpatientHospital,
    /// DME supplier services (MUE only).
    Dme,
}

/// One PTP edit: the column 2 code is not paid with the column 1 code on the same date,
/// unless the modifier indicator allows a bypass modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PtpEdit {
    /// Column 1 code (paid).
    pub column1: ProcedureCode,
    /// Column 2 code (denied).
    pub column2: ProcedureCode,
    /// In existence prior to 1996 (`*`).
    pub prior_1996: bool,
    /// The first day the edit applies.
    pub effective: Option<NaiveDate>,
    /// The day the edit stops applying (the edit applies through the day before).
    pub deletion: Option<NaiveDate>,
    /// 0 = no modifier bypasses the edit, 1 = an NCCI-associated modifier does,
    /// 9 = not applicable (the edit was deleted).
    pub modifier_indicator: u8,
    rationale: u16,
}

impl PtpEdit {
    /// True when the edit applies to services on `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.effective.is_none_or(|from| from <= date) && self.deletion.is_none_or(|end| date < end)
    }
}

/// A PTP table (one setting), sorted by column 1, column 2, effective date.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PtpEdits {
    edits: Vec<PtpEdit>,
    rationales: Vec<String>,
}

const PTP: &str = "NCCI PTP file";
const MUE: &str = "MUE file";
const AOC: &str = "add-on code edit file";

/// Splits a line into fields: tab-delimited when it has tabs, else CSV.
fn fields(line: &str) -> Vec<String> {
    if line.contains('\t') {
        return line.split('\t').map(|f| f.trim().to_owned()).collect();
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// The logical lines of a CSV-or-tab text: CSV fields may hold quoted line breaks (the
/// copyright notices do), so quoted text is kept whole.
fn logical_lines(content: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut start = 1usize;
    let mut quoted = false;
    for (index, raw) in content.lines().enumerate() {
        if current.is_empty() {
            start = index.saturating_add(1);
        } else {
            current.push('\n');
        }
        current.push_str(raw);
        if !raw.contains('\t') {
            quoted ^= raw.bytes().filter(|&b| b == b'"').count() % 2 == 1;
        }
        if !quoted {
            lines.push((start, std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        lines.push((start, current));
    }
    lines
}

fn code(
    file: &'static str,
    line: usize,
    field: &'static str,
    value: &str,
) -> Result<ProcedureCode, CodeSetError> {
    ProcedureCode::parse(value).map_err(|e| field_error(file, line, field, e.to_string()))
}

fn intern(rationales: &mut Vec<String>, text: &str) -> u16 {
    if let Some(at) = rationales.iter().position(|r| r == text) {
        return u16::try_from(at).unwrap_or(u16::MAX);
    }
    if rationales.len() >= usize::from(u16::MAX) {
        return u16::MAX;
    }
    rationales.push(text.to_owned());
    u16::try_from(rationales.len().saturating_sub(1)).unwrap_or(u16::MAX)
}

impl PtpEdits {
    /// Loads a PTP file: copyright lines, the header (`Column 1`, `Column 2`, `*=in
    /// existence prior to 1996`, `Effective Date`, `Deletion Date *=no data`, `Modifier
    /// 0=not allowed 1=allowed 9=not applicable`, `PTP Edit Rationale`, possibly spread over
    /// several lines), then one edit a line.
    pub fn load(bytes: &[u8]) -> Result<PtpEdits, CodeSetError> {
        let content = text(bytes);
        let mut table = PtpEdits::default();
        let mut in_data = false;
        for (line, raw) in logical_lines(&content) {
            let f = fields(&raw);
            let get = |i: usize| f.get(i).map_or("", String::as_str);
            if !in_data {
                let lower = raw.to_ascii_lowercase();
                in_data = lower.contains("column 1") && lower.contains("column 2");
                continue;
            }
            if get(0).is_empty() {
                // Header continuation ("*=no data", "0=not allowed"…) or a blank line.
                continue;
            }
            if f.len() < 6 {
                return Err(field_error(
                    PTP,
                    line,
                    "record",
                    "expected at least 6 fields".into(),
                ));
            }
            let modifier_indicator = match get(5) {
                "0" => 0,
                "1" => 1,
                "9" => 9,
                _ => {
                    return Err(field_error(
                        PTP,
                        line,
                        "Modifier",
                        "expected 0, 1 or 9".into(),
                    ));
                }
            };
            let rationale = intern(&mut table.rationales, get(6));
            table.edits.push(PtpEdit {
                column1: code(PTP, line, "Column 1", get(0))?,
                column2: code(PTP, line, "Column 2", get(1))?,
                prior_1996: get(2) == "*",
                effective: yyyymmdd(PTP, line, "Effective Date", get(3))?,
                deletion: yyyymmdd(PTP, line, "Deletion Date", get(4))?,
                modifier_indicator,
                rationale,
            });
        }
        if !in_data {
            return Err(CodeSetError::Layout {
                file: PTP,
                reason: "no header naming Column 1 and Column 2",
            });
        }
        Ok(PtpEdits::from_edits(table.edits, table.rationales))
    }

    fn from_edits(mut edits: Vec<PtpEdit>, rationales: Vec<String>) -> PtpEdits {
        edits.sort_by_key(|e| (e.column1, e.column2, e.effective));
        edits.dedup();
        PtpEdits { edits, rationales }
    }

    /// Adds another file's edits (a table split in parts, `-f1` … `-f4`).
    pub fn extend(&mut self, other: PtpEdits) {
        let mut edits = std::mem::take(&mut self.edits);
        let mut rationales = std::mem::take(&mut self.rationales);
        for mut edit in other.edits {
            let text = other
                .rationales
                .get(usize::from(edit.rationale))
                .map_or("", String::as_str);
            edit.rationale = intern(&mut rationales, text);
            edits.push(edit);
        }
        *self = PtpEdits::from_edits(edits, rationales);
    }

    /// The edit of the pair (column 1, column 2) in force on `date`.
    pub fn edit_on(
        &self,
        column1: ProcedureCode,
        column2: ProcedureCode,
        date: NaiveDate,
    ) -> Option<&PtpEdit> {
        let start = self
            .edits
            .partition_point(|e| (e.column1, e.column2) < (column1, column2));
        self.edits
            .get(start..)?
            .iter()
            .take_while(|e| e.column1 == column1 && e.column2 == column2)
            .find(|e| e.is_active_on(date))
    }

    /// The edit's rationale text.
    pub fn rationale(&self, edit: &PtpEdit) -> &str {
        self.rationales
            .get(usize::from(edit.rationale))
            .map_or("", String::as_str)
    }

    /// Every edit, sorted.
    pub fn edits(&self) -> &[PtpEdit] {
        &self.edits
    }

    /// Number of edits.
    pub fn len(&self) -> usize {
        self.edits.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// One Medically Unlikely Edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct MueEdit {
    /// The code.
    pub code: ProcedureCode,
    /// Most units of service one patient gets from one provider.
    pub value: u32,
    /// MUE adjudication indicator: 1 line edit, 2 date of service edit (policy), 3 date of
    /// service edit (clinical).
    pub mai: u8,
}

/// An MUE table (one setting), sorted by code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MueTable {
    edits: Vec<MueEdit>,
}

impl MueTable {
    /// Loads an MUE CSV: copyright lines, the header (`HCPCS/CPT Code`, `… Services MUE
    /// Values`, `MUE Adjudication Indicator`, `MUE Rationale`), then one code a line; the
    /// indicator cell reads `1 Line Edit`, `2 Date of Service Edit: Policy` or `3 Date of
    /// Service Edit: Clinical`.
    pub fn load(bytes: &[u8]) -> Result<MueTable, CodeSetError> {
        let content = text(bytes);
        let mut edits = Vec::new();
        let mut in_data = false;
        for (line, raw) in logical_lines(&content) {
            let f = fields(&raw);
            let get = |i: usize| f.get(i).map_or("", String::as_str);
            if !in_data {
                let first = get(0).to_ascii_uppercase();
                in_data = first.starts_with("HCPCS") && raw.to_ascii_uppercase().contains("MUE");
                continue;
            }
            if get(0).is_empty() {
                continue;
            }
            let value = get(1).parse::<u32>().map_err(|_| {
                field_error(
                    MUE,
                    line,
                    "MUE Values",
                    "expected a whole number of units".into(),
                )
            })?;
            let mai = match get(2).trim().bytes().next() {
                Some(d @ b'1'..=b'3') => d.saturating_sub(b'0'),
                _ => {
                    return Err(field_error(
                        MUE,
                        line,
                        "MUE Adjudication Indicator",
                        "expected 1, 2 or 3 first".into(),
                    ));
                }
            };
            edits.push(MueEdit {
                code: code(MUE, line, "HCPCS/CPT Code", get(0))?,
                value,
                mai,
            });
        }
        if !in_data {
            return Err(CodeSetError::Layout {
                file: MUE,
                reason: "no header naming HCPCS/CPT Code and the MUE values",
            });
        }
        Ok(MueTable::from_edits(edits))
    }

    /// Builds a table from its edits (sorted here).
    pub fn from_edits(mut edits: Vec<MueEdit>) -> MueTable {
        edits.sort_by_key(|e| e.code);
        edits.dedup_by_key(|e| e.code);
        MueTable { edits }
    }

    /// The code's edit.
    pub fn get(&self, code: ProcedureCode) -> Option<&MueEdit> {
        self.edits
            .binary_search_by(|e| e.code.cmp(&code))
            .ok()
            .and_then(|at| self.edits.get(at))
    }

    /// Every edit, sorted.
    pub fn edits(&self) -> &[MueEdit] {
        &self.edits
    }
}

/// One add-on code edit: the add-on code is paid only with one of its primary codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct AddOnEdit {
    /// The add-on code.
    pub add_on: ProcedureCode,
    /// A primary code; none when the file writes `CCCCC` (the contractor defines them).
    pub primary: Option<ProcedureCode>,
    /// AOC edit type: 1 (only the listed primaries), 2 (contractor's list), 3 (listed and
    /// the contractor's).
    pub edit_type: u8,
    /// The first day the edit applies.
    pub effective: Option<NaiveDate>,
    /// The last day the edit applies.
    pub deletion: Option<NaiveDate>,
}

impl AddOnEdit {
    /// True when the edit applies on `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.effective.is_none_or(|from| from <= date)
            && self.deletion.is_none_or(|last| date <= last)
    }
}

/// The add-on code edits, sorted by add-on code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AddOnEdits {
    edits: Vec<AddOnEdit>,
}

/// A header cell reduced to letters and digits, lower case.
fn squash(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A date written `YYYYMMDD` or, as the AOC files write it, `YYYYDDD` (year and day of the
/// year); `9999999`, `99991231`, `*` and empty mean none.
fn aoc_date(
    line: usize,
    field: &'static str,
    value: &str,
) -> Result<Option<NaiveDate>, CodeSetError> {
    let value = value.trim();
    if value.len() == 7 && value.bytes().all(|b| b.is_ascii_digit()) {
        if value.bytes().all(|b| b == b'9') {
            return Ok(None);
        }
        return NaiveDate::parse_from_str(value, "%Y%j")
            .map(Some)
            .map_err(|_| {
                field_error(
                    AOC,
                    line,
                    field,
                    "expected a date YYYYDDD or YYYYMMDD".into(),
                )
            });
    }
    if value.starts_with("9999") {
        return Ok(None);
    }
    yyyymmdd(AOC, line, field, value)
}

impl AddOnEdits {
    /// Loads the add-on code edits: copyright lines, then a header naming `Add-On Code`,
    /// `Primary Code`, `AOC Edit Type`, the edit's effective and deletion dates (other
    /// columns are read past), then one pair a line.
    pub fn load(bytes: &[u8]) -> Result<AddOnEdits, CodeSetError> {
        let content = text(bytes);
        let mut edits = Vec::new();
        let mut columns: Option<[usize; 5]> = None;
        for (line, raw) in logical_lines(&content) {
            let f = fields(&raw);
            let Some([add_on, primary, kind, effective, deletion]) = columns else {
                let names: Vec<String> = f.iter().map(|h| squash(h)).collect();
                let find = |want: &dyn Fn(&str) -> bool| names.iter().position(|n| want(n));
                let add_on = find(&|n| n == "addoncode" || n == "aoc" || n == "addoncd");
                let primary = find(&|n| n == "primarycode" || n == "primarycd");
                let kind = find(&|n| n.contains("edittype"));
                let effective = find(&|n| n.contains("edit") && n.contains("eff"));
                let deletion = find(&|n| n.contains("edit") && n.contains("del"));
                if let (Some(a), Some(p), Some(k), Some(e), Some(d)) =
                    (add_on, primary, kind, effective, deletion)
                {
                    columns = Some([a, p, k, e, d]);
                }
                continue;
            };
            let get = |i: usize| f.get(i).map_or("", String::as_str);
            if get(add_on).is_empty() {
                continue;
            }
            let primary_code = match get(primary) {
                "" | "CCCCC" => None,
                text => Some(code(AOC, line, "Primary Code", text)?),
            };
            let edit_type = match get(kind) {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                _ => {
                    return Err(field_error(
                        AOC,
                        line,
                        "AOC Edit Type",
                        "expected 1, 2 or 3".into(),
                    ));
                }
            };
            edits.push(AddOnEdit {
                add_on: code(AOC, line, "Add-On Code", get(add_on))?,
                primary: primary_code,
                edit_type,
                effective: aoc_date(line, "AOC Edit Effective Date", get(effective))?,
                deletion: aoc_date(line, "AOC Edit Deletion Date", get(deletion))?,
            });
        }
        if columns.is_none() {
            return Err(CodeSetError::Layout {
                file: AOC,
                reason: "no header naming Add-On Code, Primary Code, AOC Edit Type and the edit dates",
            });
        }
        Ok(AddOnEdits::from_edits(edits))
    }

    /// Builds the table from its edits (sorted here).
    pub fn from_edits(mut edits: Vec<AddOnEdit>) -> AddOnEdits {
        edits.sort_by_key(|e| (e.add_on, e.primary, e.effective));
        edits.dedup();
        AddOnEdits { edits }
    }

    /// The edits of an add-on code.
    pub fn of(&self, add_on: ProcedureCode) -> &[AddOnEdit] {
        let start = self.edits.partition_point(|e| e.add_on < add_on);
        let end = self.edits.partition_point(|e| e.add_on <= add_on);
        self.edits.get(start..end).unwrap_or(&[])
    }

    /// Every edit, sorted.
    pub fn edits(&self) -> &[AddOnEdit] {
        &self.edits
    }
}
