//! `diplograph export`: the store in one of the formats of `diplograph::export`
//! (DOT, node-link JSON, CSV, GraphML, GEXF, Parquet, PLOVER, Neo4j).

use super::args::ExportArgs;
use super::{emit, load_existing, Outcome};
use anyhow::{bail, Context as _, Result};
use diplograph::export::{self, Format};

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
            bail!(
                "give --format {} (or -o FILE with a known extension)",
                Format::ALL.map(Format::name).join("|")
            )
        }
    };
    match format {
        Format::Dot => {
            let opts = super::render::options(&a.diagram, &graph, &a.store.graph, false)?;
            emit(&a.out.output, &export::dot::render(&graph, &opts))?;
        }
        other => match &a.out.output {
            Some(path) => {
                let written = export::write(&graph, other, path)?;
                eprintln!(
                    "wrote {} file(s) to {}",
                    written.len(),
                    if other.writes_directory() {
                        path.display()
                    } else {
                        written[0].display()
                    }
                );
                if other == Format::Neo4j {
                    eprintln!(
                        "import with: {}",
                        export::neo4j::import_command(&path.display().to_string())
                    );
                }
            }
            // CSV to standard output: the events table, the one people pipe.
            None if other == Format::Csv => emit(
                &None,
                &export::csv::events(&graph, &export::table::all_events(&graph)),
            )?,
            None if other.writes_directory() => {
                bail!(
                    "{} export writes a directory of files: give -o DIR",
                    other.name()
                )
            }
            None => {
                let files = export::files(&graph, other)?;
                for (_, bytes) in files {
                    emit(&None, &String::from_utf8_lossy(&bytes))?;
                }
            }
        },
    }
    Ok(Outcome::Ok)
}
