//! The graph as three typed tables — `nodes`, `edges`, `events` — that every tabular
//! export writes: CSV, Parquet, and (as scalar attributes) GraphML and GEXF.
//!
//! One definition of the columns keeps the formats in step: a column added here shows
//! up in pandas, DuckDB, networkx and Gephi alike. Cells are typed (string, integer,
//! float, boolean) and may be null; each writer decides how a null looks (an empty
//! CSV field, a Parquet null, an omitted GraphML value). Lists are joined with "; "
//! so every cell is a scalar. Codes (CAMEO) are strings: "010" is not 10.
//!
//! Rows are in the graph's deterministic order: entities by id, edges by (source,
//! target, kind, event), events as given by the caller (a query result).

use crate::graph::{EdgeView, KnowledgeGraph};
use crate::model::{Entity, EntityKind, Event};
use crate::query::EventView;
use std::collections::BTreeSet;

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Str,
    /// A 64-bit signed integer.
    Int,
    /// A 64-bit float.
    Float,
    /// `true` or `false`.
    Bool,
}

/// A column: its name, its type, and whether it may hold nulls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column name (also the attribute name in GraphML/GEXF).
    pub name: String,
    /// What its cells hold.
    pub ty: ColumnType,
    /// Some rows may have no value.
    pub nullable: bool,
}

impl Column {
    fn new(name: &str, ty: ColumnType, nullable: bool) -> Column {
        Column {
            name: name.to_string(),
            ty,
            nullable,
        }
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// Text.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Cell {
    fn opt(s: Option<&str>) -> Cell {
        match s {
            Some(s) => Cell::Str(s.to_string()),
            None => Cell::Null,
        }
    }

    /// Can this cell stand in a column of this type (a null only if nullable)?
    pub fn fits(&self, column: &Column) -> bool {
        match self {
            Cell::Null => column.nullable,
            Cell::Str(_) => column.ty == ColumnType::Str,
            Cell::Int(_) => column.ty == ColumnType::Int,
            Cell::Float(_) => column.ty == ColumnType::Float,
            Cell::Bool(_) => column.ty == ColumnType::Bool,
        }
    }

    fn str(s: &str) -> Cell {
        Cell::Str(s.to_string())
    }

    /// The cell as text: "" for null, `true`/`false`, shortest round-trip floats
    /// (`7.4`, `0.0`).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Str(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => format!("{f:?}"),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// A table: a name (`nodes`, `edges`, `events`), typed columns and rows of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The table name; files are named after it (`nodes.csv`, `nodes.parquet`).
    pub name: &'static str,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The index of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The index of a structural column the table builders always make (`id`,
    /// `name`, `source`, `target`, `kind`, `event`); 0 if absent, which the tests
    /// below rule out.
    pub(crate) fn index(&self, name: &str) -> usize {
        self.column(name).unwrap_or(0)
    }

    /// The first cell that does not fit its column, as (row, column name).
    pub fn misfit(&self) -> Option<(usize, &str)> {
        self.rows.iter().enumerate().find_map(|(r, row)| {
            if row.len() != self.columns.len() {
                return Some((r, "(row length)"));
            }
            let c = self
                .columns
                .iter()
                .zip(row)
                .find(|(c, cell)| !cell.fits(c))?;
            Some((r, c.0.name.as_str()))
        })
    }

    /// Indices of every column but these.
    pub fn columns_except(&self, skip: &[&str]) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&i| !skip.contains(&self.columns[i].name.as_str()))
            .collect()
    }
}

/// Entity attributes that always get a column, in this order; any other attribute
/// seen in the graph gets a column after them, sorted by name.
pub const NODE_ATTRIBUTES: &[&str] = &["role", "country", "org", "parent", "type", "iso2", "iso3"];

/// The nodes table: one row per entity.
///
/// Columns: `id`, `kind`, `name`, `aliases` ("; "-joined), then one string column
/// per attribute ([`NODE_ATTRIBUTES`], then the others seen). `country` and `org`
/// hold entity ids (`country:FRA`, `org:nato`), as in the node-link JSON.
pub fn nodes(graph: &KnowledgeGraph) -> Table {
    let entities = graph.entities();
    let extra: BTreeSet<&str> = entities
        .iter()
        .flat_map(|e| e.attributes.keys().map(String::as_str))
        .filter(|k| !NODE_ATTRIBUTES.contains(k))
        .collect();
    let attributes: Vec<&str> = NODE_ATTRIBUTES.iter().copied().chain(extra).collect();
    let mut columns = vec![
        Column::new("id", ColumnType::Str, false),
        Column::new("kind", ColumnType::Str, false),
        Column::new("name", ColumnType::Str, false),
        Column::new("aliases", ColumnType::Str, false),
    ];
    columns.extend(
        attributes
            .iter()
            .map(|a| Column::new(a, ColumnType::Str, true)),
    );
    let rows = entities
        .iter()
        .map(|e| {
            let mut row = vec![
                Cell::str(&e.id),
                Cell::str(e.kind.as_str()),
                Cell::str(&e.name),
                Cell::Str(join(e.aliases.iter().map(String::as_str))),
            ];
            row.extend(attributes.iter().map(|a| Cell::opt(e.attr(a))));
            row
        })
        .collect();
    Table {
        name: "nodes",
        columns,
        rows,
    }
}

/// The edges table: one row per graph edge (one per event target, a self-loop for
/// an untargeted event, and one per role or membership link).
///
/// `key` is the edge's multigraph key ([`edge_key`]). For links, `kind` is `role` or
/// `member`, `what` is the role title, and the event columns are null.
pub fn edges(graph: &KnowledgeGraph) -> Table {
    use ColumnType::*;
    let columns = vec![
        Column::new("source", Str, false),
        Column::new("target", Str, false),
        Column::new("kind", Str, false),
        Column::new("key", Str, false),
        Column::new("event", Str, true),
        Column::new("what", Str, true),
        Column::new("quote", Str, true),
        Column::new("date", Str, true),
        Column::new("cameo", Str, true),
        Column::new("plover", Str, true),
        Column::new("goldstein", Float, true),
        Column::new("negated", Bool, true),
        Column::new("conditional", Bool, true),
        Column::new("hedged", Bool, true),
        Column::new("future", Bool, true),
        Column::new("untargeted", Bool, false),
        Column::new("documents", Int, false),
    ];
    let mut rows = Vec::new();
    for e in graph.edges() {
        let ends = [Cell::str(&e.source.id), Cell::str(&e.target.id)];
        match (e.event, e.link) {
            (Some(ev), _) => rows.push(
                ends.into_iter()
                    .chain([
                        Cell::str(ev.kind.as_str()),
                        Cell::Str(edge_key(&e)),
                        Cell::str(&ev.id),
                        Cell::opt(ev.what.as_deref()),
                        Cell::opt(ev.quote.as_deref()),
                        Cell::opt(ev.date.as_deref()),
                        Cell::str(&ev.cameo),
                        Cell::str(&ev.plover),
                        Cell::Float(ev.goldstein()),
                        Cell::Bool(ev.modality.negated),
                        Cell::Bool(ev.modality.conditional),
                        Cell::Bool(ev.modality.hedged),
                        Cell::Bool(ev.modality.future),
                        Cell::Bool(e.untargeted),
                        Cell::Int(count(documents(ev).len())),
                    ])
                    .collect(),
            ),
            (None, Some(l)) => rows.push(
                ends.into_iter()
                    .chain([
                        Cell::str(l.kind.as_str()),
                        Cell::Str(edge_key(&e)),
                        Cell::Null,
                        Cell::opt(l.role.as_deref()),
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Null,
                        Cell::Bool(false),
                        Cell::Int(0),
                    ])
                    .collect(),
            ),
            (None, None) => {}
        }
    }
    Table {
        name: "edges",
        columns,
        rows,
    }
}

/// The events table, ICEWS/Phoenix style: one row per event of `views`.
///
/// Columns: `date`, `actor`, `actor_id`, `actor_kind`, `actor_country` (ISO 3166
/// alpha-3: the country itself, or a person's country), `target`/`target_id` (all
/// targets, "; "-joined; empty for an untargeted event), `kind`, `cameo`, `plover`,
/// `goldstein`, `what`, `quote`, the modality flags, `documents` (how many report
/// the event), then the first report: `document`, `url`, `outlet`, `sentence`; and
/// `event_id`.
pub fn events(graph: &KnowledgeGraph, views: &[EventView<'_>]) -> Table {
    use ColumnType::*;
    let columns = vec![
        Column::new("date", Str, true),
        Column::new("date_precision", Str, false),
        Column::new("actor", Str, false),
        Column::new("actor_id", Str, false),
        Column::new("actor_kind", Str, false),
        Column::new("actor_country", Str, true),
        Column::new("target", Str, false),
        Column::new("target_id", Str, false),
        Column::new("kind", Str, false),
        Column::new("cameo", Str, false),
        Column::new("plover", Str, false),
        Column::new("goldstein", Float, false),
        Column::new("what", Str, true),
        Column::new("quote", Str, true),
        Column::new("conditional", Bool, false),
        Column::new("negated", Bool, false),
        Column::new("hedged", Bool, false),
        Column::new("future", Bool, false),
        Column::new("documents", Int, false),
        Column::new("document", Str, true),
        Column::new("url", Str, true),
        Column::new("outlet", Str, true),
        Column::new("sentence", Str, true),
        Column::new("event_id", Str, false),
    ];
    let rows = views
        .iter()
        .map(|v| {
            let ev = v.event;
            let first = ev.evidence.first();
            let doc = first.and_then(|f| graph.document(&f.doc));
            vec![
                Cell::opt(ev.date.as_deref()),
                Cell::str(ev.date_precision.as_str()),
                Cell::str(&v.actor.name),
                Cell::str(&v.actor.id),
                Cell::str(v.actor.kind.as_str()),
                Cell::opt(country_code(graph, v.actor)),
                Cell::Str(join(v.targets.iter().map(|t| t.name.as_str()))),
                Cell::Str(join(v.targets.iter().map(|t| t.id.as_str()))),
                Cell::str(ev.kind.as_str()),
                Cell::str(&ev.cameo),
                Cell::str(&ev.plover),
                Cell::Float(ev.goldstein()),
                Cell::opt(ev.what.as_deref()),
                Cell::opt(ev.quote.as_deref()),
                Cell::Bool(ev.modality.conditional),
                Cell::Bool(ev.modality.negated),
                Cell::Bool(ev.modality.hedged),
                Cell::Bool(ev.modality.future),
                Cell::Int(count(documents(ev).len())),
                Cell::opt(first.map(|f| f.doc.as_str())),
                Cell::opt(doc.and_then(|d| d.url.as_deref())),
                Cell::opt(doc.and_then(|d| d.source.as_deref())),
                Cell::opt(first.map(|f| f.sentence.as_str())),
                Cell::str(&ev.id),
            ]
        })
        .collect();
    Table {
        name: "events",
        columns,
        rows,
    }
}

/// Every event of the graph (firm or not), in query order: what the events tables
/// of a full export hold.
pub fn all_events(graph: &KnowledgeGraph) -> Vec<EventView<'_>> {
    graph.query(&crate::query::EventFilter {
        include_unfirm: true,
        ..crate::query::EventFilter::default()
    })
}

/// The three tables of a full export: nodes, edges, and every event.
pub fn all(graph: &KnowledgeGraph) -> [Table; 3] {
    [
        nodes(graph),
        edges(graph),
        events(graph, &all_events(graph)),
    ]
}

/// The key of an edge among the edges between the same two entities (the networkx
/// multigraph key): the event id for an event edge; `role:TITLE` (or `role`) and
/// `member` for links, so that two roles of one person for one country stay apart.
pub fn edge_key(e: &EdgeView<'_>) -> String {
    match (e.event, e.link) {
        (Some(ev), _) => ev.id.clone(),
        (None, Some(l)) => match &l.role {
            Some(r) => format!("{}:{r}", l.kind.as_str()),
            None => l.kind.as_str().to_string(),
        },
        (None, None) => String::new(),
    }
}

/// The ISO 3166 alpha-3 code of the country an entity is, or that a person (or
/// other entity) belongs to through its `country` attribute.
pub(crate) fn country_code<'g>(graph: &'g KnowledgeGraph, e: &'g Entity) -> Option<&'g str> {
    let own = |c: &'g Entity| c.attr("iso3").or_else(|| c.id.strip_prefix("country:"));
    if e.kind == EntityKind::Country {
        return own(e);
    }
    let id = e.attr("country")?;
    match graph.entity(id) {
        Some(c) => own(c),
        None => id.strip_prefix("country:"),
    }
}

/// The evidence documents of an event, sorted and deduplicated.
pub(crate) fn documents(ev: &Event) -> Vec<&str> {
    let docs: BTreeSet<&str> = ev.evidence.iter().map(|e| e.doc.as_str()).collect();
    docs.into_iter().collect()
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Link, LinkKind};
    use crate::model::{Document, Entity, EntityKind, Event, EventKind, Evidence, Modality};

    /// Two countries, a person with two roles for one of them, and one pledge.
    fn sample() -> KnowledgeGraph {
        let mut fra = Entity::new("country:FRA", EntityKind::Country, "France");
        fra.attributes.insert("iso3".into(), "FRA".into());
        let ukr = Entity::new("country:UKR", EntityKind::Country, "Ukraine");
        let mut p = Entity::new("person:x", EntityKind::Person, "X");
        p.attributes.insert("country".into(), "country:FRA".into());
        p.add_alias("Minister X");
        let doc = Document {
            id: "d1".into(),
            url: Some("https://example.org/d1".into()),
            text: "X said France will send aid to Ukraine.".into(),
            ..Document::default()
        };
        let ev = Event {
            id: "ev:1".into(),
            kind: EventKind::Pledge,
            actor: "country:FRA".into(),
            targets: vec!["country:UKR".into()],
            what: Some("send aid".into()),
            quote: None,
            modality: Modality::default(),
            date: Some("2026-01-02".into()),
            date_precision: crate::model::DatePrecision::Day,
            cameo: "0333".into(),
            plover: "AGREE".into(),
            evidence: vec![Evidence {
                doc: "d1".into(),
                sentence: doc.text.clone(),
                start: 0,
                end: doc.text.len(),
            }],
        };
        let role = |r: &str| Link {
            from: "person:x".into(),
            to: "country:FRA".into(),
            kind: LinkKind::Role,
            role: Some(r.into()),
        };
        KnowledgeGraph::from_parts(
            vec![doc.meta()],
            vec![fra, ukr, p],
            vec![ev],
            vec![role("Foreign Minister"), role("Envoy")],
        )
    }

    #[test]
    fn every_cell_fits_its_column_and_structural_columns_exist() {
        let g = sample();
        let [nodes, edges, events] = all(&g);
        for t in [&nodes, &edges, &events] {
            assert_eq!(t.misfit(), None, "{}", t.name);
        }
        for c in ["id", "name", "kind"] {
            assert!(nodes.column(c).is_some(), "nodes.{c}");
        }
        for c in ["source", "target", "kind", "key", "event"] {
            assert!(edges.column(c).is_some(), "edges.{c}");
        }
        assert_eq!(
            (nodes.rows.len(), edges.rows.len(), events.rows.len()),
            (3, 3, 1)
        );
    }

    #[test]
    fn edge_keys_are_unique_between_two_entities() {
        let g = sample();
        let keys: BTreeSet<(String, String, String)> = g
            .edges()
            .iter()
            .map(|e| (e.source.id.clone(), e.target.id.clone(), edge_key(e)))
            .collect();
        assert_eq!(keys.len(), g.edges().len());
        assert!(keys.contains(&("person:x".into(), "country:FRA".into(), "role:Envoy".into())));
    }

    #[test]
    fn events_carry_codes_country_and_source() {
        let g = sample();
        let t = events(&g, &all_events(&g));
        let row = &t.rows[0];
        let cell = |c: &str| row[t.index(c)].clone();
        assert_eq!(cell("cameo"), Cell::Str("0333".into()));
        assert_eq!(cell("goldstein"), Cell::Float(5.2));
        assert_eq!(cell("actor_country"), Cell::Str("FRA".into()));
        assert_eq!(cell("target"), Cell::Str("Ukraine".into()));
        assert_eq!(cell("url"), Cell::Str("https://example.org/d1".into()));
        assert_eq!(cell("quote"), Cell::Null);
        let person = g.entity("person:x").unwrap();
        assert_eq!(country_code(&g, person), Some("FRA"));
    }
}
