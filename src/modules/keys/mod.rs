//! 钥匙 Keys: the register (which key, what it opens, its hook, the copies at the desk), one key's
//! page to lend it (borrower, reason, due back, signature) and take it back (condition,
//! signature), the keys out with the overdue ones first; on the home screen the keys overdue; on a
//! unit's page the unit's keys.

pub mod data;
pub mod key;
pub mod list;
pub mod texts;

use crate::components::days::DaysCard;
use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::keys::{LEND_KEYS, MANAGE_KEYS};
use lobbydesk_core::time;
use texts::KeyMsg as T;

/// The tabs above every key screen.
pub const TABS: &[Tab] = &[
    Tab::new("/keys", T::Register.tx(), "tab-key-register"),
    Tab::new("/keys/out", T::Out.tx(), "tab-key-out"),
    Tab::new("/keys/new", T::NewKey.tx(), "tab-key-new").only_for(MANAGE_KEYS),
];

/// `/keys`: the register, the keys out, a new key, one key.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/keys") view=|| view! { <TabbedModule label=Msg::Keys tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=LEND_KEYS><list::RegisterPage /></Allowed> } />
            <Route path=path!("/out") view=|| view! { <Allowed needs=LEND_KEYS><list::OutPage /></Allowed> } />
            <Route path=path!("/new") view=|| view! { <Allowed needs=MANAGE_KEYS><key::NewKeyPage /></Allowed> } />
            <Route path=path!("/k/:id") view=|| view! { <Allowed needs=LEND_KEYS><key::KeyPage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}

pub fn settings_card() -> AnyView {
    view! {
        <DaysCard title=T::SettingsTitle label=T::KeepDays setting="key.retention_days"
            get=settings::key_retention_days set=settings::set_key_retention_days
            field="key-keep" testid="key-settings" />
    }
    .into_any()
}

/// The home screen's card: keys out past their time (nothing when none is).
pub fn home_card() -> AnyView {
    view! { <OverdueKeys /> }.into_any()
}

#[component]
fn OverdueKeys() -> impl IntoView {
    let desk = use_desk();
    // Overdue on time, with the home screen left open.
    let tick = RwSignal::new(0u32);
    if let Ok(h) = set_interval_with_handle(
        move || tick.update(|t| *t += 1),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || h.clear());
    }
    let late = LocalResource::new(move || {
        desk.revision();
        tick.track();
        async move {
            let now = BrowserClock.now();
            let mut v = data::out(desk).await.unwrap_or_default();
            v.retain(|(_, l)| l.overdue(now));
            v
        }
    });
    view! {
        <Show when=move || desk.can(LEND_KEYS)>
            <Suspense>
                {move || Suspend::new(async move {
                    let rows = late.await;
                    (!rows.is_empty()).then(|| view! {
                        <div class="card" data-testid="keys-overdue-card">
                            <h2><span class="badge bad">{rows.len()}</span> " " {desk.tr(T::OverdueKeys)}</h2>
                            <ul class="plain-list">
                                {rows.into_iter().map(|(_, l)| view! {
                                    <li class="promise late" data-testid="key-overdue-row">
                                        <A href=format!("/keys/k/{}", l.key) attr:class="wo-open" attr:data-testid="key-overdue-open"><strong>{l.key_label.clone()}</strong></A>
                                        " · " {lobbydesk_core::spec::Mask::Name.apply(&l.name)} " · " <span class="bad">{desk.tr(T::Due)} " " {time::short(l.due)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                })}
            </Suspense>
        </Show>
    }
}
