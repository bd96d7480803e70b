//! The books fixtures the binding scenarios use (examples/data/books/): the charge entries
//! are what `charge_claims` makes of the claims, and the posted entries those with what
//! posting the remittance adds (regenerate both with `MEDBILL_BLESS=1`); the remittance posts
//! as worked by hand; the denial and follow-up items the scenarios hand to `appealLetter` and
//! `statusRequest` are the queues' items for those books. The entries never carry the
//! patient's name or id.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail loudly"
)]

mod ledger_support;

use ledger_support::{d, data_dir, m};
use medbill::Claim;
use medbill::denial::{DenialItem, denials};
use medbill::followup::{FollowUpItem, follow_up_queue};
use medbill::ledger::{
    ChargedClaim, ClaimIndex, ClaimOutcome, Entry, Party, PostOptions, charge_claims,
    post_to_entries,
};
use medbill::scrub::PayerRules;

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

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    medbill::from_json(&std::fs::read_to_string(data_dir().join("books").join(name)).unwrap())
        .unwrap()
}

/// The charge entries and then the posting's entries of books/remittance.835 posted on
/// 2026-12-02 (books/post-options.json), as books/entries-posted.json holds them.
fn posted_entries() -> Vec<Entry> {
    let bytes = std::fs::read(data_dir().join("books/remittance.835")).unwrap();
    let remit = medbill::read_x12(&bytes).unwrap().remittances.remove(0);
    let options: PostOptions = fixture("post-options.json");
    let mut all = entries();
    let response = post_to_entries(&remit, claims(), all.clone(), &options).unwrap();
    all.extend(response.posting.entries);
    let path = data_dir().join("books/entries-posted.json");
    let json = format!("{}\n", serde_json::to_string_pretty(&all).unwrap());
    if std::env::var_os("MEDBILL_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap();
        return all;
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        json,
        "books/entries-posted.json is stale: rerun with MEDBILL_BLESS=1"
    );
    all
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

#[test]
fn the_posted_entries_are_the_charges_then_the_posting() {
    let all = posted_entries();
    // 3 charges, then the posting's 13 (see the test above), numbered 1 to 16.
    assert_eq!(all.len(), 16);
    assert!(all.iter().zip(1u64..).all(|(e, id)| e.id.0 == id));
    assert!(all[..3].iter().all(|e| e.posted == d("2026-11-21")));
    assert!(all[3..].iter().all(|e| e.posted == d("2026-12-02")));
}

#[test]
fn the_work_item_fixtures_are_the_queues_items_for_the_sample_books() {
    let as_of = d("2026-12-15");
    // books/denial-bk2.json: BK-2's item of the denial queue (Medicare's 120 days).
    let queue = denials(&posted_entries(), &ClaimIndex::new(claims()), &[], as_of).unwrap();
    let denial: DenialItem = fixture("denial-bk2.json");
    assert_eq!(queue.items, vec![denial]);
    // books/follow-up-bk1.json: BK-1's item of the follow-up queue, unanswered, 14 days.
    let packs: Vec<PayerRules> = fixture("payer-rules.json");
    let due = follow_up_queue(&entries(), &packs, as_of).unwrap();
    let item: FollowUpItem = fixture("follow-up-bk1.json");
    assert_eq!(due.items.first(), Some(&item));
    // books/claim-bk2.json: BK-2 as charged.
    let bk2: Claim = fixture("claim-bk2.json");
    assert_eq!(claims()[1].claim, bk2);
}
