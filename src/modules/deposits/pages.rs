//! The deposit screens: take in (the code shown large after saving), waiting (each item handed
//! over or taken back in place), history (names masked).

use super::data;
use super::texts::DepositMsg as T;
use crate::components::form::{SearchBox, TextField};
use crate::components::lookup::HostLookup;
use crate::components::photo::PhotoInput;
use crate::components::signature::SignaturePad;
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use lobbydesk_core::RecordId;
use lobbydesk_core::modules::deposits::{Deposit, DepositForm, Outcome};
use lobbydesk_core::spec::Mask;
use lobbydesk_core::time;

#[component]
pub fn TakeInPage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (what, from, from_phone, to, to_phone, unit, kept_at) = (s(), s(), s(), s(), s(), s(), s());
    let photo = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let last = RwSignal::new(None::<Deposit>);
    let save = Action::new_local(move |(form, pic): &(DepositForm, Option<String>)| {
        let (form, pic) = (form.clone(), pic.clone());
        async move {
            match data::take_in(desk, &form, pic).await {
                Ok(d) => {
                    problem.set(None);
                    desk.toasts.info(desk.t(T::TakenIn));
                    for f in [what, from, from_phone, to, to_phone, unit, kept_at] {
                        f.set(String::new());
                    }
                    photo.set(None);
                    last.set(Some(d));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let form = DepositForm {
            what: what.get_untracked(),
            from: from.get_untracked(),
            from_phone: from_phone.get_untracked(),
            to: to.get_untracked(),
            to_phone: to_phone.get_untracked(),
            unit: unit.get_untracked(),
            kept_at: kept_at.get_untracked(),
        };
        save.dispatch((form, photo.get_untracked()));
    };
    view! {
        <section class="page deposits">
            <Show when=move || last.get().is_some()>
                <div class="notice ok-notice big-code" role="status" data-testid="dp-done">
                    {move || last.get().map(|d| view! {
                        <span>{desk.tr(T::TakenIn)} " · " {d.what.clone()}</span>
                        <span>{desk.tr(T::PickupCode)} " " <strong class="mono" data-testid="dp-code">{d.code.clone()}</strong></span>
                        <span class="muted">{desk.tr(T::TellCode)}</span>
                    })}
                </div>
            </Show>
            <form class="card" novalidate on:submit=submit data-testid="dp-form">
                <h1>{desk.tr(T::TakeInTitle)}</h1>
                <div class="grid3">
                    <TextField id="dp-what" label=T::What value=what testid="dp-what" maxlength=100 autofocus=true />
                    <TextField id="dp-from" label=T::From value=from testid="dp-from" maxlength=40 />
                    <TextField id="dp-from-phone" label=T::FromPhone value=from_phone kind="tel" inputmode="tel" testid="dp-from-phone" maxlength=20 />
                    <TextField id="dp-unit" label=T::Unit value=unit testid="dp-unit" maxlength=20 />
                    <TextField id="dp-to" label=T::To value=to testid="dp-to" maxlength=40 />
                    <TextField id="dp-to-phone" label=T::ToPhone value=to_phone kind="tel" inputmode="tel" testid="dp-to-phone" maxlength=20 />
                    <div class="span2"><HostLookup unit=unit person=to phone=to_phone /></div>
                    <TextField id="dp-kept" label=T::KeptAt value=kept_at testid="dp-kept" maxlength=40 />
                </div>
                <PhotoInput value=photo testid="dp-photo" />
                <p class="field-error" role="alert" data-testid="dp-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="dp-save" disabled=move || save.pending().get()>{desk.tr(T::Save)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn WaitingPage() -> impl IntoView {
    let desk = use_desk();
    let search = RwSignal::new(String::new());
    let rows = LocalResource::new(move || {
        desk.revision();
        let t = search.get();
        async move { data::waiting(desk, &t).await }
    });
    view! {
        <section class="page deposits">
            <div class="card">
                <h1>{desk.tr(T::Waiting)}</h1>
                <SearchBox id="dp-search" label=T::Search value=search testid="dp-search" />
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="dp-empty">{desk.tr(T::NoneWaiting)}</p> }.into_any(),
                        Ok(v) => v.into_iter().map(|(e, d)| view! { <WaitingItem id=e.meta.id item=d /> }).collect_view().into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn WaitingItem(id: RecordId, item: Deposit) -> impl IntoView {
    let desk = use_desk();
    let (taker, code, signature) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let checked = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let go = move |outcome: Outcome| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (t, c, s, k) = (
            taker.get_untracked(),
            code.get_untracked(),
            signature.get_untracked(),
            checked.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match data::release(desk, id, outcome, &t, &c, k, &s).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::Done));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let from = item.from.clone();
    view! {
        <div class="card" data-testid="dp-row">
            <h2>{item.what.clone()}</h2>
            <p>
                {desk.tr(T::To)} " " <strong>{Mask::Name.apply(&item.to)}</strong>
                {(!item.unit.is_empty()).then(|| format!(" · {}", item.unit))}
                " · " {desk.tr(T::From)} " " {Mask::Name.apply(&item.from)}
                <br/><span class="muted">{desk.tr(T::LeftAt)} " " {time::short(item.left_at)} " · " {desk.tr(T::By)} " " {item.left_by.clone()}</span>
                {(!item.kept_at.is_empty()).then(|| view! { " · " <span>{desk.tr(T::KeptAt)} " " {item.kept_at.clone()}</span> })}
            </p>
            <details>
                <summary data-testid="dp-open">{desk.tr(T::HandOver)} " / " {desk.tr(T::TakenBack)}</summary>
                <div class="grid3">
                    <TextField id=format!("dp-taker-{id}") label=T::Taker value=taker testid="dp-taker" maxlength=40 />
                    <TextField id=format!("dp-code-{id}") label=T::Code value=code testid="dp-code-in" inputmode="numeric" maxlength=6 />
                </div>
                <label class="check">
                    <input type="checkbox" class="big-check" data-testid="dp-id-checked"
                        prop:checked=move || checked.get() on:change:target=move |ev| checked.set(ev.target().checked()) />
                    {desk.tr(T::IdChecked)}
                </label>
                <SignaturePad value=signature testid="dp-sig" label=T::TakerSigns.tx() />
                <p class="field-error" role="alert" data-testid="dp-release-error">{move || problem.get()}</p>
                <div class="row">
                    <button class="primary-big" data-testid="dp-hand-over" disabled=move || busy.get() on:click=move |_| go(Outcome::HandedOver)>{desk.tr(T::HandOver)}</button>
                    <button class="secondary" data-testid="dp-taken-back" disabled=move || busy.get()
                        on:click=move |_| { taker.set(from.clone()); go(Outcome::TakenBack) }>{desk.tr(T::TakenBack)}</button>
                </div>
            </details>
        </div>
    }
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let desk = use_desk();
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::recent(desk).await }
    });
    view! {
        <section class="page deposits">
            <div class="card"><h1>{desk.tr(T::History)}</h1></div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty">{desk.tr(T::NoHistory)}</p> }.into_any(),
                        Ok(v) => view! {
                            <ul class="visit-list card" data-testid="dp-history">
                                {v.into_iter().map(|(_, d)| {
                                    let gone = d.released.clone().map(|r| {
                                        let o = r.outcome;
                                        let how = desk.t(if r.id_checked { T::ByIdCheck } else { T::ByCode });
                                        view! { <br/><span>{move || o.label(desk.lang.get())} " " {time::short(r.at)} " · " {Mask::Name.apply(&r.to)} " · " {how}</span> }
                                    });
                                    view! {
                                        <li class="visit-row" data-testid="dp-history-row">
                                            <strong>{d.what.clone()}</strong> " · " {Mask::Name.apply(&d.to)}
                                            {(!d.unit.is_empty()).then(|| format!(" · {}", d.unit))}
                                            <br/><span class="muted">{desk.tr(T::LeftAt)} " " {time::short(d.left_at)}</span>
                                            {gone}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
