//! 今日 The day at the parcel desk: received, handed over, waiting, overdue.

use super::data;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::parcels::texts::ParcelMsg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::parcels::{Parcel, ix};
use lobbydesk_core::time::day_key;
use lobbydesk_core::{KeyRange, ListQuery, Record};

#[derive(Clone, Copy, Default)]
struct Counts {
    received: usize,
    handed_over: usize,
    waiting: usize,
    overdue: usize,
}

#[component]
pub fn TodayPage() -> impl IntoView {
    let desk = use_desk();
    let counts = LocalResource::new(move || {
        desk.revision();
        async move {
            let now = BrowserClock.now();
            let today = day_key(now);
            let q = |index: &str, range: KeyRange| ListQuery::by(Parcel::KIND, index, range, 500);
            let received = data::all(desk, q(ix::DAY, KeyRange::Exact(today.clone())))
                .await?
                .into_iter()
                .filter(|(_, p)| !p.outgoing)
                .count();
            let handed_over = data::all(
                desk,
                q(ix::CLOSED, KeyRange::Exact(format!("picked_up|{today}"))),
            )
            .await?
            .len();
            let waiting = data::all(desk, q(ix::WAITING, KeyRange::All)).await?;
            let days = settings::parcel_overdue_days();
            let overdue = waiting.iter().filter(|(_, p)| p.overdue(now, days)).count();
            Ok::<_, lobbydesk_core::StoreError>(Counts {
                received,
                handed_over,
                waiting: waiting.len(),
                overdue,
            })
        }
    });
    view! {
        <section class="page parcels">
            <Transition>
                {move || Suspend::new(async move {
                    match counts.await {
                        Err(e) => view! { <p class="field-error">{desk.explain(&e)}</p> }.into_any(),
                        Ok(c) => view! {
                            <div class="stats" data-testid="parcel-day">
                                <div class="stat card"><span class="n" data-testid="n-received">{c.received}</span><span>{desk.tr(ParcelMsg::ReceivedToday)}</span></div>
                                <div class="stat card"><span class="n" data-testid="n-handed">{c.handed_over}</span><span>{desk.tr(ParcelMsg::HandedOverToday)}</span></div>
                                <div class="stat card"><span class="n" data-testid="n-waiting">{c.waiting}</span><span>{desk.tr(ParcelMsg::ParcelsWaiting)}</span></div>
                                <div class="stat card" class:bad-notice={c.overdue > 0}><span class="n" data-testid="n-overdue">{c.overdue}</span><span>{desk.tr(Msg::Overdue)}</span></div>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
