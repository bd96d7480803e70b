//! The denial work queue, corrected and void claims and the appeal letter, from their rules:
//! Medicare redetermination 120 days from the initial determination, payer packs' own
//! limits, reversed denials leaving the queue, frequency 7/8 with REF*F8 (RULES.md §7).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use ledger_support::{books, charged, claim, d, m, remittance, remittance_text};
use medbill::codes::ClaimFrequency;
use medbill::denial::{
    Appeal, AppealRequest, ClaimChanges, DeadlineRule, DenialCategory, DenialError, NextAction,
    appeal_letter, corrected_claim, denials, void_claim,
};
use medbill::ledger::{ChargedClaim, ClaimIndex, Ledger, PostOptions};
use medbill::scrub::PayerRules;

/// ENC-2 130.00 denied CO-97, ENC-3 100.00 denied OA-18, ENC-5 80.00 denied CO-29 with
/// remark N211, ENC-1 paid: one Medicare (MB) remittance with the 2026-12-01 check.
fn denied_books() -> (Ledger, ClaimIndex, Vec<ChargedClaim>) {
    let list = vec![
        charged("ENC-1", &[("99214", "180.00")]),
        charged("ENC-2", &[("97110", "130.00")]),
        charged("ENC-3", &[("99213", "100.00")]),
        charged("ENC-5", &[("99212", "80.00")]),
    ];
    let (mut ledger, claims) = books(list.clone());
    let remit = remittance(
        "T1",
        "100",
        "CLP*ENC-1*1*180*100*0*MB*ICN1*11*1~SVC*HC:99214*180*100**1~CAS*CO*45*80~REF*6R*ENC-1-1~\
CLP*ENC-2*4*130*0*0*MB*ICN2*11*1~SVC*HC:97110*130*0**1~CAS*CO*97*130~REF*6R*ENC-2-1~\
CLP*ENC-3*4*100*0*0*MB*ICN3*11*1~SVC*HC:99213*100*0**1~CAS*OA*18*100~REF*6R*ENC-3-1~\
CLP*ENC-5*4*80*0*0*MB*ICN5*11*1~SVC*HC:99212*80*0**1~CAS*CO*29*80~REF*6R*ENC-5-1~LQ*HE*N211~",
    );
    ledger
        .post_remittance(&remit, &claims, &PostOptions::on(d("2026-12-02")))
        .unwrap();
    (ledger, claims, list)
}

fn find(list: &[ChargedClaim]) -> ClaimIndex {
    ClaimIndex::new(list.to_vec())
}

#[test]
fn medicare_denials_get_120_days_from_the_determination_and_rank_by_amount() {
    let (ledger, _, list) = denied_books();
    let queue = denials(ledger.entries(), &find(&list), &[], d("2026-12-10")).unwrap();
    let order: Vec<(&str, &str)> = queue
        .items
        .iter()
        .map(|i| (i.claim.as_str(), i.reasons[0].code.as_str()))
        .collect();
    // The paid claim (CO-45 only) is not a denial.
    assert_eq!(
        order,
        vec![("ENC-2", "CO-97"), ("ENC-3", "OA-18"), ("ENC-5", "CO-29")]
    );
    let first = &queue.items[0];
    // 2026-12-01 + 120 days = 2027-03-31.
    assert_eq!(first.determined, d("2026-12-01"));
    assert_eq!(first.appeal_deadline, Some(d("2027-03-31")));
    assert_eq!(
        first.deadline_rule,
        Some(DeadlineRule::MedicareRedetermination)
    );
    assert_eq!(first.days_left, Some(111));
    assert_eq!(first.payer_claim_number.as_deref(), Some("ICN2"));
    assert_eq!(first.category, DenialCategory::Bundling);
    assert_eq!(first.reasons[0].line, Some(0));
    let timely = &queue.items[2];
    assert_eq!(timely.category, DenialCategory::TimelyFiling);
    assert_eq!(timely.appeal, Appeal::No);
    assert_eq!(timely.reasons[0].remarks, vec!["N211".to_owned()]);
    let duplicate = &queue.items[1];
    assert_eq!(duplicate.action, NextAction::CheckOriginal);
    assert_eq!(queue.total, m("310.00"));
    let groups: Vec<(DenialCategory, u64, String)> = queue
        .groups
        .iter()
        .map(|g| (g.category, g.count, g.amount.to_string()))
        .collect();
    assert_eq!(
        groups,
        vec![
            (DenialCategory::Bundling, 1, "130.00".to_owned()),
            (DenialCategory::Duplicate, 1, "100.00".to_owned()),
            (DenialCategory::TimelyFiling, 1, "80.00".to_owned()),
        ]
    );
}

#[test]
fn a_payer_pack_sets_the_appeal_limit_and_without_one_it_is_unknown() {
    let (ledger, _, list) = denied_books();
    let pack = PayerRules {
        payer_ids: vec!["00952".into()],
        appeal_days: Some(60),
        ..PayerRules::default()
    };
    let queue = denials(ledger.entries(), &find(&list), &[pack], d("2026-12-10")).unwrap();
    assert_eq!(queue.items[0].appeal_deadline, Some(d("2027-01-30")));
    assert_eq!(queue.items[0].deadline_rule, Some(DeadlineRule::PayerRules));
    // Without the charged claims nothing says the payer is Medicare: no deadline is invented.
    let unknown = denials(
        ledger.entries(),
        &ClaimIndex::default(),
        &[],
        d("2026-12-10"),
    )
    .unwrap();
    assert_eq!(unknown.items[0].appeal_deadline, None);
    assert_eq!(unknown.items[0].days_left, None);
}

#[test]
fn a_denial_whose_deadline_passed_goes_after_the_open_ones() {
    let (mut ledger, claims, mut list) = denied_books();
    let later = charged("ENC-6", &[("99213", "50.00")]);
    list.push(later.clone());
    let mut index = claims;
    let entries =
        medbill::ledger::charge(&later, &ledger, d("2026-11-20"), d("2026-12-03")).unwrap();
    ledger.append_all(entries).unwrap();
    index.insert(later);
    // A later determination: the check of 2027-02-26.
    let text = remittance_text(
        "T2",
        "0",
        "CLP*ENC-6*4*50*0*0*MB*ICN6*11*1~SVC*HC:99213*50*0**1~CAS*CO*50*50~REF*6R*ENC-6-1~",
    )
    .replace("CHK************20261201", "CHK************20270226");
    let remit = medbill::read_x12(text.as_bytes())
        .unwrap()
        .remittances
        .remove(0);
    ledger
        .post_remittance(&remit, &index, &PostOptions::on(d("2027-03-01")))
        .unwrap();
    let queue = denials(ledger.entries(), &find(&list), &[], d("2027-04-05")).unwrap();
    let days: Vec<(&str, Option<i64>)> = queue
        .items
        .iter()
        .map(|i| (i.claim.as_str(), i.days_left))
        .collect();
    // ENC-6's deadline (2027-02-26 + 120 = 2027-06-26) is open: first, though the smallest.
    // The others' (2027-03-31) passed five days ago: after it, still by amount.
    assert_eq!(
        days,
        vec![
            ("ENC-6", Some(82)),
            ("ENC-2", Some(-5)),
            ("ENC-3", Some(-5)),
            ("ENC-5", Some(-5))
        ]
    );
    // On the last day, a deadline is still open: by amount again.
    let open = denials(ledger.entries(), &find(&list), &[], d("2027-03-31")).unwrap();
    let order: Vec<&str> = open.items.iter().map(|i| i.claim.as_str()).collect();
    assert_eq!(order, vec!["ENC-2", "ENC-3", "ENC-5", "ENC-6"]);
}

#[test]
fn a_reversed_denial_paid_on_correction_leaves_the_queue() {
    let (mut ledger, claims, list) = denied_books();
    let remit = remittance(
        "T3",
        "100",
        "CLP*ENC-2*22*-130*0*0*MB*ICN2*11*1~SVC*HC:97110*-130*0**1~CAS*CO*97*-130~REF*6R*ENC-2-1~\
CLP*ENC-2*1*130*100*0*MB*ICN2B*11*1~SVC*HC:97110*130*100**1~CAS*CO*45*30~REF*6R*ENC-2-1~",
    );
    ledger
        .post_remittance(&remit, &claims, &PostOptions::on(d("2026-12-15")))
        .unwrap();
    let queue = denials(ledger.entries(), &find(&list), &[], d("2026-12-20")).unwrap();
    let claims_left: Vec<&str> = queue.items.iter().map(|i| i.claim.as_str()).collect();
    assert_eq!(claims_left, vec!["ENC-3", "ENC-5"]);
    // As of the day before the reversal, it was still there.
    let before = denials(ledger.entries(), &find(&list), &[], d("2026-12-14")).unwrap();
    assert_eq!(before.items.len(), 3);
}

#[test]
fn a_corrected_claim_is_the_original_with_the_changes_frequency_7_and_ref_f8() {
    let original = claim("ENC-2", &[("97110", "130.00")]);
    let changes = ClaimChanges::from_json(
        r#"[{"op": "add", "path": "/form/professional/lines/0/modifiers", "value": ["59"]}]"#,
    )
    .unwrap();
    let corrected = corrected_claim(&original, " ICN2 ", &changes).unwrap();
    assert_eq!(corrected.claim.frequency, ClaimFrequency::Replacement);
    assert_eq!(
        corrected.claim.original_claim_number.as_deref(),
        Some("ICN2")
    );
    let medbill::claim::ClaimForm::Professional(form) = &corrected.claim.form else {
        panic!()
    };
    assert_eq!(form.lines[0].modifiers[0].to_string(), "59");
    // Medicare Part B professional: the warning of RULES.md §7.
    assert!(
        corrected
            .findings
            .iter()
            .any(|f| f.rule == "RESUBMIT-MEDICARE-REPLACEMENT")
    );
    // A merge patch works too.
    let merged = corrected_claim(
        &original,
        "ICN2",
        &ClaimChanges::from_json(r#"{"priorAuthorization": "AUTH-77"}"#).unwrap(),
    )
    .unwrap();
    assert_eq!(merged.claim.prior_authorization.as_deref(), Some("AUTH-77"));
    // Nothing changed: said so.
    let same = corrected_claim(&original, "ICN2", &ClaimChanges::none()).unwrap();
    assert!(same.findings.iter().any(|f| f.rule == "RESUBMIT-NO-CHANGE"));
}

#[test]
fn resubmissions_refuse_what_cannot_be_sent() {
    let original = claim("ENC-2", &[("97110", "130.00")]);
    // A rejected claim has no payer claim number: it is sent again as an original.
    assert_eq!(
        corrected_claim(&original, "  ", &ClaimChanges::none()),
        Err(DenialError::NoPayerClaimNumber)
    );
    assert_eq!(
        void_claim(&original, ""),
        Err(DenialError::NoPayerClaimNumber)
    );
    // An operation on a field that is not there: named by index and path, no values.
    let missing = ClaimChanges::from_json(
        r#"[{"op": "replace", "path": "/form/professional/lines/7/charge", "value": "SECRET-9"}]"#,
    )
    .unwrap();
    let error = corrected_claim(&original, "ICN2", &missing).unwrap_err();
    let text = error.to_string();
    assert!(matches!(error, DenialError::Changes { .. }));
    assert!(text.contains("operation 0") && text.contains("/form/professional/lines/7/charge"));
    assert!(!text.contains("SECRET-9"), "{text}");
    // A change that breaks the claim (the total no longer the sum of the lines).
    let broken = ClaimChanges::from_json(
        r#"[{"op": "replace", "path": "/form/professional/lines/0/charge", "value": "1.00"}]"#,
    )
    .unwrap();
    assert!(matches!(
        corrected_claim(&original, "ICN2", &broken),
        Err(DenialError::Invalid { .. })
    ));
    assert!(ClaimChanges::from_json("\"no\"").is_err());
    let void = void_claim(&original, "ICN2").unwrap();
    assert_eq!(void.claim.frequency, ClaimFrequency::Void);
    assert_eq!(void.claim.original_claim_number.as_deref(), Some("ICN2"));
}

#[test]
fn the_appeal_letter_carries_the_facts_the_codes_explained_and_the_argument() {
    let (ledger, _, list) = denied_books();
    let queue = denials(ledger.entries(), &find(&list), &[], d("2026-12-10")).unwrap();
    let denial = &queue.items[0];
    let billed = &list[1].claim;
    let request = AppealRequest {
        date: d("2026-12-10"),
        argument: vec![
            "The therapy was a separate session on another part of the day <script>x</script>."
                .into(),
        ],
        enclosures: vec!["Treatment notes".into()],
        signature: vec!["Billing office".into()],
    };
    let letter = appeal_letter(billed, denial, &request).unwrap();
    let text = letter.text();
    assert!(
        text.contains("Request for redetermination of claim ICN2"),
        "{text}"
    );
    assert!(text.contains("CO-97 (line 1, 97110), 130.00"), "{text}");
    assert!(text.contains("ends on March 31, 2027"), "{text}");
    assert!(text.contains("Treatment notes"));
    let words = medbill::denial::carc(&"97".parse().unwrap()).unwrap().words;
    assert!(text.contains(words), "{text}");
    let html = letter.html();
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    let empty = AppealRequest {
        argument: vec!["  ".into()],
        ..request
    };
    assert_eq!(
        appeal_letter(billed, denial, &empty),
        Err(DenialError::Letter { field: "argument" })
    );
}

#[test]
fn a_patient_share_code_under_co_is_a_denial_the_practice_reviews() {
    use medbill::codes::GroupCode;
    use medbill::denial::classify;
    let pr = classify(GroupCode::Pr, &"96".parse().unwrap());
    assert!(!pr.denial);
    assert_eq!(pr.category, DenialCategory::PatientResponsibility);
    // CO: the patient may not be billed; the plan's non-coverage is worked like a denial.
    let co = classify(GroupCode::Co, &"96".parse().unwrap());
    assert!(co.denial);
    assert_eq!(co.category, DenialCategory::Other);
    assert_eq!(co.action, NextAction::Review);
    assert_eq!(co.appeal, Appeal::Worth);
}
