//! The knowledge graph: one node per actor across all documents, one edge per
//! (event, target), plus role and membership links.
//!
//! This is the only module that names petgraph. Node and edge indices never leave
//! it: everything outside speaks in entity ids (`country:UKR`) and event ids. An
//! event with no target is still stored (and queryable); its edge is a self-loop
//! flagged untargeted, which diagrams hide.
//!
//! # Merging across documents
//!
//! Entities merge by canonical id (aliases and attributes are combined). Events merge
//! in two layers. A *report* is one document's account of an event, exactly as
//! extraction gave it; reports are what the store keeps. The *events* that queries
//! and exports see are derived from the reports: reports with the same kind, actor,
//! targets (as a set) and negation, dated within [`SAME_EVENT_DAYS`] of the first
//! report, whose objects match (the normalized `what` of a pledge; overlapping quotes
//! or sentences otherwise) are one event with several evidences.
//!
//! The grouping is a function of the *set* of reports, never of the order they came
//! in: within a group, reports are taken in (date, document, id) order and each joins
//! the oldest open event whose first report it matches. So ingesting documents in any
//! order, merging stores as a tree, or forgetting a document and re-adding it all give
//! the same events. Regrouping is lazy: changes mark their groups dirty and
//! [`KnowledgeGraph::settle`] regroups only those (public mutators settle before they
//! return).

use crate::extract::Extraction;
use crate::model::{
    day_number, fold_name, stable_hash, Document, DocumentMeta, Entity, EntityKind, Event,
    EventKind,
};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::Direction;
use rayon::prelude::*;
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

/// Reports dated at most this many days after an event's first report can be the same
/// event ("close date"); later ones start a new event.
pub const SAME_EVENT_DAYS: i64 = 3;

/// Two texts whose word-trigram sets overlap by at least this share of the smaller one
/// tell the same thing (a quote reported twice, a sentence copied by another outlet).
const TEXT_OVERLAP: f64 = 0.5;

/// What reports must share to be one event before dates and objects are compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct GroupKey {
    kind: EventKind,
    actor: String,
    /// Sorted, without duplicates: target order is an accident of wording.
    targets: Vec<String>,
    negated: bool,
}

impl GroupKey {
    fn of(ev: &Event) -> GroupKey {
        let mut targets = ev.targets.clone();
        targets.sort();
        targets.dedup();
        GroupKey {
            kind: ev.kind,
            actor: ev.actor.clone(),
            targets,
            negated: ev.modality.negated,
        }
    }
}

/// A report is keyed by (document id, event id as extracted).
type ReportKey = (String, String);

/// The knowledge graph over petgraph's `StableDiGraph`.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, EdgeData>,
    nodes: HashMap<String, NodeIndex>,
    /// Folded names and aliases (and `#`-prefixed lowercase ids) -> entity ids.
    names: HashMap<String, BTreeSet<String>>,
    /// Entity id -> number of documents that mention it.
    mentions: HashMap<String, usize>,
    /// Every document's account of every event: the ground truth events derive from.
    reports: BTreeMap<ReportKey, Event>,
    /// Reports by group.
    groups: HashMap<GroupKey, BTreeSet<ReportKey>>,
    /// Derived events by group.
    group_events: HashMap<GroupKey, Vec<String>>,
    /// Derived events, by id.
    events: BTreeMap<String, Event>,
    /// The edges that carry each derived event.
    event_edges: HashMap<String, Vec<EdgeIndex>>,
    links: BTreeSet<Link>,
    documents: BTreeMap<String, DocumentMeta>,
    /// Groups whose reports changed since the last [`KnowledgeGraph::settle`].
    dirty: BTreeSet<GroupKey>,
    /// Entities that may have lost their last document or event.
    orphans: BTreeSet<String>,
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
        let added = self.add_extraction_unsettled(doc, ex);
        self.settle();
        added
    }

    /// Adds many extractions, regrouping events once at the end (much faster than
    /// one [`KnowledgeGraph::add_extraction`] per document). Returns how many
    /// documents were new or changed.
    pub fn add_extractions<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a Document, &'a Extraction)>,
    ) -> usize {
        let added = items
            .into_iter()
            .filter(|(d, x)| self.add_extraction_unsettled(d, x))
            .count();
        self.settle();
        added
    }

    /// Is this document in the graph with exactly this text digest?
    pub fn has_document(&self, id: &str, digest: &str) -> bool {
        self.documents.get(id).is_some_and(|d| d.digest == digest)
    }

    /// [`KnowledgeGraph::add_extraction`] without regrouping: the caller must
    /// [`KnowledgeGraph::settle`] before reading events.
    pub(crate) fn add_extraction_unsettled(&mut self, doc: &Document, ex: &Extraction) -> bool {
        let mut meta = doc.meta();
        if self.has_document(&meta.id, &meta.digest) {
            return false;
        }
        self.drop_document(&meta.id);
        let mut ids: Vec<String> = ex.entities.iter().map(|e| e.id.clone()).collect();
        ids.sort();
        ids.dedup();
        meta.entities = ids;
        self.insert_document(meta);
        for e in &ex.entities {
            self.upsert_entity(e.clone());
        }
        for l in &ex.links {
            self.add_link(l.clone());
        }
        for ev in &ex.events {
            self.add_report(ev.clone());
        }
        true
    }

    fn insert_document(&mut self, meta: DocumentMeta) {
        for id in &meta.entities {
            *self.mentions.entry(id.clone()).or_default() += 1;
        }
        self.documents.insert(meta.id.clone(), meta);
    }

    /// Adds (or merges) an entity and returns its node.
    fn upsert_entity(&mut self, e: Entity) -> NodeIndex {
        let n = match self.nodes.get(&e.id) {
            Some(&n) => {
                self.graph[n].merge(&e);
                n
            }
            None => {
                let id = e.id.clone();
                let n = self.graph.add_node(e);
                self.nodes.insert(id, n);
                n
            }
        };
        let ent = &self.graph[n];
        for key in name_keys(ent) {
            self.names.entry(key).or_default().insert(ent.id.clone());
        }
        n
    }

    fn remove_entity(&mut self, id: &str) {
        let Some(n) = self.nodes.remove(id) else {
            return;
        };
        if let Some(ent) = self.graph.remove_node(n) {
            for key in name_keys(&ent) {
                if let Some(set) = self.names.get_mut(&key) {
                    set.remove(id);
                    if set.is_empty() {
                        self.names.remove(&key);
                    }
                }
            }
        }
        self.links.retain(|l| l.from != id && l.to != id);
        self.mentions.remove(id);
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

    /// Adds one document's report of an event (its evidence names the document), and
    /// regroups: it becomes a new event or one more evidence of an existing one.
    pub fn add_event(&mut self, ev: Event) {
        self.add_report(ev);
        self.settle();
    }

    /// Files a report under each document its evidence names (one report per document).
    fn add_report(&mut self, ev: Event) {
        let mut by_doc: BTreeMap<String, Vec<crate::model::Evidence>> = BTreeMap::new();
        for e in &ev.evidence {
            by_doc.entry(e.doc.clone()).or_default().push(e.clone());
        }
        let group = GroupKey::of(&ev);
        for (doc, mut evidence) in by_doc {
            let key = (doc, ev.id.clone());
            match self.reports.get_mut(&key) {
                Some(old) => {
                    old.evidence.append(&mut evidence);
                    old.evidence.sort();
                    old.evidence.dedup();
                }
                None => {
                    evidence.sort();
                    evidence.dedup();
                    let report = Event {
                        evidence,
                        ..ev.clone()
                    };
                    self.reports.insert(key.clone(), report);
                    self.groups.entry(group.clone()).or_default().insert(key);
                }
            }
        }
        self.dirty.insert(group);
    }

    /// Removes a document's metadata and reports (events are regrouped at the next
    /// settle; entities it alone mentioned become candidates for removal).
    fn drop_document(&mut self, doc: &str) -> bool {
        let Some(meta) = self.documents.remove(doc) else {
            return false;
        };
        for id in meta.entities {
            if let Some(n) = self.mentions.get_mut(&id) {
                *n = n.saturating_sub(1);
            }
            self.orphans.insert(id);
        }
        let keys: Vec<ReportKey> = self
            .reports
            .range((doc.to_string(), String::new())..)
            .take_while(|(k, _)| k.0 == doc)
            .map(|(k, _)| k.clone())
            .collect();
        for key in keys {
            let Some(report) = self.reports.remove(&key) else {
                continue;
            };
            let group = GroupKey::of(&report);
            if let Some(set) = self.groups.get_mut(&group) {
                set.remove(&key);
                if set.is_empty() {
                    self.groups.remove(&group);
                }
            }
            self.orphans.insert(report.actor.clone());
            self.orphans.extend(report.targets.iter().cloned());
            self.dirty.insert(group);
        }
        true
    }

    /// Removes a document: its evidence, every event left without evidence, and every
    /// entity that no remaining document mentions and no event involves. Returns false
    /// if the document was not there.
    pub fn forget_document(&mut self, doc: &str) -> bool {
        let found = self.drop_document(doc);
        self.settle();
        found
    }

    /// Brings the derived events up to date with the reports: regroups every group
    /// that changed, then removes entities left with no document and no event.
    /// Public mutators call this themselves; it is a no-op when nothing changed.
    pub fn settle(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        for g in &dirty {
            for id in self.group_events.remove(g).unwrap_or_default() {
                self.remove_event(&id);
            }
        }
        let work: Vec<(&GroupKey, Vec<&Event>)> = dirty
            .iter()
            .filter_map(|g| {
                let keys = self.groups.get(g)?;
                Some((g, keys.iter().filter_map(|k| self.reports.get(k)).collect()))
            })
            .collect();
        let merged: Vec<(GroupKey, Vec<Event>)> = work
            .into_par_iter()
            .map(|(g, reports)| (g.clone(), merge_reports(reports)))
            .collect();
        for (g, events) in merged {
            let mut ids = Vec::with_capacity(events.len());
            for ev in events {
                if let Some(id) = self.insert_event(ev) {
                    ids.push(id);
                }
            }
            if !ids.is_empty() {
                self.group_events.insert(g, ids);
            }
        }
        let orphans = std::mem::take(&mut self.orphans);
        for id in orphans {
            if self.mentions.get(&id).copied().unwrap_or(0) > 0 {
                continue;
            }
            let Some(&n) = self.nodes.get(&id) else {
                continue;
            };
            let in_event = self
                .graph
                .edges_directed(n, Direction::Outgoing)
                .chain(self.graph.edges_directed(n, Direction::Incoming))
                .any(|e| matches!(e.weight(), EdgeData::Event { .. }));
            if !in_event {
                self.remove_entity(&id);
            }
        }
    }

    /// Inserts a derived event with its edges; returns its id (None when its actor is
    /// not a known entity).
    fn insert_event(&mut self, ev: Event) -> Option<String> {
        let actor = *self.nodes.get(&ev.actor)?;
        let mut targets: Vec<NodeIndex> = ev
            .targets
            .iter()
            .filter_map(|t| self.nodes.get(t).copied())
            .collect();
        targets.dedup();
        let mut edges = Vec::with_capacity(targets.len().max(1));
        if targets.is_empty() {
            edges.push(self.graph.add_edge(
                actor,
                actor,
                EdgeData::Event {
                    event: ev.id.clone(),
                    untargeted: true,
                },
            ));
        }
        for t in targets {
            edges.push(self.graph.add_edge(
                actor,
                t,
                EdgeData::Event {
                    event: ev.id.clone(),
                    untargeted: false,
                },
            ));
        }
        let id = ev.id.clone();
        self.event_edges.insert(id.clone(), edges);
        self.events.insert(id.clone(), ev);
        Some(id)
    }

    fn remove_event(&mut self, id: &str) {
        self.events.remove(id);
        for e in self.event_edges.remove(id).unwrap_or_default() {
            self.graph.remove_edge(e);
        }
    }

    /// Adds everything of `other` into this graph, with the same entity and event
    /// merging as ingest. A document present in both is taken from `other` (its
    /// reports replace ours), so merging shards as a tree gives the same graph in any
    /// grouping: merge(a, merge(b, c)) == merge(merge(a, b), c).
    pub fn merge(&mut self, other: &KnowledgeGraph) {
        for id in other.documents.keys() {
            self.drop_document(id);
        }
        for meta in other.documents.values() {
            self.insert_document(meta.clone());
        }
        for e in other.entities() {
            self.upsert_entity(e.clone());
        }
        for l in &other.links {
            self.add_link(l.clone());
        }
        for r in other.reports.values() {
            self.add_report(r.clone());
        }
        self.settle();
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of events (after merging reports of the same event).
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// Number of reports: one per document per event it reports.
    pub fn report_count(&self) -> usize {
        self.reports.len()
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

    /// Ids of the entities named by `query` (canonical name, alias or id,
    /// case-insensitively), sorted; answered from an index, not a scan.
    pub fn entity_ids_named(&self, query: &str) -> BTreeSet<&str> {
        let mut out = BTreeSet::new();
        let folded = fold_name(query);
        if folded.is_empty() {
            return out;
        }
        for key in [folded, format!("#{}", query.trim().to_lowercase())] {
            if let Some(ids) = self.names.get(&key) {
                for id in ids {
                    if let Some((k, _)) = self.nodes.get_key_value(id) {
                        out.insert(k.as_str());
                    }
                }
            }
        }
        out
    }

    /// Entities named by `query` (canonical name, alias or id, case-insensitively),
    /// sorted by id.
    pub fn find_entities(&self, query: &str) -> Vec<&Entity> {
        self.entity_ids_named(query)
            .into_iter()
            .filter_map(|id| self.entity(id))
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

    /// Every document's report of every event, sorted by (document, id): what the
    /// store keeps, and what events are derived from.
    pub fn reports(&self) -> impl Iterator<Item = &Event> {
        self.reports.values()
    }

    /// All role and membership links.
    pub fn links(&self) -> impl Iterator<Item = &Link> {
        self.links.iter()
    }

    /// All documents, sorted by id.
    pub fn documents(&self) -> impl Iterator<Item = &DocumentMeta> {
        self.documents.values()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&DocumentMeta> {
        self.documents.get(id)
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

    /// Events whose actor (`outgoing`) or one of whose targets is one of `ids`,
    /// found through the graph's edges (an index: no scan of all events). Sorted by
    /// event id, without duplicates.
    pub fn events_touching(&self, ids: &BTreeSet<&str>, outgoing: bool) -> Vec<&Event> {
        let dir = if outgoing {
            Direction::Outgoing
        } else {
            Direction::Incoming
        };
        let mut out: Vec<&Event> = Vec::new();
        for id in ids {
            let Some(&n) = self.nodes.get(*id) else {
                continue;
            };
            for e in self.graph.edges_directed(n, dir) {
                if let EdgeData::Event { event, untargeted } = e.weight() {
                    // An untargeted self-loop is the actor's, not a target's.
                    if *untargeted && !outgoing {
                        continue;
                    }
                    if let Some(ev) = self.events.get(event) {
                        out.push(ev);
                    }
                }
            }
        }
        out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        out.dedup_by(|a, b| a.id == b.id);
        out
    }

    /// Events of a kind involving an entity as actor (`outgoing`) or target.
    pub fn events_of(&self, entity: &str, kind: EventKind, outgoing: bool) -> Vec<&Event> {
        let ids: BTreeSet<&str> = [entity].into_iter().collect();
        self.events_touching(&ids, outgoing)
            .into_iter()
            .filter(|e| e.kind == kind)
            .collect()
    }

    /// Rebuilds a graph from stored parts (used by the store). `reports` are
    /// documents' reports of events; an event with evidence from several documents
    /// is split into one report per document.
    pub fn from_parts(
        documents: Vec<DocumentMeta>,
        entities: Vec<Entity>,
        reports: Vec<Event>,
        links: Vec<Link>,
    ) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for d in documents {
            g.insert_document(d);
        }
        for e in entities {
            g.upsert_entity(e);
        }
        for l in links {
            g.add_link(l);
        }
        for r in reports {
            g.add_report(r);
        }
        g.orphans.clear();
        g.settle();
        g
    }
}

/// The keys under which an entity is found by name: folded name and aliases, and the
/// `#`-prefixed lowercase id (fold_name never yields `#`).
fn name_keys(e: &Entity) -> Vec<String> {
    let mut keys: Vec<String> = std::iter::once(&e.name)
        .chain(e.aliases.iter())
        .map(|n| fold_name(n))
        .filter(|k| !k.is_empty())
        .collect();
    keys.push(format!("#{}", e.id.to_lowercase()));
    keys
}

/// What a report's object is, for telling whether two reports tell the same event.
enum Object {
    /// A pledge's normalized `what`.
    What(String),
    /// Word-trigram hashes (sorted, unique) of the quote, if any, and of the sentences.
    Text {
        quote: Option<Vec<u64>>,
        sentence: Vec<u64>,
    },
}

impl Object {
    fn of(ev: &Event) -> Object {
        if ev.kind == EventKind::Pledge {
            let what = normalize_what(ev.what.as_deref().unwrap_or(""));
            if !what.is_empty() {
                return Object::What(what);
            }
        }
        let quote = ev.quote.as_deref().map(trigrams).filter(|q| !q.is_empty());
        let sentences: Vec<&str> = ev.evidence.iter().map(|e| e.sentence.as_str()).collect();
        Object::Text {
            quote,
            sentence: trigrams(&sentences.join(" ")),
        }
    }

    fn matches(&self, other: &Object) -> bool {
        match (self, other) {
            (Object::What(a), Object::What(b)) => a == b,
            (
                Object::Text {
                    quote: qa,
                    sentence: sa,
                },
                Object::Text {
                    quote: qb,
                    sentence: sb,
                },
            ) => match (qa, qb) {
                (Some(a), Some(b)) => overlap(a, b) >= TEXT_OVERLAP,
                _ => overlap(sa, sb) >= TEXT_OVERLAP,
            },
            _ => false,
        }
    }
}

/// A pledge's object for comparison: lowercase words, without articles, possessives
/// and punctuation ("its $500 million" and "$500 Million" are the same).
fn normalize_what(what: &str) -> String {
    const SKIP: &[&str] = &[
        "a", "an", "the", "its", "their", "his", "her", "our", "to", "of", "for",
    ];
    words(what)
        .filter(|w| !SKIP.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Hashes of the word trigrams of a text (of the whole text when shorter).
fn trigrams(text: &str) -> Vec<u64> {
    let w: Vec<String> = words(text).collect();
    let mut out: Vec<u64> = if w.len() < 3 {
        if w.is_empty() {
            Vec::new()
        } else {
            vec![stable_hash(
                &w.iter().map(String::as_str).collect::<Vec<_>>(),
            )]
        }
    } else {
        w.windows(3)
            .map(|t| stable_hash(&[&t[0], &t[1], &t[2]]))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// |a ∩ b| / min(|a|, |b|) over sorted unique hashes.
fn overlap(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / a.len().min(b.len()) as f64
}

/// Groups one group's reports into events. A function of the set of reports: they
/// are taken in (date, document, id) order, and each joins the oldest open event
/// (first report at most [`SAME_EVENT_DAYS`] earlier) whose first report it matches,
/// or starts a new one. The event is its first report with every member's evidence.
fn merge_reports(mut reports: Vec<&Event>) -> Vec<Event> {
    let day = |e: &Event| e.date.as_deref().and_then(day_number);
    reports.sort_by(|a, b| {
        (day(a), &a.evidence[..].first().map(|e| &e.doc), &a.id).cmp(&(
            day(b),
            &b.evidence[..].first().map(|e| &e.doc),
            &b.id,
        ))
    });
    struct Cluster<'r> {
        day: Option<i64>,
        object: Object,
        members: Vec<&'r Event>,
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    // Clusters before `open` are too old for the current report.
    let mut open = 0;
    for r in reports {
        let d = day(r);
        while open < clusters.len() {
            let c = &clusters[open];
            let stale = match (c.day, d) {
                (None, None) => false,
                (Some(a), Some(b)) => b - a > SAME_EVENT_DAYS,
                _ => true,
            };
            if !stale {
                break;
            }
            open += 1;
        }
        let object = Object::of(r);
        match clusters[open..]
            .iter_mut()
            .find(|c| c.day.is_some() == d.is_some() && c.object.matches(&object))
        {
            Some(c) => c.members.push(r),
            None => clusters.push(Cluster {
                day: d,
                object,
                members: vec![r],
            }),
        }
    }
    let mut used: BTreeSet<String> = BTreeSet::new();
    clusters
        .into_iter()
        .map(|c| {
            let first = c.members[0];
            let mut ev = first.clone();
            if !used.insert(ev.id.clone()) {
                // The same sentence reported again after the window: a distinct id.
                let doc = first.evidence.first().map_or("", |e| e.doc.as_str());
                ev.id = format!("ev:{:016x}", stable_hash(&[&first.id, doc]));
                used.insert(ev.id.clone());
            }
            ev.evidence = c
                .members
                .iter()
                .flat_map(|m| m.evidence.iter().cloned())
                .collect();
            ev.evidence.sort();
            ev.evidence.dedup();
            ev
        })
        .collect()
}

fn edge_key<'a>(e: &EdgeView<'a>) -> (&'a str, &'a str) {
    match (e.event, e.link) {
        (Some(ev), _) => (ev.kind.as_str(), ev.id.as_str()),
        (None, Some(l)) => (l.kind.as_str(), ""),
        _ => ("", ""),
    }
}
