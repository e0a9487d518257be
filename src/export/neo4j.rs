//! CSV files for Neo4j's bulk importer, `neo4j-admin database import`.
//!
//! One node file per entity kind (`nodes-person.csv`, `nodes-country.csv`,
//! `nodes-organization.csv`, `nodes-group.csv`) with the header
//! `id:ID(entity),:LABEL,name,aliases:string[],...` — every node gets the labels
//! `Entity` and its kind (`Person`, `Country`, `Organization`, `Group`), and the
//! attributes seen for that kind (`role`, `country`, `iso3`, ...) as string
//! properties. One relationship file per type (`rels-pledge.csv`,
//! `rels-statement.csv`, ..., `rels-role.csv`, `rels-member.csv`) with
//! `:START_ID(entity),:END_ID(entity),:TYPE`; event relationships (types `PLEDGE`,
//! `STATEMENT`, `CONSULT`, `REQUEST`, `THREATEN`, `SANCTION`) carry `event_id`,
//! `what`, `quote`, `date:date`, `cameo` (a string), `plover`, `goldstein:double`,
//! the modality flags as `:boolean`, `untargeted:boolean` (an untargeted event is a
//! self-loop on its actor), `documents:string[]` and the first `sentence`; `ROLE`
//! and `MEMBER` relationships carry `role`. Every file is written, even with no
//! rows, so the import command is always the same:
//!
//! ```text
//! neo4j-admin database import full neo4j --overwrite-destination \
//!   --nodes=nodes-person.csv --nodes=nodes-country.csv \
//!   --nodes=nodes-organization.csv --nodes=nodes-group.csv \
//!   --relationships=rels-pledge.csv --relationships=rels-statement.csv \
//!   --relationships=rels-consult.csv --relationships=rels-request.csv \
//!   --relationships=rels-threaten.csv --relationships=rels-sanction.csv \
//!   --relationships=rels-role.csv --relationships=rels-member.csv
//! ```
//!
//! (run in the export directory, or prefix the files with it; [`import_command`]
//! prints it). Arrays use Neo4j's default delimiter `;`, so a `;` inside an alias is
//! written as `,`. Fields are quoted RFC 4180-style (`""` for a quote, which is the
//! importer's default), and line breaks inside values become spaces, so the
//! importer needs no `--multiline-fields`. CSV files have no comment lines: the
//! importer would read them as data.

use super::table::documents;
use crate::graph::KnowledgeGraph;
use crate::model::{EntityKind, EventKind};
use std::collections::BTreeSet;

/// The link relationship types, after the event kinds.
const LINK_TYPES: [&str; 2] = ["role", "member"];

/// The file names of a Neo4j export, node files first.
pub fn file_names() -> Vec<String> {
    let nodes = EntityKind::ALL
        .iter()
        .map(|k| format!("nodes-{}.csv", k.as_str()));
    let rels = EventKind::ALL
        .iter()
        .map(|k| k.as_str())
        .chain(LINK_TYPES)
        .map(|k| format!("rels-{k}.csv"));
    nodes.chain(rels).collect()
}

/// The `neo4j-admin` command that imports the files of `dir` into database `neo4j`.
pub fn import_command(dir: &str) -> String {
    let prefix = if dir.is_empty() || dir.ends_with('/') {
        dir.to_string()
    } else {
        format!("{dir}/")
    };
    let mut cmd = String::from("neo4j-admin database import full neo4j --overwrite-destination");
    for f in file_names() {
        let flag = if f.starts_with("nodes-") {
            "nodes"
        } else {
            "relationships"
        };
        cmd.push_str(&format!(" --{flag}={prefix}{f}"));
    }
    cmd
}

/// The files of a Neo4j export, as (file name, CSV text), in [`file_names`] order.
pub fn files(graph: &KnowledgeGraph) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in EntityKind::ALL {
        let entities: Vec<_> = graph
            .entities()
            .into_iter()
            .filter(|e| e.kind == kind)
            .collect();
        let attributes: BTreeSet<&str> = entities
            .iter()
            .flat_map(|e| e.attributes.keys().map(String::as_str))
            .collect();
        let mut header = vec![
            "id:ID(entity)".to_string(),
            ":LABEL".to_string(),
            "name".to_string(),
            "aliases:string[]".to_string(),
        ];
        header.extend(attributes.iter().map(|a| a.to_string()));
        let mut text = line(&header);
        let label = format!("Entity;{}", title_case(kind.as_str()));
        for e in entities {
            let aliases: Vec<String> = e.aliases.iter().map(|a| a.replace(';', ",")).collect();
            let mut row = vec![
                e.id.clone(),
                label.clone(),
                e.name.clone(),
                aliases.join(";"),
            ];
            row.extend(
                attributes
                    .iter()
                    .map(|a| e.attr(a).unwrap_or("").to_string()),
            );
            text.push_str(&line(&row));
        }
        out.push((format!("nodes-{}.csv", kind.as_str()), text));
    }
    let edges = graph.edges();
    for kind in EventKind::ALL {
        let header = [
            ":START_ID(entity)",
            ":END_ID(entity)",
            ":TYPE",
            "event_id",
            "what",
            "quote",
            "date:date",
            "cameo",
            "plover",
            "goldstein:double",
            "negated:boolean",
            "conditional:boolean",
            "hedged:boolean",
            "future:boolean",
            "untargeted:boolean",
            "documents:string[]",
            "sentence",
        ]
        .map(String::from);
        let mut text = line(&header);
        for e in &edges {
            let Some(ev) = e.event.filter(|ev| ev.kind == kind) else {
                continue;
            };
            let docs: Vec<String> = documents(ev).iter().map(|d| d.replace(';', ",")).collect();
            let row = [
                e.source.id.clone(),
                e.target.id.clone(),
                kind.as_str().to_ascii_uppercase(),
                ev.id.clone(),
                ev.what.clone().unwrap_or_default(),
                ev.quote.clone().unwrap_or_default(),
                ev.date.clone().unwrap_or_default(),
                ev.cameo.clone(),
                ev.plover.clone(),
                format!("{:?}", ev.goldstein()),
                ev.modality.negated.to_string(),
                ev.modality.conditional.to_string(),
                ev.modality.hedged.to_string(),
                ev.modality.future.to_string(),
                e.untargeted.to_string(),
                docs.join(";"),
                ev.evidence
                    .first()
                    .map(|x| x.sentence.clone())
                    .unwrap_or_default(),
            ];
            text.push_str(&line(&row));
        }
        out.push((format!("rels-{}.csv", kind.as_str()), text));
    }
    for kind in LINK_TYPES {
        let header = [":START_ID(entity)", ":END_ID(entity)", ":TYPE", "role"].map(String::from);
        let mut text = line(&header);
        for e in &edges {
            let Some(l) = e.link.filter(|l| l.kind.as_str() == kind) else {
                continue;
            };
            let row = [
                e.source.id.clone(),
                e.target.id.clone(),
                kind.to_ascii_uppercase(),
                l.role.clone().unwrap_or_default(),
            ];
            text.push_str(&line(&row));
        }
        out.push((format!("rels-{kind}.csv"), text));
    }
    out
}

/// One CSV line: line breaks folded to spaces, fields quoted when needed.
fn line(fields: &[String]) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| {
            let f = f.replace("\r\n", " ").replace(['\n', '\r'], " ");
            super::csv::field(&f)
        })
        .collect();
    cells.join(",") + "\n"
}

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_command_names_every_file() {
        let cmd = import_command("out/neo4j");
        for f in file_names() {
            assert!(
                cmd.contains(&format!("=out/neo4j/{f}")),
                "{f} missing: {cmd}"
            );
        }
        assert!(import_command("").contains(" --nodes=nodes-person.csv"));
    }

    #[test]
    fn line_breaks_are_folded() {
        assert_eq!(
            line(&["a\nb".into(), "say \"x\"".into()]),
            "a b,\"say \"\"x\"\"\"\n"
        );
    }
}
