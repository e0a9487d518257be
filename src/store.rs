//! The store: the knowledge graph as a versioned file on disk, in one of two
//! encodings chosen by the file extension ([`Encoding`]).
//!
//! - **RON** (`.ron`, and any other extension): the readable interchange, diffable
//!   and editable by hand.
//! - **Binary** (`.bin`, `.dgb`): the same content behind a header (magic, layout
//!   version, payload length, CRC-32 of the payload). Documents, entities and links
//!   are postcard; reports are packed (`src/packed.rs`): compact records over a table
//!   of repeated strings, which a loaded graph decodes lazily, so a million events
//!   load in well under a second. Stores of layout 2 (all postcard) still load.
//!
//! The file is our own schema — documents, entities, reports and links by id — never
//! petgraph's serde form, which would write raw indices. It keeps *reports* (each
//! document's account of an event); the merged events are rebuilt on load, so the
//! file stays the same whatever order documents came in. Writes are atomic (a
//! temporary file in the same directory, synced, then renamed over the target), so a
//! crash mid-write leaves the previous store intact. Loading checks the format and
//! version first and rejects a newer, truncated or corrupted file with an error
//! instead of loading half of it.

use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, Link};
use crate::model::{DocumentMeta, Entity, Event};
use crate::packed::{self, Packed};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// The format name written in every RON store file.
pub const FORMAT: &str = "diplograph-store";
/// The store schema version this build writes (and the newest it reads).
///
/// 1: `events` (events merged by identical id). 2: `reports` (one per document per
/// event; events are derived on load) and each document's entity ids.
pub const VERSION: u32 = 2;
/// The default store file name, in the working directory.
pub const DEFAULT_PATH: &str = "diplograph.ron";
/// The binary store layout this build writes (and the newest it reads).
///
/// 2: postcard sections of report groups with their event assignment. 3: packed
/// reports (string table, report records, event and group tables), read lazily.
pub const BINARY_VERSION: u32 = 3;
/// The first bytes of a binary store.
pub const MAGIC: &[u8; 8] = b"DGSTORE\x1a";
/// Binary header: magic, version (u32 LE), payload length (u64 LE), CRC-32 (u32 LE).
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// How a store file is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Readable RON text.
    Ron,
    /// Compact postcard behind a checksummed header.
    Binary,
}

impl Encoding {
    /// The encoding for a path: binary for `.bin` and `.dgb`, RON otherwise.
    pub fn from_path(path: &Path) -> Encoding {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("bin") || e.eq_ignore_ascii_case("dgb") => {
                Encoding::Binary
            }
            _ => Encoding::Ron,
        }
    }
}

/// The RON document, as read.
#[derive(Deserialize)]
struct StoreFile {
    format: String,
    version: u32,
    #[serde(default)]
    documents: Vec<DocumentMeta>,
    #[serde(default)]
    entities: Vec<Entity>,
    /// Version 2: every document's report of every event.
    #[serde(default)]
    reports: Vec<Event>,
    /// Version 1: events (read as reports).
    #[serde(default)]
    events: Vec<Event>,
    #[serde(default)]
    links: Vec<Link>,
}

/// The RON document, as written (borrowing from the graph: no copy).
#[derive(Serialize)]
struct StoreFileRef<'g> {
    format: &'static str,
    version: u32,
    documents: Vec<&'g DocumentMeta>,
    entities: Vec<&'g Entity>,
    reports: Vec<&'g Event>,
    links: Vec<&'g Link>,
}

/// The content of a store, owned.
struct BinaryFile {
    documents: Vec<DocumentMeta>,
    entities: Vec<Entity>,
    reports: Vec<Event>,
    links: Vec<Link>,
}

/// The content of a store, borrowed from a graph.
struct BinaryFileRef<'g> {
    documents: Vec<&'g DocumentMeta>,
    entities: Vec<&'g Entity>,
    reports: Vec<&'g Event>,
    links: Vec<&'g Link>,
}

/// The first section of a binary store (postcard is positional: no field names).
#[derive(Deserialize)]
struct BinaryHead {
    documents: Vec<DocumentMeta>,
    entities: Vec<Entity>,
    links: Vec<Link>,
    /// The merge rules the groups below were made under.
    rules: u32,
}

/// [`BinaryHead`] as written.
#[derive(Serialize)]
struct BinaryHeadRef<'g> {
    documents: &'g [&'g DocumentMeta],
    entities: &'g [&'g Entity],
    links: &'g [&'g Link],
    rules: u32,
}

/// Layout 2: one group of reports (same kind, actor, targets and negation) and, for
/// each, the index of the event it belongs to: loading skips regrouping.
#[derive(Deserialize)]
struct StoredGroup {
    reports: Vec<Arc<Event>>,
    assign: Vec<u32>,
}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

fn parts(graph: &KnowledgeGraph) -> BinaryFileRef<'_> {
    BinaryFileRef {
        documents: graph.documents().collect(),
        entities: graph.entities(),
        reports: graph.reports().collect(),
        links: graph.links().collect(),
    }
}

fn graph_of(f: BinaryFile) -> KnowledgeGraph {
    KnowledgeGraph::from_parts(f.documents, f.entities, f.reports, f.links)
}

/// Serializes a graph to the store's RON text (deterministic: sorted by id).
pub fn to_string(graph: &KnowledgeGraph) -> Result<String> {
    let p = parts(graph);
    let file = StoreFileRef {
        format: FORMAT,
        version: VERSION,
        documents: p.documents,
        entities: p.entities,
        reports: p.reports,
        links: p.links,
    };
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("  ".to_string())
        .struct_names(false);
    ron::ser::to_string_pretty(&file, config).map_err(|e| Error::Export {
        message: format!("cannot serialize store: {e}"),
    })
}

/// Parses store RON text. `path` is only used in error messages.
pub fn from_str(text: &str, path: &Path) -> Result<KnowledgeGraph> {
    let store_err = |message: String| Error::Store {
        path: path.to_path_buf(),
        message,
    };
    let corrupt = |e: ron::error::SpannedError| {
        store_err(format!(
            "corrupt store at line {}, column {}: {}",
            e.position.line, e.position.col, e.code
        ))
    };
    let check = |h: &Header| -> Result<()> {
        if h.format != FORMAT {
            return Err(store_err(format!(
                "not a diplograph store (format {:?})",
                h.format
            )));
        }
        if h.version > VERSION {
            return Err(newer(path, h.version, VERSION));
        }
        Ok(())
    };
    match ron::Options::default().from_str::<StoreFile>(text) {
        Ok(file) => {
            check(&Header {
                format: file.format.clone(),
                version: file.version,
            })?;
            let mut reports = file.reports;
            reports.extend(file.events);
            Ok(graph_of(BinaryFile {
                documents: file.documents,
                entities: file.entities,
                reports,
                links: file.links,
            }))
        }
        Err(e) => {
            // A newer or foreign file is reported as such, not as a schema error.
            if let Ok(h) = ron::Options::default().from_str::<Header>(text) {
                check(&h)?;
            }
            Err(corrupt(e))
        }
    }
}

fn newer(path: &Path, version: u32, newest: u32) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: format!(
            "store version {version} is newer than this diplograph (reads up to version {newest}); upgrade diplograph"
        ),
    }
}

/// Serializes a graph to the binary store encoding.
///
/// Layout: header (magic, version u32, payload length u64, CRC-32 of the payload, all
/// little-endian), then the payload: a section count u32, each section's length u64,
/// then the sections. The first is postcard: documents, entities (sorted by id),
/// links, and the merge rules version the grouping was made under; the others are the
/// packed reports (see `src/packed.rs`).
pub fn to_bytes(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    let ser_err = |message: String| Error::Export {
        message: format!("cannot serialize store: {message}"),
    };
    let documents: Vec<&DocumentMeta> = graph.documents().collect();
    let entities = graph.entities();
    let links: Vec<&Link> = graph.links().collect();
    let head = postcard::to_stdvec(&BinaryHeadRef {
        documents: &documents,
        entities: &entities,
        links: &links,
        rules: crate::same_event::MERGE_RULES,
    })
    .map_err(|e| ser_err(e.to_string()))?;
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    let packed = packed::encode(&ids, &graph.packed_out()).map_err(ser_err)?;
    let sections: Vec<&[u8]> = std::iter::once(head.as_slice())
        .chain(packed.iter().map(Vec::as_slice))
        .collect();
    let size = 4 + 8 * sections.len() + sections.iter().map(|s| s.len()).sum::<usize>();
    let mut out = Vec::with_capacity(HEADER_LEN + size);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&BINARY_VERSION.to_le_bytes());
    out.extend_from_slice(&(size as u64).to_le_bytes());
    out.extend_from_slice(&[0; 4]); // the checksum, once the payload is written
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for s in &sections {
        out.extend_from_slice(&(s.len() as u64).to_le_bytes());
    }
    for s in &sections {
        out.extend_from_slice(s);
    }
    let crc = crc32fast::hash(&out[HEADER_LEN..]);
    out[HEADER_LEN - 4..HEADER_LEN].copy_from_slice(&crc.to_le_bytes());
    Ok(out)
}

/// Parses the binary store encoding. `path` is only used in error messages.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<KnowledgeGraph> {
    from_vec(bytes.to_vec(), path)
}

/// [`from_bytes`] keeping the bytes: a loaded graph reads its events from them.
fn from_vec(data: Vec<u8>, path: &Path) -> Result<KnowledgeGraph> {
    let store_err = |message: String| Error::Store {
        path: path.to_path_buf(),
        message,
    };
    if data.len() < HEADER_LEN || &data[..8] != MAGIC {
        return Err(store_err(
            "not a diplograph binary store (bad magic)".into(),
        ));
    }
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let u64_at = |b: &[u8], i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(x)
    };
    let version = u32_at(&data, 8);
    if version > BINARY_VERSION {
        return Err(newer(path, version, BINARY_VERSION));
    }
    if version < 2 {
        return Err(store_err(format!("unknown binary store version {version}")));
    }
    let len = u64_at(&data, 12);
    let payload = &data[HEADER_LEN..];
    if payload.len() as u64 != len {
        return Err(store_err(format!(
            "corrupt store: truncated or padded (payload is {} bytes, header says {len})",
            payload.len()
        )));
    }
    if crc32fast::hash(payload) != u32_at(&data, 20) {
        return Err(store_err("corrupt store: checksum mismatch".into()));
    }
    // The checksum matched, so the framing is ours; still, never index out of range.
    let bad_frame = || store_err("corrupt store: bad section table".into());
    if payload.len() < 4 {
        return Err(bad_frame());
    }
    let count = u32_at(payload, 0) as usize;
    let table_end = count
        .checked_mul(8)
        .and_then(|n| n.checked_add(4))
        .filter(|&n| n <= payload.len() && count >= 1)
        .ok_or_else(bad_frame)?;
    // Section ranges in `data`.
    let mut sections: Vec<Range<usize>> = Vec::with_capacity(count);
    let mut at = table_end;
    for i in 0..count {
        let n = usize::try_from(u64_at(payload, 4 + 8 * i)).map_err(|_| bad_frame())?;
        let end = at
            .checked_add(n)
            .filter(|&e| e <= payload.len())
            .ok_or_else(bad_frame)?;
        sections.push(HEADER_LEN + at..HEADER_LEN + end);
        at = end;
    }
    let de_err = |e: postcard::Error| store_err(format!("corrupt store: {e}"));
    let head: BinaryHead = postcard::from_bytes(&data[sections[0].clone()]).map_err(de_err)?;
    if version == 2 {
        let chunks: Vec<Vec<StoredGroup>> = sections[1..]
            .par_iter()
            .map(|s| postcard::from_bytes(&data[s.clone()]))
            .collect::<std::result::Result<_, _>>()
            .map_err(de_err)?;
        let groups: Vec<(Vec<Arc<Event>>, Vec<u32>)> = chunks
            .into_iter()
            .flatten()
            .map(|g| (g.reports, g.assign))
            .collect();
        return Ok(KnowledgeGraph::from_groups(
            head.documents,
            head.entities,
            head.links,
            groups,
            head.rules,
        ));
    }
    let packed = Packed::parse(Arc::new(data), &sections[1..])
        .map_err(|m| store_err(format!("corrupt store: {m}")))?;
    if head.rules != crate::same_event::MERGE_RULES {
        // Grouped under other rules: regroup every group now.
        let groups = (0..packed.group_count())
            .into_par_iter()
            .map(|g| {
                let (reports, assign, _) = packed.group(g);
                (reports, assign)
            })
            .collect();
        return Ok(KnowledgeGraph::from_groups(
            head.documents,
            head.entities,
            head.links,
            groups,
            head.rules,
        ));
    }
    Ok(KnowledgeGraph::from_packed(
        head.documents,
        head.entities,
        head.links,
        packed,
    ))
}

/// Serializes a graph in the encoding for `path`.
pub fn encode(graph: &KnowledgeGraph, path: &Path) -> Result<Vec<u8>> {
    match Encoding::from_path(path) {
        Encoding::Ron => to_string(graph).map(String::into_bytes),
        Encoding::Binary => to_bytes(graph),
    }
}

/// Parses store bytes in the encoding for `path`.
pub fn decode(bytes: &[u8], path: &Path) -> Result<KnowledgeGraph> {
    if is_binary(bytes, path) {
        return from_bytes(bytes, path);
    }
    from_text(bytes, path)
}

/// [`decode`] of bytes it may keep (a binary store's, which a loaded graph reads).
fn decode_vec(bytes: Vec<u8>, path: &Path) -> Result<KnowledgeGraph> {
    if is_binary(&bytes, path) {
        return from_vec(bytes, path);
    }
    from_text(&bytes, path)
}

/// Binary by extension, or by content whatever the extension.
fn is_binary(bytes: &[u8], path: &Path) -> bool {
    Encoding::from_path(path) == Encoding::Binary || bytes.starts_with(MAGIC)
}

fn from_text(bytes: &[u8], path: &Path) -> Result<KnowledgeGraph> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::Store {
        path: path.to_path_buf(),
        message: "corrupt store (not UTF-8)".into(),
    })?;
    from_str(text, path)
}

/// Loads a store file. A missing file is an empty graph when `allow_missing`.
pub fn load(path: &Path, allow_missing: bool) -> Result<KnowledgeGraph> {
    match std::fs::read(path) {
        Ok(bytes) => decode_vec(bytes, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && allow_missing => {
            Ok(KnowledgeGraph::new())
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Saves a graph atomically (encoding by extension): never leaves a half-written
/// store behind.
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<()> {
    write_atomic(path, &encode(graph, path)?)
}

/// Loads stores one after the other and merges them, in order, into one graph
/// ([`KnowledgeGraph::merge`]): the library side of `diplograph merge`.
pub fn merge_files(paths: &[std::path::PathBuf]) -> Result<KnowledgeGraph> {
    let mut out = KnowledgeGraph::new();
    for (i, p) in paths.iter().enumerate() {
        let g = load(p, false)?;
        if i == 0 {
            out = g;
        } else {
            out.merge(&g);
        }
    }
    Ok(out)
}

/// Writes bytes to `path` through a temporary file and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, EntityKind, EventKind, Evidence, Modality};

    fn sample() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let doc = Document {
            id: "d1".into(),
            text: "Japan will send aid to Chad.".into(),
            ..Document::default()
        };
        let ex = crate::extract::Extraction {
            doc: "d1".into(),
            entities: vec![
                Entity::new("country:JPN", EntityKind::Country, "Japan"),
                Entity::new("country:TCD", EntityKind::Country, "Chad"),
            ],
            events: vec![Event {
                id: "ev:1".into(),
                kind: EventKind::Pledge,
                actor: "country:JPN".into(),
                targets: vec!["country:TCD".into()],
                what: Some("aid".into()),
                quote: None,
                modality: Modality::default(),
                date: None,
                date_precision: crate::model::DatePrecision::Published,
                cameo: "030".into(),
                plover: "AGREE".into(),
                evidence: vec![Evidence {
                    doc: "d1".into(),
                    sentence: doc.text.clone(),
                    start: 0,
                    end: doc.text.len(),
                }],
            }],
            links: vec![],
            diagnostics: vec![],
        };
        g.add_extraction(&doc, &ex);
        g
    }

    #[test]
    fn round_trip_is_identical() {
        let g = sample();
        let text = to_string(&g).unwrap();
        let back = from_str(&text, Path::new("s.ron")).unwrap();
        assert_eq!(to_string(&back).unwrap(), text);
        assert_eq!(back.event_count(), 1);
        let bytes = to_bytes(&g).unwrap();
        let back = from_bytes(&bytes, Path::new("s.bin")).unwrap();
        assert_eq!(to_string(&back).unwrap(), text);
    }

    #[test]
    fn version_1_stores_still_load() {
        let text = to_string(&sample())
            .unwrap()
            .replacen("version: 2", "version: 1", 1)
            .replacen("reports:", "events:", 1);
        let g = from_str(&text, Path::new("old.ron")).unwrap();
        assert_eq!(g.event_count(), 1);
        assert_eq!(g.entity_count(), 2);
    }

    #[test]
    fn newer_and_corrupt_stores_are_rejected() {
        let text = to_string(&sample()).unwrap();
        let newer = text.replacen("version: 2", "version: 99", 1);
        let e = from_str(&newer, Path::new("s.ron"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("newer"), "{e}");
        let cut = &text[..text.len() / 2];
        let e = from_str(cut, Path::new("s.ron")).unwrap_err().to_string();
        assert!(e.starts_with("s.ron: corrupt store"), "{e}");
        let e = from_str("(format: \"other\", version: 1)", Path::new("s.ron"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a diplograph store"), "{e}");
    }

    #[test]
    fn binary_store_rejects_newer_truncated_and_flipped_files() {
        let bytes = to_bytes(&sample()).unwrap();
        let p = Path::new("s.bin");
        let mut newer = bytes.clone();
        newer[8..12].copy_from_slice(&99u32.to_le_bytes());
        let e = from_bytes(&newer, p).unwrap_err().to_string();
        assert!(e.contains("newer"), "{e}");
        let e = from_bytes(&bytes[..bytes.len() - 3], p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("truncated"), "{e}");
        let mut flipped = bytes.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 0x40;
        let e = from_bytes(&flipped, p).unwrap_err().to_string();
        assert!(e.contains("checksum"), "{e}");
        let e = from_bytes(b"(format: \"diplograph-store\")", p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("bad magic"), "{e}");
    }

    /// The sections of a binary store, as ranges of the file.
    fn section_ranges(bytes: &[u8]) -> Vec<Range<usize>> {
        let p = &bytes[HEADER_LEN..];
        let count = u32::from_le_bytes(p[..4].try_into().unwrap()) as usize;
        let mut at = HEADER_LEN + 4 + 8 * count;
        (0..count)
            .map(|i| {
                let n = u64::from_le_bytes(p[4 + 8 * i..12 + 8 * i].try_into().unwrap()) as usize;
                at += n;
                at - n..at
            })
            .collect()
    }

    #[test]
    fn binary_store_rejects_well_sealed_nonsense() {
        // A file whose checksum matches but whose tables do not hold together (made
        // by another program, or by a bug) is refused whole, never half-loaded.
        let bytes = to_bytes(&sample()).unwrap();
        let s = section_ranges(&bytes);
        assert_eq!(s.len(), 1 + packed::SECTIONS);
        let (strings, events, records) = (s[1].clone(), s[3].clone(), s[4].clone());
        type Edit = Box<dyn Fn(&mut Vec<u8>)>;
        let cases: Vec<(Edit, &str)> = vec![
            (
                Box::new(move |b| {
                    b[strings.start..strings.start + 8].copy_from_slice(&u64::MAX.to_le_bytes())
                }),
                "string table: bad count",
            ),
            (
                Box::new(move |b| b[events.end - 8] ^= 1),
                "event table is not in order",
            ),
            // The first record's id claims 63 bytes: the record overruns its place.
            (
                Box::new(move |b| b[records.start] = 0x7f),
                "records of event 0 are malformed",
            ),
        ];
        for (edit, want) in cases {
            let mut b = bytes.clone();
            edit(&mut b);
            let crc = crc32fast::hash(&b[HEADER_LEN..]);
            b[HEADER_LEN - 4..HEADER_LEN].copy_from_slice(&crc.to_le_bytes());
            let e = from_bytes(&b, Path::new("s.bin")).unwrap_err().to_string();
            assert!(e.starts_with("s.bin: corrupt store: "), "{e}");
            assert!(e.contains(want), "{want}: {e}");
            assert_eq!(e.lines().count(), 1);
        }
        // Unedited and resealed, it loads.
        assert_eq!(
            from_bytes(&bytes, Path::new("s.bin"))
                .unwrap()
                .event_count(),
            1
        );
    }

    #[test]
    fn atomic_save_replaces_whole_file() {
        let dir = std::env::temp_dir().join(format!("dg-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["g.ron", "g.bin"] {
            let path = dir.join(name);
            save(&sample(), &path).unwrap();
            let g = load(&path, false).unwrap();
            assert_eq!(g.entity_count(), 2);
        }
        assert_eq!(Encoding::from_path(&dir.join("g.bin")), Encoding::Binary);
        assert!(std::fs::read(dir.join("g.bin")).unwrap().starts_with(MAGIC));
        assert!(std::fs::read_dir(&dir).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp-")));
    }
}
