//! `medbill::scrub` for JavaScript: load the official code-set files once into a
//! `CodeSets` handle (from bytes, by their published names), then scrub claims against it.

use medbill::Claim;
use medbill::scrub::{PayerRules, ScrubHistory};
use wasm_bindgen::prelude::*;

use crate::error::{from_js, to_js, to_js_value};

/// The code sets the scrubber reads, loaded file by file from bytes.
#[wasm_bindgen(js_name = CodeSets)]
pub struct CodeSets {
    sets: medbill::codesets::CodeSets,
}

#[wasm_bindgen(js_class = CodeSets)]
impl CodeSets {
    /// An empty set: nothing is checked until files are loaded.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default, reason = "a JS constructor")]
    pub fn new() -> CodeSets {
        CodeSets {
            sets: medbill::codesets::CodeSets::new(),
        }
    }

    /// Loads an official file given its published name (e.g. `PPRRVU2025_Oct.csv`,
    /// `ccipra-v314r0-f1.txt`) and its bytes.
    pub fn load(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsValue> {
        self.sets
            .load_file(name, bytes)
            .map(|_| ())
            .map_err(|e| to_js(&e))
    }

    /// What was loaded, one line each.
    pub fn loaded(&self) -> Vec<String> {
        self.sets.loaded()
    }

    /// The code sets of a pack built by `medbill codesets pack` (or `toPack`): the parsed
    /// tables, without the official files or their readers.
    #[wasm_bindgen(js_name = fromPack)]
    pub fn from_pack(bytes: &[u8]) -> Result<CodeSets, JsValue> {
        medbill::codesets::CodeSets::from_pack(bytes)
            .map(|pack| CodeSets { sets: pack.sets })
            .map_err(|e| to_js(&e))
    }

    /// These code sets as a pack: everything loaded, or with `first` and `last`
    /// (`YYYY-MM-DD`) only what those days read.
    #[wasm_bindgen(js_name = toPack)]
    pub fn to_pack(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] first: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] last: JsValue,
    ) -> Result<Vec<u8>, JsValue> {
        let first: Option<chrono::NaiveDate> = from_js(first)?;
        let last: Option<chrono::NaiveDate> = from_js(last)?;
        self.sets.to_pack(first.zip(last)).map_err(|e| to_js(&e))
    }
}

/// Scrubs a claim against loaded code sets as of a date (`YYYY-MM-DD`), with the payer's
/// rule pack and the patient's earlier services when given.
#[wasm_bindgen(js_name = scrubClaim, unchecked_return_type = "Finding[]")]
pub fn scrub_claim(
    #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue,
    #[wasm_bindgen(js_name = codeSets)] code_sets: &CodeSets,
    #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    #[wasm_bindgen(js_name = payerRules, unchecked_optional_param_type = "PayerRules")]
    payer_rules: Option<js_sys::Object>,
    #[wasm_bindgen(unchecked_optional_param_type = "ScrubHistory")] history: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    let claim: Claim = from_js(claim)?;
    let as_of: chrono::NaiveDate = from_js(as_of)?;
    let rules: PayerRules = match payer_rules {
        Some(rules) => from_js(rules.into())?,
        None => PayerRules::default(),
    };
    rules.check().map_err(|e| to_js(&e))?;
    let history: ScrubHistory = match history {
        Some(history) => from_js(history.into())?,
        None => ScrubHistory::default(),
    };
    to_js_value(&medbill::scrub(
        &claim,
        &code_sets.sets,
        &rules,
        as_of,
        &history,
    ))
}
