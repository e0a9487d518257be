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
    function_words: Vec<String>,
    stative_verbs: Vec<String>,
    boilerplate_openers: Vec<String>,
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
    org_head_nouns: Vec<String>,
    generic_org_words: Vec<String>,
}

/// The id of a lowercase word in a lexicon's [`Vocabulary`].
pub type WordId = u32;

/// The id of every word no lexicon phrase contains.
pub const UNKNOWN_WORD: WordId = WordId::MAX;

/// The words of all phrase sets of a lexicon, numbered. A sentence's words are looked
/// up here once (one hash each), so that phrase matching compares small integers:
/// `match_at` runs for nearly every token of every sentence, for a dozen sets.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, WordId, BuildHasherDefault<WordHasher>>,
}

impl Vocabulary {
    /// The id of a lowercase word, or [`UNKNOWN_WORD`].
    pub fn id(&self, word: &str) -> WordId {
        self.ids.get(word).copied().unwrap_or(UNKNOWN_WORD)
    }

    fn intern(&mut self, word: &str) -> WordId {
        let next = WordId::try_from(self.ids.len()).unwrap_or(UNKNOWN_WORD - 1);
        *self.ids.entry(word.to_string()).or_insert(next)
    }
}

/// A set of phrases matched against word-id sequences, longest first.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    /// Phrases by the id of their first word, longest first.
    by_first: HashMap<WordId, Vec<Box<[WordId]>>, BuildHasherDefault<WordHasher>>,
}

/// FNV-1a for the short lowercase words of a [`Vocabulary`] (and the word ids of a
/// [`PhraseSet`]): std's SipHash, built to resist adversarial keys, which a fixed
/// lexicon does not need, was a tenth of extraction time.
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

    fn write_u32(&mut self, n: u32) {
        self.0 = (u64::from(n) ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of lowercase single words, hashed with [`WordHasher`].
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

impl PhraseSet {
    /// Builds the set from phrases (split on whitespace, lowercased), numbering their
    /// words in `vocab`.
    pub fn new<S: AsRef<str>>(phrases: &[S], vocab: &mut Vocabulary) -> PhraseSet {
        let mut by_first: HashMap<WordId, Vec<Box<[WordId]>>, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for p in phrases {
            let words: Box<[WordId]> = p
                .as_ref()
                .split_whitespace()
                .map(|w| vocab.intern(&w.to_lowercase()))
                .collect();
            if let Some(&first) = words.first() {
                by_first.entry(first).or_default().push(words);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v.dedup();
        }
        PhraseSet { by_first }
    }

    /// The length in words of the longest phrase starting at `ids[i]`, if any.
    #[inline]
    pub fn match_at(&self, ids: &[WordId], i: usize) -> Option<usize> {
        let first = *ids.get(i)?;
        if first == UNKNOWN_WORD {
            return None;
        }
        self.by_first
            .get(&first)?
            .iter()
            .find(|p| ids.get(i..i + p.len()) == Some(&p[..]))
            .map(|p| p.len())
    }

    /// Is this single word (by id) a member?
    pub fn contains(&self, id: WordId) -> bool {
        self.by_first
            .get(&id)
            .is_some_and(|v| v.iter().any(|p| p.len() == 1))
    }
}

/// All lexicons used by extraction.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// The words of all phrase sets, numbered.
    pub vocabulary: Vocabulary,
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
    pub skippable: WordSet,
    /// Determiners, pronouns and prepositions: words that never start a verb phrase.
    pub function_words: WordSet,
    /// Verbs of state or outcome ("will remain", "would face"): after a modal they
    /// commit nobody.
    pub stative_verbs: WordSet,
    /// How lines that are not article text begin ("related:", "(reporting by"),
    /// lowercased: no actor or event is read from such lines.
    pub boilerplate_openers: Vec<String>,
    /// Role nouns, matched case-insensitively.
    pub roles: PhraseSet,
    /// Words that may precede a role noun.
    pub role_modifiers: PhraseSet,
    /// Honorifics that may start a name run.
    pub honorifics: WordSet,
    /// Lowercase particles inside names.
    pub name_particles: WordSet,
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
    /// Head nouns of institutions' names ("ministry", "department", "mission"):
    /// "the ministry" refers back to the institution last named with that head.
    pub org_head_nouns: WordSet,
    /// Words that alone make no organization's name ("Foreign Ministry").
    pub generic_org_words: WordSet,
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
        let set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<WordSet>();
        let mut vocab = Vocabulary::default();
        let v = &mut vocab;
        let lexicon = Lexicon {
            speech_verbs: PhraseSet::new(&cues.speech_verbs, v),
            speech_participles: PhraseSet::new(&cues.speech_participles, v),
            source_phrases: PhraseSet::new(&cues.source_phrases, v),
            commitment_verbs: PhraseSet::new(&cues.commitment_verbs, v),
            future_modals: PhraseSet::new(&cues.future_modals, v),
            reported_modals: PhraseSet::new(&cues.reported_modals, v),
            commitment_actions: PhraseSet::new(&cues.commitment_actions, v),
            threat_actions: PhraseSet::new(&cues.threat_actions, v),
            hedges: PhraseSet::new(&cues.hedges, v),
            negations: PhraseSet::new(&cues.negations, v),
            conditions: PhraseSet::new(&cues.conditions, v),
            non_commitment_frames: PhraseSet::new(&cues.non_commitment_frames, v),
            skippable: set(&cues.skippable),
            function_words: set(&cues.function_words),
            stative_verbs: set(&cues.stative_verbs),
            boilerplate_openers: cues
                .boilerplate_openers
                .iter()
                .map(|o| o.to_lowercase())
                .collect(),
            roles: PhraseSet::new(&titles.roles, v),
            role_modifiers: PhraseSet::new(&titles.role_modifiers, v),
            honorifics: titles.honorifics.iter().cloned().collect(),
            name_particles: set(&titles.name_particles),
            person_descriptions: PhraseSet::new(&titles.person_descriptions, v),
            collective_nouns: PhraseSet::new(&titles.collective_nouns, v),
            official_nouns: PhraseSet::new(&titles.official_nouns, v),
            portfolios: PhraseSet::new(&titles.portfolios, v),
            org_heads: PhraseSet::new(&titles.org_heads, v),
            org_descriptors: PhraseSet::new(&titles.org_descriptors, v),
            org_head_nouns: set(&titles.org_head_nouns),
            generic_org_words: set(&titles.generic_org_words),
            vocabulary: Vocabulary::default(),
        };
        Ok(Lexicon {
            vocabulary: vocab,
            ..lexicon
        })
    }

    /// The word ids of lowercase words, for [`PhraseSet::match_at`].
    pub fn ids<S: AsRef<str>>(&self, words: &[S]) -> Vec<WordId> {
        words
            .iter()
            .map(|w| self.vocabulary.id(w.as_ref()))
            .collect()
    }

    /// Is this line boilerplate rather than article text ("Related: ...",
    /// "(Reporting by ...)", "Photo: ... / AFP", a short "By Jane Doe" byline)?
    pub fn is_boilerplate_line(&self, line: &str) -> bool {
        let line = line.trim_start();
        // Openers are short: lowercase the line's start only (a line may be huge).
        let lower: String = line.chars().take(64).collect::<String>().to_lowercase();
        if self
            .boilerplate_openers
            .iter()
            .any(|o| lower.starts_with(o))
        {
            return true;
        }
        // A byline: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Meridian Wire".
        let words: Vec<&str> = line.split_whitespace().collect();
        words.first() == Some(&"By")
            && words.len() <= 8
            && words[1..].iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "&" | "in")
            })
    }

    /// Is this lowercase word one of the phrases of `set` on its own?
    pub fn has(&self, set: &PhraseSet, word: &str) -> bool {
        set.contains(self.vocabulary.id(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_load() {
        let lx = Lexicon::bundled().unwrap();
        assert!(lx.has(&lx.speech_verbs, "said"));
        assert!(lx.has(&lx.commitment_actions, "provide"));
        assert!(lx.has(&lx.roles, "president"));
        assert!(!lx.has(&lx.roles, "unheard-of-word"));
    }

    #[test]
    fn phrases_match_longest_first() {
        let mut vocab = Vocabulary::default();
        let set = PhraseSet::new(&["called", "called for", "called for a"], &mut vocab);
        let words: Vec<WordId> = ["he", "called", "for", "talks"]
            .iter()
            .map(|w| vocab.id(w))
            .collect();
        assert_eq!(words[0], UNKNOWN_WORD);
        assert_eq!(set.match_at(&words, 1), Some(2));
        assert_eq!(set.match_at(&words, 0), None);
        assert_eq!(set.match_at(&words, 9), None);
    }
}
