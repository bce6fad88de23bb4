//! 投诉 Complaints: recording one with help judging its kind, the list and the follow-ups, and
//! one complaint worked step by step by its procedure, the lists narrowed and a month counted.

pub mod data;
pub mod detail;
pub mod list;
pub mod record;
pub mod report;
pub mod texts;

use crate::components::days::DaysCard;
use crate::components::tabs::{Tab, TabbedModule};
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::modules::complaints::HANDLE_COMPLAINTS;
use texts::ComplaintMsg as T;

/// The tabs above every complaint screen.
pub const TABS: &[Tab] = &[
    Tab::new("/complaints", T::Record.tx(), "tab-cp-record"),
    Tab::new("/complaints/list", T::List.tx(), "tab-cp-list"),
    Tab::new(
        "/complaints/follow-up",
        T::FollowUps.tx(),
        "tab-cp-follow-up",
    ),
    Tab::new("/complaints/report", T::Report.tx(), "tab-cp-report"),
];

/// `/complaints`: record, list, follow-ups, one complaint.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/complaints") view=|| view! { <TabbedModule label=Msg::Complaints tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><record::RecordPage /></Allowed> } />
            <Route path=path!("/list") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><list::ListPage /></Allowed> } />
            <Route path=path!("/report") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><report::ReportPage /></Allowed> } />
            <Route path=path!("/follow-up") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><list::FollowUpPage /></Allowed> } />
            <Route path=path!("/c/:id") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><detail::CasePage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}

pub fn settings_card() -> AnyView {
    view! { <ComplaintSettingsCard /> }.into_any()
}

#[component]
fn ComplaintSettingsCard() -> impl IntoView {
    view! {
        <DaysCard title=T::SettingsTitle label=T::KeepDays setting="complaint.retention_days"
            get=settings::complaint_retention_days set=settings::set_complaint_retention_days
            field="cp-keep" testid="cp-settings" />
        <DaysCard title=T::LimitTitle label=T::LimitDays setting="complaint.limit_days"
            get=settings::complaint_limit_days set=settings::set_complaint_limit_days
            field="cp-limit" testid="cp-limit-settings" range=(1, 90) bad=T::BadLimit />
    }
}
