//! `diplograph pledges`, `statements`, `entities` and `show`: questions to the store.

use super::args::{EntitiesArgs, EventArgs, ListFormat, ShowArgs};
use super::{emit, load_existing, print, release, Outcome};
use anyhow::{bail, Context as _, Result};
use diplograph::export;
use diplograph::{EntityKind, EventFilter};

/// Runs `pledges` (when `pledges`) or `statements`.
pub fn events(a: &EventArgs, pledges: bool) -> Result<Outcome> {
    let graph = load_existing(&a.store.graph)?;
    let filter = EventFilter {
        by: a.by.clone(),
        to: if pledges {
            a.to.clone()
        } else {
            a.about.clone().or(a.to.clone())
        },
        since: a.since.clone(),
        until: a.until.clone(),
        include_unfirm: a.all,
        ..EventFilter::default()
    };
    let views = if pledges {
        graph.pledges(&filter)
    } else {
        graph.statements(&filter)
    };
    let out = match a.format {
        ListFormat::Table => print::events_table(&views, pledges),
        ListFormat::Json => serde_json::to_string_pretty(&print::events_json(&views))? + "\n",
        ListFormat::Csv => export::csv::events(&graph, &views),
    };
    drop(views);
    emit(&a.out.output, &out)?;
    release(graph);
    Ok(Outcome::Ok)
}

/// Runs `entities`.
pub fn entities(a: &EntitiesArgs) -> Result<Outcome> {
    let graph = load_existing(&a.store.graph)?;
    let kind = match &a.kind {
        Some(k) => Some(EntityKind::parse(k).with_context(|| {
            format!("unknown entity kind {k:?} (expected person, country, organization or group)")
        })?),
        None => None,
    };
    let list = graph.entities_of_kind(kind);
    let out = match a.format {
        ListFormat::Table => print::entities_table(&list),
        ListFormat::Json => serde_json::to_string_pretty(&list)? + "\n",
        ListFormat::Csv => print::entities_csv(&list),
    };
    emit(&a.out.output, &out)?;
    Ok(Outcome::Ok)
}

/// Runs `show`.
pub fn show(a: &ShowArgs) -> Result<Outcome> {
    let graph = load_existing(&a.store.graph)?;
    let profiles = graph.profile(&a.name);
    if profiles.is_empty() {
        bail!("no actor named {:?} in {}", a.name, a.store.graph.display());
    }
    let out: String = profiles
        .iter()
        .map(print::profile)
        .collect::<Vec<_>>()
        .join("\n");
    emit(&a.out.output, &out)?;
    Ok(Outcome::Ok)
}
