//! What adjudication and coordination refuse: input they cannot honestly work from (negative
//! amounts, lines that were not priced, sums that do not add up, a plan that contradicts
//! itself, …). Each problem is a finding with a stable rule id, the JSON pointer of the field
//! within its document and what was expected; never the value found.
//!
//! Rule ids name the document: `PRICED-` the priced claim, `PLAN-` the benefit plan,
//! `ACCUMULATORS-` the accumulators, `PRIOR-` the prior payer's decision, `SECONDARY-` the next
//! payer's own adjudication, `COB-` the two together.

use super::adjudicate::Adjudication;
use super::cob::{CobMethod, Coordination, RemittedClaim};
use super::plan::{Accumulators, BenefitPlan, Limits, ServiceCategory, TierAccumulators};
use crate::finding::Finding;
use crate::money::{Money, Rate};
use crate::pricing::{LineStatus, PricedClaim, replay};

/// Findings being gathered for one refusal.
#[derive(Debug, Default)]
pub(super) struct Problems(Vec<Finding>);

impl Problems {
    pub(super) fn push(&mut self, finding: Finding) {
        self.0.push(finding);
    }

    fn error(&mut self, rule: &str, path: impl Into<String>, message: &str) {
        self.0.push(Finding::error(rule, path, message));
    }

    /// `amount` must not be negative.
    fn not_negative(&mut self, rule: &str, path: impl Into<String>, amount: Money, what: &str) {
        if amount.is_negative() {
            self.error(rule, path, &format!("{what} is zero or more"));
        }
    }

    /// `total` must be the sum of `parts`.
    fn sum(
        &mut self,
        rule: &str,
        path: &str,
        total: Money,
        parts: impl IntoIterator<Item = Money>,
        what: &str,
    ) {
        match Money::sum(parts) {
            Ok(sum) if sum == total => {}
            Ok(_) => self.error(rule, path, &format!("{what} is the sum of the lines'")),
            Err(_) => self.error(
                rule,
                path,
                &format!("{what} is the sum of the lines', which overflows"),
            ),
        }
    }

    /// Line `index` must say it is line `index`: the lines are the claim's, each once, in
    /// order.
    fn line_order(&mut self, prefix: &str, index: usize, line: usize) {
        if line != index {
            self.error(
                &format!("{prefix}-LINE-ORDER"),
                format!("/lines/{index}/line"),
                &format!(
                    "expected line {index}: the lines are the claim's lines, each once, in order"
                ),
            );
        }
    }

    /// The findings, when there are any.
    pub(super) fn into_findings(self) -> Option<Vec<Finding>> {
        if self.0.is_empty() {
            None
        } else {
            Some(self.0)
        }
    }
}

/// A priced claim as `adjudicate` needs it: lines that are the claim's lines in order, no
/// negative amount, an allowed amount only on priced lines and never above the charge (the
/// payer allows at most what was billed), the allowed amount the line's trace replays to, and
/// totals that are the sums of the lines.
pub(super) fn priced_claim(priced: &PricedClaim, problems: &mut Problems) {
    if priced.lines.is_empty() {
        problems.error(
            "PRICED-NO-LINES",
            "/lines",
            "a priced claim has at least one line",
        );
    }
    for (index, line) in priced.lines.iter().enumerate() {
        let at = |field: &str| format!("/lines/{index}/{field}");
        problems.line_order("PRICED", index, line.line);
        problems.not_negative(
            "PRICED-CHARGE-NEGATIVE",
            at("charge"),
            line.charge,
            "a line's charge",
        );
        problems.not_negative(
            "PRICED-ALLOWED-NEGATIVE",
            at("allowed"),
            line.allowed,
            "an allowed amount",
        );
        problems.not_negative(
            "PRICED-EXPECTED-NEGATIVE",
            at("expectedPayment"),
            line.expected_payment,
            "an expected payment",
        );
        match line.status {
            LineStatus::Priced => {
                if line.allowed > line.charge && !line.charge.is_negative() {
                    problems.error(
                        "PRICED-ALLOWED-ABOVE-CHARGE",
                        at("allowed"),
                        "the allowed amount is at most the line's charge: a patient and plan never owe more than was billed",
                    );
                }
                if !line.trace.is_empty() && replay(&line.trace).ok() != Some(line.allowed) {
                    problems.error(
                        "PRICED-TRACE-REPLAY",
                        at("allowed"),
                        "the allowed amount is what the line's pricing trace replays to",
                    );
                }
            }
            LineStatus::NotPayable { .. } | LineStatus::ManualPricing { .. } => {
                if !line.allowed.is_zero() {
                    problems.error(
                        "PRICED-UNPRICED-ALLOWED",
                        at("allowed"),
                        "a line that was not priced has no allowed amount (0.00)",
                    );
                }
            }
        }
    }
    let lines = &priced.lines;
    problems.sum(
        "PRICED-TOTAL",
        "/totalCharge",
        priced.total_charge,
        lines.iter().map(|l| l.charge),
        "the total charge",
    );
    problems.sum(
        "PRICED-TOTAL",
        "/totalAllowed",
        priced.total_allowed,
        lines.iter().map(|l| l.allowed),
        "the total allowed",
    );
    problems.sum(
        "PRICED-TOTAL",
        "/totalExpectedPayment",
        priced.total_expected_payment,
        lines.iter().map(|l| l.expected_payment),
        "the total expected payment",
    );
}

/// A plan that says one thing: a plan year that ends after it starts, no negative amount, rates
/// of at most 100% where a share of an amount is taken, one service rule per category.
pub(super) fn plan(plan: &BenefitPlan, problems: &mut Problems) {
    if plan.plan_year_end < plan.plan_year_start {
        problems.error(
            "PLAN-YEAR-ORDER",
            "/planYearEnd",
            "the plan year ends on or after the day it starts",
        );
    }
    if let Some(rate) = plan.sequestration {
        at_most_full(problems, "/sequestration", rate);
    }
    let tiers = [
        ("inNetwork", Some(&plan.in_network)),
        ("outOfNetwork", plan.out_of_network.as_ref()),
    ];
    for (name, tier) in tiers {
        let Some(tier) = tier else { continue };
        limits(problems, &format!("/{name}/deductible"), &tier.deductible);
        if let Some(max) = &tier.out_of_pocket_max {
            limits(problems, &format!("/{name}/outOfPocketMax"), max);
        }
        at_most_full(problems, &format!("/{name}/coinsurance"), tier.coinsurance);
        for (k, service) in tier.services.iter().enumerate() {
            let at = |field: &str| format!("/{name}/services/{k}/{field}");
            if let Some(copay) = service.copay {
                problems.not_negative("PLAN-AMOUNT-NEGATIVE", at("copay"), copay, "a copay");
            }
            if let Some(rate) = service.coinsurance {
                at_most_full(problems, &at("coinsurance"), rate);
            }
            let first = tier
                .services
                .iter()
                .position(|s| s.category == service.category);
            if let Some(first) = first.filter(|first| *first != k) {
                problems.error(
                    "PLAN-SERVICE-DUPLICATE",
                    at("category"),
                    &format!(
                        "one service rule per category: services/{first} already has this category"
                    ),
                );
            }
        }
    }
}

fn limits(problems: &mut Problems, path: &str, limits: &Limits) {
    problems.not_negative(
        "PLAN-AMOUNT-NEGATIVE",
        format!("{path}/individual"),
        limits.individual,
        "an individual limit",
    );
    if let Some(family) = limits.family {
        problems.not_negative(
            "PLAN-AMOUNT-NEGATIVE",
            format!("{path}/family"),
            family,
            "a family limit",
        );
    }
}

fn at_most_full(problems: &mut Problems, path: &str, rate: Rate) {
    if rate.percent() > rust_decimal::Decimal::ONE_HUNDRED {
        problems.error(
            "PLAN-RATE-ABOVE-100",
            path,
            "a share of an amount is at most 100%",
        );
    }
}

/// Accumulators with no negative amount and one visit count per category.
pub(super) fn accumulators(accumulators: &Accumulators, problems: &mut Problems) {
    for (name, tier) in [
        ("inNetwork", &accumulators.in_network),
        ("outOfNetwork", &accumulators.out_of_network),
    ] {
        let TierAccumulators {
            individual_deductible,
            family_deductible,
            individual_out_of_pocket,
            family_out_of_pocket,
        } = *tier;
        for (field, amount) in [
            ("individualDeductible", individual_deductible),
            ("familyDeductible", family_deductible),
            ("individualOutOfPocket", individual_out_of_pocket),
            ("familyOutOfPocket", family_out_of_pocket),
        ] {
            problems.not_negative(
                "ACCUMULATORS-AMOUNT-NEGATIVE",
                format!("/{name}/{field}"),
                amount,
                "an amount met",
            );
        }
    }
    for (k, visits) in accumulators.visits.iter().enumerate() {
        let first = accumulators
            .visits
            .iter()
            .position(|v| v.category == visits.category);
        if let Some(first) = first.filter(|first| *first != k) {
            problems.error(
                "ACCUMULATORS-VISITS-DUPLICATE",
                format!("/visits/{k}/category"),
                &format!("one count per category: visits/{first} already counts this category"),
            );
        }
    }
}

/// What a plan says that can never apply: a service rule for a category no category rule
/// gives any code (only `other` is given without a rule), a range that ends before it starts.
/// Warnings: the plan can still be adjudicated.
pub(super) fn plan_warnings(plan: &BenefitPlan) -> Vec<Finding> {
    let mut warnings = Vec::new();
    let tiers = [
        ("inNetwork", Some(&plan.in_network)),
        ("outOfNetwork", plan.out_of_network.as_ref()),
    ];
    for (name, tier) in tiers {
        let Some(tier) = tier else { continue };
        for (k, service) in tier.services.iter().enumerate() {
            let reachable = service.category == ServiceCategory::Other
                || plan
                    .categories
                    .iter()
                    .any(|rule| rule.category == service.category && rule.from <= rule.through);
            if !reachable {
                warnings.push(Finding::warning(
                    "PLAN-SERVICE-UNREACHABLE",
                    format!("/{name}/services/{k}/category"),
                    "no category rule gives any code this category, so this service rule never applies",
                ));
            }
        }
    }
    for (k, rule) in plan.categories.iter().enumerate() {
        if rule.through < rule.from {
            warnings.push(Finding::warning(
                "PLAN-CATEGORY-RANGE-EMPTY",
                format!("/categories/{k}/through"),
                "the range ends before it starts, so the rule gives no code its category",
            ));
        }
    }
    for (k, range) in plan.non_covered.iter().enumerate() {
        if range.through < range.from {
            warnings.push(Finding::warning(
                "PLAN-NON-COVERED-RANGE-EMPTY",
                format!("/nonCovered/{k}/through"),
                "the range ends before it starts, so it excludes no code",
            ));
        }
    }
    warnings
}

/// An adjudication as coordination needs it (the prior payer's, or the next payer's own
/// normal benefit): lines in order, no negative amount, each line balanced (charge = plan
/// paid + adjustments), the patient's share the sum of its PR adjustments, totals the sums.
/// `prefix` names the document (`PRIOR` or `SECONDARY`).
pub(super) fn adjudication(adjudication: &Adjudication, prefix: &str, problems: &mut Problems) {
    let rule = |name: &str| format!("{prefix}-{name}");
    if adjudication.lines.is_empty() {
        problems.error(
            &rule("NO-LINES"),
            "/lines",
            "an adjudication has at least one line",
        );
    }
    for (index, line) in adjudication.lines.iter().enumerate() {
        let at = |field: &str| format!("/lines/{index}/{field}");
        problems.line_order(prefix, index, line.line);
        for (field, amount, what) in [
            ("charge", line.charge, "a line's charge"),
            ("allowed", line.allowed, "an allowed amount"),
            ("planPaid", line.plan_paid, "a plan payment"),
            (
                "patientResponsibility",
                line.patient_responsibility,
                "a patient responsibility",
            ),
        ] {
            problems.not_negative(&rule("AMOUNT-NEGATIVE"), at(field), amount, what);
        }
        let accounted = Money::sum(line.adjustments.iter().map(|a| a.amount))
            .and_then(|adjustments| adjustments.checked_add(line.plan_paid));
        if accounted != Ok(line.charge) {
            problems.error(
                &rule("LINE-BALANCE"),
                at("adjustments"),
                "a line balances: its charge is the plan's payment plus its adjustments",
            );
        }
        let patient = Money::sum(
            line.adjustments
                .iter()
                .filter(|a| a.group == crate::codes::GroupCode::Pr)
                .map(|a| a.amount),
        );
        if patient != Ok(line.patient_responsibility) {
            problems.error(
                &rule("PATIENT-SHARE"),
                at("patientResponsibility"),
                "the patient responsibility is the sum of the line's PR adjustments",
            );
        }
    }
    let lines = &adjudication.lines;
    let total = rule("TOTAL");
    problems.sum(
        &total,
        "/totalCharge",
        adjudication.total_charge,
        lines.iter().map(|l| l.charge),
        "the total charge",
    );
    problems.sum(
        &total,
        "/totalAllowed",
        adjudication.total_allowed,
        lines.iter().map(|l| l.allowed),
        "the total allowed",
    );
    problems.sum(
        &total,
        "/planPaid",
        adjudication.plan_paid,
        lines.iter().map(|l| l.plan_paid),
        "the plan's payment",
    );
    problems.sum(
        &total,
        "/patientResponsibility",
        adjudication.patient_responsibility,
        lines.iter().map(|l| l.patient_responsibility),
        "the patient responsibility",
    );
}

/// A coordination as the payer after it needs it: lines in order, no negative amount, the
/// payments and the balance left never more than the charge, totals the sums.
pub(super) fn coordination(coordination: &Coordination, problems: &mut Problems) {
    if coordination.lines.is_empty() {
        problems.error(
            "PRIOR-NO-LINES",
            "/lines",
            "a coordination has at least one line",
        );
    }
    for (index, line) in coordination.lines.iter().enumerate() {
        let at = |field: &str| format!("/lines/{index}/{field}");
        problems.line_order("PRIOR", index, line.line);
        let amounts = [
            ("charge", Some(line.charge), "a line's charge"),
            ("priorAllowed", line.prior_allowed, "an allowed amount"),
            ("priorPaid", Some(line.prior_paid), "a payment"),
            ("secondaryPaid", Some(line.secondary_paid), "a payment"),
            ("patientBalance", Some(line.patient_balance), "a balance"),
        ];
        for (field, amount, what) in amounts {
            if let Some(amount) = amount {
                problems.not_negative("PRIOR-AMOUNT-NEGATIVE", at(field), amount, what);
            }
        }
        let accounted = Money::sum([line.prior_paid, line.secondary_paid, line.patient_balance]);
        if !accounted.is_ok_and(|sum| sum <= line.charge) {
            problems.error(
                "PRIOR-LINE-BALANCE",
                at("patientBalance"),
                "the payments and the balance left add up to at most the line's charge",
            );
        }
    }
    let lines = &coordination.lines;
    for (path, total, part, what) in [
        (
            "/priorPaid",
            coordination.prior_paid,
            (|l| l.prior_paid) as fn(&super::cob::CoordinatedLine) -> Money,
            "the prior payment",
        ),
        (
            "/secondaryPaid",
            coordination.secondary_paid,
            |l| l.secondary_paid,
            "the secondary payment",
        ),
        (
            "/patientBalance",
            coordination.patient_balance,
            |l| l.patient_balance,
            "the patient balance",
        ),
    ] {
        problems.sum("PRIOR-TOTAL", path, total, lines.iter().map(part), what);
    }
}

/// A prior payer's remittance as coordination needs it: at least one line, no negative
/// charge, payment or allowed amount, each line balanced (charge = paid + adjustments) with a
/// patient share (its PR adjustments) of zero or more, and no claim-level adjustment (it
/// cannot be put on a line).
pub(super) fn remitted(remitted: &RemittedClaim, problems: &mut Problems) {
    if remitted.lines.is_empty() {
        problems.error(
            "PRIOR-NO-LINES",
            "/lines",
            "a remittance to coordinate from has service lines (SVC)",
        );
    }
    if !remitted.adjustments.is_empty() {
        problems.error(
            "PRIOR-CLAIM-ADJUSTMENTS",
            "/adjustments",
            "adjustments on the claim rather than its lines cannot be put on a line: coordinate from a remittance whose adjustments are on its lines",
        );
    }
    for (index, line) in remitted.lines.iter().enumerate() {
        let at = |field: &str| format!("/lines/{index}/{field}");
        problems.not_negative(
            "PRIOR-AMOUNT-NEGATIVE",
            at("charge"),
            line.charge,
            "a line's charge",
        );
        problems.not_negative("PRIOR-AMOUNT-NEGATIVE", at("paid"), line.paid, "a payment");
        if let Some(allowed) = line.allowed {
            problems.not_negative(
                "PRIOR-AMOUNT-NEGATIVE",
                at("allowed"),
                allowed,
                "an allowed amount",
            );
        }
        let accounted = Money::sum(line.adjustments.iter().map(|a| a.amount))
            .and_then(|adjustments| adjustments.checked_add(line.paid));
        if accounted != Ok(line.charge) {
            problems.error(
                "PRIOR-LINE-BALANCE",
                at("adjustments"),
                "a line balances: its charge is the payment plus its adjustments",
            );
        }
        match line.patient_share() {
            Ok(share) if share.is_negative() => problems.error(
                "PRIOR-AMOUNT-NEGATIVE",
                at("adjustments"),
                "the patient's share (the PR adjustments) is zero or more",
            ),
            Ok(_) => {}
            Err(_) => problems.error(
                "PRIOR-LINE-BALANCE",
                at("adjustments"),
                "the patient's share (the PR adjustments) is a sum that does not overflow",
            ),
        }
    }
}

/// A method's parameters: a coverage percentage of at most 100%.
pub(super) fn method(method: CobMethod, problems: &mut Problems) {
    if let CobMethod::MaintenanceOfBenefits { coverage } = method {
        if coverage.percent() > rust_decimal::Decimal::ONE_HUNDRED {
            problems.error(
                "COB-RATE-ABOVE-100",
                "/method/coverage",
                "a coverage percentage is at most 100%",
            );
        }
    }
}
