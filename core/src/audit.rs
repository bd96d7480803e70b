//! The audit hash chain over the ledger's entries: each entry's hash is SHA-256 of the
//! previous entry's hash and the entry's canonical encoding, so an entry edited, removed or
//! inserted behind medbill's back breaks the chain at that entry.
//!
//! Pure: a store keeps each entry's hash beside it and the head (the last hash and the
//! length) somewhere the entries are not, and calls [`AuditChain::verify`].
//!
//! The canonical encoding of an entry (version 1) is the domain tag `medbill-entry-v1`, a
//! zero byte, then the entry's compact JSON (fields in their documented order, amounts as
//! decimal strings with at least two places, dates `YYYY-MM-DD`). An entry read back from
//! its JSON encodes to the same bytes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ledger::{Entry, EntryId};

/// A SHA-256 hash, as 64 lowercase hexadecimal digits in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ChainHash(pub [u8; 32]);

impl std::fmt::Display for ChainHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for ChainHash {
    type Err = AuditError;

    fn from_str(text: &str) -> Result<ChainHash, AuditError> {
        let bytes = text.as_bytes();
        if bytes.len() != 64 {
            return Err(AuditError::HashSyntax);
        }
        let mut hash = [0u8; 32];
        for (slot, pair) in hash.iter_mut().zip(bytes.chunks_exact(2)) {
            let digit = |b: u8| (b as char).to_digit(16).ok_or(AuditError::HashSyntax);
            let (high, low) = match pair {
                [h, l] => (digit(*h)?, digit(*l)?),
                _ => return Err(AuditError::HashSyntax),
            };
            *slot = u8::try_from(high.wrapping_shl(4) | low).map_err(|_| AuditError::HashSyntax)?;
        }
        Ok(ChainHash(hash))
    }
}

impl Serialize for ChainHash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ChainHash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ChainHash, D::Error> {
        crate::input::parse_text(d, "64 hexadecimal digits (a SHA-256 hash)")
    }
}

impl JsonSchema for ChainHash {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChainHash".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "A SHA-256 hash as 64 lowercase hexadecimal digits."
        })
    }
}

/// Why a chain does not verify, or an entry could not be hashed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    /// The entry's hash is not the one recomputed: it, or an entry before it that the
    /// previous hashes did not cover, was changed, removed or inserted.
    #[error(
        "entry {entry} (position {position}) does not match its audit hash: the books were changed there"
    )]
    Mismatch {
        /// The first entry whose hash does not match.
        entry: EntryId,
        /// Its 0-based position.
        position: usize,
    },
    /// The chain's length or last hash is not the head kept apart (entries removed from the
    /// end, or appended without medbill).
    #[error(
        "the chain ends at position {length} but its head says otherwise: entries were removed from or added at the end"
    )]
    Head {
        /// How many entries were verified.
        length: u64,
    },
    /// There are not as many hashes as entries.
    #[error("{entries} entries but {hashes} hashes")]
    Count {
        /// Entries given.
        entries: usize,
        /// Hashes given.
        hashes: usize,
    },
    /// An entry could not be encoded.
    #[error("entry {entry} could not be encoded")]
    Encode {
        /// The entry.
        entry: EntryId,
    },
    /// A hash is not 64 hexadecimal digits.
    #[error("not a hash: expected 64 hexadecimal digits")]
    HashSyntax,
}

/// The head of a chain: how many entries it covers and the last one's hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditChain {
    /// Entries chained.
    pub length: u64,
    /// The last entry's hash (zeros for an empty chain).
    pub head: ChainHash,
}

const DOMAIN: &[u8] = b"medbill-entry-v1\0";

/// The canonical encoding of an entry (see the module documentation).
pub fn canonical_bytes(entry: &Entry) -> Result<Vec<u8>, AuditError> {
    let json = serde_json::to_vec(entry).map_err(|_| AuditError::Encode { entry: entry.id })?;
    let mut bytes = Vec::with_capacity(DOMAIN.len().saturating_add(json.len()));
    bytes.extend_from_slice(DOMAIN);
    bytes.extend_from_slice(&json);
    Ok(bytes)
}

impl AuditChain {
    /// An empty chain.
    pub fn new() -> AuditChain {
        AuditChain::default()
    }

    /// The hash `entry` gets after `previous`: SHA-256(previous ‖ canonical bytes).
    pub fn link(previous: &ChainHash, entry: &Entry) -> Result<ChainHash, AuditError> {
        let mut hasher = Sha256::new();
        hasher.update(previous.0);
        hasher.update(canonical_bytes(entry)?);
        Ok(ChainHash(hasher.finalize().into()))
    }

    /// Chains `entry` on: returns its hash (to keep beside it) and moves the head.
    pub fn append(&mut self, entry: &Entry) -> Result<ChainHash, AuditError> {
        let hash = AuditChain::link(&self.head, entry)?;
        self.head = hash;
        self.length = self.length.saturating_add(1);
        Ok(hash)
    }

    /// Chains every entry on; returns their hashes.
    pub fn extend<'a>(
        &mut self,
        entries: impl IntoIterator<Item = &'a Entry>,
    ) -> Result<Vec<ChainHash>, AuditError> {
        entries.into_iter().map(|e| self.append(e)).collect()
    }

    /// Recomputes the chain over `entries` from the start and compares each hash with the one
    /// kept: the first entry that does not match is named. When `head` is given (kept apart
    /// from the entries), the chain must also end there. Returns the chain's head.
    pub fn verify(
        entries: &[Entry],
        hashes: &[ChainHash],
        head: Option<&AuditChain>,
    ) -> Result<AuditChain, AuditError> {
        let mut chain = AuditChain::new();
        for (position, (entry, kept)) in entries.iter().zip(hashes).enumerate() {
            if chain.append(entry)? != *kept {
                return Err(AuditError::Mismatch {
                    entry: entry.id,
                    position,
                });
            }
        }
        if entries.len() != hashes.len() {
            return Err(AuditError::Count {
                entries: entries.len(),
                hashes: hashes.len(),
            });
        }
        if head.is_some_and(|h| *h != chain) {
            return Err(AuditError::Head {
                length: chain.length,
            });
        }
        Ok(chain)
    }
}
