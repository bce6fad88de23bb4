//! LobbyDesk, the browser app. `main.rs` only calls [`start`]. See ARCHITECTURE.md.

pub mod app;
pub mod bench;
pub mod components;
pub mod desk;
pub mod i18n;
pub mod modules;
pub mod pages;
pub mod platform;
pub mod storage;
pub mod toasts;

use leptos::prelude::*;

/// Opens the database, then mounts the app (or a start-up error the clerk can act on).
pub fn start() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let opened = match storage::IdbStore::open(storage::DB_NAME, show_blocked).await {
            Ok(store) => upgrade_layouts(&store).await.map(|()| store),
            Err(e) => Err(e),
        };
        remove_splash();
        match opened {
            Ok(store) => leptos::mount::mount_to_body(move || view! { <app::App store /> }),
            Err(error) => {
                leptos::mount::mount_to_body(move || view! { <app::StartupError error /> })
            }
        }
        platform::mark_interactive();
    });
}

/// Brings records of kinds whose shape or indexes changed since this tablet last opened its
/// database up to date (see `lobbydesk_core::layout`), before any page reads them.
async fn upgrade_layouts(store: &storage::IdbStore) -> Result<(), lobbydesk_core::StoreError> {
    use lobbydesk_core::clock::Clock;
    let device = platform::settings::device_id(&platform::clock::CryptoIds);
    let hlc = std::cell::RefCell::new(platform::settings::hlc(device));
    let stamp = || {
        let now = platform::clock::BrowserClock.now();
        lobbydesk_core::Stamp {
            now,
            version: hlc.borrow_mut().tick(now.timestamp_millis().max(0) as u64),
        }
    };
    lobbydesk_core::layout::upgrade_stale(
        store,
        lobbydesk_core::registry::kinds(),
        &lobbydesk_core::exchange::take_out_pictures,
        stamp,
    )
    .await?;
    platform::settings::save_hlc(hlc.borrow().last());
    Ok(())
}

fn splash() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("splash")
}

fn remove_splash() {
    if let Some(el) = splash() {
        el.remove();
    }
}

/// Another tab holds the database at an older version: say so on the start screen.
fn show_blocked() {
    if let Some(el) = splash() {
        let lang = platform::settings::lang();
        el.set_text_content(Some(&lobbydesk_core::Localized::message(
            &lobbydesk_core::StoreError::Blocked,
            lang,
        )));
    }
}
