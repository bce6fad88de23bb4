//! The root component: provides the [`Desk`], resumes or asks for the person on duty, runs the
//! app's own jobs, and holds the router.

use crate::components::shell::{Header, NavRail, UpdateBanner};
use crate::components::toast::ToastHost;
use crate::desk::Desk;
use crate::i18n::Msg;
use crate::modules::visitors::{data as visit_data, texts::visitors_auto_closed};
use crate::modules::{
    complaints, contacts, deposits, fees, handover, inspections, keys, parcels, release_passes,
    residents, visitors, work_orders,
};
use crate::pages::audit::AuditPage;
use crate::pages::exchange::ExchangePage;
use crate::pages::home::HomePage;
use crate::pages::module::{ModulePage, NotFound};
use crate::pages::settings::SettingsPage;
use crate::pages::signin::{FirstRun, LockScreen};
use crate::pages::staff::StaffPage;
use crate::platform::{settings, storage_info};
use crate::storage::IdbStore;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use lobbydesk_core::modules::parcels::Parcel;
use lobbydesk_core::modules::staff::Staff;
use lobbydesk_core::modules::visitors::Visit;
use lobbydesk_core::modules::work_orders::WorkOrder;
use lobbydesk_core::{Localized, Record, RecordStore, StoreError};
use std::time::Duration;

/// Where the gate stands: still looking, first start, or staff exist.
#[derive(Clone, Copy, PartialEq)]
enum Gate {
    Starting,
    FirstRun,
    Ready,
}

#[component]
pub fn App(
    /// The opened record store.
    store: IdbStore,
) -> impl IntoView {
    let desk = Desk::new(store);
    provide_context(desk);

    // Keep <html lang> in the chosen language.
    Effect::new(move |_| {
        let lang = desk.lang.get();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang.tag());
        }
    });

    // First start, or resume the person on duty if they were active within the idle time.
    let gate = RwSignal::new(Gate::Starting);
    leptos::task::spawn_local(async move {
        let store = desk.store();
        match store.has_staff().await {
            Ok(false) => return gate.set(Gate::FirstRun),
            Ok(true) => {}
            Err(e) => desk.toasts.error(desk.explain(&e)),
        }
        let idle = chrono::Duration::minutes(i64::from(settings::idle_minutes()));
        let now = lobbydesk_core::clock::Clock::now(&crate::platform::clock::BrowserClock);
        if let Ok(Some(id)) =
            lobbydesk_core::modules::staff::services::resume(store.inner(), now, idle).await
            && let Ok(Some(env)) = store.inner().get(Staff::KIND, id).await
            && let Ok(staff) = env.decode::<Staff>()
            && staff.active
        {
            desk.sign_in(id, &staff).await;
        }
        gate.set(Gate::Ready);
    });
    let first_done = RwSignal::new(false);
    Effect::new(move |_| {
        if first_done.get() {
            gate.set(Gate::Ready);
        }
    });

    // The idle lock: any touch or key counts as activity; checked every 15 s.
    let _ = window_event_listener(ev::pointerdown, move |_| desk.touch(false));
    let _ = window_event_listener(ev::keydown, move |_| desk.touch(false));
    if let Ok(h) = set_interval_with_handle(move || desk.lock_if_idle(), Duration::from_secs(15)) {
        on_cleanup(move || h.clear());
    }

    // Close visits left open past the cutoff: now (the app may not have run at the cutoff) and
    // every minute while it runs, as the app itself, signed in or not.
    let close_open_visits = move || {
        leptos::task::spawn_local(async move {
            match visit_data::auto_sign_out(desk).await {
                Ok(0) => {}
                Ok(n) => desk
                    .toasts
                    .info(visitors_auto_closed(desk.lang.get_untracked(), n)),
                Err(e) => desk.toasts.error(desk.explain(&e)),
            }
        })
    };
    close_open_visits();
    if let Ok(h) = set_interval_with_handle(close_open_visits, Duration::from_secs(60)) {
        on_cleanup(move || h.clear());
    }
    // Remove visitors' and parcels' personal data past their retention periods: at start and
    // every six hours.
    let purge = move || {
        leptos::task::spawn_local(async move {
            // Held, with a warning, while the clock is behind what this tablet saw.
            let Some(now) = desk.purge_time() else {
                return;
            };
            desk.purge::<Visit>(settings::retention_days(), now).await;
            desk.purge::<Parcel>(settings::parcel_retention_days(), now)
                .await;
            desk.purge::<WorkOrder>(settings::work_retention_days(), now)
                .await;
            let calls = settings::contact_retention_days();
            desk.purge::<lobbydesk_core::modules::contacts::Contact>(calls, now)
                .await;
            desk.purge::<lobbydesk_core::modules::promises::Promise>(calls, now)
                .await;
            desk.purge::<lobbydesk_core::modules::complaints::Complaint>(
                settings::complaint_retention_days(),
                now,
            )
            .await;
            // Deposited items are kept as long as parcels.
            desk.purge::<lobbydesk_core::modules::deposits::Deposit>(
                settings::parcel_retention_days(),
                now,
            )
            .await;
            // Passes hold names and plates as visits do: kept as long.
            desk.purge::<lobbydesk_core::modules::release_passes::Pass>(
                settings::retention_days(),
                now,
            )
            .await;
            desk.purge::<lobbydesk_core::modules::release_passes::ticket::GateCheck>(
                settings::retention_days(),
                now,
            )
            .await;
            desk.purge::<lobbydesk_core::modules::fees::Payment>(
                settings::fee_retention_days(),
                now,
            )
            .await;
            desk.purge::<lobbydesk_core::modules::keys::KeyLoan>(
                settings::key_retention_days(),
                now,
            )
            .await;
        })
    };
    purge();
    if let Ok(h) = set_interval_with_handle(purge, Duration::from_secs(6 * 3600)) {
        on_cleanup(move || h.clear());
    }
    // Ask once that the browser keep this desk's data.
    leptos::task::spawn_local(async move {
        desk.persisted.set(storage_info::request_persist().await);
    });

    let signed_in = move || desk.session.with(|s| s.is_some());
    view! {
        <Router>
            {move || match gate.get() {
                Gate::Starting => view! { <div class="splash">{desk.tr(Msg::Loading)}</div> }.into_any(),
                Gate::FirstRun => view! { <FirstRun done=first_done /><ToastHost /> }.into_any(),
                Gate::Ready if !signed_in() => view! { <LockScreen /><ToastHost /> }.into_any(),
                Gate::Ready => view! { <Shell /> }.into_any(),
            }}
        </Router>
    }
}

/// The frame and the routes, for a signed-in person.
#[component]
fn Shell() -> impl IntoView {
    // Every screen opens at its top, whatever was scrolled on the one before.
    let location = leptos_router::hooks::use_location();
    // Portrait folds the navigation behind a menu button; choosing a screen closes it.
    let menu = RwSignal::new(false);
    Effect::new(move |_| {
        let _path = location.pathname.get();
        menu.set(false);
        // After the new screen is in place (the router swaps it in after the path changes).
        request_animation_frame(crate::components::shell::scroll_to_top);
    });
    let resized = window_event_listener(ev::resize, move |_| {
        crate::components::shell::keep_focus_in_view();
    });
    on_cleanup(move || resized.remove());
    view! {
        <div class="shell">
            <Header menu=menu />
            <NavRail menu=menu />
            <main class="content" id="main">
                <UpdateBanner />
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/staff") view=StaffPage />
                    <Route path=path!("/audit") view=AuditPage />
                    <Route path=path!("/exchange") view=ExchangePage />
                    // One line per module: its parent route (tab bar) and screens.
                    <visitors::Routes />
                    <parcels::Routes />
                    <inspections::Routes />
                    <work_orders::Routes />
                    <contacts::Routes />
                    <complaints::Routes />
                    <keys::Routes />
                    <deposits::Routes />
                    <handover::Routes />
                    <release_passes::Routes />
                    <fees::Routes />
                    <residents::Routes />
                    <Route path=path!("/:module") view=ModulePage />
                </Routes>
            </main>
            // Under the page, not over it: a message never hides the field being typed in.
            <ToastHost />
        </div>
    }
}

/// Shown instead of the app when the database cannot be opened.
#[component]
pub fn StartupError(error: StoreError) -> impl IntoView {
    let lang = settings::lang();
    view! {
        <div class="startup-error" role="alert" data-testid="startup-error">
            <h1>{Msg::StartupFailed.text(lang)}</h1>
            <p>{error.message(lang)}</p>
            <button on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }>{Msg::TryAgain.text(lang)}</button>
        </div>
    }
}
