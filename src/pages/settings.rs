//! 设置 Settings: language, clerk on duty, storage persistence and space, offline app state.

use crate::desk::use_desk;
use crate::i18n::{Lang, Msg};
use crate::platform::settings;
use crate::platform::storage_info::{self, human_bytes};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let desk = use_desk();
    view! {
        <section class="page settings">
            <h1>{move || desk.t(Msg::Settings)}</h1>
            <LanguageCard />
            <ClerkCard />
            <StorageCard />
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
            <h2>{move || desk.t(Msg::Language)}</h2>
            <div class="row">{choice(Lang::Zh, "中文", "lang-zh")} {choice(Lang::En, "English", "lang-en")}</div>
        </div>
    }
}

#[component]
fn ClerkCard() -> impl IntoView {
    let desk = use_desk();
    let name = RwSignal::new(desk.clerk.get_untracked());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        match settings::set_clerk(&n) {
            Ok(()) => {
                desk.clerk.set(n);
                desk.toasts.info(desk.t(Msg::ClerkSaved));
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save>
            <h2>
                <label for="clerk-name">{move || desk.t(Msg::ClerkName)}</label>
            </h2>
            <p class="hint">{move || desk.t(Msg::ClerkNameHint)}</p>
            <div class="row">
                <input
                    id="clerk-name"
                    data-testid="clerk-name"
                    autocomplete="off"
                    maxlength="40"
                    prop:value=move || name.get()
                    on:input:target=move |ev| name.set(ev.target().value())
                />
                <button type="submit" data-testid="clerk-save">{move || desk.t(Msg::Save)}</button>
            </div>
        </form>
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
            <h2>{move || desk.t(Msg::StorageTitle)}</h2>
            <Suspense fallback=move || view! { <p>{move || desk.t(Msg::Loading)}</p> }>
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
                            <button class="secondary" on:click=ask>{move || desk.t(Msg::AskPersist)}</button>
                        })}
                        <dl class="facts">
                            <dt>{move || desk.t(Msg::Used)}</dt>
                            <dd data-testid="storage-used">{used}</dd>
                            <dt>{move || desk.t(Msg::Available)}</dt>
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
    let schema = desk.store().schema_version();
    view! {
        <div class="card">
            <h2>{move || desk.t(Msg::PwaTitle)}</h2>
            <p data-testid="sw-state">
                {move || if desk.pwa.offline_ready.get() { desk.t(Msg::SwActive) } else { desk.t(Msg::SwMissing) }}
            </p>
            <div class="row">
                <button class="secondary" on:click=move |_| { checking.dispatch(()); } disabled=move || checking.pending().get()>
                    {move || desk.t(Msg::CheckUpdate)}
                </button>
                <Show when=move || desk.pwa.can_install.get()>
                    <button on:click=move |_| desk.pwa.install()>{move || desk.t(Msg::Install)}</button>
                </Show>
            </div>
            <dl class="facts">
                <dt>{move || desk.t(Msg::Device)}</dt>
                <dd data-testid="device-id">{desk.device.short()}</dd>
                <dt>{move || desk.t(Msg::AppVersion)}</dt>
                <dd>{env!("CARGO_PKG_VERSION")}</dd>
                <dt>{move || desk.t(Msg::SchemaVersion)}</dt>
                <dd>{schema}</dd>
            </dl>
        </div>
    }
}
