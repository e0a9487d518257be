//! GraphML for networkx (`nx.read_graphml`), Gephi, igraph, yEd and Cytoscape.
//!
//! Nodes and edges carry the columns of the [`table`](super::table) `nodes` and
//! `edges` tables as typed `<key>`s (`string`, `long`, `double`, `boolean`):
//! scalars only, since GraphML readers reject lists (aliases are "; "-joined). A
//! null or empty value is left out of the element, which is how GraphML says
//! "missing": networkx then has no such attribute on that node or edge. Nodes also
//! get a `label` (the name) for Gephi and yEd.
//!
//! Edges have no `id`; their `key` attribute (the event id, or `role`/`member`)
//! becomes the networkx multigraph key, as in the node-link JSON. Read with
//! `nx.read_graphml(path, force_multigraph=True)` to keep parallel edges apart.

use super::table::{self, Cell, ColumnType};
use super::xml;
use crate::graph::KnowledgeGraph;
use std::fmt::Write;

/// The graph as a GraphML document.
pub fn write(graph: &KnowledgeGraph) -> String {
    let nodes = table::nodes(graph);
    let edges = table::edges(graph);
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let graph_keys = [
        ("name", "string"),
        ("documents", "long"),
        ("entities", "long"),
        ("events", "long"),
    ];
    for (i, (name, ty)) in graph_keys.iter().enumerate() {
        key(&mut out, &format!("g{i}"), "graph", name, ty);
    }
    let node_cols = nodes.columns_except(&["id"]);
    key(&mut out, "n_label", "node", "label", "string");
    for &i in &node_cols {
        let c = &nodes.columns[i];
        key(&mut out, &format!("n{i}"), "node", &c.name, type_name(c.ty));
    }
    let edge_cols = edges.columns_except(&["source", "target"]);
    for &i in &edge_cols {
        let c = &edges.columns[i];
        key(&mut out, &format!("e{i}"), "edge", &c.name, type_name(c.ty));
    }
    out.push_str("  <graph id=\"diplograph\" edgedefault=\"directed\">\n");
    let graph_values = [
        "diplograph".to_string(),
        graph.documents().count().to_string(),
        graph.entity_count().to_string(),
        graph.event_count().to_string(),
    ];
    for (i, v) in graph_values.iter().enumerate() {
        let _ = writeln!(out, "    <data key=\"g{i}\">{}</data>", xml::text(v));
    }
    let (id, name) = (nodes.index("id"), nodes.index("name"));
    for row in &nodes.rows {
        let _ = writeln!(out, "    <node id=\"{}\">", xml::attr(&row[id].to_text()));
        data(&mut out, "n_label", &row[name]);
        for &i in &node_cols {
            data(&mut out, &format!("n{i}"), &row[i]);
        }
        out.push_str("    </node>\n");
    }
    let (source, target) = (edges.index("source"), edges.index("target"));
    for row in &edges.rows {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            xml::attr(&row[source].to_text()),
            xml::attr(&row[target].to_text())
        );
        for &i in &edge_cols {
            data(&mut out, &format!("e{i}"), &row[i]);
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn key(out: &mut String, id: &str, domain: &str, name: &str, ty: &str) {
    let _ = writeln!(
        out,
        "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{ty}\"/>",
        xml::attr(name)
    );
}

fn data(out: &mut String, key: &str, cell: &Cell) {
    let text = cell.to_text();
    if !text.is_empty() {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml::text(&text));
    }
}

fn type_name(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Str => "string",
        ColumnType::Int => "long",
        ColumnType::Float => "double",
        ColumnType::Bool => "boolean",
    }
}
