//! The binary store's packed layout: a graph loaded from it (whose events are decoded
//! when first read) answers, changes and saves exactly like the graph it was saved
//! from; stores of the previous binary layout still load.

use crate::support::*;
use diplograph::{
    store, DatePrecision, DocumentMeta, Entity, EntityKind, Event, EventFilter, EventKind,
    Evidence, KnowledgeGraph, Link, LinkKind, Modality,
};
use std::collections::BTreeSet;
use std::path::Path;

/// A report with what makes it awkward to pack: several or no targets, a target that
/// is no entity, an actor that is no entity, quotes, missing dates, every modality,
/// text beyond ASCII.
#[allow(clippy::too_many_arguments)]
fn report(
    id: &str,
    doc: &str,
    kind: EventKind,
    actor: &str,
    targets: &[&str],
    what: Option<&str>,
    date: Option<&str>,
    sentence: &str,
) -> Event {
    Event {
        id: id.into(),
        kind,
        actor: actor.into(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        what: what.map(str::to_string),
        quote: (kind == EventKind::Statement).then(|| format!("« {sentence} »")),
        modality: Modality {
            negated: id.ends_with('n'),
            conditional: id.ends_with('c'),
            hedged: id.ends_with('h'),
            future: kind == EventKind::Pledge,
        },
        date: date.map(str::to_string),
        date_precision: if date.is_some() {
            DatePrecision::Day
        } else {
            DatePrecision::Published
        },
        cameo: kind.cameo().into(),
        plover: kind.plover().into(),
        evidence: vec![Evidence {
            doc: doc.into(),
            sentence: sentence.into(),
            start: 7,
            end: 7 + sentence.len(),
        }],
    }
}

fn entities() -> Vec<Entity> {
    let mut v = vec![
        Entity::new("country:JPN", EntityKind::Country, "Japan"),
        Entity::new("country:MDA", EntityKind::Country, "Moldova"),
        Entity::new("country:FRA", EntityKind::Country, "France"),
        Entity::new("org:nato", EntityKind::Organization, "NATO"),
        Entity::new("person:zoë-ü", EntityKind::Person, "Zoë Ünal"),
    ];
    v[1].add_alias("Chișinău");
    v[4].attributes.insert("role".into(), "envoy".into());
    v
}

fn docs(n: usize) -> Vec<DocumentMeta> {
    (0..n)
        .map(|i| DocumentMeta {
            id: format!("d{i}"),
            title: Some(format!("Títle {i}")),
            published: Some(format!("2026-03-{:02}", 1 + i)),
            digest: format!("{i:016x}"),
            entities: vec!["country:JPN".into(), "country:MDA".into()],
            ..DocumentMeta::default()
        })
        .collect()
}

fn reports() -> Vec<Event> {
    use EventKind::{Pledge, Statement};
    let (jpn, mda, fra, nato, zoe) = (
        "country:JPN",
        "country:MDA",
        "country:FRA",
        "org:nato",
        "person:zoë-ü",
    );
    let aid = Some("provide $200 million to Moldova");
    vec![
        // One pledge told by three documents within three days: one event.
        report(
            "ev:a1",
            "d0",
            Pledge,
            jpn,
            &[mda],
            aid,
            Some("2026-03-01"),
            "Japan will provide $200 million to Moldova.",
        ),
        report(
            "ev:a2",
            "d1",
            Pledge,
            jpn,
            &[mda],
            aid,
            Some("2026-03-02"),
            "Tokyo pledged $200 million to Moldova.",
        ),
        report(
            "ev:a3",
            "d2",
            Pledge,
            jpn,
            &[mda],
            aid,
            Some("2026-03-03"),
            "Japan’s $200 million for Moldova, again.",
        ),
        // The same sentence (same id) two weeks later: a new event, with an id of its own.
        report(
            "ev:a1",
            "d5",
            Pledge,
            jpn,
            &[mda],
            aid,
            Some("2026-03-17"),
            "Japan will provide $200 million to Moldova.",
        ),
        // Two targets, one twice (with one that is no entity between), and one that is no
        // entity.
        report(
            "ev:b1",
            "d1",
            Statement,
            fra,
            &[mda, "country:XXX", mda, nato],
            None,
            Some("2026-03-02"),
            "France spoke of Moldova and NATO — «ensemble».",
        ),
        // No target: a self-loop.
        report(
            "ev:c1h",
            "d2",
            Statement,
            zoe,
            &[],
            None,
            None,
            "Zoë Ünal said things would improve 🙂.",
        ),
        // An actor that is no entity: kept, not shown.
        report(
            "ev:d1",
            "d3",
            Pledge,
            "country:XXX",
            &[mda],
            Some("send tents"),
            Some("2026-03-04"),
            "Somebody will send tents.",
        ),
        // Negated, hedged and conditional pledges to one target.
        report(
            "ev:e1n",
            "d3",
            Pledge,
            fra,
            &[mda],
            Some("send troops"),
            Some("2026-03-04"),
            "France will not send troops.",
        ),
        report(
            "ev:e2h",
            "d4",
            Pledge,
            nato,
            &[mda],
            Some("hold drills"),
            Some("2026-03-05"),
            "NATO may hold drills.",
        ),
        report(
            "ev:e3c",
            "d4",
            Pledge,
            nato,
            &[jpn, mda],
            Some("fund a grid"),
            Some("2026-03-05"),
            "NATO will fund a grid if asked.",
        ),
        // Two sentences of one document for one event.
        Event {
            evidence: vec![
                Evidence {
                    doc: "d4".into(),
                    sentence: "First.".into(),
                    start: 0,
                    end: 6,
                },
                Evidence {
                    doc: "d4".into(),
                    sentence: "Second.".into(),
                    start: 7,
                    end: 14,
                },
            ],
            ..report(
                "ev:f1",
                "d4",
                Statement,
                mda,
                &[jpn],
                None,
                Some("2026-03-05"),
                "x",
            )
        },
    ]
}

fn graph() -> KnowledgeGraph {
    let links = vec![Link {
        from: "person:zoë-ü".into(),
        to: "org:nato".into(),
        kind: LinkKind::Role,
        role: Some("envoy".into()),
    }];
    KnowledgeGraph::from_parts(docs(6), entities(), reports(), links)
}

fn ron(g: &KnowledgeGraph) -> String {
    store::to_string(g).unwrap()
}

/// Everything a reader can ask, as text: events, edges, and queries by every name.
fn answers(g: &KnowledgeGraph) -> Vec<String> {
    let mut out: Vec<String> = g.events().map(|e| format!("{e:?}")).collect();
    for e in g.edges() {
        out.push(format!(
            "{} -> {}: {:?} {:?} {}",
            e.source.id,
            e.target.id,
            e.event.map(|e| &e.id),
            e.link,
            e.untargeted
        ));
    }
    let names = [
        "Japan",
        "Moldova",
        "Chișinău",
        "France",
        "NATO",
        "Zoë Ünal",
        "nobody",
    ];
    for n in names {
        let filters = [
            EventFilter::default().to(n),
            EventFilter::default().by(n),
            EventFilter {
                include_unfirm: true,
                ..EventFilter::default().to(n)
            },
            EventFilter::default().by(n).to("Moldova"),
        ];
        for f in filters {
            for v in g
                .pledges(&f)
                .iter()
                .chain(&g.statements(&f))
                .chain(&g.query(&f))
            {
                let targets: Vec<&str> = v.targets.iter().map(|t| t.id.as_str()).collect();
                out.push(format!("{n}: {} {} {targets:?}", v.event.id, v.actor.id));
            }
        }
        let ids: BTreeSet<&str> = g.entity_ids_named(n);
        for outgoing in [true, false] {
            for e in g.events_touching(&ids, outgoing) {
                out.push(format!("{n} touching {outgoing}: {}", e.id));
            }
        }
    }
    for e in g.events() {
        assert_eq!(g.event(&e.id).map(|x| &x.id), Some(&e.id));
    }
    out
}

fn saved_and_loaded(g: &KnowledgeGraph, dir: &Path, name: &str) -> KnowledgeGraph {
    let path = dir.join(name);
    store::save(g, &path).unwrap();
    store::load(&path, false).unwrap()
}

#[test]
fn a_loaded_graph_answers_like_the_saved_one() {
    let g = graph();
    // The awkward cases are there: a merged event, a renamed one, a hidden one.
    assert!(g.events().any(|e| e.document_count() == 3));
    assert!(
        g.events()
            .filter(|e| e.what.is_some() && e.actor == "country:JPN")
            .count()
            == 2
    );
    assert_eq!(g.report_count(), reports().len());
    let dir = tempdir("packed-answers");
    let back = saved_and_loaded(&g, &dir, "g.bin");
    assert_eq!(back.event_count(), g.event_count());
    assert_eq!(back.report_count(), g.report_count());
    // Queries first (events decoded one by one), then everything.
    assert_eq!(answers(&back), answers(&g));
    assert_eq!(ron(&back), ron(&g));
    let fresh = store::load(&dir.join("g.bin"), false).unwrap();
    assert_eq!(ron(&fresh), ron(&g), "reports before any event is decoded");
    // Saving a loaded graph writes the same bytes.
    store::save(&fresh, &dir.join("again.bin")).unwrap();
    assert_eq!(
        std::fs::read(dir.join("g.bin")).unwrap(),
        std::fs::read(dir.join("again.bin")).unwrap()
    );
    let copy = fresh.clone();
    assert_eq!(answers(&copy), answers(&g));
}

#[test]
fn a_loaded_graph_changes_like_the_saved_one() {
    let dir = tempdir("packed-changes");
    // Forgetting a document regroups what it reported.
    for doc in ["d0", "d1", "d4", "d5"] {
        let mut g = graph();
        let mut back = saved_and_loaded(&g, &dir, "g.bin");
        let _ = back.events().count(); // some events decoded, some not: both must hold
        assert!(g.forget_document(doc) && back.forget_document(doc), "{doc}");
        assert_eq!(ron(&back), ron(&g), "forget {doc}");
        assert_eq!(answers(&back), answers(&g), "forget {doc}");
    }
    // Merging another graph in, into a loaded graph and from one.
    let other = KnowledgeGraph::from_parts(
        docs(8).split_off(6),
        entities(),
        vec![
            report(
                "ev:g1",
                "d6",
                EventKind::Pledge,
                "country:JPN",
                &["country:MDA"],
                Some("provide $200 million to Moldova"),
                Some("2026-03-18"),
                "Japan confirmed the $200 million.",
            ),
            report(
                "ev:g2",
                "d7",
                EventKind::Statement,
                "country:MDA",
                &[],
                None,
                None,
                "Moldova thanked Japan.",
            ),
        ],
        vec![],
    );
    let mut g = graph();
    let mut back = saved_and_loaded(&g, &dir, "g.bin");
    let other_back = saved_and_loaded(&other, &dir, "o.bin");
    g.merge(&other);
    back.merge(&other_back);
    assert_eq!(ron(&back), ron(&g));
    assert_eq!(answers(&back), answers(&g));
    assert!(
        back.events().any(|e| e.document_count() == 2),
        "d5 and d6 tell one event"
    );
}

#[test]
fn stores_of_the_previous_binary_layout_still_load() {
    // Written by the previous release from the same three articles, as RON and as
    // binary layout 2.
    let data = root().join("tests/data");
    let v2 = store::load(&data.join("store-v2.bin"), false).unwrap();
    let text = store::load(&data.join("store-v2.ron"), false).unwrap();
    assert!(v2.event_count() > 10, "{}", v2.event_count());
    assert_eq!(ron(&v2), ron(&text));
    assert_eq!(answers(&v2), answers(&text));
    let bytes = std::fs::read(data.join("store-v2.bin")).unwrap();
    assert_eq!(bytes[8..12], 2u32.to_le_bytes());
    // Saved again, it is written in the current layout.
    let dir = tempdir("packed-v2");
    let v3 = saved_and_loaded(&v2, &dir, "v3.bin");
    let bytes = std::fs::read(dir.join("v3.bin")).unwrap();
    assert_eq!(bytes[8..12], store::BINARY_VERSION.to_le_bytes());
    assert_eq!(ron(&v3), ron(&text));
}
