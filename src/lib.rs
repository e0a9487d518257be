//! diplograph turns diplomatic news into a knowledge graph.
//!
//! # Overview
//!
//! Articles go in ([`document`]); extraction finds the actors (persons, countries,
//! organizations, groups) and the events between them — pledges and statements,
//! each with its evidence ([`Extractor`]); a [`KnowledgeGraph`] merges them across
//! documents — the same actor is one node, and the same event reported by several
//! documents is one event with several evidences; the [`store`] keeps the graph in a
//! versioned file (readable RON, or a compact binary for large graphs); [`query`]
//! answers "who pledged what" and "who said what"; [`export`] writes the graph for
//! other tools: DOT, networkx node-link JSON, CSV, GraphML, GEXF, Parquet, PLOVER
//! JSON Lines and Neo4j import CSVs; [`render`] draws a [`Diagram`] of the graph (or
//! of one actor's neighbourhood) as SVG, PNG or PDF, configured by [`DotOptions`].
//!
//! At scale, [`ingest()`] streams whole corpora (directories, JSON Lines of any size)
//! and extracts on all cores; [`KnowledgeGraph::merge`] combines per-shard graphs
//! (associatively, so shards can be merged as a tree in a distributed engine).
//!
//! # Example
//!
//! ```
//! use diplograph::{Document, Extractor, KnowledgeGraph};
//!
//! let extractor = Extractor::bundled().unwrap();
//! let doc = Document {
//!     id: "a1".into(),
//!     text: "Japanese Prime Minister Shigeru Ishiba said Japan will provide \
//!            $500 million to Ukraine.".into(),
//!     ..Document::default()
//! };
//! let extraction = extractor.extract(&doc);
//! let mut graph = KnowledgeGraph::new();
//! graph.add_extraction(&doc, &extraction);
//! let pledges = graph.pledges(&diplograph::EventFilter::default().to("Ukraine"));
//! assert_eq!(pledges[0].actor.name, "Japan");
//! ```

pub mod diagram;
pub mod document;
mod error;
pub mod export;
mod extract;
mod formtrie;
mod gazetteer;
mod graph;
pub mod ingest;
mod lexicon;
mod model;
mod packed;
pub mod query;
pub mod render;
mod same_event;
pub mod store;
mod text;

pub use diagram::{Diagram, DiagramLayout, DotOptions};
pub use error::{Error, Result};
pub use extract::{Extraction, Extractor};
pub use gazetteer::Gazetteer;
pub use graph::{EdgeView, KnowledgeGraph, Link, LinkKind};
pub use ingest::{ingest, IngestReport};
pub use model::{
    DatePrecision, Document, DocumentMeta, Entity, EntityKind, Event, EventKind, Evidence, Modality,
};
pub use query::{EventFilter, EventView, Profile};
pub use same_event::SAME_EVENT_DAYS;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
