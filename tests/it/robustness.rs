//! Bad input and bad luck: a corpus with binary, truncated, non-UTF-8, enormous and
//! malformed files is ingested as far as it is good; a crash during the save leaves
//! the previous store; a newer or corrupted store is refused with a clear error.

use crate::support::*;
use diplograph::{
    store, DocumentMeta, Entity, EntityKind, Event, EventKind, Evidence, KnowledgeGraph, Modality,
};
use std::io::Write;
use std::time::{Duration, Instant};

const GOOD: &str = "---
id: good-txt
published: 2026-02-01
---
Germany will send engineers to Moldova, the German foreign ministry said.
";

#[test]
fn a_corpus_with_bad_files_ingests_everything_good_and_reports_the_rest() {
    let started = Instant::now();
    let dir = tempdir("robust-corpus");
    let c = dir.join("corpus");
    std::fs::create_dir_all(c.join("nested")).unwrap();
    std::fs::write(c.join("good.txt"), GOOD).unwrap();
    std::fs::write(
        c.join("nested/good.md"),
        "Japan will provide $200 million to Moldova, Tokyo said.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00garbage",
    )
    .unwrap();
    std::fs::write(
        c.join("truncated.txt"),
        "---\nid: cut\ntitle: A headline that was cu",
    )
    .unwrap();
    std::fs::write(
        c.join("latin1.txt"),
        b"Fran\xe7ois Bayrou said Paris will help.\n",
    )
    .unwrap();
    // Enormous: a 50 MB single line, as an article and as a JSON Lines record.
    let line = "Ukraine ".repeat(50 * 1024 * 1024 / 8);
    std::fs::write(c.join("huge.txt"), &line).unwrap();
    let mut jsonl = std::fs::File::create(c.join("feed.jsonl")).unwrap();
    writeln!(jsonl, r#"{{"id":"j1","published":"2026-02-02","text":"Italy will send engineers to Moldova, Rome said."}}"#).unwrap();
    writeln!(jsonl, r#"{{"id":"j2","text": not json at all"#).unwrap();
    writeln!(jsonl, r#"{{"id":"j3","text":"{line}"}}"#).unwrap();
    jsonl
        .write_all(b"{\"id\":\"j4\",\"text\":\"caf\xe9\"}\n")
        .unwrap();
    writeln!(jsonl, r#"{{"id":"j5","title":"no text"}}"#).unwrap();
    writeln!(
        jsonl,
        r#"{{"id":"j6","text":"Poland will send engineers to Moldova, Warsaw said."}}"#
    )
    .unwrap();
    jsonl
        .write_all(br#"{"id":"j7","text":"Spain will send engineers to Mol"#)
        .unwrap();
    drop(jsonl);
    drop(line);

    let o = run(&dir, &["ingest", "corpus", "-g", "g.ron"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "partial success exits 1:\n{err}");
    let expect = [
        ("binary.txt", "binary file"),
        ("truncated.txt", "front matter is not closed"),
        ("latin1.txt", "not valid UTF-8"),
        ("huge.txt", "larger than"),
        ("feed.jsonl:2", "malformed JSON"),
        ("feed.jsonl:3", "line longer than"),
        ("feed.jsonl:4", "not valid UTF-8"),
        ("feed.jsonl:5", "missing or empty \"text\""),
        ("feed.jsonl:7", "malformed JSON"),
    ];
    for (file, why) in expect {
        assert!(
            err.lines()
                .any(|l| l.starts_with("skipped: ") && l.contains(file) && l.contains(why)),
            "{file}: {why} not reported:\n{err}"
        );
    }
    assert_eq!(
        err.lines().filter(|l| l.starts_with("skipped: ")).count(),
        expect.len(),
        "{err}"
    );
    assert!(err.contains("read 4 document(s)"), "{err}");
    assert!(err.contains(&format!("{} skipped", expect.len())), "{err}");
    let g = store::load(&dir.join("g.ron"), false).unwrap();
    let docs: Vec<&str> = g.documents().map(|d| d.id.as_str()).collect();
    assert_eq!(docs, ["good", "good-txt", "j1", "j6"]);
    let o = run(&dir, &["pledges", "--to", "Moldova", "-g", "g.ron"]);
    for who in ["Germany", "Japan", "Italy", "Poland"] {
        assert!(stdout(&o).contains(who), "{who}:\n{}", stdout(&o));
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

/// A synthetic store with `n` reports (made directly, not by extraction: fast).
fn synthetic(n: usize) -> KnowledgeGraph {
    let countries = 50;
    let entities: Vec<Entity> = (0..countries)
        .map(|i| {
            Entity::new(
                format!("country:C{i:02}"),
                EntityKind::Country,
                format!("Country {i}"),
            )
        })
        .collect();
    let mut docs = Vec::new();
    let mut reports = Vec::new();
    for i in 0..n {
        let doc = format!("doc-{:06}", i / 10);
        if i % 10 == 0 {
            docs.push(DocumentMeta {
                id: doc.clone(),
                digest: format!("{i:016x}"),
                published: Some(format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                ..DocumentMeta::default()
            });
        }
        let sentence = format!(
            "Country {} will send {} engineers to Country {}.",
            i % countries,
            i,
            (i * 7) % countries
        );
        reports.push(Event {
            id: format!("ev:{i:016x}"),
            kind: EventKind::Pledge,
            actor: format!("country:C{:02}", i % countries),
            targets: vec![format!("country:C{:02}", (i * 7) % countries)],
            what: Some(format!("send {i} engineers")),
            quote: None,
            modality: Modality::default(),
            date: Some(format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
            date_precision: diplograph::DatePrecision::Published,
            cameo: "030".into(),
            plover: "AGREE".into(),
            evidence: vec![Evidence {
                doc,
                start: 0,
                end: sentence.len(),
                sentence,
            }],
        });
    }
    KnowledgeGraph::from_parts(docs, entities, reports, vec![])
}

#[test]
fn a_crash_during_the_save_leaves_the_previous_store() {
    let dir = tempdir("robust-crash");
    std::fs::write(dir.join("new.txt"), GOOD).unwrap();
    let mut killed_mid_write = false;
    for attempt in 0..6 {
        let path = dir.join("big.bin");
        store::save(&synthetic(60_000 << attempt.min(2)), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let mut child = std::process::Command::new(bin())
            .args(["ingest", "new.txt", "-g", "big.bin"])
            .current_dir(&dir)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the temporary file of the atomic save, then kill -9.
        let deadline = Instant::now() + Duration::from_secs(60);
        let tmp_seen = loop {
            let seen = std::fs::read_dir(&dir).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".big.bin.tmp-")
            });
            if seen || Instant::now() > deadline {
                break seen;
            }
            if child.try_wait().unwrap().is_some() {
                break false;
            }
            std::thread::sleep(Duration::from_micros(200));
        };
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let after = std::fs::read(&path).unwrap();
        // Whatever happened, the store is whole: the old one, or the complete new one.
        let g = store::load(&path, false).expect("store loads after a crash");
        if tmp_seen && !status.success() && after == before {
            killed_mid_write = true;
            assert!(g.document("good-txt").is_none());
            break;
        }
        assert!(
            after == before || g.document("good-txt").is_some(),
            "attempt {attempt}"
        );
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".big.bin.tmp-")
            {
                std::fs::remove_file(p).unwrap();
            }
        }
    }
    assert!(killed_mid_write, "never caught the save in the act");
}

#[test]
fn newer_and_corrupted_stores_are_refused_with_a_clear_error() {
    let dir = tempdir("robust-store");
    std::fs::write(dir.join("a.txt"), GOOD).unwrap();
    for f in ["g.ron", "g.bin"] {
        let o = run(&dir, &["ingest", "a.txt", "-g", f]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let ron = std::fs::read_to_string(dir.join("g.ron")).unwrap();
    let bin = std::fs::read(dir.join("g.bin")).unwrap();
    let mut cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "newer.ron",
            ron.replacen("version: 2", "version: 3", 1).into_bytes(),
            "newer than this diplograph",
        ),
        (
            "cut.ron",
            ron.as_bytes()[..ron.len() * 2 / 3].to_vec(),
            "corrupt store at line",
        ),
        ("cut.bin", bin[..bin.len() - 10].to_vec(), "truncated"),
        ("empty.bin", Vec::new(), "bad magic"),
    ];
    let mut newer = bin.clone();
    newer[8] = 9;
    cases.push(("newer.bin", newer, "newer than this diplograph"));
    let mut flipped = bin.clone();
    let mid = bin.len() / 2;
    flipped[mid] ^= 0x01;
    cases.push(("flipped.bin", flipped, "checksum mismatch"));
    for (name, bytes, want) in cases {
        std::fs::write(dir.join(name), &bytes).unwrap();
        let o = run(&dir, &["pledges", "-g", name]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.starts_with(&format!("error: {name}: ")),
            "{name}: {err}"
        );
        assert!(err.contains(want), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        // Ingest refuses to build on it too, and leaves it alone.
        let o = run(&dir, &["ingest", "a.txt", "-g", name]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert_eq!(
            std::fs::read(dir.join(name)).unwrap(),
            bytes,
            "{name} untouched"
        );
    }
}
