//! Graphviz DOT for relationship diagrams, built with graphviz-rust.
//!
//! graphviz-rust prints ids and labels as given, so every id and label is quoted
//! and escaped here (`\` → `\\`, `"` → `\"`, line breaks → `\n`). Node ids are
//! ASCII; human names go in labels. Shapes follow entity kinds, colours and styles
//! follow edge kinds; parallel edges of one kind between the same pair fold into
//! one edge with a count; untargeted events and isolated nodes are hidden unless
//! asked for; persons sit in a cluster with the country they serve; a legend
//! explains the encoding.

use crate::graph::{EdgeView, KnowledgeGraph, LinkKind};
use crate::model::{EntityKind, EventKind};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::{BTreeMap, BTreeSet};

/// What to draw.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    /// Only the neighbourhood of these entity ids (empty: whole graph).
    pub focus: Vec<String>,
    /// Neighbourhood radius around `focus`.
    pub depth: usize,
    /// Only these event kinds (empty: all).
    pub kinds: Vec<EventKind>,
    /// Events on or after this date.
    pub since: Option<String>,
    /// Events on or before this date.
    pub until: Option<String>,
    /// Draw entities with no visible edge.
    pub show_isolated: bool,
    /// Draw role and membership links.
    pub hide_links: bool,
    /// Leave out the legend.
    pub no_legend: bool,
}

/// Quotes and escapes a string as a DOT id or label.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An ASCII-safe node id for an entity id.
fn node_id(id: &str) -> String {
    let ascii: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ':' {
                c
            } else {
                '_'
            }
        })
        .collect();
    quote(&ascii)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), Id::Escaped(quote(v)))
}

/// Shortens text to `max` characters at a word boundary, with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

fn node_style(kind: EntityKind) -> [(&'static str, &'static str); 3] {
    match kind {
        EntityKind::Person => [
            ("shape", "ellipse"),
            ("fillcolor", "#fff2cc"),
            ("color", "#b58900"),
        ],
        EntityKind::Country => [
            ("shape", "box"),
            ("fillcolor", "#dae8fc"),
            ("color", "#2b5797"),
        ],
        EntityKind::Organization => [
            ("shape", "hexagon"),
            ("fillcolor", "#e1d5e7"),
            ("color", "#7a3e9d"),
        ],
        EntityKind::Group => [
            ("shape", "octagon"),
            ("fillcolor", "#eeeeee"),
            ("color", "#777777"),
        ],
    }
}

fn edge_style(kind: EventKind) -> [(&'static str, &'static str); 2] {
    match kind {
        EventKind::Pledge => [("color", "#1a7f37"), ("style", "bold")],
        EventKind::Statement => [("color", "#1f6feb"), ("style", "dashed")],
        EventKind::Consult => [("color", "#8250df"), ("style", "solid")],
        EventKind::Request => [("color", "#bf8700"), ("style", "dashed")],
        EventKind::Threaten => [("color", "#cf222e"), ("style", "bold")],
        EventKind::Sanction => [("color", "#82071e"), ("style", "bold")],
    }
}

/// Renders the graph (or a focused part of it) as DOT text.
pub fn render(graph: &KnowledgeGraph, opts: &DotOptions) -> String {
    let keep: Option<BTreeSet<String>> = if opts.focus.is_empty() {
        None
    } else {
        let seeds: Vec<&str> = opts.focus.iter().map(String::as_str).collect();
        Some(graph.neighbourhood(&seeds, opts.depth))
    };
    let in_scope = |id: &str| keep.as_ref().is_none_or(|k| k.contains(id));
    let event_ok = |e: &EdgeView| {
        let Some(ev) = e.event else { return false };
        if e.untargeted || !(in_scope(&e.source.id) && in_scope(&e.target.id)) {
            return false;
        }
        if !opts.kinds.is_empty() && !opts.kinds.contains(&ev.kind) {
            return false;
        }
        let date = ev.date.as_deref().unwrap_or("");
        opts.since
            .as_deref()
            .is_none_or(|s| !date.is_empty() && date >= s)
            && opts
                .until
                .as_deref()
                .is_none_or(|u| !date.is_empty() && date <= u)
    };
    let edges = graph.edges();
    // Fold parallel event edges: (source, target, kind) -> events.
    let mut folded: BTreeMap<(String, String, EventKind), Vec<&EdgeView>> = BTreeMap::new();
    for e in edges.iter().filter(|e| event_ok(e)) {
        let kind = e.event.map_or(EventKind::Statement, |ev| ev.kind);
        folded
            .entry((e.source.id.clone(), e.target.id.clone(), kind))
            .or_default()
            .push(e);
    }
    let mut visible: BTreeSet<String> = BTreeSet::new();
    for (s, t, _) in folded.keys() {
        visible.insert(s.clone());
        visible.insert(t.clone());
    }
    let links: Vec<&EdgeView> = if opts.hide_links {
        Vec::new()
    } else {
        edges
            .iter()
            .filter(|e| e.link.is_some())
            .filter(|e| visible.contains(&e.source.id) && visible.contains(&e.target.id))
            .collect()
    };
    if opts.show_isolated {
        for e in graph.entities() {
            if in_scope(&e.id) {
                visible.insert(e.id.clone());
            }
        }
    }

    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("fontname", "Helvetica"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("nodesep", "0.4"),
            attr("ranksep", "0.9"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];

    // Persons next to the country they serve: one cluster per represented country.
    let mut clusters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for id in &visible {
        if let Some(e) = graph.entity(id) {
            if e.kind == EntityKind::Person {
                if let Some(c) = e.attr("country").filter(|c| visible.contains(*c)) {
                    clusters.entry(c.to_string()).or_default().push(id.clone());
                }
            }
        }
    }
    let clustered: BTreeSet<String> = clusters
        .iter()
        .flat_map(|(c, ps)| ps.iter().cloned().chain(std::iter::once(c.clone())))
        .collect();
    let node_stmt = |id: &str| -> Option<Stmt> {
        let e = graph.entity(id)?;
        let mut attrs = vec![attr("label", &node_label(e))];
        for (k, v) in node_style(e.kind) {
            attrs.push(attr(k, v));
        }
        attrs.push(attr("tooltip", &e.id));
        Some(Stmt::Node(Node::new(
            NodeId(Id::Escaped(node_id(id)), None),
            attrs,
        )))
    };
    for (i, (country, persons)) in clusters.iter().enumerate() {
        let mut inner = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("style", "rounded,dashed"),
            attr("color", "#bbbbbb"),
            attr("label", ""),
        ]))];
        inner.extend(node_stmt(country));
        for p in persons {
            inner.extend(node_stmt(p));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{i}")),
            stmts: inner,
        }));
    }
    for id in &visible {
        if !clustered.contains(id) {
            stmts.extend(node_stmt(id));
        }
    }
    for ((s, t, kind), evs) in &folded {
        let label = edge_label(*kind, evs);
        let mut attrs = vec![attr("label", &label)];
        for (k, v) in edge_style(*kind) {
            attrs.push(attr(k, v));
        }
        let firsts: Vec<String> = evs
            .iter()
            .filter_map(|e| e.event)
            .map(|ev| ev.evidence[0].sentence.clone())
            .take(3)
            .collect();
        attrs.push(attr("tooltip", &shorten(&firsts.join("\n"), 600)));
        if evs.len() > 1 {
            attrs.push(attr(
                "penwidth",
                &format!("{:.1}", 1.0 + (evs.len() as f32).ln()),
            ));
        }
        stmts.push(edge(s, t, attrs));
    }
    for e in links {
        let Some(l) = e.link else { continue };
        let (label, style) = match l.kind {
            LinkKind::Role => (l.role.clone().unwrap_or_else(|| "role".into()), "dotted"),
            LinkKind::Member => ("member".to_string(), "dotted"),
        };
        stmts.push(edge(
            &e.source.id,
            &e.target.id,
            vec![
                attr("label", &shorten(&label, 30)),
                attr("style", style),
                attr("color", "#999999"),
                attr("fontcolor", "#777777"),
                attr("arrowhead", "none"),
            ],
        ));
    }
    if !opts.no_legend && !folded.is_empty() {
        stmts.push(legend(&folded));
    }
    let g = Graph::DiGraph {
        id: Id::Plain("diplograph".into()),
        strict: false,
        stmts,
    };
    let mut ctx = PrinterContext::default();
    g.print(&mut ctx)
}

fn edge(s: &str, t: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(Id::Escaped(node_id(s)), None)),
            Vertex::N(NodeId(Id::Escaped(node_id(t)), None)),
        ),
        attributes,
    })
}

fn node_label(e: &crate::model::Entity) -> String {
    match (e.kind, e.attr("role")) {
        (EntityKind::Person, Some(role)) => format!("{}\n{}", e.name, shorten(role, 32)),
        _ => e.name.clone(),
    }
}

fn edge_label(kind: EventKind, evs: &[&EdgeView]) -> String {
    let n = evs.len();
    match kind {
        EventKind::Pledge => {
            let first = evs
                .iter()
                .filter_map(|e| e.event)
                .find_map(|ev| ev.what.clone())
                .unwrap_or_default();
            let mut label = format!("pledge: {}", shorten(&first, 40));
            if n > 1 {
                label.push_str(&format!("\n(+{} more)", n - 1));
            }
            label
        }
        k => {
            if n > 1 {
                format!("{} × {}", k.as_str(), n)
            } else {
                k.as_str().to_string()
            }
        }
    }
}

fn legend(folded: &BTreeMap<(String, String, EventKind), Vec<&EdgeView>>) -> Stmt {
    let kinds: BTreeSet<EventKind> = folded.keys().map(|(_, _, k)| *k).collect();
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", "Legend"),
        attr("style", "rounded"),
        attr("color", "#cccccc"),
        attr("fontsize", "10"),
    ]))];
    for kind in EntityKind::ALL {
        let mut attrs = vec![attr("label", kind.as_str()), attr("fontsize", "9")];
        for (k, v) in node_style(kind) {
            attrs.push(attr(k, v));
        }
        stmts.push(Stmt::Node(Node::new(
            NodeId(
                Id::Escaped(quote(&format!("legend:{}", kind.as_str()))),
                None,
            ),
            attrs,
        )));
    }
    for kind in kinds {
        let a = format!("legend:{}:a", kind.as_str());
        let b = format!("legend:{}:b", kind.as_str());
        for n in [&a, &b] {
            stmts.push(Stmt::Node(Node::new(
                NodeId(Id::Escaped(quote(n)), None),
                vec![
                    attr("shape", "point"),
                    attr("width", "0.05"),
                    attr("label", ""),
                ],
            )));
        }
        let mut attrs = vec![attr("label", kind.as_str())];
        for (k, v) in edge_style(kind) {
            attrs.push(attr(k, v));
        }
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(Id::Escaped(quote(&a)), None)),
                Vertex::N(NodeId(Id::Escaped(quote(&b)), None)),
            ),
            attributes: attrs,
        }));
    }
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_everything_dot_cares_about() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("two\nlines"), "\"two\\nlines\"");
        assert_eq!(quote("Zelensky <б>"), "\"Zelensky <б>\"");
    }

    #[test]
    fn node_ids_are_ascii() {
        assert_eq!(node_id("person:josé"), "\"person:jos_\"");
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        let s = shorten("finalize its security guarantees for Ukraine", 20);
        assert!(s.ends_with('…') && s.chars().count() <= 21, "{s}");
    }
}
