//! 访客 Visitors: register (the form), on site now (one-tap sign-out), the log (search and
//! filters) and a visit's detail with its printable pass.

pub mod config;
pub mod data;
pub mod detail;
pub mod log;
pub mod onsite;
pub mod register;
mod row;
pub mod texts;

use crate::components::tabs::{Tab, TabbedModule};
use crate::i18n::Msg;
use detail::DetailPage;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use log::LogPage;
use onsite::OnSitePage;
use register::RegisterPage;
use texts::VisitorMsg;

/// The tabs above every visitor screen.
pub const TABS: &[Tab] = &[
    Tab::new("/visitors", VisitorMsg::Register.tx(), "tab-register"),
    Tab::new("/visitors/onsite", VisitorMsg::OnSite.tx(), "tab-onsite"),
    Tab::new("/visitors/log", VisitorMsg::VisitLog.tx(), "tab-log"),
];

/// `/visitors`: register, on site, the log and a visit's page, under the tab bar.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/visitors") view=|| view! { <TabbedModule label=Msg::Visitors tabs=TABS /> }>
            <Route path=path!("") view=RegisterPage />
            <Route path=path!("/onsite") view=OnSitePage />
            <Route path=path!("/log") view=LogPage />
            <Route path=path!("/v/:id") view=DetailPage />
        </ParentRoute>
    }
    .into_inner()
}

/// The module's card on the settings page.
pub fn settings_card() -> AnyView {
    view! { <config::VisitorSettingsCard /> }.into_any()
}

/// A visit as one row of a list (for other modules' pages, such as a unit's).
pub fn row_view(row: data::Row) -> impl IntoView {
    view! { <row::VisitRow row=row /> }
}
