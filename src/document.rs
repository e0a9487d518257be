//! Reading articles: plain text files with optional front matter, directories,
//! standard input, and JSON Lines corpora (DESIGN.md §4).
//!
//! Reading is per source and never all-or-nothing: [`read_sources`] returns every
//! document it could read and one typed error per file (or JSONL line) it could not,
//! so a batch goes on past bad input. This module knows nothing about extraction.

use crate::error::{Error, Result};
use crate::model::Document;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest article file we accept (a 50 MB single line is a corpus, not an article).
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// Parses an article: optional front matter, then the body.
///
/// Front matter is a first line `---`, then `key: value` lines, then a line `---`.
/// Keys: `id`, `title`, `published` (YYYY-MM-DD), `url`, `source`; others are ignored.
/// Without `id`, the document id is `fallback_id`.
pub fn parse_article(raw: &str, fallback_id: &str, path: &Path) -> Result<Document> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut doc = Document {
        id: fallback_id.to_string(),
        ..Document::default()
    };
    let body = if raw.starts_with("---\n") || raw.starts_with("---\r\n") {
        let after_open = &raw[raw.find('\n').map_or(raw.len(), |i| i + 1)..];
        let mut offset = 0;
        let mut closed = None;
        for line in after_open.split_inclusive('\n') {
            let l = line.trim_end_matches(['\n', '\r']);
            if l.trim() == "---" {
                closed = Some(offset + line.len());
                break;
            }
            if !l.trim().is_empty() {
                let Some((k, v)) = l.split_once(':') else {
                    return Err(Error::Input {
                        path: path.to_path_buf(),
                        message: format!("front matter line is not `key: value`: {l:?}"),
                    });
                };
                set_meta(&mut doc, k.trim(), v.trim(), path)?;
            }
            offset += line.len();
        }
        match closed {
            Some(end) => &after_open[end..],
            None => {
                return Err(Error::Input {
                    path: path.to_path_buf(),
                    message: "front matter is not closed by a `---` line".into(),
                })
            }
        }
    } else {
        raw
    };
    let body = body.trim_end();
    let body = body.trim_start_matches(['\n', '\r']);
    if body.trim().is_empty() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "empty article".into(),
        });
    }
    doc.text = body.replace("\r\n", "\n");
    Ok(doc)
}

fn set_meta(doc: &mut Document, key: &str, value: &str, path: &Path) -> Result<()> {
    let value = value.trim_matches('"').to_string();
    if value.is_empty() {
        return Ok(());
    }
    match key {
        "id" => doc.id = value,
        "title" => doc.title = Some(value),
        "published" | "date" => {
            if !is_iso_date(&value) {
                return Err(Error::Input {
                    path: path.to_path_buf(),
                    message: format!("published date is not YYYY-MM-DD: {value:?}"),
                });
            }
            doc.published = Some(value);
        }
        "url" => doc.url = Some(value),
        "source" => doc.source = Some(value),
        _ => {}
    }
    Ok(())
}

/// Is `s` a plausible `YYYY-MM-DD` date?
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

/// Decodes file bytes as article text: rejects binary and non-UTF-8 content.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "binary file (contains NUL bytes)".into(),
        });
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| Error::Input {
        path: path.to_path_buf(),
        message: format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Reads one article file.
pub fn read_file(path: &Path) -> Result<Document> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: format!(
                "file is {} bytes, larger than the {} byte article limit (use a .jsonl corpus)",
                meta.len(),
                MAX_ARTICLE_BYTES
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = decode(&bytes, path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    parse_article(&text, &stem, path)
}

/// One JSON Lines record.
#[derive(serde::Deserialize)]
struct JsonRecord {
    text: Option<String>,
    id: Option<String>,
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Reads a JSON Lines corpus from a reader, one document per line.
///
/// Every line gives either a document or an error naming `path` and the line.
pub fn read_jsonl<R: std::io::BufRead>(reader: R, path: &Path) -> Vec<Result<Document>> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let mut out = Vec::new();
    let mut reader = reader;
    let mut buf = Vec::new();
    let mut lineno = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(Error::io(path, e)));
                break;
            }
        }
        lineno += 1;
        let line_err = |message: String| Error::JsonLine {
            path: path.to_path_buf(),
            line: lineno,
            message,
        };
        let Ok(line) = std::str::from_utf8(&buf) else {
            out.push(Err(line_err("not valid UTF-8".into())));
            continue;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let rec: JsonRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(line_err(format!("malformed JSON: {e}"))));
                continue;
            }
        };
        let Some(text) = rec.text.filter(|t| !t.trim().is_empty()) else {
            out.push(Err(line_err("missing or empty \"text\"".into())));
            continue;
        };
        if let Some(p) = &rec.published {
            if !is_iso_date(p) {
                out.push(Err(line_err(format!(
                    "published date is not YYYY-MM-DD: {p:?}"
                ))));
                continue;
            }
        }
        out.push(Ok(Document {
            id: rec.id.unwrap_or_else(|| format!("{stem}-{lineno}")),
            title: rec.title,
            published: rec.published,
            url: rec.url,
            source: rec.source,
            text: text.replace("\r\n", "\n"),
        }));
    }
    out
}

/// Expands a path argument into the files it names: a file, or the `*.txt`, `*.md`
/// and `*.jsonl` files under a directory (recursively, sorted).
pub fn expand(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let p = entry.path();
            let ft = entry.file_type().map_err(|e| Error::io(&p, e))?;
            if ft.is_dir() {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "jsonl")
            ) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads every source: paths (files or directories) and `-` for standard input.
///
/// Standard input is read as JSON Lines when it starts with `{`, else as one article.
pub fn read_sources(paths: &[PathBuf]) -> (Vec<Document>, Vec<Error>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            read_stdin(&mut docs, &mut errors);
            continue;
        }
        let files = match expand(p) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for f in files {
            if f.extension().and_then(|e| e.to_str()) == Some("jsonl") {
                match std::fs::File::open(&f) {
                    Ok(file) => {
                        for r in read_jsonl(std::io::BufReader::new(file), &f) {
                            match r {
                                Ok(d) => docs.push(d),
                                Err(e) => errors.push(e),
                            }
                        }
                    }
                    Err(e) => errors.push(Error::io(&f, e)),
                }
            } else {
                match read_file(&f) {
                    Ok(d) => docs.push(d),
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    (docs, errors)
}

fn read_stdin(docs: &mut Vec<Document>, errors: &mut Vec<Error>) {
    let path = Path::new("<stdin>");
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
        errors.push(Error::io(path, e));
        return;
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        for r in read_jsonl(std::io::Cursor::new(bytes), Path::new("stdin")) {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => errors.push(e),
            }
        }
        return;
    }
    match decode(&bytes, path).and_then(|t| parse_article(&t, "stdin", path)) {
        Ok(d) => docs.push(d),
        Err(e) => errors.push(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_parsed_and_removed() {
        let raw = "---\nid: a1\ntitle: T\npublished: 2025-09-04\nsource: S\n---\nBody text.\n";
        let d = parse_article(raw, "stem", Path::new("x.txt")).unwrap();
        assert_eq!(d.id, "a1");
        assert_eq!(d.published.as_deref(), Some("2025-09-04"));
        assert_eq!(d.text, "Body text.");
    }

    #[test]
    fn no_front_matter_uses_stem() {
        let d = parse_article("Just text.", "stem", Path::new("x.txt")).unwrap();
        assert_eq!(d.id, "stem");
        assert_eq!(d.text, "Just text.");
    }

    #[test]
    fn bad_inputs_are_errors_naming_the_file() {
        let p = Path::new("bad.txt");
        let cases = [
            "---\nid: x\nBody",
            "---\nid: x\n---\n   \n",
            "",
            "---\npublished: Sept 4\n---\nText",
            "---\nno colon here\n---\nText",
        ];
        for c in cases {
            let e = parse_article(c, "s", p).unwrap_err().to_string();
            assert!(e.starts_with("bad.txt: "), "{e}");
        }
        assert!(decode(b"a\0b", p).is_err());
        assert!(decode(&[0xff, 0xfe, 0x41], p).is_err());
    }

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_good_ones() {
        let data =
            "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"text\":\"\"}\n{\"text\":\"Two.\"}\n";
        let rs = read_jsonl(std::io::Cursor::new(data), Path::new("c.jsonl"));
        assert_eq!(rs.len(), 4);
        assert_eq!(rs[0].as_ref().unwrap().id, "a");
        assert!(rs[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("c.jsonl:2: "));
        assert!(rs[2].is_err());
        assert_eq!(rs[3].as_ref().unwrap().id, "c-4");
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2025-09-04"));
        assert!(!is_iso_date("2025-13-04"));
        assert!(!is_iso_date("04-09-2025"));
    }
}
