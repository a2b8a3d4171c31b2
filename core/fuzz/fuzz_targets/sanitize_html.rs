//! Any text through html5ever and the allowlist: never a panic, and nothing that can run code
//! or leave the page survives.
#![no_main]

use ban_tin_core::sanitize::parsed::{check, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let (out, tree) = sanitize(&html);
    if let Err(problem) = check(&html, &tree) {
        panic!("{problem}");
    }
    let (_, again) = sanitize(&out);
    if let Err(problem) = check(&out, &again) {
        panic!("parsed again: {problem}");
    }
});
