//! Every export format without Python: deterministic, well-formed when read back by
//! an independent parser (roxmltree for XML, the csv crate, the parquet reader,
//! serde_json), and carrying the graph's node, edge and event counts.
//! `python.rs` loads the same exports with their real consumers.

use crate::support::*;
use diplograph::export::{self, Format};
use diplograph::{store, Document, Entity, EntityKind, Event, EventKind, Evidence, KnowledgeGraph};
use std::collections::{BTreeMap, BTreeSet};

fn dev_graph() -> KnowledgeGraph {
    store::load(dev_store(), false).unwrap()
}

/// The files of one export, by name.
fn files(graph: &KnowledgeGraph, format: Format) -> BTreeMap<String, Vec<u8>> {
    export::files(graph, format).unwrap().into_iter().collect()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

/// CSV records (header first) read by the csv crate.
fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn column(records: &[Vec<String>], name: &str) -> usize {
    records[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", records[0]))
}

#[test]
fn every_format_is_deterministic_across_ingests() {
    let dir = tempdir("exports-det");
    let corpus = dev_corpus();
    let o = run(
        &dir,
        &["ingest", corpus.to_str().unwrap(), "--graph", "b.ron"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let a = dev_graph();
    let b = store::load(&dir.join("b.ron"), false).unwrap();
    for f in Format::ALL {
        let (fa, fb) = (files(&a, f), files(&b, f));
        assert!(!fa.is_empty(), "{}: no files", f.name());
        assert!(
            fa == fb,
            "{}: two ingests of the same corpus differ",
            f.name()
        );
    }
}

#[test]
fn the_cli_writes_what_the_library_renders() {
    let dir = tempdir("exports-cli");
    let graph = dev_graph();
    let store = dev_store().to_str().unwrap();
    for f in Format::ALL {
        if f == Format::Dot {
            continue; // the CLI passes diagram options of its own
        }
        let out = dir.join(f.name());
        let o = run(
            &dir,
            &[
                "export",
                "-g",
                store,
                "--format",
                f.name(),
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}: {}", f.name(), stderr(&o));
        for (name, bytes) in files(&graph, f) {
            let path = if f.writes_directory() {
                out.join(&name)
            } else {
                out.clone()
            };
            let got = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                got == bytes,
                "{}: {} differs from the library",
                f.name(),
                name
            );
        }
    }
    // `export --help` shows the Neo4j import command with every file.
    let help = stdout(&run(&dir, &["export", "--help"]));
    for name in export::neo4j::file_names() {
        assert!(help.contains(&name), "{name} missing from export --help");
    }
    // A directory format needs a directory; the error says so.
    let o = run(&dir, &["export", "-g", store, "--format", "parquet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-o DIR"), "{}", stderr(&o));
}

#[test]
fn csv_tables_match_the_graph() {
    let g = dev_graph();
    let f = files(&g, Format::Csv);
    let nodes = csv_records(&f["nodes.csv"]);
    let edges = csv_records(&f["edges.csv"]);
    let events = csv_records(&f["events.csv"]);
    assert_eq!(nodes.len() - 1, g.entity_count());
    assert_eq!(edges.len() - 1, g.edges().len());
    assert_eq!(events.len() - 1, g.event_count());
    for t in [&nodes, &edges, &events] {
        assert!(t.iter().all(|r| r.len() == t[0].len()), "ragged rows");
    }
    for c in [
        "date",
        "actor",
        "actor_kind",
        "actor_country",
        "target",
        "kind",
        "cameo",
        "plover",
        "goldstein",
        "what",
        "quote",
        "document",
        "url",
        "sentence",
    ] {
        column(&events, c);
    }
    let (id, cameo, plover) = (
        column(&events, "event_id"),
        column(&events, "cameo"),
        column(&events, "plover"),
    );
    let gold = column(&events, "goldstein");
    for r in &events[1..] {
        let ev = g.event(&r[id]).expect("event id from the graph");
        assert_eq!(
            r[cameo], ev.cameo,
            "codes are strings with their leading zero"
        );
        assert_eq!(r[plover], ev.plover);
        assert_eq!(r[gold].parse::<f64>().unwrap(), ev.goldstein());
    }
}

#[test]
fn graphml_and_gexf_parse_as_xml_with_every_node_and_edge() {
    let g = dev_graph();
    let ids: BTreeSet<String> = g.entities().iter().map(|e| e.id.clone()).collect();
    for (format, node_tag, edge_tag) in [
        (Format::Graphml, "node", "edge"),
        (Format::Gexf, "node", "edge"),
    ] {
        let f = files(&g, format);
        let body = text(f.values().next().unwrap());
        let doc = roxmltree::Document::parse(body)
            .unwrap_or_else(|e| panic!("{}: not XML: {e}", format.name()));
        let count = |tag: &str| {
            doc.descendants()
                .filter(|n| {
                    n.has_tag_name(tag)
                        && n.parent()
                            .is_some_and(|p| p.tag_name().name() != "attributes")
                })
                .count()
        };
        assert_eq!(count(node_tag), g.entity_count(), "{}", format.name());
        assert_eq!(count(edge_tag), g.edges().len(), "{}", format.name());
        for e in doc.descendants().filter(|n| n.has_tag_name(edge_tag)) {
            for end in ["source", "target"] {
                let v = e.attribute(end).unwrap();
                assert!(
                    ids.contains(v),
                    "{}: edge {end} {v} is no node",
                    format.name()
                );
            }
        }
    }
}

#[test]
fn graphml_values_are_typed_scalars() {
    let g = dev_graph();
    let f = files(&g, Format::Graphml);
    let body = text(&f["diplograph.graphml"]);
    let doc = roxmltree::Document::parse(body).unwrap();
    let keys: BTreeMap<&str, &str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .map(|k| {
            (
                k.attribute("id").unwrap(),
                k.attribute("attr.type").unwrap(),
            )
        })
        .collect();
    let mut seen = 0;
    for d in doc.descendants().filter(|n| n.has_tag_name("data")) {
        let ty = keys[d.attribute("key").unwrap()];
        let v = d.text().unwrap_or("");
        assert!(!v.is_empty(), "empty values are left out");
        match ty {
            "boolean" => assert!(v == "true" || v == "false", "{v}"),
            "double" => assert!(v.parse::<f64>().is_ok(), "{v}"),
            "long" => assert!(v.parse::<i64>().is_ok(), "{v}"),
            "string" => {}
            other => panic!("unexpected type {other}"),
        }
        seen += 1;
    }
    assert!(seen > g.entity_count());
}

#[test]
fn gexf_edge_ids_are_unique() {
    let g = dev_graph();
    let f = files(&g, Format::Gexf);
    let doc = roxmltree::Document::parse(text(&f["diplograph.gexf"])).unwrap();
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .map(|e| e.attribute("id").unwrap())
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn parquet_tables_read_back_with_their_row_counts_and_string_codes() {
    use parquet::file::reader::FileReader;
    use parquet::record::Field;
    let g = dev_graph();
    let f = files(&g, Format::Parquet);
    let want = [
        ("nodes.parquet", g.entity_count()),
        ("edges.parquet", g.edges().len()),
        ("events.parquet", g.event_count()),
    ];
    for (name, rows) in want {
        let reader = parquet_reader(&f[name], name);
        assert_eq!(
            reader.metadata().file_metadata().num_rows() as usize,
            rows,
            "{name}"
        );
    }
    let reader = parquet_reader(&f["events.parquet"], "events");
    let mut checked = 0;
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let get = |k: &str| {
            row.get_column_iter()
                .find(|(n, _)| n.as_str() == k)
                .map(|(_, v)| v)
                .unwrap()
        };
        let Field::Str(id) = get("event_id") else {
            panic!("event_id is a string")
        };
        let ev = g.event(id).unwrap();
        assert_eq!(get("cameo"), &Field::Str(ev.cameo.clone()));
        assert_eq!(get("goldstein"), &Field::Double(ev.goldstein()));
        match &ev.quote {
            Some(q) => assert_eq!(get("quote"), &Field::Str(q.clone())),
            None => assert_eq!(get("quote"), &Field::Null, "missing values are nulls"),
        }
        checked += 1;
    }
    assert_eq!(checked, g.event_count());
}

#[test]
fn plover_has_one_record_per_event_with_the_core_fields() {
    let g = dev_graph();
    let f = files(&g, Format::Plover);
    let lines: Vec<&str> = text(&f["diplograph.jsonl"]).lines().collect();
    assert_eq!(lines.len(), g.event_count());
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let ev = g.event(v["event_id"].as_str().unwrap()).unwrap();
        assert_eq!(v["event_type"], ev.plover.as_str());
        assert_eq!(v["cameo"], ev.cameo.as_str());
        assert_eq!(v["event_date"].as_str(), ev.date.as_deref());
        let actor = g.entity(&ev.actor).unwrap();
        assert_eq!(v["actor_name"], actor.name.as_str());
        assert_eq!(v["text"], ev.evidence[0].sentence.as_str());
        let targets = v["recipients"].as_array().unwrap();
        assert_eq!(targets.len(), ev.targets.len());
        assert_eq!(v["recipient_name"].is_null(), ev.targets.is_empty());
        assert!(v["event_context"].is_array() && v["event_mode"] == "");
    }
}

#[test]
fn neo4j_files_have_typed_headers_and_resolve_every_id() {
    let g = dev_graph();
    let f = files(&g, Format::Neo4j);
    assert_eq!(
        f.keys().cloned().collect::<BTreeSet<_>>(),
        export::neo4j::file_names()
            .into_iter()
            .collect::<BTreeSet<_>>()
    );
    let mut ids = BTreeSet::new();
    let mut rels = 0;
    for (name, bytes) in &f {
        let recs = csv_records(bytes);
        let head = &recs[0];
        assert!(recs.iter().all(|r| r.len() == head.len()), "{name}: ragged");
        if name.starts_with("nodes-") {
            assert_eq!(
                head[..4],
                ["id:ID(entity)", ":LABEL", "name", "aliases:string[]"]
            );
            let kind = name.trim_start_matches("nodes-").trim_end_matches(".csv");
            for r in &recs[1..] {
                assert!(
                    r[1].to_lowercase().ends_with(kind),
                    "{name}: label {}",
                    r[1]
                );
                ids.insert(r[0].clone());
            }
        } else {
            assert_eq!(head[..3], [":START_ID(entity)", ":END_ID(entity)", ":TYPE"]);
            let ty = name
                .trim_start_matches("rels-")
                .trim_end_matches(".csv")
                .to_uppercase();
            assert!(recs[1..].iter().all(|r| r[2] == ty), "{name}: wrong :TYPE");
            if ty != "ROLE" && ty != "MEMBER" {
                for c in [
                    "goldstein:double",
                    "documents:string[]",
                    "date:date",
                    "negated:boolean",
                ] {
                    assert!(head.iter().any(|h| h == c), "{name}: no {c}");
                }
            }
            rels += recs.len() - 1;
        }
    }
    assert_eq!(ids.len(), g.entity_count());
    assert_eq!(rels, g.edges().len());
    for (name, bytes) in f.iter().filter(|(n, _)| n.starts_with("rels-")) {
        for r in &csv_records(bytes)[1..] {
            assert!(
                ids.contains(&r[0]) && ids.contains(&r[1]),
                "{name}: dangling {r:?}"
            );
        }
    }
}

/// A graph whose names and texts hold everything a writer must escape.
fn hostile_graph() -> KnowledgeGraph {
    let names = [
        ("country:AAA", EntityKind::Country, "Bosnia & <Herzegovina>"),
        (
            "person:x",
            EntityKind::Person,
            "Recep \"Tayyip\" Erdoğan, Jr.; 'the chief'",
        ),
        ("org:z", EntityKind::Organization, "Ünïon\tof\u{1}Ctrl"),
    ];
    let mut entities: Vec<Entity> = names
        .iter()
        .map(|(id, k, n)| Entity::new(*id, *k, *n))
        .collect();
    entities[1].add_alias("Erdoğan; R.");
    entities[1].add_alias("line\nbreak");
    let doc = Document {
        id: "hostile \"doc\"".into(),
        title: Some("<title> & \"quotes\"".into()),
        url: Some("https://example.org/?a=1&b=<2>".into()),
        text: "He said \"<we> & 'they'\",\nthen left.".into(),
        ..Document::default()
    };
    let event = |id: &str, kind: EventKind, targets: &[&str]| Event {
        id: id.into(),
        kind,
        actor: "person:x".into(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        what: Some("send \"aid\" & <arms>, now".into()),
        quote: Some("<we> & 'they'\nsaid \"so\"".into()),
        modality: Default::default(),
        date: Some("2026-01-01".into()),
        date_precision: diplograph::DatePrecision::Published,
        cameo: kind.cameo().into(),
        plover: "AGREE".into(),
        evidence: vec![Evidence {
            doc: doc.id.clone(),
            sentence: doc.text.clone(),
            start: 0,
            end: doc.text.len(),
        }],
    };
    KnowledgeGraph::from_parts(
        vec![doc.meta()],
        entities,
        vec![
            event("ev:1", EventKind::Pledge, &["country:AAA", "org:z"]),
            event("ev:2", EventKind::Statement, &[]),
        ],
        vec![],
    )
}

#[test]
fn hostile_names_survive_every_format() {
    let g = hostile_graph();
    let name = "Recep \"Tayyip\" Erdoğan, Jr.; 'the chief'";
    // XML: parses, and names and quotes come back exactly (bar the control
    // character, which XML cannot carry).
    for format in [Format::Graphml, Format::Gexf] {
        let f = files(&g, format);
        let body = text(f.values().next().unwrap());
        let doc = roxmltree::Document::parse(body)
            .unwrap_or_else(|e| panic!("{}: {e}\n{body}", format.name()));
        let all_text: Vec<String> = doc
            .descendants()
            .flat_map(|n| {
                let mut v: Vec<String> = n.attributes().map(|a| a.value().to_string()).collect();
                v.extend(n.text().map(str::to_string));
                v
            })
            .collect();
        for want in [
            name,
            "Bosnia & <Herzegovina>",
            "<we> & 'they'\nsaid \"so\"",
            "Ünïon\tof\u{FFFD}Ctrl",
        ] {
            assert!(
                all_text.iter().any(|t| t == want),
                "{}: {want:?} lost",
                format.name()
            );
        }
    }
    // CSV: the csv crate reads the same strings back.
    let f = files(&g, Format::Csv);
    let nodes = csv_records(&f["nodes.csv"]);
    assert!(nodes.iter().any(|r| r[2] == name));
    let events = csv_records(&f["events.csv"]);
    let q = column(&events, "quote");
    assert!(events[1..]
        .iter()
        .all(|r| r[q] == "<we> & 'they'\nsaid \"so\""));
    // Neo4j: no line breaks inside values, `;` kept out of array elements.
    let f = files(&g, Format::Neo4j);
    let people = csv_records(&f["nodes-person.csv"]);
    assert_eq!(people[1][2], name);
    let aliases: Vec<&str> = people[1][3].split(';').collect();
    assert_eq!(aliases, ["Erdoğan, R.", "line break"]);
    for bytes in f.values() {
        let body = text(bytes);
        assert_eq!(
            body.lines().count(),
            csv_records(bytes).len(),
            "a value spans lines"
        );
    }
    // PLOVER: one JSON object per line.
    let f = files(&g, Format::Plover);
    let lines: Vec<serde_json::Value> = text(&f["diplograph.jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|v| v["actor_name"] == name));
    // Parquet: reads back, strings intact.
    use parquet::file::reader::FileReader;
    use parquet::record::Field;
    let f = files(&g, Format::Parquet);
    let r = parquet_reader(&f["events.parquet"], "hostile-events");
    let actors: Vec<Field> = r
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            let row = row.unwrap();
            let (_, v) = row
                .get_column_iter()
                .find(|(n, _)| n.as_str() == "actor")
                .unwrap();
            v.clone()
        })
        .collect();
    assert_eq!(actors, [Field::Str(name.into()), Field::Str(name.into())]);
}

/// A Parquet reader over these bytes (through a temporary file).
fn parquet_reader(
    bytes: &[u8],
    tag: &str,
) -> parquet::file::reader::SerializedFileReader<std::fs::File> {
    let dir = tempdir(&format!("parquet-{tag}"));
    let path = dir.join("t.parquet");
    std::fs::write(&path, bytes).unwrap();
    parquet::file::reader::SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap()
}
