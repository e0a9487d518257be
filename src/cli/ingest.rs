//! `diplograph ingest`: read articles, extract, merge into the store, save atomically.
//!
//! A progress bar is drawn only when stderr is a terminal; otherwise stderr gets the
//! skipped sources and the closing summary, nothing else.

use super::args::IngestArgs;
use super::Outcome;
use anyhow::{bail, Result};
use diplograph::{store, Extractor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Runs `ingest`.
pub fn run(a: &IngestArgs, extractor: &dyn Fn() -> Result<Extractor>) -> Result<Outcome> {
    let ex = extractor()?;
    let mut graph = store::load(&a.store.graph, true)?;
    let bar = progress_bar(a);
    let report = diplograph::ingest::ingest_with_progress(&mut graph, &ex, &a.paths, |p| {
        if let Some(bar) = &bar {
            bar.set_position(p.bytes);
            bar.set_message(format!("{} documents, {} skipped", p.documents, p.skipped));
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    for e in &report.skipped {
        eprintln!("skipped: {e}");
    }
    for d in &report.diagnostics {
        eprintln!("note: {d}");
    }
    if report.read == 0 {
        bail!(
            "no readable documents in the given paths ({} skipped); store left as it was",
            report.skipped.len()
        );
    }
    // Nothing new: the store is not rewritten (re-ingest changes nothing, not even
    // the file's time).
    let saved = std::time::Instant::now();
    let save = if report.added > 0 || !a.store.graph.exists() {
        store::save(&graph, &a.store.graph)?;
        format!("saved in {:.2} s", saved.elapsed().as_secs_f64())
    } else {
        "store unchanged".to_string()
    };
    let mb = report.text_bytes as f64 / 1e6;
    eprintln!(
        "read {} document(s) ({mb:.1} MB): {} new or changed, {} unchanged, {} skipped; \
         {} now holds {} entities and {} events; {:.2} s ({:.1} MB/s), {save}",
        report.read,
        report.added,
        report.unchanged,
        report.skipped.len(),
        a.store.graph.display(),
        report.entities,
        report.events,
        report.seconds,
        mb / report.seconds.max(1e-9),
    );
    super::release(graph);
    Ok(if report.skipped.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

/// A byte-based progress bar on a terminal; None when stderr is not one.
fn progress_bar(a: &IngestArgs) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let total = diplograph::document::total_bytes(&a.paths);
    let bar = if total > 0 {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    };
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta}) {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}
