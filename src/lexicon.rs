//! Lexicons: the cue words and titles that drive extraction, loaded from
//! `data/lexicon/*.ron` (compiled in).
//!
//! A lexicon is a set of phrases (one or more words). Matching is done on lowercased
//! word sequences so that the extractor can ask "does a speech verb start at token
//! i?" and learn how many tokens it covers. This module knows the word lists, not
//! what they mean for events.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Cue lists for events, as in `data/lexicon/cues.ron`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct CuesFile {
    speech_verbs: Vec<String>,
    speech_participles: Vec<String>,
    source_phrases: Vec<String>,
    commitment_verbs: Vec<String>,
    future_modals: Vec<String>,
    reported_modals: Vec<String>,
    commitment_actions: Vec<String>,
    threat_actions: Vec<String>,
    hedges: Vec<String>,
    negations: Vec<String>,
    conditions: Vec<String>,
    non_commitment_frames: Vec<String>,
    skippable: Vec<String>,
}

/// Title lists, as in `data/lexicon/titles.ron`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct TitlesFile {
    roles: Vec<String>,
    role_modifiers: Vec<String>,
    honorifics: Vec<String>,
    name_particles: Vec<String>,
    person_descriptions: Vec<String>,
    collective_nouns: Vec<String>,
    official_nouns: Vec<String>,
    portfolios: Vec<String>,
    org_heads: Vec<String>,
    org_descriptors: Vec<String>,
    generic_org_words: Vec<String>,
}

/// A set of phrases matched against lowercased word sequences, longest first.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    by_first: HashMap<String, Vec<Vec<String>>, BuildHasherDefault<WordHasher>>,
}

/// FNV-1a for the short lowercase words PhraseSet is keyed by: `match_at` runs for
/// nearly every token of every sentence, and std's SipHash (built to resist
/// adversarial keys, which a fixed lexicon does not need) was a tenth of extraction.
#[derive(Clone, Copy, Debug)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl PhraseSet {
    /// Builds the set from phrases (split on whitespace, lowercased).
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> PhraseSet {
        let mut by_first: HashMap<String, Vec<Vec<String>>, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for p in phrases {
            let words: Vec<String> = p
                .as_ref()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v.dedup();
        }
        PhraseSet { by_first }
    }

    /// The length in words of the longest phrase starting at `words[i]`, if any.
    pub fn match_at<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<usize> {
        let first = words.get(i)?.as_ref();
        let cands = self.by_first.get(first)?;
        cands
            .iter()
            .find(|p| {
                p.iter()
                    .enumerate()
                    .all(|(k, w)| words.get(i + k).is_some_and(|x| x.as_ref() == w))
            })
            .map(Vec::len)
    }

    /// Is this single word a member?
    pub fn contains(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|v| v.iter().any(|p| p.len() == 1))
    }
}

/// All lexicons used by extraction.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// "said", "told", "called for" ...
    pub speech_verbs: PhraseSet,
    /// "writing", "saying", "warning" ...
    pub speech_participles: PhraseSet,
    /// "according to" ...
    pub source_phrases: PhraseSet,
    /// "pledged", "promised", "agreed to provide" ...
    pub commitment_verbs: PhraseSet,
    /// "will", "shall", "is set to" ...
    pub future_modals: PhraseSet,
    /// "would".
    pub reported_modals: PhraseSet,
    /// "provide", "send", "focus on" ...
    pub commitment_actions: PhraseSet,
    /// "retaliate", "respond", "strike" ...: the cue makes a threat, not a pledge.
    pub threat_actions: PhraseSet,
    /// "could", "may", "consider" ...
    pub hedges: PhraseSet,
    /// "not", "refused" ...
    pub negations: PhraseSet,
    /// "if", "unless" ...
    pub conditions: PhraseSet,
    /// "urged", "hope" ...
    pub non_commitment_frames: PhraseSet,
    /// Adverbs and auxiliaries between a subject and its verb.
    pub skippable: HashSet<String>,
    /// Role nouns, matched case-insensitively.
    pub roles: PhraseSet,
    /// Words that may precede a role noun.
    pub role_modifiers: PhraseSet,
    /// Honorifics that may start a name run.
    pub honorifics: HashSet<String>,
    /// Lowercase particles inside names.
    pub name_particles: HashSet<String>,
    /// Heads of descriptions that refer back to a person.
    pub person_descriptions: PhraseSet,
    /// Plural nouns that make collectives.
    pub collective_nouns: PhraseSet,
    /// Nouns after which a demonym speaks for its state.
    pub official_nouns: PhraseSet,
    /// Ministerial portfolios after "for"/"of" in a title ("Foreign Affairs").
    pub portfolios: PhraseSet,
    /// Nouns that end an organization's name ("Commission", "Armed Forces").
    pub org_heads: PhraseSet,
    /// Lowercase nouns that may follow an organization's name ("rebel movement").
    pub org_descriptors: PhraseSet,
    /// Words that alone make no organization's name ("Foreign Ministry").
    pub generic_org_words: HashSet<String>,
}

const CUES: &str = include_str!("../data/lexicon/cues.ron");
const TITLES: &str = include_str!("../data/lexicon/titles.ron");

impl Lexicon {
    /// The lexicons bundled with diplograph.
    pub fn bundled() -> Result<Lexicon> {
        let cues: CuesFile = ron::Options::default()
            .from_str(CUES)
            .map_err(|e| Error::ron("data/lexicon/cues.ron", &e))?;
        let titles: TitlesFile = ron::Options::default()
            .from_str(TITLES)
            .map_err(|e| Error::ron("data/lexicon/titles.ron", &e))?;
        let set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
        Ok(Lexicon {
            speech_verbs: PhraseSet::new(&cues.speech_verbs),
            speech_participles: PhraseSet::new(&cues.speech_participles),
            source_phrases: PhraseSet::new(&cues.source_phrases),
            commitment_verbs: PhraseSet::new(&cues.commitment_verbs),
            future_modals: PhraseSet::new(&cues.future_modals),
            reported_modals: PhraseSet::new(&cues.reported_modals),
            commitment_actions: PhraseSet::new(&cues.commitment_actions),
            threat_actions: PhraseSet::new(&cues.threat_actions),
            hedges: PhraseSet::new(&cues.hedges),
            negations: PhraseSet::new(&cues.negations),
            conditions: PhraseSet::new(&cues.conditions),
            non_commitment_frames: PhraseSet::new(&cues.non_commitment_frames),
            skippable: set(&cues.skippable),
            roles: PhraseSet::new(&titles.roles),
            role_modifiers: PhraseSet::new(&titles.role_modifiers),
            honorifics: titles.honorifics.iter().cloned().collect(),
            name_particles: set(&titles.name_particles),
            person_descriptions: PhraseSet::new(&titles.person_descriptions),
            collective_nouns: PhraseSet::new(&titles.collective_nouns),
            official_nouns: PhraseSet::new(&titles.official_nouns),
            portfolios: PhraseSet::new(&titles.portfolios),
            org_heads: PhraseSet::new(&titles.org_heads),
            org_descriptors: PhraseSet::new(&titles.org_descriptors),
            generic_org_words: set(&titles.generic_org_words),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_load() {
        let lx = Lexicon::bundled().unwrap();
        assert!(lx.speech_verbs.contains("said"));
        assert!(lx.commitment_actions.contains("provide"));
        assert!(lx.roles.contains("president"));
    }

    #[test]
    fn phrases_match_longest_first() {
        let set = PhraseSet::new(&["called", "called for", "called for a"]);
        let words = ["he", "called", "for", "talks"];
        assert_eq!(set.match_at(&words, 1), Some(2));
        assert_eq!(set.match_at(&words, 0), None);
    }
}
