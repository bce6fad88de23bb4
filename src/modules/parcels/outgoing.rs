//! 寄件 Parcels a resident leaves at the desk for a courier, and who collected them.

use super::ParcelSummary;
use super::data::{self, IntakeError};
use crate::components::form::submit_once;
use crate::components::form::{SelectField, TextField, enter_moves_on};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::parcels::texts::ParcelMsg;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::parcels::{Carrier, Intake, Outcome, Parcel, ix};
use lobbydesk_core::{KeyRange, ListQuery, Record, RecordId};

#[component]
pub fn OutgoingPage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (tracking, carrier, unit, name, phone) = (s(), s(), s(), s(), s());
    let problem = RwSignal::new(None::<String>);
    let save = Action::new_local(move |_: &()| async move {
        let intake = Intake {
            tracking: tracking.get_untracked(),
            carrier: Carrier::from_code(&carrier.get_untracked()),
            unit: unit.get_untracked(),
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            outgoing: true,
            // The sender stands at the desk: an unusual unit needs no second confirmation.
            unit_as_typed: true,
            ..Intake::default()
        };
        match data::take_in(desk, &intake, None).await {
            Ok(_) => {
                for s in [tracking, unit, name, phone] {
                    s.set(String::new());
                }
                problem.set(None);
                desk.toasts.info(desk.t(Msg::Saved));
                desk.changed();
            }
            Err(IntakeError::Fields(e)) => problem.set(Some(data::explain_fields(desk, &e))),
            Err(IntakeError::Store(e)) => desk.toasts.error(desk.explain(&e)),
        }
    });
    let courier = s();
    let collected = Action::new_local(move |id: &RecordId| {
        let id = *id;
        async move {
            let (now, clerk, who) = (
                BrowserClock.now(),
                desk.clerk.get_untracked(),
                courier.get_untracked(),
            );
            match data::change(desk, &[id], |p| {
                p.closed_as(Outcome::Collected, now, &who, &clerk)
            })
            .await
            {
                Ok(_) => desk.changed(),
                Err(e) => desk.toasts.error(e),
            }
        }
    });
    let list = LocalResource::new(move || {
        desk.revision();
        async move {
            data::all(
                desk,
                ListQuery::by(Parcel::KIND, ix::OUTGOING, KeyRange::All, 100),
            )
            .await
        }
    });
    let carriers = super::carrier_options(desk);
    view! {
        <section class="page parcels">
            <form class="card" novalidate on:keydown=enter_moves_on on:submit=submit_once(save) data-testid="outgoing-form">
                <h1>{desk.tr(ParcelMsg::LeaveForCourier)}</h1>
                <div class="grid2">
                    <TextField id="o-tracking" label=ParcelMsg::TrackingNo value=tracking testid="o-tracking" maxlength=40 />
                    <SelectField id="o-carrier" label=ParcelMsg::Carrier value=carrier options=carriers testid="o-carrier" />
                    <TextField id="o-unit" label=ParcelMsg::SenderUnit value=unit testid="o-unit" maxlength=40 />
                    <TextField id="o-name" label=ParcelMsg::SenderName value=name testid="o-name" maxlength=40 />
                    <TextField id="o-phone" label=Msg::Phone value=phone testid="o-phone" kind="tel" maxlength=20 />
                </div>
                <p class="field-error" role="alert">{move || problem.get()}</p>
                <button type="submit" data-testid="o-submit">{desk.tr(Msg::Save)}</button>
            </form>
            <div class="card">
                <TextField id="o-courier" label=ParcelMsg::CourierName value=courier testid="o-courier" maxlength=40 />
            </div>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p class="field-error">{desk.explain(&e)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <ul class="visit-list card" data-testid="outgoing-list">
                                {rows.into_iter().map(|(env, p)| {
                                    let id = env.meta.id;
                                    view! {
                                        <li class="visit-row" data-testid="outgoing-row">
                                            <ParcelSummary parcel=p />
                                            <div class="visit-actions">
                                                <button data-testid="courier-collected" on:click=move |_| { collected.dispatch(id); }>{desk.tr(ParcelMsg::CourierCollected)}</button>
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
