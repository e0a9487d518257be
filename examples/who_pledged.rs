//! Who pledged what to a recipient: build a graph from articles and ask it.
//!
//! ```text
//! cargo run --example who_pledged                     # to Ukraine, in data/corpus/dev
//! cargo run --example who_pledged -- Moldova my/articles/
//! ```
//!
//! The first argument names the recipient (name, alias or id, any case: "Kyiv" finds
//! Ukraine); the rest are article files or directories (default: the sample articles).
//! Only firm pledges are listed: negated and hedged commitments are not pledges.

use diplograph::{ingest, EventFilter, Extractor, KnowledgeGraph};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let recipient = args.next().unwrap_or_else(|| "Ukraine".to_string());
    let mut paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/corpus/dev"));
    }

    let extractor = Extractor::bundled()?;
    let mut graph = KnowledgeGraph::new();
    let report = ingest(&mut graph, &extractor, &paths);
    for e in &report.skipped {
        eprintln!("skipped: {e}");
    }

    let pledges = graph.pledges(&EventFilter::default().to(&recipient));
    println!(
        "{} pledge(s) to {recipient} in {} article(s)",
        pledges.len(),
        report.read
    );
    for p in &pledges {
        let ev = p.event;
        let mut what = ev.what.clone().unwrap_or_else(|| "(unspecified)".into());
        if ev.modality.conditional {
            what.push_str(" [conditional]");
        }
        println!(
            "\n{}  {} ({}): {what}",
            ev.date.as_deref().unwrap_or("----------"),
            p.actor.name,
            p.actor.kind
        );
        for e in &ev.evidence {
            println!("    > {} [{}]", e.sentence, e.doc);
        }
    }
    Ok(())
}
