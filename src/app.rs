//! The root component: provides the [`Desk`] and holds the router.

use crate::components::shell::{Header, NavRail, UpdateBanner};
use crate::components::toast::ToastHost;
use crate::desk::Desk;
use crate::i18n::Msg;
use crate::pages::home::HomePage;
use crate::pages::module::{ModulePage, NotFound};
use crate::pages::settings::SettingsPage;
use crate::pages::visitors::{
    data as visit_data, detail::DetailPage, log::LogPage, onsite::OnSitePage,
    register::RegisterPage,
};
use crate::platform::storage_info;
use crate::storage::IdbStore;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use lobbydesk_core::{Lang, Localized, StoreError};

#[component]
pub fn App(
    /// The opened record store.
    store: IdbStore,
) -> impl IntoView {
    let desk = Desk::new(store);
    provide_context(desk);

    // Keep <html lang> and the title in the chosen language.
    Effect::new(move |_| {
        let lang = desk.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.document_element() {
                let _ = el.set_attribute("lang", lang.tag());
            }
            doc.set_title(&format!("{} LobbyDesk", Msg::AppName.text(Lang::Zh)));
        }
    });
    // Close visits left open past the cutoff: now (the app may not have run at the cutoff) and
    // every minute while it runs.
    let close_open_visits = move || {
        leptos::task::spawn_local(async move {
            match visit_data::auto_sign_out(desk).await {
                Ok(0) => {}
                Ok(n) => desk.toasts.info(format!("{n} {}", desk.t(Msg::AutoClosed))),
                Err(e) => desk.toasts.error(desk.explain(&e)),
            }
        })
    };
    close_open_visits();
    if let Ok(handle) =
        set_interval_with_handle(close_open_visits, std::time::Duration::from_secs(60))
    {
        on_cleanup(move || handle.clear());
    }
    // Ask once that the browser keep this desk's data.
    leptos::task::spawn_local(async move {
        desk.persisted.set(storage_info::request_persist().await);
    });

    view! {
        <Router>
            <div class="shell">
                <Header />
                <NavRail />
                <main class="content" id="main">
                    <UpdateBanner />
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/settings") view=SettingsPage />
                        <Route path=path!("/visitors") view=RegisterPage />
                        <Route path=path!("/visitors/onsite") view=OnSitePage />
                        <Route path=path!("/visitors/log") view=LogPage />
                        <Route path=path!("/visitors/v/:id") view=DetailPage />
                        <Route path=path!("/:module") view=ModulePage />
                    </Routes>
                </main>
                <ToastHost />
            </div>
        </Router>
    }
}

/// Shown instead of the app when the database cannot be opened.
#[component]
pub fn StartupError(error: StoreError) -> impl IntoView {
    let lang = crate::platform::settings::lang();
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
