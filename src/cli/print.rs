//! Human-readable listings for the terminal: tables of events and entities, and an
//! actor's profile. Formatting only; the data comes from the library.

use diplograph::{Entity, EventView, Profile};
use serde_json::{json, Value};
use std::fmt::Write;

fn cut(s: &str, max: usize) -> String {
    diplograph::export::dot::shorten(s, max)
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Events as aligned rows, each followed by its evidence sentence.
pub fn events_table(views: &[EventView<'_>], pledges: bool) -> String {
    let mut out = String::new();
    if views.is_empty() {
        out.push_str("(none)\n");
        return out;
    }
    let by_w = views
        .iter()
        .map(|v| v.actor.name.chars().count())
        .max()
        .unwrap_or(2)
        .clamp(2, 28);
    let to_w = views
        .iter()
        .map(|v| v.target_names().chars().count())
        .max()
        .unwrap_or(2)
        .clamp(4, 28);
    let head = if pledges { "TO" } else { "ABOUT" };
    let what = if pledges { "WHAT" } else { "QUOTE" };
    let _ = writeln!(
        out,
        "{}  DOCS  {}  {}  {what}",
        pad("DATE", 10),
        pad("BY", by_w),
        pad(head, to_w)
    );
    for v in views {
        let ev = v.event;
        let mut flags = Vec::new();
        if ev.modality.conditional {
            flags.push("conditional");
        }
        if ev.modality.negated {
            flags.push("negated");
        }
        if ev.modality.hedged {
            flags.push("hedged");
        }
        let text = if pledges {
            ev.what.clone()
        } else {
            ev.quote.clone()
        }
        .unwrap_or_default();
        let mut text = cut(&text, 70);
        if !flags.is_empty() {
            text = format!("{text} [{}]", flags.join(", "));
        }
        let targets = if v.targets.is_empty() {
            "-".to_string()
        } else {
            v.target_names()
        };
        let _ = writeln!(
            out,
            "{}  {:>4}  {}  {}  {}",
            pad(ev.date.as_deref().unwrap_or("-"), 10),
            ev.document_count(),
            pad(&cut(&v.actor.name, by_w), by_w),
            pad(&cut(&targets, to_w), to_w),
            text
        );
        let mut docs: Vec<&str> = ev.evidence.iter().map(|e| e.doc.as_str()).collect();
        docs.dedup();
        let _ = writeln!(
            out,
            "{}  > {} [{}]",
            " ".repeat(10),
            cut(&ev.evidence[0].sentence, 160),
            docs.join(", ")
        );
    }
    out
}

/// Events as a JSON array.
pub fn events_json(views: &[EventView<'_>]) -> Value {
    Value::Array(
        views
            .iter()
            .map(|v| {
                let ev = v.event;
                json!({
                    "id": ev.id,
                    "kind": ev.kind.as_str(),
                    "date": ev.date,
                    "by": v.actor.name,
                    "by_id": v.actor.id,
                    "to": v.targets.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
                    "to_ids": v.targets.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
                    "what": ev.what,
                    "quote": ev.quote,
                    "cameo": ev.cameo,
                    "plover": ev.plover,
                    "modality": ev.modality,
                    "documents": ev.document_count(),
                    "evidence": ev.evidence,
                })
            })
            .collect(),
    )
}

/// Entities as aligned rows.
pub fn entities_table(list: &[&Entity]) -> String {
    let mut out = String::new();
    let w = list
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 36);
    let _ = writeln!(out, "{}  {}  ALIASES", pad("KIND", 12), pad("NAME", w));
    for e in list {
        let mut extra: Vec<String> = Vec::new();
        if let Some(r) = e.attr("role") {
            extra.push(format!("role: {r}"));
        }
        if let Some(c) = e.attr("country") {
            extra.push(format!("country: {c}"));
        }
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        let mut tail = cut(&aliases.join("; "), 80);
        if !extra.is_empty() {
            tail = format!("{tail} ({})", extra.join(", "));
        }
        let _ = writeln!(
            out,
            "{}  {}  {}",
            pad(e.kind.as_str(), 12),
            pad(&e.name, w),
            tail.trim()
        );
    }
    out
}

/// Entities as CSV.
pub fn entities_csv(list: &[&Entity]) -> String {
    let f = diplograph::export::csv::field;
    let mut out = String::from("id,kind,name,aliases,role,country\n");
    for e in list {
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            f(&e.id),
            e.kind.as_str(),
            f(&e.name),
            f(&aliases.join("; ")),
            f(e.attr("role").unwrap_or("")),
            f(e.attr("country").unwrap_or(""))
        );
    }
    out
}

/// One actor's profile.
pub fn profile(p: &Profile<'_>) -> String {
    let e = p.entity;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}, {})", e.name, e.kind, e.id);
    if !e.aliases.is_empty() {
        let a: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        let _ = writeln!(out, "  also: {}", a.join("; "));
    }
    for (role, of) in &p.roles {
        let _ = writeln!(out, "  role: {role} of {}", of.name);
    }
    for m in &p.members_of {
        let _ = writeln!(out, "  member of: {}", m.name);
    }
    if !p.members.is_empty() {
        let names: Vec<&str> = p.members.iter().map(|m| m.name.as_str()).collect();
        let _ = writeln!(out, "  members and office holders: {}", names.join(", "));
    }
    let sections: [(&str, &Vec<EventView<'_>>, bool); 4] = [
        ("Pledges made", &p.pledges_made, true),
        ("Pledges received", &p.pledges_received, true),
        ("Statements made", &p.statements_made, false),
        ("Statements about", &p.statements_about, false),
    ];
    for (title, views, pledges) in sections {
        let _ = writeln!(out, "\n{title} ({})", views.len());
        if !views.is_empty() {
            out.push_str(&events_table(views, pledges));
        }
    }
    out
}
