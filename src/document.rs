//! Reading articles: plain text files with optional front matter, directories,
//! standard input, and JSON Lines corpora (DESIGN.md §4).
//!
//! Reading streams and is never all-or-nothing: [`Sources`] yields documents one at a
//! time (a JSON Lines corpus line by line, never slurped), with one typed error per
//! file (or JSONL line) it could not read, so a batch goes on past bad input. Memory
//! stays bounded by the largest accepted article ([`MAX_ARTICLE_BYTES`],
//! [`MAX_LINE_BYTES`]): a longer line is skipped without being held and reported with
//! its line number. This module knows nothing about extraction.

use crate::error::{Error, Result};
use crate::model::Document;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Largest article we accept, file or JSONL text (a 50 MB single line is a corpus, not
/// an article). News articles are tens of kilobytes; the cap also bounds extraction
/// time, which grows faster than linearly with the length of one document.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// Longest JSON Lines line we accept (room for JSON escapes around the largest
/// article); longer lines are skipped unread and reported.
pub const MAX_LINE_BYTES: usize = 4 * 1024 * 1024;

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

/// A JSON Lines corpus read line by line: an iterator of documents (or errors naming
/// the file and line). Lines longer than [`MAX_LINE_BYTES`] are skipped unread.
pub struct JsonLines<R> {
    reader: R,
    path: PathBuf,
    stem: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// Bytes consumed so far (for progress).
    bytes: u64,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader` as the JSON Lines file `path` (named in errors; its stem makes
    /// ids for records without one: `stem-LINE`).
    pub fn for_reader(reader: R, path: &Path) -> JsonLines<R> {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "stdin".into());
        JsonLines {
            reader,
            path: path.to_path_buf(),
            stem,
            line: 0,
            buf: Vec::new(),
            done: false,
            bytes: 0,
        }
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// Reads the next line into `buf`. Ok(None) at the end; Ok(Some(false)) when the
    /// line was longer than the limit (skipped, `buf` empty).
    fn next_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let mut any = false;
        let mut fits = true;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any.then_some(fits));
            }
            any = true;
            let (take, end) = match memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if fits && self.buf.len() + take <= MAX_LINE_BYTES + 1 {
                self.buf.extend_from_slice(&chunk[..take]);
            } else {
                fits = false;
                self.buf = Vec::new();
            }
            self.reader.consume(take);
            self.bytes += take as u64;
            if end {
                return Ok(Some(fits));
            }
        }
    }

    fn parse_line(&self) -> Option<Result<Document>> {
        let line_err = |message: String| Error::JsonLine {
            path: self.path.clone(),
            line: self.line,
            message,
        };
        let Ok(line) = std::str::from_utf8(&self.buf) else {
            return Some(Err(line_err("not valid UTF-8".into())));
        };
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        let rec: JsonRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => return Some(Err(line_err(format!("malformed JSON: {e}")))),
        };
        let Some(text) = rec.text.filter(|t| !t.trim().is_empty()) else {
            return Some(Err(line_err("missing or empty \"text\"".into())));
        };
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            return Some(Err(line_err(format!(
                "text is {} bytes, larger than the {MAX_ARTICLE_BYTES} byte article limit",
                text.len()
            ))));
        }
        if let Some(p) = &rec.published {
            if !is_iso_date(p) {
                return Some(Err(line_err(format!(
                    "published date is not YYYY-MM-DD: {p:?}"
                ))));
            }
        }
        Some(Ok(Document {
            id: rec
                .id
                .filter(|i| !i.trim().is_empty())
                .unwrap_or_else(|| format!("{}-{}", self.stem, self.line)),
            title: rec.title,
            published: rec.published,
            url: rec.url,
            source: rec.source,
            text: if text.contains('\r') {
                text.replace("\r\n", "\n")
            } else {
                text
            },
        }))
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        while !self.done {
            let fits = match self.next_line() {
                Ok(Some(fits)) => fits,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::io(&self.path, e)));
                }
            };
            self.line += 1;
            if !fits {
                return Some(Err(Error::JsonLine {
                    path: self.path.clone(),
                    line: self.line,
                    message: format!("line longer than the {MAX_LINE_BYTES} byte limit; skipped"),
                }));
            }
            if let Some(r) = self.parse_line() {
                return Some(r);
            }
        }
        None
    }
}

/// The first `needle` in `hay` (many bytes at a time: every byte of a corpus
/// passes through it).
fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// Reads a JSON Lines corpus from a reader, one document per line.
///
/// Every line gives either a document or an error naming `path` and the line. This
/// collects; use [`JsonLines`] to stream.
pub fn read_jsonl<R: BufRead>(reader: R, path: &Path) -> Vec<Result<Document>> {
    JsonLines::for_reader(reader, path).collect()
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
/// Collects everything; use [`Sources`] to stream.
pub fn read_sources(paths: &[PathBuf]) -> (Vec<Document>, Vec<Error>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for r in Sources::new(paths) {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

/// A streaming reader over sources: files, directories (recursive, sorted), JSON Lines
/// corpora (line by line) and `-` for standard input (JSON Lines when it starts with
/// `{`, else one article). Yields documents in a fixed order, and one error per file
/// or line that could not be read.
pub struct Sources {
    /// Arguments not yet opened, in order.
    pending: std::collections::VecDeque<PathBuf>,
    /// Files of the current argument not yet read.
    files: std::collections::VecDeque<PathBuf>,
    /// The JSON Lines stream being read.
    current: Option<JsonLines<Box<dyn BufRead + Send>>>,
    /// Bytes of finished files (for progress).
    done_bytes: u64,
}

impl Sources {
    /// Streams the documents of `paths`.
    pub fn new(paths: &[PathBuf]) -> Sources {
        Sources {
            pending: paths.iter().cloned().collect(),
            files: Default::default(),
            current: None,
            done_bytes: 0,
        }
    }

    /// Bytes read so far across all files (article files count when read).
    pub fn bytes_read(&self) -> u64 {
        self.done_bytes + self.current.as_ref().map_or(0, |j| j.bytes_read())
    }

    fn open_stdin(&mut self) -> Option<Result<Document>> {
        let path = Path::new("<stdin>");
        let mut stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
        let first = loop {
            match stdin.fill_buf() {
                Ok(buf) => match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                    Some(i) => break Some(buf[i]),
                    None if buf.is_empty() => break None,
                    None => {
                        let n = buf.len();
                        stdin.consume(n);
                    }
                },
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Some(Err(Error::io(path, e))),
            }
        };
        if first == Some(b'{') {
            self.current = Some(JsonLines::for_reader(
                Box::new(stdin) as Box<dyn BufRead + Send>,
                Path::new("stdin"),
            ));
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = stdin.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes) {
            return Some(Err(Error::io(path, e)));
        }
        self.done_bytes += bytes.len() as u64;
        if bytes.len() as u64 > MAX_ARTICLE_BYTES {
            return Some(Err(Error::Input {
                path: path.to_path_buf(),
                message: format!(
                    "standard input is larger than the {MAX_ARTICLE_BYTES} byte article limit (send JSON Lines)"
                ),
            }));
        }
        Some(decode(&bytes, path).and_then(|t| parse_article(&t, "stdin", path)))
    }
}

impl Iterator for Sources {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(j) = &mut self.current {
                match j.next() {
                    Some(r) => return Some(r),
                    None => {
                        self.done_bytes += j.bytes_read();
                        self.current = None;
                    }
                }
            }
            if let Some(f) = self.files.pop_front() {
                if f.extension().and_then(|e| e.to_str()) == Some("jsonl") {
                    match std::fs::File::open(&f) {
                        Ok(file) => {
                            self.current = Some(JsonLines::for_reader(
                                Box::new(BufReader::with_capacity(1 << 16, file)),
                                &f,
                            ));
                            continue;
                        }
                        Err(e) => return Some(Err(Error::io(&f, e))),
                    }
                }
                self.done_bytes += std::fs::metadata(&f).map_or(0, |m| m.len());
                return Some(read_file(&f));
            }
            let p = self.pending.pop_front()?;
            if p.as_os_str() == "-" {
                if let Some(r) = self.open_stdin() {
                    return Some(r);
                }
                continue;
            }
            match expand(&p) {
                Ok(files) => self.files = files.into(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// Total size in bytes of the files named by `paths` (directories expanded; standard
/// input and unreadable paths count 0): the length of a progress bar.
pub fn total_bytes(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| expand(p).ok())
        .flatten()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
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
    fn overlong_jsonl_line_is_skipped_and_reported() {
        let mut data = String::from("{\"id\":\"a\",\"text\":\"One.\"}\n{\"text\":\"");
        data.push_str(&"x".repeat(MAX_LINE_BYTES + 10));
        data.push_str("\"}\n{\"id\":\"c\",\"text\":\"Three.\"}");
        let rs = read_jsonl(std::io::Cursor::new(data), Path::new("big.jsonl"));
        assert_eq!(rs.len(), 3);
        assert_eq!(rs[0].as_ref().unwrap().id, "a");
        let e = rs[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("big.jsonl:2: line longer"), "{e}");
        assert_eq!(rs[2].as_ref().unwrap().id, "c");
    }

    #[test]
    fn sources_stream_directories_in_order_with_errors() {
        let dir = std::env::temp_dir().join(format!("dg-sources-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "Text b.").unwrap();
        std::fs::write(dir.join("a.txt"), [0xffu8, 0xfe]).unwrap();
        std::fs::write(dir.join("sub/c.jsonl"), "{\"text\":\"C1.\"}\n{bad\n").unwrap();
        std::fs::write(dir.join("skip.bin"), "ignored").unwrap();
        let got: Vec<String> = Sources::new(std::slice::from_ref(&dir))
            .map(|r| match r {
                Ok(d) => d.id,
                Err(e) => format!("err {}", e.to_string().rsplit('/').next().unwrap()),
            })
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[0].starts_with("err a.txt: not valid UTF-8"), "{got:?}");
        assert_eq!(got[1], "b");
        assert_eq!(got[2], "c-1");
        assert!(
            got[3].starts_with("err c.jsonl:2: malformed JSON"),
            "{got:?}"
        );
        assert_eq!(total_bytes(std::slice::from_ref(&dir)), 7 + 2 + 20);
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2025-09-04"));
        assert!(!is_iso_date("2025-13-04"));
        assert!(!is_iso_date("04-09-2025"));
    }
}
