//! The books fixtures the binding scenarios use (examples/data/books/): the charge entries
//! are what `charge_claims` makes of the claims (regenerate with `MEDBILL_BLESS=1`), and the
//! remittance posts as worked by hand. The entries never carry the patient's name or id.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail loudly"
)]

mod ledger_support;

use ledger_support::{d, data_dir, m};
use medbill::ledger::{
    ChargedClaim, ClaimOutcome, Entry, Party, PostOptions, charge_claims, post_to_entries,
};

fn claims() -> Vec<ChargedClaim> {
    medbill::from_json(&std::fs::read_to_string(data_dir().join("books/claims.json")).unwrap())
        .unwrap()
}

fn entries() -> Vec<Entry> {
    let made = charge_claims(&claims(), Vec::new(), d("2026-11-20"), d("2026-11-21")).unwrap();
    let path = data_dir().join("books/entries.json");
    let json = format!("{}\n", serde_json::to_string_pretty(&made).unwrap());
    if std::env::var_os("MEDBILL_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap();
        return made;
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        json,
        "books/entries.json is stale: rerun with MEDBILL_BLESS=1"
    );
    made
}

#[test]
fn the_charge_entries_are_the_claims_lines_owed_by_medicare() {
    let made = entries();
    let amounts: Vec<_> = made.iter().map(|e| e.amount).collect();
    assert_eq!(amounts, [m("180.00"), m("65.00"), m("130.00")]);
    assert!(
        made.iter()
            .all(|e| e.party == Party::Primary("00952".into()))
    );
    assert_eq!(made[2].account.patient(), Some("PA-200"));
    assert_eq!(made[2].effective, d("2026-11-20"));
}

#[test]
fn the_remittance_posts_as_worked_by_hand() {
    let bytes = std::fs::read(data_dir().join("books/remittance.835")).unwrap();
    let remit = medbill::read_x12(&bytes).unwrap().remittances.remove(0);
    let response = post_to_entries(
        &remit,
        claims(),
        entries(),
        &PostOptions::on(d("2026-12-02")),
    )
    .unwrap();
    let posting = &response.posting;
    assert!(posting.findings.is_empty(), "{:?}", posting.findings);
    let outcomes: Vec<_> = posting.claims.iter().map(|c| c.outcome.clone()).collect();
    assert_eq!(outcomes, [ClaimOutcome::Paid, ClaimOutcome::Denied]);
    // BK-1: 2 payments, 2 CO-45, PR-1 and two PR-2 moved (2 entries each) = 10; BK-2: CO-97;
    // the L6 PLB; the remittance.
    assert_eq!(posting.entries.len(), 13);
    let balance = |pcn: &str| response.balances.claim(pcn).unwrap().balance.balance;
    // 245 − 120 paid − 85 CO-45 = 40 with the patient; 130 − 130 CO-97 = 0.
    assert_eq!(balance("BK-1"), m("40.00"));
    assert_eq!(balance("BK-2"), m("0.00"));
    assert_eq!(response.balances.suspense, m("0.00"));
    assert_eq!(response.balances.clearing[0].balance, m("-0.50"));
    assert_eq!(response.balances.payers[0].balance, m("120.50"));
    // No underpayment: no pricing was kept with the claims.
    assert!(posting.underpayments.is_empty());
    // The 835 names the patient (NM1*QC): the entries and balances never do.
    let json = medbill::to_json(&response).unwrap();
    for secret in ["DOE", "JANE", "XJH123456789"] {
        assert!(!json.contains(secret), "{secret} in the books");
    }
}
