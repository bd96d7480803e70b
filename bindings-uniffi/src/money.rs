//! `medbill::money` for Kotlin, Swift and Python: amounts cross as decimal strings.

use medbill::Money;

use crate::error::MedbillError;

uniffi::custom_type!(Money, String, {
    remote,
    lower: |amount| amount.to_string(),
    // A bad amount must surface as the function's own MedbillError, not an internal error.
    try_lift: |text| text.parse::<Money>().map_err(|e| MedbillError::from_core(&e).into()),
});

/// Splits `total` by `weights` (decimal strings) into whole cents that sum exactly to `total`.
#[uniffi::export]
pub fn allocate(total: Money, weights: Vec<Money>) -> Result<Vec<Money>, MedbillError> {
    let weights: Vec<_> = weights.into_iter().map(Money::amount).collect();
    medbill::allocate(total, &weights).map_err(|e| MedbillError::from_core(&e))
}

/// Splits `total` into `parts` equal parts in whole cents; leftover cents go first.
#[uniffi::export]
pub fn allocate_evenly(total: Money, parts: u32) -> Result<Vec<Money>, MedbillError> {
    let parts = usize::try_from(parts).map_err(|_| MedbillError::Failed {
        code: "ALLOCATION_INVALID".to_owned(),
        detail: "too many parts".to_owned(),
    })?;
    medbill::allocate_evenly(total, parts).map_err(|e| MedbillError::from_core(&e))
}
