//! Ingest: stream sources, extract documents in parallel, merge into a graph in
//! document order.
//!
//! The one library call behind `diplograph ingest` (and behind the examples). Sources
//! are read as a stream ([`crate::document::Sources`]) in batches; each batch is
//! extracted on all cores (rayon) while the previous batch is merged, and batches are
//! merged in the order the documents were read, so the result does not depend on the
//! number of threads. Documents already in the graph unchanged are not extracted again.
//! Bad sources are reported, not fatal: the report lists every skipped file (and
//! JSONL line) with its reason, and everything readable is merged. Saving is the
//! caller's choice (the store writes atomically).

use crate::document::Sources;
use crate::error::Error;
use crate::extract::{Extraction, Extractor};
use crate::graph::KnowledgeGraph;
use crate::model::Document;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// Documents per batch, and the most text a batch holds: enough work for every core,
/// little enough memory.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 16 * 1024 * 1024;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Documents read.
    pub read: usize,
    /// Documents new or changed, merged into the graph.
    pub added: usize,
    /// Documents already in the graph unchanged.
    pub unchanged: usize,
    /// Bytes of article text read.
    pub text_bytes: u64,
    /// Sources that could not be read, with the reason (file, and line for JSONL).
    pub skipped: Vec<Error>,
    /// Diagnostics from extraction, as "doc: message".
    pub diagnostics: Vec<String>,
    /// Entities in the graph afterwards.
    pub entities: usize,
    /// Events in the graph afterwards (reports of the same event merged).
    pub events: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Where an ingest is, for a progress display.
#[derive(Clone, Copy, Debug, Default)]
pub struct Progress {
    /// Documents read so far.
    pub documents: usize,
    /// Source bytes read so far (compare with [`crate::document::total_bytes`]).
    pub bytes: u64,
    /// Sources skipped so far.
    pub skipped: usize,
}

/// Reads every source and merges what it extracts into `graph`.
pub fn ingest(
    graph: &mut KnowledgeGraph,
    extractor: &Extractor,
    paths: &[PathBuf],
) -> IngestReport {
    ingest_with_progress(graph, extractor, paths, |_| {})
}

/// [`ingest`], calling `progress` after every batch.
pub fn ingest_with_progress(
    graph: &mut KnowledgeGraph,
    extractor: &Extractor,
    paths: &[PathBuf],
    mut progress: impl FnMut(&Progress),
) -> IngestReport {
    let started = Instant::now();
    let mut report = IngestReport::default();
    let mut sources = Sources::new(paths);
    let mut pending: Option<Vec<(Document, Option<Extraction>)>> = None;
    loop {
        let batch = next_batch(&mut sources, graph, &mut report);
        if batch.is_empty() && pending.is_none() {
            break;
        }
        // Extract this batch on the pool while the previous one is merged.
        let (extracted, ()) = rayon::join(
            || extract_batch(extractor, batch),
            || {
                if let Some(done) = pending.take() {
                    merge_batch(graph, done, &mut report);
                }
            },
        );
        progress(&Progress {
            documents: report.read,
            bytes: sources.bytes_read(),
            skipped: report.skipped.len(),
        });
        pending = (!extracted.is_empty()).then_some(extracted);
    }
    graph.settle();
    report.entities = graph.entity_count();
    report.events = graph.event_count();
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// Reads the next batch of documents; errors go straight to the report.
fn next_batch(
    sources: &mut Sources,
    graph: &KnowledgeGraph,
    report: &mut IngestReport,
) -> Vec<(Document, bool)> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        match sources.next() {
            None => break,
            Some(Err(e)) => report.skipped.push(e),
            Some(Ok(doc)) => {
                report.read += 1;
                report.text_bytes += doc.text.len() as u64;
                bytes += doc.text.len();
                let known = graph.has_document(&doc.id, &doc.digest());
                batch.push((doc, known));
            }
        }
    }
    batch
}

/// Extracts every new or changed document of a batch, in parallel, keeping order.
fn extract_batch(
    extractor: &Extractor,
    batch: Vec<(Document, bool)>,
) -> Vec<(Document, Option<Extraction>)> {
    batch
        .into_par_iter()
        .map(|(doc, known)| {
            let ex = (!known).then(|| extractor.extract(&doc));
            (doc, ex)
        })
        .collect()
}

fn merge_batch(
    graph: &mut KnowledgeGraph,
    batch: Vec<(Document, Option<Extraction>)>,
    report: &mut IngestReport,
) {
    for (doc, ex) in batch {
        let Some(ex) = ex else {
            report.unchanged += 1;
            continue;
        };
        for d in &ex.diagnostics {
            report.diagnostics.push(format!("{}: {d}", doc.id));
        }
        if graph.add_extraction_unsettled(&doc, &ex) {
            report.added += 1;
        } else {
            report.unchanged += 1;
        }
    }
}
