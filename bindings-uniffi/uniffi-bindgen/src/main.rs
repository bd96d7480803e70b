//! `cargo run -p uniffi-bindgen -- generate --library … --language kotlin|swift|python …`
fn main() {
    uniffi::uniffi_bindgen_main()
}
