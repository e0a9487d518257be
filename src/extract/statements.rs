//! Stage 4a: statements — attributed utterances.
//!
//! A statement needs a speech cue outside quotation marks and a speaker that
//! resolved to an entity. Shapes read: `X said/told/warned (that) ...`,
//! `"...," X said`, `"...," said X`, `..., he added, ...`, `according to X, ...`,
//! `X, speaking at ..., welcomed ...`, and `..., writing on X that ...` (the
//! participle attributes to the clause subject). One statement per speaker per
//! sentence; "according to X" makes X the only speaker of its sentence (the rest
//! is what X reports). Quotes overlapping the sentence are attached, including
//! multi-sentence quotes that end in it.

use super::clause::Context;
use super::{Mention, Word};
use crate::model::{EntityKind, Event, EventKind, Modality};
use crate::text::TokenKind;

/// Finds the statements of a document.
pub fn find(ctx: &Context) -> Vec<Event> {
    // Room for a statement every other sentence (about what news text has): the
    // events, a few hundred bytes each, were copied at every growth.
    let mut out = Vec::with_capacity(ctx.sentences.len() / 2 + 1);
    // The institution that spoke last, and in which sentence.
    let mut last_institution: Option<(usize, usize)> = None;
    for si in 0..ctx.sentences.len() {
        let mut found = speakers(ctx, si);
        if found.is_empty() {
            // "In a statement, the ministry said ... It also urged ...": "it" speaks
            // again for the institution of the sentence before.
            if let Some((e, at)) = last_institution {
                if at + 1 == si && it_speaks(ctx, si) {
                    found.push(e);
                }
            }
        }
        last_institution = match found.as_slice() {
            [e] if matches!(
                ctx.ents.list[*e].kind,
                EntityKind::Organization | EntityKind::Country
            ) =>
            {
                Some((*e, si))
            }
            _ => None,
        };
        for speaker in found {
            out.push(statement(ctx, si, speaker));
        }
    }
    out
}

/// Is "it" the subject of a speech verb in sentence `si` ("It also urged", "In a
/// separate statement, it said")?
fn it_speaks(ctx: &Context, si: usize) -> bool {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    (1..s.words.len()).any(|k| {
        if lx.speech_verbs.match_at(&s.ids, k).is_none() || ctx.in_quote(si, k) {
            return false;
        }
        let mut j = k;
        while j > 0 && lx.skippable.contains(&s.words[j - 1]) {
            j -= 1;
        }
        j > 0
            && s.words[j - 1] == "it"
            && (j == 1 || matches!(s.words[j - 2].as_str(), "," | "and" | "but"))
    })
}

/// Does a verb of naming stand at `k` with a quotation as its complement ("called
/// the project “a test of ...”", "described the talks as “candid”")? Without the
/// quotation these verbs report no words ("called a meeting", "described the
/// damage").
fn naming_verb(ctx: &Context, si: usize, k: usize) -> bool {
    let s = &ctx.sentences[si];
    NAMING_VERBS.contains(&s.words[k].as_str())
        && (k + 1..(k + 8).min(s.words.len())).any(|j| s.tokens[j].kind == TokenKind::Quote)
}

/// The verbs of naming [`naming_verb`] reads. With the first words of the speech
/// verbs and commitment verbs they make
/// [`crate::lexicon::Lexicon::speech_cue_words`]: a token that starts none of them
/// is no speech cue of [`speakers`], skipped with one table lookup.
pub(crate) const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "branded",
    "brands",
    "dubbed",
    "termed",
    "labelled",
    "labeled",
];

/// The entities speaking in sentence `si`, in order of appearance.
pub fn speakers(ctx: &Context, si: usize) -> Vec<usize> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    let n = s.words.len();
    let mut found: Vec<usize> = Vec::new();
    let push = |e: usize, found: &mut Vec<usize>| {
        if !found.contains(&e) {
            found.push(e);
        }
    };
    // "according to X" owns the sentence. (Each loop over the tokens that looks
    // for one set's phrases runs only where the set has some: `may_match`.)
    for k in lx
        .source_phrases
        .starts_in(&s.ids, 0..n_if(lx.source_phrases.may_match(&s.ids), n))
    {
        let Some(len) = lx.source_phrases.match_at(&s.ids, k) else {
            continue;
        };
        if !ctx.in_quote(si, k) {
            if let Some(m) = ctx.mention_after(si, k + len) {
                if let Some(e) = m.entity {
                    return vec![e];
                }
            }
            // "according to a joint communique issued by the bloc", "according to a
            // readout from Beijing": the document's author speaks.
            let end = (k + len + 8).min(n);
            for j in k + len..end {
                if matches!(s.words[j].as_str(), "by" | "from" | "of") {
                    if let Some(e) = ctx.mention_after(si, j + 1).and_then(|m| m.entity) {
                        return vec![e];
                    }
                    // "according to a statement from its embassy": the subject's own.
                    if s.words
                        .get(j + 1)
                        .is_some_and(|w| w == "its" || w == "their")
                    {
                        if let Some(e) = ctx.sentence_subject(si).and_then(|m| m.entity) {
                            return vec![e];
                        }
                    }
                }
                if s.words[j] == "," {
                    break;
                }
            }
        }
    }
    let mut finite = false;
    for k in lx
        .speech_cue_words
        .starts_in(&s.ids, 0..n_if(lx.speech_cue_words.may_match(&s.ids), n))
    {
        // Most tokens start no speech cue (see `NAMING_VERBS`).
        if lx.speech_cue_words.match_at(&s.ids, k).is_none() || ctx.in_quote(si, k) {
            continue;
        }
        // Speech verbs, and commitment verbs that report: "pledged that Y would".
        let len = lx
            .speech_verbs
            .match_at(&s.ids, k)
            .or_else(|| {
                lx.commitment_verbs
                    .match_at(&s.ids, k)
                    .filter(|&l| s.words.get(k + l).is_some_and(|w| w == "that"))
            })
            .or_else(|| naming_verb(ctx, si, k).then_some(1));
        let Some(len) = len else {
            continue;
        };
        // "to say", passive "was told", "were urged"
        if k > 0
            && matches!(
                s.words[k - 1].as_str(),
                "to" | "was" | "were" | "been" | "being" | "be"
            )
        {
            continue;
        }
        finite = true;
        // "Noboa's government said", "Dissanayake's office said": the leader's
        // state.
        let owner = (k.saturating_sub(4)..k)
            .find_map(|p| ctx.mention_ending(si, p).filter(|m| m.end == p && p > 0));
        if let Some(state) = owner.and_then(|m| leaders_office(ctx, m, k)) {
            push(state, &mut found);
            continue;
        }
        // "The office of Prime Minister Alix Didier Fils-Aimé said": the same.
        let office_of = ctx
            .mention_ending(si, ctx.skip_back(si, k))
            .filter(|m| {
                let h = m.head_first();
                h >= 2 && s.words[h - 1] == "of" && s.words[h - 2] == "office"
            })
            .and_then(|m| ctx.office_state(m));
        if let Some(state) = office_of {
            push(state, &mut found);
            continue;
        }
        let subjects = ctx.subjects_before(si, k);
        if !subjects.is_empty() {
            for m in subjects {
                for e in ctx.actors(m) {
                    push(e, &mut found);
                }
            }
            continue;
        }
        // "Ecuador and Peru agreed to ..., their delegations said": the actors the
        // sentence opens with, when they are several.
        if k >= 2
            && s.words[k - 2] == "their"
            && lx.official_nouns.match_at(&s.ids, k - 1) == Some(1)
        {
            if let Some(first) = ctx.sentence_subject(si) {
                let mentions = ctx.mentions_in(si);
                let mut end = first.end;
                while let Some(next) = mentions.iter().find(|m| {
                    m.first > end
                        && m.entity.is_some()
                        && (end..m.head_first())
                            .all(|j| matches!(s.words[j].as_str(), "," | "and" | "the"))
                }) {
                    end = next.end;
                }
                let opening = ctx.subjects_before(si, end);
                if opening.len() >= 2 {
                    for m in opening {
                        if let Some(e) = m.entity {
                            push(e, &mut found);
                        }
                    }
                    continue;
                }
            }
        }
        // "Norway will add $100 million, its environment minister said": the
        // sentence's subject speaking through its unnamed body or official.
        // A body or office that runs from `from` to the verb.
        let describes = |from: usize| {
            from < k
                && [&lx.official_nouns, &lx.person_descriptions]
                    .iter()
                    .any(|set| set.match_at(&s.ids, from) == Some(k - from))
        };
        // ", its" then the description, maybe after one lowercase modifier.
        let its = (k.saturating_sub(4)..k.saturating_sub(1)).any(|p| {
            p >= 1
                && s.words[p] == "its"
                && s.words[p - 1] == ","
                && (describes(p + 1) || (!s.capitalized(p + 1) && describes(p + 2)))
        });
        if its {
            let owner = ctx.sentence_subject(si).filter(|m| {
                matches!(
                    ctx.kind_of(m),
                    Some(EntityKind::Country | EntityKind::Organization)
                )
            });
            if let Some(e) = owner.and_then(|m| m.entity) {
                push(e, &mut found);
                continue;
            }
        }
        // "The foreign ministry said", "the presidency said in a statement": a
        // state's own body with no state named speaks for the state of its
        // place or dateline, else the article's — as "the government" commits it
        // (`pledges::unattributed_government`). Only at the start of a sentence
        // or clause.
        if let Some(e) = unnamed_state_body(ctx, si, k) {
            push(e, &mut found);
            continue;
        }
        // Inversion after a quote: "“...,” said Macron." Only right after the
        // quote (or its comma); elsewhere the mention after a verb is its object.
        // "X did A and said B": the subject of the first clause speaks — the nearest
        // actor to the left that starts a clause ("hours after Islamabad accepted the
        // proposal and said ...").
        if k > 0 && matches!(s.words[k - 1].as_str(), "and" | "but") {
            // ", and said": coordinated with the main clause — its speaker speaks again.
            if k > 1 && s.words[k - 2] == "," {
                if let Some(&e) = found.last() {
                    push(e, &mut found);
                    continue;
                }
            }
            let clause_subject = ctx
                .mentions_in(si)
                .iter()
                .rev()
                .filter(|m| m.end < k && m.entity.is_some())
                .find(|m| {
                    let h = m.head_first();
                    h <= s.dateline
                        || matches!(
                            s.words[h - 1].as_str(),
                            "," | "after"
                                | "before"
                                | "as"
                                | "while"
                                | "when"
                                | "that"
                                | "since"
                                | "but"
                                | "—"
                        )
                        || (h >= 2 && s.words[h - 1] == "the" && s.words[h - 2] == ",")
                });
            if let Some(m) = clause_subject.or_else(|| ctx.sentence_subject(si)) {
                for e in ctx.actors(m) {
                    push(e, &mut found);
                }
            }
            continue;
        }
        let after_quote = k > 0
            && (s.tokens[k - 1].kind == TokenKind::Quote
                || (s.words[k - 1] == "," && k > 1 && s.tokens[k - 2].kind == TokenKind::Quote));
        // "Uzbekistan committed to ..., said Ismatilla Ergashev, the ...": inversion
        // after a clause, with the speaker named right after the verb.
        if !after_quote && k > 1 && s.words[k - 1] == "," {
            let mut j = k + len;
            if s.words.get(j).is_some_and(|w| w == "the") {
                j += 1;
            }
            let speaker = ctx
                .mention_after(si, k + len)
                .filter(|m| m.head_first() == j)
                // Not the subject of a reported clause ("..., said Berlin could").
                .filter(|m| {
                    s.words.get(m.end).is_none_or(|w| {
                        matches!(w.as_str(), "," | "." | ";" | "on" | "in" | "at" | "during")
                    })
                })
                .filter(|m| {
                    matches!(
                        ctx.kind_of(m),
                        Some(EntityKind::Person | EntityKind::Organization | EntityKind::Country)
                    )
                });
            if let Some(e) = speaker.and_then(|m| m.entity) {
                push(e, &mut found);
            }
            continue;
        }
        if !after_quote {
            continue;
        }
        if let Some(m) = ctx.mention_after(si, k + len) {
            if let Some(e) = m.entity {
                push(e, &mut found);
            }
        }
    }
    // "..., with EU foreign policy chief Kaja Kallas saying the bloc would ...".
    for k in lx
        .speech_participles
        .starts_in(&s.ids, 1..n_if(lx.speech_participles.may_match(&s.ids), n))
    {
        if lx.speech_participles.match_at(&s.ids, k).is_none() || ctx.in_quote(si, k) {
            continue;
        }
        if let Some(m) = ctx.mention_ending(si, k) {
            let h = m.head_first();
            if h > 0 && s.words[h - 1] == "with" {
                if let Some(e) = m.entity {
                    push(e, &mut found);
                    finite = true;
                }
            }
        }
    }
    if !finite {
        // "..., writing on X that ...": the participle speaks for the clause subject.
        for k in lx
            .speech_participles
            .starts_in(&s.ids, 1..n_if(lx.speech_participles.may_match(&s.ids), n))
        {
            let Some(len) = lx.speech_participles.match_at(&s.ids, k) else {
                continue;
            };
            // "..., adding that", and "opened by announcing that".
            if matches!(s.words[k - 1].as_str(), "," | "by") && !ctx.in_quote(si, k) {
                // "adding that", "writing on X", "saying ..." — but not "adding dozens
                // more tankers".
                let next = s.words.get(k + len).map(Word::as_str);
                let introduces = matches!(
                    s.words[k].as_str(),
                    "saying" | "warning" | "urging" | "calling"
                ) || matches!(next, Some("that" | "on" | "in"))
                    || s.tokens
                        .get(k + len)
                        .is_some_and(|t| t.kind == TokenKind::Quote);
                if introduces {
                    let subject = ctx
                        .sentence_subject(si)
                        .or_else(|| titled_opening_person(ctx, si, k))
                        .or_else(|| fronted_clause_subject(ctx, si, k));
                    if let Some(e) = subject.and_then(|m| m.entity) {
                        push(e, &mut found);
                    }
                }
            }
        }
    }
    found
}

/// The state that "the foreign ministry" (presidency, government, foreign office,
/// ...) right before the speech verb at `k` stands for, when the body opens its
/// sentence or clause: the state of a place that opens the clause ("In Paris,"),
/// else the dateline's, else the article's dominant state when the sentence names
/// no other.
fn unnamed_state_body(ctx: &Context, si: usize, k: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    let from = (k.saturating_sub(5)..k)
        .rev()
        .find(|&f| matches!(s.words[f].as_str(), "the" | "its"))?;
    let body: Vec<&str> = s.words[from + 1..k].iter().map(|w| w.as_str()).collect();
    let portfolio = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
    let state_body = match body.as_slice() {
        ["foreign" | "presidential", "office"]
        | ["ministry", "of", "foreign", "affairs"]
        | ["presidency" | "government" | "cabinet"] => true,
        // "the health ministry said", "its embassy in Tel Aviv said", "the foreign
        // affairs department said", "the presidential chancellery said"
        [w, "ministry" | "department"] => portfolio(w),
        [w, "affairs", "ministry" | "department"] => portfolio(w),
        ["presidential" | "president's", "chancellery" | "administration"] => true,
        ["embassy", ..] => s.words[from] == "its",
        _ => false,
    };
    // 'Japan is to provide $30 million ..., its embassy in Tel Aviv said',
    // 'Brazil offered to share ..., the health ministry said': a body closing the
    // sentence speaks for the state the sentence opens with.
    let closing = from >= 1
        && s.words[from - 1] == ","
        && s.words
            .get(k + 1)
            .is_none_or(|w| matches!(w.as_str(), "." | "on" | "in"));
    if state_body && closing {
        if let Some(e) = ctx
            .sentence_subject(si)
            .filter(|m| ctx.kind_of(m) == Some(EntityKind::Country))
            .and_then(|m| m.entity)
        {
            return Some(e);
        }
    }
    if s.words[from] == "its" {
        return None;
    }
    let opens = from == 0
        || from <= s.dateline
        || matches!(
            s.words[from - 1].as_str(),
            "," | "-" | "—" | "–" | "but" | "and"
        );
    if !state_body || !opens || ctx.mention_ending(si, k).is_some() {
        return None;
    }
    // "In Paris, the foreign ministry said": the state of the place first named,
    // or nobody when that place names none the article resolved.
    if from >= 2 && s.words[from - 1] == "," && s.words[0] == "in" {
        return ctx
            .mention_ending(si, from - 1)
            .filter(|m| m.first <= 2 && ctx.kind_of(m) == Some(EntityKind::Country))
            .and_then(|m| m.entity);
    }
    // Else the article's own state — unless the sentence names another, which
    // the ministry may as well be.
    ctx.ents.dateline_state.or_else(|| {
        let home = ctx.ents.home_state?;
        let others = ctx
            .mentions_in(si)
            .iter()
            .any(|m| ctx.kind_of(m) == Some(EntityKind::Country) && m.entity != Some(home));
        (!others).then_some(home)
    })
}

/// "Mines and Energy Minister Edwin Palma went further, saying": the person a
/// sentence opens with behind a title the mention does not hold (its words all
/// capitalized, or "and", "of", "for", "the"), named before the participle at `k`.
fn titled_opening_person<'a>(ctx: &Context<'a>, si: usize, k: usize) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    let m = ctx.mentions_in(si).iter().next()?;
    let titled = (0..m.first)
        .all(|j| s.capitalized(j) || matches!(s.words[j].as_str(), "and" | "of" | "for" | "the"));
    (m.end < k && titled && ctx.kind_of(m) == Some(EntityKind::Person)).then_some(m)
}

/// For a person's mention followed by "'s government" (office, administration,
/// cabinet, presidency, communications directorate, press office) that runs up to
/// the speech verb at `k`: the state of that person, when they hold a state's
/// office.
fn leaders_office(ctx: &Context, m: &Mention, k: usize) -> Option<usize> {
    // (Also "the Trump administration said": the name as the body's attribute.)
    let (state, at) = ctx.leader_state(m)?;
    let s = &ctx.sentences[m.sentence];
    let body: Vec<&str> = s.words.get(at..k)?.iter().map(|w| w.as_str()).collect();
    let office = matches!(
        body.as_slice(),
        ["government" | "administration" | "cabinet" | "office" | "presidency"]
            | [
                "press" | "communications" | "media",
                "office" | "directorate" | "team"
            ]
    );
    office.then_some(state)
}

/// `n` if `cond`, else 0: the end of a loop over a sentence's tokens that has
/// nothing to find when `cond` is false.
#[inline]
fn n_if(cond: bool, n: usize) -> usize {
    if cond {
        n
    } else {
        0
    }
}

/// The subject after a fronted clause, before token `before`: "Asked whether
/// Germany would send missiles, Pistorius declined to commit, saying ...". The first
/// actor right after a comma that is not itself set off by commas.
fn fronted_clause_subject<'a>(ctx: &Context<'a>, si: usize, before: usize) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    let mentions = ctx.mentions_in(si);
    (0..before).filter(|&c| s.words[c] == ",").find_map(|c| {
        let mut j = c + 1;
        while j < before
            && matches!(
                s.words[j].as_str(),
                "the" | "mr" | "mrs" | "ms" | "dr" | "."
            )
        {
            j += 1;
        }
        let m = mentions
            .iter()
            .find(|m| m.entity.is_some() && m.head_first() == j)?;
        let set_off = s.words.get(m.end).is_some_and(|w| w == "," || w == ")");
        let person_or_actor = matches!(
            ctx.kind_of(m),
            Some(EntityKind::Person | EntityKind::Country | EntityKind::Organization)
        );
        (!set_off && person_or_actor && m.end < before).then_some(m)
    })
}

fn statement(ctx: &Context, si: usize, speaker: usize) -> Event {
    // The entities the sentence names besides the speaker, in order, each once:
    // a sentence names a few, looked for in the list (a set of them was an
    // allocation and a tree per statement).
    let mut about_order: Vec<usize> = Vec::new();
    for m in ctx.mentions_in(si) {
        if let Some(e) = m.entity {
            if e != speaker && !about_order.contains(&e) {
                about_order.push(e);
            }
        }
    }
    let targets: Vec<String> = about_order
        .iter()
        .map(|&e| ctx.ents.list[e].id.clone())
        .collect();
    let actor = ctx.ents.list[speaker].id.clone();
    let quote = ctx.quote_for(si);
    let evidence = ctx.evidence(si);
    let (date, date_precision) = ctx.date_of(si);
    let id = Event::content_id(
        EventKind::Statement,
        &actor,
        &targets,
        quote.as_deref().unwrap_or(""),
        &evidence.sentence,
    );
    Event {
        id,
        kind: EventKind::Statement,
        actor,
        targets,
        what: None,
        quote,
        modality: Modality::default(),
        date,
        date_precision,
        cameo: EventKind::Statement.cameo().to_string(),
        plover: EventKind::Statement.plover().to_string(),
        evidence: vec![evidence],
    }
}
