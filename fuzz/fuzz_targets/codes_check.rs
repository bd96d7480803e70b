//! Every code parser, through `codes::check`: the first byte picks the kind. A valid code's
//! normalized form must parse again to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use medbill::CodeKind;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = CodeKind::ALL[usize::from(selector) % CodeKind::ALL.len()];
    let check = medbill::codes::check(kind, text);
    assert_eq!(check.valid, check.normalized.is_some());
    assert_eq!(check.valid, check.reason.is_none());
    if let Some(normalized) = check.normalized {
        // `check` may annotate the form ("99213 (CPT Category I)"): re-check its first word.
        let code = normalized.split(' ').next().unwrap_or_default();
        let again = medbill::codes::check(kind, code);
        assert!(
            again.valid,
            "{kind}: normalized form {code:?} does not parse"
        );
        assert_eq!(again.normalized.as_deref(), Some(normalized.as_str()));
    }
});
