"""examples/notebook.ipynb runs top to bottom, headless, on a fresh export.

nbclient executes every cell in a real IPython kernel (any cell error fails the
test); then the "who pledged what to Ukraine" cell must name every actor the Rust
side lists for `diplograph pledges --to Ukraine`, and the two figures must exist.
"""

import nbformat
from nbclient import NotebookClient

from conftest import ROOT


def output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append(out["text"])
        parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_notebook_runs_headless(exports, tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_EXPORTS", str(exports.dir))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    client = NotebookClient(
        nb,
        timeout=90,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    [cell] = [c for c in nb.cells if "who-pledged-ukraine" in c.metadata.get("tags", [])]
    shown = output_text(cell)
    actors = {p["by"] for p in exports.ukraine}
    assert actors, "the sample articles report pledges to Ukraine"
    for actor in actors:
        assert actor in shown, f"{actor} missing from the notebook's answer:\n{shown}"

    for png in ["pledges_per_actor.png", "pledge_graph.png"]:
        data = (exports.dir / png).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, png
