//! Typed errors for diplograph's I/O boundaries: reading articles, loading lexicons,
//! loading and saving the store, writing exports.
//!
//! Extraction itself never fails (it returns what it found plus diagnostics), so it
//! has no error type. Every error names the file it is about and reads as one line.

use std::path::PathBuf;

/// Everything that can go wrong at an I/O boundary.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An input file is not usable as an article (binary, not UTF-8, empty, bad front matter).
    #[error("{}: {message}", path.display())]
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A line of a JSON Lines corpus is malformed.
    #[error("{}:{line}: {message}", path.display())]
    JsonLine {
        /// The corpus file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A gazetteer or lexicon file has a syntax or schema error.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Lexicon {
        /// The RON file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The store file is unreadable: corrupt, truncated, or from a newer version.
    #[error("{}: {message}", path.display())]
    Store {
        /// The store file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// An export could not be produced.
    #[error("{message}")]
    Export {
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A RON syntax or schema error about `path`.
    pub fn ron(path: impl Into<PathBuf>, err: &ron::error::SpannedError) -> Error {
        Error::Lexicon {
            path: path.into(),
            line: err.position.line,
            column: err.position.col,
            message: err.code.to_string(),
        }
    }
}

/// Result with diplograph's error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
