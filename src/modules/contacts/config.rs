//! The calls' settings: how long callers' data is kept.

use super::texts::ContactMsg as T;
use crate::components::days::DaysCard;
use crate::platform::settings;
use leptos::prelude::*;

#[component]
pub fn ContactSettingsCard() -> impl IntoView {
    view! {
        <DaysCard title=T::SettingsTitle label=T::KeepDays setting="contact.retention_days"
            get=settings::contact_retention_days set=settings::set_contact_retention_days
            field="ct-keep" testid="ct-settings" />
    }
}
