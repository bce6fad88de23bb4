//! 访客记录 The visit log: any day or date range, by purpose, and a search box over name,
//! phone, plate, unit and the last four ID characters. Lists page through an index.

use super::data::{self, Row, rows};
use super::row::VisitRow;
use crate::components::form::{SearchBox, SelectField, TextField};
use crate::components::paged::{LoadMore, PagedStatus, use_paged};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::visitors::texts::VisitorMsg;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::visitors::{Purpose, Visit, ix};
use lobbydesk_core::time::day_key;
use lobbydesk_core::{KeyRange, ListQuery, Record};

const PAGE: u32 = 30;
const SEARCH_LIMIT: u32 = 50;

#[component]
pub fn LogPage() -> impl IntoView {
    let desk = use_desk();
    let today = day_key(BrowserClock.now());
    let from = RwSignal::new(today.clone());
    let to = RwSignal::new(today);
    let purpose = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());

    let (lo, hi) = (
        move || from.get().min(to.get()),
        move || from.get().max(to.get()),
    );
    let listing = use_paged(move || {
        let p = purpose.get();
        if p.is_empty() {
            ListQuery::by(Visit::KIND, ix::DAY, KeyRange::Between(lo(), hi()), PAGE)
        } else {
            ListQuery::by(
                Visit::KIND,
                ix::PURPOSE_DAY,
                KeyRange::Between(format!("{p}|{}", lo()), format!("{p}|{}", hi())),
                PAGE,
            )
        }
    });
    // With text in the search box: matches over all days, then narrowed to the dates and purpose.
    let found = LocalResource::new(move || {
        desk.revision();
        let (t, lo, hi, p) = (text.get(), lo(), hi(), purpose.get());
        async move {
            if t.trim().is_empty() {
                return None;
            }
            let q = t.clone();
            let r = data::search(desk, &t, SEARCH_LIMIT)
                .await
                .map(|rows: Vec<Row>| {
                    rows.into_iter()
                        .filter(|r| {
                            let d = day_key(r.visit.time_in);
                            d >= lo && d <= hi && (p.is_empty() || r.visit.purpose.code() == p)
                        })
                        .collect::<Vec<_>>()
                });
            Some((q, r))
        }
    });
    let purposes = Signal::derive(move || {
        let lang = desk.lang.get();
        let mut v = vec![(String::new(), desk.t(VisitorMsg::AllPurposes).to_string())];
        v.extend(
            Purpose::ALL
                .iter()
                .map(|p| (p.code().to_string(), p.label(lang).to_string())),
        );
        v
    });

    view! {
        <section class="page visitors">
            <div class="card filters">
                <SearchBox id="log-search" label=Msg::Search value=text placeholder=VisitorMsg::SearchVisitsHint testid="log-search" />
                <div class="grid3">
                    <TextField id="log-from" label=VisitorMsg::DateFrom value=from kind="date" testid="log-from" />
                    <TextField id="log-to" label=VisitorMsg::DateTo value=to kind="date" testid="log-to" />
                    <SelectField id="log-purpose" label=Msg::Purpose value=purpose options=purposes testid="log-purpose" />
                </div>
            </div>
            <Transition>
                {move || Suspend::new(async move {
                    match found.await {
                        Some((q, Ok(list))) => view! {
                            // `data-query`: which search these results answer (the benchmark waits for it).
                            <p class="muted" data-testid="search-count" data-query=q>
                                {list.len()} " " {desk.tr(VisitorMsg::Results)}
                                {(list.len() as u32 >= SEARCH_LIMIT).then(|| view! { " · " {desk.tr(VisitorMsg::NewestOnly)} })}
                            </p>
                            <ul class="visit-list card" data-testid="log-list">
                                {list.into_iter().map(|row| view! { <VisitRow row=row /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Some((_, Err(e))) => view! { <p class="field-error" role="alert">{desk.explain(&e)}</p> }.into_any(),
                        None => view! { <Listing list=listing /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Listing(list: crate::components::paged::Paged) -> impl IntoView {
    view! {
        <PagedStatus list=list empty=VisitorMsg::NoVisits />
        <ul class="visit-list card" data-testid="log-list">
            <For each=move || rows(&list.items.get()) key=|r| (r.id(), r.env.meta.version) let:row>
                <VisitRow row=row />
            </For>
        </ul>
        <LoadMore list=list testid="log-more" />
    }
}
