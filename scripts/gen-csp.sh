#!/usr/bin/env bash
# Run by gen-sw.sh (trunk's post_build hook) before it lists the files: puts a strict Content Security Policy into
# index.html, allowing exactly the inline loader script trunk wrote for this build (by its
# SHA-256) and nothing from another origin. The e2e suite fails on any CSP violation.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
python3 - "$staging/index.html" <<'PY'
import base64, hashlib, re, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
hashes = [
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
]
policy = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta, 1)
if meta not in html:
    sys.exit("gen-csp: no <meta charset> to put the policy after")
open(path, "w", encoding="utf-8").write(html)
print("gen-csp: %d inline script(s) allowed by hash" % len(hashes))
PY
