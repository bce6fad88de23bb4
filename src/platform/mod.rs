//! The browser, behind small Rust functions: settings in localStorage, the clock and random ids,
//! the service worker and install prompt, storage persistence and quota, online state.
//! Pages never call `web_sys` for these themselves.

pub mod barcode;
pub mod clock;
pub mod crypto;
pub mod download;
pub mod online;
pub mod pwa;
pub mod serial;
pub mod settings;
pub mod sheet_worker;
pub mod signing;
pub mod storage_info;

/// Marks the moment the shell is interactive, for the start-up benchmark.
pub fn mark_interactive() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("lobbydesk:interactive");
    }
}

/// Opens the browser's print dialog (the page's print CSS decides what is printed).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
