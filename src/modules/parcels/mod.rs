//! 快递 Parcels: intake (a USB scanner types the number and Enter), the shelf (search, notify,
//! hand over with signature, return, lost), outgoing parcels, and the day's counts.

pub mod config;
pub mod data;
pub mod intake;
pub mod outgoing;
pub mod shelf;
pub mod texts;
pub mod today;

use crate::components::photo::StoredPicture;
use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use intake::IntakePage;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::parcels::Parcel;
use lobbydesk_core::time;
use outgoing::OutgoingPage;
use shelf::ShelfPage;
use texts::ParcelMsg;
use today::TodayPage;

/// The tabs above every parcel screen.
pub const TABS: &[Tab] = &[
    Tab::new("/parcels", ParcelMsg::Intake.tx(), "tab-intake"),
    Tab::new("/parcels/shelf", ParcelMsg::Shelf.tx(), "tab-shelf"),
    Tab::new(
        "/parcels/outgoing",
        ParcelMsg::Outgoing.tx(),
        "tab-outgoing",
    ),
    Tab::new("/parcels/today", Msg::Today.tx(), "tab-today"),
];

/// `/parcels`: intake, the shelf, outgoing parcels and the day's counts, under the tab bar.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/parcels") view=|| view! { <TabbedModule label=Msg::Parcels tabs=TABS /> }>
            <Route path=path!("") view=IntakePage />
            <Route path=path!("/shelf") view=ShelfPage />
            <Route path=path!("/outgoing") view=OutgoingPage />
            <Route path=path!("/today") view=TodayPage />
        </ParentRoute>
    }
    .into_inner()
}

/// The module's card on the settings page.
pub fn settings_card() -> AnyView {
    view! { <config::ParcelSettingsCard /> }.into_any()
}

/// The body of a parcel row: number, carrier, recipient, shelf, code, age.
#[component]
pub fn ParcelSummary(parcel: Parcel) -> impl IntoView {
    let desk = use_desk();
    let p = parcel;
    let now = BrowserClock.now();
    let overdue = p.overdue(now, settings::parcel_overdue_days());
    let days = p.days_waiting(now);
    let (carrier, kind) = (p.carrier, p.kind);
    let p2 = p.clone();
    let recipient = [p.recipient.unit.clone(), p.recipient.name.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <div class="visit-main">
            {p.photo.map(|id| view! { <StoredPicture id=id class="thumb right" testid="parcel-photo" /> })}
            <div class="visit-line1">
                <strong class="mono" data-testid="parcel-tracking">{p.tracking.clone()}</strong>
                <span class="badge">{move || carrier.label(desk.lang.get())}</span>
                <span class="muted">{move || kind.label(desk.lang.get())}</span>
                <span class="badge" class:bad=overdue data-testid="parcel-state">{move || p2.state().label(desk.lang.get())}</span>
                {overdue.then(|| view! { <span class="badge bad" data-testid="overdue">{desk.tr(Msg::Overdue)}</span> })}
            </div>
            <div class="visit-line2">
                <span data-testid="parcel-recipient">{recipient}</span>
                {p.recipient.phone.as_ref().map(|ph| view! { " · " <span class="muted">{ph.display()}</span> })}
            </div>
            <div class="visit-line2 muted">
                {desk.tr(ParcelMsg::PickupCode)} " " <strong class="mono" data-testid="parcel-code">{p.pickup_code.clone()}</strong>
                {(!p.shelf.is_empty()).then(|| view! { " · " {desk.tr(ParcelMsg::ShelfSpot)} " " {p.shelf.clone()} })}
                " · " {time::short(p.received_at)}
                {(!p.received_by.is_empty()).then(|| view! { " · " <span data-testid="parcel-clerk">{p.received_by.clone()}</span> })}
                {(p.outcome.is_none() && !p.outgoing).then(|| view! { " · " {days} {desk.tr(ParcelMsg::DaysOnShelf)} })}
            </div>
        </div>
    }
}

/// The carrier choices, "detect" first, in the current language.
pub fn carrier_options(desk: crate::desk::Desk) -> Signal<Vec<(String, String)>> {
    use lobbydesk_core::modules::parcels::Carrier;
    Signal::derive(move || {
        let lang = desk.lang.get();
        let mut v = vec![(String::new(), desk.t(ParcelMsg::AutoDetect).to_string())];
        v.extend(
            Carrier::ALL
                .iter()
                .map(|c| (c.code().to_string(), c.label(lang).to_string())),
        );
        v
    })
}
