//! The service worker and the install prompt.
//!
//! `sw.js` is generated after each build (`scripts/gen-sw.sh`) with the list of that build's
//! hashed files, so a new deploy installs as a whole beside the running one. When it is
//! installed and waiting, [`Pwa::update_ready`] turns true and the shell shows a reload prompt;
//! [`Pwa::apply_update`] activates it and reloads once the new worker controls the page.

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Service-worker and install state, shared by the shell and the settings page.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// A newer build is installed and waiting.
    pub update_ready: RwSignal<bool>,
    /// A service worker controls this page (the app will open offline).
    pub offline_ready: RwSignal<bool>,
    /// The browser offered installation (`beforeinstallprompt`).
    pub can_install: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    install_event: StoredValue<Option<JsValue>, LocalStorage>,
}

fn container() -> Option<ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    Reflect::has(&nav, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| nav.service_worker())
}

fn on_event(target: &web_sys::EventTarget, name: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
    cb.forget();
}

impl Pwa {
    /// Registers the service worker and listens for updates and the install prompt.
    pub fn start() -> Self {
        let pwa = Pwa {
            update_ready: RwSignal::new(false),
            offline_ready: RwSignal::new(false),
            can_install: RwSignal::new(false),
            registration: StoredValue::new_local(None),
            install_event: StoredValue::new_local(None),
        };
        if let Some(window) = web_sys::window() {
            let install_event = pwa.install_event;
            let can_install = pwa.can_install;
            on_event(&window, "beforeinstallprompt", move |ev| {
                ev.prevent_default();
                install_event.set_value(Some(ev.into()));
                can_install.set(true);
            });
            on_event(&window, "appinstalled", move |_| can_install.set(false));
        }
        if let Some(c) = container() {
            pwa.offline_ready.set(c.controller().is_some());
            let offline_ready = pwa.offline_ready;
            on_event(&c, "controllerchange", move |_| offline_ready.set(true));
            wasm_bindgen_futures::spawn_local(pwa.register(c));
        }
        pwa
    }

    async fn register(self, c: ServiceWorkerContainer) {
        let Ok(reg) = JsFuture::from(c.register("/sw.js")).await else {
            leptos::logging::warn!(
                "service worker registration failed; the app will not open offline"
            );
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        if reg.waiting().is_some() && c.controller().is_some() {
            self.update_ready.set(true);
        }
        let update_ready = self.update_ready;
        let reg2 = reg.clone();
        on_event(&reg, "updatefound", move |_| {
            let Some(sw) = reg2.installing() else { return };
            let sw2 = sw.clone();
            let c = c.clone();
            on_event(&sw, "statechange", move |_| {
                // Installed while another worker controls the page: a newer build is waiting.
                if sw2.state() == ServiceWorkerState::Installed && c.controller().is_some() {
                    update_ready.set(true);
                }
            });
        });
        self.registration.set_value(Some(reg));
    }

    /// Activates the waiting build and reloads into it.
    pub fn apply_update(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(|r| r.waiting()));
        match (waiting, container()) {
            (Some(sw), Some(c)) => {
                let w = window.clone();
                on_event(&c, "controllerchange", move |_| {
                    let _ = w.location().reload();
                });
                let _ = sw.post_message(&JsValue::from_str("skipWaiting"));
            }
            _ => {
                let _ = window.location().reload();
            }
        }
    }

    /// Asks the browser to look for a newer build now. Err when it cannot (offline).
    pub async fn check_for_update(&self) -> Result<(), ()> {
        let reg = self.registration.with_value(|r| r.clone()).ok_or(())?;
        let p = reg.update().map_err(|_| ())?;
        JsFuture::from(p).await.map(|_| ()).map_err(|_| ())
    }

    /// Shows the browser's install dialog, when it offered one.
    pub fn install(&self) {
        let Some(ev) = self.install_event.with_value(|e| e.clone()) else {
            return;
        };
        if let Ok(prompt) = Reflect::get(&ev, &JsValue::from_str("prompt")) {
            if let Some(f) = prompt.dyn_ref::<Function>() {
                let _ = f.call0(&ev);
            }
        }
        self.install_event.set_value(None);
        self.can_install.set(false);
    }
}
