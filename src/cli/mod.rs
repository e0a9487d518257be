//! The command-line interface: parse arguments, call one library function, print.
//!
//! Nothing here extracts, merges or queries by itself; it formats what the library
//! returns. Errors become one line on stderr and exit code 2; a batch with some bad
//! inputs still prints what it could and exits 1.

mod args;
mod export;
mod extract;
mod forget;
mod ingest;
mod merge;
mod print;
mod query;
mod render;

use anyhow::{bail, Result};
use args::{Cli, Command};
use clap::Parser;
use diplograph::{store, Extractor, KnowledgeGraph};
use std::io::Write;
use std::path::Path;

/// How a run ended.
pub enum Outcome {
    /// Everything worked.
    Ok,
    /// Something was done, but some inputs were skipped.
    Partial,
}

/// Runs the command line.
pub fn run() -> Result<Outcome> {
    let cli = Cli::parse();
    let gazetteer = cli.gazetteer.clone();
    let extractor = move || -> Result<Extractor> {
        Ok(match &gazetteer {
            Some(p) => Extractor::with_gazetteer_file(p)?,
            None => Extractor::bundled()?,
        })
    };
    match &cli.command {
        Command::Ingest(a) => ingest::run(a, &extractor),
        Command::Extract(a) => extract::run(a, &extractor),
        Command::Pledges(a) => query::events(a, true),
        Command::Statements(a) => query::events(a, false),
        Command::Entities(a) => query::entities(a),
        Command::Show(a) => query::show(a),
        Command::Export(a) => export::run(a),
        Command::Render(a) => render::run(a),
        Command::Forget(a) => forget::run(a),
        Command::Merge(a) => merge::run(a),
    }
}

pub(crate) fn load_existing(path: &Path) -> Result<KnowledgeGraph> {
    if !path.exists() {
        bail!(
            "{}: no store here; run `diplograph ingest PATH... --graph {}` first",
            path.display(),
            path.display()
        );
    }
    Ok(store::load(path, false)?)
}

/// Lets go of a graph when the process is about to end: the operating system takes the
/// memory back at once, where dropping a million-event graph frees it piece by piece.
pub(crate) fn release(graph: KnowledgeGraph) {
    std::mem::forget(graph);
}

/// Writes output to a file (atomically) or to stdout.
pub(crate) fn emit(path: &Option<std::path::PathBuf>, text: &str) -> Result<()> {
    match path {
        Some(p) => Ok(store::write_atomic(p, text.as_bytes())?),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}
