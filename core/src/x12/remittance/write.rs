//! Writing 835s from [`Remittance`]s: test data for payers' side of the round trip, sample
//! files for integrators, and the generator behind the 835 benchmark.
//!
//! The model holds no bank account data, so BPR carries the handling code, amount,
//! credit/debit flag, payment method and date only (checks and non-payments are complete;
//! an ACH payment would need the DFI fields the model deliberately leaves out).

use crate::remit::{
    Coded, CompactString, Party, ProviderAdjustment, RemitAdjustment, Remittance, ServiceProcedure,
};
use crate::x12::{Element, Envelope, WriteError, X12Writer, date8, decimal};

/// The implementation guide the writer follows.
pub const VERSION_835: &str = "005010X221A1";

fn amount(m: crate::money::Money) -> String {
    decimal(m.amount())
}

fn procedure(p: &ServiceProcedure) -> Vec<&str> {
    let mut parts = vec![p.qualifier.as_str(), p.code.as_str()];
    parts.extend(p.modifiers.iter().map(CompactString::as_str));
    parts
}

/// CAS segments in the adjustments' own order: a run of the same group code shares a
/// segment (up to six reason/amount/quantity triples), so reading it back gives the same list.
fn adjustments(w: &mut X12Writer, list: &[RemitAdjustment]) -> Result<(), WriteError> {
    let mut rest = list;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take(6)
            .take_while(|a| a.group == first.group)
            .count()
            .max(1);
        let (chunk, tail) = rest.split_at(run.min(rest.len()));
        rest = tail;
        let group = first.group.to_string();
        let texts: Vec<[String; 3]> = chunk
            .iter()
            .map(|a| {
                [
                    a.reason.to_string(),
                    amount(a.amount),
                    a.quantity.map(decimal).unwrap_or_default(),
                ]
            })
            .collect();
        let mut elements: Vec<Element<'_>> = vec![Element::Simple(&group)];
        for t in &texts {
            elements.extend(t.iter().map(Element::from));
        }
        w.segment("CAS", &elements)?;
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
        let line = |i: usize| a.lines.get(i).map_or("", String::as_str);
        w.segment("N3", &[line(0).into(), line(1).into()])?;
        w.segment(
            "N4",
            &[(&a.city).into(), (&a.state).into(), (&a.postal_code).into()],
        )?;
    }
    for r in &p.references {
        w.segment("REF", &[(&r.qualifier).into(), (&r.value).into()])?;
    }
    for c in &p.contacts {
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
    let paid = amount(p.amount);
    let date = p.date.map(date8).unwrap_or_default();
    let mut bpr: Vec<Element<'_>> = vec![
        (&p.handling).into(),
        (&paid).into(),
        (&p.credit_debit).into(),
        (&p.method).into(),
    ];
    bpr.extend(std::iter::repeat_n(Element::Simple(""), 11));
    bpr.push((&date).into());
    w.segment("BPR", &bpr)?;
    w.segment(
        "TRN",
        &[
            "1".into(),
            p.trace_number.as_deref().unwrap_or("").into(),
            p.payer_identifier.as_deref().unwrap_or("").into(),
        ],
    )?;
    for reference in &p.references {
        w.segment(
            "REF",
            &[(&reference.qualifier).into(), (&reference.value).into()],
        )?;
    }
    if let Some(d) = p.production_date {
        let d = date8(d);
        w.segment("DTM", &["405".into(), (&d).into()])?;
    }
    party(w, "PR", &r.payer)?;
    party(w, "PE", &r.payee)?;
    if !r.claims.is_empty() {
        w.segment("LX", &["1".into()])?;
    }
    for c in &r.claims {
        let texts = [
            amount(c.charge),
            amount(c.paid),
            c.patient_responsibility.map(amount).unwrap_or_default(),
            c.status.to_string(),
        ];
        w.segment(
            "CLP",
            &[
                (&c.patient_control_number).into(),
                (&texts[3]).into(),
                (&texts[0]).into(),
                (&texts[1]).into(),
                (&texts[2]).into(),
                c.filing_indicator.as_deref().unwrap_or("").into(),
                c.payer_claim_number.as_deref().unwrap_or("").into(),
                c.facility_code.as_deref().unwrap_or("").into(),
                c.frequency.as_deref().unwrap_or("").into(),
            ],
        )?;
        adjustments(w, &c.adjustments)?;
        if c.patient_name.is_some() || c.member_id.is_some() {
            let name = c.patient_name.as_ref().map(|n| n.expose());
            let member = c.member_id.as_ref().map(|m| m.expose().as_str());
            w.segment(
                "NM1",
                &[
                    "QC".into(),
                    "1".into(),
                    name.map_or("", |n| n.last.as_str()).into(),
                    name.map_or("", |n| n.first.as_str()).into(),
                    name.and_then(|n| n.middle.as_deref()).unwrap_or("").into(),
                    "".into(),
                    name.and_then(|n| n.suffix.as_deref()).unwrap_or("").into(),
                    if member.is_some() { "MI" } else { "" }.into(),
                    member.unwrap_or("").into(),
                ],
            )?;
        }
        // Claim remarks: MOA03–07 holds five; the reader also collects MIA05 and MIA20–23,
        // so up to five more go there. More than ten cannot be written.
        if c.remarks.len() > 10 {
            return Err(WriteError::Invalid {
                segment: "MOA".to_owned(),
                element: 3,
                reason: "more than ten claim remark codes (MOA and MIA hold ten)".to_owned(),
            });
        }
        let remarks: Vec<String> = c.remarks.iter().map(Coded::to_string).collect();
        let (moa, mia) = remarks.split_at(remarks.len().min(5));
        if !moa.is_empty() {
            let mut elements: Vec<Element<'_>> = vec!["".into(), "".into()];
            elements.extend(moa.iter().map(Element::from));
            w.segment("MOA", &elements)?;
        }
        if !mia.is_empty() {
            let mut elements: Vec<Element<'_>> = vec![Element::Simple(""); 23];
            for (slot, remark) in [4usize, 19, 20, 21, 22].into_iter().zip(mia) {
                if let Some(e) = elements.get_mut(slot) {
                    *e = Element::from(remark);
                }
            }
            w.segment("MIA", &elements)?;
        }
        for reference in &c.references {
            w.segment(
                "REF",
                &[(&reference.qualifier).into(), (&reference.value).into()],
            )?;
        }
        for (code, d) in [
            ("232", c.statement_from),
            ("233", c.statement_through),
            ("050", c.received),
        ] {
            if let Some(d) = d {
                let d = date8(d);
                w.segment("DTM", &[code.into(), (&d).into()])?;
            }
        }
        for a in &c.amounts {
            let value = amount(a.amount);
            w.segment("AMT", &[(&a.qualifier).into(), (&value).into()])?;
        }
        for l in &c.lines {
            let code = procedure(&l.procedure);
            let submitted = l.submitted_procedure.as_ref().map(procedure);
            let texts = [
                amount(l.charge),
                amount(l.paid),
                l.units_paid.map(decimal).unwrap_or_default(),
                l.units_submitted.map(decimal).unwrap_or_default(),
            ];
            w.segment(
                "SVC",
                &[
                    Element::Composite(&code),
                    (&texts[0]).into(),
                    (&texts[1]).into(),
                    l.revenue_code.as_deref().unwrap_or("").into(),
                    (&texts[2]).into(),
                    submitted
                        .as_deref()
                        .map_or(Element::Simple(""), Element::Composite),
                    (&texts[3]).into(),
                ],
            )?;
            match (l.service_date, l.service_date_end) {
                (Some(from), Some(to)) => {
                    let (from, to) = (date8(from), date8(to));
                    w.segment("DTM", &["150".into(), (&from).into()])?;
                    w.segment("DTM", &["151".into(), (&to).into()])?;
                }
                (Some(day), None) => {
                    let day = date8(day);
                    w.segment("DTM", &["472".into(), (&day).into()])?;
                }
                _ => {}
            }
            adjustments(w, &l.adjustments)?;
            if let Some(control) = &l.control_number {
                w.segment("REF", &["6R".into(), control.into()])?;
            }
            for reference in &l.references {
                w.segment(
                    "REF",
                    &[(&reference.qualifier).into(), (&reference.value).into()],
                )?;
            }
            if let Some(allowed) = l.allowed {
                let allowed = amount(allowed);
                w.segment("AMT", &["B6".into(), (&allowed).into()])?;
            }
            for a in &l.amounts {
                let value = amount(a.amount);
                w.segment("AMT", &[(&a.qualifier).into(), (&value).into()])?;
            }
            for remark in &l.remarks {
                let remark = remark.to_string();
                w.segment("LQ", &["HE".into(), (&remark).into()])?;
            }
        }
    }
    // PLB: a run of adjustments with the same provider and fiscal period shares a segment
    // (up to six), in the list's order, so reading it back gives the same list.
    if let Some(n) = r
        .provider_adjustments
        .iter()
        .position(|a| a.reason.is_empty())
    {
        return Err(WriteError::Invalid {
            segment: "PLB".to_owned(),
            element: (n % 6).saturating_mul(2).saturating_add(3),
            reason: "a provider adjustment needs its reason code".to_owned(),
        });
    }
    let mut rest: &[ProviderAdjustment] = &r.provider_adjustments;
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
        let texts: Vec<(Vec<&str>, String)> = chunk
            .iter()
            .map(|a| {
                let mut code = vec![a.reason.as_str()];
                if let Some(reference) = &a.reference {
                    code.push(reference.as_str());
                }
                (code, amount(a.amount))
            })
            .collect();
        let mut elements: Vec<Element<'_>> = vec![(&first.provider).into(), (&date).into()];
        for (code, value) in &texts {
            elements.push(Element::Composite(code));
            elements.push(value.into());
        }
        w.segment("PLB", &elements)?;
    }
    w.end_transaction()
}
