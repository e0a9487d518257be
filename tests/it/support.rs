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
pub fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("diplograph-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
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
