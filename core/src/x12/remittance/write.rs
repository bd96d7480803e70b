//! Writing 835s from [`Remittance`]s: test data for payers' side of the round trip, sample
//! files for integrators, and the generator behind the 835 benchmark.
//!
//! Every segment and element the reader carries is written back, in the guide's order, with
//! amounts and quantities exactly as held (`125.00` stays `125.00`, `6` stays `6`): an 835
//! read and written again gives the same segments where its order is the guide's. A
//! remittance missing an amount the guide requires is refused (the writer never writes a
//! zero it was not given).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::money::Money;
use crate::remit::{
    ClaimGroup, Coded, CompactString, Contact, InpatientAdjudication, OutpatientAdjudication,
    Party, ProviderAdjustment, Reference, RemitAdjustment, RemitClaim, RemitLine, RemitName,
    Remittance, ServiceProcedure,
};
use crate::x12::{Element, Envelope, WriteError, X12Writer, date8};

/// The implementation guide the writer follows.
pub const VERSION_835: &str = "005010X221A1";

/// Texts of a segment's elements, `None` for an empty element.
type Texts = Vec<Option<String>>;

/// An amount as held.
fn amount(m: Money) -> String {
    m.amount().to_string()
}

fn decimal(d: Decimal) -> String {
    d.to_string()
}

/// An amount the guide requires, or the error naming where it is missing.
fn required(
    m: Option<Money>,
    segment: &str,
    element: usize,
    at: &str,
) -> Result<String, WriteError> {
    m.map(amount).ok_or_else(|| WriteError::Invalid {
        segment: segment.to_owned(),
        element,
        reason: format!("{at}: the amount the guide requires is missing (never written as zero)"),
    })
}

fn text(value: &Option<CompactString>) -> Option<String> {
    value.as_ref().map(ToString::to_string)
}

fn money(value: Option<Money>) -> Option<String> {
    value.map(amount)
}

fn quantity(value: Option<Decimal>) -> Option<String> {
    value.map(decimal)
}

fn date(value: Option<NaiveDate>) -> Option<String> {
    value.map(date8)
}

/// Writes a segment of simple elements, `None` empty.
fn simple(w: &mut X12Writer, id: &str, texts: &[Option<String>]) -> Result<(), WriteError> {
    let elements: Vec<Element<'_>> = texts
        .iter()
        .map(|t| Element::Simple(t.as_deref().unwrap_or("")))
        .collect();
    w.segment(id, &elements)
}

fn procedure(p: &ServiceProcedure) -> Vec<&str> {
    let mut parts = vec![p.qualifier.as_str(), p.code.as_str()];
    parts.extend(p.modifiers.iter().map(CompactString::as_str));
    if let Some(description) = &p.description {
        parts.resize(6, "");
        parts.push(description.as_str());
    }
    parts
}

/// CAS segments in the adjustments' own order: a run of the same group code shares a
/// segment (up to six reason/amount/quantity triples) unless an adjustment is marked to
/// begin its own, so reading it back gives the same list.
fn adjustments(w: &mut X12Writer, list: &[RemitAdjustment], at: &str) -> Result<(), WriteError> {
    let mut rest = list;
    let mut done = 0usize;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take(6)
            .enumerate()
            .take_while(|(k, a)| a.group == first.group && (*k == 0 || !a.separate))
            .count()
            .max(1);
        let (chunk, tail) = rest.split_at(run.min(rest.len()));
        rest = tail;
        let mut texts: Texts = vec![Some(first.group.to_string())];
        for (k, a) in chunk.iter().enumerate() {
            let at = format!("{at}/adjustments/{}", done.saturating_add(k));
            texts.push(Some(a.reason.to_string()).filter(|r| !r.is_empty()));
            let element = texts.len().saturating_add(1);
            texts.push(Some(required(a.amount, "CAS", element, &at)?));
            texts.push(quantity(a.quantity));
        }
        done = done.saturating_add(chunk.len());
        simple(w, "CAS", &texts)?;
    }
    Ok(())
}

fn references(w: &mut X12Writer, list: &[Reference]) -> Result<(), WriteError> {
    for r in list {
        w.segment("REF", &[(&r.qualifier).into(), (&r.value).into()])?;
    }
    Ok(())
}

fn contacts(w: &mut X12Writer, list: &[Contact]) -> Result<(), WriteError> {
    for c in list {
        let mut elements: Vec<Element<'_>> =
            vec![(&c.function).into(), c.name.as_deref().unwrap_or("").into()];
        for n in &c.numbers {
            elements.push((&n.qualifier).into());
            elements.push((&n.value).into());
        }
        w.segment("PER", &elements)?;
    }
    Ok(())
}

fn party(w: &mut X12Writer, role: &str, p: &Party) -> Result<(), WriteError> {
    let qualifier = p.id_qualifier.as_deref().unwrap_or("");
    let id = p.id.as_deref().unwrap_or("");
    w.segment(
        "N1",
        &[role.into(), (&p.name).into(), qualifier.into(), id.into()],
    )?;
    if let Some(a) = &p.address {
        if !a.lines.is_empty() {
            let lines: Texts = a.lines.iter().map(|l| Some(l.to_string())).collect();
            simple(w, "N3", &lines)?;
        }
        if a.has_place() {
            simple(
                w,
                "N4",
                &[
                    text(&a.city),
                    text(&a.state),
                    text(&a.postal_code),
                    text(&a.country),
                    None,
                    None,
                    text(&a.country_subdivision),
                ],
            )?;
        }
    }
    references(w, &p.references)?;
    contacts(w, &p.contacts)?;
    if let Some(d) = &p.delivery {
        simple(
            w,
            "RDM",
            &[
                Some(d.transmission.to_string()),
                text(&d.name),
                text(&d.communication_number),
            ],
        )?;
    }
    Ok(())
}

/// Writes remittances as one interchange with one functional group (`HP`,
/// 005010X221A1), one transaction set per remittance (its `control_number` is ST02).
pub fn write_835(remittances: &[Remittance], envelope: &Envelope) -> Result<Vec<u8>, WriteError> {
    let mut w = X12Writer::new(envelope)?;
    w.begin_group("HP", VERSION_835)?;
    for r in remittances {
        write_one(&mut w, r)?;
    }
    w.end_group()?;
    w.finish()
}

/// Writes one 835 transaction set into an open functional group.
pub fn write_one(w: &mut X12Writer, r: &Remittance) -> Result<(), WriteError> {
    w.begin_transaction("835", &r.control_number, None)?;
    let p = &r.payment;
    let account = |a: &Option<crate::remit::BankAccount>| -> [Option<String>; 4] {
        match a {
            Some(a) => [
                text(&a.bank_qualifier),
                text(&a.bank_id),
                text(&a.account_qualifier),
                text(&a.account_number),
            ],
            None => [None, None, None, None],
        }
    };
    let mut bpr: Texts = vec![
        Some(p.handling.to_string()),
        Some(required(p.amount, "BPR", 2, "/payment/amount")?),
        Some(p.credit_debit.to_string()),
        Some(p.method.to_string()),
        text(&p.format),
    ];
    bpr.extend(account(&p.sender_account));
    bpr.push(text(&p.originating_company));
    bpr.push(text(&p.originating_company_supplemental));
    bpr.extend(account(&p.receiver_account));
    bpr.push(date(p.date));
    simple(w, "BPR", &bpr)?;
    if p.trace_type.is_some()
        || p.trace_number.is_some()
        || p.payer_identifier.is_some()
        || p.trace_supplemental.is_some()
    {
        simple(
            w,
            "TRN",
            &[
                Some(p.trace_type.as_deref().unwrap_or("1").to_owned()),
                text(&p.trace_number),
                text(&p.payer_identifier),
                text(&p.trace_supplemental),
            ],
        )?;
    }
    if let Some(c) = &p.currency {
        w.segment("CUR", &[(&c.entity).into(), (&c.code).into()])?;
    }
    references(w, &p.references)?;
    if let Some(d) = p.production_date {
        let d = date8(d);
        w.segment("DTM", &["405".into(), (&d).into()])?;
    }
    party(w, "PR", &r.payer)?;
    party(w, "PE", &r.payee)?;
    let mut groups = r.groups.iter().peekable();
    let implicit = (r.groups.is_empty() && !r.claims.is_empty()).then(|| ClaimGroup {
        number: "1".into(),
        first_claim: 0,
        provider_summary: None,
        supplemental_summary: None,
    });
    for (i, c) in r.claims.iter().enumerate() {
        if i == 0 {
            if let Some(group) = &implicit {
                write_group(w, group)?;
            }
        }
        while let Some(group) = groups.next_if(|g| g.first_claim <= i) {
            write_group(w, group)?;
        }
        write_claim(w, c, i)?;
    }
    for group in groups {
        write_group(w, group)?;
    }
    write_plb(w, &r.provider_adjustments)?;
    w.end_transaction()
}

fn write_group(w: &mut X12Writer, g: &ClaimGroup) -> Result<(), WriteError> {
    w.segment("LX", &[(&g.number).into()])?;
    if let Some(s) = &g.provider_summary {
        let mut texts: Texts = vec![
            Some(s.provider.to_string()),
            Some(s.facility_code.to_string()),
            date(s.fiscal_period_end),
            quantity(s.claim_count),
            Some(required(
                s.total_charge,
                "TS3",
                5,
                "/groups/providerSummary/totalCharge",
            )?),
        ];
        texts.resize(24, None);
        for (n, value) in [
            (13usize, money(s.msp_payer)),
            (15, money(s.non_lab_charge)),
            (17, money(s.hcpcs_reported_charge)),
            (18, money(s.hcpcs_payable)),
            (20, money(s.professional_component)),
            (21, money(s.msp_patient_liability_met)),
            (22, money(s.patient_reimbursement)),
            (23, quantity(s.pip_claim_count)),
            (24, money(s.pip_adjustment)),
        ] {
            if let Some(slot) = texts.get_mut(n.saturating_sub(1)) {
                *slot = value;
            }
        }
        simple(w, "TS3", &texts)?;
    }
    if let Some(s) = &g.supplemental_summary {
        simple(
            w,
            "TS2",
            &[
                money(s.drg),
                money(s.federal_specific),
                money(s.hospital_specific),
                money(s.disproportionate_share),
                money(s.capital),
                money(s.indirect_medical_education),
                quantity(s.outlier_days),
                money(s.day_outlier),
                money(s.cost_outlier),
                quantity(s.average_drg_length_of_stay),
                quantity(s.discharges),
                quantity(s.cost_report_days),
                quantity(s.covered_days),
                quantity(s.noncovered_days),
                money(s.msp_pass_through),
                quantity(s.average_drg_weight),
                money(s.pps_capital_fsp_drg),
                money(s.pps_capital_hsp_drg),
                money(s.pps_dsh_drg),
            ],
        )?;
    }
    Ok(())
}

fn name(w: &mut X12Writer, qualifier: &str, n: &RemitName) -> Result<(), WriteError> {
    simple(
        w,
        "NM1",
        &[
            Some(qualifier.to_owned()),
            Some(n.entity_type.to_string()),
            text(&n.name),
            text(&n.first),
            text(&n.middle),
            None,
            text(&n.suffix),
            text(&n.id_qualifier),
            text(&n.id),
        ],
    )
}

/// Remark codes into their slots (1-based element numbers); more than the slots hold cannot
/// be written.
fn remarks_into(
    texts: &mut Texts,
    remarks: &[Coded<crate::codes::Rarc>],
    slots: &[usize],
    segment: &str,
) -> Result<(), WriteError> {
    if remarks.len() > slots.len() {
        return Err(WriteError::Invalid {
            segment: segment.to_owned(),
            element: slots.first().copied().unwrap_or(0),
            reason: format!("more than {} remark codes", slots.len()),
        });
    }
    for (remark, &n) in remarks.iter().zip(slots) {
        if let Some(slot) = texts.get_mut(n.saturating_sub(1)) {
            *slot = Some(remark.to_string());
        }
    }
    Ok(())
}

fn write_inpatient(
    w: &mut X12Writer,
    m: &InpatientAdjudication,
    at: &str,
) -> Result<(), WriteError> {
    let covered = m
        .covered_days
        .map(decimal)
        .ok_or_else(|| WriteError::Invalid {
            segment: "MIA".to_owned(),
            element: 1,
            reason: format!(
                "{at}/inpatient/coveredDays: the quantity the guide requires is missing"
            ),
        })?;
    let mut texts: Texts = vec![
        Some(covered),
        money(m.pps_operating_outlier),
        quantity(m.lifetime_psychiatric_days),
        money(m.drg_amount),
        None,
        money(m.disproportionate_share),
        money(m.msp_pass_through),
        money(m.pps_capital),
        money(m.pps_capital_fsp_drg),
        money(m.pps_capital_hsp_drg),
        money(m.pps_capital_dsh_drg),
        money(m.old_capital),
        money(m.pps_capital_ime),
        money(m.pps_operating_hospital_specific_drg),
        quantity(m.cost_report_days),
        money(m.pps_operating_federal_specific_drg),
        money(m.pps_capital_outlier),
        money(m.indirect_teaching),
        money(m.nonpayable_professional_component),
        None,
        None,
        None,
        None,
        money(m.pps_capital_exception),
    ];
    remarks_into(&mut texts, &m.remarks, &[5, 20, 21, 22, 23], "MIA")?;
    simple(w, "MIA", &texts)
}

fn write_outpatient(w: &mut X12Writer, m: &OutpatientAdjudication) -> Result<(), WriteError> {
    let mut texts: Texts = vec![
        quantity(m.reimbursement_rate),
        money(m.hcpcs_payable),
        None,
        None,
        None,
        None,
        None,
        money(m.esrd_payment),
        money(m.nonpayable_professional_component),
    ];
    remarks_into(&mut texts, &m.remarks, &[3, 4, 5, 6, 7], "MOA")?;
    simple(w, "MOA", &texts)
}

fn write_claim(w: &mut X12Writer, c: &RemitClaim, index: usize) -> Result<(), WriteError> {
    let at = format!("/claims/{index}");
    simple(
        w,
        "CLP",
        &[
            Some(c.patient_control_number.to_string()),
            Some(c.status.to_string()),
            Some(required(c.charge, "CLP", 3, &format!("{at}/charge"))?),
            Some(required(c.paid, "CLP", 4, &format!("{at}/paid"))?),
            money(c.patient_responsibility),
            text(&c.filing_indicator),
            text(&c.payer_claim_number),
            text(&c.facility_code),
            text(&c.frequency),
            None,
            text(&c.drg_code),
            quantity(c.drg_weight),
            quantity(c.discharge_fraction),
        ],
    )?;
    adjustments(w, &c.adjustments, &at)?;
    for (qualifier, n) in [
        ("QC", c.patient.as_ref().map(|n| n.expose())),
        ("IL", c.insured.as_ref().map(|n| n.expose())),
        ("74", c.corrected_patient.as_ref().map(|n| n.expose())),
        ("82", c.service_provider.as_ref()),
        ("TT", c.crossover_carrier.as_ref()),
        ("PR", c.corrected_priority_payer.as_ref()),
        ("GB", c.other_subscriber.as_ref().map(|n| n.expose())),
    ] {
        if let Some(n) = n {
            name(w, qualifier, n)?;
        }
    }
    if let Some(m) = &c.inpatient {
        write_inpatient(w, m, &at)?;
    }
    if let Some(m) = &c.outpatient {
        write_outpatient(w, m)?;
    }
    references(w, &c.references)?;
    for (code, d) in [
        ("232", c.statement_from),
        ("233", c.statement_through),
        ("036", c.coverage_expiration),
        ("050", c.received),
    ] {
        if let Some(d) = d {
            let d = date8(d);
            w.segment("DTM", &[code.into(), (&d).into()])?;
        }
    }
    for d in &c.other_dates {
        let day = date8(d.date);
        w.segment("DTM", &[(&d.qualifier).into(), (&day).into()])?;
    }
    contacts(w, &c.contacts)?;
    for (k, a) in c.amounts.iter().enumerate() {
        let value = required(a.amount, "AMT", 2, &format!("{at}/amounts/{k}/amount"))?;
        w.segment("AMT", &[(&a.qualifier).into(), (&value).into()])?;
    }
    quantities(w, &c.quantities, &at)?;
    for (l, line) in c.lines.iter().enumerate() {
        write_line(w, line, &format!("{at}/lines/{l}"))?;
    }
    Ok(())
}

fn quantities(
    w: &mut X12Writer,
    list: &[crate::remit::QualifiedQuantity],
    at: &str,
) -> Result<(), WriteError> {
    for (k, q) in list.iter().enumerate() {
        let value = q.quantity.map(decimal).ok_or_else(|| WriteError::Invalid {
            segment: "QTY".to_owned(),
            element: 2,
            reason: format!(
                "{at}/quantities/{k}/quantity: the quantity the guide requires is missing"
            ),
        })?;
        w.segment("QTY", &[(&q.qualifier).into(), (&value).into()])?;
    }
    Ok(())
}

/// REF qualifiers the guide puts before REF*6R on a line (service identification).
const SERVICE_IDS: [&str; 8] = ["1S", "APC", "BB", "E9", "G1", "G3", "LU", "RB"];

fn write_line(w: &mut X12Writer, l: &RemitLine, at: &str) -> Result<(), WriteError> {
    let code = procedure(&l.procedure);
    let submitted = l.submitted_procedure.as_ref().map(procedure);
    let charge = required(l.charge, "SVC", 2, &format!("{at}/charge"))?;
    let paid = required(l.paid, "SVC", 3, &format!("{at}/paid"))?;
    let units_paid = quantity(l.units_paid).unwrap_or_default();
    let units_submitted = quantity(l.units_submitted).unwrap_or_default();
    w.segment(
        "SVC",
        &[
            Element::Composite(&code),
            (&charge).into(),
            (&paid).into(),
            l.revenue_code.as_deref().unwrap_or("").into(),
            (&units_paid).into(),
            submitted
                .as_deref()
                .map_or(Element::Simple(""), Element::Composite),
            (&units_submitted).into(),
        ],
    )?;
    for (code, d) in [
        ("150", l.period_start),
        ("151", l.period_end),
        ("472", l.service_date),
    ] {
        if let Some(d) = d {
            let d = date8(d);
            w.segment("DTM", &[code.into(), (&d).into()])?;
        }
    }
    for d in &l.other_dates {
        let day = date8(d.date);
        w.segment("DTM", &[(&d.qualifier).into(), (&day).into()])?;
    }
    adjustments(w, &l.adjustments, at)?;
    // The service identifications the line starts with, REF*6R, then the rest, each in the
    // order held (the guide's order when the sender kept it).
    let leading = l
        .references
        .iter()
        .take_while(|r| SERVICE_IDS.contains(&r.qualifier.as_str()))
        .count();
    let (before, after) = l.references.split_at(leading.min(l.references.len()));
    references(w, before)?;
    if let Some(control) = &l.control_number {
        w.segment("REF", &["6R".into(), control.into()])?;
    }
    references(w, after)?;
    if let Some(allowed) = l.allowed {
        let allowed = amount(allowed);
        w.segment("AMT", &["B6".into(), (&allowed).into()])?;
    }
    for (k, a) in l.amounts.iter().enumerate() {
        let value = required(a.amount, "AMT", 2, &format!("{at}/amounts/{k}/amount"))?;
        w.segment("AMT", &[(&a.qualifier).into(), (&value).into()])?;
    }
    quantities(w, &l.quantities, at)?;
    for remark in &l.remarks {
        let remark = remark.to_string();
        w.segment("LQ", &["HE".into(), (&remark).into()])?;
    }
    for reason in &l.reject_reasons {
        w.segment("LQ", &["RX".into(), reason.into()])?;
    }
    Ok(())
}

/// PLB: a run of adjustments with the same provider and fiscal period shares a segment (up
/// to six), in the list's order, so reading it back gives the same list.
fn write_plb(w: &mut X12Writer, list: &[ProviderAdjustment]) -> Result<(), WriteError> {
    if let Some(n) = list.iter().position(|a| a.reason.is_empty()) {
        return Err(WriteError::Invalid {
            segment: "PLB".to_owned(),
            element: (n % 6).saturating_mul(2).saturating_add(3),
            reason: "a provider adjustment needs its reason code".to_owned(),
        });
    }
    let mut rest: &[ProviderAdjustment] = list;
    let mut done = 0usize;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take(6)
            .take_while(|a| {
                a.provider == first.provider && a.fiscal_period_end == first.fiscal_period_end
            })
            .count()
            .max(1);
        let (chunk, tail) = rest.split_at(run.min(rest.len()));
        rest = tail;
        let date = first.fiscal_period_end.map(date8).unwrap_or_default();
        let mut texts: Vec<(Vec<&str>, String)> = Vec::with_capacity(chunk.len());
        for (k, a) in chunk.iter().enumerate() {
            let mut code = vec![a.reason.as_str()];
            if let Some(reference) = &a.reference {
                code.push(reference.as_str());
            }
            let element = k.saturating_mul(2).saturating_add(4);
            let at = format!("/providerAdjustments/{}/amount", done.saturating_add(k));
            texts.push((code, required(a.amount, "PLB", element, &at)?));
        }
        done = done.saturating_add(chunk.len());
        let mut elements: Vec<Element<'_>> = vec![(&first.provider).into(), (&date).into()];
        for (code, value) in &texts {
            elements.push(Element::Composite(code));
            elements.push(value.into());
        }
        w.segment("PLB", &elements)?;
    }
    Ok(())
}
