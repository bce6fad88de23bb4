//! 投诉 Complaints: recording one with help judging its kind, the list and the follow-ups, and
//! one complaint worked step by step by its procedure.

pub mod data;
pub mod detail;
pub mod list;
pub mod record;
pub mod texts;

use crate::components::form::TextField;
use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::use_desk;
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
];

/// `/complaints`: record, list, follow-ups, one complaint.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/complaints") view=|| view! { <TabbedModule label=Msg::Complaints tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><record::RecordPage /></Allowed> } />
            <Route path=path!("/list") view=|| view! { <Allowed needs=HANDLE_COMPLAINTS><list::ListPage /></Allowed> } />
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
    let desk = use_desk();
    let keep = RwSignal::new(settings::complaint_retention_days().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = keep
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (30..=3650).contains(d))
        else {
            return desk.toasts.error(desk.t(T::BadDays));
        };
        let before = settings::complaint_retention_days();
        match settings::set_complaint_retention_days(d) {
            Ok(()) => {
                desk.toasts.info(desk.t(Msg::SettingsSaved));
                desk.settings_changed(vec![(
                    "complaint.retention_days",
                    before.to_string(),
                    d.to_string(),
                )]);
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save data-testid="cp-settings">
            <h2>{desk.tr(T::SettingsTitle)}</h2>
            <TextField id="cp-keep" label=T::KeepDays value=keep kind="number" inputmode="numeric" testid="cp-keep" />
            <button type="submit">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
