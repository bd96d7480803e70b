//! The scrubber's rules, each from a hand-made claim whose expected findings come from the
//! rule as published: the ICD-10-CM tabular (FY2026), the HCPCS and PFS RVU25D files in
//! `../shared/data/codesets` (indicators quoted in each test from the file), and the NCCI
//! PTP, MUE and add-on code fixtures in the published layouts in
//! `examples/data/codesets`. Without `../shared` the tests say so loudly and fail unless
//! `MEDBILL_ALLOW_MISSING_SHARED=1` is set.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

mod support;

use std::sync::OnceLock;

use chrono::NaiveDate;
use medbill::claim::{ClaimForm, DrugQuantity, DrugUnit, Quantity};
use medbill::codes::{ClaimFrequency, Icd10Cm};
use medbill::codesets::{CodeSets, NcciSetting};
use medbill::scrub::rules::*;
use medbill::scrub::{PayerRules, PriorService, ScrubHistory, scrub};
use medbill::{Claim, Finding, Severity};
use support::{L, claim, shared_codeset};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A date of service in FY2026 and in the October 2025 HCPCS quarter's year.
fn dos() -> NaiveDate {
    d(2026, 3, 2)
}

fn fixtures(sets: &mut CodeSets) {
    let dir = support::data_dir().join("codesets");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.ends_with(".md") {
            continue;
        }
        sets.load_file(&name, &std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The official files and the NCCI fixtures; none when ../shared is absent.
fn sets() -> Option<&'static CodeSets> {
    static SETS: OnceLock<Option<CodeSets>> = OnceLock::new();
    SETS.get_or_init(|| {
        let dir = shared_codeset("")?;
        let mut sets = CodeSets::new();
        for name in [
            "icd10cm/icd10c-tabular-April-1-2026.xml",
            "hcpcs/HCPC2020_ANWEB_w_disclaimer.txt",
            "hcpcs/HCPC2025_OCT_ANWEB.xlsx",
            "pfs-rvu25d/PPRRVU2025_Oct.csv",
            "place-of-service/cs-CMS-PlaceofServiceCodes.xml",
            "nucc-taxonomy/nucc_taxonomy_251.csv",
        ] {
            let file = name.rsplit('/').next().unwrap();
            sets.load_file(file, &std::fs::read(dir.join(name)).unwrap())
                .unwrap();
        }
        fixtures(&mut sets);
        Some(sets)
    })
    .as_ref()
}

/// A Medicare Part B professional claim (the example claim's parties, diagnoses E11.9 and
/// I10) with these lines, all on `dos()`.
fn on(lines: &[L]) -> Claim {
    at(dos(), lines)
}

fn at(date: NaiveDate, lines: &[L]) -> Claim {
    let mut claim = claim(lines);
    let ClaimForm::Professional(p) = &mut claim.form else {
        unreachable!()
    };
    for line in &mut p.lines {
        line.service_date = date;
    }
    claim
}

fn run(claim: &Claim) -> Vec<Finding> {
    run_with(claim, &PayerRules::default(), &ScrubHistory::default())
}

fn run_with(claim: &Claim, rules: &PayerRules, history: &ScrubHistory) -> Vec<Finding> {
    scrub(claim, sets().unwrap(), rules, d(2026, 3, 20), history)
}

/// The (rule, path) pairs of the findings of these rules only.
fn only<'a>(findings: &'a [Finding], rules: &[&str]) -> Vec<(&'a str, &'a str)> {
    findings
        .iter()
        .filter(|f| rules.contains(&f.rule.as_str()))
        .map(|f| (f.rule.as_str(), f.path.as_str()))
        .collect()
}

fn severity_of(findings: &[Finding], rule: &str) -> Severity {
    findings.iter().find(|f| f.rule == rule).unwrap().severity
}

fn dx(claim: &mut Claim, codes: &[&str]) {
    claim.diagnoses = codes.iter().map(|c| Icd10Cm::parse(c).unwrap()).collect();
}

const ICD_RULES: &[&str] = &[
    ICD_UNKNOWN,
    ICD_NOT_BILLABLE,
    ICD_MANIFESTATION_FIRST,
    ICD_CODE_FIRST,
    ICD_EXCLUDES1,
    ICD_MATERNAL_SEX,
    ICD_YEAR,
];

#[test]
fn the_example_claim_on_a_fy2026_date_raises_no_scrub_finding() {
    if sets().is_none() {
        return;
    }
    let claim = on(&[
        L("99214", &["25"], "180.00", "1", "11"),
        L("83036", &[], "65.00", "1", "11"),
    ]);
    let findings = run(&claim);
    let scrub: Vec<_> = findings
        .iter()
        .filter(|f| f.rule.starts_with("SCRUB-"))
        .collect();
    assert!(scrub.is_empty(), "{scrub:#?}");
}

#[test]
fn diagnoses_must_be_billable_in_the_fiscal_year_and_sequenced_by_the_tabular() {
    if sets().is_none() {
        return;
    }
    let mut claim = on(&[L("99213", &[], "100.00", "1", "11")]);
    // E11 is a category (E11.9 is under it); Z99.99 is not in the FY2026 tabular.
    dx(&mut claim, &["E11", "Z99.99"]);
    assert_eq!(
        only(&run(&claim), ICD_RULES),
        [
            (ICD_NOT_BILLABLE, "/diagnoses/0"),
            (ICD_UNKNOWN, "/diagnoses/1")
        ]
    );
    // H36.811 "… in diseases classified elsewhere" (with a code-first note) first-listed.
    dx(&mut claim, &["H36.811", "E11.9"]);
    assert_eq!(
        only(&run(&claim), ICD_RULES),
        [(ICD_MANIFESTATION_FIRST, "/diagnoses/0")]
    );
    // After its underlying condition it is fine.
    dx(&mut claim, &["E11.9", "H36.811"]);
    assert_eq!(only(&run(&claim), ICD_RULES), []);
    // A04's Excludes1 note: "tuberculous enteritis (A18.32)".
    dx(&mut claim, &["A04.0", "A18.32"]);
    assert_eq!(
        only(&run(&claim), ICD_RULES),
        [(ICD_EXCLUDES1, "/diagnoses/1")]
    );
    // Chapter 15 is "for use only on maternal records": the example subscriber is male.
    dx(&mut claim, &["O80"]);
    let sex = claim.subscriber.sex;
    let findings = run(&claim);
    if sex == Some(medbill::claim::Sex::Male) {
        assert_eq!(
            only(&findings, ICD_RULES),
            [(ICD_MATERNAL_SEX, "/diagnoses/0")]
        );
    }
    // A date in FY2025, for which no table is loaded: a warning, no invented error.
    let mut old = at(d(2025, 6, 2), &[L("99213", &[], "100.00", "1", "11")]);
    dx(&mut old, &["Z99.99"]);
    let findings = scrub(
        &old,
        sets().unwrap(),
        &PayerRules::default(),
        d(2025, 6, 20),
        &ScrubHistory::default(),
    );
    assert_eq!(only(&findings, ICD_RULES), [(ICD_YEAR, "/diagnoses")]);
    assert_eq!(severity_of(&findings, ICD_YEAR), Severity::Warning);
}

#[test]
fn procedure_codes_and_modifiers_must_be_valid_on_the_date_of_service() {
    if sets().is_none() {
        return;
    }
    // A4466 was terminated on 2016-12-31 (HCPC2020: TERM DT 20161231).
    let claim = at(d(2020, 6, 1), &[L("A4466", &[], "10.00", "1", "11")]);
    let findings = scrub(
        &claim,
        sets().unwrap(),
        &PayerRules::default(),
        d(2020, 6, 20),
        &ScrubHistory::default(),
    );
    let f = findings
        .iter()
        .find(|f| f.rule == PROCEDURE_INVALID)
        .unwrap();
    assert_eq!(f.path, "/form/professional/lines/0/procedure");
    assert!(f.message.contains("2016-12-31"), "{}", f.message);
    // 99999 is no CPT code in the PFS file; QQ is no HCPCS modifier.
    let claim = on(&[
        L("99999", &[], "10.00", "1", "11"),
        L("99213", &["QQ"], "10.00", "1", "11"),
    ]);
    assert_eq!(
        only(&run(&claim), &[PROCEDURE_INVALID, MODIFIER_INVALID]),
        [
            (PROCEDURE_INVALID, "/form/professional/lines/0/procedure"),
            (MODIFIER_INVALID, "/form/professional/lines/1/modifiers/0")
        ]
    );
}

#[test]
fn pfs_status_not_payable_on_medicare_claims() {
    if sets().is_none() {
        return;
    }
    // RVU25D: 0001F status I, 0469T status N, 20930 status B, 36415 status X (paid by
    // the lab fee schedule: no finding).
    let claim = on(&[
        L("0001F", &[], "0.00", "1", "11"),
        L("0469T", &[], "10.00", "1", "11"),
        L("20930", &[], "10.00", "1", "11"),
        L("36415", &[], "10.00", "1", "11"),
    ]);
    let findings = run(&claim);
    let got: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == PFS_STATUS)
        .map(|f| (f.path.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("/form/professional/lines/0/procedure", Severity::Error),
            ("/form/professional/lines/1/procedure", Severity::Warning),
            ("/form/professional/lines/2/procedure", Severity::Warning),
        ]
    );
    // A commercial claim is not priced by the PFS: no finding.
    let mut commercial = claim.clone();
    commercial.payer.claim_filing_indicator = "CI".into();
    assert!(run(&commercial).iter().all(|f| f.rule != PFS_STATUS));
}

#[test]
fn modifiers_against_the_pfs_indicators() {
    if sets().is_none() {
        return;
    }
    let rules = [
        MOD_PCTC,
        MOD_BILATERAL,
        MOD_ASSISTANT,
        MOD_CO_SURGEON,
        MOD_TEAM,
    ];
    let lines = |l: &[L]| {
        only(&run(&on(l)), &rules)
            .into_iter()
            .map(|(r, p)| (r.to_owned(), p.to_owned()))
            .collect::<Vec<_>>()
    };
    // 71046 PC/TC 1 takes 26 and TC; 99214 PC/TC 0 takes neither; 93000 PC/TC 4 (global
    // test only) neither.
    assert_eq!(
        lines(&[
            L("71046", &["26"], "10.00", "1", "11"),
            L("71046", &["TC"], "10.00", "1", "11")
        ]),
        []
    );
    assert_eq!(
        lines(&[
            L("99214", &["26"], "10.00", "1", "11"),
            L("93000", &["TC"], "10.00", "1", "11")
        ]),
        [
            (
                MOD_PCTC.to_owned(),
                "/form/professional/lines/0/modifiers/0".to_owned()
            ),
            (
                MOD_PCTC.to_owned(),
                "/form/professional/lines/1/modifiers/0".to_owned()
            )
        ]
    );
    // Bilateral: 27447 indicator 1 takes 50; 11042 (0) and 69210 (2) do not.
    assert_eq!(lines(&[L("27447", &["50"], "10.00", "1", "22")]), []);
    let found = run(&on(&[
        L("11042", &["50"], "10.00", "1", "11"),
        L("69210", &["50"], "10.00", "1", "11"),
    ]));
    assert_eq!(found.iter().filter(|f| f.rule == MOD_BILATERAL).count(), 2);
    let f = found
        .iter()
        .find(|f| f.rule == MOD_BILATERAL && f.path.contains("/1/"))
        .unwrap();
    assert!(f.fix.as_deref().unwrap().contains("both sides"));
    // Assistant: 27447 indicator 2 allows 80; 11042 indicator 1 never; 29881 indicator 0
    // only with documentation (a warning).
    assert_eq!(lines(&[L("27447", &["80"], "10.00", "1", "22")]), []);
    let found = run(&on(&[
        L("11042", &["80"], "10.00", "1", "11"),
        L("29881", &["AS"], "10.00", "1", "22"),
    ]));
    let got: Vec<_> = found
        .iter()
        .filter(|f| f.rule == MOD_ASSISTANT)
        .map(|f| f.severity)
        .collect();
    assert_eq!(got, [Severity::Error, Severity::Warning]);
    // Co-surgeons: 47562 indicator 1 (documentation: warning), 11042 indicator 0 (error),
    // 63030 indicator 2 (permitted). Team: 27447 indicator 0 (error).
    let found = run(&on(&[
        L("47562", &["62"], "10.00", "1", "22"),
        L("11042", &["62"], "10.00", "1", "22"),
        L("63030", &["62"], "10.00", "1", "22"),
        L("27447", &["66"], "10.00", "1", "22"),
    ]));
    let got: Vec<_> = found
        .iter()
        .filter(|f| f.rule == MOD_CO_SURGEON || f.rule == MOD_TEAM)
        .map(|f| (f.rule.as_str(), f.path.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            (
                MOD_CO_SURGEON,
                "/form/professional/lines/0/modifiers/0",
                Severity::Warning
            ),
            (
                MOD_CO_SURGEON,
                "/form/professional/lines/1/modifiers/0",
                Severity::Error
            ),
            (
                MOD_TEAM,
                "/form/professional/lines/3/modifiers/0",
                Severity::Error
            ),
        ]
    );
}

#[test]
fn ga_and_gz_contradict_and_gz_expects_a_denial() {
    if sets().is_none() {
        return;
    }
    let found = run(&on(&[
        L("99213", &["GA", "GZ"], "10.00", "1", "11"),
        L("99214", &["GZ"], "10.00", "1", "11"),
    ]));
    let got: Vec<_> = found
        .iter()
        .filter(|f| f.rule == MOD_GA_GZ)
        .map(|f| (f.path.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("/form/professional/lines/0/modifiers", Severity::Error),
            ("/form/professional/lines/1/modifiers", Severity::Warning)
        ]
    );
}

fn prior(claim: &str, code: &str, mods: &[&str], date: NaiveDate) -> PriorService {
    PriorService {
        claim: claim.into(),
        procedure: code.parse().unwrap(),
        modifiers: mods.iter().map(|m| m.parse().unwrap()).collect(),
        service_date: date,
        units: 1.into(),
    }
}

#[test]
fn global_surgery_periods_need_24_25_57_or_58_78_79() {
    if sets().is_none() {
        return;
    }
    // 27447 has global days 090: an E/M 29 days later is in its postoperative period.
    let history = ScrubHistory {
        services: vec![prior("EARLIER", "27447", &[], d(2026, 2, 1))],
    };
    let em = |mods: &'static [&'static str]| on(&[L("99214", mods, "100.00", "1", "11")]);
    let found = run_with(&em(&[]), &PayerRules::default(), &history);
    assert_eq!(
        only(&found, &[GLOBAL_EM]),
        [(GLOBAL_EM, "/form/professional/lines/0/modifiers")]
    );
    assert!(
        found
            .iter()
            .find(|f| f.rule == GLOBAL_EM)
            .unwrap()
            .fix
            .as_deref()
            .unwrap()
            .contains("24")
    );
    assert_eq!(
        only(
            &run_with(&em(&["24"]), &PayerRules::default(), &history),
            &[GLOBAL_EM]
        ),
        []
    );
    // 90 days later is still in it; 91 days later is not.
    let day90 = at(d(2026, 5, 2), &[L("99214", &[], "100.00", "1", "11")]);
    assert_eq!(
        only(
            &run_with(&day90, &PayerRules::default(), &history),
            &[GLOBAL_EM]
        )
        .len(),
        1
    );
    let day91 = at(d(2026, 5, 3), &[L("99214", &[], "100.00", "1", "11")]);
    assert_eq!(
        only(
            &run_with(&day91, &PayerRules::default(), &history),
            &[GLOBAL_EM]
        ),
        []
    );
    // The decision for major surgery on the day of the surgery: 57.
    let same_day = |mods: &'static [&'static str]| {
        on(&[
            L("99214", mods, "100.00", "1", "22"),
            L("27447", &[], "1000.00", "1", "22"),
        ])
    };
    assert_eq!(only(&run(&same_day(&[])), &[GLOBAL_EM]).len(), 1);
    assert_eq!(only(&run(&same_day(&["57"])), &[GLOBAL_EM]), []);
    // A minor procedure (20610, global 000) on the same day: 25.
    let minor = |mods: &'static [&'static str]| {
        on(&[
            L("99213", mods, "100.00", "1", "11"),
            L("20610", &[], "100.00", "1", "11"),
        ])
    };
    assert_eq!(only(&run(&minor(&[])), &[GLOBAL_EM]).len(), 1);
    assert_eq!(only(&run(&minor(&["25"])), &[GLOBAL_EM]), []);
    // A procedure in the postoperative period without 58/78/79: a warning.
    let procedure = on(&[L("20610", &[], "100.00", "1", "11")]);
    let found = run_with(&procedure, &PayerRules::default(), &history);
    assert_eq!(severity_of(&found, GLOBAL_PROCEDURE), Severity::Warning);
    let procedure = on(&[L("20610", &["79"], "100.00", "1", "11")]);
    assert_eq!(
        only(
            &run_with(&procedure, &PayerRules::default(), &history),
            &[GLOBAL_PROCEDURE]
        ),
        []
    );
}

#[test]
fn ncci_ptp_pairs_with_their_modifier_indicator_and_bypass_modifiers() {
    if sets().is_none() {
        return;
    }
    let ptp = [NCCI_PTP, NCCI_PTP_MODIFIER];
    // ccipra fixture: 29881/29877 indicator 0 — no modifier helps; the column 2 line is
    // named whatever the lines' order.
    let found = run(&on(&[
        L("29877", &["59"], "10.00", "1", "22"),
        L("29881", &[], "10.00", "1", "22"),
    ]));
    assert_eq!(
        only(&found, &ptp),
        [(NCCI_PTP, "/form/professional/lines/0/procedure")]
    );
    // 11042/97597 indicator 1: an error without a bypass modifier, none with 59, XS or
    // an anatomic modifier on either line.
    let pair = |mods: &'static [&'static str]| {
        on(&[
            L("11042", &[], "10.00", "1", "11"),
            L("97597", mods, "10.00", "1", "11"),
        ])
    };
    assert_eq!(
        only(&run(&pair(&[])), &ptp),
        [(NCCI_PTP_MODIFIER, "/form/professional/lines/1/modifiers")]
    );
    for bypass in [&["59"][..], &["XS"], &["XU"], &["LT"], &["F2"]] {
        let claim = on(&[
            L("11042", &[], "10.00", "1", "11"),
            L("97597", bypass, "10.00", "1", "11"),
        ]);
        assert_eq!(only(&run(&claim), &ptp), [], "{bypass:?}");
    }
    // Another modifier (e.g. 76) does not bypass.
    assert_eq!(only(&run(&pair(&["76"])), &ptp).len(), 1);
    // On different dates, no edit.
    let mut apart = pair(&[]);
    if let ClaimForm::Professional(p) = &mut apart.form {
        p.lines[1].service_date = d(2026, 3, 3);
    }
    assert_eq!(only(&run(&apart), &ptp), []);
    // 12001/11042 was deleted on 2020-01-01 (indicator 9): never a finding.
    let deleted = on(&[
        L("12001", &[], "10.00", "1", "11"),
        L("11042", &[], "10.00", "1", "11"),
    ]);
    assert_eq!(only(&run(&deleted), &ptp), []);
    // The outpatient table is used for institutional claims, the practitioner one here.
    assert!(
        sets()
            .unwrap()
            .ptp(NcciSetting::OutpatientHospital)
            .unwrap()
            .len()
            < sets()
                .unwrap()
                .ptp(NcciSetting::Practitioner)
                .unwrap()
                .len()
    );
}

#[test]
fn mue_per_line_and_per_date() {
    if sets().is_none() {
        return;
    }
    let mue = [MUE_LINE, MUE_DATE];
    // 20610: MUE 2, MAI 1 (line edit): 3 units on a line is over; 2 + 2 on two lines is not.
    assert_eq!(
        only(&run(&on(&[L("20610", &["RT"], "10.00", "3", "11")])), &mue),
        [(MUE_LINE, "/form/professional/lines/0/quantity")]
    );
    assert_eq!(
        only(
            &run(&on(&[
                L("20610", &["RT"], "10.00", "2", "11"),
                L("20610", &["LT"], "10.00", "2", "11")
            ])),
            &mue
        ),
        []
    );
    // 97110: MUE 6, MAI 3 (date of service, clinical): 4 + 4 on one date is 8, reported once.
    let found = run(&on(&[
        L("97110", &[], "10.00", "4", "11"),
        L("97110", &["GP"], "10.00", "4", "11"),
    ]));
    assert_eq!(
        only(&found, &mue),
        [(MUE_DATE, "/form/professional/lines/0/quantity")]
    );
    assert!(
        found
            .iter()
            .find(|f| f.rule == MUE_DATE)
            .unwrap()
            .message
            .contains("8 units")
    );
    // 4 + 2 = 6 is within.
    assert_eq!(
        only(
            &run(&on(&[
                L("97110", &[], "10.00", "4", "11"),
                L("97110", &["GP"], "10.00", "2", "11")
            ])),
            &mue
        ),
        []
    );
    // 99213: MUE 1, MAI 2 (policy).
    assert_eq!(
        only(&run(&on(&[L("99213", &[], "10.00", "2", "11")])), &mue).len(),
        1
    );
}

#[test]
fn add_on_codes_need_their_primary_on_the_date() {
    if sets().is_none() {
        return;
    }
    let addon = [ADD_ON_PRIMARY];
    // AOC fixture: 11045 type 1 with primary 11042.
    assert_eq!(
        only(&run(&on(&[L("11045", &[], "10.00", "1", "11")])), &addon),
        [(ADD_ON_PRIMARY, "/form/professional/lines/0/procedure")]
    );
    assert_eq!(
        only(
            &run(&on(&[
                L("11042", &[], "10.00", "1", "11"),
                L("11045", &[], "10.00", "1", "11")
            ])),
            &addon
        ),
        []
    );
    // 64484 type 1 lists only 64483: 11042 is not its primary.
    let found = run(&on(&[
        L("11042", &[], "10.00", "1", "11"),
        L("64484", &[], "10.00", "1", "11"),
    ]));
    assert_eq!(
        only(&found, &addon),
        [(ADD_ON_PRIMARY, "/form/professional/lines/1/procedure")]
    );
    assert!(
        found
            .iter()
            .find(|f| f.rule == ADD_ON_PRIMARY)
            .unwrap()
            .fix
            .as_deref()
            .unwrap()
            .contains("64483")
    );
    // 96375 type 2 (CCCCC: the contractor's primaries): any primary service will do.
    assert_eq!(
        only(
            &run(&on(&[
                L("99214", &["25"], "10.00", "1", "11"),
                L("96375", &[], "10.00", "1", "11")
            ])),
            &addon
        ),
        []
    );
    // 17003's PFS global days are ZZZ too; alone it has no primary.
    assert_eq!(
        only(&run(&on(&[L("17003", &[], "10.00", "1", "11")])), &addon).len(),
        1
    );
}

#[test]
fn duplicate_lines_and_claims_against_history() {
    if sets().is_none() {
        return;
    }
    let claim = on(&[
        L("99213", &[], "10.00", "1", "11"),
        L("99213", &[], "10.00", "1", "11"),
    ]);
    assert_eq!(
        only(&run(&claim), &[DUPLICATE_LINE]),
        [(DUPLICATE_LINE, "/form/professional/lines/1/procedure")]
    );
    let history = ScrubHistory {
        services: vec![prior("EARLIER", "99213", &[], dos())],
    };
    // The whole claim was billed before.
    let one = on(&[L("99213", &[], "10.00", "1", "11")]);
    assert_eq!(
        only(
            &run_with(&one, &PayerRules::default(), &history),
            &[DUPLICATE_CLAIM, DUPLICATE_HISTORY]
        ),
        [(DUPLICATE_CLAIM, "/frequency")]
    );
    // One line of two was billed before.
    let two = on(&[
        L("99213", &[], "10.00", "1", "11"),
        L("71046", &["26"], "10.00", "1", "11"),
    ]);
    assert_eq!(
        only(
            &run_with(&two, &PayerRules::default(), &history),
            &[DUPLICATE_CLAIM, DUPLICATE_HISTORY]
        ),
        [(DUPLICATE_HISTORY, "/form/professional/lines/0/procedure")]
    );
    // A replacement (frequency 7) of the earlier claim is no duplicate.
    let mut replacement = one.clone();
    replacement.frequency = ClaimFrequency::Replacement;
    replacement.original_claim_number = Some("PAYER-1".into());
    assert_eq!(
        only(
            &run_with(&replacement, &PayerRules::default(), &history),
            &[DUPLICATE_CLAIM, DUPLICATE_HISTORY]
        ),
        []
    );
}

#[test]
fn timely_filing_by_payer_limit() {
    if sets().is_none() {
        return;
    }
    let claim = on(&[L("99213", &[], "10.00", "1", "11")]);
    let sets = sets().unwrap();
    let none = ScrubHistory::default();
    // 365 days by default: 2026-03-02 + 365 = 2027-03-02.
    let at_day = |as_of, rules: &PayerRules| {
        only(
            &scrub(&claim, sets, rules, as_of, &none),
            &[TIMELY_FILING, TIMELY_FILING_SOON],
        )
        .into_iter()
        .map(|(r, _)| r.to_owned())
        .collect::<Vec<_>>()
    };
    let default = PayerRules::default();
    assert_eq!(at_day(d(2027, 3, 2), &default), [TIMELY_FILING_SOON]);
    assert_eq!(at_day(d(2027, 3, 3), &default), [TIMELY_FILING]);
    assert_eq!(at_day(d(2026, 3, 20), &default), Vec::<String>::new());
    // A payer with 90 days: day 91 is late.
    let short = PayerRules {
        filing_limit_days: Some(90),
        ..PayerRules::default()
    };
    assert_eq!(at_day(d(2026, 6, 1), &short), [TIMELY_FILING]);
    assert_eq!(at_day(d(2026, 5, 25), &short), [TIMELY_FILING_SOON]);
}

#[test]
fn drug_codes_need_an_ndc_and_anesthesia_is_in_minutes() {
    if sets().is_none() {
        return;
    }
    let mut claim = on(&[
        L("J1100", &[], "10.00", "1", "11"),
        L("00142", &[], "10.00", "1", "22"),
    ]);
    let found = run(&claim);
    assert_eq!(
        only(&found, &[NDC_REQUIRED, ANESTHESIA_MINUTES]),
        [
            (NDC_REQUIRED, "/form/professional/lines/0/drug"),
            (ANESTHESIA_MINUTES, "/form/professional/lines/1/quantity")
        ]
    );
    if let ClaimForm::Professional(p) = &mut claim.form {
        p.lines[0].drug = Some(DrugQuantity {
            ndc: "00009-0047-01".parse().unwrap(),
            quantity: 1.into(),
            unit: DrugUnit::ML,
        });
        p.lines[1].quantity = Quantity::Minutes(45);
    }
    assert_eq!(only(&run(&claim), &[NDC_REQUIRED, ANESTHESIA_MINUTES]), []);
}

#[test]
fn cob_balancing_on_a_secondary_claim() {
    if sets().is_none() {
        return;
    }
    let text = std::fs::read_to_string(
        support::data_dir().join("claims/institutional-inpatient-secondary.json"),
    )
    .unwrap();
    let mut claim = Claim::from_json(&text).unwrap();
    // Medicare paid 24000.00 and adjusted 5974.00 + 1676.00: 31650.00, the total charge.
    assert_eq!(only(&run(&claim), &[COB_BALANCE]), []);
    claim.other_payers[0].paid = Some("23999.00".parse().unwrap());
    assert_eq!(
        only(&run(&claim), &[COB_BALANCE]),
        [(COB_BALANCE, "/otherPayers/0/paid")]
    );
}

#[test]
fn payer_packs_turn_rules_off_change_severities_and_add_requirements() {
    if sets().is_none() {
        return;
    }
    let claim = on(&[
        L("J1100", &[], "10.00", "1", "11"),
        L("97110", &[], "10.00", "1", "11"),
    ]);
    let pack = PayerRules::from_json(
        r#"{
            "name": "Example commercial",
            "payerIds": ["00952"],
            "filingLimitDays": 180,
            "disabled": ["SCRUB-NDC-REQUIRED"],
            "severities": {"SCRUB-GLOBAL-PROCEDURE": "error"},
            "requirements": [
                {"procedure": "97110", "requires": {"kind": "modifier", "modifiers": ["GP", "GO"]}, "reason": "therapy plan of care"},
                {"procedure": "97110", "requires": {"kind": "priorAuthorization"}, "severity": "warning"},
                {"procedure": "J1100", "requires": {"kind": "ndc"}}
            ]
        }"#,
    )
    .unwrap();
    pack.check().unwrap();
    let found = run_with(&claim, &pack, &ScrubHistory::default());
    let got: Vec<_> = found
        .iter()
        .filter(|f| f.rule.starts_with("SCRUB-PAYER") || f.rule == NDC_REQUIRED)
        .map(|f| (f.rule.as_str(), f.path.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            (
                PAYER_NDC,
                "/form/professional/lines/0/drug",
                Severity::Error
            ),
            (
                PAYER_MODIFIER,
                "/form/professional/lines/1/modifiers",
                Severity::Error
            ),
            (
                PAYER_PRIOR_AUTH,
                "/form/professional/lines/1/procedure",
                Severity::Warning
            ),
        ]
    );
    assert!(
        found
            .iter()
            .any(|f| f.message.contains("therapy plan of care"))
    );
    // For another payer the pack is not applied.
    let mut other = claim.clone();
    other.payer.payer_id = "99999".into();
    let found = run_with(&other, &pack, &ScrubHistory::default());
    assert!(found.iter().all(|f| !f.rule.starts_with("SCRUB-PAYER")));
    assert!(found.iter().any(|f| f.rule == NDC_REQUIRED));
    // An unknown rule id, an unknown field: refused.
    let bad = PayerRules::from_json(r#"{"disabled": ["SCRUB-NO-SUCH"]}"#).unwrap();
    assert!(bad.check().is_err());
    assert!(PayerRules::from_json(r#"{"filingLimit": 90}"#).is_err());
}

#[test]
fn no_message_or_fix_carries_patient_data() {
    if sets().is_none() {
        return;
    }
    let mut claim = on(&[
        L("29877", &[], "10.00", "1", "22"),
        L("29881", &["80", "50"], "10.00", "9", "22"),
        L("J1100", &["GA", "GZ"], "10.00", "1", "11"),
        L("11045", &["QQ"], "10.00", "1", "11"),
    ]);
    dx(&mut claim, &["O80", "E11", "Z99.99"]);
    let found = run(&claim);
    assert!(found.len() >= 5, "{found:#?}");
    let member = claim.subscriber.member_id.expose().clone();
    let name = claim.subscriber.name.expose().clone();
    for f in &found {
        for text in [Some(f.message.as_str()), f.fix.as_deref()]
            .into_iter()
            .flatten()
        {
            assert!(!text.contains(&member), "{text}");
            assert!(
                !text.contains(&name.last) && !text.contains(&name.first),
                "{text}"
            );
            assert!(!text.contains(&claim.patient_control_number), "{text}");
        }
    }
}
