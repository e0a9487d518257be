//! Which reports tell the same event: the rules behind merging events across
//! documents ("one event reported by several outlets is one event with several
//! evidences").
//!
//! A *report* is one document's account of an event, as extraction gave it. Reports
//! can only be the same event when they share kind, actor, targets (as a set) and
//! negation — the caller groups them by that ([`GroupKey`]). Within a group,
//! [`merge_reports`] decides by date and object: a report dated at most
//! [`SAME_EVENT_DAYS`] after an event's first report, whose object matches that first
//! report's, is one more evidence of it. Objects match when pledges name the same
//! thing (same numbers, mostly the same words of `what`) or when statements overlap
//! in their quote (or, without quotes, their sentence).
//!
//! The result is a function of the *set* of reports, not of their order: reports are
//! taken in (date, document, id) order and each joins the oldest open event whose first
//! report it matches. So ingest order, shard merge order and forget-then-re-add never
//! change the events. This module knows nothing of petgraph or of the store.

use crate::model::{day_number, stable_hash, Event, EventKind};
use std::collections::HashMap;
use std::sync::Arc;

/// The version of these rules. A binary store keeps each group's grouping with this
/// number; a store written under other rules is regrouped on load.
pub const MERGE_RULES: u32 = 1;

/// Reports dated at most this many days after an event's first report can be the same
/// event ("close date"); later ones start a new event.
pub const SAME_EVENT_DAYS: i64 = 3;

/// Two texts whose word-trigram sets overlap by at least this share of the smaller one
/// tell the same thing (a quote reported twice, a sentence copied by another outlet).
const TEXT_OVERLAP: f64 = 0.5;

/// Two pledged objects whose word sets overlap by at least this share of the smaller
/// one (and that name the same numbers) are the same object: "provide $200 million to
/// Moldova" and "provide $200 million to Moldova for its grid, officials said".
const WHAT_OVERLAP: f64 = 0.75;

/// What reports must share to be one event before dates and objects are compared.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    /// The event kind.
    pub kind: EventKind,
    /// The actor's entity id.
    pub actor: String,
    /// Target ids, sorted, without duplicates: target order is an accident of wording.
    pub targets: Vec<String>,
    /// Negated reports are never the same event as affirmative ones.
    pub negated: bool,
}

impl GroupKey {
    /// The group of a report.
    pub fn of(ev: &Event) -> GroupKey {
        let mut targets = ev.targets.clone();
        targets.sort();
        targets.dedup();
        GroupKey {
            kind: ev.kind,
            actor: ev.actor.clone(),
            targets,
            negated: ev.modality.negated,
        }
    }

    /// A hash of the group of a report, computed without building the key: the
    /// targets are combined order-independently.
    pub fn hash_of(ev: &Event) -> u64 {
        let neg = if ev.modality.negated { "1" } else { "0" };
        let mut h = stable_hash(&[ev.kind.as_str(), neg, &ev.actor]);
        let mut seen = 0u64;
        for (i, t) in ev.targets.iter().enumerate() {
            if ev.targets[..i].contains(t) {
                continue;
            }
            seen = seen.wrapping_add(stable_hash(&[t]).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        }
        h ^= seen.rotate_left(29);
        h
    }

    /// Is `ev` a report of this group?
    pub fn holds(&self, ev: &Event) -> bool {
        if self.kind != ev.kind || self.negated != ev.modality.negated || self.actor != ev.actor {
            return false;
        }
        ev.targets.iter().all(|t| self.targets.contains(t))
            && self.targets.iter().all(|t| ev.targets.contains(t))
    }
}

/// The document a report comes from (its first evidence's).
pub fn report_doc(ev: &Event) -> &str {
    ev.evidence.first().map_or("", |e| e.doc.as_str())
}

/// What a report's object is, for telling whether two reports tell the same event.
enum Object {
    /// A pledge's `what`: hashes of its words (sorted, unique, without articles and
    /// possessives), and of those of them that hold digits.
    What { words: Vec<u64>, numbers: Vec<u64> },
    /// Word-trigram hashes (sorted, unique) of the quote, if any, and of the sentences.
    Text {
        quote: Option<Vec<u64>>,
        sentence: Vec<u64>,
    },
}

impl Object {
    fn of(ev: &Event) -> Object {
        if ev.kind == EventKind::Pledge {
            let what = ev.what.as_deref().unwrap_or("");
            let mut words: Vec<u64> = Vec::new();
            let mut numbers: Vec<u64> = Vec::new();
            for (w, digits) in word_hashes(what) {
                if !STOP.contains(&w) {
                    words.push(w);
                    if digits {
                        numbers.push(w);
                    }
                }
            }
            if !words.is_empty() {
                words.sort_unstable();
                words.dedup();
                numbers.sort_unstable();
                numbers.dedup();
                return Object::What { words, numbers };
            }
        }
        let quote = ev.quote.as_deref().map(trigrams).filter(|q| !q.is_empty());
        let mut sentence = Vec::new();
        for e in &ev.evidence {
            sentence.extend(trigrams(&e.sentence));
        }
        sentence.sort_unstable();
        sentence.dedup();
        Object::Text { quote, sentence }
    }

    /// Objects in different buckets never match.
    fn bucket(&self) -> Option<u64> {
        match self {
            Object::What { numbers, .. } => {
                Some(numbers.iter().fold(0x9e37, |h, n| h.rotate_left(5) ^ n))
            }
            Object::Text { .. } => None,
        }
    }

    fn matches(&self, other: &Object) -> bool {
        match (self, other) {
            (
                Object::What {
                    words: wa,
                    numbers: na,
                },
                Object::What {
                    words: wb,
                    numbers: nb,
                },
            ) => na == nb && overlap(wa, wb) >= WHAT_OVERLAP,
            (
                Object::Text {
                    quote: qa,
                    sentence: sa,
                },
                Object::Text {
                    quote: qb,
                    sentence: sb,
                },
            ) => match (qa, qb) {
                (Some(a), Some(b)) => overlap(a, b) >= TEXT_OVERLAP,
                _ => overlap(sa, sb) >= TEXT_OVERLAP,
            },
            _ => false,
        }
    }
}

/// Hashes of the words a pledge's object is compared without: articles, possessives,
/// small prepositions ("its $500 million" and "$500 Million" are the same).
static STOP: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    [
        "a", "an", "the", "its", "their", "his", "her", "our", "to", "of", "for", "and", "in",
        "on", "by", "with",
    ]
    .iter()
    .map(|w| word_hashes(w).next().map_or(0, |(h, _)| h))
    .collect()
});

/// The words of a text as (hash of the lowercased word, holds a digit), without
/// allocating: words are runs of alphanumeric characters.
fn word_hashes(text: &str) -> impl Iterator<Item = (u64, bool)> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            let mut digits = false;
            for c in w.chars().flat_map(char::to_lowercase) {
                digits |= c.is_ascii_digit();
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0100_0000_01b3);
                }
            }
            (h, digits)
        })
}

/// Hashes of the word trigrams of a text (of the whole text when shorter), sorted and
/// unique.
fn trigrams(text: &str) -> Vec<u64> {
    let w: Vec<u64> = word_hashes(text).map(|(h, _)| h).collect();
    let mix = |t: &[u64]| {
        t.iter().fold(0x51_7cc1_b727_220a_u64, |h, x| {
            (h ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
        })
    };
    let mut out: Vec<u64> = if w.len() < 3 {
        if w.is_empty() {
            Vec::new()
        } else {
            vec![mix(&w)]
        }
    } else {
        w.windows(3).map(mix).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// |a ∩ b| / min(|a|, |b|) over sorted unique hashes.
fn overlap(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / a.len().min(b.len()) as f64
}

/// Folds the reports of one group into events. The reports must all be of one group
/// (see [`GroupKey`]) and unique by (document, id).
///
/// Reports are taken in (date, document, id) order; each joins the oldest open event
/// (first report at most [`SAME_EVENT_DAYS`] earlier) whose first report it matches,
/// or starts a new one. An event is its first report carrying every member's
/// evidence; a single report is shared, not copied. Also returns, for each report (in
/// the order given), the index of its event: what [`events_from_assignment`] rebuilds
/// the events from without regrouping.
pub fn merge_reports(reports: &[Arc<Event>]) -> (Vec<Arc<Event>>, Vec<u32>) {
    if let [only] = reports {
        return (vec![Arc::clone(only)], vec![0]);
    }
    let order = in_order(reports, (0..reports.len()).collect());
    struct Cluster {
        day: Option<i64>,
        object: Object,
        members: Vec<usize>,
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    // Candidate clusters, in creation order: pledges by the numbers they name (only
    // equal numbers can match), everything else in one list.
    let mut candidates: HashMap<Option<u64>, Vec<usize>> = HashMap::new();
    // Clusters before `open` are too old for the current report.
    let mut open = 0;
    for k in order {
        let r = &reports[k];
        let d = day(r);
        while open < clusters.len() {
            let stale = match (clusters[open].day, d) {
                (None, None) => false,
                (Some(a), Some(b)) => b - a > SAME_EVENT_DAYS,
                _ => true,
            };
            if !stale {
                break;
            }
            open += 1;
        }
        let object = Object::of(r);
        let list = candidates.entry(object.bucket()).or_default();
        let from = list.partition_point(|&i| i < open);
        let found = list[from..].iter().copied().find(|&i| {
            let c = &clusters[i];
            c.day.is_some() == d.is_some() && c.object.matches(&object)
        });
        match found {
            Some(i) => clusters[i].members.push(k),
            None => {
                list.push(clusters.len());
                clusters.push(Cluster {
                    day: d,
                    object,
                    members: vec![k],
                });
            }
        }
    }
    let mut assign = vec![0u32; reports.len()];
    for (i, c) in clusters.iter().enumerate() {
        for &k in &c.members {
            assign[k] = i as u32;
        }
    }
    let members: Vec<Vec<usize>> = clusters.into_iter().map(|c| c.members).collect();
    (build(reports, &members), assign)
}

/// Rebuilds the events of a group from a stored assignment (report -> event index, as
/// [`merge_reports`] returned it). None when the assignment does not fit the reports.
pub fn events_from_assignment(reports: &[Arc<Event>], assign: &[u32]) -> Option<Vec<Arc<Event>>> {
    if let ([only], [0]) = (reports, assign) {
        return Some(vec![Arc::clone(only)]);
    }
    let members = members_from_assignment(reports, assign)?;
    Some(build(reports, &members))
}

/// The members of each event of a group, from a stored assignment: events in the order
/// [`merge_reports`] gives them, each as its report indices in (date, document, id)
/// order, so that the first is the report the event is made from. None when the
/// assignment does not fit the reports.
pub fn members_from_assignment(reports: &[Arc<Event>], assign: &[u32]) -> Option<Vec<Vec<usize>>> {
    if assign.len() != reports.len() || reports.is_empty() {
        return None;
    }
    if assign == [0] {
        return Some(vec![vec![0]]);
    }
    let count = *assign.iter().max()? as usize + 1;
    if count > reports.len() {
        return None;
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (k, &a) in assign.iter().enumerate() {
        members[a as usize].push(k);
    }
    if members.iter().any(Vec::is_empty) {
        return None;
    }
    let mut members: Vec<Vec<usize>> = members.into_iter().map(|m| in_order(reports, m)).collect();
    let key = |k: usize| (day(&reports[k]), report_doc(&reports[k]), &reports[k].id);
    members.sort_by(|a, b| key(a[0]).cmp(&key(b[0])));
    Some(members)
}

fn day(e: &Event) -> Option<i64> {
    e.date.as_deref().and_then(day_number)
}

/// Report indices sorted in (date, document, id) order.
fn in_order(reports: &[Arc<Event>], mut ks: Vec<usize>) -> Vec<usize> {
    if ks.len() < 2 {
        return ks;
    }
    let mut keyed: Vec<(Option<i64>, usize)> = ks.iter().map(|&k| (day(&reports[k]), k)).collect();
    keyed.sort_by(|(da, a), (db, b)| {
        (da, report_doc(&reports[*a]), &reports[*a].id).cmp(&(
            db,
            report_doc(&reports[*b]),
            &reports[*b].id,
        ))
    });
    ks.clear();
    ks.extend(keyed.into_iter().map(|(_, k)| k));
    ks
}

/// The events of clusters given in order, each as its members in order: the first
/// member carrying every member's evidence (shared when alone), with a distinct id when
/// an earlier event of the group already has the first member's id.
fn build(reports: &[Arc<Event>], clusters: &[Vec<usize>]) -> Vec<Arc<Event>> {
    let mut out = Vec::with_capacity(clusters.len());
    for (c, fresh) in clusters.iter().zip(fresh_ids(reports, clusters)) {
        let first = &reports[c[0]];
        if fresh && c.len() == 1 {
            out.push(Arc::clone(first));
            continue;
        }
        out.push(Arc::new(event_of(
            first,
            c[1..].iter().map(|&k| &*reports[k]),
            fresh,
        )));
    }
    out
}

/// For each cluster (given in order, as in [`build`]), whether its event keeps its
/// first report's id: false when an earlier event of the group already has it.
pub fn fresh_ids(reports: &[Arc<Event>], clusters: &[Vec<usize>]) -> Vec<bool> {
    // Ids repeat only across clusters: a lone cluster needs no check.
    if clusters.len() == 1 {
        return vec![true];
    }
    let mut used: std::collections::HashSet<&str> = std::collections::HashSet::new();
    clusters
        .iter()
        .map(|c| used.insert(reports[c[0]].id.as_str()))
        .collect()
}

/// One event made of several reports (or of one whose id an earlier event of its group
/// already has): the `first` report carrying every member's evidence, sorted and
/// without duplicates; `fresh` is false when the first report's id is taken, and the
/// event gets an id of its own.
pub fn event_of<'a>(first: &Event, others: impl Iterator<Item = &'a Event>, fresh: bool) -> Event {
    let mut evidence = first.evidence.clone();
    for r in others {
        evidence.extend(r.evidence.iter().cloned());
    }
    evidence.sort();
    evidence.dedup();
    let id = if fresh {
        first.id.clone()
    } else {
        // The same sentence reported again after the window: a distinct id.
        format!("ev:{:016x}", stable_hash(&[&first.id, report_doc(first)]))
    };
    Event {
        id,
        kind: first.kind,
        actor: first.actor.clone(),
        targets: first.targets.clone(),
        what: first.what.clone(),
        quote: first.quote.clone(),
        modality: first.modality,
        date: first.date.clone(),
        date_precision: first.date_precision,
        cameo: first.cameo.clone(),
        plover: first.plover.clone(),
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Modality};

    fn report(
        doc: &str,
        date: &str,
        kind: EventKind,
        text: &str,
        quote: Option<&str>,
    ) -> Arc<Event> {
        Arc::new(Event {
            id: format!("ev:{}", stable_hash(&[doc, text])),
            kind,
            actor: "country:JPN".into(),
            targets: vec!["country:MDA".into()],
            what: (kind == EventKind::Pledge).then(|| text.to_string()),
            quote: quote.map(str::to_string),
            modality: Modality::default(),
            date: Some(date.into()),
            date_precision: crate::model::DatePrecision::Published,
            cameo: kind.cameo().into(),
            plover: kind.plover().into(),
            evidence: vec![Evidence {
                doc: doc.into(),
                sentence: text.into(),
                start: 0,
                end: text.len(),
            }],
        })
    }

    fn docs(events: &[Arc<Event>]) -> Vec<Vec<&str>> {
        events
            .iter()
            .map(|e| e.evidence.iter().map(|x| x.doc.as_str()).collect())
            .collect()
    }

    struct Case {
        name: &'static str,
        reports: Vec<Arc<Event>>,
        want: Vec<Vec<&'static str>>,
    }

    #[test]
    fn table() {
        use EventKind::{Pledge, Statement};
        let cases = [
            Case {
                name: "same object, next day",
                reports: vec![
                    report(
                        "a",
                        "2026-03-05",
                        Pledge,
                        "provide $200 million to Moldova",
                        None,
                    ),
                    report(
                        "b",
                        "2026-03-06",
                        Pledge,
                        "provide $200 million to Moldova for its grid, Tokyo said",
                        None,
                    ),
                ],
                want: vec![vec!["a", "b"]],
            },
            Case {
                name: "other amount",
                reports: vec![
                    report(
                        "a",
                        "2026-03-05",
                        Pledge,
                        "provide $200 million to Moldova",
                        None,
                    ),
                    report(
                        "b",
                        "2026-03-05",
                        Pledge,
                        "provide $300 million to Moldova",
                        None,
                    ),
                ],
                want: vec![vec!["a"], vec!["b"]],
            },
            Case {
                name: "other object",
                reports: vec![
                    report("a", "2026-03-05", Pledge, "send engineers", None),
                    report("b", "2026-03-05", Pledge, "send troops", None),
                ],
                want: vec![vec!["a"], vec!["b"]],
            },
            Case {
                name: "too late: four days after the first report",
                reports: vec![
                    report("a", "2026-03-05", Pledge, "send engineers", None),
                    report("b", "2026-03-07", Pledge, "send engineers", None),
                    report("c", "2026-03-09", Pledge, "send engineers", None),
                ],
                want: vec![vec!["a", "b"], vec!["c"]],
            },
            Case {
                name: "same quote, other sentence",
                reports: vec![
                    report(
                        "a",
                        "2026-03-05",
                        Statement,
                        "\"We stand with Moldova,\" he said.",
                        Some("We stand with Moldova in this hard winter"),
                    ),
                    report(
                        "b",
                        "2026-03-05",
                        Statement,
                        "Ishiba told lawmakers: we stand.",
                        Some("we stand with Moldova in this hard winter."),
                    ),
                ],
                want: vec![vec!["a", "b"]],
            },
            Case {
                name: "same speaker, other quote",
                reports: vec![
                    report(
                        "a",
                        "2026-03-05",
                        Statement,
                        "x",
                        Some("We stand with Moldova in this hard winter"),
                    ),
                    report(
                        "b",
                        "2026-03-05",
                        Statement,
                        "y",
                        Some("Sanctions will stay until the last soldier leaves"),
                    ),
                ],
                want: vec![vec!["a"], vec!["b"]],
            },
            Case {
                name: "copied sentence without quote",
                reports: vec![
                    report(
                        "a",
                        "2026-03-05",
                        Statement,
                        "Japan said Moldova deserves help before winter comes.",
                        None,
                    ),
                    report(
                        "b",
                        "2026-03-06",
                        Statement,
                        "Japan said Moldova deserves help before winter comes, officials added.",
                        None,
                    ),
                ],
                want: vec![vec!["a", "b"]],
            },
        ];
        for c in cases {
            let (got, assign) = merge_reports(&c.reports);
            assert_eq!(docs(&got), c.want, "{}", c.name);
            let rebuilt = events_from_assignment(&c.reports, &assign).unwrap();
            assert_eq!(rebuilt, got, "{} (rebuilt)", c.name);
            let mut rev = c.reports.clone();
            rev.reverse();
            assert_eq!(
                docs(&merge_reports(&rev).0),
                c.want,
                "{} (reversed)",
                c.name
            );
        }
    }

    #[test]
    fn a_single_report_is_shared_not_copied() {
        let r = report("a", "2026-03-05", EventKind::Pledge, "send engineers", None);
        let (out, _) = merge_reports(std::slice::from_ref(&r));
        assert!(Arc::ptr_eq(&out[0], &r));
    }

    #[test]
    fn a_bad_assignment_is_refused() {
        let r = report("a", "2026-03-05", EventKind::Pledge, "send engineers", None);
        let two = [
            r.clone(),
            report("b", "2026-03-05", EventKind::Pledge, "x", None),
        ];
        assert!(events_from_assignment(&two, &[0]).is_none());
        assert!(events_from_assignment(&two, &[0, 2]).is_none());
        assert!(events_from_assignment(&two, &[1, 1]).is_none());
        assert!(events_from_assignment(&[], &[]).is_none());
        assert_eq!(events_from_assignment(&two, &[1, 0]).unwrap().len(), 2);
    }

    #[test]
    fn group_hash_ignores_target_order() {
        let mut a = Event::clone(&report("a", "2026-03-05", EventKind::Pledge, "x", None));
        a.targets = vec!["b".into(), "c".into()];
        let mut b = a.clone();
        b.targets = vec!["c".into(), "b".into()];
        assert_eq!(GroupKey::hash_of(&a), GroupKey::hash_of(&b));
        assert!(GroupKey::of(&a).holds(&b));
        b.modality.negated = true;
        assert!(!GroupKey::of(&a).holds(&b));
    }
}
