#!/usr/bin/env bash
# Creates .venv in the repository root with the pinned Python consumers of the exports
# (tools/requirements.txt): networkx, pandas, pyarrow, duckdb, matplotlib, nbclient...
# Idempotent: an up-to-date .venv is left alone (a stamp records the requirements it
# was built from); a changed requirements file reinstalls. `cargo test` runs the
# Python tests (tests/it/python.rs) whenever .venv exists.
# Usage: tools/setup-python.sh            (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
req="$root/tools/requirements.txt"
stamp="$venv/.requirements.sha256"
python=${PYTHON:-python3}

want=$(sha256sum "$req" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "setup-python: $venv is up to date"
  exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip==26.3"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
echo "$want" > "$stamp"
echo "setup-python: $venv ready ($("$venv/bin/python" --version))"
