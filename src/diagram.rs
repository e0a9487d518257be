//! What a relationship diagram shows, independent of how it is drawn.
//!
//! [`DotOptions`] is the one way to configure a diagram, whether it is written as DOT
//! (`export --format dot`) or rendered to a picture (`render`). [`Diagram::plan`]
//! turns a graph and those options into the nodes, edges, clusters and legend to draw:
//! the neighbourhood around the focus, event kinds and dates kept, parallel events of
//! one kind between the same pair folded into one edge with a count, untargeted events,
//! unfirm commitments and isolated actors left out unless asked for, persons grouped
//! with the country or organization they represent, labels shortened and wrapped.
//! The DOT printer (`export::dot`) and the built-in SVG layout (`render`) both draw a
//! [`Diagram`]; neither decides what is shown, and this module knows no output syntax.

use crate::graph::{EdgeView, KnowledgeGraph, LinkKind};
use crate::model::{Entity, EntityKind, EventKind};
use std::collections::{BTreeMap, BTreeSet};

/// Above this many actors, [`DiagramLayout::Auto`] picks the network layout: layered
/// drawings of large graphs become very long strips with edges crossing everywhere.
pub const NETWORK_LAYOUT_ABOVE: usize = 60;

/// Above this many actors, clusters are dropped even in a layered layout: Graphviz's
/// ranking fails ("trouble in init_rank") or distorts on large clustered graphs.
const CLUSTERS_UP_TO: usize = 80;

/// Width (in characters) at which node labels wrap.
const WRAP: usize = 24;

/// Width at which edge labels wrap (two lines at most, plus a count line).
const EDGE_WRAP: usize = 28;

/// How actors are arranged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DiagramLayout {
    /// Layered for small diagrams, network for large ones
    /// (more than [`NETWORK_LAYOUT_ABOVE`] actors).
    #[default]
    Auto,
    /// Left-to-right layers (Graphviz `dot`): who acts on whom reads as a flow.
    Layered,
    /// Force-directed (Graphviz `sfdp`): an overview of who is central.
    Network,
}

impl DiagramLayout {
    /// Parses `auto`, `layered` or `network`.
    pub fn parse(s: &str) -> Option<DiagramLayout> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(DiagramLayout::Auto),
            "layered" | "dot" | "hierarchical" => Some(DiagramLayout::Layered),
            "network" | "sfdp" | "force" => Some(DiagramLayout::Network),
            _ => None,
        }
    }
}

/// What to draw. The same options drive `export --format dot` and `render`.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    /// Only the neighbourhood of these entity ids (empty: whole graph).
    pub focus: Vec<String>,
    /// Neighbourhood radius around `focus`.
    pub depth: usize,
    /// Only these event kinds (empty: all).
    pub kinds: Vec<EventKind>,
    /// Events on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Events on or before this date (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Draw entities with no visible edge.
    pub show_isolated: bool,
    /// Draw events with no target as self-loops.
    pub show_untargeted: bool,
    /// Leave out role and membership links.
    pub hide_links: bool,
    /// Draw every membership link; by default only those of focus actors are drawn.
    pub show_memberships: bool,
    /// Leave out the legend (and title).
    pub no_legend: bool,
    /// How actors are arranged.
    pub layout: DiagramLayout,
    /// Draw a box around persons and the country or organization they represent
    /// (layered layout). Without boxes, persons are still placed beside it.
    /// Graphviz 2.43 fails to lay out a small share of boxed graphs ("trouble in
    /// init_rank"): [`crate::render`] then retries without boxes, but DOT written
    /// with boxes may be rejected by such a Graphviz, so they are off by default.
    pub clusters: bool,
}

impl DotOptions {
    /// Focuses on the actors named `name` (name, alias or id), `depth` steps out.
    /// Returns `None` when no actor has that name.
    pub fn focused_on(mut self, graph: &KnowledgeGraph, name: &str, depth: usize) -> Option<Self> {
        let found = graph.find_entities(name);
        if found.is_empty() {
            return None;
        }
        self.focus = found.iter().map(|e| e.id.clone()).collect();
        self.depth = depth;
        Some(self)
    }
}

/// What an edge of a diagram stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    /// One or more events of a kind from source to target.
    Event(EventKind),
    /// A person's role for a country or organization.
    Role,
    /// A country's membership of an organization.
    Member,
}

/// Fill and line colours and the shape of an entity kind.
#[derive(Clone, Copy, Debug)]
pub struct NodeStyle {
    /// Graphviz shape name.
    pub shape: &'static str,
    /// Fill colour (`#rrggbb`).
    pub fill: &'static str,
    /// Outline colour (`#rrggbb`).
    pub line: &'static str,
}

/// Colour and stroke of an edge kind.
#[derive(Clone, Copy, Debug)]
pub struct EdgeStyle {
    /// Line colour (`#rrggbb`).
    pub color: &'static str,
    /// Dashed rather than solid.
    pub dashed: bool,
    /// Dotted rather than solid (links).
    pub dotted: bool,
    /// Base line width.
    pub width: f32,
}

/// How an entity kind is drawn.
pub fn node_style(kind: EntityKind) -> NodeStyle {
    match kind {
        EntityKind::Person => NodeStyle {
            shape: "ellipse",
            fill: "#fff2cc",
            line: "#b58900",
        },
        EntityKind::Country => NodeStyle {
            shape: "box",
            fill: "#dae8fc",
            line: "#2b5797",
        },
        EntityKind::Organization => NodeStyle {
            shape: "hexagon",
            fill: "#e1d5e7",
            line: "#7a3e9d",
        },
        EntityKind::Group => NodeStyle {
            shape: "octagon",
            fill: "#eeeeee",
            line: "#777777",
        },
    }
}

/// How an edge kind is drawn. Pledges are the heaviest lines; statements, the most
/// numerous events, are thin and light so that they do not drown the pledges.
pub fn edge_style(kind: EdgeKind) -> EdgeStyle {
    let (color, dashed, dotted, width) = match kind {
        EdgeKind::Event(EventKind::Pledge) => ("#1a7f37", false, false, 2.2),
        EdgeKind::Event(EventKind::Statement) => ("#6e9be0", true, false, 0.9),
        EdgeKind::Event(EventKind::Consult) => ("#8250df", false, false, 1.2),
        EdgeKind::Event(EventKind::Request) => ("#bf8700", true, false, 1.2),
        EdgeKind::Event(EventKind::Threaten) => ("#cf222e", false, false, 1.8),
        EdgeKind::Event(EventKind::Sanction) => ("#82071e", false, false, 1.8),
        EdgeKind::Role | EdgeKind::Member => ("#aaaaaa", false, true, 0.8),
    };
    EdgeStyle {
        color,
        dashed,
        dotted,
        width,
    }
}

/// One actor to draw.
#[derive(Clone, Debug)]
pub struct DiagramNode<'g> {
    /// The entity.
    pub entity: &'g Entity,
    /// The label: name (and role for persons), wrapped into lines with `\n`.
    pub label: String,
    /// One of the actors the diagram is focused on.
    pub focus: bool,
}

/// One (folded) edge to draw.
#[derive(Clone, Debug)]
pub struct DiagramEdge {
    /// Source entity id.
    pub source: String,
    /// Target entity id (the source again for an untargeted event).
    pub target: String,
    /// What the edge stands for.
    pub kind: EdgeKind,
    /// Number of events folded into this edge (1 for links).
    pub count: usize,
    /// Short label, possibly empty, lines separated by `\n`.
    pub label: String,
    /// Longer text for hover: the first evidence sentences.
    pub tooltip: String,
    /// Both ends sit in the same cluster.
    pub inside_cluster: bool,
}

/// A person-or-persons group drawn next to the country or organization they serve.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// The country or organization id.
    pub anchor: String,
    /// The persons' ids, sorted.
    pub members: Vec<String>,
}

/// Everything a renderer needs to draw; built by [`Diagram::plan`].
#[derive(Clone, Debug)]
pub struct Diagram<'g> {
    /// Actors, sorted by id.
    pub nodes: Vec<DiagramNode<'g>>,
    /// Edges, sorted by (source, target, kind).
    pub edges: Vec<DiagramEdge>,
    /// Persons grouped with whom they represent (empty when the layout does not
    /// group them): placed beside each other, and boxed when `boxed`.
    pub clusters: Vec<Cluster>,
    /// Draw each cluster as a box (Graphviz clusters).
    pub boxed: bool,
    /// The layout chosen (never `Auto`).
    pub layout: DiagramLayout,
    /// Title line of the legend, empty without a legend.
    pub title: String,
    /// Entity kinds present, for the legend (empty without a legend).
    pub legend_entities: Vec<EntityKind>,
    /// Edge kinds present, for the legend (empty without a legend).
    pub legend_edges: Vec<EdgeKind>,
    /// Number of distinct events drawn.
    pub event_count: usize,
}

impl<'g> Diagram<'g> {
    /// Chooses what to draw from `graph` under `opts`.
    pub fn plan(graph: &'g KnowledgeGraph, opts: &DotOptions) -> Diagram<'g> {
        let scope: Option<BTreeSet<String>> = if opts.focus.is_empty() {
            None
        } else {
            let seeds: Vec<&str> = opts.focus.iter().map(String::as_str).collect();
            Some(graph.neighbourhood(&seeds, opts.depth))
        };
        let in_scope = |id: &str| scope.as_ref().is_none_or(|k| k.contains(id));
        let edges = graph.edges();

        // Events, folded: (source, target, kind) -> edges.
        let mut folded: BTreeMap<(String, String, EventKind), Vec<&EdgeView>> = BTreeMap::new();
        for e in &edges {
            let Some(ev) = e.event else { continue };
            if e.untargeted && !opts.show_untargeted {
                continue;
            }
            if !(in_scope(&e.source.id) && in_scope(&e.target.id)) {
                continue;
            }
            if !opts.kinds.is_empty() && !opts.kinds.contains(&ev.kind) {
                continue;
            }
            // "did not commit", "could send": not drawn as pledges.
            if ev.kind == EventKind::Pledge && !ev.modality.is_firm() {
                continue;
            }
            if !date_ok(ev.date.as_deref(), opts) {
                continue;
            }
            folded
                .entry((e.source.id.clone(), e.target.id.clone(), ev.kind))
                .or_default()
                .push(e);
        }
        let mut visible: BTreeSet<String> = BTreeSet::new();
        for (s, t, _) in folded.keys() {
            visible.insert(s.clone());
            visible.insert(t.clone());
        }
        if opts.show_isolated {
            for e in graph.entities() {
                if in_scope(&e.id) {
                    visible.insert(e.id.clone());
                }
            }
        }
        let layout = match opts.layout {
            DiagramLayout::Auto if visible.len() > NETWORK_LAYOUT_ABOVE => DiagramLayout::Network,
            DiagramLayout::Auto => DiagramLayout::Layered,
            l => l,
        };

        // Persons next to whom they represent: an organization they speak for first
        // (a NATO Secretary-General sits with NATO), else their country.
        let mut clusters: BTreeMap<String, Vec<String>> = BTreeMap::new();
        if layout == DiagramLayout::Layered && visible.len() <= CLUSTERS_UP_TO {
            for id in &visible {
                let Some(e) = graph.entity(id) else { continue };
                if e.kind != EntityKind::Person {
                    continue;
                }
                let anchor = ["org", "country"]
                    .iter()
                    .filter_map(|k| e.attr(k))
                    .find(|a| visible.contains(*a) && *a != id.as_str());
                if let Some(a) = anchor {
                    clusters.entry(a.to_string()).or_default().push(id.clone());
                }
            }
        }
        // A cluster anchor is never itself a member of another cluster.
        let cluster_of: BTreeMap<&str, &str> = clusters
            .iter()
            .flat_map(|(a, ms)| {
                ms.iter()
                    .map(move |m| (m.as_str(), a.as_str()))
                    .chain(std::iter::once((a.as_str(), a.as_str())))
            })
            .collect();
        let same_cluster = |a: &str, b: &str| matches!((cluster_of.get(a), cluster_of.get(b)), (Some(x), Some(y)) if x == y);

        let focus: BTreeSet<&str> = opts.focus.iter().map(String::as_str).collect();
        let boxed = opts.clusters && !clusters.is_empty();
        let mut out_edges: Vec<DiagramEdge> = Vec::new();
        let mut event_ids: BTreeSet<&str> = BTreeSet::new();
        for ((s, t, kind), evs) in &folded {
            for ev in evs.iter().filter_map(|e| e.event) {
                event_ids.insert(ev.id.as_str());
            }
            out_edges.push(DiagramEdge {
                source: s.clone(),
                target: t.clone(),
                kind: EdgeKind::Event(*kind),
                count: evs.len(),
                // A network drawing has room for few labels: what was pledged.
                label: if layout == DiagramLayout::Network && *kind != EventKind::Pledge {
                    String::new()
                } else {
                    event_label(graph, *kind, evs)
                },
                tooltip: tooltip(evs),
                inside_cluster: same_cluster(s, t),
            });
        }
        if !opts.hide_links {
            for e in &edges {
                let Some(l) = e.link else { continue };
                if !(visible.contains(&e.source.id) && visible.contains(&e.target.id)) {
                    continue;
                }
                let inside = same_cluster(&e.source.id, &e.target.id);
                // Memberships are background: drawn around a focus actor (who is in
                // NATO, what Germany belongs to), not across a whole graph, where
                // they criss-cross everything.
                if l.kind == LinkKind::Member
                    && !opts.show_memberships
                    && !(focus.contains(e.source.id.as_str())
                        || focus.contains(e.target.id.as_str()))
                {
                    continue;
                }
                let kind = match l.kind {
                    LinkKind::Role => EdgeKind::Role,
                    LinkKind::Member => EdgeKind::Member,
                };
                // No label: a person's node already names the role.
                out_edges.push(DiagramEdge {
                    source: e.source.id.clone(),
                    target: e.target.id.clone(),
                    kind,
                    count: 1,
                    label: String::new(),
                    tooltip: match l.kind {
                        LinkKind::Role => {
                            format!("{}: {}", e.source.name, l.role.as_deref().unwrap_or("role"))
                        }
                        LinkKind::Member => {
                            format!("{} is a member of {}", e.source.name, e.target.name)
                        }
                    },
                    inside_cluster: inside,
                });
            }
        }
        out_edges
            .sort_by(|a, b| (&a.source, &a.target, a.kind).cmp(&(&b.source, &b.target, b.kind)));

        let nodes: Vec<DiagramNode> = visible
            .iter()
            .filter_map(|id| graph.entity(id))
            .map(|e| DiagramNode {
                entity: e,
                label: node_label(e),
                focus: focus.contains(e.id.as_str()),
            })
            .collect();

        let (title, legend_entities, legend_edges) = if opts.no_legend || nodes.is_empty() {
            (String::new(), Vec::new(), Vec::new())
        } else {
            let ents: BTreeSet<EntityKind> = nodes.iter().map(|n| n.entity.kind).collect();
            // Role links inside a box are not drawn: the box says it.
            let kinds: BTreeSet<EdgeKind> = out_edges
                .iter()
                .filter(|e| !(e.kind == EdgeKind::Role && e.inside_cluster && boxed))
                .map(|e| e.kind)
                .collect();
            (
                title(graph, opts, nodes.len(), event_ids.len()),
                EntityKind::ALL
                    .into_iter()
                    .filter(|k| ents.contains(k))
                    .collect(),
                kinds.into_iter().collect(),
            )
        };
        Diagram {
            nodes,
            edges: out_edges,
            clusters: clusters
                .into_iter()
                .map(|(anchor, members)| Cluster { anchor, members })
                .collect(),
            boxed,
            layout,
            title,
            legend_entities,
            legend_edges,
            event_count: event_ids.len(),
        }
    }
}

impl Diagram<'_> {
    /// The same diagram with its clusters unboxed (persons still placed beside whom
    /// they represent, role links drawn).
    pub fn without_boxes(&self) -> Self {
        let mut d = self.clone();
        if d.boxed {
            d.boxed = false;
            let roles = d.edges.iter().any(|e| e.kind == EdgeKind::Role);
            if roles && !d.title.is_empty() && !d.legend_edges.contains(&EdgeKind::Role) {
                d.legend_edges.push(EdgeKind::Role);
                d.legend_edges.sort();
            }
        }
        d
    }
}

fn date_ok(date: Option<&str>, opts: &DotOptions) -> bool {
    let date = date.unwrap_or("");
    opts.since
        .as_deref()
        .is_none_or(|s| !date.is_empty() && date >= s)
        && opts
            .until
            .as_deref()
            .is_none_or(|u| !date.is_empty() && date <= u)
}

/// Shortens text to at most `max` characters (plus an ellipsis), at a word boundary
/// when there is one in the second half. Whitespace runs (line breaks, tabs) become one space and other control characters
/// are dropped: the result is always one line.
pub fn shorten(s: &str, max: usize) -> String {
    let s: String = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Wraps text into as few lines of at most `width` characters as [`wrap`] needs, but
/// with lines of even length ("Ukraine Defense / Contact Group", not "Ukraine Defense
/// Contact / Group").
pub fn wrap_balanced(s: &str, width: usize) -> String {
    let lines = wrap(s, width).lines().count();
    if lines < 2 {
        return wrap(s, width);
    }
    let len = s
        .split_whitespace()
        .map(|w| w.chars().count() + 1)
        .sum::<usize>();
    (len / lines..width)
        .map(|w| wrap(s, w.max(1)))
        .find(|t| t.lines().count() <= lines)
        .unwrap_or_else(|| wrap(s, width))
}

/// Wraps text into lines of at most `width` characters (words longer than a line are
/// split), joined with `\n`. Whitespace runs, including line breaks and tabs, count as
/// one space.
pub fn wrap(s: &str, width: usize) -> String {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

fn node_label(e: &Entity) -> String {
    let name = wrap_balanced(&shorten(&e.name, 2 * WRAP), WRAP);
    let name = if name.is_empty() {
        "(unnamed)".to_string()
    } else {
        name
    };
    match (e.kind, e.attr("role")) {
        (EntityKind::Person, Some(role)) if !role.trim().is_empty() => {
            format!(
                "{name}\n{}",
                wrap_balanced(&shorten(role, WRAP + 8), WRAP + 8)
            )
        }
        _ => name,
    }
}

/// Pledges say what was pledged (the first of a fold, with how many more); other
/// kinds say only how many, since colour and stroke already tell the kind.
fn event_label(graph: &KnowledgeGraph, kind: EventKind, evs: &[&EdgeView]) -> String {
    let n = evs.len();
    match kind {
        EventKind::Pledge => {
            let first = evs
                .iter()
                .filter_map(|e| e.event)
                .find(|ev| ev.what.as_deref().is_some_and(|w| !w.trim().is_empty()));
            let what = first
                .and_then(|ev| {
                    let w = ev.what.as_deref()?;
                    let names: Vec<&str> = ev
                        .targets
                        .iter()
                        .filter_map(|t| graph.entity(t))
                        .flat_map(|e| {
                            std::iter::once(e.name.as_str())
                                .chain(e.aliases.iter().map(String::as_str))
                        })
                        .collect();
                    Some(without_recipient(w, &names))
                })
                .unwrap_or_else(|| "pledge".to_string());
            let mut label = wrap_balanced(&shorten(&what, 2 * EDGE_WRAP), EDGE_WRAP);
            if evs
                .iter()
                .filter_map(|e| e.event)
                .all(|ev| ev.modality.conditional)
            {
                label.push_str("\n(conditional)");
            }
            if n > 1 {
                label.push_str(&format!("\n(+{} more)", n - 1));
            }
            label
        }
        _ if n > 1 => format!("×{n}"),
        _ => String::new(),
    }
}

/// Cuts what was pledged before the recipient's name ("€1.5 billion in military aid
/// for Ukraine on Wednesday" → "€1.5 billion in military aid"): the arrow already
/// points at the recipient, and what follows it is usually circumstance.
fn without_recipient(what: &str, names: &[&str]) -> String {
    let mut cut = what.len();
    for name in names.iter().filter(|n| n.chars().count() >= 3) {
        for prep in ["for", "to", "in", "with"] {
            let needle = format!(" {prep} {name}");
            if let Some(i) = what.find(&needle) {
                let end = i + needle.len();
                let word_ends = what[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if word_ends && what[..i].trim().chars().count() >= 8 {
                    cut = cut.min(i);
                }
            }
        }
    }
    what[..cut].trim_end_matches([',', ';', ' ']).to_string()
}

fn tooltip(evs: &[&EdgeView]) -> String {
    let lines: Vec<String> = evs
        .iter()
        .filter_map(|e| e.event)
        .filter_map(|ev| ev.evidence.first())
        .map(|ev| shorten(&ev.sentence, 200))
        .take(3)
        .collect();
    lines.join("\n")
}

fn title(graph: &KnowledgeGraph, opts: &DotOptions, actors: usize, events: usize) -> String {
    let mut parts = Vec::new();
    let docs: Vec<_> = graph.documents().collect();
    if opts.focus.is_empty() {
        match docs.as_slice() {
            [one] => parts.push(shorten(one.title.as_deref().unwrap_or(&one.id), 80)),
            many => parts.push(format!("{} articles", many.len())),
        }
    } else {
        let names: Vec<String> = opts
            .focus
            .iter()
            .filter_map(|id| graph.entity(id))
            .map(|e| shorten(&e.name, 40))
            .collect();
        parts.push(format!(
            "{} and neighbours (depth {})",
            names.join(", "),
            opts.depth
        ));
    }
    if !opts.kinds.is_empty() {
        let kinds: Vec<&str> = opts
            .kinds
            .iter()
            .map(|k| match k {
                EventKind::Pledge => "pledges",
                EventKind::Statement => "statements",
                EventKind::Consult => "consultations",
                EventKind::Request => "requests",
                EventKind::Threaten => "threats",
                EventKind::Sanction => "sanctions",
            })
            .collect();
        parts.push(kinds.join(", "));
    }
    match (&opts.since, &opts.until) {
        (Some(s), Some(u)) => parts.push(format!("{} to {}", shorten(s, 10), shorten(u, 10))),
        (Some(s), None) => parts.push(format!("since {}", shorten(s, 10))),
        (None, Some(u)) => parts.push(format!("until {}", shorten(u, 10))),
        (None, None) => {}
    }
    parts.push(format!(
        "{actors} actor{} · {events} event{}",
        if actors == 1 { "" } else { "s" },
        if events == 1 { "" } else { "s" }
    ));
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        let s = shorten("finalize its security guarantees for Ukraine", 20);
        assert!(s.ends_with('…') && s.chars().count() <= 21, "{s}");
        assert!(!s.contains("guarant"), "cut inside a word: {s}");
    }

    #[test]
    fn wrap_breaks_lines_and_long_words() {
        assert_eq!(
            wrap("deliver two more ASC 890 aircraft", 12),
            "deliver two\nmore ASC 890\naircraft"
        );
        assert_eq!(wrap("abcdefghij", 4), "abcd\nefgh\nij");
        assert_eq!(wrap("a\n\tb", 10), "a b");
        assert_eq!(wrap("", 10), "");
    }

    #[test]
    fn balanced_wrap_evens_lines() {
        assert_eq!(
            wrap_balanced("Ukraine Defense Contact Group", 24),
            "Ukraine Defense\nContact Group"
        );
        assert_eq!(
            wrap_balanced("€1.5 billion in new military aid", 28),
            "€1.5 billion in\nnew military aid"
        );
        assert_eq!(wrap_balanced("Germany", 24), "Germany");
        for w in [1, 3, 10] {
            let t = wrap_balanced("a bb ccc dddd eeeee", w);
            assert_eq!(
                t.lines().count(),
                wrap("a bb ccc dddd eeeee", w).lines().count(),
                "{t}"
            );
        }
    }

    #[test]
    fn recipient_phrases_are_cut() {
        let names = ["Ukraine", "Kyiv"];
        assert_eq!(
            without_recipient(
                "€1.5 billion in new military aid for Ukraine on Wednesday",
                &names
            ),
            "€1.5 billion in new military aid"
        );
        assert_eq!(
            without_recipient(
                "deliver two more aircraft to Kyiv before the end of the year",
                &names
            ),
            "deliver two more aircraft"
        );
        // A name inside a longer word, or too early to leave anything, stays.
        assert_eq!(
            without_recipient("aid to Ukrainex", &names),
            "aid to Ukrainex"
        );
        assert_eq!(
            without_recipient("aid to Ukraine", &names),
            "aid to Ukraine"
        );
    }

    #[test]
    fn layout_names_parse() {
        assert_eq!(
            DiagramLayout::parse("Network"),
            Some(DiagramLayout::Network)
        );
        assert_eq!(
            DiagramLayout::parse("layered"),
            Some(DiagramLayout::Layered)
        );
        assert_eq!(DiagramLayout::parse("circle"), None);
    }
}
