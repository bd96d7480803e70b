//! Posting 835s into the books, case by case, against amounts worked by hand from RULES.md
//! §4 and §8.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "tests fail loudly"
)]

mod ledger_support;

use ledger_support::{books, charged, d, m, remittance};
use medbill::Money;
use medbill::ledger::{
    Account, AsOf, ClaimOutcome, Disposition, EntryKind, LedgerError, LedgerView, Party,
    PostOptions, SuspenseReason, TransferReason, balances,
};

const MEDICARE: &str = "00952";
const PAYER_KEY: &str = "1999999999";

fn options() -> PostOptions {
    PostOptions::on(d("2026-12-02"))
}

fn primary() -> Party {
    Party::Primary(MEDICARE.into())
}

/// A claim paid with CO-45 and PR-1/PR-2 (RULES.md §4): the contractual part written off,
/// the deductible and coinsurance moved to the patient, the payment where the 835 put it.
#[test]
fn a_paid_claim_writes_off_co_45_and_moves_pr_to_the_patient() {
    let (mut ledger, claims) = books(vec![charged(
        "ENC-1",
        &[("99214", "180.00"), ("83036", "65.00")],
    )]);
    // Line 1: 180 − CO-45 50 − PR-1 20 − PR-2 10 = 100 paid.
    // Line 2:  65 − CO-45 35 − PR-2 10 = 20 paid. Claim: 245 charged, 120 paid, 40 PR.
    let remit = remittance(
        "T1",
        "120",
        "CLP*ENC-1*1*245*120*40*MB*ICN1*11*1~\
SVC*HC:99214*180*100**1~DTM*472*20261120~CAS*CO*45*50~CAS*PR*1*20**2*10~REF*6R*ENC-1-1~AMT*B6*130~\
SVC*HC:83036*65*20**1~DTM*472*20261120~CAS*CO*45*35~CAS*PR*2*10~REF*6R*ENC-1-2~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert!(!posting.already_posted);
    assert_eq!(posting.claims[0].outcome, ClaimOutcome::Paid);
    assert!(posting.findings.is_empty(), "{:?}", posting.findings);
    // Line 1: payment, CO-45, PR-1 out and in, PR-2 out and in; line 2: payment, CO-45,
    // PR-2 out and in; the remittance entry.
    assert_eq!(posting.entries.len(), 6 + 4 + 1);

    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let claim = all.claim("ENC-1").unwrap();
    assert_eq!(claim.balance.charges, m("245.00"));
    assert_eq!(claim.balance.payments, m("120.00"));
    assert_eq!(claim.balance.adjustments, m("85.00"));
    assert_eq!(claim.balance.transfers, m("0.00"));
    assert_eq!(claim.balance.balance, m("40.00"));
    let party = |line: usize, party: &Party| {
        claim.lines[line]
            .parties
            .iter()
            .find(|p| &p.party == party)
            .map(|p| p.balance.balance)
            .unwrap_or(Money::ZERO)
    };
    assert_eq!(party(0, &Party::Patient), m("30.00"));
    assert_eq!(party(0, &primary()), m("0.00"));
    assert_eq!(party(1, &Party::Patient), m("10.00"));
    assert_eq!(party(1, &primary()), m("0.00"));
    assert_eq!(all.party(&Party::Patient).balance, m("40.00"));
    assert_eq!(all.patient("PA-ENC-1").unwrap().balance.balance, m("40.00"));
    // The payer's account holds the 120 announced until it is deposited.
    assert_eq!(all.payers[0].balance, m("120.00"));
    // Every adjustment entry keeps the 835's group and reason.
    let co45 = posting
        .entries
        .iter()
        .filter(|e| matches!(&e.kind, EntryKind::Adjustment(a) if a.disposition == Disposition::WriteOff && a.reason.to_string() == "45"))
        .count();
    assert_eq!(co45, 2);
    let pr_to_patient = posting
        .entries
        .iter()
        .filter(|e| e.party == Party::Patient)
        .filter(|e| matches!(&e.kind, EntryKind::Transfer(t) if matches!(t.why, TransferReason::PatientResponsibility(_))))
        .map(|e| e.amount)
        .fold(Money::ZERO, |a, b| a.checked_add(b).unwrap());
    assert_eq!(pr_to_patient, m("40.00"));
}

/// A denial written off under CO (the patient is not liable), and an OA denial left with
/// the payer to be worked.
#[test]
fn a_co_denial_is_written_off_and_an_oa_denial_stays_with_the_payer() {
    let (mut ledger, claims) = books(vec![
        charged("ENC-2", &[("97110", "130.00")]),
        charged("ENC-3", &[("99213", "100.00")]),
    ]);
    let remit = remittance(
        "T2",
        "0",
        "CLP*ENC-2*4*130*0*0*MB*ICN2*11*1~SVC*HC:97110*130*0**1~CAS*CO*97*130~REF*6R*ENC-2-1~\
CLP*ENC-3*4*100*0*0*MB*ICN3*11*1~SVC*HC:99213*100*0**1~CAS*OA*18*100~REF*6R*ENC-3-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(posting.claims[0].outcome, ClaimOutcome::Denied);
    assert_eq!(posting.claims[1].outcome, ClaimOutcome::Denied);
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let written = all.claim("ENC-2").unwrap().balance;
    assert_eq!(
        (written.adjustments, written.balance),
        (m("130.00"), m("0.00"))
    );
    let stays = all.claim("ENC-3").unwrap();
    assert_eq!(stays.balance.balance, m("100.00"));
    assert_eq!(stays.parties[0].party, primary());
    let oa = posting
        .entries
        .iter()
        .find(|e| matches!(&e.kind, EntryKind::Adjustment(a) if a.reason.to_string() == "18"))
        .unwrap();
    assert_eq!(oa.amount, m("0.00"));
    let EntryKind::Adjustment(a) = &oa.kind else {
        unreachable!()
    };
    assert_eq!(
        (a.reported, a.disposition),
        (m("100.00"), Disposition::Stays)
    );
}

/// A reversal (CLP02 22) undoes exactly the entries of the payment it names (by CLP07); the
/// correction after it posts as new; the claim then stands as if only the correction came.
#[test]
fn a_reversal_undoes_the_original_and_the_correction_posts_as_new() {
    let claim = || charged("ENC-4", &[("99213", "300.00")]);
    let (mut ledger, claims) = books(vec![claim()]);
    let original = remittance(
        "T3",
        "250",
        "CLP*ENC-4*1*300*250*0*MB*ICN4*11*1~SVC*HC:99213*300*250**1~CAS*CO*45*50~REF*6R*ENC-4-1~",
    );
    let first = ledger
        .post_remittance(&original, &claims, &options())
        .unwrap();
    let corrected = remittance(
        "T4",
        "30",
        "CLP*ENC-4*22*-300*-250**MB*ICN4*11*1~SVC*HC:99213*-300*-250**1~CAS*CO*45*-50~REF*6R*ENC-4-1~\
CLP*ENC-4*1*300*280*0*MB*ICN4*11*1~SVC*HC:99213*300*280**1~CAS*CO*45*20~REF*6R*ENC-4-1~",
    );
    let second = ledger
        .post_remittance(&corrected, &claims, &PostOptions::on(d("2026-12-09")))
        .unwrap();
    assert_eq!(second.claims[0].outcome, ClaimOutcome::Reversed);
    assert_eq!(second.claims[1].outcome, ClaimOutcome::Paid);
    // The reversal's two entries undo the original's payment (−250) and CO-45 (−50).
    let undone: Vec<_> = second.entries.iter().take(2).collect();
    for (reversal, original) in undone.iter().zip(first.entries.iter().take(2)) {
        let EntryKind::Reversal(r) = &reversal.kind else {
            panic!("{reversal:?}")
        };
        assert_eq!(r.reverses, original.id);
        assert_eq!(reversal.amount, original.amount.negated());
        assert_eq!(reversal.account, original.account);
        assert_eq!(reversal.party, original.party);
    }
    assert!(second.findings.is_empty(), "{:?}", second.findings);
    let books_now = balances(ledger.entries(), AsOf::all()).unwrap();
    let claim_now = books_now.claim("ENC-4").unwrap();
    // As if only the correction came: 300 charged, 280 paid, 20 written off.
    assert_eq!(claim_now.balance.payments, m("280.00"));
    assert_eq!(claim_now.balance.adjustments, m("20.00"));
    assert_eq!(claim_now.balance.balance, m("0.00"));
    let (mut only, claims2) = books(vec![claim()]);
    let just_correction = remittance(
        "T5",
        "280",
        "CLP*ENC-4*1*300*280*0*MB*ICN4*11*1~SVC*HC:99213*300*280**1~CAS*CO*45*20~REF*6R*ENC-4-1~",
    );
    only.post_remittance(&just_correction, &claims2, &options())
        .unwrap();
    let expected = balances(only.entries(), AsOf::all()).unwrap();
    assert_eq!(books_now.claims, expected.claims);
    assert_eq!(books_now.parties, expected.parties);
}

/// A reversal naming no payment, or other amounts than the payment's, waits in suspense.
#[test]
fn a_reversal_without_its_payment_goes_to_suspense() {
    let (mut ledger, claims) = books(vec![charged("ENC-5", &[("99213", "300.00")])]);
    let remit = remittance(
        "T6",
        "-250",
        "CLP*ENC-5*22*-300*-250**MB*ICN5*11*1~SVC*HC:99213*-300*-250**1~CAS*CO*45*-50~REF*6R*ENC-5-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(
        posting.claims[0].outcome,
        ClaimOutcome::Suspense(SuspenseReason::ReversalNotFound)
    );
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    // The payer took 250 back: suspense holds −250 the practice owes back (a debit).
    assert_eq!(all.suspense, m("250.00"));
    assert_eq!(all.claim("ENC-5").unwrap().balance.balance, m("300.00"));
}

/// PLBs go to provider clearing accounts by reason, never to a claim's balance; a WO names
/// the claim its PLB03-2 reference (the payer claim number) belongs to.
#[test]
fn plbs_go_to_clearing_accounts_by_reason() {
    let (mut ledger, claims) = books(vec![charged("ENC-6", &[("99213", "100.00")])]);
    // Σ CLP04 80 − (WO 20 + L6 −0.50 + FB 5 + 72 −5) = 80 − 19.50 = 60.50.
    let remit = remittance(
        "T7",
        "60.5",
        "CLP*ENC-6*1*100*80*0*MB*ICN6*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~REF*6R*ENC-6-1~\
PLB*1234567893*20261231*WO:ICN6*20*L6*-0.5*FB:ENC-6*5*72*-5~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert!(posting.findings.is_empty(), "{:?}", posting.findings);
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let clearing: Vec<(String, Money)> = all
        .clearing
        .iter()
        .map(|a| match &a.account {
            Account::Clearing(c) => (c.reason.to_string(), a.balance),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        clearing,
        [
            ("72".to_owned(), m("-5.00")),
            ("FB".to_owned(), m("5.00")),
            ("L6".to_owned(), m("-0.50")),
            ("WO".to_owned(), m("20.00")),
        ]
    );
    // The claim's balance is its own: 100 − 80 − 20.
    assert_eq!(all.claim("ENC-6").unwrap().balance.balance, m("0.00"));
    let wo = posting
        .entries
        .iter()
        .find_map(|e| match &e.kind {
            EntryKind::ProviderAdjustment(p) if p.reason == "WO" => Some(p.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(wo.reference.as_deref(), Some("ICN6"));
    assert_eq!(wo.claim.as_deref(), Some("ENC-6"));
    // A reference that is the patient control number names the claim too.
    let fb = posting
        .entries
        .iter()
        .find_map(|e| match &e.kind {
            EntryKind::ProviderAdjustment(p) if p.reason == "FB" => Some(p.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(fb.claim.as_deref(), Some("ENC-6"));
    // Cash side: remittance +60.50, payment −80, PLBs +19.50 = 0; no suspense.
    assert_eq!(all.suspense, Money::ZERO);
    assert_eq!(all.payers[0].balance, m("60.50"));
}

/// Posting the same 835 twice changes nothing and says so; a different 835 reusing its trace
/// number is refused with a typed error and changes nothing either.
#[test]
fn the_same_835_twice_changes_nothing_and_a_reused_trace_is_refused() {
    let (mut ledger, claims) = books(vec![charged("ENC-7", &[("99213", "100.00")])]);
    let body =
        "CLP*ENC-7*1*100*80*0*MB*ICN7*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~REF*6R*ENC-7-1~";
    let remit = remittance("T8", "80", body);
    ledger.post_remittance(&remit, &claims, &options()).unwrap();
    let before = ledger.len();
    let again = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert!(again.already_posted);
    assert!(again.entries.is_empty());
    assert_eq!(again.claims[0].outcome, ClaimOutcome::AlreadyPosted);
    assert!(
        again
            .findings
            .iter()
            .any(|f| f.rule == "POST-ALREADY-POSTED")
    );
    assert_eq!(ledger.len(), before);

    let other_amount = remittance("T8", "70", body.replace("*80*", "*70*").as_str());
    assert_eq!(
        ledger.post_remittance(&other_amount, &claims, &options()),
        Err(LedgerError::TraceReused)
    );
    // Same payment, other claims: found at the end, and nothing is kept.
    let other_claims = remittance(
        "T8",
        "80",
        "CLP*ENC-X*1*100*80*0*MB*ICNX*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~",
    );
    assert_eq!(
        ledger.post_remittance(&other_claims, &claims, &options()),
        Err(LedgerError::TraceReused)
    );
    assert_eq!(ledger.len(), before);
    assert_eq!(
        medbill::ErrorCode::code(&LedgerError::TraceReused),
        "LEDGER_TRACE_REUSED"
    );
}

/// An 835 claim no claim was charged under waits in suspense with the reason; matching it
/// later to the claim moves the money there.
#[test]
fn an_unmatched_claim_waits_in_suspense_until_matched() {
    let (mut ledger, claims) = books(vec![charged("ENC-8", &[("99213", "100.00")])]);
    // The payer mangled CLP01.
    let remit = remittance(
        "T9",
        "80",
        "CLP*ENC8*1*100*80*0*MB*ICN8*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~REF*6R*ENC-8-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(
        posting.claims[0].outcome,
        ClaimOutcome::Suspense(SuspenseReason::ClaimNotFound)
    );
    let held = posting.entries[0].clone();
    assert_eq!(held.account, Account::Suspense);
    assert_eq!(held.amount, m("-80.00"));
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.suspense, m("-80.00"));
    assert_eq!(all.claim("ENC-8").unwrap().balance.balance, m("100.00"));

    let matched = medbill::ledger::match_suspense(
        &ledger,
        &claims,
        held.id,
        "ENC-8",
        None,
        &PostOptions::on(d("2026-12-05")),
    )
    .unwrap();
    assert_eq!(matched.result.outcome, ClaimOutcome::Paid);
    ledger.append_all(matched.entries).unwrap();
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.suspense, Money::ZERO);
    let claim = all.claim("ENC-8").unwrap().balance;
    assert_eq!(
        (claim.payments, claim.adjustments, claim.balance),
        (m("80.00"), m("20.00"), m("0.00"))
    );
    // Matched once only.
    assert_eq!(
        medbill::ledger::match_suspense(
            &ledger,
            &claims,
            held.id,
            "ENC-8",
            None,
            &PostOptions::on(d("2026-12-05"))
        ),
        Err(LedgerError::AlreadyReversed { entry: held.id })
    );
}

/// A line without its REF*6R is matched by procedure, modifiers and date, with a finding;
/// a line matching nothing sends the claim to suspense.
#[test]
fn lines_fall_back_to_procedure_and_date_or_go_to_suspense() {
    let (mut ledger, claims) = books(vec![
        charged("ENC-9", &[("99213", "100.00"), ("83036", "50.00")]),
        charged("ENC-10", &[("99213", "100.00")]),
    ]);
    let remit = remittance(
        "T10",
        "120",
        "CLP*ENC-9*1*150*120*0*MB*ICN9*11*1~SVC*HC:83036*50*40**1~DTM*472*20261120~CAS*CO*45*10~\
SVC*HC:99213*100*80**1~DTM*472*20261120~CAS*CO*45*20~\
CLP*ENC-10*1*100*0*0*MB*ICN10*11*1~SVC*HC:99999*100*0**1~CAS*CO*45*100~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(posting.claims[0].outcome, ClaimOutcome::Paid);
    let fallbacks = posting
        .findings
        .iter()
        .filter(|f| f.rule == "POST-LINE-MATCHED-BY-PROCEDURE")
        .count();
    assert_eq!(fallbacks, 2);
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let claim = all.claim("ENC-9").unwrap();
    assert_eq!(claim.lines[0].balance.payments, m("80.00"));
    assert_eq!(claim.lines[1].balance.payments, m("40.00"));
    assert_eq!(
        posting.claims[1].outcome,
        ClaimOutcome::Suspense(SuspenseReason::LineNotMatched(0))
    );
}

/// An underpayment: the payer allowed less than the contract's pricing kept with the claim.
#[test]
fn underpaid_lines_are_found_with_the_expected_and_paid_figures() {
    let mut claim = charged("ENC-11", &[("99214", "180.00"), ("83036", "65.00")]);
    claim.priced = Some(priced(&claim, &["150.00", "30.00"]));
    let (mut ledger, claims) = books(vec![claim]);
    // Line 1: allowed 130 (AMT*B6) vs 150: 20 short. Line 2: no AMT*B6: paid 20 + PR 10 = 30
    // allowed, as the contract says: not underpaid.
    let remit = remittance(
        "T11",
        "120",
        "CLP*ENC-11*1*245*120*40*MB*ICN11*11*1~\
SVC*HC:99214*180*100**1~CAS*CO*45*50~CAS*PR*1*20**2*10~REF*6R*ENC-11-1~AMT*B6*130~\
SVC*HC:83036*65*20**1~CAS*CO*45*35~CAS*PR*2*10~REF*6R*ENC-11-2~",
    );
    let mut options = options();
    let posting = ledger.post_remittance(&remit, &claims, &options).unwrap();
    assert_eq!(posting.underpayments.len(), 1);
    let under = &posting.underpayments[0];
    assert_eq!(
        (
            under.line,
            under.expected,
            under.allowed,
            under.paid,
            under.variance
        ),
        (0, m("150.00"), m("130.00"), m("100.00"), m("20.00"))
    );
    let finding = posting
        .findings
        .iter()
        .find(|f| f.rule == "POST-UNDERPAID")
        .unwrap();
    assert_eq!(finding.path, "/claims/0/lines/0");
    assert!(finding.message.contains("130.00") && finding.message.contains("150.00"));
    // Within a 20.00 tolerance it is not an underpayment.
    let (mut other, claims) = books(vec![{
        let mut c = charged("ENC-11", &[("99214", "180.00"), ("83036", "65.00")]);
        c.priced = Some(priced(&c, &["150.00", "30.00"]));
        c
    }]);
    options.tolerance = m("20.00");
    let posting = other.post_remittance(&remit, &claims, &options).unwrap();
    assert!(posting.underpayments.is_empty());
}

fn priced(claim: &medbill::ledger::ChargedClaim, allowed: &[&str]) -> medbill::PricedClaim {
    let contract: medbill::Contract = medbill::from_json(&format!(
        r#"{{"payerId":"{MEDICARE}","effectiveFrom":"2026-01-01","schedule":{{"kind":"flat","fees":[{{"procedure":"99214","amount":"{}"}},{{"procedure":"83036","amount":"{}"}}]}}}}"#,
        allowed[0], allowed[1]
    ))
    .unwrap();
    medbill::price(
        &claim.claim,
        &contract,
        None,
        d("2026-11-27"),
        &medbill::pricing::PriceOptions::default(),
    )
    .unwrap()
}

/// A claim with a next payer: the PR share goes to the secondary, and the claim is sent on,
/// ready to send; crossed over (CLP02 19), it awaits the secondary instead.
#[test]
fn a_next_payer_gets_the_share_and_the_claim_sent_on_or_awaited() {
    let with_secondary = |pcn: &str| {
        let mut c = charged(pcn, &[("99213", "100.00")]);
        let other: medbill::claim::OtherPayer = medbill::from_json(
            r#"{"payer":{"name":"Prairie Supplemental","payerId":"PSUP1","claimFilingIndicator":"CI"},
                "responsibility":"secondary","relationship":"18",
                "subscriberName":{"last":"Doe","first":"Jane"},"subscriberMemberId":"SUP998877"}"#,
        )
        .unwrap();
        c.claim.other_payers = vec![other];
        c
    };
    let (mut ledger, claims) = books(vec![with_secondary("ENC-12"), with_secondary("ENC-13")]);
    let remit = remittance(
        "T12",
        "120",
        "CLP*ENC-12*1*100*60*20*MB*ICN12*11*1~SVC*HC:99213*100*60**1~CAS*CO*45*20~CAS*PR*2*20~REF*6R*ENC-12-1~\
CLP*ENC-13*19*100*60*20*MB*ICN13*11*1~SVC*HC:99213*100*60**1~CAS*CO*45*20~CAS*PR*2*20~REF*6R*ENC-13-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(posting.claims[0].outcome, ClaimOutcome::SentOn);
    assert_eq!(posting.claims[1].outcome, ClaimOutcome::AwaitingNextPayer);
    let secondary = Party::Secondary("PSUP1".into());
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    for pcn in ["ENC-12", "ENC-13"] {
        let claim = all.claim(pcn).unwrap();
        let owed: Vec<_> = claim
            .parties
            .iter()
            .map(|p| (p.party.clone(), p.balance.balance))
            .collect();
        assert_eq!(
            owed,
            [(primary(), m("0.00")), (secondary.clone(), m("20.00"))]
        );
    }
    assert_eq!(posting.secondary_claims.len(), 1);
    let sent = &posting.secondary_claims[0].claim;
    assert_eq!(sent.payer.payer_id, "PSUP1");
    assert_eq!(
        sent.subscriber.payer_responsibility,
        medbill::claim::PayerResponsibility::Secondary
    );
    assert_eq!(sent.subscriber.member_id.expose(), "SUP998877");
    assert_eq!(
        sent.other_payers.len(),
        1,
        "the primary, no longer the secondary's coverage"
    );
    assert_eq!(sent.other_payers[0].payer.payer_id, MEDICARE);
    assert_eq!(sent.other_payers[0].paid, Some(m("60.00")));
    assert_eq!(
        sent.other_payers[0].claim_control_number.as_deref(),
        Some("ICN12")
    );
    assert!(
        sent.validate().iter().all(|f| !f.is_error()),
        "{:?}",
        sent.validate()
    );
}

/// The remittance's payment against deposits of its trace number.
#[test]
fn the_payment_is_reconciled_with_its_deposit() {
    use medbill::ledger::{DepositRequest, DepositStatus, deposit, reconcile_deposits};
    let (mut ledger, claims) = books(vec![charged("ENC-14", &[("99213", "100.00")])]);
    let entry = deposit(
        &ledger,
        &DepositRequest {
            payer: PAYER_KEY.into(),
            trace: "T13".into(),
            amount: m("80.00"),
            deposited: d("2026-12-01"),
            posted: d("2026-12-01"),
        },
    )
    .unwrap();
    ledger.append(entry).unwrap();
    let remit = remittance(
        "T13",
        "80",
        "CLP*ENC-14*1*100*80*0*MB*ICN14*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~REF*6R*ENC-14-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(posting.deposit.status, DepositStatus::Matched);
    assert_eq!(posting.deposit.deposited, m("80.00"));
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.payers[0].balance, m("0.00"));
    // A second remittance not deposited yet, and a deposit that is short.
    let remit = remittance(
        "T14",
        "0",
        "CLP*ENC-14*4*100*0*0*MB*ICN14B*11*1~SVC*HC:99213*100*0**1~CAS*OA*18*100~REF*6R*ENC-14-1~",
    );
    ledger.post_remittance(&remit, &claims, &options()).unwrap();
    let short = deposit(
        &ledger,
        &DepositRequest {
            payer: PAYER_KEY.into(),
            trace: "T99".into(),
            amount: m("5.00"),
            deposited: d("2026-12-03"),
            posted: d("2026-12-03"),
        },
    )
    .unwrap();
    ledger.append(short).unwrap();
    let statuses: Vec<_> = reconcile_deposits(ledger.entries())
        .unwrap()
        .into_iter()
        .map(|r| (r.trace.to_string(), r.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("T13".to_owned(), DepositStatus::Matched),
            ("T14".to_owned(), DepositStatus::NotDeposited),
            ("T99".to_owned(), DepositStatus::NoRemittance),
        ]
    );
}

/// A claim-level CAS (here sequestration, CO-253) lowers the claim's payment below its lines'
/// (RULES.md §8: CLP04 = Σ SVC03 − claim-level CAS): the claim's payments are CLP04.
#[test]
fn claim_level_adjustments_post_at_claim_level() {
    let (mut ledger, claims) = books(vec![charged("ENC-15", &[("99213", "200.00")])]);
    let remit = remittance(
        "T15",
        "98",
        "CLP*ENC-15*1*200*98*0*MB*ICN15*11*1~CAS*CO*253*2~SVC*HC:99213*200*100**1~CAS*CO*45*100~REF*6R*ENC-15-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert!(posting.findings.is_empty(), "{:?}", posting.findings);
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let claim = all.claim("ENC-15").unwrap();
    assert_eq!(claim.balance.payments, m("98.00"));
    assert_eq!(claim.balance.adjustments, m("102.00"));
    assert_eq!(claim.balance.balance, m("0.00"));
    assert_eq!(claim.claim_level.payments, m("-2.00"));
    assert_eq!(claim.claim_level.adjustments, m("2.00"));
}

/// Charging twice, charging a claim with validation errors and posting before the books'
/// last date are refused.
#[test]
fn charging_and_posting_refuse_what_would_break_the_books() {
    let c = charged("ENC-16", &[("99213", "100.00")]);
    let (ledger, claims) = books(vec![c.clone()]);
    assert_eq!(
        medbill::ledger::charge(&c, &ledger, d("2026-11-20"), d("2026-11-22")),
        Err(LedgerError::AlreadyCharged)
    );
    let mut broken = charged("ENC-17", &[("99213", "100.00")]);
    broken.claim.total_charge = m("1.00");
    let Err(LedgerError::InvalidClaim { findings }) =
        medbill::ledger::charge(&broken, &ledger, d("2026-11-20"), d("2026-11-22"))
    else {
        panic!("an invalid claim was charged")
    };
    assert_eq!(findings[0].rule, "CLM-TOTAL-CHARGE");
    let remit = remittance("T16", "0", "");
    let mut ledger = ledger;
    assert_eq!(
        ledger.post_remittance(&remit, &claims, &PostOptions::on(d("2026-11-01"))),
        Err(LedgerError::PostedBeforeLast)
    );
}

/// Patient payments go to what the patient owes on the claim, the rest stays as a credit.
#[test]
fn a_patient_payment_pays_the_patients_share_and_keeps_the_rest() {
    use medbill::ledger::{PatientPaymentRequest, patient_payment};
    let (mut ledger, claims) = books(vec![charged(
        "ENC-18",
        &[("99214", "180.00"), ("83036", "65.00")],
    )]);
    let remit = remittance(
        "T18",
        "120",
        "CLP*ENC-18*1*245*120*40*MB*ICN18*11*1~\
SVC*HC:99214*180*100**1~CAS*CO*45*50~CAS*PR*1*20**2*10~REF*6R*ENC-18-1~\
SVC*HC:83036*65*20**1~CAS*CO*45*35~CAS*PR*2*10~REF*6R*ENC-18-2~",
    );
    ledger.post_remittance(&remit, &claims, &options()).unwrap();
    let entries = patient_payment(
        &ledger,
        &PatientPaymentRequest {
            patient: "PA-ENC-18".into(),
            claim: Some("ENC-18".into()),
            amount: m("50.00"),
            received: d("2026-12-10"),
            posted: d("2026-12-10"),
            check: Some("1042".into()),
        },
    )
    .unwrap();
    // 30 to line 1, 10 to line 2, 10 left on the patient account.
    let amounts: Vec<_> = entries.iter().map(|e| e.amount).collect();
    assert_eq!(amounts, [m("-30.00"), m("-10.00"), m("-10.00")]);
    ledger.append_all(entries).unwrap();
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let patient = all.patient("PA-ENC-18").unwrap();
    assert_eq!(patient.balance.balance, m("-10.00"));
    assert_eq!(patient.unapplied.balance, m("-10.00"));
    assert_eq!(all.claim("ENC-18").unwrap().balance.balance, m("0.00"));
    assert!(ledger.reversal_of(ledger.entries()[0].id).is_none());
}

/// A store posts claim by claim (constant memory, one transaction): the same entries as the
/// whole 835 at once; and the pure `post_remittance` leaves the books it is given alone.
#[test]
fn posting_claim_by_claim_equals_posting_the_whole_835() {
    use medbill::ledger::{RemittancePoster, post_remittance};
    let claims = || {
        vec![
            charged("ENC-20", &[("99214", "180.00"), ("83036", "65.00")]),
            charged("ENC-21", &[("97110", "130.00")]),
        ]
    };
    let remit = remittance(
        "T20",
        "119.5",
        "CLP*ENC-20*1*245*120*40*MB*ICN20*11*1~\
SVC*HC:99214*180*100**1~CAS*CO*45*50~CAS*PR*1*20**2*10~REF*6R*ENC-20-1~\
SVC*HC:83036*65*20**1~CAS*CO*45*35~CAS*PR*2*10~REF*6R*ENC-20-2~\
CLP*ENC-21*4*130*0*0*MB*ICN21*11*1~SVC*HC:97110*130*0**1~CAS*CO*97*130~REF*6R*ENC-21-1~\
PLB*1234567893*20261231*WO:ICN20*0.5~",
    );
    let (whole_books, index) = books(claims());
    let before = whole_books.len();
    let whole = post_remittance(&remit, &index, &whole_books, &options()).unwrap();
    assert_eq!(whole_books.len(), before, "the pure form changes nothing");

    let (mut streamed, index) = books(claims());
    let mut poster = medbill::ledger::RemittancePoster::begin(
        &remit.control_number,
        &remit.payment,
        &remit.payer,
        &streamed,
        options(),
    )
    .unwrap();
    assert!(!poster.is_already_posted());
    for (i, claim) in remit.claims.iter().enumerate() {
        let done = poster.claim(i, claim, &[], &index, &streamed).unwrap();
        streamed.append_all(done.entries).unwrap();
    }
    let end = RemittancePoster::finish(poster, &remit.provider_adjustments, &streamed).unwrap();
    streamed.append_all(end.entries).unwrap();
    assert_eq!(&streamed.entries()[before..], whole.entries.as_slice());
}

/// A claim the 835 reader found errors in (a required amount missing, say) is not posted: it
/// waits in suspense, naming the rules.
#[test]
fn a_claim_with_error_findings_waits_in_suspense() {
    let (mut ledger, claims) = books(vec![charged("ENC-22", &[("99213", "100.00")])]);
    let mut remit = remittance(
        "T22",
        "80",
        "CLP*ENC-22*1*100*80*0*MB*ICN22*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~REF*6R*ENC-22-1~",
    );
    remit.findings.push(medbill::Finding::error(
        "REMIT-CLP04-MISSING",
        "/claims/0/paid",
        "CLP04 is required",
    ));
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert_eq!(
        posting.claims[0].outcome,
        ClaimOutcome::Suspense(SuspenseReason::NotPostable(vec![
            "REMIT-CLP04-MISSING".to_owned()
        ]))
    );
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.claim("ENC-22").unwrap().balance.balance, m("100.00"));
    assert_eq!(all.suspense, m("-80.00"));
}

/// What a user enters is checked: a write-off no larger than what the party owes, a refund
/// of a credit, a reversal once only.
#[test]
fn user_entries_are_checked_against_the_books() {
    use medbill::ledger::{
        ClaimAccount, LineAccount, RefundRequest, WriteOffRequest, refund, reverse, write_off,
    };
    let (mut ledger, _) = books(vec![charged("ENC-23", &[("99213", "100.00")])]);
    let line = Account::Line(LineAccount {
        patient: "PA-ENC-23".into(),
        claim: "ENC-23".into(),
        line: 0,
    });
    let request = |amount: &str| WriteOffRequest {
        account: line.clone(),
        party: primary(),
        amount: m(amount),
        reason: "small balance".into(),
        effective: d("2026-12-01"),
        posted: d("2026-12-01"),
    };
    assert!(write_off(&ledger, &request("100.01")).is_err());
    let entry = write_off(&ledger, &request("100.00")).unwrap();
    assert_eq!(entry.amount, m("-100.00"));
    ledger.append(entry.clone()).unwrap();
    let undo = reverse(
        &ledger,
        entry.id,
        d("2026-12-02"),
        d("2026-12-02"),
        Some("error"),
    )
    .unwrap();
    assert_eq!(undo.amount, m("100.00"));
    ledger.append(undo).unwrap();
    assert_eq!(
        reverse(&ledger, entry.id, d("2026-12-02"), d("2026-12-02"), None),
        Err(LedgerError::AlreadyReversed { entry: entry.id })
    );
    let claim_level = Account::Claim(ClaimAccount {
        patient: "PA-ENC-23".into(),
        claim: "ENC-23".into(),
    });
    assert!(
        write_off(
            &ledger,
            &WriteOffRequest {
                account: claim_level,
                ..request("1.00")
            }
        )
        .is_err()
    );
    let paid_back = refund(
        &ledger,
        &RefundRequest {
            patient: "PA-ENC-23".into(),
            amount: m("0.00"),
            paid: d("2026-12-03"),
            posted: d("2026-12-03"),
            check: None,
        },
    );
    assert_eq!(paid_back, Err(LedgerError::NotPositive { field: "amount" }));
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.claim("ENC-23").unwrap().balance.balance, m("100.00"));
}

/// The claims' payments less the PLBs differ from the payment (BPR02): the difference is
/// held in suspense, so the cash side still adds up.
#[test]
fn a_transaction_imbalance_is_held_in_suspense() {
    let (mut ledger, claims) = books(vec![charged("ENC-24", &[("99213", "100.00")])]);
    let remit = remittance(
        "T24",
        "100",
        "CLP*ENC-24*1*100*80*0*MB*ICN24*11*1~SVC*HC:99213*100*80**1~CAS*CO*45*20~REF*6R*ENC-24-1~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert!(
        posting
            .findings
            .iter()
            .any(|f| f.rule == "POST-TRANSACTION-IMBALANCE")
    );
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    // 100 announced, 80 applied: 20 held.
    assert_eq!(all.suspense, m("-20.00"));
    assert_eq!(all.payers[0].balance, m("100.00"));
    assert_eq!(all.claim("ENC-24").unwrap().balance.balance, m("0.00"));
}

/// The whole coordination cycle: the primary's PR goes to the secondary with the claim sent
/// on; the secondary's 835 (CLP02 2, OA-23 for the primary's part) pays its share and moves
/// its own PR to the patient.
#[test]
fn the_secondary_pays_its_share_and_the_rest_goes_to_the_patient() {
    let mut c = charged("ENC-25", &[("99213", "100.00")]);
    c.claim.other_payers = vec![medbill::from_json(
        r#"{"payer":{"name":"Prairie Supplemental","payerId":"PSUP1","claimFilingIndicator":"CI"},
            "responsibility":"secondary","relationship":"18",
            "subscriberName":{"last":"Doe","first":"Jane"},"subscriberMemberId":"SUP998877"}"#,
    )
    .unwrap()];
    let (mut ledger, mut claims) = books(vec![c]);
    // Primary: 100 − CO-45 20 − PR-2 16 = 64 paid.
    let primary_835 = remittance(
        "T25",
        "64",
        "CLP*ENC-25*1*100*64*16*MB*ICN25*11*1~SVC*HC:99213*100*64**1~CAS*CO*45*20~CAS*PR*2*16~REF*6R*ENC-25-1~",
    );
    let first = ledger
        .post_remittance(&primary_835, &claims, &options())
        .unwrap();
    assert_eq!(first.claims[0].outcome, ClaimOutcome::SentOn);
    claims.insert(first.secondary_claims[0].clone());
    // Secondary: 100 = OA-23 84 (the primary's part) + 12 paid + PR-3 4.
    let secondary_835 = remittance(
        "T26",
        "12",
        "CLP*ENC-25*2*100*12*4*CI*SUP25*11*1~SVC*HC:99213*100*12**1~CAS*OA*23*84~CAS*PR*3*4~REF*6R*ENC-25-1~",
    );
    let second = ledger
        .post_remittance(&secondary_835, &claims, &PostOptions::on(d("2026-12-20")))
        .unwrap();
    assert_eq!(second.claims[0].outcome, ClaimOutcome::Paid);
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let claim = all.claim("ENC-25").unwrap();
    let owed: Vec<_> = claim
        .parties
        .iter()
        .map(|p| (p.party.clone(), p.balance.balance))
        .collect();
    assert_eq!(
        owed,
        [
            (primary(), m("0.00")),
            (Party::Secondary("PSUP1".into()), m("0.00")),
            (Party::Patient, m("4.00")),
        ]
    );
    assert_eq!(claim.balance.payments, m("76.00"));
    assert_eq!(claim.balance.adjustments, m("20.00"));
}

/// A claim whose charges were reversed (charged by mistake) may be charged again; one with a
/// charge standing may not.
#[test]
fn a_claim_may_be_charged_again_once_its_charges_are_reversed() {
    let c = charged("ENC-26", &[("99213", "100.00")]);
    let (mut ledger, _) = books(vec![c.clone()]);
    let again = || medbill::ledger::charge(&c, &ledger, d("2026-11-20"), d("2026-11-22"));
    assert_eq!(again(), Err(LedgerError::AlreadyCharged));
    let first = ledger.entries()[0].id;
    let undo =
        medbill::ledger::reverse(&ledger, first, d("2026-11-22"), d("2026-11-22"), None).unwrap();
    ledger.append(undo).unwrap();
    let entries = medbill::ledger::charge(&c, &ledger, d("2026-11-20"), d("2026-11-22")).unwrap();
    ledger.append_all(entries).unwrap();
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.claim("ENC-26").unwrap().balance.charges, m("100.00"));
}

/// An 835 that adjudicates the claim as a whole (no SVC loop, as for many institutional
/// claims) posts its payment and adjustments on the claim account.
#[test]
fn a_claim_adjudicated_without_lines_posts_at_claim_level() {
    let (mut ledger, claims) = books(vec![charged(
        "ENC-27",
        &[("99213", "100.00"), ("83036", "50.00")],
    )]);
    // 150 − CO-45 30 − PR-1 20 = 100.
    let remit = remittance(
        "T27",
        "100",
        "CLP*ENC-27*1*150*100*20*MB*ICN27*11*1~CAS*CO*45*30~CAS*PR*1*20~",
    );
    let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
    assert!(posting.findings.is_empty(), "{:?}", posting.findings);
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    let claim = all.claim("ENC-27").unwrap();
    assert_eq!(claim.claim_level.payments, m("100.00"));
    assert_eq!(claim.claim_level.adjustments, m("30.00"));
    // The lines keep their charges; the claim level holds what was adjudicated.
    assert_eq!(claim.lines[0].balance.balance, m("100.00"));
    assert_eq!(claim.claim_level.balance, m("-130.00"));
    assert_eq!(claim.balance.balance, m("20.00"));
    assert_eq!(all.party(&Party::Patient).balance, m("20.00"));
}

/// A user moves a share to a payer found later: out of the patient, into the secondary,
/// never more than the patient owes there.
#[test]
fn a_user_transfer_moves_a_share_between_parties() {
    use medbill::ledger::{LineAccount, TransferRequest, transfer};
    let (mut ledger, claims) = books(vec![charged("ENC-28", &[("99213", "100.00")])]);
    let remit = remittance(
        "T28",
        "70",
        "CLP*ENC-28*1*100*70*20*MB*ICN28*11*1~SVC*HC:99213*100*70**1~CAS*CO*45*10~CAS*PR*2*20~REF*6R*ENC-28-1~",
    );
    ledger.post_remittance(&remit, &claims, &options()).unwrap();
    let request = |amount: &str| TransferRequest {
        account: Account::Line(LineAccount {
            patient: "PA-ENC-28".into(),
            claim: "ENC-28".into(),
            line: 0,
        }),
        from: Party::Patient,
        to: Party::Secondary("PSUP1".into()),
        amount: m(amount),
        effective: d("2026-12-05"),
        posted: d("2026-12-05"),
    };
    assert!(transfer(&ledger, &request("20.01")).is_err());
    ledger
        .append_all(transfer(&ledger, &request("20.00")).unwrap())
        .unwrap();
    let all = balances(ledger.entries(), AsOf::all()).unwrap();
    assert_eq!(all.party(&Party::Patient).balance, m("0.00"));
    assert_eq!(
        all.party(&Party::Secondary("PSUP1".into())).balance,
        m("20.00")
    );
    assert_eq!(all.claim("ENC-28").unwrap().balance.transfers, m("0.00"));
}

/// An 835 claim whose required amount is missing (CLP04, SVC03 or a CAS amount) is never
/// posted as zero: it waits in suspense as not postable, the claim's balance untouched; a
/// remittance without its payment amount (BPR02) is refused whole.
#[test]
fn a_missing_amount_is_never_posted_as_zero() {
    for body in [
        "CLP*ENC-7*1*300*****MB*ICN7*11*1~SVC*HC:99213*300*250**1~CAS*CO*45*50~REF*6R*ENC-7-1~",
        "CLP*ENC-7*1*300*250**MB*ICN7*11*1~SVC*HC:99213*300***1~CAS*CO*45*50~REF*6R*ENC-7-1~",
        "CLP*ENC-7*1*300*250**MB*ICN7*11*1~SVC*HC:99213*300*250**1~CAS*CO*45~REF*6R*ENC-7-1~",
    ] {
        let (mut ledger, claims) = books(vec![charged("ENC-7", &[("99213", "300.00")])]);
        let remit = remittance("T7", "250", body);
        let posting = ledger.post_remittance(&remit, &claims, &options()).unwrap();
        assert!(
            matches!(
                posting.claims[0].outcome,
                ClaimOutcome::Suspense(SuspenseReason::NotPostable(_))
            ),
            "{body}: {:?}",
            posting.claims[0].outcome
        );
        let all = balances(ledger.entries(), AsOf::all()).unwrap();
        assert_eq!(
            all.claim("ENC-7").unwrap().balance.balance,
            m("300.00"),
            "{body}"
        );
    }
    let (mut ledger, claims) = books(vec![charged("ENC-7", &[("99213", "300.00")])]);
    let text = ledger_support::remittance_text(
        "T8",
        "250",
        "CLP*ENC-7*1*300*250**MB*ICN7*11*1~SVC*HC:99213*300*250**1~CAS*CO*45*50~REF*6R*ENC-7-1~",
    )
    .replace("BPR*I*250*C", "BPR*I**C");
    let mut file = medbill::read_x12(text.as_bytes()).unwrap();
    let remit = file.remittances.remove(0);
    assert_eq!(remit.payment.amount, None);
    let before = ledger.entries().len();
    assert_eq!(
        ledger
            .post_remittance(&remit, &claims, &options())
            .unwrap_err(),
        LedgerError::Missing {
            field: "the payment amount (BPR02)"
        }
    );
    assert_eq!(ledger.entries().len(), before);
}
