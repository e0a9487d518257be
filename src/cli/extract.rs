//! `diplograph extract`: extraction results as JSON, JSON Lines or a table; no store.

use super::args::{ExtractArgs, ExtractFormat};
use super::{emit, print, Outcome};
use anyhow::{bail, Result};
use diplograph::export;
use diplograph::{EventFilter, Extractor, KnowledgeGraph};

/// Runs `extract`.
pub fn run(a: &ExtractArgs, extractor: &dyn Fn() -> Result<Extractor>) -> Result<Outcome> {
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
