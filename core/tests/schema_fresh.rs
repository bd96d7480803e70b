//! The committed JSON Schemas must match the Rust types. Run with `MEDBILL_BLESS=1` to rewrite.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use std::path::PathBuf;

#[test]
fn committed_schemas_are_fresh() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema");
    let bless = std::env::var_os("MEDBILL_BLESS").is_some();
    let mut stale = Vec::new();
    for (stem, schema) in medbill::schema::all() {
        let path = dir.join(format!("{stem}.schema.json"));
        let mut fresh = serde_json::to_string_pretty(&schema).unwrap_or_default();
        fresh.push('\n');
        if bless {
            std::fs::write(&path, &fresh)
                .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(stem);
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `MEDBILL_BLESS=1 cargo test -p medbill --test schema_fresh`"
    );
}
