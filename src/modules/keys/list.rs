//! 钥匙登记 and 借出中: the register with what is out (found by name, hook or unit), and every key
//! out, the overdue ones first and in red.

use super::data;
use super::texts::KeyMsg as T;
use crate::components::form::SearchBox;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::keys::services::KeyRow;
use lobbydesk_core::time;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let desk = use_desk();
    let search = RwSignal::new(String::new());
    let rows = LocalResource::new(move || {
        desk.revision();
        let t = search.get();
        async move { data::keys(desk, &t).await }
    });
    view! {
        <section class="page keys">
            <div class="card">
                <h1>{desk.tr(T::Register)}</h1>
                <SearchBox id="key-search" label=T::Search value=search testid="key-search" />
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="key-empty">{desk.tr(T::NoKeys)}</p> }.into_any(),
                        Ok(v) => view! { <KeyRows rows=v /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Keys as rows: label, what it opens, the hook, and whether a copy is at the desk.
#[component]
pub fn KeyRows(rows: Vec<KeyRow>) -> impl IntoView {
    let desk = use_desk();
    let now = BrowserClock.now();
    view! {
        <ul class="visit-list card" data-testid="key-list">
            {rows.into_iter().map(|r| {
                let late = r.out.iter().any(|l| l.overdue(now));
                let (opens, copies, out) = (r.key.opens, r.key.copies, r.out.len());
                let state = if r.key.retired {
                    view! { <span class="badge" data-testid="key-state">{desk.tr(T::Retired)}</span> }.into_any()
                } else if late {
                    view! { <span class="badge bad" data-testid="key-state">{desk.tr(T::Overdue)}</span> }.into_any()
                } else if r.all_out() {
                    view! { <span class="badge bad" data-testid="key-state">{desk.tr(T::AllOut)}</span> }.into_any()
                } else {
                    view! { <span class="badge" data-testid="key-state">{desk.tr(T::AtDesk)}</span> }.into_any()
                };
                let place = [r.key.unit.clone(), r.key.place.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                view! {
                    <li class="visit-row" class:late=late data-testid="key-row">
                        <div class="memo-body">
                            <A href=format!("/keys/k/{}", r.id) attr:class="wo-open" attr:data-testid="key-open"><strong>{r.key.label.clone()}</strong></A>
                            " " {state}
                            <br/><span class="muted">{move || opens.label(desk.lang.get())}</span>
                            {(!place.is_empty()).then(|| view! { " · " <span>{place.clone()}</span> })}
                            {(!r.key.hook.is_empty()).then(|| view! { " · " <span>{desk.tr(T::Hook)} " " {r.key.hook.clone()}</span> })}
                            " · " <span>{format!("{} {out} / {copies}", desk.t(T::OutOf))}</span>
                            {r.out.iter().map(|l| view! { <br/><span class:bad=l.overdue(now)>{lobbydesk_core::spec::Mask::Name.apply(&l.name)} " · " {desk.tr(T::Due)} " " {time::short(l.due)}</span> }).collect_view()}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn OutPage() -> impl IntoView {
    let desk = use_desk();
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::out(desk).await }
    });
    view! {
        <section class="page keys">
            <div class="card"><h1>{desk.tr(T::Out)}</h1></div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let now = BrowserClock.now();
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="key-out-empty">{desk.tr(T::NoneOut)}</p> }.into_any(),
                        Ok(v) => view! {
                            <ul class="visit-list card" data-testid="key-out-list">
                                {v.into_iter().map(|(_, l)| {
                                    let late = l.overdue(now);
                                    view! {
                                        <li class="visit-row" class:late=late data-testid="key-out-row">
                                            <div class="memo-body">
                                                <A href=format!("/keys/k/{}", l.key) attr:class="wo-open" attr:data-testid="key-open"><strong>{l.key_label.clone()}</strong></A>
                                                {late.then(|| view! { " " <span class="badge bad" data-testid="key-late">{desk.tr(T::Overdue)}</span> })}
                                                <br/><span>{lobbydesk_core::spec::Mask::Name.apply(&l.name)}</span>
                                                {(!l.unit.is_empty()).then(|| format!(" · {}", l.unit))}
                                                " · " <span>{l.reason.clone()}</span>
                                                <br/><span class:bad=late>{desk.tr(T::Due)} " " {time::short(l.due)}</span>
                                                " · " <span class="muted">{desk.tr(T::LentBy)} " " {l.out_by.clone()} " " {time::short(l.out_at)}</span>
                                            </div>
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
