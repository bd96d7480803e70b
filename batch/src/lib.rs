#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod feed;
mod reader;

pub use feed::{Render, Rendered, ThreadedFeed};
pub use reader::{RemitBatch, ThreadedRemitReader};
