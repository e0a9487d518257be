//! CSV tables for pandas and spreadsheets: `nodes.csv`, `edges.csv`, and an
//! ICEWS/Phoenix-style `events.csv` with one row per event.
//!
//! Fields are quoted when they hold a comma, quote or line break (RFC 4180); codes
//! stay strings ("010", never 10). Lists (aliases) are joined with "; ".

use crate::graph::KnowledgeGraph;
use crate::query::EventView;
use std::fmt::Write;

/// Quotes one CSV field when needed.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    let _ = writeln!(out, "{}", line.join(","));
}

/// The nodes table.
pub fn nodes(graph: &KnowledgeGraph) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id", "kind", "name", "aliases", "role", "country", "org", "type",
        ],
    );
    for e in graph.entities() {
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        row(
            &mut out,
            &[
                &e.id,
                e.kind.as_str(),
                &e.name,
                &aliases.join("; "),
                e.attr("role").unwrap_or(""),
                e.attr("country").unwrap_or(""),
                e.attr("org").unwrap_or(""),
                e.attr("type").unwrap_or(""),
            ],
        );
    }
    out
}

/// The edges table: one row per graph edge.
pub fn edges(graph: &KnowledgeGraph) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "source",
            "target",
            "kind",
            "event",
            "what",
            "cameo",
            "untargeted",
            "documents",
        ],
    );
    for e in graph.edges() {
        match (e.event, e.link) {
            (Some(ev), _) => row(
                &mut out,
                &[
                    &e.source.id,
                    &e.target.id,
                    ev.kind.as_str(),
                    &ev.id,
                    ev.what.as_deref().unwrap_or(""),
                    &ev.cameo,
                    if e.untargeted { "true" } else { "false" },
                    &ev.document_count().to_string(),
                ],
            ),
            (None, Some(l)) => row(
                &mut out,
                &[
                    &e.source.id,
                    &e.target.id,
                    l.kind.as_str(),
                    "",
                    l.role.as_deref().unwrap_or(""),
                    "",
                    "false",
                    "0",
                ],
            ),
            _ => {}
        }
    }
    out
}

/// The header of the events table.
pub const EVENT_COLUMNS: &[&str] = &[
    "date",
    "actor",
    "actor_id",
    "actor_kind",
    "actor_country",
    "target",
    "target_id",
    "kind",
    "cameo",
    "plover",
    "goldstein",
    "what",
    "quote",
    "conditional",
    "negated",
    "hedged",
    "documents",
    "doc",
    "url",
    "sentence",
    "event_id",
];

/// The events table: one row per event (first target; all targets joined by "; ").
pub fn events(graph: &KnowledgeGraph, views: &[EventView<'_>]) -> String {
    let mut out = String::new();
    row(&mut out, EVENT_COLUMNS);
    for v in views {
        let ev = v.event;
        let first = &ev.evidence[0];
        let url = graph
            .document(&first.doc)
            .and_then(|d| d.url.clone())
            .unwrap_or_default();
        let target_ids: Vec<&str> = v.targets.iter().map(|t| t.id.as_str()).collect();
        let country = v
            .actor
            .attr("country")
            .or_else(|| v.actor.attr("iso3").map(|_| v.actor.id.as_str()))
            .unwrap_or("");
        let flag = |b: bool| if b { "true" } else { "false" };
        row(
            &mut out,
            &[
                ev.date.as_deref().unwrap_or(""),
                &v.actor.name,
                &v.actor.id,
                v.actor.kind.as_str(),
                country,
                &v.target_names().replace(", ", "; "),
                &target_ids.join("; "),
                ev.kind.as_str(),
                &ev.cameo,
                &ev.plover,
                &format!("{:.1}", ev.goldstein()),
                ev.what.as_deref().unwrap_or(""),
                ev.quote.as_deref().unwrap_or(""),
                flag(ev.modality.conditional),
                flag(ev.modality.negated),
                flag(ev.modality.hedged),
                &ev.document_count().to_string(),
                &first.doc,
                &url,
                &first.sentence,
                &ev.id,
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("010"), "010");
    }
}
