//! 入库 Taking parcels in, one after another without touching the screen: the scanner types the
//! number and Enter (a number already on the shelf is refused right there), the clerk types the
//! unit and Enter, and the parcel is saved; name, phone and shelf are a tap away but not in the
//! Enter chain. The next number can follow at once.

use super::ParcelSummary;
use super::data::{self, IntakeError};
use crate::components::camera::CameraScan;
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
    Carrier, Intake, Parcel, ParcelError, ParcelKind, check_tracking, guess_carrier, ix,
    normalize_tracking,
};
use lobbydesk_core::time::day_key;
use lobbydesk_core::{KeyRange, ListQuery, Record};
use wasm_bindgen::JsCast;

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
    let unit_problem = RwSignal::new(None::<String>);
    // The unusual unit the clerk was told about: taking in again with it keeps it as typed.
    let confirmed_unit = RwSignal::new(None::<String>);
    // Each problem where the clerk looks for it: the number's under 运单号, the unit's under
    // 收件房号, the rest above the button; focus goes to the first field at fault.
    let show = move |errs: Vec<ParcelError>| {
        let (mut on_tracking, mut on_unit, mut rest) = (Vec::new(), Vec::new(), Vec::new());
        for e in errs {
            match e {
                ParcelError::BadTracking | ParcelError::AlreadyOnShelf { .. } => {
                    on_tracking.push(e)
                }
                ParcelError::UnitIsTracking
                | ParcelError::UnitsRunTogether(_)
                | ParcelError::UnitUnusual(_) => on_unit.push(e),
                _ => rest.push(e),
            }
        }
        let text = |v: &[ParcelError]| (!v.is_empty()).then(|| data::explain_fields(desk, v));
        tracking_problem.set(text(&on_tracking));
        unit_problem.set(text(&on_unit));
        problem.set(text(&rest));
        if !on_tracking.is_empty() {
            focus("p-tracking");
        } else if !on_unit.is_empty() || !rest.is_empty() {
            focus("p-unit");
        }
    };
    let clear = move || {
        for s in [tracking, unit, name, phone] {
            s.set(String::new());
        }
        photo.set(None);
        carrier_touched.set(false);
        confirmed_unit.set(None);
    };
    // A scanned number already on the shelf is refused the moment the scan's Enter arrives: the
    // form empties and waits for the next scan, and says where that parcel is. The answer takes
    // a few milliseconds; what a fast scanner typed into 收件房号 meanwhile is the next scan's
    // beginning, and goes back into 运单号 to be finished there.
    let check_scan = move |scanned: String| {
        let unit_then = unit.get_untracked();
        leptos::task::spawn_local(async move {
            if let Some(e) = data::duplicate(desk, &scanned).await
                && normalize_tracking(&tracking.get_untracked()) == normalize_tracking(&scanned)
            {
                let typed_since = unit
                    .get_untracked()
                    .strip_prefix(unit_then.as_str())
                    .map(str::to_string)
                    .unwrap_or_default();
                clear();
                show(vec![e]);
                if !typed_since.is_empty() {
                    tracking.set(typed_since);
                }
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let in_tracking = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.id() == "p-tracking");
        if ev.key() == "Enter" && !ev.is_composing() && in_tracking {
            let scanned = tracking.get_untracked();
            // Enter on an empty 运单号, or on something that is no tracking number (a unit, a
            // stray "12"), stays there: the next scan must not land in 收件房号.
            if let Err(e) = check_tracking(&scanned) {
                ev.prevent_default();
                tracking_problem.set((!scanned.trim().is_empty()).then(|| desk.explain(&e)));
                return;
            }
            tracking_problem.set(None);
            check_scan(scanned);
        }
        enter_moves_on(ev);
    };
    // A unit's problem goes as soon as the clerk types another unit.
    Effect::new(move |prev: Option<String>| {
        let now = unit.get();
        if prev.is_some_and(|p| p != now) && !now.is_empty() {
            unit_problem.set(None);
        }
        now
    });
    // The form is checked, then read and cleared, so the scanner can go on with the next parcel
    // while this one saves. A refusal at saving (the same number saved at the same moment
    // elsewhere, a full store) never comes back into the form: the clerk may already be on the
    // next parcel; the message names the parcel instead.
    let save = Action::new_local(move |input: &(Intake, Option<String>)| {
        let (intake, picture) = input.clone();
        async move {
            match data::take_in(desk, &intake, picture).await {
                Ok(p) => {
                    last.set(Some(p));
                    problem.set(None);
                    tracking_problem.set(None);
                    desk.changed();
                }
                Err(IntakeError::Fields(errs)) => show(errs),
                Err(IntakeError::Store(e)) => desk.toasts.error(format!(
                    "{} {}",
                    normalize_tracking(&intake.tracking),
                    desk.explain(&e)
                )),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed_unit = unit.get_untracked().trim().to_string();
        let intake = Intake {
            tracking: tracking.get_untracked(),
            carrier: if carrier_touched.get_untracked() {
                Carrier::from_code(&carrier.get_untracked())
            } else {
                None
            },
            kind: ParcelKind::from_code(&kind.get_untracked()),
            unit: typed_unit.clone(),
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            shelf: shelf.get_untracked(),
            outgoing: false,
            unit_as_typed: confirmed_unit.get_untracked().as_deref() == Some(typed_unit.as_str()),
        };
        // Field problems are shown in the form as typed, before anything is cleared.
        if let Err(errs) = intake.parse(BrowserClock.now(), "", String::new()) {
            for e in &errs {
                match e {
                    // A double read: the number goes from the unit field.
                    ParcelError::UnitIsTracking => unit.set(String::new()),
                    ParcelError::UnitUnusual(u) => confirmed_unit.set(Some(u.clone())),
                    _ => {}
                }
            }
            show(errs);
            return;
        }
        let intake = (intake, photo.get_untracked());
        // Shelf and kind stay for the next parcel of the stack; the rest clears.
        clear();
        unit_problem.set(None);
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
            <form class="card" novalidate on:keydown=on_key on:submit=submit data-testid="intake-form">
                <h1>{desk.tr(ParcelMsg::TakeInParcel)}</h1>
                <TextField id="p-tracking" label=ParcelMsg::TrackingNo value=tracking testid="p-tracking" autofocus=true maxlength=40
                    error=Signal::derive(move || tracking_problem.get()) placeholder=ParcelMsg::ScanHint />
                {barcode::available(barcode::Codes::Any).then(|| view! { <CameraScan into=tracking then=Callback::new(|()| focus("p-unit")) /> })}
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
                    <TextField id="p-unit" label=ParcelMsg::RecipientUnit value=unit testid="p-unit" maxlength=40 placeholder=Msg::UnitPlaceholder
                        error=Signal::derive(move || unit_problem.get()) />
                    <TextField id="p-name" label=ParcelMsg::RecipientName value=name testid="p-name" maxlength=40 enter_skip=true />
                    <div class="span2"><HostLookup unit=unit person=name /></div>
                    <TextField id="p-phone" label=Msg::Phone value=phone testid="p-phone" kind="tel" maxlength=20 enter_skip=true />
                    <TextField id="p-shelf" label=ParcelMsg::ShelfSpot value=shelf testid="p-shelf" maxlength=20 enter_skip=true />
                </div>
                <PhotoInput value=photo testid="p-photo" />
                <p class="field-error" role="alert" data-testid="intake-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="p-submit">{desk.tr(ParcelMsg::TakeIn)}</button>
                </div>
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
