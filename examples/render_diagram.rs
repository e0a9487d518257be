//! Draw one actor's neighbourhood in the sample corpus as an SVG diagram.
//!
//! ```text
//! cargo run --example render_diagram -- Ukraine            # writes ukraine.svg
//! cargo run --example render_diagram -- "United States" 2 us.svg
//! ```
//!
//! Arguments: the actor (name, alias or id), the depth (default 1) and the output
//! file (default: the actor's name in lowercase, `.svg`). Graphviz is used when `dot`
//! is installed; otherwise the built-in layout draws the SVG.

use diplograph::render::{self, RenderFormat};
use diplograph::{Diagram, DotOptions, Extractor, KnowledgeGraph};
use std::error::Error;
use std::path::PathBuf;

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let actor = args.next().unwrap_or_else(|| "Ukraine".to_string());
    let depth: usize = match args.next() {
        Some(d) => d
            .parse()
            .map_err(|_| format!("depth {d:?} is not a number"))?,
        None => 1,
    };
    let out = args.next().map(PathBuf::from).unwrap_or_else(|| {
        let stem: String = actor
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        PathBuf::from(format!("{stem}.svg"))
    });

    // Build the graph from the annotated sample articles.
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/corpus/dev");
    let extractor = Extractor::bundled()?;
    let mut graph = KnowledgeGraph::new();
    let report = diplograph::ingest(&mut graph, &extractor, &[corpus]);
    for e in &report.skipped {
        eprintln!("skipped: {e}");
    }

    // Focus on the actor and draw.
    let opts = DotOptions::default()
        .focused_on(&graph, &actor, depth)
        .ok_or_else(|| format!("no actor named {actor:?} in the sample corpus"))?;
    let diagram = Diagram::plan(&graph, &opts);
    let svg = render::render(&graph, &opts, RenderFormat::Svg)?;
    std::fs::write(&out, svg)?;
    println!(
        "{}: {} actors, {} edges, {} events around {actor} (depth {depth})",
        out.display(),
        diagram.nodes.len(),
        diagram.edges.len(),
        diagram.event_count
    );
    Ok(())
}
