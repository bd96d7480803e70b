//! 835 remittances in X12: [`RemitReader`] streams the [`crate::remit`] model out of any
//! byte source, [`read_835`] collects it, [`write_835`] writes it back. [`read_piece`] and
//! [`PieceFeed`] are the pure half of reading on several threads (the threads are a host's:
//! `medbill-batch`).

mod piece;
mod read;
mod transaction;
mod values;
mod write;

pub use piece::{Piece, PieceFeed, PieceReading, claim_cut, read_piece};
pub use read::{RemitEvent, RemitHeader, RemitReader, RemitTrailer, Run, read_835};
pub use write::{VERSION_835, write_835, write_one as write_835_transaction};
