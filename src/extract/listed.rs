//! Pledges listed as items: donor tables and factboxes.
//!
//! Donor-conference coverage often lists what each donor put on the table, one line
//! per donor, under a line that says what the list is:
//!
//! ```text
//! The table lists the following pledges to the trust fund:
//! • Canada — CAD 80 million, to be disbursed over two years
//! - Norway: 600 million crowns over two years
//! • The Bahamas, Jamaica and Belize — personnel, not cash
//! ```
//!
//! No verb commits anyone in such a line; the heading does. Every actor before the
//! dash or colon of an item pledges what follows it. An item needs a heading that
//! names pledges or contributions ([`Lexicon::list_headings`]), or an amount of
//! money. Items that carry their own clause ("• Japan — Tokyo said it would ...")
//! are left to the sentence rules, and items that give nothing ("— no new
//! funding") commit nobody.
//!
//! [`Lexicon::list_headings`]: crate::lexicon::Lexicon::list_headings

use super::clause::Context;
use super::pledges;
use crate::model::{EntityKind, Event, EventKind, Modality};

/// The pledges of a document's list items, for sentences that no other pledge
/// came from (`taken`: start offsets of sentences with pledges already).
pub fn find(ctx: &Context, taken: &[usize]) -> Vec<Event> {
    let mut out = Vec::new();
    for si in 0..ctx.sentences.len() {
        if !is_item(ctx, si) || taken.contains(&ctx.sentences[si].span.start) {
            continue;
        }
        let Some((actors, object)) = item_parts(ctx, si) else {
            continue;
        };
        let s = &ctx.sentences[si];
        let n = s.words.len();
        if object >= n || gives_nothing(ctx, si, object) {
            continue;
        }
        let heading = heading(ctx, si);
        let headed = heading.is_some_and(|h| {
            (0..ctx.sentences[h].words.len()).any(|k| {
                ctx.lexicon
                    .list_headings
                    .match_at(&ctx.sentences[h].ids, k)
                    .is_some()
            })
        });
        // An unbulleted "Nigeria: ..." line is an item only when it gives money.
        let bulleted = item_start(ctx, si) == Some(1);
        if (!headed || !bulleted) && !pledges::amount_in_object(ctx, si, object) {
            continue;
        }
        let conditional = (object..n).any(|k| ctx.lexicon.conditions.match_at(&s.ids, k).is_some());
        let what = pledges::what_text(ctx, si, object, n);
        for actor in actors {
            let target = pledges::recipient(ctx, si, object, n, actor).or_else(|| {
                let h = heading?;
                pledges::recipient(ctx, h, 0, ctx.sentences[h].words.len(), actor)
            });
            let modality = Modality {
                conditional,
                ..Modality::default()
            };
            let what = what.clone();
            out.push(pledges::event(
                ctx,
                si,
                EventKind::Pledge,
                actor,
                target,
                what,
                modality,
            ));
        }
    }
    out
}

/// Marks that open a list item.
fn is_bullet(w: &str) -> bool {
    matches!(w, "•" | "·" | "▪" | "‣" | "◦" | "-" | "*" | "–" | "—")
}

/// Is sentence `si` a list item: a line of its own that opens with a bullet, or
/// with an actor's label and a colon ("Nigeria: 10 million dollars, announced
/// by ...")?
fn is_item(ctx: &Context, si: usize) -> bool {
    item_start(ctx, si).is_some()
}

/// Where the item `si` starts past its bullet (`Some(1)`), or `Some(0)` for an
/// unbulleted item labelled by its actor and a colon; `None` for no item.
fn item_start(ctx: &Context, si: usize) -> Option<usize> {
    let s = &ctx.sentences[si];
    let line_start = ctx.text[..s.span.start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace);
    if !line_start {
        return None;
    }
    if s.words.first().is_some_and(|w| is_bullet(w)) {
        return Some(1);
    }
    let label = ctx.mention_starting(si, 0)?;
    s.words
        .get(label.end)
        .is_some_and(|w| w == ":")
        .then_some(0)
}

/// Markdown emphasis around an item's label ("- **Norway:** 3 billion kroner").
fn is_emphasis(w: &str) -> bool {
    matches!(w, "*" | "**" | "_" | "__")
}

/// The heading of the list item `si`: the sentence before the list's first item
/// (a bold heading line, "**Who pledged what**", is no item: it lists nobody).
fn heading(ctx: &Context, si: usize) -> Option<usize> {
    let mut h = si.checked_sub(1)?;
    while is_item(ctx, h) && item_parts(ctx, h).is_some() {
        h = h.checked_sub(1)?;
    }
    Some(h)
}

/// The actors an item lists before its dash or colon ("• The Bahamas, Jamaica and
/// Belize —"), and where what they give starts.
fn item_parts(ctx: &Context, si: usize) -> Option<(Vec<usize>, usize)> {
    let s = &ctx.sentences[si];
    let mut actors = Vec::new();
    let skip_emphasis = |mut j: usize| {
        while s.words.get(j).is_some_and(|w| is_emphasis(w)) {
            j += 1;
        }
        j
    };
    let mut j = skip_emphasis(item_start(ctx, si)?);
    loop {
        let m = ctx
            .mention_starting(si, j)
            .or_else(|| (s.words.get(j)? == "the").then(|| ctx.mention_starting(si, j + 1))?)?;
        let e = m.entity?;
        if !matches!(
            ctx.kind_of(m),
            Some(EntityKind::Country | EntityKind::Organization)
        ) {
            return None;
        }
        if !actors.contains(&e) {
            actors.push(e);
        }
        j = skip_emphasis(m.end);
        match s.words.get(j)?.as_str() {
            "," | "and" | "&" => {
                j += 1;
                if s.words.get(j).is_some_and(|w| w == "and") {
                    j += 1;
                }
            }
            "—" | "–" | "-" | ":" => return Some((actors, skip_emphasis(j + 1))),
            _ => return None,
        }
    }
}

/// An item that gives nothing: "— no new funding", "— did not announce a figure",
/// "— none".
fn gives_nothing(ctx: &Context, si: usize, object: usize) -> bool {
    let s = &ctx.sentences[si];
    matches!(
        s.words[object].as_str(),
        "no" | "none"
            | "nothing"
            | "nil"
            | "did"
            | "does"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "declined"
            | "refused"
            | "not"
            | "n/a"
    ) || ctx.lexicon.negations.match_at(&s.ids, object).is_some()
}
