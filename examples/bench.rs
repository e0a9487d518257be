//! Speed and memory benchmark for diplograph.
//!
//! ```text
//! cargo run --release --example bench -- --mb 100
//! ```
//!
//! 1. Generates a corpus of at least `--mb` MB of article text (JSON Lines) from the
//!    sample articles in `data/corpus/dev`: every generated article is one sample with
//!    its countries swapped for others (names, capitals and demonyms together), its
//!    numbers changed, its body sentences shuffled after the lead, and a new date.
//! 2. Extraction throughput on one core (MB/s, words/s) and on all cores.
//! 3. End-to-end ingest (read, extract, merge) of the whole corpus, and peak memory
//!    (VmHWM) of a process doing only that.
//! 4. Store save and load times (RON and binary) of the ingested graph.
//! 5. A synthetic graph of at least `--events` events (default 1 million) built through
//!    the library: store save/load times and `pledges --to X` query latency, on the
//!    graph in memory and, in a fresh process (its own peak memory), on the graph as
//!    loaded from the binary store: load, first query (which decodes the events it
//!    returns), later queries. `--synthetic-only` runs only this part.
//! 6. Growth: ingest time and peak memory at 1, 10, 30 and 100 MB (each in its own
//!    process, so peak memory is per size). Skip with `--no-growth`.
//!
//! `--extraction-only` stops after step 2 (for profiling the extractor);
//! `--synthetic-only` runs only step 5.
//!
//! Numbers go to standard output as a table. Files go under `--dir` (default
//! `target/bench`).

use diplograph::document::{parse_article, JsonLines};
use diplograph::{
    store, DocumentMeta, Entity, EntityKind, Event, EventFilter, EventKind, Evidence, Extractor,
    KnowledgeGraph, Modality,
};
use rayon::prelude::*;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name);
    let value = |name: &str| flag(name).and_then(|i| args.get(i + 1)).cloned();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = value("--dir").map_or_else(|| root.join("target/bench"), PathBuf::from);
    std::fs::create_dir_all(&dir)?;
    // Child process: ingest one corpus, print "seconds peak_kb events entities", and
    // save the graph beside the corpus (as CORPUS.bin) for the store measurements.
    if let Some(corpus) = value("--ingest-only") {
        let ex = Extractor::bundled()?;
        let mut g = KnowledgeGraph::new();
        let r = diplograph::ingest::ingest(&mut g, &ex, &[PathBuf::from(&corpus)]);
        println!("{} {} {} {}", r.seconds, peak_kb(), r.events, r.entities);
        store::save(&g, &PathBuf::from(corpus).with_extension("bin"))?;
        std::mem::forget(g);
        return Ok(());
    }
    let mb: usize = value("--mb").map_or(Ok(100), |v| v.parse())?;
    let events: usize = value("--events").map_or(Ok(1_000_000), |v| v.parse())?;
    let growth = flag("--no-growth").is_none();
    let cores = rayon::current_num_threads();
    println!("diplograph benchmark: {mb} MB corpus, {events} synthetic events, {cores} cores");

    // Child process: load a store, then query it; print the numbers (see load_child).
    if let Some(store) = value("--load-only") {
        return load_and_query(Path::new(&store), &value("--to").unwrap_or_default());
    }
    if flag("--synthetic-only").is_some() {
        return synthetic_part(events, &dir, flag("--ron-1m").is_some());
    }
    // 1. The corpus.
    let samples = samples(&root.join("data/corpus/dev"))?;
    let countries = countries(&root.join("data/gazetteer/countries.ron"))?;
    let corpus = dir.join(format!("corpus-{mb}mb.jsonl"));
    let t = Instant::now();
    let (docs, bytes) = generate(&samples, &countries, mb * 1_000_000, &corpus)?;
    println!(
        "corpus: {docs} articles, {:.1} MB of text ({} samples varied), generated in {:.1} s",
        bytes as f64 / 1e6,
        samples.len(),
        t.elapsed().as_secs_f64()
    );

    // 2. Extraction throughput.
    let ex = Extractor::bundled()?;
    let sample_docs: Vec<diplograph::Document> =
        JsonLines::for_reader(BufReader::new(std::fs::File::open(&corpus)?), &corpus)
            .filter_map(Result::ok)
            .scan(0usize, |size, d| {
                *size += d.text.len();
                (*size <= 20_000_000).then_some(d)
            })
            .collect();
    let sample_bytes: usize = sample_docs.iter().map(|d| d.text.len()).sum();
    let sample_words: usize = sample_docs
        .iter()
        .map(|d| d.text.split_whitespace().count())
        .sum();
    let t = Instant::now();
    let mut found = 0;
    for d in &sample_docs {
        found += ex.extract(d).events.len();
    }
    let one = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let found_par: usize = sample_docs
        .par_iter()
        .map(|d| ex.extract(d).events.len())
        .sum();
    let all = t.elapsed().as_secs_f64();
    assert_eq!(
        found, found_par,
        "parallel extraction finds the same events"
    );
    println!(
        "extraction, 1 core: {:.1} MB in {one:.2} s = {:.2} MB/s, {:.0} words/s ({found} events)",
        sample_bytes as f64 / 1e6,
        sample_bytes as f64 / 1e6 / one,
        sample_words as f64 / one
    );
    println!(
        "extraction, {cores} cores: {:.2} MB/s total, {:.2} MB/s per core",
        sample_bytes as f64 / 1e6 / all,
        sample_bytes as f64 / 1e6 / all / cores as f64
    );
    drop(sample_docs);
    if flag("--extraction-only").is_some() {
        return Ok(());
    }

    // 3. End-to-end ingest in a child process (its own peak memory).
    let (secs, peak, ev, ent) = ingest_child(&corpus, &dir)?;
    println!(
        "ingest {mb} MB end to end: {secs:.2} s ({:.2} MB/s), peak memory {:.0} MB, {ev} events, {ent} entities",
        bytes as f64 / 1e6 / secs,
        peak as f64 / 1024.0
    );

    // 4. Store save/load of the ingested graph (the child saved it).
    let g = store::load(&corpus.with_extension("bin"), false)?;
    store_times("corpus graph", &g, &dir, true)?;
    let x = busiest_target(&g);
    query_time("corpus graph", &g, &x);
    drop(g);

    // 5. A graph of a million events.
    synthetic_part(events, &dir, flag("--ron-1m").is_some())?;

    // 6. Growth.
    if growth {
        println!("growth (each size ingested in its own process):");
        println!(
            "  {:>6}  {:>9}  {:>8}  {:>10}  {:>9}",
            "MB", "seconds", "MB/s", "peak MB", "events"
        );
        for size in [1usize, 10, 30, 100] {
            let (secs, peak, ev, b) = if size == mb {
                (secs, peak, ev, bytes)
            } else {
                let path = dir.join(format!("corpus-{size}mb.jsonl"));
                let (_, b) = generate(&samples, &countries, size * 1_000_000, &path)?;
                let (secs, peak, ev, _) = ingest_child(&path, &dir)?;
                (secs, peak, ev, b)
            };
            println!(
                "  {size:>6}  {secs:>9.2}  {:>8.2}  {:>10.0}  {ev:>9}",
                b as f64 / 1e6 / secs,
                peak as f64 / 1024.0
            );
        }
    }
    Ok(())
}

fn synthetic_part(events: usize, dir: &Path, ron: bool) -> Res<()> {
    let t = Instant::now();
    let big = synthetic(events);
    println!(
        "synthetic graph: {} reports -> {} events, {} entities, built in {:.2} s, peak memory so far {:.0} MB",
        big.report_count(),
        big.event_count(),
        big.entity_count(),
        t.elapsed().as_secs_f64(),
        peak_kb() as f64 / 1024.0
    );
    store_times("synthetic graph", &big, dir, ron)?;
    let x = busiest_target(&big);
    query_time("synthetic graph in memory", &big, &x);
    query_time("synthetic graph in memory", &big, "Country 117");
    drop(big);
    load_child(&dir.join("store.bin"), &x)?;
    Ok(())
}

/// Loads a store and queries it in a child process (so that its peak memory is the
/// load's and the query's alone), and prints what it measured.
fn load_child(store: &Path, to: &str) -> Res<()> {
    let out = std::process::Command::new(std::env::current_exe()?)
        .args(["--load-only", &store.to_string_lossy(), "--to", to])
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let f: Vec<f64> = text
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    let [load, load_cpu, peak, cold, cold_cpu, warm, warm_cpu, n, peak_after] = f[..] else {
        return Err(format!(
            "load child failed: {text} {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    };
    let name = store
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy());
    println!(
        "{name} loaded in a fresh process: load {load:.2} s wall ({load_cpu:.2} s CPU on all threads), peak memory {:.0} MB after the load, {:.0} MB after the queries",
        peak / 1024.0,
        peak_after / 1024.0
    );
    println!(
        "{name} loaded: pledges --to {to:?}: {n} results; first query {cold:.1} ms wall ({cold_cpu:.1} ms CPU on all threads, decoding the events), later {warm:.1} ms wall ({warm_cpu:.1} ms CPU, best of 5)"
    );
    Ok(())
}

/// The child side of [`load_child`]: prints load seconds (wall, CPU), peak kB, first
/// query ms (wall, CPU), best later query ms (wall, CPU), result count, peak kB at the
/// end.
fn load_and_query(store: &Path, to: &str) -> Res<()> {
    let cpu = all_threads_cpu();
    let t = Instant::now();
    let g = store::load(store, false)?;
    let load = t.elapsed().as_secs_f64();
    let load_cpu = all_threads_cpu() - cpu;
    let peak = peak_kb();
    let filter = EventFilter::default().to(to);
    let cpu = all_threads_cpu();
    let t = Instant::now();
    let n = g.pledges(&filter).len();
    let cold = t.elapsed().as_secs_f64();
    let cold_cpu = all_threads_cpu() - cpu;
    let (mut warm, mut warm_cpu) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let cpu = all_threads_cpu();
        let t = Instant::now();
        let _ = g.pledges(&filter).len();
        warm = warm.min(t.elapsed().as_secs_f64());
        warm_cpu = warm_cpu.min(all_threads_cpu() - cpu);
    }
    println!(
        "{load} {load_cpu} {peak} {} {} {} {} {n} {}",
        cold * 1e3,
        cold_cpu * 1e3,
        warm * 1e3,
        warm_cpu * 1e3,
        peak_kb()
    );
    std::mem::forget(g);
    Ok(())
}

/// CPU time of all threads of this process so far, in seconds (from each thread's
/// schedstat: nanoseconds, unlike /proc/self/stat's ticks).
fn all_threads_cpu() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .sum::<f64>()
        / 1e9
}

/// CPU time of this thread so far, in seconds (from /proc/thread-self/schedstat): on a
/// busy machine, wall time includes waiting for a core; this does not.
fn thread_cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |ns| ns / 1e9)
}

/// CPU time of this process so far (all threads, user + system), in seconds.
fn process_cpu() -> f64 {
    let tick = 100.0; // USER_HZ on Linux
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / tick)
        })
        .unwrap_or(0.0)
}

/// Peak resident memory of this process (VmHWM), in kB.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn ingest_child(corpus: &Path, dir: &Path) -> Res<(f64, u64, usize, usize)> {
    let out = std::process::Command::new(std::env::current_exe()?)
        .args([
            "--ingest-only",
            &corpus.to_string_lossy(),
            "--dir",
            &dir.to_string_lossy(),
        ])
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let f: Vec<&str> = text.split_whitespace().collect();
    if f.len() != 4 {
        return Err(format!(
            "ingest child failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok((f[0].parse()?, f[1].parse()?, f[2].parse()?, f[3].parse()?))
}

fn store_times(what: &str, g: &KnowledgeGraph, dir: &Path, ron: bool) -> Res<()> {
    let mut encodings = vec!["bin"];
    if ron {
        encodings.push("ron");
    }
    for ext in encodings {
        let path = dir.join(format!("store.{ext}"));
        let t = Instant::now();
        store::save(g, &path)?;
        let save = t.elapsed().as_secs_f64();
        let size = std::fs::metadata(&path)?.len();
        let cpu = process_cpu();
        let t = Instant::now();
        let back = store::load(&path, false)?;
        let load = t.elapsed().as_secs_f64();
        let load_cpu = process_cpu() - cpu;
        assert_eq!(back.event_count(), g.event_count());
        println!(
            "{what}: .{ext} store {:.1} MB, save {save:.2} s, load {load:.2} s wall ({load_cpu:.2} s CPU on all threads) ({} events)",
            size as f64 / 1e6,
            back.event_count()
        );
    }
    Ok(())
}

/// The name of the entity that receives the most pledges.
fn busiest_target(g: &KnowledgeGraph) -> String {
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for ev in g.events().filter(|e| e.kind == EventKind::Pledge) {
        for t in &ev.targets {
            *count.entry(t.as_str()).or_default() += 1;
        }
    }
    let best = count
        .into_iter()
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)));
    best.and_then(|(id, _)| g.entity(id))
        .map_or_else(|| "Ukraine".to_string(), |e| e.name.clone())
}

fn query_time(what: &str, g: &KnowledgeGraph, to: &str) {
    let filter = EventFilter::default().to(to);
    let _ = g.pledges(&filter); // warm
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut n = 0;
    for _ in 0..runs {
        let cpu = thread_cpu();
        let t = Instant::now();
        n = g.pledges(&filter).len();
        best = best.min(t.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(thread_cpu() - cpu);
    }
    println!(
        "{what}: pledges --to {to:?}: {n} results in {:.1} ms wall, {:.1} ms CPU (best of {runs})",
        best * 1e3,
        best_cpu * 1e3
    );
}

// ---------------------------------------------------------------------------------
// Corpus generation.

/// A deterministic pseudo-random generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Sample {
    title: String,
    lead: String,
    body: Vec<String>,
}

fn samples(dir: &Path) -> Res<Vec<Sample>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let doc = parse_article(&std::fs::read_to_string(&p)?, "x", &p)?;
        let mut lines = doc
            .text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string);
        let lead = lines.next().unwrap_or_default();
        out.push(Sample {
            title: doc.title.unwrap_or_default(),
            lead,
            body: lines.collect(),
        });
    }
    Ok(out)
}

/// A country's surface forms: name, capital, demonyms (longest first).
struct Country {
    forms: Vec<String>,
}

#[derive(serde::Deserialize)]
struct CountryEntry {
    name: String,
    capital: String,
    #[serde(default)]
    demonyms: Vec<String>,
}

fn countries(path: &Path) -> Res<Vec<Country>> {
    let text = std::fs::read_to_string(path)?;
    // Fields this benchmark does not need are ignored.
    let entries: Vec<CountryEntry> = ron::from_str(&text)?;
    Ok(entries
        .into_iter()
        .filter(|c| c.demonyms.len() >= 2)
        .map(|c| Country {
            forms: vec![
                c.name,
                c.capital,
                c.demonyms[0].clone(),
                c.demonyms[1].clone(),
            ],
        })
        .collect())
}

/// Writes articles to `path` until `target` bytes of text; returns (articles, bytes).
fn generate(
    samples: &[Sample],
    countries: &[Country],
    target: usize,
    path: &Path,
) -> Res<(usize, usize)> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let (mut n, mut bytes) = (0usize, 0usize);
    while bytes < target {
        let s = &samples[rng.below(samples.len())];
        // Swap the countries the sample names for random others, all forms together.
        let mut swaps: Vec<(String, String)> = Vec::new();
        let whole = format!("{} {}", s.lead, s.body.join(" "));
        for c in countries {
            if whole.contains(&c.forms[0]) && rng.below(3) > 0 {
                let other = &countries[rng.below(countries.len())];
                for (a, b) in c.forms.iter().zip(&other.forms) {
                    swaps.push((a.clone(), b.clone()));
                }
            }
        }
        swaps.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
        let vary = |line: &str, rng: &mut Rng| -> String {
            let mut t = line.to_string();
            for (i, (a, _)) in swaps.iter().enumerate() {
                t = t.replace(a.as_str(), &format!("\u{1}{i}\u{2}"));
            }
            for (i, (_, b)) in swaps.iter().enumerate() {
                t = t.replace(&format!("\u{1}{i}\u{2}"), b);
            }
            // New numbers of the same length.
            t.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        char::from(b'0' + 1 + rng.below(9) as u8)
                    } else {
                        c
                    }
                })
                .collect()
        };
        let mut body: Vec<String> = s.body.iter().map(|l| vary(l, &mut rng)).collect();
        for i in (1..body.len()).rev() {
            body.swap(i, rng.below(i + 1));
        }
        let text = format!("{}\n{}", vary(&s.lead, &mut rng), body.join("\n"));
        let date = format!(
            "{}-{:02}-{:02}",
            2025 + rng.below(2),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let rec = serde_json::json!({
            "id": format!("gen-{n:07}"),
            "title": vary(&s.title, &mut rng),
            "published": date,
            "source": "Bench Wire",
            "text": text,
        });
        serde_json::to_writer(&mut out, &rec)?;
        out.write_all(b"\n")?;
        n += 1;
        bytes += text.len();
    }
    out.flush()?;
    Ok((n, bytes))
}

// ---------------------------------------------------------------------------------
// A synthetic graph of a million events.

/// Builds a graph of about `events` events through the library: 200 countries, 40
/// organizations and 2,000 persons; recipients skewed (a few receive most pledges,
/// as Ukraine does); one report in five is another outlet's report of an earlier
/// event (same actor, target and object, 0-2 days later), so merging has work to do.
fn synthetic(events: usize) -> KnowledgeGraph {
    let mut rng = Rng(42);
    let mut entities = Vec::new();
    for i in 0..200 {
        entities.push(Entity::new(
            format!("country:C{i:03}"),
            EntityKind::Country,
            format!("Country {i}"),
        ));
    }
    for i in 0..40 {
        entities.push(Entity::new(
            format!("org:o{i}"),
            EntityKind::Organization,
            format!("Organization {i}"),
        ));
    }
    for i in 0..2000 {
        entities.push(Entity::new(
            format!("person:p{i}"),
            EntityKind::Person,
            format!("Person {i}"),
        ));
    }
    let ids: Vec<String> = entities.iter().map(|e| e.id.clone()).collect();
    let skewed = |rng: &mut Rng| -> usize {
        // Half the time one of the first 10 countries, else any entity.
        if rng.below(2) == 0 {
            rng.below(10)
        } else {
            rng.below(ids.len())
        }
    };
    let reports_wanted = events + events / 4;
    let per_doc = 10;
    let mut docs = Vec::new();
    let mut reports: Vec<Event> = Vec::with_capacity(reports_wanted);
    let mut days: Vec<usize> = Vec::with_capacity(reports_wanted);
    let objects = [
        "send engineers",
        "provide air defence systems",
        "deliver humanitarian aid",
        "finance reconstruction",
        "train troops",
        "host talks",
    ];
    for i in 0..reports_wanted {
        let doc = format!("syn-{:07}", i / per_doc);
        let repeat = i > 100 && rng.below(5) == 0;
        let back = 1 + rng.below(100);
        let day = if repeat {
            days[i - back] + rng.below(3)
        } else {
            rng.below(730)
        };
        days.push(day);
        let date = date_of(day);
        if i % per_doc == 0 {
            docs.push(DocumentMeta {
                id: doc.clone(),
                published: Some(date.clone()),
                digest: format!("{i:016x}"),
                ..DocumentMeta::default()
            });
        }
        let (actor, target, what, kind) = if repeat {
            let old = &reports[i - back];
            (
                old.actor.clone(),
                old.targets[0].clone(),
                old.what.clone(),
                old.kind,
            )
        } else {
            let kind = if rng.below(2) == 0 {
                EventKind::Pledge
            } else {
                EventKind::Statement
            };
            let amount = rng.below(100_000);
            let what = (kind == EventKind::Pledge).then(|| {
                format!(
                    "{} worth ${amount} million",
                    objects[rng.below(objects.len())]
                )
            });
            (
                ids[rng.below(ids.len())].clone(),
                ids[skewed(&mut rng)].clone(),
                what,
                kind,
            )
        };
        let sentence = format!(
            "{actor} said on day {day} that it will {} for {target}, officials told reporters number {i}.",
            what.as_deref().unwrap_or("keep talking")
        );
        reports.push(Event {
            id: format!("ev:{i:016x}"),
            kind,
            actor,
            targets: vec![target],
            what,
            quote: None,
            modality: Modality::default(),
            date: Some(date),
            date_precision: diplograph::DatePrecision::Published,
            cameo: kind.cameo().into(),
            plover: kind.plover().into(),
            evidence: vec![Evidence {
                doc,
                start: 0,
                end: sentence.len(),
                sentence,
            }],
        });
    }
    KnowledgeGraph::from_parts(docs, entities, reports, vec![])
}

/// The date `day` days after 2025-01-01 (days_from_civil inverted, Hinnant).
fn date_of(day: usize) -> String {
    let z = day as i64 + 20_089 + 719_468; // 2025-01-01 is day 20089 of the Unix epoch
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
