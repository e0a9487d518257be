//! Shallow clause structure shared by the event stages: who is the subject of a
//! verb, what follows it, and whether a token sits inside a quotation.
//!
//! diplograph does not parse. These helpers read the few shapes wire copy uses
//! for attribution and commitment — a subject right before its verb, possibly
//! behind adverbs, an appositive (", speaking in Paris,") or a parenthetical
//! (", he added,"); coordinated subjects ("Germany, Italy, and Poland"); the
//! inverted "said X" — and give up on anything else.

use super::{DocEntities, Mention, MentionKind, Sentence, Word};
use crate::gazetteer::Form;
use crate::lexicon::Lexicon;
use crate::model::{DatePrecision, Document, EntityKind, Evidence};
use crate::text::{Quotation, TokenKind};
use std::cell::OnceCell;

/// Everything the event stages read.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// The document.
    pub doc: &'a Document,
    /// Its sentences.
    pub sentences: &'a [Sentence<'a>],
    /// Its quotations.
    pub quotes: &'a [Quotation],
    /// Its entities and resolved mentions.
    pub ents: &'a DocEntities,
    /// The lexicons.
    pub lexicon: &'a Lexicon,
    /// Each sentence's event date, resolved when first asked for: a sentence with
    /// several speakers or committers dates all their events alike.
    dates: Vec<OnceCell<(Option<String>, DatePrecision)>>,
    /// Where each sentence's mentions start in `ents.mentions` (one more entry
    /// than sentences: sentence `si`'s are `bounds[si]..bounds[si + 1]`). The
    /// rules ask for a sentence's mentions at nearly every token; two binary
    /// searches over the document's mentions each time were a few percent of
    /// extraction.
    bounds: Vec<usize>,
}

impl<'a> Context<'a> {
    /// The context of a document's event stages.
    pub fn new(
        text: &'a str,
        doc: &'a Document,
        sentences: &'a [Sentence<'a>],
        quotes: &'a [Quotation],
        ents: &'a DocEntities,
        lexicon: &'a Lexicon,
    ) -> Context<'a> {
        Context {
            text,
            doc,
            sentences,
            quotes,
            ents,
            lexicon,
            dates: vec![OnceCell::new(); sentences.len()],
            bounds: sentence_bounds(&ents.mentions, sentences.len()),
        }
    }

    /// The resolved mentions of sentence `si`, in order: a slice of the
    /// document's (they were collected into a vector of references at every
    /// call, some ten thousand of them on a 2 MB corpus).
    pub fn mentions_in(&self, si: usize) -> &'a [Mention] {
        self.sentence_mentions(si)
    }

    /// The mentions of sentence `si` as a slice, by `bounds` (these lookups run for
    /// nearly every token). None past the last sentence.
    #[inline]
    fn sentence_mentions(&self, si: usize) -> &'a [Mention] {
        let all: &'a [Mention] = &self.ents.mentions;
        match self.bounds.get(si..si + 2) {
            Some(&[from, to]) => &all[from..to],
            _ => &[],
        }
    }

    /// Evidence for sentence `si`.
    pub fn evidence(&self, si: usize) -> Evidence {
        let span = self.sentences[si].span;
        Evidence {
            doc: self.doc.id.clone(),
            sentence: span.of(self.text).to_string(),
            start: span.start,
            end: span.end,
        }
    }

    /// The event date of sentence `si` and how it was found.
    pub fn date_of(&self, si: usize) -> (Option<String>, DatePrecision) {
        let s = &self.sentences[si];
        // (Most sentences hold no word a date is read from: see `dates::date_words`.)
        let may_date = self.lexicon.date_words.may_match(&s.ids);
        let resolve =
            || super::dates::resolve_filtered(self.doc.published.as_deref(), s.words, may_date);
        match self.dates.get(si) {
            Some(cell) => cell.get_or_init(resolve).clone(),
            None => resolve(),
        }
    }

    /// The text of token `i` of sentence `si`.
    pub fn word(&self, si: usize, i: usize) -> &'a str {
        self.sentences[si].tokens[i].span.of(self.text)
    }

    /// Is token `i` of sentence `si` inside a quotation?
    pub fn in_quote(&self, si: usize, i: usize) -> bool {
        self.sentences[si].quoted[i]
    }

    /// The quoted words that overlap sentence `si`, joined.
    pub fn quote_for(&self, si: usize) -> Option<String> {
        let span = self.sentences[si].span;
        // Quotations are in text order and disjoint: those overlapping the sentence
        // are one run, found by binary search.
        let from = self.quotes.partition_point(|q| q.inner.end <= span.start);
        // Written into one string as they come (nearly always one part): no
        // vector of the parts, then a join, for every event.
        let mut joined: Option<String> = None;
        let parts = self.quotes[from..]
            .iter()
            .take_while(|q| q.inner.start < span.end)
            .map(|q| q.inner.of(self.text).trim())
            .filter(|q| !q.is_empty());
        for part in parts {
            match &mut joined {
                Some(out) => {
                    out.push_str(" ... ");
                    out.push_str(part);
                }
                None => joined = Some(part.to_string()),
            }
        }
        joined
    }

    /// The resolved mention that ends right before token `end` in sentence `si`.
    pub fn mention_ending(&self, si: usize, end: usize) -> Option<&'a Mention> {
        self.sentence_mentions(si)
            .iter()
            .find(|m| m.end == end && m.entity.is_some())
    }

    /// The resolved mention that starts at token `first` in sentence `si`.
    pub fn mention_starting(&self, si: usize, first: usize) -> Option<&'a Mention> {
        self.sentence_mentions(si)
            .iter()
            .find(|m| m.first == first && m.entity.is_some())
    }

    /// The kind of the entity a mention refers to.
    pub fn kind_of(&self, m: &Mention) -> Option<EntityKind> {
        m.entity.map(|e| self.ents.list[e].kind)
    }

    /// The state or organization a mention speaks for: a country or organization
    /// itself — a state's own body (its ministry, its coast guard) speaks for the
    /// state; a person's organization, else the country whose office the person
    /// holds. `None` for groups and for persons with neither.
    pub fn affiliation(&self, m: &Mention) -> Option<usize> {
        let e = m.entity?;
        let entity = &self.ents.list[e];
        match entity.kind {
            EntityKind::Country => Some(e),
            EntityKind::Organization => entity
                .attributes
                .get("country")
                .and_then(|c| self.ents.find_id(c))
                .or(Some(e)),
            EntityKind::Person => entity
                .attributes
                .get("org")
                .or_else(|| entity.attributes.get("country"))
                .and_then(|c| self.ents.find_id(c)),
            EntityKind::Group => None,
        }
    }

    /// The state whose office a person's mention names: the person's country,
    /// unless they hold an organization's office. `None` for any other mention.
    pub fn office_state(&self, m: &Mention) -> Option<usize> {
        self.entity_office_state(m.entity?)
    }

    /// [`Context::office_state`] of entity `e`.
    pub fn entity_office_state(&self, e: usize) -> Option<usize> {
        let entity = &self.ents.list[e];
        if entity.kind != EntityKind::Person || entity.attributes.contains_key("org") {
            return None;
        }
        entity
            .attributes
            .get("country")
            .and_then(|c| self.ents.find_id(c))
    }

    /// "Paz's government", "Dissanayake's office": for a person's mention followed
    /// by "'s", the state whose office they hold ([`Context::office_state`]) and the
    /// token where what they possess starts.
    pub fn possessor_state(&self, m: &Mention) -> Option<(usize, usize)> {
        let s = &self.sentences[m.sentence];
        if s.words.get(m.end).is_none_or(|w| w != "'s") {
            return None;
        }
        Some((self.office_state(m)?, m.end + 1))
    }

    /// For a person's name used as an attribute after "the" — "the Trump
    /// administration" — the state of the office the person holds and the token
    /// after the name; else the possessive form's ([`Context::possessor_state`]).
    pub fn leader_state(&self, m: &Mention) -> Option<(usize, usize)> {
        self.possessor_state(m).or_else(|| {
            let s = &self.sentences[m.sentence];
            let attributive = m.first > 0
                && s.words[m.first - 1] == "the"
                && self.kind_of(m) == Some(EntityKind::Person);
            attributive
                .then(|| self.office_state(m))
                .flatten()
                .map(|state| (state, m.end))
        })
    }

    /// The actors a subject mention stands for: its entity, or each member of a
    /// counted collective ("The three governments said": each member speaks).
    pub fn actors(&self, m: &Mention) -> Vec<usize> {
        self.members(m)
            .or_else(|| m.entity.map(|e| vec![e]))
            .unwrap_or_default()
    }

    /// The actors a counted collective stands for: "the two sides", "both
    /// governments", "the five governments", "the two presidents".
    ///
    /// They are actors of the collective's kind (persons for leaders, presidents and
    /// ministers; else countries and organizations, a person standing for their
    /// country) named closest before it — earlier in its sentence, then up to four
    /// sentences back. At the first sentence where there are enough of them: a
    /// coordinated list of exactly the count ("Norway, Sweden, Finland, Iceland and
    /// Denmark"), else all of them if they are exactly the count. Anything else is
    /// ambiguous and gives no members (an empty list): a wrong member is worse than
    /// none, and the collective itself is nobody's name. "The leaders" of a story with
    /// no summit body are the two leaders it names (see `meeting_pair`).
    /// `None` if the mention is not a counted collective.
    pub fn members(&self, m: &Mention) -> Option<Vec<usize>> {
        if m.kind == MentionKind::Summit && self.kind_of(m) == Some(EntityKind::Group) {
            return Some(self.meeting_pair(m).unwrap_or_default());
        }
        let MentionKind::Group { name } = &m.kind else {
            return None;
        };
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        // Only a definite collective points back: "the two sides", "both sides" —
        // not "a group of 12 donor countries".
        let s = &self.sentences[m.sentence];
        let definite = m.first > 0 && s.words[m.first - 1] == "the";
        if !definite && !matches!(words.first()?.as_str(), "both" | "each") {
            return None;
        }
        let count = match words.first()?.as_str() {
            // "each side": one of two.
            "both" | "two" | "each" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            w => w.parse::<usize>().ok().filter(|n| (2..=12).contains(n))?,
        };
        // "the two agreed": the persons named before, else the states or bodies.
        // Only in its own sentence: the persons named before it if they are exactly
        // the count, else the states and bodies if they are.
        if words.len() == 1 {
            let before: Vec<&Mention> = self
                .mentions_in(m.sentence)
                .iter()
                .filter(|o| o.end <= m.first)
                .collect();
            let of_kind = |person: bool| {
                let mut ids: Vec<usize> = Vec::new();
                for o in &before {
                    let Some(e) = o.entity else { continue };
                    let kind = self.ents.list[e].kind;
                    let fits = if person {
                        kind == EntityKind::Person
                    } else {
                        matches!(kind, EntityKind::Country | EntityKind::Organization)
                    };
                    if fits && !ids.contains(&e) {
                        ids.push(e);
                    }
                }
                (ids.len() == count).then_some(ids)
            };
            // "Norway, Iceland, the Faroe Islands and Britain agreed ... The four
            // will set the catch": else a coordinated list of exactly the count
            // of states or bodies in the sentences before.
            let listed = || {
                self.counted_members((m.sentence, m.first), count, (false, false, false), "")
                    .filter(|(_, coordinated)| *coordinated)
                    .map(|(list, _)| list)
            };
            return Some(
                of_kind(true)
                    .or_else(|| of_kind(false))
                    .or_else(listed)
                    .unwrap_or_default(),
            );
        }
        let (persons, state_persons) = match words.last()?.as_str() {
            "leaders" | "presidents" | "premiers" | "leader" => (true, true),
            "ministers" | "envoys" | "negotiators" | "minister" => (true, false),
            "sides" | "governments" | "countries" | "nations" | "states" | "parties"
            | "delegations" | "capitals" | "neighbours" | "neighbors" | "side" | "government"
            | "country" | "party" | "delegation" | "capital" | "forces" | "companies" | "firms"
            | "banks" | "lenders" | "navies" | "armies" | "militaries" | "guards" | "partners"
            | "allies" => (false, false),
            w if is_body_collective(w) => (false, false),
            _ => return None,
        };
        // "the two Gulf states" are states, not the Foreign Office named before them.
        let states_only = matches!(
            words.last()?.as_str(),
            "governments"
                | "countries"
                | "nations"
                | "states"
                | "capitals"
                | "neighbours"
                | "neighbors"
                | "government"
                | "country"
                | "capital"
                | "navies"
                | "armies"
                | "militaries"
        );
        let nearby = self.counted_members(
            (m.sentence, m.first),
            count,
            (persons, state_persons, states_only),
            words.last()?,
        );
        // "Both sides agreed" far from any list: the two parties the article
        // opened with ("India and Bangladesh on Monday agreed ...").
        let sides = matches!(
            words.last()?.as_str(),
            "sides"
                | "parties"
                | "delegations"
                | "side"
                | "party"
                | "delegation"
                | "governments"
                | "countries"
                | "nations"
                | "navies"
                | "armies"
                | "militaries"
        );
        // A list near the collective wins; else, for sides, the opening pair wins
        // over whichever actors happen to be named nearby.
        // ("The two countries" are states, not the funds the story opened with.)
        let lead = || {
            (count == 2 && sides)
                .then(|| self.lead_pair(m.sentence))
                .flatten()
                .filter(|pair| {
                    !states_only
                        || pair
                            .iter()
                            .all(|&e| self.ents.list[e].kind == EntityKind::Country)
                })
        };
        // "the two presidents" far from their names: the article's two presidents.
        let holders = || {
            (persons && state_persons)
                .then(|| self.office_holders(m.sentence, words.last()?, count))
                .flatten()
        };
        // "Saudi Crown Prince Mohammed bin Salman met Iraqi Prime Minister
        // Mohammed Shia al-Sudani ... the two sides agreed": the states of the
        // article's two leaders.
        let leaders_states = || {
            (count == 2 && sides && !persons)
                .then(|| self.office_holders(m.sentence, "leaders", 2))
                .flatten()
                .map(|holders| {
                    holders
                        .into_iter()
                        .filter_map(|e| self.entity_office_state(e))
                        .collect::<Vec<usize>>()
                })
                .filter(|states| states.len() == 2 && states[0] != states[1])
        };
        Some(match nearby {
            Some((list, true)) => list,
            Some((list, false)) => lead().unwrap_or(list),
            None => lead()
                .or_else(holders)
                .or_else(leaders_states)
                .unwrap_or_default(),
        })
    }

    /// "The leaders agreed" or "the ministers agreed" in a story of no summit body
    /// (a bilateral visit, a readout): the two leaders (presidents, prime ministers,
    /// chancellors, monarchs) — or the two ministers — of two different states the
    /// article has named so far; else three ministers of three states (a
    /// trilateral meeting). Anything else is ambiguous: none.
    fn meeting_pair(&self, m: &Mention) -> Option<Vec<usize>> {
        let phrase = m.span.of(self.text).to_lowercase();
        let leaders = phrase.ends_with("leaders") || phrase.contains("heads of");
        let ministers = phrase.ends_with("ministers");
        if !leaders && !ministers {
            return None;
        }
        let noun = if leaders { "leaders" } else { "ministers" };
        // (A trilateral meeting's three ministers, each of another state — not
        // three leaders, whose "leaders" may be any summit's.)
        self.office_holders(m.sentence, noun, 2).or_else(|| {
            ministers
                .then(|| self.office_holders(m.sentence, noun, 3))
                .flatten()
        })
    }

    /// The office holders of `count` different states that the article names up to
    /// sentence `upto`, when they are exactly `count` ("the two presidents" of a
    /// state visit whose presidents were named at the top).
    fn office_holders(&self, upto: usize, noun: &str, count: usize) -> Option<Vec<usize>> {
        let mut found: Vec<usize> = Vec::new();
        let mut countries: Vec<&str> = Vec::new();
        for o in self.ents.mentions.iter().take_while(|o| o.sentence <= upto) {
            let Some(e) = o.entity else { continue };
            let entity = &self.ents.list[e];
            let a = &entity.attributes;
            if entity.kind != EntityKind::Person || a.contains_key("org") || found.contains(&e) {
                continue;
            }
            let (Some(role), Some(country)) = (a.get("role"), a.get("country")) else {
                continue;
            };
            if holds_office(role, noun) {
                found.push(e);
                if !countries.contains(&country.as_str()) {
                    countries.push(country);
                }
            }
        }
        (found.len() == count && countries.len() == count).then_some(found)
    }

    /// Does a mention name where or by whom talks were held rather than a party to
    /// them ("signed at African Union headquarters", "mediated by the regional
    /// bloc IGAD", "talks in Qatar")? It follows "at", "in", "by" or "from", past a
    /// lowercase description of up to three words — or it is the dateline's place.
    fn mediator_or_venue(&self, x: &Mention) -> bool {
        let s = &self.sentences[x.sentence];
        // "ADDIS ABABA, Ethiopia (AP) -": the dateline's place.
        if x.end <= s.dateline {
            return true;
        }
        let mut k = x.head_first();
        for _ in 0..4 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            let w = s.words[p].as_str();
            if matches!(w, "at" | "in" | "by" | "from") {
                return true;
            }
            // "flights from Sanaa to Amman and Cairo": a capital as a destination.
            if w == "to"
                && matches!(
                    x.kind,
                    MentionKind::Gazetteer {
                        form: Form::Capital,
                        ..
                    }
                )
            {
                return true;
            }
            if s.capitalized(p) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                return false;
            }
            k = p;
        }
        false
    }

    /// The two parties an article opens with: in its first three sentences of
    /// running text (past the headline, bylines, datelines and tag lines, and before
    /// sentence `upto`), the first pair of countries or organizations joined by
    /// "and" ("South Korea and China moved a step closer", "Yemen's government and
    /// the Houthi movement agreed"), or of demonyms that share a noun ("Iranian and
    /// Saudi delegations", "Armenian and Azerbaijani border negotiators").
    fn lead_pair(&self, upto: usize) -> Option<Vec<usize>> {
        let actor = |x: &Mention| {
            let e = x.entity?;
            matches!(
                self.ents.list[e].kind,
                EntityKind::Country | EntityKind::Organization
            )
            .then_some(e)
        };
        // Running text: no boilerplate, and five words at least.
        let running = (0..upto).filter(|&si| {
            let s = &self.sentences[si];
            !s.boilerplate
                && s.tokens
                    .iter()
                    .filter(|t| t.kind == crate::text::TokenKind::Word)
                    .nth(4)
                    .is_some()
        });
        for si in running.take(3) {
            let s = &self.sentences[si];
            let ms = self.mentions_in(si);
            for pair in ms.windows(2) {
                let (Some(a), Some(b)) = (actor(&pair[0]), actor(&pair[1])) else {
                    continue;
                };
                // "A's government and the B movement", "A and B", "A and the B".
                let mut k = pair[0].end;
                // A word that starts with a letter (words are lowercased: this
                // does not ask about capitals).
                let lettered = |k: usize| {
                    s.words
                        .get(k)
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                };
                // Past the words the possessive owns: "Yemen's (internationally
                // recognised) government and the Houthi movement".
                if s.words.get(k).is_some_and(|w| w == "'s") {
                    k += 1;
                    while k < pair[0].end + 5 && lettered(k) && s.words[k] != "and" {
                        k += 1;
                    }
                }
                let joined = s.words.get(k).is_some_and(|w| w == "and")
                    && (k + 1..pair[1].head_first()).all(|j| matches!(s.words[j].as_str(), "the"));
                // Demonyms only as modifiers of one noun: "Iranian and Saudi delegations".
                let demonyms = (pair[0].is_demonym(), pair[1].is_demonym());
                let shared_noun =
                    demonyms == (true, true) && k == pair[0].end && lettered(pair[1].end);
                // "Iranian and Saudi delegations": the second demonym's noun is
                // part of its mention ("Saudi delegations" stands for the state).
                let noun_mention = demonyms == (true, false)
                    && k == pair[0].end
                    && matches!(
                        pair[1].kind,
                        MentionKind::Gazetteer {
                            form: Form::Metonym,
                            ..
                        }
                    )
                    && lettered(pair[1].end.wrapping_sub(1));
                if demonyms != (false, false) && !shared_noun && !noun_mention {
                    continue;
                }
                // Not the tail of a longer list ("drawn from both sides, the African
                // Union and the U.N.").
                let mut h = pair[0].head_first();
                if h > 0 && s.words[h - 1] == "the" {
                    h -= 1;
                }
                let tail = h > 0 && s.words[h - 1] == "," && ms.iter().any(|x| x.end == h - 1);
                if joined && !tail && a != b {
                    return Some(vec![a, b]);
                }
            }
        }
        None
    }

    /// The `count` actors a counted collective points back to. With `state_persons`
    /// ("the two presidents", "the three leaders") only persons who hold a state's
    /// office count: the president of the World Bank at the same meeting is not one
    /// of "the two presidents".
    fn counted_members(
        &self,
        (msi, mfirst): (usize, usize),
        count: usize,
        (persons, state_persons, states_only): (bool, bool, bool),
        noun: &str,
    ) -> Option<(Vec<usize>, bool)> {
        // The member a mention names, if it can be one: `Some(None)` for a person
        // whose country the document never names (a member we cannot give).
        // Demonyms modify ("Chinese coast guard activity"); they name no side.
        let sides = matches!(noun, "sides" | "parties" | "side" | "party");
        // "the two agencies" are bodies, never the states named beside them.
        let bodies_only = is_body_collective(noun);
        let member = |x: &Mention| -> Option<Option<usize>> {
            if x.is_demonym() || (sides && self.mediator_or_venue(x)) {
                return None;
            }
            let e = x.entity?;
            let entity = &self.ents.list[e];
            match entity.kind {
                // "the two presidents" are presidents, not the ministers beside them.
                EntityKind::Person if persons => {
                    let of_state = entity.attributes.contains_key("country")
                        && !entity.attributes.contains_key("org");
                    let office = entity
                        .attributes
                        .get("role")
                        .is_none_or(|r| holds_office(r, noun));
                    ((of_state || !state_persons) && office).then_some(Some(e))
                }
                // A person stands for their state; for a side or a party, one
                // with no state stands for their body ("ASEAN Secretary-General Kao
                // Kim Hourn").
                EntityKind::Person => Some(
                    entity
                        .attributes
                        .get("country")
                        .filter(|_| !bodies_only)
                        .or_else(|| entity.attributes.get("org").filter(|_| !states_only))
                        .and_then(|c| self.ents.find_id(c)),
                ),
                EntityKind::Country if !persons && !bodies_only => Some(Some(e)),
                EntityKind::Organization if !persons && !states_only => Some(Some(e)),
                _ => None,
            }
        };
        let mut found: Vec<usize> = Vec::new();
        // A person whose state the document never names: only an exact coordinated
        // list may then give the members ("... among Park Yoon-joo, Christopher
        // Landau and Takehiro Funakoshi" after "South Korea, the United States and
        // Japan agreed").
        let mut unknown = false;
        for si in (msi.saturating_sub(4)..=msi).rev() {
            let s = &self.sentences[si];
            let before: Vec<&Mention> = self
                .mentions_in(si)
                .iter()
                .filter(|x| si != msi || x.end <= mfirst)
                .collect();
            // Mentions coordinated with a collective ("drawn from both sides, the
            // African Union and the U.N.") are others beside it, never its members.
            let mut beside: Vec<bool> = vec![false; before.len()];
            let mut chain_start = 0;
            for i in 0..=before.len() {
                let joined = i > 0
                    && i < before.len()
                    && (before[i - 1].end..before[i].head_first())
                        .all(|k| matches!(s.words[k].as_str(), "," | "and" | "the"));
                if !joined {
                    let chain = chain_start..i;
                    if before[chain.clone()]
                        .iter()
                        .any(|x| matches!(x.kind, MentionKind::Group { .. }))
                    {
                        beside[chain].fill(true);
                    }
                    chain_start = i;
                }
            }
            let before: Vec<&Mention> = before
                .into_iter()
                .zip(beside)
                .filter_map(|(x, b)| (!b).then_some(x))
                .collect();
            // A coordinated list: members separated only by ",", "and", "the".
            let mut run: Vec<usize> = Vec::new();
            let mut last_end: Option<usize> = None;
            for x in &before {
                let Some(e) = member(x) else {
                    continue;
                };
                let Some(e) = e else {
                    unknown = true;
                    continue;
                };
                let joined = last_end.is_some_and(|end| {
                    (end..x.head_first())
                        .all(|k| matches!(s.words[k].as_str(), "," | "and" | "the"))
                });
                if !joined {
                    if run.len() == count {
                        break;
                    }
                    run.clear();
                }
                if !run.contains(&e) {
                    run.push(e);
                }
                last_end = Some(x.end);
            }
            if run.len() == count {
                return Some((run, true));
            }
            for x in &before {
                if let Some(Some(e)) = member(x) {
                    if !found.contains(&e) {
                        found.push(e);
                    }
                }
            }
            if found.len() >= count && !unknown {
                return (found.len() == count).then_some((found, false));
            }
        }
        None
    }

    /// Subjects of the verb at token `verb` (coordinated subjects give several).
    ///
    /// Skips adverbs and auxiliaries, an appositive or parenthetical between commas
    /// (", speaking at a press conference in Paris,", ", he added,"), a relative
    /// clause (", who led the delegation,"), and a possessive official ("Russia's
    /// foreign ministry said" -> Russia).
    /// For a verb at `j` after ", which/who/whose ...,": the end of the relative
    /// clause's antecedent, when a mention ends right before the clause, the clause
    /// holds a list (so its commas are no appositions) and no speech verb, quote or
    /// semicolon.
    fn relative_clause_before(&self, si: usize, j: usize) -> Option<usize> {
        let s = &self.sentences[si];
        if j < 4 || s.words[j - 1] != "," {
            return None;
        }
        let r = (j.saturating_sub(25)..j - 2).rev().find(|&r| {
            s.words[r] == "," && matches!(s.words[r + 1].as_str(), "which" | "who" | "whose")
        })?;
        let clause = r + 1..j - 1;
        let plain = clause.clone().all(|k| {
            s.words[k] != ";"
                && s.tokens[k].kind != TokenKind::Quote
                && self.lexicon.speech_verbs.match_at(&s.ids, k).is_none()
        });
        let commas = clause.clone().filter(|&k| s.words[k] == ",").count();
        let list = clause.clone().any(|k| s.words[k] == "and");
        // "The Alliance of Sahel States (AES), which": past the short name.
        let mut end = r;
        if s.words[r - 1] == ")" {
            end = (r.saturating_sub(5)..r - 1)
                .rev()
                .find(|&k| s.words[k] == "(")?;
        }
        (plain && commas >= 1 && list && self.mention_ending(si, end).is_some()).then_some(end)
    }

    pub fn subjects_before(&self, si: usize, verb: usize) -> Vec<&'a Mention> {
        let s = &self.sentences[si];
        let mut j = self.skip_back(si, verb);
        if j == 0 {
            return Vec::new();
        }
        // "A German foreign ministry spokesperson said", "a Kremlin spokesman
        // said", "a German foreign ministry official said": the body or state the
        // unnamed spokesperson or official speaks for — also past a lowercase
        // word or two of what they deal with ("an Ivorian trade official").
        if j >= 2
            && matches!(
                s.words[j - 1].as_str(),
                "spokesperson" | "spokesman" | "spokeswoman" | "official" | "officials"
            )
        {
            let mut k = j - 1;
            while k > 1
                && j - 1 - k < 2
                && self.mention_ending(si, k).is_none()
                && !s.capitalized(k - 1)
                && s.words[k - 1].chars().all(char::is_alphabetic)
                && !self.lexicon.function_words.contains(&s.words[k - 1])
            {
                k -= 1;
            }
            if self.mention_ending(si, k).is_some() {
                j = k;
            }
        }
        // "the Philippines as chair would convene": past the role it acts in.
        if j >= 3
            && s.words[j - 2] == "as"
            && matches!(
                s.words[j - 1].as_str(),
                "chair" | "host" | "mediator" | "guarantor" | "president" | "facilitator"
            )
        {
            j -= 2;
        }
        // 'Japan "will host the first meeting"': a quotation opening at the verb.
        // 'Russia was "ready to resume supplies"': past an auxiliary too.
        // 'The nine states - Bulgaria, ... and Slovakia - "will reach 3.5%"': or
        // a dashed list (read below).
        if s.tokens[j - 1].kind == TokenKind::Quote && self.in_quote(si, verb) {
            let k = self.skip_back(si, j - 1);
            let dashed = k > 0 && matches!(s.words[k - 1].as_str(), "—" | "–" | "-");
            if self.mention_ending(si, k).is_some() || dashed {
                j = k;
            }
        }
        // "X, who said ..." / "X, which said ..."
        // (Not "which": "X, which denies ..., was not a party" is background.)
        if s.words[j - 1] == "who" && j >= 2 && s.words[j - 2] == "," {
            j -= 2;
        } else if let Some(r) = self.relative_clause_before(si, j) {
            // "The Alliance of Sahel States (AES), which groups Mali, Burkina Faso
            // and Niger, rejected": the relative clause's antecedent.
            j = r;
        } else if s.words[j - 1] == "," && !self.is_quote_close_before(si, j - 1) {
            // ", speaking at a press conference in Paris," or ", he added," — up to
            // three such segments: "X, secretary of the council, who led the
            // delegation, said".
            let mut close = j - 1;
            for _ in 0..3 {
                let mut p = close;
                while p > 0 && s.words[p - 1] != "," {
                    p -= 1;
                }
                if p == 0 {
                    return Vec::new();
                }
                // "The UN mission, MONUSCO, said", "the army's commander, Gen. Rodolphe
                // Haykal, thanked": the segment itself is the subject.
                if let Some(m) = self.mention_ending(si, close) {
                    // Only honorifics may precede the name ("Gen. Rodolphe Haykal").
                    let only_honorifics = (p..m.head_first()).all(|k| {
                        matches!(s.words[k].as_str(), "." | "'" | "’")
                            || self.is_courtesy_title(si, k)
                    });
                    // A list ("France, Germany, Italy and Spain said") is not an
                    // appositive — but a named person after a description is:
                    // "Ukraine's ambassador to Germany, Oleksii Makeiev, said".
                    let after_description = self.kind_of(m) == Some(EntityKind::Person)
                        && self
                            .mention_ending(si, p - 1)
                            .is_some_and(|b| self.kind_of(b) != Some(EntityKind::Person));
                    // "The UN peacekeeping force in Cyprus, UNFICYP, said": a body
                    // named after the description that opens the sentence.
                    let start = s.dateline;
                    let named_body = self.kind_of(m) == Some(EntityKind::Organization)
                        && s.words.get(start).is_some_and(|w| w == "the")
                        && (start..p - 1).all(|k| {
                            !matches!(s.words[k].as_str(), "," | "that" | "which" | "who")
                                && self.lexicon.speech_verbs.match_at(&s.ids, k).is_none()
                        });
                    // "Their manufacturer, the Überlingen-based missile maker Diehl
                    // Defence, has committed": a description that names a body.
                    // Not a body inside a relative clause of the description ("BNDES,
                    // the state bank that manages the fund, said").
                    let described_body = s.words[p] == "the"
                        && self.kind_of(m) == Some(EntityKind::Organization)
                        && !(p..m.first).any(|k| {
                            matches!(s.words[k].as_str(), "that" | "which" | "who" | "whose")
                        })
                        && !self
                            .mentions_in(si)
                            .iter()
                            .any(|o| o.first >= p && o.first < m.first);
                    if m.head_first() >= p
                        && (only_honorifics || described_body)
                        && (after_description
                            || named_body
                            || !self.mention_ending_before(si, p - 1))
                    {
                        // "The State of Qatar, represented by the Minister of State,
                        // Mr X, committed": the name is the agent of a participle,
                        // and the subject stands before it.
                        match self.participle_by_before(si, p - 1) {
                            Some(open) => {
                                j = self.skip_back(si, open);
                                break;
                            }
                            None => return vec![m],
                        }
                    }
                }
                // "Lars Klingbeil, Germany's finance minister, who had resisted ...,
                // said": a relative clause after a description of the named person.
                if matches!(s.words[p].as_str(), "who" | "whose") {
                    let described = (0..p - 1).rev().find(|&k| s.words[k] == ",").filter(|&c| {
                        self.mention_ending(si, c)
                            .is_some_and(|m| self.kind_of(m) == Some(EntityKind::Person))
                            && (c + 1..p - 1).all(|k| {
                                s.tokens[k].kind != TokenKind::Quote
                                    && self.lexicon.speech_verbs.match_at(&s.ids, k).is_none()
                                    && !self.mentions_in(si).iter().any(|o| {
                                        o.first == k && self.kind_of(o) == Some(EntityKind::Person)
                                    })
                            })
                    });
                    if let Some(c) = described {
                        j = c;
                        break;
                    }
                }
                j = self.skip_back(si, p - 1);
                // "X, secretary of Ukraine's National Security Council, who led the
                // delegation, said": a name inside a description segment is not the
                // subject; the segment before it may hold it.
                let in_description = self.mention_ending(si, j).is_some_and(|m| {
                    let h = m.head_first();
                    h > 0 && matches!(s.words[h - 1].as_str(), "'s" | "of")
                });
                if in_description {
                    if let Some(c) = (0..j).rev().find(|&k| s.words[k] == ",") {
                        if self.mention_ending(si, c).is_some() {
                            j = c;
                            break;
                        }
                        close = c;
                        continue;
                    }
                }
                let usable = self
                    .mention_ending(si, j)
                    .is_some_and(|m| !self.after_preposition(si, m.head_first()));
                if usable || j == 0 || s.words[j - 1] != "," {
                    break;
                }
                close = j - 1;
            }
        }
        // "the E3 — Britain, France and Germany — said": skip the dashes — unless
        // what stands before them names no one ("The bloc's members — Bangladesh,
        // Bhutan and India — committed"): then the list is the subject.
        let dashes = ["—", "–", "-"];
        if j > 0 && dashes.contains(&s.words[j - 1].as_str()) {
            if let Some(open) = (0..j - 1)
                .rev()
                .find(|&k| dashes.contains(&s.words[k].as_str()))
            {
                let before = self.skip_back(si, open);
                let plural_head = before > 0
                    && matches!(
                        s.words[before - 1].as_str(),
                        "members"
                            | "countries"
                            | "states"
                            | "governments"
                            | "nations"
                            | "partners"
                            | "allies"
                            | "donors"
                            | "signatories"
                    );
                j = if plural_head { j - 1 } else { before };
            }
        }
        // "the US Embassy in Vilnius said": the embassy speaks, not the place (a
        // capital there is left unresolved, as a place).
        if let Some(place) = self.sentence_mentions(si).iter().find(|m| m.end == j) {
            let h = place.head_first();
            if h >= 2
                && s.words[h - 1] == "in"
                && matches!(
                    s.words[h - 2].as_str(),
                    "embassy" | "consulate" | "mission" | "delegation"
                )
            {
                j = h - 1;
            }
        }
        // "Russia's foreign ministry", "Sudan's army-backed government" (when not
        // already one mention of the state)
        if let Some(len) = self
            .official_noun_ending(si, j)
            .filter(|_| self.mention_ending(si, j).is_none())
        {
            let mut k = j - len;
            if k > 1 && s.words[k - 1] != "'s" && s.words[k - 2] == "'s" {
                k -= 1; // one modifier
            }
            if k > 0 && s.words[k - 1] == "'s" {
                j = k - 1;
            } else if let Some(its) = (k.saturating_sub(2)..k)
                .rev()
                .find(|&i| s.words[i] == "its")
            {
                // "China pledged more, and its finance ministry said", "Its foreign
                // ministry said": the state "its" stands for (over one modifier).
                return self.state_its_stands_for(si, its).into_iter().collect();
            } else if let Some(p) = self.mention_ending(si, j - len).filter(|p| {
                // "The Trump administration plans to": the leader's name as an
                // attribute of the government noun.
                len == 1 && self.leader_state(p).is_some_and(|(_, at)| at == p.end)
            }) {
                j = p.end;
            } else if let Some(p) = self.mention_ending(si, j - len).filter(|p| {
                // "the US Embassy in Vilnius said": a state's office written with a
                // capital, outside the state's mention.
                self.kind_of(p) == Some(EntityKind::Country) && s.capitalized(j - len)
            }) {
                j = p.end;
            }
        }
        // "President Ferdinand Marcos Jr." — a dot after the name
        if j > 0 && s.words[j - 1] == "." {
            j -= 1;
        }
        // (Room for a few subjects at once: most verbs have one or two.)
        let mut out: Vec<&Mention> = Vec::with_capacity(4);
        let mut saw_and = false;
        let mut comma_and = false;
        // Where a mention whose head is at `h` starts with its article.
        let with_article = |h: usize| {
            if h >= 1 && s.words[h - 1] == "the" {
                h - 1
            } else {
                h
            }
        };
        let after_to = |h: usize| {
            let b = with_article(h);
            b >= 1 && s.words[b - 1] == "to"
        };
        while let Some(m) = self.mention_ending(si, j) {
            if self.after_preposition(si, m.head_first()) {
                // "The foreign ministers of Peru, Bolivia and Chile ... agreed", "the
                // presidents of Mercosur closed", "the government of Togo said": the
                // officials of states or a body stand for them.
                let h = m.head_first();
                // ("Officials from Indonesia and Germany said": the same.)
                // ("Foreign ministers of the Quad": over the name's article.)
                let officials = |preposition: &str, nouns: &[&str]| {
                    let b = with_article(h);
                    b >= 2
                        && s.words[b - 1] == preposition
                        && nouns.contains(&s.words[b - 2].as_str())
                };
                let from_officials = officials(
                    "from",
                    &[
                        "officials",
                        "representatives",
                        "delegations",
                        "envoys",
                        "negotiators",
                        "diplomats",
                        "ministers",
                        "delegates",
                    ],
                ) && matches!(
                    self.kind_of(m),
                    Some(EntityKind::Country | EntityKind::Organization)
                );
                // ("Officials in Dodoma said": the state of the capital.)
                let in_officials = officials("in", &["officials", "authorities", "official"])
                    && self.kind_of(m) == Some(EntityKind::Country);
                let of_officials = officials(
                    "of",
                    &[
                        "ministers",
                        "leaders",
                        "presidents",
                        "premiers",
                        "governments",
                        "representatives",
                        "delegations",
                        "heads",
                        "envoys",
                        "government",
                        "authorities",
                        "leadership",
                        "guards",
                        "navies",
                        "armies",
                        "militaries",
                        "ministries",
                        "members",
                    ],
                );
                // "Forces loyal to the GNU and the Radaa militia agreed": the
                // armed side of a government or movement stands for it.
                let loyal_to = after_to(h) && {
                    let b = with_article(h);
                    b >= 2 && s.words[b - 2] == "loyal"
                };
                // "Maria Gonzalez of Chatham House said": the person the body is of.
                // ("Nguyen Thi Lan Huong of the Diplomatic Academy of Vietnam warned":
                // back over the body's capitalized words to its "of".)
                let person_of = {
                    let mut b = with_article(h);
                    while b >= 3
                        && h - b < 8
                        && (s.words[b - 1] != "of" || s.capitalized(b - 2))
                        && self.mention_ending(si, b - 1).is_none()
                        && (s.capitalized(b - 1)
                            || matches!(s.words[b - 1].as_str(), "of" | "the" | "and" | "for"))
                    {
                        b -= 1;
                    }
                    if b >= 2 && s.words[b - 1] == "the" {
                        b -= 1;
                    }
                    (b >= 2 && s.words[b - 1] == "of")
                        .then(|| self.mention_ending(si, b - 1))
                        .flatten()
                        .filter(|p| self.kind_of(p) == Some(EntityKind::Person) && out.is_empty())
                };
                // "The Troika of the United States, Britain and Norway said": a
                // body named by its members speaks, not its members.
                let body_of = {
                    let b = with_article(h);
                    (b >= 2 && s.words[b - 1] == "of")
                        .then(|| self.mention_ending(si, b - 1))
                        .flatten()
                        .filter(|o| self.kind_of(o) == Some(EntityKind::Organization))
                };
                if let Some(p) = person_of {
                    out.push(p);
                } else if let Some(o) = body_of {
                    out.clear();
                    out.push(o);
                } else if of_officials || loyal_to || from_officials || in_officials {
                    out.push(m);
                } else if saw_and && !after_to(h) && !(out.len() == 1 && comma_and) {
                    // (Not ", and X said" after one object: "negotiating with Port
                    // Vila, and Napat said" — two items take no comma; a clause does.)
                    // "The talks between Iran and the United States will resume",
                    // "for the Middle East and North Africa said": the whole list
                    // is the preposition's object. (Not after "to": "will send
                    // instructors to Haiti and Barbados will contribute" opens a
                    // new clause with "and".)
                    out.clear();
                }
                break;
            }
            out.push(m);
            let mut k = m.head_first();
            if k > 0 && s.words[k - 1] == "the" {
                k -= 1;
            }
            // "Norway's Tore O. Sandvik and Denmark's Troels Lund Poulsen": past a
            // person's possessive state.
            if k > 1 && s.words[k - 1] == "'s" && self.kind_of(m) == Some(EntityKind::Person) {
                if let Some(owner) = self.mention_ending(si, k - 1) {
                    k = owner.head_first();
                }
            }
            // "Gitanas Nausėda and his Polish counterpart Karol Nawrocki": past "his
            // (Polish) counterpart".
            // (The title may hold the demonym and "counterpart", or not.)
            if k > 2 && self.kind_of(m) == Some(EntityKind::Person) {
                let mut b = k;
                if matches!(s.words[b - 1].as_str(), "counterpart" | "counterparts") {
                    b -= 1;
                }
                if let Some(d) = self.mention_ending(si, b).filter(|d| d.is_demonym()) {
                    b = d.first;
                }
                let counterpart = (b..m.first)
                    .any(|i| matches!(s.words[i].as_str(), "counterpart" | "counterparts"));
                if counterpart
                    && b >= 1
                    && matches!(s.words[b - 1].as_str(), "his" | "her" | "their")
                {
                    k = b - 1;
                }
            }
            // "Ukraine and its Western backers plan to": past the possessive.
            if k > 2
                && matches!(s.words[k - 1].as_str(), "its" | "their")
                && s.words[k - 2] == "and"
            {
                k -= 1;
            }
            if k < 2 {
                break;
            }
            let w = s.words[k - 1].as_str();
            if w == "and" || w == "&" {
                saw_and = true;
                comma_and = out.len() == 1 && k >= 2 && s.words[k - 2] == ",";
                j = k - 1;
                if j > 0 && s.words[j - 1] == "," {
                    j -= 1;
                }
                // "Azerbaijan Railways (ADY) and Georgian Railway": past a short name
                // in brackets.
                if j > 2 {
                    if let Some(open) = self.bracketed_short_name_before(si, j, 4) {
                        j = open;
                    }
                }
            } else if w == "," && saw_and {
                j = k - 1;
            } else {
                break;
            }
        }
        out
    }

    /// For "its" at token `its` before a state's office ("its foreign ministry"):
    /// the state that opens the sentence ("China pledged more to IDA, and its
    /// finance ministry said"), else, with nothing named before "its", the state
    /// that opens the sentence before. (Only states: a body's "its" is its own.)
    fn state_its_stands_for(&self, si: usize, its: usize) -> Option<&'a Mention> {
        let state = |m: &&Mention| !m.is_demonym() && self.kind_of(m) == Some(EntityKind::Country);
        let named_before = self.mentions_in(si).iter().any(|m| m.end <= its);
        if named_before {
            self.sentence_subject(si)
                .filter(|m| m.end <= its)
                .filter(state)
        } else {
            si.checked_sub(1)
                .and_then(|p| self.sentence_subject(p))
                .filter(state)
        }
    }

    /// Is token `k` a courtesy title that stands outside a name ("Mr", "Sheikh",
    /// "Gen" before its dot)?
    fn is_courtesy_title(&self, si: usize, k: usize) -> bool {
        let w = self.word(si, k);
        self.lexicon.honorifics.contains(w) || self.lexicon.is_honorific_with_dot(w)
    }

    /// For a ")" right before token `j`: where the short name in brackets opens
    /// ("Azerbaijan Railways (ADY)"), when a resolved name ends right before it and
    /// the brackets open within `window` tokens.
    fn bracketed_short_name_before(&self, si: usize, j: usize, window: usize) -> Option<usize> {
        let s = &self.sentences[si];
        if j == 0 || s.words[j - 1] != ")" {
            return None;
        }
        let open = (j.saturating_sub(window)..j - 1)
            .rev()
            .find(|&k| s.words[k] == "(")?;
        self.mention_ending(si, open).is_some().then_some(open)
    }

    /// Is there a resolved mention ending right at `end` (exclusive)?
    fn mention_ending_before(&self, si: usize, end: usize) -> bool {
        self.mention_ending(si, end).is_some()
    }

    /// Steps left from `from` over adverbs, auxiliaries and dates.
    pub(super) fn skip_back(&self, si: usize, from: usize) -> usize {
        let s = &self.sentences[si];
        let mut j = from;
        while j > 0 && self.skippable(si, j - 1) {
            j -= 1;
        }
        // "the Japan Bank for International Cooperation (JBIC) committed": a short
        // parenthesis after a name (its acronym) is not between subject and verb.
        if let Some(open) = self.bracketed_short_name_before(si, j, 5) {
            j = open;
            while j > 0 && self.skippable(si, j - 1) {
                j -= 1;
            }
        }
        // "The US embassy in La Paz said": the place where an actor sits is not
        // between subject and verb — when the place names no actor itself.
        if j > 0 && self.mention_ending(si, j).is_none() {
            let mut k = j;
            while k > 0 && j - k < 4 && s.capitalized(k - 1) {
                k -= 1;
            }
            if k < j && k > 1 && s.words[k - 1] == "in" && self.mention_ending(si, k - 1).is_some()
            {
                j = k - 1;
            }
        }
        j
    }

    /// The actor mention right after token `i` (for "said X", "according to X"): a
    /// titled person wins over the country or organization in its title ("according
    /// to Egyptian Assistant Foreign Minister Karim Elhamy" -> the minister).
    pub fn mention_after(&self, si: usize, i: usize) -> Option<&'a Mention> {
        let s = &self.sentences[si];
        let mut j = i;
        // "said Mr. John Mulimba": courtesy titles stand outside the name.
        while j < s.words.len()
            && (matches!(s.words[j].as_str(), "," | "by" | "the" | ".")
                || self.is_courtesy_title(si, j))
        {
            j += 1;
        }
        self.actor_at(si, j)
            .or_else(|| self.described_then_named(si, j))
    }

    /// "declared the Ugandan Minister of State for Foreign Affairs, Mr John
    /// Mulimba": a description starting at `j` and the person it names after a
    /// comma — a named person whose name (past courtesy titles) follows the first
    /// comma within twenty tokens, with no quotation or verb of speech between.
    fn described_then_named(&self, si: usize, j: usize) -> Option<&'a Mention> {
        let s = &self.sentences[si];
        if !s.capitalized(j) {
            return None;
        }
        let end = (j + 20).min(s.words.len());
        let comma = (j + 1..end).find(|&k| s.words[k] == ",")?;
        if (j..comma).any(|k| {
            s.tokens[k].kind == TokenKind::Quote
                || self.lexicon.speech_verbs.match_at(&s.ids, k).is_some()
        }) {
            return None;
        }
        let mut k = comma + 1;
        while k < end && (s.words[k] == "." || self.is_courtesy_title(si, k)) {
            k += 1;
        }
        self.actor_at(si, k)
            .filter(|m| self.kind_of(m) == Some(EntityKind::Person))
    }

    /// The actor mention at token `j`: a titled person whose title starts there wins
    /// over the country or organization in the title.
    fn actor_at(&self, si: usize, j: usize) -> Option<&'a Mention> {
        let person = self.sentence_mentions(si).iter().find(|m| {
            m.entity.is_some()
                && m.head_first() == j
                && matches!(m.kind, MentionKind::Person { .. })
        });
        person.or_else(|| self.mention_starting(si, j))
    }

    /// The first actor of a sentence, when the sentence starts with it (after a
    /// dateline): the subject of every verb of a simple sentence.
    pub fn sentence_subject(&self, si: usize) -> Option<&'a Mention> {
        let s = &self.sentences[si];
        let start = s.dateline;
        let mut j = start;
        while j < s.words.len() && matches!(s.words[j].as_str(), "the" | "but" | "however" | ",") {
            j += 1;
        }
        self.actor_at(si, j)
    }

    /// Is token `i` part of a time phrase ("on Thursday", "last week")?
    pub fn is_time_word(&self, si: usize, i: usize) -> bool {
        let w = self.sentences[si].words[i].as_str();
        matches!(
            w,
            "on" | "in"
                | "last"
                | "this"
                | "next"
                | "week"
                | "month"
                | "year"
                | "late"
                | "early"
                | "earlier"
                | "also"
                | "formally"
                | "jointly"
                | "unanimously"
        ) || self.sentences[si].capitalized(i)
            || self.sentences[si].tokens[i].kind == TokenKind::Number
    }

    fn skippable(&self, si: usize, i: usize) -> bool {
        let s = &self.sentences[si];
        let w = s.words[i].as_str();
        if self.lexicon.skippable.contains(w) {
            return true;
        }
        let raw = self.word(si, i);
        // weekday and dates: "on Thursday", "on Sept. 4"
        matches!(
            raw,
            "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
        ) || (s.tokens[i].kind == TokenKind::Number && i > 0 && s.words[i - 1] != ",")
    }

    /// For an appositive whose comma is at `comma`: the comma that opens a
    /// participle-with-agent segment before it (", represented by the Minister of
    /// State, Mr X,"; ", led by ..."), if the segment holds no other comma.
    fn participle_by_before(&self, si: usize, comma: usize) -> Option<usize> {
        let s = &self.sentences[si];
        let open = (0..comma).rev().find(|&k| s.words[k] == ",")?;
        let participle = matches!(
            s.words.get(open + 1)?.as_str(),
            "represented" | "led" | "headed" | "accompanied" | "flanked" | "joined" | "chaired"
        );
        (participle && s.words.get(open + 2)? == "by").then_some(open)
    }

    fn is_quote_close_before(&self, si: usize, comma: usize) -> bool {
        let s = &self.sentences[si];
        comma > 0 && s.tokens[comma - 1].kind == TokenKind::Quote
            || s.tokens
                .get(comma + 1)
                .is_some_and(|t| t.kind == TokenKind::Quote)
    }

    fn official_noun_ending(&self, si: usize, end: usize) -> Option<usize> {
        let s = &self.sentences[si];
        (1..=2).find(|&len| {
            end >= len
                && self
                    .lexicon
                    .official_nouns
                    .match_at(&s.ids, end - len)
                    .is_some_and(|l| l == len)
        })
    }

    /// Is the mention at `first` the object of a preposition ("of the coalition")?
    fn after_preposition(&self, si: usize, first: usize) -> bool {
        if first == 0 {
            return false;
        }
        let s = &self.sentences[si];
        let mut k = first - 1;
        if s.words[k] == "the" && k > 0 {
            k -= 1;
        }
        if s.words[k] == "of"
            && k > 0
            && matches!(
                s.words[k - 1].as_str(),
                "group" | "coalition" | "number" | "bloc" | "club" | "total" | "alliance"
            )
        {
            return false;
        }
        // "Ministry of Defence spokesperson Randhir Jaiswal said": the portfolio
        // after a body's "of" is part of the person's title, not a preposition's
        // object.
        if s.words[k] == "of"
            && k > 0
            && s.capitalized(k - 1)
            && matches!(
                s.words[k - 1].as_str(),
                "ministry" | "department" | "office" | "secretariat" | "directorate"
            )
        {
            return false;
        }
        // "A spokesperson for the German environment ministry said": the body
        // speaks through its spokesperson.
        if s.words[k] == "for"
            && k > 0
            && matches!(
                s.words[k - 1].as_str(),
                "spokesperson" | "spokesman" | "spokeswoman"
            )
        {
            return false;
        }
        matches!(
            s.words[k].as_str(),
            "of" | "for"
                | "with"
                | "to"
                | "in"
                | "by"
                | "from"
                | "against"
                | "between"
                | "among"
                | "backing"
                | "at"
                | "on"
                | "toward"
                | "towards"
                | "than"
                | "into"
        )
    }
}

/// Index of the first token after a dateline ("KYIV, Sept 4 (Reuters) -",
/// "BRUSSELS —", "ALBAWABA-"), or 0 when the sentence has none.
pub fn dateline_end(words: &[Word]) -> usize {
    for (k, w) in words.iter().enumerate().take(14) {
        if matches!(w.as_str(), "-" | "—" | "–") {
            return if k > 0 && words[k - 1] != "-" {
                k + 1
            } else {
                0
            };
        }
        // Datelines hold place names, dates, an outlet in brackets: no lowercase
        // function words.
        if matches!(
            w.as_str(),
            "the" | "a" | "of" | "and" | "said" | "will" | "has"
        ) {
            return 0;
        }
    }
    0
}

/// Where the mentions of each sentence start in `mentions` (in reading order, as
/// resolution leaves them), with the end of the last: `sentences + 1` indices,
/// the `partition_point`s of `m.sentence < si` for every `si` up to `sentences`.
fn sentence_bounds(mentions: &[Mention], sentences: usize) -> Vec<usize> {
    let mut bounds = Vec::with_capacity(sentences + 1);
    let mut k = 0;
    for si in 0..=sentences {
        while mentions.get(k).is_some_and(|m| m.sentence < si) {
            k += 1;
        }
        bounds.push(k);
    }
    bounds
}

/// Does a person with `role` belong to a collective of `noun` ("presidents",
/// "leaders", "ministers")? Deputies and vice-presidents belong to none; any other
/// noun ("envoys", "negotiators") takes every role.
fn holds_office(role: &str, noun: &str) -> bool {
    let role = role.to_lowercase();
    if role.contains("deputy") || role.contains("vice") {
        return false;
    }
    // "his Japanese counterpart, Toshimitsu Motegi": most often a minister's.
    if role.contains("counterpart") {
        return matches!(noun, "ministers" | "minister");
    }
    let prime = role.contains("prime minister") || role.contains("premier");
    let head = prime
        || role.contains("president")
        || role.contains("chancellor")
        || matches!(role.as_str(), "king" | "emir" | "sultan" | "crown prince");
    match noun {
        "presidents" => role.contains("president"),
        "premiers" => prime,
        "leaders" | "leader" => head,
        "ministers" | "minister" => {
            !head && (role.contains("minister") || role.contains("secretary"))
        }
        _ => true,
    }
}

/// "agencies", "institutions", "blocs": a plural that counts bodies ("the two
/// agencies", "the two blocs"), never the states named beside them.
fn is_body_collective(w: &str) -> bool {
    matches!(
        w,
        "agencies"
            | "organizations"
            | "organisations"
            | "institutions"
            | "funds"
            | "bodies"
            | "blocs"
            | "groupings"
            | "alliances"
    )
}
