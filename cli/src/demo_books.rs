//! `medbill demo`, the money coming back: the payers answer the day's claims with 835s written
//! by medbill's 835 writer from each plan's adjudication, and medbill posts them into a books
//! file (`medbill-store`), then prints what is left for whom.
//!
//! The payer with the most claims plays the three cases a biller meets every week: it denies
//! one claim (CO-197, no authorization), pays another short (a copay it should not have
//! taken), then in a second 835 reverses that payment and pays the claim as adjudicated, with
//! interest for the delay (PLB L6). Everything else is paid as its plan adjudicated it. This
//! file plays the payers (it builds their remittances) and prints; posting, balances and the
//! audit chain are the core's and the store's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Datelike as _;
use chrono::{Days, NaiveDate};
use medbill::benefits::AdjudicatedLine;
use medbill::claim::ClaimForm;
use medbill::codes::{Carc, GroupCode};
use medbill::kpi::KpiRequest;
use medbill::ledger::{AsOf, ChargedClaim, Party, PostOptions};
use medbill::remit::{
    ClaimGroup, ClaimStatus, Coded, Party as RemitParty, Payment, ProviderAdjustment,
    RemitAdjustment, RemitClaim, RemitLine, Remittance, ServiceProcedure,
};
use medbill::x12::Envelope;
use medbill::{Adjudication, Claim, Money, MoneyError, PricedClaim};
use medbill_store::{AccountReport, Books, PostReport, StoreError};

use crate::Failure;
use crate::output::outln;

/// What the billing day produced, for the books.
pub(crate) struct DayClaims<'a> {
    /// The billing day (the claims' billing date).
    pub(crate) billed: NaiveDate,
    /// The claims sent.
    pub(crate) ready: &'a [Claim],
    /// Each sent claim's patient account (the practice's patient id), by patient control number.
    pub(crate) accounts: &'a BTreeMap<String, String>,
    /// Each priced claim (what an underpayment is measured against).
    pub(crate) priced: Vec<&'a PricedClaim>,
    /// Each plan's adjudication of a claim.
    pub(crate) adjudications: &'a [Adjudication],
}

/// The copay the payer takes by mistake on the claim it pays short: $20.00.
fn wrong_copay() -> Money {
    Money::from_cents(2_000)
}

/// The interest it pays with the correction (PLB L6, negative: it adds to the payment): $0.85.
fn interest() -> Money {
    Money::from_cents(85)
}

fn books_failure(error: StoreError) -> Failure {
    Failure {
        message: format!("the demo's books: {error}"),
        status: 1,
    }
}

fn money_failure(error: MoneyError) -> Failure {
    Failure {
        message: format!("the demo's remittance: {error}"),
        status: 1,
    }
}

fn day_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

/// The demo's two cases on one payer's claims.
struct Cases {
    payer_id: String,
    /// Paid short, then reversed and corrected.
    corrected: String,
    /// Denied.
    denied: String,
}

/// Picks the payer with the most adjudicated claims: its first claim with a line the plan
/// pays at least the wrong copay on is paid short, its last other claim is denied.
fn cases(day: &DayClaims<'_>) -> Option<Cases> {
    let mut by_payer: BTreeMap<&str, Vec<&Adjudication>> = BTreeMap::new();
    for adjudication in day.adjudications {
        let claim = day
            .ready
            .iter()
            .find(|c| c.patient_control_number == adjudication.patient_control_number)?;
        by_payer
            .entry(claim.payer.payer_id.as_str())
            .or_default()
            .push(adjudication);
    }
    let (payer_id, claims) = by_payer.into_iter().max_by_key(|(_, c)| c.len())?;
    let corrected = claims
        .iter()
        .find(|a| a.lines.iter().any(|l| l.plan_paid >= wrong_copay()))?;
    let denied = claims
        .iter()
        .rev()
        .find(|a| a.patient_control_number != corrected.patient_control_number)?;
    Some(Cases {
        payer_id: payer_id.to_owned(),
        corrected: corrected.patient_control_number.clone(),
        denied: denied.patient_control_number.clone(),
    })
}

fn known_adjustment(group: GroupCode, reason: &Carc, amount: Money) -> RemitAdjustment {
    RemitAdjustment {
        group: Coded::Known(group),
        reason: Coded::Known(*reason),
        amount: Some(amount),
        quantity: None,
        separate: false,
    }
}

/// The 835 line for a claim line as the plan adjudicated it.
fn remit_line(claim: &Claim, adjudicated: &AdjudicatedLine) -> RemitLine {
    let billed = match &claim.form {
        ClaimForm::Professional(form) => form.lines.get(adjudicated.line),
        ClaimForm::Institutional(_) => None,
    };
    let procedure = ServiceProcedure {
        qualifier: "HC".into(),
        code: adjudicated
            .procedure
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_default()
            .into(),
        modifiers: billed
            .map(|l| l.modifiers.iter().map(|m| m.to_string().into()).collect())
            .unwrap_or_default(),
        description: None,
    };
    let mut line = RemitLine::new(
        procedure,
        Some(adjudicated.charge),
        Some(adjudicated.plan_paid),
    );
    line.service_date = billed.map(|l| l.service_date);
    line.control_number = billed
        .and_then(|l| l.line_item_control_number.as_deref())
        .map(Into::into);
    line.allowed = Some(adjudicated.allowed);
    line.adjustments = adjudicated
        .adjustments
        .iter()
        .filter(|a| !a.amount.is_zero())
        .map(|a| known_adjustment(a.group, &a.reason, a.amount))
        .collect();
    line
}

/// The 835 claim for a claim as its plan adjudicated it.
fn paid_claim(claim: &Claim, adjudication: &Adjudication, payer_claim: &str) -> RemitClaim {
    let mut paid = RemitClaim::new(
        &claim.patient_control_number,
        Coded::Known(ClaimStatus::Primary),
        Some(adjudication.total_charge),
        Some(adjudication.plan_paid),
    );
    paid.patient_responsibility = Some(adjudication.patient_responsibility);
    paid.filing_indicator = Some(claim.payer.claim_filing_indicator.as_str().into());
    paid.payer_claim_number = Some(payer_claim.into());
    paid.facility_code = Some("11".into());
    paid.frequency = Some("1".into());
    paid.lines = adjudication
        .lines
        .iter()
        .map(|l| remit_line(claim, l))
        .collect();
    paid
}

/// The claim denied whole: each line's charge CO-197 (no precertification or authorization).
fn denied_claim(claim: &Claim, adjudication: &Adjudication, payer_claim: &str) -> RemitClaim {
    let mut denied = paid_claim(claim, adjudication, payer_claim);
    denied.status = Coded::Known(ClaimStatus::Denied);
    denied.paid = Some(Money::ZERO);
    denied.patient_responsibility = Some(Money::ZERO);
    let reason = Carc::parse("197").ok();
    for line in &mut denied.lines {
        line.paid = Some(Money::ZERO);
        line.allowed = None;
        line.adjustments = match (&reason, line.charge) {
            (Some(reason), Some(charge)) => vec![known_adjustment(GroupCode::Co, reason, charge)],
            _ => Vec::new(),
        };
    }
    denied
}

/// The claim paid short: a copay taken by mistake on its first line paid enough.
fn short_paid_claim(
    claim: &Claim,
    adjudication: &Adjudication,
    payer_claim: &str,
) -> Result<RemitClaim, MoneyError> {
    let mut short = paid_claim(claim, adjudication, payer_claim);
    let copay = Carc::parse("3").ok();
    if let (Some(line), Some(copay)) = (
        short
            .lines
            .iter_mut()
            .find(|l| l.paid.is_some_and(|p| p >= wrong_copay())),
        copay,
    ) {
        line.paid = line
            .paid
            .map(|p| p.checked_sub(wrong_copay()))
            .transpose()?;
        line.adjustments
            .push(known_adjustment(GroupCode::Pr, &copay, wrong_copay()));
        short.paid = short
            .paid
            .map(|p| p.checked_sub(wrong_copay()))
            .transpose()?;
        short.patient_responsibility = short
            .patient_responsibility
            .map(|p| p.checked_add(wrong_copay()))
            .transpose()?;
    }
    Ok(short)
}

/// The reversal of a payment (CLP02 22): the same claim number, every amount negated.
fn reversal_of(paid: &RemitClaim) -> RemitClaim {
    let negate = |m: Option<Money>| m.map(Money::negated);
    let mut reversal = paid.clone();
    reversal.status = Coded::Known(ClaimStatus::Reversal);
    reversal.charge = negate(paid.charge);
    reversal.paid = negate(paid.paid);
    reversal.patient_responsibility = negate(paid.patient_responsibility);
    for line in &mut reversal.lines {
        line.charge = negate(line.charge);
        line.paid = negate(line.paid);
        line.allowed = None;
        for adjustment in &mut line.adjustments {
            adjustment.amount = negate(adjustment.amount);
        }
    }
    reversal
}

/// Who sends and who receives an 835.
struct Parties<'a> {
    payer: &'a medbill::claim::Payer,
    practice: &'a str,
    npi: &'a str,
}

/// One payer's remittance: its claims, its PLBs, paid by EFT on `date` under `trace`.
fn remittance(
    parties: &Parties<'_>,
    control: usize,
    trace: &str,
    date: NaiveDate,
    claims: Vec<RemitClaim>,
    provider_adjustments: Vec<ProviderAdjustment>,
) -> Result<Remittance, MoneyError> {
    let paid = Money::sum(claims.iter().filter_map(|c| c.paid))?;
    let adjusted = Money::sum(provider_adjustments.iter().filter_map(|p| p.amount))?;
    let payment = Payment {
        handling: "I".into(),
        amount: Some(paid.checked_sub(adjusted)?),
        credit_debit: "C".into(),
        method: "ACH".into(),
        date: Some(date),
        trace_type: Some("1".into()),
        trace_number: Some(trace.into()),
        payer_identifier: Some(parties.payer.payer_id.as_str().into()),
        ..Payment::default()
    };
    Ok(Remittance {
        control_number: format!("{control:04}").into(),
        version: "005010X221A1".into(),
        payment,
        payer: RemitParty {
            name: parties.payer.name.as_str().into(),
            ..RemitParty::default()
        },
        payee: RemitParty {
            name: parties.practice.into(),
            id_qualifier: Some("XX".into()),
            id: Some(parties.npi.into()),
            ..RemitParty::default()
        },
        groups: vec![ClaimGroup {
            number: "1".into(),
            first_claim: 0,
            provider_summary: None,
            supplemental_summary: None,
        }],
        claims,
        provider_adjustments,
        findings: Vec::new(),
    })
}

/// The payers' envelope: the practice's default envelope, sender and receiver swapped, made
/// on the day the payer paid.
fn payer_envelope(control: u32, date: NaiveDate) -> Result<Envelope, Failure> {
    let mut envelope = crate::x12_cmd::default_envelope()?;
    envelope.date = date;
    std::mem::swap(&mut envelope.sender_id, &mut envelope.receiver_id);
    std::mem::swap(
        &mut envelope.sender_qualifier,
        &mut envelope.receiver_qualifier,
    );
    std::mem::swap(
        &mut envelope.application_sender,
        &mut envelope.application_receiver,
    );
    envelope.interchange_control_number = control;
    envelope.group_control_number = control;
    Ok(envelope)
}

fn write_file(
    path: &Path,
    remittances: &[Remittance],
    control: u32,
    date: NaiveDate,
) -> Result<(), Failure> {
    let envelope = payer_envelope(control, date)?;
    let bytes = medbill::x12::write_835(remittances, &envelope).map_err(|e| Failure {
        message: format!("writing the demo's 835: {e}"),
        status: 1,
    })?;
    std::fs::write(path, bytes)
        .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))
}

/// The two 835 files: the first answer of every payer, then the correction.
struct Answers {
    first: Vec<Remittance>,
    second: Vec<Remittance>,
}

fn answers(
    day: &DayClaims<'_>,
    cases: Option<&Cases>,
    first_date: NaiveDate,
    second_date: NaiveDate,
) -> Result<Answers, MoneyError> {
    let mut by_payer: BTreeMap<&str, (&medbill::claim::Payer, Vec<RemitClaim>)> = BTreeMap::new();
    let mut corrections = Vec::new();
    for adjudication in day.adjudications {
        let Some(claim) = day
            .ready
            .iter()
            .find(|c| c.patient_control_number == adjudication.patient_control_number)
        else {
            continue;
        };
        let pcn = claim.patient_control_number.as_str();
        let number = format!("{}-{}", claim.payer.payer_id, pcn.replace("ENC-", ""));
        let remitted = match cases {
            Some(c) if c.denied == pcn => denied_claim(claim, adjudication, &number),
            Some(c) if c.corrected == pcn => {
                let short = short_paid_claim(claim, adjudication, &number)?;
                corrections.push(reversal_of(&short));
                corrections.push(paid_claim(claim, adjudication, &format!("{number}-C")));
                short
            }
            _ => paid_claim(claim, adjudication, &number),
        };
        by_payer
            .entry(claim.payer.payer_id.as_str())
            .or_insert_with(|| (&claim.payer, Vec::new()))
            .1
            .push(remitted);
    }
    let Some(first_claim) = day.ready.first() else {
        return Ok(Answers {
            first: Vec::new(),
            second: Vec::new(),
        });
    };
    let practice = match &first_claim.billing_provider.name {
        medbill::claim::PartyName::Organization { name } => name.clone(),
        medbill::claim::PartyName::Person(p) => format!("{} {}", p.first, p.last),
    };
    let npi = first_claim.billing_provider.npi.to_string();
    let stamp = first_date.format("%Y%m%d");
    let mut first = Vec::new();
    let mut second = Vec::new();
    for (control, (payer_id, (payer, claims))) in by_payer.into_iter().enumerate() {
        let parties = Parties {
            payer,
            practice: &practice,
            npi: &npi,
        };
        let control = control.saturating_add(1);
        first.push(remittance(
            &parties,
            control,
            &format!("EFT{stamp}{payer_id}"),
            first_date,
            claims,
            Vec::new(),
        )?);
        if cases.is_some_and(|c| c.payer_id == payer_id) && !corrections.is_empty() {
            let interest = ProviderAdjustment {
                provider: npi.as_str().into(),
                fiscal_period_end: NaiveDate::from_ymd_opt(2026, 12, 31),
                reason: "L6".into(),
                reference: corrections
                    .last()
                    .and_then(|c| c.payer_claim_number.clone()),
                amount: Some(interest().negated()),
            };
            second.push(remittance(
                &parties,
                1,
                &format!("EFT{}{payer_id}", second_date.format("%Y%m%d")),
                second_date,
                std::mem::take(&mut corrections),
                vec![interest],
            )?);
        }
    }
    Ok(Answers { first, second })
}

/// Refuses books given that exist: the demo posts into new books (checked before the day
/// begins, and again when they are made).
pub(crate) fn refuse_existing(given: Option<&Path>) -> Result<(), Failure> {
    match given {
        Some(path) if path.exists() => Err(Failure::input(format!(
            "{} exists: the demo posts into new books (give a new file)",
            path.display()
        ))),
        _ => Ok(()),
    }
}

/// This run's folder for the payers' 835s and, by default, the books: its own, so demos
/// run at the same time do not share files (`medbill-demo-PID` in the temporary folder).
fn run_folder() -> Result<PathBuf, Failure> {
    let folder = std::env::temp_dir().join(format!("medbill-demo-{}", std::process::id()));
    std::fs::create_dir_all(&folder)
        .map_err(|e| Failure::input(format!("cannot make {}: {e}", folder.display())))?;
    Ok(folder)
}

/// The books file: the one given (which must be new), else `books.sqlite` in this run's
/// folder, made anew (a folder left by an earlier process of the same id is reused).
fn books_path(given: Option<PathBuf>, folder: &Path) -> Result<PathBuf, Failure> {
    if let Some(path) = given {
        refuse_existing(Some(&path))?;
        return Ok(path);
    }
    let path = folder.join("books.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.clone().into_os_string();
        file.push(suffix);
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Failure::input(format!(
                    "cannot replace {}: {e}",
                    path.display()
                )));
            }
        }
    }
    Ok(path)
}

fn post_file(books: &mut Books, path: &Path, date: NaiveDate) -> Result<PostReport, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", path.display())))?;
    books
        .post_835(std::io::BufReader::new(file), &PostOptions::on(date))
        .map_err(books_failure)
}

fn outcomes(report: &PostReport) -> String {
    report
        .outcomes
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn party_name(party: &Party, payers: &BTreeMap<String, String>) -> String {
    let payer = |id: &str| payers.get(id).cloned().unwrap_or_else(|| id.to_owned());
    match party {
        Party::Primary(id) | Party::Secondary(id) | Party::Tertiary(id) | Party::Payer(id) => {
            payer(id)
        }
        Party::Patient => "the patient".to_owned(),
    }
}

/// Posts the payers' answers into books and prints what is left for whom.
pub(crate) fn run(day: &DayClaims<'_>, books: Option<PathBuf>) -> Result<(), Failure> {
    let first_date = day_after(day.billed, 14);
    let second_date = day_after(day.billed, 28);
    let cases = cases(day);
    let answers = answers(day, cases.as_ref(), first_date, second_date).map_err(money_failure)?;
    let folder = run_folder()?;
    let first_path = folder.join("payers-1.835");
    let second_path = folder.join("payers-2.835");
    write_file(&first_path, &answers.first, 101, first_date)?;
    write_file(&second_path, &answers.second, 102, second_date)?;

    let path = books_path(books, &folder)?;
    let mut books = Books::init(&path).map_err(books_failure)?;
    let charged: Vec<ChargedClaim> = day
        .ready
        .iter()
        .map(|claim| ChargedClaim {
            patient_account: day
                .accounts
                .get(&claim.patient_control_number)
                .cloned()
                .unwrap_or_else(|| claim.patient_control_number.clone()),
            claim: claim.clone(),
            priced: day
                .priced
                .iter()
                .find(|p| p.patient_control_number == claim.patient_control_number)
                .map(|p| (*p).clone()),
        })
        .collect();
    let charge = books
        .charge(&charged, day.billed, day.billed)
        .map_err(books_failure)?;
    let payers: BTreeMap<String, String> = day
        .ready
        .iter()
        .map(|c| (c.payer.payer_id.clone(), c.payer.name.clone()))
        .collect();
    let payer_name = |id: &str| payers.get(id).map_or(id, String::as_str).to_owned();

    outln!("\n6. The payers answer with 835s; medbill posts them into the practice's books");
    outln!("   books: {}", path.display());
    outln!(
        "   charged the {} claims sent: {} charge entries, ${}",
        charge.claims,
        charge.entries,
        charge.charged
    );
    if let Some(c) = &cases {
        outln!(
            "   {} denies {} (CO-197, no authorization) and pays {} ${} short (a copay taken by mistake)",
            payer_name(&c.payer_id),
            c.denied,
            c.corrected,
            wrong_copay()
        );
    }
    let first = post_file(&mut books, &first_path, first_date)?;
    outln!(
        "   {first_date}  {} ({} payers): {} claims ({}), {} entries",
        first_path.display(),
        first.sets.len(),
        first.claims,
        outcomes(&first),
        first.entries
    );
    let again = post_file(&mut books, &first_path, first_date)?;
    outln!(
        "   {first_date}  the same file again: {}",
        if again.sets.iter().all(|s| s.already_posted) && again.entries == 0 {
            "posted before, nothing changed"
        } else {
            "POSTED TWICE"
        }
    );
    if let Some(c) = &cases {
        outln!(
            "   {} reverses its payment of {} and pays it as adjudicated, with ${} interest (PLB L6)",
            payer_name(&c.payer_id),
            c.corrected,
            interest()
        );
    }
    let second = post_file(&mut books, &second_path, second_date)?;
    outln!(
        "   {second_date}  {}: {} claims ({}), {} entries",
        second_path.display(),
        second.claims,
        outcomes(&second),
        second.entries
    );
    let chain = books.verify().map_err(books_failure)?;
    outln!(
        "   audit chain: {} entries, each matching its SHA-256 link",
        chain.length
    );

    outln!("\n7. What is left, and for whom (as of {second_date})");
    for claim in day.ready {
        let pcn = &claim.patient_control_number;
        let Some(AccountReport::Claim(balance)) =
            books.account(pcn, AsOf::all()).map_err(books_failure)?
        else {
            continue;
        };
        let owed: Vec<String> = balance
            .parties
            .iter()
            .filter(|p| !p.balance.balance.is_zero())
            .map(|p| {
                format!(
                    "{} owes ${}",
                    party_name(&p.party, &payers),
                    p.balance.balance
                )
            })
            .collect();
        let left = match &cases {
            Some(c) if owed.is_empty() && c.denied == *pcn => {
                "denied: written off (CO-197, the patient is not liable)".to_owned()
            }
            _ if owed.is_empty() => "settled".to_owned(),
            _ => owed.join(", "),
        };
        outln!(
            "   {pcn:<9} {:<20} charged {:>9}  paid {:>9}  adjusted {:>9}  {left}",
            claim.payer.name,
            format!("${}", balance.balance.charges),
            format!("${}", balance.balance.payments),
            format!("${}", balance.balance.adjustments),
        );
    }
    let totals = books.totals(AsOf::all()).map_err(books_failure)?;
    let owed: Vec<String> = totals
        .parties
        .iter()
        .filter(|p| !p.balance.balance.is_zero())
        .map(|p| match p.party {
            Party::Patient => format!("patients ${}", p.balance.balance),
            _ => format!("{} ${}", party_name(&p.party, &payers), p.balance.balance),
        })
        .collect();
    outln!(
        "   receivables ${}: {}",
        totals.receivables.balance,
        if owed.is_empty() {
            "none".to_owned()
        } else {
            owed.join("; ")
        }
    );
    for payer in &totals.payers {
        if let medbill::ledger::Account::Payer(account) = &payer.account {
            outln!(
                "   {} remitted ${} by EFT, to match against the bank deposit",
                payer_name(&account.payer),
                payer.balance
            );
        }
    }
    for clearing in &totals.clearing {
        if let medbill::ledger::Account::Clearing(account) = &clearing.account {
            outln!(
                "   provider clearing {}: ${} (interest is income: negative)",
                account.reason,
                clearing.balance
            );
        }
    }
    outln!(
        "   see them again: medbill books --books {} balance",
        path.display()
    );

    outln!("\n8. The denial work queue (as of {second_date})");
    let queue = books.denials(&[], second_date).map_err(books_failure)?;
    if queue.items.is_empty() {
        outln!("   no open denial");
    }
    for item in &queue.items {
        let deadline = match (item.appeal_deadline, item.days_left) {
            (Some(d), Some(left)) => format!("appeal by {d} ({left} days left)"),
            _ => "appeal deadline unknown".to_owned(),
        };
        outln!(
            "   {:<9} {:<20} ${} {:?}: {}; next: {:?}; {deadline}",
            item.claim,
            payer_name(&item.payer),
            item.amount,
            item.category,
            item.reasons
                .iter()
                .map(|r| format!(
                    "{} {}",
                    r.code,
                    r.words.as_deref().unwrap_or("(not in the catalog)")
                ))
                .collect::<Vec<_>>()
                .join(", "),
            item.action
        );
    }
    outln!(
        "   work them: medbill books --books {} denials",
        path.display()
    );

    let from = day.billed.with_day(1).unwrap_or(day.billed);
    outln!("\n9. The supervisor's numbers ({from} to {second_date})");
    let kpis = books
        .kpis(KpiRequest::new(from, second_date))
        .map_err(books_failure)?;
    crate::work_cmd::print_kpis(&kpis);
    let report = folder.join("kpi-report.html");
    let html = medbill_report::report_html(&kpis, "Billing day: the supervisor's numbers")
        .map_err(|e| Failure {
            message: e.to_string(),
            status: 1,
        })?;
    std::fs::write(&report, html)
        .map_err(|e| Failure::input(format!("{}: {e}", report.display())))?;
    outln!("   the report with its charts: {}", report.display());

    // One patient's statement: the first claim the patient still owes on. Written to files
    // (they hold the patient's name and address); only its figures are printed here.
    let owing = day.ready.iter().find_map(|claim| {
        let account = day.accounts.get(&claim.patient_control_number)?;
        let balance = books
            .account(&claim.patient_control_number, AsOf::all())
            .ok()
            .flatten()?;
        match balance {
            AccountReport::Claim(b)
                if b.parties
                    .iter()
                    .any(|p| p.party == Party::Patient && !p.balance.balance.is_zero()) =>
            {
                Some(account.clone())
            }
            _ => None,
        }
    });
    if let Some(account) = owing {
        let entries = books.patient_entries(&account).map_err(books_failure)?;
        let claims = medbill::ledger::ClaimIndex::new(
            books.patient_claims(&account).map_err(books_failure)?,
        );
        let statement = medbill::statement::statement(
            &account,
            &entries,
            &claims,
            &medbill::statement::StatementOptions::on(second_date),
        )
        .map_err(|e| Failure {
            message: e.to_string(),
            status: 1,
        })?;
        let text_path = folder.join(format!("statement-{account}.txt"));
        let html_path = folder.join(format!("statement-{account}.html"));
        std::fs::write(&text_path, medbill::statement::statement_text(&statement))
            .map_err(|e| Failure::input(format!("{}: {e}", text_path.display())))?;
        std::fs::write(&html_path, medbill::statement::statement_html(&statement))
            .map_err(|e| Failure::input(format!("{}: {e}", html_path.display())))?;
        outln!("\n10. A patient statement (account {account}, as of {second_date})");
        outln!(
            "   {} visit(s); amount due ${}{}",
            statement.visits.len(),
            statement.totals.amount_due,
            statement
                .dunning
                .as_ref()
                .map(|d| format!("; {:?}, {} days: {}", d.stage, d.days, d.message))
                .unwrap_or_default()
        );
        outln!(
            "   written to {} and {} (they name the patient: not printed here)",
            text_path.display(),
            html_path.display()
        );
    }
    Ok(())
}
