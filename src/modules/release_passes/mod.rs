//! 放行条 Goods release passes: the application at the desk (a tenant moving out with the owner's
//! consent and fees cleared), the supervisor's decision, the printed pass with its code and QR,
//! and the gate check (门岗) by the code: let through once, or refused with a reason.

pub mod data;
pub mod pages;
pub mod texts;

use crate::components::tabs::{Tab, TabbedModule};
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::modules::release_passes::{APPLY_PASSES, CHECK_PASSES, READ_PASSES};
use texts::PassMsg as T;

/// The tabs above every pass screen; the gate sees its own only.
pub const TABS: &[Tab] = &[
    Tab::new("/release-passes", T::Apply.tx(), "tab-rp-apply").only_for(APPLY_PASSES),
    Tab::new("/release-passes/list", T::List.tx(), "tab-rp-list").only_for(APPLY_PASSES),
    Tab::new("/release-passes/gate", T::Gate.tx(), "tab-rp-gate").only_for(CHECK_PASSES),
];

/// `/release-passes`: apply, the list, one pass, the gate check.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/release-passes") view=|| view! { <TabbedModule label=Msg::ReleasePasses tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=READ_PASSES><pages::ApplyOrGate /></Allowed> } />
            <Route path=path!("/list") view=|| view! { <Allowed needs=APPLY_PASSES><pages::ListPage /></Allowed> } />
            <Route path=path!("/p/:id") view=|| view! { <Allowed needs=APPLY_PASSES><pages::PassPage /></Allowed> } />
            <Route path=path!("/gate") view=|| view! { <Allowed needs=CHECK_PASSES><pages::GatePage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}
