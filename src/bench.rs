//! Hooks for the benchmark (`scripts/bench.sh`, `e2e/bench/run.mjs`), called from the page as
//! `window.wasmBindings.bench_*`. They run the app's own code (generator, export file, import
//! plan, guarded IndexedDB store) without the screens in between, so the figures are the
//! app's, not a stand-in's. Nothing in the app calls them.

use crate::platform::clock::{BrowserClock, CryptoIds};
use crate::platform::settings;
use crate::storage::{DB_NAME, IdbStore};
use lobbydesk_core::clock::Clock;
use lobbydesk_core::demo::{Counts, Generator};
use lobbydesk_core::exchange;
use lobbydesk_core::store::guard::{Actor, Guarded};
use lobbydesk_core::sync;
use wasm_bindgen::prelude::*;

fn err(e: impl std::fmt::Debug) -> JsValue {
    JsValue::from_str(&format!("{e:?}"))
}

async fn store() -> Result<Guarded<IdbStore>, JsValue> {
    let s = Guarded::new(
        IdbStore::open(DB_NAME, || {}).await.map_err(err)?,
        Box::new(CryptoIds),
    );
    s.set_actor(Some(Actor::system()));
    Ok(s)
}

/// An export file of `visits` generated visits (from another, made-up tablet).
#[wasm_bindgen]
pub fn bench_make_file(visits: u32, seed: u32) -> String {
    let now = BrowserClock.now();
    let device = lobbydesk_core::DeviceId::from_bytes([0xbe; 16]);
    let recs =
        Generator::new(u64::from(seed), device, now).generate(Counts::visits(visits as usize));
    exchange::encode("基准测试", device, now, None, "all", recs)
}

/// Imports a file as the import screen does (check, plan against what is here, one
/// transaction). Returns `[milliseconds, records written, read ms, plan ms, write ms]`.
#[wasm_bindgen]
pub async fn bench_import(text: String) -> Result<Vec<f64>, JsValue> {
    let t0 = js_sys::Date::now();
    let s = store().await?;
    let device = settings::device_id(&CryptoIds);
    let checked = exchange::read(text.as_bytes(), device, BrowserClock.now()).map_err(err)?;
    drop(text);
    let t_read = js_sys::Date::now();
    let mut hlc = settings::hlc(device);
    let now = BrowserClock.now();
    let at = lobbydesk_core::Stamp {
        now,
        version: hlc.tick(now.timestamp_millis() as u64),
    };
    let plan = sync::plan_import(&s, &checked, at, at.version)
        .await
        .map_err(err)?;
    let t_plan = js_sys::Date::now();
    s.import(&plan.writes, &plan.expected, "bench", Vec::new(), at, None)
        .await
        .map_err(err)?;
    let t_end = js_sys::Date::now();
    Ok(vec![
        t_end - t0,
        plan.writes.len() as f64,
        t_read - t0,
        t_plan - t_read,
        t_end - t_plan,
    ])
}

/// Exports everything as the export screen does (without the download). Returns
/// `[milliseconds, records, characters]` (UTF-16 units).
#[wasm_bindgen]
pub async fn bench_export() -> Result<Vec<f64>, JsValue> {
    let t0 = js_sys::Date::now();
    let s = store().await?;
    let device = settings::device_id(&CryptoIds);
    let now = BrowserClock.now();
    let t = s
        .inner()
        .export_text(None, |n| {
            exchange::header("基准测试", device, now, None, "all", n, "")
        })
        .await
        .map_err(err)?;
    let len = t.file.unchecked_ref::<js_sys::JsString>().length();
    Ok(vec![js_sys::Date::now() - t0, t.records as f64, len as f64])
}

/// Bytes of the app's wasm memory.
#[wasm_bindgen]
pub fn bench_wasm_memory() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(0.0)
}

/// Search keys taken from stored visits, `n` of each: `{"name": [...], "phone": [...],
/// "plate": [...], "id4": [...]}` as JSON.
#[wasm_bindgen]
pub async fn bench_samples(n: u32) -> Result<String, JsValue> {
    use lobbydesk_core::modules::visitors::Visit;
    use lobbydesk_core::store::{ListQuery, RecordStore};
    let s = store().await?;
    let page = s
        .list(&ListQuery::recent(
            <Visit as lobbydesk_core::Record>::KIND,
            5000,
        ))
        .await
        .map_err(err)?;
    let visits: Vec<Visit> = page.items.iter().filter_map(|e| e.decode().ok()).collect();
    let step = (visits.len() / (n as usize).max(1)).max(1);
    let mut out: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for v in visits.iter().step_by(step) {
        let mut push = |k, val: Option<String>| {
            let list = out.entry(k).or_default();
            if let Some(val) = val.filter(|v| !v.is_empty())
                && list.len() < n as usize
                && !list.contains(&val)
            {
                list.push(val);
            }
        };
        push("name", Some(v.name.clone()));
        push("phone", v.phone.as_ref().map(|p| p.digits().to_string()));
        push("plate", v.plate.as_ref().map(|p| p.as_str().to_string()));
        push("id4", v.id_doc.as_ref().map(|d| d.last4()));
    }
    serde_json::to_string(&out).map_err(err)
}

/// The rows the app's store would write for the file's records (same shape as IndexedDB holds
/// them: kind, id, change key, index entries, document), as one JSON array: the baseline that
/// writes exactly what the app writes, with the same indexes.
#[wasm_bindgen]
pub fn bench_stored_rows(text: &str) -> Result<String, JsValue> {
    #[derive(serde::Deserialize)]
    struct File {
        records: Vec<lobbydesk_core::Envelope>,
    }
    let f: File = serde_json::from_str(text).map_err(err)?;
    let mut out = String::from("[");
    for (i, r) in f.records.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&crate::storage::idb::stored_json(r).map_err(err)?);
    }
    out.push(']');
    Ok(out)
}
