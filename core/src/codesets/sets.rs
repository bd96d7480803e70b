//! [`CodeSets`]: everything the scrubber reads, loaded file by file, answering "valid on
//! this date?".

use chrono::NaiveDate;

use super::{
    AddOnEdits, CodeSetError, HcpcsTable, Icd10CmTable, IcdLookup, IcdNotes, MueTable, NcciSetting,
    PlaceOfServiceTable, PtpEdits, RvuRow, RvuTable, TaxonomyTable,
};
use crate::codes::{Icd10Cm, ProcedureCode};

/// The official files the scrubber reads, as plain sorted tables. Build it empty and load
/// each file with the matching `load_*` (or [`CodeSets::load_file`] by file name); what
/// was not loaded is not checked, and [`CodeSets::loaded`] says what was.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CodeSets {
    /// ICD-10-CM tables, one per fiscal year, sorted by year.
    pub icd10cm: Vec<Icd10CmTable>,
    /// HCPCS Level II files, sorted by release.
    pub hcpcs: Vec<HcpcsTable>,
    /// The PFS relative value file (status, global days, PC/TC and surgery indicators).
    pub rvu: Option<RvuTable>,
    /// NCCI PTP edits for practitioners (professional claims).
    pub ptp_practitioner: Option<PtpEdits>,
    /// NCCI PTP edits for outpatient hospitals (institutional claims).
    pub ptp_outpatient: Option<PtpEdits>,
    /// MUEs for practitioners.
    pub mue_practitioner: Option<MueTable>,
    /// MUEs for outpatient hospitals.
    pub mue_outpatient: Option<MueTable>,
    /// MUEs for DME suppliers.
    pub mue_dme: Option<MueTable>,
    /// Add-on code edits.
    pub add_on: Option<AddOnEdits>,
    /// Place of service codes.
    pub place_of_service: Option<PlaceOfServiceTable>,
    /// NUCC taxonomy.
    pub taxonomy: Option<TaxonomyTable>,
}

/// Which official file a file is, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeSetFile {
    /// ICD-10-CM tabular XML.
    Icd10CmTabular,
    /// ICD-10-CM order file, with its fiscal year.
    Icd10CmOrder(i32),
    /// HCPCS fixed-width text.
    HcpcsText,
    /// HCPCS workbook.
    HcpcsWorkbook,
    /// PFS relative value file (PPRRVU, CSV or text).
    Rvu,
    /// NCCI PTP edits.
    Ptp(NcciSetting),
    /// MUEs.
    Mue(NcciSetting),
    /// Add-on code edits.
    AddOn,
    /// Place of service CodeSystem.
    PlaceOfService,
    /// NUCC taxonomy.
    Taxonomy,
}

impl CodeSetFile {
    /// Recognizes an official file by its published name (case does not matter); none for
    /// any other file.
    pub fn from_name(name: &str) -> Option<CodeSetFile> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit('.').next().unwrap_or("");
        let year_after = |prefix: &str| {
            let rest = lower.get(lower.find(prefix)?.saturating_add(prefix.len())..)?;
            rest.get(..4)?.parse::<i32>().ok()
        };
        if lower.contains("tabular") && ext == "xml" {
            return Some(CodeSetFile::Icd10CmTabular);
        }
        if lower.starts_with("icd10cm_order") && ext == "txt" {
            return year_after("icd10cm_order_").map(CodeSetFile::Icd10CmOrder);
        }
        if lower.starts_with("hcpc") && lower.contains("anweb") {
            return match ext {
                "txt" => Some(CodeSetFile::HcpcsText),
                "xlsx" => Some(CodeSetFile::HcpcsWorkbook),
                _ => None,
            };
        }
        if lower.starts_with("pprrvu") && (ext == "csv" || ext == "txt") {
            return Some(CodeSetFile::Rvu);
        }
        if lower.starts_with("ccipra") && ext == "txt" {
            return Some(CodeSetFile::Ptp(NcciSetting::Practitioner));
        }
        if lower.starts_with("ccioph") && ext == "txt" {
            return Some(CodeSetFile::Ptp(NcciSetting::OutpatientHospital));
        }
        if lower.contains("mue") && ext == "csv" {
            let setting = if lower.contains("practitioner") {
                NcciSetting::Practitioner
            } else if lower.contains("outpatient") || lower.contains("facility") {
                NcciSetting::OutpatientHospital
            } else if lower.contains("dme") {
                NcciSetting::Dme
            } else {
                return None;
            };
            return Some(CodeSetFile::Mue(setting));
        }
        if lower.starts_with("aoc") && (ext == "txt" || ext == "csv") {
            return Some(CodeSetFile::AddOn);
        }
        if lower.contains("placeofservice") && ext == "xml" {
            return Some(CodeSetFile::PlaceOfService);
        }
        if lower.starts_with("nucc_taxonomy") && ext == "csv" {
            return Some(CodeSetFile::Taxonomy);
        }
        None
    }
}

/// Whether a procedure code may be reported on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcedureValidity {
    /// It may.
    Valid,
    /// It was added after the date.
    NotYet(NaiveDate),
    /// Its last day was before the date.
    Terminated(NaiveDate),
    /// The file in force on the date does not have it.
    Unknown,
    /// No file covering the code was loaded (CPT codes are checked against the PFS file).
    NotChecked,
}

/// Whether a diagnosis code may be reported on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosisValidity {
    /// Billable in the fiscal year of the date.
    Billable(IcdNotes),
    /// A category or subcategory header: a more specific code is needed.
    Header,
    /// Not in that year's table.
    Unknown,
    /// No table for that fiscal year was loaded.
    NotChecked,
}

impl CodeSets {
    /// An empty set: nothing is checked.
    pub fn new() -> CodeSets {
        CodeSets::default()
    }

    /// Loads a file by its published name; an error for a name that is not an official
    /// file's (see [`CodeSetFile::from_name`]).
    pub fn load_file(&mut self, name: &str, bytes: &[u8]) -> Result<CodeSetFile, CodeSetError> {
        let kind = CodeSetFile::from_name(name).ok_or(CodeSetError::Layout {
            file: "code-set file",
            reason: "the name is not one of an official file (see CodeSetFile::from_name)",
        })?;
        self.load(kind, bytes)?;
        Ok(kind)
    }

    /// Loads a file of a known kind.
    pub fn load(&mut self, kind: CodeSetFile, bytes: &[u8]) -> Result<(), CodeSetError> {
        match kind {
            CodeSetFile::Icd10CmTabular => self.load_icd10cm_tabular(bytes),
            CodeSetFile::Icd10CmOrder(year) => self.load_icd10cm_order(bytes, year),
            CodeSetFile::HcpcsText => self.load_hcpcs_txt(bytes),
            CodeSetFile::HcpcsWorkbook => self.load_hcpcs_xlsx(bytes),
            CodeSetFile::Rvu => self.load_rvu(bytes),
            CodeSetFile::Ptp(setting) => self.load_ptp(setting, bytes),
            CodeSetFile::Mue(setting) => self.load_mue(setting, bytes),
            CodeSetFile::AddOn => self.load_add_on(bytes),
            CodeSetFile::PlaceOfService => self.load_place_of_service(bytes),
            CodeSetFile::Taxonomy => self.load_taxonomy(bytes),
        }
    }

    /// Loads the ICD-10-CM tabular XML (replacing a table of the same fiscal year).
    pub fn load_icd10cm_tabular(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        let table = Icd10CmTable::load_tabular(bytes)?;
        self.add_icd10cm(table);
        Ok(())
    }

    /// Loads an ICD-10-CM order file of a fiscal year. A tabular of the same year, which
    /// carries the notes, is kept over it.
    pub fn load_icd10cm_order(
        &mut self,
        bytes: &[u8],
        fiscal_year: i32,
    ) -> Result<(), CodeSetError> {
        let table = Icd10CmTable::load_order(bytes, fiscal_year)?;
        if self.icd10cm.iter().any(|t| t.fiscal_year() == fiscal_year) {
            return Ok(());
        }
        self.add_icd10cm(table);
        Ok(())
    }

    fn add_icd10cm(&mut self, table: Icd10CmTable) {
        self.icd10cm
            .retain(|t| t.fiscal_year() != table.fiscal_year());
        self.icd10cm.push(table);
        self.icd10cm.sort_by_key(Icd10CmTable::fiscal_year);
    }

    /// Loads a HCPCS fixed-width file.
    pub fn load_hcpcs_txt(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        let table = HcpcsTable::load_txt(bytes)?;
        self.add_hcpcs(table);
        Ok(())
    }

    /// Loads a HCPCS workbook.
    pub fn load_hcpcs_xlsx(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        let table = HcpcsTable::load_xlsx(bytes)?;
        self.add_hcpcs(table);
        Ok(())
    }

    fn add_hcpcs(&mut self, table: HcpcsTable) {
        self.hcpcs.retain(|t| t.released() != table.released());
        self.hcpcs.push(table);
        self.hcpcs.sort_by_key(HcpcsTable::released);
    }

    /// Loads the PFS relative value file.
    pub fn load_rvu(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        self.rvu = Some(RvuTable::load(bytes)?);
        Ok(())
    }

    /// Loads a PTP file (a part of a split table adds to the parts loaded before).
    pub fn load_ptp(&mut self, setting: NcciSetting, bytes: &[u8]) -> Result<(), CodeSetError> {
        let edits = PtpEdits::load(bytes)?;
        let slot = match setting {
            NcciSetting::Practitioner | NcciSetting::Dme => &mut self.ptp_practitioner,
            NcciSetting::OutpatientHospital => &mut self.ptp_outpatient,
        };
        match slot {
            Some(existing) => existing.extend(edits),
            None => *slot = Some(edits),
        }
        Ok(())
    }

    /// Loads an MUE file.
    pub fn load_mue(&mut self, setting: NcciSetting, bytes: &[u8]) -> Result<(), CodeSetError> {
        let table = MueTable::load(bytes)?;
        match setting {
            NcciSetting::Practitioner => self.mue_practitioner = Some(table),
            NcciSetting::OutpatientHospital => self.mue_outpatient = Some(table),
            NcciSetting::Dme => self.mue_dme = Some(table),
        }
        Ok(())
    }

    /// Loads the add-on code edits.
    pub fn load_add_on(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        self.add_on = Some(AddOnEdits::load(bytes)?);
        Ok(())
    }

    /// Loads the place of service codes.
    pub fn load_place_of_service(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        self.place_of_service = Some(PlaceOfServiceTable::load(bytes)?);
        Ok(())
    }

    /// Loads the NUCC taxonomy.
    pub fn load_taxonomy(&mut self, bytes: &[u8]) -> Result<(), CodeSetError> {
        self.taxonomy = Some(TaxonomyTable::load(bytes)?);
        Ok(())
    }

    /// The ICD-10-CM table of the fiscal year of `date`.
    pub fn icd10cm_for(&self, date: NaiveDate) -> Option<&Icd10CmTable> {
        self.icd10cm.iter().find(|t| t.covers(date))
    }

    /// Whether a diagnosis code may be reported on `date`.
    pub fn diagnosis_on(&self, code: &Icd10Cm, date: NaiveDate) -> DiagnosisValidity {
        match self.icd10cm_for(date).map(|t| t.lookup(code)) {
            None => DiagnosisValidity::NotChecked,
            Some(IcdLookup::Billable(notes)) => DiagnosisValidity::Billable(notes),
            Some(IcdLookup::Header) => DiagnosisValidity::Header,
            Some(IcdLookup::Unknown) => DiagnosisValidity::Unknown,
        }
    }

    /// The HCPCS file in force on `date`: the latest released on or before it, else the
    /// earliest loaded.
    pub fn hcpcs_for(&self, date: NaiveDate) -> Option<&HcpcsTable> {
        self.hcpcs
            .iter()
            .rev()
            .find(|t| t.released().is_some_and(|r| r <= date))
            .or_else(|| self.hcpcs.first())
    }

    /// Whether a procedure code may be reported on `date`: HCPCS Level II codes against the
    /// HCPCS file in force, CPT codes against the PFS relative value file (which lists the
    /// CPT codes of its year).
    pub fn procedure_on(&self, code: ProcedureCode, date: NaiveDate) -> ProcedureValidity {
        use crate::codes::ProcedureKind;
        if code.kind() == ProcedureKind::HcpcsLevelII {
            let Some(table) = self.hcpcs_for(date) else {
                return ProcedureValidity::NotChecked;
            };
            return match table.get(code) {
                None => ProcedureValidity::Unknown,
                Some(c) => match (c.added, c.terminated) {
                    (Some(added), _) if date < added => ProcedureValidity::NotYet(added),
                    (_, Some(last)) if date > last => ProcedureValidity::Terminated(last),
                    _ => ProcedureValidity::Valid,
                },
            };
        }
        match &self.rvu {
            Some(rvu) if rvu.get(code, None).is_some() => ProcedureValidity::Valid,
            Some(_) if code.kind() == ProcedureKind::CptCategoryI => ProcedureValidity::Unknown,
            _ => ProcedureValidity::NotChecked,
        }
    }

    /// The PFS row of the global service of a code.
    pub fn pfs(&self, code: ProcedureCode) -> Option<&RvuRow> {
        self.rvu.as_ref().and_then(|r| r.get(code, None))
    }

    /// The PTP table for a setting.
    pub fn ptp(&self, setting: NcciSetting) -> Option<&PtpEdits> {
        match setting {
            NcciSetting::Practitioner | NcciSetting::Dme => self.ptp_practitioner.as_ref(),
            NcciSetting::OutpatientHospital => self.ptp_outpatient.as_ref(),
        }
    }

    /// The MUE table for a setting.
    pub fn mue(&self, setting: NcciSetting) -> Option<&MueTable> {
        match setting {
            NcciSetting::Practitioner => self.mue_practitioner.as_ref(),
            NcciSetting::OutpatientHospital => self.mue_outpatient.as_ref(),
            NcciSetting::Dme => self.mue_dme.as_ref(),
        }
    }

    /// What was loaded, one short line each (e.g. `ICD-10-CM FY2026: 74719 billable`).
    pub fn loaded(&self) -> Vec<String> {
        let mut out = Vec::new();
        for t in &self.icd10cm {
            out.push(format!(
                "ICD-10-CM FY{}: {} billable codes, {} Excludes1 pairs",
                t.fiscal_year(),
                t.billable_count(),
                t.excludes1().len()
            ));
        }
        for t in &self.hcpcs {
            let released = t
                .released()
                .map_or_else(|| "?".to_owned(), |d| d.to_string());
            out.push(format!(
                "HCPCS released {released}: {} codes, {} modifiers",
                t.codes().len(),
                t.modifiers().len()
            ));
        }
        if let Some(rvu) = &self.rvu {
            out.push(format!("PFS relative values: {} rows", rvu.len()));
        }
        for (name, table) in [
            ("practitioner", &self.ptp_practitioner),
            ("outpatient hospital", &self.ptp_outpatient),
        ] {
            if let Some(t) = table {
                out.push(format!("NCCI PTP {name}: {} edits", t.len()));
            }
        }
        for (name, table) in [
            ("practitioner", &self.mue_practitioner),
            ("outpatient hospital", &self.mue_outpatient),
            ("DME", &self.mue_dme),
        ] {
            if let Some(t) = table {
                out.push(format!("MUE {name}: {} codes", t.edits().len()));
            }
        }
        if let Some(t) = &self.add_on {
            out.push(format!("add-on code edits: {}", t.edits().len()));
        }
        if let Some(t) = &self.place_of_service {
            out.push(format!("places of service: {}", t.entries().len()));
        }
        if let Some(t) = &self.taxonomy {
            out.push(format!("NUCC taxonomy: {} codes", t.entries().len()));
        }
        out
    }
}
