#!/usr/bin/env bash
# Scores the extractor on an annotated folder (article *.txt + gold *.json side by side).
# Usage: tools/score-corpus.sh DIR [score.py flags...]   (needs ../shared/tools/score.py)
set -euo pipefail
dir=${1:?usage: tools/score-corpus.sh DIR [--errors]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
scorer=${SCORER:-$root/../shared/tools/score.py}
bin=${BIN:-$root/target/release/diplograph}
[ -x "$bin" ] || (cd "$root" && cargo build --release -q)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gold" "$tmp/pred"
for g in "$dir"/*.json; do
  id=$(basename "$g" .json)
  cp "$g" "$tmp/gold/$id.json"
  "$bin" extract "$dir/$id.txt" --format json > "$tmp/pred/$id.json"
done
python3 "$scorer" --gold "$tmp/gold" --pred "$tmp/pred" "$@"
