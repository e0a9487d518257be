//! Extraction: one document in, its entities and events out.
//!
//! The pipeline is a sequence of small stages with data types between them:
//!
//! 1. [`prepare`]: sentences, tokens and quotations of the text ([`Sentence`]);
//! 2. [`mentions::find`]: every stretch that may name an actor ([`Mention`]);
//! 3. [`resolve::resolve`]: which entity each mention refers to ([`DocEntities`]);
//! 4. [`statements::find`] and [`pledges::find`]: events with speakers, committers,
//!    recipients, quotes, modality and evidence ([`Event`]); [`listed::find`]: the
//!    pledges of donor lists, one item per line.
//!
//! Extraction never fails: whatever the input, it returns what it found plus
//! diagnostics. It holds no state between documents; the [`Extractor`] only owns
//! the gazetteer and the lexicons.

mod clause;
mod dates;
mod listed;
mod mentions;
mod pledges;
mod resolve;
mod statements;
mod word;

use crate::error::Result;
use crate::gazetteer::{Entry, Form, Gazetteer};
use crate::graph::{Link, LinkKind};
use crate::lexicon::FastMap as HashMap;
use crate::lexicon::{Lexicon, WordId, WordIds};
use crate::model::{Document, Entity, EntityKind, Event};
use crate::text::{self, Quotation, Span, Token};
pub(crate) use dates::date_words;
pub(crate) use mentions::{collective_opener_words, name_list_words, DESCRIPTION_OPENERS};
pub(crate) use pledges::{CUE_WORDS, GIVING_PARTICIPLES};
pub(crate) use statements::NAMING_VERBS;
use std::path::Path;
pub use word::Word;

/// A sentence with its tokens, ready for the later stages.
#[derive(Clone, Debug)]
pub struct Sentence<'a> {
    /// Where the sentence is in the document text.
    pub span: Span,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// The tokens' text, lowercased (slices of one buffer per document).
    pub words: &'a [Word<'a>],
    /// The words' ids in the lexicon's vocabulary, with their phrase matches.
    pub ids: WordIds<'a>,
    /// Whether each token is inside a quotation (asked for nearly every token).
    pub quoted: &'a [bool],
    /// Which tokens' texts start with an uppercase letter: bit `i % 64` of block
    /// `i / 64` for token `i`, none past the last (asked for nearly every token
    /// by the name rules; see [`Sentence::capitalized`]). As bits, the rules that
    /// go from one capitalized token to the next read them as they are: a vector
    /// of flags was packed into bits again for every sentence.
    pub capitals: &'a [u64],
    /// Which paragraph (line) it belongs to.
    pub paragraph: usize,
    /// It stands on a boilerplate line ("Related: ...", a byline, a credit).
    pub boilerplate: bool,
    /// Where its running text starts after a dateline ([`clause::dateline_end`] of
    /// its words): found once here, where the rules asked for it again and again
    /// (four times a sentence in the mention rules alone).
    pub dateline: usize,
}

impl Sentence<'_> {
    /// Does token `i`'s text start with an uppercase letter ("Merz", "EU", "“")?
    /// False past the end.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        self.capitals
            .get(i / 64)
            .is_some_and(|b| b >> (i % 64) & 1 != 0)
    }

    /// Is token `i` a word that starts with an uppercase letter? False past the end.
    #[inline]
    pub fn capitalized_word(&self, i: usize) -> bool {
        self.capitalized(i) && self.tokens[i].kind == text::TokenKind::Word
    }

    /// The tokens that start with an uppercase letter, in order: from one set
    /// bit of [`Sentence::capitals`] to the next (most tokens are lowercase; a
    /// loop over all of them asked each its flag).
    pub fn capitalized_tokens(&self) -> CapitalizedTokens<'_> {
        CapitalizedTokens {
            blocks: self.capitals,
            next: 0,
            base: 0,
            bits: 0,
        }
    }
}

/// The iterator of [`Sentence::capitalized_tokens`].
pub struct CapitalizedTokens<'a> {
    blocks: &'a [u64],
    /// The first block not read yet.
    next: usize,
    /// The token of the low bit of `bits`.
    base: usize,
    /// The bits of the block read last not yet given.
    bits: u64,
}

impl Iterator for CapitalizedTokens<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            let &block = self.blocks.get(self.next)?;
            (self.base, self.next) = (64 * self.next, self.next + 1);
            self.bits = block;
        }
        let k = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.base + k)
    }
}

/// A pronoun that may refer to an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// he, him, his
    He,
    /// she, her
    She,
    /// they
    They,
    /// it
    It,
    /// we
    We,
    /// I
    I,
}

/// What a mention is, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A gazetteer form.
    Gazetteer {
        /// The entry.
        entry: Entry,
        /// How it is named.
        form: Form,
    },
    /// A person found by a title pattern or a name shape.
    Person {
        /// The name as written, without honorifics.
        name: String,
        /// The role from the title ("Foreign Minister").
        role: Option<String>,
        /// The country or organization in the title.
        affiliation: Option<Entry>,
        /// The gazetteer person, when known.
        known: Option<usize>,
        /// The whole titled form ("French President Emmanuel Macron").
        full: Option<String>,
        /// First token of the whole titled form (the name's first token if untitled).
        title_first: usize,
    },
    /// An organization the gazetteer does not know ("Permanent Indus Commission").
    NewOrganization {
        /// The name as written.
        name: String,
        /// The country or organization named at its start ("Indian Army").
        owner: Option<Entry>,
    },
    /// An unnamed collective ("26 European countries").
    Group {
        /// The collective as written.
        name: String,
    },
    /// A definite description of a person ("the French leader").
    PersonRef {
        /// The country of the demonym, when given.
        country: Option<Entry>,
        /// The head noun ("leader", "foreign minister").
        head: String,
    },
    /// A definite description of an organization ("the coalition").
    OrgRef {
        /// The description, lowercased ("the coalition").
        phrase: String,
    },
    /// Who meets at a summit, uncounted and unnamed ("the leaders", "the heads of
    /// state"): the organization whose meeting the article reports, if one clearly
    /// is.
    Summit,
    /// A pronoun.
    Pronoun(Pronoun),
}

/// A stretch of a sentence that may name an actor.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Index of the sentence.
    pub sentence: usize,
    /// First token index in the sentence.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    /// Byte span in the document.
    pub span: Span,
    /// What it is.
    pub kind: MentionKind,
    /// The document entity it refers to (index into [`DocEntities::list`]), once resolved.
    pub entity: Option<usize>,
}

impl Mention {
    /// First token of the whole phrase: the title's start for a titled person
    /// ("French President Emmanuel Macron"), else `first`.
    pub fn head_first(&self) -> usize {
        match self.kind {
            MentionKind::Person { title_first, .. } => title_first.min(self.first),
            _ => self.first,
        }
    }

    /// Is this a state's or region's demonym ("Chinese", "Turkish")? Demonyms
    /// modify; they name no side on their own.
    pub fn is_demonym(&self) -> bool {
        matches!(
            self.kind,
            MentionKind::Gazetteer {
                form: Form::Demonym,
                ..
            }
        )
    }
}

/// The entities of one document, and the mentions resolved to them.
#[derive(Clone, Debug, Default)]
pub struct DocEntities {
    /// The entities, in order of first mention.
    pub list: Vec<Entity>,
    /// All mentions, in reading order, with `entity` filled where resolved.
    pub mentions: Vec<Mention>,
    /// The state the article's dateline places it in ("ISLAMABAD:", "ARICA, Chile
    /// —"), when the article names that state: whose "the government" an
    /// unattributed clause means.
    pub dateline_state: Option<usize>,
    /// The state the article is about, when one clearly dominates its mentions
    /// (see `resolve::home_country`).
    pub home_state: Option<usize>,
    /// The states among the entities that style themselves a kingdom or a
    /// sultanate ("Kingdom of Saudi Arabia"): what "the kingdom" may point back to.
    pub kingdoms: Vec<usize>,
    /// How many entities were added marked `implicit` (an implied state or body,
    /// kept only where an event refers to it): with none, the extractor has
    /// nothing to drop and does not look for the mark on every entity.
    pub implicit: usize,
    /// The entities by a hash of their ids ([`DocEntities::id_hash`]): the first
    /// entity of each hash, its id compared to tell a collision. (Keyed by the ids
    /// themselves, the map held a copy of every entity's id.)
    by_id: HashMap<u64, usize>,
}

impl DocEntities {
    /// Adds an entity (merging with an existing one of the same id) and returns its index.
    pub fn add(&mut self, entity: Entity) -> usize {
        // A document names a few dozen entities: room for them with the first,
        // where the map was rehashed and the list copied four or five times.
        if self.list.capacity() == 0 {
            self.list.reserve(32);
            self.by_id.reserve(32);
        }
        let hash = Self::id_hash(&entity.id);
        if let Some(i) = self.find_hashed(hash, &entity.id) {
            self.list[i].merge(&entity);
            return i;
        }
        // A colliding id stays out of the map: `find_hashed` looks for it in the
        // list.
        self.by_id.entry(hash).or_insert(self.list.len());
        self.list.push(entity);
        self.list.len() - 1
    }

    /// The index of the entity with this id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.find_hashed(Self::id_hash(id), id)
    }

    /// The index of the entity with id `id`, whose hash is `hash`: none when no
    /// entity has the hash; the map's when its id is `id`; else (two ids of one
    /// hash, which never happens in practice) found in the list.
    fn find_hashed(&self, hash: u64, id: &str) -> Option<usize> {
        let &i = self.by_id.get(&hash)?;
        if self.list[i].id == id {
            return Some(i);
        }
        self.list.iter().position(|e| e.id == id)
    }

    /// The key of an entity id in `by_id`.
    fn id_hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        std::hash::BuildHasherDefault::<crate::lexicon::WordHasher>::default().hash_one(id)
    }
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// The document id.
    pub doc: String,
    /// Entities mentioned in the document (those that take part in events, and every
    /// named actor).
    pub entities: Vec<Entity>,
    /// Pledges, statements and other events, with evidence.
    pub events: Vec<Event>,
    /// Role links (person -> country/organization) and memberships (country ->
    /// organization) among the document's entities.
    pub links: Vec<Link>,
    /// Things worth knowing that are not errors ("empty document").
    pub diagnostics: Vec<String>,
}

/// The buffers the sentences of one document borrow their tokens, lowercased
/// text, flags and phrase tables from ([`prepare`]): one of each per document,
/// where every sentence had vectors of its own.
#[derive(Debug, Default)]
pub struct SentenceBuffers {
    /// The words of all sentences, lowercased, back to back.
    lower: String,
    /// The tokens of all sentences.
    tokens: Vec<Token>,
    /// Their words' ids.
    ids: Vec<WordId>,
    /// Which start with an uppercase letter, by sentence ([`Sentence::capitals`]).
    capitals: Vec<u64>,
    /// Which start with an uppercase letter, for the whole document (bit `k % 64`
    /// of block `k / 64` for token `k`), as the tokenizer finds them.
    document_capitals: Vec<u64>,
    /// Whether each is inside a quotation.
    quoted: Vec<bool>,
    /// The sentences' phrase lengths ([`crate::lexicon::Vocabulary::phrase_tables`]).
    lens: Vec<u8>,
    /// The sentences' phrase starts.
    starts: Vec<u64>,
}

/// Stage 1: sentences, tokens and quotations.
///
/// The sentences borrow their tokens, flags and phrase tables from `buffers`
/// (cleared first) and their words from `words` (filled here): one of each per
/// document instead of seven vectors per sentence. The words of all sentences are
/// lowercased into one buffer of `buffers`: a slice of it each, not a string per
/// token.
pub fn prepare<'a>(
    text: &str,
    lexicon: &Lexicon,
    buffers: &'a mut SentenceBuffers,
    words: &'a mut Vec<Word<'a>>,
) -> (Vec<Sentence<'a>>, Vec<Quotation>) {
    /// A sentence before it can borrow the finished buffers.
    struct Draft {
        span: Span,
        /// Its tokens in the document's.
        tokens: std::ops::Range<usize>,
        /// Its blocks of capital flags in the document's.
        capitals: std::ops::Range<usize>,
        /// Its phrase tables in the document's, and which sets match.
        lens: std::ops::Range<usize>,
        starts: std::ops::Range<usize>,
        present: u64,
        paragraph: usize,
        boilerplate: bool,
    }
    let SentenceBuffers {
        lower,
        tokens,
        ids,
        capitals,
        document_capitals,
        quoted,
        lens,
        starts,
    } = buffers;
    let spans = text::sentences_with_lines(text);
    let quotes = text::quotations(text);
    // The words are lowercased into bytes (a `String` at the end): an ASCII token,
    // nearly every one, is copied and lowercased in one loop, without a call to
    // `memcpy` per token, and its id is looked up by those bytes.
    let mut buf = std::mem::take(lower).into_bytes();
    buf.clear();
    // About as long as the text (no reallocations while it fills).
    buf.reserve(text.len());
    tokens.clear();
    ids.clear();
    capitals.clear();
    document_capitals.clear();
    quoted.clear();
    lens.clear();
    starts.clear();
    // Room for as many tokens as a text has (about one per five bytes): the
    // buffers rarely grow, and never copy much when they do.
    let room = text.len() / 4 + 16;
    let vocabulary = &lexicon.vocabulary;
    let (lens_room, starts_room) = vocabulary.table_sizes(room);
    tokens.reserve(room);
    ids.reserve(room);
    capitals.reserve(room / 32 + spans.len());
    document_capitals.reserve(room / 64 + 1);
    quoted.reserve(room);
    lens.reserve(lens_room);
    starts.reserve(starts_room);
    // Where each word ends in the buffer (each starts where the one before ended).
    let ends: Vec<usize> = Vec::with_capacity(room);
    let mut drafts = Vec::with_capacity(spans.len());
    // The current line's number and whether it is boilerplate (each line is
    // looked at once).
    let mut line = (usize::MAX, false);
    let headline = headline_end(text);
    // Quotations are in text order and disjoint (`text::quotations`): those that
    // may hold a sentence's tokens are one run, found by binary search.
    debug_assert!(quotes
        .windows(2)
        .all(|w| w[0].inner.end <= w[1].inner.start));
    // The vectors the tokenizer fills, moved out of `buffers` while it does (and
    // back after): locals, their lengths and ends stay in registers through
    // the pushes, where each push through a reference read and wrote them.
    let mut toks = std::mem::take(tokens);
    let mut sink = WordSink {
        text,
        vocabulary,
        buf,
        ids: std::mem::take(ids),
        capitals: std::mem::take(document_capitals),
        ends,
    };
    for (span, on) in spans {
        let first = toks.len();
        text::tokenize_with(span.of(text), span.start, &mut toks, &mut sink);
        let end = toks.len();
        let from = quotes.partition_point(|q| q.inner.end <= span.start);
        let to = from + quotes[from..].partition_point(|q| q.inner.start < span.end);
        let near = &quotes[from..to];
        // Most sentences hold no quotation: no token of theirs is quoted.
        if near.is_empty() {
            quoted.resize(end, false);
        } else {
            // Tokens and quotations are both in text order, and quotations do not
            // overlap: the one that may hold a token is the first that does not
            // end before it, and the walk to it goes on from the token before.
            let mut k = 0;
            quoted.extend(toks[first..].iter().map(|t| {
                while near.get(k).is_some_and(|q| q.inner.end < t.span.end) {
                    k += 1;
                }
                near.get(k)
                    .is_some_and(|q| q.inner.start <= t.span.start && t.span.end <= q.inner.end)
            }));
        }
        // A paragraph is a line: its number is the line's.
        let paragraph = on.number;
        if on.number != line.0 {
            line = (
                on.number,
                lexicon.is_boilerplate_line(&text[on.start..on.end]),
            );
        }
        let boilerplate = line.1 || span.end <= headline;
        let c0 = capitals.len();
        sentence_bits(&sink.capitals, first..end, capitals);
        // The phrase tables, zeroed sentence by sentence (a few hundred bytes at
        // a time).
        let (l0, s0) = (lens.len(), starts.len());
        let (dl, ds) = vocabulary.table_sizes(end - first);
        lens.resize(l0 + dl, 0);
        starts.resize(s0 + ds, 0);
        let present =
            vocabulary.phrase_tables(&sink.ids[first..end], &mut lens[l0..], &mut starts[s0..]);
        drafts.push(Draft {
            span,
            tokens: first..end,
            capitals: c0..capitals.len(),
            lens: l0..lens.len(),
            starts: s0..starts.len(),
            present,
            paragraph,
            boilerplate,
        });
    }
    let WordSink {
        buf,
        ids: found_ids,
        capitals: found_capitals,
        ends,
        ..
    } = sink;
    (*tokens, *ids, *document_capitals) = (toks, found_ids, found_capitals);
    // Only whole chars were pushed: the bytes are UTF-8 (checked, never lossy).
    *lower = String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let lower: &'a str = lower;
    // The words back to back: each a slice from where the one before ended.
    words.clear();
    words.reserve(ends.len());
    let (mut rest, mut start) = (lower, 0);
    words.extend(ends.iter().map(|&end| {
        // (One split a word, where a slice of `lower` tested two ends.)
        let (w, after) = rest.split_at_checked(end - start).unwrap_or((rest, ""));
        (rest, start) = (after, end);
        Word::new(w)
    }));
    let (words, tokens, ids, capitals, quoted) = (
        &words[..],
        &tokens[..],
        &ids[..],
        &capitals[..],
        &quoted[..],
    );
    let (lens, starts) = (&lens[..], &starts[..]);
    let out = drafts
        .into_iter()
        .map(|d| {
            let r = d.tokens;
            let words = &words[r.clone()];
            Sentence {
                span: d.span,
                tokens: &tokens[r.clone()],
                words,
                ids: vocabulary.word_ids(
                    &ids[r.clone()],
                    &lens[d.lens],
                    &starts[d.starts],
                    d.present,
                ),
                quoted: &quoted[r],
                capitals: &capitals[d.capitals],
                paragraph: d.paragraph,
                boilerplate: d.boilerplate,
                dateline: clause::dateline_end(words),
            }
        })
        .collect();
    (out, quotes)
}

/// Where [`prepare`] puts each token's word as the tokenizer finds it: its
/// lowercase appended to `buf` (its end into `ends`), its id, and whether it
/// starts with a capital.
struct WordSink<'s> {
    text: &'s str,
    vocabulary: &'s crate::lexicon::Vocabulary,
    buf: Vec<u8>,
    ids: Vec<WordId>,
    /// Bit `k % 64` of block `k / 64`: token `k` of the document starts with a
    /// capital.
    capitals: Vec<u64>,
    ends: Vec<usize>,
}

impl WordSink<'_> {
    /// Records a word pushed to `buf`.
    #[inline(always)]
    fn record(&mut self, (capital, id): (bool, WordId)) {
        let k = self.ids.len();
        if k.is_multiple_of(64) {
            self.capitals.push(0);
        }
        if let Some(block) = self.capitals.last_mut() {
            *block |= u64::from(capital) << (k % 64);
        }
        self.ids.push(id);
        self.ends.push(self.buf.len());
    }
}

/// Appends the capital flags of the document's tokens `tokens` (bit `k % 64` of
/// block `k / 64` of `document` for token `k`) to `out` as blocks of the
/// sentence's own: bit `i % 64` of block `i / 64` for its token `i`, none past
/// its last. (Two blocks' halves each: a sentence starts anywhere in a block.)
fn sentence_bits(document: &[u64], tokens: std::ops::Range<usize>, out: &mut Vec<u64>) {
    let n = tokens.len();
    let (base, shift) = (tokens.start / 64, tokens.start % 64);
    let block = |j: usize| document.get(j).copied().unwrap_or(0);
    for j in 0..n.div_ceil(64) {
        let low = block(base + j) >> shift;
        // (A shift by 64 is no shift: the high half is none when there is no shift.)
        let high = if shift == 0 {
            0
        } else {
            block(base + j + 1) << (64 - shift)
        };
        let left = n - 64 * j;
        let mask = if left < 64 { (1 << left) - 1 } else { !0 };
        out.push((low | high) & mask);
    }
}

impl text::TokenSink for WordSink<'_> {
    /// Nearly every token: lowercased in its register (bit 7 of each capital's
    /// byte, moved to bit 5), tested for a leading capital and appended all at
    /// once, then looked up by those bytes.
    #[inline(always)]
    fn short_word(&mut self, bytes: u64, len: usize) {
        let capitals = text::capitals_mask(bytes);
        let lower = bytes | (capitals >> 2);
        // All eight bytes, then back to `len`: a copy of fixed size, not a call.
        let end = self.buf.len() + len;
        self.buf.extend_from_slice(&lower.to_le_bytes());
        self.buf.truncate(end);
        let id = self.vocabulary.id_of_short(lower, len);
        self.record((capitals & 0x80 != 0, id));
    }

    /// Most of the rest: as [`WordSink::short_word`], in two registers.
    #[inline(always)]
    fn medium_word(&mut self, head: u64, tail: u64, len: usize) {
        let head_capitals = text::capitals_mask(head);
        let head = head | (head_capitals >> 2);
        let tail = tail | (text::capitals_mask(tail) >> 2);
        // The head's eight bytes, then the bytes of the tail past them (the tail's
        // last `len - 8`, shifted down), eight bytes and back: copies of fixed size.
        let end = self.buf.len() + len;
        self.buf.extend_from_slice(&head.to_le_bytes());
        self.buf
            .extend_from_slice(&(tail >> (8 * (16 - len))).to_le_bytes());
        self.buf.truncate(end);
        let id = self.vocabulary.id_of_medium(head, tail, len);
        self.record((head_capitals & 0x80 != 0, id));
    }

    /// Punctuation: no capital, its own lowercase, its id by its byte.
    #[inline(always)]
    fn one_byte(&mut self, b: u8) {
        self.buf.push(b);
        let id = self.vocabulary.id_of_byte(b);
        self.record((false, id));
    }

    /// The rest: long words and words not in ASCII.
    #[inline(never)]
    fn other(&mut self, token: Token) {
        let found = push_word(&mut self.buf, self.text, token.span, self.vocabulary);
        self.record(found);
    }
}

/// Appends token `span`'s text lowercased to `buf` (see [`push_lowercase`]) and
/// returns whether it starts with an uppercase letter and the lowercased word's id.
///
/// Nearly every token is at most eight ASCII bytes: it is read as one `u64`,
/// lowercased, tested for a leading capital and appended all at once. A token of
/// nine to sixteen ASCII bytes, most of the rest, goes the same way as two `u64`s
/// ([`push_medium_word`]); the others go byte by byte, char by char.
#[inline]
fn push_word(
    buf: &mut Vec<u8>,
    text: &str,
    span: Span,
    vocabulary: &crate::lexicon::Vocabulary,
) -> (bool, WordId) {
    let bytes = text.as_bytes();
    let len = span.end - span.start;
    if (1..=8).contains(&len) {
        let x = text::read_le_u64(bytes, span.start, len);
        if x & text::HIGH_BITS == 0 {
            // Bit 7 of each capital's byte, moved to bit 5: its lowercase.
            let capitals = text::capitals_mask(x);
            let lower = x | (capitals >> 2);
            // All eight bytes, then back to `len`: a copy of fixed size, not a call.
            let end = buf.len() + len;
            buf.extend_from_slice(&lower.to_le_bytes());
            buf.truncate(end);
            return (capitals & 0x80 != 0, vocabulary.id_of_short(lower, len));
        }
    } else if (9..=16).contains(&len) {
        if let Some(found) = push_medium_word(buf, bytes, span.start, len, vocabulary) {
            return found;
        }
    }
    push_other_word(buf, text, span, vocabulary)
}

/// [`push_word`] for a token of nine to sixteen bytes at `start`, when they are
/// ASCII (None, and nothing pushed, when not): its first and last eight bytes
/// (which overlap) are read as two `u64`s and lowercased, and they are the key
/// of its id as they are ([`crate::lexicon::Vocabulary::id_of_medium`]). It was
/// copied, lowercased byte by byte, then read again for its id.
#[inline]
fn push_medium_word(
    buf: &mut Vec<u8>,
    bytes: &[u8],
    start: usize,
    len: usize,
    vocabulary: &crate::lexicon::Vocabulary,
) -> Option<(bool, WordId)> {
    let head = text::read_le_u64(bytes, start, 8);
    let tail = text::read_le_u64(bytes, start + len - 8, 8);
    if (head | tail) & text::HIGH_BITS != 0 {
        return None;
    }
    let head_capitals = text::capitals_mask(head);
    let head = head | (head_capitals >> 2);
    let tail = tail | (text::capitals_mask(tail) >> 2);
    // The head's eight bytes, then the bytes of the tail past them (the tail's
    // last `len - 8`, shifted down), eight bytes and back: copies of fixed size.
    let end = buf.len() + len;
    buf.extend_from_slice(&head.to_le_bytes());
    buf.extend_from_slice(&(tail >> (8 * (16 - len))).to_le_bytes());
    buf.truncate(end);
    Some((
        head_capitals & 0x80 != 0,
        vocabulary.id_of_medium(head, tail, len),
    ))
}

/// [`push_word`] for the tokens that are neither short nor medium ASCII (a tenth
/// of a hundred): by [`push_lowercase`], then a lookup of the pushed bytes.
#[inline(never)]
fn push_other_word(
    buf: &mut Vec<u8>,
    text: &str,
    span: Span,
    vocabulary: &crate::lexicon::Vocabulary,
) -> (bool, WordId) {
    let w = span.of(text);
    let start = buf.len();
    if is_caseless_mark(w) {
        // Its own lowercase, but for the curly apostrophe (see `push_lowercase`).
        buf.extend_from_slice(if w == "’" { b"'" } else { w.as_bytes() });
        return (false, vocabulary.id_of_bytes(&buf[start..]));
    }
    push_lowercase(buf, w);
    (starts_uppercase(w), vocabulary.id_of_bytes(&buf[start..]))
}

/// Is this token one char of general punctuation, a currency sign or a mark for
/// symbols (U+2000 to U+20FF: curly quotes, dashes, bullets, "€", "₹")? Most
/// tokens that are not ASCII are: such a char has no case, so it is its own
/// lowercase and no capital, told by its bytes (E2 80 80 to E2 83 BF) without
/// the char-by-char lowercasing of [`push_lowercase`].
fn is_caseless_mark(w: &str) -> bool {
    matches!(w.as_bytes(), [0xE2, 0x80..=0x83, _])
}

/// Does this token's text start with an uppercase letter?
#[inline]
fn starts_uppercase(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Appends a token's text lowercased (as UTF-8 bytes): a possessive is always
/// "'s", a curly apostrophe a straight one.
#[inline]
fn push_lowercase(lower: &mut Vec<u8>, w: &str) {
    let bytes = w.as_bytes();
    if bytes.is_ascii() {
        // "'s" and "'S" lowercase to "'s" anyway. (Copied, then lowercased in
        // place: one copy, not a push per byte.)
        let start = lower.len();
        lower.extend_from_slice(bytes);
        lower[start..].make_ascii_lowercase();
        return;
    }
    match w {
        "’s" | "’S" => lower.extend_from_slice(b"'s"),
        // `str::to_lowercase`, not per char: a final sigma depends on its context.
        _ if w.contains('Σ') => {
            lower.extend_from_slice(w.to_lowercase().replace('’', "'").as_bytes())
        }
        // Without a capital sigma, `str::to_lowercase` is every char's lowercase
        // in turn, and no lowercase is a curly apostrophe: char by char, without
        // the two strings of the line above (quotation marks and dashes, nearly
        // every token that is not ASCII, were both).
        _ => {
            for c in w.chars() {
                if c == '’' {
                    lower.push(b'\'');
                    continue;
                }
                for l in c.to_lowercase() {
                    lower.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
        }
    }
}

/// Where a headline that opens the text ends (0 when there is none): a first line of
/// at most 25 words without a sentence's final punctuation ("India pledges 10
/// million doses", "PRESS STATEMENT"). A pasted article often repeats its title
/// there; it reports what the body reports, so it names no events of its own.
fn headline_end(text: &str) -> usize {
    let start = text.len() - text.trim_start().len();
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[start..end].trim_end();
    let unpunctuated = !line.ends_with(['.', '"', '”', '’', '\'', '?', '!', ':', ';', ')']);
    if !line.is_empty() && unpunctuated && line.split_whitespace().count() <= 25 {
        end
    } else {
        0
    }
}

thread_local! {
    /// Each thread's sentence buffers, lent to one document at a time: a document
    /// made its own — a dozen vectors of about its size, allocated and freed.
    static REUSED_BUFFERS: std::cell::Cell<SentenceBuffers> =
        std::cell::Cell::new(SentenceBuffers::default());
}

/// Turns documents into entities and events, with a gazetteer and lexicons.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
}

impl Extractor {
    /// An extractor with the bundled gazetteer and lexicons.
    pub fn bundled() -> Result<Extractor> {
        Ok(Extractor {
            gazetteer: Gazetteer::bundled()?,
            lexicon: Lexicon::bundled()?,
        })
    }

    /// An extractor whose gazetteer is extended by a user file.
    pub fn with_gazetteer_file(path: &Path) -> Result<Extractor> {
        Ok(Extractor {
            gazetteer: Gazetteer::with_user_file(path)?,
            lexicon: Lexicon::bundled()?,
        })
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Stages 1 to 3: sentences, quotations, and resolved mentions with entities.
    /// The sentences borrow from `buffers` and `words` (see [`prepare`]).
    fn resolved<'a>(
        &self,
        doc: &Document,
        buffers: &'a mut SentenceBuffers,
        words: &'a mut Vec<Word<'a>>,
    ) -> (Vec<Sentence<'a>>, Vec<Quotation>, DocEntities) {
        let text = doc.text.as_str();
        let (sentences, quotes) = prepare(text, &self.lexicon, buffers, words);
        let mentions = mentions::find(text, &sentences, &self.gazetteer, &self.lexicon);
        let ents = resolve::resolve(
            text,
            doc.published.as_deref(),
            &sentences,
            mentions,
            &self.gazetteer,
            &self.lexicon,
        );
        // Later stages find a sentence's mentions by binary search.
        debug_assert!(ents
            .mentions
            .windows(2)
            .all(|w| w[0].sentence <= w[1].sentence));
        (sentences, quotes, ents)
    }

    /// Extracts entities and events from one document. Never fails.
    ///
    /// The sentence buffers are the thread's, kept from one document to the
    /// next (see [`REUSED_BUFFERS`]).
    pub fn extract(&self, doc: &Document) -> Extraction {
        let mut buffers = REUSED_BUFFERS.take();
        let out = self.extract_into(doc, &mut buffers);
        REUSED_BUFFERS.set(buffers);
        out
    }

    /// [`Extractor::extract`] with sentence buffers to fill (cleared first).
    fn extract_into(&self, doc: &Document, buffers: &mut SentenceBuffers) -> Extraction {
        let mut out = Extraction {
            doc: doc.id.clone(),
            ..Extraction::default()
        };
        if doc.text.trim().is_empty() {
            out.diagnostics.push("empty document".into());
            return out;
        }
        let text = doc.text.as_str();
        let mut words = Vec::new();
        let (sentences, quotes, ents) = self.resolved(doc, buffers, &mut words);
        let ctx = clause::Context::new(text, doc, &sentences, &quotes, &ents, &self.lexicon);
        let mut events = statements::find(&ctx);
        events.extend(pledges::find(&ctx));
        let taken: Vec<usize> = events
            .iter()
            .filter(|e| e.kind == crate::model::EventKind::Pledge)
            .map(|e| e.evidence[0].start)
            .collect();
        events.extend(listed::find(&ctx, &taken));
        // Implied states and bodies stay only where an event is theirs or about them.
        // (Without one, no entity has the mark: none is asked for it.)
        let mut entities = ents.list;
        if ents.implicit > 0 {
            entities.retain_mut(|e| {
                if e.attributes.remove("implicit").is_none() {
                    return true;
                }
                events
                    .iter()
                    .any(|ev| ev.actor == e.id || ev.targets.contains(&e.id))
            });
        }
        out.events = events;
        out.links = links(&entities, &self.gazetteer);
        out.entities = entities;
        out
    }
}

impl Extractor {
    /// A human-readable trace of extraction: every sentence with its mentions and what
    /// they resolved to, then the events read from it. For people writing rules and
    /// lexicons (`diplograph extract --format trace`).
    pub fn explain(&self, doc: &Document) -> String {
        use std::fmt::Write;
        let text = doc.text.as_str();
        let mut buffers = SentenceBuffers::default();
        let mut words = Vec::new();
        let (sentences, _, ents) = self.resolved(doc, &mut buffers, &mut words);
        let ex = self.extract(doc);
        let mut out = String::new();
        for (si, s) in sentences.iter().enumerate() {
            let _ = writeln!(out, "[{si}] {}", s.span.of(text));
            for m in ents.mentions.iter().filter(|m| m.sentence == si) {
                let target = m
                    .entity
                    .map(|e| format!("{} ({})", ents.list[e].name, ents.list[e].kind))
                    .unwrap_or_else(|| "unresolved".into());
                let _ = writeln!(out, "    {:?} -> {target}", m.span.of(text));
            }
            for ev in &ex.events {
                if ev.evidence[0].start == s.span.start {
                    let name = |id: &str| {
                        ex.entities
                            .iter()
                            .find(|e| e.id == id)
                            .map_or(id.to_string(), |e| e.name.clone())
                    };
                    let targets: Vec<String> = ev.targets.iter().map(|t| name(t)).collect();
                    let _ = writeln!(
                        out,
                        "    => {} by {} to [{}] what={:?} {:?}",
                        ev.kind,
                        name(&ev.actor),
                        targets.join(", "),
                        ev.what.as_deref().unwrap_or(""),
                        ev.modality
                    );
                }
            }
        }
        out
    }
}

/// A code of at most seven bytes ("KEN") as one integer: its bytes and its
/// length, so that equal keys are equal codes. None for a longer one.
fn code_key(code: &str) -> Option<u64> {
    let bytes = code.as_bytes();
    let mut key = [0u8; 8];
    key.get_mut(..bytes.len())
        .filter(|_| bytes.len() < 8)?
        .copy_from_slice(bytes);
    key[7] = bytes.len() as u8;
    Some(u64::from_le_bytes(key))
}

/// Role links from persons' attributes and memberships from the gazetteer, among
/// the entities of one document.
fn links(entities: &[Entity], gazetteer: &Gazetteer) -> Vec<Link> {
    let present = |id: &str| entities.iter().any(|e| e.id == id);
    // The ISO codes of the states among them: an organization's members (all the
    // EU's, the UN's) are looked up here, not each against every entity.
    let states: Vec<&str> = entities
        .iter()
        .filter_map(|e| e.id.strip_prefix("country:"))
        .collect();
    // The codes as integers: an organization's members (the UN's nearly two
    // hundred) are each compared with every state, and a string comparison was a
    // call each.
    let state_keys: Vec<Option<u64>> = states.iter().map(|s| code_key(s)).collect();
    let is_state = |code: &str| match code_key(code) {
        Some(key) => state_keys.contains(&Some(key)),
        None => states.contains(&code),
    };
    let mut out = Vec::new();
    for e in entities {
        match e.kind {
            EntityKind::Person => {
                for key in ["country", "org"] {
                    if let Some(to) = e.attr(key).filter(|t| present(t)) {
                        out.push(Link {
                            from: e.id.clone(),
                            to: to.to_string(),
                            kind: LinkKind::Role,
                            role: e.attr("role").map(str::to_string),
                        });
                    }
                }
            }
            EntityKind::Organization => {
                let Some(org) =
                    e.id.strip_prefix("org:")
                        .and_then(|id| gazetteer.org_by_id(id))
                else {
                    continue;
                };
                // A government body's `members` names the state it belongs to; that
                // is not a membership.
                if gazetteer.organizations[org].org_type == "government_body" {
                    continue;
                }
                for m in &gazetteer.organizations[org].members {
                    // `present(&format!("country:{m}"))`, without a string per member.
                    if is_state(m) {
                        out.push(Link {
                            from: format!("country:{m}"),
                            to: e.id.clone(),
                            kind: LinkKind::Member,
                            role: None,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests;
