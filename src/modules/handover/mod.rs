//! 交接班 The shift handover on the tablet: the open page (what the desk knows to hand over,
//! ticked or noted; the petty cash counted; three signatures), the book of pages, one page
//! printable on A4; the float set in settings. What is carried and the rules of signing are the
//! core's (`modules::handover`).

pub mod data;
pub mod pages;
pub mod texts;

use crate::components::tabs::{Tab, TabbedModule};
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::modules::handover::HAND_OVER;
use texts::HandoverMsg as T;

/// The tabs above every handover screen.
pub const TABS: &[Tab] = &[
    Tab::new("/handover", T::Current.tx(), "tab-ho-current"),
    Tab::new("/handover/book", T::Book.tx(), "tab-ho-book"),
];

/// `/handover`: the open page, the book, one page.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/handover") view=|| view! { <TabbedModule label=Msg::Handover tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=HAND_OVER><pages::CurrentPage /></Allowed> } />
            <Route path=path!("/book") view=|| view! { <Allowed needs=HAND_OVER><pages::BookPage /></Allowed> } />
            <Route path=path!("/h/:id") view=|| view! { <Allowed needs=HAND_OVER><pages::SheetPage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}

pub fn settings_card() -> AnyView {
    view! { <pages::FloatCard /> }.into_any()
}
