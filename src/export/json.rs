//! JSON: the per-document extraction contract (DESIGN.md §5) and the networkx
//! node-link graph (DESIGN.md §6).
//!
//! Keys come in a fixed order so output is deterministic. The extraction object is
//! serialized straight from the extraction ([`ExtractionJson`]); the graph is built
//! as a `serde_json::Value`. The extraction JSON names entities by canonical name (the
//! contract); the node-link JSON names them by id, with names as attributes.

use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::model::{Entity, Event, EventKind};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The extraction contract object for one document, as a `serde_json::Value`.
///
/// The same object that [`ExtractionJson`] writes, for callers that want a tree.
/// Output should serialize [`ExtractionJson`] directly instead: building the tree
/// (an ordered, hashed map per object and a copy of every string) cost more than
/// writing the text.
pub fn extraction(ex: &Extraction, gazetteer: &Gazetteer) -> Value {
    serde_json::to_value(ExtractionJson::new(ex, gazetteer))
        .expect("the extraction object has string keys only")
}

/// The extraction contract object for one document, serialized straight from the
/// [`Extraction`] (borrowed strings, no intermediate tree), keys in a fixed order.
///
/// `pledges` holds firm commitments (conditional ones flagged); negated and hedged
/// commitments are listed apart under `unfirm_pledges` so that they are never
/// counted as pledges but never silently dropped either. Other event kinds go under
/// `events`.
pub struct ExtractionJson<'a> {
    ex: &'a Extraction,
    names: Names<'a>,
}

impl<'a> ExtractionJson<'a> {
    /// The serializable view of `ex`; entity ids the document does not list are
    /// named through `gazetteer`.
    pub fn new(ex: &'a Extraction, gazetteer: &'a Gazetteer) -> ExtractionJson<'a> {
        ExtractionJson {
            ex,
            names: Names {
                by_id: ex.entities.iter().map(|e| (e.id.as_str(), e)).collect(),
                gazetteer,
            },
        }
    }
}

/// Canonical names of entity ids: the document's own entities first (the last of
/// any repeated id), then the gazetteer's countries and organizations, else the id.
struct Names<'a> {
    by_id: HashMap<&'a str, &'a Entity>,
    gazetteer: &'a Gazetteer,
}

impl<'a> Names<'a> {
    fn name(&self, id: &'a str) -> &'a str {
        let gazetteer = self.gazetteer;
        self.by_id
            .get(id)
            .map(|e| e.name.as_str())
            .or_else(|| {
                let iso = id.strip_prefix("country:")?;
                let i = gazetteer.country_by_iso3(iso)?;
                Some(gazetteer.countries[i].name.as_str())
            })
            .or_else(|| {
                let oid = id.strip_prefix("org:")?;
                let i = gazetteer.org_by_id(oid)?;
                Some(gazetteer.organizations[i].name.as_str())
            })
            .unwrap_or(id)
    }
}

/// A JSON array of what the closure's iterator yields, written as it goes.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl Serialize for ExtractionJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (ex, names) = (self.ex, &self.names);
        let events = |keep: fn(&Event) -> bool| {
            Seq(move || {
                ex.events
                    .iter()
                    .filter(move |ev| keep(ev))
                    .map(move |ev| EventJson { ev, names })
            })
        };
        let mut o = s.serialize_map(None)?;
        o.serialize_entry("id", &ex.doc)?;
        o.serialize_entry(
            "entities",
            &Seq(|| ex.entities.iter().map(|e| EntityJson { e, names })),
        )?;
        o.serialize_entry(
            "pledges",
            &events(|ev| ev.kind == EventKind::Pledge && ev.modality.is_firm()),
        )?;
        o.serialize_entry("statements", &events(|ev| ev.kind == EventKind::Statement))?;
        o.serialize_entry(
            "unfirm_pledges",
            &events(|ev| ev.kind == EventKind::Pledge && !ev.modality.is_firm()),
        )?;
        let other = |ev: &Event| !matches!(ev.kind, EventKind::Pledge | EventKind::Statement);
        if ex.events.iter().any(other) {
            o.serialize_entry("events", &events(other))?;
        }
        if !ex.diagnostics.is_empty() {
            o.serialize_entry("diagnostics", &ex.diagnostics)?;
        }
        o.end()
    }
}

/// One entity of the extraction contract: name, kind, aliases, id, and its role,
/// country and organization when known.
struct EntityJson<'a, 'n> {
    e: &'a Entity,
    names: &'n Names<'a>,
}

impl Serialize for EntityJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.e;
        let mut o = s.serialize_map(None)?;
        o.serialize_entry("name", &e.name)?;
        o.serialize_entry("kind", e.kind.as_str())?;
        o.serialize_entry("aliases", &e.aliases)?;
        o.serialize_entry("id", &e.id)?;
        if let Some(r) = e.attr("role") {
            o.serialize_entry("role", r)?;
        }
        if let Some(c) = e.attr("country") {
            o.serialize_entry("country", self.names.name(c))?;
        }
        if let Some(c) = e.attr("org") {
            o.serialize_entry("organization", self.names.name(c))?;
        }
        o.end()
    }
}

/// One event of the extraction contract: who, to or about whom, what, where it was
/// read, its codes, a pledge's modality and the date.
struct EventJson<'a, 'n> {
    ev: &'a Event,
    names: &'n Names<'a>,
}

impl Serialize for EventJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (ev, names) = (self.ev, self.names);
        let evd = &ev.evidence[0];
        let targets = || ev.targets.iter().map(|t| names.name(t));
        let mut o = s.serialize_map(None)?;
        o.serialize_entry("by", names.name(&ev.actor))?;
        match ev.kind {
            EventKind::Pledge => {
                o.serialize_entry("to", &ev.targets.first().map(|t| names.name(t)))?;
                o.serialize_entry("what", &ev.what)?;
            }
            EventKind::Statement => o.serialize_entry("about", &Seq(targets))?,
            _ => {
                o.serialize_entry("kind", ev.kind.as_str())?;
                o.serialize_entry("targets", &Seq(targets))?;
                o.serialize_entry("what", &ev.what)?;
            }
        }
        o.serialize_entry("sentence", &evd.sentence)?;
        if ev.kind != EventKind::Pledge {
            o.serialize_entry("quote", &ev.quote)?;
        }
        o.serialize_entry("start", &evd.start)?;
        o.serialize_entry("end", &evd.end)?;
        o.serialize_entry("id", &ev.id)?;
        o.serialize_entry("cameo", &ev.cameo)?;
        o.serialize_entry("plover", &ev.plover)?;
        if ev.kind == EventKind::Pledge {
            o.serialize_entry("conditional", &ev.modality.conditional)?;
            o.serialize_entry("negated", &ev.modality.negated)?;
            o.serialize_entry("hedged", &ev.modality.hedged)?;
        }
        if let Some(d) = &ev.date {
            o.serialize_entry("date", d)?;
            o.serialize_entry("date_precision", ev.date_precision.as_str())?;
        }
        o.end()
    }
}

/// The whole graph as networkx node-link JSON (load with
/// `nx.node_link_graph(data, edges="edges")`, a MultiDiGraph).
pub fn node_link(graph: &KnowledgeGraph) -> Value {
    let nodes: Vec<Value> = graph
        .entities()
        .into_iter()
        .map(|e| {
            let mut o = Map::new();
            o.insert("id".into(), json!(e.id));
            o.insert("kind".into(), json!(e.kind.as_str()));
            o.insert("name".into(), json!(e.name));
            o.insert("aliases".into(), json!(e.aliases));
            for (k, v) in &e.attributes {
                o.entry(k.clone()).or_insert_with(|| json!(v));
            }
            Value::Object(o)
        })
        .collect();
    let mut edges = Vec::new();
    for e in graph.edges() {
        let mut o = Map::new();
        o.insert("source".into(), json!(e.source.id));
        o.insert("target".into(), json!(e.target.id));
        if let Some(ev) = e.event {
            o.insert("key".into(), json!(super::table::edge_key(&e)));
            o.insert("kind".into(), json!(ev.kind.as_str()));
            o.insert("event".into(), json!(ev.id));
            o.insert("what".into(), json!(ev.what));
            o.insert("quote".into(), json!(ev.quote));
            o.insert("date".into(), json!(ev.date));
            o.insert("date_precision".into(), json!(ev.date_precision.as_str()));
            o.insert("cameo".into(), json!(ev.cameo));
            o.insert("plover".into(), json!(ev.plover));
            o.insert("goldstein".into(), json!(ev.goldstein()));
            o.insert("negated".into(), json!(ev.modality.negated));
            o.insert("conditional".into(), json!(ev.modality.conditional));
            o.insert("hedged".into(), json!(ev.modality.hedged));
            o.insert("future".into(), json!(ev.modality.future));
            o.insert("untargeted".into(), json!(e.untargeted));
            o.insert("documents".into(), json!(ev.document_count()));
            o.insert(
                "evidence".into(),
                json!(ev
                    .evidence
                    .iter()
                    .map(|x| json!({"doc": x.doc, "sentence": x.sentence, "start": x.start, "end": x.end}))
                    .collect::<Vec<_>>()),
            );
        } else if let Some(l) = e.link {
            o.insert("key".into(), json!(super::table::edge_key(&e)));
            o.insert("kind".into(), json!(l.kind.as_str()));
            o.insert("event".into(), Value::Null);
            o.insert("what".into(), json!(l.role));
            o.insert("quote".into(), Value::Null);
            o.insert("evidence".into(), json!([]));
        }
        edges.push(Value::Object(o));
    }
    json!({
        "directed": true,
        "multigraph": true,
        "graph": {
            "name": "diplograph",
            "documents": graph.documents().count(),
            "entities": graph.entity_count(),
            "events": graph.event_count(),
        },
        "nodes": nodes,
        "edges": edges,
    })
}
