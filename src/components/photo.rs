//! One photo from the camera or a file, shrunk to at most 800 px as a JPEG data URL (about
//! 50-100 KB), for a service to store as a photo record; and stored photos and signatures shown
//! by their record's id. The shared photo components of every module.
//!
//! ```ignore
//! let photo = RwSignal::new(None::<String>);
//! view! { <PhotoInput value=photo testid="parcel-photo" /> }
//! view! { <StoredPicture id=parcel.photo.unwrap() class="thumb" testid="parcel-photo" /> }
//! ```

use crate::components::form::first_file;
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Photo records' pictures by id, in order (missing or unreadable ones left out).
pub async fn load(
    desk: Desk,
    ids: &[lobbydesk_core::RecordId],
) -> Vec<(lobbydesk_core::RecordId, String)> {
    use lobbydesk_core::modules::photos::Photo;
    use lobbydesk_core::{Record, RecordStore};
    let keys: Vec<(String, lobbydesk_core::RecordId)> =
        ids.iter().map(|i| (Photo::KIND.to_string(), *i)).collect();
    let got = desk.store().get_many(&keys).await.unwrap_or_default();
    ids.iter()
        .zip(got)
        .filter_map(|(id, e)| Some((*id, e?.decode::<Photo>().ok()?.data)))
        .collect()
}

/// A stored photo or signature, shown by its photo record's id (nothing while it loads, or when
/// the record is not on this tablet).
#[component]
pub fn StoredPicture(
    id: lobbydesk_core::RecordId,
    #[prop(into, optional)] class: String,
    #[prop(into, optional)] testid: String,
) -> impl IntoView {
    let desk = use_desk();
    let picture = LocalResource::new(move || async move {
        load(desk, &[id])
            .await
            .into_iter()
            .next()
            .map(|(_, url)| url)
    });
    move || {
        picture.get().flatten().map(|url| {
            view! { <img class=class.clone() src=url alt="" data-testid=testid.clone() /> }
        })
    }
}

/// Longest side of a stored photo, in pixels.
const MAX_SIDE: f64 = 800.0;

/// A JPEG data URL of `file`, scaled down to [`MAX_SIDE`].
pub async fn compress(file: &web_sys::File) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(|e| format!("{e:?}"))?,
    )
    .await
    .map_err(|_| "not an image".to_string())?
    .unchecked_into();
    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let scale = (MAX_SIDE / w.max(h)).min(1.0);
    let (tw, th) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
    let canvas: web_sys::HtmlCanvasElement = window
        .document()
        .ok_or("no document")?
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    canvas.set_width(tw as u32);
    canvas.set_height(th as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no 2d context")?
        .unchecked_into();
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, tw, th)
        .map_err(|e| format!("{e:?}"))?;
    bitmap.close();
    canvas
        .to_data_url_with_type_and_encoder_options(
            "image/jpeg",
            &wasm_bindgen::JsValue::from_f64(0.7),
        )
        .map_err(|e| format!("{e:?}"))
}

#[component]
pub fn PhotoInput(
    /// The photo as a JPEG data URL, `None` without one.
    value: RwSignal<Option<String>>,
    #[prop(into, optional)] testid: String,
) -> impl IntoView {
    let desk = use_desk();
    let id = format!("photo-{testid}");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = first_file(&ev) else { return };
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
        leptos::task::spawn_local(async move {
            match compress(&file).await {
                Ok(url) => value.set(Some(url)),
                Err(_) => desk.toasts.error(desk.t(Msg::NotAnImage)),
            }
        });
    };
    view! {
        <div class="photo-input">
            <label for=id.clone() class="button-link">{desk.tr(Msg::TakePhoto)}</label>
            <input id=id class="visually-hidden" type="file" accept="image/*" capture="environment" data-enter-skip="" data-testid=testid.clone() on:change=on_change />
            {move || value.get().map(|url| view! {
                <img class="thumb" src=url alt="" data-testid=format!("{testid}-thumb") />
                <button type="button" class="secondary" on:click=move |_| value.set(None)>{desk.tr(Msg::RemovePhoto)}</button>
            })}
        </div>
    }
}
