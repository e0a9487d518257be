//! The first implementations of [`super::tokenize`], [`super::sentences`],
//! [`super::quotations`] and [`super::title_case_surnames`], char by char: the
//! reference the faster ones are tested against.

use super::{
    is_apostrophe, is_close_quote, is_open_quote, is_quote_char, push_trimmed, Quotation, Span,
    Token, TokenKind, ABBREVIATIONS, SENTENCE_STARTERS,
};
use std::borrow::Cow;

/// Splits text into tokens. Whitespace (including non-breaking spaces) separates tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = pos;
        let kind;
        if c.is_alphabetic() {
            kind = TokenKind::Word;
            if let Some(len) = dotted_acronym_len(&chars[i..]) {
                i += len;
            } else {
                i += 1;
                while i < chars.len() {
                    let (_, d) = chars[i];
                    if d.is_alphanumeric() {
                        i += 1;
                        continue;
                    }
                    // Inner joiners: apostrophe or hyphen between letters ("d'Ivoire",
                    // "al-Sisi").
                    let next = chars.get(i + 1).map(|&(_, n)| n);
                    // A possessive "'s" is a token of its own: "Ukraine" "’s".
                    let possessive = is_apostrophe(d)
                        && matches!(next, Some('s') | Some('S'))
                        && !chars.get(i + 2).is_some_and(|&(_, m)| m.is_alphanumeric());
                    if possessive {
                        break;
                    }
                    if (is_apostrophe(d) || d == '-' || d == '\u{2011}')
                        && next.is_some_and(char::is_alphabetic)
                    {
                        i += 2;
                        continue;
                    }
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while i < chars.len() {
                let (_, d) = chars[i];
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == '.' || d == ',')
                    && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
                {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if is_apostrophe(c)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
            && matches!(chars.get(i + 1), Some(&(_, 's')) | Some(&(_, 'S')))
            && !chars.get(i + 2).is_some_and(|&(_, m)| m.is_alphanumeric())
        {
            kind = TokenKind::Word;
            i += 2;
        } else if is_quote_char(c) || (is_apostrophe(c) && is_quote_apostrophe(&chars, i)) {
            kind = TokenKind::Quote;
            i += 1;
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let end = chars.get(i).map_or(text.len(), |&(p, _)| p);
        out.push(Token {
            span: Span::new(base + start, base + end),
            kind,
        });
    }
    out
}

/// Length in chars of a dotted acronym ("U.S.", "U.N.", "E.U.") at the start, if any.
fn dotted_acronym_len(chars: &[(usize, char)]) -> Option<usize> {
    let mut n = 0;
    while n + 1 < chars.len() && chars[n].1.is_uppercase() && chars[n + 1].1 == '.' {
        n += 2;
    }
    let followed_by_letter = chars.get(n).is_some_and(|&(_, c)| c.is_alphanumeric());
    (n >= 4 && !followed_by_letter).then_some(n)
}

/// Single quotes used as quotation marks rather than apostrophes: at a word edge.
fn is_quote_apostrophe(chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|k| chars[k].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    let prev_word = prev.is_some_and(char::is_alphanumeric);
    let next_word = next.is_some_and(char::is_alphanumeric);
    // "allies' support" is a possessive, not a quote.
    !(prev_word && !next_word && prev == Some('s')) && prev_word != next_word
}

/// Splits a document into sentence spans.
///
/// Lines never join: a newline always ends a sentence (articles put one paragraph per
/// line; headlines, bylines and captions are lines of their own). Within a line a
/// sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
/// whitespace, unless the word before the period is a known abbreviation, a single
/// initial, or a dotted acronym followed by a word that does not start sentences.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut sent_start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if sent_start.is_none() && !c.is_whitespace() {
            sent_start = Some(pos);
        }
        if matches!(c, '.' | '!' | '?') {
            // Take any run of terminal punctuation and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if matches!(d, '.' | '!' | '?' | ')' | ']' | '\'' | '"')
                    || is_close_quote(d)
                    || d == '\u{2019}'
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let at_space = j >= chars.len() || chars[j].1.is_whitespace();
            if at_space && c == '.' && !period_ends_sentence(line, &chars, i, j) {
                i = j;
                continue;
            }
            if at_space {
                let end_byte = chars.get(j).map_or(line.len(), |&(p, _)| p);
                if let Some(s) = sent_start.take() {
                    push_trimmed(text, start + s, start + end_byte, out);
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = sent_start {
        push_trimmed(text, start + s, end, out);
    }
}

/// Decides whether the period at `chars[i]` ends a sentence; `j` is past the punctuation run.
fn period_ends_sentence(line: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    // The word before the period.
    let mut k = i;
    while k > 0 && !chars[k - 1].1.is_whitespace() && !is_open_quote(chars[k - 1].1) {
        k -= 1;
    }
    let word_start = chars[k].0;
    let word = &line[word_start..chars[i].0];
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The word after the whitespace.
    let mut n = j;
    while n < chars.len() && chars[n].1.is_whitespace() {
        n += 1;
    }
    if n >= chars.len() {
        return true;
    }
    let next_start = chars[n].0;
    let next_word: &str = line[next_start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let next_first = next_word.chars().next().unwrap_or(' ');
    if next_first.is_lowercase() {
        return false;
    }
    // "... the deadline." followed by a digit or quote is still a boundary.
    if j > i + 1 {
        // The period is followed by a closing quote or bracket: a real end.
        return true;
    }
    if ABBREVIATIONS.contains(&word) {
        return false;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        // An initial: "George W. Bush".
        return false;
    }
    if word.contains('.') && letters.iter().all(|c| c.is_uppercase()) {
        // A dotted acronym: "U.S." ends a sentence only before a sentence starter.
        let clean: String = next_word
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        return SENTENCE_STARTERS.contains(&clean.as_str());
    }
    true
}

/// Surnames written in capitals after a given name ("Assimi GOÏTA", "Ibrahim
/// TRAORÉ", a habit of francophone state media) in title case, so that the
/// gazetteer, which matches names case-sensitively, finds them. Byte offsets are
/// kept: a word whose title case has another length stays as it is. Acronyms are
/// untouched — they do not follow a capitalized word ("the AES", "(ECOWAS)").
pub fn title_case_surnames(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut prev_titled = false;
    let mut start = None;
    let push_word = |out: &mut Option<String>, prev_titled: &mut bool, from: usize, to: usize| {
        let w = &text[from..to];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let caps = letters >= 3
            && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')
            && w.chars().any(char::is_alphabetic);
        if caps && *prev_titled {
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
            if titled.len() == w.len() {
                let buf = out.get_or_insert_with(|| text.to_string());
                buf.replace_range(from..to, &titled);
            }
        }
        let mut cs = w.chars();
        // A capitalized function word is no given name: "The RSF" is an acronym.
        let function_word = super::is_capitalized_function_word(w);
        *prev_titled = !function_word
            && cs.next().is_some_and(char::is_uppercase)
            && cs.any(char::is_lowercase);
    };
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphabetic() || c == '-' || c == '\'';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                push_word(&mut out, &mut prev_titled, from, i);
                start = None;
                if c != ' ' {
                    prev_titled = false;
                }
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push_word(&mut out, &mut prev_titled, from, text.len());
    }
    match out {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(text),
    }
}

/// Finds quotations in a paragraph (one line): pairs of quotation marks.
///
/// Curly quotes pair by direction; straight quotes pair in order. A quotation left
/// open at the end of the line ends there (wire copy opens a new paragraph with a new
/// quote mark when a quote runs on).
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        quotations_in_line(line, line_start, &mut out);
        line_start += line.len();
    }
    out
}

fn quotations_in_line(line: &str, base: usize, out: &mut Vec<Quotation>) {
    let mut open: Option<(usize, usize)> = None; // (outer start, inner start)
    for (pos, c) in line.char_indices() {
        if !is_quote_char(c) {
            continue;
        }
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
