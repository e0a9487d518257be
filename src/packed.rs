//! Packed reports: how a binary store (layout 3) keeps every report, and how a loaded
//! graph reads its events from the file's bytes without decoding them all up front.
//!
//! A million events are millions of small strings. Decoding all of them into
//! [`Event`]s at load time is what made loading slow (allocation and fresh memory,
//! not parsing), and a query reads only a few of them. So the file keeps reports as
//! compact records, and a loaded graph keeps those bytes: an event is decoded the
//! first time it is asked for, then kept. Loading only checks the tables and reads,
//! for each event, its kind, actor and targets (to build the graph's edges).
//!
//! Strings that repeat (entity ids, dates, documents, CAMEO and PLOVER codes) are
//! written once, in a string table, and records point to them; strings of their own
//! (ids, sentences, objects, quotes) are written inside the record, so that decoding
//! an event reads one place of the file rather than one per string.
//!
//! Sections (all integers little-endian):
//! - **strings**: count `n` (u64), `n + 1` offsets (u64) into the text that follows,
//!   then the UTF-8 text of every string, back to back. The entity ids come first.
//! - **groups**: for each group of reports, the index of its first event (u32), then
//!   the number of events. A group's events are consecutive.
//! - **events**: for each event, where its records start in the records (u64, the top
//!   bit set when the event has an id of its own because an earlier event of its group
//!   has its first report's id), then the records' total length. An event's records
//!   are consecutive, in (date, document, id) order: the first is the report the event
//!   is made from. So decoding an event reads two numbers and one stretch of records.
//! - **records**: one per report, of unsigned LEB128 numbers and strings: id, flags
//!   (kind, date precision, modality), actor, target count and targets, what, quote
//!   and date (each a presence number 0 or 1, then the string if 1), cameo, plover,
//!   evidence count and, for each, document, sentence, start and end. A string is a
//!   number `k`: even, it is string `k / 2` of the table; odd, its `k / 2` bytes of
//!   UTF-8 follow.
//!
//! Loading checks every table and record (bounds, string indices, UTF-8), so a file
//! that loads decodes completely. What it cannot check is that the grouping is right:
//! as in layout 2, a grouping made under the current merge rules is trusted.
//!
//! This module knows the model and the merge rules' event assembly; it does not know
//! petgraph or the store's framing.

use crate::model::{DatePrecision, Event, EventKind, Evidence, Modality};
use crate::same_event::event_of;
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The sections of a packed store, in file order.
pub(crate) const SECTIONS: usize = 4;

const PRECISIONS: [DatePrecision; 4] = [
    DatePrecision::Day,
    DatePrecision::Week,
    DatePrecision::Month,
    DatePrecision::Published,
];

/// Event table bit: the event has an id of its own (not its first report's).
const RENAMED: u64 = 1 << 63;

/// The reports of a graph laid out for writing.
#[derive(Default)]
pub(crate) struct PackedOut<'g> {
    /// Every report: by group, by event, each event's reports in order (first the
    /// report the event is made from).
    pub reports: Vec<&'g Event>,
    /// For each event: its first report's index, and whether its id differs from its
    /// first report's.
    pub events: Vec<(usize, bool)>,
    /// For each group, its first event's index.
    pub groups: Vec<usize>,
}

/// Writes the packed sections of a store, the string table starting with
/// `first_strings` (the entity ids).
///
/// Reports are encoded in batches on all cores, each batch with strings numbered in
/// its own table; the batch tables are then joined in batch order (so a string's
/// number is its order of first appearance, and the file is deterministic) and each
/// batch's records are rewritten with the joined numbers. Reading the reports (which
/// are scattered in memory) is the slow part, and happens once.
pub(crate) fn encode(
    first_strings: &[&str],
    out: &PackedOut<'_>,
) -> Result<[Vec<u8>; SECTIONS], String> {
    let too_many =
        |n: usize| u32::try_from(n).map_err(|_| "too many events for the binary store".to_string());
    let mut group_starts: Vec<u8> = Vec::with_capacity(4 * (out.groups.len() + 1));
    for &g in out.groups.iter().chain([&out.events.len()]) {
        group_starts.extend_from_slice(&too_many(g)?.to_le_bytes());
    }
    let batches: Vec<(Interner, Vec<u8>)> = out
        .reports
        .par_chunks(ENCODE_BATCH)
        .map(|part| {
            let mut local = Interner::default();
            let mut bytes = Vec::with_capacity(part.len() * 192);
            for r in part {
                write_record(&mut bytes, &mut local, r);
            }
            (local, bytes)
        })
        .collect();
    let mut strings = Interner::default();
    for s in first_strings {
        strings.intern(s);
    }
    let maps: Vec<Vec<u64>> = batches
        .iter()
        .map(|(local, _)| local.list.iter().map(|s| strings.intern(s)).collect())
        .collect();
    let rewritten: Vec<(Vec<u8>, Vec<usize>)> = batches
        .par_iter()
        .zip(&maps)
        .map(|((_, bytes), map)| {
            let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
            let mut starts = Vec::with_capacity(ENCODE_BATCH);
            let mut c = Cursor { bytes, at: 0 };
            while c.at < bytes.len() {
                starts.push(out.len());
                if rewrite_record(&mut c, &mut out, map).is_none() {
                    break; // unreachable: the bytes were just written
                }
            }
            (out, starts)
        })
        .collect();
    let total: usize = rewritten.iter().map(|(b, _)| b.len()).sum();
    let mut records: Vec<u8> = Vec::with_capacity(total);
    let mut starts: Vec<u64> = Vec::with_capacity(out.reports.len() + 1);
    for (bytes, local) in rewritten {
        let base = records.len() as u64;
        starts.extend(local.into_iter().map(|s| base + s as u64));
        records.extend_from_slice(&bytes);
    }
    starts.push(records.len() as u64);
    too_many(out.events.len())?;
    let mut event_table: Vec<u8> = Vec::with_capacity(8 * (out.events.len() + 1));
    for &(first, renamed) in &out.events {
        let at = starts.get(first).copied().unwrap_or(records.len() as u64);
        let flag = if renamed { RENAMED } else { 0 };
        event_table.extend_from_slice(&(at | flag).to_le_bytes());
    }
    event_table.extend_from_slice(&(records.len() as u64).to_le_bytes());
    Ok([strings.into_section(), group_starts, event_table, records])
}

/// Reports are encoded in parallel in batches of this many.
const ENCODE_BATCH: usize = 16 * 1024;

/// Copies one record, renumbering its table strings through `map`.
fn rewrite_record(c: &mut Cursor<'_>, out: &mut Vec<u8>, map: &[u64]) -> Option<()> {
    let name = |c: &mut Cursor, out: &mut Vec<u8>| -> Option<()> {
        let k = c.num()?;
        if k & 1 == 0 {
            put(out, map.get((k >> 1) as usize)? << 1);
        } else {
            put(out, k);
            out.extend_from_slice(c.take(k >> 1)?);
        }
        Some(())
    };
    let num = |c: &mut Cursor, out: &mut Vec<u8>| -> Option<u64> {
        let n = c.num()?;
        put(out, n);
        Some(n)
    };
    name(c, out)?; // id
    num(c, out)?; // flags
    name(c, out)?; // actor
    for _ in 0..num(c, out)? {
        name(c, out)?;
    }
    for _ in 0..3 {
        if num(c, out)? == 1 {
            name(c, out)?;
        }
    }
    name(c, out)?; // cameo
    name(c, out)?; // plover
    for _ in 0..num(c, out)? {
        name(c, out)?;
        name(c, out)?;
        num(c, out)?;
        num(c, out)?;
    }
    Some(())
}

/// A fast hash for the string table's index (FxHash's mixing: the keys are our own
/// strings, not an adversary's, and SipHash was a third of saving).
#[derive(Default)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Distinct strings, numbered in order of first appearance.
#[derive(Default)]
struct Interner<'a> {
    index: HashMap<&'a str, u64, std::hash::BuildHasherDefault<Fx>>,
    list: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    fn intern(&mut self, s: &'a str) -> u64 {
        let next = self.list.len() as u64;
        let k = *self.index.entry(s).or_insert(next);
        if k == next {
            self.list.push(s);
        }
        k
    }

    fn into_section(self) -> Vec<u8> {
        let text: usize = self.list.iter().map(|s| s.len()).sum();
        let mut out = Vec::with_capacity(8 * (self.list.len() + 2) + text);
        out.extend_from_slice(&(self.list.len() as u64).to_le_bytes());
        let mut at = 0u64;
        for s in &self.list {
            out.extend_from_slice(&at.to_le_bytes());
            at += s.len() as u64;
        }
        out.extend_from_slice(&at.to_le_bytes());
        for s in &self.list {
            out.extend_from_slice(s.as_bytes());
        }
        out
    }
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn flags_of(ev: &Event) -> u64 {
    let kind = EventKind::ALL
        .iter()
        .position(|k| *k == ev.kind)
        .unwrap_or(0) as u64;
    let precision = PRECISIONS
        .iter()
        .position(|p| *p == ev.date_precision)
        .unwrap_or(3) as u64;
    let m = ev.modality;
    kind | precision << 3
        | u64::from(m.negated) << 5
        | u64::from(m.conditional) << 6
        | u64::from(m.hedged) << 7
        | u64::from(m.future) << 8
}

fn write_record<'a>(out: &mut Vec<u8>, strings: &mut Interner<'a>, ev: &'a Event) {
    let mut table = |out: &mut Vec<u8>, s: &'a str| put(out, strings.intern(s) << 1);
    inline(out, &ev.id);
    put(out, flags_of(ev));
    table(out, &ev.actor);
    put(out, ev.targets.len() as u64);
    for t in &ev.targets {
        table(out, t);
    }
    for s in [&ev.what, &ev.quote] {
        put(out, u64::from(s.is_some()));
        if let Some(s) = s {
            inline(out, s);
        }
    }
    put(out, u64::from(ev.date.is_some()));
    if let Some(d) = &ev.date {
        table(out, d);
    }
    table(out, &ev.cameo);
    table(out, &ev.plover);
    put(out, ev.evidence.len() as u64);
    for e in &ev.evidence {
        table(out, &e.doc);
        inline(out, &e.sentence);
        put(out, e.start as u64);
        put(out, e.end as u64);
    }
}

/// Writes a string inside the record.
fn inline(out: &mut Vec<u8>, s: &str) {
    put(out, (s.len() as u64) << 1 | 1);
    out.extend_from_slice(s.as_bytes());
}

/// A reader over a record's numbers.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// A string of a record: in the table, or inside the record.
#[derive(Clone, Copy)]
pub(crate) enum Name<'a> {
    /// String `k` of the table.
    Table(u64),
    /// The string itself.
    Inline(&'a str),
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: u64) -> Option<&'a [u8]> {
        let n = usize::try_from(n).ok()?;
        let end = self.at.checked_add(n)?;
        let b = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(b)
    }

    fn name(&mut self) -> Option<Name<'a>> {
        let k = self.num()?;
        if k & 1 == 0 {
            return Some(Name::Table(k >> 1));
        }
        std::str::from_utf8(self.take(k >> 1)?)
            .ok()
            .map(Name::Inline)
    }

    fn num(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
}

/// The packed reports of a loaded binary store, and the events decoded from them so
/// far.
#[derive(Clone)]
pub(crate) struct Packed {
    /// The whole file (sections are ranges of it).
    data: Arc<Vec<u8>>,
    strings: u64,
    /// Offsets table and text of the string table.
    string_offsets: Range<usize>,
    string_text: Range<usize>,
    group_starts: Range<usize>,
    events: Range<usize>,
    records: Range<usize>,
    reports: usize,
    /// Each event, once decoded.
    cells: Box<[OnceLock<Arc<Event>>]>,
}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Packed")
            .field("groups", &self.group_count())
            .field("events", &self.event_count())
            .field("reports", &self.reports)
            .field("strings", &self.strings)
            .finish()
    }
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    let mut x = [0u8; 4];
    x.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(x)
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(x)
}

/// Events are checked in parallel in batches of this many.
const CHECK_BATCH: usize = 16 * 1024;

impl Packed {
    /// Reads the packed sections (`sections`: their ranges in `data`, in file order)
    /// and checks them; the error says what is wrong.
    pub(crate) fn parse(data: Arc<Vec<u8>>, sections: &[Range<usize>]) -> Result<Packed, String> {
        let [strings, groups, events, records] = sections else {
            return Err(format!(
                "{} packed sections, expected {SECTIONS}",
                sections.len()
            ));
        };
        let d = &data[..];
        // String table.
        let s = &d[strings.clone()];
        if s.len() < 16 {
            return Err("string table too short".into());
        }
        let n = u64_at(s, 0);
        let table_end = n
            .checked_add(1)
            .and_then(|k| k.checked_mul(8))
            .and_then(|k| k.checked_add(8))
            .and_then(|k| usize::try_from(k).ok())
            .filter(|&k| k <= s.len())
            .ok_or("string table: bad count")?;
        let string_offsets = strings.start + 8..strings.start + table_end;
        let string_text = strings.start + table_end..strings.end;
        let text = &d[string_text.clone()];
        let offs = &d[string_offsets.clone()];
        let count = n as usize;
        let ok = (0..count + 1)
            .into_par_iter()
            .with_min_len(64 * 1024)
            .all(|i| {
                let at = u64_at(offs, 8 * i);
                (i > 0 || at == 0)
                    && (i < count || at == text.len() as u64)
                    && (i == 0 || u64_at(offs, 8 * (i - 1)) <= at)
                    && usize::try_from(at).is_ok_and(|at| starts_char(text, at))
            });
        if !ok {
            return Err("string table: bad offsets".into());
        }
        if !utf8_par(text) {
            return Err("string table: not UTF-8".into());
        }
        // Groups: event indices, rising from 0 to the number of events.
        let g = &d[groups.clone()];
        let e = &d[events.clone()];
        if g.len() < 4 || !g.len().is_multiple_of(4) {
            return Err("group table has a bad length".into());
        }
        if e.len() < 8 || !e.len().is_multiple_of(8) {
            return Err("event table has a bad length".into());
        }
        let (group_count, event_count) = (g.len() / 4 - 1, e.len() / 8 - 1);
        let at = |i: usize| u32_at(g, 4 * i) as usize;
        if at(0) != 0
            || at(group_count) != event_count
            || (1..=group_count).any(|i| at(i) <= at(i - 1))
        {
            return Err("group table is not in order".into());
        }
        // Events: record offsets, rising from 0 to the records' length.
        let start = |i: usize| u64_at(e, 8 * i) & !RENAMED;
        if start(0) != 0
            || u64_at(e, 8 * event_count) != records.len() as u64
            || (1..=event_count).any(|i| start(i) <= start(i - 1))
        {
            return Err("event table is not in order".into());
        }
        let mut packed = Packed {
            data: Arc::clone(&data),
            strings: n,
            string_offsets,
            string_text,
            group_starts: groups.clone(),
            events: events.clone(),
            records: records.clone(),
            reports: 0,
            cells: (0..event_count).map(|_| OnceLock::new()).collect(),
        };
        // Every event's records decode, exactly filling its place.
        let counts: Vec<Option<usize>> = (0..event_count as u32)
            .into_par_iter()
            .with_min_len(CHECK_BATCH)
            .map(|e| packed.check_event(e))
            .collect();
        if let Some(e) = counts.iter().position(Option::is_none) {
            return Err(format!("records of event {e} are malformed"));
        }
        packed.reports = counts.into_iter().flatten().sum();
        Ok(packed)
    }

    /// Number of strings in the table.
    pub(crate) fn string_count(&self) -> usize {
        self.strings as usize
    }

    /// Number of groups.
    pub(crate) fn group_count(&self) -> usize {
        self.group_starts.len() / 4 - 1
    }

    /// Number of events (including any whose actor is not an entity).
    pub(crate) fn event_count(&self) -> usize {
        self.cells.len()
    }

    /// Number of reports.
    pub(crate) fn report_count(&self) -> usize {
        self.reports
    }

    /// The events of group `g`.
    pub(crate) fn group_events(&self, g: usize) -> Range<u32> {
        let b = &self.data[self.group_starts.clone()];
        u32_at(b, 4 * g)..u32_at(b, 4 * (g + 1))
    }

    /// A cursor over the records of event `e`, and whether it is renamed.
    fn event_records(&self, e: u32) -> (Cursor<'_>, bool) {
        let b = &self.data[self.events.clone()];
        let e = e as usize;
        let start = u64_at(b, 8 * e);
        let end = u64_at(b, 8 * (e + 1)) & !RENAMED;
        let bytes = &self.data[self.records.clone()][(start & !RENAMED) as usize..end as usize];
        (Cursor { bytes, at: 0 }, start & RENAMED != 0)
    }

    /// String `k` of the table (checked at load: None only past the end).
    pub(crate) fn str(&self, k: u64) -> Option<&str> {
        if k >= self.strings {
            return None;
        }
        let offs = &self.data[self.string_offsets.clone()];
        let a = usize::try_from(u64_at(offs, 8 * k as usize)).ok()?;
        let b = usize::try_from(u64_at(offs, 8 * (k as usize + 1))).ok()?;
        std::str::from_utf8(self.data[self.string_text.clone()].get(a..b)?).ok()
    }

    /// The text of a record's string.
    fn text<'a>(&'a self, n: Name<'a>) -> Option<&'a str> {
        match n {
            Name::Table(k) => self.str(k),
            Name::Inline(s) => Some(s),
        }
    }

    /// The number of reports of event `e`, if its records decode completely (every
    /// string in the table or valid UTF-8), filling their place exactly.
    fn check_event(&self, e: u32) -> Option<usize> {
        let (mut c, _) = self.event_records(e);
        let mut reports = 0;
        while c.at < c.bytes.len() {
            self.check_record(&mut c)?;
            reports += 1;
        }
        (reports > 0).then_some(reports)
    }

    /// Reads past one record if it decodes.
    fn check_record(&self, c: &mut Cursor<'_>) -> Option<()> {
        let n = self.strings;
        let s = |c: &mut Cursor| match c.name()? {
            Name::Table(k) => (k < n).then_some(()),
            Name::Inline(_) => Some(()),
        };
        s(c)?;
        c.num().filter(|&f| (f & 7) < 6 && f >> 9 == 0)?;
        s(c)?;
        for _ in 0..c.num()? {
            s(c)?;
        }
        for _ in 0..3 {
            match c.num()? {
                0 => {}
                1 => s(c)?,
                _ => return None,
            }
        }
        s(c)?;
        s(c)?;
        for _ in 0..c.num()? {
            s(c)?;
            s(c)?;
            usize::try_from(c.num()?).ok()?;
            usize::try_from(c.num()?).ok()?;
        }
        Some(())
    }

    /// Kind, actor and targets of event `e` (those of its first report): what the
    /// graph's edges need. Targets go to `targets`.
    pub(crate) fn event_head<'a>(
        &'a self,
        e: u32,
        targets: &mut Vec<Name<'a>>,
    ) -> Option<(EventKind, Name<'a>)> {
        let (mut c, _) = self.event_records(e);
        c.name()?;
        let kind = *EventKind::ALL.get((c.num()? & 7) as usize)?;
        let actor = c.name()?;
        targets.clear();
        for _ in 0..c.num()? {
            targets.push(c.name()?);
        }
        Some((kind, actor))
    }

    /// Decodes the reports of event `e` (none only for a file that did not load).
    fn reports_of(&self, e: u32) -> (Vec<Event>, bool) {
        let (mut c, renamed) = self.event_records(e);
        let mut out = Vec::with_capacity(1);
        while c.at < c.bytes.len() {
            match self.read_report(&mut c) {
                Some(r) => out.push(r),
                None => break,
            }
        }
        (out, renamed)
    }

    fn read_report(&self, c: &mut Cursor<'_>) -> Option<Event> {
        let s = |c: &mut Cursor| -> Option<String> {
            let n = c.name()?;
            self.text(n).map(str::to_string)
        };
        let opt = |c: &mut Cursor| -> Option<Option<String>> {
            match c.num()? {
                0 => Some(None),
                _ => s(c).map(Some),
            }
        };
        let id = s(c)?;
        let flags = c.num()?;
        let kind = *EventKind::ALL.get((flags & 7) as usize)?;
        let date_precision = PRECISIONS[(flags >> 3 & 3) as usize];
        let bit = |i: u32| flags >> i & 1 == 1;
        let modality = Modality {
            negated: bit(5),
            conditional: bit(6),
            hedged: bit(7),
            future: bit(8),
        };
        let actor = s(c)?;
        let targets = (0..c.num()?).map(|_| s(c)).collect::<Option<Vec<_>>>()?;
        let what = opt(c)?;
        let quote = opt(c)?;
        let date = opt(c)?;
        let cameo = s(c)?;
        let plover = s(c)?;
        let evidence = (0..c.num()?)
            .map(|_| {
                Some(Evidence {
                    doc: s(c)?,
                    sentence: s(c)?,
                    start: usize::try_from(c.num()?).ok()?,
                    end: usize::try_from(c.num()?).ok()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Event {
            id,
            kind,
            actor,
            targets,
            what,
            quote,
            modality,
            date,
            date_precision,
            cameo,
            plover,
            evidence,
        })
    }

    /// Event `e`, decoded on first use.
    pub(crate) fn event(&self, e: u32) -> &Arc<Event> {
        self.cells[e as usize].get_or_init(|| Arc::new(self.decode_event(e)))
    }

    /// Decodes the events in `events` that are not decoded yet, on all cores.
    ///
    /// Decoding a few events spread over a large file waits on memory, one miss after
    /// another (the event's cell, its table entry, its records). So the cells and
    /// table entries are first read in tight loops of independent reads, which the
    /// processor overlaps, and the records' first bytes likewise, before decoding.
    pub(crate) fn decode_all(&self, events: &[u32]) {
        let todo: Vec<u32> = events
            .iter()
            .copied()
            .filter(|&e| self.cells[e as usize].get().is_none())
            .collect();
        let table = &self.data[self.events.clone()];
        let records = &self.data[self.records.clone()];
        let starts: Vec<usize> = todo
            .iter()
            .map(|&e| (u64_at(table, 8 * e as usize) & !RENAMED) as usize)
            .collect();
        let touched = starts
            .iter()
            .fold(0u8, |acc, &s| acc ^ records.get(s).copied().unwrap_or(0));
        std::hint::black_box(touched);
        todo.par_iter().with_min_len(256).for_each(|&e| {
            self.event(e);
        });
    }

    fn decode_event(&self, e: u32) -> Event {
        let (mut reports, renamed) = self.reports_of(e);
        if reports.len() == 1 && !renamed {
            return reports.swap_remove(0);
        }
        assemble(&reports, renamed)
    }

    /// The reports of group `g` with each one's event index in the group, and the
    /// group's events: what an unpacked graph keeps. A report that is its event is
    /// shared with it.
    pub(crate) fn group(&self, g: usize) -> (Vec<Arc<Event>>, Vec<u32>, Vec<Arc<Event>>) {
        let events = self.group_events(g);
        let mut reports = Vec::new();
        let mut assign = Vec::new();
        let mut out = Vec::with_capacity(events.len());
        for (i, e) in events.enumerate() {
            let (mut rs, renamed) = self.reports_of(e);
            let cell = &self.cells[e as usize];
            let ev = if rs.len() == 1 && !renamed {
                let ev = cell.get_or_init(|| Arc::new(rs.swap_remove(0)));
                reports.push(Arc::clone(ev));
                assign.push(i as u32);
                ev
            } else {
                let ev = cell.get_or_init(|| Arc::new(assemble(&rs, renamed)));
                for r in rs {
                    reports.push(Arc::new(r));
                    assign.push(i as u32);
                }
                ev
            };
            out.push(Arc::clone(ev));
        }
        (reports, assign, out)
    }
}

/// The event of several reports (or of a renamed one), the first being the one it is
/// made from.
fn assemble(reports: &[Event], renamed: bool) -> Event {
    match reports.split_first() {
        Some((first, others)) => event_of(first, others.iter(), !renamed),
        None => empty_event(),
    }
}

/// An event with nothing in it: what decoding gives for a file that did not load
/// (unreachable: loading checked every record).
fn empty_event() -> Event {
    Event {
        id: String::new(),
        kind: EventKind::Statement,
        actor: String::new(),
        targets: Vec::new(),
        what: None,
        quote: None,
        modality: Modality::default(),
        date: None,
        date_precision: DatePrecision::Published,
        cameo: String::new(),
        plover: String::new(),
        evidence: Vec::new(),
    }
}

/// Is `at` the end of `text` or the start of a character (not a UTF-8 continuation
/// byte)?
fn starts_char(text: &[u8], at: usize) -> bool {
    text.get(at)
        .map_or(at == text.len(), |&b| (b as i8) >= -0x40)
}

/// Is `text` UTF-8? Checked in parallel, in pieces cut at char boundaries.
fn utf8_par(text: &[u8]) -> bool {
    const PIECE: usize = 8 << 20;
    let mut cuts = vec![0];
    let mut at = PIECE;
    while at < text.len() {
        // A cut is at a byte that does not continue a character (a bad file may have
        // none nearby: then the piece just gets longer).
        while at < text.len() && !starts_char(text, at) {
            at += 1;
        }
        cuts.push(at);
        at += PIECE;
    }
    cuts.push(text.len());
    cuts.dedup();
    cuts.par_windows(2)
        .all(|w| std::str::from_utf8(&text[w[0]..w[1]]).is_ok())
}
