//! Ingest: read sources, extract each document, merge into a graph.
//!
//! The one library call behind `diplograph ingest` (and behind the examples). Bad
//! sources are reported, not fatal: the report lists every skipped file with its
//! reason, and everything readable is merged. Saving is the caller's choice (the
//! store writes atomically).

use crate::document::read_sources;
use crate::error::Error;
use crate::extract::Extractor;
use crate::graph::KnowledgeGraph;
use std::path::PathBuf;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Documents read.
    pub read: usize,
    /// Documents new or changed, merged into the graph.
    pub added: usize,
    /// Documents already in the graph unchanged.
    pub unchanged: usize,
    /// Sources that could not be read, with the reason.
    pub skipped: Vec<Error>,
    /// Diagnostics from extraction, as "doc: message".
    pub diagnostics: Vec<String>,
}

/// Reads every source and merges what it extracts into `graph`.
pub fn ingest(
    graph: &mut KnowledgeGraph,
    extractor: &Extractor,
    paths: &[PathBuf],
) -> IngestReport {
    let (docs, errors) = read_sources(paths);
    let mut report = IngestReport {
        read: docs.len(),
        skipped: errors,
        ..IngestReport::default()
    };
    for doc in &docs {
        let ex = extractor.extract(doc);
        for d in &ex.diagnostics {
            report.diagnostics.push(format!("{}: {d}", doc.id));
        }
        if graph.add_extraction(doc, &ex) {
            report.added += 1;
        } else {
            report.unchanged += 1;
        }
    }
    report
}
