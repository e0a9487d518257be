//! Property tests: extraction never panics, whatever the text, and every evidence it
//! gives is a sentence of the document, at char boundaries; the readers never panic.

use diplograph::{Document, Extractor};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::bundled().unwrap())
}

/// Checks one text: no panic, and sound evidence.
fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document {
        id: "p".into(),
        published: Some("2026-03-05".into()),
        text: text.to_string(),
        ..Document::default()
    };
    let ex = extractor().extract(&doc);
    for ev in &ex.events {
        prop_assert!(!ev.evidence.is_empty(), "event without evidence: {ev:?}");
        for e in &ev.evidence {
            prop_assert_eq!(&e.doc, "p");
            prop_assert!(
                e.start <= e.end && e.end <= text.len(),
                "span {}..{} out of {}",
                e.start,
                e.end,
                text.len()
            );
            prop_assert!(
                text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                "span {}..{} not at char boundaries",
                e.start,
                e.end
            );
            prop_assert_eq!(&text[e.start..e.end], e.sentence.as_str());
        }
        let ids: Vec<&str> = ex.entities.iter().map(|e| e.id.as_str()).collect();
        prop_assert!(
            ids.contains(&ev.actor.as_str()),
            "actor {} is not an entity",
            ev.actor
        );
    }
    Ok(())
}

/// Words that make text look like news, so that properties reach the deep stages.
const WORDS: &[&str] = &[
    "Germany",
    "will",
    "send",
    "engineers",
    "to",
    "Ukraine",
    ",",
    "said",
    "told",
    "\"",
    "“",
    "”",
    "Macron",
    "French",
    "President",
    "Emmanuel",
    "the",
    "pledged",
    "$",
    "500",
    "million",
    "if",
    "not",
    "could",
    "U.S.",
    "Mr.",
    "Kyiv",
    "NATO",
    "EU",
    "officials",
    "he",
    "she",
    "they",
    ".",
    "\n",
    "—",
    "'s",
    "é",
    "Erdoğan",
    "中国",
    "🙂",
    "26",
    "European",
    "countries",
    "according",
    "promised",
    "would",
    "provide",
    "aid",
    "Hamas",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|ws| {
        let mut s = String::new();
        for w in ws {
            if !s.is_empty() && !matches!(w, "," | "." | "'s" | "\n") {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_on_any_string(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn extraction_never_panics_on_newsy_text(text in newsy()) {
        check(&text)?;
    }

    #[test]
    fn extraction_never_panics_on_any_bytes_as_text(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn front_matter_reader_never_panics(text in "(---\n)?([a-z]{0,8}: ?[^\n]{0,20}\n){0,4}(---\n)?\\PC{0,80}") {
        let _ = diplograph::document::parse_article(&text, "s", Path::new("s.txt"));
    }

    #[test]
    fn jsonl_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let n = diplograph::document::read_jsonl(std::io::Cursor::new(bytes), Path::new("p.jsonl")).len();
        prop_assert!(n <= 300);
    }
}

/// The properties above are only worth something if the checked texts give events.
#[test]
fn the_checker_sees_events_in_newsy_text() {
    let text = "Germany will send engineers to Ukraine, French President Emmanuel Macron said. \
                “We stand with Kyiv,” he told reporters.";
    let doc = Document {
        id: "p".into(),
        text: text.into(),
        ..Document::default()
    };
    assert!(extractor().extract(&doc).events.len() >= 2);
    check(text).unwrap();
}
