//! 设置 Settings: language, the idle lock, each module's settings card (from the module list),
//! the watch list, storage persistence and space, demo data, offline app state.

use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::{Lang, Msg};
use crate::modules::MODULES;
use crate::modules::visitors::config::WatchListCard;
use crate::pages::signin::Refused;
use crate::platform::settings;
use crate::platform::storage_info::{self, human_bytes};
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::permit::Action as Perm;

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
            {MODULES.iter().filter_map(|m| m.settings).map(|card| card()).collect_view()}
            // Kept after the module cards, where it has always been.
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
                    desk.settings_changed(vec![("idle_minutes", old.to_string(), m.to_string())]);
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
