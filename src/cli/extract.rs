//! `diplograph extract`: extraction results as JSON, JSON Lines or a table; no store.
//!
//! `--format jsonl` streams: each document is read, extracted and written (one line,
//! flushed) before the next is read, so `extract - --format jsonl` works as a map
//! step in a distributed engine (Spark `RDD.pipe`, Dask, Ray) on input of any size.
//! `--format json` (the default) streams too, one array element at a time.

use super::args::{ExtractArgs, ExtractFormat};
use super::{emit, print, Outcome};
use anyhow::{bail, Context as _, Result};
use diplograph::export;
use diplograph::{Document, EventFilter, Extractor, KnowledgeGraph};
use std::io::{BufWriter, Write};

/// Runs `extract`.
pub fn run(a: &ExtractArgs, extractor: &dyn Fn() -> Result<Extractor>) -> Result<Outcome> {
    let ex = extractor()?;
    match a.format {
        ExtractFormat::Jsonl => return stream_jsonl(a, &ex),
        ExtractFormat::Json => return stream_json(a, &ex),
        ExtractFormat::Table | ExtractFormat::Trace => {}
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
        // Streamed above, never collected.
        ExtractFormat::Json | ExtractFormat::Jsonl => {}
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

/// `--format json`: the pretty-printed extraction of a single document, or an
/// array of them, byte for byte what `serde_json::to_string_pretty` makes of the
/// whole array — but each document is read, extracted, converted and written before
/// the next is read. Collecting every document's JSON tree first held hundreds of
/// megabytes for a 10 MB corpus, and a third of the run went to the kernel clearing
/// fresh pages for it. Written to stdout as it goes; a file (`--output`) still gets
/// the whole text at once, atomically.
fn stream_json(a: &ExtractArgs, ex: &Extractor) -> Result<Outcome> {
    let mut sources = diplograph::document::Sources::new(&a.paths);
    let mut skipped = 0usize;
    let mut next_doc = || loop {
        match sources.next()? {
            Ok(doc) => return Some(doc),
            Err(e) => {
                eprintln!("skipped: {e}");
                skipped += 1;
            }
        }
    };
    let Some(first) = next_doc() else {
        bail!("no readable documents in the given paths");
    };
    // One document prints as an object, more as an array: look one ahead.
    let second = next_doc();
    let docs = (first, second, &mut next_doc);
    match &a.out.output {
        Some(p) => {
            let mut buf = Vec::new();
            write_json(&mut buf, ex, docs)?;
            diplograph::store::write_atomic(p, &buf)?;
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            write_json(&mut out, ex, docs)?;
            out.flush()?;
        }
    }
    Ok(if skipped == 0 {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

/// Writes the documents' extractions for [`stream_json`]: the first alone when
/// there is no second, else all of them as an array, laid out as serde_json's
/// pretty printer lays it out (each element on a new line indented two spaces,
/// the closing bracket on a line of its own). Generic over the writer: it is
/// written a document at a time, through one reused buffer.
fn write_json<W: Write>(
    w: &mut W,
    ex: &Extractor,
    (first, second, rest): (Document, Option<Document>, impl FnMut() -> Option<Document>),
) -> Result<()> {
    let gazetteer = ex.gazetteer();
    let mut buf = Vec::new();
    match second {
        None => export::json::ExtractionJson::new(&ex.extract(&first), gazetteer)
            .write(&mut buf, Some(0)),
        // Each element is written as soon as its document is extracted.
        Some(second) => {
            buf.push(b'[');
            let docs = [first, second].into_iter().chain(std::iter::from_fn(rest));
            for (i, d) in docs.enumerate() {
                buf.extend_from_slice(if i == 0 { b"\n  " } else { b",\n  " });
                let x = ex.extract(&d);
                export::json::ExtractionJson::new(&x, gazetteer).write(&mut buf, Some(1));
                w.write_all(&buf)?;
                buf.clear();
            }
            buf.extend_from_slice(b"\n]");
        }
    }
    buf.push(b'\n');
    w.write_all(&buf)?;
    Ok(())
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
    let mut buf = Vec::new();
    for r in diplograph::document::Sources::new(&a.paths) {
        match r {
            Ok(doc) => {
                let x = ex.extract(&doc);
                buf.clear();
                export::json::ExtractionJson::new(&x, ex.gazetteer()).write(&mut buf, None);
                buf.push(b'\n');
                out.write_all(&buf)?;
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
