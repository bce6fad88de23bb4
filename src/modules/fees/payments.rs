//! 收款记录: the payments of a day with the totals by method (what the handover's cash count and
//! the reports read); the CSV of any span is in 数据交换 → CSV.

use super::data;
use super::texts::FeeMsg as T;
use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::Msg;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::modules::fees::money::{month_text, yuan};
use lobbydesk_core::spec::Mask;
use lobbydesk_core::time;

#[component]
pub fn PaymentsPage() -> impl IntoView {
    let desk = use_desk();
    let on = RwSignal::new(data::day().to_string());
    let rows = LocalResource::new(move || {
        desk.revision();
        let day = NaiveDate::parse_from_str(&on.get(), "%Y-%m-%d").unwrap_or_else(|_| data::day());
        async move { data::day_payments(desk, day).await }
    });
    let lang = move || desk.lang.get();
    view! {
        <section class="page fees">
            <div class="card">
                <h1>{desk.tr(T::Payments)}</h1>
                <TextField id="fee-day" label=T::Day value=on kind="date" testid="fee-day" />
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok((list, _)) if list.is_empty() => view! { <p class="card empty" data-testid="fee-no-payments">{desk.tr(T::NoPayments)}</p> }.into_any(),
                        Ok((list, totals)) => view! {
                            <div class="card" data-testid="fee-day-totals">
                                <h2>{desk.tr(T::DayTotal)} " " {yuan(totals.iter().map(|(_, t)| t).sum())} " " {desk.tr(T::Yuan)}</h2>
                                <p>{totals.into_iter().map(|(m, t)| view! {
                                    <span class="tag" data-testid="fee-total-by-method">{move || m.label(lang())} " " {yuan(t)}</span> " "
                                }).collect_view()}</p>
                            </div>
                            <ul class="visit-list card" data-testid="fee-payments">
                                {list.into_iter().map(|(id, p)| {
                                    let method = p.method;
                                    view! {
                                        <li class="visit-row" data-testid="fee-payment">
                                            <A href=format!("/fees/r/{id}") attr:class="wo-open">{time::short(p.taken.at)} " " {p.unit.clone()}</A>
                                            " · " {month_text(p.first)} {(p.first != p.last).then(|| format!(" — {}", month_text(p.last)))}
                                            " · " <strong>{yuan(p.fen)}</strong> " · " {move || method.label(lang())}
                                            " · " {p.receipt.clone()} " · " {Mask::Name.apply(&p.payer)} " · " {p.taken.by.clone()}
                                            {(p.fen != p.due_fen).then(|| format!(" · {} {}", yuan(p.due_fen), p.note))}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
