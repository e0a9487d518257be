//! Stage 4b: pledges — commitments to do or give something in the future.
//!
//! Cues: a commitment verb ("pledged", "promised", "vowed", "agreed to provide"),
//! a future modal with a commitment action ("will send", "is set to provide",
//! "will “strengthen ...”"), the reported future inside a reported clause ("said it
//! would send"), and hedged modals ("could send") which are kept but flagged. The
//! committer is the subject of the cue — one pledge per coordinated subject — also
//! inside reported clauses ("Macron announced that the United States will ...").
//! Bare "will" with any other verb is not a pledge, nor is a commitment inside
//! somebody else's demand or hope ("urged X to send", "hoped Y would").

use super::clause::Context;
use super::{Mention, MentionKind, Pronoun, Sentence, Word};
use crate::model::{EntityKind, Event, EventKind, Modality};
use crate::text::TokenKind;

/// A commitment cue found in a sentence.
#[derive(Clone)]
struct Cue {
    /// Token where the cue starts (the modal or the commitment verb).
    at: usize,
    /// Token where the committed action (or object) starts.
    object: usize,
    /// Cue is a modal of the future or of reported speech.
    future: bool,
    /// Cue is a hedged modal ("could").
    hedged: bool,
    /// The committer, when the cue names it itself rather than by a subject:
    /// "Japan's pledge of", "a commitment from Tokyo to", "was pledged by Norway".
    agent: Option<(usize, usize)>,
    /// The agent speaks for the committer: the state or organization of the person
    /// who reports an agentless passive ("Jha said the tranche will be released").
    affiliation: bool,
    /// The cue itself is negated ("would not be released").
    negated: bool,
}

impl Cue {
    /// A cue at token `at` for the action at `object`, of no modal, hedge or
    /// negation, its committer found as the subject.
    fn plain(at: usize, object: usize) -> Cue {
        Cue {
            at,
            object,
            future: false,
            hedged: false,
            agent: None,
            affiliation: false,
            negated: false,
        }
    }
}

/// Finds the pledges of a document (firm, conditional, hedged and negated alike;
/// the modality says which).
pub fn find(ctx: &Context) -> Vec<Event> {
    // Room for a pledge every fourth sentence (about what news text has): the
    // events, a few hundred bytes each, were copied at every growth.
    let mut out: Vec<Event> = Vec::with_capacity(ctx.sentences.len() / 4 + 1);
    for si in 0..ctx.sentences.len() {
        for cue in cues(ctx, si) {
            // A mention made for an unnamed government subject (see
            // `unattributed_government`); declared first, as the jobs borrow it.
            let government: Option<(Mention, usize)>;
            // (Room for a few at once: a cue has one committer or a few.)
            let mut jobs: Vec<(Cue, &Mention, usize)> = Vec::with_capacity(4);
            let agent = cue
                .agent
                .and_then(|(msi, first)| ctx.mention_starting(msi, first));
            if cue.affiliation {
                if let Some(e) = agent.and_then(|m| ctx.affiliation(m)) {
                    jobs.extend(agent.map(|m| (cue.clone(), m, e)));
                }
            }
            let subjects = match agent {
                _ if cue.affiliation => Vec::new(),
                Some(m) => vec![m],
                None => committers(ctx, si, cue.at),
            };
            let s = &ctx.sentences[si];
            if subjects.is_empty() && !cue.affiliation {
                // "“... we will send monitors now,” the ambassador told reporters".
                // A joint statement's "“We commit to ...,” the three governments
                // said": each of them.
                // Not "every euro we commit tonight": the verb needs its object.
                let object = action_at(ctx, si, cue.object).is_some()
                    || (!cue.future
                        && (s.words.get(cue.object).is_some_and(|w| w == "to")
                            || amount_in_object(ctx, si, cue.object)));
                if object {
                    for (m, e) in quoted_we(ctx, si, cue.at) {
                        jobs.push((cue.clone(), m, e));
                    }
                }
                // "Marchenko said the government would submit the bills": the
                // speaker's own state.
                if let Some((m, e)) = home_government(ctx, si, cue.at) {
                    jobs.push((cue.clone(), m, e));
                } else {
                    // "In return, the government pledges to ...": the article's state;
                    // "the government said on Tuesday it would release": also when
                    // "it" stands for the government that reports it.
                    government = unattributed_government(ctx, si, cue.at).or_else(|| {
                        let it = ctx.skip_back(si, cue.at).checked_sub(1)?;
                        if s.words[it] != "it" {
                            return None;
                        }
                        unattributed_government(ctx, si, reporting_verb(ctx, si, it)?)
                    });
                    if let Some((m, e)) = &government {
                        jobs.push((cue.clone(), m, *e));
                    }
                }
            }
            // "Foreign Minister Wadephul announced €300 million": the money an
            // official announces is the state's or the body's.
            let money = (!cue.future
                && ctx.lexicon.amount_verbs.match_at(&s.ids, cue.at).is_some()
                && ctx
                    .lexicon
                    .commitment_verbs
                    .match_at(&s.ids, cue.at)
                    .is_none())
                || state_resources(ctx, si, &cue);
            for m in subjects {
                // "Paz's government undertook to": the state the person leads.
                if let Some(state) = possessed_government(ctx, m) {
                    jobs.push((cue.clone(), m, state));
                    continue;
                }
                if money && ctx.kind_of(m) == Some(EntityKind::Person) {
                    if let Some(a) = ctx.affiliation(m) {
                        jobs.push((cue.clone(), m, a));
                        continue;
                    }
                }
                // "The two sides agreed to ...": one pledge per member. What "the two
                // leaders agreed" to do their states do (28 of 40 such pledges in the
                // development half name the states).
                let words = &ctx.sentences[m.sentence].words[m.first..m.end];
                let leaders = matches!(m.kind, MentionKind::Group { .. })
                    && match words {
                        [.., last]
                            if matches!(last.as_str(), "leaders" | "presidents" | "premiers") =>
                        {
                            true
                        }
                        [.., prime, last] => prime == "prime" && last == "ministers",
                        _ => false,
                    };
                for e in ctx.actors(m) {
                    let state = leaders.then(|| ctx.entity_office_state(e)).flatten();
                    jobs.push((cue.clone(), m, state.unwrap_or(e)));
                }
            }
            if !jobs.is_empty() {
                for (cue, m) in gapped(ctx, si, &cue) {
                    if let Some(e) = m.entity {
                        jobs.push((cue, m, e));
                    }
                }
                // "UNHCR said it would co-fund with the IOM a documentation drive":
                // the partner commits too.
                if let Some(m) = co_partner(ctx, si, cue.object) {
                    if let Some(e) = m.entity {
                        jobs.push((cue.clone(), m, e));
                    }
                }
            }
            for (cue, m, actor_idx) in jobs {
                if let Some(ev) = pledge(ctx, si, &cue, actor_idx, m) {
                    let same = out.iter().position(|e| {
                        e.evidence[0].start == ev.evidence[0].start && e.actor == ev.actor
                    });
                    match same {
                        None => out.push(ev),
                        // "Poland will not put troops in Ukraine but will act as the
                        // logistics base": one pledge per actor and sentence, and a
                        // firm one over the refusal beside it — or over a threat
                        // ("would hold Houthi leaders accountable and was prepared
                        // to impose further sanctions").
                        Some(i)
                            if (out[i].modality.negated && !ev.modality.negated)
                                || (out[i].kind == EventKind::Threaten
                                    && ev.kind == EventKind::Pledge) =>
                        {
                            out[i] = ev;
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
    out
}

/// Does an official commit what only their state or body has, money or forces
/// ("New Zealand's Foreign Minister, Winston Peters, pledged NZ$60 million")? Then
/// the state or body is the committer, not the person. (An offer to host talks
/// stays the person's: annotators split on it.)
fn state_resources(ctx: &Context, si: usize, cue: &Cue) -> bool {
    let s = &ctx.sentences[si];
    ctx.lexicon
        .commitment_verbs
        .match_at(&s.ids, cue.at)
        .is_some()
        && amount_in_object(ctx, si, cue.object)
}

/// "government", "administration", "cabinet", "authorities": what a state's
/// executive is called after a possessive or a determiner.
fn is_government_noun(w: &str) -> bool {
    matches!(
        w,
        "government" | "administration" | "cabinet" | "authorities" | "treasury" | "junta"
    )
}

/// For a person's mention followed by "'s government" (or administration, cabinet,
/// authorities) — "Paz's government undertook to" — the state of that person.
/// Also "the Trump administration plans to", the name as the noun's attribute.
fn possessed_government(ctx: &Context, m: &Mention) -> Option<usize> {
    let s = &ctx.sentences[m.sentence];
    // "the government of President Rodrigo Paz would commit to": the same.
    let h = m.head_first();
    if h >= 2 && s.words[h - 1] == "of" && is_government_noun(&s.words[h - 2]) {
        return ctx.office_state(m);
    }
    let (state, at) = ctx.leader_state(m)?;
    s.words
        .get(at)
        .is_some_and(|w| is_government_noun(w))
        .then_some(state)
}

/// Does a question open at token `at` and close with a comma before token `upto`?
/// "Asked about the loan, Kihara said the tranche would be disbursed": the answer
/// is the speaker's own, not framed by the question.
fn closed_question(words: &[Word], at: usize, upto: usize) -> bool {
    matches!(words[at].as_str(), "asked" | "asks") && (at..upto).any(|c| words[c] == ",")
}

/// For a joint action ("co-fund", "co-finance", "co-host") at `object`: the state
/// or body it is done "with", named within the next few words.
fn co_partner<'a>(ctx: &Context<'a>, si: usize, object: usize) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    let w = s.words.get(object)?;
    if !(w.starts_with("co-") || matches!(w.as_str(), "cofinance" | "cofund" | "cohost")) {
        return None;
    }
    let with = (object + 1..(object + 8).min(s.words.len()))
        .take_while(|&k| !matches!(s.words[k].as_str(), "," | ";" | "." | "and"))
        .find(|&k| s.words[k] == "with")?;
    ctx.mention_after(si, with + 1).filter(|m| {
        m.head_first() <= with + 2
            && matches!(
                ctx.kind_of(m),
                Some(EntityKind::Country | EntityKind::Organization)
            )
    })
}

/// Gapped coordination: "Saudi Arabia will contribute $1.2 billion and Qatar $800
/// million" — the second committer shares the verb; its object is the amount.
fn gapped<'a>(ctx: &Context<'a>, si: usize, cue: &Cue) -> Vec<(Cue, &'a Mention)> {
    let s = &ctx.sentences[si];
    let mut out = Vec::new();
    for m in ctx.mentions_in(si) {
        if m.first <= cue.object || m.entity.is_none() {
            continue;
        }
        // "and Qatar $800 million", ", the European Union €120 million and ..."
        let k = m.head_first();
        let joined = |w: &Word| w == "and" || w == ",";
        let after_and = k > 0 && joined(&s.words[k - 1])
            || k > 1 && s.words[k - 1] == "the" && joined(&s.words[k - 2]);
        let amount = s.words.get(m.end).is_some_and(|w| {
            matches!(w.as_str(), "$" | "€" | "£" | "¥") || w.parse::<f64>().is_ok()
        });
        if after_and
            && amount
            && matches!(
                ctx.kind_of(m),
                Some(EntityKind::Country | EntityKind::Organization)
            )
        {
            out.push((
                Cue {
                    object: m.end,
                    ..cue.clone()
                },
                m,
            ));
        }
    }
    out
}

/// Participles that give after "with" in a sentence of the future ("with France
/// paying the rest"). They start cues as [`CUE_WORDS`] do: the lexicon's cue
/// filter takes both lists.
pub(crate) const GIVING_PARTICIPLES: &[&str] = &[
    "paying",
    "helping",
    "providing",
    "supplying",
    "funding",
    "financing",
    "contributing",
    "covering",
    "donating",
];

/// Every word [`cues`] tests a token against by its spelling ("offering",
/// "pledge", "agreed", "has", "could", ...). With the first words of the phrase sets
/// it asks at every token (commitment verbs, amount verbs, future and reported
/// modals) they make [`crate::lexicon::Lexicon::pledge_cue_words`]: a token that
/// starts none of them starts no cue, and is skipped with one table lookup. A word
/// that a new rule in `cues` (or in what it calls for every token) tests must be
/// added here.
pub(crate) const CUE_WORDS: &[&str] = &[
    // `cues`: participles after "with" (and the giving ones of
    // `GIVING_PARTICIPLES`), and ", with X to" an action.
    "with",
    "offering",
    "promising",
    "pledging",
    "committing",
    "vowing",
    "agreeing",
    // `named_commitment`: nouns and participles.
    "pledge",
    "commitment",
    "promise",
    "offer",
    "contribution",
    "donation",
    "pledged",
    "committed",
    "promised",
    "offered",
    "extended",
    "financed",
    "funded",
    "provided",
    "granted",
    "allocated",
    "contributed",
    "donated",
    "earmarked",
    "set",
    "hosted",
    // `declared_readiness`.
    "readiness",
    "willingness",
    "preparedness",
    // `cues`: "assured that".
    "assured",
    "assures",
    // `cues`: "agreed to", "decided to".
    "agreed",
    "agrees",
    "agree",
    "decided",
    "decides",
    "undertook",
    "resolved",
    // `agentless_passive`: auxiliaries, and "would" in reported speech.
    "has",
    "have",
    "had",
    "is",
    "are",
    "would",
    // `cues`: hedged modals.
    "could",
    "may",
    "might",
    // `made_pledges`.
    "made",
    "makes",
    "make",
    // `signed_to_act`.
    "signed",
    "signs",
    "sign",
    // `quoted_readiness` ("committed" is above).
    "ready",
    "prepared",
    "willing",
];

fn cues(ctx: &Context, si: usize) -> Vec<Cue> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    let n = s.words.len();
    let mut out = Vec::new();
    // Whether the sentence reports speech ("said", "promised", "announcing that"):
    // asked only at a modal, so found then.
    let reported_cell = std::cell::OnceCell::new();
    let reported = || {
        *reported_cell.get_or_init(|| {
            // (Each set from one token where it starts to the next: the answer
            // is the same in any order.)
            // ("Kenya would ring-fence the revenue, according to the report.")
            [
                &lx.speech_verbs,
                &lx.commitment_verbs,
                &lx.speech_participles,
                &lx.source_phrases,
            ]
            .into_iter()
            .any(|set| {
                set.starts_in(&s.ids, 0..n)
                    .any(|k| !ctx.in_quote(si, k) && set.match_at(&s.ids, k).is_some())
            })
                // "the leaders agreed that Japan would host the next summit"
                || (0..n).any(|k| {
                    matches!(s.words[k].as_str(), "agreed" | "agree" | "agrees" | "agreeing")
                        && s.words.get(k + 1).is_some_and(|w| w == "that")
                        && !ctx.in_quote(si, k)
            })
                // "Under the arrangement described by the newspaper, CNPC would
                // provide loans": the terms of a deal are reported commitments.
                || under_terms(s)
        })
    };
    // A question commits no one ("Did Washington commit to anything?").
    let question = || {
        s.words
            .iter()
            .rev()
            .find(|w| !matches!(w.as_str(), "\"" | "”" | "’" | "'" | ")"))
            .is_some_and(|w| w == "?")
    };
    // Most sentences have no token that can start a cue: their loop is skipped.
    let mut k = if lx.pledge_cue_words.may_match(&s.ids) && !question() {
        0
    } else {
        n
    };
    while k < n {
        // Most tokens can start no cue (see `CUE_WORDS`): on to the next that may.
        let Some(next) = lx.pledge_cue_words.starts_in(&s.ids, k..n).next() else {
            break;
        };
        k = next;
        if lx.pledge_cue_words.match_at(&s.ids, k).is_none() {
            k += 1;
            continue;
        }
        // "..., with Spain's Interior Ministry to run training": an absolute
        // clause with an infinitive commits the actor named after "with".
        if s.words[k] == "with" {
            if let Some(cue) = with_actor_to_act(ctx, si, k) {
                k = cue.object;
                out.push(cue);
            } else {
                k += 1;
            }
            continue;
        }
        // "..., with Turkey offering to finance the studies": the participle commits
        // the actor named after "with".
        // Also "with Development Minister X announcing €300 million".
        let announcing = || {
            s.words[k].ends_with("ing")
                && lx
                    .amount_verbs
                    .match_at(&s.ids, k)
                    .is_some_and(|len| amount_in_object(ctx, si, k + len))
        };
        // "Germany would cover 55% of the cost, with France paying the rest",
        // "Sweden will transfer jets, with Norway and Denmark helping to pay":
        // giving participles after "with", where the sentence speaks of the future.
        let giving_in_future = || {
            GIVING_PARTICIPLES.contains(&s.words[k].as_str())
                && (0..k).any(|i| {
                    lx.future_modals.match_at(&s.ids, i).is_some()
                        || lx.reported_modals.match_at(&s.ids, i).is_some()
                })
        };
        if (matches!(
            s.words[k].as_str(),
            "offering" | "promising" | "pledging" | "committing" | "vowing" | "agreeing"
        ) || announcing()
            || giving_in_future())
            && !ctx.in_quote(si, k)
        {
            // "with the IsDB and the Kuwait Fund each committing": every one of them.
            let agents = with_agents(ctx, si, k);
            let opened_by_with = agents
                .iter()
                .map(|m| m.head_first())
                .min()
                .is_some_and(|h| {
                    h > 0 && s.words[h - 1] == "with"
                        || h > 1 && s.words[h - 1] == "the" && s.words[h - 2] == "with"
                });
            if opened_by_with {
                let object = if s.words.get(k + 1).is_some_and(|w| w == "to") {
                    k + 2
                } else {
                    k + 1
                };
                for m in agents {
                    out.push(Cue {
                        agent: Some((m.sentence, m.first)),
                        ..Cue::plain(k, object)
                    });
                }
                k += 1;
                continue;
            }
        }
        if let Some(cue) = quoted_readiness(ctx, si, k) {
            k = cue.object;
            out.push(cue);
            continue;
        }
        if let Some((cue, partner)) = signed_to_act(ctx, si, k) {
            k = cue.object;
            out.extend(partner);
            out.push(cue);
            continue;
        }
        if let Some(cue) = made_pledges(ctx, si, k) {
            k += 1;
            out.push(cue);
            continue;
        }
        if let Some(cue) = declared_readiness(ctx, si, k) {
            k += 1;
            out.push(cue);
            continue;
        }
        if let Some(cue) = named_commitment(ctx, si, k) {
            k += 1;
            out.push(cue);
            continue;
        }
        // "assured that “the first observers will be on the ground”": an assurance
        // whose clause names no actor is the assurer's own commitment.
        if matches!(s.words[k].as_str(), "assured" | "assures")
            && s.words.get(k + 1).is_some_and(|w| w == "that")
        {
            if let Some(cue) = promise_without_actor(ctx, si, k, k + 2) {
                out.push(cue);
            }
            k += 2;
            continue;
        }
        // Commitment verbs: "pledged", "has promised to", "agreed to provide". With
        // "that" they report: the commitment is the reported clause's ("promised that
        // Damascus would publish" is Syria's pledge).
        if let Some(len) = lx.commitment_verbs.match_at(&s.ids, k) {
            // "promised him that": past the one promised to.
            let len = len + promisee_len(ctx, si, k + len).unwrap_or(0);
            if s.words.get(k + len).is_some_and(|w| w == "that") {
                // "promising that a first €1.2 billion would reach ...", "promised
                // that Inuit organizations would hold two seats": when the reported
                // clause names no actor, the one who promises commits.
                if let Some(cue) = promise_without_actor(ctx, si, k, k + len + 1) {
                    out.push(cue);
                }
                k += len;
                continue;
            }
            // "The text commits the CNEB to move ...", "the declaration commits the
            // two governments to “place joint orders”": the object is the
            // committer (a counted collective: each of its members).
            if matches!(s.words[k].as_str(), "commits" | "committed" | "commit") {
                // The action after "to", past a quotation mark opening there.
                let action = |m: &Mention| {
                    if s.words.get(m.end).is_none_or(|w| w != "to") {
                        return None;
                    }
                    let mut a = m.end + 1;
                    if s.tokens.get(a).is_some_and(|t| t.kind == TokenKind::Quote) {
                        a += 1;
                    }
                    // ("commits the bloc to sending a technical mission")
                    (bare_verb_at(ctx, si, a) || gerund_at(s, a)).then_some(a)
                };
                // (The committed may hold its article: "commits the bloc to".)
                let bound = ctx
                    .mention_starting(si, k + 1)
                    .or_else(|| ctx.mention_after(si, k + 1))
                    .filter(|m| {
                        m.first <= k + 2
                            && ((m.entity.is_some() && ctx.kind_of(m) != Some(EntityKind::Group))
                                || ctx.members(m).is_some_and(|v| !v.is_empty()))
                    })
                    .and_then(|m| Some((m, action(m)?)));
                if let Some((m, object)) = bound {
                    out.push(Cue {
                        agent: Some((m.sentence, m.first)),
                        ..Cue::plain(k, object)
                    });
                    k = object;
                    continue;
                }
            }
            if !is_noun_use(ctx, si, k) {
                out.push(Cue::plain(k, k + len));
                k += len;
                continue;
            }
        }
        // "agreed (on Thursday) to <action>", "decided to <action>", "threatened on
        // Wednesday to suspend aid" (a threat: see `commitment`)
        if matches!(
            s.words[k].as_str(),
            "agreed" | "agrees" | "agree" | "decided" | "decides" | "undertook" | "resolved"
        ) || lx.threat_verbs.match_at(&s.ids, k).is_some()
        {
            let mut t = k + 1;
            // "agreed in principle to lend": a reservation, still a commitment
            // (also quoted: 'had agreed "in principle" not to').
            let quote = |i: usize| {
                s.tokens
                    .get(i)
                    .is_some_and(|tk| tk.kind == TokenKind::Quote)
            };
            let open = usize::from(quote(t));
            if s.words.get(t + open).is_some_and(|w| w == "in")
                && s.words.get(t + open + 1).is_some_and(|w| w == "principle")
            {
                t += open + 2;
                if open == 1 && quote(t) {
                    t += 1;
                }
            }
            while t < n && t < k + 5 && s.words[t] != "to" && ctx.is_time_word(si, t) {
                t += 1;
            }
            // "agreed at a meeting in Manado, North Sulawesi, last week to hold": over
            // a phrase of place and time; "agreed with the UN refugee agency to
            // resume": over the partner the subject agreed with.
            if t < n
                && matches!(
                    s.words[t].as_str(),
                    "at" | "in" | "during" | "after" | "following" | "on" | "with"
                )
            {
                let partner = s.words[t] == "with";
                if let Some(to) = (t + 1..n.min(t + 16))
                    .take_while(|&j| {
                        // ("with Kenya and Uganda to build": a list of partners.)
                        let listed = partner && s.words[j] == "and" && s.capitalized(j + 1);
                        (listed
                            || !matches!(s.words[j].as_str(), "that" | ";" | "but" | "—" | "and"))
                            && lx.speech_verbs.match_at(&s.ids, j).is_none()
                    })
                    .find(|&j| s.words[j] == "to")
                {
                    t = to;
                }
            }
            // "agreed not to deploy", "agreed only to freeze": a promise to refrain
            // (see `event`), or a narrow one, is still a commitment.
            if s.words.get(t).is_some_and(|w| w == "not" || w == "only")
                && s.words.get(t + 1).is_some_and(|w| w == "to")
            {
                t += 1;
            }
            // "agreed to a second exchange", "had agreed to the deferral": what an
            // actor agrees to is its commitment — not the terms or talks others
            // put to it ("agreed to the talks", "agreed to their demands").
            let agreed_thing = || {
                s.words[k].starts_with("agree")
                    && s.words
                        .get(t + 1)
                        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the" | "its" | "their"))
                    && s.words.get(t + 2).is_some_and(|w| {
                        // ("a 60-day truce": a compound with a number too.)
                        let compound = w.chars().all(|c| c.is_ascii_digit())
                            && s.words.get(t + 3).is_some_and(|h| h == "-");
                        compound
                            || (!s.capitalized(t + 2)
                                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                                && !lx.function_words.contains(w))
                    })
            };
            // "agreed to jointly bid": past an adverb between "to" and the verb.
            let split = s.words.get(t + 1).is_some_and(|w| {
                w.len() > 4 && w.ends_with("ly") && !ctx.lexicon.stative_verbs.contains(w)
            }) && bare_verb_at(ctx, si, t + 2);
            let v = t + 1 + usize::from(split);
            if s.words.get(t).is_some_and(|w| w == "to")
                && (action_at(ctx, si, v).is_some()
                    || ((s.words[k].starts_with("agree") || s.words[k].starts_with("undert"))
                        && verb_after_modal_at(ctx, si, v))
                    || agreed_thing())
            {
                out.push(Cue::plain(k, v));
                k = v;
                continue;
            }
        }
        // "announced €1.6 billion in new pledges", "unveiled $500 million in aid"
        // "added €400 million in grants", "confirmed a further A$100 million"
        let further = |j: usize| {
            usize::from(
                matches!(
                    s.words.get(j).map(|w| w.as_str()),
                    Some("a" | "an" | "another")
                ) && matches!(
                    s.words.get(j + 1).map(|w| w.as_str()),
                    Some("further" | "additional" | "new" | "fresh")
                ),
            ) * 2
        };
        // "France followed on Monday with 1.2 billion euros": past the time.
        let verb = lx.amount_verbs.match_at(&s.ids, k).or_else(|| {
            // "Ottawa was also earmarking 640 million": an adverb inside the
            // progressive.
            if matches!(s.words[k].as_str(), "is" | "are" | "was" | "were")
                && s.words.get(k + 1).is_some_and(|w| lx.skippable.contains(w))
                && s.words.get(k + 2).is_some_and(|w| w.ends_with("ing"))
            {
                return lx.amount_verbs.match_at(&s.ids, k + 2).map(|l| l + 2);
            }
            if !matches!(s.words[k].as_str(), "followed" | "follows") {
                return None;
            }
            let with = (k + 1..(k + 5).min(n))
                .take_while(|&j| s.words[j] == "with" || ctx.is_time_word(si, j))
                .find(|&j| s.words[j] == "with")?;
            Some(with + 1 - k)
        });
        if let Some(len) = verb.filter(|&len| {
            let j = k + len;
            amount_in_object(ctx, si, j + further(j))
                || amount_in_object(ctx, si, j)
                || giving_to_named(ctx, si, k, j)
                || pledges_named(ctx, si, j)
        }) {
            out.push(Cue {
                agent: participle_subject(ctx, si, k).map(|m| (m.sentence, m.first)),
                ..Cue::plain(k, k + len)
            });
            k += 1;
            continue;
        }
        if let Some(cue) = agentless_passive(ctx, si, k, &reported) {
            k = cue.object.max(k + 1);
            out.push(cue);
            continue;
        }
        let modal = lx.future_modals.match_at(&s.ids, k).map(|l| (l, false));
        let modal = modal.or_else(|| {
            lx.reported_modals
                .match_at(&s.ids, k)
                .filter(|_| reported())
                .map(|len| (len, false))
        });
        let modal = modal.or_else(|| {
            matches!(s.words[k].as_str(), "could" | "may" | "might").then_some((1, true))
        });
        if let Some((len, hedged)) = modal {
            let obj =
                action_after_modal(ctx, si, k + len).or_else(|| vowed_action(ctx, si, k, k + len));
            if let Some(obj) = obj {
                out.push(Cue {
                    future: true,
                    hedged,
                    ..Cue::plain(k, obj)
                });
                k = obj;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// 'Doha “stands ready” to release funds', 'Korea “remains committed” to raising
/// its aid': a readiness or commitment quoted on its own, its "to" and action after
/// the closing quotation mark. The cue starts inside the quotation (where the
/// subject's verb group starts); the object is the action.
fn quoted_readiness(ctx: &Context, si: usize, k: usize) -> Option<Cue> {
    let s = &ctx.sentences[si];
    if !matches!(
        s.words[k].as_str(),
        "ready" | "committed" | "prepared" | "willing"
    ) || s
        .tokens
        .get(k + 1)
        .is_none_or(|t| t.kind != TokenKind::Quote)
        || s.words.get(k + 2).is_none_or(|w| w != "to")
    {
        return None;
    }
    let v = k + 3;
    if action_at(ctx, si, v).is_none() && !gerund_at(s, v) {
        return None;
    }
    // The opening mark, a few words back, and nothing but the verb group inside.
    let open = (k.saturating_sub(4)..k)
        .rev()
        .find(|&i| s.tokens[i].kind == TokenKind::Quote)?;
    let verb_group = (open + 1..k).all(|i| {
        ctx.lexicon.skippable.contains(&s.words[i])
            || matches!(
                s.words[i].as_str(),
                "stands"
                    | "stand"
                    | "remains"
                    | "remain"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "fully"
                    | "firmly"
                    | "still"
                    | "also"
            )
    });
    verb_group.then_some(Cue::plain(open + 1, v))
}

/// Is token `i` a lowercase gerund ("sending", "raising") that an action may take
/// after "to" ("commits the bloc to sending", "remains committed to raising")?
fn gerund_at(s: &Sentence, i: usize) -> bool {
    s.words
        .get(i)
        .is_some_and(|w| w.len() > 5 && w.ends_with("ing") && !s.capitalized(i))
}

/// The texts states and bodies sign ("an agreement", "a declaration of intent",
/// "a memorandum of understanding"), lowercased.
const SIGNED_TEXTS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "deals",
    "memorandum",
    "memoranda",
    "memorandums",
    "mou",
    "mous",
    "declaration",
    "accord",
    "contract",
    "contracts",
    "pact",
    "pacts",
    "protocol",
    "roadmap",
    "treaty",
    "framework",
    "arrangement",
    "charter",
    "letter",
];

/// "Kenya and Uganda signed an agreement to build a pipeline", "Britain and France
/// signed a declaration of intent in Paris in January to deploy troops": a signed
/// text whose purpose is an action commits its signers (the subject of "signed",
/// found as for any cue) — and a partner it was signed "with" ("Al Wajba Energy
/// signed a memorandum with CI-Energies to co-finance a plant": both). Not "signed
/// a letter to the council" (no action) nor "signed up to" (a commitment verb).
fn signed_to_act(ctx: &Context, si: usize, k: usize) -> Option<(Cue, Option<Cue>)> {
    let s = &ctx.sentences[si];
    let n = s.words.len();
    if !matches!(s.words[k].as_str(), "signed" | "signs" | "sign") || ctx.in_quote(si, k) {
        return None;
    }
    // The text: a determiner or number, then up to three modifiers before its noun
    // ("a defence cooperation agreement", "seven agreements").
    let mut j = k + 1;
    if s.words.get(j).is_some_and(|w| {
        matches!(
            w.as_str(),
            "a" | "an" | "the" | "two" | "three" | "four" | "five" | "six" | "seven" | "several"
        ) || w.starts_with(|c: char| c.is_ascii_digit())
    }) {
        j += 1;
    }
    let noun = (j..n.min(j + 4)).find(|&i| SIGNED_TEXTS.contains(&s.words[i].as_str()))?;
    if (j..noun).any(|i| !s.tokens[i].kind.eq(&TokenKind::Word) || s.words[i] == "to") {
        return None;
    }
    // "of intent", "of understanding", "of cooperation".
    let mut t = noun + 1;
    if s.words.get(t).is_some_and(|w| w == "of") && s.words.get(t + 2).is_some() {
        t += 2;
    }
    // Over a phrase of place, time or partner ("in Paris in January", "with
    // Ivorian state utility CI-Energies", "on Tuesday") to "to".
    let to = (t..n.min(t + 14))
        .take_while(|&i| {
            !matches!(
                s.words[i].as_str(),
                "," | ";" | "—" | "that" | "which" | "and"
            ) && s.tokens[i].kind != TokenKind::Quote
        })
        .find(|&i| s.words[i] == "to")?;
    let opens_phrase = |w: &str| matches!(w, "in" | "on" | "at" | "with" | "during" | "last");
    // ("signed a contract on Tuesday for Mitsubishi Heavy Industries to build":
    // the builder is another.)
    if to > t && !opens_phrase(&s.words[t]) && !ctx.is_time_word(si, t)
        || (t..to).any(|i| s.words[i] == "for")
    {
        return None;
    }
    let v = to + 1;
    if action_at(ctx, si, v).is_none() && !s.words.get(v).is_some_and(|w| w.starts_with("co-")) {
        return None;
    }
    let cue = |agent: Option<(usize, usize)>| Cue {
        agent,
        ..Cue::plain(k, v)
    };
    let partner = (t..to)
        .find(|&i| s.words[i] == "with")
        .and_then(|w| ctx.mention_after(si, w + 1))
        .filter(|m| {
            m.end <= to
                && !m.is_demonym()
                && matches!(
                    ctx.kind_of(m),
                    Some(EntityKind::Country | EntityKind::Organization)
                )
        })
        .map(|m| cue(Some((m.sentence, m.first))));
    Some((cue(None), partner))
}

/// "Qatar expressed its readiness to host the talks", "affirmed the State of
/// Qatar's readiness to host": a readiness (or willingness) to act that its holder
/// declares is a commitment. The holder is the possessor named before the noun, or
/// for "its/their/his/her" (or none: "expressed readiness to") the subject of the
/// declaring verb. Without a declaring verb ("thanked them for their readiness to
/// help") or a possessive ("signals any willingness") it is not.
fn declared_readiness(ctx: &Context, si: usize, k: usize) -> Option<Cue> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    if !matches!(
        s.words[k].as_str(),
        "readiness" | "willingness" | "preparedness"
    ) || k < 2
        || s.words.get(k + 1).is_none_or(|w| w != "to")
        || ctx.in_quote(si, k)
    {
        return None;
    }
    // 'their willingness to “receive with open arms”': past an opening quote.
    let object = if s
        .tokens
        .get(k + 2)
        .is_some_and(|t| t.kind == TokenKind::Quote)
    {
        k + 3
    } else {
        k + 2
    };
    if !bare_verb_at(ctx, si, object) {
        return None;
    }
    // "declared, however, its readiness": past a parenthetical adverb.
    let declared = |before: usize| {
        (before.saturating_sub(5)..before).rev().find(|&v| {
            lx.speech_verbs.match_at(&s.ids, v).is_some()
                || matches!(s.words[v].as_str(), "showed" | "shows" | "demonstrated")
        })
    };
    let cue = |at: usize, agent: Option<(usize, usize)>| Cue {
        agent,
        ..Cue::plain(at, object)
    };
    match s.words[k - 1].as_str() {
        "its" | "their" | "his" | "her" => {
            let mut b = k - 1;
            // "expressed its full readiness": one modifier.
            if matches!(s.words[b - 1].as_str(), "full" | "continued" | "strong") {
                b -= 1;
            }
            declared(b).map(|v| cue(v, None))
        }
        "'s" => {
            let owner = ctx.mention_ending(si, k - 1)?;
            let mut b = owner.first;
            if b > 0 && s.words[b - 1] == "the" {
                b -= 1;
            }
            declared(b)?;
            Some(cue(k, Some((si, owner.first))))
        }
        // "Kazakhstan expressed readiness to supply wheat".
        _ => declared(k).filter(|&v| v + 1 == k).map(|v| cue(v, None)),
    }
}

/// For "X promised that <clause>" (the clause starting at `from`): a cue for X's own
/// commitment when the clause's subject, up to its future modal, names no actor and
/// no government ("his government would", "the kingdom will" are the state's).
fn promise_without_actor(ctx: &Context, si: usize, k: usize, from: usize) -> Option<Cue> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    if !PROMISE_VERBS.contains(&s.words[k].as_str()) {
        return None;
    }
    let modal = (from..(from + 10).min(s.words.len())).find(|&j| {
        lx.future_modals.match_at(&s.ids, j).is_some()
            || lx.reported_modals.match_at(&s.ids, j).is_some()
    })?;
    let named = ctx
        .mentions_in(si)
        .iter()
        .any(|m| m.first >= from && m.first < modal);
    let pronoun_or_body = (from..modal).any(|j| {
        matches!(
            s.words[j].as_str(),
            "it" | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "government"
                | "administration"
                | "kingdom"
                | "country"
                | "ministry"
        )
    });
    if named || pronoun_or_body || modal == from {
        return None;
    }
    // "Koizumi had promised him that the first two vessels would be handed over":
    // what a passive promises is given by the promiser's state or body.
    let mut j = modal + lx.future_modals.match_at(&s.ids, modal).unwrap_or(1);
    while j < s.words.len() && lx.skippable.contains(&s.words[j]) {
        j += 1;
    }
    let passive = s.words.get(j).is_some_and(|w| w == "be");
    let agent = if passive {
        // ("He pledged that migrants would be taken only to official centres":
        // a pronoun that stands for a person.)
        let promiser = ctx.subjects_before(si, k).into_iter().find(|m| {
            !matches!(m.kind, MentionKind::Pronoun(_)) || ctx.kind_of(m) == Some(EntityKind::Person)
        })?;
        Some((promiser.sentence, promiser.first))
    } else {
        None
    };
    Some(Cue {
        at: k,
        object: from,
        future: true,
        hedged: false,
        agent,
        affiliation: passive,
        negated: false,
    })
}

/// "him", "her", "them", "us", "me": the one a promise is made to.
fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "us" | "me")
}

/// The length of the one promised to, at `j` before a "that": nothing (0), an
/// object pronoun ("promised him that"), or a lowercase noun with an optional
/// determiner ("promised delegates that", "assured the council that"). `None` when
/// no "that" follows so.
fn promisee_len(ctx: &Context, si: usize, j: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    let word = |k: usize| s.words.get(k).map(Word::as_str);
    let noun = |k: usize| {
        s.words.get(k).is_some_and(|w| {
            w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                && !ctx.lexicon.function_words.contains(w)
                && s.tokens[k].kind == crate::text::TokenKind::Word
                && ctx.text[s.tokens[k].span.start..].starts_with(|c: char| c.is_lowercase())
        })
    };
    let len = match word(j)? {
        "that" => return Some(0),
        w if is_object_pronoun(w) => 1,
        "the" | "his" | "her" | "its" | "their" | "our" if noun(j + 1) => 2,
        _ if noun(j) => 1,
        _ => return None,
    };
    (word(j + len) == Some("that")).then_some(len)
}

/// Is the clause opening at `open` what somebody promised ("promised (him) that
/// ...")? Then the promise, not the clause, says who commits.
fn promised_clause(ctx: &Context, si: usize, open: usize) -> bool {
    let s = &ctx.sentences[si];
    if open < 2 || s.words[open - 1] != "that" {
        return false;
    }
    (open.saturating_sub(4)..open - 1).any(|v| {
        PROMISE_VERBS.contains(&s.words[v].as_str())
            && promisee_len(ctx, si, v + 1).is_some_and(|len| v + 1 + len == open - 1)
    })
}

/// "Milei vowed that Argentina would meet its payments": inside a clause that
/// somebody vowed, promised or pledged, any verb after the modal at `modal` (its
/// verb at `j`) is the commitment, not only the actions of the lexicon. The
/// clause opens with "that" at most eight words before the modal, with no comma,
/// semicolon or quotation between.
fn vowed_action(ctx: &Context, si: usize, modal: usize, j: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    let that = (modal.saturating_sub(8)..modal)
        .rev()
        .take_while(|&t| {
            !matches!(s.words[t].as_str(), "," | ";") && s.tokens[t].kind != TokenKind::Quote
        })
        .find(|&t| s.words[t] == "that")?;
    (promised_clause(ctx, si, that + 1) && verb_after_modal_at(ctx, si, j)).then_some(j)
}

/// Verbs whose "that" clause is the subject's own commitment.
pub(super) const PROMISE_VERBS: &[&str] = &[
    "promised",
    "promising",
    "promises",
    "pledged",
    "pledging",
    "pledges",
    "vowed",
    "assured",
    "assures",
];

/// The actors named right before the participle at `k`, coordinated with "and" or
/// commas, past "each" or "both": "with the IsDB and the Kuwait Fund each
/// committing", "with Turkey offering".
fn with_agents<'a>(ctx: &Context<'a>, si: usize, k: usize) -> Vec<&'a Mention> {
    let s = &ctx.sentences[si];
    let mut j = k;
    while j > 0
        && matches!(
            s.words[j - 1].as_str(),
            "each" | "both" | "also" | "jointly"
        )
    {
        j -= 1;
    }
    let mut out = Vec::new();
    while let Some(m) = ctx.mention_ending(si, j).filter(|m| m.entity.is_some()) {
        out.push(m);
        // "with Gulf and European donors pledging": one unnamed collective.
        if ctx.kind_of(m) == Some(EntityKind::Group) {
            break;
        }
        let mut b = m.first;
        if b > 0 && s.words[b - 1] == "the" {
            b -= 1;
        }
        if b > 0 && matches!(s.words[b - 1].as_str(), "and" | ",") {
            j = b - 1;
            if j > 0 && s.words[j - 1] == "," {
                j -= 1;
            }
        } else {
            break;
        }
    }
    out
}

/// A commitment that names its committer itself, as a noun or a passive:
/// "Japan's pledge of five vessels", "a commitment from Tokyo to train 150 sailors",
/// "the commitment by the World Bank of US$1.5 billion", "$300 million was pledged
/// by Norway", "loans will be extended by JICA", "a grant offered by Ankara".
fn named_commitment(ctx: &Context, si: usize, k: usize) -> Option<Cue> {
    let s = &ctx.sentences[si];
    let w = s.words[k].as_str();
    let n = s.words.len();
    // Runs for every token: the word test first, the quotation scan only for cues.
    let noun = matches!(
        w,
        "pledge" | "commitment" | "promise" | "offer" | "contribution" | "donation"
    );
    let passive = matches!(
        w,
        "pledged"
            | "committed"
            | "promised"
            | "offered"
            | "extended"
            | "financed"
            | "funded"
            | "provided"
            | "granted"
            | "allocated"
            | "contributed"
            | "donated"
            | "earmarked"
            | "set"
            | "hosted"
    ) && (w != "set" || s.words.get(k + 1).is_some_and(|v| v == "aside"))
        // "The next round will be hosted by Malaysia": only a future hosting
        // (not "a dinner hosted by the emir").
        && (w != "hosted"
            || (k >= 2
                && s.words[k - 1] == "be"
                && matches!(s.words[k - 2].as_str(), "will" | "would")));
    if !(noun || passive) || ctx.in_quote(si, k) {
        return None;
    }
    let cue = |at: usize, object: usize, agent: &Mention| Cue {
        agent: Some((agent.sentence, agent.first)),
        ..Cue::plain(at, object)
    };
    let after_of = |j: usize| {
        if s.words.get(j).is_some_and(|w| w == "of" || w == "to") {
            j + 1
        } else {
            j
        }
    };
    // The noun must say what is committed ("pledge of", "commitment to"); a bare
    // "welcomed Japan's pledge" points back to a pledge reported elsewhere.
    let content_follows = |j: usize| {
        s.words
            .get(j)
            .is_some_and(|w| matches!(w.as_str(), "of" | "to" | "worth"))
    };
    if noun {
        // "Japan's pledge of", "Japan's new pledge of", "Washington's "ironclad"
        // commitment to": back over adjectives and quote marks.
        let mut j = k;
        while j > 0
            && k - j < 4
            && (s.tokens[j - 1].kind == crate::text::TokenKind::Quote
                || (!s.capitalized(j - 1)
                    && s.words[j - 1]
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-')
                    && !ctx.lexicon.function_words.contains(&s.words[j - 1])
                    && !matches!(s.words[j - 1].as_str(), "its" | "their" | "his" | "her")))
        {
            j -= 1;
        }
        if j > 1 && s.words[j - 1] == "'s" {
            if let Some(m) = ctx.mention_ending(si, j - 1) {
                return content_follows(k + 1).then(|| cue(k, after_of(k + 1), m));
            }
        }
        // "The presidents of Mercosur closed their summit with a pledge to speed up
        // ...": the subject's.
        // "... opened the pledging with a commitment of R200 million": the money
        // an official commits is the state's or the body's.
        let amount =
            s.words.get(k + 1).is_some_and(|w| w == "of") && amount_follows(ctx, si, k + 2);
        if j > 2
            && matches!(s.words[j - 1].as_str(), "a" | "an")
            && s.words[j - 2] == "with"
            && (s.words.get(k + 1).is_some_and(|w| w == "to") || amount)
        {
            let start = s.dateline;
            // The nearest clause subject before "with": "Carney says Canada will
            // spend ..., and Denmark has stepped forward with an offer to" is
            // Denmark's.
            let subject = ctx.mentions_in(si).iter().rev().find(|m| {
                m.first >= start
                    && m.end < j - 2
                    && !matches!(m.kind, MentionKind::Pronoun(_))
                    && ctx.kind_of(m) != Some(EntityKind::Group)
                    && ctx
                        .subjects_before(si, m.end)
                        .iter()
                        .any(|o| o.first == m.first)
            });
            if let Some(m) = subject {
                let mut c = cue(k, if amount { k + 2 } else { k + 1 }, m);
                c.affiliation = amount && ctx.kind_of(m) == Some(EntityKind::Person);
                return Some(c);
            }
        }
        // "Pakistan reaffirmed its commitment to a primary surplus": the subject of
        // the verb that renews it.
        if j > 1
            && matches!(s.words[j - 1].as_str(), "its" | "their" | "his" | "her")
            && ctx.lexicon.renewal_verbs.contains(&s.words[j - 2])
            && content_follows(k + 1)
        {
            if let Some(m) = ctx
                .subjects_before(si, j - 2)
                .into_iter()
                .find(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
            {
                return Some(cue(k, after_of(k + 1), m));
            }
        }
        // "a commitment from Tokyo to", "the commitment by the World Bank of"
        // and "the commitment of the Russian Federation to deliver".
        if s.words.get(k + 1).is_some_and(|w| w == "from" || w == "by")
            || (s.words.get(k + 1).is_some_and(|w| w == "of")
                && ctx
                    .mention_after(si, k + 2)
                    .is_some_and(|m| m.first <= k + 3 && m.entity.is_some()))
        {
            let m = ctx.mention_after(si, k + 2)?;
            return content_follows(m.end).then(|| cue(k, after_of(m.end), m));
        }
        return None;
    }
    // Passive: "[was|will be|is to be] pledged by X", or reduced ("offered by Ankara").
    // "set aside by" is one participle.
    let by = if w == "set" { k + 2 } else { k + 1 };
    if !passive || by >= n || s.words[by] != "by" {
        return None;
    }
    let m = ctx.mention_after(si, by + 1)?;
    // What was committed: the clause before the participle.
    let from = (0..k)
        .rev()
        .find(|&j| matches!(s.words[j].as_str(), "," | ";" | "—" | "-"))
        .map_or(s.dateline, |j| j + 1);
    Some(cue(k, from, m))
}

/// An agentless passive commitment: "the doses would be delivered", "a first
/// tranche will be released by March", "₹1,980 crore has been earmarked for the
/// solar park", "$150 million from the Gates Foundation is earmarked for polio".
/// The committer is named inside the passive's subject ("from the Gates
/// Foundation", "Japan's aid"), else it is the state or organization of the
/// sentence's one speaker ("the Indian envoy confirmed that ..."). With "by" the
/// passive names its agent and [`named_commitment`] reads it.
fn agentless_passive(
    ctx: &Context,
    si: usize,
    k: usize,
    reported: &dyn Fn() -> bool,
) -> Option<Cue> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    let n = s.words.len();
    let w = s.words[k].as_str();
    // Cheap test first: this runs for every token.
    let auxiliary = matches!(w, "has" | "have" | "had" | "is" | "are");
    let modal = if auxiliary {
        None
    } else {
        lx.future_modals
            .match_at(&s.ids, k)
            .or_else(|| (w == "would" && reported()).then_some(1))
    };
    if !auxiliary && modal.is_none() {
        return None;
    }
    let mut negated = false;
    let mut skip = |mut j: usize| {
        while j < n && j < k + 6 {
            let v = s.words[j].as_str();
            if matches!(v, "not" | "n't" | "never") {
                negated = true;
            } else if !(lx.skippable.contains(v) || (v.len() > 4 && v.ends_with("ly"))) {
                break;
            }
            j += 1;
        }
        j
    };
    let participle = match modal {
        Some(len) => {
            let j = skip(k + len);
            if s.words.get(j).is_none_or(|v| v != "be") {
                return None;
            }
            let j = skip(j + 1);
            lx.passive_commitments.match_at(&s.ids, j).map(|l| (j, l))
        }
        None => {
            let mut j = skip(k + 1);
            if matches!(w, "has" | "have" | "had") {
                if s.words.get(j).is_none_or(|v| v != "been") {
                    return None;
                }
                j = skip(j + 1);
            }
            lx.reserved_commitments.match_at(&s.ids, j).map(|l| (j, l))
        }
    };
    let (p, len) = participle?;
    let by_agent = s.words.get(p + len).is_some_and(|v| v == "by")
        && ctx
            .mention_after(si, p + len + 1)
            .is_some_and(|m| m.first <= p + len + 2 && m.entity.is_some());
    if by_agent || ctx.in_quote(si, k) {
        return None;
    }
    // The passive's subject: back to the clause opening ("that", a comma or dash, a
    // speech verb, the sentence start), over a parenthetical that ends right before
    // the auxiliary ("$150 million from the Foundation, to be paid over three years,
    // is earmarked").
    let mut end = k;
    if k > 0 && s.words[k - 1] == "," {
        end = (0..k - 1).rev().find(|&j| s.words[j] == ",").unwrap_or(k);
    }
    let open = (0..end)
        .rev()
        .find(|&j| {
            matches!(s.words[j].as_str(), "that" | "," | ";" | "—" | ":")
                || lx
                    .speech_verbs
                    .match_at(&s.ids, j)
                    .is_some_and(|l| j + l <= k)
        })
        .map_or(s.dateline, |j| {
            j + lx.speech_verbs.match_at(&s.ids, j).unwrap_or(1)
        });
    if open >= end || promised_clause(ctx, si, open) {
        return None;
    }
    // A subject that is a person or an actor is the one the action is done to
    // ("the prisoners would be released", "Moldova would be granted").
    if (open..k).any(|j| {
        matches!(
            s.words[j].as_str(),
            "he" | "she" | "they" | "we" | "i" | "them" | "prisoners" | "detainees" | "hostages"
        )
    }) {
        return None;
    }
    let mentions: Vec<&Mention> = ctx
        .mentions_in(si)
        .iter()
        .filter(|m| m.first >= open && m.end <= k && m.entity.is_some())
        .collect();
    // "X's tranche", "the tranche from X", and a state as adjective: "the $3bn Saudi
    // deposit".
    let adjective = |m: &Mention| {
        ctx.kind_of(m) == Some(EntityKind::Country)
            && s.tokens.get(m.end).is_some_and(|t| {
                t.kind == crate::text::TokenKind::Word
                    && ctx.text[t.span.start..t.span.end]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            })
    };
    let named = mentions.iter().find(|m| {
        adjective(m)
            || s.words.get(m.end).is_some_and(|v| v == "'s")
            || (m.first > 0 && s.words[m.first - 1] == "from")
            || (m.first > 1 && s.words[m.first - 1] == "the" && s.words[m.first - 2] == "from")
    });
    if named.is_none() && !mentions.is_empty() {
        return None;
    }
    // "the UAE had conveyed that its $2bn would be extended": "its" is the one who
    // conveyed it, not the reporter of the sentence.
    let possessor = (open..k).find(|&j| matches!(s.words[j].as_str(), "its" | "their"));
    let owner = match possessor {
        Some(j) if named.is_none() => Some(reporting_speaker(ctx, si, j)?),
        _ => None,
    };
    let named = named.copied().or(owner);
    // Somebody else's hope or demand frames it: not a pledge.
    if (0..open).any(|j| {
        lx.non_commitment_frames.match_at(&s.ids, j).is_some() && !closed_question(s.words, j, open)
    }) {
        return None;
    }
    let (agent, affiliation) = match named {
        Some(m) => (m, false),
        None => (sole_speaker(ctx, si)?, true),
    };
    Some(Cue {
        at: k,
        object: open,
        future: modal.is_some(),
        hedged: false,
        agent: Some((agent.sentence, agent.first)),
        affiliation,
        negated,
    })
}

/// After a modal: skip adverbs, negation, quote marks and "be ready to"; find an action.
fn action_after_modal(ctx: &Context, si: usize, mut j: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    let mut steps = 0;
    while j < s.words.len() && steps < 4 {
        if action_at(ctx, si, j).is_some() {
            return Some(j);
        }
        let w = s.words[j].as_str();
        // "Berlin will, however, keep its support": past a parenthetical adverb.
        if w == "," {
            if let Some(close) = (j + 1..(j + 4).min(s.words.len())).find(|&k| s.words[k] == ",") {
                let adverbs = (j + 1..close).all(|k| {
                    let a = s.words[k].as_str();
                    !s.capitalized(k)
                        && (a.ends_with("ly")
                            || lx.skippable.contains(a)
                            || matches!(
                                a,
                                "however"
                                    | "though"
                                    | "too"
                                    | "in"
                                    | "turn"
                                    | "return"
                                    | "exchange"
                                    | "addition"
                                    | "principle"
                                    | "the"
                                    | "meantime"
                                    | "for"
                                    | "its"
                                    | "part"
                                    | "their"
                                    | "his"
                                    | "her"
                            ))
                });
                if adverbs && close > j + 1 {
                    j = close + 1;
                    continue;
                }
            }
        }
        // "will more than double": past the comparison.
        if w == "more" && s.words.get(j + 1).is_some_and(|w| w == "than") {
            j += 2;
            steps += 1;
            continue;
        }
        // "would in any case keep up its support", "would in the meantime send":
        // past the adverbial.
        if w == "in"
            && s.words
                .get(j + 1)
                .is_some_and(|w| matches!(w.as_str(), "any" | "the"))
            && s.words
                .get(j + 2)
                .is_some_and(|w| matches!(w.as_str(), "case" | "event" | "meantime" | "interim"))
        {
            j += 3;
            continue;
        }
        // 'would "pursue both connections in parallel"': past a quotation mark
        // that opens at the verb.
        if ctx.sentences[si].tokens[j].kind == TokenKind::Quote && steps == 0 {
            j += 1;
            continue;
        }
        // "would be ready to host", "will be prepared to send": past the
        // declared readiness to the action.
        if w == "be"
            && s.words
                .get(j + 1)
                .is_some_and(|r| matches!(r.as_str(), "ready" | "prepared" | "willing"))
            && s.words.get(j + 2).is_some_and(|t| t == "to")
        {
            j += 3;
            continue;
        }
        // "will make its rail network available"
        if w == "make" && (j + 1..(j + 7).min(s.words.len())).any(|k| s.words[k] == "available") {
            return Some(j);
        }
        let skip = lx.skippable.contains(w)
            || (w.len() > 4 && w.ends_with("ly") && !lx.stative_verbs.contains(w))
            || matches!(
                w,
                "not" | "n't" | "never" | "each" | "jointly" | "also" | "now" | "soon"
            )
            || s.tokens[j].kind == crate::text::TokenKind::Quote
            || lx.has(&lx.hedges, w);
        if !skip {
            // Any other verb commits ("would reintroduce", "will fast-track"); verbs
            // of state or outcome do not ("will remain", "would face").
            // "will fully meet its obligations", "would meet its capability targets".
            let obliged = || {
                matches!(w, "meet" | "reach" | "cover" | "do")
                    && (j + 1..(j + 5).min(s.words.len()))
                        .take_while(|&k| !matches!(s.words[k].as_str(), "," | "." | "and" | ";"))
                        .any(|k| lx.obligation_nouns.contains(&s.words[k]))
            };
            // "would work closely with Seoul", "will work together": cooperation.
            let cooperates = || {
                w == "work"
                    && (j + 1..(j + 4).min(s.words.len()))
                        .any(|k| matches!(s.words[k].as_str(), "with" | "together" | "jointly"))
            };
            // "will lead a reassurance force", "would lead the reconstruction
            // effort" (not "would lead to higher prices", "will lead the
            // delegation": a role, not a commitment).
            let leads = || {
                w == "lead"
                    && (j + 1..(j + 6).min(s.words.len())).any(|k| {
                        matches!(
                            s.words[k].as_str(),
                            "force"
                                | "forces"
                                | "mission"
                                | "coalition"
                                | "brigade"
                                | "battalion"
                                | "contingent"
                                | "operation"
                                | "effort"
                                | "efforts"
                                | "initiative"
                                | "reconstruction"
                                | "cell"
                                | "team"
                                | "taskforce"
                                | "programme"
                                | "program"
                                | "project"
                        )
                    })
            };
            return (verb_after_modal_at(ctx, si, j)
                && !hope_or_duration(ctx, si, j)
                && (!lx.stative_verbs.contains(w) || obliged() || cooperates() || leads()))
            .then_some(j);
        }
        j += 1;
        steps += 1;
    }
    None
}

/// Does the object at `j` give an amount of money: right away ("€1.6 billion"), after
/// its article ("a $500 million package"), or as what a noun phrase is worth ("a
/// joint Nordic package worth $500 million", "a loan of $2 billion")?
pub(super) fn amount_in_object(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    if amount_follows(ctx, si, j) || forces_follow(ctx, si, j) {
        return true;
    }
    if !s
        .words
        .get(j)
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the" | "its" | "their"))
    {
        return false;
    }
    // "a $500 million package", "a 150 million euro loan".
    if amount_follows(ctx, si, j + 1) {
        return true;
    }
    let end = (j + 8).min(s.words.len());
    for k in j + 1..end {
        match s.words[k].as_str() {
            // "a line of credit worth ₹3,450 crore": past an "of" that gives no
            // amount.
            "of" if amount_follows(ctx, si, k + 1) => return true,
            "worth" | "totalling" | "totaling" => return amount_follows(ctx, si, k + 1),
            "valued" if s.words.get(k + 1).is_some_and(|w| w == "at") => {
                return amount_follows(ctx, si, k + 2)
            }
            "," | ";" | "." | "and" | "to" | "for" => return false,
            _ => {}
        }
    }
    false
}

/// A counted contingent at `j`: "300 troops", "two helicopters", "1,200
/// soldiers" — not a count that something happened to ("300 soldiers were
/// killed").
fn forces_follow(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    let Some(w) = s.words.get(j) else {
        return false;
    };
    let counted = w.parse::<f64>().is_ok()
        || (w.contains(',') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        || matches!(
            w.as_str(),
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozens"
        );
    if !counted {
        return false;
    }
    (j + 1..(j + 4).min(s.words.len())).any(|k| {
        ctx.lexicon.force_nouns.contains(&s.words[k])
            && !s.words.get(k + 1).is_some_and(|n| {
                matches!(
                    n.as_str(),
                    "were" | "was" | "had" | "have" | "are" | "died" | "killed" | "wounded"
                )
            })
    })
}

/// Is there an amount of money right after `j` ("€1.6 billion", "$500 million")?
fn amount_follows(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    let window: Vec<&str> = s.words.iter().skip(j).take(4).map(Word::as_str).collect();
    let currency = window.first().is_some_and(|w| {
        matches!(
            *w,
            "$" | "€" | "£" | "¥" | "₹" | "us$" | "c$" | "a$" | "usd" | "eur" | "rs" | "inr"
        )
    }) || (window.get(1) == Some(&"$")
        && window
            .first()
            .is_some_and(|w| matches!(*w, "a" | "c" | "us" | "nz" | "hk" | "s")));
    let scale = window.iter().any(|w| {
        matches!(
            *w,
            "billion" | "million" | "bn" | "trillion" | "tn" | "crore" | "lakh" | "mln" | "bln"
        )
    });
    // "R200 million", "Sh4 billion": a currency letter or two written onto the number.
    let prefixed = |w: &str| {
        let digits = w.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        w.len() - digits.len() <= 3 && !digits.is_empty() && digits.parse::<f64>().is_ok()
    };
    let number = window
        .iter()
        .take(3)
        .any(|w| w.parse::<f64>().is_ok() || w.contains(',') || prefixed(w));
    (currency || number) && scale
}

/// "Germany is sending another Patriot system to Ukraine": a giving in the
/// present progressive ("is sending", "are providing"), from the cue at `k` with
/// its object at `j`, commits when it names a state or organization that receives
/// it — without one ("is sending troops to the border") it reports a movement.
fn giving_to_named(ctx: &Context, si: usize, k: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    if !matches!(s.words[k].as_str(), "is" | "are") {
        return false;
    }
    let end = object_end(ctx, si, j);
    // "Washington is sending the first four boats before the end of August",
    // "Australia is sending a frigate in December": a delivery still to come.
    if future_time_in(s, j, end) {
        return true;
    }
    ctx.mentions_in(si).iter().any(|m| {
        m.first > j
            && m.end <= end
            && matches!(
                ctx.kind_of(m),
                Some(EntityKind::Country | EntityKind::Organization)
            )
            && matches!(s.words[m.first - 1].as_str(), "to" | "for")
    })
}

/// Does tokens `from..to` of `s` name a time still to come ("next year", "in
/// December", "before the end of August", "by June", "in the coming weeks")?
fn future_time_in(s: &Sentence, from: usize, to: usize) -> bool {
    let month =
        |k: usize| s.words.get(k).is_some_and(|w| super::dates::is_month(w)) && s.capitalized(k);
    (from..to.min(s.words.len())).any(|k| match s.words[k].as_str() {
        "next" | "coming" => true,
        "in" | "by" => month(k + 1),
        "before" => {
            month(k + 1)
                || (s.words.get(k + 1).is_some_and(|w| w == "the")
                    && s.words.get(k + 2).is_some_and(|w| w == "end"))
        }
        _ => false,
    })
}

/// "announced smaller packages", "unveiled new pledges": an object that names
/// pledges, packages or contributions (within three words from `j`) stands for
/// an amount the text does not give.
fn pledges_named(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    (j..(j + 3).min(s.words.len()))
        .take_while(|&k| !s.capitalized(k) && s.words[k].chars().all(char::is_alphabetic))
        .any(|k| {
            matches!(
                s.words[k].as_str(),
                "pledges" | "packages" | "contributions" | "commitments"
            )
        })
}

/// "Japan, Denmark and the Netherlands made smaller pledges", "Germany made the
/// largest single pledge": making a pledge, commitment or contribution is
/// pledging (the noun within four words of "made"). Not "made no pledge" (a
/// negation the modality reads) and not a pledge made to the subject ("made
/// them a promise" has a pronoun first).
fn made_pledges(ctx: &Context, si: usize, k: usize) -> Option<Cue> {
    let s = &ctx.sentences[si];
    if !matches!(s.words[k].as_str(), "made" | "makes" | "make") || ctx.in_quote(si, k) {
        return None;
    }
    let noun = (k + 1..(k + 5).min(s.words.len()))
        .take_while(|&j| !s.capitalized(j) && s.words[j].chars().all(char::is_alphabetic))
        .find(|&j| {
            matches!(
                s.words[j].as_str(),
                "pledge"
                    | "pledges"
                    | "commitment"
                    | "commitments"
                    | "contribution"
                    | "contributions"
            )
        })?;
    if (k + 1..noun).any(|j| is_object_pronoun(&s.words[j])) {
        return None;
    }
    // "made the largest pledge, announcing €180 million": the participle names
    // what was pledged (`participle_subject`).
    if s.words.get(noun + 1).is_some_and(|w| w == ",")
        && ctx
            .lexicon
            .amount_verbs
            .match_at(&s.ids, noun + 2)
            .is_some()
    {
        return None;
    }
    Some(Cue::plain(k, noun + 1))
}

/// "Germany made the largest single pledge, announcing €180 million": a
/// participle after the comma that closes a main clause commits that clause's
/// subject — the actor that opens the sentence, when no other actor, comma or
/// quotation stands between it and the participle.
fn participle_subject<'a>(ctx: &Context<'a>, si: usize, k: usize) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    if k < 3 || s.words[k - 1] != "," || !s.words[k].ends_with("ing") {
        return None;
    }
    let ms = ctx.mentions_in(si);
    let first = ms.first()?;
    let opens = first.first == 0 || (first.first == 1 && s.words[0] == "the");
    let alone = ms.iter().skip(1).all(|m| m.first >= k)
        && (first.end..k - 1).all(|j| s.words[j] != "," && s.tokens[j].kind != TokenKind::Quote);
    (opens
        && alone
        && first.entity.is_some()
        && matches!(
            ctx.kind_of(first),
            Some(EntityKind::Country | EntityKind::Organization)
        ))
    .then_some(first)
}

fn action_at(ctx: &Context, si: usize, j: usize) -> Option<usize> {
    let ids = &ctx.sentences[si].ids;
    ctx.lexicon
        .commitment_actions
        .match_at(ids, j)
        .filter(|_| !hope_or_duration(ctx, si, j))
        .or_else(|| ctx.lexicon.threat_actions.match_at(ids, j))
        .or_else(|| made_gift(ctx, si, j).then_some(1))
}

/// "would welcome a ceasefire", "would welcome help from anyone": a hope, where
/// "will welcome 20,000 refugees" takes people in. "Welcome" at token `j` is an
/// action only with a number or people right after it. And "would take time",
/// "will take years": how long, not what anyone does.
fn hope_or_duration(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    if s.words[j] == "take" {
        return s.words.get(j + 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "time" | "longer" | "years" | "months" | "weeks" | "decades" | "days"
            )
        });
    }
    if s.words[j] != "welcome" {
        return false;
    }
    let upto = (j + 6).min(s.words.len());
    !s.words[j + 1..upto].iter().any(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w.as_str(),
                "refugees"
                    | "migrants"
                    | "asylum"
                    | "evacuees"
                    | "families"
                    | "children"
                    | "students"
                    | "patients"
                    | "workers"
                    | "people"
                    | "troops"
                    | "ships"
                    | "vessels"
            )
    })
}

/// ", with Spain's Interior Ministry to run training", ", with Qatar to host the
/// next round": after a comma, "with", a state or body (its mention starting
/// right after "with" or "with the") and "to" before an action: the cue, its
/// agent that actor.
fn with_actor_to_act(ctx: &Context, si: usize, with: usize) -> Option<Cue> {
    let s = &ctx.sentences[si];
    if with == 0 || s.words[with - 1] != "," || ctx.in_quote(si, with) {
        return None;
    }
    let m = ctx.mention_after(si, with + 1)?;
    let start = if s.words.get(with + 1).is_some_and(|w| w == "the") {
        with + 2
    } else {
        with + 1
    };
    // "with Spain's Interior Ministry to": past the state's body.
    let mut to = m.end;
    if s.words.get(to).is_some_and(|w| w == "'s") {
        to += 1;
        while to < m.end + 5 && s.capitalized(to) {
            to += 1;
        }
    }
    if m.first != start
        || !matches!(
            ctx.kind_of(m),
            Some(EntityKind::Country | EntityKind::Organization)
        )
        || s.words.get(to).is_none_or(|w| w != "to")
    {
        return None;
    }
    if action_at(ctx, si, to + 1).is_none() && !bare_verb_at(ctx, si, to + 1) {
        return None;
    }
    Some(Cue {
        future: true,
        agent: Some((m.sentence, m.first)),
        ..Cue::plain(with, to + 1)
    })
}

/// Does the sentence open (after its dateline) with the terms of a deal: "Under
/// the agreement,", "Under the arrangement described by the officials,"?
fn under_terms(s: &Sentence) -> bool {
    let w = |k: usize| s.words.get(s.dateline + k).map_or("", |w| w.as_str());
    w(0) == "under"
        && matches!(w(1), "the" | "a" | "an" | "its" | "their" | "this" | "that")
        && (2..4).any(|k| {
            matches!(
                w(k),
                "deal"
                    | "agreement"
                    | "arrangement"
                    | "understanding"
                    | "accord"
                    | "accords"
                    | "plan"
                    | "text"
                    | "memorandum"
                    | "roadmap"
                    | "package"
                    | "proposal"
                    | "terms"
                    | "pact"
                    | "compact"
                    | "programme"
                    | "program"
                    | "framework"
                    | "deals"
                    | "agreements"
            )
        })
}

/// "will make its first loan contribution", "would make a $20 million
/// donation": making a gift names the action by its noun, within four
/// lowercase words.
fn made_gift(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    if s.words.get(j).is_none_or(|w| w != "make") {
        return false;
    }
    (j + 1..(j + 6).min(s.words.len()))
        .take_while(|&k| !matches!(s.words[k].as_str(), "," | "." | ";" | "to" | "for" | "of"))
        .any(|k| {
            matches!(
                s.words[k].as_str(),
                "contribution"
                    | "contributions"
                    | "donation"
                    | "donations"
                    | "payment"
                    | "payments"
                    | "deposit"
                    | "investment"
                    | "investments"
                    | "grant"
                    | "loan"
            )
        })
}

/// Does a verb in its base form stand at `j`? After "agreed to" any action is a
/// commitment ("agreed to fast-track the line", "agreed to meet again"), so this
/// guesses from the word's shape instead of asking the action lexicon: a lowercase
/// word that is no determiner or pronoun and does not look like a noun ("agreed to
/// a ceasefire", "agreed to talks", "agreed to its demands" are not verbs).
fn bare_verb_at(ctx: &Context, si: usize, j: usize) -> bool {
    let s = &ctx.sentences[si];
    let (Some(w), Some(tok)) = (s.words.get(j), s.tokens.get(j)) else {
        return false;
    };
    let text = &ctx.text[tok.span.start..tok.span.end];
    let lowercase = text.chars().next().is_some_and(char::is_lowercase);
    // "co-finance", "re-open", "cofinance": a prefixed action.
    let stem = w.rsplit('-').next().unwrap_or(w);
    let stem = ["co", "re"]
        .iter()
        .find_map(|p| stem.strip_prefix(p).filter(|r| r.len() > 3))
        .unwrap_or(stem);
    if ctx.lexicon.has(&ctx.lexicon.commitment_actions, stem) {
        return tok.kind == crate::text::TokenKind::Word;
    }
    let noun_shaped = (w.ends_with('s') && !w.ends_with("ss"))
        || ["tion", "ment", "ness", "ity", "ance", "ence", "ism", "ship"]
            .iter()
            .any(|end| w.ends_with(end));
    lowercase
        && tok.kind == crate::text::TokenKind::Word
        && !noun_shaped
        && !ctx.lexicon.function_words.contains(w)
        && !matches!(w.as_str(), "disagree" | "differ")
}

/// Does a verb in its base form stand at `j`, right after a modal? As
/// [`bare_verb_at`], except that "-ance" and "-ence" words are verbs there ("would
/// advance the target", "will refinance the loan"): a modal takes no such noun.
fn verb_after_modal_at(ctx: &Context, si: usize, j: usize) -> bool {
    bare_verb_at(ctx, si, j)
        || ctx.sentences[si].words.get(j).is_some_and(|w| {
            (w.ends_with("ance") || w.ends_with("ence"))
                && ctx.sentences[si].tokens[j].kind == crate::text::TokenKind::Word
                && ctx.text[ctx.sentences[si].tokens[j].span.start..]
                    .starts_with(|c: char| c.is_lowercase())
        })
}

/// Is the action at `j` a threat ("retaliate", "respond", "strike")?
fn threat_at(ctx: &Context, si: usize, j: usize) -> bool {
    let words = &ctx.sentences[si].words;
    let j = if words.get(j).is_some_and(|w| w == "to") {
        j + 1
    } else {
        j
    };
    // "would hold the Houthis accountable": a threat around its object.
    let holds_to_account = words.get(j).is_some_and(|w| w == "hold")
        && words
            .iter()
            .skip(j + 1)
            .take(5)
            .any(|w| w == "accountable" || w == "responsible");
    holds_to_account
        || ctx
            .lexicon
            .threat_actions
            .match_at(&ctx.sentences[si].ids, j)
            .is_some()
}

/// "new pledges", "the promise", "its commitment": a noun, not a verb.
fn is_noun_use(ctx: &Context, si: usize, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let s = &ctx.sentences[si];
    let prev = s.words[k - 1].as_str();
    let w = s.words[k].as_str();
    if matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "new"
            | "these"
            | "those"
            | "such"
            | "of"
            | "in"
            | "similar"
            | "earlier"
            | "previous"
            | "fresh"
            | "'s"
            | "our"
            | "my"
            | "your"
            | "total"
            | "this"
            | "that"
            | "with"
            | "firm"
            | "any"
    ) {
        return true;
    }
    // "pledge"/"promise"/"offer" bare forms need a subject right before ("we pledge").
    matches!(
        w,
        "pledge" | "promise" | "offer" | "commit" | "vow" | "pledges" | "promises" | "offers"
    ) && !matches!(
        prev,
        "we" | "i" | "they" | "to" | "will" | "would" | "shall" | "also"
    ) && ctx.mention_ending(si, k).is_none()
        // "the government pledges to suspend ...": a government noun's verb.
        && !(is_government_noun(prev)
            && k >= 2
            && s.words[k - 2] == "the"
            && s.words.get(k + 1).is_some_and(|w| w == "to"))
}

/// The committers of the cue at `at`: its subjects, through "it/he/they" back to the
/// speaker of a reported clause ("Japan said it would send").
fn committers<'a>(ctx: &Context<'a>, si: usize, at: usize) -> Vec<&'a Mention> {
    let subjects = ctx.subjects_before(si, at);
    if subjects.is_empty() {
        // "Egypt, which has pledged 1,100 troops": the relative clause's antecedent.
        let s = &ctx.sentences[si];
        let mut j = at;
        while j > 0 && ctx.lexicon.skippable.contains(&s.words[j - 1]) {
            j -= 1;
        }
        // "the Houthis had assured him they would grant access": the pronoun is the
        // one who gave the assurance.
        if j >= 1 && matches!(s.words[j - 1].as_str(), "they" | "he" | "she" | "it" | "we") {
            if let Some(giver) = assurance_giver(ctx, si, j - 1) {
                return vec![giver];
            }
        }
        // "Turkish coast guard vessels would begin patrols": a state's forces,
        // named by its demonym, commit the state.
        let forces = demonym_forces(ctx, si, j);
        if !forces.is_empty() {
            return forces;
        }
        // "Japan said (on Monday) (that) it would send troops": the speaker, when the
        // pronoun fits it ("it" a state or body, "he"/"she" a person).
        if let Some(sp) = j.checked_sub(1).and_then(|p| pronoun_speaker(ctx, si, p)) {
            return vec![sp];
        }
        // "Transport ministers of Azerbaijan, Kazakhstan, Georgia and Türkiye signed
        // a roadmap under which their countries undertook to": the states listed
        // before in the sentence.
        if j >= 2
            && s.words[j - 2] == "their"
            && matches!(
                s.words[j - 1].as_str(),
                "countries" | "governments" | "nations" | "states"
            )
        {
            let list = listed_states_before(ctx, si, j - 2);
            if list.len() >= 2 {
                return list;
            }
        }
        // "France and Germany said they would co-finance it", "the two sides said
        // they would": "they" is the plural subject of the verb that reports it —
        // never one person.
        if j >= 1 && s.words[j - 1] == "they" && !ctx.in_quote(si, j - 1) {
            if let Some(verb) = reporting_verb(ctx, si, j - 1) {
                let mut subjects = ctx.subjects_before(si, verb);
                // "the ministers of Britain, France and Germany welcomed the talks and
                // said they stood ready to": the subject of the speech verb the
                // reporting one is coordinated with.
                if subjects.is_empty() && verb >= 1 && s.words[verb - 1] == "and" {
                    let before = (0..verb - 1).rev().find(|&k| {
                        !ctx.in_quote(si, k)
                            && ctx.lexicon.speech_verbs.match_at(&s.ids, k).is_some()
                    });
                    if let Some(k) = before {
                        subjects = ctx.subjects_before(si, k);
                    }
                }
                let plural = subjects.len() > 1
                    || subjects.first().is_some_and(|m| {
                        !matches!(m.kind, MentionKind::Pronoun(_))
                            && ctx.kind_of(m) != Some(EntityKind::Person)
                    });
                if plural {
                    return subjects;
                }
            }
        }
        if j >= 2 && matches!(s.words[j - 1].as_str(), "which" | "who") && s.words[j - 2] == "," {
            return ctx.mention_ending(si, j - 2).into_iter().collect();
        }
        // "X urged both governments to step back and offered to host talks": a
        // commitment verb coordinated with a speech verb shares its subject.
        if j >= 1
            && matches!(s.words[j - 1].as_str(), "and" | "but")
            && ctx.lexicon.commitment_verbs.match_at(&s.ids, at).is_some()
        {
            let verb = (0..j - 1).rev().find(|&k| {
                !ctx.in_quote(si, k) && ctx.lexicon.speech_verbs.match_at(&s.ids, k).is_some()
            });
            // Not inside the reported clause ("told the council that Doha would
            // ... and had offered to"): that clause has its own subject.
            let reported = verb.is_some_and(|v| (v..j - 1).any(|k| s.words[k] == "that"));
            if let Some(v) = verb.filter(|_| !reported) {
                let subjects = ctx.subjects_before(si, v);
                if subjects.len() == 1 {
                    return subjects;
                }
            }
        }
        // "... that the United States “welcomes the plan” and will provide $25
        // million": the subject of the clause the predicate is coordinated with —
        // the nearest actor that starts a clause ("that X", ", X", sentence start).
        // "The AU, the EAC and Qatar signed as guarantors, and each undertook to":
        // after a comma only with "each" or "both" before the verb.
        let distributive = (j..at).any(|k| matches!(s.words[k].as_str(), "each" | "both"));
        // "... that his government had opened 41 centres and would add 20": the
        // government's, found by `home_government`.
        if government_clause_before_and(ctx, si, j).is_some() {
            return Vec::new();
        }
        // ("Poland will not put troops in Ukraine but will act as the logistics
        // base": "but" coordinates a predicate the same way, after a comma too.)
        let but = j >= 1 && s.words[j - 1] == "but";
        if j >= 1
            && (s.words[j - 1] == "and" || but)
            && (j < 2 || s.words[j - 2] != "," || distributive || but)
        {
            let start = s.dateline;
            let subject = ctx
                .mentions_in(si)
                .iter()
                .rev()
                .filter(|m| m.end < j - 1 && m.entity.is_some())
                .find(|m| {
                    let h = m.head_first();
                    let mut b = h;
                    if b >= 1 && s.words[b - 1] == "the" {
                        b -= 1;
                    }
                    // "that X", "that the X", and "said (the) X" with "that" left out.
                    b <= start
                        || (b >= 1 && s.words[b - 1] == "that")
                        || (b >= 1
                            && !ctx.in_quote(si, b - 1)
                            && ctx.lexicon.speech_verbs.match_at(&s.ids, b - 1) == Some(1))
                });
            if let Some(m) = subject {
                let between_has_verb = (m.end..j - 1).any(|k| {
                    !ctx.in_quote(si, k) && ctx.lexicon.speech_verbs.match_at(&s.ids, k).is_some()
                });
                if !between_has_verb {
                    // A coordinated subject at the sentence start shares the verb:
                    // "Germany and France signed ... and each undertook".
                    let mut list = vec![m];
                    for n in ctx.mentions_in(si) {
                        let last = list[list.len() - 1];
                        let h = n.head_first();
                        // ", the Republic of Uganda and": a state's formal style
                        // may stand outside its mention.
                        let joined = h > last.end
                            && h <= last.end + 5
                            && (last.end..h).all(|k| {
                                matches!(
                                    s.words[k].as_str(),
                                    "," | "and" | "the" | "republic" | "of" | "kingdom" | "state"
                                )
                            });
                        if joined && n.entity.is_some() {
                            list.push(n);
                        }
                    }
                    // Only a list that ends at its verb, with "and" before its last.
                    let last = list[list.len() - 1];
                    let coordinated = list.len() > 1
                        && (list[list.len() - 2].end..last.head_first())
                            .any(|k| s.words[k] == "and")
                        && ctx.mention_starting(si, last.end).is_none();
                    if coordinated {
                        return list;
                    }
                    return vec![m];
                }
            }
            // "The IDB said that it “remains committed” and will send a mission":
            // the clause's subject is a pronoun for the one who reports it.
            if let Some(sp) = reported_pronoun_before_and(ctx, si, j - 1) {
                return vec![sp];
            }
        }
    }
    let mut out = Vec::new();
    for m in subjects {
        match m.kind {
            MentionKind::Pronoun(Pronoun::We) | MentionKind::Pronoun(Pronoun::They) => {}
            // "Nigeria pledges 1,200 soldiers. It also commits ...": resolved as the
            // previous sentence's subject.
            MentionKind::Pronoun(Pronoun::It) if m.first == 0 && m.entity.is_some() => out.push(m),
            MentionKind::Pronoun(Pronoun::It) | MentionKind::Pronoun(Pronoun::I) => {
                // "it" and "I" only as the speaker of the same sentence: first the
                // one whose speech verb introduces "it" ("The ADB said it would ...,
                // she added"), else the sentence's speaker.
                let introducing = reporting_speaker(ctx, si, m.first)
                    .filter(|sp| ctx.kind_of(sp) != Some(EntityKind::Person));
                if let Some(sp) = introducing.or_else(|| speaker_mention(ctx, si, m)) {
                    out.push(sp);
                }
            }
            _ => out.push(m),
        }
    }
    out
}

/// For a predicate coordinated by the "and" at `and` with a reported clause whose
/// subject is a pronoun ("X said that it remains committed and will send"): the
/// speaker the pronoun stands for ("it" a state or body, "he"/"she" a person).
/// Nothing when another speech verb or clause opener comes between.
fn reported_pronoun_before_and<'a>(
    ctx: &Context<'a>,
    si: usize,
    and: usize,
) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    let k = (and.saturating_sub(20)..and)
        .rev()
        .find(|&k| matches!(s.words[k].as_str(), "it" | "he" | "she"))?;
    let opens = k >= 1
        && (s.words[k - 1] == "that"
            || ctx.lexicon.speech_verbs.match_at(&s.ids, k - 1) == Some(1));
    // (The pronoun's own verb may be one of speech: "said that it welcomed the
    // invitation and would send".)
    let plain = (k + 1..and).all(|q| {
        !matches!(s.words[q].as_str(), "that" | "which" | "who" | ";")
            && (q == k + 1 || ctx.lexicon.speech_verbs.match_at(&s.ids, q).is_none())
    });
    if !opens || !plain || ctx.in_quote(si, k) {
        return None;
    }
    pronoun_speaker(ctx, si, k)
}

/// For "it", "he" or "she" at token `p` that opens a reported clause: the one
/// who reports it, when the pronoun fits ("it" a state or body, "he"/"she" a
/// person).
fn pronoun_speaker<'a>(ctx: &Context<'a>, si: usize, p: usize) -> Option<&'a Mention> {
    let w = ctx.sentences[si].words[p].as_str();
    if !matches!(w, "it" | "he" | "she") {
        return None;
    }
    let sp = reporting_speaker(ctx, si, p)?;
    let person = ctx.kind_of(sp) == Some(EntityKind::Person);
    (person == (w != "it")).then_some(sp)
}

/// The last coordinated list of states ("Azerbaijan, Kazakhstan, Georgia and
/// Türkiye") that ends before token `before` of sentence `si`: their mentions, or
/// nothing.
fn listed_states_before<'a>(ctx: &Context<'a>, si: usize, before: usize) -> Vec<&'a Mention> {
    let s = &ctx.sentences[si];
    let states: Vec<&Mention> = ctx
        .mentions_in(si)
        .iter()
        .filter(|m| m.end <= before && ctx.kind_of(m) == Some(EntityKind::Country))
        .collect();
    let mut list: Vec<&Mention> = Vec::new();
    let mut closed = false;
    for m in states {
        let joined = list.last().is_some_and(|last: &&Mention| {
            (last.end..m.head_first()).all(|k| matches!(s.words[k].as_str(), "," | "and" | "the"))
        });
        if joined && !closed {
            list.push(m);
            closed = s.words[list[list.len() - 2].end..m.head_first()]
                .iter()
                .any(|w| w == "and");
        } else {
            list = vec![m];
            closed = false;
        }
    }
    if closed {
        list
    } else {
        Vec::new()
    }
}

/// For "Turkish coast guard vessels would begin ...": the demonym's mention, when
/// the subject ending at `end` is a state's forces ([`Lexicon::force_nouns`]) named
/// by its demonym at the start of a clause.
///
/// [`Lexicon::force_nouns`]: crate::lexicon::Lexicon::force_nouns
fn demonym_forces<'a>(ctx: &Context<'a>, si: usize, end: usize) -> Vec<&'a Mention> {
    let s = &ctx.sentences[si];
    if end == 0 || !ctx.lexicon.force_nouns.contains(&s.words[end - 1]) {
        return Vec::new();
    }
    let state_demonym = |m: &Mention| m.is_demonym() && ctx.kind_of(m) == Some(EntityKind::Country);
    let mut k = end - 1;
    while k > 0 && end - k < 4 {
        if let Some(m) = ctx.mention_ending(si, k) {
            let h = m.first;
            // "Polish and Lithuanian engineering units will coordinate": both
            // states' forces.
            let pair = (h >= 2 && s.words[h - 1] == "and")
                .then(|| ctx.mention_ending(si, h - 1))
                .flatten()
                .filter(|o| state_demonym(o));
            let first = pair.map_or(h, |o| o.first);
            let opens = first <= s.dateline
                || matches!(s.words[first - 1].as_str(), "that" | "," | "and" | "said")
                || (first >= 2 && s.words[first - 1] == "the" && s.words[first - 2] == "that");
            if !(state_demonym(m) && opens) {
                return Vec::new();
            }
            return pair.into_iter().chain([m]).collect();
        }
        let w = s.words[k - 1].as_str();
        let lowercase_noun = !s.capitalized(k - 1)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !ctx.lexicon.function_words.contains(w);
        if !lowercase_noun && ctx.mention_ending(si, k - 1).is_none() {
            return Vec::new();
        }
        k -= 1;
    }
    Vec::new()
}

/// Where the verb group at `at` begins: before the adverbs that may precede it
/// ("also", "later") and before a quotation that opens at the verb — "said the
/// kingdom “will continue its support”" has the kingdom as the subject of "will".
fn start_of_verb_group(ctx: &Context, si: usize, at: usize) -> usize {
    let s = &ctx.sentences[si];
    let mut j = at;
    loop {
        while j > 0 && ctx.lexicon.skippable.contains(&s.words[j - 1]) {
            j -= 1;
        }
        if j > 0 && matches!(s.words[j - 1].as_str(), "“" | "\"" | "‘") && ctx.in_quote(si, j) {
            j -= 1;
            continue;
        }
        return j;
    }
}

/// For a verb group coordinated by "and" at `j` ("told the paper that his
/// government had already opened 41 centres and would add another 20"): where the
/// reported clause's government subject ends, when the clause is "that" + "his/
/// the/its government" (or administration, cabinet, authorities).
fn government_clause_before_and(ctx: &Context, si: usize, j: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    if j < 2 || !matches!(s.words[j - 1].as_str(), "and" | "but") {
        return None;
    }
    // ("said his government “will not take part” but would keep cooperating": a
    // speech verb opens the clause too.)
    let mut t = (j.saturating_sub(24)..j - 1).rev().find(|&k| {
        s.words[k] == "that"
            || (!ctx.in_quote(si, k) && ctx.lexicon.speech_verbs.match_at(&s.ids, k) == Some(1))
    })?;
    // ("said on Monday the kingdom wanted ... and would support": past the time.)
    while t + 1 < j && ctx.is_time_word(si, t + 1) {
        t += 1;
    }
    let det = s.words.get(t + 1)?.as_str();
    let noun = s.words.get(t + 2)?.as_str();
    // "said the country had contracted two plants and would bring a third online".
    let fits = matches!(det, "his" | "her" | "the" | "its" | "their")
        && (is_government_noun(noun) || (det == "the" && matches!(noun, "country" | "kingdom")));
    fits.then_some(t + 3)
}

/// Where the subject of the verb group at `at` ends when it may be a government
/// noun: before the adverbs and a parenthetical attribution ("His government, he
/// said, would waive"), or at the government that opens the clause a coordinated
/// verb group shares ("that his government had opened 41 centres and would add").
fn government_subject_end(ctx: &Context, si: usize, at: usize) -> usize {
    let s = &ctx.sentences[si];
    let mut j = start_of_verb_group(ctx, si, at);
    if let Some(g) = government_clause_before_and(ctx, si, j) {
        j = g;
    }
    if j > 0 && s.words[j - 1] == "," {
        if let Some(open) = (j.saturating_sub(6)..j - 1)
            .rev()
            .find(|&k| s.words[k] == ",")
        {
            let attribution =
                (open + 1..j - 1).any(|k| ctx.lexicon.speech_verbs.match_at(&s.ids, k).is_some());
            if attribution {
                j = open;
            }
        }
    }
    j
}

/// For "the government undertakes to ...", "the authorities have committed to ..."
/// with no speaker of that government's state: the state the article is about (one
/// that dominates its mentions, else its dateline's), with a mention made for the
/// government noun. Only "the" + government, administration, cabinet or
/// authorities — and "the kingdom" (or sultanate), which is the nearest kingdom
/// named before; "the country" may be any state of the story.
fn unattributed_government(ctx: &Context, si: usize, at: usize) -> Option<(Mention, usize)> {
    let s = &ctx.sentences[si];
    let j = government_subject_end(ctx, si, at);
    let kingdom = j >= 2 && matches!(s.words[j - 1].as_str(), "kingdom" | "sultanate");
    // ("The state has also offered to buy the estate": the article's state.)
    let state = j >= 2 && s.words[j - 1] == "state";
    if j < 2
        || s.words[j - 2] != "the"
        || !(is_government_noun(&s.words[j - 1]) || kingdom || state)
        || ctx.mention_ending(si, j).is_some()
    {
        return None;
    }
    // "urged the authorities to", "if the government agreed to": somebody else's
    // demand or condition (the pledge stage checks the frames before "that").
    if j >= 3
        && matches!(
            s.words[j - 3].as_str(),
            "if" | "unless" | "of" | "for" | "to" | "with" | "by" | "against" | "on" | "whether"
        )
    {
        return None;
    }
    // "the kingdom": the nearest kingdom named before, in this sentence or the
    // three before it.
    let state = if kingdom {
        (si.saturating_sub(3)..=si).rev().find_map(|k| {
            ctx.mentions_in(k)
                .iter()
                .rev()
                .filter(|m| k < si || m.end <= j - 2)
                .find_map(|m| m.entity.filter(|e| ctx.ents.kingdoms.contains(e)))
        })?
    } else {
        ctx.ents.home_state.or(ctx.ents.dateline_state)?
    };
    let (first, end) = (j - 2, j);
    let mention = Mention {
        sentence: si,
        first,
        end,
        span: super::mentions::span_of(s, first, end),
        kind: MentionKind::OrgRef {
            phrase: format!("the {}", s.words[j - 1].as_str()),
        },
        entity: Some(state),
    };
    Some((mention, state))
}

/// For "X said (that) his government / the government / the kingdom would ...": the
/// speaker's mention and the state it speaks for — the state itself, or the country
/// of a person who holds its office. Nothing when no speaker introduces the clause
/// ("the government pledges" alone could be any government of the article).
fn home_government<'a>(ctx: &Context<'a>, si: usize, at: usize) -> Option<(&'a Mention, usize)> {
    let s = &ctx.sentences[si];
    let j = government_subject_end(ctx, si, at);
    if j < 2 {
        return None;
    }
    let noun = s.words[j - 1].as_str();
    // "the transitional authorities", "the military government": past one
    // word that says what kind of government.
    let regime = |w: &str| {
        matches!(
            w,
            "transitional" | "interim" | "military" | "federal" | "armed"
        )
    };
    let det = if j >= 3 && regime(&s.words[j - 2]) {
        s.words[j - 3].as_str()
    } else {
        s.words[j - 2].as_str()
    };
    let fits = match noun {
        "government" | "administration" | "cabinet" | "parliament" | "legislature" | "military"
        | "army" | "navy" | "authorities" | "treasury" | "junta" => {
            matches!(det, "his" | "her" | "the" | "its" | "their")
        }
        // "the armed forces would deploy": only as the armed forces.
        "forces" if s.words[j - 2] == "armed" => {
            matches!(det, "his" | "her" | "the" | "its" | "their")
        }
        "kingdom" | "country" | "republic" | "city-state" | "state" => {
            matches!(det, "the" | "his" | "her")
        }
        _ => false,
    };
    // "SADC executive secretary Elias Magosi said the secretariat would": a body's
    // official speaking of "the secretariat", "the bank", "the group" speaks for
    // that body.
    let body_noun = matches!(det, "the" | "its")
        && (ctx.lexicon.org_head_nouns.contains(noun)
            || ctx.lexicon.org_descriptors.match_at(&s.ids, j - 1) == Some(1)
            || matches!(
                noun,
                "union"
                    | "institution"
                    | "organisation"
                    | "organization"
                    | "authority"
                    | "movement"
                    | "region"
            ));
    let unresolved = ctx.mention_ending(si, j).is_none_or(|m| m.entity.is_none());
    if body_noun && !fits && unresolved {
        let speaker = reporting_speaker(ctx, si, j - 2)?;
        let e = speaker.entity?;
        let entity = &ctx.ents.list[e];
        let body = match entity.kind {
            EntityKind::Organization => Some(e),
            EntityKind::Person => entity
                .attributes
                .get("org")
                .and_then(|o| ctx.ents.find_id(o)),
            _ => None,
        }?;
        return Some((speaker, body));
    }
    if !fits || ctx.mention_ending(si, j).is_some() {
        return None;
    }
    // The speaker who reports it ("X said his government would": X), else the
    // person "his" stands for ("His government, he said, would").
    let owner = || {
        ctx.mention_starting(si, j - 2)
            .filter(|m| m.end == j - 1 && m.entity.is_some())
    };
    // "“The government will continue to provide aid,” the minister said": the
    // quotation's speaker.
    let quoted = || {
        if !ctx.in_quote(si, j - 1) {
            return None;
        }
        sole_speaker(ctx, si)
    };
    // "The kingdom will also deposit $2 billion, the Saudi finance minister said":
    // the speaker of an attribution after the clause.
    let inverted = || sole_speaker(ctx, si).filter(|sp| sp.first > at);
    let speaker = reporting_speaker(ctx, si, j - 2)
        .or_else(owner)
        .or_else(quoted)
        .or_else(inverted)?;
    let e = speaker.entity?;
    let entity = &ctx.ents.list[e];
    let a = &entity.attributes;
    let state = match entity.kind {
        EntityKind::Country => Some(e),
        // ("a USTR spokesperson said the administration would": a state's body.)
        EntityKind::Organization => a.get("country").and_then(|c| ctx.ents.find_id(c)),
        _ => ctx.office_state(speaker),
    };
    // "ISLAMABAD: ... Aurangzeb said the government would": an official of no
    // known state or body speaks for the dateline's government — not for "the
    // kingdom" or "the country", which a foreign envoy reporting from the dateline's
    // city names as often as a local official does, nor when the official is
    // accredited abroad ("its ambassador to Yemen").
    let envoy = a
        .get("role")
        .is_some_and(|r| r.contains("mbassador") || r.contains("nvoy"));
    let stateless = entity.kind == EntityKind::Person
        && !a.contains_key("country")
        && !a.contains_key("org")
        && !envoy
        && !matches!(
            noun,
            "kingdom" | "country" | "republic" | "city-state" | "state"
        );
    let state = state.or(ctx.ents.dateline_state.filter(|_| stateless))?;
    // "the kingdom, Turkish officials said": only a kingdom's own.
    if noun == "kingdom" && !ctx.ents.kingdoms.contains(&state) {
        return None;
    }
    Some((speaker, state))
}

/// For a "we" inside a quotation: the speaker's mention and the states or
/// organizations the speaker stands for — "“We will send monitors,” Tanzania's envoy
/// said" commits Tanzania; "the three governments said: “We commit to ...”" commits
/// each of the three. Nothing when the sentence has no single speaker.
fn quoted_we<'a>(ctx: &Context<'a>, si: usize, at: usize) -> Vec<(&'a Mention, usize)> {
    let s = &ctx.sentences[si];
    let mut j = at;
    while j > 0 && ctx.lexicon.skippable.contains(&s.words[j - 1]) {
        j -= 1;
    }
    if j == 0 || s.words[j - 1] != "we" || !ctx.in_quote(si, j - 1) {
        return Vec::new();
    }
    let speakers = super::statements::speakers(ctx, si);
    if let [e] = speakers[..] {
        return ctx
            .mentions_in(si)
            .iter()
            .find(|m| m.entity == Some(e))
            .and_then(|m| Some((m, ctx.affiliation(m)?)))
            .into_iter()
            .collect();
    }
    // Several speakers: the members of one collective that speaks.
    let collective = ctx.mentions_in(si).iter().find(|m| {
        !ctx.in_quote(si, m.first)
            && ctx
                .members(m)
                .is_some_and(|members| !members.is_empty() && members == speakers)
    });
    collective
        .map(|m| speakers.iter().map(|&e| (m, e)).collect())
        .unwrap_or_default()
}

/// The mention of the sentence's one speaker; nothing when it has none or several.
fn sole_speaker<'a>(ctx: &Context<'a>, si: usize) -> Option<&'a Mention> {
    let [e] = super::statements::speakers(ctx, si)[..] else {
        return None;
    };
    ctx.mentions_in(si).iter().find(|m| m.entity == Some(e))
}

/// For "X said (on Monday) (that) it ...": the subject of the speech verb that
/// introduces the clause the pronoun at token `pronoun` opens.
fn reporting_speaker<'a>(ctx: &Context<'a>, si: usize, pronoun: usize) -> Option<&'a Mention> {
    let verb = reporting_verb(ctx, si, pronoun)?;
    ctx.subjects_before(si, verb)
        .into_iter()
        .next()
        .or_else(|| {
            // "Kast ... said Chile wanted energy, and pledged that his government
            // would": a coordinated verb speaks for the sentence's one speaker.
            // ("The office of Prime Minister X said the government would": the
            // state speaks, through the one who holds its office.)
            match super::statements::speakers(ctx, si).as_slice() {
                [e] => ctx.mentions_in(si).iter().find(|m| {
                    m.end <= verb && (m.entity == Some(*e) || ctx.office_state(m) == Some(*e))
                }),
                _ => None,
            }
        })
}

/// For "X said (on Monday) (that) they ...": the speech or commitment verb that
/// introduces the clause the pronoun at token `pronoun` opens.
fn reporting_verb(ctx: &Context, si: usize, pronoun: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    let mut k = pronoun;
    if k > 0 && s.words[k - 1] == "that" {
        k -= 1;
    }
    // Where the clause opens: a speech phrase may run up to it ("said in a
    // statement").
    let open = k;
    while k > 0 && (ctx.is_time_word(si, k - 1) || lx.skippable.contains(&s.words[k - 1])) {
        k -= 1;
    }
    // "said in a statement that", "said in a post on X that": past where it was
    // said.
    if let Some(i) = (k.saturating_sub(6)..k.saturating_sub(1)).find(|&i| {
        s.words[i] == "in"
            && (i + 1..k).any(|j| {
                matches!(
                    s.words[j].as_str(),
                    "statement"
                        | "release"
                        | "communique"
                        | "communiqué"
                        | "post"
                        | "interview"
                        | "letter"
                        | "speech"
                        | "readout"
                        | "note"
                        | "response"
                        | "reply"
                        | "email"
                        | "e-mail"
                        | "briefing"
                        | "address"
                        | "message"
                        | "remarks"
                        | "broadcast"
                        | "video"
                        | "op-ed"
                        | "article"
                        | "declaration"
                        | "filing"
                )
            })
            && (i + 1..k).all(|j| s.words[j].chars().all(char::is_alphanumeric))
    }) {
        k = i;
    }
    let verb_before = |mut k: usize| {
        // "told parliament (last week) that", "told the paper that": past the one
        // told, a word or two.
        // ("told Chile's economic development agency, CORFO, that": a longer
        // object, with its possessive and an apposition.)
        let told = |v: usize| {
            matches!(
                s.words[v].as_str(),
                "told" | "tells" | "telling" | "assured" | "informed" | "briefed"
            )
        };
        let short = (k.saturating_sub(3)..k.saturating_sub(1)).find(|&v| {
            told(v) && (v + 1..k).all(|j| s.words[j].chars().all(char::is_alphanumeric))
        });
        let long = || {
            (k.saturating_sub(9)..k.saturating_sub(1)).rev().find(|&v| {
                told(v)
                    && (v + 1..k).all(|j| {
                        s.words[j].chars().all(char::is_alphanumeric)
                            || matches!(s.words[j].as_str(), "'s" | ",")
                    })
            })
        };
        if let Some(v) = short.or_else(long) {
            k = v + 1;
        }
        // "said (that) it would", "pledged/promised that it would", and "...,
        // adding that the authorities had".
        (k.saturating_sub(3)..k).find(|&v| {
            [
                &lx.speech_verbs,
                &lx.commitment_verbs,
                &lx.speech_participles,
            ]
            .iter()
            .any(|set| {
                set.match_at(&s.ids, v)
                    .is_some_and(|l| v + l == k || (v + l > k && v + l <= open))
            })
        })
    };
    // "told us on his way out that", "said at the closing news conference that":
    // past one phrase of where or when it was said.
    verb_before(k).or_else(|| {
        let p = (k.saturating_sub(6)..k.saturating_sub(1)).find(|&i| {
            matches!(
                s.words[i].as_str(),
                "on" | "at" | "after" | "before" | "during" | "outside" | "from" | "via"
            ) && (i + 1..k).all(|j| s.words[j].chars().all(char::is_alphanumeric))
        })?;
        verb_before(p)
    })
}

/// For "X assured him (that) they would ...": the mention of X, when the pronoun at
/// token `pronoun` opens the clause of an assurance and X is an actor.
fn assurance_giver<'a>(ctx: &Context<'a>, si: usize, pronoun: usize) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    let giving = |w: &str| {
        matches!(
            w,
            "assured" | "promised" | "guaranteed" | "assures" | "promises"
        )
    };
    let verb = if pronoun > 0 && s.words[pronoun - 1] == "that" {
        // "assured him that", "assured the council that", "promised delegates that".
        let that = pronoun - 1;
        (that.saturating_sub(3)..that).rev().find(|&v| {
            giving(&s.words[v]) && promisee_len(ctx, si, v + 1).is_some_and(|l| v + 1 + l == that)
        })?
    } else {
        // "assured him they would".
        let v = pronoun.checked_sub(2)?;
        (is_object_pronoun(&s.words[v + 1]) && giving(&s.words[v])).then_some(v)?
    };
    let giver = ctx.subjects_before(si, verb).into_iter().next()?;
    (!matches!(giver.kind, MentionKind::Pronoun(_))).then_some(giver)
}

/// For "X said it would ...": the mention of X (the nearest subject of a speech verb
/// before `m`).
fn speaker_mention<'a>(ctx: &Context<'a>, si: usize, m: &Mention) -> Option<&'a Mention> {
    let s = &ctx.sentences[si];
    (0..m.first)
        .rev()
        .filter(|&k| ctx.lexicon.speech_verbs.match_at(&s.ids, k).is_some())
        .find_map(|k| ctx.subjects_before(si, k).into_iter().next())
        .or_else(|| {
            // "“I will ...,” Macron said" — the inverted or following speaker.
            let after: Vec<&Mention> = ctx
                .mentions_in(si)
                .iter()
                .filter(|x| x.first > m.first)
                .collect();
            (m.kind == MentionKind::Pronoun(Pronoun::I))
                .then(|| {
                    after
                        .into_iter()
                        .find(|x| ctx.kind_of(x) == Some(EntityKind::Person))
                })
                .flatten()
        })
}

fn pledge(
    ctx: &Context,
    si: usize,
    cue: &Cue,
    actor_idx: usize,
    subject: &Mention,
) -> Option<Event> {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    let n = s.words.len();
    // "... if the IOM agreed to fund ...": the condition of somebody else's pledge.
    let h = subject.head_first();
    let mut b = h;
    if b > 0 && s.words[b - 1] == "the" {
        b -= 1;
    }
    if b > 0
        && matches!(
            s.words[b - 1].as_str(),
            "if" | "unless" | "provided" | "providing"
        )
    {
        return None;
    }
    // Somebody else's demand or hope frames the commitment: not a pledge.
    // Only the clause the subject stands in counts: stop at "that", a speech verb,
    // or a semicolon ("..., the Quad would keep pressing ..., and warned that
    // Washington will impose sanctions" is Washington's own commitment).
    let mut k = subject.head_first();
    while k > 0 {
        k -= 1;
        let w = s.words[k].as_str();
        if closed_question(s.words, k, subject.head_first()) {
            break;
        }
        // A colon ends a label or introduces a quotation ("What happened: India
        // will extend ...").
        if w == ":" {
            break;
        }
        if w == "that" || w == ";" || lx.speech_verbs.match_at(&s.ids, k).is_some() {
            // The verb that introduces the clause may itself frame it: "expressed
            // hope that", "urged that".
            let from = k.saturating_sub(3);
            if (from..=k).any(|f| {
                lx.non_commitment_frames.match_at(&s.ids, f).is_some() && !ctx.in_quote(si, f)
            }) {
                return None;
            }
            break;
        }
        if lx.non_commitment_frames.match_at(&s.ids, k).is_some() && !ctx.in_quote(si, k) {
            return None;
        }
    }
    // "keep fighting", "continue pressing": carrying on, not committing — unless
    // what carries on is itself a commitment ("keep paying", "continue funding").
    // ("keep working with": the action with its particle, "work with".)
    let carried = |w: &str, next: &str| {
        let stem = w.strip_suffix("ing").unwrap_or(w);
        [stem.to_string(), format!("{stem}e")].iter().any(|v| {
            lx.has(&lx.commitment_actions, v) || lx.has_phrase(&lx.commitment_actions, &[v, next])
        })
    };
    let after = s.words.get(cue.object + 2).map_or("", |w| w.as_str());
    if matches!(
        s.words.get(cue.object).map(Word::as_str),
        Some("keep" | "continue")
    ) && s
        .words
        .get(cue.object + 1)
        .is_some_and(|w| w.ends_with("ing") && !carried(w, after))
    {
        return None;
    }
    let mut modality = Modality {
        future: cue.future,
        hedged: cue.hedged,
        negated: cue.negated,
        ..Modality::default()
    };
    // Negation and hedging between the subject and the object — not inside a
    // relative clause or apposition of the subject ("Iceland, which has no armed
    // forces, signed up to").
    let mut from = subject.end;
    if s.words.get(from).is_some_and(|w| w == ",") {
        if let Some(close) = (from + 1..cue.at.min(n)).find(|&k| s.words[k] == ",") {
            from = close + 1;
        }
    }
    // "Switzerland, Norway and Iceland, which are not EU members, signed up": past
    // a relative clause of a later subject in the list too.
    if let Some(open) = (subject.end..cue.at.min(n)).rev().find(|&k| {
        s.words[k] == ","
            && s.words
                .get(k + 1)
                .is_some_and(|w| matches!(w.as_str(), "which" | "who" | "whose"))
    }) {
        if let Some(close) = (open + 1..cue.at.min(n)).find(|&k| s.words[k] == ",") {
            from = from.max(close + 1);
        }
    }
    // "did not sign the deal and pledged to review it": a predicate coordinated
    // right before the cue has its own polarity.
    let verb_group = start_of_verb_group(ctx, si, cue.at);
    if verb_group > from && s.words[verb_group - 1] == "and" {
        from = verb_group;
    }
    // "ruled out sending soldiers but offered to help with demining", "declined to
    // commit personnel but said it would keep funding", "will not put troops in
    // but will act as the logistics base": a refusal before "but" is not the
    // polarity of what follows it.
    if let Some(but) = (from..cue.at.min(n)).rev().find(|&k| s.words[k] == "but") {
        from = but + 1;
    }
    // Whether every negation there is a plain "not" or "never" (not "refused").
    let mut plain_negation = true;
    for k in from..cue.object.min(n) {
        if lx.negations.match_at(&s.ids, k).is_some() {
            modality.negated = true;
            plain_negation &= matches!(s.words[k].as_str(), "not" | "n't" | "never");
        }
        if lx.hedges.match_at(&s.ids, k).is_some() {
            modality.hedged = true;
        }
    }
    // "will not raise prices", "would never attack": a promise to refrain — when
    // only a plain "not" or "never" negates, not "refused" or "declined".
    let mut act = cue.object;
    while s.words.get(act).is_some_and(|w| w == "to" || w == "be") {
        act += 1;
    }
    // "agreed not to deploy", "pledged not to": a commitment to refrain, whatever
    // the action.
    let refrains = (from..cue.object.min(n)).any(|k| {
        // ("agreed in principle not to", 'agreed "in principle" not to'.)
        let mut b = k;
        if b >= 1 && s.tokens[b - 1].kind == TokenKind::Quote {
            b -= 1;
        }
        if b >= 2 && s.words[b - 1] == "principle" && s.words[b - 2] == "in" {
            b -= 2;
            if b >= 1 && s.tokens[b - 1].kind == TokenKind::Quote {
                b -= 1;
            }
        }
        s.words[k] == "not"
            && s.words.get(k + 1).is_some_and(|w| w == "to")
            && b >= 1
            && matches!(
                s.words[b - 1].as_str(),
                "agreed"
                    | "agrees"
                    | "pledged"
                    | "pledges"
                    | "promised"
                    | "promises"
                    | "vowed"
                    | "vows"
                    | "committed"
                    | "commits"
                    | "undertook"
                    | "undertakes"
            )
    });
    let restraint = modality.negated
        && !modality.hedged
        && plain_negation
        && (refrains || lx.restraint_actions.match_at(&s.ids, act).is_some());
    if restraint {
        modality.negated = false;
    }
    // Conditions anywhere in the sentence (outside quotes).
    modality.conditional = lx
        .conditions
        .starts_in(&s.ids, 0..n)
        .any(|k| lx.conditions.match_at(&s.ids, k).is_some() && s.words[k] != "once");
    // The object runs to the end of the clause.
    let obj_end = object_end(ctx, si, cue.object);
    let mut what = what_text(ctx, si, cue.object, obj_end);
    if restraint {
        what = format!("not {what}");
    }
    // Past the clause (a dash, a participle), up to any attribution.
    let rest_end = attribution_start(ctx, si, obj_end);
    let target = recipient(ctx, si, cue.object, obj_end, actor_idx)
        .or_else(|| recipient(ctx, si, obj_end, rest_end, actor_idx));
    // "will retaliate", "would respond": a threat, not a pledge. "Threatened to
    // suspend aid unless ..." and "would respond with proportional measures if the
    // tariffs took effect" commit on their stated condition (annotators mark every
    // such conditional one a pledge); without one they only threaten.
    let threatened = lx.threat_verbs.match_at(&s.ids, cue.at).is_some();
    let kind = if ((threat_at(ctx, si, cue.object) && !restraint) || threatened)
        && !modality.conditional
    {
        EventKind::Threaten
    } else {
        EventKind::Pledge
    };
    Some(event(ctx, si, kind, actor_idx, target, what, modality))
}

/// The event of a commitment (or threat) read from sentence `si`: its ids, evidence,
/// date and codes.
pub(super) fn event(
    ctx: &Context,
    si: usize,
    kind: EventKind,
    actor_idx: usize,
    target: Option<usize>,
    what: String,
    modality: Modality,
) -> Event {
    let actor = ctx.ents.list[actor_idx].id.clone();
    let targets: Vec<String> = target
        .map(|t| ctx.ents.list[t].id.clone())
        .into_iter()
        .collect();
    let evidence = ctx.evidence(si);
    let (date, date_precision) = ctx.date_of(si);
    let cameo = match kind {
        EventKind::Pledge => pledge_cameo(&what),
        k => k.cameo(),
    };
    let id = Event::content_id(kind, &actor, &targets, &what, &evidence.sentence);
    Event {
        id,
        kind,
        actor,
        targets,
        what: Some(what),
        quote: ctx.quote_for(si),
        modality,
        date,
        date_precision,
        cameo: cameo.to_string(),
        plover: kind.plover().to_string(),
        evidence: vec![evidence],
    }
}

/// The clause ends at a semicolon, a dash, a condition, or a trailing participle.
/// Where a trailing attribution starts after `from` (the comma before a speech verb
/// or "according to"), else the sentence end.
fn attribution_start(ctx: &Context, si: usize, from: usize) -> usize {
    let s = &ctx.sentences[si];
    let lx = ctx.lexicon;
    (from..s.words.len())
        .find(|&k| {
            !ctx.in_quote(si, k)
                && (lx.speech_verbs.match_at(&s.ids, k).is_some()
                    || lx.source_phrases.match_at(&s.ids, k).is_some())
        })
        .map(|a| (from..a).rev().find(|&k| s.words[k] == ",").unwrap_or(a))
        .unwrap_or(s.words.len())
}

fn object_end(ctx: &Context, si: usize, from: usize) -> usize {
    let n_all = ctx.sentences[si].words.len();
    let n = attribution_start(ctx, si, from).min(n_all);
    object_end_before(ctx, si, from, n)
}

fn object_end_before(ctx: &Context, si: usize, from: usize, n: usize) -> usize {
    let s = &ctx.sentences[si];
    // An object that starts inside a quotation ends with it: "“We will contribute
    // €25 million,” Penny Wong said".
    let quoted = from < n && ctx.in_quote(si, from);
    let mut k = from;
    while k < n {
        if quoted && !ctx.in_quote(si, k) {
            break;
        }
        let w = s.words[k].as_str();
        if matches!(
            w,
            ";" | "—" | "–" | "if" | "unless" | "while" | "following" | "after" | "provided"
        ) || (w == ","
            && k + 1 < n
            && matches!(
                s.words[k + 1].as_str(),
                "following"
                    | "after"
                    | "while"
                    | "in"
                    | "he"
                    | "she"
                    | "said"
                    | "according"
                    | "as"
                    | "which"
                    | "officials"
            ))
        {
            break;
        }
        if w == "." && k + 1 == n {
            break;
        }
        k += 1;
    }
    k
}

pub(super) fn what_text(ctx: &Context, si: usize, from: usize, to: usize) -> String {
    let s = &ctx.sentences[si];
    let mut from = from;
    if s.words.get(from).is_some_and(|w| w == "to") {
        from += 1;
    }
    let to = to.min(from + 16).min(s.tokens.len());
    if from >= to {
        return String::new();
    }
    let raw = &ctx.text[s.tokens[from].span.start..s.tokens[to - 1].span.end];
    raw.trim_matches(|c: char| c == ',' || c.is_whitespace() || crate::text::is_quote_char(c))
        .to_string()
}

/// The beneficiary: "to/for/with X", "X's", a demonym ("Ukrainian forces"), "on X"
/// (sanctions); then any other actor in the object.
pub(super) fn recipient(
    ctx: &Context,
    si: usize,
    from: usize,
    to: usize,
    actor: usize,
) -> Option<usize> {
    let s = &ctx.sentences[si];
    let cands: Vec<&Mention> = ctx
        .mentions_in(si)
        .iter()
        .filter(|m| m.first >= from && m.end <= to.max(from))
        .filter(|m| m.entity.is_some_and(|e| e != actor))
        .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
        // A gapped committer ("... and Britain £120 million") is not a recipient.
        .filter(|m| {
            let gapped_amount = s.words.get(m.end).is_some_and(|w| {
                matches!(w.as_str(), "$" | "€" | "£" | "¥") || w.parse::<f64>().is_ok()
            });
            !(gapped_amount && m.head_first() > 0 && s.words[m.head_first() - 1] == "and")
        })
        .collect();
    let marked = cands.iter().find(|m| {
        let mut k = m.first;
        if k > 0 && s.words[k - 1] == "the" {
            k -= 1;
        }
        let prev = k.checked_sub(1).map(|p| s.words[p].as_str());
        matches!(
            prev,
            Some(
                "to" | "for"
                    | "with"
                    | "on"
                    | "against"
                    | "help"
                    | "helping"
                    | "supporting"
                    | "support"
                    | "backing"
            )
        ) || (s.words.get(m.end).is_some_and(|w| w == "'s")
            && ctx.kind_of(m) != Some(EntityKind::Person))
    });
    let pick = marked
        .or_else(|| cands.iter().find(|m| m.is_demonym()))
        .or_else(|| {
            cands
                .iter()
                .find(|m| matches!(ctx.kind_of(m), Some(EntityKind::Country)))
        })?;
    pick.entity
}

/// CAMEO code for what is pledged: economic (0331), military (0332), humanitarian
/// (0333) aid, or the generic 030.
///
/// An ASCII `what` of up to 256 bytes (nearly every one) is lowercased on the
/// stack: for ASCII, `to_lowercase` is the ASCII lowercase, and a string of it
/// was made for every pledge. Eight zero bytes follow it there, so that
/// [`cameo_rank`] reads eight bytes at any position of it.
pub(super) fn pledge_cameo(what: &str) -> &'static str {
    let mut buf = [0u8; 256 + 8];
    let code = match buf.get_mut(..what.len()).filter(|_| what.len() <= 256) {
        Some(lower) if what.is_ascii() => {
            lower.copy_from_slice(what.as_bytes());
            lower.make_ascii_lowercase();
            cameo_rank(&buf, what.len())
        }
        _ => {
            let mut lower = what.to_lowercase().into_bytes();
            let len = lower.len();
            lower.extend_from_slice(&[0; 8]);
            cameo_rank(&lower, len)
        }
    };
    CAMEO_WORDS.get(code).map_or("030", |(code, _)| code)
}

/// The first code of [`CAMEO_WORDS`] (its index) with a word in `padded[..len]`,
/// or the number of codes when none has. Eight bytes or more follow `len` in
/// `padded` (zeros: no word has a zero byte, so none matches into them).
///
/// One walk over the text: at each byte, an entry says whether some word starts
/// with it and the next byte, and only then are the words starting there
/// compared — by their first eight bytes, masked, against the eight bytes read
/// there (a call to compare slices for each was most of the walk's cost).
fn cameo_rank(padded: &[u8], len: usize) -> usize {
    let table = &*CAMEO_TABLE;
    let mut best = CAMEO_WORDS.len();
    let Some(text) = padded.get(..len + 8) else {
        return best;
    };
    for i in 0..len {
        if !table.may_start(text[i], text[i + 1]) {
            continue;
        }
        let eight = text
            .get(i..i + 8)
            .and_then(|e| <[u8; 8]>::try_from(e).ok())
            .map_or(0, u64::from_le_bytes);
        for word in &table.by_first[usize::from(text[i])] {
            if word.code < best
                && eight & word.mask == word.head
                && (word.rest.is_empty()
                    || text
                        .get(i + 8..len)
                        .is_some_and(|r| r.starts_with(word.rest)))
            {
                best = word.code;
                // Nothing comes before the first code.
                if best == 0 {
                    return 0;
                }
            }
        }
    }
    best
}

/// A word of [`CAMEO_WORDS`] as [`cameo_rank`] compares it.
struct CameoWord {
    /// Its first eight bytes (or fewer, zero above them), read little-endian.
    head: u64,
    /// The bits of `head`'s bytes.
    mask: u64,
    /// Its bytes past the first eight (most words have none).
    rest: &'static [u8],
    /// The index of its code.
    code: usize,
}

/// [`CAMEO_WORDS`] by their first byte, with a filter of their first two bytes.
struct CameoTable {
    /// The words by their first byte.
    by_first: Vec<Vec<CameoWord>>,
    /// Entry `a * 256 + b`: some word starts with the bytes `a b`, or is the
    /// byte `a` alone. (A byte per pair, asked at every byte of what is pledged:
    /// one load, where a bit of a filter took its word's index, its load and the
    /// bit's test.)
    pairs: Box<[bool; 1 << 16]>,
}

impl CameoTable {
    /// Entry `a * 256 + b` of `pairs`.
    #[inline]
    fn may_start(&self, a: u8, b: u8) -> bool {
        self.pairs[usize::from(a) << 8 | usize::from(b)]
    }
}

static CAMEO_TABLE: std::sync::LazyLock<CameoTable> = std::sync::LazyLock::new(|| {
    let mut table = CameoTable {
        by_first: std::iter::repeat_with(Vec::new).take(256).collect(),
        pairs: Box::new([false; 1 << 16]),
    };
    for (code, (_, words)) in CAMEO_WORDS.iter().enumerate() {
        for w in words.iter().map(|w| w.as_bytes()) {
            let Some(&a) = w.first() else { continue };
            let (head, rest) = w.split_at(w.len().min(8));
            let mut bytes = [0u8; 8];
            bytes[..head.len()].copy_from_slice(head);
            let mut mask = [0u8; 8];
            mask[..head.len()].fill(0xff);
            table.by_first[usize::from(a)].push(CameoWord {
                head: u64::from_le_bytes(bytes),
                mask: u64::from_le_bytes(mask),
                rest,
                code,
            });
            // A one-byte word starts before any next byte.
            let seconds = match w.get(1) {
                Some(&b) => b..=b,
                None => 0..=u8::MAX,
            };
            for b in seconds {
                table.pairs[usize::from(a) << 8 | usize::from(b)] = true;
            }
        }
    }
    table
});

/// The words (lowercase substrings of what is pledged) that make each CAMEO code
/// of aid, in order of precedence: humanitarian (0333), military (0332), economic
/// (0331).
static CAMEO_WORDS: [(&str, &[&str]); 3] = [
    (
        "0333",
        &[
            "humanitarian",
            "food",
            "medical",
            "shelter",
            "refugee",
            "relief",
            "vaccine",
        ],
    ),
    (
        "0332",
        &[
            "troops",
            "military",
            "weapons",
            "air defence",
            "air defense",
            "missile",
            "ammunition",
            "soldiers",
            "training",
            "forces",
            "arms",
            "tanks",
            "drones",
            "fighter",
            "security guarantee",
        ],
    ),
    (
        "0331",
        &[
            "$",
            "€",
            "£",
            "billion",
            "million",
            "loan",
            "fund",
            "financ",
            "budget",
            "investment",
            "economic",
            "grant",
            "credit",
            "debt",
        ],
    ),
];
