//! 投诉列表 and 待回访: complaints open, closed or all, narrowed by kind, department and the days
//! they were recorded, or found by unit, name or phone; those waiting for their follow-up call.

use super::data;
use super::texts::ComplaintMsg as T;
use crate::components::form::{SearchBox, SelectField, TextField};
use crate::desk::use_desk;
use crate::i18n::Msg;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::modules::complaints::report::{Filter, State};
use lobbydesk_core::modules::complaints::{Department, Kind};
use lobbydesk_core::time;

#[component]
pub fn ListPage() -> impl IntoView {
    let desk = use_desk();
    let search = RwSignal::new(String::new());
    let state = RwSignal::new(State::Open);
    let s = || RwSignal::new(String::new());
    let (kind, department, from, to) = (s(), s(), s(), s());
    let rows = LocalResource::new(move || {
        desk.revision();
        let day = |v: RwSignal<String>| NaiveDate::parse_from_str(&v.get(), "%Y-%m-%d").ok();
        let filter = Filter {
            kind: Kind::from_code(&kind.get()),
            department: Department::from_code(&department.get()),
            state: state.get(),
            from: day(from),
            to: day(to),
        };
        let t = search.get();
        async move { data::list(desk, &t, &filter).await }
    });
    let any = move |label: T| (String::new(), desk.t(label).to_string());
    let kinds = Signal::derive(move || {
        std::iter::once(any(T::AnyKind))
            .chain(
                Kind::ALL
                    .iter()
                    .map(|k| (k.code().to_string(), k.label(desk.lang.get()).to_string())),
            )
            .collect::<Vec<_>>()
    });
    let departments = Signal::derive(move || {
        std::iter::once(any(T::AnyDepartment))
            .chain(
                Department::ALL
                    .iter()
                    .map(|d| (d.code().to_string(), d.label(desk.lang.get()).to_string())),
            )
            .collect::<Vec<_>>()
    });
    let chip = move |st: State, label: T, testid: &'static str| {
        view! {
            <button type="button" class="choice" data-testid=testid aria-pressed=move || (state.get() == st).to_string()
                on:click=move |_| state.set(st)>{desk.tr(label)}</button>
        }
    };
    view! {
        <section class="page complaints">
            <div class="card">
                <h1>{desk.tr(T::List)}</h1>
                <SearchBox id="cp-search" label=T::Search value=search testid="cp-search" />
                <div class="chips">
                    {chip(State::Open, T::OpenOnly, "cp-filter-open")}
                    {chip(State::Closed, T::ClosedOnly, "cp-filter-closed")}
                    {chip(State::Any, T::All, "cp-filter-all")}
                </div>
                <div class="grid3 wo-narrow">
                    <SelectField id="cp-f-kind" label=T::Kind value=kind options=kinds testid="cp-f-kind" />
                    <SelectField id="cp-f-department" label=T::Department value=department options=departments testid="cp-f-department" />
                    <TextField id="cp-f-from" label=T::From value=from kind="date" testid="cp-f-from" />
                    <TextField id="cp-f-to" label=T::To value=to kind="date" testid="cp-f-to" />
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
        <section class="page complaints">
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
                    Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="cp-empty">{desk.tr(T::NoComplaints)}</p> }.into_any(),
                    Ok(v) => view! {
                        <ul class="visit-list card" data-testid="cp-list">
                            {v.into_iter().map(|(e, c)| {
                                let id = e.meta.id;
                                let (kind, stage) = (c.kind, c.stage);
                                let who = if c.anonymous { desk.t(T::Anonymous).to_string() } else { format!("{} {}", c.unit, lobbydesk_core::spec::Mask::Name.apply(&c.name)) };
                                view! {
                                    <li class="visit-row" data-testid="cp-row">
                                        <div class="memo-body">
                                            <A href=format!("/complaints/c/{id}") attr:class="wo-open" attr:data-testid="cp-open">
                                                <strong>{move || kind.label(desk.lang.get())}</strong>
                                            </A>
                                            " · " <span data-testid="cp-stage">{move || stage.label(desk.lang.get())}</span>
                                            " · " <span class="muted">{time::short(c.created_at)}</span>
                                            <br/><span>{who}</span>
                                            <br/><span>{c.what.clone()}</span>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
