//! What the KPI fold needs of one entry, small enough for a store to keep beside the entry
//! (a few dozen bytes with postcard) and read back without the entry's JSON: how a store meets
//! the KPI budget over millions of entries.

use chrono::NaiveDate;
use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::{Carc, ClaimFrequency, GroupCode};
use crate::ledger::{Category, Entry, EntryKind, Party, PayerRank, StatusEvent};
use crate::money::Money;
use crate::remit::Coded;

/// An exact decimal as its mantissa and scale (normalized), never rounded: a few bytes as a
/// postcard varint for the usual amounts.
type Exact = (i128, u32);

/// The amount's canonical bytes: normalized first, so 120, 120.0 and 120.00 (one amount
/// read from JSON, computed or parsed from X12) are the same fact.
fn exact(amount: Money) -> Exact {
    let value = amount.amount().normalize();
    (value.mantissa(), value.scale())
}

/// A date as days from the common era's first day.
type Day = i32;

fn day(date: NaiveDate) -> Day {
    chrono::Datelike::num_days_from_ce(&date)
}

pub(crate) fn date(day: Day) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// Who an entry is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum FactParty {
    Patient,
    Payer {
        rank: Option<PayerRank>,
        id: CompactString,
    },
}

/// The kind of an entry, or of the entry a reversal undoes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum FactKind {
    Charge {
        billed: Day,
    },
    PayerPayment,
    PatientPayment,
    Refund,
    Adjustment {
        /// Group (its position in CO, PR, OA, PI) and CARC (its one to three characters), when
        /// both were valid codes: read back without parsing them again.
        code: Option<(u8, [u8; 3])>,
        reported: Exact,
    },
    WriteOff,
    Transfer,
    Status {
        event: StatusEvent,
    },
    Other,
}

/// One entry as the KPI fold sees it. Made by [`Fact::of`], kept by a store with
/// [`Fact::to_bytes`], read back with [`Fact::from_bytes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub(crate) id: u64,
    pub(crate) posted: Day,
    pub(crate) effective: Day,
    pub(crate) amount: Exact,
    pub(crate) receivable: bool,
    pub(crate) reversal: bool,
    pub(crate) party: FactParty,
    pub(crate) kind: FactKind,
}

/// A fact's bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a stored KPI fact could not be read back")]
pub struct FactError;

impl Fact {
    /// The fact of an entry.
    pub fn of(entry: &Entry) -> Fact {
        let reversal = matches!(entry.kind, EntryKind::Reversal(_));
        let kind = match entry.kind.original() {
            EntryKind::Charge(charge) => FactKind::Charge {
                billed: day(charge.billed),
            },
            EntryKind::PayerPayment => FactKind::PayerPayment,
            EntryKind::PatientPayment => FactKind::PatientPayment,
            EntryKind::Refund => FactKind::Refund,
            EntryKind::Adjustment(a) => FactKind::Adjustment {
                code: match (&a.group, &a.reason) {
                    (Coded::Known(group), Coded::Known(reason)) => {
                        Some((group_number(*group), carc_bytes(reason)))
                    }
                    _ => None,
                },
                reported: exact(a.reported),
            },
            EntryKind::WriteOff(_) => FactKind::WriteOff,
            EntryKind::Transfer(_) => FactKind::Transfer,
            EntryKind::Status(note) => FactKind::Status { event: note.event },
            _ => FactKind::Other,
        };
        Fact {
            id: entry.id.0,
            posted: day(entry.posted),
            effective: day(entry.effective),
            amount: exact(entry.amount),
            receivable: entry.account.is_receivable(),
            reversal,
            party: match &entry.party {
                Party::Patient => FactParty::Patient,
                other => FactParty::Payer {
                    rank: other.rank(),
                    id: other
                        .payer_id()
                        .map(CompactString::from)
                        .unwrap_or_default(),
                },
            },
            kind,
        }
    }

    /// The fact as bytes (postcard).
    pub fn to_bytes(&self) -> Result<Vec<u8>, FactError> {
        postcard::to_allocvec(self).map_err(|_| FactError)
    }

    /// A fact from its bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Fact, FactError> {
        postcard::from_bytes(bytes).map_err(|_| FactError)
    }

    /// The entry's id.
    pub fn id(&self) -> u64 {
        self.id
    }

    pub(crate) fn money(exact: &Exact) -> Result<Money, crate::money::MoneyError> {
        let value = Decimal::try_from_i128_with_scale(exact.0, exact.1).map_err(|_| {
            crate::money::MoneyError::Overflow {
                operation: "reading a KPI fact",
            }
        })?;
        Money::from_decimal(value)
    }

    pub(crate) fn amount(&self) -> Result<Money, crate::money::MoneyError> {
        Fact::money(&self.amount)
    }

    /// Where the kind counts (a reversal counts where the entry it undoes counted).
    pub(crate) fn category(&self) -> Category {
        match self.kind {
            FactKind::Charge { .. } => Category::Charge,
            FactKind::PayerPayment | FactKind::PatientPayment | FactKind::Refund => {
                Category::Payment
            }
            FactKind::Adjustment { .. } | FactKind::WriteOff => Category::Adjustment,
            FactKind::Transfer => Category::Transfer,
            FactKind::Status { .. } | FactKind::Other => Category::Other,
        }
    }

    pub(crate) fn rank(&self) -> Option<PayerRank> {
        match &self.party {
            FactParty::Payer { rank, .. } => *rank,
            FactParty::Patient => None,
        }
    }

    pub(crate) fn payer(&self) -> Option<&str> {
        match &self.party {
            FactParty::Payer { id, .. } => Some(id),
            FactParty::Patient => None,
        }
    }

    pub(crate) fn replaced(&self) -> bool {
        matches!(
            self.kind,
            FactKind::Status {
                event: StatusEvent::Submitted(ClaimFrequency::Replacement | ClaimFrequency::Void)
            }
        )
    }
}

fn group_number(group: GroupCode) -> u8 {
    match group {
        GroupCode::Co => 0,
        GroupCode::Pr => 1,
        GroupCode::Oa => 2,
        GroupCode::Pi => 3,
    }
}

/// A group code from its number in a fact.
pub(crate) fn group_of(number: u8) -> Option<GroupCode> {
    match number {
        0 => Some(GroupCode::Co),
        1 => Some(GroupCode::Pr),
        2 => Some(GroupCode::Oa),
        3 => Some(GroupCode::Pi),
        _ => None,
    }
}

fn carc_bytes(carc: &Carc) -> [u8; 3] {
    let mut bytes = [0u8; 3];
    for (slot, byte) in bytes.iter_mut().zip(carc.as_str().bytes()) {
        *slot = byte;
    }
    bytes
}

/// A CARC from its bytes in a fact (validated again).
pub(crate) fn carc_of(bytes: &[u8; 3]) -> Option<Carc> {
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    let text = std::str::from_utf8(bytes.get(..end)?).ok()?;
    Carc::parse(text).ok()
}
