//! 在场访客 Who is on site now, with one-tap sign-out.

use super::data::{self, rows};
use super::row::VisitRow;
use crate::components::paged::{LoadMore, PagedStatus, use_paged};
use crate::desk::use_desk;
use crate::modules::visitors::texts::VisitorMsg;
use leptos::prelude::*;
use lobbydesk_core::modules::visitors::{Visit, ix};
use lobbydesk_core::{KeyRange, ListQuery, Record};

#[component]
pub fn OnSitePage() -> impl IntoView {
    let desk = use_desk();
    view! {
        <section class="page visitors">
            <h1>{desk.tr(VisitorMsg::OnSite)}</h1>
            <OnSiteList />
        </section>
    }
}

/// Visitors on site now, newest first, each with a one-tap sign-out.
#[component]
pub fn OnSiteList() -> impl IntoView {
    let desk = use_desk();
    let list =
        use_paged(|| ListQuery::by(Visit::KIND, ix::ON_SITE, KeyRange::Exact("1".into()), 50));
    let sign_out = data::sign_out_action(desk);
    view! {
        <p class="muted" data-testid="onsite-count">
            {move || list.items.with(|i| i.len())} {move || if list.has_more() { "+" } else { "" }} " " {desk.tr(VisitorMsg::People)}
        </p>
        <PagedStatus list=list empty=VisitorMsg::NobodyOnSite />
        <ul class="visit-list card" data-testid="onsite-list">
            <For each=move || rows(&list.items.get()) key=|r| (r.id(), r.env.meta.version) let:row>
                {
                    let id = row.id();
                    view! {
                        <VisitRow row=row>
                            <button
                                data-testid="sign-out"
                                disabled=move || sign_out.pending().get()
                                on:click=move |_| { sign_out.dispatch(id); }
                            >
                                {desk.tr(VisitorMsg::SignOut)}
                            </button>
                        </VisitRow>
                    }
                }
            </For>
        </ul>
        <LoadMore list=list />
    }
}
