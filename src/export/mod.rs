//! Exports: the graph (or one extraction) written in formats other programs read.
//!
//! Each format lives in its own module and only reads the graph through its public
//! API; none of them touches petgraph. [`Format`] names the formats with their file
//! extensions, oxigraph-style.

pub mod csv;
pub mod dot;
pub mod json;

use crate::error::{Error, Result};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// networkx node-link JSON.
    Json,
    /// CSV tables: nodes, edges, events.
    Csv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Dot, Format::Json, Format::Csv];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The usual file extension.
    pub fn file_extension(self) -> &'static str {
        self.name()
    }

    /// The format for a file extension or name.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.trim_start_matches('.').to_ascii_lowercase();
        match ext.as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
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
