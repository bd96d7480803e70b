//! Criterion benchmark of posting: an in-memory 835 of 10,000 claims (two lines each, paid
//! with CO-45 and PR-2) posted into in-memory books holding those claims' charges. The
//! figure to read is the throughput in claims per second (budget: 200,000/s).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "criterion's macros generate undocumented items; a benchmark fails loudly"
)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use medbill::Claim;
use medbill::claim::ClaimForm;
use medbill::ledger::{ChargedClaim, ClaimIndex, Ledger, PostOptions, RemittancePoster, charge};

const CLAIM: &str = include_str!("../../examples/data/claims/professional-clean.json");
const CLAIMS: usize = 10_000;

fn books() -> (Ledger, ClaimIndex, medbill::remit::Remittance) {
    let template = Claim::from_json(CLAIM).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let mut ledger = Ledger::new();
    let mut claims = Vec::with_capacity(CLAIMS);
    let mut body = String::new();
    for i in 0..CLAIMS {
        let mut claim = template.clone();
        claim.patient_control_number = format!("B{i}");
        if let ClaimForm::Professional(p) = &mut claim.form {
            for (l, line) in p.lines.iter_mut().enumerate() {
                line.line_item_control_number = Some(format!("B{i}-{l}"));
            }
        }
        let charged = ChargedClaim {
            patient_account: format!("P{i}"),
            claim,
            priced: None,
        };
        ledger
            .append_all(charge(&charged, &ledger, date, date).unwrap())
            .unwrap();
        claims.push(charged);
        // 180 − 40 − 20 = 120; 65 − 15 − 10 = 40.
        write!(
            body,
            "CLP*B{i}*1*245*160*30*MB*ICN{i}*11*1~\
SVC*HC:99214:25*180*120**1~DTM*472*20261120~CAS*CO*45*40~CAS*PR*2*20~REF*6R*B{i}-0~AMT*B6*140~\
SVC*HC:83036*65*40**1~DTM*472*20261120~CAS*CO*45*15~CAS*PR*2*10~REF*6R*B{i}-1~"
        )
        .unwrap();
    }
    let segments = body.matches('~').count() + 8;
    let paid = 160 * CLAIMS;
    let text = format!(
        "ISA*00*          *00*          *ZZ*PAYERSENDER    *ZZ*CLINIC         *261127*1147*^*00501*000000905*0*T*:~\
GS*HP*PAYERSENDER*CLINIC*20261127*1147*1*X*005010X221A1~ST*835*0001~BPR*I*{paid}*C*CHK************20261201~\
TRN*1*BENCH1*1999999999~DTM*405*20261130~N1*PR*MEDICARE~N1*PE*RIVERBEND CLINIC*XX*1234567893~LX*1~\
{body}SE*{segments}*0001~GE*1*1~IEA*1*000000905~"
    );
    let mut file = medbill::read_x12(text.as_bytes()).unwrap();
    let remit = file.remittances.remove(0);
    assert_eq!(remit.claims.len(), CLAIMS);
    (ledger, ClaimIndex::new(claims), remit)
}

fn posting(c: &mut Criterion) {
    let (ledger, index, remit) = books();
    let options = PostOptions::on(chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
    // A first run checks that every claim is posted, not sent to suspense.
    let mut check = ledger.clone();
    let posted = check.post_remittance(&remit, &index, &options).unwrap();
    assert!(posted.findings.is_empty(), "{:?}", posted.findings.first());
    let mut group = c.benchmark_group("ledger");
    group.throughput(Throughput::Elements(CLAIMS as u64));
    group.sample_size(20);
    group.bench_function("post an 835 of 10,000 claims into in-memory books", |b| {
        b.iter_batched(
            || ledger.clone(),
            // The books and the posting are returned, so dropping them is not timed.
            |mut books| {
                let posting = books.post_remittance(black_box(&remit), &index, &options);
                (books, black_box(posting))
            },
            BatchSize::LargeInput,
        )
    });
    // The path a store takes: claim by claim, each claim's entries appended as they come,
    // no posting gathered.
    group.bench_function("stream an 835 of 10,000 claims into in-memory books", |b| {
        b.iter_batched(
            || ledger.clone(),
            |mut books| {
                // A store's table does not move as it grows; nor does this.
                books.reserve(remit.claims.len() * 9);
                let mut poster = RemittancePoster::begin(
                    &remit.control_number,
                    &remit.payment,
                    &remit.payer,
                    &books,
                    options.clone(),
                )
                .unwrap();
                for (i, claim) in remit.claims.iter().enumerate() {
                    let done = poster.claim(i, claim, &[], &index, &books);
                    books.append_all(done.unwrap().entries).unwrap();
                }
                let end = poster.finish(&remit.provider_adjustments, &books).unwrap();
                books.append_all(end.entries).unwrap();
                books
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, posting);
criterion_main!(benches);
