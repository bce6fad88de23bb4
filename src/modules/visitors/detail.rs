//! A visit in full (the only place the full ID number shows), sign-out, and the printed pass
//! (A6 or 80 mm thermal paper: name, host, time in, pass number, a QR code of the visit id).

use super::data;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::visitors::texts::VisitorMsg;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use lobbydesk_core::RecordId;
use lobbydesk_core::permit::Action as Perm;
use lobbydesk_core::time;

use crate::components::qr::qr_svg;

#[component]
pub fn DetailPage() -> impl IntoView {
    let desk = use_desk();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<RecordId>().ok())
    };
    let visit = LocalResource::new(move || {
        desk.revision();
        let id = id();
        async move {
            match id {
                Some(id) => data::get(desk, id).await,
                None => Ok(None),
            }
        }
    });
    let sign_out = data::sign_out_action(desk);
    let print = move |_| crate::platform::print_page();
    view! {
        <section class="page visitors">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match visit.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(VisitorMsg::VisitNotFound)}</p> }.into_any(),
                        Ok(Some(row)) => {
                            let v = row.visit.clone();
                            let rid = row.id();
                            let on_site = v.on_site();
                            let purpose = v.purpose;
                            let qr = qr_svg(&rid.to_string());
                            let host = v.host.display();
                            let time_in = time::long(v.time_in);
                            view! {
                                <div class="card detail" data-testid="visit-detail">
                                    <h1>{if v.purged { desk.tr(VisitorMsg::Purged).get_untracked().to_string() } else { v.name.clone() }}</h1>
                                    <dl class="facts">
                                        <dt>{desk.tr(Msg::Phone)}</dt><dd>{v.phone.as_ref().map(|p| p.display())}</dd>
                                        <dt>{desk.tr(VisitorMsg::IdNumber)}</dt>
                                        <dd class="mono" data-testid="full-id">
                                            {v.id_doc.as_ref().map(|d| {
                                                let number = if desk.can(Perm::VIEW_FULL_ID) { d.full_number().to_string() } else { d.masked() };
                                                format!("{} {}", d.kind.label(desk.lang.get_untracked()), number)
                                            })}
                                        </dd>
                                        <dt>{desk.tr(VisitorMsg::Host)}</dt><dd>{host.clone()}</dd>
                                        <dt>{desk.tr(Msg::Purpose)}</dt><dd>{move || purpose.label(desk.lang.get())}</dd>
                                        <dt>{desk.tr(VisitorMsg::PartySize)}</dt><dd>{v.party_size}</dd>
                                        <dt>{desk.tr(Msg::Plate)}</dt><dd class="mono">{v.plate.as_ref().map(|p| p.as_str().to_string())}</dd>
                                        <dt>{desk.tr(VisitorMsg::PassNo)}</dt><dd>{v.pass_no.clone()}</dd>
                                        <dt>{desk.tr(VisitorMsg::TimeIn)}</dt><dd>{time_in.clone()}</dd>
                                        <dt>{desk.tr(VisitorMsg::TimeOut)}</dt>
                                        <dd data-testid="time-out">
                                            {v.time_out.map(time::long)}
                                            {v.auto_signed_out.then(|| view! { " " <span class="badge">{desk.tr(VisitorMsg::AutoSignedOut)}</span> })}
                                        </dd>
                                        <dt>{desk.tr(VisitorMsg::Clerk)}</dt><dd>{v.clerk.clone()}</dd>
                                        <dt>{desk.tr(VisitorMsg::Notes)}</dt><dd>{v.notes.clone()}</dd>
                                    </dl>
                                    {v.watch.as_ref().map(|w| view! {
                                        <p class="notice bad-notice" data-testid="watch-flag">
                                            {desk.tr(VisitorMsg::Flagged)} ": " {w.reason.clone()}
                                            " · " {desk.tr(VisitorMsg::AcknowledgedBy)} " " {w.acknowledged_by.clone()}
                                        </p>
                                    })}
                                    <div class="row">
                                        {on_site.then(|| view! {
                                            <button data-testid="detail-sign-out" on:click=move |_| { sign_out.dispatch(rid); }>
                                                {desk.tr(VisitorMsg::SignOut)}
                                            </button>
                                        })}
                                        <button class="secondary" data-testid="print-pass" on:click=print>
                                            {desk.tr(VisitorMsg::PrintPass)}
                                        </button>
                                    </div>
                                </div>
                                <div class="pass print-only" data-testid="pass">
                                    <div class="pass-title">{desk.tr(VisitorMsg::VisitorPass)}</div>
                                    <div class="pass-name">{v.name.clone()}</div>
                                    <div>{desk.tr(VisitorMsg::Host)} ": " {host.clone()}</div>
                                    <div>{desk.tr(VisitorMsg::TimeIn)} ": " {time_in.clone()}</div>
                                    <div>{desk.tr(VisitorMsg::PassNo)} ": " {v.pass_no.clone()}</div>
                                    <div class="mono">{v.masked_id()}</div>
                                    <div class="pass-qr" inner_html=qr></div>
                                </div>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
