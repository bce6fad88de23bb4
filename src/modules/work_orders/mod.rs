//! 工单 Work orders made from failed inspection items (the service-desk issue grows this into
//! dispatch). Its screen sits under the inspections tab bar, where the work orders come from.

pub mod data;
pub mod texts;

use crate::components::loaded::{ListState, Loaded, rows};
use crate::components::tabs::TabbedModule;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::inspections;
use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::Envelope;
use lobbydesk_core::modules::work_orders::WorkOrder;
use lobbydesk_core::time::long;
use texts::WorkOrderMsg as T;

/// `/work-orders`, under the inspections tab bar.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/work-orders") view=|| view! { <TabbedModule label=Msg::Inspections tabs=inspections::TABS /> }>
            <Route path=path!("") view=WorkOrdersPage />
        </ParentRoute>
    }
    .into_inner()
}

/// The work orders, newest first, each with a link to the inspection it came from.
#[component]
pub fn WorkOrdersPage() -> impl IntoView {
    let desk = use_desk();
    let list = LocalResource::new(move || {
        desk.revision();
        async move { data::work_orders(desk).await }
    });
    view! {
        <section class="page work-orders">
            <div class="card">
                <h1>{desk.tr(Msg::WorkOrders)}</h1>
                <Loaded state=ListState::watch(list) empty=T::NoWorkOrders>
                    {move || rows(list).map(|v: Vec<(Envelope, WorkOrder)>| {
                    let lang = desk.lang.get();
                    view! {
                        <ul class="plain-list" data-testid="wo-list">
                            {v.into_iter().map(|(env, w)| {
                                let from = w.inspection.map(|i| view! {
                                    <A href=format!("/inspections/r/{i}") attr:data-testid="wo-inspection">{desk.tr(T::FromInspection)}</A>
                                });
                                view! {
                                    <li data-testid="wo-row" id=format!("wo-{}", env.meta.id)>
                                        <strong>{w.status.label(lang)}</strong> " · " {w.place.clone()}
                                        {(!w.unit.is_empty()).then(|| format!(" · {}", w.unit))} " · " {long(w.created_at)}
                                        <br/>{w.description.clone()} " " {from}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}
                </Loaded>
            </div>
        </section>
    }
}
