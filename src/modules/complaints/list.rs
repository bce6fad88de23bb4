//! 投诉列表 and 待回访: complaints open or all, by search (unit, name, phone); those waiting for
//! their follow-up call.

use super::data;
use super::texts::ComplaintMsg as T;
use crate::components::form::SearchBox;
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::time;

#[component]
pub fn ListPage() -> impl IntoView {
    let desk = use_desk();
    let search = RwSignal::new(String::new());
    let open_only = RwSignal::new(true);
    let rows = LocalResource::new(move || {
        desk.revision();
        let (t, o) = (search.get(), open_only.get());
        async move { data::list(desk, &t, o).await }
    });
    view! {
        <section class="page complaints">
            <div class="card">
                <h1>{desk.tr(T::List)}</h1>
                <SearchBox id="cp-search" label=T::Search value=search testid="cp-search" />
                <div class="chips">
                    <button type="button" class="choice" data-testid="cp-filter-open" aria-pressed=move || open_only.get().to_string() on:click=move |_| open_only.set(true)>{desk.tr(T::OpenOnly)}</button>
                    <button type="button" class="choice" data-testid="cp-filter-all" aria-pressed=move || (!open_only.get()).to_string() on:click=move |_| open_only.set(false)>{desk.tr(T::All)}</button>
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
