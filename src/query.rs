//! Questions users ask of the graph: who pledged what (to whom), who said what
//! (about whom), and everything about one actor.
//!
//! Names in filters match canonical names, aliases and ids, case-insensitively, so
//! `--to Kyiv` finds pledges to Ukraine when "Kyiv" was seen for it. Results are
//! views that borrow from the graph, sorted by date then actor, so output is
//! deterministic.

use crate::graph::{KnowledgeGraph, LinkKind};
use crate::model::{Entity, Event, EventKind};
use std::collections::{BTreeSet, HashMap};

/// Which events to return.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// The actor (committer, speaker) is named this.
    pub by: Option<String>,
    /// A target (recipient, or what a statement is about) is named this.
    pub to: Option<String>,
    /// Only these kinds (empty: all).
    pub kinds: Vec<EventKind>,
    /// Events on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Events on or before this date.
    pub until: Option<String>,
    /// Include negated and hedged commitments (not firm pledges).
    pub include_unfirm: bool,
}

impl EventFilter {
    /// Keeps events whose actor is named `name`.
    pub fn by(mut self, name: &str) -> EventFilter {
        self.by = Some(name.to_string());
        self
    }

    /// Keeps events with a target named `name`.
    pub fn to(mut self, name: &str) -> EventFilter {
        self.to = Some(name.to_string());
        self
    }

    /// Keeps events of this kind.
    pub fn kind(mut self, kind: EventKind) -> EventFilter {
        self.kinds.push(kind);
        self
    }

    /// Does `ev`, whose actor is `actor`, pass the filter? `by` is the ids its name
    /// resolves to (None: not to be tested). The `to` test is the caller's: events
    /// come from the edges of the entities `to` names.
    fn accepts(&self, ev: &Event, actor: &Entity, by: Option<&BTreeSet<&str>>) -> bool {
        if !self.kinds.is_empty() && !self.kinds.contains(&ev.kind) {
            return false;
        }
        if ev.kind == EventKind::Pledge && !self.include_unfirm && !ev.modality.is_firm() {
            return false;
        }
        if by.is_some_and(|ids| !ids.contains(actor.id.as_str())) {
            return false;
        }
        let date = ev.date.as_deref().unwrap_or("");
        if let Some(since) = &self.since {
            if date.is_empty() || date < since.as_str() {
                return false;
            }
        }
        if let Some(until) = &self.until {
            if date.is_empty() || date > until.as_str() {
                return false;
            }
        }
        true
    }
}

/// A number that orders `YYYY-MM-DD` dates like the text does (0 for none, which sorts
/// first like `None`: digits are never 0 bytes), and whether it says all of the date
/// (it does for `YYYY-MM-DD`); other text gets a key from its first bytes, and ties
/// are broken by comparing the text itself.
fn date_key(date: Option<&str>) -> (u64, bool) {
    let Some(d) = date else {
        return (0, true);
    };
    let mut key = [0u8; 8];
    for (k, b) in key.iter_mut().zip(d.bytes().filter(|b| *b != b'-')) {
        *k = b;
    }
    let b = d.as_bytes();
    let whole = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    (u64::from_be_bytes(key), whole)
}

/// An event with its actor and targets resolved to entities.
#[derive(Clone, Debug)]
pub struct EventView<'g> {
    /// The event.
    pub event: &'g Event,
    /// Its actor.
    pub actor: &'g Entity,
    /// Its targets.
    pub targets: Vec<&'g Entity>,
}

impl EventView<'_> {
    /// Target names joined with ", " (empty when there is none).
    pub fn target_names(&self) -> String {
        self.targets
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl KnowledgeGraph {
    /// Events matching a filter, sorted by date, actor name, then id.
    ///
    /// Names in `by` and `to` are resolved through the name index, and the candidate
    /// events come from the graph's edges of those entities, so a filtered query
    /// reads only the events it may return.
    pub fn query(&self, filter: &EventFilter) -> Vec<EventView<'_>> {
        let by = filter.by.as_deref().map(|n| self.entity_ids_named(n));
        let to = filter.to.as_deref().map(|n| self.entity_ids_named(n));
        // Events reached through an edge to a target in `to` (or from an actor in
        // `by`) pass that test already.
        let found: Vec<(&Event, &Entity)> = match (&by, &to) {
            (_, Some(ids)) => self.events_touching_where(ids, false, &filter.kinds, |ev, actor| {
                filter.accepts(ev, actor, by.as_ref())
            }),
            (Some(ids), None) => {
                self.events_touching_where(ids, true, &filter.kinds, |ev, actor| {
                    filter.accepts(ev, actor, None)
                })
            }
            (None, None) => self
                .events()
                .filter_map(|ev| Some((ev, self.entity(&ev.actor)?)))
                .filter(|(ev, actor)| filter.accepts(ev, actor, None))
                .collect(),
        };
        // Sorted by (date, actor name, id), through keys that decide most comparisons
        // without reading text: the date as a number, the actor's rank by name.
        let mut actors: Vec<&Entity> = found.iter().map(|(_, a)| *a).collect();
        actors.sort_unstable_by_key(|a| *a as *const Entity);
        actors.dedup_by_key(|a| *a as *const Entity);
        let mut by_name = actors.clone();
        by_name.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        let mut rank: HashMap<*const Entity, u32> = HashMap::with_capacity(by_name.len());
        let mut r = 0;
        for (i, a) in by_name.iter().enumerate() {
            if i > 0 && by_name[i - 1].name != a.name {
                r += 1;
            }
            rank.insert(*a as *const Entity, r);
        }
        let mut out: Vec<((u64, bool), u32, EventView)> = found
            .into_iter()
            .map(|(ev, actor)| {
                (
                    date_key(ev.date.as_deref()),
                    rank.get(&(actor as *const Entity)).copied().unwrap_or(0),
                    EventView {
                        event: ev,
                        actor,
                        targets: ev.targets.iter().filter_map(|t| self.entity(t)).collect(),
                    },
                )
            })
            .collect();
        out.sort_unstable_by(|(da, ra, a), (db, rb, b)| {
            da.0.cmp(&db.0)
                .then_with(|| {
                    if da.1 && db.1 {
                        std::cmp::Ordering::Equal
                    } else {
                        a.event.date.cmp(&b.event.date)
                    }
                })
                .then(ra.cmp(rb))
                .then_with(|| a.event.id.cmp(&b.event.id))
        });
        out.into_iter().map(|(_, _, v)| v).collect()
    }

    /// Pledges matching a filter (its kinds are ignored).
    pub fn pledges(&self, filter: &EventFilter) -> Vec<EventView<'_>> {
        let mut f = filter.clone();
        f.kinds = vec![EventKind::Pledge];
        self.query(&f)
    }

    /// Statements matching a filter (its kinds are ignored; `to` means "about").
    pub fn statements(&self, filter: &EventFilter) -> Vec<EventView<'_>> {
        let mut f = filter.clone();
        f.kinds = vec![EventKind::Statement];
        self.query(&f)
    }

    /// Everything about the entities named `name`.
    pub fn profile(&self, name: &str) -> Vec<Profile<'_>> {
        self.find_entities(name)
            .into_iter()
            .map(|e| {
                let mut roles = Vec::new();
                let mut members_of = Vec::new();
                let mut members = Vec::new();
                for l in self.links() {
                    match l.kind {
                        LinkKind::Role if l.from == e.id => {
                            if let Some(t) = self.entity(&l.to) {
                                roles.push((l.role.clone().unwrap_or_default(), t));
                            }
                        }
                        LinkKind::Role if l.to == e.id => {
                            if let Some(t) = self.entity(&l.from) {
                                members.push(t);
                            }
                        }
                        LinkKind::Member if l.from == e.id => {
                            if let Some(t) = self.entity(&l.to) {
                                members_of.push(t);
                            }
                        }
                        LinkKind::Member if l.to == e.id => {
                            if let Some(t) = self.entity(&l.from) {
                                members.push(t);
                            }
                        }
                        _ => {}
                    }
                }
                let view = |f: EventFilter| -> Vec<EventView<'_>> {
                    self.query(&f)
                        .into_iter()
                        .filter(|v| v.actor.id == e.id || v.targets.iter().any(|t| t.id == e.id))
                        .collect()
                };
                let by_id = |k: EventKind| EventFilter::default().by(&e.id).kind(k);
                let to_id = |k: EventKind| EventFilter::default().to(&e.id).kind(k);
                Profile {
                    entity: e,
                    roles,
                    members_of,
                    members,
                    pledges_made: view(by_id(EventKind::Pledge)),
                    pledges_received: view(to_id(EventKind::Pledge)),
                    statements_made: view(by_id(EventKind::Statement)),
                    statements_about: view(to_id(EventKind::Statement)),
                }
            })
            .collect()
    }
}

/// Everything known about one entity.
#[derive(Clone, Debug)]
pub struct Profile<'g> {
    /// The entity.
    pub entity: &'g Entity,
    /// Roles it holds: (title, country or organization).
    pub roles: Vec<(String, &'g Entity)>,
    /// Organizations it is a member of.
    pub members_of: Vec<&'g Entity>,
    /// Members and office holders (for countries and organizations).
    pub members: Vec<&'g Entity>,
    /// Pledges it made.
    pub pledges_made: Vec<EventView<'g>>,
    /// Pledges made to it.
    pub pledges_received: Vec<EventView<'g>>,
    /// Statements it made.
    pub statements_made: Vec<EventView<'g>>,
    /// Statements about it.
    pub statements_about: Vec<EventView<'g>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DatePrecision, EntityKind, Evidence, Modality};

    #[test]
    fn results_are_sorted_by_date_then_actor_name_then_id() {
        let pledge = |id: &str, actor: &str, date: Option<&str>| Event {
            id: id.into(),
            kind: EventKind::Pledge,
            actor: actor.into(),
            targets: vec!["country:MDA".into()],
            what: Some(format!("aid {id}")),
            quote: None,
            modality: Modality::default(),
            date: date.map(str::to_string),
            date_precision: DatePrecision::Published,
            cameo: "030".into(),
            plover: "AGREE".into(),
            evidence: vec![Evidence {
                doc: format!("doc-{id}"),
                sentence: format!("sentence {id}"),
                start: 0,
                end: 10,
            }],
        };
        let entities = vec![
            Entity::new("country:MDA", EntityKind::Country, "Moldova"),
            Entity::new("country:AAA", EntityKind::Country, "Zeta"),
            Entity::new("country:ZZZ", EntityKind::Country, "Alpha"),
            Entity::new("country:BBB", EntityKind::Country, "Alpha"),
        ];
        let reports = vec![
            pledge("ev:1", "country:AAA", Some("2026-03-05")),
            pledge("ev:2", "country:ZZZ", Some("2026-03-05")),
            pledge("ev:3", "country:AAA", None),
            pledge("ev:4", "country:AAA", Some("2026-03")),
            pledge("ev:5", "country:BBB", Some("2026-03-05")),
            pledge("ev:6", "country:ZZZ", Some("2026-3-5")),
            pledge("ev:0", "country:AAA", Some("2026-03-04")),
        ];
        let g = KnowledgeGraph::from_parts(vec![], entities, reports, vec![]);
        let got: Vec<&str> = g
            .pledges(&EventFilter::default().to("Moldova"))
            .iter()
            .map(|v| v.event.id.as_str())
            .collect();
        // No date first; dates as text ("2026-03" < "2026-03-04" < "2026-03-05" <
        // "2026-3-5"); on one date, actors by name (Alpha, Alpha, Zeta), then ids.
        assert_eq!(
            got,
            ["ev:3", "ev:4", "ev:0", "ev:2", "ev:5", "ev:1", "ev:6"]
        );
    }
}
