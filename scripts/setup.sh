#!/usr/bin/env bash
# Installs what LobbyDesk needs on a fresh Debian 12 machine with Rust by rustup, from the
# package registries only. Idempotent (skips what is present) and non-interactive.
#
#   bash scripts/setup.sh build   # what building needs: wasm target, trunk, wasm-bindgen, npm tools
#   bash scripts/setup.sh test    # the above, plus Chromium and its driver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
what="${1:-test}"
say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Debian packages. Node.js and npm come with this kind of machine; installed here if missing.
pkgs=()
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
if [ "$what" = test ]; then
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  # A CJK font, so screenshots show Chinese text rather than boxes.
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || pkgs+=(fonts-wqy-microhei)
fi
if [ ${#pkgs[@]} -gt 0 ]; then
  say "apt-get install ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
fi

# The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.21 (0.22 needs a newer rustc).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "cargo install trunk 0.21 (about 10 minutes)"
  cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen, which Trunk.toml must pin too.
wbg=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "^wasm_bindgen = \"$wbg\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$wbg\", the version in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "cargo install wasm-bindgen-cli $wbg"
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# npm tools: Playwright (library only; the browser is Debian's) and binaryen's wasm-opt.
lock_sum=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
stamp=e2e/node_modules/.lobbydesk-lock
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  say "npm ci in e2e/"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  echo "$lock_sum" > "$stamp"
fi
say "ready ($what)"
