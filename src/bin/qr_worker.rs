//! The QR reading worker: finds and decodes a QR code in a camera frame with `rqrr` (a Rust
//! port of quirc), for browsers without `BarcodeDetector` (desktop Chromium on Linux and
//! Windows, Firefox). Its own wasm, fetched only when a camera scan starts, so the decoder never
//! weighs on the app's start-up.
//!
//! Protocol: the worker posts `"ready"` once it listens; then each message `{width, height,
//! grey}` (one byte per pixel) is answered with the text of the first QR code read, or `""`.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn read(width: usize, height: usize, grey: &[u8]) -> String {
    if width == 0 || height == 0 || grey.len() < width * height {
        return String::new();
    }
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| grey[y * width + x]);
    img.detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
        .unwrap_or_default()
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let width = field(&data, "width").as_f64().unwrap_or(0.0) as usize;
        let height = field(&data, "height").as_f64().unwrap_or(0.0) as usize;
        let grey = Uint8Array::new(&field(&data, "grey")).to_vec();
        let _ = reply.post_message(&JsValue::from_str(&read(width, height, &grey)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
