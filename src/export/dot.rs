//! Graphviz DOT for relationship diagrams, built with graphviz-rust.
//!
//! What is drawn is decided by [`crate::diagram`]; this module only writes a
//! [`Diagram`] in DOT syntax. graphviz-rust prints ids and labels as given, so every
//! id and label is quoted and escaped here (`\` → `\\`, `"` → `\"`, line breaks →
//! `\n`, other control characters → space); node ids are ASCII and injective (one per
//! entity id, whatever characters it holds); human names go in labels. The legend is
//! an HTML-like graph label built from our own strings (HTML-escaped), so it sits
//! outside the layout in every Graphviz engine instead of being laid out as nodes.
//!
//! Every DOT written here must lay out in Graphviz 2.43 too, whose `dot` crashes,
//! hangs or fails to rank on some combinations of clusters, unconstrained edges and
//! edge labels; the choices below (xlabels on unconstrained edges, no `newrank`,
//! boxes only on request) come from sweeping thousands of random graphs through it.

pub use crate::diagram::{DiagramLayout, DotOptions};

use crate::diagram::{edge_style, node_style, Diagram, DiagramEdge, DiagramNode, EdgeKind};
use crate::graph::KnowledgeGraph;
use crate::model::{EntityKind, EventKind};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeSet;

pub use crate::diagram::shorten;

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

/// Escapes text for an HTML-like label.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An ASCII-safe, quoted node id for an entity id. Characters outside
/// `[A-Za-z0-9_:-]` become `.hex.`; `.` is never kept as is, so distinct entity ids
/// always give distinct node ids.
fn node_id(id: &str) -> String {
    let mut ascii = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ':' {
            ascii.push(c);
        } else {
            ascii.push_str(&format!(".{:x}.", c as u32));
        }
    }
    quote(&ascii)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), Id::Escaped(quote(v)))
}

/// Renders the graph (or a focused part of it) as DOT text.
pub fn render(graph: &KnowledgeGraph, opts: &DotOptions) -> String {
    write(&Diagram::plan(graph, opts))
}

/// Writes a planned diagram as DOT text.
pub(crate) fn write(d: &Diagram) -> String {
    let mut graph_attrs = vec![
        attr("fontname", "Helvetica"),
        attr("outputorder", "edgesfirst"),
        attr("pad", "0.2"),
    ];
    match d.layout {
        DiagramLayout::Network => graph_attrs.extend([
            attr("layout", "sfdp"),
            attr("overlap", "prism"),
            attr("overlap_scaling", "-4"),
            attr("splines", "line"),
            attr("K", "1.2"),
            attr("forcelabels", "false"),
        ]),
        _ => graph_attrs.extend([
            attr("rankdir", "LR"),
            attr("splines", "true"),
            attr("nodesep", "0.25"),
            attr("ranksep", "0.7"),
        ]),
    }
    if let Some(legend) = legend(d) {
        graph_attrs.extend([
            Attribute(Id::Plain("label".into()), Id::Html(legend)),
            attr("labelloc", "t"),
            attr("labeljust", "l"),
            attr("fontsize", "10"),
        ]);
    }
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
            attr("margin", "0.08,0.04"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
            attr("arrowsize", "0.7"),
        ])),
    ];

    let mut clustered: BTreeSet<&str> = BTreeSet::new();
    let by_id = |id: &str| d.nodes.iter().find(|n| n.entity.id == id);
    for (i, c) in d.clusters.iter().enumerate().filter(|_| d.boxed) {
        let mut inner = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("style", "rounded,dashed"),
            attr("color", "#cccccc"),
            attr("label", ""),
            attr("margin", "6"),
        ]))];
        for id in std::iter::once(&c.anchor).chain(&c.members) {
            if let Some(n) = by_id(id) {
                inner.push(node_stmt(n));
                clustered.insert(id.as_str());
            }
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{i}")),
            stmts: inner,
        }));
    }
    for n in &d.nodes {
        if !clustered.contains(n.entity.id.as_str()) {
            stmts.push(node_stmt(n));
        }
    }
    let pledges_lead = d
        .edges
        .iter()
        .any(|e| e.kind == EdgeKind::Event(EventKind::Pledge));
    for e in &d.edges {
        let ranking = Ranking {
            pledges_lead,
            touches_cluster: clustered.contains(e.source.as_str())
                || clustered.contains(e.target.as_str()),
            boxed: d.boxed,
        };
        stmts.push(edge_stmt(e, d.layout, ranking));
    }
    let g = Graph::DiGraph {
        id: Id::Plain("diplograph".into()),
        strict: false,
        stmts,
    };
    let mut ctx = PrinterContext::default();
    g.print(&mut ctx) + "\n"
}

fn node_stmt(n: &DiagramNode) -> Stmt {
    let s = node_style(n.entity.kind);
    let mut attrs = vec![
        attr("label", &n.label),
        attr("shape", s.shape),
        attr("fillcolor", s.fill),
        attr("color", s.line),
        attr("tooltip", &shorten(&n.entity.id, 200)),
    ];
    if n.focus {
        attrs.push(attr("penwidth", "2.5"));
        attrs.push(attr("fontname", "Helvetica-Bold"));
    }
    Stmt::Node(Node::new(
        NodeId(Id::Escaped(node_id(&n.entity.id)), None),
        attrs,
    ))
}

/// How an edge takes part in a layered layout.
struct Ranking {
    /// Some edge of the diagram is a pledge.
    pledges_lead: bool,
    /// The edge has an end inside a box.
    touches_cluster: bool,
    /// Clusters are drawn as boxes.
    boxed: bool,
}

fn edge_stmt(e: &DiagramEdge, layout: DiagramLayout, ranking: Ranking) -> Stmt {
    let s = edge_style(e.kind);
    let layered = layout == DiagramLayout::Layered;
    let link = matches!(e.kind, EdgeKind::Role | EdgeKind::Member);
    let pledge = e.kind == EdgeKind::Event(EventKind::Pledge);
    // In a layered drawing, pledges set the layers (who gives to whom reads left to
    // right); statements and the rest, far more numerous, and links, which only
    // explain, follow without stretching them. Graphviz 2.43 crashes, hangs or fails
    // to rank ("trouble in init_rank") when unconstrained edges meet boxes, so
    // edges touching a box stay constrained (with no weight). Boxes are off by
    // default for that reason (see `DotOptions::clusters`).
    // A role link beside whom a person represents holds them together.
    let holds = link && e.inside_cluster;
    let follower = !pledge && !holds && (link || ranking.pledges_lead);
    let unconstrained = layered && follower && !ranking.touches_cluster;
    let width = s.width * (1.0 + 0.6 * (e.count as f32).ln());
    let mut attrs = vec![
        attr("color", s.color),
        attr("penwidth", &format!("{width:.1}")),
    ];
    if !e.label.is_empty() {
        // Only pledge labels take part in the layout. Graphviz 2.43 crashes on
        // labelled unconstrained edges; an external label (xlabel) is placed after
        // layout and is safe. In a network layout, xlabels go where they do not
        // overlap or are dropped (forcelabels=false); the tooltip still has them.
        let key = if !pledge || layout == DiagramLayout::Network {
            "xlabel"
        } else {
            "label"
        };
        attrs.push(attr(key, &e.label));
        let font = match e.kind {
            EdgeKind::Event(EventKind::Pledge) => s.color,
            EdgeKind::Role | EdgeKind::Member => "#888888",
            _ => "#555555",
        };
        attrs.push(attr("fontcolor", font));
    }
    let style = if holds && ranking.boxed {
        // The box says it; the edge only keeps the person beside whom they
        // represent.
        "invis"
    } else if s.dashed {
        "dashed"
    } else if s.dotted {
        "dotted"
    } else {
        ""
    };
    if !style.is_empty() {
        attrs.push(attr("style", style));
    }
    if !e.tooltip.is_empty() {
        attrs.push(attr("tooltip", &e.tooltip));
    }
    if link {
        attrs.push(attr("arrowhead", "none"));
    }
    if unconstrained {
        attrs.push(attr("constraint", "false"));
    } else if layered && holds {
        attrs.push(attr("weight", "8"));
    } else if layered && pledge {
        attrs.push(attr("weight", "4"));
    } else if layered && follower {
        // Fewer ranking failures next to boxes than the default weight.
        attrs.push(attr("weight", "0"));
    }
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(Id::Escaped(node_id(&e.source)), None)),
            Vertex::N(NodeId(Id::Escaped(node_id(&e.target)), None)),
        ),
        attributes: attrs,
    })
}

/// The title and legend as an HTML-like label: a bold title line, then one line of
/// coloured glyphs for the entity and edge kinds present. Text runs rather than
/// table cells, so that nothing stretches to the title's width.
fn legend(d: &Diagram) -> Option<String> {
    if d.title.is_empty() {
        return None;
    }
    let mut items: Vec<String> = Vec::new();
    for k in &d.legend_entities {
        let glyph = match k {
            EntityKind::Person => "●",
            EntityKind::Country => "■",
            EntityKind::Organization => "⬢",
            EntityKind::Group => "⬣",
        };
        items.push(format!(
            r#"<FONT COLOR="{}">{glyph}</FONT> {}"#,
            node_style(*k).line,
            k.as_str()
        ));
    }
    for k in &d.legend_edges {
        let s = edge_style(*k);
        let (name, glyph) = match k {
            EdgeKind::Event(ev) => (
                ev.as_str(),
                if s.dashed {
                    "╍╍╍▶"
                } else {
                    "━━━▶"
                },
            ),
            EdgeKind::Role => ("role", "┈┈┈"),
            EdgeKind::Member => ("member of", "┈┈┈"),
        };
        items.push(format!(
            r#"<FONT COLOR="{}">{glyph}</FONT> {name}"#,
            s.color
        ));
    }
    Some(format!(
        r#"<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD ALIGN="LEFT"><B>{}</B></TD></TR><TR><TD ALIGN="LEFT">{}</TD></TR></TABLE>>"#,
        html(&d.title),
        items.join("     ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_everything_dot_cares_about() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("two\nlines"), "\"two\\nlines\"");
        assert_eq!(quote("tab\there\r"), "\"tab here\"");
        assert_eq!(quote("Zelensky <б>"), "\"Zelensky <б>\"");
    }

    #[test]
    fn node_ids_are_ascii_and_distinct() {
        assert_eq!(node_id("person:josé"), "\"person:jos.e9.\"");
        assert_ne!(node_id("person:é"), node_id("person:ü"));
        assert_ne!(node_id("a.e9."), node_id("aé"));
        assert!(node_id("person:\"<{}>\"🙂").is_ascii());
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(html(r#"<b>&"x'"#), "&lt;b&gt;&amp;&quot;x&#39;");
    }
}
