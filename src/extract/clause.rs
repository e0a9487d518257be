//! Shallow clause structure shared by the event stages: who is the subject of a
//! verb, what follows it, and whether a token sits inside a quotation.
//!
//! diplograph does not parse. These helpers read the few shapes wire copy uses
//! for attribution and commitment — a subject right before its verb, possibly
//! behind adverbs, an appositive (", speaking in Paris,") or a parenthetical
//! (", he added,"); coordinated subjects ("Germany, Italy, and Poland"); the
//! inverted "said X" — and give up on anything else.

use super::{DocEntities, Mention, Sentence};
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityKind, Evidence};
use crate::text::{Quotation, TokenKind};

/// Everything the event stages read.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// The document.
    pub doc: &'a Document,
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// Its quotations.
    pub quotes: &'a [Quotation],
    /// Its entities and resolved mentions.
    pub ents: &'a DocEntities,
    /// The lexicons.
    pub lexicon: &'a Lexicon,
}

impl<'a> Context<'a> {
    /// The resolved mentions of sentence `si`, in order.
    pub fn mentions_in(&self, si: usize) -> Vec<&'a Mention> {
        self.ents
            .mentions
            .iter()
            .filter(|m| m.sentence == si)
            .collect()
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

    /// The text of token `i` of sentence `si`.
    pub fn word(&self, si: usize, i: usize) -> &'a str {
        self.sentences[si].tokens[i].span.of(self.text)
    }

    /// Is token `i` of sentence `si` inside a quotation?
    pub fn in_quote(&self, si: usize, i: usize) -> bool {
        let t = self.sentences[si].tokens[i].span;
        self.quotes
            .iter()
            .any(|q| q.inner.start <= t.start && t.end <= q.inner.end)
    }

    /// The quoted words that overlap sentence `si`, joined.
    pub fn quote_for(&self, si: usize) -> Option<String> {
        let span = self.sentences[si].span;
        let parts: Vec<&str> = self
            .quotes
            .iter()
            .filter(|q| q.inner.start < span.end && span.start < q.inner.end)
            .map(|q| q.inner.of(self.text).trim())
            .filter(|q| !q.is_empty())
            .collect();
        if parts.is_empty() {
            None
        } else {
            Some(parts.join(" ... "))
        }
    }

    /// The resolved mention that ends right before token `end` in sentence `si`.
    pub fn mention_ending(&self, si: usize, end: usize) -> Option<&'a Mention> {
        self.ents
            .mentions
            .iter()
            .find(|m| m.sentence == si && m.end == end && m.entity.is_some())
    }

    /// The resolved mention that starts at token `first` in sentence `si`.
    pub fn mention_starting(&self, si: usize, first: usize) -> Option<&'a Mention> {
        self.ents
            .mentions
            .iter()
            .find(|m| m.sentence == si && m.first == first && m.entity.is_some())
    }

    /// The kind of the entity a mention refers to.
    pub fn kind_of(&self, m: &Mention) -> Option<EntityKind> {
        m.entity.map(|e| self.ents.list[e].kind)
    }

    /// Subjects of the verb at token `verb` (coordinated subjects give several).
    ///
    /// Skips adverbs and auxiliaries, an appositive or parenthetical between commas,
    /// and a possessive official ("Russia's foreign ministry said" -> Russia).
    pub fn subjects_before(&self, si: usize, verb: usize) -> Vec<&'a Mention> {
        let s = &self.sentences[si];
        let mut j = verb;
        // adverbs, auxiliaries, weekday phrases: "on Thursday", "also", "has"
        while j > 0 && self.skippable(si, j - 1) {
            j -= 1;
        }
        if j == 0 {
            return Vec::new();
        }
        if s.words[j - 1] == "," && !self.is_quote_close_before(si, j - 1) {
            // ", speaking at a press conference in Paris," or ", he added,"
            let mut p = j - 1;
            while p > 0 && s.words[p - 1] != "," {
                p -= 1;
            }
            if p == 0 {
                return Vec::new();
            }
            j = p - 1;
            while j > 0 && self.skippable(si, j - 1) {
                j -= 1;
            }
        }
        // "Russia's foreign ministry", "Macron's office"
        if j >= 2 {
            if let Some(len) = self.official_noun_ending(si, j) {
                if j > len && s.words[j - len - 1] == "'s" {
                    j -= len + 1;
                }
            }
        }
        let mut out: Vec<&Mention> = Vec::new();
        let mut saw_and = false;
        loop {
            let Some(m) = self.mention_ending(si, j) else {
                break;
            };
            if self.after_preposition(si, m.first) {
                break;
            }
            out.push(m);
            if m.first < 2 {
                break;
            }
            let w = s.words[m.first - 1].as_str();
            if w == "and" || w == "&" {
                saw_and = true;
                j = m.first - 1;
                if j > 0 && s.words[j - 1] == "," {
                    j -= 1;
                }
            } else if w == "," && saw_and {
                j = m.first - 1;
            } else {
                break;
            }
        }
        out
    }

    /// The mention right after token `i` (for "said X", "according to X").
    pub fn mention_after(&self, si: usize, i: usize) -> Option<&'a Mention> {
        let s = &self.sentences[si];
        let mut j = i;
        while j < s.words.len() && matches!(s.words[j].as_str(), "," | "by") {
            j += 1;
        }
        self.mention_starting(si, j)
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
                    .match_at(&s.words, end - len)
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
