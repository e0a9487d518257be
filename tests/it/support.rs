//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built `diplograph` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_diplograph"))
}

/// Runs the binary with `args` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

/// Runs the binary with `args`, feeding `stdin`.
pub fn run_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("binary runs")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary directory for one test.
///
/// The first call also removes what earlier test runs left behind (directories of
/// processes that are gone), so repeated runs do not fill the temporary directory.
pub fn tempdir(name: &str) -> PathBuf {
    static SWEPT: std::sync::Once = std::sync::Once::new();
    SWEPT.call_once(sweep_stale_tempdirs);
    let d = std::env::temp_dir().join(format!("diplograph-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Removes `diplograph-it-<pid>-*` entries of processes that no longer run (where
/// `/proc` tells; elsewhere nothing is removed).
fn sweep_stale_tempdirs() {
    if !std::path::Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix("diplograph-it-")) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            let path = entry.path();
            let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
        }
    }
}

/// The team's shared folder (`../shared`), when present.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.join("seed/article.txt").exists().then_some(p)
}

/// Is this a CI run (where a skipped test is a failure)?
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Is a program on the PATH?
pub fn has_program(name: &str) -> bool {
    Command::new(name).arg("-V").output().is_ok()
}

/// Reports a skipped test; in CI a skip fails the test.
pub fn skip(test: &str, why: &str) {
    if in_ci() {
        panic!("{test}: cannot run in CI: {why}");
    }
    eprintln!("SKIPPED {test}: {why}");
}

/// Reports a test skipped because the team's `../shared` folder is missing. This is
/// never a failure, not even in CI: the tests must pass on a machine without it.
pub fn skip_without_shared(test: &str) {
    eprintln!("SKIPPED {test}: ../shared (seed article and scorer) not present");
}

/// The annotated sample articles (`data/corpus/dev`).
pub fn dev_corpus() -> PathBuf {
    root().join("data/corpus/dev")
}

/// A store built once per test run from the sample articles (a multi-article graph),
/// shared by the tests that only read it.
pub fn dev_store() -> &'static Path {
    static STORE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempdir("dev-store");
        let corpus = dev_corpus();
        let o = run(
            &dir,
            &[
                "ingest",
                corpus.to_str().expect("utf-8 path"),
                "--graph",
                "dev.ron",
            ],
        );
        assert!(o.status.success(), "ingest failed: {}", stderr(&o));
        dir.join("dev.ron")
    })
}
