//! XML escaping for the GraphML and GEXF writers.
//!
//! Names and sentences come from news text, so anything can be in them: `<`, `&`,
//! quotes, non-ASCII letters, stray control characters. Text and attribute values
//! are escaped here; characters XML 1.0 cannot carry at all (C0 controls other than
//! tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD. Line breaks
//! and tabs in attribute values are written as character references, so that XML
//! parsers do not fold them into spaces.

/// Escapes character data (element content).
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value (to be written between double quotes).
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\t' | '\n' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(text("A & B <c>"), "A &amp; B &lt;c&gt;");
        assert_eq!(attr("say \"hi\" 'x'"), "say &quot;hi&quot; &apos;x&apos;");
        assert_eq!(text("say \"hi\""), "say \"hi\"");
    }

    #[test]
    fn non_ascii_is_kept_and_controls_are_replaced() {
        assert_eq!(text("Erdoğan — Kyiv"), "Erdoğan — Kyiv");
        assert_eq!(text("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(attr("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d");
        assert_eq!(text("a\nb"), "a\nb");
    }
}
