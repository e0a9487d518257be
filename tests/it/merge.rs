//! Merging across documents and stores: one event reported by several documents is one
//! event with several evidences; ingest is incremental; `forget` undoes a document;
//! `merge` combines shard stores associatively.

use crate::support::*;
use diplograph::{store, Document, Extractor, KnowledgeGraph};
use serde_json::Value;
use std::path::Path;

/// Three invented articles. A and B (one day apart) report the same Japanese pledge in
/// different words and the same Ishiba quote; C reports the pledge again two weeks
/// later (a new event); only B mentions Germany and its pledge.
const A: &str = "---
id: a
published: 2026-03-05
---
Japanese Prime Minister Shigeru Ishiba said on Thursday that Japan will provide $200 million to Moldova for its power grid.
\"We stand with Moldova in this hard winter,\" Ishiba told reporters in Tokyo.
";
const B: &str = "---
id: b
published: 2026-03-06
---
Japan will provide $200 million to Moldova for its power grid, the Japanese government announced.
Japanese Prime Minister Shigeru Ishiba spoke in parliament on Friday.
\"We stand with Moldova in this hard winter,\" Ishiba told lawmakers.
Germany will send engineers to Moldova, Berlin said.
";
const C: &str = "---
id: c
published: 2026-03-20
---
Japan will provide $200 million to Moldova for its power grid, officials in Tokyo confirmed on Friday.
";

fn corpus(name: &str) -> std::path::PathBuf {
    let dir = tempdir(name);
    for (f, t) in [("a.txt", A), ("b.txt", B), ("c.txt", C)] {
        std::fs::write(dir.join(f), t).unwrap();
    }
    dir
}

fn json(dir: &Path, args: &[&str]) -> Vec<Value> {
    let o = run(dir, args);
    assert!(o.status.success(), "{:?}: {}", args, stderr(&o));
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn docs_of(ev: &Value) -> Vec<String> {
    let mut d: Vec<String> = ev["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["doc"].as_str().unwrap().to_string())
        .collect();
    d.dedup();
    d
}

fn graph_of(order: &[(&str, &str)]) -> KnowledgeGraph {
    let ex = Extractor::bundled().unwrap();
    let mut g = KnowledgeGraph::new();
    for (name, text) in order {
        let doc = diplograph::document::parse_article(text, name, Path::new(name)).unwrap();
        g.add_extraction(&doc, &ex.extract(&doc));
    }
    g
}

fn ron(g: &KnowledgeGraph) -> String {
    store::to_string(g).unwrap()
}

#[test]
fn one_event_reported_by_two_documents_is_one_event_with_two_evidences() {
    let dir = corpus("merge-pledge");
    let o = run(&dir, &["ingest", "a.txt", "b.txt", "c.txt", "-g", "g.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pledges = json(
        &dir,
        &["pledges", "--by", "Japan", "-g", "g.ron", "-f", "json"],
    );
    // A and B one day apart: one event; C two weeks later: another.
    assert_eq!(pledges.len(), 2, "{pledges:#?}");
    assert_eq!(pledges[0]["documents"], 2);
    assert_eq!(docs_of(&pledges[0]), ["a", "b"]);
    assert_eq!(
        pledges[0]["date"], "2026-03-05",
        "dated by its first report"
    );
    assert_eq!(pledges[1]["documents"], 1);
    assert_eq!(docs_of(&pledges[1]), ["c"]);
    // The same quote in A and B is one statement.
    let quoted: Vec<Value> = json(
        &dir,
        &["statements", "--by", "Ishiba", "-g", "g.ron", "-f", "json"],
    )
    .into_iter()
    .filter(|s| s["quote"].is_string())
    .collect();
    assert_eq!(quoted.len(), 1, "{quoted:#?}");
    assert_eq!(docs_of(&quoted[0]), ["a", "b"]);
    // The table and the CSV show the count too.
    let o = run(&dir, &["pledges", "--by", "Japan", "-g", "g.ron"]);
    let table = stdout(&o);
    assert!(table.lines().next().unwrap().contains("DOCS"), "{table}");
    assert!(table.contains("[a, b]"), "{table}");
    let o = run(
        &dir,
        &["pledges", "--by", "Japan", "-g", "g.ron", "-f", "csv"],
    );
    let csv = stdout(&o);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == "documents").unwrap();
    let counts: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(col).unwrap())
        .collect();
    assert_eq!(counts, ["2", "1"], "{csv}");
}

#[test]
fn different_objects_and_distant_dates_stay_apart() {
    let other = A
        .replace("$200 million", "$300 million")
        .replace("id: a", "id: a3");
    let later = A
        .replace("2026-03-05", "2026-03-12")
        .replace("id: a", "id: a7");
    let g = graph_of(&[("a", A), ("a3", &other), ("a7", &later)]);
    let japan: Vec<_> = g
        .pledges(&diplograph::EventFilter::default().by("Japan"))
        .into_iter()
        .map(|v| v.event.document_count())
        .collect();
    assert_eq!(
        japan,
        [1, 1, 1],
        "another amount or a week later is another event"
    );
}

#[test]
fn the_order_documents_come_in_does_not_matter() {
    let abc = ron(&graph_of(&[("a", A), ("b", B), ("c", C)]));
    for order in [
        [("c", C), ("b", B), ("a", A)],
        [("b", B), ("a", A), ("c", C)],
        [("c", C), ("a", A), ("b", B)],
    ] {
        assert_eq!(ron(&graph_of(&order)), abc);
    }
}

#[test]
fn ingest_is_incremental_and_reingest_changes_nothing() {
    let dir = corpus("merge-incremental");
    let o = run(
        &dir,
        &["ingest", "a.txt", "b.txt", "c.txt", "-g", "all.ron"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&dir, &["ingest", "a.txt", "-g", "inc.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(
        &dir,
        &["ingest", "a.txt", "b.txt", "c.txt", "-g", "inc.ron"],
    );
    assert!(
        stderr(&o).contains("2 new or changed, 1 unchanged"),
        "{}",
        stderr(&o)
    );
    let all = std::fs::read(dir.join("all.ron")).unwrap();
    assert_eq!(std::fs::read(dir.join("inc.ron")).unwrap(), all);
    let before = std::fs::metadata(dir.join("all.ron"))
        .unwrap()
        .modified()
        .unwrap();
    let o = run(&dir, &["ingest", ".", "-g", "all.ron"]);
    assert!(
        stderr(&o).contains("0 new or changed, 3 unchanged"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(dir.join("all.ron")).unwrap(), all);
    let after = std::fs::metadata(dir.join("all.ron"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "an unchanged store is not rewritten");
    // A changed document replaces its earlier version.
    std::fs::write(dir.join("c.txt"), C.replace("Moldova", "Georgia")).unwrap();
    let o = run(&dir, &["ingest", "c.txt", "-g", "all.ron"]);
    assert!(stderr(&o).contains("1 new or changed"), "{}", stderr(&o));
    let to_c: Vec<Value> = json(
        &dir,
        &["pledges", "--by", "Japan", "-g", "all.ron", "-f", "json"],
    )
    .into_iter()
    .filter(|p| docs_of(p) == ["c"])
    .collect();
    assert_eq!(to_c.len(), 1);
    assert_eq!(to_c[0]["to"][0], "Georgia");
}

#[test]
fn forget_removes_evidence_events_and_entities_only_it_had() {
    let dir = corpus("merge-forget");
    let o = run(&dir, &["ingest", "a.txt", "b.txt", "c.txt", "-g", "g.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&dir, &["ingest", "a.txt", "c.txt", "-g", "ac.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&dir, &["forget", "b", "-g", "g.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pledges = json(&dir, &["pledges", "-g", "g.ron", "-f", "json"]);
    assert!(
        pledges.iter().all(|p| p["by"] != "Germany"),
        "B's own event is gone"
    );
    assert!(pledges
        .iter()
        .all(|p| !docs_of(p).contains(&"b".to_string())));
    assert_eq!(pledges[0]["documents"], 1, "A's report is left");
    let o = run(&dir, &["entities", "-g", "g.ron"]);
    assert!(!stdout(&o).contains("Germany"), "{}", stdout(&o));
    // Forgetting B leaves what ingesting A and C gives: the same documents, reports,
    // events and entities (entities keep the aliases B taught them, by design).
    let g = store::load(&dir.join("g.ron"), false).unwrap();
    let ac = store::load(&dir.join("ac.ron"), false).unwrap();
    let ids = |g: &KnowledgeGraph| {
        g.entities()
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&g), ids(&ac));
    assert_eq!(
        g.reports().collect::<Vec<_>>(),
        ac.reports().collect::<Vec<_>>()
    );
    assert_eq!(
        g.events().collect::<Vec<_>>(),
        ac.events().collect::<Vec<_>>()
    );
    assert_eq!(
        g.documents().collect::<Vec<_>>(),
        ac.documents().collect::<Vec<_>>()
    );
    let o = run(&dir, &["forget", "nope", "-g", "g.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not in store: nope"));
}

#[test]
fn merge_is_associative_and_equals_one_ingest() {
    let dir = corpus("merge-assoc");
    // Shards; A is in two of them.
    for (shard, files) in [
        ("sa.ron", &["a.txt"][..]),
        ("sb.bin", &["b.txt", "a.txt"][..]),
        ("sc.ron", &["c.txt"][..]),
    ] {
        let mut args = vec!["ingest"];
        args.extend_from_slice(files);
        args.extend_from_slice(&["-g", shard]);
        let o = run(&dir, &args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let merge = |inputs: &[&str], out: &str| {
        let mut args = vec!["merge"];
        args.extend_from_slice(inputs);
        args.extend_from_slice(&["-o", out]);
        let o = run(&dir, &args);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    merge(&["sb.bin", "sc.ron"], "bc.ron");
    merge(&["sa.ron", "bc.ron"], "a_bc.ron");
    merge(&["sa.ron", "sb.bin"], "ab.bin");
    merge(&["ab.bin", "sc.ron"], "ab_c.ron");
    merge(&["sa.ron", "sb.bin", "sc.ron"], "abc.ron");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    assert_eq!(read("a_bc.ron"), read("ab_c.ron"));
    assert_eq!(read("abc.ron"), read("ab_c.ron"));
    let o = run(
        &dir,
        &["ingest", "a.txt", "b.txt", "c.txt", "-g", "all.ron"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        read("abc.ron"),
        read("all.ron"),
        "shards merge into what one ingest gives"
    );
    let pledges = json(
        &dir,
        &["pledges", "--by", "Japan", "-g", "abc.ron", "-f", "json"],
    );
    assert_eq!(pledges[0]["documents"], 2);
}

#[test]
fn binary_and_ron_stores_hold_the_same_graph() {
    let g = graph_of(&[("a", A), ("b", B), ("c", C)]);
    let dir = tempdir("merge-binary");
    store::save(&g, &dir.join("g.bin")).unwrap();
    let back = store::load(&dir.join("g.bin"), false).unwrap();
    assert_eq!(ron(&back), ron(&g));
    assert_eq!(back.event_count(), g.event_count());
    let merged: Vec<usize> = back.events().map(|e| e.document_count()).collect();
    assert!(
        merged.contains(&2),
        "the two-document events survive: {merged:?}"
    );
    // And the binary store is deterministic.
    store::save(&back, &dir.join("again.bin")).unwrap();
    assert_eq!(
        std::fs::read(dir.join("g.bin")).unwrap(),
        std::fs::read(dir.join("again.bin")).unwrap()
    );
}

#[test]
fn merge_reports_a_bad_store_by_name() {
    let dir = tempdir("merge-bad");
    std::fs::write(
        dir.join("bad.ron"),
        "(format: \"diplograph-store\", version: 2, documents: [",
    )
    .unwrap();
    let o = run(&dir, &["merge", "bad.ron", "-o", "out.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.ron: corrupt store"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.join("out.ron").exists());
}

#[test]
fn documents_are_parsed_like_files() {
    // parse_article is what the library-level tests above feed; keep it honest.
    let d: Document = diplograph::document::parse_article(A, "x", Path::new("a.txt")).unwrap();
    assert_eq!(d.id, "a");
    assert!(d.text.starts_with("Japanese Prime Minister"));
}
