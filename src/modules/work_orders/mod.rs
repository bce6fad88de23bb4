//! 报修与工单 Work orders: taking a request (a call, a walk-in, the owners' group), the lists
//! (by status, late ones marked), an order's page with its moves (dispatch, start, complete with
//! the owner's signature, follow-up, hold, cancel, close) and its printed job sheet, and the
//! follow-up list. Orders made from failed inspection items are in the same lists.

pub mod config;
pub mod data;
pub mod detail;
pub mod list;
pub mod take;
pub mod texts;

use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::work_orders::{TAKE_WORK_ORDERS, WorkOrder, yuan};
use lobbydesk_core::{RecordId, time};
use texts::WorkOrderMsg as T;

/// The tabs above every work-order screen.
pub const TABS: &[Tab] = &[
    Tab::new("/work-orders", T::Take.tx(), "tab-wo-take"),
    Tab::new("/work-orders/list", T::List.tx(), "tab-wo-list"),
    Tab::new(
        "/work-orders/follow-up",
        T::FollowUps.tx(),
        "tab-wo-follow-up",
    ),
];

/// `/work-orders`: take a request, the lists, the follow-ups, one order.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/work-orders") view=|| view! { <TabbedModule label=Msg::WorkOrders tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=TAKE_WORK_ORDERS><take::TakePage /></Allowed> } />
            <Route path=path!("/list") view=list::ListPage />
            <Route path=path!("/follow-up") view=list::FollowUpPage />
            <Route path=path!("/o/:id") view=detail::OrderPage />
        </ParentRoute>
    }
    .into_inner()
}

pub fn settings_card() -> AnyView {
    view! { <config::WorkOrderSettingsCard /> }.into_any()
}

/// The home screen's card: open orders, late ones, follow-ups waiting.
pub fn home_card() -> AnyView {
    let desk = use_desk();
    let counts = LocalResource::new(move || {
        desk.revision();
        async move { data::counts(desk).await.unwrap_or_default() }
    });
    view! {
        <Show when=move || desk.can(TAKE_WORK_ORDERS)>
            <div class="card" data-testid="wo-home">
                <h2>{desk.tr(T::HomeTitle)}</h2>
                <Suspense>
                    {move || Suspend::new(async move {
                        let (open, late, follow) = counts.await;
                        let late_class = if late > 0 { "button-link warn" } else { "button-link" };
                        view! {
                            <p class="row">
                                <A href="/work-orders/list" attr:class="button-link" attr:data-testid="wo-home-open">{format!("{open} ")}{desk.tr(T::OpenCount)}</A>
                                <A href="/work-orders/list?late=1" attr:class=late_class attr:data-testid="wo-home-late">{format!("{late} ")}{desk.tr(T::LateCount)}</A>
                                <A href="/work-orders/follow-up" attr:class="button-link" attr:data-testid="wo-home-follow-up">{format!("{follow} ")}{desk.tr(T::FollowUpCount)}</A>
                            </p>
                        }
                    })}
                </Suspense>
            </div>
        </Show>
    }
    .into_any()
}

/// An order in a list: number, status (超时 when late), where, what, when, who.
#[component]
pub fn OrderRow(id: RecordId, order: WorkOrder) -> impl IntoView {
    let desk = use_desk();
    let o = order;
    let late = o.late(BrowserClock.now(), &settings::work_limits());
    let (status, urgency, category) = (o.status, o.urgency, o.category);
    let place = if o.unit.is_empty() {
        o.place.clone()
    } else {
        o.unit.clone()
    };
    let number = o.shown_number(id);
    let from = o.inspection.map(|i| {
        view! { <A href=format!("/inspections/r/{i}") attr:class="button-link" attr:data-testid="wo-inspection">{desk.tr(T::FromInspection)}</A> }
    });
    view! {
        <li class="visit-row wo-row" class:late=late.is_some() data-testid="wo-row" id=format!("wo-{id}")>
            <div class="memo-body">
                <A href=format!("/work-orders/o/{id}") attr:class="wo-open" attr:data-testid="wo-open">
                    <strong class="mono">{number}</strong>
                </A>
                " · " <strong data-testid="wo-status">{move || status.label(desk.lang.get())}</strong>
                {late.map(|l| view! { " · " <span class="badge bad" data-testid="wo-late">{move || l.label(desk.lang.get())}</span> })}
                <br/>
                <span>{place}</span> " · " {move || category.label(desk.lang.get())} " · " {move || urgency.label(desk.lang.get())}
                {(o.rework > 0).then(|| view! { " · " <span class="warn">{desk.tr(T::Rework)} {format!(" {}", o.rework)}</span> })}
                <br/><span>{o.description.clone()}</span>
                <br/><span class="muted">{time::short(o.created_at)} " · " {o.created_by.clone()}
                    {(!o.worker.is_empty()).then(|| format!(" → {}", o.worker))}
                    {o.paid.then(|| format!(" · {} {}", desk.t(T::Paid), yuan(o.quote_fen)))}
                </span>
            </div>
            {from}
        </li>
    }
}
