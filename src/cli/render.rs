//! `diplograph render`: a relationship diagram as SVG, PNG, PDF or DOT.

use super::args::{DiagramArgs, RenderArgs};
use super::{load_existing, Outcome};
use anyhow::{bail, Context as _, Result};
use diplograph::render::{self, Engine, RenderFormat};
use diplograph::{store, Diagram, DiagramLayout, DotOptions, EventKind, KnowledgeGraph};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Runs `render`.
pub fn run(a: &RenderArgs) -> Result<Outcome> {
    let format = match (&a.format, &a.output) {
        (Some(f), _) => RenderFormat::parse(f)?,
        (None, Some(p)) => RenderFormat::from_path(p).with_context(|| {
            format!(
                "{}: cannot tell the picture format from the extension; use .svg, .png, \
                 .pdf or .dot, or --format",
                p.display()
            )
        })?,
        (None, None) => bail!("give -o FILE.svg|.png|.pdf|.dot (or --format to write to stdout)"),
    };
    let engine = Engine::parse(&a.engine).with_context(|| {
        format!(
            "unknown engine {:?} (expected auto, graphviz or builtin)",
            a.engine
        )
    })?;
    let graph = load_existing(&a.store.graph)?;
    let opts = options(&a.diagram, &graph, &a.store.graph, true)?;
    let started = Instant::now();
    let diagram = Diagram::plan(&graph, &opts);
    let drawing = render::draw_counted(&diagram, format, engine)?;
    let elapsed = started.elapsed();
    match &a.output {
        Some(p) => {
            store::write_atomic(p, &drawing.bytes)?;
            // The built-in layout draws only the most connected part of a large
            // diagram: say what the picture shows.
            let shown =
                if (drawing.actors, drawing.edges) == (diagram.nodes.len(), diagram.edges.len()) {
                    format!("{} actors, {} edges", drawing.actors, drawing.edges)
                } else {
                    format!(
                        "{} of {} actors, {} of {} edges — the built-in layout's cut; install \
                     Graphviz to draw all",
                        drawing.actors,
                        diagram.nodes.len(),
                        drawing.edges,
                        diagram.edges.len()
                    )
                };
            eprintln!(
                "wrote {} ({shown}, {} events) in {:.2}s",
                p.display(),
                diagram.event_count,
                elapsed.as_secs_f64()
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&drawing.bytes)?;
            out.flush()?;
        }
    }
    Ok(Outcome::Ok)
}

/// Diagram options from the command line; shared with `export --format dot`
/// (`picture` is false there: boxes stay off unless asked for, since DOT written
/// with them may be rejected by Graphviz 2.43).
pub(crate) fn options(
    a: &DiagramArgs,
    graph: &KnowledgeGraph,
    store: &Path,
    picture: bool,
) -> Result<DotOptions> {
    let layout = DiagramLayout::parse(&a.layout).with_context(|| {
        format!(
            "unknown layout {:?} (expected auto, layered or network)",
            a.layout
        )
    })?;
    let mut opts = DotOptions {
        depth: a.depth,
        since: a.since.clone(),
        until: a.until.clone(),
        show_isolated: a.isolated,
        show_untargeted: a.untargeted,
        hide_links: a.no_links,
        no_legend: a.no_legend,
        layout,
        clusters: match a.clusters.trim().to_ascii_lowercase().as_str() {
            "auto" => picture,
            "on" | "yes" | "true" => true,
            "off" | "no" | "false" => false,
            other => bail!("unknown --clusters value {other:?} (expected auto, on or off)"),
        },
        ..DotOptions::default()
    };
    for d in [&a.since, &a.until].into_iter().flatten() {
        if !is_date(d) {
            bail!("{d:?} is not a date (expected YYYY-MM-DD)");
        }
    }
    for k in &a.kinds {
        opts.kinds
            .push(EventKind::parse(k).with_context(|| format!("unknown event kind {k:?}"))?);
    }
    if let Some(name) = &a.focus {
        opts = opts
            .focused_on(graph, name, a.depth)
            .with_context(|| format!("no actor named {name:?} in {}", store.display()))?;
    }
    Ok(opts)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}
