//! 入库 Taking parcels in, one after another without touching the screen: the scanner types the
//! number and Enter, the unit and Enter, Enter through the rest; the next number can follow.

use super::ParcelSummary;
use super::data::{self, IntakeError};
use crate::components::form::focus;
use crate::components::form::{SelectField, TextField, enter_moves_on};
use crate::components::lookup::HostLookup;
use crate::components::paged::use_paged;
use crate::components::photo::PhotoInput;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::parcels::texts::ParcelMsg;
use crate::platform::barcode;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::parcels::{
    Carrier, Intake, Parcel, ParcelError, ParcelKind, guess_carrier, ix,
};
use lobbydesk_core::time::day_key;
use lobbydesk_core::{KeyRange, ListQuery, Record};

#[component]
pub fn IntakePage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (tracking, carrier, unit, name, phone, shelf) = (s(), s(), s(), s(), s(), s());
    let kind = RwSignal::new(ParcelKind::Package.code().to_string());
    let problem = RwSignal::new(None::<String>);
    let tracking_problem = RwSignal::new(None::<String>);
    let last = RwSignal::new(None::<Parcel>);
    let photo = RwSignal::new(None::<String>);
    // The carrier follows the number as it is typed, until the clerk picks one.
    let carrier_touched = RwSignal::new(false);
    Effect::new(move |_| {
        let t = tracking.get();
        if !carrier_touched.get_untracked() {
            carrier.set(if t.trim().is_empty() {
                String::new()
            } else {
                guess_carrier(&t).code().to_string()
            });
        }
    });
    // The form is read and cleared when submitted, so the scanner can go on with the next
    // parcel while this one saves; a refused one comes back into the form if it is still empty.
    let save = Action::new_local(move |input: &(Intake, Option<String>)| {
        let (intake, picture) = input.clone();
        async move {
            match data::take_in(desk, &intake, picture.clone()).await {
                Ok(p) => {
                    last.set(Some(p));
                    problem.set(None);
                    tracking_problem.set(None);
                    desk.changed();
                }
                Err(err) => {
                    if tracking.get_untracked().is_empty() && unit.get_untracked().is_empty() {
                        tracking.set(intake.tracking.clone());
                        unit.set(intake.unit.clone());
                        name.set(intake.name.clone());
                        phone.set(intake.phone.clone());
                        carrier_touched.set(intake.carrier.is_some());
                        photo.set(picture.clone());
                    }
                    match err {
                        IntakeError::Fields(errs) => {
                            let on_tracking: Vec<_> = errs
                                .iter()
                                .filter(|e| {
                                    matches!(e, ParcelError::BadTracking | ParcelError::Duplicate)
                                })
                                .cloned()
                                .collect();
                            tracking_problem.set(
                                (!on_tracking.is_empty())
                                    .then(|| data::explain_fields(desk, &on_tracking)),
                            );
                            let rest: Vec<_> = errs
                                .into_iter()
                                .filter(|e| !on_tracking.contains(e))
                                .collect();
                            problem
                                .set((!rest.is_empty()).then(|| data::explain_fields(desk, &rest)));
                            focus(if tracking_problem.get_untracked().is_some() {
                                "p-tracking"
                            } else {
                                "p-unit"
                            });
                        }
                        IntakeError::Store(e) => desk.toasts.error(desk.explain(&e)),
                    }
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let intake = Intake {
            tracking: tracking.get_untracked(),
            carrier: if carrier_touched.get_untracked() {
                Carrier::from_code(&carrier.get_untracked())
            } else {
                None
            },
            kind: ParcelKind::from_code(&kind.get_untracked()),
            unit: unit.get_untracked(),
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            shelf: shelf.get_untracked(),
            outgoing: false,
        };
        let intake = (intake, photo.get_untracked());
        photo.set(None);
        // Shelf and kind stay for the next parcel of the stack; the rest clears.
        for s in [tracking, unit, name, phone] {
            s.set(String::new());
        }
        carrier_touched.set(false);
        focus("p-tracking");
        save.dispatch(intake);
    };
    let carriers = super::carrier_options(desk);
    let today = day_key(BrowserClock.now());
    let recent =
        use_paged(move || ListQuery::by(Parcel::KIND, ix::DAY, KeyRange::Exact(today.clone()), 20));
    view! {
        <section class="page parcels">
            <Show when=move || last.get().is_some()>
                <div class="notice ok-notice big-code" role="status" data-testid="intake-done">
                    {move || last.get().map(|p| view! {
                        <span>{desk.tr(ParcelMsg::TakenIn)} " " <span class="mono">{p.tracking.clone()}</span></span>
                        <span>{desk.tr(ParcelMsg::PickupCode)} " " <strong class="mono" data-testid="last-code">{p.pickup_code.clone()}</strong></span>
                    })}
                </div>
            </Show>
            <form class="card" novalidate on:keydown=enter_moves_on on:submit=submit data-testid="intake-form">
                <h1>{desk.tr(ParcelMsg::TakeInParcel)}</h1>
                <TextField id="p-tracking" label=ParcelMsg::TrackingNo value=tracking testid="p-tracking" autofocus=true maxlength=40
                    error=Signal::derive(move || tracking_problem.get()) placeholder=ParcelMsg::ScanHint />
                {barcode::available().then(|| view! { <CameraScan into=tracking /> })}
                <div class="grid2">
                    <div on:change=move |_| carrier_touched.set(true)>
                        <SelectField id="p-carrier" label=ParcelMsg::Carrier value=carrier options=carriers testid="p-carrier" enter_skip=true />
                    </div>
                    <div class="field">
                        <label>{desk.tr(ParcelMsg::ParcelKindLabel)}</label>
                        <div class="row">
                            {ParcelKind::ALL.into_iter().map(|k| view! {
                                <button type="button" class="choice small" tabindex="-1" aria-pressed=move || (kind.get() == k.code()).to_string()
                                    on:click=move |_| kind.set(k.code().into())>{move || k.label(desk.lang.get())}</button>
                            }).collect_view()}
                        </div>
                    </div>
                    <TextField id="p-unit" label=ParcelMsg::RecipientUnit value=unit testid="p-unit" maxlength=40 placeholder=Msg::UnitPlaceholder />
                    <TextField id="p-name" label=ParcelMsg::RecipientName value=name testid="p-name" maxlength=40 />
                    <div class="span2"><HostLookup unit=unit person=name /></div>
                    <TextField id="p-phone" label=Msg::Phone value=phone testid="p-phone" kind="tel" maxlength=20 />
                    <TextField id="p-shelf" label=ParcelMsg::ShelfSpot value=shelf testid="p-shelf" maxlength=20 />
                </div>
                <PhotoInput value=photo testid="p-photo" />
                <p class="field-error" role="alert" data-testid="intake-error">{move || problem.get()}</p>
                <button type="submit" class="primary-big" data-testid="p-submit">{desk.tr(ParcelMsg::TakeIn)}</button>
            </form>
            <h2 class="section-title">{desk.tr(ParcelMsg::ReceivedToday)}</h2>
            <ul class="visit-list card" data-testid="intake-recent">
                <For each=move || data::rows(&recent.items.get()) key=|(e, _)| (e.meta.id, e.meta.version) let:row>
                    <li class="visit-row" data-testid="parcel-row"><ParcelSummary parcel=row.1 /></li>
                </For>
            </ul>
        </section>
    }
}

/// Reads a barcode with the camera into `into` (only where the browser has `BarcodeDetector`).
#[component]
fn CameraScan(into: RwSignal<String>) -> impl IntoView {
    let desk = use_desk();
    let video = NodeRef::<leptos::html::Video>::new();
    let open = RwSignal::new(false);
    let start = move |_| {
        open.set(true);
        leptos::task::spawn_local(async move {
            // Let the <video> render first.
            leptos::task::tick().await;
            let Some(v) = video.get_untracked() else {
                return;
            };
            match barcode::scan_once(&v, 20, move || !open.get_untracked()).await {
                Ok(Some(code)) => {
                    into.set(code);
                    focus("p-unit");
                }
                Ok(None) => {}
                Err(_) => desk.toasts.error(desk.t(ParcelMsg::CameraUnavailable)),
            }
            open.set(false);
        });
    };
    view! {
        <button type="button" class="secondary" data-testid="camera-scan" on:click=start>{desk.tr(ParcelMsg::ScanWithCamera)}</button>
        <Show when=move || open.get()>
            <div class="scrim">
                <div class="dialog camera">
                    <video node_ref=video autoplay=true playsinline=true muted=true data-testid="camera-video"></video>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{desk.tr(Msg::Cancel)}</button>
                </div>
            </div>
        </Show>
    }
}
