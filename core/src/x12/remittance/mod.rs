//! 835 remittances in X12: [`RemitReader`] streams the [`crate::remit`] model out of any
//! byte source (on worker threads if asked), [`read_835`] collects it, [`write_835`] writes
//! it back.

mod feed;
mod read;
mod write;

pub use read::{RemitBatch, RemitEvent, RemitHeader, RemitReader, RemitTrailer, read_835};
pub use write::{VERSION_835, write_835, write_one as write_835_transaction};
