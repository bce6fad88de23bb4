//! 投诉统计: a chosen month's complaints counted by kind and by department, and the share closed
//! within the office's time limit (set in Settings). The counting is the core's
//! (`complaints::report`); this page picks the month and shows the figures.

use super::data;
use super::texts::ComplaintMsg as T;
use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::complaints::report::parse_month;
use lobbydesk_core::time;

#[component]
pub fn ReportPage() -> impl IntoView {
    let desk = use_desk();
    let month = RwSignal::new(
        time::local_date(BrowserClock.now())
            .format("%Y-%m")
            .to_string(),
    );
    let counts = LocalResource::new(move || {
        desk.revision();
        let m = parse_month(&month.get());
        async move {
            match m {
                None => Err(desk.t(T::BadMonth).to_string()),
                Some((y, m)) => data::month(desk, y, m).await,
            }
        }
    });
    let lang = move || desk.lang.get();
    view! {
        <section class="page complaints">
            <div class="card">
                <h1>{desk.tr(T::Report)}</h1>
                <TextField id="cp-month" label=T::Month value=month kind="month" testid="cp-month" />
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match counts.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(m) => {
                            let share = m.in_time_percent().map_or("—".to_string(), |p| format!("{p}%"));
                            let row = |label: String, n: u32, testid: String| view! {
                                <tr data-testid=testid><td>{label}</td><td>{n}</td></tr>
                            };
                            view! {
                                <div class="card" data-testid="cp-report">
                                    <table class="table">
                                        <tbody>
                                            <tr><th>{desk.tr(T::Total)}</th><td data-testid="cp-total">{m.total}</td></tr>
                                            <tr><th>{desk.tr(T::ClosedCount)}</th><td data-testid="cp-closed">{m.closed}</td></tr>
                                            <tr><th>{desk.tr(T::LimitIs)}</th><td data-testid="cp-limit">{m.limit_days}</td></tr>
                                            <tr><th>{desk.tr(T::InTime)}</th><td data-testid="cp-in-time">{m.closed_in_time}</td></tr>
                                            <tr><th>{desk.tr(T::InTimeShare)}</th><td data-testid="cp-share">{share}</td></tr>
                                        </tbody>
                                    </table>
                                    <h2>{desk.tr(T::ByKind)}</h2>
                                    <table class="table">
                                        <tbody>
                                            {m.by_kind.iter().map(|(k, n)| row(k.label(lang()).to_string(), *n, format!("cp-n-kind-{}", k.code()))).collect_view()}
                                        </tbody>
                                    </table>
                                    <h2>{desk.tr(T::ByDepartment)}</h2>
                                    <table class="table">
                                        <tbody>
                                            {m.by_department.iter().map(|(d, n)| row(d.label(lang()).to_string(), *n, format!("cp-n-dept-{}", d.code()))).collect_view()}
                                            {row(desk.t(T::NoDepartment).to_string(), m.unassigned, "cp-n-dept-none".into())}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
