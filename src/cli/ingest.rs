//! `diplograph ingest`: read articles, extract, merge into the store, save atomically.

use super::args::IngestArgs;
use super::Outcome;
use anyhow::{bail, Result};
use diplograph::{store, Extractor};

/// Runs `ingest`.
pub fn run(a: &IngestArgs, extractor: &dyn Fn() -> Result<Extractor>) -> Result<Outcome> {
    let ex = extractor()?;
    let mut graph = store::load(&a.store.graph, true)?;
    let report = diplograph::ingest(&mut graph, &ex, &a.paths);
    for e in &report.skipped {
        eprintln!("skipped: {e}");
    }
    for d in &report.diagnostics {
        eprintln!("note: {d}");
    }
    if report.read == 0 {
        bail!("no readable documents in the given paths; store left as it was");
    }
    store::save(&graph, &a.store.graph)?;
    eprintln!(
        "ingested {} document(s): {} new or changed, {} unchanged, {} skipped; store {} now holds {} entities and {} events",
        report.read,
        report.added,
        report.unchanged,
        report.skipped.len(),
        a.store.graph.display(),
        graph.entity_count(),
        graph.event_count()
    );
    Ok(if report.skipped.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}
