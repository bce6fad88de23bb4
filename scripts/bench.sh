#!/usr/bin/env bash
# The benchmark: release build, then e2e/bench/run.mjs (Chromium, CPU 4x throttled, 1280x800).
#   bash scripts/bench.sh            100,000 records; the table is also written to BENCHMARKS.md
#   bash scripts/bench.sh 2000       a small run (CI does this); prints only
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
source scripts/env.sh
n="${1:-100000}"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  trunk build --release --offline
fi
if [ "$n" = 100000 ]; then
  node e2e/bench/run.mjs "$n" --write BENCHMARKS.md
else
  node e2e/bench/run.mjs "$n"
fi
