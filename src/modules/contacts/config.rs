//! The calls' settings: how long callers' data is kept.

use super::texts::ContactMsg as T;
use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::settings;
use leptos::prelude::*;

#[component]
pub fn ContactSettingsCard() -> impl IntoView {
    let desk = use_desk();
    let keep = RwSignal::new(settings::contact_retention_days().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = keep
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (30..=3650).contains(d))
        else {
            return desk.toasts.error(desk.t(T::BadDays));
        };
        let before = settings::contact_retention_days();
        match settings::set_contact_retention_days(d) {
            Ok(()) => {
                desk.toasts.info(desk.t(Msg::SettingsSaved));
                desk.settings_changed(vec![(
                    "contact.retention_days",
                    before.to_string(),
                    d.to_string(),
                )]);
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save data-testid="ct-settings">
            <h2>{desk.tr(T::SettingsTitle)}</h2>
            <TextField id="ct-keep" label=T::KeepDays value=keep kind="number" inputmode="numeric" testid="ct-keep" />
            <button type="submit">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
