#!/usr/bin/env bash
# The main job on the bundled sample articles, from a fresh clone:
# build the graph, print who pledged what, write a DOT diagram (and an SVG when
# Graphviz is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/diplograph
mkdir -p out
"$bin" ingest data/corpus/dev --graph out/diplograph.ron
echo
echo "== Who pledged what"
"$bin" pledges --graph out/diplograph.ron
"$bin" export --format dot --graph out/diplograph.ron -o out/diplograph.dot
echo
echo "wrote out/diplograph.ron (store) and out/diplograph.dot (diagram)"
if command -v dot >/dev/null 2>&1; then
  dot -Tsvg out/diplograph.dot -o out/diplograph.svg
  echo "wrote out/diplograph.svg"
fi
