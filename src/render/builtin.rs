//! The built-in SVG renderer: a pure-Rust layered layout (layout-rs), used when
//! Graphviz is not installed.
//!
//! It draws the same [`Diagram`] as the DOT printer: shapes and colours by entity
//! kind, colour and stroke by edge kind, folded edges with their labels. layout-rs
//! has no clusters, HTML labels or hover tooltips; the title and legend are drawn
//! here as a band above its picture. layout-rs asserts on inputs it does not expect,
//! so the layout runs behind `catch_unwind` and a failure becomes an error, never a
//! crash of the caller.

use crate::diagram::{edge_style, node_style, Diagram, EdgeKind};
use crate::error::{Error, Result};
use crate::model::{EntityKind, EventKind};
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::collections::BTreeMap;

const NODE_FONT: usize = 11;
const EDGE_FONT: usize = 9;
/// Height of the title and legend band above the picture.
const LEGEND_HEIGHT: f64 = 56.0;

/// The most actors and edges the built-in layout is given: layout-rs's layered
/// layout grows much faster than the graph (a 104-actor, 596-edge neighbourhood ran
/// for minutes), so a larger diagram is cut to its most connected part and the
/// title says so.
const MAX_ACTORS: usize = 40;
const MAX_EDGES: usize = 120;

/// Lays out and draws a diagram as SVG, saying how many actors and edges it drew.
pub fn svg_counted(d: &Diagram) -> Result<super::Drawing> {
    let trimmed = trim(d);
    let d = trimmed.as_ref().unwrap_or(d);
    Ok(super::Drawing {
        bytes: draw_svg(d)?,
        actors: d.nodes.len(),
        edges: d.edges.len(),
    })
}

/// Lays out and draws a diagram small enough for the built-in layout.
fn draw_svg(d: &Diagram) -> Result<Vec<u8>> {
    let picture = if d.nodes.is_empty() {
        None
    } else {
        let vg = graph(d);
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let mut vg = vg;
            let mut canvas = Bounded::default();
            vg.do_it(false, false, false, &mut canvas);
            (canvas.svg.finalize(), canvas.bounds)
        }));
        Some(drawn.map_err(|_| {
            Error::Export {
                message: "the built-in layout failed on this graph; install graphviz, or \
                      write .dot and lay it out elsewhere"
                    .into(),
            }
        })?)
    };
    Ok(compose(d, picture.as_ref()).into_bytes())
}

/// The part of a diagram too large for the built-in layout that it draws: the
/// focused actors and those with the most events (edges counted by the events
/// folded into them), the edges among them with the most events, and a title that
/// tells how much was left out. `None` when the diagram is small enough.
fn trim<'g>(d: &Diagram<'g>) -> Option<Diagram<'g>> {
    if d.nodes.len() <= MAX_ACTORS && d.edges.len() <= MAX_EDGES {
        return None;
    }
    let mut weight: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &d.edges {
        *weight.entry(e.source.as_str()).or_default() += e.count;
        *weight.entry(e.target.as_str()).or_default() += e.count;
    }
    let mut ranked: Vec<&crate::diagram::DiagramNode> = d.nodes.iter().collect();
    // Focus first, then by weight (heaviest first), then by id for a stable cut.
    ranked.sort_by(|a, b| {
        let w = |n: &crate::diagram::DiagramNode| weight.get(n.entity.id.as_str()).copied();
        b.focus
            .cmp(&a.focus)
            .then(w(b).cmp(&w(a)))
            .then(a.entity.id.cmp(&b.entity.id))
    });
    let kept: std::collections::BTreeSet<&str> = ranked
        .iter()
        .take(MAX_ACTORS)
        .map(|n| n.entity.id.as_str())
        .collect();
    // The heaviest edges among the kept actors, drawn in their first order.
    let mut picked: Vec<usize> = (0..d.edges.len())
        .filter(|&i| {
            let e = &d.edges[i];
            kept.contains(e.source.as_str()) && kept.contains(e.target.as_str())
        })
        .collect();
    picked.sort_by_key(|&i| std::cmp::Reverse(d.edges[i].count));
    picked.truncate(MAX_EDGES);
    picked.sort_unstable();
    let mut out = d.clone();
    out.nodes.retain(|n| kept.contains(n.entity.id.as_str()));
    out.edges = picked.iter().map(|&i| d.edges[i].clone()).collect();
    out.clusters.retain(|c| kept.contains(c.anchor.as_str()));
    for c in &mut out.clusters {
        c.members.retain(|m| kept.contains(m.as_str()));
    }
    if !out.title.is_empty() {
        out.title = format!(
            "{} — built-in layout: the {} most connected of {} actors, {} of {} edges \
             (install Graphviz to draw all)",
            out.title,
            out.nodes.len(),
            d.nodes.len(),
            out.edges.len(),
            d.edges.len()
        );
    }
    Some(out)
}

fn graph(d: &Diagram) -> VisualGraph {
    let dir = Orientation::LeftToRight;
    let mut vg = VisualGraph::new(dir);
    let mut handles = BTreeMap::new();
    for n in &d.nodes {
        let s = node_style(n.entity.kind);
        let label = n.label.clone();
        let (shape, rounded) = match n.entity.kind {
            EntityKind::Person => (ShapeKind::Circle(label), 0),
            EntityKind::Country => (ShapeKind::Box(label), 0),
            EntityKind::Organization | EntityKind::Group => (ShapeKind::Box(label), 8),
        };
        let look = StyleAttr::new(
            Color::fast(s.line),
            if n.focus { 3 } else { 1 },
            Some(Color::fast(s.fill)),
            rounded,
            NODE_FONT,
        );
        // layout-rs sizes text at one font size per character; records and boxes are
        // laid out across the flow, so the shape is measured in the flipped direction.
        let size = get_shape_size(dir.flip(), &shape, NODE_FONT, false);
        let handle = vg.add_node(Element::create(shape, look, dir.flip(), size));
        handles.insert(n.entity.id.as_str(), handle);
    }
    for e in &d.edges {
        let (Some(&from), Some(&to)) = (
            handles.get(e.source.as_str()),
            handles.get(e.target.as_str()),
        ) else {
            continue;
        };
        let s = edge_style(e.kind);
        let style = if s.dashed {
            LineStyleKind::Dashed
        } else if s.dotted {
            LineStyleKind::Dotted
        } else {
            LineStyleKind::Normal
        };
        let end = match e.kind {
            EdgeKind::Role | EdgeKind::Member => LineEndKind::None,
            EdgeKind::Event(_) => LineEndKind::Arrow,
        };
        let width = if e.kind == EdgeKind::Event(EventKind::Pledge) || e.count > 2 {
            2
        } else {
            1
        };
        let look = StyleAttr::new(Color::fast(s.color), width, None, 0, EDGE_FONT);
        // One line per label: layout-rs draws edge text along the path.
        let label = e.label.replace('\n', " ");
        let arrow = Arrow::new(LineEndKind::None, end, style, &label, &look, &None, &None);
        vg.add_edge(arrow, from, to);
    }
    vg
}

/// Puts the title and legend band above layout-rs's picture (nested as an inner
/// `<svg>`), or says that there is nothing to draw.
fn compose(d: &Diagram, picture: Option<&(String, Bounds)>) -> String {
    let (inner, w, h) = match picture {
        Some((svg, b)) => {
            // layout-rs sizes its canvas generously (text counted as tall as it is
            // wide); the size of what was actually drawn replaces it.
            let body = svg
                .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#)
                .unwrap_or(svg);
            let (w, h) = (b.max.0 - b.min.0 + 2.0 * PAD, b.max.1 - b.min.1 + 2.0 * PAD);
            let header = format!(
                r#"<svg width="{w:.0}" height="{h:.0}" viewBox="{:.0} {:.0} {w:.0} {h:.0}" xmlns="http://www.w3.org/2000/svg">"#,
                b.min.0 - PAD,
                b.min.1 - PAD
            );
            let body = match (body.find("<svg"), body.find('>')) {
                (Some(i), Some(j)) if i < j => format!("{header}{}", &body[j + 1..]),
                _ => body.to_string(),
            };
            (
                body.replace(
                    "font-family: Times, serif",
                    "font-family: Helvetica, Arial, sans-serif",
                ),
                w,
                h,
            )
        }
        None => (
            format!(
                r#"<text x="10" y="20" font-family="Helvetica, Arial, sans-serif" font-size="12">{}</text>"#,
                xml("nothing to draw: no events match")
            ),
            300.0,
            30.0,
        ),
    };
    let band = if d.title.is_empty() {
        0.0
    } else {
        LEGEND_HEIGHT
    };
    let width = w.max(legend_width(d));
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{:.0}" viewBox="0 0 {width:.0} {:.0}">
<rect width="100%" height="100%" fill="white"/>
"#,
        h + band,
        h + band
    );
    if band > 0.0 {
        out.push_str(&legend(d));
    }
    out.push_str(&format!(r#"<g transform="translate(0,{band})">"#));
    out.push_str(&inner);
    out.push_str("</g>\n</svg>\n");
    out
}

fn legend_width(d: &Diagram) -> f64 {
    let title = d.title.chars().count() as f64 * 7.0 + 20.0;
    let row = (d.legend_entities.len() + d.legend_edges.len()) as f64 * 110.0 + 20.0;
    title.max(row)
}

fn legend(d: &Diagram) -> String {
    let font = r#"font-family="Helvetica, Arial, sans-serif""#;
    let mut out = format!(
        r#"<text x="10" y="18" {font} font-size="12" font-weight="bold">{}</text>"#,
        xml(&d.title)
    );
    let mut x = 10.0;
    for k in &d.legend_entities {
        let s = node_style(*k);
        out.push_str(&format!(
            r#"<rect x="{x}" y="30" width="80" height="18" rx="5" fill="{}" stroke="{}"/><text x="{}" y="43" {font} font-size="10" text-anchor="middle">{}</text>"#,
            s.fill,
            s.line,
            x + 40.0,
            k.as_str()
        ));
        x += 90.0;
    }
    for k in &d.legend_edges {
        let s = edge_style(*k);
        let dash = if s.dashed {
            r#" stroke-dasharray="5,3""#
        } else if s.dotted {
            r#" stroke-dasharray="1,3""#
        } else {
            ""
        };
        let name = match k {
            EdgeKind::Event(ev) => ev.as_str(),
            EdgeKind::Role => "role",
            EdgeKind::Member => "member of",
        };
        out.push_str(&format!(
            r#"<line x1="{x}" y1="39" x2="{}" y2="39" stroke="{}" stroke-width="{}"{dash}/><text x="{}" y="43" {font} font-size="10">{name}</text>"#,
            x + 30.0,
            s.color,
            s.width.max(1.0),
            x + 35.0
        ));
        x += 110.0;
    }
    out.push('\n');
    out
}

/// Escapes text for SVG.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The extent of what was drawn, in layout coordinates.
#[derive(Clone, Copy, Debug)]
struct Bounds {
    min: (f64, f64),
    max: (f64, f64),
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds {
            min: (f64::INFINITY, f64::INFINITY),
            max: (f64::NEG_INFINITY, f64::NEG_INFINITY),
        }
    }
}

impl Bounds {
    fn add(&mut self, x: f64, y: f64) {
        if x.is_finite() && y.is_finite() {
            self.min = (self.min.0.min(x), self.min.1.min(y));
            self.max = (self.max.0.max(x), self.max.1.max(y));
        }
    }

    fn add_box(&mut self, center: Point, half: Point) {
        self.add(center.x - half.x, center.y - half.y);
        self.add(center.x + half.x, center.y + half.y);
    }
}

/// Margin around the drawing.
const PAD: f64 = 10.0;

/// layout-rs's SVG writer, plus the true extent of what it was asked to draw.
#[derive(Default)]
struct Bounded {
    svg: SVGWriter,
    bounds: Bounds,
}

impl RenderBackend for Bounded {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
        clip: Option<ClipHandle>,
    ) {
        self.bounds.add(xy.x, xy.y);
        self.bounds.add(xy.x + size.x, xy.y + size.y);
        self.svg.draw_rect(xy, size, look, properties, clip);
    }

    fn draw_line(
        &mut self,
        start: Point,
        stop: Point,
        look: &StyleAttr,
        properties: Option<String>,
    ) {
        self.bounds.add(start.x, start.y);
        self.bounds.add(stop.x, stop.y);
        self.svg.draw_line(start, stop, look, properties);
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
    ) {
        self.bounds
            .add_box(xy, Point::new(size.x / 2.0, size.y / 2.0));
        self.svg.draw_circle(xy, size, look, properties);
    }

    fn draw_text(&mut self, xy: Point, text: &str, look: &StyleAttr) {
        let font = look.font_size as f64;
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
        let lines = text.lines().count().max(1) as f64;
        self.bounds.add_box(
            xy,
            Point::new(widest * font * 0.3, lines * font * 0.6 + font),
        );
        self.svg.draw_text(xy, text, look);
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        look: &StyleAttr,
        properties: Option<String>,
        text: &str,
    ) {
        for (a, b) in path {
            self.bounds.add(a.x, a.y);
            self.bounds.add(b.x, b.y);
        }
        self.svg
            .draw_arrow(path, dashed, head, look, properties, text);
    }

    fn create_clip(&mut self, xy: Point, size: Point, rounded_px: usize) -> ClipHandle {
        self.svg.create_clip(xy, size, rounded_px)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_diagrams_are_cut_to_their_most_connected_part() {
        use crate::diagram::{DiagramEdge, DiagramLayout, DiagramNode};
        use crate::model::Entity;
        let entities: Vec<Entity> = (0..70)
            .map(|i| {
                Entity::new(
                    format!("country:C{i:02}"),
                    EntityKind::Country,
                    format!("C{i}"),
                )
            })
            .collect();
        let edge = |s: usize, t: usize, count: usize| DiagramEdge {
            source: entities[s].id.clone(),
            target: entities[t].id.clone(),
            kind: EdgeKind::Event(EventKind::Pledge),
            count,
            label: String::new(),
            tooltip: String::new(),
            inside_cluster: false,
        };
        // A star around actor 69 (the focus, lightest of all), and a ring where
        // actor i has weight growing with i.
        let mut edges: Vec<DiagramEdge> = (0..69).map(|i| edge(69, i, 1)).collect();
        edges.extend((0..69).map(|i| edge(i, (i + 1) % 69, i + 1)));
        edges.extend((0..69).map(|i| edge(i, (i + 2) % 69, 1)));
        let d = Diagram {
            nodes: entities
                .iter()
                .enumerate()
                .map(|(i, e)| DiagramNode {
                    entity: e,
                    label: e.name.clone(),
                    focus: i == 69,
                })
                .collect(),
            edges,
            clusters: Vec::new(),
            boxed: false,
            layout: DiagramLayout::Layered,
            title: "Pledges".into(),
            legend_entities: Vec::new(),
            legend_edges: Vec::new(),
            event_count: 0,
        };
        let cut = trim(&d).expect("70 actors and 207 edges are too many");
        assert_eq!(cut.nodes.len(), MAX_ACTORS);
        assert!(cut.nodes.iter().any(|n| n.focus), "the focus stays");
        assert!(cut.edges.len() <= MAX_EDGES && !cut.edges.is_empty());
        let kept: Vec<&str> = cut.nodes.iter().map(|n| n.entity.id.as_str()).collect();
        assert!(cut
            .edges
            .iter()
            .all(|e| kept.contains(&e.source.as_str()) && kept.contains(&e.target.as_str())));
        // The heaviest ring actors stay, the lightest go.
        assert!(kept.contains(&"country:C67") && !kept.contains(&"country:C01"));
        assert!(
            cut.title.contains("40 most connected of 70"),
            "{}",
            cut.title
        );
        assert!(trim(&cut).is_none(), "a cut diagram is small enough");
    }

    #[test]
    fn bounds_cover_what_is_drawn() {
        let mut b = Bounds::default();
        b.add_box(Point::new(10.0, 20.0), Point::new(5.0, 2.0));
        b.add(f64::NAN, 3.0);
        b.add(-1.0, 40.0);
        assert_eq!((b.min, b.max), ((-1.0, 18.0), (15.0, 40.0)));
    }
}
