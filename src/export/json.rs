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

impl ExtractionJson<'_> {
    /// Appends the object's JSON text to `out`, byte for byte what serde_json writes
    /// for it: compact when `pretty` is `None`, else pretty-printed (two-space indent)
    /// as if nested `pretty` levels deep (1 for an element of a top-level array).
    ///
    /// The CLI writes every document through here. Going through serde_json's
    /// serializer cost a buffered-writer call per key, indent level and string
    /// piece, and a table lookup per string byte; this appends to one buffer and
    /// scans strings eight bytes at a time. `fast_writer_matches_serde` holds the
    /// two to the same bytes.
    pub fn write(&self, out: &mut Vec<u8>, pretty: Option<usize>) {
        let mut w = Out {
            buf: out,
            pretty: pretty.is_some(),
            depth: pretty.unwrap_or(0),
        };
        let (ex, names) = (self.ex, &self.names);
        let mut o = w.open(b'{');
        w.key(&mut o, "id");
        w.str(&ex.doc);
        w.key(&mut o, "entities");
        let mut a = w.open(b'[');
        for e in &ex.entities {
            w.item(&mut a);
            write_entity(&mut w, e, names);
        }
        w.close(a, b']');
        let mut group = |w: &mut Out, key: &str, keep: &dyn Fn(&Event) -> bool| {
            w.key(&mut o, key);
            let mut a = w.open(b'[');
            for ev in ex.events.iter().filter(|ev| keep(ev)) {
                w.item(&mut a);
                write_event(w, ev, names);
            }
            w.close(a, b']');
        };
        let pledge = |ev: &Event| ev.kind == EventKind::Pledge;
        group(&mut w, "pledges", &|ev| pledge(ev) && ev.modality.is_firm());
        group(&mut w, "statements", &|ev| ev.kind == EventKind::Statement);
        group(&mut w, "unfirm_pledges", &|ev| {
            pledge(ev) && !ev.modality.is_firm()
        });
        let other = |ev: &Event| !matches!(ev.kind, EventKind::Pledge | EventKind::Statement);
        if ex.events.iter().any(other) {
            group(&mut w, "events", &other);
        }
        if !ex.diagnostics.is_empty() {
            w.key(&mut o, "diagnostics");
            w.str_array(&ex.diagnostics);
        }
        w.close(o, b'}');
    }
}

/// [`EntityJson`]'s object, for [`ExtractionJson::write`].
fn write_entity(w: &mut Out, e: &Entity, names: &Names) {
    let mut o = w.open(b'{');
    w.key(&mut o, "name");
    w.str(&e.name);
    w.key(&mut o, "kind");
    w.str(e.kind.as_str());
    w.key(&mut o, "aliases");
    w.str_array(&e.aliases);
    w.key(&mut o, "id");
    w.str(&e.id);
    if let Some(r) = e.attr("role") {
        w.key(&mut o, "role");
        w.str(r);
    }
    if let Some(c) = e.attr("country") {
        w.key(&mut o, "country");
        w.str(names.name(c));
    }
    if let Some(c) = e.attr("org") {
        w.key(&mut o, "organization");
        w.str(names.name(c));
    }
    w.close(o, b'}');
}

/// [`EventJson`]'s object, for [`ExtractionJson::write`].
fn write_event(w: &mut Out, ev: &Event, names: &Names) {
    let evd = &ev.evidence[0];
    let targets = |w: &mut Out| {
        let mut a = w.open(b'[');
        for t in &ev.targets {
            w.item(&mut a);
            w.str(names.name(t));
        }
        w.close(a, b']');
    };
    let mut o = w.open(b'{');
    w.key(&mut o, "by");
    w.str(names.name(&ev.actor));
    match ev.kind {
        EventKind::Pledge => {
            w.key(&mut o, "to");
            w.opt_str(ev.targets.first().map(|t| names.name(t)));
            w.key(&mut o, "what");
            w.opt_str(ev.what.as_deref());
        }
        EventKind::Statement => {
            w.key(&mut o, "about");
            targets(w);
        }
        _ => {
            w.key(&mut o, "kind");
            w.str(ev.kind.as_str());
            w.key(&mut o, "targets");
            targets(w);
            w.key(&mut o, "what");
            w.opt_str(ev.what.as_deref());
        }
    }
    w.key(&mut o, "sentence");
    w.str(&evd.sentence);
    if ev.kind != EventKind::Pledge {
        w.key(&mut o, "quote");
        w.opt_str(ev.quote.as_deref());
    }
    w.key(&mut o, "start");
    w.num(evd.start);
    w.key(&mut o, "end");
    w.num(evd.end);
    w.key(&mut o, "id");
    w.str(&ev.id);
    w.key(&mut o, "cameo");
    w.str(&ev.cameo);
    w.key(&mut o, "plover");
    w.str(&ev.plover);
    if ev.kind == EventKind::Pledge {
        w.key(&mut o, "conditional");
        w.bool(ev.modality.conditional);
        w.key(&mut o, "negated");
        w.bool(ev.modality.negated);
        w.key(&mut o, "hedged");
        w.bool(ev.modality.hedged);
    }
    if let Some(d) = &ev.date {
        w.key(&mut o, "date");
        w.str(d);
        w.key(&mut o, "date_precision");
        w.str(ev.date_precision.as_str());
    }
    w.close(o, b'}');
}

/// JSON text appended to a buffer in serde_json's two layouts: compact, or pretty
/// (`PrettyFormatter`: each key or element on its own line, two spaces per level,
/// `": "` after keys, a closing bracket on its own line unless the container is
/// empty, which prints as `[]` or `{}`).
struct Out<'b> {
    buf: &'b mut Vec<u8>,
    pretty: bool,
    depth: usize,
}

/// Whether the open object or array has no member yet.
struct Open {
    empty: bool,
}

impl Out<'_> {
    fn open(&mut self, bracket: u8) -> Open {
        self.buf.push(bracket);
        self.depth += 1;
        Open { empty: true }
    }

    fn close(&mut self, open: Open, bracket: u8) {
        self.depth -= 1;
        if self.pretty && !open.empty {
            self.newline();
        }
        self.buf.push(bracket);
    }

    /// Starts the next element of an array.
    fn item(&mut self, open: &mut Open) {
        if !open.empty {
            self.buf.push(b',');
        }
        open.empty = false;
        if self.pretty {
            self.newline();
        }
    }

    /// Starts the next member of an object. Keys are this module's own ASCII
    /// literals, nothing to escape: they are copied as they are.
    fn key(&mut self, open: &mut Open, key: &str) {
        self.item(open);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    fn newline(&mut self) {
        self.buf.push(b'\n');
        for _ in 0..self.depth {
            self.buf.extend_from_slice(b"  ");
        }
    }

    fn num(&mut self, n: usize) {
        use std::io::Write as _;
        write!(self.buf, "{n}").expect("writing to a Vec cannot fail");
    }

    fn bool(&mut self, b: bool) {
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// An array of strings (aliases, diagnostics).
    fn str_array<'s>(&mut self, items: impl IntoIterator<Item = &'s String>) {
        let mut a = self.open(b'[');
        for item in items {
            self.item(&mut a);
            self.str(item);
        }
        self.close(a, b']');
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.buf.extend_from_slice(b"null"),
        }
    }

    /// A JSON string escaped as serde_json escapes it: `"` and `\\`, and control
    /// bytes below 0x20 (`\b \t \n \f \r` by name, the others as `\u00xx`);
    /// everything else, non-ASCII included, as it is.
    fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.buf.push(b'"');
        let mut done = 0;
        while let Some(i) = next_escape(bytes, done) {
            self.buf.extend_from_slice(&bytes[done..i]);
            let b = bytes[i];
            match b {
                b'"' => self.buf.extend_from_slice(b"\\\""),
                b'\\' => self.buf.extend_from_slice(b"\\\\"),
                0x08 => self.buf.extend_from_slice(b"\\b"),
                b'\t' => self.buf.extend_from_slice(b"\\t"),
                b'\n' => self.buf.extend_from_slice(b"\\n"),
                0x0c => self.buf.extend_from_slice(b"\\f"),
                b'\r' => self.buf.extend_from_slice(b"\\r"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.buf.extend_from_slice(b"\\u00");
                    self.buf.push(HEX[usize::from(b >> 4)]);
                    self.buf.push(HEX[usize::from(b & 0xf)]);
                }
            }
            done = i + 1;
        }
        self.buf.extend_from_slice(&bytes[done..]);
        self.buf.push(b'"');
    }
}

/// Does JSON need `b` escaped?
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte at or after `from` that needs escaping.
///
/// Looks at eight bytes at a time: sentences are long and almost never hold such a
/// byte. For a word `x` of eight bytes, `(x - 0x0101..) & !x & 0x8080..` is non-zero
/// exactly when some byte of `x` is zero (the classic has-zero-byte test), and with
/// `0x2020..` in place of `0x0101..` when some byte is below 0x20; `x ^ 0x2222..` has
/// a zero byte where `x` has a `"`, `x ^ 0x5c5c..` one where it has a `\\`. A word
/// that tests positive is searched byte by byte.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        let x = u64::from_le_bytes(chunk);
        if has_below(x, 0x20)
            || has_below(x ^ (ONES * u64::from(b'"')), 1)
            || has_below(x ^ (ONES * u64::from(b'\\')), 1)
        {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| needs_escape(b))
        .map(|j| i + j)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::Extractor;

    /// [`ExtractionJson::write`] makes serde_json's bytes, compact and pretty, at
    /// the top level and nested, with every kind of escape in the strings.
    #[test]
    fn fast_writer_matches_serde() {
        let ex = Extractor::bundled().unwrap();
        let doc = Document {
            id: "d\"1\\".into(),
            published: Some("2024-03-01".into()),
            text: "France pledged 3 billion euros to Ukraine on Monday. \
                   \"We will stand with Kyiv,\" Emmanuel Macron, the French president, said. \
                   Germany did not commit troops to Ukraine.\tNATO warned Russia.\n"
                .into(),
            ..Document::default()
        };
        let mut x = ex.extract(&doc);
        assert!(!x.events.is_empty() && !x.entities.is_empty());
        // Every escape serde_json makes, in a sentence and an alias.
        let odd = "a\"b\\c\u{8}\t\n\u{c}\r\u{1}\u{1f}\u{7f}é — 12345678\"";
        x.events[0].evidence[0].sentence.push_str(odd);
        x.entities[0].aliases.insert(odd.to_string());
        x.diagnostics.push(odd.to_string());
        for x in [x, Extraction::default()] {
            let j = ExtractionJson::new(&x, ex.gazetteer());
            let mut compact = Vec::new();
            j.write(&mut compact, None);
            assert_eq!(
                String::from_utf8(compact).unwrap(),
                serde_json::to_string(&j).unwrap()
            );
            let mut pretty = Vec::new();
            j.write(&mut pretty, Some(0));
            let want = serde_json::to_string_pretty(&j).unwrap();
            assert_eq!(String::from_utf8(pretty).unwrap(), want);
            let mut nested = Vec::new();
            j.write(&mut nested, Some(1));
            let want = serde_json::to_string_pretty(&[&j, &j]).unwrap();
            let element = want
                .strip_prefix("[\n  ")
                .unwrap()
                .split(",\n  {")
                .next()
                .unwrap();
            assert_eq!(String::from_utf8(nested).unwrap(), element);
        }
    }
}
