#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| thamdinh_fuzz::harness::xlsx_self_scores(data));
