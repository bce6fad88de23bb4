//! Reading a spreadsheet file through the import worker (`src/bin/sheet_worker.rs`).
//!
//! ```ignore
//! let table = read_spreadsheet(file).await?;   // Table { headers, rows, source }
//! ```

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use lobbydesk_core::sheet::{SheetError, Table};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's loader, written by trunk next to `index.html`.
const WORKER_URL: &str = "/sheet_worker_loader.js";

fn unreadable(e: impl std::fmt::Debug) -> SheetError {
    SheetError::Unreadable(format!("{e:?}"))
}

/// The next message from the worker, as text.
async fn next_message(worker: &Worker) -> Result<String, SheetError> {
    let w = worker.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |ev: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &ev.data());
        });
        let on_error = Closure::once_into_js(move |ev: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &ev);
        });
        w.set_onmessage(Some(on_message.unchecked_ref()));
        w.set_onerror(Some(on_error.unchecked_ref()));
    });
    let v = JsFuture::from(promise)
        .await
        .map_err(|_| SheetError::Unreadable("the import worker failed to start".into()))?;
    v.as_string()
        .ok_or_else(|| unreadable("a message that is not text"))
}

/// Reads an .xlsx or .csv file in the worker.
pub async fn read_spreadsheet(file: &web_sys::File) -> Result<Table, SheetError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(unreadable)?;
    let bytes = Uint8Array::new(&buffer);
    if bytes.length() == 0 {
        return Err(SheetError::Empty);
    }
    let worker = Worker::new(WORKER_URL).map_err(unreadable)?;
    let result = async {
        if next_message(&worker).await? != "ready" {
            return Err(unreadable("the worker did not start"));
        }
        let msg = Object::new();
        Reflect::set(&msg, &"name".into(), &JsValue::from_str(&file.name())).map_err(unreadable)?;
        Reflect::set(&msg, &"bytes".into(), &bytes).map_err(unreadable)?;
        let reply = next_message(&worker);
        worker
            .post_message_with_transfer(&msg, &Array::of1(&buffer))
            .map_err(unreadable)?;
        let json = reply.await?;
        serde_json::from_str::<Result<Table, SheetError>>(&json).map_err(unreadable)?
    }
    .await;
    worker.terminate();
    result
}
