//! 寄存/转交 Items left at the desk for someone: taking one in (from whom, for whom, what, a photo,
//! where it is kept) with a pickup code to pass on; the items waiting, found by code, name or
//! unit, handed over with the code (or an ID check) and a signature, or taken back by who left
//! them; the history.

pub mod data;
pub mod pages;
pub mod texts;

use crate::components::tabs::{Tab, TabbedModule};
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::modules::deposits::KEEP_DEPOSITS;
use texts::DepositMsg as T;

/// The tabs above every deposit screen.
pub const TABS: &[Tab] = &[
    Tab::new("/deposits", T::TakeIn.tx(), "tab-dp-take-in"),
    Tab::new("/deposits/waiting", T::Waiting.tx(), "tab-dp-waiting"),
    Tab::new("/deposits/history", T::History.tx(), "tab-dp-history"),
];

/// `/deposits`: take in, waiting, history.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/deposits") view=|| view! { <TabbedModule label=Msg::Deposits tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=KEEP_DEPOSITS><pages::TakeInPage /></Allowed> } />
            <Route path=path!("/waiting") view=|| view! { <Allowed needs=KEEP_DEPOSITS><pages::WaitingPage /></Allowed> } />
            <Route path=path!("/history") view=|| view! { <Allowed needs=KEEP_DEPOSITS><pages::HistoryPage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}
