//! Exports: the graph written in formats other programs read.
//!
//! Each format lives in its own module and only reads the graph through its public
//! API; none of them touches petgraph. [`Format`] names the formats with their file
//! extensions, oxigraph-style; [`files`] renders one as named files and [`write`]
//! puts them on disk. The tabular formats (CSV, Parquet, GraphML, GEXF) share one
//! definition of their columns in [`table`].
//!
//! | format    | writes                                   | for                        |
//! |-----------|------------------------------------------|----------------------------|
//! | `dot`     | one `.dot` file                          | Graphviz                   |
//! | `json`    | one node-link `.json` file               | networkx, d3               |
//! | `csv`     | `nodes.csv`, `edges.csv`, `events.csv`   | pandas, spreadsheets       |
//! | `graphml` | one `.graphml` file                      | networkx, Gephi, igraph    |
//! | `gexf`    | one `.gexf` file                         | Gephi, networkx            |
//! | `parquet` | `nodes`/`edges`/`events.parquet`         | DuckDB, polars, pandas     |
//! | `plover`  | one `.jsonl` file, one event per line    | PLOVER event-data tools    |
//! | `neo4j`   | `nodes-*.csv`, `rels-*.csv`              | `neo4j-admin database import` |

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod neo4j;
pub mod parquet;
pub mod plover;
pub mod table;
mod xml;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::path::{Path, PathBuf};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// networkx node-link JSON.
    Json,
    /// CSV tables: nodes, edges, events.
    Csv,
    /// GraphML with scalar attributes.
    Graphml,
    /// GEXF 1.3 with scalar attributes.
    Gexf,
    /// Parquet tables: nodes, edges, events.
    Parquet,
    /// PLOVER JSON Lines, one event per line.
    Plover,
    /// `neo4j-admin database import` CSV files.
    Neo4j,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 8] = [
        Format::Dot,
        Format::Json,
        Format::Csv,
        Format::Graphml,
        Format::Gexf,
        Format::Parquet,
        Format::Plover,
        Format::Neo4j,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Parquet => "parquet",
            Format::Plover => "plover",
            Format::Neo4j => "neo4j",
        }
    }

    /// The usual file extension (of each file, for formats that write a directory).
    pub fn file_extension(self) -> &'static str {
        match self {
            Format::Plover => "jsonl",
            Format::Neo4j => "csv",
            other => other.name(),
        }
    }

    /// Does this format write a directory of files rather than one file?
    pub fn writes_directory(self) -> bool {
        matches!(self, Format::Csv | Format::Parquet | Format::Neo4j)
    }

    /// The format for a file extension or format name.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.trim_start_matches('.').to_ascii_lowercase();
        match ext.as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "graphml" => Some(Format::Graphml),
            "gexf" => Some(Format::Gexf),
            "parquet" => Some(Format::Parquet),
            "plover" | "jsonl" => Some(Format::Plover),
            "neo4j" => Some(Format::Neo4j),
            _ => None,
        }
    }

    /// Parses a format name.
    pub fn parse(name: &str) -> Result<Format> {
        Format::from_extension(name).ok_or_else(|| Error::Export {
            message: format!(
                "unknown export format {name:?} (expected one of: {})",
                Format::ALL.map(Format::name).join(", ")
            ),
        })
    }
}

/// The graph in `format`, as (file name, bytes) pairs: one file named
/// `diplograph.EXT` for single-file formats, the format's fixed file names for the
/// directory formats. DOT uses the default diagram options.
pub fn files(graph: &KnowledgeGraph, format: Format) -> Result<Vec<(String, Vec<u8>)>> {
    let single = |text: String| {
        vec![(
            format!("diplograph.{}", format.file_extension()),
            text.into_bytes(),
        )]
    };
    let texts =
        |v: Vec<(String, String)>| v.into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
    Ok(match format {
        Format::Dot => single(dot::render(graph, &dot::DotOptions::default())),
        Format::Json => single(
            serde_json::to_string_pretty(&json::node_link(graph)).map_err(|e| Error::Export {
                message: format!("json: {e}"),
            })? + "\n",
        ),
        Format::Csv => texts(csv::files(graph)),
        Format::Graphml => single(graphml::write(graph)),
        Format::Gexf => single(gexf::write(graph)),
        Format::Parquet => parquet::files(graph)?,
        Format::Plover => single(plover::write(graph)),
        Format::Neo4j => texts(neo4j::files(graph)),
    })
}

/// Writes the graph in `format` to `path` and returns the files written.
///
/// Directory formats (CSV, Parquet, Neo4j) create `path` as a directory and write
/// their files into it. Single-file formats write `path` itself, or
/// `path/diplograph.EXT` when `path` is a directory (an existing one, or one named
/// with a trailing `/`). The file names of all formats differ, so every export can
/// go into one directory. Files are written atomically.
pub fn write(graph: &KnowledgeGraph, format: Format, path: &Path) -> Result<Vec<PathBuf>> {
    let files = files(graph, format)?;
    let mut written = Vec::new();
    if format.writes_directory() {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        for (name, bytes) in files {
            let p = path.join(name);
            crate::store::write_atomic(&p, &bytes)?;
            written.push(p);
        }
    } else {
        for (name, bytes) in files {
            let p = if path.is_dir() || ends_with_separator(path) {
                path.join(name)
            } else {
                path.to_path_buf()
            };
            if let Some(parent) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            crate::store::write_atomic(&p, &bytes)?;
            written.push(p);
        }
    }
    Ok(written)
}

fn ends_with_separator(path: &Path) -> bool {
    path.as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_their_names() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()).unwrap(), f);
            assert!(Format::from_extension(f.file_extension()).is_some());
        }
        assert_eq!(Format::from_extension(".GEXF"), Some(Format::Gexf));
        assert_eq!(Format::from_extension("jsonl"), Some(Format::Plover));
        assert!(Format::parse("xlsx")
            .unwrap_err()
            .to_string()
            .contains("neo4j"));
    }
}
