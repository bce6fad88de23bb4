//! Bulk reads and writes in one call across the wasm/JS boundary. Going request by request
//! through Rust futures cost ~1 ms per record on a throttled tablet CPU (measured by the
//! benchmark: planning a 2,000-record import took 3.6 s); here the keys or rows cross as one
//! JSON text, the browser parses it natively and issues every request in one transaction, and
//! the answer comes back as one JSON text.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
function done(tx, value) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(value());
    // A failed request does not end the transaction by itself once its error is handled: the
    // other requests would still commit. Abort, so nothing of a failed write lands.
    tx.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      const error = tx.error || (e && e.target && e.target.error);
      try { tx.abort(); } catch (_) { /* already finished */ }
      reject(error);
    };
    tx.onabort = () => reject(tx.error || new DOMException('The transaction was aborted', 'AbortError'));
  });
}
export function ld_get_many(db, store, keysJson) {
  const keys = JSON.parse(keysJson);
  const tx = db.transaction(store, 'readonly');
  const s = tx.objectStore(store);
  const out = new Array(keys.length).fill('null');
  keys.forEach((k, i) => {
    const r = s.get(k);
    r.onsuccess = () => { if (r.result !== undefined) out[i] = r.result.doc; };
  });
  return done(tx, () => '[' + out.join(',') + ']');
}
export function ld_changes(db, store, index, after, limit) {
  const tx = db.transaction(store, 'readonly');
  const ix = tx.objectStore(store).index(index);
  const range = after == null ? IDBKeyRange.lowerBound('') : IDBKeyRange.lowerBound(after, true);
  let text = '{"next":null,"items":[]}';
  const r = ix.getAll(range, limit + 1);
  r.onsuccess = () => {
    const rows = r.result;
    const take = rows.length > limit ? rows.slice(0, limit) : rows;
    const next = rows.length > limit ? take[take.length - 1].v : null;
    text = '{"next":' + JSON.stringify(next) + ',"items":[' + take.map((x) => x.doc).join(',') + ']}';
  };
  return done(tx, () => text);
}
export function ld_list(db, store, index, lower, upper, upperOpen, mode, a, b, limit) {
  // Which index values the query covers (mode 0 all, 1 exact, 2 prefix, 3 between).
  const covers = mode === 1 ? (v) => v === a : mode === 2 ? (v) => v.startsWith(a)
    : mode === 3 ? (v) => a <= v && v <= b : () => true;
  let range;
  try { range = IDBKeyRange.bound(lower, upper, false, upperOpen); }
  catch (e) { return Promise.resolve('{"next":null,"items":[]}'); }
  const tx = db.transaction(store, 'readonly');
  const req = tx.objectStore(store).index(index).openCursor(range, 'prev');
  const items = [];
  const seen = new Set();
  let last = null;
  let next = null;
  req.onsuccess = () => {
    const c = req.result;
    if (!c) return;
    const key = c.key;
    if (!covers(key[2])) { c.continue(); return; }
    if (items.length === limit) { next = last; return; }
    if (!seen.has(key[4])) { seen.add(key[4]); items.push(c.value.doc); }
    last = key;
    c.continue();
  };
  return done(tx, () => '{"next":' + JSON.stringify(next) + ',"items":[' + items.join(',') + ']}');
}
export function ld_export_records(db, store, index, after, travelling) {
  const travels = new Set(travelling);
  const tx = db.transaction(store, 'readonly');
  const ix = tx.objectStore(store).index(index);
  const range = after == null ? IDBKeyRange.lowerBound('') : IDBKeyRange.lowerBound(after, true);
  const docs = [];
  let mark = after;
  const r = ix.getAll(range);
  r.onsuccess = () => {
    for (const row of r.result) {
      mark = row.v;
      // Only kinds that travel (the registry's): this tablet's own bookkeeping never leaves it.
      if (!travels.has(row.k)) continue;
      let d = row.doc;
      // When this tablet received a version stays here (the envelope's meta comes before its body).
      const b = d.indexOf(',"body":');
      if (b > 0 && d.lastIndexOf(',"received":"', b) > 0) {
        d = d.slice(0, b).replace(/,"received":"[^"]*"/, '') + d.slice(b);
      }
      docs.push(d);
    }
  };
  return done(tx, () => ({ docs, mark }));
}
export async function ld_seal_export(docs, extra, head) {
  let records = '[' + docs.join(',');
  if (extra) records += (docs.length ? ',' : '') + extra;
  records += ']';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(records));
  const hex = Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('');
  return head.replace('"checksum":""', '"checksum":"' + hex + '"').slice(0, -1) + ',"records":' + records + '}';
}
export function ld_put_rows(db, store, rowsJson) {
  const rows = JSON.parse(rowsJson);
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  const s = tx.objectStore(store);
  try {
    for (const r of rows) s.put(r);
  } catch (e) {
    // A row refused at once (a bad key): the rows already queued must not commit either.
    try { tx.abort(); } catch (_) { /* already finished */ }
    return Promise.reject(e);
  }
  if (tx.commit) tx.commit();
  return done(tx, () => rows.length);
}
export function ld_put_rows_if(db, store, rowsJson, expectJson) {
  // The rows are written only if every expected record still has its expected change key
  // (null: still absent), read in the same transaction: nothing can come in between.
  const rows = JSON.parse(rowsJson);
  const expect = JSON.parse(expectJson);
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  const s = tx.objectStore(store);
  let changed = null;
  let failure = null;
  let left = expect.length;
  const write = () => {
    try {
      for (const r of rows) s.put(r);
    } catch (e) {
      failure = e;
      try { tx.abort(); } catch (_) { /* already finished */ }
      return;
    }
    if (tx.commit) tx.commit();
  };
  for (const [k, id, v] of expect) {
    const req = s.get([k, id]);
    req.onsuccess = () => {
      if (changed || failure) return;
      const now = req.result ? req.result.v : null;
      if (now !== v) {
        changed = [k, id];
        try { tx.abort(); } catch (_) { /* already finished */ }
        return;
      }
      if (--left === 0) write();
    };
  }
  if (left === 0) write();
  return done(tx, () => rows.length).catch((e) => {
    throw changed ? { ldChanged: changed } : (failure || e);
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    pub fn ld_get_many(db: &JsValue, store: &str, keys_json: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    pub fn ld_changes(
        db: &JsValue,
        store: &str,
        index: &str,
        after: Option<String>,
        limit: u32,
    ) -> Result<Promise, JsValue>;
    /// One page of a listing, walked backwards by cursor inside the browser: JSON text
    /// `{next: index key | null, items: [document]}`.
    #[wasm_bindgen(catch)]
    pub fn ld_list(
        db: &JsValue,
        store: &str,
        index: &str,
        lower: &JsValue,
        upper: &JsValue,
        upper_open: bool,
        mode: u32,
        a: &str,
        b: &str,
        limit: u32,
    ) -> Result<Promise, JsValue>;
    /// `{docs: [document text], mark}`: every record of a `travelling` kind changed after
    /// `after`.
    #[wasm_bindgen(catch)]
    pub fn ld_export_records(
        db: &JsValue,
        store: &str,
        index: &str,
        after: Option<String>,
        travelling: Vec<String>,
    ) -> Result<Promise, JsValue>;
    /// The whole file text: records joined, hashed with WebCrypto, spliced after `head`.
    #[wasm_bindgen(catch)]
    pub fn ld_seal_export(docs: &JsValue, extra: &str, head: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    pub fn ld_put_rows(db: &JsValue, store: &str, rows_json: &str) -> Result<Promise, JsValue>;
    /// `ld_put_rows` if every `[kind, id, change key | null]` of `expect_json` still holds;
    /// otherwise rejects with `{ldChanged: [kind, id]}` and writes nothing.
    #[wasm_bindgen(catch)]
    pub fn ld_put_rows_if(
        db: &JsValue,
        store: &str,
        rows_json: &str,
        expect_json: &str,
    ) -> Result<Promise, JsValue>;
}
