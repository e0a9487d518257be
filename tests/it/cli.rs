//! The command line end to end: ingest, queries, exports, and bad input.

use crate::support::*;

/// An invented article in wire style (not from any real outlet).
const ARTICLE: &str = "---
id: it-aid
title: Donors back Moldova grid
published: 2026-03-05
source: Test Wire
---
CHISINAU, March 5 (Test Wire) - Japanese Prime Minister Shigeru Ishiba said on Thursday that Japan will provide $200 million to Moldova for its power grid.
\"We stand with Moldova,\" Ishiba told reporters in Tokyo.
Germany and Italy will each send engineers to Moldova, the German foreign ministry said.
Romania did not commit to new funding.
";

#[test]
fn ingest_then_pledges_to_recipient() {
    let dir = tempdir("pledges-to");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let o = run(&dir, &["ingest", "a.txt", "--graph", "g.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&dir, &["pledges", "--to", "moldova", "--graph", "g.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for who in ["Japan", "Germany", "Italy"] {
        assert!(out.contains(who), "{who} missing:\n{out}");
    }
    assert!(
        !out.contains("Romania"),
        "a negated commitment is not a pledge:\n{out}"
    );
    let o = run(
        &dir,
        &[
            "pledges", "--to", "moldova", "--all", "--graph", "g.ron", "--format", "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 3);
}

#[test]
fn reingesting_changes_nothing() {
    let dir = tempdir("reingest");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    assert!(run(&dir, &["ingest", "a.txt", "--graph", "g.ron"])
        .status
        .success());
    let first = std::fs::read(dir.join("g.ron")).unwrap();
    let o = run(&dir, &["ingest", "a.txt", "--graph", "g.ron"]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("1 unchanged"), "{}", stderr(&o));
    assert_eq!(first, std::fs::read(dir.join("g.ron")).unwrap());
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempdir("bad-inputs");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("good.txt"), ARTICLE).unwrap();
    std::fs::write(corpus.join("binary.txt"), b"abc\0def").unwrap();
    std::fs::write(corpus.join("latin1.txt"), b"caf\xe9 said").unwrap();
    std::fs::write(corpus.join("empty.txt"), "---\nid: e\n---\n\n").unwrap();
    std::fs::write(
        corpus.join("lines.jsonl"),
        "{\"text\": \"Chad will send aid to Niger.\"}\n{oops\n",
    )
    .unwrap();
    let o = run(
        &dir,
        &["ingest", "corpus", "missing.txt", "--graph", "g.ron"],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "partial success exits 1: {err}");
    for needle in [
        "binary.txt",
        "latin1.txt",
        "empty.txt",
        "lines.jsonl:2",
        "missing.txt",
    ] {
        assert!(err.contains(needle), "{needle} not reported:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    let o = run(&dir, &["entities", "--graph", "g.ron"]);
    assert!(
        stdout(&o).contains("Moldova"),
        "the good article was ingested"
    );
}

#[test]
fn nothing_readable_is_an_error_and_writes_no_store() {
    let dir = tempdir("nothing");
    let o = run(&dir, &["ingest", "nope.txt", "--graph", "g.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.txt"), "{}", stderr(&o));
    assert!(!dir.join("g.ron").exists());
}

#[test]
fn a_malformed_store_is_left_as_it_was() {
    let dir = tempdir("bad-store");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.join("g.ron"),
        "(format: \"diplograph-store\", version: 1, entities: [(",
    )
    .unwrap();
    let before = std::fs::read(dir.join("g.ron")).unwrap();
    for args in [
        vec!["ingest", "a.txt", "--graph", "g.ron"],
        vec!["pledges", "--graph", "g.ron"],
        vec!["export", "--format", "dot", "--graph", "g.ron"],
    ] {
        let o = run(&dir, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains("g.ron") && err.lines().count() == 1, "{err}");
    }
    assert_eq!(before, std::fs::read(dir.join("g.ron")).unwrap());
}

#[test]
fn extract_json_follows_the_contract() {
    let dir = tempdir("contract");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let o = run(&dir, &["extract", "a.txt", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "it-aid");
    let names: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    let text = ARTICLE.split("---\n").nth(2).unwrap();
    for key in ["pledges", "statements"] {
        for item in v[key].as_array().unwrap() {
            let by = item["by"].as_str().unwrap();
            assert!(
                names.contains(&by),
                "{key}: by {by} not in entities {names:?}"
            );
            let sentence = item["sentence"].as_str().unwrap();
            assert!(
                text.contains(sentence),
                "{key}: sentence not in text: {sentence}"
            );
        }
    }
    assert!(v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["quote"] == "We stand with Moldova,"));
    // Several documents give an array; stdin works too.
    std::fs::write(dir.join("b.txt"), "Chad will send aid to Niger.").unwrap();
    let o = run(&dir, &["extract", "a.txt", "b.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    let o = run_stdin(
        &dir,
        &["extract", "-", "--format", "jsonl"],
        b"{\"id\": \"s1\", \"text\": \"Chad will send aid to Niger.\"}\n",
    );
    let line: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(line["id"], "s1");
    assert_eq!(line["pledges"][0]["by"], "Chad");
}

#[test]
fn show_and_entities_answer_by_alias() {
    let dir = tempdir("show");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    assert!(run(&dir, &["ingest", "a.txt", "--graph", "g.ron"])
        .status
        .success());
    let o = run(&dir, &["show", "ishiba", "--graph", "g.ron"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        out.contains("Shigeru Ishiba") && out.contains("Statements made (2)"),
        "{out}"
    );
    let o = run(&dir, &["entities", "--kind", "country", "--graph", "g.ron"]);
    let out = stdout(&o);
    assert!(
        out.contains("Japan") && !out.contains("Shigeru Ishiba"),
        "{out}"
    );
    let o = run(&dir, &["show", "Atlantis", "--graph", "g.ron"]);
    assert_eq!(o.status.code(), Some(2));
}

/// An article whose names and quotes hold everything DOT must escape.
const HOSTILE: &str = "---
id: hostile
---
Foreign Minister Jan \"The Hammer\" Back\\slash of <Ruritania> said \"a\\b\" and “quotes”.
Chad will send 300 troops to Niger, Minister Zoë Łukasz-Ößer said on Friday.
Chad and Niger will each provide {braces} and \"quotes\" to Mali.
";

#[test]
fn dot_export_is_accepted_by_graphviz_for_hostile_text() {
    let dir = tempdir("dot-hostile");
    std::fs::write(dir.join("h.txt"), HOSTILE).unwrap();
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    assert!(run(&dir, &["ingest", "h.txt", "a.txt", "--graph", "g.ron"])
        .status
        .success());
    let o = run(
        &dir,
        &[
            "export", "--format", "dot", "--graph", "g.ron", "-o", "g.dot",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let dot = std::fs::read_to_string(dir.join("g.dot")).unwrap();
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("pledge"), "{dot}");
    if !has_program("dot") {
        skip(
            "dot_export_is_accepted_by_graphviz_for_hostile_text",
            "graphviz `dot` not installed",
        );
        return;
    }
    let out = std::process::Command::new("dot")
        .args(["-Tsvg", "g.dot"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dot rejected:\n{}\n{dot}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn extract_streams_jsonl_line_in_line_out() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(bin())
        .args(["extract", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let docs = [
        (
            "s1",
            "Japan will provide $200 million to Moldova, Tokyo said.",
        ),
        ("s2", "Germany will send engineers to Moldova, Berlin said."),
    ];
    for (id, text) in docs {
        let rec = serde_json::json!({"id": id, "text": text});
        writeln!(stdin, "{rec}").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], id);
        assert_eq!(v["pledges"].as_array().unwrap().len(), 1, "{line}");
    }
    // A bad line is reported on stderr and the stream goes on.
    writeln!(stdin, "{{not json").unwrap();
    writeln!(
        stdin,
        "{}",
        serde_json::json!({"id": "s3", "text": "Chad said Japan will send aid."})
    )
    .unwrap();
    drop(stdin);
    let rest: Vec<String> = out.lines().map(Result::unwrap).collect();
    assert_eq!(rest.len(), 1);
    assert!(rest[0].contains("\"s3\""));
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "a skipped line makes the exit partial"
    );
    assert!(
        stderr(&o).contains("stdin:3: malformed JSON"),
        "{}",
        stderr(&o)
    );
}
