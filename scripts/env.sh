# Sourced by the scripts: tools installed by cargo, and binaryen's wasm-opt from npm, on PATH.
# (Debian's own wasm-opt 108 breaks wasm-bindgen 0.2.130's output, so ours comes first.)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
