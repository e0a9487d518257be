//! The command-line interface: parse arguments, call one library function, print.
//!
//! Nothing here extracts, merges or queries by itself; it formats what the library
//! returns. Errors become one line on stderr and exit code 2; a batch with some bad
//! inputs still prints what it could and exits 1.

mod args;
mod print;

use anyhow::{bail, Context as _, Result};
use args::{Cli, Command, ExtractFormat, ListFormat};
use clap::Parser;
use diplograph::export::{self, dot::DotOptions, Format};
use diplograph::{store, EntityKind, EventFilter, Extractor, KnowledgeGraph};
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
    let extractor = || -> Result<Extractor> {
        Ok(match &cli.gazetteer {
            Some(p) => Extractor::with_gazetteer_file(p)?,
            None => Extractor::bundled()?,
        })
    };
    match &cli.command {
        Command::Ingest(a) => {
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
        Command::Extract(a) => {
            let ex = extractor()?;
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
                ExtractFormat::Jsonl => {
                    for (_, x) in &results {
                        out.push_str(&serde_json::to_string(&export::json::extraction(
                            x,
                            ex.gazetteer(),
                        ))?);
                        out.push('\n');
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
        Command::Pledges(a) | Command::Statements(a) => {
            let pledges = matches!(cli.command, Command::Pledges(_));
            let graph = load_existing(&a.store.graph)?;
            let filter = EventFilter {
                by: a.by.clone(),
                to: if pledges {
                    a.to.clone()
                } else {
                    a.about.clone().or(a.to.clone())
                },
                since: a.since.clone(),
                until: a.until.clone(),
                include_unfirm: a.all,
                ..EventFilter::default()
            };
            let views = if pledges {
                graph.pledges(&filter)
            } else {
                graph.statements(&filter)
            };
            let out = match a.format {
                ListFormat::Table => print::events_table(&views, pledges),
                ListFormat::Json => {
                    serde_json::to_string_pretty(&print::events_json(&views))? + "\n"
                }
                ListFormat::Csv => export::csv::events(&graph, &views),
            };
            emit(&a.out.output, &out)?;
            Ok(Outcome::Ok)
        }
        Command::Entities(a) => {
            let graph = load_existing(&a.store.graph)?;
            let kind = match &a.kind {
                Some(k) => Some(EntityKind::parse(k).with_context(|| {
                    format!("unknown entity kind {k:?} (expected person, country, organization or group)")
                })?),
                None => None,
            };
            let list = graph.entities_of_kind(kind);
            let out = match a.format {
                ListFormat::Table => print::entities_table(&list),
                ListFormat::Json => serde_json::to_string_pretty(&list)? + "\n",
                ListFormat::Csv => {
                    let mut g = KnowledgeGraph::new();
                    let _ = &mut g;
                    print::entities_csv(&list)
                }
            };
            emit(&a.out.output, &out)?;
            Ok(Outcome::Ok)
        }
        Command::Show(a) => {
            let graph = load_existing(&a.store.graph)?;
            let profiles = graph.profile(&a.name);
            if profiles.is_empty() {
                bail!("no actor named {:?} in {}", a.name, a.store.graph.display());
            }
            let out: String = profiles
                .iter()
                .map(print::profile)
                .collect::<Vec<_>>()
                .join("\n");
            emit(&a.out.output, &out)?;
            Ok(Outcome::Ok)
        }
        Command::Export(a) => {
            let graph = load_existing(&a.store.graph)?;
            let format = match (&a.format, &a.out.output) {
                (Some(f), _) => Format::parse(f)?,
                (None, Some(p)) => p
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(Format::from_extension)
                    .with_context(|| {
                        format!(
                            "{}: cannot tell the format from the extension; use --format",
                            p.display()
                        )
                    })?,
                (None, None) => {
                    bail!("give --format dot|json|csv (or -o FILE with a known extension)")
                }
            };
            match format {
                Format::Dot => {
                    let mut opts = DotOptions {
                        depth: a.depth,
                        show_isolated: a.isolated,
                        ..DotOptions::default()
                    };
                    if let Some(name) = &a.focus {
                        let found = graph.find_entities(name);
                        if found.is_empty() {
                            bail!("no actor named {name:?} in {}", a.store.graph.display());
                        }
                        opts.focus = found.iter().map(|e| e.id.clone()).collect();
                    }
                    for k in &a.kinds {
                        opts.kinds.push(
                            diplograph::EventKind::parse(k)
                                .with_context(|| format!("unknown event kind {k:?}"))?,
                        );
                    }
                    emit(&a.out.output, &export::dot::render(&graph, &opts))?;
                }
                Format::Json => {
                    let v = export::json::node_link(&graph);
                    emit(&a.out.output, &(serde_json::to_string_pretty(&v)? + "\n"))?;
                }
                Format::Csv => {
                    let views = graph.query(&EventFilter {
                        include_unfirm: true,
                        ..EventFilter::default()
                    });
                    let tables = [
                        ("nodes.csv", export::csv::nodes(&graph)),
                        ("edges.csv", export::csv::edges(&graph)),
                        ("events.csv", export::csv::events(&graph, &views)),
                    ];
                    match &a.out.output {
                        Some(dir) => {
                            std::fs::create_dir_all(dir).with_context(|| {
                                format!("{}: cannot create directory", dir.display())
                            })?;
                            for (name, body) in &tables {
                                store::write_atomic(&dir.join(name), body.as_bytes())?;
                            }
                        }
                        None => emit(&None, &tables[2].1)?,
                    }
                }
            }
            Ok(Outcome::Ok)
        }
        Command::Forget(a) => {
            let mut graph = load_existing(&a.store.graph)?;
            let mut missing = Vec::new();
            for d in &a.docs {
                if !graph.forget_document(d) {
                    missing.push(d.clone());
                }
            }
            store::save(&graph, &a.store.graph)?;
            for d in &missing {
                eprintln!("not in store: {d}");
            }
            Ok(if missing.is_empty() {
                Outcome::Ok
            } else {
                Outcome::Partial
            })
        }
    }
}

fn load_existing(path: &Path) -> Result<KnowledgeGraph> {
    if !path.exists() {
        bail!(
            "{}: no store here; run `diplograph ingest PATH... --graph {}` first",
            path.display(),
            path.display()
        );
    }
    Ok(store::load(path, false)?)
}

/// Writes output to a file (atomically) or to stdout.
fn emit(path: &Option<std::path::PathBuf>, text: &str) -> Result<()> {
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
