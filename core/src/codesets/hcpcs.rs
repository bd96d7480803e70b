//! HCPCS Level II: the CMS alpha-numeric file, fixed width (`HCPCyyyy_ANWEB.txt`, 320-byte
//! records) or the quarterly Excel workbook (`HCPCyyyy_MON_ANWEB.xlsx`). Each code carries
//! its add, action-effective and termination dates, its action code, coverage code,
//! pricing indicators and BETOS category.

use arrayvec::ArrayString;
use chrono::NaiveDate;

use super::{CodeSetError, field_error, text, yyyymmdd};
use crate::codes::{Modifier, ProcedureCode};

/// One HCPCS Level II procedure code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct HcpcsCode {
    /// The code.
    pub code: ProcedureCode,
    /// PRICE1–PRICE4: the pricing indicators (e.g. `00` not separately priced by Part B,
    /// `51` drugs, `53` contractor priced).
    pub pricing: [ArrayString<2>; 4],
    /// MULT_PI: how the pricing indicators combine.
    pub multiple_pricing: Option<char>,
    /// COV: the coverage code (`C` carrier judgment, `D` special coverage instructions,
    /// `I` not payable by Medicare, `M` non-covered by Medicare, `S` non-covered by statute).
    pub coverage: Option<char>,
    /// BETOS category.
    pub betos: ArrayString<3>,
    /// ADD DT: when the code was added.
    pub added: Option<NaiveDate>,
    /// ACT EFF DT: when the last action took effect.
    pub action_effective: Option<NaiveDate>,
    /// TERM DT: the last day the code may be reported.
    pub terminated: Option<NaiveDate>,
    /// ACTION CD (`A` added, `C` changed, `D` discontinued, `N` no change, `P`, `R`, `S`…).
    pub action: Option<char>,
}

impl HcpcsCode {
    /// True when the code may be reported for a service on `date`.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.added.is_none_or(|added| added <= date)
            && self.terminated.is_none_or(|last| date <= last)
    }

    /// True when Medicare does not pay the code (coverage `I`, `M` or `S`).
    pub fn not_covered_by_medicare(&self) -> bool {
        matches!(self.coverage, Some('I' | 'M' | 'S'))
    }
}

/// One HCPCS Level II modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct HcpcsModifier {
    /// The modifier.
    pub modifier: Modifier,
    /// When it was added.
    pub added: Option<NaiveDate>,
    /// The last day it may be reported.
    pub terminated: Option<NaiveDate>,
    /// Its action code.
    pub action: Option<char>,
}

impl HcpcsModifier {
    /// True when the modifier may be reported on `date`.
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.added.is_none_or(|added| added <= date)
            && self.terminated.is_none_or(|last| date <= last)
    }
}

/// One HCPCS file: procedure codes and modifiers, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HcpcsTable {
    codes: Vec<HcpcsCode>,
    modifiers: Vec<HcpcsModifier>,
    released: Option<NaiveDate>,
}

const TXT: &str = "HCPCS fixed-width file";
const XLSX: &str = "HCPCS workbook";

/// The fields of one record, as text, whichever the file's format.
struct Record<'a> {
    code: &'a str,
    record_id: &'a str,
    pricing: [&'a str; 4],
    multiple_pricing: &'a str,
    coverage: &'a str,
    betos: &'a str,
    added: &'a str,
    action_effective: &'a str,
    terminated: &'a str,
    action: &'a str,
}

impl HcpcsTable {
    /// Loads the fixed-width file: disclaimer lines, then 320-byte records (1–5 code,
    /// 6–10 sequence, 11 record id 3/4/7/8, …, 120–127 PRICE1–4, 128 MULT_PI, 230 COV,
    /// 257–259 BETOS, 269–276 ADD DT, 277–284 ACT EFF DT, 285–292 TERM DT, 293 ACTION CD).
    /// Continuation records (4, 8) carry only description text and are skipped.
    pub fn load_txt(bytes: &[u8]) -> Result<HcpcsTable, CodeSetError> {
        let content = text(bytes);
        let mut table = HcpcsTable::default();
        let mut in_records = false;
        for (index, raw) in content.lines().enumerate() {
            let line = index.saturating_add(1);
            if raw.trim().is_empty() {
                continue;
            }
            let col = |from: usize, to: usize| {
                raw.get(from.saturating_sub(1)..to.min(raw.len()))
                    .unwrap_or("")
            };
            let is_record = col(6, 10).len() == 5
                && col(6, 10).bytes().all(|b| b.is_ascii_digit())
                && matches!(col(11, 11), "3" | "4" | "7" | "8");
            if !is_record {
                if in_records {
                    return Err(field_error(
                        TXT,
                        line,
                        "RECID",
                        "expected a record: sequence number in columns 6-10, record id 3, 4, 7 or 8 in column 11".into(),
                    ));
                }
                continue;
            }
            in_records = true;
            if matches!(col(11, 11), "4" | "8") {
                continue;
            }
            if raw.len() < 293 {
                return Err(field_error(
                    TXT,
                    line,
                    "ACTION CD",
                    "a first record ends before column 293".into(),
                ));
            }
            table.add(
                TXT,
                line,
                &Record {
                    code: col(1, 5),
                    record_id: col(11, 11),
                    pricing: [col(120, 121), col(122, 123), col(124, 125), col(126, 127)],
                    multiple_pricing: col(128, 128),
                    coverage: col(230, 230),
                    betos: col(257, 259),
                    added: col(269, 276),
                    action_effective: col(277, 284),
                    terminated: col(285, 292),
                    action: col(293, 293),
                },
            )?;
        }
        table.finish(TXT)
    }

    /// Loads the Excel workbook: its first sheet, a header row naming the columns (HCPC,
    /// RECID, PRICE1–4, MULT_PI, COV, BETOS, ADD DT, ACT EFF DT, TERM DT, ACTION CD), one
    /// row per code.
    pub fn load_xlsx(bytes: &[u8]) -> Result<HcpcsTable, CodeSetError> {
        use calamine::Reader;
        let mut workbook =
            calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| CodeSetError::Layout {
                file: XLSX,
                reason: "not an Excel (xlsx) workbook",
            })?;
        let range = workbook
            .worksheet_range_at(0)
            .ok_or(CodeSetError::Layout {
                file: XLSX,
                reason: "the workbook has no sheet",
            })?
            .map_err(|_| CodeSetError::Layout {
                file: XLSX,
                reason: "the first sheet cannot be read",
            })?;
        let mut rows = range.rows();
        let header: Vec<String> = rows
            .next()
            .ok_or(CodeSetError::Layout {
                file: XLSX,
                reason: "no header row",
            })?
            .iter()
            .map(|c| c.to_string().trim().to_ascii_uppercase())
            .collect();
        let column = |name: &'static str| {
            header
                .iter()
                .position(|h| h == name)
                .ok_or(CodeSetError::Field {
                    file: XLSX,
                    line: 1,
                    field: name,
                    reason: "the header row has no such column".into(),
                })
        };
        let columns = [
            column("HCPC")?,
            column("RECID")?,
            column("PRICE1")?,
            column("PRICE2")?,
            column("PRICE3")?,
            column("PRICE4")?,
            column("MULT_PI")?,
            column("COV")?,
            column("BETOS")?,
            column("ADD DT")?,
            column("ACT EFF DT")?,
            column("TERM DT")?,
            column("ACTION CD")?,
        ];
        let mut table = HcpcsTable::default();
        for (index, row) in rows.enumerate() {
            let line = index.saturating_add(2);
            let cells: Vec<String> = columns
                .iter()
                .map(|&c| row.get(c).map(cell_text).unwrap_or_default())
                .collect();
            let get = |i: usize| cells.get(i).map_or("", String::as_str);
            if get(0).trim().is_empty() {
                continue;
            }
            table.add(
                XLSX,
                line,
                &Record {
                    code: get(0),
                    record_id: get(1),
                    pricing: [get(2), get(3), get(4), get(5)],
                    multiple_pricing: get(6),
                    coverage: get(7),
                    betos: get(8),
                    added: get(9),
                    action_effective: get(10),
                    terminated: get(11),
                    action: get(12),
                },
            )?;
        }
        table.finish(XLSX)
    }

    fn add(&mut self, file: &'static str, line: usize, r: &Record<'_>) -> Result<(), CodeSetError> {
        let added = yyyymmdd(file, line, "ADD DT", r.added)?;
        let action_effective = yyyymmdd(file, line, "ACT EFF DT", r.action_effective)?;
        let terminated = yyyymmdd(file, line, "TERM DT", r.terminated)?;
        let action = one_char(file, line, "ACTION CD", r.action)?;
        match r.record_id.trim() {
            "3" => {
                let code = ProcedureCode::parse(r.code.trim())
                    .map_err(|e| field_error(file, line, "HCPC", e.to_string()))?;
                let mut pricing = [ArrayString::new(); 4];
                for (slot, value) in pricing.iter_mut().zip(r.pricing) {
                    *slot = ArrayString::from(value.trim()).map_err(|_| {
                        field_error(file, line, "PRICE", "longer than 2 characters".into())
                    })?;
                }
                self.codes.push(HcpcsCode {
                    code,
                    pricing,
                    multiple_pricing: one_char(file, line, "MULT_PI", r.multiple_pricing)?,
                    coverage: one_char(file, line, "COV", r.coverage)?,
                    betos: ArrayString::from(r.betos.trim()).map_err(|_| {
                        field_error(file, line, "BETOS", "longer than 3 characters".into())
                    })?,
                    added,
                    action_effective,
                    terminated,
                    action,
                });
            }
            "7" => {
                let modifier = Modifier::parse(r.code.trim())
                    .map_err(|e| field_error(file, line, "HCPC", e.to_string()))?;
                self.modifiers.push(HcpcsModifier {
                    modifier,
                    added,
                    terminated,
                    action,
                });
            }
            _ => {
                return Err(field_error(
                    file,
                    line,
                    "RECID",
                    "expected 3 (procedure) or 7 (modifier)".into(),
                ));
            }
        }
        if let Some(date) = action_effective {
            self.released = Some(self.released.map_or(date, |r| r.max(date)));
        }
        Ok(())
    }

    fn finish(mut self, file: &'static str) -> Result<HcpcsTable, CodeSetError> {
        if self.codes.is_empty() {
            return Err(CodeSetError::Layout {
                file,
                reason: "no procedure records",
            });
        }
        self.codes.sort_by_key(|e| e.code);
        self.codes.dedup_by(|a, b| a.code == b.code);
        self.modifiers.sort_by_key(|e| e.modifier);
        self.modifiers.dedup_by(|a, b| a.modifier == b.modifier);
        Ok(self)
    }

    /// Builds a table from its parts (sorted here).
    pub fn from_parts(mut codes: Vec<HcpcsCode>, mut modifiers: Vec<HcpcsModifier>) -> HcpcsTable {
        codes.sort_by_key(|e| e.code);
        codes.dedup_by(|a, b| a.code == b.code);
        modifiers.sort_by_key(|e| e.modifier);
        modifiers.dedup_by(|a, b| a.modifier == b.modifier);
        let released = codes.iter().filter_map(|c| c.action_effective).max();
        HcpcsTable {
            codes,
            modifiers,
            released,
        }
    }

    /// The code's record.
    pub fn get(&self, code: ProcedureCode) -> Option<&HcpcsCode> {
        self.codes
            .binary_search_by(|c| c.code.cmp(&code))
            .ok()
            .and_then(|at| self.codes.get(at))
    }

    /// The modifier's record.
    pub fn modifier(&self, modifier: Modifier) -> Option<&HcpcsModifier> {
        self.modifiers
            .binary_search_by(|m| m.modifier.cmp(&modifier))
            .ok()
            .and_then(|at| self.modifiers.get(at))
    }

    /// True when the code is in the file and may be reported on `date`.
    pub fn is_valid_on(&self, code: ProcedureCode, date: NaiveDate) -> bool {
        self.get(code).is_some_and(|c| c.is_valid_on(date))
    }

    /// Every procedure code, sorted.
    pub fn codes(&self) -> &[HcpcsCode] {
        &self.codes
    }

    /// Every modifier, sorted.
    pub fn modifiers(&self) -> &[HcpcsModifier] {
        &self.modifiers
    }

    /// The latest action-effective date in the file: when the file took effect.
    pub fn released(&self) -> Option<NaiveDate> {
        self.released
    }
}

fn one_char(
    file: &'static str,
    line: usize,
    field: &'static str,
    value: &str,
) -> Result<Option<char>, CodeSetError> {
    let mut chars = value.trim().chars();
    match (chars.next(), chars.next()) {
        (None, _) => Ok(None),
        (Some(c), None) if c.is_ascii_alphanumeric() => Ok(Some(c)),
        _ => Err(field_error(
            file,
            line,
            field,
            "expected one letter or digit".into(),
        )),
    }
}

/// A workbook cell as text; whole numbers (dates written 20250101, indicators) without a
/// decimal point.
fn cell_text(cell: &calamine::Data) -> String {
    match cell {
        calamine::Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{f:.0}")
        }
        other => other.to_string(),
    }
}
