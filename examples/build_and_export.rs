//! Build a graph from articles and export it for notebooks and graph tools.
//!
//! ```text
//! cargo run --example build_and_export                 # data/corpus/dev -> out/exports
//! cargo run --example build_and_export -- DIR my/articles/
//! ```
//!
//! Writes, into one directory: `diplograph.json` (networkx node-link), `nodes.csv`,
//! `edges.csv`, `events.csv` (pandas) and `diplograph.graphml` (networkx, Gephi) —
//! what `examples/notebook.ipynb` reads (it looks in `$DIPLOGRAPH_EXPORTS`, default
//! `out/exports`).

use diplograph::export::{self, Format};
use diplograph::{ingest, Extractor, KnowledgeGraph};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("out/exports"));
    let mut paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(root.join("data/corpus/dev"));
    }

    let extractor = Extractor::bundled()?;
    let mut graph = KnowledgeGraph::new();
    let report = ingest(&mut graph, &extractor, &paths);
    for e in &report.skipped {
        eprintln!("skipped: {e}");
    }
    println!(
        "{} article(s): {} entities, {} events",
        report.read,
        graph.entity_count(),
        graph.event_count()
    );

    std::fs::create_dir_all(&out)?;
    for format in [Format::Json, Format::Csv, Format::Graphml] {
        for path in export::write(&graph, format, &out)? {
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}
