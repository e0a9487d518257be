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

/// `extract - --format jsonl` is a map step: each line in gives a line out before the
/// next line is read (the test reads the answer while standard input is still open).
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
