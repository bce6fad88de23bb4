//! A module's settings card holding one number of days: by default how many days a record's
//! personal data is kept after it ended (30 to 3650), or any other range with its own refusal
//! (a time limit of 1 to 90 days). Saved to the tablet's settings and audited under the name the
//! module's registration labels.
//!
//! ```ignore
//! view! { <DaysCard title=T::SettingsTitle label=T::KeepDays setting="contact.retention_days"
//!     get=settings::contact_retention_days set=settings::set_contact_retention_days
//!     field="ct-keep" testid="ct-settings" /> }
//! ```

use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::{Msg, Text};
use leptos::prelude::*;

#[component]
pub fn DaysCard(
    #[prop(into)] title: Text,
    #[prop(into)] label: Text,
    /// The setting's name in the audit trail (`contact.retention_days`).
    setting: &'static str,
    get: fn() -> u32,
    set: fn(u32) -> Result<(), String>,
    /// The days field's id and test id (`ct-keep`).
    field: &'static str,
    /// The card's test id (`ct-settings`).
    testid: &'static str,
    /// The days allowed, both included.
    #[prop(default = (30, 3650))]
    range: (u32, u32),
    /// What a number out of `range` is told (the keep-days message unless given).
    #[prop(optional, into)]
    bad: Option<Text>,
) -> impl IntoView {
    let desk = use_desk();
    let keep = RwSignal::new(get().to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = keep
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (range.0..=range.1).contains(d))
        else {
            return desk
                .toasts
                .error(desk.t(bad.unwrap_or(Msg::BadKeepDays.tx())));
        };
        let before = get();
        match set(d) {
            Ok(()) => {
                desk.toasts.info(desk.t(Msg::SettingsSaved));
                desk.settings_changed(vec![(setting, before.to_string(), d.to_string())]);
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save data-testid=testid>
            <h2>{desk.tr(title)}</h2>
            <TextField id=field label=label value=keep kind="number" inputmode="numeric" testid=field />
            <button type="submit">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
