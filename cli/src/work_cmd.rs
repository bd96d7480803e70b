//! `medbill books followup | status | fixes | denials | correct | void | appeal | kpi |
//! report`: the biller's work lists and the supervisor's numbers, read from the books by the
//! store and computed by the core; this file reads the command line and files and prints.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use medbill::codes::ClaimFrequency;
use medbill::denial::{AppealRequest, ClaimChanges, DenialItem, corrected_claim, void_claim};
use medbill::followup::{Fix, FollowUpItem, fixes_from_277ca, fixes_from_999, status_request};
use medbill::kpi::{KpiRequest, Kpis};
use medbill::ledger::{ChargedClaim, Source};
use medbill::scrub::PayerRules;
use medbill::x12::{Envelope, Organization, Usage};
use medbill_store::Books;

use crate::output::outln;
use crate::{Failure, read_bytes, read_input};

/// Payer rule packs (JSON), each for the payer ids it lists or for every payer.
#[derive(Debug, Args)]
pub(crate) struct Packs {
    /// A payer rule pack (followUpDays, appealDays…); may be given more than once.
    #[arg(long = "payer-rules")]
    payer_rules: Vec<PathBuf>,
}

impl Packs {
    fn read(&self) -> Result<Vec<PayerRules>, Failure> {
        self.payer_rules
            .iter()
            .map(|path| {
                let rules = PayerRules::from_json(&read_input(path)?)
                    .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
                rules
                    .check()
                    .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
                Ok(rules)
            })
            .collect()
    }
}

#[derive(Debug, Args)]
pub(crate) struct FollowUpArgs {
    /// The day ages are counted to (default: today).
    #[arg(long)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    packs: Packs,
    /// Write one 276 batch asking about every claim in the queue to this file.
    #[arg(long = "request-276")]
    request_276: Option<PathBuf>,
    /// The information receiver's name in the 276 (the practice or its clearinghouse).
    #[arg(long, default_value = "MEDBILL PRACTICE")]
    receiver_name: String,
    /// The information receiver's ETIN in the 276.
    #[arg(long, default_value = "MEDBILL")]
    receiver_id: String,
}

#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// 277 or 277CA files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The date the status entries are entered in the books (default: today).
    #[arg(long)]
    posted: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub(crate) struct FixesArgs {
    /// 277CA and 999 files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct DenialsArgs {
    /// The day deadlines are counted to (default: today).
    #[arg(long)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    packs: Packs,
}

#[derive(Debug, Args)]
pub(crate) struct CorrectArgs {
    /// The claim (patient control number).
    claim: String,
    /// The changes: a JSON Patch (array) or a merge patch (object).
    #[arg(long)]
    changes: PathBuf,
    /// The payer's claim number of the claim replaced (default: the last one its 835s gave).
    #[arg(long)]
    payer_claim_number: Option<String>,
    /// Write the corrected claim (JSON) here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Record in the books that it was sent on this date (and keep it as the claim's version).
    #[arg(long)]
    sent: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub(crate) struct VoidArgs {
    /// The claim (patient control number).
    claim: String,
    /// The payer's claim number of the claim voided (default: the last one its 835s gave).
    #[arg(long)]
    payer_claim_number: Option<String>,
    /// Write the void claim (JSON) here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Record in the books that it was sent on this date.
    #[arg(long)]
    sent: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// Plain text.
    Text,
    /// One self-contained HTML page.
    Html,
    /// PDF.
    Pdf,
}

#[derive(Debug, Args)]
pub(crate) struct AppealArgs {
    /// The claim (patient control number) whose denial is appealed.
    claim: String,
    /// A text file with the argument (paragraphs separated by blank lines).
    #[arg(long)]
    argument: PathBuf,
    /// What is enclosed; may be given more than once.
    #[arg(long)]
    enclosure: Vec<String>,
    /// A line of the signature block; may be given more than once.
    #[arg(long)]
    signature: Vec<String>,
    /// The letter's date and the day deadlines are counted to (default: today).
    #[arg(long)]
    date: Option<NaiveDate>,
    /// The payer (key) whose denial is appealed, when more than one denied the claim.
    #[arg(long)]
    payer: Option<String>,
    #[command(flatten)]
    packs: Packs,
    /// The letter's format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the letter here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct KpiArgs {
    /// The period's first posting date (default: the first day of `to`'s month, a year back).
    #[arg(long)]
    from: Option<NaiveDate>,
    /// The period's last posting date: the books as of this day (default: today).
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Days of charges days in AR averages.
    #[arg(long, default_value_t = 90)]
    lookback_days: u32,
}

fn refused(error: medbill_store::StoreError) -> Failure {
    Failure {
        message: error.to_string(),
        status: 1,
    }
}

fn json(value: &impl serde::Serialize) -> Result<u8, Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::input(e.to_string()))?;
    outln!("{text}");
    Ok(0)
}

fn write_out(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display()))),
        None => {
            crate::output::write_bytes(bytes);
            Ok(())
        }
    }
}

fn today_or(date: Option<NaiveDate>) -> NaiveDate {
    date.unwrap_or_else(crate::clock::today)
}

fn charged(books: &Books, claim: &str) -> Result<ChargedClaim, Failure> {
    books
        .charged_claim(claim)
        .map_err(refused)?
        .ok_or_else(|| Failure {
            message: format!("the books have no claim {claim}"),
            status: 1,
        })
}

fn follow_line(item: &FollowUpItem) -> String {
    let status = item.last_status.as_ref().map_or_else(String::new, |s| {
        format!(
            "  last status {} {:?}{}",
            s.date,
            s.event,
            s.explained
                .first()
                .map(|e| format!(": {e}"))
                .unwrap_or_default()
        )
    });
    format!(
        "{:<20} {:<12} {:>12} sent {} ({} days, due {}){status}",
        item.claim,
        item.payer,
        item.amount.to_string(),
        item.sent,
        item.days,
        item.due
    )
}

pub(crate) fn run_followup(
    books: &Books,
    args: FollowUpArgs,
    as_json: bool,
) -> Result<u8, Failure> {
    let as_of = today_or(args.as_of);
    let packs = args.packs.read()?;
    let queue = books.follow_ups(&packs, as_of).map_err(refused)?;
    if let Some(path) = &args.request_276 {
        let receiver = Organization {
            name: args.receiver_name.clone(),
            id: args.receiver_id.clone(),
        };
        let reference = format!("FU-{}", as_of.format("%Y%m%d"));
        let requests = queue
            .items
            .iter()
            .map(|item| {
                let claim = charged(books, &item.claim)?;
                status_request(item, &claim, &receiver, &reference)
                    .map_err(|e| Failure::input(format!("claim {}: {e}", item.claim)))
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        if requests.is_empty() {
            return Err(Failure::input(
                "no claim is due for follow-up: no 276 written",
            ));
        }
        let envelope = Envelope {
            sender_qualifier: "ZZ".into(),
            sender_id: args.receiver_id.clone(),
            receiver_qualifier: "ZZ".into(),
            receiver_id: "PAYER".into(),
            application_sender: None,
            application_receiver: None,
            interchange_control_number: 1,
            group_control_number: 1,
            date: as_of,
            time: chrono::NaiveTime::MIN,
            usage: Usage::Production,
            acknowledgment_requested: false,
            delimiters: None,
            line_breaks: false,
        };
        let bytes = medbill::x12::write_276(&envelope, &requests)
            .map_err(|e| Failure::input(format!("the 276 batch: {e}")))?;
        write_out(Some(path), &bytes)?;
    }
    if as_json {
        return json(&queue);
    }
    outln!(
        "{} claims to follow up as of {}, {} owed",
        queue.items.len(),
        queue.as_of,
        queue.total
    );
    for item in &queue.items {
        outln!("{}", follow_line(item));
    }
    if let Some(path) = &args.request_276 {
        outln!("276 batch written to {}", path.display());
    }
    Ok(0)
}

pub(crate) fn run_status(
    books: &mut Books,
    args: StatusArgs,
    as_json: bool,
) -> Result<u8, Failure> {
    let posted = today_or(args.posted);
    let mut responses = Vec::new();
    for path in &args.files {
        let read = medbill::x12::read_277(&read_bytes(path)?)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        responses.extend(read);
    }
    let posting = books.post_statuses(&responses, posted).map_err(refused)?;
    if as_json {
        return json(&posting);
    }
    for update in &posting.updates {
        outln!(
            "{:<20} {:?}{}{}",
            update.claim.as_deref().unwrap_or("(no claim number)"),
            update.event,
            if update.matched {
                ""
            } else {
                " (not in the books)"
            },
            update
                .explained
                .iter()
                .map(|e| format!("\n    {e}"))
                .collect::<String>()
        );
    }
    outln!("{} status entries posted", posting.entries.len());
    Ok(0)
}

pub(crate) fn run_fixes(args: FixesArgs, as_json: bool) -> Result<u8, Failure> {
    let mut fixes: Vec<Fix> = Vec::new();
    for path in &args.files {
        let bytes = read_bytes(path)?;
        let file = medbill::read_x12(&bytes)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        fixes.extend(fixes_from_277ca(&file.claim_status));
        fixes.extend(fixes_from_999(&file.acknowledgments));
    }
    if as_json {
        return json(&fixes);
    }
    outln!("{} things to fix", fixes.len());
    for fix in &fixes {
        outln!(
            "{} {} {}",
            fix.claim.as_deref().unwrap_or("(batch)"),
            fix.path.as_deref().unwrap_or("(field not named)"),
            fix.source
        );
        for said in &fix.said {
            outln!("    {said}");
        }
        outln!("    -> {}", fix.resend);
    }
    Ok(0)
}

fn denial_line(item: &DenialItem) -> String {
    let deadline = match (item.appeal_deadline, item.days_left) {
        (Some(d), Some(left)) if left < 0 => format!("deadline {d} passed"),
        (Some(d), Some(left)) => format!("appeal by {d} ({left} days)"),
        _ => "appeal deadline unknown".to_owned(),
    };
    format!(
        "{:<20} {:<12} {:>12} {:?} / {:?}, {deadline}",
        item.claim,
        item.payer,
        item.amount.to_string(),
        item.category,
        item.action
    )
}

pub(crate) fn run_denials(books: &Books, args: DenialsArgs, as_json: bool) -> Result<u8, Failure> {
    let as_of = today_or(args.as_of);
    let queue = books.denials(&args.packs.read()?, as_of).map_err(refused)?;
    if as_json {
        return json(&queue);
    }
    outln!(
        "{} denials to work as of {}, {} denied",
        queue.items.len(),
        queue.as_of,
        queue.total
    );
    for group in &queue.groups {
        outln!(
            "  {:?} / {}: {} for {}",
            group.category,
            group.payer,
            group.count,
            group.amount
        );
    }
    for item in &queue.items {
        outln!("{}", denial_line(item));
        for reason in &item.reasons {
            outln!(
                "    {} {}{}",
                reason.code,
                reason.amount,
                reason
                    .words
                    .as_deref()
                    .map(|w| format!(": {w}"))
                    .unwrap_or_default()
            );
        }
    }
    Ok(0)
}

/// The last payer claim number the claim's 835s gave.
fn last_payer_claim_number(books: &Books, claim: &str) -> Result<Option<String>, Failure> {
    let entries = books.claim_entries(claim).map_err(refused)?;
    Ok(entries.iter().rev().find_map(|e| match &e.source {
        Source::Remittance(s) => s.payer_claim_number.as_deref().map(str::to_owned),
        _ => None,
    }))
}

fn payer_number(books: &Books, claim: &str, given: Option<String>) -> Result<String, Failure> {
    match given {
        Some(number) => Ok(number),
        None => last_payer_claim_number(books, claim)?.ok_or_else(|| Failure {
            message: format!(
                "no 835 gave a payer claim number for {claim}: a claim never adjudicated is sent \
                 again as an original (frequency 1)"
            ),
            status: 1,
        }),
    }
}

fn resubmit(
    books: &mut Books,
    original: &ChargedClaim,
    resubmission: medbill::denial::Resubmission,
    output: Option<&Path>,
    sent: Option<NaiveDate>,
    as_json: bool,
) -> Result<u8, Failure> {
    for finding in &resubmission.findings {
        crate::output::warnln!("{} {}: {}", finding.rule, finding.path, finding.message);
    }
    if let Some(sent) = sent {
        let version = ChargedClaim {
            claim: resubmission.claim.clone(),
            ..original.clone()
        };
        books
            .record_submission(&version, sent, sent)
            .map_err(refused)?;
    }
    let text = if as_json {
        serde_json::to_string_pretty(&resubmission)
    } else {
        serde_json::to_string_pretty(&resubmission.claim)
    }
    .map_err(|e| Failure::input(e.to_string()))?;
    write_out(output, format!("{text}\n").as_bytes())?;
    Ok(0)
}

pub(crate) fn run_correct(
    books: &mut Books,
    args: CorrectArgs,
    as_json: bool,
) -> Result<u8, Failure> {
    let original = charged(books, &args.claim)?;
    let number = payer_number(books, &args.claim, args.payer_claim_number)?;
    let changes = ClaimChanges::from_json(&read_input(&args.changes)?)
        .map_err(|e| Failure::input(format!("{}: {e}", args.changes.display())))?;
    let corrected = corrected_claim(&original.claim, &number, &changes).map_err(|e| Failure {
        message: e.to_string(),
        status: 1,
    })?;
    resubmit(
        books,
        &original,
        corrected,
        args.output.as_deref(),
        args.sent,
        as_json,
    )
}

pub(crate) fn run_void(books: &mut Books, args: VoidArgs, as_json: bool) -> Result<u8, Failure> {
    let original = charged(books, &args.claim)?;
    let number = payer_number(books, &args.claim, args.payer_claim_number)?;
    let void = void_claim(&original.claim, &number).map_err(|e| Failure {
        message: e.to_string(),
        status: 1,
    })?;
    debug_assert_eq!(void.claim.frequency, ClaimFrequency::Void);
    resubmit(
        books,
        &original,
        void,
        args.output.as_deref(),
        args.sent,
        as_json,
    )
}

pub(crate) fn run_appeal(books: &Books, args: AppealArgs) -> Result<u8, Failure> {
    let date = today_or(args.date);
    let queue = books.denials(&args.packs.read()?, date).map_err(refused)?;
    let denial = queue
        .items
        .iter()
        .find(|i| i.claim == args.claim && args.payer.as_ref().is_none_or(|p| &i.payer == p))
        .ok_or_else(|| Failure {
            message: format!("claim {} has no open denial to appeal", args.claim),
            status: 1,
        })?;
    let original = charged(books, &args.claim)?;
    let text = read_input(&args.argument)?;
    let argument = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let request = AppealRequest {
        date,
        argument,
        enclosures: args.enclosure,
        signature: args.signature,
    };
    let letter =
        medbill::denial::appeal_letter(&original.claim, denial, &request).map_err(|e| Failure {
            message: e.to_string(),
            status: 1,
        })?;
    let bytes = match args.format {
        Format::Text => letter.text().into_bytes(),
        Format::Html => letter.html().into_bytes(),
        Format::Pdf => medbill_print::document_pdf(&letter.lines()),
    };
    write_out(args.output.as_deref(), &bytes)?;
    Ok(0)
}

pub(crate) fn kpi_request(args: &KpiArgs) -> Result<KpiRequest, Failure> {
    let to = today_or(args.to);
    let from = match args.from {
        Some(from) => from,
        None => to
            .checked_sub_months(chrono::Months::new(11))
            .and_then(|d| d.with_day0(0))
            .ok_or_else(|| Failure::input("--to is too early for a default --from"))?,
    };
    Ok(KpiRequest {
        from,
        to,
        lookback_days: args.lookback_days,
    })
}

fn rate(percent: Option<impl std::fmt::Display>) -> String {
    percent.map_or_else(|| "n/a".to_owned(), |p| format!("{p}%"))
}

pub(crate) fn print_kpis(k: &Kpis) {
    outln!(
        "The books from {} to {} ({} claims)",
        k.from,
        k.to,
        k.claims
    );
    outln!("  charges                {:>14}", k.charges.to_string());
    outln!("  collections            {:>14}", k.collections.to_string());
    outln!(
        "  contractual adjustments{:>14}",
        k.contractual_adjustments.to_string()
    );
    outln!(
        "  clean-claim rate       {:>14}  ({} of {})",
        rate(k.clean_claim_rate.percent),
        k.clean_claim_rate.count,
        k.clean_claim_rate.of
    );
    outln!(
        "  first-pass rate        {:>14}  ({} of {})",
        rate(k.first_pass_rate.percent),
        k.first_pass_rate.count,
        k.first_pass_rate.of
    );
    outln!(
        "  denial rate (count)    {:>14}  ({} of {})",
        rate(k.denial_rate_by_count.percent),
        k.denial_rate_by_count.count,
        k.denial_rate_by_count.of
    );
    outln!(
        "  denial rate (amount)   {:>14}  ({} of {})",
        rate(k.denial_rate_by_amount.percent),
        k.denial_rate_by_amount.amount,
        k.denial_rate_by_amount.of
    );
    outln!(
        "  days in AR             {:>14}",
        k.days_in_ar
            .map_or_else(|| "n/a".to_owned(), |d| d.to_string())
    );
    outln!(
        "  net collection rate    {:>14}",
        rate(k.net_collection_rate.percent)
    );
    outln!(
        "  gross collection rate  {:>14}",
        rate(k.gross_collection_rate.percent)
    );
    outln!("  receivables            {:>14}", k.receivables.to_string());
    outln!(
        "  AR over 90 days        {:>14}  ({})",
        rate(k.ar_over_90.percent),
        k.ar_over_90.amount
    );
    outln!(
        "  timely-filing losses   {:>14}",
        k.timely_filing_losses.to_string()
    );
    for payer in &k.days_to_payment {
        outln!(
            "  days to payment {:<12} {:>6} ({} payments)",
            payer.payer,
            payer.average_days.to_string(),
            payer.payments
        );
    }
    for category in &k.denials_by_category {
        outln!(
            "  denied {:<24} {:>4} {:>12}",
            format!("{:?}", category.category),
            category.count,
            category.amount.to_string()
        );
    }
}

pub(crate) fn run_kpi(books: &Books, args: KpiArgs, as_json: bool) -> Result<u8, Failure> {
    let kpis = books.kpis(kpi_request(&args)?).map_err(refused)?;
    if as_json {
        return json(&kpis);
    }
    print_kpis(&kpis);
    Ok(0)
}

use chrono::Datelike as _;
