//! Signing release passes with this tablet's own ECDSA P-256 key, and checking another tablet's
//! signature, through the browser's WebCrypto (SHA-256; signatures as r‖s, 64 bytes). The key
//! pair is made once, with its private half not extractable, and kept in a small IndexedDB
//! database of its own (`lobbydesk-device-keys`): it never goes into an export, a setting or
//! the records; only the public half travels, as a record (see
//! [`lobbydesk_core::modules::release_passes::ticket`]). Clearing the browser's data makes a
//! new pair at the next approval; passes signed before still check, as their key stays on record.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
function ask(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
async function pair() {
  const open = indexedDB.open('lobbydesk-device-keys', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('keys');
  const db = await ask(open);
  try {
    let p = await ask(db.transaction('keys').objectStore('keys').get('pass'));
    if (!p) {
      const made = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      const tx = db.transaction('keys', 'readwrite');
      // Another tab may have made one meanwhile: the first kept stays.
      const add = tx.objectStore('keys').add(made, 'pass');
      add.onerror = (e) => e.preventDefault();
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = resolve; tx.onabort = () => reject(tx.error); });
      p = await ask(db.transaction('keys').objectStore('keys').get('pass'));
    }
    return p;
  } finally {
    db.close();
  }
}
export async function ld_pass_public() {
  const p = await pair();
  return new Uint8Array(await crypto.subtle.exportKey('raw', p.publicKey));
}
export async function ld_pass_sign(view) {
  const data = view.slice();
  const p = await pair();
  const pub = new Uint8Array(await crypto.subtle.exportKey('raw', p.publicKey));
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, p.privateKey, data));
  return [pub, sig];
}
export async function ld_pass_verify(pubView, dataView, sigView) {
  const pub = pubView.slice(), data = dataView.slice(), sig = sigView.slice();
  try {
    const k = await crypto.subtle.importKey('raw', pub, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, k, sig, data);
  } catch (_) {
    return false;
  }
}
"#)]
extern "C" {
    fn ld_pass_public() -> Promise;
    fn ld_pass_sign(data: &[u8]) -> Promise;
    fn ld_pass_verify(public: &[u8], data: &[u8], signature: &[u8]) -> Promise;
}

/// This tablet's public key (the pair is made at the first call): a P-256 point, 65 bytes.
pub async fn public() -> Result<Vec<u8>, String> {
    JsFuture::from(ld_pass_public())
        .await
        .map(|v| Uint8Array::new(&v).to_vec())
        .map_err(|e| format!("{e:?}"))
}

/// Signs `payload` with this tablet's key (made at the first call): `(public key, signature)`.
pub async fn sign(payload: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let out = JsFuture::from(ld_pass_sign(payload))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let part = |i: u32| {
        Reflect::get_u32(&out, i)
            .map(|v| Uint8Array::new(&v).to_vec())
            .map_err(|e| format!("{e:?}"))
    };
    Ok((part(0)?, part(1)?))
}

/// Whether `signature` over `payload` is by the holder of `public` (a P-256 point, 65 bytes).
pub async fn verify(public: &[u8], payload: &[u8], signature: &[u8]) -> bool {
    JsFuture::from(ld_pass_verify(public, payload, signature))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
