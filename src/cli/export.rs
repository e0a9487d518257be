//! `diplograph export`: the store as DOT, networkx node-link JSON or CSV tables.

use super::args::ExportArgs;
use super::{emit, load_existing, Outcome};
use anyhow::{bail, Context as _, Result};
use diplograph::export::{self, Format};
use diplograph::{store, EventFilter};

/// Runs `export`.
pub fn run(a: &ExportArgs) -> Result<Outcome> {
    let graph = load_existing(&a.store.graph)?;
    let format = match (&a.format, &a.out.output) {
        (Some(f), _) => Format::parse(f)?,
        (None, Some(p)) => p
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .with_context(|| {
                format!(
                    "{}: cannot tell the format from the extension; use --format",
                    p.display()
                )
            })?,
        (None, None) => {
            bail!("give --format dot|json|csv (or -o FILE with a known extension)")
        }
    };
    match format {
        Format::Dot => {
            let opts = super::render::options(&a.diagram, &graph, &a.store.graph, false)?;
            emit(&a.out.output, &export::dot::render(&graph, &opts))?;
        }
        Format::Json => {
            let v = export::json::node_link(&graph);
            emit(&a.out.output, &(serde_json::to_string_pretty(&v)? + "\n"))?;
        }
        Format::Csv => {
            let views = graph.query(&EventFilter {
                include_unfirm: true,
                ..EventFilter::default()
            });
            let tables = [
                ("nodes.csv", export::csv::nodes(&graph)),
                ("edges.csv", export::csv::edges(&graph)),
                ("events.csv", export::csv::events(&graph, &views)),
            ];
            match &a.out.output {
                Some(dir) => {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("{}: cannot create directory", dir.display()))?;
                    for (name, body) in &tables {
                        store::write_atomic(&dir.join(name), body.as_bytes())?;
                    }
                }
                None => emit(&None, &tables[2].1)?,
            }
        }
    }
    Ok(Outcome::Ok)
}
