//! The words for claim status codes (277 STC): categories (code list 507), the common status
//! codes (list 508) and entities (list 98), in the team's own words. A code this table does
//! not know is shown as its number, never guessed.

/// What a status category code means.
pub fn category_words(category: &str) -> Option<&'static str> {
    Some(match category {
        "A0" => "forwarded by the clearinghouse to another entity",
        "A1" => "received",
        "A2" => "accepted for processing",
        "A3" => "returned as unprocessable: fix and send again",
        "A4" => "not found",
        "A5" => "split by the payer",
        "A6" => "rejected for missing information",
        "A7" => "rejected for invalid information",
        "A8" => "rejected for a relational field in error",
        "P0" => "pending: adjudication or payment cycle",
        "P1" => "pending: in process",
        "P2" => "pending: payer review",
        "P3" => "pending: waiting for information from the provider",
        "P4" => "pending: waiting for information from the patient",
        "P5" => "pending: payer administrative or system hold",
        "F0" => "finalized",
        "F1" => "finalized: paid",
        "F2" => "finalized: denied",
        "F3" => "finalized: revised",
        "F3F" => "finalized: forwarded to another payer",
        "F3N" => "finalized: forwarded, the payer will not pay",
        "F4" => "finalized: adjudication complete, no payment forthcoming",
        "R0" | "R1" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10" | "R11" | "R12"
        | "R13" | "R14" | "R15" | "R16" => "the payer asks for more information",
        "E0" => "the inquiry could not be answered: response not possible",
        "E1" => "the inquiry could not be answered: payer system unavailable",
        "E2" => "the inquiry could not be answered: information holder not responding",
        "E3" => "the inquiry could not be answered: correct and resend the inquiry",
        "E4" => "the inquiry could not be answered: try again later",
        "D0" => "the data search was unsuccessful",
        _ => return None,
    })
}

/// What a common claim status code (list 508) means.
pub fn status_words(status: &str) -> Option<&'static str> {
    Some(match status {
        "0" => "cannot give a status now; ask again later",
        "1" => "for more detail, see the remittance",
        "2" => "more detail will come in a later letter",
        "3" => "claim received and processing",
        "15" => "the payer needs the information requested, then the claim is resubmitted",
        "16" => "the claim was sent with errors and is being corrected by the payer",
        "19" => "the payer already has this claim: a duplicate",
        "20" => "accepted for processing",
        "21" => "missing or invalid information",
        "29" => "the subscriber and the policy number or contract number do not match",
        "33" => "the subscriber and subscriber id do not match",
        "35" => "the claim or line is a duplicate of one already sent",
        "40" => "the claim is waiting for the payer's decision",
        "41" => "paid in part, or only some lines",
        "42" => "the claim is being reviewed for medical necessity",
        "47" => "the payer wants an attachment or documentation",
        "54" => "the claim or line date of service is missing or invalid",
        "60" => "the charges for the service were split",
        "65" => "claim or line fully paid",
        "88" => "the claim was denied",
        "89" => "the claim was adjusted",
        "97" => "the patient is not eligible on the date of service",
        "107" => "processed according to contract or plan provisions",
        "116" => "claim submitted to the wrong payer",
        "145" => "the entity's specialty or taxonomy code is missing or invalid",
        "153" => "the entity's id number is missing or invalid",
        "164" => "the entity's contract or provider agreement was not in effect",
        "187" => "date(s) of service missing or invalid",
        "189" => "facility type code missing or invalid",
        "247" => "line information missing or invalid",
        "248" => "the accident date, state or country is missing or invalid",
        "249" => "place of service code missing or invalid",
        "254" => "principal diagnosis code missing or invalid",
        "255" => "diagnosis code missing or invalid",
        "400" => "the claim is out of balance",
        "438" => "the claim's procedure code or modifier is missing or invalid",
        "454" => "procedure code for services rendered missing or invalid",
        "455" => "revenue code for services rendered missing or invalid",
        "458" => "the claim total charge is missing, invalid or does not match the lines",
        "464" => "payer assigned claim control number missing or invalid",
        "478" => "the claim frequency code is missing or invalid",
        "479" => "the previous payer's remittance (COB) information is missing or invalid",
        "494" => "the payer does not know the patient control number",
        "496" => "the submitter is not authorized to send claims for this provider",
        "507" => "the claim could not be processed: the payer will not pay",
        "510" => "the future date of service is not allowed",
        "511" => "the diagnosis pointer is missing or invalid",
        "562" => "the entity's NPI is missing or invalid",
        "563" => "the payer does not know this NPI",
        "564" => "the entity's name is missing or invalid",
        "658" => "the entity's date of birth is missing or invalid",
        "673" => "the patient's or subscriber's policy number is missing or invalid",
        "695" => "the entity's address is missing or invalid",
        "697" => "the entity's tax id or employer id is missing or invalid",
        "732" => "the claim information is being reviewed",
        _ => return None,
    })
}

/// Who a status is about (entity identifier codes).
pub fn entity_words(entity: &str) -> Option<&'static str> {
    Some(match entity {
        "1P" => "the provider",
        "40" => "the receiver",
        "41" => "the submitter",
        "71" => "the attending provider",
        "72" => "the operating provider",
        "77" => "the service location",
        "82" => "the rendering provider",
        "85" => "the billing provider",
        "87" => "the pay-to provider",
        "DK" => "the ordering provider",
        "DN" => "the referring provider",
        "DQ" => "the supervising provider",
        "IL" => "the subscriber",
        "PR" => "the payer",
        "QC" => "the patient",
        _ => return None,
    })
}

/// One STC composite in words: "A7 rejected for invalid information: the entity's NPI is
/// missing or invalid (562), the billing provider (85)".
pub(crate) fn explain(code: &crate::x12::StatusCode) -> String {
    let mut text = format!(
        "{} {}",
        code.category,
        category_words(&code.category).unwrap_or("(category not in medbill's table)")
    );
    if let Some(status) = &code.status {
        match status_words(status) {
            Some(words) => text.push_str(&format!(": {words} ({status})")),
            None => text.push_str(&format!(": status code {status}")),
        }
    }
    if let Some(entity) = &code.entity {
        match entity_words(entity) {
            Some(words) => text.push_str(&format!(", {words} ({entity})")),
            None => text.push_str(&format!(", entity {entity}")),
        }
    }
    text
}
