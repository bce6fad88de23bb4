//! `navigator.storage`: persistence (so the browser does not evict the desk's data) and quota.

use js_sys::{Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    let has = Reflect::has(&nav, &JsValue::from_str("storage")).unwrap_or(false);
    has.then(|| nav.storage())
}

async fn bool_promise(p: Result<Promise, JsValue>) -> Option<bool> {
    JsFuture::from(p.ok()?).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's data (called once at start). `None` where unsupported.
pub async fn request_persist() -> Option<bool> {
    bool_promise(manager()?.persist()).await
}

/// Whether persistence was granted.
pub async fn persisted() -> Option<bool> {
    bool_promise(manager()?.persisted()).await
}

/// Bytes used and bytes available to this site, as the browser estimates them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

pub async fn estimate() -> Option<Estimate> {
    let v = JsFuture::from(manager()?.estimate().ok()?).await.ok()?;
    let get = |k: &str| {
        Reflect::get(&v, &JsValue::from_str(k))
            .ok()
            .and_then(|x| x.as_f64())
    };
    Some(Estimate {
        usage: get("usage")?,
        quota: get("quota")?,
    })
}

/// A byte count for people: "12.3 MB".
pub fn human_bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n.max(0.0);
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} {}", UNITS[u])
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
