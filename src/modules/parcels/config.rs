//! The parcel module's settings: when a parcel is overdue, how long after it left the shelf its
//! personal data is kept, and the office's name and hours for the messages to residents.

use crate::components::form::{TextField, enter_moves_on};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::parcels::texts::ParcelMsg;
use crate::platform::settings;
use leptos::prelude::*;

#[component]
pub fn ParcelSettingsCard() -> impl IntoView {
    let desk = use_desk();
    let days = RwSignal::new(settings::parcel_overdue_days().to_string());
    let keep = RwSignal::new(settings::parcel_retention_days().to_string());
    let office = RwSignal::new(settings::office_name());
    let hours = RwSignal::new(settings::desk_hours());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |field: RwSignal<String>, range: std::ops::RangeInclusive<u32>| {
            field
                .get_untracked()
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| range.contains(n))
        };
        let (Some(d), Some(k)) = (number(days, 1..=60), number(keep, 7..=3650)) else {
            return desk.toasts.error(desk.t(ParcelMsg::BadParcelDays));
        };
        let kept_before = settings::parcel_retention_days();
        let before = (
            settings::parcel_overdue_days(),
            settings::office_name(),
            settings::desk_hours(),
        );
        let result = settings::set_parcel_overdue_days(d)
            .and_then(|_| settings::set_parcel_retention_days(k))
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
                desk.settings_changed(vec![
                    (
                        "parcel.retention_days",
                        kept_before.to_string(),
                        settings::parcel_retention_days().to_string(),
                    ),
                    (
                        "parcel.overdue_days",
                        before.0.to_string(),
                        after.0.to_string(),
                    ),
                    ("office_name", before.1, after.1),
                    ("desk_hours", before.2, after.2),
                ]);
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save on:keydown=enter_moves_on data-testid="parcel-settings">
            <h2>{desk.tr(ParcelMsg::ParcelSettings)}</h2>
            <div class="grid3">
                <TextField id="set-overdue" label=ParcelMsg::OverdueDays value=days kind="number" inputmode="numeric" testid="set-overdue" />
                <TextField id="set-parcel-keep" label=ParcelMsg::RetentionDays value=keep kind="number" inputmode="numeric" testid="set-parcel-keep" />
                <TextField id="set-office" label=ParcelMsg::OfficeName value=office testid="set-office" maxlength=30 />
                <TextField id="set-hours" label=ParcelMsg::DeskHours value=hours testid="set-hours" maxlength=30 />
            </div>
            <button type="submit">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
