//! The visitor module's settings: when visits still open are closed, how long visitor personal
//! data is kept, and the watch list.

use super::data;
use crate::components::form::submit_once;
use crate::components::form::{TextField, enter_moves_on};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::visitors::texts::VisitorMsg;
use crate::platform::settings;
use leptos::prelude::*;
use lobbydesk_core::modules::visitors::watch::WatchEntry;
use lobbydesk_core::{Envelope, RecordStore, StoreError};

#[component]
pub fn VisitorSettingsCard() -> impl IntoView {
    let desk = use_desk();
    let cutoff = RwSignal::new(settings::visit_cutoff().format("%H:%M").to_string());
    let days = RwSignal::new(settings::retention_days().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = chrono::NaiveTime::parse_from_str(&cutoff.get_untracked(), "%H:%M").ok();
        let d = days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=3650).contains(d));
        match (t, d) {
            (Some(t), Some(d)) => {
                let before = (settings::visit_cutoff(), settings::retention_days());
                match settings::set_visit_cutoff(t).and_then(|_| settings::set_retention_days(d)) {
                    Ok(()) => {
                        desk.toasts.info(desk.t(Msg::SettingsSaved));
                        desk.settings_changed(vec![
                            (
                                "visit.cutoff",
                                before.0.format("%H:%M").to_string(),
                                t.format("%H:%M").to_string(),
                            ),
                            ("visit.retention_days", before.1.to_string(), d.to_string()),
                        ]);
                    }
                    Err(e) => desk.toasts.error(e),
                }
            }
            _ => desk.toasts.error(desk.t(Msg::BadSetting)),
        }
    };
    view! {
        <form class="card" on:submit=save on:keydown=enter_moves_on data-testid="visitor-settings">
            <h2>{desk.tr(VisitorMsg::VisitorSettings)}</h2>
            <div class="grid2">
                <TextField id="set-cutoff" label=VisitorMsg::AutoSignOutAt value=cutoff kind="time" testid="set-cutoff" />
                <TextField id="set-retention" label=VisitorMsg::RetentionDays value=days kind="number" inputmode="numeric" testid="set-retention" />
            </div>
            <button type="submit" data-testid="visitor-settings-save">{desk.tr(Msg::Save)}</button>
        </form>
    }
}

#[component]
pub fn WatchListCard() -> impl IntoView {
    let desk = use_desk();
    let (name, id_number, phone, plate, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let problem = RwSignal::new(None::<String>);
    let entries = LocalResource::new(move || {
        desk.revision();
        async move { data::watch_list(desk).await }
    });
    let add = Action::new_local(move |_: &()| async move {
        let entry = WatchEntry::new(
            &name.get_untracked(),
            &id_number.get_untracked(),
            &phone.get_untracked(),
            &plate.get_untracked(),
            &reason.get_untracked(),
        );
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problem.set(Some(desk.explain(&e)));
                return;
            }
        };
        let env = match Envelope::create(&entry, desk.new_id(), desk.stamp()) {
            Ok(env) => env,
            Err(e) => return desk.toasts.error(desk.explain(&StoreError::from(e))),
        };
        match desk.store().put(&env).await {
            Ok(()) => {
                for s in [name, id_number, phone, plate, reason] {
                    s.set(String::new());
                }
                problem.set(None);
                desk.toasts.info(desk.t(VisitorMsg::WatchAdded));
                desk.changed();
            }
            Err(e) => desk.toasts.error(desk.explain(&e)),
        }
    });
    let remove = Action::new_local(move |env: &Envelope| {
        let env = env.clone();
        async move {
            let result = match env.decode::<WatchEntry>() {
                Ok(mut w) => {
                    w.active = false;
                    match env.update(&w, desk.stamp()) {
                        Ok(next) => desk.store().put(&next).await.map_err(|e| desk.explain(&e)),
                        Err(e) => Err(desk.explain(&StoreError::from(e))),
                    }
                }
                Err(e) => Err(desk.explain(&StoreError::from(e))),
            };
            match result {
                Ok(()) => desk.changed(),
                Err(e) => desk.toasts.error(e),
            }
        }
    });
    view! {
        <div class="card" data-testid="watch-card">
            <h2>{desk.tr(VisitorMsg::WatchList)}</h2>
            <p class="hint">{desk.tr(VisitorMsg::WatchHint)}</p>
            <form novalidate on:keydown=enter_moves_on on:submit=submit_once(add)>
                <div class="grid2">
                    <TextField id="w-name" label=Msg::WatchName value=name testid="watch-name" maxlength=40 />
                    <TextField id="w-id" label=VisitorMsg::IdNumber value=id_number testid="watch-id" maxlength=30 />
                    <TextField id="w-phone" label=Msg::Phone value=phone testid="watch-phone" kind="tel" maxlength=20 />
                    <TextField id="w-plate" label=Msg::Plate value=plate testid="watch-plate" maxlength=12 />
                </div>
                <TextField id="w-reason" label=VisitorMsg::WatchReason value=reason testid="watch-reason" maxlength=200 />
                <p class="field-error" role="alert" data-testid="watch-error">{move || problem.get()}</p>
                <button type="submit" data-testid="watch-add">{desk.tr(VisitorMsg::WatchAdd)}</button>
            </form>
            <Transition>
                {move || Suspend::new(async move {
                    match entries.await {
                        Err(e) => view! { <p class="field-error">{desk.explain(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{desk.tr(VisitorMsg::WatchEmpty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="watch-list" data-testid="watch-list">
                                {list.into_iter().map(|(env, w)| {
                                    let keys = [w.name.clone(), w.masked_id(), w.phone.clone(), w.plate.clone()]
                                        .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                                    view! {
                                        <li class="memo-item">
                                            <div class="memo-body">
                                                <div>{keys}</div>
                                                <div class="memo-meta">{w.reason.clone()}</div>
                                            </div>
                                            <button class="secondary" on:click=move |_| { remove.dispatch(env.clone()); }>
                                                {desk.tr(VisitorMsg::WatchRemove)}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}
