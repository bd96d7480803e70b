//! Every reader is linear: a segment of a megabyte costs work in proportion to its bytes,
//! whatever it holds (a million empty elements, a million components, a million
//! repetitions). The work is the count of bytes the readers examine (`super::work`), so
//! the bound is deterministic; a reader that rescans a segment per element exceeds it by
//! orders of magnitude and is stopped early.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use super::{Tokenizer, work};
use crate::claim::Claim;
use crate::x12::{
    ClaimStatusRequest, EligibilityRequest, Envelope, Submission, read_270, read_271, read_276,
    read_277, read_835, read_837, read_999, read_ta1, write_270, write_276, write_837,
};

/// The padding added to a segment: a megabyte, below the streaming reader's segment limit.
const PAD: usize = 1_000_000;

/// Bytes examined per input byte, at most. Each byte is looked at a bounded number of times
/// (finding the terminator, splitting, checking the text, splitting components, parsing).
const WORK_PER_BYTE: u64 = 24;

const ISA: &str = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~";

fn envelope() -> Envelope {
    crate::from_json(include_str!("../../../examples/data/x12/envelope.json")).unwrap()
}

fn claims_837() -> Vec<u8> {
    let claims: Vec<Claim> = [
        include_str!("../../../examples/data/claims/professional-clean.json"),
        include_str!("../../../examples/data/claims/institutional-outpatient.json"),
    ]
    .iter()
    .map(|text| Claim::from_json(text).unwrap())
    .collect();
    let submission: Submission =
        crate::from_json(include_str!("../../../examples/data/x12/submission.json")).unwrap();
    write_837(&claims, &submission, &envelope()).unwrap()
}

fn requests_270() -> Vec<u8> {
    let requests: Vec<EligibilityRequest> = crate::from_json(include_str!(
        "../../../examples/data/x12/eligibility-requests.json"
    ))
    .unwrap();
    write_270(&envelope(), &requests).unwrap()
}

fn requests_276() -> Vec<u8> {
    let requests: Vec<ClaimStatusRequest> = crate::from_json(include_str!(
        "../../../examples/data/x12/status-requests.json"
    ))
    .unwrap();
    write_276(&envelope(), &requests).unwrap()
}

fn response_271() -> Vec<u8> {
    format!(
        "{ISA}GS*HB*P*R*20261127*1200*1*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11*REF-1*20261127*1200~\
HL*1**20*1~NM1*PR*2*PRAIRIE HEALTH*****PI*PH001~PER*IC**TE*8005551212~HL*2*1*21*1~NM1*1P*2*RIVERBEND*****XX*1234567893~\
HL*3*2*22*0~TRN*2*T-0001*1123456789~NM1*IL*1*DOE*JANE****MI*W123~N3*1 MAIN ST~N4*TOWN*SD*55111~DMG*D8*19800101*F~\
INS*Y*18~REF*6P*GRP-42*ACME CORP~DTP*356*D8*20260101~AAA*N**72*C~\
EB*C*IND*30***23*1500.00*****Y~EB*B*IND*UC^86***27*75~HSD*VS*1~MSG*OFFICE VISIT~III*ZZ*21~\
LS*2120~NM1*P3*1*SMITH*JOHN****XX*1234567893~LE*2120~\
SE*26*0001~GE*1*1~IEA*1*000000001~"
    )
    .into_bytes()
}

fn response_277() -> Vec<u8> {
    format!(
        "{ISA}GS*HN*P*R*20261127*1200*1*X*005010X214~ST*277*0001*005010X214~BHT*0085*08*T-1*20261127*1200*TH~\
HL*1**20*1~NM1*PR*2*PRAIRIE HEALTH*****PI*PH001~TRN*1*T-1~DTP*050*D8*20261127~DTP*009*D8*20261127~\
HL*2*1*21*1~NM1*41*2*RIVERBEND*****46*RB~TRN*2*B-1~STC*A1:20*20261127*WQ*199.14~QTY*90*1~AMT*YU*199.14~\
HL*3*2*19*1~NM1*85*2*RIVERBEND*****XX*1234567893~HL*4*3*PT~NM1*QC*1*DOE*JANE****MI*W123~\
TRN*2*ENC1001~STC*A7:562:85*20261127*U*199.14********MSG~REF*1K*PHP-1~DTP*472*RD8*20261101-20261102~\
SVC*HC:99213*100*80****1~STC*A3:21*20261127~REF*FJ*1~DTP*472*D8*20261101~\
SE*29*0001~GE*1*1~IEA*1*000000001~"
    )
    .into_bytes()
}

fn ack_999() -> Vec<u8> {
    format!(
        "{ISA}GS*FA*P*R*20261127*1200*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~\
AK2*837*0001*005010X222A1~IK3*NM1*8*2010BA*8~CTX*CLM01:ENC1001~CTX*SITUATIONAL TRIGGER*CLM*10**5:3~\
IK4*3:1:2*66*7~IK5*R*5~AK9*R*1*1*0~SE*10*0001~GE*1*1~IEA*1*000000001~"
    )
    .into_bytes()
}

fn ta1() -> Vec<u8> {
    format!("{ISA}TA1*000000907*261126*1147*R*024~IEA*0*000000001~").into_bytes()
}

/// `input` with the first segment of each kind (but ISA) padded at its end with a megabyte
/// of `fill` repeated: a million empty elements (`*`), or a last element of half a million
/// components each with a repetition separator (`:^`).
fn padded(input: &[u8], fill: &[u8]) -> Vec<u8> {
    let pad: Vec<u8> = fill.iter().copied().cycle().take(PAD).collect();
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for segment in Tokenizer::new(input).unwrap() {
        let segment = segment.unwrap();
        out.extend_from_slice(segment.raw());
        let id = segment.id().to_owned();
        if id != "ISA" && !seen.contains(&id) {
            out.extend_from_slice(&pad);
            seen.push(id);
        }
        out.push(segment.delimiters().segment);
    }
    out
}

fn assert_linear(name: &str, input: &[u8], read: impl Fn(&[u8])) {
    for fill in ["*", ":^"] {
        let file = padded(input, fill.as_bytes());
        let limit = WORK_PER_BYTE * file.len() as u64;
        let ((), work) = work::measure(limit, || read(&file));
        assert!(
            work <= limit,
            "{name}, padded with {fill}: {work} bytes examined for {} bytes of input",
            file.len()
        );
    }
}

#[test]
fn the_837_reader_is_linear() {
    assert_linear("837", &claims_837(), |file| {
        read_837(file).unwrap();
    });
}

#[test]
fn the_835_reader_is_linear() {
    assert_linear(
        "835",
        include_bytes!("../../../examples/data/x12/remittance.835"),
        |file| {
            read_835(file).unwrap();
        },
    );
}

/// Hands out at most 61 bytes per read, as a slow socket might.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(buf.len()).min(61);
        let (head, tail) = self.0.split_at(n);
        buf[..n].copy_from_slice(head);
        self.0 = tail;
        Ok(n)
    }
}

#[test]
fn the_streaming_835_reader_is_linear_however_the_source_reads() {
    // A long segment arriving a few bytes at a time was rescanned (and moved) at each read.
    assert_linear(
        "835 from a slow source",
        include_bytes!("../../../examples/data/x12/remittance.835"),
        |file| {
            for event in crate::x12::RemitReader::new(Trickle(file)) {
                event.unwrap();
            }
        },
    );
}

#[test]
fn the_270_and_271_readers_are_linear() {
    assert_linear("270", &requests_270(), |file| {
        read_270(file).unwrap();
    });
    assert_linear("271", &response_271(), |file| {
        read_271(file).unwrap();
    });
}

#[test]
fn the_276_and_277_readers_are_linear() {
    assert_linear("276", &requests_276(), |file| {
        read_276(file).unwrap();
    });
    assert_linear("277", &response_277(), |file| {
        read_277(file).unwrap();
    });
}

#[test]
fn the_999_and_ta1_readers_are_linear() {
    assert_linear("999", &ack_999(), |file| {
        read_999(file).unwrap();
    });
    assert_linear("TA1", &ta1(), |file| {
        read_ta1(file).unwrap();
    });
}
