//! The form kit every module uses: labelled fields with inline errors, selects, a search box,
//! "Enter moves to the next field", and a confirm dialog.
//!
//! ```ignore
//! let name = RwSignal::new(String::new());
//! let name_error = Signal::derive(move || errors.get().get(&Field::Name).cloned());
//! view! {
//!     <form on:keydown=enter_moves_on on:submit=save>
//!         <TextField id="v-name" label=Msg::VisitorName value=name error=name_error testid="visit-name" autofocus=true />
//!         <SelectField id="v-purpose" label=Msg::Purpose value=purpose options=purpose_options />
//!     </form>
//! }
//! ```

use crate::desk::use_desk;
use crate::i18n::{Msg, Text};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled text input with its error shown under it (`aria-invalid`, `aria-describedby`).
#[component]
pub fn TextField(
    /// The input's id; the label points at it. Unique on the page (a list's rows add their
    /// record's id).
    #[prop(into)]
    id: String,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    /// The problem to show under the field, in the current language.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// `data-testid` of the input.
    #[prop(optional)]
    testid: &'static str,
    /// `text` unless given (`tel`, `number`, `date`, `time`, `search`).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// The virtual keyboard to offer (`numeric`, `tel`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    #[prop(optional, into)] placeholder: Option<Text>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autofocus: bool,
    /// Focus this element again whenever the signal changes (after a save, say).
    #[prop(optional)]
    node_ref: Option<NodeRef<html::Input>>,
    /// Enter passes this field by (an optional field the usual entry skips; a tap reaches it).
    #[prop(optional)]
    enter_skip: bool,
) -> impl IntoView {
    let desk = use_desk();
    let err_id = format!("{id}-error");
    let node_ref = node_ref.unwrap_or_default();
    if autofocus {
        Effect::new(move |_| {
            if let Some(el) = node_ref.get() {
                let _ = el.focus();
            }
        });
    }
    view! {
        <div class="field" class:invalid=move || error.with(|e| e.is_some())>
            <label for=id.clone()>
                {desk.tr(label)}
                {required.then(|| view! { <span class="req" aria-hidden="true">" *"</span> })}
            </label>
            <input
                id=id
                node_ref=node_ref
                type=kind.unwrap_or("text")
                inputmode=inputmode
                autocomplete="off"
                maxlength=maxlength
                required=required
                data-testid=testid
                data-enter-skip=enter_skip.then_some("")
                placeholder=move || placeholder.map(|p| desk.t(p))
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                aria-describedby=err_id.clone()
                bind:value=value
            />
            <p id=err_id class="field-error" role="alert" data-testid=format!("{testid}-error")>
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled select. `options` are `(value, label)` pairs, labels already in the current language.
#[component]
pub fn SelectField(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] testid: &'static str,
    /// Enter passes this field by (it is usually right already, e.g. a detected carrier).
    #[prop(optional)]
    enter_skip: bool,
) -> impl IntoView {
    let desk = use_desk();
    view! {
        <div class="field">
            <label for=id>{desk.tr(label)}</label>
            <select
                id=id
                data-testid=testid
                data-enter-skip=enter_skip.then_some("")
                prop:value=move || value.get()
                on:change:target=move |ev| value.set(ev.target().value())
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A search box: results follow every keystroke.
#[component]
pub fn SearchBox(
    id: &'static str,
    #[prop(into)] label: Text,
    value: RwSignal<String>,
    #[prop(optional, into)] placeholder: Option<Text>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let desk = use_desk();
    view! {
        <div class="field search">
            <label for=id>{desk.tr(label)}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                data-testid=testid
                placeholder=move || placeholder.map(|p| desk.t(p))
                bind:value=value
            />
        </div>
    }
}

/// `on:keydown` for a `<form>`: Enter in a field moves to the next field, and submits from the
/// last one, so a clerk (or a barcode scanner) can fill the form without touching the screen.
pub fn enter_moves_on(ev: leptos::ev::KeyboardEvent) {
    if ev.key() != "Enter" || ev.is_composing() {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if target.tag_name() != "INPUT" && target.tag_name() != "SELECT" {
        return;
    }
    let Some(form) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    let Ok(fields) =
        form.query_selector_all("input:not([type=hidden]):not([disabled]):not([data-enter-skip]), select:not([data-enter-skip]), textarea")
    else {
        return;
    };
    let mut found = false;
    for i in 0..fields.length() {
        let Some(el) = fields
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if found {
            let _ = el.focus();
            return;
        }
        found = el == target;
    }
    let _ = form.request_submit();
}

/// A modal question with a confirm and a cancel button. Shown while `open` holds `Some`.
#[component]
pub fn ConfirmDialog(
    /// The dialog's text while open.
    open: RwSignal<Option<String>>,
    #[prop(into)] title: Text,
    #[prop(into)] confirm: Text,
    on_confirm: Callback<()>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let desk = use_desk();
    view! {
        <Show when=move || open.with(|o| o.is_some())>
            <div class="scrim">
                <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-title" data-testid=testid>
                    <h2 id="dialog-title">{desk.tr(title)}</h2>
                    <p class="dialog-text">{move || open.get()}</p>
                    <div class="row end">
                        <button class="secondary" on:click=move |_| open.set(None)>{desk.tr(Msg::Cancel)}</button>
                        <button
                            class="danger"
                            data-testid=format!("{testid}-confirm")
                            on:click=move |_| {
                                open.set(None);
                                on_confirm.run(());
                            }
                        >
                            {desk.tr(confirm)}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

/// Moves the keyboard focus to the element with `id` (after a save, or to a field with a problem).
pub fn focus(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The file chosen in an `<input type=file>`'s change event.
pub fn first_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    input.files()?.get(0)
}

/// A form's submit handler that runs `action` once at a time: a second submit (a double tap,
/// Enter pressed twice) while the first is still saving is ignored, so nothing is saved twice.
pub fn submit_once(action: Action<(), ()>) -> impl Fn(leptos::ev::SubmitEvent) + Clone {
    move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !action.pending().get_untracked() {
            action.dispatch(());
        }
    }
}

/// A row of choice buttons, one per value of `all`, the pressed one `value`'s; each button's
/// `data-testid` is `prefix-code`.
pub fn chips<V: Copy + PartialEq + Send + Sync + 'static>(
    all: &'static [V],
    value: RwSignal<Option<V>>,
    code: fn(V) -> &'static str,
    label: fn(V, lobbydesk_core::Lang) -> &'static str,
    prefix: &'static str,
) -> impl IntoView {
    let desk = use_desk();
    all.iter()
        .copied()
        .map(|v| {
            view! {
                <button type="button" class="choice" data-testid=format!("{prefix}-{}", code(v))
                    aria-pressed=move || (value.get() == Some(v)).to_string()
                    on:click=move |_| value.set(Some(v))>{move || label(v, desk.lang.get())}</button>
            }
        })
        .collect_view()
}
