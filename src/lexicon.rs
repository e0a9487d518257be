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
    threat_verbs: Vec<String>,
    restraint_actions: Vec<String>,
    hedges: Vec<String>,
    negations: Vec<String>,
    conditions: Vec<String>,
    non_commitment_frames: Vec<String>,
    passive_commitments: Vec<String>,
    amount_verbs: Vec<String>,
    reserved_commitments: Vec<String>,
    skippable: Vec<String>,
    function_words: Vec<String>,
    stative_verbs: Vec<String>,
    obligation_nouns: Vec<String>,
    given_nouns: Vec<String>,
    list_headings: Vec<String>,
    renewal_verbs: Vec<String>,
    force_nouns: Vec<String>,
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
    private_collectives: Vec<String>,
    official_nouns: Vec<String>,
    portfolios: Vec<String>,
    org_heads: Vec<String>,
    org_descriptors: Vec<String>,
    org_kinds: Vec<String>,
    org_head_nouns: Vec<String>,
    summit_collectives: Vec<String>,
    generic_org_words: Vec<String>,
}

/// The id of a lowercase word in a lexicon's [`Vocabulary`].
pub type WordId = u32;

/// The id of every word no lexicon phrase contains.
pub const UNKNOWN_WORD: WordId = WordId::MAX;

/// The words of all phrase sets of a lexicon, numbered. A sentence's words are looked
/// up here once (one hash each), so that phrase matching compares small integers:
/// `match_at` runs for nearly every token of every sentence, for a dozen sets.
///
/// It also keeps every set's phrases by their first word, so that
/// [`Vocabulary::word_ids`] finds the matches of all sets at every token in one
/// pass, and `match_at` reads them from a table.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Keyed by the words' bytes, so that [`Vocabulary::id_of_bytes`] can look up a
    /// word lowercased into a byte buffer.
    ids: HashMap<Box<[u8]>, WordId, BuildHasherDefault<WordHasher>>,
    /// The words of at most eight bytes again, in a table of their own that a
    /// lookup reads one slot of (usually): no hashing of bytes, no key behind a
    /// pointer. Nearly every token is that short.
    short: ShortWords,
    /// The words of nine to sixteen bytes again, in a table like `short` keyed by
    /// their first and last eight bytes (which overlap, and together are the
    /// whole word): "government", "president", "ministry" in plural. A lookup
    /// in `ids` hashed every byte and compared behind a pointer.
    medium: MediumWords,
    /// The ids of the words of one byte by that byte (empty until one is
    /// interned): punctuation is a sixth of a text's tokens, and its id is one
    /// load here, not a lookup in `short`.
    bytes: Vec<WordId>,
    /// By word id: bit `slot` is set when the set in that slot has the word alone
    /// as a phrase. Most phrases are one word: [`Vocabulary::word_ids`] records
    /// their matches from these bits, without a loop over phrases. As long as
    /// `multi` at least; an id past its end starts no phrase.
    singles: Vec<u64>,
    /// By first word id: the phrases of two or more words starting with it.
    multi: Vec<LongerPhrases>,
    /// How many phrase sets have a slot.
    sets: usize,
}

/// The phrases of two or more words that start with one word (in a [`Vocabulary`]).
#[derive(Clone, Debug, Default)]
struct LongerPhrases {
    /// Bit `id % 64` of each phrase's second word id. Common words start such
    /// phrases ("the leaders", "according to"), and nearly always the next word is
    /// none of their second words: one test, not a comparison per phrase.
    seconds: u64,
    /// The phrases, as (set slot, the words after the first).
    phrases: Vec<(usize, Box<[WordId]>)>,
}

/// The most phrase sets one vocabulary gives a slot to (the bundled lexicon has 31;
/// a slot is a bit of a `u64`); sets past it match the slow way.
const MAX_SLOTS: usize = 64;

impl Vocabulary {
    /// The id of a lowercase word, or [`UNKNOWN_WORD`].
    pub fn id(&self, word: &str) -> WordId {
        self.id_of_bytes(word.as_bytes())
    }

    /// The id of a lowercase word given as its UTF-8 bytes, or [`UNKNOWN_WORD`].
    #[inline]
    pub fn id_of_bytes(&self, word: &[u8]) -> WordId {
        if let Some(key) = ShortWords::key(word) {
            return self.short.get(key);
        }
        if let Some(key) = MediumWords::key(word) {
            return self.medium.get(key);
        }
        self.ids.get(word).copied().unwrap_or(UNKNOWN_WORD)
    }

    /// The id of a lowercase word of one to eight bytes given as those bytes read
    /// little-endian (zero above them), and its length: [`Vocabulary::id_of_bytes`]
    /// for a word already in a register.
    #[inline]
    pub fn id_of_short(&self, bytes: u64, len: usize) -> WordId {
        debug_assert!((1..=8).contains(&len) && (len == 8 || bytes >> (8 * len) == 0));
        self.short.get((bytes, len as u32))
    }

    /// The id of a lowercase word of nine to sixteen bytes given as its first and
    /// last eight bytes, each read little-endian (they overlap), and its length:
    /// [`Vocabulary::id_of_bytes`] for a word already in two registers.
    #[inline]
    pub fn id_of_medium(&self, head: u64, tail: u64, len: usize) -> WordId {
        debug_assert!((9..=16).contains(&len));
        self.medium.get((head, tail, len as u32))
    }

    /// The id of the word that is the one byte `b` ([`Vocabulary::id_of_short`]
    /// of it), or [`UNKNOWN_WORD`].
    #[inline]
    pub fn id_of_byte(&self, b: u8) -> WordId {
        self.bytes
            .get(usize::from(b))
            .copied()
            .unwrap_or(UNKNOWN_WORD)
    }

    fn intern(&mut self, word: &str) -> WordId {
        let next = WordId::try_from(self.ids.len()).unwrap_or(UNKNOWN_WORD - 1);
        let id = *self.ids.entry(word.as_bytes().into()).or_insert(next);
        if let &[b] = word.as_bytes() {
            if self.bytes.is_empty() {
                self.bytes = vec![UNKNOWN_WORD; 256];
            }
            self.bytes[usize::from(b)] = id;
        }
        if let Some(key) = ShortWords::key(word.as_bytes()) {
            self.short.insert(key, id);
        }
        if let Some(key) = MediumWords::key(word.as_bytes()) {
            self.medium.insert(key, id);
        }
        id
    }

    /// Gives a set of phrases (by first word) a slot, if there is one left and its
    /// phrases are short enough for the table.
    fn register(&mut self, by_first: &PhraseMap) -> Option<usize> {
        let short = by_first
            .values()
            .flatten()
            .all(|p| p.len() <= usize::from(u8::MAX));
        if self.sets >= MAX_SLOTS || !short {
            return None;
        }
        let slot = self.sets;
        self.sets += 1;
        for (&first, phrases) in by_first {
            let first = first as usize;
            if self.singles.len() <= first {
                self.singles.resize(first + 1, 0);
            }
            for p in phrases {
                if p.len() == 1 {
                    // At most `MAX_SLOTS` (64) slots.
                    self.singles[first] |= 1 << slot;
                } else {
                    if self.multi.len() <= first {
                        self.multi.resize_with(first + 1, LongerPhrases::default);
                    }
                    let longer = &mut self.multi[first];
                    longer.seconds |= 1 << (p[1] % 64);
                    longer.phrases.push((slot, p[1..].into()));
                }
            }
        }
        Some(slot)
    }

    /// How many bytes of phrase lengths a sentence of `tokens` tokens needs, and
    /// how many `u64`s of phrase starts ([`Vocabulary::phrase_tables`]).
    pub fn table_sizes(&self, tokens: usize) -> (usize, usize) {
        (tokens * self.sets, tokens.div_ceil(64) * self.sets)
    }

    /// Fills a sentence's phrase tables from its word ids: the longest match of
    /// every phrase set at every token (what [`PhraseSet::match_at`] reads) into
    /// `lens`, where each starts into `starts` (both zeroed, of the sizes
    /// [`Vocabulary::table_sizes`] gives); returns which sets match somewhere.
    ///
    /// The tables are slices of buffers for the whole document: each sentence
    /// had two vectors of its own.
    pub fn phrase_tables(&self, ids: &[WordId], lens: &mut [u8], starts: &mut [u64]) -> u64 {
        let sets = self.sets;
        debug_assert_eq!((lens.len(), starts.len()), self.table_sizes(ids.len()));
        let mut present = 0u64;
        let blocks = ids.len().div_ceil(64);
        for (i, &id) in ids.iter().enumerate() {
            // Unknown words and words that start no phrase, nearly every token, stop
            // here.
            let Some(&singles) = self.singles.get(id as usize) else {
                continue;
            };
            // The one-word phrases: length 1 in their sets' slots (a longer match
            // below overrides it). (The token's row is found only when something
            // is written to it: most known words start no phrase.)
            if singles != 0 {
                present |= singles;
                let row = &mut lens[i * sets..(i + 1) * sets];
                let mut bits = singles;
                while bits != 0 {
                    let slot = bits.trailing_zeros() as usize;
                    row[slot] = 1;
                    starts[slot * blocks + i / 64] |= 1 << (i % 64);
                    bits &= bits - 1;
                }
            }
            let Some(longer) = self.multi.get(id as usize) else {
                continue;
            };
            // A phrase of two or more words needs a next word, and one of its
            // second words there.
            let Some(&next) = ids.get(i + 1) else {
                continue;
            };
            if longer.seconds & (1 << (next % 64)) == 0 {
                continue;
            }
            let row = &mut lens[i * sets..(i + 1) * sets];
            for &(slot, ref rest) in &longer.phrases {
                let len = rest.len() + 1;
                // Only a longer match than the slot's so far changes it.
                if usize::from(row[slot]) < len
                    && ids
                        .get(i + 1..i + len)
                        .is_some_and(|words| words.iter().eq(rest.iter()))
                {
                    // Phrases of a slotted set are at most 255 words (`register`).
                    row[slot] = len as u8;
                    starts[slot * blocks + i / 64] |= 1 << (i % 64);
                    // At most `MAX_SLOTS` (64) slots.
                    present |= 1 << (slot % MAX_SLOTS);
                }
            }
        }
        present
    }

    /// A sentence's word ids with its phrase tables, as
    /// [`Vocabulary::phrase_tables`] filled them and returned `present`.
    pub fn word_ids<'a>(
        &self,
        ids: &'a [WordId],
        lens: &'a [u8],
        starts: &'a [u64],
        present: u64,
    ) -> WordIds<'a> {
        WordIds {
            ids,
            sets: self.sets,
            lens,
            present,
            starts,
        }
    }
}

/// The key of a word in a [`WordTable`]: the word's bytes packed into integers with
/// its length. Equal keys are equal words; the length is never 0 for a word.
trait WordKey: Copy + Default + Eq {
    /// A well-mixed hash of the key.
    fn hash(self) -> u64;
    /// Is this the key of no word (an empty slot)?
    fn is_empty(self) -> bool;
}

/// The key of a word of one to eight bytes: its bytes read as a little-endian
/// `u64`, zero-padded, and its length.
type ShortKey = (u64, u32);

impl WordKey for ShortKey {
    #[inline]
    fn hash(self) -> u64 {
        (self.0 ^ u64::from(self.1)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    #[inline]
    fn is_empty(self) -> bool {
        self.1 == 0
    }
}

/// The key of a word of nine to sixteen bytes: its first and last eight bytes (each
/// read little-endian) and its length — together the whole word, so a key that
/// matches is the word.
type MediumKey = (u64, u64, u32);

impl WordKey for MediumKey {
    #[inline]
    fn hash(self) -> u64 {
        (self.0 ^ self.1.rotate_left(29) ^ u64::from(self.2)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    #[inline]
    fn is_empty(self) -> bool {
        self.2 == 0
    }
}

/// Words of a [`Vocabulary`] by key with their ids, in an open-addressing table
/// (linear probing, at most half full).
#[derive(Clone, Debug, Default)]
struct WordTable<K> {
    /// The slots; an empty key marks an empty one. A power of two long (or empty).
    slots: Vec<(K, WordId)>,
    /// How many slots are taken.
    len: usize,
}

/// The words of one to eight bytes.
type ShortWords = WordTable<ShortKey>;
/// The words of nine to sixteen bytes.
type MediumWords = WordTable<MediumKey>;

impl ShortWords {
    /// The key of a word of one to eight bytes: (bytes, length). None for others.
    #[inline]
    fn key(word: &[u8]) -> Option<ShortKey> {
        if word.is_empty() || word.len() > 8 {
            return None;
        }
        let bytes = word
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        Some((bytes, word.len() as u32))
    }
}

impl MediumWords {
    /// The key of a word of nine to sixteen bytes; None for others.
    #[inline]
    fn key(word: &[u8]) -> Option<MediumKey> {
        if !(9..=16).contains(&word.len()) {
            return None;
        }
        let (head, _) = word.split_first_chunk::<8>()?;
        let (_, tail) = word.split_last_chunk::<8>()?;
        Some((
            u64::from_le_bytes(*head),
            u64::from_le_bytes(*tail),
            word.len() as u32,
        ))
    }
}

impl<K: WordKey> WordTable<K> {
    /// The first slot to look at for a key (`slots` is not empty).
    #[inline]
    fn home(&self, key: K) -> usize {
        (key.hash() >> 32) as usize & (self.slots.len() - 1)
    }

    /// The id of a word by its key, or [`UNKNOWN_WORD`].
    #[inline]
    fn get(&self, key: K) -> WordId {
        if self.slots.is_empty() {
            return UNKNOWN_WORD;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, id) = self.slots[i];
            if k.is_empty() {
                return UNKNOWN_WORD;
            }
            if k == key {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a word (by key) with its id, unless it is there already.
    fn insert(&mut self, key: K, id: WordId) {
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(K::default(), 0); (old.len() * 2).max(64)];
            self.len = 0;
            for (k, id) in old.into_iter().filter(|(k, _)| !k.is_empty()) {
                self.insert(k, id);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while !self.slots[i].0.is_empty() {
            if self.slots[i].0 == key {
                return;
            }
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, id);
        self.len += 1;
    }
}

/// A sentence's word ids (see [`Vocabulary`]), and for every token the length of
/// the longest phrase of each slotted phrase set that starts there (0: none):
/// slices of buffers for the whole document.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordIds<'a> {
    ids: &'a [WordId],
    /// Slots per token in `lens`.
    sets: usize,
    /// `lens[i * sets + slot]`.
    lens: &'a [u8],
    /// Bit `slot`: some phrase of the set in that slot starts somewhere in the
    /// sentence (see [`PhraseSet::may_match`]).
    present: u64,
    /// `starts[slot * blocks + i / 64]` bit `i % 64`: some phrase of the set in
    /// that slot starts at token `i` (see [`PhraseSet::starts`]). `blocks` is the
    /// tokens divided by 64, rounded up.
    starts: &'a [u64],
}

#[cfg(test)]
impl WordIds<'_> {
    /// The id of token `i`'s word.
    pub fn id(&self, i: usize) -> WordId {
        self.ids[i]
    }
}

/// Phrases by the id of their first word, longest first.
type PhraseMap = HashMap<WordId, Vec<Box<[WordId]>>, BuildHasherDefault<WordHasher>>;

/// A set of phrases matched against word-id sequences, longest first.
#[derive(Clone, Debug)]
pub struct PhraseSet {
    /// Phrases by the id of their first word, longest first.
    by_first: PhraseMap,
    /// Its column in [`WordIds`], when the vocabulary gave it one, else
    /// [`NO_SLOT`]. (Not an `Option`: `match_at`, asked for nearly every token
    /// by a dozen sets, then tests one number.)
    slot: u32,
}

/// The [`PhraseSet::slot`] of a set without one: never below a `WordIds`' count.
const NO_SLOT: u32 = u32::MAX;

impl Default for PhraseSet {
    fn default() -> PhraseSet {
        PhraseSet {
            by_first: PhraseMap::default(),
            slot: NO_SLOT,
        }
    }
}

/// A fast hash for the short lowercase words of a [`Vocabulary`], the word ids of a
/// [`PhraseSet`] and the other small keys of extraction's maps ([`FastMap`]): std's
/// SipHash, built to resist adversarial keys, which these maps do not need, was a
/// tenth of extraction time. It takes eight bytes at a time (FxHash's mixing step).
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The rest zero-padded, little-endian, byte by byte: copying it into an
            // array took a call to `memcpy` per word (most words are shorter than 8).
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            self.add(word);
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`WordHasher`], for extraction's internal maps.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A hash set with [`WordHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// A filter of words by first byte and length, for a handful of words asked about
/// at every token (a document's surnames, its acronyms): most tokens share no first
/// byte and length with any member and are turned away by two bits. `may_contain`
/// is false for every word not inserted except a few.
#[derive(Clone, Debug, Default)]
pub struct ShapeFilter {
    /// Bit `min(len, 63)`: some member is `len` bytes long.
    lengths: u64,
    /// Bit `b`: some member starts with the byte `b`.
    firsts: [u64; 4],
}

impl ShapeFilter {
    /// Adds a word.
    pub fn insert(&mut self, word: &[u8]) {
        self.lengths |= 1 << word.len().min(63);
        if let Some(&b) = word.first() {
            self.firsts[usize::from(b / 64)] |= 1 << (b % 64);
        }
    }

    /// Whether `word` may be a member (false for an empty word).
    #[inline]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        word.first().is_some_and(|&b| {
            self.lengths & 1 << word.len().min(63) != 0
                && self.firsts[usize::from(b / 64)] & 1 << (b % 64) != 0
        })
    }
}

/// A set of single words. `contains` takes anything that reads as a `str` (a
/// `&str`, a `String`, a sentence's `Word`).
///
/// Most words asked about are not members: a table of the members' first bytes
/// and lengths turns most of them away first. The rest go to an open-addressing
/// table whose hash reads a word's length and three of its bytes, not all of
/// them ([`WordSet::home`]): hashing every byte of every capitalized token (a
/// general hash set) was most of the cost of asking whether it is an honorific.
#[derive(Clone, Debug)]
pub struct WordSet {
    /// The members, each once.
    words: Vec<Box<str>>,
    /// Index in `words` of the member at each slot, or [`WordSet::FREE`]; a member
    /// is at its [`WordSet::home`] or the first slot after it (wrapping) that
    /// holds it. A power of two long, at least four times the members (most
    /// lookups meet a free slot at once).
    slots: Vec<u32>,
    /// `lengths[b]`: bit `min(len, 31)` is set when a member of `len` bytes starts
    /// with byte `b`.
    lengths: [u32; 256],
}

impl Default for WordSet {
    fn default() -> WordSet {
        WordSet {
            words: Vec::new(),
            slots: vec![WordSet::FREE; 16],
            lengths: [0; 256],
        }
    }
}

impl WordSet {
    /// A free slot.
    const FREE: u32 = u32::MAX;

    /// The bit of a word's length in [`WordSet::lengths`].
    #[inline]
    fn length_bit(len: usize) -> u32 {
        1 << len.min(31)
    }

    /// The first slot to look at for a word: its length, first two and last bytes,
    /// multiplied and shifted (a Fibonacci hash). Collisions only cost a compare.
    #[inline]
    fn home(&self, w: &[u8]) -> usize {
        let (a, b, z) = match w {
            [] => (0, 0, 0),
            [a] => (*a, 0, *a),
            [a, b] => (*a, *b, *b),
            [a, b, .., z] => (*a, *b, *z),
        };
        let key = u64::from_le_bytes([a, b, z, 0, 0, 0, 0, 0]) | ((w.len() as u64) << 24);
        let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The slot that holds `word`, or the free slot where it would go.
    #[inline]
    fn slot_of(&self, word: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(word.as_bytes());
        loop {
            let k = self.slots[at];
            if k == WordSet::FREE || *self.words[k as usize] == *word {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// Is this word a member?
    #[inline]
    pub fn contains<W: AsRef<str> + ?Sized>(&self, word: &W) -> bool {
        let word = word.as_ref();
        if let Some(&first) = word.as_bytes().first() {
            if self.lengths[usize::from(first)] & WordSet::length_bit(word.len()) == 0 {
                return false;
            }
        }
        self.slots[self.slot_of(word)] != WordSet::FREE
    }

    /// Adds a word (once).
    fn insert(&mut self, w: String) {
        if (self.words.len() + 1) * 4 > self.slots.len() {
            // Twice the slots, every member placed anew.
            self.slots = vec![WordSet::FREE; self.slots.len() * 2];
            for k in 0..self.words.len() {
                let at = self.slot_of(&self.words[k]);
                self.slots[at] = k as u32;
            }
        }
        let at = self.slot_of(&w);
        if self.slots[at] != WordSet::FREE {
            return;
        }
        if let Some(&first) = w.as_bytes().first() {
            self.lengths[usize::from(first)] |= WordSet::length_bit(w.len());
        }
        self.slots[at] = self.words.len() as u32;
        self.words.push(w.into_boxed_str());
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> WordSet {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

impl<'a> FromIterator<&'a str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> WordSet {
        iter.into_iter().map(str::to_string).collect()
    }
}

impl PhraseSet {
    /// Builds the set from phrases (split on whitespace, lowercased), numbering their
    /// words in `vocab`.
    pub fn new<S: AsRef<str>>(phrases: &[S], vocab: &mut Vocabulary) -> PhraseSet {
        let mut by_first = PhraseMap::default();
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
        let slot = vocab
            .register(&by_first)
            .and_then(|s| u32::try_from(s).ok())
            .unwrap_or(NO_SLOT);
        PhraseSet { by_first, slot }
    }

    /// The length in words of the longest phrase starting at token `i`, if any.
    #[inline]
    pub fn match_at(&self, ids: &WordIds, i: usize) -> Option<usize> {
        let slot = self.slot as usize;
        if slot < ids.sets {
            let len = *ids.lens.get(i * ids.sets + slot)?;
            return (len > 0).then_some(usize::from(len));
        }
        self.match_ids(ids.ids, i)
    }

    /// May some phrase of the set start somewhere in the sentence? False when
    /// [`PhraseSet::match_at`] is `None` at every token: a loop over the tokens
    /// that looks for this set's phrases can skip a sentence without one (most
    /// sentences have no speech or pledge cue).
    #[inline]
    pub fn may_match(&self, ids: &WordIds) -> bool {
        let slot = self.slot as usize;
        slot >= ids.sets || ids.present & (1 << slot) != 0
    }

    /// The tokens where some phrase of the set starts, as bits (bit `i % 64` of
    /// block `i / 64` for token `i`), when the set has a slot in the vocabulary
    /// (None otherwise): a loop that acts only where a phrase starts goes from one
    /// to the next instead of asking every token.
    #[inline]
    pub fn starts<'w>(&self, ids: &WordIds<'w>) -> Option<&'w [u64]> {
        let slot = self.slot as usize;
        if slot >= ids.sets {
            return None;
        }
        let blocks = ids.ids.len().div_ceil(64);
        ids.starts.get(slot * blocks..(slot + 1) * blocks)
    }

    /// The tokens of `range` where a phrase of the set may start, in order: those
    /// where one starts when the vocabulary says ([`PhraseSet::starts`]), else
    /// every token of the range (`match_at` decides). A loop over a sentence's
    /// tokens that acts only where the set matches goes from one such token to
    /// the next instead of asking every token.
    #[inline]
    pub fn starts_in<'w>(&self, ids: &WordIds<'w>, range: std::ops::Range<usize>) -> StartsIn<'w> {
        StartsIn {
            bits: self.starts(ids),
            next: range.start,
            end: range.end,
        }
    }

    /// [`PhraseSet::match_at`] by comparing ids.
    fn match_ids(&self, ids: &[WordId], i: usize) -> Option<usize> {
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

/// The iterator of [`PhraseSet::starts_in`].
pub struct StartsIn<'w> {
    /// Where phrases start (bit `i % 64` of block `i / 64`), or None: anywhere.
    bits: Option<&'w [u64]>,
    /// The first token not yet looked at.
    next: usize,
    /// The end of the range.
    end: usize,
}

impl Iterator for StartsIn<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = match self.bits {
            None => self.next,
            Some(bits) => {
                let mut w = self.next / 64;
                let mut b = *bits.get(w)? & (!0u64 << (self.next % 64));
                while b == 0 {
                    w += 1;
                    b = *bits.get(w)?;
                }
                w * 64 + b.trailing_zeros() as usize
            }
        };
        if i >= self.end {
            self.next = self.end;
            return None;
        }
        self.next = i + 1;
        Some(i)
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
    /// "threatened", "threatens to" ...: a threat, which commits (as a conditional
    /// pledge) only when the sentence states its condition.
    pub threat_verbs: PhraseSet,
    /// "raise", "impose", "reintroduce" ...: harm whose plain negation ("will not
    /// raise prices") is a promise to refrain, not a refusal.
    pub restraint_actions: PhraseSet,
    /// "could", "may", "consider" ...
    pub hedges: PhraseSet,
    /// "not", "refused" ...
    pub negations: PhraseSet,
    /// "if", "unless" ...
    pub conditions: PhraseSet,
    /// "urged", "hope" ...
    pub non_commitment_frames: PhraseSet,
    /// Verbs that commit when an amount of money follows ("followed with 60 million").
    pub amount_verbs: PhraseSet,
    /// Participles that commit in an agentless future passive ("would be delivered").
    pub passive_commitments: PhraseSet,
    /// Participles that commit money in any passive ("has been earmarked for").
    pub reserved_commitments: PhraseSet,
    /// Adverbs and auxiliaries between a subject and its verb.
    pub skippable: WordSet,
    /// Determiners, pronouns and prepositions: words that never start a verb phrase.
    pub function_words: WordSet,
    /// Verbs of state or outcome ("will remain", "would face"): after a modal they
    /// commit nobody.
    pub stative_verbs: WordSet,
    /// What a stative verb may commit to: "will meet its obligations".
    pub obligation_nouns: WordSet,
    /// What one actor gives or asks of another: "from" and a capital after them name
    /// the giver ("the package from Brussels").
    pub given_nouns: WordSet,
    /// Words of a heading that makes its list items pledges ("the following
    /// pledges:", "Contributions announced:").
    pub list_headings: PhraseSet,
    /// Verbs that renew an actor's own commitment ("reaffirmed its commitment to").
    pub renewal_verbs: WordSet,
    /// A state's forces and envoys: named by its demonym they commit the state
    /// ("Turkish coast guard vessels would begin patrols").
    pub force_nouns: WordSet,
    /// How lines that are not article text begin ("related:", "(reporting by"),
    /// lowercased: no actor or event is read from such lines.
    pub boilerplate_openers: Vec<String>,
    /// The most chars of a boilerplate opener: how much of a line to lowercase.
    opener_chars: usize,
    /// `openers_by_first[b]`: the indices in `boilerplate_openers` of the openers
    /// whose first byte is `b`, with the empty ones (which start every line) under
    /// every byte. A line is compared with those of its first byte only.
    openers_by_first: Vec<Vec<usize>>,
    /// Role nouns, matched case-insensitively.
    pub roles: PhraseSet,
    /// Words that may precede a role noun.
    pub role_modifiers: PhraseSet,
    /// Honorifics that may start a name run.
    pub honorifics: WordSet,
    /// The honorifics that end in a dot, without it ("Gen" for "Gen."): the
    /// tokenizer splits the dot off.
    honorifics_before_dot: WordSet,
    /// Lowercase particles inside names.
    pub name_particles: WordSet,
    /// Heads of descriptions that refer back to a person.
    pub person_descriptions: PhraseSet,
    /// Plural nouns that make collectives.
    pub collective_nouns: PhraseSet,
    /// "companies", "buyers", "investors" ...: after a country's demonym, actors
    /// of the country that are not its state ("Turkish companies").
    pub private_collectives: PhraseSet,
    /// Nouns after which a demonym speaks for its state.
    pub official_nouns: PhraseSet,
    /// Ministerial portfolios after "for"/"of" in a title ("Foreign Affairs").
    pub portfolios: PhraseSet,
    /// Nouns that end an organization's name ("Commission", "Armed Forces").
    pub org_heads: PhraseSet,
    /// Lowercase nouns that may follow an organization's name ("rebel movement").
    pub org_descriptors: PhraseSet,
    /// Lowercase nouns that introduce a body's name ("state company Orlen").
    pub org_kinds: PhraseSet,
    /// Head nouns of institutions' names ("ministry", "department", "mission"):
    /// "the ministry" refers back to the institution last named with that head.
    pub org_head_nouns: WordSet,
    /// Who meets at a summit ("the leaders", "the heads of state"): the
    /// organization whose meeting the article reports.
    pub summit_collectives: PhraseSet,
    /// Words that alone make no organization's name ("Foreign Ministry").
    pub generic_org_words: WordSet,
    /// The words that may start a pledge cue: the pledge rules' own words
    /// (`extract::pledges::CUE_WORDS`) and the first words of the commitment verbs,
    /// amount verbs, future and reported modals. A filter, not a cue list.
    pub pledge_cue_words: PhraseSet,
    /// The words that may start a speech cue: the verbs of naming
    /// (`extract::statements::NAMING_VERBS`) and the first words of the speech verbs
    /// and commitment verbs. A filter, as `pledge_cue_words` is.
    pub speech_cue_words: PhraseSet,
    /// The words that may open a collective (`extract::mentions::collective_opener_words`:
    /// "two", "several", "each"). A filter: the collective rules look only where
    /// one starts.
    pub collective_openers: PhraseSet,
    /// The words past a sentence's first that may open a description or be a
    /// pronoun (`extract::mentions::DESCRIPTION_OPENERS`: "the", "he", "they"). A
    /// filter, as `collective_openers` is.
    pub description_openers: PhraseSet,
    /// The honorifics (with and without their dot) and the words that name
    /// nothing (`extract::mentions::name_list_words`: "The", "However", "May"),
    /// as a sentence's lowercased words: a token none of them is no honorific and
    /// in none of those lists. A filter: the lists compare tokens as written.
    pub name_list_words: PhraseSet,
    /// The words an event's date is read from or by (`extract::dates::date_words`:
    /// "yesterday", "Thursday", "March"). A filter: a sentence without one takes
    /// the publication date at once.
    pub date_words: PhraseSet,
}

const CUES: &str = include_str!("../data/lexicon/cues.ron");
const TITLES: &str = include_str!("../data/lexicon/titles.ron");

/// The index of [`Lexicon::openers_by_first`]: openers by first byte, in order.
/// Is this line a heading in capitals ("WHAT THE COMMISSION PROMISED", "KEY
/// POINTS")? A label over the text, not text: its capitalized words name nobody
/// new. Two words at least, with letters and no lowercase letter; the scan stops
/// at the first lowercase letter, near the start of any line of text.
/// Writes the ASCII start of `bytes[..len]` (`len` at most 64), lowercased, to
/// the start of `out`, and returns its length (where the first byte that is not
/// ASCII is, or `len`). Eight bytes at a time: each eight are one load (of the
/// text past `len` too, masked), one test for a byte that is not ASCII, their
/// capitals lowercased at once (bit 5 set where [`crate::text::capitals_mask`]
/// flags one) and one store — the start of every line of every document was
/// searched, copied and lowercased byte by byte.
fn lower_ascii_head(bytes: &[u8], len: usize, out: &mut [u8; 64]) -> usize {
    let len = len.min(64).min(bytes.len());
    let mut p = 0;
    while p < len {
        let x = crate::text::read_le_u64(bytes, p, (len - p).min(8));
        let lower = x | (crate::text::capitals_mask(x) >> 2);
        // (All eight stored: those past the ASCII start are never read.)
        if let Some(to) = out.get_mut(p..p + 8) {
            to.copy_from_slice(&lower.to_le_bytes());
        }
        let high = x & crate::text::HIGH_BITS;
        if high != 0 {
            return p + (high.trailing_zeros() / 8) as usize;
        }
        p += 8;
    }
    len
}

fn is_caps_heading(line: &str) -> bool {
    let mut letters = false;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters |= c.is_alphabetic();
    }
    letters && line.split_whitespace().nth(1).is_some()
}

fn openers_by_first(openers: &[String]) -> Vec<Vec<usize>> {
    let mut by_first = vec![Vec::new(); 256];
    for (k, o) in openers.iter().enumerate() {
        match o.as_bytes().first() {
            Some(&b) => by_first[usize::from(b)].push(k),
            None => by_first.iter_mut().for_each(|v| v.push(k)),
        }
    }
    by_first
}

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
        // Every word that may start a pledge cue, for a one-lookup filter per token.
        let firsts = |v: &[String]| -> Vec<String> {
            v.iter()
                .filter_map(|p| p.split_whitespace().next().map(str::to_string))
                .collect()
        };
        let pledge_cue_words: Vec<String> = crate::extract::CUE_WORDS
            .iter()
            .chain(crate::extract::GIVING_PARTICIPLES)
            .map(|w| w.to_string())
            .chain(firsts(&cues.commitment_verbs))
            .chain(firsts(&cues.threat_verbs))
            .chain(firsts(&cues.amount_verbs))
            .chain(firsts(&cues.future_modals))
            .chain(firsts(&cues.reported_modals))
            .collect();
        let speech_cue_words: Vec<String> = crate::extract::NAMING_VERBS
            .iter()
            .map(|w| w.to_string())
            .chain(firsts(&cues.speech_verbs))
            .chain(firsts(&cues.commitment_verbs))
            .collect();
        // As a sentence's words are lowercased (`extract::prepare`): a curly
        // apostrophe as a straight one.
        let name_list_words: Vec<String> = titles
            .honorifics
            .iter()
            .map(|h| h.strip_suffix('.').unwrap_or(h))
            .chain(titles.honorifics.iter().map(String::as_str))
            .chain(crate::extract::name_list_words())
            .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        let lexicon = Lexicon {
            speech_verbs: PhraseSet::new(&cues.speech_verbs, v),
            speech_participles: PhraseSet::new(&cues.speech_participles, v),
            source_phrases: PhraseSet::new(&cues.source_phrases, v),
            commitment_verbs: PhraseSet::new(&cues.commitment_verbs, v),
            future_modals: PhraseSet::new(&cues.future_modals, v),
            reported_modals: PhraseSet::new(&cues.reported_modals, v),
            commitment_actions: PhraseSet::new(&cues.commitment_actions, v),
            threat_actions: PhraseSet::new(&cues.threat_actions, v),
            threat_verbs: PhraseSet::new(&cues.threat_verbs, v),
            restraint_actions: PhraseSet::new(&cues.restraint_actions, v),
            hedges: PhraseSet::new(&cues.hedges, v),
            negations: PhraseSet::new(&cues.negations, v),
            conditions: PhraseSet::new(&cues.conditions, v),
            non_commitment_frames: PhraseSet::new(&cues.non_commitment_frames, v),
            passive_commitments: PhraseSet::new(&cues.passive_commitments, v),
            amount_verbs: PhraseSet::new(&cues.amount_verbs, v),
            reserved_commitments: PhraseSet::new(&cues.reserved_commitments, v),
            skippable: set(&cues.skippable),
            function_words: set(&cues.function_words),
            stative_verbs: set(&cues.stative_verbs),
            obligation_nouns: set(&cues.obligation_nouns),
            given_nouns: set(&cues.given_nouns),
            list_headings: PhraseSet::new(&cues.list_headings, v),
            renewal_verbs: set(&cues.renewal_verbs),
            force_nouns: set(&cues.force_nouns),
            opener_chars: cues
                .boilerplate_openers
                .iter()
                .map(|o| o.to_lowercase().chars().count())
                .max()
                .unwrap_or(0),
            boilerplate_openers: cues
                .boilerplate_openers
                .iter()
                .map(|o| o.to_lowercase())
                .collect(),
            openers_by_first: Vec::new(),
            roles: PhraseSet::new(&titles.roles, v),
            role_modifiers: PhraseSet::new(&titles.role_modifiers, v),
            honorifics: titles.honorifics.iter().cloned().collect(),
            honorifics_before_dot: titles
                .honorifics
                .iter()
                .filter_map(|h| h.strip_suffix('.').map(str::to_string))
                .collect(),
            name_particles: set(&titles.name_particles),
            person_descriptions: PhraseSet::new(&titles.person_descriptions, v),
            collective_nouns: PhraseSet::new(&titles.collective_nouns, v),
            private_collectives: PhraseSet::new(&titles.private_collectives, v),
            official_nouns: PhraseSet::new(&titles.official_nouns, v),
            portfolios: PhraseSet::new(&titles.portfolios, v),
            org_heads: PhraseSet::new(&titles.org_heads, v),
            org_descriptors: PhraseSet::new(&titles.org_descriptors, v),
            org_kinds: PhraseSet::new(&titles.org_kinds, v),
            org_head_nouns: set(&titles.org_head_nouns),
            summit_collectives: PhraseSet::new(&titles.summit_collectives, v),
            generic_org_words: set(&titles.generic_org_words),
            pledge_cue_words: PhraseSet::new(&pledge_cue_words, v),
            speech_cue_words: PhraseSet::new(&speech_cue_words, v),
            collective_openers: PhraseSet::new(&crate::extract::collective_opener_words(), v),
            description_openers: PhraseSet::new(crate::extract::DESCRIPTION_OPENERS, v),
            name_list_words: PhraseSet::new(&name_list_words, v),
            date_words: PhraseSet::new(&crate::extract::date_words(), v),
            vocabulary: Vocabulary::default(),
        };
        Ok(Lexicon {
            vocabulary: vocab,
            openers_by_first: openers_by_first(&lexicon.boilerplate_openers),
            ..lexicon
        })
    }

    /// Is this line boilerplate rather than article text ("Related: ...",
    /// "(Reporting by ...)", "Photo: ... / AFP", a short "By Jane Doe" byline)?
    pub fn is_boilerplate_line(&self, line: &str) -> bool {
        let line = line.trim_start();
        self.starts_with_opener(line) || self.is_heading_or_byline(line)
    }

    /// Does this (trimmed) line start with a boilerplate opener, compared
    /// lowercased?
    ///
    /// Openers are short: the answer is that of the line's start lowercased (a line
    /// may be huge), its first 64 chars — or as many as the longest opener has: the
    /// same answer, since no char lowercases to nothing. A capital sigma lowercases
    /// by what follows it, so a line with one takes the 64 ([`Lexicon::lower_head`]).
    ///
    /// That lowercased head is rarely made: its ASCII start (the whole head, for
    /// nearly every line) is the ASCII start lowercased byte by byte, on the stack,
    /// and settles every opener no longer than it, and every opener it does not
    /// start. Lines with a curly apostrophe or quote near their start took a
    /// `to_lowercase` each before.
    fn starts_with_opener(&self, line: &str) -> bool {
        let k = self.opener_chars.min(64);
        let bytes = line.as_bytes();
        let head_bytes = bytes.len().min(k);
        // ASCII chars are one byte each: up to `head_bytes`, bytes are chars.
        let mut buf = [0u8; 64];
        let ascii_end = lower_ascii_head(bytes, head_bytes, &mut buf);
        let ascii: &[u8] = &buf[..ascii_end];
        // The lowercased head is `ascii` and no more.
        let whole = ascii_end == head_bytes;
        // The first byte of the lowercased head settles nearly every opener. With
        // a non-ASCII first char, it is the first byte of that char's lowercase
        // (a capital sigma first in a line lowercases to 'σ' in any context).
        let mut utf8 = [0u8; 4];
        let first = match (ascii.first(), line.chars().next()) {
            (Some(&b), _) => Some(b),
            (None, Some(c)) if k > 0 => {
                let lower = c.to_lowercase().next().unwrap_or(c);
                Some(lower.encode_utf8(&mut utf8).as_bytes()[0])
            }
            // The lowercased head is empty: only an empty opener starts it.
            _ => None,
        };
        let Some(first) = first else {
            return self.boilerplate_openers.iter().any(String::is_empty);
        };
        let mut lower: Option<String> = None;
        // An opener whose first four bytes are not the head's cannot start it, nor
        // can the head start it (a line of "The ..." and the dozen openers in "t"):
        // one comparison of four bytes, not a call to compare them.
        let quad = |b: &[u8]| b.get(..4).and_then(|q| <[u8; 4]>::try_from(q).ok());
        let head = quad(ascii);
        self.openers_by_first[usize::from(first)].iter().any(|&i| {
            let opener = self.boilerplate_openers[i].as_bytes();
            if let (Some(h), Some(o)) = (head, quad(opener)) {
                if h != o {
                    return false;
                }
            }
            if whole || opener.len() <= ascii.len() {
                return ascii.starts_with(opener);
            }
            // The lowercased head starts with `ascii`: so must the opener.
            if !opener.starts_with(ascii) {
                return false;
            }
            let lower = lower.get_or_insert_with(|| Lexicon::lower_head(line, k));
            lower.as_bytes().starts_with(opener)
        })
    }

    /// The first `k` chars of a line lowercased (its first 64 when they hold a
    /// capital sigma, which lowercases by what follows it).
    fn lower_head(line: &str, k: usize) -> String {
        let head_end = line.char_indices().nth(k).map_or(line.len(), |(i, _)| i);
        if line[..head_end].contains('Σ') {
            line.chars().take(64).collect::<String>().to_lowercase()
        } else {
            line[..head_end].to_lowercase()
        }
    }

    /// The rest of [`Lexicon::is_boilerplate_line`], after the openers: is this
    /// (trimmed) line a heading in capitals or a byline?
    fn is_heading_or_byline(&self, line: &str) -> bool {
        if is_caps_heading(line) {
            return true;
        }
        // A byline: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Meridian Wire".
        // At most eight words: eight more after "By" tell (a line may be huge).
        let mut words = line.split_whitespace();
        if words.next() != Some("By") {
            return false;
        }
        let rest: Vec<&str> = words.take(8).collect();
        rest.len() <= 7
            && rest.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "&" | "in")
            })
    }

    /// Is this word, with a dot after it, an honorific ("Gen" for "Gen.")? The same
    /// as `honorifics.contains(&format!("{word}."))`, without the string.
    pub fn is_honorific_with_dot(&self, word: &str) -> bool {
        self.honorifics_before_dot.contains(word)
    }

    /// Is this lowercase word one of the phrases of `set` on its own?
    pub fn has(&self, set: &PhraseSet, word: &str) -> bool {
        set.contains(self.vocabulary.id(word))
    }

    /// Is this phrase (lowercase words) a member of the set, as a whole?
    pub fn has_phrase(&self, set: &PhraseSet, phrase: &[&str]) -> bool {
        let ids: Vec<WordId> = phrase.iter().map(|w| self.vocabulary.id(w)).collect();
        set.match_ids(&ids, 0) == Some(ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_heads_lowercase_as_bytes_do() {
        let long = "Ab".repeat(40);
        let lines = [
            "",
            "The Foreign MINISTRY said",
            "Ça va",
            "ABCDEFG\u{e9}HIJ",
            "@[`{ AZ az 09 \u{2019}s",
            long.as_str(),
        ];
        for line in lines {
            let bytes = line.as_bytes();
            let head = &bytes[..bytes.len().min(64)];
            let end = head
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(head.len());
            let mut out = [0u8; 64];
            let len = lower_ascii_head(bytes, head.len(), &mut out);
            assert_eq!(&out[..len], &head[..end].to_ascii_lowercase()[..], "{line}");
        }
    }

    #[test]
    fn shape_filter_keeps_its_members_and_turns_most_others_away() {
        let mut f = ShapeFilter::default();
        for w in ["Mudavadi", "RSF"] {
            f.insert(w.as_bytes());
        }
        assert!(f.may_contain(b"Mudavadi"));
        assert!(f.may_contain(b"RSF"));
        // Another first byte, another length, nothing at all.
        assert!(!f.may_contain(b"mudavadi"));
        assert!(!f.may_contain(b"Mudavadis"));
        assert!(!f.may_contain(b""));
    }

    #[test]
    fn short_words_find_what_the_map_finds() {
        let mut vocab = Vocabulary::default();
        let words: Vec<String> = (0..500)
            .map(|k| "abcdefghijklmnopq"[..1 + k % 17].to_string() + &k.to_string())
            .chain(["a", "'s", "\0", "é", "the", "", "abcdefgh", "abcdefghi"].map(String::from))
            .chain(["government", "présidentielle", "secretary-general"].map(String::from))
            .collect();
        for w in &words {
            vocab.intern(w);
        }
        let others = [
            "zz",
            "a\0",
            "governments",
            "gouvernement",
            "abcdefghijklmnop",
        ];
        for w in words.iter().cloned().chain(others.map(String::from)) {
            let w = &w;
            let want = vocab.ids.get(w.as_bytes()).copied().unwrap_or(UNKNOWN_WORD);
            assert_eq!(vocab.id(w), want, "{w:?}");
        }
        assert_eq!(vocab.id("zz"), UNKNOWN_WORD);
        assert_eq!(vocab.id("a\0"), UNKNOWN_WORD);
    }

    #[test]
    fn word_sets_answer_as_a_hash_set() {
        let members: Vec<String> = (0..300)
            .map(|k| "Abcdefghijk"[..1 + k % 11].to_string() + &k.to_string())
            .chain(["", "a", "Sheikh", "Dato’", "H.E.", "é", "the"].map(String::from))
            .collect();
        let set: WordSet = members.iter().map(String::as_str).collect();
        let plain: HashSet<&str> = members.iter().map(String::as_str).collect();
        let asked = members.iter().map(String::as_str).chain([
            "zz",
            "Sheik",
            "sheikh",
            "Abc",
            "A0",
            "Abcdefghijk9999",
            "ée",
        ]);
        for w in asked {
            assert_eq!(set.contains(w), plain.contains(w), "{w:?}");
        }
        assert!(!WordSet::default().contains(""));
    }

    #[test]
    fn headings_in_capitals_are_boilerplate() {
        let lx = Lexicon::bundled().unwrap();
        assert!(lx.is_boilerplate_line("WHAT THE COMMISSION PROMISED"));
        assert!(lx.is_boilerplate_line("TÜRKIYE AND SAFE"));
        assert!(!lx.is_boilerplate_line("NATO"));
        assert!(!lx.is_boilerplate_line("KYIV, Sept 4 (Reuters) - Ukraine said"));
        assert!(!lx.is_boilerplate_line("— 2026"));
    }

    #[test]
    fn openers_as_if_the_whole_head_were_lowercased() {
        let lx = Lexicon::bundled().unwrap();
        // The plain way: lowercase the head, then compare with every opener.
        let plain = |line: &str| {
            let k = lx.opener_chars.min(64);
            let head_end = line.char_indices().nth(k).map_or(line.len(), |(i, _)| i);
            let lower = if line[..head_end].contains('Σ') {
                line.chars().take(64).collect::<String>().to_lowercase()
            } else {
                line[..head_end].to_lowercase()
            };
            lx.boilerplate_openers
                .iter()
                .any(|o| lower.starts_with(o.as_str()))
        };
        for line in [
            "",
            "Related: talks",
            "RELATED: talks",
            "Editor’s note: this",
            "EDITOR’S NOTE: this",
            "Editor's Note: x",
            "The minister’s aides said",
            "This article was amended on",
            "This article’s sources",
            "© 2026 Meridian",
            "“We will act,” he said",
            "ΣTORY",
            "İstanbul talks",
            "Photo: AFP",
            "Phot",
            "(Reporting by Jane Doe)",
            "Copyright",
            "Cop’yright",
        ] {
            assert_eq!(lx.starts_with_opener(line), plain(line), "{line:?}");
        }
    }

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
        let other = PhraseSet::new(&["for talks", "he"], &mut vocab);
        let ids: Vec<WordId> = ["he", "called", "for", "talks"]
            .iter()
            .map(|w| vocab.id(w))
            .collect();
        assert_eq!(vocab.id("unheard"), UNKNOWN_WORD);
        let (lens, starts) = vocab.table_sizes(ids.len());
        let (mut lens, mut starts) = (vec![0; lens], vec![0; starts]);
        let present = vocab.phrase_tables(&ids, &mut lens, &mut starts);
        let words = vocab.word_ids(&ids, &lens, &starts, present);
        assert_eq!(set.match_at(&words, 1), Some(2));
        assert_eq!(set.match_at(&words, 0), None);
        assert_eq!(set.match_at(&words, 9), None);
        assert_eq!(other.match_at(&words, 2), Some(2));
        assert_eq!(other.match_at(&words, 0), Some(1));
        // The table and the slow way agree everywhere.
        for i in 0..6 {
            for s in [&set, &other] {
                assert_eq!(s.match_at(&words, i), s.match_ids(&ids, i));
            }
        }
    }
}
