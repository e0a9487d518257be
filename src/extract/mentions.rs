//! Stage 2: mentions — every stretch of a sentence that may name an actor.
//!
//! Sources, in order of strength: title patterns ("German Chancellor Friedrich
//! Merz", "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani"),
//! gazetteer forms (names, acronyms, demonyms, capitals, seats of government),
//! collectives ("26 European countries", "European partners", "German officials"),
//! definite descriptions ("the French leader", "the coalition") and pronouns.
//! Mentions do not overlap. What a mention refers to is decided later (resolve).

use super::{Mention, MentionKind, Pronoun, Sentence, Word};
use crate::gazetteer::{Entry, Form, Gazetteer, Hit};
use crate::lexicon::{Lexicon, ShapeFilter, WordSet};
use crate::text::TokenKind;
use std::borrow::Cow;

/// Month and weekday names: capitalized, never part of a person's name.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Capitalized words that start sentences or headings but are not names.
const NOT_NAMES: &[&str] = &[
    "Staff",
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "However",
    "Meanwhile",
    "Photo",
    "By",
    "According",
    "After",
    "Before",
    "During",
    "While",
    "As",
    "If",
    "When",
    "Speaking",
    "Asked",
    "Under",
    "With",
    "For",
    "From",
    "To",
    "Of",
    "Also",
    "Earlier",
    "Later",
    "There",
    "Both",
    "Each",
    "All",
    "Some",
    "No",
    "Yes",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Reuters",
    "AFP",
    "AP",
    "Getty",
    "Images",
    "File",
    "Twitter",
    "X",
    "Telegram",
    "Facebook",
    "State",
    "Ministry",
    "Government",
    "Council",
    "Office",
    "Palace",
    "House",
    "Department",
    "Agency",
    "Forces",
    "Army",
    "Party",
    "Union",
    "Summit",
    "Conference",
    "Forum",
    "Agreement",
    "Accord",
    "Treaty",
    "Plan",
    "Initiative",
    "Fund",
    "Bank",
    "Court",
    "Group",
    "Coalition",
];

type StaticWords = std::sync::LazyLock<WordSet>;

// The word lists as hash sets: every capitalized token is checked against them.
static NOT_NAME_SET: StaticWords = StaticWords::new(|| NOT_NAMES.iter().copied().collect());
static FUNCTION_WORD_SET: StaticWords =
    StaticWords::new(|| NOT_NAMES[..40].iter().copied().collect());
static CALENDAR_SET: StaticWords = StaticWords::new(|| CALENDAR.iter().copied().collect());

/// Courtesy titles before a surname ("Mr Yeo", "Dr. Tedros").
const COURTESY_TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."];

/// The words of [`NOT_NAMES`], [`CALENDAR`] and [`COURTESY_TITLES`], for the
/// lexicon's filter `name_list_words`.
pub(crate) fn name_list_words() -> Vec<&'static str> {
    NOT_NAMES
        .iter()
        .chain(CALENDAR)
        .chain(COURTESY_TITLES)
        .copied()
        .collect()
}

/// Is this capitalized word one that starts sentences or headings but names nothing?
fn is_not_name(w: &str) -> bool {
    NOT_NAME_SET.contains(w)
}

/// Is this a sentence-starting function word ("The", "He", "In")?
fn is_function_word(w: &str) -> bool {
    FUNCTION_WORD_SET.contains(w)
}

/// Is this lowercase word a form of address after "His"/"Her" ("Excellency",
/// "Majesty")?
fn is_form_of_address(w: &str) -> bool {
    matches!(
        w,
        "excellency" | "excellencies" | "majesty" | "highness" | "holiness"
    )
}

/// Is this a month or weekday name?
fn is_calendar(w: &str) -> bool {
    CALENDAR_SET.contains(w)
}

/// A token's text is in [`NOT_NAMES`] ([`TokenLists::not_name`]).
const NOT_NAME: u8 = 1;
/// A token's text is in [`CALENDAR`].
const IN_CALENDAR: u8 = 2;
/// A token's text is a sentence-starting function word ([`is_function_word`]).
const FUNCTION_WORD: u8 = 4;
/// The token's entry in [`TokenLists`] has been looked up.
const LOOKED_UP: u8 = 8;
/// The token is an honorific ([`is_honorific`]).
const HONORIFIC: u8 = 16;
/// Whether the token is an honorific is known.
const HONORIFIC_KNOWN: u8 = 32;

/// Slots in [`ListFlags`]: a power of two, four times the words, so that a word
/// not in the lists (most words asked about) mostly meets an empty slot at once.
const LIST_SLOTS: usize = 512;

/// [`NOT_NAMES`] and [`CALENDAR`] in one open-addressing table, to the flags above.
/// Its hash reads a word's length and three of its bytes instead of all of them:
/// a lookup in a general hash set (hashing every byte, then probing) was most of
/// the cost of the name rules' first question about a token.
struct ListFlags {
    /// Each word with its flags at [`list_slot`] or the first free slot after
    /// it (wrapping); `("", 0)` is free.
    slots: Vec<(&'static str, u8)>,
}

/// The first slot of a word in [`ListFlags`]: its length, first two and last
/// bytes, multiplied and shifted (a Fibonacci hash).
#[inline]
fn list_slot(w: &[u8]) -> usize {
    let (a, b, z) = match w {
        [] => (0, 0, 0),
        [a] => (*a, 0, *a),
        [a, b] => (*a, *b, *b),
        [a, b, .., z] => (*a, *b, *z),
    };
    let key = u32::from_le_bytes([a, b, z, w.len() as u8]);
    (key.wrapping_mul(0x9E37_79B1) >> (32 - LIST_SLOTS.trailing_zeros())) as usize
}

impl ListFlags {
    /// The flags of a word (0 when it is in no list).
    #[inline]
    fn get(&self, w: &str) -> u8 {
        let mut at = list_slot(w.as_bytes());
        loop {
            let (word, flags) = self.slots[at];
            if word.is_empty() {
                return 0;
            }
            if word == w {
                return flags;
            }
            at = (at + 1) % LIST_SLOTS;
        }
    }
}

static LIST_FLAGS: std::sync::LazyLock<ListFlags> = std::sync::LazyLock::new(|| {
    let mut lists = ListFlags {
        slots: vec![("", 0); LIST_SLOTS],
    };
    let tagged = NOT_NAMES
        .iter()
        .enumerate()
        .map(|(k, w)| (*w, NOT_NAME | if k < 40 { FUNCTION_WORD } else { 0 }))
        .chain(CALENDAR.iter().map(|w| (*w, IN_CALENDAR)));
    for (w, flag) in tagged {
        let mut at = list_slot(w.as_bytes());
        // (The lists hold far fewer words than slots: a free slot is always found.)
        while !lists.slots[at].0.is_empty() && lists.slots[at].0 != w {
            at = (at + 1) % LIST_SLOTS;
        }
        lists.slots[at].0 = w;
        lists.slots[at].1 |= flag;
    }
    lists
});

/// What the word lists say of each token of a sentence ([`is_not_name`],
/// [`is_calendar`], [`is_function_word`] of its text), looked up at the first
/// question and kept: the name rules (apposed names, new organizations, untitled
/// names, name runs) ask about the same capitalized tokens again and again.
///
/// Only the tokens whose lowercased word is in the lexicon's `name_list_words`
/// (`maybe`) are looked up: no other token is in a list or an honorific.
struct TokenLists<'b> {
    cells: &'b [std::cell::Cell<u8>],
    maybe: TokenBits<'b>,
    text: &'b str,
    s: &'b Sentence<'b>,
    lexicon: &'b Lexicon,
}

impl TokenLists<'_> {
    /// The flags of token `i` (of its lists: [`NOT_NAME`], [`IN_CALENDAR`],
    /// [`FUNCTION_WORD`]; 0 for nearly every token, settled by one bit).
    #[inline]
    fn of(&self, i: usize) -> u8 {
        if !self.maybe.has(i) {
            debug_assert!({
                let w = self.s.tokens[i].span.of(self.text);
                !is_not_name(w) && !is_calendar(w) && !is_function_word(w)
            });
            return 0;
        }
        self.look_up(i) & (NOT_NAME | IN_CALENDAR | FUNCTION_WORD)
    }

    /// [`TokenLists::of`] for a token that may be in a list: looked up once, then
    /// kept.
    #[inline(never)]
    fn look_up(&self, i: usize) -> u8 {
        let known = self.cells[i].get();
        if known & LOOKED_UP != 0 {
            return known;
        }
        let w = self.s.tokens[i].span.of(self.text);
        let found = LIST_FLAGS.get(w);
        debug_assert_eq!(found & NOT_NAME != 0, is_not_name(w));
        debug_assert_eq!(found & IN_CALENDAR != 0, is_calendar(w));
        debug_assert_eq!(found & FUNCTION_WORD != 0, is_function_word(w));
        self.cells[i].set(known | found | LOOKED_UP);
        known | found | LOOKED_UP
    }

    /// [`is_honorific`] of token `i` (asked of a capitalized token and of the
    /// token before it: the same token twice along a run of capitalized words).
    #[inline]
    fn honorific(&self, i: usize) -> bool {
        if !self.maybe.has(i) {
            debug_assert!(!is_honorific(self.s, self.text, i, self.lexicon));
            return false;
        }
        self.honorific_looked_up(i)
    }

    /// [`TokenLists::honorific`] for a token that may be one: looked up once,
    /// then kept.
    #[inline(never)]
    fn honorific_looked_up(&self, i: usize) -> bool {
        let known = self.cells[i].get();
        if known & HONORIFIC_KNOWN != 0 {
            return known & HONORIFIC != 0;
        }
        let yes = is_honorific(self.s, self.text, i, self.lexicon);
        let flag = if yes { HONORIFIC } else { 0 };
        self.cells[i].set(known | HONORIFIC_KNOWN | flag);
        yes
    }

    /// [`is_not_name`] of token `i`'s text.
    fn not_name(&self, i: usize) -> bool {
        self.of(i) & NOT_NAME != 0
    }

    /// [`is_calendar`] of token `i`'s text.
    fn calendar(&self, i: usize) -> bool {
        self.of(i) & IN_CALENDAR != 0
    }

    /// [`is_function_word`] of token `i`'s text.
    fn function_word(&self, i: usize) -> bool {
        self.of(i) & FUNCTION_WORD != 0
    }
}

/// Finds all mentions in the sentences of one document.
pub fn find(
    text: &str,
    sentences: &[Sentence],
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
) -> Vec<Mention> {
    // Where words in capitals may be, found once for both of their uses.
    let marks = crate::text::capital_marks(text);
    let mut hits = gazetteer.find(&crate::text::title_case_surnames_marked(text, &marks));
    // A person's name never ends inside a hyphenated given name: "Yoon" is not in
    // "Park Yoon-joo".
    hits.retain(|h| {
        !matches!(h.entry, Entry::Person(_)) || {
            let mut after = text[h.end..].chars();
            !(after.next() == Some('-') && after.next().is_some_and(char::is_lowercase))
        }
    });
    let capitals = gazetteer.find_in_capitals_marked(text, &hits, &marks);
    if !capitals.is_empty() {
        hits.extend(capitals);
        hits.sort_by_key(|h| h.start);
    }
    // Room for about as many mentions as there are hits and sentences (pronouns,
    // descriptions): the vector of every mention of the document rarely grows,
    // and each growth copied all of them.
    let mut out = Vec::with_capacity(hits.len() + sentences.len());
    let mut acronyms: Vec<(Vec<Cow<str>>, MentionKind)> = Vec::new();
    let mut defined = DefinedShapes::default();
    let mut scratch = Scratch::default();
    let mut h = 0;
    for (si, s) in sentences.iter().enumerate() {
        while h < hits.len() && hits[h].start < s.span.start {
            h += 1;
        }
        let first = h;
        while h < hits.len() && hits[h].end <= s.span.end {
            h += 1;
        }
        let sent_hits = &hits[first..h];
        if !s.boilerplate {
            let mut found = in_sentence(text, si, s, sent_hits, gazetteer, lexicon, &mut scratch);
            introduced_names(text, si, s, lexicon, &mut found, &mut acronyms);
            defined_acronyms(text, s, &found, &mut acronyms);
            initialisms(text, s, &found, &mut acronyms);
            if !acronyms.is_empty() {
                defined.update(&acronyms);
                let bits = &mut scratch.candidates;
                acronym_uses(text, si, s, &acronyms, &defined, bits, &mut found);
            }
            out.append(&mut found);
            scratch.found = found;
        }
    }
    out
}

/// Acronyms the article defines: "the Rapid Support Forces (RSF)", "Border Guard
/// Bangladesh (BGB)" — an organization or country mention followed by a
/// parenthesized word in capitals that the gazetteer does not know.
fn defined_acronyms<'t>(
    text: &'t str,
    s: &Sentence,
    found: &[Mention],
    acronyms: &mut Vec<(Vec<Cow<'t, str>>, MentionKind)>,
) {
    for m in found {
        let names_actor = match &m.kind {
            MentionKind::NewOrganization { .. } => true,
            MentionKind::Gazetteer { entry, .. } => {
                matches!(entry, Entry::Organization(_) | Entry::Country(_))
            }
            _ => false,
        };
        if !names_actor || s.words.get(m.end).is_none_or(|w| w != "(") {
            continue;
        }
        if s.words.get(m.end + 2).is_none_or(|w| w != ")") {
            continue;
        }
        let w = s.tokens[m.end + 1].span.of(text);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = w
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '&');
        // A short name that is a word: "the Indonesian Maritime Security Agency
        // (Bakamla)", "the foreign ministry (Itamaraty)".
        let mut chars = w.chars();
        let short_name = chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && (4..=12).contains(&letters)
            && !is_not_name(w)
            && !is_calendar(w);
        let named = found
            .iter()
            .any(|o| o.first <= m.end + 1 && m.end + 1 < o.end);
        if (2..=12).contains(&letters)
            && (capitals && letters <= 8 || short_name)
            && !named
            && acronyms.iter().all(|(a, _)| a.len() != 1 || a[0] != w)
        {
            acronyms.push((vec![Cow::Borrowed(w)], m.kind.clone()));
        }
    }
}

/// Bodies the article introduces by what they are: "state pipeline operator BOTAŞ",
/// "Poland's state company Orlen", "Indonesia's maritime security agency, Bakamla,
/// said". The capitalized name right after a kind noun (`org_kinds`), or after its
/// comma, is a new organization when nothing else claims it; its owner is the
/// country or organization that opens the noun phrase. Its later uses name it too.
fn introduced_names<'t>(
    text: &'t str,
    si: usize,
    s: &Sentence,
    lexicon: &Lexicon,
    found: &mut Vec<Mention>,
    names: &mut Vec<(Vec<Cow<'t, str>>, MentionKind)>,
) {
    // Most sentences have no kind noun: no token to look at.
    if !lexicon.org_kinds.may_match(&s.ids) {
        return;
    }
    let n = s.words.len();
    // A name the person rules took only by its place ("Saudi developer ACWA Power
    // said": untitled, unknown) is the body's when a kind noun introduces it.
    let claims = |m: &Mention| {
        !matches!(
            m.kind,
            MentionKind::Person {
                role: None,
                known: None,
                full: None,
                ..
            }
        )
    };
    let covered =
        |found: &[Mention], k: usize| found.iter().any(|m| m.first <= k && k < m.end && claims(m));
    let mut added = false;
    for k in lexicon.org_kinds.starts_in(&s.ids, 0..n) {
        let Some(len) = lexicon.org_kinds.match_at(&s.ids, k) else {
            continue;
        };
        // A lowercase noun inside a noun phrase, not a wire's "news agency Xinhua".
        let lowercase = !s.capitalized(k);
        if !lowercase || (k > 0 && matches!(s.words[k - 1].as_str(), "news" | "press" | "wire")) {
            continue;
        }
        let mut j = k + len;
        let apposed = s.words.get(j).is_some_and(|w| w == ",");
        // "BNDES, the state bank that manages the fund, said": a relative clause
        // closes the description.
        let relative = s
            .words
            .get(j)
            .is_some_and(|w| matches!(w.as_str(), "that" | "which"))
            && (j + 1..n.min(j + 12)).any(|i| s.words[i] == ",");
        if apposed || relative {
            if let Some(m) = described_before(text, si, s, k, found) {
                names_push(text, s, &m, names);
                found.retain(|o| o.end <= m.first || o.first >= m.end);
                found.push(m);
                added = true;
                continue;
            }
        }
        if apposed {
            j += 1;
        }
        let name_word = |i: usize| {
            s.capitalized_word(i) && {
                let w = s.tokens[i].span.of(text);
                !is_not_name(w) && !is_calendar(w) && !is_form_of_address(&s.words[i])
            }
        };
        // A country inside the name after its first word: "Air Greenland".
        let country_at = |found: &[Mention], i: usize| {
            found.iter().any(|m| {
                m.first <= i
                    && i < m.end
                    && matches!(
                        m.kind,
                        MentionKind::Gazetteer {
                            entry: Entry::Country(_),
                            ..
                        }
                    )
            })
        };
        let mut end = j;
        while end < n
            && end < j + 4
            && name_word(end)
            && (!covered(found, end) || (end > j && country_at(found, end)))
        {
            end += 1;
        }
        if found
            .iter()
            .any(|m| m.first < end && m.end > end && claims(m))
        {
            continue;
        }
        // The whole name, and only a name: not the start of a longer capitalized run
        // something else claims, and an apposition closes with a comma.
        if end == j
            || (end < n && (name_word(end) || s.words[end] == "'s"))
            || (apposed && s.words.get(end).is_none_or(|w| w != ","))
            || lexicon.roles.match_at(&s.ids, j).is_some()
        {
            continue;
        }
        // The owner: "Poland's state company", "the Turkish state pipeline operator".
        let mut b = k;
        while b > 0 && b + 4 > k && !covered(found, b - 1) && s.words[b - 1] != "'s" {
            let w = s.tokens[b - 1].span.of(text);
            if !w.chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            b -= 1;
        }
        if b > 0 && s.words[b - 1] == "'s" {
            b -= 1;
        }
        let owner = found
            .iter()
            .find(|m| m.end == b)
            .and_then(|m| match m.kind {
                MentionKind::Gazetteer { entry, .. } => {
                    matches!(entry, Entry::Country(_) | Entry::Organization(_)).then_some(entry)
                }
                _ => None,
            });
        let span = span_of(s, j, end);
        let kind = MentionKind::NewOrganization {
            name: span.of(text).to_string(),
            owner,
        };
        let m = Mention {
            sentence: si,
            first: j,
            end,
            span,
            kind,
            entity: None,
        };
        names_push(text, s, &m, names);
        found.retain(|o| o.end <= m.first || o.first >= m.end);
        found.push(m);
        added = true;
    }
    if added {
        found.sort_by_key(|m| m.first);
    }
}

/// Remembers the words of a name the article defines, for its later uses.
fn names_push<'t>(
    text: &'t str,
    s: &Sentence,
    m: &Mention,
    names: &mut Vec<(Vec<Cow<'t, str>>, MentionKind)>,
) {
    let words: Vec<Cow<str>> = (m.first..m.end)
        .map(|i| Cow::Borrowed(s.tokens[i].span.of(text)))
        .collect();
    if names.iter().all(|(w, _)| *w != words) {
        names.push((words, m.kind.clone()));
    }
}

/// The initials of the bodies a sentence names for the first time are their
/// acronyms too: "the Reserve Bank of India" ... "an RBI statement". Three letters
/// at least; the gazetteer's own acronyms win where they clash.
fn initialisms(
    text: &str,
    s: &Sentence,
    found: &[Mention],
    names: &mut Vec<(Vec<Cow<str>>, MentionKind)>,
) {
    for m in found {
        if !matches!(m.kind, MentionKind::NewOrganization { .. }) {
            continue;
        }
        let initials: String = (m.first..m.end)
            .map(|i| s.tokens[i].span.of(text))
            .filter(|w| !matches!(*w, "of" | "the" | "for" | "and" | "on" | "'s" | "’s"))
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.chars().count() >= 3
            && names
                .iter()
                .all(|(w, _)| w.len() != 1 || w[0] != initials.as_str())
        {
            names.push((vec![Cow::Owned(initials)], m.kind.clone()));
        }
    }
}

/// "Masdar, the Abu Dhabi-based clean energy company, is to deliver", "Canadian
/// North, the Inuit-owned carrier, said": the name before a description whose kind
/// noun stands at `k` (right before the closing comma). The name opens its clause
/// and nothing but a country's name or demonym inside it is already a mention.
fn described_before(
    text: &str,
    si: usize,
    s: &Sentence,
    k: usize,
    found: &[Mention],
) -> Option<Mention> {
    // The opening comma and its determiner: ", the ... carrier,".
    let open = (k.saturating_sub(7)..k)
        .rev()
        .find(|&c| s.words[c] == ",")?;
    if !matches!(s.words.get(open + 1)?.as_str(), "the" | "a" | "an") || open == 0 {
        return None;
    }
    let capital = |i: usize| {
        let w = s.tokens[i].span.of(text);
        s.capitalized_word(i) && !is_not_name(w) && !is_calendar(w)
    };
    let end = open;
    let mut first = end;
    while first > 0 && end - first < 4 && capital(first - 1) {
        first -= 1;
    }
    let opens_clause = first == 0
        || matches!(
            s.words[first - 1].as_str(),
            "," | "and" | "that" | "with" | "\"" | "“"
        )
        || s.tokens[first - 1].kind == TokenKind::Quote;
    if first == end || !opens_clause {
        return None;
    }
    // Nothing else may claim the name but countries inside it ("Canadian North",
    // "Air Greenland").
    let claimed = found.iter().any(|m| {
        m.first < end
            && m.end > first
            && !matches!(
                m.kind,
                MentionKind::Gazetteer {
                    entry: Entry::Country(_),
                    ..
                }
            )
    });
    if claimed || found.iter().any(|m| m.first <= first && m.end >= end) {
        return None;
    }
    let span = span_of(s, first, end);
    Some(Mention {
        sentence: si,
        first,
        end,
        span,
        kind: MentionKind::NewOrganization {
            name: span.of(text).to_string(),
            owner: None,
        },
        entity: None,
    })
}

/// The first words of the names an article has defined so far (see
/// [`acronym_uses`]), kept up to date as the list grows (it only grows): every
/// sentence after the first definition is looked through for them, and each
/// made the filter of all of them anew.
struct DefinedShapes {
    /// The first bytes and lengths of the names' first words: nearly every token
    /// has neither, and is settled by two bits (not compared with every name).
    shapes: ShapeFilter,
    /// Does every first word start with a capital (nearly always)? Then only
    /// capitalized tokens can be one, settled by the sentence's flag.
    capitalized: bool,
    /// How many names are in.
    seen: usize,
}

impl Default for DefinedShapes {
    fn default() -> DefinedShapes {
        DefinedShapes {
            shapes: ShapeFilter::default(),
            capitalized: true,
            seen: 0,
        }
    }
}

impl DefinedShapes {
    /// Takes in the names added to `names` since the last call.
    fn update(&mut self, names: &[(Vec<Cow<str>>, MentionKind)]) {
        for first in names[self.seen.min(names.len())..]
            .iter()
            .filter_map(|(a, _)| a.first())
        {
            self.shapes.insert(first.as_bytes());
            self.capitalized &= first.chars().next().is_some_and(char::is_uppercase);
        }
        self.seen = names.len();
    }

    /// The tokens of `s` that may be the first word of a name by the flag alone:
    /// the capitalized ones, when every first word starts with a capital, else
    /// all (written into `bits`).
    fn candidates<'b>(&self, s: &Sentence<'b>, bits: &'b mut Vec<u64>) -> TokenBits<'b> {
        if self.capitalized {
            return TokenBits::capitals(s);
        }
        let n = s.tokens.len();
        bits.clear();
        bits.resize(n.div_ceil(64), !0);
        if let Some(last) = bits.last_mut().filter(|_| !n.is_multiple_of(64)) {
            *last = (1 << (n % 64)) - 1;
        }
        TokenBits(bits)
    }

    /// May token `k` of `s`, one of the [`DefinedShapes::candidates`], be the
    /// first word of a name?
    #[inline]
    fn may_start(&self, text: &str, s: &Sentence, k: usize) -> bool {
        let span = s.tokens[k].span;
        let word = text.as_bytes().get(span.start..span.end);
        self.shapes.may_contain(word.unwrap_or_default())
    }
}

/// Later uses of a name the article defined (an acronym in parentheses, a body
/// introduced by what it is) name the same actor: "The RSF said ...". `shapes`
/// holds the first words of all of `acronyms`.
fn acronym_uses(
    text: &str,
    si: usize,
    s: &Sentence,
    acronyms: &[(Vec<Cow<str>>, MentionKind)],
    shapes: &DefinedShapes,
    bits: &mut Vec<u64>,
    found: &mut Vec<Mention>,
) {
    let mut added = false;
    for k in shapes.candidates(s, bits).iter() {
        if !shapes.may_start(text, s, k) {
            continue;
        }
        let w = s.tokens[k].span.of(text);
        let Some((name, kind)) = acronyms.iter().find(|(a, _)| {
            a[0] == w
                && a.len() <= s.tokens.len() - k
                && a[1..]
                    .iter()
                    .zip(&s.tokens[k + 1..])
                    .all(|(a, t)| *a == t.span.of(text))
        }) else {
            continue;
        };
        let end = k + name.len();
        // Not the definition itself, and not inside another mention.
        let defining = k > 0 && s.words[k - 1] == "(";
        if defining || found.iter().any(|m| m.first < end && k < m.end) {
            continue;
        }
        found.push(Mention {
            sentence: si,
            first: k,
            end,
            span: span_of(s, k, end),
            kind: kind.clone(),
            entity: None,
        });
        added = true;
    }
    if added {
        found.sort_by_key(|m| m.first);
    }
}

/// Some tokens of a sentence as bits (bit `i % 64` of block `i / 64` for token
/// `i`): the capitalized ones ([`TokenBits::capitals`]), or those where a rule
/// may start. The name rules (apposed names, new organizations, untitled names)
/// start only at a capitalized token, the collective and description rules only
/// at a few words: they go from one such token to the next instead of asking
/// every token, most of which are none.
struct TokenBits<'b>(&'b [u64]);

impl<'b> TokenBits<'b> {
    /// The capitalized tokens of `s` ([`Sentence::capitalized`]): its bits as
    /// they are.
    fn capitals(s: &Sentence<'b>) -> TokenBits<'b> {
        TokenBits(s.capitals)
    }

    /// The tokens where a phrase of `set` starts (all where the set has no slot in
    /// the vocabulary and `PhraseSet::starts` cannot say), written into `bits`.
    fn phrase_starts(
        s: &Sentence,
        set: &crate::lexicon::PhraseSet,
        bits: &'b mut Vec<u64>,
    ) -> &'b mut Vec<u64> {
        let n = s.tokens.len();
        bits.clear();
        match set.starts(&s.ids) {
            // (A sentence of at most 64 tokens, nearly every one, is one block:
            // pushed, without the zeroing and the call to copy a slice.)
            Some(&[block]) => bits.push(block),
            Some(starts) => bits.extend_from_slice(starts),
            None => {
                bits.resize(n.div_ceil(64), 0);
                // Every token (no bit past the last).
                bits.iter_mut().for_each(|b| *b = !0);
                if let Some(last) = bits.last_mut().filter(|_| !n.is_multiple_of(64)) {
                    *last = (1 << (n % 64)) - 1;
                }
            }
        }
        bits
    }

    /// The tokens where a collective rule may start (step 2 of [`in_sentence`]): a
    /// gazetteer hit, a number, a quantity word or "each"
    /// ([`collective_opener_words`]), and maybe a few more (the rules decide).
    fn collective_openers(
        s: &Sentence,
        lexicon: &Lexicon,
        hits: &[TokHit],
        bits: &'b mut Vec<u64>,
    ) -> TokenBits<'b> {
        let bits = TokenBits::phrase_starts(s, &lexicon.collective_openers, bits);
        for (i, t) in s.tokens.iter().enumerate() {
            if t.kind == TokenKind::Number {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        for h in hits {
            bits[h.first / 64] |= 1 << (h.first % 64);
        }
        // The sentence's first word of running text ("Donors pledged").
        let first = s.dateline;
        if first < s.tokens.len() {
            bits[first / 64] |= 1 << (first % 64);
        }
        TokenBits(bits)
    }

    /// The tokens where a description or pronoun may start (step 4 of
    /// [`in_sentence`]): the first, and "the" or a pronoun after it
    /// ([`DESCRIPTION_OPENERS`]).
    fn description_openers(
        s: &Sentence,
        lexicon: &Lexicon,
        bits: &'b mut Vec<u64>,
    ) -> TokenBits<'b> {
        let bits = TokenBits::phrase_starts(s, &lexicon.description_openers, bits);
        if let Some(first) = bits.first_mut() {
            *first |= 1;
        }
        TokenBits(bits)
    }

    /// Is token `i` among them?
    #[inline]
    fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|b| b >> (i % 64) & 1 != 0)
    }

    /// The first token at or after `i`.
    fn next(&self, i: usize) -> Option<usize> {
        let mut w = i / 64;
        let mut bits = *self.0.get(w)? & (!0u64 << (i % 64));
        while bits == 0 {
            w += 1;
            bits = *self.0.get(w)?;
        }
        Some(w * 64 + bits.trailing_zeros() as usize)
    }

    /// The last token, if any.
    fn last(&self) -> Option<usize> {
        let w = self.0.iter().rposition(|&b| b != 0)?;
        Some(w * 64 + 63 - self.0[w].leading_zeros() as usize)
    }

    /// Every token, in order.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        let mut from = 0;
        std::iter::from_fn(move || {
            let i = self.next(from)?;
            from = i + 1;
            Some(i)
        })
    }
}

/// The last token of `s` where a phrase of `set` may start (the last token when
/// the set has no start bits), or None when none can: a rule that needs such a
/// phrase at or after a token stops past it.
fn last_start(s: &Sentence, set: &crate::lexicon::PhraseSet) -> Option<usize> {
    if !set.may_match(&s.ids) {
        return None;
    }
    match set.starts(&s.ids) {
        Some(bits) => TokenBits(bits).last(),
        None => s.tokens.len().checked_sub(1),
    }
}

/// A sentence's hits on its tokens, with the hit that starts at each token.
#[derive(Clone, Copy)]
struct TokHits<'b> {
    /// The hits in order.
    hits: &'b [TokHit],
    /// `starting[i]`: the index in `hits` of the hit that starts at token `i`, or
    /// `usize::MAX`.
    starting: &'b [usize],
}

impl std::ops::Deref for TokHits<'_> {
    type Target = [TokHit];

    fn deref(&self) -> &[TokHit] {
        self.hits
    }
}

impl TokHits<'_> {
    /// The hit that starts at token `i` (hits do not overlap: one at most), found
    /// without a scan of the hits.
    #[inline]
    fn at(&self, i: usize) -> Option<&TokHit> {
        self.starting.get(i).and_then(|&k| self.hits.get(k))
    }
}

/// A gazetteer hit mapped onto token indices.
#[derive(Clone, Copy)]
struct TokHit {
    first: usize,
    end: usize,
    hit: Hit,
}

/// Buffers [`in_sentence`] fills anew for each sentence, kept from one sentence to
/// the next instead of allocated four times per sentence.
#[derive(Default)]
struct Scratch {
    tok_hits: Vec<TokHit>,
    hit_index: Vec<usize>,
    taken: Vec<bool>,
    /// The tokens where a defined name may be used ([`DefinedShapes::candidates`]).
    candidates: Vec<u64>,
    /// The tokens where the collective rules, then the description rules, may
    /// start.
    openers: Vec<u64>,
    /// The tokens that may be in a word list or honorifics ([`TokenLists`]).
    list_words: Vec<u64>,
    lists: Vec<std::cell::Cell<u8>>,
    /// The vector a sentence's mentions are found into, emptied into the
    /// document's after each sentence and used again (a new one of a kilobyte
    /// for each sentence was a tenth of the allocations of extraction).
    found: Vec<Mention>,
}

fn in_sentence(
    text: &str,
    si: usize,
    s: &Sentence,
    hits: &[Hit],
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
) -> Vec<Mention> {
    let n = s.tokens.len();
    // The hits onto tokens: a hit starts at a token's start and ends in the first
    // token that reaches its end. Hits and tokens are both in text order, so one
    // walk over both finds them (tokens start at distinct, increasing offsets).
    let tok_hits = &mut scratch.tok_hits;
    tok_hits.clear();
    let mut t = 0;
    for hit in hits {
        while t < n && s.tokens[t].span.start < hit.start {
            t += 1;
        }
        if t == n || s.tokens[t].span.start != hit.start {
            continue;
        }
        let first = t;
        let mut last = first;
        while last < n && s.tokens[last].span.end < hit.end {
            last += 1;
        }
        if last == n {
            continue;
        }
        tok_hits.push(TokHit {
            first,
            end: last + 1,
            hit: *hit,
        });
    }
    let tok_hits: &[TokHit] = tok_hits;
    // The hit starting at each token (hits do not overlap: one at most).
    let hit_index = &mut scratch.hit_index;
    hit_index.clear();
    hit_index.resize(n, usize::MAX);
    for (k, t) in tok_hits.iter().enumerate().rev() {
        debug_assert_eq!(hit_index[t.first], usize::MAX);
        hit_index[t.first] = k;
    }
    let hit_index: &[usize] = hit_index;
    let tok_hits = TokHits {
        hits: tok_hits,
        starting: hit_index,
    };
    let hit_at = |i: usize| tok_hits.at(i).copied();
    scratch.taken.clear();
    scratch.taken.resize(n, false);
    let taken: &mut [bool] = &mut scratch.taken;
    // (A sentence has a few mentions: room for them at once, not one growth each.)
    let mut out: Vec<Mention> = std::mem::take(&mut scratch.found);
    debug_assert!(out.is_empty());
    out.reserve(8);
    let capitals = TokenBits::capitals(s);
    scratch.lists.clear();
    scratch.lists.resize(n, std::cell::Cell::new(0));
    let lists = &TokenLists {
        cells: &scratch.lists,
        // (The vocabulary's bits as they are when it has them: nothing is added.)
        maybe: match lexicon.name_list_words.starts(&s.ids) {
            Some(starts) => TokenBits(starts),
            None => TokenBits(TokenBits::phrase_starts(
                s,
                &lexicon.name_list_words,
                &mut scratch.list_words,
            )),
        },
        text,
        s,
        lexicon,
    };
    let word = |i: usize| s.tokens[i].span.of(text);

    // 1. Title patterns: [affiliation] [modifiers] ROLE [of ORG] [,] NAME. (Most
    //    sentences have no role word: their loop is skipped.)
    let mut i = if lexicon.roles.may_match(&s.ids) {
        0
    } else {
        n
    };
    // The tokens where a role starts, when the vocabulary says: the loop goes
    // straight from one to the next.
    let roles_at = lexicon.roles.starts(&s.ids).map(TokenBits);
    while i < n {
        if let Some(roles_at) = &roles_at {
            match roles_at.next(i) {
                Some(k) => i = k,
                None => break,
            }
        }
        let Some(rlen) = lexicon.roles.match_at(&s.ids, i) else {
            i += 1;
            continue;
        };
        // Role words inside a gazetteer name ("European Council President" is fine,
        // "Secretary of State" inside an org name is not).
        if tok_hits.iter().any(|t| t.first < i && i < t.end) {
            i += 1;
            continue;
        }
        let mut j = i + rlen;
        let mut affiliation: Option<Entry> = None;
        // "President of the European Council Antonio Costa"
        if j + 1 < n && s.words[j] == "of" {
            let k = if s.words[j + 1] == "the" {
                j + 2
            } else {
                j + 1
            };
            if let Some(th) = hit_at(k) {
                affiliation = Some(th.hit.entry);
                j = th.end;
            }
        }
        // "Minister of State for Foreign Affairs Adel al-Jubeir": a portfolio.
        // ("Minister of the Presidency Juan Carlos Orillac": past the article.)
        if j + 1 < n && matches!(s.words[j].as_str(), "for" | "of") {
            let at = if s.words[j + 1] == "the" && s.capitalized((j + 2).min(n - 1)) {
                j + 2
            } else {
                j + 1
            };
            if let Some(len) = lexicon.portfolios.match_at(&s.ids, at) {
                j = at + len;
                // "Minister of Maritime Affairs and Fisheries Sakti Wahyu Trenggono",
                // "Minister of Industry, Trade and Investment Jumoke Oduwole"
                while j + 1 < n && matches!(s.words[j].as_str(), "and" | ",") {
                    match lexicon.portfolios.match_at(&s.ids, j + 1) {
                        Some(len) if s.capitalized(j + 1) => j += 1 + len,
                        _ => break,
                    }
                }
            }
        }
        // "envoy for the dialogue, Peter Sørensen," / "ambassador to NATO, Matthew
        // Whitaker,": a short lowercase complement, then the name in apposition.
        let mut complement_end = j;
        if j < n && matches!(s.words[j].as_str(), "for" | "to" | "of" | "in" | "on") {
            let mut k = j + 1;
            while k < n && k < j + 6 && s.words[k] != "," {
                k += 1;
            }
            if k < n && k < j + 6 && s.words[k] == "," {
                complement_end = k;
            }
        }
        let comma_before_name = if complement_end > j {
            j = complement_end + 1;
            true
        } else if j < n && word(j) == "," {
            j += 1;
            true
        } else {
            false
        };
        while j < n && lists.honorific(j) {
            j += if word_followed_by_dot(s, text, j) {
                2
            } else {
                1
            };
        }
        let name_start = j;
        let name_end = name_run(text, s, name_start, lexicon, tok_hits, lists);
        // A name in apposition must close the apposition ("..., Peter Sørensen, said").
        let apposition_closed = !comma_before_name
            || name_end >= n
            || matches!(
                s.words[name_end].as_str(),
                "," | "." | "said" | "told" | "says" | "who"
            );
        // "Director-General of the ASEAN-Malaysia National Secretariat": the rest
        // of an organization's name is no person's name.
        if name_end == name_start
            || !apposition_closed
            || ends_with_org_head(s, name_start, name_end, lexicon)
        {
            i += 1;
            continue;
        }
        // Affiliation before the role: "French President", "Qatar's prime minister",
        // "European Council President", "Deputy Foreign Minister".
        let mut a = i;
        while a > 0 && lexicon.role_modifiers.match_at(&s.ids, a - 1).is_some() {
            a -= 1;
        }
        // A portfolio before the role: "South Korean Unification Minister".
        if let Some(len) = (1..=3.min(a)).find(|&len| {
            lexicon.portfolios.match_at(&s.ids, a - len) == Some(len) && s.capitalized(a - len)
        }) {
            a -= len;
        }
        let mut title_start = a;
        if affiliation.is_none() && a > 0 {
            let mut b = a;
            if s.words[b - 1] == "'s" || s.words[b - 1] == "’s" {
                b -= 1;
            }
            if let Some(th) = tok_hits.iter().find(|t| t.end == b) {
                if !matches!(th.hit.entry, Entry::Person(_)) {
                    affiliation = Some(th.hit.entry);
                    title_start = th.first;
                    // "Turkish Cypriot leader", "Bosnian Serb member": a demonym
                    // before the demonym is part of the title.
                    if th.hit.form == Form::Demonym {
                        while let Some(d) = tok_hits
                            .iter()
                            .find(|t| t.end == title_start && t.hit.form == Form::Demonym)
                        {
                            title_start = d.first;
                        }
                    }
                }
            }
        }
        let role_text = s.tokens[a].span.start..s.tokens[i + rlen - 1].span.end;
        let role = tidy_role(&text[role_text]);
        let name_span = crate::text::Span::new(
            s.tokens[name_start].span.start,
            s.tokens[name_end - 1].span.end,
        );
        let name = clean_name(name_span.of(text), lexicon);
        let full = if comma_before_name {
            None
        } else {
            Some(
                text[s.tokens[title_start].span.start..name_span.end]
                    .trim()
                    .to_string(),
            )
        };
        for t in taken.iter_mut().take(name_end).skip(name_start) {
            *t = true;
        }
        let known = known_person(&name, gazetteer, &tok_hits, name_start, name_end);
        out.push(Mention {
            sentence: si,
            first: name_start,
            end: name_end,
            span: name_span,
            kind: MentionKind::Person {
                name,
                role: Some(role),
                affiliation,
                known,
                full,
                title_first: if comma_before_name {
                    name_start
                } else {
                    title_start
                },
            },
            entity: None,
        });
        i = name_end;
    }

    // 1b. Untitled persons in apposition: "..., said Natalia Ospina Correa, a
    //     researcher at ...", "Onesphore Mugisha, an analyst in Goma, said ...".
    for (first, end) in apposed_names(text, s, lexicon, tok_hits, taken, &capitals, lists) {
        mark(taken, first, end);
        let name = clean_name(span_of(s, first, end).of(text), lexicon);
        let known = known_person(&name, gazetteer, &tok_hits, first, end);
        out.push(untitled_person(si, s, first, end, name, first, known));
    }

    // 2. Collectives: NUMBER [adjectives] COLLECTIVE, REGION-ADJ COLLECTIVE,
    //    DEMONYM OFFICIALS.
    // Every rule below starts at a gazetteer hit, at "each" or at a quantity word
    // ("the two" too): most tokens are none of these, and the loop goes only to
    // those that may be one (the test below decides).
    let openers = TokenBits::collective_openers(s, lexicon, tok_hits.hits, &mut scratch.openers);
    for i in openers.iter() {
        if taken[i] {
            continue;
        }
        // "Donors pledged", "Development partners pledged", "Governments and
        // development lenders pledged": a collective that opens the running text
        // of its sentence and commits there — the unnamed group of a donor
        // conference's lead.
        if let Some(end) = opening_collective(s, i, lexicon).filter(|&e| (i..e).all(|k| !taken[k]))
        {
            mark(taken, i, end);
            out.push(group(text, si, s, i, end));
            continue;
        }
        let quantity = is_quantity(&s.words[i], s.tokens[i].kind);
        if !quantity && hit_index[i] == usize::MAX && s.words[i] != "each" {
            continue;
        }
        // "German officials", "the Chinese foreign ministry", "EU leaders"
        if let Some(th) = hit_at(i) {
            let named = matches!(th.hit.form, Form::Name | Form::Alias | Form::Acronym)
                && matches!(th.hit.entry, Entry::Country(_) | Entry::Organization(_));
            // "Kenya's Ministry of Foreign Affairs", "the Kenyan Ministry of Roads and
            // Transport": a body's name runs on over "of" and its capitalized words.
            let of_name = |end: usize| {
                if !s.capitalized(end - 1) || s.words.get(end).is_none_or(|w| w != "of") {
                    return end;
                }
                let mut k = end + 1;
                // ("Togo's Ministry of the Armed Forces".)
                if s.words.get(k).is_some_and(|w| w == "the") && s.capitalized(k + 1) {
                    k += 1;
                }
                let mut last = end;
                while k < s.words.len() {
                    if s.capitalized(k) && lists.of(k) & IN_CALENDAR == 0 {
                        last = k + 1;
                    } else if !matches!(s.words[k].as_str(), "and" | "&") {
                        break;
                    }
                    k += 1;
                }
                last
            };
            // ("The Philippines' Department of ...": a plural name's possessive is its
            // apostrophe alone.)
            let possessive = |k: usize| {
                s.words
                    .get(k)
                    .is_some_and(|w| w == "'s" || (w == "'" && s.words[k - 1].ends_with('s')))
            };
            if named && matches!(th.hit.entry, Entry::Country(_)) && possessive(th.end) {
                // "Türkiye's foreign ministry", "Kenya's government": the state
                // speaking through its body (one or two modifying words may come
                // between: "Yemen's internationally recognised government").
                let at = th.end + 1;
                let modifier = |k: usize| {
                    s.words
                        .get(k)
                        .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                };
                let len = (at..at + 3)
                    .take_while(|&k| k == at || modifier(k - 1))
                    .find_map(|k| lexicon.official_nouns.match_at(&s.ids, k).map(|l| k + l));
                if let Some(end) = len.map(of_name) {
                    if (th.first..end).all(|k| !taken[k]) {
                        mark(taken, th.first, end);
                        out.push(metonym(si, s, th.first, end, th.hit.entry));
                        continue;
                    }
                }
                // "Nepal's development partners pledged": outsiders a state calls
                // its own are a group of their own, not the state.
                let outsiders = collective_end(s, at, lexicon).filter(|&e| {
                    matches!(
                        s.words[e - 1].as_str(),
                        "partners" | "donors" | "creditors" | "allies" | "lenders" | "backers"
                    )
                });
                if let Some(end) = outsiders {
                    if (th.first..end).all(|k| !taken[k]) {
                        mark(taken, th.first, end);
                        out.push(group(text, si, s, th.first, end));
                        continue;
                    }
                }
                // "Japan's foreign minister pledged", "Kuwait's emir said": an
                // office holder the sentence does not name (no name or comma
                // follows) — the holder named elsewhere, else the state.
                // ("Norway's climate minister": past one lowercase modifier of a
                // minister.)
                let described = lexicon
                    .person_descriptions
                    .match_at(&s.ids, at)
                    .or_else(|| {
                        (s.words
                            .get(at)
                            .is_some_and(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
                            && matches!(
                                s.words.get(at + 1).map(|w| w.as_str()),
                                Some("minister" | "ministers")
                            ))
                        .then_some(2)
                    });
                if let Some(len) = described {
                    let end = at + len;
                    // In lowercase ("Japan's Foreign Minister" is a title), and
                    // right before its predicate ("Palau's ambassador to the UN,
                    // Ilana Seid, said" names the holder).
                    let unnamed = (at..end).all(|k| !s.capitalized(k))
                        && s.words.get(end).is_some_and(|w| {
                            w != ","
                                && w != "'s"
                                && !s.capitalized(end)
                                && !lexicon.function_words.contains(w)
                        });
                    if unnamed && (th.first..end).all(|k| !taken[k]) {
                        mark(taken, th.first, end);
                        let kind = MentionKind::PersonRef {
                            country: Some(th.hit.entry),
                            head: s.words[at..end].join(" "),
                        };
                        out.push(unresolved(si, s, th.first, end, kind));
                        continue;
                    }
                }
            }
            if named {
                if let Some(len) = lexicon.official_nouns.match_at(&s.ids, th.end) {
                    let end = th.end + len;
                    if (th.first..end).all(|k| !taken[k]) && !s.capitalized(th.end) {
                        mark(taken, th.first, end);
                        out.push(metonym(si, s, th.first, end, th.hit.entry));
                        continue;
                    }
                }
            }
            if th.hit.form == Form::Demonym {
                if let Entry::Country(_) = th.hit.entry {
                    // "the German foreign ministry", and past one modifier: "the
                    // German environment ministry".
                    let official = lexicon.official_nouns.match_at(&s.ids, th.end).or_else(|| {
                        let at = th.end + 1;
                        lexicon
                            .official_nouns
                            .match_at(&s.ids, at)
                            .filter(|_| {
                                matches!(s.words[at].as_str(), "ministry" | "department")
                                    && !s.capitalized(th.end)
                                    && s.words[th.end].chars().all(|c| c.is_lowercase())
                                    && !lexicon.function_words.contains(&s.words[th.end])
                            })
                            .map(|l| l + 1)
                    });
                    if let Some(len) = official {
                        let end = of_name(th.end + len);
                        if (th.first..end).all(|k| !taken[k]) {
                            mark(taken, th.first, end);
                            out.push(metonym(si, s, th.first, end, th.hit.entry));
                        }
                        continue;
                    }
                    // "Turkish companies", "Chinese buyers": actors of the country
                    // that are not its state — a group of their own.
                    if let Some(len) = lexicon.private_collectives.match_at(&s.ids, th.end) {
                        let end = th.end + len;
                        if (th.first..end).all(|k| !taken[k]) {
                            mark(taken, th.first, end);
                            out.push(group(text, si, s, th.first, end));
                        }
                        continue;
                    }
                }
                if let Entry::Region(_) = th.hit.entry {
                    if let Some(end) = collective_end(s, th.end, lexicon) {
                        if (th.first..end).all(|k| !taken[k]) {
                            mark(taken, th.first, end);
                            out.push(group(text, si, s, th.first, end));
                        }
                        continue;
                    }
                }
            }
        }
        // "Gulf Arab states", "Western allies": a region name or adjective, more
        // adjectives, a collective noun.
        if let Some(th) = hit_at(i).filter(|t| matches!(t.hit.entry, Entry::Region(_))) {
            let mut j = th.end;
            while let Some(next) = hit_at(j).filter(|t| t.hit.form == Form::Demonym) {
                j = next.end;
            }
            if let Some(end) = lexicon.collective_nouns.match_at(&s.ids, j).map(|l| j + l) {
                if (i..end).all(|k| !taken[k]) {
                    mark(taken, i, end);
                    out.push(group(text, si, s, i, end));
                    continue;
                }
            }
        }
        // "each side", "each party": a distributive collective (one of two).
        if s.words[i] == "each"
            && i + 1 < n
            && !taken[i + 1]
            && matches!(
                s.words[i + 1].as_str(),
                "side" | "party" | "government" | "delegation" | "capital"
            )
        {
            mark(taken, i, i + 2);
            out.push(group(text, si, s, i, i + 2));
            continue;
        }
        // "... held talks with his counterpart, and the two agreed to ...": a bare
        // numeral standing for the actors named before it.
        if i > 0
            && s.words[i - 1] == "the"
            && matches!(s.words[i].as_str(), "two" | "three" | "four")
            && (lexicon.speech_verbs.match_at(&s.ids, i + 1).is_some()
                || lexicon.commitment_verbs.match_at(&s.ids, i + 1).is_some()
                // ("the four will set the catch", "the four are to review").
                || lexicon.future_modals.match_at(&s.ids, i + 1).is_some()
                || s.words.get(i + 1).is_some_and(|w| {
                    matches!(w.as_str(), "agreed" | "also" | "are" | "have" | "would")
                }))
        {
            mark(taken, i, i + 1);
            out.push(group(text, si, s, i, i + 1));
            continue;
        }
        if quantity {
            let mut j = i + 1;
            // adjectives: a demonym/region adjective or lowercase modifiers
            let mut steps = 0;
            while j < n && steps < 3 {
                if let Some(end) = collective_end(s, j, lexicon) {
                    if (i..end).all(|k| !taken[k]) {
                        mark(taken, i, end);
                        out.push(group(text, si, s, i, end));
                    }
                    break;
                }
                let w = word(j);
                let function_word = matches!(
                    s.words[j].as_str(),
                    "in" | "of"
                        | "to"
                        | "for"
                        | "from"
                        | "with"
                        | "and"
                        | "or"
                        | "the"
                        | "that"
                        | "on"
                        | "at"
                        | "by"
                );
                let ok = !function_word
                    && (hit_at(j).is_some_and(|t| t.hit.form == Form::Demonym && t.end == j + 1)
                        || w.chars().all(|c| c.is_lowercase() || c == '-'));
                if !ok {
                    break;
                }
                j += 1;
                steps += 1;
            }
        }
    }

    // 2b. Organizations the gazetteer does not know: a capitalized run ending in an
    //     organization head ("Permanent Indus Commission", "Lebanese Armed Forces",
    //     "IAEA Board of Governors", "Workers' Party of Korea").
    // A name needs an organization head that starts at its first word or after
    // it: past the sentence's last head, no run can be one (and in most
    // sentences, which have none, no run is looked at).
    let last_head = last_start(s, &lexicon.org_heads);
    let mut pos = 0;
    while pos < n && last_head.is_some_and(|last| pos <= last) {
        // (A run starts at a capitalized word: straight to the next one.)
        let Some(next) = capitals.next(pos) else {
            break;
        };
        pos = next;
        if taken[pos] || !starts_org_run(s, pos, lists) {
            pos += 1;
            continue;
        }
        let mut run_end = capitalized_run(s, pos, lists);
        // "Ukraine's National Security and Defence Council": the possessor owns it.
        let mut i = pos;
        let mut possessor = None;
        if let Some(k) = (i..run_end).find(|&k| s.words[k] == "'s") {
            possessor = tok_hits.at(i).filter(|t| t.end == k).map(|t| t.hit.entry);
            // "the People's Bank of China", "People's Liberation Army": a known name
            // that runs past its own "'s" is the gazetteer's (step 3), not a
            // possessor and a new body after it ("Bank of China").
            if let Some(known) = tok_hits.at(i).filter(|t| t.end > k + 1) {
                pos = known.end;
                continue;
            }
            if possessor.is_none() {
                run_end = k;
            } else {
                i = k + 1;
            }
        }
        // "Agnieszka Wrona of the Centre for Eastern Studies", "Maged Haidar of the
        // Aden Policy Forum": a name of two words or more and no head before "of
        // the" is a person of the body, not part of its name — the body starts
        // after "the".
        let person_of = (i + 2..run_end.saturating_sub(2)).find(|&o| {
            s.words[o] == "of"
                && s.words[o + 1] == "the"
                && (i..o)
                    .all(|k| s.capitalized(k) && lexicon.org_heads.match_at(&s.ids, k).is_none())
        });
        if let Some(o) = person_of {
            pos = o + 2;
            continue;
        }
        // "Department of Foreign Affairs", "Office of Financial Sanctions
        // Implementation": the head first, its complement after "of"/"for".
        let determined = i == 0
            || matches!(
                s.words[i - 1].as_str(),
                "the" | "'s" | "its" | "his" | "her"
            );
        let head_first = lexicon
            .org_heads
            .match_at(&s.ids, i)
            .filter(|_| determined)
            .and_then(|l| {
                (s.words.get(i + l).is_some_and(|w| w == "of" || w == "for") && run_end > i + l + 1)
                    .then_some(run_end)
            });
        // "Korea Electric Power Corp and the World Bank": a known actor after "and
        // (the)" is a second actor, not the end of this one's name.
        if let Some(and) = (i + 1..run_end).find(|&k| {
            s.words[k] == "and"
                && [k + 1, k + 2].into_iter().any(|f| {
                    (f == k + 1 || s.words.get(k + 1).is_some_and(|w| w == "the"))
                        && tok_hits
                            .at(f)
                            .is_some_and(|t| !matches!(t.hit.entry, Entry::Person(_)))
                })
        }) {
            run_end = and;
        }
        let head_end = last_org_head_end(s, i, run_end, lexicon).or(head_first);
        let Some(mut end) = head_end else {
            pos = run_end.max(pos + 1);
            continue;
        };
        // "Caribbean Agency for Disaster Relief and Reconstruction", "Commission on
        // Human Rights": a head's complement after "for"/"on" belongs to the name,
        // unless it names a known actor ("Fund for Ukraine" stays "Fund").
        if end + 1 < run_end
            && matches!(s.words[end].as_str(), "for" | "on")
            && s.capitalized(end + 1)
            && (end..run_end).all(|k| !taken[k] && tok_hits.at(k).is_none())
        {
            end = run_end;
        }
        // "the Reserve Bank of India", "the Central Bank of Egypt": the country after
        // "of" ends the name and owns it.
        let mut of_country = None;
        let known = tok_hits.at(i).is_some_and(|t| t.end == end);
        let currency = |k: usize| s.tokens.get(k).is_some_and(|t| t.span.of(text) == "$");
        if !known && s.words.get(end).is_some_and(|w| w == "of") {
            let at = end + 1 + usize::from(s.words.get(end + 1).is_some_and(|w| w == "the"));
            if let Some(t) = tok_hits.at(at).filter(|t| {
                t.end == run_end && !currency(t.end) && matches!(t.hit.entry, Entry::Country(_))
            }) {
                of_country = Some(t.hit.entry);
                end = t.end;
            }
        }
        let whole_hit = tok_hits
            .at(i)
            .is_some_and(|t| t.end == end && !matches!(t.hit.entry, Entry::Person(_)));
        let has_person = tok_hits
            .iter()
            .any(|t| t.first >= i && t.end <= end && matches!(t.hit.entry, Entry::Person(_)));
        // "the Foreign Ministry" on its own names no one in particular.
        let generic = (i..end).all(|k| lexicon.generic_org_words.contains(&s.words[k]));
        // A gazetteer name that runs past the candidate ("International Committee of
        // the Red Cross") wins.
        let overlapped = tok_hits
            .iter()
            .any(|t| t.first < end && t.end > end && t.first >= i);
        // "Sri Lanka and the International Monetary Fund": two actors, not one name.
        let coordinated = tok_hits.at(i).filter(|t| {
            t.end < end && s.words[t.end] == "and" && !matches!(t.hit.entry, Entry::Person(_))
        });
        // The second actor may be a new body itself: "the World Bank and the
        // Permanent Indus Commission".
        if let Some(t) = coordinated {
            pos = t.end + 1;
            continue;
        }
        // "the President of the World Bank Group" is a title, not a body.
        let titled = lexicon.roles.match_at(&s.ids, i).is_some();
        if end - i < 2
            || titled
            || whole_hit
            || has_person
            || generic
            || overlapped
            || (i..end).any(|k| taken[k])
        {
            pos = end.max(pos + 1);
            continue;
        }
        // The country or organization it belongs to: a leading demonym or name.
        let owner = possessor
            .or(of_country)
            .or_else(|| tok_hits.at(i).filter(|t| t.end < end).map(|t| t.hit.entry));
        let span = span_of(s, i, end);
        mark(taken, i, end);
        out.push(Mention {
            sentence: si,
            first: i,
            end,
            span,
            kind: MentionKind::NewOrganization {
                name: span.of(text).trim_start_matches("the ").to_string(),
                owner,
            },
            entity: None,
        });
        pos = end.max(pos + 1);
    }

    // 3. Gazetteer hits not covered by title patterns or collectives; an organization
    //    takes a trailing descriptor along ("the M23 rebel movement").
    for th in tok_hits.iter() {
        if (th.first..th.end).any(|k| taken[k]) {
            continue;
        }
        // A known surname that is only the first part of a longer name ("Ali
        // Yerlikaya", "Mohammed Abdulsalam") is left to the name rules below.
        if matches!(th.hit.entry, Entry::Person(_))
            && th.hit.form == Form::Surname
            && next_is_capitalized_name(s, th.end)
            && tok_hits.at(th.end).is_none()
            && !lists.not_name(th.end)
        {
            continue;
        }
        // "US$2 billion", "A$100 million", "HK$": a currency, not the country.
        if s.tokens.get(th.end).is_some_and(|t| {
            t.span.start == s.tokens[th.end - 1].span.end && t.span.of(text) == "$"
        }) {
            continue;
        }
        // A region adjective on its own ("European security") is not an actor.
        if matches!(th.hit.entry, Entry::Region(_)) && th.hit.form == Form::Demonym {
            continue;
        }
        let mut end = th.end;
        if matches!(th.hit.entry, Entry::Organization(_)) {
            for len in 1..=3 {
                let e = th.end + len;
                if e <= n
                    && (th.end..e).all(|k| !taken[k])
                    && s.words[th.end..e]
                        .iter()
                        .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                    // Modifiers only: not "European Commission said the bloc".
                    && (th.end..e).all(|k| {
                        !lexicon.function_words.contains(&s.words[k])
                            && lexicon.speech_verbs.match_at(&s.ids, k).is_none()
                    })
                    && lexicon
                        .org_descriptors
                        .match_at(&s.ids, e - 1)
                        .is_some_and(|l| l == 1)
                {
                    end = e;
                }
            }
        }
        // "Pakistan's Foreign Office", "the German Foreign Office": a government
        // body named after another state's owner belongs to that state, whatever
        // the gazetteer's bare form ("Foreign Office") means alone.
        // The state a government body belongs to, when the gazetteer says.
        let body_of = match th.hit.entry {
            Entry::Organization(o) if gazetteer.organizations[o].org_type == "government_body" => {
                gazetteer.organizations[o]
                    .members
                    .first()
                    .and_then(|iso3| gazetteer.country_by_iso3(iso3))
                    .map(Entry::Country)
            }
            Entry::Country(_) if th.hit.form == Form::Metonym => Some(th.hit.entry),
            _ => None,
        };
        if let (Some(body_of), true) = (body_of, th.first > 0) {
            let b = if s.words[th.first - 1] == "'s" {
                th.first - 1
            } else {
                th.first
            };
            let owner = tok_hits.iter().find(|t| {
                t.end == b
                    && matches!(t.hit.entry, Entry::Country(_))
                    && t.hit.entry != body_of
                    && (b < th.first || t.hit.form == Form::Demonym)
            });
            if let Some(owner) = owner {
                if (owner.first..end).all(|k| !taken[k]) {
                    mark(taken, owner.first, end);
                    out.push(metonym(si, s, owner.first, end, owner.hit.entry));
                }
                continue;
            }
        }
        mark(taken, th.first, end);
        let kind = MentionKind::Gazetteer {
            entry: th.hit.entry,
            form: th.hit.form,
        };
        out.push(unresolved(si, s, th.first, end, kind));
    }

    // 4. Descriptions ("the French leader", "the minister", "the coalition") and pronouns.
    //    (Only at the first token and at "the" or a pronoun: the rules below ask
    //    nothing of the others.)
    let openers = TokenBits::description_openers(s, lexicon, &mut scratch.openers);
    for i in openers.iter() {
        if taken[i] {
            continue;
        }
        let w = s.words[i].as_str();
        // Past the first token only "the" and the pronouns start a mention here;
        // their lengths and first bytes settle most words (this asks every token).
        if i > 0
            && !matches!(
                (w.len(), w.as_bytes().first()),
                (1..=4, Some(b'h' | b's' | b't' | b'i' | b'w'))
            )
        {
            continue;
        }
        // "the leaders committed to", "the heads of state agreed", and "Leaders
        // signed up to" opening a sentence: who meets at a summit, referring to the
        // organization whose meeting the article reports (not "the leaders of Chile
        // and Peru").
        let summit_from = if w == "the" { i + 1 } else { 0 };
        if w == "the" || i == 0 {
            if let Some(end) = summit_collective(s, summit_from, lexicon, taken) {
                mark(taken, i, end);
                out.push(Mention {
                    sentence: si,
                    first: i,
                    end,
                    span: span_of(s, i, end),
                    kind: MentionKind::Summit,
                    entity: None,
                });
                continue;
            }
        }
        if w == "the" && i + 1 < n {
            // [demonym] person-description, not followed by a name (that was a title).
            let mut j = i + 1;
            let mut country = None;
            if let Some(th) = hit_at(j) {
                if th.hit.form == Form::Demonym && matches!(th.hit.entry, Entry::Country(_)) {
                    country = Some(th.hit.entry);
                    j = th.end;
                }
            }
            // skip an age or adjective: "the 62-year-old president", "the veteran diplomat"
            if j < n && (s.words[j].contains("year-old") || s.words[j] == "veteran") {
                j += 1;
            }
            if let Some(len) = lexicon.person_descriptions.match_at(&s.ids, j) {
                let end = j + len;
                if (i..end).all(|k| !taken[k] || (country.is_some() && k < j)) {
                    // Remove the demonym mention we are absorbing.
                    out.retain(|m| !(m.sentence == si && m.first >= i && m.end <= end));
                    mark(taken, i, end);
                    out.push(Mention {
                        sentence: si,
                        first: i,
                        end,
                        span: span_of(s, i, end),
                        kind: MentionKind::PersonRef {
                            country,
                            head: s.words[j..end].join(" "),
                        },
                        entity: None,
                    });
                    continue;
                }
            }
            // "the coalition", "the bloc", "the alliance"
            if let Some(desc) = s.words.get(i + 1) {
                if (gazetteer.is_org_description_after_the(desc)
                    || lexicon.org_head_nouns.contains(desc))
                    && !taken[i + 1]
                    && !next_is_capitalized_name(s, i + 2)
                    && s.words.get(i + 2).is_none_or(|w| w != "of")
                {
                    let phrase = format!("the {desc}");
                    mark(taken, i, i + 2);
                    out.push(Mention {
                        sentence: si,
                        first: i,
                        end: i + 2,
                        span: span_of(s, i, i + 2),
                        kind: MentionKind::OrgRef { phrase },
                        entity: None,
                    });
                    continue;
                }
            }
        }
        // "His Excellency Captain Ibrahim Traoré", "His Highness the Amir": a form of
        // address before a name or title, not a pronoun ("His Majesty said" alone
        // still points back to the monarch).
        // (Asked only of pronouns: the form of address is the rarer test.)
        let address = || {
            s.words
                .get(i + 1)
                .is_some_and(|next| is_form_of_address(next))
                && (s.words.get(i + 2).is_some_and(|w| w == "the")
                    || next_is_capitalized_name(s, i + 2))
        };
        let pronoun = match w {
            "he" | "him" | "his" => Some(Pronoun::He),
            "she" | "her" | "hers" => Some(Pronoun::She),
            "they" => Some(Pronoun::They),
            "it" => Some(Pronoun::It),
            "we" => Some(Pronoun::We),
            "i" if word(i) == "I" => Some(Pronoun::I),
            _ => None,
        }
        .filter(|_| !address());
        if let Some(p) = pronoun {
            // "His Majesty said": the form of address is the pronoun's.
            let end = if s
                .words
                .get(i + 1)
                .is_some_and(|next| is_form_of_address(next))
                && !taken.get(i + 1).copied().unwrap_or(true)
            {
                i + 2
            } else {
                i + 1
            };
            mark(taken, i, end);
            out.push(Mention {
                sentence: si,
                first: i,
                end,
                span: span_of(s, i, end),
                kind: MentionKind::Pronoun(p),
                entity: None,
            });
        }
    }

    // 5. Untitled names of people in speaker position: "Musalia Mudavadi said".
    //    A courtesy title before one name ("Mr Yeo", "Mr. Jaishankar", "Dr Tedros")
    //    refers back to a person named in full before.
    // A name of two words or more at `i` is followed by a speech verb or a comma
    // at `i + 2` or later: past the last of them (the whole sentence, in most
    // sentences, which have neither), no name is looked for.
    let last_cue = last_start(s, &lexicon.speech_verbs).max(s.words.iter().rposition(|w| w == ","));
    let mut i = 0;
    while i < n {
        // Both rules start at a capitalized word: straight to the next one.
        let Some(next) = capitals.next(i) else {
            break;
        };
        i = next;
        // (Only a token that may be in a word list can be one: see
        // `name_list_words`.)
        let courtesy = s.capitalized(i) && lists.maybe.has(i) && COURTESY_TITLES.contains(&word(i));
        // (Only a courtesy title looks for its dot.)
        let at = if courtesy && i + 1 < n && s.words[i + 1] == "." {
            i + 2
        } else {
            i + 1
        };
        if courtesy && !taken[i] && at < n && !taken[at] && next_is_capitalized_name(s, at) {
            let end = name_run(text, s, at, lexicon, tok_hits, lists);
            if end == at + 1 && !lists.not_name(at) {
                mark(taken, i, end);
                out.push(untitled_person(
                    si,
                    s,
                    at,
                    end,
                    word(at).to_string(),
                    i,
                    None,
                ));
                i = end;
                continue;
            }
        }
        if taken[i] || !s.capitalized(i) || last_cue.is_none_or(|c| c < i + 2) || lists.not_name(i)
        {
            i += 1;
            continue;
        }
        let end = name_run(text, s, i, lexicon, tok_hits, lists);
        let len = end.saturating_sub(i);
        let followed_by_speech = end < n && lexicon.speech_verbs.match_at(&s.ids, end).is_some();
        let followed_by_apposition = end + 2 < n && word(end) == "," && {
            // ", [the] [U.S.|Kenyan|Russia's] [senior] ROLE"
            let mut k = end + 1;
            if matches!(s.words[k].as_str(), "the" | "a" | "an") {
                k += 1;
            }
            if let Some(t) = hit_at(k).filter(|t| !matches!(t.hit.entry, Entry::Person(_))) {
                k = t.end;
                if s.words.get(k).is_some_and(|w| w == "'s") {
                    k += 1;
                }
            }
            while k < n && lexicon.role_modifiers.match_at(&s.ids, k).is_some() {
                k += 1;
            }
            // "..., Türkiye's energy and natural resources minister,": a portfolio
            // of lowercase words before the role.
            (k..(k + 6).min(n))
                .take_while(|&r| {
                    r == k
                        || s.words[r - 1] == "and"
                        || word(r - 1).chars().all(|c| c.is_lowercase() || c == '-')
                })
                .any(|r| lexicon.roles.match_at(&s.ids, r).is_some())
        };
        // Particles do not count: "Majed bin Mohammed Al Ansari" is four names.
        let particles = (i..end)
            .filter(|&k| lexicon.name_particles.contains(&s.words[k]))
            .count();
        if (2..=4).contains(&(len - particles))
            && len <= 7
            && (followed_by_speech || followed_by_apposition)
            && (i..end).all(|k| !taken[k])
        {
            let name = clean_name(span_of(s, i, end).of(text), lexicon);
            mark(taken, i, end);
            out.push(untitled_person(si, s, i, end, name, i, None));
            i = end;
            continue;
        }
        i += 1;
    }

    // (The steps above push in order of tokens within each, and a sentence has
    // few mentions: mostly in order already, and then not moved.)
    if !out.is_sorted_by_key(|m| m.first) {
        out.sort_by_key(|m| m.first);
    }
    out
}

fn mark(taken: &mut [bool], from: usize, to: usize) {
    for t in taken.iter_mut().take(to).skip(from) {
        *t = true;
    }
}

/// Where tokens `first..end` of a sentence are in the document text.
pub(super) fn span_of(s: &Sentence, first: usize, end: usize) -> crate::text::Span {
    crate::text::Span::new(s.tokens[first].span.start, s.tokens[end - 1].span.end)
}

/// A state or organization named through its people or offices ("German
/// officials", "EU leaders"): a mention of the entry as a metonym.
fn metonym(si: usize, s: &Sentence, first: usize, end: usize, entry: Entry) -> Mention {
    unresolved(
        si,
        s,
        first,
        end,
        MentionKind::Gazetteer {
            entry,
            form: Form::Metonym,
        },
    )
}

/// A mention of tokens `first..end` of sentence `si`, not yet resolved.
fn unresolved(si: usize, s: &Sentence, first: usize, end: usize, kind: MentionKind) -> Mention {
    Mention {
        sentence: si,
        first,
        end,
        span: span_of(s, first, end),
        kind,
        entity: None,
    }
}

/// A person named without a title ("Onesphore Mugisha, a researcher", "Mr Yeo").
fn untitled_person(
    si: usize,
    s: &Sentence,
    first: usize,
    end: usize,
    name: String,
    title_first: usize,
    known: Option<usize>,
) -> Mention {
    Mention {
        sentence: si,
        first,
        end,
        span: span_of(s, first, end),
        kind: MentionKind::Person {
            name,
            role: None,
            affiliation: None,
            known,
            full: None,
            title_first,
        },
        entity: None,
    }
}

fn group(text: &str, si: usize, s: &Sentence, first: usize, end: usize) -> Mention {
    let span = span_of(s, first, end);
    Mention {
        sentence: si,
        first,
        end,
        span,
        kind: MentionKind::Group {
            name: span.of(text).to_string(),
        },
        entity: None,
    }
}

/// Where a collective that opens the sentence at `i` (past its dateline) ends,
/// when a commitment verb follows it ("Donors pledged", "Development partners
/// have committed", "Governments and development lenders pledged").
fn opening_collective(s: &Sentence, i: usize, lexicon: &Lexicon) -> Option<usize> {
    if i != s.dateline || !s.capitalized(i) {
        return None;
    }
    let mut end = collective_end(s, i, lexicon)?;
    if s.words.get(end).is_some_and(|w| w == "and") {
        end = collective_end(s, end + 1, lexicon)?;
    }
    // Givers only: "Leaders pledged" and "Member states commit" are a summit's own
    // body (`summit_collective`).
    if lexicon.summit_collectives.match_at(&s.ids, i) == Some(end - i) {
        return None;
    }
    let giver = matches!(
        s.words[end - 1].as_str(),
        "donors"
            | "partners"
            | "lenders"
            | "creditors"
            | "governments"
            | "countries"
            | "nations"
            | "states"
            | "backers"
            | "contributors"
            | "funders"
    );
    if !giver {
        return None;
    }
    let mut v = end;
    if s.words
        .get(v)
        .is_some_and(|w| matches!(w.as_str(), "have" | "had" | "also"))
    {
        v += 1;
    }
    lexicon.commitment_verbs.match_at(&s.ids, v).map(|_| end)
}

/// If a collective noun starts at `j` (optionally after lowercase modifiers), where it ends.
fn collective_end(s: &Sentence, j: usize, lexicon: &Lexicon) -> Option<usize> {
    for k in j..j + 2 {
        if let Some(len) = lexicon.collective_nouns.match_at(&s.ids, k) {
            return Some(k + len);
        }
        // one lowercase modifier ("defense industries", "donor countries")
        let w = s.words.get(k)?;
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
    }
    None
}

/// The words a collective may start with (step 2 of [`in_sentence`]): the quantity
/// words and "each". (Numbers and gazetteer hits start collectives too.) The
/// lexicon's filter `collective_openers`.
pub(crate) fn collective_opener_words() -> Vec<&'static str> {
    QUANTITY_WORDS.iter().copied().chain(["each"]).collect()
}

/// The words past a sentence's first at which a description or a pronoun may
/// start (step 4 of [`in_sentence`]). The lexicon's filter `description_openers`.
pub(crate) const DESCRIPTION_OPENERS: &[&str] = &[
    "the", "he", "him", "his", "she", "her", "hers", "they", "it", "we", "i",
];

/// Words that count the members of a collective ("two", "several", "fellow").
const QUANTITY_WORDS: &[&str] = &[
    "both", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "several", "dozens", "many", "some", "numerous", "other", "fellow", "western",
    "allied",
];

/// A filter on a short list of words by their first two bytes and length: bit
/// `len` (15 for 15 or more) of `first[a]` is set when a word of that length
/// starts with byte `a`, and of `second[b]` when its second byte is `b`. A word
/// must pass both to be compared with the list (asked for every token).
struct ShortList {
    words: &'static [&'static str],
    first: [u16; 256],
    second: [u16; 256],
}

impl ShortList {
    const fn new(words: &'static [&'static str]) -> ShortList {
        let mut first = [0u16; 256];
        let mut second = [0u16; 256];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let bit = 1 << if w.len() < 15 { w.len() } else { 15 };
            // Every word of these lists has two bytes or more.
            first[w[0] as usize] |= bit;
            second[w[1] as usize] |= bit;
            i += 1;
        }
        ShortList {
            words,
            first,
            second,
        }
    }

    fn contains(&self, word: &str) -> bool {
        let &[a, b, ..] = word.as_bytes() else {
            return false;
        };
        let bit = 1 << word.len().min(15);
        self.first[usize::from(a)] & self.second[usize::from(b)] & bit != 0
            && self.words.contains(&word)
    }
}

static QUANTITY: ShortList = ShortList::new(QUANTITY_WORDS);

fn is_quantity(word: &str, kind: TokenKind) -> bool {
    if kind == TokenKind::Number {
        return !word.contains('.') && word.len() <= 3;
    }
    QUANTITY.contains(word)
}

/// If an uncounted summit collective ([`Lexicon::summit_collectives`]) starts at
/// `j` — "leaders", "heads of state and government" — where it ends; not when a
/// phrase names whose they are ("the leaders of Chile and Peru", "the ministers from
/// Ghana") or a name follows.
fn summit_collective(s: &Sentence, j: usize, lexicon: &Lexicon, taken: &[bool]) -> Option<usize> {
    let end = j + lexicon.summit_collectives.match_at(&s.ids, j)?;
    let owned = s
        .words
        .get(end)
        .is_some_and(|w| matches!(w.as_str(), "of" | "from" | "in" | "at"))
        || next_is_capitalized_name(s, end);
    (!owned && (j..end).all(|k| !taken[k])).then_some(end)
}

fn next_is_capitalized_name(s: &Sentence, i: usize) -> bool {
    s.capitalized_word(i)
}

/// The end (exclusive) of a run of name tokens starting at `start`.
fn name_run(
    text: &str,
    s: &Sentence,
    start: usize,
    lexicon: &Lexicon,
    hits: TokHits,
    lists: &TokenLists,
) -> usize {
    let n = s.tokens.len();
    let mut j = start;
    let mut capitals = 0;
    // A full name the gazetteer knows is the name, whatever words it holds
    // ("Hassan Sheikh Mohamud").
    if let Some(h) = hits.at(start).filter(|h| {
        matches!(h.hit.entry, Entry::Person(_)) && matches!(h.hit.form, Form::Name | Form::Alias)
    }) {
        return h.end;
    }
    if start < n
        && (lexicon.roles.match_at(&s.ids, start).is_some()
            || lexicon.role_modifiers.match_at(&s.ids, start).is_some()
            || hits.at(start).is_some_and(|h| {
                !matches!(h.hit.entry, Entry::Person(_))
                    && !matches!(h.hit.form, Form::Surname | Form::Capital)
            }))
    {
        return start;
    }
    // Up to six capitalized words; particles do not count ("Maryam bint Ali bin
    // Nasser Al Misnad").
    while j < n && capitals < 6 && j - start < 9 {
        let t = s.tokens[j];
        let w = t.span.of(text);
        if t.kind != TokenKind::Word {
            // An initial: "S. Jaishankar", "Kenneth M. Roth".
            let initial = j > start
                && w == "."
                && s.tokens[j - 1].span.of(text).chars().count() == 1
                && s.capitalized_word(j + 1);
            if initial {
                j += 1;
                continue;
            }
            break;
        }
        // A gazetteer place or organization ends the name ("... Merz in Berlin").
        if hits.at(j).is_some_and(|h| {
            !matches!(h.hit.entry, Entry::Person(_)) && h.hit.form != Form::Surname
        }) && capitals > 0
        {
            break;
        }
        if s.capitalized(j) && !lists.calendar(j) && !(lists.not_name(j) && j == start) {
            if lexicon.roles.match_at(&s.ids, j).is_some() && capitals > 0 {
                break;
            }
            capitals += 1;
            j += 1;
            continue;
        }
        // The sentence's lowercased word (the same as `w.to_lowercase()` for every
        // test below: they differ only in apostrophes, which no particle holds).
        let lw = s.words[j].as_str();
        let particle = lexicon.name_particles.contains(lw)
            || lw.starts_with("al-")
            || lw.starts_with("el-")
            || lw.starts_with("bin-");
        let next_cap = s.capitalized_word(j + 1);
        let next_particle = s
            .words
            .get(j + 1)
            .is_some_and(|w| lexicon.name_particles.contains(w))
            && s.capitalized_word(j + 2);
        if particle && capitals > 0 && (next_cap || next_particle || lw.contains('-')) {
            j += 1;
            continue;
        }
        break;
    }
    if capitals == 0 {
        start
    } else {
        // Do not end on a particle.
        while j > start && !s.capitalized(j - 1) && !s.tokens[j - 1].span.of(text).contains('-') {
            j -= 1;
        }
        j
    }
}

/// Names of persons no title introduces, recognized by their place: right after a
/// speech verb or source phrase ("said Natalia Ospina Correa"), or opening the
/// sentence before a description ("Onesphore Mugisha, a researcher at ..., said"),
/// and followed by a description, a relative clause or the sentence's end. A name
/// needs two capitalized words; gazetteer places and organizations end it.
fn apposed_names(
    text: &str,
    s: &Sentence,
    lexicon: &Lexicon,
    hits: TokHits,
    taken: &[bool],
    capitals: &TokenBits,
    lists: &TokenLists,
) -> Vec<(usize, usize)> {
    let n = s.tokens.len();
    let mut out = Vec::new();
    // ", a researcher at ...", ", policy director at ...", ", Yemen director of
    // ...": a description that opens with an article or names a role within its
    // first three words.
    let description_at = |k: usize| {
        k + 1 < n
            && s.words[k] == ","
            && (matches!(s.words[k + 1].as_str(), "a" | "an" | "the" | "who")
                // ("Sofía Reinoso, WFP's country director in Haiti": past an
                // owner's possessive.)
                || (k + 1..n.min(k + 6))
                    .take_while(|&j| s.words[j] != ",")
                    .any(|j| {
                        lexicon.roles.match_at(&s.ids, j).is_some()
                            || lexicon.person_descriptions.match_at(&s.ids, j).is_some()
                            || matches!(
                                s.words[j].as_str(),
                                "director"
                                    | "analyst"
                                    | "researcher"
                                    | "fellow"
                                    | "professor"
                                    | "economist"
                                    | "adviser"
                                    | "advisor"
                                    | "head"
                                    | "chief"
                            )
                    }))
    };
    let speech = |k: usize| {
        (k.saturating_sub(3)..k).any(|v| {
            [&lexicon.speech_verbs, &lexicon.source_phrases]
                .iter()
                .any(|set| set.match_at(&s.ids, v).is_some_and(|l| v + l == k))
        })
    };
    // ", Lorenzo Bellini, said": a name closed by commas right before a speech verb.
    let speech_follows = |end: usize| {
        end + 1 < n
            && s.words[end] == ","
            && lexicon.speech_verbs.match_at(&s.ids, end + 1).is_some()
    };
    // ", the U.N.'s deputy humanitarian coordinator in Port Sudan, said": a
    // definite description that names an office before its closing comma.
    let office_in_segment = |from: usize| {
        (from..n.min(from + 10))
            .take_while(|&k| s.words[k] != ",")
            .any(|k| {
                lexicon.roles.match_at(&s.ids, k).is_some()
                    || lexicon.person_descriptions.match_at(&s.ids, k).is_some()
            })
    };
    let word = |i: usize| s.tokens[i].span.of(text);
    // Sentences without a speech verb or source phrase (most) need no look for one
    // before each name; nor, without a speech or commitment verb, after.
    let may_speak =
        lexicon.speech_verbs.may_match(&s.ids) || lexicon.source_phrases.may_match(&s.ids);
    let may_open =
        lexicon.speech_verbs.may_match(&s.ids) || lexicon.commitment_verbs.may_match(&s.ids);
    // A name closed by commas needs a speech verb after it: with none of the three
    // kinds of words, no name is (and no capitalized word is looked at).
    if !may_speak && !may_open {
        return out;
    }
    // A name starts at a capitalized word.
    for p in capitals.iter() {
        // Cheap tests first: this runs for every capitalized token.
        if taken[p]
            || !next_is_capitalized_name(s, p)
            || hits
                .at(p)
                .is_some_and(|h| !matches!(h.hit.entry, Entry::Person(_)))
            || lists.honorific(p)
        {
            continue;
        }
        // (A gazetteer place or organization starts no name.) Then the word lists,
        // which settle most other capitalized words (sentence openers, months),
        // before the look back for a speech verb. (Every function word is in the
        // list of words that name nothing.)
        if lists.of(p) & (NOT_NAME | IN_CALENDAR) != 0 {
            continue;
        }
        // Honorifics before the name stand where the name would ("Meanwhile, Datin
        // Paduka Nor Hayati binti Ismail, Director-General of ..., told").
        let mut q = p;
        while q > 0 && (lists.honorific(q - 1) || matches!(word(q - 1), "’" | "'")) {
            q -= 1;
        }
        if q < p && (q..p).all(|k| matches!(word(k), "’" | "'")) {
            q = p;
        }
        let between_commas = q > 0 && s.words[q - 1] == ",";
        let after_speech = q > 0 && may_speak && speech(q);
        // The sentence opening, also after an adverb ("Meanwhile, ..."). (Where the
        // dateline ends is asked only where an opening name may be.)
        let opening = may_open && {
            let start = s.dateline;
            let opens = q == start || (q == start + 2 && s.words[start + 1] == ",");
            opens
                && (start..n).any(|k| {
                    lexicon.speech_verbs.match_at(&s.ids, k).is_some()
                        || lexicon.commitment_verbs.match_at(&s.ids, k).is_some()
                })
        };
        if !(after_speech || opening || between_commas) {
            continue;
        }
        let end = name_run(text, s, p, lexicon, hits, lists);
        let capitals = (p..end).filter(|&k| s.capitalized(k)).count();
        if capitals < 2 || (p..end).any(|k| taken[k]) || ends_with_org_head(s, p, end, lexicon) {
            continue;
        }
        // "said Maged Haidar of the Aden Policy Forum": the body the person is of.
        let of_body = |e: usize| {
            s.words.get(e).is_some_and(|w| w == "of")
                && (s.capitalized_word(e + 1)
                    || (s.words.get(e + 1).is_some_and(|w| w == "the")
                        && s.capitalized_word(e + 2)))
        };
        let closed = if after_speech {
            end == n || s.words[end] == "." || description_at(end) || of_body(end)
        } else if opening {
            (description_at(end)
                && s.words
                    .get(end + 1)
                    .is_some_and(|w| w != "the" || office_in_segment(end + 2)))
                // "Nguyen Thi Lan Huong of the Diplomatic Academy of Vietnam warned
                // that": the body's name, then the speech verb.
                || (of_body(end) && {
                    let mut b = end + 1;
                    if s.words[b] == "the" {
                        b += 1;
                    }
                    let e = capitalized_run(s, b, lists);
                    // (Not "Dairy Farmers of Canada welcomed": a body of a state.)
                    let state = hits
                        .at(b)
                        .is_some_and(|h| h.end == e && matches!(h.hit.entry, Entry::Country(_)));
                    e > b && !state && lexicon.speech_verbs.match_at(&s.ids, e).is_some()
                })
        } else {
            speech_follows(end)
        };
        if closed {
            out.push((p, end));
        }
    }
    out
}

/// Can an organization name start at token `i` (a capitalized word that is not a
/// sentence-starting function word)?
fn starts_org_run(s: &Sentence, i: usize, lists: &TokenLists) -> bool {
    s.capitalized_word(i) && !lists.function_word(i) && !is_form_of_address(&s.words[i])
}

/// The end of a run of capitalized words, with "of", "for", "and", "the", "on" and
/// possessive "'s" allowed between capitalized words.
fn capitalized_run(s: &Sentence, start: usize, lists: &TokenLists) -> usize {
    let n = s.tokens.len();
    let cap = |k: usize| {
        s.tokens.get(k).is_some_and(|t| {
            (t.kind == TokenKind::Number || t.kind == TokenKind::Word && s.capitalized(k))
                && !lists.calendar(k)
        })
    };
    let mut j = start;
    while j < n && j - start < 9 {
        let is_connector = |k: usize| {
            matches!(
                s.words.get(k).map(Word::as_str),
                Some("of" | "for" | "and" | "the" | "on" | "'s")
            )
        };
        // "of the Red Cross": connectors may stack. (Asked only past a word that
        // does not go on the run itself: most words of a run do.)
        let connector = || is_connector(j) && (cap(j + 1) || (is_connector(j + 1) && cap(j + 2)));
        if !(cap(j) || connector()) {
            break;
        }
        j += 1;
    }
    j
}

/// Does the run `[start, end)` end in an organization head noun?
fn ends_with_org_head(s: &Sentence, start: usize, end: usize, lexicon: &Lexicon) -> bool {
    (start + 1..end).any(|k| {
        lexicon
            .org_heads
            .match_at(&s.ids, k)
            .is_some_and(|len| k + len == end)
    })
}

/// The last `e` in `start + 1..=run_end` where [`ends_with_org_head`]`(s, start,
/// e)` holds, if any: the furthest end of an organization head that starts after
/// `start` and ends within the run. (One look at each token, not one per end and
/// token.)
fn last_org_head_end(
    s: &Sentence,
    start: usize,
    run_end: usize,
    lexicon: &Lexicon,
) -> Option<usize> {
    if !lexicon.org_heads.may_match(&s.ids) {
        return None;
    }
    (start + 1..run_end)
        .filter_map(|k| lexicon.org_heads.match_at(&s.ids, k).map(|len| k + len))
        .filter(|&e| e <= run_end)
        .max()
}

/// Is token `j` an honorific ("Sheikh", "Gen." written as "Gen" then ".")?
fn is_honorific(s: &Sentence, text: &str, j: usize, lexicon: &Lexicon) -> bool {
    let w = s.tokens[j].span.of(text);
    // (The word lists first: asked of nearly every capitalized token and the token
    // before it, and a set settles most words by their first byte and length.)
    lexicon.honorifics.contains(w)
        || (lexicon.is_honorific_with_dot(w) && word_followed_by_dot(s, text, j))
}

/// Is token `j` directly followed by a "." token ("Gen" ".")?
fn word_followed_by_dot(s: &Sentence, text: &str, j: usize) -> bool {
    s.tokens
        .get(j + 1)
        .is_some_and(|t| t.span.of(text) == "." && t.span.start == s.tokens[j].span.end)
}

/// Drops leading honorifics from a name as written ("Sheikh Tamim bin Hamad" ->
/// "Tamim bin Hamad"); inside a name they are part of it ("Hassan Sheikh Mohamud").
fn clean_name(raw: &str, lexicon: &Lexicon) -> String {
    let raw = if has_no_capitals_word(raw) {
        Cow::Borrowed(raw)
    } else {
        crate::text::title_case_surnames(raw)
    };
    // The words joined by single spaces, written into one string (every title
    // pattern makes one).
    let mut out = String::with_capacity(raw.len());
    for w in crate::text::whitespace_words(&raw).skip_while(|w| lexicon.honorifics.contains(*w)) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Is `text` ASCII with a lowercase letter after each of its capitals ("Emmanuel
/// Macron", nearly every name a title pattern finds)? Then it holds no word in
/// capitals, and `title_case_surnames` leaves it as it is: each of its capital
/// marks (`text::capital_marks`) is a capital before a lowercase letter, which
/// starts nothing. (Every name was marked and looked through for them, into a
/// vector of its own.)
fn has_no_capitals_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b.is_ascii()
            && (!b.is_ascii_uppercase() || bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase))
    })
}

/// Title-cases a role as written: "foreign minister" -> "Foreign Minister".
fn tidy_role(raw: &str) -> String {
    // Written into one string: no string per word, no list of them.
    let mut out = String::with_capacity(raw.len());
    for (k, w) in crate::text::whitespace_words(raw).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let mut c = w.chars();
        match c.next() {
            Some(f) if w.len() > 2 || w == "UN" => {
                // (An ASCII letter's uppercase is its ASCII uppercase.)
                if f.is_ascii() {
                    out.push(f.to_ascii_uppercase());
                } else {
                    out.extend(f.to_uppercase());
                }
                out.push_str(c.as_str());
            }
            _ => out.push_str(w),
        }
    }
    out
}

/// The gazetteer person a titled name refers to, if any.
fn known_person(
    name: &str,
    gazetteer: &Gazetteer,
    hits: &[TokHit],
    first: usize,
    end: usize,
) -> Option<usize> {
    if let Some((Entry::Person(p), _)) = gazetteer.lookup(name) {
        return Some(p);
    }
    hits.iter()
        .filter(|h| h.first >= first && h.end <= end)
        .find_map(|h| match h.hit.entry {
            Entry::Person(p) if h.hit.form != Form::Surname || end - first == 1 => Some(p),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of the word lists answers as the lists do.
    #[test]
    fn list_flags_match_the_lists() {
        let words = NOT_NAMES.iter().chain(CALENDAR).copied().chain([
            "", "Merz", "the", "THE", "Mayor", "Ma", "Xi", "Junes", "Sep.",
        ]);
        for w in words {
            let found = LIST_FLAGS.get(w);
            assert_eq!(found & NOT_NAME != 0, is_not_name(w), "{w}");
            assert_eq!(found & IN_CALENDAR != 0, is_calendar(w), "{w}");
            assert_eq!(found & FUNCTION_WORD != 0, is_function_word(w), "{w}");
        }
    }
}
