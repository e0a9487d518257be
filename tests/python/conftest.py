"""Fixtures for the Python consumers of diplograph's exports.

One session-wide graph: the sample articles (data/corpus/dev) plus an invented
article full of characters that writers must escape (fixtures/hostile.txt), ingested
with the built binary (env DIPLOGRAPH_BIN, else target/debug/diplograph) and exported
in every format into one directory. The Rust side's own answers -- `entities`,
`pledges --all`, `statements` as JSON, and the node-link JSON -- are what each
consumer's reading is checked against.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ["json", "csv", "graphml", "gexf", "parquet", "plover", "neo4j"]


def binary() -> Path:
    env = os.environ.get("DIPLOGRAPH_BIN")
    path = Path(env) if env else ROOT / "target" / "debug" / "diplograph"
    if not path.exists():
        pytest.fail(f"{path}: no diplograph binary; run `cargo build` or set DIPLOGRAPH_BIN")
    return path


def run(*args: str, cwd: Path) -> str:
    """Runs the binary and returns its standard output; fails the test on error."""
    proc = subprocess.run(
        [str(binary()), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    if proc.returncode != 0:
        pytest.fail(f"diplograph {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return proc.stdout


class Exports:
    """The export directory and the Rust side's answers for the same store."""

    def __init__(self, dir: Path, store: Path):
        self.dir = dir
        self.store = store
        g = ["--graph", str(store)]
        self.node_link = json.loads((dir / "diplograph.json").read_text(encoding="utf-8"))
        self.entities = json.loads(run("entities", "--format", "json", *g, cwd=dir))
        self.pledges = json.loads(run("pledges", "--format", "json", "--all", *g, cwd=dir))
        self.statements = json.loads(run("statements", "--format", "json", *g, cwd=dir))
        self.ukraine = json.loads(run("pledges", "--to", "Ukraine", "--format", "json", *g, cwd=dir))

    @property
    def event_count(self) -> int:
        return self.node_link["graph"]["events"]

    @property
    def entity_ids(self) -> set:
        return {e["id"] for e in self.entities}

    @property
    def edges(self) -> list:
        return self.node_link["edges"]


def build_exports(dir: Path) -> Exports:
    dir.mkdir(parents=True, exist_ok=True)
    store = dir / "graph.ron"
    run(
        "ingest",
        str(ROOT / "data" / "corpus" / "dev"),
        str(ROOT / "tests" / "python" / "fixtures" / "hostile.txt"),
        "--graph",
        str(store),
        cwd=dir,
    )
    out = dir / "exports"
    out.mkdir()
    for fmt in FORMATS:
        run("export", "--graph", str(store), "--format", fmt, "-o", str(out), cwd=dir)
    return Exports(out, store)


@pytest.fixture(scope="session")
def exports(tmp_path_factory) -> Exports:
    return build_exports(tmp_path_factory.mktemp("diplograph"))
