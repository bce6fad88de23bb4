//! 设置 Settings: language, clerk on duty, storage persistence and space, offline app state.

use crate::components::form::{TextField, enter_moves_on};
use crate::desk::use_desk;
use crate::i18n::{Lang, Msg};
use crate::pages::signin::Refused;
use crate::pages::visitors::data;
use crate::platform::settings;
use crate::platform::storage_info::{self, human_bytes};
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::audit::{AuditAction, FieldChange};
use lobbydesk_core::modules::visitors::watch::WatchEntry;
use lobbydesk_core::permit::Action as Perm;
use lobbydesk_core::{Envelope, RecordStore, StoreError};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let desk = use_desk();
    move || {
        if !desk.can(Perm::CHANGE_SETTINGS) {
            return view! { <Refused /> }.into_any();
        }
        view! { <SettingsCards /> }.into_any()
    }
}

#[component]
fn SettingsCards() -> impl IntoView {
    let desk = use_desk();
    view! {
        <section class="page settings">
            <h1>{desk.tr(Msg::Settings)}</h1>
            <div class="card row">
                <A href="/staff" attr:class="button-link" attr:data-testid="open-staff">{desk.tr(Msg::StaffTitle)}</A>
                <A href="/audit" attr:class="button-link" attr:data-testid="open-audit">{desk.tr(Msg::AuditTitle)}</A>
                <A href="/exchange" attr:class="button-link" attr:data-testid="open-exchange">{desk.tr(Msg::ExchangeTitle)}</A>
            </div>
            <LanguageCard />
            <SecurityCard />
            <VisitorSettingsCard />
            <ParcelSettingsCard />
            <WatchListCard />
            <StorageCard />
            <crate::pages::demo::DemoCard />
            <AppCard />
        </section>
    }
}

#[component]
fn LanguageCard() -> impl IntoView {
    let desk = use_desk();
    let choice = move |lang: Lang, label: &'static str, testid: &'static str| {
        view! {
            <button
                class="choice"
                data-testid=testid
                aria-pressed=move || (desk.lang.get() == lang).to_string()
                on:click=move |_| desk.set_lang(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="card">
            <h2>{desk.tr(Msg::Language)}</h2>
            <div class="row">{choice(Lang::Zh, "中文", "lang-zh")} {choice(Lang::En, "English", "lang-en")}</div>
        </div>
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let desk = use_desk();
    let info = LocalResource::new(move || {
        desk.persisted.track();
        async move {
            (
                storage_info::persisted().await,
                storage_info::estimate().await,
            )
        }
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            desk.persisted.set(storage_info::request_persist().await);
        })
    };
    view! {
        <div class="card" data-testid="storage-card">
            <h2>{desk.tr(Msg::StorageTitle)}</h2>
            <Suspense fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let (persisted, estimate) = info.await;
                    let granted = persisted == Some(true);
                    let (used, avail) = match estimate {
                        Some(e) => (human_bytes(e.usage), human_bytes((e.quota - e.usage).max(0.0))),
                        None => (desk.t(Msg::Unknown).to_string(), desk.t(Msg::Unknown).to_string()),
                    };
                    view! {
                        <p class:ok=granted class:warn=!granted data-testid="persist-state">
                            {move || if granted { desk.t(Msg::Persisted) } else { desk.t(Msg::NotPersisted) }}
                        </p>
                        {(!granted).then(|| view! {
                            <button class="secondary" on:click=ask>{desk.tr(Msg::AskPersist)}</button>
                        })}
                        <dl class="facts">
                            <dt>{desk.tr(Msg::Used)}</dt>
                            <dd data-testid="storage-used">{used}</dd>
                            <dt>{desk.tr(Msg::Available)}</dt>
                            <dd data-testid="storage-available">{avail}</dd>
                        </dl>
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn AppCard() -> impl IntoView {
    let desk = use_desk();
    let checking = Action::new_local(move |_: &()| async move {
        match desk.pwa.check_for_update().await {
            Ok(()) if !desk.pwa.update_ready.get_untracked() => {
                desk.toasts.info(desk.t(Msg::UpToDate))
            }
            Ok(()) => {}
            Err(()) => desk.toasts.error(desk.t(Msg::UpdateCheckFailed)),
        }
    });
    let schema = desk.store().inner().schema_version();
    view! {
        <div class="card">
            <h2>{desk.tr(Msg::PwaTitle)}</h2>
            <p data-testid="sw-state">
                {move || if desk.pwa.offline_ready.get() { desk.t(Msg::SwActive) } else { desk.t(Msg::SwMissing) }}
            </p>
            <div class="row">
                <button class="secondary" on:click=move |_| { checking.dispatch(()); } disabled=move || checking.pending().get()>
                    {desk.tr(Msg::CheckUpdate)}
                </button>
                <Show when=move || desk.pwa.can_install.get()>
                    <button on:click=move |_| desk.pwa.install()>{desk.tr(Msg::Install)}</button>
                </Show>
            </div>
            <dl class="facts">
                <dt>{desk.tr(Msg::Device)}</dt>
                <dd data-testid="device-id">{desk.device.short()}</dd>
                <dt>{desk.tr(Msg::AppVersion)}</dt>
                <dd>{env!("CARGO_PKG_VERSION")}</dd>
                <dt>{desk.tr(Msg::SchemaVersion)}</dt>
                <dd>{schema}</dd>
            </dl>
        </div>
    }
}

#[component]
fn VisitorSettingsCard() -> impl IntoView {
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
                match settings::set_visit_cutoff(t).and_then(|_| settings::set_retention_days(d)) {
                    Ok(()) => desk.toasts.info(desk.t(Msg::SettingsSaved)),
                    Err(e) => desk.toasts.error(e),
                }
            }
            _ => desk.toasts.error(desk.t(Msg::BadSetting)),
        }
    };
    view! {
        <form class="card" on:submit=save on:keydown=enter_moves_on data-testid="visitor-settings">
            <h2>{desk.tr(Msg::VisitorSettings)}</h2>
            <div class="grid2">
                <TextField id="set-cutoff" label=Msg::AutoSignOutAt value=cutoff kind="time" testid="set-cutoff" />
                <TextField id="set-retention" label=Msg::RetentionDays value=days kind="number" inputmode="numeric" testid="set-retention" />
            </div>
            <button type="submit" data-testid="visitor-settings-save">{desk.tr(Msg::Save)}</button>
        </form>
    }
}

#[component]
fn WatchListCard() -> impl IntoView {
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
                desk.toasts.info(desk.t(Msg::WatchAdded));
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
            <h2>{desk.tr(Msg::WatchList)}</h2>
            <p class="hint">{desk.tr(Msg::WatchHint)}</p>
            <form novalidate on:keydown=enter_moves_on on:submit=move |ev| { ev.prevent_default(); add.dispatch(()); }>
                <div class="grid2">
                    <TextField id="w-name" label=Msg::WatchName value=name testid="watch-name" maxlength=40 />
                    <TextField id="w-id" label=Msg::IdNumber value=id_number testid="watch-id" maxlength=30 />
                    <TextField id="w-phone" label=Msg::Phone value=phone testid="watch-phone" kind="tel" maxlength=20 />
                    <TextField id="w-plate" label=Msg::Plate value=plate testid="watch-plate" maxlength=12 />
                </div>
                <TextField id="w-reason" label=Msg::WatchReason value=reason testid="watch-reason" maxlength=200 />
                <p class="field-error" role="alert" data-testid="watch-error">{move || problem.get()}</p>
                <button type="submit" data-testid="watch-add">{desk.tr(Msg::WatchAdd)}</button>
            </form>
            <Transition>
                {move || Suspend::new(async move {
                    match entries.await {
                        Err(e) => view! { <p class="field-error">{desk.explain(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="empty">{desk.tr(Msg::WatchEmpty)}</p> }.into_any(),
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
                                                {desk.tr(Msg::WatchRemove)}
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

#[component]
fn SecurityCard() -> impl IntoView {
    let desk = use_desk();
    let minutes = RwSignal::new(settings::idle_minutes().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let old = settings::idle_minutes();
        match minutes
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=240).contains(m))
        {
            Some(m) => match settings::set_idle_minutes(m) {
                Ok(()) => {
                    desk.toasts.info(desk.t(Msg::SettingsSaved));
                    if m != old {
                        let change = FieldChange {
                            field: "idle_minutes".into(),
                            before: old.to_string(),
                            after: m.to_string(),
                        };
                        leptos::task::spawn_local(async move {
                            desk.audit_event(AuditAction::Setting, "settings", vec![change])
                                .await
                        });
                    }
                }
                Err(e) => desk.toasts.error(e),
            },
            None => desk.toasts.error(desk.t(Msg::BadIdle)),
        }
    };
    view! {
        <form class="card" on:submit=save data-testid="security-settings">
            <h2>{desk.tr(Msg::Security)}</h2>
            <div class="row">
                <TextField id="set-idle" label=Msg::IdleMinutes value=minutes kind="number" inputmode="numeric" testid="set-idle" />
                <button type="submit">{desk.tr(Msg::Save)}</button>
            </div>
        </form>
    }
}

#[component]
fn ParcelSettingsCard() -> impl IntoView {
    let desk = use_desk();
    let days = RwSignal::new(settings::parcel_overdue_days().to_string());
    let office = RwSignal::new(settings::office_name());
    let hours = RwSignal::new(settings::desk_hours());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=60).contains(d))
        else {
            return desk.toasts.error(desk.t(Msg::BadSetting));
        };
        let before = (
            settings::parcel_overdue_days(),
            settings::office_name(),
            settings::desk_hours(),
        );
        let result = settings::set_parcel_overdue_days(d)
            .and_then(|_| settings::set_office_name(&office.get_untracked()))
            .and_then(|_| settings::set_desk_hours(&hours.get_untracked()));
        match result {
            Ok(()) => {
                desk.toasts.info(desk.t(Msg::SettingsSaved));
                let after = (
                    settings::parcel_overdue_days(),
                    settings::office_name(),
                    settings::desk_hours(),
                );
                let mut changes = Vec::new();
                for (field, b, a) in [
                    (
                        "parcel.overdue_days",
                        before.0.to_string(),
                        after.0.to_string(),
                    ),
                    ("office_name", before.1, after.1),
                    ("desk_hours", before.2, after.2),
                ] {
                    if b != a {
                        changes.push(FieldChange {
                            field: field.into(),
                            before: b,
                            after: a,
                        });
                    }
                }
                if !changes.is_empty() {
                    leptos::task::spawn_local(async move {
                        desk.audit_event(AuditAction::Setting, "settings", changes)
                            .await
                    });
                }
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save on:keydown=enter_moves_on data-testid="parcel-settings">
            <h2>{desk.tr(Msg::ParcelSettings)}</h2>
            <div class="grid3">
                <TextField id="set-overdue" label=Msg::OverdueDays value=days kind="number" inputmode="numeric" testid="set-overdue" />
                <TextField id="set-office" label=Msg::OfficeName value=office testid="set-office" maxlength=30 />
                <TextField id="set-hours" label=Msg::DeskHours value=hours testid="set-hours" maxlength=30 />
            </div>
            <button type="submit">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
