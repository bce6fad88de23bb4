//! 快递 Parcels: intake (a USB scanner types the number and Enter), the shelf (search, notify,
//! hand over with signature, return, lost), outgoing parcels, and the day's counts.

pub mod data;
pub mod intake;
pub mod outgoing;
pub mod shelf;
pub mod today;

use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::parcels::{Outcome, Parcel, ParcelState};
use lobbydesk_core::time;

#[component]
pub fn ParcelTabs() -> impl IntoView {
    let desk = use_desk();
    let tab = |href: &'static str, label: Msg, testid: &'static str| {
        view! { <A href=href attr:class="tab" attr:data-testid=testid exact=true>{desk.tr(label)}</A> }
    };
    view! {
        <nav class="tabs" aria-label=desk.tr(Msg::Parcels)>
            {tab("/parcels", Msg::Intake, "tab-intake")}
            {tab("/parcels/shelf", Msg::Shelf, "tab-shelf")}
            {tab("/parcels/outgoing", Msg::Outgoing, "tab-outgoing")}
            {tab("/parcels/today", Msg::Today, "tab-today")}
        </nav>
    }
}

/// What a parcel row says about its state.
pub fn state_label(p: &Parcel, lang: crate::i18n::Lang) -> &'static str {
    match p.state() {
        ParcelState::Received => lang.pick("待通知", "Not notified"),
        ParcelState::Notified => lang.pick("已通知", "Notified"),
        ParcelState::Closed(Outcome::PickedUp) => lang.pick("已取件", "Picked up"),
        ParcelState::Closed(Outcome::Returned) => lang.pick("已退回", "Returned"),
        ParcelState::Closed(Outcome::Lost) => lang.pick("遗失/损坏", "Lost/damaged"),
        ParcelState::Closed(Outcome::Collected) => lang.pick("已寄出", "Collected"),
    }
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
            {p.photo.clone().map(|url| view! { <img class="thumb right" src=url alt="" data-testid="parcel-photo" /> })}
            <div class="visit-line1">
                <strong class="mono" data-testid="parcel-tracking">{p.tracking.clone()}</strong>
                <span class="badge">{move || carrier.label(desk.lang.get())}</span>
                <span class="muted">{move || kind.label(desk.lang.get())}</span>
                <span class="badge" class:bad=overdue data-testid="parcel-state">{move || state_label(&p2, desk.lang.get())}</span>
                {overdue.then(|| view! { <span class="badge bad" data-testid="overdue">{desk.tr(Msg::Overdue)}</span> })}
            </div>
            <div class="visit-line2">
                <span data-testid="parcel-recipient">{recipient}</span>
                {p.recipient.phone.as_ref().map(|ph| view! { " · " <span class="muted">{ph.display()}</span> })}
            </div>
            <div class="visit-line2 muted">
                {desk.tr(Msg::PickupCode)} " " <strong class="mono" data-testid="parcel-code">{p.pickup_code.clone()}</strong>
                {(!p.shelf.is_empty()).then(|| view! { " · " {desk.tr(Msg::ShelfSpot)} " " {p.shelf.clone()} })}
                " · " {time::short(p.received_at)}
                {(!p.received_by.is_empty()).then(|| view! { " · " <span data-testid="parcel-clerk">{p.received_by.clone()}</span> })}
                {(p.outcome.is_none() && !p.outgoing).then(|| view! { " · " {days} {desk.tr(Msg::DaysOnShelf)} })}
            </div>
        </div>
    }
}

/// The carrier choices, "detect" first, in the current language.
pub fn carrier_options(desk: crate::desk::Desk) -> Signal<Vec<(String, String)>> {
    use lobbydesk_core::modules::parcels::Carrier;
    Signal::derive(move || {
        let lang = desk.lang.get();
        let mut v = vec![(String::new(), desk.t(Msg::AutoDetect).to_string())];
        v.extend(
            Carrier::ALL
                .iter()
                .map(|c| (c.code().to_string(), c.label(lang).to_string())),
        );
        v
    })
}
