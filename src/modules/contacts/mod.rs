//! 来电来访 Calls and walk-ins: the one-screen log, the history with search, the calls waiting
//! for a promised reply; and on the home screen every open promise (承诺), overdue ones in red,
//! kept or withdrawn there with what was done or why.

pub mod config;
pub mod data;
pub mod list;
pub mod log;
pub mod texts;

use crate::components::form::TextField;
use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::contacts::LOG_CONTACTS;
use lobbydesk_core::modules::promises::MAKE_PROMISES;
use lobbydesk_core::time;
use texts::ContactMsg as T;

/// The tabs above every calls screen.
pub const TABS: &[Tab] = &[
    Tab::new("/contacts", T::Log.tx(), "tab-ct-log"),
    Tab::new("/contacts/history", T::History.tx(), "tab-ct-history"),
    Tab::new("/contacts/waiting", T::Waiting.tx(), "tab-ct-waiting"),
    Tab::new(
        "/contacts/follow-up",
        T::FollowUpTab.tx(),
        "tab-ct-follow-up",
    ),
];

/// `/contacts`: log, history, waiting.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/contacts") view=|| view! { <TabbedModule label=Msg::CallsWalkIns tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=LOG_CONTACTS><log::LogPage /></Allowed> } />
            <Route path=path!("/history") view=|| view! { <Allowed needs=LOG_CONTACTS><list::HistoryPage /></Allowed> } />
            <Route path=path!("/waiting") view=|| view! { <Allowed needs=LOG_CONTACTS><list::WaitingPage /></Allowed> } />
            <Route path=path!("/follow-up") view=|| view! { <Allowed needs=LOG_CONTACTS><list::FollowUpPage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}

pub fn settings_card() -> AnyView {
    view! { <config::ContactSettingsCard /> }.into_any()
}

/// The home screen's card: every open promise, soonest due first, overdue ones in red.
pub fn home_card() -> AnyView {
    view! { <OpenPromises /> }.into_any()
}

#[component]
fn OpenPromises() -> impl IntoView {
    let desk = use_desk();
    // Overdue turns red on time, with the home screen left open.
    let tick = RwSignal::new(0u32);
    if let Ok(h) = set_interval_with_handle(
        move || tick.update(|t| *t += 1),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || h.clear());
    }
    let list = LocalResource::new(move || {
        desk.revision();
        tick.track();
        async move { data::open_promises(desk).await.unwrap_or_default() }
    });
    view! {
        <Show when=move || desk.can(MAKE_PROMISES)>
            <div class="card" data-testid="promises-card">
                <Suspense>
                    {move || Suspend::new(async move {
                        let rows = list.await;
                        let now = BrowserClock.now();
                        let late = rows.iter().filter(|(_, p)| p.overdue(now)).count();
                        view! {
                            <h2>{desk.tr(T::OpenPromises)} " " {rows.len()}
                                {(late > 0).then(|| view! { " · " <span class="badge bad" data-testid="promises-overdue">{format!("{late} ")}{desk.tr(T::Overdue)}</span> })}
                            </h2>
                            {rows.is_empty().then(|| view! { <p class="empty">{desk.tr(T::NoPromises)}</p> })}
                            <ul class="plain-list" data-testid="promise-list">
                                {rows.into_iter().map(|(e, p)| {
                                    let id = e.meta.id;
                                    let overdue = p.overdue(now);
                                    let (keep, withdraw) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
                                    let problem = RwSignal::new(None::<String>);
                                    let settle = move |yes: bool| {
                                        let text = if yes { keep.get_untracked() } else { withdraw.get_untracked() };
                                        leptos::task::spawn_local(async move {
                                            match data::settle(desk, id, yes, &text).await {
                                                Ok(()) => desk.changed(),
                                                Err(e) => problem.set(Some(e)),
                                            }
                                        });
                                    };
                                    let on_call = p.on.0 == <lobbydesk_core::modules::contacts::Contact as lobbydesk_core::Record>::KIND;
                                    view! {
                                        <li class="promise" class:late=overdue data-testid="promise-row">
                                            <strong class:bad=overdue>{desk.tr(T::Due)} " " {time::long(p.due)}</strong>
                                            {overdue.then(|| view! { " · " <span class="badge bad">{desk.tr(T::Overdue)}</span> })}
                                            <br/><span>{[p.what.clone(), p.to.clone(), p.phone.as_ref().map(|ph| ph.digits().to_string()).unwrap_or_default(), p.unit.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}</span>
                                            {on_call.then(|| view! { " " <A href="/contacts/waiting" attr:class="button-link" attr:data-testid="promise-open">{desk.tr(T::Reply)}</A> })}
                                            <details>
                                                <summary data-testid="promise-settle">{desk.tr(T::Keep)} " / " {desk.tr(T::Withdraw)}</summary>
                                                <div class="row">
                                                    <TextField id="pr-keep" label=T::KeepNote value=keep testid="promise-keep-note" maxlength=200 />
                                                    <button class="secondary" data-testid="promise-keep" on:click=move |_| settle(true)>{desk.tr(T::Keep)}</button>
                                                </div>
                                                <div class="row">
                                                    <TextField id="pr-withdraw" label=T::WithdrawReason value=withdraw testid="promise-withdraw-reason" maxlength=200 />
                                                    <button class="secondary danger" data-testid="promise-withdraw" on:click=move |_| settle(false)>{desk.tr(T::Withdraw)}</button>
                                                </div>
                                                <p class="field-error" role="alert">{move || problem.get()}</p>
                                            </details>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                    })}
                </Suspense>
            </div>
        </Show>
    }
}
