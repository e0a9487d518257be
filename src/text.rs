//! Text mechanics: sentence boundaries, tokens and quotations, all as byte spans.
//!
//! This module never rewrites the text. Every span it returns points into the
//! document text exactly as it was read, so evidence offsets stay true. It copes
//! with text as it comes (curly and straight quotes, em dashes, non-breaking
//! spaces) by treating those characters as what they are rather than replacing
//! them. It knows nothing about entities or events.

use std::borrow::Cow;
/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens or dots: "Côte d'Ivoire", "al-Sisi", "U.S.").
    Word,
    /// Digits, possibly with separators: "4.3", "1,200".
    Number,
    /// A quotation mark, straight or curly.
    Quote,
    /// Any other punctuation or symbol: `,` `.` `—` `$` `€`.
    Punct,
}

/// One token of a sentence, with its byte span in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Is this character a quotation mark (straight, curly or guillemet)?
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
    )
}

/// Is this an opening-only quotation mark?
fn is_open_quote(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{00ab}')
}

/// Is this a closing-only quotation mark?
fn is_close_quote(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{00bb}')
}

/// Surnames written in capitals after a given name ("Assimi GOÏTA", "Ibrahim
/// TRAORÉ", a habit of francophone state media) in title case, so that the
/// gazetteer, which matches names case-sensitively, finds them. Byte offsets are
/// kept: a word whose title case has another length stays as it is. Acronyms are
/// untouched — they do not follow a capitalized word ("the AES", "(ECOWAS)").
///
/// A word is a run of letters, hyphens and apostrophes. A word follows a
/// capitalized one when only spaces come between them, or a word's end is followed
/// by a space and then any run of chars outside words ("Assimi , GOÏTA" counts:
/// only the char that ends a word resets). Whether a word follows a capitalized
/// one thus depends on the word before it alone.
///
/// It runs over every byte of every document, so it looks only at the words that
/// hold an ASCII capital or a non-ASCII char (found eight bytes at a time), and at
/// the word before one only when it is in capitals (see `reference` for the plain
/// version it is tested against).
pub fn title_case_surnames(text: &str) -> Cow<'_, str> {
    title_case_surnames_marked(text, &capital_marks(text))
}

/// [`title_case_surnames`] given the text's [`capital_marks`] (made once per
/// document, for this and the gazetteer's scan of words in capitals, where each
/// went over every byte of the text for them).
///
/// The chars it looks at are the marks from where it is on: a capital before a
/// lowercase letter ("The", "Assimi"), most capitals, is no mark — no word in
/// capitals, nothing to look back at; and any capital further in such a word
/// ("McDonald") is in a word with a lowercase letter, which is no word in
/// capitals either.
pub fn title_case_surnames_marked<'t>(text: &'t str, marks: &[usize]) -> Cow<'t, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut p = 0;
    for &q in marks {
        // Marks before `p` (inside a char or word done with) are passed over:
        // `p` is a char boundary, and so the first mark from it is too.
        if q < p {
            continue;
        }
        // Curly quotes, apostrophes and dashes (U+2000 to U+203F, no letter among
        // them) are most non-ASCII chars of wire copy: skipped without decoding.
        if bytes[q] == 0xE2 && bytes.get(q + 1) == Some(&0x80) {
            p = q + 3;
            continue;
        }
        let (is_word, len) = word_char_at(text, q);
        if !is_word {
            p = q + len;
            continue;
        }
        // A capital before a lowercase letter: see above.
        if bytes.get(q + 1).is_some_and(u8::is_ascii_lowercase) {
            p = q + 2;
            continue;
        }
        // The word `q` is in (a word in lowercase letters was skipped whole).
        let from = word_start(text, q);
        let to = word_end(text, q + len);
        p = to;
        let w = &text[from..to];
        if is_capitals_word(w) && follows_capitalized_word(text, from) {
            let titled = title_case(w);
            if titled.len() == w.len() {
                let buf = out.get_or_insert_with(|| text.to_string());
                buf.replace_range(from..to, &titled);
            }
        }
    }
    match out {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(text),
    }
}

/// Where a text's chars that may start or hold a word in capitals may be, in
/// order: its bytes that are not ASCII, and its ASCII capitals but those followed
/// by an ASCII lowercase letter in the same eight bytes ("The", "Qatar": most
/// capitals). Found eight bytes at a time, once per document, for
/// [`title_case_surnames_marked`] and the gazetteer's `find_in_capitals_marked`
/// (each went over every byte of the text for its own): most eight bytes of
/// text hold none.
///
/// The users of the marks ask of each what they asked of every capital and char
/// before: a mark that starts nothing costs a few tests, and a byte inside a
/// char is never asked about (the char's first byte, before it, is a mark).
pub fn capital_marks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 64 + 8);
    let mut p = 0;
    while let Some(chunk) = bytes.get(p..p + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mut flags = marks_mask(u64::from_le_bytes(word));
        while flags != 0 {
            out.push(p + (flags.trailing_zeros() / 8) as usize);
            flags &= flags - 1;
        }
        p += 8;
    }
    out.extend((p..bytes.len()).filter(|&q| bytes[q] >= 0x80 || bytes[q].is_ascii_uppercase()));
    out
}

/// Bit 7 of each byte of `x` (eight bytes of text, little-endian) that is a mark
/// of [`capital_marks`]: not ASCII, or an ASCII capital whose next byte (in `x`)
/// is no ASCII lowercase letter.
#[inline]
fn marks_mask(x: u64) -> u64 {
    let ascii = !x & HIGH_BITS;
    // Byte k + 1's flag moved to byte k (the last byte's next is not in `x`).
    let before_lowercase = (lowercase_mask(x) & ascii) >> 8;
    ((capitals_mask(x) & !before_lowercase) | x) & HIGH_BITS
}

/// The high bit of every byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Bit 7 of each byte of `x` (read little-endian) whose low seven bits are an
/// ASCII capital (a byte of 0x80 or more may be flagged too: mask with `!x`).
#[inline]
pub(crate) fn capitals_mask(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, without carries between bytes (each is at most 0x7f here): bit 7
    // of `low + 0x80 - c` is set when the byte is at least `c`.
    let low = x & !HIGH_BITS;
    let from_a = low + ONES * (0x80 - u64::from(b'A'));
    let past_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
    from_a & !past_z & HIGH_BITS
}

/// Bit 7 of each byte of `x` whose low seven bits are an ASCII lowercase letter
/// (as [`capitals_mask`]: mask with `!x`).
#[inline]
fn lowercase_mask(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = x & !HIGH_BITS;
    let from_a = low + ONES * (0x80 - u64::from(b'a'));
    let past_z = low + ONES * (0x80 - u64::from(b'z') - 1);
    from_a & !past_z & HIGH_BITS
}

/// The `len` (1 to 8) bytes of `bytes` from `at`, read as a little-endian `u64`
/// (zero above them): one load when eight bytes are there, else a copy.
#[inline]
pub(crate) fn read_le_u64(bytes: &[u8], at: usize, len: usize) -> u64 {
    let mut word = [0u8; 8];
    match bytes.get(at..at + 8) {
        Some(eight) => {
            word.copy_from_slice(eight);
            // Keep the low `len` bytes (a shift by 64 would overflow).
            u64::from_le_bytes(word) & (u64::MAX >> (64 - 8 * len))
        }
        None => {
            word[..len].copy_from_slice(&bytes[at..at + len]);
            u64::from_le_bytes(word)
        }
    }
}

/// Where the run of ASCII letters and digits from byte `p` ends:
/// `p` plus `bytes[p..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()`.
///
/// Byte by byte through a table: tokenizing runs over every word, and most words
/// end within a few bytes (a test of eight bytes at a time cost more than the
/// bytes it skipped).
#[inline]
fn ascii_alphanumeric_end(bytes: &[u8], mut p: usize) -> usize {
    while let Some(&b) = bytes.get(p) {
        if !ASCII_ALPHANUMERIC[usize::from(b)] {
            break;
        }
        p += 1;
    }
    p
}

/// `ASCII_ALPHANUMERIC[b]`: byte `b` is an ASCII letter or digit.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Where the word that has a word char at byte `q` starts.
fn word_start(text: &str, mut q: usize) -> usize {
    while let Some(c) = char_before(text, q).filter(|&c| is_word_char(c)) {
        q -= c.len_utf8();
    }
    q
}

/// Where the word going on at byte `p` ends (`p` itself when no word char is there).
fn word_end(text: &str, mut p: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while p < bytes.len() && ASCII_WORD_BYTE[usize::from(bytes[p])] {
            p += 1;
        }
        if p >= bytes.len() {
            return p;
        }
        let (is_word, len) = word_char_at(text, p);
        if !is_word {
            return p;
        }
        p += len;
    }
}

/// A letter, `-` or `'`: a char of a word of [`title_case_surnames`].
#[inline]
fn is_word_char(c: char) -> bool {
    is_letter(c) || c == '-' || c == '\''
}

/// Does the word starting at byte `from` follow a capitalized word (in the sense of
/// [`title_case_surnames`])? The word before it must end in a space, start with a
/// capital, have some lowercase letter, and be no function word ("The RSF").
fn follows_capitalized_word(text: &str, from: usize) -> bool {
    // Back over the chars between the two words to the end of the one before.
    let mut end = from;
    loop {
        match char_before(text, end) {
            None => return false,
            Some(c) if is_word_char(c) => break,
            Some(c) => end -= c.len_utf8(),
        }
    }
    // Only the char that ends a word resets.
    if text.as_bytes()[end] != b' ' {
        return false;
    }
    let w = &text[word_start(text, end)..end];
    let mut cs = w.chars();
    !is_capitalized_function_word(w)
        && cs.next().is_some_and(char::is_uppercase)
        && cs.any(char::is_lowercase)
}

/// `ASCII_WORD_BYTE[b]`: byte `b` is an ASCII letter, `-` or `'` (a word char of
/// [`title_case_surnames`]); false for every non-ASCII byte.
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphabetic() || c == b'-' || c == b'\'';
        b += 1;
    }
    table
};

/// Whether the char at byte `p` of `text` (a char boundary) belongs to a word in the
/// sense of [`title_case_surnames`] (a letter, `-` or `'`), and its length in bytes.
#[inline]
fn word_char_at(text: &str, p: usize) -> (bool, usize) {
    let b = text.as_bytes()[p];
    if b < 0x80 {
        return (b.is_ascii_alphabetic() || b == b'-' || b == b'\'', 1);
    }
    text[p..]
        .chars()
        .next()
        .map_or((false, 1), |c| (is_letter(c), c.len_utf8()))
}

/// A capitalized function word ("The", "In", "After"), which is no given name
/// before a word in capitals ("The RSF" is an acronym).
fn is_capitalized_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "Of"
            | "To"
            | "With"
            | "And"
            | "But"
            | "Or"
            | "As"
            | "This"
            | "That"
            | "Its"
            | "Their"
            | "His"
            | "Her"
            | "Our"
            | "After"
            | "Before"
            | "While"
            | "When"
            | "Under"
    )
}

/// A word in capitals: at least three letters, nothing but capitals, hyphens and
/// apostrophes.
fn is_capitals_word(w: &str) -> bool {
    // The test that fails first for nearly every word comes first.
    w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// "GOÏTA" as "Goïta", "AL-SISI" as "Al-Sisi": capitals after a word's first char
/// and after hyphens kept, the rest lowercased.
fn title_case(w: &str) -> String {
    let mut titled = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            titled.push(c);
        } else {
            titled.extend(c.to_lowercase());
        }
        first = c == '-';
    }
    titled
}

/// `c.is_alphabetic()`, without the Unicode table search (hundreds of instructions)
/// for the chars wire copy is full of: ASCII, the Latin letters with diacritics
/// (U+00C0 to U+024F: all letters but `×` and `÷`) and general punctuation (U+2000
/// to U+206F: curly quotes, dashes, no letter). The test `letters_as_unicode_says`
/// checks every char.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' | '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()` the way [`is_letter`] is `c.is_alphabetic()` (no char of
/// U+00C0 to U+024F or U+2000 to U+206F is numeric).
#[inline]
fn is_letter_or_digit(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' | '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Is this an apostrophe (straight or curly)?
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// The char at byte `p` of `text`, if any (`p` is a char boundary).
#[inline]
fn char_at(text: &str, p: usize) -> Option<char> {
    match *text.as_bytes().get(p)? {
        b if b < 0x80 => Some(char::from(b)),
        _ => text.get(p..).and_then(|t| t.chars().next()),
    }
}

/// The char before byte `p` of `text`, if any.
#[inline]
fn char_before(text: &str, p: usize) -> Option<char> {
    match *text.as_bytes().get(p.checked_sub(1)?)? {
        b if b < 0x80 => Some(char::from(b)),
        _ => text[..p].chars().next_back(),
    }
}

/// The words of `s` as [`str::split_whitespace`] gives them, with ASCII text read
/// byte by byte (a title or a name, made into a tidy string for every mention,
/// was decoded char by char to find its spaces).
pub fn whitespace_words(s: &str) -> WhitespaceWords<'_> {
    WhitespaceWords {
        rest: s,
        ascii: s.is_ascii(),
    }
}

/// The iterator of [`whitespace_words`].
pub struct WhitespaceWords<'a> {
    /// What is left to split.
    rest: &'a str,
    /// `rest` is ASCII: its whitespace is the bytes `char::is_whitespace` holds for
    /// (space, and tab to carriage return).
    ascii: bool,
}

impl<'a> Iterator for WhitespaceWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
        let rest = if self.ascii {
            let skip = self.rest.bytes().take_while(space).count();
            &self.rest[skip..]
        } else {
            self.rest.trim_start_matches(char::is_whitespace)
        };
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        let end = if self.ascii {
            rest.bytes().position(|b| space(&b))
        } else {
            rest.find(char::is_whitespace)
        }
        .unwrap_or(rest.len());
        self.rest = &rest[end..];
        Some(&rest[..end])
    }
}

/// [`tokenize_with`] into a vector of its own (the form the tests compare with the
/// reference; extraction tokenizes into one vector per document), checking
/// what the sink is told of each token against the token's text.
#[cfg(test)]
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    /// What a sink was told, in order.
    #[derive(Default)]
    struct Told(Vec<(u64, u64, usize)>);
    impl TokenSink for Told {
        fn short_word(&mut self, bytes: u64, len: usize) {
            self.0.push((bytes, 0, len));
        }
        fn medium_word(&mut self, head: u64, tail: u64, len: usize) {
            self.0.push((head, tail, len));
        }
        fn other(&mut self, _: Token) {
            self.0.push((0, 0, 0));
        }
    }
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut told = Told::default();
    tokenize_with(text, base, &mut out, &mut told);
    assert_eq!(told.0.len(), out.len());
    for (t, &(head, tail, len)) in out.iter().zip(&told.0) {
        let w = &text.as_bytes()[t.span.start - base..t.span.end - base];
        let le = |b: &[u8]| {
            let mut x = [0u8; 8];
            x[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(x)
        };
        match len {
            0 => assert!(w.len() > 8 || !w.is_ascii()),
            1..=8 => assert_eq!((w.len(), head), (len, le(w))),
            _ => assert_eq!(
                (w.len(), head, tail),
                (len, le(&w[..8]), le(&w[w.len() - 8..]))
            ),
        }
    }
    out
}

/// Told of each token [`tokenize_with`] pushes, as it pushes it: extraction
/// lowercases and looks up a token's word there, in the pass that finds it (a
/// second pass over the tokens read each one again, and its bytes again).
pub trait TokenSink {
    /// The token just pushed is `len` (one to eight) ASCII bytes (a word of
    /// letters and digits, or punctuation): `bytes`, read little-endian (zero
    /// above them).
    fn short_word(&mut self, bytes: u64, len: usize);
    /// The token just pushed is a word of `len` (nine to sixteen) ASCII letters
    /// and digits: its first and last eight bytes (which overlap), each read
    /// little-endian.
    fn medium_word(&mut self, head: u64, tail: u64, len: usize);
    /// The token just pushed is any other.
    fn other(&mut self, token: Token);
    /// The token just pushed is the one ASCII byte `b`, punctuation or a straight
    /// double quote ([`one_byte_token`]): [`TokenSink::short_word`] of it.
    #[inline]
    fn one_byte(&mut self, b: u8) {
        self.short_word(u64::from(b), 1);
    }
}

/// What an ASCII byte is as a token of its own, the way [`push_token`] says: a
/// quotation mark (`"`), punctuation (any other printable byte that is no letter,
/// digit or apostrophe), or none of these (None: letters, digits, whitespace, the
/// apostrophe, whose token depends on what is around it, and bytes not ASCII).
#[inline]
fn one_byte_token(b: u8) -> Option<TokenKind> {
    match ONE_BYTE_TOKENS[usize::from(b)] {
        1 => Some(TokenKind::Punct),
        2 => Some(TokenKind::Quote),
        _ => None,
    }
}

/// [`one_byte_token`] by byte: 1 punctuation, 2 a quotation mark, 0 neither.
static ONE_BYTE_TOKENS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = b'!';
    while b <= b'~' {
        if !b.is_ascii_alphanumeric() && b != b'\'' {
            table[b as usize] = if b == b'"' { 2 } else { 1 };
        }
        b += 1;
    }
    table
};

/// Splits text into tokens, appended to `out` (one vector for all the sentences of
/// a document), telling `sink` of each. Whitespace (including non-breaking
/// spaces) separates tokens.
///
/// It walks the text by byte position, looking at neighbouring chars as it needs
/// them (no vector of the text's chars: tokenizing runs over every byte).
///
/// Most tokens are a run of ASCII letters and digits that starts with a letter
/// (not a capital before a dot: maybe an acronym) and ends before a space or
/// punctuation other than a joiner; most of the rest of the text is single
/// spaces. Both are settled here, by their bytes — a word of up to eight bytes by
/// the eight bytes at its start, read at once, which the sink gets as they are;
/// the rest go the general way.
#[inline(always)]
pub fn tokenize_with<S: TokenSink>(text: &str, base: usize, out: &mut Vec<Token>, sink: &mut S) {
    let bytes = text.as_bytes();
    let mut p = 0;
    while let Some(&b) = bytes.get(p) {
        if b == b' ' {
            p += 1;
            continue;
        }
        if b.is_ascii_alphabetic() && (b.is_ascii_lowercase() || bytes.get(p + 1) != Some(&b'.')) {
            // (Eight bytes are there but near the end: one load, no mask.)
            let x = match bytes
                .get(p..p + 8)
                .and_then(|e| <[u8; 8]>::try_from(e).ok())
            {
                Some(eight) => u64::from_le_bytes(eight),
                None => read_le_u64(bytes, p, bytes.len() - p),
            };
            let run = alphanumeric_run(x);
            // (Past the text's end `x` is zero: a byte that ends the word, as the
            // end does.)
            let (end, next) = if run < 8 {
                (
                    p + run,
                    Some((x >> (8 * run)) as u8).filter(|_| p + run < bytes.len()),
                )
            } else {
                let end = ascii_alphanumeric_end(bytes, p + 8);
                (end, bytes.get(end).copied())
            };
            if next.is_none_or(|n| n < 0x80 && n != b'\'' && n != b'-') {
                let span = Span::new(base + p, base + end);
                out.push(Token {
                    span,
                    kind: TokenKind::Word,
                });
                match end - p {
                    len @ 1..=8 => sink.short_word(x & (u64::MAX >> (64 - 8 * len)), len),
                    len @ 9..=16 => sink.medium_word(x, read_le_u64(bytes, end - 8, 8), len),
                    _ => sink.other(Token {
                        span,
                        kind: TokenKind::Word,
                    }),
                }
                // The space after a word, nearly always there, is passed here (not
                // by a turn of the loop).
                p = end + usize::from(next == Some(b' '));
                continue;
            }
        }
        // A comma, a period, a bracket, a straight double quote: a token of one
        // byte, whatever is around it (`push_token` would decode the char and ask
        // a dozen questions of it to say so).
        if let Some(kind) = one_byte_token(b) {
            out.push(Token {
                span: Span::new(base + p, base + p + 1),
                kind,
            });
            sink.one_byte(b);
            p += 1;
            continue;
        }
        let before = out.len();
        let start = p;
        p = push_token(text, p, base, out);
        if let Some(&token) = out.get(before) {
            // Punctuation is most of these: a byte.
            let len = p - start;
            let x = read_le_u64(bytes, start, len.min(8));
            if len <= 8 && x & HIGH_BITS == 0 {
                sink.short_word(x, len);
            } else {
                sink.other(token);
            }
        }
    }
}

/// How many of the bytes of `x` (read little-endian), from the first, are ASCII
/// letters and digits: eight bytes at once, where a loop went byte by byte.
#[inline]
fn alphanumeric_run(x: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, without carries between bytes (each is at most 0x7f here): bit 7
    // of `v + 0x80 - c` is set when the byte is at least `c`. A letter's byte
    // with bit 5 set is its lowercase, and no other byte lands among them.
    let low = x & !HIGH_BITS;
    let folded = low | (ONES * 0x20);
    let letter = (folded + ONES * (0x80 - u64::from(b'a')))
        & !(folded + ONES * (0x80 - u64::from(b'z') - 1));
    let digit =
        (low + ONES * (0x80 - u64::from(b'0'))) & !(low + ONES * (0x80 - u64::from(b'9') - 1));
    let alphanumeric = (letter | digit) & !x & HIGH_BITS;
    ((!alphanumeric & HIGH_BITS).trailing_zeros() / 8) as usize
}

/// [`tokenize_with`] at byte `p` (a char boundary, before the end) the general way:
/// skips one whitespace char, or pushes the token that starts there; returns
/// where the next one may start.
fn push_token(text: &str, mut p: usize, base: usize, out: &mut Vec<Token>) -> usize {
    // (`p` is a char boundary before the end: there is a char.)
    let Some(c) = char_at(text, p) else {
        return text.len();
    };
    if c.is_whitespace() {
        return p + c.len_utf8();
    }
    let start = p;
    let kind;
    if is_letter(c) {
        kind = TokenKind::Word;
        // A dotted acronym starts with a capital ("U.S."): most words do not,
        // and an ASCII capital starts one only with a dot after it.
        let acronym = if c.is_ascii_lowercase()
            || (c.is_ascii() && text.as_bytes().get(p + 1) != Some(&b'.'))
        {
            None
        } else {
            dotted_acronym_end(text, p)
        };
        if let Some(end) = acronym {
            p = end;
        } else {
            p += c.len_utf8();
            loop {
                // Letters and digits in ASCII run on without decoding chars.
                p = ascii_alphanumeric_end(text.as_bytes(), p);
                // An ASCII char other than a joiner (`'`, `-`) ends the word.
                if text
                    .as_bytes()
                    .get(p)
                    .is_some_and(|&b| b < 0x80 && b != b'\'' && b != b'-')
                {
                    break;
                }
                let Some(d) = char_at(text, p) else {
                    break;
                };
                if is_letter_or_digit(d) {
                    p += d.len_utf8();
                    continue;
                }
                // Inner joiners: apostrophe or hyphen between letters ("d'Ivoire",
                // "al-Sisi").
                let next = char_at(text, p + d.len_utf8());
                // A possessive "'s" is a token of its own: "Ukraine" "’s".
                let possessive = is_apostrophe(d)
                    && matches!(next, Some('s') | Some('S'))
                    && !char_at(text, p + d.len_utf8() + 1).is_some_and(is_letter_or_digit);
                if possessive {
                    break;
                }
                if let Some(n) = next
                    .filter(|n| (is_apostrophe(d) || d == '-' || d == '\u{2011}') && is_letter(*n))
                {
                    p += d.len_utf8() + n.len_utf8();
                    continue;
                }
                break;
            }
        }
    } else if c.is_ascii_digit() {
        kind = TokenKind::Number;
        p += 1;
        while let Some(d) = char_at(text, p) {
            if d.is_ascii_digit() {
                p += 1;
            } else if (d == '.' || d == ',')
                && char_at(text, p + 1).is_some_and(|n| n.is_ascii_digit())
            {
                p += 2;
            } else {
                break;
            }
        }
    } else if is_apostrophe(c)
        && char_before(text, p).is_some_and(is_letter_or_digit)
        && matches!(char_at(text, p + c.len_utf8()), Some('s') | Some('S'))
        && !char_at(text, p + c.len_utf8() + 1).is_some_and(is_letter_or_digit)
    {
        kind = TokenKind::Word;
        p += c.len_utf8() + 1;
    } else if is_quote_char(c) || (is_apostrophe(c) && is_quote_apostrophe(text, p, c)) {
        kind = TokenKind::Quote;
        p += c.len_utf8();
    } else {
        kind = TokenKind::Punct;
        p += c.len_utf8();
    }
    out.push(Token {
        span: Span::new(base + start, base + p),
        kind,
    });
    p
}

/// The end (byte) of a dotted acronym ("U.S.", "U.N.", "E.U.") starting at byte `p`,
/// if there is one.
fn dotted_acronym_end(text: &str, p: usize) -> Option<usize> {
    let (mut q, mut pairs) = (p, 0);
    while let Some(a) = char_at(text, q).filter(|a| a.is_uppercase()) {
        if char_at(text, q + a.len_utf8()) != Some('.') {
            break;
        }
        q += a.len_utf8() + 1;
        pairs += 1;
    }
    let followed_by_letter = char_at(text, q).is_some_and(is_letter_or_digit);
    (pairs >= 2 && !followed_by_letter).then_some(q)
}

/// Single quotes used as quotation marks rather than apostrophes: at a word edge.
/// `c` is the char at byte `p`.
fn is_quote_apostrophe(text: &str, p: usize, c: char) -> bool {
    let prev = char_before(text, p);
    let next = char_at(text, p + c.len_utf8());
    let prev_word = prev.is_some_and(is_letter_or_digit);
    let next_word = next.is_some_and(is_letter_or_digit);
    // "allies' support" is a possessive, not a quote.
    !(prev_word && !next_word && prev == Some('s')) && prev_word != next_word
}

/// Words after which a period does not end a sentence (what the plain version
/// in `reference` reads; the tokenizer asks [`is_abbreviation`]).
#[cfg(test)]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Gov", "Sen", "Rep", "Amb", "Pres", "Sec", "St", "Jr", "Sr", "Rev", "Hon", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "etc", "Inc",
    "Corp", "Ltd", "Co", "approx", "Fig", "al", "Ma", "Smt", "Mme", "Brig", "Cpl", "Pvt", "Cdr",
    "Lt-Gen", "Maj-Gen", "Cmdt", "Supt", "Insp",
];

/// Is `word` one of the words after which a period does not end a sentence
/// (`ABBREVIATIONS`, as the tests check)? A match by length and bytes, where a
/// walk through the list compared it with each in turn (at every period of
/// every text).
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cmdr"
            | "Adm"
            | "Sgt"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Amb"
            | "Pres"
            | "Sec"
            | "St"
            | "Jr"
            | "Sr"
            | "Rev"
            | "Hon"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "No"
            | "vs"
            | "etc"
            | "Inc"
            | "Corp"
            | "Ltd"
            | "Co"
            | "approx"
            | "Fig"
            | "al"
            | "Ma"
            | "Smt"
            | "Mme"
            | "Brig"
            | "Cpl"
            | "Pvt"
            | "Cdr"
            | "Lt-Gen"
            | "Maj-Gen"
            | "Cmdt"
            | "Supt"
            | "Insp"
    )
}

/// Words that start a new sentence after a dotted acronym ("... the U.S. The talks ...").
const SENTENCE_STARTERS: &[&str] = &[
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
    "Earlier",
    "Later",
    "There",
    "Officials",
    "According",
];

/// Splits a document into sentence spans.
///
/// Lines never join: a newline always ends a sentence (articles put one paragraph per
/// line; headlines, bylines and captions are lines of their own). Within a line a
/// sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
/// whitespace, unless the word before the period is a known abbreviation, a single
/// initial, or a dotted acronym followed by a word that does not start sentences.
/// (Extraction reads them with their lines: [`sentences_with_lines`].)
#[cfg(test)]
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_with_lines(text)
        .into_iter()
        .map(|(span, _)| span)
        .collect()
}

/// The line a sentence stands on ([`sentences_with_lines`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Its number from 0: how many newlines come before it (and before the
    /// sentence).
    pub number: usize,
    /// Where it starts.
    pub start: usize,
    /// Where it ends, without its newline.
    pub end: usize,
}

/// [`sentences`], each with its [`Line`]: the lines are found once here, where
/// extraction looked for every sentence's line and counted the newlines before
/// it again.
pub fn sentences_with_lines(text: &str) -> Vec<(Span, Line)> {
    // (About one sentence per 128 bytes of news text: it rarely grows.)
    let mut out = Vec::with_capacity(text.len() / 128 + 4);
    let mut spans = Vec::new();
    for (number, (start, end)) in lines(text).enumerate() {
        split_line(text, start, end, &mut spans);
        // (A line is never empty: it has its newline, or it is the last and not
        // empty.)
        let end = end - usize::from(text.as_bytes()[end - 1] == b'\n');
        let line = Line { number, start, end };
        out.extend(spans.drain(..).map(|span| (span, line)));
    }
    out
}

/// The lines of `text` as `(start, end)` byte ranges, each with its `\n`: the
/// pieces of `text.split_inclusive('\n')`, found many bytes at a time (std's
/// search for a char goes a word at a time, and every byte of a document is
/// searched more than once for line ends).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let ends = memchr::memchr_iter(b'\n', bytes).map(|i| i + 1);
    // The last line has no `\n` unless the text ends with one (then there is no
    // empty line after it).
    let last = (bytes.last() != Some(&b'\n') && !bytes.is_empty()).then_some(bytes.len());
    let mut start = 0;
    ends.chain(last).map(move |end| {
        let line = (start, end);
        start = end;
        line
    })
}

/// Splits one line, walking it by byte position: from a sentence's first char
/// straight to the next `.`, `!` or `?` (ASCII bytes, never inside another char).
fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let mut sent_start: Option<usize> = None;
    let mut p = 0;
    loop {
        if sent_start.is_none() {
            let Some(first) = line[p..].find(|c: char| !c.is_whitespace()) else {
                break;
            };
            p += first;
            sent_start = Some(p);
        }
        let Some(stop) = memchr::memchr3(b'.', b'!', b'?', &line.as_bytes()[p..]) else {
            break;
        };
        p += stop;
        let c = char::from(line.as_bytes()[p]);
        // Take any run of terminal punctuation and closing quotes/brackets.
        let mut q = p + 1;
        while let Some(d) = char_at(line, q) {
            if matches!(d, '.' | '!' | '?' | ')' | ']' | '\'' | '"')
                || is_close_quote(d)
                || d == '\u{2019}'
            {
                q += d.len_utf8();
            } else {
                break;
            }
        }
        let at_space = char_at(line, q).is_none_or(char::is_whitespace);
        if at_space && c == '.' && !period_ends_sentence(line, p, q) {
            p = q;
            continue;
        }
        if at_space {
            if let Some(s) = sent_start.take() {
                push_trimmed(text, start + s, start + q, out);
            }
            p = q;
            continue;
        }
        p += 1;
    }
    if let Some(s) = sent_start {
        push_trimmed(text, start + s, end, out);
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let trimmed = s.trim_end();
    // A sentence starts where `split_line` found a char that is not whitespace:
    // then nothing is trimmed at its start and it is not empty (an ASCII first
    // byte tells without decoding; the general case follows).
    if let Some(&b) = s.as_bytes().first() {
        if b < 0x80 && !char::from(b).is_whitespace() {
            out.push(Span::new(start, start + trimmed.len()));
            return;
        }
    }
    let lead = s.len() - s.trim_start().len();
    if !trimmed.trim().is_empty() {
        out.push(Span::new(start + lead, start + trimmed.len()));
    }
}

/// Decides whether the period at byte `p` of `line` ends a sentence; `q` is past the
/// punctuation run.
fn period_ends_sentence(line: &str, p: usize, q: usize) -> bool {
    // The word before the period.
    let mut k = p;
    while let Some(b) = char_before(line, k) {
        if b.is_whitespace() || is_open_quote(b) {
            break;
        }
        k -= b.len_utf8();
    }
    let word = &line[k..p];
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The word after the whitespace.
    let next_start = line[q..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map(|(i, _)| q + i);
    let Some(next_start) = next_start else {
        return true;
    };
    let next_word: &str = line[next_start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let next_first = next_word.chars().next().unwrap_or(' ');
    if next_first.is_lowercase() {
        return false;
    }
    // "... the deadline." followed by a digit or quote is still a boundary.
    if q > p + 1 {
        // The period is followed by a closing quote or bracket: a real end.
        return true;
    }
    if is_abbreviation(word) {
        return false;
    }
    // The word's letters, read where they are asked (a vector of them was made at
    // nearly every sentence end).
    let letters = || word.chars().filter(|c| c.is_alphabetic());
    let mut each = letters();
    if each.next().is_some_and(char::is_uppercase) && each.next().is_none() {
        // An initial: "George W. Bush".
        return false;
    }
    if word.contains('.') && letters().all(char::is_uppercase) {
        // A dotted acronym: "U.S." ends a sentence only before a sentence starter
        // (the next word's leading letters and digits).
        let clean_end = next_word
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(next_word.len(), |(i, _)| i);
        return SENTENCE_STARTERS.contains(&&next_word[..clean_end]);
    }
    true
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the marks.
    pub inner: Span,
    /// The quotation including its marks (the end mark may be missing at a paragraph end).
    pub outer: Span,
}

/// Finds quotations in a paragraph (one line): pairs of quotation marks.
///
/// Curly quotes pair by direction; straight quotes pair in order. A quotation left
/// open at the end of the line ends there (wire copy opens a new paragraph with a new
/// quote mark when a quote runs on).
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    for (start, end) in lines(text) {
        quotations_in_line(&text[start..end], start, &mut out);
    }
    out
}

fn quotations_in_line(line: &str, base: usize, out: &mut Vec<Quotation>) {
    // (outer start, inner start) of the quotation open so far.
    let mut open: Option<(usize, usize)> = None;
    // Only the bytes that may start a quotation mark are decoded: this runs over
    // every byte of every document.
    for pos in memchr::memchr3_iter(b'"', 0xC2, 0xE2, line.as_bytes()) {
        let Some(c) = char_at(line, pos).filter(|&c| is_quote_char(c)) else {
            continue;
        };
        let after = pos + c.len_utf8();
        let opening = if is_open_quote(c) {
            true
        } else if is_close_quote(c) {
            false
        } else {
            // Straight quote: opening if nothing is open.
            open.is_none()
        };
        match (opening, open) {
            (true, None) => open = Some((pos, after)),
            (true, Some(_)) => {
                // Nested or unbalanced opening: restart from here.
                open = Some((pos, after));
            }
            (false, Some((o, inner))) => {
                out.push(Quotation {
                    inner: Span::new(base + inner, base + pos),
                    outer: Span::new(base + o, base + after),
                });
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some((o, inner)) = open {
        let end = line.trim_end().len();
        if end > inner {
            out.push(Quotation {
                inner: Span::new(base + inner, base + end),
                outer: Span::new(base + o, base + end),
            });
        }
    }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_in_capitals_follow_a_given_name_not_a_function_word() {
        assert_eq!(
            title_case_surnames("Assimi GOÏTA met The RSF and the UN."),
            "Assimi Goïta met The RSF and the UN."
        );
        assert_eq!(title_case_surnames("ECOWAS met"), "ECOWAS met");
    }

    #[test]
    fn whitespace_words_are_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            " Foreign  Minister ",
            "a\tb\nc\x0bd\x0ce\rf",
            "Sheikh\u{a0}Tamim bin\u{2003}Hamad",
            "  Émile\u{85}Zola  ",
            "x\u{1c}y",
        ] {
            let want: Vec<&str> = s.split_whitespace().collect();
            let got: Vec<&str> = whitespace_words(s).collect();
            assert_eq!(got, want, "{s:?}");
        }
        for b in 0..128u8 {
            let s = format!("a{}b", char::from(b));
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(whitespace_words(&s).collect::<Vec<_>>(), want, "{b}");
        }
    }

    #[test]
    fn alphanumeric_runs_end_where_bytes_stop_being_ascii_letters_or_digits() {
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend(b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{/:");
        bytes.extend("é’x".as_bytes());
        for p in 0..=bytes.len() {
            let run = bytes[p..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            assert_eq!(ascii_alphanumeric_end(&bytes, p), p + run, "{p}");
        }
    }

    #[test]
    fn lines_as_split_inclusive() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\na\n\nb\n", "é\n“x”"] {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            let got: Vec<&str> = lines(text).map(|(a, b)| &text[a..b]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn letters_as_unicode_says() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn abbreviations_matched_as_listed() {
        assert!(ABBREVIATIONS.iter().all(|w| is_abbreviation(w)));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["data/corpus/dev", "data/corpus/heldout"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                for w in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                    assert_eq!(is_abbreviation(w), ABBREVIATIONS.contains(&w), "{w}");
                }
            }
        }
    }

    #[test]
    fn capital_marks_found_eight_bytes_at_a_time() {
        // Bytes around 'A', 'Z', 'a' and 'z', capitals before and after lowercase
        // letters, at the end and across eight bytes, and chars of two to four
        // bytes whose bytes' low seven bits are capitals or lowercase letters,
        // at every offset.
        let tail = "abcdefgh@[`{ijklmnopZqrstuvwxAbCDe\u{c1}\u{da}ÁzÉ\u{2019}s \u{1f600}Qq QR Z";
        for k in 0..=9 {
            let text = format!("{}{tail}", "x".repeat(k));
            let b = text.as_bytes();
            let marks = capital_marks(&text);
            // Every byte that is not ASCII, and every capital before no lowercase
            // letter, is a mark; so are some other capitals; nothing else is.
            let must = |q: usize| {
                b[q] >= 0x80
                    || b[q].is_ascii_uppercase()
                        && !b.get(q + 1).is_some_and(u8::is_ascii_lowercase)
            };
            let may = |q: usize| b[q] >= 0x80 || b[q].is_ascii_uppercase();
            let want: Vec<usize> = (0..b.len()).filter(|&q| must(q)).collect();
            assert!(want.iter().all(|q| marks.contains(q)), "{k}");
            assert!(marks.iter().all(|&q| may(q)), "{k}");
            assert!(marks.windows(2).all(|w| w[0] < w[1]));
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.of(text)).collect()
    }

    struct Case {
        text: &'static str,
        want: &'static [&'static str],
    }

    #[test]
    fn sentence_cases() {
        let cases = [
            Case {
                text: "The U.S. President spoke. He left.",
                want: &["The U.S. President spoke.", "He left."],
            },
            Case {
                text: "Aid went to the U.S. The talks ended.",
                want: &["Aid went to the U.S.", "The talks ended."],
            },
            Case {
                text: "Gen. Smith met Mr. Jones on Jan. 5. Then they left.",
                want: &["Gen. Smith met Mr. Jones on Jan. 5.", "Then they left."],
            },
            Case {
                text: "“We are ready. We will act,” he said.\nNext line",
                want: &["“We are ready.", "We will act,” he said.", "Next line"],
            },
            Case {
                text: "He said \"no.\" She agreed!",
                want: &["He said \"no.\"", "She agreed!"],
            },
            Case {
                text: "George W. Bush spoke.",
                want: &["George W. Bush spoke."],
            },
            Case {
                text: "It cost $4.3 billion. Fine.",
                want: &["It cost $4.3 billion.", "Fine."],
            },
        ];
        for c in cases {
            assert_eq!(split(c.text), c.want, "text: {}", c.text);
        }
    }

    #[test]
    fn tokens_keep_acronyms_and_joined_words() {
        let text = "U.S. envoy al-Sisi’s Côte d'Ivoire 4.3 “x”";
        let toks: Vec<&str> = tokenize(text, 0).iter().map(|t| t.span.of(text)).collect();
        assert_eq!(
            toks,
            vec!["U.S.", "envoy", "al-Sisi", "’s", "Côte", "d'Ivoire", "4.3", "“", "x", "”"]
        );
    }

    #[test]
    fn quotations_pair_curly_and_straight() {
        let text = "He said “go now,” and \"stop\".\n“Open to the end";
        let q: Vec<&str> = quotations(text).iter().map(|q| q.inner.of(text)).collect();
        assert_eq!(q, vec!["go now,", "stop", "Open to the end"]);
    }

    #[test]
    fn spans_are_char_boundaries() {
        let text = "Zelensky\u{a0}said “ok.” Ça va. 東京 spoke.";
        for s in sentences(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }

    /// Text made of the characters the tokenizer and the sentence splitter treat
    /// specially, in any order.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "a", "S", "s", "U", ".", "U.S.", "E.U", " ", "\n", "\u{a0}", "'", "’", "‘", "ʼ", "\"",
            "“", "”", "«", "»", "-", "\u{2011}", "1", "4.3", ",", "!", "?", ")", "]", "Mr", "W",
            "The", "the", "é", "Ç", "東", "Σ", "ǅ", "Ⅳ", "—", "(", "12,5",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    /// What [`sentences_with_lines`] says of a sentence's line, found the plain way:
    /// the newlines before it, and the line around it.
    fn line_of(text: &str, span: Span) -> Line {
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.start..]
            .find('\n')
            .map_or(text.len(), |i| span.start + i);
        let number = text[..span.start].matches('\n').count();
        Line { number, start, end }
    }

    proptest::proptest! {
        #[test]
        fn sentences_know_their_lines(text in tricky_text()) {
            for (span, line) in sentences_with_lines(&text) {
                proptest::prop_assert_eq!(line, line_of(&text, span));
            }
        }

        #[test]
        fn same_tokens_and_sentences_as_the_reference(text in tricky_text()) {
            proptest::prop_assert_eq!(tokenize(&text, 7), reference::tokenize(&text, 7));
            proptest::prop_assert_eq!(sentences(&text), reference::sentences(&text));
            proptest::prop_assert_eq!(quotations(&text), reference::quotations(&text));
            proptest::prop_assert_eq!(
                title_case_surnames(&text),
                reference::title_case_surnames(&text)
            );
        }
    }

    #[test]
    fn same_tokens_and_sentences_on_the_samples() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["data/corpus/dev", "data/corpus/heldout"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(path).unwrap();
                    assert_eq!(sentences(&text), reference::sentences(&text));
                    assert_eq!(quotations(&text), reference::quotations(&text));
                    assert_eq!(
                        title_case_surnames(&text),
                        reference::title_case_surnames(&text)
                    );
                    for s in sentences(&text) {
                        let t = s.of(&text);
                        assert_eq!(tokenize(t, s.start), reference::tokenize(t, s.start));
                    }
                }
            }
        }
    }
}
