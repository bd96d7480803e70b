//! `medbill::scrub` for Kotlin, Swift and Python: load the official code-set files once
//! into a `CodeSets` object, then scrub claims given as JSON.

use std::sync::{Arc, RwLock, RwLockReadGuard};

use medbill::Claim;
use medbill::scrub::{PayerRules, ScrubHistory};

use crate::error::MedbillError;
use crate::pricing::parse_date;

/// One official code-set file: its published name and its bytes.
#[derive(uniffi::Record)]
pub struct CodeSetBytes {
    /// The published file name (e.g. `PPRRVU2025_Oct.csv`).
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The code sets the scrubber reads: given all at once, or loaded file by file (`load`, as in
/// the WASM bindings); shared between threads (scrubbing reads, loading writes).
#[derive(uniffi::Object)]
pub struct CodeSets {
    sets: RwLock<medbill::codesets::CodeSets>,
}

impl CodeSets {
    /// The code sets, for reading.
    fn read(&self) -> Result<RwLockReadGuard<'_, medbill::codesets::CodeSets>, MedbillError> {
        self.sets.read().map_err(|_| poisoned())
    }
}

/// A load that panicked part-way left the sets in an unknown state: refuse to use them.
fn poisoned() -> MedbillError {
    MedbillError::Failed {
        code: "CODESET_UNUSABLE".to_owned(),
        detail: "a load into these code sets failed part-way; build new ones".to_owned(),
    }
}

#[uniffi::export]
impl CodeSets {
    /// Loads the given files (by their published names).
    #[uniffi::constructor]
    pub fn new(files: Vec<CodeSetBytes>) -> Result<Arc<CodeSets>, MedbillError> {
        let mut sets = medbill::codesets::CodeSets::new();
        for file in files {
            sets.load_file(&file.name, &file.bytes)
                .map_err(|e| MedbillError::from_core(&e))?;
        }
        Ok(Arc::new(CodeSets {
            sets: RwLock::new(sets),
        }))
    }

    /// Loads one more official file given its published name (e.g. `PPRRVU2025_Oct.csv`,
    /// `ccipra-v314r0-f1.txt`) and its bytes.
    pub fn load(&self, name: String, bytes: Vec<u8>) -> Result<(), MedbillError> {
        let mut sets = self.sets.write().map_err(|_| poisoned())?;
        sets.load_file(&name, &bytes)
            .map(|_| ())
            .map_err(|e| MedbillError::from_core(&e))
    }

    /// The code sets of a pack built by `medbill codesets pack` (or `to_pack`): the parsed
    /// tables, without the official files or their readers.
    #[uniffi::constructor]
    pub fn from_pack(bytes: Vec<u8>) -> Result<Arc<CodeSets>, MedbillError> {
        medbill::codesets::CodeSets::from_pack(&bytes)
            .map(|pack| {
                Arc::new(CodeSets {
                    sets: RwLock::new(pack.sets),
                })
            })
            .map_err(|e| MedbillError::from_core(&e))
    }

    /// What was loaded, one line each.
    pub fn loaded(&self) -> Result<Vec<String>, MedbillError> {
        Ok(self.read()?.loaded())
    }

    /// These code sets as a pack: everything loaded, or with `first` and `last`
    /// (`YYYY-MM-DD`) only what those days read.
    #[uniffi::method(default(first = None, last = None))]
    pub fn to_pack(
        &self,
        first: Option<String>,
        last: Option<String>,
    ) -> Result<Vec<u8>, MedbillError> {
        let range = match (first, last) {
            (Some(first), Some(last)) => Some((parse_date(&first)?, parse_date(&last)?)),
            _ => None,
        };
        self.read()?
            .to_pack(range)
            .map_err(|e| MedbillError::from_core(&e))
    }
}

/// Scrubs a claim (JSON) against loaded code sets as of a date (`YYYY-MM-DD`), with the
/// payer's rule pack and the patient's earlier services (JSON) when given.
#[uniffi::export(default(payer_rules_json = None, history_json = None))]
pub fn scrub_claim_json(
    claim_json: String,
    code_sets: Arc<CodeSets>,
    as_of: String,
    payer_rules_json: Option<String>,
    history_json: Option<String>,
) -> Result<Vec<medbill::Finding>, MedbillError> {
    let claim = Claim::from_json(&claim_json).map_err(|e| MedbillError::from_core(&e))?;
    let as_of = parse_date(&as_of)?;
    let rules = match payer_rules_json {
        Some(text) => PayerRules::from_json(&text).map_err(|e| MedbillError::from_core(&e))?,
        None => PayerRules::default(),
    };
    rules.check().map_err(|e| MedbillError::from_core(&e))?;
    let history: ScrubHistory = match history_json {
        Some(text) => medbill::from_json(&text).map_err(|e| MedbillError::from_core(&e))?,
        None => ScrubHistory::default(),
    };
    Ok(medbill::scrub(
        &claim,
        &*code_sets.read()?,
        &rules,
        as_of,
        &history,
    ))
}
