//! The gazetteer: known countries, organizations, people and regions, and one
//! automaton that finds all their surface forms in text.
//!
//! The entries are data (`data/gazetteer/*.ron`, compiled into the binary so it runs
//! anywhere); a user file given with `--gazetteer` adds entries or overrides them by
//! name. All surface forms go into a single leftmost-longest matcher ([`FormTrie`]),
//! matched case-sensitively with word boundaries checked, so "US" never fires inside
//! "USAID" and "Democratic Republic of the Congo" wins over "Republic of the Congo".
//! This module knows nothing of sentences or events.

use crate::error::{Error, Result};
use crate::formtrie::FormTrie;
use crate::lexicon::{FastMap as HashMap, FastSet, WordSet};
use crate::model::{Entity, EntityKind};
use serde::Deserialize;
use std::borrow::Cow;
use std::path::Path;

/// A sovereign state.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Country {
    /// Canonical short name ("United States").
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3 (the entity id is `country:<iso3>`).
    pub iso3: String,
    /// Other names of the state.
    pub aliases: Vec<String>,
    /// The capital (the country only in actor position).
    pub capital: String,
    /// Other spellings of the capital.
    pub capital_aliases: Vec<String>,
    /// Adjectives and people nouns.
    pub demonyms: Vec<String>,
    /// Seats of government that speak for the state.
    pub metonyms: Vec<String>,
}

/// An organization, alliance, coalition or group.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Organization {
    /// Stable id (`org:<id>`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Subtype: alliance, coalition, bloc, igo, armed_group ...
    #[serde(rename = "type")]
    pub org_type: String,
    /// Other full names.
    pub aliases: Vec<String>,
    /// Acronyms.
    pub acronyms: Vec<String>,
    /// Lowercase definite descriptions that refer back to it ("the alliance").
    pub descriptions: Vec<String>,
    /// ISO alpha-3 codes of member states.
    pub members: Vec<String>,
    /// Parent organization id, or empty.
    pub parent: String,
    /// Cities that stand for it in actor position ("Brussels" for the EU); they win
    /// over a country's capital of the same name.
    pub seats: Vec<String>,
    /// A body that hosts and mediates the meetings of others (the United Nations)
    /// rather than meeting as its members' leaders: "the leaders" of a story it
    /// convenes are never this body.
    pub convener: bool,
}

/// An office held by a person.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Role {
    /// Role noun ("President").
    pub title: String,
    /// ISO alpha-3 of the country served, or empty.
    pub country: String,
    /// Organization id served, or empty.
    pub org: String,
    /// Start date `YYYY-MM-DD`, or empty.
    pub since: String,
    /// End date `YYYY-MM-DD`, or empty when still in office.
    pub until: String,
}

/// A known person.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Canonical full name.
    pub name: String,
    /// Spelling and full-name variants.
    pub aliases: Vec<String>,
    /// "m", "f" or empty.
    pub gender: String,
    /// Offices held.
    pub roles: Vec<Role>,
}

/// A region treated as a collective actor.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Region {
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Adjective forms ("European").
    pub adjectives: Vec<String>,
}

/// A user gazetteer file: any of the four lists, all optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GazetteerFile {
    /// Countries to add or override (by iso3).
    pub countries: Vec<Country>,
    /// Organizations to add or override (by id).
    pub organizations: Vec<Organization>,
    /// People to add or override (by name).
    pub people: Vec<Person>,
    /// Regions to add or override (by name).
    pub regions: Vec<Region>,
}

/// Which gazetteer entry a surface form belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// Index into [`Gazetteer::countries`].
    Country(usize),
    /// Index into [`Gazetteer::organizations`].
    Organization(usize),
    /// Index into [`Gazetteer::people`].
    Person(usize),
    /// Index into [`Gazetteer::regions`].
    Region(usize),
}

/// How a surface form names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The canonical name.
    Name,
    /// Another full name or spelling.
    Alias,
    /// An acronym ("NATO", "U.S.").
    Acronym,
    /// A seat of government ("Kremlin").
    Metonym,
    /// A demonym or adjective ("French").
    Demonym,
    /// A city that stands for an organization ("Brussels" for the EU).
    Seat,
    /// The capital city ("Kyiv").
    Capital,
    /// A person's bare surname ("Macron").
    Surname,
}

/// One match of a gazetteer form in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the start (relative to the searched text).
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The entry matched.
    pub entry: Entry,
    /// How it was named.
    pub form: Form,
}

/// The loaded gazetteer with its matcher.
#[derive(Debug)]
pub struct Gazetteer {
    /// Known states.
    pub countries: Vec<Country>,
    /// Known organizations.
    pub organizations: Vec<Organization>,
    /// Known people.
    pub people: Vec<Person>,
    /// Known regions.
    pub regions: Vec<Region>,
    matcher: FormTrie,
    targets: Vec<(Entry, Form)>,
    org_by_id: HashMap<String, usize>,
    /// Every organization description ("the bloc"), for a quick membership test.
    descriptions: FastSet<String>,
    /// Every organization description that starts with "the", without it ("bloc"
    /// for "the bloc"): asked for the word after every "the" of every text (a
    /// [`WordSet`] turns most words away by their first byte and length).
    descriptions_after_the: WordSet,
    country_by_iso3: HashMap<String, usize>,
    /// The entity id of every entry ([`Gazetteer::entity_id`]), made once: documents
    /// ask for them over and over.
    ids: EntryIds,
    /// By country: does a name or alias style it a kingdom or a sultanate
    /// ([`Gazetteer::styled_kingdom`])? Every document asked it of each of its
    /// states, by a search of every name.
    kingdoms: Vec<bool>,
    /// By person: the surnames of the name ([`Gazetteer::person_surname`]), found
    /// once where every mention of a known person looked for them anew.
    surnames: Vec<PersonSurnames>,
}

/// What [`surname_in`] says of a known person's name, for either kind of state.
#[derive(Clone, Debug, Default)]
struct PersonSurnames {
    /// [`surname`] of the name.
    last: Option<String>,
    /// The first word, when there are two or more (a state that writes the
    /// family name first).
    family_first: Option<String>,
}

impl PersonSurnames {
    /// The surnames of `name`.
    fn of(name: &str) -> PersonSurnames {
        let mut words = name.split_whitespace();
        let first = words.next();
        PersonSurnames {
            last: surname(name),
            family_first: first.filter(|_| words.next().is_some()).map(str::to_string),
        }
    }
}

/// The entity ids of a gazetteer's entries, by kind and index.
#[derive(Clone, Debug, Default)]
struct EntryIds {
    countries: Vec<String>,
    organizations: Vec<String>,
    people: Vec<String>,
    regions: Vec<String>,
}

const COUNTRIES: &str = include_str!("../data/gazetteer/countries.ron");
const ORGANIZATIONS: &str = include_str!("../data/gazetteer/organizations.ron");
const PEOPLE: &str = include_str!("../data/gazetteer/people.ron");
const REGIONS: &str = include_str!("../data/gazetteer/regions.ron");

fn parse_ron<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| Error::ron(path, &e))
}

impl Gazetteer {
    /// The gazetteer bundled with diplograph.
    pub fn bundled() -> Result<Gazetteer> {
        let file = GazetteerFile {
            countries: parse_ron("data/gazetteer/countries.ron", COUNTRIES)?,
            organizations: parse_ron("data/gazetteer/organizations.ron", ORGANIZATIONS)?,
            people: parse_ron("data/gazetteer/people.ron", PEOPLE)?,
            regions: parse_ron("data/gazetteer/regions.ron", REGIONS)?,
        };
        Gazetteer::from_file(file)
    }

    /// The bundled gazetteer extended (and overridden) by a user file.
    pub fn with_user_file(path: &Path) -> Result<Gazetteer> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let user: GazetteerFile = ron::Options::default()
            .from_str(&text)
            .map_err(|e| Error::ron(path, &e))?;
        let mut base = GazetteerFile {
            countries: parse_ron("data/gazetteer/countries.ron", COUNTRIES)?,
            organizations: parse_ron("data/gazetteer/organizations.ron", ORGANIZATIONS)?,
            people: parse_ron("data/gazetteer/people.ron", PEOPLE)?,
            regions: parse_ron("data/gazetteer/regions.ron", REGIONS)?,
        };
        override_by(&mut base.countries, user.countries, |c| c.iso3.clone());
        override_by(&mut base.organizations, user.organizations, |o| {
            o.id.clone()
        });
        override_by(&mut base.people, user.people, |p| p.name.clone());
        override_by(&mut base.regions, user.regions, |r| r.name.clone());
        Gazetteer::from_file(base)
    }

    /// Builds the matcher over a set of entries.
    pub fn from_file(file: GazetteerFile) -> Result<Gazetteer> {
        let forms = surface_forms(&file);
        let GazetteerFile {
            countries,
            organizations,
            people,
            regions,
        } = file;
        let patterns: Vec<&str> = forms.iter().map(|(s, _, _)| s.as_str()).collect();
        let matcher = FormTrie::new(&patterns);
        let targets = forms.iter().map(|(_, e, f)| (*e, *f)).collect();
        let descriptions: FastSet<String> = organizations
            .iter()
            .flat_map(|o| o.descriptions.iter().cloned())
            .collect();
        let descriptions_after_the = descriptions
            .iter()
            .filter_map(|d| d.strip_prefix("the ").map(str::to_string))
            .collect();
        let org_by_id = organizations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        let country_by_iso3 = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        let ids = EntryIds {
            countries: countries
                .iter()
                .map(|c| format!("country:{}", c.iso3))
                .collect(),
            organizations: organizations
                .iter()
                .map(|o| format!("org:{}", o.id))
                .collect(),
            people: people
                .iter()
                .map(|p| format!("person:{}", crate::model::slug(&p.name)))
                .collect(),
            regions: regions
                .iter()
                .map(|r| format!("group:{}", crate::model::slug(&r.name)))
                .collect(),
        };
        let surnames = people.iter().map(|p| PersonSurnames::of(&p.name)).collect();
        let kingdoms = countries
            .iter()
            .map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .any(|n| n.contains("Kingdom") || n.contains("Sultanate"))
            })
            .collect();
        Ok(Gazetteer {
            ids,
            kingdoms,
            surnames,
            countries,
            organizations,
            people,
            regions,
            matcher,
            targets,
            org_by_id,
            descriptions,
            descriptions_after_the,
            country_by_iso3,
        })
    }

    /// Finds every gazetteer form in `text` at word boundaries, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        // News text names an actor every few dozen bytes: room for them at once.
        let mut out = Vec::with_capacity(text.len() / 32);
        for m in self.matcher.find_iter(text) {
            let (start, end) = (m.start, m.end);
            if !at_word_boundary(text, start, end) {
                continue;
            }
            let (entry, form) = self.targets[m.pattern];
            out.push(Hit {
                start,
                end,
                entry,
                form,
            });
        }
        out
    }

    /// Countries and organizations written in capitals, as in factbox headers and
    /// headlines ("* SAUDI ARABIA AND QATAR -", "WORLD BANK"): each run of
    /// capitalized words is matched in title case. Only names, aliases and
    /// acronyms count — a capital in capitals is a dateline's place ("KUALA
    /// LUMPUR, Feb 9"), not an actor. Hits overlapping `known` are dropped;
    /// offsets are into `text`.
    pub fn find_in_capitals(&self, text: &str, known: &[Hit]) -> Vec<Hit> {
        self.find_in_capitals_marked(text, known, &crate::text::capital_marks(text))
    }

    /// [`Gazetteer::find_in_capitals`] given the text's
    /// [`crate::text::capital_marks`]: a run starts at an ASCII capital that no
    /// lowercase letter follows, and those are marks ("The", "Qatar" start no run
    /// of words in capitals, and are mostly no marks).
    pub fn find_in_capitals_marked(&self, text: &str, known: &[Hit], marks: &[usize]) -> Vec<Hit> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        for &next in marks {
            if next < i || !bytes[next].is_ascii_uppercase() {
                continue;
            }
            i = next;
            // A run starts at an uppercase letter after a non-letter.
            let starts = !bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)
                && (i == 0 || !text[..i].ends_with(|c: char| c.is_alphanumeric()));
            if !starts {
                i += 1;
                continue;
            }
            let (end, long_word) = capitals_run(text, i);
            if long_word {
                let titled = title_case_words(&text[i..end]);
                for mut h in self.find(&titled) {
                    h.start += i;
                    h.end += i;
                    let named = matches!(h.form, Form::Name | Form::Alias | Form::Acronym)
                        && matches!(h.entry, Entry::Country(_) | Entry::Organization(_));
                    let overlaps = known.iter().any(|k| k.start < h.end && h.start < k.end);
                    if named && !overlaps {
                        out.push(h);
                    }
                }
            }
            i = end.max(i + 1);
        }
        out
    }

    /// The country with this ISO alpha-3 code.
    pub fn country_by_iso3(&self, iso3: &str) -> Option<usize> {
        self.country_by_iso3.get(iso3).copied()
    }

    /// Does some organization go by this description ("the bloc")?
    pub fn is_org_description(&self, phrase: &str) -> bool {
        self.descriptions.contains(phrase)
    }

    /// Does some organization go by "the" and this word or phrase ("bloc")? The same
    /// as `is_org_description(&format!("the {rest}"))`, without the string.
    pub fn is_org_description_after_the(&self, rest: &str) -> bool {
        self.descriptions_after_the.contains(rest)
    }

    /// The organization with this id.
    pub fn org_by_id(&self, id: &str) -> Option<usize> {
        self.org_by_id.get(id).copied()
    }

    /// Looks a name up exactly (any form), as the automaton would.
    ///
    /// The same as the hit of [`Gazetteer::find`] that spans all of `name`, without
    /// scanning it: such a hit starts at 0, where the scan takes the longest form
    /// (a whole-text match is always at word boundaries), and no other hit starts
    /// there.
    pub fn lookup(&self, name: &str) -> Option<(Entry, Form)> {
        self.matcher
            .longest_prefix(name)
            .filter(|&(_, end)| end == name.len())
            .map(|(pattern, _)| self.targets[pattern])
    }

    /// The id of the entity an entry stands for ("country:FRA", "org:nato",
    /// "person:emmanuel-macron", "group:sahel").
    pub fn entity_id(&self, entry: Entry) -> &str {
        match entry {
            Entry::Country(i) => &self.ids.countries[i],
            Entry::Organization(i) => &self.ids.organizations[i],
            Entry::Person(i) => &self.ids.people[i],
            Entry::Region(i) => &self.ids.regions[i],
        }
    }

    /// The entity an entry stands for (canonical id, kind, name and attributes).
    pub fn entity(&self, entry: Entry) -> Entity {
        let id = self.entity_id(entry).to_string();
        match entry {
            Entry::Country(i) => {
                let c = &self.countries[i];
                let mut e = Entity::new(id, EntityKind::Country, c.name.clone());
                e.attributes.insert("iso3".into(), c.iso3.clone());
                e.attributes.insert("iso2".into(), c.iso2.clone());
                e
            }
            Entry::Organization(i) => {
                let o = &self.organizations[i];
                let mut e = Entity::new(id, EntityKind::Organization, o.name.clone());
                if !o.org_type.is_empty() {
                    e.attributes.insert("type".into(), o.org_type.clone());
                }
                // A state's own body (its ministry, its coast guard) belongs to it.
                if let ("government_body", [member]) = (o.org_type.as_str(), o.members.as_slice()) {
                    if let Some(c) = self.country_id(member) {
                        e.attributes.insert("country".into(), c);
                    }
                }
                e
            }
            Entry::Person(i) => Entity::new(id, EntityKind::Person, self.people[i].name.clone()),
            Entry::Region(i) => Entity::new(id, EntityKind::Group, self.regions[i].name.clone()),
        }
    }

    /// The role a known person held on `date` (or their latest role): the first
    /// listed that holds, so a person's state office is listed before a party post.
    pub fn role_on(&self, person: usize, date: Option<&str>) -> Option<&Role> {
        let p = &self.people[person];
        let holds = |r: &&Role| match date {
            Some(d) => {
                (r.since.is_empty() || r.since.as_str() <= d)
                    && (r.until.is_empty() || d <= r.until.as_str())
            }
            None => r.until.is_empty(),
        };
        p.roles.iter().find(holds).or_else(|| p.roles.last())
    }

    /// Does a name or alias of country `c` style it a kingdom or a sultanate
    /// ("Kingdom of Saudi Arabia", "Sultanate of Oman")?
    pub fn styled_kingdom(&self, c: usize) -> bool {
        self.kingdoms.get(c).copied().unwrap_or(false)
    }

    /// [`surname_in`] of known person `person`'s name and `country` (ISO alpha-3,
    /// or ""), as found when the gazetteer was built.
    pub fn person_surname(&self, person: usize, country: &str) -> Option<&str> {
        let names = self.surnames.get(person)?;
        if FAMILY_NAME_FIRST.contains(&country) {
            names.family_first.as_deref()
        } else {
            names.last.as_deref()
        }
    }

    /// The entity id of a country by ISO alpha-3, if known.
    pub fn country_id(&self, iso3: &str) -> Option<String> {
        self.country_by_iso3(iso3)
            .map(|i| self.ids.countries[i].clone())
    }
}

/// Every surface form of every entry with what it names: one per distinct string
/// (the strongest form wins, then the first entry), sorted by string.
fn surface_forms(file: &GazetteerFile) -> Vec<(String, Entry, Form)> {
    let GazetteerFile {
        countries,
        organizations,
        people,
        regions,
    } = file;
    let mut forms: Vec<(String, Entry, Form)> = Vec::new();
    for (i, c) in countries.iter().enumerate() {
        let e = Entry::Country(i);
        forms.push((c.name.clone(), e, Form::Name));
        for a in &c.aliases {
            let form = if is_acronym(a) {
                Form::Acronym
            } else {
                Form::Alias
            };
            forms.push((a.clone(), e, form));
        }
        for m in &c.metonyms {
            forms.push((m.clone(), e, Form::Metonym));
        }
        for d in &c.demonyms {
            forms.push((d.clone(), e, Form::Demonym));
        }
        if !c.capital.is_empty() {
            forms.push((c.capital.clone(), e, Form::Capital));
        }
        for a in &c.capital_aliases {
            forms.push((a.clone(), e, Form::Capital));
        }
    }
    for (i, o) in organizations.iter().enumerate() {
        let e = Entry::Organization(i);
        let form = if is_acronym(&o.name) {
            Form::Acronym
        } else {
            Form::Name
        };
        forms.push((o.name.clone(), e, form));
        for a in &o.aliases {
            forms.push((a.clone(), e, Form::Alias));
        }
        for a in &o.acronyms {
            forms.push((a.clone(), e, Form::Acronym));
        }
        for c in &o.seats {
            forms.push((c.clone(), e, Form::Seat));
        }
    }
    for (i, p) in people.iter().enumerate() {
        let e = Entry::Person(i);
        forms.push((p.name.clone(), e, Form::Name));
        for a in &p.aliases {
            let form = if a.split_whitespace().count() == 1 {
                Form::Surname
            } else {
                Form::Alias
            };
            forms.push((a.clone(), e, form));
        }
        let country = p.roles.first().map(|r| r.country.as_str()).unwrap_or("");
        if let Some(s) = surname_in(&p.name, country) {
            forms.push((s, e, Form::Surname));
        }
    }
    for (i, r) in regions.iter().enumerate() {
        let e = Entry::Region(i);
        forms.push((r.name.clone(), e, Form::Name));
        for a in &r.aliases {
            forms.push((a.clone(), e, Form::Alias));
        }
        for a in &r.adjectives {
            forms.push((a.clone(), e, Form::Demonym));
        }
    }
    // Apostrophe variants: the data writes ', articles often write ’. And the
    // two spellings of the UN in a longer name: "UN Mission in South Sudan" is
    // also "U.N. Mission in South Sudan", and the other way round.
    let mut extra = Vec::new();
    for (s, e, f) in &forms {
        if s.contains('\'') {
            extra.push((s.replace('\'', "\u{2019}"), *e, *f));
        }
        if let Some(rest) = s.strip_prefix("UN ") {
            extra.push((format!("U.N. {rest}"), *e, *f));
        } else if let Some(rest) = s.strip_prefix("U.N. ") {
            extra.push((format!("UN {rest}"), *e, *f));
        }
    }
    // Text is searched with words in capitals title-cased (surnames: "MACRON"
    // is "Macron"), so a longer name with such a word ("Global Fund to Fight
    // AIDS, Tuberculosis and Malaria") is also kept in that spelling.
    for (s, e, f) in &forms {
        if s.contains(' ') {
            if let Cow::Owned(titled) = crate::text::title_case_surnames(s) {
                extra.push((titled, *e, *f));
            }
        }
    }
    forms.extend(extra);
    // One target per surface form: the strongest form wins, then the first entry.
    forms.retain(|(s, _, _)| !s.trim().is_empty());
    forms.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    forms.dedup_by(|b, a| a.0 == b.0);
    forms
}

fn override_by<T, K: PartialEq>(base: &mut Vec<T>, user: Vec<T>, key: impl Fn(&T) -> K) {
    for item in user {
        let k = key(&item);
        match base.iter().position(|b| key(b) == k) {
            Some(i) => base[i] = item,
            None => base.push(item),
        }
    }
}

/// "NATO", "U.S.", "G7", "UNSC": no lowercase letters and short.
fn is_acronym(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() <= 6
}

/// Countries whose names put the family name first and whose press calls people by
/// it ("Cho Hyun" ... "Cho", "Wang Yi" ... "Wang"). Not Vietnam: "Prime Minister
/// Pham Minh Chinh" is "Chinh" on second reference.
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "KHM"];

/// The surname of a person serving `country` (ISO alpha-3, or ""): the first word
/// where family names come first, else as [`surname`].
pub fn surname_in(name: &str, country: &str) -> Option<String> {
    if FAMILY_NAME_FIRST.contains(&country) {
        let mut words = name.split_whitespace();
        let first = words.next()?;
        return words.next().map(|_| first.to_string());
    }
    surname(name)
}

/// Countries whose names carry two family names, the father's first, and whose
/// press calls people by the first of them alone on second reference ("Lourdes
/// Castellanos Paz" ... "Castellanos", "Santiago Peña Palacios" ... "Peña").
const TWO_FAMILY_NAMES: &[&str] = &[
    "ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "SLV", "GNQ", "GTM", "HND", "MEX",
    "NIC", "PAN", "PRY", "PER", "ESP", "URY", "VEN",
];

/// The paternal family name of a person serving `country` (ISO alpha-3) where
/// people carry two family names: the next-to-last word of a name of three words
/// or more, when no particle precedes the last ("Julio Berdegué Sacristán" ...
/// "Berdegué"). Nothing elsewhere, or for "Juan de la Cruz".
pub fn paternal_surname_in(name: &str, country: &str) -> Option<String> {
    if !TWO_FAMILY_NAMES.contains(&country) {
        return None;
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !is_generational(w))
        .collect();
    match words[..] {
        [.., before, paternal, _] if !is_particle(paternal) && !is_particle(before) => {
            Some(paternal.to_string())
        }
        _ => None,
    }
}

/// "Jr.", "Sr.", "II", "III": a suffix after the family name, not the name itself
/// ("Ferdinand Marcos Jr." is "Marcos").
fn is_generational(w: &str) -> bool {
    matches!(
        w,
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "Jnr" | "Snr"
    )
}

/// The surname of a full name: the last word, or the particle phrase that ends it
/// ("von der Leyen", "da Silva", "al-Sharaa"), before a generational suffix
/// ("Marcos" of "Ferdinand Marcos Jr.").
///
/// The words are kept on the stack and the surname written into one string,
/// without a vector of the words and a join (a person entity is built for every
/// titled name of a document).
pub fn surname(name: &str) -> Option<String> {
    // A name's words on the stack (a name of more than eight words, which never
    // comes, in a vector).
    let mut stack = [""; 8];
    let mut count = 0;
    let mut longer = Vec::new();
    for w in crate::text::whitespace_words(name) {
        if count < stack.len() {
            stack[count] = w;
        } else {
            if longer.is_empty() {
                longer.extend_from_slice(&stack);
            }
            longer.push(w);
        }
        count += 1;
    }
    let words = if longer.is_empty() {
        &stack[..count]
    } else {
        &longer[..]
    };
    let words = match words {
        [rest @ .., last] if rest.len() > 1 && is_generational(last) => rest,
        _ => words,
    };
    if words.len() < 2 {
        return None;
    }
    // A hyphenated given name after the family name: "Park Yoon-joo", "Lee
    // Jae-myung".
    if let [family, given] = words[..] {
        let mut parts = given.splitn(2, '-');
        let (head, tail) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let lower_tail = !tail.is_empty() && tail.chars().all(char::is_lowercase);
        if lower_tail && head.chars().next().is_some_and(char::is_uppercase) {
            return Some(family.to_string());
        }
    }
    let mut start = words.len() - 1;
    while start > 1 && is_particle(words[start - 1]) {
        start -= 1;
    }
    // The words joined by single spaces, written into one string.
    let mut out = String::with_capacity(name.len());
    for w in &words[start..] {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Some(out)
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "da"
            | "dos"
            | "das"
            | "del"
            | "di"
            | "du"
            | "la"
            | "le"
            | "ter"
    )
}

/// Is `[start, end)` a whole word of `text`?
pub fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word_char = |c: char| c.is_alphanumeric();
    let last = text[start..end].chars().next_back();
    let first = text[start..end].chars().next();
    // A trailing dot ("U.S.") is its own boundary; letters must not continue the word.
    let before_ok = !before.is_some_and(word_char) || !first.is_some_and(word_char);
    let after_ok = !after.is_some_and(word_char) || !last.is_some_and(word_char);
    // "US-led" is fine; "US" in "USAID" is not.
    before_ok && after_ok
}

/// The end of the run of words in capitals starting at byte `start` ("SAUDI
/// ARABIA AND QATAR"), and whether it has a word of four letters or more (shorter
/// words are acronyms the ordinary match already reads).
fn capitals_run(text: &str, start: usize) -> (usize, bool) {
    let mut end = start;
    let mut long_word = false;
    let mut rest = &text[start..];
    loop {
        let word_len = rest
            .find(|c: char| !(c.is_uppercase() || c == '-' || c == '\''))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let followed_by_letter = rest[word_len..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if letters == 0 || followed_by_letter {
            break;
        }
        long_word |= letters >= 4;
        end += word_len;
        rest = &rest[word_len..];
        // One space, then another word in capitals.
        match rest.strip_prefix(' ') {
            Some(r) if r.starts_with(|c: char| c.is_uppercase()) => {
                end += 1;
                rest = r;
            }
            _ => break,
        }
    }
    (end, long_word)
}

/// Each word in title case, keeping byte length ("SAUDI ARABIA" -> "Saudi
/// Arabia"); a letter whose lowercase has another length stays as it is.
fn title_case_words(run: &str) -> String {
    let mut out = String::with_capacity(run.len());
    let mut first = true;
    for c in run.chars() {
        if first || !c.is_alphabetic() {
            out.push(c);
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                _ => out.push(c),
            }
        }
        first = c == ' ' || c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::bundled().expect("bundled gazetteer loads")
    }

    #[test]
    fn names_in_capitals_are_found_but_not_places() {
        let g = gaz();
        let text = "* SAUDI ARABIA AND QATAR - Both pledged.\nKUALA LUMPUR, Feb 9 - NATO met.";
        let known = g.find(text);
        let found: Vec<&str> = g
            .find_in_capitals(text, &known)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(found, ["SAUDI ARABIA", "QATAR"]);
        assert_eq!(title_case_words("ÉTAT-MAJOR OF X"), "État-Major Of X");
        assert_eq!(capitals_run("AB CDEF gh", 0), (7, true));
        assert_eq!(capitals_run("UN said", 0), (2, false));
    }

    #[test]
    fn bundled_data_loads_and_is_consistent() {
        let g = gaz();
        assert!(g.countries.len() >= 190, "countries: {}", g.countries.len());
        for p in &g.people {
            for r in &p.roles {
                if !r.country.is_empty() {
                    assert!(
                        g.country_by_iso3(&r.country).is_some(),
                        "{}: unknown country {}",
                        p.name,
                        r.country
                    );
                }
                if !r.org.is_empty() {
                    assert!(
                        g.org_by_id(&r.org).is_some(),
                        "{}: unknown org {}",
                        p.name,
                        r.org
                    );
                }
            }
        }
        for o in &g.organizations {
            for m in &o.members {
                assert!(
                    g.country_by_iso3(m).is_some(),
                    "{}: unknown member {m}",
                    o.id
                );
            }
            if !o.parent.is_empty() {
                assert!(g.org_by_id(&o.parent).is_some(), "{}: bad parent", o.id);
            }
        }
    }

    #[test]
    fn matches_whole_words_leftmost_longest() {
        let g = gaz();
        let text = "USAID and the US met the Democratic Republic of the Congo in Kyiv.";
        let hits = g.find(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert!(!found.contains(&"US") || found.iter().filter(|f| **f == "US").count() == 1);
        assert!(found.contains(&"Democratic Republic of the Congo"));
        assert!(!found.contains(&"Republic of the Congo"));
        assert!(found.contains(&"Kyiv"));
    }

    /// The trie finds exactly what a leftmost-longest Aho-Corasick scan finds, on
    /// every sample article and on text made to trip it (forms inside words).
    #[test]
    fn trie_matches_like_aho_corasick() {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = GazetteerFile {
            countries: parse_ron("countries", COUNTRIES).unwrap(),
            organizations: parse_ron("organizations", ORGANIZATIONS).unwrap(),
            people: parse_ron("people", PEOPLE).unwrap(),
            regions: parse_ron("regions", REGIONS).unwrap(),
        };
        let forms = surface_forms(&file);
        let patterns: Vec<&str> = forms.iter().map(|(s, _, _)| s.as_str()).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();
        let trie = FormTrie::new(&patterns);
        let mut texts = vec![
            "xSouth Korea USAID Kyivstar the U.S.-led NATOs Iranian É".to_string(),
            patterns.concat(),
            patterns.join(" "),
        ];
        for dir in ["data/corpus/dev", "data/corpus/heldout"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for text in &texts {
            let want: Vec<(usize, usize, usize)> = ac
                .find_iter(text.as_str())
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize, usize)> = trie
                .find_iter(text)
                .map(|m| (m.pattern, m.start, m.end))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn apostrophe_variants_match() {
        let g = gaz();
        let hits = g.find("Côte d’Ivoire said");
        assert_eq!(hits.len(), 1);
    }

    #[test]
    fn surnames_keep_particles() {
        assert_eq!(
            surname("Ursula von der Leyen").as_deref(),
            Some("von der Leyen")
        );
        assert_eq!(surname("Emmanuel Macron").as_deref(), Some("Macron"));
        assert_eq!(surname("Macron"), None);
        assert_eq!(surname("Ferdinand Marcos Jr.").as_deref(), Some("Marcos"));
    }

    #[test]
    fn two_family_names_give_the_paternal_one() {
        let p = |n: &str, c: &str| paternal_surname_in(n, c);
        assert_eq!(
            p("Lourdes Castellanos Paz", "HND").as_deref(),
            Some("Castellanos")
        );
        assert_eq!(
            p("Oscar Pérez-Oliva Fraga", "CUB").as_deref(),
            Some("Pérez-Oliva")
        );
        assert_eq!(p("Lourdes Castellanos Paz", "FRA"), None);
        assert_eq!(p("Javier Milei", "ARG"), None);
        assert_eq!(p("Juan de la Cruz", "MEX"), None);
    }

    #[test]
    fn user_file_errors_name_the_position() {
        let dir = std::env::temp_dir().join(format!("dg-gaz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.ron");
        std::fs::write(&path, "(countries: [ (name: \"X\", iso3: 5) ])").unwrap();
        let err = Gazetteer::with_user_file(&path).unwrap_err().to_string();
        assert!(err.contains("bad.ron:1:"), "{err}");
    }

    #[test]
    fn user_file_adds_entries() {
        let dir = std::env::temp_dir().join(format!("dg-gaz2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("user.ron");
        std::fs::write(
            &path,
            r#"(people: [(name: "Ada Quill", gender: "f", roles: [(title: "Foreign Minister", country: "FRA")])])"#,
        )
        .unwrap();
        let g = Gazetteer::with_user_file(&path).unwrap();
        assert!(matches!(
            g.lookup("Ada Quill"),
            Some((Entry::Person(_), Form::Name))
        ));
    }
}
