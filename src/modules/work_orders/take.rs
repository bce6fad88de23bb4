//! 登记报修 Taking a repair request in under a minute: how it came in, the unit from the
//! directory (reporter and phone filled, editable) or a public area, category, what is wrong,
//! urgency (an appointment window for 预约), a photo, paid or free. While the unit or phone is
//! typed the unit's open orders and earlier reporters show, so a second call about the same leak
//! is linked to the first instead of making another order.

use super::data;
use super::texts::WorkOrderMsg as T;
use crate::components::form::{TextField, focus};
use crate::components::lookup::HostLookup;
use crate::components::photo::PhotoInput;
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::modules::work_orders::{
    Category, Move, PUBLIC_AREAS, Request, Source, Urgency,
};
use lobbydesk_core::{RecordId, time};

/// A `datetime-local` value (China time) as a time.
fn local_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let t = chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()?;
    t.and_local_timezone(time::china())
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
}

#[component]
pub fn TakePage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (unit, place, reporter, phone, description, quote, from, to) =
        (s(), s(), s(), s(), s(), s(), s(), s());
    let source = RwSignal::new(Source::Phone);
    let category = RwSignal::new(None::<Category>);
    let urgency = RwSignal::new(Urgency::Normal);
    let paid = RwSignal::new(false);
    let photo = RwSignal::new(None::<String>);
    let linked = RwSignal::new(None::<(RecordId, String)>);
    let problem = RwSignal::new(None::<String>);
    let clear = move || {
        for f in [unit, place, reporter, phone, description, quote, from, to] {
            f.set(String::new());
        }
        category.set(None);
        source.set(Source::Phone);
        urgency.set(Urgency::Normal);
        paid.set(false);
        photo.set(None);
        linked.set(None);
        problem.set(None);
    };
    // The unit's orders still open, and earlier orders from the phone being typed.
    let related = LocalResource::new(move || {
        let (u, p) = (unit.get(), phone.get());
        async move {
            let mut rows = if u.trim().is_empty() {
                Vec::new()
            } else {
                data::of_unit(desk, &u).await.unwrap_or_default()
            };
            let digits: String = p.chars().filter(char::is_ascii_digit).collect();
            if rows.is_empty() && digits.len() >= 7 {
                rows = data::list(desk, &digits, data::Which::Open)
                    .await
                    .unwrap_or_default();
            }
            rows.retain(|(_, o)| o.open());
            rows.truncate(5);
            rows
        }
    });
    let save = Action::new_local(move |_: &()| {
        let request = Request {
            source: Some(source.get_untracked()),
            unit: unit.get_untracked(),
            place: place.get_untracked(),
            reporter: reporter.get_untracked(),
            phone: phone.get_untracked(),
            category: category.get_untracked(),
            description: description.get_untracked(),
            urgency: Some(urgency.get_untracked()),
            window: local_time(&from.get_untracked()).zip(local_time(&to.get_untracked())),
            photos: Vec::new(),
            paid: paid.get_untracked(),
            quote: quote.get_untracked(),
            linked_to: linked.get_untracked().map(|(id, _)| id),
        };
        let photos: Vec<String> = photo.get_untracked().into_iter().collect();
        let again = linked.get_untracked();
        async move {
            // The same problem called in again: recorded on the open order, no second order.
            if let Some((id, number)) = again {
                let note = match request.description.trim() {
                    "" => format!("{} {}", request.reporter.trim(), request.phone.trim()),
                    d => d.to_string(),
                };
                let note = if note.trim().is_empty() {
                    desk.t(T::CalledAgain).to_string()
                } else {
                    note
                };
                match data::make_move(desk, id, Move::Recall { note }, None, Vec::new()).await {
                    Ok(_) => {
                        desk.toasts
                            .info(format!("{} {number}", desk.t(T::AddedToOrder)));
                        desk.changed();
                        clear();
                        focus("wo-unit");
                    }
                    Err(e) => problem.set(Some(e)),
                }
                return;
            }
            match data::take(desk, request, photos).await {
                Ok(o) => {
                    desk.toasts
                        .info(format!("{} {}", desk.t(T::Saved), o.number));
                    desk.changed();
                    clear();
                    focus("wo-unit");
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
    let choice = |pressed: Signal<bool>,
                  testid: String,
                  label: Signal<String>,
                  on: Callback<()>| {
        view! {
            <button type="button" class="choice" data-testid=testid aria-pressed=move || pressed.get().to_string()
                on:click=move |_| on.run(())>{label}</button>
        }
    };
    view! {
        <section class="page work-orders">
            <form class="card" on:submit=submit data-testid="wo-form">
                <h1>{desk.tr(T::TakeTitle)}</h1>
                <fieldset class="choices">
                    <legend>{desk.tr(T::Source)}</legend>
                    {Source::ALL.iter().copied().filter(|s| *s != Source::Inspection).map(|s| choice(
                        Signal::derive(move || source.get() == s),
                        format!("wo-source-{}", s.code()),
                        Signal::derive(move || s.label(desk.lang.get()).to_string()),
                        Callback::new(move |()| source.set(s)),
                    )).collect_view()}
                </fieldset>
                <div class="grid2">
                    <TextField id="wo-unit" label=T::UnitOrArea value=unit testid="wo-unit" maxlength=40 placeholder=Msg::UnitPlaceholder autofocus=true />
                    <TextField id="wo-reporter" label=T::Reporter value=reporter testid="wo-reporter" maxlength=40 />
                    <div class="span2"><HostLookup unit=unit person=reporter phone=phone /></div>
                    <TextField id="wo-phone" label=Msg::Phone value=phone testid="wo-phone" kind="tel" maxlength=20 />
                    <TextField id="wo-place" label=T::PublicArea value=place testid="wo-place" maxlength=40 placeholder=T::PublicAreaHint />
                </div>
                <Show when=move || unit.with(|u| u.trim().is_empty())>
                    <div class="chips" data-testid="wo-areas">
                        {PUBLIC_AREAS.iter().map(|(zh, en)| {
                            let (zh, en) = (*zh, *en);
                            choice(
                                Signal::derive(move || place.get() == zh),
                                format!("wo-area-{zh}"),
                                Signal::derive(move || desk.lang.get().pick(zh, en).to_string()),
                                Callback::new(move |()| place.set(zh.to_string())),
                            )
                        }).collect_view()}
                    </div>
                </Show>
                <Suspense>
                    {move || Suspend::new(async move {
                        let rows = related.await;
                        (!rows.is_empty()).then(|| view! {
                            <div class="notice warn-notice" data-testid="wo-related">
                                <p>{desk.tr(T::UnitOpen)}</p>
                                <ul class="plain-list">
                                    {rows.into_iter().map(|(env, o)| {
                                        let id = env.meta.id;
                                        let number = o.shown_number(id);
                                        let n2 = number.clone();
                                        let (rep, u) = (o.reporter.clone(), o.unit.clone());
                                        let is_linked = move || linked.with(|l| l.as_ref().is_some_and(|(l, _)| *l == id));
                                        view! {
                                            <li class="row">
                                                <A href=format!("/work-orders/o/{id}")><span class="mono">{number}</span></A>
                                                <span>{o.status.label(desk.lang.get_untracked())} " · " {o.description.clone()}</span>
                                                <button type="button" class="secondary" data-testid="wo-link-same"
                                                    aria-pressed=move || is_linked().to_string()
                                                    on:click=move |_| {
                                                        if is_linked() {
                                                            linked.set(None);
                                                        } else {
                                                            linked.set(Some((id, n2.clone())));
                                                            if reporter.get_untracked().trim().is_empty() { reporter.set(rep.clone()); }
                                                            if unit.get_untracked().trim().is_empty() { unit.set(u.clone()); }
                                                        }
                                                    }>
                                                    {move || if is_linked() { desk.t(T::Unlink) } else { desk.t(T::SameProblem) }}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    })}
                </Suspense>
                {move || linked.get().map(|(_, n)| view! { <p class="ok" data-testid="wo-linked">{desk.tr(T::Linked)} " " {n} " · " {desk.tr(T::LinkedNote)}</p> })}
                <fieldset class="choices">
                    <legend>{desk.tr(T::Category)}</legend>
                    {Category::ALL.iter().copied().map(|c| choice(
                        Signal::derive(move || category.get() == Some(c)),
                        format!("wo-cat-{}", c.code()),
                        Signal::derive(move || c.label(desk.lang.get()).to_string()),
                        Callback::new(move |()| category.set(Some(c))),
                    )).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="wo-description">{desk.tr(T::Description)}</label>
                    <textarea id="wo-description" data-testid="wo-description" rows="3" maxlength="500"
                        prop:value=move || description.get()
                        on:input:target=move |ev| description.set(ev.target().value())></textarea>
                </div>
                <fieldset class="choices">
                    <legend>{desk.tr(T::Urgency)}</legend>
                    {Urgency::ALL.iter().copied().map(|u| choice(
                        Signal::derive(move || urgency.get() == u),
                        format!("wo-urgency-{}", u.code()),
                        Signal::derive(move || u.label(desk.lang.get()).to_string()),
                        Callback::new(move |()| urgency.set(u)),
                    )).collect_view()}
                </fieldset>
                <Show when=move || urgency.get() == Urgency::Appointment>
                    <div class="grid2">
                        <TextField id="wo-from" label=T::WindowFrom value=from kind="datetime-local" testid="wo-from" />
                        <TextField id="wo-to" label=T::WindowTo value=to kind="datetime-local" testid="wo-to" />
                    </div>
                </Show>
                <PhotoInput value=photo testid="wo-photo" />
                <div class="row">
                    <label class="check">
                        <input type="checkbox" class="big-check" data-testid="wo-paid"
                            prop:checked=move || paid.get() on:change:target=move |ev| paid.set(ev.target().checked()) />
                        {desk.tr(T::PaidWork)}
                    </label>
                    <Show when=move || paid.get()>
                        <TextField id="wo-quote" label=T::Quote value=quote testid="wo-quote" inputmode="decimal" maxlength=10 />
                    </Show>
                </div>
                <p class="field-error" role="alert" data-testid="wo-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="wo-submit" disabled=move || save.pending().get()>{desk.tr(T::Save)}</button>
                </div>
            </form>
        </section>
    }
}
