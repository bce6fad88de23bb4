//! Online/offline state from `navigator.onLine` and the window's online/offline events.

use leptos::ev;
use leptos::prelude::*;

/// A signal that is true while the browser believes it has a network.
pub fn online_signal() -> ReadSignal<bool> {
    let initial = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true);
    let (online, set_online) = signal(initial);
    let _ = window_event_listener(ev::online, move |_| set_online.set(true));
    let _ = window_event_listener(ev::offline, move |_| set_online.set(false));
    online
}
