//! 登记投诉 Recording a complaint: who (from the directory, or a name and phone; anonymous
//! allowed), what, where, when it happened, a photo, and its kind, judged with the seed's
//! question and examples beside each kind.

use super::data;
use super::texts::ComplaintMsg as T;
use crate::components::form::{TextField, focus};
use crate::components::lookup::HostLookup;
use crate::components::photo::PhotoInput;
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use lobbydesk_core::modules::complaints::{ComplaintForm, Kind};

#[component]
pub fn RecordPage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (name, phone, unit, what, place, happened) = (s(), s(), s(), s(), s(), s());
    let kind = RwSignal::new(None::<Kind>);
    let anonymous = RwSignal::new(false);
    let photo = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    // From a call about a complaint (来电来访 → 转为投诉): who and what carried over.
    let query = leptos_router::hooks::use_query_map();
    if let Some(call) = query
        .with_untracked(|q| q.get("call"))
        .and_then(|s| s.parse::<lobbydesk_core::RecordId>().ok())
    {
        leptos::task::spawn_local(async move {
            if let Some(c) = crate::modules::contacts::data::get(desk, call).await {
                name.set(c.caller);
                phone.set(c.phone.map(|p| p.digits().to_string()).unwrap_or_default());
                unit.set(c.unit);
                what.set(c.said);
            }
        });
    }
    let save = Action::new_local(move |_: &()| {
        let form = ComplaintForm {
            kind: kind.get_untracked(),
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            unit: unit.get_untracked(),
            anonymous: anonymous.get_untracked(),
            what: what.get_untracked(),
            place: place.get_untracked(),
            happened: happened.get_untracked(),
            photos: Vec::new(),
        };
        let pic = photo.get_untracked();
        async move {
            match data::record(desk, form, pic).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::Saved));
                    desk.changed();
                    for f in [name, phone, unit, what, place, happened] {
                        f.set(String::new());
                    }
                    kind.set(None);
                    anonymous.set(false);
                    photo.set(None);
                    problem.set(None);
                    focus("cp-unit");
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !save.pending().get_untracked() {
            save.dispatch(());
        }
    };
    view! {
        <section class="page complaints">
            <form class="card" on:submit=submit data-testid="cp-form">
                <h1>{desk.tr(T::RecordTitle)}</h1>
                <label class="check">
                    <input type="checkbox" class="big-check" data-testid="cp-anonymous"
                        prop:checked=move || anonymous.get() on:change:target=move |ev| anonymous.set(ev.target().checked()) />
                    {desk.tr(T::Anonymous)}
                </label>
                <Show when=move || !anonymous.get()>
                    <div class="grid3">
                        <TextField id="cp-unit" label=T::Unit value=unit testid="cp-unit" maxlength=40 placeholder=Msg::UnitPlaceholder />
                        <TextField id="cp-name" label=T::Who value=name testid="cp-name" maxlength=40 />
                        <TextField id="cp-phone" label=Msg::Phone value=phone kind="tel" testid="cp-phone" maxlength=20 />
                        <div class="span2"><HostLookup unit=unit person=name phone=phone /></div>
                    </div>
                </Show>
                <div class="field">
                    <label for="cp-what">{desk.tr(T::What)}</label>
                    <textarea id="cp-what" data-testid="cp-what" rows="3" maxlength="1000"
                        prop:value=move || what.get() on:input:target=move |ev| what.set(ev.target().value())></textarea>
                </div>
                <div class="grid2">
                    <TextField id="cp-place" label=T::Place value=place testid="cp-place" maxlength=60 />
                    <TextField id="cp-happened" label=T::Happened value=happened testid="cp-happened" maxlength=60 />
                </div>
                <PhotoInput value=photo testid="cp-photo" />
                <fieldset class="choices kinds">
                    <legend>{desk.tr(T::Kind)}</legend>
                    <p class="hint">{desk.tr(T::KindQuestion)}</p>
                    {Kind::ALL.iter().copied().map(|k| view! {
                        <button type="button" class="choice kind-choice" data-testid=format!("cp-kind-{}", k.code())
                            aria-pressed=move || (kind.get() == Some(k)).to_string() on:click=move |_| kind.set(Some(k))>
                            <strong>{move || k.label(desk.lang.get())}</strong>
                            <small>{move || k.hint(desk.lang.get())}</small>
                        </button>
                    }).collect_view()}
                </fieldset>
                <p class="field-error" role="alert" data-testid="cp-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="cp-submit" disabled=move || save.pending().get()>{desk.tr(T::Save)}</button>
                </div>
            </form>
        </section>
    }
}
