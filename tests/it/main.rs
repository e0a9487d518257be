//! diplograph's integration tests: one binary, one module per boundary.
//!
//! `support` holds the helpers (the built binary, temporary directories, the
//! optional `../shared` folder, outside programs that may be missing).

mod cli;
mod corpus;
mod exports;
mod merge;
mod packed;
mod properties;
mod python;
mod render;
mod robustness;
mod spark;
mod support;
