//! Nothing invented, overflow never a pass: an amount the 835 guide requires that is
//! missing or unreadable is absent (`null` in JSON) with an error finding and the balancing
//! that needs it says it cannot be made; a balancing sum that overflows is an error finding
//! on every path (line, claim, CLP05 against PR, PLB and the transaction, the 837 COB
//! loops), never `balanced`. Also the one conversion of an 835 claim for coordination.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use chrono::NaiveDate;
use medbill::benefits::{Adjustment, BenefitsError, CobMethod, CoordinatedLine, Coordination};
use medbill::claim::OtherPayer;
use medbill::codes::{Carc, GroupCode};
use medbill::remit::{OtherPayerError, PriorAdjudication, PriorPayer, PriorRemittance};
use medbill::x12::{RemitReader, read_835};
use medbill::{Claim, Money, X12File};
use proptest::prelude::*;
use support::m;

const ISA: &str = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261127*1200*^*00501*000000001*0*P*:~GS*HP*P*C*20261127*1200*1*X*005010X221A1~";

/// One 835 set: `bpr` (segment 4), then N1*PR, N1*PE (5, 6), LX (7) and `body` from segment 8.
fn set(bpr: &str, body: &str) -> String {
    // ST, BPR, N1, N1, LX, the body and SE.
    let count = 5 + body.matches('~').count() + 1;
    format!(
        "{ISA}ST*835*0001~{bpr}~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~{body}SE*{count}*0001~GE*1*1~IEA*1*000000001~"
    )
}

const BPR: &str = "BPR*I*80.00*C*CHK************20261127";

/// (rule, path, severity) of every finding but the envelope's.
fn findings(text: &str) -> Vec<(String, String, String)> {
    let r = &read_835(text.as_bytes()).unwrap()[0];
    r.findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.path.clone(),
                f.severity.as_str().to_owned(),
            )
        })
        .collect()
}

fn triples(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected
        .iter()
        .map(|(r, p, s)| ((*r).to_owned(), (*p).to_owned(), (*s).to_owned()))
        .collect()
}

#[test]
fn a_missing_charge_or_payment_is_absent_never_zero() {
    // The issue's case: CLP03 and CLP04 left out. Both absent, `null` in JSON, each an
    // error naming its position; the claim and the transaction cannot be balanced. The
    // line (100 − 20 = 80) still balances.
    let text = set(BPR, "CLP*A*1***5*12*X~SVC*HC:99213*100*80~CAS*CO*45*20~");
    assert_eq!(
        findings(&text),
        triples(&[
            ("REMIT-AMOUNT-MISSING", "segment 8 CLP03", "error"),
            ("REMIT-AMOUNT-MISSING", "segment 8 CLP04", "error"),
            ("REMIT-CLAIM-CANNOT-BALANCE", "/claims/0", "error"),
            // CLP05 = 5 but no PR adjustment: the patient responsibility is checked.
            (
                "REMIT-PATIENT-RESPONSIBILITY-BALANCE",
                "/claims/0/patientResponsibility",
                "warning"
            ),
            (
                "REMIT-TRANSACTION-CANNOT-BALANCE",
                "/payment/amount",
                "error"
            ),
        ])
    );
    let file = medbill::read_x12(text.as_bytes()).unwrap();
    let claim = &file.remittances[0].claims[0];
    assert_eq!((claim.charge, claim.paid), (None, None));
    let json = serde_json::to_value(claim).unwrap();
    assert_eq!(
        (&json["charge"], &json["paid"]),
        (&serde_json::Value::Null, &serde_json::Value::Null)
    );
    let summary = &file.summaries()[0];
    assert_eq!(
        (summary.charge, summary.paid, summary.balanced),
        (None, None, None),
        "no sum and no verdict made up from zero"
    );
    assert!(!file.is_clean());
}

/// What is missing, the BPR and body of the set, and the findings expected.
type Case = (&'static str, &'static str, &'static str, Expected);
type Expected = &'static [(&'static str, &'static str, &'static str)];

#[test]
fn every_required_amount_missing_or_unreadable_is_absent_with_a_finding() {
    // (what, body and BPR, expected findings). Hand-computed from RULES.md §8: a line
    // needs SVC02, SVC03 and its CAS amounts; a claim CLP03, CLP04 and every CAS amount;
    // the transaction BPR02, every CLP04 and every PLB amount.
    let cases: [Case; 6] = [
        (
            "SVC02 missing",
            BPR,
            "CLP*A*1*100*80**12*X~SVC*HC:99213**80~CAS*CO*45*20~",
            &[
                ("REMIT-AMOUNT-MISSING", "segment 9 SVC02", "error"),
                ("REMIT-LINE-CANNOT-BALANCE", "/claims/0/lines/0", "error"),
            ],
        ),
        (
            "SVC03 unreadable",
            BPR,
            "CLP*A*1*100*80**12*X~SVC*HC:99213*100*8O~CAS*CO*45*20~",
            &[
                ("REMIT-AMOUNT", "segment 9 SVC03", "error"),
                ("REMIT-LINE-CANNOT-BALANCE", "/claims/0/lines/0", "error"),
            ],
        ),
        (
            "a CAS amount missing",
            BPR,
            "CLP*A*1*100*80**12*X~SVC*HC:99213*100*80~CAS*CO*45~",
            &[
                ("REMIT-AMOUNT-MISSING", "segment 10 CAS03", "error"),
                ("REMIT-LINE-CANNOT-BALANCE", "/claims/0/lines/0", "error"),
                ("REMIT-CLAIM-CANNOT-BALANCE", "/claims/0", "error"),
            ],
        ),
        (
            "a PR amount missing, CLP05 sent",
            BPR,
            "CLP*A*1*100*80*20*12*X~SVC*HC:99213*100*80~CAS*PR*1~",
            &[
                ("REMIT-AMOUNT-MISSING", "segment 10 CAS03", "error"),
                ("REMIT-LINE-CANNOT-BALANCE", "/claims/0/lines/0", "error"),
                ("REMIT-CLAIM-CANNOT-BALANCE", "/claims/0", "error"),
                (
                    "REMIT-PATIENT-RESPONSIBILITY-CANNOT-BALANCE",
                    "/claims/0/patientResponsibility",
                    "error",
                ),
            ],
        ),
        (
            "BPR02 missing",
            "BPR*I**C*CHK************20261127",
            "CLP*A*1*100*80**12*X~SVC*HC:99213*100*80~CAS*CO*45*20~",
            &[
                ("REMIT-AMOUNT-MISSING", "segment 4 BPR02", "error"),
                (
                    "REMIT-TRANSACTION-CANNOT-BALANCE",
                    "/payment/amount",
                    "error",
                ),
            ],
        ),
        (
            "a PLB amount missing",
            BPR,
            "CLP*A*1*100*80**12*X~SVC*HC:99213*100*80~CAS*CO*45*20~PLB*1234567893*20261231*WO~",
            &[
                ("REMIT-AMOUNT-MISSING", "segment 11 PLB04", "error"),
                (
                    "REMIT-TRANSACTION-CANNOT-BALANCE",
                    "/payment/amount",
                    "error",
                ),
            ],
        ),
    ];
    for (what, bpr, body, expected) in cases {
        let text = set(bpr, body);
        assert_eq!(findings(&text), triples(expected), "{what}");
        let file = medbill::read_x12(text.as_bytes()).unwrap();
        assert_eq!(file.summaries()[0].balanced, None, "{what}: never balanced");
        // The writer never writes a zero it was not given.
        let error = medbill::x12::write_835(&file.remittances, &envelope()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("the amount the guide requires is missing"),
            "{what}: {error}"
        );
    }
    // The model says which: the line's charge, the adjustment's amount, BPR02, PLB04.
    let r = &read_835(set(BPR, "CLP*A*1*100*80**12*X~SVC*HC:99213**80~CAS*CO*45~").as_bytes())
        .unwrap()[0];
    assert_eq!(r.claims[0].lines[0].charge, None);
    assert_eq!(r.claims[0].lines[0].adjustments[0].amount, None);
    assert_eq!(r.claims[0].lines[0].paid, Some(m("80")));
}

fn envelope() -> medbill::x12::Envelope {
    medbill::from_json(
        r#"{"senderId":"PAYER","receiverId":"CLINIC","interchangeControlNumber":1,"groupControlNumber":1,"date":"2026-11-27","time":"12:00:00"}"#,
    )
    .unwrap()
}

/// Decimal's largest value: sums beyond it overflow.
const MAX: i128 = 79_228_162_514_264_337_593_543_950_335;

/// A whole amount: small, or huge (a quarter of the largest decimal or more).
fn amount() -> impl Strategy<Value = i128> + Clone {
    prop_oneof![3 => 0i128..100_000, 1 => (MAX / 4)..=MAX]
}

/// A claim: its CLP05 (when sent), claim-level CAS (group PR or CO) and lines, each with a
/// charge and its CAS amounts.
#[derive(Debug, Clone)]
struct Spec {
    paid: i128,
    responsibility: Option<i128>,
    claim_cas: Vec<(bool, i128)>,
    lines: Vec<LineSpec>,
}

/// A line's charge, payment and CAS (PR or not, amount).
type LineSpec = (i128, i128, Vec<(bool, i128)>);

fn spec() -> impl Strategy<Value = Spec> {
    let cas = || prop::collection::vec((any::<bool>(), amount()), 0..4);
    (
        amount(),
        prop::option::of(amount()),
        cas(),
        prop::collection::vec((amount(), amount(), cas()), 1..12),
    )
        .prop_map(|(paid, responsibility, claim_cas, lines)| Spec {
            paid,
            responsibility,
            claim_cas,
            lines,
        })
}

fn cas_segments(list: &[(bool, i128)]) -> String {
    list.iter()
        .map(|(pr, a)| format!("CAS*{}*45*{a}~", if *pr { "PR" } else { "CO" }))
        .collect()
}

/// Whether adding up `amounts` (all zero or more) passes Decimal's largest value: then the
/// sum overflows, wherever it is added up.
fn overflows(amounts: impl IntoIterator<Item = i128>) -> bool {
    amounts
        .into_iter()
        .try_fold(0i128, |sum, a| {
            let sum = sum.checked_add(a)?;
            (sum <= MAX).then_some(sum)
        })
        .is_none()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every balancing path with huge amounts: the expected overflows computed apart (in
    /// 128-bit integers, which hold these sums exactly), each an error finding; and a
    /// remittance with any overflow is never called balanced, by the reader, by
    /// `Remittance::balance`, by the summary or by the streamed tally.
    #[test]
    fn a_balancing_sum_that_overflows_is_an_error_never_a_pass(
        claims in prop::collection::vec(spec(), 1..6),
        plb in prop::collection::vec(amount(), 0..4),
        bpr in amount(),
    ) {
        let mut body = String::new();
        let mut expected: Vec<(String, String)> = Vec::new();
        for (c, claim) in claims.iter().enumerate() {
            let charge: i128 = claim.lines.iter().map(|l| l.0).min().unwrap_or(0);
            body.push_str(&format!(
                "CLP*PCN{c}*1*{charge}*{}*{}*12*X~",
                claim.paid,
                claim.responsibility.map(|r| r.to_string()).unwrap_or_default()
            ));
            body.push_str(&cas_segments(&claim.claim_cas));
            let mut all: Vec<i128> = claim.claim_cas.iter().map(|c| c.1).collect();
            let mut pr: Vec<i128> = claim.claim_cas.iter().filter(|c| c.0).map(|c| c.1).collect();
            for (l, (charge, paid, cas)) in claim.lines.iter().enumerate() {
                body.push_str(&format!("SVC*HC:99213*{charge}*{paid}~"));
                body.push_str(&cas_segments(cas));
                if overflows(cas.iter().map(|c| c.1)) {
                    expected.push(("REMIT-LINE-OVERFLOW".into(), format!("/claims/{c}/lines/{l}")));
                }
                all.extend(cas.iter().map(|c| c.1));
                pr.extend(cas.iter().filter(|c| c.0).map(|c| c.1));
            }
            if overflows(all) {
                expected.push(("REMIT-CLAIM-OVERFLOW".into(), format!("/claims/{c}")));
            }
            if claim.responsibility.is_some() && overflows(pr) {
                expected.push((
                    "REMIT-PATIENT-RESPONSIBILITY-OVERFLOW".into(),
                    format!("/claims/{c}/patientResponsibility"),
                ));
            }
        }
        if !plb.is_empty() {
            body.push_str("PLB*1234567893*20261231");
            for a in &plb {
                body.push_str(&format!("*L6*{a}"));
            }
            body.push('~');
        }
        if overflows(claims.iter().map(|c| c.paid)) || overflows(plb.iter().copied()) {
            expected.push(("REMIT-TRANSACTION-OVERFLOW".into(), "/payment/amount".into()));
        }
        let text = set(&format!("BPR*I*{bpr}*C*CHK************20261127"), &body);
        let file = medbill::read_x12(text.as_bytes()).unwrap();
        let r = &file.remittances[0];
        let found: Vec<(String, String)> = r
            .findings
            .iter()
            .filter(|f| f.rule.ends_with("-OVERFLOW"))
            .map(|f| (f.rule.clone(), f.path.clone()))
            .collect();
        prop_assert_eq!(&found, &expected);
        prop_assert!(r.findings.iter().filter(|f| f.rule.ends_with("-OVERFLOW")).all(|f| f.severity == medbill::Severity::Error));
        let again: Vec<(String, String)> = r
            .balance()
            .iter()
            .filter(|f| f.rule.ends_with("-OVERFLOW"))
            .map(|f| (f.rule.clone(), f.path.clone()))
            .collect();
        prop_assert_eq!(&again, &expected, "Remittance::balance");
        if !expected.is_empty() {
            prop_assert_eq!(medbill::remit::balanced(&r.findings), None);
            prop_assert_eq!(medbill::remit::balanced(&r.balance()), None);
            prop_assert_eq!(file.summaries()[0].balanced, None);
            prop_assert!(!file.is_clean());
            // Streamed, one event at a time, as `medbill x12 check` counts.
            let mut tally = medbill::x12::RemitTally::default();
            for event in RemitReader::new(text.as_bytes()) {
                tally.event(&event.unwrap());
            }
            let set_summary = X12File { envelope: file.envelope.clone(), ..X12File::default() }
                .summaries_with([tally]);
            prop_assert_eq!(set_summary[0].balanced, None);
        }
    }

    /// The 837 COB loops from a coordination (2430 SVD and CAS): a line whose prior payment
    /// and adjustments overflow when added up is refused (`Overflow`), never written.
    #[test]
    fn an_overflowing_coordinated_line_is_refused(
        paid in amount(),
        adjustments in prop::collection::vec(amount(), 1..6),
    ) {
        let claim = clean_claim();
        let money = |a: i128| Money::from_decimal(a.to_string().parse().unwrap()).unwrap();
        let total = adjustments.iter().copied().chain([paid]);
        let overflow = overflows(total.clone());
        let charge = if overflow { money(1) } else { money(total.sum()) };
        let line = |line: usize| CoordinatedLine {
            line,
            charge,
            prior_allowed: None,
            prior_paid: money(paid),
            prior_adjustments: adjustments
                .iter()
                .map(|&a| Adjustment {
                    group: GroupCode::Co,
                    reason: Carc::parse("45").unwrap(),
                    amount: money(a),
                })
                .collect(),
            secondary_paid: Money::ZERO,
            patient_balance: Money::ZERO,
        };
        let coordination = Coordination {
            method: CobMethod::Standard,
            prior_paid: money(paid),
            secondary_paid: Money::ZERO,
            patient_balance: Money::ZERO,
            lines: vec![line(0)],
        };
        let prior = prior_payer();
        let result = OtherPayer::from_coordination(
            &claim,
            prior.payer.clone(),
            prior.coverage,
            &coordination,
            prior.adjudicated,
        );
        if overflow {
            prop_assert_eq!(result.unwrap_err(), OtherPayerError::Overflow { line: 0 });
        } else {
            prop_assert!(result.is_ok(), "{:?}", result);
        }
    }
}

fn clean_claim() -> Claim {
    Claim::from_json(
        &std::fs::read_to_string(support::data_dir().join("claims/professional-clean.json"))
            .unwrap(),
    )
    .unwrap()
}

fn prior_payer() -> PriorPayer {
    medbill::from_json(
        &std::fs::read_to_string(support::data_dir().join("x12/other-payer.json")).unwrap(),
    )
    .unwrap()
}

/// The bundled 835's first claim (ENC1001: 99214 180 paid 125, CO-45 30, PR-3 25, AMT*B6
/// 150; 83036 65 paid 25, CO-45 40), its control number made the clean claim's.
fn remit_claim(edit: impl Fn(String) -> String) -> medbill::remit::RemitClaim {
    let text = std::fs::read_to_string(support::data_dir().join("x12/remittance.835")).unwrap();
    let text = edit(text.replace("CLP*ENC1001*", "CLP*ENC-1001*"));
    read_835(text.as_bytes()).unwrap()[0].claims[0].clone()
}

#[test]
fn a_secondary_claim_is_never_made_from_a_missing_prior_payment() {
    let decide = |remit: medbill::remit::RemitClaim| {
        let mut claim = clean_claim();
        medbill::remit::send_on(
            &mut claim,
            prior_payer(),
            &PriorAdjudication::Remittance(Box::new(remit)),
        )
    };
    assert!(decide(remit_claim(|t| t)).is_ok());
    let cases = [
        (
            "CLP*ENC-1001*1*245.00*150.00*",
            "CLP*ENC-1001*1*245.00**",
            "/paid",
        ),
        (
            "SVC*HC:99214:25*180.00*125.00*",
            "SVC*HC:99214:25*180.00**",
            "/lines/0/paid",
        ),
        (
            "CAS*CO*45*40.00~",
            "CAS*CO*45~",
            "/lines/1/adjustments/0/amount",
        ),
    ];
    for (from, to, path) in cases {
        let error = decide(remit_claim(|t| t.replacen(from, to, 1))).unwrap_err();
        assert_eq!(error, OtherPayerError::MissingAmount { path: path.into() });
        assert_eq!(
            medbill::ErrorCode::code(&error),
            "OTHER_PAYER_MISSING_AMOUNT"
        );
    }
}

#[test]
fn an_835_claim_converts_for_coordination_in_the_core() {
    let claim = remit_claim(|t| t);
    let remitted = claim.remitted().unwrap();
    // Line by line, as the 835 says: 99214 180 − (CO 30 + PR 25) = 125, allowed 150.
    assert_eq!(remitted.lines.len(), 2);
    assert_eq!(
        (
            remitted.lines[0].charge,
            remitted.lines[0].paid,
            remitted.lines[0].allowed
        ),
        (m("180.00"), m("125.00"), Some(m("150.00")))
    );
    assert_eq!(remitted.lines[0].patient_share().unwrap(), m("25.00"));
    assert_eq!(remitted.lines[1].allowed, None, "no AMT*B6: none invented");
    // Refused, every problem with its path: a missing amount and codes that are not valid.
    let broken = remit_claim(|t| {
        t.replacen("SVC*HC:83036*65.00*25.00*", "SVC*HC:83036*65.00**", 1)
            .replacen("CAS*CO*45*30.00~", "CAS*CR*045*30.00~", 1)
    });
    let Err(BenefitsError::CoordinationRefused { findings }) = broken.remitted() else {
        panic!("refused");
    };
    let paths: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        paths,
        [
            ("PRIOR-CODE", "/lines/0/adjustments/0/group"),
            ("PRIOR-CODE", "/lines/0/adjustments/0/reason"),
            ("PRIOR-AMOUNT-MISSING", "/lines/1/paid"),
        ]
    );
    // As a caller has it: the 835 claim as read, or its lines alone; the same coordination.
    let secondary = secondary_adjudication();
    let from_claim = medbill::remit::coordinate_remittance(
        &PriorRemittance::Claim(Box::new(claim.clone())),
        &secondary,
        CobMethod::Standard,
    )
    .unwrap();
    let from_lines =
        medbill::benefits::coordinate_remittance(&remitted, &secondary, CobMethod::Standard)
            .unwrap();
    assert_eq!(from_claim, from_lines);
    // Standard COB (RULES §5), hand-computed. The secondary's own benefit: 99214 an office
    // visit, allowed 130 less the 25 copay = 105; 83036 allowed 50, deductible met, 80% = 40.
    // It pays that, but no more than its allowed less the prior payment (130 − 125 = 5;
    // 50 − 25 = 25) nor than the patient was left owing (PR 25; 0): 5 and 0. The patient
    // still owes 25 − 5 = 20.
    assert_eq!(
        (from_claim.secondary_paid, from_claim.patient_balance),
        (m("5.00"), m("20.00"))
    );
    // The broken claim's refusal is the coordination's refusal.
    assert!(matches!(
        medbill::remit::coordinate_remittance(
            &PriorRemittance::Claim(Box::new(broken)),
            &secondary,
            CobMethod::Standard
        ),
        Err(BenefitsError::CoordinationRefused { .. })
    ));
}

/// The clean claim priced at 130 (99214) and 50 (83036) and adjudicated under the
/// commercial PPO with its deductible and out-of-pocket maximum met.
fn secondary_adjudication() -> medbill::Adjudication {
    let claim = clean_claim();
    let contract: medbill::Contract = serde_json::from_value(serde_json::json!({
        "payerId": "ANY",
        "effectiveFrom": "2026-01-01",
        "schedule": { "kind": "flat", "fees": [
            { "procedure": "99214", "amount": "130.00" },
            { "procedure": "83036", "amount": "50.00" }
        ]}
    }))
    .unwrap();
    let plan: medbill::BenefitPlan = medbill::from_json(
        &std::fs::read_to_string(support::data_dir().join("plans/commercial-ppo.json")).unwrap(),
    )
    .unwrap();
    let met: medbill::benefits::Accumulators = serde_json::from_value(serde_json::json!({
        "inNetwork": { "individualDeductible": "1000.00", "familyDeductible": "1000.00",
                       "individualOutOfPocket": "1000.00", "familyOutOfPocket": "1000.00" }
    }))
    .unwrap();
    let priced = medbill::price(
        &claim,
        &contract,
        None,
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        &medbill::pricing::PriceOptions {
            any_payer: true,
            ..Default::default()
        },
    )
    .unwrap();
    medbill::adjudicate(&priced, &plan, &met, medbill::benefits::Network::InNetwork).unwrap()
}

#[test]
fn a_prior_remittance_is_an_835_claim_or_its_lines() {
    let claim = remit_claim(|t| t);
    let as_claim: PriorRemittance =
        medbill::from_json(&serde_json::to_string(&claim).unwrap()).unwrap();
    assert!(matches!(as_claim, PriorRemittance::Claim(_)));
    let lines = claim.remitted().unwrap();
    let as_lines: PriorRemittance =
        medbill::from_json(&serde_json::to_string(&lines).unwrap()).unwrap();
    assert_eq!(as_lines, PriorRemittance::Lines(lines.clone()));
    assert_eq!(as_claim.remitted().unwrap().into_owned(), lines);
    // A malformed 835 claim says where, never what.
    let mut json = serde_json::to_value(&claim).unwrap();
    json["lines"][0]["charge"] = serde_json::json!(["DOE"]);
    let error = medbill::from_json::<PriorRemittance>(&json.to_string()).unwrap_err();
    assert!(error.message.contains("/lines/0/charge"), "{error}");
    assert!(!error.to_string().contains("DOE"), "{error}");
}

/// Medicare's adjudication travels to the secondary claim (2320): the 835's MOA as sent on a
/// professional claim (whose guide has no MIA, so an MIA stays behind), written as the 837's
/// MOA; a remark code that is not a RARC is refused, never dropped.
#[test]
fn the_prior_payers_moa_goes_on_to_the_secondary_claim() {
    let with = |segment: &'static str| {
        remit_claim(move |t| {
            t.replace('\n', "").replacen(
                "NM1*QC*1*DOE*JANE****MI*MBR123~DTM*050*20261105~SVC*HC:99214",
                &format!("NM1*QC*1*DOE*JANE****MI*MBR123~{segment}DTM*050*20261105~SVC*HC:99214"),
                1,
            )
        })
    };
    let send = |remit: medbill::remit::RemitClaim| {
        let mut claim = clean_claim();
        medbill::remit::send_on(
            &mut claim,
            prior_payer(),
            &PriorAdjudication::Remittance(Box::new(remit)),
        )
        .map(|()| claim)
    };
    let remit = with("MIA*3***1200.00*MA01~MOA*0.8*12.50*MA01*N130~");
    assert!(remit.outpatient.is_some() && remit.inpatient.is_some());
    let claim = send(remit).unwrap();
    let prior = claim.other_payers.last().unwrap();
    let moa = prior.outpatient_adjudication.as_ref().unwrap();
    assert_eq!(moa.reimbursement_rate, Some("0.8".parse().unwrap()));
    assert_eq!(moa.hcpcs_payable, Some(m("12.50")));
    assert_eq!(
        moa.remarks
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["MA01", "N130"]
    );
    assert_eq!(prior.inpatient_adjudication, None, "the 837P has no MIA");
    assert!(
        !medbill::finding::has_errors(&claim.validate()),
        "{:?}",
        claim.validate()
    );

    let error = send(with("MOA***MA01*XYZ~")).unwrap_err();
    assert_eq!(
        error,
        OtherPayerError::RemarkCode {
            path: "/outpatient/remarks/1".into()
        }
    );
    assert_eq!(medbill::ErrorCode::code(&error), "OTHER_PAYER_CODE");
}

/// On an institutional claim the MIA goes on too, less MIA02 (the 837I does not use it);
/// without its covered days (MIA01) the prior adjudication cannot be stated.
#[test]
fn the_prior_payers_mia_goes_on_to_an_institutional_secondary() {
    let mia = medbill::remit::InpatientAdjudication {
        covered_days: Some("3".parse().unwrap()),
        pps_operating_outlier: Some(m("5.00")),
        drg_amount: Some(m("1200.00")),
        remarks: vec![medbill::remit::Coded::Known("MA01".parse().unwrap())],
        ..Default::default()
    };
    let passed = mia.for_secondary().unwrap();
    assert_eq!(passed.covered_days, "3".parse().unwrap());
    assert_eq!(passed.drg_amount, Some(m("1200.00")));
    assert_eq!(passed.pps_operating_outlier, None);
    assert_eq!(passed.remarks.len(), 1);
    let missing = medbill::remit::InpatientAdjudication {
        covered_days: None,
        ..mia
    };
    assert_eq!(
        missing.for_secondary().unwrap_err(),
        OtherPayerError::MissingAmount {
            path: "/inpatient/coveredDays".into()
        }
    );
}
