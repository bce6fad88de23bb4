//! 欠费催缴: the units that owe, most first, with their last reminder; a reminder recorded in
//! place; the printed notice; the list as a CSV.

use super::data;
use super::texts::FeeMsg as T;
use crate::components::form::{TextField, chips};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::settings;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use lobbydesk_core::modules::fees::money::{month_text, yuan};
use lobbydesk_core::modules::fees::services::Owing;
use lobbydesk_core::modules::fees::{ReminderHow, csv};
use lobbydesk_core::{Localized, time};

#[component]
pub fn ArrearsPage() -> impl IntoView {
    let desk = use_desk();
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::arrears(desk).await }
    });
    let export = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok((owing, _)) = data::arrears(desk).await {
                let bytes = csv::arrears(&owing, desk.lang.get_untracked());
                let name = format!("LobbyDesk_arrears_{}.csv", data::day().format("%Y%m%d"));
                if let Err(e) = crate::platform::download::save(&name, &bytes, "text/csv") {
                    desk.toasts.error(e);
                }
            }
        });
    };
    view! {
        <section class="page fees">
            <div class="card row">
                <h1>{desk.tr(T::Arrears)}</h1>
                <button type="button" class="secondary" data-testid="fee-arrears-csv" on:click=export>{desk.tr(T::ExportCsv)}</button>
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok((owing, problems)) => view! {
                            {owing.is_empty().then(|| view! { <p class="card empty" data-testid="fee-none-owing">{desk.tr(T::NoneOwing)}</p> })}
                            <ul class="visit-list card" data-testid="fee-arrears">
                                {owing.into_iter().map(|o| view! { <OwingRow o=o /> }).collect_view()}
                            </ul>
                            {(!problems.is_empty()).then(|| view! {
                                <div class="card">
                                    <h2>{desk.tr(T::Problems)}</h2>
                                    <ul class="plain-list" data-testid="fee-problems">
                                        {problems.into_iter().map(|(u, p)| view! {
                                            <li><A href=format!("/fees?unit={u}")>{u.clone()}</A> " · " {move || p.message(desk.lang.get())}</li>
                                        }).collect_view()}
                                    </ul>
                                </div>
                            })}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OwingRow(o: Owing) -> impl IntoView {
    let desk = use_desk();
    let lang = move || desk.lang.get();
    let open = RwSignal::new(false);
    let how = RwSignal::new(None::<ReminderHow>);
    let answer = RwSignal::new(String::new());
    let promised = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let unit = o.unit.clone();
    let save = {
        let unit = unit.clone();
        move |_| {
            let unit = unit.clone();
            leptos::task::spawn_local(async move {
                let day = NaiveDate::parse_from_str(&promised.get_untracked(), "%Y-%m-%d").ok();
                match data::remind(
                    desk,
                    &unit,
                    how.get_untracked(),
                    &answer.get_untracked(),
                    day,
                )
                .await
                {
                    Ok(()) => {
                        desk.toasts.info(desk.t(T::Reminded));
                        desk.changed();
                    }
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    let months = match (o.months.first(), o.months.last()) {
        (Some(a), Some(b)) if a != b => format!("{} — {}", month_text(*a), month_text(*b)),
        (Some(a), _) => month_text(*a),
        _ => String::new(),
    };
    let last = o.last_reminder.clone();
    let id = unit.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    view! {
        <li class="fee-row" data-testid="fee-owing">
            <strong data-testid="fee-owing-unit">{unit.clone()}</strong>
            " · " <span data-testid="fee-owing-months">{o.months.len()} " " {desk.tr(T::MonthsUnit)} " (" {months} ")"</span>
            " · " <strong data-testid="fee-owing-amount">{yuan(o.fen)} " " {desk.tr(T::Yuan)}</strong>
            {o.in_custody.then(|| view! { " · " <span class="tag">{desk.tr(T::InCustody)}</span> })}
            <br/>
            <span class="muted" data-testid="fee-last-reminder">{desk.tr(T::LastReminder)} ": " {match last {
                Some(r) => {
                    let h = r.how;
                    view! { {time::short(r.made.at)} " " {r.made.by} " · " {move || h.label(lang())} " · " {r.answer} {r.promised.map(|d| format!(" · {} {d}", desk.t(T::Promised)))} }.into_any()
                }
                None => view! { {desk.tr(T::NeverReminded)} }.into_any(),
            }}</span>
            <div class="row">
                <A href=format!("/fees?unit={unit}") attr:class="button-link" attr:data-testid="fee-go-collect">{desk.tr(T::ToCollect)}</A>
                <A href=format!("/fees/notice/{unit}") attr:class="button-link" attr:data-testid="fee-go-notice">{desk.tr(T::Notice)}</A>
                <button type="button" class="secondary" data-testid="fee-remind-open" on:click=move |_| open.update(|o| *o = !*o)>{desk.tr(T::RemindTitle)}</button>
            </div>
            <Show when=move || open.get()>
                <div class="choices">{chips(ReminderHow::ALL, how, ReminderHow::code, ReminderHow::label, "fee-how")}</div>
                <div class="row">
                    <TextField id=format!("fee-answer-{id}") label=T::Answer value=answer testid="fee-answer" maxlength=200 />
                    <TextField id=format!("fee-promised-{id}") label=T::Promised value=promised kind="date" testid="fee-promised" />
                    <button type="button" class="primary-big" data-testid="fee-remind" on:click=save.clone()>{desk.tr(T::Remind)}</button>
                </div>
                <p class="field-error" role="alert" data-testid="fee-remind-error">{move || problem.get()}</p>
            </Show>
        </li>
    }
}

/// `/fees/notice/:unit`: the payment notice (催缴通知单) for the unit, printable on A4.
#[component]
pub fn NoticePage() -> impl IntoView {
    let desk = use_desk();
    let params = use_params_map();
    let status = LocalResource::new(move || {
        desk.revision();
        let unit = params.read().get("unit").unwrap_or_default();
        async move { data::status(desk, &unit).await }
    });
    view! {
        <section class="page fees">
            <div class="card no-print">
                <button class="primary-big" data-testid="fee-print-notice" on:click=move |_| crate::platform::print_page()>{desk.tr(T::PrintNotice)}</button>
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(st) => {
                            let owed = st.owed();
                            view! {
                                <div class="report fee-notice" data-testid="fee-notice">
                                    <h1>{settings::office_name()} " " {desk.tr(T::Notice)}</h1>
                                    <p><strong>{st.unit.clone()}</strong></p>
                                    <p>{desk.tr(T::NoticeBody)}</p>
                                    <table class="table">
                                        <thead><tr><th>{desk.tr(T::Month)}</th><th>{desk.tr(T::Total)}</th></tr></thead>
                                        <tbody>
                                            {owed.iter().map(|m| view! { <tr><td>{month_text(m.month)}</td><td class="num">{yuan(m.total())}</td></tr> }).collect_view()}
                                            <tr><th>{desk.tr(T::Total)}</th><th class="num" data-testid="fee-notice-total">{yuan(st.owed_fen())} " " {desk.tr(T::Yuan)}</th></tr>
                                        </tbody>
                                    </table>
                                    <p class="right">{settings::office_name()} " · " {desk.tr(T::NoticeDate)} " " {data::day().to_string()}</p>
                                </div>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
