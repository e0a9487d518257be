//! `diplograph merge`: combine per-shard stores into one graph.

use super::args::MergeArgs;
use super::Outcome;
use anyhow::Result;
use diplograph::store;

/// Runs `merge`.
pub fn run(a: &MergeArgs) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let graph = store::merge_files(&a.stores)?;
    store::save(&graph, &a.output)?;
    eprintln!(
        "merged {} store(s) into {}: {} documents, {} entities, {} events; {:.2} s",
        a.stores.len(),
        a.output.display(),
        graph.documents().count(),
        graph.entity_count(),
        graph.event_count(),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome::Ok)
}
