//! 工单列表 The orders by status (open ones first, late ones marked 超时) or all of them, by
//! search (number, unit, reporter, phone), only the late ones, narrowed by urgency, department,
//! worker and the days taken; and 待回访: orders done and not yet called back.

use super::texts::WorkOrderMsg as T;
use super::{OrderRow, data};
use crate::components::form::{SearchBox, SelectField, TextField};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::work_orders::{Department, Urgency, WorkStatus};

/// The filters beside the status: urgency, department, worker (codes or name; empty for all)
/// and the days taken.
#[derive(Clone, Default, PartialEq)]
struct Narrow {
    urgency: String,
    department: String,
    worker: String,
    from: String,
    to: String,
}

impl Narrow {
    fn keeps(&self, o: &lobbydesk_core::modules::work_orders::WorkOrder) -> bool {
        let day = lobbydesk_core::time::day_key(o.created_at);
        (self.urgency.is_empty() || o.urgency.code() == self.urgency)
            && (self.department.is_empty()
                || o.department.map(|d| d.code()) == Some(self.department.as_str()))
            && (self.worker.is_empty() || o.worker == self.worker)
            && (self.from.is_empty() || day >= self.from)
            && (self.to.is_empty() || day <= self.to)
    }
}

#[component]
pub fn ListPage() -> impl IntoView {
    let desk = use_desk();
    let query = use_query_map();
    let search = RwSignal::new(String::new());
    let which = RwSignal::new(data::Which::Open);
    let late_only = RwSignal::new(query.with_untracked(|q| q.get("late").is_some()));
    let s = || RwSignal::new(String::new());
    let (urgency, department, worker, from, to) = (s(), s(), s(), s(), s());
    let rows = LocalResource::new(move || {
        desk.revision();
        let (text, w, late) = (search.get(), which.get(), late_only.get());
        let narrow = Narrow {
            urgency: urgency.get(),
            department: department.get(),
            worker: worker.get(),
            from: from.get(),
            to: to.get(),
        };
        async move {
            let mut rows = data::list(desk, &text, w).await?;
            let (now, limits) = (BrowserClock.now(), settings::work_limits());
            rows.retain(|(_, o)| narrow.keeps(o) && (!late || o.late(now, &limits).is_some()));
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
    let all = move |label: T| (String::new(), desk.t(label).to_string());
    let urgencies = Signal::derive(move || {
        std::iter::once(all(T::AnyUrgency))
            .chain(
                Urgency::ALL
                    .iter()
                    .map(|u| (u.code().to_string(), u.label(desk.lang.get()).to_string())),
            )
            .collect::<Vec<_>>()
    });
    let departments = Signal::derive(move || {
        std::iter::once(all(T::AnyDepartment))
            .chain(
                Department::ALL
                    .iter()
                    .map(|d| (d.code().to_string(), d.label(desk.lang.get()).to_string())),
            )
            .collect::<Vec<_>>()
    });
    let workers = Signal::derive(move || {
        std::iter::once(all(T::AnyWorker))
            .chain(settings::workers().into_iter().map(|n| (n.clone(), n)))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="page work-orders">
            <div class="card">
                <h1>{desk.tr(Msg::WorkOrders)}</h1>
                <SearchBox id="wo-search" label=T::Search value=search testid="wo-search" />
                <div class="chips" data-testid="wo-filter">
                    {chip(
                        Signal::derive(move || desk.t(T::AllOpen).to_string()),
                        "wo-filter-open".into(),
                        Signal::derive(move || which.get() == data::Which::Open && !late_only.get()),
                        Callback::new(move |()| { which.set(data::Which::Open); late_only.set(false); }),
                    )}
                    {chip(
                        Signal::derive(move || desk.t(T::Late).to_string()),
                        "wo-filter-late".into(),
                        Signal::derive(move || late_only.get()),
                        Callback::new(move |()| { which.set(data::Which::Open); late_only.set(true); }),
                    )}
                    {WorkStatus::ALL.iter().copied().map(|st| chip(
                        Signal::derive(move || st.label(desk.lang.get()).to_string()),
                        format!("wo-filter-{}", st.code()),
                        Signal::derive(move || which.get() == data::Which::In(st)),
                        Callback::new(move |()| { which.set(data::Which::In(st)); late_only.set(false); }),
                    )).collect_view()}
                    {chip(
                        Signal::derive(move || desk.t(T::AllOrders).to_string()),
                        "wo-filter-all".into(),
                        Signal::derive(move || which.get() == data::Which::All),
                        Callback::new(move |()| { which.set(data::Which::All); late_only.set(false); }),
                    )}
                </div>
                <div class="grid3 wo-narrow">
                    <SelectField id="wo-f-urgency" label=T::Urgency value=urgency options=urgencies testid="wo-f-urgency" />
                    <SelectField id="wo-f-department" label=T::Department value=department options=departments testid="wo-f-department" />
                    <SelectField id="wo-f-worker" label=T::Worker value=worker options=workers testid="wo-f-worker" />
                    <TextField id="wo-f-from" label=T::TakenFrom value=from kind="date" testid="wo-f-from" />
                    <TextField id="wo-f-to" label=T::TakenTo value=to kind="date" testid="wo-f-to" />
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
