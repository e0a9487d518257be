//! PLOVER JSON Lines: one event per line, for event-data pipelines that speak the
//! Political Language Ontology for Verifiable Event Records (the successor of CAMEO,
//! used by POLECAT).
//!
//! # Fields
//!
//! PLOVER codes an event as who (actor) did what (event type, mode, context) to whom
//! (recipient), when, according to which text. Field names follow the PLOVER/POLECAT
//! conventions in snake case:
//!
//! - `event_id` — diplograph's content id (stable across runs).
//! - `event_date` — `YYYY-MM-DD` (the reporting document's date), or null.
//! - `event_type` — the PLOVER category: `AGREE` (pledges), `CONSULT`, `REQUEST`,
//!   `THREATEN`, `SANCTION`. Plain statements (CAMEO 01) have no PLOVER category;
//!   they are written with the extension type `STATEMENT` so that nothing is lost —
//!   filter them out for strict PLOVER.
//! - `event_mode` — always "": diplograph does not tell PLOVER modes apart, and an
//!   empty mode is PLOVER's "unspecified".
//! - `event_context` — a list: `economic`, `military` or `humanitarian` from the
//!   pledge's CAMEO subcode (0331, 0332, 0333), else empty.
//! - `actor_name`, `actor_id`, `actor_kind` (person, country, organization, group),
//!   `actor_country` (ISO 3166 alpha-3 of the country, or of a person's country),
//!   `actor_title` (a person's role, e.g. "Foreign Minister").
//! - `recipient_name`, `recipient_id`, `recipient_kind`, `recipient_country` — the
//!   first target; null for an untargeted event. PLOVER events have one recipient,
//!   so `recipients` lists every target (`name`, `id`, `kind`, `country`) for
//!   events with several.
//! - `text` — the sentence the event was coded from (first report); `story_id`,
//!   `story_title`, `source` (the outlet), `url`, `publication_date` describe that
//!   report's document. `documents` lists every document reporting the event.
//! - `language` — `en`; `version` — the coder, `diplograph X.Y.Z`.
//! - Extensions, beyond PLOVER: `cameo` (string code), `goldstein` (CAMEO
//!   Goldstein scale), `what` (what was pledged), `quote`, and the modality flags
//!   `negated`, `conditional`, `hedged`, `future`. PLOVER has no negation field,
//!   so a negated commitment ("did not pledge") is still listed — check `negated`.
//!
//! Keys within a line are sorted; lines are in query order (date, actor, id), so the
//! output is deterministic.

use super::table::{all_events, country_code, documents};
use crate::graph::KnowledgeGraph;
use crate::model::Entity;
use crate::query::EventView;
use serde_json::{json, Value};

/// Every event of the graph as PLOVER JSON Lines.
pub fn write(graph: &KnowledgeGraph) -> String {
    lines(graph, &all_events(graph))
}

/// These events as PLOVER JSON Lines (one JSON object per line).
pub fn lines(graph: &KnowledgeGraph, views: &[EventView<'_>]) -> String {
    let mut out = String::new();
    for v in views {
        out.push_str(&record(graph, v).to_string());
        out.push('\n');
    }
    out
}

/// One event as a PLOVER record.
pub fn record(graph: &KnowledgeGraph, v: &EventView<'_>) -> Value {
    let ev = v.event;
    let first = ev.evidence.first();
    let doc = first.and_then(|f| graph.document(&f.doc));
    let context: Vec<&str> = match ev.cameo.as_str() {
        "0331" => vec!["economic"],
        "0332" => vec!["military"],
        "0333" => vec!["humanitarian"],
        _ => vec![],
    };
    let recipient = v.targets.first();
    let party = |e: &Entity| {
        json!({
            "name": e.name,
            "id": e.id,
            "kind": e.kind.as_str(),
            "country": country_code(graph, e),
        })
    };
    json!({
        "event_id": ev.id,
        "event_date": ev.date,
        "event_type": ev.plover,
        "event_mode": "",
        "event_context": context,
        "actor_name": v.actor.name,
        "actor_id": v.actor.id,
        "actor_kind": v.actor.kind.as_str(),
        "actor_country": country_code(graph, v.actor),
        "actor_title": v.actor.attr("role"),
        "recipient_name": recipient.map(|e| e.name.as_str()),
        "recipient_id": recipient.map(|e| e.id.as_str()),
        "recipient_kind": recipient.map(|e| e.kind.as_str()),
        "recipient_country": recipient.and_then(|e| country_code(graph, e)),
        "recipients": v.targets.iter().map(|e| party(e)).collect::<Vec<_>>(),
        "text": first.map(|f| f.sentence.as_str()),
        "story_id": first.map(|f| f.doc.as_str()),
        "story_title": doc.and_then(|d| d.title.as_deref()),
        "source": doc.and_then(|d| d.source.as_deref()),
        "url": doc.and_then(|d| d.url.as_deref()),
        "publication_date": doc.and_then(|d| d.published.as_deref()),
        "documents": documents(ev),
        "language": "en",
        "version": format!("diplograph {}", env!("CARGO_PKG_VERSION")),
        "cameo": ev.cameo,
        "goldstein": ev.goldstein(),
        "what": ev.what,
        "quote": ev.quote,
        "negated": ev.modality.negated,
        "conditional": ev.modality.conditional,
        "hedged": ev.modality.hedged,
        "future": ev.modality.future,
    })
}
