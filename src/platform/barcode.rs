//! Camera barcode scanning: through the browser's `BarcodeDetector` where it exists (Android and
//! macOS Chromium, for example: barcodes and QR codes); elsewhere QR codes only, through our own
//! decoder in a worker (`src/bin/qr_worker.rs`, fetched only when a scan starts). Where neither
//! applies the button is not shown and the USB scanner (which types like a keyboard) is the way in.
//!
//! ```ignore
//! if barcode::available(kind) { let code = barcode::scan_once(&video_element, 20, || false, kind).await?; }
//! ```

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn detector_class() -> Option<Function> {
    let w = web_sys::window()?;
    Reflect::get(&w, &JsValue::from_str("BarcodeDetector"))
        .ok()?
        .dyn_into()
        .ok()
}

/// What a scan is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codes {
    /// Parcels' barcodes (and QR codes): the browser's detector only.
    Any,
    /// QR codes (release passes): the browser's detector, or our own.
    Qr,
}

fn has_camera() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .is_some()
}

/// Whether this browser can read `codes` from the camera.
pub fn available(codes: Codes) -> bool {
    has_camera() && (detector_class().is_some() || codes == Codes::Qr)
}

/// The QR worker's loader, written by trunk next to `index.html`.
const QR_WORKER_URL: &str = "/qr_worker_loader.js";

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(p).await;
}

/// Stops every track of the video's stream.
pub fn stop(video: &web_sys::HtmlVideoElement) {
    if let Some(stream) = video
        .src_object()
        .and_then(|s| s.dyn_into::<web_sys::MediaStream>().ok())
    {
        for t in stream.get_tracks().iter() {
            if let Ok(track) = t.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        }
    }
    video.set_src_object(None);
}

/// Opens the back camera into `video`.
async fn open_camera(video: &web_sys::HtmlVideoElement) -> Result<(), String> {
    let devices = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .media_devices()
        .map_err(|e| format!("{e:?}"))?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_opts = Object::new();
    let _ = Reflect::set(&video_opts, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video_opts);
    let stream = JsFuture::from(
        devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| format!("{e:?}"))?,
    )
    .await
    .map_err(|e| format!("{e:?}"))?;
    video.set_src_object(Some(stream.unchecked_ref()));
    if let Ok(p) = video.play() {
        let _ = JsFuture::from(p).await;
    }
    Ok(())
}

/// Opens the back camera into `video` and returns the first code read, trying for up to
/// `seconds`. `Ok(None)` when nothing was read in time; `Err` when the camera cannot be opened.
pub async fn scan_once(
    video: &web_sys::HtmlVideoElement,
    seconds: u32,
    cancelled: impl Fn() -> bool,
    codes: Codes,
) -> Result<Option<String>, String> {
    let Some(class) = detector_class() else {
        if codes == Codes::Qr {
            return scan_with_worker(video, seconds, cancelled).await;
        }
        return Err("no BarcodeDetector".into());
    };
    open_camera(video).await?;
    let opts = Object::new();
    let formats = Array::of4(
        &"code_128".into(),
        &"code_39".into(),
        &"ean_13".into(),
        &"qr_code".into(),
    );
    let _ = Reflect::set(&opts, &"formats".into(), &formats);
    let detector = Reflect::construct(&class, &Array::of1(&opts)).map_err(|e| format!("{e:?}"))?;
    let detect: Function = Reflect::get(&detector, &"detect".into())
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "detect")?;
    let mut found = None;
    for _ in 0..(seconds * 4) {
        if cancelled() {
            break;
        }
        if let Ok(p) = detect.call1(&detector, video) {
            if let Ok(v) = JsFuture::from(Promise::from(p)).await {
                let first = Array::from(&v).get(0);
                if let Some(raw) = Reflect::get(&first, &"rawValue".into())
                    .ok()
                    .and_then(|r| r.as_string())
                {
                    found = Some(raw);
                    break;
                }
            }
        }
        sleep(250).await;
    }
    stop(video);
    Ok(found)
}

/// The next message from a worker, as text.
async fn next_text(worker: &web_sys::Worker) -> Result<String, String> {
    let w = worker.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_message =
            wasm_bindgen::closure::Closure::once_into_js(move |ev: web_sys::MessageEvent| {
                let _ = resolve.call1(&JsValue::NULL, &ev.data());
            });
        let on_error = wasm_bindgen::closure::Closure::once_into_js(move |ev: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &ev);
        });
        w.set_onmessage(Some(on_message.unchecked_ref()));
        w.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .ok_or_else(|| "a message that is not text".into())
}

/// A frame of `video`, at most 800 pixels wide, as one grey byte per pixel.
fn grey_frame(
    video: &web_sys::HtmlVideoElement,
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<(u32, u32, Vec<u8>)> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    let scale = (800.0 / f64::from(w)).min(1.0);
    let (sw, sh) = (
        (f64::from(w) * scale).round() as u32,
        (f64::from(h) * scale).round() as u32,
    );
    canvas.set_width(sw);
    canvas.set_height(sh);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(
        video,
        0.0,
        0.0,
        f64::from(sw),
        f64::from(sh),
    )
    .ok()?;
    let rgba = ctx
        .get_image_data(0.0, 0.0, f64::from(sw), f64::from(sh))
        .ok()?
        .data();
    let grey = rgba
        .chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect();
    Some((sw, sh, grey))
}

/// [`scan_once`] for QR codes without the browser's detector: frames go to the QR worker.
async fn scan_with_worker(
    video: &web_sys::HtmlVideoElement,
    seconds: u32,
    cancelled: impl Fn() -> bool,
) -> Result<Option<String>, String> {
    let worker = web_sys::Worker::new(QR_WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into().ok())
        .ok_or("no canvas")?;
    let run = async {
        if next_text(&worker).await? != "ready" {
            return Err("the QR worker did not start".to_string());
        }
        open_camera(video).await?;
        for _ in 0..(seconds * 4) {
            if cancelled() {
                break;
            }
            if let Some((w, h, grey)) = grey_frame(video, &canvas) {
                let msg = Object::new();
                let _ = Reflect::set(&msg, &"width".into(), &w.into());
                let _ = Reflect::set(&msg, &"height".into(), &h.into());
                let _ = Reflect::set(&msg, &"grey".into(), &js_sys::Uint8Array::from(&grey[..]));
                let reply = next_text(&worker);
                worker.post_message(&msg).map_err(|e| format!("{e:?}"))?;
                let text = reply.await?;
                if !text.is_empty() {
                    return Ok(Some(text));
                }
            }
            sleep(150).await;
        }
        Ok(None)
    }
    .await;
    worker.terminate();
    stop(video);
    run
}
