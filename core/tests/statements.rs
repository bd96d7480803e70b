//! Patient statements, the dunning cycle, allocation of patient payments, credits and
//! refunds, small-balance write-offs and explanations, on small books worked by hand.
//!
//! The books of [`two_visits`], for patient account PA-7 (Medicare Part B, payer 00952):
//! - visit A1 on 2026-11-02: 99213 150.00 and 83036 50.00. The 835 of 2026-12-01 (posted
//!   2026-12-02) pays 80 + 20 = 100, writes off CO-45 30 + 18 = 48 and makes PR-1 40
//!   (deductible) and PR-2 12 (coinsurance) the patient's: 52. The patient pays 20.00 on
//!   it on 2026-12-10: 32.00 left, owed since 2026-12-02.
//! - visit B1 on 2026-11-16: 97110 100.00, denied PR-27 100 (coverage ended: the patient's),
//!   posted 2026-12-16.
//! - 5.00 paid on 2026-12-12 without a visit: kept on the account, a credit.
//! - patient account PA-8 has its own claim C1 (never on PA-7's statement).
//!
//! As of 2027-01-05: PA-7 owes 32 + 100 = 132 on its visits, less the 5.00 credit: 127.00
//! due. Aged from the date of service: A1 is 64 days old (61–90), B1 50 days (31–60). The
//! oldest unpaid share arose 2026-12-02, 34 days before: the second statement (31–60).

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
use medbill::claim::ClaimForm;
use medbill::codes::Carc;
use medbill::denial::carc;
use medbill::ledger::{
    Account, AsOf, ChargedClaim, ClaimIndex, Ledger, LineAccount, Party, PatientPaymentRequest,
    PostOptions, TransferRequest, balances, patient_payment, refund, transfer, write_off,
};
use medbill::statement::{
    AllocationTarget, CreditAction, CreditHold, CreditOptions, DunningStage, PayerStatus,
    PaymentAllocationRequest, ShareReason, SmallBalanceRule, StatementError, StatementOptions,
    allocate_payment, credits, explain_to_patient, explain_to_payer, small_balance_write_offs,
    statement, statement_html, statement_text,
};

/// The team's words for a CARC (the catalog's: the tests do not fix its wording).
fn words(code: &str) -> &'static str {
    carc(&Carc::parse(code).unwrap()).unwrap().words
}

fn lower(words: &str) -> String {
    let mut chars = words.chars();
    let first = chars.next().unwrap();
    first.to_lowercase().chain(chars).collect()
}

/// A claim of patient account `patient` with every line served on `served`.
fn visit(pcn: &str, patient: &str, served: &str, lines: &[(&str, &str)]) -> ChargedClaim {
    let mut claim = charged(pcn, lines);
    claim.patient_account = patient.to_owned();
    let ClaimForm::Professional(form) = &mut claim.claim.form else {
        unreachable!()
    };
    for line in &mut form.lines {
        line.service_date = d(served);
    }
    claim
}

fn post(ledger: &mut Ledger, claims: &ClaimIndex, trace: &str, amount: &str, on: &str, body: &str) {
    let posting = ledger
        .post_remittance(
            &remittance(trace, amount, body),
            claims,
            &PostOptions::on(d(on)),
        )
        .unwrap();
    assert!(
        posting.findings.iter().all(|f| !f.is_error()),
        "{:?}",
        posting.findings
    );
}

fn pay(ledger: &mut Ledger, patient: &str, claim: Option<&str>, amount: &str, on: &str) {
    let entries = patient_payment(
        ledger,
        &PatientPaymentRequest {
            patient: patient.into(),
            claim: claim.map(str::to_owned),
            amount: m(amount),
            received: d(on),
            posted: d(on),
            check: None,
        },
    )
    .unwrap();
    ledger.append_all(entries).unwrap();
}

/// The books described at the top of this file.
fn two_visits() -> (Ledger, ClaimIndex) {
    let (mut ledger, claims) = books(vec![
        visit(
            "A1",
            "PA-7",
            "2026-11-02",
            &[("99213", "150.00"), ("83036", "50.00")],
        ),
        visit("B1", "PA-7", "2026-11-16", &[("97110", "100.00")]),
        visit("C1", "PA-8", "2026-11-16", &[("99213", "80.00")]),
    ]);
    post(
        &mut ledger,
        &claims,
        "T1",
        "100",
        "2026-12-02",
        "CLP*A1*1*200*100*52*MB*ICNA1*11*1~\
SVC*HC:99213*150*80**1~CAS*CO*45*30~CAS*PR*1*40~REF*6R*A1-1~\
SVC*HC:83036*50*20**1~CAS*CO*45*18~CAS*PR*2*12~REF*6R*A1-2~",
    );
    pay(&mut ledger, "PA-7", Some("A1"), "20.00", "2026-12-10");
    pay(&mut ledger, "PA-7", None, "5.00", "2026-12-12");
    post(
        &mut ledger,
        &claims,
        "T2",
        "0",
        "2026-12-16",
        "CLP*B1*4*100*0*100*MB*ICNB1*11*1~SVC*HC:97110*100*0**1~CAS*PR*27*100~REF*6R*B1-1~",
    );
    (ledger, claims)
}

fn on(date: &str) -> StatementOptions {
    StatementOptions::on(d(date))
}

#[test]
fn a_statement_shows_each_visit_what_insurance_did_and_why_the_patient_owes() {
    let (ledger, claims) = two_visits();
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-05")).unwrap();
    assert_eq!(s.pay_by, d("2027-02-04"));
    let visits: Vec<&str> = s.visits.iter().map(|v| v.claim.as_str()).collect();
    assert_eq!(
        visits,
        ["A1", "B1"],
        "oldest date of service first, PA-8's C1 left out"
    );

    let a = &s.visits[0];
    assert_eq!(
        (a.first_service, a.last_service),
        (d("2026-11-02"), d("2026-11-02"))
    );
    assert_eq!(a.figures.charged, m("200.00"));
    assert_eq!(a.figures.insurance_paid, m("100.00"));
    assert_eq!(a.figures.insurance_adjusted, m("48.00"));
    assert_eq!(a.figures.patient_share, m("52.00"));
    assert_eq!(a.figures.patient_paid, m("20.00"));
    assert_eq!(a.figures.owes, m("32.00"));
    assert_eq!(a.figures.insurance_pending, Money::ZERO);
    assert_eq!(a.owed_since, Some(d("2026-12-02")));
    let lines: Vec<(String, Money)> = a
        .lines
        .iter()
        .map(|l| (l.procedure.unwrap().to_string(), l.charged))
        .collect();
    assert_eq!(
        lines,
        [
            ("99213".to_owned(), m("150.00")),
            ("83036".to_owned(), m("50.00"))
        ]
    );
    // The patient paid the oldest share first: line 1's deductible (40 − 20).
    assert_eq!(a.lines[0].patient_owes, m("20.00"));
    assert_eq!(a.lines[1].patient_owes, m("12.00"));
    let medicare = &a.payers[0];
    assert_eq!(medicare.party, Party::Primary("00952".into()));
    assert_eq!(medicare.name.as_deref(), Some("Medicare Part B"));
    assert_eq!(medicare.status, PayerStatus::Paid);
    assert_eq!(medicare.moved_on, m("52.00"));
    let share: Vec<(String, Money)> = a
        .share
        .iter()
        .map(|s| (s.words.clone(), s.amount))
        .collect();
    assert_eq!(
        share,
        [
            (words("1").to_owned(), m("40.00")),
            (words("2").to_owned(), m("12.00"))
        ]
    );
    assert_eq!(a.payments.len(), 1);
    assert_eq!(
        (a.payments[0].date, a.payments[0].amount),
        (d("2026-12-10"), m("20.00"))
    );

    let b = &s.visits[1];
    assert_eq!(b.figures.owes, m("100.00"));
    assert_eq!(b.payers[0].status, PayerStatus::Denied);
    assert_eq!(
        b.share[0].reason,
        ShareReason::PatientResponsibility {
            reason: medbill::remit::Coded::Known(Carc::parse("27").unwrap()),
            denial: true
        }
    );
    assert_eq!(
        b.share[0].words,
        format!("Not paid by your plan: {}", lower(words("27")))
    );

    assert_eq!(s.totals.owed_on_visits, m("132.00"));
    assert_eq!(s.totals.unapplied, m("-5.00"));
    assert_eq!(s.totals.amount_due, m("127.00"));
    assert_eq!(s.totals.visits.charged, m("300.00"));
    // A1 is 64 days from its date of service, B1 50.
    assert_eq!(
        s.aging.buckets,
        [m("0.00"), m("100.00"), m("32.00"), m("0.00"), m("0.00")]
    );
    assert_eq!(s.aging.total, m("132.00"));
    let dunning = s.dunning.as_ref().unwrap();
    assert_eq!(dunning.stage, DunningStage::Statement2);
    assert_eq!((dunning.owed_since, dunning.days), (d("2026-12-02"), 34));

    // The statement reconciles with the books: the patient's balance on PA-7.
    let books = balances(ledger.entries(), AsOf::posted(d("2027-01-05"))).unwrap();
    let patient = books.patient("PA-7").unwrap();
    let owed = patient
        .parties
        .iter()
        .find(|p| p.party == Party::Patient)
        .unwrap();
    assert_eq!(owed.balance.balance, s.totals.amount_due);
    let addressee = s.addressee.as_ref().unwrap();
    assert_eq!(addressee.mail_to.expose().last, "Doe");
    assert_eq!(format!("{addressee:?}").matches("Doe").count(), 0);
    assert_eq!(
        s.practice.as_ref().unwrap().name,
        "Riverbend Family Medicine"
    );
}

#[test]
fn the_statement_as_text_reads_top_to_bottom_as_a_sum() {
    let (ledger, claims) = two_visits();
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-05")).unwrap();
    let text = statement_text(&s);
    let row = |label: &str, amount: &str| format!("  {label:<58}{amount:>12}\n");
    let a = [
        "Visit on 2026-11-02 (claim A1)\n".to_owned(),
        row("2026-11-02  99213", "150.00"),
        row("2026-11-02  83036", "50.00"),
        row("Charged", "200.00"),
        row("Paid by Medicare Part B", "-100.00"),
        row("Adjusted by Medicare Part B (not billed to you)", "-48.00"),
        row("Your share", "52.00"),
        format!(
            "    {} 40.00, {} 12.00 (Medicare Part B)\n",
            words("1"),
            lower(words("2"))
        ),
        row("You paid", "-20.00"),
        row("You owe for this visit", "32.00"),
    ]
    .concat();
    assert!(text.contains(&a), "{text}");
    let b = [
        "Visit on 2026-11-16 (claim B1)\n".to_owned(),
        row("2026-11-16  97110", "100.00"),
        row("Charged", "100.00"),
        row("Your share", "100.00"),
        format!(
            "    Not paid by your plan: {} 100.00 (Medicare Part B)\n",
            lower(words("27"))
        ),
        row("You owe for this visit", "100.00"),
    ]
    .concat();
    assert!(text.contains(&b), "{text}");
    let summary = [
        "Summary\n".to_owned(),
        row("You owe on these visits", "132.00"),
        row("Payments not applied to a visit (credit)", "-5.00"),
        row("Amount due", "127.00"),
    ]
    .concat();
    assert!(text.contains(&summary), "{text}");
    assert!(text.starts_with(
        "Riverbend Family Medicine\n100 Main St\nSpringfield, IL 62701-2417\n\nSECOND STATEMENT\n\
         Statement date: 2027-01-05\nAccount: PA-7\nPatient: Jane Doe\nAmount due: $127.00\n\
         Please pay by: 2027-02-04\n\nTo:\n  Jane Doe\n  12 Elm St\n  Springfield, IL 62704\n"
    ), "{text}");
    assert!(text.contains("Second notice: "), "{text}");
    // Five buckets and the total, each right-aligned in 12 columns.
    let heads: String = ["0-30", "31-60", "61-90", "91-120", "over 120", "total"]
        .iter()
        .map(|h| format!("{h:>12}"))
        .collect();
    let figures: String = ["0.00", "100.00", "32.00", "0.00", "0.00", "132.00"]
        .iter()
        .map(|f| format!("{f:>12}"))
        .collect();
    assert!(
        text.ends_with(&format!(
            "What you owe by age (days since the date of service)\n  {heads}\n  {figures}\n"
        )),
        "{text}"
    );
}

#[test]
fn the_statement_as_html_is_one_escaped_page_with_nothing_outside_it() {
    let (ledger, mut claims) = two_visits();
    // A payer name with markup in it is printed as text.
    let mut a = claims_get(&claims, "A1");
    a.claim.payer.name = "<script>alert(1)</script> & Co".into();
    claims.insert(a);
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-05")).unwrap();
    let html = statement_html(&s);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(
        html.contains("Paid by &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    for outside in [
        "http:", "https:", "src=", "href=", "<link", "url(", "@import",
    ] {
        assert!(!html.contains(outside), "{outside} in {html}");
    }
    assert!(html.contains("<td class=\"amount\">127.00</td>"), "{html}");
    assert!(html.contains("<h1>Second statement</h1>"), "{html}");
}

fn claims_get(claims: &ClaimIndex, pcn: &str) -> ChargedClaim {
    use medbill::ledger::ChargedClaims;
    claims.charged(pcn).unwrap().into_owned()
}

#[test]
fn settled_visits_are_left_out_unless_asked_for_and_errors_name_no_patient() {
    let (mut ledger, claims) = two_visits();
    pay(&mut ledger, "PA-7", Some("A1"), "32.00", "2027-01-02");
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-05")).unwrap();
    assert_eq!(s.visits.len(), 1);
    assert_eq!(s.totals.owed_on_visits, m("100.00"));
    let all = StatementOptions {
        include_settled: true,
        ..on("2027-01-05")
    };
    let s = statement("PA-7", ledger.entries(), &claims, &all).unwrap();
    assert_eq!(s.visits.len(), 2);
    assert_eq!(s.visits[0].figures.owes, Money::ZERO);
    // The oldest share left is B1's, posted 2026-12-16: 20 days, the first statement.
    let dunning = s.dunning.unwrap();
    assert_eq!(dunning.owed_since, d("2026-12-16"));
    assert_eq!(dunning.stage, DunningStage::Statement1);

    // Before any entry of the patient's, and for a patient the books do not know.
    for (patient, date) in [("PA-7", "2026-11-01"), ("PA-QXZ-404", "2027-01-05")] {
        let error = statement(patient, ledger.entries(), &claims, &on(date)).unwrap_err();
        assert_eq!(error, StatementError::UnknownPatient);
        assert!(!error.to_string().contains("PA-"), "{error}");
    }
    // A claim on the books without its charged claim.
    let error = statement(
        "PA-7",
        ledger.entries(),
        &ClaimIndex::default(),
        &on("2027-01-05"),
    )
    .unwrap_err();
    assert_eq!(error, StatementError::ClaimNotCharged { position: 0 });
}

#[test]
fn dunning_starts_when_the_share_arose_and_moves_on_when_the_oldest_part_is_paid() {
    let (mut ledger, claims) = two_visits();
    let stage = |ledger: &Ledger, date: &str| {
        statement("PA-7", ledger.entries(), &claims, &on(date))
            .unwrap()
            .dunning
            .map(|d| (d.stage, d.owed_since))
    };
    // A1's share arose 2026-12-02: day 30 is 2027-01-01, day 61 is 2027-02-01, day 91
    // 2027-03-03, day 121 2027-04-02.
    let since = d("2026-12-02");
    assert_eq!(
        stage(&ledger, "2027-01-01"),
        Some((DunningStage::Statement1, since))
    );
    assert_eq!(
        stage(&ledger, "2027-01-02"),
        Some((DunningStage::Statement2, since))
    );
    assert_eq!(
        stage(&ledger, "2027-02-01"),
        Some((DunningStage::Statement3, since))
    );
    assert_eq!(
        stage(&ledger, "2027-03-03"),
        Some((DunningStage::FinalNotice, since))
    );
    assert_eq!(
        stage(&ledger, "2027-04-02"),
        Some((DunningStage::PastFinalNotice, since))
    );
    // Paying A1's 32.00 on 2027-02-10 leaves B1, owed since 2026-12-16: on 2027-02-11 that is
    // day 57, the second statement again.
    pay(&mut ledger, "PA-7", Some("A1"), "32.00", "2027-02-10");
    assert_eq!(
        stage(&ledger, "2027-02-11"),
        Some((DunningStage::Statement2, d("2026-12-16")))
    );
    // Nothing due, no dunning.
    pay(&mut ledger, "PA-7", Some("B1"), "100.00", "2027-02-12");
    assert_eq!(stage(&ledger, "2027-02-12"), None);
}

fn allocation(amount: &str, target: AllocationTarget) -> PaymentAllocationRequest {
    PaymentAllocationRequest {
        patient: "PA-7".into(),
        amount: m(amount),
        target,
        received: d("2027-01-06"),
        posted: d("2027-01-06"),
        check: Some("1042".into()),
    }
}

fn split(requests: &[PatientPaymentRequest]) -> Vec<(Option<&str>, Money)> {
    requests
        .iter()
        .map(|r| (r.claim.as_deref(), r.amount))
        .collect()
}

#[test]
fn a_payment_pays_the_oldest_visit_first_or_the_one_named_and_the_rest_stays_as_credit() {
    let (mut ledger, claims) = two_visits();
    // A1 (served 2026-11-02) owes 32, B1 (2026-11-16) owes 100.
    let fifty = allocate_payment(
        &allocation("50.00", AllocationTarget::OldestFirst),
        ledger.entries(),
    )
    .unwrap();
    assert_eq!(
        split(&fifty.requests),
        [(Some("A1"), m("32.00")), (Some("B1"), m("18.00"))]
    );
    assert_eq!((fifty.applied, fifty.unapplied), (m("50.00"), Money::ZERO));
    let to_b = allocate_payment(
        &allocation("120.00", AllocationTarget::Visit("B1".into())),
        ledger.entries(),
    )
    .unwrap();
    assert_eq!(
        split(&to_b.requests),
        [(Some("B1"), m("100.00")), (None, m("20.00"))]
    );
    assert_eq!(
        allocate_payment(
            &allocation("1.00", AllocationTarget::Visit("C1".into())),
            ledger.entries()
        ),
        Err(StatementError::UnknownClaim { field: "target" }),
        "C1 is PA-8's"
    );
    let all = allocate_payment(
        &allocation("150.00", AllocationTarget::OldestFirst),
        ledger.entries(),
    )
    .unwrap();
    assert_eq!(
        split(&all.requests),
        [
            (Some("A1"), m("32.00")),
            (Some("B1"), m("100.00")),
            (None, m("18.00"))
        ]
    );
    assert_eq!(all.requests[0].check.as_deref(), Some("1042"));
    // Entered with the ledger's own operation, the visits are paid and 18 + 5 stays as credit.
    for request in &all.requests {
        let entries = patient_payment(&ledger, request).unwrap();
        ledger.append_all(entries).unwrap();
    }
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-06")).unwrap();
    assert_eq!(s.totals.owed_on_visits, Money::ZERO);
    assert_eq!(s.totals.amount_due, m("-23.00"));
    assert!(s.dunning.is_none());
    // The credit is found and a refund of 23.00 proposed; entered, the account is square.
    let options = CreditOptions {
        as_of: d("2027-01-06"),
        refund_on: d("2027-01-07"),
        posted: d("2027-01-07"),
        hold_while_insurance_pending: true,
    };
    let found = credits(ledger.entries(), &options).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].patient, "PA-7");
    assert_eq!(found[0].unapplied_credit, m("23.00"));
    let CreditAction::Refund(request) = &found[0].action else {
        panic!("{:?}", found[0].action)
    };
    assert_eq!(
        (request.amount, request.paid),
        (m("23.00"), d("2027-01-07"))
    );
    let entry = refund(&ledger, request).unwrap();
    ledger.append(entry).unwrap();
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-07")).unwrap();
    assert_eq!(s.totals.amount_due, Money::ZERO);
    let after = CreditOptions {
        as_of: d("2027-01-07"),
        ..options
    };
    assert!(credits(ledger.entries(), &after).unwrap().is_empty());
}

/// PA-9's visit D1 (99213 100.00): paid 60, CO-45 20, PR-2 20; the patient pays the 20; the
/// payer then reverses and corrects to paid 70, PR-2 10: the patient paid 10 more than owed.
fn overpaid() -> (Ledger, ClaimIndex) {
    let (mut ledger, claims) = books(vec![
        visit("D1", "PA-9", "2026-11-10", &[("99213", "100.00")]),
        visit("D2", "PA-9", "2026-11-12", &[("97110", "40.00")]),
        visit("D3", "PA-9", "2026-11-13", &[("83036", "30.00")]),
    ]);
    post(
        &mut ledger,
        &claims,
        "T3",
        "60",
        "2026-12-02",
        "CLP*D1*1*100*60*20*MB*ICND1*11*1~SVC*HC:99213*100*60**1~CAS*CO*45*20~CAS*PR*2*20~REF*6R*D1-1~",
    );
    pay(&mut ledger, "PA-9", Some("D1"), "20.00", "2026-12-05");
    post(
        &mut ledger,
        &claims,
        "T4",
        "10",
        "2026-12-20",
        "CLP*D1*22*-100*-60*0*MB*ICND1*11*1~SVC*HC:99213*-100*-60**1~CAS*CO*45*-20~CAS*PR*2*-20~REF*6R*D1-1~\
CLP*D1*1*100*70*10*MB*ICND1*11*1~SVC*HC:99213*100*70**1~CAS*CO*45*20~CAS*PR*2*10~REF*6R*D1-1~",
    );
    (ledger, claims)
}

#[test]
fn a_visit_credit_is_refunded_for_what_is_left_and_held_while_a_payer_still_owes() {
    let (mut ledger, claims) = overpaid();
    let options = CreditOptions {
        as_of: d("2026-12-21"),
        refund_on: d("2026-12-22"),
        posted: d("2026-12-22"),
        hold_while_insurance_pending: true,
    };
    // D2 and D3 are still billed to Medicare: the credit of 10 is held.
    let found = credits(ledger.entries(), &options).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].claims.len(), 1);
    assert_eq!(
        (found[0].claims[0].claim.as_str(), found[0].claims[0].credit),
        ("D1", m("10.00"))
    );
    assert_eq!(found[0].insurance_pending, m("70.00"));
    assert_eq!(found[0].net_credit, m("10.00"));
    assert_eq!(
        found[0].action,
        CreditAction::Hold(CreditHold::InsurancePending)
    );
    let anyway = CreditOptions {
        hold_while_insurance_pending: false,
        ..options.clone()
    };
    let CreditAction::Refund(request) = &credits(ledger.entries(), &anyway).unwrap()[0].action
    else {
        panic!()
    };
    assert_eq!(request.amount, m("10.00"));
    // D2 paid in full; D3: paid 24, PR-3 6 (copay). The patient owes 6 on D3: 4 is refunded.
    post_d2_d3(&mut ledger, &claims, "6");
    let found = credits(ledger.entries(), &options).unwrap();
    assert_eq!(found[0].owed_on_other_visits, m("6.00"));
    assert_eq!(found[0].net_credit, m("4.00"));
    let CreditAction::Refund(request) = &found[0].action else {
        panic!("{:?}", found[0].action)
    };
    assert_eq!(
        (request.patient.as_str(), request.amount),
        ("PA-9", m("4.00"))
    );
    // With 12 owed on D3 instead, nothing is left to refund.
    let (mut ledger, claims) = overpaid();
    post_d2_d3(&mut ledger, &claims, "12");
    let found = credits(ledger.entries(), &options).unwrap();
    assert_eq!(found[0].net_credit, m("-2.00"));
    assert_eq!(
        found[0].action,
        CreditAction::Hold(CreditHold::OwedOnOtherVisits)
    );
}

/// D2 paid in full; D3 (30.00) paid but for a copay (PR-3) of `copay` dollars.
fn post_d2_d3(ledger: &mut Ledger, claims: &ClaimIndex, copay: &str) {
    let copay_cents: i64 = copay.parse::<i64>().unwrap() * 100;
    let paid = Money::from_cents(3000 - copay_cents).to_string();
    let total = Money::from_cents(4000 + 3000 - copay_cents).to_string();
    post(
        ledger,
        claims,
        "T5",
        &total,
        "2026-12-21",
        &format!(
            "CLP*D2*1*40*40*0*MB*ICND2*11*1~SVC*HC:97110*40*40**1~REF*6R*D2-1~\
CLP*D3*1*30*{paid}*{copay}*MB*ICND3*11*1~SVC*HC:83036*30*{paid}**1~CAS*PR*3*{copay}~REF*6R*D3-1~"
        ),
    );
}

#[test]
fn a_small_old_balance_is_written_off_by_rule_and_a_new_one_is_not() {
    // E1 (PA-11): paid 76, CO-45 20, PR-2 4, posted 2026-12-02. F1 (PA-12): CO-45 20, PR-1 80,
    // posted 2026-12-02; the patient pays 78 of it on 2027-01-22. F2 (PA-12): paid 27, PR-3 3,
    // posted 2027-01-25.
    let (mut ledger, claims) = books(vec![
        visit("E1", "PA-11", "2026-11-10", &[("99213", "100.00")]),
        visit("F1", "PA-12", "2026-11-10", &[("99213", "100.00")]),
        visit("F2", "PA-12", "2026-11-20", &[("97110", "30.00")]),
    ]);
    post(
        &mut ledger,
        &claims,
        "T6",
        "76",
        "2026-12-02",
        "CLP*E1*1*100*76*4*MB*ICNE1*11*1~SVC*HC:99213*100*76**1~CAS*CO*45*20~CAS*PR*2*4~REF*6R*E1-1~\
CLP*F1*1*100*0*80*MB*ICNF1*11*1~SVC*HC:99213*100*0**1~CAS*CO*45*20~CAS*PR*1*80~REF*6R*F1-1~",
    );
    pay(&mut ledger, "PA-12", Some("F1"), "78.00", "2027-01-22");
    post(
        &mut ledger,
        &claims,
        "T9",
        "27",
        "2027-01-25",
        "CLP*F2*1*30*27*3*MB*ICNF2*11*1~SVC*HC:97110*30*27**1~CAS*PR*3*3~REF*6R*F2-1~",
    );
    let rule = SmallBalanceRule {
        threshold: m("5.00"),
        older_than_days: 60,
        reason: "small balance".into(),
    };
    let line = |patient: &str, claim: &str| {
        Account::Line(LineAccount {
            patient: patient.into(),
            claim: claim.into(),
            line: 0,
        })
    };
    // 2026-12-02 to 2027-01-31 is 60 days: not more than 60.
    assert!(
        small_balance_write_offs(ledger.entries(), &rule, d("2027-01-31"), d("2027-01-31"))
            .unwrap()
            .is_empty()
    );
    // On 2027-02-01 E1's 4.00 is 61 days old. PA-12 owes 2.00 + 3.00 = 5.00, but its newest
    // part (F2's) arose 7 days before: not yet.
    let requests =
        small_balance_write_offs(ledger.entries(), &rule, d("2027-02-01"), d("2027-02-01"))
            .unwrap();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.account, line("PA-11", "E1"));
    assert_eq!(
        (request.party.clone(), request.amount),
        (Party::Patient, m("4.00"))
    );
    assert_eq!(request.reason, "small balance");
    assert_eq!(
        (request.effective, request.posted),
        (d("2027-02-01"), d("2027-02-01"))
    );
    let entry = write_off(&ledger, request).unwrap();
    ledger.append(entry).unwrap();
    let options = StatementOptions {
        include_settled: true,
        ..on("2027-02-01")
    };
    let s = statement("PA-11", ledger.entries(), &claims, &options).unwrap();
    assert_eq!(s.visits[0].figures.share_written_off, m("4.00"));
    assert_eq!(s.totals.amount_due, Money::ZERO);
    // 2027-01-25 to 2027-03-27 is 61 days: PA-12's 5.00 goes, the oldest visit first.
    let requests =
        small_balance_write_offs(ledger.entries(), &rule, d("2027-03-27"), d("2027-03-27"))
            .unwrap();
    let got: Vec<(Account, Money)> = requests
        .iter()
        .map(|r| (r.account.clone(), r.amount))
        .collect();
    assert_eq!(
        got,
        [
            (line("PA-12", "F1"), m("2.00")),
            (line("PA-12", "F2"), m("3.00"))
        ]
    );
    // Over the threshold, nothing.
    let strict = SmallBalanceRule {
        threshold: m("4.99"),
        ..rule.clone()
    };
    assert!(
        small_balance_write_offs(ledger.entries(), &strict, d("2027-03-27"), d("2027-03-27"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn why_do_i_owe_this_is_answered_for_the_patient_from_the_entries() {
    let (ledger, claims) = two_visits();
    let answer = explain_to_patient("A1", ledger.entries(), &claims, d("2027-01-05")).unwrap();
    assert_eq!(
        answer.sentences,
        [
            "Your visit on 2026-11-02 (claim A1): we charged 200.00 for 2 services: 99213 150.00, 83036 50.00.".to_owned(),
            "Medicare Part B paid 100.00.".to_owned(),
            format!(
                "Medicare Part B took 48.00 off the charges ({} 48.00); you are not billed for that part.",
                words("45")
            ),
            format!(
                "Medicare Part B made 52.00 your share: {} 40.00, {} 12.00.",
                words("1"),
                lower(words("2"))
            ),
            "You paid 20.00 on 2026-12-10.".to_owned(),
            "You owe 32.00 for this visit.".to_owned(),
        ]
    );
    let b = explain_to_patient("B1", ledger.entries(), &claims, d("2027-01-05")).unwrap();
    assert_eq!(
        b.sentences[1],
        format!(
            "Medicare Part B did not pay this visit: {} 100.00.",
            words("27")
        )
    );
    assert_eq!(
        b.sentences.last().unwrap(),
        "You owe 100.00 for this visit."
    );
    // Before the 835, the visit waits on Medicare.
    let early = explain_to_patient("A1", ledger.entries(), &claims, d("2026-11-30")).unwrap();
    assert_eq!(
        early.sentences[1],
        "We billed Medicare Part B 200.00 and are waiting for its answer; you are not asked to pay that while we wait."
    );
    assert_eq!(
        early.sentences.last().unwrap(),
        "You owe nothing for this visit."
    );
    assert_eq!(
        explain_to_patient("C9", ledger.entries(), &claims, d("2027-01-05")).unwrap_err(),
        StatementError::UnknownClaim { field: "claim" }
    );
}

#[test]
fn a_line_denied_on_a_paid_visit_is_told_apart_from_the_contract() {
    // J1: 99213 150.00 paid 100 (CO-45 30, PR-2 20); 97110 50.00 denied CO-97 (bundled).
    let (mut ledger, claims) = books(vec![visit(
        "J1",
        "PA-15",
        "2026-11-10",
        &[("99213", "150.00"), ("97110", "50.00")],
    )]);
    post(
        &mut ledger,
        &claims,
        "T11",
        "100",
        "2026-12-02",
        "CLP*J1*1*200*100*20*MB*ICNJ1*11*1~\
SVC*HC:99213*150*100**1~CAS*CO*45*30~CAS*PR*2*20~REF*6R*J1-1~\
SVC*HC:97110*50*0**1~CAS*CO*97*50~REF*6R*J1-2~",
    );
    let answer = explain_to_patient("J1", ledger.entries(), &claims, d("2026-12-03")).unwrap();
    assert_eq!(
        answer.sentences[1..],
        [
            "Medicare Part B paid 100.00.".to_owned(),
            format!(
                "Medicare Part B did not pay part of this visit: {} 50.00.",
                words("97")
            ),
            format!(
                "Medicare Part B took 30.00 off the charges ({} 30.00); you are not billed for that part.",
                words("45")
            ),
            format!(
                "Medicare Part B made 20.00 your share: {} 20.00.",
                words("2")
            ),
            "You owe 20.00 for this visit.".to_owned(),
        ]
    );
    // The statement's figures: 80.00 of payer adjustments in all (30 + 50).
    let s = statement("PA-15", ledger.entries(), &claims, &on("2026-12-03")).unwrap();
    assert_eq!(s.visits[0].figures.insurance_adjusted, m("80.00"));
    assert_eq!(s.visits[0].figures.owes, m("20.00"));
}

#[test]
fn a_denial_the_practice_moves_to_the_patient_is_told_as_the_practices() {
    // H1 (99213 100.00): denied OA-50 (not medically necessary), which stays with Medicare;
    // with an ABN on file, the practice moves the 100.00 to the patient.
    let (mut ledger, claims) = books(vec![visit(
        "H1",
        "PA-14",
        "2026-11-10",
        &[("99213", "100.00")],
    )]);
    post(
        &mut ledger,
        &claims,
        "T10",
        "0",
        "2026-12-02",
        "CLP*H1*4*100*0*0*MB*ICNH1*11*1~SVC*HC:99213*100*0**1~CAS*OA*50*100~REF*6R*H1-1~",
    );
    let entries = transfer(
        &ledger,
        &TransferRequest {
            account: Account::Line(LineAccount {
                patient: "PA-14".into(),
                claim: "H1".into(),
                line: 0,
            }),
            from: Party::Primary("00952".into()),
            to: Party::Patient,
            amount: m("100.00"),
            effective: d("2026-12-05"),
            posted: d("2026-12-05"),
        },
    )
    .unwrap();
    ledger.append_all(entries).unwrap();
    let answer = explain_to_patient("H1", ledger.entries(), &claims, d("2026-12-06")).unwrap();
    assert_eq!(
        answer.sentences,
        [
            "Your visit on 2026-11-10 (claim H1): we charged 100.00 for 1 service: 99213 100.00."
                .to_owned(),
            format!(
                "Medicare Part B did not pay this visit: {} 100.00.",
                words("50")
            ),
            "Moved to you by our office from Medicare Part B 100.00.".to_owned(),
            "You owe 100.00 for this visit.".to_owned(),
        ]
    );
    let s = statement("PA-14", ledger.entries(), &claims, &on("2026-12-06")).unwrap();
    let visit = &s.visits[0];
    assert_eq!(visit.share[0].reason, ShareReason::MovedByPractice);
    assert_eq!(visit.figures.patient_share, m("100.00"));
    assert_eq!(visit.payers[0].moved_on, m("100.00"));
    assert_eq!(visit.owed_since, Some(d("2026-12-05")));
}

#[test]
fn a_secondary_payer_is_explained_between_the_primary_and_the_patient() {
    // RULES.md §5: the primary pays 64, CO-45 20, PR-2 16 goes to the secondary; the secondary
    // pays 12 (OA-23 84, the primary's part, stays) and its PR-3 4 goes to the patient.
    let mut c = visit("G1", "PA-13", "2026-11-10", &[("99213", "100.00")]);
    c.claim.other_payers = vec![medbill::from_json(
        r#"{"payer":{"name":"Prairie Supplemental","payerId":"PSUP1","claimFilingIndicator":"CI"},
            "responsibility":"secondary","relationship":"18",
            "subscriberName":{"last":"Doe","first":"Jane"},"subscriberMemberId":"SUP998877"}"#,
    )
    .unwrap()];
    let (mut ledger, mut claims) = books(vec![c]);
    let first = ledger
        .post_remittance(
            &remittance(
                "T7",
                "64",
                "CLP*G1*1*100*64*16*MB*ICNG1*11*1~SVC*HC:99213*100*64**1~CAS*CO*45*20~CAS*PR*2*16~REF*6R*G1-1~",
            ),
            &claims,
            &PostOptions::on(d("2026-12-02")),
        )
        .unwrap();
    claims.insert(first.secondary_claims[0].clone());
    let waiting = explain_to_patient("G1", ledger.entries(), &claims, d("2026-12-03")).unwrap();
    assert!(
        waiting.sentences.contains(
            &"Medicare Part B passed 16.00 on to your next plan, which we billed.".to_owned()
        ),
        "{:?}",
        waiting.sentences
    );
    assert!(waiting.sentences.contains(
        &"We billed Prairie Supplemental 16.00 and are waiting for its answer; you are not asked to pay that while we wait.".to_owned()
    ), "{:?}", waiting.sentences);
    post(
        &mut ledger,
        &claims,
        "T8",
        "12",
        "2026-12-20",
        "CLP*G1*2*100*12*4*CI*SUPG1*11*1~SVC*HC:99213*100*12**1~CAS*OA*23*84~CAS*PR*3*4~REF*6R*G1-1~",
    );
    let answer = explain_to_patient("G1", ledger.entries(), &claims, d("2026-12-21")).unwrap();
    assert_eq!(
        answer.sentences[1..],
        [
            "Medicare Part B paid 64.00.".to_owned(),
            format!(
                "Medicare Part B took 20.00 off the charges ({} 20.00); you are not billed for that part.",
                words("45")
            ),
            "Medicare Part B passed 16.00 on to your next plan, which we billed.".to_owned(),
            "Prairie Supplemental paid 12.00.".to_owned(),
            format!(
                "Prairie Supplemental made 4.00 your share: {} 4.00.",
                words("3")
            ),
            "You owe 4.00 for this visit.".to_owned(),
        ]
    );
    let payer = explain_to_payer("G1", ledger.entries(), &claims, d("2026-12-21")).unwrap();
    assert_eq!(payer.payer_claim_numbers, ["ICNG1", "SUPG1"]);
    assert_eq!(payer.patient_responsibility, m("4.00"));
    assert_eq!(
        payer.sentences[3],
        "Prairie Supplemental (secondary, PSUP1), claim number SUPG1: paid (remittance T8 of 2026-12-01); billed 16.00, paid 12.00, adjustments OA-23 84.00, PR-3 4.00; balance with this payer 0.00."
    );
}

#[test]
fn a_payer_inquiry_gets_claim_numbers_dates_codes_amounts_and_status() {
    let (ledger, claims) = two_visits();
    let answer = explain_to_payer("A1", ledger.entries(), &claims, d("2027-01-05")).unwrap();
    assert_eq!(
        answer.sentences,
        [
            "Claim A1, billed 2026-11-20: dates of service 2026-11-02, 2 lines, charged 200.00.",
            "Line 1: 2026-11-02 99213, charged 150.00.",
            "Line 2: 2026-11-02 83036, charged 50.00.",
            "Medicare Part B (primary, 00952), claim number ICNA1: paid (remittance T1 of 2026-12-01); billed 200.00, paid 100.00, adjustments CO-45 48.00, PR-1 40.00, PR-2 12.00; balance with this payer 0.00.",
            "Patient responsibility assigned by the payers: 52.00.",
        ]
    );
    assert_eq!(answer.payer_claim_numbers, ["ICNA1"]);
    assert_eq!(answer.charged, m("200.00"));
    assert_eq!(answer.patient_responsibility, m("52.00"));
    let json = medbill::to_json(&answer).unwrap();
    for patient_data in [
        "Doe",
        "Jane",
        "XJH123456789",
        "1958-04-12",
        "Elm",
        "PA-7",
        "20.00",
    ] {
        assert!(!json.contains(patient_data), "{patient_data} in {json}");
    }
}

/// Patient data a payer's answer must not carry.
#[derive(Debug, Clone)]
struct Canaries {
    last: String,
    first: String,
    member_id: String,
    birth_date: String,
    street: String,
    city: String,
}

fn canaries() -> impl proptest::strategy::Strategy<Value = Canaries> {
    use proptest::strategy::Strategy;
    (
        "[A-Z][a-z]{7}",
        "[A-Z][a-z]{7}",
        "[A-Z]{3}[0-9]{9}",
        (1900i32..2000, 1u32..13, 1u32..29),
        "[0-9]{4} [A-Z][a-z]{6} Lane",
        "[A-Z][a-z]{8}ville",
    )
        .prop_map(
            |(last, first, member_id, (y, mo, da), street, city)| Canaries {
                last: format!("Qx{last}"),
                first: format!("Qy{first}"),
                member_id,
                birth_date: format!("{y:04}-{mo:02}-{da:02}"),
                street,
                city,
            },
        )
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 24, ..Default::default() })]

    /// A payer asking about a claim gets its numbers, dates, codes, amounts and status, and
    /// none of the patient's name, address, birth date or member id (the claim carries them
    /// as canaries, for the patient and the subscriber); nor does the patient's own
    /// explanation or any error.
    #[test]
    fn a_payer_inquiry_answers_without_the_patients_data(c in canaries()) {
        let person = serde_json::json!({"last": c.last, "first": c.first});
        let address = serde_json::json!({
            "lines": [c.street], "city": c.city, "state": "IL", "postalCode": "62704"
        });
        let dress = |mut claim: ChargedClaim| {
            let mut value = serde_json::to_value(&claim.claim).unwrap();
            value["subscriber"]["memberId"] = serde_json::json!(c.member_id);
            value["subscriber"]["name"] = person.clone();
            value["subscriber"]["birthDate"] = serde_json::json!(c.birth_date);
            value["subscriber"]["address"] = address.clone();
            value["patient"] = serde_json::json!({
                "relationship": "19", "name": person, "birthDate": c.birth_date,
                "sex": "female", "address": address
            });
            value["subscriber"]["name"]["last"] = serde_json::json!(format!("{}son", c.last));
            claim.claim = medbill::from_json(&value.to_string()).unwrap();
            claim
        };
        let (ledger, plain) = two_visits();
        let claims = ClaimIndex::new(
            ["A1", "B1", "C1"].iter().map(|pcn| dress(claims_get(&plain, pcn))).collect(),
        );
        let leaks = |text: &str| {
            [&c.last, &c.first, &c.member_id, &c.birth_date, &c.street, &c.city]
                .into_iter()
                .filter(|canary| text.contains(canary.as_str()))
                .cloned()
                .collect::<Vec<String>>()
        };
        for claim in ["A1", "B1"] {
            let payer = explain_to_payer(claim, ledger.entries(), &claims, d("2027-01-05")).unwrap();
            let json = medbill::to_json(&payer).unwrap();
            proptest::prop_assert!(leaks(&json).is_empty(), "{:?} in {json}", leaks(&json));
            let patient = explain_to_patient(claim, ledger.entries(), &claims, d("2027-01-05")).unwrap();
            let json = medbill::to_json(&patient).unwrap();
            proptest::prop_assert!(leaks(&json).is_empty(), "{:?} in {json}", leaks(&json));
        }
        // The statement is the patient's own: it is addressed by name, but its Debug form
        // (what a log would show) redacts them.
        let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-05")).unwrap();
        let text = statement_text(&s);
        let mailed_to = format!("{} {}son", c.first, c.last);
        let patient_line = format!("Patient: {} {}", c.first, c.last);
        proptest::prop_assert!(text.contains(&c.street) && text.contains(&mailed_to), "{}", text);
        proptest::prop_assert!(text.contains(&patient_line), "{}", text);
        let debug = format!("{s:?}");
        proptest::prop_assert!(leaks(&debug).is_empty(), "{:?} in {debug}", leaks(&debug));
        // Errors name fields and positions only.
        let errors = [
            statement(&c.last, ledger.entries(), &claims, &on("2027-01-05")).unwrap_err(),
            explain_to_payer(&c.member_id, ledger.entries(), &claims, d("2027-01-05")).unwrap_err(),
            statement("PA-7", ledger.entries(), &ClaimIndex::default(), &on("2027-01-05")).unwrap_err(),
        ];
        for error in errors {
            let message = error.to_string();
            proptest::prop_assert!(leaks(&message).is_empty(), "{message}");
        }
    }
}

#[test]
fn the_json_forms_read_back_take_defaults_and_refuse_unknown_fields() {
    use medbill::statement::{PaymentPlan, PlanRequest, Statement, VisitExplanation};
    let (ledger, claims) = two_visits();
    let s = statement("PA-7", ledger.entries(), &claims, &on("2027-01-05")).unwrap();
    let json = medbill::to_json(&s).unwrap();
    assert!(json.contains("\"amountDue\":\"127.00\""), "{json}");
    let back: Statement = medbill::from_json(&json).unwrap();
    assert_eq!(back, s);
    let answer = medbill::statement::explain(
        "A1",
        ledger.entries(),
        &claims,
        d("2027-01-05"),
        medbill::statement::Audience::Payer,
    )
    .unwrap();
    let back: VisitExplanation = medbill::from_json(&medbill::to_json(&answer).unwrap()).unwrap();
    assert_eq!(back, answer);
    // Options: only the date is required.
    let options: StatementOptions = medbill::from_json(r#"{"asOf":"2027-01-05"}"#).unwrap();
    assert_eq!(options, on("2027-01-05"));
    assert!(medbill::from_json::<StatementOptions>(r#"{"asOf":"2027-01-05","color":1}"#).is_err());
    let request: PlanRequest = medbill::from_json(
        r#"{"balance":"25.00","terms":{"installments":3},"every":"monthly",
            "opened":"2027-01-05","first":"2027-01-31"}"#,
    )
    .unwrap();
    assert_eq!((request.grace_days, request.default_after_missed), (0, 2));
    let plan = medbill::statement::payment_plan(&request).unwrap();
    let back: PaymentPlan = medbill::from_json(&medbill::to_json(&plan).unwrap()).unwrap();
    assert_eq!(back, plan);
    assert!(
        medbill::to_json(&plan)
            .unwrap()
            .contains("\"amount\":\"8.34\"")
    );
}

#[test]
fn every_refusal_has_a_stable_code() {
    use medbill::ErrorCode;
    let (ledger, claims) = two_visits();
    let code = |e: StatementError| e.code();
    assert_eq!(
        code(statement("PA-404", ledger.entries(), &claims, &on("2027-01-05")).unwrap_err()),
        "STATEMENT_UNKNOWN_PATIENT"
    );
    assert_eq!(
        code(statement("", ledger.entries(), &claims, &on("2027-01-05")).unwrap_err()),
        "STATEMENT_MISSING"
    );
    assert_eq!(
        code(explain_to_payer("Z9", ledger.entries(), &claims, d("2027-01-05")).unwrap_err()),
        "STATEMENT_UNKNOWN_CLAIM"
    );
    assert_eq!(
        code(
            statement(
                "PA-7",
                ledger.entries(),
                &ClaimIndex::default(),
                &on("2027-01-05")
            )
            .unwrap_err()
        ),
        "STATEMENT_CLAIM_NOT_CHARGED"
    );
    assert_eq!(
        code(
            allocate_payment(
                &allocation("0.00", AllocationTarget::OldestFirst),
                ledger.entries()
            )
            .unwrap_err()
        ),
        "STATEMENT_NOT_POSITIVE"
    );
    let mut policy = on("2027-01-05");
    policy.dunning.steps.clear();
    assert_eq!(
        code(statement("PA-7", ledger.entries(), &claims, &policy).unwrap_err()),
        "STATEMENT_POLICY"
    );
    // A first due date the day before the plan is opened, or the day after.
    let plan = |balance: &str, terms, first: &str| {
        medbill::statement::payment_plan(&medbill::statement::PlanRequest {
            balance: m(balance),
            terms,
            every: medbill::statement::PlanFrequency::Weekly,
            opened: d("2027-01-05"),
            first: d(first),
            grace_days: 0,
            default_after_missed: 2,
        })
        .unwrap_err()
    };
    use medbill::statement::PlanTerms;
    assert_eq!(
        code(plan("10.00", PlanTerms::Installments(2), "2027-01-04")),
        "STATEMENT_DATE"
    );
    assert_eq!(
        code(plan("10.001", PlanTerms::Installments(2), "2027-01-06")),
        "STATEMENT_SUB_CENT"
    );
    assert_eq!(
        code(plan("10.00", PlanTerms::Installments(5000), "2027-01-06")),
        "PLAN_TOO_MANY_INSTALLMENTS"
    );
    assert_eq!(code(StatementError::NothingOwed), "STATEMENT_NOTHING_OWED");
}
