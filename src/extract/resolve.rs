//! Stage 3: in-document resolution — which entity each mention refers to.
//!
//! Named mentions map to canonical entities (gazetteer entries, or new persons from
//! title patterns). Capitals count as their country only in actor position, never
//! as a venue ("talks in Paris"). Surnames, descriptions ("the French leader", "the
//! coalition") and pronouns are resolved against the document's own entities; a
//! mention that cannot be resolved with confidence is left unresolved, because a
//! wrong referent is worse than none.

use super::{DocEntities, Mention, MentionKind, Pronoun, Sentence};
use crate::gazetteer::{paternal_surname_in, surname, surname_in, Entry, Form, Gazetteer};
use crate::lexicon::FastMap as HashMap;
use crate::lexicon::{Lexicon, ShapeFilter};
use crate::model::{slug, Entity, EntityKind};

/// Facts about a document-level person used for resolving references.
#[derive(Clone, Debug, Default)]
struct PersonFacts {
    surname: String,
    /// The father's family name where people carry two ("Castellanos" of "Lourdes
    /// Castellanos Paz"), which the press also uses alone; else empty.
    paternal: String,
    first_name: String,
    gender: Option<char>,
    country: Option<String>,
    role: String,
}

/// The person entities pass 1 of [`resolve`] has built and added, by what they
/// were built from: a person's later mentions (most are named more than once)
/// find their entity here instead of building it again — the entity, its id's
/// slug, its surname, its attributes — only for `DocEntities::add` to merge it
/// into itself and `merge_facts` to keep the facts it has. (Both leave an
/// entity and its facts as they are when given the same again.)
#[derive(Default)]
struct PersonsBuilt {
    /// Titled and named persons ([`MentionKind::Person`]): the index of the
    /// mention the entity was built from, and the entity's.
    titled: Vec<(usize, usize)>,
    /// Gazetteer persons: the person's index in the gazetteer, and the entity's.
    known: Vec<(usize, usize)>,
}

impl PersonsBuilt {
    /// The entity built for a [`MentionKind::Person`] of the same name, role,
    /// affiliation and gazetteer person as `kind` (what `person_entity` reads),
    /// among the mentions `seen`.
    fn titled(&self, seen: &[Mention], kind: &MentionKind) -> Option<usize> {
        /// What `person_entity` reads of a person's mention: the name, role,
        /// affiliation and gazetteer person.
        type Key<'k> = (&'k str, Option<&'k str>, Option<Entry>, Option<usize>);
        fn key(kind: &MentionKind) -> Option<Key<'_>> {
            match kind {
                MentionKind::Person {
                    name,
                    role,
                    affiliation,
                    known,
                    ..
                } => Some((name.as_str(), role.as_deref(), *affiliation, *known)),
                _ => None,
            }
        }
        let want = key(kind)?;
        self.titled
            .iter()
            .find(|&&(k, _)| key(&seen[k].kind) == Some(want))
            .map(|&(_, idx)| idx)
    }
}

/// Resolves every mention in place and returns the document's entities.
pub fn resolve(
    text: &str,
    published: Option<&str>,
    sentences: &[Sentence],
    mut mentions: Vec<Mention>,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
) -> DocEntities {
    let mut ents = DocEntities::default();
    let mut facts: HashMap<usize, PersonFacts> = HashMap::default();
    let mut added: HashMap<Entry, usize> = HashMap::default();

    // The person entities pass 1 has built: a person named again the same way
    // ("President Emmanuel Macron" twice) is the entity built the first time (see
    // `PersonsBuilt`).
    let mut built = PersonsBuilt::default();

    // Pass 1: names — titled persons, gazetteer full names, countries, organizations.
    for k in 0..mentions.len() {
        // The mentions before this one, read by `built`, and this one, resolved.
        let (seen, rest) = mentions.split_at_mut(k);
        let m = &mut rest[0];
        let surface = m.span.of(text);
        match &m.kind {
            MentionKind::Person {
                name,
                role,
                affiliation,
                known,
                full,
                ..
            } => {
                let single = !name.contains(' ');
                if single && known.is_none() {
                    continue; // "President Trump" with no known Trump: pass 2
                }
                let idx = match built.titled(seen, &m.kind) {
                    Some(idx) => idx,
                    None => {
                        let (entity, fact) = person_entity(
                            name,
                            role.as_deref(),
                            *affiliation,
                            *known,
                            published,
                            gazetteer,
                        );
                        let idx = ents.add(entity);
                        merge_facts(&mut facts, idx, fact);
                        built.titled.push((k, idx));
                        idx
                    }
                };
                ents.list[idx].add_alias(surface);
                if let Some(f) = full {
                    ents.list[idx].add_alias(f);
                }
                m.entity = Some(idx);
            }
            MentionKind::Gazetteer { entry, form } => match (entry, form) {
                (Entry::Person(_), Form::Surname) => {}
                (Entry::Person(p), _) => {
                    let idx = match built.known.iter().find(|&&(q, _)| q == *p) {
                        Some(&(_, idx)) => idx,
                        None => {
                            let (entity, fact) =
                                person_entity(surface, None, None, Some(*p), published, gazetteer);
                            let idx = ents.add(entity);
                            merge_facts(&mut facts, idx, fact);
                            built.known.push((*p, idx));
                            idx
                        }
                    };
                    ents.list[idx].add_alias(surface);
                    m.entity = Some(idx);
                }
                (_, Form::Capital | Form::Seat) => {
                    if capital_is_actor(text, &sentences[m.sentence], m, lexicon) {
                        let idx = add_entry(&mut ents, &mut added, gazetteer, *entry);
                        ents.list[idx].add_alias(surface);
                        m.entity = Some(idx);
                    }
                }
                _ => {
                    let idx = add_entry(&mut ents, &mut added, gazetteer, *entry);
                    ents.list[idx].add_alias(surface);
                    if let Entry::Organization(o) = entry {
                        let org = &gazetteer.organizations[*o];
                        if !org.parent.is_empty() {
                            ents.list[idx]
                                .attributes
                                .insert("parent".into(), format!("org:{}", org.parent));
                        }
                    }
                    m.entity = Some(idx);
                }
            },
            MentionKind::NewOrganization { name, owner } => {
                // "China's Export-Import Bank": the gazetteer's "Export-Import Bank
                // of China", when it knows one by that name.
                let known = match owner {
                    Some(Entry::Country(c)) => gazetteer
                        .lookup(&format!("{name} of {}", gazetteer.countries[*c].name))
                        .filter(|(entry, _)| matches!(entry, Entry::Organization(_))),
                    _ => None,
                };
                if let Some((entry, _)) = known {
                    let idx = add_entry(&mut ents, &mut added, gazetteer, entry);
                    ents.list[idx].add_alias(surface);
                    m.entity = Some(idx);
                    continue;
                }
                let mut e = Entity::new(
                    format!("org:{}", slug(name)),
                    EntityKind::Organization,
                    name.clone(),
                );
                match owner {
                    Some(Entry::Country(c)) => {
                        e.attributes.insert(
                            "country".into(),
                            gazetteer.entity_id(Entry::Country(*c)).to_string(),
                        );
                    }
                    Some(Entry::Organization(o)) => {
                        e.attributes.insert(
                            "parent".into(),
                            gazetteer.entity_id(Entry::Organization(*o)).to_string(),
                        );
                    }
                    _ => {}
                }
                m.entity = Some(ents.add(e));
            }
            MentionKind::Group { name } => {
                m.entity = Some(ents.add(collective(name.clone())));
            }
            _ => {}
        }
    }

    // Pass 2: surnames and single-name titles, against the document's persons as
    // pass 1 left them: the facts of the persons this pass adds are merged after
    // it (where a copy of every person's facts was taken before it).
    let persons = &facts;
    let mut added_facts: Vec<(usize, PersonFacts)> = Vec::new();
    for m in mentions.iter_mut() {
        if m.entity.is_some() {
            continue;
        }
        let surface = m.span.of(text);
        // A single name: a unique surname, else a unique first name ("Prince Faisal"
        // for Faisal bin Farhan).
        let by_surname = |name: &str| {
            // (The only candidate, without a vector of them.)
            let unique = |f: &dyn Fn(&PersonFacts) -> bool| {
                let mut cands = persons.iter().filter(|(_, p)| f(p)).map(|(k, _)| *k);
                let first = cands.next()?;
                cands.next().is_none().then_some(first)
            };
            unique(&|p| p.surname == name)
                .or_else(|| unique(&|p| p.paternal == name))
                .or_else(|| unique(&|p| p.first_name == name))
        };
        match &m.kind {
            MentionKind::Gazetteer {
                entry: Entry::Person(p),
                form: Form::Surname,
            } => {
                if let Some(idx) = ents.find_id(gazetteer.entity_id(Entry::Person(*p))) {
                    ents.list[idx].add_alias(surface);
                    m.entity = Some(idx);
                } else if let Some(idx) = by_surname(surface) {
                    ents.list[idx].add_alias(surface);
                    m.entity = Some(idx);
                }
            }
            MentionKind::Person {
                name,
                role,
                affiliation,
                full,
                ..
            } => {
                let idx = match by_surname(name) {
                    Some(idx) => idx,
                    None => {
                        // A person known only by title and one name: "Minister Yusuf".
                        let (entity, fact) = person_entity(
                            name,
                            role.as_deref(),
                            *affiliation,
                            None,
                            published,
                            gazetteer,
                        );
                        let idx = ents.add(entity);
                        added_facts.push((idx, fact));
                        idx
                    }
                };
                ents.list[idx].add_alias(surface);
                if let Some(f) = full {
                    ents.list[idx].add_alias(f);
                }
                m.entity = Some(idx);
            }
            _ => {}
        }
    }

    for (idx, fact) in added_facts {
        merge_facts(&mut facts, idx, fact);
    }

    // Surnames of persons found by title patterns, written alone later: "Mudavadi said".
    let surnames: HashMap<String, usize> = {
        let mut counts: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, f) in &facts {
            counts.entry(f.surname.clone()).or_default().push(*k);
        }
        let mut unique: HashMap<String, usize> = counts
            .into_iter()
            .filter(|(_, v)| v.len() == 1)
            .map(|(s, v)| (s, v[0]))
            .collect();
        // A paternal family name that is nobody's surname and nobody else's
        // paternal name.
        // (A person of no known state may be of the state the article is about:
        // "Foreign Minister Lourdes Castellanos Paz" in a story from Tegucigalpa.)
        // (Counted only when such a person is there: most documents have none.)
        let stateless = facts
            .values()
            .any(|f| f.paternal.is_empty() && f.country.is_none());
        let home_iso = stateless
            .then(|| dominant_country(&mentions, &ents.list))
            .flatten()
            .and_then(|e| ents.list[e].id.strip_prefix("country:"))
            .unwrap_or("");
        let mut paternal: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, f) in &facts {
            let p = if !f.paternal.is_empty() {
                Some(f.paternal.clone())
            } else if f.country.is_none() {
                paternal_surname_in(&ents.list[*k].name, home_iso)
            } else {
                None
            };
            if let Some(p) = p {
                paternal.entry(p).or_default().push(*k);
            }
        }
        for (name, v) in paternal {
            if v.len() == 1 && !facts.values().any(|f| f.surname == name) {
                unique.insert(name, v[0]);
            }
        }
        unique
    };
    // The surnames' first bytes and lengths: most tokens are not looked up at all.
    let mut shapes = ShapeFilter::default();
    for k in surnames.keys() {
        shapes.insert(k.as_bytes());
    }
    // When every surname starts with a capital (nearly always), so does every token
    // that is one: the others are settled by the sentence's flag.
    let capitalized = surnames
        .keys()
        .all(|k| k.chars().next().is_some_and(char::is_uppercase));
    let mut extra = Vec::new();
    // (Without a surname, no token is looked at; the shapes are asked of a token's
    // bytes, not of its text as a `str`, whose slicing checks char boundaries.)
    let bytes = text.as_bytes();
    for (si, s) in sentences.iter().enumerate().take(if surnames.is_empty() {
        0
    } else {
        sentences.len()
    }) {
        // Only the capitalized tokens when every surname is capitalized: most
        // tokens are not.
        let (mut capitals, mut every) = (s.capitalized_tokens(), 0..s.tokens.len());
        let mut next = || {
            if capitalized {
                capitals.next()
            } else {
                every.next()
            }
        };
        while let Some(ti) = next() {
            let t = &s.tokens[ti];
            if !shapes.may_contain(bytes.get(t.span.start..t.span.end).unwrap_or_default()) {
                continue;
            }
            let w = t.span.of(text);
            let Some(&idx) = surnames.get(w) else {
                continue;
            };
            let covered = in_sentence(&mentions, si)
                .iter()
                .any(|m| m.first <= ti && ti < m.end);
            if !covered {
                ents.list[idx].add_alias(w);
                extra.push(Mention {
                    sentence: si,
                    first: ti,
                    end: ti + 1,
                    span: t.span,
                    kind: MentionKind::Person {
                        name: w.to_string(),
                        role: None,
                        affiliation: None,
                        known: None,
                        full: None,
                        title_first: ti,
                    },
                    entity: Some(idx),
                });
            }
        }
    }
    let mut all = mentions;
    all.extend(extra);
    // (Without surnames found alone, nearly always, the mentions are in order
    // already: not moved.)
    if !all.is_sorted_by_key(|m| (m.sentence, m.first)) {
        all.sort_by_key(|m| (m.sentence, m.first));
    }

    apposed_states(
        text, sentences, &all, &mut ents, &mut facts, gazetteer, lexicon,
    );

    // Pass 3: descriptions and pronouns, in reading order.
    let facts_now = facts;
    for k in 0..all.len() {
        if all[k].entity.is_some() {
            continue;
        }
        let target = match &all[k].kind {
            MentionKind::PersonRef { country, head } => {
                let country_id = country.map(|e| gazetteer.entity_id(e));
                antecedent_person(&all, k, sentences, text, lexicon, &facts_now, |f| {
                    let role_ok = head_matches_role(head, &f.role);
                    let country_ok = match country_id {
                        Some(c) => f.country.as_deref() == Some(c),
                        None => true,
                    };
                    role_ok && country_ok
                })
                .or_else(|| {
                    // "Kuwait's emir pledged" with no emir named before: the state
                    // the office holder speaks for.
                    let possessive = all[k].span.of(text).contains("'s ")
                        || all[k].span.of(text).contains("\u{2019}s ");
                    match country {
                        Some(entry @ Entry::Country(_)) if possessive => {
                            Some(add_entry(&mut ents, &mut added, gazetteer, *entry))
                        }
                        _ => None,
                    }
                })
            }
            MentionKind::Pronoun(Pronoun::He) => {
                antecedent_person(&all, k, sentences, text, lexicon, &facts_now, |f| {
                    f.gender != Some('f')
                })
            }
            MentionKind::Pronoun(Pronoun::She) => {
                antecedent_person(&all, k, sentences, text, lexicon, &facts_now, |f| {
                    f.gender != Some('m')
                })
            }
            MentionKind::OrgRef { phrase } => {
                antecedent_org(&all, k, &ents, gazetteer, lexicon, text, phrase).or_else(|| {
                    // "the Commission" with the EU named and the Commission not: a
                    // capitalized description names the body of that parent.
                    let proper = all[k]
                        .span
                        .of(text)
                        .split_whitespace()
                        .nth(1)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
                    proper
                        .then(|| organ_of_named_parent(&ents, gazetteer, phrase))
                        .flatten()
                        .map(|o| ents.add(gazetteer.entity(Entry::Organization(o))))
                })
            }
            // With no body leading, "the leaders" are a collective whose members
            // the event stages look for (the two leaders of a bilateral visit).
            MentionKind::Summit => summit_org(&all, sentences, &ents, gazetteer).or_else(|| {
                let name = all[k].span.of(text).to_lowercase();
                let name = name.strip_prefix("the ").unwrap_or(&name).to_string();
                Some(ents.add(collective(name)))
            }),
            MentionKind::Pronoun(Pronoun::It) => {
                sentence_subject_it(&all, k, sentences, &ents, lexicon)
            }
            _ => None,
        };
        if let Some(idx) = target {
            // "The French leader" at a sentence start is the same alias as mid-sentence.
            let raw = all[k].span.of(text);
            let surface = match raw.strip_prefix("The ") {
                Some(rest) => format!("the {rest}"),
                None => raw.to_string(),
            };
            if !matches!(all[k].kind, MentionKind::Pronoun(_)) {
                ents.list[idx].add_alias(&surface);
            }
            all[k].entity = Some(idx);
        }
    }
    ents.mentions = all;
    ents.dateline_state = dateline_state(text, sentences, &ents, gazetteer);
    ents.home_state = home_country(&ents);
    ents.kingdoms = kingdoms(&ents, gazetteer);
    home_country_officials(&mut ents);
    implied_affiliations(&mut ents, gazetteer);
    ents
}

/// "Anneleen Van Bossuyt, the Belgian minister for asylum and migration, said",
/// "Annette Hollweg, state secretary at the economy ministry in Berlin, announced":
/// a person of no known state or body takes the state of a description in
/// apposition. The description holds a role, closes with a comma or the sentence,
/// names no other person, and names the state by demonym, name or capital — not
/// one it is accredited to ("ambassador to Yemen", "envoy for Sudan").
fn apposed_states(
    text: &str,
    sentences: &[Sentence],
    all: &[Mention],
    ents: &mut DocEntities,
    facts: &mut HashMap<usize, PersonFacts>,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
) {
    for (k, m) in all.iter().enumerate() {
        let Some(e) = m.entity else { continue };
        let person = &ents.list[e];
        if person.kind != EntityKind::Person
            || person.attributes.contains_key("country")
            || person.attributes.contains_key("org")
        {
            continue;
        }
        let s = &sentences[m.sentence];
        let n = s.words.len();
        let open = m.end;
        if s.words.get(open).is_none_or(|w| w != ",") {
            continue;
        }
        let Some(close) = (open + 1..n.min(open + 18))
            .find(|&j| matches!(s.words[j].as_str(), "," | "." | ";" | "(" | ")" | "—"))
        else {
            continue;
        };
        if !matches!(s.words[close].as_str(), "," | ".") {
            continue;
        }
        let Some((role_at, role_len)) =
            (open + 1..close).find_map(|j| lexicon.roles.match_at(&s.ids, j).map(|len| (j, len)))
        else {
            continue;
        };
        let inside: Vec<&Mention> = all[k + 1..]
            .iter()
            .take_while(|o| o.sentence == m.sentence && o.first < close)
            .collect();
        let named_person = inside.iter().any(|o| {
            o.entity
                .is_some_and(|x| ents.list[x].kind == EntityKind::Person && x != e)
        });
        if named_person {
            continue;
        }
        let accredited =
            |o: &Mention| o.first > 0 && matches!(s.words[o.first - 1].as_str(), "to" | "for");
        let state = inside.iter().filter(|o| !accredited(o)).find_map(|o| {
            if let Some(x) = o.entity {
                let x = &ents.list[x];
                return (x.kind == EntityKind::Country).then(|| x.id.clone());
            }
            match o.kind {
                MentionKind::Gazetteer {
                    entry: entry @ Entry::Country(_),
                    form: Form::Capital,
                }
                // "the Belgian minister": the description itself.
                | MentionKind::PersonRef {
                    country: Some(entry @ Entry::Country(_)),
                    ..
                } => Some(gazetteer.entity_id(entry).to_string()),
                _ => None,
            }
        });
        let Some(state) = state else { continue };
        let role = super::mentions::span_of(s, role_at, role_at + role_len)
            .of(text)
            .to_string();
        let attributes = &mut ents.list[e].attributes;
        attributes.insert("country".into(), state.clone());
        attributes
            .entry("role".into())
            .or_insert_with(|| role.clone());
        let fact = facts.entry(e).or_default();
        fact.country = Some(state);
        if fact.role.is_empty() {
            fact.role = role;
        }
    }
}

/// The entity of an unnamed collective ("26 European countries", "the leaders").
fn collective(name: String) -> Entity {
    let mut e = Entity::new(format!("group:{}", slug(&name)), EntityKind::Group, name);
    e.attributes.insert("collective".into(), "true".into());
    e
}

/// "Nigeria pledges 1,200 soldiers. It also commits 45 billion naira": a sentence
/// that opens with "It" and goes straight on to commit or speak continues the
/// previous sentence's subject, when that subject is a state or body named at the
/// start of a sentence of the same paragraph. "It" before anything else ("It is
/// unclear", "It comes after") is left alone, and so is a subject that is a person.
fn sentence_subject_it(
    all: &[Mention],
    k: usize,
    sentences: &[Sentence],
    ents: &DocEntities,
    lexicon: &Lexicon,
) -> Option<usize> {
    let m = &all[k];
    let si = m.sentence;
    if m.first != 0 || si == 0 {
        return None;
    }
    let s = &sentences[si];
    let mut j = m.end;
    while j < s.words.len() && lexicon.skippable.contains(&s.words[j]) {
        j += 1;
    }
    let acts = lexicon.commitment_verbs.match_at(&s.ids, j).is_some()
        || lexicon.amount_verbs.match_at(&s.ids, j).is_some()
        || lexicon.speech_verbs.match_at(&s.ids, j).is_some()
        || lexicon.future_modals.match_at(&s.ids, j).is_some();
    let prev = &sentences[si - 1];
    if !acts || prev.paragraph != s.paragraph || s.quoted[0] {
        return None;
    }
    let opens = |o: &&Mention| {
        o.sentence == si - 1 && (o.first == 0 || o.first == 1 && prev.words[0] == "the")
    };
    // Else the one actor of the previous sentence that a verb of commitment or
    // speech follows ("Under the text, ..., Guatemala will deploy 4,500 troops").
    let acts_after = |o: &&Mention| {
        let mut j = o.end;
        while j < prev.words.len() && lexicon.skippable.contains(&prev.words[j]) {
            j += 1;
        }
        o.sentence == si - 1
            && !prev.quoted.get(o.first).copied().unwrap_or(false)
            && (lexicon.commitment_verbs.match_at(&prev.ids, j).is_some()
                || lexicon.future_modals.match_at(&prev.ids, j).is_some()
                || lexicon.speech_verbs.match_at(&prev.ids, j).is_some())
    };
    let previous = || all[..k].iter().rev().take_while(|o| o.sentence + 1 >= si);
    let subject = match previous().find(opens) {
        Some(o) => o,
        None => {
            let mut acting = previous().filter(acts_after);
            let one = acting.next()?;
            if acting.next().is_some() {
                return None;
            }
            one
        }
    };
    let e = subject.entity?;
    // "Nigeria and Ghana pledged ...": a coordinated subject is not one "it".
    let coordinated = prev
        .words
        .get(subject.end)
        .is_some_and(|w| w == "and" || w == "," || w == "’s" || w == "'s");
    let kind = ents.list[e].kind;
    let fits = matches!(kind, EntityKind::Country | EntityKind::Organization);
    (fits && !coordinated && !subject.is_demonym()).then_some(e)
}

/// The states and bodies of the people an article names, and the states of the state
/// bodies it names, when the article does not name them itself ("Foreign Minister
/// Johann Wadephul announced €300 million" with no "Germany"): present so that a commitment can be theirs, and marked
/// `implicit` — the extractor keeps them only if an event refers to them.
fn implied_affiliations(ents: &mut DocEntities, gazetteer: &Gazetteer) {
    let mut wanted: Vec<String> = Vec::new();
    for e in &ents.list {
        // A person's body and state; a state's own body's state.
        let keys: &[&str] = match e.kind {
            EntityKind::Person => &["org", "country"],
            EntityKind::Organization => &["country"],
            _ => &[],
        };
        for &key in keys {
            if let Some(id) = e.attributes.get(key) {
                if ents.find_id(id).is_none() && !wanted.contains(id) {
                    wanted.push(id.clone());
                }
            }
        }
    }
    for id in wanted {
        let entry = match id.split_once(':') {
            Some(("country", iso3)) => gazetteer
                .countries
                .iter()
                .position(|c| c.iso3 == iso3)
                .map(Entry::Country),
            Some(("org", org)) => gazetteer.org_by_id(org).map(Entry::Organization),
            _ => None,
        };
        if let Some(entry) = entry {
            let mut e = gazetteer.entity(entry);
            e.attributes.insert("implicit".into(), "true".into());
            ents.add(e);
            ents.implicit += 1;
        }
    }
}

/// The state of the article's dateline: a country named in it, or the country
/// whose capital it names ("ISLAMABAD:", "KYIV, Sept 4 (Reuters) -", "ARICA, Chile
/// —") — in one of the first three sentences, and only if the article names that
/// state (an index into `ents.list`).
fn dateline_state(
    text: &str,
    sentences: &[Sentence],
    ents: &DocEntities,
    gazetteer: &Gazetteer,
) -> Option<usize> {
    for (si, s) in sentences.iter().enumerate().take(3) {
        // "ISLAMABAD:": capitals, then a colon.
        let colon = s.words.iter().take(5).position(|w| w == ":").filter(|&c| {
            c > 0
                && s.tokens[..c].iter().all(|t| {
                    let w = t.span.of(text);
                    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
                })
        });
        let end = colon.unwrap_or(s.dateline);
        if end == 0 {
            continue;
        }
        let named = ents
            .mentions
            .iter()
            .filter(|m| m.sentence == si && m.end <= end)
            .find_map(|m| match (&m.kind, m.entity) {
                (_, Some(e)) if ents.list[e].kind == EntityKind::Country => Some(e),
                (
                    MentionKind::Gazetteer {
                        entry: entry @ Entry::Country(_),
                        ..
                    },
                    _,
                ) => ents.find_id(gazetteer.entity_id(*entry)),
                _ => None,
            });
        // "NEW DELHI:" in capitals is no gazetteer form: its words capitalized are.
        let city = || {
            let words: Vec<String> = s.tokens[..end]
                .iter()
                .map(|t| t.span.of(text))
                .take_while(|w| w.chars().all(char::is_alphabetic))
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next().map_or(String::new(), |c| {
                        c.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                })
                .collect();
            match gazetteer.lookup(&words.join(" "))? {
                (entry @ Entry::Country(_), _) => ents.find_id(gazetteer.entity_id(entry)),
                _ => None,
            }
        };
        return named.or_else(city);
    }
    None
}

/// The document's states whose gazetteer names style them a kingdom or a sultanate.
fn kingdoms(ents: &DocEntities, gazetteer: &Gazetteer) -> Vec<usize> {
    (0..ents.list.len())
        .filter(|&i| {
            let e = &ents.list[i];
            e.kind == EntityKind::Country
                && e.attributes
                    .get("iso3")
                    .and_then(|iso| gazetteer.country_by_iso3(iso))
                    .is_some_and(|c| gazetteer.styled_kingdom(c))
        })
        .collect()
}

/// The state an article is about, when one clearly dominates: mentioned at least
/// three times and at least twice as often as any other.
fn home_country(ents: &DocEntities) -> Option<usize> {
    dominant_country(&ents.mentions, &ents.list)
}

/// The country that dominates `mentions`: named at least three times and at least
/// twice as often as any other.
fn dominant_country(mentions: &[Mention], list: &[Entity]) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for m in mentions {
        if let Some(e) = m.entity.filter(|&e| list[e].kind == EntityKind::Country) {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(e, c)| (c, e)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked[..] {
        [(top, e), ..] if top >= 3 && ranked.get(1).is_none_or(|&(next, _)| top >= 2 * next) => {
            Some(e)
        }
        _ => None,
    }
}

/// Officials and government bodies the article names without a state ("Information
/// Minister Chris Baryomunsi", "the Ministry of Foreign Affairs") belong to the
/// state the article is about, when one clearly dominates; they say so with
/// `country_from: article`. With no dominant state they stay without one.
fn home_country_officials(ents: &mut DocEntities) {
    let Some(home) = ents.home_state else {
        return;
    };
    let home_id = ents.list[home].id.clone();
    let found_in_text: Vec<usize> = ents
        .mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::NewOrganization { .. }))
        .filter_map(|m| m.entity)
        .collect();
    for (i, e) in ents.list.iter_mut().enumerate() {
        let stateless = !e.attributes.contains_key("country") && !e.attributes.contains_key("org");
        let official = match e.kind {
            // Heads and members of a government; an envoy or a spokesperson may
            // speak for another state.
            EntityKind::Person => e.attributes.get("role").is_some_and(|r| {
                let r = r.to_lowercase();
                ["minister", "premier", "chancellor", "president"]
                    .iter()
                    .any(|office| r.contains(office))
            }),
            // A body the gazetteer does not know, named as an institution of state:
            // "the Ministry of Foreign Affairs", "the Department of Water".
            EntityKind::Organization => {
                found_in_text.contains(&i)
                    && !e.attributes.contains_key("parent")
                    && e.name.split_whitespace().any(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "ministry" | "department" | "office" | "presidency" | "directorate"
                        )
                    })
            }
            _ => false,
        };
        if stateless && official {
            e.attributes.insert("country".into(), home_id.clone());
            e.attributes.insert("country_from".into(), "article".into());
        }
    }
}

/// Adds the entity of a gazetteer entry to the document's, and returns its index.
/// Built once per entry and document: adding the same entity again would change
/// nothing (a merge only adds what is missing), and building it is not free.
fn add_entry(
    ents: &mut DocEntities,
    added: &mut HashMap<Entry, usize>,
    gazetteer: &Gazetteer,
    entry: Entry,
) -> usize {
    *added
        .entry(entry)
        .or_insert_with(|| ents.add(gazetteer.entity(entry)))
}

fn merge_facts(facts: &mut HashMap<usize, PersonFacts>, idx: usize, fact: PersonFacts) {
    let f = facts.entry(idx).or_default();
    if f.surname.is_empty() {
        f.surname = fact.surname;
    }
    if f.paternal.is_empty() {
        f.paternal = fact.paternal;
    }
    if f.first_name.is_empty() {
        f.first_name = fact.first_name;
    }
    if f.gender.is_none() {
        f.gender = fact.gender;
    }
    if f.country.is_none() {
        f.country = fact.country;
    }
    if f.role.is_empty() {
        f.role = fact.role;
    }
}

/// Builds a person entity from a name, title and affiliation, or from the gazetteer.
fn person_entity(
    name: &str,
    role: Option<&str>,
    affiliation: Option<Entry>,
    known: Option<usize>,
    published: Option<&str>,
    gazetteer: &Gazetteer,
) -> (Entity, PersonFacts) {
    let mut fact = PersonFacts::default();
    let mut entity;
    match known {
        Some(p) => {
            let person = &gazetteer.people[p];
            entity = gazetteer.entity(Entry::Person(p));
            fact.gender = person.gender.chars().next();
            if let Some(r) = gazetteer.role_on(p, published) {
                if !r.title.is_empty() {
                    entity.attributes.insert("role".into(), r.title.clone());
                    fact.role = r.title.clone();
                }
                if let Some(id) = gazetteer.country_id(&r.country) {
                    entity.attributes.insert("country".into(), id.clone());
                    fact.country = Some(id);
                }
                if !r.org.is_empty() {
                    entity
                        .attributes
                        .insert("org".into(), format!("org:{}", r.org));
                }
            }
            let iso = fact
                .country
                .as_deref()
                .and_then(|c| c.strip_prefix("country:"))
                .unwrap_or("");
            fact.surname = gazetteer
                .person_surname(p, iso)
                .unwrap_or(&person.name)
                .to_string();
            fact.paternal = paternal_surname_in(&person.name, iso).unwrap_or_default();
            fact.first_name = person
                .name
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string();
        }
        None => {
            entity = Entity::new(
                format!("person:{}", slug(name)),
                EntityKind::Person,
                name.to_string(),
            );
            fact.surname = surname(name).unwrap_or_else(|| name.to_string());
            fact.first_name = name.split_whitespace().next().unwrap_or("").to_string();
        }
    }
    if let Some(r) = role {
        entity.attributes.insert("role".into(), r.to_string());
        fact.role = r.to_string();
    }
    match affiliation {
        Some(Entry::Country(c)) => {
            let id = gazetteer.entity_id(Entry::Country(c)).to_string();
            entity.attributes.insert("country".into(), id.clone());
            fact.country = Some(id);
        }
        Some(Entry::Organization(o)) => {
            let org = &gazetteer.organizations[o];
            entity.attributes.insert(
                "org".into(),
                gazetteer.entity_id(Entry::Organization(o)).to_string(),
            );
            if org.org_type == "government_body" {
                if let Some(m) = org.members.first().and_then(|m| gazetteer.country_id(m)) {
                    entity.attributes.insert("country".into(), m.clone());
                    fact.country = Some(m);
                }
            }
        }
        _ => {}
    }
    // A new person of a state whose names put the family name first: "Foreign
    // Minister Cho Hyun" ... "Cho".
    if known.is_none() {
        if let Some(iso) = fact
            .country
            .as_deref()
            .and_then(|c| c.strip_prefix("country:"))
        {
            fact.surname = surname_in(name, iso).unwrap_or_else(|| name.to_string());
            fact.paternal = paternal_surname_in(name, iso).unwrap_or_default();
        }
    }
    (entity, fact)
}

/// Does a description head ("leader", "minister", "president") fit a person's role?
fn head_matches_role(head: &str, role: &str) -> bool {
    let role = role.to_lowercase();
    // "his Cypriot counterpart, Nikos Christodoulides": a relational title says
    // nothing of the office, so any description of the right country may fit.
    if role.ends_with("counterpart") {
        return true;
    }
    match head {
        "leader" | "head of state" => {
            role.is_empty()
                || [
                    "president",
                    "prime minister",
                    "chancellor",
                    "king",
                    "emir",
                    "premier",
                    "leader",
                    "sultan",
                    "crown prince",
                    "supreme leader",
                ]
                .iter()
                .any(|r| role.contains(r))
        }
        "official" => true,
        // "the premier" for a prime minister, as for the head of government.
        "head of government" | "head of the government" | "premier" => [
            "prime minister",
            "premier",
            "chancellor",
            "taoiseach",
            "head of government",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "diplomat" | "top diplomat" | "chief diplomat" | "head of diplomacy" => {
            role.contains("foreign")
                || role.contains("secretary of state")
                || role.contains("ambassador")
                || role.contains("envoy")
        }
        // "the minister" for a British or Kenyan secretary ("Foreign Secretary",
        // "Cabinet Secretary for Defence"): a secretary who heads a ministry —
        // not a secretary-general or a press secretary.
        "minister" => {
            role.contains("minister")
                || (role.contains("secretary")
                    && !role.contains("general")
                    && !role.contains("press")
                    && !role.contains("permanent"))
        }
        h => role.contains(h),
    }
}

/// Is a capital mention in actor position (rather than a venue or a modifier)?
fn capital_is_actor(text: &str, s: &Sentence, m: &Mention, lexicon: &Lexicon) -> bool {
    // "NAIROBI, July 3 (Reuters) -": the dateline's city is where the story was filed.
    if m.end <= s.dateline {
        return false;
    }
    let prev = m.first.checked_sub(1).map(|k| s.words[k].as_str());
    // "a commitment from Tokyo", "the package from Brussels": a giver, not a place.
    let before = m.first.checked_sub(2).map(|k| s.words[k].as_str());
    if prev == Some("from") && before.is_some_and(|w| lexicon.given_nouns.contains(w)) {
        return true;
    }
    // "Officials in Dodoma said", "an official in Niamey told": the state's
    // people, by where they sit.
    // (Not "diplomats in Doha", often foreign ones, nor "Chinese officials in New
    // Delhi".)
    if prev == Some("in")
        && before.is_some_and(|w| matches!(w, "officials" | "authorities" | "official"))
        && (m.first.saturating_sub(4)..m.first.saturating_sub(2)).all(|k| {
            let w = s.tokens[k].span.of(text);
            !w.starts_with(char::is_uppercase)
                || k < s.dateline
                || matches!(
                    w,
                    "The" | "Senior" | "Government" | "Some" | "Other" | "Local"
                )
        })
    {
        return true;
    }
    if matches!(
        prev,
        Some(
            "in" | "at"
                | "near"
                | "outside"
                | "from"
                | "inside"
                | "around"
                | "across"
                | "of"
                | "the"
                | "visit"
                | "visited"
                | "visiting"
                | "via"
                | "between"
                | "into"
        )
    ) {
        return false;
    }
    if prev == Some("to") {
        let before = m.first.checked_sub(2).map(|k| s.words[k].as_str());
        if matches!(
            before,
            Some(
                "trip"
                    | "travel"
                    | "travelled"
                    | "traveled"
                    | "travels"
                    | "flew"
                    | "returned"
                    | "return"
                    | "visit"
                    | "back"
                    | "arrived"
                    | "way"
                    | "headed"
                    | "heading"
                    | "moved"
            )
        ) {
            return false;
        }
    }
    // "Paris-based", "Kyiv time"
    let after = s.tokens.get(m.end).map(|t| t.span.of(text));
    !matches!(after, Some("-based"))
}

/// The most salient earlier person satisfying `ok`: a speaker or subject first.
fn antecedent_person(
    all: &[Mention],
    k: usize,
    sentences: &[Sentence],
    text: &str,
    lexicon: &Lexicon,
    facts: &HashMap<usize, PersonFacts>,
    ok: impl Fn(&PersonFacts) -> bool,
) -> Option<usize> {
    let here = &all[k];
    let person_ok = |m: &Mention| {
        m.entity
            .and_then(|e| facts.get(&e).map(|f| (e, f)))
            .filter(|(_, f)| ok(f))
            .map(|(e, _)| e)
    };
    // Same sentence, before the reference: the nearest subject-like person.
    let before = &all[..k];
    if let Some(e) = in_sentence(before, here.sentence)
        .iter()
        .rev()
        .find_map(person_ok)
    {
        return Some(e);
    }
    // Earlier sentences, nearest first; within one, a speaker beats a subject beats
    // anyone else.
    // Earlier sentences of this paragraph and the two before it.
    let mut si = here.sentence;
    let mut looked = 0;
    let oldest_paragraph = sentences[here.sentence].paragraph.saturating_sub(2);
    while si > 0 && looked < 5 {
        si -= 1;
        looked += 1;
        if sentences[si].paragraph < oldest_paragraph {
            break;
        }
        let cands: Vec<(usize, &Mention)> = in_sentence(before, si)
            .iter()
            .filter_map(|m| person_ok(m).map(|e| (e, m)))
            .collect();
        if cands.is_empty() {
            continue;
        }
        let s = &sentences[si];
        let speaker = cands.iter().find(|(_, m)| {
            precedes_speech(s, m.end, lexicon) || follows_speech(s, m.first, lexicon)
        });
        if let Some((e, _)) = speaker {
            return Some(*e);
        }
        let unquoted = cands.iter().find(|(_, m)| !in_quotes(text, s, m.first));
        return unquoted.or(cands.first()).map(|(e, _)| *e);
    }
    None
}

/// The mentions of sentence `si` among `mentions` (in reading order: sorted by
/// sentence), found by binary search: `mentions.iter().filter(|m| m.sentence ==
/// si)`, without a look at every mention of the document before (a scan per
/// pronoun and sentence looked back at grew with the square of the mentions).
fn in_sentence(mentions: &[Mention], si: usize) -> &[Mention] {
    debug_assert!(mentions.windows(2).all(|w| w[0].sentence <= w[1].sentence));
    let from = mentions.partition_point(|m| m.sentence < si);
    let to = from + mentions[from..].partition_point(|m| m.sentence == si);
    &mentions[from..to]
}

fn precedes_speech(s: &Sentence, end: usize, lexicon: &Lexicon) -> bool {
    let mut j = end;
    while j < s.words.len() && lexicon.skippable.contains(&s.words[j]) {
        j += 1;
    }
    if j < s.words.len() && s.words[j] == "," {
        // appositive: jump to the next comma
        let mut k = j + 1;
        while k < s.words.len() && s.words[k] != "," {
            k += 1;
        }
        j = k + 1;
    }
    j < s.words.len()
        && (lexicon.speech_verbs.match_at(&s.ids, j).is_some()
            || lexicon.commitment_verbs.match_at(&s.ids, j).is_some())
}

fn follows_speech(s: &Sentence, first: usize, lexicon: &Lexicon) -> bool {
    first > 0 && lexicon.speech_verbs.match_at(&s.ids, first - 1).is_some()
}

/// Is token `i` inside a quotation (an odd number of quote marks before it)?
fn in_quotes(text: &str, s: &Sentence, i: usize) -> bool {
    let _ = text;
    s.tokens[..i]
        .iter()
        .filter(|t| t.kind == crate::text::TokenKind::Quote)
        .count()
        % 2
        == 1
}

/// The organization a description like "the coalition" refers to.
/// The organization whose meeting an article reports, for "the leaders" and "the
/// heads of state": a body of states (an intergovernmental organization, alliance,
/// bloc or coalition; not an agency, a court or one state's own body) that the
/// article names in its first three sentences, at least twice in all, and more
/// often than any other such body. `None` when no body clearly leads — "the
/// leaders" of a bilateral visit are nobody's name.
fn summit_org(
    all: &[Mention],
    sentences: &[Sentence],
    ents: &DocEntities,
    gazetteer: &Gazetteer,
) -> Option<usize> {
    // (entity, mentions, first sentence, named as its members: "ASEAN leaders")
    let mut counts: Vec<(usize, usize, usize, bool)> = Vec::new();
    for m in all {
        let Some(e) = m.entity else { continue };
        if matches!(m.kind, MentionKind::Summit) {
            continue;
        }
        let convener = ents.list[e]
            .id
            .strip_prefix("org:")
            .and_then(|id| gazetteer.org_by_id(id))
            .is_some_and(|o| gazetteer.organizations[o].convener);
        if convener {
            continue;
        }
        if let Some(c) = counts.iter_mut().find(|c| c.0 == e) {
            c.1 += 1;
            continue;
        }
        let multilateral = ents.list[e]
            .id
            .strip_prefix("org:")
            .and_then(|id| gazetteer.org_by_id(id))
            .map(|o| &gazetteer.organizations[o])
            .is_some_and(|o| {
                matches!(
                    o.org_type.as_str(),
                    "igo" | "alliance" | "bloc" | "coalition"
                )
            });
        if multilateral {
            // "ASEAN leaders" is one mention; "the G7 foreign ministers" two.
            let words = &sentences[m.sentence].words;
            let members = [m.end - 1, m.end].iter().any(|&k| {
                words.get(k).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "leaders" | "heads" | "ministers" | "foreign" | "defence" | "defense"
                    )
                })
            });
            counts.push((e, 1, m.sentence, members));
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts[..] {
        [(e, top, first, _), ..]
            if top >= 2 && first < 3 && counts.get(1).is_none_or(|c| c.1 < top) =>
        {
            Some(e)
        }
        // "Pacific Islands Forum leaders met ... The leaders undertook": the one
        // body the article names, once, in its opening, as its members.
        [(e, 1, first, true)] if first < 3 => Some(e),
        _ => None,
    }
}

/// The one gazetteer organization that `phrase` describes ("the commission") and
/// whose parent the article names (the European Union, not the African Union).
fn organ_of_named_parent(ents: &DocEntities, gazetteer: &Gazetteer, phrase: &str) -> Option<usize> {
    let mut found = None;
    for (o, org) in gazetteer.organizations.iter().enumerate() {
        if org.parent.is_empty() || !org.descriptions.iter().any(|d| d == phrase) {
            continue;
        }
        let parent = format!("org:{}", org.parent);
        let own = format!("org:{}", org.id);
        // The parent named, or someone who serves the organ or its parent
        // ("Enlargement Commissioner Marta Kos ... the Commission").
        let served = ents.list.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.attributes
                    .get("org")
                    .is_some_and(|x| *x == parent || *x == own)
        });
        if ents.find_id(&parent).is_some() || served {
            if found.is_some() {
                return None;
            }
            found = Some(o);
        }
    }
    found
}

fn antecedent_org(
    all: &[Mention],
    k: usize,
    ents: &DocEntities,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    text: &str,
    phrase: &str,
) -> Option<usize> {
    let head = phrase.strip_prefix("the ").unwrap_or(phrase);
    // A state's ministry, department or office goes by any of the three ("the
    // Foreign Office ... the department said").
    let office = matches!(head, "ministry" | "department" | "office");
    // "the company", "the party", "the lender": the nearest body of that kind.
    let kinds: &[&str] = match head {
        "company" | "firm" | "manufacturer" | "maker" | "operator" | "developer"
        | "conglomerate" | "carrier" | "shipbuilder" | "miner" | "producer" => &["company"],
        "group" => &["company", "armed_group"],
        // ("the movement would waive registration fees": the armed or political
        // movement named before.)
        "movement" | "militia" => &["armed_group", "party"],
        "party" => &["party"],
        "lender" => &["bank"],
        _ => &[],
    };
    let fits = |idx: usize| {
        let e = &ents.list[idx];
        if e.attributes
            .get("type")
            .is_some_and(|t| kinds.contains(&t.as_str()))
        {
            return Some(idx);
        }
        let id = e.id.strip_prefix("org:")?;
        let o = gazetteer.org_by_id(id)?;
        let org = &gazetteer.organizations[o];
        let ministry = office
            && org.org_type == "government_body"
            && std::iter::once(&org.name).chain(&org.aliases).any(|n| {
                n.split_whitespace()
                    .any(|w| matches!(w, "Ministry" | "Department" | "Office"))
            });
        (ministry || org.descriptions.iter().any(|d| d == phrase)).then_some(idx)
    };
    // "the ministry" after "Rwanda's foreign ministry" or "the Ministry of Foreign
    // Affairs": an earlier mention whose own words hold the head noun.
    let named_with_head = |m: &Mention| {
        if !lexicon.org_head_nouns.contains(head) {
            return None;
        }
        let e = m.entity?;
        let kind = ents.list[e].kind;
        let surface = m.span.of(text);
        (matches!(kind, EntityKind::Organization | EntityKind::Country)
            && surface
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(head)))
        .then_some(e)
    };
    // Nearest earlier mention that fits.
    if let Some(e) = all[..k]
        .iter()
        .rev()
        .find_map(|m| m.entity.and_then(fits).or_else(|| named_with_head(m)))
    {
        return Some(e);
    }
    // Otherwise the only fitting organization named later in the document.
    let later: Vec<usize> = all[k + 1..]
        .iter()
        .filter_map(|m| m.entity.and_then(fits))
        .collect();
    let first = *later.first()?;
    later.iter().all(|&e| e == first).then_some(first)
}
