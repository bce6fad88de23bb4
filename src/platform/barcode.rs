//! Camera barcode scanning through the browser's `BarcodeDetector`, where it exists (Android and
//! macOS Chromium, for example). No decoder is shipped: where the browser has none, the button is
//! not shown and the USB scanner (which types like a keyboard) is the way in.
//!
//! ```ignore
//! if barcode::available() { let code = barcode::scan_once(&video_element).await?; }
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

/// Whether this browser can read barcodes from the camera.
pub fn available() -> bool {
    detector_class().is_some()
        && web_sys::window()
            .and_then(|w| w.navigator().media_devices().ok())
            .is_some()
}

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

/// Opens the back camera into `video` and returns the first barcode read, trying for up to
/// `seconds`. `Ok(None)` when nothing was read in time; `Err` when the camera cannot be opened.
pub async fn scan_once(
    video: &web_sys::HtmlVideoElement,
    seconds: u32,
    cancelled: impl Fn() -> bool,
) -> Result<Option<String>, String> {
    let class = detector_class().ok_or("no BarcodeDetector")?;
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
