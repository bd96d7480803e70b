//! The threaded 835 reader gives exactly the sequential reader's events, findings and
//! positions, on clean files, files with findings of every kind mid-run (read apart too, not
//! on one thread), cut-off files, back-to-back interchanges and every shared 835 sample.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

#[path = "../../core/tests/support/mod.rs"]
mod support;

use medbill::Finding;
use medbill::x12::{RemitEvent, RemitReader, X12Error};
use medbill_batch::ThreadedRemitReader;

type Events = Vec<Result<RemitEvent, X12Error>>;

/// Every event (and error) of the sequential reader, then its file findings.
fn sequential(bytes: &[u8]) -> (Events, Vec<Finding>) {
    let mut reader = RemitReader::new(bytes);
    let events = reader.by_ref().collect();
    (events, reader.file_findings().to_vec())
}

/// The same through worker threads, one event at a time or in batches.
fn threaded(bytes: &[u8], threads: usize, piece: usize, batches: bool) -> (Events, Vec<Finding>) {
    let mut reader = ThreadedRemitReader::new(bytes, threads, piece);
    let mut events = Vec::new();
    if batches {
        while let Some(batch) = reader.next_batch() {
            match batch {
                Ok(batch) => events.extend(batch.events().iter().cloned().map(Ok)),
                Err(error) => events.push(Err(error)),
            }
        }
    } else {
        events.extend(reader.by_ref());
    }
    (events, reader.file_findings().to_vec())
}

/// One 835 with `claims` clean claims, each as `claim` writes it (`{n}` is its number).
fn generated(claims: usize, claim: &str) -> Vec<u8> {
    let mut text = String::from(
        "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *261127*1200*^*00501*000000001*0*T*:~GS*HP*P*C*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*H*0*C*NON************20261127~TRN*1*0*1999999999~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~",
    );
    let mut segments = 6;
    for n in 0..claims {
        let one = claim.replace("{n}", &n.to_string());
        segments += one.matches('~').count();
        text.push_str(&one);
    }
    text.push_str(&format!("SE*{}*0001~GE*1*1~IEA*1*000000001~", segments + 1));
    text.into_bytes()
}

const PLAIN: &str = "CLP*PCN{n}*4*100*0**12*ICN~SVC*HC:99213*100*0~CAS*CO*97*100~";

/// Claims as a real payer's 835 writes them (the eMedNY sample's shape): corrected patient
/// names, references, dates, amounts, quantities, remarks, and MIA/MOA.
const REAL: &str = "CLP*PCN{n}*1*34.25*34.25**MC*1000210000000030*11~NM1*QC*1*SUBMITTED LAST*SUBMITTED FIRST****MI*LL99999L~NM1*74*1*CORRECTED LAST*CORRECTED FIRST~NM1*82*1*RENDERING*DOC****XX*1234567893~MOA***MA01~REF*EA*PATIENT ACCOUNT NUMBER~DTM*232*20100101~DTM*233*20100101~AMT*AU*34.25~QTY*CA*1~SVC*HC:V2020:RB*6*6**1~DTM*472*20100101~REF*6R*L{n}~AMT*B6*6~LQ*HE*N130~SVC*HC:V2700:RB*28.25*28.25**1~DTM*472*20100101~AMT*B6*28.25~";

fn inputs() -> Vec<(String, Vec<u8>)> {
    let fixture = std::fs::read(support::data_dir().join("x12/remittance.835")).unwrap();
    let mut two = fixture.clone();
    two.extend_from_slice(&fixture);
    let mut inputs: Vec<(String, Vec<u8>)> = vec![
        ("bundled fixture".into(), fixture),
        ("two interchanges".into(), two),
        ("3,000 clean claims".into(), generated(3_000, PLAIN)),
        (
            "3,000 claims of a real shape".into(),
            generated(3_000, REAL),
        ),
    ];
    // Findings in the middle of long runs of clean claims: an unbalanced claim, a segment
    // the model does not carry, a missing amount, a bad amount, an element the guide does not
    // use, an unknown code, and (so SE01 is wrong) one segment more.
    let text = String::from_utf8(generated(3_000, PLAIN)).unwrap();
    let text = text
        .replace("CLP*PCN1000*4*100*0*", "CLP*PCN1000*4*100*5*")
        .replace(
            "CLP*PCN2000*4*100*0**12*ICN~",
            "CLP*PCN2000*4*100*0**12*ICN~HI*BK:1234~",
        )
        .replace("CLP*PCN2200*4*100*0*", "CLP*PCN2200*4**0*")
        .replace("CLP*PCN2500*4*100*0*", "CLP*PCN2500*4*1x0*0*")
        .replace(
            "CLP*PCN2600*4*100*0**12*ICN~",
            "CLP*PCN2600*4*100*0**12*ICN*11*1*X~",
        )
        .replace(
            "CLP*PCN2700*4*100*0**12*ICN~SVC*HC:99213*100*0~CAS*CO*97*100~",
            "CLP*PCN2700*4*100*0**12*ICN~SVC*HC:99213*100*0~CAS*CO*097*100~",
        );
    inputs.push(("findings mid-run".into(), text.into_bytes()));
    // A CLP with an element that is not text is still the CLP that ends the claim before it
    // (the element reads as empty, with a finding): pieces are cut before it like any other.
    let mut bytes = generated(3_000, PLAIN);
    for n in (3..3_000).step_by(7) {
        let pattern = format!("CLP*PCN{n}*");
        let at = bytes
            .windows(pattern.len())
            .position(|w| w == pattern.as_bytes())
            .unwrap();
        bytes[at + 5] = 0xFF;
    }
    inputs.push(("CLPs that are not text".into(), bytes));
    // What the envelope check names mid-run (an empty segment, a NUL in a name, a byte that
    // is not UTF-8, an HL) and what the reader warns of (a composite with a separator other
    // than ISA16's): read in order, with the same positions either way.
    let text = String::from_utf8(generated(3_000, PLAIN)).unwrap();
    let text = text
        .replace("CLP*PCN700*", "~CLP*PCN700*")
        .replace(
            "CLP*PCN1200*4*100*0**12*ICN~",
            "CLP*PCN1200*4*100*0**12*ICN~NM1*QC*1*D\0E*J~",
        )
        .replace(
            "CLP*PCN1900*4*100*0**12*ICN~",
            "CLP*PCN1900*4*100*0**12*ICN~HL*1*7~",
        )
        .replace(
            "CLP*PCN2300*4*100*0**12*ICN~SVC*HC:99213*",
            "CLP*PCN2300*4*100*0**12*ICN~SVC*HC>99213*",
        );
    let mut bytes = text.into_bytes();
    let at = bytes.windows(9).position(|w| w == b"CLP*PCN26").unwrap();
    bytes[at + 5] = 0xC3;
    inputs.push(("envelope findings mid-run".into(), bytes));
    // LX groups with provider summaries between claims.
    let text = String::from_utf8(generated(3_000, PLAIN)).unwrap();
    let mut grouped = String::new();
    for (n, part) in text.split("CLP*PCN").enumerate() {
        if n > 0 {
            if n % 250 == 0 {
                grouped.push_str(&format!(
                    "LX*{n}~TS3*1234567893*11*20261231*250*25000~TS2*****100~"
                ));
            }
            grouped.push_str("CLP*PCN");
        }
        grouped.push_str(part);
    }
    inputs.push(("LX groups mid-run".into(), grouped.into_bytes()));
    // Cut off mid-claim, and two interchanges with different delimiters back to back.
    let cut = generated(2_000, PLAIN);
    inputs.push(("truncated".into(), cut[..cut.len() * 2 / 3].to_vec()));
    let mut two = generated(1_500, PLAIN);
    two.extend(
        String::from_utf8(generated(1_500, PLAIN))
            .unwrap()
            .replace('*', "|")
            .replace('~', "!\r\n")
            .into_bytes(),
    );
    inputs.push(("two interchanges, other delimiters".into(), two));
    for path in support::shared_files("x12") {
        let bytes = std::fs::read(&path).unwrap();
        if bytes.windows(7).any(|w| w == b"ST*835*") {
            inputs.push((path.display().to_string(), bytes));
        }
    }
    inputs
}

#[test]
fn threaded_reading_gives_exactly_the_sequential_events() {
    let inputs = inputs();
    let mut compared = 0;
    for (name, bytes) in &inputs {
        let expected = sequential(bytes);
        for threads in [2, 3, 4] {
            for piece in [256, 1_000, 64 * 1024] {
                for batches in [false, true] {
                    let got = threaded(bytes, threads, piece, batches);
                    if got != expected {
                        let first = got.0.iter().zip(&expected.0).position(|(a, b)| a != b);
                        panic!(
                            "{name}: {threads} threads, {piece}-byte pieces, batches {batches}: \
                             {} events vs {}, first difference at {first:?}: {:?}\nvs {:?}",
                            got.0.len(),
                            expected.0.len(),
                            first.map(|i| &got.0[i]),
                            first.map(|i| &expected.0[i]),
                        );
                    }
                    compared += 1;
                }
            }
        }
    }
    let findings_of = |name: &str| -> Vec<String> {
        let (_, bytes) = inputs.iter().find(|(n, _)| n == name).unwrap();
        sequential(bytes)
            .0
            .iter()
            .flat_map(|e| match e {
                Ok(RemitEvent::Claim { findings, .. }) => findings.clone(),
                Ok(RemitEvent::End(t)) => t.findings.clone(),
                _ => vec![],
            })
            .map(|f| f.rule)
            .collect()
    };
    let rules = findings_of("findings mid-run");
    for rule in [
        "REMIT-CLAIM-BALANCE",
        "X12-NOT-CARRIED",
        "REMIT-AMOUNT-MISSING",
        "REMIT-AMOUNT",
        "REMIT-CLAIM-CANNOT-BALANCE",
        "REMIT-CODE",
        "X12-SE01-COUNT",
    ] {
        assert!(rules.iter().any(|r| r == rule), "{rule} in {rules:?}");
    }
    let rules = findings_of("envelope findings mid-run");
    for rule in [
        "X12-EMPTY-SEGMENT",
        "X12-CONTROL-CHARACTER",
        "X12-NOT-TEXT",
        "X12-HL-PARENT",
        "X12-COMPONENT-SEPARATOR",
    ] {
        assert!(rules.iter().any(|r| r == rule), "{rule} in {rules:?}");
    }
    println!(
        "{} inputs, {compared} threaded readings equal to the sequential one",
        inputs.len()
    );
}

/// How many of an input's claims came in runs of several claims (pieces read apart), and
/// how many of those a worker read.
fn read_apart(bytes: &[u8]) -> (usize, usize, usize) {
    let mut reader = ThreadedRemitReader::new(bytes, 2, 1_000);
    let (mut in_pieces, mut by_worker, mut claims) = (0, 0, 0);
    while let Some(batch) = reader.next_batch() {
        let batch = batch.unwrap();
        let n = batch
            .events()
            .iter()
            .filter(|e| matches!(e, RemitEvent::Claim { .. }))
            .count();
        claims += n;
        if n > 1 {
            in_pieces += n;
        }
        if batch.read_by_worker() {
            by_worker += n;
        }
    }
    (claims, in_pieces, by_worker)
}

#[test]
fn pieces_with_findings_and_real_segments_are_read_apart_too() {
    // Every claim of these inputs but those around the header and the trailer comes in a
    // piece read apart: findings, segments of real 835s (NM1*74, MOA, QTY…), LX groups and
    // text findings do not send a piece back to the caller's thread.
    for (name, bytes) in inputs() {
        let wanted = match name.as_str() {
            "3,000 clean claims"
            | "3,000 claims of a real shape"
            | "findings mid-run"
            | "LX groups mid-run" => 2_900,
            // The piece holding the HL is read in order (HL parents are the envelope's).
            "envelope findings mid-run" => 2_850,
            _ => continue,
        };
        let (claims, in_pieces, by_worker) = read_apart(&bytes);
        assert_eq!(claims, 3_000, "{name}");
        assert!(
            in_pieces > wanted,
            "{name}: {in_pieces} of 3,000 claims read in pieces"
        );
        assert!(by_worker > 0, "{name}: the worker read none");
    }
}
