//! JSON: the per-document extraction contract (DESIGN.md §5) and the networkx
//! node-link graph (DESIGN.md §6).
//!
//! Both are built as `serde_json::Value`s with keys in a fixed order so output is
//! deterministic. The extraction JSON names entities by canonical name (the
//! contract); the node-link JSON names them by id, with names as attributes.

use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::model::{Entity, EventKind};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The extraction contract object for one document.
///
/// `pledges` holds firm commitments (conditional ones flagged); negated and hedged
/// commitments are listed apart under `unfirm_pledges` so that they are never
/// counted as pledges but never silently dropped either. Other event kinds go under
/// `events`.
pub fn extraction(ex: &Extraction, gazetteer: &Gazetteer) -> Value {
    let by_id: HashMap<&str, &Entity> = ex.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let name = |id: &str| -> String {
        by_id
            .get(id)
            .map(|e| e.name.clone())
            .or_else(|| {
                let iso = id.strip_prefix("country:")?;
                let i = gazetteer.country_by_iso3(iso)?;
                Some(gazetteer.countries[i].name.clone())
            })
            .or_else(|| {
                let oid = id.strip_prefix("org:")?;
                let i = gazetteer.org_by_id(oid)?;
                Some(gazetteer.organizations[i].name.clone())
            })
            .unwrap_or_else(|| id.to_string())
    };
    let entities: Vec<Value> = ex
        .entities
        .iter()
        .map(|e| {
            let mut o = Map::new();
            o.insert("name".into(), json!(e.name));
            o.insert("kind".into(), json!(e.kind.as_str()));
            o.insert("aliases".into(), json!(e.aliases));
            o.insert("id".into(), json!(e.id));
            if let Some(r) = e.attr("role") {
                o.insert("role".into(), json!(r));
            }
            if let Some(c) = e.attr("country") {
                o.insert("country".into(), json!(name(c)));
            }
            if let Some(c) = e.attr("org") {
                o.insert("organization".into(), json!(name(c)));
            }
            Value::Object(o)
        })
        .collect();
    let mut pledges = Vec::new();
    let mut unfirm = Vec::new();
    let mut statements = Vec::new();
    let mut others = Vec::new();
    for ev in &ex.events {
        let evd = &ev.evidence[0];
        let mut o = Map::new();
        o.insert("by".into(), json!(name(&ev.actor)));
        match ev.kind {
            EventKind::Pledge => {
                o.insert(
                    "to".into(),
                    ev.targets.first().map_or(Value::Null, |t| json!(name(t))),
                );
                o.insert("what".into(), json!(ev.what));
            }
            EventKind::Statement => {
                o.insert(
                    "about".into(),
                    json!(ev.targets.iter().map(|t| name(t)).collect::<Vec<_>>()),
                );
            }
            _ => {
                o.insert("kind".into(), json!(ev.kind.as_str()));
                o.insert(
                    "targets".into(),
                    json!(ev.targets.iter().map(|t| name(t)).collect::<Vec<_>>()),
                );
                o.insert("what".into(), json!(ev.what));
            }
        }
        o.insert("sentence".into(), json!(evd.sentence));
        if ev.kind != EventKind::Pledge {
            o.insert("quote".into(), json!(ev.quote));
        }
        o.insert("start".into(), json!(evd.start));
        o.insert("end".into(), json!(evd.end));
        o.insert("id".into(), json!(ev.id));
        o.insert("cameo".into(), json!(ev.cameo));
        o.insert("plover".into(), json!(ev.plover));
        if ev.kind == EventKind::Pledge {
            o.insert("conditional".into(), json!(ev.modality.conditional));
            o.insert("negated".into(), json!(ev.modality.negated));
            o.insert("hedged".into(), json!(ev.modality.hedged));
        }
        if let Some(d) = &ev.date {
            o.insert("date".into(), json!(d));
            o.insert("date_precision".into(), json!(ev.date_precision.as_str()));
        }
        let v = Value::Object(o);
        match ev.kind {
            EventKind::Pledge if ev.modality.is_firm() => pledges.push(v),
            EventKind::Pledge => unfirm.push(v),
            EventKind::Statement => statements.push(v),
            _ => others.push(v),
        }
    }
    let mut o = Map::new();
    o.insert("id".into(), json!(ex.doc));
    o.insert("entities".into(), Value::Array(entities));
    o.insert("pledges".into(), Value::Array(pledges));
    o.insert("statements".into(), Value::Array(statements));
    o.insert("unfirm_pledges".into(), Value::Array(unfirm));
    if !others.is_empty() {
        o.insert("events".into(), Value::Array(others));
    }
    if !ex.diagnostics.is_empty() {
        o.insert("diagnostics".into(), json!(ex.diagnostics));
    }
    Value::Object(o)
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
