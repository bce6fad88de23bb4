//! 工单列表 The orders by status (open ones first, late ones marked 超时), by search (number,
//! unit, reporter, phone), only the late ones, and 待回访: orders done and not yet called back.

use super::texts::WorkOrderMsg as T;
use super::{OrderRow, data};
use crate::components::form::SearchBox;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::work_orders::WorkStatus;

#[component]
pub fn ListPage() -> impl IntoView {
    let desk = use_desk();
    let query = use_query_map();
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(None::<WorkStatus>);
    let late_only = RwSignal::new(query.with_untracked(|q| q.get("late").is_some()));
    let rows = LocalResource::new(move || {
        desk.revision();
        let (text, st, late) = (search.get(), status.get(), late_only.get());
        async move {
            let mut rows = data::list(desk, &text, st).await?;
            if late {
                let (now, limits) = (BrowserClock.now(), settings::work_limits());
                rows.retain(|(_, o)| o.late(now, &limits).is_some());
            }
            Ok::<_, String>(rows)
        }
    });
    let chip = move |label: Signal<String>,
                     testid: String,
                     pressed: Signal<bool>,
                     on: Callback<()>| {
        view! {
            <button type="button" class="choice" data-testid=testid aria-pressed=move || pressed.get().to_string()
                on:click=move |_| on.run(())>{label}</button>
        }
    };
    view! {
        <section class="page work-orders">
            <div class="card">
                <h1>{desk.tr(Msg::WorkOrders)}</h1>
                <SearchBox id="wo-search" label=T::Search value=search testid="wo-search" />
                <div class="chips" data-testid="wo-filter">
                    {chip(
                        Signal::derive(move || desk.t(T::AllOpen).to_string()),
                        "wo-filter-open".into(),
                        Signal::derive(move || status.get().is_none() && !late_only.get()),
                        Callback::new(move |()| { status.set(None); late_only.set(false); }),
                    )}
                    {chip(
                        Signal::derive(move || desk.t(T::Late).to_string()),
                        "wo-filter-late".into(),
                        Signal::derive(move || late_only.get()),
                        Callback::new(move |()| { status.set(None); late_only.set(true); }),
                    )}
                    {WorkStatus::ALL.iter().copied().map(|s| chip(
                        Signal::derive(move || s.label(desk.lang.get()).to_string()),
                        format!("wo-filter-{}", s.code()),
                        Signal::derive(move || status.get() == Some(s)),
                        Callback::new(move |()| { status.set(Some(s)); late_only.set(false); }),
                    )).collect_view()}
                </div>
            </div>
            <Rows rows=rows />
        </section>
    }
}

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let desk = use_desk();
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::to_follow_up(desk).await }
    });
    view! {
        <section class="page work-orders">
            <div class="card"><h1>{desk.tr(T::FollowUps)}</h1></div>
            <Rows rows=rows />
        </section>
    }
}

#[component]
fn Rows(rows: LocalResource<Result<Vec<data::Row>, String>>) -> impl IntoView {
    let desk = use_desk();
    view! {
        <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                    Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="wo-empty">{desk.tr(T::NoWorkOrders)}</p> }.into_any(),
                    Ok(v) => view! {
                        <ul class="visit-list card" data-testid="wo-list">
                            {v.into_iter().map(|(env, o)| view! { <OrderRow id=env.meta.id order=o /> }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
