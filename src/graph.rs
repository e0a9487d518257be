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
//! and exports see are derived from the reports by the rules of [`crate::same_event`]:
//! the same kind, actor, targets and negation, a close date and a matching object make
//! several reports one event with several evidences. Derived events are a function of
//! the set of reports, so ingest order, shard merge order, and forgetting then
//! re-adding a document never change them.
//!
//! Regrouping is lazy: changes mark their groups dirty and [`KnowledgeGraph::settle`]
//! regroups only those (public mutators settle before they return; bulk paths settle
//! once at the end).
//!
//! # Indexes
//!
//! Names and aliases map to entity ids (a hash lookup, not a scan), and a query for the
//! events of an entity walks that node's edges: `pledges --to X` reads only the events
//! it may return, whatever the size of the graph.

use crate::extract::Extraction;
use crate::model::{fold_name, Document, DocumentMeta, Entity, EntityKind, Event, EventKind};
use crate::packed::{Name, Packed, PackedOut};
use crate::same_event::{
    events_from_assignment, fresh_ids, members_from_assignment, merge_reports, report_doc,
    GroupKey, MERGE_RULES,
};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, OnceLock};

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

/// Where an event is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum EventAt {
    /// In a group of the graph's own: the group, and the event's position in its
    /// events.
    Group(u32, u32),
    /// In the packed reports of a loaded store, by number.
    Packed(u32),
}

/// What an edge of the graph carries (kept small: there is one per event target).
#[derive(Clone, Debug, PartialEq, Eq)]
enum EdgeData {
    /// One target of an event (or a self-loop for an event with no target).
    Event {
        /// Where the event is.
        at: EventAt,
        /// Its kind, so that queries for one kind skip the others unread.
        kind: EventKind,
        /// The event has no target: this edge is a self-loop.
        untargeted: bool,
    },
    /// A role or membership link.
    Link(Box<Link>),
}

/// The reports of one group, and the events derived from them.
#[derive(Clone, Debug)]
struct Group {
    key: GroupKey,
    /// One per (document, event id as extracted).
    reports: Vec<Arc<Event>>,
    /// For each report, the index of its event in `events`.
    assign: Vec<u32>,
    /// The events derived from `reports` (a single report is shared, not copied);
    /// None for an event whose actor is not an entity of the graph (not shown).
    events: Vec<Option<Arc<Event>>>,
    /// The edges that carry `events`.
    edges: Vec<EdgeIndex>,
}

/// The knowledge graph over petgraph's `StableDiGraph`.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, EdgeData>,
    nodes: HashMap<String, NodeIndex>,
    /// Folded names and aliases (and `#`-prefixed lowercase ids) -> entity ids.
    names: HashMap<String, BTreeSet<String>>,
    /// Entity id -> number of documents that mention it.
    mentions: HashMap<String, usize>,
    /// Every report, by group: the ground truth events derive from.
    groups: Vec<Group>,
    /// Group hash -> groups with that hash (built on the first change after a load).
    group_index: HashMap<u64, Vec<u32>>,
    /// Document id -> groups holding its reports (built with `group_index`).
    doc_groups: HashMap<String, Vec<u32>>,
    /// `group_index` and `doc_groups` are missing (a fresh load: built when needed).
    unindexed: bool,
    /// Number of derived events.
    event_total: usize,
    /// Event id -> where the event is, built on first use after a change.
    by_id: OnceLock<HashMap<String, EventAt>>,
    /// The reports of a loaded binary store, until the first change: events are
    /// decoded from them when first read, and `groups` is empty meanwhile.
    packed: Option<Packed>,
    /// The packed events that are shown (their actor is an entity), in order.
    packed_shown: Vec<u32>,
    /// The packed reports as groups, for readers that need every report (saving,
    /// merging into another graph); made on first use.
    packed_groups: OnceLock<Vec<Group>>,
    links: BTreeSet<Link>,
    documents: BTreeMap<String, DocumentMeta>,
    /// Groups whose reports changed since the last [`KnowledgeGraph::settle`].
    dirty: BTreeSet<u32>,
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
            match self.mentions.get_mut(id) {
                Some(n) => *n += 1,
                None => {
                    self.mentions.insert(id.clone(), 1);
                }
            }
        }
        self.documents.insert(meta.id.clone(), meta);
    }

    /// Adds (or merges) an entity and returns its node.
    fn upsert_entity(&mut self, e: Entity) -> NodeIndex {
        let n = match self.nodes.get(&e.id) {
            Some(&n) => {
                let known = &mut self.graph[n];
                if known.name == e.name
                    && e.aliases.is_subset(&known.aliases)
                    && e.attributes
                        .keys()
                        .all(|k| known.attributes.contains_key(k))
                {
                    return n;
                }
                known.merge(&e);
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
            let ids = self.names.entry(key).or_default();
            if !ids.contains(&ent.id) {
                ids.insert(ent.id.clone());
            }
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
        if !self.links.contains(&link) {
            self.links.insert(link.clone());
            self.graph.add_edge(a, b, EdgeData::Link(Box::new(link)));
        }
    }

    /// Adds one document's report of an event (its evidence names the document), and
    /// regroups: it becomes a new event or one more evidence of an existing one.
    pub fn add_event(&mut self, ev: Event) {
        self.add_report(ev);
        self.settle();
    }

    /// Files a report under each document its evidence names (one report per
    /// document; a report without evidence has no document and is not kept).
    fn add_report(&mut self, ev: Event) {
        let single = ev.evidence.iter().all(|e| e.doc == ev.evidence[0].doc);
        if single {
            if !ev.evidence.is_empty() {
                self.file_report(ev);
            }
            return;
        }
        let mut by_doc: BTreeMap<String, Vec<crate::model::Evidence>> = BTreeMap::new();
        for e in &ev.evidence {
            by_doc.entry(e.doc.clone()).or_default().push(e.clone());
        }
        for evidence in by_doc.into_values() {
            self.file_report(Event {
                evidence,
                ..ev.clone()
            });
        }
    }

    /// Files a report whose evidence is all from one document.
    fn file_report(&mut self, ev: Event) {
        let hash = GroupKey::hash_of(&ev);
        self.file_report_hashed(ev, hash);
    }

    /// [`KnowledgeGraph::file_report`] with the group hash already computed.
    fn file_report_hashed(&mut self, ev: Event, hash: u64) {
        self.ensure_indexed();
        let slot = self.group_index.entry(hash).or_default();
        let gid = match slot
            .iter()
            .copied()
            .find(|&g| self.groups[g as usize].key.holds(&ev))
        {
            Some(g) => g,
            None => {
                let g = self.groups.len() as u32;
                self.groups.push(Group {
                    key: GroupKey::of(&ev),
                    reports: Vec::new(),
                    assign: Vec::new(),
                    events: Vec::new(),
                    edges: Vec::new(),
                });
                slot.push(g);
                g
            }
        };
        let doc = report_doc(&ev);
        match self.doc_groups.get_mut(doc) {
            Some(docs) => {
                if docs.last() != Some(&gid) {
                    docs.push(gid);
                }
            }
            None => {
                self.doc_groups.insert(doc.to_string(), vec![gid]);
            }
        }
        self.groups[gid as usize].reports.push(Arc::new(ev));
        self.dirty.insert(gid);
    }

    /// Removes a document's metadata and reports (events are regrouped at the next
    /// settle; entities it alone mentioned become candidates for removal).
    fn drop_document(&mut self, doc: &str) -> bool {
        let Some(meta) = self.documents.remove(doc) else {
            return false;
        };
        self.ensure_indexed();
        for id in meta.entities {
            if let Some(n) = self.mentions.get_mut(&id) {
                *n = n.saturating_sub(1);
            }
            self.orphans.insert(id);
        }
        let mut gids = self.doc_groups.remove(doc).unwrap_or_default();
        gids.sort_unstable();
        gids.dedup();
        for gid in gids {
            let group = &mut self.groups[gid as usize];
            group.reports.retain(|r| report_doc(r) != doc);
            self.orphans.insert(group.key.actor.clone());
            self.orphans.extend(group.key.targets.iter().cloned());
            self.dirty.insert(gid);
        }
        true
    }

    /// Builds the group and document indexes a loaded graph skipped (unpacking its
    /// reports first): every change to reports starts here.
    fn ensure_indexed(&mut self) {
        if !self.unindexed {
            return;
        }
        self.unpack();
        self.unindexed = false;
        for (gid, g) in self.groups.iter().enumerate() {
            let gid = gid as u32;
            if let Some(first) = g.reports.first() {
                self.group_index
                    .entry(GroupKey::hash_of(first))
                    .or_default()
                    .push(gid);
            }
            for r in &g.reports {
                let doc = report_doc(r);
                match self.doc_groups.get_mut(doc) {
                    Some(v) => {
                        if v.last() != Some(&gid) {
                            v.push(gid);
                        }
                    }
                    None => {
                        self.doc_groups.insert(doc.to_string(), vec![gid]);
                    }
                }
            }
        }
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
        if self.dirty.is_empty() && self.orphans.is_empty() {
            return;
        }
        let dirty: Vec<u32> = std::mem::take(&mut self.dirty).into_iter().collect();
        for &gid in &dirty {
            let group = &mut self.groups[gid as usize];
            self.event_total -= group.events.iter().flatten().count();
            group.events.clear();
            for e in std::mem::take(&mut group.edges) {
                self.graph.remove_edge(e);
            }
            dedup_reports(&mut group.reports);
        }
        self.by_id = OnceLock::new();
        // Grouping, and finding each event's nodes, on all cores.
        let (groups, nodes) = (&self.groups, &self.nodes);
        let merged: Vec<(u32, Vec<u32>, Vec<Placed>)> = dirty
            .par_iter()
            .map(|&gid| {
                let (events, assign) = merge_reports(&groups[gid as usize].reports);
                (gid, assign, place(nodes, events))
            })
            .collect();
        for (gid, assign, placed) in merged {
            self.groups[gid as usize].assign = assign;
            self.install(gid, placed);
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

    /// Adds the edges of a group's new events and installs them.
    fn install(&mut self, gid: u32, placed: Vec<Placed>) {
        let mut edges = Vec::with_capacity(placed.len());
        let mut events = Vec::with_capacity(placed.len());
        for (index, p) in placed.into_iter().enumerate() {
            let Some(actor) = p.actor else {
                events.push(None);
                continue;
            };
            let data = |untargeted| EdgeData::Event {
                at: EventAt::Group(gid, index as u32),
                kind: p.event.kind,
                untargeted,
            };
            if p.targets.is_empty() {
                edges.push(self.graph.add_edge(actor, actor, data(true)));
            }
            for t in p.targets {
                edges.push(self.graph.add_edge(actor, t, data(false)));
            }
            events.push(Some(p.event));
        }
        self.event_total += events.iter().flatten().count();
        let group = &mut self.groups[gid as usize];
        group.events = events;
        group.edges = edges;
    }

    /// The event at `at`.
    fn event_at(&self, at: EventAt) -> Option<&Event> {
        match at {
            EventAt::Group(group, index) => self
                .groups
                .get(group as usize)
                .and_then(|g| g.events.get(index as usize))
                .and_then(|e| e.as_deref()),
            EventAt::Packed(e) => self.packed.as_ref().map(|p| &**p.event(e)),
        }
    }

    /// Decodes (on all cores) the packed events among `at` not decoded yet.
    fn decode(&self, at: impl Iterator<Item = EventAt>) {
        if let Some(p) = &self.packed {
            let list: Vec<u32> = at
                .filter_map(|a| match a {
                    EventAt::Packed(e) => Some(e),
                    EventAt::Group(..) => None,
                })
                .collect();
            p.decode_all(&list);
        }
    }

    /// Every report, by group: the graph's own groups, or those of its packed reports
    /// (decoded on first use).
    fn all_groups(&self) -> &[Group] {
        let Some(p) = &self.packed else {
            return &self.groups;
        };
        self.packed_groups.get_or_init(|| {
            (0..p.group_count())
                .into_par_iter()
                .map(|g| {
                    let (reports, assign, events) = p.group(g);
                    Group {
                        key: GroupKey::of(&reports[0]),
                        reports,
                        assign,
                        events: events.into_iter().map(Some).collect(),
                        edges: Vec::new(),
                    }
                })
                .collect()
        })
    }

    /// Turns packed reports into groups of the graph's own, with their edges: before
    /// the first change to a loaded graph's reports.
    fn unpack(&mut self) {
        let Some(packed) = self.packed.take() else {
            return;
        };
        self.packed_groups = OnceLock::new();
        self.packed_shown = Vec::new();
        self.by_id = OnceLock::new();
        // All edges go and the links come back: removing edges one by one unlinks each
        // from its node's list, quadratic for a node with many events.
        self.graph.clear_edges();
        for l in &self.links {
            if let (Some(&a), Some(&b)) = (self.nodes.get(&l.from), self.nodes.get(&l.to)) {
                self.graph
                    .add_edge(a, b, EdgeData::Link(Box::new(l.clone())));
            }
        }
        self.event_total = 0;
        let nodes = &self.nodes;
        let built: Vec<(Group, Vec<Placed>)> = (0..packed.group_count())
            .into_par_iter()
            .map(|g| {
                let (reports, assign, events) = packed.group(g);
                let group = Group {
                    key: GroupKey::of(&reports[0]),
                    reports,
                    assign,
                    events: Vec::new(),
                    edges: Vec::new(),
                };
                (group, place(nodes, events))
            })
            .collect();
        self.install_groups(built);
    }

    /// Appends built groups and installs their events' edges.
    fn install_groups(&mut self, built: Vec<(Group, Vec<Placed>)>) {
        self.groups.reserve(built.len());
        for (group, placed) in built {
            let gid = self.groups.len() as u32;
            self.groups.push(group);
            self.install(gid, placed);
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
        for g in other.all_groups() {
            for r in &g.reports {
                self.file_report(Event::clone(r));
            }
        }
        self.settle();
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of events (after merging reports of the same event).
    pub fn event_count(&self) -> usize {
        self.event_total
    }

    /// Number of reports: one per document per event it reports.
    pub fn report_count(&self) -> usize {
        match &self.packed {
            Some(p) => p.report_count(),
            None => self.groups.iter().map(|g| g.reports.len()).sum(),
        }
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
        let mut v: Vec<&Event> = match &self.packed {
            Some(p) => {
                p.decode_all(&self.packed_shown);
                self.packed_shown.iter().map(|&e| &**p.event(e)).collect()
            }
            None => self
                .groups
                .iter()
                .flat_map(|g| g.events.iter().flatten().map(|e| &**e))
                .collect(),
        };
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v.into_iter()
    }

    /// The event with this id (an index built on first use after a change).
    pub fn event(&self, id: &str) -> Option<&Event> {
        let index = self.by_id.get_or_init(|| {
            let mut m = HashMap::with_capacity(self.event_total);
            if let Some(p) = &self.packed {
                p.decode_all(&self.packed_shown);
                for &e in &self.packed_shown {
                    m.insert(p.event(e).id.clone(), EventAt::Packed(e));
                }
            }
            for (g, group) in self.groups.iter().enumerate() {
                for (i, e) in group.events.iter().enumerate() {
                    if let Some(e) = e {
                        m.insert(e.id.clone(), EventAt::Group(g as u32, i as u32));
                    }
                }
            }
            m
        });
        self.event_at(*index.get(id)?)
    }

    /// Every document's report of every event, sorted by (document, id): what the
    /// store keeps, and what events are derived from.
    pub fn reports(&self) -> impl Iterator<Item = &Event> {
        let mut v: Vec<&Event> = self
            .all_groups()
            .iter()
            .flat_map(|g| g.reports.iter().map(|r| &**r))
            .collect();
        v.sort_unstable_by(|a, b| (report_doc(a), &a.id).cmp(&(report_doc(b), &b.id)));
        v.into_iter()
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
        if let Some(p) = &self.packed {
            p.decode_all(&self.packed_shown);
        }
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
                    EdgeData::Event { at, untargeted, .. } => EdgeView {
                        source,
                        target,
                        event: self.event_at(*at),
                        link: None,
                        untargeted: *untargeted,
                    },
                    EdgeData::Link(l) => EdgeView {
                        source,
                        target,
                        event: None,
                        link: Some(&**l),
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
        let mut out: Vec<&Event> = self
            .events_touching_where(ids, outgoing, &[], |_, _| true)
            .into_iter()
            .map(|(ev, _)| ev)
            .collect();
        out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// [`KnowledgeGraph::events_touching`] keeping only events of `kinds` (all when
    /// empty) that pass `keep`, each with its actor, in no particular order (the
    /// caller sorts). Kinds are told from the edges, so events of other kinds are not
    /// even read; the actor is the edge's source.
    pub(crate) fn events_touching_where(
        &self,
        ids: &BTreeSet<&str>,
        outgoing: bool,
        kinds: &[EventKind],
        keep: impl Fn(&Event, &Entity) -> bool,
    ) -> Vec<(&Event, &Entity)> {
        let dir = if outgoing {
            Direction::Outgoing
        } else {
            Direction::Incoming
        };
        let mut found: Vec<(EventAt, NodeIndex)> = Vec::new();
        for id in ids {
            let Some(&n) = self.nodes.get(*id) else {
                continue;
            };
            for e in self.graph.edges_directed(n, dir) {
                if let EdgeData::Event {
                    at,
                    kind,
                    untargeted,
                } = e.weight()
                {
                    // An untargeted self-loop is the actor's, not a target's.
                    if (*untargeted && !outgoing) || !(kinds.is_empty() || kinds.contains(kind)) {
                        continue;
                    }
                    found.push((*at, e.source()));
                }
            }
        }
        // An event with several targets is reached once per target edge (outgoing from
        // its actor, or incoming at each target among `ids`).
        found.sort_unstable_by_key(|(at, _)| *at);
        found.dedup_by_key(|(at, _)| *at);
        self.decode(found.iter().map(|(at, _)| *at));
        found
            .into_iter()
            .filter_map(|(at, n)| Some((self.event_at(at)?, &self.graph[n])))
            .filter(|(ev, actor)| keep(ev, actor))
            .collect()
    }

    /// Events of a kind involving an entity as actor (`outgoing`) or target.
    pub fn events_of(&self, entity: &str, kind: EventKind, outgoing: bool) -> Vec<&Event> {
        let ids: BTreeSet<&str> = [entity].into_iter().collect();
        self.events_touching(&ids, outgoing)
            .into_iter()
            .filter(|e| e.kind == kind)
            .collect()
    }

    /// Every report, in the order the binary store keeps them: groups sorted by key,
    /// each group's events in order, each event's reports in order (first the one it
    /// is made from), so that loading them back skips regrouping. A store written
    /// under other merge rules is regrouped on load.
    pub(crate) fn packed_out(&self) -> PackedOut<'_> {
        let mut v: Vec<&Group> = self
            .all_groups()
            .iter()
            .filter(|g| !g.reports.is_empty())
            .collect();
        v.par_sort_unstable_by(|a, b| a.key.cmp(&b.key));
        // Batches of groups on all cores, each laid out flat, then joined.
        let parts: Vec<PackedOut> = v
            .par_chunks(4096)
            .map(|groups| {
                let mut out = PackedOut::default();
                for g in groups {
                    out.groups.push(out.events.len());
                    if let [only] = &g.reports[..] {
                        out.events.push((out.reports.len(), false));
                        out.reports.push(only);
                        continue;
                    }
                    let members = members_from_assignment(&g.reports, &g.assign)
                        .or_else(|| {
                            members_from_assignment(&g.reports, &merge_reports(&g.reports).1)
                        })
                        .unwrap_or_default();
                    let fresh = fresh_ids(&g.reports, &members);
                    for (m, fresh) in members.into_iter().zip(fresh) {
                        out.events.push((out.reports.len(), !fresh));
                        out.reports.extend(m.into_iter().map(|k| &*g.reports[k]));
                    }
                }
                out
            })
            .collect();
        let mut out = PackedOut::default();
        for p in parts {
            let (events, reports) = (out.events.len(), out.reports.len());
            out.groups.extend(p.groups.into_iter().map(|e| e + events));
            out.events.extend(
                p.events
                    .into_iter()
                    .map(|(r, renamed)| (r + reports, renamed)),
            );
            out.reports.extend(p.reports);
        }
        out
    }

    /// Rebuilds a graph from stored groups: each group's reports (of one group, unique
    /// by document and id) and their event indices. The grouping is trusted when it
    /// was made under these merge rules (`rules`) and fits; otherwise the group is
    /// regrouped.
    pub(crate) fn from_groups(
        documents: Vec<DocumentMeta>,
        entities: Vec<Entity>,
        links: Vec<Link>,
        groups: Vec<(Vec<Arc<Event>>, Vec<u32>)>,
        rules: u32,
    ) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let reports: usize = groups.iter().map(|(r, _)| r.len()).sum();
        g.graph = StableDiGraph::with_capacity(entities.len(), reports + links.len());
        for d in documents {
            g.insert_document(d);
        }
        for e in entities {
            g.upsert_entity(e);
        }
        for l in links {
            g.add_link(l);
        }
        let nodes = &g.nodes;
        let built: Vec<(Group, Vec<Placed>)> = groups
            .into_par_iter()
            .filter(|(reports, _)| !reports.is_empty())
            .map(|(reports, assign)| {
                let stored = (rules == MERGE_RULES)
                    .then(|| events_from_assignment(&reports, &assign))
                    .flatten();
                let (events, assign) = match stored {
                    Some(events) => (events, assign),
                    None => merge_reports(&reports),
                };
                let group = Group {
                    key: GroupKey::of(&reports[0]),
                    reports,
                    assign,
                    events: Vec::new(),
                    edges: Vec::new(),
                };
                (group, place(nodes, events))
            })
            .collect();
        g.install_groups(built);
        g.unindexed = true;
        g
    }

    /// Rebuilds a graph from a binary store's packed reports. Only the edges are made
    /// now (from each event's kind, actor and targets); events are decoded when first
    /// read, and the reports become groups of the graph's own at the first change.
    /// The packed reports must have been grouped under the current merge rules.
    pub(crate) fn from_packed(
        documents: Vec<DocumentMeta>,
        entities: Vec<Entity>,
        links: Vec<Link>,
        packed: Packed,
    ) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        g.graph = StableDiGraph::with_capacity(entities.len(), packed.event_count() + links.len());
        for d in documents {
            g.insert_document(d);
        }
        for e in entities {
            g.upsert_entity(e);
        }
        for l in links {
            g.add_link(l);
        }
        // String table index -> node, looked up once per string.
        let mut node_of: Vec<Option<Option<NodeIndex>>> = vec![None; packed.string_count()];
        let (nodes, graph) = (&g.nodes, &mut g.graph);
        let mut node = |n: Name| match n {
            Name::Table(k) => *node_of[k as usize]
                .get_or_insert_with(|| packed.str(k).and_then(|s| nodes.get(s).copied())),
            Name::Inline(s) => nodes.get(s).copied(),
        };
        let mut shown = Vec::with_capacity(packed.event_count());
        let (mut targets, mut target_nodes) = (Vec::new(), Vec::new());
        for e in 0..packed.event_count() as u32 {
            let Some((kind, actor)) = packed.event_head(e, &mut targets) else {
                continue;
            };
            let Some(actor) = node(actor) else {
                continue;
            };
            target_nodes.clear();
            target_nodes.extend(targets.iter().filter_map(|&t| node(t)));
            target_nodes.dedup();
            let data = |untargeted| EdgeData::Event {
                at: EventAt::Packed(e),
                kind,
                untargeted,
            };
            if target_nodes.is_empty() {
                graph.add_edge(actor, actor, data(true));
            }
            for &t in &target_nodes {
                graph.add_edge(actor, t, data(false));
            }
            shown.push(e);
        }
        g.event_total = shown.len();
        g.packed_shown = shown;
        g.packed = Some(packed);
        g.unindexed = true;
        g
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
        // Group hashes on all cores; filing itself is sequential.
        let hashed: Vec<(u64, Event)> = reports
            .into_par_iter()
            .map(|r| (GroupKey::hash_of(&r), r))
            .collect();
        for (hash, r) in hashed {
            let single = r.evidence.iter().all(|e| e.doc == r.evidence[0].doc);
            if single && !r.evidence.is_empty() {
                g.file_report_hashed(r, hash);
            } else {
                g.add_report(r);
            }
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

/// A derived event with its actor's and targets' nodes found (no actor node: the
/// event is kept but not shown).
struct Placed {
    event: Arc<Event>,
    actor: Option<NodeIndex>,
    targets: Vec<NodeIndex>,
}

/// Finds the nodes of events (read-only: runs on any thread).
fn place(nodes: &HashMap<String, NodeIndex>, events: Vec<Arc<Event>>) -> Vec<Placed> {
    events
        .into_iter()
        .map(|ev| {
            let mut targets: Vec<NodeIndex> = ev
                .targets
                .iter()
                .filter_map(|t| nodes.get(t).copied())
                .collect();
            targets.dedup();
            Placed {
                actor: nodes.get(&ev.actor).copied(),
                event: ev,
                targets,
            }
        })
        .collect()
}

/// Combines reports with the same (document, id) (the same sentence filed twice).
fn dedup_reports(reports: &mut Vec<Arc<Event>>) {
    reports.sort_unstable_by(|a, b| (report_doc(a), &a.id).cmp(&(report_doc(b), &b.id)));
    let mut out: Vec<Arc<Event>> = Vec::with_capacity(reports.len());
    for r in reports.drain(..) {
        match out.last_mut() {
            Some(last) if last.id == r.id && report_doc(last) == report_doc(&r) => {
                let merged = Arc::make_mut(last);
                merged.evidence.extend(r.evidence.iter().cloned());
                merged.evidence.sort();
                merged.evidence.dedup();
            }
            _ => out.push(r),
        }
    }
    *reports = out;
}

fn edge_key<'a>(e: &EdgeView<'a>) -> (&'a str, &'a str) {
    match (e.event, e.link) {
        (Some(ev), _) => (ev.kind.as_str(), ev.id.as_str()),
        (None, Some(l)) => (l.kind.as_str(), ""),
        _ => ("", ""),
    }
}
