//! The plain words statements and explanations use for adjustment reasons and parties: the
//! team's words of the CARC catalog ([`crate::denial::carc`]), never the published
//! descriptions.

use super::visit::{ShareLine, ShareReason};
use crate::codes::{Carc, GroupCode};
use crate::denial::{carc, classify};
use crate::ledger::{Party, PayerRank};
use crate::remit::Coded;

/// The catalog's words for a CARC, when it knows the code.
pub(crate) fn carc_words(reason: &Coded<Carc>) -> Option<&'static str> {
    reason.known().and_then(carc).map(|row| row.words)
}

/// Whether an adjustment is a denial to work (not the patient's cost sharing, not what the
/// contract allows). A code the 835 sent unrecognized is not called a denial.
pub(crate) fn is_denial(group: &Coded<GroupCode>, reason: &Coded<Carc>) -> bool {
    match (group, reason) {
        (Coded::Known(group), Coded::Known(reason)) => classify(*group, reason).denial,
        _ => false,
    }
}

/// A payer's adjustment in words: the catalog's, else the code.
pub(crate) fn adjustment_words(reason: &Coded<Carc>) -> String {
    match carc_words(reason) {
        Some(words) => words.to_owned(),
        None => format!("Adjustment reason {reason}"),
    }
}

/// Why part of a visit became the patient's, in words for the patient.
pub(crate) fn patient_responsibility_words(reason: &Coded<Carc>, denial: bool) -> String {
    match (carc_words(reason), denial) {
        (Some(words), false) => words.to_owned(),
        (Some(words), true) => format!("Not paid by your plan: {}", lower_first(words)),
        (None, _) => format!("Your share under your plan (reason code {reason})"),
    }
}

/// A payer as the patient knows it: its name on the claim, else its rank and id.
pub(crate) fn party_label(party: &Party, name: Option<&str>) -> String {
    if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
        return name.to_owned();
    }
    match (party.rank(), party.payer_id()) {
        (Some(PayerRank::Primary), Some(id)) => format!("your primary plan ({id})"),
        (Some(PayerRank::Secondary), Some(id)) => format!("your secondary plan ({id})"),
        (Some(PayerRank::Tertiary), Some(id)) => format!("your third plan ({id})"),
        (None, Some(id)) => format!("payer {id}"),
        _ => "you".to_owned(),
    }
}

/// The words with their first letter in lower case, to follow other words ("Deductible
/// 20.00, coinsurance 10.00"); a leading abbreviation (two capitals) is left as it is.
pub(crate) fn lower_first(words: &str) -> String {
    let mut chars = words.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return words.to_owned();
    };
    if second.is_some_and(|c| c.is_uppercase()) {
        return words.to_owned();
    }
    let mut out = String::with_capacity(words.len());
    out.extend(first.to_lowercase());
    out.push_str(words.get(first.len_utf8()..).unwrap_or_default());
    out
}

/// A visit's share in one phrase: "Deductible 20.00, coinsurance 10.00 (Medicare Part B)";
/// the reasons of each payer together, named once after them.
pub(crate) fn share_phrase(lines: &[ShareLine]) -> String {
    let mut groups: Vec<(Option<&str>, Vec<String>)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let words = if index == 0 {
            line.words.clone()
        } else {
            lower_first(&line.words)
        };
        let item = format!("{words} {}", line.amount);
        let from = match line.reason {
            ShareReason::PatientResponsibility { .. } => line.from_name.as_deref(),
            _ => None,
        };
        match groups.last_mut() {
            Some((last, items)) if *last == from => items.push(item),
            _ => groups.push((from, vec![item])),
        }
    }
    groups
        .into_iter()
        .map(|(from, items)| match from {
            Some(from) => format!("{} ({from})", items.join(", ")),
            None => items.join(", "),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_others_in_lower_case_but_abbreviations_stay() {
        assert_eq!(lower_first("Coinsurance"), "coinsurance");
        assert_eq!(lower_first("NCCI edit"), "NCCI edit");
        assert_eq!(lower_first(""), "");
        assert_eq!(lower_first("X"), "x");
    }

    #[test]
    fn the_patients_share_is_named_by_the_catalog_else_by_its_code() {
        let code = |c: &str| Coded::Known(Carc::parse(c).unwrap_or_else(|e| unreachable!("{e}")));
        // The words are the catalog's (another table may word them differently).
        let deductible = carc_words(&code("1")).unwrap_or_else(|| unreachable!("CARC 1"));
        assert_eq!(patient_responsibility_words(&code("1"), false), deductible);
        assert_eq!(
            patient_responsibility_words(&code("1"), true),
            format!("Not paid by your plan: {}", lower_first(deductible))
        );
        assert_eq!(
            patient_responsibility_words(&Coded::Unrecognized("ZZZ".into()), false),
            "Your share under your plan (reason code ZZZ)"
        );
    }
}
