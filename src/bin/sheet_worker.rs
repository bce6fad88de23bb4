//! The spreadsheet import worker: reads an .xlsx or .csv (UTF-8 or GBK) into a table of strings
//! off the main thread. It is its own wasm (built by trunk as a worker), loaded only when a clerk
//! imports, so the spreadsheet readers never weigh on the app's start-up.
//!
//! Protocol: the worker posts `"ready"` once it listens; then each message `{name, bytes}` is
//! answered with the JSON of `Result<Table, SheetError>`.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let name = Reflect::get(&data, &JsValue::from_str("name"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let bytes = Reflect::get(&data, &JsValue::from_str("bytes"))
            .map(|b| Uint8Array::new(&b).to_vec())
            .unwrap_or_default();
        let result = lobbydesk_core::sheet::read(&name, &bytes);
        let json = serde_json::to_string(&result)
            .unwrap_or_else(|e| format!("{{\"Err\":{{\"Unreadable\":\"{e}\"}}}}"));
        let _ = reply.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
