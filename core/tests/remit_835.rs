//! Reading 835s into `Remittance`: a hand-built file with every balancing rule, and every
//! 835 sample under `../shared/data/x12/`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::indexing_slicing,
    reason = "test code fails loudly"
)]

mod support;

use medbill::x12::read_835;
use support::m;

const ISA: &str = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *261127*1200*^*00501*000000001*0*P*:~";

#[test]
fn reads_payment_claims_lines_adjustments_and_plb() {
    let body = "GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~\
BPR*I*170.50*C*ACH*CCP*01*111*DA*222*1234567890**01*333*DA*444*20261127~TRN*1*EFT123*1234567890~\
N1*PR*PRAIRIE HEALTH~N1*PE*RIVERBEND FAMILY MEDICINE*XX*1234567893~LX*1~\
CLP*ENC-1001*1*245.00*150.00*25.00*12*PHP-9001~\
SVC*HC:99214:25*180.00*125.00~CAS*CO*45*30.00~CAS*PR*3*25.00~REF*6R*ENC-1001-1~AMT*B6*150.00~\
SVC*HC:83036*65.00*25.00~CAS*CO*45*40.00~REF*6R*ENC-1001-2~\
CLP*ENC-0999*22*-300.00*-300.00**12*PHP-8001~SVC*HC:99213*-300.00*-300.00~\
CLP*ENC-0999*1*300.00*300.00**12*PHP-8002~SVC*HC:99213*300.00*300.00~\
CLP*ENC-1003*1*130.00*.00**12*PHP-9002~CAS*CO*97*130.00~\
PLB*1234567893*20261231*WO:PHP-7001*-20.00*L6*-.5~SE*23*0001~GE*1*1~IEA*1*000000001~";
    let remittances = read_835(format!("{ISA}{body}").as_bytes()).unwrap();
    assert_eq!(remittances.len(), 1);
    let r = &remittances[0];
    assert_eq!(r.findings, vec![], "balanced file");
    assert_eq!(
        (r.payment.amount, r.payment.trace_number.as_deref()),
        (Some(m("170.50")), Some("EFT123"))
    );
    assert_eq!(
        (r.payer.name.as_str(), r.payee.id.as_deref()),
        ("PRAIRIE HEALTH", Some("1234567893"))
    );
    assert_eq!(r.claims.len(), 4);
    let claim = &r.claims[0];
    assert_eq!(
        (claim.paid, claim.patient_responsibility, claim.lines.len()),
        (Some(m("150.00")), Some(m("25.00")), 2)
    );
    assert_eq!(claim.lines[0].control_number.as_deref(), Some("ENC-1001-1"));
    assert_eq!(claim.lines[0].allowed, Some(m("150.00")));
    assert_eq!(
        claim.lines[0]
            .adjustments
            .iter()
            .map(|a| format!("{}-{} {}", a.group, a.reason, a.amount.unwrap()))
            .collect::<Vec<_>>(),
        ["CO-45 30.00", "PR-3 25.00"]
    );
    // The reversal keeps its negative amounts exactly.
    assert_eq!(
        (r.claims[1].status.to_string().as_str(), r.claims[1].paid),
        ("22", Some(m("-300.00")))
    );
    assert_eq!(r.claims[3].adjustments[0].reason.to_string(), "97");
    assert_eq!(r.provider_adjustments.len(), 2);
    assert_eq!(
        (
            r.provider_adjustments[0].reason.as_str(),
            r.provider_adjustments[0].reference.as_deref()
        ),
        ("WO", Some("PHP-7001"))
    );
    assert_eq!(r.provider_adjustments[1].amount, Some(m("-0.50")));
}

#[test]
fn unbalanced_files_are_read_with_findings() {
    let body = "GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*I*999.00*C*CHK************20261127~\
CLP*A*1*100.00*80.00*0*12*X~SVC*HC:99213*100.00*70.00~CAS*CO*45*20.00~SE*6*0001~GE*1*1~IEA*1*000000001~";
    let r = &read_835(format!("{ISA}{body}").as_bytes()).unwrap()[0];
    let rules: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            // 100 − 20 ≠ 70 on the line; the claim (100 − 20 = 80) balances; 80 ≠ 999.
            ("REMIT-LINE-BALANCE", "/claims/0/lines/0"),
            ("REMIT-TRANSACTION-BALANCE", "/payment/amount"),
        ]
    );
    assert_eq!(
        r.claims[0].lines[0].paid,
        Some(m("70.00")),
        "the data is still read"
    );
}

#[test]
fn every_shared_835_sample_is_read() {
    let files = support::shared_files("x12");
    if files.is_empty() {
        return;
    }
    let mut read = 0;
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let is_835 = bytes.windows(7).any(|w| w == b"ST*835*" || w == b"ST|835|");
        if !is_835 {
            continue;
        }
        match read_835(&bytes) {
            Ok(remittances) => {
                read += 1;
                assert!(!remittances.is_empty(), "{}", path.display());
            }
            Err(
                medbill::x12::X12Error::UnsupportedVersion { .. }
                | medbill::x12::X12Error::NoInterchange,
            ) => {}
            Err(error) => panic!("{}: {error}", path.display()),
        }
    }
    assert!(read >= 10, "only {read} 835 files read");
}

#[test]
fn a_balanced_public_sample_reads_clean() {
    let Some(path) =
        support::shared_data("x12/linuxforhealth-x12/835_005010X221A1/managed-care.835")
    else {
        return;
    };
    let remittances = read_835(&std::fs::read(path).unwrap()).unwrap();
    let r = &remittances[0];
    // The sample's BPR16 is 20002316 (no month 23), which pyx12 also reports; its PER
    // contact is not part of the model. Nothing else: it balances.
    let rules: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(rules, [("REMIT-DATE", "segment 4 BPR16")]);
    assert_eq!(
        r.payer.address.as_ref().unwrap().state.as_deref(),
        Some("SD")
    );
    assert_eq!(
        (r.payment.amount, r.claims.len(), r.payer.name.as_str()),
        (Some(m("945.00")), 2, "RUSHMORE LIFE")
    );
    // CLP 800 − (CO-A2 50 claim-level + PR-1 300 line-level) = 450.
    assert_eq!(
        (
            r.claims[0].paid,
            r.claims[0].adjustments[0].reason.to_string()
        ),
        (Some(m("450.00")), "A2".to_owned())
    );
    assert_eq!(
        r.claims[0].lines[0].adjustments[0].amount,
        Some(m("300.00"))
    );
}

/// One 835 set around `payer` (segment 5) and `claims` (from segment 7; ST is 3, BPR 4, N1*PE
/// 6): its findings as (rule, path) but for balancing and SE01, and the remittance.
fn read_with(payer: &[u8], claims: &[u8]) -> (Vec<(String, String)>, medbill::remit::Remittance) {
    let mut input =
        format!("{ISA}GS*HP*P*R*20261127*1200*1*X*005010X221A1~ST*835*0001~BPR*I*80.00*C*CHK************20261127~")
            .into_bytes();
    input.extend_from_slice(payer);
    input.extend_from_slice(b"N1*PE*CLINIC*XX*1234567893~");
    input.extend_from_slice(claims);
    input.extend_from_slice(b"SE*99*0001~GE*1*1~IEA*1*000000001~");
    let mut remittances = read_835(&input).unwrap();
    let r = remittances.remove(0);
    let found = r
        .findings
        .iter()
        .filter(|f| f.rule != "X12-SE01-COUNT" && !f.rule.ends_with("-BALANCE"))
        .map(|f| (f.rule.clone(), f.path.clone()))
        .collect();
    (found, r)
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
        .collect()
}

#[test]
fn an_element_that_is_not_text_is_a_finding_and_the_rest_of_the_segment_is_read() {
    // CLP07 holds a Latin-1 byte: the claim is still read (it used to be skipped whole, its
    // lines falling to the claim before), CLP07 reads as absent, and an error names it.
    let (found, r) = read_with(
        b"N1*PR*PAYER~",
        b"CLP*A*1*100*80**12*PAYER\xC9REF~SVC*HC:99213*100*80~",
    );
    assert_eq!(found, pairs(&[("X12-NOT-TEXT", "segment 7 CLP07")]));
    assert_eq!(r.claims.len(), 1);
    let claim = &r.claims[0];
    assert_eq!(
        (claim.paid, claim.payer_claim_number.as_deref()),
        (Some(m("80")), None)
    );
    assert_eq!(claim.lines.len(), 1);
}

#[test]
fn a_nul_in_a_patient_name_is_a_finding() {
    let (found, r) = read_with(
        b"N1*PR*PAYER~",
        b"CLP*A*1*100*80**12*X~NM1*QC*1*DOE\x00*JANE~SVC*HC:99213*100*80~",
    );
    assert_eq!(
        found,
        pairs(&[("X12-CONTROL-CHARACTER", "segment 8 NM103")])
    );
    assert!(
        r.claims[0].patient.is_some(),
        "read as sent, with the finding"
    );
}

#[test]
fn empty_required_names_are_findings() {
    // N1*PR without its name (N102), and a crossover carrier (NM1*TT) without NM103 (the
    // carrier is carried, without a name).
    let (found, _) = read_with(
        b"N1*PR*~",
        b"CLP*A*1*100*80**12*X~NM1*TT*2*~SVC*HC:99213*100*80~",
    );
    assert_eq!(
        found,
        pairs(&[
            // The claim's findings come with the claim, the header's at the end of the set.
            ("X12-NAME-REQUIRED", "segment 8 NM103"),
            ("X12-NAME-REQUIRED", "segment 5 N102"),
        ])
    );
}

#[test]
fn a_composite_written_with_another_separator_than_isa16_is_a_warning() {
    // ISA16 is `:`; SVC01 and SVC06 come with `>` and a PLB03 with `|`. PLB05 with `^` is
    // left alone: `^` is this interchange's repetition separator.
    let (found, r) = read_with(
        b"N1*PR*PAYER~",
        b"CLP*A*1*100*80**12*X~SVC*HC>99213*100*80***HC>99214~SVC*HC:99213*0*0~\
PLB*1234567893*20261231*WO|X1*0*L6^X2*0~",
    );
    assert_eq!(
        found,
        pairs(&[
            ("X12-COMPONENT-SEPARATOR", "segment 8 SVC01"),
            ("X12-COMPONENT-SEPARATOR", "segment 8 SVC06"),
            ("X12-COMPONENT-SEPARATOR", "segment 10 PLB03"),
        ])
    );
    assert!(
        r.findings
            .iter()
            .filter(|f| f.rule == "X12-COMPONENT-SEPARATOR")
            .all(|f| f.severity == medbill::Severity::Warning)
    );
    // Read as sent: one component.
    assert_eq!(r.claims[0].lines[0].procedure.qualifier, "HC>99213");
}
