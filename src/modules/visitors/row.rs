//! One visit in a list: who, whom, when, and badges. ID numbers are masked here, always.

use super::data::Row;
use crate::desk::use_desk;
use crate::modules::visitors::texts::VisitorMsg;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::time;

#[component]
pub fn VisitRow(
    row: Row,
    /// Buttons at the end of the row.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let desk = use_desk();
    let v = row.visit.clone();
    let href = format!("/visitors/v/{}", row.id());
    let purpose = v.purpose;
    let time_out = v.time_out.map(time::short);
    let auto = v.auto_signed_out;
    let flagged = v.watch.is_some();
    view! {
        <li class="visit-row" data-testid="visit-row">
            <A href=href attr:class="visit-main">
                <div class="visit-line1">
                    <strong data-testid="row-name">
                        {if v.purged { desk.tr(VisitorMsg::Purged).get_untracked().to_string() } else { v.name.clone() }}
                    </strong>
                    {v.phone.as_ref().map(|p| view! { <span class="muted">{p.display()}</span> })}
                    {(!v.masked_id().is_empty()).then(|| view! { <span class="muted mono" data-testid="visit-id">{v.masked_id()}</span> })}
                    {flagged.then(|| view! { <span class="badge bad">{desk.tr(VisitorMsg::Flagged)}</span> })}
                </div>
                <div class="visit-line2 muted">
                    <span>{v.host.display()}</span>
                    " · "
                    <span>{move || purpose.label(desk.lang.get())}</span>
                    {v.plate.as_ref().map(|p| view! { " · " <span class="mono">{p.as_str().to_string()}</span> })}
                    {(v.party_size > 1).then(|| view! { " · " {v.party_size} {desk.tr(VisitorMsg::People)} })}
                    {(!v.pass_no.is_empty()).then(|| view! { " · " {desk.tr(VisitorMsg::PassNo)} " " {v.pass_no.clone()} })}
                </div>
                <div class="visit-line2 muted">
                    {desk.tr(VisitorMsg::TimeIn)} " " {time::short(v.time_in)}
                    {time_out.clone().map(|t| view! { " · " {desk.tr(VisitorMsg::TimeOut)} " " {t.clone()} })}
                    {auto.then(|| view! { " " <span class="badge">{desk.tr(VisitorMsg::AutoSignedOut)}</span> })}
                    {(!v.clerk.is_empty()).then(|| view! { " · " {desk.tr(VisitorMsg::Clerk)} " " <span data-testid="row-clerk">{v.clerk.clone()}</span> })}
                </div>
            </A>
            {children.map(|c| view! { <div class="visit-actions">{c()}</div> })}
        </li>
    }
}
