//! `medbill books …`: the practice's books in a SQLite file (`--books FILE`, default
//! `medbill-books.sqlite` in the working directory), kept by the `medbill-store` crate. The
//! core charges, posts and sums; this file reads the command line and the input files,
//! calls the store and prints text, or JSON with `--json`.
//!
//! Charging takes the claims as billed in the core's charged-claim form (a JSON array of
//! `{patientAccount, claim, priced?}`, see core/schema). A claim's pricing, what an
//! underpayment is measured against, is either given in it (`priced`, the output of
//! `medbill price --json`) or made on the way in with `--contract FILE…` (the contract whose
//! payer is the claim's) and optionally `--pfs-dir`, exactly as `medbill price` would.

use std::io::{BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use medbill::ledger::{
    Account, AgingBasis, AsOf, Balance, ChargedClaim, ClaimBalance, DepositRequest, DepositStatus,
    Entry, EntryId, EntryKind, Party, PatientPaymentRequest, PostOptions, Source,
};
use medbill::pricing::PriceOptions;
use medbill::{Contract, Money};
use medbill_store::{AccountReport, Books, PostReport, StoreError, Totals};
use serde::Serialize;

use crate::Failure;
use crate::output::{outln, warnln};

/// `medbill books` options shared by every subcommand.
#[derive(Debug, Args)]
pub(crate) struct BooksArgs {
    /// The books file (SQLite), made by `medbill books init`.
    #[arg(long, global = true, default_value = "medbill-books.sqlite")]
    books: PathBuf,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: BooksCommand,
}

#[derive(Debug, Subcommand)]
enum BooksCommand {
    /// Make the books file (or bring an existing one's schema up to date).
    Init,
    /// Record submitted claims (a JSON array of charged claims) with their pricing.
    Charge(ChargeArgs),
    /// Post 835 files, each in one transaction (streamed: any size, constant memory).
    Post(PostArgs),
    /// Record a patient's payment.
    Pay(PayArgs),
    /// Record a bank deposit of a payer's money (reconciled with its 835 by trace number).
    Deposit(DepositArgs),
    /// Balances: the books' totals, or one claim (patient control number) or patient account.
    Balance {
        /// A claim's patient control number or a patient account id.
        account: Option<String>,
        /// Count entries posted on or before this date (default: all).
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// Receivables by responsible party and age (0–30, 31–60, 61–90, 91–120, over 120 days).
    Aging {
        /// The day ages are counted to.
        #[arg(long)]
        as_of: NaiveDate,
        /// What an age is counted from.
        #[arg(long, value_enum, default_value = "service")]
        basis: Basis,
    },
    /// The 835 claims held in suspense and not matched yet.
    Suspense,
    /// Post a claim held in suspense to the claim charged under the given patient control number.
    Match(MatchArgs),
    /// Paid lines the payer allowed less for than the contract.
    Underpaid,
    /// Recompute the audit chain over every entry; name the first one changed behind medbill's back.
    Verify,
    /// Every entry with its audit hash (no patient data); with --json, and the chain's head.
    Export,
    /// Claims a payer owes and has not answered within its follow-up days; optionally a 276 batch.
    Followup(crate::work_cmd::FollowUpArgs),
    /// Post 277 / 277CA answers as status entries, their codes explained.
    Status(crate::work_cmd::StatusArgs),
    /// The fix list of 277CA and 999 rejections: claim, field, what was said (no books needed).
    Fixes(crate::work_cmd::FixesArgs),
    /// The denial work queue by category and payer, with appeal deadlines.
    Denials(crate::work_cmd::DenialsArgs),
    /// A corrected claim (frequency 7) from the claim as billed and the changes.
    Correct(crate::work_cmd::CorrectArgs),
    /// A void claim (frequency 8) of the claim as billed.
    Void(crate::work_cmd::VoidArgs),
    /// An appeal letter for a claim's open denial (text, HTML or PDF).
    Appeal(crate::work_cmd::AppealArgs),
    /// The supervisor's numbers (KPIs) for a period, as of its last day.
    Kpi(crate::work_cmd::KpiArgs),
    /// A patient statement: each visit, what insurance paid and adjusted, why the patient owes.
    Statement(crate::statement_cmd::StatementArgs),
    /// A payment plan for what a patient owes: installments that add up to it exactly.
    Plan(crate::statement_cmd::PlanArgs),
    /// Why a visit costs what it does, for the patient or for a payer asking about the claim.
    Explain(crate::statement_cmd::ExplainArgs),
    /// The KPIs as one self-contained HTML page with charts (--html -o FILE), and as JSON.
    Report(crate::report_cmd::ReportArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Basis {
    /// The claim's first date of service.
    Service,
    /// The date the claim was first billed.
    Billed,
    /// The claim's last payment (a claim never paid: its first bill).
    Payment,
}

#[derive(Debug, Args)]
struct ChargeArgs {
    /// A JSON array of charged claims ({patientAccount, claim, priced?}), or - for standard input.
    claims: PathBuf,
    /// When the claims were billed (default: today).
    #[arg(long)]
    billed: Option<NaiveDate>,
    /// The date the charges are entered in the books (default: today).
    #[arg(long)]
    posted: Option<NaiveDate>,
    /// Price each claim without `priced` under the contract (JSON) whose payer is the claim's.
    #[arg(long)]
    contract: Vec<PathBuf>,
    #[command(flatten)]
    pfs: crate::price_cmd::PfsFiles,
}

#[derive(Debug, Args)]
struct PostArgs {
    /// The 835 files, each posted whole or not at all.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The date the entries are entered in the books (default: today).
    #[arg(long)]
    posted: Option<NaiveDate>,
    /// A paid line allowed less than the contract by more than this is an underpayment.
    #[arg(long, default_value = "0.00")]
    tolerance: Money,
    /// SQLite's page cache in MiB (default 64): less bounds memory, more writes pages once.
    #[arg(long)]
    cache_mib: Option<u32>,
}

#[derive(Debug, Args)]
struct PayArgs {
    /// The patient account id.
    #[arg(long)]
    patient: String,
    /// How much (positive).
    #[arg(long)]
    amount: Money,
    /// The claim (patient control number) it pays; else it stays on the patient account.
    #[arg(long)]
    claim: Option<String>,
    /// When it was received (default: today).
    #[arg(long)]
    received: Option<NaiveDate>,
    /// The date it is entered in the books (default: today).
    #[arg(long)]
    posted: Option<NaiveDate>,
    /// The check number.
    #[arg(long)]
    check: Option<String>,
}

#[derive(Debug, Args)]
struct DepositArgs {
    /// The payer's key, as its 835s name it (TRN03, else N1*PR id, else name).
    #[arg(long)]
    payer: String,
    /// The check or EFT trace number (TRN02 of its 835).
    #[arg(long)]
    trace: String,
    /// How much (positive).
    #[arg(long)]
    amount: Money,
    /// When it was deposited (default: today).
    #[arg(long)]
    deposited: Option<NaiveDate>,
    /// The date it is entered in the books (default: today).
    #[arg(long)]
    posted: Option<NaiveDate>,
}

#[derive(Debug, Args)]
struct MatchArgs {
    /// The suspense entry's id (see `medbill books suspense`).
    entry: u64,
    /// The patient control number of the claim charged it belongs to.
    #[arg(long)]
    claim: String,
    /// Each remittance line's claim line (0-based, comma-separated), when the lines did not match.
    #[arg(long, value_delimiter = ',')]
    lines: Option<Vec<u32>>,
    /// The date the entries are entered in the books (default: today).
    #[arg(long)]
    posted: Option<NaiveDate>,
}

/// A refusal of the books: input the books could not take is status 2, a refusal by the
/// ledger or the database status 1.
fn refused(error: StoreError) -> Failure {
    let status = match error {
        StoreError::NotFound { .. }
        | StoreError::NotBooks { .. }
        | StoreError::X12(_)
        | StoreError::Io(_) => 2,
        _ => 1,
    };
    Failure {
        message: error.to_string(),
        status,
    }
}

fn json(value: &impl Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::input(e.to_string()))?;
    outln!("{text}");
    Ok(())
}

fn today_or(date: Option<NaiveDate>) -> NaiveDate {
    date.unwrap_or_else(crate::clock::today)
}

pub(crate) fn run(args: BooksArgs) -> Result<u8, Failure> {
    if let BooksCommand::Init = args.command {
        let books = Books::init(&args.books).map_err(refused)?;
        let head = books.head().map_err(refused)?;
        if args.json {
            json(&serde_json::json!({ "books": args.books, "chain": head }))?;
        } else {
            outln!(
                "books ready at {} ({} entries)",
                args.books.display(),
                head.length
            );
        }
        return Ok(0);
    }
    if let BooksCommand::Fixes(fixes) = args.command {
        return crate::work_cmd::run_fixes(fixes, args.json);
    }
    let mut books = Books::open(&args.books).map_err(refused)?;
    match args.command {
        BooksCommand::Init => Ok(0),
        BooksCommand::Charge(charge) => run_charge(&mut books, charge, args.json),
        BooksCommand::Post(post) => run_post(&mut books, post, args.json),
        BooksCommand::Pay(pay) => run_pay(&mut books, pay, args.json),
        BooksCommand::Deposit(deposit) => run_deposit(&mut books, deposit, args.json),
        BooksCommand::Balance { account, as_of } => {
            run_balance(&books, account.as_deref(), as_of, args.json)
        }
        BooksCommand::Aging { as_of, basis } => run_aging(&books, as_of, basis, args.json),
        BooksCommand::Suspense => run_suspense(&books, args.json),
        BooksCommand::Match(matching) => run_match(&mut books, matching, args.json),
        BooksCommand::Underpaid => run_underpaid(&books, args.json),
        BooksCommand::Verify => run_verify(&books, args.json),
        BooksCommand::Export if args.json => run_export(&books),
        BooksCommand::Export => run_export_text(&books),
        BooksCommand::Followup(a) => crate::work_cmd::run_followup(&books, a, args.json),
        BooksCommand::Status(a) => crate::work_cmd::run_status(&mut books, a, args.json),
        BooksCommand::Fixes(a) => crate::work_cmd::run_fixes(a, args.json),
        BooksCommand::Denials(a) => crate::work_cmd::run_denials(&books, a, args.json),
        BooksCommand::Correct(a) => crate::work_cmd::run_correct(&mut books, a, args.json),
        BooksCommand::Void(a) => crate::work_cmd::run_void(&mut books, a, args.json),
        BooksCommand::Appeal(a) => crate::work_cmd::run_appeal(&books, a),
        BooksCommand::Kpi(a) => crate::work_cmd::run_kpi(&books, a, args.json),
        BooksCommand::Statement(a) => crate::statement_cmd::run_statement(&books, a, args.json),
        BooksCommand::Plan(a) => crate::statement_cmd::run_plan(&books, a, args.json),
        BooksCommand::Explain(a) => crate::statement_cmd::run_explain(&books, a, args.json),
        BooksCommand::Report(a) => crate::report_cmd::run(&books, a, args.json),
    }
}

/// The claims of a charge file, priced under the contracts given where not priced already.
fn read_claims(args: &ChargeArgs, billed: NaiveDate) -> Result<Vec<ChargedClaim>, Failure> {
    let text = crate::read_input(&args.claims)?;
    let mut claims: Vec<ChargedClaim> = medbill::from_json(&text)
        .map_err(|e| Failure::input(format!("{}: {e}", args.claims.display())))?;
    if args.contract.is_empty() {
        return Ok(claims);
    }
    let contracts = args
        .contract
        .iter()
        .map(|path| {
            medbill::from_json::<Contract>(&crate::read_input(path)?)
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let pfs = crate::price_cmd::load_pfs(&args.pfs)?;
    for (position, charged) in claims.iter_mut().enumerate() {
        if charged.priced.is_some() {
            continue;
        }
        let Some(contract) = contracts
            .iter()
            .find(|c| c.payer_id == charged.claim.payer.payer_id)
        else {
            warnln!(
                "medbill: claim {position} (0-based): no contract given for its payer: charged without pricing"
            );
            continue;
        };
        let priced = medbill::price(
            &charged.claim,
            contract,
            pfs.as_ref(),
            billed,
            &PriceOptions::default(),
        )
        .map_err(|e| Failure {
            message: format!("claim {position} (0-based) could not be priced: {e}"),
            status: 1,
        })?;
        charged.priced = Some(priced);
    }
    Ok(claims)
}

fn run_charge(books: &mut Books, args: ChargeArgs, as_json: bool) -> Result<u8, Failure> {
    let billed = today_or(args.billed);
    let claims = read_claims(&args, billed)?;
    let priced = claims.iter().filter(|c| c.priced.is_some()).count();
    let report = books
        .charge(&claims, billed, today_or(args.posted))
        .map_err(refused)?;
    if as_json {
        return json(&report).map(|()| 0);
    }
    outln!(
        "charged {} claims ({priced} with their pricing), {} charge entries, ${}",
        report.claims,
        report.entries,
        report.charged
    );
    Ok(0)
}

/// Draws a progress bar of the bytes read on standard error, only when it is a terminal
/// (indicatif draws it there itself; nothing else of the CLI writes to standard error but
/// through `output`).
fn progress(file: &Path, size: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(size);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg} [{bar:40}] {bytes}/{total_bytes} {bytes_per_sec}, {eta} left",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(
        file.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    bar
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FilePosted<'a> {
    file: &'a Path,
    #[serde(flatten)]
    report: &'a PostReport,
}

fn run_post(books: &mut Books, args: PostArgs, as_json: bool) -> Result<u8, Failure> {
    let options = PostOptions {
        tolerance: args.tolerance,
        ..PostOptions::on(today_or(args.posted))
    };
    if let Some(mib) = args.cache_mib {
        books.set_cache_mib(mib).map_err(refused)?;
    }
    let mut posted = Vec::new();
    for path in &args.files {
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let bar = progress(path, size);
        let input: Box<dyn Read + Send> = Box::new(bar.wrap_read(file));
        let result = books.post_835(BufReader::with_capacity(1 << 16, input), &options);
        bar.finish_and_clear();
        let report = result.map_err(|e| Failure {
            message: format!(
                "{}: nothing of it was posted: {}",
                path.display(),
                refused_text(&e)
            ),
            status: refused(e).status,
        })?;
        if !as_json {
            print_posted(path, &report);
        }
        posted.push((path.clone(), report));
    }
    if as_json {
        let files: Vec<FilePosted<'_>> = posted
            .iter()
            .map(|(file, report)| FilePosted { file, report })
            .collect();
        json(&files)?;
    }
    Ok(0)
}

fn refused_text(error: &StoreError) -> String {
    error.to_string()
}

fn print_posted(path: &Path, report: &PostReport) {
    let outcomes: Vec<String> = report
        .outcomes
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    outln!(
        "{}: {} claims ({}), {} entries",
        path.display(),
        report.claims,
        outcomes.join(", "),
        report.entries
    );
    for set in &report.sets {
        let status = if set.already_posted {
            "posted before: nothing changed".to_owned()
        } else {
            deposit_words(set.deposit.status).to_owned()
        };
        outln!(
            "  payer {} trace {}: remitted ${}, deposited ${} ({status})",
            set.payer,
            set.trace,
            set.deposit.remitted,
            set.deposit.deposited
        );
    }
    if report.sent_on > 0 {
        outln!("  {} claims sent on to their next payer", report.sent_on);
    }
    if report.underpayments > 0 {
        outln!(
            "  {} underpaid lines (see `medbill books underpaid`)",
            report.underpayments
        );
    }
    for (rule, n) in &report.findings_by_rule {
        outln!("  {rule} ×{n}");
    }
}

fn deposit_words(status: DepositStatus) -> &'static str {
    match status {
        DepositStatus::Matched => "deposit matched",
        DepositStatus::NotDeposited => "not deposited yet",
        DepositStatus::AmountDiffers => "the deposits differ from the payment",
        DepositStatus::NoRemittance => "no remittance for this deposit",
    }
}

fn run_pay(books: &mut Books, args: PayArgs, as_json: bool) -> Result<u8, Failure> {
    let request = PatientPaymentRequest {
        patient: args.patient,
        claim: args.claim,
        amount: args.amount,
        received: today_or(args.received),
        posted: today_or(args.posted),
        check: args.check,
    };
    let entries = books.patient_payment(&request).map_err(refused)?;
    if as_json {
        return json(&entries).map(|()| 0);
    }
    for entry in &entries {
        outln!(
            "entry {}: {} ${} on {}",
            entry.id,
            kind_name(&entry.kind),
            entry.amount.negated(),
            account_name(&entry.account)
        );
    }
    Ok(0)
}

fn run_deposit(books: &mut Books, args: DepositArgs, as_json: bool) -> Result<u8, Failure> {
    let request = DepositRequest {
        payer: args.payer,
        trace: args.trace,
        amount: args.amount,
        deposited: today_or(args.deposited),
        posted: today_or(args.posted),
    };
    let entry = books.deposit(&request).map_err(refused)?;
    let matched = books
        .deposit_match(&request.payer, &request.trace)
        .map_err(refused)?;
    if as_json {
        return json(&serde_json::json!({ "entry": entry, "deposit": matched })).map(|()| 0);
    }
    outln!(
        "entry {}: deposit ${} from payer {} trace {}: remitted ${}, deposited ${} ({})",
        entry.id,
        request.amount,
        request.payer,
        request.trace,
        matched.remitted,
        matched.deposited,
        deposit_words(matched.status)
    );
    Ok(0)
}

fn party_name(party: &Party) -> String {
    match party {
        Party::Primary(id) => format!("primary {id}"),
        Party::Secondary(id) => format!("secondary {id}"),
        Party::Tertiary(id) => format!("tertiary {id}"),
        Party::Payer(id) => format!("payer {id}"),
        Party::Patient => "patient".to_owned(),
    }
}

fn account_name(account: &Account) -> String {
    match account {
        Account::Line(a) => format!("claim {} line {}", a.claim, a.line),
        Account::Claim(a) => format!("claim {}", a.claim),
        Account::Patient(a) => format!("patient account {}", a.patient),
        Account::Payer(a) => format!("payer {}", a.payer),
        Account::Clearing(a) => format!("clearing {} {}", a.provider, a.reason),
        Account::Suspense => "suspense".to_owned(),
    }
}

fn kind_name(kind: &EntryKind) -> &'static str {
    match kind {
        EntryKind::Charge(_) => "charge",
        EntryKind::PayerPayment => "payer payment",
        EntryKind::Adjustment(_) => "adjustment",
        EntryKind::Transfer(_) => "transfer",
        EntryKind::PatientPayment => "patient payment",
        EntryKind::Refund => "refund",
        EntryKind::WriteOff(_) => "write-off",
        EntryKind::Reversal(_) => "reversal",
        EntryKind::ProviderAdjustment(_) => "provider adjustment",
        EntryKind::Remittance(_) => "remittance",
        EntryKind::Deposit(_) => "deposit",
        EntryKind::Suspense(_) => "suspense",
        EntryKind::Status(_) => "status",
    }
}

fn figures(balance: &Balance) -> String {
    format!(
        "${} (charges {}, payments {}, adjustments {})",
        balance.balance, balance.charges, balance.payments, balance.adjustments
    )
}

fn print_claim(claim: &ClaimBalance) {
    outln!(
        "claim {} (patient account {}): balance {}",
        claim.claim,
        claim.patient,
        figures(&claim.balance)
    );
    for line in &claim.lines {
        outln!("  line {}: ${}", line.line, line.balance.balance);
    }
    if !claim.claim_level.is_zero() {
        outln!("  claim level: ${}", claim.claim_level.balance);
    }
    for party in &claim.parties {
        if !party.balance.balance.is_zero() {
            outln!(
                "  owed by {}: ${}",
                party_name(&party.party),
                party.balance.balance
            );
        }
    }
}

fn print_totals(totals: &Totals) {
    let as_of = totals
        .as_of
        .date
        .map_or_else(|| "all entries".to_owned(), |d| format!("as of {d}"));
    outln!("books, {as_of}: {} entries", totals.entries);
    outln!("receivables: {}", figures(&totals.receivables));
    for party in &totals.parties {
        if !party.balance.balance.is_zero() {
            outln!(
                "  owed by {:<20} ${}",
                party_name(&party.party),
                party.balance.balance
            );
        }
    }
    for payer in &totals.payers {
        outln!(
            "{} remitted, not deposited: ${}",
            account_name(&payer.account),
            payer.balance
        );
    }
    for clearing in &totals.clearing {
        outln!("{}: ${}", account_name(&clearing.account), clearing.balance);
    }
    outln!("suspense: ${}", totals.suspense);
}

fn run_balance(
    books: &Books,
    account: Option<&str>,
    as_of: Option<NaiveDate>,
    as_json: bool,
) -> Result<u8, Failure> {
    let cut = AsOf {
        date: as_of,
        ..AsOf::all()
    };
    let Some(account) = account else {
        let totals = books.totals(cut).map_err(refused)?;
        if as_json {
            return json(&totals).map(|()| 0);
        }
        print_totals(&totals);
        return Ok(0);
    };
    let Some(report) = books.account(account, cut).map_err(refused)? else {
        return Err(Failure {
            message: "no claim or patient account of that id on the books".to_owned(),
            status: 1,
        });
    };
    if as_json {
        return json(&report).map(|()| 0);
    }
    match &report {
        AccountReport::Claim(claim) => print_claim(claim),
        AccountReport::Patient { patient, claims } => {
            outln!(
                "patient account {}: balance {}",
                patient.patient,
                figures(&patient.balance)
            );
            if !patient.unapplied.is_zero() {
                outln!("  unapplied: ${}", patient.unapplied.balance);
            }
            for claim in claims {
                print_claim(claim);
            }
        }
    }
    Ok(0)
}

fn run_aging(books: &Books, as_of: NaiveDate, basis: Basis, as_json: bool) -> Result<u8, Failure> {
    let (basis, words) = match basis {
        Basis::Service => (AgingBasis::DateOfService, "date of service"),
        Basis::Billed => (AgingBasis::FirstBilled, "first bill"),
        Basis::Payment => (AgingBasis::LastPayment, "last payment"),
    };
    let report = books.aging(as_of, basis).map_err(refused)?;
    if as_json {
        return json(&report).map(|()| 0);
    }
    outln!("aging as of {as_of}, from the {words}");
    outln!(
        "{:<24} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "party",
        "0-30",
        "31-60",
        "61-90",
        "91-120",
        "over 120",
        "total"
    );
    let mut rows: Vec<(String, &medbill::ledger::AgingRow)> = report
        .rows
        .iter()
        .map(|r| (r.party.as_ref().map(party_name).unwrap_or_default(), r))
        .collect();
    rows.push(("total".to_owned(), &report.total));
    for (name, row) in rows {
        // Money's Display takes no width: pad its text.
        let [a, b, c, d, e] = row.buckets.map(|m| m.to_string());
        outln!(
            "{name:<24} {a:>12} {b:>12} {c:>12} {d:>12} {e:>12} {:>12}",
            row.total.to_string()
        );
    }
    Ok(0)
}

fn run_suspense(books: &Books, as_json: bool) -> Result<u8, Failure> {
    let held = books.suspense().map_err(refused)?;
    if as_json {
        return json(&held).map(|()| 0);
    }
    if held.is_empty() {
        outln!("nothing in suspense");
    }
    for entry in &held {
        let EntryKind::Suspense(item) = &entry.kind else {
            continue;
        };
        let (payer, trace) = match &entry.source {
            Source::Remittance(s) => (s.payer.as_str(), s.trace.as_str()),
            _ => ("", ""),
        };
        let claim = item
            .claim
            .as_ref()
            .map(|c| format!("claim {}", c.patient_control_number))
            .unwrap_or_else(|| "the remittance".to_owned());
        outln!(
            "entry {}: {claim}, payer {payer} trace {trace}: ${} held: {}",
            entry.id,
            entry.amount.negated(),
            item.reason.describe()
        );
    }
    Ok(0)
}

fn run_match(books: &mut Books, args: MatchArgs, as_json: bool) -> Result<u8, Failure> {
    let options = PostOptions::on(today_or(args.posted));
    let posting = books
        .match_suspense(
            EntryId(args.entry),
            &args.claim,
            args.lines.as_deref(),
            &options,
        )
        .map_err(refused)?;
    if as_json {
        return json(&posting).map(|()| 0);
    }
    outln!(
        "entry {} posted to claim {}: {:?}, {} entries",
        args.entry,
        args.claim,
        posting.result.outcome,
        posting.entries.len()
    );
    Ok(0)
}

fn run_underpaid(books: &Books, as_json: bool) -> Result<u8, Failure> {
    let found = books.underpayments().map_err(refused)?;
    if as_json {
        return json(&found).map(|()| 0);
    }
    if found.is_empty() {
        outln!("no underpayments");
    }
    for item in &found {
        let u = &item.underpayment;
        outln!(
            "claim {} line {}: allowed ${} where the contract allows ${} (paid ${}): ${} short; payer {} trace {}",
            u.claim,
            u.line,
            u.allowed,
            u.expected,
            u.paid,
            u.variance,
            item.payer,
            item.trace
        );
    }
    Ok(0)
}

fn run_verify(books: &Books, as_json: bool) -> Result<u8, Failure> {
    match books.verify() {
        Ok(chain) => {
            if as_json {
                json(&serde_json::json!({ "verified": true, "chain": chain }))?;
            } else {
                outln!(
                    "verified: {} entries, each matching its audit hash; chain head {}",
                    chain.length,
                    chain.head
                );
            }
            Ok(0)
        }
        Err(
            error @ (StoreError::Audit(_)
            | StoreError::Corrupt { .. }
            | StoreError::HeadMismatch
            | StoreError::HeadUnreadable),
        ) => {
            if as_json {
                json(&serde_json::json!({ "verified": false, "error": error.to_string() }))?;
                return Ok(1);
            }
            Err(Failure {
                message: error.to_string(),
                status: 1,
            })
        }
        Err(error) => Err(refused(error)),
    }
}

/// Standard output as an `io::Write`, through `output` (a closed output stops the export).
struct Stdout;

impl std::io::Write for Stdout {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        crate::output::write_bytes(bytes);
        if crate::output::closed() {
            return Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn entry_line(entry: &Entry) -> String {
    let source = match &entry.source {
        Source::Remittance(s) => format!("835 payer {} trace {}", s.payer, s.trace),
        Source::Billed => "billed".to_owned(),
        Source::Check(number) => format!("check {number}"),
        Source::User(Some(reference)) => format!("entered ({reference})"),
        Source::User(None) => "entered".to_owned(),
        Source::Message(reference) => format!("message {reference}"),
    };
    format!(
        "{:>8} {} {} {:<20} {:>12} {} / {} ({source})",
        entry.id.0,
        entry.effective,
        entry.posted,
        kind_name(&entry.kind),
        entry.amount.to_string(),
        account_name(&entry.account),
        party_name(&entry.party)
    )
}

/// One line per entry, in order, then the chain's head (streamed).
fn run_export_text(books: &Books) -> Result<u8, Failure> {
    outln!(
        "{:>8} {:<10} {:<10} {:<20} {:>12} account / party (source)",
        "entry",
        "effective",
        "posted",
        "kind",
        "amount"
    );
    let done = books.for_each_entry(|entry, _| {
        outln!("{}", entry_line(entry));
        if crate::output::closed() {
            return Err(StoreError::Io(std::io::Error::from(
                std::io::ErrorKind::BrokenPipe,
            )));
        }
        Ok(())
    });
    match done {
        Ok(()) => {}
        Err(StoreError::Io(_)) if crate::output::closed() => return Ok(0),
        Err(error) => return Err(refused(error)),
    }
    let head = books.head().map_err(refused)?;
    outln!("chain: {} entries, head {}", head.length, head.head);
    Ok(0)
}

fn run_export(books: &Books) -> Result<u8, Failure> {
    match books.export(&mut Stdout) {
        Ok(_) => Ok(0),
        // The output's own failure is reported when the command ends.
        Err(StoreError::Io(_)) if crate::output::closed() => Ok(0),
        Err(error) => Err(refused(error)),
    }
}
