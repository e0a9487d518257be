//! The knowledge graph: one node per actor across all documents, one edge per
//! (event, target), plus role and membership links.
//!
//! This is the only module that names petgraph. Node and edge indices never leave
//! it: everything outside speaks in entity ids (`country:UKR`) and event ids. An
//! event with no target is still stored (and queryable); its edge is a self-loop
//! flagged untargeted, which diagrams hide. Merging is by canonical id: entities
//! merge aliases and attributes, the same event read in several documents keeps
//! one record with several evidences, and re-adding an unchanged document is a no-op.

use crate::extract::Extraction;
use crate::model::{Document, DocumentMeta, Entity, EntityKind, Event, EventKind};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::Direction;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

/// A non-event link between two entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// A person holds a role for a country or organization.
    Role,
    /// A country is a member of an organization.
    Member,
}

impl LinkKind {
    /// The lowercase name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Role => "role",
            LinkKind::Member => "member",
        }
    }
}

/// A role or membership link, by entity ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Link {
    /// Source entity id (the person, or the member country).
    pub from: String,
    /// Target entity id (the country or organization).
    pub to: String,
    /// What the link is.
    pub kind: LinkKind,
    /// Role title, for role links.
    #[serde(default)]
    pub role: Option<String>,
}

/// What an edge of the graph carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeData {
    /// One target of an event (or a self-loop for an event with no target).
    Event {
        /// The event id.
        event: String,
        /// The event has no target: this edge is a self-loop.
        untargeted: bool,
    },
    /// A role or membership link.
    Link(Link),
}

/// The knowledge graph over petgraph's `StableDiGraph`.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, EdgeData>,
    nodes: HashMap<String, NodeIndex>,
    events: BTreeMap<String, Event>,
    links: BTreeSet<Link>,
    documents: BTreeMap<String, DocumentMeta>,
}

/// One edge as seen from outside: endpoints by id, and what it carries.
#[derive(Clone, Debug)]
pub struct EdgeView<'g> {
    /// Source entity.
    pub source: &'g Entity,
    /// Target entity.
    pub target: &'g Entity,
    /// The event, for event edges.
    pub event: Option<&'g Event>,
    /// The link, for role and membership edges.
    pub link: Option<&'g Link>,
    /// An untargeted event's self-loop.
    pub untargeted: bool,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// Adds what was extracted from a document. Returns false when the document was
    /// already in the graph unchanged (nothing is done then). A changed document
    /// replaces its earlier version.
    pub fn add_extraction(&mut self, doc: &Document, ex: &Extraction) -> bool {
        let meta = doc.meta();
        if let Some(old) = self.documents.get(&meta.id) {
            if old.digest == meta.digest {
                return false;
            }
            self.forget_document(&meta.id);
        }
        self.documents.insert(meta.id.clone(), meta);
        for e in &ex.entities {
            self.upsert_entity(e.clone());
        }
        for l in &ex.links {
            self.add_link(l.clone());
        }
        for ev in &ex.events {
            self.add_event(ev.clone());
        }
        true
    }

    /// Adds (or merges) an entity and returns its node.
    fn upsert_entity(&mut self, e: Entity) -> NodeIndex {
        if let Some(&n) = self.nodes.get(&e.id) {
            self.graph[n].merge(&e);
            return n;
        }
        let id = e.id.clone();
        let n = self.graph.add_node(e);
        self.nodes.insert(id, n);
        n
    }

    /// Adds a role or membership link between two known entities.
    pub fn add_link(&mut self, link: Link) {
        let (Some(&a), Some(&b)) = (self.nodes.get(&link.from), self.nodes.get(&link.to)) else {
            return;
        };
        if self.links.insert(link.clone()) {
            self.graph.add_edge(a, b, EdgeData::Link(link));
        }
    }

    /// Adds an event, merging its evidence into an existing event with the same id.
    pub fn add_event(&mut self, ev: Event) {
        if let Some(old) = self.events.get_mut(&ev.id) {
            for e in ev.evidence {
                if !old.evidence.contains(&e) {
                    old.evidence.push(e);
                }
            }
            old.evidence.sort();
            return;
        }
        let Some(&actor) = self.nodes.get(&ev.actor) else {
            return;
        };
        let targets: Vec<NodeIndex> = ev
            .targets
            .iter()
            .filter_map(|t| self.nodes.get(t).copied())
            .collect();
        if targets.is_empty() {
            self.graph.add_edge(
                actor,
                actor,
                EdgeData::Event {
                    event: ev.id.clone(),
                    untargeted: true,
                },
            );
        }
        for t in targets {
            self.graph.add_edge(
                actor,
                t,
                EdgeData::Event {
                    event: ev.id.clone(),
                    untargeted: false,
                },
            );
        }
        self.events.insert(ev.id.clone(), ev);
    }

    /// Removes a document: its evidence, every event left without evidence, and every
    /// entity left with no edge. Returns false if the document was not there.
    pub fn forget_document(&mut self, doc: &str) -> bool {
        if self.documents.remove(doc).is_none() {
            return false;
        }
        let mut dead = Vec::new();
        for (id, ev) in self.events.iter_mut() {
            ev.evidence.retain(|e| e.doc != doc);
            if ev.evidence.is_empty() {
                dead.push(id.clone());
            }
        }
        let dead: BTreeSet<String> = dead.into_iter().collect();
        for id in &dead {
            self.events.remove(id);
        }
        let edges: Vec<EdgeIndex> = self
            .graph
            .edge_indices()
            .filter(|&e| matches!(&self.graph[e], EdgeData::Event { event, .. } if dead.contains(event)))
            .collect();
        for e in edges {
            self.graph.remove_edge(e);
        }
        // Entities that no longer take part in any event go, with their links.
        let lonely: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| {
                !self
                    .graph
                    .edges_directed(n, Direction::Outgoing)
                    .chain(self.graph.edges_directed(n, Direction::Incoming))
                    .any(|e| matches!(e.weight(), EdgeData::Event { .. }))
            })
            .collect();
        for n in lonely {
            let id = self.graph[n].id.clone();
            self.graph.remove_node(n);
            self.nodes.remove(&id);
            self.links.retain(|l| l.from != id && l.to != id);
        }
        true
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of events.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// All entities, sorted by id.
    pub fn entities(&self) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.nodes.get(id).map(|&n| &self.graph[n])
    }

    /// Entities named by `query` (canonical name, alias or id, case-insensitively).
    pub fn find_entities(&self, query: &str) -> Vec<&Entity> {
        self.entities()
            .into_iter()
            .filter(|e| e.is_named(query))
            .collect()
    }

    /// All events, sorted by id.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.values()
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.get(id)
    }

    /// All role and membership links.
    pub fn links(&self) -> impl Iterator<Item = &Link> {
        self.links.iter()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&DocumentMeta> {
        self.documents.get(id)
    }

    /// All documents, sorted by id.
    pub fn documents(&self) -> impl Iterator<Item = &DocumentMeta> {
        self.documents.values()
    }

    /// Every edge, in a deterministic order (by source id, target id, then content).
    pub fn edges(&self) -> Vec<EdgeView<'_>> {
        let mut out: Vec<EdgeView> = self
            .graph
            .edge_indices()
            .filter_map(|ix| {
                let (a, b) = self.graph.edge_endpoints(ix)?;
                Some((a, b, &self.graph[ix]))
            })
            .map(|(src, dst, weight)| {
                let source = &self.graph[src];
                let target = &self.graph[dst];
                match weight {
                    EdgeData::Event { event, untargeted } => EdgeView {
                        source,
                        target,
                        event: self.events.get(event),
                        link: None,
                        untargeted: *untargeted,
                    },
                    EdgeData::Link(l) => EdgeView {
                        source,
                        target,
                        event: None,
                        link: Some(l),
                        untargeted: false,
                    },
                }
            })
            .collect();
        out.sort_by(|a, b| {
            (a.source.id.as_str(), a.target.id.as_str(), edge_key(a)).cmp(&(
                b.source.id.as_str(),
                b.target.id.as_str(),
                edge_key(b),
            ))
        });
        out
    }

    /// Ids of the entities within `depth` steps of any entity in `seeds`, ignoring
    /// edge direction and untargeted self-loops.
    pub fn neighbourhood(&self, seeds: &[&str], depth: usize) -> BTreeSet<String> {
        let mut seen: BTreeSet<NodeIndex> = BTreeSet::new();
        let mut queue: VecDeque<(NodeIndex, usize)> = VecDeque::new();
        for s in seeds {
            if let Some(&n) = self.nodes.get(*s) {
                if seen.insert(n) {
                    queue.push_back((n, 0));
                }
            }
        }
        while let Some((n, d)) = queue.pop_front() {
            if d >= depth {
                continue;
            }
            let next = self
                .graph
                .neighbors_directed(n, Direction::Outgoing)
                .chain(self.graph.neighbors_directed(n, Direction::Incoming));
            for m in next {
                if seen.insert(m) {
                    queue.push_back((m, d + 1));
                }
            }
        }
        seen.into_iter().map(|n| self.graph[n].id.clone()).collect()
    }

    /// Entities of a kind, sorted by name.
    pub fn entities_of_kind(&self, kind: Option<EntityKind>) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self
            .graph
            .node_weights()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .collect();
        v.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        v
    }

    /// Events of a kind involving an entity as actor (`outgoing`) or target.
    pub fn events_of(&self, entity: &str, kind: EventKind, outgoing: bool) -> Vec<&Event> {
        self.events
            .values()
            .filter(|e| e.kind == kind)
            .filter(|e| {
                if outgoing {
                    e.actor == entity
                } else {
                    e.targets.iter().any(|t| t == entity)
                }
            })
            .collect()
    }

    /// Rebuilds a graph from stored parts (used by the store).
    pub fn from_parts(
        documents: Vec<DocumentMeta>,
        entities: Vec<Entity>,
        events: Vec<Event>,
        links: Vec<Link>,
    ) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for d in documents {
            g.documents.insert(d.id.clone(), d);
        }
        for e in entities {
            g.upsert_entity(e);
        }
        for l in links {
            g.add_link(l);
        }
        for ev in events {
            g.add_event(ev);
        }
        g
    }
}

fn edge_key<'a>(e: &EdgeView<'a>) -> (&'a str, &'a str) {
    match (e.event, e.link) {
        (Some(ev), _) => (ev.kind.as_str(), ev.id.as_str()),
        (None, Some(l)) => (l.kind.as_str(), ""),
        _ => ("", ""),
    }
}
