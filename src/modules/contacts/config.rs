//! The calls' settings: how long callers' data is kept.

use super::texts::ContactMsg as T;
use crate::components::retention::RetentionCard;
use crate::platform::settings;
use leptos::prelude::*;

#[component]
pub fn ContactSettingsCard() -> impl IntoView {
    view! {
        <RetentionCard title=T::SettingsTitle label=T::KeepDays setting="contact.retention_days"
            get=settings::contact_retention_days set=settings::set_contact_retention_days
            field="ct-keep" testid="ct-settings" />
    }
}
