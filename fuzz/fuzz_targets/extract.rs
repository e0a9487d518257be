//! Fuzzes the extractor: any text, as an article body. Extraction must never panic,
//! and every evidence must be a sentence of the document at char boundaries.

#![no_main]

use diplograph::{Document, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::bundled().expect("bundled lexicons load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document {
        id: "f".into(),
        published: Some("2026-03-05".into()),
        text: text.to_string(),
        ..Document::default()
    };
    let ex = extractor().extract(&doc);
    for ev in &ex.events {
        for e in &ev.evidence {
            assert!(e.start <= e.end && e.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(e.start) && doc.text.is_char_boundary(e.end));
            assert_eq!(&doc.text[e.start..e.end], e.sentence);
        }
    }
});
