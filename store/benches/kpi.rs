//! The supervisor's numbers and the patient statement over large books, run by
//! `cargo xtask bench` (issue 14's budgets):
//!
//! - `prepare BOOKS [CLAIMS]`: makes books of CLAIMS claims (1,000,000 unless given), about
//!   11 entries each: two line charges, then 20 days later an 835 claim posted as the core
//!   posts one (payments, CO-45 written off, PR-1/PR-2 moved to the patient), one claim in ten
//!   denied (CO-50, CO-97). Posting dates run forward, one day at a time, as real books grow.
//!   The first 200 claims are charged through the store with their claim (the template of
//!   examples/data/books/claims.json), so their patients' statements can be made.
//! - `run BOOKS`: every KPI of the year, twice (the second run is reported), and this
//!   process's peak memory; then a statement for each of the 200 patients, read from the
//!   indexed books (median and worst time).
#![allow(clippy::print_stdout, reason = "a benchmark reports")]
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    reason = "a benchmark's own counters and fixed arrays"
)]

use std::error::Error;
use std::sync::Arc;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use compact_str::CompactString;
use medbill::Money;
use medbill::codes::{Carc, GroupCode};
use medbill::kpi::KpiRequest;
use medbill::ledger::{
    Account, Adjustment, Charge, ChargedClaim, Disposition, Entry, EntryId, EntryKind, LineAccount,
    Party, PatientShare, RemitSource, Source, Transfer, TransferReason,
};
use medbill::remit::Coded;
use medbill::statement::StatementOptions;
use medbill_store::Books;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TEMPLATE: &str = include_str!("../../examples/data/books/claims.json");
const PAYER: &str = "00952";
/// Claims charged through the store with their claim, for the statements.
const WITH_CLAIMS: usize = 200;

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000.0)
}

fn m(text: &str) -> Result<Money, Box<dyn Error>> {
    Ok(text.parse()?)
}

fn pcn(i: usize) -> String {
    format!("K{i:07}")
}

fn patient(i: usize) -> String {
    format!("PA{i:07}")
}

struct Maker {
    next: u64,
    start: NaiveDate,
}

impl Maker {
    fn day(&self, d: u64) -> NaiveDate {
        self.start + Days::new(d)
    }

    #[allow(clippy::too_many_arguments, reason = "an entry's fields, in order")]
    fn entry(
        &mut self,
        posted: NaiveDate,
        effective: NaiveDate,
        account: Account,
        party: Party,
        amount: Money,
        kind: EntryKind,
        source: Source,
    ) -> Entry {
        let id = EntryId(self.next);
        self.next += 1;
        Entry {
            id,
            effective,
            posted,
            account,
            party,
            amount,
            kind,
            source,
        }
    }
}

fn line(i: usize, line: u32) -> Account {
    Account::Line(LineAccount {
        patient: patient(i).into(),
        claim: pcn(i).into(),
        line,
    })
}

fn adjustment(
    group: GroupCode,
    reason: &str,
    reported: Money,
) -> Result<EntryKind, Box<dyn Error>> {
    Ok(EntryKind::Adjustment(Adjustment {
        group: Coded::Known(group),
        reason: Coded::Known(Carc::parse(reason)?),
        reported,
        disposition: Disposition::WriteOff,
        remarks: Vec::new(),
    }))
}

fn prepare(path: &str, claims: usize) -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    if std::path::Path::new(path).exists() {
        std::fs::remove_file(path)?;
    }
    let mut books = Books::init(std::path::Path::new(path))?;
    let template: Vec<ChargedClaim> = medbill::from_json(TEMPLATE)?;
    let template = template.first().ok_or("no template claim")?.clone();
    let mut maker = Maker {
        next: 1,
        start: "2026-01-01".parse()?,
    };
    let primary = Party::Primary(PAYER.into());
    let per_day = claims.div_ceil(330);
    let (c180, c65) = (m("180.00")?, m("65.00")?);
    let days = 330 + 20;
    let mut made = 0usize;
    for d in 0..days {
        let today = maker.day(d as u64);
        let mut entries: Vec<Entry> = Vec::new();
        // Today's claims, billed and charged today.
        let first = d * per_day;
        let charged: Vec<usize> = (first..(first + per_day).min(claims)).collect();
        let with_claims: Vec<ChargedClaim> = charged
            .iter()
            .filter(|i| **i < WITH_CLAIMS)
            .map(|i| {
                let mut c = template.clone();
                c.patient_account = patient(*i);
                c.claim.patient_control_number = pcn(*i);
                c
            })
            .collect();
        if !with_claims.is_empty() {
            books.charge(&with_claims, today, today)?;
            maker.next += 2 * with_claims.len() as u64;
        }
        for i in charged.iter().copied().filter(|i| *i >= WITH_CLAIMS) {
            for (n, amount) in [(0, c180), (1, c65)] {
                let e = maker.entry(
                    today,
                    today,
                    line(i, n),
                    primary.clone(),
                    amount,
                    EntryKind::Charge(Charge { billed: today }),
                    Source::Billed,
                );
                entries.push(e);
            }
        }
        // The 835 of the claims billed 20 days ago, posted today (the EFT dated yesterday).
        if d >= 20 {
            let paid_on = maker.day(d as u64 - 1);
            let first = (d - 20) * per_day;
            for (position, i) in (first..(first + per_day).min(claims)).enumerate() {
                let source = Source::Remittance(Arc::new(RemitSource {
                    payer: CompactString::from("1999999999"),
                    trace: CompactString::from(format!("EFT{d}")),
                    set: CompactString::from("0001"),
                    claim: Some(position as u32),
                    payer_claim_number: Some(CompactString::from(format!("ICN{i}"))),
                }));
                let mut add = |account, party, amount, kind| {
                    let e =
                        maker.entry(today, paid_on, account, party, amount, kind, source.clone());
                    entries.push(e);
                };
                if i % 10 == 9 {
                    add(
                        line(i, 0),
                        primary.clone(),
                        m("-180.00")?,
                        adjustment(GroupCode::Co, "50", c180)?,
                    );
                    add(
                        line(i, 1),
                        primary.clone(),
                        m("-65.00")?,
                        adjustment(GroupCode::Co, "97", c65)?,
                    );
                    continue;
                }
                add(
                    line(i, 0),
                    primary.clone(),
                    m("-100.00")?,
                    EntryKind::PayerPayment,
                );
                add(
                    line(i, 0),
                    primary.clone(),
                    m("-50.00")?,
                    adjustment(GroupCode::Co, "45", m("50.00")?)?,
                );
                for (n, reason, amount) in [(0, "1", "20.00"), (0, "2", "10.00"), (1, "2", "10.00")]
                {
                    let share = TransferReason::PatientResponsibility(PatientShare {
                        reason: Coded::Known(Carc::parse(reason)?),
                        crossed_over: false,
                    });
                    add(
                        line(i, n),
                        primary.clone(),
                        m(amount)?.negated(),
                        EntryKind::Transfer(Transfer {
                            counterparty: Party::Patient,
                            why: share.clone(),
                        }),
                    );
                    add(
                        line(i, n),
                        Party::Patient,
                        m(amount)?,
                        EntryKind::Transfer(Transfer {
                            counterparty: primary.clone(),
                            why: share,
                        }),
                    );
                }
                add(
                    line(i, 1),
                    primary.clone(),
                    m("-20.00")?,
                    EntryKind::PayerPayment,
                );
                add(
                    line(i, 1),
                    primary.clone(),
                    m("-35.00")?,
                    adjustment(GroupCode::Co, "45", m("35.00")?)?,
                );
            }
        }
        made += entries.len();
        books.append_entries(&entries)?;
    }
    let head = books.head()?;
    println!(
        "prepared {claims} claims, {} entries ({made} made here) in {:.0} s",
        head.length,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run(path: &str) -> Result<(), Box<dyn Error>> {
    let books = Books::open(std::path::Path::new(path))?;
    let entries = books.head()?.length;
    let request = KpiRequest::new("2026-01-01".parse()?, "2026-12-31".parse()?);
    let mut seconds = 0.0;
    let mut kpis = None;
    for _ in 0..2 {
        let started = Instant::now();
        kpis = Some(books.kpis(request)?);
        seconds = started.elapsed().as_secs_f64();
    }
    let kpis = kpis.ok_or("no run")?;
    let peak = peak_memory_mb();
    println!(
        "KPIs over {} claims, {entries} entries: {seconds:.2} s ({:.1} M entries/s), peak memory {} MB; \
         denial rate {:?}%, net collection rate {:?}%, days in AR {:?}",
        kpis.claims,
        entries as f64 / seconds / 1e6,
        peak.map_or_else(|| "unknown".to_owned(), |mb| format!("{mb:.1}")),
        kpis.denial_rate_by_count.percent,
        kpis.net_collection_rate.percent,
        kpis.days_in_ar,
    );
    let options: StatementOptions = medbill::from_json(r#"{"asOf": "2026-12-31"}"#)?;
    let mut times = Vec::new();
    for i in 0..WITH_CLAIMS {
        let started = Instant::now();
        let patient = patient(i);
        let entries = books.patient_entries(&patient)?;
        let claims = medbill::ledger::ClaimIndex::new(books.patient_claims(&patient)?);
        let statement = medbill::statement::statement(&patient, &entries, &claims, &options)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        if statement.visits.is_empty() && i == 0 {
            return Err("the first patient's statement has no visit".into());
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "statement for one patient from the indexed books: median {:.3} ms, worst {:.3} ms ({} patients)",
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
    let mut failed = Vec::new();
    if entries >= 9_000_000 && seconds > 2.0 {
        failed.push(format!("KPIs took {seconds:.2} s: above the budget of 2 s"));
    }
    if times[times.len() / 2] > 1.0 {
        failed.push("the median statement took more than 1 ms".to_owned());
    }
    if failed.is_empty() {
        println!(
            "budgets met: KPIs over about 10 million entries in at most 2 s, a statement in at most 1 ms"
        );
        Ok(())
    } else {
        Err(failed.join("; ").into())
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["prepare", books] => prepare(books, 1_000_000),
        ["prepare", books, claims] => prepare(books, claims.parse()?),
        ["run", books] => run(books),
        _ => Err("usage: kpi prepare BOOKS [CLAIMS] | kpi run BOOKS".into()),
    }
}
