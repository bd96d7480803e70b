//! The 835's reading of element values, with the findings it gives for values that are not
//! what the guide says. The parsing itself is the shared [`crate::x12::value`] kit's.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::finding::Finding;
use crate::money::Money;
use crate::remit::{CompactString, ServiceProcedure};
use crate::x12::value::{self, Elements};

/// How an element reads, by the guide's usage: required (its absence is a finding) or
/// situational (absent is fine).
pub(super) trait RemitValues<'a> {
    /// Element `n` as a compact string, `None` when absent or empty.
    fn compact(&self, n: usize) -> Option<CompactString>;
    /// An amount the guide requires: `None` with an error finding when it is missing or not
    /// a decimal amount. Never an invented zero.
    fn required_amount(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Money>;
    /// An amount the guide uses when it applies: `None` when absent, `None` with an error
    /// finding when sent but not a decimal amount.
    fn amount(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Money>;
    /// A decimal quantity the guide requires, as [`RemitValues::required_amount`].
    fn required_quantity(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Decimal>;
    /// A decimal quantity, as [`RemitValues::amount`].
    fn quantity(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Decimal>;
    /// A `CCYYMMDD` date, `None` (with a finding when sent) when it is not one.
    fn date(&self, n: usize, findings: &mut Vec<Finding>) -> Option<NaiveDate>;
    /// A `CCYYMMDD` date the guide requires: `None` with an error finding when it is missing
    /// or not a date.
    fn required_date(&self, n: usize, findings: &mut Vec<Finding>) -> Option<NaiveDate>;
    /// A composite procedure (`SVC01`, `SVC06`): qualifier, code, up to four modifiers
    /// (empty ones keep their places) and the description; and whether it has components
    /// past the description, which the guide does not use.
    fn procedure(&self, n: usize) -> (Option<ServiceProcedure>, bool);
}

fn missing(elements: &Elements<'_>, n: usize, what: &str) -> Finding {
    Finding::error(
        "REMIT-AMOUNT-MISSING",
        elements.at(n),
        format!("missing: the 835 guide requires {what} here; left absent (never taken as zero)"),
    )
}

impl<'a> RemitValues<'a> for Elements<'a> {
    #[inline]
    fn compact(&self, n: usize) -> Option<CompactString> {
        self.optional(n).map(CompactString::from)
    }

    #[inline]
    fn required_amount(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Money> {
        if !self.has(n) {
            findings.push(missing(self, n, "an amount"));
            return None;
        }
        self.amount(n, findings)
    }

    #[inline]
    fn amount(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Money> {
        let text = self.optional(n)?;
        let parsed = value::amount(text);
        if parsed.is_none() {
            findings.push(Finding::error(
                "REMIT-AMOUNT",
                self.at(n),
                "not a decimal amount; left absent (never taken as zero)",
            ));
        }
        parsed
    }

    fn required_quantity(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Decimal> {
        if !self.has(n) {
            findings.push(missing(self, n, "a quantity"));
            return None;
        }
        self.quantity(n, findings)
    }

    #[inline]
    fn quantity(&self, n: usize, findings: &mut Vec<Finding>) -> Option<Decimal> {
        let text = self.optional(n)?;
        let parsed = value::decimal(text);
        if parsed.is_none() {
            findings.push(Finding::error(
                "REMIT-QUANTITY",
                self.at(n),
                "not a decimal quantity; left absent",
            ));
        }
        parsed
    }

    #[inline]
    fn date(&self, n: usize, findings: &mut Vec<Finding>) -> Option<NaiveDate> {
        let text = self.optional(n)?;
        let parsed = value::date8(text);
        if parsed.is_none() {
            findings.push(Finding::error(
                "REMIT-DATE",
                self.at(n),
                "not a CCYYMMDD date; left absent",
            ));
        }
        parsed
    }

    fn required_date(&self, n: usize, findings: &mut Vec<Finding>) -> Option<NaiveDate> {
        if !self.has(n) {
            findings.push(Finding::error(
                "REMIT-DATE",
                self.at(n),
                "missing: the 835 guide requires a date here; left absent",
            ));
            return None;
        }
        self.date(n, findings)
    }

    fn procedure(&self, n: usize) -> (Option<ServiceProcedure>, bool) {
        if self.optional(n).is_none() {
            return (None, false);
        }
        let mut parts = self.components(n);
        let qualifier = parts.next().unwrap_or("").into();
        let code = parts.next().unwrap_or("").into();
        let mut modifiers: Vec<CompactString> = parts.by_ref().take(4).map(Into::into).collect();
        // Empty modifiers keep their places only before a modifier that is sent.
        while modifiers.last().is_some_and(|m| m.is_empty()) {
            modifiers.pop();
        }
        let description = parts.next().filter(|d| !d.is_empty()).map(Into::into);
        let extra = parts.any(|c| !c.is_empty());
        let procedure = ServiceProcedure {
            qualifier,
            code,
            modifiers,
            description,
        };
        // `:` alone names nothing.
        let empty = procedure.qualifier.is_empty()
            && procedure.code.is_empty()
            && procedure.modifiers.is_empty()
            && procedure.description.is_none();
        ((!empty).then_some(procedure), extra)
    }
}
