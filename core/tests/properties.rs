//! Property tests of the foundation: allocation, code round trips, NDC normalization, money.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test code fails loudly"
)]

use medbill::codes::{
    Carc, ClaimFrequency, GroupCode, Icd10Cm, Modifier, Ndc, Npi, PlaceOfService, ProcedureCode,
    Rarc, RevenueCode, Taxonomy,
};
use medbill::{Money, Rate, allocate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cents(range: std::ops::Range<i64>) -> impl Strategy<Value = Money> {
    range.prop_map(Money::from_cents)
}

fn weights() -> impl Strategy<Value = Vec<Decimal>> {
    prop::collection::vec(
        (0i64..100_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        1..12,
    )
    .prop_filter("some weight must be positive", |w| {
        w.iter().any(|x| !x.is_zero())
    })
}

/// A valid NPI: nine random digits (first 1 or 2) and the Luhn check digit.
fn npi() -> impl Strategy<Value = String> {
    (1u32..=2, prop::collection::vec(0u32..10, 8)).prop_map(|(first, rest)| {
        let mut digits = vec![first];
        digits.extend(rest);
        let sum: u32 = digits
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| {
                if i % 2 == 0 {
                    (d * 2) / 10 + (d * 2) % 10
                } else {
                    d
                }
            })
            .sum::<u32>()
            + 24;
        digits.push((10 - sum % 10) % 10);
        digits
            .iter()
            .map(|d| char::from_digit(*d, 10).unwrap())
            .collect()
    })
}

proptest! {
    #[test]
    fn allocation_sums_to_the_whole(total in cents(-10_000_000..10_000_000), weights in weights()) {
        let parts = allocate(total, &weights).unwrap();
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(Money::sum(parts.iter().copied()).unwrap(), total);
        prop_assert!(parts.iter().all(|p| p.is_whole_cents()));
    }

    #[test]
    fn allocation_is_within_a_cent_of_the_exact_share(total in cents(0..10_000_000), weights in weights()) {
        let parts = allocate(total, &weights).unwrap();
        let sum: Decimal = weights.iter().sum();
        for (part, weight) in parts.iter().zip(&weights) {
            let exact = total.amount() * weight / sum;
            prop_assert!((part.amount() - exact).abs() < Decimal::new(1, 2), "{part} vs {exact}");
        }
    }

    #[test]
    fn allocation_is_order_stable(total in cents(0..10_000_000), weights in weights()) {
        let parts = allocate(total, &weights).unwrap();
        // Same input, same output.
        prop_assert_eq!(&allocate(total, &weights).unwrap(), &parts);
        // A larger weight never gets less; of equal weights, the earlier gets any extra cent.
        for i in 0..weights.len() {
            for j in 0..weights.len() {
                if weights[i] > weights[j] || (weights[i] == weights[j] && i < j) {
                    prop_assert!(parts[i] >= parts[j], "{i}:{} < {j}:{}", parts[i], parts[j]);
                }
            }
        }
    }

    #[test]
    fn negative_totals_mirror_positive_ones(total in cents(0..10_000_000), weights in weights()) {
        let positive = allocate(total, &weights).unwrap();
        let negative = allocate(total.negated(), &weights).unwrap();
        prop_assert_eq!(negative, positive.into_iter().map(Money::negated).collect::<Vec<_>>());
    }

    #[test]
    fn money_prints_and_parses_back(mantissa in any::<i64>(), scale in 0u32..=10) {
        let money = Money::from_decimal(Decimal::new(mantissa, scale)).unwrap();
        prop_assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
        let json = serde_json::to_string(&money).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
    }

    #[test]
    fn rates_print_and_parse_back(percent in 0i64..=100_000, scale in 2u32..5) {
        // At most 1000.00%, with two to four decimal places.
        let rate = Rate::from_percent(Decimal::new(percent, scale)).unwrap();
        prop_assert_eq!(rate.to_string().parse::<Rate>().unwrap(), rate);
    }

    #[test]
    fn npi_round_trips(text in npi()) {
        let parsed: Npi = text.parse().unwrap();
        prop_assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn a_changed_npi_digit_is_caught(text in npi(), position in 0usize..10, bump in 1u32..10) {
        let mut digits: Vec<u32> = text.chars().map(|c| c.to_digit(10).unwrap()).collect();
        digits[position] = (digits[position] + bump) % 10;
        let changed: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
        prop_assert!(changed.parse::<Npi>().is_err(), "{changed}");
    }

    #[test]
    fn icd10cm_round_trips_dotted_and_undotted(text in "[A-Z][0-9A-Z]{2}([0-9A-Z]{1,4})?") {
        let code: Icd10Cm = text.parse().unwrap();
        prop_assert_eq!(code.as_str(), text.as_str());
        let dotted = code.to_string();
        prop_assert_eq!(dotted.parse::<Icd10Cm>().unwrap(), code);
        prop_assert_eq!(text.to_lowercase().parse::<Icd10Cm>().unwrap(), code);
    }

    #[test]
    fn other_codes_round_trip(
        procedure in "([0-9]{4}[0-9FTUM]|[A-V][0-9]{4})",
        modifier in "[0-9A-Z]{2}",
        pos in "(0[1-9]|[1-9][0-9])",
        taxonomy in "[0-9A-Z]{9}X",
        revenue in "[0-3][0-9]{3}",
        carc in "([1-9][0-9]{0,2}|[A-Z][0-9]{1,2})",
        rarc in "([MN][1-9][0-9]{0,2}|MA[0-9]{2,3})",
    ) {
        prop_assume!(procedure.as_str() >= "00100" || !procedure.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(procedure.parse::<ProcedureCode>().unwrap().to_string(), procedure);
        prop_assert_eq!(modifier.parse::<Modifier>().unwrap().to_string(), modifier);
        prop_assert_eq!(pos.parse::<PlaceOfService>().unwrap().to_string(), pos);
        prop_assert_eq!(taxonomy.parse::<Taxonomy>().unwrap().to_string(), taxonomy);
        prop_assert_eq!(revenue.parse::<RevenueCode>().unwrap().to_string(), revenue);
        prop_assert_eq!(carc.parse::<Carc>().unwrap().to_string(), carc);
        prop_assert_eq!(rarc.parse::<Rarc>().unwrap().to_string(), rarc);
    }

    #[test]
    fn enumerated_codes_round_trip(index in 0usize..8, group in 0usize..4) {
        let frequency = ["0", "1", "2", "3", "4", "5", "7", "8"][index];
        prop_assert_eq!(frequency.parse::<ClaimFrequency>().unwrap().to_string(), frequency);
        let group = ["CO", "PR", "OA", "PI"][group];
        prop_assert_eq!(group.parse::<GroupCode>().unwrap().to_string(), group);
    }

    #[test]
    fn ndc_normalization_is_idempotent(
        form in 0usize..5,
        labeler in "[0-9]{5}", product in "[0-9]{4}", package in "[0-9]{2}",
    ) {
        let text = match form {
            0 => format!("{}-{}-{}", &labeler[1..], product, package),
            1 => format!("{}-{}-{}", labeler, &product[1..], package),
            2 => format!("{}-{}-{}", labeler, product, &package[1..]),
            3 => format!("{labeler}-{product}-{package}"),
            _ => format!("{labeler}{product}{package}"),
        };
        let once = text.parse::<Ndc>().unwrap().to_string();
        prop_assert_eq!(once.len(), 11);
        let twice = once.parse::<Ndc>().unwrap().to_string();
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(once.parse::<Ndc>().unwrap().hyphenated().parse::<Ndc>().unwrap().to_string(), once);
    }

    #[test]
    fn garbage_never_panics_any_parser(text in "\\PC{0,16}") {
        for kind in medbill::CodeKind::ALL {
            let check = medbill::codes::check(kind, &text);
            prop_assert_eq!(check.valid, check.normalized.is_some());
        }
        let _ = text.parse::<Money>();
        let _ = text.parse::<Rate>();
    }
}
