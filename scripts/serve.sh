#!/usr/bin/env bash
# Builds the release app into dist/ and serves it at http://127.0.0.1:8080 (PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
source scripts/env.sh
trunk build --release --offline
exec node e2e/serve.mjs dist "${PORT:-8080}"
