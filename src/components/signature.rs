//! A signature pad: the collector signs with a finger; the value is a PNG data URL (empty until
//! something is drawn). Used for parcel hand-overs, and for shift handovers and work orders later.
//!
//! ```ignore
//! let signature = RwSignal::new(String::new());
//! view! { <SignaturePad value=signature testid="handover-signature" /> }
//! ```

use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, PointerEvent};

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// The pointer's position in canvas pixels.
fn point(canvas: &web_sys::HtmlCanvasElement, ev: &PointerEvent) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    let sx = f64::from(canvas.width()) / rect.width().max(1.0);
    let sy = f64::from(canvas.height()) / rect.height().max(1.0);
    (
        (f64::from(ev.client_x()) - rect.left()) * sx,
        (f64::from(ev.client_y()) - rect.top()) * sy,
    )
}

#[component]
pub fn SignaturePad(
    /// The drawn signature as a PNG data URL; empty while nothing is drawn.
    value: RwSignal<String>,
    #[prop(into, optional)] testid: String,
    /// Who signs, said above the pad ("请领取人在此签名" unless given).
    #[prop(optional)]
    label: Option<crate::i18n::Text>,
) -> impl IntoView {
    let desk = use_desk();
    let label = label.unwrap_or(Msg::SignHere.tx());
    let canvas = NodeRef::<html::Canvas>::new();
    let drawing = StoredValue::new(false);
    let down = move |ev: PointerEvent| {
        let Some(c) = canvas.get() else { return };
        let Some(ctx) = context(&c) else { return };
        let _ = c.set_pointer_capture(ev.pointer_id());
        ctx.set_line_width(3.0);
        ctx.set_line_cap("round");
        ctx.set_line_join("round");
        ctx.set_stroke_style_str("#111827");
        let (x, y) = point(&c, &ev);
        ctx.begin_path();
        ctx.move_to(x, y);
        drawing.set_value(true);
    };
    let moved = move |ev: PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        let Some(c) = canvas.get() else { return };
        let Some(ctx) = context(&c) else { return };
        let (x, y) = point(&c, &ev);
        ctx.line_to(x, y);
        ctx.stroke();
    };
    let up = move |_: PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        drawing.set_value(false);
        if let Some(c) = canvas.get() {
            if let Ok(url) = c.to_data_url() {
                value.set(url);
            }
        }
    };
    let clear = move |_| {
        if let Some(c) = canvas.get() {
            if let Some(ctx) = context(&c) {
                ctx.clear_rect(0.0, 0.0, f64::from(c.width()), f64::from(c.height()));
            }
        }
        value.set(String::new());
    };
    view! {
        <div class="signature">
            <span class="label">{desk.tr(label)}</span>
            <canvas
                node_ref=canvas
                width="600"
                height="200"
                data-testid=testid
                class:signed=move || !value.with(|v| v.is_empty())
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=up
                on:pointercancel=up
            ></canvas>
            <button type="button" class="secondary" on:click=clear>{desk.tr(Msg::ClearSignature)}</button>
        </div>
    }
}
