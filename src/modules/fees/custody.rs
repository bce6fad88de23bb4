//! 托管房: a unit put in custody (the agreement signed, the day, the meters read), the units in
//! custody with what they used against the limits (water 5, electricity 20), their meters read
//! again, custody ended with the last reading. The patrols come from the inspections' custody
//! template and schedule.

use super::data;
use super::texts::FeeMsg as T;
use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::Msg;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::RecordId;
use lobbydesk_core::modules::fees::services::MeterForm;
use lobbydesk_core::modules::fees::{Custody, reading_text};

fn meters(on: &str, water: &str, power: &str) -> MeterForm {
    MeterForm {
        on: NaiveDate::parse_from_str(on, "%Y-%m-%d").ok(),
        water: water.to_string(),
        power: power.to_string(),
    }
}

#[component]
pub fn CustodyPage() -> impl IntoView {
    let desk = use_desk();
    let s = |v: String| RwSignal::new(v);
    let (unit, on, water, power) = (
        s(String::new()),
        s(data::day().to_string()),
        s(String::new()),
        s(String::new()),
    );
    let agreement = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::in_custody(desk).await }
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let m = meters(
            &on.get_untracked(),
            &water.get_untracked(),
            &power.get_untracked(),
        );
        let u = unit.get_untracked();
        leptos::task::spawn_local(async move {
            match data::start_custody(desk, &u, agreement.get_untracked(), &m).await {
                Ok(()) => {
                    problem.set(None);
                    desk.toasts.info(desk.t(T::Started));
                    for f in [unit, water, power] {
                        f.set(String::new());
                    }
                    agreement.set(false);
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page fees">
            <form class="card" novalidate on:submit=start data-testid="fee-custody-form">
                <h1>{desk.tr(T::StartCustody)}</h1>
                <div class="grid3">
                    <TextField id="cu-unit" label=T::Unit value=unit testid="cu-unit" maxlength=20 />
                    <TextField id="cu-on" label=T::StartDay value=on kind="date" testid="cu-on" />
                    <TextField id="cu-water" label=T::Water value=water inputmode="decimal" testid="cu-water" maxlength=12 />
                    <TextField id="cu-power" label=T::Power value=power inputmode="decimal" testid="cu-power" maxlength=12 />
                </div>
                <label class="check"><input type="checkbox" data-testid="cu-agreement" prop:checked=move || agreement.get()
                    on:change=move |ev| agreement.set(event_target_checked(&ev)) /> {desk.tr(T::Agreement)}</label>
                <p class="field-error" role="alert" data-testid="cu-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="cu-start">{desk.tr(T::Start)}</button>
                </div>
            </form>
            <p class="muted">{desk.tr(T::Limits)}</p>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="cu-none">{desk.tr(T::NoCustody)}</p> }.into_any(),
                        Ok(v) => view! {
                            <ul class="visit-list card" data-testid="cu-list">
                                {v.into_iter().map(|(id, c)| view! { <CustodyRow id=id c=c /> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CustodyRow(id: RecordId, c: Custody) -> impl IntoView {
    let desk = use_desk();
    let s = |v: String| RwSignal::new(v);
    let (on, water, power) = (
        s(data::day().to_string()),
        s(String::new()),
        s(String::new()),
    );
    let problem = RwSignal::new(None::<String>);
    let used = c.used();
    let flagged = used.is_some_and(|u| u.flagged());
    let read = move |end: bool| {
        let m = meters(
            &on.get_untracked(),
            &water.get_untracked(),
            &power.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match data::read_meters(desk, id, &m, end).await {
                Ok(_) => {
                    desk.toasts
                        .info(desk.t(if end { T::Ended } else { T::Read }));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let last = c.readings.last().cloned();
    let key = id.to_string();
    view! {
        <li class="fee-row" data-testid="cu-row">
            <A href=format!("/fees?unit={}", c.unit) attr:class="wo-open"><strong data-testid="cu-row-unit">{c.unit.clone()}</strong></A>
            " · " {desk.tr(T::Since)} " " {c.start.to_string()}
            {last.map(|r| format!(" · {} {} {} · {} {}", r.on, desk.t(T::Water), reading_text(r.water), desk.t(T::Power), reading_text(r.power)))}
            <br/>
            <span class:bad=flagged data-testid="cu-used">{desk.tr(T::Used)} ": "
                {used.map(|u| format!("{} / {}", reading_text(u.water), reading_text(u.power)))}
                {flagged.then(|| view! { " · " <strong>{desk.tr(T::OverLimit)}</strong> })}</span>
            <div class="row">
                <TextField id=format!("cu-read-on-{key}") label=T::Day value=on kind="date" testid="cu-read-on" />
                <TextField id=format!("cu-read-water-{key}") label=T::Water value=water inputmode="decimal" testid="cu-read-water" maxlength=12 />
                <TextField id=format!("cu-read-power-{key}") label=T::Power value=power inputmode="decimal" testid="cu-read-power" maxlength=12 />
            </div>
            <div class="row">
                <button type="button" class="secondary" data-testid="cu-read" on:click=move |_| read(false)>{desk.tr(T::ReadMeters)}</button>
                <button type="button" class="secondary danger" data-testid="cu-end" on:click=move |_| read(true)>{desk.tr(T::EndCustody)}</button>
            </div>
            <p class="field-error" role="alert" data-testid="cu-read-error">{move || problem.get()}</p>
        </li>
    }
}
