//! 访客 Visitors: register (the form), on site now (one-tap sign-out), the log (search and
//! filters) and a visit's detail with its printable pass.

pub mod data;
pub mod detail;
pub mod log;
pub mod onsite;
pub mod register;
mod row;

use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;

/// The tabs above every visitor screen.
#[component]
pub fn VisitorTabs() -> impl IntoView {
    let desk = use_desk();
    let tab = |href: &'static str, label: Msg, testid: &'static str| {
        view! {
            <A href=href attr:class="tab" attr:data-testid=testid exact=true>
                {desk.tr(label)}
            </A>
        }
    };
    view! {
        <nav class="tabs" aria-label=desk.tr(Msg::Visitors)>
            {tab("/visitors", Msg::Register, "tab-register")}
            {tab("/visitors/onsite", Msg::OnSite, "tab-onsite")}
            {tab("/visitors/log", Msg::VisitLog, "tab-log")}
        </nav>
    }
}

/// A visit as one row of a list (for other modules' pages, such as a unit's).
pub fn row_view(row: data::Row) -> impl IntoView {
    view! { <row::VisitRow row=row /> }
}
