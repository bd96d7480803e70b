//! `medbill-bench-835 generate FILE MEGABYTES [SHAPE]` writes one 835 transaction set of about
//! MEGABYTES with correct counts and balances. SHAPE `worked` (the default): claims paid with
//! contractual and patient adjustments, denied, reversed and corrected; PLB interest. SHAPE
//! `real`: claims shaped like a real payer's 835 (the eMedNY sample in
//! ../shared/data/x12/tastypackets-x12-parser/profee-multiple.edi), each carrying the
//! submitted and the corrected patient name (NM1*QC, NM1*74), a rendering provider (NM1*82),
//! MOA (or MIA on institutional claims), references, dates, AMT and QTY, four lines with
//! allowed amounts.
//! `medbill-bench-835 read FILE [THREADS [PIECE-KB]]` streams it into the typed remittance
//! model (on this thread, or on THREADS threads in batches) and prints MB/s, claims/s and
//! peak memory.
//! Built natively and for wasm32-wasip1 by `cargo xtask bench`.
#![allow(clippy::print_stdout, reason = "a benchmark reports")]

use std::error::Error;
use std::io::{Seek, SeekFrom, Write};
use std::time::Instant;

use medbill::Money;
use medbill::x12::{RemitEvent, RemitReader};
use medbill_batch::ThreadedRemitReader;

/// The BPR02 placeholder: fixed width, patched once the total is known.
const BPR_WIDTH: usize = 15;

struct Out {
    file: std::io::BufWriter<std::fs::File>,
    segments: u64,
    bytes: u64,
}

impl Out {
    fn seg(&mut self, text: &str) -> std::io::Result<()> {
        self.file.write_all(text.as_bytes())?;
        self.file.write_all(b"~\n")?;
        self.segments = self.segments.saturating_add(1);
        self.bytes = self
            .bytes
            .saturating_add(u64::try_from(text.len()).unwrap_or(0))
            .saturating_add(2);
        Ok(())
    }
}

fn generate(path: &str, megabytes: u64, shape: &str) -> Result<(), Box<dyn Error>> {
    let real = match shape {
        "worked" => false,
        "real" => true,
        other => return Err(format!("unknown shape {other}: worked or real").into()),
    };
    let target = megabytes.saturating_mul(1_000_000);
    let mut out = Out {
        file: std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?),
        segments: 0,
        bytes: 0,
    };
    out.file.write_all(b"ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261127*1200*^*00501*000000001*0*P*:~\nGS*HP*PAYER*CLINIC*20261127*1200*1*X*005010X221A1~\n")?;
    out.seg("ST*835*0001")?;
    out.file.flush()?;
    let bpr_offset = out.file.get_ref().stream_position()?.saturating_add(6);
    out.seg(&format!(
        "BPR*I*{}*C*CHK************20261127",
        "0".repeat(BPR_WIDTH)
    ))?;
    out.seg("TRN*1*CHK000123*1999999999")?;
    if real {
        out.seg("REF*EV*ETIN")?;
    }
    out.seg("DTM*405*20261126")?;
    out.seg("N1*PR*PRAIRIE HEALTH*XV*PH001")?;
    out.seg("N3*10 SOUTH AVENUE")?;
    out.seg("N4*RAPID CITY*SD*55111")?;
    out.seg("PER*BL*EDI SUPPORT*TE*8005551212")?;
    out.seg("N1*PE*RIVERBEND CLINIC*XX*1234567893")?;
    out.seg("REF*TJ*777667755")?;
    out.seg("LX*1")?;
    let mut paid_total = Money::ZERO;
    let mut n: u64 = 0;
    let mut claims: u64 = 0;
    while real && out.bytes < target {
        n = n.saturating_add(1);
        claims = claims.saturating_add(1);
        paid_total = paid_total.checked_add(real_claim(&mut out, n)?)?;
    }
    while out.bytes < target {
        n = n.saturating_add(1);
        let pcn = format!("ENC{n:09}");
        match n % 10 {
            // Denied.
            0 => {
                claims = claims.saturating_add(1);
                out.seg(&format!("CLP*{pcn}*4*65.00*0**12*ICN{n}*11*1"))?;
                out.seg("NM1*QC*1*DOE*JANE****MI*MBR0001")?;
                out.seg("SVC*HC:97110*65.00*0**1")?;
                out.seg("DTM*472*20261102")?;
                out.seg("CAS*CO*97*65.00")?;
                out.seg(&format!("REF*6R*{pcn}-1"))?;
                out.seg("LQ*HE*M15")?;
            }
            // A reversal of an earlier payment, then the corrected payment.
            1 => {
                claims = claims.saturating_add(2);
                out.seg(&format!("CLP*{pcn}*22*-65.00*-45.00**12*ICN{n}R*11*1"))?;
                out.seg("NM1*QC*1*DOE*JOHN****MI*MBR0002")?;
                out.seg("SVC*HC:99213*-65.00*-45.00**-1")?;
                out.seg("DTM*472*20261102")?;
                out.seg("CAS*CO*45*-20.00")?;
                out.seg(&format!("REF*6R*{pcn}-1"))?;
                out.seg(&format!("CLP*{pcn}*1*65.00*50.00**12*ICN{n}C*11*1"))?;
                out.seg("NM1*QC*1*DOE*JOHN****MI*MBR0002")?;
                out.seg("SVC*HC:99213*65.00*50.00**1")?;
                out.seg("DTM*472*20261102")?;
                out.seg("CAS*CO*45*15.00")?;
                out.seg(&format!("REF*6R*{pcn}-1"))?;
                out.seg("AMT*B6*50.00")?;
                paid_total = paid_total.checked_add(Money::from_cents(500))?;
            }
            // Paid, three lines: c1 − 30 CO − 20 PR; 65 − 15 CO; 25 − 25 PR.
            _ => {
                claims = claims.saturating_add(1);
                let c1 = Money::from_cents(i64::try_from(10_000u64.saturating_add(n % 9_000))?);
                let charge = c1.checked_add(Money::from_cents(9_000))?;
                let paid1 = c1.checked_sub(Money::from_cents(5_000))?;
                let paid = paid1.checked_add(Money::from_cents(5_000))?;
                let allowed = c1.checked_sub(Money::from_cents(3_000))?;
                out.seg(&format!("CLP*{pcn}*1*{charge}*{paid}*45.00*12*ICN{n}*11*1"))?;
                out.seg("NM1*QC*1*DOE*JANE****MI*MBR0001")?;
                out.seg("DTM*050*20261105")?;
                out.seg(&format!("SVC*HC:99214:25*{c1}*{paid1}**1"))?;
                out.seg("DTM*472*20261102")?;
                out.seg("CAS*CO*45*30.00")?;
                out.seg("CAS*PR*3*20.00")?;
                out.seg(&format!("REF*6R*{pcn}-1"))?;
                out.seg(&format!("AMT*B6*{allowed}"))?;
                out.seg("SVC*HC:83036*65.00*50.00**1")?;
                out.seg("DTM*472*20261102")?;
                out.seg("CAS*CO*45*15.00")?;
                out.seg(&format!("REF*6R*{pcn}-2"))?;
                out.seg("SVC*HC:36415*25.00*0**1")?;
                out.seg("DTM*472*20261102")?;
                out.seg("CAS*PR*1*25.00")?;
                out.seg(&format!("REF*6R*{pcn}-3"))?;
                out.seg("LQ*HE*N130")?;
                paid_total = paid_total.checked_add(paid)?;
            }
        }
    }
    // PLB: interest paid (negative decreases nothing: it increases the payment).
    out.seg("PLB*1234567893*20261231*L6*-12.34")?;
    paid_total = paid_total.checked_add(Money::from_cents(1_234))?;
    let count = out.segments.saturating_add(1);
    out.seg(&format!("SE*{count}*0001"))?;
    out.file.write_all(b"GE*1*1~\nIEA*1*000000001~\n")?;
    let mut file = out.file.into_inner().map_err(|e| e.into_error())?;
    let total = format!("{:0>width$}", paid_total.to_string(), width = BPR_WIDTH);
    if total.len() != BPR_WIDTH {
        return Err("total payment too large for the placeholder".into());
    }
    file.seek(SeekFrom::Start(bpr_offset))?;
    file.write_all(total.as_bytes())?;
    let size = file.seek(SeekFrom::End(0))?;
    println!(
        "generated {path}: {:.1} MB, {claims} claims, {count} segments in the transaction set",
        size as f64 / 1e6
    );
    Ok(())
}

/// One claim shaped like the eMedNY sample's (every one with a corrected patient name), its
/// payment.
fn real_claim(out: &mut Out, n: u64) -> Result<Money, Box<dyn Error>> {
    let pcn = format!("PATIENT ACCOUNT {n:09}");
    let fourth = Money::from_cents(i64::try_from(2_000u64.saturating_add(n % 5_000))?);
    let contractual = Money::from_cents(i64::try_from(n % 700)?);
    let fourth_paid = fourth.checked_sub(contractual)?;
    let lines = [
        (
            "V2020:RB",
            Money::from_cents(600),
            Money::from_cents(600),
            "1",
        ),
        (
            "V2700:RB",
            Money::from_cents(275),
            Money::from_cents(275),
            "1",
        ),
        (
            "V2103:RB",
            Money::from_cents(550),
            Money::from_cents(550),
            "1",
        ),
        ("S0580", fourth, fourth_paid, "2"),
    ];
    let charge = Money::sum(lines.iter().map(|l| l.1))?;
    let paid = Money::sum(lines.iter().map(|l| l.2))?;
    let institutional = n.is_multiple_of(5);
    let facility = if institutional { "13" } else { "11" };
    out.seg(&format!(
        "CLP*{pcn}*1*{charge}*{paid}**MC*10002{n:011}*{facility}*1"
    ))?;
    out.seg(&format!(
        "NM1*QC*1*SUBMITTED LAST*SUBMITTED FIRST****MI*LL{:05}L",
        n % 100_000
    ))?;
    out.seg("NM1*74*1*CORRECTED LAST*CORRECTED FIRST")?;
    out.seg("NM1*82*1*RENDERING*PROVIDER****XX*1234567893")?;
    if institutional {
        out.seg("MIA*1***1250.00*MA02")?;
    } else {
        out.seg("MOA***MA01*MA07")?;
    }
    out.seg("REF*EA*PATIENT ACCOUNT NUMBER")?;
    out.seg("DTM*232*20261101")?;
    out.seg("DTM*233*20261101")?;
    out.seg(&format!("AMT*AU*{paid}"))?;
    out.seg("QTY*CA*1")?;
    for (k, (code, charge, paid, units)) in lines.iter().enumerate() {
        out.seg(&format!("SVC*HC:{code}*{charge}*{paid}**{units}"))?;
        out.seg("DTM*472*20261101")?;
        if charge != paid {
            out.seg(&format!("CAS*CO*45*{}", charge.checked_sub(*paid)?))?;
        }
        out.seg(&format!("REF*6R*{n}-{}", k.saturating_add(1)))?;
        out.seg(&format!("AMT*B6*{paid}"))?;
    }
    Ok(paid)
}

/// Peak resident memory of this process in MB (Linux), or the WebAssembly linear memory,
/// which only grows, so its size is the peak.
fn peak_memory_mb() -> Option<f64> {
    #[cfg(target_family = "wasm")]
    {
        let pages = core::arch::wasm32::memory_size(0);
        return Some(pages as f64 * 65_536.0 / 1e6);
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1000.0)
    }
}

fn read(path: &str, threads: usize, piece_kb: usize) -> Result<(), Box<dyn Error>> {
    let size = std::fs::metadata(path)?.len() as f64;
    let started = Instant::now();
    let (mut claims, mut lines, mut findings) = (0u64, 0u64, 0usize);
    let mut paid = Money::ZERO;
    let file = std::fs::File::open(path)?;
    let mut count = |event: &RemitEvent| -> Result<(), Box<dyn Error>> {
        match event {
            RemitEvent::Claim {
                index,
                claim,
                findings: f,
            } => {
                if u64::try_from(*index)? != claims {
                    return Err(format!("claim {claims} came with index {index}").into());
                }
                claims = claims.saturating_add(1);
                lines = lines.saturating_add(u64::try_from(claim.lines.len())?);
                paid = paid.checked_add(claim.paid.ok_or("a claim without its payment")?)?;
                findings = findings.saturating_add(f.len());
            }
            RemitEvent::End(trailer) => findings = findings.saturating_add(trailer.findings.len()),
            RemitEvent::Begin(_) | RemitEvent::Group(_) => {}
        }
        Ok(())
    };
    if threads == 0 {
        // One event at a time, as most callers read.
        for event in RemitReader::new(file) {
            count(&event?)?;
        }
    } else {
        // With threads: in batches, each claim freed on the thread that read it.
        let mut reader = ThreadedRemitReader::new(file, threads, piece_kb.saturating_mul(1024));
        while let Some(batch) = reader.next_batch() {
            for event in batch?.events() {
                count(event)?;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    if findings != 0 {
        return Err(format!("{findings} findings: the generated file should balance").into());
    }
    let how = match threads {
        0 => "on one thread".to_owned(),
        n => format!("on {n} threads, {piece_kb} KiB pieces, in batches"),
    };
    println!(
        "read {how}: {:.1} MB in {seconds:.3} s: {:.0} MB/s, {claims} claims ({:.2} M claims/s), {lines} lines, paid {paid}, peak memory {} MB",
        size / 1e6,
        size / 1e6 / seconds,
        claims as f64 / seconds / 1e6,
        peak_memory_mb().map_or_else(|| "unknown".to_owned(), |m| format!("{m:.1}")),
    );
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", path, megabytes] => generate(path, megabytes.parse()?, "worked"),
        ["generate", path, megabytes, shape] => generate(path, megabytes.parse()?, shape),
        ["read", path] => read(path, 0, 0),
        ["read", path, threads] => read(path, threads.parse()?, 64),
        ["read", path, threads, piece_kb] => read(path, threads.parse()?, piece_kb.parse()?),
        _ => Err(
            "usage: medbill-bench-835 generate FILE MEGABYTES [worked|real] | read FILE [THREADS [PIECE-KB]]"
                .into(),
        ),
    }
}
