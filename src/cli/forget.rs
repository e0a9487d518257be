//! `diplograph forget`: remove documents (and what only they reported) from the store.

use super::args::ForgetArgs;
use super::{load_existing, Outcome};
use anyhow::Result;
use diplograph::store;

/// Runs `forget`.
pub fn run(a: &ForgetArgs) -> Result<Outcome> {
    let mut graph = load_existing(&a.store.graph)?;
    let mut missing = Vec::new();
    for d in &a.docs {
        if !graph.forget_document(d) {
            missing.push(d.clone());
        }
    }
    store::save(&graph, &a.store.graph)?;
    for d in &missing {
        eprintln!("not in store: {d}");
    }
    Ok(if missing.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}
