//! 物业费 Fees and 托管 custody at the desk: a unit's charges and arrears, a payment with its
//! printed receipt, the arrears list with reminders (催缴) and the printed notice, the day's
//! payments, units in custody with their meter readings, and the rates (a supervisor's).

pub mod arrears;
pub mod collect;
pub mod custody;
pub mod data;
pub mod payments;
pub mod rates;
pub mod texts;

use crate::components::days::DaysCard;
use crate::components::tabs::{Tab, TabbedModule};
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::modules::fees::COLLECT_FEES;
use texts::FeeMsg as T;

/// The tabs above every fee screen.
pub const TABS: &[Tab] = &[
    Tab::new("/fees", T::Collect.tx(), "tab-fee-collect"),
    Tab::new("/fees/arrears", T::Arrears.tx(), "tab-fee-arrears"),
    Tab::new("/fees/payments", T::Payments.tx(), "tab-fee-payments"),
    Tab::new("/fees/custody", T::Custody.tx(), "tab-fee-custody"),
    Tab::new("/fees/rates", T::Rates.tx(), "tab-fee-rates"),
];

/// `/fees`: collect, arrears, payments, custody, rates, a receipt, a notice.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/fees") view=|| view! { <TabbedModule label=Msg::Fees tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=COLLECT_FEES><collect::CollectPage /></Allowed> } />
            <Route path=path!("/arrears") view=|| view! { <Allowed needs=COLLECT_FEES><arrears::ArrearsPage /></Allowed> } />
            <Route path=path!("/payments") view=|| view! { <Allowed needs=COLLECT_FEES><payments::PaymentsPage /></Allowed> } />
            <Route path=path!("/custody") view=|| view! { <Allowed needs=COLLECT_FEES><custody::CustodyPage /></Allowed> } />
            <Route path=path!("/rates") view=|| view! { <Allowed needs=COLLECT_FEES><rates::RatesPage /></Allowed> } />
            <Route path=path!("/r/:id") view=|| view! { <Allowed needs=COLLECT_FEES><collect::ReceiptPage /></Allowed> } />
            <Route path=path!("/notice/:unit") view=|| view! { <Allowed needs=COLLECT_FEES><arrears::NoticePage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}

pub fn settings_card() -> AnyView {
    view! {
        <DaysCard title=T::SettingsTitle label=T::KeepDays setting="fee.retention_days"
            get=settings::fee_retention_days set=settings::set_fee_retention_days
            field="fee-keep" testid="fee-settings" />
    }
    .into_any()
}

/// A unit's fees on its page: billed or not, what it owes, custody and its flags; a way to
/// collect.
#[component]
pub fn UnitCard(unit: String) -> impl IntoView {
    use crate::desk::use_desk;
    use leptos_router::components::A;
    use lobbydesk_core::modules::fees::reading_text;
    use lobbydesk_core::time;
    let desk = use_desk();
    let key = unit.clone();
    let status = LocalResource::new(move || {
        desk.revision();
        let k = key.clone();
        async move { data::status(desk, &k).await.ok() }
    });
    view! {
        <Suspense>
            {move || {
                let unit = unit.clone();
                Suspend::new(async move {
                    let st = status.await?;
                    let owed = st.owed();
                    Some(view! {
                        <h2>{desk.tr(T::UnitFees)}</h2>
                        <p data-testid="unit-fees">
                            {summary(desk, &st, &owed)}
                            {st.in_custody().map(|(_, c)| {
                                let used = c.used().map(|u| format!(" · {} {} {} · {} {}", desk.t(T::Used), desk.t(T::WaterShort), reading_text(u.water), desk.t(T::PowerShort), reading_text(u.power))).unwrap_or_default();
                                format!(" · {} {} {}{used}", desk.t(T::InCustody), desk.t(T::Since), c.start)
                            })}
                            {st.flagged().then(|| format!(" · {}", desk.t(T::OverLimit)))}
                            {st.reminders.first().map(|r| format!(" · {} {} {} {}", desk.t(T::LastReminder), time::short(r.made.at), r.how.label(desk.lang.get_untracked()), r.answer))}
                            " " <A href=format!("/fees?unit={unit}") attr:data-testid="unit-fees-go">{desk.tr(T::ToCollect)}</A>
                        </p>
                    })
                })
            }}
        </Suspense>
    }
}

/// What the fees module says of the unit being typed (for a tenant moving out): cleared, owing,
/// or not billed (then the clerk's own check counts).
#[component]
pub fn FeeHint(unit: RwSignal<String>) -> impl IntoView {
    use crate::desk::use_desk;
    let desk = use_desk();
    let status = LocalResource::new(move || {
        desk.revision();
        let u = unit.get();
        async move { data::status(desk, &u).await.ok() }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let st = status.await?;
                st.account.as_ref()?;
                let owed = st.owed();
                let cleared = st.cleared();
                Some(view! {
                    <p class:verdict=true class:ok=cleared class:bad=!cleared data-testid="fee-hint">
                        {desk.tr(T::UnitFees)} ": " {summary(desk, &st, &owed)}
                    </p>
                })
            })}
        </Suspense>
    }
}

/// The fee payments taken today by method, for the handover's count of the shift's takings.
#[component]
pub fn DayTakings() -> impl IntoView {
    use crate::desk::use_desk;
    use lobbydesk_core::modules::fees::money::yuan;
    let desk = use_desk();
    let totals = LocalResource::new(move || {
        desk.revision();
        async move {
            data::day_payments(desk, data::day())
                .await
                .map(|(_, t)| t)
                .unwrap_or_default()
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let t = totals.await;
                (!t.is_empty()).then(|| {
                    let all: i64 = t.iter().map(|(_, f)| f).sum();
                    view! {
                        <p class="muted" data-testid="fee-day-takings">
                            {desk.tr(T::TodayFees)} " " {yuan(all)} " " {desk.tr(T::Yuan)} " ("
                            {t.into_iter().map(|(m, f)| format!("{} {}", m.label(desk.lang.get_untracked()), yuan(f))).collect::<Vec<_>>().join(" · ")}
                            ")"
                        </p>
                    }
                })
            })}
        </Suspense>
    }
}

/// A unit's fees in one line: not billed, cleared, owing, or why they cannot be counted.
fn summary(
    desk: crate::desk::Desk,
    st: &lobbydesk_core::modules::fees::services::Status,
    owed: &[lobbydesk_core::modules::fees::services::MonthCharge],
) -> String {
    use lobbydesk_core::Localized;
    use lobbydesk_core::modules::fees::money::yuan;
    if st.account.is_none() {
        desk.t(T::NotBilled).to_string()
    } else if let Some(p) = &st.problem {
        p.message(desk.lang.get_untracked())
    } else if owed.is_empty() {
        desk.t(T::Cleared).to_string()
    } else {
        format!(
            "{} {} {} · {} {}",
            desk.t(T::OwedSummary),
            owed.len(),
            desk.t(T::MonthsUnit),
            yuan(st.owed_fen()),
            desk.t(T::Yuan)
        )
    }
}
