//! A compact binary pack of loaded code sets, for browsers and phones (issue 12 §2): the
//! tables the scrubber reads, already parsed, written with postcard after a short header, so a
//! host loads one file of bytes instead of the official XML, fixed-width text and workbooks
//! (and carries none of their readers).
//!
//! A pack for a date range keeps only the ICD-10-CM fiscal years and HCPCS releases some day
//! of the range reads; for every date in the range it answers exactly as the code sets it was
//! built from (every table kept is kept whole, and the look-up that picks a table for a date
//! picks the same one). Without a range it holds everything loaded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CodeSetError;
use super::sets::CodeSets;

/// The first bytes of every pack: the name, then the format version.
pub const PACK_MAGIC: &[u8; 16] = b"MEDBILL-CODESETS";
/// The pack format this build writes and reads.
pub const PACK_VERSION: u8 = 1;

const FILE: &str = "code-set pack";

/// The body after the header.
#[derive(Serialize, Deserialize)]
struct Body {
    /// The first and last day the pack answers for, when it was built for a range.
    range: Option<(NaiveDate, NaiveDate)>,
    sets: CodeSets,
}

/// A pack read back: the code sets and the range it was built for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSetPack {
    /// The first and last day the pack answers for (`None`: everything loaded was packed).
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// The code sets.
    pub sets: CodeSets,
}

/// Whether `bytes` start like a pack.
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(PACK_MAGIC)
}

impl CodeSets {
    /// The code sets a date range reads: the ICD-10-CM tables and HCPCS releases some day of
    /// `first..=last` picks, and every other table whole.
    pub fn for_range(&self, first: NaiveDate, last: NaiveDate) -> CodeSets {
        let days = || first.iter_days().take_while(move |d| *d <= last);
        CodeSets {
            icd10cm: picked(&self.icd10cm, days(), |d| self.icd10cm_for(d)),
            hcpcs: picked(&self.hcpcs, days(), |d| self.hcpcs_for(d)),
            ..self.clone()
        }
    }

    /// Writes the pack: everything loaded, or for `range` (first and last day) only what
    /// those days read.
    pub fn to_pack(&self, range: Option<(NaiveDate, NaiveDate)>) -> Result<Vec<u8>, CodeSetError> {
        let sets = match range {
            Some((first, last)) if first > last => {
                return Err(CodeSetError::Layout {
                    file: FILE,
                    reason: "the range ends before it begins",
                });
            }
            Some((first, last)) => self.for_range(first, last),
            None => self.clone(),
        };
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(PACK_MAGIC);
        out.push(PACK_VERSION);
        let body = Body { range, sets };
        postcard::to_extend(&body, out).map_err(|_| CodeSetError::Layout {
            file: FILE,
            reason: "the code sets could not be written",
        })
    }

    /// Reads a pack written by [`CodeSets::to_pack`].
    pub fn from_pack(bytes: &[u8]) -> Result<CodeSetPack, CodeSetError> {
        let rest = bytes
            .strip_prefix(PACK_MAGIC.as_slice())
            .ok_or(CodeSetError::Layout {
                file: FILE,
                reason: "not a medbill code-set pack (it does not start with MEDBILL-CODESETS)",
            })?;
        let (&version, body) = rest.split_first().ok_or(CodeSetError::Layout {
            file: FILE,
            reason: "the pack ends after its name",
        })?;
        if version != PACK_VERSION {
            return Err(CodeSetError::Layout {
                file: FILE,
                reason: "the pack was written in another format version: build it again with this medbill",
            });
        }
        let (body, extra): (Body, &[u8]) =
            postcard::take_from_bytes(body).map_err(|_| CodeSetError::Layout {
                file: FILE,
                reason: "the pack is damaged or cut short",
            })?;
        if !extra.is_empty() {
            return Err(CodeSetError::Layout {
                file: FILE,
                reason: "the pack has bytes after its end",
            });
        }
        Ok(CodeSetPack {
            range: body.range,
            sets: body.sets,
        })
    }
}

/// The tables of `all` that `pick` gives for some day of `days`, in their order.
fn picked<'a, T: Clone + 'a>(
    all: &'a [T],
    days: impl Iterator<Item = NaiveDate>,
    pick: impl Fn(NaiveDate) -> Option<&'a T>,
) -> Vec<T> {
    let mut keep = vec![false; all.len()];
    for day in days {
        let index = pick(day).and_then(|t| all.iter().position(|x| std::ptr::eq(x, t)));
        if let Some(flag) = index.and_then(|i| keep.get_mut(i)) {
            *flag = true;
        }
    }
    all.iter()
        .zip(keep)
        .filter(|(_, kept)| *kept)
        .map(|(t, _)| t.clone())
        .collect()
}
