#!/usr/bin/env bash
# Runs every test of LobbyDesk, installing what is missing first:
#   1. the domain core (cargo test, native), with the storage conformance suite on memory;
#   2. the same conformance suite on real IndexedDB in headless Chromium (wasm-bindgen-test);
#   3. the release build (built once, reused by every end-to-end test);
#   4. Playwright end-to-end tests in Chromium at 1280x800 and 800x1280.
# Stops at the first failing step, with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
source scripts/env.sh
logs=$(mktemp -d)
step() { echo; echo "== $1"; }
started=$(date +%s)

step "formatting"
cargo fmt --all -- --check

step "kernel and core: cargo test -p lobbydesk-kernel -p lobbydesk-core"
cargo test -p lobbydesk-kernel -p lobbydesk-core 2>&1 | tee "$logs/core.log"

step "in headless Chromium: storage conformance on IndexedDB, export encryption on WebCrypto"
cargo test -p lobbydesk --target wasm32-unknown-unknown --test storage_idb --test crypto 2>&1 | tee "$logs/idb.log"

step "release build (trunk, offline)"
trunk build --release --offline
for f in dist/*.wasm dist/lobbydesk-*.js; do
  printf '%-48s %8d bytes, %8d gzip\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done

step "end to end: Playwright in Chromium"
(cd e2e && npx playwright test) 2>&1 | tee "$logs/e2e.log"

step "benchmark, small: 2,000 records (figures printed, not asserted)"
node e2e/bench/run.mjs 2000 2>&1 | tee "$logs/bench.log"

passed=$(grep -hoE 'test result: ok\. [0-9]+ passed' "$logs/core.log" "$logs/idb.log" | awk '{ n += $4 } END { print n + 0 }')
e2e=$(grep -oE '^ +[0-9]+ passed' "$logs/e2e.log" | grep -oE '[0-9]+' | tail -1)
echo
echo "all steps passed in $(( $(date +%s) - started )) s"
echo "total: $((passed + ${e2e:-0})) passed, 0 failed"
