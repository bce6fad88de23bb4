// What each module adds to the wasm: the code of the functions whose (mangled) names mention
// `modules::<name>` in the app or the core, read from the name section of cargo's own output
// (target/wasm32-unknown-unknown/release/lobbydesk.wasm, before wasm-bindgen and wasm-opt strip
// the names). A generic function instantiated for a module's type counts for that module; code
// shared by every module (Leptos, the kernel, serde) counts for none. Shares of the pre-opt code
// are applied to the shipped gzip size for an estimate of each module's cost.
import fs from 'node:fs';

function reader(buf) {
  let pos = 0;
  const r = {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    byte: () => buf[pos++],
    u32: () => {
      let result = 0, shift = 0, b;
      do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    bytes: (n) => { const s = buf.subarray(pos, pos + n); pos += n; return s; },
    name: () => r.bytes(r.u32()).toString('utf8'),
  };
  return r;
}

function limits(r) {
  const flag = r.byte();
  r.u32();
  if (flag & 1) r.u32();
}

export function moduleSizes(path) {
  const buf = fs.readFileSync(path);
  const r = reader(buf);
  r.pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        r.name(); r.name();
        const kind = r.byte();
        if (kind === 0) { imported++; r.u32(); }
        else if (kind === 1) { r.byte(); limits(r); }
        else if (kind === 2) limits(r);
        else if (kind === 3) { r.byte(); r.byte(); }
        else if (kind === 4) { r.byte(); r.u32(); }
      }
    } else if (id === 10) {
      for (let n = r.u32(); n > 0; n--) {
        const len = r.u32();
        bodies.push(len);
        r.pos += len;
      }
    } else if (id === 0 && r.name() === 'name') {
      while (r.pos < end) {
        const sub = r.byte();
        const len = r.u32();
        const subEnd = r.pos + len;
        if (sub === 1) {
          for (let n = r.u32(); n > 0; n--) names.set(r.u32(), r.name());
        }
        r.pos = subEnd;
      }
    }
    r.pos = end;
  }
  const total = bodies.reduce((a, b) => a + b, 0);
  const per = new Map();
  bodies.forEach((len, i) => {
    const name = names.get(i + imported) || '';
    const found = new Set();
    for (const m of name.matchAll(/7modules(\d+)([A-Za-z_][A-Za-z0-9_]*)/g)) {
      found.add(m[2].slice(0, Number(m[1])));
    }
    for (const m of name.matchAll(/modules(?:\.\.|::)([a-z_]+)/g)) found.add(m[1]);
    for (const m of found) per.set(m, (per.get(m) || 0) + len / found.size);
  });
  return { total, named: names.size, modules: [...per.entries()].sort((a, b) => b[1] - a[1]) };
}

// `node e2e/bench/module-sizes.mjs [path] [shipped gzip bytes]` prints the table alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] || 'target/wasm32-unknown-unknown/release/lobbydesk.wasm';
  const shipped = Number(process.argv[3] || 0);
  const { total, named, modules } = moduleSizes(path);
  console.log(`${path}: ${(total / 1024).toFixed(0)} KiB of code in ${named} named functions`);
  for (const [m, bytes] of modules) {
    const share = bytes / total;
    const est = shipped ? `, ≈ ${(share * shipped / 1024).toFixed(1)} KiB of the shipped gzip` : '';
    console.log(`  ${m.padEnd(14)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB (${(share * 100).toFixed(1)}%)${est}`);
  }
}
