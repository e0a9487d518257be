//! Diagrams as pictures: SVG, PNG or PDF (or the DOT text itself).
//!
//! With Graphviz's `dot` on the PATH, the DOT that `export::dot` writes is rendered
//! by Graphviz through graphviz-rust's `exec` API — the same text a user would get
//! from `export --format dot`, so both agree. Without it, SVG is still produced by a
//! pure-Rust layered layout ([`builtin`], over layout-rs), so the default never needs
//! a system package; PNG and PDF need Graphviz and say so. What is drawn is decided
//! once, by [`Diagram::plan`], for every engine.
//!
//! # Example
//!
//! ```
//! use diplograph::render::{render_with, Engine, RenderFormat};
//! use diplograph::{Document, DotOptions, Extractor, KnowledgeGraph};
//!
//! let doc = Document {
//!     id: "a1".into(),
//!     text: "Germany pledged €1.5 billion in military aid to Ukraine.".into(),
//!     ..Document::default()
//! };
//! let mut graph = KnowledgeGraph::new();
//! graph.add_extraction(&doc, &Extractor::bundled().unwrap().extract(&doc));
//! let opts = DotOptions::default().focused_on(&graph, "Ukraine", 1).unwrap();
//! // The built-in layout needs no Graphviz; `render` picks Graphviz when installed.
//! let svg = render_with(&graph, &opts, RenderFormat::Svg, Engine::Builtin).unwrap();
//! let svg = String::from_utf8(svg).unwrap();
//! assert!(svg.contains("<svg") && svg.contains("Germany") && svg.contains("Ukraine"));
//! ```

mod builtin;

use crate::diagram::{Diagram, DotOptions};
use crate::error::{Error, Result};
use crate::export::dot;
use crate::graph::KnowledgeGraph;
use graphviz_rust::cmd::{CommandArg, Format as GvFormat};
use std::path::Path;
use std::process::Command;

/// A picture format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderFormat {
    /// Scalable vector graphics (with hover tooltips when drawn by Graphviz).
    Svg,
    /// A PNG bitmap (needs Graphviz).
    Png,
    /// A PDF page (needs Graphviz).
    Pdf,
    /// The Graphviz DOT text, not laid out.
    Dot,
}

impl RenderFormat {
    /// Every format.
    pub const ALL: [RenderFormat; 4] = [
        RenderFormat::Svg,
        RenderFormat::Png,
        RenderFormat::Pdf,
        RenderFormat::Dot,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Pdf => "pdf",
            RenderFormat::Dot => "dot",
        }
    }

    /// The usual file extension.
    pub fn file_extension(self) -> &'static str {
        self.name()
    }

    /// The format for a file extension or a format name.
    pub fn from_extension(ext: &str) -> Option<RenderFormat> {
        match ext.trim_start_matches('.').to_ascii_lowercase().as_str() {
            "svg" => Some(RenderFormat::Svg),
            "png" => Some(RenderFormat::Png),
            "pdf" => Some(RenderFormat::Pdf),
            "dot" | "gv" => Some(RenderFormat::Dot),
            _ => None,
        }
    }

    /// The format for a file name, from its extension.
    pub fn from_path(path: &Path) -> Option<RenderFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(RenderFormat::from_extension)
    }

    /// Parses a format name.
    pub fn parse(name: &str) -> Result<RenderFormat> {
        RenderFormat::from_extension(name).ok_or_else(|| Error::Export {
            message: format!(
                "unknown picture format {name:?} (expected one of: {})",
                RenderFormat::ALL.map(RenderFormat::name).join(", ")
            ),
        })
    }
}

/// Who lays the diagram out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz when `dot` is on the PATH, else the built-in layout (SVG only).
    #[default]
    Auto,
    /// Graphviz's `dot` program; an error when it is missing.
    Graphviz,
    /// The built-in pure-Rust layered layout (SVG only; no clusters, no legend).
    Builtin,
}

impl Engine {
    /// Parses `auto`, `graphviz` or `builtin`.
    pub fn parse(s: &str) -> Option<Engine> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Engine::Auto),
            "graphviz" | "dot" => Some(Engine::Graphviz),
            "builtin" | "built-in" | "rust" => Some(Engine::Builtin),
            _ => None,
        }
    }
}

/// Is Graphviz's `dot` program on the PATH?
pub fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Renders the graph (or a focused part of it) as a picture, with Graphviz when it is
/// there and the built-in layout otherwise.
pub fn render(graph: &KnowledgeGraph, opts: &DotOptions, format: RenderFormat) -> Result<Vec<u8>> {
    render_with(graph, opts, format, Engine::Auto)
}

/// Renders with a chosen engine.
pub fn render_with(
    graph: &KnowledgeGraph,
    opts: &DotOptions,
    format: RenderFormat,
    engine: Engine,
) -> Result<Vec<u8>> {
    draw(&Diagram::plan(graph, opts), format, engine)
}

/// Draws a planned diagram (see [`Diagram::plan`]) with a chosen engine.
pub fn draw(diagram: &Diagram, format: RenderFormat, engine: Engine) -> Result<Vec<u8>> {
    draw_counted(diagram, format, engine).map(|d| d.bytes)
}

/// A drawn picture and how much of its diagram it shows.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The picture (or DOT text).
    pub bytes: Vec<u8>,
    /// Actors drawn: fewer than the diagram's when the built-in layout cut it.
    pub actors: usize,
    /// Edges drawn, likewise.
    pub edges: usize,
}

/// Draws like [`draw`] and says how many actors and edges the picture shows — the
/// built-in layout draws only the most connected part of a large diagram.
pub fn draw_counted(diagram: &Diagram, format: RenderFormat, engine: Engine) -> Result<Drawing> {
    let whole = |bytes: Vec<u8>| Drawing {
        bytes,
        actors: diagram.nodes.len(),
        edges: diagram.edges.len(),
    };
    if format == RenderFormat::Dot {
        return Ok(whole(dot::write(diagram).into_bytes()));
    }
    let engine = match engine {
        Engine::Auto if graphviz_available() => Engine::Graphviz,
        Engine::Auto => Engine::Builtin,
        e => e,
    };
    match (engine, format) {
        (Engine::Builtin, RenderFormat::Svg) => builtin::svg_counted(diagram),
        (Engine::Builtin, _) => Err(Error::Export {
            message: format!(
                "rendering {} needs Graphviz's `dot` on the PATH; install graphviz \
                 (e.g. `apt-get install graphviz`), or write .svg or .dot instead",
                format.name().to_ascii_uppercase()
            ),
        }),
        // Graphviz 2.43 fails on a small share of boxed graphs: retry unboxed.
        (_, format) => graphviz(&dot::write(diagram), format)
            .or_else(|e| {
                if diagram.boxed {
                    graphviz(&dot::write(&diagram.without_boxes()), format)
                } else {
                    Err(e)
                }
            })
            .map(whole),
    }
}

/// Runs Graphviz on DOT text.
fn graphviz(dot_text: &str, format: RenderFormat) -> Result<Vec<u8>> {
    let gv = match format {
        RenderFormat::Png => GvFormat::Png,
        RenderFormat::Pdf => GvFormat::Pdf,
        _ => GvFormat::Svg,
    };
    graphviz_rust::exec_dot(dot_text.to_string(), vec![CommandArg::Format(gv)]).map_err(|e| {
        let message = if e.kind() == std::io::ErrorKind::NotFound {
            "Graphviz's `dot` is not on the PATH; install graphviz, or use the built-in \
             engine for SVG"
                .to_string()
        } else {
            let detail = e.to_string();
            let first = detail.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            format!("graphviz dot failed: {}", first.trim())
        };
        Error::Export { message }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            RenderFormat::from_path(Path::new("a/b.SVG")),
            Some(RenderFormat::Svg)
        );
        assert_eq!(
            RenderFormat::from_path(Path::new("g.gv")),
            Some(RenderFormat::Dot)
        );
        assert_eq!(RenderFormat::from_path(Path::new("g.jpeg")), None);
        assert_eq!(RenderFormat::from_path(Path::new("noext")), None);
        assert!(RenderFormat::parse("tiff").is_err());
        for f in RenderFormat::ALL {
            assert_eq!(RenderFormat::from_extension(f.file_extension()), Some(f));
        }
    }

    #[test]
    fn builtin_cannot_make_bitmaps() {
        let g = KnowledgeGraph::new();
        let err = render_with(
            &g,
            &DotOptions::default(),
            RenderFormat::Png,
            Engine::Builtin,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("install graphviz"), "{err}");
    }
}
