//! The store: the knowledge graph as a versioned RON document on disk.
//!
//! The file is our own schema — documents, entities, events and links by id — never
//! petgraph's serde form, which would write raw indices. Writes are atomic (a
//! temporary file in the same directory, synced, then renamed over the target), so
//! a crash mid-write leaves the previous store intact. Loading checks the format
//! name and version first and rejects a newer or corrupted file with an error
//! instead of loading half of it.

use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, Link};
use crate::model::{DocumentMeta, Entity, Event};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The format name written in every store file.
pub const FORMAT: &str = "diplograph-store";
/// The store schema version this build writes and reads.
pub const VERSION: u32 = 1;
/// The default store file name, in the working directory.
pub const DEFAULT_PATH: &str = "diplograph.ron";

#[derive(Serialize, Deserialize)]
struct StoreFile {
    format: String,
    version: u32,
    #[serde(default)]
    documents: Vec<DocumentMeta>,
    #[serde(default)]
    entities: Vec<Entity>,
    #[serde(default)]
    events: Vec<Event>,
    #[serde(default)]
    links: Vec<Link>,
}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Serializes a graph to the store's RON text (deterministic: sorted by id).
pub fn to_string(graph: &KnowledgeGraph) -> Result<String> {
    let file = StoreFile {
        format: FORMAT.into(),
        version: VERSION,
        documents: graph.documents().cloned().collect(),
        entities: graph.entities().into_iter().cloned().collect(),
        events: graph.events().cloned().collect(),
        links: graph.links().cloned().collect(),
    };
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("  ".to_string())
        .struct_names(false);
    ron::ser::to_string_pretty(&file, config).map_err(|e| Error::Export {
        message: format!("cannot serialize store: {e}"),
    })
}

/// Parses store text. `path` is only used in error messages.
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
    // The header first (other fields ignored), so that a newer version is reported
    // as such rather than as a schema error.
    let header: Header = ron::Options::default().from_str(text).map_err(corrupt)?;
    if header.format != FORMAT {
        return Err(store_err(format!(
            "not a diplograph store (format {:?})",
            header.format
        )));
    }
    if header.version > VERSION {
        return Err(store_err(format!(
            "store version {} is newer than this diplograph (reads version {VERSION}); upgrade diplograph",
            header.version
        )));
    }
    let file: StoreFile = ron::Options::default().from_str(text).map_err(corrupt)?;
    Ok(KnowledgeGraph::from_parts(
        file.documents,
        file.entities,
        file.events,
        file.links,
    ))
}

/// Loads a store file. A missing file is an empty graph when `allow_missing`.
pub fn load(path: &Path, allow_missing: bool) -> Result<KnowledgeGraph> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| Error::Store {
                path: path.to_path_buf(),
                message: "corrupt store (not UTF-8)".into(),
            })?;
            from_str(&text, path)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && allow_missing => {
            Ok(KnowledgeGraph::new())
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Saves a graph atomically: never leaves a half-written store behind.
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<()> {
    let text = to_string(graph)?;
    write_atomic(path, text.as_bytes())
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
    }

    #[test]
    fn newer_and_corrupt_stores_are_rejected() {
        let text = to_string(&sample()).unwrap();
        let newer = text.replacen("version: 1", "version: 99", 1);
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
    fn atomic_save_replaces_whole_file() {
        let dir = std::env::temp_dir().join(format!("dg-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("g.ron");
        save(&sample(), &path).unwrap();
        let g = load(&path, false).unwrap();
        assert_eq!(g.entity_count(), 2);
        assert!(std::fs::read_dir(&dir).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp-")));
    }
}
