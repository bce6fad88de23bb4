//! 收费: a unit's fees (billed from when, each month's charge, what is owed, custody), billing
//! started where it is not, a payment taken for chosen months at what they come to, and the
//! printed receipt.

use super::data;
use super::texts::FeeMsg as T;
use crate::components::form::{TextField, chips};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::settings;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use lobbydesk_core::modules::fees::money::{self, month_text, upper, yuan};
use lobbydesk_core::modules::fees::services::{self, PayForm, Status};
use lobbydesk_core::modules::fees::{Method, Payment};
use lobbydesk_core::{Localized, RecordId, time};

/// `/fees`: the unit (from `?unit=` or typed), its fees and the payment form.
#[component]
pub fn CollectPage() -> impl IntoView {
    let desk = use_desk();
    let query = use_query_map();
    let first = query.with_untracked(|q| q.get("unit")).unwrap_or_default();
    let unit = RwSignal::new(first.clone());
    let shown = RwSignal::new((!first.is_empty()).then_some(first));
    let status = LocalResource::new(move || {
        desk.revision();
        let u = shown.get();
        async move {
            match u {
                None => Ok(None),
                Some(u) => data::status(desk, &u).await.map(Some),
            }
        }
    });
    view! {
        <section class="page fees">
            <form class="card" novalidate data-testid="fee-look-form"
                on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); shown.set(Some(unit.get_untracked())); }>
                <h1>{desk.tr(T::Collect)}</h1>
                <div class="row">
                    <TextField id="fee-unit" label=T::Unit value=unit testid="fee-unit" maxlength=20 autofocus=true />
                    <button type="submit" class="primary-big" data-testid="fee-look">{desk.tr(T::Look)}</button>
                </div>
            </form>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(e) => view! { <p class="field-error big-alert" role="alert" data-testid="fee-error">{e}</p> }.into_any(),
                        Ok(None) => ().into_any(),
                        Ok(Some(st)) => view! { <UnitFees st=st /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// What the unit owes, in words: "欠费 3 个月,合计 540.00 元".
fn owed_line(desk: crate::desk::Desk, st: &Status) -> String {
    let owed = st.owed();
    if owed.is_empty() {
        return desk.t(T::NothingOwed).to_string();
    }
    format!(
        "{} {} {} · {} {} {}",
        desk.t(T::OwedSummary),
        owed.len(),
        desk.t(T::MonthsUnit),
        desk.t(T::Total),
        yuan(st.owed_fen()),
        desk.t(T::Yuan)
    )
}

#[component]
fn UnitFees(st: Status) -> impl IntoView {
    let desk = use_desk();
    let lang = move || desk.lang.get();
    let kind = st.kind;
    let area = st
        .area_m2
        .map(|a| format!("{a} m²"))
        .unwrap_or_else(|| "—".into());
    let custody = st.in_custody().map(|(_, c)| c.start);
    let flagged = st.flagged();
    let problem = st.problem.clone();
    let billed = st.account.as_ref().map(|a| a.from);
    view! {
        <div class="card" data-testid="fee-status">
            <h2>{st.unit.clone()}</h2>
            <dl class="facts">
                <dt>{desk.tr(T::Area)}</dt><dd data-testid="fee-area">{area}</dd>
                <dt>{desk.tr(T::Kind)}</dt><dd>{move || kind.map(|k| k.label(lang()).to_string()).unwrap_or_default()}</dd>
                <dt>{desk.tr(T::BilledFrom)}</dt><dd data-testid="fee-billed-from">{billed.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</dd>
            </dl>
            {custody.map(|d| view! { <p class="tag" data-testid="fee-in-custody">{desk.tr(T::InCustody)} " " {desk.tr(T::Since)} " " {d.to_string()}</p> })}
            {flagged.then(|| view! { <p class="verdict bad" data-testid="fee-flagged">{desk.tr(T::OverLimit)}</p> })}
            {problem.map(|p| view! { <p class="field-error big-alert" role="alert" data-testid="fee-problem">{move || p.message(lang())}</p> })}
            {billed.is_none().then(|| view! { <StartBilling unit=st.unit.clone() /> })}
            {(!st.months.is_empty()).then(|| view! {
                <p class="big" data-testid="fee-owed">{owed_line(desk, &st)}</p>
                <MonthsTable st=st.clone() />
            })}
        </div>
        {(billed.is_some() && st.problem.is_none()).then(|| view! { <PayCard st=st.clone() /> })}
        {(!st.reminders.is_empty()).then(|| view! {
            <div class="card">
                <h2>{desk.tr(T::Reminders)}</h2>
                <ul class="plain-list" data-testid="fee-reminders">
                    {st.reminders.iter().take(5).map(|r| {
                        let how = r.how;
                        view! { <li>{time::short(r.made.at)} " " {r.made.by.clone()} " · " {move || how.label(lang())} " · " {r.answer.clone()}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
    }
}

#[component]
fn StartBilling(unit: String) -> impl IntoView {
    let desk = use_desk();
    let from = RwSignal::new(data::day().to_string());
    let problem = RwSignal::new(None::<String>);
    let start = move |_| {
        let (unit, from) = (unit.clone(), from.get_untracked());
        leptos::task::spawn_local(async move {
            let day = NaiveDate::parse_from_str(&from, "%Y-%m-%d").ok();
            match data::open_account(desk, &unit, day).await {
                Ok(()) => {
                    desk.toasts.info(desk.t(T::BillingStarted));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <p data-testid="fee-not-billed">{desk.tr(T::NotBilled)}</p>
        <div class="row">
            <TextField id="fee-from" label=T::BilledFrom value=from kind="date" testid="fee-from" />
            <button type="button" class="secondary" data-testid="fee-start-billing" on:click=start>{desk.tr(T::StartBilling)}</button>
        </div>
        <p class="field-error" role="alert" data-testid="fee-start-error">{move || problem.get()}</p>
    }
}

#[component]
fn MonthsTable(st: Status) -> impl IntoView {
    let desk = use_desk();
    let rows = st
        .months
        .iter()
        .rev()
        .map(|m| {
            let paid = st.paid(m.month);
            view! {
                <tr data-testid="fee-month" class:owed=!paid>
                    <td>{month_text(m.month)}</td>
                    <td>{m.billed_days} {(m.custody_days > 0).then(|| format!(" ({} {})", desk.t(T::InCustodyDays), m.custody_days))}</td>
                    <td class="num">{yuan(m.management)}</td>
                    <td class="num">{yuan(m.energy)}</td>
                    <td class="num">{yuan(m.fixed)}</td>
                    <td class="num"><strong>{yuan(m.total())}</strong></td>
                    <td data-testid="fee-month-state">{desk.tr(if paid { T::Paid } else { T::Owed })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="fee-months">
                <thead><tr>
                    <th>{desk.tr(T::Month)}</th><th>{desk.tr(T::Days)}</th><th>{desk.tr(T::Management)}</th>
                    <th>{desk.tr(T::Energy)}</th><th>{desk.tr(T::Fixed)}</th><th>{desk.tr(T::Total)}</th><th>{desk.tr(T::State)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="muted small">{desk.tr(T::Rounding)}</p>
    }
}

#[component]
fn PayCard(st: Status) -> impl IntoView {
    let desk = use_desk();
    let owed = st.owed();
    let this_month = money::month_of(data::day());
    let (first0, last0) = match (owed.first(), owed.last()) {
        (Some(a), Some(b)) => (a.month, b.month),
        _ => {
            let next = money::next_month(this_month);
            (next, next)
        }
    };
    let s = |v: String| RwSignal::new(v);
    let (first, last) = (s(month_text(first0)), s(month_text(last0)));
    let (amount, receipt, payer, note) = (
        s(String::new()),
        s(String::new()),
        s(String::new()),
        s(String::new()),
    );
    let method = RwSignal::new(Some(Method::Cash));
    let problem = RwSignal::new(None::<String>);
    let unit = st.unit.clone();
    let st2 = st.clone();
    let due = move || {
        let (f, l) = (
            money::parse_month(&first.get()),
            money::parse_month(&last.get()),
        );
        match (f, l) {
            (Some(f), Some(l)) => services::due(&st2, f, l)
                .map(|fen| format!("{} {} {}", desk.t(T::DueNow), yuan(fen), desk.t(T::Yuan)))
                .map_err(|e| e.message(desk.lang.get())),
            _ => Err(lobbydesk_core::modules::fees::FeeError::BadMonth.message(desk.lang.get())),
        }
    };
    let navigate = use_navigate();
    let take = Action::new_local(move |form: &PayForm| {
        let form = form.clone();
        let navigate = navigate.clone();
        async move {
            match data::pay(desk, &form).await {
                Ok(id) => {
                    desk.toasts.info(desk.t(T::Taken));
                    desk.changed();
                    navigate(&format!("/fees/r/{id}"), Default::default());
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if take.pending().get_untracked() {
            return;
        }
        take.dispatch(PayForm {
            unit: unit.clone(),
            first: first.get_untracked(),
            last: last.get_untracked(),
            amount: amount.get_untracked(),
            method: method.get_untracked(),
            receipt: receipt.get_untracked(),
            payer: payer.get_untracked(),
            note: note.get_untracked(),
        });
    };
    view! {
        <form class="card" novalidate on:submit=submit data-testid="fee-pay-form">
            <h2>{desk.tr(T::PayTitle)}</h2>
            <div class="grid3">
                <TextField id="fee-first" label=T::FirstMonth value=first kind="month" testid="fee-first" />
                <TextField id="fee-last" label=T::LastMonth value=last kind="month" testid="fee-last" />
                <p class="big" data-testid="fee-due">{move || match due() { Ok(t) => t, Err(e) => e }}</p>
                <TextField id="fee-amount" label=T::Amount value=amount inputmode="decimal" testid="fee-amount" maxlength=12 />
                <TextField id="fee-receipt" label=T::Receipt value=receipt testid="fee-receipt" maxlength=40 />
                <TextField id="fee-payer" label=T::Payer value=payer testid="fee-payer" maxlength=40 />
            </div>
            <p class="label">{desk.tr(T::Method)}</p>
            <div class="choices">{chips(Method::ALL, method, Method::code, Method::label, "fee-method")}</div>
            <TextField id="fee-note" label=T::Note value=note testid="fee-note" maxlength=200 />
            <p class="field-error" role="alert" data-testid="fee-pay-error">{move || problem.get()}</p>
            <div class="action-bar">
                <button type="submit" class="primary-big" data-testid="fee-pay" disabled=move || take.pending().get()>{desk.tr(T::TakePayment)}</button>
            </div>
        </form>
    }
}

/// `/fees/r/:id`: the receipt, printable on A5.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let desk = use_desk();
    let payment = crate::components::route::record_of_url(data::payment);
    view! {
        <section class="page fees">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match payment.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(T::NotFound)}</p> }.into_any(),
                        Ok(Some((id, p))) => view! { <Receipt id=id p=p /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Receipt(id: RecordId, p: Payment) -> impl IntoView {
    let desk = use_desk();
    let _ = id;
    let method = p.method;
    let period = if p.first == p.last {
        month_text(p.first)
    } else {
        format!("{} — {}", month_text(p.first), month_text(p.last))
    };
    view! {
        <div class="card no-print">
            <button class="primary-big" data-testid="fee-print" on:click=move |_| crate::platform::print_page()>{desk.tr(T::PrintReceipt)}</button>
            " "
            <a class="button-link" href=format!("/fees?unit={}", p.unit)>{desk.tr(T::Collect)}</a>
        </div>
        <div class="report fee-receipt" data-testid="fee-receipt-sheet">
            <h1>{settings::office_name()} " " {desk.tr(T::ReceiptTitle)}</h1>
            <p class="right">{desk.tr(T::ReceiptNo)} " " <strong class="mono" data-testid="fee-receipt-no">{p.receipt.clone()}</strong></p>
            <table class="table">
                <tbody>
                    <tr><th>{desk.tr(T::Unit)}</th><td data-testid="fee-receipt-unit">{p.unit.clone()}</td>
                        <th>{desk.tr(T::Payer)}</th><td>{p.payer.clone()}</td></tr>
                    <tr><th>{desk.tr(T::Period)}</th><td data-testid="fee-receipt-period">{period}</td>
                        <th>{desk.tr(T::Method)}</th><td>{move || method.label(desk.lang.get())}</td></tr>
                    <tr><th>{desk.tr(T::AmountUpper)}</th><td data-testid="fee-receipt-upper">"人民币 " {upper(p.fen)}</td>
                        <th>{desk.tr(T::AmountFigures)}</th><td data-testid="fee-receipt-amount">"¥" {yuan(p.fen)}</td></tr>
                    {(!p.note.is_empty()).then(|| view! { <tr><th>{desk.tr(T::Note)}</th><td colspan="3">{p.note.clone()}</td></tr> })}
                    <tr><th>{desk.tr(T::TakenBy)}</th><td>{p.taken.by.clone()}</td>
                        <th>{desk.tr(T::TakenAt)}</th><td>{time::long(p.taken.at)}</td></tr>
                </tbody>
            </table>
            <p class="sign-line">{desk.tr(T::PayerSign)} " ________________"</p>
        </div>
    }
}
