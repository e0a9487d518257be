//! `diplograph extract`: extraction results as JSON, JSON Lines or a table; no store.
//!
//! `--format jsonl` streams: each document is read, extracted and written (one line,
//! flushed) before the next is read, so `extract - --format jsonl` works as a map
//! step in a distributed engine (Spark `RDD.pipe`, Dask, Ray) on input of any size.

use super::args::{ExtractArgs, ExtractFormat};
use super::{emit, print, Outcome};
use anyhow::{bail, Context as _, Result};
use diplograph::export;
use diplograph::{EventFilter, Extractor, KnowledgeGraph};
use std::io::{BufWriter, Write};

/// Runs `extract`.
pub fn run(a: &ExtractArgs, extractor: &dyn Fn() -> Result<Extractor>) -> Result<Outcome> {
    let ex = extractor()?;
    if let ExtractFormat::Jsonl = a.format {
        return stream_jsonl(a, &ex);
    }
    let (docs, errors) = diplograph::document::read_sources(&a.paths);
    for e in &errors {
        eprintln!("skipped: {e}");
    }
    if docs.is_empty() {
        bail!("no readable documents in the given paths");
    }
    let mut out = String::new();
    let results: Vec<_> = docs.iter().map(|d| (d, ex.extract(d))).collect();
    match a.format {
        ExtractFormat::Json => {
            let vals: Vec<_> = results
                .iter()
                .map(|(_, x)| export::json::extraction(x, ex.gazetteer()))
                .collect();
            let v = if vals.len() == 1 {
                vals.into_iter().next().unwrap_or_default()
            } else {
                serde_json::Value::Array(vals)
            };
            out.push_str(&serde_json::to_string_pretty(&v)?);
            out.push('\n');
        }
        // Streamed above, never collected.
        ExtractFormat::Jsonl => {}
        ExtractFormat::Trace => {
            for (d, _) in &results {
                out.push_str(&format!("== {}\n", d.id));
                out.push_str(&ex.explain(d));
            }
        }
        ExtractFormat::Table => {
            for (d, x) in &results {
                let mut g = KnowledgeGraph::new();
                g.add_extraction(d, x);
                out.push_str(&format!("== {}\n", d.id));
                out.push_str(&print::entities_table(&g.entities_of_kind(None)));
                out.push_str("\nPledges\n");
                out.push_str(&print::events_table(
                    &g.pledges(&EventFilter::default()),
                    true,
                ));
                out.push_str("\nStatements\n");
                out.push_str(&print::events_table(
                    &g.statements(&EventFilter::default()),
                    false,
                ));
                out.push('\n');
            }
        }
    }
    emit(&a.out.output, &out)?;
    Ok(if errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

/// `--format jsonl`: one line out per document in, written as soon as it is extracted.
fn stream_jsonl(a: &ExtractArgs, ex: &Extractor) -> Result<Outcome> {
    let sink: Box<dyn Write> = match &a.out.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let (mut written, mut skipped) = (0usize, 0usize);
    for r in diplograph::document::Sources::new(&a.paths) {
        match r {
            Ok(doc) => {
                let x = ex.extract(&doc);
                serde_json::to_writer(&mut out, &export::json::extraction(&x, ex.gazetteer()))?;
                out.write_all(b"\n")?;
                out.flush()?;
                written += 1;
            }
            Err(e) => {
                eprintln!("skipped: {e}");
                skipped += 1;
            }
        }
    }
    out.flush()?;
    if written == 0 {
        bail!("no readable documents in the given paths");
    }
    Ok(if skipped == 0 {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}
