//! The tab bar above a module's screens: one link per tab, the current one marked, tabs the
//! person on duty may not use left out. A module's parent route shows it once above its
//! `<Outlet/>`, so every screen of the module has the same bar.
//!
//! ```ignore
//! pub const TABS: &[Tab] = &[Tab::new("/visitors", T::Register, "tab-register")];
//! view! { <TabbedModule label=Msg::Visitors tabs=TABS /> }   // the module's parent route view
//! ```

use crate::desk::use_desk;
use crate::i18n::{Msg, Text};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use lobbydesk_core::permit::Action;

/// One tab of a module.
#[derive(Clone, Copy)]
pub struct Tab {
    pub label: Text,
    pub path: &'static str,
    /// `data-testid` of the link.
    pub testid: &'static str,
    /// Shown only to people who may do this.
    pub permission: Option<Action>,
}

impl Tab {
    pub const fn new(path: &'static str, label: Text, testid: &'static str) -> Self {
        Tab {
            label,
            path,
            testid,
            permission: None,
        }
    }

    /// The same tab, shown only to people allowed `action`.
    pub const fn only_for(self, action: Action) -> Self {
        Tab {
            permission: Some(action),
            ..self
        }
    }
}

/// The tab bar: `label` names it for screen readers (the module's name).
#[component]
pub fn Tabs(label: Msg, tabs: &'static [Tab]) -> impl IntoView {
    let desk = use_desk();
    view! {
        <nav class="tabs" aria-label=desk.tr(label)>
            {tabs
                .iter()
                .map(|t| {
                    let link = move || {
                        view! {
                            <A href=t.path attr:class="tab" attr:data-testid=t.testid exact=true>
                                {desk.tr(t.label)}
                            </A>
                        }
                    };
                    match t.permission {
                        None => link().into_any(),
                        Some(action) => {
                            view! { <Show when=move || desk.can(action)>{link()}</Show> }.into_any()
                        }
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// A module's parent route view: its tab bar, then the screen of the matched child route.
#[component]
pub fn TabbedModule(label: Msg, tabs: &'static [Tab]) -> impl IntoView {
    let desk = use_desk();
    // Someone who may not read the desk's records (the gate) sees a module only when one of its
    // tabs is theirs.
    let open = move || {
        desk.can(lobbydesk_core::permit::Action::READ_RECORDS)
            || tabs
                .iter()
                .any(|t| t.permission.is_some_and(|a| desk.can(a)))
    };
    view! {
        <Show when=open fallback=|| view! { <crate::pages::signin::Refused /> }>
            <Tabs label=label tabs=tabs />
            <Outlet />
        </Show>
    }
}
