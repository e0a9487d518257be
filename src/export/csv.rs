//! CSV tables for pandas and spreadsheets: `nodes.csv`, `edges.csv`, and an
//! ICEWS/Phoenix-style `events.csv` with one row per event (columns: see
//! [`table`](super::table)).
//!
//! Fields are quoted when they hold a comma, quote or line break (RFC 4180); codes
//! stay strings ("010", never 10: read them with `dtype={"cameo": str}`); lists
//! (aliases, several targets) are joined with "; "; a missing value is an empty
//! field; booleans are `true`/`false`.

use super::table::{self, Table};
use crate::graph::KnowledgeGraph;
use crate::query::EventView;

/// Quotes one CSV field when needed.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A table as CSV text with a header row.
pub fn write_table(t: &Table) -> String {
    let mut out = String::new();
    let header: Vec<String> = t.columns.iter().map(|c| field(&c.name)).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for row in &t.rows {
        let line: Vec<String> = row.iter().map(|c| field(&c.to_text())).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The nodes table.
pub fn nodes(graph: &KnowledgeGraph) -> String {
    write_table(&table::nodes(graph))
}

/// The edges table: one row per graph edge.
pub fn edges(graph: &KnowledgeGraph) -> String {
    write_table(&table::edges(graph))
}

/// The events table: one row per event of `views` (all targets joined by "; ").
pub fn events(graph: &KnowledgeGraph, views: &[EventView<'_>]) -> String {
    write_table(&table::events(graph, views))
}

/// The three files of a CSV export: `nodes.csv`, `edges.csv`, `events.csv` (every
/// event, firm or not).
pub fn files(graph: &KnowledgeGraph) -> Vec<(String, String)> {
    table::all(graph)
        .iter()
        .map(|t| (format!("{}.csv", t.name), write_table(t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::table::{Cell, Column, ColumnType};

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("010"), "010");
    }

    #[test]
    fn cells_are_written_as_text() {
        let t = Table {
            name: "t",
            columns: ["s", "i", "f", "b", "n"]
                .iter()
                .map(|n| Column {
                    name: n.to_string(),
                    ty: ColumnType::Str,
                    nullable: true,
                })
                .collect(),
            rows: vec![vec![
                Cell::Str("010".into()),
                Cell::Int(3),
                Cell::Float(5.2),
                Cell::Bool(false),
                Cell::Null,
            ]],
        };
        assert_eq!(write_table(&t), "s,i,f,b,n\n010,3,5.2,false,\n");
    }
}
