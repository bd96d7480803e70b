//! Bundles: deterministic `urn:uuid:` fullUrls and the entries that use them.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::model::{Bundle, Entry, Identifier, Meta, Resource};

/// Collects a Bundle's entries; each gets a UUID derived from the bundle's seed and the
/// entry's number, so the same input always gives the same Bundle.
pub(crate) struct Builder {
    seed: String,
    next: u32,
    entries: Vec<Entry<Resource>>,
}

impl Builder {
    /// A builder whose UUIDs derive from `seed` (what the bundle is about).
    pub(crate) fn new(seed: String) -> Builder {
        Builder {
            seed,
            next: 0,
            entries: Vec::new(),
        }
    }

    /// A new fullUrl, for an entry pushed later.
    pub(crate) fn url(&mut self) -> String {
        self.next = self.next.saturating_add(1);
        uuid(&self.seed, self.next)
    }

    /// Adds an entry.
    pub(crate) fn push(&mut self, full_url: String, resource: Resource) {
        self.entries.push(Entry { full_url, resource });
    }

    /// Adds an entry with a new fullUrl and returns that URL.
    pub(crate) fn add(&mut self, resource: Resource) -> String {
        let url = self.url();
        self.push(url.clone(), resource);
        url
    }

    /// The `collection` Bundle.
    pub(crate) fn finish(
        self,
        id: Option<String>,
        created: NaiveDate,
        meta: Option<Meta>,
        identifier: Option<Identifier>,
    ) -> Bundle {
        Bundle {
            resource_type: "Bundle".to_owned(),
            id,
            meta,
            identifier,
            kind: "collection".to_owned(),
            timestamp: Some(instant(created)),
            entry: self.entries,
        }
    }
}

/// A version-4-shaped UUID from a hash of the seed and a number.
fn uuid(seed: &str, number: u32) -> String {
    let digest = Sha256::digest(format!("medbill-fhir:{seed}:{number}").as_bytes());
    let mut hex: Vec<u8> = digest
        .iter()
        .take(16)
        .flat_map(|b| {
            let text = format!("{b:02x}");
            text.into_bytes()
        })
        .collect();
    // Version 4 and the RFC 4122 variant, so validators that check the shape accept it.
    if let Some(version) = hex.get_mut(12) {
        *version = b'4';
    }
    if let Some(variant) = hex.get_mut(16) {
        *variant = b'8';
    }
    let text = String::from_utf8(hex).unwrap_or_default();
    let part = |from: usize, to: usize| text.get(from..to).unwrap_or_default();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        part(0, 8),
        part(8, 12),
        part(12, 16),
        part(16, 20),
        part(20, 32)
    )
}

/// A FHIR instant for the start of a day, UTC.
pub(crate) fn instant(date: NaiveDate) -> String {
    format!("{date}T00:00:00Z")
}

/// A FHIR id (`[A-Za-z0-9-.]{1,64}`) from any text: other characters become `-`.
pub(crate) fn fhir_id(prefix: &str, text: &str) -> String {
    let mut id: String = format!("{prefix}-{text}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    id.truncate(64);
    id
}
