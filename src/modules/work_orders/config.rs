//! The work-order settings: the named workers orders go to, the time limits per urgency, and how
//! long the reporters' data is kept after an order ended.

use super::texts::WorkOrderMsg as T;
use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::settings;
use leptos::prelude::*;
use lobbydesk_core::modules::work_orders::Limits;

#[component]
pub fn WorkOrderSettingsCard() -> impl IntoView {
    let desk = use_desk();
    let l = settings::work_limits();
    let workers = RwSignal::new(settings::workers().join("\n"));
    let n = |v: u32| RwSignal::new(v.to_string());
    let (ua, uf, na, nf) = (
        n(l.urgent_arrive),
        n(l.urgent_finish),
        n(l.normal_arrive),
        n(l.normal_finish),
    );
    let keep = n(settings::work_retention_days());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let num = |f: RwSignal<String>, range: std::ops::RangeInclusive<u32>| {
            f.get_untracked()
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|v| range.contains(v))
        };
        let minutes = 1..=7 * 24 * 60;
        let (Some(ua), Some(uf), Some(na), Some(nf), Some(k)) = (
            num(ua, minutes.clone()),
            num(uf, minutes.clone()),
            num(na, minutes.clone()),
            num(nf, minutes),
            num(keep, 30..=3650),
        ) else {
            return desk.toasts.error(desk.t(T::BadWorkSettings));
        };
        if ua > uf || na > nf {
            return desk.toasts.error(desk.t(T::BadLimits));
        }
        let mut names: Vec<String> = Vec::new();
        for n in workers
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if !names.iter().any(|m| m == n) {
                names.push(n.to_string());
            }
        }
        workers.set(names.join("\n"));
        let before = (
            settings::work_limits(),
            settings::workers(),
            settings::work_retention_days(),
        );
        let limits = Limits {
            urgent_arrive: ua,
            urgent_finish: uf,
            normal_arrive: na,
            normal_finish: nf,
        };
        let shown = |l: &Limits| {
            format!(
                "{}/{} {}/{}",
                l.urgent_arrive, l.urgent_finish, l.normal_arrive, l.normal_finish
            )
        };
        match settings::set_work_limits(limits)
            .and_then(|_| settings::set_workers(&names))
            .and_then(|_| settings::set_work_retention_days(k))
        {
            Ok(()) => {
                desk.toasts.info(desk.t(Msg::SettingsSaved));
                desk.settings_changed(vec![
                    ("work.limits", shown(&before.0), shown(&limits)),
                    ("work.workers", before.1.join("、"), names.join("、")),
                    ("work.retention_days", before.2.to_string(), k.to_string()),
                ]);
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save data-testid="wo-settings">
            <h2>{desk.tr(T::SettingsTitle)}</h2>
            <div class="field">
                <label for="wo-workers">{desk.tr(T::WorkersList)}</label>
                <textarea id="wo-workers" data-testid="wo-workers" rows="4"
                    prop:value=move || workers.get() on:input:target=move |ev| workers.set(ev.target().value())></textarea>
            </div>
            <div class="grid2">
                <TextField id="wo-ua" label=T::UrgentArrive value=ua kind="number" inputmode="numeric" testid="wo-urgent-arrive" />
                <TextField id="wo-uf" label=T::UrgentFinish value=uf kind="number" inputmode="numeric" testid="wo-urgent-finish" />
                <TextField id="wo-na" label=T::NormalArrive value=na kind="number" inputmode="numeric" testid="wo-normal-arrive" />
                <TextField id="wo-nf" label=T::NormalFinish value=nf kind="number" inputmode="numeric" testid="wo-normal-finish" />
                <TextField id="wo-keep" label=T::KeepDays value=keep kind="number" inputmode="numeric" testid="wo-keep" />
            </div>
            <button type="submit" data-testid="wo-settings-save">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
