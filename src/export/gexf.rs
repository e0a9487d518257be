//! GEXF 1.3 for Gephi (and `nx.read_gexf`).
//!
//! Nodes carry their name as the GEXF `label`; edges their event kind (or `role`,
//! `member`) as `label` and as `kind`, which lets Gephi keep parallel edges of
//! different kinds apart. Every column of the [`table`](super::table) `nodes` and
//! `edges` tables is a typed `<attribute>` (`string`, `long`, `double`, `boolean`):
//! scalars only, lists "; "-joined. A missing string is written as "" (networkx
//! reads it as ""); a missing number or boolean is left out.
//!
//! Edge ids are stable and unique: `EVENT/TARGET` for an event edge, `KEY/SOURCE/
//! TARGET` for a link (`role:President/person:x/country:y`). networkx uses them as
//! multigraph keys (an attribute named `key` would clash with that, so the table's
//! `key` column is not written; the event id is the `event` attribute).

use super::table::{self, Cell, ColumnType, Table};
use super::xml;
use crate::graph::KnowledgeGraph;
use std::fmt::Write;

/// The graph as a GEXF 1.3 document.
pub fn write(graph: &KnowledgeGraph) -> String {
    let nodes = table::nodes(graph);
    let edges = table::edges(graph);
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>diplograph {}</creator>\n    <description>{} \
         documents, {} entities, {} events</description>\n  </meta>",
        env!("CARGO_PKG_VERSION"),
        graph.documents().count(),
        graph.entity_count(),
        graph.event_count()
    );
    out.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
    let node_cols = nodes.columns_except(&["id"]);
    let edge_cols = edges.columns_except(&["source", "target", "key"]);
    attributes(&mut out, "node", &nodes, &node_cols);
    attributes(&mut out, "edge", &edges, &edge_cols);
    out.push_str("    <nodes>\n");
    let (id, name) = (nodes.index("id"), nodes.index("name"));
    for row in &nodes.rows {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            xml::attr(&row[id].to_text()),
            xml::attr(&row[name].to_text())
        );
        attvalues(&mut out, &nodes, row, &node_cols);
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let (source, target) = (edges.index("source"), edges.index("target"));
    let (kind, event, key) = (
        edges.index("kind"),
        edges.index("event"),
        edges.index("key"),
    );
    for row in &edges.rows {
        let (s, t, k) = (
            row[source].to_text(),
            row[target].to_text(),
            row[kind].to_text(),
        );
        let edge_id = match &row[event] {
            Cell::Str(ev) => format!("{ev}/{t}"),
            _ => format!("{}/{s}/{t}", row[key].to_text()),
        };
        let _ = writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" kind=\"{}\" label=\"{}\">",
            xml::attr(&edge_id),
            xml::attr(&s),
            xml::attr(&t),
            xml::attr(&k),
            xml::attr(&k)
        );
        attvalues(&mut out, &edges, row, &edge_cols);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn attributes(out: &mut String, class: &str, t: &Table, cols: &[usize]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for &i in cols {
        let c = &t.columns[i];
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
            xml::attr(&c.name),
            type_name(c.ty)
        );
    }
    out.push_str("    </attributes>\n");
}

fn attvalues(out: &mut String, t: &Table, row: &[Cell], cols: &[usize]) {
    out.push_str("        <attvalues>\n");
    for &i in cols {
        let cell = &row[i];
        if matches!(cell, Cell::Null) && t.columns[i].ty != ColumnType::Str {
            continue;
        }
        let _ = writeln!(
            out,
            "          <attvalue for=\"{i}\" value=\"{}\"/>",
            xml::attr(&cell.to_text())
        );
    }
    out.push_str("        </attvalues>\n");
}

fn type_name(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Str => "string",
        ColumnType::Int => "long",
        ColumnType::Float => "double",
        ColumnType::Bool => "boolean",
    }
}
