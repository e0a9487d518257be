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
