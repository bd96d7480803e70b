//! The appeal letter: the claim's facts, the denial's codes explained and the argument the
//! biller writes, as a document model rendered to text and HTML (and to PDF by the
//! `medbill-print` crate).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::DenialError;
use super::queue::{DeadlineRule, DenialItem};
use crate::claim::{Address, Claim, ClaimForm, PartyName, PersonName};

/// What the biller adds to the facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AppealRequest {
    /// The letter's date.
    pub date: NaiveDate,
    /// Why the payer should pay, paragraph by paragraph (required).
    pub argument: Vec<String>,
    /// What is enclosed (records, the remittance, an authorization…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enclosures: Vec<String>,
    /// Who signs, and how to reach them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signature: Vec<String>,
}

/// An appeal letter, laid out: each block is a list of lines or paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AppealLetter {
    /// The letter's date, written out.
    pub date: String,
    /// The practice's name, address and NPI.
    pub from: Vec<String>,
    /// The payer's name and address.
    pub to: Vec<String>,
    /// The subject line.
    pub subject: String,
    /// The claim's facts, as label and value.
    pub facts: Vec<(String, String)>,
    /// The opening paragraph.
    pub opening: String,
    /// One line per denied adjustment, explained.
    pub reasons: Vec<String>,
    /// The biller's argument.
    pub argument: Vec<String>,
    /// The deadline sentence, when the deadline is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Enclosures.
    pub enclosures: Vec<String>,
    /// The closing and signature.
    pub closing: Vec<String>,
}

fn person(name: &PersonName) -> String {
    let mut text = format!("{}, {}", name.last, name.first);
    if let Some(middle) = &name.middle {
        text.push(' ');
        text.push_str(middle);
    }
    if let Some(suffix) = &name.suffix {
        text.push(' ');
        text.push_str(suffix);
    }
    text
}

fn party(name: &PartyName) -> String {
    match name {
        PartyName::Person(p) => person(p),
        PartyName::Organization { name } => name.clone(),
    }
}

fn address(address: &Address) -> Vec<String> {
    let mut lines = address.lines.clone();
    lines.push(format!(
        "{}, {} {}",
        address.city, address.state, address.postal_code
    ));
    lines
}

fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// The letter for one denial of `claim` (the claim as billed).
pub fn appeal_letter(
    claim: &Claim,
    denial: &DenialItem,
    request: &AppealRequest,
) -> Result<AppealLetter, DenialError> {
    if request.argument.iter().all(|p| p.trim().is_empty()) {
        return Err(DenialError::Letter { field: "argument" });
    }
    let Some(number) = denial.payer_claim_number.as_deref() else {
        return Err(DenialError::Letter {
            field: "the payer's claim number",
        });
    };
    let medicare = denial.deadline_rule == Some(DeadlineRule::MedicareRedetermination);
    let kind = if medicare {
        "redetermination"
    } else {
        "reconsideration"
    };
    let mut from = vec![party(&claim.billing_provider.name)];
    if let Some(a) = &claim.billing_provider.address {
        from.extend(address(a));
    }
    from.push(format!("NPI {}", claim.billing_provider.npi));
    let mut to = vec![claim.payer.name.clone(), "Attn: Appeals".to_owned()];
    if let Some(a) = &claim.payer.address {
        to.extend(address(a));
    }
    let patient = claim.patient.as_ref().map_or_else(
        || person(claim.subscriber.name.expose()),
        |p| person(p.name.expose()),
    );
    let (service_from, service_to) = match &claim.form {
        ClaimForm::Professional(p) => (
            p.lines.iter().map(|l| l.service_date).min(),
            p.lines
                .iter()
                .map(|l| l.service_date_end.unwrap_or(l.service_date))
                .max(),
        ),
        ClaimForm::Institutional(i) => (Some(i.statement_from), Some(i.statement_through)),
    };
    let service = match (service_from, service_to) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let facts = vec![
        ("Patient".to_owned(), patient),
        (
            "Member ID".to_owned(),
            claim.subscriber.member_id.expose().clone(),
        ),
        ("Payer claim number".to_owned(), number.to_owned()),
        (
            "Our claim number".to_owned(),
            claim.patient_control_number.clone(),
        ),
        ("Date(s) of service".to_owned(), service),
        ("Billed".to_owned(), claim.total_charge.to_string()),
        ("Denied".to_owned(), denial.amount.to_string()),
        (
            "Determination date".to_owned(),
            denial.determined.to_string(),
        ),
    ];
    let procedures: Vec<String> = match &claim.form {
        ClaimForm::Professional(p) => p.lines.iter().map(|l| l.procedure.to_string()).collect(),
        ClaimForm::Institutional(i) => i
            .lines
            .iter()
            .map(|l| {
                l.procedure
                    .as_ref()
                    .map_or_else(|| l.revenue_code.to_string(), |p| p.to_string())
            })
            .collect(),
    };
    let reasons = denial
        .reasons
        .iter()
        .map(|r| {
            let mut text = r.code.clone();
            if let Some(line) = r.line {
                let code = procedures
                    .get(usize::try_from(line).unwrap_or(usize::MAX))
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default();
                text.push_str(&format!(
                    " (line {}{code})",
                    u64::from(line).saturating_add(1)
                ));
            }
            text.push_str(&format!(", {}", r.amount));
            if let Some(words) = &r.words {
                text.push_str(&format!(": {words}"));
            }
            if !r.remarks.is_empty() {
                text.push_str(&format!(". Remarks: {}", r.remarks.join(", ")));
            }
            text.push('.');
            text
        })
        .collect();
    let opening = format!(
        "We request a {kind} of the claim above. The determination of {} denied {} for the \
         reasons below; we ask that the claim be reprocessed and paid.",
        long_date(denial.determined),
        denial.amount
    );
    let deadline = denial.appeal_deadline.map(|d| {
        let rule = match denial.deadline_rule {
            Some(DeadlineRule::MedicareRedetermination) => {
                "Medicare's 120 days for a redetermination"
            }
            _ => "your appeal limit",
        };
        format!(
            "This request is filed within {rule}, which ends on {}.",
            long_date(d)
        )
    });
    let mut closing = vec!["Sincerely,".to_owned()];
    closing.extend(request.signature.iter().cloned());
    Ok(AppealLetter {
        date: long_date(request.date),
        from,
        to,
        subject: format!("Request for {kind} of claim {number}"),
        facts,
        opening,
        reasons,
        argument: request
            .argument
            .iter()
            .filter(|p| !p.trim().is_empty())
            .cloned()
            .collect(),
        deadline,
        enclosures: request.enclosures.clone(),
        closing,
    })
}

impl AppealLetter {
    /// The letter as plain text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut block = |lines: &[String]| {
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        };
        block(std::slice::from_ref(&self.date));
        block(&self.from);
        block(&self.to);
        let mut facts = vec![format!("Re: {}", self.subject)];
        facts.extend(self.facts.iter().map(|(k, v)| format!("    {k}: {v}")));
        block(&facts);
        block(&["To whom it may concern:".to_owned()]);
        block(std::slice::from_ref(&self.opening));
        let reasons: Vec<String> = self.reasons.iter().map(|r| format!("  - {r}")).collect();
        block(&reasons);
        block(&self.argument);
        if let Some(deadline) = &self.deadline {
            block(std::slice::from_ref(deadline));
        }
        if !self.enclosures.is_empty() {
            let mut lines = vec!["Enclosures:".to_owned()];
            lines.extend(self.enclosures.iter().map(|e| format!("  - {e}")));
            block(&lines);
        }
        block(&self.closing);
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    /// The letter as one self-contained HTML page (every value escaped).
    pub fn html(&self) -> String {
        use html_escape::encode_text as e;
        let lines = |lines: &[String]| {
            lines
                .iter()
                .map(|l| e(l).into_owned())
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let mut out = String::from(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>Appeal</title><style>body{font:11pt/1.45 Georgia,serif;max-width:42em;\
             margin:2em auto}p,address{margin:0 0 1em}address{font-style:normal}\
             dt{float:left;clear:left;width:11em;font-weight:bold}dd{margin:0 0 0 11em}\
             </style></head><body>",
        );
        out.push_str(&format!("<p>{}</p>", e(&self.date)));
        out.push_str(&format!("<address>{}</address>", lines(&self.from)));
        out.push_str(&format!("<address>{}</address>", lines(&self.to)));
        out.push_str(&format!(
            "<p><strong>Re: {}</strong></p><dl>",
            e(&self.subject)
        ));
        for (k, v) in &self.facts {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>", e(k), e(v)));
        }
        out.push_str("</dl><p>To whom it may concern:</p>");
        out.push_str(&format!("<p>{}</p><ul>", e(&self.opening)));
        for r in &self.reasons {
            out.push_str(&format!("<li>{}</li>", e(r)));
        }
        out.push_str("</ul>");
        for p in &self.argument {
            out.push_str(&format!("<p>{}</p>", e(p)));
        }
        if let Some(d) = &self.deadline {
            out.push_str(&format!("<p>{}</p>", e(d)));
        }
        if !self.enclosures.is_empty() {
            out.push_str("<p>Enclosures:</p><ul>");
            for x in &self.enclosures {
                out.push_str(&format!("<li>{}</li>", e(x)));
            }
            out.push_str("</ul>");
        }
        out.push_str(&format!("<p>{}</p></body></html>\n", lines(&self.closing)));
        out
    }

    /// The letter's lines for a printer (the text form, line by line).
    pub fn lines(&self) -> Vec<String> {
        self.text().lines().map(str::to_owned).collect()
    }
}

/// The letter and its two renderings, for hosts that show or save them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AppealDocuments {
    /// The letter, laid out.
    pub letter: AppealLetter,
    /// As plain text.
    pub text: String,
    /// As one self-contained HTML page.
    pub html: String,
}

/// [`appeal_letter`] with its text and HTML.
pub fn appeal_documents(
    claim: &Claim,
    denial: &DenialItem,
    request: &AppealRequest,
) -> Result<AppealDocuments, DenialError> {
    let letter = appeal_letter(claim, denial, request)?;
    Ok(AppealDocuments {
        text: letter.text(),
        html: letter.html(),
        letter,
    })
}
