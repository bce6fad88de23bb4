//! Reading a barcode or QR code with the camera into a field, where the browser has
//! `BarcodeDetector`, or QR codes by our own decoder where it has none (`platform::barcode`);
//! elsewhere the button is not shown and a scanner that types, or the keyboard, is the way in.
//! Used for parcels' tracking numbers and release passes (`qr`).
//!
//! ```ignore
//! {barcode::available(Codes::Qr).then(|| view! { <CameraScan into=code qr=true then=Callback::new(|()| look()) /> })}
//! ```

use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::barcode;
use leptos::prelude::*;

#[component]
pub fn CameraScan(
    /// The field the code read goes into.
    into: RwSignal<String>,
    /// What to do once a code was read (move on, look it up).
    #[prop(optional)]
    then: Option<Callback<()>>,
    /// QR codes only (read by our own decoder where the browser has none).
    #[prop(optional)]
    qr: bool,
) -> impl IntoView {
    let codes = if qr {
        barcode::Codes::Qr
    } else {
        barcode::Codes::Any
    };
    let desk = use_desk();
    let video = NodeRef::<leptos::html::Video>::new();
    let open = RwSignal::new(false);
    let start = move |_| {
        open.set(true);
        leptos::task::spawn_local(async move {
            // Let the <video> render first.
            leptos::task::tick().await;
            let Some(v) = video.get_untracked() else {
                return;
            };
            match barcode::scan_once(&v, 20, move || !open.get_untracked(), codes).await {
                Ok(Some(code)) => {
                    into.set(code);
                    if let Some(then) = then {
                        then.run(());
                    }
                }
                Ok(None) => {}
                Err(_) => desk.toasts.error(desk.t(Msg::CameraUnavailable)),
            }
            open.set(false);
        });
    };
    view! {
        <button type="button" class="secondary" data-testid="camera-scan" on:click=start>{desk.tr(Msg::ScanWithCamera)}</button>
        <Show when=move || open.get()>
            <div class="scrim">
                <div class="dialog camera">
                    <video node_ref=video autoplay=true playsinline=true muted=true data-testid="camera-video"></video>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{desk.tr(Msg::Cancel)}</button>
                </div>
            </div>
        </Show>
    }
}
