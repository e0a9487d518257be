//! [`Word`]: a token's lowercased text, borrowed from one buffer per document.
//!
//! Every stage reads sentences as lowercased words ("the", "said", "'s"). They were
//! a `String` each — an allocation per token of every document, and a tenth of
//! extraction time. A document's words are now lowercased once into a single
//! buffer ([`super::prepare`]) and a `Word` is a slice of it. It reads like the
//! `String` it replaces: it dereferences to `str`, compares with string literals,
//! has `as_str`, and joins.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// A lowercased word of a sentence (see the module documentation).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Word<'a>(&'a str);

impl<'a> Word<'a> {
    /// A word over already lowercased text.
    pub fn new(lower: &'a str) -> Word<'a> {
        Word(lower)
    }

    /// The word's text.
    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

impl Deref for Word<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for Word<'_> {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl fmt::Display for Word<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for Word<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl PartialEq<str> for Word<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Word<'_> {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<Word<'_>> for str {
    fn eq(&self, other: &Word<'_>) -> bool {
        self == other.0
    }
}

impl PartialEq<Word<'_>> for &str {
    fn eq(&self, other: &Word<'_>) -> bool {
        *self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_a_string() {
        let words = [Word::new("the"), Word::new("u.s."), Word::new("'s")];
        assert!(words[0] == "the" && words[1] != "us");
        assert!(words.get(2).is_some_and(|w| w == "'s"));
        assert!(matches!(words[1].as_str(), "u.s."));
        assert!(words[1].contains('.') && words[1].starts_with('u'));
        assert_eq!(words.join(" "), "the u.s. 's");
        assert_eq!(format!("the {}", words[1]), "the u.s.");
        assert!("the" == words[0]);
    }
}
