//! `x12::read_271` on arbitrary bytes: responses with findings, or a typed error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(responses) = medbill::x12::read_271(data) {
        for response in &responses {
            let _ = response.all_rejections();
            if let Some(patient) = response.patient() {
                let _ = patient.active_coverage();
                let level = medbill::x12::CoverageLevel::Individual;
                let _ = patient.deductible(&level, medbill::x12::Network::In);
                let _ = patient.out_of_pocket(&level, medbill::x12::Network::Out);
                let _ = patient.copay("30", medbill::x12::Network::In);
                let _ = patient.coinsurance("30", medbill::x12::Network::In);
            }
        }
    }
});
