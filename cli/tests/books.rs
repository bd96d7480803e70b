//! `medbill books …` end to end: the sample claims charged, the sample 835 posted, balances,
//! aging, deposits, patient payments, suspense and matching, underpayments against the
//! contract, the audit chain against edits made behind medbill's back, and a posting killed
//! with SIGKILL many times that leaves the books before or after the file, never between.
//!
//! Expected figures are worked by hand from the sample 835 (examples/data/books/remittance.835):
//! BK-1 charged 180 + 65 = 245, paid 100 + 20 = 120, CO-45 50 + 35 = 85 written off, PR
//! 20 + 10 + 10 = 40 moved to the patient; BK-2 charged 130, denied CO-97 130; BPR02 120.50 =
//! the claims' 120 less a PLB L6 (interest) of -0.50.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(relative)
}

/// `medbill books --books FILE …`.
fn books(file: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medbill").unwrap();
    cmd.arg("books").arg("--books").arg(file);
    cmd
}

fn run(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs and expects exit 0; returns standard output.
fn ok(cmd: &mut Command) -> String {
    let (out, err, status) = run(cmd);
    assert_eq!(status, 0, "stdout: {out}\nstderr: {err}");
    out
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&ok(cmd.arg("--json"))).unwrap()
}

/// Books with the sample claims charged (billed 2026-11-20, entered 2026-12-01).
fn charged(dir: &Path) -> PathBuf {
    let file = dir.join("books.sqlite");
    ok(books(&file).arg("init"));
    let out = ok(books(&file)
        .args(["charge", "--billed", "2026-11-20", "--posted", "2026-12-01"])
        .arg(data("books/claims.json")));
    assert_eq!(
        out,
        "charged 2 claims (0 with their pricing), 3 charge entries, $375.00\n"
    );
    file
}

fn post_sample(file: &Path, posted: &str) -> String {
    ok(books(file)
        .args(["post", "--posted", posted])
        .arg(data("books/remittance.835")))
}

#[test]
fn the_sample_835_posts_the_payers_money_the_patients_share_and_the_interest() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    let out = post_sample(&file, "2026-12-02");
    assert!(
        out.contains(": 2 claims (denied 1, paid 1), 13 entries\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "payer 1999999999 trace EFT20261201: remitted $120.50, deposited $0.00 (not deposited yet)"
        ),
        "{out}"
    );

    let totals = json(books(&file).arg("balance"));
    assert_eq!(totals["entries"], 16);
    assert_eq!(totals["receivables"]["charges"], "375.00");
    assert_eq!(totals["receivables"]["payments"], "120.00");
    // 85 written off on BK-1, 130 on BK-2.
    assert_eq!(totals["receivables"]["adjustments"], "215.00");
    assert_eq!(totals["receivables"]["balance"], "40.00");
    // Medicare (primary) owes nothing more: it moved the 40 to the patient.
    assert_eq!(totals["parties"][0]["party"]["primary"], "00952");
    assert_eq!(totals["parties"][0]["balance"]["transfers"], "-40.00");
    assert_eq!(totals["parties"][0]["balance"]["balance"], "0.00");
    assert_eq!(totals["parties"][1]["party"], "patient");
    assert_eq!(totals["parties"][1]["balance"]["balance"], "40.00");
    assert_eq!(totals["payers"][0]["balance"], "120.50");
    assert_eq!(totals["clearing"][0]["balance"], "-0.50");
    assert_eq!(totals["suspense"], "0.00");

    let text = ok(books(&file).arg("balance").arg("BK-1"));
    assert_eq!(
        text,
        "claim BK-1 (patient account PA-100): balance $40.00 (charges 245.00, payments 120.00, adjustments 85.00)\n\
         \x20 line 0: $30.00\n\
         \x20 line 1: $10.00\n\
         \x20 owed by patient: $40.00\n"
    );
    let bk2 = json(books(&file).arg("balance").arg("BK-2"));
    assert_eq!(bk2["claim"]["balance"]["adjustments"], "130.00");
    assert_eq!(bk2["claim"]["balance"]["balance"], "0.00");

    // Served 2026-11-20: 41 days before 2026-12-31, in 31-60.
    let aging = ok(books(&file).args(["aging", "--as-of", "2026-12-31"]));
    let patient_row = aging.lines().find(|l| l.starts_with("patient")).unwrap();
    assert_eq!(
        patient_row.split_whitespace().collect::<Vec<_>>(),
        ["patient", "0.00", "40.00", "0.00", "0.00", "0.00", "40.00"]
    );
    // By last payment (2026-12-01, the 835's payment date): 30 days, in 0-30.
    let by_payment =
        json(books(&file).args(["aging", "--as-of", "2026-12-31", "--basis", "payment"]));
    assert_eq!(by_payment["total"]["buckets"][0], "40.00");
    assert_eq!(by_payment["total"]["total"], "40.00");

    assert_eq!(ok(books(&file).arg("suspense")), "nothing in suspense\n");
    let verified = json(books(&file).arg("verify"));
    assert_eq!(verified["verified"], true);
    assert_eq!(verified["chain"]["length"], 16);
}

#[test]
fn posting_the_same_835_again_changes_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    post_sample(&file, "2026-12-02");
    let before = json(books(&file).arg("verify"));
    let out = post_sample(&file, "2026-12-03");
    assert!(
        out.contains("2 claims (alreadyPosted 2), 0 entries"),
        "{out}"
    );
    assert!(out.contains("(posted before: nothing changed)"), "{out}");
    assert_eq!(json(books(&file).arg("verify")), before);
}

#[test]
fn a_different_835_reusing_a_trace_number_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    post_sample(&file, "2026-12-02");
    let before = json(books(&file).arg("verify"));
    let text = std::fs::read_to_string(data("books/remittance.835")).unwrap();
    let other = dir.path().join("other.835");
    std::fs::write(&other, text.replace("ICNBK2", "ICNBK3")).unwrap();
    let (out, err, status) = run(books(&file)
        .args(["post", "--posted", "2026-12-03"])
        .arg(&other));
    assert_eq!(status, 1, "{out}{err}");
    assert!(err.contains("nothing of it was posted"), "{err}");
    assert_eq!(json(books(&file).arg("verify")), before);
}

#[test]
fn a_deposit_reconciles_the_remittance_of_its_trace_number() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    post_sample(&file, "2026-12-02");
    let out = ok(books(&file).args([
        "deposit",
        "--payer",
        "1999999999",
        "--trace",
        "EFT20261201",
        "--amount",
        "120.50",
        "--deposited",
        "2026-12-03",
        "--posted",
        "2026-12-03",
    ]));
    assert_eq!(
        out,
        "entry 17: deposit $120.50 from payer 1999999999 trace EFT20261201: remitted $120.50, deposited $120.50 (deposit matched)\n"
    );
    let totals = json(books(&file).arg("balance"));
    assert_eq!(totals["payers"][0]["balance"], "0.00");
}

#[test]
fn a_patient_payment_settles_what_the_835_left_the_patient() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    post_sample(&file, "2026-12-02");
    let out = ok(books(&file).args([
        "pay",
        "--patient",
        "PA-100",
        "--claim",
        "BK-1",
        "--amount",
        "40.00",
        "--received",
        "2026-12-04",
        "--posted",
        "2026-12-04",
        "--check",
        "1001",
    ]));
    // The payment goes where the patient owes: 30 on line 0, 10 on line 1.
    assert_eq!(
        out,
        "entry 17: patient payment $30.00 on claim BK-1 line 0\n\
         entry 18: patient payment $10.00 on claim BK-1 line 1\n"
    );
    let account = json(books(&file).arg("balance").arg("PA-100"));
    assert_eq!(account["patient"]["patient"]["balance"]["balance"], "0.00");
    assert_eq!(
        account["patient"]["patient"]["balance"]["payments"],
        "160.00"
    );
    let totals = json(books(&file).arg("balance"));
    assert_eq!(totals["receivables"]["balance"], "0.00");
    // Paying more than the claim owes: the rest stays on the patient account, a credit.
    let out = ok(books(&file).args([
        "pay",
        "--patient",
        "PA-100",
        "--claim",
        "BK-1",
        "--amount",
        "5.00",
        "--posted",
        "2026-12-05",
    ]));
    assert_eq!(
        out,
        "entry 19: patient payment $5.00 on patient account PA-100\n"
    );
    let account = json(books(&file).arg("balance").arg("PA-100"));
    assert_eq!(account["patient"]["patient"]["balance"]["balance"], "-5.00");
    // A payment of nothing is refused, and nothing is entered.
    let (_, err, status) = run(books(&file).args([
        "pay",
        "--patient",
        "PA-100",
        "--amount",
        "0",
        "--posted",
        "2026-12-05",
    ]));
    assert_eq!(status, 1, "{err}");
    assert_eq!(json(books(&file).arg("verify"))["chain"]["length"], 19);
}

#[test]
fn an_unknown_claim_waits_in_suspense_until_matched() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    // The payer sends BK-2 under a patient control number the practice never billed.
    let text = std::fs::read_to_string(data("books/remittance.835")).unwrap();
    let remit = dir.path().join("typo.835");
    std::fs::write(&remit, text.replace("CLP*BK-2*", "CLP*BK-2X*")).unwrap();
    let out = ok(books(&file)
        .args(["post", "--posted", "2026-12-02"])
        .arg(&remit));
    assert!(out.contains("(paid 1, suspense 1)"), "{out}");
    let held = ok(books(&file).arg("suspense"));
    let line = held.lines().next().unwrap();
    assert!(
        line.contains(": claim BK-2X, payer 1999999999 trace EFT20261201: $0.00 held: no claim was charged with this patient control number"),
        "{held}"
    );
    let entry = line
        .strip_prefix("entry ")
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .to_owned();
    let out = ok(books(&file).args(["match", &entry, "--claim", "BK-2", "--posted", "2026-12-03"]));
    assert!(
        out.contains(&format!("entry {entry} posted to claim BK-2: Denied")),
        "{out}"
    );
    assert_eq!(ok(books(&file).arg("suspense")), "nothing in suspense\n");
    let bk2 = json(books(&file).arg("balance").arg("BK-2"));
    assert_eq!(bk2["claim"]["balance"]["adjustments"], "130.00");
    assert_eq!(bk2["claim"]["balance"]["balance"], "0.00");
}

#[test]
fn claims_priced_on_the_way_in_show_the_line_the_payer_underpaid() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("books.sqlite");
    ok(books(&file).arg("init"));
    let out = ok(books(&file)
        .args([
            "charge",
            "--billed",
            "2026-11-20",
            "--posted",
            "2026-12-01",
            "--contract",
        ])
        .arg(data("contracts/medicare-part-b.json"))
        .arg("--pfs-dir")
        .arg(data("pfs-sample"))
        .arg(data("books/claims.json")));
    assert!(out.contains("(2 with their pricing)"), "{out}");
    let posted = post_sample(&file, "2026-12-02");
    assert!(posted.contains("1 underpaid lines"), "{posted}");
    // 99214 in an office, sample locality (GPCIs 1.000/1.050/0.900, CF 33.4009):
    // (1.92 + 1.98 × 1.050 + 0.14 × 0.900) × 33.4009 = 4.125 × 33.4009 = 137.78; the payer
    // allowed 130.00 (AMT*B6).
    assert_eq!(
        ok(books(&file).arg("underpaid")),
        "claim BK-1 line 0: allowed $130.00 where the contract allows $137.78 (paid $100.00): $7.78 short; payer 1999999999 trace EFT20261201\n"
    );
    let found = json(books(&file).arg("underpaid"));
    assert_eq!(found[0]["underpayment"]["variance"], "7.78");
}

#[test]
fn the_books_file_is_where_the_user_says_and_by_default_in_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("medbill").unwrap();
    ok(cmd.current_dir(dir.path()).args(["books", "init"]));
    assert!(dir.path().join("medbill-books.sqlite").exists());
    // No books at the path given: said, exit 2.
    let (_, err, status) = run(books(&dir.path().join("none.sqlite")).arg("balance"));
    assert_eq!(status, 2);
    assert!(err.contains("no books at"), "{err}");
    assert!(err.contains("medbill books init"), "{err}");
}

#[test]
fn export_lists_every_entry_with_its_hash_and_no_patient_data() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    post_sample(&file, "2026-12-02");
    let export = json(books(&file).arg("export"));
    let entries = export["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 16);
    assert_eq!(export["chain"]["length"], 16);
    assert_eq!(export["chain"]["head"], entries[15]["hash"]);
    let text = ok(books(&file).arg("export"));
    assert_eq!(text.lines().count(), 1 + 16 + 1);
    for output in [export.to_string(), text] {
        for patient_data in ["Doe", "DOE", "Jane", "XJH123456789", "1958"] {
            assert!(!output.contains(patient_data), "{patient_data}");
        }
    }
}

#[test]
fn verify_names_the_entry_edited_behind_medbills_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = charged(dir.path());
    post_sample(&file, "2026-12-02");
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        // The triggers refuse an UPDATE; someone with the file drops them first.
        let refused = conn.execute(
            "UPDATE entries SET body = replace(body, '-100.00', '-10.00') WHERE id = 4",
            [],
        );
        assert!(refused.is_err());
        conn.execute_batch(
            "DROP TRIGGER entries_never_updated; \
             UPDATE entries SET body = replace(body, '-100.00', '-10.00') WHERE id = 4;",
        )
        .unwrap();
    }
    let (out, err, status) = run(books(&file).arg("verify"));
    assert_eq!(status, 1, "{out}{err}");
    assert!(err.contains("entry 4"), "{err}");
    let verdict: Value =
        serde_json::from_str(&run(books(&file).args(["verify", "--json"])).0).unwrap();
    assert_eq!(verdict["verified"], false);
    assert!(verdict["error"].as_str().unwrap().contains("entry 4"));
}

// --- a posting killed mid-way, many times ---

/// Charged claims and an 835 paying each of them as the sample pays BK-1 (balanced:
/// 245 charged, 120 paid, 85 CO-45, 40 PR), `n` claims `K1`…`Kn`.
fn generated(dir: &Path, n: usize) -> (PathBuf, PathBuf) {
    let template: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(data("books/claims.json")).unwrap()).unwrap();
    let mut claims = Vec::with_capacity(n);
    let mut remit = String::new();
    remit.push_str(
        "ISA*00*          *00*          *ZZ*PAYERSENDER    *ZZ*CLINIC         *261201*0900*^*00501*000000907*0*T*:~\n\
         GS*HP*PAYERSENDER*CLINIC*20261201*0900*1*X*005010X221A1~\nST*835*0001~\n",
    );
    remit.push_str(&format!(
        "BPR*I*{}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261201~\n",
        120 * n
    ));
    remit.push_str(
        "TRN*1*KILL20261201*1999999999~\nDTM*405*20261130~\nN1*PR*MEDICARE PART B~\n\
         N1*PE*RIVERBEND FAMILY MEDICINE*XX*1234567893~\nLX*1~\n",
    );
    for i in 1..=n {
        let mut claim = template[0].clone();
        claim["patientAccount"] = Value::from(format!("PA-K{i}"));
        claim["claim"]["patientControlNumber"] = Value::from(format!("K{i}"));
        let lines = &mut claim["claim"]["form"]["professional"]["lines"];
        lines[0]["lineItemControlNumber"] = Value::from(format!("K{i}-1"));
        lines[1]["lineItemControlNumber"] = Value::from(format!("K{i}-2"));
        claims.push(claim);
        remit.push_str(&format!(
            "CLP*K{i}*1*245*120*40*MB*ICNK{i}*11*1~\nNM1*QC*1*DOE*JANE****MI*XJH123456789~\n\
             SVC*HC:99214*180*100**1~\nDTM*472*20261120~\nCAS*CO*45*50~\nCAS*PR*1*20**2*10~\n\
             REF*6R*K{i}-1~\nAMT*B6*130~\nSVC*HC:83036*65*20**1~\nDTM*472*20261120~\n\
             CAS*CO*45*35~\nCAS*PR*2*10~\nREF*6R*K{i}-2~\nAMT*B6*30~\n"
        ));
    }
    remit.push_str(&format!(
        "SE*{}*0001~\nGE*1*1~\nIEA*1*000000907~\n",
        8 + 14 * n
    ));
    let claims_file = dir.join("claims.json");
    std::fs::write(&claims_file, serde_json::to_string(&claims).unwrap()).unwrap();
    let remit_file = dir.join("big.835");
    std::fs::write(&remit_file, remit).unwrap();
    (claims_file, remit_file)
}

/// What the books hold: the audit chain over every entry (its head covers every entry and
/// its 835 source), and the rows of the tables beside it.
fn state(file: &Path) -> (Value, i64, i64, i64) {
    let verified = json(books(file).arg("verify"));
    assert_eq!(verified["verified"], true, "{verified}");
    let conn = rusqlite::Connection::open(file).unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    (
        verified["chain"].clone(),
        count("claims"),
        count("underpayments"),
        count("sources"),
    )
}

/// Copies closed books (no WAL left beside them) over `to`, removing `to`'s WAL files.
fn restore(from: &Path, to: &Path) {
    for suffix in ["-wal", "-shm"] {
        let mut side = to.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    std::fs::copy(from, to).unwrap();
}

/// A small xorshift generator: random kill delays, the seed printed for a rerun.
struct Delays(u64);

impl Delays {
    fn next_below(&mut self, bound: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let micros = u64::try_from(bound.as_micros()).unwrap().max(1);
        Duration::from_micros(self.0 % micros)
    }
}

#[test]
fn a_posting_killed_at_any_moment_leaves_the_books_before_or_after_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (claims, remit) = generated(dir.path(), 1_200);
    let before_file = dir.path().join("before.sqlite");
    ok(books(&before_file).arg("init"));
    ok(books(&before_file)
        .args(["charge", "--billed", "2026-11-20", "--posted", "2026-12-01"])
        .arg(&claims));
    let before = state(&before_file);

    // The clean run: the books after the file, and how long posting takes.
    let clean_file = dir.path().join("clean.sqlite");
    restore(&before_file, &clean_file);
    let started = Instant::now();
    let out = ok(books(&clean_file)
        .args(["post", "--posted", "2026-12-02", "--cache-mib", "1"])
        .arg(&remit));
    let took = started.elapsed();
    assert!(out.contains(": 1200 claims (paid 1200)"), "{out}");
    let after = state(&clean_file);
    assert_ne!(before, after);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut delays = Delays(seed);
    let file = dir.path().join("killed.sqlite");
    restore(&before_file, &file);
    let (mut killed_before, mut killed_after, mut killed_with_pages_in_wal) = (0, 0, 0);
    for kill in 0..30 {
        // Most kills land while posting; a few after the file was committed.
        let delay = delays.next_below(took.mul_f64(1.25));
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("medbill"))
            .arg("books")
            .arg("--books")
            .arg(&file)
            // A 1 MiB page cache: the transaction spills pages to the WAL long before it
            // commits, so kills land with uncommitted pages in the WAL too.
            .args(["post", "--posted", "2026-12-02", "--cache-mib", "1"])
            .arg(&remit)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // SIGKILL on Unix: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait().unwrap();
        // What the killed process left in the WAL (it starts each run empty: closing the
        // books checkpoints it away).
        let mut wal = file.as_os_str().to_owned();
        wal.push("-wal");
        let wal_bytes = std::fs::metadata(PathBuf::from(wal)).map_or(0, |m| m.len());
        let now = state(&file);
        if now == before {
            killed_before += 1;
            if wal_bytes > 0 {
                killed_with_pages_in_wal += 1;
            }
        } else {
            assert_eq!(
                now, after,
                "kill {kill} after {delay:?} (seed {seed}): the books are neither before nor after the file"
            );
            killed_after += 1;
            // Start the next kill from before the file again.
            restore(&before_file, &file);
        }
    }
    eprintln!(
        "30 kills (seed {seed}, posting {took:?}): {killed_before} left the books before the file \
         ({killed_with_pages_in_wal} with uncommitted pages in the WAL), {killed_after} after"
    );
    assert!(
        killed_before > 0,
        "no kill landed mid-posting (seed {seed})"
    );
    assert!(
        killed_with_pages_in_wal > 0,
        "no kill landed after the posting spilled pages to the WAL (seed {seed})"
    );
    // Posting again after the kills gives the clean run's books; once more changes nothing.
    ok(books(&file)
        .args(["post", "--posted", "2026-12-02"])
        .arg(&remit));
    assert_eq!(state(&file), after);
    let again = ok(books(&file)
        .args(["post", "--posted", "2026-12-02"])
        .arg(&remit));
    assert!(
        again.contains("(posted before: nothing changed)"),
        "{again}"
    );
    assert_eq!(state(&file), after);
}

// --- the demo's books ---

#[test]
fn the_demo_posts_the_payers_answers_and_prints_what_is_left_for_whom() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.sqlite");
    let mut cmd = Command::cargo_bin("medbill").unwrap();
    let out = ok(cmd
        .args(["demo", "--out-837"])
        .arg(dir.path().join("day.837"))
        .arg("--books")
        .arg(&file));
    let section = &out[out.find("6. The payers answer").unwrap()..];
    assert!(
        section.contains("(3 payers): 10 claims (denied 1, paid 9)"),
        "{section}"
    );
    assert!(
        section.contains("the same file again: posted before, nothing changed"),
        "{section}"
    );
    assert!(
        section.contains(": 2 claims (paid 1, reversed 1)"),
        "{section}"
    );
    // ENC-1003, 99213 under Prairie PPO: charged 130.00, allowed 105.97, copay 25.00. Paid
    // 20.00 short first (a second copay), then reversed and paid as adjudicated: the books
    // hold only the correction's figures: paid 105.97 - 25.00 = 80.97, CO-45 130.00 -
    // 105.97 = 24.03, the patient owes the 25.00 copay.
    let enc_1003 = section
        .lines()
        .find(|l| l.contains("ENC-1003  Prairie"))
        .unwrap();
    assert_eq!(
        enc_1003.split_whitespace().collect::<Vec<_>>(),
        [
            "ENC-1003", "Prairie", "Health", "PPO", "charged", "$130.00", "paid", "$80.97",
            "adjusted", "$24.03", "the", "patient", "owes", "$25.00"
        ]
    );
    // ENC-1011 denied CO-197: the whole 195.00 written off, nothing owed by anyone.
    let enc_1011 = section
        .lines()
        .find(|l| l.contains("ENC-1011  Prairie"))
        .unwrap();
    assert!(
        enc_1011.contains("paid     $0.00  adjusted   $195.00  denied"),
        "{enc_1011}"
    );
    // Prairie's payments as adjudicated: 80.97 + 147.23 + 195.50 + 99.68 = 523.38, plus
    // 0.85 interest = 524.23 (the first file 20.00 short, the second 20.00 + 0.85).
    assert!(
        section.contains("Prairie Health PPO remitted $524.23 by EFT"),
        "{section}"
    );
    assert!(
        section.contains("provider clearing L6: $-0.85"),
        "{section}"
    );
    // What patients owe: the day's 547.98 less the 25.00 copay of the denied claim.
    assert!(
        section.contains("receivables $522.98: patients $522.98"),
        "{section}"
    );
    // The denial queue: the CO-197 denial first (the largest), to get an authorization.
    let queue = &out[out.find("8. The denial work queue").unwrap()..];
    let first = queue.lines().nth(1).unwrap();
    assert!(
        first.contains("ENC-1011")
            && first.contains("CO-197")
            && first.contains("GetAuthorization"),
        "{queue}"
    );
    // The KPIs: charges are the ten claims' (245 + 210 + 130 + 255 + 332 + 387.50 + 203 + 170
    // + 195 + 240), collections the payments listed above (135.42 + 80.97 + 147.23 + 195.50 +
    // 63.00 + 99.68), and 4 of the 11 adjudications (10 claims and one correction) carry a
    // denial (CO-197 on ENC-1011, CO-96 on ENC-1001, ENC-1006 and ENC-1012).
    let kpis = &out[out.find("9. The supervisor's numbers").unwrap()..];
    let figure = |name: &str| {
        kpis.lines()
            .find(|l| l.trim_start().starts_with(name))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap()
    };
    assert_eq!(figure("charges"), "charges 2367.50");
    assert_eq!(figure("collections"), "collections 721.80");
    assert_eq!(
        figure("denial rate (count)"),
        "denial rate (count) 36.36% (4 of 11)"
    );
    // The report page and one patient's statement, written beside the books.
    let report = kpis
        .lines()
        .find_map(|l| l.trim().strip_prefix("the report with its charts: "))
        .unwrap();
    let page = std::fs::read_to_string(report).unwrap();
    assert_eq!(page.matches("<svg").count(), 3);
    assert!(page.contains("$2,367.50"), "the charges on the page");
    let statement = &out[out.find("10. A patient statement").unwrap()..];
    // ENC-1001: the patient owes 137.78 (the line above).
    assert!(statement.contains("amount due $137.78"), "{statement}");
    let text_file = statement
        .split_whitespace()
        .find(|w| w.ends_with(".txt"))
        .unwrap();
    let text = std::fs::read_to_string(text_file).unwrap();
    assert!(text.contains("137.78"), "{text}");
    for patient_data in ["Doe", "Nakamura", "XJH123456789"] {
        assert!(!out.contains(patient_data), "{patient_data}");
    }
    // The books stay for the user: they verify, and the reversal is in them.
    let verified = json(books(&file).arg("verify"));
    assert_eq!(verified["chain"]["length"], 88);
    let enc = json(books(&file).arg("balance").arg("ENC-1003"));
    assert_eq!(enc["claim"]["balance"]["payments"], "80.97");
    let export = ok(books(&file).arg("export"));
    assert!(export.contains(" reversal "), "{export}");
    // Books that exist are not the demo's to fill.
    let mut again = Command::cargo_bin("medbill").unwrap();
    let (_, err, status) = run(again
        .args(["demo", "--out-837"])
        .arg(dir.path().join("day.837"))
        .arg("--books")
        .arg(&file));
    assert_eq!(status, 2);
    assert!(err.contains("exists"), "{err}");
}
