//! Saving a file to the tablet: a Blob, an object URL and a click on a download link. Works
//! offline (nothing leaves the page).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// Offers `bytes` as a download named `name`.
pub fn save(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    save_parts(name, &Uint8Array::from(bytes).into(), mime)
}

/// Offers a JS value (a string or bytes) as a download, without copying it into wasm.
pub fn save_parts(name: &str, part: &JsValue, mime: &str) -> Result<(), String> {
    let run = || -> Result<(), JsValue> {
        let parts = Array::of1(part);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
        // The browser has taken the file; the URL can go once this task ends.
        let revoke = url.clone();
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&revoke);
            },
            std::time::Duration::from_secs(30),
        );
        Ok(())
    };
    run().map_err(|e| format!("{e:?}"))
}
