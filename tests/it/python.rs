//! The exports loaded by their real consumers: runs `tests/python` (pytest: networkx,
//! pandas, pyarrow, DuckDB, and the notebook under nbclient) with the built binary.
//!
//! Needs the pinned virtual environment `.venv` (`tools/setup-python.sh`); without it
//! the test says SKIPPED, and under CI=true a skip fails.

use crate::support::*;
use std::process::Command;

#[test]
fn python_consumers_load_every_export() {
    let python = root().join(".venv/bin/python");
    if !python.exists() {
        skip(
            "python_consumers_load_every_export",
            "no .venv (run tools/setup-python.sh)",
        );
        return;
    }
    let o = Command::new(&python)
        .args([
            "-m",
            "pytest",
            "tests/python",
            "-q",
            "-p",
            "no:cacheprovider",
        ])
        .current_dir(root())
        .env("DIPLOGRAPH_BIN", bin())
        .env("MPLBACKEND", "Agg")
        .output()
        .expect("python runs");
    let out = format!("{}{}", stdout(&o), stderr(&o));
    assert!(o.status.success(), "pytest failed:\n{out}");
    assert!(out.contains(" passed"), "pytest ran no test:\n{out}");
    assert!(!out.contains(" skipped"), "pytest skipped tests:\n{out}");
}
