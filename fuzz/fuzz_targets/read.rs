//! Fuzzes the readers: any bytes as an article file (front matter + body) and as a
//! JSON Lines corpus. Reading must never panic; every JSONL error names its line.

#![no_main]

use diplograph::document::{decode, parse_article, JsonLines};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.txt");
    if let Ok(text) = decode(data, path) {
        if let Ok(doc) = parse_article(&text, "fuzz", path) {
            assert!(!doc.text.trim().is_empty());
        }
    }
    let lines = JsonLines::for_reader(std::io::Cursor::new(data), Path::new("fuzz.jsonl"));
    for r in lines {
        if let Err(e) = r {
            assert!(e.to_string().starts_with("fuzz.jsonl"));
        }
    }
});
