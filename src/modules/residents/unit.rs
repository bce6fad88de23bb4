//! A unit's page: the unit, its residents and vehicles, its recent visits, its work orders,
//! complaints and calls.

use super::ResidentRow;
use super::data;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::residents::texts::ResidentMsg;
use crate::modules::visitors::row_view;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn UnitPage() -> impl IntoView {
    let desk = use_desk();
    let params = use_params_map();
    let key = move || params.read().get("key").unwrap_or_default();
    let view_data = LocalResource::new(move || {
        desk.revision();
        let k = key();
        async move { data::unit_view(desk, &k).await }
    });
    let orders = LocalResource::new(move || {
        desk.revision();
        let k = key();
        async move {
            crate::modules::work_orders::data::of_unit(desk, &k)
                .await
                .unwrap_or_default()
        }
    });
    let keys = LocalResource::new(move || {
        desk.revision();
        let k = key();
        async move {
            crate::modules::keys::data::of_unit(desk, &k)
                .await
                .unwrap_or_default()
        }
    });
    let cases = LocalResource::new(move || {
        desk.revision();
        let k = key();
        async move {
            let complaints = crate::modules::complaints::data::list(
                desk,
                &k,
                &lobbydesk_core::modules::complaints::report::Filter {
                    state: lobbydesk_core::modules::complaints::report::State::Any,
                    ..Default::default()
                },
            )
            .await
            .unwrap_or_default();
            let calls = crate::modules::contacts::data::find(desk, &k)
                .await
                .unwrap_or_default();
            (complaints, calls)
        }
    });
    view! {
        <section class="page residents">
            <h1 data-testid="unit-title">{key}</h1>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match view_data.await {
                        Err(e) => view! { <p class="field-error" role="alert">{desk.explain(&e)}</p> }.into_any(),
                        Ok(v) => {
                            let unit = v.unit.map(|u| {
                                let (kind, status) = (u.kind, u.status);
                                view! {
                                    <dl class="facts card" data-testid="unit-facts">
                                        <dt>{desk.tr(ResidentMsg::UnitType)}</dt><dd>{move || kind.label(desk.lang.get())}</dd>
                                        <dt>{desk.tr(ResidentMsg::UnitStatusLabel)}</dt><dd>{move || status.label(desk.lang.get())}</dd>
                                        <dt>{desk.tr(ResidentMsg::Area)}</dt><dd>{u.area_m2.map(|a| format!("{a} ㎡"))}</dd>
                                    </dl>
                                }
                            });
                            view! {
                                {unit}
                                <h2>{desk.tr(Msg::Residents)}</h2>
                                <ul class="visit-list card" data-testid="unit-residents">
                                    {v.residents.into_iter().map(|r| view! { <ResidentRow resident=r /> }).collect_view()}
                                </ul>
                                <h2>{desk.tr(ResidentMsg::RecentVisits)}</h2>
                                <ul class="visit-list card" data-testid="unit-visits">
                                    {v.visits.into_iter().map(row_view).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <Suspense>
                {move || Suspend::new(async move {
                    let rows = orders.await;
                    (!rows.is_empty()).then(|| view! {
                        <h2>{desk.tr(crate::modules::work_orders::texts::WorkOrderMsg::OtherOrders)}</h2>
                        <ul class="visit-list card" data-testid="unit-orders">
                            {rows.into_iter().map(|(e, o)| view! { <crate::modules::work_orders::OrderRow id=e.meta.id order=o /> }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
            {move || view! { <crate::modules::fees::UnitCard unit=key() /> }}
            <Suspense>
                {move || Suspend::new(async move {
                    let rows = keys.await;
                    (!rows.is_empty()).then(|| view! {
                        <h2>{desk.tr(crate::modules::keys::texts::KeyMsg::UnitKeys)}</h2>
                        <div data-testid="unit-keys"><crate::modules::keys::list::KeyRows rows=rows /></div>
                    })
                })}
            </Suspense>
            <Suspense>
                {move || Suspend::new(async move {
                    let (complaints, calls) = cases.await;
                    let lang = desk.lang.get_untracked();
                    view! {
                        {(!complaints.is_empty()).then(|| view! {
                            <h2>{desk.tr(Msg::Complaints)}</h2>
                            <ul class="visit-list card" data-testid="unit-complaints">
                                {complaints.into_iter().map(|(e, c)| view! {
                                    <li class="visit-row">
                                        <leptos_router::components::A href=format!("/complaints/c/{}", e.meta.id)>{c.kind.label(lang)} " · " {c.stage.label(lang)}</leptos_router::components::A>
                                        <br/><span>{lobbydesk_core::time::short(c.created_at)} " · " {c.what.clone()}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                        {(!calls.is_empty()).then(|| view! {
                            <h2>{desk.tr(Msg::CallsWalkIns)}</h2>
                            <ul class="visit-list card" data-testid="unit-calls">
                                {calls.into_iter().map(|(_, c)| view! {
                                    <li class="visit-row">
                                        <strong>{c.topic.label(lang)}</strong> " · " {lobbydesk_core::time::short(c.at)}
                                        <br/><span>{c.said.clone()}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                    }
                })}
            </Suspense>
        </section>
    }
}
